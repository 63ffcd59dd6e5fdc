package loaders

import (
	"context"
	"encoding/json"

	"github.com/graph-gophers/dataloader/v7"

	"github.com/klantgraaf/klantgraaf/model"
	"github.com/klantgraaf/klantgraaf/upstream"
	"github.com/klantgraaf/klantgraaf/upstream/zaken"
)

// cmExpand is asked of every contactmoment read: the klant and object links
// come embedded, so following them costs no request.
var cmExpand = []string{"klantcontactmomenten", "objectcontactmomenten"}

func decodeAs[T any, M any](conv func(c *upstream.Client, v *T) M) func(context.Context, *upstream.Client, json.RawMessage) (M, error) {
	return func(_ context.Context, c *upstream.Client, raw json.RawMessage) (M, error) {
		var v T
		if err := json.Unmarshal(raw, &v); err != nil {
			var zero M
			return zero, &upstream.Error{Op: "decode", Kind: upstream.Decode, Source: c.Name(), Detail: "unexpected response shape", Err: err}
		}
		return conv(c, &v), nil
	}
}

func plain[T any, M any](f func(*T) M) func(*upstream.Client, *T) M {
	return func(_ *upstream.Client, v *T) M { return f(v) }
}

func (l *Loaders) init() {
	l.zaak = newURLLoader(l, upstream.APIZaken, "zaak",
		fetchZoek("zaken", zaakExtra),
		func(ctx context.Context, c *upstream.Client, raw json.RawMessage) (*model.Zaak, error) {
			var z zaken.Zaak
			if err := json.Unmarshal(raw, &z); err != nil {
				return nil, &upstream.Error{Op: "decode", Kind: upstream.Decode, Source: c.Name(), Detail: "unexpected zaak shape", Err: err}
			}
			return l.zaakFrom(ctx, c, &z), nil
		})
	l.zaaktype = newURLLoader(l, upstream.APICatalogi, "zaaktype", fetchEach, decodeAs(plain(toZaaktype)))
	l.status = newURLLoader(l, upstream.APIZaken, "status", fetchEach, decodeAs(plain(toStatus)))
	l.statustype = newURLLoader(l, upstream.APICatalogi, "statustype", fetchEach, decodeAs(plain(toStatustype)))
	l.resultaat = newURLLoader(l, upstream.APIZaken, "resultaat", fetchEach, decodeAs(plain(toResultaat)))
	l.resultaattype = newURLLoader(l, upstream.APICatalogi, "resultaattype", fetchEach, decodeAs(plain(toResultaattype)))
	l.rol = newURLLoader(l, upstream.APIZaken, "rol", fetchEach, decodeAs(plain(toRol)))
	l.roltype = newURLLoader(l, upstream.APICatalogi, "roltype", fetchEach, decodeAs(plain(toRoltype)))
	l.document = newURLLoader(l, upstream.APIDocumenten, "document", fetchZoek("enkelvoudiginformatieobjecten", nil),
		decodeAs(plain(toDocument)))
	l.iotype = newURLLoader(l, upstream.APICatalogi, "informatieobjecttype", fetchEach, decodeAs(plain(toInformatieobjecttype)))
	l.klant = newURLLoaderKinds(l, []upstream.APIKind{upstream.APIKlanten, upstream.APIKlantinteracties}, "klant",
		fetchKlant, decodeKlant)
	l.contactmoment = newURLLoaderKinds(l, []upstream.APIKind{upstream.APIContactmomenten, upstream.APIKlantinteracties},
		"contactmoment", fetchContactmoment, l.decodeContactmoment)
	l.verzoek = newURLLoader(l, upstream.APIVerzoeken, "verzoek", fetchEach, decodeAs(toVerzoek))
	l.initRelations()
	l.initV2()
}

