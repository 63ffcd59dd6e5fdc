package config

import (
	"fmt"
	"maps"
	"net"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/klantgraaf/klantgraaf/upstream"
)

// Limits on configuration values.
const (
	MaxUpstreamConcurrency = 1000
	maxNameLen             = 64
	maxEndUserLen          = 256
)

// APIKinds lists the accepted values of upstreams[].api.
var APIKinds = []string{
	string(upstream.APIZaken), string(upstream.APICatalogi), string(upstream.APIDocumenten),
	string(upstream.APIKlanten), string(upstream.APIContactmomenten), string(upstream.APIVerzoeken),
	string(upstream.APIKlantinteracties), string(upstream.APIContactgegevens),
}

// ApplyDefaults fills every unset (zero) upstream limit with its default.
// Parse does this for absent fields; a configuration built in code calls it
// before Validate.
func (c *Config) ApplyDefaults() {
	c.applyUpstreamDefaults(func(string) bool { return false })
}

// applyUpstreamDefaults sets the limits of upstreams whose field is not
// present; present reports whether a field path was given explicitly.
func (c *Config) applyUpstreamDefaults(present func(path string) bool) {
	for i := range c.UpstreamConfigs {
		u := &c.UpstreamConfigs[i]
		p := fmt.Sprintf("upstreams[%d].", i)
		if u.Timeout == 0 && !present(p+"timeout") {
			u.Timeout = Duration(upstream.DefaultTimeout)
		}
		if u.MaxConcurrency == 0 && !present(p+"maxConcurrency") {
			u.MaxConcurrency = upstream.DefaultMaxConcurrency
		}
		if u.MaxResponseBytes == 0 && !present(p+"maxResponseBytes") {
			u.MaxResponseBytes = upstream.DefaultMaxResponseBytes
		}
	}
}

// Validate checks the whole configuration and returns every problem, joined
// (see Errors), each a *FieldError naming its field.
func (c *Config) Validate() error {
	errs := c.validate()
	if len(errs) == 0 {
		return nil
	}
	return joinSorted(errs)
}

type checker struct {
	c    *Config
	errs []*FieldError
}

func (k *checker) add(field, format string, args ...any) {
	k.errs = append(k.errs, &FieldError{Field: field, Line: k.c.lineOf(field), Msg: fmt.Sprintf(format, args...)})
}

func (c *Config) validate() []*FieldError {
	k := &checker{c: c}
	k.listen()
	k.upstreams()
	k.endUser()
	if c.MaxBodyBytes <= 0 {
		k.add("maxBodyBytes", "must be greater than 0")
	}
	if c.RequestTimeout <= 0 {
		k.add("requestTimeout", "must be greater than 0")
	}
	switch c.Log.Level {
	case "debug", "info", "warn", "error":
	default:
		k.add("log.level", "must be debug, info, warn or error, got %q", c.Log.Level)
	}
	switch c.Log.Format {
	case "text", "json":
	default:
		k.add("log.format", "must be text or json, got %q", c.Log.Format)
	}
	k.redis()
	k.cache()
	k.access()
	k.limits()
	return k.errs
}

func (k *checker) listen() {
	l := k.c.Listen
	if l == "" {
		k.add("listen", "required, e.g. \":8080\" or \"127.0.0.1:8080\"")
		return
	}
	_, port, err := net.SplitHostPort(l)
	if err != nil {
		k.add("listen", "must be HOST:PORT or :PORT, got %q", l)
		return
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		k.add("listen", "port must be a number from 0 to 65535, got %q", port)
	}
}

func validName(s string) bool {
	if s == "" || len(s) > maxNameLen {
		return false
	}
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		case (r == '-' || r == '_' || r == '.') && i > 0:
		default:
			return false
		}
	}
	return true
}

