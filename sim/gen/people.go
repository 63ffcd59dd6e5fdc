package gen

import (
	"math"
	"strconv"
	"strings"

	"github.com/klantgraaf/klantgraaf/sim/data"
)

const (
	brpURL        = "https://brp.example.nl/haalcentraal/api/brp/ingeschrevenpersonen/"
	kvkBasisURL   = "https://api.kvk.nl/api/v1/basisprofielen/"
	kvkVestURL    = "https://api.kvk.nl/api/v1/vestigingsprofielen/"
	medewerkerURL = "https://medewerkers.example.nl/api/v1/medewerkers/"
	landNederland = "6030" // BRP Land/Gebied-tabel
)

type streetEntry struct {
	straat, woonplaats string
	postcodes          []string
}

// buildAddresses draws the streets of every place with their postcodes.
func (g *generator) buildAddresses() {
	letters := "ABCDEGHJKLMNPRSTVWXZ"
	cum := 0
	for _, p := range places {
		order := g.rng.Perm(len(streetNames))
		for k := 0; k < p.streets && k < len(order); k++ {
			pc4 := strconv.Itoa(g.between(p.pcFrom, p.pcTo))
			e := streetEntry{straat: streetNames[order[k]], woonplaats: p.naam}
			for j := 0; j < 3; j++ {
				a, b := letters[g.rng.IntN(len(letters))], letters[g.rng.IntN(len(letters))]
				if a == 'S' && (b == 'A' || b == 'D' || b == 'S') {
					b = 'K'
				}
				e.postcodes = append(e.postcodes, pc4+string([]byte{a, b}))
			}
			g.streets = append(g.streets, e)
			cum += p.weight * 1000 / p.streets
			g.stCum = append(g.stCum, cum)
		}
	}
}

func (g *generator) adres() data.Adres {
	r := g.rng.IntN(g.stCum[len(g.stCum)-1])
	i := 0
	for g.stCum[i] <= r {
		i++
	}
	e := &g.streets[i]
	a := data.Adres{
		Straatnaam: e.straat, Huisnummer: int32(g.between(1, 180)),
		Postcode: oneOf(g, e.postcodes), Woonplaats: e.woonplaats, Landcode: landNederland,
	}
	switch r := g.rng.IntN(100); {
	case r < 6:
		a.Huisletter = oneOf(g, []string{"A", "B", "C"})
	case r < 10:
		a.Huisnummertoevoeging = oneOf(g, []string{"1", "2", "3", "bis", "A"})
	}
	return a
}

// asciiLower folds a name to lower-case ASCII letters for e-mail addresses
// and identifiers.
func asciiLower(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == 'ö' || r == 'ó':
			b.WriteByte('o')
		case r == 'ë' || r == 'é' || r == 'è':
			b.WriteByte('e')
		case r == 'ı' || r == 'ï':
			b.WriteByte('i')
		case r == 'ş':
			b.WriteByte('s')
		case r == 'ü':
			b.WriteByte('u')
		case r == 'ç':
			b.WriteByte('c')
		}
	}
	return b.String()
}

func initial(s string) string {
	for _, r := range s {
		return string(r) + "."
	}
	return ""
}

func (g *generator) buildMedewerkers() {
	seen := map[string]bool{}
	for i := 0; i < 40; i++ {
		voornaam := oneOf(g, maleNames)
		if g.chance(0.5) {
			voornaam = oneOf(g, femaleNames)
		}
		sn := oneOf(g, surnames)
		id := asciiLower(voornaam[:1] + sn.voorvoegsel + sn.naam)
		for n := 2; seen[id]; n++ {
			id = asciiLower(voornaam[:1]+sn.voorvoegsel+sn.naam) + strconv.Itoa(n)
		}
		seen[id] = true
		m := medewerker{id: id, achternaam: sn.naam, voorletters: initial(voornaam), voorvoegsel: sn.voorvoegsel}
		if g.chance(0.6) {
			m.url = medewerkerURL + id
		}
		m.display = m.voorletters + " " + strings.TrimSpace(m.voorvoegsel+" "+m.achternaam)
		g.meds = append(g.meds, m)
	}
}

