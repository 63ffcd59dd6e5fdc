package loaders

import (
	"context"
	"sort"
	"strings"
	"sync"

	"github.com/graph-gophers/dataloader/v7"

	"github.com/klantgraaf/klantgraaf/model"
	"github.com/klantgraaf/klantgraaf/upstream"
	"github.com/klantgraaf/klantgraaf/upstream/contactmomenten"
	"github.com/klantgraaf/klantgraaf/upstream/documenten"
	"github.com/klantgraaf/klantgraaf/upstream/verzoeken"
	"github.com/klantgraaf/klantgraaf/upstream/zaken"
)

// relationLoaders are keyed by the parent's URL and load a whole relation
// list for a batch of parents at once.
type relationLoaders struct {
	rollenByZaak        *dataloader.Loader[string, []*model.Rol]
	eigenschappenByZaak *dataloader.Loader[string, []*model.ZaakEigenschap]
	documentURLsByZaak  *dataloader.Loader[string, []string]
	cmURLsByZaak        *dataloader.Loader[string, []string]
}

// newZaakRelationLoader loads one _expand relation for a batch of zaken with
// POST /zaken/_zoek {uuid__in, expand}: one request per zaaksysteem and
// chunk, however many zaken ask.
func newZaakRelationLoader[V any](l *Loaders, expand []string, pick func(ctx context.Context, z *zaken.Zaak) V) *dataloader.Loader[string, V] {
	batch := func(ctx context.Context, keys []string) []*dataloader.Result[V] {
		out := make([]*dataloader.Result[V], len(keys))
		groups := map[*upstream.Client][]int{}
		for i, k := range keys {
			c, err := l.route(k, "zaak", upstream.APIZaken)
			if err != nil {
				out[i] = &dataloader.Result[V]{Error: err}
				continue
			}
			groups[c] = append(groups[c], i)
		}
		var wg sync.WaitGroup
		for c, idx := range groups {
			wg.Add(1)
			go func(c *upstream.Client, idx []int) {
				defer wg.Done()
				uuids := make([]string, len(idx))
				for j, i := range idx {
					uuids[j] = uuidOf(keys[i])
				}
				zc := zaken.New(c)
				found := map[string]*zaken.Zaak{}
				var ferr error
				for start := 0; start < len(uuids); start += zoekChunk {
					end := min(start+zoekChunk, len(uuids))
					req := zaken.ZaakZoekRequest{UUIDIn: uuids[start:end]}
					req.Expand = expand
					items, err := zc.SearchAll(ctx, req, zoekChunk, 2)
					if err != nil {
						ferr = err
						break
					}
					for i := range items {
						found[uuidOf(items[i].URL)] = &items[i]
					}
				}
				for _, i := range idx {
					z, ok := found[uuidOf(keys[i])]
					switch {
					case ferr != nil:
						out[i] = &dataloader.Result[V]{Error: ferr}
					case !ok:
						out[i] = &dataloader.Result[V]{Error: &NotFoundError{Source: c.Name(), URL: keys[i]}}
					default:
						out[i] = &dataloader.Result[V]{Data: pick(ctx, z)}
					}
				}
			}(c, idx)
		}
		wg.Wait()
		return out
	}
	return dataloader.NewBatchedLoader(batch, dataloader.WithWait[string, V](l.f.opts.BatchWait))
}

func (l *Loaders) initRelations() {
	l.rollenByZaak = newZaakRelationLoader(l, []string{zaken.ExpandRollen, zaken.ExpandRollenRoltype},
		func(ctx context.Context, z *zaken.Zaak) []*model.Rol {
			out := []*model.Rol{}
			if z.Expand == nil {
				return out
			}
			for i := range z.Expand.Rollen {
				r := &z.Expand.Rollen[i]
				mr := toRol(r)
				l.rol.Prime(ctx, r.URL, mr)
				if r.Expand != nil && r.Expand.Roltype != nil {
					l.roltype.Prime(ctx, r.Expand.Roltype.URL, toRoltype(r.Expand.Roltype))
				}
				out = append(out, mr)
			}
			return out
		})
	l.eigenschappenByZaak = newZaakRelationLoader(l, []string{zaken.ExpandEigenschappen},
		func(ctx context.Context, z *zaken.Zaak) []*model.ZaakEigenschap {
			out := []*model.ZaakEigenschap{}
			if z.Expand != nil {
				for i := range z.Expand.Eigenschappen {
					out = append(out, toZaakEigenschap(&z.Expand.Eigenschappen[i]))
				}
			}
			return out
		})
	l.documentURLsByZaak = newZaakRelationLoader(l, []string{zaken.ExpandZaakinformatieobjecten},
		func(ctx context.Context, z *zaken.Zaak) []string {
			out := []string{}
			if z.Expand != nil {
				for _, zio := range z.Expand.Zaakinformatieobjecten {
					out = append(out, zio.Informatieobject)
				}
			}
			return out
		})
	l.cmURLsByZaak = dataloader.NewBatchedLoader(l.batchContactmomentenByZaak, dataloader.WithWait[string, []string](l.f.opts.BatchWait))
}

