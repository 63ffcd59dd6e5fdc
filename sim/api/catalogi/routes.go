// Package catalogi simulates the Catalogi API 1.3.1 as Open Zaak serves it
// (catalogi-1.3.1.yaml), read-only: catalogussen, zaaktypen, statustypen,
// resultaattypen, roltypen, eigenschappen, informatieobjecttypen and the
// zaaktype-informatieobjecttypen links derived from the zaaktypen. The
// dataset models no besluittypen and zaakobjecttypen: their lists are empty.
//
// Every read needs the scope catalogi.lezen. Lists are paginated (page,
// pageSize) and ordered as the provider orders them: newest first (-pk).
// Details carry an ETag, answer If-None-Match with 304 and HEAD with the
// headers only. Filters on URL fields take absolute URLs; a URL that does not
// resolve to an object of the right kind matches nothing. Unknown query
// parameters are ignored; an invalid enumeration value or date is a 400. All
// types in the dataset are published (concept false), so status=concept
// yields nothing and status=definitief (the default) and alles everything.
package catalogi

import (
	"net/http"
	"slices"

	"github.com/go-chi/chi/v5"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/provider"
	"github.com/klantgraaf/klantgraaf/sim/render"
)

const scopeLezen = "catalogi.lezen"

var (
	statusChoices               = []string{"alles", "concept", "definitief"}
	omschrijvingGeneriekChoices = []string{"adviseur", "behandelaar", "belanghebbende", "beslisser", "initiator", "klantcontacter", "mede_initiator", "zaakcoordinator"}
	richtingChoices             = []string{"inkomend", "intern", "uitgaand"}
)

type api struct {
	e *provider.Env
}

// kind describes one collection backed by a table of the dataset.
type kind struct {
	n      func(d *data.Data) int
	inst   func(d *data.Data, r data.Ref) uint8
	lookup func(d *data.Data, inst uint8, u data.UUID) (data.Ref, bool)
	filter func(f *query, d *data.Data)
	render func(st *data.Store, d *data.Data, r data.Ref) any
}

func tableKind[T any, J any](t func(d *data.Data) *data.Table[T], filter func(f *query, d *data.Data),
	rnd func(st *data.Store, d *data.Data, r data.Ref) *J) kind {
	return kind{
		n:      func(d *data.Data) int { return t(d).Len() },
		inst:   func(d *data.Data, r data.Ref) uint8 { return t(d).InstOf(r) },
		lookup: func(d *data.Data, inst uint8, u data.UUID) (data.Ref, bool) { return t(d).LookupIn(inst, u) },
		filter: filter,
		render: func(st *data.Store, d *data.Data, r data.Ref) any { return rnd(st, d, r) },
	}
}

