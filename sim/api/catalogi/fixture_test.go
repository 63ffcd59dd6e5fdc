package catalogi

import (
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

// fixture serves catalogi-a of the default topology over a small hand-made
// dataset: two catalogussen with zaaktypen and their sub-types, filler
// zaaktypen for pagination, and a catalogus with a zaaktype in catalogi-b
// that catalogi-a must not show.
type fixture struct {
	t     *testing.T
	spec  *spectest.Spec
	srv   *httptest.Server
	store *data.Store
	base  string
	inst  uint8
	other uint8
}

const (
	fillers = 101 // filler zaaktypen: with the 3 real ones more than a default page
	seed    = 7
)

func day(s string) data.Date {
	d, ok := render.ParseDate(s)
	if !ok {
		panic(s)
	}
	return d
}

func uuidOf(kind string, n uint64) data.UUID { return data.MakeUUID(seed, kind, n) }

func newFixture(t *testing.T) *fixture {
	t.Helper()
	spec := spectest.Load(t, "catalogi-1.3.1.yaml")
	var handler http.Handler
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { handler.ServeHTTP(w, r) }))
	t.Cleanup(srv.Close)
	topo := data.Topology(data.DefaultTopology())
	bases := make([]string, len(topo))
	for i, s := range topo {
		bases[i] = "http://" + s.Name + ".test" + s.BasePath()
	}
	ci := topo.Index("catalogi-a")
	bases[ci] = srv.URL + topo[ci].BasePath()
	inst, other := uint8(ci), uint8(topo.Index("catalogi-b"))

	d := &data.Data{Seed: seed}
	addCat := func(n uint64, in uint8, c data.Catalogus) data.Ref {
		c.UUID, c.Inst = uuidOf("catalogus", n), in
		return d.Catalogussen.Add(c.UUID, in, c)
	}
	cat1 := addCat(0, inst, data.Catalogus{Domein: "ZAKEN", RSIN: "002220647", Naam: "Zaaktypen gemeente", ContactpersoonBeheerNaam: "Beheer"})
	cat2 := addCat(1, inst, data.Catalogus{Domein: "SOC", RSIN: "001005650", Naam: "Sociaal domein", ContactpersoonBeheerNaam: "Sociaal"})
	catB := addCat(2, other, data.Catalogus{Domein: "ZAKEN", RSIN: "002564440", Naam: "Systeem B", ContactpersoonBeheerNaam: "B"})

	addIOT := func(n uint64, in uint8, t data.InformatieObjectType) data.Ref {
		t.UUID, t.Inst = uuidOf("iot", n), in
		return d.InformatieObjectTypen.Add(t.UUID, in, t)
	}
	iotAanvraag := addIOT(0, inst, data.InformatieObjectType{Catalogus: cat1, Omschrijving: "Aanvraag", Vertrouwelijkheid: data.Zaakvertrouwelijk,
		Informatieobjectcategorie: "aanvraag", BeginGeldigheid: day("2020-01-01")})
	iotBesluit := addIOT(1, inst, data.InformatieObjectType{Catalogus: cat1, Omschrijving: "Besluit op aanvraag", Vertrouwelijkheid: data.Openbaar,
		Informatieobjectcategorie: "besluit", BeginGeldigheid: day("2020-01-01")})
	iotNotitie := addIOT(2, inst, data.InformatieObjectType{Catalogus: cat2, Omschrijving: "Gespreksnotitie", Vertrouwelijkheid: data.Intern,
		Informatieobjectcategorie: "notitie", BeginGeldigheid: day("2022-06-01")})
	addIOT(3, other, data.InformatieObjectType{Catalogus: catB, Omschrijving: "Aanvraag", Informatieobjectcategorie: "aanvraag", BeginGeldigheid: day("2020-01-01")})

	addZT := func(n uint64, in uint8, z data.ZaakType) data.Ref {
		z.UUID, z.Inst = uuidOf("zaaktype", n), in
		return d.ZaakTypen.Add(z.UUID, in, z)
	}
	ztParkeer := addZT(0, inst, data.ZaakType{Catalogus: cat1, Identificatie: "ZT-PARKEER", Omschrijving: "Parkeervergunning aanvragen",
		Doel: "Vergunning verlenen", Aanleiding: "Aanvraag", Onderwerp: "Parkeren", HandelingInitiator: "Aanvragen", HandelingBehandelaar: "Behandelen",
		IndicatieInternOfExtern: "extern", Doorlooptijd: "P8W", Vertrouwelijkheid: data.Zaakvertrouwelijk,
		BeginGeldigheid: day("2020-01-01"), Versiedatum: day("2021-03-01"), Trefwoorden: []string{"parkeren", "vergunning"},
		ProductenOfDiensten: []string{"https://pdc.example/producten/1"}, Informatieobjecttypen: []data.Ref{iotAanvraag, iotBesluit}})
	ztBijstand := addZT(1, inst, data.ZaakType{Catalogus: cat2, Identificatie: "ZT-BIJSTAND", Omschrijving: "Aanvraag bijstandsuitkering",
		Doel: "Uitkering", Aanleiding: "Aanvraag", Onderwerp: "Bijstand", HandelingInitiator: "Aanvragen", HandelingBehandelaar: "Beoordelen",
		IndicatieInternOfExtern: "extern", Doorlooptijd: "P13W", Vertrouwelijkheid: data.Vertrouwelijk,
		BeginGeldigheid: day("2023-01-01"), Trefwoorden: []string{"bijstand"}, Informatieobjecttypen: []data.Ref{iotNotitie}})
	ztKlacht := addZT(2, inst, data.ZaakType{Catalogus: cat1, Identificatie: "ZT-KLACHT", Omschrijving: "Klacht behandelen",
		Doel: "Klacht", Aanleiding: "Klacht", Onderwerp: "Klachten", HandelingInitiator: "Indienen", HandelingBehandelaar: "Behandelen",
		IndicatieInternOfExtern: "extern", Doorlooptijd: "P6W", Vertrouwelijkheid: data.Openbaar, BeginGeldigheid: day("2019-05-01")})
	// The notitie type also names the klacht zaaktype from its own side.
	d.InformatieObjectTypen.Get(iotNotitie).Zaaktypen = []data.Ref{ztKlacht}
	ztB := addZT(3, other, data.ZaakType{Catalogus: catB, Identificatie: "ZT-PARKEER", Omschrijving: "Parkeervergunning (B)",
		Doorlooptijd: "P8W", BeginGeldigheid: day("2020-01-01")})
	for i := 0; i < fillers; i++ {
		addZT(uint64(100+i), inst, data.ZaakType{Catalogus: cat2, Identificatie: fmt.Sprintf("ZT-F%03d", i), Omschrijving: fmt.Sprintf("Filler %d", i),
			Doorlooptijd: "P1W", BeginGeldigheid: day("2024-01-01")})
	}

	zt := func(r data.Ref) *data.ZaakType { return d.ZaakTypen.Get(r) }
	addST := func(n uint64, in uint8, s data.StatusType) {
		s.UUID, s.Inst = uuidOf("statustype", n), in
		ref := d.StatusTypen.Add(s.UUID, in, s)
		zt(s.Zaaktype).Statustypen = append(zt(s.Zaaktype).Statustypen, ref)
	}
	addST(0, inst, data.StatusType{Zaaktype: ztParkeer, Omschrijving: "Ontvangen", Volgnummer: 1, Statustekst: "Uw aanvraag is ontvangen", Informeren: true})
	addST(1, inst, data.StatusType{Zaaktype: ztParkeer, Omschrijving: "In behandeling", Volgnummer: 2})
	addST(2, inst, data.StatusType{Zaaktype: ztParkeer, Omschrijving: "Afgerond", Volgnummer: 3, IsEindstatus: true})
	addST(3, inst, data.StatusType{Zaaktype: ztBijstand, Omschrijving: "Ontvangen", Volgnummer: 1})
	addST(4, inst, data.StatusType{Zaaktype: ztBijstand, Omschrijving: "Besloten", Volgnummer: 2, IsEindstatus: true})
	addST(5, other, data.StatusType{Zaaktype: ztB, Omschrijving: "Ontvangen", Volgnummer: 1})

	addRT := func(n uint64, in uint8, r data.ResultaatType) {
		r.UUID, r.Inst = uuidOf("resultaattype", n), in
		ref := d.ResultaatTypen.Add(r.UUID, in, r)
		zt(r.Zaaktype).Resultaattypen = append(zt(r.Zaaktype).Resultaattypen, ref)
	}
	addRT(0, inst, data.ResultaatType{Zaaktype: ztParkeer, Omschrijving: "Verleend", OmschrijvingGeneriek: "Verleend",
		ResultaattypeOmschrijving: "https://selectielijst.example/api/v1/resultaattypeomschrijvingen/1",
		Selectielijstklasse:       "https://selectielijst.example/api/v1/resultaten/1", Archiefnominatie: "vernietigen", Archiefactietermijn: "P10Y"})
	addRT(1, inst, data.ResultaatType{Zaaktype: ztParkeer, Omschrijving: "Geweigerd", Archiefnominatie: "blijvend_bewaren"})
	addRT(2, inst, data.ResultaatType{Zaaktype: ztBijstand, Omschrijving: "Toegekend", Archiefnominatie: "vernietigen", Archiefactietermijn: "P5Y"})

	addRol := func(n uint64, in uint8, r data.RolType) {
		r.UUID, r.Inst = uuidOf("roltype", n), in
		ref := d.RolTypen.Add(r.UUID, in, r)
		zt(r.Zaaktype).Roltypen = append(zt(r.Zaaktype).Roltypen, ref)
	}
	addRol(0, inst, data.RolType{Zaaktype: ztParkeer, Omschrijving: "Aanvrager", OmschrijvingGeneriek: "initiator"})
	addRol(1, inst, data.RolType{Zaaktype: ztParkeer, Omschrijving: "Behandelaar", OmschrijvingGeneriek: "behandelaar"})
	addRol(2, inst, data.RolType{Zaaktype: ztBijstand, Omschrijving: "Aanvrager", OmschrijvingGeneriek: "initiator"})
	addRol(3, inst, data.RolType{Zaaktype: ztKlacht, Omschrijving: "Klager", OmschrijvingGeneriek: "belanghebbende"})
	addRol(4, other, data.RolType{Zaaktype: ztB, Omschrijving: "Aanvrager", OmschrijvingGeneriek: "initiator"})

	addEig := func(n uint64, in uint8, e data.Eigenschap) {
		e.UUID, e.Inst = uuidOf("eigenschap", n), in
		ref := d.Eigenschappen.Add(e.UUID, in, e)
		zt(e.Zaaktype).Eigenschappen = append(zt(e.Zaaktype).Eigenschappen, ref)
	}
	addEig(0, inst, data.Eigenschap{Zaaktype: ztParkeer, Naam: "kenteken", Definitie: "Kenteken van het voertuig", Formaat: "tekst", Lengte: "8", Kardinaliteit: "1"})
	addEig(1, inst, data.Eigenschap{Zaaktype: ztBijstand, Naam: "inkomen", Definitie: "Maandinkomen", Formaat: "getal", Lengte: "10", Kardinaliteit: "1"})

	store := data.NewStore(d, topo, bases)
	e := &provider.Env{Inst: inst, Spec: topo[ci], BaseURL: bases[ci], Store: store}
	r := chi.NewRouter()
	r.NotFound(func(w http.ResponseWriter, r *http.Request) { provider.NotFound(w) })
	r.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) { provider.MethodNotAllowed(w) })
	r.Use(testAuth)
	r.Route(topo[ci].BasePath(), func(r chi.Router) { Routes(e, r) })
	handler = r
	return &fixture{t: t, spec: spec, srv: srv, store: store, base: bases[ci], inst: inst, other: other}
}

