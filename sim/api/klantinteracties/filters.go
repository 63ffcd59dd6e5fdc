package klantinteracties

import (
	"strings"

	"github.com/klantgraaf/klantgraaf/sim/data"
)

// The list filters of klantinteracties-0.9.0.yaml. As in Open Klant, the
// filters on a multi-valued relation are independent: partijIdentificator__
// objectId=X&partijIdentificator__codeSoortObjectId=bsn finds partijen with
// an identificator X and a BSN identificator (in practice the same one).
// URL filters take the UUID at the end of the URL.

var (
	codeObjecttypen = []string{data.CodeObjecttypeNatuurlijkPersoon, data.CodeObjecttypeNietNatuurlijkPersoon, data.CodeObjecttypeVestiging}
	codeSoorten     = []string{data.CodeSoortObjectIDBSN, data.CodeSoortObjectIDVestigingsnummer, data.CodeSoortObjectIDKvKNummer, data.CodeSoortObjectIDRSIN}
	codeRegisters   = []string{data.CodeRegisterBRP, data.CodeRegisterHR}
	soortenPartij   = []string{data.SoortPartijContactpersoon, data.SoortPartijOrganisatie, data.SoortPartijPersoon}
	soortenAdres    = []string{data.SoortDigitaalAdresEmail, data.SoortDigitaalAdresOverig, data.SoortDigitaalAdresTelefoonnummer}
	soortenActor    = []string{data.SoortActorGeautomatiseerdeActor, data.SoortActorMedewerker, data.SoortActorOrganisatorischeEenheid}
	rollen          = []string{data.RolKlant, data.RolVertegenwoordiger}
	taakStatussen   = []string{data.TaakTeVerwerken, data.TaakVerwerkt}
)

// fkFilter adds <prefix>__uuid and <prefix>__url for a to-one relation; cands
// (optional) lists the rows pointing at a target.
func fkFilter[T any](h *handler, q *query, f *filter, prefix string, k kind[T], get func(d *data.Data, r data.Ref) data.Ref,
	cands func(d *data.Data, target data.Ref) []data.Ref) {
	apply := func(u data.UUID) {
		if cands != nil {
			f.candidates(func(d *data.Data) []data.Ref {
				t, ok := k.lookup(h, d, u)
				if !ok {
					return nil
				}
				return cands(d, t)
			})
		}
		f.add(func(d *data.Data, r data.Ref) bool {
			t := get(d, r)
			return t != data.NoRef && k.tab(d).UUIDOf(t) == u
		})
	}
	if u, ok := q.uuid(prefix + "__uuid"); ok {
		apply(u)
	}
	if u, given, valid := q.urlUUID(prefix + "__url"); given {
		if !valid {
			f.none = true
		} else {
			apply(u)
		}
	}
}

// identFilter adds the four <prefix>{ObjectId,CodeObjecttype,CodeRegister,
// CodeSoortObjectId} filters of an identificator group.
func (h *handler) identFilter(q *query, f *filter, prefix string, get func(d *data.Data, r data.Ref) *data.Identificator,
	byObjectID func(d *data.Data, id string) []data.Ref) {
	if v, ok := q.get(prefix + "ObjectId"); ok {
		if byObjectID != nil {
			f.candidates(func(d *data.Data) []data.Ref { return byObjectID(d, v) })
		}
		f.add(func(d *data.Data, r data.Ref) bool { return get(d, r).ObjectID == v })
	}
	if v, ok := q.get(prefix + "CodeObjecttype"); ok {
		f.add(func(d *data.Data, r data.Ref) bool { return get(d, r).CodeObjecttype == v })
	}
	if v, ok := q.get(prefix + "CodeRegister"); ok {
		f.add(func(d *data.Data, r data.Ref) bool { return get(d, r).CodeRegister == v })
	}
	if v, ok := q.get(prefix + "CodeSoortObjectId"); ok {
		f.add(func(d *data.Data, r data.Ref) bool { return get(d, r).CodeSoortObjectID == v })
	}
}

