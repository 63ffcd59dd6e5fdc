package documenten

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/provider"
	"github.com/klantgraaf/klantgraaf/sim/render"
	"github.com/klantgraaf/klantgraaf/sim/spectest"
)

// fixture serves documenten-a of the default topology over a small
// hand-made dataset: documents of several formats and confidentiality
// levels with their types in catalogi-a, links to zaken of zaken-a and to
// verzoeken, filler documents for pagination, and a document with a link in
// documenten-b that documenten-a must not show. The test client's ceiling
// is vertrouwelijk unless X-Test-Max says otherwise.
type fixture struct {
	t     *testing.T
	spec  *spectest.Spec
	srv   *httptest.Server
	store *data.Store
	base  string
	bases []string
	topo  data.Topology
	inst  uint8
}

const (
	fillers = 120
	seed    = 11
)

func uuidOf(kind string, n uint64) data.UUID { return data.MakeUUID(seed, kind, n) }

func day(s string) data.Date {
	d, ok := render.ParseDate(s)
	if !ok {
		panic(s)
	}
	return d
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	spec := spectest.Load(t, "documenten-1.4.2.yaml")
	var handler http.Handler
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { handler.ServeHTTP(w, r) }))
	t.Cleanup(srv.Close)
	topo := data.Topology(data.DefaultTopology())
	bases := make([]string, len(topo))
	for i, s := range topo {
		bases[i] = "http://" + s.Name + ".test" + s.BasePath()
	}
	di := topo.Index("documenten-a")
	bases[di] = srv.URL + topo[di].BasePath()
	inst := uint8(di)
	idx := func(name string) uint8 { return uint8(topo.Index(name)) }

	d := &data.Data{Seed: seed}
	cu := uuidOf("catalogus", 0)
	cat := d.Catalogussen.Add(cu, idx("catalogi-a"), data.Catalogus{UUID: cu, Inst: idx("catalogi-a"), Domein: "ZAKEN", RSIN: "002220647"})
	addIOT := func(n uint64, omschrijving string, v data.Vertrouwelijkheid) data.Ref {
		u := uuidOf("iot", n)
		return d.InformatieObjectTypen.Add(u, idx("catalogi-a"), data.InformatieObjectType{UUID: u, Inst: idx("catalogi-a"), Catalogus: cat,
			Omschrijving: omschrijving, Vertrouwelijkheid: v, Informatieobjectcategorie: "document", BeginGeldigheid: day("2020-01-01")})
	}
	iotAanvraag := addIOT(0, "Aanvraag", data.Openbaar)
	iotBesluit := addIOT(1, "Besluit", data.Zaakvertrouwelijk)

	addZaak := func(n uint64, in uint8) data.Ref {
		u := uuidOf("zaak", n)
		return d.Zaken.Add(u, in, data.Zaak{UUID: u, Inst: in, Identificatie: fmt.Sprintf("ZAAK-%d", n), Bronorganisatie: "002220647",
			Zaaktype: data.NoRef, Status: data.NoRef, Resultaat: data.NoRef, Hoofdzaak: data.NoRef})
	}
	zaak0 := addZaak(0, idx("zaken-a"))
	zaak1 := addZaak(1, idx("zaken-a"))
	zaakB := addZaak(2, idx("zaken-b"))
	addVerzoek := func(n uint64, deleted bool) data.Ref {
		u := uuidOf("verzoek", n)
		return d.Verzoeken.Add(u, idx("verzoeken"), data.Verzoek{UUID: u, Inst: idx("verzoeken"), Identificatie: fmt.Sprintf("VRZ-%d", n),
			Bronorganisatie: "002220647", InTeTrekkenVerzoek: data.NoRef, AangevuldeVerzoek: data.NoRef, Deleted: deleted})
	}
	verzoek0 := addVerzoek(0, false)
	verzoekWeg := addVerzoek(1, true)

	addEIO := func(n uint64, in uint8, e data.EnkelvoudigInformatieObject) data.Ref {
		e.UUID, e.Inst = uuidOf("eio", n), in
		return d.InformatieObjecten.Add(e.UUID, in, e)
	}
	eio0 := addEIO(0, inst, data.EnkelvoudigInformatieObject{Identificatie: "DOC-2024-0001", Bronorganisatie: "002220647", Creatiedatum: day("2024-01-10"),
		Titel: "Aanvraag parkeervergunning Café (Noord)", Vertrouwelijkheid: data.Openbaar, Auteur: "J. Jansen", Status: "definitief",
		Formaat: "application/pdf", Taal: "dut", Versie: 1, BeginRegistratie: data.DateTime(1704880800), Bestandsnaam: "aanvraag.pdf",
		Bestandsomvang: 5000, Beschrijving: "Aanvraagformulier met bijlagen", Informatieobjecttype: iotAanvraag, Trefwoorden: []string{"parkeren", "aanvraag"}})
	eio1 := addEIO(1, inst, data.EnkelvoudigInformatieObject{Identificatie: "DOC-2024-0002", Bronorganisatie: "002220647", Creatiedatum: day("2024-02-01"),
		Titel: "Besluit parkeervergunning", Vertrouwelijkheid: data.Zaakvertrouwelijk, Auteur: "Gemeente Utrecht", Status: "definitief",
		Formaat: "application/pdf", Versie: 2, Bestandsnaam: "besluit.pdf", Bestandsomvang: 10, Informatieobjecttype: iotBesluit,
		Trefwoorden: []string{"parkeren", "besluit"}})
	eio2 := addEIO(2, inst, data.EnkelvoudigInformatieObject{Identificatie: "DOC-2024-0003", Bronorganisatie: "001005650", Creatiedatum: day("2024-03-05"),
		Titel: "Gespreksnotitie intake", Vertrouwelijkheid: data.Vertrouwelijk, Auteur: "P. de Vries", Status: "in_bewerking",
		Formaat: "text/plain", Taal: "dut", Versie: 1, Bestandsnaam: "notitie.txt", Bestandsomvang: 2048,
		Beschrijving: strings.Repeat("Verslag van het intakegesprek met de aanvrager over de situatie thuis. ", 6), Informatieobjecttype: iotAanvraag})
	eio3 := addEIO(3, inst, data.EnkelvoudigInformatieObject{Identificatie: "DOC-2024-0004", Bronorganisatie: "002220647", Creatiedatum: day("2024-03-06"),
		Titel: "Geheim rapport", Vertrouwelijkheid: data.Geheim, Auteur: "Recherche", Formaat: "application/pdf", Versie: 1,
		Bestandsnaam: "rapport.pdf", Informatieobjecttype: iotBesluit})
	eioB := addEIO(4, idx("documenten-b"), data.EnkelvoudigInformatieObject{Identificatie: "DOC-B-0001", Bronorganisatie: "002220647",
		Creatiedatum: day("2024-01-01"), Titel: "Aanvraag (B)", Vertrouwelijkheid: data.Openbaar, Auteur: "B", Formaat: "application/pdf", Versie: 1,
		Informatieobjecttype: iotAanvraag})
	// Fillers; the first two are pictures.
	for i := 0; i < fillers; i++ {
		formaat, ext, size := "text/plain", "txt", int64(0)
		switch i {
		case 0:
			formaat, ext, size = "image/png", "png", 30000
		case 1:
			formaat, ext, size = "image/jpeg", "jpg", 200000
		}
		addEIO(uint64(100+i), inst, data.EnkelvoudigInformatieObject{Identificatie: fmt.Sprintf("DOC-F%04d", i), Bronorganisatie: "001005650",
			Creatiedatum: day("2023-06-01") + data.Date(i), Titel: fmt.Sprintf("Bijlage %03d", i), Vertrouwelijkheid: data.Openbaar,
			Auteur: "Archief", Formaat: formaat, Versie: 1, Bestandsnaam: fmt.Sprintf("bijlage-%03d.%s", i, ext), Bestandsomvang: size,
			Informatieobjecttype: iotAanvraag})
	}

	addOIO := func(n uint64, in uint8, o data.ObjectInformatieObject) {
		o.UUID, o.Inst = uuidOf("oio", n), in
		d.ObjectInformatieObjecten.Add(o.UUID, in, o)
	}
	addOIO(0, inst, data.ObjectInformatieObject{Informatieobject: eio0, ObjectType: "zaak", Object: zaak0})
	addOIO(1, inst, data.ObjectInformatieObject{Informatieobject: eio1, ObjectType: "zaak", Object: zaak0})
	addOIO(2, inst, data.ObjectInformatieObject{Informatieobject: eio2, ObjectType: "verzoek", Object: verzoek0})
	addOIO(3, inst, data.ObjectInformatieObject{Informatieobject: eio3, ObjectType: "zaak", Object: zaak0})
	addOIO(4, inst, data.ObjectInformatieObject{Informatieobject: eio0, ObjectType: "zaak", Object: zaak1, Deleted: true})
	addOIO(5, inst, data.ObjectInformatieObject{Informatieobject: eio2, ObjectType: "verzoek", Object: verzoekWeg})
	addOIO(6, idx("documenten-b"), data.ObjectInformatieObject{Informatieobject: eioB, ObjectType: "zaak", Object: zaakB})

	store := data.NewStore(d, topo, bases)
	e := &provider.Env{Inst: inst, Spec: topo[di], BaseURL: bases[di], Store: store}
	r := chi.NewRouter()
	r.NotFound(func(w http.ResponseWriter, r *http.Request) { provider.NotFound(w) })
	r.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) { provider.MethodNotAllowed(w) })
	r.Use(testAuth)
	r.Route(topo[di].BasePath(), func(r chi.Router) { Routes(e, r) })
	handler = r
	return &fixture{t: t, spec: spec, srv: srv, store: store, base: bases[di], bases: bases, topo: topo, inst: inst}
}

