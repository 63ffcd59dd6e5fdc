package loaders

import (
	"context"
	"time"

	"github.com/klantgraaf/klantgraaf/model"
	"github.com/klantgraaf/klantgraaf/upstream"
	"github.com/klantgraaf/klantgraaf/upstream/contactmomenten"
	"github.com/klantgraaf/klantgraaf/upstream/klanten"
	"github.com/klantgraaf/klantgraaf/upstream/zaken"
)

// KlantSearch holds the klanten search criteria.
type KlantSearch struct {
	Achternaam, Bedrijfsnaam, Emailadres, Telefoonnummer, Postcode, BSN, Vestigingsnummer, Klantnummer string
}

// ZaakSearch holds the zaken search criteria; dates are YYYY-MM-DD.
type ZaakSearch struct {
	Identificatie, Zaaktype, Statustype, Status                  string
	StartdatumVanaf, StartdatumTot, EinddatumVanaf, EinddatumTot string
	BSN, KvK, Vestigingsnummer, Medewerker                       string
}

// ContactmomentSearch holds the contactmomenten search criteria.
type ContactmomentSearch struct {
	Kanaal, Medewerker string
	Vanaf, Tot         *model.DateTime
}

var errNoCriteria = &UserError{Message: "give at least one search criterion in filter"}

// SearchKlanten searches every klanten provider; results follow provider
// order (the Klanten API has no ordering parameter).
func (l *Loaders) SearchKlanten(ctx context.Context, s KlantSearch, first int, after *string) (SearchResult[*model.Klant], error) {
	opts := klanten.KlantListOptions{Achternaam: s.Achternaam, Bedrijfsnaam: s.Bedrijfsnaam, Emailadres: s.Emailadres,
		Telefoonnummer: s.Telefoonnummer, AdresPostcode: s.Postcode, SubjectNatuurlijkPersoonInpBsn: s.BSN,
		SubjectVestigingVestigingsNummer: s.Vestigingsnummer, Klantnummer: s.Klantnummer}
	if opts == (klanten.KlantListOptions{}) {
		return SearchResult[*model.Klant]{}, errNoCriteria
	}
	var sources []SearchSource[*model.Klant]
	for _, c := range l.f.reg.ByKind(upstream.APIKlanten) {
		c := c
		sources = append(sources, SearchSource[*model.Klant]{Name: c.Name(), Fetch: func(ctx context.Context, page, _ int) (SourcePage[*model.Klant], error) {
			o := opts
			o.Page = page
			p, err := klanten.New(c).List(ctx, o)
			if err != nil {
				return SourcePage[*model.Klant]{}, err
			}
			out := SourcePage[*model.Klant]{Count: p.Count, HasNext: p.HasNext()}
			for i := range p.Results {
				m := toKlant(c, &p.Results[i])
				l.klant.Prime(ctx, m.URL, m)
				out.Items = append(out.Items, m)
			}
			return out, nil
		}})
	}
	return Search(ctx, sources, func(a, b *model.Klant) bool { return false }, first, after)
}