// zaakFrom converts a zaak and primes the loaders with whatever the Zaken
// API embedded under _expand, so resolving those costs no request.
func (l *Loaders) zaakFrom(ctx context.Context, c *upstream.Client, z *zaken.Zaak) *model.Zaak {
	m := toZaak(c, z)
	e := z.Expand
	if e == nil {
		return m
	}
	if e.Zaaktype != nil && e.Zaaktype.URL != "" {
		l.zaaktype.Prime(ctx, e.Zaaktype.URL, toZaaktype(e.Zaaktype))
	}
	if s := e.Status; s != nil && s.URL != "" {
		l.status.Prime(ctx, s.URL, toStatus(s))
		if s.Expand != nil && s.Expand.Statustype != nil {
			l.statustype.Prime(ctx, s.Expand.Statustype.URL, toStatustype(s.Expand.Statustype))
		}
	}
	if r := e.Resultaat; r != nil && r.URL != "" {
		l.resultaat.Prime(ctx, r.URL, toResultaat(r))
		if r.Expand != nil && r.Expand.Resultaattype != nil {
			l.resultaattype.Prime(ctx, r.Expand.Resultaattype.URL, toResultaattype(r.Expand.Resultaattype))
		}
	}
	if e.Rollen != nil || (len(z.Rollen) == 0 && l.expands("rollen")) {
		rollen := make([]*model.Rol, 0, len(e.Rollen))
		for i := range e.Rollen {
			r := &e.Rollen[i]
			mr := toRol(r)
			rollen = append(rollen, mr)
			l.rol.Prime(ctx, r.URL, mr)
			if r.Expand != nil && r.Expand.Roltype != nil {
				l.roltype.Prime(ctx, r.Expand.Roltype.URL, toRoltype(r.Expand.Roltype))
			}
		}
		l.rollenByZaak.Prime(ctx, z.URL, rollen)
	}
	if e.Eigenschappen != nil || (len(z.Eigenschappen) == 0 && l.expands("eigenschappen")) {
		out := make([]*model.ZaakEigenschap, 0, len(e.Eigenschappen))
		for i := range e.Eigenschappen {
			out = append(out, toZaakEigenschap(&e.Eigenschappen[i]))
		}
		l.eigenschappenByZaak.Prime(ctx, z.URL, out)
	}
	if e.Zaakinformatieobjecten != nil || (len(z.Zaakinformatieobjecten) == 0 && l.expands("zaakinformatieobjecten")) {
		out := make([]string, 0, len(e.Zaakinformatieobjecten))
		for _, zio := range e.Zaakinformatieobjecten {
			out = append(out, zio.Informatieobject)
		}
		l.documentURLsByZaak.Prime(ctx, z.URL, out)
	}
	return m
}

func (l *Loaders) expands(what string) bool {
	for _, e := range l.zaakExpandSet() {
		if e == what {
			return true
		}
	}
	return false
}

// fetchEachExpanded is fetchEach with an expand query parameter.
func fetchEachExpanded(expand []string) fetchFunc {
	return func(ctx context.Context, l *Loaders, c *upstream.Client, urls []string) map[string]fetched {
		withExpand := make([]string, len(urls))
		back := make(map[string]string, len(urls))
		for i, u := range urls {
			withExpand[i] = u + "?expand=" + joinComma(expand)
			back[withExpand[i]] = u
		}
		got := fetchEach(ctx, l, c, withExpand)
		out := make(map[string]fetched, len(got))
		for k, v := range got {
			out[back[k]] = v
		}
		return out
	}
}

// Zaak loads a zaak by URL.
func (l *Loaders) Zaak(ctx context.Context, url string) (*model.Zaak, error) {
	if url == "" {
		return nil, nil
	}
	return l.zaak.Load(ctx, url)()
}

// Zaken loads zaken by URL; failures are reported, not fatal.
func (l *Loaders) Zaken(ctx context.Context, urls []string) ([]*model.Zaak, []error) {
	return loadMany(ctx, l.zaak, urls)
}

func loadMany[M any](ctx context.Context, ld *dataloader.Loader[string, M], urls []string) ([]M, []error) {
	if len(urls) == 0 {
		return []M{}, nil
	}
	items, errs := ld.LoadMany(ctx, urls)()
	out := make([]M, 0, len(items))
	var bad []error
	for i := range items {
		if i < len(errs) && errs[i] != nil {
			bad = append(bad, errs[i])
			continue
		}
		out = append(out, items[i])
	}
	return out, bad
}

// Zaaktype loads a zaaktype by URL.
func (l *Loaders) Zaaktype(ctx context.Context, url string) (*model.Zaaktype, error) {
	if url == "" {
		return nil, nil
	}
	return l.zaaktype.Load(ctx, url)()
}

// Status loads a status by URL.
func (l *Loaders) Status(ctx context.Context, url string) (*model.Status, error) {
	if url == "" {
		return nil, nil
	}
	return l.status.Load(ctx, url)()
}

// Statustype loads a statustype by URL.
func (l *Loaders) Statustype(ctx context.Context, url string) (*model.Statustype, error) {
	if url == "" {
		return nil, nil
	}
	return l.statustype.Load(ctx, url)()
}

// Statustypen loads statustypen by URL.
func (l *Loaders) Statustypen(ctx context.Context, urls []string) ([]*model.Statustype, []error) {
	return loadMany(ctx, l.statustype, urls)
}

