package model

// Bron is the provider an object was read from.
type Bron struct {
	Naam      string
	API       ApiKind `json:"api"`
	Versie    string
	Generatie *Generatie
}

// Source is a configured provider with what happened to it in a request.
type Source struct {
	Name     string
	API      ApiKind `json:"api"`
	Version  string
	BaseURL  string `json:"baseUrl"`
	Ok       bool
	Requests int
	Error    *string
}

// PageInfo is Relay page information.
type PageInfo struct {
	HasNextPage     bool
	HasPreviousPage bool
	StartCursor     *string
	EndCursor       *string
}

// Adres is a postal address.
type Adres struct {
	Straatnaam           string
	Huisnummer           *int
	Huisletter           string
	Huisnummertoevoeging string
	Postcode             string
	Woonplaats           string
	Landcode             string
}

// DigitaalAdres is an e-mail address, telephone number or other.
type DigitaalAdres struct {
	Soort DigitaalAdresSoort
	Adres string
}

// Klant is a customer at a klanten provider (v1 Klant, v2 Partij).
type Klant struct {
	URL                   string
	Bron                  Bron
	Bronorganisatie       string
	Klantnummer           string
	SubjectType           *SubjectType
	Naam                  string
	Voornaam              string
	VoorvoegselAchternaam string
	Achternaam            string
	Bedrijfsnaam          string
	Functie               string
	WebsiteURL            string `json:"websiteUrl"`
	Telefoonnummer        string
	Emailadres            string
	DigitaleAdressen      []*DigitaalAdres
	Adres                 *Adres
	Bsn                   string
	Rsin                  string
	Vestigingsnummer      string
	KvkNummer             string
	Subject               string
	Geboortedatum         *Date
}

// ID is the global id.
func (k *Klant) ID() string { return NewID("Klant", k.URL) }
func (*Klant) IsNode()      {}

// Medewerker is an employee.
type Medewerker struct {
	Identificatie         string
	Achternaam            string
	Voorletters           string
	VoorvoegselAchternaam string
	URL                   string
}

// Contactmoment is one contact (v1 ContactMoment, v2 Klantcontact).
type Contactmoment struct {
	URL              string
	Bron             Bron
	Bronorganisatie  string
	Registratiedatum *DateTime
	Kanaal           string
	Voorkeurskanaal  string
	Voorkeurstaal    string
	Tekst            string
	Initiatiefnemer  *Initiatiefnemer
	Medewerker       *Medewerker
	// v2 only.
	Onderwerp              string
	IndicatieContactGelukt *bool
	Referentienummer       string
	Internetaken           []*InterneTaak

	// Relations, followed by resolvers.
	KlantLinks              []*ContactmomentKlant `json:"-"`
	KlantLinksLoaded        bool                  `json:"-"`
	ObjectLinks             []*ObjectLink         `json:"-"`
	ObjectLinksLoaded       bool                  `json:"-"`
	KlantcontactmomentURLs  []string              `json:"-"`
	ObjectcontactmomentURLs []string              `json:"-"`
	VorigURL                string                `json:"-"`
	VolgendURL              string                `json:"-"`
}

func (c *Contactmoment) ID() string { return NewID("Contactmoment", c.URL) }
func (*Contactmoment) IsNode()      {}

// ContactmomentKlant is a klant in a contactmoment.
type ContactmomentKlant struct {
	URL         string `json:"-"`
	Rol         *KlantRol
	Gelezen     *bool
	Initiator   *bool
	Contactnaam string
	KlantURL    string `json:"klantUrl"`
}

// InterneTaak is a follow-up task (v2).
type InterneTaak struct {
	URL                 string
	Bron                Bron
	Nummer              string
	GevraagdeHandeling  string
	Toelichting         string
	Status              *InterneTaakStatus
	ToegewezenOp        *DateTime
	AfgehandeldOp       *DateTime
	AanleidinggevendURL string `json:"-"`
}

