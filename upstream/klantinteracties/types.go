// Package klantinteracties is a typed client for the Klantinteracties API
// 0.9.0 (Open Klant 2.x, base /klantinteracties/api/v1): partijen,
// klantcontacten, betrokkenen, onderwerpobjecten, digitale adressen, interne
// taken, actoren, actorklantcontacten and bijlagen. References between its
// resources are {uuid, url} objects; references to other registers are
// identificator groups, not URLs. Authentication is an API key
// ("Authorization: Token <key>"), added by the upstream client.
//
// Decoding is strict about the scalar fields of a resource and lenient
// about what may vary between providers: a reference given as a bare URL
// string is accepted, the polymorphic partijIdentificatie and
// actorIdentificatie decode into one struct covering every soort, and an
// _expand part of an unexpected shape is left empty instead of failing the
// resource.
package klantinteracties

import (
	"bytes"
	"encoding/json"
	"strings"
)

// Values of Partij.SoortPartij.
const (
	SoortPartijPersoon        = "persoon"
	SoortPartijOrganisatie    = "organisatie"
	SoortPartijContactpersoon = "contactpersoon"
)

// Values of Betrokkene.Rol.
const (
	RolKlant             = "klant"
	RolVertegenwoordiger = "vertegenwoordiger"
)

// Values of DigitaalAdres.SoortDigitaalAdres.
const (
	SoortDigitaalAdresEmail          = "email"
	SoortDigitaalAdresTelefoonnummer = "telefoonnummer"
	SoortDigitaalAdresOverig         = "overig"
)

// Values of InterneTaak.Status.
const (
	StatusTeVerwerken = "te_verwerken"
	StatusVerwerkt    = "verwerkt"
)

// Values of Actor.SoortActor.
const (
	SoortActorMedewerker              = "medewerker"
	SoortActorGeautomatiseerdeActor   = "geautomatiseerde_actor"
	SoortActorOrganisatorischeEenheid = "organisatorische_eenheid"
)

// ForeignKey is a reference to another Klantinteracties resource. Writes
// identify the target by UUID (the URL is read-only). A reference given as
// a bare URL string decodes into URL; any other shape decodes as empty.
type ForeignKey struct {
	UUID string `json:"uuid,omitempty"`
	URL  string `json:"url,omitempty"`
}

// UnmarshalJSON accepts {uuid, url} or a URL string and never fails.
func (k *ForeignKey) UnmarshalJSON(b []byte) error {
	*k = ForeignKey{}
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return nil
	}
	switch b[0] {
	case '"':
		_ = json.Unmarshal(b, &k.URL)
	case '{':
		m := fields(b)
		k.UUID, k.URL = str(m["uuid"]), str(m["url"])
	}
	return nil
}

// RefTo returns a reference for a write to the resource at urlOrUUID: its
// UUID, the last path segment of a URL. The URL itself is read-only in the
// spec and is left out.
func RefTo(urlOrUUID string) *ForeignKey {
	u := urlOrUUID
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	u = strings.TrimRight(u, "/")
	return &ForeignKey{UUID: u[strings.LastIndexByte(u, '/')+1:]}
}

// Identificator names an object in another register (the partijIdentificator,
// onderwerpobjectidentificator, actoridentificator and bijlageidentificator
// groups).
type Identificator struct {
	CodeObjecttype    string `json:"codeObjecttype"`
	CodeSoortObjectID string `json:"codeSoortObjectId"`
	ObjectID          string `json:"objectId"`
	CodeRegister      string `json:"codeRegister"`
}

// PartijIdentificator identifies a partij in a base register (BRP, HR):
// codeObjecttype natuurlijk_persoon|niet_natuurlijk_persoon|vestiging,
// codeSoortObjectId bsn|vestigingsnummer|kvk_nummer|rsin, codeRegister
// brp|hr.
type PartijIdentificator struct {
	UUID                 string      `json:"uuid,omitempty"`
	URL                  string      `json:"url,omitempty"`
	IdentificeerdePartij *ForeignKey `json:"identificeerdePartij,omitempty"`
	// AnderePartijIdentificator is deprecated in the spec.
	AnderePartijIdentificator string        `json:"anderePartijIdentificator,omitempty"`
	PartijIdentificator       Identificator `json:"partijIdentificator"`
	SubIdentificatorVan       *ForeignKey   `json:"subIdentificatorVan,omitempty"`
}

