package gen

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/klantgraaf/klantgraaf/sim/data"
)

// The Klantinteracties register (Open Klant 2.x) holds part of the
// population, as in a municipality halfway its migration: persons with a
// klant record who were migrated (same BSN, partij.nummer = klantnummer,
// e-mail and phone as digitale adressen), persons only known in v2 (some
// with zaken by BSN, some without) and organisations (KvK and RSIN
// identificators, vestigingen as partijen of their own whose
// vestigingsnummer is a sub-identificator of the KvK number). Klantcontacten
// are new records from goLive on, not copies of v1 contactmomenten; those
// about a zaak name it by an onderwerpobject identificator {objectId = zaak
// UUID, codeObjecttype "zaak", codeRegister = data.RegisterCode of its
// zaaksysteem, codeSoortObjectId "uuid"}.

// SizesV2 are the row counts of the Klantinteracties and Contactgegevens
// data of a scale, showcase parties included.
type SizesV2 struct {
	Partijen       int `json:"partijen"`
	Klantcontacten int `json:"klantcontacten"`
	Internetaken   int `json:"internetaken"`
	// Contactgegevens personen and organisaties.
	Personen     int `json:"personen"`
	Organisaties int `json:"organisaties"`
}

var scaleSizesV2 = map[string]SizesV2{
	"small":  {Partijen: 220, Klantcontacten: 2_000, Internetaken: 200, Personen: 25, Organisaties: 10},
	"medium": {Partijen: 4_400, Klantcontacten: 40_000, Internetaken: 4_000, Personen: 250, Organisaties: 100},
	"large":  {Partijen: 44_000, Klantcontacten: 400_000, Internetaken: 40_000, Personen: 2_500, Organisaties: 1_000},
}

// ScaleSizesV2 returns the exact Klantinteracties and Contactgegevens sizes
// Generate produces for a scale ("" = small) when the topology has those
// instances.
func ScaleSizesV2(scale string) (SizesV2, bool) {
	if scale == "" {
		scale = "small"
	}
	s, ok := scaleSizesV2[scale]
	return s, ok
}

// Share of the general partijen per kind, in percent.
const (
	v2OrgPercent     = 12 // organisaties (companies and their vestigingen)
	v2ContactPercent = 3  // contactpersonen
	v2MigratedPct    = 70 // of the persons: migrated from a klant record
)

// pkContactpersoon marks a contactpersoon partij.
const pkContactpersoon uint8 = 3

const keyKCOnderwerp = 7 << 24

// v2Partij is what the generator knows about a partij beyond its row.
type v2Partij struct {
	kind  uint8
	idx   int32      // person, company or vestiging index
	zaken []data.Ref // the zaken its subject initiated
	// name on the betrokkenen of its klantcontacten
	voorletters, voornaam, voorvoegsel, achternaam, org string
	phone                                               string
}

type v2stages struct {
	partijen stage[data.Partij]
	idents   stage[data.PartijIdentificator]
	adressen stage[data.DigitaalAdres]
	kc       stage[data.Klantcontact]
	betr     stage[data.Betrokkene]
	ond      stage[data.Onderwerpobject]
	actoren  stage[data.Actor]
	akc      stage[data.ActorKlantcontact]
	taken    stage[data.InterneTaak]
	bijlagen stage[data.Bijlage]
}

type v2gen struct {
	g         *generator
	inst      uint8
	st        v2stages
	parts     []v2Partij // by partij ref
	kvkIdent  map[int32]data.Ref
	meds      []data.Ref // actor per medewerker
	afd       []data.Ref
	eform     data.Ref
	partijSeq int
}

// kcPlan is a klantcontact decided before all are created in time order.
type kcPlan struct {
	t      data.DateTime
	partij data.Ref // NoRef: a caller not known as partij
	zaak   data.Ref
	seq    int32
	kanaal int8
	taak   bool
	follow bool
}