// partijIdentTest parses the partijIdentificator__* filters under prefix
// into one test on a partij (nil when none is given). objectID is the value
// of the objectId filter, for candidate lookups.
func (h *handler) partijIdentTest(q *query, prefix string) (test func(d *data.Data, p data.Ref) bool, objectID string) {
	type part struct {
		get func(pi *data.PartijIdentificator) string
		v   string
	}
	var parts []part
	for _, c := range []struct {
		name string
		get  func(pi *data.PartijIdentificator) string
	}{
		{"objectId", func(pi *data.PartijIdentificator) string { return pi.ObjectID }},
		{"codeObjecttype", func(pi *data.PartijIdentificator) string { return pi.CodeObjecttype }},
		{"codeRegister", func(pi *data.PartijIdentificator) string { return pi.CodeRegister }},
		{"codeSoortObjectId", func(pi *data.PartijIdentificator) string { return pi.CodeSoortObjectID }},
	} {
		if v, ok := q.get(prefix + c.name); ok {
			parts = append(parts, part{c.get, v})
			if c.name == "objectId" {
				objectID = v
			}
		}
	}
	if len(parts) == 0 {
		return nil, ""
	}
	return func(d *data.Data, p data.Ref) bool {
		if p == data.NoRef || !kPartij.live(h, d, p) {
			return false
		}
		idents := h.identsOfPartij(d, p)
		for _, pt := range parts {
			found := false
			for _, i := range idents {
				if pt.get(d.PartijIdentificatoren.Get(i)) == pt.v {
					found = true
					break
				}
			}
			if !found {
				return false
			}
		}
		return true
	}, objectID
}

// partijenWithIdent lists the partijen having an identificator objectId.
func (h *handler) partijenWithIdent(d *data.Data, objectID string) []data.Ref {
	var out []data.Ref
	for _, i := range h.identsByObjectID(d, objectID) {
		if p := d.PartijIdentificatoren.Get(i).Partij; p != data.NoRef {
			out = append(out, p)
		}
	}
	return out
}

func (h *handler) partijFilter(q *query) *filter {
	f := &filter{}
	if test, id := h.partijIdentTest(q, "partijIdentificator__"); test != nil {
		if id != "" {
			f.candidates(func(d *data.Data) []data.Ref { return h.partijenWithIdent(d, id) })
		}
		f.add(test)
	}
	// subIdentificatorVan__*: partijen with an identificator that is a
	// sub-identificator of one matching the filters (a company's
	// vestigingen).
	type subPart struct {
		get func(pi *data.PartijIdentificator) string
		v   string
	}
	var subs []subPart
	for _, c := range []struct {
		name string
		get  func(pi *data.PartijIdentificator) string
	}{
		{"objectId", func(pi *data.PartijIdentificator) string { return pi.ObjectID }},
		{"codeObjecttype", func(pi *data.PartijIdentificator) string { return pi.CodeObjecttype }},
		{"codeRegister", func(pi *data.PartijIdentificator) string { return pi.CodeRegister }},
		{"codeSoortObjectId", func(pi *data.PartijIdentificator) string { return pi.CodeSoortObjectID }},
	} {
		if v, ok := q.get("subIdentificatorVan__" + c.name); ok {
			sp := subPart{c.get, v}
			subs = append(subs, sp)
			f.add(func(d *data.Data, p data.Ref) bool {
				for _, i := range h.identsOfPartij(d, p) {
					if s := d.PartijIdentificatoren.Get(i).SubIdentificatorVan; s != data.NoRef && kIdent.live(h, d, s) &&
						sp.get(d.PartijIdentificatoren.Get(s)) == sp.v {
						return true
					}
				}
				return false
			})
			if c.name == "objectId" {
				f.candidates(func(d *data.Data) []data.Ref {
					var out []data.Ref
					for _, parent := range h.identsByObjectID(d, v) {
						for _, child := range h.identsSubOf(d, parent) {
							out = append(out, d.PartijIdentificatoren.Get(child).Partij)
						}
					}
					return out
				})
			}
		}
	}
	if v, ok := q.choice("soortPartij", soortenPartij); ok {
		f.add(func(d *data.Data, r data.Ref) bool { return d.Partijen.Get(r).SoortPartij == v })
	}
	if v, ok := q.get("nummer"); ok {
		f.add(func(d *data.Data, r data.Ref) bool { return d.Partijen.Get(r).Nummer == v })
	}
	if v, ok := q.boolean("indicatieActief"); ok {
		f.add(func(d *data.Data, r data.Ref) bool { return d.Partijen.Get(r).IndicatieActief == v })
	}
	if v, ok := q.boolean("indicatieGeheimhouding"); ok {
		f.add(func(d *data.Data, r data.Ref) bool { return d.Partijen.Get(r).IndicatieGeheimhouding == data.TriOf(v) })
	}
	for _, a := range []struct {
		prefix string
		get    func(p *data.Partij) *data.AdresKI
	}{
		{"bezoekadres", func(p *data.Partij) *data.AdresKI { return p.Bezoekadres }},
		{"correspondentieadres", func(p *data.Partij) *data.AdresKI { return p.Correspondentieadres }},
	} {
		for _, fl := range []struct {
			name string
			get  func(a *data.AdresKI) string
		}{
			{"NummeraanduidingId", func(a *data.AdresKI) string { return a.NummeraanduidingID }},
			{"Adresregel1", func(a *data.AdresKI) string { return a.Adresregel1 }},
			{"Adresregel2", func(a *data.AdresKI) string { return a.Adresregel2 }},
			{"Adresregel3", func(a *data.AdresKI) string { return a.Adresregel3 }},
			{"Land", func(a *data.AdresKI) string { return a.Land }},
		} {
			if v, ok := q.get(a.prefix + fl.name); ok {
				getA, getF := a.get, fl.get
				f.add(func(d *data.Data, r data.Ref) bool {
					ad := getA(d.Partijen.Get(r))
					return ad != nil && getF(ad) == v
				})
			}
		}
	}
	// No vertegenwoordigingen or categorieën are registered.
	if _, ok := q.uuid("vertegenwoordigdePartij__uuid"); ok {
		f.none = true
	}
	if _, given, _ := q.urlUUID("vertegenwoordigdePartij__url"); given {
		f.none = true
	}
	if _, ok := q.get("categorierelatie__categorie__naam"); ok {
		f.none = true
	}
	return f
}

