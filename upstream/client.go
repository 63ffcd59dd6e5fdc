package upstream

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/sony/gobreaker/v2"
)

const maxRedirects = 5

var (
	errRedirectRefused  = errors.New("redirect outside the upstream refused")
	errTooManyRedirects = errors.New("too many redirects")
)

// Observer is told about every request that was sent to an upstream
// (including those that failed on the connection). Requests refused before
// sending, such as URLs of an unknown source, are not reported.
type Observer interface {
	OnRequest(source, method, url string, status int, dur time.Duration, err error)
}

// Option configures a Client or Registry.
type Option func(*options)

type options struct {
	transport http.RoundTripper
	observer  Observer
	now       func() time.Time
	cache     ResponseCache
	policy    func(Upstream) CachePolicy
}

// WithTransport makes the client(s) use rt instead of their own transport.
func WithTransport(rt http.RoundTripper) Option { return func(o *options) { o.transport = rt } }

// WithObserver installs an observer of sent requests.
func WithObserver(obs Observer) Option { return func(o *options) { o.observer = obs } }

// WithClock replaces time.Now (JWT iat, durations).
func WithClock(now func() time.Time) Option { return func(o *options) { o.now = now } }

// NewTransport returns a keep-alive transport suited for upstream traffic:
// maxIdlePerHost idle connections are kept per host (use at least the
// MaxConcurrency of the upstreams it serves). Its transparent decompression
// is off: the client asks for gzip itself and decompresses with the
// response size limit applied to the decompressed bytes.
func NewTransport(maxIdlePerHost, maxIdle int) *http.Transport {
	if maxIdlePerHost <= 0 {
		maxIdlePerHost = DefaultMaxConcurrency
	}
	if maxIdle < maxIdlePerHost {
		maxIdle = maxIdlePerHost
	}
	return &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: (&net.Dialer{
			Timeout:   5 * time.Second,
			KeepAlive: 30 * time.Second,
		}).DialContext,
		ForceAttemptHTTP2:     true,
		DisableCompression:    true,
		MaxIdleConns:          maxIdle,
		MaxIdleConnsPerHost:   maxIdlePerHost,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   5 * time.Second,
		ExpectContinueTimeout: time.Second,
		ResponseHeaderTimeout: 0, // bounded by the per-request deadline
	}
}

// Client talks to one upstream. It is safe for concurrent use.
type Client struct {
	cfg      Upstream
	base     base
	http     *http.Client
	sem      chan struct{}
	observer Observer
	now      func() time.Time

	cache   ResponseCache
	policy  CachePolicy
	flight  flightGroup
	decoded decodedMemo

	breaker *gobreaker.CircuitBreaker[*Response]
	// sleep waits between attempts; replaced in tests.
	sleep func(context.Context, time.Duration) error
}

// NewClient validates u and builds its client.
func NewClient(u Upstream, opts ...Option) (*Client, error) {
	if err := u.Validate(); err != nil {
		return nil, err
	}
	u = u.withDefaults()
	b, _ := parseBase(u.BaseURL)
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	if o.transport == nil {
		o.transport = NewTransport(u.MaxConcurrency, u.MaxConcurrency)
	}
	if o.now == nil {
		o.now = time.Now
	}
	c := &Client{
		cfg:      u,
		base:     b,
		sem:      make(chan struct{}, u.MaxConcurrency),
		observer: o.observer,
		now:      o.now,
		cache:    o.cache,
		breaker:  newBreaker(u),
		sleep:    sleepCtx,
	}
	if o.cache != nil && o.policy != nil {
		c.policy = o.policy(u)
	}
	c.http = &http.Client{Transport: o.transport, CheckRedirect: c.checkRedirect}
	return c, nil
}

// Name returns the upstream's name.
func (c *Client) Name() string { return c.cfg.Name }

// Kind returns the API kind the upstream serves.
func (c *Client) Kind() APIKind { return c.cfg.Kind }

// Config returns the upstream configuration with defaults applied.
func (c *Client) Config() Upstream { return c.cfg }

// BaseURL returns the canonical base URL (no trailing slash).
func (c *Client) BaseURL() string { return c.base.String() }

// ResourceURL returns urlOrUUID when it is a URL, and otherwise the path of
// the resource with that UUID in collection (relative to the base URL).
func (c *Client) ResourceURL(collection, urlOrUUID string) string {
	if strings.Contains(urlOrUUID, "/") || hasScheme(urlOrUUID) {
		return urlOrUUID
	}
	return strings.Trim(collection, "/") + "/" + urlOrUUID
}

