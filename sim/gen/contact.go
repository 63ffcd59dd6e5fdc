package gen

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/klantgraaf/klantgraaf/sim/data"
)

// cmPlan is a contactmoment decided before all are created in time order.
type cmPlan struct {
	t        data.DateTime
	klant    data.Ref
	zaak     data.Ref
	seq      int32
	kanaal   int8
	followUp bool
}

// indexZaken precomputes, after the zaken exist, every zaak's contact
// window and every klant's zaken in compact arrays.
func (g *generator) indexZaken() {
	rows := g.st.zaken.rows
	g.zwin = make([][2]data.Date, len(rows))
	for i := range rows {
		zr := &rows[i]
		lo, hi := zr.Registratiedatum, data.Date(0)
		if zr.Einddatum != 0 {
			hi = min(zr.Einddatum+14, lastDay)
		} else {
			hi = min(max(zr.EinddatumGepland, lo+14), lastDay)
		}
		g.zwin[i] = [2]data.Date{lo, max(hi, lo)}
	}
	nk := len(g.klantParty)
	g.kzOff = make([]int32, nk+1)
	for k, p := range g.klantParty {
		g.kzOff[k+1] = g.kzOff[k] + int32(len(*g.zakenOf(p)))
	}
	g.kz = make([]data.Ref, 0, g.kzOff[nk])
	for _, p := range g.klantParty {
		g.kz = append(g.kz, *g.zakenOf(p)...)
	}
}

// klantZaken returns the zaken initiated by a klant's party.
func (g *generator) klantZaken(k data.Ref) []data.Ref { return g.kz[g.kzOff[k]:g.kzOff[k+1]] }

// zaakWindow is the period in which contact about a zaak is plausible: from
// its registration until two weeks after its end (or until today when open).
func (g *generator) zaakWindow(z data.Ref) (lo, hi data.Date) { return g.zwin[z][0], g.zwin[z][1] }

// moment picks a plausible moment on a day in [lo, hi] for a channel:
// staffed channels on working days in office hours, others at any time.
func (g *generator) moment(lo, hi data.Date, staffedChannel bool) data.DateTime {
	day := lo + data.Date(g.rng.IntN(int(hi-lo)+1))
	if staffedChannel {
		day = workday(day, lo, hi)
		return g.officeTime(day)
	}
	return min(at(day, 6*3600+g.rng.IntN(17*3600)), lastMoment)
}

// cmPlanFor plans a contactmoment of a klant, about zaak z when not NoRef.
func (g *generator) cmPlanFor(klant, z data.Ref) cmPlan {
	kan := g.pick(kanaalWeights)
	lo, hi := lastDay-data.Date(historyDays), lastDay
	if z != data.NoRef {
		lo, hi = g.zaakWindow(z)
	}
	g.planSeq++
	return cmPlan{t: g.moment(lo, hi, staffed(kan)), klant: klant, zaak: z, kanaal: int8(kan), followUp: g.chance(0.12), seq: g.planSeq}
}

func (g *generator) planContactmomenten(n int) []cmPlan {
	plans := make([]cmPlan, 0, n+1200)
	for i := 0; i < n; i++ {
		k := g.randomKlant()
		z := data.NoRef
		if zl := g.klantZaken(k); len(zl) > 0 && g.chance(0.45) {
			z = oneOf(g, zl)
		}
		plans = append(plans, g.cmPlanFor(k, z))
	}
	return plans
}

// voorkeurskanaal is a klant's stable preferred channel.
func voorkeurskanaal(k data.Ref) string {
	h := uint32(k)*2654435761 ^ 0x5bd1e995
	r := int(h>>8) % 100
	for i, w := range voorkeurskanaalWeights {
		if r < w {
			return voorkeurskanalen[i]
		}
		r -= w
	}
	return voorkeurskanalen[0]
}

// zaakText returns the (shared) text of template i about a zaak's zaaktype.
func (g *generator) zaakText(key int, tmpl string, z data.Ref) string {
	zi := g.ztOf(z)
	return g.cached(key+zi.global, func() string { return fmt.Sprintf(tmpl, zi.tmpl.topic) })
}

// ztOf returns the zaaktype info of a zaak.
func (g *generator) ztOf(z data.Ref) *ztInfo {
	zr := g.st.zaken.get(z)
	s := g.sysOf[zr.Inst]
	for i := range s.zaaktypen {
		if s.zaaktypen[i].ref == zr.Zaaktype {
			return &s.zaaktypen[i]
		}
	}
	panic("gen: zaak without zaaktype of its system")
}