// Adres is a bezoek- or correspondentieadres.
type Adres struct {
	NummeraanduidingID   string `json:"nummeraanduidingId,omitempty"`
	Straatnaam           string `json:"straatnaam,omitempty"`
	Huisnummer           *int   `json:"huisnummer,omitempty"`
	Huisnummertoevoeging string `json:"huisnummertoevoeging,omitempty"`
	Postcode             string `json:"postcode,omitempty"`
	Stad                 string `json:"stad,omitempty"`
	Adresregel1          string `json:"adresregel1,omitempty"`
	Adresregel2          string `json:"adresregel2,omitempty"`
	Adresregel3          string `json:"adresregel3,omitempty"`
	Land                 string `json:"land,omitempty"`
}

// Contactnaam is a person's name in parts.
type Contactnaam struct {
	Voorletters           string `json:"voorletters,omitempty"`
	Voornaam              string `json:"voornaam,omitempty"`
	VoorvoegselAchternaam string `json:"voorvoegselAchternaam,omitempty"`
	Achternaam            string `json:"achternaam,omitempty"`
}

// PartijIdentificatie holds the soort-specific part of a partij in one
// struct covering every soort: persoon {contactnaam, volledigeNaam},
// organisatie {naam}, contactpersoon {uuid, werkteVoorPartij, contactnaam,
// volledigeNaam}.
type PartijIdentificatie struct {
	UUID             string       `json:"uuid,omitempty"`
	WerkteVoorPartij *ForeignKey  `json:"werkteVoorPartij,omitempty"`
	Contactnaam      *Contactnaam `json:"contactnaam,omitempty"`
	VolledigeNaam    string       `json:"volledigeNaam,omitempty"`
	Naam             string       `json:"naam,omitempty"`
}

// UnmarshalJSON decodes the known fields of any soort and never fails: a
// field of an unexpected type is left empty.
func (p *PartijIdentificatie) UnmarshalJSON(b []byte) error {
	*p = PartijIdentificatie{}
	m := fields(b)
	p.UUID, p.VolledigeNaam, p.Naam = str(m["uuid"]), str(m["volledigeNaam"]), str(m["naam"])
	p.WerkteVoorPartij = object[ForeignKey](m["werkteVoorPartij"])
	p.Contactnaam = object[Contactnaam](m["contactnaam"])
	return nil
}

// CategorieRelatieRef is a partij's reference to a categorie-relatie.
type CategorieRelatieRef struct {
	UUID          string `json:"uuid,omitempty"`
	URL           string `json:"url,omitempty"`
	CategorieNaam string `json:"categorieNaam,omitempty"`
	BeginDatum    string `json:"beginDatum,omitempty"`
	EindDatum     string `json:"eindDatum,omitempty"`
}

// CategorieRef is a reference to a categorie, with its name.
type CategorieRef struct {
	UUID string `json:"uuid,omitempty"`
	URL  string `json:"url,omitempty"`
	Naam string `json:"naam,omitempty"`
}

// CategorieRelatie places a partij in a categorie for a period.
type CategorieRelatie struct {
	UUID       string        `json:"uuid,omitempty"`
	URL        string        `json:"url,omitempty"`
	Partij     *ForeignKey   `json:"partij,omitempty"`
	Categorie  *CategorieRef `json:"categorie,omitempty"`
	BeginDatum string        `json:"beginDatum,omitempty"`
	EindDatum  string        `json:"eindDatum,omitempty"`
}

