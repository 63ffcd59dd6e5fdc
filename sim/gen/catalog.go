package gen

import (
	"hash/fnv"
	"strconv"
	"strings"
	"time"

	"github.com/klantgraaf/klantgraaf/sim/data"
)

const (
	selectielijstResultaten    = "https://selectielijst.openzaak.nl/api/v1/resultaten/"
	selectielijstOmschrijving  = "https://selectielijst.openzaak.nl/api/v1/resultaattypeomschrijvingen/"
	productenURL               = "https://pdc.example.nl/api/v1/producten/"
	catalogusBeginGeldigheidJr = 2021
)

func fixedUUID(kind, key string) data.UUID {
	h := fnv.New64a()
	h.Write([]byte(key))
	return data.MakeUUID(fixedSeed, kind, h.Sum64())
}

// buildCatalogi creates one catalogus with its zaaktypen per zaaksysteem.
func (g *generator) buildCatalogi() {
	d := g.d
	global := 0
	for _, s := range g.systems {
		t := s.tmpl
		naam := t.naam
		if s.idx >= len(catalogTemplates) {
			naam += " " + strconv.Itoa(s.idx/len(catalogTemplates)+1)
		}
		u := data.MakeUUID(g.seed, "catalogus", uint64(d.Catalogussen.Len()))
		s.catalogus = d.Catalogussen.Add(u, s.catalogi, data.Catalogus{
			UUID: u, Inst: s.catalogi, Domein: t.domein, RSIN: MunicipalityRSIN, Naam: naam, ContactpersoonBeheerNaam: t.beheerder,
		})
		begin := dateOf(catalogusBeginGeldigheidJr, time.January, 1)
		for _, it := range t.iots {
			u := data.MakeUUID(g.seed, "informatieobjecttype", uint64(d.InformatieObjectTypen.Len()))
			r := d.InformatieObjectTypen.Add(u, s.catalogi, data.InformatieObjectType{
				UUID: u, Inst: s.catalogi, Catalogus: s.catalogus, Omschrijving: it.omschrijving, Vertrouwelijkheid: it.vert,
				Informatieobjectcategorie: it.categorie, BeginGeldigheid: begin,
			})
			s.iots = append(s.iots, r)
		}
		for i := range t.zaaktypen {
			zt := &t.zaaktypen[i]
			s.zaaktypen = append(s.zaaktypen, g.buildZaaktype(s, zt, t.ztNumber+i, global))
			s.ztWeights = append(s.ztWeights, zt.weight)
			global++
		}
	}
}