func (g *generator) materializeContactmomenten(plans []cmPlan) {
	slices.SortFunc(plans, func(a, b cmPlan) int {
		if c := cmp.Compare(a.t, b.t); c != 0 {
			return c
		}
		return cmp.Compare(a.seq, b.seq)
	})
	nk := g.st.klanten.len()
	lastCM := make([]data.Ref, nk)
	for i := range lastCM {
		lastCM[i] = data.NoRef
	}
	counts := make([]int32, nk+1)
	inst := g.cmInst
	for i := range plans {
		p := &plans[i]
		kanaal := kanalen[p.kanaal]
		cm := data.ContactMoment{
			Inst: inst, Bronorganisatie: MunicipalityRSIN, Registratiedatum: p.t, Kanaal: kanaal,
			Voorkeurskanaal: voorkeurskanaal(p.klant), Voorkeurstaal: "nld", Initiatiefnemer: "klant",
			VorigContactmoment: data.NoRef, VolgendContactmoment: data.NoRef,
		}
		var medP, gemeenteP float64
		switch kanaal {
		case "telefoon", "balie", "chat":
			medP, gemeenteP = 0.95, 0.15
		case "e-mail":
			medP, gemeenteP = 0.85, 0.2
		case "brief":
			medP, gemeenteP = 0.85, 0.6
		case "social media":
			medP = 0.6
		default:
			medP = 0.25
		}
		if g.chance(gemeenteP) {
			cm.Initiatiefnemer = "gemeente"
		}
		if g.chance(medP) {
			m := &g.meds[g.rng.IntN(len(g.meds))]
			cm.Medewerker, cm.MedewerkerID, cm.MedewerkerAchternaam, cm.MedewerkerVoorletters, cm.MedewerkerVoorvoegsel =
				m.url, m.id, m.achternaam, m.voorletters, m.voorvoegsel
		}
		if p.zaak != data.NoRef {
			ti := g.rng.IntN(len(zaakTexts))
			cm.Tekst = g.zaakText(keyZaakText+ti<<12, zaakTexts[ti], p.zaak)
			if g.chance(0.3) {
				cm.OnderwerpLinks = []string{g.ztOf(p.zaak).link}
			}
		} else {
			cm.Tekst = oneOf(g, generalTexts)
		}
		prev := lastCM[p.klant]
		if p.followUp && prev != data.NoRef && g.st.cm.get(prev).VolgendContactmoment == data.NoRef {
			cm.VorigContactmoment = prev
		}
		r := g.st.cm.add(inst, cm)
		if cm.VorigContactmoment != data.NoRef {
			g.st.cm.get(prev).VolgendContactmoment = r
		}
		lastCM[p.klant] = r
		counts[p.klant+1]++

		rol := "gesprekspartner"
		if g.chance(0.15) {
			rol = "belanghebbende"
		}
		kcm := g.arena.take(1)
		kcm[0] = g.st.kcm.add(inst, data.KlantContactMoment{
			Inst: inst, Contactmoment: r, Klant: p.klant, Rol: rol, Gelezen: g.chance(0.9),
		})
		row := g.st.cm.get(r)
		row.Klantcontactmomenten = kcm
		if p.zaak != data.NoRef {
			ocm := g.arena.take(1)
			ocm[0] = g.st.ocm.add(inst, data.ObjectContactMoment{
				Inst: inst, Contactmoment: r, Object: p.zaak, ObjectType: "zaak",
			})
			row.Objectcontactmomenten = ocm
			zinst := g.st.zaken.get(p.zaak).Inst
			g.st.zcm.add(zinst, data.ZaakContactMoment{
				Inst: zinst, Zaak: p.zaak, Contactmoment: r,
			})
		}
	}
	// Index the contactmomenten per klant (in time order) for verzoeken.
	for i := 1; i <= nk; i++ {
		counts[i] += counts[i-1]
	}
	g.cmOff = counts
	g.cmRefs = make([]data.Ref, len(plans))
	fill := slices.Clone(counts[:nk])
	for _, row := range g.st.kcm.rows {
		g.cmRefs[fill[row.Klant]] = row.Contactmoment
		fill[row.Klant]++
	}
}

// cmBefore returns the klant's latest contactmoment at or before t, its
// first one when all are later, or NoRef when it has none.
func (g *generator) cmBefore(k data.Ref, t data.DateTime) data.Ref {
	l := g.cmRefs[g.cmOff[k]:g.cmOff[k+1]]
	if len(l) == 0 {
		return data.NoRef
	}
	best := l[0]
	for _, c := range l {
		if g.st.cm.get(c).Registratiedatum > t {
			break
		}
		best = c
	}
	return best
}

// verzPlan is a verzoek decided before all are created in time order.
type verzPlan struct {
	t           data.DateTime
	klant, zaak data.Ref
	seq         int32
	linkCM, doc bool
}

