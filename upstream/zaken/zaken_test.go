package zaken_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/klantgraaf/klantgraaf/upstream"
	"github.com/klantgraaf/klantgraaf/upstream/internal/uptest"
	"github.com/klantgraaf/klantgraaf/upstream/zaken"
)

const (
	zaakURL = "http://oz.example/zaken/api/v1/zaken/7b2b0d0e-0000-4000-8000-000000000001"
	cmURL   = "http://ok.example/contactmomenten/api/v1/contactmomenten/c1"
)

func setup(t *testing.T) (*uptest.Server, *zaken.Client) {
	s := uptest.New(t, upstream.APIZaken, "/zaken/api/v1")
	return s, zaken.New(s.Client)
}

const expandedZaak = `{
  "url": "%BASE%/zaken/z1", "uuid": "z1", "identificatie": "ZAAK-2024-0001", "bronorganisatie": "002220647",
  "zaaktype": "http://oz.example/catalogi/api/v1/zaaktypen/zt1", "startdatum": "2024-01-15", "einddatum": null,
  "status": "%BASE%/statussen/s1", "resultaat": null, "rollen": ["%BASE%/rollen/r1", "%BASE%/rollen/r2"],
  "hoofdzaak": null, "deelzaken": [], "eigenschappen": ["%BASE%/zaken/z1/zaakeigenschappen/e1"],
  "zaakinformatieobjecten": [], "zaakobjecten": [], "kenmerken": [{"kenmerk": "K1", "bron": "crm"}],
  "zaakgeometrie": {"type": "Point", "coordinates": [5.1, 52.1]},
  "opschorting": {"indicatie": false, "eerdereOpschorting": false, "reden": ""}, "verlenging": null,
  "archiefnominatie": null, "laatstGemuteerd": "2024-01-16T10:00:00Z",
  "_expand": {
    "zaaktype": {"url": "http://oz.example/catalogi/api/v1/zaaktypen/zt1", "identificatie": "ZT-1", "omschrijving": "Melding openbare ruimte",
                 "doorlooptijd": "P14D", "concept": false, "statustypen": ["http://oz.example/catalogi/api/v1/statustypen/st1"]},
    "status": {"url": "%BASE%/statussen/s1", "uuid": "s1", "zaak": "%BASE%/zaken/z1", "statustype": "http://oz.example/catalogi/api/v1/statustypen/st1",
               "datumStatusGezet": "2024-01-15T09:00:00Z", "indicatieLaatstGezetteStatus": true, "gezetdoor": null, "zaakinformatieobjecten": [],
               "_expand": {"statustype": {"url": "http://oz.example/catalogi/api/v1/statustypen/st1", "omschrijving": "Ontvangen", "volgnummer": 1, "isEindstatus": false}}},
    "resultaat": null,
    "rollen": [
      {"url": "%BASE%/rollen/r1", "uuid": "r1", "zaak": "%BASE%/zaken/z1", "betrokkene": "http://ok.example/klanten/api/v1/klanten/k1",
       "betrokkeneType": "natuurlijk_persoon", "roltype": "http://oz.example/catalogi/api/v1/roltypen/rt1", "omschrijving": "Melder",
       "omschrijvingGeneriek": "initiator", "registratiedatum": "2024-01-15T09:00:00Z", "indicatieMachtiging": "", "statussen": [],
       "contactpersoonRol": null, "authenticatieContext": null,
       "betrokkeneIdentificatie": {"inpBsn": "999993653", "anpIdentificatie": "", "inpA_nummer": "1234567890", "geslachtsnaam": "Jansen",
         "voorvoegselGeslachtsnaam": "", "voorletters": "J", "voornamen": "Jan", "geslachtsaanduiding": "m", "geboortedatum": "1980-01-01",
         "verblijfsadres": {"aoaIdentificatie": "0363200000000001", "wplWoonplaatsNaam": "Amsterdam", "gorOpenbareRuimteNaam": "Dam", "aoaHuisnummer": 1},
         "subVerblijfBuitenland": null},
       "_expand": {"roltype": {"url": "http://oz.example/catalogi/api/v1/roltypen/rt1", "omschrijving": "Melder", "omschrijvingGeneriek": "initiator"}}},
      {"url": "%BASE%/rollen/r2", "uuid": "r2", "zaak": "%BASE%/zaken/z1", "betrokkene": "", "betrokkeneType": "niet_natuurlijk_persoon",
       "roltype": "http://oz.example/catalogi/api/v1/roltypen/rt2", "omschrijving": "Belanghebbende", "omschrijvingGeneriek": "belanghebbende",
       "registratiedatum": "2024-01-15T09:00:00Z", "statussen": [],
       "betrokkeneIdentificatie": {"innNnpId": "", "annIdentificatie": "", "kvkNummer": "12345678", "vestigingsNummer": "000012345678",
         "statutaireNaam": "Bakkerij BV", "innRechtsvorm": "besloten_vennootschap", "bezoekadres": "", "subVerblijfBuitenland": null}}
    ],
    "eigenschappen": [{"url": "%BASE%/zaken/z1/zaakeigenschappen/e1", "uuid": "e1", "zaak": "%BASE%/zaken/z1",
      "eigenschap": "http://oz.example/catalogi/api/v1/eigenschappen/ei1", "naam": "kenteken", "waarde": "AB-12-CD",
      "_expand": {"eigenschap": {"url": "http://oz.example/catalogi/api/v1/eigenschappen/ei1", "naam": "kenteken", "definitie": "Kenteken",
        "specificatie": {"groep": "", "formaat": "tekst", "lengte": "8", "kardinaliteit": "1", "waardenverzameling": []}}}}],
    "hoofdzaak": {"url": "%BASE%/zaken/z0", "uuid": "z0", "identificatie": "ZAAK-HOOFD", "zaaktype": "http://oz.example/catalogi/api/v1/zaaktypen/zt0",
      "startdatum": "2023-12-01", "deelzaken": ["%BASE%/zaken/z1"], "rollen": [], "eigenschappen": [], "zaakinformatieobjecten": [], "zaakobjecten": [],
      "status": null, "resultaat": null, "_expand": {"status": null}},
    "deelzaken": []
  }
}`