// testAuth puts a client in the context; X-Test-Scopes narrows its scopes
// and X-Test-Max sets its confidentiality ceiling (default vertrouwelijk).
func testAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := &provider.Client{ID: "test", Scopes: []string{"*"}, MaxVertrouwelijkheid: data.Vertrouwelijk}
		if s := r.Header.Get("X-Test-Scopes"); s != "" {
			c.Scopes = strings.Split(s, ",")
		}
		if s := r.Header.Get("X-Test-Max"); s != "" {
			c.MaxVertrouwelijkheid, _ = data.ParseVertrouwelijkheid(s)
		}
		w.Header().Set("API-version", "1.4.2")
		next.ServeHTTP(w, r.WithContext(provider.WithClient(r.Context(), c)))
	})
}

func (f *fixture) url(path string) string { return f.base + path }

func (f *fixture) eioURL(n uint64) string {
	return f.url("/enkelvoudiginformatieobjecten/" + uuidOf("eio", n).String())
}
func (f *fixture) oioURL(n uint64) string {
	return f.url("/objectinformatieobjecten/" + uuidOf("oio", n).String())
}

// otherURL is the URL of an object served by another instance.
func (f *fixture) otherURL(instance, coll, kind string, n uint64) string {
	return f.bases[f.topo.Index(instance)] + "/" + coll + "/" + uuidOf(kind, n).String()
}

