package catalogi

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/provider"
)

// Every collection: list count and order, detail, ETag, HEAD, 404 and 403.
func TestListsAndDetails(t *testing.T) {
	f := newFixture(t)
	cases := []struct {
		coll, kind   string
		count        int
		newest       uint64 // sequence of the newest own object
		other        uint64 // sequence of an object of catalogi-b (0 = none)
		hasOther     bool
		firstField   string
		firstValue   string
		secondNewest uint64
	}{
		{"catalogussen", "catalogus", 2, 1, 2, true, "domein", "SOC", 0},
		{"zaaktypen", "zaaktype", 3 + fillers, 100 + fillers - 1, 3, true, "identificatie", "ZT-F100", 100 + fillers - 2},
		{"statustypen", "statustype", 5, 4, 5, true, "omschrijving", "Besloten", 3},
		{"resultaattypen", "resultaattype", 3, 2, 0, false, "omschrijving", "Toegekend", 1},
		{"roltypen", "roltype", 4, 3, 4, true, "omschrijving", "Klager", 2},
		{"eigenschappen", "eigenschap", 2, 1, 0, false, "naam", "inkomen", 0},
		{"informatieobjecttypen", "iot", 3, 2, 3, true, "omschrijving", "Gespreksnotitie", 1},
	}
	for _, c := range cases {
		p, items := f.list("/" + c.coll)
		if p.Count != c.count {
			t.Errorf("%s: count %d, want %d", c.coll, p.Count, c.count)
		}
		if items[0]["url"] != f.objURL(c.coll, c.kind, c.newest) || items[0][c.firstField] != c.firstValue {
			t.Errorf("%s: first %v (%v), want newest %s", c.coll, items[0]["url"], items[0][c.firstField], c.firstValue)
		}
		if items[1]["url"] != f.objURL(c.coll, c.kind, c.secondNewest) {
			t.Errorf("%s: second %v, want seq %d", c.coll, items[1]["url"], c.secondNewest)
		}

		u := f.objURL(c.coll, c.kind, c.newest)
		ex := f.do("GET", u)
		expectStatus(t, ex, 200)
		obj := decode[map[string]any](t, ex)
		if obj["url"] != u || obj[c.firstField] != c.firstValue {
			t.Errorf("%s detail: %s", c.coll, ex.Body)
		}
		etag := ex.Header.Get("ETag")
		if etag == "" {
			t.Fatalf("%s: no ETag", c.coll)
		}
		ex = f.do("GET", u, "If-None-Match", `"x", `+etag)
		expectStatus(t, ex, 304)
		if len(ex.Body) != 0 {
			t.Errorf("%s: 304 with a body", c.coll)
		}
		expectStatus(t, f.do("GET", u, "If-None-Match", `"x"`), 200)
		ex = f.do("HEAD", u)
		expectStatus(t, ex, 200)
		if ex.Header.Get("ETag") != etag || len(ex.Body) != 0 {
			t.Errorf("%s HEAD: etag %q body %q", c.coll, ex.Header.Get("ETag"), ex.Body)
		}

		if c.hasOther {
			expectStatus(t, f.do("GET", f.objURL(c.coll, c.kind, c.other)), 404)
		}
		expectStatus(t, f.do("GET", "/"+c.coll+"/"+uuidOf(c.kind, 999).String()), 404)
		expectStatus(t, f.do("GET", "/"+c.coll+"/not-a-uuid"), 404)
		expectStatus(t, f.do("GET", "/"+c.coll, "X-Test-Scopes", "zaken.lezen"), 403)
		expectStatus(t, f.do("GET", u, "X-Test-Scopes", "zaken.lezen,documenten.lezen"), 403)
		expectStatus(t, f.do("GET", u, "X-Test-Scopes", "catalogi.lezen"), 200)
	}
}

