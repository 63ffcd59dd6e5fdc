package verzoeken

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/klantgraaf/klantgraaf/sim/data"
)

const (
	t0      = data.DateTime(1717236000) // 2024-06-01T10:00:00Z
	fillers = 105
)

type fx struct {
	*server
	klant   [3]string // klant 2 is deleted
	zaak    [2]string
	cm      [3]string // cm 2 is deleted
	eio     [2]string
	v       [4]string // v3 is deleted
	kv      [3]string // kv2 belongs to the deleted v3
	ov      [2]string
	vcm     [1]string
	vio     [1]string
	eioRefs [2]data.Ref
	vRefs   [4]data.Ref
}

func uuidOf(kind string, n uint64) data.UUID { return data.MakeUUID(9, kind, n) }

func newFx(t *testing.T) *fx {
	f := &fx{}
	f.server = newServer(t, "verzoeken-1.0.0-beta.yaml", "verzoeken", Routes, func(s *server, d *data.Data) {
		vi := s.instOf("verzoeken")
		var klanten [3]data.Ref
		for i := range klanten {
			u, ki := uuidOf("klant", uint64(i)), s.instOf("klanten")
			klanten[i] = d.Klanten.Add(u, ki, data.Klant{UUID: u, Inst: ki, Deleted: i == 2})
			f.klant[i] = s.urlOf("klanten", "klanten", u)
		}
		var zaken [2]data.Ref
		for i, name := range []string{"zaken-a", "zaken-b"} {
			u, zi := uuidOf("zaak", uint64(i)), s.instOf(name)
			zaken[i] = d.Zaken.Add(u, zi, data.Zaak{UUID: u, Inst: zi, Hoofdzaak: data.NoRef})
			f.zaak[i] = s.urlOf(name, "zaken", u)
		}
		var cms [3]data.Ref
		for i := range cms {
			u, ci := uuidOf("cm", uint64(i)), s.instOf("contactmomenten")
			cms[i] = d.ContactMomenten.Add(u, ci, data.ContactMoment{UUID: u, Inst: ci, Deleted: i == 2,
				VorigContactmoment: data.NoRef, VolgendContactmoment: data.NoRef})
			f.cm[i] = s.urlOf("contactmomenten", "contactmomenten", u)
		}
		for i, name := range []string{"documenten-a", "documenten-b"} {
			u, di := uuidOf("eio", uint64(i)), s.instOf(name)
			f.eioRefs[i] = d.InformatieObjecten.Add(u, di, data.EnkelvoudigInformatieObject{UUID: u, Inst: di})
			f.eio[i] = s.urlOf(name, "enkelvoudiginformatieobjecten", u)
		}
		addV := func(n uint64, v data.Verzoek) data.Ref {
			v.UUID, v.Inst = uuidOf("verzoek", n), vi
			ref := d.Verzoeken.Add(v.UUID, vi, v)
			if n < 4 {
				f.v[n] = s.urlOf("verzoeken", "verzoeken", v.UUID)
				f.vRefs[n] = ref
			}
			return ref
		}
		v0 := addV(0, data.Verzoek{Identificatie: "VERZOEK-2024-0000000001", Bronorganisatie: "002220647", ExterneIdentificatie: "EXT1",
			Registratiedatum: t0, Voorkeurskanaal: "email", Tekst: "Parkeervergunning", Status: "ontvangen",
			InTeTrekkenVerzoek: data.NoRef, AangevuldeVerzoek: data.NoRef})
		v1 := addV(1, data.Verzoek{Identificatie: "VERZOEK-2024-0000000002", Bronorganisatie: "002220647", Registratiedatum: t0 + 3600,
			Status: "in_behandeling", InTeTrekkenVerzoek: v0, AangevuldeVerzoek: data.NoRef})
		addV(2, data.Verzoek{Identificatie: "VERZOEK-2024-0000000003", Bronorganisatie: "002564440", Registratiedatum: t0 + 7200,
			Status: "afgehandeld", InTeTrekkenVerzoek: data.NoRef, AangevuldeVerzoek: v0})
		v3 := addV(3, data.Verzoek{Identificatie: "VERZOEK-2024-0000000004", Bronorganisatie: "002220647", Registratiedatum: t0 + 9000,
			Status: "ontvangen", InTeTrekkenVerzoek: data.NoRef, AangevuldeVerzoek: data.NoRef, Deleted: true})
		for i := 0; i < fillers; i++ {
			addV(uint64(100+i), data.Verzoek{Identificatie: fmt.Sprintf("VERZOEK-2023-%010d", i+1), Bronorganisatie: "001005650",
				Registratiedatum: t0 - 86400*365, Status: "afgehandeld", InTeTrekkenVerzoek: data.NoRef, AangevuldeVerzoek: data.NoRef})
		}
		for i, kv := range []data.KlantVerzoek{{Klant: klanten[0], Verzoek: v0, Rol: "initiator"},
			{Klant: klanten[1], Verzoek: v1, IndicatieMachtiging: "gemachtigde"}, {Klant: klanten[0], Verzoek: v3}} {
			kv.UUID, kv.Inst = uuidOf("kv", uint64(i)), vi
			d.KlantVerzoeken.Add(kv.UUID, vi, kv)
			f.kv[i] = s.url("/klantverzoeken/" + kv.UUID.String())
		}
		for i, ov := range []data.ObjectVerzoek{{Verzoek: v0, Object: zaken[0], ObjectType: "zaak"}, {Verzoek: v1, Object: zaken[1], ObjectType: "zaak"}} {
			ov.UUID, ov.Inst = uuidOf("ov", uint64(i)), vi
			d.ObjectVerzoeken.Add(ov.UUID, vi, ov)
			f.ov[i] = s.url("/objectverzoeken/" + ov.UUID.String())
		}
		vcm := data.VerzoekContactMoment{UUID: uuidOf("vcm", 0), Inst: vi, Verzoek: v0, Contactmoment: cms[0]}
		d.VerzoekContactMomenten.Add(vcm.UUID, vi, vcm)
		f.vcm[0] = s.url("/verzoekcontactmomenten/" + vcm.UUID.String())
		vio := data.VerzoekInformatieObject{UUID: uuidOf("vio", 0), Inst: vi, Verzoek: v0, Informatieobject: f.eioRefs[0]}
		d.VerzoekInformatieObjecten.Add(vio.UUID, vi, vio)
		f.vio[0] = s.url("/verzoekinformatieobjecten/" + vio.UUID.String())
		oio := data.ObjectInformatieObject{UUID: uuidOf("oio", 0), Inst: s.instOf("documenten-a"), Informatieobject: f.eioRefs[0],
			ObjectType: "verzoek", Object: v0}
		d.ObjectInformatieObjecten.Add(oio.UUID, oio.Inst, oio)
	})
	return f
}