func (g *generator) runV2(wg *sync.WaitGroup, sp *showcaseParties) error {
	sz, ok := ScaleSizesV2(g.cfg.Scale)
	if !ok {
		return fmt.Errorf("gen: no v2 sizes for scale %q", g.cfg.Scale)
	}
	if l := g.topo.OfKind(data.APIContactgegevens); len(l) > 0 {
		g.buildContactgegevens(wg, l[0], sz)
	}
	ki := g.topo.OfKind(data.APIKlantinteracties)
	if len(ki) == 0 {
		return nil
	}
	v := &v2gen{g: g, inst: ki[0], kvkIdent: map[int32]data.Ref{}, st: v2stages{
		partijen: stage[data.Partij]{kind: "partij"}, idents: stage[data.PartijIdentificator]{kind: "partijidentificator"},
		adressen: stage[data.DigitaalAdres]{kind: "digitaaladres"}, kc: stage[data.Klantcontact]{kind: "klantcontact"},
		betr: stage[data.Betrokkene]{kind: "betrokkene"}, ond: stage[data.Onderwerpobject]{kind: "onderwerpobject"},
		actoren: stage[data.Actor]{kind: "actor"}, akc: stage[data.ActorKlantcontact]{kind: "actorklantcontact"},
		taken: stage[data.InterneTaak]{kind: "internetaak"}, bijlagen: stage[data.Bijlage]{kind: "bijlage"},
	}}
	v.buildActoren()
	sc := v.showcaseTotals()
	if err := v.buildPartijen(sz.Partijen - sc.partijen); err != nil {
		return err
	}
	nGeneral := v.st.partijen.len()
	scRefs := v.buildShowcasePartijen(sp)
	plans := v.planKlantcontacten(nGeneral, sz.Klantcontacten-sc.klantcontacten, sz.Internetaken-sc.internetaken)
	plans = append(plans, v.showcasePlans(sp, scRefs)...)
	v.materialize(plans)
	v.finishShowcase(sp, scRefs)

	d, st := g.d, &v.st
	flushTo(wg, g.seed, &st.partijen, &d.Partijen, func(r *data.Partij, u data.UUID) { r.UUID = u })
	flushTo(wg, g.seed, &st.idents, &d.PartijIdentificatoren, func(r *data.PartijIdentificator, u data.UUID) { r.UUID = u })
	flushTo(wg, g.seed, &st.adressen, &d.DigitaleAdressen, func(r *data.DigitaalAdres, u data.UUID) { r.UUID = u })
	flushTo(wg, g.seed, &st.kc, &d.Klantcontacten, func(r *data.Klantcontact, u data.UUID) { r.UUID = u })
	flushTo(wg, g.seed, &st.betr, &d.Betrokkenen, func(r *data.Betrokkene, u data.UUID) { r.UUID = u })
	flushTo(wg, g.seed, &st.ond, &d.Onderwerpobjecten, func(r *data.Onderwerpobject, u data.UUID) { r.UUID = u })
	flushTo(wg, g.seed, &st.actoren, &d.Actoren, func(r *data.Actor, u data.UUID) { r.UUID = u })
	flushTo(wg, g.seed, &st.akc, &d.ActorKlantcontacten, func(r *data.ActorKlantcontact, u data.UUID) { r.UUID = u })
	flushTo(wg, g.seed, &st.taken, &d.InterneTaken, func(r *data.InterneTaak, u data.UUID) { r.UUID = u })
	flushTo(wg, g.seed, &st.bijlagen, &d.Bijlagen, func(r *data.Bijlage, u data.UUID) { r.UUID = u })
	return nil
}

// ---- addresses, names, phone numbers ----

// gemeentecodeBAG prefixes the BAG ids of the dataset's addresses.
const gemeentecodeBAG = "1999"

// adresKI converts a generated address to the Klantinteracties shape with a
// stable BAG nummeraanduiding id.
func adresKI(a *data.Adres) *data.AdresKI {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s|%d|%s|%s|%s", a.Straatnaam, a.Huisnummer, a.Huisletter, a.Huisnummertoevoeging, a.Postcode)
	toev := a.Huisletter + a.Huisnummertoevoeging
	if a.Huisletter != "" && a.Huisnummertoevoeging != "" {
		toev = a.Huisletter + "-" + a.Huisnummertoevoeging
	}
	pc := a.Postcode
	if len(pc) == 6 {
		pc = pc[:4] + " " + pc[4:]
	}
	return &data.AdresKI{
		NummeraanduidingID: gemeentecodeBAG + "20" + padNum(int(h.Sum64()%10_000_000_000), 10),
		Straatnaam:         a.Straatnaam, Huisnummer: a.Huisnummer, Huisnummertoevoeging: toev,
		Postcode: pc, Stad: a.Woonplaats, Land: "NL",
	}
}

// phoneKI writes a phone number as Klantinteracties validates it (digits
// only, e.g. 0612345678).
func phoneKI(p string) string { return strings.ReplaceAll(p, "-", "") }

func (g *generator) randomName() (voornaam, voorletters, voorvoegsel, achternaam string) {
	names := maleNames
	if g.chance(0.5) {
		names = femaleNames
	}
	voornaam = oneOf(g, names)
	sn := oneOf(g, surnames)
	return voornaam, initial(voornaam), sn.voorvoegsel, sn.naam
}

// ---- actoren ----

