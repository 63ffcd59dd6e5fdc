// Package form holds the helpers for request bodies, query filters and
// identifiers, shaped after the Django REST framework based providers (Open
// Klant, the VNG reference implementations): validation errors are collected
// per field with the codes and Dutch reasons those providers return.
package form

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"net/http"
	"net/mail"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-chi/chi/v5"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/provider"
)

const (
	MsgRequired   = "Dit veld is vereist."
	MsgNull       = "Dit veld mag niet leeg zijn."
	MsgBlank      = "Dit veld mag niet leeg zijn."
	MsgString     = "Geen geldige string."
	MsgBool       = "Moet een geldige boolean zijn."
	MsgInteger    = "Een geldig getal is vereist."
	MsgURL        = "Voer een geldige URL in."
	MsgEmail      = "Voer een geldig e-mailadres in."
	MsgBadURL     = "De URL is ongeldig."
	MsgImmutable  = "Dit veld mag niet gewijzigd worden."
	MsgDateTime   = "Datetime heeft een ongeldig formaat, gebruik 1 van de volgende formaten: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]."
	NonFieldError = "nonFieldErrors"
)

// Form reads a JSON object field by field and collects validation errors.
// partial (PATCH) skips the required checks for absent fields; as in the
// providers, a PUT leaves absent optional fields unchanged as well.
type Form struct {
	m       map[string]json.RawMessage
	partial bool
	prefix  string
	errs    *[]provider.InvalidParam
}

// Read decodes the request body (415/400 are written on failure).
func Read(w http.ResponseWriter, r *http.Request, partial bool) (*Form, bool) {
	var raw json.RawMessage
	if !provider.DecodeBody(w, r, &raw) {
		return nil, false
	}
	f := &Form{partial: partial, errs: new([]provider.InvalidParam)}
	raw = bytes.TrimSpace(raw)
	if bytes.Equal(raw, []byte("null")) {
		f.m = map[string]json.RawMessage{}
		return f, true
	}
	if err := json.Unmarshal(raw, &f.m); err != nil {
		provider.WriteValidation(w, provider.InvalidParam{Name: NonFieldError, Code: "invalid",
			Reason: "Ongeldige data. Verwacht een dictionary, kreeg een " + jsonKind(raw) + "."})
		return nil, false
	}
	return f, true
}

func jsonKind(raw json.RawMessage) string {
	if len(raw) == 0 {
		return "leeg"
	}
	switch raw[0] {
	case '[':
		return "list"
	case '"':
		return "str"
	case 't', 'f':
		return "bool"
	default:
		return "int"
	}
}

func (f *Form) name(k string) string {
	if f.prefix == "" {
		return k
	}
	return f.prefix + "." + k
}

// Fail records a validation error for field k.
func (f *Form) Fail(k, code, reason string) {
	*f.errs = append(*f.errs, provider.InvalidParam{Name: f.name(k), Code: code, Reason: reason})
}

// Failed reports whether any validation error was collected.
func (f *Form) Failed() bool { return len(*f.errs) > 0 }

// Errs returns the validation errors collected so far, shared with the
// nested objects read from this form.
func (f *Form) Errs() []provider.InvalidParam { return *f.errs }

// Raw returns the undecoded value of k and whether it is present.
func (f *Form) Raw(k string) (json.RawMessage, bool) {
	raw, ok := f.m[k]
	return raw, ok
}

// Has reports whether k is present in the body.
func (f *Form) Has(k string) bool { _, ok := f.m[k]; return ok }

// IsNull reports whether raw is the JSON null literal.
func IsNull(raw json.RawMessage) bool { return bytes.Equal(bytes.TrimSpace(raw), []byte("null")) }

// Field returns the raw value of k, reporting required/null errors. It
// returns ok=false when the field is absent, null or missing.
func (f *Form) Field(k string, required, nullable bool) (json.RawMessage, bool) {
	raw, ok := f.m[k]
	if !ok {
		if required && !f.partial {
			f.Fail(k, "required", MsgRequired)
		}
		return nil, false
	}
	if IsNull(raw) {
		if !nullable {
			f.Fail(k, "null", MsgNull)
		}
		return nil, false
	}
	return raw, true
}

// Str reads a string field with a maximum length (0 = unlimited). Required
// fields may not be blank. It returns the value and whether it was given.
func (f *Form) Str(k string, max int, required bool) (string, bool) {
	raw, ok := f.Field(k, required, false)
	if !ok {
		return "", false
	}
	return f.strValue(k, raw, max, required)
}

