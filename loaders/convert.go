package loaders

import (
	"strings"

	"github.com/klantgraaf/klantgraaf/model"
	"github.com/klantgraaf/klantgraaf/upstream"
	"github.com/klantgraaf/klantgraaf/upstream/catalogi"
	"github.com/klantgraaf/klantgraaf/upstream/contactmomenten"
	"github.com/klantgraaf/klantgraaf/upstream/documenten"
	"github.com/klantgraaf/klantgraaf/upstream/klanten"
	"github.com/klantgraaf/klantgraaf/upstream/verzoeken"
	"github.com/klantgraaf/klantgraaf/upstream/zaken"
)

// This file maps the providers' representations onto klantgraaf's
// provider-neutral model.

func bron(c *upstream.Client) model.Bron {
	b := model.Bron{Naam: c.Name(), API: apiKind(c.Kind()), Versie: c.Config().Version}
	switch c.Kind() {
	case upstream.APIKlanten, upstream.APIContactmomenten, upstream.APIVerzoeken:
		g := model.GeneratieV1
		b.Generatie = &g
	case upstream.APIKlantinteracties, upstream.APIContactgegevens:
		g := model.GeneratieV2
		b.Generatie = &g
	}
	return b
}

// enumPtr maps a provider value onto the GraphQL enum T
// ("beperkt_openbaar" becomes BEPERKT_OPENBAAR). A value the enum does not
// have is left out: an answer may only hold the schema's own enum values.
func enumPtr[T ~string, PT interface {
	*T
	UnmarshalGQL(v any) error
}](s string) *T {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	v := T(model.FromAPI(s))
	if PT(&v).UnmarshalGQL(string(v)) != nil {
		return nil
	}
	return &v
}

func intPtr(i int) *int { return &i }

func dateTime(s string) *model.DateTime {
	t, _ := model.ParseDateTime(s)
	return t
}

func toZaak(c *upstream.Client, z *zaken.Zaak) *model.Zaak {
	m := &model.Zaak{
		URL: z.URL, Bron: bron(c), UUID: z.UUID, Identificatie: z.Identificatie, Bronorganisatie: z.Bronorganisatie,
		Omschrijving: z.Omschrijving, Toelichting: z.Toelichting,
		Registratiedatum: model.ParseDate(z.Registratiedatum), Startdatum: model.ParseDate(z.Startdatum),
		Einddatum: model.ParseDate(z.Einddatum), EinddatumGepland: model.ParseDate(z.EinddatumGepland),
		UiterlijkeEinddatumAfdoening: model.ParseDate(z.UiterlijkeEinddatumAfdoening), Publicatiedatum: model.ParseDate(z.Publicatiedatum),
		LaatstGemuteerd:             dateTime(z.LaatstGemuteerd),
		Vertrouwelijkheidaanduiding: enumPtr[model.Vertrouwelijkheidaanduiding](z.Vertrouwelijkheidaanduiding),
		Kenmerken:                   []*model.Kenmerk{},
		ZaaktypeURL:                 z.Zaaktype, StatusURL: z.Status, ResultaatURL: z.Resultaat,
		RolURLs: z.Rollen, EigenschapURLs: z.Eigenschappen, ZaakinformatieobjectURLs: z.Zaakinformatieobjecten,
		HoofdzaakURL: z.Hoofdzaak, DeelzaakURLs: z.Deelzaken,
	}
	for _, k := range z.Kenmerken {
		m.Kenmerken = append(m.Kenmerken, &model.Kenmerk{Kenmerk: k.Kenmerk, Bron: k.Bron})
	}
	return m
}

func toZaaktype(t *catalogi.ZaakType) *model.Zaaktype {
	return &model.Zaaktype{URL: t.URL, Identificatie: t.Identificatie, Omschrijving: t.Omschrijving, Doel: t.Doel,
		Aanleiding: t.Aanleiding, Onderwerp: t.Onderwerp, HandelingInitiator: t.HandelingInitiator,
		HandelingBehandelaar: t.HandelingBehandelaar, Doorlooptijd: t.Doorlooptijd,
		Vertrouwelijkheidaanduiding: enumPtr[model.Vertrouwelijkheidaanduiding](t.Vertrouwelijkheidaanduiding),
		StatustypeURLs:              t.Statustypen, ResultaattypeURLs: t.Resultaattypen, RoltypeURLs: t.Roltypen}
}

