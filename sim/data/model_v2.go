package data

// The Klantinteracties (Open Klant 2.x) and Contactgegevens resources. As in
// the rest of the model, relations inside the register are Refs into the
// kind's table; references to other registers are identificator groups
// (objectId plus codes), not URLs. Read-only reverse lists (a klantcontact's
// betrokkenen, a partij's digitale adressen, …) are not stored: the API
// derives them from the forward relations.

// TriState is a nullable boolean.
type TriState uint8

// TriState values.
const (
	TriUnknown TriState = iota // null
	TriFalse
	TriTrue
)

// TriOf converts a boolean.
func TriOf(b bool) TriState {
	if b {
		return TriTrue
	}
	return TriFalse
}

// Bool returns the value and whether it is known.
func (t TriState) Bool() (value, known bool) { return t == TriTrue, t != TriUnknown }

// Klantinteracties enumerations.
const (
	SoortPartijPersoon        = "persoon"
	SoortPartijOrganisatie    = "organisatie"
	SoortPartijContactpersoon = "contactpersoon"

	CodeObjecttypeNatuurlijkPersoon     = "natuurlijk_persoon"
	CodeObjecttypeNietNatuurlijkPersoon = "niet_natuurlijk_persoon"
	CodeObjecttypeVestiging             = "vestiging"

	CodeSoortObjectIDBSN              = "bsn"
	CodeSoortObjectIDKvKNummer        = "kvk_nummer"
	CodeSoortObjectIDRSIN             = "rsin"
	CodeSoortObjectIDVestigingsnummer = "vestigingsnummer"

	CodeRegisterBRP = "brp"
	CodeRegisterHR  = "hr"

	RolKlant             = "klant"
	RolVertegenwoordiger = "vertegenwoordiger"

	SoortDigitaalAdresEmail          = "email"
	SoortDigitaalAdresTelefoonnummer = "telefoonnummer"
	SoortDigitaalAdresOverig         = "overig"

	SoortActorMedewerker              = "medewerker"
	SoortActorGeautomatiseerdeActor   = "geautomatiseerde_actor"
	SoortActorOrganisatorischeEenheid = "organisatorische_eenheid"

	TaakTeVerwerken = "te_verwerken"
	TaakVerwerkt    = "verwerkt"
)

// Codes of onderwerpobject and bijlage identificators that point into a
// zaaksysteem (an Open Zaak): the object is a zaak or a document, known by
// its UUID in the register of that zaaksysteem.
const (
	CodeObjecttypeZaak             = "zaak"
	CodeObjecttypeInformatieobject = "informatieobject"
	CodeSoortObjectIDUUID          = "uuid"
)

// RegisterCode is the codeRegister by which Klantinteracties identificators
// name the zaaksysteem an instance belongs to: "open-zaak-" plus the
// instance's system ("open-zaak-a", "open-zaak-b" in the default topology).
func RegisterCode(s InstanceSpec) string { return "open-zaak-" + s.System }

// ByRegisterCode returns the index of the instance of kind k whose system a
// register code names, or -1.
func (t Topology) ByRegisterCode(code string, k APIKind) int {
	for i, s := range t {
		if s.API == k && RegisterCode(s) == code {
			return i
		}
	}
	return -1
}

// AdresKI is an address as Klantinteracties and Contactgegevens keep it
// (bezoekadres, correspondentieadres, adres).
type AdresKI struct {
	NummeraanduidingID   string // BAG id, 16 digits
	Straatnaam           string
	Huisnummer           int32 // 0 = none
	Huisnummertoevoeging string
	Postcode             string // "1234 AB"
	Stad                 string
	Adresregel1          string
	Adresregel2          string
	Adresregel3          string
	Land                 string // ISO 3166-1 alpha-2
}

// Identificator identifies an object in another register (onderwerpobject,
// bijlage, actor identificators).
type Identificator struct {
	ObjectID          string
	CodeObjecttype    string
	CodeRegister      string
	CodeSoortObjectID string
}

// IsZero reports whether no part is set.
func (i Identificator) IsZero() bool { return i == Identificator{} }

// Partij is a person, organisation or contact person the municipality has a
// relation with.
type Partij struct {
	UUID                   UUID
	Inst                   uint8
	Nummer                 string
	InterneNotitie         string
	SoortPartij            string
	IndicatieGeheimhouding TriState
	Voorkeurstaal          string
	IndicatieActief        bool
	VoorkeursDigitaalAdres Ref
	Bezoekadres            *AdresKI
	Correspondentieadres   *AdresKI
	// partijIdentificatie: the contactnaam of a persoon or contactpersoon,
	// the naam of an organisatie and the organisation a contactpersoon
	// worked for.
	Voorletters           string
	Voornaam              string
	VoorvoegselAchternaam string
	Achternaam            string
	Naam                  string
	WerkteVoorPartij      Ref
	Deleted               bool
}