func (h *handler) klantcontactFilter(q *query) *filter {
	f := &filter{}
	kcRow := func(d *data.Data, r data.Ref) *data.Klantcontact { return d.Klantcontacten.Get(r) }
	// hadBetrokkene__*
	anyBetrokkene := func(test func(d *data.Data, b data.Ref) bool) func(d *data.Data, r data.Ref) bool {
		return func(d *data.Data, r data.Ref) bool {
			for _, b := range h.betrokkenenOfKC(d, r) {
				if test(d, b) {
					return true
				}
			}
			return false
		}
	}
	kcsOfBetrokkenen := func(d *data.Data, bs []data.Ref) []data.Ref {
		var out []data.Ref
		for _, b := range bs {
			out = append(out, d.Betrokkenen.Get(b).Klantcontact)
		}
		return out
	}
	betrokkeneUUID := func(u data.UUID) {
		f.candidates(func(d *data.Data) []data.Ref {
			b, ok := kBetr.lookup(h, d, u)
			if !ok {
				return nil
			}
			return []data.Ref{d.Betrokkenen.Get(b).Klantcontact}
		})
		f.add(anyBetrokkene(func(d *data.Data, b data.Ref) bool { return d.Betrokkenen.UUIDOf(b) == u }))
	}
	if u, ok := q.uuid("hadBetrokkene__uuid"); ok {
		betrokkeneUUID(u)
	}
	if u, given, valid := q.urlUUID("hadBetrokkene__url"); given {
		if valid {
			betrokkeneUUID(u)
		} else {
			f.none = true
		}
	}
	if v, ok := q.boolean("hadBetrokkene__wasPartij"); ok {
		has := anyBetrokkene(func(d *data.Data, b data.Ref) bool { p := d.Betrokkenen.Get(b).Partij; return p != data.NoRef })
		f.add(func(d *data.Data, r data.Ref) bool { return has(d, r) == v })
	}
	partijUUID := func(u data.UUID) {
		f.candidates(func(d *data.Data) []data.Ref {
			p, ok := kPartij.lookup(h, d, u)
			if !ok {
				return nil
			}
			return kcsOfBetrokkenen(d, h.betrokkenenOfPartij(d, p))
		})
		f.add(anyBetrokkene(func(d *data.Data, b data.Ref) bool {
			p := d.Betrokkenen.Get(b).Partij
			return p != data.NoRef && d.Partijen.UUIDOf(p) == u
		}))
	}
	if u, ok := q.uuid("hadBetrokkene__wasPartij__uuid"); ok {
		partijUUID(u)
	}
	if u, given, valid := q.urlUUID("hadBetrokkene__wasPartij__url"); given {
		if valid {
			partijUUID(u)
		} else {
			f.none = true
		}
	}
	if test, id := h.partijIdentTest(q, "hadBetrokkene__wasPartij__partijIdentificator__"); test != nil {
		if id != "" {
			f.candidates(func(d *data.Data) []data.Ref {
				var out []data.Ref
				for _, p := range h.partijenWithIdent(d, id) {
					out = append(out, kcsOfBetrokkenen(d, h.betrokkenenOfPartij(d, p))...)
				}
				return out
			})
		}
		f.add(anyBetrokkene(func(d *data.Data, b data.Ref) bool { return test(d, d.Betrokkenen.Get(b).Partij) }))
	}
	if v, ok := q.get("hadBetrokkene__digitaaladres__adres__icontains"); ok {
		lv := strings.ToLower(v)
		f.add(anyBetrokkene(func(d *data.Data, b data.Ref) bool {
			for _, a := range h.adressenOfBetrokkene(d, b) {
				if strings.Contains(strings.ToLower(d.DigitaleAdressen.Get(a).Adres), lv) {
					return true
				}
			}
			return false
		}))
	}
	// onderwerpobject__* and wasOnderwerpobject__*
	for _, o := range []struct {
		prefix string
		of     func(d *data.Data, kc data.Ref) []data.Ref
		kcOf   func(o *data.Onderwerpobject) data.Ref
	}{
		{"onderwerpobject__", h.onderwerpobjectenOfKC, func(o *data.Onderwerpobject) data.Ref { return o.Klantcontact }},
		{"wasOnderwerpobject__", h.onderwerpobjectenWasKC, func(o *data.Onderwerpobject) data.Ref { return o.WasKlantcontact }},
	} {
		anyOnd := func(test func(o *data.Onderwerpobject, u data.UUID) bool) func(d *data.Data, r data.Ref) bool {
			return func(d *data.Data, r data.Ref) bool {
				for _, x := range o.of(d, r) {
					if test(d.Onderwerpobjecten.Get(x), d.Onderwerpobjecten.UUIDOf(x)) {
						return true
					}
				}
				return false
			}
		}
		kcOf := o.kcOf
		ondUUID := func(u data.UUID) {
			f.candidates(func(d *data.Data) []data.Ref {
				x, ok := kOnd.lookup(h, d, u)
				if !ok {
					return nil
				}
				return []data.Ref{kcOf(d.Onderwerpobjecten.Get(x))}
			})
			f.add(anyOnd(func(_ *data.Onderwerpobject, ou data.UUID) bool { return ou == u }))
		}
		if u, ok := q.uuid(o.prefix + "uuid"); ok {
			ondUUID(u)
		}
		if u, given, valid := q.urlUUID(o.prefix + "url"); given {
			if valid {
				ondUUID(u)
			} else {
				f.none = true
			}
		}
		for _, c := range []struct {
			name string
			get  func(i *data.Identificator) string
		}{
			{"ObjectId", func(i *data.Identificator) string { return i.ObjectID }},
			{"CodeObjecttype", func(i *data.Identificator) string { return i.CodeObjecttype }},
			{"CodeRegister", func(i *data.Identificator) string { return i.CodeRegister }},
			{"CodeSoortObjectId", func(i *data.Identificator) string { return i.CodeSoortObjectID }},
		} {
			v, ok := q.get(o.prefix + "onderwerpobjectidentificator" + c.name)
			if !ok {
				continue
			}
			get := c.get
			if c.name == "ObjectId" {
				f.candidates(func(d *data.Data) []data.Ref {
					var out []data.Ref
					for _, x := range h.onderwerpobjectenByObjectID(d, v) {
						if k := kcOf(d.Onderwerpobjecten.Get(x)); k != data.NoRef {
							out = append(out, k)
						}
					}
					return out
				})
			}
			f.add(anyOnd(func(ob *data.Onderwerpobject, _ data.UUID) bool { return get(&ob.Identificator) == v }))
		}
	}
	eq := func(k string, get func(kc *data.Klantcontact) string) {
		if v, ok := q.get(k); ok {
			f.add(func(d *data.Data, r data.Ref) bool { return get(kcRow(d, r)) == v })
		}
	}
	contains := func(k string, get func(kc *data.Klantcontact) string) {
		if v, ok := q.get(k); ok {
			lv := strings.ToLower(v)
			f.add(func(d *data.Data, r data.Ref) bool { return strings.Contains(strings.ToLower(get(kcRow(d, r))), lv) })
		}
	}
	eq("kanaal", func(kc *data.Klantcontact) string { return kc.Kanaal })
	eq("nummer", func(kc *data.Klantcontact) string { return kc.Nummer })
	eq("referentienummer", func(kc *data.Klantcontact) string { return kc.Referentienummer })
	contains("onderwerp", func(kc *data.Klantcontact) string { return kc.Onderwerp })
	contains("inhoud", func(kc *data.Klantcontact) string { return kc.Inhoud })
	contains("reactie", func(kc *data.Klantcontact) string { return kc.Reactie })
	if v, ok := q.dateTime("plaatsgevondenOp"); ok {
		f.add(func(d *data.Data, r data.Ref) bool { return kcRow(d, r).PlaatsgevondenOp == v })
	}
	if v, ok := q.boolean("vertrouwelijk"); ok {
		f.add(func(d *data.Data, r data.Ref) bool { return kcRow(d, r).Vertrouwelijk == v })
	}
	if v, ok := q.boolean("indicatieContactGelukt"); ok {
		f.add(func(d *data.Data, r data.Ref) bool { return kcRow(d, r).IndicatieContactGelukt == data.TriOf(v) })
	}
	if v, ok := q.boolean("leiddeTotInterneTaken"); ok {
		f.add(func(d *data.Data, r data.Ref) bool { return (len(h.takenOfKC(d, r)) > 0) == v })
	}
	return f
}

