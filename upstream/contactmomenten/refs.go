package contactmomenten

import (
	"bytes"
	"encoding/json"
)

// Ref is an entry of a relation list that is a URL normally and, with Open
// Klant's expand, the related object itself. Decoding never fails: an entry
// of an unexpected shape is left empty.
type Ref[T any] struct {
	URL    string
	Object *T // nil unless the provider embedded the object
}

// UnmarshalJSON accepts a URL string or an object with a "url" field.
func (r *Ref[T]) UnmarshalJSON(b []byte) error {
	*r = Ref[T]{}
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return nil
	}
	switch b[0] {
	case '"':
		_ = json.Unmarshal(b, &r.URL)
	case '{':
		var id struct {
			URL string `json:"url"`
		}
		_ = json.Unmarshal(b, &id)
		r.URL = id.URL
		var obj T
		if json.Unmarshal(b, &obj) == nil {
			r.Object = &obj
		}
	}
	return nil
}

// MarshalJSON writes the object when there is one, else the URL.
func (r Ref[T]) MarshalJSON() ([]byte, error) {
	if r.Object != nil {
		return json.Marshal(r.Object)
	}
	return json.Marshal(r.URL)
}

// Refs is a relation list of Ref entries. Decoding never fails: anything
// but an array decodes to an empty list.
type Refs[T any] []Ref[T]

// UnmarshalJSON decodes an array of refs, tolerating any other shape.
func (rs *Refs[T]) UnmarshalJSON(b []byte) error {
	*rs = nil
	var raw []json.RawMessage
	if json.Unmarshal(b, &raw) != nil {
		return nil
	}
	out := make(Refs[T], 0, len(raw))
	for _, e := range raw {
		var r Ref[T]
		_ = r.UnmarshalJSON(e)
		if r.URL != "" || r.Object != nil {
			out = append(out, r)
		}
	}
	*rs = out
	return nil
}

// URLs returns the URLs of the entries that have one.
func (rs Refs[T]) URLs() []string {
	var out []string
	for _, r := range rs {
		if r.URL != "" {
			out = append(out, r.URL)
		}
	}
	return out
}

// Objects returns the embedded objects.
func (rs Refs[T]) Objects() []T {
	var out []T
	for _, r := range rs {
		if r.Object != nil {
			out = append(out, *r.Object)
		}
	}
	return out
}