func toStatus(s *zaken.Status) *model.Status {
	return &model.Status{URL: s.URL, DatumStatusGezet: dateTime(s.DatumStatusGezet), Statustoelichting: s.Statustoelichting,
		ZaakURL: s.Zaak, StatustypeURL: s.Statustype}
}

func toStatustype(s *catalogi.StatusType) *model.Statustype {
	eind := s.IsEindstatus
	return &model.Statustype{URL: s.URL, Omschrijving: s.Omschrijving, OmschrijvingGeneriek: s.OmschrijvingGeneriek,
		Statustekst: s.Statustekst, Volgnummer: intPtr(s.Volgnummer), IsEindstatus: &eind}
}

func toResultaat(r *zaken.Resultaat) *model.Resultaat {
	return &model.Resultaat{URL: r.URL, Toelichting: r.Toelichting, ResultaattypeURL: r.Resultaattype}
}

func toResultaattype(r *catalogi.ResultaatType) *model.Resultaattype {
	return &model.Resultaattype{URL: r.URL, Omschrijving: r.Omschrijving, OmschrijvingGeneriek: r.OmschrijvingGeneriek,
		Archiefnominatie: r.Archiefnominatie}
}

func toRoltype(r *catalogi.RolType) *model.Roltype {
	return &model.Roltype{URL: r.URL, Omschrijving: r.Omschrijving,
		OmschrijvingGeneriek: enumPtr[model.OmschrijvingGeneriek](r.OmschrijvingGeneriek)}
}

func toRol(r *zaken.Rol) *model.Rol {
	m := &model.Rol{URL: r.URL, ZaakURL: r.Zaak, BetrokkeneType: enumPtr[model.BetrokkeneType](r.BetrokkeneType),
		Omschrijving: r.Omschrijving, OmschrijvingGeneriek: enumPtr[model.OmschrijvingGeneriek](r.OmschrijvingGeneriek),
		Roltoelichting: r.Roltoelichting, Betrokkene: r.Betrokkene, RoltypeURL: r.Roltype}
	if bi := r.BetrokkeneIdentificatie; bi != nil {
		id := &model.BetrokkeneIdentificatie{}
		switch r.BetrokkeneType {
		case zaken.BetrokkeneNatuurlijkPersoon:
			id.Bsn, id.Geslachtsnaam, id.VoorvoegselGeslachtsnaam, id.Voornamen = bi.InpBsn, bi.Geslachtsnaam, bi.VoorvoegselGeslachtsnaam, bi.Voornamen
			id.Naam = joinName(bi.Voornamen, bi.VoorvoegselGeslachtsnaam, bi.Geslachtsnaam)
		case zaken.BetrokkeneNietNatuurlijkPersoon:
			id.Rsin, id.KvkNummer, id.Vestigingsnummer, id.StatutaireNaam = bi.InnNnpId, bi.KvkNummer, bi.VestigingsNummer, bi.StatutaireNaam
			id.Naam = bi.StatutaireNaam
		case zaken.BetrokkeneVestiging:
			id.KvkNummer, id.Vestigingsnummer = bi.KvkNummer, bi.VestigingsNummer
			id.Naam = strings.Join(bi.Handelsnaam, ", ")
		case zaken.BetrokkeneMedewerker:
			id.MedewerkerIdentificatie, id.Achternaam, id.Voorletters = bi.Identificatie, bi.Achternaam, bi.Voorletters
			id.Naam = joinName(bi.Voorletters, bi.VoorvoegselAchternaam, bi.Achternaam)
		case zaken.BetrokkeneOrganisatorischeEenheid:
			id.OrganisatorischeEenheid = bi.Identificatie
			id.Naam = bi.Naam
		}
		m.Identificatie = id
	}
	return m
}

