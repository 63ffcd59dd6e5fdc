package loaders

import (
	"strings"

	"github.com/klantgraaf/klantgraaf/model"
	"github.com/klantgraaf/klantgraaf/upstream"
	"github.com/klantgraaf/klantgraaf/upstream/klantinteracties"
)

// This file maps Klantinteracties (v2) onto the same model as v1:
// Partij→Klant, Klantcontact→Contactmoment, Betrokkene→the klant link,
// Onderwerpobject→the object link, DigitaalAdres→contact details,
// InterneTaak→a follow-up task.

func partijName(p *klantinteracties.Partij) string {
	pi := p.PartijIdentificatie
	if pi == nil {
		return ""
	}
	switch {
	case pi.VolledigeNaam != "":
		return pi.VolledigeNaam
	case pi.Naam != "":
		return pi.Naam
	case pi.Contactnaam != nil:
		cn := pi.Contactnaam
		first := cn.Voornaam
		if first == "" {
			first = cn.Voorletters
		}
		return joinName(first, cn.VoorvoegselAchternaam, cn.Achternaam)
	}
	return ""
}

func toKlantFromPartij(c *upstream.Client, p *klantinteracties.Partij) *model.Klant {
	m := &model.Klant{URL: p.URL, Bron: bron(c), Klantnummer: p.Nummer, Naam: partijName(p), DigitaleAdressen: []*model.DigitaalAdres{}}
	switch p.SoortPartij {
	case "persoon", "contactpersoon":
		st := model.SubjectType("NATUURLIJK_PERSOON")
		m.SubjectType = &st
	case "organisatie":
		st := model.SubjectType("NIET_NATUURLIJK_PERSOON")
		m.SubjectType = &st
	}
	if pi := p.PartijIdentificatie; pi != nil && pi.Contactnaam != nil {
		m.Voornaam, m.VoorvoegselAchternaam, m.Achternaam = pi.Contactnaam.Voornaam, pi.Contactnaam.VoorvoegselAchternaam, pi.Contactnaam.Achternaam
	}
	if p.SoortPartij == "organisatie" {
		m.Bedrijfsnaam = m.Naam
	}
	for _, id := range p.PartijIdentificatoren {
		v := id.PartijIdentificator.ObjectID
		switch id.PartijIdentificator.CodeSoortObjectID {
		case "bsn":
			m.Bsn = v
		case "kvk_nummer":
			m.KvkNummer = v
		case "rsin":
			m.Rsin = v
		case "vestigingsnummer":
			m.Vestigingsnummer = v
		}
	}
	if p.Expand != nil {
		for _, da := range p.Expand.DigitaleAdressen {
			soort := model.DigitaalAdresSoort(strings.ToUpper(da.SoortDigitaalAdres))
			if soort != "EMAIL" && soort != "TELEFOONNUMMER" {
				soort = "OVERIG"
			}
			m.DigitaleAdressen = append(m.DigitaleAdressen, &model.DigitaalAdres{Soort: soort, Adres: da.Adres})
			standard := da.IsStandaardAdres != nil && *da.IsStandaardAdres
			switch {
			case soort == "EMAIL" && (m.Emailadres == "" || standard):
				m.Emailadres = da.Adres
			case soort == "TELEFOONNUMMER" && (m.Telefoonnummer == "" || standard):
				m.Telefoonnummer = da.Adres
			}
		}
	}
	if a := p.Bezoekadres; a != nil && (a.Adresregel1 != "" || a.Adresregel2 != "") {
		m.Adres = &model.Adres{Straatnaam: a.Adresregel1, Woonplaats: a.Adresregel2, Landcode: a.Land}
	}
	return m
}

// zaakURLFor resolves an onderwerpobject identificator to a zaak URL at the
// zaaksysteem whose configured register code it names. An identificator of
// an unknown register becomes a URN, which no upstream owns: it shows as a
// link, and following it is an UNKNOWN_SOURCE error — never a request.
type zaakResolver func(id *klantinteracties.Identificator) (objectType, object string)

func toContactmomentFromKlantcontact(c *upstream.Client, kc *klantinteracties.Klantcontact, resolve zaakResolver) *model.Contactmoment {
	m := &model.Contactmoment{URL: kc.URL, Bron: bron(c), Registratiedatum: dateTime(kc.PlaatsgevondenOp), Kanaal: kc.Kanaal,
		Voorkeurstaal: kc.Taal, Tekst: kc.Inhoud, Onderwerp: kc.Onderwerp, IndicatieContactGelukt: kc.IndicatieContactGelukt,
		Referentienummer: kc.Referentienummer, Internetaken: []*model.InterneTaak{}}
	if m.Referentienummer == "" {
		m.Referentienummer = kc.Nummer
	}
	// Actor (soort medewerker) → the medewerker of the contact.
	for _, a := range kc.HadBetrokkenActoren {
		if a.SoortActor != "" && a.SoortActor != "medewerker" {
			continue
		}
		md := &model.Medewerker{Achternaam: a.Naam, URL: a.URL}
		if a.Actoridentificator != nil {
			md.Identificatie = a.Actoridentificator.ObjectID
		}
		m.Medewerker = md
		break
	}
	e := kc.Expand
	if e != nil {
		m.KlantLinks, m.KlantLinksLoaded = []*model.ContactmomentKlant{}, true
		for i := range e.HadBetrokkenen {
			b := &e.HadBetrokkenen[i]
			if b.WasPartij == nil || b.WasPartij.URL == "" {
				continue // a betrokkene that is no known partij
			}
			link := &model.ContactmomentKlant{URL: b.URL, Rol: enumPtr[model.KlantRol](b.Rol), Initiator: b.Initiator, KlantURL: b.WasPartij.URL}
			if b.Contactnaam != nil {
				link.Contactnaam = joinName(b.Contactnaam.Voornaam, b.Contactnaam.VoorvoegselAchternaam, b.Contactnaam.Achternaam)
			}
			m.KlantLinks = append(m.KlantLinks, link)
		}
		m.ObjectLinks, m.ObjectLinksLoaded = []*model.ObjectLink{}, true
		for _, o := range e.GingOverOnderwerpobjecten {
			if o.Onderwerpobjectidentificator == nil {
				continue
			}
			typ, obj := resolve(o.Onderwerpobjectidentificator)
			m.ObjectLinks = append(m.ObjectLinks, &model.ObjectLink{ObjectType: typ, Object: obj})
		}
		for i := range e.LeiddeTotInterneTaken {
			m.Internetaken = append(m.Internetaken, toInterneTaak(c, &e.LeiddeTotInterneTaken[i]))
		}
	}
	return m
}

func toInterneTaak(c *upstream.Client, t *klantinteracties.InterneTaak) *model.InterneTaak {
	m := &model.InterneTaak{URL: t.URL, Bron: bron(c), Nummer: t.Nummer, GevraagdeHandeling: t.GevraagdeHandeling,
		Toelichting: t.Toelichting, Status: enumPtr[model.InterneTaakStatus](t.Status),
		ToegewezenOp: dateTime(t.ToegewezenOp), AfgehandeldOp: dateTime(t.AfgehandeldOp)}
	if t.AanleidinggevendKlantcontact != nil {
		m.AanleidinggevendURL = t.AanleidinggevendKlantcontact.URL
	}
	return m
}