func TestGetWithExpandDecodesTypedObjects(t *testing.T) {
	s, c := setup(t)
	s.JSON("GET /zaken/z1", 200, strings.ReplaceAll(expandedZaak, "%BASE%", "http://oz.example/zaken/api/v1"))
	z, err := c.Get(context.Background(), s.Base+"/zaken/z1", []string{zaken.ExpandRollenRoltype, zaken.ExpandStatusStatustype, zaken.ExpandZaaktype, zaken.ExpandEigenschappenEigenschap, zaken.ExpandHoofdzaak})
	if err != nil {
		t.Fatal(err)
	}
	r := s.Last(t)
	if r.Method != "GET" || r.Path != "/zaken/api/v1/zaken/z1" || r.RawQuery != "expand=rollen.roltype,status.statustype,zaaktype,eigenschappen.eigenschap,hoofdzaak" {
		t.Errorf("request = %s %s?%s", r.Method, r.Path, r.RawQuery)
	}
	if r.Header.Get("Accept-Crs") != "EPSG:4326" || !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") {
		t.Errorf("headers = %v", r.Header)
	}
	if z.Identificatie != "ZAAK-2024-0001" || z.Einddatum != "" || len(z.Rollen) != 2 || z.Kenmerken[0].Bron != "crm" {
		t.Errorf("zaak fields: %+v", z)
	}
	var geo struct {
		Type string `json:"type"`
	}
	if err := json.Unmarshal(z.Zaakgeometrie, &geo); err != nil || geo.Type != "Point" {
		t.Errorf("geometry %s", z.Zaakgeometrie)
	}
	e := z.Expand
	if e == nil || e.Zaaktype == nil || e.Zaaktype.Identificatie != "ZT-1" || e.Zaaktype.Doorlooptijd != "P14D" {
		t.Fatalf("zaaktype expand: %+v", e)
	}
	if e.Status == nil || e.Status.Expand == nil || e.Status.Expand.Statustype.Omschrijving != "Ontvangen" || !e.Status.IndicatieLaatstGezetteStatus {
		t.Errorf("status expand: %+v", e.Status)
	}
	if e.Resultaat != nil {
		t.Errorf("null resultaat expanded to %+v", e.Resultaat)
	}
	if len(e.Rollen) != 2 {
		t.Fatalf("rollen: %+v", e.Rollen)
	}
	np := e.Rollen[0]
	if np.BetrokkeneType != zaken.BetrokkeneNatuurlijkPersoon || np.BetrokkeneIdentificatie.InpBsn != "999993653" ||
		np.BetrokkeneIdentificatie.InpANummer != "1234567890" || np.BetrokkeneIdentificatie.Verblijfsadres.AoaHuisnummer != 1 ||
		np.Expand.Roltype.OmschrijvingGeneriek != "initiator" {
		t.Errorf("natuurlijk persoon rol: %+v %+v", np, np.BetrokkeneIdentificatie)
	}
	nnp := e.Rollen[1]
	if nnp.BetrokkeneIdentificatie.KvkNummer != "12345678" || nnp.BetrokkeneIdentificatie.VestigingsNummer != "000012345678" || nnp.Expand != nil {
		t.Errorf("nnp rol: %+v", nnp.BetrokkeneIdentificatie)
	}
	if len(e.Eigenschappen) != 1 || e.Eigenschappen[0].Waarde != "AB-12-CD" || e.Eigenschappen[0].Expand.Eigenschap.Specificatie.Formaat != "tekst" {
		t.Errorf("eigenschappen: %+v", e.Eigenschappen)
	}
	if e.Hoofdzaak == nil || e.Hoofdzaak.Identificatie != "ZAAK-HOOFD" || e.Hoofdzaak.Deelzaken[0] != "http://oz.example/zaken/api/v1/zaken/z1" {
		t.Errorf("hoofdzaak: %+v", e.Hoofdzaak)
	}
}

