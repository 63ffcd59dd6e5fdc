package klantinteracties

import (
	"testing"

	"github.com/klantgraaf/klantgraaf/sim/gen"
)

// TestShowcaseOverAPI finds the v2 showcase parties as a gateway would, by
// BSN or KvK number, and checks their documented counts.
func TestShowcaseOverAPI(t *testing.T) {
	f := newFixture(t)
	count := func(bsns ...string) (kcs, about, taken int, zaken map[string]string) {
		zaken = map[string]string{}
		for _, id := range bsns {
			for _, kc := range f.all("/klantcontacten?hadBetrokkene__wasPartij__partijIdentificator__objectId=" + id + "&expand=gingOverOnderwerpobjecten,leiddeTotInterneTaken") {
				kcs++
				taken += len(arr(kc, "_expand", "leiddeTotInterneTaken"))
				isAbout := false
				for _, o := range arr(kc, "_expand", "gingOverOnderwerpobjecten") {
					oi := obj(o.(map[string]any), "onderwerpobjectidentificator")
					if str(oi, "codeObjecttype") == "zaak" {
						isAbout = true
						zaken[str(oi, "objectId")] = str(oi, "codeRegister")
					}
				}
				if isAbout {
					about++
				}
			}
		}
		return
	}
	registers := func(z map[string]string) map[string]int {
		out := map[string]int{}
		for _, r := range z {
			out[r]++
		}
		return out
	}
	for _, c := range []struct {
		key, bsn string
		zaken    int
	}{
		{gen.ShowcaseV2Alleen, gen.ShowcaseV2AlleenBSN, 4},
		{gen.ShowcaseV1EnV2, gen.ShowcaseV1EnV2BSN, 3},
		{gen.ShowcaseV2Benchmark, gen.ShowcaseV2BenchmarkBSN, 15},
	} {
		e := f.showcase(c.key)
		kcs, about, taken, zaken := count(c.bsn)
		if kcs != e.Klantcontacten || about != e.KlantcontactenOverZaak || taken != e.Internetaken || len(zaken) != c.zaken {
			t.Errorf("%s: %d klantcontacten, %d about %d zaken, %d taken; showcase says %d, %d, %d",
				c.key, kcs, about, len(zaken), taken, e.Klantcontacten, e.KlantcontactenOverZaak, e.Internetaken)
		}
		if r := registers(zaken); r["open-zaak-a"] == 0 || r["open-zaak-b"] == 0 || len(r) != 2 {
			t.Errorf("%s: zaken per register %v, want both zaaksystemen", c.key, r)
		}
	}
	bm := f.showcase(gen.ShowcaseV2Benchmark)
	if bm.Klantcontacten != 30 || bm.KlantcontactenOverZaak != 20 || bm.Internetaken != 5 || bm.Zaken != 15 {
		t.Errorf("v2-benchmark entry %+v", bm)
	}

	// The company: the organisatie by KvK and its vestigingen under it.
	ids := []string{gen.ShowcaseV2BedrijfKvK}
	for _, v := range f.all("/partijen?subIdentificatorVan__objectId=" + gen.ShowcaseV2BedrijfKvK) {
		ids = append(ids, str(arr(v, "partijIdentificatoren")[0].(map[string]any), "partijIdentificator", "objectId"))
	}
	if len(ids) != 3 || ids[1] == ids[2] {
		t.Fatalf("company identifiers %v", ids)
	}
	e := f.showcase(gen.ShowcaseV2Bedrijf)
	kcs, about, taken, zaken := count(ids...)
	if kcs != e.Klantcontacten || about != e.KlantcontactenOverZaak || taken != e.Internetaken || len(zaken) != 3 || len(e.Partijen) != 3 {
		t.Errorf("v2-bedrijf: %d klantcontacten, %d about %d zaken, %d taken; entry %+v", kcs, about, len(zaken), taken, e)
	}
	cp := f.list("/partijen?soortPartij=contactpersoon")
	found := false
	for _, p := range f.all("/partijen?soortPartij=contactpersoon&pageSize=500") {
		if str(p, "partijIdentificatie", "werkteVoorPartij", "uuid") == f.partijUUID(e.Partijen[0]) {
			found = str(p, "partijIdentificatie", "volledigeNaam") == "Marieke van Dijk"
		}
	}
	if !found || cp.Count == 0 {
		t.Error("the company's contactpersoon is missing")
	}
}
