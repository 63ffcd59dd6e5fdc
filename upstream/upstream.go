package upstream

import (
	"fmt"
	"net/url"
	"strings"
	"time"
)

// APIKind names which API an upstream serves.
type APIKind string

// The API kinds an upstream can be.
const (
	APIZaken            APIKind = "zaken"
	APICatalogi         APIKind = "catalogi"
	APIDocumenten       APIKind = "documenten"
	APIKlanten          APIKind = "klanten"
	APIContactmomenten  APIKind = "contactmomenten"
	APIVerzoeken        APIKind = "verzoeken"
	APIKlantinteracties APIKind = "klantinteracties"
	APIContactgegevens  APIKind = "contactgegevens"
)

// Valid reports whether k is one of the known API kinds.
func (k APIKind) Valid() bool {
	switch k {
	case APIZaken, APICatalogi, APIDocumenten, APIKlanten, APIContactmomenten,
		APIVerzoeken, APIKlantinteracties, APIContactgegevens:
		return true
	}
	return false
}

// AuthType selects how requests to an upstream are authenticated.
type AuthType string

// The supported authentication types.
const (
	// AuthZGWJWT signs a fresh HS256 JWT per request with the upstream's
	// secret and sends it as "Authorization: Bearer <jwt>".
	AuthZGWJWT AuthType = "zgw-jwt"
	// AuthToken sends "Authorization: Token <token>" (Klantinteracties,
	// Contactgegevens).
	AuthToken AuthType = "token"
	// AuthNone sends no credentials. The empty AuthType means the same.
	AuthNone AuthType = "none"
)

// Auth holds the credentials for one upstream.
type Auth struct {
	Type     AuthType
	ClientID string // zgw-jwt: iss and client_id claims
	Secret   string // zgw-jwt: HS256 signing secret
	Token    string // token: the API key
}

// Upstream is the configuration of one upstream API instance.
type Upstream struct {
	// Name identifies the upstream in errors, logs and metrics; unique
	// within a Registry.
	Name string
	// Kind is the API the upstream serves.
	Kind APIKind
	// Version is the API version the upstream speaks (informational).
	Version string
	// BaseURL is the absolute root of the API, e.g.
	// "https://openzaak.example.nl/zaken/api/v1". Only URLs below it are
	// ever requested from (and given credentials for) this upstream.
	BaseURL string
	Auth    Auth
	// Timeout bounds each request, including reading the body. Zero means
	// DefaultTimeout.
	Timeout time.Duration
	// MaxConcurrency caps the requests in flight to this upstream. Zero
	// means DefaultMaxConcurrency.
	MaxConcurrency int
	// MaxResponseBytes caps the size of a response body. Zero means
	// DefaultMaxResponseBytes. For a compressed answer it applies to the
	// decompressed bytes.
	MaxResponseBytes int64
	// RegisterCode (zaken) is the register code Klantinteracties uses for
	// this zaaksysteem in onderwerpobject identificators.
	RegisterCode string
	// Retry says how idempotent reads are repeated after a connection
	// error, 502, 503, 504 or 429. Zero fields take the defaults.
	Retry RetryPolicy
	// Breaker configures the circuit breaker in front of the upstream.
	// Zero fields take the defaults.
	Breaker BreakerPolicy
}

// RetryPolicy configures retries of idempotent reads (GET, HEAD and the
// POST …/_zoek searches).
type RetryPolicy struct {
	// MaxAttempts is the number of attempts including the first; 1 turns
	// retrying off. Zero means DefaultMaxAttempts.
	MaxAttempts int
	// BaseDelay is the wait before the first retry; each further retry
	// doubles it, with jitter. Zero means DefaultRetryBaseDelay.
	BaseDelay time.Duration
	// MaxDelay caps one wait. A Retry-After asking for longer ends the
	// request with the retryable error instead. Zero means
	// DefaultRetryMaxDelay.
	MaxDelay time.Duration
}

// BreakerPolicy configures the circuit breaker of one upstream. It opens
// after Failures consecutive failed requests of kind Unavailable (other
// failures such as 404 or 400 do not count, nor requests whose caller gave
// up), fails fast while open, and after OpenTimeout lets HalfOpenProbes
// requests through: if they succeed it closes again, if one fails it
// reopens.
type BreakerPolicy struct {
	// Failures is the number of consecutive failures that opens the
	// breaker. Zero means DefaultBreakerFailures.
	Failures int
	// OpenTimeout is how long the breaker stays open before probing. Zero
	// means DefaultBreakerOpenTimeout.
	OpenTimeout time.Duration
	// HalfOpenProbes is the number of requests let through while half
	// open, all of which must succeed to close it. Zero means 1.
	HalfOpenProbes int
}

// Defaults applied to zero configuration values.
const (
	DefaultTimeout          = 10 * time.Second
	DefaultMaxConcurrency   = 8
	DefaultMaxResponseBytes = 16 << 20

	DefaultMaxAttempts        = 3
	DefaultRetryBaseDelay     = 50 * time.Millisecond
	DefaultRetryMaxDelay      = 2 * time.Second
	DefaultBreakerFailures    = 5
	DefaultBreakerOpenTimeout = 10 * time.Second
	DefaultBreakerProbes      = 1
)

// Upper bounds of the resilience settings.
const (
	MaxRetryAttempts   = 10
	MaxBreakerFailures = 1000
)

