package render

import (
	"github.com/klantgraaf/klantgraaf/sim/data"
)

// The Catalogi API 1.3.1 representations (catalogi-1.3.1.yaml) of the
// objects the dataset holds. Every property of the schema is present; the
// ones the dataset does not model carry the empty values the provider shows
// for a type that does not use them. The ZaakType's broncatalogus and
// bronzaaktype (not required; only set on imported types) are left out.

// Collections of the Catalogi API.
const (
	CollZaakTypen             = "zaaktypen"
	CollStatusTypen           = "statustypen"
	CollResultaatTypen        = "resultaattypen"
	CollRolTypen              = "roltypen"
	CollEigenschappen         = "eigenschappen"
	CollInformatieObjectTypen = "informatieobjecttypen"
	CollCatalogussen          = "catalogussen"
)

// ReferentieProces is the ZaakType's referentieproces group.
type ReferentieProces struct {
	Naam string `json:"naam"`
	Link string `json:"link"`
}

// ZaakTypenRelatie is one entry of ZaakType.gerelateerdeZaaktypen.
type ZaakTypenRelatie struct {
	Zaaktype    string `json:"zaaktype"`
	AardRelatie string `json:"aardRelatie"`
	Toelichting string `json:"toelichting"`
}

// ZaakTypeJSON is the ZaakType schema.
type ZaakTypeJSON struct {
	URL                             string             `json:"url"`
	Identificatie                   string             `json:"identificatie"`
	Omschrijving                    string             `json:"omschrijving"`
	OmschrijvingGeneriek            string             `json:"omschrijvingGeneriek"`
	Vertrouwelijkheidaanduiding     string             `json:"vertrouwelijkheidaanduiding"`
	Doel                            string             `json:"doel"`
	Aanleiding                      string             `json:"aanleiding"`
	Toelichting                     string             `json:"toelichting"`
	IndicatieInternOfExtern         string             `json:"indicatieInternOfExtern"`
	HandelingInitiator              string             `json:"handelingInitiator"`
	Onderwerp                       string             `json:"onderwerp"`
	HandelingBehandelaar            string             `json:"handelingBehandelaar"`
	Doorlooptijd                    string             `json:"doorlooptijd"`
	Servicenorm                     *string            `json:"servicenorm"`
	OpschortingEnAanhoudingMogelijk bool               `json:"opschortingEnAanhoudingMogelijk"`
	VerlengingMogelijk              bool               `json:"verlengingMogelijk"`
	Verlengingstermijn              *string            `json:"verlengingstermijn"`
	Trefwoorden                     []string           `json:"trefwoorden"`
	PublicatieIndicatie             bool               `json:"publicatieIndicatie"`
	Publicatietekst                 string             `json:"publicatietekst"`
	Verantwoordingsrelatie          []string           `json:"verantwoordingsrelatie"`
	ProductenOfDiensten             []string           `json:"productenOfDiensten"`
	SelectielijstProcestype         string             `json:"selectielijstProcestype"`
	Referentieproces                ReferentieProces   `json:"referentieproces"`
	Concept                         bool               `json:"concept"`
	Verantwoordelijke               string             `json:"verantwoordelijke"`
	BeginGeldigheid                 string             `json:"beginGeldigheid"`
	EindeGeldigheid                 *string            `json:"eindeGeldigheid"`
	Versiedatum                     string             `json:"versiedatum"`
	BeginObject                     string             `json:"beginObject"`
	EindeObject                     string             `json:"eindeObject"`
	Catalogus                       string             `json:"catalogus"`
	Statustypen                     []string           `json:"statustypen"`
	Resultaattypen                  []string           `json:"resultaattypen"`
	Eigenschappen                   []string           `json:"eigenschappen"`
	Informatieobjecttypen           []string           `json:"informatieobjecttypen"`
	Roltypen                        []string           `json:"roltypen"`
	Besluittypen                    []string           `json:"besluittypen"`
	Deelzaaktypen                   []string           `json:"deelzaaktypen"`
	GerelateerdeZaaktypen           []ZaakTypenRelatie `json:"gerelateerdeZaaktypen"`
	Zaakobjecttypen                 []string           `json:"zaakobjecttypen"`
}

