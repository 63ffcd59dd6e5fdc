package zaken

import (
	"encoding/json"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/provider"
	"github.com/klantgraaf/klantgraaf/sim/render"
)

// GET /zaken
func (a *api) listZaken(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) || !provider.RequireCrs(w, r, false) {
		return
	}
	q := r.URL.Query()
	exp, bad := parseExpand(q["expand"])
	if bad != nil {
		provider.WriteValidation(w, *bad)
		return
	}
	a.read(func(d *data.Data) func() {
		c := a.rc(d, r)
		zq, invalid := parseZaakQuery(c, queryParams(q))
		if len(invalid) > 0 {
			return func() { provider.WriteValidation(w, invalid...) }
		}
		return a.zakenPage(c, w, r, zq.run(c), exp)
	})
}

// zakenPage renders one page of zaken with their expansions.
func (a *api) zakenPage(c *rc, w http.ResponseWriter, r *http.Request, refs []data.Ref, exp expandSet) func() {
	page, env, ok := a.e.Paginate(w, r, refs, true)
	if !ok {
		return nil
	}
	results := make([]*zaakJSON, len(page))
	for i, z := range page {
		results[i] = c.expandedZaak(z, exp, exp != nil)
	}
	env.Results = results
	return func() { provider.WriteJSON(w, http.StatusOK, env) }
}

// GET and HEAD /zaken/{uuid}
func (a *api) getZaak(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) || !provider.RequireCrs(w, r, false) {
		return
	}
	exp, bad := parseExpand(r.URL.Query()["expand"])
	if bad != nil {
		provider.WriteValidation(w, *bad)
		return
	}
	u, ok := pathUUID(w, r, "uuid")
	if !ok {
		return
	}
	a.read(func(d *data.Data) func() {
		c := a.rc(d, r)
		z, ok := d.Zaken.LookupIn(a.e.Inst, u)
		if !ok || !c.zaakVisible(z) {
			return notFound(w)
		}
		return detail(w, r, c.expandedZaak(z, exp, false))
	})
}

// POST /zaken/_zoek: the list filters in a JSON body, plus uuid__in,
// zaaktype__in, zaaktype__not_in, zaakgeometrie.within and expand (merged
// with the expand of the query string); paginated by page and pageSize in
// the query string.
func (a *api) zoekZaken(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) || !provider.RequireCrs(w, r, true) {
		return
	}
	var body map[string]json.RawMessage
	if !provider.DecodeBody(w, r, &body) {
		return
	}
	if len(body) == 0 {
		provider.WriteValidation(w, provider.InvalidParam{Name: "nonFieldErrors", Code: "empty_search_body",
			Reason: "Search parameters must be specified"})
		return
	}
	z, bad := parseZoekBody(body)
	if len(bad) > 0 {
		provider.WriteValidation(w, bad...)
		return
	}
	exp, badExp := parseExpand(append(r.URL.Query()["expand"], z.expand...))
	if badExp != nil {
		provider.WriteValidation(w, *badExp)
		return
	}
	a.read(func(d *data.Data) func() {
		c := a.rc(d, r)
		zq, invalid := parseZaakQuery(c, z.params)
		if len(invalid) > 0 {
			return func() { provider.WriteValidation(w, invalid...) }
		}
		z.apply(c, zq)
		return a.zakenPage(c, w, r, zq.run(c), exp)
	})
}

// zoekBody is a parsed _zoek body.
type zoekBody struct {
	params        mapParams
	expand        []string
	uuidIn        []data.UUID
	hasUUIDIn     bool
	zaaktypeIn    []string
	hasZaaktypeIn bool
	zaaktypeNotIn []string
	within        *geometry
}

