package zaken

import (
	"encoding/json"

	"github.com/klantgraaf/klantgraaf/upstream/catalogi"
)

// Dates are kept as "YYYY-MM-DD" strings and date-times as the provider
// sends them; nullable strings and URLs decode to "".

// Zaak is a zaak (zaken-1.5.1 ExpandZaak: Zaak plus the optional _expand).
type Zaak struct {
	URL                          string   `json:"url,omitempty"`
	UUID                         string   `json:"uuid,omitempty"`
	Identificatie                string   `json:"identificatie,omitempty"`
	Bronorganisatie              string   `json:"bronorganisatie,omitempty"`
	Omschrijving                 string   `json:"omschrijving,omitempty"`
	Toelichting                  string   `json:"toelichting,omitempty"`
	Zaaktype                     string   `json:"zaaktype,omitempty"`
	Registratiedatum             string   `json:"registratiedatum,omitempty"`
	VerantwoordelijkeOrganisatie string   `json:"verantwoordelijkeOrganisatie,omitempty"`
	Startdatum                   string   `json:"startdatum,omitempty"`
	Einddatum                    string   `json:"einddatum,omitempty"`
	EinddatumGepland             string   `json:"einddatumGepland,omitempty"`
	UiterlijkeEinddatumAfdoening string   `json:"uiterlijkeEinddatumAfdoening,omitempty"`
	Publicatiedatum              string   `json:"publicatiedatum,omitempty"`
	LaatstGemuteerd              string   `json:"laatstGemuteerd,omitempty"`
	LaatstGeopend                string   `json:"laatstGeopend,omitempty"`
	Communicatiekanaal           string   `json:"communicatiekanaal,omitempty"`
	CommunicatiekanaalNaam       string   `json:"communicatiekanaalNaam,omitempty"`
	ProductenOfDiensten          []string `json:"productenOfDiensten,omitempty"`
	Vertrouwelijkheidaanduiding  string   `json:"vertrouwelijkheidaanduiding,omitempty"`
	Betalingsindicatie           string   `json:"betalingsindicatie,omitempty"`
	BetalingsindicatieWeergave   string   `json:"betalingsindicatieWeergave,omitempty"`
	LaatsteBetaaldatum           string   `json:"laatsteBetaaldatum,omitempty"`
	// Zaakgeometrie is GeoJSON (EPSG:4326), kept raw: nil when absent, the
	// literal null when the zaak has none.
	Zaakgeometrie              json.RawMessage    `json:"zaakgeometrie,omitempty"`
	Verlenging                 *Verlenging        `json:"verlenging,omitempty"`
	Opschorting                *Opschorting       `json:"opschorting,omitempty"`
	Selectielijstklasse        string             `json:"selectielijstklasse,omitempty"`
	Hoofdzaak                  string             `json:"hoofdzaak,omitempty"`
	Deelzaken                  []string           `json:"deelzaken,omitempty"`
	RelevanteAndereZaken       []RelevanteZaak    `json:"relevanteAndereZaken,omitempty"`
	GerelateerdeZaken          []GerelateerdeZaak `json:"gerelateerdeZaken,omitempty"`
	Eigenschappen              []string           `json:"eigenschappen,omitempty"`
	Rollen                     []string           `json:"rollen,omitempty"`
	Status                     string             `json:"status,omitempty"`
	Zaakinformatieobjecten     []string           `json:"zaakinformatieobjecten,omitempty"`
	Zaakobjecten               []string           `json:"zaakobjecten,omitempty"`
	Kenmerken                  []ZaakKenmerk      `json:"kenmerken,omitempty"`
	Archiefnominatie           string             `json:"archiefnominatie,omitempty"`
	Archiefstatus              string             `json:"archiefstatus,omitempty"`
	Archiefactiedatum          string             `json:"archiefactiedatum,omitempty"`
	Resultaat                  string             `json:"resultaat,omitempty"`
	OpdrachtgevendeOrganisatie string             `json:"opdrachtgevendeOrganisatie,omitempty"`
	Processobjectaard          string             `json:"processobjectaard,omitempty"`
	StartdatumBewaartermijn    string             `json:"startdatumBewaartermijn,omitempty"`
	Processobject              *Processobject     `json:"processobject,omitempty"`

	// Expand holds the resources asked for with expand; nil without.
	Expand *ZaakExpand `json:"_expand,omitempty"`
}