// StatusTypeJSON is the StatusType schema.
type StatusTypeJSON struct {
	URL                     string          `json:"url"`
	Omschrijving            string          `json:"omschrijving"`
	OmschrijvingGeneriek    string          `json:"omschrijvingGeneriek"`
	Statustekst             string          `json:"statustekst"`
	Zaaktype                string          `json:"zaaktype"`
	ZaaktypeIdentificatie   string          `json:"zaaktypeIdentificatie"`
	Volgnummer              int32           `json:"volgnummer"`
	IsEindstatus            bool            `json:"isEindstatus"`
	Informeren              bool            `json:"informeren"`
	Doorlooptijd            *string         `json:"doorlooptijd"`
	Toelichting             *string         `json:"toelichting"`
	ChecklistitemStatustype []CheckListItem `json:"checklistitemStatustype"`
	Catalogus               string          `json:"catalogus"`
	Eigenschappen           []string        `json:"eigenschappen"`
	Zaakobjecttypen         []string        `json:"zaakobjecttypen"`
	BeginGeldigheid         *string         `json:"beginGeldigheid"`
	EindeGeldigheid         *string         `json:"eindeGeldigheid"`
	BeginObject             string          `json:"beginObject"`
	EindeObject             string          `json:"eindeObject"`
}

// CheckListItem is one entry of StatusType.checklistitemStatustype.
type CheckListItem struct {
	Itemnaam      string `json:"itemnaam"`
	Toelichting   string `json:"toelichting"`
	Vraagstelling string `json:"vraagstelling"`
	Verplicht     bool   `json:"verplicht"`
}

// BrondatumArchiefprocedure is the ResultaatType group of that name.
type BrondatumArchiefprocedure struct {
	Afleidingswijze string  `json:"afleidingswijze"`
	Datumkenmerk    string  `json:"datumkenmerk"`
	EinddatumBekend bool    `json:"einddatumBekend"`
	Objecttype      string  `json:"objecttype"`
	Registratie     string  `json:"registratie"`
	Procestermijn   *string `json:"procestermijn"`
}

// ResultaatTypeJSON is the ResultaatType schema.
type ResultaatTypeJSON struct {
	URL                              string                     `json:"url"`
	Zaaktype                         string                     `json:"zaaktype"`
	ZaaktypeIdentificatie            string                     `json:"zaaktypeIdentificatie"`
	Omschrijving                     string                     `json:"omschrijving"`
	Resultaattypeomschrijving        string                     `json:"resultaattypeomschrijving"`
	OmschrijvingGeneriek             string                     `json:"omschrijvingGeneriek"`
	Selectielijstklasse              string                     `json:"selectielijstklasse"`
	Toelichting                      string                     `json:"toelichting"`
	Archiefnominatie                 string                     `json:"archiefnominatie"`
	Archiefactietermijn              *string                    `json:"archiefactietermijn"`
	BrondatumArchiefprocedure        *BrondatumArchiefprocedure `json:"brondatumArchiefprocedure"`
	Procesobjectaard                 string                     `json:"procesobjectaard"`
	IndicatieSpecifiek               *bool                      `json:"indicatieSpecifiek"`
	Procestermijn                    *string                    `json:"procestermijn"`
	Catalogus                        string                     `json:"catalogus"`
	Besluittypen                     []string                   `json:"besluittypen"`
	BesluittypeOmschrijving          []string                   `json:"besluittypeOmschrijving"`
	Informatieobjecttypen            []string                   `json:"informatieobjecttypen"`
	InformatieobjecttypeOmschrijving []string                   `json:"informatieobjecttypeOmschrijving"`
	BeginGeldigheid                  *string                    `json:"beginGeldigheid"`
	EindeGeldigheid                  *string                    `json:"eindeGeldigheid"`
	BeginObject                      string                     `json:"beginObject"`
	EindeObject                      string                     `json:"eindeObject"`
}

// RolTypeJSON is the RolType schema.
type RolTypeJSON struct {
	URL                   string  `json:"url"`
	Zaaktype              string  `json:"zaaktype"`
	ZaaktypeIdentificatie string  `json:"zaaktypeIdentificatie"`
	Omschrijving          string  `json:"omschrijving"`
	OmschrijvingGeneriek  string  `json:"omschrijvingGeneriek"`
	Catalogus             string  `json:"catalogus"`
	BeginGeldigheid       *string `json:"beginGeldigheid"`
	EindeGeldigheid       *string `json:"eindeGeldigheid"`
	BeginObject           string  `json:"beginObject"`
	EindeObject           string  `json:"eindeObject"`
}

// EigenschapSpecificatie is the Eigenschap's specificatie group.
type EigenschapSpecificatie struct {
	Groep              string   `json:"groep"`
	Formaat            string   `json:"formaat"`
	Lengte             string   `json:"lengte"`
	Kardinaliteit      string   `json:"kardinaliteit"`
	Waardenverzameling []string `json:"waardenverzameling"`
}

