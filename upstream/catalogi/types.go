package catalogi

// Dates are kept as "YYYY-MM-DD" strings, date-times and ISO 8601 durations
// as the provider sends them; nullable strings decode to "".

// ZaakType is a zaaktype (catalogi-1.3.1 ZaakType).
type ZaakType struct {
	URL                             string             `json:"url,omitempty"`
	Identificatie                   string             `json:"identificatie,omitempty"`
	Omschrijving                    string             `json:"omschrijving,omitempty"`
	OmschrijvingGeneriek            string             `json:"omschrijvingGeneriek,omitempty"`
	Vertrouwelijkheidaanduiding     string             `json:"vertrouwelijkheidaanduiding,omitempty"`
	Doel                            string             `json:"doel,omitempty"`
	Aanleiding                      string             `json:"aanleiding,omitempty"`
	Toelichting                     string             `json:"toelichting,omitempty"`
	IndicatieInternOfExtern         string             `json:"indicatieInternOfExtern,omitempty"`
	HandelingInitiator              string             `json:"handelingInitiator,omitempty"`
	Onderwerp                       string             `json:"onderwerp,omitempty"`
	HandelingBehandelaar            string             `json:"handelingBehandelaar,omitempty"`
	Doorlooptijd                    string             `json:"doorlooptijd,omitempty"`
	Servicenorm                     string             `json:"servicenorm,omitempty"`
	OpschortingEnAanhoudingMogelijk bool               `json:"opschortingEnAanhoudingMogelijk"`
	VerlengingMogelijk              bool               `json:"verlengingMogelijk"`
	Verlengingstermijn              string             `json:"verlengingstermijn,omitempty"`
	Trefwoorden                     []string           `json:"trefwoorden,omitempty"`
	PublicatieIndicatie             bool               `json:"publicatieIndicatie"`
	Publicatietekst                 string             `json:"publicatietekst,omitempty"`
	Verantwoordingsrelatie          []string           `json:"verantwoordingsrelatie,omitempty"`
	ProductenOfDiensten             []string           `json:"productenOfDiensten,omitempty"`
	SelectielijstProcestype         string             `json:"selectielijstProcestype,omitempty"`
	Referentieproces                *ReferentieProces  `json:"referentieproces,omitempty"`
	Concept                         bool               `json:"concept"`
	Verantwoordelijke               string             `json:"verantwoordelijke,omitempty"`
	Broncatalogus                   *BronCatalogus     `json:"broncatalogus,omitempty"`
	Bronzaaktype                    *BronZaaktype      `json:"bronzaaktype,omitempty"`
	BeginGeldigheid                 string             `json:"beginGeldigheid,omitempty"`
	EindeGeldigheid                 string             `json:"eindeGeldigheid,omitempty"`
	Versiedatum                     string             `json:"versiedatum,omitempty"`
	BeginObject                     string             `json:"beginObject,omitempty"`
	EindeObject                     string             `json:"eindeObject,omitempty"`
	Catalogus                       string             `json:"catalogus,omitempty"`
	Statustypen                     []string           `json:"statustypen,omitempty"`
	Resultaattypen                  []string           `json:"resultaattypen,omitempty"`
	Eigenschappen                   []string           `json:"eigenschappen,omitempty"`
	Informatieobjecttypen           []string           `json:"informatieobjecttypen,omitempty"`
	Roltypen                        []string           `json:"roltypen,omitempty"`
	Besluittypen                    []string           `json:"besluittypen,omitempty"`
	Deelzaaktypen                   []string           `json:"deelzaaktypen,omitempty"`
	GerelateerdeZaaktypen           []ZaakTypenRelatie `json:"gerelateerdeZaaktypen,omitempty"`
	Zaakobjecttypen                 []string           `json:"zaakobjecttypen,omitempty"`
}

// ReferentieProces is the process a zaaktype derives from.
type ReferentieProces struct {
	Naam string `json:"naam"`
	Link string `json:"link,omitempty"`
}

// BronCatalogus is the catalogus a zaaktype was copied from.
type BronCatalogus struct {
	URL    string `json:"url"`
	Domein string `json:"domein"`
	Rsin   string `json:"rsin"`
}

// BronZaaktype is the zaaktype a zaaktype was copied from.
type BronZaaktype struct {
	URL           string `json:"url"`
	Identificatie string `json:"identificatie"`
	Omschrijving  string `json:"omschrijving"`
}

// ZaakTypenRelatie relates a zaaktype to another.
type ZaakTypenRelatie struct {
	Zaaktype    string `json:"zaaktype"`
	AardRelatie string `json:"aardRelatie"`
	Toelichting string `json:"toelichting,omitempty"`
}

