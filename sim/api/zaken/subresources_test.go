package zaken

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"testing"

	"github.com/klantgraaf/klantgraaf/sim/data"
)

type rolOut struct {
	URL                     string          `json:"url"`
	Zaak                    string          `json:"zaak"`
	Betrokkene              string          `json:"betrokkene"`
	BetrokkeneType          string          `json:"betrokkeneType"`
	Roltype                 string          `json:"roltype"`
	Omschrijving            string          `json:"omschrijving"`
	OmschrijvingGeneriek    string          `json:"omschrijvingGeneriek"`
	IndicatieMachtiging     string          `json:"indicatieMachtiging"`
	BetrokkeneIdentificatie json.RawMessage `json:"betrokkeneIdentificatie"`
}

type statusOut struct {
	URL                          string `json:"url"`
	Zaak                         string `json:"zaak"`
	Statustype                   string `json:"statustype"`
	DatumStatusGezet             string `json:"datumStatusGezet"`
	IndicatieLaatstGezetteStatus bool   `json:"indicatieLaatstGezetteStatus"`
}

func urls[T any](items []T, get func(T) string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = get(it)
	}
	return out
}

func rolURLs(p page[rolOut]) []string { return urls(p.Results, func(r rolOut) string { return r.URL }) }

func TestRollen(t *testing.T) {
	f := newTestFixture(t)
	rol := func(rs ...data.Ref) []string {
		var out []string
		for _, r := range rs {
			out = append(out, f.rolURL(r))
		}
		return out
	}
	q := url.QueryEscape
	cases := []struct {
		query string
		want  []string
	}{
		{"", rol(f.r6, f.r5, f.r4, f.r3, f.r2, f.r1)},
		{"zaak=" + q(f.zaakURL(f.z1)), rol(f.r2, f.r1)},
		{"zaak=" + q(f.zaakURL(f.zb1)), nil},
		{"zaak=http%3A%2F%2Felders.test%2Fzaken%2F1", nil},
		{"betrokkene=" + q("https://hr.test/api/v1/ingeschrevenniet-natuurlijkpersonen/"+testRSIN), rol(f.r3)},
		{"betrokkeneType=natuurlijk_persoon", rol(f.r4, f.r1)},
		{"betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=" + testBSN, rol(f.r4, f.r1)},
		{"betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=" + testBSN + "&zaak=" + q(f.zaakURL(f.z3)), rol(f.r4)},
		{"betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId=" + testRSIN, rol(f.r3)},
		{"betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer=" + testKvK, rol(f.r3)},
		{"betrokkeneIdentificatie__vestiging__vestigingsNummer=" + testVestiging, rol(f.r5)},
		{"betrokkeneIdentificatie__medewerker__identificatie=" + testMedewerker, rol(f.r2)},
		{"betrokkeneIdentificatie__organisatorischeEenheid__identificatie=" + testOrgEenheid, rol(f.r6)},
		{"roltype=" + q(refURL(f, func(d *data.Data) *data.Table[data.RolType] { return &d.RolTypen }, "roltypen", f.rlt3)), rol(f.r6, f.r5, f.r4)},
		{"omschrijving=Melder", rol(f.r3, f.r1)},
		{"omschrijvingGeneriek=behandelaar", rol(f.r2)},
		{"machtiging=eigen&betrokkeneType=vestiging", nil},
		{"machtiging=gemachtigde", rol(f.r5)},
	}
	for _, c := range cases {
		p := decode[page[rolOut]](t, f.do(t, "GET", "/rollen?"+c.query, nil), 200)
		if got := rolURLs(p); !slices.Equal(got, c.want) && !(len(got) == 0 && len(c.want) == 0) {
			t.Errorf("/rollen?%s: got %v, want %v", c.query, got, c.want)
		}
	}
	pr := decode[problemOut](t, f.do(t, "GET", "/rollen?betrokkeneType=klant", nil), 400)
	if len(pr.InvalidParams) != 1 || pr.InvalidParams[0].Name != "betrokkeneType" {
		t.Errorf("invalid betrokkeneType: %+v", pr)
	}
	// Walk all pages.
	var walked []string
	for next := "/rollen?pageSize=4"; next != ""; {
		p := decode[page[rolOut]](t, f.do(t, "GET", next, nil), 200)
		walked = append(walked, rolURLs(p)...)
		next = ""
		if p.Next != nil {
			next = *p.Next
		}
	}
	if !slices.Equal(walked, cases[0].want) {
		t.Errorf("walked %v", walked)
	}

	// Details per betrokkeneType.
	klant := "http://klanten.test/klanten/api/v1/klanten/"
	f.store.Read(func(d *data.Data) { klant += d.Klanten.UUIDOf(f.klant1).String() })
	for _, c := range []struct {
		rol   data.Ref
		ident string
		bet   string
	}{
		{f.r1, `{"inpBsn":"111222333","anpIdentificatie":"","geslachtsnaam":"Vries","voorvoegselGeslachtsnaam":"de","voorletters":"J.P.","voornamen":"Jan Pieter","geslachtsaanduiding":"m","geboortedatum":"1980-05-17","verblijfsadres":null,"subVerblijfBuitenland":null}`, klant},
		{f.r2, `{"identificatie":"mdw-042","achternaam":"Jansen","voorletters":"A.","voorvoegselAchternaam":""}`, ""},
		{f.r3, `{"innNnpId":"123456789","annIdentificatie":"","kvkNummer":"12345678","vestigingsNummer":"","statutaireNaam":"Bakkerij De Korf B.V.","innRechtsvorm":"","bezoekadres":"","verblijfsadres":null,"subVerblijfBuitenland":null}`, "https://hr.test/api/v1/ingeschrevenniet-natuurlijkpersonen/123456789"},
		{f.r5, `{"vestigingsNummer":"000012345678","handelsnaam":["Korf Noord"],"verblijfsadres":null,"subVerblijfBuitenland":null,"kvkNummer":"87654321"}`, ""},
		{f.r6, `{"identificatie":"OE-WIJK-NOORD","naam":"Wijkteam Noord","isGehuisvestIn":""}`, ""},
	} {
		u := "/rollen/" + f.uuidOfRef(c.rol, "rol")
		ex := f.do(t, "GET", u, nil)
		r := decode[rolOut](t, ex, 200)
		if string(r.BetrokkeneIdentificatie) != c.ident || r.Betrokkene != c.bet || r.URL != f.url(u) {
			t.Errorf("%s: betrokkene %q identificatie %s", u, r.Betrokkene, r.BetrokkeneIdentificatie)
		}
		etag := ex.Header.Get("ETag")
		if nm := f.do(t, "GET", u, nil, reqOpt{headers: map[string]string{"If-None-Match": etag}}); nm.Status != 304 {
			t.Errorf("%s If-None-Match: %d", u, nm.Status)
		}
		if h := f.do(t, "HEAD", u, nil); h.Status != 200 || h.Header.Get("ETag") != etag || len(h.Body) != 0 {
			t.Errorf("%s HEAD: %d", u, h.Status)
		}
	}
	r1 := decode[rolOut](t, f.do(t, "GET", "/rollen/"+f.uuidOfRef(f.r1, "rol"), nil), 200)
	if r1.Zaak != f.zaakURL(f.z1) || r1.Omschrijving != "Melder" || r1.OmschrijvingGeneriek != "initiator" {
		t.Errorf("rol %+v", r1)
	}
	decode[problemOut](t, f.do(t, "GET", "/rollen/"+f.uuidOfRef(f.r7, "rol"), nil), 404)
	decode[problemOut](t, f.do(t, "GET", "/rollen/niet-een-uuid", nil), 404)
	decode[problemOut](t, f.do(t, "GET", "/rollen", nil, reqOpt{client: "none"}), 403)
	decode[problemOut](t, f.do(t, "GET", "/rollen/"+f.uuidOfRef(f.r1, "rol"), nil, reqOpt{client: "none"}), 403)
}

