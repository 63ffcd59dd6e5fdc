package sim

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/klantgraaf/klantgraaf/sim/gen"
)

// The benchmarks measure the simulator itself over real loopback HTTP with
// ZGW JWT authentication, no added latency and a concurrency cap far above
// the client count, on the medium dataset. They report requests per second
// (req/s); run them with
//
//	go test -run '^$' -bench . -benchtime 3s ./sim/
//
// The medium dataset is generated once per test binary, and only when a
// benchmark runs.

// benchSim is the shared simulator of the benchmarks with the URLs they ask.
type benchSim struct {
	s      *Sim
	hc     *http.Client
	tokens map[string]string // instance name → Authorization header value
	urls   map[string]string
}

var (
	benchOnce sync.Once
	benchEnv  *benchSim
	benchErr  error
)

// benchSetup starts the medium simulator on first use.
func benchSetup(b *testing.B) *benchSim {
	b.Helper()
	benchOnce.Do(func() { benchEnv, benchErr = startBenchSim() })
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchEnv
}

func startBenchSim() (*benchSim, error) {
	s, err := New(Config{Scale: "medium", Seed: 7, Concurrency: 4096})
	if err != nil {
		return nil, err
	}
	if err := s.Start(); err != nil {
		return nil, err
	}
	e := &benchSim{s: s, tokens: map[string]string{}, urls: map[string]string{},
		hc: &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{
			MaxIdleConns: 1024, MaxIdleConnsPerHost: 1024, IdleConnTimeout: time.Minute}}}
	// One token per instance, signed once, as a gateway caches its tokens.
	for _, in := range s.Instances() {
		c := in.Clients()[0]
		tok, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
			"iss": c.ID, "iat": time.Now().Unix(), "client_id": c.ID, "user_id": "bench", "user_representation": "Benchmark",
		}).SignedString([]byte(c.Secret))
		if err != nil {
			return nil, err
		}
		e.tokens[in.Spec.Name] = "Bearer " + tok
	}
	bm, ok := s.ShowcaseByKey(gen.ShowcaseBenchmark)
	if !ok || len(bm.KlantURLs) != 1 {
		return nil, fmt.Errorf("no benchmark showcase person")
	}
	g1000, ok := s.ShowcaseByKey(gen.ShowcaseGroei1000)
	if !ok || len(g1000.KlantURLs) != 1 {
		return nil, fmt.Errorf("no groei-1000 showcase person")
	}
	za := s.Instance("zaken-a").BaseURL
	cm := s.Instance("contactmomenten").BaseURL
	e.urls["zakenByBSN"] = za + "/zaken?" + fBSN + "=" + bm.BSN
	e.urls["klant"] = bm.KlantURLs[0]
	e.urls["cmByKlant"] = cm + "/contactmomenten?klant=" + q(bm.KlantURLs[0])
	e.urls["cmByKlant1000"] = cm + "/contactmomenten?klant=" + q(g1000.KlantURLs[0])
	var p struct {
		Count   int `json:"count"`
		Results []struct {
			URL string `json:"url"`
		} `json:"results"`
	}
	body, status, err := e.get(e.urls["zakenByBSN"])
	if err != nil || status != 200 {
		return nil, fmt.Errorf("zaken by BSN: %d %v", status, err)
	}
	if err := json.Unmarshal(body, &p); err != nil || p.Count != 8 {
		return nil, fmt.Errorf("zaken by BSN: count %d, %v", p.Count, err)
	}
	e.urls["zaak"] = p.Results[0].URL
	return e, nil
}

// get performs one authenticated GET and reads the whole answer.
func (e *benchSim) get(u string) ([]byte, int, error) {
	req, err := http.NewRequest("GET", u, nil)
	if err != nil {
		return nil, 0, err
	}
	req.Header.Set("Authorization", e.tokenFor(u))
	req.Header.Set("Accept-Crs", "EPSG:4326")
	resp, err := e.hc.Do(req)
	if err != nil {
		return nil, 0, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return b, resp.StatusCode, err
}

func (e *benchSim) tokenFor(u string) string {
	for _, in := range e.s.Instances() {
		if strings.HasPrefix(u, in.BaseURL+"/") {
			return e.tokens[in.Spec.Name]
		}
	}
	return ""
}

// benchGET asks one URL from parallel clients (4 per CPU) and reports
// requests per second and the answer size.
func benchGET(b *testing.B, key string) {
	e := benchSetup(b)
	u := e.urls[key]
	body, status, err := e.get(u)
	if err != nil || status != 200 {
		b.Fatalf("GET %s: %d %v", u, status, err)
	}
	b.SetBytes(int64(len(body)))
	var failed atomic.Int64
	var firstErr atomic.Value
	b.SetParallelism(4)
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			_, status, err := e.get(u)
			if err != nil || status != 200 {
				failed.Add(1)
				firstErr.CompareAndSwap(nil, fmt.Sprintf("status %d, error %v", status, err))
			}
		}
	})
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
	if n := failed.Load(); n > 0 {
		b.Fatalf("GET %s: %d of %d requests failed (first: %v)", u, n, b.N, firstErr.Load())
	}
}

// BenchmarkSimZaakDetail: GET /zaken/{uuid} (zaken-a).
func BenchmarkSimZaakDetail(b *testing.B) { benchGET(b, "zaak") }

// BenchmarkSimKlantDetail: GET /klanten/{uuid}.
func BenchmarkSimKlantDetail(b *testing.B) { benchGET(b, "klant") }

// BenchmarkSimZakenByBSN: GET /zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn= (8 zaken).
func BenchmarkSimZakenByBSN(b *testing.B) { benchGET(b, "zakenByBSN") }

// BenchmarkSimContactmomentenByKlant: GET /contactmomenten?klant= (30 contactmomenten).
func BenchmarkSimContactmomentenByKlant(b *testing.B) { benchGET(b, "cmByKlant") }

// BenchmarkSimContactmomentenByKlant1000: the first page (100 of 1000) of
// the groei-1000 person's contactmomenten, the heaviest list the gateway
// benchmarks ask.
func BenchmarkSimContactmomentenByKlant1000(b *testing.B) { benchGET(b, "cmByKlant1000") }
