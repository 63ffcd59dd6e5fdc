package documenten

import (
	"strconv"

	"github.com/klantgraaf/klantgraaf/sim/data"
)

// Lazily built secondary indexes (dropped by every store write). They span
// all instances; callers filter by owning instance. Buckets hold refs in
// ascending order.

func eiosByInst(st *data.Store, d *data.Data, inst uint8) []data.Ref {
	return st.IndexRef("documenten.eiosByInst", func(add func(k, r data.Ref)) {
		for i := 0; i < d.InformatieObjecten.Len(); i++ {
			add(data.Ref(d.InformatieObjecten.InstOf(data.Ref(i))), data.Ref(i))
		}
	})[data.Ref(inst)]
}

func oiosByInst(st *data.Store, d *data.Data, inst uint8) []data.Ref {
	return st.IndexRef("documenten.oiosByInst", func(add func(k, r data.Ref)) {
		for i := 0; i < d.ObjectInformatieObjecten.Len(); i++ {
			add(data.Ref(d.ObjectInformatieObjecten.InstOf(data.Ref(i))), data.Ref(i))
		}
	})[data.Ref(inst)]
}

func oiosByEIO(st *data.Store, d *data.Data) map[data.Ref][]data.Ref {
	return st.IndexRef("documenten.oiosByEIO", func(add func(k, r data.Ref)) {
		for i := range d.ObjectInformatieObjecten.Rows {
			add(d.ObjectInformatieObjecten.Rows[i].Informatieobject, data.Ref(i))
		}
	})
}

// oiosByObject maps "zaak:<ref>" and "verzoek:<ref>" to the links of that
// object.
func oiosByObject(st *data.Store, d *data.Data) map[string][]data.Ref {
	return st.IndexStr("documenten.oiosByObject", func(add func(k string, r data.Ref)) {
		for i := range d.ObjectInformatieObjecten.Rows {
			o := &d.ObjectInformatieObjecten.Rows[i]
			add(objectKey(o.ObjectType, o.Object), data.Ref(i))
		}
	})
}

func objectKey(objectType string, r data.Ref) string {
	return objectType + ":" + strconv.Itoa(int(r))
}
