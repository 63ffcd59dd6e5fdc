package loaders

import (
	"context"
	"encoding/json"
	"strings"
	"sync"

	"github.com/klantgraaf/klantgraaf/model"
	"github.com/klantgraaf/klantgraaf/upstream"
	"github.com/klantgraaf/klantgraaf/upstream/contactmomenten"
	"github.com/klantgraaf/klantgraaf/upstream/klanten"
	"github.com/klantgraaf/klantgraaf/upstream/klantinteracties"
)

// kcExpand is asked of every klantcontact read: its betrokkenen (the klant
// links), onderwerpobjecten (the zaken) and interne taken come embedded.
var kcExpand = []string{klantinteracties.ExpandHadBetrokkenen, klantinteracties.ExpandGingOverOnderwerpobjecten,
	klantinteracties.ExpandLeiddeTotInterneTaken}

// partijExpand is asked of every partij read: its digital addresses.
var partijExpand = []string{klantinteracties.ExpandDigitaleAdressen}

// resolveOnderwerp turns an onderwerpobject identificator into a link: a
// zaak at the zaaksysteem whose register code it names becomes that zaak's
// URL; anything else a URN no upstream owns.
func (l *Loaders) resolveOnderwerp(id *klantinteracties.Identificator) (string, string) {
	if strings.EqualFold(id.CodeObjecttype, "zaak") {
		for _, c := range l.f.reg.ByKind(upstream.APIZaken) {
			if rc := c.Config().RegisterCode; rc != "" && rc == id.CodeRegister {
				return "zaak", c.BaseURL() + "/zaken/" + id.ObjectID
			}
		}
	}
	return id.CodeObjecttype, "urn:klantgraaf:onderwerpobject:" + id.CodeRegister + ":" + id.CodeObjecttype + ":" + id.ObjectID
}

func (l *Loaders) klantcontactFrom(c *upstream.Client, kc *klantinteracties.Klantcontact) *model.Contactmoment {
	return toContactmomentFromKlantcontact(c, kc, l.resolveOnderwerp)
}

// fetchKlant and decodeKlant serve both generations of klant.
func fetchKlant(ctx context.Context, l *Loaders, c *upstream.Client, urls []string) map[string]fetched {
	if c.Kind() == upstream.APIKlantinteracties {
		return fetchEachExpanded(partijExpand)(ctx, l, c, urls)
	}
	return fetchEach(ctx, l, c, urls)
}

func decodeKlant(_ context.Context, c *upstream.Client, raw json.RawMessage) (*model.Klant, error) {
	if c.Kind() == upstream.APIKlantinteracties {
		var p klantinteracties.Partij
		if err := json.Unmarshal(raw, &p); err != nil {
			return nil, decodeErr(c, err)
		}
		return toKlantFromPartij(c, &p), nil
	}
	var k klanten.Klant
	if err := json.Unmarshal(raw, &k); err != nil {
		return nil, decodeErr(c, err)
	}
	return toKlant(c, &k), nil
}

func decodeErr(c *upstream.Client, err error) error {
	return &upstream.Error{Op: "decode", Kind: upstream.Decode, Source: c.Name(), Detail: "unexpected response shape", Err: err}
}

// fetchContactmoment and decodeContactmoment serve both generations.
func fetchContactmoment(ctx context.Context, l *Loaders, c *upstream.Client, urls []string) map[string]fetched {
	if c.Kind() == upstream.APIKlantinteracties {
		return fetchEachExpanded(kcExpand)(ctx, l, c, urls)
	}
	return fetchEachExpanded(cmExpand)(ctx, l, c, urls)
}

func (l *Loaders) decodeContactmoment(_ context.Context, c *upstream.Client, raw json.RawMessage) (*model.Contactmoment, error) {
	if c.Kind() == upstream.APIKlantinteracties {
		var kc klantinteracties.Klantcontact
		if err := json.Unmarshal(raw, &kc); err != nil {
			return nil, decodeErr(c, err)
		}
		return l.klantcontactFrom(c, &kc), nil
	}
	var v contactmomenten.ContactMoment
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, decodeErr(c, err)
	}
	return toContactmoment(c, &v), nil
}

func (l *Loaders) initV2() {
	l.interneTaak = newURLLoader(l, upstream.APIKlantinteracties, "interne taak", fetchEach,
		decodeAs(func(c *upstream.Client, t *klantinteracties.InterneTaak) *model.InterneTaak {
			return toInterneTaak(c, t)
		}))
}

// InterneTaak loads an interne taak by URL.
func (l *Loaders) InterneTaak(ctx context.Context, url string) (*model.InterneTaak, error) {
	if url == "" {
		return nil, nil
	}
	return l.interneTaak.Load(ctx, url)()
}

// partijIdentificatorFor names how Klantinteracties identifies the person or
// company.
func partijIdentificatorFor(id Ident) (soort, value string) {
	switch {
	case id.BSN != "":
		return "bsn", id.BSN
	case id.KvK != "":
		return "kvk_nummer", id.KvK
	default:
		return "vestigingsnummer", id.Vestigingsnummer
	}
}

