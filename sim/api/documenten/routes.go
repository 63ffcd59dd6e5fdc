// Package documenten simulates the Documenten API 1.4.2 as Open Zaak serves
// it (documenten-1.4.2.yaml), read-only: enkelvoudiginformatieobjecten with
// their download, the batch search POST /enkelvoudiginformatieobjecten/_zoek
// and the objectinformatieobjecten that link documents to zaken and
// verzoeken.
//
// Every read needs the scope documenten.lezen. Documents above the client's
// confidentiality ceiling do not exist for that client (404, left out of
// lists and counts), and neither do their objectinformatieobjecten.
// Documents are listed in registration order (the provider orders by the
// canonical document) unless ordering says otherwise, paginated with page
// and pageSize; objectinformatieobjecten are a plain array in registration
// order. Filters on URL fields take absolute URLs; a URL that does not
// resolve to an object of the right kind matches nothing. Unknown query
// parameters are ignored; invalid enumeration values and dates are a 400.
// Details carry an ETag and answer If-None-Match and HEAD. The dataset keeps
// one version of every document: versie or registratieOp naming another
// version is a 404.
package documenten

import (
	"encoding/json"
	"mime"
	"net/http"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/provider"
	"github.com/klantgraaf/klantgraaf/sim/render"
)

const scopeLezen = "documenten.lezen"

var (
	vertrouwelijkheden = data.VertrouwelijkheidNames[:]
	objectTypes        = []string{"besluit", "verzoek", "zaak"}
	orderingFields     = []string{"auteur", "bestandsomvang", "creatiedatum", "formaat", "status", "titel", "vertrouwelijkheidaanduiding"}
)

type api struct {
	e *provider.Env
}

// Routes registers the API's endpoints under the instance's base path.
func Routes(e *provider.Env, r chi.Router) {
	a := &api{e: e}
	r.Get("/"+CollEIO, a.listEIOs)
	r.Post("/"+CollEIO+"/_zoek", a.zoekEIOs)
	r.Get("/"+CollEIO+"/{uuid}", a.getEIO)
	r.Head("/"+CollEIO+"/{uuid}", a.getEIO)
	r.Get("/"+CollEIO+"/{uuid}/download", a.download)
	r.Get("/"+CollOIO, a.listOIOs)
	r.Get("/"+CollOIO+"/{uuid}", a.getOIO)
	r.Head("/"+CollOIO+"/{uuid}", a.getOIO)
}

// eioVisible reports whether document r exists for the request's client.
func eioVisible(r *http.Request, d *data.Data, ref data.Ref) bool {
	return ref != data.NoRef && provider.Visible(r, d.InformatieObjecten.Get(ref).Vertrouwelijkheid)
}

// oioVisible reports whether link ref exists for the request's client: not
// deleted, pointing at an object of the dataset and at a visible document.
func oioVisible(r *http.Request, st *data.Store, d *data.Data, ref data.Ref) bool {
	o := d.ObjectInformatieObjecten.Get(ref)
	return !o.Deleted && eioVisible(r, d, o.Informatieobject) && objectURL(st, d, o) != ""
}

// parseExpand reads expand values (comma separated); only
// informatieobjecttype can be expanded.
func parseExpand(f *query, values ...string) bool {
	on := false
	for _, v := range values {
		for _, x := range splitList(v) {
			if x != "informatieobjecttype" {
				f.fail(invalidChoice("expand", x))
				continue
			}
			on = true
		}
	}
	return on
}

// eioQuery is a parsed document filter: an optional candidate set from an
// index, the conditions and the ordering.
type eioQuery struct {
	*query
	cand    []data.Ref
	hasCand bool
	order   []string
	expand  bool
}

func (q *eioQuery) narrow(refs []data.Ref) {
	if !q.hasCand {
		q.cand, q.hasCand = refs, true
		return
	}
	keep := map[data.Ref]bool{}
	for _, r := range refs {
		keep[r] = true
	}
	var out []data.Ref
	for _, r := range q.cand {
		if keep[r] {
			out = append(out, r)
		}
	}
	q.cand = out
}