// StatusType is a statustype.
type StatusType struct {
	URL                     string          `json:"url,omitempty"`
	Omschrijving            string          `json:"omschrijving,omitempty"`
	OmschrijvingGeneriek    string          `json:"omschrijvingGeneriek,omitempty"`
	Statustekst             string          `json:"statustekst,omitempty"`
	Zaaktype                string          `json:"zaaktype,omitempty"`
	ZaaktypeIdentificatie   string          `json:"zaaktypeIdentificatie,omitempty"`
	Volgnummer              int             `json:"volgnummer"`
	IsEindstatus            bool            `json:"isEindstatus"`
	Informeren              bool            `json:"informeren"`
	Doorlooptijd            string          `json:"doorlooptijd,omitempty"`
	Toelichting             string          `json:"toelichting,omitempty"`
	ChecklistitemStatustype []CheckListItem `json:"checklistitemStatustype,omitempty"`
	Catalogus               string          `json:"catalogus,omitempty"`
	Eigenschappen           []string        `json:"eigenschappen,omitempty"`
	Zaakobjecttypen         []string        `json:"zaakobjecttypen,omitempty"`
	BeginGeldigheid         string          `json:"beginGeldigheid,omitempty"`
	EindeGeldigheid         string          `json:"eindeGeldigheid,omitempty"`
	BeginObject             string          `json:"beginObject,omitempty"`
	EindeObject             string          `json:"eindeObject,omitempty"`
}

// CheckListItem is one item of a statustype's checklist.
type CheckListItem struct {
	Itemnaam      string `json:"itemnaam"`
	Toelichting   string `json:"toelichting,omitempty"`
	Vraagstelling string `json:"vraagstelling"`
	Verplicht     bool   `json:"verplicht"`
}

// ResultaatType is a resultaattype.
type ResultaatType struct {
	URL                              string                     `json:"url,omitempty"`
	Zaaktype                         string                     `json:"zaaktype,omitempty"`
	ZaaktypeIdentificatie            string                     `json:"zaaktypeIdentificatie,omitempty"`
	Omschrijving                     string                     `json:"omschrijving,omitempty"`
	Resultaattypeomschrijving        string                     `json:"resultaattypeomschrijving,omitempty"`
	OmschrijvingGeneriek             string                     `json:"omschrijvingGeneriek,omitempty"`
	Selectielijstklasse              string                     `json:"selectielijstklasse,omitempty"`
	Toelichting                      string                     `json:"toelichting,omitempty"`
	Archiefnominatie                 string                     `json:"archiefnominatie,omitempty"`
	Archiefactietermijn              string                     `json:"archiefactietermijn,omitempty"`
	BrondatumArchiefprocedure        *BrondatumArchiefprocedure `json:"brondatumArchiefprocedure,omitempty"`
	Procesobjectaard                 string                     `json:"procesobjectaard,omitempty"`
	IndicatieSpecifiek               *bool                      `json:"indicatieSpecifiek,omitempty"`
	Procestermijn                    string                     `json:"procestermijn,omitempty"`
	Catalogus                        string                     `json:"catalogus,omitempty"`
	Besluittypen                     []string                   `json:"besluittypen,omitempty"`
	BesluittypeOmschrijving          []string                   `json:"besluittypeOmschrijving,omitempty"`
	Informatieobjecttypen            []string                   `json:"informatieobjecttypen,omitempty"`
	InformatieobjecttypeOmschrijving []string                   `json:"informatieobjecttypeOmschrijving,omitempty"`
	BeginGeldigheid                  string                     `json:"beginGeldigheid,omitempty"`
	EindeGeldigheid                  string                     `json:"eindeGeldigheid,omitempty"`
	BeginObject                      string                     `json:"beginObject,omitempty"`
	EindeObject                      string                     `json:"eindeObject,omitempty"`
}

// BrondatumArchiefprocedure tells how the archive date is derived.
type BrondatumArchiefprocedure struct {
	Afleidingswijze string `json:"afleidingswijze"`
	Datumkenmerk    string `json:"datumkenmerk,omitempty"`
	EinddatumBekend bool   `json:"einddatumBekend"`
	Objecttype      string `json:"objecttype,omitempty"`
	Registratie     string `json:"registratie,omitempty"`
	Procestermijn   string `json:"procestermijn,omitempty"`
}

// RolType is a roltype.
type RolType struct {
	URL                   string `json:"url,omitempty"`
	Zaaktype              string `json:"zaaktype,omitempty"`
	ZaaktypeIdentificatie string `json:"zaaktypeIdentificatie,omitempty"`
	Omschrijving          string `json:"omschrijving,omitempty"`
	OmschrijvingGeneriek  string `json:"omschrijvingGeneriek,omitempty"`
	Catalogus             string `json:"catalogus,omitempty"`
	BeginGeldigheid       string `json:"beginGeldigheid,omitempty"`
	EindeGeldigheid       string `json:"eindeGeldigheid,omitempty"`
	BeginObject           string `json:"beginObject,omitempty"`
	EindeObject           string `json:"eindeObject,omitempty"`
}