// Routes registers the API's endpoints under the instance's base path.
func Routes(e *provider.Env, r chi.Router) {
	a := &api{e: e}
	mount := func(coll string, k kind) {
		r.Get("/"+coll, a.list(k))
		r.Get("/"+coll+"/{uuid}", a.detail(k))
		r.Head("/"+coll+"/{uuid}", a.detail(k))
	}
	mount(render.CollCatalogussen, tableKind(func(d *data.Data) *data.Table[data.Catalogus] { return &d.Catalogussen },
		filterCatalogussen, Catalogus))
	mount(render.CollZaakTypen, tableKind(func(d *data.Data) *data.Table[data.ZaakType] { return &d.ZaakTypen },
		filterZaakTypen, render.ZaakType))
	mount(render.CollStatusTypen, tableKind(func(d *data.Data) *data.Table[data.StatusType] { return &d.StatusTypen },
		func(f *query, d *data.Data) {
			filterSubType(f, d, func(r data.Ref) data.Ref { return d.StatusTypen.Get(r).Zaaktype })
		}, render.StatusType))
	mount(render.CollResultaatTypen, tableKind(func(d *data.Data) *data.Table[data.ResultaatType] { return &d.ResultaatTypen },
		func(f *query, d *data.Data) {
			filterSubType(f, d, func(r data.Ref) data.Ref { return d.ResultaatTypen.Get(r).Zaaktype })
		}, render.ResultaatType))
	mount(render.CollRolTypen, tableKind(func(d *data.Data) *data.Table[data.RolType] { return &d.RolTypen },
		filterRolTypen, render.RolType))
	mount(render.CollEigenschappen, tableKind(func(d *data.Data) *data.Table[data.Eigenschap] { return &d.Eigenschappen },
		func(f *query, d *data.Data) {
			filterSubType(f, d, func(r data.Ref) data.Ref { return d.Eigenschappen.Get(r).Zaaktype })
		}, render.Eigenschap))
	mount(render.CollInformatieObjectTypen, tableKind(func(d *data.Data) *data.Table[data.InformatieObjectType] { return &d.InformatieObjectTypen },
		filterInformatieObjectTypen, InformatieObjectType))

	// Types the dataset does not model: empty lists, no details.
	none := kind{
		n:      func(*data.Data) int { return 0 },
		inst:   func(*data.Data, data.Ref) uint8 { return 0 },
		lookup: func(*data.Data, uint8, data.UUID) (data.Ref, bool) { return data.NoRef, false },
		filter: func(f *query, d *data.Data) { f.choice("status", statusChoices...); f.date("datumGeldigheid") },
		render: func(*data.Store, *data.Data, data.Ref) any { return nil },
	}
	mount(collBesluitTypen, none)
	mount(collZaakObjectTypen, none)

	r.Get("/"+collZaakTypeInformatieObjectTypen, a.listZIOTs)
	r.Get("/"+collZaakTypeInformatieObjectTypen+"/{uuid}", a.getZIOT)
	r.Head("/"+collZaakTypeInformatieObjectTypen+"/{uuid}", a.getZIOT)
}

// list serves a paginated, filtered list of k, newest first.
func (a *api) list(k kind) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !provider.RequireScope(w, r, scopeLezen) {
			return
		}
		var (
			env  provider.PageEnvelope
			bad  []provider.InvalidParam
			done bool
		)
		a.e.Store.Read(func(d *data.Data) {
			f := newQuery(r.URL.Query(), a.e.Store)
			k.filter(f, d)
			if len(f.bad) > 0 {
				bad = f.bad
				return
			}
			var refs []data.Ref
			for i := k.n(d) - 1; i >= 0; i-- {
				ref := data.Ref(i)
				if k.inst(d, ref) == a.e.Inst && f.match(ref) {
					refs = append(refs, ref)
				}
			}
			page, pe, ok := a.e.Paginate(w, r, refs, true)
			if !ok {
				return
			}
			results := make([]any, len(page))
			for i, ref := range page {
				results[i] = k.render(a.e.Store, d, ref)
			}
			pe.Results = results
			env, done = pe, true
		})
		if len(bad) > 0 {
			provider.WriteValidation(w, bad...)
			return
		}
		if done {
			provider.WriteJSON(w, http.StatusOK, env)
		}
	}
}

// detail serves one object of k owned by this instance (GET and HEAD).
func (a *api) detail(k kind) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !provider.RequireScope(w, r, scopeLezen) {
			return
		}
		u, err := data.ParseUUID(chi.URLParam(r, "uuid"))
		if err != nil {
			provider.NotFound(w)
			return
		}
		var v any
		a.e.Store.Read(func(d *data.Data) {
			if ref, ok := k.lookup(d, a.e.Inst, u); ok {
				v = k.render(a.e.Store, d, ref)
			}
		})
		if v == nil {
			provider.NotFound(w)
			return
		}
		provider.WriteDetail(w, r, v)
	}
}

func filterCatalogussen(f *query, d *data.Data) {
	c := func(r data.Ref) *data.Catalogus { return d.Catalogussen.Get(r) }
	if v, ok := f.get("domein"); ok {
		f.add(func(r data.Ref) bool { return c(r).Domein == v })
	}
	if vs, ok := f.list("domein__in"); ok {
		f.add(func(r data.Ref) bool { return slices.Contains(vs, c(r).Domein) })
	}
	if v, ok := f.get("rsin"); ok {
		f.add(func(r data.Ref) bool { return c(r).RSIN == v })
	}
	if vs, ok := f.list("rsin__in"); ok {
		f.add(func(r data.Ref) bool { return slices.Contains(vs, c(r).RSIN) })
	}
}