func TestGetByUUIDWithoutExpand(t *testing.T) {
	s, c := setup(t)
	s.JSON("GET /zaken/{uuid}", 200, `{"url":"x","uuid":"u"}`)
	z, err := c.Get(context.Background(), "7b2b0d0e-0000-4000-8000-000000000001", nil)
	if err != nil || z.UUID != "u" || z.Expand != nil {
		t.Fatalf("%v %+v", err, z)
	}
	if r := s.Last(t); r.Path != "/zaken/api/v1/zaken/7b2b0d0e-0000-4000-8000-000000000001" || r.RawQuery != "" {
		t.Errorf("request %s?%s", r.Path, r.RawQuery)
	}
}

func TestGetForeignURLIsUnknownSource(t *testing.T) {
	s, c := setup(t)
	_, err := c.Get(context.Background(), "http://evil.example/zaken/api/v1/zaken/1", nil)
	if !upstream.IsKind(err, upstream.UnknownSource) || !strings.HasPrefix(err.Error(), "zaken.Get:") {
		t.Fatalf("err = %v", err)
	}
	if len(s.Requests()) != 0 {
		t.Errorf("request sent")
	}
}

func TestListQuery(t *testing.T) {
	s, c := setup(t)
	s.JSON("GET /zaken", 200, `{"count":1,"next":null,"previous":null,"results":[{"url":"u1","identificatie":"Z1"}]}`)
	p, err := c.List(context.Background(), zaken.ZaakListOptions{
		ZaakFilter: zaken.ZaakFilter{
			Identificatie:       "Z1",
			Zaaktype:            "http://oz.example/catalogi/api/v1/zaaktypen/zt1",
			Bronorganisatie:     "002220647",
			BronorganisatieIn:   []string{"002220647", "123456782"},
			StartdatumGte:       "2024-01-01",
			StartdatumLte:       "2024-12-31",
			EinddatumIsnull:     upstream.Bool(true),
			RolBetrokkene:       "http://ok.example/klanten/api/v1/klanten/k1",
			RolBetrokkeneType:   zaken.BetrokkeneNatuurlijkPersoon,
			BSN:                 "999993653",
			KvK:                 "12345678",
			NnpVestigingsnummer: "000012345678",
			Vestigingsnummer:    "000087654321",
			InnNnpId:            "123456782",
			StatusStatustype:    "http://oz.example/catalogi/api/v1/statustypen/st1",
			Ordering:            []string{"-startdatum", "identificatie"},
			Expand:              []string{"rollen", "status.statustype"},
		},
		Page:     2,
		PageSize: 50,
	})
	if err != nil || p.Count != 1 || p.Results[0].Identificatie != "Z1" {
		t.Fatalf("%v %+v", err, p)
	}
	want := "bronorganisatie=002220647" +
		"&bronorganisatie__in=002220647,123456782" +
		"&einddatum__isnull=true" +
		"&expand=rollen,status.statustype" +
		"&identificatie=Z1" +
		"&ordering=-startdatum,identificatie" +
		"&page=2&pageSize=50" +
		"&rol__betrokkene=http%3A%2F%2Fok.example%2Fklanten%2Fapi%2Fv1%2Fklanten%2Fk1" +
		"&rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=999993653" +
		"&rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId=123456782" +
		"&rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer=12345678" +
		"&rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__vestigingsNummer=000012345678" +
		"&rol__betrokkeneIdentificatie__vestiging__vestigingsNummer=000087654321" +
		"&rol__betrokkeneType=natuurlijk_persoon" +
		"&startdatum__gte=2024-01-01&startdatum__lte=2024-12-31" +
		"&status__statustype=http%3A%2F%2Foz.example%2Fcatalogi%2Fapi%2Fv1%2Fstatustypen%2Fst1" +
		"&zaaktype=http%3A%2F%2Foz.example%2Fcatalogi%2Fapi%2Fv1%2Fzaaktypen%2Fzt1"
	if got := s.Last(t).RawQuery; got != want {
		t.Errorf("query\n got  %s\n want %s", got, want)
	}
}