func TestStatussen(t *testing.T) {
	f := newTestFixture(t)
	p := decode[page[statusOut]](t, f.do(t, "GET", "/statussen", nil), 200)
	// Ordered by datumStatusGezet, latest first.
	want := []string{"2024-03-01T16:30:00Z", "2024-02-15T09:00:00Z", "2024-02-01T08:00:00Z", "2024-01-10T10:00:00Z"}
	if got := urls(p.Results, func(s statusOut) string { return s.DatumStatusGezet }); !slices.Equal(got, want) {
		t.Errorf("statussen %v", got)
	}
	p = decode[page[statusOut]](t, f.do(t, "GET", "/statussen?zaak="+url.QueryEscape(f.zaakURL(f.z2)), nil), 200)
	if p.Count != 2 || !p.Results[0].IndicatieLaatstGezetteStatus || p.Results[1].IndicatieLaatstGezetteStatus ||
		p.Results[0].Statustype != f.statustypeURL(f.st2) {
		t.Errorf("statussen of z2 %+v", p.Results)
	}
	p = decode[page[statusOut]](t, f.do(t, "GET", "/statussen?indicatieLaatstGezetteStatus=false", nil), 200)
	if p.Count != 1 || p.Results[0].DatumStatusGezet != "2024-02-01T08:00:00Z" {
		t.Errorf("not-last statussen %+v", p.Results)
	}
	p = decode[page[statusOut]](t, f.do(t, "GET", "/statussen?statustype="+url.QueryEscape(f.statustypeURL(f.st1)), nil), 200)
	if p.Count != 2 {
		t.Errorf("statussen by statustype: %d", p.Count)
	}
	u := "/statussen/" + f.uuidOfRef(f.s1, "status")
	ex := f.do(t, "GET", u, nil)
	s := decode[statusOut](t, ex, 200)
	if s.Zaak != f.zaakURL(f.z1) || !s.IndicatieLaatstGezetteStatus || s.URL != f.url(u) {
		t.Errorf("status %+v", s)
	}
	if nm := f.do(t, "GET", u, nil, reqOpt{headers: map[string]string{"If-None-Match": ex.Header.Get("ETag")}}); nm.Status != 304 {
		t.Errorf("If-None-Match: %d", nm.Status)
	}
	if h := f.do(t, "HEAD", u, nil); h.Status != 200 || len(h.Body) != 0 {
		t.Errorf("HEAD %d", h.Status)
	}
	decode[problemOut](t, f.do(t, "GET", "/statussen/00000000-0000-4000-8000-000000000000", nil), 404)
	decode[problemOut](t, f.do(t, "GET", "/statussen", nil, reqOpt{client: "none"}), 403)
}

