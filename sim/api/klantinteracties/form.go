package klantinteracties

// Request bodies and list queries, validated field by field with the codes
// and Dutch reasons of Django REST framework as Open Klant returns them.

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"net/http"
	"net/mail"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-chi/chi/v5"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/provider"
)

const (
	msgRequired = "Dit veld is vereist."
	msgNull     = "Dit veld mag niet leeg zijn."
	msgBlank    = "Dit veld mag niet leeg zijn."
	msgString   = "Geen geldige string."
	msgBool     = "Moet een geldige boolean zijn."
	msgInteger  = "Een geldig getal is vereist."
	msgUUID     = "Voer een geldige UUID in."
	msgURL      = "Voer een geldige URL in."
	msgDate     = "Datum heeft het verkeerde formaat, gebruik 1 van deze formaten: YYYY-MM-DD."
	msgDateTime = "Datetime heeft een ongeldig formaat, gebruik 1 van de volgende formaten: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]."
	msgObject   = "Ongeldige data. Verwacht een dictionary, kreeg een %s."
	msgList     = "Verwachtte een lijst met items maar kreeg type \"%s\"."
	msgNotFound = "Object met uuid=%s bestaat niet."
	nonField    = "nonFieldErrors"
)

// form reads a JSON object and collects validation errors under dotted
// names ("partijIdentificatoren.0.partijIdentificator.objectId").
type form struct {
	m       map[string]json.RawMessage
	partial bool
	prefix  string
	errs    *[]provider.InvalidParam
}

func newForm(m map[string]json.RawMessage, partial bool) *form {
	return &form{m: m, partial: partial, errs: new([]provider.InvalidParam)}
}

// readForm decodes the request body as an object (415/400 are written on
// failure).
func readForm(w http.ResponseWriter, r *http.Request, partial bool) (*form, bool) {
	var raw json.RawMessage
	if !provider.DecodeBody(w, r, &raw) {
		return nil, false
	}
	raw = bytes.TrimSpace(raw)
	m := map[string]json.RawMessage{}
	if !bytes.Equal(raw, []byte("null")) {
		if err := json.Unmarshal(raw, &m); err != nil {
			provider.WriteValidation(w, provider.InvalidParam{Name: nonField, Code: "invalid", Reason: fmt.Sprintf(msgObject, jsonKind(raw))})
			return nil, false
		}
	}
	return newForm(m, partial), true
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
	case '{':
		return "dict"
	default:
		return "int"
	}
}

func (f *form) name(k string) string {
	if f.prefix == "" {
		return k
	}
	return f.prefix + "." + k
}

func (f *form) fail(k, code, reason string) {
	*f.errs = append(*f.errs, provider.InvalidParam{Name: f.name(k), Code: code, Reason: reason})
}

func (f *form) failed() bool { return len(*f.errs) > 0 }

func (f *form) has(k string) bool { _, ok := f.m[k]; return ok }

func isNull(raw json.RawMessage) bool { return bytes.Equal(bytes.TrimSpace(raw), []byte("null")) }

// field returns the raw value of k, reporting required and null errors;
// ok=false when absent or null.
func (f *form) field(k string, required, nullable bool) (json.RawMessage, bool) {
	raw, ok := f.m[k]
	if !ok {
		if required && !f.partial {
			f.fail(k, "required", msgRequired)
		}
		return nil, false
	}
	if isNull(raw) {
		if !nullable {
			f.fail(k, "null", msgNull)
		}
		return nil, false
	}
	return raw, true
}

// str reads a string (max runes, 0 = unlimited); required strings may not be
// blank. It returns the value and whether a valid one was given.
func (f *form) str(k string, max int, required bool) (string, bool) {
	raw, ok := f.field(k, required, false)
	if !ok {
		return "", false
	}
	return f.strValue(k, raw, max, required)
}