func TestSearchBodyShape(t *testing.T) {
	s, c := setup(t)
	s.JSON("POST /zaken/_zoek", 200, `{"count":2,"next":null,"previous":null,"results":[{"uuid":"a"},{"uuid":"b"}]}`)
	p, err := c.Search(context.Background(), zaken.ZaakZoekRequest{
		UUIDIn:     []string{"a", "b"},
		ZaaktypeIn: []string{"http://oz.example/catalogi/api/v1/zaaktypen/zt1"},
		ZaakFilter: zaken.ZaakFilter{BSN: "999993653", Expand: []string{"rollen"}},
	}, 1, 100)
	if err != nil || len(p.Results) != 2 {
		t.Fatalf("%v %+v", err, p)
	}
	r := s.Last(t)
	if r.Method != "POST" || r.Path != "/zaken/api/v1/zaken/_zoek" || r.RawQuery != "page=1&pageSize=100" {
		t.Errorf("request %s %s?%s", r.Method, r.Path, r.RawQuery)
	}
	want := `{"uuid__in":["a","b"],"zaaktype__in":["http://oz.example/catalogi/api/v1/zaaktypen/zt1"],"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn":"999993653","expand":["rollen"]}`
	if r.Body != want {
		t.Errorf("body\n got  %s\n want %s", r.Body, want)
	}
	if r.Header.Get("Content-Type") != "application/json" || r.Header.Get("Content-Crs") != "EPSG:4326" {
		t.Errorf("headers %v", r.Header)
	}
}

