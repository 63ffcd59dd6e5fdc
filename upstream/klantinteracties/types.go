// Package klantinteracties is a typed client for the Klantinteracties API
// 0.9.0 (Open Klant 2.x): partijen, klantcontacten, betrokkenen,
// onderwerpobjecten, digitale adressen and interne taken. References
// between its resources are {uuid, url} objects; references to other
// registers are identificator groups, not URLs.
package klantinteracties

import (
	"bytes"
	"encoding/json"
)

// ForeignKey is a reference to another Klantinteracties resource.
type ForeignKey struct {
	UUID string `json:"uuid,omitempty"`
	URL  string `json:"url,omitempty"`
}

// Identificator names an object in another register.
type Identificator struct {
	CodeObjecttype    string `json:"codeObjecttype"`
	CodeSoortObjectID string `json:"codeSoortObjectId"`
	ObjectID          string `json:"objectId"`
	CodeRegister      string `json:"codeRegister"`
}

// PartijIdentificator identifies a partij in a base register (BRP, HR).
type PartijIdentificator struct {
	UUID                      string        `json:"uuid,omitempty"`
	URL                       string        `json:"url,omitempty"`
	IdentificeerdePartij      *ForeignKey   `json:"identificeerdePartij,omitempty"`
	AnderePartijIdentificator string        `json:"anderePartijIdentificator,omitempty"`
	PartijIdentificator       Identificator `json:"partijIdentificator"`
	SubIdentificatorVan       *ForeignKey   `json:"subIdentificatorVan,omitempty"`
}

// Adres is a postal address as Klantinteracties gives it.
type Adres struct {
	NummeraanduidingID string `json:"nummeraanduidingId,omitempty"`
	Adresregel1        string `json:"adresregel1,omitempty"`
	Adresregel2        string `json:"adresregel2,omitempty"`
	Adresregel3        string `json:"adresregel3,omitempty"`
	Land               string `json:"land,omitempty"`
}

// Contactnaam is a person's name in parts.
type Contactnaam struct {
	Voorletters           string `json:"voorletters,omitempty"`
	Voornaam              string `json:"voornaam,omitempty"`
	VoorvoegselAchternaam string `json:"voorvoegselAchternaam,omitempty"`
	Achternaam            string `json:"achternaam,omitempty"`
}

// PartijIdentificatie holds the soort-specific part of a partij: a persoon's
// contactnaam, an organisatie's naam. One struct covers every soort.
type PartijIdentificatie struct {
	Contactnaam   *Contactnaam `json:"contactnaam,omitempty"`
	VolledigeNaam string       `json:"volledigeNaam,omitempty"`
	Naam          string       `json:"naam,omitempty"`
}

// Partij is a person, organisation or contact person.
type Partij struct {
	UUID                   string                `json:"uuid,omitempty"`
	URL                    string                `json:"url,omitempty"`
	Nummer                 string                `json:"nummer,omitempty"`
	InterneNotitie         string                `json:"interneNotitie,omitempty"`
	SoortPartij            string                `json:"soortPartij,omitempty"`
	Betrokkenen            []ForeignKey          `json:"betrokkenen,omitempty"`
	DigitaleAdressen       []ForeignKey          `json:"digitaleAdressen,omitempty"`
	VoorkeursDigitaalAdres *ForeignKey           `json:"voorkeursDigitaalAdres,omitempty"`
	PartijIdentificatoren  []PartijIdentificator `json:"partijIdentificatoren,omitempty"`
	IndicatieGeheimhouding *bool                 `json:"indicatieGeheimhouding,omitempty"`
	Voorkeurstaal          string                `json:"voorkeurstaal,omitempty"`
	IndicatieActief        *bool                 `json:"indicatieActief,omitempty"`
	Bezoekadres            *Adres                `json:"bezoekadres,omitempty"`
	Correspondentieadres   *Adres                `json:"correspondentieadres,omitempty"`
	PartijIdentificatie    *PartijIdentificatie  `json:"partijIdentificatie,omitempty"`
	Expand                 *PartijExpand         `json:"_expand,omitempty"`
}

// PartijExpand holds what expand embedded in a partij.
type PartijExpand struct {
	Betrokkenen      []Betrokkene    `json:"betrokkenen,omitempty"`
	DigitaleAdressen []DigitaalAdres `json:"digitaleAdressen,omitempty"`
}

// DigitaalAdres is an e-mail address, telephone number or other.
type DigitaalAdres struct {
	UUID                    string      `json:"uuid,omitempty"`
	URL                     string      `json:"url,omitempty"`
	VerstrektDoorBetrokkene *ForeignKey `json:"verstrektDoorBetrokkene,omitempty"`
	VerstrektDoorPartij     *ForeignKey `json:"verstrektDoorPartij,omitempty"`
	Adres                   string      `json:"adres,omitempty"`
	SoortDigitaalAdres      string      `json:"soortDigitaalAdres,omitempty"`
	IsStandaardAdres        *bool       `json:"isStandaardAdres,omitempty"`
	Omschrijving            string      `json:"omschrijving,omitempty"`
}