func urls(items []map[string]any) []string {
	var out []string
	for _, it := range items {
		out = append(out, it["url"].(string))
	}
	return out
}

func q(v string) string { return url.QueryEscape(v) }

func (f *fx) expectList(path string, want ...string) {
	f.t.Helper()
	p, items := f.list(path)
	if got := urls(items); p.Count != len(want) || strings.Join(got, " ") != strings.Join(want, " ") {
		f.t.Errorf("%s: got %v, want %v", path, got, want)
	}
}

// mirrors counts the live verzoek mirrors of a document in the Documenten data.
func (f *fx) mirrors(eio data.Ref) int {
	n := 0
	f.store.Read(func(d *data.Data) {
		for _, o := range d.ObjectInformatieObjecten.Rows {
			if o.Informatieobject == eio && o.ObjectType == "verzoek" && !o.Deleted {
				n++
			}
		}
	})
	return n
}

func TestVerzoekenList(t *testing.T) {
	f := newFx(t)
	p, items := f.list("/verzoeken")
	if p.Count != 3+fillers || strings.Join(urls(items[:3]), " ") != strings.Join(f.v[:3], " ") {
		t.Fatalf("list: count %d, first %v", p.Count, urls(items[:3]))
	}
	f.expectList("/verzoeken?identificatie=VERZOEK-2024-0000000002", f.v[1])
	f.expectList("/verzoeken?bronorganisatie=002564440", f.v[2])
	f.expectList("/verzoeken?externeIdentificatie=EXT1", f.v[0])
	f.expectList("/verzoeken?status=in_behandeling", f.v[1])
	f.expectList("/verzoeken?voorkeurskanaal=email", f.v[0])
	f.expectList("/verzoeken?tekst=Parkeervergunning", f.v[0])
	f.expectList("/verzoeken?registratiedatum__gte=2024-06-01T11:00:00Z", f.v[1], f.v[2])
	f.expectList("/verzoeken?registratiedatum__lt=2024-06-01T11:00:00Z&registratiedatum__gt=2024-01-01", f.v[0])
	f.expectList("/verzoeken?registratiedatum=2024-06-01T12:00:00Z", f.v[2])
	f.expectList("/verzoeken?inTeTrekkenVerzoek="+q(f.v[0]), f.v[1])
	f.expectList("/verzoeken?intrekkendeVerzoek="+q(f.v[1]), f.v[0])
	f.expectList("/verzoeken?aangevuldeVerzoek="+q(f.v[0]), f.v[2])
	f.expectList("/verzoeken?aanvullendeVerzoek="+q(f.v[2]), f.v[0])
	f.expectList("/verzoeken?inTeTrekkenVerzoek=" + q(f.v[3]))
	f.expectList("/verzoeken?inTeTrekkenVerzoek=" + q("https://elders.example/api/v1/verzoeken/1"))
	expectInvalid(t, f.do("GET", "/verzoeken?status=open", nil), "status", "invalid_choice")
	expectStatus(t, f.do("GET", "/verzoeken", nil, "X-Test-Scopes", "klanten.lezen"), 403)
	all, pages := f.walk("/verzoeken")
	if pages != 2 || len(all) != 3+fillers {
		t.Errorf("walk: %d pages, %d items", pages, len(all))
	}
}

