package gen

import (
	"sync"

	"github.com/klantgraaf/klantgraaf/sim/data"
)

// stage collects the rows of one table during generation. Row i gets the
// UUID MakeUUID(seed, kind, i); UUIDs and the table's UUID index are built
// when the stage is flushed, concurrently with the rest of the work.
type stage[T any] struct {
	kind  string
	rows  []T
	insts []uint8
}

func (s *stage[T]) add(inst uint8, row T) data.Ref {
	s.rows = append(s.rows, row)
	s.insts = append(s.insts, inst)
	return data.Ref(len(s.rows) - 1)
}

func (s *stage[T]) get(r data.Ref) *T { return &s.rows[r] }

func (s *stage[T]) len() int { return len(s.rows) }

func (s *stage[T]) grow(n int) {
	s.rows = make([]T, 0, n)
	s.insts = make([]uint8, 0, n)
}

// flushTo loads the stage into table t in the background; set stores a
// row's UUID in the row itself.
func flushTo[T any](wg *sync.WaitGroup, seed uint64, s *stage[T], t *data.Table[T], set func(*T, data.UUID)) {
	rows, insts, kind := s.rows, s.insts, s.kind
	wg.Go(func() {
		uuids := make([]data.UUID, len(rows))
		for i := range uuids {
			uuids[i] = data.MakeUUID(seed, kind, uint64(i))
			set(&rows[i], uuids[i])
		}
		t.Load(rows, uuids, insts)
	})
}

// stages holds the staged rows of every bulk table.
type stages struct {
	klanten    stage[data.Klant]
	zaken      stage[data.Zaak]
	statussen  stage[data.Status]
	resultaten stage[data.Resultaat]
	rollen     stage[data.Rol]
	zaakEig    stage[data.ZaakEigenschap]
	zio        stage[data.ZaakInformatieObject]
	zcm        stage[data.ZaakContactMoment]
	zv         stage[data.ZaakVerzoek]
	docs       stage[data.EnkelvoudigInformatieObject]
	oio        stage[data.ObjectInformatieObject]
	cm         stage[data.ContactMoment]
	kcm        stage[data.KlantContactMoment]
	ocm        stage[data.ObjectContactMoment]
	verz       stage[data.Verzoek]
	kv         stage[data.KlantVerzoek]
	ov         stage[data.ObjectVerzoek]
	vcm        stage[data.VerzoekContactMoment]
	vio        stage[data.VerzoekInformatieObject]
}

func newStages() stages {
	return stages{
		klanten: stage[data.Klant]{kind: "klant"}, zaken: stage[data.Zaak]{kind: "zaak"},
		statussen: stage[data.Status]{kind: "status"}, resultaten: stage[data.Resultaat]{kind: "resultaat"},
		rollen: stage[data.Rol]{kind: "rol"}, zaakEig: stage[data.ZaakEigenschap]{kind: "zaakeigenschap"},
		zio: stage[data.ZaakInformatieObject]{kind: "zaakinformatieobject"}, zcm: stage[data.ZaakContactMoment]{kind: "zaakcontactmoment"},
		zv: stage[data.ZaakVerzoek]{kind: "zaakverzoek"}, docs: stage[data.EnkelvoudigInformatieObject]{kind: "informatieobject"},
		oio: stage[data.ObjectInformatieObject]{kind: "objectinformatieobject"}, cm: stage[data.ContactMoment]{kind: "contactmoment"},
		kcm: stage[data.KlantContactMoment]{kind: "klantcontactmoment"}, ocm: stage[data.ObjectContactMoment]{kind: "objectcontactmoment"},
		verz: stage[data.Verzoek]{kind: "verzoek"}, kv: stage[data.KlantVerzoek]{kind: "klantverzoek"},
		ov: stage[data.ObjectVerzoek]{kind: "objectverzoek"}, vcm: stage[data.VerzoekContactMoment]{kind: "verzoekcontactmoment"},
		vio: stage[data.VerzoekInformatieObject]{kind: "verzoekinformatieobject"},
	}
}