func (g *generator) verzPlanFor(klant, z data.Ref, linkCM, doc bool) verzPlan {
	lo, hi := lastDay-data.Date(historyDays), lastDay
	if z != data.NoRef {
		lo, hi = g.zaakWindow(z)
	}
	g.planSeq++
	return verzPlan{t: g.moment(lo, hi, false), klant: klant, zaak: z, linkCM: linkCM, doc: doc, seq: g.planSeq}
}

func (g *generator) planVerzoeken(n int) []verzPlan {
	plans := make([]verzPlan, 0, n+40)
	for i := 0; i < n; i++ {
		k := g.randomKlant()
		z := data.NoRef
		if zl := g.klantZaken(k); len(zl) > 0 && g.chance(0.35) {
			z = oneOf(g, zl)
		}
		plans = append(plans, g.verzPlanFor(k, z, g.chance(0.3), g.chance(0.25)))
	}
	return plans
}

const otherSubject = 4095 // document cache key of documents not about a zaaktype

func (g *generator) materializeVerzoeken(plans []verzPlan) {
	slices.SortFunc(plans, func(a, b verzPlan) int {
		if c := cmp.Compare(a.t, b.t); c != 0 {
			return c
		}
		return cmp.Compare(a.seq, b.seq)
	})
	inst := g.verzInst
	const refChars = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	for i := range plans {
		p := &plans[i]
		y := yearOf(dayOf(p.t))
		v := data.Verzoek{
			Inst: inst, Identificatie: "VERZ-" + strconv.Itoa(y) + "-" + padNum(g.nextSeq(g.verzSeq, y), 6),
			Bronorganisatie: MunicipalityRSIN, Registratiedatum: p.t, Voorkeurskanaal: voorkeurskanaal(p.klant),
			InTeTrekkenVerzoek: data.NoRef, AangevuldeVerzoek: data.NoRef,
		}
		if g.chance(0.4) {
			var b [9]byte
			copy(b[:], "OF-")
			for j := 3; j < 9; j++ {
				b[j] = refChars[g.rng.IntN(len(refChars))]
			}
			v.ExterneIdentificatie = string(b[:])
		}
		if p.zaak != data.NoRef {
			ti := g.rng.IntN(len(verzoekZaakTexts))
			v.Tekst = g.zaakText(keyVerzText+ti<<12, verzoekZaakTexts[ti], p.zaak)
		} else {
			v.Tekst = oneOf(g, verzoekTexts)
		}
		age := lastMoment - p.t
		switch {
		case age < 10*86400:
			v.Status = verzoekStatussen[g.rng.IntN(2)]
		case p.zaak != data.NoRef && g.st.zaken.get(p.zaak).Einddatum != 0 && g.chance(0.8):
			v.Status = "afgehandeld"
		default:
			v.Status = verzoekStatussen[g.pick(verzoekStatusWeights)]
		}
		r := g.st.verz.add(inst, v)

		kv := data.KlantVerzoek{Inst: inst, Klant: p.klant, Verzoek: r, Rol: "initiator"}
		switch x := g.rng.IntN(100); {
		case x < 7:
			kv.Rol = "belanghebbende"
			if g.chance(0.5) {
				kv.IndicatieMachtiging = "gemachtigde"
			}
		case x < 10:
			kv.Rol = "mede_initiator"
		}
		g.st.kv.add(inst, kv)

		if p.zaak != data.NoRef {
			g.st.ov.add(inst, data.ObjectVerzoek{
				Inst: inst, Verzoek: r, Object: p.zaak, ObjectType: "zaak",
			})
			zinst := g.st.zaken.get(p.zaak).Inst
			g.st.zv.add(zinst, data.ZaakVerzoek{
				Inst: zinst, Zaak: p.zaak, Verzoek: r,
			})
		}
		if p.linkCM {
			if c := g.cmBefore(p.klant, p.t); c != data.NoRef {
				g.st.vcm.add(inst, data.VerzoekContactMoment{
					Inst: inst, Verzoek: r, Contactmoment: c,
				})
			}
		}
		if p.doc {
			s := g.systems[0]
			short, subject := "verzoek", otherSubject
			if p.zaak != data.NoRef {
				s = g.sysOf[g.st.zaken.get(p.zaak).Inst]
				zi := g.ztOf(p.zaak)
				short, subject = zi.tmpl.short, zi.global
			}
			ii := 0
			if len(s.iots) > 1 && g.chance(0.4) {
				ii = 1
			}
			doc, _ := g.addDocument(s, ii, short, subject, dayOf(p.t), data.Zaakvertrouwelijk, p.t, v.Status == "afgehandeld")
			g.st.vio.add(inst, data.VerzoekInformatieObject{
				Inst: inst, Verzoek: r, Informatieobject: doc,
			})
			g.st.oio.add(s.documenten, data.ObjectInformatieObject{
				Inst: s.documenten, Informatieobject: doc, ObjectType: "verzoek", Object: r,
			})
		}
	}
}