// objectChunk bounds the URLs in one comma-separated object/klant filter.
const objectChunk = 20

// batchContactmomentenByZaak finds the contactmomenten of a batch of zaken
// with Open Klant's comma-separated object filter: one request per
// contactmomenten provider and chunk, with the links embedded so each
// contactmoment is attributed to its zaken.
func (l *Loaders) batchContactmomentenByZaak(ctx context.Context, keys []string) []*dataloader.Result[[]string] {
	out := make([]*dataloader.Result[[]string], len(keys))
	byZaak := map[string][]string{}
	var mu sync.Mutex
	var errs []error
	var wg sync.WaitGroup
	for _, c := range l.f.reg.ByKind(upstream.APIContactmomenten) {
		for start := 0; start < len(keys); start += objectChunk {
			chunk := keys[start:min(start+objectChunk, len(keys))]
			wg.Add(1)
			go func(c *upstream.Client, chunk []string) {
				defer wg.Done()
				want := map[string]bool{}
				for _, k := range chunk {
					want[k] = true
				}
				opts := contactmomenten.ContactMomentListOptions{Object: chunk, Expand: cmExpand, Ordering: "-registratiedatum"}
				items, err := l.walkContactmomenten(ctx, c, opts)
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					errs = append(errs, err)
					return
				}
				for _, cm := range items {
					for _, o := range cm.ObjectLinks {
						if want[o.Object] {
							byZaak[o.Object] = append(byZaak[o.Object], cm.URL)
						}
					}
				}
			}(c, chunk)
		}
	}
	wg.Wait()
	for i, k := range keys {
		if len(errs) > 0 && len(byZaak[k]) == 0 {
			out[i] = &dataloader.Result[[]string]{Error: errs[0]}
			continue
		}
		out[i] = &dataloader.Result[[]string]{Data: dedupe(byZaak[k])}
	}
	return out
}

// walkContactmomenten lists contactmomenten (all pages, bounded), priming
// the contactmoment loader with each.
func (l *Loaders) walkContactmomenten(ctx context.Context, c *upstream.Client, opts contactmomenten.ContactMomentListOptions) ([]*model.Contactmoment, error) {
	cc := contactmomenten.New(c)
	var out []*model.Contactmoment
	opts.Page = 1
	for {
		p, err := cc.List(ctx, opts)
		if err != nil {
			return out, err
		}
		for i := range p.Results {
			m := toContactmoment(c, &p.Results[i])
			l.contactmoment.Prime(ctx, m.URL, m)
			out = append(out, m)
		}
		if !p.HasNext() || len(out) >= l.f.opts.MaxListItems {
			return out, nil
		}
		opts.Page++
	}
}

func dedupe(urls []string) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, u := range urls {
		if !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	return out
}

// RollenOfZaak returns the rollen of a zaak.
func (l *Loaders) RollenOfZaak(ctx context.Context, z *model.Zaak) ([]*model.Rol, error) {
	if len(z.RolURLs) == 0 {
		return []*model.Rol{}, nil
	}
	return l.rollenByZaak.Load(ctx, z.URL)()
}

// EigenschappenOfZaak returns the eigenschappen of a zaak.
func (l *Loaders) EigenschappenOfZaak(ctx context.Context, z *model.Zaak) ([]*model.ZaakEigenschap, error) {
	if len(z.EigenschapURLs) == 0 {
		return []*model.ZaakEigenschap{}, nil
	}
	return l.eigenschappenByZaak.Load(ctx, z.URL)()
}

// DocumentenOfZaak returns the documents of a zaak.
func (l *Loaders) DocumentenOfZaak(ctx context.Context, z *model.Zaak) ([]*model.Document, []error) {
	if len(z.ZaakinformatieobjectURLs) == 0 {
		return []*model.Document{}, nil
	}
	urls, err := l.documentURLsByZaak.Load(ctx, z.URL)()
	if err != nil {
		return nil, []error{err}
	}
	return loadMany(ctx, l.document, urls)
}

