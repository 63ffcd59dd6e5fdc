package gen

import (
	"cmp"
	"math"
	"slices"
	"strconv"

	"github.com/klantgraaf/klantgraaf/sim/data"
)

// zaakPlan is a zaak decided before the zaken are created in registration
// order (so identificaties increase with time).
type zaakPlan struct {
	sys       int32
	zt        int32 // index into the system's zaaktypen
	init      party
	reg       data.Date // registratiedatum
	start     data.Date // startdatum
	closed    bool
	linkKlant bool
	allowDeel bool
	vert      int8 // fixed level, or -1 for a random one
	maxVert   data.Vertrouwelijkheid
	docs      int8 // number of documents, or -1 for a random number
	seq       int32
}

// planZaken draws n zaken of the general population.
func (g *generator) planZaken(n int) []zaakPlan {
	plans := make([]zaakPlan, 0, n+200)
	for i := 0; i < n; i++ {
		si := g.rng.IntN(len(g.systems))
		s := g.systems[si]
		zi := g.pick(s.ztWeights)
		zt := s.zaaktypen[zi].tmpl
		var init party
		switch {
		case g.chance(zt.orgShare) && len(g.genComps) > 0:
			if len(g.genVests) > 0 && g.chance(0.4) {
				init = party{pkVestiging, oneOf(g, g.genVests)}
			} else {
				init = party{pkCompany, oneOf(g, g.genComps)}
			}
		default:
			init = party{pkPerson, oneOf(g, g.genPersons)}
		}
		p := g.datedPlan(si, zi, init, lastDay-data.Date(g.rng.IntN(historyDays)))
		p.allowDeel = true
		plans = append(plans, p)
	}
	return plans
}

// datedPlan fills the dates and the open/closed state of a plan. Older zaken
// are more often closed; about 40 % are closed overall.
func (g *generator) datedPlan(si, zi int, init party, start data.Date) zaakPlan {
	start = workday(start, lastDay-data.Date(historyDays), lastDay)
	reg := start
	if g.chance(0.3) {
		reg = min(start+data.Date(g.between(1, 3)), lastDay)
		reg = workday(reg, start, lastDay)
	}
	age := float64(lastDay - start)
	closed := start+3 <= lastDay && g.chance(0.8*age/float64(historyDays))
	g.planSeq++
	return zaakPlan{sys: int32(si), zt: int32(zi), init: init, reg: reg, start: start, closed: closed,
		linkKlant: g.chance(0.5), vert: -1, maxVert: data.ZeerGeheim, docs: -1, seq: g.planSeq}
}

func (g *generator) materializeZaken(plans []zaakPlan) {
	slices.SortFunc(plans, func(a, b zaakPlan) int {
		if c := cmp.Compare(a.reg, b.reg); c != 0 {
			return c
		}
		return cmp.Compare(a.seq, b.seq)
	})
	for i := range plans {
		g.materializeZaak(&plans[i])
	}
}

// klantOf returns the klant record of a party, or NoRef.
func (g *generator) klantOf(p party) data.Ref {
	switch p.kind {
	case pkCompany:
		return g.companies[p.idx].klant
	case pkVestiging:
		return g.vestigingen[p.idx].klant
	}
	return g.persons[p.idx].klant
}

func (g *generator) zaakVertrouwelijkheid(base data.Vertrouwelijkheid) data.Vertrouwelijkheid {
	v := base
	switch r := g.rng.Float64(); {
	case r < 0.002:
		return data.Geheim
	case r < 0.006:
		return data.Confidentieel
	case r < 0.16:
		if v > 0 {
			v--
		}
	case r < 0.22:
		if v < data.Vertrouwelijk {
			v++
		}
	}
	if v >= data.Vertrouwelijk && g.chance(0.5) {
		v = data.Zaakvertrouwelijk
	}
	return v
}

var docCountWeights = []int{25, 30, 25, 12, 8}