// nameCache shares composed strings (double first names, initials).
func (g *generator) cached(key int, build func() string) string {
	if s, ok := g.textCache[key]; ok {
		return s
	}
	s := build()
	g.textCache[key] = s
	return s
}

// Cache key spaces of textCache.
const (
	keyVoornamen   = 1 << 24
	keyVoorletters = 2 << 24
	keyCompany     = 3 << 24
	keyVestiging   = 4 << 24
	keyZaakText    = 5 << 24
	keyVerzText    = 6 << 24
)

func (g *generator) newPerson() (person, error) {
	bsn, err := g.bsns.next()
	if err != nil {
		return person{}, err
	}
	names, geslacht, gk := maleNames, "m", 0
	if g.chance(0.5) {
		names, geslacht, gk = femaleNames, "v", 1
	}
	i1 := g.rng.IntN(len(names))
	p := person{bsn: bsn, geslacht: geslacht, voornaam: names[i1], voornamen: names[i1], klant: data.NoRef}
	p.voorletters = g.cached(keyVoorletters+gk<<16+i1<<8+255, func() string { return initial(names[i1]) })
	if g.chance(0.4) {
		i2 := g.rng.IntN(len(names))
		if i2 != i1 {
			p.voornamen = g.cached(keyVoornamen+gk<<16+i1<<8+i2, func() string { return names[i1] + " " + names[i2] })
			p.voorletters = g.cached(keyVoorletters+gk<<16+i1<<8+i2, func() string { return initial(names[i1]) + initial(names[i2]) })
		}
	}
	sn := oneOf(g, surnames)
	p.voorvoegsel, p.achternaam = sn.voorvoegsel, sn.naam
	born := lastDay - data.Date(18*365+g.rng.IntN(72*365))
	p.geboortedatum = g.isoDate(born)
	return p, nil
}

func (g *generator) phone() string {
	if g.chance(0.65) {
		return "06-" + padNum(10_000_000+g.rng.IntN(90_000_000), 8)
	}
	ac := oneOf(g, areaCodes)
	n := 10 - len(ac)
	lo := 1
	for i := 1; i < n; i++ {
		lo *= 10
	}
	return ac + "-" + strconv.Itoa(2*lo+g.rng.IntN(8*lo))
}

func (g *generator) klantnummer(n int) string { return strconv.Itoa(10_000_000 + n) }

// addPersonKlant stores the klant record of a person.
func (g *generator) addPersonKlant(p *person, klantnummer string, pi int32) data.Ref {
	k := data.Klant{
		Bronorganisatie: MunicipalityRSIN, Klantnummer: klantnummer,
		Voornaam: p.voornaam, VoorvoegselAchternaam: p.voorvoegsel, Achternaam: p.achternaam,
		Adres: g.adres(), SubjectType: data.SubjectNatuurlijkPersoon,
		Aanmaakkanaal: aanmaakkanalen[g.pick(aanmaakkanaalWeights)], Geverifieerd: g.chance(0.7),
		InpBsn: p.bsn, Geslachtsnaam: p.achternaam, Voornamen: p.voornamen, Geboortedatum: p.geboortedatum,
		Geslachtsaanduiding: p.geslacht,
	}
	if g.chance(0.85) {
		k.Telefoonnummer = g.phone()
	}
	if g.chance(0.92) {
		k.Emailadres = asciiLower(p.voornaam[:1]) + "." + asciiLower(p.voorvoegsel+p.achternaam) + strings.TrimLeft(klantnummer[1:], "0") + "@" + oneOf(g, emailDomains)
	}
	if g.chance(0.85) {
		k.Subject = brpURL + p.bsn
	}
	return g.addKlant(k, party{pkPerson, pi})
}

func (g *generator) addKlant(k data.Klant, p party) data.Ref {
	k.Inst = g.klantenInst
	r := g.st.klanten.add(g.klantenInst, k)
	g.klantParty = append(g.klantParty, p)
	return r
}

