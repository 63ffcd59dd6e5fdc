package klanten

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/form"
	"github.com/klantgraaf/klantgraaf/sim/provider"
	"github.com/klantgraaf/klantgraaf/sim/spectest"
)

// fixture serves the klanten instance of the default topology over a small
// hand-made dataset; the other instances get unserved base URLs.
type fixture struct {
	t     *testing.T
	spec  *spectest.Spec
	srv   *httptest.Server
	store *data.Store
	base  string
	inst  uint8
}

const fillers = 130

func newFixture(t *testing.T) *fixture {
	t.Helper()
	spec := spectest.Load(t, "klanten-1.0.0.yaml")
	var handler http.Handler
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { handler.ServeHTTP(w, r) }))
	t.Cleanup(srv.Close)
	topo := data.Topology(data.DefaultTopology())
	bases := make([]string, len(topo))
	for i, s := range topo {
		bases[i] = "http://" + s.Name + ".test" + s.BasePath()
	}
	ki := topo.Index("klanten")
	bases[ki] = srv.URL + topo[ki].BasePath()
	inst := uint8(ki)

	d := &data.Data{}
	add := func(seq uint64, k data.Klant) {
		k.Inst = inst
		k.UUID = data.MakeUUID(1, "klant", seq)
		d.Klanten.Add(k.UUID, inst, k)
	}
	add(0, data.Klant{Bronorganisatie: "002220647", Klantnummer: "K0000001", Voornaam: "Jan", Achternaam: "Jansen",
		VoorvoegselAchternaam: "van", Telefoonnummer: "0612345678", Emailadres: "jan@example.nl",
		Adres:       data.Adres{Straatnaam: "Kerkstraat", Huisnummer: 12, Postcode: "1234AB", Woonplaats: "Utrecht", Landcode: "6030"},
		Subject:     "https://brp.example/ingeschrevenpersonen/111222333",
		SubjectType: data.SubjectNatuurlijkPersoon, InpBsn: "111222333", Geslachtsnaam: "Jansen", Voornamen: "Jan Pieter",
		Geslachtsaanduiding: "m", Geboortedatum: "1980-05-17", Aanmaakkanaal: "balie", Geverifieerd: true})
	add(1, data.Klant{Bronorganisatie: "002220647", Klantnummer: "K0000002", Bedrijfsnaam: "Bakkerij De Korrel BV",
		Functie: "eigenaar", SubjectType: data.SubjectNietNatuurlijkPersoon, InnNnpId: "999990019", StatutaireNaam: "De Korrel BV"})
	add(2, data.Klant{Bronorganisatie: "002564440", Klantnummer: "K0000003", Bedrijfsnaam: "De Korrel Centrum",
		SubjectType: data.SubjectVestiging, VestigingsNummer: "000012345678", Handelsnaam: []string{"De Korrel"}})
	add(3, data.Klant{Bronorganisatie: "002220647", Klantnummer: "K0000004", Achternaam: "Pietersen",
		SubjectType: data.SubjectNatuurlijkPersoon, InpBsn: "999993653", AnpIdentificatie: "ANP-1", Geboortedatum: "1955-01-02"})
	add(4, data.Klant{Bronorganisatie: "002220647", Klantnummer: "K0000005", Achternaam: "Verwijderd",
		SubjectType: data.SubjectNatuurlijkPersoon, InpBsn: "123456782", Deleted: true})
	for i := 0; i < fillers; i++ {
		add(uint64(100+i), data.Klant{Bronorganisatie: "001005650", Klantnummer: fmt.Sprintf("F%07d", i),
			Subject: fmt.Sprintf("https://brp.example/ingeschrevenpersonen/%09d", i)})
	}
	// A klant owned by another instance must stay invisible here.
	other := data.MakeUUID(1, "klant", 999)
	d.Klanten.Add(other, uint8(topo.Index("verzoeken")), data.Klant{UUID: other, Bronorganisatie: "002220647", Klantnummer: "X"})

	store := data.NewStore(d, topo, bases)
	e := &provider.Env{Inst: inst, Spec: topo[ki], BaseURL: bases[ki], Store: store}
	r := chi.NewRouter()
	r.NotFound(func(w http.ResponseWriter, r *http.Request) { provider.NotFound(w) })
	r.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) { provider.MethodNotAllowed(w) })
	r.Use(testAuth)
	r.Route(topo[ki].BasePath(), func(r chi.Router) { Routes(e, r) })
	handler = r
	return &fixture{t: t, spec: spec, srv: srv, store: store, base: bases[ki], inst: inst}
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

