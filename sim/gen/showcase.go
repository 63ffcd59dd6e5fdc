package gen

import (
	"time"

	"github.com/klantgraaf/klantgraaf/sim/data"
)

// Showcase identifiers. They are the same for every seed and scale; the
// showcase entries in data.Data.Showcase carry the expected counts.
//
//   - "benchmark" (BSN 999990019, Hans van den Berg): one klant record,
//     exactly 30 contactmomenten (20 of them about his zaken), 15 zaken as
//     initiator (8 in the first zaaksysteem, 7 in the second; open and
//     closed; all at most zaakvertrouwelijk; 8 with rol.betrokkene = his klant
//     URL, 7 by BSN only), 5 verzoeken and documents on 10 of the zaken.
//   - "bedrijf" (KvK 90412853, RSIN 812345605, Dommeldal Installatietechniek
//     B.V.): a niet-natuurlijk-persoon klant and three vestigingen
//     (000041234567, 000041234575, 000041234583) with a vestiging klant each;
//     4 zaken with the company as initiator and 2 per vestiging, 12
//     contactmomenten and 3 verzoeken.
//   - "alleen-zaken" (BSN 999990032): no klant record, 4 zaken (2 per
//     zaaksysteem) found only through rol.betrokkeneIdentificatie.inpBsn.
//   - "vertrouwelijk" (BSN 999990044): a klant with 3 zaken, one of them
//     geheim (invisible to a client with ceiling zaakvertrouwelijk), the
//     other two openbaar; 2 contactmomenten.
//   - "groei-10", "groei-100", "groei-1000" (BSN 999990056, 999990068,
//     999990081): klanten with 10/100/1000 contactmomenten, 5/20/100 zaken
//     and 2/5/20 verzoeken, for cost-growth benchmarks.
//
// These parties are only in the v1 registers (Klanten, Contactmomenten);
// v2_showcase.go adds the parties of the migration to Klantinteracties.
const (
	ShowcaseBenchmarkBSN     = "999990019"
	ShowcaseAlleenZakenBSN   = "999990032"
	ShowcaseVertrouwelijkBSN = "999990044"
	ShowcaseGroei10BSN       = "999990056"
	ShowcaseGroei100BSN      = "999990068"
	ShowcaseGroei1000BSN     = "999990081"

	ShowcaseBedrijfKvK        = "90412853"
	ShowcaseBedrijfRSIN       = "812345605"
	ShowcaseBedrijfNaam       = "Dommeldal Installatietechniek B.V."
	ShowcaseBedrijfVestiging1 = "000041234567"
	ShowcaseBedrijfVestiging2 = "000041234575"
	ShowcaseBedrijfVestiging3 = "000041234583"
)

// Showcase keys.
const (
	ShowcaseBenchmark     = "benchmark"
	ShowcaseBedrijf       = "bedrijf"
	ShowcaseAlleenZaken   = "alleen-zaken"
	ShowcaseVertrouwelijk = "vertrouwelijk"
	ShowcaseGroei10       = "groei-10"
	ShowcaseGroei100      = "groei-100"
	ShowcaseGroei1000     = "groei-1000"
)

type scPerson struct {
	key, bsn                                                  string
	voornaam, voornamen, voorletters, voorvoegsel, achternaam string
	geslacht                                                  string
	born                                                      data.Date
	klant                                                     bool
	email, phone                                              string
	adres                                                     data.Adres
	cms, zaken, verz                                          int
	description                                               string
}

