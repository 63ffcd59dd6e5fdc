package zaken

import (
	"net/http"
	"net/url"
	"slices"
	"sort"

	"github.com/go-chi/chi/v5"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/provider"
	"github.com/klantgraaf/klantgraaf/sim/render"
)

// ownZaak resolves a zaak URL filter value to a zaak of this instance that
// the client may see; anything else is NoRef (matches nothing).
func (c *rc) ownZaak(raw string) data.Ref {
	z := resolveRef(c.st, &c.d.Zaken, raw, data.APIZaken, collZaken)
	if z == data.NoRef || !c.zaakVisible(z) {
		return data.NoRef
	}
	return z
}

// listQuery collects the rows of a sub-resource list: a candidate set (the
// first selective filter's index bucket, or every row of the instance), the
// conditions, and the visibility of the owning zaak.
type listQuery struct {
	cand    []data.Ref
	hasCand bool
	conds   []func(data.Ref) bool
	bad     []provider.InvalidParam
}

func (l *listQuery) narrow(refs []data.Ref) {
	if !l.hasCand {
		l.cand, l.hasCand = refs, true
	}
}

func (l *listQuery) cond(f func(data.Ref) bool) { l.conds = append(l.conds, f) }

func (l *listQuery) enum(q url.Values, name string, choices []string) (string, bool) {
	v := q.Get(name)
	if v == "" {
		return "", false
	}
	if !slices.Contains(choices, v) {
		l.bad = append(l.bad, invalidChoice(name, v))
	}
	return v, true
}

// run returns the matching rows newest first. inst and zaak give a row's
// owner and zaak; a row is listed when this instance owns it and its zaak is
// visible.
func (l *listQuery) run(c *rc, all []data.Ref, inst func(data.Ref) uint8, zaak func(data.Ref) data.Ref) []data.Ref {
	cand := l.cand
	if !l.hasCand {
		cand = all
	}
	out := []data.Ref{}
next:
	for i := len(cand) - 1; i >= 0; i-- {
		r := cand[i]
		if inst(r) != c.e.Inst || !c.zaakVisible(zaak(r)) {
			continue
		}
		for _, f := range l.conds {
			if !f(r) {
				continue next
			}
		}
		out = append(out, r)
	}
	return out
}

// zaakFilter handles the "zaak" filter every sub-resource list has.
func (l *listQuery) zaakFilter(c *rc, q url.Values, bucket func(z data.Ref) []data.Ref, zaakOf func(data.Ref) data.Ref) {
	v := q.Get("zaak")
	if v == "" {
		return
	}
	z := c.ownZaak(v)
	if z == data.NoRef {
		l.narrow([]data.Ref{})
		return
	}
	l.narrow(bucket(z))
	l.cond(func(r data.Ref) bool { return zaakOf(r) == z })
}

// ---- rollen ----