func (t *InterneTaak) ID() string { return NewID("InterneTaak", t.URL) }
func (*InterneTaak) IsNode()      {}

// ObjectLink links a contactmoment or verzoek to an object elsewhere.
type ObjectLink struct {
	ObjectType string
	Object     string
}

// Verzoek is a request by a customer.
type Verzoek struct {
	URL                  string
	Bron                 Bron
	Identificatie        string
	Bronorganisatie      string
	ExterneIdentificatie string
	Registratiedatum     *DateTime
	Voorkeurskanaal      string
	Tekst                string
	Status               *VerzoekStatus
}

func (v *Verzoek) ID() string { return NewID("Verzoek", v.URL) }
func (*Verzoek) IsNode()      {}

// VerzoekKlant is a klant of a verzoek.
type VerzoekKlant struct {
	Rol                 string
	IndicatieMachtiging string
	KlantURL            string `json:"klantUrl"`
}

// Kenmerk identifies a zaak in another system.
type Kenmerk struct {
	Kenmerk string
	Bron    string
}

// Zaak is a case.
type Zaak struct {
	URL                          string
	Bron                         Bron
	UUID                         string
	Identificatie                string
	Bronorganisatie              string
	Omschrijving                 string
	Toelichting                  string
	Registratiedatum             *Date
	Startdatum                   *Date
	Einddatum                    *Date
	EinddatumGepland             *Date
	UiterlijkeEinddatumAfdoening *Date
	Publicatiedatum              *Date
	LaatstGemuteerd              *DateTime
	Vertrouwelijkheidaanduiding  *Vertrouwelijkheidaanduiding
	Kenmerken                    []*Kenmerk

	ZaaktypeURL              string   `json:"-"`
	StatusURL                string   `json:"-"`
	ResultaatURL             string   `json:"-"`
	RolURLs                  []string `json:"-"`
	EigenschapURLs           []string `json:"-"`
	ZaakinformatieobjectURLs []string `json:"-"`
	HoofdzaakURL             string   `json:"-"`
	DeelzaakURLs             []string `json:"-"`
}

func (z *Zaak) ID() string { return NewID("Zaak", z.URL) }
func (*Zaak) IsNode()      {}

// Open reports whether the zaak has no einddatum.
func (z *Zaak) Open() bool { return z.Einddatum == nil }

// Zaaktype is a case type.
type Zaaktype struct {
	URL                         string
	Identificatie               string
	Omschrijving                string
	Doel                        string
	Aanleiding                  string
	Onderwerp                   string
	HandelingInitiator          string
	HandelingBehandelaar        string
	Doorlooptijd                string
	Vertrouwelijkheidaanduiding *Vertrouwelijkheidaanduiding

	StatustypeURLs    []string `json:"-"`
	ResultaattypeURLs []string `json:"-"`
	RoltypeURLs       []string `json:"-"`
}

func (z *Zaaktype) ID() string { return NewID("Zaaktype", z.URL) }
func (*Zaaktype) IsNode()      {}

// Status is a status of a zaak.
type Status struct {
	URL               string
	DatumStatusGezet  *DateTime
	Statustoelichting string
	ZaakURL           string `json:"-"`
	StatustypeURL     string `json:"-"`
}

func (s *Status) ID() string { return NewID("Status", s.URL) }
func (*Status) IsNode()      {}

// Statustype is a step of a zaaktype.
type Statustype struct {
	URL                  string
	Omschrijving         string
	OmschrijvingGeneriek string
	Statustekst          string
	Volgnummer           *int
	IsEindstatus         *bool
}

func (s *Statustype) ID() string { return NewID("Statustype", s.URL) }
func (*Statustype) IsNode()      {}

// Resultaat is the outcome of a zaak.
type Resultaat struct {
	URL              string
	Toelichting      string
	ResultaattypeURL string `json:"-"`
}

func (r *Resultaat) ID() string { return NewID("Resultaat", r.URL) }
func (*Resultaat) IsNode()      {}