var scPersons = append([]scPerson{
	{key: ShowcaseBenchmark, bsn: ShowcaseBenchmarkBSN, voornaam: "Hans", voornamen: "Johannes Hendrikus", voorletters: "J.H.",
		voorvoegsel: "van den", achternaam: "Berg", geslacht: "m", born: dateOf(1968, time.March, 14), klant: true,
		email: "h.vandenberg@example.nl", phone: "06-12345678",
		adres: data.Adres{Straatnaam: "Kerkstraat", Huisnummer: 12, Postcode: "5612KL", Woonplaats: "Dommelvoort", Landcode: landNederland},
		cms:   30, zaken: 15, verz: 5,
		description: "Person with one klant record: exactly 30 contactmomenten (20 about his zaken), 15 zaken as initiator " +
			"(8 in the first zaaksysteem, 7 in the second; open and closed; all at most zaakvertrouwelijk; 8 with rol.betrokkene = " +
			"the klant URL, 7 by BSN only), 5 verzoeken and documents on 10 zaken."},
	{key: ShowcaseAlleenZaken, bsn: ShowcaseAlleenZakenBSN, voornaam: "Fatima", voornamen: "Fatima Zahra", voorletters: "F.Z.",
		achternaam: "El Amrani", geslacht: "v", born: dateOf(1985, time.September, 2),
		zaken:       4,
		description: "Person without a klant record: 4 zaken (2 per zaaksysteem) found only by BSN in rol.betrokkeneIdentificatie."},
	{key: ShowcaseVertrouwelijk, bsn: ShowcaseVertrouwelijkBSN, voornaam: "Pieter", voornamen: "Pieter Willem", voorletters: "P.W.",
		voorvoegsel: "de", achternaam: "Vries", geslacht: "m", born: dateOf(1975, time.June, 21), klant: true,
		email: "p.devries@example.com", phone: "040-2345678",
		adres: data.Adres{Straatnaam: "Lindenlaan", Huisnummer: 3, Postcode: "5621AB", Woonplaats: "Dommelvoort", Landcode: landNederland},
		cms:   2, zaken: 3,
		description: "Person with a klant record and 3 zaken: one geheim (invisible to a client with ceiling zaakvertrouwelijk), two openbaar; 2 contactmomenten."},
	{key: ShowcaseGroei10, bsn: ShowcaseGroei10BSN, voornaam: "Sanne", voornamen: "Sanne", voorletters: "S.",
		achternaam: "Jansen", geslacht: "v", born: dateOf(1990, time.January, 15), klant: true,
		email: "s.jansen@example.nl", phone: "06-23456789",
		adres: data.Adres{Straatnaam: "Merelstraat", Huisnummer: 45, Postcode: "5641BD", Woonplaats: "Heikant", Landcode: landNederland},
		cms:   10, zaken: 5, verz: 2,
		description: "Cost-growth benchmark person: 10 contactmomenten, 5 zaken, 2 verzoeken."},
	{key: ShowcaseGroei100, bsn: ShowcaseGroei100BSN, voornaam: "Mehmet", voornamen: "Mehmet", voorletters: "M.",
		achternaam: "Yılmaz", geslacht: "m", born: dateOf(1979, time.November, 30), klant: true,
		email: "m.yilmaz@example.nl", phone: "06-34567890",
		adres: data.Adres{Straatnaam: "Stationsweg", Huisnummer: 101, Huisletter: "A", Postcode: "5611HX", Woonplaats: "Dommelvoort", Landcode: landNederland},
		cms:   100, zaken: 20, verz: 5,
		description: "Cost-growth benchmark person: 100 contactmomenten, 20 zaken, 5 verzoeken."},
	{key: ShowcaseGroei1000, bsn: ShowcaseGroei1000BSN, voornaam: "Maria", voornamen: "Maria Johanna", voorletters: "M.J.",
		voorvoegsel: "van der", achternaam: "Meer", geslacht: "v", born: dateOf(1958, time.April, 8), klant: true,
		email: "m.vandermeer@example.nl", phone: "0499-123456",
		adres: data.Adres{Straatnaam: "Dorpsstraat", Huisnummer: 7, Postcode: "5645CE", Woonplaats: "Oosterbroek", Landcode: landNederland},
		cms:   1000, zaken: 100, verz: 20,
		description: "Cost-growth benchmark person: 1000 contactmomenten, 100 zaken, 20 verzoeken."},
}, v2ScPersons...)

var scVestigingen = []struct{ nummer, plaats string }{
	{ShowcaseBedrijfVestiging1, "Dommelvoort"}, {ShowcaseBedrijfVestiging2, "Heikant"}, {ShowcaseBedrijfVestiging3, "Eindhoven"},
}

const (
	scBedrijfNNPZaken  = 4
	scBedrijfVestZaken = 2 // per vestiging
	scBedrijfNNPCMs    = 6
	scBedrijfVestCMs   = 2 // per vestiging
	scBedrijfVerz      = 3
	scBedrijfDesc      = "Company (KvK) with a niet-natuurlijk-persoon klant and three vestigingen, each with its own vestiging klant: " +
		"4 zaken with the company as initiator (kvkNummer/innNnpId) and 2 per vestiging (vestigingsNummer + kvkNummer), " +
		"12 contactmomenten (6 with the company klant, 2 per vestiging klant) and 3 verzoeken."
)

