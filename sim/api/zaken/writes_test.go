package zaken

import (
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/klantgraaf/klantgraaf/sim/data"
)

func TestCreateStatus(t *testing.T) {
	f := newTestFixture(t)
	z1 := f.zaakURL(f.z1)
	post := func(body any, client string) *statusOut {
		t.Helper()
		ex := f.do(t, "POST", "/statussen", body, reqOpt{client: client})
		s := decode[statusOut](t, ex, 201)
		if ex.Header.Get("Location") != s.URL {
			t.Errorf("Location %q, url %q", ex.Header.Get("Location"), s.URL)
		}
		return &s
	}
	// An eindstatus closes the zaak on the date of the status.
	s := post(map[string]any{"zaak": z1, "statustype": f.statustypeURL(f.st2), "datumStatusGezet": "2024-04-01T12:00:00Z",
		"statustoelichting": "Afgerond"}, "full")
	if !s.IndicatieLaatstGezetteStatus || s.Zaak != z1 || s.DatumStatusGezet != "2024-04-01T12:00:00Z" {
		t.Errorf("created status %+v", s)
	}
	z := decode[zaakOut](t, f.do(t, "GET", "/zaken/"+f.zaakUUID(f.z1), nil), 200)
	if z.Status == nil || *z.Status != s.URL || z.Einddatum == nil || *z.Einddatum != "2024-04-01" {
		t.Errorf("zaak after eindstatus: status %v einddatum %v", z.Status, z.Einddatum)
	}
	old := decode[statusOut](t, f.do(t, "GET", "/statussen/"+f.uuidOfRef(f.s1, "status"), nil), 200)
	if old.IndicatieLaatstGezetteStatus {
		t.Error("previous status still marked as last")
	}
	p := decode[page[statusOut]](t, f.do(t, "GET", "/statussen?zaak="+url.QueryEscape(z1), nil), 200)
	if p.Count != 2 || p.Results[0].URL != s.URL {
		t.Errorf("statussen of zaak after create: %+v", p.Results)
	}
	// Reopening needs zaken.heropenen.
	reopen := map[string]any{"zaak": z1, "statustype": f.statustypeURL(f.st1), "datumStatusGezet": "2024-04-02T08:00:00"}
	pr := decode[problemOut](t, f.do(t, "POST", "/statussen", reopen, reqOpt{client: "toevoegen"}), 403)
	if !strings.Contains(pr.Detail, "Reopening") {
		t.Errorf("reopen detail %q", pr.Detail)
	}
	post(reopen, "full")
	z = decode[zaakOut](t, f.do(t, "GET", "/zaken/"+f.zaakUUID(f.z1), nil), 200)
	if z.Einddatum != nil {
		t.Errorf("reopened zaak still has einddatum %v", *z.Einddatum)
	}
	// With only zaken.aanmaken a client sets the first status only.
	first := map[string]any{"zaak": f.zaakURL(f.z4), "statustype": f.statustypeURL(f.st3), "datumStatusGezet": "2024-03-05T09:00:00+01:00"}
	s4 := post(first, "aanmaken")
	if s4.DatumStatusGezet != "2024-03-05T08:00:00Z" {
		t.Errorf("datumStatusGezet in UTC: %s", s4.DatumStatusGezet)
	}
	decode[problemOut](t, f.do(t, "POST", "/statussen", first, reqOpt{client: "aanmaken"}), 403)
	// Scopes.
	decode[problemOut](t, f.do(t, "POST", "/statussen", first, reqOpt{client: "beperkt"}), 403)
	decode[problemOut](t, f.do(t, "POST", "/statussen", first, reqOpt{client: "none"}), 403)

	// Bad bodies.
	for _, c := range []struct {
		body  map[string]any
		names []string
		code  string
	}{
		{map[string]any{}, []string{"zaak", "statustype", "datumStatusGezet"}, "required"},
		{map[string]any{"zaak": z1, "statustype": "http://catalogi-a.test/catalogi/api/v1/statustypen/00000000-0000-4000-8000-000000000000",
			"datumStatusGezet": "2024-04-03T00:00:00Z"}, []string{"statustype"}, "bad-url"},
		{map[string]any{"zaak": f.zaakURL(f.zb1), "statustype": f.statustypeURL(f.st1), "datumStatusGezet": "2024-04-03T00:00:00Z"},
			[]string{"zaak"}, "bad-url"},
		{map[string]any{"zaak": z1, "statustype": f.statustypeURL(f.st3), "datumStatusGezet": "2024-04-03T00:00:00Z"},
			[]string{"nonFieldErrors"}, "zaaktype-mismatch"},
		{map[string]any{"zaak": z1, "statustype": f.statustypeURL(f.st1), "datumStatusGezet": "3 april"},
			[]string{"datumStatusGezet"}, "invalid"},
		{map[string]any{"zaak": z1, "statustype": f.statustypeURL(f.st1), "datumStatusGezet": "2024-04-03T00:00:00Z",
			"statustoelichting": strings.Repeat("x", 1001)}, []string{"statustoelichting"}, "max_length"},
		{map[string]any{"zaak": z1, "statustype": f.statustypeURL(f.st1), "datumStatusGezet": "2024-04-03T00:00:00Z",
			"gezetdoor": f.rolURL(f.r3)}, []string{"gezetdoor"}, "bad-url"},
	} {
		pr := decode[problemOut](t, f.do(t, "POST", "/statussen", c.body), 400)
		var got []string
		for _, p := range pr.InvalidParams {
			got = append(got, p.Name)
			if p.Code != c.code {
				t.Errorf("%v: code %q, want %q", c.body, p.Code, c.code)
			}
		}
		if strings.Join(got, ",") != strings.Join(c.names, ",") {
			t.Errorf("%v: invalidParams %v, want %v", c.body, got, c.names)
		}
	}
	ex := f.do(t, "POST", "/statussen", "{", reqOpt{})
	decode[problemOut](t, ex, 400)
	ex = f.do(t, "POST", "/statussen", first, reqOpt{headers: map[string]string{"Content-Type": "text/plain"}})
	decode[problemOut](t, ex, 415)
}