func TestZaakTypeRepresentation(t *testing.T) {
	f := newFixture(t)
	zt := decode[map[string]any](t, f.do("GET", f.objURL("zaaktypen", "zaaktype", 0)))
	want := map[string]any{
		"identificatie": "ZT-PARKEER", "omschrijving": "Parkeervergunning aanvragen", "vertrouwelijkheidaanduiding": "zaakvertrouwelijk",
		"doorlooptijd": "P8W", "concept": false, "beginGeldigheid": "2020-01-01", "versiedatum": "2021-03-01",
		"beginObject": "2020-01-01", "eindeObject": "2021-03-01", "eindeGeldigheid": nil,
		"catalogus": f.objURL("catalogussen", "catalogus", 0),
	}
	for k, v := range want {
		if zt[k] != v {
			t.Errorf("zaaktype.%s = %v, want %v", k, zt[k], v)
		}
	}
	lists := map[string][]string{
		"statustypen":           {f.objURL("statustypen", "statustype", 0), f.objURL("statustypen", "statustype", 1), f.objURL("statustypen", "statustype", 2)},
		"resultaattypen":        {f.objURL("resultaattypen", "resultaattype", 0), f.objURL("resultaattypen", "resultaattype", 1)},
		"roltypen":              {f.objURL("roltypen", "roltype", 0), f.objURL("roltypen", "roltype", 1)},
		"eigenschappen":         {f.objURL("eigenschappen", "eigenschap", 0)},
		"informatieobjecttypen": {f.objURL("informatieobjecttypen", "iot", 0), f.objURL("informatieobjecttypen", "iot", 1)},
		"trefwoorden":           {"parkeren", "vergunning"},
		"productenOfDiensten":   {"https://pdc.example/producten/1"},
		"besluittypen":          {},
		"deelzaaktypen":         {},
	}
	for k, v := range lists {
		if got := strList(zt[k]); !slices.Equal(got, v) {
			t.Errorf("zaaktype.%s = %v, want %v", k, got, v)
		}
	}

	st := decode[map[string]any](t, f.do("GET", f.objURL("statustypen", "statustype", 2)))
	if st["zaaktype"] != f.objURL("zaaktypen", "zaaktype", 0) || st["zaaktypeIdentificatie"] != "ZT-PARKEER" ||
		st["catalogus"] != f.objURL("catalogussen", "catalogus", 0) || st["isEindstatus"] != true || st["volgnummer"] != float64(3) ||
		st["beginObject"] != "2020-01-01" {
		t.Errorf("statustype: %v", st)
	}
	rt := decode[map[string]any](t, f.do("GET", f.objURL("resultaattypen", "resultaattype", 0)))
	if rt["archiefnominatie"] != "vernietigen" || rt["archiefactietermijn"] != "P10Y" || rt["zaaktypeIdentificatie"] != "ZT-PARKEER" ||
		rt["selectielijstklasse"] != "https://selectielijst.example/api/v1/resultaten/1" {
		t.Errorf("resultaattype: %v", rt)
	}
	rol := decode[map[string]any](t, f.do("GET", f.objURL("roltypen", "roltype", 3)))
	if rol["omschrijvingGeneriek"] != "belanghebbende" || rol["zaaktype"] != f.objURL("zaaktypen", "zaaktype", 2) {
		t.Errorf("roltype: %v", rol)
	}
	eig := decode[map[string]any](t, f.do("GET", f.objURL("eigenschappen", "eigenschap", 1)))
	if spec := eig["specificatie"].(map[string]any); spec["formaat"] != "getal" || spec["lengte"] != "10" || eig["catalogus"] != f.objURL("catalogussen", "catalogus", 1) {
		t.Errorf("eigenschap: %v", eig)
	}
}

func TestCatalogusAndInformatieObjectType(t *testing.T) {
	f := newFixture(t)
	cat := decode[map[string]any](t, f.do("GET", f.objURL("catalogussen", "catalogus", 0)))
	if cat["rsin"] != "002220647" || cat["naam"] != "Zaaktypen gemeente" || cat["begindatumVersie"] != nil {
		t.Errorf("catalogus: %v", cat)
	}
	if got := strList(cat["zaaktypen"]); !slices.Equal(got, []string{f.objURL("zaaktypen", "zaaktype", 0), f.objURL("zaaktypen", "zaaktype", 2)}) {
		t.Errorf("catalogus.zaaktypen %v", got)
	}
	if got := strList(cat["informatieobjecttypen"]); !slices.Equal(got, []string{f.objURL("informatieobjecttypen", "iot", 0), f.objURL("informatieobjecttypen", "iot", 1)}) {
		t.Errorf("catalogus.informatieobjecttypen %v", got)
	}
	cat2 := decode[map[string]any](t, f.do("GET", f.objURL("catalogussen", "catalogus", 1)))
	if n := len(strList(cat2["zaaktypen"])); n != 1+fillers {
		t.Errorf("catalogus 2 has %d zaaktypen, want %d", n, 1+fillers)
	}

	// The notitie type belongs to the zaaktype naming it and the one it names.
	iot := decode[map[string]any](t, f.do("GET", f.objURL("informatieobjecttypen", "iot", 2)))
	if got := strList(iot["zaaktypen"]); !slices.Equal(got, []string{f.objURL("zaaktypen", "zaaktype", 1), f.objURL("zaaktypen", "zaaktype", 2)}) {
		t.Errorf("iot.zaaktypen %v", got)
	}
	if iot["catalogus"] != f.objURL("catalogussen", "catalogus", 1) || iot["vertrouwelijkheidaanduiding"] != "intern" ||
		iot["concept"] != false || iot["beginGeldigheid"] != "2022-06-01" || iot["beginObject"] != "2022-06-01" || iot["informatieobjectcategorie"] != "notitie" {
		t.Errorf("iot: %v", iot)
	}
}

