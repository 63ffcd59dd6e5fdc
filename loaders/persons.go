package loaders

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/klantgraaf/klantgraaf/model"
	"github.com/klantgraaf/klantgraaf/upstream"
	"github.com/klantgraaf/klantgraaf/upstream/contactmomenten"
	"github.com/klantgraaf/klantgraaf/upstream/klanten"
	"github.com/klantgraaf/klantgraaf/upstream/verzoeken"
	"github.com/klantgraaf/klantgraaf/upstream/zaken"
)

// Ident identifies a person (BSN) or a company (KvK number or
// vestigingsnummer); exactly one is set.
type Ident struct {
	BSN              string
	KvK              string
	Vestigingsnummer string
}

func (id Ident) key() string { return id.BSN + "|" + id.KvK + "|" + id.Vestigingsnummer }

// ValidateIdent checks the identifier's format: a BSN is 9 digits passing
// the 11-proef, a KvK number 8 digits, a vestigingsnummer 12 digits.
func ValidateIdent(id Ident) error {
	switch {
	case id.BSN != "":
		if !digits(id.BSN, 9) || !elfproef(id.BSN) {
			return &UserError{Message: fmt.Sprintf("bsn %q is not a valid BSN (9 digits passing the 11-proef)", id.BSN)}
		}
	case id.KvK != "":
		if !digits(id.KvK, 8) {
			return &UserError{Message: fmt.Sprintf("kvkNummer %q is not a KvK number (8 digits)", id.KvK)}
		}
	case id.Vestigingsnummer != "":
		if !digits(id.Vestigingsnummer, 12) {
			return &UserError{Message: fmt.Sprintf("vestigingsnummer %q is not a vestigingsnummer (12 digits)", id.Vestigingsnummer)}
		}
	default:
		return &UserError{Message: "an identifier is required"}
	}
	return nil
}

func digits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func elfproef(bsn string) bool {
	sum := 0
	for i := 0; i < 8; i++ {
		sum += int(bsn[i]-'0') * (9 - i)
	}
	sum -= int(bsn[8] - '0')
	return sum%11 == 0
}

func joinComma(s []string) string { return strings.Join(s, ",") }

// kvkSubjectURL is how v1 klanten of companies point at the Handelsregister.
func kvkSubjectURL(kvk string) string { return "https://api.kvk.nl/api/v1/basisprofielen/" + kvk }

// KlantenByIdent finds the klant records of a person or company at every
// klanten provider (memoised per request).
func (l *Loaders) KlantenByIdent(ctx context.Context, id Ident) ([]*model.Klant, []error) {
	v, errs := l.memo.do(ctx, "klanten "+id.key(), func() (any, []error) {
		opts := klanten.KlantListOptions{}
		switch {
		case id.BSN != "":
			opts.SubjectNatuurlijkPersoonInpBsn = id.BSN
		case id.KvK != "":
			opts.Subject = kvkSubjectURL(id.KvK)
		case id.Vestigingsnummer != "":
			opts.SubjectVestigingVestigingsNummer = id.Vestigingsnummer
		}
		var mu sync.Mutex
		var wg sync.WaitGroup
		var out []*model.Klant
		var errs []error
		for _, c := range l.f.reg.ByKind(upstream.APIKlanten) {
			wg.Add(1)
			go func(c *upstream.Client) {
				defer wg.Done()
				kc := klanten.New(c)
				o := opts
				o.Page = 1
				for {
					p, err := kc.List(ctx, o)
					mu.Lock()
					if err != nil {
						errs = append(errs, err)
						mu.Unlock()
						return
					}
					for i := range p.Results {
						m := toKlant(c, &p.Results[i])
						l.klant.Prime(ctx, m.URL, m)
						out = append(out, m)
					}
					mu.Unlock()
					if !p.HasNext() || o.Page*100 >= l.f.opts.MaxListItems {
						return
					}
					o.Page++
				}
			}(c)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			ps, perrs := l.partijenByIdent(ctx, id)
			mu.Lock()
			out = append(out, ps...)
			errs = append(errs, perrs...)
			mu.Unlock()
		}()
		wg.Wait()
		sort.SliceStable(out, func(i, j int) bool { return out[i].URL < out[j].URL })
		return out, errs
	})
	items, _ := v.([]*model.Klant)
	return items, errs
}