func toZaakEigenschap(e *zaken.ZaakEigenschap) *model.ZaakEigenschap {
	return &model.ZaakEigenschap{URL: e.URL, Naam: e.Naam, Waarde: e.Waarde}
}

func toDocument(d *documenten.EnkelvoudigInformatieObject) *model.Document {
	m := &model.Document{URL: d.URL, Identificatie: d.Identificatie, Bronorganisatie: d.Bronorganisatie, Titel: d.Titel,
		Beschrijving: d.Beschrijving, Creatiedatum: model.ParseDate(d.Creatiedatum),
		Vertrouwelijkheidaanduiding: enumPtr[model.Vertrouwelijkheidaanduiding](d.Vertrouwelijkheidaanduiding),
		Auteur:                      d.Auteur, Status: d.Status, Formaat: d.Formaat, Taal: d.Taal, Bestandsnaam: d.Bestandsnaam,
		Inhoud: d.Inhoud, InformatieobjecttypeURL: d.Informatieobjecttype}
	if d.Versie != 0 {
		m.Versie = intPtr(d.Versie)
	}
	if d.Bestandsomvang != nil {
		m.Bestandsomvang = intPtr(int(*d.Bestandsomvang))
	}
	return m
}

func toInformatieobjecttype(t *catalogi.InformatieObjectType) *model.Informatieobjecttype {
	return &model.Informatieobjecttype{URL: t.URL, Omschrijving: t.Omschrijving,
		Vertrouwelijkheidaanduiding: enumPtr[model.Vertrouwelijkheidaanduiding](t.Vertrouwelijkheidaanduiding)}
}

func joinName(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " ")
}

func toKlant(c *upstream.Client, k *klanten.Klant) *model.Klant {
	m := &model.Klant{URL: k.URL, Bron: bron(c), Bronorganisatie: k.Bronorganisatie, Klantnummer: k.Klantnummer,
		SubjectType: enumPtr[model.SubjectType](k.SubjectType), Voornaam: k.Voornaam, VoorvoegselAchternaam: k.VoorvoegselAchternaam,
		Achternaam: k.Achternaam, Bedrijfsnaam: k.Bedrijfsnaam, Functie: k.Functie, WebsiteURL: k.WebsiteURL,
		Telefoonnummer: k.Telefoonnummer, Emailadres: k.Emailadres, Subject: k.Subject, DigitaleAdressen: []*model.DigitaalAdres{}}
	if k.Emailadres != "" {
		m.DigitaleAdressen = append(m.DigitaleAdressen, &model.DigitaalAdres{Soort: "EMAIL", Adres: k.Emailadres})
	}
	if k.Telefoonnummer != "" {
		m.DigitaleAdressen = append(m.DigitaleAdressen, &model.DigitaalAdres{Soort: "TELEFOONNUMMER", Adres: k.Telefoonnummer})
	}
	if a := k.Adres; a != nil {
		m.Adres = &model.Adres{Straatnaam: a.Straatnaam, Huisnummer: a.Huisnummer, Huisletter: a.Huisletter,
			Huisnummertoevoeging: a.Huisnummertoevoeging, Postcode: a.Postcode, Woonplaats: a.Woonplaatsnaam, Landcode: a.Landcode}
	}
	if si := k.SubjectIdentificatie; si != nil {
		m.Bsn, m.Rsin, m.Vestigingsnummer = si.InpBsn, si.InnNnpId, si.VestigingsNummer
		m.Geboortedatum = model.ParseDate(si.Geboortedatum)
	}
	m.KvkNummer = kvkFromSubject(k.Subject)
	switch {
	case k.Bedrijfsnaam != "":
		m.Naam = k.Bedrijfsnaam
	case k.SubjectIdentificatie != nil && k.SubjectIdentificatie.StatutaireNaam != "":
		m.Naam = k.SubjectIdentificatie.StatutaireNaam
	default:
		m.Naam = joinName(k.Voornaam, k.VoorvoegselAchternaam, k.Achternaam)
	}
	return m
}

