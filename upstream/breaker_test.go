package upstream

import (
	"context"
	"net/http"
	"sync/atomic"
	"testing"
	"time"
)

// switchable answers with the status in mode (200 with {} when 0).
type switchable struct{ mode atomic.Int64 }

func (s *switchable) handle(w http.ResponseWriter, r *http.Request) {
	if st := int(s.mode.Load()); st != 0 {
		problem(w, st)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(`{}`))
}

func waitForState(t *testing.T, c *Client, want string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for c.BreakerState() != want {
		if time.Now().After(deadline) {
			t.Fatalf("breaker state %q, want %q", c.BreakerState(), want)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestBreakerOpensFailsFastAndRecovers(t *testing.T) {
	s := &switchable{}
	s.mode.Store(503)
	f := newResFixture(t, s.handle, func(u *Upstream) {
		u.Retry.MaxAttempts = 1
		u.Breaker = BreakerPolicy{Failures: 3, OpenTimeout: 100 * time.Millisecond}
	}, false)
	ctx := context.Background()
	if f.c.BreakerState() != BreakerClosed {
		t.Fatalf("new client: breaker %q", f.c.BreakerState())
	}
	for i := range 3 {
		if f.c.BreakerState() != BreakerClosed {
			t.Fatalf("opened after %d failures, want 3", i)
		}
		_, err := f.c.Get(ctx, "zaken", nil)
		if ue := mustUpstreamError(t, err); ue.Status != 503 {
			t.Fatalf("failure %d: %+v", i, ue)
		}
	}
	if f.c.BreakerState() != BreakerOpen {
		t.Fatalf("after 3 consecutive failures: breaker %q", f.c.BreakerState())
	}

	// Open: fail fast, nothing sent.
	before := f.hits.Load()
	_, err := f.c.Get(ctx, "zaken", nil)
	ue := mustUpstreamError(t, err)
	if ue.Kind != Unavailable || !ue.Retryable || ue.Detail != "circuit open" || ue.Source != "res" || ue.Status != 0 {
		t.Errorf("open breaker: %+v", ue)
	}
	if f.hits.Load() != before {
		t.Errorf("a request reached the upstream while the breaker was open")
	}

	// After OpenTimeout one probe goes through; it fails, so it reopens.
	waitForState(t, f.c, BreakerHalfOpen)
	_, err = f.c.Get(ctx, "zaken", nil)
	if ue := mustUpstreamError(t, err); ue.Status != 503 || f.hits.Load() != before+1 {
		t.Fatalf("half-open probe: %+v, %d requests", ue, f.hits.Load()-before)
	}
	if f.c.BreakerState() != BreakerOpen {
		t.Fatalf("failed probe: breaker %q, want open", f.c.BreakerState())
	}

	// The upstream recovers; the next probe closes the breaker by itself.
	s.mode.Store(0)
	waitForState(t, f.c, BreakerHalfOpen)
	if _, err := f.c.Get(ctx, "zaken", nil); err != nil {
		t.Fatalf("probe after recovery: %v", err)
	}
	if f.c.BreakerState() != BreakerClosed {
		t.Fatalf("successful probe: breaker %q", f.c.BreakerState())
	}
	if _, err := f.c.Get(ctx, "zaken", nil); err != nil {
		t.Fatal(err)
	}
}

func TestBreakerCountsOnlyUnavailable(t *testing.T) {
	s := &switchable{}
	f := newResFixture(t, s.handle, func(u *Upstream) {
		u.Retry.MaxAttempts = 1
		u.Breaker.Failures = 3
	}, false)
	ctx := context.Background()
	// Rejections and missing objects show the upstream is there.
	for _, st := range []int{404, 400, 401, 403, 409, 404, 400, 404} {
		s.mode.Store(int64(st))
		_, _ = f.c.Get(ctx, "zaken", nil)
	}
	if f.c.BreakerState() != BreakerClosed {
		t.Fatalf("4xx answers opened the breaker")
	}
	// Failures must be consecutive: a 404 in between resets the count.
	for _, st := range []int{503, 502, 404, 500, 429} {
		s.mode.Store(int64(st))
		_, _ = f.c.Get(ctx, "zaken", nil)
	}
	if f.c.BreakerState() != BreakerClosed {
		t.Fatalf("non-consecutive failures opened the breaker")
	}
	s.mode.Store(504)
	_, _ = f.c.Get(ctx, "zaken", nil)
	if f.c.BreakerState() != BreakerOpen {
		t.Fatalf("three consecutive failures (500, 429, 504): breaker %q", f.c.BreakerState())
	}
}

func TestBreakerCountsRequestsNotAttempts(t *testing.T) {
	// One read retried three times is one failure.
	f := newResFixture(t, func(w http.ResponseWriter, r *http.Request) { problem(w, 503) },
		func(u *Upstream) { u.Breaker.Failures = 2 }, false)
	_, _ = f.c.Get(context.Background(), "zaken", nil)
	if f.hits.Load() != 3 || f.c.BreakerState() != BreakerClosed {
		t.Fatalf("after one retried read: %d requests, breaker %q", f.hits.Load(), f.c.BreakerState())
	}
	_, _ = f.c.Get(context.Background(), "zaken", nil)
	if f.c.BreakerState() != BreakerOpen {
		t.Fatalf("after two failed reads: breaker %q", f.c.BreakerState())
	}
}

func TestBreakerIgnoresCallersThatGaveUp(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	f := newResFixture(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}, func(u *Upstream) { u.Breaker.Failures = 2 }, false)
	for range 5 {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
		_, err := f.c.Get(ctx, "zaken", nil)
		cancel()
		if !IsKind(err, Unavailable) {
			t.Fatalf("want unavailable, got %v", err)
		}
	}
	if f.c.BreakerState() != BreakerClosed {
		t.Fatalf("requests whose caller's deadline passed opened the breaker")
	}
	// The upstream's own timeout does count.
	g := newResFixture(t, func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() },
		func(u *Upstream) { u.Timeout = 20 * time.Millisecond; u.Breaker.Failures = 2 }, false)
	for range 2 {
		_, _ = g.c.Get(context.Background(), "zaken", nil)
	}
	if g.c.BreakerState() != BreakerOpen {
		t.Fatalf("two upstream timeouts: breaker %q", g.c.BreakerState())
	}
}

func TestBreakerHalfOpenLetsOneProbeThrough(t *testing.T) {
	s := &switchable{}
	s.mode.Store(503)
	entered := make(chan struct{}, 10)
	release := make(chan struct{})
	f := newResFixture(t, func(w http.ResponseWriter, r *http.Request) {
		if s.mode.Load() == 0 {
			entered <- struct{}{}
			<-release
		}
		s.handle(w, r)
	}, func(u *Upstream) {
		u.Retry.MaxAttempts = 1
		u.Breaker = BreakerPolicy{Failures: 1, OpenTimeout: 50 * time.Millisecond}
	}, false)
	_, _ = f.c.Get(context.Background(), "zaken", nil)
	s.mode.Store(0)
	waitForState(t, f.c, BreakerHalfOpen)
	probe := make(chan error, 1)
	go func() {
		_, err := f.c.Get(context.Background(), "zaken", nil)
		probe <- err
	}()
	<-entered
	// While the probe is out, other requests fail fast.
	_, err := f.c.Get(context.Background(), "zaken", nil)
	if ue := mustUpstreamError(t, err); ue.Detail != "circuit open" {
		t.Errorf("second request while half open: %+v", ue)
	}
	close(release)
	if err := <-probe; err != nil {
		t.Fatal(err)
	}
	if f.c.BreakerState() != BreakerClosed {
		t.Errorf("after the probe: %q", f.c.BreakerState())
	}
}

func TestBreakerSeparatePerUpstream(t *testing.T) {
	bad := &switchable{}
	bad.mode.Store(503)
	good := &switchable{}
	srvBad := newResFixture(t, bad.handle, nil, false)
	srvGood := newResFixture(t, good.handle, nil, false)
	reg, err := NewRegistry([]Upstream{
		{Name: "bad", Kind: APIZaken, BaseURL: srvBad.srv.URL + "/api/v1", Retry: RetryPolicy{MaxAttempts: 1}, Breaker: BreakerPolicy{Failures: 2}},
		{Name: "good", Kind: APIZaken, BaseURL: srvGood.srv.URL + "/api/v1", Breaker: BreakerPolicy{Failures: 2}},
	})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := reg.ByName("bad")
	g, _ := reg.ByName("good")
	for range 3 {
		_, _ = b.Get(context.Background(), "zaken", nil)
		if _, err := g.Get(context.Background(), "zaken", nil); err != nil {
			t.Fatal(err)
		}
	}
	if b.BreakerState() != BreakerOpen || g.BreakerState() != BreakerClosed {
		t.Errorf("bad %q, good %q", b.BreakerState(), g.BreakerState())
	}
}
