package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
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

	"github.com/klantgraaf/klantgraaf/sim"
	"github.com/klantgraaf/klantgraaf/sim/data"
)

// SoakOptions are the flags of `klantgraaf soak`.
type SoakOptions struct {
	Duration    time.Duration
	Clients     int
	Every       time.Duration
	Scale       string
	Seed        uint64
	Latency     time.Duration
	Concurrency int
	Cycle       time.Duration
	NoFaults    bool
	InProcess   bool
	Out         string
}

// ParseSoakFlags reads the soak command line.
func ParseSoakFlags(args []string, stderr io.Writer) (*SoakOptions, error) {
	o := &SoakOptions{}
	fs := flag.NewFlagSet("klantgraaf soak", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.DurationVar(&o.Duration, "duration", 10*time.Minute, "how long the load runs")
	fs.IntVar(&o.Clients, "clients", 32, "concurrent clients, each sending one query after another")
	fs.DurationVar(&o.Every, "every", time.Minute, "report interval")
	fs.StringVar(&o.Scale, "scale", "small", "simulator dataset: small, medium or large")
	fs.Uint64Var(&o.Seed, "seed", 1, "simulator seed")
	fs.DurationVar(&o.Latency, "latency", 25*time.Millisecond, "latency the simulated providers add to every request")
	fs.IntVar(&o.Concurrency, "concurrency", 8, "requests each simulated provider works on at once")
	fs.DurationVar(&o.Cycle, "fault-cycle", 5*time.Minute, "length of one round of the fault schedule (it repeats)")
	fs.BoolVar(&o.NoFaults, "no-faults", false, "inject no faults")
	fs.BoolVar(&o.InProcess, "in-process", false, "run the gateway in this process instead of its own (RSS is then this process's)")
	fs.StringVar(&o.Out, "out", "", "also write the report (Markdown) to this file")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: klantgraaf soak [flags]

Starts the simulated providers and the gateway (in its own process), runs a
mix of queries from many clients for --duration while faults are injected on
a schedule (a zaaksysteem down, a slow provider, bursts of 503 and of 429),
and reports every --every: requests, errors by extensions.code, latency
percentiles and the gateway's resident memory; then a summary.

Flags:
`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return nil, wrapFlagErr(err)
	}
	if fs.NArg() > 0 {
		return nil, usagef("soak: unexpected argument %q", fs.Arg(0))
	}
	switch {
	case o.Duration <= 0:
		return nil, usagef("soak: --duration must be positive")
	case o.Clients < 1 || o.Clients > 10000:
		return nil, usagef("soak: --clients must be from 1 to 10000")
	case o.Every <= 0:
		return nil, usagef("soak: --every must be positive")
	case o.Cycle < 10*time.Second:
		return nil, usagef("soak: --fault-cycle must be at least 10s")
	case o.Latency < 0:
		return nil, usagef("soak: --latency must not be negative")
	}
	return o, nil
}

// soakQuery is one kind of request of the mix.
type soakQuery struct {
	name   string
	query  string
	vars   []map[string]any // one is picked per request
	weight int
}

const soakKlantbeeld = `query Klantbeeld($bsn: String!) {
  klantbeeld(bsn: $bsn) {
    klanten { naam emailadres bron { naam generatie } }
    contactmomenten(first: 10) { totalCount edges { node { registratiedatum kanaal tekst zaken { identificatie } } } }
    zaken(first: 10) { totalCount edges { node {
      identificatie omschrijving startdatum
      zaaktype { omschrijving }
      status { datumStatusGezet statustype { omschrijving } }
      resultaat { resultaattype { omschrijving } }
      rollen { omschrijvingGeneriek identificatie { naam } } } } }
    verzoeken(first: 10) { edges { node { identificatie status } } }
  }
}`

const soakKlantbeeldBedrijf = `query KlantbeeldBedrijf($kvk: String!) {
  klantbeeld(kvkNummer: $kvk) {
    klanten { naam bedrijfsnaam vestigingsnummer }
    zaken(first: 10) { totalCount edges { node { identificatie omschrijving startdatum } } }
    contactmomenten(first: 10) { totalCount edges { node { registratiedatum kanaal } } }
  }
}`

const soakZaak = `query ZaakMetDocumenten($url: String!) {
  zaak(url: $url) {
    identificatie omschrijving startdatum einddatum
    zaaktype { omschrijving }
    status { datumStatusGezet statustype { omschrijving } }
    rollen { betrokkeneType omschrijvingGeneriek identificatie { naam } }
    documenten { titel creatiedatum formaat informatieobjecttype { omschrijving } }
    contactmomenten { registratiedatum kanaal }
  }
}`

const soakZaakSearch = `query ZakenVanPersoon($bsn: String!, $after: String) {
  zaken(filter: {bsn: $bsn}, first: 5, after: $after) {
    totalCount
    edges { node { identificatie omschrijving startdatum } }
    pageInfo { hasNextPage endCursor }
  }
}`

const soakKlantSearch = `query KlantenOpNaam($naam: String!) {
  klanten(filter: {achternaam: $naam}, first: 10) { totalCount edges { node { naam emailadres } } }
}`

const soakWeek = `query ContactmomentenVorigeWeek($vanaf: DateTime!, $tot: DateTime!) {
  contactmomenten(filter: {vanaf: $vanaf, tot: $tot}, first: 20) {
    totalCount
    edges { node { registratiedatum kanaal tekst klanten { rol klant { naam } } } }
  }
}`

// soakMix builds the query mix from the simulator's showcase and dataset.
func soakMix(s *sim.Sim) []soakQuery {
	ids := demoIdentifiers(s)
	var persons, bsns []map[string]any
	for _, key := range []string{"benchmark", "alleen-zaken", "vertrouwelijk", "groei-10", "groei-100"} {
		if v, ok := s.ShowcaseByKey(key); ok && v.BSN != "" {
			persons = append(persons, map[string]any{"bsn": v.BSN})
			bsns = append(bsns, map[string]any{"bsn": v.BSN})
		}
	}
	var zaken []map[string]any
	var names []map[string]any
	st := s.Store()
	st.Read(func(d *data.Data) {
		// The zaken with the most documents.
		counts := map[data.Ref]int{}
		for _, zio := range d.ZaakInformatieObjecten.Rows {
			counts[zio.Zaak]++
		}
		refs := make([]data.Ref, 0, len(counts))
		for r := range counts {
			refs = append(refs, r)
		}
		sort.Slice(refs, func(i, j int) bool {
			if counts[refs[i]] != counts[refs[j]] {
				return counts[refs[i]] > counts[refs[j]]
			}
			return refs[i] < refs[j]
		})
		for _, r := range refs[:min(200, len(refs))] {
			if int(r) < d.Zaken.Len() {
				zaken = append(zaken, map[string]any{"url": data.RefURL(st, &d.Zaken, "zaken", r)})
			}
		}
		seen := map[string]bool{}
		for _, k := range d.Klanten.Rows {
			if n := k.Achternaam; n != "" && !seen[n] && len(names) < 50 {
				seen[n] = true
				names = append(names, map[string]any{"naam": n})
			}
		}
	})
	if ids.ZaakURL != "" && len(zaken) == 0 {
		zaken = append(zaken, map[string]any{"url": ids.ZaakURL})
	}
	week := []map[string]any{{"vanaf": ids.WeekFrom.Format(time.RFC3339), "tot": ids.WeekTo.Format(time.RFC3339)}}
	mix := []soakQuery{
		{"klantbeeld", soakKlantbeeld, persons, 35},
		{"zaak+documenten", soakZaak, zaken, 20},
		{"zaken zoeken", soakZaakSearch, bsns, 15},
		{"klanten zoeken", soakKlantSearch, names, 10},
		{"contactmomenten week", soakWeek, week, 15},
	}
	if ids.KvK != "" {
		mix = append(mix, soakQuery{"klantbeeld bedrijf", soakKlantbeeldBedrijf, []map[string]any{{"kvk": ids.KvK}}, 5})
	}
	out := mix[:0]
	for _, q := range mix {
		if len(q.vars) > 0 {
			out = append(out, q)
		}
	}
	return out
}

// soakFault is one entry of the fault schedule: from At to At+For (within
// a cycle) the fault is set, every Repeat again (0: once) for faults that
// wear off by themselves (Count).
type soakFault struct {
	At, For, Repeat time.Duration
	Label           string
	Fault           sim.Fault
}

// soakSchedule is one cycle of faults, scaled to the cycle length (the
// proportions are those of a five-minute cycle).
func soakSchedule(cycle time.Duration) []soakFault {
	at := func(sec float64) time.Duration { return time.Duration(sec / 300 * float64(cycle)) }
	return []soakFault{
		{At: at(20), For: at(30), Label: "zaken-b down",
			Fault: sim.Fault{Instance: "zaken-b", Mode: sim.FaultDown}},
		{At: at(80), For: at(45), Label: "klanten slow (1.5s)",
			Fault: sim.Fault{Instance: "klanten", Mode: sim.FaultSlow, Delay: sim.Duration(1500 * time.Millisecond)}},
		{At: at(150), For: at(40), Repeat: at(8), Label: "contactmomenten 503 bursts",
			Fault: sim.Fault{Instance: "contactmomenten", Mode: sim.FaultStatus, Status: http.StatusServiceUnavailable, Count: 30}},
		{At: at(215), For: at(40), Repeat: at(8), Label: "zaken-a 429 bursts",
			Fault: sim.Fault{Instance: "zaken-a", Mode: sim.FaultRateLimit, RetryAfter: 1, Count: 30}},
	}
}

// soakWindow holds what happened in one report interval.
type soakWindow struct {
	mu        sync.Mutex
	requests  int
	failed    int // requests whose answer carried errors or no data
	codes     map[string]int
	durations []time.Duration
	faults    map[string]bool
}

func newSoakWindow() *soakWindow {
	return &soakWindow{codes: map[string]int{}, faults: map[string]bool{}}
}

func (w *soakWindow) add(d time.Duration, codes []string, failed bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.requests++
	w.durations = append(w.durations, d)
	if failed {
		w.failed++
	}
	for _, c := range codes {
		w.codes[c]++
	}
}

func (w *soakWindow) merge(o *soakWindow) {
	w.mu.Lock()
	defer w.mu.Unlock()
	o.mu.Lock()
	defer o.mu.Unlock()
	w.requests += o.requests
	w.failed += o.failed
	w.durations = append(w.durations, o.durations...)
	for k, v := range o.codes {
		w.codes[k] += v
	}
	for k := range o.faults {
		w.faults[k] = true
	}
}

func (w *soakWindow) codeList() string {
	keys := make([]string, 0, len(w.codes))
	for k := range w.codes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %d", k, w.codes[k]))
	}
	if len(parts) == 0 {
		return "–"
	}
	return strings.Join(parts, ", ")
}

func (w *soakWindow) faultList() string {
	keys := make([]string, 0, len(w.faults))
	for k := range w.faults {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if len(keys) == 0 {
		return "–"
	}
	return strings.Join(keys, "; ")
}

// soakRun is one soak test.
type soakRun struct {
	o      *SoakOptions
	s      *sim.Sim
	url    string
	hc     *http.Client
	mix    []soakQuery
	total  int
	pid    int
	out    *bytes.Buffer
	live   io.Writer
	mu     sync.Mutex
	window *soakWindow
	active map[string]bool // faults set now, by label
}

func (m *Main) runSoak(ctx context.Context, o *SoakOptions) error {
	s, err := sim.New(sim.Config{Scale: o.Scale, Seed: o.Seed, Latency: o.Latency, Concurrency: o.Concurrency})
	if err != nil {
		return err
	}
	if err := s.Start(); err != nil {
		return err
	}
	defer s.Close()
	r := &soakRun{o: o, s: s, out: &bytes.Buffer{}, live: m.Stdout, window: newSoakWindow(), active: map[string]bool{},
		hc: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: o.Clients * 2}, Timeout: 60 * time.Second}}
	r.mix = soakMix(s)
	for _, q := range r.mix {
		r.total += q.weight
	}
	if len(r.mix) == 0 {
		return errors.New("soak: the simulator's dataset offers no queries")
	}

	stop, err := r.startGateway(ctx)
	if err != nil {
		return err
	}
	defer stop()

	r.printf("# klantgraaf soak\n\n")
	r.printf("Simulator: scale %s, seed %d, latency %s, %d concurrent requests per provider. "+
		"Gateway: %s. %d clients for %s, a report every %s.\n\n",
		o.Scale, o.Seed, o.Latency, o.Concurrency, map[bool]string{true: "in this process", false: "its own process"}[o.InProcess],
		o.Clients, o.Duration, o.Every)
	r.printf("Query mix (weight): %s.\n\n", r.mixList())
	if o.NoFaults {
		r.printf("No faults injected.\n\n")
	} else {
		r.printf("Faults, every %s: %s.\n\n", o.Cycle, scheduleList(soakSchedule(o.Cycle)))
	}
	r.printf("| until | requests | with errors | errors by code | p50 | p95 | p99 | RSS | faults |\n|---:|---:|---:|---|---:|---:|---:|---:|---|\n")

	runCtx, cancel := context.WithTimeout(ctx, o.Duration)
	defer cancel()
	start := time.Now()
	var wg sync.WaitGroup
	if !o.NoFaults {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.injectFaults(runCtx, start)
		}()
	}
	var sent atomic.Int64
	for i := 0; i < o.Clients; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(o.Seed, uint64(i)))
			for runCtx.Err() == nil {
				r.one(runCtx, rng)
				sent.Add(1)
			}
		}(i)
	}

	all := newSoakWindow()
	rssStart := currentRSS(r.pid)
	tick := time.NewTicker(o.Every)
	defer tick.Stop()
	lastReport := start
	report := func() {
		lastReport = time.Now()
		r.mu.Lock()
		w := r.window
		r.window = newSoakWindow()
		for k := range r.active {
			r.window.faults[k] = true
		}
		r.mu.Unlock()
		all.merge(w)
		sortDurations(w.durations)
		r.printf("| %s | %d | %d | %s | %s | %s | %s | %s | %s |\n", time.Since(start).Round(time.Second), w.requests, w.failed, w.codeList(),
			ms(pct(w.durations, 50)), ms(pct(w.durations, 95)), ms(pct(w.durations, 99)), currentRSS(r.pid), w.faultList())
	}
loop:
	for {
		select {
		case <-runCtx.Done():
			break loop
		case <-tick.C:
			report()
		}
	}
	wg.Wait()
	if time.Since(lastReport) > o.Every/4 {
		report() // the last, partial interval
	} else {
		// Requests that ended as the last interval was reported: counted
		// in the summary only.
		r.mu.Lock()
		all.merge(r.window)
		r.mu.Unlock()
	}
	elapsed := time.Since(start)
	r.clearFaults()

	sortDurations(all.durations)
	r.printf("\n## Summary\n\n")
	r.printf("| duration | requests | throughput | with errors | p50 | p95 | p99 | max | RSS start | RSS end | peak RSS |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	maxD := time.Duration(0)
	if len(all.durations) > 0 {
		maxD = all.durations[len(all.durations)-1]
	}
	r.printf("| %s | %d | %.0f/s | %d (%.1f%%) | %s | %s | %s | %s | %s | %s | %s |\n\n",
		elapsed.Round(time.Second), all.requests, float64(all.requests)/elapsed.Seconds(), all.failed,
		100*float64(all.failed)/float64(max(all.requests, 1)), ms(pct(all.durations, 50)), ms(pct(all.durations, 95)),
		ms(pct(all.durations, 99)), ms(maxD), rssStart, currentRSS(r.pid), peakRSS(r.pid))
	r.printf("Errors by code: %s.\n\n", all.codeList())
	r.printf("A request \"with errors\" got an answer with at least one error (a partial result) or no answer; " +
		"errors are counted per error in the answers (TRANSPORT: no answer, HTTP_n: a status other than 200). " +
		"\"until\" is the time since the start at the end of the interval; RSS is the gateway process's resident set (VmRSS) then, peak RSS its VmHWM.\n")
	if o.Out != "" {
		if err := os.WriteFile(o.Out, r.out.Bytes(), 0o644); err != nil {
			return err
		}
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return nil
}

// printf writes to the report and, at once, to the terminal.
func (r *soakRun) printf(format string, args ...any) {
	s := fmt.Sprintf(format, args...)
	r.out.WriteString(s)
	_, _ = io.WriteString(r.live, s)
}

func (r *soakRun) mixList() string {
	var parts []string
	for _, q := range r.mix {
		parts = append(parts, fmt.Sprintf("%s (%d, %d variants)", q.name, q.weight, len(q.vars)))
	}
	return strings.Join(parts, ", ")
}

func scheduleList(fs []soakFault) string {
	var parts []string
	for _, f := range fs {
		p := fmt.Sprintf("%s from %s for %s", f.Label, f.At.Round(100*time.Millisecond), f.For.Round(100*time.Millisecond))
		if f.Repeat > 0 {
			p += fmt.Sprintf(" (%d requests every %s)", f.Fault.Count, f.Repeat.Round(100*time.Millisecond))
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, "; ")
}

// startGateway runs the gateway over the simulator, in its own process
// (like bench's load test) unless --in-process, and returns how to stop it.
func (r *soakRun) startGateway(ctx context.Context) (func(), error) {
	cfg, err := DemoConfig(&DemoOptions{Scale: r.o.Scale, SimConcurrency: r.o.Concurrency, User: "soak", Listen: "127.0.0.1:0"}, r.s.Providers())
	if err != nil {
		return nil, err
	}
	if r.o.InProcess {
		h, err := NewGateway(cfg, GatewayOptions{})
		if err != nil {
			return nil, err
		}
		srv := httptest.NewServer(h)
		r.url, r.pid = srv.URL, os.Getpid()
		return srv.Close, nil
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("soak: the gateway binary: %w", err)
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "klantgraaf-soak")
	if err != nil {
		return nil, err
	}
	file := filepath.Join(dir, "klantgraaf.yaml")
	if err := os.WriteFile(file, []byte(serveYAML(cfg, port)), 0o600); err != nil {
		_ = os.RemoveAll(dir)
		return nil, err
	}
	cmd := exec.CommandContext(ctx, exe, "serve", "--config", file)
	var stderr tailBuffer
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	if err := cmd.Start(); err != nil {
		_ = os.RemoveAll(dir)
		return nil, err
	}
	stop := func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		_ = os.RemoveAll(dir)
	}
	r.url, r.pid = fmt.Sprintf("http://127.0.0.1:%d", port), cmd.Process.Pid
	if err := waitHTTP(r.url+"/healthz", 10*time.Second); err != nil {
		stop()
		return nil, fmt.Errorf("soak: the gateway did not start: %s", bytes.TrimSpace(stderr.Bytes()))
	}
	return stop, nil
}

// tailBuffer keeps the last 4 KiB written to it.
type tailBuffer struct {
	mu sync.Mutex
	b  []byte
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.b = append(t.b, p...)
	if len(t.b) > 4096 {
		t.b = t.b[len(t.b)-4096:]
	}
	return len(p), nil
}

func (t *tailBuffer) Bytes() []byte {
	t.mu.Lock()
	defer t.mu.Unlock()
	return bytes.Clone(t.b)
}

// pick chooses a query of the mix by weight and one of its variants.
func (r *soakRun) pick(rng *rand.Rand) (soakQuery, map[string]any) {
	n := rng.IntN(r.total)
	for _, q := range r.mix {
		if n < q.weight {
			return q, q.vars[rng.IntN(len(q.vars))]
		}
		n -= q.weight
	}
	q := r.mix[0]
	return q, q.vars[0]
}

// one sends one query of the mix and records the outcome.
func (r *soakRun) one(ctx context.Context, rng *rand.Rand) {
	q, vars := r.pick(rng)
	body, _ := json.Marshal(map[string]any{"query": q.query, "variables": vars})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, r.url+"/graphql", bytes.NewReader(body))
	if err != nil {
		return
	}
	req.Header.Set("Content-Type", "application/json")
	start := time.Now()
	resp, err := r.hc.Do(req)
	var raw []byte
	if err == nil {
		raw, err = io.ReadAll(resp.Body)
		resp.Body.Close()
	}
	d := time.Since(start)
	if ctx.Err() != nil {
		return // cut off by the end of the run: not an outcome
	}
	var codes []string
	failed := false
	switch {
	case err != nil:
		codes, failed = []string{"TRANSPORT"}, true
	case resp.StatusCode != http.StatusOK:
		codes, failed = []string{"HTTP_" + strconv.Itoa(resp.StatusCode)}, true
	default:
		var a struct {
			Data   json.RawMessage `json:"data"`
			Errors []struct {
				Extensions struct {
					Code string `json:"code"`
				} `json:"extensions"`
			} `json:"errors"`
		}
		if json.Unmarshal(raw, &a) != nil {
			codes, failed = []string{"INVALID_ANSWER"}, true
			break
		}
		for _, e := range a.Errors {
			c := e.Extensions.Code
			if c == "" {
				c = "NO_CODE"
			}
			codes = append(codes, c)
		}
		failed = len(a.Errors) > 0 || len(a.Data) == 0 || string(a.Data) == "null"
	}
	r.mu.Lock()
	w := r.window
	r.mu.Unlock()
	w.add(d, codes, failed)
}

// injectFaults plays the schedule, cycle after cycle, until ctx ends; every
// fault it sets it clears again.
func (r *soakRun) injectFaults(ctx context.Context, start time.Time) {
	sched := soakSchedule(r.o.Cycle)
	type event struct {
		at    time.Duration
		f     soakFault
		clear bool
	}
	var events []event
	for c := time.Duration(0); c < r.o.Duration; c += r.o.Cycle {
		for _, f := range sched {
			step := f.For
			if f.Repeat > 0 {
				step = f.Repeat
			}
			for t := time.Duration(0); t < f.For; t += step {
				events = append(events, event{at: c + f.At + t, f: f})
			}
			events = append(events, event{at: c + f.At + f.For, f: f, clear: true})
		}
	}
	sort.SliceStable(events, func(i, j int) bool { return events[i].at < events[j].at })
	defer r.clearFaults()
	for _, e := range events {
		wait := time.Until(start.Add(e.at))
		if wait > 0 {
			t := time.NewTimer(wait)
			select {
			case <-ctx.Done():
				t.Stop()
				return
			case <-t.C:
			}
		}
		if ctx.Err() != nil {
			return
		}
		in := r.s.Instance(e.f.Fault.Instance)
		if in == nil {
			continue
		}
		if e.clear {
			_ = in.SetFault(&sim.Fault{Instance: e.f.Fault.Instance, Mode: sim.FaultNone})
			r.mu.Lock()
			delete(r.active, e.f.Label)
			r.mu.Unlock()
			continue
		}
		f := e.f.Fault
		_ = in.SetFault(&f)
		r.mu.Lock()
		r.active[e.f.Label] = true
		r.window.faults[e.f.Label] = true
		r.mu.Unlock()
	}
}

// clearFaults takes every fault the schedule may have set away.
func (r *soakRun) clearFaults() {
	for _, f := range soakSchedule(r.o.Cycle) {
		if in := r.s.Instance(f.Fault.Instance); in != nil {
			_ = in.SetFault(&sim.Fault{Instance: f.Fault.Instance, Mode: sim.FaultNone})
		}
	}
}

// currentRSS reads a process's resident set size from /proc.
func currentRSS(pid int) string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return "n/a"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			if f := strings.Fields(v); len(f) > 0 {
				kb, _ := strconv.Atoi(f[0])
				return fmt.Sprintf("%.0f MB", float64(kb)/1024)
			}
		}
	}
	return "n/a"
}
