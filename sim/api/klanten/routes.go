// Package klanten simulates the Klanten API 1.0.0 as Open Klant 1.x serves
// it (klanten-1.0.0.yaml): /klanten with its filters, detail with ETag (no
// HEAD in this version) and validated writes.
package klanten

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/form"
	"github.com/klantgraaf/klantgraaf/sim/provider"
)

// Scopes of the Klanten API.
const (
	scopeLezen       = "klanten.lezen"
	scopeAanmaken    = "klanten.aanmaken"
	scopeBijwerken   = "klanten.bijwerken"
	scopeVerwijderen = "klanten.verwijderen"
)

const collection = "klanten"

// Routes registers the API's endpoints under the instance's base path.
func Routes(e *provider.Env, r chi.Router) {
	h := &handler{e: e}
	r.Get("/klanten", h.list)
	r.Post("/klanten", h.create)
	r.Get("/klanten/{uuid}", h.read)
	r.Put("/klanten/{uuid}", h.update(false))
	r.Patch("/klanten/{uuid}", h.update(true))
	r.Delete("/klanten/{uuid}", h.delete)
}

type handler struct{ e *provider.Env }

// lookup finds a live klant of this instance.
func (h *handler) lookup(d *data.Data, r *http.Request) (data.Ref, bool) {
	u, ok := form.PathUUID(r)
	if !ok {
		return data.NoRef, false
	}
	ref, ok := d.Klanten.LookupIn(h.e.Inst, u)
	if !ok || d.Klanten.Get(ref).Deleted {
		return data.NoRef, false
	}
	return ref, true
}

// klantFilter is the parsed query of GET /klanten.
type klantFilter struct {
	str      []func(k *data.Klant) bool
	bsn      string
	hasBsn   bool
	gebDatum []func(string) bool
}

var subjectTypes = []string{data.SubjectNatuurlijkPersoon, data.SubjectNietNatuurlijkPersoon, data.SubjectVestiging}

func parseKlantFilter(p *form.Query) *klantFilter {
	f := &klantFilter{}
	eq := func(param string, get func(k *data.Klant) string) {
		if v, ok := p.Get(param); ok {
			f.str = append(f.str, func(k *data.Klant) bool { return get(k) == v })
		}
	}
	eq("bronorganisatie", func(k *data.Klant) string { return k.Bronorganisatie })
	eq("klantnummer", func(k *data.Klant) string { return k.Klantnummer })
	eq("bedrijfsnaam", func(k *data.Klant) string { return k.Bedrijfsnaam })
	eq("functie", func(k *data.Klant) string { return k.Functie })
	eq("achternaam", func(k *data.Klant) string { return k.Achternaam })
	eq("telefoonnummer", func(k *data.Klant) string { return k.Telefoonnummer })
	eq("emailadres", func(k *data.Klant) string { return k.Emailadres })
	eq("adres__straatnaam", func(k *data.Klant) string { return k.Adres.Straatnaam })
	eq("adres__postcode", func(k *data.Klant) string { return k.Adres.Postcode })
	eq("adres__woonplaatsNaam", func(k *data.Klant) string { return k.Adres.Woonplaats })
	eq("adres__landcode", func(k *data.Klant) string { return k.Adres.Landcode })
	eq("subject", func(k *data.Klant) string { return k.Subject })
	if v, ok := p.Choice("subjectType", subjectTypes); ok {
		f.str = append(f.str, func(k *data.Klant) bool { return k.SubjectType == v })
	}
	// The subject* filters look into the subjectIdentificatie of the
	// matching subject type only (a separate object per type in the
	// provider).
	typed := func(param, typ string, get func(k *data.Klant) string) {
		if v, ok := p.Get(param); ok {
			f.str = append(f.str, func(k *data.Klant) bool { return k.SubjectType == typ && get(k) == v })
		}
	}
	if v, ok := p.Get("subjectNatuurlijkPersoon__inpBsn"); ok {
		f.bsn, f.hasBsn = v, true
	}
	typed("subjectNatuurlijkPersoon__anpIdentificatie", data.SubjectNatuurlijkPersoon, func(k *data.Klant) string { return k.AnpIdentificatie })
	typed("subjectNatuurlijkPersoon__inpA_nummer", data.SubjectNatuurlijkPersoon, func(k *data.Klant) string { return extOf(k).InpANummer })
	typed("subjectNietNatuurlijkPersoon__innNnpId", data.SubjectNietNatuurlijkPersoon, func(k *data.Klant) string { return k.InnNnpId })
	typed("subjectNietNatuurlijkPersoon__annIdentificatie", data.SubjectNietNatuurlijkPersoon, func(k *data.Klant) string { return extOf(k).AnnIdentificatie })
	typed("subjectVestiging__vestigingsNummer", data.SubjectVestiging, func(k *data.Klant) string { return k.VestigingsNummer })
	// geboortedatum is a text field in the provider: comparisons are on the
	// string (ISO dates compare correctly).
	for _, c := range []struct {
		suffix string
		ok     func(a, b string) bool
	}{
		{"", func(a, b string) bool { return a == b }},
		{"__gt", func(a, b string) bool { return a > b }},
		{"__gte", func(a, b string) bool { return a >= b }},
		{"__lt", func(a, b string) bool { return a < b }},
		{"__lte", func(a, b string) bool { return a <= b }},
	} {
		if v, ok := p.Get("subjectNatuurlijkPersoon__geboortedatum" + c.suffix); ok {
			cmp := c.ok
			f.gebDatum = append(f.gebDatum, func(g string) bool { return cmp(g, v) })
		}
	}
	return f
}