// Partij is a persoon, organisatie or contactpersoon.
type Partij struct {
	UUID string `json:"uuid,omitempty"`
	URL  string `json:"url,omitempty"`
	// Nummer is deprecated in the spec.
	Nummer                  string                `json:"nummer,omitempty"`
	InterneNotitie          string                `json:"interneNotitie,omitempty"`
	SoortPartij             string                `json:"soortPartij,omitempty"`
	Betrokkenen             []ForeignKey          `json:"betrokkenen,omitempty"`
	CategorieRelaties       []CategorieRelatieRef `json:"categorieRelaties,omitempty"`
	DigitaleAdressen        []ForeignKey          `json:"digitaleAdressen,omitempty"`
	VoorkeursDigitaalAdres  *ForeignKey           `json:"voorkeursDigitaalAdres,omitempty"`
	Vertegenwoordigden      []ForeignKey          `json:"vertegenwoordigden,omitempty"`
	Rekeningnummers         []ForeignKey          `json:"rekeningnummers,omitempty"`
	VoorkeursRekeningnummer *ForeignKey           `json:"voorkeursRekeningnummer,omitempty"`
	PartijIdentificatoren   []PartijIdentificator `json:"partijIdentificatoren,omitempty"`
	IndicatieGeheimhouding  *bool                 `json:"indicatieGeheimhouding,omitempty"`
	Voorkeurstaal           string                `json:"voorkeurstaal,omitempty"`
	IndicatieActief         *bool                 `json:"indicatieActief,omitempty"`
	Bezoekadres             *Adres                `json:"bezoekadres,omitempty"`
	Correspondentieadres    *Adres                `json:"correspondentieadres,omitempty"`
	PartijIdentificatie     *PartijIdentificatie  `json:"partijIdentificatie,omitempty"`
	Expand                  *PartijExpand         `json:"_expand,omitempty"`
}

// Identificator returns the first partij-identificator whose
// codeSoortObjectId is soort (e.g. "bsn", "kvk_nummer"), or nil.
func (p *Partij) Identificator(soort string) *Identificator {
	for i := range p.PartijIdentificatoren {
		if id := &p.PartijIdentificatoren[i].PartijIdentificator; id.CodeSoortObjectID == soort {
			return id
		}
	}
	return nil
}

// PartijExpand holds what expand embedded in a partij (betrokkenen,
// betrokkenen.hadKlantcontact, digitaleAdressen, categorieRelaties).
type PartijExpand struct {
	Betrokkenen       []Betrokkene       `json:"betrokkenen,omitempty"`
	DigitaleAdressen  []DigitaalAdres    `json:"digitaleAdressen,omitempty"`
	CategorieRelaties []CategorieRelatie `json:"categorieRelaties,omitempty"`
}

// UnmarshalJSON decodes the known keys and never fails: a part of an
// unexpected shape is left empty.
func (e *PartijExpand) UnmarshalJSON(b []byte) error {
	m := fields(b)
	*e = PartijExpand{Betrokkenen: list[Betrokkene](m["betrokkenen"]), DigitaleAdressen: list[DigitaalAdres](m["digitaleAdressen"]),
		CategorieRelaties: list[CategorieRelatie](m["categorieRelaties"])}
	return nil
}

// DigitaalAdres is an e-mail address, telephone number or other address,
// given by a partij or a betrokkene.
type DigitaalAdres struct {
	UUID                    string               `json:"uuid,omitempty"`
	URL                     string               `json:"url,omitempty"`
	VerstrektDoorBetrokkene *ForeignKey          `json:"verstrektDoorBetrokkene,omitempty"`
	VerstrektDoorPartij     *ForeignKey          `json:"verstrektDoorPartij,omitempty"`
	Adres                   string               `json:"adres,omitempty"`
	SoortDigitaalAdres      string               `json:"soortDigitaalAdres,omitempty"`
	IsStandaardAdres        *bool                `json:"isStandaardAdres,omitempty"`
	Omschrijving            string               `json:"omschrijving,omitempty"`
	Referentie              string               `json:"referentie,omitempty"`
	VerificatieDatum        string               `json:"verificatieDatum,omitempty"`
	Expand                  *DigitaalAdresExpand `json:"_expand,omitempty"`
}

// DigitaalAdresExpand holds what expand embedded in a digitaal adres
// (verstrektDoorBetrokkene, with .hadKlantcontact(.leiddeTotInterneTaken)
// nested in the betrokkene's own _expand).
type DigitaalAdresExpand struct {
	VerstrektDoorBetrokkene *Betrokkene `json:"verstrektDoorBetrokkene,omitempty"`
}