// PartijIdentificator identifies a partij in a base register (BSN, KvK
// number, RSIN, vestigingsnummer).
type PartijIdentificator struct {
	UUID                      UUID
	Inst                      uint8
	Partij                    Ref
	AnderePartijIdentificator string
	CodeObjecttype            string
	CodeSoortObjectID         string
	ObjectID                  string
	CodeRegister              string
	SubIdentificatorVan       Ref
	Deleted                   bool
}

// DigitaalAdres is an e-mail address, phone number or other digital address
// a partij or a betrokkene gave.
type DigitaalAdres struct {
	UUID               UUID
	Inst               uint8
	Partij             Ref // verstrektDoorPartij
	Betrokkene         Ref // verstrektDoorBetrokkene
	Adres              string
	SoortDigitaalAdres string
	IsStandaardAdres   bool
	Omschrijving       string
	Referentie         string
	VerificatieDatum   Date // 0 = null
	Deleted            bool
}

// Klantcontact is one contact between the municipality and a customer.
type Klantcontact struct {
	UUID                   UUID
	Inst                   uint8
	Nummer                 string
	Referentienummer       string
	Kanaal                 string
	Onderwerp              string
	Inhoud                 string
	Reactie                string
	IndicatieContactGelukt TriState
	// HoofdOnderwerpZaaktype is the zaaktype the contact was mainly about
	// (rendered as its URL); HoofdOnderwerpType holds a URI a client wrote.
	HoofdOnderwerpZaaktype Ref
	HoofdOnderwerpType     string
	VerdereActieOndernomen bool
	Taal                   string
	Vertrouwelijk          bool
	PlaatsgevondenOp       DateTime
	Metadata               map[string]string
	Deleted                bool
}

// Betrokkene is the part a partij (or an unknown person) played in a
// klantcontact.
type Betrokkene struct {
	UUID                  UUID
	Inst                  uint8
	Partij                Ref // wasPartij, NoRef = none
	Klantcontact          Ref
	Rol                   string
	Initiator             bool
	Organisatienaam       string
	Voorletters           string
	Voornaam              string
	VoorvoegselAchternaam string
	Achternaam            string
	Bezoekadres           *AdresKI
	Correspondentieadres  *AdresKI
	Deleted               bool
}

// Onderwerpobject is what a klantcontact was about: an object in another
// register (a zaak) or an earlier klantcontact.
type Onderwerpobject struct {
	UUID            UUID
	Inst            uint8
	Klantcontact    Ref
	WasKlantcontact Ref
	Identificator   Identificator
	Deleted         bool
}

// Actor is an employee, department or automated system acting for the
// municipality.
type Actor struct {
	UUID            UUID
	Inst            uint8
	Naam            string
	SoortActor      string
	IndicatieActief bool
	Identificator   Identificator
	// actorIdentificatie, per soort
	Functie        string
	Emailadres     string
	Telefoonnummer string
	Omschrijving   string
	Faxnummer      string
	Deleted        bool
}

// ActorKlantcontact records that an actor took part in a klantcontact.
type ActorKlantcontact struct {
	UUID         UUID
	Inst         uint8
	Actor        Ref
	Klantcontact Ref
	Deleted      bool
}

// InterneTaak is a follow-up task (e.g. a contactverzoek) a klantcontact led
// to.
type InterneTaak struct {
	UUID               UUID
	Inst               uint8
	Nummer             string
	Referentienummer   string
	GevraagdeHandeling string
	Klantcontact       Ref // aanleidinggevendKlantcontact
	Actoren            []Ref
	Toelichting        string
	Status             string
	ToegewezenOp       DateTime
	AfgehandeldOp      DateTime // 0 = null
	Deleted            bool
}

// Bijlage is an attachment of a klantcontact: a document in another register.
type Bijlage struct {
	UUID          UUID
	Inst          uint8
	Klantcontact  Ref
	Identificator Identificator
	Deleted       bool
}

// ---- Contactgegevens ----

// ContactPersoon is a person in the Contactgegevens API.
type ContactPersoon struct {
	UUID             UUID
	Inst             uint8
	Geboortedatum    Date
	Overlijdensdatum Date // 0 = null
	Geslachtsnaam    string
	Geslacht         string // m | v | o | ""
	Voorvoegsel      string
	Voornamen        string
	Adres            *AdresKI
	Deleted          bool
}

// ContactOrganisatie is an organisation in the Contactgegevens API.
type ContactOrganisatie struct {
	UUID             UUID
	Inst             uint8
	Handelsnaam      string
	Oprichtingsdatum Date // 0 = null
	Opheffingsdatum  Date // 0 = null
	Adres            *AdresKI
	Deleted          bool
}