func (f *Form) strValue(k string, raw json.RawMessage, max int, required bool) (string, bool) {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		// Numbers are accepted as strings, like the providers do.
		var n json.Number
		if err2 := json.Unmarshal(raw, &n); err2 != nil {
			f.Fail(k, "invalid", MsgString)
			return "", false
		}
		s = n.String()
	}
	if required && strings.TrimSpace(s) == "" {
		f.Fail(k, "blank", MsgBlank)
		return "", false
	}
	if max > 0 && utf8.RuneCountInString(s) > max {
		f.Fail(k, "max_length", fmt.Sprintf("Zorg ervoor dat dit veld niet meer dan %d karakters bevat.", max))
		return "", false
	}
	return s, true
}

// NullableStr reads a nullable string; null yields "" with given=true.
func (f *Form) NullableStr(k string, max int) (string, bool) {
	raw, ok := f.m[k]
	if !ok {
		return "", false
	}
	if IsNull(raw) {
		return "", true
	}
	s, ok := f.strValue(k, raw, max, false)
	if !ok {
		return "", false
	}
	return s, true
}

// Choice reads an enum field; blank is allowed unless required.
func (f *Form) Choice(k string, choices []string, required bool) (string, bool) {
	raw, ok := f.Field(k, required, false)
	if !ok {
		return "", false
	}
	return f.ChoiceValue(k, raw, choices, required)
}

// ChoiceValue validates an already read enum value of field k.
func (f *Form) ChoiceValue(k string, raw json.RawMessage, choices []string, required bool) (string, bool) {
	s, ok := f.strValue(k, raw, 0, required)
	if !ok {
		return "", false
	}
	if s == "" && !required {
		return "", true
	}
	for _, c := range choices {
		if c == s {
			return s, true
		}
	}
	f.Fail(k, "invalid_choice", fmt.Sprintf("%q is geen geldige keuze.", s))
	return "", false
}

// Boolean reads a boolean field.
func (f *Form) Boolean(k string) (bool, bool) {
	raw, ok := f.Field(k, false, false)
	if !ok {
		return false, false
	}
	var b bool
	if err := json.Unmarshal(raw, &b); err != nil {
		f.Fail(k, "invalid", MsgBool)
		return false, false
	}
	return b, true
}

// Integer reads a nullable integer field within [min, max]; null yields
// (0, true, true).
func (f *Form) Integer(k string, min, max int64) (n int64, null, given bool) {
	raw, ok := f.m[k]
	if !ok {
		return 0, false, false
	}
	if IsNull(raw) {
		return 0, true, true
	}
	if err := json.Unmarshal(raw, &n); err != nil {
		f.Fail(k, "invalid", MsgInteger)
		return 0, false, false
	}
	if n < min {
		f.Fail(k, "min_value", fmt.Sprintf("Zorg ervoor dat deze waarde groter of gelijk is aan %d.", min))
		return 0, false, false
	}
	if n > max {
		f.Fail(k, "max_value", fmt.Sprintf("Zorg ervoor dat deze waarde kleiner of gelijk is aan %d.", max))
		return 0, false, false
	}
	return n, false, true
}

// Object reads a nested object; null yields (nil, true).
func (f *Form) Object(k string) (*Form, bool) {
	raw, ok := f.m[k]
	if !ok {
		return nil, false
	}
	if IsNull(raw) {
		return nil, true
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		f.Fail(k, "invalid", "Ongeldige data. Verwacht een dictionary, kreeg een "+jsonKind(raw)+".")
		return nil, false
	}
	return &Form{m: m, partial: f.partial, prefix: f.name(k), errs: f.errs}, true
}

// StrList reads a list of strings with a maximum item length.
func (f *Form) StrList(k string, max int, minLen int) ([]string, bool) {
	raw, ok := f.Field(k, false, false)
	if !ok {
		return nil, false
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		f.Fail(k, "not_a_list", fmt.Sprintf("Verwachtte een lijst met items maar kreeg type %q.", jsonKind(raw)))
		return nil, false
	}
	out := make([]string, 0, len(items))
	before := len(*f.errs)
	for _, it := range items {
		s, ok := f.strValue(k, it, max, minLen > 0)
		if ok {
			out = append(out, s)
		}
	}
	return out, len(*f.errs) == before
}

