package zaken

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/klantgraaf/klantgraaf/sim/data"
)

func TestZakenListPaginationWalk(t *testing.T) {
	f := newTestFixture(t)
	var seen []zaakOut
	next := "/zaken?pageSize=20"
	pages := 0
	for next != "" {
		ex := f.do(t, "GET", next, nil)
		if ex.Header.Get("Content-Crs") != "EPSG:4326" {
			t.Fatalf("Content-Crs = %q", ex.Header.Get("Content-Crs"))
		}
		p := decode[page[zaakOut]](t, ex, 200)
		if p.Count != f.visibleA() {
			t.Fatalf("count = %d, want %d", p.Count, f.visibleA())
		}
		if pages > 0 && p.Previous == nil {
			t.Fatalf("page %d has no previous", pages+1)
		}
		seen = append(seen, p.Results...)
		pages++
		next = ""
		if p.Next != nil {
			next = *p.Next
			if !strings.HasPrefix(next, f.srvA.URL+"/zaken/api/v1/zaken?") || !strings.Contains(next, "pageSize=20") {
				t.Fatalf("next link %q", next)
			}
		}
	}
	if pages != 4 || len(seen) != f.visibleA() {
		t.Fatalf("walked %d pages, %d zaken; want 4 pages, %d zaken", pages, len(seen), f.visibleA())
	}
	uuids := map[string]bool{}
	for _, z := range seen {
		if uuids[z.UUID] {
			t.Fatalf("zaak %s listed twice", z.UUID)
		}
		uuids[z.UUID] = true
		if z.URL != f.url("/zaken/"+z.UUID) {
			t.Fatalf("url %s does not match uuid %s", z.URL, z.UUID)
		}
	}
	// Newest first: the last filler, and zaken-b's zaak is never listed.
	if seen[0].UUID != f.zaakUUID(f.fillers[len(f.fillers)-1]) {
		t.Errorf("first zaak %s, want the newest filler", seen[0].Identificatie)
	}
	if uuids[f.zaakUUID(f.zb1)] {
		t.Error("zaak of zaken-b listed by zaken-a")
	}
	// Past the last page is a 404.
	if st, _ := f.doUnvalidated(t, "/zaken?pageSize=20&page=5"); st != 404 {
		t.Errorf("page past the end: %d", st)
	}
}