// StatussenOfZaak returns the status history of a zaak, oldest first.
func (l *Loaders) StatussenOfZaak(ctx context.Context, zaakURL string) ([]*model.Status, error) {
	c, err := l.route(zaakURL, "zaak", upstream.APIZaken)
	if err != nil {
		return nil, err
	}
	v, errs := l.memo.do(ctx, "statussen "+zaakURL, func() (any, []error) {
		zc := zaken.New(c)
		var out []*model.Status
		opts := zaken.StatusListOptions{Zaak: zaakURL, Page: 1}
		for {
			p, err := zc.ListStatussen(ctx, opts)
			if err != nil {
				return nil, []error{err}
			}
			for i := range p.Results {
				m := toStatus(&p.Results[i])
				l.status.Prime(ctx, m.URL, m)
				out = append(out, m)
			}
			if !p.HasNext() || len(out) >= l.f.opts.MaxListItems {
				break
			}
			opts.Page++
		}
		sort.SliceStable(out, func(i, j int) bool { return timeOf(out[i].DatumStatusGezet) < timeOf(out[j].DatumStatusGezet) })
		return out, nil
	})
	if len(errs) > 0 {
		return nil, errs[0]
	}
	return v.([]*model.Status), nil
}

// ContactmomentenOfZaak returns the contactmomenten about a zaak, newest first.
// Both generations are asked: v1 contactmomenten by Open Klant's object
// filter (batched over zaken), v2 klantcontacten by the zaak's uuid and
// register code.
func (l *Loaders) ContactmomentenOfZaak(ctx context.Context, zaakURL string) ([]*model.Contactmoment, []error) {
	var v2 []*model.Contactmoment
	var v2errs []error
	done := make(chan struct{})
	go func() {
		defer close(done)
		v2, v2errs = l.klantcontactenOfZaak(ctx, zaakURL)
	}()
	urls, err := l.cmURLsByZaak.Load(ctx, zaakURL)()
	var items []*model.Contactmoment
	var errs []error
	if err != nil {
		errs = append(errs, err)
	} else {
		items, errs = loadMany(ctx, l.contactmoment, urls)
	}
	<-done
	items = append(items, v2...)
	errs = append(errs, v2errs...)
	sortContactmomenten(items)
	return items, errs
}

// VerzoekenOfZaak returns the verzoeken about a zaak.
func (l *Loaders) VerzoekenOfZaak(ctx context.Context, zaakURL string) ([]*model.Verzoek, []error) {
	return l.verzoekLinks(ctx, "objectverzoeken", zaakURL, func(vc *verzoeken.Client, page int) ([]string, bool, error) {
		p, err := vc.ListObjectVerzoeken(ctx, zaakURL, "", page)
		if err != nil {
			return nil, false, err
		}
		var out []string
		for _, o := range p.Results {
			out = append(out, o.Verzoek)
		}
		return out, p.HasNext(), nil
	})
}

// VerzoekenOfContactmoment returns the verzoeken a contactmoment belongs to.
func (l *Loaders) VerzoekenOfContactmoment(ctx context.Context, cmURL string) ([]*model.Verzoek, []error) {
	return l.verzoekLinks(ctx, "verzoekcontactmomenten", cmURL, func(vc *verzoeken.Client, page int) ([]string, bool, error) {
		p, err := vc.ListVerzoekContactMomenten(ctx, "", cmURL, page)
		if err != nil {
			return nil, false, err
		}
		var out []string
		for _, o := range p.Results {
			out = append(out, o.Verzoek)
		}
		return out, p.HasNext(), nil
	})
}

// verzoekLinks collects verzoek URLs from a relation list at every verzoeken
// provider and loads them.
func (l *Loaders) verzoekLinks(ctx context.Context, what, key string, list func(vc *verzoeken.Client, page int) ([]string, bool, error)) ([]*model.Verzoek, []error) {
	urls, errs := l.collectAll(ctx, what+" "+key, upstream.APIVerzoeken, func(c *upstream.Client, page int) ([]string, bool, error) {
		return list(verzoeken.New(c), page)
	})
	items, lerrs := loadMany(ctx, l.verzoek, urls)
	sortVerzoeken(items)
	return items, append(errs, lerrs...)
}

