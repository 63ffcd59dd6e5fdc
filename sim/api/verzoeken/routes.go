// Package verzoeken simulates the Verzoeken API 1.0.0-beta
// (verzoeken-1.0.0-beta.yaml, the VNG reference implementation): /verzoeken
// and its relation resources /klantverzoeken, /objectverzoeken,
// /verzoekcontactmomenten, /verzoekinformatieobjecten and /verzoekproducten.
// Lists keep creation order, as the reference implementation does.
package verzoeken

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/form"
	"github.com/klantgraaf/klantgraaf/sim/provider"
)

// Scopes of the Verzoeken API.
const (
	scopeLezen       = "verzoeken.lezen"
	scopeAanmaken    = "verzoeken.aanmaken"
	scopeBijwerken   = "verzoeken.bijwerken"
	scopeVerwijderen = "verzoeken.verwijderen"
)

// Collections of this API and the ones it links to.
const (
	collVerzoek = "verzoeken"
	collKlant   = "klanten"
	collZaak    = "zaken"
	collCM      = "contactmomenten"
	collEIO     = "enkelvoudiginformatieobjecten"
	objectZaak  = "zaak"
)

// Routes registers the API's endpoints under the instance's base path.
func Routes(e *provider.Env, r chi.Router) {
	h := &handler{e: e}
	r.Get("/verzoeken", h.list)
	r.Post("/verzoeken", h.create)
	r.Get("/verzoeken/{uuid}", h.read)
	r.Put("/verzoeken/{uuid}", h.update(false))
	r.Patch("/verzoeken/{uuid}", h.update(true))
	r.Delete("/verzoeken/{uuid}", h.delete)
	h.klantVerzoeken().routes(r)
	h.objectVerzoeken().routes(r)
	h.verzoekContactMomenten().routes(r)
	h.verzoekInformatieObjecten().routes(r)
	h.verzoekProducten().routes(r)
}

type handler struct{ e *provider.Env }

func (h *handler) verzoekByPath(d *data.Data, r *http.Request) (data.Ref, bool) {
	u, ok := form.PathUUID(r)
	if !ok {
		return data.NoRef, false
	}
	ref, ok := d.Verzoeken.LookupIn(h.e.Inst, u)
	if !ok || d.Verzoeken.Get(ref).Deleted {
		return data.NoRef, false
	}
	return ref, true
}

// resolveVerzoek maps a verzoek URL to a verzoek of this instance
// (live only unless any).
func (h *handler) resolveVerzoek(d *data.Data, raw string, any bool) (data.Ref, bool) {
	ref, ok := data.Resolve(h.e.Store, &d.Verzoeken, raw, data.APIVerzoeken, collVerzoek)
	if !ok || d.Verzoeken.InstOf(ref) != h.e.Inst || (!any && d.Verzoeken.Get(ref).Deleted) {
		return data.NoRef, false
	}
	return ref, true
}

func (h *handler) verzoekURL(d *data.Data, ref data.Ref) string {
	return data.RefURL(h.e.Store, &d.Verzoeken, collVerzoek, ref)
}

// verzoekLink renders a link to a verzoek: null when absent or deleted.
func (h *handler) verzoekLink(d *data.Data, ref data.Ref) *string {
	if ref == data.NoRef || d.Verzoeken.Get(ref).Deleted {
		return nil
	}
	s := h.verzoekURL(d, ref)
	return &s
}

// exists checks a detail URL before a body is read, so an unknown object
// is a 404 whatever the body holds (as in the provider).
func (h *handler) exists(r *http.Request) bool {
	found := false
	h.e.Store.Read(func(d *data.Data) { _, found = h.verzoekByPath(d, r) })
	return found
}
