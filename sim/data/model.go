package data

// The dataset is held compactly: every resource is a struct in a slice of its
// kind, relations to other resources are int32 indexes into those slices (-1 =
// none) and the owning provider instance is a small integer. URLs are rendered
// on output from the owning instance's base URL, the collection path and the
// resource's UUID, so the same dataset serves on any set of ports. Strings that
// repeat (names, street names, texts) share their backing storage.

// Ref is the index of a resource in its kind's slice; NoRef means "none".
type Ref = int32

// NoRef marks an absent relation.
const NoRef Ref = -1

// Date is a calendar date as days since 1970-01-01 (0 = unset is avoided by
// the generator: every stored date is after 1970).
type Date int32

// DateTime is a moment as Unix seconds (UTC).
type DateTime int64

// Vertrouwelijkheid is a vertrouwelijkheidaanduiding, ordered from least to
// most confidential so a client's ceiling can be compared with <=.
type Vertrouwelijkheid uint8

const (
	Openbaar Vertrouwelijkheid = iota
	BeperktOpenbaar
	Intern
	Zaakvertrouwelijk
	Vertrouwelijk
	Confidentieel
	Geheim
	ZeerGeheim
)

// VertrouwelijkheidNames are the spec's enum values, indexed by Vertrouwelijkheid.
var VertrouwelijkheidNames = [...]string{"openbaar", "beperkt_openbaar", "intern", "zaakvertrouwelijk", "vertrouwelijk", "confidentieel", "geheim", "zeer_geheim"}

func (v Vertrouwelijkheid) String() string { return VertrouwelijkheidNames[v] }

// ParseVertrouwelijkheid maps an enum value to its level.
func ParseVertrouwelijkheid(s string) (Vertrouwelijkheid, bool) {
	for i, n := range VertrouwelijkheidNames {
		if n == s {
			return Vertrouwelijkheid(i), true
		}
	}
	return 0, false
}

// Adres is a Dutch address.
type Adres struct {
	Straatnaam           string
	Huisnummer           int32
	Huisletter           string
	Huisnummertoevoeging string
	Postcode             string
	Woonplaats           string
	Landcode             string
}

// ---- Catalogi ----

// Catalogus is a catalogue of zaaktypen in one catalogi instance.
type Catalogus struct {
	UUID                     UUID
	Inst                     uint8
	Domein                   string
	RSIN                     string
	Naam                     string
	ContactpersoonBeheerNaam string
}

// ZaakType is a case type.
type ZaakType struct {
	UUID                    UUID
	Inst                    uint8
	Catalogus               Ref
	Identificatie           string
	Omschrijving            string
	Doel                    string
	Aanleiding              string
	Onderwerp               string
	HandelingInitiator      string
	HandelingBehandelaar    string
	IndicatieInternOfExtern string // intern | extern
	Doorlooptijd            string // ISO 8601 duration, e.g. P8W
	Vertrouwelijkheid       Vertrouwelijkheid
	BeginGeldigheid         Date
	Versiedatum             Date
	Trefwoorden             []string
	ProductenOfDiensten     []string
	Statustypen             []Ref
	Resultaattypen          []Ref
	Roltypen                []Ref
	Eigenschappen           []Ref
	Informatieobjecttypen   []Ref
}

// StatusType is one step of a zaaktype's process.
type StatusType struct {
	UUID                 UUID
	Inst                 uint8
	Zaaktype             Ref
	Omschrijving         string
	OmschrijvingGeneriek string
	Statustekst          string
	Volgnummer           int32
	IsEindstatus         bool
	Informeren           bool
}

// ResultaatType is a possible outcome of a zaaktype.
type ResultaatType struct {
	UUID                      UUID
	Inst                      uint8
	Zaaktype                  Ref
	Omschrijving              string
	ResultaattypeOmschrijving string // URL in the Selectielijst API
	OmschrijvingGeneriek      string
	Selectielijstklasse       string // URL in the Selectielijst API
	Archiefnominatie          string // blijvend_bewaren | vernietigen
	Archiefactietermijn       string // ISO 8601 duration
}

// RolType is a role that a betrokkene can have in a zaak of a zaaktype.
type RolType struct {
	UUID                 UUID
	Inst                 uint8
	Zaaktype             Ref
	Omschrijving         string
	OmschrijvingGeneriek string // adviseur|behandelaar|belanghebbende|beslisser|initiator|klantcontacter|zaakcoordinator|mede_initiator
}

// Eigenschap is a typed property a zaak of a zaaktype may carry.
type Eigenschap struct {
	UUID          UUID
	Inst          uint8
	Zaaktype      Ref
	Naam          string
	Definitie     string
	Formaat       string // tekst | getal | datum | datum_tijd
	Lengte        string
	Kardinaliteit string
}

// InformatieObjectType is a document type.
type InformatieObjectType struct {
	UUID                      UUID
	Inst                      uint8
	Catalogus                 Ref
	Omschrijving              string
	Vertrouwelijkheid         Vertrouwelijkheid
	Informatieobjectcategorie string
	BeginGeldigheid           Date
	Zaaktypen                 []Ref
}