func (k *checker) upstreams() {
	ups := k.c.UpstreamConfigs
	if len(ups) == 0 {
		k.add("upstreams", "at least one upstream is required")
		return
	}
	names := map[string]int{}
	prefixes := map[string]int{}
	bases := map[string]int{}
	registers := map[string]int{}
	for i, u := range ups {
		p := fmt.Sprintf("upstreams[%d].", i)
		before := len(k.errs)
		switch {
		case u.Name == "":
			k.add(p+"name", "required")
		case !validName(u.Name):
			k.add(p+"name", "must be 1 to %d letters, digits, \".\", \"_\" or \"-\", starting with a letter or digit, got %q", maxNameLen, u.Name)
		default:
			if j, dup := names[u.Name]; dup {
				k.add(p+"name", "duplicate name %q, also used by upstreams[%d]", u.Name, j)
			} else if j, dup := prefixes[EnvPrefix(u.Name)]; dup {
				k.add(p+"name", "%q and upstreams[%d].name %q share the environment variables %s*", u.Name, j, ups[j].Name, EnvPrefix(u.Name))
			}
			names[u.Name] = i
			if _, seen := prefixes[EnvPrefix(u.Name)]; !seen {
				prefixes[EnvPrefix(u.Name)] = i
			}
		}
		switch {
		case u.API == "":
			k.add(p+"api", "required, one of %s", strings.Join(APIKinds, ", "))
		case !upstream.APIKind(u.API).Valid():
			k.add(p+"api", "unknown api kind %q, want one of %s", u.API, strings.Join(APIKinds, ", "))
		}
		if norm, msg := checkBaseURL(u.BaseURL); msg != "" {
			k.add(p+"baseUrl", "%s", msg)
		} else if j, dup := bases[norm]; dup {
			k.add(p+"baseUrl", "same base URL as upstreams[%d] (%s); every upstream needs its own", j, ups[j].Name)
		} else {
			bases[norm] = i
		}
		k.auth(p+"auth", u.Auth)
		if u.Timeout <= 0 {
			k.add(p+"timeout", "must be greater than 0")
		}
		if u.MaxConcurrency < 1 || u.MaxConcurrency > MaxUpstreamConcurrency {
			k.add(p+"maxConcurrency", "must be from 1 to %d, got %d", MaxUpstreamConcurrency, u.MaxConcurrency)
		}
		if u.MaxResponseBytes <= 0 {
			k.add(p+"maxResponseBytes", "must be greater than 0")
		}
		k.retries(p+"retries.", u.Retries)
		k.breaker(p+"breaker.", u.Breaker)
		if u.RegisterCode != "" {
			if u.API != string(upstream.APIZaken) {
				k.add(p+"registerCode", "only a zaken upstream has a register code (this one is %s)", u.API)
			} else if j, dup := registers[u.RegisterCode]; dup {
				k.add(p+"registerCode", "register code %q is also used by upstreams[%d] (%s)", u.RegisterCode, j, ups[j].Name)
			} else {
				registers[u.RegisterCode] = i
			}
		}
		if len(k.errs) == before {
			// The upstream package has the final word on what it accepts.
			if err := u.upstream().Validate(); err != nil {
				k.add(strings.TrimSuffix(p, "."), "%v", err)
			}
		}
	}
}

func (k *checker) auth(p string, a Auth) {
	notUsed := func(field, typ string) {
		k.add(p+"."+field, "not used with type %s; remove it", typ)
	}
	switch upstream.AuthType(a.Type) {
	case "":
		k.add(p+".type", "required: zgw-jwt, token or none")
	case upstream.AuthZGWJWT:
		if a.ClientID == "" {
			k.add(p+".clientId", "required for type zgw-jwt")
		}
		if a.Secret == "" {
			k.add(p+".secret", "required for type zgw-jwt")
		}
		if a.Token != "" {
			notUsed("token", a.Type)
		}
	case upstream.AuthToken:
		if a.Token == "" {
			k.add(p+".token", "required for type token")
		}
		if a.ClientID != "" {
			notUsed("clientId", a.Type)
		}
		if a.Secret != "" {
			notUsed("secret", a.Type)
		}
	case upstream.AuthNone:
		if a.ClientID != "" {
			notUsed("clientId", a.Type)
		}
		if a.Secret != "" {
			notUsed("secret", a.Type)
		}
		if a.Token != "" {
			notUsed("token", a.Type)
		}
	default:
		k.add(p+".type", "unknown type %q, want zgw-jwt, token or none", a.Type)
	}
}

