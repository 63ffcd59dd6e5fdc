// Package config reads the klantgraaf configuration file: the listen
// address, the upstream APIs with their credentials, where the end user's
// identity comes from, request limits, logging and the optional Redis and
// cache sections.
//
// The file is YAML and read strictly: an unknown or mistyped field is an
// error that names the field and its line. Validation collects every
// problem, so one run shows all of them; each error starts with the path of
// the field, e.g. "upstreams[2].baseUrl: must be an absolute http(s) URL
// without query or userinfo (line 14)".
//
// Secrets need not be written into the file. Inside auth.clientId,
// auth.secret, auth.token and redis.url (and the clientId, secret and token
// of upstreams[].credentials[] and auth.apiKeys[].sha256), "${VAR}" is
// replaced by the environment variable VAR ("$${" gives a literal "${").
// The variables
// KLANTGRAAF_UPSTREAM_<NAME>_CLIENT_ID, KLANTGRAAF_UPSTREAM_<NAME>_SECRET and
// KLANTGRAAF_UPSTREAM_<NAME>_TOKEN, where NAME is the upstream's name in
// upper case with every other character than a letter or digit replaced by
// "_", override the corresponding value of that upstream when set.
package config

import (
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/klantgraaf/klantgraaf/upstream"
)

// Defaults applied to absent settings.
const (
	DefaultListen         = ":8080"
	DefaultMaxBodyBytes   = 1 << 20
	DefaultRequestTimeout = 10 * time.Second
	DefaultLogLevel       = "info"
	DefaultLogFormat      = "text"
	DefaultEndUserHeader  = "X-End-User-Id"
	DefaultEndUserRepr    = "X-End-User-Representation"
)

// Config is the complete gateway configuration.
type Config struct {
	// Listen is the address the gateway listens on (default ":8080").
	Listen string `yaml:"listen"`
	// UpstreamConfigs are the API instances the gateway reads from
	// (YAML key "upstreams"); Upstreams converts them.
	UpstreamConfigs []Upstream `yaml:"upstreams"`
	// EndUser says where the identity of the person using the gateway comes
	// from; it ends up in the user_id and user_representation claims of the
	// JWTs sent to the ZGW APIs.
	EndUser EndUser `yaml:"endUser"`
	// GraphiQL serves the GraphiQL IDE at "/" (default false; the demo
	// turns it on).
	GraphiQL bool `yaml:"graphiql"`
	// Introspection allows schema introspection queries (default false;
	// the demo turns it on).
	Introspection bool `yaml:"introspection"`
	// MaxBodyBytes caps the size of a request body (default 1 MiB).
	MaxBodyBytes int64 `yaml:"maxBodyBytes"`
	// RequestTimeout is the overall deadline of one GraphQL request,
	// including every upstream call it makes (default 10s).
	RequestTimeout Duration `yaml:"requestTimeout"`
	// Log configures the gateway's own log.
	Log Log `yaml:"log"`
	// Redis is the optional shared cache backend.
	Redis *Redis `yaml:"redis"`
	// Cache holds the optional cache lifetimes.
	Cache *Cache `yaml:"cache"`
	// Auth says how callers authenticate (OIDC tokens, API keys,
	// anonymous); see InboundAuth.
	Auth *InboundAuth `yaml:"auth"`
	// Policy says what each role may read; see Policy.
	Policy *Policy `yaml:"policy"`
	// Limits bounds queries, upstream requests per query and the request
	// rate per client; see Limits.
	Limits Limits `yaml:"limits"`
	// PersistedQueries configures APQ and trusted documents.
	PersistedQueries PersistedQueries `yaml:"persistedQueries"`

	// lines maps a field path to the line it was read from.
	lines map[string]int
}

// Upstream is one configured API instance.
type Upstream struct {
	// Name identifies the upstream in logs, errors and the environment
	// variables that override its credentials. Letters, digits, ".", "_"
	// and "-"; unique.
	Name string `yaml:"name"`
	// API is the kind of API: zaken, catalogi, documenten, klanten,
	// contactmomenten, verzoeken, klantinteracties or contactgegevens.
	API string `yaml:"api"`
	// Version is the API version the instance serves, e.g. "1.5.1".
	Version string `yaml:"version"`
	// BaseURL is the root of the API, e.g.
	// "https://openzaak.gemeente.example/zaken/api/v1".
	BaseURL string `yaml:"baseUrl"`
	Auth    Auth   `yaml:"auth"`
	// Timeout bounds each request to the upstream (default 10s).
	Timeout Duration `yaml:"timeout"`
	// MaxConcurrency caps the requests in flight to the upstream, 1..1000
	// (default 8).
	MaxConcurrency int `yaml:"maxConcurrency"`
	// MaxResponseBytes caps the size of one response body (default 16 MiB);
	// for a gzip answer, of the decompressed body.
	MaxResponseBytes int64 `yaml:"maxResponseBytes"`
	// Retries configures how reads are repeated after a connection error,
	// 502, 503, 504 or 429.
	Retries Retries `yaml:"retries"`
	// Breaker configures the circuit breaker in front of the upstream.
	Breaker Breaker `yaml:"breaker"`
	// RegisterCode (zaken only) is the code by which Klantinteracties
	// onderwerpobjecten name this zaaksysteem (onderwerpobjectidentificator
	// codeRegister), so a zaak given as uuid + register is found here.
	RegisterCode string `yaml:"registerCode"`
	// Credentials are used instead of Auth for callers with particular
	// roles; see RoleCredential.
	Credentials []RoleCredential `yaml:"credentials"`
}