func (h *handler) betrokkeneFilter(q *query) *filter {
	f := &filter{}
	row := func(d *data.Data, r data.Ref) *data.Betrokkene { return d.Betrokkenen.Get(r) }
	eq := func(k string, get func(b *data.Betrokkene) string) {
		if v, ok := q.get(k); ok {
			f.add(func(d *data.Data, r data.Ref) bool { return get(row(d, r)) == v })
		}
	}
	eq("contactnaamVoorletters", func(b *data.Betrokkene) string { return b.Voorletters })
	eq("contactnaamVoornaam", func(b *data.Betrokkene) string { return b.Voornaam })
	eq("contactnaamVoorvoegselAchternaam", func(b *data.Betrokkene) string { return b.VoorvoegselAchternaam })
	eq("contactnaamAchternaam", func(b *data.Betrokkene) string { return b.Achternaam })
	eq("organisatienaam", func(b *data.Betrokkene) string { return b.Organisatienaam })
	fkFilter(h, q, f, "hadKlantcontact", kKC, func(d *data.Data, r data.Ref) data.Ref { return row(d, r).Klantcontact },
		func(d *data.Data, kc data.Ref) []data.Ref { return h.betrokkenenOfKC(d, kc) })
	if v, ok := q.get("hadKlantcontact__nummer"); ok {
		f.add(func(d *data.Data, r data.Ref) bool { return d.Klantcontacten.Get(row(d, r).Klantcontact).Nummer == v })
	}
	if v, ok := q.get("hadKlantcontact__referentienummer"); ok {
		f.add(func(d *data.Data, r data.Ref) bool {
			return d.Klantcontacten.Get(row(d, r).Klantcontact).Referentienummer == v
		})
	}
	fkFilter(h, q, f, "wasPartij", kPartij, func(d *data.Data, r data.Ref) data.Ref { return row(d, r).Partij },
		func(d *data.Data, p data.Ref) []data.Ref { return h.betrokkenenOfPartij(d, p) })
	if v, ok := q.get("wasPartij__nummer"); ok {
		f.add(func(d *data.Data, r data.Ref) bool {
			p := row(d, r).Partij
			return p != data.NoRef && d.Partijen.Get(p).Nummer == v
		})
	}
	if test, id := h.partijIdentTest(q, "wasPartij__partijIdentificator__"); test != nil {
		if id != "" {
			f.candidates(func(d *data.Data) []data.Ref {
				var out []data.Ref
				for _, p := range h.partijenWithIdent(d, id) {
					out = append(out, h.betrokkenenOfPartij(d, p)...)
				}
				return out
			})
		}
		f.add(func(d *data.Data, r data.Ref) bool { return test(d, row(d, r).Partij) })
	}
	anyAdres := func(test func(d *data.Data, a data.Ref) bool) func(d *data.Data, r data.Ref) bool {
		return func(d *data.Data, r data.Ref) bool {
			for _, a := range h.adressenOfBetrokkene(d, r) {
				if test(d, a) {
					return true
				}
			}
			return false
		}
	}
	if v, ok := q.get("verstrektedigitaalAdres__adres"); ok {
		f.add(anyAdres(func(d *data.Data, a data.Ref) bool { return d.DigitaleAdressen.Get(a).Adres == v }))
	}
	if u, ok := q.uuid("verstrektedigitaalAdres__uuid"); ok {
		f.add(anyAdres(func(d *data.Data, a data.Ref) bool { return d.DigitaleAdressen.UUIDOf(a) == u }))
	}
	if u, given, valid := q.urlUUID("verstrektedigitaalAdres__url"); given {
		if !valid {
			f.none = true
		}
		f.add(anyAdres(func(d *data.Data, a data.Ref) bool { return d.DigitaleAdressen.UUIDOf(a) == u }))
	}
	return f
}

