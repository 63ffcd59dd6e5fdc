package zaken

import (
	"github.com/klantgraaf/klantgraaf/sim/data"
)

// Lazily built secondary indexes (dropped by every store write). They span
// all instances; callers filter by owning instance. Buckets hold refs in
// ascending order.

// owned returns the rows of t owned by inst, ascending.
func owned[T any](st *data.Store, name string, t *data.Table[T], inst uint8) []data.Ref {
	m := st.IndexRef(name, func(add func(k, r data.Ref)) {
		for i := 0; i < t.Len(); i++ {
			add(data.Ref(t.InstOf(data.Ref(i))), data.Ref(i))
		}
	})
	return m[data.Ref(inst)]
}

func ownedZaken(st *data.Store, d *data.Data, inst uint8) []data.Ref {
	return owned(st, "zaken.zakenByInst", &d.Zaken, inst)
}

func ownedRollen(st *data.Store, d *data.Data, inst uint8) []data.Ref {
	return owned(st, "zaken.rollenByInst", &d.Rollen, inst)
}

func ownedStatussen(st *data.Store, d *data.Data, inst uint8) []data.Ref {
	return owned(st, "zaken.statussenByInst", &d.Statussen, inst)
}

func ownedResultaten(st *data.Store, d *data.Data, inst uint8) []data.Ref {
	return owned(st, "zaken.resultatenByInst", &d.Resultaten, inst)
}

func ownedZIOs(st *data.Store, d *data.Data, inst uint8) []data.Ref {
	return owned(st, "zaken.zioByInst", &d.ZaakInformatieObjecten, inst)
}

func ownedZCMs(st *data.Store, d *data.Data, inst uint8) []data.Ref {
	return owned(st, "zaken.zcmByInst", &d.ZaakContactMomenten, inst)
}

func ownedZaakVerzoeken(st *data.Store, d *data.Data, inst uint8) []data.Ref {
	return owned(st, "zaken.zvByInst", &d.ZaakVerzoeken, inst)
}

func zakenByZaaktype(st *data.Store, d *data.Data) map[data.Ref][]data.Ref {
	return st.IndexRef("zaken.zakenByZaaktype", func(add func(k, r data.Ref)) {
		for i := range d.Zaken.Rows {
			add(d.Zaken.Rows[i].Zaaktype, data.Ref(i))
		}
	})
}

func zakenByIdentificatie(st *data.Store, d *data.Data) map[string][]data.Ref {
	return st.IndexStr("zaken.zakenByIdentificatie", func(add func(k string, r data.Ref)) {
		for i := range d.Zaken.Rows {
			add(d.Zaken.Rows[i].Identificatie, data.Ref(i))
		}
	})
}

func statussenByZaak(st *data.Store, d *data.Data) map[data.Ref][]data.Ref {
	return st.IndexRef("zaken.statussenByZaak", func(add func(k, r data.Ref)) {
		for i := range d.Statussen.Rows {
			add(d.Statussen.Rows[i].Zaak, data.Ref(i))
		}
	})
}

func resultatenByZaak(st *data.Store, d *data.Data) map[data.Ref][]data.Ref {
	return st.IndexRef("zaken.resultatenByZaak", func(add func(k, r data.Ref)) {
		for i := range d.Resultaten.Rows {
			add(d.Resultaten.Rows[i].Zaak, data.Ref(i))
		}
	})
}

func ziosByZaak(st *data.Store, d *data.Data) map[data.Ref][]data.Ref {
	return st.IndexRef("zaken.zioByZaak", func(add func(k, r data.Ref)) {
		for i := range d.ZaakInformatieObjecten.Rows {
			add(d.ZaakInformatieObjecten.Rows[i].Zaak, data.Ref(i))
		}
	})
}

func ziosByInformatieobject(st *data.Store, d *data.Data) map[data.Ref][]data.Ref {
	return st.IndexRef("zaken.zioByInformatieobject", func(add func(k, r data.Ref)) {
		for i := range d.ZaakInformatieObjecten.Rows {
			add(d.ZaakInformatieObjecten.Rows[i].Informatieobject, data.Ref(i))
		}
	})
}

func zcmsByZaak(st *data.Store, d *data.Data) map[data.Ref][]data.Ref {
	return st.IndexRef("zaken.zcmByZaak", func(add func(k, r data.Ref)) {
		for i := range d.ZaakContactMomenten.Rows {
			add(d.ZaakContactMomenten.Rows[i].Zaak, data.Ref(i))
		}
	})
}

func zcmsByContactmoment(st *data.Store, d *data.Data) map[data.Ref][]data.Ref {
	return st.IndexRef("zaken.zcmByContactmoment", func(add func(k, r data.Ref)) {
		for i := range d.ZaakContactMomenten.Rows {
			add(d.ZaakContactMomenten.Rows[i].Contactmoment, data.Ref(i))
		}
	})
}

