package gen

import (
	"time"

	"github.com/klantgraaf/klantgraaf/sim/data"
)

// Showcase parties of the migration to Klantinteracties (Open Klant 2.x).
// Like the v1 showcase they have fixed identifiers for every seed and scale;
// their expected counts are in data.Data.Showcase.
//
//   - "v2-alleen" (BSN 999990093, Lotte Verhoeven): only in Klantinteracties
//     (no klant record): a persoon partij with 10 klantcontacten, 6 of them
//     about her 4 zaken (2 per zaaksysteem, found by BSN), and 2 interne
//     taken.
//   - "v1-en-v2" (BSN 999990111, Ahmed Bouzid): in both generations: a
//     klant with 6 contactmomenten (4 about his zaken) and a partij (nummer
//     = his klantnummer) with 5 klantcontacten (3 about his zaken) and 1
//     interne taak; 4 zaken, 2 per zaaksysteem; his first zaak in each
//     zaaksysteem has contact in both generations.
//   - "v2-benchmark" (BSN 999990123, Ingrid Smits): only in
//     Klantinteracties: exactly 30 klantcontacten (20 about her 15 zaken, every
//     zaak at least once), 15 zaken (8 in the first zaaksysteem, 7 in the
//     second) and 5 interne taken.
//   - "v2-bedrijf" (KvK 90418275, RSIN 812345629, Kempenhof Bouw en
//     Onderhoud B.V.): only in Klantinteracties: an organisatie partij with
//     kvk_nummer and rsin identificators, two vestiging partijen
//     (000041239014, 000041239022) whose vestigingsnummer identificator is a
//     sub-identificator of the KvK one, and a contactpersoon working for it;
//     3 zaken (2 by KvK, 1 by the first vestiging), 7 klantcontacten (3 about
//     those zaken) and 1 interne taak.
const (
	ShowcaseV2AlleenBSN    = "999990093"
	ShowcaseV1EnV2BSN      = "999990111"
	ShowcaseV2BenchmarkBSN = "999990123"

	ShowcaseV2BedrijfKvK        = "90418275"
	ShowcaseV2BedrijfRSIN       = "812345629"
	ShowcaseV2BedrijfNaam       = "Kempenhof Bouw en Onderhoud B.V."
	ShowcaseV2BedrijfVestiging1 = "000041239014"
	ShowcaseV2BedrijfVestiging2 = "000041239022"
)

// Keys of the Klantinteracties showcase parties.
const (
	ShowcaseV2Alleen    = "v2-alleen"
	ShowcaseV1EnV2      = "v1-en-v2"
	ShowcaseV2Benchmark = "v2-benchmark"
	ShowcaseV2Bedrijf   = "v2-bedrijf"
)

// v2ScPersons are appended to scPersons: the v1 generator gives them their
// zaken (and v1-en-v2 his klant and contactmomenten); the v2 generator their
// partijen and klantcontacten. email, phone and adres are used by the v2
// partij when there is no klant to take them from.
var v2ScPersons = []scPerson{
	{key: ShowcaseV2Alleen, bsn: ShowcaseV2AlleenBSN, voornaam: "Lotte", voornamen: "Lotte Maria", voorletters: "L.M.",
		achternaam: "Verhoeven", geslacht: "v", born: dateOf(1992, time.February, 11),
		email: "lotte.verhoeven@example.nl", phone: "06-56789012",
		adres: data.Adres{Straatnaam: "Beukenlaan", Huisnummer: 8, Postcode: "5623EK", Woonplaats: "Dommelvoort", Landcode: landNederland},
		zaken: 4,
		description: "Person only in Klantinteracties (no klant record): a persoon partij with 10 klantcontacten, 6 of them " +
			"about her 4 zaken (2 per zaaksysteem, found by BSN), and 2 interne taken."},
	{key: ShowcaseV1EnV2, bsn: ShowcaseV1EnV2BSN, voornaam: "Ahmed", voornamen: "Ahmed", voorletters: "A.",
		achternaam: "Bouzid", geslacht: "m", born: dateOf(1983, time.July, 5), klant: true,
		email: "a.bouzid@example.nl", phone: "06-45678901",
		adres: data.Adres{Straatnaam: "Spoorstraat", Huisnummer: 22, Postcode: "5616AB", Woonplaats: "Dommelvoort", Landcode: landNederland},
		cms:   6, zaken: 4,
		description: "Person in both generations: a klant with 6 contactmomenten (4 about his zaken) and a partij " +
			"(nummer = his klantnummer) with 5 klantcontacten (3 about his zaken) and 1 interne taak; 4 zaken, 2 per " +
			"zaaksysteem; his first zaak in each zaaksysteem has contact in both generations."},
	{key: ShowcaseV2Benchmark, bsn: ShowcaseV2BenchmarkBSN, voornaam: "Ingrid", voornamen: "Ingrid Johanna", voorletters: "I.J.",
		achternaam: "Smits", geslacht: "v", born: dateOf(1971, time.October, 23),
		email: "i.smits@example.nl", phone: "06-67890123",
		adres: data.Adres{Straatnaam: "Molenstraat", Huisnummer: 41, Postcode: "5614BC", Woonplaats: "Dommelvoort", Landcode: landNederland},
		zaken: 15,
		description: "Person only in Klantinteracties: exactly 30 klantcontacten (20 about her 15 zaken, every zaak at " +
			"least once), 15 zaken as initiator (8 in the first zaaksysteem, 7 in the second) and 5 interne taken."},
}

var v2ScVestigingen = []struct{ nummer, plaats string }{
	{ShowcaseV2BedrijfVestiging1, "Dommelvoort"}, {ShowcaseV2BedrijfVestiging2, "Oosterbroek"},
}