func (g *generator) materializeZaak(p *zaakPlan) data.Ref {
	s := g.systems[p.sys]
	zi := &s.zaaktypen[p.zt]
	zt := zi.tmpl
	inst := s.zaken

	// Dates.
	days := data.Date(zt.days)
	var end data.Date
	if p.closed {
		end = p.start + data.Date(g.between(zt.days/3+1, zt.days*14/10+1))
		end = max(min(end, lastDay), p.reg)
	}
	vert := data.Vertrouwelijkheid(p.vert)
	if p.vert < 0 {
		vert = g.zaakVertrouwelijkheid(zt.vert)
	}
	vert = min(vert, p.maxVert)

	// Status history.
	nst := len(zi.statustypen)
	k := nst
	if !p.closed {
		k = 1 + g.rng.IntN(nst-1)
		if lastDay-p.start < days/4 {
			k = min(k, 2)
		}
	}
	t0 := g.officeTime(p.reg)
	var tEnd data.DateTime
	if p.closed {
		tEnd = max(g.officeTime(end), t0+data.DateTime(k-1)*900)
	} else {
		// An open zaak progressed within about its doorlooptijd, then waits.
		span := min(float64(lastMoment-t0), float64(zt.days)*86400*1.2)
		tEnd = t0 + data.DateTime(span*(0.2+0.7*g.rng.Float64()))
	}
	if maxK := 1 + int((lastMoment-t0)/600); k > maxK {
		k = maxK
	}
	tEnd = min(max(tEnd, t0+data.DateTime(k-1)*600), lastMoment)
	var times [8]data.DateTime
	times[0] = t0
	if k > 1 {
		span := tEnd - t0
		step := span / data.DateTime(k-1)
		for i := 1; i < k; i++ {
			t := t0 + span*data.DateTime(i)/data.DateTime(k-1)
			if i < k-1 && step > 3 {
				t -= data.DateTime(g.rng.Int64N(int64(step / 3)))
			}
			times[i] = max(t, times[i-1]+60)
		}
		times[k-1] = min(times[k-1], lastMoment)
	}
	if p.closed {
		end = dayOf(times[k-1])
	}

	ident := s.zaakPrefix + "-" + strconv.Itoa(yearOf(p.reg)) + "-" + padNum(g.nextSeq(s.zaakSeq, yearOf(p.reg)), 7)
	z := data.Zaak{
		Inst: inst, Identificatie: ident, Bronorganisatie: MunicipalityRSIN, VerantwoordelijkeOrganisatie: MunicipalityRSIN,
		Omschrijving: oneOf(g, zt.zaakOmschr), Toelichting: oneOf(g, zt.toelichting), Zaaktype: zi.ref,
		Registratiedatum: p.reg, Startdatum: p.start, Einddatum: end,
		EinddatumGepland: p.start + days, UiterlijkeEinddatumAfdoening: p.start + days + days/2,
		Vertrouwelijkheid: vert, Hoofdzaak: data.NoRef, Archiefstatus: "nog_te_archiveren",
		Status: data.NoRef, Resultaat: data.NoRef,
	}
	if g.chance(0.9) {
		z.Communicatiekanaal = g.comKanaal[g.pick(communicatiekanaalWeights)]
	}
	if (zt.geo && g.chance(0.8)) || (!zt.geo && g.chance(s.tmpl.geoShare)) {
		z.Geometrie = &data.Point{Lon: round6(5.40 + 0.16*g.rng.Float64()), Lat: round6(51.40 + 0.10*g.rng.Float64())}
	}
	switch {
	case zt.kenmerk != "" && g.chance(0.5):
		bron := "Omgevingsloket"
		if zt.kenmerk == "KVK" {
			bron = "Ondernemersloket"
		}
		z.Kenmerken = []data.Kenmerk{{Kenmerk: zt.kenmerk + "-" + padNum(g.rng.IntN(10_000_000), 7), Bron: bron}}
	case s.tmpl.kenmerkBron != "" && g.chance(0.3):
		z.Kenmerken = []data.Kenmerk{{Kenmerk: "SSD-" + padNum(g.rng.IntN(10_000_000), 7), Bron: s.tmpl.kenmerkBron}}
	}
	zr := g.st.zaken.add(inst, z)

	// Hoofdzaak: sometimes a zaak is a deelzaak of an earlier zaak of the
	// same initiator in the same zaaksysteem.
	zl := g.zakenOf(p.init)
	if p.allowDeel && g.chance(0.04) {
		for i := len(*zl) - 1; i >= 0; i-- {
			h := (*zl)[i]
			if hz := g.st.zaken.get(h); hz.Inst == inst && hz.Hoofdzaak == data.NoRef {
				g.st.zaken.get(zr).Hoofdzaak = h
				hz.Deelzaken = append(hz.Deelzaken, zr)
				break
			}
		}
	}
	*zl = append(*zl, zr)

	// Statussen.
	var last data.Ref
	for i := 0; i < k; i++ {
		toel := ""
		if g.chance(0.3) {
			toel = oneOf(g, statusToelichtingen)
		}
		last = g.st.statussen.add(inst, data.Status{
			Inst: inst, Zaak: zr, Statustype: zi.statustypen[i], DatumStatusGezet: times[i], Statustoelichting: toel,
		})
	}
	var resultaat data.Ref = data.NoRef
	archief := ""
	if p.closed {
		ri := g.pick(zi.rtWeights)
		resultaat = g.st.resultaten.add(inst, data.Resultaat{
			Inst: inst, Zaak: zr, Resultaattype: zi.resultaattypen[ri], Toelichting: oneOf(g, resultaatToelichtingen),
		})
		archief = zt.resultaten[ri].archief
	}

	// Rollen: initiator, behandelaar and sometimes a belanghebbende.
	belang := zi.belanghebbend != data.NoRef && len(g.genPersons) > 1 && g.chance(0.15)
	nr := 2
	if belang {
		nr = 3
	}
	rollen := g.arena.take(nr)
	rollen[0] = g.addInitiatorRol(zr, inst, zi.initiator, p, t0)
	m := &g.meds[g.rng.IntN(len(g.meds))]
	rollen[1] = g.st.rollen.add(inst, data.Rol{
		Inst: inst, Zaak: zr, Roltype: zi.behandelaar, Betrokkene: m.url, BetrokkeneKlant: data.NoRef,
		BetrokkeneType: data.BetrokkeneMedewerker, Registratiedatum: min(t0+data.DateTime(g.between(300, 7200)), lastMoment),
		MedewerkerID: m.id, Achternaam: m.achternaam, Voorletters: m.voorletters, Voorvoegsel: m.voorvoegsel,
	})
	if belang {
		var bp int32
		for {
			bp = oneOf(g, g.genPersons)
			if p.init.kind != pkPerson || bp != p.init.idx {
				break
			}
		}
		pp := &g.persons[bp]
		bk := data.NoRef
		if pp.klant != data.NoRef && g.chance(0.3) {
			bk = pp.klant
		}
		rollen[2] = g.st.rollen.add(inst, g.personRol(zr, inst, zi.belanghebbend, pp, bk, t0))
	}

	// Zaakeigenschappen.
	var eig [4]data.Ref
	ne := 0
	for i, er := range zi.eigenschappen {
		if ne == len(eig) || !g.chance(0.85) {
			continue
		}
		eig[ne] = g.st.zaakEig.add(inst, data.ZaakEigenschap{
			Inst: inst, Zaak: zr, Eigenschap: er, Waarde: g.eigenschapWaarde(&zt.eigenschappen[i], p.start),
		})
		ne++
	}
	eigs := g.arena.take(ne)
	copy(eigs, eig[:ne])

	// Documents.
	nd := int(p.docs)
	if nd < 0 {
		nd = g.pick(docCountWeights)
	}
	zios := g.arena.take(nd)
	lastMut := times[k-1]
	docEnd := end
	if docEnd == 0 {
		docEnd = min(lastDay, p.reg+days)
	}
	for i := 0; i < nd; i++ {
		ii := zi.iots[0]
		if i > 0 {
			ii = oneOf(g, zi.iots)
		}
		created := p.reg // the aanvraag comes in with the zaak
		if i > 0 {
			created += data.Date(g.rng.IntN(int(docEnd-p.reg) + 1))
		}
		doc, reg := g.addDocument(s, ii, zt.short, zi.global, created, vert, t0, p.closed)
		zios[i] = g.st.zio.add(inst, data.ZaakInformatieObject{
			Inst: inst, Zaak: zr, Informatieobject: doc, Titel: g.st.docs.get(doc).Titel, Registratiedatum: reg,
		})
		g.st.oio.add(s.documenten, data.ObjectInformatieObject{
			Inst: s.documenten, Informatieobject: doc, ObjectType: "zaak", Object: zr,
		})
		lastMut = max(lastMut, reg)
	}

	row := g.st.zaken.get(zr)
	row.Status = last
	row.Resultaat = resultaat
	row.Archiefnominatie = archief
	row.Rollen = rollen
	row.Eigenschappen = eigs
	row.Zaakinformatieobjecten = zios
	row.LaatstGemuteerd = min(lastMut+data.DateTime(g.rng.IntN(3600)), lastMoment)
	return zr
}