// NewRequest builds a request for a path relative to the base URL or for an
// absolute URL this upstream owns; any other URL is an *Error of kind
// UnknownSource. A non-nil body is sent as JSON (json.RawMessage and []byte
// are sent as they are). Credentials are added by Do, not here.
func (c *Client) NewRequest(ctx context.Context, method, urlOrPath string, body any) (*http.Request, error) {
	u, err := c.resolve(urlOrPath)
	if err != nil {
		return nil, err
	}
	var rd io.Reader
	if body != nil {
		var buf []byte
		switch b := body.(type) {
		case json.RawMessage:
			buf = b
		case []byte:
			buf = b
		default:
			buf, err = json.Marshal(body)
			if err != nil {
				return nil, fmt.Errorf("upstream %s: encode request body: %w", c.cfg.Name, err)
			}
		}
		rd = bytes.NewReader(buf)
	}
	req, err := http.NewRequestWithContext(ctx, method, u.String(), rd)
	if err != nil {
		return nil, &Error{Op: method, Kind: UnknownSource, Source: c.cfg.Name, URL: u.String(), Err: err}
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "klantgraaf")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.cfg.Kind == APIZaken {
		req.Header.Set("Accept-Crs", "EPSG:4326")
		if body != nil {
			req.Header.Set("Content-Crs", "EPSG:4326")
		}
	}
	return req, nil
}

// Response is the outcome of a request that reached the upstream.
type Response struct {
	Source     string // upstream name
	Method     string
	URL        string
	StatusCode int
	Header     http.Header
	// ETag is the response's ETag header, verbatim.
	ETag string
	// NotModified is true for a 304 answer to a conditional request.
	NotModified bool
	// Body is the raw (decompressed) body, kept for caching layers.
	Body     []byte
	Duration time.Duration
}

// Do sends req and, for a 2xx answer with a body, decodes its JSON into v
// (when v is not nil). Non-2xx answers other than 304 are returned as
// *Error together with the Response. A 304 is not an error: the Response
// has NotModified set and v is left untouched.
//
// The request's URL must belong to the upstream (requests built by
// NewRequest always do); credentials are attached here, fresh for every
// call. At most MaxConcurrency calls are in flight; waiting for a slot ends
// with the request's context. Each attempt gets a deadline of Timeout (or
// the context's, if sooner) covering the whole exchange including the body.
//
// Idempotent reads are retried after connection errors, 502, 503, 504 and
// 429 (see attempts); every attempt is a request of its own, reported to
// the observer and the request hook. All requests pass the upstream's
// circuit breaker (see guarded).
func (c *Client) exchange(req *http.Request, v any) (*Response, error) {
	if !c.ownsRequestURL(req.URL) {
		return nil, c.unknownSource(req.URL.String(), "URL does not belong to upstream base "+c.base.String())
	}
	return c.guarded(req, v)
}

// attempt sends req once; n is the attempt number, counting from 1.
func (c *Client) attempt(req *http.Request, v any, n int) (*Response, error) {
	parent := req.Context()
	select {
	case c.sem <- struct{}{}:
	case <-parent.Done():
		return nil, &Error{Op: req.Method, Kind: Unavailable, Source: c.cfg.Name, Method: req.Method,
			URL: req.URL.String(), Detail: "waiting for a connection slot: " + parent.Err().Error(), Err: parent.Err()}
	}
	defer func() { <-c.sem }()

	ctx, cancel := context.WithTimeout(parent, c.cfg.Timeout)
	defer cancel()
	out := req.Clone(ctx)
	if n > 1 && req.GetBody != nil {
		body, err := req.GetBody()
		if err != nil {
			return nil, &Error{Op: req.Method, Kind: Other, Source: c.cfg.Name, Method: req.Method, URL: req.URL.String(), Detail: "repeating the request body", Err: err}
		}
		out.Body = body
	}
	out.Header.Set("Accept-Encoding", "gzip")
	if err := c.authorize(out); err != nil {
		return nil, &Error{Op: req.Method, Kind: Other, Source: c.cfg.Name, Method: req.Method, URL: req.URL.String(), Detail: "signing credentials", Err: err}
	}

	start := c.now()
	resp, body, err := c.roundTrip(out)
	dur := c.now().Sub(start)
	if err != nil {
		e := err
		var ue *Error
		status := 0
		if resp != nil {
			status = resp.StatusCode
		}
		if !errors.As(err, &ue) {
			ue = c.transportError(out, parent, err)
			ue.Status = status // a refused redirect: the 3xx that asked for it
			e = ue
		}
		c.observe(out, status, dur, e, "")
		if ue.Kind == TooLarge && resp != nil {
			return c.response(out, resp, nil, dur), e
		}
		return nil, e
	}
	r := c.response(out, resp, body, dur)
	if err := CheckResponse(r); err != nil {
		c.observe(out, r.StatusCode, dur, err, r.Header.Get(CacheHeader))
		return r, err
	}
	var derr error
	if v != nil && !r.NotModified && len(body) > 0 && r.StatusCode != http.StatusNoContent {
		derr = c.decode(out, r, v)
	}
	c.observe(out, r.StatusCode, dur, derr, r.Header.Get(CacheHeader))
	if derr != nil {
		return r, derr
	}
	return r, nil
}

