package zaken

import (
	"crypto/rand"
	"encoding/json"
	"net/http"
	"strconv"
	"unicode/utf8"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/provider"
	"github.com/klantgraaf/klantgraaf/sim/render"
)

// Validation messages as the provider words them.
const (
	reasonRequired = "Dit veld is vereist."
	reasonBlank    = "Dit veld mag niet leeg zijn."
	reasonNull     = "Dit veld mag niet leeg zijn."
	reasonBadURL   = "De URL is ongeldig."
	reasonDate     = "Datum heeft het verkeerde formaat, gebruik 1 van deze formaten: YYYY-MM-DD."
	reasonDateTime = "Datetime heeft een ongeldig formaat, gebruik 1 van de volgende formaten: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]."
	reasonString   = "Geen geldige string."
)

// body is a decoded JSON object request body with the validation errors
// found while reading its fields.
type body struct {
	m   map[string]json.RawMessage
	bad []provider.InvalidParam
}

func decodeObject(w http.ResponseWriter, r *http.Request) (*body, bool) {
	var m map[string]json.RawMessage
	if !provider.DecodeBody(w, r, &m) {
		return nil, false
	}
	if m == nil {
		provider.WriteValidation(w, provider.InvalidParam{Name: "nonFieldErrors", Code: "invalid",
			Reason: "Ongeldige data. Verwachtte een dictionary, maar kreeg een null."})
		return nil, false
	}
	return &body{m: m}, true
}

func (b *body) fail(name, code, reason string) {
	b.bad = append(b.bad, provider.InvalidParam{Name: name, Code: code, Reason: reason})
}

// str reads an optional string field (absent or null: ok=false).
func (b *body) str(name string, maxLen int) (string, bool) {
	raw, ok := b.m[name]
	if !ok || string(raw) == "null" {
		return "", false
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		b.fail(name, "invalid", reasonString)
		return "", false
	}
	if maxLen > 0 && utf8.RuneCountInString(s) > maxLen {
		b.fail(name, "max_length", "Zorg ervoor dat dit veld niet meer dan "+strconv.Itoa(maxLen)+" karakters bevat.")
		return "", false
	}
	return s, true
}

// required reads a required, non-blank string field.
func (b *body) required(name string, maxLen int) (string, bool) {
	raw, ok := b.m[name]
	switch {
	case !ok:
		b.fail(name, "required", reasonRequired)
		return "", false
	case string(raw) == "null":
		b.fail(name, "null", reasonNull)
		return "", false
	}
	s, ok := b.str(name, maxLen)
	if ok && s == "" {
		b.fail(name, "blank", reasonBlank)
		return "", false
	}
	return s, ok
}

// date reads an optional date field.
func (b *body) date(name string) (data.Date, bool) {
	s, ok := b.str(name, 0)
	if !ok {
		return 0, false
	}
	d, ok := render.ParseDate(s)
	if !ok {
		b.fail(name, "invalid", reasonDate)
	}
	return d, ok
}

// ref resolves a URL field to a row of t; a URL that does not resolve is a
// bad-url error.
func ref[T any](b *body, st *data.Store, t *data.Table[T], name, raw string, api data.APIKind, coll string) data.Ref {
	r := resolveRef(st, t, raw, api, coll)
	if r == data.NoRef {
		b.fail(name, "bad-url", reasonBadURL)
	}
	return r
}

// newUUID returns a random version 4 UUID.
func newUUID() data.UUID {
	var u data.UUID
	_, _ = rand.Read(u[:])
	u[6] = (u[6] & 0x0f) | 0x40
	u[8] = (u[8] & 0x3f) | 0x80
	return u
}

// created answers 201 with the new object and its Location.
func created(w http.ResponseWriter, location string, v any) func() {
	return func() {
		w.Header().Set("Location", location)
		provider.WriteJSON(w, http.StatusCreated, v)
	}
}

func validation(w http.ResponseWriter, bad []provider.InvalidParam) func() {
	return func() { provider.WriteValidation(w, bad...) }
}

func forbidden(w http.ResponseWriter, detail string) func() {
	return func() {
		provider.WriteProblem(w, http.StatusForbidden, "permission_denied",
			"Je hebt geen toestemming om deze actie uit te voeren.", detail)
	}
}