func TestVerzoekDetailAndWrites(t *testing.T) {
	f := newFx(t)
	ex := f.do("GET", f.v[0], nil)
	expectStatus(t, ex, 200)
	v := decode[map[string]any](t, ex)
	if v["intrekkendeVerzoek"] != f.v[1] || v["aanvullendeVerzoek"] != f.v[2] || v["inTeTrekkenVerzoek"] != nil ||
		v["registratiedatum"] != "2024-06-01T10:00:00Z" || v["status"] != "ontvangen" {
		t.Errorf("detail: %s", ex.Body)
	}
	expectStatus(t, f.do("GET", f.v[0], nil, "If-None-Match", ex.Header.Get("ETag")), 304)
	expectStatus(t, f.do("GET", f.v[3], nil), 404)
	expectStatus(t, f.do("GET", f.v[0], nil, "X-Test-Scopes", "verzoeken.aanmaken"), 403)

	good := map[string]any{"bronorganisatie": "002220647", "status": "ontvangen", "tekst": "Intrekking",
		"registratiedatum": "2024-07-01T09:00:00Z", "inTeTrekkenVerzoek": f.v[2]}
	expectStatus(t, f.do("POST", "/verzoeken", good, "X-Test-Scopes", "verzoeken.lezen"), 403)
	ex = f.do("POST", "/verzoeken", good)
	expectStatus(t, ex, 201)
	created := decode[map[string]any](t, ex)
	nu := created["url"].(string)
	if created["identificatie"] != "VERZOEK-2024-0000000005" || ex.Header.Get("Location") != nu {
		t.Errorf("created: %s (Location %s)", ex.Body, ex.Header.Get("Location"))
	}
	if got := decode[map[string]any](t, f.do("GET", f.v[2], nil))["intrekkendeVerzoek"]; got != nu {
		t.Errorf("v2 intrekkendeVerzoek %v, want %s", got, nu)
	}
	expectInvalid(t, f.do("POST", "/verzoeken", map[string]any{"bronorganisatie": "002220647", "status": "ontvangen", "inTeTrekkenVerzoek": f.v[0]}),
		"inTeTrekkenVerzoek", "unique")
	expectInvalid(t, f.do("POST", "/verzoeken", map[string]any{"tekst": "x"}), "bronorganisatie", "required", "status", "required")
	expectInvalid(t, f.do("POST", "/verzoeken", map[string]any{"bronorganisatie": "12345678", "status": "open",
		"aangevuldeVerzoek": f.klant[0], "identificatie": strings.Repeat("X", 41)}),
		"identificatie", "max_length", "bronorganisatie", "invalid-length", "status", "invalid_choice", "aangevuldeVerzoek", "bad-url")
	expectInvalid(t, f.do("POST", "/verzoeken", map[string]any{"bronorganisatie": "002220647", "status": "ontvangen",
		"identificatie": "VERZOEK-2024-0000000001"}), "identificatie", "identificatie-niet-uniek")
	expectInvalid(t, f.do("POST", "/verzoeken", map[string]any{"bronorganisatie": "002220647", "status": "ontvangen",
		"externeIdentificatie": "café"}), "externeIdentificatie", "invalid")

	ex = f.do("PATCH", nu, map[string]any{"status": "ingetrokken", "inTeTrekkenVerzoek": nil})
	expectStatus(t, ex, 200)
	if got := decode[map[string]any](t, ex); got["status"] != "ingetrokken" || got["tekst"] != "Intrekking" || got["inTeTrekkenVerzoek"] != nil {
		t.Errorf("patched: %s", ex.Body)
	}
	if got := decode[map[string]any](t, f.do("GET", f.v[2], nil))["intrekkendeVerzoek"]; got != nil {
		t.Errorf("v2 still withdrawn by %v", got)
	}
	expectInvalid(t, f.do("PATCH", nu, map[string]any{"identificatie": "ANDERS"}), "identificatie", "wijzigen-niet-toegelaten")
	expectInvalid(t, f.do("PUT", nu, map[string]any{"tekst": "y"}), "bronorganisatie", "required", "status", "required")
	ex = f.do("PUT", nu, map[string]any{"bronorganisatie": "002564440", "status": "afgewezen"})
	expectStatus(t, ex, 200)
	if got := decode[map[string]any](t, ex); got["bronorganisatie"] != "002564440" || got["identificatie"] != "VERZOEK-2024-0000000005" {
		t.Errorf("put: %s", ex.Body)
	}
	expectStatus(t, f.do("PATCH", nu, map[string]any{}, "X-Test-Scopes", "verzoeken.aanmaken"), 403)
	expectStatus(t, f.do("PATCH", f.v[3], map[string]any{}), 404)

	// Deleting a verzoek takes its relations along, including the
	// document mirror.
	if n := f.mirrors(f.eioRefs[0]); n != 1 {
		t.Fatalf("mirrors before delete: %d", n)
	}
	expectStatus(t, f.do("DELETE", f.v[0], nil, "X-Test-Scopes", "verzoeken.bijwerken"), 403)
	expectStatus(t, f.do("DELETE", f.v[0], nil), 204)
	expectStatus(t, f.do("GET", f.v[0], nil), 404)
	expectStatus(t, f.do("GET", f.kv[0], nil), 404)
	expectStatus(t, f.do("GET", f.vio[0], nil), 404)
	if n := f.mirrors(f.eioRefs[0]); n != 0 {
		t.Errorf("mirrors after delete: %d", n)
	}
	if got := decode[map[string]any](t, f.do("GET", f.v[1], nil))["inTeTrekkenVerzoek"]; got != nil {
		t.Errorf("v1 still links the deleted verzoek: %v", got)
	}
	f.expectList("/klantverzoeken?klant="+q(f.klant[1]), f.kv[1])
	f.expectList("/klantverzoeken?klant=" + q(f.klant[0]))
}