func (f *form) strValue(k string, raw json.RawMessage, max int, required bool) (string, bool) {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		var n json.Number
		if err2 := json.Unmarshal(raw, &n); err2 != nil {
			f.fail(k, "invalid", msgString)
			return "", false
		}
		s = n.String()
	}
	if required && strings.TrimSpace(s) == "" {
		f.fail(k, "blank", msgBlank)
		return "", false
	}
	if max > 0 && utf8.RuneCountInString(s) > max {
		f.fail(k, "max_length", fmt.Sprintf("Zorg ervoor dat dit veld niet meer dan %d karakters bevat.", max))
		return "", false
	}
	return s, true
}

// nullableStr reads a nullable string; null gives "" with given=true.
func (f *form) nullableStr(k string, max int) (string, bool) {
	raw, ok := f.m[k]
	if !ok {
		return "", false
	}
	if isNull(raw) {
		return "", true
	}
	return f.strValue(k, raw, max, false)
}

// pattern checks a non-empty value against a regular expression.
func (f *form) pattern(k, v string, re *regexp.Regexp) bool {
	if v == "" || re.MatchString(v) {
		return true
	}
	f.fail(k, "invalid", "Voer een geldige waarde in.")
	return false
}

// choice reads an enum value.
func (f *form) choice(k string, choices []string, required bool) (string, bool) {
	raw, ok := f.field(k, required, false)
	if !ok {
		return "", false
	}
	s, ok := f.strValue(k, raw, 0, false)
	if !ok {
		return "", false
	}
	for _, c := range choices {
		if c == s {
			return s, true
		}
	}
	f.fail(k, "invalid_choice", fmt.Sprintf("%q is een ongeldige keuze.", s))
	return "", false
}

// boolean reads a boolean.
func (f *form) boolean(k string, required bool) (bool, bool) {
	raw, ok := f.field(k, required, false)
	if !ok {
		return false, false
	}
	var b bool
	if err := json.Unmarshal(raw, &b); err != nil {
		f.fail(k, "invalid", msgBool)
		return false, false
	}
	return b, true
}

// nullableBool reads a nullable boolean as a TriState.
func (f *form) nullableBool(k string) (data.TriState, bool) {
	raw, ok := f.m[k]
	if !ok {
		return data.TriUnknown, false
	}
	if isNull(raw) {
		return data.TriUnknown, true
	}
	var b bool
	if err := json.Unmarshal(raw, &b); err != nil {
		f.fail(k, "invalid", msgBool)
		return data.TriUnknown, false
	}
	return data.TriOf(b), true
}

// integer reads a nullable integer within [min, max]; null gives given=true
// with null=true.
func (f *form) integer(k string, min, max int64) (n int64, null, given bool) {
	raw, ok := f.m[k]
	if !ok {
		return 0, false, false
	}
	if isNull(raw) {
		return 0, true, true
	}
	if err := json.Unmarshal(raw, &n); err != nil {
		f.fail(k, "invalid", msgInteger)
		return 0, false, false
	}
	if n < min {
		f.fail(k, "min_value", fmt.Sprintf("Zorg ervoor dat deze waarde groter of gelijk is aan %d.", min))
		return 0, false, false
	}
	if n > max {
		f.fail(k, "max_value", fmt.Sprintf("Zorg ervoor dat deze waarde kleiner of gelijk is aan %d.", max))
		return 0, false, false
	}
	return n, false, true
}

// object reads a nested object; null gives (nil, true).
func (f *form) object(k string, required, nullable bool) (*form, bool) {
	raw, ok := f.m[k]
	if !ok {
		if required && !f.partial {
			f.fail(k, "required", msgRequired)
		}
		return nil, false
	}
	if isNull(raw) {
		if !nullable {
			f.fail(k, "null", msgNull)
			return nil, false
		}
		return nil, true
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		f.fail(k, "invalid", fmt.Sprintf(msgObject, jsonKind(raw)))
		return nil, false
	}
	return &form{m: m, partial: f.partial, prefix: f.name(k), errs: f.errs}, true
}

