package klantinteracties

import (
	"fmt"
	"slices"
	"strconv"
	"testing"

	"github.com/klantgraaf/klantgraaf/sim/gen"
)

// writer records the write operations exercised.
type writer struct {
	*fixture
	seen map[string]bool
}

func (w *writer) ok(status int, method, path string, body any) map[string]any {
	w.t.Helper()
	ex := w.do(method, path, body)
	expectStatus(w.t, ex, status)
	w.seen[method+" "+ex.Template] = true
	if status == 204 {
		if len(ex.Body) != 0 {
			w.t.Errorf("%s %s: body on 204", method, path)
		}
		return nil
	}
	return decode[map[string]any](w.t, ex)
}

const (
	newBSN  = "111222333"
	newKvK  = "12345678"
	newRSIN = "123456782"
)

func TestWrites(t *testing.T) {
	f := newFixture(t)
	w := &writer{f, map[string]bool{}}

	// A person with a BSN, an address and an e-mail address.
	p := w.ok(201, "POST", "/partijen", map[string]any{
		"soortPartij": "persoon", "indicatieActief": true, "voorkeurstaal": "nld",
		"partijIdentificatoren": []any{map[string]any{"partijIdentificator": map[string]any{
			"codeObjecttype": "natuurlijk_persoon", "codeSoortObjectId": "bsn", "objectId": newBSN, "codeRegister": "brp"}}},
		"bezoekadres":         map[string]any{"straatnaam": "Kerkstraat", "huisnummer": 5, "postcode": "5611 AB", "stad": "Dommelvoort", "land": "NL"},
		"partijIdentificatie": map[string]any{"contactnaam": map[string]any{"voornaam": "Eva", "voorletters": "E.", "achternaam": "Kok"}},
	})
	pu := str(p, "uuid")
	if str(p, "partijIdentificatie", "volledigeNaam") != "Eva Kok" || len(str(p, "nummer")) != 10 || str(p, "bezoekadres", "postcode") != "5611 AB" {
		t.Errorf("created partij %v", p)
	}
	ids := arr(p, "partijIdentificatoren")
	if len(ids) != 1 || str(ids[0].(map[string]any), "identificeerdePartij", "uuid") != pu {
		t.Fatalf("identificatoren %v", ids)
	}
	if got := f.list("/partijen?partijIdentificator__objectId=" + newBSN); got.Count != 1 || str(got.Results[0], "uuid") != pu {
		t.Errorf("new partij not found by BSN")
	}
	// The same BSN cannot be registered twice.
	pr := f.problem(400, "POST", "/partijen", map[string]any{"soortPartij": "persoon", "indicatieActief": true,
		"partijIdentificatoren": []any{map[string]any{"partijIdentificator": map[string]any{
			"codeObjecttype": "natuurlijk_persoon", "codeSoortObjectId": "bsn", "objectId": newBSN, "codeRegister": "brp"}}}})
	if !pr.hasParam("partijIdentificatoren.0.nonFieldErrors", "unique") {
		t.Errorf("duplicate BSN: %+v", pr)
	}
	pr = f.problem(400, "POST", "/partijen", map[string]any{"indicatieActief": "ja",
		"bezoekadres": map[string]any{"postcode": "5611AB", "huisnummer": 0},
		"partijIdentificatoren": []any{
			map[string]any{"partijIdentificator": map[string]any{"codeObjecttype": "natuurlijk_persoon", "codeSoortObjectId": "bsn", "objectId": "123456789", "codeRegister": "brp"}},
			map[string]any{"partijIdentificator": map[string]any{"codeObjecttype": "natuurlijk_persoon", "codeSoortObjectId": "kvk_nummer", "objectId": newKvK, "codeRegister": "brp"}},
			map[string]any{"partijIdentificator": map[string]any{"codeObjecttype": "vestiging", "codeSoortObjectId": "vestigingsnummer", "objectId": "000012345678", "codeRegister": "hr"}},
		}})
	for _, want := range [][2]string{{"soortPartij", "required"}, {"indicatieActief", "invalid"}, {"bezoekadres.postcode", "invalid"},
		{"bezoekadres.huisnummer", "min_value"}, {"partijIdentificatoren.0.partijIdentificator.objectId", "invalid"},
		{"partijIdentificatoren.1.partijIdentificator.codeSoortObjectId", "invalid"}, {"partijIdentificatoren.2.subIdentificatorVan", "required"}} {
		if !pr.hasParam(want[0], want[1]) {
			t.Errorf("missing invalid param %v in %+v", want, pr.InvalidParams)
		}
	}

	// An organisation with a KvK number and a vestiging under it.
	org := w.ok(201, "POST", "/partijen", map[string]any{"soortPartij": "organisatie", "indicatieActief": true,
		"partijIdentificatie": map[string]any{"naam": "Testbedrijf B.V."},
		"partijIdentificatoren": []any{
			map[string]any{"partijIdentificator": map[string]any{"codeObjecttype": "niet_natuurlijk_persoon", "codeSoortObjectId": "kvk_nummer", "objectId": newKvK, "codeRegister": "hr"}},
			map[string]any{"partijIdentificator": map[string]any{"codeObjecttype": "niet_natuurlijk_persoon", "codeSoortObjectId": "rsin", "objectId": newRSIN, "codeRegister": "hr"}},
		}})
	var kvkIdent string
	for _, x := range arr(org, "partijIdentificatoren") {
		if m := x.(map[string]any); str(m, "partijIdentificator", "codeSoortObjectId") == "kvk_nummer" {
			kvkIdent = str(m, "uuid")
		}
	}
	vest := w.ok(201, "POST", "/partijen", map[string]any{"soortPartij": "organisatie", "indicatieActief": true,
		"partijIdentificatie": map[string]any{"naam": "Testbedrijf Heikant"},
		"partijIdentificatoren": []any{map[string]any{"partijIdentificator": map[string]any{"codeObjecttype": "vestiging",
			"codeSoortObjectId": "vestigingsnummer", "objectId": "000099887766", "codeRegister": "hr"}, "subIdentificatorVan": map[string]any{"uuid": kvkIdent}}}})
	if got := f.list("/partijen?subIdentificatorVan__objectId=" + newKvK); got.Count != 1 || str(got.Results[0], "uuid") != str(vest, "uuid") {
		t.Errorf("vestiging by KvK: %v", uuids(got.Results))
	}
	cp := w.ok(201, "POST", "/partijen", map[string]any{"soortPartij": "contactpersoon", "indicatieActief": true,
		"partijIdentificatie": map[string]any{"werkteVoorPartij": map[string]any{"uuid": str(org, "uuid")},
			"contactnaam": map[string]any{"voornaam": "Piet", "achternaam": "Post"}}})
	if str(cp, "partijIdentificatie", "werkteVoorPartij", "uuid") != str(org, "uuid") {
		t.Errorf("contactpersoon %v", cp)
	}

	// Digitale adressen; voorkeur must be one of the partij's.
	email := w.ok(201, "POST", "/digitaleadressen", map[string]any{"verstrektDoorPartij": map[string]any{"uuid": pu},
		"adres": "eva.kok@example.nl", "soortDigitaalAdres": "email", "isStandaardAdres": true, "referentie": "portaal-1"})
	phone := w.ok(201, "POST", "/digitaleadressen", map[string]any{"verstrektDoorPartij": map[string]any{"uuid": pu},
		"adres": "0612345678", "soortDigitaalAdres": "telefoonnummer", "verificatieDatum": "2025-01-02"})
	pr = f.problem(400, "POST", "/digitaleadressen", map[string]any{"adres": "06-1234", "soortDigitaalAdres": "telefoonnummer",
		"verstrektDoorPartij": map[string]any{"uuid": "00000000-0000-4000-8000-000000000001"}})
	if !pr.hasParam("verstrektDoorPartij.uuid", "does_not_exist") {
		t.Errorf("unknown partij: %+v", pr)
	}
	pr = f.problem(400, "POST", "/digitaleadressen", map[string]any{"adres": "geen-mail", "soortDigitaalAdres": "email"})
	if !pr.hasParam("adres", "invalid") {
		t.Errorf("bad e-mail: %+v", pr)
	}
	p = w.ok(200, "PATCH", "/partijen/"+pu, map[string]any{"voorkeursDigitaalAdres": map[string]any{"uuid": str(email, "uuid")}})
	if str(p, "voorkeursDigitaalAdres", "uuid") != str(email, "uuid") || len(arr(p, "digitaleAdressen")) != 2 {
		t.Errorf("patched partij %v", p)
	}
	foreign := f.list("/digitaleadressen?verstrektDoorPartij__partijIdentificator__objectId=" + gen.ShowcaseV2AlleenBSN).Results[0]
	pr = f.problem(400, "PATCH", "/partijen/"+pu, map[string]any{"voorkeursDigitaalAdres": map[string]any{"uuid": str(foreign, "uuid")}})
	if !pr.hasParam("voorkeursDigitaalAdres", "invalid") {
		t.Errorf("foreign voorkeursadres: %+v", pr)
	}
	email2 := w.ok(201, "POST", "/digitaleadressen", map[string]any{"verstrektDoorPartij": map[string]any{"uuid": pu},
		"adres": "eva@example.com", "soortDigitaalAdres": "email", "isStandaardAdres": true})
	if e := f.get("/digitaleadressen/" + str(email, "uuid")); e["isStandaardAdres"] != false || email2["isStandaardAdres"] != true {
		t.Errorf("one standaard adres per soort: %v / %v", e["isStandaardAdres"], email2["isStandaardAdres"])
	}
	w.ok(200, "PUT", "/digitaleadressen/"+str(phone, "uuid"), map[string]any{"verstrektDoorPartij": map[string]any{"uuid": pu},
		"adres": "+31612345678", "soortDigitaalAdres": "telefoonnummer"})
	if a := w.ok(200, "PATCH", "/digitaleadressen/"+str(phone, "uuid"), map[string]any{"omschrijving": "Mobiel"}); str(a, "adres") != "+31612345678" || str(a, "omschrijving") != "Mobiel" {
		t.Errorf("patched adres %v", a)
	}
	// A partial update is validated against the whole object.
	if pr := f.problem(400, "PATCH", "/digitaleadressen/"+str(phone, "uuid"), map[string]any{"soortDigitaalAdres": "email"}); !pr.hasParam("adres", "invalid") {
		t.Errorf("phone number as e-mail: %+v", pr)
	}
	w.ok(204, "DELETE", "/digitaleadressen/"+str(email, "uuid"), nil)
	if p := f.get("/partijen/" + pu); p["voorkeursDigitaalAdres"] != nil || len(arr(p, "digitaleAdressen")) != 2 {
		t.Errorf("after deleting the voorkeursadres: %v", p)
	}
	w.ok(200, "PUT", "/partijen/"+pu, map[string]any{"soortPartij": "persoon", "indicatieActief": false, "interneNotitie": "Verhuisd."})

	// A klantcontact with betrokkene, onderwerpobject and interne taak.
	zaak := "6a7d8a15-2a53-4a0f-9a4f-6f6c3f0b9c1e"
	kc := w.ok(201, "POST", "/klantcontacten", map[string]any{"kanaal": "telefoon", "onderwerp": "Vraag over parkeervergunning",
		"inhoud": "Klant belt.", "taal": "nld", "vertrouwelijk": false, "plaatsgevondenOp": "2025-09-01T10:00:00Z",
		"indicatieContactGelukt": true, "metadata": map[string]any{"bron": "test"}})
	ku := str(kc, "uuid")
	if str(kc, "plaatsgevondenOp") != "2025-09-01T10:00:00Z" || str(kc, "nummer") == "" || str(kc, "metadata", "bron") != "test" {
		t.Errorf("klantcontact %v", kc)
	}
	pr = f.problem(400, "POST", "/klantcontacten", map[string]any{"onderwerp": "", "taal": "nederlands", "vertrouwelijk": false, "hoofdOnderwerpType": "geen url"})
	for _, want := range [][2]string{{"kanaal", "required"}, {"onderwerp", "blank"}, {"taal", "max_length"}, {"hoofdOnderwerpType", "invalid"}} {
		if !pr.hasParam(want[0], want[1]) {
			t.Errorf("klantcontact validation lacks %v: %+v", want, pr.InvalidParams)
		}
	}
	b := w.ok(201, "POST", "/betrokkenen", map[string]any{"wasPartij": map[string]any{"uuid": pu}, "hadKlantcontact": map[string]any{"uuid": ku},
		"rol": "klant", "initiator": true, "contactnaam": map[string]any{"voornaam": "Eva", "achternaam": "Kok"}})
	if str(b, "volledigeNaam") != "Eva Kok" {
		t.Errorf("betrokkene %v", b)
	}
	f.problem(400, "POST", "/betrokkenen", map[string]any{"rol": "buurman", "initiator": true})
	o := w.ok(201, "POST", "/onderwerpobjecten", map[string]any{"klantcontact": map[string]any{"uuid": ku}, "wasKlantcontact": nil,
		"onderwerpobjectidentificator": map[string]any{"objectId": zaak, "codeObjecttype": "zaak", "codeRegister": "open-zaak-a", "codeSoortObjectId": "uuid"}})
	f.problem(400, "POST", "/onderwerpobjecten", map[string]any{"klantcontact": map[string]any{"uuid": ku}, "wasKlantcontact": map[string]any{"uuid": ku}})
	actor := str(f.list("/actoren?soortActor=medewerker").Results[0], "uuid")
	tk := w.ok(201, "POST", "/internetaken", map[string]any{"gevraagdeHandeling": "Terugbellen", "aanleidinggevendKlantcontact": map[string]any{"uuid": ku},
		"toegewezenAanActoren": []any{map[string]any{"uuid": actor}}, "status": "te_verwerken"})
	if tk["afgehandeldOp"] != nil || str(tk, "toegewezenAanActor", "uuid") != actor || str(tk, "toegewezenOp") == "" {
		t.Errorf("taak %v", tk)
	}
	pr = f.problem(400, "POST", "/internetaken", map[string]any{"gevraagdeHandeling": "Bellen", "aanleidinggevendKlantcontact": map[string]any{"uuid": ku}, "status": "klaar"})
	if !pr.hasParam("status", "invalid_choice") {
		t.Errorf("taak validation %+v", pr)
	}
	tk = w.ok(200, "PATCH", "/internetaken/"+str(tk, "uuid"), map[string]any{"status": "verwerkt"})
	if tk["afgehandeldOp"] == nil {
		t.Error("verwerkt without afgehandeldOp")
	}
	w.ok(200, "PUT", "/internetaken/"+str(tk, "uuid"), map[string]any{"gevraagdeHandeling": "Mailen", "aanleidinggevendKlantcontact": map[string]any{"uuid": ku},
		"toegewezenAanActor": map[string]any{"uuid": actor}, "status": "te_verwerken"})

	// The klantcontact now lists them, and the filters find it.
	kc = f.get("/klantcontacten/" + ku)
	if len(arr(kc, "hadBetrokkenen")) != 1 || len(arr(kc, "gingOverOnderwerpobjecten")) != 1 || len(arr(kc, "leiddeTotInterneTaken")) != 1 {
		t.Errorf("klantcontact relations %v", kc)
	}
	for _, query := range []string{"hadBetrokkene__wasPartij__partijIdentificator__objectId=" + newBSN, "onderwerpobject__onderwerpobjectidentificatorObjectId=" + zaak} {
		if got := f.list("/klantcontacten?" + query); got.Count != 1 || str(got.Results[0], "uuid") != ku {
			t.Errorf("%s: %v", query, uuids(got.Results))
		}
	}
	w.ok(200, "PATCH", "/klantcontacten/"+ku, map[string]any{"reactie": "Teruggebeld."})
	w.ok(200, "PUT", "/klantcontacten/"+ku, map[string]any{"kanaal": "e-mail", "onderwerp": "Parkeervergunning", "taal": "nld", "vertrouwelijk": true})
	w.ok(200, "PATCH", "/betrokkenen/"+str(b, "uuid"), map[string]any{"organisatienaam": "Testbedrijf B.V."})
	w.ok(200, "PUT", "/betrokkenen/"+str(b, "uuid"), map[string]any{"hadKlantcontact": map[string]any{"uuid": ku}, "rol": "vertegenwoordiger", "initiator": false})
	w.ok(200, "PATCH", "/onderwerpobjecten/"+str(o, "uuid"), map[string]any{"onderwerpobjectidentificator": map[string]any{"codeRegister": "open-zaak-b"}})
	o = w.ok(200, "PUT", "/onderwerpobjecten/"+str(o, "uuid"), map[string]any{"klantcontact": map[string]any{"uuid": ku},
		"onderwerpobjectidentificator": map[string]any{"objectId": zaak, "codeObjecttype": "zaak", "codeRegister": "open-zaak-b", "codeSoortObjectId": "uuid"}})
	if str(o, "onderwerpobjectidentificator", "codeRegister") != "open-zaak-b" {
		t.Errorf("onderwerpobject %v", o)
	}

	// Deleting a klantcontact removes what belongs to it.
	w.ok(204, "DELETE", "/klantcontacten/"+ku, nil)
	f.problem(404, "GET", "/klantcontacten/"+ku, nil)
	f.problem(404, "GET", "/betrokkenen/"+str(b, "uuid"), nil)
	f.problem(404, "GET", "/internetaken/"+str(tk, "uuid"), nil)
	if n := f.list("/klantcontacten?hadBetrokkene__wasPartij__partijIdentificator__objectId=" + newBSN).Count; n != 0 {
		t.Errorf("%d klantcontacten after delete", n)
	}
	if len(arr(f.get("/partijen/"+pu), "betrokkenen")) != 0 {
		t.Error("partij still lists the betrokkene")
	}

	// maak-klantcontact: three objects at once.
	mk := w.ok(201, "POST", "/maak-klantcontact", map[string]any{
		"klantcontact": map[string]any{"kanaal": "balie", "onderwerp": "Afspraak paspoort", "taal": "nld", "vertrouwelijk": false},
		"betrokkene":   map[string]any{"wasPartij": map[string]any{"uuid": pu}, "rol": "klant", "initiator": true},
		"onderwerpobject": map[string]any{"onderwerpobjectidentificator": map[string]any{"objectId": zaak, "codeObjecttype": "zaak",
			"codeRegister": "open-zaak-a", "codeSoortObjectId": "uuid"}},
	})
	mku := str(mk, "klantcontact", "uuid")
	if str(mk, "betrokkene", "hadKlantcontact", "uuid") != mku || str(mk, "onderwerpobject", "klantcontact", "uuid") != mku ||
		len(arr(obj(mk, "klantcontact"), "hadBetrokkenen")) != 1 {
		t.Fatalf("maak-klantcontact %v", mk)
	}
	if got := f.list("/klantcontacten?hadBetrokkene__wasPartij__uuid=" + pu); got.Count != 1 || str(got.Results[0], "uuid") != mku {
		t.Errorf("made klantcontact not found")
	}
	before := f.list("/klantcontacten").Count
	pr = f.problem(400, "POST", "/maak-klantcontact", map[string]any{"klantcontact": map[string]any{"kanaal": "balie", "taal": "nld", "vertrouwelijk": false},
		"betrokkene": map[string]any{"wasPartij": map[string]any{"uuid": pu}, "rol": "klant"}})
	if !pr.hasParam("klantcontact.onderwerp", "required") || !pr.hasParam("betrokkene.initiator", "required") {
		t.Errorf("maak-klantcontact validation %+v", pr)
	}
	if f.list("/klantcontacten").Count != before {
		t.Error("a failed maak-klantcontact created objects")
	}
	w.ok(201, "POST", "/maak-klantcontact", map[string]any{"klantcontact": map[string]any{"kanaal": "chat", "onderwerp": "Vraag", "taal": "nld", "vertrouwelijk": false}})

	// DELETE onderwerpobject with cascade: the klantcontact goes when no
	// other onderwerpobject uses it; otherwise it is listed as kept.
	ond := str(mk, "onderwerpobject", "uuid")
	extra := w.ok(201, "POST", "/onderwerpobjecten", map[string]any{"klantcontact": map[string]any{"uuid": mku}})
	res := w.ok(200, "DELETE", "/onderwerpobjecten/"+ond+"?cascade=true", nil)
	if kept := arr(res, "behouden"); len(kept) != 1 || kept[0] != f.url("/klantcontacten/"+mku) {
		t.Errorf("behouden %v", res)
	}
	res = w.ok(200, "DELETE", "/onderwerpobjecten/"+str(extra, "uuid")+"?cascade=true", nil)
	if len(arr(res, "behouden")) != 0 {
		t.Errorf("behouden %v", res)
	}
	f.problem(404, "GET", "/klantcontacten/"+mku, nil)
	loose := w.ok(201, "POST", "/onderwerpobjecten", map[string]any{})
	w.ok(204, "DELETE", "/onderwerpobjecten/"+str(loose, "uuid"), nil)

	// Deleting a partij removes its identificatoren and adressen.
	w.ok(204, "DELETE", "/partijen/"+pu, nil)
	f.problem(404, "GET", "/partijen/"+pu, nil)
	if n := f.list("/partijen?partijIdentificator__objectId=" + newBSN).Count; n != 0 {
		t.Errorf("deleted partij found by BSN")
	}
	if n := f.list("/digitaleadressen?verstrektDoorPartij__uuid=" + pu).Count; n != 0 {
		t.Errorf("%d adressen of a deleted partij", n)
	}
	w.ok(204, "DELETE", "/betrokkenen/"+str(f.list("/betrokkenen").Results[0], "uuid"), nil)
	w.ok(204, "DELETE", "/internetaken/"+str(f.list("/internetaken").Results[0], "uuid"), nil)
	f.problem(404, "PATCH", "/partijen/"+pu, map[string]any{"indicatieActief": true})
	f.problem(404, "DELETE", "/klantcontacten/"+ku, nil)

	// Every write operation of the six writable resources was exercised.
	var missing []string
	for _, coll := range []string{"partijen", "digitaleadressen", "klantcontacten", "betrokkenen", "onderwerpobjecten", "internetaken"} {
		for _, op := range []string{"POST /" + coll, "PUT /" + coll + "/{uuid}", "PATCH /" + coll + "/{uuid}", "DELETE /" + coll + "/{uuid}"} {
			if !w.seen[op] {
				missing = append(missing, op)
			}
		}
	}
	if !w.seen["POST /maak-klantcontact"] {
		missing = append(missing, "POST /maak-klantcontact")
	}
	slices.Sort(missing)
	if len(missing) > 0 {
		t.Errorf("write operations not exercised: %v", missing)
	}
}