// parseEIOQuery reads the list filters of the documents of instance inst.
func parseEIOQuery(a *api, r *http.Request, d *data.Data, get params) *eioQuery {
	st := a.e.Store
	q := &eioQuery{query: &query{get: get, st: st}}
	e := func(ref data.Ref) *data.EnkelvoudigInformatieObject { return d.InformatieObjecten.Get(ref) }

	if v, ok := q.str("bronorganisatie"); ok {
		q.add(func(ref data.Ref) bool { return e(ref).Bronorganisatie == v })
	}
	if v, ok := q.str("identificatie"); ok {
		q.add(func(ref data.Ref) bool { return e(ref).Identificatie == v })
	}
	if v, ok := q.str("informatieobjecttype"); ok {
		t, found := data.Resolve(st, &d.InformatieObjectTypen, v, data.APICatalogi, render.CollInformatieObjectTypen)
		q.add(func(ref data.Ref) bool { return found && e(ref).Informatieobjecttype == t })
	}
	if v, ok := q.str("objectinformatieobjecten__object"); ok {
		var docs []data.Ref
		for _, o := range oiosByObject(st, d)[resolveObject(st, d, v)] {
			if d.ObjectInformatieObjecten.InstOf(o) == a.e.Inst && oioVisible(r, st, d, o) {
				docs = append(docs, d.ObjectInformatieObjecten.Get(o).Informatieobject)
			}
		}
		sort.Slice(docs, func(i, j int) bool { return docs[i] < docs[j] })
		q.narrow(compact(docs))
	}
	if v, ok := q.choice("objectinformatieobjecten__objectType", objectTypes...); ok {
		byEIO := oiosByEIO(st, d)
		q.add(func(ref data.Ref) bool {
			for _, o := range byEIO[ref] {
				if d.ObjectInformatieObjecten.Get(o).ObjectType == v && oioVisible(r, st, d, o) {
					return true
				}
			}
			return false
		})
	}
	if v, ok := q.choice("vertrouwelijkheidaanduiding", vertrouwelijkheden...); ok {
		q.add(func(ref data.Ref) bool { return e(ref).Vertrouwelijkheid.String() == v })
	}
	if day, ok := q.date("creatiedatum__gte"); ok {
		q.add(func(ref data.Ref) bool { return e(ref).Creatiedatum >= day })
	}
	if day, ok := q.date("creatiedatum__lte"); ok {
		q.add(func(ref data.Ref) bool { return e(ref).Creatiedatum <= day })
	}
	for _, name := range []string{"titel", "auteur", "beschrijving"} {
		if v, ok := q.str(name); ok {
			text := func(x *data.EnkelvoudigInformatieObject) string { return x.Titel }
			switch name {
			case "auteur":
				text = func(x *data.EnkelvoudigInformatieObject) string { return x.Auteur }
			case "beschrijving":
				text = func(x *data.EnkelvoudigInformatieObject) string { return x.Beschrijving }
			}
			q.add(func(ref data.Ref) bool { return containsFold(text(e(ref)), v) })
		}
	}
	if locked, ok := q.boolean("locked"); ok && locked {
		// The dataset's documents are never locked.
		q.add(func(data.Ref) bool { return false })
	}
	if vs, ok := q.list("trefwoorden"); ok {
		q.add(func(ref data.Ref) bool { return containsAll(e(ref).Trefwoorden, vs) })
	}
	if vs, ok := q.list("trefwoorden__overlap"); ok {
		q.add(func(ref data.Ref) bool { return containsAny(e(ref).Trefwoorden, vs) })
	}
	if vs, ok := q.list("ordering"); ok {
		for _, v := range vs {
			field := strings.TrimPrefix(v, "-")
			if !containsAny(orderingFields, []string{field}) {
				q.fail(invalidChoice("ordering", v))
				continue
			}
			q.order = append(q.order, v)
		}
	}
	q.expand = parseExpand(q.query, get("expand"))
	return q
}

