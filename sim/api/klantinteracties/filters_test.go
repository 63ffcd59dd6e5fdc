package klantinteracties

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/gen"
)

func q(s string) string { return url.QueryEscape(s) }

// uuids collects the uuid of every result.
func uuids(results []map[string]any) []string {
	var out []string
	for _, r := range results {
		out = append(out, str(r, "uuid"))
	}
	return out
}

// kcOfPartij lists (from the store) the klantcontacten with partij p as
// betrokkene, newest first.
func (f *fixture) kcOfPartij(p data.Ref) []string {
	var refs []data.Ref
	f.store.Read(func(d *data.Data) {
		for i := range d.Betrokkenen.Rows {
			if b := &d.Betrokkenen.Rows[i]; b.Partij == p && !b.Deleted {
				refs = append(refs, b.Klantcontact)
			}
		}
	})
	slices.SortFunc(refs, func(a, b data.Ref) int { return int(b - a) })
	var out []string
	f.store.Read(func(d *data.Data) {
		for _, r := range slices.Compact(refs) {
			out = append(out, d.Klantcontacten.UUIDOf(r).String())
		}
	})
	return out
}

func TestPartijFilters(t *testing.T) {
	f := newFixture(t)
	both := f.showcase(gen.ShowcaseV1EnV2)
	p := f.list("/partijen?partijIdentificator__objectId=" + gen.ShowcaseV1EnV2BSN + "&partijIdentificator__codeSoortObjectId=bsn")
	if p.Count != 1 || str(p.Results[0], "uuid") != f.partijUUID(both.Partijen[0]) {
		t.Fatalf("partij by BSN: %v", uuids(p.Results))
	}
	ids := arr(p.Results[0], "partijIdentificatoren")
	if len(ids) != 1 {
		t.Fatalf("identificatoren %v", ids)
	}
	pi := ids[0].(map[string]any)
	if str(pi, "partijIdentificator", "objectId") != gen.ShowcaseV1EnV2BSN || str(pi, "partijIdentificator", "codeRegister") != "brp" ||
		str(pi, "partijIdentificator", "codeObjecttype") != "natuurlijk_persoon" || str(pi, "identificeerdePartij", "uuid") != str(p.Results[0], "uuid") {
		t.Errorf("BSN identificator %v", pi)
	}
	if str(p.Results[0], "partijIdentificatie", "volledigeNaam") != "Ahmed Bouzid" || str(p.Results[0], "soortPartij") != "persoon" {
		t.Errorf("partij %v", p.Results[0])
	}
	// The benchmark person of the v1 registers is not in Klantinteracties.
	if n := f.list("/partijen?partijIdentificator__objectId=" + gen.ShowcaseBenchmarkBSN).Count; n != 0 {
		t.Errorf("v1 benchmark person has %d partijen", n)
	}

	// A company and its vestigingen.
	org := f.list("/partijen?partijIdentificator__objectId=" + gen.ShowcaseV2BedrijfKvK + "&partijIdentificator__codeSoortObjectId=kvk_nummer")
	if org.Count != 1 || str(org.Results[0], "partijIdentificatie", "naam") != gen.ShowcaseV2BedrijfNaam {
		t.Fatalf("company by KvK: %v", org.Results)
	}
	var kvkIdent string
	for _, x := range arr(org.Results[0], "partijIdentificatoren") {
		if m := x.(map[string]any); str(m, "partijIdentificator", "codeSoortObjectId") == "kvk_nummer" {
			kvkIdent = str(m, "uuid")
		}
	}
	vest := f.list("/partijen?subIdentificatorVan__objectId=" + gen.ShowcaseV2BedrijfKvK + "&subIdentificatorVan__codeSoortObjectId=kvk_nummer")
	if vest.Count != 2 {
		t.Fatalf("vestigingen of the company: %d", vest.Count)
	}
	for _, v := range vest.Results {
		id := arr(v, "partijIdentificatoren")[0].(map[string]any)
		if str(id, "subIdentificatorVan", "uuid") != kvkIdent || str(id, "partijIdentificator", "codeObjecttype") != "vestiging" {
			t.Errorf("vestiging identificator %v", id)
		}
	}
	one := f.list("/partijen?partijIdentificator__objectId=" + gen.ShowcaseV2BedrijfVestiging2 + "&subIdentificatorVan__objectId=" + gen.ShowcaseV2BedrijfKvK)
	if one.Count != 1 || !strings.HasSuffix(str(one.Results[0], "partijIdentificatie", "naam"), "Oosterbroek") {
		t.Errorf("one vestiging: %v", uuids(one.Results))
	}

	// Counts by kind agree with the store.
	var persons, orgs, cps, inactive, secret int
	f.store.Read(func(d *data.Data) {
		for _, p := range d.Partijen.Rows {
			switch p.SoortPartij {
			case data.SoortPartijPersoon:
				persons++
			case data.SoortPartijOrganisatie:
				orgs++
			default:
				cps++
			}
			if !p.IndicatieActief {
				inactive++
			}
			if p.IndicatieGeheimhouding == data.TriTrue {
				secret++
			}
		}
	})
	for q, want := range map[string]int{
		"?soortPartij=persoon": persons, "?soortPartij=organisatie": orgs, "?soortPartij=contactpersoon": cps,
		"?indicatieActief=false": inactive, "?indicatieGeheimhouding=true": secret,
		"?partijIdentificator__codeSoortObjectId=bsn":                    persons,
		"?partijIdentificator__codeRegister=brp&soortPartij=organisatie": 0,
		"?categorierelatie__categorie__naam=vip":                         0,
	} {
		if got := f.list("/partijen" + q).Count; got != want {
			t.Errorf("%s: %d, want %d", q, got, want)
		}
	}
	if persons == 0 || orgs == 0 || cps == 0 || inactive == 0 {
		t.Errorf("dataset lacks variety: %d %d %d %d", persons, orgs, cps, inactive)
	}
	// nummer of a migrated person is the klantnummer.
	nummer := str(f.get("/partijen/"+f.partijUUID(both.Partijen[0])), "nummer")
	if got := f.list("/partijen?nummer=" + nummer); got.Count != 1 || len(nummer) != 8 {
		t.Errorf("by nummer %q: %d", nummer, got.Count)
	}
	// Address filters.
	adr := obj(f.get("/partijen/"+f.partijUUID(both.Partijen[0])), "bezoekadres")
	if bag := str(adr, "nummeraanduidingId"); len(bag) != 16 || f.list("/partijen?bezoekadresNummeraanduidingId="+bag+"&bezoekadresLand=NL").Count < 1 {
		t.Errorf("by address %v", adr)
	}
}

