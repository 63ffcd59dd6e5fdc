package upstream

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// resFixture is a client against one handler, with its waits between
// attempts recorded instead of slept and every sent request observed.
type resFixture struct {
	srv    *httptest.Server
	c      *Client
	hits   atomic.Int64
	mu     sync.Mutex
	sleeps []time.Duration
	sent   []string // "METHOD path status" per observed request
}

func (f *resFixture) OnRequest(_, method, u string, status int, _ time.Duration, _ error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.sent = append(f.sent, fmt.Sprintf("%s %d", method, status))
}

func (f *resFixture) waits() []time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]time.Duration(nil), f.sleeps...)
}

func (f *resFixture) observed() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.sent...)
}

// newResFixture serves h (which sees every request; hits counts them) and
// builds a client whose waits are recorded; realSleep keeps real waiting.
func newResFixture(t *testing.T, h http.HandlerFunc, mod func(*Upstream), realSleep bool) *resFixture {
	t.Helper()
	f := &resFixture{}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.hits.Add(1)
		h(w, r)
	}))
	t.Cleanup(f.srv.Close)
	u := Upstream{Name: "res", Kind: APIZaken, BaseURL: f.srv.URL + "/api/v1"}
	if mod != nil {
		mod(&u)
	}
	c, err := NewClient(u, WithObserver(f), WithTransport(NewTransport(4, 4)))
	if err != nil {
		t.Fatal(err)
	}
	if !realSleep {
		c.sleep = func(ctx context.Context, d time.Duration) error {
			f.mu.Lock()
			f.sleeps = append(f.sleeps, d)
			f.mu.Unlock()
			return ctx.Err()
		}
	}
	f.c = c
	return f
}

func problem(w http.ResponseWriter, status int) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	fmt.Fprintf(w, `{"status":%d,"title":"%s","detail":"test %d"}`, status, http.StatusText(status), status)
}

func mustUpstreamError(t *testing.T, err error) *Error {
	t.Helper()
	var ue *Error
	if !errors.As(err, &ue) {
		t.Fatalf("want *upstream.Error, got %T: %v", err, err)
	}
	return ue
}