// resolveObject turns a zaak or verzoek URL into its oiosByObject key ("" if
// it resolves to neither).
func resolveObject(st *data.Store, d *data.Data, raw string) string {
	if z, ok := data.Resolve(st, &d.Zaken, raw, data.APIZaken, collZaken); ok {
		return objectKey("zaak", z)
	}
	if v, ok := data.Resolve(st, &d.Verzoeken, raw, data.APIVerzoeken, collVerzoeken); ok && !d.Verzoeken.Get(v).Deleted {
		return objectKey("verzoek", v)
	}
	return ""
}

func compact(refs []data.Ref) []data.Ref {
	out := refs[:0]
	for i, r := range refs {
		if i == 0 || r != refs[i-1] {
			out = append(out, r)
		}
	}
	return out
}

// run selects the visible documents of the instance that match, ordered.
func (q *eioQuery) run(a *api, r *http.Request, d *data.Data) []data.Ref {
	cand := q.cand
	if !q.hasCand {
		cand = eiosByInst(a.e.Store, d, a.e.Inst)
	}
	out := make([]data.Ref, 0, len(cand))
	for _, ref := range cand {
		if d.InformatieObjecten.InstOf(ref) == a.e.Inst && eioVisible(r, d, ref) && q.match(ref) {
			out = append(out, ref)
		}
	}
	if len(q.order) > 0 {
		sortEIOs(d, out, q.order)
	}
	return out
}

// sortEIOs orders documents by the ordering fields ("-" = descending);
// ties keep registration order. Text fields compare as stored, the
// vertrouwelijkheidaanduiding by its name, as the provider's database does.
func sortEIOs(d *data.Data, refs []data.Ref, order []string) {
	sizes := map[data.Ref]int64{}
	size := func(r data.Ref) int64 {
		s, ok := sizes[r]
		if !ok {
			s = contentSize(d.InformatieObjecten.Get(r))
			sizes[r] = s
		}
		return s
	}
	cmp := func(a, b data.Ref, field string) int {
		x, y := d.InformatieObjecten.Get(a), d.InformatieObjecten.Get(b)
		switch field {
		case "auteur":
			return strings.Compare(x.Auteur, y.Auteur)
		case "formaat":
			return strings.Compare(x.Formaat, y.Formaat)
		case "status":
			return strings.Compare(x.Status, y.Status)
		case "titel":
			return strings.Compare(x.Titel, y.Titel)
		case "vertrouwelijkheidaanduiding":
			return strings.Compare(x.Vertrouwelijkheid.String(), y.Vertrouwelijkheid.String())
		case "creatiedatum":
			return int(x.Creatiedatum) - int(y.Creatiedatum)
		case "bestandsomvang":
			sa, sb := size(a), size(b)
			switch {
			case sa < sb:
				return -1
			case sa > sb:
				return 1
			}
		}
		return 0
	}
	sort.SliceStable(refs, func(i, j int) bool {
		for _, o := range order {
			c := cmp(refs[i], refs[j], strings.TrimPrefix(o, "-"))
			if strings.HasPrefix(o, "-") {
				c = -c
			}
			if c != 0 {
				return c < 0
			}
		}
		return false
	})
}

// page renders one page of documents; it returns false after writing an
// error.
func (a *api) page(w http.ResponseWriter, r *http.Request, d *data.Data, refs []data.Ref, expand bool) (provider.PageEnvelope, bool) {
	page, env, ok := a.e.Paginate(w, r, refs, true)
	if !ok {
		return env, false
	}
	results := make([]*EnkelvoudigInformatieObjectJSON, len(page))
	for i, ref := range page {
		results[i] = EnkelvoudigInformatieObject(a.e.Store, d, ref, expand)
	}
	env.Results = results
	return env, true
}

func (a *api) listEIOs(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	qs := r.URL.Query()
	var (
		env  provider.PageEnvelope
		bad  []provider.InvalidParam
		done bool
	)
	a.e.Store.Read(func(d *data.Data) {
		q := parseEIOQuery(a, r, d, qs.Get)
		if len(q.bad) > 0 {
			bad = q.bad
			return
		}
		env, done = a.page(w, r, d, q.run(a, r, d), q.expand)
	})
	if len(bad) > 0 {
		provider.WriteValidation(w, bad...)
		return
	}
	if done {
		provider.WriteJSON(w, http.StatusOK, env)
	}
}