func (h *handler) adresFilter(q *query) *filter {
	f := &filter{}
	row := func(d *data.Data, r data.Ref) *data.DigitaalAdres { return d.DigitaleAdressen.Get(r) }
	if v, ok := q.get("adres"); ok {
		f.add(func(d *data.Data, r data.Ref) bool { return row(d, r).Adres == v })
	}
	if v, ok := q.get("adres__icontains"); ok {
		lv := strings.ToLower(v)
		f.add(func(d *data.Data, r data.Ref) bool { return strings.Contains(strings.ToLower(row(d, r).Adres), lv) })
	}
	if v, ok := q.boolean("isGeverifieerd"); ok {
		f.add(func(d *data.Data, r data.Ref) bool { return (row(d, r).VerificatieDatum != 0) == v })
	}
	if v, ok := q.boolean("isStandaardAdres"); ok {
		f.add(func(d *data.Data, r data.Ref) bool { return row(d, r).IsStandaardAdres == v })
	}
	if v, ok := q.get("omschrijving"); ok {
		f.add(func(d *data.Data, r data.Ref) bool { return row(d, r).Omschrijving == v })
	}
	if v, ok := q.get("referentie"); ok {
		f.add(func(d *data.Data, r data.Ref) bool { return row(d, r).Referentie == v })
	}
	if v, ok := q.choice("soortDigitaalAdres", soortenAdres); ok {
		f.add(func(d *data.Data, r data.Ref) bool { return row(d, r).SoortDigitaalAdres == v })
	}
	for _, c := range []struct {
		suffix string
		ok     func(a, b data.Date) bool
	}{
		{"", func(a, b data.Date) bool { return a == b }},
		{"__gt", func(a, b data.Date) bool { return a > b }},
		{"__gte", func(a, b data.Date) bool { return a >= b }},
		{"__lt", func(a, b data.Date) bool { return a < b }},
		{"__lte", func(a, b data.Date) bool { return a <= b }},
	} {
		if v, ok := q.date("verificatieDatum" + c.suffix); ok {
			cmp := c.ok
			f.add(func(d *data.Data, r data.Ref) bool { vd := row(d, r).VerificatieDatum; return vd != 0 && cmp(vd, v) })
		}
	}
	fkFilter(h, q, f, "verstrektDoorBetrokkene", kBetr, func(d *data.Data, r data.Ref) data.Ref { return row(d, r).Betrokkene },
		func(d *data.Data, b data.Ref) []data.Ref { return h.adressenOfBetrokkene(d, b) })
	if v, ok := q.choice("verstrektDoorBetrokkene__rol", rollen); ok {
		f.add(func(d *data.Data, r data.Ref) bool {
			b := row(d, r).Betrokkene
			return b != data.NoRef && d.Betrokkenen.Get(b).Rol == v
		})
	}
	fkFilter(h, q, f, "verstrektDoorPartij", kPartij, func(d *data.Data, r data.Ref) data.Ref { return row(d, r).Partij },
		func(d *data.Data, p data.Ref) []data.Ref { return h.adressenOfPartij(d, p) })
	if v, ok := q.choice("verstrektDoorPartij__soortPartij", soortenPartij); ok {
		f.add(func(d *data.Data, r data.Ref) bool {
			p := row(d, r).Partij
			return p != data.NoRef && d.Partijen.Get(p).SoortPartij == v
		})
	}
	if test, id := h.partijIdentTest(q, "verstrektDoorPartij__partijIdentificator__"); test != nil {
		if id != "" {
			f.candidates(func(d *data.Data) []data.Ref {
				var out []data.Ref
				for _, p := range h.partijenWithIdent(d, id) {
					out = append(out, h.adressenOfPartij(d, p)...)
				}
				return out
			})
		}
		f.add(func(d *data.Data, r data.Ref) bool { return test(d, row(d, r).Partij) })
	}
	return f
}

