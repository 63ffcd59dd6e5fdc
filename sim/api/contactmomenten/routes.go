// Package contactmomenten simulates the Contactmomenten API 1.0.0 as Open
// Klant 1.x serves it (contactmomenten-1.0.0.yaml, with its AFWIJKING
// extras): /contactmomenten with the klant/object filters and expand,
// /klantcontactmomenten (with PUT/PATCH) and /objectcontactmomenten.
package contactmomenten

import (
	"net/http"
	"slices"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/form"
	"github.com/klantgraaf/klantgraaf/sim/provider"
)

// Scopes of the Contactmomenten API.
const (
	scopeLezen       = "contactmomenten.lezen"
	scopeAanmaken    = "contactmomenten.aanmaken"
	scopeBijwerken   = "contactmomenten.bijwerken"
	scopeVerwijderen = "contactmomenten.verwijderen"
)

// Collections of this API and the ones it links to.
const (
	collCM     = "contactmomenten"
	collKCM    = "klantcontactmomenten"
	collOCM    = "objectcontactmomenten"
	collKlant  = "klanten"
	collZaak   = "zaken"
	expandKCM  = "klantcontactmomenten"
	expandOCM  = "objectcontactmomenten"
	objectZaak = "zaak"
)

// Routes registers the API's endpoints under the instance's base path.
func Routes(e *provider.Env, r chi.Router) {
	h := &handler{e: e}
	r.Get("/contactmomenten", h.listCM)
	r.Post("/contactmomenten", h.createCM)
	r.Get("/contactmomenten/{uuid}", h.readCM)
	r.Put("/contactmomenten/{uuid}", h.updateCM(false))
	r.Patch("/contactmomenten/{uuid}", h.updateCM(true))
	r.Delete("/contactmomenten/{uuid}", h.deleteCM)

	r.Get("/klantcontactmomenten", h.listKCM)
	r.Post("/klantcontactmomenten", h.createKCM)
	r.Get("/klantcontactmomenten/{uuid}", h.readKCM)
	// Open Klant adds PUT/PATCH (AFWIJKING), under the aanmaken scope.
	r.Put("/klantcontactmomenten/{uuid}", h.updateKCM(false))
	r.Patch("/klantcontactmomenten/{uuid}", h.updateKCM(true))
	r.Delete("/klantcontactmomenten/{uuid}", h.deleteKCM)

	r.Get("/objectcontactmomenten", h.listOCM)
	r.Post("/objectcontactmomenten", h.createOCM)
	r.Get("/objectcontactmomenten/{uuid}", h.readOCM)
	r.Delete("/objectcontactmomenten/{uuid}", h.deleteOCM)
}

type handler struct{ e *provider.Env }

// ---- lookups ----

func (h *handler) cmByPath(d *data.Data, r *http.Request) (data.Ref, bool) {
	u, ok := form.PathUUID(r)
	if !ok {
		return data.NoRef, false
	}
	ref, ok := d.ContactMomenten.LookupIn(h.e.Inst, u)
	if !ok || d.ContactMomenten.Get(ref).Deleted {
		return data.NoRef, false
	}
	return ref, true
}

func (h *handler) kcmByPath(d *data.Data, r *http.Request) (data.Ref, bool) {
	u, ok := form.PathUUID(r)
	if !ok {
		return data.NoRef, false
	}
	ref, ok := d.KlantContactMomenten.LookupIn(h.e.Inst, u)
	if !ok || !h.kcmLive(d, ref) {
		return data.NoRef, false
	}
	return ref, true
}

func (h *handler) ocmByPath(d *data.Data, r *http.Request) (data.Ref, bool) {
	u, ok := form.PathUUID(r)
	if !ok {
		return data.NoRef, false
	}
	ref, ok := d.ObjectContactMomenten.LookupIn(h.e.Inst, u)
	if !ok || !h.ocmLive(d, ref) {
		return data.NoRef, false
	}
	return ref, true
}

// A relation is live while neither it nor its contactmoment is deleted.
func (h *handler) kcmLive(d *data.Data, ref data.Ref) bool {
	k := d.KlantContactMomenten.Get(ref)
	return !k.Deleted && k.Contactmoment != data.NoRef && !d.ContactMomenten.Get(k.Contactmoment).Deleted
}

func (h *handler) ocmLive(d *data.Data, ref data.Ref) bool {
	o := d.ObjectContactMomenten.Get(ref)
	return !o.Deleted && o.Contactmoment != data.NoRef && !d.ContactMomenten.Get(o.Contactmoment).Deleted
}