func TestSearchAllFollowsPagesWithSameBody(t *testing.T) {
	s, c := setup(t)
	s.Mux.HandleFunc("POST /zaken/api/v1/zaken/_zoek", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Query().Get("page") {
		case "1":
			_, _ = w.Write([]byte(`{"count":3,"next":"` + s.Base + `/zaken/_zoek?page=2","previous":null,"results":[{"uuid":"a"},{"uuid":"b"}]}`))
		default:
			_, _ = w.Write([]byte(`{"count":3,"next":null,"previous":null,"results":[{"uuid":"c"}]}`))
		}
	})
	all, err := c.SearchAll(context.Background(), zaken.ZaakZoekRequest{UUIDIn: []string{"a", "b", "c"}}, 2, 0)
	if err != nil || len(all) != 3 || all[2].UUID != "c" {
		t.Fatalf("%v %+v", err, all)
	}
	reqs := s.Requests()
	if len(reqs) != 2 || reqs[0].Body != reqs[1].Body || reqs[1].RawQuery != "page=2&pageSize=2" {
		t.Errorf("requests %+v", reqs)
	}
	_, err = c.SearchAll(context.Background(), zaken.ZaakZoekRequest{UUIDIn: []string{"a"}}, 2, 1)
	if !upstream.IsKind(err, upstream.TooLarge) {
		t.Errorf("bound not enforced: %v", err)
	}
}

