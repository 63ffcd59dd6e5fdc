package klantinteracties

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/gen"
	"github.com/klantgraaf/klantgraaf/sim/provider"
	"github.com/klantgraaf/klantgraaf/sim/spectest"
)

// fixture serves the klantinteracties instance of the default topology over
// the generated small dataset (seed 3); the other instances get unserved
// base URLs.
type fixture struct {
	t     *testing.T
	spec  *spectest.Spec
	srv   *httptest.Server
	store *data.Store
	topo  data.Topology
	base  string
	inst  uint8
	seed  uint64
}

const fixtureSeed = 3

func newFixture(t *testing.T) *fixture {
	t.Helper()
	spec := spectest.Load(t, "klantinteracties-0.9.0.yaml")
	var handler http.Handler
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { handler.ServeHTTP(w, r) }))
	t.Cleanup(srv.Close)
	topo := data.Topology(data.DefaultTopology())
	bases := make([]string, len(topo))
	for i, s := range topo {
		bases[i] = "http://" + s.Name + ".test" + s.BasePath()
	}
	ki := topo.Index("klantinteracties")
	bases[ki] = srv.URL + topo[ki].BasePath()
	d, err := gen.Generate(gen.Config{Seed: fixtureSeed, Scale: "small"}, topo)
	if err != nil {
		t.Fatal(err)
	}
	store := data.NewStore(d, topo, bases)
	e := &provider.Env{Inst: uint8(ki), Spec: topo[ki], BaseURL: bases[ki], Store: store}
	r := chi.NewRouter()
	r.NotFound(func(w http.ResponseWriter, r *http.Request) { provider.NotFound(w) })
	r.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) { provider.MethodNotAllowed(w) })
	r.Use(testAuth)
	r.Route(topo[ki].BasePath(), func(r chi.Router) { Routes(e, r) })
	handler = r
	return &fixture{t: t, spec: spec, srv: srv, store: store, topo: topo, base: bases[ki], inst: uint8(ki), seed: fixtureSeed}
}

// testAuth stands in for the instance middleware: it puts a client in the
// context (X-Test-Scopes narrows its scopes) and sets API-version.
func testAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := &provider.Client{ID: "test", Scopes: []string{"*"}}
		if s := r.Header.Get("X-Test-Scopes"); s != "" {
			c.Scopes = strings.Split(s, ",")
		}
		w.Header().Set("API-version", "0.9.0")
		next.ServeHTTP(w, r.WithContext(provider.WithClient(r.Context(), c)))
	})
}

func (f *fixture) url(path string) string {
	if strings.HasPrefix(path, "http") {
		return path
	}
	return f.base + path
}