func TestKlantcontactFilters(t *testing.T) {
	f := newFixture(t)
	bm := f.showcase(gen.ShowcaseV2Benchmark)
	pu := f.partijUUID(bm.Partijen[0])
	want := f.kcOfPartij(bm.Partijen[0])
	if len(want) != 30 {
		t.Fatalf("store has %d klantcontacten of the v2 benchmark person", len(want))
	}
	for _, query := range []string{
		"hadBetrokkene__wasPartij__partijIdentificator__objectId=" + gen.ShowcaseV2BenchmarkBSN,
		"hadBetrokkene__wasPartij__partijIdentificator__objectId=" + gen.ShowcaseV2BenchmarkBSN + "&hadBetrokkene__wasPartij__partijIdentificator__codeSoortObjectId=bsn&hadBetrokkene__wasPartij__partijIdentificator__codeRegister=brp",
		"hadBetrokkene__wasPartij__uuid=" + pu,
		"hadBetrokkene__wasPartij__url=" + q(f.url("/partijen/"+pu)),
	} {
		got := uuids(f.all("/klantcontacten?pageSize=7&" + query))
		if !slices.Equal(got, want) {
			t.Errorf("%s: %d klantcontacten, want the %d of the partij newest first", query, len(got), len(want))
		}
	}
	if n := f.list("/klantcontacten?hadBetrokkene__wasPartij__partijIdentificator__objectId=" + gen.ShowcaseV2BenchmarkBSN + "&hadBetrokkene__wasPartij__partijIdentificator__codeSoortObjectId=kvk_nummer").Count; n != 0 {
		t.Errorf("BSN with soort kvk_nummer: %d", n)
	}
	if n := f.list("/klantcontacten?hadBetrokkene__wasPartij__url=" + q("http://elders.test/geen-uuid")).Count; n != 0 {
		t.Errorf("URL without UUID matched %d", n)
	}
	if n := f.list("/klantcontacten?leiddeTotInterneTaken=true&hadBetrokkene__wasPartij__uuid=" + pu).Count; n != 5 {
		t.Errorf("with interne taken: %d, want 5", n)
	}
	if n := f.list("/klantcontacten?leiddeTotInterneTaken=false&hadBetrokkene__wasPartij__uuid=" + pu).Count; n != 25 {
		t.Errorf("without interne taken: %d, want 25", n)
	}

	// Klantcontacten about a zaak, by its identificator.
	var zaakID, register string
	f.store.Read(func(d *data.Data) {
		for i := range d.Onderwerpobjecten.Rows {
			o := &d.Onderwerpobjecten.Rows[i]
			if o.Identificator.CodeObjecttype == "zaak" && d.Betrokkenen.Rows[0].Inst == o.Inst {
				for _, b := range d.Betrokkenen.Rows {
					if b.Klantcontact == o.Klantcontact && b.Partij == bm.Partijen[0] {
						zaakID, register = o.Identificator.ObjectID, o.Identificator.CodeRegister
					}
				}
			}
		}
	})
	if zaakID == "" || !strings.HasPrefix(register, "open-zaak-") {
		t.Fatalf("no onderwerpobject of the benchmark person (%q %q)", zaakID, register)
	}
	about := f.all("/klantcontacten?onderwerpobject__onderwerpobjectidentificatorObjectId=" + zaakID +
		"&onderwerpobject__onderwerpobjectidentificatorCodeObjecttype=zaak&onderwerpobject__onderwerpobjectidentificatorCodeRegister=" + register +
		"&onderwerpobject__onderwerpobjectidentificatorCodeSoortObjectId=uuid&expand=gingOverOnderwerpobjecten")
	if len(about) == 0 {
		t.Fatal("no klantcontacten about the zaak")
	}
	for _, kc := range about {
		found := false
		for _, o := range arr(kc, "_expand", "gingOverOnderwerpobjecten") {
			found = found || str(o.(map[string]any), "onderwerpobjectidentificator", "objectId") == zaakID
		}
		if !found {
			t.Errorf("klantcontact %s is not about zaak %s", str(kc, "uuid"), zaakID)
		}
	}
	other := "open-zaak-a"
	if register == other {
		other = "open-zaak-b"
	}
	if n := f.list("/klantcontacten?onderwerpobject__onderwerpobjectidentificatorObjectId=" + zaakID + "&onderwerpobject__onderwerpobjectidentificatorCodeRegister=" + other).Count; n != 0 {
		t.Errorf("zaak in the other register: %d", n)
	}
	ond := arr(about[0], "_expand", "gingOverOnderwerpobjecten")[0].(map[string]any)
	if got := f.list("/klantcontacten?onderwerpobject__uuid=" + str(ond, "uuid")); got.Count != 1 || str(got.Results[0], "uuid") != str(about[0], "uuid") {
		t.Errorf("by onderwerpobject uuid: %v", uuids(got.Results))
	}
	if got := f.list("/klantcontacten?onderwerpobject__url=" + q(str(ond, "url"))); got.Count != 1 {
		t.Errorf("by onderwerpobject url: %d", got.Count)
	}

	// Plain fields.
	kc := f.get("/klantcontacten/" + want[0])
	for _, query := range []string{
		"nummer=" + str(kc, "nummer"), "referentienummer=" + str(kc, "referentienummer"),
		"plaatsgevondenOp=" + q(str(kc, "plaatsgevondenOp")) + "&kanaal=" + q(str(kc, "kanaal")),
		"onderwerp=" + q(strings.ToUpper(str(kc, "onderwerp"))) + "&hadBetrokkene__wasPartij__uuid=" + pu,
		"inhoud=" + q(str(kc, "inhoud")[2:20]) + "&hadBetrokkene__wasPartij__uuid=" + pu,
	} {
		found := slices.Contains(uuids(f.all("/klantcontacten?pageSize=500&"+query)), want[0])
		if !found {
			t.Errorf("%s does not find the klantcontact", query)
		}
	}
	for _, r := range f.all("/klantcontacten?pageSize=500&kanaal=telefoon") {
		if str(r, "kanaal") != "telefoon" {
			t.Fatalf("kanaal filter returned %s", str(r, "kanaal"))
		}
	}
	// Klantcontacten with no partij as betrokkene (an unknown caller).
	anon := f.all("/klantcontacten?pageSize=500&hadBetrokkene__wasPartij=false&expand=hadBetrokkenen")
	if len(anon) == 0 {
		t.Fatal("no klantcontacten of unknown callers")
	}
	for _, r := range anon {
		for _, b := range arr(r, "_expand", "hadBetrokkenen") {
			if obj(b.(map[string]any), "wasPartij") != nil {
				t.Fatalf("klantcontact %s has a partij", str(r, "uuid"))
			}
		}
	}
	total := f.list("/klantcontacten").Count
	if withPartij := f.list("/klantcontacten?hadBetrokkene__wasPartij=true").Count; withPartij+len(anon) != total {
		t.Errorf("with partij %d + without %d != %d", withPartij, len(anon), total)
	}
	// vertrouwelijk and indicatieContactGelukt are booleans.
	if a, b := f.list("/klantcontacten?vertrouwelijk=true").Count, f.list("/klantcontacten?vertrouwelijk=false").Count; a == 0 || a+b != total {
		t.Errorf("vertrouwelijk %d + %d != %d", a, b, total)
	}
	if a, b := f.list("/klantcontacten?indicatieContactGelukt=true").Count, f.list("/klantcontacten?indicatieContactGelukt=false").Count; a == 0 || b == 0 || a+b >= total {
		t.Errorf("indicatieContactGelukt %d / %d of %d (some are unknown)", a, b, total)
	}
	// A follow-up klantcontact: wasOnderwerpobject names the earlier one.
	var follow, earlier string
	f.store.Read(func(d *data.Data) {
		for i := range d.Onderwerpobjecten.Rows {
			if o := &d.Onderwerpobjecten.Rows[i]; o.WasKlantcontact != data.NoRef {
				follow, earlier = d.Onderwerpobjecten.UUIDOf(data.Ref(i)).String(), d.Klantcontacten.UUIDOf(o.WasKlantcontact).String()
			}
		}
	})
	if got := f.list("/klantcontacten?wasOnderwerpobject__uuid=" + follow); got.Count != 1 || str(got.Results[0], "uuid") != earlier {
		t.Errorf("wasOnderwerpobject: %v, want %s", uuids(got.Results), earlier)
	}
}

