package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/klantgraaf/klantgraaf/config"
	"github.com/klantgraaf/klantgraaf/sim"
)

// The fault matrix runs the klantbeeld of the benchmark person with one
// provider (zaken-b, the second zaaksysteem) misbehaving, one way at a time.
const (
	faultyUpstream = "zaken-b"
	// faultRequestTimeout is the gateway's deadline per request in these
	// tests; the faulty upstream's own timeout is shorter.
	faultRequestTimeout  = 1500 * time.Millisecond
	faultUpstreamTimeout = 400 * time.Millisecond
	faultMaxBody         = 1 << 20
	// faultBreakerFailures is above the number of requests one klantbeeld
	// makes to zaken-b, so the first answer shows the fault itself.
	faultBreakerFailures = 5
	// deadlineMargin is what the answer may take beyond the deadline:
	// writing it and the test's own overhead.
	deadlineMargin = time.Second
)

// verifyNoLeaks registers, before anything else is set up, a check that
// runs after every later cleanup (the simulator and gateway closing) and
// fails the test when goroutines started during it are still running.
func verifyNoLeaks(t *testing.T) {
	before := goleak.IgnoreCurrent()
	t.Cleanup(func() {
		http.DefaultClient.CloseIdleConnections()
		goleak.VerifyNone(t, before)
	})
}

// faultEnv is a simulator and gateway whose deadline is short and whose
// faulty upstream has a shorter timeout, a 1 MiB body limit and a breaker
// that opens after five failures and stays open for openTimeout.
func faultEnv(t *testing.T, openTimeout time.Duration) *env {
	return newEnv(t, sim.Config{}, func(c *config.Config) {
		c.RequestTimeout = config.Duration(faultRequestTimeout)
		for i := range c.UpstreamConfigs {
			u := &c.UpstreamConfigs[i]
			if u.Name == faultyUpstream {
				u.Timeout = config.Duration(faultUpstreamTimeout)
				u.MaxResponseBytes = faultMaxBody
				u.Breaker = config.Breaker{Failures: faultBreakerFailures, OpenTimeout: config.Duration(openTimeout)}
			}
		}
	})
}

// requestsTo is how many requests the simulator's instance has received.
func (e *env) requestsTo(name string) int {
	e.sim.WaitIdle(2 * time.Second)
	if is := e.sim.Stats(false).Instances[name]; is != nil {
		return is.Requests
	}
	return 0
}

// klantbeeldOutcome is one klantbeeld answer and how long it took.
type klantbeeldOutcome struct {
	data    klantbeeldData
	resp    *gqlResponse
	elapsed time.Duration
}

func (e *env) klantbeeld(t *testing.T) klantbeeldOutcome {
	t.Helper()
	sc, ok := e.sim.ShowcaseByKey("benchmark")
	if !ok || sc.BSN != "999990019" {
		t.Fatalf("benchmark showcase: %+v", sc)
	}
	var o klantbeeldOutcome
	start := time.Now()
	o.resp = e.query(readQuery(t, "klantbeeld.graphql"), map[string]any{"bsn": sc.BSN}, &o.data)
	o.elapsed = time.Since(start)
	return o
}

// checkHealthyData: everything the healthy providers hold for the benchmark
// person is there; of the zaken only zaken-a's.
func (e *env) checkHealthyData(t *testing.T, o klantbeeldOutcome) {
	t.Helper()
	kb := o.data.Klantbeeld
	if len(kb.Klanten) != 1 || len(kb.Contactmomenten.Edges) != 30 || len(kb.Verzoeken.Edges) != 5 {
		t.Errorf("healthy providers' data missing: %d klanten, %d contactmomenten, %d verzoeken",
			len(kb.Klanten), len(kb.Contactmomenten.Edges), len(kb.Verzoeken.Edges))
	}
	za := 0
	for _, ed := range kb.Zaken.Edges {
		if !strings.HasPrefix(ed.Node.URL, e.provs["zaken-a"].BaseURL+"/") {
			t.Errorf("zaak %s not from zaken-a", ed.Node.URL)
			continue
		}
		za++
		if ed.Node.Zaaktype == nil || ed.Node.Status == nil {
			t.Errorf("zaak %s lost its zaaktype or status", ed.Node.URL)
		}
	}
	if za != 8 {
		t.Errorf("%d zaken from zaken-a, want 8", za)
	}
}

