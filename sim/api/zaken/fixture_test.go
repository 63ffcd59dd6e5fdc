package zaken

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

// Instances of data.DefaultTopology.
const (
	instZakenA           = 0
	instCatalogiA        = 1
	instDocumentenA      = 2
	instZakenB           = 3
	instKlanten          = 6
	instContactmomenten  = 7
	instVerzoeken        = 8
	testBSN              = "111222333"
	testKvK              = "12345678"
	testRSIN             = "123456789"
	testVestiging        = "000012345678"
	testMedewerker       = "mdw-042"
	testOrgEenheid       = "OE-WIJK-NOORD"
	bronorganisatie      = "002220647"
	otherBronorganisatie = "001234567"
)

// Test clients, chosen per request with the X-Test-Client header.
var testClients = map[string]*provider.Client{
	"full":     {ID: "full", Scopes: []string{"*"}, MaxVertrouwelijkheid: data.ZeerGeheim},
	"beperkt":  {ID: "beperkt", Scopes: []string{scopeLezen}, MaxVertrouwelijkheid: data.Zaakvertrouwelijk},
	"none":     {ID: "none", Scopes: nil, MaxVertrouwelijkheid: data.ZeerGeheim},
	"aanmaken": {ID: "aanmaken", Scopes: []string{scopeLezen, scopeAanmaken}, MaxVertrouwelijkheid: data.ZeerGeheim},
	"toevoegen": {ID: "toevoegen", Scopes: []string{scopeLezen, scopeStatussenToevoegen},
		MaxVertrouwelijkheid: data.ZeerGeheim},
	"aanmaken-beperkt": {ID: "aanmaken-beperkt", Scopes: []string{scopeLezen, scopeAanmaken},
		MaxVertrouwelijkheid: data.Zaakvertrouwelijk},
}

// fixture is a small hand-made world: one catalogus with two zaaktypen, a
// handful of zaken in zaken-a (with every kind of sub-resource), one zaak in
// zaken-b and filler zaken for pagination. zaken-a and zaken-b are served
// by two test servers; the other instances have fixed fake hosts.
type fixture struct {
	store  *data.Store
	spec   *spectest.Spec
	client *http.Client
	srvA   *httptest.Server
	srvB   *httptest.Server
	router http.Handler

	// rows by name
	zt1, zt2, st1, st2, st3, st4, rt1, rlt1, rlt2, rlt3, eig1 data.Ref
	doc1, klant1, cm1, cm2, v1, v2                            data.Ref
	z1, z2, z3, z4, z5, zb1                                   data.Ref
	s1, s2, s3, res1, r1, r2, r3, r4, r5, r6, r7, ze1, zio1   data.Ref
	zcm1, zv1, ocm1, ov1                                      data.Ref
	fillers                                                   []data.Ref
}

const numFillers = 57

func day(s string) data.Date {
	d, ok := render.ParseDate(s)
	if !ok {
		panic(s)
	}
	return d
}

func moment(s string) data.DateTime {
	t, ok := render.ParseDateTime(s)
	if !ok {
		panic(s)
	}
	return t
}

var uuidSeq uint64

func nextUUID(kind string) data.UUID {
	uuidSeq++
	return data.MakeUUID(42, kind, uuidSeq)
}

// testMiddleware stands in for the simulator's authentication: it puts the
// chosen test client in the request context and sets API-version.
func testMiddleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := r.Header.Get("X-Test-Client")
		if name == "" {
			name = "full"
		}
		w.Header().Set("API-version", "1.5.1")
		next.ServeHTTP(w, r.WithContext(provider.WithClient(r.Context(), testClients[name])))
	})
}

func newRouter(e *provider.Env) http.Handler {
	r := chi.NewRouter()
	r.Use(testMiddleware)
	r.NotFound(func(w http.ResponseWriter, r *http.Request) { provider.NotFound(w) })
	r.Route(e.Spec.BasePath(), func(r chi.Router) { Routes(e, r) })
	return r
}