func showcaseBSNs() []string {
	out := make([]string, len(scPersons))
	for i, p := range scPersons {
		out[i] = p.bsn
	}
	return out
}

func showcaseKvKs() []string { return []string{ShowcaseBedrijfKvK, ShowcaseV2BedrijfKvK} }

func showcaseVestigingen() []string {
	return []string{ShowcaseBedrijfVestiging1, ShowcaseBedrijfVestiging2, ShowcaseBedrijfVestiging3}
}

// showcaseTotals is what the showcase adds to the dataset.
func showcaseTotals() Sizes {
	s := Sizes{
		Klanten:         1 + len(scVestigingen),
		Contactmomenten: scBedrijfNNPCMs + scBedrijfVestCMs*len(scVestigingen),
		Zaken:           scBedrijfNNPZaken + scBedrijfVestZaken*len(scVestigingen) + v2ShowcaseZaken(),
		Verzoeken:       scBedrijfVerz,
	}
	for _, p := range scPersons {
		if p.klant {
			s.Klanten++
		}
		s.Contactmomenten += p.cms
		s.Zaken += p.zaken
		s.Verzoeken += p.verz
	}
	return s
}

type showcaseParties struct {
	persons []int32 // by scPersons index
	comp    int32
	vests   []int32
}

func (g *generator) buildShowcaseParties() (*showcaseParties, error) {
	sp := &showcaseParties{}
	nr := 90_000_001
	next := func() string { nr++; return padNum(nr-1, 8) }
	for _, sc := range scPersons {
		p := person{bsn: sc.bsn, voornaam: sc.voornaam, voornamen: sc.voornamen, voorletters: sc.voorletters,
			voorvoegsel: sc.voorvoegsel, achternaam: sc.achternaam, geslacht: sc.geslacht, geboortedatum: g.isoDate(sc.born), klant: data.NoRef}
		pi := int32(len(g.persons))
		g.persons = append(g.persons, p)
		sp.persons = append(sp.persons, pi)
		if !sc.klant {
			continue
		}
		r := g.addPersonKlant(&g.persons[pi], next(), pi)
		k := g.st.klanten.get(r)
		k.Emailadres, k.Telefoonnummer, k.Adres = sc.email, sc.phone, sc.adres
		k.Subject, k.Aanmaakkanaal, k.Geverifieerd = brpURL+sc.bsn, "website", true
		g.persons[pi].klant = r
	}
	g.companies = append(g.companies, company{kvk: ShowcaseBedrijfKvK, rsin: ShowcaseBedrijfRSIN, naam: ShowcaseBedrijfNaam,
		slug: "dommeldalinstallatietechniek", klant: data.NoRef})
	sp.comp = int32(len(g.companies) - 1)
	c := &g.companies[sp.comp]
	r := g.addCompanyKlant(c, next(), sp.comp)
	k := g.st.klanten.get(r)
	k.WebsiteURL, k.Geverifieerd, k.Aanmaakkanaal = "https://www.dommeldalinstallatietechniek.example.nl", true, "balie"
	k.Adres = data.Adres{Straatnaam: "Industrieweg", Huisnummer: 28, Postcode: "5627BT", Woonplaats: "Dommelvoort", Landcode: landNederland}
	k.Telefoonnummer = "040-7654321"
	c.klant = r
	for _, v := range scVestigingen {
		g.vestigingen = append(g.vestigingen, vestiging{nummer: v.nummer, company: sp.comp,
			naam: "Dommeldal Installatietechniek " + v.plaats, klant: data.NoRef})
		vi := int32(len(g.vestigingen) - 1)
		sp.vests = append(sp.vests, vi)
		r := g.addVestigingKlant(&g.vestigingen[vi], next(), vi)
		g.st.klanten.get(r).Geverifieerd = true
		g.vestigingen[vi].klant = r
	}
	return sp, nil
}