// UnmarshalJSON decodes the known keys and never fails.
func (e *DigitaalAdresExpand) UnmarshalJSON(b []byte) error {
	*e = DigitaalAdresExpand{VerstrektDoorBetrokkene: object[Betrokkene](fields(b)["verstrektDoorBetrokkene"])}
	return nil
}

// Betrokkene is a partij (or someone unknown) taking part in a
// klantcontact, as klant or vertegenwoordiger.
type Betrokkene struct {
	UUID                 string            `json:"uuid,omitempty"`
	URL                  string            `json:"url,omitempty"`
	WasPartij            *ForeignKey       `json:"wasPartij,omitempty"`
	HadKlantcontact      *ForeignKey       `json:"hadKlantcontact,omitempty"`
	DigitaleAdressen     []ForeignKey      `json:"digitaleAdressen,omitempty"`
	Bezoekadres          *Adres            `json:"bezoekadres,omitempty"`
	Correspondentieadres *Adres            `json:"correspondentieadres,omitempty"`
	Contactnaam          *Contactnaam      `json:"contactnaam,omitempty"`
	VolledigeNaam        string            `json:"volledigeNaam,omitempty"`
	Rol                  string            `json:"rol,omitempty"`
	Organisatienaam      string            `json:"organisatienaam,omitempty"`
	Initiator            *bool             `json:"initiator,omitempty"`
	Expand               *BetrokkeneExpand `json:"_expand,omitempty"`
}

// BetrokkeneExpand holds what expand embedded in a betrokkene: wasPartij and
// digitaleAdressen (from klantcontacten and betrokkenen), hadKlantcontact
// (from partijen and digitaleadressen).
type BetrokkeneExpand struct {
	WasPartij        *Partij         `json:"wasPartij,omitempty"`
	DigitaleAdressen []DigitaalAdres `json:"digitaleAdressen,omitempty"`
	HadKlantcontact  *Klantcontact   `json:"hadKlantcontact,omitempty"`
}

// UnmarshalJSON decodes the known keys and never fails.
func (e *BetrokkeneExpand) UnmarshalJSON(b []byte) error {
	m := fields(b)
	*e = BetrokkeneExpand{WasPartij: object[Partij](m["wasPartij"]), DigitaleAdressen: list[DigitaalAdres](m["digitaleAdressen"]),
		HadKlantcontact: object[Klantcontact](m["hadKlantcontact"])}
	return nil
}

// Onderwerpobject is what a klantcontact was about: an object in another
// register (e.g. a zaak: objectId the zaak's uuid, codeObjecttype "zaak"),
// or another klantcontact (wasKlantcontact).
type Onderwerpobject struct {
	UUID                         string         `json:"uuid,omitempty"`
	URL                          string         `json:"url,omitempty"`
	Klantcontact                 *ForeignKey    `json:"klantcontact,omitempty"`
	WasKlantcontact              *ForeignKey    `json:"wasKlantcontact,omitempty"`
	Onderwerpobjectidentificator *Identificator `json:"onderwerpobjectidentificator,omitempty"`
}

// InterneTaak is a follow-up task a klantcontact led to.
type InterneTaak struct {
	UUID string `json:"uuid,omitempty"`
	URL  string `json:"url,omitempty"`
	// Nummer is deprecated in the spec.
	Nummer                       string      `json:"nummer,omitempty"`
	Referentienummer             string      `json:"referentienummer,omitempty"`
	GevraagdeHandeling           string      `json:"gevraagdeHandeling,omitempty"`
	AanleidinggevendKlantcontact *ForeignKey `json:"aanleidinggevendKlantcontact,omitempty"`
	// ToegewezenAanActor is the first actor assigned (deprecated in the
	// spec in favour of ToegewezenAanActoren).
	ToegewezenAanActor   *ForeignKey  `json:"toegewezenAanActor,omitempty"`
	ToegewezenAanActoren []ForeignKey `json:"toegewezenAanActoren,omitempty"`
	Toelichting          string       `json:"toelichting,omitempty"`
	Status               string       `json:"status,omitempty"`
	ToegewezenOp         string       `json:"toegewezenOp,omitempty"`
	AfgehandeldOp        string       `json:"afgehandeldOp,omitempty"`
}