func TestKlantVerzoeken(t *testing.T) {
	f := newFx(t)
	f.expectList("/klantverzoeken", f.kv[0], f.kv[1])
	f.expectList("/klantverzoeken?klant="+q(f.klant[0]), f.kv[0])
	f.expectList("/klantverzoeken?verzoek="+q(f.v[1]), f.kv[1])
	f.expectList("/klantverzoeken?verzoek=" + q(f.v[1]) + "&klant=" + q(f.klant[0]))
	f.expectList("/klantverzoeken?klant=" + q(f.zaak[0]))
	ex := f.do("GET", f.kv[0], nil)
	expectStatus(t, ex, 200)
	kv := decode[map[string]any](t, ex)
	if kv["klant"] != f.klant[0] || kv["verzoek"] != f.v[0] || kv["rol"] != "initiator" {
		t.Errorf("detail: %s", ex.Body)
	}
	if _, ok := kv["indicatieMachtiging"]; ok {
		t.Errorf("empty indicatieMachtiging rendered")
	}
	expectStatus(t, f.do("GET", f.kv[0], nil, "If-None-Match", ex.Header.Get("ETag")), 304)
	expectStatus(t, f.do("GET", f.kv[2], nil), 404)
	expectStatus(t, f.do("GET", f.kv[0], nil, "X-Test-Scopes", "klanten.lezen"), 403)

	ex = f.do("POST", "/klantverzoeken", map[string]any{"klant": f.klant[1], "verzoek": f.v[0], "rol": "belanghebbende"})
	expectStatus(t, ex, 201)
	nu := decode[map[string]any](t, ex)["url"].(string)
	f.expectList("/klantverzoeken?klant="+q(f.klant[1]), f.kv[1], nu)
	expectInvalid(t, f.do("POST", "/klantverzoeken", map[string]any{"klant": f.klant[1], "verzoek": f.v[0]}), "nonFieldErrors", "unique")
	expectInvalid(t, f.do("POST", "/klantverzoeken", map[string]any{"klant": f.klant[2], "verzoek": f.v[3], "rol": "eigenaar"}),
		"klant", "bad-url", "verzoek", "bad-url", "rol", "invalid_choice")
	expectInvalid(t, f.do("POST", "/klantverzoeken", map[string]any{}), "klant", "required", "verzoek", "required")
	expectStatus(t, f.do("DELETE", nu, nil, "X-Test-Scopes", "verzoeken.aanmaken"), 403)
	expectStatus(t, f.do("DELETE", nu, nil), 204)
	expectStatus(t, f.do("GET", nu, nil), 404)
	expectStatus(t, f.do("DELETE", nu, nil), 404)
}