// wantError describes the errors one fault must produce.
type wantError struct {
	code      string
	status    int // 0: no extensions.status
	retryable bool
	message   string // part of every message
}

// checkErrors: there are errors, at least one on klantbeeld.zaken, and
// every one has the wanted code, source, status, retryability and message,
// and no credential.
func (e *env) checkErrors(t *testing.T, resp *gqlResponse, w wantError) {
	t.Helper()
	if len(resp.Errors) == 0 {
		t.Fatalf("no errors; want %s", w.code)
	}
	onZaken := false
	for _, er := range resp.Errors {
		ext := er.Extensions
		if ext["code"] != w.code || ext["source"] != faultyUpstream || ext["retryable"] != w.retryable {
			t.Errorf("error %q: extensions %v, want code %s, source %s, retryable %v", er.Message, ext, w.code, faultyUpstream, w.retryable)
		}
		status, hasStatus := ext["status"].(float64)
		if (w.status == 0) == hasStatus || int(status) != w.status {
			t.Errorf("error %q: status %v, want %d", er.Message, ext["status"], w.status)
		}
		if !strings.Contains(er.Message, w.message) {
			t.Errorf("message %q does not say %q", er.Message, w.message)
		}
		if len(er.Path) == 0 {
			t.Errorf("error without path: %q", er.Message)
		}
		if fmt.Sprint(er.Path) == "[klantbeeld zaken]" {
			onZaken = true
		}
		for _, p := range e.provs {
			if p.Auth.Secret != "" && strings.Contains(er.Message, p.Auth.Secret) {
				t.Errorf("error leaks %s's secret: %q", p.Name, er.Message)
			}
		}
	}
	if !onZaken {
		t.Errorf("no error on klantbeeld.zaken: %+v", resp.Errors)
	}
}

// sourceError is the sources answer's error for the faulty upstream.
func (e *env) sourceError(t *testing.T) (bool, string) {
	t.Helper()
	var got struct {
		Sources []struct {
			Name  string
			Ok    bool
			Error *string
		}
	}
	resp := e.query(`{ sources { name ok error } }`, nil, &got)
	if len(resp.Errors) > 0 {
		t.Fatalf("sources: %+v", resp.Errors)
	}
	for _, s := range got.Sources {
		if s.Name == faultyUpstream {
			if s.Error == nil {
				return s.Ok, ""
			}
			return s.Ok, *s.Error
		}
	}
	t.Fatalf("no source %s", faultyUpstream)
	return false, ""
}

type faultCase struct {
	name  string
	fault sim.Fault
	want  wantError
	// trips: the fault makes the upstream unavailable, so repeated
	// failures open its breaker; other faults show the upstream is there.
	trips bool
	// attempts is how many requests one failing read costs (retries).
	attempts int
}