func (v *v2gen) buildActoren() {
	g := v.g
	add := func(a data.Actor) data.Ref {
		a.Inst, a.IndicatieActief = v.inst, true
		return v.st.actoren.add(v.inst, a)
	}
	for i := range g.meds {
		m := &g.meds[i]
		v.meds = append(v.meds, add(data.Actor{
			Naam: m.display, SoortActor: data.SoortActorMedewerker,
			Identificator: data.Identificator{ObjectID: m.id, CodeObjecttype: "mdw", CodeRegister: "handmatig", CodeSoortObjectID: "idf"},
			Functie:       oneOf(g, medewerkerFuncties), Emailadres: m.id + "@dommelvoort.example.nl",
			Telefoonnummer: "040" + padNum(2_000_000+g.rng.IntN(7_000_000), 7),
		}))
	}
	for _, a := range afdelingen {
		v.afd = append(v.afd, add(data.Actor{
			Naam: a.naam, SoortActor: data.SoortActorOrganisatorischeEenheid,
			Identificator: data.Identificator{ObjectID: a.code, CodeObjecttype: "afd", CodeRegister: "handmatig", CodeSoortObjectID: "idf"},
			Omschrijving:  a.omschrijving, Emailadres: a.code + "@dommelvoort.example.nl", Telefoonnummer: "14040",
		}))
		// 14 040 is the municipality's short number; Klantinteracties
		// wants a full one.
		v.st.actoren.get(v.afd[len(v.afd)-1]).Telefoonnummer = "0401404000"
	}
	v.eform = add(data.Actor{
		Naam: "E-formulieren", SoortActor: data.SoortActorGeautomatiseerdeActor,
		Identificator: data.Identificator{ObjectID: "e-formulieren", CodeObjecttype: "app", CodeRegister: "handmatig", CodeSoortObjectID: "idf"},
		Functie:       "Verwerken webformulieren", Omschrijving: "Registreert klantcontacten van de webformulieren op de website.",
	})
}

// ---- partijen ----

func (v *v2gen) addPartij(p data.Partij, info v2Partij) data.Ref {
	p.Inst = v.inst
	if p.Nummer == "" {
		v.partijSeq++
		p.Nummer = padNum(v.partijSeq, 10)
	}
	if p.Voorkeurstaal == "" {
		p.Voorkeurstaal = "nld"
	}
	p.VoorkeursDigitaalAdres = data.NoRef
	if p.SoortPartij != data.SoortPartijContactpersoon {
		p.WerkteVoorPartij = data.NoRef
	}
	r := v.st.partijen.add(v.inst, p)
	v.parts = append(v.parts, info)
	return r
}

func (v *v2gen) addIdent(partij data.Ref, objecttype, soort, id, register string, sub data.Ref) data.Ref {
	return v.st.idents.add(v.inst, data.PartijIdentificator{Inst: v.inst, Partij: partij, CodeObjecttype: objecttype,
		CodeSoortObjectID: soort, ObjectID: id, CodeRegister: register, SubIdentificatorVan: sub})
}

func (v *v2gen) addAdres(partij, betr data.Ref, soort, adres string, standaard bool, omschrijving string) data.Ref {
	g := v.g
	a := data.DigitaalAdres{Inst: v.inst, Partij: partij, Betrokkene: betr, Adres: adres, SoortDigitaalAdres: soort,
		IsStandaardAdres: standaard, Omschrijving: omschrijving}
	if partij != data.NoRef && g.chance(0.4) {
		a.VerificatieDatum = goLive + data.Date(g.rng.IntN(int(lastDay-goLive)+1))
	}
	return v.st.adressen.add(v.inst, a)
}

// geheimhouding draws indicatieGeheimhouding: mostly not given.
func (g *generator) geheimhouding() data.TriState {
	switch r := g.rng.IntN(100); {
	case r < 70:
		return data.TriUnknown
	case r < 98:
		return data.TriFalse
	}
	return data.TriTrue
}

// personPartij adds the partij of person pi. A person with a klant record
// is migrated from it (klantnummer, e-mail, phone, address); others get
// their own contact details, or the given ones.
func (v *v2gen) personPartij(pi int32, email, phone string, adres *data.Adres) data.Ref {
	g := v.g
	pp := &g.persons[pi]
	p := data.Partij{SoortPartij: data.SoortPartijPersoon, IndicatieActief: !g.chance(0.02),
		IndicatieGeheimhouding: g.geheimhouding(),
		Voorletters:            pp.voorletters, Voornaam: pp.voornaam, VoorvoegselAchternaam: pp.voorvoegsel, Achternaam: pp.achternaam}
	if pp.klant != data.NoRef {
		k := g.st.klanten.get(pp.klant)
		p.Nummer = k.Klantnummer
		email, phone = k.Emailadres, k.Telefoonnummer
		adres = &k.Adres
	} else if email == "" && phone == "" && adres == nil {
		if g.chance(0.9) {
			email = asciiLower(pp.voornaam[:1]) + "." + asciiLower(pp.voorvoegsel+pp.achternaam) + "@" + oneOf(g, emailDomains)
		}
		if g.chance(0.75) {
			phone = g.phone()
		}
		if g.chance(0.65) {
			a := g.adres()
			adres = &a
		}
	}
	if adres != nil {
		p.Bezoekadres = adresKI(adres)
	}
	r := v.addPartij(p, v2Partij{kind: pkPerson, idx: pi, zaken: pp.zaken, voorletters: pp.voorletters, voornaam: pp.voornaam,
		voorvoegsel: pp.voorvoegsel, achternaam: pp.achternaam, phone: phoneKI(phone)})
	v.addIdent(r, data.CodeObjecttypeNatuurlijkPersoon, data.CodeSoortObjectIDBSN, pp.bsn, data.CodeRegisterBRP, data.NoRef)
	v.contactDetails(r, email, phone)
	return r
}