func TestObjectVerzoekenAndContactmomenten(t *testing.T) {
	f := newFx(t)
	f.expectList("/objectverzoeken", f.ov[0], f.ov[1])
	f.expectList("/objectverzoeken?object="+q(f.zaak[1]), f.ov[1])
	f.expectList("/objectverzoeken?verzoek="+q(f.v[0]), f.ov[0])
	ex := f.do("GET", f.ov[1], nil)
	expectStatus(t, ex, 200)
	if o := decode[map[string]any](t, ex); o["object"] != f.zaak[1] || o["objectType"] != "zaak" {
		t.Errorf("objectverzoek: %s", ex.Body)
	}
	expectStatus(t, f.do("GET", f.ov[1], nil, "If-None-Match", ex.Header.Get("ETag")), 304)
	ex = f.do("POST", "/objectverzoeken", map[string]any{"verzoek": f.v[2], "object": f.zaak[0], "objectType": "zaak"})
	expectStatus(t, ex, 201)
	nu := decode[map[string]any](t, ex)["url"].(string)
	f.expectList("/objectverzoeken?object="+q(f.zaak[0]), f.ov[0], nu)
	expectInvalid(t, f.do("POST", "/objectverzoeken", map[string]any{"verzoek": f.v[2], "object": f.zaak[0], "objectType": "zaak"}),
		"nonFieldErrors", "unique")
	expectInvalid(t, f.do("POST", "/objectverzoeken", map[string]any{"verzoek": f.v[2], "object": f.cm[0], "objectType": "klant"}),
		"objectType", "invalid_choice", "object", "bad-url")
	expectStatus(t, f.do("DELETE", nu, nil), 204)
	f.expectList("/objectverzoeken?object="+q(f.zaak[0]), f.ov[0])

	f.expectList("/verzoekcontactmomenten", f.vcm[0])
	f.expectList("/verzoekcontactmomenten?contactmoment="+q(f.cm[0]), f.vcm[0])
	f.expectList("/verzoekcontactmomenten?contactmoment=" + q(f.cm[1]))
	f.expectList("/verzoekcontactmomenten?verzoek="+q(f.v[0]), f.vcm[0])
	ex = f.do("GET", f.vcm[0], nil)
	expectStatus(t, ex, 200)
	if o := decode[map[string]any](t, ex); o["contactmoment"] != f.cm[0] || o["verzoek"] != f.v[0] {
		t.Errorf("verzoekcontactmoment: %s", ex.Body)
	}
	ex = f.do("POST", "/verzoekcontactmomenten", map[string]any{"verzoek": f.v[0], "contactmoment": f.cm[1]})
	expectStatus(t, ex, 201)
	nu = decode[map[string]any](t, ex)["url"].(string)
	f.expectList("/verzoekcontactmomenten?verzoek="+q(f.v[0]), f.vcm[0], nu)
	expectInvalid(t, f.do("POST", "/verzoekcontactmomenten", map[string]any{"verzoek": f.v[0], "contactmoment": f.cm[1]}),
		"nonFieldErrors", "unique")
	expectInvalid(t, f.do("POST", "/verzoekcontactmomenten", map[string]any{"verzoek": f.v[0], "contactmoment": f.cm[2]}),
		"contactmoment", "bad-url")
	expectStatus(t, f.do("DELETE", nu, nil, "X-Test-Scopes", "verzoeken.lezen"), 403)
	expectStatus(t, f.do("DELETE", nu, nil), 204)
	expectStatus(t, f.do("GET", nu, nil), 404)
}