// list reads an array of objects; null gives (nil, true) when nullable.
func (f *form) list(k string, nullable bool) ([]*form, bool) {
	raw, ok := f.m[k]
	if !ok {
		return nil, false
	}
	if isNull(raw) {
		if !nullable {
			f.fail(k, "null", msgNull)
			return nil, false
		}
		return nil, true
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		f.fail(k, "not_a_list", fmt.Sprintf(msgList, jsonKind(raw)))
		return nil, false
	}
	out := make([]*form, 0, len(items))
	okAll := true
	for i, it := range items {
		var m map[string]json.RawMessage
		name := f.name(k) + "." + strconv.Itoa(i)
		if err := json.Unmarshal(it, &m); err != nil {
			*f.errs = append(*f.errs, provider.InvalidParam{Name: name, Code: "invalid", Reason: fmt.Sprintf(msgObject, jsonKind(it))})
			okAll = false
			continue
		}
		out = append(out, &form{m: m, partial: false, prefix: name, errs: f.errs})
	}
	return out, okAll
}

// uuidField reads the "uuid" of a foreign key object.
func (f *form) uuidField() (data.UUID, bool) {
	s, ok := f.str("uuid", 0, true)
	if !ok {
		return data.UUID{}, false
	}
	u, err := data.ParseUUID(s)
	if err != nil {
		f.fail("uuid", "invalid", msgUUID)
		return data.UUID{}, false
	}
	return u, true
}

// date reads a nullable date; null gives (0, true).
func (f *form) date(k string) (data.Date, bool) {
	raw, ok := f.m[k]
	if !ok {
		return 0, false
	}
	if isNull(raw) {
		return 0, true
	}
	var s string
	t, err := time.Time{}, json.Unmarshal(raw, &s)
	if err == nil {
		t, err = time.Parse("2006-01-02", s)
	}
	if err != nil {
		f.fail(k, "invalid", msgDate)
		return 0, false
	}
	return data.Date(t.Unix() / 86400), true
}

// dateTime reads a date-time; nullable fields give (0, true) for null.
func (f *form) dateTime(k string, nullable bool) (data.DateTime, bool) {
	raw, present := f.m[k]
	if !present {
		return 0, false
	}
	if isNull(raw) {
		if !nullable {
			f.fail(k, "null", msgNull)
			return 0, false
		}
		return 0, true
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		f.fail(k, "invalid", msgDateTime)
		return 0, false
	}
	t, ok := parseDateTime(s)
	if !ok {
		f.fail(k, "invalid", msgDateTime)
		return 0, false
	}
	return data.DateTime(t.Unix()), true
}

// parseDateTime accepts RFC 3339 with or without zone (UTC assumed).
func parseDateTime(s string) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func formatDateTime(t data.DateTime) string { return time.Unix(int64(t), 0).UTC().Format(time.RFC3339) }

func formatDate(d data.Date) string { return time.Unix(int64(d)*86400, 0).UTC().Format("2006-01-02") }

func validEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && strings.Contains(s[strings.LastIndexByte(s, '@')+1:], ".")
}

func validURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// elfProef is the 11-proef of BSN and RSIN.
func elfProef(s string) bool {
	if len(s) != 9 {
		return false
	}
	sum := 0
	for i := 0; i < 9; i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return false
		}
		w := 9 - i
		if i == 8 {
			w = -1
		}
		sum += w * int(c-'0')
	}
	return sum%11 == 0
}

func allDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

func newUUID() data.UUID {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = (b[6] & 0x0f) | 0x40
	b[8] = (b[8] & 0x3f) | 0x80
	return data.UUID(b)
}

func pathUUID(r *http.Request) (data.UUID, bool) {
	u, err := data.ParseUUID(chi.URLParam(r, "uuid"))
	return u, err == nil
}

// ---- list queries ----

type query struct {
	q    url.Values
	errs []provider.InvalidParam
}

func newQuery(r *http.Request) *query { return &query{q: r.URL.Query()} }

func (p *query) get(k string) (string, bool) {
	v := p.q.Get(k)
	return v, v != ""
}

func (p *query) fail(k, code, reason string) {
	p.errs = append(p.errs, provider.InvalidParam{Name: k, Code: code, Reason: reason})
}