// testAuth puts a client in the context; X-Test-Scopes narrows its scopes.
func testAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := &provider.Client{ID: "test", Scopes: []string{"*"}, MaxVertrouwelijkheid: data.ZeerGeheim}
		if s := r.Header.Get("X-Test-Scopes"); s != "" {
			c.Scopes = strings.Split(s, ",")
		}
		w.Header().Set("API-version", "1.3.1")
		next.ServeHTTP(w, r.WithContext(provider.WithClient(r.Context(), c)))
	})
}

func (f *fixture) url(path string) string { return f.base + path }

// objURL is the URL of a fixture object served by catalogi-a.
func (f *fixture) objURL(coll, kind string, n uint64) string {
	return f.url("/" + coll + "/" + uuidOf(kind, n).String())
}

// do performs a request, validated against the specification.
func (f *fixture) do(method, target string, hdr ...string) *spectest.Exchange {
	f.t.Helper()
	if !strings.HasPrefix(target, "http") {
		target = f.url(target)
	}
	req, err := http.NewRequest(method, target, nil)
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

// list fetches one page of a list and decodes its results.
func (f *fixture) list(path string) (page, []map[string]any) {
	f.t.Helper()
	ex := f.do("GET", path)
	expectStatus(f.t, ex, 200)
	p := decode[page](f.t, ex)
	items := make([]map[string]any, 0, len(p.Results))
	for _, r := range p.Results {
		var m map[string]any
		if err := json.Unmarshal(r, &m); err != nil {
			f.t.Fatal(err)
		}
		items = append(items, m)
	}
	return p, items
}

// field collects one string field of every item.
func field(items []map[string]any, name string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i], _ = it[name].(string)
	}
	return out
}

func strList(v any) []string {
	arr, _ := v.([]any)
	out := make([]string, len(arr))
	for i, x := range arr {
		out[i], _ = x.(string)
	}
	return out
}