// EigenschapJSON is the Eigenschap schema.
type EigenschapJSON struct {
	URL                   string                 `json:"url"`
	Naam                  string                 `json:"naam"`
	Definitie             string                 `json:"definitie"`
	Specificatie          EigenschapSpecificatie `json:"specificatie"`
	Toelichting           string                 `json:"toelichting"`
	Zaaktype              string                 `json:"zaaktype"`
	ZaaktypeIdentificatie string                 `json:"zaaktypeIdentificatie"`
	Catalogus             string                 `json:"catalogus"`
	Statustype            *string                `json:"statustype"`
	BeginGeldigheid       *string                `json:"beginGeldigheid"`
	EindeGeldigheid       *string                `json:"eindeGeldigheid"`
	BeginObject           string                 `json:"beginObject"`
	EindeObject           string                 `json:"eindeObject"`
}

// refURLs renders the URLs of rows of t in collection.
func refURLs[T any](st *data.Store, t *data.Table[T], collection string, refs []data.Ref) []string {
	out := make([]string, 0, len(refs))
	for _, r := range refs {
		if r == data.NoRef {
			continue
		}
		out = append(out, data.RefURL(st, t, collection, r))
	}
	return out
}

// zaaktypeContext is what the sub-types of a zaaktype repeat of it.
type zaaktypeContext struct {
	url, identificatie, catalogus string
	begin                         data.Date
	versie                        data.Date
}

func zaaktypeCtx(st *data.Store, d *data.Data, zt data.Ref) zaaktypeContext {
	if zt == data.NoRef {
		return zaaktypeContext{}
	}
	z := d.ZaakTypen.Get(zt)
	c := zaaktypeContext{
		url:           data.RefURL(st, &d.ZaakTypen, CollZaakTypen, zt),
		identificatie: z.Identificatie,
		begin:         z.BeginGeldigheid,
		versie:        z.Versiedatum,
	}
	if z.Catalogus != data.NoRef {
		c.catalogus = data.RefURL(st, &d.Catalogussen, CollCatalogussen, z.Catalogus)
	}
	if c.versie == 0 {
		c.versie = c.begin
	}
	return c
}

// objectDates are beginObject and eindeObject: the dates of the first and
// of the latest version of the type (the dataset keeps one version).
func (c zaaktypeContext) objectDates() (string, string) {
	return Date(c.begin), Date(c.versie)
}

// ZaakType renders zaaktype r.
func ZaakType(st *data.Store, d *data.Data, r data.Ref) *ZaakTypeJSON {
	z := d.ZaakTypen.Get(r)
	c := zaaktypeCtx(st, d, r)
	begin, einde := c.objectDates()
	return &ZaakTypeJSON{
		URL:                         c.url,
		Identificatie:               z.Identificatie,
		Omschrijving:                z.Omschrijving,
		OmschrijvingGeneriek:        "",
		Vertrouwelijkheidaanduiding: z.Vertrouwelijkheid.String(),
		Doel:                        z.Doel,
		Aanleiding:                  z.Aanleiding,
		Toelichting:                 "",
		IndicatieInternOfExtern:     orDefault(z.IndicatieInternOfExtern, "extern"),
		HandelingInitiator:          z.HandelingInitiator,
		Onderwerp:                   z.Onderwerp,
		HandelingBehandelaar:        z.HandelingBehandelaar,
		Doorlooptijd:                orDefault(z.Doorlooptijd, "P8W"),
		Trefwoorden:                 strs(z.Trefwoorden),
		Verantwoordingsrelatie:      []string{},
		ProductenOfDiensten:         strs(z.ProductenOfDiensten),
		Referentieproces:            ReferentieProces{Naam: z.Omschrijving},
		BeginGeldigheid:             Date(z.BeginGeldigheid),
		Versiedatum:                 Date(c.versie),
		BeginObject:                 begin,
		EindeObject:                 einde,
		Catalogus:                   c.catalogus,
		Statustypen:                 refURLs(st, &d.StatusTypen, CollStatusTypen, z.Statustypen),
		Resultaattypen:              refURLs(st, &d.ResultaatTypen, CollResultaatTypen, z.Resultaattypen),
		Eigenschappen:               refURLs(st, &d.Eigenschappen, CollEigenschappen, z.Eigenschappen),
		Informatieobjecttypen:       refURLs(st, &d.InformatieObjectTypen, CollInformatieObjectTypen, z.Informatieobjecttypen),
		Roltypen:                    refURLs(st, &d.RolTypen, CollRolTypen, z.Roltypen),
		Besluittypen:                []string{},
		Deelzaaktypen:               []string{},
		GerelateerdeZaaktypen:       []ZaakTypenRelatie{},
		Zaakobjecttypen:             []string{},
	}
}

