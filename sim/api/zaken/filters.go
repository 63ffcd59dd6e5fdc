package zaken

import (
	"net/url"
	"slices"
	"sort"
	"strings"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/provider"
	"github.com/klantgraaf/klantgraaf/sim/render"
)

// params is a source of filter values: the query string of a list or the
// body of POST /zaken/_zoek. An empty value counts as absent, as the
// provider's filters treat it.
type params interface {
	get(name string) (string, bool)
}

type queryParams url.Values

func (q queryParams) get(name string) (string, bool) {
	v := url.Values(q).Get(name)
	return v, v != ""
}

type mapParams map[string]string

func (m mapParams) get(name string) (string, bool) {
	v, ok := m[name]
	return v, ok && v != ""
}

// Enumerations of the filter parameters.
var (
	betrokkeneTypes       = []string{"natuurlijk_persoon", "niet_natuurlijk_persoon", "vestiging", "organisatorische_eenheid", "medewerker"}
	omschrijvingGeneriek  = []string{"adviseur", "behandelaar", "belanghebbende", "beslisser", "initiator", "klantcontacter", "mede_initiator", "zaakcoordinator"}
	machtigingen          = []string{"eigen", "gemachtigde", "machtiginggever"}
	archiefnominaties     = []string{"blijvend_bewaren", "vernietigen"}
	archiefstatussen      = []string{"gearchiveerd", "gearchiveerd_procestermijn_onbekend", "nog_te_archiveren", "overgedragen"}
	levelsOfAssurance     = []string{"urn:etoegang:core:assurance-class:loa1", "urn:etoegang:core:assurance-class:loa2", "urn:etoegang:core:assurance-class:loa2plus", "urn:etoegang:core:assurance-class:loa3", "urn:etoegang:core:assurance-class:loa4", "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract", "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport", "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard", "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI"}
	zaakOrderingFields    = []string{"startdatum", "einddatum", "publicatiedatum", "archiefactiedatum", "registratiedatum", "identificatie"}
	zaakobjectObjectTypes = []string{"adres", "besluit", "buurt", "enkelvoudig_document", "gemeente", "gemeentelijke_openbare_ruimte", "huishouden", "inrichtingselement", "kadastrale_onroerende_zaak", "kunstwerkdeel", "maatschappelijke_activiteit", "medewerker", "natuurlijk_persoon", "niet_natuurlijk_persoon", "openbare_ruimte", "organisatorische_eenheid", "pand", "spoorbaandeel", "status", "terreindeel", "terrein_gebouwd_object", "vestiging", "waterdeel", "wegdeel", "wijk", "woonplaats", "woz_deelobject", "woz_object", "woz_waarde", "zakelijk_recht", "overige"}
)

func invalidChoice(name, v string) provider.InvalidParam {
	return provider.InvalidParam{Name: name, Code: "invalid_choice",
		Reason: "Selecteer een geldige keuze. " + v + " is geen beschikbare keuze."}
}

func invalidDate(name string) provider.InvalidParam {
	return provider.InvalidParam{Name: name, Code: "invalid", Reason: "Voer een geldige datum in."}
}

// parseBool reads a boolean filter value; anything else is ignored (ok=false).
func parseBool(v string) (val, ok bool) {
	switch strings.ToLower(v) {
	case "true", "1":
		return true, true
	case "false", "0":
		return false, true
	}
	return false, false
}

