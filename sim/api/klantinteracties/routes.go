// Package klantinteracties simulates the Klantinteracties API 0.9.0 as Open
// Klant 2.x serves it (klantinteracties-0.9.0.yaml): partijen with their
// identificatoren and digitale adressen, klantcontacten with betrokkenen,
// onderwerpobjecten, bijlagen and interne taken, actoren; every list
// paginated (page, pageSize ≤ 500) and newest first, the spec's filters,
// `expand` rendered under `_expand`, validated writes and POST
// /maak-klantcontact. Relations are {uuid, url} objects; references to other
// registers are identificator groups. There is no ETag or HEAD. The
// instance's middleware authenticates `Authorization: Token <key>`.
package klantinteracties

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/provider"
)

// Scopes the simulator's credentials carry for this API (the API itself has
// none: a token grants everything). The restricted client may only read.
const (
	scopeLezen     = "klantinteracties.lezen"
	scopeSchrijven = "klantinteracties.schrijven"
)

// Routes registers the API's endpoints under the instance's base path.
func Routes(e *provider.Env, r chi.Router) {
	h := &handler{e: e}
	r.Get("/partijen", h.listPartijen)
	r.Post("/partijen", h.writePartij(false, false))
	r.Get("/partijen/{uuid}", h.readPartij)
	r.Put("/partijen/{uuid}", h.writePartij(true, false))
	r.Patch("/partijen/{uuid}", h.writePartij(true, true))
	r.Delete("/partijen/{uuid}", h.deletePartij)

	r.Get("/partij-identificatoren", h.listIdentificatoren)
	r.Get("/partij-identificatoren/{uuid}", h.readIdentificator)

	r.Get("/digitaleadressen", h.listAdressen)
	r.Post("/digitaleadressen", h.writeAdres(false, false))
	r.Get("/digitaleadressen/{uuid}", h.readAdres)
	r.Put("/digitaleadressen/{uuid}", h.writeAdres(true, false))
	r.Patch("/digitaleadressen/{uuid}", h.writeAdres(true, true))
	r.Delete("/digitaleadressen/{uuid}", h.deleteAdres)

	r.Get("/klantcontacten", h.listKlantcontacten)
	r.Post("/klantcontacten", h.writeKlantcontact(false, false))
	r.Get("/klantcontacten/{uuid}", h.readKlantcontact)
	r.Put("/klantcontacten/{uuid}", h.writeKlantcontact(true, false))
	r.Patch("/klantcontacten/{uuid}", h.writeKlantcontact(true, true))
	r.Delete("/klantcontacten/{uuid}", h.deleteKlantcontact)
	r.Post("/maak-klantcontact", h.maakKlantcontact)

	r.Get("/betrokkenen", h.listBetrokkenen)
	r.Post("/betrokkenen", h.writeBetrokkene(false, false))
	r.Get("/betrokkenen/{uuid}", h.readBetrokkene)
	r.Put("/betrokkenen/{uuid}", h.writeBetrokkene(true, false))
	r.Patch("/betrokkenen/{uuid}", h.writeBetrokkene(true, true))
	r.Delete("/betrokkenen/{uuid}", h.deleteBetrokkene)

	r.Get("/onderwerpobjecten", h.listOnderwerpobjecten)
	r.Post("/onderwerpobjecten", h.writeOnderwerpobject(false, false))
	r.Get("/onderwerpobjecten/{uuid}", h.readOnderwerpobject)
	r.Put("/onderwerpobjecten/{uuid}", h.writeOnderwerpobject(true, false))
	r.Patch("/onderwerpobjecten/{uuid}", h.writeOnderwerpobject(true, true))
	r.Delete("/onderwerpobjecten/{uuid}", h.deleteOnderwerpobject)

	r.Get("/internetaken", h.listTaken)
	r.Post("/internetaken", h.writeTaak(false, false))
	r.Get("/internetaken/{uuid}", h.readTaak)
	r.Put("/internetaken/{uuid}", h.writeTaak(true, false))
	r.Patch("/internetaken/{uuid}", h.writeTaak(true, true))
	r.Delete("/internetaken/{uuid}", h.deleteTaak)

	r.Get("/actoren", h.listActoren)
	r.Get("/actoren/{uuid}", h.readActor)
	r.Get("/actorklantcontacten", h.listActorKCs)
	r.Get("/actorklantcontacten/{uuid}", h.readActorKC)
	r.Get("/bijlagen", h.listBijlagen)
	r.Get("/bijlagen/{uuid}", h.readBijlage)

	// Registered by the provider but not used by the municipality: always
	// empty.
	for _, c := range []struct {
		coll    string
		filters []string
	}{
		{"rekeningnummers", []string{"uuid"}},
		{"categorieen", nil},
		{"categorie-relaties", []string{"categorie__uuid", "partij__uuid"}},
		{"vertegenwoordigingen", []string{"vertegenwoordigdePartij__uuid", "vertegenwoordigendePartij__uuid"}},
	} {
		r.Get("/"+c.coll, h.listEmpty(c.filters))
		r.Get("/"+c.coll+"/{uuid}", h.readEmpty)
	}
}