// StatusType renders statustype r.
func StatusType(st *data.Store, d *data.Data, r data.Ref) *StatusTypeJSON {
	s := d.StatusTypen.Get(r)
	c := zaaktypeCtx(st, d, s.Zaaktype)
	begin, einde := c.objectDates()
	return &StatusTypeJSON{
		URL:                     data.RefURL(st, &d.StatusTypen, CollStatusTypen, r),
		Omschrijving:            s.Omschrijving,
		OmschrijvingGeneriek:    s.OmschrijvingGeneriek,
		Statustekst:             s.Statustekst,
		Zaaktype:                c.url,
		ZaaktypeIdentificatie:   c.identificatie,
		Volgnummer:              max(s.Volgnummer, 1),
		IsEindstatus:            s.IsEindstatus,
		Informeren:              s.Informeren,
		ChecklistitemStatustype: []CheckListItem{},
		Catalogus:               c.catalogus,
		Eigenschappen:           []string{},
		Zaakobjecttypen:         []string{},
		BeginGeldigheid:         NullDate(c.begin),
		BeginObject:             begin,
		EindeObject:             einde,
	}
}

// ResultaatType renders resultaattype r.
func ResultaatType(st *data.Store, d *data.Data, r data.Ref) *ResultaatTypeJSON {
	rt := d.ResultaatTypen.Get(r)
	c := zaaktypeCtx(st, d, rt.Zaaktype)
	begin, einde := c.objectDates()
	var termijn *string
	if rt.Archiefactietermijn != "" {
		t := rt.Archiefactietermijn
		termijn = &t
	}
	return &ResultaatTypeJSON{
		URL:                              data.RefURL(st, &d.ResultaatTypen, CollResultaatTypen, r),
		Zaaktype:                         c.url,
		ZaaktypeIdentificatie:            c.identificatie,
		Omschrijving:                     rt.Omschrijving,
		Resultaattypeomschrijving:        rt.ResultaattypeOmschrijving,
		OmschrijvingGeneriek:             rt.OmschrijvingGeneriek,
		Selectielijstklasse:              rt.Selectielijstklasse,
		Archiefnominatie:                 rt.Archiefnominatie,
		Archiefactietermijn:              termijn,
		BrondatumArchiefprocedure:        &BrondatumArchiefprocedure{Afleidingswijze: "afgehandeld"},
		Catalogus:                        c.catalogus,
		Besluittypen:                     []string{},
		BesluittypeOmschrijving:          []string{},
		Informatieobjecttypen:            []string{},
		InformatieobjecttypeOmschrijving: []string{},
		BeginGeldigheid:                  NullDate(c.begin),
		BeginObject:                      begin,
		EindeObject:                      einde,
	}
}

// RolType renders roltype r.
func RolType(st *data.Store, d *data.Data, r data.Ref) *RolTypeJSON {
	rt := d.RolTypen.Get(r)
	c := zaaktypeCtx(st, d, rt.Zaaktype)
	begin, einde := c.objectDates()
	return &RolTypeJSON{
		URL:                   data.RefURL(st, &d.RolTypen, CollRolTypen, r),
		Zaaktype:              c.url,
		ZaaktypeIdentificatie: c.identificatie,
		Omschrijving:          rt.Omschrijving,
		OmschrijvingGeneriek:  rt.OmschrijvingGeneriek,
		Catalogus:             c.catalogus,
		BeginGeldigheid:       NullDate(c.begin),
		BeginObject:           begin,
		EindeObject:           einde,
	}
}

// Eigenschap renders eigenschap r.
func Eigenschap(st *data.Store, d *data.Data, r data.Ref) *EigenschapJSON {
	e := d.Eigenschappen.Get(r)
	c := zaaktypeCtx(st, d, e.Zaaktype)
	begin, einde := c.objectDates()
	return &EigenschapJSON{
		URL:       data.RefURL(st, &d.Eigenschappen, CollEigenschappen, r),
		Naam:      e.Naam,
		Definitie: e.Definitie,
		Specificatie: EigenschapSpecificatie{
			Formaat:            orDefault(e.Formaat, "tekst"),
			Lengte:             e.Lengte,
			Kardinaliteit:      orDefault(e.Kardinaliteit, "1"),
			Waardenverzameling: []string{},
		},
		Zaaktype:              c.url,
		ZaaktypeIdentificatie: c.identificatie,
		Catalogus:             c.catalogus,
		BeginGeldigheid:       NullDate(c.begin),
		BeginObject:           begin,
		EindeObject:           einde,
	}
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
