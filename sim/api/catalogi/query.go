package catalogi

import (
	"net/url"
	"strings"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/provider"
	"github.com/klantgraaf/klantgraaf/sim/render"
)

// pred is one filter condition on a row of the listed kind.
type pred func(r data.Ref) bool

// query reads the filter parameters of a list. An empty value counts as
// absent, as the provider's filters treat it; unknown parameters are
// ignored. Invalid values of enumerations and dates are collected as
// invalidParams (answered with 400).
type query struct {
	q     url.Values
	st    *data.Store
	preds []pred
	bad   []provider.InvalidParam
}

func newQuery(q url.Values, st *data.Store) *query { return &query{q: q, st: st} }

func (f *query) get(name string) (string, bool) {
	v := f.q.Get(name)
	return v, v != ""
}

func (f *query) add(p pred) { f.preds = append(f.preds, p) }

// match reports whether row r satisfies every condition.
func (f *query) match(r data.Ref) bool {
	for _, p := range f.preds {
		if !p(r) {
			return false
		}
	}
	return true
}

// choice reads an enumeration parameter.
func (f *query) choice(name string, allowed ...string) (string, bool) {
	v, ok := f.get(name)
	if !ok {
		return "", false
	}
	for _, a := range allowed {
		if v == a {
			return v, true
		}
	}
	f.bad = append(f.bad, invalidChoice(name, v))
	return "", false
}

// date reads a YYYY-MM-DD parameter.
func (f *query) date(name string) (data.Date, bool) {
	v, ok := f.get(name)
	if !ok {
		return 0, false
	}
	d, ok := render.ParseDate(v)
	if !ok {
		f.bad = append(f.bad, provider.InvalidParam{Name: name, Code: "invalid", Reason: "Voer een geldige datum in."})
		return 0, false
	}
	return d, true
}

// list reads a comma separated multi-value parameter.
func (f *query) list(name string) ([]string, bool) {
	v, ok := f.get(name)
	if !ok {
		return nil, false
	}
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out, len(out) > 0
}

// resolve reads a URL parameter naming a row of t in an instance of api. A
// URL that does not resolve to an object of that kind matches nothing: it
// yields NoRef with ok=true.
func resolve[T any](f *query, name string, t *data.Table[T], api data.APIKind, coll string) (data.Ref, bool) {
	v, ok := f.get(name)
	if !ok {
		return data.NoRef, false
	}
	r, found := data.Resolve(f.st, t, v, api, coll)
	if !found {
		return data.NoRef, true
	}
	return r, true
}

func invalidChoice(name, v string) provider.InvalidParam {
	return provider.InvalidParam{Name: name, Code: "invalid_choice",
		Reason: "Selecteer een geldige keuze. " + v + " is geen beschikbare keuze."}
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

// containsAll reports whether have holds every element of want.
func containsAll(have, want []string) bool {
	for _, w := range want {
		found := false
		for _, h := range have {
			if h == w {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