func (h *handler) taakFilter(q *query) *filter {
	f := &filter{}
	row := func(d *data.Data, r data.Ref) *data.InterneTaak { return d.InterneTaken.Get(r) }
	fkFilter(h, q, f, "aanleidinggevendKlantcontact", kKC, func(d *data.Data, r data.Ref) data.Ref { return row(d, r).Klantcontact },
		func(d *data.Data, kc data.Ref) []data.Ref { return h.takenOfKC(d, kc) })
	if u, ok := q.uuid("klantcontact__uuid"); ok {
		f.add(func(d *data.Data, r data.Ref) bool { return d.Klantcontacten.UUIDOf(row(d, r).Klantcontact) == u })
	}
	if v, ok := q.get("klantcontact__nummer"); ok {
		f.add(func(d *data.Data, r data.Ref) bool { return d.Klantcontacten.Get(row(d, r).Klantcontact).Nummer == v })
	}
	if v, ok := q.get("klantcontact__referentienummer"); ok {
		f.add(func(d *data.Data, r data.Ref) bool {
			return d.Klantcontacten.Get(row(d, r).Klantcontact).Referentienummer == v
		})
	}
	anyActor := func(test func(d *data.Data, a data.Ref) bool) func(d *data.Data, r data.Ref) bool {
		return func(d *data.Data, r data.Ref) bool {
			for _, a := range row(d, r).Actoren {
				if test(d, a) {
					return true
				}
			}
			return false
		}
	}
	if u, ok := q.uuid("toegewezenAanActor__uuid"); ok {
		f.add(anyActor(func(d *data.Data, a data.Ref) bool { return d.Actoren.UUIDOf(a) == u }))
	}
	if u, given, valid := q.urlUUID("toegewezenAanActor__url"); given {
		if !valid {
			f.none = true
		}
		f.add(anyActor(func(d *data.Data, a data.Ref) bool { return d.Actoren.UUIDOf(a) == u }))
	}
	if v, ok := q.get("actoren__naam"); ok {
		f.add(anyActor(func(d *data.Data, a data.Ref) bool { return d.Actoren.Get(a).Naam == v }))
	}
	if v, ok := q.get("nummer"); ok {
		f.add(func(d *data.Data, r data.Ref) bool { return row(d, r).Nummer == v })
	}
	if v, ok := q.get("referentienummer"); ok {
		f.add(func(d *data.Data, r data.Ref) bool { return row(d, r).Referentienummer == v })
	}
	if v, ok := q.choice("status", taakStatussen); ok {
		f.add(func(d *data.Data, r data.Ref) bool { return row(d, r).Status == v })
	}
	if v, ok := q.dateTime("toegewezenOp"); ok {
		f.add(func(d *data.Data, r data.Ref) bool { return row(d, r).ToegewezenOp == v })
	}
	return f
}