// contactDetails adds a partij's e-mail address and phone number and picks
// the preferred one.
func (v *v2gen) contactDetails(r data.Ref, email, phone string) {
	g := v.g
	pref := data.NoRef
	if email != "" {
		pref = v.addAdres(r, data.NoRef, data.SoortDigitaalAdresEmail, email, true, "")
	}
	if phone != "" {
		a := v.addAdres(r, data.NoRef, data.SoortDigitaalAdresTelefoonnummer, phoneKI(phone), true, "")
		if pref == data.NoRef || g.chance(0.3) {
			pref = a
		}
	}
	if pref != data.NoRef && g.chance(0.7) {
		v.st.partijen.get(r).VoorkeursDigitaalAdres = pref
	}
}

// companyPartij adds the organisatie partij of company ci with its KvK and
// RSIN identificators.
func (v *v2gen) companyPartij(ci int32) data.Ref {
	g := v.g
	c := &g.companies[ci]
	p := data.Partij{SoortPartij: data.SoortPartijOrganisatie, IndicatieActief: true, Naam: c.naam,
		IndicatieGeheimhouding: data.TriFalse}
	info := v2Partij{kind: pkCompany, idx: ci, zaken: c.zaken, org: c.naam}
	email, phone := "info@"+c.slug+".example.nl", ""
	if c.klant != data.NoRef {
		k := g.st.klanten.get(c.klant)
		p.Nummer = k.Klantnummer
		p.Bezoekadres = adresKI(&k.Adres)
		phone = k.Telefoonnummer
		info.voornaam, info.voorletters, info.voorvoegsel, info.achternaam = k.Voornaam, initial(k.Voornaam), k.VoorvoegselAchternaam, k.Achternaam
	} else {
		a := g.adres()
		p.Bezoekadres = adresKI(&a)
		phone = g.phone()
		info.voornaam, info.voorletters, info.voorvoegsel, info.achternaam = g.randomName()
	}
	info.phone = phoneKI(phone)
	r := v.addPartij(p, info)
	v.kvkIdent[ci] = v.addIdent(r, data.CodeObjecttypeNietNatuurlijkPersoon, data.CodeSoortObjectIDKvKNummer, c.kvk, data.CodeRegisterHR, data.NoRef)
	v.addIdent(r, data.CodeObjecttypeNietNatuurlijkPersoon, data.CodeSoortObjectIDRSIN, c.rsin, data.CodeRegisterHR, data.NoRef)
	v.contactDetails(r, email, phone)
	return r
}

// vestigingPartij adds the organisatie partij of vestiging vi; its
// vestigingsnummer is a sub-identificator of the company's KvK number.
func (v *v2gen) vestigingPartij(vi int32) data.Ref {
	g := v.g
	ve := &g.vestigingen[vi]
	p := data.Partij{SoortPartij: data.SoortPartijOrganisatie, IndicatieActief: true, Naam: ve.naam, IndicatieGeheimhouding: data.TriFalse}
	info := v2Partij{kind: pkVestiging, idx: vi, zaken: ve.zaken, org: ve.naam}
	info.voornaam, info.voorletters, info.voorvoegsel, info.achternaam = g.randomName()
	phone := g.phone()
	if ve.klant != data.NoRef {
		k := g.st.klanten.get(ve.klant)
		p.Nummer = k.Klantnummer
		p.Bezoekadres = adresKI(&k.Adres)
		phone = k.Telefoonnummer
	} else {
		a := g.adres()
		p.Bezoekadres = adresKI(&a)
	}
	info.phone = phoneKI(phone)
	r := v.addPartij(p, info)
	v.addIdent(r, data.CodeObjecttypeVestiging, data.CodeSoortObjectIDVestigingsnummer, ve.nummer, data.CodeRegisterHR, v.kvkIdent[ve.company])
	v.contactDetails(r, "", phone)
	return r
}

// contactpersoonPartij adds a contactpersoon working for organisatie org.
func (v *v2gen) contactpersoonPartij(org data.Ref, slug, voornaam, voorletters, voorvoegsel, achternaam string) data.Ref {
	g := v.g
	p := data.Partij{SoortPartij: data.SoortPartijContactpersoon, IndicatieActief: true, WerkteVoorPartij: org,
		Voorletters: voorletters, Voornaam: voornaam, VoorvoegselAchternaam: voorvoegsel, Achternaam: achternaam}
	r := v.addPartij(p, v2Partij{kind: pkContactpersoon, idx: -1})
	email := asciiLower(voornaam) + "." + asciiLower(voorvoegsel+achternaam) + "@" + slug + ".example.nl"
	v.addAdres(r, data.NoRef, data.SoortDigitaalAdresEmail, email, true, "Werk")
	if g.chance(0.5) {
		v.st.partijen.get(r).VoorkeursDigitaalAdres = data.Ref(v.st.adressen.len() - 1)
	}
	return r
}