// zoekEIOs is POST /enkelvoudiginformatieobjecten/_zoek: the documents with
// the given UUIDs, narrowed by bronorganisatie and identificatie from the
// body and by any list filter in the query string; paginated like the list.
func (a *api) zoekEIOs(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	var raw map[string]json.RawMessage
	if !provider.DecodeBody(w, r, &raw) {
		return
	}
	if len(raw) == 0 {
		provider.WriteValidation(w, provider.InvalidParam{Name: "nonFieldErrors", Code: "empty_search_body",
			Reason: "Zoekparameters moeten worden opgegeven."})
		return
	}
	var bad []provider.InvalidParam
	var uuids []data.UUID
	if v, ok := raw["uuid__in"]; !ok {
		bad = append(bad, provider.InvalidParam{Name: "uuid__in", Code: "required", Reason: "Dit veld is vereist."})
	} else {
		var list []string
		if err := json.Unmarshal(v, &list); err != nil || string(v) == "null" {
			bad = append(bad, provider.InvalidParam{Name: "uuid__in", Code: "not_a_list",
				Reason: "Verwachtte een lijst met items, maar kreeg een ander type."})
		}
		for _, s := range list {
			u, err := data.ParseUUID(s)
			if err != nil {
				bad = append(bad, provider.InvalidParam{Name: "uuid__in", Code: "invalid", Reason: "Voer een geldige UUID in."})
				break
			}
			uuids = append(uuids, u)
		}
	}
	body := map[string]string{}
	for _, name := range []string{"bronorganisatie", "identificatie"} {
		if v, ok := raw[name]; ok {
			var s string
			if err := json.Unmarshal(v, &s); err != nil {
				bad = append(bad, provider.InvalidParam{Name: name, Code: "invalid", Reason: "Geen geldige string."})
			}
			body[name] = s
		}
	}
	var expandBody []string
	if v, ok := raw["expand"]; ok {
		if err := json.Unmarshal(v, &expandBody); err != nil {
			bad = append(bad, provider.InvalidParam{Name: "expand", Code: "not_a_list",
				Reason: "Verwachtte een lijst met items, maar kreeg een ander type."})
		}
	}
	if len(bad) > 0 {
		provider.WriteValidation(w, bad...)
		return
	}

	qs := r.URL.Query()
	var (
		env  provider.PageEnvelope
		done bool
	)
	a.e.Store.Read(func(d *data.Data) {
		q := parseEIOQuery(a, r, d, qs.Get)
		expand := parseExpand(q.query, strings.Join(expandBody, ","))
		if len(q.bad) > 0 {
			bad = q.bad
			return
		}
		var cand []data.Ref
		for _, u := range uuids {
			if ref, ok := d.InformatieObjecten.LookupIn(a.e.Inst, u); ok {
				cand = append(cand, ref)
			}
		}
		sort.Slice(cand, func(i, j int) bool { return cand[i] < cand[j] })
		q.narrow(compact(cand))
		for name, v := range body {
			if v == "" {
				continue
			}
			e := func(ref data.Ref) *data.EnkelvoudigInformatieObject { return d.InformatieObjecten.Get(ref) }
			if name == "bronorganisatie" {
				q.add(func(ref data.Ref) bool { return e(ref).Bronorganisatie == v })
			} else {
				q.add(func(ref data.Ref) bool { return e(ref).Identificatie == v })
			}
		}
		env, done = a.page(w, r, d, q.run(a, r, d), q.expand || expand)
	})
	if len(bad) > 0 {
		provider.WriteValidation(w, bad...)
		return
	}
	if done {
		provider.WriteJSON(w, http.StatusOK, env)
	}
}

// version checks the versie and registratieOp parameters against the one
// version the dataset keeps.
func version(r *http.Request, e *data.EnkelvoudigInformatieObject) bool {
	q := r.URL.Query()
	if v := q.Get("versie"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n != int(max(e.Versie, 1)) {
			return false
		}
	}
	if v := q.Get("registratieOp"); v != "" {
		t, ok := render.ParseDateTime(v)
		begin := e.BeginRegistratie
		if begin == 0 {
			begin = data.DateTime(int64(e.Creatiedatum) * 86400)
		}
		if !ok || t < begin {
			return false
		}
	}
	return true
}