// ContactmomentenOfKlanten lists the contactmomenten of klant records at
// every contactmomenten provider, newest first, with Open Klant's
// comma-separated klant filter: one request per provider (and page),
// whatever the number of klanten.
func (l *Loaders) ContactmomentenOfKlanten(ctx context.Context, klantURLs []string) ([]*model.Contactmoment, []error) {
	if len(klantURLs) == 0 {
		return []*model.Contactmoment{}, nil
	}
	v, errs := l.memo.do(ctx, "cm-of-klanten "+joinComma(klantURLs), func() (any, []error) {
		byKind, errs := l.kindsOf(klantURLs)
		klantURLs := byKind[upstream.APIKlanten]
		var mu sync.Mutex
		var wg sync.WaitGroup
		var out []*model.Contactmoment
		if partijen := byKind[upstream.APIKlantinteracties]; len(partijen) > 0 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				items, perrs := l.klantcontactenOfPartijen(ctx, partijen)
				mu.Lock()
				out = append(out, items...)
				errs = append(errs, perrs...)
				mu.Unlock()
			}()
		}
		if len(klantURLs) == 0 {
			wg.Wait()
			sortContactmomenten(out)
			return out, errs
		}
		for _, c := range l.f.reg.ByKind(upstream.APIContactmomenten) {
			for start := 0; start < len(klantURLs); start += objectChunk {
				chunk := klantURLs[start:min(start+objectChunk, len(klantURLs))]
				wg.Add(1)
				go func(c *upstream.Client, chunk []string) {
					defer wg.Done()
					items, err := l.walkContactmomenten(ctx, c, contactmomenten.ContactMomentListOptions{
						Klant: chunk, Expand: cmExpand, Ordering: "-registratiedatum"})
					mu.Lock()
					defer mu.Unlock()
					if err != nil {
						errs = append(errs, err)
					}
					out = append(out, items...)
				}(c, chunk)
			}
		}
		wg.Wait()
		out = dedupeBy(out, func(c *model.Contactmoment) string { return c.URL })
		sortContactmomenten(out)
		return out, errs
	})
	items, _ := v.([]*model.Contactmoment)
	return items, errs
}

// VerzoekenOfKlanten lists the verzoeken of klant records, newest first.
func (l *Loaders) VerzoekenOfKlanten(ctx context.Context, klantURLs []string) ([]*model.Verzoek, []error) {
	// Verzoeken belong to v1 klanten only; Klantinteracties has no verzoeken.
	byKind, _ := l.kindsOf(klantURLs)
	klantURLs = byKind[upstream.APIKlanten]
	if len(klantURLs) == 0 {
		return []*model.Verzoek{}, nil
	}
	var all []*model.Verzoek
	var errs []error
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, k := range klantURLs {
		wg.Add(1)
		go func(k string) {
			defer wg.Done()
			items, e := l.verzoekLinks(ctx, "klantverzoeken", k, func(vc *verzoeken.Client, page int) ([]string, bool, error) {
				p, err := vc.ListKlantVerzoeken(ctx, k, "", page)
				if err != nil {
					return nil, false, err
				}
				var out []string
				for _, o := range p.Results {
					out = append(out, o.Verzoek)
				}
				return out, p.HasNext(), nil
			})
			mu.Lock()
			all = append(all, items...)
			errs = append(errs, e...)
			mu.Unlock()
		}(k)
	}
	wg.Wait()
	all = dedupeBy(all, func(v *model.Verzoek) string { return v.URL })
	sortVerzoeken(all)
	return all, errs
}

// zakenWhere lists the zaken matching a filter at every zaaksysteem (all
// pages, bounded), with the request's expand set, priming the loaders.
func (l *Loaders) zakenWhere(ctx context.Context, key string, f zaken.ZaakFilter) ([]*model.Zaak, []error) {
	v, errs := l.memo.do(ctx, "zaken "+key, func() (any, []error) {
		f.Expand = l.zaakExpandSet()
		f.Ordering = []string{"-startdatum"}
		var mu sync.Mutex
		var wg sync.WaitGroup
		var out []*model.Zaak
		var errs []error
		for _, c := range l.f.reg.ByKind(upstream.APIZaken) {
			wg.Add(1)
			go func(c *upstream.Client) {
				defer wg.Done()
				zc := zaken.New(c)
				opts := zaken.ZaakListOptions{ZaakFilter: f, Page: 1, PageSize: 100}
				for {
					p, err := zc.List(ctx, opts)
					if err != nil {
						mu.Lock()
						errs = append(errs, err)
						mu.Unlock()
						return
					}
					mu.Lock()
					for i := range p.Results {
						m := l.zaakFrom(ctx, c, &p.Results[i])
						l.zaak.Prime(ctx, m.URL, m)
						out = append(out, m)
					}
					mu.Unlock()
					if !p.HasNext() || opts.Page*opts.PageSize >= l.f.opts.MaxListItems {
						return
					}
					opts.Page++
				}
			}(c)
		}
		wg.Wait()
		return out, errs
	})
	items, _ := v.([]*model.Zaak)
	return items, errs
}