// kvkFromSubject reads the KvK number from a Handelsregister subject URL
// (…/basisprofielen/<kvkNummer>), the way v1 klanten of companies point at
// their base register.
func kvkFromSubject(subject string) string {
	const marker = "/basisprofielen/"
	if i := strings.Index(subject, marker); i >= 0 {
		return strings.Trim(subject[i+len(marker):], "/")
	}
	return ""
}

func toContactmoment(c *upstream.Client, cm *contactmomenten.ContactMoment) *model.Contactmoment {
	m := &model.Contactmoment{URL: cm.URL, Bron: bron(c), Bronorganisatie: cm.Bronorganisatie,
		Registratiedatum: dateTime(cm.Registratiedatum), Kanaal: cm.Kanaal, Voorkeurskanaal: cm.Voorkeurskanaal,
		Voorkeurstaal: cm.Voorkeurstaal, Tekst: cm.Tekst, Initiatiefnemer: enumPtr[model.Initiatiefnemer](cm.Initiatiefnemer),
		VorigURL: cm.VorigContactmoment, VolgendURL: cm.VolgendContactmoment}
	if mi := cm.MedewerkerIdentificatie; mi != nil || cm.Medewerker != "" {
		m.Medewerker = &model.Medewerker{URL: cm.Medewerker}
		if mi != nil {
			m.Medewerker.Identificatie, m.Medewerker.Achternaam = mi.Identificatie, mi.Achternaam
			m.Medewerker.Voorletters, m.Medewerker.VoorvoegselAchternaam = mi.Voorletters, mi.VoorvoegselAchternaam
		}
	}
	// Relation lists: URLs always, the objects themselves when expanded.
	kcms, ocms := cm.Klantcontactmomenten, cm.Objectcontactmomenten
	if cm.Expand != nil {
		if len(cm.Expand.Klantcontactmomenten) > 0 {
			kcms = cm.Expand.Klantcontactmomenten
		}
		if len(cm.Expand.Objectcontactmomenten) > 0 {
			ocms = cm.Expand.Objectcontactmomenten
		}
	}
	allKlant, allObject := true, true
	for _, r := range kcms {
		m.KlantcontactmomentURLs = append(m.KlantcontactmomentURLs, r.URL)
		if r.Object == nil {
			allKlant = false
			continue
		}
		m.KlantLinks = append(m.KlantLinks, toContactmomentKlant(r.Object))
	}
	for _, r := range ocms {
		m.ObjectcontactmomentURLs = append(m.ObjectcontactmomentURLs, r.URL)
		if r.Object == nil {
			allObject = false
			continue
		}
		m.ObjectLinks = append(m.ObjectLinks, &model.ObjectLink{ObjectType: r.Object.ObjectType, Object: r.Object.Object})
	}
	m.KlantLinksLoaded = allKlant && (cm.Expand != nil || len(kcms) == 0)
	m.ObjectLinksLoaded = allObject && (cm.Expand != nil || len(ocms) == 0)
	if !m.KlantLinksLoaded {
		m.KlantLinks = nil
	}
	if !m.ObjectLinksLoaded {
		m.ObjectLinks = nil
	}
	return m
}

func toContactmomentKlant(k *contactmomenten.KlantContactMoment) *model.ContactmomentKlant {
	return &model.ContactmomentKlant{URL: k.URL, Rol: enumPtr[model.KlantRol](k.Rol), Gelezen: k.Gelezen, KlantURL: k.Klant}
}

func toVerzoek(c *upstream.Client, v *verzoeken.Verzoek) *model.Verzoek {
	return &model.Verzoek{URL: v.URL, Bron: bron(c), Identificatie: v.Identificatie, Bronorganisatie: v.Bronorganisatie,
		ExterneIdentificatie: v.ExterneIdentificatie, Registratiedatum: dateTime(v.Registratiedatum),
		Voorkeurskanaal: v.Voorkeurskanaal, Tekst: v.Tekst, Status: enumPtr[model.VerzoekStatus](v.Status)}
}