// ZaakExpand is the _expand object of a zaak. Nested expansions (such as
// status.statustype) sit in the _expand of the embedded object.
type ZaakExpand struct {
	Zaaktype               *catalogi.ZaakType     `json:"zaaktype,omitempty"`
	Status                 *Status                `json:"status,omitempty"`
	Resultaat              *Resultaat             `json:"resultaat,omitempty"`
	Rollen                 []Rol                  `json:"rollen,omitempty"`
	Eigenschappen          []ZaakEigenschap       `json:"eigenschappen,omitempty"`
	Zaakinformatieobjecten []ZaakInformatieObject `json:"zaakinformatieobjecten,omitempty"`
	Zaakobjecten           []ZaakObject           `json:"zaakobjecten,omitempty"`
	Hoofdzaak              *Zaak                  `json:"hoofdzaak,omitempty"`
	Deelzaken              []Zaak                 `json:"deelzaken,omitempty"`
}

// Verlenging is the extension of a zaak's term.
type Verlenging struct {
	Reden string `json:"reden"`
	Duur  string `json:"duur"`
}

// Opschorting is the suspension of a zaak.
type Opschorting struct {
	Indicatie          bool   `json:"indicatie"`
	EerdereOpschorting bool   `json:"eerdereOpschorting,omitempty"`
	Reden              string `json:"reden"`
}

// RelevanteZaak is a related zaak with the nature of the relation.
type RelevanteZaak struct {
	URL            string `json:"url"`
	AardRelatie    string `json:"aardRelatie"`
	OverigeRelatie string `json:"overigeRelatie,omitempty"`
	Toelichting    string `json:"toelichting,omitempty"`
}

// GerelateerdeZaak is a related zaak.
type GerelateerdeZaak struct {
	URL string `json:"url"`
}

// ZaakKenmerk is an identifying mark of a zaak in another system.
type ZaakKenmerk struct {
	Kenmerk string `json:"kenmerk"`
	Bron    string `json:"bron"`
}

// Processobject identifies the object the archive term is derived from.
type Processobject struct {
	Datumkenmerk  string `json:"datumkenmerk"`
	Identificatie string `json:"identificatie"`
	Objecttype    string `json:"objecttype"`
	Registratie   string `json:"registratie"`
}

// Betrokkene types of a Rol.
const (
	BetrokkeneNatuurlijkPersoon       = "natuurlijk_persoon"
	BetrokkeneNietNatuurlijkPersoon   = "niet_natuurlijk_persoon"
	BetrokkeneVestiging               = "vestiging"
	BetrokkeneOrganisatorischeEenheid = "organisatorische_eenheid"
	BetrokkeneMedewerker              = "medewerker"
)

// Rol is a rol of a party in a zaak.
type Rol struct {
	URL                      string             `json:"url,omitempty"`
	UUID                     string             `json:"uuid,omitempty"`
	Zaak                     string             `json:"zaak,omitempty"`
	Betrokkene               string             `json:"betrokkene,omitempty"`
	BetrokkeneType           string             `json:"betrokkeneType,omitempty"`
	AfwijkendeNaamBetrokkene string             `json:"afwijkendeNaamBetrokkene,omitempty"`
	Roltype                  string             `json:"roltype,omitempty"`
	Omschrijving             string             `json:"omschrijving,omitempty"`
	OmschrijvingGeneriek     string             `json:"omschrijvingGeneriek,omitempty"`
	Roltoelichting           string             `json:"roltoelichting,omitempty"`
	Registratiedatum         string             `json:"registratiedatum,omitempty"`
	IndicatieMachtiging      string             `json:"indicatieMachtiging,omitempty"`
	ContactpersoonRol        *ContactpersoonRol `json:"contactpersoonRol,omitempty"`
	Statussen                []string           `json:"statussen,omitempty"`
	BeginGeldigheid          string             `json:"beginGeldigheid,omitempty"`
	EindeGeldigheid          string             `json:"eindeGeldigheid,omitempty"`
	// BetrokkeneIdentificatie holds the inline identification; which of its
	// fields apply depends on BetrokkeneType.
	BetrokkeneIdentificatie *BetrokkeneIdentificatie `json:"betrokkeneIdentificatie,omitempty"`
	// AuthenticatieContext (DigiD / eHerkenning), kept raw.
	AuthenticatieContext json.RawMessage `json:"authenticatieContext,omitempty"`

	Expand *RolExpand `json:"_expand,omitempty"`
}

// RolExpand is the _expand object of a rol (expand=rollen.roltype).
type RolExpand struct {
	Roltype *catalogi.RolType `json:"roltype,omitempty"`
}

// ContactpersoonRol is the contact person for a rol.
type ContactpersoonRol struct {
	Emailadres     string `json:"emailadres,omitempty"`
	Functie        string `json:"functie,omitempty"`
	Telefoonnummer string `json:"telefoonnummer,omitempty"`
	Naam           string `json:"naam"`
}

