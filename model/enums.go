package model

import (
	"io"
	"strconv"
	"strings"
)

// enum is implemented by the string enums below: GraphQL names are the
// upper-case forms of the providers' lower-case values.
func marshalEnum(w io.Writer, s string) { _, _ = io.WriteString(w, strconv.Quote(s)) }

func unmarshalEnum(v any, valid []string, name string) (string, error) {
	s, ok := v.(string)
	if !ok {
		return "", inputErrorf("%s must be a string", name)
	}
	for _, x := range valid {
		if x == s {
			return s, nil
		}
	}
	return "", inputErrorf("%q is not a valid %s", s, name)
}

// FromAPI turns a provider value such as "beperkt_openbaar" into the
// GraphQL form "BEPERKT_OPENBAAR"; "" stays "".
func FromAPI(s string) string { return strings.ToUpper(s) }

// ToAPI is the inverse of FromAPI.
func ToAPI(s string) string { return strings.ToLower(s) }

// ApiKind is the kind of API a provider serves.
type ApiKind string

var apiKinds = []string{"ZAKEN", "CATALOGI", "DOCUMENTEN", "KLANTEN", "CONTACTMOMENTEN", "VERZOEKEN", "KLANTINTERACTIES", "CONTACTGEGEVENS"}

func (e ApiKind) MarshalGQL(w io.Writer) { marshalEnum(w, string(e)) }
func (e *ApiKind) UnmarshalGQL(v any) error {
	s, err := unmarshalEnum(v, apiKinds, "ApiKind")
	*e = ApiKind(s)
	return err
}

// Generatie is the generation of the customer-interaction APIs.
type Generatie string

const (
	GeneratieV1 Generatie = "V1"
	GeneratieV2 Generatie = "V2"
)

func (e Generatie) MarshalGQL(w io.Writer) { marshalEnum(w, string(e)) }
func (e *Generatie) UnmarshalGQL(v any) error {
	s, err := unmarshalEnum(v, []string{"V1", "V2"}, "Generatie")
	*e = Generatie(s)
	return err
}

// SubjectType of a klant.
type SubjectType string

func (e SubjectType) MarshalGQL(w io.Writer) { marshalEnum(w, string(e)) }
func (e *SubjectType) UnmarshalGQL(v any) error {
	s, err := unmarshalEnum(v, []string{"NATUURLIJK_PERSOON", "NIET_NATUURLIJK_PERSOON", "VESTIGING"}, "SubjectType")
	*e = SubjectType(s)
	return err
}

// DigitaalAdresSoort is the kind of a digital address.
type DigitaalAdresSoort string

func (e DigitaalAdresSoort) MarshalGQL(w io.Writer) { marshalEnum(w, string(e)) }
func (e *DigitaalAdresSoort) UnmarshalGQL(v any) error {
	s, err := unmarshalEnum(v, []string{"EMAIL", "TELEFOONNUMMER", "OVERIG"}, "DigitaalAdresSoort")
	*e = DigitaalAdresSoort(s)
	return err
}

// Initiatiefnemer of a contactmoment.
type Initiatiefnemer string

func (e Initiatiefnemer) MarshalGQL(w io.Writer) { marshalEnum(w, string(e)) }
func (e *Initiatiefnemer) UnmarshalGQL(v any) error {
	s, err := unmarshalEnum(v, []string{"GEMEENTE", "KLANT"}, "Initiatiefnemer")
	*e = Initiatiefnemer(s)
	return err
}

// KlantRol is the part of a klant in a contactmoment.
type KlantRol string

func (e KlantRol) MarshalGQL(w io.Writer) { marshalEnum(w, string(e)) }
func (e *KlantRol) UnmarshalGQL(v any) error {
	s, err := unmarshalEnum(v, []string{"BELANGHEBBENDE", "GESPREKSPARTNER", "KLANT", "VERTEGENWOORDIGER"}, "KlantRol")
	*e = KlantRol(s)
	return err
}

// VerzoekStatus is the state of a verzoek.
type VerzoekStatus string

func (e VerzoekStatus) MarshalGQL(w io.Writer) { marshalEnum(w, string(e)) }
func (e *VerzoekStatus) UnmarshalGQL(v any) error {
	s, err := unmarshalEnum(v, []string{"ONTVANGEN", "IN_BEHANDELING", "AFGEHANDELD", "AFGEWEZEN", "INGETROKKEN"}, "VerzoekStatus")
	*e = VerzoekStatus(s)
	return err
}

// Vertrouwelijkheidaanduiding is a confidentiality level.
type Vertrouwelijkheidaanduiding string

// VertrouwelijkheidLevels lists the levels from least to most confidential.
var VertrouwelijkheidLevels = []string{"OPENBAAR", "BEPERKT_OPENBAAR", "INTERN", "ZAAKVERTROUWELIJK", "VERTROUWELIJK", "CONFIDENTIEEL", "GEHEIM", "ZEER_GEHEIM"}

func (e Vertrouwelijkheidaanduiding) MarshalGQL(w io.Writer) { marshalEnum(w, string(e)) }
func (e *Vertrouwelijkheidaanduiding) UnmarshalGQL(v any) error {
	s, err := unmarshalEnum(v, VertrouwelijkheidLevels, "Vertrouwelijkheidaanduiding")
	*e = Vertrouwelijkheidaanduiding(s)
	return err
}

// BetrokkeneType is the kind of betrokkene of a rol.
type BetrokkeneType string

func (e BetrokkeneType) MarshalGQL(w io.Writer) { marshalEnum(w, string(e)) }
func (e *BetrokkeneType) UnmarshalGQL(v any) error {
	s, err := unmarshalEnum(v, []string{"NATUURLIJK_PERSOON", "NIET_NATUURLIJK_PERSOON", "VESTIGING", "ORGANISATORISCHE_EENHEID", "MEDEWERKER"}, "BetrokkeneType")
	*e = BetrokkeneType(s)
	return err
}

// OmschrijvingGeneriek is the generic description of a rol(type).
type OmschrijvingGeneriek string

func (e OmschrijvingGeneriek) MarshalGQL(w io.Writer) { marshalEnum(w, string(e)) }
func (e *OmschrijvingGeneriek) UnmarshalGQL(v any) error {
	s, err := unmarshalEnum(v, []string{"ADVISEUR", "BEHANDELAAR", "BELANGHEBBENDE", "BESLISSER", "INITIATOR", "KLANTCONTACTER", "ZAAKCOORDINATOR", "MEDE_INITIATOR"}, "OmschrijvingGeneriek")
	*e = OmschrijvingGeneriek(s)
	return err
}

// ZaakStatusFilter selects open or closed zaken.
type ZaakStatusFilter string

func (e ZaakStatusFilter) MarshalGQL(w io.Writer) { marshalEnum(w, string(e)) }
func (e *ZaakStatusFilter) UnmarshalGQL(v any) error {
	s, err := unmarshalEnum(v, []string{"OPEN", "GESLOTEN"}, "ZaakStatusFilter")
	*e = ZaakStatusFilter(s)
	return err
}

// InterneTaakStatus is the state of an interne taak.
type InterneTaakStatus string

func (e InterneTaakStatus) MarshalGQL(w io.Writer) { marshalEnum(w, string(e)) }
func (e *InterneTaakStatus) UnmarshalGQL(v any) error {
	s, err := unmarshalEnum(v, []string{"TE_VERWERKEN", "VERWERKT"}, "InterneTaakStatus")
	*e = InterneTaakStatus(s)
	return err
}