// buildPartijen creates n general partijen: migrated persons first (as the
// migration loaded them), then persons only in v2, organisaties with their
// vestigingen and contactpersonen.
func (v *v2gen) buildPartijen(n int) error {
	g := v.g
	nOrg := n * v2OrgPercent / 100
	nCP := n * v2ContactPercent / 100
	nPers := n - nOrg - nCP
	if nOrg == 0 {
		nCP = 0
		nPers = n
	}
	nMig := nPers * v2MigratedPct / 100

	var withKlant, without []int32
	for _, pi := range g.genPersons {
		if g.persons[pi].klant != data.NoRef {
			withKlant = append(withKlant, pi)
		} else {
			without = append(without, pi)
		}
	}
	g.rng.Shuffle(len(withKlant), func(i, j int) { withKlant[i], withKlant[j] = withKlant[j], withKlant[i] })
	g.rng.Shuffle(len(without), func(i, j int) { without[i], without[j] = without[j], without[i] })
	nMig = min(nMig, len(withKlant))
	for _, pi := range withKlant[:nMig] {
		v.personPartij(pi, "", "", nil)
	}

	// Organisaties: mostly migrated companies, some new; each followed by
	// its vestigingen.
	vestOf := map[int32][]int32{}
	for _, vi := range g.genVests {
		c := g.vestigingen[vi].company
		vestOf[c] = append(vestOf[c], vi)
	}
	comps := slices.Clone(g.genComps)
	g.rng.Shuffle(len(comps), func(i, j int) { comps[i], comps[j] = comps[j], comps[i] })
	var orgs []data.Ref
	var orgCompany []int32
	for org := 0; org < nOrg; {
		var ci int32
		if len(comps) == 0 || g.chance(0.25) {
			ci = g.newCompany()
		} else {
			ci, comps = comps[0], comps[1:]
		}
		orgs = append(orgs, v.companyPartij(ci))
		orgCompany = append(orgCompany, ci)
		org++
		for _, vi := range vestOf[ci] {
			if org == nOrg {
				break
			}
			v.vestigingPartij(vi)
			org++
		}
	}

	// Persons only in v2: first those known to the zaaksystemen by BSN
	// only, then new ones.
	for i := nMig; i < nPers; i++ {
		var pi int32
		if len(without) > 0 {
			pi, without = without[0], without[1:]
		} else {
			p, err := g.newPerson()
			if err != nil {
				return err
			}
			pi = int32(len(g.persons))
			g.persons = append(g.persons, p)
		}
		v.personPartij(pi, "", "", nil)
	}
	for i := 0; i < nCP; i++ {
		oi := g.rng.IntN(len(orgs))
		vn, vl, vv, an := g.randomName()
		v.contactpersoonPartij(orgs[oi], g.companies[orgCompany[oi]].slug, vn, vl, vv, an)
	}
	return nil
}

// ---- showcase ----

type v2ScTotals struct{ partijen, klantcontacten, internetaken int }

// v2ScCounts are the fixed klantcontacten per showcase party: total, about
// a zaak, with an interne taak.
var v2ScCounts = map[string][3]int{
	ShowcaseV2Alleen:    {10, 6, 2},
	ShowcaseV1EnV2:      {5, 3, 1},
	ShowcaseV2Benchmark: {30, 20, 5},
	ShowcaseV2Bedrijf:   {7, 3, 1},
}

func (v *v2gen) showcaseTotals() v2ScTotals {
	t := v2ScTotals{partijen: len(v2ScPersons) + 1 + len(v2ScVestigingen) + 1}
	for _, c := range v2ScCounts {
		t.klantcontacten += c[0]
		t.internetaken += c[2]
	}
	return t
}

// v2ScRefs are the showcase partijen by key (companies: the organisatie,
// its vestigingen, then the contactpersoon).
type v2ScRefs map[string][]data.Ref