func TestCreateZaak(t *testing.T) {
	f := newTestFixture(t)
	body := map[string]any{
		"bronorganisatie":              bronorganisatie,
		"verantwoordelijkeOrganisatie": bronorganisatie,
		"zaaktype":                     f.zaaktypeURL(f.zt1),
		"startdatum":                   "2024-05-01",
		"omschrijving":                 "Losliggende stoeptegel",
		"hoofdzaak":                    f.zaakURL(f.z1),
		"kenmerken":                    []map[string]string{{"kenmerk": "MOR-99", "bron": "meldingen"}},
		"zaakgeometrie":                map[string]any{"type": "Point", "coordinates": []float64{5.1, 52.1}},
	}
	ex := f.do(t, "POST", "/zaken", body)
	z := decode[zaakOut](t, ex, 201)
	year := time.Now().Year()
	if !strings.HasPrefix(z.Identificatie, "ZAAK-"+strconv.Itoa(year)+"-") || len(z.Identificatie) != len("ZAAK-2024-0000000001") {
		t.Errorf("generated identificatie %q", z.Identificatie)
	}
	if z.Vertrouwelijkheid != "openbaar" || z.Startdatum != "2024-05-01" || z.Status != nil || z.Hoofdzaak == nil ||
		ex.Header.Get("Location") != z.URL || ex.Header.Get("Content-Crs") != "EPSG:4326" {
		t.Errorf("created zaak %+v headers %v", z, ex.Header)
	}
	got := decode[zaakOut](t, f.do(t, "GET", "/zaken/"+z.UUID, nil), 200)
	if got.URL != z.URL || len(got.Kenmerken) != 1 || got.Zaakgeometrie == nil {
		t.Errorf("read back %+v", got)
	}
	h := decode[zaakOut](t, f.do(t, "GET", "/zaken/"+f.zaakUUID(f.z1), nil), 200)
	if len(h.Deelzaken) != 3 || h.Deelzaken[2] != z.URL {
		t.Errorf("hoofdzaak deelzaken %v", h.Deelzaken)
	}
	p := decode[page[zaakOut]](t, f.do(t, "GET", "/zaken?identificatie="+z.Identificatie, nil), 200)
	if p.Count != 1 {
		t.Errorf("new zaak not found by identificatie (count %d)", p.Count)
	}

	// Validation.
	dup := map[string]any{"identificatie": "ZAAK-2024-0000000001", "bronorganisatie": bronorganisatie,
		"verantwoordelijkeOrganisatie": bronorganisatie, "zaaktype": f.zaaktypeURL(f.zt1), "startdatum": "2024-05-01"}
	for _, c := range []struct {
		change map[string]any
		name   string
		code   string
	}{
		{nil, "identificatie", "identificatie-niet-uniek"},
		{map[string]any{"zaaktype": "http://catalogi-a.test/catalogi/api/v1/zaaktypen/00000000-0000-4000-8000-000000000000"}, "zaaktype", "bad-url"},
		{map[string]any{"startdatum": "1 mei"}, "startdatum", "invalid"},
		{map[string]any{"bronorganisatie": "123"}, "bronorganisatie", "min_length"},
		{map[string]any{"vertrouwelijkheidaanduiding": "topgeheim"}, "vertrouwelijkheidaanduiding", "invalid_choice"},
		{map[string]any{"hoofdzaak": f.zaakURL(f.z2)}, "hoofdzaak", "deelzaak-als-hoofdzaak"},
		{map[string]any{"omschrijving": strings.Repeat("o", 81)}, "omschrijving", "max_length"},
		{map[string]any{"zaakgeometrie": map[string]any{"type": "Polygon"}}, "zaakgeometrie", "invalid"},
	} {
		b := map[string]any{}
		for k, v := range dup {
			b[k] = v
		}
		for k, v := range c.change {
			b[k] = v
		}
		pr := decode[problemOut](t, f.do(t, "POST", "/zaken", b), 400)
		if len(pr.InvalidParams) == 0 || pr.InvalidParams[0].Name != c.name || pr.InvalidParams[0].Code != c.code {
			t.Errorf("%v: %+v", c.change, pr.InvalidParams)
		}
	}
	pr := decode[problemOut](t, f.do(t, "POST", "/zaken", map[string]any{}), 400)
	if len(pr.InvalidParams) != 4 {
		t.Errorf("empty zaak: %+v", pr.InvalidParams)
	}
	// Another bronorganisatie may reuse the identificatie.
	other := map[string]any{}
	for k, v := range dup {
		other[k] = v
	}
	other["bronorganisatie"] = otherBronorganisatie
	decode[zaakOut](t, f.do(t, "POST", "/zaken", other), 201)
	// Permissions and headers.
	decode[problemOut](t, f.do(t, "POST", "/zaken", body, reqOpt{client: "beperkt"}), 403)
	secret := map[string]any{}
	for k, v := range body {
		secret[k] = v
	}
	secret["vertrouwelijkheidaanduiding"] = "geheim"
	decode[problemOut](t, f.do(t, "POST", "/zaken", secret, reqOpt{client: "aanmaken-beperkt"}), 403)
	decode[problemOut](t, f.do(t, "POST", "/zaken", body, reqOpt{headers: map[string]string{"Content-Crs": ""}}), 412)
	var n int
	f.store.Read(func(d *data.Data) { n = len(ownedZaken(f.store, d, instZakenA)) })
	if n != f.visibleA()+2 {
		t.Errorf("zaken in zaken-a: %d, want %d", n, f.visibleA()+2)
	}
}