func faultCases(foreign string) []faultCase {
	unavailable := func(status int, msg string) wantError {
		return wantError{code: "UPSTREAM_UNAVAILABLE", status: status, retryable: true, message: msg}
	}
	invalid := func(msg string) wantError {
		return wantError{code: "UPSTREAM_INVALID_RESPONSE", status: 200, message: msg}
	}
	return []faultCase{
		{"down", sim.Fault{Mode: sim.FaultDown}, unavailable(0, "connection failed"), true, 3},
		// Slower than the gateway's whole deadline; the upstream's own
		// timeout ends it, and a timeout is not retried.
		{"slow", sim.Fault{Mode: sim.FaultSlow, Delay: sim.Duration(faultRequestTimeout + 500*time.Millisecond)}, unavailable(0, "timeout"), true, 1},
		{"status-500", sim.Fault{Mode: sim.FaultStatus, Status: 500}, unavailable(500, "HTTP 500"), true, 1},
		{"status-503", sim.Fault{Mode: sim.FaultStatus, Status: 503}, unavailable(503, "HTTP 503"), true, 3},
		// Retry-After beyond the deadline: no wait, the 429 at once.
		{"ratelimit", sim.Fault{Mode: sim.FaultRateLimit, RetryAfter: 5}, unavailable(429, "HTTP 429"), true, 1},
		{"malformed", sim.Fault{Mode: sim.FaultMalformed}, invalid("malformed JSON"), false, 1},
		{"wrongtype", sim.Fault{Mode: sim.FaultWrongType}, invalid(`got content type "text/html`), false, 1},
		{"oversized", sim.Fault{Mode: sim.FaultOversized, Size: 8 * faultMaxBody}, invalid(fmt.Sprintf("exceeds %d bytes", faultMaxBody)), false, 1},
		{"redirect", sim.Fault{Mode: sim.FaultRedirect, RedirectTo: foreign},
			wantError{code: "UNKNOWN_SOURCE", status: http.StatusFound, message: "redirect to a location outside the upstream refused"}, false, 1},
		{"unauthorized", sim.Fault{Mode: sim.FaultUnauthorized}, wantError{code: "UPSTREAM_FORBIDDEN", status: 401, message: "HTTP 401"}, false, 1},
		{"forbidden", sim.Fault{Mode: sim.FaultForbidden}, wantError{code: "UPSTREAM_FORBIDDEN", status: 403, message: "HTTP 403"}, false, 1},
	}
}