func (g *generator) buildZaaktype(s *system, zt *ztTemplate, number, global int) ztInfo {
	d := g.d
	inst := s.catalogi
	// Zaaktypen were introduced over the years; all before the history starts.
	begin := dateOf(catalogusBeginGeldigheidJr+number%3, time.January, 1)
	key := s.tmpl.domein + "/" + zt.omschrijving
	intern := "extern"
	if zt.intern {
		intern = "intern"
	}
	ztRow := data.ZaakType{
		Inst: inst, Catalogus: s.catalogus,
		Identificatie:           "ZAAKTYPE-" + strconv.Itoa(catalogusBeginGeldigheidJr) + "-" + padNum(number, 10),
		Omschrijving:            zt.omschrijving,
		Doel:                    zt.doel,
		Aanleiding:              zt.aanleiding,
		Onderwerp:               zt.onderwerp,
		HandelingInitiator:      zt.hInit,
		HandelingBehandelaar:    zt.hBeh,
		IndicatieInternOfExtern: intern,
		Doorlooptijd:            zt.doorlooptijd,
		Vertrouwelijkheid:       zt.vert,
		BeginGeldigheid:         begin,
		Versiedatum:             begin,
		Trefwoorden:             append([]string(nil), zt.trefwoorden...),
		ProductenOfDiensten:     []string{productenURL + fixedUUID("product", key).String()},
	}
	ztRow.UUID = data.MakeUUID(g.seed, "zaaktype", uint64(d.ZaakTypen.Len()))
	ref := d.ZaakTypen.Add(ztRow.UUID, inst, ztRow)
	info := ztInfo{tmpl: zt, ref: ref, global: global, initiator: data.NoRef, behandelaar: data.NoRef, belanghebbend: data.NoRef}

	for i, st := range zt.statussen {
		u := data.MakeUUID(g.seed, "statustype", uint64(d.StatusTypen.Len()))
		r := d.StatusTypen.Add(u, inst, data.StatusType{
			UUID: u, Inst: inst, Zaaktype: ref, Omschrijving: st.omschrijving, OmschrijvingGeneriek: st.generiek,
			Statustekst: st.statustekst, Volgnummer: int32(i + 1), IsEindstatus: i == len(zt.statussen)-1, Informeren: st.informeren,
		})
		info.statustypen = append(info.statustypen, r)
	}
	for _, rt := range zt.resultaten {
		gi := 0
		for j, n := range resultaatGeneriek {
			if n == rt.generiek {
				gi = j
			}
		}
		u := data.MakeUUID(g.seed, "resultaattype", uint64(d.ResultaatTypen.Len()))
		r := d.ResultaatTypen.Add(u, inst, data.ResultaatType{
			UUID: u, Inst: inst, Zaaktype: ref, Omschrijving: rt.omschrijving,
			ResultaattypeOmschrijving: selectielijstOmschrijving + data.MakeUUID(fixedSeed, "resultaattypeomschrijving", uint64(gi)).String(),
			OmschrijvingGeneriek:      rt.generiek,
			Selectielijstklasse:       selectielijstResultaten + fixedUUID("selectielijstklasse", key+"/"+rt.omschrijving).String(),
			Archiefnominatie:          rt.archief,
			Archiefactietermijn:       rt.termijn,
		})
		info.resultaattypen = append(info.resultaattypen, r)
		info.rtWeights = append(info.rtWeights, rt.weight)
	}
	for _, rl := range zt.rollen {
		u := data.MakeUUID(g.seed, "roltype", uint64(d.RolTypen.Len()))
		r := d.RolTypen.Add(u, inst, data.RolType{
			UUID: u, Inst: inst, Zaaktype: ref, Omschrijving: rl.omschrijving, OmschrijvingGeneriek: rl.generiek,
		})
		switch {
		case rl.generiek == "initiator" && info.initiator == data.NoRef:
			info.initiator = r
		case rl.generiek == "behandelaar" && info.behandelaar == data.NoRef:
			info.behandelaar = r
		case rl.generiek == "belanghebbende" && info.belanghebbend == data.NoRef:
			info.belanghebbend = r
		}
		ztRef := d.ZaakTypen.Get(ref)
		ztRef.Roltypen = append(ztRef.Roltypen, r)
	}
	for _, e := range zt.eigenschappen {
		u := data.MakeUUID(g.seed, "eigenschap", uint64(d.Eigenschappen.Len()))
		r := d.Eigenschappen.Add(u, inst, data.Eigenschap{
			UUID: u, Inst: inst, Zaaktype: ref, Naam: e.naam, Definitie: e.definitie, Formaat: e.formaat, Lengte: e.lengte, Kardinaliteit: "1",
		})
		info.eigenschappen = append(info.eigenschappen, r)
	}
	info.iots = append([]int(nil), zt.iots...)
	info.link = municipalityWeb + "/onderwerpen/" + slugify(zt.short)
	row := d.ZaakTypen.Get(ref)
	row.Statustypen = append([]data.Ref(nil), info.statustypen...)
	row.Resultaattypen = append([]data.Ref(nil), info.resultaattypen...)
	row.Eigenschappen = append([]data.Ref(nil), info.eigenschappen...)
	for _, i := range zt.iots {
		iot := s.iots[i]
		row.Informatieobjecttypen = append(row.Informatieobjecttypen, iot)
		io := d.InformatieObjectTypen.Get(iot)
		io.Zaaktypen = append(io.Zaaktypen, ref)
	}
	return info
}

// slugify lower-cases s to ASCII letters and digits joined by hyphens.
func slugify(s string) string {
	out := make([]byte, 0, len(s))
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' }) {
		if len(out) > 0 {
			out = append(out, '-')
		}
		out = append(out, asciiLower(w)...)
	}
	return string(out)
}