// resolveCM maps a contactmoment URL to a live contactmoment of this
// instance.
func (h *handler) resolveCM(d *data.Data, raw string) (data.Ref, bool) {
	ref, ok := data.Resolve(h.e.Store, &d.ContactMomenten, raw, data.APIContactmomenten, collCM)
	if !ok || d.ContactMomenten.InstOf(ref) != h.e.Inst || d.ContactMomenten.Get(ref).Deleted {
		return data.NoRef, false
	}
	return ref, true
}

// resolveKlant maps a klant URL to a live klant of a klanten instance.
func (h *handler) resolveKlant(d *data.Data, raw string) (data.Ref, bool) {
	ref, ok := data.Resolve(h.e.Store, &d.Klanten, raw, data.APIKlanten, collKlant)
	if !ok || d.Klanten.Get(ref).Deleted {
		return data.NoRef, false
	}
	return ref, true
}

// resolveZaak maps a zaak URL to a zaak of a zaken instance.
func (h *handler) resolveZaak(d *data.Data, raw string) (data.Ref, bool) {
	return data.Resolve(h.e.Store, &d.Zaken, raw, data.APIZaken, collZaak)
}

// kcmByKlant indexes klantcontactmomenten by klant (all instances).
func (h *handler) kcmByKlant(d *data.Data) map[data.Ref][]data.Ref {
	return h.e.Store.IndexRef("contactmomenten.kcmByKlant", func(add func(data.Ref, data.Ref)) {
		for i := range d.KlantContactMomenten.Rows {
			add(d.KlantContactMomenten.Rows[i].Klant, data.Ref(i))
		}
	})
}

// ocmByObject indexes objectcontactmomenten by zaak (all instances).
func (h *handler) ocmByObject(d *data.Data) map[data.Ref][]data.Ref {
	return h.e.Store.IndexRef("contactmomenten.ocmByObject", func(add func(data.Ref, data.Ref)) {
		for i := range d.ObjectContactMomenten.Rows {
			add(d.ObjectContactMomenten.Rows[i].Object, data.Ref(i))
		}
	})
}

// kcmOf and ocmOf index the relations by contactmoment. Rendering reads
// these rather than the ContactMoment's own lists, so a relation written
// elsewhere (the Zaken API mirroring a ZaakContactMoment) shows up even if
// the writer did not update the list.
func (h *handler) kcmOf(d *data.Data, cm data.Ref) []data.Ref {
	return h.e.Store.IndexRef("contactmomenten.kcmByCM", func(add func(data.Ref, data.Ref)) {
		for i := range d.KlantContactMomenten.Rows {
			add(d.KlantContactMomenten.Rows[i].Contactmoment, data.Ref(i))
		}
	})[cm]
}

func (h *handler) ocmOf(d *data.Data, cm data.Ref) []data.Ref {
	return h.e.Store.IndexRef("contactmomenten.ocmByCM", func(add func(data.Ref, data.Ref)) {
		for i := range d.ObjectContactMomenten.Rows {
			add(d.ObjectContactMomenten.Rows[i].Contactmoment, data.Ref(i))
		}
	})[cm]
}

// liveRefs returns the live relation refs of a contactmoment, newest first
// (Open Klant prefetches them ordered by -pk).
func liveRefs(refs []data.Ref, live func(data.Ref) bool) []data.Ref {
	out := make([]data.Ref, 0, len(refs))
	for _, r := range refs {
		if live(r) && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b data.Ref) int { return int(b) - int(a) })
	return out
}

// splitCSV splits a comma-separated filter value.
func splitCSV(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// removeRef drops r from a relation list (copying, so readers holding the
// old slice are unaffected).
func removeRef(list []data.Ref, r data.Ref) []data.Ref {
	out := make([]data.Ref, 0, len(list))
	for _, x := range list {
		if x != r {
			out = append(out, x)
		}
	}
	return out
}

// appendRef adds r to a relation list (copying).
func appendRef(list []data.Ref, r data.Ref) []data.Ref {
	out := make([]data.Ref, 0, len(list)+1)
	out = append(out, list...)
	return append(out, r)
}

// exists checks a detail URL before a body is read, so an unknown object
// is a 404 whatever the body holds (as in the provider).
func (h *handler) exists(r *http.Request, lookup func(*data.Data, *http.Request) (data.Ref, bool)) bool {
	found := false
	h.e.Store.Read(func(d *data.Data) { _, found = lookup(d, r) })
	return found
}