// Betrokkene is a partij (or an unknown person) in a klantcontact.
type Betrokkene struct {
	UUID             string            `json:"uuid,omitempty"`
	URL              string            `json:"url,omitempty"`
	WasPartij        *ForeignKey       `json:"wasPartij,omitempty"`
	HadKlantcontact  *ForeignKey       `json:"hadKlantcontact,omitempty"`
	DigitaleAdressen []ForeignKey      `json:"digitaleAdressen,omitempty"`
	Contactnaam      *Contactnaam      `json:"contactnaam,omitempty"`
	VolledigeNaam    string            `json:"volledigeNaam,omitempty"`
	Rol              string            `json:"rol,omitempty"`
	Organisatienaam  string            `json:"organisatienaam,omitempty"`
	Initiator        *bool             `json:"initiator,omitempty"`
	Expand           *BetrokkeneExpand `json:"_expand,omitempty"`
}

// BetrokkeneExpand holds what expand embedded in a betrokkene.
type BetrokkeneExpand struct {
	WasPartij        *Partij         `json:"wasPartij,omitempty"`
	DigitaleAdressen []DigitaalAdres `json:"digitaleAdressen,omitempty"`
}

// Onderwerpobject is what a klantcontact was about.
type Onderwerpobject struct {
	UUID                         string         `json:"uuid,omitempty"`
	URL                          string         `json:"url,omitempty"`
	Klantcontact                 *ForeignKey    `json:"klantcontact,omitempty"`
	WasKlantcontact              *ForeignKey    `json:"wasKlantcontact,omitempty"`
	Onderwerpobjectidentificator *Identificator `json:"onderwerpobjectidentificator,omitempty"`
}

// InterneTaak is a follow-up task a klantcontact led to.
type InterneTaak struct {
	UUID                         string       `json:"uuid,omitempty"`
	URL                          string       `json:"url,omitempty"`
	Nummer                       string       `json:"nummer,omitempty"`
	GevraagdeHandeling           string       `json:"gevraagdeHandeling,omitempty"`
	AanleidinggevendKlantcontact *ForeignKey  `json:"aanleidinggevendKlantcontact,omitempty"`
	ToegewezenAanActoren         []ForeignKey `json:"toegewezenAanActoren,omitempty"`
	Toelichting                  string       `json:"toelichting,omitempty"`
	Status                       string       `json:"status,omitempty"`
	ToegewezenOp                 string       `json:"toegewezenOp,omitempty"`
	AfgehandeldOp                string       `json:"afgehandeldOp,omitempty"`
}

// Klantcontact is one contact with a customer.
type Klantcontact struct {
	UUID                      string              `json:"uuid,omitempty"`
	URL                       string              `json:"url,omitempty"`
	GingOverOnderwerpobjecten []ForeignKey        `json:"gingOverOnderwerpobjecten,omitempty"`
	HadBetrokkenActoren       []json.RawMessage   `json:"hadBetrokkenActoren,omitempty"`
	OmvatteBijlagen           []ForeignKey        `json:"omvatteBijlagen,omitempty"`
	HadBetrokkenen            []ForeignKey        `json:"hadBetrokkenen,omitempty"`
	LeiddeTotInterneTaken     []ForeignKey        `json:"leiddeTotInterneTaken,omitempty"`
	Nummer                    string              `json:"nummer,omitempty"`
	Referentienummer          string              `json:"referentienummer,omitempty"`
	Kanaal                    string              `json:"kanaal,omitempty"`
	Onderwerp                 string              `json:"onderwerp,omitempty"`
	Inhoud                    string              `json:"inhoud,omitempty"`
	IndicatieContactGelukt    *bool               `json:"indicatieContactGelukt,omitempty"`
	Taal                      string              `json:"taal,omitempty"`
	Vertrouwelijk             *bool               `json:"vertrouwelijk,omitempty"`
	PlaatsgevondenOp          string              `json:"plaatsgevondenOp,omitempty"`
	Expand                    *KlantcontactExpand `json:"_expand,omitempty"`
}

// KlantcontactExpand holds what expand embedded in a klantcontact.
type KlantcontactExpand struct {
	HadBetrokkenen            []Betrokkene      `json:"hadBetrokkenen,omitempty"`
	GingOverOnderwerpobjecten []Onderwerpobject `json:"gingOverOnderwerpobjecten,omitempty"`
	LeiddeTotInterneTaken     []InterneTaak     `json:"leiddeTotInterneTaken,omitempty"`
}

// UnmarshalJSON tolerates relation lists of an unexpected shape, as a
// provider that embeds objects in place would send them.
func (e *KlantcontactExpand) UnmarshalJSON(b []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil
	}
	list := func(key string, v any) {
		if r, ok := raw[key]; ok && len(bytes.TrimSpace(r)) > 0 && r[0] == '[' {
			_ = json.Unmarshal(r, v)
		}
	}
	list("hadBetrokkenen", &e.HadBetrokkenen)
	list("gingOverOnderwerpobjecten", &e.GingOverOnderwerpobjecten)
	list("leiddeTotInterneTaken", &e.LeiddeTotInterneTaken)
	return nil
}