func newFixture(t testing.TB) *fixture { return newFixtureN(t, numFillers, false) }

// newFixtureN builds the fixture with n filler zaken; with fillerRollen
// every filler gets a natuurlijk persoon as initiator (one of 500 BSNs).
func newFixtureN(t testing.TB, n int, fillerRollen bool) *fixture {
	t.Helper()
	f := &fixture{}
	f.srvA = httptest.NewUnstartedServer(nil)
	f.srvB = httptest.NewUnstartedServer(nil)
	topo := data.Topology(data.DefaultTopology())
	bases := []string{
		"http://" + f.srvA.Listener.Addr().String() + "/zaken/api/v1",
		"http://catalogi-a.test/catalogi/api/v1",
		"http://documenten-a.test/documenten/api/v1",
		"http://" + f.srvB.Listener.Addr().String() + "/zaken/api/v1",
		"http://catalogi-b.test/catalogi/api/v1",
		"http://documenten-b.test/documenten/api/v1",
		"http://klanten.test/klanten/api/v1",
		"http://contactmomenten.test/contactmomenten/api/v1",
		"http://verzoeken.test/api/v1",
	}
	d := f.build(n, fillerRollen)
	f.store = data.NewStore(d, topo, bases)
	for _, s := range []struct {
		srv  *httptest.Server
		inst uint8
	}{{f.srvA, instZakenA}, {f.srvB, instZakenB}} {
		e := &provider.Env{Inst: s.inst, Spec: topo[s.inst], BaseURL: bases[s.inst], Store: f.store}
		h := newRouter(e)
		if s.inst == instZakenA {
			f.router = h
		}
		s.srv.Config.Handler = h
		s.srv.Start()
	}
	t.Cleanup(f.srvA.Close)
	t.Cleanup(f.srvB.Close)
	f.client = f.srvA.Client()
	return f
}

