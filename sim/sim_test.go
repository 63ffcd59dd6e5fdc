package sim

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"testing"
	"time"
)

func controlGet(t *testing.T, s *Sim, path string, v any) {
	t.Helper()
	resp, err := http.Get(s.ControlURL() + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("GET %s: %d %s", path, resp.StatusCode, b)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatal(err)
	}
}

func controlPost(t *testing.T, s *Sim, path, body string) int {
	t.Helper()
	resp, err := http.Post(s.ControlURL()+path, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestProvidersAndShowcase(t *testing.T) {
	s := startSim(t, Config{})
	var provs []map[string]any
	controlGet(t, s, "/providers", &provs)
	if len(provs) != len(s.Topology()) {
		t.Fatalf("providers: got %d want %d", len(provs), len(s.Topology()))
	}
	seen := map[string]bool{}
	for _, p := range provs {
		name, _ := p["name"].(string)
		base, _ := p["baseUrl"].(string)
		auth, _ := p["auth"].(map[string]any)
		complete := auth["type"] == "zgw-jwt" && auth["clientId"] != "" && auth["secret"] != ""
		if api := p["api"]; api == "klantinteracties" || api == "contactgegevens" {
			complete = auth["type"] == "token" && auth["token"] != ""
		}
		if !strings.HasPrefix(base, "http://127.0.0.1:") || !complete {
			t.Errorf("provider %v incomplete", p)
		}
		if seen[base] {
			t.Errorf("base URL %s used twice", base)
		}
		seen[base] = true
		if p["api"] == "" || p["version"] == "" || name == "" {
			t.Errorf("provider %v lacks api/version/name", p)
		}
	}
	var sc []ShowcaseView
	controlGet(t, s, "/showcase", &sc)
	keys := map[string]ShowcaseView{}
	for _, v := range sc {
		keys[v.Key] = v
	}
	for _, k := range []string{"benchmark", "bedrijf", "alleen-zaken", "vertrouwelijk"} {
		if _, ok := keys[k]; !ok {
			t.Errorf("showcase lacks %q", k)
		}
	}
	if b := keys["benchmark"]; b.BSN == "" || len(b.KlantURLs) != 1 || b.Contactmomenten != 30 || b.Zaken != 15 || b.Verzoeken != 5 {
		t.Errorf("benchmark person: %+v", b)
	}
	if a := keys["alleen-zaken"]; len(a.KlantURLs) != 0 || a.BSN == "" {
		t.Errorf("alleen-zaken should have no klant record: %+v", a)
	}
}

func TestAuthentication(t *testing.T) {
	s := startSim(t, Config{})
	base := s.Instance("klanten").BaseURL + "/klanten"
	c := newCaller(t, s, "klantgraaf")

	// No token.
	resp, err := http.Get(base)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 401 || resp.Header.Get("Content-Type") != "application/problem+json" || !bytes.Contains(b, []byte(`"not_authenticated"`)) {
		t.Fatalf("no token: %d %s %s", resp.StatusCode, resp.Header.Get("Content-Type"), b)
	}
	if resp.Header.Get("API-version") != "1.0.0" {
		t.Errorf("API-version header = %q", resp.Header.Get("API-version"))
	}

	// A token signed with another instance's secret is refused.
	req := c.request("GET", base, "")
	req.Header.Set("Authorization", "Bearer "+zgwToken(t, s, "zaken-a", "klantgraaf", "u", "U"))
	resp, err = c.hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 401 {
		t.Fatalf("foreign secret: got %d, want 401", resp.StatusCode)
	}

	// Valid token: 200 and the end user lands in the audit trail.
	if code := c.getJSON(base, nil); code != 200 {
		t.Fatalf("valid token: %d", code)
	}
	audit := s.Instance("klanten").Audit()
	if len(audit) == 0 || audit[len(audit)-1].UserID != "test-user" || audit[len(audit)-1].UserRepresentation != "Test Gebruiker" {
		t.Fatalf("audit trail: %+v", audit)
	}

	// The restricted client may read but not write: 403.
	r := newCaller(t, s, "klantgraaf-beperkt")
	if code := r.getJSON(base, nil); code != 200 {
		t.Fatalf("restricted read: %d", code)
	}
	resp, err = r.hc.Do(r.request("POST", base, `{"bronorganisatie":"123456782","klantnummer":"x1","subjectType":"natuurlijk_persoon"}`))
	if err != nil {
		t.Fatal(err)
	}
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 403 || !bytes.Contains(b, []byte("permission_denied")) {
		t.Fatalf("restricted write: %d %s", resp.StatusCode, b)
	}
}

// TestConfidentialityCeiling shows two callers with different rights see
// different data.
func TestConfidentialityCeiling(t *testing.T) {
	s := startSim(t, Config{})
	v, ok := s.ShowcaseByKey("vertrouwelijk")
	if !ok {
		t.Fatal("no vertrouwelijk showcase")
	}
	count := func(clientID string) int {
		total := 0
		for _, in := range s.Instances() {
			if in.Spec.API != "zaken" {
				continue
			}
			var page struct {
				Count int `json:"count"`
			}
			u := in.BaseURL + "/zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=" + v.BSN
			if code := newCaller(t, s, clientID).getJSON(u, &page); code != 200 {
				t.Fatalf("%s: %d", u, code)
			}
			total += page.Count
		}
		return total
	}
	full, restricted := count("klantgraaf"), count("klantgraaf-beperkt")
	if full != 3 || restricted != 2 {
		t.Fatalf("zaken of the vertrouwelijk person: full client %d (want 3), restricted %d (want 2)", full, restricted)
	}
}

func TestFaults(t *testing.T) {
	s := startSim(t, Config{})
	in := s.Instance("verzoeken")
	u := in.BaseURL + "/verzoeken"
	c := newCaller(t, s, "klantgraaf")
	do := func() (*http.Response, []byte, error) {
		resp, err := c.hc.Do(c.request("GET", u, ""))
		if err != nil {
			return nil, nil, err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		return resp, b, err
	}
	set := func(body string) {
		t.Helper()
		if code := controlPost(t, s, "/faults", body); code != 200 {
			t.Fatalf("POST /faults %s: %d", body, code)
		}
	}
	cases := []struct {
		fault string
		check func(resp *http.Response, body []byte, err error) error
	}{
		{`{"instance":"verzoeken","mode":"status","status":503}`, func(r *http.Response, b []byte, err error) error {
			if err != nil || r.StatusCode != 503 || r.Header.Get("Content-Type") != "application/problem+json" {
				return errors.New("want 503 problem")
			}
			return nil
		}},
		{`{"instance":"verzoeken","mode":"ratelimit","retryAfter":7}`, func(r *http.Response, b []byte, err error) error {
			if err != nil || r.StatusCode != 429 || r.Header.Get("Retry-After") != "7" {
				return errors.New("want 429 with Retry-After 7")
			}
			return nil
		}},
		{`{"instance":"verzoeken","mode":"malformed"}`, func(r *http.Response, b []byte, err error) error {
			if err != nil || r.StatusCode != 200 || json.Valid(b) {
				return errors.New("want 200 with invalid JSON")
			}
			return nil
		}},
		{`{"instance":"verzoeken","mode":"wrongtype"}`, func(r *http.Response, b []byte, err error) error {
			if err != nil || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") {
				return errors.New("want text/html")
			}
			return nil
		}},
		{`{"instance":"verzoeken","mode":"oversized","size":3000000}`, func(r *http.Response, b []byte, err error) error {
			if err != nil || len(b) < 3000000 || !json.Valid(b) {
				return errors.New("want a valid JSON body of at least 3 MB")
			}
			return nil
		}},
		{`{"instance":"verzoeken","mode":"redirect","redirectTo":"http://169.254.169.254"}`, func(r *http.Response, b []byte, err error) error {
			if err != nil || r.StatusCode != 302 || !strings.HasPrefix(r.Header.Get("Location"), "http://169.254.169.254/api/v1/verzoeken") {
				return errors.New("want 302 to the foreign host")
			}
			return nil
		}},
		{`{"instance":"verzoeken","mode":"unauthorized"}`, func(r *http.Response, b []byte, err error) error {
			if err != nil || r.StatusCode != 401 {
				return errors.New("want 401")
			}
			return nil
		}},
		{`{"instance":"verzoeken","mode":"forbidden"}`, func(r *http.Response, b []byte, err error) error {
			if err != nil || r.StatusCode != 403 {
				return errors.New("want 403")
			}
			return nil
		}},
		{`{"instance":"verzoeken","mode":"slow","delay":"150ms"}`, nil},
		{`{"instance":"verzoeken","mode":"down"}`, func(r *http.Response, b []byte, err error) error {
			if !errors.Is(err, syscall.ECONNREFUSED) {
				return errors.New("want connection refused")
			}
			return nil
		}},
	}
	for _, tc := range cases {
		set(tc.fault)
		start := time.Now()
		resp, body, err := do()
		if tc.check == nil {
			if err != nil || resp.StatusCode != 200 || time.Since(start) < 150*time.Millisecond {
				t.Errorf("%s: want a 200 after ≥150ms, got %v after %s", tc.fault, err, time.Since(start))
			}
		} else if cerr := tc.check(resp, body, err); cerr != nil {
			status := 0
			if resp != nil {
				status = resp.StatusCode
			}
			t.Errorf("%s: %v (status %d, err %v)", tc.fault, cerr, status, err)
		}
		set(`{"instance":"verzoeken","mode":"none"}`)
		if resp, _, err := do(); err != nil || resp.StatusCode != 200 {
			t.Fatalf("after clearing %s: %v", tc.fault, err)
		}
	}

	// A counted fault clears itself.
	set(`{"instance":"verzoeken","mode":"status","status":500,"count":2}`)
	var codes []int
	for i := 0; i < 3; i++ {
		resp, _, err := do()
		if err != nil {
			t.Fatal(err)
		}
		codes = append(codes, resp.StatusCode)
	}
	if codes[0] != 500 || codes[1] != 500 || codes[2] != 200 {
		t.Fatalf("counted fault: %v", codes)
	}
	if code := controlPost(t, s, "/faults", `{"instance":"verzoeken","mode":"explode"}`); code != 400 {
		t.Fatalf("unknown mode accepted: %d", code)
	}
	if code := controlPost(t, s, "/faults", `{"instance":"nope","mode":"down"}`); code != 400 {
		t.Fatalf("unknown instance accepted: %d", code)
	}
}

func TestStatsAndRounds(t *testing.T) {
	s := startSim(t, Config{Latency: 5 * time.Millisecond})
	if code := controlPost(t, s, "/reset", ""); code != 200 {
		t.Fatal(code)
	}
	c := newCaller(t, s, "klantgraaf")
	base := s.Instance("klanten").BaseURL + "/klanten"
	for i := 0; i < 3; i++ { // three sequential requests
		c.getJSON(base, nil)
	}
	done := make(chan struct{})
	for i := 0; i < 4; i++ { // then four in parallel
		go func() { c.getJSON(base+"?page=2", nil); done <- struct{}{} }()
	}
	for i := 0; i < 4; i++ {
		<-done
	}
	for deadline := time.Now().Add(2 * time.Second); s.Stats(false).Total < 7 && time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond)
	}
	var rep StatsReport
	controlGet(t, s, "/stats?log=1", &rep)
	ks := rep.Instances["klanten"]
	if rep.Total != 7 || ks == nil || ks.Requests != 7 || len(rep.Log) != 7 {
		t.Fatalf("stats: %+v", rep)
	}
	if rep.Rounds != 4 {
		t.Errorf("rounds = %d, want 4 (3 sequential + 1 parallel wave)", rep.Rounds)
	}
	if ks.PeakConcurrency < 2 {
		t.Errorf("peak concurrency %d, want ≥ 2", ks.PeakConcurrency)
	}
	found := false
	for _, r := range ks.Routes {
		if r.Method == "GET" && strings.HasSuffix(r.Template, "/klanten") && r.Count == 7 && r.Statuses["200"] == 7 {
			found = true
		}
	}
	if !found {
		t.Errorf("route stats: %+v", ks.Routes)
	}
}

