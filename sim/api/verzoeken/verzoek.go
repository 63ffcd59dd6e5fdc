package verzoeken

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/form"
	"github.com/klantgraaf/klantgraaf/sim/provider"
)

type verzoekJSON struct {
	URL                  string  `json:"url"`
	Identificatie        string  `json:"identificatie"`
	Bronorganisatie      string  `json:"bronorganisatie"`
	ExterneIdentificatie string  `json:"externeIdentificatie"`
	Registratiedatum     string  `json:"registratiedatum"`
	Voorkeurskanaal      string  `json:"voorkeurskanaal"`
	Tekst                string  `json:"tekst"`
	Status               string  `json:"status"`
	InTeTrekkenVerzoek   *string `json:"inTeTrekkenVerzoek"`
	IntrekkendeVerzoek   *string `json:"intrekkendeVerzoek"`
	AangevuldeVerzoek    *string `json:"aangevuldeVerzoek"`
	AanvullendeVerzoek   *string `json:"aanvullendeVerzoek"`
}

var statussen = []string{"ontvangen", "in_behandeling", "afgehandeld", "afgewezen", "ingetrokken"}

// byInTeTrekken and byAangevulde index the reverse one-to-one links
// (intrekkendeVerzoek, aanvullendeVerzoek).
func (h *handler) byInTeTrekken(d *data.Data) map[data.Ref][]data.Ref {
	return h.e.Store.IndexRef("verzoeken.byInTeTrekken", func(add func(data.Ref, data.Ref)) {
		for i := range d.Verzoeken.Rows {
			if t := d.Verzoeken.Rows[i].InTeTrekkenVerzoek; t != data.NoRef {
				add(t, data.Ref(i))
			}
		}
	})
}

func (h *handler) byAangevulde(d *data.Data) map[data.Ref][]data.Ref {
	return h.e.Store.IndexRef("verzoeken.byAangevulde", func(add func(data.Ref, data.Ref)) {
		for i := range d.Verzoeken.Rows {
			if t := d.Verzoeken.Rows[i].AangevuldeVerzoek; t != data.NoRef {
				add(t, data.Ref(i))
			}
		}
	})
}

// reverse returns the live verzoek linking to ref, or NoRef.
func reverse(d *data.Data, idx map[data.Ref][]data.Ref, ref data.Ref) data.Ref {
	for _, r := range idx[ref] {
		if !d.Verzoeken.Get(r).Deleted {
			return r
		}
	}
	return data.NoRef
}

func (h *handler) render(d *data.Data, ref data.Ref) verzoekJSON {
	v := d.Verzoeken.Get(ref)
	st := v.Status
	if st == "" {
		st = "ontvangen"
	}
	return verzoekJSON{
		URL:                  h.verzoekURL(d, ref),
		Identificatie:        v.Identificatie,
		Bronorganisatie:      v.Bronorganisatie,
		ExterneIdentificatie: v.ExterneIdentificatie,
		Registratiedatum:     form.FormatDateTime(v.Registratiedatum),
		Voorkeurskanaal:      v.Voorkeurskanaal,
		Tekst:                v.Tekst,
		Status:               st,
		InTeTrekkenVerzoek:   h.verzoekLink(d, v.InTeTrekkenVerzoek),
		IntrekkendeVerzoek:   h.verzoekLink(d, reverse(d, h.byInTeTrekken(d), ref)),
		AangevuldeVerzoek:    h.verzoekLink(d, v.AangevuldeVerzoek),
		AanvullendeVerzoek:   h.verzoekLink(d, reverse(d, h.byAangevulde(d), ref)),
	}
}

