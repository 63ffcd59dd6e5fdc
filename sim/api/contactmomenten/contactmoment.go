package contactmomenten

import (
	"cmp"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/form"
	"github.com/klantgraaf/klantgraaf/sim/provider"
)

// cmJSON is the ContactMoment schema plus the requested `_expand`.
type cmJSON struct {
	URL                     string          `json:"url"`
	VorigContactmoment      *string         `json:"vorigContactmoment"`
	VolgendContactmoment    *string         `json:"volgendContactmoment"`
	Bronorganisatie         string          `json:"bronorganisatie"`
	Registratiedatum        string          `json:"registratiedatum"`
	Kanaal                  string          `json:"kanaal"`
	Voorkeurskanaal         string          `json:"voorkeurskanaal"`
	Voorkeurstaal           string          `json:"voorkeurstaal"`
	Tekst                   string          `json:"tekst"`
	OnderwerpLinks          []string        `json:"onderwerpLinks"`
	Initiatiefnemer         string          `json:"initiatiefnemer,omitempty"` // enum without blank
	Medewerker              string          `json:"medewerker"`
	MedewerkerIdentificatie *medewerkerJSON `json:"medewerkerIdentificatie"`
	Klantcontactmomenten    []string        `json:"klantcontactmomenten"`
	Objectcontactmomenten   []string        `json:"objectcontactmomenten"`
	Expand                  map[string]any  `json:"_expand,omitempty"`
}

type medewerkerJSON struct {
	Identificatie         string `json:"identificatie"`
	Achternaam            string `json:"achternaam"`
	Voorletters           string `json:"voorletters"`
	VoorvoegselAchternaam string `json:"voorvoegselAchternaam"`
}

// expandSet holds the requested expansions.
type expandSet struct{ kcm, ocm bool }

var expandChoices = []string{expandKCM, expandOCM}

// parseExpand reads every expand parameter, each comma-separated. Unknown
// names are reported in bad.
func parseExpand(r *http.Request) (ex expandSet, bad string) {
	for _, v := range r.URL.Query()["expand"] {
		for _, n := range splitCSV(v) {
			switch n {
			case expandKCM:
				ex.kcm = true
			case expandOCM:
				ex.ocm = true
			default:
				if bad == "" {
					bad = n
				}
			}
		}
	}
	return ex, bad
}

func (h *handler) cmURL(d *data.Data, ref data.Ref) string {
	return data.RefURL(h.e.Store, &d.ContactMomenten, collCM, ref)
}

// cmLink renders a vorig/volgend link: null when absent or deleted.
func (h *handler) cmLink(d *data.Data, ref data.Ref) *string {
	if ref == data.NoRef || d.ContactMomenten.Get(ref).Deleted {
		return nil
	}
	s := h.cmURL(d, ref)
	return &s
}

func (h *handler) renderCM(d *data.Data, ref data.Ref, ex expandSet) cmJSON {
	c := d.ContactMomenten.Get(ref)
	out := cmJSON{
		URL:                  h.cmURL(d, ref),
		VorigContactmoment:   h.cmLink(d, c.VorigContactmoment),
		VolgendContactmoment: h.cmLink(d, c.VolgendContactmoment),
		Bronorganisatie:      c.Bronorganisatie,
		Registratiedatum:     form.FormatDateTime(c.Registratiedatum),
		Kanaal:               c.Kanaal,
		Voorkeurskanaal:      c.Voorkeurskanaal,
		Voorkeurstaal:        c.Voorkeurstaal,
		Tekst:                c.Tekst,
		OnderwerpLinks:       c.OnderwerpLinks,
		Initiatiefnemer:      c.Initiatiefnemer,
		Medewerker:           c.Medewerker,
	}
	if out.OnderwerpLinks == nil {
		out.OnderwerpLinks = []string{}
	}
	if c.MedewerkerID != "" || c.MedewerkerAchternaam != "" || c.MedewerkerVoorletters != "" || c.MedewerkerVoorvoegsel != "" {
		out.MedewerkerIdentificatie = &medewerkerJSON{Identificatie: c.MedewerkerID, Achternaam: c.MedewerkerAchternaam,
			Voorletters: c.MedewerkerVoorletters, VoorvoegselAchternaam: c.MedewerkerVoorvoegsel}
	}
	kcms := liveRefs(h.kcmOf(d, ref), func(r data.Ref) bool { return h.kcmLive(d, r) })
	ocms := liveRefs(h.ocmOf(d, ref), func(r data.Ref) bool { return h.ocmLive(d, r) })
	out.Klantcontactmomenten = make([]string, len(kcms))
	for i, r := range kcms {
		out.Klantcontactmomenten[i] = data.RefURL(h.e.Store, &d.KlantContactMomenten, collKCM, r)
	}
	out.Objectcontactmomenten = make([]string, len(ocms))
	for i, r := range ocms {
		out.Objectcontactmomenten[i] = data.RefURL(h.e.Store, &d.ObjectContactMomenten, collOCM, r)
	}
	if ex.kcm || ex.ocm {
		out.Expand = map[string]any{}
		if ex.kcm {
			l := make([]kcmJSON, len(kcms))
			for i, r := range kcms {
				l[i] = h.renderKCM(d, r)
			}
			out.Expand[expandKCM] = l
		}
		if ex.ocm {
			l := make([]ocmJSON, len(ocms))
			for i, r := range ocms {
				l[i] = h.renderOCM(d, r)
			}
			out.Expand[expandOCM] = l
		}
	}
	return out
}

