package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/klantgraaf/klantgraaf/config"
	"github.com/klantgraaf/klantgraaf/sim"
)

// BenchOptions are the flags of `klantgraaf bench`.
type BenchOptions struct {
	Scale        string
	Seed         uint64
	Latency      time.Duration
	Concurrency  int
	RedisURL     string
	Query        string
	Variables    string
	Warm         int
	LoadClients  int
	LoadDuration time.Duration
	MemClients   int
	MemDuration  time.Duration
	SkipLoad     bool
	Out          string
}

// ParseBenchFlags reads the bench command line.
func ParseBenchFlags(args []string, stderr io.Writer, getenv func(string) string) (*BenchOptions, error) {
	o := &BenchOptions{}
	fs := flag.NewFlagSet("klantgraaf bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.Scale, "scale", "small", "simulator dataset: small, medium or large")
	fs.Uint64Var(&o.Seed, "seed", 1, "simulator seed")
	fs.DurationVar(&o.Latency, "latency", 25*time.Millisecond, "latency the simulated providers add to every request")
	fs.IntVar(&o.Concurrency, "concurrency", 8, "requests each simulated provider works on at once")
	defRedis := getenv("REDIS_URL")
	if defRedis == "" {
		defRedis = "redis://127.0.0.1:6379/0"
	}
	fs.StringVar(&o.RedisURL, "redis-url", defRedis, "Redis for the shared cache (\"\" to skip the Redis measurements)")
	fs.StringVar(&o.Query, "query", filepath.Join("testdata", "queries", "klantbeeld.graphql"), "the GraphQL query to measure")
	fs.StringVar(&o.Variables, "variables", filepath.Join("testdata", "queries", "klantbeeld.json"), "its variables (JSON)")
	fs.IntVar(&o.Warm, "warm", 200, "repetitions for the warm measurements")
	fs.IntVar(&o.LoadClients, "load-clients", 64, "concurrent clients in the load test")
	fs.DurationVar(&o.LoadDuration, "load-duration", 20*time.Second, "duration of the load test")
	fs.IntVar(&o.MemClients, "mem-clients", 200, "concurrent clients in the memory test")
	fs.DurationVar(&o.MemDuration, "mem-duration", 10*time.Second, "duration of the memory test")
	fs.BoolVar(&o.SkipLoad, "skip-load", false, "skip the load and memory tests")
	fs.StringVar(&o.Out, "out", "", "also write the report (Markdown) to this file")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, usagef("bench: unexpected argument %q", fs.Arg(0))
	}
	return o, nil
}

// benchRun holds what one benchmark run needs.
type benchRun struct {
	o       *BenchOptions
	s       *sim.Sim
	query   string
	vars    map[string]any
	out     *bytes.Buffer
	hc      *http.Client
	bench   sim.ShowcaseView
	prefix  string
	binary  string
	workdir string
}

func (m *Main) runBench(ctx context.Context, o *BenchOptions) error {
	q, err := os.ReadFile(o.Query)
	if err != nil {
		return fmt.Errorf("bench: %w (run from the repository root or pass --query)", err)
	}
	var vars map[string]any
	if b, err := os.ReadFile(o.Variables); err != nil {
		return fmt.Errorf("bench: %w", err)
	} else if err := json.Unmarshal(b, &vars); err != nil {
		return fmt.Errorf("bench: %s: %w", o.Variables, err)
	}
	s, err := sim.New(sim.Config{Scale: o.Scale, Seed: o.Seed, Latency: o.Latency, Concurrency: o.Concurrency})
	if err != nil {
		return err
	}
	if err := s.Start(); err != nil {
		return err
	}
	defer s.Close()
	r := &benchRun{o: o, s: s, query: string(q), vars: vars, out: &bytes.Buffer{},
		hc:     &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 512}, Timeout: 60 * time.Second},
		prefix: fmt.Sprintf("klantgraaf-bench:%d:", time.Now().UnixNano())}
	r.bench, _ = s.ShowcaseByKey("benchmark")
	if exe, err := os.Executable(); err == nil {
		r.binary = exe
	}
	r.printf("# klantgraaf bench\n\n")
	r.printf("Simulator: scale %s, seed %d, latency %s per request, %d concurrent requests per provider.\n",
		o.Scale, o.Seed, o.Latency, o.Concurrency)
	r.printf("Query: %s, variables %s.\n\n", o.Query, o.Variables)
	steps := []func(context.Context) error{r.naive, r.gateway, r.v2, r.growth}
	if !o.SkipLoad {
		steps = append(steps, r.load)
	}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			return err
		}
	}
	if _, err := io.Copy(m.Stdout, bytes.NewReader(r.out.Bytes())); err != nil {
		return err
	}
	if o.Out != "" {
		return os.WriteFile(o.Out, r.out.Bytes(), 0o644)
	}
	return nil
}

