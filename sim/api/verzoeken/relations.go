package verzoeken

import (
	"net/http"
	"net/url"

	"github.com/go-chi/chi/v5"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/form"
	"github.com/klantgraaf/klantgraaf/sim/provider"
)

// rel describes one relation resource of a verzoek (read, create, delete;
// lists filter on verzoek and on the other end of the relation).
type rel[T any] struct {
	h       *handler
	coll    string
	table   func(d *data.Data) *data.Table[T]
	verzoek func(t *T) data.Ref
	deleted func(t *T) *bool
	// targetParam filters on the other end when that is a row of the
	// store; target reads it and resolveTarget maps a URL to it.
	targetParam   string
	target        func(t *T) data.Ref
	resolveTarget func(d *data.Data, raw string) (data.Ref, bool)
	// extra returns further list filters (nil = none).
	extra  func(q url.Values) func(t *T) bool
	render func(d *data.Data, ref data.Ref) any
	// build validates a create body into a row with UUID u.
	build       func(d *data.Data, f *form.Form, u data.UUID) (T, bool)
	afterCreate func(d *data.Data, ref data.Ref)
	afterDelete func(d *data.Data, ref data.Ref)
}

func (x *rel[T]) routes(r chi.Router) {
	r.Get("/"+x.coll, x.list)
	r.Post("/"+x.coll, x.create)
	r.Get("/"+x.coll+"/{uuid}", x.read)
	r.Delete("/"+x.coll+"/{uuid}", x.delete)
}

// live reports whether a relation and its verzoek exist.
func (x *rel[T]) live(d *data.Data, ref data.Ref) bool {
	t := x.table(d).Get(ref)
	if *x.deleted(t) {
		return false
	}
	v := x.verzoek(t)
	return v != data.NoRef && !d.Verzoeken.Get(v).Deleted
}

func (x *rel[T]) byPath(d *data.Data, r *http.Request) (data.Ref, bool) {
	u, ok := form.PathUUID(r)
	if !ok {
		return data.NoRef, false
	}
	ref, ok := x.table(d).LookupIn(x.h.e.Inst, u)
	if !ok || !x.live(d, ref) {
		return data.NoRef, false
	}
	return ref, true
}

func (x *rel[T]) index(d *data.Data, name string, key func(t *T) data.Ref) map[data.Ref][]data.Ref {
	return x.h.e.Store.IndexRef("verzoeken."+x.coll+"."+name, func(add func(data.Ref, data.Ref)) {
		tb := x.table(d)
		for i := range tb.Rows {
			add(key(&tb.Rows[i]), data.Ref(i))
		}
	})
}

// list serves the relation list in creation order.
func (x *rel[T]) list(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	p := form.NewQuery(r)
	vU, hasV := p.Get("verzoek")
	var tU string
	hasT := false
	if x.targetParam != "" {
		tU, hasT = p.Get(x.targetParam)
	}
	var extra func(t *T) bool
	if x.extra != nil {
		extra = x.extra(p.Values())
	}
	var out []any
	var env provider.PageEnvelope
	ok := true
	x.h.e.Store.Read(func(d *data.Data) {
		tb := x.table(d)
		// URL filters: an unresolvable URL matches nothing.
		var cands []data.Ref
		vRef, tRef := data.NoRef, data.NoRef
		none := false
		if hasV {
			var found bool
			if vRef, found = x.h.resolveVerzoek(d, vU, false); !found {
				none = true
			}
		}
		if hasT {
			var found bool
			if tRef, found = x.resolveTarget(d, tU); !found {
				none = true
			}
		}
		switch {
		case none:
			cands = []data.Ref{}
		case hasT:
			cands = x.index(d, "byTarget", x.target)[tRef]
		case hasV:
			cands = x.index(d, "byVerzoek", x.verzoek)[vRef]
		default:
			cands = make([]data.Ref, tb.Len())
			for i := range cands {
				cands[i] = data.Ref(i)
			}
		}
		refs := []data.Ref{}
		for _, ref := range cands {
			t := tb.Get(ref)
			if tb.InstOf(ref) != x.h.e.Inst || !x.live(d, ref) || (hasV && x.verzoek(t) != vRef) ||
				(hasT && x.target(t) != tRef) || (extra != nil && !extra(t)) {
				continue
			}
			refs = append(refs, ref)
		}
		var pg []data.Ref
		pg, env, ok = x.h.e.Paginate(w, r, refs, false)
		if !ok {
			return
		}
		out = make([]any, len(pg))
		for i, ref := range pg {
			out[i] = x.render(d, ref)
		}
	})
	if !ok {
		return
	}
	env.Results = out
	provider.WriteJSON(w, http.StatusOK, env)
}

