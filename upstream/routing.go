package upstream

import (
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
)

// hostport renders the host and, when not the scheme's default, the port.
func (o origin) hostport() string {
	h := o.host
	if strings.Contains(h, ":") {
		h = "[" + h + "]"
	}
	if o.port == defaultPort(o.scheme) {
		return h
	}
	return h + ":" + o.port
}

// cleanPath reports whether the decoded path of u is free of anything that
// could make a server (or a proxy in front of it) resolve it to a different
// location than a plain segment-wise reading does: dot segments, encoded
// slashes or backslashes, backslashes, percent signs left after decoding
// (double encoding), path parameters and control characters or spaces.
func cleanPath(u *url.URL) bool {
	esc := strings.ToLower(u.EscapedPath())
	if strings.Contains(esc, "%2f") || strings.Contains(esc, "%5c") {
		return false
	}
	p := u.Path
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case c <= ' ' || c == 0x7f, c == '\\', c == '%', c == ';':
			return false
		}
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == "." || seg == ".." {
			return false
		}
	}
	return true
}

// underBase reports whether path lies at or below the base path on a
// segment boundary.
func underBase(basePath, path string) bool {
	if basePath == "" {
		return true
	}
	if !strings.HasPrefix(path, basePath) {
		return false
	}
	rest := path[len(basePath):]
	return rest == "" || rest[0] == '/'
}

// parseAbsolute parses an absolute http(s) URL and rejects forms that are
// ambiguous or dangerous to attach credentials to. The returned reason is
// empty on success.
func parseAbsolute(raw string) (*url.URL, origin, string) {
	if strings.ContainsAny(raw, "\\") {
		return nil, origin{}, "URL contains a backslash"
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, origin{}, "URL does not parse"
	}
	if !u.IsAbs() || u.Opaque != "" {
		return nil, origin{}, "URL is not an absolute hierarchical URL"
	}
	if u.User != nil {
		return nil, origin{}, "URL carries userinfo"
	}
	o, ok := originOf(u)
	if !ok {
		return nil, origin{}, "URL is not an http(s) URL with a host"
	}
	if !cleanPath(u) {
		return nil, origin{}, "URL path has dot segments, encoded separators or forbidden characters"
	}
	return u, o, ""
}

// owns reports whether the parsed URL belongs to base b.
func (b base) owns(u *url.URL, o origin) bool {
	return o == b.origin && underBase(b.path, u.Path)
}

// resolve turns a path relative to the base, or an absolute URL that the
// base owns, into the URL to request. Everything else is an UnknownSource
// error.
func (c *Client) resolve(urlOrPath string) (*url.URL, error) {
	if urlOrPath == "" {
		return c.canonical(&url.URL{Path: c.base.path}), nil
	}
	if strings.HasPrefix(urlOrPath, "//") || hasScheme(urlOrPath) {
		u, o, reason := parseAbsolute(urlOrPath)
		if reason != "" {
			return nil, c.unknownSource(urlOrPath, reason)
		}
		if !c.base.owns(u, o) {
			return nil, c.unknownSource(urlOrPath, "URL does not belong to upstream base "+c.base.String())
		}
		return c.canonical(u), nil
	}
	if strings.ContainsAny(urlOrPath, "\\") {
		return nil, c.unknownSource(urlOrPath, "path contains a backslash")
	}
	rel, err := url.Parse(urlOrPath)
	if err != nil || rel.Host != "" || rel.User != nil {
		return nil, c.unknownSource(urlOrPath, "path does not parse")
	}
	joined := &url.URL{Path: c.base.path + "/" + strings.TrimLeft(rel.Path, "/"), RawQuery: rel.RawQuery}
	if rel.RawPath != "" {
		joined.RawPath = (&url.URL{Path: c.base.path}).EscapedPath() + "/" + strings.TrimLeft(rel.RawPath, "/")
	}
	if !cleanPath(joined) {
		return nil, c.unknownSource(urlOrPath, "path has dot segments, encoded separators or forbidden characters")
	}
	return c.canonical(joined), nil
}

// hasScheme reports whether s starts with something that looks like a URL
// scheme ("file:", "javascript:").
func hasScheme(s string) bool {
	i := strings.IndexByte(s, ':')
	if i <= 0 {
		return false
	}
	if j := strings.IndexAny(s, "/?#"); j >= 0 && j < i {
		return false
	}
	for k := 0; k < i; k++ {
		ch := s[k]
		alpha := ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z'
		if !alpha && (k == 0 || !(ch >= '0' && ch <= '9' || ch == '+' || ch == '-' || ch == '.')) {
			return false
		}
	}
	return true
}

