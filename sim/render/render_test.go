package render

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/spectest"
)

func TestDates(t *testing.T) {
	d, ok := ParseDate("2024-02-29")
	if !ok || Date(d) != "2024-02-29" {
		t.Fatalf("date round trip: %v %q", ok, Date(d))
	}
	if d != 19782 {
		t.Errorf("2024-02-29 = day %d, want 19782", d)
	}
	if _, ok := ParseDate("2024-02-30"); ok {
		t.Error("invalid date accepted")
	}
	if NullDate(0) != nil || *NullDate(d) != "2024-02-29" {
		t.Error("NullDate")
	}
	for in, want := range map[string]string{
		"2024-03-05T09:00:00+01:00":   "2024-03-05T08:00:00Z",
		"2024-03-05T09:00:00.123456Z": "2024-03-05T09:00:00Z",
		"2024-03-05T09:00:00":         "2024-03-05T09:00:00Z",
		"2024-03-05T09:00":            "2024-03-05T09:00:00Z",
	} {
		ts, ok := ParseDateTime(in)
		if !ok || DateTime(ts) != want {
			t.Errorf("ParseDateTime(%q) = %q, %v; want %q", in, DateTime(ts), ok, want)
		}
	}
	if _, ok := ParseDateTime("gisteren"); ok {
		t.Error("invalid date-time accepted")
	}
	if NullDateTime(0) != nil {
		t.Error("NullDateTime(0)")
	}
	ts, _ := ParseDateTime("2024-03-05T23:30:00Z")
	if DateOf(timeOf(ts)) != day(t, "2024-03-05") {
		t.Error("DateOf")
	}
}

func day(t *testing.T, s string) data.Date {
	d, ok := ParseDate(s)
	if !ok {
		t.Fatalf("bad date %s", s)
	}
	return d
}

// world is a catalogus with one zaaktype and one of each sub-type.
func world(t *testing.T) (*data.Store, *data.Data, [5]data.Ref) {
	d := &data.Data{}
	u := func(n uint64) data.UUID { return data.MakeUUID(1, "render", n) }
	cat := d.Catalogussen.Add(u(1), 1, data.Catalogus{Domein: "ZAKEN", RSIN: "002220647"})
	zt := d.ZaakTypen.Add(u(2), 1, data.ZaakType{Catalogus: cat, Identificatie: "MOR", Omschrijving: "Melding",
		Doel: "Herstel", Aanleiding: "Melding", Onderwerp: "Openbare ruimte", HandelingInitiator: "Melden",
		HandelingBehandelaar: "Behandelen", Doorlooptijd: "P2W", Vertrouwelijkheid: data.Openbaar,
		BeginGeldigheid: day(t, "2020-01-01"), ProductenOfDiensten: []string{"https://pdc.test/producten/1"}})
	st := d.StatusTypen.Add(u(3), 1, data.StatusType{Zaaktype: zt, Omschrijving: "Afgehandeld", Volgnummer: 2, IsEindstatus: true})
	rt := d.ResultaatTypen.Add(u(4), 1, data.ResultaatType{Zaaktype: zt, Omschrijving: "Afgehandeld",
		ResultaattypeOmschrijving: "https://selectielijst.test/omschrijvingen/1", OmschrijvingGeneriek: "Afgehandeld",
		Selectielijstklasse: "https://selectielijst.test/resultaten/1", Archiefnominatie: "vernietigen", Archiefactietermijn: "P10Y"})
	rl := d.RolTypen.Add(u(5), 1, data.RolType{Zaaktype: zt, Omschrijving: "Melder", OmschrijvingGeneriek: "initiator"})
	e := d.Eigenschappen.Add(u(6), 1, data.Eigenschap{Zaaktype: zt, Naam: "locatie", Definitie: "Plek", Formaat: "tekst", Lengte: "100", Kardinaliteit: "1"})
	z := d.ZaakTypen.Get(zt)
	z.Statustypen, z.Resultaattypen, z.Roltypen, z.Eigenschappen = []data.Ref{st}, []data.Ref{rt}, []data.Ref{rl}, []data.Ref{e}
	bases := []string{"http://zaken.test/zaken/api/v1", "http://catalogi.test/catalogi/api/v1"}
	topo := data.Topology{{Name: "zaken", API: data.APIZaken, System: "a"}, {Name: "catalogi", API: data.APICatalogi, System: "a"}}
	return data.NewStore(d, topo, bases), d, [5]data.Ref{zt, st, rt, rl, e}
}