// checkBaseURL returns the normalised base URL, or a message saying what is
// wrong with it.
func checkBaseURL(raw string) (string, string) {
	const shape = "must be an absolute http(s) URL without query or userinfo"
	if raw == "" {
		return "", "required, e.g. https://openzaak.gemeente.example/zaken/api/v1"
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", shape
	}
	scheme := strings.ToLower(u.Scheme)
	if (scheme != "http" && scheme != "https") || u.Host == "" || u.Hostname() == "" || u.Opaque != "" ||
		u.User != nil || u.RawQuery != "" || u.ForceQuery {
		return "", shape
	}
	if u.Fragment != "" || strings.Contains(raw, "#") {
		return "", "must not have a fragment"
	}
	esc := strings.ToLower(u.EscapedPath())
	if strings.Contains(esc, "%2f") || strings.Contains(esc, "%5c") || strings.ContainsAny(u.Path, `\;%`) {
		return "", "path must not contain encoded slashes, backslashes, \";\" or \"%\""
	}
	for _, seg := range strings.Split(u.Path, "/") {
		if seg == "." || seg == ".." {
			return "", "path must not contain \".\" or \"..\" segments"
		}
	}
	port := u.Port()
	if port == "" || (scheme == "http" && port == "80") || (scheme == "https" && port == "443") {
		port = ""
	} else if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
		return "", "port must be a number from 1 to 65535"
	}
	host := strings.ToLower(u.Hostname())
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	norm := scheme + "://" + host
	if port != "" {
		norm += ":" + strings.TrimLeft(port, "0")
	}
	return norm + strings.TrimRight(u.Path, "/"), ""
}

// validHeaderName reports whether s is a valid HTTP header field name.
func validHeaderName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0:
		default:
			return false
		}
	}
	return true
}

func (k *checker) endUser() {
	e := k.c.EndUser
	if e.Header.ID != "" && !validHeaderName(e.Header.ID) {
		k.add("endUser.header.id", "not a valid HTTP header name: %q", e.Header.ID)
	}
	if e.Header.Representation != "" && !validHeaderName(e.Header.Representation) {
		k.add("endUser.header.representation", "not a valid HTTP header name: %q", e.Header.Representation)
	}
	if e.TrustHeaders && e.Header.ID == "" {
		k.add("endUser.header.id", "required when endUser.trustHeaders is true")
	}
	if len(e.FallbackID) > maxEndUserLen {
		k.add("endUser.fallbackId", "longer than %d bytes", maxEndUserLen)
	}
	if len(e.FallbackRepresentation) > maxEndUserLen {
		k.add("endUser.fallbackRepresentation", "longer than %d bytes", maxEndUserLen)
	}
	if e.FallbackRepresentation != "" && e.FallbackID == "" {
		k.add("endUser.fallbackRepresentation", "set without endUser.fallbackId")
	}
}