func TestRoundsChain(t *testing.T) {
	l := []LogEntry{{Start: 0, End: 10}, {Start: 10, End: 20}, {Start: 5, End: 30}, {Start: 20, End: 25}, {Start: 31, End: 40}}
	if got := Rounds(l); got != 4 {
		t.Fatalf("Rounds = %d, want 4", got)
	}
	if Rounds(nil) != 0 {
		t.Fatal("empty log")
	}
}

// TestConcurrencyCap shows excess requests wait for a worker.
func TestConcurrencyCap(t *testing.T) {
	s := startSim(t, Config{Latency: 40 * time.Millisecond, Concurrency: 2})
	c := newCaller(t, s, "klantgraaf")
	u := s.Instance("klanten").BaseURL + "/klanten"
	start := time.Now()
	done := make(chan struct{})
	for i := 0; i < 6; i++ {
		go func() { c.getJSON(u, nil); done <- struct{}{} }()
	}
	for i := 0; i < 6; i++ {
		<-done
	}
	if el := time.Since(start); el < 120*time.Millisecond {
		t.Fatalf("6 requests with 2 workers and 40ms latency took %s, want ≥ 120ms", el)
	}
	var rep StatsReport
	controlGet(t, s, "/stats", &rep)
	if p := rep.Instances["klanten"].PeakConcurrency; p > 2 {
		t.Fatalf("peak concurrency %d exceeds the cap of 2", p)
	}
}