func (f *fixture) url(path string) string { return f.base + path }

func (f *fixture) do(method, target string, body any, hdr ...string) *spectest.Exchange {
	f.t.Helper()
	if !strings.HasPrefix(target, "http") {
		target = f.url(target)
	}
	var rd *bytes.Reader
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
	var req *http.Request
	var err error
	if rd != nil {
		req, err = http.NewRequest(method, target, rd)
		req.Header.Set("Content-Type", "application/json")
	} else {
		req, err = http.NewRequest(method, target, nil)
	}
	if err != nil {
		f.t.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	return f.spec.Do(f.t, f.srv.Client(), req)
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

func (f *fixture) list(query string) (page, []map[string]any) {
	f.t.Helper()
	ex := f.do("GET", "/klanten"+query, nil)
	expectStatus(f.t, ex, 200)
	p := decode[page](f.t, ex)
	var items []map[string]any
	for _, r := range p.Results {
		var m map[string]any
		_ = json.Unmarshal(r, &m)
		items = append(items, m)
	}
	return p, items
}

func (f *fixture) klantURL(seq uint64) string {
	return f.url("/klanten/" + data.MakeUUID(1, "klant", seq).String())
}

func TestListFiltersAndOrder(t *testing.T) {
	f := newFixture(t)
	p, items := f.list("")
	if p.Count != 4+fillers {
		t.Fatalf("count %d, want %d (deleted and foreign klanten excluded)", p.Count, 4+fillers)
	}
	// Newest first: the last filler leads.
	if got := items[0]["klantnummer"]; got != fmt.Sprintf("F%07d", fillers-1) {
		t.Errorf("first klant %v, want newest", got)
	}
	cases := []struct {
		query string
		want  []string // klantnummers
	}{
		{"?subjectNatuurlijkPersoon__inpBsn=111222333", []string{"K0000001"}},
		{"?subjectNatuurlijkPersoon__inpBsn=123456782", nil},
		{"?subjectNatuurlijkPersoon__anpIdentificatie=ANP-1", []string{"K0000004"}},
		{"?subjectNatuurlijkPersoon__geboortedatum__lt=1970-01-01", []string{"K0000004"}},
		{"?subjectNatuurlijkPersoon__geboortedatum__gte=1955-01-02&subjectType=natuurlijk_persoon", []string{"K0000004", "K0000001"}},
		{"?subjectNatuurlijkPersoon__geboortedatum=1980-05-17", []string{"K0000001"}},
		{"?subjectNietNatuurlijkPersoon__innNnpId=999990019", []string{"K0000002"}},
		{"?subjectVestiging__vestigingsNummer=000012345678", []string{"K0000003"}},
		{"?subject=" + url.QueryEscape("https://brp.example/ingeschrevenpersonen/111222333"), []string{"K0000001"}},
		{"?subjectType=vestiging", []string{"K0000003"}},
		{"?bronorganisatie=002564440", []string{"K0000003"}},
		{"?klantnummer=K0000002", []string{"K0000002"}},
		{"?bedrijfsnaam=" + url.QueryEscape("Bakkerij De Korrel BV"), []string{"K0000002"}},
		{"?functie=eigenaar", []string{"K0000002"}},
		{"?achternaam=Pietersen", []string{"K0000004"}},
		{"?telefoonnummer=0612345678", []string{"K0000001"}},
		{"?emailadres=jan@example.nl", []string{"K0000001"}},
		{"?adres__straatnaam=Kerkstraat&adres__postcode=1234AB&adres__woonplaatsNaam=Utrecht&adres__landcode=6030", []string{"K0000001"}},
		{"?adres__woonplaatsNaam=Amsterdam", nil},
		{"?unknownParam=1&klantnummer=K0000004", []string{"K0000004"}},
	}
	for _, c := range cases {
		p, items := f.list(c.query)
		var got []string
		for _, it := range items {
			got = append(got, it["klantnummer"].(string))
		}
		if p.Count != len(c.want) || strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("%s: got %v (count %d), want %v", c.query, got, p.Count, c.want)
		}
	}
	ex := f.do("GET", "/klanten?subjectType=bedrijf", nil)
	expectStatus(t, ex, 400)
	if !strings.Contains(string(ex.Body), `"invalid_choice"`) {
		t.Errorf("bad subjectType: %s", ex.Body)
	}
}

func TestPaginationWalk(t *testing.T) {
	f := newFixture(t)
	next := f.url("/klanten")
	seen := map[string]bool{}
	pages := 0
	for next != "" {
		ex := f.do("GET", next, nil)
		expectStatus(t, ex, 200)
		p := decode[page](t, ex)
		pages++
		if pages == 2 && (p.Previous == nil || strings.Contains(*p.Previous, "page=")) {
			t.Errorf("page 2 previous = %v, want link to page 1 without page param", p.Previous)
		}
		for _, r := range p.Results {
			var k klantJSON
			_ = json.Unmarshal(r, &k)
			if seen[k.URL] {
				t.Fatalf("duplicate %s", k.URL)
			}
			seen[k.URL] = true
		}
		next = ""
		if p.Next != nil {
			next = *p.Next
		}
	}
	if pages != 2 || len(seen) != 4+fillers {
		t.Fatalf("walked %d pages, %d klanten", pages, len(seen))
	}
}

func TestDetailETagAndErrors(t *testing.T) {
	f := newFixture(t)
	ex := f.do("GET", f.klantURL(0), nil)
	expectStatus(t, ex, 200)
	k := decode[map[string]any](t, ex)
	if k["url"] != f.klantURL(0) || k["subjectType"] != "natuurlijk_persoon" {
		t.Fatalf("detail: %s", ex.Body)
	}
	si := k["subjectIdentificatie"].(map[string]any)
	if si["inpBsn"] != "111222333" || si["voorletters"] != "J.P." || si["geslachtsaanduiding"] != "m" ||
		si["voorvoegselGeslachtsnaam"] != "van" || si["verblijfsadres"] != nil {
		t.Errorf("subjectIdentificatie: %v", si)
	}
	adres := k["adres"].(map[string]any)
	if adres["woonplaatsnaam"] != "Utrecht" || adres["huisnummer"] != float64(12) {
		t.Errorf("adres: %v", adres)
	}
	etag := ex.Header.Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	ex = f.do("GET", f.klantURL(0), nil, "If-None-Match", `"other", `+etag)
	expectStatus(t, ex, 304)
	if len(ex.Body) != 0 {
		t.Errorf("304 with body")
	}
	ex = f.do("GET", f.klantURL(0), nil, "If-None-Match", `"other"`)
	expectStatus(t, ex, 200)

	// NNP and vestiging render their own subjectIdentificatie.
	k = decode[map[string]any](t, f.do("GET", f.klantURL(1), nil))
	if si := k["subjectIdentificatie"].(map[string]any); si["innNnpId"] != "999990019" || si["statutaireNaam"] != "De Korrel BV" {
		t.Errorf("nnp: %v", si)
	}
	if k["adres"] != nil {
		t.Errorf("adres %v, want null", k["adres"])
	}
	k = decode[map[string]any](t, f.do("GET", f.klantURL(2), nil))
	if si := k["subjectIdentificatie"].(map[string]any); si["vestigingsNummer"] != "000012345678" {
		t.Errorf("vestiging: %v", si)
	}
	k = decode[map[string]any](t, f.do("GET", f.klantURL(100), nil))
	if _, ok := k["subjectIdentificatie"]; ok || k["subjectType"] != nil {
		t.Errorf("untyped klant: %v", k)
	}

	expectStatus(t, f.do("GET", f.klantURL(4), nil), 404)                       // deleted
	expectStatus(t, f.do("GET", f.klantURL(999), nil), 404)                     // other instance
	expectStatus(t, f.do("GET", "/klanten/"+form.NewUUID().String(), nil), 404) // unknown
	expectStatus(t, f.do("GET", f.klantURL(0), nil, "X-Test-Scopes", "zaken.lezen"), 403)
	expectStatus(t, f.do("GET", "/klanten", nil, "X-Test-Scopes", "klanten.aanmaken"), 403)
}

func TestWrites(t *testing.T) {
	f := newFixture(t)
	good := map[string]any{
		"bronorganisatie": "002220647", "klantnummer": "N0001", "achternaam": "Bakker", "emailadres": "b@example.nl",
		"subjectType": "natuurlijk_persoon",
		"subjectIdentificatie": map[string]any{"inpBsn": "999991772", "geslachtsnaam": "Bakker", "voornamen": "Els",
			"inpANummer":     "1234567890",
			"verblijfsadres": map[string]any{"aoaIdentificatie": "0344200000123456", "gorOpenbareRuimteNaam": "Dorpsstraat", "aoaHuisnummer": 3}},
		"adres": map[string]any{"straatnaam": "Dorpsstraat", "huisnummer": 3},
	}
	expectStatus(t, f.do("POST", "/klanten", good, "X-Test-Scopes", "klanten.lezen"), 403)
	ex := f.do("POST", "/klanten", good)
	expectStatus(t, ex, 201)
	created := decode[map[string]any](t, ex)
	loc := ex.Header.Get("Location")
	if loc == "" || loc != created["url"] {
		t.Fatalf("Location %q vs url %v", loc, created["url"])
	}
	si := created["subjectIdentificatie"].(map[string]any)
	if si["inpBsn"] != "999991772" || si["inpANummer"] != "1234567890" || si["voorletters"] != "E." ||
		si["verblijfsadres"].(map[string]any)["gorOpenbareRuimteNaam"] != "Dorpsstraat" {
		t.Errorf("created subjectIdentificatie: %v", si)
	}
	// Found by the reverse lookup.
	p, _ := f.list("?subjectNatuurlijkPersoon__inpBsn=999991772")
	if p.Count != 1 {
		t.Fatalf("created klant not found by bsn: %d", p.Count)
	}
	p, _ = f.list("?subjectNatuurlijkPersoon__inpA_nummer=1234567890")
	if p.Count != 1 {
		t.Fatalf("created klant not found by a-nummer: %d", p.Count)
	}

	bad := []struct {
		body  any
		names []string
		codes []string
	}{
		{map[string]any{"klantnummer": "N2"}, []string{"bronorganisatie"}, []string{"required"}},
		{map[string]any{"bronorganisatie": "123456789", "klantnummer": "N2", "subject": "https://x.example/1"}, []string{"bronorganisatie"}, []string{"invalid"}},
		{map[string]any{"bronorganisatie": "002220647", "klantnummer": "N23456789", "subject": "https://x.example/1"}, []string{"klantnummer"}, []string{"max_length"}},
		{map[string]any{"bronorganisatie": "002220647", "klantnummer": "N2", "subjectType": "bedrijf", "subject": "https://x.example/1"}, []string{"subjectType"}, []string{"invalid_choice"}},
		{map[string]any{"bronorganisatie": "002220647", "klantnummer": "N2", "emailadres": "geen-mail", "subject": "https://x.example/1"}, []string{"emailadres"}, []string{"invalid"}},
		{map[string]any{"bronorganisatie": "002220647", "klantnummer": "N2"}, []string{"nonFieldErrors"}, []string{"invalid-subject"}},
		{map[string]any{"bronorganisatie": "002220647", "klantnummer": "N2", "subjectType": "natuurlijk_persoon",
			"subjectIdentificatie": map[string]any{"geslachtsaanduiding": "x", "verblijfsadres": map[string]any{"aoaIdentificatie": "1"}}},
			[]string{"subjectIdentificatie.geslachtsaanduiding", "subjectIdentificatie.verblijfsadres.gorOpenbareRuimteNaam"},
			[]string{"invalid_choice", "required"}},
		{map[string]any{"bronorganisatie": "002220647", "klantnummer": "N2", "subject": "https://x.example/1",
			"adres": map[string]any{"huisnummer": 100000, "postcode": "12345678"}},
			[]string{"adres.postcode", "adres.huisnummer"}, []string{"max_length", "max_value"}},
		{`[1,2]`, []string{"nonFieldErrors"}, []string{"invalid"}},
	}
	for i, c := range bad {
		ex := f.do("POST", "/klanten", c.body)
		expectStatus(t, ex, 400)
		pr := decode[provider.Problem](t, ex)
		if len(pr.InvalidParams) != len(c.names) {
			t.Errorf("case %d: invalidParams %+v, want %v", i, pr.InvalidParams, c.names)
			continue
		}
		for j, ip := range pr.InvalidParams {
			if ip.Name != c.names[j] || ip.Code != c.codes[j] {
				t.Errorf("case %d: got %s/%s, want %s/%s", i, ip.Name, ip.Code, c.names[j], c.codes[j])
			}
		}
	}
	expectStatus(t, f.do("POST", "/klanten", `{"bronorganisatie":`), 400)
	// Wrong content type.
	req, _ := http.NewRequest("POST", f.url("/klanten"), strings.NewReader("x=1"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	expectStatus(t, f.spec.Do(t, f.srv.Client(), req), 415)

	// PATCH changes one field and keeps the rest.
	u := created["url"].(string)
	ex = f.do("PATCH", u, map[string]any{"telefoonnummer": "0201234567", "subjectIdentificatie": map[string]any{"voornamen": "Elsa"}})
	expectStatus(t, ex, 200)
	upd := decode[map[string]any](t, ex)
	si = upd["subjectIdentificatie"].(map[string]any)
	if upd["telefoonnummer"] != "0201234567" || upd["achternaam"] != "Bakker" || si["voornamen"] != "Elsa" || si["inpBsn"] != "999991772" {
		t.Errorf("patched: %s", ex.Body)
	}
	ex = f.do("PATCH", u, map[string]any{"subjectType": "vestiging"})
	expectStatus(t, ex, 400)
	if pr := decode[provider.Problem](t, ex); len(pr.InvalidParams) != 1 || pr.InvalidParams[0].Code != "wijzigen-niet-toegelaten" {
		t.Errorf("subjectType change: %s", ex.Body)
	}
	// PUT requires the required fields.
	ex = f.do("PUT", u, map[string]any{"achternaam": "X"})
	expectStatus(t, ex, 400)
	ex = f.do("PUT", u, map[string]any{"bronorganisatie": "002564440", "klantnummer": "N0001", "achternaam": "Smit"})
	expectStatus(t, ex, 200)
	if got := decode[map[string]any](t, ex); got["achternaam"] != "Smit" || got["bronorganisatie"] != "002564440" {
		t.Errorf("put: %s", ex.Body)
	}
	expectStatus(t, f.do("PUT", u, map[string]any{}, "X-Test-Scopes", "klanten.lezen"), 403)
	expectStatus(t, f.do("PATCH", "/klanten/"+form.NewUUID().String(), map[string]any{}), 404)

	// DELETE hides the klant everywhere.
	expectStatus(t, f.do("DELETE", u, nil, "X-Test-Scopes", "klanten.bijwerken"), 403)
	expectStatus(t, f.do("DELETE", u, nil), 204)
	expectStatus(t, f.do("GET", u, nil), 404)
	expectStatus(t, f.do("DELETE", u, nil), 404)
	p, _ = f.list("?subjectNatuurlijkPersoon__inpBsn=999991772")
	if p.Count != 0 {
		t.Errorf("deleted klant still listed")
	}
}