func (g *generator) nextSeq(m map[int]int, year int) int {
	m[year]++
	return m[year]
}

func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }

func (g *generator) personRol(zr data.Ref, inst uint8, roltype data.Ref, pp *person, klant data.Ref, t data.DateTime) data.Rol {
	return data.Rol{
		Inst: inst, Zaak: zr, Roltype: roltype, BetrokkeneKlant: klant, BetrokkeneType: data.BetrokkeneNatuurlijkPersoon,
		Registratiedatum: t, InpBsn: pp.bsn, Geslachtsnaam: pp.achternaam, Voorvoegsel: pp.voorvoegsel,
		Voornamen: pp.voornamen, Voorletters: pp.voorletters, Geslachtsaanduiding: pp.geslacht, Geboortedatum: pp.geboortedatum,
	}
}

func (g *generator) addInitiatorRol(zr data.Ref, inst uint8, roltype data.Ref, p *zaakPlan, t data.DateTime) data.Ref {
	klant := data.NoRef
	if p.linkKlant {
		klant = g.klantOf(p.init)
	}
	var r data.Rol
	switch p.init.kind {
	case pkPerson:
		r = g.personRol(zr, inst, roltype, &g.persons[p.init.idx], klant, t)
	case pkCompany:
		c := &g.companies[p.init.idx]
		r = data.Rol{Inst: inst, Zaak: zr, Roltype: roltype, BetrokkeneKlant: klant, BetrokkeneType: data.BetrokkeneNietNatuurlijkPersoon,
			Registratiedatum: t, InnNnpId: c.rsin, KvkNummer: c.kvk, StatutaireNaam: c.naam}
	case pkVestiging:
		v := &g.vestigingen[p.init.idx]
		r = data.Rol{Inst: inst, Zaak: zr, Roltype: roltype, BetrokkeneKlant: klant, BetrokkeneType: data.BetrokkeneVestiging,
			Registratiedatum: t, VestigingsNummer: v.nummer, KvkNummer: g.companies[v.company].kvk, StatutaireNaam: v.naam}
	}
	r.Roltoelichting = oneOf(g, rolToelichtingen)
	return g.st.rollen.add(inst, r)
}