var (
	initiatiefnemers = []string{"gemeente", "klant"}
	orderingFields   = []string{"url", "bronorganisatie", "klant", "registratiedatum", "kanaal", "voorkeurskanaal",
		"tekst", "onderwerp_links", "initiatiefnemer", "medewerker", "medewerker_identificatie"}
)

// listCM serves GET /contactmomenten. The default order is Open Klant's
// -registratiedatum (newest first; ties newest created first); `ordering`
// takes a comma-separated list of the spec's fields, "-" for descending.
func (h *handler) listCM(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	p := form.NewQuery(r)
	var conds []func(d *data.Data, ref data.Ref, c *data.ContactMoment) bool
	eq := func(param string, get func(c *data.ContactMoment) string) {
		if v, ok := p.Get(param); ok {
			conds = append(conds, func(_ *data.Data, _ data.Ref, c *data.ContactMoment) bool { return get(c) == v })
		}
	}
	eq("bronorganisatie", func(c *data.ContactMoment) string { return c.Bronorganisatie })
	eq("kanaal", func(c *data.ContactMoment) string { return c.Kanaal })
	eq("voorkeurskanaal", func(c *data.ContactMoment) string { return c.Voorkeurskanaal })
	eq("voorkeurstaal", func(c *data.ContactMoment) string { return c.Voorkeurstaal })
	eq("medewerker", func(c *data.ContactMoment) string { return c.Medewerker })
	eq("medewerkerIdentificatie__identificatie", func(c *data.ContactMoment) string { return c.MedewerkerID })
	eq("medewerkerIdentificatie__achternaam", func(c *data.ContactMoment) string { return c.MedewerkerAchternaam })
	eq("medewerkerIdentificatie__voorletters", func(c *data.ContactMoment) string { return c.MedewerkerVoorletters })
	eq("medewerkerIdentificatie__voorvoegselAchternaam", func(c *data.ContactMoment) string { return c.MedewerkerVoorvoegsel })
	if v, ok := p.Choice("initiatiefnemer", initiatiefnemers); ok {
		conds = append(conds, func(_ *data.Data, _ data.Ref, c *data.ContactMoment) bool { return c.Initiatiefnemer == v })
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
		if v, ok := p.DateTime("registratiedatum" + c.suffix); ok {
			cmpFn := c.ok
			conds = append(conds, func(_ *data.Data, _ data.Ref, cm *data.ContactMoment) bool {
				return cmpFn(int64(cm.Registratiedatum), v)
			})
		}
	}
	vorig, hasVorig := p.Get("vorigContactmoment")
	volgend, hasVolgend := p.Get("volgendContactmoment")
	klanten, hasKlant := p.Get("klant")
	objects, hasObject := p.Get("object")
	ex, badExpand := parseExpand(r)
	if badExpand != "" {
		p.Add(provider.InvalidParam{Name: "expand", Code: "invalid_choice",
			Reason: "Selecteer een geldige keuze. " + badExpand + " is geen beschikbare keuze."})
	}
	order := []string{"-registratiedatum"}
	if v, ok := p.Get("ordering"); ok {
		order = splitCSV(v)
		for _, o := range order {
			if !slices.Contains(orderingFields, strings.TrimPrefix(o, "-")) {
				p.Add(provider.InvalidParam{Name: "ordering", Code: "invalid_choice",
					Reason: "Selecteer een geldige keuze. " + o + " is geen beschikbare keuze."})
				break
			}
		}
	}
	if p.Failed(w) {
		return
	}

	var out []cmJSON
	var env provider.PageEnvelope
	ok := true
	h.e.Store.Read(func(d *data.Data) {
		// URL filters: an unresolvable URL matches nothing.
		if hasVorig {
			ref, found := h.resolveCM(d, vorig)
			conds = append(conds, func(_ *data.Data, _ data.Ref, c *data.ContactMoment) bool {
				return found && c.VorigContactmoment == ref
			})
		}
		if hasVolgend {
			ref, found := h.resolveCM(d, volgend)
			conds = append(conds, func(_ *data.Data, _ data.Ref, c *data.ContactMoment) bool {
				return found && c.VolgendContactmoment == ref
			})
		}
		// klant and object take comma-separated URLs; a contactmoment
		// matches when one of its relations points at any of them.
		// The candidates: the contactmomenten of the given klanten/objects
		// when filtered so, otherwise all (cached in the default order).
		var cands []data.Ref
		narrowed, sorted := false, false
		if hasKlant {
			set := map[data.Ref]bool{}
			idx := h.kcmByKlant(d)
			for _, u := range splitCSV(klanten) {
				kref, found := data.Resolve(h.e.Store, &d.Klanten, u, data.APIKlanten, collKlant)
				if !found {
					continue
				}
				for _, rel := range idx[kref] {
					if h.kcmLive(d, rel) {
						set[d.KlantContactMomenten.Get(rel).Contactmoment] = true
					}
				}
			}
			cands, narrowed = setRefs(set), true
		}
		if hasObject {
			set := map[data.Ref]bool{}
			idx := h.ocmByObject(d)
			for _, u := range splitCSV(objects) {
				zref, found := h.resolveZaak(d, u)
				if !found {
					continue
				}
				for _, rel := range idx[zref] {
					if h.ocmLive(d, rel) {
						set[d.ObjectContactMomenten.Get(rel).Contactmoment] = true
					}
				}
			}
			if narrowed {
				conds = append(conds, func(_ *data.Data, ref data.Ref, _ *data.ContactMoment) bool { return set[ref] })
			} else {
				cands, narrowed = setRefs(set), true
			}
		}
		if !narrowed {
			if defaultOrder(order) {
				cands, sorted = h.inDefaultOrder(d), true
			} else {
				cands = make([]data.Ref, d.ContactMomenten.Len())
				for i := range cands {
					cands[i] = data.Ref(i)
				}
			}
		}
		refs := make([]data.Ref, 0, min(len(cands), 1024))
		for _, ref := range cands {
			c := d.ContactMomenten.Get(ref)
			if c.Deleted || d.ContactMomenten.InstOf(ref) != h.e.Inst {
				continue
			}
			keep := true
			for _, m := range conds {
				if !m(d, ref, c) {
					keep = false
					break
				}
			}
			if keep {
				refs = append(refs, ref)
			}
		}
		if !sorted {
			h.sortCM(d, refs, order)
		}
		var pg []data.Ref
		pg, env, ok = h.e.Paginate(w, r, refs, false)
		if !ok {
			return
		}
		out = make([]cmJSON, len(pg))
		for i, ref := range pg {
			out[i] = h.renderCM(d, ref, ex)
		}
	})
	if !ok {
		return
	}
	env.Results = out
	provider.WriteJSON(w, http.StatusOK, env)
}

