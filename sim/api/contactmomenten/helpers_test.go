package contactmomenten

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/provider"
	"github.com/klantgraaf/klantgraaf/sim/spectest"
)

// server serves one instance of the default topology over d; the other
// instances get unserved base URLs (enough to render and resolve links).
type server struct {
	t     *testing.T
	spec  *spectest.Spec
	srv   *httptest.Server
	store *data.Store
	topo  data.Topology
	bases []string
	inst  uint8
}

// newServer serves instance name with routes; fill builds the dataset once
// the base URLs are known.
func newServer(t *testing.T, specFile, name string, routes func(*provider.Env, chi.Router), fill func(s *server, d *data.Data)) *server {
	t.Helper()
	spec := spectest.Load(t, specFile)
	var handler http.Handler
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { handler.ServeHTTP(w, r) }))
	t.Cleanup(srv.Close)
	topo := data.Topology(data.DefaultTopology())
	s := &server{t: t, spec: spec, srv: srv, topo: topo, bases: make([]string, len(topo))}
	for i, is := range topo {
		s.bases[i] = "http://" + is.Name + ".test" + is.BasePath()
	}
	idx := topo.Index(name)
	s.inst = uint8(idx)
	s.bases[idx] = srv.URL + topo[idx].BasePath()
	d := &data.Data{}
	fill(s, d)
	s.store = data.NewStore(d, topo, s.bases)
	e := &provider.Env{Inst: s.inst, Spec: topo[idx], BaseURL: s.bases[idx], Store: s.store}
	r := chi.NewRouter()
	r.NotFound(func(w http.ResponseWriter, r *http.Request) { provider.NotFound(w) })
	r.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) { provider.MethodNotAllowed(w) })
	r.Use(testAuth)
	r.Route(topo[idx].BasePath(), func(r chi.Router) { routes(e, r) })
	handler = r
	return s
}

// testAuth puts a client in the context; X-Test-Scopes narrows its scopes.
func testAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := &provider.Client{ID: "test", Scopes: []string{"*"}}
		if s := r.Header.Get("X-Test-Scopes"); s != "" {
			c.Scopes = strings.Split(s, ",")
		}
		w.Header().Set("API-version", "1.0.0")
		next.ServeHTTP(w, r.WithContext(provider.WithClient(r.Context(), c)))
	})
}

// inst returns the index of a named instance.
func (s *server) instOf(name string) uint8 { return uint8(s.topo.Index(name)) }

// urlOf renders the URL of a resource of instance name.
func (s *server) urlOf(name, collection string, u data.UUID) string {
	return s.bases[s.topo.Index(name)] + "/" + collection + "/" + u.String()
}

func (s *server) url(path string) string { return s.bases[s.inst] + path }

func (s *server) do(method, target string, body any, hdr ...string) *spectest.Exchange {
	s.t.Helper()
	if !strings.HasPrefix(target, "http") {
		target = s.url(target)
	}
	var req *http.Request
	var err error
	if body != nil {
		var b []byte
		if str, ok := body.(string); ok {
			b = []byte(str)
		} else {
			b, _ = json.Marshal(body)
		}
		req, err = http.NewRequest(method, target, bytes.NewReader(b))
		if err == nil {
			req.Header.Set("Content-Type", "application/json")
		}
	} else {
		req, err = http.NewRequest(method, target, nil)
	}
	if err != nil {
		s.t.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	return s.spec.Do(s.t, s.srv.Client(), req)
}

type page struct {
	Count    int               `json:"count"`
	Next     *string           `json:"next"`
	Previous *string           `json:"previous"`
	Results  []json.RawMessage `json:"results"`
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

// list GETs a list and returns the page and the results as objects.
func (s *server) list(path string) (page, []map[string]any) {
	s.t.Helper()
	ex := s.do("GET", path, nil)
	expectStatus(s.t, ex, 200)
	p := decode[page](s.t, ex)
	items := make([]map[string]any, 0, len(p.Results))
	for _, r := range p.Results {
		var m map[string]any
		_ = json.Unmarshal(r, &m)
		items = append(items, m)
	}
	return p, items
}

// walk follows next links from path and returns every result's url.
func (s *server) walk(path string) (urls []string, pages int) {
	s.t.Helper()
	next := s.url(path)
	seen := map[string]bool{}
	for next != "" {
		ex := s.do("GET", next, nil)
		expectStatus(s.t, ex, 200)
		p := decode[page](s.t, ex)
		pages++
		if pages > 1 && p.Previous == nil {
			s.t.Errorf("page %d without previous", pages)
		}
		for _, r := range p.Results {
			var m struct{ URL string }
			_ = json.Unmarshal(r, &m)
			if seen[m.URL] {
				s.t.Fatalf("duplicate %s", m.URL)
			}
			seen[m.URL] = true
			urls = append(urls, m.URL)
		}
		next = ""
		if p.Next != nil {
			next = *p.Next
		}
	}
	return urls, pages
}

// expectInvalid checks a 400 with exactly the given name/code pairs.
func expectInvalid(t *testing.T, ex *spectest.Exchange, pairs ...string) {
	t.Helper()
	expectStatus(t, ex, 400)
	pr := decode[provider.Problem](t, ex)
	var got []string
	for _, ip := range pr.InvalidParams {
		got = append(got, ip.Name, ip.Code)
	}
	if strings.Join(got, " ") != strings.Join(pairs, " ") {
		t.Errorf("%s %s: invalidParams %v, want %v", ex.Request.Method, ex.Request.URL, got, pairs)
	}
}