// Resultaattype is a possible outcome of a zaaktype.
type Resultaattype struct {
	URL                  string
	Omschrijving         string
	OmschrijvingGeneriek string
	Archiefnominatie     string
}

func (r *Resultaattype) ID() string { return NewID("Resultaattype", r.URL) }
func (*Resultaattype) IsNode()      {}

// BetrokkeneIdentificatie identifies a betrokkene inside a rol.
type BetrokkeneIdentificatie struct {
	Bsn                      string
	Geslachtsnaam            string
	VoorvoegselGeslachtsnaam string
	Voornamen                string
	Rsin                     string
	KvkNummer                string
	Vestigingsnummer         string
	StatutaireNaam           string
	MedewerkerIdentificatie  string
	Achternaam               string
	Voorletters              string
	OrganisatorischeEenheid  string
	Naam                     string
}

// Rol is the part a betrokkene plays in a zaak.
type Rol struct {
	URL                  string
	ZaakURL              string `json:"-"`
	BetrokkeneType       *BetrokkeneType
	Omschrijving         string
	OmschrijvingGeneriek *OmschrijvingGeneriek
	Roltoelichting       string
	Betrokkene           string
	Identificatie        *BetrokkeneIdentificatie
	RoltypeURL           string `json:"-"`
}

func (r *Rol) ID() string { return NewID("Rol", r.URL) }
func (*Rol) IsNode()      {}

// Roltype is a role type of a zaaktype.
type Roltype struct {
	URL                  string
	Omschrijving         string
	OmschrijvingGeneriek *OmschrijvingGeneriek
}

func (r *Roltype) ID() string { return NewID("Roltype", r.URL) }
func (*Roltype) IsNode()      {}

// ZaakEigenschap is a property value of a zaak.
type ZaakEigenschap struct {
	URL    string
	Naam   string
	Waarde string
}

// Document is document metadata.
type Document struct {
	URL                         string
	Identificatie               string
	Bronorganisatie             string
	Titel                       string
	Beschrijving                string
	Creatiedatum                *Date
	Vertrouwelijkheidaanduiding *Vertrouwelijkheidaanduiding
	Auteur                      string
	Status                      string
	Formaat                     string
	Taal                        string
	Versie                      *int
	Bestandsnaam                string
	Bestandsomvang              *int
	Inhoud                      string
	InformatieobjecttypeURL     string `json:"-"`
}

func (d *Document) ID() string { return NewID("Document", d.URL) }
func (*Document) IsNode()      {}

// Informatieobjecttype is a document type.
type Informatieobjecttype struct {
	URL                         string
	Omschrijving                string
	Vertrouwelijkheidaanduiding *Vertrouwelijkheidaanduiding
}

func (i *Informatieobjecttype) ID() string { return NewID("Informatieobjecttype", i.URL) }
func (*Informatieobjecttype) IsNode()      {}

// Klantbeeld is the view of one person or company.
type Klantbeeld struct {
	Bsn              *string
	KvkNummer        *string
	Vestigingsnummer *string
}

// Connections (Relay).

type KlantConnection struct {
	Edges      []*KlantEdge
	PageInfo   *PageInfo
	TotalCount int
}

type KlantEdge struct {
	Cursor string
	Node   *Klant
}

type ZaakConnection struct {
	Edges      []*ZaakEdge
	PageInfo   *PageInfo
	TotalCount int
}

type ZaakEdge struct {
	Cursor string
	Node   *Zaak
}

type ContactmomentConnection struct {
	Edges      []*ContactmomentEdge
	PageInfo   *PageInfo
	TotalCount int
}

type ContactmomentEdge struct {
	Cursor string
	Node   *Contactmoment
}

type VerzoekConnection struct {
	Edges      []*VerzoekEdge
	PageInfo   *PageInfo
	TotalCount int
}

type VerzoekEdge struct {
	Cursor string
	Node   *Verzoek
}