func parseZoekBody(body map[string]json.RawMessage) (*zoekBody, []provider.InvalidParam) {
	z := &zoekBody{params: mapParams{}}
	var bad []provider.InvalidParam
	strList := func(name string, raw json.RawMessage) []string {
		var l []string
		if err := json.Unmarshal(raw, &l); err != nil {
			bad = append(bad, provider.InvalidParam{Name: name, Code: "not_a_list",
				Reason: "Verwachtte een lijst met items, maar kreeg type \"" + jsonType(raw) + "\"."})
		}
		return l
	}
	keys := make([]string, 0, len(body))
	for k := range body {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		raw := body[k]
		if string(raw) == "null" {
			continue
		}
		switch k {
		case "uuid__in":
			z.hasUUIDIn = true
			for _, s := range strList(k, raw) {
				u, err := data.ParseUUID(s)
				if err != nil {
					bad = append(bad, provider.InvalidParam{Name: k, Code: "invalid", Reason: "Voer een geldige UUID in."})
					continue
				}
				z.uuidIn = append(z.uuidIn, u)
			}
		case "zaaktype__in":
			z.hasZaaktypeIn = true
			z.zaaktypeIn = strList(k, raw)
		case "zaaktype__not_in":
			z.zaaktypeNotIn = strList(k, raw)
		case "expand":
			z.expand = strList(k, raw)
		case "zaakgeometrie":
			var g struct {
				Within json.RawMessage `json:"within"`
			}
			if err := json.Unmarshal(raw, &g); err != nil || len(g.Within) == 0 {
				bad = append(bad, provider.InvalidParam{Name: "zaakgeometrie", Code: "invalid", Reason: "Ongeldige geometrie."})
				continue
			}
			geo, err := parseGeometry(g.Within)
			if err != nil {
				bad = append(bad, provider.InvalidParam{Name: "zaakgeometrie.within", Code: "invalid", Reason: err.Error()})
				continue
			}
			z.within = geo
		default:
			// Every other key is a list filter; scalars are read as their
			// query string form, lists as comma separated values.
			var v any
			if err := json.Unmarshal(raw, &v); err != nil {
				continue
			}
			switch t := v.(type) {
			case string:
				z.params[k] = t
			case bool:
				z.params[k] = strconv.FormatBool(t)
			case float64:
				z.params[k] = strconv.FormatFloat(t, 'f', -1, 64)
			case []any:
				parts := make([]string, 0, len(t))
				for _, e := range t {
					if s, ok := e.(string); ok {
						parts = append(parts, s)
					}
				}
				z.params[k] = strings.Join(parts, ",")
			}
		}
	}
	return z, bad
}

func jsonType(raw json.RawMessage) string {
	var v any
	_ = json.Unmarshal(raw, &v)
	switch v.(type) {
	case string:
		return "str"
	case bool:
		return "bool"
	case float64:
		return "int"
	case map[string]any:
		return "dict"
	}
	return "unknown"
}

// apply adds the _zoek-only conditions to a query.
func (z *zoekBody) apply(c *rc, q *zaakQuery) {
	st, d := c.st, c.d
	if z.hasUUIDIn {
		var refs []data.Ref
		for _, u := range z.uuidIn {
			if r, ok := d.Zaken.LookupIn(c.e.Inst, u); ok {
				refs = append(refs, r)
			}
		}
		q.cand, q.hasCand = ascending(refs), true
	}
	resolve := func(urls []string) map[data.Ref]bool {
		set := map[data.Ref]bool{}
		for _, u := range urls {
			if zt := resolveRef(st, &d.ZaakTypen, u, data.APICatalogi, render.CollZaakTypen); zt != data.NoRef {
				set[zt] = true
			}
		}
		return set
	}
	if z.hasZaaktypeIn {
		in := resolve(z.zaaktypeIn)
		q.preds = append(q.preds, func(_ data.Ref, zr *data.Zaak) bool { return in[zr.Zaaktype] })
	}
	if len(z.zaaktypeNotIn) > 0 {
		out := resolve(z.zaaktypeNotIn)
		q.preds = append(q.preds, func(_ data.Ref, zr *data.Zaak) bool { return !out[zr.Zaaktype] })
	}
	if g := z.within; g != nil {
		q.preds = append(q.preds, func(_ data.Ref, zr *data.Zaak) bool {
			return zr.Geometrie != nil && g.contains(zr.Geometrie.Lon, zr.Geometrie.Lat)
		})
	}
}
