package main

import (
	"context"
	"fmt"
	"net"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/klantgraaf/klantgraaf/config"
	"github.com/klantgraaf/klantgraaf/sim"
)

// redisURL returns the test Redis, skipping (or failing, in CI) when it is
// not reachable.
func redisURL(t *testing.T) string {
	t.Helper()
	u := os.Getenv("REDIS_URL")
	if u == "" {
		u = "redis://127.0.0.1:6379/0"
	}
	opts, err := redis.ParseURL(u)
	if err == nil {
		c := redis.NewClient(opts)
		defer c.Close()
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		err = c.Ping(ctx).Err()
	}
	if err != nil {
		if os.Getenv("KLANTGRAAF_REQUIRE_REDIS") != "" {
			t.Fatalf("Redis at %s is required: %v", u, err)
		}
		t.Skipf("no Redis at %s (set REDIS_URL): %v", u, err)
	}
	return u
}

// withRedis points a configuration at Redis under a prefix of its own.
func withRedis(u, prefix string) func(*config.Config) {
	return func(c *config.Config) { c.Redis = &config.Redis{URL: u, KeyPrefix: prefix} }
}

func uniquePrefix(t *testing.T) string {
	return fmt.Sprintf("klantgraaf-test:%s:%d:", t.Name(), time.Now().UnixNano())
}

// secondGateway is another gateway instance over the same simulator, as
// another replica would be: its own L1, the shared Redis.
func (e *env) secondGateway(t *testing.T, mutate func(*config.Config)) *env {
	cfg, err := DemoConfig(&DemoOptions{Scale: "small", SimConcurrency: 8, User: "e2e-user", Listen: "127.0.0.1:0"}, e.sim.Providers())
	if err != nil {
		t.Fatal(err)
	}
	if mutate != nil {
		mutate(cfg)
	}
	h, err := NewGateway(cfg, GatewayOptions{})
	if err != nil {
		t.Fatal(err)
	}
	gw := httptest.NewServer(h)
	t.Cleanup(gw.Close)
	return &env{t: t, sim: e.sim, cfg: cfg, gateway: gw, provs: e.provs}
}

func (e *env) upstreamRequests() int {
	e.sim.WaitIdle(2 * time.Second)
	return e.sim.Stats(false).Total
}

// noResponseCache keeps whole answers out of the cache, so a test sees the
// upstream answer cache at work.
func noResponseCache(c *config.Config) {
	off := false
	if c.Cache == nil {
		c.Cache = &config.Cache{}
	}
	c.Cache.Responses = &off
}

func TestWarmKlantbeeldCostsNoUpstreamRequest(t *testing.T) {
	e := newEnv(t, sim.Config{}, noResponseCache)
	sc, _ := e.sim.ShowcaseByKey("benchmark")
	q := readQuery(t, "klantbeeld.graphql")
	vars := map[string]any{"bsn": sc.BSN}
	cold := e.query(q, vars, nil)
	e.sim.ResetStats()
	warm := e.query(q, vars, nil)
	if n := e.upstreamRequests(); n != 0 {
		t.Fatalf("warm klantbeeld made %d upstream requests", n)
	}
	if string(cold.Data) != string(warm.Data) {
		t.Fatal("warm answer differs from the cold one")
	}
	c := costOf(t, warm)
	if c.UpstreamRequests != 0 || c.CacheHits["l1"] == 0 {
		t.Fatalf("extensions.cost of the warm query: %+v", c)
	}
}

// TestExpandPrimesTheLoaders: zaaktype, status, statustype, resultaat and
// rollen come embedded in the zaken; no Catalogi request and no detail GET
// of a status, resultaat or rol is made.
func TestExpandPrimesTheLoaders(t *testing.T) {
	e := newEnv(t, sim.Config{}, nil)
	sc, _ := e.sim.ShowcaseByKey("benchmark")
	e.query(readQuery(t, "klantbeeld.graphql"), map[string]any{"bsn": sc.BSN}, nil)
	e.sim.WaitIdle(2 * time.Second)
	st := e.sim.Stats(true)
	for _, name := range []string{"catalogi-a", "catalogi-b"} {
		if is := st.Instances[name]; is != nil && is.Requests > 0 {
			t.Errorf("%s got %d requests; expand should have embedded the catalogi objects", name, is.Requests)
		}
	}
	sawExpand := false
	for _, l := range st.Log {
		for _, p := range []string{"/statussen/", "/resultaten/", "/rollen/", "/rollen?"} {
			if strings.Contains(l.Path, p) {
				t.Errorf("%s %s: should have come embedded", l.Instance, l.Path)
			}
		}
		if strings.Contains(l.Path, "expand=") && strings.Contains(l.Path, "status.statustype") {
			sawExpand = true
		}
	}
	if !sawExpand {
		t.Error("no zaken request asked for expand")
	}
}