func TestZaakTypeInformatieObjectTypen(t *testing.T) {
	f := newFixture(t)
	p, items := f.list("/zaaktype-informatieobjecttypen")
	if p.Count != 3 {
		t.Fatalf("count %d, want 3", p.Count)
	}
	// Newest first: bijstand's notitie, then parkeer's besluit and aanvraag.
	if got := field(items, "informatieobjecttype"); !slices.Equal(got, []string{
		f.objURL("informatieobjecttypen", "iot", 2), f.objURL("informatieobjecttypen", "iot", 1), f.objURL("informatieobjecttypen", "iot", 0)}) {
		t.Errorf("order %v", got)
	}
	if got := field(items, "richting"); !slices.Equal(got, []string{"intern", "uitgaand", "inkomend"}) {
		t.Errorf("richting %v", got)
	}
	if items[2]["volgnummer"] != float64(1) || items[1]["volgnummer"] != float64(2) || items[2]["zaaktypeIdentificatie"] != "ZT-PARKEER" {
		t.Errorf("links: %v", items)
	}
	u := items[1]["url"].(string)
	ex := f.do("GET", u)
	expectStatus(t, ex, 200)
	if obj := decode[map[string]any](t, ex); obj["url"] != u || obj["catalogus"] != f.objURL("catalogussen", "catalogus", 0) || obj["statustype"] != nil {
		t.Errorf("detail: %s", ex.Body)
	}
	expectStatus(t, f.do("GET", u, "If-None-Match", ex.Header.Get("ETag")), 304)
	expectStatus(t, f.do("HEAD", u), 200)
	expectStatus(t, f.do("GET", "/zaaktype-informatieobjecttypen/"+uuidOf("x", 1).String()), 404)

	for q, want := range map[string]int{
		"?zaaktype=" + url.QueryEscape(f.objURL("zaaktypen", "zaaktype", 0)):                    2,
		"?informatieobjecttype=" + url.QueryEscape(f.objURL("informatieobjecttypen", "iot", 2)): 1,
		"?richting=inkomend":       1,
		"?status=concept":          0,
		"?status=alles":            3,
		"?zaaktype=http%3A%2F%2Fx": 0,
	} {
		if p, _ := f.list("/zaaktype-informatieobjecttypen" + q); p.Count != want {
			t.Errorf("%s: count %d, want %d", q, p.Count, want)
		}
	}
	expectStatus(t, f.do("GET", "/zaaktype-informatieobjecttypen?richting=zijwaarts"), 400)
}

