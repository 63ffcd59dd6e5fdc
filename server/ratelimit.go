package server

import (
	"fmt"
	"math"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/klantgraaf/klantgraaf/resolvers"
)

// RateLimitOptions configures the per-client rate limit of the GraphQL
// endpoint: a token bucket per client that holds Burst tokens and gains
// RequestsPerSecond of them every second; each request takes one.
type RateLimitOptions struct {
	// RequestsPerSecond is the sustained rate per client; 0 turns the
	// limit off.
	RequestsPerSecond float64
	// Burst is the bucket size (default: the rate rounded up, at least 1).
	Burst int
	// MaxClients bounds the buckets kept (default 100000); when full,
	// buckets that have refilled are dropped first.
	MaxClients int
	// Now replaces time.Now in tests.
	Now func() time.Time
}

// ClientIdentity is the client a request counts against: the end user
// named by the trusted end-user header (when headers are trusted and the
// value is valid), else the remote address (without port).
func ClientIdentity(r *http.Request, eu EndUserOptions) string {
	if eu.TrustHeaders {
		h := eu.IDHeader
		if h == "" {
			h = DefaultEndUserIDHeader
		}
		if id := r.Header.Get(h); id != "" && validEndUserValue(id) {
			return "user:" + id
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	return "addr:" + host
}

// RateLimit refuses a client's request when its bucket is empty: 429 with
// a GraphQL-shaped body (code RATE_LIMITED, the limit in the message) and
// Retry-After, the whole seconds until a token is back. identity names the
// client of a request (see ClientIdentity).
func RateLimit(o RateLimitOptions, identity func(*http.Request) string) func(http.Handler) http.Handler {
	if o.RequestsPerSecond <= 0 {
		return func(next http.Handler) http.Handler { return next }
	}
	l := newLimiter(o)
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			wait, ok := l.take(identity(r))
			if !ok {
				secs := int(math.Ceil(wait.Seconds()))
				w.Header().Set("Retry-After", strconv.Itoa(max(secs, 1)))
				writeError(w, http.StatusTooManyRequests, resolvers.CodeRateLimited,
					fmt.Sprintf("rate limit exceeded: at most %s requests per second per client (burst %d); retry after %ds",
						strconv.FormatFloat(o.RequestsPerSecond, 'f', -1, 64), l.burst, max(secs, 1)))
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// limiter holds the token buckets.
type limiter struct {
	rate  float64 // tokens per second
	burst int
	max   int
	now   func() time.Time

	mu      sync.Mutex
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newLimiter(o RateLimitOptions) *limiter {
	if o.Burst <= 0 {
		o.Burst = max(1, int(math.Ceil(o.RequestsPerSecond)))
	}
	if o.MaxClients <= 0 {
		o.MaxClients = 100000
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return &limiter{rate: o.RequestsPerSecond, burst: o.Burst, max: o.MaxClients, now: o.Now, buckets: map[string]*bucket{}}
}

// take takes a token of client's bucket; when there is none it reports how
// long until there is.
func (l *limiter) take(client string) (time.Duration, bool) {
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.buckets[client]
	if b == nil {
		if len(l.buckets) >= l.max {
			l.evict(now)
		}
		b = &bucket{tokens: float64(l.burst), last: now}
		l.buckets[client] = b
	}
	if el := now.Sub(b.last).Seconds(); el > 0 {
		b.tokens = math.Min(float64(l.burst), b.tokens+el*l.rate)
		b.last = now
	}
	if b.tokens >= 1 {
		b.tokens--
		return 0, true
	}
	return time.Duration((1 - b.tokens) / l.rate * float64(time.Second)), false
}

// evict drops the buckets that have refilled (a full bucket is the same as
// none); if that frees nothing, it drops buckets at random until a tenth
// of the room is free.
func (l *limiter) evict(now time.Time) {
	full := float64(l.burst) / l.rate
	for k, b := range l.buckets {
		if now.Sub(b.last).Seconds() >= full {
			delete(l.buckets, k)
		}
	}
	for k := range l.buckets {
		if len(l.buckets) < l.max-l.max/10 {
			break
		}
		delete(l.buckets, k)
	}
}

// rateLimitGraphQL applies RateLimit to the GraphQL endpoint only (not to
// the probes or GraphiQL), before the body is read, with the client
// identity of ClientIdentity.
func rateLimitGraphQL(o RateLimitOptions, eu EndUserOptions) func(http.Handler) http.Handler {
	if o.RequestsPerSecond <= 0 {
		return func(next http.Handler) http.Handler { return next }
	}
	limit := RateLimit(o, func(r *http.Request) string { return ClientIdentity(r, eu) })
	return func(next http.Handler) http.Handler {
		limited := limit(next)
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/graphql" {
				limited.ServeHTTP(w, r)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}