// setRefs lists the members of a set.
func setRefs(set map[data.Ref]bool) []data.Ref {
	out := make([]data.Ref, 0, len(set))
	for r := range set {
		out = append(out, r)
	}
	return out
}

func defaultOrder(order []string) bool { return len(order) == 1 && order[0] == "-registratiedatum" }

// inDefaultOrder returns every contactmoment (all instances) in the default
// order, computed once per version of the data.
func (h *handler) inDefaultOrder(d *data.Data) []data.Ref {
	return h.e.Store.IndexRef("contactmomenten.defaultOrder", func(add func(data.Ref, data.Ref)) {
		refs := make([]data.Ref, d.ContactMomenten.Len())
		for i := range refs {
			refs[i] = data.Ref(i)
		}
		h.sortCM(d, refs, []string{"-registratiedatum"})
		for _, r := range refs {
			add(0, r)
		}
	})[0]
}

// sortCM orders refs by the ordering terms, newest created first on ties.
func (h *handler) sortCM(d *data.Data, refs []data.Ref, order []string) {
	firstKlant := func(cm data.Ref) string {
		best := ""
		for _, r := range h.kcmOf(d, cm) {
			if !h.kcmLive(d, r) {
				continue
			}
			u := data.RefURL(h.e.Store, &d.Klanten, collKlant, d.KlantContactMomenten.Get(r).Klant)
			if best == "" || u < best {
				best = u
			}
		}
		return best
	}
	key := func(field string, ref data.Ref) (string, int64) {
		c := d.ContactMomenten.Get(ref)
		switch field {
		case "url":
			return d.ContactMomenten.UUIDOf(ref).String(), 0
		case "bronorganisatie":
			return c.Bronorganisatie, 0
		case "klant":
			return firstKlant(ref), 0
		case "registratiedatum":
			return "", int64(c.Registratiedatum)
		case "kanaal":
			return c.Kanaal, 0
		case "voorkeurskanaal":
			return c.Voorkeurskanaal, 0
		case "tekst":
			return c.Tekst, 0
		case "onderwerp_links":
			return strings.Join(c.OnderwerpLinks, ","), 0
		case "initiatiefnemer":
			return c.Initiatiefnemer, 0
		case "medewerker":
			return c.Medewerker, 0
		default: // medewerker_identificatie
			return c.MedewerkerID, 0
		}
	}
	slices.SortStableFunc(refs, func(a, b data.Ref) int {
		for _, o := range order {
			field, desc := strings.TrimPrefix(o, "-"), strings.HasPrefix(o, "-")
			sa, na := key(field, a)
			sb, nb := key(field, b)
			c := cmp.Compare(sa, sb)
			if c == 0 {
				c = cmp.Compare(na, nb)
			}
			if desc {
				c = -c
			}
			if c != 0 {
				return c
			}
		}
		return cmp.Compare(b, a)
	})
}

