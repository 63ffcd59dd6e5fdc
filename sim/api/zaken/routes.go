// Package zaken simulates the Zaken API 1.5.1 as Open Zaak serves it
// (zaken-1.5.1.yaml): zaken with expand and the batch search, rollen,
// statussen, resultaten, zaakeigenschappen, zaakinformatieobjecten,
// zaakcontactmomenten, zaakverzoeken and zaakobjecten.
//
// Lists are ordered as the provider orders them: newest first (-pk), and
// statussen by -datumStatusGezet then -pk; GET /zaken and POST /zaken/_zoek
// take an explicit ordering. Filters on URL fields take absolute URLs; a URL
// that does not resolve to an object of the right kind matches nothing.
// Unknown query parameters are ignored. Zaken above the client's
// confidentiality ceiling, and everything that belongs to them, do not exist
// for that client.
package zaken

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/provider"
)

// Scopes of the Zaken API.
const (
	scopeLezen               = "zaken.lezen"
	scopeAanmaken            = "zaken.aanmaken"
	scopeBijwerken           = "zaken.bijwerken"
	scopeGeforceerdBijwerken = "zaken.geforceerd-bijwerken"
	scopeStatussenToevoegen  = "zaken.statussen.toevoegen"
	scopeHeropenen           = "zaken.heropenen"
)

type api struct {
	e *provider.Env
}

// Routes registers the API's endpoints under the instance's base path.
func Routes(e *provider.Env, r chi.Router) {
	a := &api{e: e}

	r.Get("/zaken", a.listZaken)
	r.Post("/zaken", a.createZaak)
	r.Post("/zaken/_zoek", a.zoekZaken)
	r.Get("/zaken/{uuid}", a.getZaak)
	r.Head("/zaken/{uuid}", a.getZaak)

	r.Get("/zaken/{zaak_uuid}/zaakeigenschappen", a.listZaakEigenschappen)
	r.Get("/zaken/{zaak_uuid}/zaakeigenschappen/{uuid}", a.getZaakEigenschap)
	r.Head("/zaken/{zaak_uuid}/zaakeigenschappen/{uuid}", a.getZaakEigenschap)

	r.Get("/rollen", a.listRollen)
	r.Get("/rollen/{uuid}", a.getRol)
	r.Head("/rollen/{uuid}", a.getRol)

	r.Get("/statussen", a.listStatussen)
	r.Post("/statussen", a.createStatus)
	r.Get("/statussen/{uuid}", a.getStatus)
	r.Head("/statussen/{uuid}", a.getStatus)

	r.Get("/resultaten", a.listResultaten)
	r.Get("/resultaten/{uuid}", a.getResultaat)
	r.Head("/resultaten/{uuid}", a.getResultaat)

	r.Get("/zaakinformatieobjecten", a.listZIOs)
	r.Get("/zaakinformatieobjecten/{uuid}", a.getZIO)
	r.Head("/zaakinformatieobjecten/{uuid}", a.getZIO)

	r.Get("/zaakcontactmomenten", a.listZCMs)
	r.Post("/zaakcontactmomenten", a.createZCM)
	r.Get("/zaakcontactmomenten/{uuid}", a.getZCM)
	r.Delete("/zaakcontactmomenten/{uuid}", a.deleteZCM)

	r.Get("/zaakverzoeken", a.listZaakVerzoeken)
	r.Post("/zaakverzoeken", a.createZaakVerzoek)
	r.Get("/zaakverzoeken/{uuid}", a.getZaakVerzoek)
	r.Delete("/zaakverzoeken/{uuid}", a.deleteZaakVerzoek)

	r.Get("/zaakobjecten", a.listZaakObjecten)
	r.Get("/zaakobjecten/{uuid}", a.getZaakObject)
}

func (a *api) rc(d *data.Data, r *http.Request) *rc {
	return &rc{e: a.e, st: a.e.Store, d: d, r: r}
}

// read runs f under the store's read lock and then performs the response f
// prepared, so that slow clients never hold the lock.
func (a *api) read(f func(d *data.Data) func()) {
	var respond func()
	a.e.Store.Read(func(d *data.Data) { respond = f(d) })
	if respond != nil {
		respond()
	}
}

// write is read under the write lock.
func (a *api) write(f func(d *data.Data) func()) {
	var respond func()
	a.e.Store.Write(func(d *data.Data) { respond = f(d) })
	if respond != nil {
		respond()
	}
}

// pathUUID reads a UUID path parameter; a malformed one is a 404.
func pathUUID(w http.ResponseWriter, r *http.Request, name string) (data.UUID, bool) {
	u, err := data.ParseUUID(chi.URLParam(r, name))
	if err != nil {
		provider.NotFound(w)
		return u, false
	}
	return u, true
}

// requireAnyScope answers 403 unless the client has one of scopes.
func requireAnyScope(w http.ResponseWriter, r *http.Request, scopes ...string) bool {
	c := provider.ClientFrom(r.Context())
	for _, s := range scopes {
		if c != nil && c.HasScope(s) {
			return true
		}
	}
	return provider.RequireScope(w, r, scopes[0])
}

func hasScope(r *http.Request, scope string) bool {
	c := provider.ClientFrom(r.Context())
	return c != nil && c.HasScope(scope)
}

// detail answers a detail GET/HEAD with an ETag.
func detail(w http.ResponseWriter, r *http.Request, v any) func() {
	return func() { provider.WriteDetail(w, r, v) }
}

func notFound(w http.ResponseWriter) func() {
	return func() { provider.NotFound(w) }
}