// lookupEIO finds the visible document of this instance named by the uuid
// path parameter.
func (a *api) lookupEIO(r *http.Request, d *data.Data) (data.Ref, bool) {
	u, err := data.ParseUUID(chi.URLParam(r, "uuid"))
	if err != nil {
		return data.NoRef, false
	}
	ref, ok := d.InformatieObjecten.LookupIn(a.e.Inst, u)
	if !ok || !eioVisible(r, d, ref) || !version(r, d.InformatieObjecten.Get(ref)) {
		return data.NoRef, false
	}
	return ref, true
}

func (a *api) getEIO(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	f := &query{get: r.URL.Query().Get}
	expand := parseExpand(f, r.URL.Query().Get("expand"))
	if len(f.bad) > 0 {
		provider.WriteValidation(w, f.bad...)
		return
	}
	var v *EnkelvoudigInformatieObjectJSON
	a.e.Store.Read(func(d *data.Data) {
		if ref, ok := a.lookupEIO(r, d); ok {
			v = EnkelvoudigInformatieObject(a.e.Store, d, ref, expand)
		}
	})
	if v == nil {
		provider.NotFound(w)
		return
	}
	provider.WriteDetail(w, r, v)
}

// download serves the document's generated file as the provider does: as
// an application/octet-stream attachment named by bestandsnaam.
func (a *api) download(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	var (
		meta  docMeta
		found bool
	)
	a.e.Store.Read(func(d *data.Data) {
		if ref, ok := a.lookupEIO(r, d); ok {
			meta, found = metaOf(d.InformatieObjecten.Get(ref)), true
		}
	})
	if !found {
		provider.NotFound(w)
		return
	}
	c := contentOf(meta)
	name := path.Base(strings.ReplaceAll(meta.bestandsnaam, "\\", "/"))
	if name == "" || name == "." || name == "/" {
		name = meta.identificatie
	}
	h := w.Header()
	h.Set("Content-Type", "application/octet-stream")
	h.Set("Content-Length", strconv.FormatInt(c.size(), 10))
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	w.WriteHeader(http.StatusOK)
	_, _ = c.WriteTo(w)
}

func (a *api) listOIOs(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	qs := r.URL.Query()
	var out []*ObjectInformatieObjectJSON
	a.e.Store.Read(func(d *data.Data) {
		st := a.e.Store
		cand := oiosByInst(st, d, a.e.Inst)
		if v := qs.Get("object"); v != "" {
			cand = oiosByObject(st, d)[resolveObject(st, d, v)]
		}
		eio := data.NoRef
		byEIO := false
		if v := qs.Get("informatieobject"); v != "" {
			byEIO = true
			eio, _ = data.Resolve(st, &d.InformatieObjecten, v, data.APIDocumenten, CollEIO)
		}
		out = make([]*ObjectInformatieObjectJSON, 0, len(cand))
		for _, ref := range cand {
			o := d.ObjectInformatieObjecten.Get(ref)
			if d.ObjectInformatieObjecten.InstOf(ref) != a.e.Inst || (byEIO && (eio == data.NoRef || o.Informatieobject != eio)) ||
				!oioVisible(r, st, d, ref) {
				continue
			}
			out = append(out, ObjectInformatieObject(st, d, ref))
		}
	})
	provider.WriteJSON(w, http.StatusOK, out)
}

func (a *api) getOIO(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	u, err := data.ParseUUID(chi.URLParam(r, "uuid"))
	if err != nil {
		provider.NotFound(w)
		return
	}
	var v *ObjectInformatieObjectJSON
	a.e.Store.Read(func(d *data.Data) {
		if ref, ok := d.ObjectInformatieObjecten.LookupIn(a.e.Inst, u); ok && oioVisible(r, a.e.Store, d, ref) {
			v = ObjectInformatieObject(a.e.Store, d, ref)
		}
	})
	if v == nil {
		provider.NotFound(w)
		return
	}
	provider.WriteDetail(w, r, v)
}