func TestResultaten(t *testing.T) {
	f := newTestFixture(t)
	type resOut struct {
		URL, Zaak, Resultaattype, Toelichting string
	}
	rtURL := refURL(f, func(d *data.Data) *data.Table[data.ResultaatType] { return &d.ResultaatTypen }, "resultaattypen", f.rt1)
	for _, q := range []string{"", "?zaak=" + url.QueryEscape(f.zaakURL(f.z2)), "?resultaattype=" + url.QueryEscape(rtURL)} {
		p := decode[page[resOut]](t, f.do(t, "GET", "/resultaten"+q, nil), 200)
		if p.Count != 1 || p.Results[0].Zaak != f.zaakURL(f.z2) || p.Results[0].Resultaattype != rtURL || p.Results[0].Toelichting != "Opgelost" {
			t.Errorf("/resultaten%s: %+v", q, p)
		}
	}
	p := decode[page[resOut]](t, f.do(t, "GET", "/resultaten?zaak="+url.QueryEscape(f.zaakURL(f.z1)), nil), 200)
	if p.Count != 0 {
		t.Errorf("resultaten of open zaak: %d", p.Count)
	}
	u := "/resultaten/" + f.uuidOfRef(f.res1, "res")
	ex := f.do(t, "GET", u, nil)
	decode[resOut](t, ex, 200)
	if nm := f.do(t, "GET", u, nil, reqOpt{headers: map[string]string{"If-None-Match": ex.Header.Get("ETag")}}); nm.Status != 304 {
		t.Errorf("If-None-Match: %d", nm.Status)
	}
	if h := f.do(t, "HEAD", u, nil); h.Status != 200 {
		t.Errorf("HEAD %d", h.Status)
	}
	decode[problemOut](t, f.do(t, "GET", "/resultaten/00000000-0000-4000-8000-000000000000", nil), 404)
}

