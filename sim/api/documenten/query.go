package documenten

import (
	"strings"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/provider"
	"github.com/klantgraaf/klantgraaf/sim/render"
)

// params is a source of filter values: the query string, or the body of
// POST /enkelvoudiginformatieobjecten/_zoek. An empty value counts as
// absent, as the provider's filters treat it.
type params func(name string) string

// query collects the conditions of a list and the invalid parameters.
type query struct {
	get   params
	st    *data.Store
	preds []func(r data.Ref) bool
	bad   []provider.InvalidParam
}

func (f *query) str(name string) (string, bool) {
	v := f.get(name)
	return v, v != ""
}

func (f *query) add(p func(r data.Ref) bool) { f.preds = append(f.preds, p) }

func (f *query) match(r data.Ref) bool {
	for _, p := range f.preds {
		if !p(r) {
			return false
		}
	}
	return true
}

func (f *query) fail(p provider.InvalidParam) { f.bad = append(f.bad, p) }

// choice reads an enumeration parameter.
func (f *query) choice(name string, allowed ...string) (string, bool) {
	v, ok := f.str(name)
	if !ok {
		return "", false
	}
	for _, a := range allowed {
		if v == a {
			return v, true
		}
	}
	f.fail(invalidChoice(name, v))
	return "", false
}

// date reads a YYYY-MM-DD parameter.
func (f *query) date(name string) (data.Date, bool) {
	v, ok := f.str(name)
	if !ok {
		return 0, false
	}
	d, ok := render.ParseDate(v)
	if !ok {
		f.fail(provider.InvalidParam{Name: name, Code: "invalid", Reason: "Voer een geldige datum in."})
		return 0, false
	}
	return d, true
}

// list reads a comma separated multi-value parameter.
func (f *query) list(name string) ([]string, bool) {
	out := splitList(f.get(name))
	return out, len(out) > 0
}

func splitList(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// boolean reads a boolean parameter; other values are ignored, as the
// provider's boolean filters ignore them.
func (f *query) boolean(name string) (val, ok bool) {
	switch strings.ToLower(f.get(name)) {
	case "true", "1":
		return true, true
	case "false", "0":
		return false, true
	}
	return false, false
}

func invalidChoice(name, v string) provider.InvalidParam {
	return provider.InvalidParam{Name: name, Code: "invalid_choice",
		Reason: "Selecteer een geldige keuze. " + v + " is geen beschikbare keuze."}
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

func containsAny(have, want []string) bool {
	for _, w := range want {
		for _, h := range have {
			if h == w {
				return true
			}
		}
	}
	return false
}

func containsAll(have, want []string) bool {
	for _, w := range want {
		if !containsAny(have, []string{w}) {
			return false
		}
	}
	return true
}