// build fills the dataset.
func (f *fixture) build(n int, fillerRollen bool) *data.Data {
	d := &data.Data{Seed: 42}
	cat := d.Catalogussen.Add(nextUUID("cat"), instCatalogiA, data.Catalogus{Domein: "ZAKEN", RSIN: bronorganisatie, Naam: "Zaken"})
	f.zt1 = d.ZaakTypen.Add(nextUUID("zt"), instCatalogiA, data.ZaakType{Catalogus: cat, Identificatie: "MOR",
		Omschrijving: "Melding openbare ruimte", Doel: "Herstel", Aanleiding: "Melding", Onderwerp: "Openbare ruimte",
		HandelingInitiator: "Melden", HandelingBehandelaar: "Behandelen", IndicatieInternOfExtern: "extern",
		Doorlooptijd: "P2W", Vertrouwelijkheid: data.Openbaar, BeginGeldigheid: day("2020-01-01"),
		Versiedatum: day("2021-06-01"), Trefwoorden: []string{"melding"}})
	f.zt2 = d.ZaakTypen.Add(nextUUID("zt"), instCatalogiA, data.ZaakType{Catalogus: cat, Identificatie: "BEZ",
		Omschrijving: "Bezwaar", Doel: "Heroverweging", Aanleiding: "Bezwaarschrift", Onderwerp: "Besluit",
		HandelingInitiator: "Indienen", HandelingBehandelaar: "Beslissen", IndicatieInternOfExtern: "extern",
		Doorlooptijd: "P12W", Vertrouwelijkheid: data.Zaakvertrouwelijk, BeginGeldigheid: day("2020-01-01")})
	f.st1 = d.StatusTypen.Add(nextUUID("st"), instCatalogiA, data.StatusType{Zaaktype: f.zt1, Omschrijving: "Ontvangen", Volgnummer: 1})
	f.st2 = d.StatusTypen.Add(nextUUID("st"), instCatalogiA, data.StatusType{Zaaktype: f.zt1, Omschrijving: "Afgehandeld", Volgnummer: 2, IsEindstatus: true})
	f.st3 = d.StatusTypen.Add(nextUUID("st"), instCatalogiA, data.StatusType{Zaaktype: f.zt2, Omschrijving: "Ingediend", Volgnummer: 1})
	f.st4 = d.StatusTypen.Add(nextUUID("st"), instCatalogiA, data.StatusType{Zaaktype: f.zt2, Omschrijving: "Beslist", Volgnummer: 2, IsEindstatus: true})
	f.rt1 = d.ResultaatTypen.Add(nextUUID("rt"), instCatalogiA, data.ResultaatType{Zaaktype: f.zt1, Omschrijving: "Afgehandeld",
		ResultaattypeOmschrijving: "https://selectielijst.test/api/v1/resultaattypeomschrijvingen/1",
		OmschrijvingGeneriek:      "Afgehandeld", Selectielijstklasse: "https://selectielijst.test/api/v1/resultaten/7",
		Archiefnominatie: "vernietigen", Archiefactietermijn: "P1Y"})
	f.rlt1 = d.RolTypen.Add(nextUUID("rlt"), instCatalogiA, data.RolType{Zaaktype: f.zt1, Omschrijving: "Melder", OmschrijvingGeneriek: "initiator"})
	f.rlt2 = d.RolTypen.Add(nextUUID("rlt"), instCatalogiA, data.RolType{Zaaktype: f.zt1, Omschrijving: "Behandelaar", OmschrijvingGeneriek: "behandelaar"})
	f.rlt3 = d.RolTypen.Add(nextUUID("rlt"), instCatalogiA, data.RolType{Zaaktype: f.zt2, Omschrijving: "Indiener", OmschrijvingGeneriek: "initiator"})
	f.eig1 = d.Eigenschappen.Add(nextUUID("eig"), instCatalogiA, data.Eigenschap{Zaaktype: f.zt1, Naam: "locatie",
		Definitie: "Plek van de melding", Formaat: "tekst", Lengte: "100", Kardinaliteit: "1"})
	iot := d.InformatieObjectTypen.Add(nextUUID("iot"), instCatalogiA, data.InformatieObjectType{Catalogus: cat, Omschrijving: "Foto"})
	for _, zt := range []data.Ref{f.zt1, f.zt2} {
		z := d.ZaakTypen.Get(zt)
		for i := range d.StatusTypen.Rows {
			if d.StatusTypen.Rows[i].Zaaktype == zt {
				z.Statustypen = append(z.Statustypen, data.Ref(i))
			}
		}
		for i := range d.RolTypen.Rows {
			if d.RolTypen.Rows[i].Zaaktype == zt {
				z.Roltypen = append(z.Roltypen, data.Ref(i))
			}
		}
	}
	d.ZaakTypen.Get(f.zt1).Resultaattypen = []data.Ref{f.rt1}
	d.ZaakTypen.Get(f.zt1).Eigenschappen = []data.Ref{f.eig1}
	d.ZaakTypen.Get(f.zt1).Informatieobjecttypen = []data.Ref{iot}

	f.doc1 = d.InformatieObjecten.Add(nextUUID("eio"), instDocumentenA, data.EnkelvoudigInformatieObject{
		Identificatie: "DOC-1", Bronorganisatie: bronorganisatie, Titel: "foto.jpg", Informatieobjecttype: iot})
	f.klant1 = d.Klanten.Add(nextUUID("klant"), instKlanten, data.Klant{Klantnummer: "K1", SubjectType: data.SubjectNatuurlijkPersoon, InpBsn: testBSN})
	cm := data.ContactMoment{VorigContactmoment: data.NoRef, VolgendContactmoment: data.NoRef, Kanaal: "telefoon"}
	f.cm1 = d.ContactMomenten.Add(nextUUID("cm"), instContactmomenten, cm)
	f.cm2 = d.ContactMomenten.Add(nextUUID("cm"), instContactmomenten, cm)
	vz := data.Verzoek{InTeTrekkenVerzoek: data.NoRef, AangevuldeVerzoek: data.NoRef, Status: "ontvangen"}
	f.v1 = d.Verzoeken.Add(nextUUID("vz"), instVerzoeken, vz)
	f.v2 = d.Verzoeken.Add(nextUUID("vz"), instVerzoeken, vz)

	newZaak := func(inst uint8, id string, zt data.Ref, v data.Vertrouwelijkheid, start string) data.Ref {
		return d.Zaken.Add(nextUUID("zaak"), inst, data.Zaak{Identificatie: id, Bronorganisatie: bronorganisatie,
			VerantwoordelijkeOrganisatie: bronorganisatie, Omschrijving: "Zaak " + id, Zaaktype: zt,
			Registratiedatum: day(start), Startdatum: day(start), LaatstGemuteerd: moment(start + "T10:00:00Z"),
			Vertrouwelijkheid: v, Hoofdzaak: data.NoRef, Status: data.NoRef, Resultaat: data.NoRef})
	}
	addRol := func(z, rt data.Ref, typ string, set func(*data.Rol)) data.Ref {
		rol := data.Rol{Zaak: z, Roltype: rt, BetrokkeneType: typ, BetrokkeneKlant: data.NoRef,
			Registratiedatum: moment("2024-01-10T09:00:00Z")}
		set(&rol)
		r := d.Rollen.Add(nextUUID("rol"), d.Zaken.InstOf(z), rol)
		zr := d.Zaken.Get(z)
		zr.Rollen = append(zr.Rollen, r)
		return r
	}
	addStatus := func(z, stt data.Ref, at string) data.Ref {
		s := d.Statussen.Add(nextUUID("status"), d.Zaken.InstOf(z), data.Status{Zaak: z, Statustype: stt, DatumStatusGezet: moment(at)})
		d.Zaken.Get(z).Status = s
		return s
	}

	// Z1: an open melding with a klant as initiator, a medewerker as
	// behandelaar, an eigenschap, a document, a contactmoment, a verzoek
	// and two deelzaken.
	f.z1 = newZaak(instZakenA, "ZAAK-2024-0000000001", f.zt1, data.Openbaar, "2024-01-10")
	z1 := d.Zaken.Get(f.z1)
	z1.Geometrie = &data.Point{Lon: 5.1214, Lat: 52.0907}
	z1.Kenmerken = []data.Kenmerk{{Kenmerk: "MOR-77", Bron: "meldingen"}}
	z1.EinddatumGepland = day("2024-01-24")
	z1.Communicatiekanaal = "https://referentielijsten.test/api/v1/communicatiekanalen/1"
	f.s1 = addStatus(f.z1, f.st1, "2024-01-10T10:00:00Z")
	f.r1 = addRol(f.z1, f.rlt1, data.BetrokkeneNatuurlijkPersoon, func(r *data.Rol) {
		r.BetrokkeneKlant = f.klant1
		r.InpBsn, r.Geslachtsnaam, r.Voorvoegsel, r.Voornamen = testBSN, "Vries", "de", "Jan Pieter"
		r.Geslachtsaanduiding, r.Geboortedatum = "m", "1980-05-17"
	})
	f.r2 = addRol(f.z1, f.rlt2, data.BetrokkeneMedewerker, func(r *data.Rol) {
		r.MedewerkerID, r.Achternaam, r.Voorletters = testMedewerker, "Jansen", "A."
	})
	f.ze1 = d.ZaakEigenschappen.Add(nextUUID("ze"), instZakenA, data.ZaakEigenschap{Zaak: f.z1, Eigenschap: f.eig1, Waarde: "Stationsplein"})
	z1.Eigenschappen = []data.Ref{f.ze1}
	f.zio1 = d.ZaakInformatieObjecten.Add(nextUUID("zio"), instZakenA, data.ZaakInformatieObject{Zaak: f.z1,
		Informatieobject: f.doc1, Titel: "Foto", Registratiedatum: moment("2024-01-10T11:00:00Z")})
	z1.Zaakinformatieobjecten = []data.Ref{f.zio1}
	f.zcm1 = d.ZaakContactMomenten.Add(nextUUID("zcm"), instZakenA, data.ZaakContactMoment{Zaak: f.z1, Contactmoment: f.cm1})
	f.ocm1 = d.ObjectContactMomenten.Add(nextUUID("ocm"), instContactmomenten, data.ObjectContactMoment{Contactmoment: f.cm1, Object: f.z1, ObjectType: "zaak"})
	d.ContactMomenten.Get(f.cm1).Objectcontactmomenten = []data.Ref{f.ocm1}
	f.zv1 = d.ZaakVerzoeken.Add(nextUUID("zv"), instZakenA, data.ZaakVerzoek{Zaak: f.z1, Verzoek: f.v1})
	f.ov1 = d.ObjectVerzoeken.Add(nextUUID("ov"), instVerzoeken, data.ObjectVerzoek{Verzoek: f.v1, Object: f.z1, ObjectType: "zaak"})

	// Z2: a closed deelzaak of Z1 with a resultaat and a company.
	f.z2 = newZaak(instZakenA, "ZAAK-2024-0000000002", f.zt1, data.BeperktOpenbaar, "2024-02-01")
	d.Zaken.Get(f.z2).Hoofdzaak = f.z1
	d.Zaken.Get(f.z2).Einddatum = day("2024-03-01")
	f.s2 = addStatus(f.z2, f.st1, "2024-02-01T08:00:00Z")
	f.s3 = addStatus(f.z2, f.st2, "2024-03-01T16:30:00Z")
	f.res1 = d.Resultaten.Add(nextUUID("res"), instZakenA, data.Resultaat{Zaak: f.z2, Resultaattype: f.rt1, Toelichting: "Opgelost"})
	d.Zaken.Get(f.z2).Resultaat = f.res1
	f.r3 = addRol(f.z2, f.rlt1, data.BetrokkeneNietNatuurlijkPersoon, func(r *data.Rol) {
		r.InnNnpId, r.KvkNummer, r.StatutaireNaam = testRSIN, testKvK, "Bakkerij De Korf B.V."
		r.Betrokkene = "https://hr.test/api/v1/ingeschrevenniet-natuurlijkpersonen/" + testRSIN
	})

	// Z3: a vertrouwelijk bezwaar of the same person (above the restricted
	// client's ceiling).
	f.z3 = newZaak(instZakenA, "ZAAK-2024-0000000003", f.zt2, data.Vertrouwelijk, "2024-02-15")
	d.Zaken.Get(f.z3).Bronorganisatie = otherBronorganisatie
	f.r4 = addRol(f.z3, f.rlt3, data.BetrokkeneNatuurlijkPersoon, func(r *data.Rol) {
		r.InpBsn, r.Geslachtsnaam, r.Voornamen = testBSN, "Vries", "Jan Pieter"
	})
	addStatus(f.z3, f.st3, "2024-02-15T09:00:00Z")

	// Z4: a bezwaar of a vestiging, handled by an organisatorische eenheid.
	f.z4 = newZaak(instZakenA, "ZAAK-2024-0000000004", f.zt2, data.Zaakvertrouwelijk, "2024-03-05")
	f.r5 = addRol(f.z4, f.rlt3, data.BetrokkeneVestiging, func(r *data.Rol) {
		r.VestigingsNummer, r.KvkNummer, r.StatutaireNaam = testVestiging, "87654321", "Korf Noord"
		r.IndicatieMachtiging = "gemachtigde"
	})
	f.r6 = addRol(f.z4, f.rlt3, data.BetrokkeneOrganisatorischeEenheid, func(r *data.Rol) {
		r.OrgEenheidID, r.OrgEenheidNaam = testOrgEenheid, "Wijkteam Noord"
	})

	// Z5: a geheime deelzaak of Z1.
	f.z5 = newZaak(instZakenA, "ZAAK-2024-0000000005", f.zt1, data.Geheim, "2024-03-10")
	d.Zaken.Get(f.z5).Hoofdzaak = f.z1
	d.Zaken.Get(f.z1).Deelzaken = []data.Ref{f.z2, f.z5}

	// ZB1: a zaak of the same person in the other zaaksysteem.
	f.zb1 = newZaak(instZakenB, "ZAAK-2024-0000000001", f.zt1, data.Openbaar, "2024-01-20")
	f.r7 = addRol(f.zb1, f.rlt1, data.BetrokkeneNatuurlijkPersoon, func(r *data.Rol) { r.InpBsn = testBSN })

	// Fillers: plain openbare zaken for pagination.
	for i := 0; i < n; i++ {
		start := fmt.Sprintf("2023-%02d-%02d", 1+i%12, 1+i%28)
		z := newZaak(instZakenA, fmt.Sprintf("ZAAK-2023-%010d", i+1), f.zt2, data.Openbaar, start)
		f.fillers = append(f.fillers, z)
		if fillerRollen {
			addRol(z, f.rlt3, data.BetrokkeneNatuurlijkPersoon, func(r *data.Rol) {
				r.InpBsn, r.Geslachtsnaam = fmt.Sprintf("%09d", 100000000+i%500), "Filler"
			})
			addStatus(z, f.st3, start+"T09:00:00Z")
		}
	}
	return d
}