func (f *fixture) request(method, path string, body any, hdr ...string) *http.Request {
	f.t.Helper()
	var rd io.Reader
	if body != nil {
		var b []byte
		switch v := body.(type) {
		case string:
			b = []byte(v)
		default:
			b, _ = json.Marshal(v)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, f.url(path), rd)
	if err != nil {
		f.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	return req
}

// do performs a request that the spec documents (a 2xx answer) and
// validates the exchange against klantinteracties-0.9.0.yaml.
func (f *fixture) do(method, path string, body any, hdr ...string) *spectest.Exchange {
	f.t.Helper()
	return f.spec.Do(f.t, f.srv.Client(), f.request(method, path, body, hdr...))
}

// raw performs a request without validation against the spec. The
// Klantinteracties spec documents only 2xx answers, so error answers are
// checked by hand (see problem).
func (f *fixture) raw(method, path string, body any, hdr ...string) (int, http.Header, []byte) {
	f.t.Helper()
	resp, err := f.srv.Client().Do(f.request(method, path, body, hdr...))
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, b
}

type problemJSON struct {
	Type          string                  `json:"type"`
	Code          string                  `json:"code"`
	Title         string                  `json:"title"`
	Status        int                     `json:"status"`
	Detail        string                  `json:"detail"`
	Instance      string                  `json:"instance"`
	InvalidParams []provider.InvalidParam `json:"invalidParams"`
}

// problem performs a request expected to fail with status and checks the
// problem+json shape by hand (Fout; ValidatieFout with invalidParams for a
// 400). It returns the problem.
func (f *fixture) problem(status int, method, path string, body any, hdr ...string) problemJSON {
	f.t.Helper()
	code, h, b := f.raw(method, path, body, hdr...)
	if code != status {
		f.t.Fatalf("%s %s: status %d, want %d: %s", method, path, code, status, b)
	}
	if ct := h.Get("Content-Type"); ct != "application/problem+json" {
		f.t.Fatalf("%s %s: content type %q", method, path, ct)
	}
	var p problemJSON
	if err := json.Unmarshal(b, &p); err != nil {
		f.t.Fatalf("%s %s: %v: %s", method, path, err, b)
	}
	if p.Status != status || p.Code == "" || p.Title == "" || p.Detail == "" || !strings.HasPrefix(p.Instance, "urn:uuid:") {
		f.t.Fatalf("%s %s: incomplete problem %+v", method, path, p)
	}
	if status == 400 && len(p.InvalidParams) == 0 {
		f.t.Fatalf("%s %s: 400 without invalidParams: %s", method, path, b)
	}
	return p
}

// hasParam reports whether a problem names the invalid parameter with code.
func (p problemJSON) hasParam(name, code string) bool {
	for _, ip := range p.InvalidParams {
		if ip.Name == name && (code == "" || ip.Code == code) {
			return true
		}
	}
	return false
}

type page struct {
	Count    int              `json:"count"`
	Next     *string          `json:"next"`
	Previous *string          `json:"previous"`
	Results  []map[string]any `json:"results"`
}

func decode[T any](t *testing.T, ex *spectest.Exchange) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(ex.Body, &v); err != nil {
		t.Fatalf("decode %s: %v", ex.Body, err)
	}
	return v
}

func expectStatus(t *testing.T, ex *spectest.Exchange, want int) {
	t.Helper()
	if ex.Status != want {
		t.Fatalf("%s %s: status %d, want %d; body %s", ex.Request.Method, ex.Request.URL, ex.Status, want, ex.Body)
	}
}

// get fetches and decodes a 200 answer.
func (f *fixture) get(path string) map[string]any {
	f.t.Helper()
	ex := f.do("GET", path, nil)
	expectStatus(f.t, ex, 200)
	return decode[map[string]any](f.t, ex)
}

// list fetches one page of a list.
func (f *fixture) list(path string) page {
	f.t.Helper()
	ex := f.do("GET", path, nil)
	expectStatus(f.t, ex, 200)
	return decode[page](f.t, ex)
}

// all walks a list to its end and returns every result.
func (f *fixture) all(path string) []map[string]any {
	f.t.Helper()
	var out []map[string]any
	next := f.url(path)
	for n := 0; next != ""; n++ {
		if n > 200 {
			f.t.Fatalf("%s: too many pages", path)
		}
		p := f.list(next)
		out = append(out, p.Results...)
		next = ""
		if p.Next != nil {
			next = *p.Next
		}
	}
	return out
}

// showcase returns a showcase entry of the dataset.
func (f *fixture) showcase(key string) data.ShowcaseEntry {
	f.t.Helper()
	var e data.ShowcaseEntry
	found := false
	f.store.Read(func(d *data.Data) {
		for _, x := range d.Showcase {
			if x.Key == key {
				e, found = x, true
			}
		}
	})
	if !found {
		f.t.Fatalf("no showcase %s", key)
	}
	return e
}

// partijUUID is the UUID of a showcase partij.
func (f *fixture) partijUUID(r data.Ref) string {
	var u string
	f.store.Read(func(d *data.Data) { u = d.Partijen.UUIDOf(r).String() })
	return u
}

func str(m map[string]any, path ...string) string {
	var v any = m
	for _, p := range path {
		mm, ok := v.(map[string]any)
		if !ok {
			return ""
		}
		v = mm[p]
	}
	s, _ := v.(string)
	return s
}

func obj(m map[string]any, path ...string) map[string]any {
	var v any = m
	for _, p := range path {
		mm, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = mm[p]
	}
	o, _ := v.(map[string]any)
	return o
}

func arr(m map[string]any, path ...string) []any {
	var v any = m
	for _, p := range path {
		mm, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = mm[p]
	}
	a, _ := v.([]any)
	return a
}