func zaakVerzoekenByZaak(st *data.Store, d *data.Data) map[data.Ref][]data.Ref {
	return st.IndexRef("zaken.zvByZaak", func(add func(k, r data.Ref)) {
		for i := range d.ZaakVerzoeken.Rows {
			add(d.ZaakVerzoeken.Rows[i].Zaak, data.Ref(i))
		}
	})
}

func zaakVerzoekenByVerzoek(st *data.Store, d *data.Data) map[data.Ref][]data.Ref {
	return st.IndexRef("zaken.zvByVerzoek", func(add func(k, r data.Ref)) {
		for i := range d.ZaakVerzoeken.Rows {
			add(d.ZaakVerzoeken.Rows[i].Verzoek, data.Ref(i))
		}
	})
}

// Kinds of rol identification, the keys of the "zaken.rolIdent" index and
// of the rol filters.
const (
	identBetrokkene = "betrokkene"
	identNPBsn      = "np.inpBsn"
	identNPAnp      = "np.anpIdentificatie"
	identNPANummer  = "np.inpA_nummer"
	identNNPRsin    = "nnp.innNnpId"
	identNNPAnn     = "nnp.annIdentificatie"
	identNNPKvk     = "nnp.kvkNummer"
	identNNPVest    = "nnp.vestigingsNummer"
	identVestKvk    = "vestiging.kvkNummer"
	identVestNummer = "vestiging.vestigingsNummer"
	identMedewerker = "medewerker.identificatie"
	identOrgEenheid = "organisatorischeEenheid.identificatie"
)

var identKinds = []string{identBetrokkene, identNPBsn, identNPAnp, identNPANummer, identNNPRsin, identNNPAnn,
	identNNPKvk, identNNPVest, identVestKvk, identVestNummer, identMedewerker, identOrgEenheid}

// rolIdentFilters maps the rol filter names (without the "rol__" prefix the
// /zaken list adds) to identification kinds.
var rolIdentFilters = []struct{ param, kind string }{
	{"betrokkene", identBetrokkene},
	{"betrokkeneIdentificatie__natuurlijkPersoon__inpBsn", identNPBsn},
	{"betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie", identNPAnp},
	{"betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer", identNPANummer},
	{"betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId", identNNPRsin},
	{"betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie", identNNPAnn},
	{"betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer", identNNPKvk},
	{"betrokkeneIdentificatie__nietNatuurlijkPersoon__vestigingsNummer", identNNPVest},
	{"betrokkeneIdentificatie__vestiging__kvkNummer", identVestKvk},
	{"betrokkeneIdentificatie__vestiging__vestigingsNummer", identVestNummer},
	{"betrokkeneIdentificatie__medewerker__identificatie", identMedewerker},
	{"betrokkeneIdentificatie__organisatorischeEenheid__identificatie", identOrgEenheid},
}

// rolIdent is the value of one identification kind of a rol ("" when the
// rol's betrokkeneType has no such field or it is empty).
func rolIdent(st *data.Store, d *data.Data, rr *data.Rol, kind string) string {
	t := rr.BetrokkeneType
	switch kind {
	case identBetrokkene:
		return rolBetrokkene(st, d, rr)
	case identNPBsn:
		if t == data.BetrokkeneNatuurlijkPersoon {
			return rr.InpBsn
		}
	case identNNPRsin:
		if t == data.BetrokkeneNietNatuurlijkPersoon {
			return rr.InnNnpId
		}
	case identNNPKvk:
		if t == data.BetrokkeneNietNatuurlijkPersoon {
			return rr.KvkNummer
		}
	case identNNPVest:
		if t == data.BetrokkeneNietNatuurlijkPersoon {
			return rr.VestigingsNummer
		}
	case identVestKvk:
		if t == data.BetrokkeneVestiging {
			return rr.KvkNummer
		}
	case identVestNummer:
		if t == data.BetrokkeneVestiging {
			return rr.VestigingsNummer
		}
	case identMedewerker:
		if t == data.BetrokkeneMedewerker {
			return rr.MedewerkerID
		}
	case identOrgEenheid:
		if t == data.BetrokkeneOrganisatorischeEenheid {
			return rr.OrgEenheidID
		}
	}
	// anpIdentificatie, inpA_nummer and annIdentificatie are not held by
	// the dataset: always empty.
	return ""
}

// rollenByIdent returns the rollen (all instances, ascending) whose
// identification of kind equals value.
func rollenByIdent(st *data.Store, d *data.Data, kind, value string) []data.Ref {
	m := st.IndexStr("zaken.rolIdent", func(add func(k string, r data.Ref)) {
		for i := range d.Rollen.Rows {
			rr := &d.Rollen.Rows[i]
			for _, kd := range identKinds {
				if v := rolIdent(st, d, rr, kd); v != "" {
					add(kd+"\x00"+v, data.Ref(i))
				}
			}
		}
	})
	return m[kind+"\x00"+value]
}
