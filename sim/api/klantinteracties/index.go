package klantinteracties

import (
	"slices"

	"github.com/klantgraaf/klantgraaf/sim/data"
)

// kind describes one resource table of the API.
type kind[T any] struct {
	coll string
	tab  func(d *data.Data) *data.Table[T]
	dead func(r *T) bool
}

var (
	kPartij = kind[data.Partij]{"partijen", func(d *data.Data) *data.Table[data.Partij] { return &d.Partijen },
		func(r *data.Partij) bool { return r.Deleted }}
	kIdent = kind[data.PartijIdentificator]{"partij-identificatoren", func(d *data.Data) *data.Table[data.PartijIdentificator] { return &d.PartijIdentificatoren },
		func(r *data.PartijIdentificator) bool { return r.Deleted }}
	kAdres = kind[data.DigitaalAdres]{"digitaleadressen", func(d *data.Data) *data.Table[data.DigitaalAdres] { return &d.DigitaleAdressen },
		func(r *data.DigitaalAdres) bool { return r.Deleted }}
	kKC = kind[data.Klantcontact]{"klantcontacten", func(d *data.Data) *data.Table[data.Klantcontact] { return &d.Klantcontacten },
		func(r *data.Klantcontact) bool { return r.Deleted }}
	kBetr = kind[data.Betrokkene]{"betrokkenen", func(d *data.Data) *data.Table[data.Betrokkene] { return &d.Betrokkenen },
		func(r *data.Betrokkene) bool { return r.Deleted }}
	kOnd = kind[data.Onderwerpobject]{"onderwerpobjecten", func(d *data.Data) *data.Table[data.Onderwerpobject] { return &d.Onderwerpobjecten },
		func(r *data.Onderwerpobject) bool { return r.Deleted }}
	kActor = kind[data.Actor]{"actoren", func(d *data.Data) *data.Table[data.Actor] { return &d.Actoren },
		func(r *data.Actor) bool { return r.Deleted }}
	kAKC = kind[data.ActorKlantcontact]{"actorklantcontacten", func(d *data.Data) *data.Table[data.ActorKlantcontact] { return &d.ActorKlantcontacten },
		func(r *data.ActorKlantcontact) bool { return r.Deleted }}
	kTaak = kind[data.InterneTaak]{"internetaken", func(d *data.Data) *data.Table[data.InterneTaak] { return &d.InterneTaken },
		func(r *data.InterneTaak) bool { return r.Deleted }}
	kBijlage = kind[data.Bijlage]{"bijlagen", func(d *data.Data) *data.Table[data.Bijlage] { return &d.Bijlagen },
		func(r *data.Bijlage) bool { return r.Deleted }}
)

// live reports whether row r exists, belongs to this instance and is not
// deleted.
func (k kind[T]) live(h *handler, d *data.Data, r data.Ref) bool {
	t := k.tab(d)
	return r >= 0 && int(r) < t.Len() && t.InstOf(r) == h.e.Inst && !k.dead(t.Get(r))
}

// lookup finds a live row by UUID.
func (k kind[T]) lookup(h *handler, d *data.Data, u data.UUID) (data.Ref, bool) {
	r, ok := k.tab(d).LookupIn(h.e.Inst, u)
	if !ok || k.dead(k.tab(d).Get(r)) {
		return data.NoRef, false
	}
	return r, true
}

// url renders the URL of row r.
func (k kind[T]) url(h *handler, d *data.Data, r data.Ref) string {
	return h.e.URL(k.coll, k.tab(d).UUIDOf(r))
}

// fk renders the {uuid, url} reference to row r, or nil when r is none or
// gone.
func (k kind[T]) fk(h *handler, d *data.Data, r data.Ref) *fkJSON {
	if r == data.NoRef || !k.live(h, d, r) {
		return nil
	}
	u := k.tab(d).UUIDOf(r)
	return &fkJSON{UUID: u.String(), URL: h.e.URL(k.coll, u)}
}

// fks renders the live rows of refs as references.
func (k kind[T]) fks(h *handler, d *data.Data, refs []data.Ref) []fkJSON {
	out := []fkJSON{}
	for _, r := range refs {
		if f := k.fk(h, d, r); f != nil {
			out = append(out, *f)
		}
	}
	return out
}

// alive filters refs to the live rows.
func (k kind[T]) alive(h *handler, d *data.Data, refs []data.Ref) []data.Ref {
	var out []data.Ref
	for _, r := range refs {
		if k.live(h, d, r) {
			out = append(out, r)
		}
	}
	return out
}

// ---- reverse relations, as lazily built store indexes ----

func (h *handler) refIndex(name string, build func(add func(k, r data.Ref))) map[data.Ref][]data.Ref {
	return h.e.Store.IndexRef(name, build)
}

func (h *handler) betrokkenenOfKC(d *data.Data, kc data.Ref) []data.Ref {
	return kBetr.alive(h, d, h.refIndex("ki.betrokkenenByKlantcontact", func(add func(k, r data.Ref)) {
		for i := range d.Betrokkenen.Rows {
			add(d.Betrokkenen.Rows[i].Klantcontact, data.Ref(i))
		}
	})[kc])
}

func (h *handler) betrokkenenOfPartij(d *data.Data, p data.Ref) []data.Ref {
	return kBetr.alive(h, d, h.refIndex("ki.betrokkenenByPartij", func(add func(k, r data.Ref)) {
		for i := range d.Betrokkenen.Rows {
			if p := d.Betrokkenen.Rows[i].Partij; p != data.NoRef {
				add(p, data.Ref(i))
			}
		}
	})[p])
}