// GET /rollen
func (a *api) listRollen(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	q := r.URL.Query()
	a.read(func(d *data.Data) func() {
		c := a.rc(d, r)
		st := c.st
		rol := func(ref data.Ref) *data.Rol { return d.Rollen.Get(ref) }
		l := &listQuery{}
		l.zaakFilter(c, q, func(z data.Ref) []data.Ref { return ascending(slices.Clone(d.Zaken.Get(z).Rollen)) },
			func(ref data.Ref) data.Ref { return rol(ref).Zaak })
		for _, rf := range rolIdentFilters {
			v := q.Get(rf.param)
			if v == "" {
				continue
			}
			kind := rf.kind
			l.narrow(rollenByIdent(st, d, kind, v))
			l.cond(func(ref data.Ref) bool { return rolIdent(st, d, rol(ref), kind) == v })
		}
		if v, ok := l.enum(q, "betrokkeneType", betrokkeneTypes); ok {
			l.cond(func(ref data.Ref) bool { return rol(ref).BetrokkeneType == v })
		}
		if v := q.Get("roltype"); v != "" {
			rt := resolveRef(st, &d.RolTypen, v, data.APICatalogi, render.CollRolTypen)
			l.cond(func(ref data.Ref) bool { return rt != data.NoRef && rol(ref).Roltype == rt })
		}
		roltype := func(ref data.Ref) *data.RolType {
			if rt := rol(ref).Roltype; rt != data.NoRef {
				return d.RolTypen.Get(rt)
			}
			return &data.RolType{}
		}
		if v := q.Get("omschrijving"); v != "" {
			l.cond(func(ref data.Ref) bool { return roltype(ref).Omschrijving == v })
		}
		if v, ok := l.enum(q, "omschrijvingGeneriek", omschrijvingGeneriek); ok {
			l.cond(func(ref data.Ref) bool { return roltype(ref).OmschrijvingGeneriek == v })
		}
		if v, ok := l.enum(q, "machtiging", machtigingen); ok {
			m := machtigingCond(v)
			l.cond(func(ref data.Ref) bool { return m(rol(ref)) })
		}
		// The dataset records no authentication context: a valid level of
		// assurance filters nothing.
		l.enum(q, "machtiging__loa", levelsOfAssurance)
		if len(l.bad) > 0 {
			return func() { provider.WriteValidation(w, l.bad...) }
		}
		refs := l.run(c, ownedRollen(st, d, a.e.Inst), d.Rollen.InstOf, func(ref data.Ref) data.Ref { return rol(ref).Zaak })
		page, env, ok := a.e.Paginate(w, r, refs, true)
		if !ok {
			return nil
		}
		results := make([]*rolJSON, len(page))
		for i, ref := range page {
			results[i] = c.rol(ref)
		}
		env.Results = results
		return func() { provider.WriteJSON(w, http.StatusOK, env) }
	})
}

// GET and HEAD /rollen/{uuid}
func (a *api) getRol(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	u, ok := pathUUID(w, r, "uuid")
	if !ok {
		return
	}
	a.read(func(d *data.Data) func() {
		c := a.rc(d, r)
		ref, ok := d.Rollen.LookupIn(a.e.Inst, u)
		if !ok || !c.zaakVisible(d.Rollen.Get(ref).Zaak) {
			return notFound(w)
		}
		return detail(w, r, c.rol(ref))
	})
}

// ---- statussen ----

// GET /statussen (ordered by -datumStatusGezet, then newest first)
func (a *api) listStatussen(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	q := r.URL.Query()
	a.read(func(d *data.Data) func() {
		c := a.rc(d, r)
		st := c.st
		status := func(ref data.Ref) *data.Status { return d.Statussen.Get(ref) }
		zaakOf := func(ref data.Ref) data.Ref { return status(ref).Zaak }
		l := &listQuery{}
		l.zaakFilter(c, q, func(z data.Ref) []data.Ref { return statussenByZaak(st, d)[z] }, zaakOf)
		if v := q.Get("statustype"); v != "" {
			stt := resolveRef(st, &d.StatusTypen, v, data.APICatalogi, render.CollStatusTypen)
			l.cond(func(ref data.Ref) bool { return stt != data.NoRef && status(ref).Statustype == stt })
		}
		if v := q.Get("indicatieLaatstGezetteStatus"); v != "" {
			if want, ok := parseBool(v); ok {
				l.cond(func(ref data.Ref) bool { return (d.Zaken.Get(status(ref).Zaak).Status == ref) == want })
			}
		}
		refs := l.run(c, ownedStatussen(st, d, a.e.Inst), d.Statussen.InstOf, zaakOf)
		sort.SliceStable(refs, func(i, j int) bool {
			return status(refs[i]).DatumStatusGezet > status(refs[j]).DatumStatusGezet
		})
		page, env, ok := a.e.Paginate(w, r, refs, true)
		if !ok {
			return nil
		}
		results := make([]*statusJSON, len(page))
		for i, ref := range page {
			results[i] = c.status(ref)
		}
		env.Results = results
		return func() { provider.WriteJSON(w, http.StatusOK, env) }
	})
}