func TestZakenFilters(t *testing.T) {
	f := newTestFixture(t)
	z := func(n ...int) []string {
		var out []string
		for _, i := range n {
			out = append(out, "ZAAK-2024-000000000"+string(rune('0'+i)))
		}
		return out
	}
	klantURL := "http://klanten.test/klanten/api/v1/klanten/"
	f.store.Read(func(d *data.Data) { klantURL += d.Klanten.UUIDOf(f.klant1).String() })
	cases := []struct {
		query string
		want  []string // identificaties, in order
	}{
		{"identificatie=ZAAK-2024-0000000003", z(3)},
		{"identificatie__icontains=2024-000000000", z(5, 4, 3, 2, 1)},
		{"bronorganisatie=" + otherBronorganisatie, z(3)},
		{"bronorganisatie__in=" + otherBronorganisatie + ",999999999", z(3)},
		{"zaaktype=" + url.QueryEscape(f.zaaktypeURL(f.zt1)), z(5, 2, 1)},
		{"zaaktype=" + url.QueryEscape("http://catalogi-a.test/catalogi/api/v1/zaaktypen/00000000-0000-4000-8000-000000000000"), nil},
		{"zaaktype=" + url.QueryEscape(strings.Replace(f.zaaktypeURL(f.zt1), "catalogi-a.test", "elders.test", 1)), nil},
		{"zaaktype__omschrijving=MELDING", z(5, 2, 1)},
		{"startdatum__gte=2024-02-01&startdatum__lt=2024-03-05", z(3, 2)},
		{"startdatum=2024-01-10", z(1)},
		{"startdatum__gt=2024-03-05", z(5)},
		{"startdatum__lte=2024-01-10&identificatie__icontains=2024", z(1)},
		{"registratiedatum__gt=2024-03-01", z(5, 4)},
		{"registratiedatum__lt=2024-01-11&registratiedatum__gt=2023-12-31", z(1)},
		{"einddatum__isnull=false", z(2)},
		{"einddatum__gt=2024-02-29", z(2)},
		{"einddatum__lt=2024-02-29", nil},
		{"einddatumGepland__lt=2024-02-01", z(1)},
		{"uiterlijkeEinddatumAfdoening__gt=2000-01-01", nil},
		{"maximaleVertrouwelijkheidaanduiding=beperkt_openbaar&identificatie__icontains=2024", z(2, 1)},
		{"rol__betrokkene=" + url.QueryEscape(klantURL), z(1)},
		{"rol__betrokkeneType=niet_natuurlijk_persoon", z(2)},
		{"rol__omschrijvingGeneriek=behandelaar", z(1)},
		{"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=" + testBSN, z(3, 1)},
		{"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=999999999", nil},
		{"rol__betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie=X1", nil},
		{"rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId=" + testRSIN, z(2)},
		{"rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer=" + testKvK, z(2)},
		{"rol__betrokkeneIdentificatie__vestiging__vestigingsNummer=" + testVestiging, z(4)},
		{"rol__betrokkeneIdentificatie__vestiging__kvkNummer=87654321", z(4)},
		{"rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer=87654321", nil},
		{"rol__betrokkeneIdentificatie__medewerker__identificatie=" + testMedewerker, z(1)},
		{"rol__betrokkeneIdentificatie__organisatorischeEenheid__identificatie=" + testOrgEenheid, z(4)},
		{"rol__machtiging=gemachtigde", z(4)},
		// Different rol filters may be met by different rollen.
		{"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=" + testBSN + "&rol__omschrijvingGeneriek=behandelaar", z(1)},
		{"status__statustype=" + url.QueryEscape(f.statustypeURL(f.st2)), z(2)},
		{"status__statustype=" + url.QueryEscape(f.statustypeURL(f.st1)), z(1)},
		{"resultaat__resultaattype=" + url.QueryEscape(refURL(f, func(d *data.Data) *data.Table[data.ResultaatType] { return &d.ResultaatTypen }, "resultaattypen", f.rt1)), z(2)},
		{"kenmerk=meldingen:MOR-77", z(1)},
		{"kenmerk__bron=meldingen", z(1)},
		{"kenmerk=meldingen:MOR-78", nil},
		{"archiefstatus=nog_te_archiveren&identificatie__icontains=2024", z(5, 4, 3, 2, 1)},
		{"archiefactiedatum__isnull=true&startdatum__gte=2024-03-01", z(5, 4)},
		{"omschrijving=zaak+zaak-2024-0000000004", z(4)},
		{"identificatie__icontains=2024&ordering=startdatum", z(1, 2, 3, 4, 5)},
		{"identificatie__icontains=2024&ordering=-identificatie", z(5, 4, 3, 2, 1)},
		{"identificatie__icontains=2024&ordering=identificatie", z(1, 2, 3, 4, 5)},
		// Null einddatum sorts last ascending, first descending.
		{"identificatie__icontains=2024&ordering=einddatum,startdatum", z(2, 1, 3, 4, 5)},
		{"identificatie__icontains=2024&ordering=-einddatum,-startdatum", z(5, 4, 3, 1, 2)},
		{"onbekend=1&identificatie=ZAAK-2024-0000000004", z(4)},
	}
	for _, c := range cases {
		p := decode[page[zaakOut]](t, f.do(t, "GET", "/zaken?"+c.query, nil), 200)
		got := identificaties(p.Results)
		if !slices.Equal(got, c.want) || p.Count != len(c.want) {
			t.Errorf("%s: got %v (count %d), want %v", c.query, got, p.Count, c.want)
		}
	}
	// The restricted client does not see the vertrouwelijke zaak.
	p := decode[page[zaakOut]](t, f.do(t, "GET", "/zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn="+testBSN, nil,
		reqOpt{client: "beperkt"}), 200)
	if got := identificaties(p.Results); !slices.Equal(got, z(1)) {
		t.Errorf("restricted client: %v", got)
	}
}

func TestZakenFilterValidation(t *testing.T) {
	f := newTestFixture(t)
	for _, c := range []struct{ query, param, code string }{
		{"startdatum__gte=gisteren", "startdatum__gte", "invalid"},
		{"einddatum=2024-13-01", "einddatum", "invalid"},
		{"rol__betrokkeneType=persoon", "rol__betrokkeneType", "invalid_choice"},
		{"maximaleVertrouwelijkheidaanduiding=topgeheim", "maximaleVertrouwelijkheidaanduiding", "invalid_choice"},
		{"ordering=laatstGemuteerd", "ordering", "invalid_choice"},
		{"expand=zaaktype,klant", "expand", "invalid_choice"},
		{"archiefstatus=weg", "archiefstatus", "invalid_choice"},
	} {
		p := decode[problemOut](t, f.do(t, "GET", "/zaken?"+c.query, nil), 400)
		if len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != c.param || p.InvalidParams[0].Code != c.code {
			t.Errorf("%s: invalidParams %+v", c.query, p.InvalidParams)
		}
	}
}