func TestZaakEigenschappen(t *testing.T) {
	f := newTestFixture(t)
	type zeOut struct {
		URL, UUID, Zaak, Eigenschap, Naam, Waarde string
	}
	base := "/zaken/" + f.zaakUUID(f.z1) + "/zaakeigenschappen"
	l := decode[[]zeOut](t, f.do(t, "GET", base, nil), 200)
	if len(l) != 1 || l[0].Naam != "locatie" || l[0].Waarde != "Stationsplein" || l[0].Zaak != f.zaakURL(f.z1) || l[0].URL != f.url(base+"/"+l[0].UUID) {
		t.Errorf("zaakeigenschappen %+v", l)
	}
	for _, zaak := range []string{f.zaakUUID(f.z2), f.zaakUUID(f.z3), "00000000-0000-4000-8000-000000000000"} {
		ex := f.do(t, "GET", "/zaken/"+zaak+"/zaakeigenschappen", nil, reqOpt{client: "beperkt"})
		if got := decode[[]zeOut](t, ex, 200); len(got) != 0 || string(ex.Body) != "[]" {
			t.Errorf("zaakeigenschappen of %s: %s", zaak, ex.Body)
		}
	}
	u := base + "/" + f.uuidOfRef(f.ze1, "ze")
	ex := f.do(t, "GET", u, nil)
	decode[zeOut](t, ex, 200)
	if nm := f.do(t, "GET", u, nil, reqOpt{headers: map[string]string{"If-None-Match": ex.Header.Get("ETag")}}); nm.Status != 304 {
		t.Errorf("If-None-Match: %d", nm.Status)
	}
	if h := f.do(t, "HEAD", u, nil); h.Status != 200 {
		t.Errorf("HEAD %d", h.Status)
	}
	// The eigenschap under another zaak is not found.
	decode[problemOut](t, f.do(t, "GET", "/zaken/"+f.zaakUUID(f.z2)+"/zaakeigenschappen/"+f.uuidOfRef(f.ze1, "ze"), nil), 404)
	decode[problemOut](t, f.do(t, "GET", base, nil, reqOpt{client: "none"}), 403)
}

func TestZaakInformatieObjecten(t *testing.T) {
	f := newTestFixture(t)
	type zioOut struct {
		URL, Zaak, Informatieobject, AardRelatieWeergave, Registratiedatum string
	}
	docURL := "http://documenten-a.test/documenten/api/v1/enkelvoudiginformatieobjecten/" + f.uuidOfRef(f.doc1, "doc")
	for _, q := range []string{"", "?zaak=" + url.QueryEscape(f.zaakURL(f.z1)), "?informatieobject=" + url.QueryEscape(docURL)} {
		l := decode[[]zioOut](t, f.do(t, "GET", "/zaakinformatieobjecten"+q, nil), 200)
		if len(l) != 1 || l[0].Informatieobject != docURL || l[0].AardRelatieWeergave != aardRelatieHoortBij ||
			l[0].Registratiedatum != "2024-01-10T11:00:00Z" {
			t.Errorf("/zaakinformatieobjecten%s: %+v", q, l)
		}
	}
	for _, q := range []string{"?zaak=" + url.QueryEscape(f.zaakURL(f.z2)), "?informatieobject=http%3A%2F%2Felders.test%2Fdoc%2F1"} {
		if l := decode[[]zioOut](t, f.do(t, "GET", "/zaakinformatieobjecten"+q, nil), 200); len(l) != 0 {
			t.Errorf("/zaakinformatieobjecten%s: %+v", q, l)
		}
	}
	u := "/zaakinformatieobjecten/" + f.uuidOfRef(f.zio1, "zio")
	ex := f.do(t, "GET", u, nil)
	decode[zioOut](t, ex, 200)
	if nm := f.do(t, "GET", u, nil, reqOpt{headers: map[string]string{"If-None-Match": ex.Header.Get("ETag")}}); nm.Status != 304 {
		t.Errorf("If-None-Match: %d", nm.Status)
	}
	if h := f.do(t, "HEAD", u, nil); h.Status != 200 {
		t.Errorf("HEAD %d", h.Status)
	}
	decode[problemOut](t, f.do(t, "GET", "/zaakinformatieobjecten/00000000-0000-4000-8000-000000000000", nil), 404)
}

type relOut struct {
	URL, UUID, Zaak, Contactmoment, Verzoek string
}