func TestFilters(t *testing.T) {
	f := newFixture(t)
	esc := url.QueryEscape
	cat1, cat2 := f.objURL("catalogussen", "catalogus", 0), f.objURL("catalogussen", "catalogus", 1)
	parkeer, klacht := f.objURL("zaaktypen", "zaaktype", 0), f.objURL("zaaktypen", "zaaktype", 2)
	catB := strings.Replace(f.objURL("catalogussen", "catalogus", 2), f.base, "http://catalogi-b.test/catalogi/api/v1", 1)
	cases := []struct {
		path, field string
		want        []string
	}{
		{"/catalogussen?domein=ZAKEN", "naam", []string{"Zaaktypen gemeente"}},
		{"/catalogussen?domein__in=SOC,ZAKEN", "naam", []string{"Sociaal domein", "Zaaktypen gemeente"}},
		{"/catalogussen?rsin=001005650", "naam", []string{"Sociaal domein"}},
		{"/catalogussen?rsin__in=002220647,999999999", "naam", []string{"Zaaktypen gemeente"}},
		{"/catalogussen?rsin=002564440", "naam", nil}, // catalogi-b's
		{"/catalogussen?onbekend=1&domein=SOC", "naam", []string{"Sociaal domein"}},
		{"/zaaktypen?catalogus=" + esc(cat1), "identificatie", []string{"ZT-KLACHT", "ZT-PARKEER"}},
		{"/zaaktypen?catalogus=" + esc(catB), "identificatie", nil},
		{"/zaaktypen?catalogus=niet-een-url", "identificatie", nil},
		{"/zaaktypen?identificatie=ZT-PARKEER", "omschrijving", []string{"Parkeervergunning aanvragen"}},
		{"/zaaktypen?identificatie__icontains=bijst", "identificatie", []string{"ZT-BIJSTAND"}},
		{"/zaaktypen?omschrijving__icontains=KLACHT", "identificatie", []string{"ZT-KLACHT"}},
		{"/zaaktypen?trefwoorden=vergunning,parkeren", "identificatie", []string{"ZT-PARKEER"}},
		{"/zaaktypen?trefwoorden=vergunning,bijstand", "identificatie", nil},
		{"/zaaktypen?status=concept", "identificatie", nil},
		{"/zaaktypen?datumGeldigheid=2020-06-01", "identificatie", []string{"ZT-KLACHT", "ZT-PARKEER"}},
		{"/zaaktypen?datumGeldigheid=2019-05-01&catalogus=" + esc(cat1), "identificatie", []string{"ZT-KLACHT"}},
		{"/statustypen?zaaktype=" + esc(parkeer), "omschrijving", []string{"Afgerond", "In behandeling", "Ontvangen"}},
		{"/statustypen?zaaktype=" + esc(klacht), "omschrijving", nil},
		{"/statustypen?zaaktypeIdentificatie=ZT-BIJSTAND", "omschrijving", []string{"Besloten", "Ontvangen"}},
		{"/statustypen?datumGeldigheid=2022-01-01", "omschrijving", []string{"Afgerond", "In behandeling", "Ontvangen"}},
		{"/statustypen?status=concept", "omschrijving", nil},
		{"/resultaattypen?zaaktype=" + esc(parkeer), "omschrijving", []string{"Geweigerd", "Verleend"}},
		{"/resultaattypen?zaaktypeIdentificatie=ZT-BIJSTAND&status=definitief", "omschrijving", []string{"Toegekend"}},
		{"/roltypen?omschrijvingGeneriek=initiator", "zaaktypeIdentificatie", []string{"ZT-BIJSTAND", "ZT-PARKEER"}},
		{"/roltypen?omschrijving=Klager", "zaaktypeIdentificatie", []string{"ZT-KLACHT"}},
		{"/roltypen?zaaktype=" + esc(parkeer) + "&omschrijvingGeneriek=behandelaar", "omschrijving", []string{"Behandelaar"}},
		{"/eigenschappen?zaaktypeIdentificatie=ZT-PARKEER", "naam", []string{"kenteken"}},
		{"/eigenschappen?zaaktype=" + esc(parkeer) + "&status=alles", "naam", []string{"kenteken"}},
		{"/informatieobjecttypen?catalogus=" + esc(cat2), "omschrijving", []string{"Gespreksnotitie"}},
		{"/informatieobjecttypen?zaaktype=" + esc(klacht), "omschrijving", []string{"Gespreksnotitie"}},
		{"/informatieobjecttypen?zaaktype=" + esc(parkeer), "omschrijving", []string{"Besluit op aanvraag", "Aanvraag"}},
		{"/informatieobjecttypen?omschrijving=Aanvraag", "omschrijving", []string{"Aanvraag"}},
		{"/informatieobjecttypen?omschrijving__icontains=aanvraag", "omschrijving", []string{"Besluit op aanvraag", "Aanvraag"}},
		{"/informatieobjecttypen?datumGeldigheid=2021-01-01", "omschrijving", []string{"Besluit op aanvraag", "Aanvraag"}},
	}
	for _, c := range cases {
		p, items := f.list(c.path)
		got := field(items, c.field)
		if p.Count != len(c.want) || !slices.Equal(got, c.want) {
			t.Errorf("%s: got %v (count %d), want %v", c.path, got, p.Count, c.want)
		}
	}

	bad := []struct{ path, name, code string }{
		{"/zaaktypen?status=gepubliceerd", "status", "invalid_choice"},
		{"/zaaktypen?datumGeldigheid=1-2-2020", "datumGeldigheid", "invalid"},
		{"/statustypen?status=x", "status", "invalid_choice"},
		{"/roltypen?omschrijvingGeneriek=klant", "omschrijvingGeneriek", "invalid_choice"},
		{"/informatieobjecttypen?datumGeldigheid=gisteren", "datumGeldigheid", "invalid"},
		{"/besluittypen?status=nee", "status", "invalid_choice"},
		{"/zaaktypen?pageSize=veel", "pageSize", "invalid"},
	}
	for _, c := range bad {
		ex := f.do("GET", c.path)
		expectStatus(t, ex, 400)
		pr := decode[provider.Problem](t, ex)
		if len(pr.InvalidParams) != 1 || pr.InvalidParams[0].Name != c.name || pr.InvalidParams[0].Code != c.code {
			t.Errorf("%s: %s", c.path, ex.Body)
		}
	}
}