type handler struct{ e *provider.Env }

// filter is a parsed list query: predicates on a row and, when a filter
// names related objects, the candidate rows so the table need not be
// scanned.
type filter struct {
	preds []func(d *data.Data, r data.Ref) bool
	cands []func(d *data.Data) []data.Ref
	none  bool // a filter value that cannot match (e.g. a URL without UUID)
}

func (f *filter) add(p func(d *data.Data, r data.Ref) bool) { f.preds = append(f.preds, p) }

func (f *filter) candidates(c func(d *data.Data) []data.Ref) { f.cands = append(f.cands, c) }

func (f *filter) match(d *data.Data, r data.Ref) bool {
	for _, p := range f.preds {
		if !p(d, r) {
			return false
		}
	}
	return true
}

// list serves a paginated list of kind k, newest first.
func list[T any, J any](h *handler, w http.ResponseWriter, r *http.Request, k kind[T], f *filter, render func(d *data.Data, ref data.Ref) J) {
	var env provider.PageEnvelope
	var out []J
	ok := true
	h.e.Store.Read(func(d *data.Data) {
		var refs []data.Ref
		switch {
		case f.none:
		case len(f.cands) > 0:
			for _, ref := range sortDesc(f.cands[0](d)) {
				if k.live(h, d, ref) && f.match(d, ref) {
					refs = append(refs, ref)
				}
			}
		default:
			t := k.tab(d)
			for i := t.Len() - 1; i >= 0; i-- {
				ref := data.Ref(i)
				if k.live(h, d, ref) && f.match(d, ref) {
					refs = append(refs, ref)
				}
			}
		}
		var page []data.Ref
		page, env, ok = h.e.Paginate(w, r, refs, true)
		if !ok {
			return
		}
		out = make([]J, 0, len(page))
		for _, ref := range page {
			out = append(out, render(d, ref))
		}
	})
	if !ok {
		return
	}
	env.Results = out
	provider.WriteJSON(w, http.StatusOK, env)
}

// detail serves one object of kind k.
func detail[T any, J any](h *handler, w http.ResponseWriter, r *http.Request, k kind[T], render func(d *data.Data, ref data.Ref) J) {
	u, ok := pathUUID(r)
	if !ok {
		provider.NotFound(w)
		return
	}
	var out J
	found := false
	h.e.Store.Read(func(d *data.Data) {
		ref, ok := k.lookup(h, d, u)
		if !ok {
			return
		}
		found = true
		out = render(d, ref)
	})
	if !found {
		provider.NotFound(w)
		return
	}
	provider.WriteJSON(w, http.StatusOK, out)
}

// ---- endpoints ----

var (
	partijExpand       = []string{"betrokkenen", "betrokkenen.hadKlantcontact", "categorieRelaties", "digitaleAdressen"}
	klantcontactExpand = []string{"gingOverOnderwerpobjecten", "hadBetrokkenen", "hadBetrokkenen.digitaleAdressen", "hadBetrokkenen.wasPartij",
		"leiddeTotInterneTaken", "omvatteBijlagen"}
	betrokkeneExpand = []string{"digitaleAdressen"}
	adresExpand      = []string{"verstrektDoorBetrokkene", "verstrektDoorBetrokkene.hadKlantcontact",
		"verstrektDoorBetrokkene.hadKlantcontact.leiddeTotInterneTaken"}
)

func (h *handler) listPartijen(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	q := newQuery(r)
	f := h.partijFilter(q)
	exp := q.expand(partijExpand)
	if q.failed(w) {
		return
	}
	list(h, w, r, kPartij, f, func(d *data.Data, ref data.Ref) partijJSON { return h.renderPartij(d, ref, exp) })
}

