package model

import (
	"encoding/base64"
	"errors"
	"strings"
)

// NodeTypes are the type names a global id can carry.
var NodeTypes = []string{"Klant", "Contactmoment", "Verzoek", "Zaak", "Zaaktype", "Status", "Statustype",
	"Resultaat", "Resultaattype", "Rol", "Roltype", "Document", "Informatieobjecttype", "InterneTaak"}

// NewID builds a Relay global id from a type name and the object's URL.
func NewID(typ, url string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(typ + ":" + url))
}

// ErrBadID is returned for ids that are not klantgraaf global ids.
var ErrBadID = errors.New("not a valid global id")

// ParseID splits a global id into its type name and URL. Only the exact id
// NewID makes is accepted (no line breaks, no stray padding bits), so one
// object has one id.
func ParseID(id string) (typ, url string, err error) {
	if len(id) > 4096 {
		return "", "", ErrBadID
	}
	b, err := base64.RawURLEncoding.Strict().DecodeString(id)
	if err != nil || strings.ContainsAny(id, "\r\n") {
		return "", "", ErrBadID
	}
	typ, url, ok := strings.Cut(string(b), ":")
	if !ok || url == "" {
		return "", "", ErrBadID
	}
	for _, t := range NodeTypes {
		if t == typ {
			return typ, url, nil
		}
	}
	return "", "", ErrBadID
}

// Node is implemented by every type with a global id.
type Node interface {
	ID() string
	IsNode()
}
