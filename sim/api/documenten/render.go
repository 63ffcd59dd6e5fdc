package documenten

import (
	"strconv"

	"github.com/klantgraaf/klantgraaf/sim/api/catalogi"
	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/render"
)

// Collections of the Documenten API and the ones its links point into.
const (
	CollEIO = "enkelvoudiginformatieobjecten"
	CollOIO = "objectinformatieobjecten"

	collZaken     = "zaken"
	collVerzoeken = "verzoeken"
)

// Ondertekening is the EnkelvoudigInformatieObject group of that name.
type Ondertekening struct {
	Soort string `json:"soort"`
	Datum string `json:"datum"`
}

// Integriteit is the EnkelvoudigInformatieObject group of that name.
type Integriteit struct {
	Algoritme string `json:"algoritme"`
	Waarde    string `json:"waarde"`
	Datum     string `json:"datum"`
}

// BestandsDeel is one part of an upload in progress (never present: the
// dataset's documents are complete).
type BestandsDeel struct {
	URL        string `json:"url"`
	Volgnummer int    `json:"volgnummer"`
	Omvang     int64  `json:"omvang"`
	Voltooid   bool   `json:"voltooid"`
	Lock       string `json:"lock"`
}

// EIOExpand is the _expand of an ExpandEnkelvoudigInformatieObject.
type EIOExpand struct {
	Informatieobjecttype *catalogi.InformatieObjectTypeJSON `json:"informatieobjecttype,omitempty"`
}

// EnkelvoudigInformatieObjectJSON is the (Expand)EnkelvoudigInformatieObject
// schema of documenten-1.4.2.yaml. The groups ondertekening and integriteit,
// which the dataset does not model, are null; inhoud is the download URL of
// the current version.
type EnkelvoudigInformatieObjectJSON struct {
	URL                         string         `json:"url"`
	Identificatie               string         `json:"identificatie"`
	Bronorganisatie             string         `json:"bronorganisatie"`
	Creatiedatum                string         `json:"creatiedatum"`
	Titel                       string         `json:"titel"`
	Vertrouwelijkheidaanduiding string         `json:"vertrouwelijkheidaanduiding"`
	Auteur                      string         `json:"auteur"`
	Status                      string         `json:"status"`
	Formaat                     string         `json:"formaat"`
	Taal                        string         `json:"taal"`
	Versie                      int32          `json:"versie"`
	BeginRegistratie            string         `json:"beginRegistratie"`
	Bestandsnaam                string         `json:"bestandsnaam"`
	Inhoud                      *string        `json:"inhoud"`
	Bestandsomvang              *int64         `json:"bestandsomvang"`
	Link                        string         `json:"link"`
	Beschrijving                string         `json:"beschrijving"`
	Ontvangstdatum              *string        `json:"ontvangstdatum"`
	Verzenddatum                *string        `json:"verzenddatum"`
	IndicatieGebruiksrecht      *bool          `json:"indicatieGebruiksrecht"`
	Verschijningsvorm           string         `json:"verschijningsvorm"`
	Ondertekening               *Ondertekening `json:"ondertekening"`
	Integriteit                 *Integriteit   `json:"integriteit"`
	Informatieobjecttype        string         `json:"informatieobjecttype"`
	Locked                      bool           `json:"locked"`
	Bestandsdelen               []BestandsDeel `json:"bestandsdelen"`
	Trefwoorden                 []string       `json:"trefwoorden"`
	Expand                      *EIOExpand     `json:"_expand,omitempty"`
}

// ObjectInformatieObjectJSON is the ObjectInformatieObject schema.
type ObjectInformatieObjectJSON struct {
	URL              string `json:"url"`
	Informatieobject string `json:"informatieobject"`
	Object           string `json:"object"`
	ObjectType       string `json:"objectType"`
}

// EnkelvoudigInformatieObject renders document r; with expand it embeds the
// informatieobjecttype under _expand.
func EnkelvoudigInformatieObject(st *data.Store, d *data.Data, r data.Ref, expand bool) *EnkelvoudigInformatieObjectJSON {
	e := d.InformatieObjecten.Get(r)
	u := data.RefURL(st, &d.InformatieObjecten, CollEIO, r)
	versie := max(e.Versie, 1)
	inhoud := u + "/download?versie=" + strconv.Itoa(int(versie))
	size := contentSize(e)
	taal := e.Taal
	if len(taal) != 3 {
		taal = "dut"
	}
	begin := e.BeginRegistratie
	if begin == 0 {
		begin = data.DateTime(int64(e.Creatiedatum) * 86400)
	}
	trefwoorden := e.Trefwoorden
	if trefwoorden == nil {
		trefwoorden = []string{}
	}
	out := &EnkelvoudigInformatieObjectJSON{
		URL:                         u,
		Identificatie:               e.Identificatie,
		Bronorganisatie:             e.Bronorganisatie,
		Creatiedatum:                render.Date(e.Creatiedatum),
		Titel:                       e.Titel,
		Vertrouwelijkheidaanduiding: e.Vertrouwelijkheid.String(),
		Auteur:                      e.Auteur,
		Status:                      e.Status,
		Formaat:                     e.Formaat,
		Taal:                        taal,
		Versie:                      versie,
		BeginRegistratie:            render.DateTime(begin),
		Bestandsnaam:                e.Bestandsnaam,
		Inhoud:                      &inhoud,
		Bestandsomvang:              &size,
		Beschrijving:                e.Beschrijving,
		Bestandsdelen:               []BestandsDeel{},
		Trefwoorden:                 trefwoorden,
	}
	if e.Informatieobjecttype != data.NoRef {
		out.Informatieobjecttype = data.RefURL(st, &d.InformatieObjectTypen, render.CollInformatieObjectTypen, e.Informatieobjecttype)
	}
	if expand {
		out.Expand = &EIOExpand{}
		if e.Informatieobjecttype != data.NoRef {
			out.Expand.Informatieobjecttype = catalogi.InformatieObjectType(st, d, e.Informatieobjecttype)
		}
	}
	return out
}

// objectURL renders the URL of the object a link points at ("" when the
// object is not in the dataset).
func objectURL(st *data.Store, d *data.Data, o *data.ObjectInformatieObject) string {
	if o.Object == data.NoRef {
		return ""
	}
	switch o.ObjectType {
	case "zaak":
		if int(o.Object) < d.Zaken.Len() {
			return data.RefURL(st, &d.Zaken, collZaken, o.Object)
		}
	case "verzoek":
		if int(o.Object) < d.Verzoeken.Len() && !d.Verzoeken.Get(o.Object).Deleted {
			return data.RefURL(st, &d.Verzoeken, collVerzoeken, o.Object)
		}
	}
	return ""
}

// ObjectInformatieObject renders link r.
func ObjectInformatieObject(st *data.Store, d *data.Data, r data.Ref) *ObjectInformatieObjectJSON {
	o := d.ObjectInformatieObjecten.Get(r)
	return &ObjectInformatieObjectJSON{
		URL:              data.RefURL(st, &d.ObjectInformatieObjecten, CollOIO, r),
		Informatieobject: data.RefURL(st, &d.InformatieObjecten, CollEIO, o.Informatieobject),
		Object:           objectURL(st, d, o),
		ObjectType:       o.ObjectType,
	}
}