func TestRetryOn503ThenSuccess(t *testing.T) {
	var n atomic.Int64
	f := newResFixture(t, func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) <= 2 {
			problem(w, http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"ok":true}`))
	}, nil, false)
	var calls []Call
	var mu sync.Mutex
	ctx := WithRequestHook(context.Background(), func(c Call) { mu.Lock(); calls = append(calls, c); mu.Unlock() })
	var v struct{ OK bool }
	resp, err := f.c.Get(ctx, "zaken", &v)
	if err != nil || !v.OK || resp.StatusCode != 200 {
		t.Fatalf("after two 503s: %v %+v", err, v)
	}
	if f.hits.Load() != 3 {
		t.Errorf("server saw %d requests, want 3", f.hits.Load())
	}
	if got := f.observed(); fmt.Sprint(got) != "[GET 503 GET 503 GET 200]" {
		t.Errorf("observer saw %v, want every attempt", got)
	}
	if len(calls) != 3 || calls[0].Status != 503 || calls[2].Status != 200 {
		t.Errorf("request hook saw %+v, want 3 calls", calls)
	}
	w := f.waits()
	if len(w) != 2 {
		t.Fatalf("waits = %v, want 2", w)
	}
	// Jittered exponential backoff: [base/2, base], then [base, 2·base].
	base := DefaultRetryBaseDelay
	if w[0] < base/2 || w[0] > base || w[1] < base || w[1] > 2*base {
		t.Errorf("waits %v outside the jittered backoff of base %v", w, base)
	}
}

func TestRetryOnlyOnRetryableStatuses(t *testing.T) {
	for _, tc := range []struct {
		status int
		hits   int64
	}{
		{502, 3}, {503, 3}, {504, 3}, {429, 3},
		{500, 1}, {501, 1}, {400, 1}, {401, 1}, {403, 1}, {404, 1}, {409, 1},
	} {
		t.Run(fmt.Sprint(tc.status), func(t *testing.T) {
			f := newResFixture(t, func(w http.ResponseWriter, r *http.Request) { problem(w, tc.status) }, nil, false)
			_, err := f.c.Get(context.Background(), "zaken", nil)
			ue := mustUpstreamError(t, err)
			if ue.Status != tc.status {
				t.Errorf("status %d, want %d", ue.Status, tc.status)
			}
			if f.hits.Load() != tc.hits {
				t.Errorf("server saw %d requests, want %d", f.hits.Load(), tc.hits)
			}
			if len(f.waits()) != int(tc.hits-1) {
				t.Errorf("waits %v", f.waits())
			}
		})
	}
}

func TestRetryMaxAttemptsConfigurable(t *testing.T) {
	f := newResFixture(t, func(w http.ResponseWriter, r *http.Request) { problem(w, 503) },
		func(u *Upstream) {
			u.Retry = RetryPolicy{MaxAttempts: 5, BaseDelay: 10 * time.Millisecond, MaxDelay: 25 * time.Millisecond}
		}, false)
	_, err := f.c.Get(context.Background(), "zaken", nil)
	if ue := mustUpstreamError(t, err); ue.Kind != Unavailable || !ue.Retryable || ue.Status != 503 {
		t.Errorf("final error %+v", ue)
	}
	if f.hits.Load() != 5 {
		t.Errorf("server saw %d requests, want 5", f.hits.Load())
	}
	for _, w := range f.waits() {
		if w > 25*time.Millisecond {
			t.Errorf("wait %v beyond MaxDelay", w)
		}
	}

	one := newResFixture(t, func(w http.ResponseWriter, r *http.Request) { problem(w, 503) },
		func(u *Upstream) { u.Retry.MaxAttempts = 1 }, false)
	_, _ = one.c.Get(context.Background(), "zaken", nil)
	if one.hits.Load() != 1 {
		t.Errorf("MaxAttempts 1: server saw %d requests", one.hits.Load())
	}
}

func TestNoRetryForWrites(t *testing.T) {
	var bodies []string
	var mu sync.Mutex
	f := newResFixture(t, func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, r.Method+" "+r.URL.Path+" "+string(b))
		mu.Unlock()
		problem(w, http.StatusServiceUnavailable)
	}, func(u *Upstream) { u.Breaker.Failures = 100 }, false)
	ctx := context.Background()
	body := map[string]string{"a": "b"}
	_, _ = f.c.Post(ctx, "zaken", body, nil)
	_, _ = f.c.Put(ctx, "zaken/1", body, nil)
	_, _ = f.c.Patch(ctx, "zaken/1", body, nil)
	_, _ = f.c.Delete(ctx, "zaken/1")
	if f.hits.Load() != 4 {
		t.Fatalf("writes were repeated: %d requests for 4 writes: %v", f.hits.Load(), bodies)
	}
	// A _zoek search only reads: it is retried, with the same body each time.
	bodies = nil
	_, err := f.c.Post(ctx, "zaken/_zoek", map[string]any{"uuid__in": []string{"x"}}, nil)
	if err == nil || f.hits.Load() != 7 {
		t.Fatalf("_zoek: %v after %d requests", err, f.hits.Load()-4)
	}
	for _, b := range bodies {
		if b != `POST /api/v1/zaken/_zoek {"uuid__in":["x"]}` {
			t.Errorf("attempt sent %q", b)
		}
	}
	// HEAD is retried too.
	req, _ := f.c.NewRequest(ctx, http.MethodHead, "zaken/1", nil)
	_, _ = f.c.Do(req, nil)
	if f.hits.Load() != 10 {
		t.Errorf("HEAD: %d requests, want 3", f.hits.Load()-7)
	}
}

func TestRetryOnConnectionErrorNotOnTimeout(t *testing.T) {
	// Connection refused: every attempt is a real (failed) request.
	f := newResFixture(t, func(w http.ResponseWriter, r *http.Request) {}, nil, false)
	f.srv.Close()
	_, err := f.c.Get(context.Background(), "zaken", nil)
	if ue := mustUpstreamError(t, err); ue.Kind != Unavailable || !ue.Retryable || ue.Status != 0 {
		t.Fatalf("refused: %+v", ue)
	}
	if got := f.observed(); fmt.Sprint(got) != "[GET 0 GET 0 GET 0]" {
		t.Errorf("observer saw %v, want three failed attempts", got)
	}

	// A connection dropped without an answer is retried.
	var n atomic.Int64
	drop := newResFixture(t, func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				_ = conn.Close()
			}
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{}`))
	}, nil, false)
	if _, err := drop.c.Get(context.Background(), "zaken", nil); err != nil || drop.hits.Load() != 2 {
		t.Errorf("dropped connection: %v after %d requests", err, drop.hits.Load())
	}

	// A timeout is not repeated: the upstream had its Timeout.
	slow := newResFixture(t, func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() },
		func(u *Upstream) { u.Timeout = 50 * time.Millisecond }, false)
	_, err = slow.c.Get(context.Background(), "zaken", nil)
	if ue := mustUpstreamError(t, err); ue.Kind != Unavailable || ue.Detail != "timeout" {
		t.Fatalf("timeout: %+v", ue)
	}
	if slow.hits.Load() != 1 {
		t.Errorf("timeout repeated: %d requests", slow.hits.Load())
	}
}