// ---- Zaken ----

// Zaak is a case.
type Zaak struct {
	UUID                         UUID
	Inst                         uint8
	Identificatie                string
	Bronorganisatie              string
	VerantwoordelijkeOrganisatie string
	Omschrijving                 string
	Toelichting                  string
	Zaaktype                     Ref
	Registratiedatum             Date
	Startdatum                   Date
	Einddatum                    Date // 0 = open
	EinddatumGepland             Date
	UiterlijkeEinddatumAfdoening Date
	Publicatiedatum              Date
	LaatstGemuteerd              DateTime
	Vertrouwelijkheid            Vertrouwelijkheid
	Communicatiekanaal           string
	Geometrie                    *Point // nil = none
	Hoofdzaak                    Ref
	Kenmerken                    []Kenmerk
	Archiefnominatie             string
	Archiefstatus                string
	// Derived lists are kept on the zaak for fast rendering.
	Status                 Ref // current status
	Resultaat              Ref
	Rollen                 []Ref
	Eigenschappen          []Ref // ZaakEigenschap
	Zaakinformatieobjecten []Ref
	Deelzaken              []Ref
}

// Point is a WGS84 point (longitude, latitude) as GeoJSON orders them.
type Point struct{ Lon, Lat float64 }

// Kenmerk is an external identification of a zaak.
type Kenmerk struct{ Kenmerk, Bron string }

// Status is a status of a zaak; a zaak has a history of them.
type Status struct {
	UUID              UUID
	Inst              uint8
	Zaak              Ref
	Statustype        Ref
	DatumStatusGezet  DateTime
	Statustoelichting string
}

// Resultaat is the outcome of a closed zaak.
type Resultaat struct {
	UUID          UUID
	Inst          uint8
	Zaak          Ref
	Resultaattype Ref
	Toelichting   string
}

// Betrokkene types of a Rol.
const (
	BetrokkeneNatuurlijkPersoon       = "natuurlijk_persoon"
	BetrokkeneNietNatuurlijkPersoon   = "niet_natuurlijk_persoon"
	BetrokkeneVestiging               = "vestiging"
	BetrokkeneOrganisatorischeEenheid = "organisatorische_eenheid"
	BetrokkeneMedewerker              = "medewerker"
)

// Rol is the part a person, company or employee plays in a zaak.
type Rol struct {
	UUID                UUID
	Inst                uint8
	Zaak                Ref
	Roltype             Ref
	Betrokkene          string // URL in any register ("" = none); klant URLs are rendered from BetrokkeneKlant
	BetrokkeneKlant     Ref    // when the betrokkene is a klant in the klanten provider
	BetrokkeneType      string
	Roltoelichting      string
	IndicatieMachtiging string // "" | gemachtigde | machtiginggever
	Registratiedatum    DateTime
	// betrokkeneIdentificatie, per type
	InpBsn              string
	Geslachtsnaam       string
	Voorvoegsel         string
	Voornamen           string
	Geslachtsaanduiding string // m | v | o
	Geboortedatum       string
	InnNnpId            string // RSIN
	KvkNummer           string
	VestigingsNummer    string
	StatutaireNaam      string
	MedewerkerID        string
	Achternaam          string
	Voorletters         string
	OrgEenheidID        string
	OrgEenheidNaam      string
}

// ZaakEigenschap is the value of an eigenschap on a zaak.
type ZaakEigenschap struct {
	UUID       UUID
	Inst       uint8
	Zaak       Ref
	Eigenschap Ref
	Waarde     string
}

// ZaakInformatieObject links a zaak to a document (mirrored by an
// ObjectInformatieObject in the documenten provider).
type ZaakInformatieObject struct {
	UUID             UUID
	Inst             uint8
	Zaak             Ref
	Informatieobject Ref
	Titel            string
	Beschrijving     string
	Registratiedatum DateTime
}

// ZaakContactMoment links a zaak to a contactmoment (mirrored by an
// ObjectContactMoment in the contactmomenten provider).
type ZaakContactMoment struct {
	UUID          UUID
	Inst          uint8
	Zaak          Ref
	Contactmoment Ref
	Deleted       bool
}

// ZaakVerzoek links a zaak to a verzoek (mirrored by an ObjectVerzoek).
type ZaakVerzoek struct {
	UUID    UUID
	Inst    uint8
	Zaak    Ref
	Verzoek Ref
	Deleted bool
}

// ---- Documenten ----

// EnkelvoudigInformatieObject is a document's metadata.
type EnkelvoudigInformatieObject struct {
	UUID                 UUID
	Inst                 uint8
	Identificatie        string
	Bronorganisatie      string
	Creatiedatum         Date
	Titel                string
	Vertrouwelijkheid    Vertrouwelijkheid
	Auteur               string
	Status               string // in_bewerking|ter_vaststelling|definitief|gearchiveerd
	Formaat              string // MIME type
	Taal                 string // ISO 639-2/B, e.g. dut
	Versie               int32
	BeginRegistratie     DateTime
	Bestandsnaam         string
	Bestandsomvang       int64
	Beschrijving         string
	Informatieobjecttype Ref
	Trefwoorden          []string
}

