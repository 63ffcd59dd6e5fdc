package catalogi

import (
	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/render"
)

// Representations of the Catalogi API 1.3.1 objects (catalogi-1.3.1.yaml)
// that only this API serves. ZaakType, StatusType, ResultaatType, RolType and
// Eigenschap are rendered by package render, which the Zaken API's expand
// shares. Every property of a schema is present; the ones the dataset does
// not model carry the empty values the provider shows for an object that
// does not use them. The dataset keeps one version of every type, so
// beginObject and eindeObject are the dates of that version.

// Collections of this API that package render does not name.
const (
	collBesluitTypen                  = "besluittypen"
	collZaakObjectTypen               = "zaakobjecttypen"
	collZaakTypeInformatieObjectTypen = "zaaktype-informatieobjecttypen"
)

// CatalogusJSON is the Catalogus schema.
type CatalogusJSON struct {
	URL                                string   `json:"url"`
	Domein                             string   `json:"domein"`
	RSIN                               string   `json:"rsin"`
	ContactpersoonBeheerNaam           string   `json:"contactpersoonBeheerNaam"`
	ContactpersoonBeheerTelefoonnummer string   `json:"contactpersoonBeheerTelefoonnummer"`
	ContactpersoonBeheerEmailadres     string   `json:"contactpersoonBeheerEmailadres"`
	Zaaktypen                          []string `json:"zaaktypen"`
	Besluittypen                       []string `json:"besluittypen"`
	Informatieobjecttypen              []string `json:"informatieobjecttypen"`
	Naam                               string   `json:"naam"`
	Versie                             string   `json:"versie"`
	BegindatumVersie                   *string  `json:"begindatumVersie"`
}

// OmschrijvingGeneriek is the InformatieObjectType group of that name.
type OmschrijvingGeneriek struct {
	InformatieobjecttypeOmschrijvingGeneriek           string `json:"informatieobjecttypeOmschrijvingGeneriek"`
	DefinitieInformatieobjecttypeOmschrijvingGeneriek  string `json:"definitieInformatieobjecttypeOmschrijvingGeneriek"`
	HerkomstInformatieobjecttypeOmschrijvingGeneriek   string `json:"herkomstInformatieobjecttypeOmschrijvingGeneriek"`
	HierarchieInformatieobjecttypeOmschrijvingGeneriek string `json:"hierarchieInformatieobjecttypeOmschrijvingGeneriek"`
	OpmerkingInformatieobjecttypeOmschrijvingGeneriek  string `json:"opmerkingInformatieobjecttypeOmschrijvingGeneriek"`
}

// InformatieObjectTypeJSON is the InformatieObjectType schema.
type InformatieObjectTypeJSON struct {
	URL                         string               `json:"url"`
	Catalogus                   string               `json:"catalogus"`
	Omschrijving                string               `json:"omschrijving"`
	Vertrouwelijkheidaanduiding string               `json:"vertrouwelijkheidaanduiding"`
	BeginGeldigheid             string               `json:"beginGeldigheid"`
	EindeGeldigheid             *string              `json:"eindeGeldigheid"`
	Concept                     bool                 `json:"concept"`
	Besluittypen                []string             `json:"besluittypen"`
	Informatieobjectcategorie   string               `json:"informatieobjectcategorie"`
	Trefwoord                   []string             `json:"trefwoord"`
	OmschrijvingGeneriek        OmschrijvingGeneriek `json:"omschrijvingGeneriek"`
	Zaaktypen                   []string             `json:"zaaktypen"`
	BeginObject                 string               `json:"beginObject"`
	EindeObject                 string               `json:"eindeObject"`
}

// ZaakTypeInformatieObjectTypeJSON is the ZaakTypeInformatieObjectType schema:
// the link between a zaaktype and one of its informatieobjecttypen.
type ZaakTypeInformatieObjectTypeJSON struct {
	URL                   string  `json:"url"`
	Zaaktype              string  `json:"zaaktype"`
	ZaaktypeIdentificatie string  `json:"zaaktypeIdentificatie"`
	Informatieobjecttype  string  `json:"informatieobjecttype"`
	Volgnummer            int     `json:"volgnummer"`
	Richting              string  `json:"richting"`
	Statustype            *string `json:"statustype"`
	Catalogus             string  `json:"catalogus"`
}

// urls renders the URLs of rows of t in collection, skipping NoRef.
func urls[T any](st *data.Store, t *data.Table[T], collection string, refs []data.Ref) []string {
	out := make([]string, 0, len(refs))
	for _, r := range refs {
		if r != data.NoRef {
			out = append(out, data.RefURL(st, t, collection, r))
		}
	}
	return out
}

