package upstream

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// memCache is an in-memory ResponseCache for these tests; the two-tier
// cache with Redis is tested in package cache and end to end.
type memCache struct {
	mu   sync.Mutex
	m    map[string]CachedResponse
	gets int
}

func newMemCache() *memCache { return &memCache{m: map[string]CachedResponse{}} }

func (c *memCache) GetMulti(_ context.Context, keys []string) map[string]CachedResponse {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gets++
	out := map[string]CachedResponse{}
	for _, k := range keys {
		if v, ok := c.m[k]; ok {
			v.Tier = "l1"
			out[k] = v
		}
	}
	return out
}

func (c *memCache) SetMulti(_ context.Context, items []CacheItem) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, it := range items {
		c.m[it.Key] = it.Value
	}
}

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// etagServer serves a JSON object with an ETag and answers If-None-Match.
type etagServer struct {
	srv      *httptest.Server
	hits     atomic.Int64
	notMod   atomic.Int64
	fail     atomic.Bool
	body     atomic.Value
	block    chan struct{}
	received chan struct{}
}

func newETagServer(t *testing.T) *etagServer {
	s := &etagServer{}
	s.body.Store(`{"url":"x","naam":"een"}`)
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.hits.Add(1)
		if s.received != nil {
			s.received <- struct{}{}
		}
		if s.block != nil {
			<-s.block
		}
		if s.fail.Load() {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		b := s.body.Load().(string)
		etag := fmt.Sprintf(`"%x"`, len(b))
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			s.notMod.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(b))
	}))
	t.Cleanup(s.srv.Close)
	return s
}

func newCachedClient(t *testing.T, base string, rc ResponseCache, clk *clock, clientID string, pol CachePolicy) *Client {
	t.Helper()
	c, err := NewClient(Upstream{Name: "zaken-a", Kind: APIKlanten, BaseURL: base + "/api/v1",
		Auth: Auth{Type: AuthZGWJWT, ClientID: clientID, Secret: "s3cret"}},
		WithClock(clk.now), WithCache(rc, func(Upstream) CachePolicy { return pol }))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCacheFreshThenRevalidate(t *testing.T) {
	s := newETagServer(t)
	rc := newMemCache()
	clk := &clock{t: time.Unix(1_700_000_000, 0)}
	c := newCachedClient(t, s.srv.URL, rc, clk, "klantgraaf", CachePolicy{TTL: time.Minute})
	var calls []Call
	var mu sync.Mutex
	ctx := WithRequestHook(context.Background(), func(cl Call) { mu.Lock(); calls = append(calls, cl); mu.Unlock() })

	get := func() string {
		var v struct{ Naam string }
		if _, err := c.Get(ctx, "klanten/1", &v); err != nil {
			t.Fatal(err)
		}
		return v.Naam
	}
	if get() != "een" || s.hits.Load() != 1 {
		t.Fatalf("first get: hits %d", s.hits.Load())
	}
	if get() != "een" || s.hits.Load() != 1 {
		t.Fatalf("fresh entry not served from cache: hits %d", s.hits.Load())
	}
	clk.add(2 * time.Minute) // past the TTL: revalidate, 304 refreshes
	if get() != "een" || s.hits.Load() != 2 || s.notMod.Load() != 1 {
		t.Fatalf("revalidation: hits %d, 304s %d", s.hits.Load(), s.notMod.Load())
	}
	if get() != "een" || s.hits.Load() != 2 {
		t.Fatalf("refreshed entry not fresh again: hits %d", s.hits.Load())
	}
	s.body.Store(`{"url":"x","naam":"twee (gewijzigd)"}`)
	clk.add(2 * time.Minute)
	if got := get(); got != "twee (gewijzigd)" {
		t.Fatalf("changed object after TTL: got %q", got)
	}
	mu.Lock()
	defer mu.Unlock()
	tiers := []string{}
	for _, cl := range calls {
		tiers = append(tiers, cl.Cache)
	}
	want := []string{"", "l1", "revalidated", "l1", ""}
	if fmt.Sprint(tiers) != fmt.Sprint(want) {
		t.Fatalf("reported tiers %q, want %q", tiers, want)
	}
}

func TestCacheStaleIfError(t *testing.T) {
	s := newETagServer(t)
	clk := &clock{t: time.Unix(1_700_000_000, 0)}
	c := newCachedClient(t, s.srv.URL, newMemCache(), clk, "klantgraaf", CachePolicy{TTL: time.Minute, StaleIfError: 10 * time.Minute})
	var stale atomic.Int64
	ctx := WithRequestHook(context.Background(), func(cl Call) {
		if cl.Cache == CacheStale {
			stale.Add(1)
		}
	})
	var v struct{ Naam string }
	if _, err := c.Get(ctx, "klanten/1", &v); err != nil {
		t.Fatal(err)
	}
	s.fail.Store(true)
	clk.add(5 * time.Minute)
	v.Naam = ""
	resp, err := c.Get(ctx, "klanten/1", &v)
	if err != nil || v.Naam != "een" || resp.Header.Get(CacheHeader) != CacheStale || stale.Load() != 1 {
		t.Fatalf("stale-if-error: err %v, naam %q, header %q, stale %d", err, v.Naam, resp.Header.Get(CacheHeader), stale.Load())
	}
	clk.add(10 * time.Minute) // beyond the bound: the error comes through
	if _, err := c.Get(ctx, "klanten/1", &v); !IsKind(err, Unavailable) {
		t.Fatalf("past the stale bound: got %v, want Unavailable", err)
	}
}

func TestCacheSharesConcurrentRequests(t *testing.T) {
	s := newETagServer(t)
	s.block = make(chan struct{})
	s.received = make(chan struct{}, 100)
	clk := &clock{t: time.Unix(1_700_000_000, 0)}
	c := newCachedClient(t, s.srv.URL, newMemCache(), clk, "klantgraaf", CachePolicy{TTL: time.Minute})
	var wg sync.WaitGroup
	var shared atomic.Int64
	ctx := WithRequestHook(context.Background(), func(cl Call) {
		if cl.Cache == CacheShared {
			shared.Add(1)
		}
	})
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var v struct{ Naam string }
			if _, err := c.Get(ctx, "klanten/1", &v); err != nil || v.Naam != "een" {
				t.Errorf("get: %v %q", err, v.Naam)
			}
		}()
	}
	<-s.received
	time.Sleep(50 * time.Millisecond) // let the others join the flight
	close(s.block)
	wg.Wait()
	if n := s.hits.Load(); n != 1 {
		t.Fatalf("10 concurrent identical requests made %d upstream requests", n)
	}
	if shared.Load() != 9 {
		t.Fatalf("shared answers reported: %d, want 9", shared.Load())
	}
}