type problemOut struct {
	Code          string `json:"code"`
	Status        int    `json:"status"`
	Detail        string `json:"detail"`
	InvalidParams []struct {
		Name, Code, Reason string
	} `json:"invalidParams"`
}

func TestZaakDetail(t *testing.T) {
	f := newTestFixture(t)
	u := "/zaken/" + f.zaakUUID(f.z1)
	ex := f.do(t, "GET", u, nil)
	z := decode[zaakOut](t, ex, 200)
	etag := ex.Header.Get("ETag")
	if etag == "" || ex.Header.Get("Content-Crs") != "EPSG:4326" {
		t.Fatalf("headers %v", ex.Header)
	}
	if z.URL != f.url(u) || z.Zaaktype != f.zaaktypeURL(f.zt1) || z.Identificatie != "ZAAK-2024-0000000001" {
		t.Errorf("zaak %+v", z)
	}
	if z.Status == nil || f.uuidOf(*z.Status) != f.uuidOfRef(f.s1, "status") || z.Einddatum != nil || z.Resultaat != nil {
		t.Errorf("status %v einddatum %v resultaat %v", z.Status, z.Einddatum, z.Resultaat)
	}
	if len(z.Rollen) != 2 || z.Rollen[0] != f.rolURL(f.r1) || z.Rollen[1] != f.rolURL(f.r2) {
		t.Errorf("rollen %v", z.Rollen)
	}
	wantEig := f.url("/zaken/" + f.zaakUUID(f.z1) + "/zaakeigenschappen/" + f.uuidOfRef(f.ze1, "ze"))
	if len(z.Eigenschappen) != 1 || z.Eigenschappen[0] != wantEig {
		t.Errorf("eigenschappen %v, want %s", z.Eigenschappen, wantEig)
	}
	if len(z.Deelzaken) != 2 || z.Deelzaken[0] != f.zaakURL(f.z2) || z.Hoofdzaak != nil {
		t.Errorf("deelzaken %v hoofdzaak %v", z.Deelzaken, z.Hoofdzaak)
	}
	if z.Zaakgeometrie == nil || string(*z.Zaakgeometrie) != `{"type":"Point","coordinates":[5.1214,52.0907]}` {
		t.Errorf("zaakgeometrie %v", z.Zaakgeometrie)
	}
	if z.Expand != nil {
		t.Errorf("_expand without expand: %s", *z.Expand)
	}
	if len(z.Kenmerken) != 1 || z.Kenmerken[0].Bron != "meldingen" {
		t.Errorf("kenmerken %v", z.Kenmerken)
	}
	var raw map[string]any
	_ = json.Unmarshal(ex.Body, &raw)
	for k, want := range map[string]any{"betalingsindicatieWeergave": "", "archiefstatus": "nog_te_archiveren",
		"archiefnominatie": nil, "verlenging": nil, "einddatumGepland": "2024-01-24", "laatstGemuteerd": "2024-01-10T10:00:00Z",
		"registratiedatum": "2024-01-10", "vertrouwelijkheidaanduiding": "openbaar"} {
		if got, ok := raw[k]; !ok || got != want {
			t.Errorf("%s = %v (present %v), want %v", k, got, ok, want)
		}
	}
	if o, ok := raw["opschorting"].(map[string]any); !ok || o["indicatie"] != false {
		t.Errorf("opschorting %v", raw["opschorting"])
	}

	// The closed deelzaak: einddatum, resultaat, hoofdzaak and the
	// selectielijstklasse derived from its resultaattype.
	z2 := decode[zaakOut](t, f.do(t, "GET", "/zaken/"+f.zaakUUID(f.z2), nil), 200)
	if z2.Einddatum == nil || *z2.Einddatum != "2024-03-01" || z2.Resultaat == nil || z2.Hoofdzaak == nil ||
		*z2.Hoofdzaak != f.zaakURL(f.z1) || z2.Selectielijstklasse != "https://selectielijst.test/api/v1/resultaten/7" {
		t.Errorf("deelzaak %+v", z2)
	}

	// ETag, If-None-Match and HEAD.
	nm := f.do(t, "GET", u, nil, reqOpt{headers: map[string]string{"If-None-Match": `"other", ` + etag}})
	if nm.Status != http.StatusNotModified || len(nm.Body) != 0 {
		t.Errorf("If-None-Match: %d %q", nm.Status, nm.Body)
	}
	head := f.do(t, "HEAD", u, nil)
	if head.Status != 200 || len(head.Body) != 0 || head.Header.Get("ETag") != etag {
		t.Errorf("HEAD: %d etag %q body %d", head.Status, head.Header.Get("ETag"), len(head.Body))
	}
	changed := f.do(t, "GET", u, nil, reqOpt{headers: map[string]string{"If-None-Match": `"other"`}})
	if changed.Status != 200 {
		t.Errorf("non-matching If-None-Match: %d", changed.Status)
	}

	// Not found: unknown, malformed, and owned by the other zaaksysteem.
	decode[problemOut](t, f.do(t, "GET", "/zaken/00000000-0000-4000-8000-000000000000", nil), 404)
	decode[problemOut](t, f.do(t, "GET", "/zaken/"+f.zaakUUID(f.zb1), nil), 404)
	// ... but zaken-b serves it.
	zb := decode[zaakOut](t, f.do(t, "GET", f.srvB.URL+"/zaken/api/v1/zaken/"+f.zaakUUID(f.zb1), nil), 200)
	if zb.Identificatie != "ZAAK-2024-0000000001" || !strings.HasPrefix(zb.URL, f.srvB.URL) {
		t.Errorf("zaken-b zaak %+v", zb)
	}

	// Accept-Crs is required; scope zaken.lezen is required.
	decode[problemOut](t, f.do(t, "GET", u, nil, reqOpt{noCrs: true}), 412)
	decode[problemOut](t, f.do(t, "GET", "/zaken", nil, reqOpt{noCrs: true}), 412)
	p := decode[problemOut](t, f.do(t, "GET", u, nil, reqOpt{client: "none"}), 403)
	if p.Code != "permission_denied" {
		t.Errorf("403 code %q", p.Code)
	}
	decode[problemOut](t, f.do(t, "GET", "/zaken", nil, reqOpt{client: "none"}), 403)
}