// Catalogus renders catalogus r with the zaaktypen and informatieobjecttypen
// it holds.
func Catalogus(st *data.Store, d *data.Data, r data.Ref) *CatalogusJSON {
	c := d.Catalogussen.Get(r)
	return &CatalogusJSON{
		URL:                      data.RefURL(st, &d.Catalogussen, render.CollCatalogussen, r),
		Domein:                   c.Domein,
		RSIN:                     c.RSIN,
		ContactpersoonBeheerNaam: c.ContactpersoonBeheerNaam,
		Zaaktypen:                urls(st, &d.ZaakTypen, render.CollZaakTypen, zaaktypenByCatalogus(st, d)[r]),
		Besluittypen:             []string{},
		Informatieobjecttypen:    urls(st, &d.InformatieObjectTypen, render.CollInformatieObjectTypen, iotypenByCatalogus(st, d)[r]),
		Naam:                     c.Naam,
	}
}

// InformatieObjectType renders informatieobjecttype r. Its zaaktypen are the
// ones it names and the ones that name it.
func InformatieObjectType(st *data.Store, d *data.Data, r data.Ref) *InformatieObjectTypeJSON {
	t := d.InformatieObjectTypen.Get(r)
	var catalogus string
	if t.Catalogus != data.NoRef {
		catalogus = data.RefURL(st, &d.Catalogussen, render.CollCatalogussen, t.Catalogus)
	}
	begin := render.Date(t.BeginGeldigheid)
	return &InformatieObjectTypeJSON{
		URL:                         data.RefURL(st, &d.InformatieObjectTypen, render.CollInformatieObjectTypen, r),
		Catalogus:                   catalogus,
		Omschrijving:                t.Omschrijving,
		Vertrouwelijkheidaanduiding: t.Vertrouwelijkheid.String(),
		BeginGeldigheid:             begin,
		Besluittypen:                []string{},
		Informatieobjectcategorie:   t.Informatieobjectcategorie,
		Trefwoord:                   []string{},
		Zaaktypen:                   urls(st, &d.ZaakTypen, render.CollZaakTypen, zaaktypenOfIOT(st, d, r)),
		BeginObject:                 begin,
		EindeObject:                 begin,
	}
}

// ZaakTypeInformatieObjectType renders the link at position pos of zaaktype
// zt's informatieobjecttypen.
func ZaakTypeInformatieObjectType(st *data.Store, d *data.Data, zt data.Ref, pos int) *ZaakTypeInformatieObjectTypeJSON {
	z := d.ZaakTypen.Get(zt)
	iot := z.Informatieobjecttypen[pos]
	out := &ZaakTypeInformatieObjectTypeJSON{
		URL:                   st.URL(d.ZaakTypen.InstOf(zt), collZaakTypeInformatieObjectTypen, ziotUUID(d, zt, pos)),
		Zaaktype:              data.RefURL(st, &d.ZaakTypen, render.CollZaakTypen, zt),
		ZaaktypeIdentificatie: z.Identificatie,
		Volgnummer:            pos + 1,
		Richting:              richting(d, iot),
	}
	if iot != data.NoRef {
		out.Informatieobjecttype = data.RefURL(st, &d.InformatieObjectTypen, render.CollInformatieObjectTypen, iot)
	}
	if z.Catalogus != data.NoRef {
		out.Catalogus = data.RefURL(st, &d.Catalogussen, render.CollCatalogussen, z.Catalogus)
	}
	return out
}

// ziotUUID derives the UUID of a zaaktype-informatieobjecttype link from the
// zaaktype's UUID and the position, so it is stable for a dataset.
func ziotUUID(d *data.Data, zt data.Ref, pos int) data.UUID {
	u := d.ZaakTypen.UUIDOf(zt)
	var n uint64
	for _, b := range u[:8] {
		n = n<<8 | uint64(b)
	}
	return data.MakeUUID(d.Seed^n, collZaakTypeInformatieObjectTypen, uint64(pos))
}

// richting tells whether documents of a type go out, come in or stay
// internal, from the words of its omschrijving (outgoing words first: a
// "besluit op aanvraag" is sent).
func richting(d *data.Data, iot data.Ref) string {
	if iot == data.NoRef {
		return "intern"
	}
	t := d.InformatieObjectTypen.Get(iot)
	for _, w := range []string{"besluit", "brief", "beschikking", "bevestiging", "uitnodiging", "vergunning", "uitgaand"} {
		if containsFold(t.Omschrijving, w) {
			return "uitgaand"
		}
	}
	for _, w := range []string{"aanvraag", "bezwaar", "melding", "verzoek", "ontvangen", "inkomend", "bewijs", "formulier"} {
		if containsFold(t.Omschrijving, w) {
			return "inkomend"
		}
	}
	return "intern"
}