func (v *v2gen) buildShowcasePartijen(sp *showcaseParties) v2ScRefs {
	g := v.g
	refs := v2ScRefs{}
	for i, sc := range scPersons {
		if _, ok := v2ScCounts[sc.key]; !ok {
			continue
		}
		pi := sp.persons[i]
		r := v.personPartij(pi, sc.email, sc.phone, &sc.adres)
		p := v.st.partijen.get(r)
		p.IndicatieActief, p.IndicatieGeheimhouding = true, data.TriFalse
		if p.VoorkeursDigitaalAdres == data.NoRef {
			// The e-mail address is the preferred one.
			for a := v.st.adressen.len() - 1; a >= 0; a-- {
				if ad := v.st.adressen.get(data.Ref(a)); ad.Partij == r && ad.SoortDigitaalAdres == data.SoortDigitaalAdresEmail {
					p.VoorkeursDigitaalAdres = data.Ref(a)
					break
				}
			}
		}
		refs[sc.key] = []data.Ref{r}
	}
	ci, vs := g.v2ShowcaseCompany()
	org := v.companyPartij(ci)
	o := v.st.partijen.get(org)
	o.Bezoekadres = adresKI(&data.Adres{Straatnaam: "Havenstraat", Huisnummer: 14, Postcode: "5626AC", Woonplaats: "Dommelvoort"})
	list := []data.Ref{org}
	for _, vi := range vs {
		list = append(list, v.vestigingPartij(vi))
	}
	cp := v.contactpersoonPartij(org, g.companies[ci].slug, "Marieke", "M.", "van", "Dijk")
	info := &v.parts[org]
	info.voornaam, info.voorletters, info.voorvoegsel, info.achternaam = "Marieke", "M.", "van", "Dijk"
	refs[ShowcaseV2Bedrijf] = append(list, cp)
	return refs
}

func (v *v2gen) showcasePlans(sp *showcaseParties, refs v2ScRefs) []kcPlan {
	var plans []kcPlan
	for _, key := range []string{ShowcaseV2Alleen, ShowcaseV1EnV2, ShowcaseV2Benchmark} {
		p := refs[key][0]
		zl := v.parts[p].zaken
		c := v2ScCounts[key]
		var about []data.Ref
		switch key {
		case ShowcaseV1EnV2:
			about = []data.Ref{zl[0], zl[2], zl[3]}
		default:
			for j := 0; j < c[1]; j++ {
				about = append(about, zl[j%len(zl)])
			}
		}
		// Interne taken on evenly spread klantcontacten.
		step := c[0] / c[2]
		for j := 0; j < c[0]; j++ {
			z := data.NoRef
			if j < len(about) {
				z = about[j]
			}
			plans = append(plans, v.planFor(p, z, j%step == 0 && j/step < c[2], false))
		}
	}
	b := refs[ShowcaseV2Bedrijf]
	org, vest := b[0], b[1]
	cz, vz := v.parts[org].zaken, v.parts[vest].zaken
	for j := 0; j < 6; j++ {
		z := data.NoRef
		if j < len(cz) {
			z = cz[j]
		}
		plans = append(plans, v.planFor(org, z, j == 0, false))
	}
	plans = append(plans, v.planFor(vest, vz[0], false, false))
	return plans
}

func (v *v2gen) finishShowcase(sp *showcaseParties, refs v2ScRefs) {
	for i := range v.g.d.Showcase {
		e := &v.g.d.Showcase[i]
		c, ok := v2ScCounts[e.Key]
		if !ok {
			continue
		}
		l := refs[e.Key]
		if e.Key == ShowcaseV2Bedrijf {
			l = l[:len(l)-1] // the contactpersoon is no betrokkene
		}
		e.Partijen = slices.Clone(l)
		e.Klantcontacten, e.KlantcontactenOverZaak, e.Internetaken = c[0], c[1], c[2]
	}
}

// ---- klantcontacten ----

// recentZaken are the zaken of a partij contact about is plausible after
// goLive.
func (v *v2gen) recentZaken(p data.Ref) []data.Ref {
	var out []data.Ref
	for _, z := range v.parts[p].zaken {
		if v.g.zwin[z][1] >= goLive {
			out = append(out, z)
		}
	}
	return out
}

// planFor plans a klantcontact of partij p (NoRef: an unknown caller),
// about zaak z when not NoRef.
func (v *v2gen) planFor(p, z data.Ref, taak, follow bool) kcPlan {
	g := v.g
	kan := g.pick(kanaalWeights)
	lo, hi := goLive, lastDay
	if z != data.NoRef {
		zlo, zhi := g.zaakWindow(z)
		lo, hi = max(zlo, goLive), zhi
	}
	g.planSeq++
	return kcPlan{t: g.moment(lo, hi, staffed(kan)), partij: p, zaak: z, kanaal: int8(kan), taak: taak, follow: follow, seq: g.planSeq}
}