// TestWritesNumbering checks that new objects are numbered after the
// generated ones and that replacing identificatoren keeps named UUIDs.
func TestWritesNumbering(t *testing.T) {
	f := newFixture(t)
	top := ""
	for _, r := range f.all("/klantcontacten?pageSize=500") {
		if n := str(r, "nummer"); n > top {
			top = n
		}
	}
	kc := f.do("POST", "/klantcontacten", map[string]any{"kanaal": "telefoon", "onderwerp": "x", "taal": "nld", "vertrouwelijk": false})
	expectStatus(t, kc, 201)
	want, _ := strconv.Atoi(top)
	if got := str(decode[map[string]any](t, kc), "nummer"); got != fmt.Sprintf("%010d", want+1) {
		t.Errorf("new nummer %s after %s", got, top)
	}
	al := f.showcase(gen.ShowcaseV2Alleen)
	bsn := f.list("/partijen?partijIdentificator__objectId=" + gen.ShowcaseV2AlleenBSN)
	if bsn.Count != 1 || str(bsn.Results[0], "uuid") != f.partijUUID(al.Partijen[0]) {
		t.Fatal("showcase partij not found")
	}
	// Replacing the identificatoren keeps a named one's UUID.
	id := arr(bsn.Results[0], "partijIdentificatoren")[0].(map[string]any)
	ex := f.do("PATCH", "/partijen/"+str(bsn.Results[0], "uuid"), map[string]any{"partijIdentificatoren": []any{map[string]any{
		"uuid": str(id, "uuid"), "partijIdentificator": obj(id, "partijIdentificator")}}})
	expectStatus(t, ex, 200)
	got := arr(decode[map[string]any](t, ex), "partijIdentificatoren")
	if len(got) != 1 || str(got[0].(map[string]any), "uuid") != str(id, "uuid") {
		t.Errorf("identificatoren after PATCH %v", got)
	}
	if d := f.get("/partij-identificatoren/" + str(id, "uuid")); str(d, "partijIdentificator", "objectId") != gen.ShowcaseV2AlleenBSN {
		t.Errorf("identificator detail %v", d)
	}
}