// newTestFixture is newFixture with the Zaken specification loaded for
// validating every exchange (skipped when the specifications are absent).
func newTestFixture(t *testing.T) *fixture {
	t.Helper()
	spec := spectest.Load(t, "zaken-1.5.1.yaml")
	f := newFixture(t)
	f.spec = spec
	return f
}

// visibleA is the number of zaken in zaken-a the full client sees.
func (f *fixture) visibleA() int { return 5 + numFillers }

// req builds a request to zaken-a (path below the base path). Accept-Crs is
// sent unless noCrs; a body is sent as JSON with Content-Crs.
type reqOpt struct {
	client  string
	noCrs   bool
	headers map[string]string
}

func (f *fixture) url(path string) string { return f.srvA.URL + "/zaken/api/v1" + path }

func (f *fixture) do(t *testing.T, method, path string, body any, opts ...reqOpt) *spectest.Exchange {
	t.Helper()
	var o reqOpt
	if len(opts) > 0 {
		o = opts[0]
	}
	u := path
	if !strings.HasPrefix(path, "http") {
		u = f.url(path)
	}
	var rd *bytes.Reader
	if body != nil {
		var b []byte
		switch v := body.(type) {
		case string:
			b = []byte(v)
		default:
			var err error
			if b, err = json.Marshal(v); err != nil {
				t.Fatal(err)
			}
		}
		rd = bytes.NewReader(b)
	}
	var req *http.Request
	var err error
	if rd != nil {
		req, err = http.NewRequest(method, u, rd)
	} else {
		req, err = http.NewRequest(method, u, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	if o.client != "" {
		req.Header.Set("X-Test-Client", o.client)
	}
	if !o.noCrs {
		req.Header.Set("Accept-Crs", "EPSG:4326")
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Content-Crs", "EPSG:4326")
	}
	for k, v := range o.headers {
		req.Header.Set(k, v)
	}
	return f.spec.Do(t, f.client, req)
}

// doUnvalidated performs a GET without validating the exchange, for the
// answers the specification leaves undocumented: a list page past the end
// (404, as the provider's paginator answers) and a refused expand on a
// detail (400).
func (f *fixture) doUnvalidated(t *testing.T, path string) (int, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", f.url(path), nil)
	req.Header.Set("Accept-Crs", "EPSG:4326")
	resp, err := f.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	_, _ = buf.ReadFrom(resp.Body)
	return resp.StatusCode, buf.Bytes()
}

// decode decodes an exchange's body, failing the test on a wrong status.
func decode[T any](t *testing.T, ex *spectest.Exchange, status int) T {
	t.Helper()
	var v T
	if ex.Status != status {
		t.Fatalf("%s %s: status %d, want %d: %s", ex.Request.Method, ex.Request.URL, ex.Status, status, ex.Body)
	}
	if len(ex.Body) > 0 {
		if err := json.Unmarshal(ex.Body, &v); err != nil {
			t.Fatalf("%s %s: decode: %v: %s", ex.Request.Method, ex.Request.URL, err, ex.Body)
		}
	}
	return v
}

// Helpers for URLs of fixture rows.
func (f *fixture) zaakURL(z data.Ref) (u string) {
	f.store.Read(func(d *data.Data) { u = data.RefURL(f.store, &d.Zaken, collZaken, z) })
	return u
}

func (f *fixture) zaakUUID(z data.Ref) (u string) {
	f.store.Read(func(d *data.Data) { u = d.Zaken.UUIDOf(z).String() })
	return u
}

func refURL[T any](f *fixture, tbl func(d *data.Data) *data.Table[T], coll string, r data.Ref) (u string) {
	f.store.Read(func(d *data.Data) { u = data.RefURL(f.store, tbl(d), coll, r) })
	return u
}

func (f *fixture) zaaktypeURL(r data.Ref) string {
	return refURL(f, func(d *data.Data) *data.Table[data.ZaakType] { return &d.ZaakTypen }, "zaaktypen", r)
}

func (f *fixture) statustypeURL(r data.Ref) string {
	return refURL(f, func(d *data.Data) *data.Table[data.StatusType] { return &d.StatusTypen }, "statustypen", r)
}

func (f *fixture) rolURL(r data.Ref) string {
	return refURL(f, func(d *data.Data) *data.Table[data.Rol] { return &d.Rollen }, collRollen, r)
}

func (f *fixture) uuidOf(u string) string { return u[strings.LastIndexByte(u, '/')+1:] }

type page[T any] struct {
	Count    int     `json:"count"`
	Next     *string `json:"next"`
	Previous *string `json:"previous"`
	Results  []T     `json:"results"`
}

// zaakOut is the part of a rendered zaak the tests look at.
type zaakOut struct {
	URL                    string           `json:"url"`
	UUID                   string           `json:"uuid"`
	Identificatie          string           `json:"identificatie"`
	Zaaktype               string           `json:"zaaktype"`
	Startdatum             string           `json:"startdatum"`
	Einddatum              *string          `json:"einddatum"`
	Status                 *string          `json:"status"`
	Resultaat              *string          `json:"resultaat"`
	Rollen                 []string         `json:"rollen"`
	Eigenschappen          []string         `json:"eigenschappen"`
	Zaakinformatieobjecten []string         `json:"zaakinformatieobjecten"`
	Hoofdzaak              *string          `json:"hoofdzaak"`
	Deelzaken              []string         `json:"deelzaken"`
	Vertrouwelijkheid      string           `json:"vertrouwelijkheidaanduiding"`
	Selectielijstklasse    string           `json:"selectielijstklasse"`
	Zaakgeometrie          *json.RawMessage `json:"zaakgeometrie"`
	Kenmerken              []kenmerkJSON    `json:"kenmerken"`
	Expand                 *json.RawMessage `json:"_expand"`
}

func identificaties(zs []zaakOut) []string {
	out := make([]string, len(zs))
	for i, z := range zs {
		out[i] = z.Identificatie
	}
	return out
}