// Actoren returns the actors the taak is assigned to: ToegewezenAanActoren,
// or the deprecated single ToegewezenAanActor when the list is empty.
func (t *InterneTaak) Actoren() []ForeignKey {
	if len(t.ToegewezenAanActoren) == 0 && t.ToegewezenAanActor != nil {
		return []ForeignKey{*t.ToegewezenAanActor}
	}
	return t.ToegewezenAanActoren
}

// ActorIdentificatie holds the soort-specific part of an actor in one
// struct covering every soort: medewerker {functie, emailadres,
// telefoonnummer}, geautomatiseerde_actor {functie, omschrijving},
// organisatorische_eenheid {omschrijving, emailadres, faxnummer,
// telefoonnummer}.
type ActorIdentificatie struct {
	Functie        string `json:"functie,omitempty"`
	Omschrijving   string `json:"omschrijving,omitempty"`
	Emailadres     string `json:"emailadres,omitempty"`
	Telefoonnummer string `json:"telefoonnummer,omitempty"`
	Faxnummer      string `json:"faxnummer,omitempty"`
}

// UnmarshalJSON decodes the known fields of any soort and never fails.
func (a *ActorIdentificatie) UnmarshalJSON(b []byte) error {
	m := fields(b)
	*a = ActorIdentificatie{Functie: str(m["functie"]), Omschrijving: str(m["omschrijving"]), Emailadres: str(m["emailadres"]),
		Telefoonnummer: str(m["telefoonnummer"]), Faxnummer: str(m["faxnummer"])}
	return nil
}

// Actor is a medewerker, geautomatiseerde actor or organisatorische
// eenheid of the municipality.
type Actor struct {
	UUID               string              `json:"uuid,omitempty"`
	URL                string              `json:"url,omitempty"`
	Naam               string              `json:"naam,omitempty"`
	SoortActor         string              `json:"soortActor,omitempty"`
	IndicatieActief    *bool               `json:"indicatieActief,omitempty"`
	Actoridentificator *Identificator      `json:"actoridentificator,omitempty"`
	ActorIdentificatie *ActorIdentificatie `json:"actorIdentificatie,omitempty"`
}

// ActorKlantcontact links an actor to a klantcontact.
type ActorKlantcontact struct {
	UUID         string      `json:"uuid,omitempty"`
	URL          string      `json:"url,omitempty"`
	Actor        *ForeignKey `json:"actor,omitempty"`
	Klantcontact *ForeignKey `json:"klantcontact,omitempty"`
}

// Bijlage is an object in another register (e.g. a document) attached to a
// klantcontact.
type Bijlage struct {
	UUID                      string         `json:"uuid,omitempty"`
	URL                       string         `json:"url,omitempty"`
	WasBijlageVanKlantcontact *ForeignKey    `json:"wasBijlageVanKlantcontact,omitempty"`
	Bijlageidentificator      *Identificator `json:"bijlageidentificator,omitempty"`
}

// Klantcontact is one contact between the municipality and a customer.
// The relation lists are read-only.
type Klantcontact struct {
	UUID                      string       `json:"uuid,omitempty"`
	URL                       string       `json:"url,omitempty"`
	GingOverOnderwerpobjecten []ForeignKey `json:"gingOverOnderwerpobjecten,omitempty"`
	// HadBetrokkenActoren holds whole actors, not references.
	HadBetrokkenActoren   []Actor      `json:"hadBetrokkenActoren,omitempty"`
	OmvatteBijlagen       []ForeignKey `json:"omvatteBijlagen,omitempty"`
	HadBetrokkenen        []ForeignKey `json:"hadBetrokkenen,omitempty"`
	LeiddeTotInterneTaken []ForeignKey `json:"leiddeTotInterneTaken,omitempty"`
	// Nummer is deprecated in the spec.
	Nummer                 string `json:"nummer,omitempty"`
	Referentienummer       string `json:"referentienummer,omitempty"`
	Kanaal                 string `json:"kanaal,omitempty"`
	Onderwerp              string `json:"onderwerp,omitempty"`
	Inhoud                 string `json:"inhoud,omitempty"`
	Reactie                string `json:"reactie,omitempty"`
	IndicatieContactGelukt *bool  `json:"indicatieContactGelukt,omitempty"`
	// HoofdOnderwerpType is a URI, for example a zaaktype.
	HoofdOnderwerpType     string              `json:"hoofdOnderwerpType,omitempty"`
	VerdereActieOndernomen *bool               `json:"verdereActieOndernomen,omitempty"`
	Taal                   string              `json:"taal,omitempty"`
	Vertrouwelijk          *bool               `json:"vertrouwelijk,omitempty"`
	PlaatsgevondenOp       string              `json:"plaatsgevondenOp,omitempty"`
	Metadata               map[string]string   `json:"metadata,omitempty"`
	Expand                 *KlantcontactExpand `json:"_expand,omitempty"`
}