func (v *v2gen) planKlantcontacten(nPartijen, n, nTaken int) []kcPlan {
	g := v.g
	var cands []data.Ref
	var weights []float64
	for p := 0; p < nPartijen; p++ {
		w := math.Exp(0.9 * g.rng.NormFloat64())
		switch v.parts[p].kind {
		case pkContactpersoon:
			continue
		case pkCompany:
			w *= 0.7
		case pkVestiging:
			w *= 0.5
		}
		cands = append(cands, data.Ref(p))
		weights = append(weights, w)
	}
	al := newAlias(weights)
	recent := map[data.Ref][]data.Ref{}
	plans := make([]kcPlan, 0, n+64)
	for i := 0; i < n; i++ {
		if g.chance(0.04) {
			plans = append(plans, v.planFor(data.NoRef, data.NoRef, false, false))
			continue
		}
		p := cands[al.draw(g)]
		zl, ok := recent[p]
		if !ok {
			zl = v.recentZaken(p)
			recent[p] = zl
		}
		z := data.NoRef
		if len(zl) > 0 && g.chance(0.45) {
			z = oneOf(g, zl)
		}
		plans = append(plans, v.planFor(p, z, false, g.chance(0.06)))
	}
	for _, i := range g.rng.Perm(len(plans))[:min(nTaken, len(plans))] {
		plans[i].taak = true
	}
	return plans
}

func (v *v2gen) materialize(plans []kcPlan) {
	g := v.g
	slices.SortFunc(plans, func(a, b kcPlan) int {
		if c := cmp.Compare(a.t, b.t); c != 0 {
			return c
		}
		return cmp.Compare(a.seq, b.seq)
	})
	inst := v.inst
	st := &v.st
	st.kc.grow(len(plans))
	st.betr.grow(len(plans))
	st.akc.grow(len(plans) * 8 / 10)
	st.ond.grow(len(plans) / 2)
	last := make([]data.Ref, len(v.parts))
	for i := range last {
		last[i] = data.NoRef
	}
	taakSeq := 0
	for i := range plans {
		p := &plans[i]
		kanaal := kanalen[p.kanaal]
		kc := data.Klantcontact{Inst: inst, Nummer: padNum(i+1, 10), Referentienummer: "KC" + padNum(i+1, 8), Kanaal: kanaal,
			Taal: "nld", PlaatsgevondenOp: p.t, HoofdOnderwerpZaaktype: data.NoRef, IndicatieContactGelukt: data.TriTrue}
		if p.zaak != data.NoRef {
			zi := g.ztOf(p.zaak)
			oi := g.rng.IntN(len(zaakOnderwerpen))
			kc.Onderwerp = g.cached(keyKCOnderwerp+oi<<12+zi.global, func() string { return fmt.Sprintf(zaakOnderwerpen[oi], zi.tmpl.short) })
			ti := g.rng.IntN(len(zaakTexts))
			kc.Inhoud = g.zaakText(keyZaakText+ti<<12, zaakTexts[ti], p.zaak)
			if g.chance(0.6) {
				kc.HoofdOnderwerpZaaktype = g.st.zaken.get(p.zaak).Zaaktype
			}
			kc.Vertrouwelijk = g.st.zaken.get(p.zaak).Vertrouwelijkheid >= data.Vertrouwelijk
		} else {
			ti := g.rng.IntN(len(generalTexts))
			kc.Onderwerp, kc.Inhoud = generalOnderwerpen[ti], generalTexts[ti]
			kc.Vertrouwelijk = g.chance(0.02)
		}
		initiator := true
		switch kanaal {
		case "telefoon":
			if g.chance(0.15) {
				initiator = false // the municipality called
				kc.IndicatieContactGelukt = data.TriOf(!g.chance(0.25))
			}
		case "brief", "webformulier":
			kc.IndicatieContactGelukt = data.TriUnknown
			if kanaal == "brief" && g.chance(0.5) {
				initiator = false
			}
		}
		if g.chance(0.3) {
			kc.Reactie = oneOf(g, reacties)
		}
		r := st.kc.add(inst, kc)

		b := data.Betrokkene{Inst: inst, Partij: p.partij, Klantcontact: r, Rol: data.RolKlant, Initiator: initiator}
		if p.partij != data.NoRef {
			info := &v.parts[p.partij]
			b.Voorletters, b.Voornaam, b.VoorvoegselAchternaam, b.Achternaam = info.voorletters, info.voornaam, info.voorvoegsel, info.achternaam
			b.Organisatienaam = info.org
		} else {
			b.Voornaam, b.Voorletters, b.VoorvoegselAchternaam, b.Achternaam = g.randomName()
		}
		br := st.betr.add(inst, b)

		if p.zaak != data.NoRef {
			zinst := g.st.zaken.get(p.zaak).Inst
			st.ond.add(inst, data.Onderwerpobject{Inst: inst, Klantcontact: r, WasKlantcontact: data.NoRef,
				Identificator: data.Identificator{ObjectID: data.MakeUUID(g.seed, "zaak", uint64(p.zaak)).String(),
					CodeObjecttype: data.CodeObjecttypeZaak, CodeRegister: data.RegisterCode(g.topo[zinst]), CodeSoortObjectID: data.CodeSoortObjectIDUUID}})
			if zios := g.st.zaken.get(p.zaak).Zaakinformatieobjecten; len(zios) > 0 && g.chance(0.08) {
				doc := g.st.zio.get(zios[g.rng.IntN(len(zios))]).Informatieobject
				dinst := g.st.docs.get(doc).Inst
				st.bijlagen.add(inst, data.Bijlage{Inst: inst, Klantcontact: r, Identificator: data.Identificator{
					ObjectID: data.MakeUUID(g.seed, "informatieobject", uint64(doc)).String(), CodeObjecttype: data.CodeObjecttypeInformatieobject,
					CodeRegister: data.RegisterCode(g.topo[dinst]), CodeSoortObjectID: data.CodeSoortObjectIDUUID}})
			}
		}
		if p.partij != data.NoRef {
			if prev := last[p.partij]; p.follow && prev != data.NoRef {
				st.ond.add(inst, data.Onderwerpobject{Inst: inst, Klantcontact: r, WasKlantcontact: prev})
			}
			last[p.partij] = r
		}

		var handler data.Ref = data.NoRef
		switch {
		case kanaal == "webformulier":
			handler = v.eform
		case staffed(int(p.kanaal)) && g.chance(0.9), g.chance(0.6):
			handler = v.meds[g.rng.IntN(len(v.meds))]
		}
		if handler != data.NoRef {
			st.akc.add(inst, data.ActorKlantcontact{Inst: inst, Actor: handler, Klantcontact: r})
		}

		if p.taak {
			taakSeq++
			actor := v.meds[g.rng.IntN(len(v.meds))]
			if g.chance(0.3) {
				actor = v.afd[g.rng.IntN(len(v.afd))]
			}
			t := data.InterneTaak{Inst: inst, Nummer: padNum(taakSeq, 10), GevraagdeHandeling: oneOf(g, gevraagdeHandelingen),
				Klantcontact: r, Actoren: []data.Ref{actor}, Toelichting: oneOf(g, taakToelichtingen), Status: data.TaakTeVerwerken,
				ToegewezenOp: min(p.t+data.DateTime(g.between(60, 1800)), lastMoment)}
			age := lastMoment - t.ToegewezenOp
			if (age > 14*86400 && g.chance(0.9)) || (age > 2*86400 && g.chance(0.4)) {
				t.Status = data.TaakVerwerkt
				t.AfgehandeldOp = min(t.ToegewezenOp+data.DateTime(g.between(1800, 10*86400)), lastMoment)
			}
			st.taken.add(inst, t)
			// The caller leaves a number to be called back on.
			if g.chance(0.6) {
				phone := ""
				if p.partij != data.NoRef {
					phone = v.parts[p.partij].phone
				}
				if phone == "" {
					phone = phoneKI(g.phone())
				}
				v.addAdres(data.NoRef, br, data.SoortDigitaalAdresTelefoonnummer, phone, false, "Terugbelnummer")
			}
		}
	}
}