func (g *generator) companyName() (naam, slug string) {
	ki, ci, si := g.rng.IntN(len(companyKinds)), g.rng.IntN(len(companyCores)), g.rng.IntN(len(companySuffixes))
	kind := companyKinds[ki]
	if kind == "Stichting" || kind == "Vereniging" {
		si = 4 // no legal-form suffix
	}
	key := keyCompany + ki<<16 + ci<<8 + si
	naam = g.cached(key, func() string { return kind + " " + companyCores[ci] + companySuffixes[si] })
	slug = g.cached(key+1<<23, func() string { return asciiLower(kind + companyCores[ci]) })
	return naam, slug
}

// addCompanyKlant stores the niet-natuurlijk-persoon klant of a company.
func (g *generator) addCompanyKlant(c *company, klantnummer string, ci int32) data.Ref {
	contact := oneOf(g, maleNames)
	if g.chance(0.5) {
		contact = oneOf(g, femaleNames)
	}
	sn := oneOf(g, surnames)
	k := data.Klant{
		Bronorganisatie: MunicipalityRSIN, Klantnummer: klantnummer, Bedrijfsnaam: c.naam, Functie: oneOf(g, functies),
		Voornaam: contact, VoorvoegselAchternaam: sn.voorvoegsel, Achternaam: sn.naam,
		Telefoonnummer: g.phone(), Emailadres: "info@" + c.slug + ".example.nl", Adres: g.adres(),
		Subject: kvkBasisURL + c.kvk, SubjectType: data.SubjectNietNatuurlijkPersoon,
		Aanmaakkanaal: aanmaakkanalen[g.pick(aanmaakkanaalWeights)], Geverifieerd: g.chance(0.8),
		InnNnpId: c.rsin, KvkNummer: c.kvk, StatutaireNaam: c.naam,
	}
	if g.chance(0.6) {
		k.WebsiteURL = "https://www." + c.slug + ".example.nl"
	}
	return g.addKlant(k, party{pkCompany, ci})
}

// addVestigingKlant stores the klant of a vestiging.
func (g *generator) addVestigingKlant(v *vestiging, klantnummer string, vi int32) data.Ref {
	c := &g.companies[v.company]
	k := data.Klant{
		Bronorganisatie: MunicipalityRSIN, Klantnummer: klantnummer, Bedrijfsnaam: v.naam,
		Telefoonnummer: g.phone(), Emailadres: "info@" + c.slug + ".example.nl", Adres: g.adres(),
		Subject: kvkVestURL + v.nummer, SubjectType: data.SubjectVestiging,
		Aanmaakkanaal: aanmaakkanalen[g.pick(aanmaakkanaalWeights)], Geverifieerd: g.chance(0.8),
		VestigingsNummer: v.nummer, KvkNummer: c.kvk, Handelsnaam: []string{v.naam},
	}
	return g.addKlant(k, party{pkVestiging, vi})
}