// Resultaat loads a resultaat by URL.
func (l *Loaders) Resultaat(ctx context.Context, url string) (*model.Resultaat, error) {
	if url == "" {
		return nil, nil
	}
	return l.resultaat.Load(ctx, url)()
}

// Resultaattype loads a resultaattype by URL.
func (l *Loaders) Resultaattype(ctx context.Context, url string) (*model.Resultaattype, error) {
	if url == "" {
		return nil, nil
	}
	return l.resultaattype.Load(ctx, url)()
}

// Resultaattypen loads resultaattypen by URL.
func (l *Loaders) Resultaattypen(ctx context.Context, urls []string) ([]*model.Resultaattype, []error) {
	return loadMany(ctx, l.resultaattype, urls)
}

// Roltype loads a roltype by URL.
func (l *Loaders) Roltype(ctx context.Context, url string) (*model.Roltype, error) {
	if url == "" {
		return nil, nil
	}
	return l.roltype.Load(ctx, url)()
}

// Roltypen loads roltypen by URL.
func (l *Loaders) Roltypen(ctx context.Context, urls []string) ([]*model.Roltype, []error) {
	return loadMany(ctx, l.roltype, urls)
}

// Rol loads a rol by URL.
func (l *Loaders) Rol(ctx context.Context, url string) (*model.Rol, error) {
	if url == "" {
		return nil, nil
	}
	return l.rol.Load(ctx, url)()
}

// Document loads document metadata by URL.
func (l *Loaders) Document(ctx context.Context, url string) (*model.Document, error) {
	if url == "" {
		return nil, nil
	}
	return l.document.Load(ctx, url)()
}

// Informatieobjecttype loads a document type by URL.
func (l *Loaders) Informatieobjecttype(ctx context.Context, url string) (*model.Informatieobjecttype, error) {
	if url == "" {
		return nil, nil
	}
	return l.iotype.Load(ctx, url)()
}

// Klant loads a klant by URL.
func (l *Loaders) Klant(ctx context.Context, url string) (*model.Klant, error) {
	if url == "" {
		return nil, nil
	}
	return l.klant.Load(ctx, url)()
}

// Contactmoment loads a contactmoment by URL.
func (l *Loaders) Contactmoment(ctx context.Context, url string) (*model.Contactmoment, error) {
	if url == "" {
		return nil, nil
	}
	return l.contactmoment.Load(ctx, url)()
}

// Verzoek loads a verzoek by URL.
func (l *Loaders) Verzoek(ctx context.Context, url string) (*model.Verzoek, error) {
	if url == "" {
		return nil, nil
	}
	return l.verzoek.Load(ctx, url)()
}

// Node loads any object by type name and URL.
func (l *Loaders) Node(ctx context.Context, typ, url string) (model.Node, error) {
	var (
		n   model.Node
		err error
	)
	switch typ {
	case "Klant":
		n, err = nodeOf(l.Klant(ctx, url))
	case "Contactmoment":
		n, err = nodeOf(l.Contactmoment(ctx, url))
	case "Verzoek":
		n, err = nodeOf(l.Verzoek(ctx, url))
	case "Zaak":
		n, err = nodeOf(l.Zaak(ctx, url))
	case "Zaaktype":
		n, err = nodeOf(l.Zaaktype(ctx, url))
	case "Status":
		n, err = nodeOf(l.Status(ctx, url))
	case "Statustype":
		n, err = nodeOf(l.Statustype(ctx, url))
	case "Resultaat":
		n, err = nodeOf(l.Resultaat(ctx, url))
	case "Resultaattype":
		n, err = nodeOf(l.Resultaattype(ctx, url))
	case "Rol":
		n, err = nodeOf(l.Rol(ctx, url))
	case "Roltype":
		n, err = nodeOf(l.Roltype(ctx, url))
	case "Document":
		n, err = nodeOf(l.Document(ctx, url))
	case "Informatieobjecttype":
		n, err = nodeOf(l.Informatieobjecttype(ctx, url))
	case "InterneTaak":
		n, err = nodeOf(l.InterneTaak(ctx, url))
	default:
		return nil, &UserError{Message: "unknown node type " + typ}
	}
	return n, err
}

func nodeOf[T model.Node](v T, err error) (model.Node, error) {
	if err != nil {
		return nil, err
	}
	var n model.Node = v
	return n, nil
}

// zaakExtra is the part of a zaken search body that decides the shape of
// the answer: the request's expand set.
func zaakExtra(l *Loaders) map[string]any {
	if e := l.zaakExpandSet(); len(e) > 0 {
		return map[string]any{"expand": e}
	}
	return nil
}