// zakenByIdent finds zaken by the identification inside their rollen.
func (l *Loaders) zakenByIdent(ctx context.Context, id Ident) ([]*model.Zaak, []error) {
	switch {
	case id.BSN != "":
		return l.zakenWhere(ctx, "bsn "+id.BSN, zaken.ZaakFilter{BSN: id.BSN})
	case id.KvK != "":
		// A company appears as niet-natuurlijk persoon or as one of its
		// vestigingen.
		a, ea := l.zakenWhere(ctx, "kvk "+id.KvK, zaken.ZaakFilter{KvK: id.KvK})
		b, eb := l.zakenWhere(ctx, "vestiging-kvk "+id.KvK, zaken.ZaakFilter{VestigingKvK: id.KvK})
		return append(a, b...), append(ea, eb...)
	case id.Vestigingsnummer != "":
		a, ea := l.zakenWhere(ctx, "vestiging "+id.Vestigingsnummer, zaken.ZaakFilter{Vestigingsnummer: id.Vestigingsnummer})
		b, eb := l.zakenWhere(ctx, "nnp-vestiging "+id.Vestigingsnummer, zaken.ZaakFilter{NnpVestigingsnummer: id.Vestigingsnummer})
		return append(a, b...), append(ea, eb...)
	}
	return nil, nil
}

// zakenByBetrokkene finds zaken whose rol.betrokkene is one of the URLs.
func (l *Loaders) zakenByBetrokkene(ctx context.Context, urls []string) ([]*model.Zaak, []error) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	var out []*model.Zaak
	var errs []error
	for _, u := range urls {
		wg.Add(1)
		go func(u string) {
			defer wg.Done()
			items, e := l.zakenWhere(ctx, "betrokkene "+u, zaken.ZaakFilter{RolBetrokkene: u})
			mu.Lock()
			out = append(out, items...)
			errs = append(errs, e...)
			mu.Unlock()
		}(u)
	}
	wg.Wait()
	return out, errs
}

// ZakenOfPerson merges the zaken found by identifier and by klant URLs over
// every zaaksysteem, without duplicates, newest first.
func (l *Loaders) ZakenOfPerson(ctx context.Context, id Ident, klantURLs []string) ([]*model.Zaak, []error) {
	var a, b []*model.Zaak
	var ea, eb []error
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); a, ea = l.zakenByIdent(ctx, id) }()
	go func() { defer wg.Done(); b, eb = l.zakenByBetrokkene(ctx, klantURLs) }()
	wg.Wait()
	all := dedupeBy(append(a, b...), func(z *model.Zaak) string { return z.URL })
	sortZaken(all)
	return all, append(ea, eb...)
}

// ZakenOfIdent is ZakenOfPerson for an identifier whose klant records are
// looked up first; the search by identifier starts at once, in parallel.
func (l *Loaders) ZakenOfIdent(ctx context.Context, id Ident) ([]*model.Zaak, []error) {
	var a, b []*model.Zaak
	var ea, eb []error
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); a, ea = l.zakenByIdent(ctx, id) }()
	go func() {
		defer wg.Done()
		ks, kerrs := l.KlantenByIdent(ctx, id)
		urls := make([]string, 0, len(ks))
		for _, k := range ks {
			urls = append(urls, k.URL)
		}
		b, eb = l.zakenByBetrokkene(ctx, urls)
		_ = kerrs // reported by the klanten field
	}()
	wg.Wait()
	all := dedupeBy(append(a, b...), func(z *model.Zaak) string { return z.URL })
	sortZaken(all)
	return all, append(ea, eb...)
}

func dedupeBy[T any](items []T, key func(T) string) []T {
	seen := make(map[string]bool, len(items))
	out := make([]T, 0, len(items))
	for _, it := range items {
		k := key(it)
		if !seen[k] {
			seen[k] = true
			out = append(out, it)
		}
	}
	return out
}