func TestConcurrentIdenticalQueriesShareUpstreamRequests(t *testing.T) {
	e := newEnv(t, sim.Config{Latency: 30 * time.Millisecond}, nil)
	sc, _ := e.sim.ShowcaseByKey("benchmark")
	q := readQuery(t, "klantbeeld.graphql")
	// One query alone, on a separate gateway with a cold cache, for reference.
	ref := e.secondGateway(t, nil)
	e.sim.ResetStats()
	ref.query(q, map[string]any{"bsn": sc.BSN}, nil)
	single := e.upstreamRequests()

	e.sim.ResetStats()
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if r := e.query(q, map[string]any{"bsn": sc.BSN}, nil); len(r.Errors) > 0 {
				t.Errorf("errors: %+v", r.Errors)
			}
		}()
	}
	wg.Wait()
	if n := e.upstreamRequests(); n != single {
		t.Fatalf("5 concurrent identical klantbeelden made %d upstream requests; one alone makes %d", n, single)
	}
}

func TestRevalidationWithETagAfterTTL(t *testing.T) {
	e := newEnv(t, sim.Config{}, func(c *config.Config) {
		ttl := config.Duration(150 * time.Millisecond)
		c.Cache = &config.Cache{TTL: map[string]config.Duration{"klanten": ttl}}
	})
	sc, _ := e.sim.ShowcaseByKey("benchmark")
	q := `query($u: String!) { klant(url: $u) { url naam } }`
	vars := map[string]any{"u": sc.KlantURLs[0]}
	e.query(q, vars, nil)
	e.sim.ResetStats()
	e.query(q, vars, nil) // fresh: no request
	if n := e.upstreamRequests(); n != 0 {
		t.Fatalf("fresh entry: %d upstream requests", n)
	}
	time.Sleep(200 * time.Millisecond)
	r := e.query(q, vars, nil)
	e.sim.WaitIdle(2 * time.Second)
	st := e.sim.Stats(false)
	ks := st.Instances["klanten"]
	if ks == nil || ks.Requests != 1 {
		t.Fatalf("after the TTL: want one revalidation request, stats %+v", st)
	}
	saw304 := false
	for _, rt := range ks.Routes {
		if rt.Statuses["304"] == 1 {
			saw304 = true
		}
	}
	if !saw304 {
		t.Fatalf("revalidation was not answered 304: %+v", ks.Routes)
	}
	if c := costOf(t, r); c.Sources["klanten"].Revalidated != 1 {
		t.Fatalf("cost does not report the revalidation: %+v", c)
	}
}

func TestWarmFromRedisOnly(t *testing.T) {
	u := redisURL(t)
	prefix := uniquePrefix(t)
	both := func(c *config.Config) { withRedis(u, prefix)(c); noResponseCache(c) }
	e := newEnv(t, sim.Config{}, both)
	sc, _ := e.sim.ShowcaseByKey("benchmark")
	q := readQuery(t, "klantbeeld.graphql")
	vars := map[string]any{"bsn": sc.BSN}
	cold := e.query(q, vars, nil)
	other := e.secondGateway(t, both)
	e.sim.ResetStats()
	warm := other.query(q, vars, nil)
	if n := e.upstreamRequests(); n != 0 {
		t.Fatalf("a second instance with an empty L1 made %d upstream requests", n)
	}
	if string(cold.Data) != string(warm.Data) {
		t.Fatal("the answer from Redis differs")
	}
	if c := costOf(t, warm); c.CacheHits["l2"] == 0 || c.CacheHits["l1"] != 0 {
		t.Fatalf("cost: %+v, want hits from l2 only", c)
	}
}

