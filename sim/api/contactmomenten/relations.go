package contactmomenten

import (
	"net/http"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/form"
	"github.com/klantgraaf/klantgraaf/sim/provider"
)

type kcmJSON struct {
	URL           string `json:"url"`
	Contactmoment string `json:"contactmoment"`
	Klant         string `json:"klant"`
	Rol           string `json:"rol,omitempty"` // enum without blank
	Gelezen       bool   `json:"gelezen"`
}

type ocmJSON struct {
	URL           string `json:"url"`
	Contactmoment string `json:"contactmoment"`
	Object        string `json:"object"`
	ObjectType    string `json:"objectType"`
}

var (
	kcmRollen   = []string{"belanghebbende", "gesprekspartner"}
	objectTypes = []string{objectZaak}
)

func (h *handler) renderKCM(d *data.Data, ref data.Ref) kcmJSON {
	k := d.KlantContactMomenten.Get(ref)
	return kcmJSON{
		URL:           data.RefURL(h.e.Store, &d.KlantContactMomenten, collKCM, ref),
		Contactmoment: h.cmURL(d, k.Contactmoment),
		Klant:         data.RefURL(h.e.Store, &d.Klanten, collKlant, k.Klant),
		Rol:           k.Rol,
		Gelezen:       k.Gelezen,
	}
}

func (h *handler) renderOCM(d *data.Data, ref data.Ref) ocmJSON {
	o := d.ObjectContactMomenten.Get(ref)
	ot := o.ObjectType
	if ot == "" {
		ot = objectZaak
	}
	return ocmJSON{
		URL:           data.RefURL(h.e.Store, &d.ObjectContactMomenten, collOCM, ref),
		Contactmoment: h.cmURL(d, o.Contactmoment),
		Object:        data.RefURL(h.e.Store, &d.Zaken, collZaak, o.Object),
		ObjectType:    ot,
	}
}

// ---- klantcontactmomenten ----

// listKCM serves GET /klantcontactmomenten, newest first (-pk).
func (h *handler) listKCM(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	p := form.NewQuery(r)
	cmU, hasCM := p.Get("contactmoment")
	klantU, hasKlant := p.Get("klant")
	rol, hasRol := p.Choice("rol", kcmRollen)
	if p.Failed(w) {
		return
	}
	var out []kcmJSON
	var env provider.PageEnvelope
	ok := true
	h.e.Store.Read(func(d *data.Data) {
		var cands []data.Ref
		cmRef, klantRef := data.NoRef, data.NoRef
		if hasCM {
			ref, found := h.resolveCM(d, cmU)
			if !found {
				cands = []data.Ref{}
			}
			cmRef = ref
		}
		if hasKlant {
			ref, found := data.Resolve(h.e.Store, &d.Klanten, klantU, data.APIKlanten, collKlant)
			if !found {
				cands = []data.Ref{}
			} else if cands == nil {
				cands = h.kcmByKlant(d)[ref]
				if cands == nil {
					cands = []data.Ref{}
				}
			}
			klantRef = ref
		}
		if cands == nil {
			cands = make([]data.Ref, d.KlantContactMomenten.Len())
			for i := range cands {
				cands[i] = data.Ref(i)
			}
		}
		var refs []data.Ref
		for i := len(cands) - 1; i >= 0; i-- {
			ref := cands[i]
			k := d.KlantContactMomenten.Get(ref)
			if d.KlantContactMomenten.InstOf(ref) != h.e.Inst || !h.kcmLive(d, ref) ||
				(hasCM && k.Contactmoment != cmRef) || (hasKlant && k.Klant != klantRef) || (hasRol && k.Rol != rol) {
				continue
			}
			refs = append(refs, ref)
		}
		var pg []data.Ref
		pg, env, ok = h.e.Paginate(w, r, refs, false)
		if !ok {
			return
		}
		out = make([]kcmJSON, len(pg))
		for i, ref := range pg {
			out[i] = h.renderKCM(d, ref)
		}
	})
	if !ok {
		return
	}
	env.Results = out
	provider.WriteJSON(w, http.StatusOK, env)
}

func (h *handler) readKCM(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	var out kcmJSON
	found := false
	h.e.Store.Read(func(d *data.Data) {
		if ref, ok := h.kcmByPath(d, r); ok {
			found = true
			out = h.renderKCM(d, ref)
		}
	})
	if !found {
		provider.NotFound(w)
		return
	}
	provider.WriteDetail(w, r, out)
}