func (h *handler) readPartij(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	q := newQuery(r)
	exp := q.expand(partijExpand)
	if q.failed(w) {
		return
	}
	detail(h, w, r, kPartij, func(d *data.Data, ref data.Ref) partijJSON { return h.renderPartij(d, ref, exp) })
}

func (h *handler) listIdentificatoren(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	q := newQuery(r)
	f := &filter{}
	if v, ok := q.get("anderePartijIdentificator"); ok {
		f.add(func(d *data.Data, r data.Ref) bool {
			return d.PartijIdentificatoren.Get(r).AnderePartijIdentificator == v
		})
	}
	if v, ok := q.choice("partijIdentificatorCodeObjecttype", codeObjecttypen); ok {
		f.add(func(d *data.Data, r data.Ref) bool { return d.PartijIdentificatoren.Get(r).CodeObjecttype == v })
	}
	if v, ok := q.choice("partijIdentificatorCodeRegister", codeRegisters); ok {
		f.add(func(d *data.Data, r data.Ref) bool { return d.PartijIdentificatoren.Get(r).CodeRegister == v })
	}
	if v, ok := q.choice("partijIdentificatorCodeSoortObjectId", codeSoorten); ok {
		f.add(func(d *data.Data, r data.Ref) bool { return d.PartijIdentificatoren.Get(r).CodeSoortObjectID == v })
	}
	if v, ok := q.get("partijIdentificatorObjectId"); ok {
		f.candidates(func(d *data.Data) []data.Ref { return h.identsByObjectID(d, v) })
		f.add(func(d *data.Data, r data.Ref) bool { return d.PartijIdentificatoren.Get(r).ObjectID == v })
	}
	if q.failed(w) {
		return
	}
	list(h, w, r, kIdent, f, h.renderIdentificator)
}

func (h *handler) readIdentificator(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	detail(h, w, r, kIdent, h.renderIdentificator)
}

func (h *handler) listAdressen(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	q := newQuery(r)
	f := h.adresFilter(q)
	exp := q.expand(adresExpand)
	if q.failed(w) {
		return
	}
	list(h, w, r, kAdres, f, func(d *data.Data, ref data.Ref) digitaalAdresJSON { return h.renderAdresDigitaal(d, ref, exp) })
}

func (h *handler) readAdres(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	q := newQuery(r)
	exp := q.expand(adresExpand)
	if q.failed(w) {
		return
	}
	detail(h, w, r, kAdres, func(d *data.Data, ref data.Ref) digitaalAdresJSON { return h.renderAdresDigitaal(d, ref, exp) })
}

func (h *handler) listKlantcontacten(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	q := newQuery(r)
	f := h.klantcontactFilter(q)
	exp := q.expand(klantcontactExpand)
	if q.failed(w) {
		return
	}
	list(h, w, r, kKC, f, func(d *data.Data, ref data.Ref) klantcontactJSON { return h.renderKlantcontact(d, ref, exp) })
}

func (h *handler) readKlantcontact(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	q := newQuery(r)
	exp := q.expand(klantcontactExpand)
	if q.failed(w) {
		return
	}
	detail(h, w, r, kKC, func(d *data.Data, ref data.Ref) klantcontactJSON { return h.renderKlantcontact(d, ref, exp) })
}

func (h *handler) listBetrokkenen(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	q := newQuery(r)
	f := h.betrokkeneFilter(q)
	exp := q.expand(betrokkeneExpand)
	if q.failed(w) {
		return
	}
	list(h, w, r, kBetr, f, func(d *data.Data, ref data.Ref) betrokkeneJSON { return h.renderBetrokkene(d, ref, exp) })
}

func (h *handler) readBetrokkene(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	q := newQuery(r)
	exp := q.expand(betrokkeneExpand)
	if q.failed(w) {
		return
	}
	detail(h, w, r, kBetr, func(d *data.Data, ref data.Ref) betrokkeneJSON { return h.renderBetrokkene(d, ref, exp) })
}