func (f *fixture) uuidOfRef(r data.Ref, kind string) (u string) {
	f.store.Read(func(d *data.Data) {
		switch kind {
		case "status":
			u = d.Statussen.UUIDOf(r).String()
		case "ze":
			u = d.ZaakEigenschappen.UUIDOf(r).String()
		case "rol":
			u = d.Rollen.UUIDOf(r).String()
		case "res":
			u = d.Resultaten.UUIDOf(r).String()
		case "zio":
			u = d.ZaakInformatieObjecten.UUIDOf(r).String()
		case "zcm":
			u = d.ZaakContactMomenten.UUIDOf(r).String()
		case "zv":
			u = d.ZaakVerzoeken.UUIDOf(r).String()
		case "cm":
			u = d.ContactMomenten.UUIDOf(r).String()
		case "vz":
			u = d.Verzoeken.UUIDOf(r).String()
		case "doc":
			u = d.InformatieObjecten.UUIDOf(r).String()
		}
	})
	return u
}

func TestConfidentiality(t *testing.T) {
	f := newTestFixture(t)
	beperkt := reqOpt{client: "beperkt"}
	// Detail of a zaak above the ceiling: 404; within: 200.
	decode[problemOut](t, f.do(t, "GET", "/zaken/"+f.zaakUUID(f.z3), nil, beperkt), 404)
	decode[problemOut](t, f.do(t, "HEAD", "/zaken/"+f.zaakUUID(f.z4), nil, beperkt), 200)
	// Lists and counts exclude them.
	p := decode[page[zaakOut]](t, f.do(t, "GET", "/zaken?identificatie__icontains=2024", nil, beperkt), 200)
	if got := identificaties(p.Results); p.Count != 3 || !slices.Equal(got, []string{"ZAAK-2024-0000000004", "ZAAK-2024-0000000002", "ZAAK-2024-0000000001"}) {
		t.Errorf("restricted list: %d %v", p.Count, got)
	}
	// The invisible deelzaak is left out of deelzaken and of _expand.
	z := decode[zaakOut](t, f.do(t, "GET", "/zaken/"+f.zaakUUID(f.z1)+"?expand=deelzaken", nil, beperkt), 200)
	if len(z.Deelzaken) != 1 || z.Deelzaken[0] != f.zaakURL(f.z2) {
		t.Errorf("restricted deelzaken %v", z.Deelzaken)
	}
	var x struct {
		Deelzaken []zaakOut `json:"deelzaken"`
	}
	if z.Expand == nil || json.Unmarshal(*z.Expand, &x) != nil || len(x.Deelzaken) != 1 || x.Deelzaken[0].URL != f.zaakURL(f.z2) {
		t.Errorf("restricted _expand.deelzaken %v", x.Deelzaken)
	}
	full := decode[zaakOut](t, f.do(t, "GET", "/zaken/"+f.zaakUUID(f.z1)+"?expand=deelzaken", nil), 200)
	if len(full.Deelzaken) != 2 {
		t.Errorf("full client deelzaken %v", full.Deelzaken)
	}
	// Sub-resources of the invisible zaak are invisible too.
	decode[problemOut](t, f.do(t, "GET", "/rollen/"+f.uuidOfRef(f.r4, "rol"), nil, beperkt), 404)
	decode[map[string]any](t, f.do(t, "GET", "/rollen/"+f.uuidOfRef(f.r4, "rol"), nil), 200)
	rp := decode[page[rolOut]](t, f.do(t, "GET", "/rollen?betrokkeneIdentificatie__natuurlijkPersoon__inpBsn="+testBSN, nil, beperkt), 200)
	if rp.Count != 1 || rp.Results[0].URL != f.rolURL(f.r1) {
		t.Errorf("restricted rollen %+v", rp)
	}
	sp := decode[page[statusOut]](t, f.do(t, "GET", "/statussen?zaak="+url.QueryEscape(f.zaakURL(f.z3)), nil, beperkt), 200)
	if sp.Count != 0 {
		t.Errorf("restricted statussen of invisible zaak: %d", sp.Count)
	}
	// An invisible hoofdzaak is not expanded (its URL stays, as an
	// attribute of the deelzaak).
	z2 := decode[zaakOut](t, f.do(t, "GET", "/zaken/"+f.zaakUUID(f.z2)+"?expand=hoofdzaak", nil, beperkt), 200)
	if z2.Expand == nil || !strings.Contains(string(*z2.Expand), f.zaakURL(f.z1)) {
		t.Errorf("visible hoofdzaak not expanded")
	}
	f.store.Write(func(d *data.Data) { d.Zaken.Get(f.z1).Vertrouwelijkheid = data.Vertrouwelijk })
	z2 = decode[zaakOut](t, f.do(t, "GET", "/zaken/"+f.zaakUUID(f.z2)+"?expand=hoofdzaak", nil, beperkt), 200)
	if z2.Expand != nil || z2.Hoofdzaak == nil || *z2.Hoofdzaak != f.zaakURL(f.z1) {
		t.Errorf("invisible hoofdzaak: expand %v hoofdzaak %v", z2.Expand, z2.Hoofdzaak)
	}
}