// Retries configures the retries of an upstream's idempotent reads (GET,
// HEAD and the POST …/_zoek searches); writes are never repeated. An
// absent field takes its default.
type Retries struct {
	// MaxAttempts counts the attempts including the first, 1..10; 1 turns
	// retrying off (default 3).
	MaxAttempts int `yaml:"maxAttempts"`
	// BaseDelay is the wait before the first retry, doubled for every next
	// one, with jitter (default 50ms).
	BaseDelay Duration `yaml:"baseDelay"`
	// MaxDelay caps one wait; an upstream asking (Retry-After) for longer
	// gets no retry (default 2s). No wait ever runs past requestTimeout.
	MaxDelay Duration `yaml:"maxDelay"`
}

// Breaker configures an upstream's circuit breaker. An absent field takes
// its default.
type Breaker struct {
	// Failures is how many consecutive unavailable answers (connection
	// error, timeout, 5xx, 429; a 4xx does not count) open the breaker,
	// 1..1000 (default 5). While open, requests fail at once.
	Failures int `yaml:"failures"`
	// OpenTimeout is how long it stays open before a probe request is let
	// through (default 10s).
	OpenTimeout Duration `yaml:"openTimeout"`
	// HalfOpenProbes is how many probe requests must succeed to close it
	// again, 1..1000 (default 1).
	HalfOpenProbes int `yaml:"halfOpenProbes"`
}

// Auth holds the credentials of an upstream.
type Auth struct {
	// Type is zgw-jwt (HS256 JWT per request, needs clientId and secret),
	// token ("Authorization: Token <token>") or none.
	Type     string `yaml:"type"`
	ClientID string `yaml:"clientId"`
	Secret   string `yaml:"secret"`
	Token    string `yaml:"token"`
}

// LogValue keeps the secrets out of structured logs.
func (a Auth) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("type", a.Type),
		slog.String("clientId", a.ClientID),
		slog.Bool("secret", a.Secret != ""),
		slog.Bool("token", a.Token != ""),
	)
}

// String keeps the secrets out of formatted output.
func (a Auth) String() string {
	return fmt.Sprintf("{type=%s clientId=%s secret=%s token=%s}", a.Type, a.ClientID, redacted(a.Secret), redacted(a.Token))
}

func redacted(s string) string {
	if s == "" {
		return `""`
	}
	return "[redacted]"
}

// EndUser configures the identity of the person on whose behalf the gateway
// calls the upstreams.
type EndUser struct {
	// FallbackID is used when no identity comes with the request.
	FallbackID string `yaml:"fallbackId"`
	// FallbackRepresentation is the readable name that goes with FallbackID.
	FallbackRepresentation string `yaml:"fallbackRepresentation"`
	// Header names the request headers that carry the identity.
	Header EndUserHeader `yaml:"header"`
	// TrustHeaders takes the identity from the headers. Enable it only when
	// an authenticating proxy in front of the gateway sets (and strips
	// client-supplied) headers.
	TrustHeaders bool `yaml:"trustHeaders"`
}

// EndUserHeader names the identity headers.
type EndUserHeader struct {
	ID             string `yaml:"id"`
	Representation string `yaml:"representation"`
}

// Log configures logging.
type Log struct {
	// Level is debug, info, warn or error (default info).
	Level string `yaml:"level"`
	// Format is text or json (default text).
	Format string `yaml:"format"`
}

// SlogLevel returns the level as a slog.Level.
func (l Log) SlogLevel() slog.Level {
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(l.Level)); err != nil {
		return slog.LevelInfo
	}
	return lv
}

// Redis configures the shared cache backend.
type Redis struct {
	// URL is a redis:// or rediss:// URL of a single server. Give either
	// URL or Addrs.
	URL string `yaml:"url"`
	// Addrs are host:port addresses of a Redis Cluster, or — with
	// MasterName — of the Sentinels watching the master.
	Addrs []string `yaml:"addrs"`
	// MasterName selects Sentinel mode: the name of the monitored master.
	MasterName string `yaml:"masterName"`
	// Username and Password authenticate to Redis (cluster and sentinel
	// modes; a URL carries its own). "${VAR}" is taken from the environment.
	Username string `yaml:"username"`
	Password string `yaml:"password"`
	// TLS connects with TLS (cluster and sentinel modes).
	TLS bool `yaml:"tls"`
	// KeyPrefix is put before every key the gateway writes.
	KeyPrefix string `yaml:"keyPrefix"`
}

// LogValue keeps a password in the URL out of structured logs.
func (r Redis) LogValue() slog.Value {
	return slog.GroupValue(slog.Bool("url", r.URL != ""), slog.String("keyPrefix", r.KeyPrefix))
}