// scZaaktype picks a zaaktype of system s fitting the initiator kind.
func (g *generator) scZaaktype(s *system, org bool) int {
	w := make([]int, len(s.zaaktypen))
	found := false
	for i, zi := range s.zaaktypen {
		share := zi.tmpl.orgShare
		if (org && share > 0) || (!org && share < 0.9) {
			w[i] = zi.tmpl.weight
			found = true
		}
	}
	if !found {
		return g.pick(s.ztWeights)
	}
	return g.pick(w)
}

// scPlan plans a showcase zaak.
func (g *generator) scPlan(si int, init party, start data.Date, closed, link bool, docs int8) zaakPlan {
	s := g.systems[si]
	p := g.datedPlan(si, g.scZaaktype(s, init.kind != pkPerson), init, start)
	p.closed = closed && p.start+3 <= lastDay
	p.linkKlant = link
	p.docs = docs
	p.maxVert = data.Zaakvertrouwelijk
	return p
}

// second returns the index of the second zaaksysteem (the first when there
// is only one).
func (g *generator) second() int { return 1 % len(g.systems) }

func (g *generator) showcaseZaakPlans(sp *showcaseParties) []zaakPlan {
	var plans []zaakPlan
	for i, sc := range scPersons {
		init := party{pkPerson, sp.persons[i]}
		switch sc.key {
		case ShowcaseBenchmark:
			docs := []int8{2, 0, 1, 3, 0, 1, 2, 0, 1, 1, 0, 2, 1, 3, 0}
			for j := 0; j < sc.zaken; j++ {
				si := 0
				if j >= 8 {
					si = g.second()
				}
				start := lastDay - 700 + data.Date(j*45+g.rng.IntN(20))
				plans = append(plans, g.scPlan(si, init, start, j%2 == 1, j%2 == 0, docs[j%len(docs)]))
			}
		case ShowcaseAlleenZaken:
			for j := 0; j < sc.zaken; j++ {
				si := 0
				if j >= sc.zaken/2 {
					si = g.second()
				}
				plans = append(plans, g.scPlan(si, init, lastDay-data.Date(60+j*120), j%2 == 0, false, -1))
			}
		case ShowcaseV2Alleen, ShowcaseV1EnV2, ShowcaseV2Benchmark:
			plans = append(plans, g.v2PersonZaakPlans(&scPersons[i], init)...)
		case ShowcaseVertrouwelijk:
			levels := []data.Vertrouwelijkheid{data.Openbaar, data.Geheim, data.Openbaar}
			for j := 0; j < sc.zaken; j++ {
				p := g.scPlan(0, init, lastDay-data.Date(300-j*90), j == 0, j < 2, -1)
				p.vert, p.maxVert = int8(levels[j%len(levels)]), data.ZeerGeheim
				plans = append(plans, p)
			}
		default: // groei-N
			for j := 0; j < sc.zaken; j++ {
				p := g.scPlan(j%len(g.systems), init, lastDay-data.Date(g.rng.IntN(historyDays)), false, g.chance(0.5), -1)
				p.closed = p.start+60 < lastDay && g.chance(0.5)
				plans = append(plans, p)
			}
		}
	}
	for j := 0; j < scBedrijfNNPZaken; j++ {
		plans = append(plans, g.scPlan(0, party{pkCompany, sp.comp}, lastDay-data.Date(500-j*110), j%2 == 0, j%2 == 0, 1))
	}
	for vi, v := range sp.vests {
		for j := 0; j < scBedrijfVestZaken; j++ {
			plans = append(plans, g.scPlan(0, party{pkVestiging, v}, lastDay-data.Date(400-vi*90-j*40), j == 0, j == 0, -1))
		}
	}
	return append(plans, g.v2CompanyZaakPlans()...)
}