func TestRetryAfterHonoured(t *testing.T) {
	for _, tc := range []struct {
		name     string
		header   func() string
		min, max time.Duration
	}{
		{"seconds", func() string { return "2" }, 2 * time.Second, 2 * time.Second},
		// An HTTP date has whole seconds: 3s ahead is between 2s and 3s away.
		{"http-date", func() string { return time.Now().Add(3 * time.Second).UTC().Format(http.TimeFormat) }, 2 * time.Second, 3 * time.Second},
		// Zero (or a date in the past) means no wait beyond the backoff.
		{"zero", func() string { return "0" }, DefaultRetryBaseDelay / 2, DefaultRetryBaseDelay},
		{"past", func() string { return "Mon, 02 Jan 2006 15:04:05 GMT" }, DefaultRetryBaseDelay / 2, DefaultRetryBaseDelay},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var n atomic.Int64
			f := newResFixture(t, func(w http.ResponseWriter, r *http.Request) {
				if n.Add(1) == 1 {
					w.Header().Set("Retry-After", tc.header())
					problem(w, http.StatusTooManyRequests)
					return
				}
				w.Header().Set("Content-Type", "application/json")
				_, _ = w.Write([]byte(`{}`))
			}, func(u *Upstream) { u.Retry.MaxDelay = 5 * time.Second }, false)
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if _, err := f.c.Get(ctx, "zaken", nil); err != nil {
				t.Fatal(err)
			}
			w := f.waits()
			if len(w) != 1 || w[0] < tc.min || w[0] > tc.max {
				t.Errorf("waited %v, want one wait in [%v, %v]", w, tc.min, tc.max)
			}
		})
	}
}

func TestRetryAfterBeyondDeadlineFailsNow(t *testing.T) {
	f := newResFixture(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "5")
		problem(w, http.StatusTooManyRequests)
	}, func(u *Upstream) { u.Retry.MaxDelay = time.Minute }, false)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_, err := f.c.Get(ctx, "zaken", nil)
	ue := mustUpstreamError(t, err)
	if ue.Kind != Unavailable || !ue.Retryable || ue.Status != 429 {
		t.Errorf("want the retryable 429, got %+v", ue)
	}
	if f.hits.Load() != 1 || len(f.waits()) != 0 {
		t.Errorf("%d requests, waits %v: a wait past the deadline must not start", f.hits.Load(), f.waits())
	}

	// Without a deadline, a Retry-After longer than MaxDelay also ends it.
	g := newResFixture(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3")
		problem(w, http.StatusServiceUnavailable)
	}, func(u *Upstream) { u.Retry.MaxDelay = time.Second }, false)
	_, err = g.c.Get(context.Background(), "zaken", nil)
	if ue := mustUpstreamError(t, err); ue.Status != 503 || g.hits.Load() != 1 || len(g.waits()) != 0 {
		t.Errorf("Retry-After beyond MaxDelay: %+v after %d requests, waits %v", ue, g.hits.Load(), g.waits())
	}

	// The backoff itself is bounded by the deadline as well.
	h := newResFixture(t, func(w http.ResponseWriter, r *http.Request) { problem(w, 502) },
		func(u *Upstream) { u.Retry = RetryPolicy{BaseDelay: time.Second, MaxDelay: time.Second} }, false)
	ctx2, cancel2 := context.WithTimeout(context.Background(), 400*time.Millisecond)
	defer cancel2()
	_, err = h.c.Get(ctx2, "zaken", nil)
	if ue := mustUpstreamError(t, err); ue.Status != 502 || h.hits.Load() != 1 {
		t.Errorf("backoff past the deadline: %+v after %d requests", ue, h.hits.Load())
	}
}