func (h *handler) listOnderwerpobjecten(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	q := newQuery(r)
	f := &filter{}
	fkFilter(h, q, f, "klantcontact", kKC, func(d *data.Data, r data.Ref) data.Ref { return d.Onderwerpobjecten.Get(r).Klantcontact },
		func(d *data.Data, kc data.Ref) []data.Ref { return h.onderwerpobjectenOfKC(d, kc) })
	fkFilter(h, q, f, "wasKlantcontact", kKC, func(d *data.Data, r data.Ref) data.Ref { return d.Onderwerpobjecten.Get(r).WasKlantcontact },
		func(d *data.Data, kc data.Ref) []data.Ref { return h.onderwerpobjectenWasKC(d, kc) })
	h.identFilter(q, f, "onderwerpobjectidentificator", func(d *data.Data, r data.Ref) *data.Identificator {
		return &d.Onderwerpobjecten.Get(r).Identificator
	}, func(d *data.Data, id string) []data.Ref { return h.onderwerpobjectenByObjectID(d, id) })
	if q.failed(w) {
		return
	}
	list(h, w, r, kOnd, f, h.renderOnderwerpobject)
}

func (h *handler) readOnderwerpobject(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	detail(h, w, r, kOnd, h.renderOnderwerpobject)
}

func (h *handler) listTaken(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	q := newQuery(r)
	f := h.taakFilter(q)
	if q.failed(w) {
		return
	}
	list(h, w, r, kTaak, f, h.renderTaak)
}

func (h *handler) readTaak(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	detail(h, w, r, kTaak, h.renderTaak)
}

func (h *handler) listActoren(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	q := newQuery(r)
	f := &filter{}
	h.identFilter(q, f, "actoridentificator", func(d *data.Data, r data.Ref) *data.Identificator { return &d.Actoren.Get(r).Identificator }, nil)
	if v, ok := q.boolean("indicatieActief"); ok {
		f.add(func(d *data.Data, r data.Ref) bool { return d.Actoren.Get(r).IndicatieActief == v })
	}
	if v, ok := q.get("naam"); ok {
		f.add(func(d *data.Data, r data.Ref) bool { return d.Actoren.Get(r).Naam == v })
	}
	if v, ok := q.choice("soortActor", soortenActor); ok {
		f.add(func(d *data.Data, r data.Ref) bool { return d.Actoren.Get(r).SoortActor == v })
	}
	if q.failed(w) {
		return
	}
	list(h, w, r, kActor, f, h.renderActor)
}

func (h *handler) readActor(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	detail(h, w, r, kActor, h.renderActor)
}

func (h *handler) listActorKCs(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	q := newQuery(r)
	f := &filter{}
	fkFilter(h, q, f, "actor", kActor, func(d *data.Data, r data.Ref) data.Ref { return d.ActorKlantcontacten.Get(r).Actor }, nil)
	fkFilter(h, q, f, "klantcontact", kKC, func(d *data.Data, r data.Ref) data.Ref { return d.ActorKlantcontacten.Get(r).Klantcontact },
		func(d *data.Data, kc data.Ref) []data.Ref { return h.actorKCsOfKC(d, kc) })
	if q.failed(w) {
		return
	}
	list(h, w, r, kAKC, f, h.renderActorKC)
}

func (h *handler) readActorKC(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	detail(h, w, r, kAKC, h.renderActorKC)
}

func (h *handler) listBijlagen(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	q := newQuery(r)
	f := &filter{}
	h.identFilter(q, f, "bijlageidentificator", func(d *data.Data, r data.Ref) *data.Identificator { return &d.Bijlagen.Get(r).Identificator }, nil)
	if u, ok := q.uuid("klantcontact__uuid"); ok {
		f.candidates(func(d *data.Data) []data.Ref {
			kc, ok := kKC.lookup(h, d, u)
			if !ok {
				return nil
			}
			return h.bijlagenOfKC(d, kc)
		})
		f.add(func(d *data.Data, r data.Ref) bool {
			kc := d.Bijlagen.Get(r).Klantcontact
			return kc != data.NoRef && d.Klantcontacten.UUIDOf(kc) == u
		})
	}
	if q.failed(w) {
		return
	}
	list(h, w, r, kBijlage, f, h.renderBijlage)
}

func (h *handler) readBijlage(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	detail(h, w, r, kBijlage, h.renderBijlage)
}

// listEmpty serves a list the municipality does not fill: an empty page
// (UUID filters are still validated).
func (h *handler) listEmpty(uuidFilters []string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !provider.RequireScope(w, r, scopeLezen) {
			return
		}
		q := newQuery(r)
		for _, k := range uuidFilters {
			q.uuid(k)
		}
		if q.failed(w) {
			return
		}
		_, env, ok := h.e.Paginate(w, r, nil, true)
		if !ok {
			return
		}
		env.Results = []any{}
		provider.WriteJSON(w, http.StatusOK, env)
	}
}

func (h *handler) readEmpty(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	provider.NotFound(w)
}