// ObjectInformatieObject links a document to a zaak or verzoek.
type ObjectInformatieObject struct {
	UUID             UUID
	Inst             uint8
	Informatieobject Ref
	ObjectType       string // zaak | verzoek | besluit
	Object           Ref    // index of the zaak or verzoek
	Deleted          bool
}

// ---- Klanten ----

// Klant subject types.
const (
	SubjectNatuurlijkPersoon     = "natuurlijk_persoon"
	SubjectNietNatuurlijkPersoon = "niet_natuurlijk_persoon"
	SubjectVestiging             = "vestiging"
)

// Klant is a customer record (Klanten API 1.0, Open Klant 1.x).
type Klant struct {
	UUID                  UUID
	Inst                  uint8
	Bronorganisatie       string
	Klantnummer           string
	Bedrijfsnaam          string
	Functie               string
	WebsiteURL            string
	Voornaam              string
	VoorvoegselAchternaam string
	Achternaam            string
	Telefoonnummer        string
	Emailadres            string
	Adres                 Adres
	Subject               string // URL in an external register (BRP/HR), may be ""
	SubjectType           string
	Aanmaakkanaal         string
	Geverifieerd          bool
	// subjectIdentificatie
	InpBsn              string
	AnpIdentificatie    string
	Geslachtsnaam       string
	Voornamen           string
	Geboortedatum       string // YYYY-MM-DD
	Geslachtsaanduiding string
	InnNnpId            string // RSIN
	KvkNummer           string // not in the v1 klant schema; kept for the dataset's cross references
	VestigingsNummer    string
	StatutaireNaam      string
	Handelsnaam         []string
	Deleted             bool
	// Ext holds subjectIdentificatie details only API clients write (the
	// generated dataset leaves them empty); owned by the klanten API package.
	Ext any
}

// ---- Contactmomenten ----

// ContactMoment is one contact between the municipality and a customer.
type ContactMoment struct {
	UUID                  UUID
	Inst                  uint8
	Bronorganisatie       string
	Registratiedatum      DateTime
	Kanaal                string
	Voorkeurskanaal       string
	Voorkeurstaal         string
	Tekst                 string
	OnderwerpLinks        []string
	Initiatiefnemer       string // gemeente | klant
	Medewerker            string // URL, may be ""
	MedewerkerID          string
	MedewerkerAchternaam  string
	MedewerkerVoorletters string
	MedewerkerVoorvoegsel string
	VorigContactmoment    Ref
	VolgendContactmoment  Ref
	Klantcontactmomenten  []Ref
	Objectcontactmomenten []Ref
	Deleted               bool
}

// KlantContactMoment links a klant to a contactmoment.
type KlantContactMoment struct {
	UUID          UUID
	Inst          uint8
	Contactmoment Ref
	Klant         Ref
	Rol           string // belanghebbende | gesprekspartner
	Gelezen       bool
	Deleted       bool
}

// ObjectContactMoment links a contactmoment to a zaak.
type ObjectContactMoment struct {
	UUID          UUID
	Inst          uint8
	Contactmoment Ref
	Object        Ref // zaak index
	ObjectType    string
	Deleted       bool
}

// ---- Verzoeken ----

// Verzoek is a request by a customer.
type Verzoek struct {
	UUID                 UUID
	Inst                 uint8
	Identificatie        string
	Bronorganisatie      string
	ExterneIdentificatie string
	Registratiedatum     DateTime
	Voorkeurskanaal      string
	Tekst                string
	Status               string // ontvangen|in_behandeling|afgehandeld|afgewezen|ingetrokken
	InTeTrekkenVerzoek   Ref
	AangevuldeVerzoek    Ref
	Deleted              bool
}

// KlantVerzoek links a klant to a verzoek.
type KlantVerzoek struct {
	UUID                UUID
	Inst                uint8
	Klant               Ref
	Verzoek             Ref
	Rol                 string
	IndicatieMachtiging string
	Deleted             bool
}

// ObjectVerzoek links a verzoek to a zaak.
type ObjectVerzoek struct {
	UUID       UUID
	Inst       uint8
	Verzoek    Ref
	Object     Ref // zaak index
	ObjectType string
	Deleted    bool
}

// VerzoekContactMoment links a verzoek to a contactmoment.
type VerzoekContactMoment struct {
	UUID          UUID
	Inst          uint8
	Verzoek       Ref
	Contactmoment Ref
	Deleted       bool
}

// VerzoekInformatieObject links a verzoek to a document.
type VerzoekInformatieObject struct {
	UUID             UUID
	Inst             uint8
	Verzoek          Ref
	Informatieobject Ref
	Deleted          bool
}

// VerzoekProduct links a verzoek to a product (by URL or by code).
type VerzoekProduct struct {
	UUID        UUID
	Inst        uint8
	Verzoek     Ref
	Product     string // URL in a products register, may be ""
	ProductCode string
	Deleted     bool
}