func (g *generator) showcaseCMPlans(sp *showcaseParties) []cmPlan {
	var plans []cmPlan
	for i, sc := range scPersons {
		pp := &g.persons[sp.persons[i]]
		if pp.klant == data.NoRef {
			continue
		}
		zl := pp.zaken
		switch sc.key {
		case ShowcaseBenchmark:
			for j := 0; j < sc.cms; j++ {
				z := data.NoRef
				if j < 20 {
					z = zl[j%len(zl)]
				}
				plans = append(plans, g.cmPlanFor(pp.klant, z))
			}
		case ShowcaseVertrouwelijk:
			plans = append(plans, g.cmPlanFor(pp.klant, zl[0]), g.cmPlanFor(pp.klant, data.NoRef))
		case ShowcaseV1EnV2:
			plans = append(plans, g.v1EnV2CMPlans(pp)...)
		default:
			for j := 0; j < sc.cms; j++ {
				z := data.NoRef
				if len(zl) > 0 && g.chance(0.5) {
					z = oneOf(g, zl)
				}
				plans = append(plans, g.cmPlanFor(pp.klant, z))
			}
		}
	}
	c := &g.companies[sp.comp]
	for j := 0; j < scBedrijfNNPCMs; j++ {
		z := data.NoRef
		if j%2 == 0 {
			z = c.zaken[j/2%len(c.zaken)]
		}
		plans = append(plans, g.cmPlanFor(c.klant, z))
	}
	for _, vi := range sp.vests {
		v := &g.vestigingen[vi]
		for j := 0; j < scBedrijfVestCMs; j++ {
			z := data.NoRef
			if j == 0 {
				z = v.zaken[0]
			}
			plans = append(plans, g.cmPlanFor(v.klant, z))
		}
	}
	return plans
}

func (g *generator) showcaseVerzoekPlans(sp *showcaseParties) []verzPlan {
	var plans []verzPlan
	for i, sc := range scPersons {
		pp := &g.persons[sp.persons[i]]
		if pp.klant == data.NoRef || sc.verz == 0 {
			continue
		}
		zl := pp.zaken
		if sc.key == ShowcaseBenchmark {
			plans = append(plans,
				g.verzPlanFor(pp.klant, zl[0], true, false),
				g.verzPlanFor(pp.klant, zl[3], false, true),
				g.verzPlanFor(pp.klant, data.NoRef, true, false),
				g.verzPlanFor(pp.klant, data.NoRef, false, true),
				g.verzPlanFor(pp.klant, data.NoRef, false, false))
			continue
		}
		for j := 0; j < sc.verz; j++ {
			z := data.NoRef
			if len(zl) > 0 && g.chance(0.35) {
				z = oneOf(g, zl)
			}
			plans = append(plans, g.verzPlanFor(pp.klant, z, g.chance(0.3), g.chance(0.25)))
		}
	}
	c := &g.companies[sp.comp]
	plans = append(plans,
		g.verzPlanFor(c.klant, c.zaken[0], true, false),
		g.verzPlanFor(c.klant, data.NoRef, false, true),
		g.verzPlanFor(g.vestigingen[sp.vests[0]].klant, data.NoRef, false, false))
	return plans
}

func (g *generator) finishShowcase(sp *showcaseParties) {
	d := g.d
	for i, sc := range scPersons {
		e := data.ShowcaseEntry{Key: sc.key, Description: sc.description, BSN: sc.bsn,
			Contactmomenten: sc.cms, Zaken: sc.zaken, Verzoeken: sc.verz, Klanten: []data.Ref{}}
		if k := g.persons[sp.persons[i]].klant; k != data.NoRef {
			e.Klanten = append(e.Klanten, k)
		}
		d.Showcase = append(d.Showcase, e)
	}
	c := &g.companies[sp.comp]
	e := data.ShowcaseEntry{Key: ShowcaseBedrijf, Description: scBedrijfDesc, KvK: c.kvk,
		Vestigingen: showcaseVestigingen(), Klanten: []data.Ref{c.klant},
		Contactmomenten: scBedrijfNNPCMs + scBedrijfVestCMs*len(sp.vests),
		Zaken:           scBedrijfNNPZaken + scBedrijfVestZaken*len(sp.vests),
		Verzoeken:       scBedrijfVerz}
	for _, vi := range sp.vests {
		e.Klanten = append(e.Klanten, g.vestigingen[vi].klant)
	}
	// Order: benchmark, bedrijf, then the rest, the v2 company last.
	d.Showcase = append(d.Showcase[:1], append([]data.ShowcaseEntry{e}, d.Showcase[1:]...)...)
	ci, _ := g.v2ShowcaseCompany()
	d.Showcase = append(d.Showcase, data.ShowcaseEntry{Key: ShowcaseV2Bedrijf, Description: scV2BedrijfDesc,
		KvK: g.companies[ci].kvk, Vestigingen: []string{ShowcaseV2BedrijfVestiging1, ShowcaseV2BedrijfVestiging2},
		Klanten: []data.Ref{}, Zaken: v2ShowcaseZaken()})
}