// applyKCM validates the body into k; self is the relation being updated.
func (h *handler) applyKCM(d *data.Data, f *form.Form, k *data.KlantContactMoment, self data.Ref) bool {
	if v, ok := f.Str("contactmoment", 1000, true); ok {
		if ref, found := h.resolveCM(d, v); found {
			k.Contactmoment = ref
		} else {
			f.Fail("contactmoment", "bad-url", form.MsgBadURL)
		}
	}
	if v, ok := f.Str("klant", 1000, true); ok {
		if ref, found := h.resolveKlant(d, v); found {
			k.Klant = ref
		} else {
			f.Fail("klant", "bad-url", form.MsgBadURL)
		}
	}
	if v, ok := f.Choice("rol", kcmRollen, true); ok {
		k.Rol = v
	}
	if b, ok := f.Boolean("gelezen"); ok {
		k.Gelezen = b
	}
	if f.Failed() {
		return false
	}
	// The combination contactmoment, klant and rol is unique.
	for _, rel := range h.kcmByKlant(d)[k.Klant] {
		o := d.KlantContactMomenten.Get(rel)
		if rel != self && h.kcmLive(d, rel) && o.Contactmoment == k.Contactmoment && o.Rol == k.Rol {
			f.Fail(form.NonFieldError, "unique", "De velden contactmoment, klant, rol moeten een unieke set zijn.")
			return false
		}
	}
	return true
}

func (h *handler) createKCM(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeAanmaken) {
		return
	}
	f, ok := form.Read(w, r, false)
	if !ok {
		return
	}
	var out kcmJSON
	h.e.Store.Write(func(d *data.Data) {
		k := data.KlantContactMoment{Inst: h.e.Inst, Contactmoment: data.NoRef, Klant: data.NoRef}
		if !h.applyKCM(d, f, &k, data.NoRef) {
			return
		}
		k.UUID = form.NewUUID()
		ref := d.KlantContactMomenten.Add(k.UUID, h.e.Inst, k)
		cm := d.ContactMomenten.Get(k.Contactmoment)
		cm.Klantcontactmomenten = appendRef(cm.Klantcontactmomenten, ref)
		out = h.renderKCM(d, ref)
	})
	if f.Failed() {
		provider.WriteValidation(w, f.Errs()...)
		return
	}
	w.Header().Set("Location", out.URL)
	provider.WriteJSON(w, http.StatusCreated, out)
}