// splitList splits a comma separated multi-value parameter.
func splitList(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

// resolveRef resolves a URL filter value into a row of t in an instance of
// api; an unresolvable URL resolves to NoRef and matches nothing.
func resolveRef[T any](st *data.Store, t *data.Table[T], raw string, api data.APIKind, coll string) data.Ref {
	r, ok := data.Resolve(st, t, raw, api, coll)
	if !ok {
		return data.NoRef
	}
	return r
}

// ascending sorts and dedupes refs in place.
func ascending(refs []data.Ref) []data.Ref {
	slices.Sort(refs)
	return slices.Compact(refs)
}

// zaakPred is one filter condition on a zaak.
type zaakPred func(z data.Ref, zr *data.Zaak) bool

// zaakQuery is a parsed zaken filter: a candidate set (from an index; nil
// means every zaak of the instance), the conditions and the ordering.
type zaakQuery struct {
	cand    []data.Ref // ascending
	hasCand bool
	preds   []zaakPred
	order   []string
}

func (q *zaakQuery) narrow(refs []data.Ref) {
	if !q.hasCand {
		q.cand, q.hasCand = refs, true
	}
}

// dateFilters are the date filters of the zaken list, with the lookups the
// provider offers for each.
var dateFilters = []struct {
	name string
	ops  []string
	get  func(*data.Zaak) data.Date
}{
	{"startdatum", []string{"", "__gt", "__gte", "__lt", "__lte"}, func(z *data.Zaak) data.Date { return z.Startdatum }},
	{"registratiedatum", []string{"", "__gt", "__lt"}, func(z *data.Zaak) data.Date { return z.Registratiedatum }},
	{"einddatum", []string{"", "__gt", "__lt", "__isnull"}, func(z *data.Zaak) data.Date { return z.Einddatum }},
	{"einddatumGepland", []string{"", "__gt", "__lt"}, func(z *data.Zaak) data.Date { return z.EinddatumGepland }},
	{"uiterlijkeEinddatumAfdoening", []string{"", "__gt", "__lt"}, func(z *data.Zaak) data.Date { return z.UiterlijkeEinddatumAfdoening }},
	// The dataset has no archiefactiedatum: it is null on every zaak.
	{"archiefactiedatum", []string{"", "__gt", "__lt", "__isnull"}, func(z *data.Zaak) data.Date { return 0 }},
}

// datePred builds the condition of one date lookup; 0 (null) matches only
// __isnull=true.
func datePred(get func(*data.Zaak) data.Date, op string, v data.Date) zaakPred {
	switch op {
	case "__gt":
		return func(_ data.Ref, z *data.Zaak) bool { d := get(z); return d != 0 && d > v }
	case "__gte":
		return func(_ data.Ref, z *data.Zaak) bool { d := get(z); return d != 0 && d >= v }
	case "__lt":
		return func(_ data.Ref, z *data.Zaak) bool { d := get(z); return d != 0 && d < v }
	case "__lte":
		return func(_ data.Ref, z *data.Zaak) bool { d := get(z); return d != 0 && d <= v }
	}
	return func(_ data.Ref, z *data.Zaak) bool { d := get(z); return d != 0 && d == v }
}

// rolPred makes a zaak condition of a rol condition: some rol of the zaak
// satisfies it. Every rol__ filter is its own condition (different filters
// may be satisfied by different rollen), as the provider's chained filters
// behave.
func rolPred(d *data.Data, cond func(*data.Rol) bool) zaakPred {
	return func(_ data.Ref, z *data.Zaak) bool {
		for _, r := range z.Rollen {
			if cond(d.Rollen.Get(r)) {
				return true
			}
		}
		return false
	}
}

// parseZaakQuery reads the zaken list filters of zaken-1.5.1.yaml from p.
func parseZaakQuery(c *rc, p params) (*zaakQuery, []provider.InvalidParam) {
	st, d := c.st, c.d
	q := &zaakQuery{}
	var bad []provider.InvalidParam
	add := func(f zaakPred) { q.preds = append(q.preds, f) }

	// Selective filters first: they also pick the candidate set.
	for _, rf := range rolIdentFilters {
		name := "rol__" + rf.param
		v, ok := p.get(name)
		if !ok {
			continue
		}
		kind, val := rf.kind, v
		var zaken []data.Ref
		for _, r := range rollenByIdent(st, d, kind, val) {
			if d.Rollen.InstOf(r) == c.e.Inst {
				zaken = append(zaken, d.Rollen.Rows[r].Zaak)
			}
		}
		q.narrow(ascending(zaken))
		add(rolPred(d, func(rr *data.Rol) bool { return rolIdent(st, d, rr, kind) == val }))
	}
	if v, ok := p.get("identificatie"); ok {
		q.narrow(zakenByIdentificatie(st, d)[v])
		add(func(_ data.Ref, z *data.Zaak) bool { return z.Identificatie == v })
	}
	if v, ok := p.get("zaaktype"); ok {
		zt := resolveRef(st, &d.ZaakTypen, v, data.APICatalogi, render.CollZaakTypen)
		if zt == data.NoRef {
			q.narrow([]data.Ref{})
		} else {
			q.narrow(zakenByZaaktype(st, d)[zt])
		}
		add(func(_ data.Ref, z *data.Zaak) bool { return zt != data.NoRef && z.Zaaktype == zt })
	}

	if v, ok := p.get("identificatie__icontains"); ok {
		add(func(_ data.Ref, z *data.Zaak) bool { return containsFold(z.Identificatie, v) })
	}
	if v, ok := p.get("bronorganisatie"); ok {
		add(func(_ data.Ref, z *data.Zaak) bool { return z.Bronorganisatie == v })
	}
	if v, ok := p.get("bronorganisatie__in"); ok {
		set := splitList(v)
		add(func(_ data.Ref, z *data.Zaak) bool { return slices.Contains(set, z.Bronorganisatie) })
	}
	if v, ok := p.get("zaaktype__omschrijving"); ok {
		add(func(_ data.Ref, z *data.Zaak) bool {
			return z.Zaaktype != data.NoRef && containsFold(d.ZaakTypen.Get(z.Zaaktype).Omschrijving, v)
		})
	}
	if v, ok := p.get("omschrijving"); ok {
		add(func(_ data.Ref, z *data.Zaak) bool { return containsFold(z.Omschrijving, v) })
	}
	if v, ok := p.get("archiefnominatie"); ok {
		if !slices.Contains(archiefnominaties, v) {
			bad = append(bad, invalidChoice("archiefnominatie", v))
		}
		add(func(_ data.Ref, z *data.Zaak) bool { return z.Archiefnominatie == v })
	}
	if v, ok := p.get("archiefnominatie__in"); ok {
		set := splitList(v)
		add(func(_ data.Ref, z *data.Zaak) bool { return slices.Contains(set, z.Archiefnominatie) })
	}
	archiefstatus := func(z *data.Zaak) string {
		if z.Archiefstatus == "" {
			return defaultArchiefstatus
		}
		return z.Archiefstatus
	}
	if v, ok := p.get("archiefstatus"); ok {
		if !slices.Contains(archiefstatussen, v) {
			bad = append(bad, invalidChoice("archiefstatus", v))
		}
		add(func(_ data.Ref, z *data.Zaak) bool { return archiefstatus(z) == v })
	}
	if v, ok := p.get("archiefstatus__in"); ok {
		set := splitList(v)
		add(func(_ data.Ref, z *data.Zaak) bool { return slices.Contains(set, archiefstatus(z)) })
	}
	for _, df := range dateFilters {
		for _, op := range df.ops {
			name := df.name + op
			v, ok := p.get(name)
			if !ok {
				continue
			}
			get := df.get
			if op == "__isnull" {
				if want, ok := parseBool(v); ok {
					add(func(_ data.Ref, z *data.Zaak) bool { return (get(z) == 0) == want })
				}
				continue
			}
			dv, ok := render.ParseDate(v)
			if !ok {
				bad = append(bad, invalidDate(name))
				continue
			}
			add(datePred(get, op, dv))
		}
	}
	if v, ok := p.get("maximaleVertrouwelijkheidaanduiding"); ok {
		level, ok := data.ParseVertrouwelijkheid(v)
		if !ok {
			bad = append(bad, invalidChoice("maximaleVertrouwelijkheidaanduiding", v))
		}
		add(func(_ data.Ref, z *data.Zaak) bool { return z.Vertrouwelijkheid <= level })
	}
	if v, ok := p.get("rol__betrokkeneType"); ok {
		if !slices.Contains(betrokkeneTypes, v) {
			bad = append(bad, invalidChoice("rol__betrokkeneType", v))
		}
		add(rolPred(d, func(rr *data.Rol) bool { return rr.BetrokkeneType == v }))
	}
	if v, ok := p.get("rol__omschrijvingGeneriek"); ok {
		if !slices.Contains(omschrijvingGeneriek, v) {
			bad = append(bad, invalidChoice("rol__omschrijvingGeneriek", v))
		}
		add(rolPred(d, func(rr *data.Rol) bool {
			return rr.Roltype != data.NoRef && d.RolTypen.Get(rr.Roltype).OmschrijvingGeneriek == v
		}))
	}
	if v, ok := p.get("rol__machtiging"); ok {
		if !slices.Contains(machtigingen, v) {
			bad = append(bad, invalidChoice("rol__machtiging", v))
		}
		add(rolPred(d, machtigingCond(v)))
	}
	if v, ok := p.get("rol__machtiging__loa"); ok && !slices.Contains(levelsOfAssurance, v) {
		// The dataset records no authentication context, so a valid level
		// filters nothing.
		bad = append(bad, invalidChoice("rol__machtiging__loa", v))
	}
	if v, ok := p.get("status__statustype"); ok {
		stt := resolveRef(st, &d.StatusTypen, v, data.APICatalogi, render.CollStatusTypen)
		add(func(_ data.Ref, z *data.Zaak) bool {
			return stt != data.NoRef && z.Status != data.NoRef && d.Statussen.Get(z.Status).Statustype == stt
		})
	}
	if v, ok := p.get("resultaat__resultaattype"); ok {
		rt := resolveRef(st, &d.ResultaatTypen, v, data.APICatalogi, render.CollResultaatTypen)
		add(func(_ data.Ref, z *data.Zaak) bool {
			return rt != data.NoRef && z.Resultaat != data.NoRef && d.Resultaten.Get(z.Resultaat).Resultaattype == rt
		})
	}
	if v, ok := p.get("kenmerk"); ok {
		bron, kenmerk, _ := strings.Cut(v, ":")
		add(func(_ data.Ref, z *data.Zaak) bool {
			return slices.Contains(z.Kenmerken, data.Kenmerk{Kenmerk: kenmerk, Bron: bron})
		})
	}
	if v, ok := p.get("kenmerk__bron"); ok {
		add(func(_ data.Ref, z *data.Zaak) bool {
			for _, k := range z.Kenmerken {
				if k.Bron == v {
					return true
				}
			}
			return false
		})
	}
	if v, ok := p.get("ordering"); ok {
		for _, o := range splitList(v) {
			if !slices.Contains(zaakOrderingFields, strings.TrimPrefix(o, "-")) {
				bad = append(bad, invalidChoice("ordering", o))
				continue
			}
			q.order = append(q.order, o)
		}
	}
	return q, bad
}

// machtigingCond is the rol condition of a machtiging filter: "eigen" is a
// rol without indicatieMachtiging.
func machtigingCond(v string) func(*data.Rol) bool {
	if v == "eigen" {
		return func(rr *data.Rol) bool { return rr.IndicatieMachtiging == "" }
	}
	return func(rr *data.Rol) bool { return rr.IndicatieMachtiging == v }
}

// run applies the query: the zaken of the instance visible to the client
// that satisfy every condition, newest first (the provider's default
// ordering is -pk) unless an ordering was asked.
func (q *zaakQuery) run(c *rc) []data.Ref {
	cand := q.cand
	if !q.hasCand {
		cand = ownedZaken(c.st, c.d, c.e.Inst)
	}
	out := make([]data.Ref, 0, min(len(cand), 1024))
	rows := c.d.Zaken.Rows
next:
	for i := len(cand) - 1; i >= 0; i-- {
		z := cand[i]
		if !c.zaakVisible(z) {
			continue
		}
		zr := &rows[z]
		for _, p := range q.preds {
			if !p(z, zr) {
				continue next
			}
		}
		out = append(out, z)
	}
	if len(q.order) > 0 {
		sortZaken(c.d, out, q.order)
	}
	return out
}

// zaakSortKey returns the value of an ordering field: a date (0 = null) or
// the identificatie.
func zaakSortKey(z *data.Zaak, field string) (data.Date, string) {
	switch field {
	case "startdatum":
		return z.Startdatum, ""
	case "einddatum":
		return z.Einddatum, ""
	case "publicatiedatum":
		return z.Publicatiedatum, ""
	case "registratiedatum":
		return z.Registratiedatum, ""
	case "identificatie":
		return 0, z.Identificatie
	}
	return 0, "" // archiefactiedatum: null everywhere
}

// sortZaken orders refs (already newest first) by the ordering fields. Null
// dates sort last ascending and first descending, as in PostgreSQL; ties
// keep the newest-first order.
func sortZaken(d *data.Data, refs []data.Ref, order []string) {
	sort.SliceStable(refs, func(i, j int) bool {
		a, b := d.Zaken.Get(refs[i]), d.Zaken.Get(refs[j])
		for _, o := range order {
			desc := strings.HasPrefix(o, "-")
			field := strings.TrimPrefix(o, "-")
			da, sa := zaakSortKey(a, field)
			db, sb := zaakSortKey(b, field)
			var cmp int
			if field == "identificatie" {
				cmp = strings.Compare(sa, sb)
			} else {
				switch {
				case da == db:
					cmp = 0
				case da == 0:
					cmp = 1 // null is largest
				case db == 0:
					cmp = -1
				case da < db:
					cmp = -1
				default:
					cmp = 1
				}
			}
			if cmp == 0 {
				continue
			}
			if desc {
				return cmp > 0
			}
			return cmp < 0
		}
		return false
	})
}