func (f *fixture) request(method, target string, body any, hdr ...string) *http.Request {
	f.t.Helper()
	if !strings.HasPrefix(target, "http") {
		target = f.url(target)
	}
	var req *http.Request
	var err error
	if body != nil {
		var b []byte
		switch v := body.(type) {
		case string:
			b = []byte(v)
		default:
			b, _ = json.Marshal(v)
		}
		req, err = http.NewRequest(method, target, bytes.NewReader(b))
		if err == nil {
			req.Header.Set("Content-Type", "application/json")
		}
	} else {
		req, err = http.NewRequest(method, target, nil)
	}
	if err != nil {
		f.t.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	return req
}

// do performs a request, validated against the specification.
func (f *fixture) do(method, target string, body any, hdr ...string) *spectest.Exchange {
	f.t.Helper()
	return f.spec.Do(f.t, f.srv.Client(), f.request(method, target, body, hdr...))
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

func items(t *testing.T, p page) []map[string]any {
	t.Helper()
	out := make([]map[string]any, 0, len(p.Results))
	for _, r := range p.Results {
		var m map[string]any
		if err := json.Unmarshal(r, &m); err != nil {
			t.Fatal(err)
		}
		out = append(out, m)
	}
	return out
}

// list fetches one page of documents.
func (f *fixture) list(path string, hdr ...string) (page, []map[string]any) {
	f.t.Helper()
	ex := f.do("GET", path, nil, hdr...)
	expectStatus(f.t, ex, 200)
	p := decode[page](f.t, ex)
	return p, items(f.t, p)
}

func field(items []map[string]any, name string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i], _ = it[name].(string)
	}
	return out
}

func problem(t *testing.T, ex *spectest.Exchange) provider.Problem {
	t.Helper()
	return decode[provider.Problem](t, ex)
}
