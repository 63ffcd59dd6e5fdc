package contactgegevens

import (
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

type fixture struct {
	t    *testing.T
	spec *spectest.Spec
	srv  *httptest.Server
	base string
	d    *data.Data
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	spec := spectest.Load(t, "contactgegevens-1.1.1.yaml")
	var handler http.Handler
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { handler.ServeHTTP(w, r) }))
	t.Cleanup(srv.Close)
	topo := data.Topology(data.DefaultTopology())
	bases := make([]string, len(topo))
	for i, s := range topo {
		bases[i] = "http://" + s.Name + ".test" + s.BasePath()
	}
	ci := topo.Index("contactgegevens")
	bases[ci] = srv.URL + topo[ci].BasePath()
	d, err := gen.Generate(gen.Config{Seed: 5, Scale: "small"}, topo)
	if err != nil {
		t.Fatal(err)
	}
	store := data.NewStore(d, topo, bases)
	e := &provider.Env{Inst: uint8(ci), Spec: topo[ci], BaseURL: bases[ci], Store: store}
	r := chi.NewRouter()
	r.NotFound(func(w http.ResponseWriter, r *http.Request) { provider.NotFound(w) })
	r.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) { provider.MethodNotAllowed(w) })
	r.Use(func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			c := &provider.Client{ID: "test", Scopes: []string{"*"}}
			if s := r.Header.Get("X-Test-Scopes"); s != "" {
				c.Scopes = strings.Split(s, ",")
			}
			w.Header().Set("API-version", "1.1.1")
			next.ServeHTTP(w, r.WithContext(provider.WithClient(r.Context(), c)))
		})
	})
	r.Route(topo[ci].BasePath(), func(r chi.Router) { Routes(e, r) })
	handler = r
	return &fixture{t: t, spec: spec, srv: srv, base: bases[ci], d: d}
}

type page struct {
	Count    int              `json:"count"`
	Next     *string          `json:"next"`
	Previous *string          `json:"previous"`
	Results  []map[string]any `json:"results"`
}

// get performs a documented (200) request, validated against
// contactgegevens-1.1.1.yaml.
func (f *fixture) get(u string, v any) {
	f.t.Helper()
	if !strings.HasPrefix(u, "http") {
		u = f.base + u
	}
	req, _ := http.NewRequest("GET", u, nil)
	ex := f.spec.Do(f.t, f.srv.Client(), req)
	if ex.Status != 200 {
		f.t.Fatalf("GET %s: %d %s", u, ex.Status, ex.Body)
	}
	if err := json.Unmarshal(ex.Body, v); err != nil {
		f.t.Fatal(err)
	}
}

// fail performs a request expected to fail. The spec documents only 2xx
// answers, so the problem+json shape is checked by hand.
func (f *fixture) fail(status int, method, path string, hdr ...string) {
	f.t.Helper()
	req, _ := http.NewRequest(method, f.base+path, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := f.srv.Client().Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var p struct {
		Code   string `json:"code"`
		Title  string `json:"title"`
		Status int    `json:"status"`
		Detail string `json:"detail"`
	}
	if resp.StatusCode != status || resp.Header.Get("Content-Type") != "application/problem+json" ||
		json.Unmarshal(b, &p) != nil || p.Status != status || p.Code == "" || p.Detail == "" {
		f.t.Errorf("%s %s: %d %s %s", method, path, resp.StatusCode, resp.Header.Get("Content-Type"), b)
	}
}

func TestListsAndDetails(t *testing.T) {
	f := newFixture(t)
	sizes, _ := gen.ScaleSizesV2("small")
	for _, c := range []struct {
		coll string
		want int
		key  string
	}{
		{"persoon", sizes.Personen, "geslachtsnaam"},
		{"organisatie", sizes.Organisaties, "handelsnaam"},
	} {
		// Walk the list in pages of 7.
		seen := map[string]bool{}
		next := f.base + "/" + c.coll + "?pageSize=7"
		pages := 0
		for next != "" {
			var p page
			f.get(next, &p)
			pages++
			if p.Count != c.want {
				t.Fatalf("%s: count %d, want %d", c.coll, p.Count, c.want)
			}
			for _, r := range p.Results {
				u, _ := r["url"].(string)
				if seen[u] || !strings.HasPrefix(u, f.base+"/"+c.coll+"/") || r[c.key] == "" {
					t.Fatalf("%s: result %v", c.coll, r)
				}
				seen[u] = true
			}
			next = ""
			if p.Next != nil {
				next = *p.Next
			}
		}
		if len(seen) != c.want || pages != (c.want+6)/7 {
			t.Errorf("%s: %d objects in %d pages", c.coll, len(seen), pages)
		}
		for u := range seen {
			var one map[string]any
			f.get(u, &one)
			if one["url"] != u {
				t.Errorf("detail %v", one)
			}
			break
		}
		f.fail(404, "GET", "/"+c.coll+"/00000000-0000-4000-8000-000000000000")
		f.fail(404, "GET", "/"+c.coll+"?page=9")
	}
	// The first persoon is the newest.
	var p page
	f.get("/persoon", &p)
	newest := f.d.ContactPersonen.Rows[f.d.ContactPersonen.Len()-1]
	if p.Results[0]["uuid"] != newest.UUID.String() || p.Results[0]["geslachtsnaam"] != newest.Geslachtsnaam {
		t.Errorf("first persoon %v, want %s", p.Results[0], newest.UUID)
	}
	withAdres := 0
	for _, r := range p.Results {
		if a, ok := r["adres"].(map[string]any); ok {
			withAdres++
			if pc, _ := a["postcode"].(string); len(pc) != 7 || a["land"] != "NL" {
				t.Errorf("adres %v", a)
			}
		}
	}
	if withAdres == 0 {
		t.Error("no persoon has an adres")
	}
	f.fail(403, "GET", "/persoon", "X-Test-Scopes", "klanten.lezen")
	f.fail(405, "DELETE", "/persoon")
}