func TestListRollenQueryAndTypes(t *testing.T) {
	s, c := setup(t)
	s.JSON("GET /rollen", 200, `{"count":3,"next":null,"previous":null,"results":[
	  {"url":"r1","betrokkeneType":"medewerker","betrokkeneIdentificatie":{"identificatie":"mw1","achternaam":"Pietersen","voorletters":"P","voorvoegselAchternaam":""}},
	  {"url":"r2","betrokkeneType":"organisatorische_eenheid","betrokkeneIdentificatie":{"identificatie":"OE1","naam":"Team Wonen","isGehuisvestIn":""}},
	  {"url":"r3","betrokkeneType":"vestiging","betrokkeneIdentificatie":{"vestigingsNummer":"000012345678","handelsnaam":["Bakker"],"kvkNummer":"12345678","verblijfsadres":null}}]}`)
	p, err := c.ListRollen(context.Background(), zaken.RolListOptions{
		Zaak:           zaakURL,
		Betrokkene:     "http://ok.example/klanten/api/v1/klanten/k1",
		BetrokkeneType: zaken.BetrokkeneNatuurlijkPersoon,
		BSN:            "999993653",
		Page:           3,
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "betrokkene=http%3A%2F%2Fok.example%2Fklanten%2Fapi%2Fv1%2Fklanten%2Fk1" +
		"&betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=999993653" +
		"&betrokkeneType=natuurlijk_persoon&page=3" +
		"&zaak=http%3A%2F%2Foz.example%2Fzaken%2Fapi%2Fv1%2Fzaken%2F7b2b0d0e-0000-4000-8000-000000000001"
	if got := s.Last(t).RawQuery; got != want {
		t.Errorf("query\n got  %s\n want %s", got, want)
	}
	m, oe, v := p.Results[0].BetrokkeneIdentificatie, p.Results[1].BetrokkeneIdentificatie, p.Results[2].BetrokkeneIdentificatie
	if m.Identificatie != "mw1" || m.Achternaam != "Pietersen" || oe.Naam != "Team Wonen" || v.Handelsnaam[0] != "Bakker" || v.KvkNummer != "12345678" {
		t.Errorf("identificaties %+v %+v %+v", m, oe, v)
	}
}

func TestStatussenResultatenQueries(t *testing.T) {
	s, c := setup(t)
	s.JSON("GET /statussen", 200, `{"count":0,"next":null,"previous":null,"results":[]}`)
	s.JSON("GET /resultaten", 200, `{"count":0,"next":null,"previous":null,"results":[]}`)
	s.JSON("GET /zaakobjecten", 200, `{"count":0,"next":null,"previous":null,"results":[]}`)
	ctx := context.Background()
	if _, err := c.ListStatussen(ctx, zaken.StatusListOptions{Zaak: zaakURL, IndicatieLaatstGezetteStatus: upstream.Bool(true)}); err != nil {
		t.Fatal(err)
	}
	if got := s.Last(t).RawQuery; got != "indicatieLaatstGezetteStatus=true&zaak=http%3A%2F%2Foz.example%2Fzaken%2Fapi%2Fv1%2Fzaken%2F7b2b0d0e-0000-4000-8000-000000000001" {
		t.Errorf("statussen query %s", got)
	}
	if _, err := c.ListResultaten(ctx, zaken.ResultaatListOptions{Zaak: "z", Resultaattype: "rt", PageSize: 10}); err != nil {
		t.Fatal(err)
	}
	if got := s.Last(t).RawQuery; got != "pageSize=10&resultaattype=rt&zaak=z" {
		t.Errorf("resultaten query %s", got)
	}
	if _, err := c.ListZaakObjecten(ctx, zaken.ZaakObjectListOptions{Zaak: "z", ObjectType: "adres"}); err != nil {
		t.Fatal(err)
	}
	if got := s.Last(t).RawQuery; got != "objectType=adres&zaak=z" {
		t.Errorf("zaakobjecten query %s", got)
	}
}

func TestPlainArrayLists(t *testing.T) {
	s, c := setup(t)
	s.JSON("GET /zaken/{uuid}/zaakeigenschappen", 200, `[{"url":"e1","naam":"kenteken","waarde":"AB-12-CD"}]`)
	s.JSON("GET /zaakinformatieobjecten", 200, `[{"url":"zio1","informatieobject":"http://drc/eio/1","zaak":"z"}]`)
	s.JSON("GET /zaakcontactmomenten", 200, `[{"url":"zcm1","zaak":"z","contactmoment":"`+cmURL+`"}]`)
	s.JSON("GET /zaakverzoeken", 200, `{"count":1,"next":null,"previous":null,"results":[{"url":"zv1","zaak":"z","verzoek":"v"}]}`)
	ctx := context.Background()

	eig, err := c.ListZaakEigenschappen(ctx, s.Base+"/zaken/z1")
	if err != nil || len(eig) != 1 || eig[0].Waarde != "AB-12-CD" {
		t.Fatalf("%v %+v", err, eig)
	}
	if r := s.Last(t); r.Path != "/zaken/api/v1/zaken/z1/zaakeigenschappen" || r.RawQuery != "" {
		t.Errorf("eigenschappen path %s?%s", r.Path, r.RawQuery)
	}
	if _, err := c.ListZaakEigenschappen(ctx, "z2"); err != nil || s.Last(t).Path != "/zaken/api/v1/zaken/z2/zaakeigenschappen" {
		t.Errorf("by uuid: %v %s", err, s.Last(t).Path)
	}

	zio, err := c.ListZaakInformatieObjecten(ctx, "z", "http://drc/eio/1")
	if err != nil || len(zio) != 1 || zio[0].Informatieobject != "http://drc/eio/1" {
		t.Fatalf("%v %+v", err, zio)
	}
	if got := s.Last(t).RawQuery; got != "informatieobject=http%3A%2F%2Fdrc%2Feio%2F1&zaak=z" {
		t.Errorf("zio query %s", got)
	}

	zcm, err := c.ListZaakContactMomenten(ctx, "", cmURL)
	if err != nil || len(zcm) != 1 || zcm[0].Contactmoment != cmURL {
		t.Fatalf("%v %+v", err, zcm)
	}
	if got := s.Last(t).RawQuery; got != "contactmoment=http%3A%2F%2Fok.example%2Fcontactmomenten%2Fapi%2Fv1%2Fcontactmomenten%2Fc1" {
		t.Errorf("zcm query %s", got)
	}

	// A provider answering a paginated object where the spec says array is
	// tolerated.
	zv, err := c.ListZaakVerzoeken(ctx, "z", "")
	if err != nil || len(zv) != 1 || zv[0].Verzoek != "v" {
		t.Fatalf("%v %+v", err, zv)
	}
	if got := s.Last(t).RawQuery; got != "zaak=z" {
		t.Errorf("zv query %s", got)
	}
}

func TestCreates(t *testing.T) {
	s, c := setup(t)
	s.JSON("POST /statussen", 201, `{"url":"s-new","zaak":"z","statustype":"st","datumStatusGezet":"2024-02-01T10:00:00Z","indicatieLaatstGezetteStatus":true}`)
	s.JSON("POST /zaakcontactmomenten", 201, `{"url":"zcm-new","zaak":"z","contactmoment":"cm"}`)
	s.JSON("POST /zaakverzoeken", 201, `{"url":"zv-new","zaak":"z","verzoek":"v"}`)
	ctx := context.Background()
	st, err := c.CreateStatus(ctx, zaken.StatusRequest{Zaak: "z", Statustype: "st", DatumStatusGezet: "2024-02-01T10:00:00Z"})
	if err != nil || st.URL != "s-new" || !st.IndicatieLaatstGezetteStatus {
		t.Fatalf("%v %+v", err, st)
	}
	if b := s.Last(t).Body; b != `{"zaak":"z","statustype":"st","datumStatusGezet":"2024-02-01T10:00:00Z"}` {
		t.Errorf("status body %s", b)
	}
	zcm, err := c.CreateZaakContactMoment(ctx, "z", "cm")
	if err != nil || zcm.URL != "zcm-new" {
		t.Fatalf("%v %+v", err, zcm)
	}
	if b := s.Last(t).Body; b != `{"zaak":"z","contactmoment":"cm"}` {
		t.Errorf("zcm body %s", b)
	}
	zv, err := c.CreateZaakVerzoek(ctx, "z", "v")
	if err != nil || zv.URL != "zv-new" {
		t.Fatalf("%v %+v", err, zv)
	}
	if b := s.Last(t).Body; b != `{"zaak":"z","verzoek":"v"}` {
		t.Errorf("zv body %s", b)
	}
}

func TestGetRolStatusResultaat(t *testing.T) {
	s, c := setup(t)
	s.JSON("GET /rollen/r1", 200, `{"url":"r1","betrokkeneType":"natuurlijk_persoon","betrokkeneIdentificatie":{"inpBsn":"1"}}`)
	s.JSON("GET /statussen/s1", 200, `{"url":"s1","statustype":"st"}`)
	s.JSON("GET /resultaten/re1", 200, `{"url":"re1","resultaattype":"rt"}`)
	s.JSON("GET /resultaten/gone", 404, `{"code":"not_found","title":"Niet gevonden.","status":404,"detail":"","instance":""}`)
	ctx := context.Background()
	if r, err := c.GetRol(ctx, s.Base+"/rollen/r1"); err != nil || r.BetrokkeneIdentificatie.InpBsn != "1" {
		t.Errorf("rol %v %+v", err, r)
	}
	if st, err := c.GetStatus(ctx, "s1"); err != nil || st.Statustype != "st" {
		t.Errorf("status %v %+v", err, st)
	}
	if re, err := c.GetResultaat(ctx, s.Base+"/resultaten/re1"); err != nil || re.Resultaattype != "rt" {
		t.Errorf("resultaat %v %+v", err, re)
	}
	_, err := c.GetResultaat(ctx, "gone")
	if !upstream.IsKind(err, upstream.NotFound) || !strings.HasPrefix(err.Error(), "zaken.GetResultaat:") {
		t.Errorf("404: %v", err)
	}
}