func (h *handler) readCM(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	// Unknown expand names are ignored on the detail (no 400 documented).
	ex, _ := parseExpand(r)
	var out cmJSON
	found := false
	h.e.Store.Read(func(d *data.Data) {
		ref, ok := h.cmByPath(d, r)
		if ok {
			found = true
			out = h.renderCM(d, ref, ex)
		}
	})
	if !found {
		provider.NotFound(w)
		return
	}
	provider.WriteDetail(w, r, out)
}

func (h *handler) createCM(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeAanmaken) {
		return
	}
	f, ok := form.Read(w, r, false)
	if !ok {
		return
	}
	var out cmJSON
	h.e.Store.Write(func(d *data.Data) {
		c := data.ContactMoment{Inst: h.e.Inst, VorigContactmoment: data.NoRef, VolgendContactmoment: data.NoRef,
			Registratiedatum: data.DateTime(time.Now().Unix())}
		if !h.applyCM(d, f, &c, data.NoRef) {
			return
		}
		c.UUID = form.NewUUID()
		ref := d.ContactMomenten.Add(c.UUID, h.e.Inst, c)
		if c.VorigContactmoment != data.NoRef {
			d.ContactMomenten.Get(c.VorigContactmoment).VolgendContactmoment = ref
		}
		out = h.renderCM(d, ref, expandSet{})
	})
	if f.Failed() {
		provider.WriteValidation(w, f.Errs()...)
		return
	}
	w.Header().Set("Location", out.URL)
	provider.WriteJSON(w, http.StatusCreated, out)
}