// filterStatus applies status (concept or not); every type is published.
func filterStatus(f *query) {
	if v, ok := f.choice("status", statusChoices...); ok && v == "concept" {
		f.add(func(data.Ref) bool { return false })
	}
}

// filterGeldigheid keeps the types valid on datumGeldigheid: begun on or
// before it (the dataset's types have no end of validity).
func filterGeldigheid(f *query, begin func(r data.Ref) data.Date) {
	if day, ok := f.date("datumGeldigheid"); ok {
		f.add(func(r data.Ref) bool { return begin(r) <= day })
	}
}

func filterZaakTypen(f *query, d *data.Data) {
	z := func(r data.Ref) *data.ZaakType { return d.ZaakTypen.Get(r) }
	if c, ok := resolve(f, "catalogus", &d.Catalogussen, data.APICatalogi, render.CollCatalogussen); ok {
		f.add(func(r data.Ref) bool { return z(r).Catalogus == c })
	}
	if v, ok := f.get("identificatie"); ok {
		f.add(func(r data.Ref) bool { return z(r).Identificatie == v })
	}
	if v, ok := f.get("identificatie__icontains"); ok {
		f.add(func(r data.Ref) bool { return containsFold(z(r).Identificatie, v) })
	}
	if v, ok := f.get("omschrijving__icontains"); ok {
		f.add(func(r data.Ref) bool { return containsFold(z(r).Omschrijving, v) })
	}
	if vs, ok := f.list("trefwoorden"); ok {
		f.add(func(r data.Ref) bool { return containsAll(z(r).Trefwoorden, vs) })
	}
	filterStatus(f)
	filterGeldigheid(f, func(r data.Ref) data.Date { return z(r).BeginGeldigheid })
}

// filterSubType applies the filters shared by the types that belong to a
// zaaktype: zaaktype, zaaktypeIdentificatie, status and datumGeldigheid (of
// the zaaktype, whose validity the sub-types share).
func filterSubType(f *query, d *data.Data, zaaktype func(r data.Ref) data.Ref) {
	if zt, ok := resolve(f, "zaaktype", &d.ZaakTypen, data.APICatalogi, render.CollZaakTypen); ok {
		f.add(func(r data.Ref) bool { return zt != data.NoRef && zaaktype(r) == zt })
	}
	if v, ok := f.get("zaaktypeIdentificatie"); ok {
		f.add(func(r data.Ref) bool {
			zt := zaaktype(r)
			return zt != data.NoRef && d.ZaakTypen.Get(zt).Identificatie == v
		})
	}
	filterStatus(f)
	filterGeldigheid(f, func(r data.Ref) data.Date {
		zt := zaaktype(r)
		if zt == data.NoRef {
			return 0
		}
		return d.ZaakTypen.Get(zt).BeginGeldigheid
	})
}

func filterRolTypen(f *query, d *data.Data) {
	rt := func(r data.Ref) *data.RolType { return d.RolTypen.Get(r) }
	filterSubType(f, d, func(r data.Ref) data.Ref { return rt(r).Zaaktype })
	if v, ok := f.get("omschrijving"); ok {
		f.add(func(r data.Ref) bool { return rt(r).Omschrijving == v })
	}
	if v, ok := f.choice("omschrijvingGeneriek", omschrijvingGeneriekChoices...); ok {
		f.add(func(r data.Ref) bool { return rt(r).OmschrijvingGeneriek == v })
	}
}