// collectAll walks a paginated relation list at every provider of a kind and
// returns the deduplicated URLs it names (memoised per request).
func (l *Loaders) collectAll(ctx context.Context, key string, kind upstream.APIKind, list func(c *upstream.Client, page int) ([]string, bool, error)) ([]string, []error) {
	v, errs := l.memo.do(ctx, key, func() (any, []error) {
		var mu sync.Mutex
		var wg sync.WaitGroup
		var all []string
		var errs []error
		for _, c := range l.f.reg.ByKind(kind) {
			wg.Add(1)
			go func(c *upstream.Client) {
				defer wg.Done()
				var got []string
				for page := 1; ; page++ {
					urls, more, err := list(c, page)
					if err != nil {
						mu.Lock()
						errs = append(errs, err)
						mu.Unlock()
						return
					}
					got = append(got, urls...)
					if !more || len(got) >= l.f.opts.MaxListItems {
						break
					}
				}
				mu.Lock()
				all = append(all, got...)
				mu.Unlock()
			}(c)
		}
		wg.Wait()
		return dedupe(all), errs
	})
	urls, _ := v.([]string)
	return urls, errs
}

// KlantenOfContactmoment returns the klanten of a contactmoment with their rol.
func (l *Loaders) KlantenOfContactmoment(ctx context.Context, cm *model.Contactmoment) ([]*model.ContactmomentKlant, error) {
	if cm.KlantLinksLoaded {
		return cm.KlantLinks, nil
	}
	c, err := l.route(cm.URL, "contactmoment", upstream.APIContactmomenten)
	if err != nil {
		return nil, err
	}
	cc := contactmomenten.New(c)
	out := []*model.ContactmomentKlant{}
	for page := 1; ; page++ {
		p, err := cc.ListKlantContactMomenten(ctx, cm.URL, "", "", page)
		if err != nil {
			return nil, err
		}
		for i := range p.Results {
			out = append(out, toContactmomentKlant(&p.Results[i]))
		}
		if !p.HasNext() || len(out) >= l.f.opts.MaxListItems {
			return out, nil
		}
	}
}

// ObjectenOfContactmoment returns the object links of a contactmoment.
func (l *Loaders) ObjectenOfContactmoment(ctx context.Context, cm *model.Contactmoment) ([]*model.ObjectLink, error) {
	if cm.ObjectLinksLoaded {
		return cm.ObjectLinks, nil
	}
	c, err := l.route(cm.URL, "contactmoment", upstream.APIContactmomenten)
	if err != nil {
		return nil, err
	}
	cc := contactmomenten.New(c)
	out := []*model.ObjectLink{}
	for page := 1; ; page++ {
		p, err := cc.ListObjectContactMomenten(ctx, "", cm.URL, page)
		if err != nil {
			return nil, err
		}
		for _, o := range p.Results {
			out = append(out, &model.ObjectLink{ObjectType: o.ObjectType, Object: o.Object})
		}
		if !p.HasNext() || len(out) >= l.f.opts.MaxListItems {
			return out, nil
		}
	}
}

// ZakenOfContactmoment returns the zaken a contactmoment is about. Links to
// objects that are not zaken at a configured provider are skipped; links to
// unknown hosts are reported as UNKNOWN_SOURCE and never fetched.
func (l *Loaders) ZakenOfContactmoment(ctx context.Context, cm *model.Contactmoment) ([]*model.Zaak, []error) {
	links, err := l.ObjectenOfContactmoment(ctx, cm)
	if err != nil {
		return nil, []error{err}
	}
	var urls []string
	for _, o := range links {
		if o.ObjectType == "" || strings.EqualFold(o.ObjectType, "zaak") {
			urls = append(urls, o.Object)
		}
	}
	return loadMany(ctx, l.zaak, urls)
}

// KlantOfRol returns the klant a rol's betrokkene points at, when it is a
// klant at a configured klanten provider.
func (l *Loaders) KlantOfRol(ctx context.Context, r *model.Rol) (*model.Klant, error) {
	if r.Betrokkene == "" {
		return nil, nil
	}
	c, err := l.f.reg.Route(r.Betrokkene)
	if err != nil {
		if upstream.IsKind(err, upstream.UnknownSource) {
			// A betrokkene in a register klantgraaf does not serve (BRP,
			// HR): not a klant, not an error.
			return nil, nil
		}
		return nil, err
	}
	if c.Kind() != upstream.APIKlanten && c.Kind() != upstream.APIKlantinteracties {
		return nil, nil
	}
	return l.Klant(ctx, r.Betrokkene)
}