// partijenByIdent finds the partijen of a person or company at every
// Klantinteracties provider.
func (l *Loaders) partijenByIdent(ctx context.Context, id Ident) ([]*model.Klant, []error) {
	soort, value := partijIdentificatorFor(id)
	var mu sync.Mutex
	var wg sync.WaitGroup
	var out []*model.Klant
	var errs []error
	for _, c := range l.f.reg.ByKind(upstream.APIKlantinteracties) {
		wg.Add(1)
		go func(c *upstream.Client) {
			defer wg.Done()
			kc := klantinteracties.New(c)
			opts := klantinteracties.PartijListOptions{PartijIdentificatorObjectID: value,
				PartijIdentificatorCodeSoortObjectID: soort, Expand: partijExpand, Page: 1}
			for {
				p, err := kc.ListPartijen(ctx, opts)
				mu.Lock()
				if err != nil {
					errs = append(errs, err)
					mu.Unlock()
					return
				}
				for i := range p.Results {
					m := toKlantFromPartij(c, &p.Results[i])
					l.klant.Prime(ctx, m.URL, m)
					out = append(out, m)
				}
				mu.Unlock()
				if !p.HasNext() || opts.Page*100 >= l.f.opts.MaxListItems {
					return
				}
				opts.Page++
			}
		}(c)
	}
	wg.Wait()
	return out, errs
}

// klantcontactenWhere lists klantcontacten at one provider (all pages,
// bounded), with their links embedded, priming the contactmoment loader.
func (l *Loaders) klantcontactenWhere(ctx context.Context, c *upstream.Client, opts klantinteracties.KlantcontactListOptions) ([]*model.Contactmoment, error) {
	kc := klantinteracties.New(c)
	opts.Expand = kcExpand
	opts.Page = 1
	var out []*model.Contactmoment
	for {
		p, err := kc.ListKlantcontacten(ctx, opts)
		if err != nil {
			return out, err
		}
		for i := range p.Results {
			m := l.klantcontactFrom(c, &p.Results[i])
			l.contactmoment.Prime(ctx, m.URL, m)
			out = append(out, m)
		}
		if !p.HasNext() || len(out) >= l.f.opts.MaxListItems {
			return out, nil
		}
		opts.Page++
	}
}

// klantcontactenOfPartijen lists the klantcontacten of partijen: one
// request (and page) per partij, since Klantinteracties has no __in filter;
// the links come embedded.
func (l *Loaders) klantcontactenOfPartijen(ctx context.Context, partijURLs []string) ([]*model.Contactmoment, []error) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	var out []*model.Contactmoment
	var errs []error
	for _, u := range partijURLs {
		c, err := l.route(u, "partij", upstream.APIKlantinteracties)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		wg.Add(1)
		go func(c *upstream.Client, u string) {
			defer wg.Done()
			items, err := l.klantcontactenWhere(ctx, c, klantinteracties.KlantcontactListOptions{HadBetrokkeneWasPartijURL: u})
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				errs = append(errs, err)
			}
			out = append(out, items...)
		}(c, u)
	}
	wg.Wait()
	return out, errs
}

// klantcontactenOfZaak finds the klantcontacten about a zaak at every
// Klantinteracties provider, by the zaak's uuid and its zaaksysteem's
// register code.
func (l *Loaders) klantcontactenOfZaak(ctx context.Context, zaakURL string) ([]*model.Contactmoment, []error) {
	kis := l.f.reg.ByKind(upstream.APIKlantinteracties)
	if len(kis) == 0 {
		return nil, nil
	}
	zc, err := l.route(zaakURL, "zaak", upstream.APIZaken)
	if err != nil {
		return nil, []error{err}
	}
	register := zc.Config().RegisterCode
	if register == "" {
		return nil, nil // this zaaksysteem is not known to Klantinteracties
	}
	v, errs := l.memo.do(ctx, "klantcontacten-of-zaak "+zaakURL, func() (any, []error) {
		var mu sync.Mutex
		var wg sync.WaitGroup
		var out []*model.Contactmoment
		var errs []error
		for _, c := range kis {
			wg.Add(1)
			go func(c *upstream.Client) {
				defer wg.Done()
				items, err := l.klantcontactenWhere(ctx, c, klantinteracties.KlantcontactListOptions{
					OnderwerpobjectIdentificatorObjectID: uuidOf(zaakURL), OnderwerpobjectIdentificatorCodeRegister: register,
					OnderwerpobjectIdentificatorCodeObjecttype: "zaak"})
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					errs = append(errs, err)
				}
				out = append(out, items...)
			}(c)
		}
		wg.Wait()
		return out, errs
	})
	items, _ := v.([]*model.Contactmoment)
	return items, errs
}

// kindsOf splits URLs by the API kind that serves them; URLs no upstream
// owns are reported.
func (l *Loaders) kindsOf(urls []string) (map[upstream.APIKind][]string, []error) {
	out := map[upstream.APIKind][]string{}
	var errs []error
	for _, u := range urls {
		c, err := l.f.reg.Route(u)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out[c.Kind()] = append(out[c.Kind()], u)
	}
	return out, errs
}