// GET and HEAD /statussen/{uuid}
func (a *api) getStatus(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	u, ok := pathUUID(w, r, "uuid")
	if !ok {
		return
	}
	a.read(func(d *data.Data) func() {
		c := a.rc(d, r)
		ref, ok := d.Statussen.LookupIn(a.e.Inst, u)
		if !ok || !c.zaakVisible(d.Statussen.Get(ref).Zaak) {
			return notFound(w)
		}
		return detail(w, r, c.status(ref))
	})
}

// ---- resultaten ----

// GET /resultaten
func (a *api) listResultaten(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	q := r.URL.Query()
	a.read(func(d *data.Data) func() {
		c := a.rc(d, r)
		st := c.st
		res := func(ref data.Ref) *data.Resultaat { return d.Resultaten.Get(ref) }
		zaakOf := func(ref data.Ref) data.Ref { return res(ref).Zaak }
		l := &listQuery{}
		l.zaakFilter(c, q, func(z data.Ref) []data.Ref { return resultatenByZaak(st, d)[z] }, zaakOf)
		if v := q.Get("resultaattype"); v != "" {
			rt := resolveRef(st, &d.ResultaatTypen, v, data.APICatalogi, render.CollResultaatTypen)
			l.cond(func(ref data.Ref) bool { return rt != data.NoRef && res(ref).Resultaattype == rt })
		}
		refs := l.run(c, ownedResultaten(st, d, a.e.Inst), d.Resultaten.InstOf, zaakOf)
		page, env, ok := a.e.Paginate(w, r, refs, true)
		if !ok {
			return nil
		}
		results := make([]*resultaatJSON, len(page))
		for i, ref := range page {
			results[i] = c.resultaat(ref)
		}
		env.Results = results
		return func() { provider.WriteJSON(w, http.StatusOK, env) }
	})
}

// GET and HEAD /resultaten/{uuid}
func (a *api) getResultaat(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	u, ok := pathUUID(w, r, "uuid")
	if !ok {
		return
	}
	a.read(func(d *data.Data) func() {
		c := a.rc(d, r)
		ref, ok := d.Resultaten.LookupIn(a.e.Inst, u)
		if !ok || !c.zaakVisible(d.Resultaten.Get(ref).Zaak) {
			return notFound(w)
		}
		return detail(w, r, c.resultaat(ref))
	})
}

// ---- zaakeigenschappen ----

// GET /zaken/{zaak_uuid}/zaakeigenschappen: a plain array, newest first.
// An unknown or invisible zaak has no eigenschappen (an empty array).
func (a *api) listZaakEigenschappen(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	zu, err := data.ParseUUID(chi.URLParam(r, "zaak_uuid"))
	a.read(func(d *data.Data) func() {
		c := a.rc(d, r)
		out := []*zaakEigenschapJSON{}
		if err == nil {
			if z, ok := d.Zaken.LookupIn(a.e.Inst, zu); ok && c.zaakVisible(z) {
				refs := ascending(slices.Clone(d.Zaken.Get(z).Eigenschappen))
				for i := len(refs) - 1; i >= 0; i-- {
					out = append(out, c.zaakEigenschap(refs[i]))
				}
			}
		}
		return func() { provider.WriteJSON(w, http.StatusOK, out) }
	})
}