// Eigenschap is a property a zaak of a zaaktype can have.
type Eigenschap struct {
	URL                   string                 `json:"url,omitempty"`
	Naam                  string                 `json:"naam,omitempty"`
	Definitie             string                 `json:"definitie,omitempty"`
	Specificatie          EigenschapSpecificatie `json:"specificatie"`
	Toelichting           string                 `json:"toelichting,omitempty"`
	Zaaktype              string                 `json:"zaaktype,omitempty"`
	ZaaktypeIdentificatie string                 `json:"zaaktypeIdentificatie,omitempty"`
	Catalogus             string                 `json:"catalogus,omitempty"`
	Statustype            string                 `json:"statustype,omitempty"`
	BeginGeldigheid       string                 `json:"beginGeldigheid,omitempty"`
	EindeGeldigheid       string                 `json:"eindeGeldigheid,omitempty"`
	BeginObject           string                 `json:"beginObject,omitempty"`
	EindeObject           string                 `json:"eindeObject,omitempty"`
}

// EigenschapSpecificatie describes the values of an eigenschap.
type EigenschapSpecificatie struct {
	Groep              string   `json:"groep,omitempty"`
	Formaat            string   `json:"formaat"`
	Lengte             string   `json:"lengte"`
	Kardinaliteit      string   `json:"kardinaliteit"`
	Waardenverzameling []string `json:"waardenverzameling,omitempty"`
}

// InformatieObjectType is an informatieobjecttype.
type InformatieObjectType struct {
	URL                         string                `json:"url,omitempty"`
	Catalogus                   string                `json:"catalogus,omitempty"`
	Omschrijving                string                `json:"omschrijving,omitempty"`
	Vertrouwelijkheidaanduiding string                `json:"vertrouwelijkheidaanduiding,omitempty"`
	BeginGeldigheid             string                `json:"beginGeldigheid,omitempty"`
	EindeGeldigheid             string                `json:"eindeGeldigheid,omitempty"`
	Concept                     bool                  `json:"concept"`
	Besluittypen                []string              `json:"besluittypen,omitempty"`
	Informatieobjectcategorie   string                `json:"informatieobjectcategorie,omitempty"`
	Trefwoord                   []string              `json:"trefwoord,omitempty"`
	OmschrijvingGeneriek        *OmschrijvingGeneriek `json:"omschrijvingGeneriek,omitempty"`
	Zaaktypen                   []string              `json:"zaaktypen,omitempty"`
	BeginObject                 string                `json:"beginObject,omitempty"`
	EindeObject                 string                `json:"eindeObject,omitempty"`
}

// OmschrijvingGeneriek is the generic description of an
// informatieobjecttype.
type OmschrijvingGeneriek struct {
	InformatieobjecttypeOmschrijvingGeneriek           string `json:"informatieobjecttypeOmschrijvingGeneriek"`
	DefinitieInformatieobjecttypeOmschrijvingGeneriek  string `json:"definitieInformatieobjecttypeOmschrijvingGeneriek"`
	HerkomstInformatieobjecttypeOmschrijvingGeneriek   string `json:"herkomstInformatieobjecttypeOmschrijvingGeneriek"`
	HierarchieInformatieobjecttypeOmschrijvingGeneriek string `json:"hierarchieInformatieobjecttypeOmschrijvingGeneriek"`
	OpmerkingInformatieobjecttypeOmschrijvingGeneriek  string `json:"opmerkingInformatieobjecttypeOmschrijvingGeneriek,omitempty"`
}

// Catalogus is a catalogus.
type Catalogus struct {
	URL                                string   `json:"url,omitempty"`
	Domein                             string   `json:"domein,omitempty"`
	Rsin                               string   `json:"rsin,omitempty"`
	ContactpersoonBeheerNaam           string   `json:"contactpersoonBeheerNaam,omitempty"`
	ContactpersoonBeheerTelefoonnummer string   `json:"contactpersoonBeheerTelefoonnummer,omitempty"`
	ContactpersoonBeheerEmailadres     string   `json:"contactpersoonBeheerEmailadres,omitempty"`
	Zaaktypen                          []string `json:"zaaktypen,omitempty"`
	Besluittypen                       []string `json:"besluittypen,omitempty"`
	Informatieobjecttypen              []string `json:"informatieobjecttypen,omitempty"`
	Naam                               string   `json:"naam,omitempty"`
	Versie                             string   `json:"versie,omitempty"`
	BegindatumVersie                   string   `json:"begindatumVersie,omitempty"`
}