func TestVerzoekInformatieObjecten(t *testing.T) {
	f := newFx(t)
	f.expectList("/verzoekinformatieobjecten", f.vio[0])
	f.expectList("/verzoekinformatieobjecten?informatieobject="+q(f.eio[0]), f.vio[0])
	f.expectList("/verzoekinformatieobjecten?informatieobject=" + q(f.eio[1]))
	f.expectList("/verzoekinformatieobjecten?verzoek="+q(f.v[0]), f.vio[0])
	ex := f.do("GET", f.vio[0], nil)
	expectStatus(t, ex, 200)
	if o := decode[map[string]any](t, ex); o["informatieobject"] != f.eio[0] {
		t.Errorf("detail: %s", ex.Body)
	}
	expectStatus(t, f.do("GET", f.vio[0], nil, "If-None-Match", ex.Header.Get("ETag")), 304)

	// Creating mirrors the relation in the Documenten data; deleting
	// removes the mirror again.
	ex = f.do("POST", "/verzoekinformatieobjecten", map[string]any{"verzoek": f.v[1], "informatieobject": f.eio[1]})
	expectStatus(t, ex, 201)
	nu := decode[map[string]any](t, ex)["url"].(string)
	if n := f.mirrors(f.eioRefs[1]); n != 1 {
		t.Fatalf("mirror count %d after create", n)
	}
	f.store.Read(func(d *data.Data) {
		o := d.ObjectInformatieObjecten.Rows[d.ObjectInformatieObjecten.Len()-1]
		if o.Object != f.vRefs[1] || d.ObjectInformatieObjecten.InstOf(data.Ref(d.ObjectInformatieObjecten.Len()-1)) != f.instOf("documenten-b") {
			t.Errorf("mirror %+v", o)
		}
	})
	expectInvalid(t, f.do("POST", "/verzoekinformatieobjecten", map[string]any{"verzoek": f.v[1], "informatieobject": f.eio[1]}),
		"nonFieldErrors", "unique")
	expectInvalid(t, f.do("POST", "/verzoekinformatieobjecten", map[string]any{"verzoek": f.v[1], "informatieobject": f.zaak[0]}),
		"informatieobject", "bad-url")
	expectStatus(t, f.do("DELETE", nu, nil), 204)
	if n := f.mirrors(f.eioRefs[1]); n != 0 {
		t.Errorf("mirror count %d after delete", n)
	}
	f.expectList("/verzoekinformatieobjecten?verzoek=" + q(f.v[1]))
}