func (x *rel[T]) read(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	var out any
	x.h.e.Store.Read(func(d *data.Data) {
		if ref, ok := x.byPath(d, r); ok {
			out = x.render(d, ref)
		}
	})
	if out == nil {
		provider.NotFound(w)
		return
	}
	provider.WriteDetail(w, r, out)
}

func (x *rel[T]) create(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeAanmaken) {
		return
	}
	f, ok := form.Read(w, r, false)
	if !ok {
		return
	}
	var out any
	var loc string
	x.h.e.Store.Write(func(d *data.Data) {
		u := form.NewUUID()
		row, ok := x.build(d, f, u)
		if !ok {
			return
		}
		ref := x.table(d).Add(u, x.h.e.Inst, row)
		if x.afterCreate != nil {
			x.afterCreate(d, ref)
		}
		out = x.render(d, ref)
		loc = x.h.e.URL(x.coll, u)
	})
	if f.Failed() {
		provider.WriteValidation(w, f.Errs()...)
		return
	}
	w.Header().Set("Location", loc)
	provider.WriteJSON(w, http.StatusCreated, out)
}

func (x *rel[T]) delete(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeVerwijderen) {
		return
	}
	found := false
	x.h.e.Store.Write(func(d *data.Data) {
		ref, ok := x.byPath(d, r)
		if !ok {
			return
		}
		found = true
		*x.deleted(x.table(d).Get(ref)) = true
		if x.afterDelete != nil {
			x.afterDelete(d, ref)
		}
	})
	if !found {
		provider.NotFound(w)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// readVerzoek reads the required verzoek field of a relation body.
func (h *handler) readVerzoek(d *data.Data, f *form.Form) data.Ref {
	if v, ok := f.Str("verzoek", 1000, true); ok {
		if ref, found := h.resolveVerzoek(d, v, false); found {
			return ref
		}
		f.Fail("verzoek", "bad-url", form.MsgBadURL)
	}
	return data.NoRef
}

// readTarget reads a required URL field that must resolve.
func readTarget(d *data.Data, f *form.Form, key string, resolve func(*data.Data, string) (data.Ref, bool)) data.Ref {
	if v, ok := f.Str(key, 1000, true); ok {
		if ref, found := resolve(d, v); found {
			return ref
		}
		f.Fail(key, "bad-url", form.MsgBadURL)
	}
	return data.NoRef
}

// uniqueTogether reports a unique-together violation as the providers do.
func uniqueTogether(f *form.Form, fields string) {
	f.Fail(form.NonFieldError, "unique", "De velden "+fields+" moeten een unieke set zijn.")
}

// ---- resolvers for the other ends ----

func (h *handler) resolveKlant(d *data.Data, raw string) (data.Ref, bool) {
	return data.Resolve(h.e.Store, &d.Klanten, raw, data.APIKlanten, collKlant)
}

func (h *handler) resolveLiveKlant(d *data.Data, raw string) (data.Ref, bool) {
	ref, ok := h.resolveKlant(d, raw)
	return ref, ok && !d.Klanten.Get(ref).Deleted
}

func (h *handler) resolveZaak(d *data.Data, raw string) (data.Ref, bool) {
	return data.Resolve(h.e.Store, &d.Zaken, raw, data.APIZaken, collZaak)
}

func (h *handler) resolveCM(d *data.Data, raw string) (data.Ref, bool) {
	return data.Resolve(h.e.Store, &d.ContactMomenten, raw, data.APIContactmomenten, collCM)
}

func (h *handler) resolveLiveCM(d *data.Data, raw string) (data.Ref, bool) {
	ref, ok := h.resolveCM(d, raw)
	return ref, ok && !d.ContactMomenten.Get(ref).Deleted
}

func (h *handler) resolveEIO(d *data.Data, raw string) (data.Ref, bool) {
	return data.Resolve(h.e.Store, &d.InformatieObjecten, raw, data.APIDocumenten, collEIO)
}

// ---- the five relation resources ----

type klantVerzoekJSON struct {
	URL                 string `json:"url"`
	Klant               string `json:"klant"`
	Verzoek             string `json:"verzoek"`
	Rol                 string `json:"rol,omitempty"`                 // enum without blank
	IndicatieMachtiging string `json:"indicatieMachtiging,omitempty"` // enum without blank
}

var (
	klantRollen          = []string{"belanghebbende", "initiator", "mede_initiator"}
	indicatiesMachtiging = []string{"gemachtigde", "machtiginggever"}
	objectTypes          = []string{objectZaak}
)

func (h *handler) klantVerzoeken() *rel[data.KlantVerzoek] {
	x := &rel[data.KlantVerzoek]{h: h, coll: "klantverzoeken",
		table:         func(d *data.Data) *data.Table[data.KlantVerzoek] { return &d.KlantVerzoeken },
		verzoek:       func(t *data.KlantVerzoek) data.Ref { return t.Verzoek },
		deleted:       func(t *data.KlantVerzoek) *bool { return &t.Deleted },
		targetParam:   "klant",
		target:        func(t *data.KlantVerzoek) data.Ref { return t.Klant },
		resolveTarget: h.resolveKlant,
	}
	x.render = func(d *data.Data, ref data.Ref) any {
		t := d.KlantVerzoeken.Get(ref)
		return klantVerzoekJSON{URL: data.RefURL(h.e.Store, &d.KlantVerzoeken, x.coll, ref),
			Klant: data.RefURL(h.e.Store, &d.Klanten, collKlant, t.Klant), Verzoek: h.verzoekURL(d, t.Verzoek),
			Rol: t.Rol, IndicatieMachtiging: t.IndicatieMachtiging}
	}
	x.build = func(d *data.Data, f *form.Form, u data.UUID) (data.KlantVerzoek, bool) {
		t := data.KlantVerzoek{UUID: u, Inst: h.e.Inst}
		t.Klant = readTarget(d, f, "klant", h.resolveLiveKlant)
		t.Verzoek = h.readVerzoek(d, f)
		if v, ok := f.Choice("rol", klantRollen, false); ok {
			t.Rol = v
		}
		if v, ok := f.Choice("indicatieMachtiging", indicatiesMachtiging, false); ok {
			t.IndicatieMachtiging = v
		}
		if f.Failed() {
			return t, false
		}
		for _, o := range x.index(d, "byTarget", x.target)[t.Klant] {
			if x.live(d, o) && d.KlantVerzoeken.Get(o).Verzoek == t.Verzoek {
				uniqueTogether(f, "verzoek, klant")
				return t, false
			}
		}
		return t, true
	}
	return x
}

type objectVerzoekJSON struct {
	URL        string `json:"url"`
	Verzoek    string `json:"verzoek"`
	Object     string `json:"object"`
	ObjectType string `json:"objectType"`
}

func (h *handler) objectVerzoeken() *rel[data.ObjectVerzoek] {
	x := &rel[data.ObjectVerzoek]{h: h, coll: "objectverzoeken",
		table:         func(d *data.Data) *data.Table[data.ObjectVerzoek] { return &d.ObjectVerzoeken },
		verzoek:       func(t *data.ObjectVerzoek) data.Ref { return t.Verzoek },
		deleted:       func(t *data.ObjectVerzoek) *bool { return &t.Deleted },
		targetParam:   "object",
		target:        func(t *data.ObjectVerzoek) data.Ref { return t.Object },
		resolveTarget: h.resolveZaak,
	}
	x.render = func(d *data.Data, ref data.Ref) any {
		t := d.ObjectVerzoeken.Get(ref)
		ot := t.ObjectType
		if ot == "" {
			ot = objectZaak
		}
		return objectVerzoekJSON{URL: data.RefURL(h.e.Store, &d.ObjectVerzoeken, x.coll, ref),
			Verzoek: h.verzoekURL(d, t.Verzoek), Object: data.RefURL(h.e.Store, &d.Zaken, collZaak, t.Object), ObjectType: ot}
	}
	x.build = func(d *data.Data, f *form.Form, u data.UUID) (data.ObjectVerzoek, bool) {
		t := data.ObjectVerzoek{UUID: u, Inst: h.e.Inst}
		t.Verzoek = h.readVerzoek(d, f)
		if v, ok := f.Choice("objectType", objectTypes, true); ok {
			t.ObjectType = v
		}
		t.Object = readTarget(d, f, "object", h.resolveZaak)
		if f.Failed() {
			return t, false
		}
		for _, o := range x.index(d, "byTarget", x.target)[t.Object] {
			if x.live(d, o) && d.ObjectVerzoeken.Get(o).Verzoek == t.Verzoek {
				uniqueTogether(f, "verzoek, object")
				return t, false
			}
		}
		return t, true
	}
	return x
}

type verzoekContactMomentJSON struct {
	URL           string `json:"url"`
	Contactmoment string `json:"contactmoment"`
	Verzoek       string `json:"verzoek"`
}

func (h *handler) verzoekContactMomenten() *rel[data.VerzoekContactMoment] {
	x := &rel[data.VerzoekContactMoment]{h: h, coll: "verzoekcontactmomenten",
		table:         func(d *data.Data) *data.Table[data.VerzoekContactMoment] { return &d.VerzoekContactMomenten },
		verzoek:       func(t *data.VerzoekContactMoment) data.Ref { return t.Verzoek },
		deleted:       func(t *data.VerzoekContactMoment) *bool { return &t.Deleted },
		targetParam:   "contactmoment",
		target:        func(t *data.VerzoekContactMoment) data.Ref { return t.Contactmoment },
		resolveTarget: h.resolveCM,
	}
	x.render = func(d *data.Data, ref data.Ref) any {
		t := d.VerzoekContactMomenten.Get(ref)
		return verzoekContactMomentJSON{URL: data.RefURL(h.e.Store, &d.VerzoekContactMomenten, x.coll, ref),
			Contactmoment: data.RefURL(h.e.Store, &d.ContactMomenten, collCM, t.Contactmoment), Verzoek: h.verzoekURL(d, t.Verzoek)}
	}
	x.build = func(d *data.Data, f *form.Form, u data.UUID) (data.VerzoekContactMoment, bool) {
		t := data.VerzoekContactMoment{UUID: u, Inst: h.e.Inst}
		t.Contactmoment = readTarget(d, f, "contactmoment", h.resolveLiveCM)
		t.Verzoek = h.readVerzoek(d, f)
		if f.Failed() {
			return t, false
		}
		for _, o := range x.index(d, "byTarget", x.target)[t.Contactmoment] {
			if x.live(d, o) && d.VerzoekContactMomenten.Get(o).Verzoek == t.Verzoek {
				uniqueTogether(f, "verzoek, contactmoment")
				return t, false
			}
		}
		return t, true
	}
	return x
}

type verzoekInformatieObjectJSON struct {
	URL              string `json:"url"`
	Informatieobject string `json:"informatieobject"`
	Verzoek          string `json:"verzoek"`
}

// verzoekInformatieObjecten mirrors each relation as an
// ObjectInformatieObject (objectType verzoek) in the Documenten API, as
// the reference implementation does.
func (h *handler) verzoekInformatieObjecten() *rel[data.VerzoekInformatieObject] {
	x := &rel[data.VerzoekInformatieObject]{h: h, coll: "verzoekinformatieobjecten",
		table:         func(d *data.Data) *data.Table[data.VerzoekInformatieObject] { return &d.VerzoekInformatieObjecten },
		verzoek:       func(t *data.VerzoekInformatieObject) data.Ref { return t.Verzoek },
		deleted:       func(t *data.VerzoekInformatieObject) *bool { return &t.Deleted },
		targetParam:   "informatieobject",
		target:        func(t *data.VerzoekInformatieObject) data.Ref { return t.Informatieobject },
		resolveTarget: h.resolveEIO,
	}
	x.render = func(d *data.Data, ref data.Ref) any {
		t := d.VerzoekInformatieObjecten.Get(ref)
		return verzoekInformatieObjectJSON{URL: data.RefURL(h.e.Store, &d.VerzoekInformatieObjecten, x.coll, ref),
			Informatieobject: data.RefURL(h.e.Store, &d.InformatieObjecten, collEIO, t.Informatieobject), Verzoek: h.verzoekURL(d, t.Verzoek)}
	}
	x.build = func(d *data.Data, f *form.Form, u data.UUID) (data.VerzoekInformatieObject, bool) {
		t := data.VerzoekInformatieObject{UUID: u, Inst: h.e.Inst}
		t.Informatieobject = readTarget(d, f, "informatieobject", h.resolveEIO)
		t.Verzoek = h.readVerzoek(d, f)
		if f.Failed() {
			return t, false
		}
		for _, o := range x.index(d, "byTarget", x.target)[t.Informatieobject] {
			if x.live(d, o) && d.VerzoekInformatieObjecten.Get(o).Verzoek == t.Verzoek {
				uniqueTogether(f, "verzoek, informatieobject")
				return t, false
			}
		}
		return t, true
	}
	x.afterCreate = func(d *data.Data, ref data.Ref) {
		t := d.VerzoekInformatieObjecten.Get(ref)
		u, inst := form.NewUUID(), d.InformatieObjecten.InstOf(t.Informatieobject)
		d.ObjectInformatieObjecten.Add(u, inst, data.ObjectInformatieObject{UUID: u, Inst: inst,
			Informatieobject: t.Informatieobject, ObjectType: "verzoek", Object: t.Verzoek})
	}
	x.afterDelete = func(d *data.Data, ref data.Ref) { unmirror(d, d.VerzoekInformatieObjecten.Get(ref)) }
	return x
}

// unmirror deletes the Documenten side of a verzoek-informatieobject.
func unmirror(d *data.Data, vio *data.VerzoekInformatieObject) {
	for i := range d.ObjectInformatieObjecten.Rows {
		o := &d.ObjectInformatieObjecten.Rows[i]
		if !o.Deleted && o.ObjectType == "verzoek" && o.Object == vio.Verzoek && o.Informatieobject == vio.Informatieobject {
			o.Deleted = true
		}
	}
}

type verzoekProductJSON struct {
	URL                  string       `json:"url"`
	Verzoek              string       `json:"verzoek"`
	Product              string       `json:"product"`
	ProductIdentificatie *productJSON `json:"productIdentificatie,omitempty"`
}

type productJSON struct {
	Code string `json:"code"`
}

func (h *handler) verzoekProducten() *rel[data.VerzoekProduct] {
	x := &rel[data.VerzoekProduct]{h: h, coll: "verzoekproducten",
		table:   func(d *data.Data) *data.Table[data.VerzoekProduct] { return &d.VerzoekProducten },
		verzoek: func(t *data.VerzoekProduct) data.Ref { return t.Verzoek },
		deleted: func(t *data.VerzoekProduct) *bool { return &t.Deleted },
	}
	x.extra = func(q url.Values) func(t *data.VerzoekProduct) bool {
		product, code := q.Get("product"), q.Get("productIdentificatie__code")
		if product == "" && code == "" {
			return nil
		}
		return func(t *data.VerzoekProduct) bool {
			return (product == "" || t.Product == product) && (code == "" || t.ProductCode == code)
		}
	}
	x.render = func(d *data.Data, ref data.Ref) any {
		t := d.VerzoekProducten.Get(ref)
		out := verzoekProductJSON{URL: data.RefURL(h.e.Store, &d.VerzoekProducten, x.coll, ref),
			Verzoek: h.verzoekURL(d, t.Verzoek), Product: t.Product}
		if t.ProductCode != "" {
			out.ProductIdentificatie = &productJSON{Code: t.ProductCode}
		}
		return out
	}
	x.build = func(d *data.Data, f *form.Form, u data.UUID) (data.VerzoekProduct, bool) {
		t := data.VerzoekProduct{UUID: u, Inst: h.e.Inst}
		t.Verzoek = h.readVerzoek(d, f)
		if v, ok := f.Str("product", 1000, false); ok {
			if v != "" && !form.ValidURL(v) {
				f.Fail("product", "invalid", form.MsgURL)
			} else {
				t.Product = v
			}
		}
		if pi, given := f.Object("productIdentificatie"); given && pi != nil {
			if v, ok := pi.Str("code", 20, true); ok {
				t.ProductCode = v
			}
		}
		if f.Failed() {
			return t, false
		}
		if t.Product == "" && t.ProductCode == "" {
			f.Fail(form.NonFieldError, "invalid-product", "product or productIdentificatie must be provided")
			return t, false
		}
		for _, o := range x.index(d, "byVerzoek", x.verzoek)[t.Verzoek] {
			p := d.VerzoekProducten.Get(o)
			if !x.live(d, o) {
				continue
			}
			if t.Product != "" && p.Product == t.Product {
				uniqueTogether(f, "product, verzoek")
				return t, false
			}
			if t.ProductCode != "" && p.ProductCode == t.ProductCode {
				uniqueTogether(f, "product_code, verzoek")
				return t, false
			}
		}
		return t, true
	}
	return x
}