// BetrokkeneIdentificatie is the union of the five identification shapes of
// a rol; BetrokkeneType tells which fields are meaningful:
//
//   - natuurlijk_persoon: InpBsn, AnpIdentificatie, InpANummer,
//     Geslachtsnaam, VoorvoegselGeslachtsnaam, Voorletters, Voornamen,
//     Geslachtsaanduiding, Geboortedatum, Verblijfsadres,
//     SubVerblijfBuitenland
//   - niet_natuurlijk_persoon: InnNnpId, AnnIdentificatie, KvkNummer,
//     VestigingsNummer, StatutaireNaam, InnRechtsvorm, Bezoekadres,
//     Verblijfsadres, SubVerblijfBuitenland
//   - vestiging: VestigingsNummer, Handelsnaam, KvkNummer, Verblijfsadres,
//     SubVerblijfBuitenland
//   - medewerker: Identificatie, Achternaam, Voorletters,
//     VoorvoegselAchternaam
//   - organisatorische_eenheid: Identificatie, Naam, IsGehuisvestIn
type BetrokkeneIdentificatie struct {
	InpBsn                   string   `json:"inpBsn,omitempty"`
	AnpIdentificatie         string   `json:"anpIdentificatie,omitempty"`
	InpANummer               string   `json:"inpA_nummer,omitempty"`
	Geslachtsnaam            string   `json:"geslachtsnaam,omitempty"`
	VoorvoegselGeslachtsnaam string   `json:"voorvoegselGeslachtsnaam,omitempty"`
	Voorletters              string   `json:"voorletters,omitempty"`
	Voornamen                string   `json:"voornamen,omitempty"`
	Geslachtsaanduiding      string   `json:"geslachtsaanduiding,omitempty"`
	Geboortedatum            string   `json:"geboortedatum,omitempty"`
	InnNnpId                 string   `json:"innNnpId,omitempty"`
	AnnIdentificatie         string   `json:"annIdentificatie,omitempty"`
	KvkNummer                string   `json:"kvkNummer,omitempty"`
	VestigingsNummer         string   `json:"vestigingsNummer,omitempty"`
	StatutaireNaam           string   `json:"statutaireNaam,omitempty"`
	InnRechtsvorm            string   `json:"innRechtsvorm,omitempty"`
	Bezoekadres              string   `json:"bezoekadres,omitempty"`
	Handelsnaam              []string `json:"handelsnaam,omitempty"`
	Identificatie            string   `json:"identificatie,omitempty"`
	Achternaam               string   `json:"achternaam,omitempty"`
	VoorvoegselAchternaam    string   `json:"voorvoegselAchternaam,omitempty"`
	Naam                     string   `json:"naam,omitempty"`
	IsGehuisvestIn           string   `json:"isGehuisvestIn,omitempty"`

	Verblijfsadres        *VerblijfsAdres        `json:"verblijfsadres,omitempty"`
	SubVerblijfBuitenland *SubVerblijfBuitenland `json:"subVerblijfBuitenland,omitempty"`
}

// VerblijfsAdres is a BAG address.
type VerblijfsAdres struct {
	AoaIdentificatie        string `json:"aoaIdentificatie"`
	WplWoonplaatsNaam       string `json:"wplWoonplaatsNaam"`
	GorOpenbareRuimteNaam   string `json:"gorOpenbareRuimteNaam"`
	AoaPostcode             string `json:"aoaPostcode,omitempty"`
	AoaHuisnummer           int    `json:"aoaHuisnummer"`
	AoaHuisletter           string `json:"aoaHuisletter,omitempty"`
	AoaHuisnummertoevoeging string `json:"aoaHuisnummertoevoeging,omitempty"`
	InpLocatiebeschrijving  string `json:"inpLocatiebeschrijving,omitempty"`
}

// SubVerblijfBuitenland is an address abroad.
type SubVerblijfBuitenland struct {
	LndLandcode         string `json:"lndLandcode"`
	LndLandnaam         string `json:"lndLandnaam"`
	SubAdresBuitenland1 string `json:"subAdresBuitenland_1,omitempty"`
	SubAdresBuitenland2 string `json:"subAdresBuitenland_2,omitempty"`
	SubAdresBuitenland3 string `json:"subAdresBuitenland_3,omitempty"`
}