func TestExpand(t *testing.T) {
	f := newTestFixture(t)
	exp := "zaaktype,status.statustype,rollen.roltype,eigenschappen.eigenschap,zaakinformatieobjecten,deelzaken.status,hoofdzaak,zaakobjecten"
	ex := f.do(t, "GET", "/zaken/"+f.zaakUUID(f.z1)+"?expand="+exp, nil)
	z := decode[zaakOut](t, ex, 200)
	if z.Expand == nil {
		t.Fatal("no _expand")
	}
	var x struct {
		Zaaktype struct {
			URL           string   `json:"url"`
			Omschrijving  string   `json:"omschrijving"`
			Statustypen   []string `json:"statustypen"`
			Catalogus     string   `json:"catalogus"`
			Identificatie string   `json:"identificatie"`
		} `json:"zaaktype"`
		Status struct {
			URL    string `json:"url"`
			Expand struct {
				Statustype struct {
					URL          string `json:"url"`
					Omschrijving string `json:"omschrijving"`
					IsEindstatus bool   `json:"isEindstatus"`
				} `json:"statustype"`
			} `json:"_expand"`
		} `json:"status"`
		Rollen []struct {
			URL    string `json:"url"`
			Expand struct {
				Roltype struct {
					URL                  string `json:"url"`
					OmschrijvingGeneriek string `json:"omschrijvingGeneriek"`
				} `json:"roltype"`
			} `json:"_expand"`
		} `json:"rollen"`
		Eigenschappen []struct {
			Naam   string `json:"naam"`
			Waarde string `json:"waarde"`
			Expand struct {
				Eigenschap struct {
					Naam string `json:"naam"`
				} `json:"eigenschap"`
			} `json:"_expand"`
		} `json:"eigenschappen"`
		Zaakinformatieobjecten []struct {
			Informatieobject string `json:"informatieobject"`
		} `json:"zaakinformatieobjecten"`
		Deelzaken []struct {
			URL    string          `json:"url"`
			Expand json.RawMessage `json:"_expand"`
		} `json:"deelzaken"`
		Hoofdzaak    *json.RawMessage `json:"hoofdzaak"`
		Zaakobjecten *json.RawMessage `json:"zaakobjecten"`
	}
	if err := json.Unmarshal(*z.Expand, &x); err != nil {
		t.Fatal(err)
	}
	if x.Zaaktype.URL != f.zaaktypeURL(f.zt1) || x.Zaaktype.Omschrijving != "Melding openbare ruimte" ||
		len(x.Zaaktype.Statustypen) != 2 || x.Zaaktype.Identificatie != "MOR" || !strings.Contains(x.Zaaktype.Catalogus, "/catalogussen/") {
		t.Errorf("zaaktype %+v", x.Zaaktype)
	}
	if x.Status.URL != *z.Status || x.Status.Expand.Statustype.URL != f.statustypeURL(f.st1) || x.Status.Expand.Statustype.Omschrijving != "Ontvangen" {
		t.Errorf("status %+v", x.Status)
	}
	if len(x.Rollen) != 2 || x.Rollen[0].URL != f.rolURL(f.r1) || x.Rollen[0].Expand.Roltype.OmschrijvingGeneriek != "initiator" ||
		x.Rollen[1].Expand.Roltype.OmschrijvingGeneriek != "behandelaar" {
		t.Errorf("rollen %+v", x.Rollen)
	}
	if len(x.Eigenschappen) != 1 || x.Eigenschappen[0].Naam != "locatie" || x.Eigenschappen[0].Waarde != "Stationsplein" ||
		x.Eigenschappen[0].Expand.Eigenschap.Naam != "locatie" {
		t.Errorf("eigenschappen %+v", x.Eigenschappen)
	}
	if len(x.Zaakinformatieobjecten) != 1 || !strings.HasPrefix(x.Zaakinformatieobjecten[0].Informatieobject, "http://documenten-a.test/documenten/api/v1/enkelvoudiginformatieobjecten/") {
		t.Errorf("zaakinformatieobjecten %+v", x.Zaakinformatieobjecten)
	}
	// Deelzaken with their status; the geheime deelzaak is visible to the
	// full client but has no status, so it carries no _expand.
	if len(x.Deelzaken) != 2 || !strings.Contains(string(x.Deelzaken[0].Expand), `"status"`) || x.Deelzaken[1].Expand != nil {
		t.Errorf("deelzaken %+v", x.Deelzaken)
	}
	// Z1 has no hoofdzaak and no zaakobjecten: left out.
	if x.Hoofdzaak != nil || x.Zaakobjecten != nil {
		t.Errorf("absent relations expanded: %v %v", x.Hoofdzaak, x.Zaakobjecten)
	}

	// Nested hoofdzaak expansion and the resultaat.
	z2 := decode[zaakOut](t, f.do(t, "GET", "/zaken/"+f.zaakUUID(f.z2)+"?expand=hoofdzaak.status.statustype,resultaat.resultaattype", nil), 200)
	var x2 struct {
		Hoofdzaak struct {
			URL    string `json:"url"`
			Expand struct {
				Status struct {
					Expand struct {
						Statustype struct {
							Omschrijving string `json:"omschrijving"`
						} `json:"statustype"`
					} `json:"_expand"`
				} `json:"status"`
			} `json:"_expand"`
		} `json:"hoofdzaak"`
		Resultaat struct {
			Toelichting string `json:"toelichting"`
			Expand      struct {
				Resultaattype struct {
					Archiefnominatie string `json:"archiefnominatie"`
				} `json:"resultaattype"`
			} `json:"_expand"`
		} `json:"resultaat"`
	}
	if z2.Expand == nil || json.Unmarshal(*z2.Expand, &x2) != nil {
		t.Fatal("no _expand on deelzaak")
	}
	if x2.Hoofdzaak.URL != f.zaakURL(f.z1) || x2.Hoofdzaak.Expand.Status.Expand.Statustype.Omschrijving != "Ontvangen" ||
		x2.Resultaat.Toelichting != "Opgelost" || x2.Resultaat.Expand.Resultaattype.Archiefnominatie != "vernietigen" {
		t.Errorf("deelzaak expand %s", *z2.Expand)
	}

	// A detail with nothing to embed has no _expand; every list record has
	// one when expand is asked.
	z4 := decode[zaakOut](t, f.do(t, "GET", "/zaken/"+f.zaakUUID(f.z4)+"?expand=resultaat", nil), 200)
	if z4.Expand != nil {
		t.Errorf("empty detail _expand: %s", *z4.Expand)
	}
	p := decode[page[zaakOut]](t, f.do(t, "GET", "/zaken?identificatie__icontains=2024&expand=resultaat,rollen", nil), 200)
	for _, r := range p.Results {
		if r.Expand == nil {
			t.Errorf("list record %s without _expand", r.Identificatie)
		}
	}
	if p.Results[0].Identificatie != "ZAAK-2024-0000000005" || string(*p.Results[0].Expand) != "{}" {
		t.Errorf("list record %s _expand %s", p.Results[0].Identificatie, *p.Results[0].Expand)
	}
	// Repeated expand parameters are merged.
	z1 := decode[zaakOut](t, f.do(t, "GET", "/zaken/"+f.zaakUUID(f.z1)+"?expand=zaaktype&expand=rollen", nil), 200)
	if z1.Expand == nil || !strings.Contains(string(*z1.Expand), `"zaaktype"`) || !strings.Contains(string(*z1.Expand), `"rollen"`) {
		t.Errorf("merged expand: %v", z1.Expand)
	}
	// Unknown values are refused, also on the detail (where the
	// specification documents no 400, so the exchange is not validated).
	st, b := f.doUnvalidated(t, "/zaken/"+f.zaakUUID(f.z1)+"?expand=klant")
	var pr problemOut
	if err := json.Unmarshal(b, &pr); err != nil || st != 400 || len(pr.InvalidParams) != 1 || pr.InvalidParams[0].Name != "expand" {
		t.Errorf("invalid expand on detail: %d %s", st, b)
	}
}

