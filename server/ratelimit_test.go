package server

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/klantgraaf/klantgraaf/resolvers"
)

// fakeClock is a settable clock.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

func rlRequest(target, remote string, header ...string) *http.Request {
	req := httptest.NewRequest("POST", target, strings.NewReader(`{"query":"{ hello }"}`))
	req.Header.Set("Content-Type", "application/json")
	req.RemoteAddr = remote
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return req
}

func TestRateLimitPerClient(t *testing.T) {
	clock := &fakeClock{now: time.Date(2025, 9, 1, 12, 0, 0, 0, time.UTC)}
	h := New(Options{
		GraphQL:   echoEndUser,
		EndUser:   EndUserOptions{TrustHeaders: true},
		RateLimit: RateLimitOptions{RequestsPerSecond: 0.5, Burst: 2, Now: clock.Now},
	})
	call := func(remote string, header ...string) *httptest.ResponseRecorder {
		return do(t, h, rlRequest("/graphql", remote, header...))
	}
	for i := range 2 {
		if rec := call("192.0.2.1:1000"); rec.Code != 200 {
			t.Fatalf("request %d within the burst: %d %s", i+1, rec.Code, rec.Body)
		}
	}
	rec := call("192.0.2.1:1001") // another port, same client
	e := wantGraphQLError(t, rec, http.StatusTooManyRequests, resolvers.CodeRateLimited)
	if rec.Header().Get("Retry-After") != "2" || !strings.Contains(e.Message, "at most 0.5 requests per second per client (burst 2)") {
		t.Errorf("429: Retry-After %q, message %q", rec.Header().Get("Retry-After"), e.Message)
	}

	// Other clients have buckets of their own: another address, and an end
	// user named by the trusted header (even from the same address).
	if rec := call("192.0.2.2:1000"); rec.Code != 200 {
		t.Errorf("another address: %d", rec.Code)
	}
	for i := range 2 {
		if rec := call("192.0.2.1:1000", "X-End-User-Id", "anna"); rec.Code != 200 {
			t.Errorf("end user anna, request %d: %d", i+1, rec.Code)
		}
	}
	if rec := call("192.0.2.1:1000", "X-End-User-Id", "anna"); rec.Code != http.StatusTooManyRequests {
		t.Errorf("end user anna over her burst: %d", rec.Code)
	}
	// The probes are never limited.
	if rec := do(t, h, httptest.NewRequest("GET", "/healthz", nil)); rec.Code != 200 {
		t.Errorf("/healthz: %d", rec.Code)
	}

	// The bucket refills at the rate.
	clock.Add(1900 * time.Millisecond)
	if rec := call("192.0.2.1:1000"); rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") != "1" {
		t.Errorf("before a token is back: %d, Retry-After %q", rec.Code, rec.Header().Get("Retry-After"))
	}
	clock.Add(100 * time.Millisecond)
	if rec := call("192.0.2.1:1000"); rec.Code != 200 {
		t.Errorf("after 2s: %d", rec.Code)
	}
}

func TestRateLimitIdentityWithoutTrustedHeaders(t *testing.T) {
	h := New(Options{
		GraphQL:   echoEndUser,
		RateLimit: RateLimitOptions{RequestsPerSecond: 1, Burst: 1},
	})
	if rec := do(t, h, rlRequest("/graphql", "198.51.100.7:5", "X-End-User-Id", "a")); rec.Code != 200 {
		t.Fatalf("first: %d", rec.Code)
	}
	// Untrusted headers cannot buy a client a new bucket.
	if rec := do(t, h, rlRequest("/graphql", "198.51.100.7:6", "X-End-User-Id", "b")); rec.Code != http.StatusTooManyRequests {
		t.Errorf("an untrusted end-user header changed the client: %d", rec.Code)
	}
	if got := ClientIdentity(rlRequest("/graphql", "[2001:db8::1]:443"), EndUserOptions{}); got != "addr:2001:db8::1" {
		t.Errorf("IPv6 client = %q", got)
	}
	long := strings.Repeat("x", 300)
	if got := ClientIdentity(rlRequest("/graphql", "192.0.2.9:1", "X-End-User-Id", long), EndUserOptions{TrustHeaders: true}); got != "addr:192.0.2.9" {
		t.Errorf("an invalid end-user header = %q, want the address", got)
	}
}

func TestRateLimitOff(t *testing.T) {
	h := New(Options{GraphQL: echoEndUser})
	for i := range 100 {
		if rec := do(t, h, rlRequest("/graphql", "192.0.2.1:1")); rec.Code != 200 {
			t.Fatalf("request %d without a rate limit: %d", i, rec.Code)
		}
	}
}

// However many clients come by, the buckets kept stay bounded.
func TestRateLimitBucketsAreBounded(t *testing.T) {
	clock := &fakeClock{now: time.Unix(0, 0)}
	l := newLimiter(RateLimitOptions{RequestsPerSecond: 1, Burst: 5, MaxClients: 100, Now: clock.Now})
	for i := range 10000 {
		if _, ok := l.take(fmt.Sprintf("addr:%d", i)); !ok {
			t.Fatalf("a new client was refused")
		}
		if len(l.buckets) > 100 {
			t.Fatalf("%d buckets after %d clients", len(l.buckets), i+1)
		}
	}
	// Eviction drops refilled buckets first: a client that has just spent
	// its burst cannot escape its limit by bringing new clients along.
	l = newLimiter(RateLimitOptions{RequestsPerSecond: 1, Burst: 5, MaxClients: 100, Now: clock.Now})
	for i := range 99 {
		l.take(fmt.Sprintf("early:%d", i))
	}
	clock.Add(6 * time.Second)
	for range 5 {
		l.take("busy")
	}
	l.take("newcomer")
	if _, ok := l.take("busy"); ok {
		t.Error("the busy client got a fresh bucket")
	}
	if len(l.buckets) != 2 {
		t.Errorf("%d buckets kept, want busy and newcomer", len(l.buckets))
	}
}
