package catalogi

import (
	"slices"

	"github.com/klantgraaf/klantgraaf/sim/data"
)

// Lazily built secondary indexes (dropped by every store write). They span
// all instances; callers filter by owning instance. Buckets hold refs in
// ascending order.

func zaaktypenByCatalogus(st *data.Store, d *data.Data) map[data.Ref][]data.Ref {
	return st.IndexRef("catalogi.zaaktypenByCatalogus", func(add func(k, r data.Ref)) {
		for i := range d.ZaakTypen.Rows {
			add(d.ZaakTypen.Rows[i].Catalogus, data.Ref(i))
		}
	})
}

func iotypenByCatalogus(st *data.Store, d *data.Data) map[data.Ref][]data.Ref {
	return st.IndexRef("catalogi.iotypenByCatalogus", func(add func(k, r data.Ref)) {
		for i := range d.InformatieObjectTypen.Rows {
			add(d.InformatieObjectTypen.Rows[i].Catalogus, data.Ref(i))
		}
	})
}

// zaaktypenNamingIOT maps an informatieobjecttype to the zaaktypen that list
// it among their informatieobjecttypen.
func zaaktypenNamingIOT(st *data.Store, d *data.Data) map[data.Ref][]data.Ref {
	return st.IndexRef("catalogi.zaaktypenByIOT", func(add func(k, r data.Ref)) {
		for i := range d.ZaakTypen.Rows {
			for _, t := range d.ZaakTypen.Rows[i].Informatieobjecttypen {
				if t != data.NoRef {
					add(t, data.Ref(i))
				}
			}
		}
	})
}

// zaaktypenOfIOT lists the zaaktypen an informatieobjecttype belongs to:
// those it names and those naming it, ascending and without duplicates.
func zaaktypenOfIOT(st *data.Store, d *data.Data, r data.Ref) []data.Ref {
	own := d.InformatieObjectTypen.Get(r).Zaaktypen
	naming := zaaktypenNamingIOT(st, d)[r]
	out := make([]data.Ref, 0, len(own)+len(naming))
	for _, z := range own {
		if z != data.NoRef {
			out = append(out, z)
		}
	}
	out = append(out, naming...)
	slices.Sort(out)
	return slices.Compact(out)
}

// ziotByUUID maps the UUID of a zaaktype-informatieobjecttype link to its
// zaaktype and position, as a pair of refs.
func ziotByUUID(st *data.Store, d *data.Data) map[string][]data.Ref {
	return st.IndexStr("catalogi.ziotByUUID", func(add func(k string, r data.Ref)) {
		for i := range d.ZaakTypen.Rows {
			for pos := range d.ZaakTypen.Rows[i].Informatieobjecttypen {
				k := ziotUUID(d, data.Ref(i), pos).String()
				add(k, data.Ref(i))
				add(k, data.Ref(pos))
			}
		}
	})
}