func TestZoek(t *testing.T) {
	f := newTestFixture(t)
	ids := func(ex []zaakOut) []string {
		out := identificaties(ex)
		sort.Strings(out)
		return out
	}
	// uuid__in: zaken of another instance and invisible ones are left out.
	body := map[string]any{"uuid__in": []string{f.zaakUUID(f.z1), f.zaakUUID(f.z3), f.zaakUUID(f.zb1)}}
	p := decode[page[zaakOut]](t, f.do(t, "POST", "/zaken/_zoek", body), 200)
	if got := ids(p.Results); !slices.Equal(got, []string{"ZAAK-2024-0000000001", "ZAAK-2024-0000000003"}) {
		t.Errorf("uuid__in: %v", got)
	}
	p = decode[page[zaakOut]](t, f.do(t, "POST", "/zaken/_zoek", body, reqOpt{client: "beperkt"}), 200)
	if got := ids(p.Results); !slices.Equal(got, []string{"ZAAK-2024-0000000001"}) {
		t.Errorf("uuid__in restricted: %v", got)
	}
	// zaaktype__in / __not_in with list filters in the body.
	p = decode[page[zaakOut]](t, f.do(t, "POST", "/zaken/_zoek", map[string]any{
		"zaaktype__in":             []string{f.zaaktypeURL(f.zt1), "http://elders.test/zaaktypen/x"},
		"einddatum__isnull":        true,
		"identificatie__icontains": "2024",
	}), 200)
	if got := ids(p.Results); !slices.Equal(got, []string{"ZAAK-2024-0000000001", "ZAAK-2024-0000000005"}) {
		t.Errorf("zaaktype__in: %v", got)
	}
	p = decode[page[zaakOut]](t, f.do(t, "POST", "/zaken/_zoek", map[string]any{
		"zaaktype__not_in": []string{f.zaaktypeURL(f.zt2)},
		"ordering":         []string{"-startdatum"},
	}), 200)
	if got := identificaties(p.Results); !slices.Equal(got, []string{"ZAAK-2024-0000000005", "ZAAK-2024-0000000002", "ZAAK-2024-0000000001"}) {
		t.Errorf("zaaktype__not_in: %v", got)
	}
	p = decode[page[zaakOut]](t, f.do(t, "POST", "/zaken/_zoek", map[string]any{
		"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": testBSN,
		"bronorganisatie__in": []string{bronorganisatie},
	}), 200)
	if got := ids(p.Results); !slices.Equal(got, []string{"ZAAK-2024-0000000001"}) {
		t.Errorf("body filters: %v", got)
	}
	// zaakgeometrie.within: a square around Utrecht centre.
	square := map[string]any{"within": map[string]any{"type": "Polygon", "coordinates": [][][]float64{{{5.0, 52.0}, {5.2, 52.0}, {5.2, 52.2}, {5.0, 52.2}, {5.0, 52.0}}}}}
	p = decode[page[zaakOut]](t, f.do(t, "POST", "/zaken/_zoek", map[string]any{"zaakgeometrie": square}), 200)
	if got := ids(p.Results); !slices.Equal(got, []string{"ZAAK-2024-0000000001"}) {
		t.Errorf("within: %v", got)
	}
	elsewhere := map[string]any{"within": map[string]any{"type": "Polygon", "coordinates": [][][]float64{{{4.0, 51.0}, {4.1, 51.0}, {4.1, 51.1}, {4.0, 51.0}}}}}
	p = decode[page[zaakOut]](t, f.do(t, "POST", "/zaken/_zoek", map[string]any{"zaakgeometrie": elsewhere}), 200)
	if p.Count != 0 {
		t.Errorf("within elsewhere: %d", p.Count)
	}
	// Expand in the body merged with the query; pagination by query.
	next := "/zaken/_zoek?pageSize=1&expand=zaaktype"
	zb := map[string]any{"identificatie__icontains": "2024", "expand": []string{"status"}}
	var walked []string
	for next != "" {
		pg := decode[page[zaakOut]](t, f.do(t, "POST", next, zb), 200)
		for _, r := range pg.Results {
			walked = append(walked, r.Identificatie)
			if r.Expand == nil || !strings.Contains(string(*r.Expand), `"zaaktype"`) {
				t.Errorf("%s: _expand %v", r.Identificatie, r.Expand)
			}
			if r.Status != nil && !strings.Contains(string(*r.Expand), `"status"`) {
				t.Errorf("%s: body expand not applied", r.Identificatie)
			}
		}
		next = ""
		if pg.Next != nil {
			next = *pg.Next
		}
	}
	if len(walked) != 5 || walked[0] != "ZAAK-2024-0000000005" {
		t.Errorf("walked %v", walked)
	}
	// Errors.
	pr := decode[problemOut](t, f.do(t, "POST", "/zaken/_zoek", map[string]any{}), 400)
	if len(pr.InvalidParams) != 1 || pr.InvalidParams[0].Code != "empty_search_body" {
		t.Errorf("empty body: %+v", pr)
	}
	pr = decode[problemOut](t, f.do(t, "POST", "/zaken/_zoek", map[string]any{"uuid__in": []string{"geen-uuid"}}), 400)
	if len(pr.InvalidParams) != 1 || pr.InvalidParams[0].Name != "uuid__in" {
		t.Errorf("bad uuid: %+v", pr)
	}
	pr = decode[problemOut](t, f.do(t, "POST", "/zaken/_zoek", map[string]any{"uuid__in": f.zaakUUID(f.z1)}), 400)
	if len(pr.InvalidParams) != 1 || pr.InvalidParams[0].Code != "not_a_list" || !strings.Contains(pr.InvalidParams[0].Reason, `"str"`) {
		t.Errorf("uuid__in not a list: %+v", pr)
	}
	pr = decode[problemOut](t, f.do(t, "POST", "/zaken/_zoek", map[string]any{"zaakgeometrie": map[string]any{"within": map[string]any{"type": "Point"}}}), 400)
	if len(pr.InvalidParams) != 1 || pr.InvalidParams[0].Name != "zaakgeometrie.within" {
		t.Errorf("point as search area: %+v", pr)
	}
	pr = decode[problemOut](t, f.do(t, "POST", "/zaken/_zoek", map[string]any{"startdatum__gt": "morgen"}), 400)
	if len(pr.InvalidParams) != 1 || pr.InvalidParams[0].Name != "startdatum__gt" {
		t.Errorf("bad date: %+v", pr)
	}
	pr = decode[problemOut](t, f.do(t, "POST", "/zaken/_zoek", map[string]any{"expand": []string{"klant"}}), 400)
	if len(pr.InvalidParams) != 1 || pr.InvalidParams[0].Name != "expand" {
		t.Errorf("bad expand: %+v", pr)
	}
	decode[problemOut](t, f.do(t, "POST", "/zaken/_zoek", body, reqOpt{client: "none"}), 403)
	decode[problemOut](t, f.do(t, "POST", "/zaken/_zoek", body, reqOpt{noCrs: true}), 412)
	decode[problemOut](t, f.do(t, "POST", "/zaken/_zoek", body, reqOpt{headers: map[string]string{"Content-Type": "text/plain"}}), 415)
}