func (r *benchRun) printf(format string, args ...any) { fmt.Fprintf(r.out, format, args...) }

// settled returns the simulator's statistics once every request is recorded.
func (r *benchRun) settled() *sim.StatsReport {
	r.s.WaitIdle(5 * time.Second)
	return r.s.Stats(false)
}

func (r *benchRun) naive(ctx context.Context) error {
	r.s.ResetStats()
	n := newNaiveClient(r.s.Providers())
	start := time.Now()
	if err := n.klantbeeld(ctx, r.bench.BSN); err != nil {
		return fmt.Errorf("naive client: %w", err)
	}
	d := time.Since(start)
	st := r.settled()
	r.printf("## 1. Naive REST client (what a KCC front end does today)\n\n")
	r.printf("| upstream requests | sequential round trips | latency |\n|---:|---:|---:|\n| %d | %d | %s |\n\n", st.Total, st.Rounds, ms(d))
	return nil
}

// gatewayHandler builds an in-process gateway over the simulator.
func (r *benchRun) gatewayHandler(mutate func(*config.Config)) (*httptest.Server, error) {
	cfg, err := DemoConfig(&DemoOptions{Scale: r.o.Scale, SimConcurrency: r.o.Concurrency, User: "bench", Listen: "127.0.0.1:0"}, r.s.Providers())
	if err != nil {
		return nil, err
	}
	if mutate != nil {
		mutate(cfg)
	}
	h, err := NewGateway(cfg, GatewayOptions{})
	if err != nil {
		return nil, err
	}
	return httptest.NewServer(h), nil
}

type gqlAnswer struct {
	Errors     []json.RawMessage `json:"errors"`
	Extensions struct {
		Cost struct {
			UpstreamRequests int            `json:"upstreamRequests"`
			CacheHits        map[string]int `json:"cacheHits"`
		} `json:"cost"`
	} `json:"extensions"`
}