func TestRetryWaitsForReal(t *testing.T) {
	// With the real sleep the wait happens, and ends with the context.
	var n atomic.Int64
	var first, second atomic.Int64
	f := newResFixture(t, func(w http.ResponseWriter, r *http.Request) {
		switch n.Add(1) {
		case 1:
			first.Store(time.Now().UnixNano())
			w.Header().Set("Retry-After", "1")
			problem(w, 503)
		default:
			second.Store(time.Now().UnixNano())
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{}`))
		}
	}, nil, true)
	if _, err := f.c.Get(context.Background(), "zaken", nil); err != nil {
		t.Fatal(err)
	}
	if gap := time.Duration(second.Load() - first.Load()); gap < 900*time.Millisecond {
		t.Errorf("second attempt %v after the first, Retry-After was 1s", gap)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := sleepCtx(ctx, time.Hour); !errors.Is(err, context.Canceled) {
		t.Errorf("sleepCtx on an ended context: %v", err)
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"3", 3 * time.Second, true},
		{" 0 ", 0, true},
		{"-1", 0, false},
		{"1.5", 0, false},
		{"soon", 0, false},
		{"", 0, false},
		{"99999999999", maxRetryAfter, true},
		{"Sun, 01 Mar 2026 12:00:07 GMT", 7 * time.Second, true},
		{"Sunday, 01-Mar-26 12:00:07 GMT", 7 * time.Second, true},
		{"Sun, 01 Mar 2026 11:00:00 GMT", 0, true},
	} {
		got, ok := parseRetryAfter(tc.in, now)
		if got != tc.want || ok != tc.ok {
			t.Errorf("parseRetryAfter(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestBackoffGrowsAndIsCapped(t *testing.T) {
	c, err := NewClient(Upstream{Name: "b", Kind: APIZaken, BaseURL: "http://127.0.0.1:1/api",
		Retry: RetryPolicy{MaxAttempts: 10, BaseDelay: 100 * time.Millisecond, MaxDelay: time.Second}})
	if err != nil {
		t.Fatal(err)
	}
	for n, want := range map[int]time.Duration{1: 100 * time.Millisecond, 2: 200 * time.Millisecond, 3: 400 * time.Millisecond, 4: 800 * time.Millisecond, 5: time.Second, 9: time.Second} {
		seen := map[time.Duration]bool{}
		for range 50 {
			d := c.backoff(n)
			if d < want/2 || d > want {
				t.Fatalf("backoff(%d) = %v, want within [%v, %v]", n, d, want/2, want)
			}
			seen[d] = true
		}
		if len(seen) < 2 {
			t.Errorf("backoff(%d) not jittered: %v", n, seen)
		}
	}
}

func TestRetriedBodyIsComplete(t *testing.T) {
	// A request body must be sent in full on every attempt, even through
	// the cache's request copy.
	var got []string
	var mu sync.Mutex
	var n atomic.Int64
	f := newResFixture(t, func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		got = append(got, string(b))
		mu.Unlock()
		if n.Add(1) == 1 {
			problem(w, 503)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"count":0,"results":[]}`))
	}, nil, false)
	req, _ := f.c.NewRequest(context.Background(), http.MethodPost, "zaken/_zoek", []byte(`{"zaaktype":"x"}`))
	req.Body = io.NopCloser(bytes.NewReader([]byte(`{"zaaktype":"x"}`)))
	if _, err := f.c.Do(req, nil); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0] != got[1] || got[1] != `{"zaaktype":"x"}` {
		t.Errorf("bodies per attempt: %q", got)
	}
}

func TestRefusedRedirectIsNotRetriedAndKeepsStatus(t *testing.T) {
	var foreign atomic.Int64
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { foreign.Add(1) }))
	defer other.Close()
	f := newResFixture(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+r.URL.RequestURI(), http.StatusFound)
	}, func(u *Upstream) { u.Breaker.Failures = 1 }, false)
	_, err := f.c.Get(context.Background(), "zaken", nil)
	ue := mustUpstreamError(t, err)
	if ue.Kind != UnknownSource || ue.Status != http.StatusFound || ue.Retryable {
		t.Errorf("refused redirect: %+v", ue)
	}
	if f.hits.Load() != 1 || foreign.Load() != 0 {
		t.Errorf("%d requests to the upstream, %d to the other host", f.hits.Load(), foreign.Load())
	}
	if got := f.observed(); fmt.Sprint(got) != "[GET 302]" {
		t.Errorf("observed %v", got)
	}
	if f.c.BreakerState() != BreakerClosed {
		t.Errorf("a refused redirect opened the breaker")
	}
}
