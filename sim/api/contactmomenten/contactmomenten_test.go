package contactmomenten

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/klantgraaf/klantgraaf/sim/data"
)

const (
	t0      = data.DateTime(1717236000) // 2024-06-01T10:00:00Z
	fillers = 110
)

// fx names the fixture's rows.
type fx struct {
	*server
	klant  [2]string // klant URLs
	zaak   [2]string // zaken-a zaak URLs
	zaakB  string    // zaken-b zaak URL
	cm     [4]string // cm3 is deleted
	kcm    [4]string
	ocm    [3]string
	foreig string // contactmoment of another instance
}

func uuidOf(kind string, n uint64) data.UUID { return data.MakeUUID(7, kind, n) }

func newFx(t *testing.T) *fx {
	f := &fx{}
	f.server = newServer(t, "contactmomenten-1.0.0.yaml", "contactmomenten", Routes, func(s *server, d *data.Data) {
		ki, za, zb, ci := s.instOf("klanten"), s.instOf("zaken-a"), s.instOf("zaken-b"), s.instOf("contactmomenten")
		var klanten [2]data.Ref
		for i := range klanten {
			u := uuidOf("klant", uint64(i))
			klanten[i] = d.Klanten.Add(u, ki, data.Klant{UUID: u, Inst: ki, Bronorganisatie: "002220647", Klantnummer: fmt.Sprint(i)})
			f.klant[i] = s.urlOf("klanten", "klanten", u)
		}
		var zaken [3]data.Ref
		for i := range zaken {
			inst, name := za, "zaken-a"
			if i == 2 {
				inst, name = zb, "zaken-b"
			}
			u := uuidOf("zaak", uint64(i))
			zaken[i] = d.Zaken.Add(u, inst, data.Zaak{UUID: u, Inst: inst, Hoofdzaak: data.NoRef})
			if i < 2 {
				f.zaak[i] = s.urlOf(name, "zaken", u)
			} else {
				f.zaakB = s.urlOf(name, "zaken", u)
			}
		}
		addCM := func(n uint64, c data.ContactMoment) data.Ref {
			c.UUID, c.Inst = uuidOf("cm", n), ci
			if c.VorigContactmoment == 0 && c.VolgendContactmoment == 0 {
				c.VorigContactmoment, c.VolgendContactmoment = data.NoRef, data.NoRef
			}
			return d.ContactMomenten.Add(c.UUID, ci, c)
		}
		// Fillers first: older, so they sort after the named ones.
		for i := 0; i < fillers; i++ {
			addCM(uint64(100+i), data.ContactMoment{Bronorganisatie: "001005650", Registratiedatum: t0 - data.DateTime(86400*(i+1)),
				Kanaal: "post", MedewerkerID: "mw9"})
		}
		cm0 := addCM(0, data.ContactMoment{Bronorganisatie: "002220647", Registratiedatum: t0, Kanaal: "telefoon",
			Voorkeurstaal: "nld", Tekst: "Vraag over afval", Initiatiefnemer: "klant", MedewerkerID: "mw1",
			MedewerkerAchternaam: "Vries", OnderwerpLinks: []string{"https://pdc.example/producten/1"}})
		cm1 := addCM(1, data.ContactMoment{Bronorganisatie: "002220647", Registratiedatum: t0 + 3600, Kanaal: "email",
			Initiatiefnemer: "gemeente", Medewerker: "https://medewerkers.example/1", VorigContactmoment: cm0, VolgendContactmoment: data.NoRef})
		d.ContactMomenten.Get(cm0).VolgendContactmoment = cm1
		cm2 := addCM(2, data.ContactMoment{Bronorganisatie: "002564440", Registratiedatum: t0 + 7200, Kanaal: "balie",
			Voorkeurskanaal: "email", MedewerkerID: "mw2"})
		cm3 := addCM(3, data.ContactMoment{Bronorganisatie: "002220647", Registratiedatum: t0 + 9000, Kanaal: "balie",
			MedewerkerID: "mw2", Deleted: true})
		for i, c := range []data.Ref{cm0, cm1, cm2, cm3} {
			f.cm[i] = s.urlOf("contactmomenten", "contactmomenten", d.ContactMomenten.UUIDOf(c))
		}
		addKCM := func(n uint64, cm data.Ref, kl data.Ref, rol string) {
			u := uuidOf("kcm", n)
			ref := d.KlantContactMomenten.Add(u, ci, data.KlantContactMoment{UUID: u, Inst: ci, Contactmoment: cm, Klant: kl, Rol: rol})
			c := d.ContactMomenten.Get(cm)
			c.Klantcontactmomenten = append(c.Klantcontactmomenten, ref)
			f.kcm[n] = s.urlOf("contactmomenten", "klantcontactmomenten", u)
		}
		addKCM(0, cm0, klanten[0], "gesprekspartner")
		addKCM(1, cm1, klanten[1], "belanghebbende")
		addKCM(2, cm2, klanten[0], "belanghebbende")
		addKCM(3, cm3, klanten[0], "belanghebbende")
		addOCM := func(n uint64, cm data.Ref, z data.Ref) {
			u := uuidOf("ocm", n)
			ref := d.ObjectContactMomenten.Add(u, ci, data.ObjectContactMoment{UUID: u, Inst: ci, Contactmoment: cm, Object: z, ObjectType: "zaak"})
			c := d.ContactMomenten.Get(cm)
			c.Objectcontactmomenten = append(c.Objectcontactmomenten, ref)
			f.ocm[n] = s.urlOf("contactmomenten", "objectcontactmomenten", u)
		}
		addOCM(0, cm0, zaken[0])
		addOCM(1, cm1, zaken[1])
		addOCM(2, cm2, zaken[2])
		// A contactmoment owned by another instance is invisible here.
		fu := uuidOf("cm", 999)
		d.ContactMomenten.Add(fu, s.instOf("verzoeken"), data.ContactMoment{UUID: fu, Bronorganisatie: "002220647",
			VorigContactmoment: data.NoRef, VolgendContactmoment: data.NoRef})
		f.foreig = s.url("/contactmomenten/" + fu.String())
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

func TestContactmomentenList(t *testing.T) {
	f := newFx(t)
	p, items := f.list("/contactmomenten")
	if p.Count != 3+fillers {
		t.Fatalf("count %d, want %d", p.Count, 3+fillers)
	}
	if got := urls(items[:3]); strings.Join(got, " ") != strings.Join([]string{f.cm[2], f.cm[1], f.cm[0]}, " ") {
		t.Errorf("default order (newest first): %v", got)
	}
	cases := []struct {
		query string
		want  []string
	}{
		{"?klant=" + q(f.klant[0]), []string{f.cm[2], f.cm[0]}},
		{"?klant=" + q(f.klant[0]+","+f.klant[1]), []string{f.cm[2], f.cm[1], f.cm[0]}},
		{"?klant=" + q(f.zaak[0]), nil},
		{"?klant=" + q(f.klant[1]) + "&kanaal=balie", nil},
		{"?object=" + q(f.zaak[0]), []string{f.cm[0]}},
		{"?object=" + q(f.zaak[0]+","+f.zaakB), []string{f.cm[2], f.cm[0]}},
		{"?object=" + q("https://elders.example/zaken/1"), nil},
		{"?vorigContactmoment=" + q(f.cm[0]), []string{f.cm[1]}},
		{"?volgendContactmoment=" + q(f.cm[1]), []string{f.cm[0]}},
		{"?vorigContactmoment=" + q(f.foreig), nil},
		{"?bronorganisatie=002564440", []string{f.cm[2]}},
		{"?kanaal=telefoon", []string{f.cm[0]}},
		{"?voorkeurskanaal=email", []string{f.cm[2]}},
		{"?voorkeurstaal=nld", []string{f.cm[0]}},
		{"?initiatiefnemer=gemeente", []string{f.cm[1]}},
		{"?medewerker=" + q("https://medewerkers.example/1"), []string{f.cm[1]}},
		{"?medewerkerIdentificatie__identificatie=mw2", []string{f.cm[2]}},
		{"?medewerkerIdentificatie__achternaam=Vries", []string{f.cm[0]}},
		{"?registratiedatum__gte=2024-06-01T11:00:00Z", []string{f.cm[2], f.cm[1]}},
		{"?registratiedatum__gt=2024-06-01T11:00:00Z", []string{f.cm[2]}},
		{"?registratiedatum=2024-06-01T10:00:00Z", []string{f.cm[0]}},
		{"?registratiedatum__lte=2024-06-01T10:00:00%2B00:00&registratiedatum__gt=2024-05-31T12:00:00Z", []string{f.cm[0]}},
		{"?registratiedatum__gte=2024-06-01&ordering=registratiedatum", []string{f.cm[0], f.cm[1], f.cm[2]}},
		{"?registratiedatum__gte=2024-06-01&ordering=kanaal", []string{f.cm[2], f.cm[1], f.cm[0]}},
		{"?registratiedatum__gte=2024-06-01&ordering=-bronorganisatie,registratiedatum", []string{f.cm[2], f.cm[0], f.cm[1]}},
	}
	for _, c := range cases {
		p, items := f.list("/contactmomenten" + c.query)
		got := urls(items)
		if p.Count != len(c.want) || strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("%s: got %v, want %v", c.query, got, c.want)
		}
	}
	expectInvalid(t, f.do("GET", "/contactmomenten?initiatiefnemer=burger", nil), "initiatiefnemer", "invalid_choice")
	expectInvalid(t, f.do("GET", "/contactmomenten?ordering=klantnummer", nil), "ordering", "invalid_choice")
	expectInvalid(t, f.do("GET", "/contactmomenten?registratiedatum__gt=gisteren", nil), "registratiedatum__gt", "invalid")
	expectInvalid(t, f.do("GET", "/contactmomenten?expand=zaken", nil), "expand", "invalid_choice")
	expectStatus(t, f.do("GET", "/contactmomenten", nil, "X-Test-Scopes", "klanten.lezen"), 403)

	all, pages := f.walk("/contactmomenten")
	if pages != 2 || len(all) != 3+fillers {
		t.Errorf("walk: %d pages, %d items", pages, len(all))
	}
}

func TestContactmomentDetailAndExpand(t *testing.T) {
	f := newFx(t)
	ex := f.do("GET", f.cm[0], nil)
	expectStatus(t, ex, 200)
	cm := decode[map[string]any](t, ex)
	if cm["volgendContactmoment"] != f.cm[1] || cm["vorigContactmoment"] != nil || cm["registratiedatum"] != "2024-06-01T10:00:00Z" ||
		cm["initiatiefnemer"] != "klant" || cm["medewerkerIdentificatie"].(map[string]any)["identificatie"] != "mw1" {
		t.Errorf("detail: %s", ex.Body)
	}
	if fmt.Sprint(cm["klantcontactmomenten"]) != fmt.Sprint([]any{f.kcm[0]}) || fmt.Sprint(cm["objectcontactmomenten"]) != fmt.Sprint([]any{f.ocm[0]}) {
		t.Errorf("relation lists: %v %v", cm["klantcontactmomenten"], cm["objectcontactmomenten"])
	}
	if _, ok := cm["_expand"]; ok {
		t.Errorf("_expand without expand")
	}
	etag := ex.Header.Get("ETag")
	expectStatus(t, f.do("GET", f.cm[0], nil, "If-None-Match", etag), 304)
	expectStatus(t, f.do("GET", f.cm[3], nil), 404) // deleted
	expectStatus(t, f.do("GET", f.foreig, nil), 404)
	expectStatus(t, f.do("GET", "/contactmomenten/not-a-uuid", nil), 404)
	expectStatus(t, f.do("GET", f.cm[0], nil, "X-Test-Scopes", "contactmomenten.aanmaken"), 403)

	for _, query := range []string{"?expand=klantcontactmomenten,objectcontactmomenten", "?expand=klantcontactmomenten&expand=objectcontactmomenten"} {
		ex = f.do("GET", f.cm[0]+query, nil)
		expectStatus(t, ex, 200)
		e := decode[map[string]any](t, ex)["_expand"].(map[string]any)
		k := e["klantcontactmomenten"].([]any)[0].(map[string]any)
		o := e["objectcontactmomenten"].([]any)[0].(map[string]any)
		if k["klant"] != f.klant[0] || k["rol"] != "gesprekspartner" || o["object"] != f.zaak[0] || o["objectType"] != "zaak" {
			t.Errorf("%s: _expand %v", query, e)
		}
	}
	// Expanded list: only the requested key, also when empty.
	_, items := f.list("/contactmomenten?kanaal=balie&expand=objectcontactmomenten")
	e := items[0]["_expand"].(map[string]any)
	if _, ok := e["klantcontactmomenten"]; ok || len(e["objectcontactmomenten"].([]any)) != 1 ||
		e["objectcontactmomenten"].([]any)[0].(map[string]any)["object"] != f.zaakB {
		t.Errorf("list expand: %v", e)
	}
	_, items = f.list("/contactmomenten?kanaal=post&expand=klantcontactmomenten")
	if l := items[0]["_expand"].(map[string]any)["klantcontactmomenten"].([]any); len(l) != 0 {
		t.Errorf("empty expand: %v", l)
	}
}

func TestContactmomentWrites(t *testing.T) {
	f := newFx(t)
	good := map[string]any{"bronorganisatie": "002220647", "kanaal": "telefoon", "tekst": "Terugbelverzoek",
		"vorigContactmoment": f.cm[1], "medewerkerIdentificatie": map[string]any{"identificatie": "mw3", "achternaam": "Jong"},
		"onderwerpLinks": []string{"https://pdc.example/producten/2"}, "initiatiefnemer": "gemeente"}
	expectStatus(t, f.do("POST", "/contactmomenten", good, "X-Test-Scopes", "contactmomenten.lezen"), 403)
	ex := f.do("POST", "/contactmomenten", good)
	expectStatus(t, ex, 201)
	created := decode[map[string]any](t, ex)
	nu := created["url"].(string)
	if ex.Header.Get("Location") != nu || created["vorigContactmoment"] != f.cm[1] || created["registratiedatum"] == "" ||
		len(created["klantcontactmomenten"].([]any)) != 0 {
		t.Errorf("created: %s", ex.Body)
	}
	// The previous contactmoment now points forward.
	if got := decode[map[string]any](t, f.do("GET", f.cm[1], nil))["volgendContactmoment"]; got != nu {
		t.Errorf("volgendContactmoment of cm1 = %v, want %s", got, nu)
	}
	// vorigContactmoment is one-to-one.
	dup := map[string]any{"bronorganisatie": "002220647", "medewerker": "https://medewerkers.example/2", "vorigContactmoment": f.cm[1]}
	expectInvalid(t, f.do("POST", "/contactmomenten", dup), "vorigContactmoment", "unique")

	expectInvalid(t, f.do("POST", "/contactmomenten", map[string]any{"kanaal": "x", "medewerker": "https://m.example/1"}),
		"bronorganisatie", "required")
	expectInvalid(t, f.do("POST", "/contactmomenten", map[string]any{"bronorganisatie": "002220647"}),
		"nonFieldErrors", "invalid-medewerker")
	expectInvalid(t, f.do("POST", "/contactmomenten", map[string]any{"bronorganisatie": "002220647", "medewerker": "https://m.example/1",
		"vorigContactmoment": f.klant[0], "initiatiefnemer": "burger", "kanaal": strings.Repeat("k", 51), "registratiedatum": "morgen"}),
		"registratiedatum", "invalid", "kanaal", "max_length", "initiatiefnemer", "invalid_choice", "vorigContactmoment", "bad-url")
	expectInvalid(t, f.do("POST", "/contactmomenten", map[string]any{"bronorganisatie": "002220647", "medewerker": "https://m.example/1",
		"vorigContactmoment": f.cm[3]}), "vorigContactmoment", "bad-url")

	// PATCH moves the link: the old predecessor is released.
	ex = f.do("PATCH", nu, map[string]any{"vorigContactmoment": f.cm[2], "tekst": "Aangepast"})
	expectStatus(t, ex, 200)
	if got := decode[map[string]any](t, ex); got["tekst"] != "Aangepast" || got["kanaal"] != "telefoon" || got["vorigContactmoment"] != f.cm[2] {
		t.Errorf("patched: %s", ex.Body)
	}
	if got := decode[map[string]any](t, f.do("GET", f.cm[1], nil))["volgendContactmoment"]; got != nil {
		t.Errorf("cm1 still points forward: %v", got)
	}
	expectStatus(t, f.do("PATCH", nu, map[string]any{"tekst": "x"}, "X-Test-Scopes", "contactmomenten.aanmaken"), 403)
	expectInvalid(t, f.do("PUT", nu, map[string]any{"tekst": "x"}), "bronorganisatie", "required")
	ex = f.do("PUT", nu, map[string]any{"bronorganisatie": "002564440", "vorigContactmoment": nil})
	expectStatus(t, ex, 200)
	if got := decode[map[string]any](t, ex); got["bronorganisatie"] != "002564440" || got["vorigContactmoment"] != nil {
		t.Errorf("put: %s", ex.Body)
	}
	expectStatus(t, f.do("PUT", f.cm[3], map[string]any{"bronorganisatie": "002564440"}), 404)

	// DELETE unlinks the neighbours and removes the relations.
	expectStatus(t, f.do("DELETE", f.cm[0], nil, "X-Test-Scopes", "contactmomenten.bijwerken"), 403)
	expectStatus(t, f.do("DELETE", f.cm[0], nil), 204)
	expectStatus(t, f.do("GET", f.cm[0], nil), 404)
	expectStatus(t, f.do("GET", f.kcm[0], nil), 404)
	expectStatus(t, f.do("GET", f.ocm[0], nil), 404)
	if got := decode[map[string]any](t, f.do("GET", f.cm[1], nil))["vorigContactmoment"]; got != nil {
		t.Errorf("cm1 still points back: %v", got)
	}
	if p, _ := f.list("/contactmomenten?klant=" + q(f.klant[0])); p.Count != 1 {
		t.Errorf("klant filter after delete: %d", p.Count)
	}
	expectStatus(t, f.do("DELETE", f.cm[0], nil), 404)
}

func TestKlantContactmomenten(t *testing.T) {
	f := newFx(t)
	p, items := f.list("/klantcontactmomenten")
	if got := urls(items); p.Count != 3 || strings.Join(got, " ") != strings.Join([]string{f.kcm[2], f.kcm[1], f.kcm[0]}, " ") {
		t.Errorf("list (newest first): %v", got)
	}
	cases := []struct {
		query string
		want  []string
	}{
		{"?klant=" + q(f.klant[0]), []string{f.kcm[2], f.kcm[0]}},
		{"?contactmoment=" + q(f.cm[1]), []string{f.kcm[1]}},
		{"?contactmoment=" + q(f.cm[3]), nil},
		{"?klant=" + q(f.klant[0]) + "&rol=gesprekspartner", []string{f.kcm[0]}},
		{"?klant=" + q(f.klant[0]) + "&contactmoment=" + q(f.cm[2]), []string{f.kcm[2]}},
		{"?klant=" + q("https://elders.example/klanten/1"), nil},
	}
	for _, c := range cases {
		p, items := f.list("/klantcontactmomenten" + c.query)
		if got := urls(items); p.Count != len(c.want) || strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("%s: got %v, want %v", c.query, got, c.want)
		}
	}
	expectInvalid(t, f.do("GET", "/klantcontactmomenten?rol=klant", nil), "rol", "invalid_choice")

	ex := f.do("GET", f.kcm[1], nil)
	expectStatus(t, ex, 200)
	k := decode[map[string]any](t, ex)
	if k["klant"] != f.klant[1] || k["contactmoment"] != f.cm[1] || k["rol"] != "belanghebbende" || k["gelezen"] != false {
		t.Errorf("detail: %s", ex.Body)
	}
	expectStatus(t, f.do("GET", f.kcm[1], nil, "If-None-Match", ex.Header.Get("ETag")), 304)
	expectStatus(t, f.do("GET", f.kcm[3], nil), 404)
	expectStatus(t, f.do("GET", f.kcm[1], nil, "X-Test-Scopes", "klanten.lezen"), 403)

	body := map[string]any{"contactmoment": f.cm[1], "klant": f.klant[0], "rol": "gesprekspartner"}
	ex = f.do("POST", "/klantcontactmomenten", body)
	expectStatus(t, ex, 201)
	nu := decode[map[string]any](t, ex)["url"].(string)
	cm := decode[map[string]any](t, f.do("GET", f.cm[1], nil))
	if fmt.Sprint(cm["klantcontactmomenten"]) != fmt.Sprint([]any{nu, f.kcm[1]}) {
		t.Errorf("cm1 klantcontactmomenten: %v", cm["klantcontactmomenten"])
	}
	if p, _ := f.list("/contactmomenten?klant=" + q(f.klant[0])); p.Count != 3 {
		t.Errorf("klant filter after create: %d", p.Count)
	}
	expectInvalid(t, f.do("POST", "/klantcontactmomenten", body), "nonFieldErrors", "unique")
	expectInvalid(t, f.do("POST", "/klantcontactmomenten", map[string]any{"contactmoment": f.cm[3], "klant": f.zaak[0], "rol": "x"}),
		"contactmoment", "bad-url", "klant", "bad-url", "rol", "invalid_choice")
	expectInvalid(t, f.do("POST", "/klantcontactmomenten", map[string]any{}),
		"contactmoment", "required", "klant", "required", "rol", "required")
	expectStatus(t, f.do("POST", "/klantcontactmomenten", body, "X-Test-Scopes", "contactmomenten.bijwerken"), 403)

	// PUT/PATCH need contactmomenten.aanmaken (as Open Klant declares).
	expectStatus(t, f.do("PATCH", nu, map[string]any{"gelezen": true}, "X-Test-Scopes", "contactmomenten.bijwerken"), 403)
	ex = f.do("PATCH", nu, map[string]any{"gelezen": true, "contactmoment": f.cm[2]})
	expectStatus(t, ex, 200)
	if got := decode[map[string]any](t, ex); got["gelezen"] != true || got["contactmoment"] != f.cm[2] {
		t.Errorf("patched: %s", ex.Body)
	}
	if l := decode[map[string]any](t, f.do("GET", f.cm[1], nil))["klantcontactmomenten"].([]any); len(l) != 1 {
		t.Errorf("cm1 keeps moved relation: %v", l)
	}
	expectInvalid(t, f.do("PUT", nu, map[string]any{"gelezen": false}), "contactmoment", "required", "klant", "required", "rol", "required")
	expectInvalid(t, f.do("PATCH", nu, map[string]any{"gelezen": "ja"}), "gelezen", "invalid")
	ex = f.do("PUT", nu, map[string]any{"contactmoment": f.cm[2], "klant": f.klant[1], "rol": "belanghebbende"})
	expectStatus(t, ex, 200)

	expectStatus(t, f.do("DELETE", nu, nil), 204)
	expectStatus(t, f.do("GET", nu, nil), 404)
	if l := decode[map[string]any](t, f.do("GET", f.cm[2], nil))["klantcontactmomenten"].([]any); len(l) != 1 || l[0] != f.kcm[2] {
		t.Errorf("cm2 relations after delete: %v", l)
	}
}

func TestObjectContactmomenten(t *testing.T) {
	f := newFx(t)
	p, items := f.list("/objectcontactmomenten")
	if got := urls(items); p.Count != 3 || got[0] != f.ocm[2] {
		t.Errorf("list: %v", got)
	}
	cases := []struct {
		query string
		want  []string
	}{
		{"?object=" + q(f.zaak[1]), []string{f.ocm[1]}},
		{"?object=" + q(f.zaakB) + "&objectType=zaak", []string{f.ocm[2]}},
		{"?contactmoment=" + q(f.cm[0]), []string{f.ocm[0]}},
		{"?contactmoment=" + q(f.cm[0]) + "&object=" + q(f.zaak[1]), nil},
		{"?object=" + q(f.klant[0]), nil},
	}
	for _, c := range cases {
		p, items := f.list("/objectcontactmomenten" + c.query)
		if got := urls(items); p.Count != len(c.want) || strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("%s: got %v, want %v", c.query, got, c.want)
		}
	}
	expectInvalid(t, f.do("GET", "/objectcontactmomenten?objectType=besluit", nil), "objectType", "invalid_choice")
	ex := f.do("GET", f.ocm[2], nil)
	expectStatus(t, ex, 200)
	if o := decode[map[string]any](t, ex); o["object"] != f.zaakB || o["contactmoment"] != f.cm[2] {
		t.Errorf("detail: %s", ex.Body)
	}
	expectStatus(t, f.do("GET", f.ocm[2], nil, "If-None-Match", ex.Header.Get("ETag")), 304)
	expectStatus(t, f.do("GET", f.ocm[2], nil, "X-Test-Scopes", "zaken.lezen"), 403)

	ex = f.do("POST", "/objectcontactmomenten", map[string]any{"contactmoment": f.cm[2], "object": f.zaak[0], "objectType": "zaak"})
	expectStatus(t, ex, 201)
	nu := decode[map[string]any](t, ex)["url"].(string)
	if p, _ := f.list("/contactmomenten?object=" + q(f.zaak[0])); p.Count != 2 {
		t.Errorf("object filter after create: %d", p.Count)
	}
	expectInvalid(t, f.do("POST", "/objectcontactmomenten", map[string]any{"contactmoment": f.cm[2], "object": f.klant[0], "objectType": "besluit"}),
		"objectType", "invalid_choice", "object", "bad-url")
	expectInvalid(t, f.do("POST", "/objectcontactmomenten", map[string]any{"object": f.zaak[0]}), "contactmoment", "required", "objectType", "required")
	expectStatus(t, f.do("DELETE", nu, nil, "X-Test-Scopes", "contactmomenten.lezen"), 403)
	expectStatus(t, f.do("DELETE", nu, nil), 204)
	expectStatus(t, f.do("GET", nu, nil), 404)
	if l := decode[map[string]any](t, f.do("GET", f.cm[2], nil))["objectcontactmomenten"].([]any); len(l) != 1 {
		t.Errorf("cm2 objectcontactmomenten after delete: %v", l)
	}
}