func (k *checker) redis() {
	r := k.c.Redis
	if r == nil {
		return
	}
	if r.URL != "" && len(r.Addrs) > 0 {
		k.add("redis.addrs", "give either redis.url (one server) or redis.addrs (cluster or sentinels), not both")
		return
	}
	if r.URL == "" {
		if len(r.Addrs) == 0 {
			k.add("redis.url", "required when the redis section is present, e.g. redis://localhost:6379/0 (or redis.addrs for a cluster or sentinels)")
		}
		for i, a := range r.Addrs {
			if _, port, err := net.SplitHostPort(a); err != nil || port == "" {
				k.add(fmt.Sprintf("redis.addrs[%d]", i), "must be host:port, got %q", a)
			}
		}
		return
	}
	if r.MasterName != "" {
		k.add("redis.masterName", "needs redis.addrs (the sentinels), not redis.url")
	}
	u, err := url.Parse(r.URL)
	if err != nil || (u.Scheme != "redis" && u.Scheme != "rediss") || u.Hostname() == "" {
		// The URL may hold a password: do not repeat it.
		k.add("redis.url", "must be a redis:// or rediss:// URL with a host")
		return
	}
	if p := strings.Trim(u.Path, "/"); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 0 {
			k.add("redis.url", "path must be a database number, e.g. /0")
		}
	}
}

func (k *checker) cache() {
	c := k.c.Cache
	if c == nil {
		return
	}
	for _, kind := range slices.Sorted(maps.Keys(c.TTL)) {
		ttl := c.TTL[kind]
		p := "cache.ttl." + kind
		if !upstream.APIKind(kind).Valid() {
			k.add(p, "unknown api kind %q, want one of %s", kind, strings.Join(APIKinds, ", "))
		}
		if ttl < 0 {
			k.add(p, "must not be negative (0 disables caching)")
		}
	}
	if c.StaleIfError != nil && *c.StaleIfError < 0 {
		k.add("cache.staleIfError", "must not be negative (0 disables serving stale answers)")
	}
	if c.L1Bytes < 0 {
		k.add("cache.l1Bytes", "must not be negative")
	}
	for i, kind := range c.PerUser {
		if !upstream.APIKind(kind).Valid() {
			k.add(fmt.Sprintf("cache.perUser[%d]", i), "unknown api kind %q, want one of %s", kind, strings.Join(APIKinds, ", "))
		}
	}
}

// given reports whether a field was written in the file or holds a
// non-zero value; an absent zero field takes its default.
func (k *checker) given(path string, zero bool) bool {
	if !zero {
		return true
	}
	_, ok := k.c.lines[path]
	return ok
}

func (k *checker) retries(p string, r Retries) {
	if k.given(p+"maxAttempts", r.MaxAttempts == 0) && (r.MaxAttempts < 1 || r.MaxAttempts > upstream.MaxRetryAttempts) {
		k.add(p+"maxAttempts", "must be from 1 to %d (1 turns retrying off), got %d", upstream.MaxRetryAttempts, r.MaxAttempts)
	}
	if k.given(p+"baseDelay", r.BaseDelay == 0) && r.BaseDelay <= 0 {
		k.add(p+"baseDelay", "must be greater than 0")
	}
	if k.given(p+"maxDelay", r.MaxDelay == 0) {
		base := r.BaseDelay.Std()
		if base == 0 {
			base = upstream.DefaultRetryBaseDelay
		}
		if r.MaxDelay <= 0 {
			k.add(p+"maxDelay", "must be greater than 0")
		} else if r.MaxDelay.Std() < base {
			k.add(p+"maxDelay", "must be at least %sbaseDelay (%s), got %s", p, base, r.MaxDelay)
		}
	}
}

func (k *checker) breaker(p string, b Breaker) {
	if k.given(p+"failures", b.Failures == 0) && (b.Failures < 1 || b.Failures > upstream.MaxBreakerFailures) {
		k.add(p+"failures", "must be from 1 to %d, got %d", upstream.MaxBreakerFailures, b.Failures)
	}
	if k.given(p+"openTimeout", b.OpenTimeout == 0) && b.OpenTimeout <= 0 {
		k.add(p+"openTimeout", "must be greater than 0")
	}
	if k.given(p+"halfOpenProbes", b.HalfOpenProbes == 0) && (b.HalfOpenProbes < 1 || b.HalfOpenProbes > upstream.MaxBreakerFailures) {
		k.add(p+"halfOpenProbes", "must be from 1 to %d, got %d", upstream.MaxBreakerFailures, b.HalfOpenProbes)
	}
}
