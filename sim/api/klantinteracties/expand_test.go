package klantinteracties

import (
	"fmt"
	"strings"
	"testing"

	"github.com/klantgraaf/klantgraaf/sim/gen"
)

func TestExpandKlantcontacten(t *testing.T) {
	f := newFixture(t)
	bm := f.showcase(gen.ShowcaseV2Benchmark)
	pu := f.partijUUID(bm.Partijen[0])
	all := f.all("/klantcontacten?hadBetrokkene__wasPartij__uuid=" + pu +
		"&expand=hadBetrokkenen.wasPartij,hadBetrokkenen.digitaleAdressen,gingOverOnderwerpobjecten,leiddeTotInterneTaken,omvatteBijlagen")
	if len(all) != 30 {
		t.Fatalf("%d klantcontacten", len(all))
	}
	taken, about := 0, 0
	for _, kc := range all {
		exp := obj(kc, "_expand")
		betr := arr(exp, "hadBetrokkenen")
		if len(betr) != 1 || len(arr(kc, "hadBetrokkenen")) != 1 {
			t.Fatalf("klantcontact %s: betrokkenen %v", str(kc, "uuid"), betr)
		}
		b := betr[0].(map[string]any)
		if str(b, "uuid") != str(arr(kc, "hadBetrokkenen")[0].(map[string]any), "uuid") || str(b, "hadKlantcontact", "uuid") != str(kc, "uuid") {
			t.Errorf("expanded betrokkene %v does not match its reference", b)
		}
		// The nested expansion sits in the betrokkene's own _expand.
		p := obj(b, "_expand", "wasPartij")
		if str(p, "uuid") != pu || str(p, "partijIdentificatie", "volledigeNaam") != "Ingrid Smits" {
			t.Errorf("expanded wasPartij %v", p)
		}
		if _, ok := obj(b, "_expand")["digitaleAdressen"]; !ok {
			t.Errorf("betrokkene lacks expanded digitaleAdressen")
		}
		if obj(p, "_expand") != nil {
			t.Errorf("partij expanded without being asked")
		}
		onds := arr(exp, "gingOverOnderwerpobjecten")
		if len(onds) != len(arr(kc, "gingOverOnderwerpobjecten")) {
			t.Errorf("onderwerpobjecten %d vs %d references", len(onds), len(arr(kc, "gingOverOnderwerpobjecten")))
		}
		for _, o := range onds {
			om := o.(map[string]any)
			if str(om, "klantcontact", "uuid") != str(kc, "uuid") || str(om, "onderwerpobjectidentificator", "codeObjecttype") != "zaak" {
				t.Errorf("onderwerpobject %v", om)
			}
			about++
		}
		for _, x := range arr(exp, "leiddeTotInterneTaken") {
			if str(x.(map[string]any), "aanleidinggevendKlantcontact", "uuid") != str(kc, "uuid") {
				t.Errorf("taak %v", x)
			}
			taken++
		}
		if len(arr(exp, "omvatteBijlagen")) != len(arr(kc, "omvatteBijlagen")) {
			t.Errorf("bijlagen differ")
		}
	}
	if taken != 5 || about != 20 {
		t.Errorf("expanded %d interne taken and %d onderwerpobjecten, want 5 and 20", taken, about)
	}
	// Only the requested relations are expanded; a nested path implies its parent.
	one := f.get("/klantcontacten/" + str(all[0], "uuid") + "?expand=hadBetrokkenen.wasPartij")
	if exp := obj(one, "_expand"); len(exp) != 1 || len(arr(exp, "hadBetrokkenen")) != 1 {
		t.Errorf("_expand %v", exp)
	}
	if plain := f.get("/klantcontacten/" + str(all[0], "uuid")); plain["_expand"] != nil {
		t.Error("_expand without expand")
	}
	// An unknown caller: wasPartij expands to null.
	anon := f.list("/klantcontacten?hadBetrokkene__wasPartij=false&expand=hadBetrokkenen.wasPartij")
	b := arr(anon.Results[0], "_expand", "hadBetrokkenen")[0].(map[string]any)
	if w, ok := obj(b, "_expand")["wasPartij"]; !ok || w != nil {
		t.Errorf("wasPartij of an unknown caller: %v", obj(b, "_expand"))
	}
}