func (h *handler) updateKCM(partial bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !provider.RequireScope(w, r, scopeAanmaken) {
			return
		}
		if !h.exists(r, h.kcmByPath) {
			provider.NotFound(w)
			return
		}
		f, ok := form.Read(w, r, partial)
		if !ok {
			return
		}
		found := false
		var out kcmJSON
		h.e.Store.Write(func(d *data.Data) {
			ref, ok := h.kcmByPath(d, r)
			if !ok {
				return
			}
			found = true
			k := *d.KlantContactMomenten.Get(ref)
			old := k.Contactmoment
			if !h.applyKCM(d, f, &k, ref) {
				return
			}
			*d.KlantContactMomenten.Get(ref) = k
			if k.Contactmoment != old {
				oc := d.ContactMomenten.Get(old)
				oc.Klantcontactmomenten = removeRef(oc.Klantcontactmomenten, ref)
				nc := d.ContactMomenten.Get(k.Contactmoment)
				nc.Klantcontactmomenten = appendRef(nc.Klantcontactmomenten, ref)
			}
			out = h.renderKCM(d, ref)
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

func (h *handler) deleteKCM(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeVerwijderen) {
		return
	}
	found := false
	h.e.Store.Write(func(d *data.Data) {
		ref, ok := h.kcmByPath(d, r)
		if !ok {
			return
		}
		found = true
		k := d.KlantContactMomenten.Get(ref)
		k.Deleted = true
		cm := d.ContactMomenten.Get(k.Contactmoment)
		cm.Klantcontactmomenten = removeRef(cm.Klantcontactmomenten, ref)
	})
	if !found {
		provider.NotFound(w)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// ---- objectcontactmomenten ----

// listOCM serves GET /objectcontactmomenten, newest first (-pk).
func (h *handler) listOCM(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	p := form.NewQuery(r)
	objU, hasObj := p.Get("object")
	cmU, hasCM := p.Get("contactmoment")
	ot, hasOT := p.Choice("objectType", objectTypes)
	if p.Failed(w) {
		return
	}
	var out []ocmJSON
	var env provider.PageEnvelope
	ok := true
	h.e.Store.Read(func(d *data.Data) {
		var cands []data.Ref
		objRef, cmRef := data.NoRef, data.NoRef
		if hasCM {
			ref, found := h.resolveCM(d, cmU)
			if !found {
				cands = []data.Ref{}
			}
			cmRef = ref
		}
		if hasObj {
			ref, found := h.resolveZaak(d, objU)
			if !found {
				cands = []data.Ref{}
			} else if cands == nil {
				cands = h.ocmByObject(d)[ref]
				if cands == nil {
					cands = []data.Ref{}
				}
			}
			objRef = ref
		}
		if cands == nil {
			cands = make([]data.Ref, d.ObjectContactMomenten.Len())
			for i := range cands {
				cands[i] = data.Ref(i)
			}
		}
		var refs []data.Ref
		for i := len(cands) - 1; i >= 0; i-- {
			ref := cands[i]
			o := d.ObjectContactMomenten.Get(ref)
			typ := o.ObjectType
			if typ == "" {
				typ = objectZaak
			}
			if d.ObjectContactMomenten.InstOf(ref) != h.e.Inst || !h.ocmLive(d, ref) ||
				(hasCM && o.Contactmoment != cmRef) || (hasObj && o.Object != objRef) || (hasOT && typ != ot) {
				continue
			}
			refs = append(refs, ref)
		}
		var pg []data.Ref
		pg, env, ok = h.e.Paginate(w, r, refs, false)
		if !ok {
			return
		}
		out = make([]ocmJSON, len(pg))
		for i, ref := range pg {
			out[i] = h.renderOCM(d, ref)
		}
	})
	if !ok {
		return
	}
	env.Results = out
	provider.WriteJSON(w, http.StatusOK, env)
}

func (h *handler) readOCM(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	var out ocmJSON
	found := false
	h.e.Store.Read(func(d *data.Data) {
		if ref, ok := h.ocmByPath(d, r); ok {
			found = true
			out = h.renderOCM(d, ref)
		}
	})
	if !found {
		provider.NotFound(w)
		return
	}
	provider.WriteDetail(w, r, out)
}

// createOCM registers a contactmoment-zaak relation on this side only; the
// Zaken API keeps its own ZaakContactMoment (and creates this side itself).
func (h *handler) createOCM(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeAanmaken) {
		return
	}
	f, ok := form.Read(w, r, false)
	if !ok {
		return
	}
	var out ocmJSON
	h.e.Store.Write(func(d *data.Data) {
		o := data.ObjectContactMoment{Inst: h.e.Inst, Contactmoment: data.NoRef, Object: data.NoRef}
		if v, ok := f.Str("contactmoment", 1000, true); ok {
			if ref, found := h.resolveCM(d, v); found {
				o.Contactmoment = ref
			} else {
				f.Fail("contactmoment", "bad-url", form.MsgBadURL)
			}
		}
		objURL, objOK := f.Str("object", 1000, true)
		if v, ok := f.Choice("objectType", objectTypes, true); ok {
			o.ObjectType = v
		}
		if objOK {
			if ref, found := h.resolveZaak(d, objURL); found {
				o.Object = ref
			} else {
				f.Fail("object", "bad-url", form.MsgBadURL)
			}
		}
		if f.Failed() {
			return
		}
		o.UUID = form.NewUUID()
		ref := d.ObjectContactMomenten.Add(o.UUID, h.e.Inst, o)
		cm := d.ContactMomenten.Get(o.Contactmoment)
		cm.Objectcontactmomenten = appendRef(cm.Objectcontactmomenten, ref)
		out = h.renderOCM(d, ref)
	})
	if f.Failed() {
		provider.WriteValidation(w, f.Errs()...)
		return
	}
	w.Header().Set("Location", out.URL)
	provider.WriteJSON(w, http.StatusCreated, out)
}

func (h *handler) deleteOCM(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeVerwijderen) {
		return
	}
	found := false
	h.e.Store.Write(func(d *data.Data) {
		ref, ok := h.ocmByPath(d, r)
		if !ok {
			return
		}
		found = true
		o := d.ObjectContactMomenten.Get(ref)
		o.Deleted = true
		cm := d.ContactMomenten.Get(o.Contactmoment)
		cm.Objectcontactmomenten = removeRef(cm.Objectcontactmomenten, ref)
	})
	if !found {
		provider.NotFound(w)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