// TestCachedDataNeverCrossesPrincipals: two gateways with different
// credentials at the providers share one Redis; the restricted one never
// sees the confidential zaak the other one cached.
func TestCachedDataNeverCrossesPrincipals(t *testing.T) {
	u := redisURL(t)
	prefix := uniquePrefix(t)
	e := newEnv(t, sim.Config{}, withRedis(u, prefix))
	restricted := e.secondGateway(t, func(c *config.Config) {
		withRedis(u, prefix)(c)
		for i := range c.UpstreamConfigs {
			for _, cl := range e.provs[c.UpstreamConfigs[i].Name].Clients {
				if cl.ID == "klantgraaf-beperkt" {
					c.UpstreamConfigs[i].Auth.ClientID, c.UpstreamConfigs[i].Auth.Secret = cl.ID, cl.Secret
				}
			}
		}
	})
	sc, _ := e.sim.ShowcaseByKey("vertrouwelijk")
	q := `query($bsn: String!) { klantbeeld(bsn: $bsn) { zaken { totalCount edges { node { url vertrouwelijkheidaanduiding } } } } }`
	count := func(g *env) (int, bool) {
		var data struct {
			Klantbeeld struct {
				Zaken struct {
					TotalCount int
					Edges      []struct {
						Node struct{ Vertrouwelijkheidaanduiding string }
					}
				}
			}
		}
		r := g.query(q, map[string]any{"bsn": sc.BSN}, &data)
		if len(r.Errors) > 0 {
			t.Fatalf("errors: %+v", r.Errors)
		}
		geheim := false
		for _, ed := range data.Klantbeeld.Zaken.Edges {
			if ed.Node.Vertrouwelijkheidaanduiding == "GEHEIM" {
				geheim = true
			}
		}
		return data.Klantbeeld.Zaken.TotalCount, geheim
	}
	for round := 0; round < 2; round++ { // cold, then warm
		if n, geheim := count(e); n != 3 || !geheim {
			t.Fatalf("round %d: full client sees %d zaken (geheim %v), want 3 with the geheime", round, n, geheim)
		}
		if n, geheim := count(restricted); n != 2 || geheim {
			t.Fatalf("round %d: restricted client sees %d zaken (geheim %v), want 2 without the geheime", round, n, geheim)
		}
	}
}

// TestRedisDownChangesOnlySpeed: a Redis that cannot be reached is a miss,
// never an error.
func TestRedisDownChangesOnlySpeed(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	dead := "redis://" + ln.Addr().String() + "/0"
	ln.Close()
	e := newEnv(t, sim.Config{}, withRedis(dead, "x:"))
	plain := e.secondGateway(t, func(c *config.Config) { c.Cache = &config.Cache{Disabled: true} })
	sc, _ := e.sim.ShowcaseByKey("benchmark")
	q := readQuery(t, "klantbeeld.graphql")
	for i := 0; i < 2; i++ {
		a := e.query(q, map[string]any{"bsn": sc.BSN}, nil)
		b := plain.query(q, map[string]any{"bsn": sc.BSN}, nil)
		if len(a.Errors) > 0 {
			t.Fatalf("with Redis down: errors %+v", a.Errors)
		}
		if string(a.Data) != string(b.Data) {
			t.Fatal("answers differ with Redis down")
		}
	}
}

// TestResponseCache: a repeated question is answered whole from the cache,
// but only to the same caller, only without errors, and only while the
// answers it was built from are fresh.
func TestResponseCache(t *testing.T) {
	e := newEnv(t, sim.Config{}, func(c *config.Config) {
		c.Cache = &config.Cache{TTL: map[string]config.Duration{"klanten": config.Duration(1500 * time.Millisecond)}}
	})
	sc, _ := e.sim.ShowcaseByKey("benchmark")
	q := readQuery(t, "klantbeeld.graphql")
	vars := map[string]any{"bsn": sc.BSN}
	cold := e.query(q, vars, nil, "X-End-User-Id", "agent-1")
	warm := e.query(q, vars, nil, "X-End-User-Id", "agent-1")
	if c := costOf(t, warm); c.CacheHits["response"] != 1 || c.UpstreamRequests != 0 {
		t.Fatalf("repeat: cost %+v, want one response hit", c)
	}
	if string(cold.Data) != string(warm.Data) {
		t.Fatal("the cached answer differs")
	}
	// Another end user: executed again (from the answer cache of the
	// providers' responses, not from another user's whole answer).
	other := e.query(q, vars, nil, "X-End-User-Id", "agent-2")
	if c := costOf(t, other); c.CacheHits["response"] != 0 || c.CacheHits["l1"] == 0 {
		t.Fatalf("another user: cost %+v, want execution from L1", c)
	}
	// The klanten answers expire after 1.5s, and so does the whole answer.
	time.Sleep(1600 * time.Millisecond)
	again := e.query(q, vars, nil, "X-End-User-Id", "agent-1")
	if c := costOf(t, again); c.CacheHits["response"] != 0 || c.Sources["klanten"].Requests+c.Sources["klanten"].Revalidated == 0 {
		t.Fatalf("after the TTL: cost %+v, want the klant asked again", c)
	}
	// An answer with an error is not kept.
	bad := `{ zaak(url: "http://169.254.169.254/zaken/api/v1/zaken/x") { url } }`
	e.query(bad, nil, nil)
	if r := e.query(bad, nil, nil); len(r.Errors) != 1 || costOf(t, r).CacheHits["response"] != 0 {
		t.Fatalf("an answer with errors was served from the cache: %+v", r)
	}
}