func (h *handler) onderwerpobjectenOfKC(d *data.Data, kc data.Ref) []data.Ref {
	return kOnd.alive(h, d, h.refIndex("ki.onderwerpobjectenByKlantcontact", func(add func(k, r data.Ref)) {
		for i := range d.Onderwerpobjecten.Rows {
			if k := d.Onderwerpobjecten.Rows[i].Klantcontact; k != data.NoRef {
				add(k, data.Ref(i))
			}
		}
	})[kc])
}

func (h *handler) onderwerpobjectenWasKC(d *data.Data, kc data.Ref) []data.Ref {
	return kOnd.alive(h, d, h.refIndex("ki.onderwerpobjectenByWasKlantcontact", func(add func(k, r data.Ref)) {
		for i := range d.Onderwerpobjecten.Rows {
			if k := d.Onderwerpobjecten.Rows[i].WasKlantcontact; k != data.NoRef {
				add(k, data.Ref(i))
			}
		}
	})[kc])
}

func (h *handler) takenOfKC(d *data.Data, kc data.Ref) []data.Ref {
	return kTaak.alive(h, d, h.refIndex("ki.internetakenByKlantcontact", func(add func(k, r data.Ref)) {
		for i := range d.InterneTaken.Rows {
			add(d.InterneTaken.Rows[i].Klantcontact, data.Ref(i))
		}
	})[kc])
}

func (h *handler) bijlagenOfKC(d *data.Data, kc data.Ref) []data.Ref {
	return kBijlage.alive(h, d, h.refIndex("ki.bijlagenByKlantcontact", func(add func(k, r data.Ref)) {
		for i := range d.Bijlagen.Rows {
			if k := d.Bijlagen.Rows[i].Klantcontact; k != data.NoRef {
				add(k, data.Ref(i))
			}
		}
	})[kc])
}

func (h *handler) actorKCsOfKC(d *data.Data, kc data.Ref) []data.Ref {
	return kAKC.alive(h, d, h.refIndex("ki.actorklantcontactenByKlantcontact", func(add func(k, r data.Ref)) {
		for i := range d.ActorKlantcontacten.Rows {
			add(d.ActorKlantcontacten.Rows[i].Klantcontact, data.Ref(i))
		}
	})[kc])
}

func (h *handler) adressenOfPartij(d *data.Data, p data.Ref) []data.Ref {
	return kAdres.alive(h, d, h.refIndex("ki.digitaleadressenByPartij", func(add func(k, r data.Ref)) {
		for i := range d.DigitaleAdressen.Rows {
			if p := d.DigitaleAdressen.Rows[i].Partij; p != data.NoRef {
				add(p, data.Ref(i))
			}
		}
	})[p])
}

func (h *handler) adressenOfBetrokkene(d *data.Data, b data.Ref) []data.Ref {
	return kAdres.alive(h, d, h.refIndex("ki.digitaleadressenByBetrokkene", func(add func(k, r data.Ref)) {
		for i := range d.DigitaleAdressen.Rows {
			if b := d.DigitaleAdressen.Rows[i].Betrokkene; b != data.NoRef {
				add(b, data.Ref(i))
			}
		}
	})[b])
}

func (h *handler) identsOfPartij(d *data.Data, p data.Ref) []data.Ref {
	return kIdent.alive(h, d, h.refIndex("ki.identificatorenByPartij", func(add func(k, r data.Ref)) {
		for i := range d.PartijIdentificatoren.Rows {
			if p := d.PartijIdentificatoren.Rows[i].Partij; p != data.NoRef {
				add(p, data.Ref(i))
			}
		}
	})[p])
}

func (h *handler) identsSubOf(d *data.Data, parent data.Ref) []data.Ref {
	return kIdent.alive(h, d, h.refIndex("ki.identificatorenBySub", func(add func(k, r data.Ref)) {
		for i := range d.PartijIdentificatoren.Rows {
			if s := d.PartijIdentificatoren.Rows[i].SubIdentificatorVan; s != data.NoRef {
				add(s, data.Ref(i))
			}
		}
	})[parent])
}

// identsByObjectID finds partij-identificatoren by objectId.
func (h *handler) identsByObjectID(d *data.Data, id string) []data.Ref {
	return kIdent.alive(h, d, h.e.Store.IndexStr("ki.identificatorenByObjectId", func(add func(string, data.Ref)) {
		for i := range d.PartijIdentificatoren.Rows {
			add(d.PartijIdentificatoren.Rows[i].ObjectID, data.Ref(i))
		}
	})[id])
}

// onderwerpobjectenByObjectID finds onderwerpobjecten by the objectId of
// their identificator (e.g. a zaak UUID).
func (h *handler) onderwerpobjectenByObjectID(d *data.Data, id string) []data.Ref {
	return kOnd.alive(h, d, h.e.Store.IndexStr("ki.onderwerpobjectenByObjectId", func(add func(string, data.Ref)) {
		for i := range d.Onderwerpobjecten.Rows {
			if o := d.Onderwerpobjecten.Rows[i].Identificator.ObjectID; o != "" {
				add(o, data.Ref(i))
			}
		}
	})[id])
}

// sortDesc orders refs newest first (the providers order by -pk) and drops
// duplicates.
func sortDesc(refs []data.Ref) []data.Ref {
	slices.SortFunc(refs, func(a, b data.Ref) int { return int(b - a) })
	return slices.Compact(refs)
}