// buildParties creates the general population: n klanten (mostly persons,
// some companies and vestigingen) and persons known only by BSN.
func (g *generator) buildParties(n int) error {
	nNNP := n * 12 / 100
	nV := n * 8 / 100
	nNP := n - nNNP - nV
	kinds := make([]uint8, 0, n)
	for i := 0; i < nNP; i++ {
		kinds = append(kinds, pkPerson)
	}
	for i := 0; i < nNNP; i++ {
		kinds = append(kinds, pkCompany)
	}
	for i := 0; i < nV; i++ {
		kinds = append(kinds, pkVestiging)
	}
	g.rng.Shuffle(len(kinds), func(i, j int) { kinds[i], kinds[j] = kinds[j], kinds[i] })
	// Vestigingen need a company; make sure the first company precedes them.
	for i, k := range kinds {
		if k == pkCompany {
			break
		}
		if k == pkVestiging {
			for j := i + 1; j < len(kinds); j++ {
				if kinds[j] == pkCompany {
					kinds[i], kinds[j] = kinds[j], kinds[i]
					break
				}
			}
			break
		}
	}
	nOnly := n / 12
	g.persons = make([]person, 0, nNP+nOnly+8)
	weights := make([]float64, 0, n)
	for i, k := range kinds {
		kn := g.klantnummer(i + 1)
		var r data.Ref
		switch k {
		case pkPerson:
			p, err := g.newPerson()
			if err != nil {
				return err
			}
			pi := int32(len(g.persons))
			g.persons = append(g.persons, p)
			r = g.addPersonKlant(&g.persons[pi], kn, pi)
			g.persons[pi].klant = r
			g.genPersons = append(g.genPersons, pi)
		case pkCompany:
			ci := g.newCompany()
			r = g.addCompanyKlant(&g.companies[ci], kn, ci)
			g.companies[ci].klant = r
			g.genComps = append(g.genComps, ci)
		case pkVestiging:
			if len(g.companies) == 0 {
				ci := g.newCompany()
				g.genComps = append(g.genComps, ci)
			}
			parent := g.genComps[g.rng.IntN(len(g.genComps))]
			vi := g.newVestiging(parent)
			r = g.addVestigingKlant(&g.vestigingen[vi], kn, vi)
			g.vestigingen[vi].klant = r
			g.genVests = append(g.genVests, vi)
		}
		w := math.Exp(0.9 * g.rng.NormFloat64())
		if k != pkPerson {
			w *= 0.7
		}
		g.genKlanten = append(g.genKlanten, r)
		weights = append(weights, w)
	}
	g.klantAlias = newAlias(weights)
	for i := 0; i < nOnly; i++ {
		p, err := g.newPerson()
		if err != nil {
			return err
		}
		g.genPersons = append(g.genPersons, int32(len(g.persons)))
		g.persons = append(g.persons, p)
	}
	return nil
}

func (g *generator) newCompany() int32 {
	naam, slug := g.companyName()
	g.companies = append(g.companies, company{kvk: g.newKvK(), rsin: g.newRSIN(), naam: naam, slug: slug, klant: data.NoRef})
	return int32(len(g.companies) - 1)
}

func (g *generator) newVestiging(ci int32) int32 {
	c := &g.companies[ci]
	plaats := oneOf(g, places).naam
	base := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(c.naam, " Holding B.V."), " B.V."), " V.O.F.")
	naam := base + " " + plaats
	g.vestigingen = append(g.vestigingen, vestiging{nummer: g.newVestigingsnummer(), company: ci, naam: naam, klant: data.NoRef})
	return int32(len(g.vestigingen) - 1)
}

// randomKlant picks a general klant, weighted so that some klanten have
// many contacts and most have a few.
func (g *generator) randomKlant() data.Ref { return g.genKlanten[g.klantAlias.draw(g)] }

// alias is Walker's alias table: O(1) sampling from a discrete distribution.
type alias struct {
	prob []float64
	alt  []int32
}

func newAlias(w []float64) alias {
	n := len(w)
	a := alias{prob: make([]float64, n), alt: make([]int32, n)}
	total := 0.0
	for _, x := range w {
		total += x
	}
	small, large := make([]int32, 0, n), make([]int32, 0, n)
	for i, x := range w {
		a.prob[i] = x * float64(n) / total
		if a.prob[i] < 1 {
			small = append(small, int32(i))
		} else {
			large = append(large, int32(i))
		}
	}
	for len(small) > 0 && len(large) > 0 {
		s, l := small[len(small)-1], large[len(large)-1]
		small = small[:len(small)-1]
		a.alt[s] = l
		a.prob[l] -= 1 - a.prob[s]
		if a.prob[l] < 1 {
			large = large[:len(large)-1]
			small = append(small, l)
		}
	}
	for _, i := range large {
		a.prob[i] = 1
	}
	for _, i := range small {
		a.prob[i] = 1
	}
	return a
}

func (a *alias) draw(g *generator) int {
	i := g.rng.IntN(len(a.prob))
	if g.rng.Float64() < a.prob[i] {
		return i
	}
	return int(a.alt[i])
}

// zakenOf returns the zaken a party initiated.
func (g *generator) zakenOf(p party) *[]data.Ref {
	switch p.kind {
	case pkCompany:
		return &g.companies[p.idx].zaken
	case pkVestiging:
		return &g.vestigingen[p.idx].zaken
	}
	return &g.persons[p.idx].zaken
}