// Cache configures how long fetched objects may be reused.
type Cache struct {
	// TTL maps an API kind (e.g. catalogi) to how long its answers are
	// served without asking the provider; 0 disables caching for the kind.
	// Kinds not listed use DefaultCacheTTL. After the TTL an answer with an
	// ETag is revalidated (If-None-Match; a 304 costs no body).
	TTL map[string]Duration `yaml:"ttl"`
	// StaleIfError is how long past its TTL an answer may still be served,
	// marked stale, while its provider is unavailable (default 5m; 0 off).
	StaleIfError *Duration `yaml:"staleIfError"`
	// L1Bytes bounds the in-process cache (default 64 MiB).
	L1Bytes int64 `yaml:"l1Bytes"`
	// PerUser lists the API kinds whose providers decide per end user what
	// they return; their cache entries are kept per end user.
	PerUser []string `yaml:"perUser"`
	// Disabled turns the cache off entirely.
	Disabled bool `yaml:"disabled"`
	// Responses keeps whole answers to repeated queries (per caller, for as
	// long as the answers they were built from stay fresh). Default true.
	Responses *bool `yaml:"responses"`
}

// ResponsesOn reports whether whole answers are cached.
func (c *Cache) ResponsesOn() bool {
	return c == nil || (!c.Disabled && (c.Responses == nil || *c.Responses))
}

// Cache defaults.
const (
	DefaultL1Bytes      = 64 << 20
	DefaultStaleIfError = 5 * time.Minute
)

// DefaultCacheTTL is the lifetime per API kind when the configuration names
// none: catalogi change rarely; case and contact data briefly.
var DefaultCacheTTL = map[string]time.Duration{
	"zaken": 15 * time.Second, "catalogi": time.Hour, "documenten": time.Minute,
	"klanten": 30 * time.Second, "contactmomenten": 15 * time.Second, "verzoeken": 15 * time.Second,
	"klantinteracties": 15 * time.Second, "contactgegevens": time.Minute,
}

// TTLFor is the cache lifetime of an API kind.
func (c *Cache) TTLFor(kind string) time.Duration {
	if c != nil && c.Disabled {
		return 0
	}
	if c != nil {
		if d, ok := c.TTL[kind]; ok {
			return time.Duration(d)
		}
	}
	return DefaultCacheTTL[kind]
}

// StaleBound is the stale-if-error bound.
func (c *Cache) StaleBound() time.Duration {
	if c == nil || c.StaleIfError == nil {
		return DefaultStaleIfError
	}
	return time.Duration(*c.StaleIfError)
}

// L1Size is the in-process cache bound in bytes.
func (c *Cache) L1Size() int64 {
	if c == nil || c.L1Bytes == 0 {
		return DefaultL1Bytes
	}
	return c.L1Bytes
}

// IsPerUser reports whether kind's entries are kept per end user.
func (c *Cache) IsPerUser(kind string) bool {
	return c != nil && slices.Contains(c.PerUser, kind)
}

// Default returns a configuration with every default applied and no
// upstreams.
func Default() *Config {
	return &Config{
		Listen:         DefaultListen,
		MaxBodyBytes:   DefaultMaxBodyBytes,
		Limits:         DefaultLimits(),
		RequestTimeout: Duration(DefaultRequestTimeout),
		Log:            Log{Level: DefaultLogLevel, Format: DefaultLogFormat},
		EndUser: EndUser{Header: EndUserHeader{
			ID:             DefaultEndUserHeader,
			Representation: DefaultEndUserRepr,
		}},
	}
}

// Upstreams converts the configured upstreams for upstream.NewRegistry.
func (c *Config) Upstreams() []upstream.Upstream {
	out := make([]upstream.Upstream, 0, len(c.UpstreamConfigs))
	for _, u := range c.UpstreamConfigs {
		out = append(out, u.upstream())
	}
	return out
}

func (u Upstream) upstream() upstream.Upstream {
	return upstream.Upstream{
		Name:    u.Name,
		Kind:    upstream.APIKind(u.API),
		Version: u.Version,
		BaseURL: u.BaseURL,
		Auth: upstream.Auth{
			Type:     upstream.AuthType(u.Auth.Type),
			ClientID: u.Auth.ClientID,
			Secret:   u.Auth.Secret,
			Token:    u.Auth.Token,
		},
		Timeout:          u.Timeout.Std(),
		MaxConcurrency:   u.MaxConcurrency,
		MaxResponseBytes: u.MaxResponseBytes,
		RegisterCode:     u.RegisterCode,
		Retry: upstream.RetryPolicy{
			MaxAttempts: u.Retries.MaxAttempts,
			BaseDelay:   u.Retries.BaseDelay.Std(),
			MaxDelay:    u.Retries.MaxDelay.Std(),
		},
		Breaker: upstream.BreakerPolicy{
			Failures:       u.Breaker.Failures,
			OpenTimeout:    u.Breaker.OpenTimeout.Std(),
			HalfOpenProbes: u.Breaker.HalfOpenProbes,
		},
	}
}