// eigenschapWaarde draws a value fitting the eigenschap's formaat: tekst from
// the listed values, getal within [min, max], datum as YYYYMMDD.
func (g *generator) eigenschapWaarde(e *eigTemplate, start data.Date) string {
	switch e.formaat {
	case "getal":
		lo, _ := strconv.Atoi(e.values[0])
		hi, _ := strconv.Atoi(e.values[1])
		return strconv.Itoa(g.between(lo, hi))
	case "datum":
		return g.compactDate(start + data.Date(g.between(-30, 90)))
	case "datum_tijd":
		return g.compactDate(start) + "120000"
	}
	return oneOf(g, e.values)
}

func (g *generator) compactDate(d data.Date) string {
	if s, ok := g.compactStr[d]; ok {
		return s
	}
	s := dayTime(d).Format("20060102")
	g.compactStr[d] = s
	return s
}

type docName struct{ titel, bestand string }

// addDocument stores a document of informatieobjecttype ii of system s and
// returns it with its registration moment.
// short names the subject in the title; subject is its cache key.
func (g *generator) addDocument(s *system, ii int, short string, subject int, created data.Date, maxVert data.Vertrouwelijkheid, notBefore data.DateTime, final bool) (data.Ref, data.DateTime) {
	it := &s.tmpl.iots[ii]
	fi := oneOf(g, it.formats)
	key := int(s.iots[ii])<<20 | subject<<4 | fi
	names, ok := g.docTitles[key]
	if !ok {
		f := docFormats[fi]
		names = docName{titel: it.titel + " " + short, bestand: it.bestand + "-" + asciiLower(short) + "." + f.ext}
		g.docTitles[key] = names
	}
	v := min(it.vert, maxVert)
	if v > 0 && g.chance(0.2) {
		v--
	}
	status := "definitief"
	if !final {
		switch r := g.rng.IntN(100); {
		case r < 12 && !it.byClient:
			status = "in_bewerking"
		case r < 20 && !it.byClient:
			status = "ter_vaststelling"
		}
	}
	auteur := "Aanvrager"
	if !it.byClient {
		auteur = g.meds[g.rng.IntN(len(g.meds))].display
	}
	versie := int32(1)
	if r := g.rng.IntN(100); r < 12 {
		versie = 2
	} else if r < 15 {
		versie = 3
	}
	var size int64
	switch docFormats[fi].ext {
	case "jpg", "png":
		size = 300_000 + g.rng.Int64N(3_700_000)
	case "docx", "msg":
		size = 20_000 + g.rng.Int64N(280_000)
	default:
		size = 40_000 + g.rng.Int64N(1_960_000)
	}
	reg := min(max(g.officeTime(created), notBefore+60), lastMoment)
	year := yearOf(created)
	r := g.st.docs.add(s.documenten, data.EnkelvoudigInformatieObject{
		Inst: s.documenten, Identificatie: s.docPrefix + "-" + strconv.Itoa(year) + "-" + padNum(g.nextSeq(s.docSeq, year), 10),
		Bronorganisatie: MunicipalityRSIN, Creatiedatum: created, Titel: names.titel, Vertrouwelijkheid: v, Auteur: auteur,
		Status: status, Formaat: docFormats[fi].mime, Taal: "dut", Versie: versie, BeginRegistratie: reg,
		Bestandsnaam: names.bestand, Bestandsomvang: size, Informatieobjecttype: s.iots[ii],
	})
	return r, reg
}