func TestExpandPartijEnAdressen(t *testing.T) {
	f := newFixture(t)
	al := f.showcase(gen.ShowcaseV2Alleen)
	pu := f.partijUUID(al.Partijen[0])
	p := f.get("/partijen/" + pu + "?expand=betrokkenen.hadKlantcontact,digitaleAdressen,categorieRelaties")
	exp := obj(p, "_expand")
	betr := arr(exp, "betrokkenen")
	if len(betr) != 10 || len(arr(p, "betrokkenen")) != 10 {
		t.Fatalf("%d betrokkenen", len(betr))
	}
	for _, x := range betr {
		b := x.(map[string]any)
		kc := obj(b, "_expand", "hadKlantcontact")
		if str(kc, "uuid") != str(b, "hadKlantcontact", "uuid") || str(kc, "onderwerp") == "" {
			t.Errorf("expanded hadKlantcontact %v", kc)
		}
	}
	adressen := arr(exp, "digitaleAdressen")
	if len(adressen) != 2 || len(arr(exp, "categorieRelaties")) != 0 {
		t.Errorf("digitaleAdressen %v categorieRelaties %v", adressen, arr(exp, "categorieRelaties"))
	}
	if str(p, "voorkeursDigitaalAdres", "uuid") == "" {
		t.Error("no voorkeursDigitaalAdres")
	}
	for _, a := range adressen {
		if str(a.(map[string]any), "verstrektDoorPartij", "uuid") != pu {
			t.Errorf("adres %v", a)
		}
	}

	// A betrokkene that gave a callback number, expanded from the adres
	// down to the interne taak.
	given := f.list("/digitaleadressen?verstrektDoorBetrokkene__rol=klant&expand=verstrektDoorBetrokkene.hadKlantcontact.leiddeTotInterneTaken")
	if given.Count == 0 {
		t.Fatal("no adres given by a betrokkene")
	}
	a := given.Results[0]
	b := obj(a, "_expand", "verstrektDoorBetrokkene")
	if str(b, "uuid") != str(a, "verstrektDoorBetrokkene", "uuid") {
		t.Fatalf("verstrektDoorBetrokkene %v", b)
	}
	kc := obj(b, "_expand", "hadKlantcontact")
	taken := arr(kc, "_expand", "leiddeTotInterneTaken")
	if str(kc, "uuid") != str(b, "hadKlantcontact", "uuid") || len(taken) == 0 {
		t.Errorf("klantcontact %v with taken %v", str(kc, "uuid"), taken)
	}
	// Betrokkene expand.
	bd := f.get("/betrokkenen/" + str(b, "uuid") + "?expand=digitaleAdressen")
	if l := arr(bd, "_expand", "digitaleAdressen"); len(l) == 0 || str(l[0].(map[string]any), "adres") == "" {
		t.Errorf("betrokkene digitaleAdressen %v", l)
	}
	// A partij adres has no betrokkene: expands to null.
	pa := f.get("/digitaleadressen/" + str(adressen[0].(map[string]any), "uuid") + "?expand=verstrektDoorBetrokkene")
	if v, ok := obj(pa, "_expand")["verstrektDoorBetrokkene"]; !ok || v != nil {
		t.Errorf("adres of a partij: %v", obj(pa, "_expand"))
	}
	f.problem(400, "GET", "/betrokkenen?expand=wasPartij", nil)
	f.problem(400, "GET", "/partijen/"+pu+"?expand=hadBetrokkenen", nil)
}

func TestPagination(t *testing.T) {
	f := newFixture(t)
	total := f.list("/klantcontacten").Count
	if total != 2000 {
		t.Fatalf("count %d", total)
	}
	first := f.list("/klantcontacten")
	if len(first.Results) != 100 || first.Previous != nil || first.Next == nil || !strings.Contains(*first.Next, "page=2") {
		t.Errorf("default page: %d results, next %v", len(first.Results), first.Next)
	}
	seen := map[string]bool{}
	next := f.url("/klantcontacten?pageSize=300&kanaal=")
	pages := 0
	var prev *string
	last := "9999999999"
	for next != "" {
		p := f.list(next)
		pages++
		if pages > 1 && (p.Previous == nil || prev == nil) {
			t.Fatalf("page %d without previous", pages)
		}
		for _, r := range p.Results {
			u := str(r, "uuid")
			if seen[u] {
				t.Fatalf("%s twice", u)
			}
			seen[u] = true
			// Newest first: nummers decrease.
			if n := str(r, "nummer"); n >= last {
				t.Fatalf("order: %s after %s", n, last)
			} else {
				last = n
			}
		}
		prev, next = p.Next, ""
		if p.Next != nil {
			next = *p.Next
			if !strings.Contains(next, "pageSize=300") {
				t.Fatalf("next %s lost pageSize", next)
			}
		}
	}
	if len(seen) != total || pages != (total+299)/300 {
		t.Errorf("walked %d in %d pages, want %d", len(seen), pages, total)
	}
	if p := f.list("/klantcontacten?pageSize=1000"); len(p.Results) != 500 {
		t.Errorf("pageSize capped at %d", len(p.Results))
	}
	f.problem(404, "GET", fmt.Sprintf("/klantcontacten?pageSize=500&page=%d", total/500+2), nil)
	f.problem(404, "GET", "/partijen?page=0", nil)
	if p := f.list("/rekeningnummers?page=1"); p.Count != 0 || p.Next != nil {
		t.Errorf("empty list %+v", p)
	}
}