const (
	scV2BedrijfKVKZaken  = 2 // by the company, one per zaaksysteem
	scV2BedrijfVestZaken = 1 // by the first vestiging
	scV2BedrijfDesc      = "Company only in Klantinteracties: an organisatie partij with kvk_nummer and rsin identificators, " +
		"two vestiging partijen whose vestigingsnummer identificator is a sub-identificator of the KvK one " +
		"(partijIdentificator__objectId=<vestigingsnummer>&subIdentificatorVan__objectId=<kvk>), and a contactpersoon " +
		"working for it; 3 zaken (2 by KvK, 1 by the first vestiging), 7 klantcontacten (3 about those zaken) and 1 interne taak."
)

// goLive is the day the municipality started registering klantcontacten in
// Klantinteracties; every v2 klantcontact is on or after it.
var goLive = dateOf(2024, time.June, 3)

// v2Reserve keeps the showcase identifiers of the v2 company out of the
// random draws.
func (g *generator) v2Reserve() {
	for _, v := range v2ScVestigingen {
		g.usedVest[v.nummer] = true
	}
	g.usedRSIN[ShowcaseV2BedrijfRSIN] = true
}

// buildV2ShowcaseCompany adds the v2 company and its vestigingen (no klant
// records) so zaken can be planned for them.
func (g *generator) buildV2ShowcaseCompany() {
	g.companies = append(g.companies, company{kvk: ShowcaseV2BedrijfKvK, rsin: ShowcaseV2BedrijfRSIN, naam: ShowcaseV2BedrijfNaam,
		slug: "kempenhofbouw", klant: data.NoRef})
	ci := int32(len(g.companies) - 1)
	for _, v := range v2ScVestigingen {
		g.vestigingen = append(g.vestigingen, vestiging{nummer: v.nummer, company: ci,
			naam: "Kempenhof Bouw en Onderhoud " + v.plaats, klant: data.NoRef})
	}
}

// v2ShowcaseCompany returns the index of the v2 company and its vestigingen.
func (g *generator) v2ShowcaseCompany() (int32, []int32) {
	ci := int32(-1)
	for i := range g.companies {
		if g.companies[i].kvk == ShowcaseV2BedrijfKvK {
			ci = int32(i)
		}
	}
	var vs []int32
	for i := range g.vestigingen {
		if g.vestigingen[i].company == ci {
			vs = append(vs, int32(i))
		}
	}
	return ci, vs
}

// v2PersonZaakPlans plans the zaken of a v2 showcase person. They all start
// after goLive, so klantcontacten about them are plausible.
func (g *generator) v2PersonZaakPlans(sc *scPerson, init party) []zaakPlan {
	var plans []zaakPlan
	switch sc.key {
	case ShowcaseV2Alleen:
		for j := 0; j < sc.zaken; j++ {
			plans = append(plans, g.scPlan(j%2*g.second(), init, lastDay-data.Date(400-j*90), j == 0, false, -1))
		}
	case ShowcaseV1EnV2:
		for j := 0; j < sc.zaken; j++ {
			si := 0
			if j >= 2 {
				si = g.second()
			}
			plans = append(plans, g.scPlan(si, init, lastDay-data.Date(420-j*100), j == 0, j%2 == 0, 1))
		}
	case ShowcaseV2Benchmark:
		docs := []int8{2, 0, 1, 3, 0, 1, 2, 0, 1, 1, 0, 2, 1, 3, 0}
		for j := 0; j < sc.zaken; j++ {
			si := 0
			if j >= 8 {
				si = g.second()
			}
			start := lastDay - 470 + data.Date(j*30+g.rng.IntN(10))
			plans = append(plans, g.scPlan(si, init, start, j%2 == 1, false, docs[j]))
		}
	}
	return plans
}

// v2CompanyZaakPlans plans the zaken of the v2 company.
func (g *generator) v2CompanyZaakPlans() []zaakPlan {
	ci, vs := g.v2ShowcaseCompany()
	var plans []zaakPlan
	for j := 0; j < scV2BedrijfKVKZaken; j++ {
		plans = append(plans, g.scPlan(j*g.second(), party{pkCompany, ci}, lastDay-data.Date(300-j*150), j == 0, false, 1))
	}
	for j := 0; j < scV2BedrijfVestZaken; j++ {
		plans = append(plans, g.scPlan(0, party{pkVestiging, vs[0]}, lastDay-data.Date(200), false, false, -1))
	}
	return plans
}

// v1EnV2CMPlans plans the v1 contactmomenten of the v1-en-v2 person: two
// about his first zaak, one about his third (the first in the second
// zaaksysteem), one about his second and two about no zaak.
func (g *generator) v1EnV2CMPlans(pp *person) []cmPlan {
	zl := pp.zaken
	return []cmPlan{
		g.cmPlanFor(pp.klant, zl[0]), g.cmPlanFor(pp.klant, zl[0]), g.cmPlanFor(pp.klant, zl[2]),
		g.cmPlanFor(pp.klant, zl[1]), g.cmPlanFor(pp.klant, data.NoRef), g.cmPlanFor(pp.klant, data.NoRef),
	}
}

// v2ShowcaseZaken is the number of zaken the v2 company adds.
func v2ShowcaseZaken() int { return scV2BedrijfKVKZaken + scV2BedrijfVestZaken }

// finishGeneraties records in which klant registers every showcase party is.
func (g *generator) finishGeneraties() {
	for i := range g.d.Showcase {
		e := &g.d.Showcase[i]
		e.Generaties = []string{}
		if len(e.Klanten) > 0 {
			e.Generaties = append(e.Generaties, "v1")
		}
		if len(e.Partijen) > 0 {
			e.Generaties = append(e.Generaties, "v2")
		}
	}
}