func (r *benchRun) ask(url string, vars map[string]any) (gqlAnswer, time.Duration, error) {
	body, _ := json.Marshal(map[string]any{"query": r.query, "variables": vars})
	start := time.Now()
	resp, err := r.hc.Post(url+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		return gqlAnswer{}, 0, err
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	d := time.Since(start)
	var a gqlAnswer
	if err == nil {
		err = json.Unmarshal(b, &a)
	}
	if err == nil && (resp.StatusCode != 200 || len(a.Errors) > 0) {
		err = fmt.Errorf("gateway answered %d with %d errors: %.300s", resp.StatusCode, len(a.Errors), b)
	}
	return a, d, err
}

func (r *benchRun) repeat(url string, n int) ([]time.Duration, int, error) {
	var ds []time.Duration
	upstream := 0
	for i := 0; i < n; i++ {
		a, d, err := r.ask(url, r.vars)
		if err != nil {
			return nil, 0, err
		}
		upstream += a.Extensions.Cost.UpstreamRequests
		ds = append(ds, d)
	}
	return ds, upstream, nil
}

func (r *benchRun) gateway(ctx context.Context) error {
	redisOK := r.o.RedisURL != "" && pingRedis(ctx, r.o.RedisURL) == nil
	// Steps 2–4 measure a municipality on the v1 registers (Open Klant 1.x);
	// step 7 adds the Klantinteracties register.
	withRedis := func(c *config.Config) {
		v1Only(c)
		if redisOK {
			c.Redis = &config.Redis{URL: r.o.RedisURL, KeyPrefix: r.prefix}
		}
	}
	a, err := r.gatewayHandler(withRedis)
	if err != nil {
		return err
	}
	defer a.Close()
	r.s.ResetStats()
	cold, d, err := r.ask(a.URL, r.vars)
	if err != nil {
		return err
	}
	st := r.settled()
	r.printf("## 2. klantgraaf, cold (empty caches)\n\nProviders: the two zaaksystemen (zaken, catalogi, documenten) and Open Klant 1.x (klanten, contactmomenten, verzoeken).\n\n")
	r.printf("| upstream requests (providers' count) | extensions.cost | sequential round trips | latency |\n|---:|---:|---:|---:|\n")
	r.printf("| %d | %d | %d | %s |\n\n", st.Total, cold.Extensions.Cost.UpstreamRequests, st.Rounds, ms(d))
	r.printf("Per provider: %s\n\n", perInstance(st))

	ds, up, err := r.repeat(a.URL, r.o.Warm)
	if err != nil {
		return err
	}
	r.printf("## 3. klantgraaf, warm from L1\n\nThe repeated question is answered whole from the in-process cache (cost: cacheHits.response).\n\n%s\n", latencyTable(ds, up))

	// The same without the whole-answer cache: executed, every upstream
	// answer from L1.
	off := false
	x, err := r.gatewayHandler(func(c *config.Config) { v1Only(c); c.Cache = &config.Cache{Responses: &off} })
	if err != nil {
		return err
	}
	defer x.Close()
	if _, _, err := r.ask(x.URL, r.vars); err != nil {
		return err
	}
	ds, up, err = r.repeat(x.URL, r.o.Warm)
	if err != nil {
		return err
	}
	r.printf("Executed again, every provider answer from L1 (whole-answer cache off):\n\n%s\n", latencyTable(ds, up))

	r.printf("## 4. klantgraaf, warm from Redis only\n\n")
	if !redisOK {
		r.printf("Not measured: no Redis at %q.\n\n", r.o.RedisURL)
		return nil
	}
	// Another replica: the same Redis, an L1 too small to keep anything.
	b, err := r.gatewayHandler(func(c *config.Config) {
		withRedis(c)
		c.Cache = &config.Cache{L1Bytes: 1}
	})
	if err != nil {
		return err
	}
	defer b.Close()
	ds, up, err = r.repeat(b.URL, r.o.Warm)
	if err != nil {
		return err
	}
	r.printf("A second gateway instance sharing Redis, with an L1 too small to hold an entry.\n\n%s\n", latencyTable(ds, up))
	return nil
}

// v2 measures the klantbeeld of the Klantinteracties benchmark person
// (30 klantcontacten, 15 zaken over both zaaksystemen, 5 interne taken) with
// the same query text.
func (r *benchRun) v2(ctx context.Context) error {
	p, ok := r.s.ShowcaseByKey("v2-benchmark")
	r.printf("## 7. Klantinteracties (v2) benchmark person, same query\n\nProviders: as above plus the Klantinteracties and Contactgegevens registers (Open Klant 2.x).\n\n")
	if !ok {
		r.printf("Not measured: the simulator has no v2 benchmark person.\n\n")
		return nil
	}
	g, err := r.gatewayHandler(nil)
	if err != nil {
		return err
	}
	defer g.Close()
	vars := map[string]any{"bsn": p.BSN}
	r.s.ResetStats()
	_, d, err := r.ask(g.URL, vars)
	if err != nil {
		return err
	}
	st := r.settled()
	r.printf("Cold: %d upstream requests in %d sequential round trips, %s (%s).\n\n", st.Total, st.Rounds, ms(d), perInstance(st))
	var ds []time.Duration
	up := 0
	for i := 0; i < r.o.Warm; i++ {
		a, d, err := r.ask(g.URL, vars)
		if err != nil {
			return err
		}
		up += a.Extensions.Cost.UpstreamRequests
		ds = append(ds, d)
	}
	r.printf("Warm from L1:\n\n%s\n", latencyTable(ds, up))
	return nil
}

func (r *benchRun) growth(ctx context.Context) error {
	r.printf("## 6. Cost growth with the size of the person (cold, cache off)\n\n")
	r.printf("| person | contactmomenten | zaken | verzoeken | upstream requests | round trips | latency |\n|---|---:|---:|---:|---:|---:|---:|\n")
	for _, key := range []string{"groei-10", "groei-100", "groei-1000"} {
		p, ok := r.s.ShowcaseByKey(key)
		if !ok {
			continue
		}
		g, err := r.gatewayHandler(func(c *config.Config) { v1Only(c); c.Cache = &config.Cache{Disabled: true} })
		if err != nil {
			return err
		}
		r.s.ResetStats()
		_, d, err := r.ask(g.URL, map[string]any{"bsn": p.BSN})
		g.Close()
		if err != nil {
			return err
		}
		st := r.settled()
		r.printf("| %s | %d | %d | %d | %d | %d | %s |\n", key, p.Contactmomenten, p.Zaken, p.Verzoeken, st.Total, st.Rounds, ms(d))
	}
	r.printf("\n(The benchmark query asks for the first 100 items of each list; upstream requests grow with the pages walked and the verzoeken fetched one by one.)\n\n")
	return nil
}

// load runs the gateway as a separate process (so its memory is its own)
// and measures throughput, latency percentiles and peak RSS.
func (r *benchRun) load(ctx context.Context) error {
	r.printf("## 5. Load (warm), gateway in its own process\n\n")
	if r.binary == "" {
		r.printf("Not measured: the gateway binary could not be found.\n\n")
		return nil
	}
	cfg, err := DemoConfig(&DemoOptions{Scale: r.o.Scale, SimConcurrency: r.o.Concurrency, User: "bench", Listen: "127.0.0.1:0"}, r.s.Providers())
	if err != nil {
		return err
	}
	v1Only(cfg)
	port, err := freePort()
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "klantgraaf-bench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	yml := serveYAML(cfg, port)
	file := filepath.Join(dir, "klantgraaf.yaml")
	if err := os.WriteFile(file, []byte(yml), 0o600); err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, r.binary, "serve", "--config", file)
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	if err := cmd.Start(); err != nil {
		return err
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	url := fmt.Sprintf("http://127.0.0.1:%d", port)
	if err := waitHTTP(url+"/healthz", 10*time.Second); err != nil {
		return err
	}
	if _, _, err := r.ask(url, r.vars); err != nil { // warm the cache
		return err
	}
	r.printf("| clients | duration | requests | errors | throughput | p50 | p95 | p99 | peak RSS |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, phase := range []struct {
		clients int
		dur     time.Duration
	}{{r.o.LoadClients, r.o.LoadDuration}, {r.o.MemClients, r.o.MemDuration}} {
		ds, errs := r.hammer(url, phase.clients, phase.dur)
		rss := peakRSS(cmd.Process.Pid)
		sortDurations(ds)
		r.printf("| %d | %s | %d | %d | %.0f/s | %s | %s | %s | %s |\n", phase.clients, phase.dur, len(ds), errs,
			float64(len(ds))/phase.dur.Seconds(), ms(pct(ds, 50)), ms(pct(ds, 95)), ms(pct(ds, 99)), rss)
	}
	r.printf("\nPeak RSS is the gateway process's VmHWM after each phase (it only grows).\n\n")
	return nil
}

// hammer sends the query from n clients for d.
func (r *benchRun) hammer(url string, n int, d time.Duration) ([]time.Duration, int) {
	var mu sync.Mutex
	var all []time.Duration
	var errs atomic.Int64
	deadline := time.Now().Add(d)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			for time.Now().Before(deadline) {
				_, dur, err := r.ask(url, r.vars)
				if err != nil {
					errs.Add(1)
					continue
				}
				mine = append(mine, dur)
			}
			mu.Lock()
			all = append(all, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	return all, int(errs.Load())
}

func serveYAML(cfg *config.Config, port int) string {
	var b strings.Builder
	// The load clients are anonymous: allow them, with every right.
	fmt.Fprintf(&b, "listen: 127.0.0.1:%d\nrequestTimeout: 30s\nlog:\n  level: error\nauth:\n  anonymous:\n    allowed: true\nupstreams:\n", port)
	for _, u := range cfg.UpstreamConfigs {
		fmt.Fprintf(&b, "  - name: %s\n    api: %s\n    version: %q\n    baseUrl: %s\n    maxConcurrency: %d\n", u.Name, u.API, u.Version, u.BaseURL, u.MaxConcurrency)
		if u.Auth.Type == "token" {
			fmt.Fprintf(&b, "    auth:\n      type: token\n      token: %s\n", u.Auth.Token)
		} else {
			fmt.Fprintf(&b, "    auth:\n      type: zgw-jwt\n      clientId: %s\n      secret: %s\n", u.Auth.ClientID, u.Auth.Secret)
		}
	}
	return b.String()
}

func freePort() (int, error) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	_, p, _ := strings.Cut(strings.TrimPrefix(srv.URL, "http://"), ":")
	return strconv.Atoi(p)
}

func waitHTTP(url string, d time.Duration) error {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(url); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return nil
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	return errors.New("bench: the gateway process did not become healthy")
}

// peakRSS reads a process's peak resident set size from /proc.
func peakRSS(pid int) string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return "n/a"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(v)
			if len(f) > 0 {
				kb, _ := strconv.Atoi(f[0])
				return fmt.Sprintf("%.0f MB", float64(kb)/1024)
			}
		}
	}
	return "n/a"
}

func latencyTable(ds []time.Duration, upstream int) string {
	sortDurations(ds)
	return fmt.Sprintf("| runs | upstream requests (all runs) | p50 | p95 | p99 |\n|---:|---:|---:|---:|---:|\n| %d | %d | %s | %s | %s |\n",
		len(ds), upstream, ms(pct(ds, 50)), ms(pct(ds, 95)), ms(pct(ds, 99)))
}

func perInstance(st *sim.StatsReport) string {
	var names []string
	for n, is := range st.Instances {
		if is.Requests > 0 {
			names = append(names, fmt.Sprintf("%s %d", n, is.Requests))
		}
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

func sortDurations(ds []time.Duration) { sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] }) }

func pct(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := (len(sorted)*p + 99) / 100
	if i > 0 {
		i--
	}
	return sorted[i]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d.Microseconds())/1000) }

// v1Only drops the Klantinteracties and Contactgegevens upstreams.
func v1Only(c *config.Config) {
	var ups []config.Upstream
	for _, u := range c.UpstreamConfigs {
		if u.API != "klantinteracties" && u.API != "contactgegevens" {
			ups = append(ups, u)
		}
	}
	c.UpstreamConfigs = ups
}