func TestZaakContactMomenten(t *testing.T) {
	f := newTestFixture(t)
	cmURL := func(r data.Ref) string {
		return "http://contactmomenten.test/contactmomenten/api/v1/contactmomenten/" + f.uuidOfRef(r, "cm")
	}
	for _, q := range []string{"", "?zaak=" + url.QueryEscape(f.zaakURL(f.z1)), "?contactmoment=" + url.QueryEscape(cmURL(f.cm1))} {
		l := decode[[]relOut](t, f.do(t, "GET", "/zaakcontactmomenten"+q, nil), 200)
		if len(l) != 1 || l[0].Contactmoment != cmURL(f.cm1) || l[0].Zaak != f.zaakURL(f.z1) {
			t.Errorf("/zaakcontactmomenten%s: %+v", q, l)
		}
	}
	if l := decode[[]relOut](t, f.do(t, "GET", "/zaakcontactmomenten?contactmoment="+url.QueryEscape(cmURL(f.cm2)), nil), 200); len(l) != 0 {
		t.Errorf("by cm2: %+v", l)
	}
	ex := f.do(t, "GET", "/zaakcontactmomenten/"+f.uuidOfRef(f.zcm1, "zcm"), nil)
	if decode[relOut](t, ex, 200).Contactmoment != cmURL(f.cm1) || ex.Header.Get("ETag") != "" {
		t.Errorf("detail %s etag %q", ex.Body, ex.Header.Get("ETag"))
	}

	// Create: the mirrored objectcontactmoment appears in the
	// contactmomenten data.
	body := map[string]string{"zaak": f.zaakURL(f.z2), "contactmoment": cmURL(f.cm2)}
	ex = f.do(t, "POST", "/zaakcontactmomenten", body)
	created := decode[relOut](t, ex, 201)
	if created.Zaak != f.zaakURL(f.z2) || created.Contactmoment != cmURL(f.cm2) || ex.Header.Get("Location") != created.URL {
		t.Errorf("created %+v location %q", created, ex.Header.Get("Location"))
	}
	mirrored := func() (n int, listed int) {
		f.store.Read(func(d *data.Data) {
			for i, o := range d.ObjectContactMomenten.Rows {
				if !o.Deleted && o.Contactmoment == f.cm2 && o.Object == f.z2 && o.ObjectType == "zaak" {
					n++
					if d.ObjectContactMomenten.InstOf(data.Ref(i)) != instContactmomenten {
						t.Errorf("mirror owned by instance %d", d.ObjectContactMomenten.InstOf(data.Ref(i)))
					}
				}
			}
			listed = len(d.ContactMomenten.Get(f.cm2).Objectcontactmomenten)
		})
		return
	}
	if n, l := mirrored(); n != 1 || l != 1 {
		t.Errorf("mirrored objectcontactmomenten: %d, listed %d", n, l)
	}
	if l := decode[[]relOut](t, f.do(t, "GET", "/zaakcontactmomenten?zaak="+url.QueryEscape(f.zaakURL(f.z2)), nil), 200); len(l) != 1 {
		t.Errorf("list after create: %+v", l)
	}
	// Duplicates and bad bodies.
	pr := decode[problemOut](t, f.do(t, "POST", "/zaakcontactmomenten", body), 400)
	if len(pr.InvalidParams) != 1 || pr.InvalidParams[0].Code != "unique" {
		t.Errorf("duplicate: %+v", pr)
	}
	pr = decode[problemOut](t, f.do(t, "POST", "/zaakcontactmomenten", map[string]string{"zaak": f.zaakURL(f.zb1),
		"contactmoment": "http://contactmomenten.test/contactmomenten/api/v1/contactmomenten/00000000-0000-4000-8000-000000000000"}), 400)
	if len(pr.InvalidParams) != 2 || pr.InvalidParams[0].Code != "bad-url" || pr.InvalidParams[1].Code != "bad-url" {
		t.Errorf("bad urls: %+v", pr)
	}
	pr = decode[problemOut](t, f.do(t, "POST", "/zaakcontactmomenten", map[string]string{}), 400)
	if len(pr.InvalidParams) != 2 || pr.InvalidParams[0].Code != "required" {
		t.Errorf("missing fields: %+v", pr)
	}
	decode[problemOut](t, f.do(t, "POST", "/zaakcontactmomenten", body, reqOpt{client: "beperkt"}), 403)
	// Delete removes both sides.
	decode[problemOut](t, f.do(t, "DELETE", "/zaakcontactmomenten/"+created.UUID, nil, reqOpt{client: "beperkt"}), 403)
	if ex := f.do(t, "DELETE", "/zaakcontactmomenten/"+created.UUID, nil); ex.Status != http.StatusNoContent {
		t.Fatalf("delete: %d %s", ex.Status, ex.Body)
	}
	if n, l := mirrored(); n != 0 || l != 0 {
		t.Errorf("after delete: mirrors %d, listed %d", n, l)
	}
	decode[problemOut](t, f.do(t, "GET", "/zaakcontactmomenten/"+created.UUID, nil), 404)
	decode[problemOut](t, f.do(t, "DELETE", "/zaakcontactmomenten/"+created.UUID, nil), 404)
	if l := decode[[]relOut](t, f.do(t, "GET", "/zaakcontactmomenten?zaak="+url.QueryEscape(f.zaakURL(f.z2)), nil), 200); len(l) != 0 {
		t.Errorf("list after delete: %+v", l)
	}
	// The link can be made again once deleted.
	decode[relOut](t, f.do(t, "POST", "/zaakcontactmomenten", body), 201)
}