// TestFaultMatrix: whatever one provider does wrong, the klantbeeld arrives
// within the deadline with every healthy provider's data and typed errors
// for the faulty one; unavailability opens its breaker (after which it is
// not asked at all), other faults do not; and nothing is left running.
func TestFaultMatrix(t *testing.T) {
	// The foreign host a redirect points to: it must never be asked.
	var foreignHits atomic.Int64
	foreign := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		foreignHits.Add(1)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"count":0,"next":null,"previous":null,"results":[]}`))
	}))
	defer foreign.Close()

	for _, tc := range faultCases(foreign.URL) {
		t.Run(tc.name, func(t *testing.T) {
			verifyNoLeaks(t)
			e := faultEnv(t, time.Minute)
			f := tc.fault
			if err := e.sim.Instance(faultyUpstream).SetFault(&f); err != nil {
				t.Fatal(err)
			}

			o := e.klantbeeld(t)
			if o.elapsed > faultRequestTimeout+deadlineMargin {
				t.Errorf("answer took %s; deadline %s", o.elapsed, faultRequestTimeout)
			}
			e.checkHealthyData(t, o)
			e.checkErrors(t, o.resp, tc.want)

			// Every attempt is a request of its own, counted in the cost
			// extension exactly as the provider saw it.
			seen := e.requestsTo(faultyUpstream)
			cost := costOf(t, o.resp)
			if tc.fault.Mode != sim.FaultDown && tc.fault.Mode != sim.FaultSlow && cost.Sources[faultyUpstream].Requests != seen {
				t.Errorf("cost says %d requests to %s, it saw %d", cost.Sources[faultyUpstream].Requests, faultyUpstream, seen)
			}
			if tc.fault.Mode != sim.FaultSlow {
				if calls := cost.Sources[faultyUpstream].Requests; calls == 0 || calls%tc.attempts != 0 {
					t.Errorf("%d requests to %s; want a multiple of %d attempts per read", calls, faultyUpstream, tc.attempts)
				}
			}
			if foreignHits.Load() != 0 {
				t.Fatalf("the foreign host was asked %d times", foreignHits.Load())
			}

			// Repeat: unavailability opens the breaker within a few
			// klantbeelds, after which the provider is not asked at all.
			var open bool
			for range 5 {
				o = e.klantbeeld(t)
				if o.elapsed > faultRequestTimeout+deadlineMargin {
					t.Errorf("repeated answer took %s", o.elapsed)
				}
				e.checkHealthyData(t, o)
				n := circuitOpenErrors(o.resp)
				if n > 0 && !tc.trips {
					t.Fatalf("%s opened the breaker: %+v", tc.name, o.resp.Errors)
				}
				if open = n > 0 && n == len(o.resp.Errors); !open {
					continue // closed, or opened during this answer
				}
				e.checkErrors(t, o.resp, wantError{code: "UPSTREAM_UNAVAILABLE", retryable: true, message: "circuit open"})
				if asked := costOf(t, o.resp).Sources[faultyUpstream].Requests; asked != 0 {
					t.Errorf("breaker open, yet the gateway asked %s %d times", faultyUpstream, asked)
				}
				// Nor did the provider see any request from this answer.
				openedAt := time.Now().Add(-o.elapsed).UnixNano()
				e.sim.WaitIdle(3 * time.Second)
				for _, l := range e.sim.Stats(true).Log {
					if l.Instance == faultyUpstream && l.Start >= openedAt {
						t.Errorf("breaker open, yet %s got %s %s", faultyUpstream, l.Method, l.Path)
					}
				}
				break
			}
			if open != tc.trips {
				t.Fatalf("after 6 klantbeelds: breaker open %v, want %v", open, tc.trips)
			}
			if !tc.trips {
				// Still asked, still the same typed errors.
				e.checkErrors(t, o.resp, tc.want)
				return
			}
			ok, msg := e.sourceError(t)
			if ok || !strings.Contains(msg, "circuit open") {
				t.Errorf("sources: %s ok=%v error %q; want the open breaker", faultyUpstream, ok, msg)
			}
		})
	}
}

// circuitOpenErrors counts the errors of an open breaker.
func circuitOpenErrors(r *gqlResponse) int {
	n := 0
	for _, er := range r.Errors {
		if strings.HasSuffix(er.Message, ": circuit open") {
			n++
		}
	}
	return n
}

// TestBreakerRecoversByItself: once the provider is back, the breaker's
// probe closes it without anyone's help and answers are complete again.
func TestBreakerRecoversByItself(t *testing.T) {
	verifyNoLeaks(t)
	const openTimeout = time.Second
	e := faultEnv(t, openTimeout)
	in := e.sim.Instance(faultyUpstream)
	if err := in.SetFault(&sim.Fault{Mode: sim.FaultStatus, Status: 503}); err != nil {
		t.Fatal(err)
	}
	// openedAt is a time before which the breaker surely was not open: the
	// start of the last answer in which the provider was still asked.
	var openedAt time.Time
	for i := 0; ; i++ {
		start := time.Now()
		o := e.klantbeeld(t)
		if n := circuitOpenErrors(o.resp); n > 0 && n == len(o.resp.Errors) {
			if openedAt.IsZero() {
				openedAt = start
			}
			break
		}
		openedAt = start
		if i == 4 {
			t.Fatalf("breaker did not open: %+v", o.resp.Errors)
		}
	}
	if err := in.SetFault(&sim.Fault{Mode: sim.FaultNone}); err != nil {
		t.Fatal(err)
	}
	// Until the timeout has passed it stays open, though the provider is
	// back: answers come without asking it.
	o := e.klantbeeld(t)
	if time.Since(openedAt) < openTimeout {
		if n := circuitOpenErrors(o.resp); n == 0 || n != len(o.resp.Errors) || costOf(t, o.resp).Sources[faultyUpstream].Requests != 0 {
			t.Errorf("breaker closed before its timeout: %+v", o.resp.Errors)
		}
	}
	// After the timeout a probe goes through; the klantbeeld that carries
	// it may still see the others refused, the next one is complete.
	time.Sleep(openTimeout + 50*time.Millisecond)
	for i := 0; ; i++ {
		o = e.klantbeeld(t)
		if len(o.resp.Errors) == 0 {
			break
		}
		if i == 2 {
			t.Fatalf("no recovery after %d klantbeelds: %+v", i+1, o.resp.Errors)
		}
		for _, er := range o.resp.Errors {
			if !strings.HasSuffix(er.Message, ": circuit open") {
				t.Fatalf("while recovering: %q", er.Message)
			}
		}
	}
	if n := len(o.data.Klantbeeld.Zaken.Edges); n != 15 {
		t.Errorf("after recovery: %d zaken, want all 15", n)
	}
	if ok, msg := e.sourceError(t); !ok {
		t.Errorf("sources after recovery: %s not ok: %s", faultyUpstream, msg)
	}
}

// TestRetryAfterWithinDeadlineIsHonoured: one 429 asking for a second is
// waited out (the deadline allows it), the request repeated (both counted)
// and the answer complete.
func TestRetryAfterWithinDeadlineIsHonoured(t *testing.T) {
	verifyNoLeaks(t)
	const deadline = 3 * time.Second
	e := newEnv(t, sim.Config{}, func(c *config.Config) { c.RequestTimeout = config.Duration(deadline) })
	if err := e.sim.Instance(faultyUpstream).SetFault(&sim.Fault{Mode: sim.FaultRateLimit, RetryAfter: 1, Count: 1}); err != nil {
		t.Fatal(err)
	}
	o := e.klantbeeld(t)
	if len(o.resp.Errors) > 0 {
		t.Fatalf("errors: %+v", o.resp.Errors)
	}
	if n := len(o.data.Klantbeeld.Zaken.Edges); n != 15 {
		t.Errorf("%d zaken, want all 15", n)
	}
	if o.elapsed < time.Second {
		t.Errorf("answer after %s: the Retry-After of 1s was not waited out", o.elapsed)
	}
	if o.elapsed > deadline+deadlineMargin {
		t.Errorf("answer took %s; deadline %s", o.elapsed, deadline)
	}
	cost := costOf(t, o.resp)
	if got, seen := cost.Sources[faultyUpstream].Requests, e.requestsTo(faultyUpstream); got != seen {
		t.Errorf("cost says %d requests, %s saw %d", got, faultyUpstream, seen)
	}
}

// queryRaw posts a GraphQL request; safe to call from any goroutine.
func queryRaw(gateway, q string, vars map[string]any) (*gqlResponse, error) {
	body, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
	resp, err := http.Post(gateway+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out gqlResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return nil, fmt.Errorf("gateway answered %d: %w", resp.StatusCode, err)
	}
	return &out, nil
}

// tcpProxy forwards connections to a target until killed; then it refuses
// new connections and cuts the open ones, like a Redis that died.
type tcpProxy struct {
	ln     net.Listener
	target string
	mu     sync.Mutex
	conns  []net.Conn
	dead   bool
}

func startProxy(t *testing.T, target string) *tcpProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &tcpProxy{ln: ln, target: target}
	go p.serve()
	t.Cleanup(p.kill)
	return p
}

func (p *tcpProxy) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		u, err := net.Dial("tcp", p.target)
		if err != nil {
			_ = c.Close()
			continue
		}
		p.mu.Lock()
		if p.dead {
			p.mu.Unlock()
			_ = c.Close()
			_ = u.Close()
			return
		}
		p.conns = append(p.conns, c, u)
		p.mu.Unlock()
		go func() { _, _ = io.Copy(u, c); _ = u.Close() }()
		go func() { _, _ = io.Copy(c, u); _ = c.Close() }()
	}
}

func (p *tcpProxy) kill() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.dead = true
	_ = p.ln.Close()
	for _, c := range p.conns {
		_ = c.Close()
	}
	p.conns = nil
}

// TestRedisFailuresChangeOnlySpeed: with Redis unreachable from the start,
// or dying while requests run, every answer equals that of a gateway
// without any cache. The in-process tier is made too small to hold an
// answer, so every lookup really goes to Redis.
func TestRedisFailuresChangeOnlySpeed(t *testing.T) {
	u := redisURL(t)
	target := strings.TrimPrefix(u, "redis://")
	target, _, _ = strings.Cut(target, "/")
	if i := strings.LastIndex(target, "@"); i >= 0 {
		target = target[i+1:]
	}
	q := readQuery(t, "klantbeeld.graphql")
	tinyL1 := func(redisURL string, prefix string) func(*config.Config) {
		return func(c *config.Config) {
			c.Redis = &config.Redis{URL: redisURL, KeyPrefix: prefix}
			// Answers (whole or from the providers) must come from Redis.
			off := false
			c.Cache = &config.Cache{L1Bytes: 1, Responses: &off}
		}
	}
	same := func(t *testing.T, e, plain *env, bsn, when string) {
		t.Helper()
		a := e.query(q, map[string]any{"bsn": bsn}, nil)
		b := plain.query(q, map[string]any{"bsn": bsn}, nil)
		if len(a.Errors) > 0 || len(b.Errors) > 0 {
			t.Fatalf("%s: errors %+v / %+v", when, a.Errors, b.Errors)
		}
		if string(a.Data) != string(b.Data) || len(a.Data) < 1000 {
			t.Fatalf("%s: answer differs from the gateway without cache", when)
		}
	}

	t.Run("down-at-start", func(t *testing.T) {
		p := startProxy(t, target)
		p.kill()
		e := newEnv(t, sim.Config{}, tinyL1("redis://"+p.ln.Addr().String()+"/0", uniquePrefix(t)))
		plain := e.secondGateway(t, func(c *config.Config) { c.Cache = &config.Cache{Disabled: true} })
		sc, _ := e.sim.ShowcaseByKey("benchmark")
		for i := range 3 {
			same(t, e, plain, sc.BSN, fmt.Sprintf("query %d", i))
		}
	})

	t.Run("killed-mid-run", func(t *testing.T) {
		p := startProxy(t, target)
		e := newEnv(t, sim.Config{}, tinyL1("redis://"+p.ln.Addr().String()+"/0", uniquePrefix(t)))
		plain := e.secondGateway(t, func(c *config.Config) { c.Cache = &config.Cache{Disabled: true} })
		sc, _ := e.sim.ShowcaseByKey("benchmark")
		// Warm: the second answer comes (in part) from Redis.
		same(t, e, plain, sc.BSN, "cold")
		warm := e.query(q, map[string]any{"bsn": sc.BSN}, nil)
		if hits := costOf(t, warm).CacheHits["l2"]; hits == 0 {
			t.Fatalf("warm answer: no Redis hits (%v)", costOf(t, warm).CacheHits)
		}
		// Kill Redis while queries are running, then keep asking.
		var wg sync.WaitGroup
		type result struct {
			resp *gqlResponse
			err  error
		}
		results := make(chan result, 4)
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r, err := queryRaw(e.gateway.URL, q, map[string]any{"bsn": sc.BSN})
				results <- result{r, err}
			}()
		}
		time.Sleep(2 * time.Millisecond)
		p.kill()
		wg.Wait()
		close(results)
		want := plain.query(q, map[string]any{"bsn": sc.BSN}, nil)
		for r := range results {
			if r.err != nil {
				t.Fatal(r.err)
			}
			if len(r.resp.Errors) > 0 || string(r.resp.Data) != string(want.Data) {
				t.Fatalf("answer while Redis died differs: %+v", r.resp.Errors)
			}
		}
		for i := range 3 {
			same(t, e, plain, sc.BSN, fmt.Sprintf("after the kill, query %d", i))
		}
		// Redis is really gone: nothing comes from it any more.
		after := e.query(q, map[string]any{"bsn": sc.BSN}, nil)
		if hits := costOf(t, after).CacheHits["l2"]; hits != 0 {
			t.Errorf("%d Redis hits after the kill", hits)
		}
	})
}