// TestCatalogiConformance validates every rendering against the Catalogi
// API's detail response schema.
func TestCatalogiConformance(t *testing.T) {
	spec := spectest.Load(t, "catalogi-1.3.1.yaml")
	st, d, refs := world(t)
	for _, c := range []struct {
		coll string
		v    any
	}{
		{CollZaakTypen, ZaakType(st, d, refs[0])},
		{CollStatusTypen, StatusType(st, d, refs[1])},
		{CollResultaatTypen, ResultaatType(st, d, refs[2])},
		{CollRolTypen, RolType(st, d, refs[3])},
		{CollEigenschappen, Eigenschap(st, d, refs[4])},
	} {
		b, err := json.Marshal(c.v)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		_ = json.Unmarshal(b, &m)
		u, _ := m["url"].(string)
		req := httptest.NewRequest("GET", u, nil)
		ex := &spectest.Exchange{Request: req, Status: 200, Body: b,
			Header: http.Header{"Content-Type": {"application/json"}, "Api-Version": {"1.3.1"}, "Etag": {`"x"`}}}
		if err := spec.Validate(ex); err != nil {
			t.Errorf("%s does not conform: %v\n%s", c.coll, err, b)
		}
		if ex.Template != "/"+c.coll+"/{uuid}" {
			t.Errorf("%s rendered url %s matched %s", c.coll, u, ex.Template)
		}
	}
}

func TestCatalogiValues(t *testing.T) {
	st, d, refs := world(t)
	zt := ZaakType(st, d, refs[0])
	if zt.URL != "http://catalogi.test/catalogi/api/v1/zaaktypen/"+d.ZaakTypen.UUIDOf(refs[0]).String() ||
		zt.Catalogus != "http://catalogi.test/catalogi/api/v1/catalogussen/"+d.Catalogussen.UUIDOf(0).String() ||
		len(zt.Statustypen) != 1 || zt.Statustypen[0] != StatusType(st, d, refs[1]).URL ||
		zt.Vertrouwelijkheidaanduiding != "openbaar" || zt.BeginGeldigheid != "2020-01-01" || zt.Versiedatum != "2020-01-01" ||
		zt.ProductenOfDiensten[0] != "https://pdc.test/producten/1" || zt.Besluittypen == nil {
		t.Errorf("zaaktype %+v", zt)
	}
	s := StatusType(st, d, refs[1])
	if s.Zaaktype != zt.URL || s.ZaaktypeIdentificatie != "MOR" || !s.IsEindstatus || s.Volgnummer != 2 || s.Catalogus != zt.Catalogus {
		t.Errorf("statustype %+v", s)
	}
	r := ResultaatType(st, d, refs[2])
	if r.Archiefactietermijn == nil || *r.Archiefactietermijn != "P10Y" || r.BrondatumArchiefprocedure.Afleidingswijze != "afgehandeld" {
		t.Errorf("resultaattype %+v", r)
	}
	if rl := RolType(st, d, refs[3]); rl.OmschrijvingGeneriek != "initiator" || rl.Zaaktype != zt.URL {
		t.Errorf("roltype %+v", rl)
	}
	if e := Eigenschap(st, d, refs[4]); e.Specificatie.Formaat != "tekst" || e.Specificatie.Lengte != "100" || e.Naam != "locatie" {
		t.Errorf("eigenschap %+v", e)
	}
}

func timeOf(t data.DateTime) time.Time { return time.Unix(int64(t), 0) }