// KlantcontactExpand holds what expand embedded in a klantcontact. The
// betrokkenen carry their own _expand for hadBetrokkenen.wasPartij and
// hadBetrokkenen.digitaleAdressen.
type KlantcontactExpand struct {
	HadBetrokkenen            []Betrokkene      `json:"hadBetrokkenen,omitempty"`
	GingOverOnderwerpobjecten []Onderwerpobject `json:"gingOverOnderwerpobjecten,omitempty"`
	LeiddeTotInterneTaken     []InterneTaak     `json:"leiddeTotInterneTaken,omitempty"`
	OmvatteBijlagen           []Bijlage         `json:"omvatteBijlagen,omitempty"`
}

// UnmarshalJSON decodes the known keys and never fails: a list of another
// shape is left empty, an entry that does not decode is left out.
func (e *KlantcontactExpand) UnmarshalJSON(b []byte) error {
	m := fields(b)
	*e = KlantcontactExpand{HadBetrokkenen: list[Betrokkene](m["hadBetrokkenen"]),
		GingOverOnderwerpobjecten: list[Onderwerpobject](m["gingOverOnderwerpobjecten"]),
		LeiddeTotInterneTaken:     list[InterneTaak](m["leiddeTotInterneTaken"]),
		OmvatteBijlagen:           list[Bijlage](m["omvatteBijlagen"])}
	return nil
}

// MaakKlantcontact is the body and the answer of POST /maak-klantcontact:
// a klantcontact with, optionally, its betrokkene and onderwerpobject,
// created together. In the request the betrokkene's hadKlantcontact and the
// onderwerpobject's klantcontact are left out; the answer fills them in.
type MaakKlantcontact struct {
	Klantcontact    Klantcontact     `json:"klantcontact"`
	Betrokkene      *Betrokkene      `json:"betrokkene,omitempty"`
	Onderwerpobject *Onderwerpobject `json:"onderwerpobject,omitempty"`
}

// fields returns the members of a JSON object, or nil for anything else.
func fields(b []byte) map[string]json.RawMessage {
	var m map[string]json.RawMessage
	if json.Unmarshal(b, &m) != nil {
		return nil
	}
	return m
}

// str decodes a JSON string; anything else gives "".
func str(b json.RawMessage) string {
	var s string
	if len(b) > 0 && b[0] == '"' {
		_ = json.Unmarshal(b, &s)
	}
	return s
}

// object decodes a JSON object into a new T; null, another shape or a
// failure gives nil.
func object[T any](b json.RawMessage) *T {
	if len(b) == 0 || b[0] != '{' {
		return nil
	}
	var v T
	if json.Unmarshal(b, &v) != nil {
		return nil
	}
	return &v
}

// list decodes a JSON array of objects, leaving out entries that are not
// objects or do not decode; anything but an array gives nil.
func list[T any](b json.RawMessage) []T {
	var raw []json.RawMessage
	if json.Unmarshal(b, &raw) != nil || raw == nil {
		return nil
	}
	out := make([]T, 0, len(raw))
	for _, r := range raw {
		if v := object[T](r); v != nil {
			out = append(out, *v)
		}
	}
	return out
}