func (h *handler) updateCM(partial bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !provider.RequireScope(w, r, scopeBijwerken) {
			return
		}
		if !h.exists(r, h.cmByPath) {
			provider.NotFound(w)
			return
		}
		f, ok := form.Read(w, r, partial)
		if !ok {
			return
		}
		found := false
		var out cmJSON
		h.e.Store.Write(func(d *data.Data) {
			ref, ok := h.cmByPath(d, r)
			if !ok {
				return
			}
			found = true
			c := *d.ContactMomenten.Get(ref)
			old := c.VorigContactmoment
			if !h.applyCM(d, f, &c, ref) {
				return
			}
			*d.ContactMomenten.Get(ref) = c
			if c.VorigContactmoment != old {
				if old != data.NoRef && d.ContactMomenten.Get(old).VolgendContactmoment == ref {
					d.ContactMomenten.Get(old).VolgendContactmoment = data.NoRef
				}
				if c.VorigContactmoment != data.NoRef {
					d.ContactMomenten.Get(c.VorigContactmoment).VolgendContactmoment = ref
				}
			}
			out = h.renderCM(d, ref, expandSet{})
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

// applyCM validates the body into c; self is the contactmoment being
// updated (NoRef on create).
func (h *handler) applyCM(d *data.Data, f *form.Form, c *data.ContactMoment, self data.Ref) bool {
	set := func(key string, max int, required bool, dst *string) {
		if v, ok := f.Str(key, max, required); ok {
			*dst = v
		}
	}
	if v, ok := f.Str("bronorganisatie", 9, true); ok {
		if code, reason := form.ValidRSIN(v); code != "" {
			f.Fail("bronorganisatie", code, reason)
		} else {
			c.Bronorganisatie = v
		}
	}
	if t, ok := f.DateTime("registratiedatum"); ok {
		c.Registratiedatum = t
	}
	set("kanaal", 50, false, &c.Kanaal)
	set("voorkeurskanaal", 50, false, &c.Voorkeurskanaal)
	set("voorkeurstaal", 3, false, &c.Voorkeurstaal)
	set("tekst", 0, false, &c.Tekst)
	if l, ok := f.StrList("onderwerpLinks", 1000, 1); ok {
		bad := false
		for _, u := range l {
			if !form.ValidURL(u) {
				f.Fail("onderwerpLinks", "invalid", form.MsgURL)
				bad = true
				break
			}
		}
		if !bad {
			c.OnderwerpLinks = l
		}
	}
	if v, ok := f.Choice("initiatiefnemer", initiatiefnemers, false); ok {
		c.Initiatiefnemer = v
	}
	if v, ok := f.Str("medewerker", 1000, false); ok {
		if v != "" && !form.ValidURL(v) {
			f.Fail("medewerker", "invalid", form.MsgURL)
		} else {
			c.Medewerker = v
		}
	}
	if m, given := f.Object("medewerkerIdentificatie"); given {
		if m == nil {
			c.MedewerkerID, c.MedewerkerAchternaam, c.MedewerkerVoorletters, c.MedewerkerVoorvoegsel = "", "", "", ""
		} else {
			set2 := func(key string, max int, dst *string) {
				if v, ok := m.Str(key, max, false); ok {
					*dst = v
				}
			}
			set2("identificatie", 24, &c.MedewerkerID)
			set2("achternaam", 200, &c.MedewerkerAchternaam)
			set2("voorletters", 20, &c.MedewerkerVoorletters)
			set2("voorvoegselAchternaam", 10, &c.MedewerkerVoorvoegsel)
		}
	}
	if v, given := f.NullableStr("vorigContactmoment", 1000); given {
		if v == "" {
			c.VorigContactmoment = data.NoRef
		} else if ref, ok := h.resolveCM(d, v); !ok || ref == self {
			f.Fail("vorigContactmoment", "bad-url", form.MsgBadURL)
		} else if nxt := d.ContactMomenten.Get(ref).VolgendContactmoment; nxt != data.NoRef && nxt != self && !d.ContactMomenten.Get(nxt).Deleted {
			// vorigContactmoment is one-to-one.
			f.Fail("vorigContactmoment", "unique", "Er bestaat al een contactmoment met eenzelfde vorig contactmoment.")
		} else {
			c.VorigContactmoment = ref
		}
	}
	if !f.Failed() && c.Medewerker == "" && c.MedewerkerID == "" && c.MedewerkerAchternaam == "" &&
		c.MedewerkerVoorletters == "" && c.MedewerkerVoorvoegsel == "" {
		f.Fail(form.NonFieldError, "invalid-medewerker", "medewerker or medewerkerIdentificatie must be provided")
	}
	return !f.Failed()
}

// deleteCM removes a contactmoment with its klant- and
// objectcontactmomenten and unlinks its neighbours.
func (h *handler) deleteCM(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeVerwijderen) {
		return
	}
	found := false
	h.e.Store.Write(func(d *data.Data) {
		ref, ok := h.cmByPath(d, r)
		if !ok {
			return
		}
		found = true
		c := d.ContactMomenten.Get(ref)
		c.Deleted = true
		if v := c.VorigContactmoment; v != data.NoRef && d.ContactMomenten.Get(v).VolgendContactmoment == ref {
			d.ContactMomenten.Get(v).VolgendContactmoment = data.NoRef
		}
		if n := c.VolgendContactmoment; n != data.NoRef && d.ContactMomenten.Get(n).VorigContactmoment == ref {
			d.ContactMomenten.Get(n).VorigContactmoment = data.NoRef
		}
		for _, k := range h.kcmOf(d, ref) {
			d.KlantContactMomenten.Get(k).Deleted = true
		}
		for _, o := range h.ocmOf(d, ref) {
			d.ObjectContactMomenten.Get(o).Deleted = true
		}
	})
	if !found {
		provider.NotFound(w)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