func filterInformatieObjectTypen(f *query, d *data.Data) {
	t := func(r data.Ref) *data.InformatieObjectType { return d.InformatieObjectTypen.Get(r) }
	if c, ok := resolve(f, "catalogus", &d.Catalogussen, data.APICatalogi, render.CollCatalogussen); ok {
		f.add(func(r data.Ref) bool { return t(r).Catalogus == c })
	}
	if v, ok := f.get("omschrijving"); ok {
		f.add(func(r data.Ref) bool { return t(r).Omschrijving == v })
	}
	if v, ok := f.get("omschrijving__icontains"); ok {
		f.add(func(r data.Ref) bool { return containsFold(t(r).Omschrijving, v) })
	}
	if zt, ok := resolve(f, "zaaktype", &d.ZaakTypen, data.APICatalogi, render.CollZaakTypen); ok {
		f.add(func(r data.Ref) bool {
			return zt != data.NoRef && slices.Contains(zaaktypenOfIOT(f.st, d, r), zt)
		})
	}
	filterStatus(f)
	filterGeldigheid(f, func(r data.Ref) data.Date { return t(r).BeginGeldigheid })
}

// ziot is one zaaktype-informatieobjecttype link: a zaaktype and a position
// in its informatieobjecttypen.
type ziot struct {
	zt  data.Ref
	pos int
}

// listZIOTs serves the links of this instance's zaaktypen, newest first.
func (a *api) listZIOTs(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	var (
		env  provider.PageEnvelope
		bad  []provider.InvalidParam
		done bool
	)
	a.e.Store.Read(func(d *data.Data) {
		f := newQuery(r.URL.Query(), a.e.Store)
		zt, byZT := resolve(f, "zaaktype", &d.ZaakTypen, data.APICatalogi, render.CollZaakTypen)
		iot, byIOT := resolve(f, "informatieobjecttype", &d.InformatieObjectTypen, data.APICatalogi, render.CollInformatieObjectTypen)
		dir, byDir := f.choice("richting", richtingChoices...)
		// status is a free text filter here: only concept narrows.
		concept := f.q.Get("status") == "concept"
		if len(f.bad) > 0 {
			bad = f.bad
			return
		}
		var links []ziot
		for i := d.ZaakTypen.Len() - 1; i >= 0 && !concept; i-- {
			ref := data.Ref(i)
			if d.ZaakTypen.InstOf(ref) != a.e.Inst || (byZT && ref != zt) {
				continue
			}
			types := d.ZaakTypen.Get(ref).Informatieobjecttypen
			for pos := len(types) - 1; pos >= 0; pos-- {
				if (byIOT && types[pos] != iot) || (byDir && richting(d, types[pos]) != dir) {
					continue
				}
				links = append(links, ziot{ref, pos})
			}
		}
		idx := make([]data.Ref, len(links))
		for i := range idx {
			idx[i] = data.Ref(i)
		}
		page, pe, ok := a.e.Paginate(w, r, idx, true)
		if !ok {
			return
		}
		results := make([]any, len(page))
		for i, k := range page {
			results[i] = ZaakTypeInformatieObjectType(a.e.Store, d, links[k].zt, links[k].pos)
		}
		pe.Results = results
		env, done = pe, true
	})
	if len(bad) > 0 {
		provider.WriteValidation(w, bad...)
		return
	}
	if done {
		provider.WriteJSON(w, http.StatusOK, env)
	}
}

func (a *api) getZIOT(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	u, err := data.ParseUUID(chi.URLParam(r, "uuid"))
	if err != nil {
		provider.NotFound(w)
		return
	}
	var v *ZaakTypeInformatieObjectTypeJSON
	a.e.Store.Read(func(d *data.Data) {
		pair := ziotByUUID(a.e.Store, d)[u.String()]
		if len(pair) != 2 {
			return
		}
		zt, pos := pair[0], int(pair[1])
		if d.ZaakTypen.InstOf(zt) != a.e.Inst || pos >= len(d.ZaakTypen.Get(zt).Informatieobjecttypen) {
			return
		}
		v = ZaakTypeInformatieObjectType(a.e.Store, d, zt, pos)
	})
	if v == nil {
		provider.NotFound(w)
		return
	}
	provider.WriteDetail(w, r, v)
}