func TestOtherFilters(t *testing.T) {
	f := newFixture(t)
	bm := f.showcase(gen.ShowcaseV2Benchmark)
	pu := f.partijUUID(bm.Partijen[0])
	kcs := f.kcOfPartij(bm.Partijen[0])

	// betrokkenen
	betr := f.all("/betrokkenen?wasPartij__uuid=" + pu)
	if len(betr) != 30 {
		t.Errorf("betrokkenen of the partij: %d", len(betr))
	}
	for _, query := range []string{"wasPartij__url=" + q(f.url("/partijen/"+pu)), "wasPartij__partijIdentificator__objectId=" + gen.ShowcaseV2BenchmarkBSN,
		"contactnaamAchternaam=Smits&contactnaamVoornaam=Ingrid"} {
		if n := f.list("/betrokkenen?" + query).Count; n != 30 {
			t.Errorf("betrokkenen?%s: %d", query, n)
		}
	}
	b := f.list("/betrokkenen?hadKlantcontact__uuid=" + kcs[0])
	if b.Count != 1 || str(b.Results[0], "wasPartij", "uuid") != pu || str(b.Results[0], "hadKlantcontact", "uuid") != kcs[0] {
		t.Errorf("betrokkene of a klantcontact: %v", b.Results)
	}
	kc := f.get("/klantcontacten/" + kcs[0])
	if n := f.list("/betrokkenen?hadKlantcontact__nummer=" + str(kc, "nummer")).Count; n != 1 {
		t.Errorf("by klantcontact nummer: %d", n)
	}

	// onderwerpobjecten
	onds := f.all("/onderwerpobjecten?pageSize=500&onderwerpobjectidentificatorCodeObjecttype=zaak")
	zaken := map[string]bool{}
	for _, kcu := range kcs {
		for _, o := range f.list("/onderwerpobjecten?klantcontact__uuid=" + kcu).Results {
			zaken[str(o, "onderwerpobjectidentificator", "objectId")] = true
		}
	}
	if len(zaken) != 15 || len(onds) == 0 {
		t.Errorf("the benchmark person's klantcontacten are about %d zaken, want 15", len(zaken))
	}
	for z := range zaken {
		if n := f.list("/onderwerpobjecten?onderwerpobjectidentificatorObjectId=" + z + "&onderwerpobjectidentificatorCodeSoortObjectId=uuid").Count; n < 1 {
			t.Errorf("onderwerpobject of zaak %s not found", z)
		}
	}

	// digitale adressen
	adr := f.list("/digitaleadressen?verstrektDoorPartij__uuid=" + pu)
	kinds := map[string]string{}
	for _, a := range adr.Results {
		kinds[str(a, "soortDigitaalAdres")] = str(a, "adres")
	}
	if kinds["email"] != "i.smits@example.nl" || kinds["telefoonnummer"] != "0667890123" {
		t.Errorf("adressen of the partij: %v", kinds)
	}
	for _, query := range []string{"verstrektDoorPartij__partijIdentificator__objectId=" + gen.ShowcaseV2BenchmarkBSN + "&soortDigitaalAdres=email",
		"adres=i.smits@example.nl", "adres__icontains=I.SMITS@", "verstrektDoorPartij__url=" + q(f.url("/partijen/"+pu)) + "&isStandaardAdres=true&soortDigitaalAdres=email"} {
		if got := f.list("/digitaleadressen?" + query); got.Count != 1 || str(got.Results[0], "adres") != "i.smits@example.nl" {
			t.Errorf("digitaleadressen?%s: %v", query, uuids(got.Results))
		}
	}
	byBetr := f.all("/digitaleadressen?pageSize=500&verstrektDoorBetrokkene__rol=klant")
	if len(byBetr) == 0 {
		t.Fatal("no adressen given by betrokkenen")
	}
	for _, a := range byBetr {
		if obj(a, "verstrektDoorBetrokkene") == nil || str(a, "soortDigitaalAdres") != "telefoonnummer" {
			t.Fatalf("adres %v", a)
		}
	}
	if a, b := f.list("/digitaleadressen?isGeverifieerd=true").Count, f.list("/digitaleadressen?isGeverifieerd=false").Count; a == 0 || b == 0 {
		t.Errorf("isGeverifieerd %d / %d", a, b)
	}
	if n := f.list("/digitaleadressen?verificatieDatum__gte=2024-06-03&verificatieDatum__lte=2025-09-30").Count; n != f.list("/digitaleadressen?isGeverifieerd=true").Count {
		t.Errorf("verificatieDatum range: %d", n)
	}

	// interne taken
	var taken []map[string]any
	for _, kcu := range kcs {
		taken = append(taken, f.list("/internetaken?aanleidinggevendKlantcontact__uuid="+kcu).Results...)
	}
	if len(taken) != 5 {
		t.Fatalf("interne taken of the benchmark person: %d", len(taken))
	}
	tk := taken[0]
	actor := str(tk, "toegewezenAanActor", "uuid")
	if actor == "" || len(arr(tk, "toegewezenAanActoren")) != 1 {
		t.Errorf("taak actoren %v", tk)
	}
	for _, query := range []string{"toegewezenAanActor__uuid=" + actor, "nummer=" + str(tk, "nummer"), "status=" + str(tk, "status"),
		"aanleidinggevendKlantcontact__url=" + q(str(tk, "aanleidinggevendKlantcontact", "url")), "klantcontact__uuid=" + str(tk, "aanleidinggevendKlantcontact", "uuid")} {
		if !slices.Contains(uuids(f.all("/internetaken?pageSize=500&"+query)), str(tk, "uuid")) {
			t.Errorf("internetaken?%s misses the taak", query)
		}
	}
	for _, r := range f.all("/internetaken?pageSize=500&status=verwerkt") {
		if r["afgehandeldOp"] == nil {
			t.Fatalf("verwerkte taak without afgehandeldOp: %v", r)
		}
	}
	for _, r := range f.all("/internetaken?pageSize=500&status=te_verwerken") {
		if r["afgehandeldOp"] != nil {
			t.Fatalf("open taak with afgehandeldOp: %v", r)
		}
	}

	// actoren and actorklantcontacten
	act := f.get("/actoren/" + actor)
	if n := f.list("/actoren?naam=" + q(str(act, "naam")) + "&soortActor=" + str(act, "soortActor") + "&actoridentificatorObjectId=" + q(str(act, "actoridentificator", "objectId"))).Count; n != 1 {
		t.Errorf("actor by naam and identificator: %d", n)
	}
	meds := f.list("/actoren?soortActor=medewerker&indicatieActief=true")
	akcs := f.list("/actorklantcontacten?actor__uuid=" + str(meds.Results[0], "uuid"))
	if akcs.Count == 0 {
		t.Fatal("medewerker without klantcontacten")
	}
	kcu := str(akcs.Results[0], "klantcontact", "uuid")
	kcWith := f.get("/klantcontacten/" + kcu)
	if a := arr(kcWith, "hadBetrokkenActoren"); len(a) != 1 || str(a[0].(map[string]any), "uuid") != str(meds.Results[0], "uuid") {
		t.Errorf("hadBetrokkenActoren %v", a)
	}
	if got := f.list("/actorklantcontacten?klantcontact__url=" + q(f.url("/klantcontacten/"+kcu))); got.Count != 1 {
		t.Errorf("actorklantcontacten by klantcontact url: %d", got.Count)
	}

	// bijlagen
	bij := f.list("/bijlagen")
	if bij.Count == 0 {
		t.Fatal("no bijlagen")
	}
	b0 := bij.Results[0]
	if got := f.list("/bijlagen?klantcontact__uuid=" + str(b0, "wasBijlageVanKlantcontact", "uuid") + "&bijlageidentificatorCodeObjecttype=informatieobject&bijlageidentificatorObjectId=" + str(b0, "bijlageidentificator", "objectId")); got.Count != 1 {
		t.Errorf("bijlage by klantcontact and identificator: %d", got.Count)
	}

	// partij-identificatoren
	if got := f.list("/partij-identificatoren?partijIdentificatorObjectId=" + gen.ShowcaseV2BedrijfKvK + "&partijIdentificatorCodeSoortObjectId=kvk_nummer&partijIdentificatorCodeRegister=hr&partijIdentificatorCodeObjecttype=niet_natuurlijk_persoon"); got.Count != 1 {
		t.Errorf("identificator by KvK: %d", got.Count)
	}
	if got := f.list("/partij-identificatoren?partijIdentificatorCodeSoortObjectId=vestigingsnummer"); got.Count == 0 {
		t.Error("no vestigingsnummers")
	}
	p := f.problem(400, "GET", "/partij-identificatoren?partijIdentificatorCodeRegister=kvk", nil)
	if !p.hasParam("partijIdentificatorCodeRegister", "invalid_choice") {
		t.Errorf("bad register: %+v", p)
	}
}