// ---- contactgegevens ----

func (g *generator) buildContactgegevens(wg *sync.WaitGroup, inst uint8, sz SizesV2) {
	pers := stage[data.ContactPersoon]{kind: "contactpersoon"}
	orgs := stage[data.ContactOrganisatie]{kind: "contactorganisatie"}
	for i := 0; i < sz.Personen; i++ {
		geslacht, names := "m", maleNames
		if g.chance(0.5) {
			geslacht, names = "v", femaleNames
		}
		if g.chance(0.01) {
			geslacht = "o"
		}
		vn := oneOf(g, names)
		if g.chance(0.3) {
			vn += " " + oneOf(g, names)
		}
		sn := oneOf(g, surnames)
		p := data.ContactPersoon{Inst: inst, Geboortedatum: lastDay - data.Date(18*365+g.rng.IntN(72*365)),
			Geslachtsnaam: sn.naam, Geslacht: geslacht, Voorvoegsel: sn.voorvoegsel, Voornamen: vn}
		if g.chance(0.85) {
			a := g.adres()
			p.Adres = adresKI(&a)
		}
		if g.chance(0.03) {
			p.Overlijdensdatum = lastDay - data.Date(g.rng.IntN(700))
		}
		pers.add(inst, p)
	}
	for i := 0; i < sz.Organisaties; i++ {
		naam, _ := g.companyName()
		o := data.ContactOrganisatie{Inst: inst, Handelsnaam: naam, Oprichtingsdatum: lastDay - data.Date(365+g.rng.IntN(40*365))}
		a := g.adres()
		o.Adres = adresKI(&a)
		if g.chance(0.05) {
			o.Opheffingsdatum = lastDay - data.Date(g.rng.IntN(300))
		}
		orgs.add(inst, o)
	}
	flushTo(wg, g.seed, &pers, &g.d.ContactPersonen, func(r *data.ContactPersoon, u data.UUID) { r.UUID = u })
	flushTo(wg, g.seed, &orgs, &g.d.ContactOrganisaties, func(r *data.ContactOrganisatie, u data.UUID) { r.UUID = u })
}