// canonical rewrites u onto the client's own scheme and host spelling.
func (c *Client) canonical(u *url.URL) *url.URL {
	out := &url.URL{
		Scheme:   c.base.scheme,
		Host:     c.base.hostport(),
		Path:     u.Path,
		RawPath:  u.RawPath,
		RawQuery: u.RawQuery,
	}
	return out
}

// Owns reports whether rawURL is an absolute URL that belongs to this
// upstream: same scheme, host (case-insensitive) and port (default ports
// normalised), a path at or below the base path on a segment boundary, and
// none of the ambiguous forms (userinfo, dot segments, encoded slashes).
func (c *Client) Owns(rawURL string) bool {
	u, o, reason := parseAbsolute(rawURL)
	return reason == "" && c.base.owns(u, o)
}

// ownsRequestURL checks a URL about to be sent (after resolution or built by
// a caller).
func (c *Client) ownsRequestURL(u *url.URL) bool {
	if u == nil || u.User != nil || u.Opaque != "" {
		return false
	}
	o, ok := originOf(u)
	return ok && cleanPath(u) && c.base.owns(u, o)
}

func (c *Client) unknownSource(raw, reason string) *Error {
	return &Error{Op: "resolve", Kind: UnknownSource, Source: c.cfg.Name, URL: redactURL(raw), Detail: reason}
}

// redactURL drops userinfo from a URL before it is put in an error.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return raw
	}
	u.User = nil
	return u.String()
}

// Registry holds the clients of all configured upstreams and routes
// resource URLs to the client that owns them.
type Registry struct {
	clients []*Client          // configuration order
	byName  map[string]*Client // by Upstream.Name
	routes  []*Client          // longest base path first
}

// NewRegistry builds a client per upstream. Unless WithTransport is given,
// all clients share one keep-alive transport whose idle pool per host is at
// least the largest MaxConcurrency.
func NewRegistry(ups []Upstream, opts ...Option) (*Registry, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	if o.transport == nil {
		maxConc, total := 0, 0
		for _, u := range ups {
			mc := u.withDefaults().MaxConcurrency
			total += mc
			maxConc = max(maxConc, mc)
		}
		opts = append(opts, WithTransport(NewTransport(maxConc, total)))
	}
	r := &Registry{byName: make(map[string]*Client, len(ups))}
	seenBase := make(map[string]string)
	for _, u := range ups {
		c, err := NewClient(u, opts...)
		if err != nil {
			return nil, err
		}
		if _, dup := r.byName[u.Name]; dup {
			return nil, fmt.Errorf("upstream: duplicate name %q", u.Name)
		}
		key := c.base.String()
		if other, dup := seenBase[key]; dup {
			return nil, fmt.Errorf("upstream: %q and %q have the same base URL %s", other, u.Name, key)
		}
		seenBase[key] = u.Name
		r.byName[u.Name] = c
		r.clients = append(r.clients, c)
	}
	r.routes = append([]*Client(nil), r.clients...)
	sort.SliceStable(r.routes, func(i, j int) bool {
		return len(r.routes[i].base.path) > len(r.routes[j].base.path)
	})
	return r, nil
}

// Route returns the client whose base URL owns rawURL; when several do, the
// longest base path wins. A URL no upstream owns is an *Error of kind
// UnknownSource.
func (r *Registry) Route(rawURL string) (*Client, error) {
	u, o, reason := parseAbsolute(rawURL)
	if reason == "" {
		for _, c := range r.routes {
			if c.base.owns(u, o) {
				return c, nil
			}
		}
		reason = "no configured upstream owns this URL"
	}
	return nil, &Error{Op: "route", Kind: UnknownSource, URL: redactURL(rawURL), Detail: reason}
}

// ByKind returns the clients of the given API kind, in configuration order.
func (r *Registry) ByKind(kind APIKind) []*Client {
	var out []*Client
	for _, c := range r.clients {
		if c.cfg.Kind == kind {
			out = append(out, c)
		}
	}
	return out
}

// ByName returns the client of the named upstream.
func (r *Registry) ByName(name string) (*Client, bool) {
	c, ok := r.byName[name]
	return c, ok
}

// Clients returns all clients in configuration order.
func (r *Registry) Clients() []*Client {
	return append([]*Client(nil), r.clients...)
}

// sameOrigin is the redirect policy: a redirect is followed only to the
// upstream's own scheme, host and port.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= maxRedirects {
		return errTooManyRedirects
	}
	o, ok := originOf(req.URL)
	if !ok || o != c.base.origin || req.URL.User != nil {
		return errRedirectRefused
	}
	return nil
}