func TestPagination(t *testing.T) {
	f := newFixture(t)
	p, items := f.list("/zaaktypen")
	if p.Count != 3+fillers || len(items) != 100 || p.Next == nil || p.Previous != nil {
		t.Fatalf("default page: count %d, %d items, next %v", p.Count, len(items), p.Next)
	}
	if !strings.Contains(*p.Next, "page=2") || !strings.HasPrefix(*p.Next, f.base) {
		t.Errorf("next %s", *p.Next)
	}
	p2, items2 := f.list(*p.Next)
	if len(items2) != 3+fillers-100 || p2.Next != nil || p2.Previous == nil {
		t.Errorf("page 2: %d items, next %v, previous %v", len(items2), p2.Next, p2.Previous)
	}

	// Walk the whole list through next with a small page size.
	next := f.url("/zaaktypen?pageSize=7&catalogus=" + url.QueryEscape(f.objURL("catalogussen", "catalogus", 1)))
	seen := map[string]bool{}
	pages := 0
	for next != "" {
		p, items := f.list(next)
		pages++
		if len(items) > 7 {
			t.Fatalf("page of %d", len(items))
		}
		for _, it := range items {
			u := it["url"].(string)
			if seen[u] {
				t.Fatalf("duplicate %s", u)
			}
			seen[u] = true
		}
		next = ""
		if p.Next != nil {
			next = *p.Next
		}
	}
	if want := 1 + fillers; len(seen) != want || pages != (want+6)/7 {
		t.Errorf("walked %d pages, %d zaaktypen; want %d", pages, len(seen), want)
	}
}

func TestUnmodelledTypes(t *testing.T) {
	f := newFixture(t)
	for _, coll := range []string{"besluittypen", "zaakobjecttypen"} {
		p, _ := f.list("/" + coll + "?status=alles")
		if p.Count != 0 || p.Next != nil {
			t.Errorf("%s: %+v", coll, p)
		}
		expectStatus(t, f.do("GET", "/"+coll+"/"+uuidOf(coll, 1).String()), 404)
		expectStatus(t, f.do("GET", "/"+coll, "X-Test-Scopes", "zaken.lezen"), 403)
	}
}

// Writes to the store drop the lazily built indexes; the back references
// follow.
func TestIndexesFollowWrites(t *testing.T) {
	f := newFixture(t)
	f.store.Write(func(d *data.Data) {
		u := uuidOf("zaaktype", 5000)
		d.ZaakTypen.Add(u, f.inst, data.ZaakType{UUID: u, Inst: f.inst, Catalogus: 0, Identificatie: "ZT-NIEUW", Doorlooptijd: "P1W"})
	})
	cat := decode[map[string]any](t, f.do("GET", f.objURL("catalogussen", "catalogus", 0)))
	if got := strList(cat["zaaktypen"]); len(got) != 3 || got[2] != f.objURL("zaaktypen", "zaaktype", 5000) {
		t.Errorf("catalogus.zaaktypen after write: %v", got)
	}
}