// SearchZaken searches every zaaksysteem, newest first.
func (l *Loaders) SearchZaken(ctx context.Context, s ZaakSearch, first int, after *string) (SearchResult[*model.Zaak], error) {
	f := zaken.ZaakFilter{Identificatie: s.Identificatie, Zaaktype: s.Zaaktype, StatusStatustype: s.Statustype,
		StartdatumGte: s.StartdatumVanaf, StartdatumLte: s.StartdatumTot, BSN: s.BSN, KvK: s.KvK,
		Vestigingsnummer: s.Vestigingsnummer, MedewerkerIdentificatie: s.Medewerker}
	// The Zaken API's einddatum filters are strict (__gt/__lt); widen by a
	// day so the bounds are inclusive like startdatum's.
	if s.EinddatumVanaf != "" {
		f.EinddatumGt = shiftDate(s.EinddatumVanaf, -1)
	}
	if s.EinddatumTot != "" {
		f.EinddatumLt = shiftDate(s.EinddatumTot, 1)
	}
	switch s.Status {
	case "OPEN":
		f.EinddatumIsnull = upstream.Bool(true)
	case "GESLOTEN":
		f.EinddatumIsnull = upstream.Bool(false)
	}
	if zeroZaakFilter(f) {
		return SearchResult[*model.Zaak]{}, errNoCriteria
	}
	f.Ordering = []string{"-startdatum"}
	f.Expand = l.zaakExpandSet()
	var sources []SearchSource[*model.Zaak]
	for _, c := range l.f.reg.ByKind(upstream.APIZaken) {
		c := c
		sources = append(sources, SearchSource[*model.Zaak]{Name: c.Name(), PageSize: 100, Fetch: func(ctx context.Context, page, size int) (SourcePage[*model.Zaak], error) {
			p, err := zaken.New(c).List(ctx, zaken.ZaakListOptions{ZaakFilter: f, Page: page, PageSize: size})
			if err != nil {
				return SourcePage[*model.Zaak]{}, err
			}
			out := SourcePage[*model.Zaak]{Count: p.Count, HasNext: p.HasNext()}
			for i := range p.Results {
				m := l.zaakFrom(ctx, c, &p.Results[i])
				l.zaak.Prime(ctx, m.URL, m)
				out.Items = append(out.Items, m)
			}
			return out, nil
		}})
	}
	return Search(ctx, sources, func(a, b *model.Zaak) bool { return dateOf(a.Startdatum) > dateOf(b.Startdatum) }, first, after)
}

func zeroZaakFilter(f zaken.ZaakFilter) bool {
	return f.Identificatie == "" && f.Zaaktype == "" && f.StatusStatustype == "" && f.StartdatumGte == "" &&
		f.StartdatumLte == "" && f.EinddatumGt == "" && f.EinddatumLt == "" && f.EinddatumIsnull == nil &&
		f.BSN == "" && f.KvK == "" && f.Vestigingsnummer == "" && f.MedewerkerIdentificatie == ""
}

func shiftDate(d string, days int) string {
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return d
	}
	return t.AddDate(0, 0, days).Format("2006-01-02")
}

// SearchContactmomenten searches every contactmomenten provider, newest first.
func (l *Loaders) SearchContactmomenten(ctx context.Context, s ContactmomentSearch, first int, after *string) (SearchResult[*model.Contactmoment], error) {
	opts := contactmomenten.ContactMomentListOptions{Kanaal: s.Kanaal, MedewerkerIdentificatie: s.Medewerker,
		Expand: cmExpand, Ordering: "-registratiedatum"}
	if s.Vanaf != nil {
		opts.RegistratiedatumGte = time.Time(*s.Vanaf).UTC().Format(time.RFC3339)
	}
	if s.Tot != nil {
		opts.RegistratiedatumLt = time.Time(*s.Tot).UTC().Format(time.RFC3339)
	}
	if s.Kanaal == "" && s.Medewerker == "" && s.Vanaf == nil && s.Tot == nil {
		return SearchResult[*model.Contactmoment]{}, errNoCriteria
	}
	var sources []SearchSource[*model.Contactmoment]
	for _, c := range l.f.reg.ByKind(upstream.APIContactmomenten) {
		c := c
		sources = append(sources, SearchSource[*model.Contactmoment]{Name: c.Name(), Fetch: func(ctx context.Context, page, _ int) (SourcePage[*model.Contactmoment], error) {
			o := opts
			o.Page = page
			p, err := contactmomenten.New(c).List(ctx, o)
			if err != nil {
				return SourcePage[*model.Contactmoment]{}, err
			}
			out := SourcePage[*model.Contactmoment]{Count: p.Count, HasNext: p.HasNext()}
			for i := range p.Results {
				m := toContactmoment(c, &p.Results[i])
				l.contactmoment.Prime(ctx, m.URL, m)
				out.Items = append(out.Items, m)
			}
			return out, nil
		}})
	}
	return Search(ctx, sources, func(a, b *model.Contactmoment) bool {
		return timeOf(a.Registratiedatum) > timeOf(b.Registratiedatum)
	}, first, after)
}