func TestCacheKeysSeparatePrincipals(t *testing.T) {
	s := newETagServer(t)
	rc := newMemCache()
	clk := &clock{t: time.Unix(1_700_000_000, 0)}
	full := newCachedClient(t, s.srv.URL, rc, clk, "klantgraaf", CachePolicy{TTL: time.Minute})
	restricted := newCachedClient(t, s.srv.URL, rc, clk, "klantgraaf-beperkt", CachePolicy{TTL: time.Minute})
	var v map[string]any
	if _, err := full.Get(context.Background(), "klanten/1", &v); err != nil {
		t.Fatal(err)
	}
	if _, err := restricted.Get(context.Background(), "klanten/1", &v); err != nil {
		t.Fatal(err)
	}
	if s.hits.Load() != 2 {
		t.Fatalf("a different credential was served another's cached answer (hits %d)", s.hits.Load())
	}
	perUser := newCachedClient(t, s.srv.URL, rc, clk, "klantgraaf", CachePolicy{TTL: time.Minute, PerUser: true})
	a := WithEndUser(context.Background(), EndUser{ID: "a"})
	b := WithEndUser(context.Background(), EndUser{ID: "b"})
	for _, ctx := range []context.Context{a, b, a} {
		if _, err := perUser.Get(ctx, "klanten/1", &v); err != nil {
			t.Fatal(err)
		}
	}
	if s.hits.Load() != 4 {
		t.Fatalf("per-user policy: hits %d, want 4 (one per user)", s.hits.Load())
	}
}

func TestPrefetchIsOneLookup(t *testing.T) {
	s := newETagServer(t)
	rc := newMemCache()
	clk := &clock{t: time.Unix(1_700_000_000, 0)}
	c := newCachedClient(t, s.srv.URL, rc, clk, "klantgraaf", CachePolicy{TTL: time.Minute})
	var v map[string]any
	for i := 0; i < 5; i++ {
		if _, err := c.Get(context.Background(), fmt.Sprintf("klanten/%d", i), &v); err != nil {
			t.Fatal(err)
		}
	}
	rc.mu.Lock()
	rc.gets = 0
	rc.mu.Unlock()
	urls := []string{}
	for i := 0; i < 5; i++ {
		urls = append(urls, fmt.Sprintf("%s/api/v1/klanten/%d", s.srv.URL, i))
	}
	ctx := c.PrefetchGET(context.Background(), urls)
	for _, u := range urls {
		if _, err := c.Get(ctx, u, &v); err != nil {
			t.Fatal(err)
		}
	}
	if rc.gets != 1 || s.hits.Load() != 5 {
		t.Fatalf("prefetch: %d cache lookups (want 1), %d upstream hits (want 5, all before)", rc.gets, s.hits.Load())
	}
}