// Status is a status of a zaak.
type Status struct {
	URL                          string   `json:"url,omitempty"`
	UUID                         string   `json:"uuid,omitempty"`
	Zaak                         string   `json:"zaak,omitempty"`
	Statustype                   string   `json:"statustype,omitempty"`
	DatumStatusGezet             string   `json:"datumStatusGezet,omitempty"`
	Statustoelichting            string   `json:"statustoelichting,omitempty"`
	IndicatieLaatstGezetteStatus bool     `json:"indicatieLaatstGezetteStatus"`
	Gezetdoor                    string   `json:"gezetdoor,omitempty"`
	Zaakinformatieobjecten       []string `json:"zaakinformatieobjecten,omitempty"`

	Expand *StatusExpand `json:"_expand,omitempty"`
}

// StatusExpand is the _expand object of a status (status.statustype).
type StatusExpand struct {
	Statustype *catalogi.StatusType `json:"statustype,omitempty"`
}

// StatusRequest is the body of POST /statussen.
type StatusRequest struct {
	Zaak              string `json:"zaak"`
	Statustype        string `json:"statustype"`
	DatumStatusGezet  string `json:"datumStatusGezet"`
	Statustoelichting string `json:"statustoelichting,omitempty"`
	Gezetdoor         string `json:"gezetdoor,omitempty"`
}

// Resultaat is the resultaat of a zaak.
type Resultaat struct {
	URL           string `json:"url,omitempty"`
	UUID          string `json:"uuid,omitempty"`
	Zaak          string `json:"zaak,omitempty"`
	Resultaattype string `json:"resultaattype,omitempty"`
	Toelichting   string `json:"toelichting,omitempty"`

	Expand *ResultaatExpand `json:"_expand,omitempty"`
}

// ResultaatExpand is the _expand object of a resultaat
// (resultaat.resultaattype).
type ResultaatExpand struct {
	Resultaattype *catalogi.ResultaatType `json:"resultaattype,omitempty"`
}

// ZaakEigenschap is the value of an eigenschap for a zaak.
type ZaakEigenschap struct {
	URL        string `json:"url,omitempty"`
	UUID       string `json:"uuid,omitempty"`
	Zaak       string `json:"zaak,omitempty"`
	Eigenschap string `json:"eigenschap,omitempty"`
	Naam       string `json:"naam,omitempty"`
	Waarde     string `json:"waarde"`

	Expand *ZaakEigenschapExpand `json:"_expand,omitempty"`
}

// ZaakEigenschapExpand is the _expand object of a zaakeigenschap
// (eigenschappen.eigenschap).
type ZaakEigenschapExpand struct {
	Eigenschap *catalogi.Eigenschap `json:"eigenschap,omitempty"`
}

// ZaakInformatieObject links a document to a zaak.
type ZaakInformatieObject struct {
	URL                 string `json:"url,omitempty"`
	UUID                string `json:"uuid,omitempty"`
	Informatieobject    string `json:"informatieobject,omitempty"`
	Zaak                string `json:"zaak,omitempty"`
	AardRelatieWeergave string `json:"aardRelatieWeergave,omitempty"`
	Titel               string `json:"titel,omitempty"`
	Beschrijving        string `json:"beschrijving,omitempty"`
	Registratiedatum    string `json:"registratiedatum,omitempty"`
	Vernietigingsdatum  string `json:"vernietigingsdatum,omitempty"`
	Status              string `json:"status,omitempty"`
}

// ZaakContactMoment links a contactmoment to a zaak.
type ZaakContactMoment struct {
	URL           string `json:"url,omitempty"`
	UUID          string `json:"uuid,omitempty"`
	Zaak          string `json:"zaak"`
	Contactmoment string `json:"contactmoment"`
}

// ZaakVerzoek links a verzoek to a zaak.
type ZaakVerzoek struct {
	URL     string `json:"url,omitempty"`
	UUID    string `json:"uuid,omitempty"`
	Zaak    string `json:"zaak"`
	Verzoek string `json:"verzoek"`
}

// ZaakObject links an object (in any register) to a zaak.
type ZaakObject struct {
	URL                        string          `json:"url,omitempty"`
	UUID                       string          `json:"uuid,omitempty"`
	Zaak                       string          `json:"zaak,omitempty"`
	Object                     string          `json:"object,omitempty"`
	Zaakobjecttype             string          `json:"zaakobjecttype,omitempty"`
	ObjectType                 string          `json:"objectType,omitempty"`
	ObjectTypeOverige          string          `json:"objectTypeOverige,omitempty"`
	ObjectTypeOverigeDefinitie json.RawMessage `json:"objectTypeOverigeDefinitie,omitempty"`
	Relatieomschrijving        string          `json:"relatieomschrijving,omitempty"`
	// ObjectIdentificatie depends on ObjectType; kept raw.
	ObjectIdentificatie json.RawMessage `json:"objectIdentificatie,omitempty"`
}