func TestLatencyControlAndReset(t *testing.T) {
	s := startSim(t, Config{})
	if code := controlPost(t, s, "/latency", `{"latency":"60ms"}`); code != 200 {
		t.Fatal(code)
	}
	c := newCaller(t, s, "klantgraaf")
	start := time.Now()
	c.getJSON(s.Instance("klanten").BaseURL+"/klanten", nil)
	if time.Since(start) < 60*time.Millisecond {
		t.Fatal("latency not applied")
	}
	if code := controlPost(t, s, "/latency", `{"latency":"-1ms"}`); code != 400 {
		t.Fatalf("negative latency accepted: %d", code)
	}
	controlPost(t, s, "/faults", `{"instance":"klanten","mode":"status","status":500}`)
	// A request's statistics are recorded just after its answer is sent.
	for deadline := time.Now().Add(2 * time.Second); s.Stats(false).Total < 1 && time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond)
	}
	if code := controlPost(t, s, "/reset", `{}`); code != 200 {
		t.Fatal(code)
	}
	var faults []Fault
	controlGet(t, s, "/faults", &faults)
	var rep StatsReport
	controlGet(t, s, "/stats", &rep)
	if len(faults) != 0 || rep.Total != 0 {
		t.Fatalf("reset left faults %v and %d requests", faults, rep.Total)
	}
}

var _ = url.Parse