// GET and HEAD /zaken/{zaak_uuid}/zaakeigenschappen/{uuid}
func (a *api) getZaakEigenschap(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	zu, ok := pathUUID(w, r, "zaak_uuid")
	if !ok {
		return
	}
	u, ok := pathUUID(w, r, "uuid")
	if !ok {
		return
	}
	a.read(func(d *data.Data) func() {
		c := a.rc(d, r)
		ref, ok := d.ZaakEigenschappen.LookupIn(a.e.Inst, u)
		if !ok {
			return notFound(w)
		}
		z := d.ZaakEigenschappen.Get(ref).Zaak
		if !c.zaakVisible(z) || d.Zaken.UUIDOf(z) != zu {
			return notFound(w)
		}
		return detail(w, r, c.zaakEigenschap(ref))
	})
}

// ---- zaakinformatieobjecten ----

// GET /zaakinformatieobjecten: a plain array.
func (a *api) listZIOs(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	q := r.URL.Query()
	a.read(func(d *data.Data) func() {
		c := a.rc(d, r)
		st := c.st
		zio := func(ref data.Ref) *data.ZaakInformatieObject { return d.ZaakInformatieObjecten.Get(ref) }
		zaakOf := func(ref data.Ref) data.Ref { return zio(ref).Zaak }
		l := &listQuery{}
		l.zaakFilter(c, q, func(z data.Ref) []data.Ref { return ziosByZaak(st, d)[z] }, zaakOf)
		if v := q.Get("informatieobject"); v != "" {
			io := resolveRef(st, &d.InformatieObjecten, v, data.APIDocumenten, collInformatieObjecten)
			if io == data.NoRef {
				l.narrow([]data.Ref{})
			} else {
				l.narrow(ziosByInformatieobject(st, d)[io])
			}
			l.cond(func(ref data.Ref) bool { return io != data.NoRef && zio(ref).Informatieobject == io })
		}
		refs := l.run(c, ownedZIOs(st, d, a.e.Inst), d.ZaakInformatieObjecten.InstOf, zaakOf)
		out := make([]*zioJSON, len(refs))
		for i, ref := range refs {
			out[i] = c.zio(ref)
		}
		return func() { provider.WriteJSON(w, http.StatusOK, out) }
	})
}

// GET and HEAD /zaakinformatieobjecten/{uuid}
func (a *api) getZIO(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	u, ok := pathUUID(w, r, "uuid")
	if !ok {
		return
	}
	a.read(func(d *data.Data) func() {
		c := a.rc(d, r)
		ref, ok := d.ZaakInformatieObjecten.LookupIn(a.e.Inst, u)
		if !ok || !c.zaakVisible(d.ZaakInformatieObjecten.Get(ref).Zaak) {
			return notFound(w)
		}
		return detail(w, r, c.zio(ref))
	})
}

// ---- zaakcontactmomenten ----

// GET /zaakcontactmomenten: a plain array.
func (a *api) listZCMs(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	q := r.URL.Query()
	a.read(func(d *data.Data) func() {
		c := a.rc(d, r)
		st := c.st
		zcm := func(ref data.Ref) *data.ZaakContactMoment { return d.ZaakContactMomenten.Get(ref) }
		zaakOf := func(ref data.Ref) data.Ref { return zcm(ref).Zaak }
		l := &listQuery{}
		l.cond(func(ref data.Ref) bool { return !zcm(ref).Deleted })
		l.zaakFilter(c, q, func(z data.Ref) []data.Ref { return zcmsByZaak(st, d)[z] }, zaakOf)
		if v := q.Get("contactmoment"); v != "" {
			cm := resolveRef(st, &d.ContactMomenten, v, data.APIContactmomenten, collContactMomenten)
			if cm == data.NoRef {
				l.narrow([]data.Ref{})
			} else {
				l.narrow(zcmsByContactmoment(st, d)[cm])
			}
			l.cond(func(ref data.Ref) bool { return cm != data.NoRef && zcm(ref).Contactmoment == cm })
		}
		refs := l.run(c, ownedZCMs(st, d, a.e.Inst), d.ZaakContactMomenten.InstOf, zaakOf)
		out := make([]*zcmJSON, len(refs))
		for i, ref := range refs {
			out[i] = c.zcm(ref)
		}
		return func() { provider.WriteJSON(w, http.StatusOK, out) }
	})
}