// KlantenOfVerzoek returns the klanten of a verzoek.
func (l *Loaders) KlantenOfVerzoek(ctx context.Context, verzoekURL string) ([]*model.VerzoekKlant, error) {
	c, err := l.route(verzoekURL, "verzoek", upstream.APIVerzoeken)
	if err != nil {
		return nil, err
	}
	vc := verzoeken.New(c)
	out := []*model.VerzoekKlant{}
	for page := 1; ; page++ {
		p, err := vc.ListKlantVerzoeken(ctx, "", verzoekURL, page)
		if err != nil {
			return nil, err
		}
		for _, k := range p.Results {
			out = append(out, &model.VerzoekKlant{Rol: k.Rol, IndicatieMachtiging: k.IndicatieMachtiging, KlantURL: k.Klant})
		}
		if !p.HasNext() || len(out) >= l.f.opts.MaxListItems {
			return out, nil
		}
	}
}

// ZakenOfVerzoek returns the zaken a verzoek is about.
func (l *Loaders) ZakenOfVerzoek(ctx context.Context, verzoekURL string) ([]*model.Zaak, []error) {
	c, err := l.route(verzoekURL, "verzoek", upstream.APIVerzoeken)
	if err != nil {
		return nil, []error{err}
	}
	vc := verzoeken.New(c)
	var urls []string
	for page := 1; ; page++ {
		p, err := vc.ListObjectVerzoeken(ctx, "", verzoekURL, page)
		if err != nil {
			return nil, []error{err}
		}
		for _, o := range p.Results {
			urls = append(urls, o.Object)
		}
		if !p.HasNext() || len(urls) >= l.f.opts.MaxListItems {
			break
		}
	}
	return loadMany(ctx, l.zaak, urls)
}

// ContactmomentenOfVerzoek returns the contactmomenten of a verzoek.
func (l *Loaders) ContactmomentenOfVerzoek(ctx context.Context, verzoekURL string) ([]*model.Contactmoment, []error) {
	c, err := l.route(verzoekURL, "verzoek", upstream.APIVerzoeken)
	if err != nil {
		return nil, []error{err}
	}
	vc := verzoeken.New(c)
	var urls []string
	for page := 1; ; page++ {
		p, err := vc.ListVerzoekContactMomenten(ctx, verzoekURL, "", page)
		if err != nil {
			return nil, []error{err}
		}
		for _, o := range p.Results {
			urls = append(urls, o.Contactmoment)
		}
		if !p.HasNext() || len(urls) >= l.f.opts.MaxListItems {
			break
		}
	}
	items, errs := loadMany(ctx, l.contactmoment, urls)
	sortContactmomenten(items)
	return items, errs
}

// DocumentenOfVerzoek returns the documents of a verzoek.
func (l *Loaders) DocumentenOfVerzoek(ctx context.Context, verzoekURL string) ([]*model.Document, []error) {
	c, err := l.route(verzoekURL, "verzoek", upstream.APIVerzoeken)
	if err != nil {
		return nil, []error{err}
	}
	vc := verzoeken.New(c)
	var urls []string
	for page := 1; ; page++ {
		p, err := vc.ListVerzoekInformatieObjecten(ctx, verzoekURL, "", page)
		if err != nil {
			return nil, []error{err}
		}
		for _, o := range p.Results {
			urls = append(urls, o.Informatieobject)
		}
		if !p.HasNext() || len(urls) >= l.f.opts.MaxListItems {
			break
		}
	}
	return loadMany(ctx, l.document, urls)
}

var _ = documenten.ObjectInformatieObject{}

func timeOf(t *model.DateTime) int64 {
	if t == nil {
		return 0
	}
	return timeUnix(*t)
}

// sortContactmomenten orders newest first, then by URL for stability.
func sortContactmomenten(items []*model.Contactmoment) {
	sort.SliceStable(items, func(i, j int) bool {
		a, b := timeOf(items[i].Registratiedatum), timeOf(items[j].Registratiedatum)
		if a != b {
			return a > b
		}
		return items[i].URL < items[j].URL
	})
}

// sortVerzoeken orders newest first.
func sortVerzoeken(items []*model.Verzoek) {
	sort.SliceStable(items, func(i, j int) bool {
		a, b := timeOf(items[i].Registratiedatum), timeOf(items[j].Registratiedatum)
		if a != b {
			return a > b
		}
		return items[i].URL < items[j].URL
	})
}

// sortZaken orders by startdatum, newest first, then identificatie.
func sortZaken(items []*model.Zaak) {
	sort.SliceStable(items, func(i, j int) bool {
		a, b := dateOf(items[i].Startdatum), dateOf(items[j].Startdatum)
		if a != b {
			return a > b
		}
		return items[i].Identificatie > items[j].Identificatie
	})
}

func dateOf(d *model.Date) string {
	if d == nil {
		return ""
	}
	return string(*d)
}