func (f *klantFilter) match(k *data.Klant) bool {
	if k.Deleted {
		return false
	}
	for _, m := range f.str {
		if !m(k) {
			return false
		}
	}
	if len(f.gebDatum) > 0 {
		if k.SubjectType != data.SubjectNatuurlijkPersoon {
			return false
		}
		for _, m := range f.gebDatum {
			if !m(k.Geboortedatum) {
				return false
			}
		}
	}
	if f.hasBsn && (k.SubjectType != data.SubjectNatuurlijkPersoon || k.InpBsn != f.bsn) {
		return false
	}
	return true
}

// list serves GET /klanten, newest first (Open Klant orders by -pk).
func (h *handler) list(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	p := form.NewQuery(r)
	f := parseKlantFilter(p)
	if p.Failed(w) {
		return
	}
	var out []klantJSON
	var env provider.PageEnvelope
	ok := true
	h.e.Store.Read(func(d *data.Data) {
		var refs []data.Ref
		keep := func(ref data.Ref) {
			if d.Klanten.InstOf(ref) == h.e.Inst && f.match(d.Klanten.Get(ref)) {
				refs = append(refs, ref)
			}
		}
		if f.hasBsn {
			idx := h.e.Store.IndexStr("klanten.byInpBsn", func(add func(string, data.Ref)) {
				for i := range d.Klanten.Rows {
					if b := d.Klanten.Rows[i].InpBsn; b != "" {
						add(b, data.Ref(i))
					}
				}
			})
			cands := idx[f.bsn]
			for i := len(cands) - 1; i >= 0; i-- {
				keep(cands[i])
			}
		} else {
			for i := d.Klanten.Len() - 1; i >= 0; i-- {
				keep(data.Ref(i))
			}
		}
		var page []data.Ref
		page, env, ok = h.e.Paginate(w, r, refs, false)
		if !ok {
			return
		}
		out = make([]klantJSON, 0, len(page))
		for _, ref := range page {
			out = append(out, h.render(d, ref))
		}
	})
	if !ok {
		return
	}
	env.Results = out
	provider.WriteJSON(w, http.StatusOK, env)
}

func (h *handler) read(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	var out klantJSON
	found := false
	h.e.Store.Read(func(d *data.Data) {
		ref, ok := h.lookup(d, r)
		if !ok {
			return
		}
		found = true
		out = h.render(d, ref)
	})
	if !found {
		provider.NotFound(w)
		return
	}
	provider.WriteDetail(w, r, out)
}

func (h *handler) create(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeAanmaken) {
		return
	}
	f, ok := form.Read(w, r, false)
	if !ok {
		return
	}
	var out klantJSON
	h.e.Store.Write(func(d *data.Data) {
		k := data.Klant{Inst: h.e.Inst}
		if !applyKlant(f, &k, false) {
			return
		}
		u := form.NewUUID()
		k.UUID = u
		ref := d.Klanten.Add(u, h.e.Inst, k)
		out = h.render(d, ref)
	})
	if f.Failed() {
		provider.WriteValidation(w, f.Errs()...)
		return
	}
	w.Header().Set("Location", out.URL)
	provider.WriteJSON(w, http.StatusCreated, out)
}

func (h *handler) update(partial bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !provider.RequireScope(w, r, scopeBijwerken) {
			return
		}
		if !h.exists(r) {
			provider.NotFound(w)
			return
		}
		f, ok := form.Read(w, r, partial)
		if !ok {
			return
		}
		found := false
		var out klantJSON
		h.e.Store.Write(func(d *data.Data) {
			ref, ok := h.lookup(d, r)
			if !ok {
				return
			}
			found = true
			k := *d.Klanten.Get(ref)
			if !applyKlant(f, &k, true) {
				return
			}
			*d.Klanten.Get(ref) = k
			out = h.render(d, ref)
		})
		switch {
		case !found:
			provider.NotFound(w)
		case f.Failed():
			provider.WriteValidation(w, f.Errs()...)
		default:
			provider.WriteJSON(w, http.StatusOK, out)
		}
	}
}

// exists checks the detail URL before a body is read, so an unknown
// object is a 404 whatever the body holds (as in the provider).
func (h *handler) exists(r *http.Request) bool {
	found := false
	h.e.Store.Read(func(d *data.Data) { _, found = h.lookup(d, r) })
	return found
}

func (h *handler) delete(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeVerwijderen) {
		return
	}
	found := false
	h.e.Store.Write(func(d *data.Data) {
		ref, ok := h.lookup(d, r)
		if !ok {
			return
		}
		found = true
		d.Klanten.Get(ref).Deleted = true
	})
	if !found {
		provider.NotFound(w)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// voorletters derives initials from given names ("Jan Pieter" → "J.P.").
func voorletters(voornamen string) string {
	var b []rune
	start := true
	for _, c := range voornamen {
		if c == ' ' || c == '-' {
			start = true
			continue
		}
		if start {
			b = append(b, c, '.')
			start = false
		}
	}
	return string(b)
}