// DateTime reads an ISO 8601 date-time field.
func (f *Form) DateTime(k string) (data.DateTime, bool) {
	raw, ok := f.Field(k, false, false)
	if !ok {
		return 0, false
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		f.Fail(k, "invalid", MsgDateTime)
		return 0, false
	}
	t, ok := ParseDateTime(s, false)
	if !ok {
		f.Fail(k, "invalid", MsgDateTime)
		return 0, false
	}
	return data.DateTime(t.Unix()), true
}

// ParseDateTime accepts RFC 3339 with or without zone (UTC assumed) and,
// when dateOnly is allowed, a bare date (midnight UTC).
func ParseDateTime(s string, dateOnly bool) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	if dateOnly {
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// FormatDateTime renders a stored moment as the providers do (UTC, Z).
func FormatDateTime(t data.DateTime) string {
	return time.Unix(int64(t), 0).UTC().Format(time.RFC3339)
}

// ValidURL reports whether s is an absolute http(s) URL.
func ValidURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// ValidEmail reports whether s looks like a single e-mail address.
func ValidEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && strings.Contains(s[strings.LastIndexByte(s, '@')+1:], ".")
}

// ValidRSIN applies the providers' RSIN check (9 digits, 11-proef) and
// returns an error code and reason, or "".
func ValidRSIN(s string) (code, reason string) {
	for _, c := range s {
		if c < '0' || c > '9' {
			return "only-digits", "Waarde moet numeriek zijn."
		}
	}
	if len(s) != 9 {
		return "invalid-length", "RSIN moet 9 tekens lang zijn."
	}
	if !ElfProef(s) {
		return "invalid", "Onjuist RSIN nummer."
	}
	return "", ""
}

// ElfProef is the Dutch 11-proef on a 9-digit BSN or RSIN.
func ElfProef(s string) bool {
	total := 0
	for i := 0; i < 9; i++ {
		d := int(s[i] - '0')
		w := 9 - i
		if i == 8 {
			w = -1
		}
		total += w * d
	}
	return total%11 == 0
}

// NewUUID returns a random version 4 UUID for a created resource.
func NewUUID() data.UUID {
	var u data.UUID
	_, _ = rand.Read(u[:])
	u[6] = (u[6] & 0x0f) | 0x40
	u[8] = (u[8] & 0x3f) | 0x80
	return u
}

// PathUUID parses the {uuid} route parameter; an invalid one is a 404.
func PathUUID(r *http.Request) (data.UUID, bool) {
	u, err := data.ParseUUID(strings.ToLower(chi.URLParam(r, "uuid")))
	return u, err == nil
}

// Query reads filters: an empty value means "not filtered", as with
// django-filter.
type Query struct {
	q    url.Values
	errs []provider.InvalidParam
}

// NewQuery reads the filters of r.
func NewQuery(r *http.Request) *Query { return &Query{q: r.URL.Query()} }

// Values returns the raw query parameters.
func (p *Query) Values() url.Values { return p.q }

// Add records a filter error.
func (p *Query) Add(e provider.InvalidParam) { p.errs = append(p.errs, e) }

// Get returns the value of filter k and whether it is set (non-empty).
func (p *Query) Get(k string) (string, bool) {
	v := p.q.Get(k)
	return v, v != ""
}

// Choice validates an enum filter value.
func (p *Query) Choice(k string, choices []string) (string, bool) {
	v, ok := p.Get(k)
	if !ok {
		return "", false
	}
	for _, c := range choices {
		if c == v {
			return v, true
		}
	}
	p.errs = append(p.errs, provider.InvalidParam{Name: k, Code: "invalid_choice",
		Reason: fmt.Sprintf("Selecteer een geldige keuze. %s is geen beschikbare keuze.", v)})
	return "", false
}

// DateTime parses a date-time filter value (a bare date means midnight UTC).
func (p *Query) DateTime(k string) (int64, bool) {
	v, ok := p.Get(k)
	if !ok {
		return 0, false
	}
	t, ok := ParseDateTime(v, true)
	if !ok {
		p.errs = append(p.errs, provider.InvalidParam{Name: k, Code: "invalid", Reason: "Voer een geldige datum/tijd in."})
		return 0, false
	}
	return t.Unix(), true
}

// Failed writes the collected filter errors as a 400.
func (p *Query) Failed(w http.ResponseWriter) bool {
	if len(p.errs) == 0 {
		return false
	}
	provider.WriteValidation(w, p.errs...)
	return true
}