// withDefaults returns u with zero limits replaced by the defaults.
func (u Upstream) withDefaults() Upstream {
	if u.Timeout <= 0 {
		u.Timeout = DefaultTimeout
	}
	if u.MaxConcurrency <= 0 {
		u.MaxConcurrency = DefaultMaxConcurrency
	}
	if u.MaxResponseBytes <= 0 {
		u.MaxResponseBytes = DefaultMaxResponseBytes
	}
	if u.Auth.Type == "" {
		u.Auth.Type = AuthNone
	}
	if u.Retry.MaxAttempts <= 0 {
		u.Retry.MaxAttempts = DefaultMaxAttempts
	}
	if u.Retry.BaseDelay <= 0 {
		u.Retry.BaseDelay = DefaultRetryBaseDelay
	}
	if u.Retry.MaxDelay <= 0 {
		u.Retry.MaxDelay = max(DefaultRetryMaxDelay, u.Retry.BaseDelay)
	}
	if u.Breaker.Failures <= 0 {
		u.Breaker.Failures = DefaultBreakerFailures
	}
	if u.Breaker.OpenTimeout <= 0 {
		u.Breaker.OpenTimeout = DefaultBreakerOpenTimeout
	}
	if u.Breaker.HalfOpenProbes <= 0 {
		u.Breaker.HalfOpenProbes = DefaultBreakerProbes
	}
	return u
}

// Validate checks that the configuration is usable.
func (u Upstream) Validate() error {
	if u.Name == "" {
		return fmt.Errorf("upstream: name is required")
	}
	if !u.Kind.Valid() {
		return fmt.Errorf("upstream %q: unknown kind %q", u.Name, u.Kind)
	}
	if _, err := parseBase(u.BaseURL); err != nil {
		return fmt.Errorf("upstream %q: %w", u.Name, err)
	}
	switch u.Auth.Type {
	case "", AuthNone:
	case AuthZGWJWT:
		if u.Auth.ClientID == "" || u.Auth.Secret == "" {
			return fmt.Errorf("upstream %q: zgw-jwt auth needs client id and secret", u.Name)
		}
	case AuthToken:
		if u.Auth.Token == "" {
			return fmt.Errorf("upstream %q: token auth needs a token", u.Name)
		}
	default:
		return fmt.Errorf("upstream %q: unknown auth type %q", u.Name, u.Auth.Type)
	}
	if u.Timeout < 0 || u.MaxConcurrency < 0 || u.MaxResponseBytes < 0 {
		return fmt.Errorf("upstream %q: negative limit", u.Name)
	}
	r, b := u.Retry, u.Breaker
	if r.MaxAttempts < 0 || r.BaseDelay < 0 || r.MaxDelay < 0 {
		return fmt.Errorf("upstream %q: negative retry setting", u.Name)
	}
	if r.MaxAttempts > MaxRetryAttempts {
		return fmt.Errorf("upstream %q: at most %d retry attempts", u.Name, MaxRetryAttempts)
	}
	if r.MaxDelay > 0 && r.BaseDelay > r.MaxDelay {
		return fmt.Errorf("upstream %q: retry base delay %s exceeds max delay %s", u.Name, r.BaseDelay, r.MaxDelay)
	}
	if b.Failures < 0 || b.OpenTimeout < 0 || b.HalfOpenProbes < 0 {
		return fmt.Errorf("upstream %q: negative breaker setting", u.Name)
	}
	if b.Failures > MaxBreakerFailures || b.HalfOpenProbes > MaxBreakerFailures {
		return fmt.Errorf("upstream %q: breaker failures and half-open probes at most %d", u.Name, MaxBreakerFailures)
	}
	return nil
}

// origin is a normalised scheme, host and port.
type origin struct {
	scheme string
	host   string // lower case, no brackets for IPv6
	port   string // explicit, default ports filled in
}

func (o origin) String() string {
	h := o.host
	if strings.Contains(h, ":") {
		h = "[" + h + "]"
	}
	if (o.scheme == "http" && o.port == "80") || (o.scheme == "https" && o.port == "443") {
		return o.scheme + "://" + h
	}
	return o.scheme + "://" + h + ":" + o.port
}

// base is a parsed, normalised upstream base URL.
type base struct {
	origin
	path string // decoded path without trailing slash; "" for the root
}

// String renders the canonical base URL.
func (b base) String() string {
	return b.origin.String() + (&url.URL{Path: b.path}).EscapedPath()
}

func parseBase(raw string) (base, error) {
	if raw == "" {
		return base{}, fmt.Errorf("base URL is required")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return base{}, fmt.Errorf("invalid base URL: %w", err)
	}
	o, ok := originOf(u)
	if !ok {
		return base{}, fmt.Errorf("base URL %q must be an absolute http(s) URL", raw)
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" || u.Opaque != "" {
		return base{}, fmt.Errorf("base URL %q must not have userinfo, query or fragment", raw)
	}
	if !cleanPath(u) {
		return base{}, fmt.Errorf("base URL %q has an unclean path", raw)
	}
	return base{origin: o, path: strings.TrimRight(u.Path, "/")}, nil
}

// defaultPort returns the port implied by a scheme.
func defaultPort(scheme string) string {
	switch scheme {
	case "http":
		return "80"
	case "https":
		return "443"
	}
	return ""
}

// originOf extracts the normalised origin of an absolute http(s) URL.
func originOf(u *url.URL) (origin, bool) {
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		return origin{}, false
	}
	host := strings.ToLower(u.Hostname())
	if host == "" {
		return origin{}, false
	}
	port := u.Port()
	if port == "" {
		// A trailing colon without digits is the default port too.
		port = defaultPort(scheme)
	}
	port = strings.TrimLeft(port, "0")
	if port == "" {
		return origin{}, false
	}
	return origin{scheme: scheme, host: host, port: port}, true
}