// roundTrip executes the request and reads (and decompresses) at most
// MaxResponseBytes of the body; see readBody.
func (c *Client) roundTrip(req *http.Request) (*http.Response, []byte, error) {
	resp, err := c.http.Do(req)
	if err != nil {
		// Only a refused redirect comes with a response: the one that
		// asked for it, its body already closed.
		return resp, nil, err
	}
	defer resp.Body.Close()
	body, err := c.readBody(req, resp)
	if err != nil {
		return resp, nil, err
	}
	return resp, body, nil
}

func (c *Client) tooLarge(req *http.Request, status int) *Error {
	return &Error{Op: req.Method, Kind: TooLarge, Source: c.cfg.Name, Method: req.Method, URL: req.URL.String(), Status: status,
		Detail: fmt.Sprintf("response body exceeds %d bytes", c.cfg.MaxResponseBytes)}
}

func (c *Client) response(req *http.Request, resp *http.Response, body []byte, dur time.Duration) *Response {
	return &Response{
		Source:      c.cfg.Name,
		Method:      req.Method,
		URL:         req.URL.String(),
		StatusCode:  resp.StatusCode,
		Header:      resp.Header,
		ETag:        resp.Header.Get("ETag"),
		NotModified: resp.StatusCode == http.StatusNotModified,
		Body:        body,
		Duration:    dur,
	}
}

// decode unmarshals a JSON body into v, refusing non-JSON content types.
func (c *Client) decode(req *http.Request, r *Response, v any) error {
	ct := r.Header.Get("Content-Type")
	if !isJSONContentType(ct) {
		return &Error{Op: req.Method, Kind: Decode, Source: c.cfg.Name, Method: req.Method, URL: r.URL, Status: r.StatusCode,
			Detail: fmt.Sprintf("expected a JSON response, got content type %q", ct)}
	}
	if err := json.Unmarshal(r.Body, v); err != nil {
		return &Error{Op: req.Method, Kind: Decode, Source: c.cfg.Name, Method: req.Method, URL: r.URL, Status: r.StatusCode,
			Detail: "malformed JSON response", Err: err}
	}
	return nil
}

func (c *Client) observe(req *http.Request, status int, dur time.Duration, err error, cacheTier string) {
	if status == http.StatusNotModified && cacheTier == "" {
		cacheTier = CacheRevalidated
	}
	if c.observer != nil {
		c.observer.OnRequest(c.cfg.Name, req.Method, req.URL.String(), status, dur, err)
	}
	if h := hookFrom(req.Context()); h != nil {
		call := Call{Source: c.cfg.Name, Method: req.Method, URL: req.URL.String(), Status: status, Duration: dur, Err: err, Cache: cacheTier}
		if err == nil && (status < 300 || status == http.StatusNotModified) && c.cache != nil && c.policy.TTL > 0 && isRead(req) {
			call.FreshUntil = c.now().Add(c.policy.TTL)
		}
		h(call)
	}
}

// Get fetches urlOrPath and decodes the JSON answer into v.
func (c *Client) Get(ctx context.Context, urlOrPath string, v any) (*Response, error) {
	req, err := c.NewRequest(ctx, http.MethodGet, urlOrPath, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req, v)
}

// GetConditional fetches urlOrPath with If-None-Match: etag (when etag is
// not empty). A 304 answer returns a Response with NotModified set, no
// error, and leaves v untouched. An etag given without quotes is quoted.
func (c *Client) GetConditional(ctx context.Context, urlOrPath, etag string, v any) (*Response, error) {
	req, err := c.NewRequest(ctx, http.MethodGet, urlOrPath, nil)
	if err != nil {
		return nil, err
	}
	if etag != "" {
		if !strings.HasPrefix(etag, `"`) && !strings.HasPrefix(etag, `W/"`) && etag != "*" {
			etag = `"` + etag + `"`
		}
		req.Header.Set("If-None-Match", etag)
	}
	return c.Do(req, v)
}

// Post sends body as JSON to urlOrPath and decodes the JSON answer into v.
func (c *Client) Post(ctx context.Context, urlOrPath string, body, v any) (*Response, error) {
	return c.send(ctx, http.MethodPost, urlOrPath, body, v)
}

// Put replaces the resource at urlOrPath.
func (c *Client) Put(ctx context.Context, urlOrPath string, body, v any) (*Response, error) {
	return c.send(ctx, http.MethodPut, urlOrPath, body, v)
}

// Patch partially updates the resource at urlOrPath.
func (c *Client) Patch(ctx context.Context, urlOrPath string, body, v any) (*Response, error) {
	return c.send(ctx, http.MethodPatch, urlOrPath, body, v)
}

// Delete deletes the resource at urlOrPath.
func (c *Client) Delete(ctx context.Context, urlOrPath string) (*Response, error) {
	return c.send(ctx, http.MethodDelete, urlOrPath, nil, nil)
}

func (c *Client) send(ctx context.Context, method, urlOrPath string, body, v any) (*Response, error) {
	req, err := c.NewRequest(ctx, method, urlOrPath, body)
	if err != nil {
		return nil, err
	}
	return c.Do(req, v)
}

func timeFromUnix(s int64) time.Time { return time.Unix(s, 0) }