// GET /zaakcontactmomenten/{uuid} (no ETag in the specification)
func (a *api) getZCM(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	u, ok := pathUUID(w, r, "uuid")
	if !ok {
		return
	}
	a.read(func(d *data.Data) func() {
		c := a.rc(d, r)
		ref, ok := d.ZaakContactMomenten.LookupIn(a.e.Inst, u)
		if !ok || d.ZaakContactMomenten.Get(ref).Deleted || !c.zaakVisible(d.ZaakContactMomenten.Get(ref).Zaak) {
			return notFound(w)
		}
		body := c.zcm(ref)
		return func() { provider.WriteJSON(w, http.StatusOK, body) }
	})
}

// ---- zaakverzoeken ----

// GET /zaakverzoeken: a plain array.
func (a *api) listZaakVerzoeken(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	q := r.URL.Query()
	a.read(func(d *data.Data) func() {
		c := a.rc(d, r)
		st := c.st
		zv := func(ref data.Ref) *data.ZaakVerzoek { return d.ZaakVerzoeken.Get(ref) }
		zaakOf := func(ref data.Ref) data.Ref { return zv(ref).Zaak }
		l := &listQuery{}
		l.cond(func(ref data.Ref) bool { return !zv(ref).Deleted })
		l.zaakFilter(c, q, func(z data.Ref) []data.Ref { return zaakVerzoekenByZaak(st, d)[z] }, zaakOf)
		if v := q.Get("verzoek"); v != "" {
			vz := resolveRef(st, &d.Verzoeken, v, data.APIVerzoeken, collVerzoeken)
			if vz == data.NoRef {
				l.narrow([]data.Ref{})
			} else {
				l.narrow(zaakVerzoekenByVerzoek(st, d)[vz])
			}
			l.cond(func(ref data.Ref) bool { return vz != data.NoRef && zv(ref).Verzoek == vz })
		}
		refs := l.run(c, ownedZaakVerzoeken(st, d, a.e.Inst), d.ZaakVerzoeken.InstOf, zaakOf)
		out := make([]*zaakVerzoekJSON, len(refs))
		for i, ref := range refs {
			out[i] = c.zaakVerzoek(ref)
		}
		return func() { provider.WriteJSON(w, http.StatusOK, out) }
	})
}

// GET /zaakverzoeken/{uuid} (no ETag in the specification)
func (a *api) getZaakVerzoek(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	u, ok := pathUUID(w, r, "uuid")
	if !ok {
		return
	}
	a.read(func(d *data.Data) func() {
		c := a.rc(d, r)
		ref, ok := d.ZaakVerzoeken.LookupIn(a.e.Inst, u)
		if !ok || d.ZaakVerzoeken.Get(ref).Deleted || !c.zaakVisible(d.ZaakVerzoeken.Get(ref).Zaak) {
			return notFound(w)
		}
		body := c.zaakVerzoek(ref)
		return func() { provider.WriteJSON(w, http.StatusOK, body) }
	})
}

// ---- zaakobjecten ----

// GET /zaakobjecten: the dataset holds no zaakobjecten, so every list is an
// empty page (filters are still validated).
func (a *api) listZaakObjecten(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	l := &listQuery{}
	l.enum(r.URL.Query(), "objectType", zaakobjectObjectTypes)
	if len(l.bad) > 0 {
		provider.WriteValidation(w, l.bad...)
		return
	}
	_, env, ok := a.e.Paginate(w, r, nil, true)
	if !ok {
		return
	}
	env.Results = []any{}
	provider.WriteJSON(w, http.StatusOK, env)
}

// GET /zaakobjecten/{uuid}
func (a *api) getZaakObject(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	if _, ok := pathUUID(w, r, "uuid"); ok {
		provider.NotFound(w)
	}
}