// list serves GET /verzoeken in creation order.
func (h *handler) list(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	p := form.NewQuery(r)
	var conds []func(d *data.Data, ref data.Ref, v *data.Verzoek) bool
	eq := func(param string, get func(v *data.Verzoek) string) {
		if val, ok := p.Get(param); ok {
			conds = append(conds, func(_ *data.Data, _ data.Ref, v *data.Verzoek) bool { return get(v) == val })
		}
	}
	eq("identificatie", func(v *data.Verzoek) string { return v.Identificatie })
	eq("bronorganisatie", func(v *data.Verzoek) string { return v.Bronorganisatie })
	eq("externeIdentificatie", func(v *data.Verzoek) string { return v.ExterneIdentificatie })
	eq("voorkeurskanaal", func(v *data.Verzoek) string { return v.Voorkeurskanaal })
	eq("tekst", func(v *data.Verzoek) string { return v.Tekst })
	if val, ok := p.Choice("status", statussen); ok {
		conds = append(conds, func(_ *data.Data, _ data.Ref, v *data.Verzoek) bool { return v.Status == val })
	}
	for _, c := range []struct {
		suffix string
		ok     func(a, b int64) bool
	}{
		{"", func(a, b int64) bool { return a == b }},
		{"__gt", func(a, b int64) bool { return a > b }},
		{"__gte", func(a, b int64) bool { return a >= b }},
		{"__lt", func(a, b int64) bool { return a < b }},
		{"__lte", func(a, b int64) bool { return a <= b }},
	} {
		if val, ok := p.DateTime("registratiedatum" + c.suffix); ok {
			cmpFn := c.ok
			conds = append(conds, func(_ *data.Data, _ data.Ref, v *data.Verzoek) bool {
				return cmpFn(int64(v.Registratiedatum), val)
			})
		}
	}
	links := map[string]string{}
	for _, k := range []string{"inTeTrekkenVerzoek", "intrekkendeVerzoek", "aangevuldeVerzoek", "aanvullendeVerzoek"} {
		if val, ok := p.Get(k); ok {
			links[k] = val
		}
	}
	if p.Failed(w) {
		return
	}
	var out []verzoekJSON
	var env provider.PageEnvelope
	ok := true
	h.e.Store.Read(func(d *data.Data) {
		// URL filters: an unresolvable URL matches nothing.
		for k, raw := range links {
			target, found := h.resolveVerzoek(d, raw, false)
			var m func(d *data.Data, ref data.Ref, v *data.Verzoek) bool
			switch k {
			case "inTeTrekkenVerzoek":
				m = func(_ *data.Data, _ data.Ref, v *data.Verzoek) bool { return v.InTeTrekkenVerzoek == target }
			case "aangevuldeVerzoek":
				m = func(_ *data.Data, _ data.Ref, v *data.Verzoek) bool { return v.AangevuldeVerzoek == target }
			case "intrekkendeVerzoek": // the verzoek that target asks to withdraw
				m = func(_ *data.Data, ref data.Ref, _ *data.Verzoek) bool {
					return d.Verzoeken.Get(target).InTeTrekkenVerzoek == ref
				}
			default: // aanvullendeVerzoek: the verzoek that target supplements
				m = func(_ *data.Data, ref data.Ref, _ *data.Verzoek) bool {
					return d.Verzoeken.Get(target).AangevuldeVerzoek == ref
				}
			}
			conds = append(conds, func(d *data.Data, ref data.Ref, v *data.Verzoek) bool { return found && m(d, ref, v) })
		}
		var refs []data.Ref
		for i := range d.Verzoeken.Rows {
			ref, v := data.Ref(i), &d.Verzoeken.Rows[i]
			if v.Deleted || d.Verzoeken.InstOf(ref) != h.e.Inst {
				continue
			}
			keep := true
			for _, m := range conds {
				if !m(d, ref, v) {
					keep = false
					break
				}
			}
			if keep {
				refs = append(refs, ref)
			}
		}
		var pg []data.Ref
		pg, env, ok = h.e.Paginate(w, r, refs, false)
		if !ok {
			return
		}
		out = make([]verzoekJSON, len(pg))
		for i, ref := range pg {
			out[i] = h.render(d, ref)
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
	var out verzoekJSON
	found := false
	h.e.Store.Read(func(d *data.Data) {
		if ref, ok := h.verzoekByPath(d, r); ok {
			found = true
			out = h.render(d, ref)
		}
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
	var out verzoekJSON
	h.e.Store.Write(func(d *data.Data) {
		v := data.Verzoek{Inst: h.e.Inst, InTeTrekkenVerzoek: data.NoRef, AangevuldeVerzoek: data.NoRef,
			Registratiedatum: data.DateTime(time.Now().Unix())}
		if !h.apply(d, f, &v, data.NoRef) {
			return
		}
		if v.Identificatie == "" {
			v.Identificatie = h.nextIdentificatie(d, v.Registratiedatum)
		}
		v.UUID = form.NewUUID()
		ref := d.Verzoeken.Add(v.UUID, h.e.Inst, v)
		out = h.render(d, ref)
	})
	if f.Failed() {
		provider.WriteValidation(w, f.Errs()...)
		return
	}
	w.Header().Set("Location", out.URL)
	provider.WriteJSON(w, http.StatusCreated, out)
}

// nextIdentificatie numbers a verzoek as the reference implementation
// does: VERZOEK-<year>-<10 digits>, one above the highest of that year.
func (h *handler) nextIdentificatie(d *data.Data, reg data.DateTime) string {
	prefix := fmt.Sprintf("VERZOEK-%d-", time.Unix(int64(reg), 0).UTC().Year())
	max := 0
	for i := range d.Verzoeken.Rows {
		if d.Verzoeken.InstOf(data.Ref(i)) != h.e.Inst {
			continue
		}
		id, ok := strings.CutPrefix(d.Verzoeken.Rows[i].Identificatie, prefix)
		if !ok || len(id) != 10 {
			continue
		}
		if n, err := strconv.Atoi(id); err == nil && n > max {
			max = n
		}
	}
	return fmt.Sprintf("%s%010d", prefix, max+1)
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
		var out verzoekJSON
		h.e.Store.Write(func(d *data.Data) {
			ref, ok := h.verzoekByPath(d, r)
			if !ok {
				return
			}
			found = true
			v := *d.Verzoeken.Get(ref)
			if !h.apply(d, f, &v, ref) {
				return
			}
			*d.Verzoeken.Get(ref) = v
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

// asciiOnly is the providers' alphanumeric_excluding_diacritic check.
func asciiOnly(f *form.Form, key, v string) bool {
	for _, c := range v {
		if c > 127 {
			f.Fail(key, "invalid", fmt.Sprintf("Waarde %q mag geen diakrieten of non-ascii tekens bevatten", v))
			return false
		}
	}
	return true
}

// apply validates the body into v; self is the verzoek being updated.
func (h *handler) apply(d *data.Data, f *form.Form, v *data.Verzoek, self data.Ref) bool {
	if id, ok := f.Str("identificatie", 40, false); ok && asciiOnly(f, "identificatie", id) {
		if self != data.NoRef && id != v.Identificatie {
			f.Fail("identificatie", "wijzigen-niet-toegelaten", form.MsgImmutable)
		} else {
			v.Identificatie = id
		}
	}
	if s, ok := f.Str("bronorganisatie", 9, true); ok {
		if code, reason := form.ValidRSIN(s); code != "" {
			f.Fail("bronorganisatie", code, reason)
		} else {
			v.Bronorganisatie = s
		}
	}
	if s, ok := f.Str("externeIdentificatie", 40, false); ok && asciiOnly(f, "externeIdentificatie", s) {
		v.ExterneIdentificatie = s
	}
	if t, ok := f.DateTime("registratiedatum"); ok {
		v.Registratiedatum = t
	}
	if s, ok := f.Str("voorkeurskanaal", 50, false); ok {
		v.Voorkeurskanaal = s
	}
	if s, ok := f.Str("tekst", 0, false); ok {
		v.Tekst = s
	}
	if s, ok := f.Choice("status", statussen, true); ok {
		v.Status = s
	}
	// inTeTrekkenVerzoek and aangevuldeVerzoek are one-to-one links.
	link := func(key string, dst *data.Ref, idx func(*data.Data) map[data.Ref][]data.Ref, what string) {
		raw, given := f.NullableStr(key, 1000)
		if !given {
			return
		}
		if raw == "" {
			*dst = data.NoRef
			return
		}
		target, ok := h.resolveVerzoek(d, raw, false)
		if !ok || target == self {
			f.Fail(key, "bad-url", form.MsgBadURL)
			return
		}
		if other := reverse(d, idx(d), target); other != data.NoRef && other != self {
			f.Fail(key, "unique", "Er bestaat al een verzoek met eenzelfde "+what+".")
			return
		}
		*dst = target
	}
	link("inTeTrekkenVerzoek", &v.InTeTrekkenVerzoek, h.byInTeTrekken, "in te trekken verzoek")
	link("aangevuldeVerzoek", &v.AangevuldeVerzoek, h.byAangevulde, "aangevulde verzoek")
	if f.Failed() {
		return false
	}
	// identificatie is unique within the bronorganisatie.
	if v.Identificatie != "" {
		for i := range d.Verzoeken.Rows {
			o := &d.Verzoeken.Rows[i]
			if data.Ref(i) != self && d.Verzoeken.InstOf(data.Ref(i)) == h.e.Inst && !o.Deleted &&
				o.Identificatie == v.Identificatie && o.Bronorganisatie == v.Bronorganisatie {
				f.Fail("identificatie", "identificatie-niet-uniek", "Deze identificatie bestaat al voor deze bronorganisatie")
				return false
			}
		}
	}
	return true
}

// delete removes a verzoek; its relation resources go with it (and the
// mirrored document relations in the Documenten API).
func (h *handler) delete(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeVerwijderen) {
		return
	}
	found := false
	h.e.Store.Write(func(d *data.Data) {
		ref, ok := h.verzoekByPath(d, r)
		if !ok {
			return
		}
		found = true
		d.Verzoeken.Get(ref).Deleted = true
		for i := range d.KlantVerzoeken.Rows {
			if d.KlantVerzoeken.Rows[i].Verzoek == ref {
				d.KlantVerzoeken.Rows[i].Deleted = true
			}
		}
		for i := range d.ObjectVerzoeken.Rows {
			if d.ObjectVerzoeken.Rows[i].Verzoek == ref {
				d.ObjectVerzoeken.Rows[i].Deleted = true
			}
		}
		for i := range d.VerzoekContactMomenten.Rows {
			if d.VerzoekContactMomenten.Rows[i].Verzoek == ref {
				d.VerzoekContactMomenten.Rows[i].Deleted = true
			}
		}
		for i := range d.VerzoekProducten.Rows {
			if d.VerzoekProducten.Rows[i].Verzoek == ref {
				d.VerzoekProducten.Rows[i].Deleted = true
			}
		}
		for i := range d.VerzoekInformatieObjecten.Rows {
			vio := &d.VerzoekInformatieObjecten.Rows[i]
			if vio.Verzoek == ref && !vio.Deleted {
				vio.Deleted = true
				unmirror(d, vio)
			}
		}
	})
	if !found {
		provider.NotFound(w)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