// uuid reads a UUID filter; an invalid value is a 400.
func (p *query) uuid(k string) (data.UUID, bool) {
	v, ok := p.get(k)
	if !ok {
		return data.UUID{}, false
	}
	u, err := data.ParseUUID(v)
	if err != nil {
		p.fail(k, "invalid", msgUUID)
		return data.UUID{}, false
	}
	return u, true
}

// urlUUID reads a URL filter the way Open Klant does: the last path segment
// is taken as the object's UUID; a URL without one matches nothing.
func (p *query) urlUUID(k string) (u data.UUID, given, valid bool) {
	v, ok := p.get(k)
	if !ok {
		return u, false, false
	}
	v = strings.TrimRight(v, "/")
	u, err := data.ParseUUID(v[strings.LastIndexByte(v, '/')+1:])
	return u, true, err == nil
}

// boolean reads a boolean filter (true/false, True/False, 1/0).
func (p *query) boolean(k string) (bool, bool) {
	v, ok := p.get(k)
	if !ok {
		return false, false
	}
	switch v {
	case "true", "True", "1":
		return true, true
	case "false", "False", "0":
		return false, true
	}
	p.fail(k, "invalid_choice", fmt.Sprintf("Selecteer een geldige keuze. %s is geen beschikbare keuze.", v))
	return false, false
}

func (p *query) choice(k string, choices []string) (string, bool) {
	v, ok := p.get(k)
	if !ok {
		return "", false
	}
	for _, c := range choices {
		if c == v {
			return v, true
		}
	}
	p.fail(k, "invalid_choice", fmt.Sprintf("Selecteer een geldige keuze. %s is geen beschikbare keuze.", v))
	return "", false
}

func (p *query) dateTime(k string) (data.DateTime, bool) {
	v, ok := p.get(k)
	if !ok {
		return 0, false
	}
	t, ok := parseDateTime(v)
	if !ok {
		p.fail(k, "invalid", "Voer een geldige datum/tijd in.")
		return 0, false
	}
	return data.DateTime(t.Unix()), true
}

func (p *query) date(k string) (data.Date, bool) {
	v, ok := p.get(k)
	if !ok {
		return 0, false
	}
	t, err := time.Parse("2006-01-02", v)
	if err != nil {
		p.fail(k, "invalid", "Voer een geldige datum in.")
		return 0, false
	}
	return data.Date(t.Unix() / 86400), true
}

// expand reads the expand parameter (comma separated, style form without
// explode; repeating it is accepted too) against the allowed values.
func (p *query) expand(allowed []string) expandSet {
	var vals []string
	for _, v := range p.q["expand"] {
		for _, x := range strings.Split(v, ",") {
			if x = strings.TrimSpace(x); x != "" {
				vals = append(vals, x)
			}
		}
	}
	if len(vals) == 0 {
		return nil
	}
	set := expandSet{}
	for _, v := range vals {
		ok := false
		for _, a := range allowed {
			if a == v {
				ok = true
			}
		}
		if !ok {
			p.fail("expand", "invalid_choice", fmt.Sprintf("Selecteer een geldige keuze. %s is geen beschikbare keuze.", v))
			continue
		}
		set.add(v)
	}
	return set
}

// failed writes the collected query errors as a 400.
func (p *query) failed(w http.ResponseWriter) bool {
	if len(p.errs) == 0 {
		return false
	}
	provider.WriteValidation(w, p.errs...)
	return true
}

// expandSet holds the requested expansion paths; a path implies its
// prefixes ("hadBetrokkenen.wasPartij" expands hadBetrokkenen too).
type expandSet map[string]bool

func (s expandSet) add(path string) {
	for {
		s[path] = true
		i := strings.LastIndexByte(path, '.')
		if i < 0 {
			return
		}
		path = path[:i]
	}
}

func (s expandSet) has(k string) bool { return s[k] }

// sub returns the paths below k.
func (s expandSet) sub(k string) expandSet {
	var out expandSet
	for p := range s {
		if rest, ok := strings.CutPrefix(p, k+"."); ok {
			if out == nil {
				out = expandSet{}
			}
			out[rest] = true
		}
	}
	return out
}