func TestVerzoekProducten(t *testing.T) {
	f := newFx(t)
	f.expectList("/verzoekproducten")
	ex := f.do("POST", "/verzoekproducten", map[string]any{"verzoek": f.v[0], "productIdentificatie": map[string]any{"code": "PARK-01"}})
	expectStatus(t, ex, 201)
	byCode := decode[map[string]any](t, ex)
	if byCode["product"] != "" || byCode["productIdentificatie"].(map[string]any)["code"] != "PARK-01" {
		t.Errorf("created: %s", ex.Body)
	}
	ex = f.do("POST", "/verzoekproducten", map[string]any{"verzoek": f.v[0], "product": "https://pdc.example/producten/7"})
	expectStatus(t, ex, 201)
	byURL := decode[map[string]any](t, ex)
	if _, ok := byURL["productIdentificatie"]; ok {
		t.Errorf("productIdentificatie without code: %s", ex.Body)
	}
	f.expectList("/verzoekproducten", byCode["url"].(string), byURL["url"].(string))
	f.expectList("/verzoekproducten?productIdentificatie__code=PARK-01", byCode["url"].(string))
	f.expectList("/verzoekproducten?product="+q("https://pdc.example/producten/7")+"&verzoek="+q(f.v[0]), byURL["url"].(string))
	f.expectList("/verzoekproducten?verzoek=" + q(f.v[1]))
	ex = f.do("GET", byURL["url"].(string), nil)
	expectStatus(t, ex, 200)
	expectStatus(t, f.do("GET", byURL["url"].(string), nil, "If-None-Match", ex.Header.Get("ETag")), 304)

	expectInvalid(t, f.do("POST", "/verzoekproducten", map[string]any{"verzoek": f.v[0]}), "nonFieldErrors", "invalid-product")
	expectInvalid(t, f.do("POST", "/verzoekproducten", map[string]any{"verzoek": f.v[0], "productIdentificatie": map[string]any{"code": "PARK-01"}}),
		"nonFieldErrors", "unique")
	expectInvalid(t, f.do("POST", "/verzoekproducten", map[string]any{"verzoek": f.v[0], "product": "geen-url",
		"productIdentificatie": map[string]any{"code": strings.Repeat("C", 21)}}),
		"product", "invalid", "productIdentificatie.code", "max_length")
	expectStatus(t, f.do("DELETE", byCode["url"].(string), nil), 204)
	f.expectList("/verzoekproducten", byURL["url"].(string))
	expectStatus(t, f.do("GET", byCode["url"].(string), nil), 404)
}