func TestZaakVerzoeken(t *testing.T) {
	f := newTestFixture(t)
	vzURL := func(r data.Ref) string { return "http://verzoeken.test/api/v1/verzoeken/" + f.uuidOfRef(r, "vz") }
	for _, q := range []string{"", "?zaak=" + url.QueryEscape(f.zaakURL(f.z1)), "?verzoek=" + url.QueryEscape(vzURL(f.v1))} {
		l := decode[[]relOut](t, f.do(t, "GET", "/zaakverzoeken"+q, nil), 200)
		if len(l) != 1 || l[0].Verzoek != vzURL(f.v1) || l[0].Zaak != f.zaakURL(f.z1) {
			t.Errorf("/zaakverzoeken%s: %+v", q, l)
		}
	}
	decode[relOut](t, f.do(t, "GET", "/zaakverzoeken/"+f.uuidOfRef(f.zv1, "zv"), nil), 200)
	body := map[string]string{"zaak": f.zaakURL(f.z4), "verzoek": vzURL(f.v2)}
	created := decode[relOut](t, f.do(t, "POST", "/zaakverzoeken", body), 201)
	mirrors := func() (n int) {
		f.store.Read(func(d *data.Data) {
			for _, o := range d.ObjectVerzoeken.Rows {
				if !o.Deleted && o.Verzoek == f.v2 && o.Object == f.z4 {
					n++
				}
			}
		})
		return
	}
	if mirrors() != 1 {
		t.Errorf("objectverzoek not mirrored")
	}
	pr := decode[problemOut](t, f.do(t, "POST", "/zaakverzoeken", body), 400)
	if len(pr.InvalidParams) != 1 || pr.InvalidParams[0].Code != "unique" {
		t.Errorf("duplicate: %+v", pr)
	}
	pr = decode[problemOut](t, f.do(t, "POST", "/zaakverzoeken", map[string]string{"zaak": f.zaakURL(f.z4), "verzoek": cmURLOf(f, f.cm1)}), 400)
	if len(pr.InvalidParams) != 1 || pr.InvalidParams[0].Name != "verzoek" || pr.InvalidParams[0].Code != "bad-url" {
		t.Errorf("contactmoment as verzoek: %+v", pr)
	}
	if ex := f.do(t, "DELETE", "/zaakverzoeken/"+created.UUID, nil); ex.Status != http.StatusNoContent {
		t.Fatalf("delete: %d", ex.Status)
	}
	if mirrors() != 0 {
		t.Errorf("objectverzoek not removed")
	}
	decode[problemOut](t, f.do(t, "GET", "/zaakverzoeken/"+created.UUID, nil), 404)
	decode[problemOut](t, f.do(t, "GET", "/zaakverzoeken", nil, reqOpt{client: "none"}), 403)
}

func cmURLOf(f *fixture, r data.Ref) string {
	return "http://contactmomenten.test/contactmomenten/api/v1/contactmomenten/" + f.uuidOfRef(r, "cm")
}

func TestZaakObjecten(t *testing.T) {
	f := newTestFixture(t)
	ex := f.do(t, "GET", "/zaakobjecten?zaak="+url.QueryEscape(f.zaakURL(f.z1)), nil)
	if p := decode[page[json.RawMessage]](t, ex, 200); p.Count != 0 || p.Next != nil || len(p.Results) != 0 {
		t.Errorf("zaakobjecten %s", ex.Body)
	}
	if st, _ := f.doUnvalidated(t, "/zaakobjecten?page=2"); st != 404 {
		t.Errorf("page past the end: %d", st)
	}
	decode[problemOut](t, f.do(t, "GET", "/zaakobjecten?objectType=kasteel", nil), 400)
	decode[problemOut](t, f.do(t, "GET", "/zaakobjecten/00000000-0000-4000-8000-000000000000", nil), 404)
}
