package klantinteracties

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"time"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/provider"
)

var (
	rePostcode   = regexp.MustCompile(`^[1-9][0-9]{3} [A-Z]{2}$`)
	reBAG        = regexp.MustCompile(`^[0-9]{16}$`)
	reTelefoon   = regexp.MustCompile(`^(0[1-9][0-9]{8}|\+[0-9]{9,15}|00[0-9]{7,13})$`)
	reReferentie = regexp.MustCompile(`^[-a-zA-Z0-9_]+$`)
)

func now() data.DateTime { return data.DateTime(time.Now().Unix()) }

// refTo reads a {uuid} reference to a live object of kind k. given is true
// for a valid reference or an allowed null (NoRef).
func refTo[T any](h *handler, d *data.Data, f *form, key string, k kind[T], required, nullable bool) (r data.Ref, given bool) {
	o, ok := f.object(key, required, nullable)
	if !ok {
		return data.NoRef, false
	}
	if o == nil {
		return data.NoRef, true
	}
	u, ok := o.uuidField()
	if !ok {
		return data.NoRef, false
	}
	r, ok = k.lookup(h, d, u)
	if !ok {
		o.fail("uuid", "does_not_exist", fmt.Sprintf(msgNotFound, u))
		return data.NoRef, false
	}
	return r, true
}

// refList reads a list of {uuid} references.
func refList[T any](h *handler, d *data.Data, f *form, key string, k kind[T]) (refs []data.Ref, given bool) {
	items, ok := f.list(key, true)
	if !ok {
		return nil, false
	}
	refs = []data.Ref{}
	okAll := true
	for _, it := range items {
		u, ok := it.uuidField()
		if !ok {
			okAll = false
			continue
		}
		r, ok := k.lookup(h, d, u)
		if !ok {
			it.fail("uuid", "does_not_exist", fmt.Sprintf(msgNotFound, u))
			okAll = false
			continue
		}
		refs = append(refs, r)
	}
	return refs, okAll
}

// readAdresKI reads a bezoek- or correspondentieadres; an empty object is
// stored as no address.
func readAdresKI(f *form, key string) (*data.AdresKI, bool) {
	o, ok := f.object(key, false, true)
	if !ok || o == nil {
		return nil, ok
	}
	var a data.AdresKI
	str := func(k string, max int, dst *string) {
		if v, ok := o.str(k, max, false); ok {
			*dst = v
		}
	}
	str("nummeraanduidingId", 16, &a.NummeraanduidingID)
	str("straatnaam", 255, &a.Straatnaam)
	str("huisnummertoevoeging", 20, &a.Huisnummertoevoeging)
	str("postcode", 7, &a.Postcode)
	str("stad", 255, &a.Stad)
	str("adresregel1", 80, &a.Adresregel1)
	str("adresregel2", 80, &a.Adresregel2)
	str("adresregel3", 80, &a.Adresregel3)
	str("land", 2, &a.Land)
	if n, null, given := o.integer("huisnummer", 1, 99999); given && !null {
		a.Huisnummer = int32(n)
	}
	o.pattern("nummeraanduidingId", a.NummeraanduidingID, reBAG)
	o.pattern("postcode", a.Postcode, rePostcode)
	if a.Land != "" && len(a.Land) != 2 {
		o.fail("land", "min_length", "Zorg ervoor dat dit veld minimaal 2 karakters bevat.")
	}
	if a == (data.AdresKI{}) {
		return nil, true
	}
	return &a, true
}

// readContactnaam reads a contactnaam group into its four parts.
func readContactnaam(f *form, key string, vl, vn, vv, an *string) {
	o, ok := f.object(key, false, true)
	if !ok {
		return
	}
	if o == nil {
		*vl, *vn, *vv, *an = "", "", "", ""
		return
	}
	set := func(k string, max int, dst *string) {
		if v, ok := o.str(k, max, false); ok {
			*dst = v
		}
	}
	set("voorletters", 10, vl)
	set("voornaam", 200, vn)
	set("voorvoegselAchternaam", 10, vv)
	set("achternaam", 200, an)
}

// readIdentificator reads an identificator group (onderwerpobject, bijlage).
func readIdentificator(f *form, key string, dst *data.Identificator) {
	o, ok := f.object(key, false, true)
	if !ok {
		return
	}
	if o == nil {
		*dst = data.Identificator{}
		return
	}
	set := func(k string, p *string) {
		if v, ok := o.str(k, 200, false); ok {
			*p = v
		}
	}
	set("objectId", &dst.ObjectID)
	set("codeObjecttype", &dst.CodeObjecttype)
	set("codeRegister", &dst.CodeRegister)
	set("codeSoortObjectId", &dst.CodeSoortObjectID)
}

// nextNummer is the next free number of a table: the highest numeric one
// plus one, ten digits.
func nextNummer(n int, get func(i int) string) string {
	top := 0
	for i := 0; i < n; i++ {
		if v, err := strconv.Atoi(get(i)); err == nil && v > top {
			top = v
		}
	}
	s := strconv.Itoa(top + 1)
	for len(s) < 10 {
		s = "0" + s
	}
	return s
}

// target resolves the {uuid} of a detail path before the body is read, so
// an unknown object is a 404 whatever the body holds.
func target[T any](h *handler, w http.ResponseWriter, r *http.Request, k kind[T]) (data.UUID, bool) {
	u, ok := pathUUID(r)
	found := false
	if ok {
		h.e.Store.Read(func(d *data.Data) { _, found = k.lookup(h, d, u) })
	}
	if !found {
		provider.NotFound(w)
		return u, false
	}
	return u, true
}

// write runs one create or update: apply validates the form against the
// row (a copy) and returns a commit that stores it; the answer is rendered
// after the write so derived lists are current.
func write[T any, J any](h *handler, w http.ResponseWriter, r *http.Request, k kind[T], update, partial bool, fresh func() T,
	apply func(d *data.Data, f *form, row *T, ref data.Ref) func(ref data.Ref), setUUID func(row *T, u data.UUID),
	render func(d *data.Data, ref data.Ref) J) {
	if !provider.RequireScope(w, r, scopeSchrijven) {
		return
	}
	var u data.UUID
	if update {
		var ok bool
		if u, ok = target(h, w, r, k); !ok {
			return
		}
	}
	f, ok := readForm(w, r, partial)
	if !ok {
		return
	}
	ref := data.NoRef
	found := true
	h.e.Store.Write(func(d *data.Data) {
		var row T
		if update {
			if ref, found = k.lookup(h, d, u); !found {
				return
			}
			row = *k.tab(d).Get(ref)
		} else {
			row = fresh()
		}
		commit := apply(d, f, &row, ref)
		if f.failed() {
			return
		}
		if update {
			*k.tab(d).Get(ref) = row
		} else {
			nu := newUUID()
			setUUID(&row, nu)
			ref = k.tab(d).Add(nu, h.e.Inst, row)
		}
		if commit != nil {
			commit(ref)
		}
	})
	switch {
	case !found:
		provider.NotFound(w)
		return
	case f.failed():
		provider.WriteValidation(w, *f.errs...)
		return
	}
	var out J
	h.e.Store.Read(func(d *data.Data) { out = render(d, ref) })
	status := http.StatusOK
	if !update {
		status = http.StatusCreated
	}
	provider.WriteJSON(w, status, out)
}

// remove runs a delete: del marks the row and what cascades with it.
func remove[T any](h *handler, w http.ResponseWriter, r *http.Request, k kind[T], del func(d *data.Data, ref data.Ref)) {
	if !provider.RequireScope(w, r, scopeSchrijven) {
		return
	}
	u, ok := pathUUID(r)
	found := false
	if ok {
		h.e.Store.Write(func(d *data.Data) {
			ref, ok := k.lookup(h, d, u)
			if !ok {
				return
			}
			found = true
			del(d, ref)
		})
	}
	if !found {
		provider.NotFound(w)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// ---- partijen ----

func (h *handler) writePartij(update, partial bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		write(h, w, r, kPartij, update, partial,
			func() data.Partij {
				return data.Partij{Inst: h.e.Inst, VoorkeursDigitaalAdres: data.NoRef, WerkteVoorPartij: data.NoRef, IndicatieActief: true}
			},
			h.applyPartij, func(p *data.Partij, u data.UUID) { p.UUID = u },
			func(d *data.Data, ref data.Ref) partijJSON { return h.renderPartij(d, ref, nil) })
	}
}

type identInput struct {
	ident data.PartijIdentificator
	uuid  data.UUID
	keep  bool // the identificator names its UUID
}

func (h *handler) applyPartij(d *data.Data, f *form, p *data.Partij, ref data.Ref) func(data.Ref) {
	if v, ok := f.choice("soortPartij", soortenPartij, true); ok {
		p.SoortPartij = v
	}
	if v, ok := f.boolean("indicatieActief", true); ok {
		p.IndicatieActief = v
	}
	if v, ok := f.nullableStr("nummer", 10); ok {
		p.Nummer = v
	}
	if v, ok := f.str("interneNotitie", 1000, false); ok {
		p.InterneNotitie = v
	}
	if v, ok := f.str("voorkeurstaal", 3, false); ok {
		p.Voorkeurstaal = v
	}
	if v, ok := f.nullableBool("indicatieGeheimhouding"); ok {
		p.IndicatieGeheimhouding = v
	}
	if a, ok := readAdresKI(f, "bezoekadres"); ok {
		p.Bezoekadres = a
	}
	if a, ok := readAdresKI(f, "correspondentieadres"); ok {
		p.Correspondentieadres = a
	}
	if pi, ok := f.object("partijIdentificatie", false, true); ok && pi != nil {
		switch p.SoortPartij {
		case data.SoortPartijOrganisatie:
			if v, ok := pi.str("naam", 200, false); ok {
				p.Naam = v
			}
		case data.SoortPartijContactpersoon:
			if v, ok := refTo(h, d, pi, "werkteVoorPartij", kPartij, false, true); ok {
				if v != data.NoRef && d.Partijen.Get(v).SoortPartij != data.SoortPartijOrganisatie {
					pi.fail("werkteVoorPartij", "invalid", "Een contactpersoon kan alleen voor een organisatie werken.")
				}
				p.WerkteVoorPartij = v
			}
			readContactnaam(pi, "contactnaam", &p.Voorletters, &p.Voornaam, &p.VoorvoegselAchternaam, &p.Achternaam)
		default:
			readContactnaam(pi, "contactnaam", &p.Voorletters, &p.Voornaam, &p.VoorvoegselAchternaam, &p.Achternaam)
		}
	}
	// No rekeningnummers are registered, so none can be referred to.
	if items, ok := f.list("rekeningnummers", true); ok {
		for _, it := range items {
			if u, ok := it.uuidField(); ok {
				it.fail("uuid", "does_not_exist", fmt.Sprintf(msgNotFound, u))
			}
		}
	}
	if o, ok := f.object("voorkeursRekeningnummer", false, true); ok && o != nil {
		if u, ok := o.uuidField(); ok {
			o.fail("uuid", "does_not_exist", fmt.Sprintf(msgNotFound, u))
		}
	}

	// Digitale adressen: the given list replaces the partij's.
	adressen, adressenGiven := refList(h, d, f, "digitaleAdressen", kAdres)
	current := map[data.Ref]bool{}
	if ref != data.NoRef {
		for _, a := range h.adressenOfPartij(d, ref) {
			current[a] = true
		}
	}
	if adressenGiven {
		current = map[data.Ref]bool{}
		for _, a := range adressen {
			current[a] = true
		}
	}
	if v, ok := refTo(h, d, f, "voorkeursDigitaalAdres", kAdres, false, true); ok {
		if v != data.NoRef && !current[v] {
			f.fail("voorkeursDigitaalAdres", "invalid", "Het voorkeurs adres moet een gelinkte digitaal adres zijn.")
		}
		p.VoorkeursDigitaalAdres = v
	} else if p.VoorkeursDigitaalAdres != data.NoRef && !current[p.VoorkeursDigitaalAdres] {
		p.VoorkeursDigitaalAdres = data.NoRef
	}

	// Partij-identificatoren: the given list replaces the partij's.
	idents, identsGiven := h.readIdentificatoren(d, f, ref)
	if f.failed() {
		return nil
	}
	return func(ref data.Ref) {
		if adressenGiven {
			for _, a := range h.adressenOfPartij(d, ref) {
				if !current[a] {
					d.DigitaleAdressen.Get(a).Partij = data.NoRef
				}
			}
			for _, a := range adressen {
				d.DigitaleAdressen.Get(a).Partij = ref
			}
		}
		if identsGiven {
			old := h.identsOfPartij(d, ref)
			for _, i := range old {
				d.PartijIdentificatoren.Get(i).Deleted = true
			}
			for _, in := range idents {
				in.ident.Partij, in.ident.Inst = ref, h.e.Inst
				u := in.uuid
				if !in.keep {
					u = newUUID()
				}
				in.ident.UUID = u
				d.PartijIdentificatoren.Add(u, h.e.Inst, in.ident)
			}
		}
		if p := d.Partijen.Get(ref); p.Nummer == "" {
			p.Nummer = nextNummer(d.Partijen.Len(), func(i int) string { return d.Partijen.Rows[i].Nummer })
		}
	}
}

// identificatorAllowed is the hierarchy Open Klant enforces: register →
// codeObjecttype → codeSoortObjectId.
var identificatorAllowed = map[string]map[string][]string{
	data.CodeRegisterBRP: {data.CodeObjecttypeNatuurlijkPersoon: {data.CodeSoortObjectIDBSN}},
	data.CodeRegisterHR: {
		data.CodeObjecttypeNietNatuurlijkPersoon: {data.CodeSoortObjectIDRSIN, data.CodeSoortObjectIDKvKNummer},
		data.CodeObjecttypeVestiging:             {data.CodeSoortObjectIDVestigingsnummer},
	},
}

// readIdentificatoren validates the partijIdentificatoren of a partij
// body: the hierarchy, the objectId per soort, one identificator per soort,
// sub-identificatoren only for vestigingsnummers under a KvK number, and
// global uniqueness.
func (h *handler) readIdentificatoren(d *data.Data, f *form, partij data.Ref) ([]identInput, bool) {
	items, ok := f.list("partijIdentificatoren", true)
	if !ok {
		return nil, false
	}
	own := map[data.Ref]bool{}
	if partij != data.NoRef {
		for _, i := range h.identsOfPartij(d, partij) {
			own[i] = true
		}
	}
	var out []identInput
	soort := map[string]bool{}
	for _, it := range items {
		var in identInput
		if s, ok := it.nullableStr("uuid", 0); ok && s != "" {
			u, err := data.ParseUUID(s)
			if err != nil {
				it.fail("uuid", "invalid", msgUUID)
			} else if r, exists := d.PartijIdentificatoren.Lookup(u); exists && !own[r] && !d.PartijIdentificatoren.Get(r).Deleted {
				it.fail("uuid", "unique", "Er bestaat al een partij-identificator met deze uuid.")
			} else {
				in.uuid, in.keep = u, true
			}
		}
		if v, ok := it.str("anderePartijIdentificator", 200, false); ok {
			in.ident.AnderePartijIdentificator = v
		}
		g, ok := it.object("partijIdentificator", true, false)
		if !ok {
			continue
		}
		pi := &in.ident
		ot, ok1 := g.choice("codeObjecttype", codeObjecttypen, true)
		so, ok2 := g.choice("codeSoortObjectId", codeSoorten, true)
		reg, ok3 := g.choice("codeRegister", codeRegisters, true)
		id, ok4 := g.str("objectId", 200, true)
		if !(ok1 && ok2 && ok3 && ok4) {
			continue
		}
		pi.CodeObjecttype, pi.CodeSoortObjectID, pi.CodeRegister, pi.ObjectID = ot, so, reg, id
		allowed, ok := identificatorAllowed[reg][ot]
		if !ok {
			g.fail("codeObjecttype", "invalid", fmt.Sprintf("Voor `codeRegister` %s is `codeObjecttype` %s niet toegestaan.", reg, ot))
			continue
		}
		found := false
		for _, a := range allowed {
			found = found || a == so
		}
		if !found {
			g.fail("codeSoortObjectId", "invalid", fmt.Sprintf("Voor `codeObjecttype` %s zijn alleen deze waarden toegestaan: %v", ot, allowed))
			continue
		}
		switch so {
		case data.CodeSoortObjectIDBSN, data.CodeSoortObjectIDRSIN:
			if !elfProef(id) {
				g.fail("objectId", "invalid", "Deze waarde is ongeldig, reden: Onjuist nummer: voldoet niet aan de 11-proef.")
			}
		case data.CodeSoortObjectIDKvKNummer:
			if len(id) != 8 || !allDigits(id) {
				g.fail("objectId", "invalid", "Deze waarde is ongeldig, reden: Waarde moet 8 tekens lang zijn en alleen cijfers bevatten.")
			}
		case data.CodeSoortObjectIDVestigingsnummer:
			if len(id) != 12 || !allDigits(id) {
				g.fail("objectId", "invalid", "Deze waarde is ongeldig, reden: Waarde moet 12 tekens lang zijn en alleen cijfers bevatten.")
			}
		}
		pi.SubIdentificatorVan = data.NoRef
		if sub, ok := refTo(h, d, it, "subIdentificatorVan", kIdent, false, true); ok && sub != data.NoRef {
			switch {
			case so != data.CodeSoortObjectIDVestigingsnummer:
				it.fail("subIdentificatorVan", "invalid", "Alleen een identificator met codeSoortObjectId `vestigingsnummer` kan een `subIdentificatorVan` hebben.")
			case d.PartijIdentificatoren.Get(sub).CodeSoortObjectID != data.CodeSoortObjectIDKvKNummer:
				it.fail("subIdentificatorVan", "invalid", "Het is alleen mogelijk om een `subIdentificatorVan` met codeSoortObjectId `kvk_nummer` te kiezen.")
			}
			pi.SubIdentificatorVan = sub
		}
		if so == data.CodeSoortObjectIDVestigingsnummer && pi.SubIdentificatorVan == data.NoRef {
			it.fail("subIdentificatorVan", "required", "Voor een identificator met codeSoortObjectId `vestigingsnummer` is een `subIdentificatorVan` met codeSoortObjectId `kvk_nummer` verplicht.")
		}
		if soort[so] {
			it.fail(nonField, "unique", fmt.Sprintf("Een partij kan maar één identificator met codeSoortObjectId %s hebben.", so))
		}
		soort[so] = true
		for _, other := range h.identsByObjectID(d, id) {
			o := d.PartijIdentificatoren.Get(other)
			if !own[other] && o.CodeObjecttype == ot && o.CodeSoortObjectID == so && o.CodeRegister == reg && o.SubIdentificatorVan == pi.SubIdentificatorVan {
				it.fail(nonField, "unique", "`PartijIdentificator` moet uniek zijn, er bestaat er al een met deze gegevenscombinatie.")
				break
			}
		}
		out = append(out, in)
	}
	return out, true
}

func (h *handler) deletePartij(w http.ResponseWriter, r *http.Request) {
	remove(h, w, r, kPartij, func(d *data.Data, ref data.Ref) {
		for _, i := range h.identsOfPartij(d, ref) {
			d.PartijIdentificatoren.Get(i).Deleted = true
		}
		for _, a := range h.adressenOfPartij(d, ref) {
			d.DigitaleAdressen.Get(a).Deleted = true
		}
		for _, b := range h.betrokkenenOfPartij(d, ref) {
			d.Betrokkenen.Get(b).Partij = data.NoRef
		}
		for i := range d.Partijen.Rows {
			if p := &d.Partijen.Rows[i]; p.WerkteVoorPartij == ref {
				p.WerkteVoorPartij = data.NoRef
			}
		}
		d.Partijen.Get(ref).Deleted = true
	})
}

// ---- digitale adressen ----

func (h *handler) writeAdres(update, partial bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		write(h, w, r, kAdres, update, partial,
			func() data.DigitaalAdres {
				return data.DigitaalAdres{Inst: h.e.Inst, Partij: data.NoRef, Betrokkene: data.NoRef}
			},
			h.applyAdres, func(a *data.DigitaalAdres, u data.UUID) { a.UUID = u },
			func(d *data.Data, ref data.Ref) digitaalAdresJSON { return h.renderAdresDigitaal(d, ref, nil) })
	}
}

func (h *handler) applyAdres(d *data.Data, f *form, a *data.DigitaalAdres, ref data.Ref) func(data.Ref) {
	if v, ok := refTo(h, d, f, "verstrektDoorBetrokkene", kBetr, false, true); ok {
		a.Betrokkene = v
	}
	if v, ok := refTo(h, d, f, "verstrektDoorPartij", kPartij, false, true); ok {
		a.Partij = v
	}
	if v, ok := f.str("adres", 80, true); ok {
		a.Adres = v
	}
	if v, ok := f.choice("soortDigitaalAdres", soortenAdres, true); ok {
		a.SoortDigitaalAdres = v
	}
	if v, ok := f.boolean("isStandaardAdres", false); ok {
		a.IsStandaardAdres = v
	}
	if v, ok := f.str("omschrijving", 40, false); ok {
		a.Omschrijving = v
	}
	if v, ok := f.str("referentie", 50, false); ok {
		a.Referentie = v
		f.pattern("referentie", v, reReferentie)
	}
	if v, ok := f.date("verificatieDatum"); ok {
		a.VerificatieDatum = v
	}
	if !f.failed() && a.Adres != "" {
		switch a.SoortDigitaalAdres {
		case data.SoortDigitaalAdresEmail:
			if !validEmail(a.Adres) {
				f.fail("adres", "invalid", "Voer een geldig e-mailadres in.")
			}
		case data.SoortDigitaalAdresTelefoonnummer:
			if !reTelefoon.MatchString(a.Adres) {
				f.fail("adres", "invalid", "Voer een geldig telefoonnummer in.")
			}
		}
	}
	if !a.IsStandaardAdres || a.Partij == data.NoRef {
		return nil
	}
	// One standaard adres per partij and soort.
	partij, soort := a.Partij, a.SoortDigitaalAdres
	return func(ref data.Ref) {
		for _, o := range h.adressenOfPartij(d, partij) {
			if x := d.DigitaleAdressen.Get(o); o != ref && x.SoortDigitaalAdres == soort {
				x.IsStandaardAdres = false
			}
		}
	}
}

func (h *handler) deleteAdres(w http.ResponseWriter, r *http.Request) {
	remove(h, w, r, kAdres, func(d *data.Data, ref data.Ref) {
		if p := d.DigitaleAdressen.Get(ref).Partij; p != data.NoRef && d.Partijen.Get(p).VoorkeursDigitaalAdres == ref {
			d.Partijen.Get(p).VoorkeursDigitaalAdres = data.NoRef
		}
		d.DigitaleAdressen.Get(ref).Deleted = true
	})
}

// ---- klantcontacten ----

func (h *handler) writeKlantcontact(update, partial bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		write(h, w, r, kKC, update, partial, h.freshKlantcontact, h.applyKlantcontact,
			func(k *data.Klantcontact, u data.UUID) { k.UUID = u },
			func(d *data.Data, ref data.Ref) klantcontactJSON { return h.renderKlantcontact(d, ref, nil) })
	}
}

func (h *handler) freshKlantcontact() data.Klantcontact {
	return data.Klantcontact{Inst: h.e.Inst, HoofdOnderwerpZaaktype: data.NoRef, PlaatsgevondenOp: now()}
}

func (h *handler) applyKlantcontact(d *data.Data, f *form, k *data.Klantcontact, ref data.Ref) func(data.Ref) {
	if v, ok := f.nullableStr("nummer", 10); ok {
		k.Nummer = v
	}
	if v, ok := f.nullableStr("referentienummer", 10); ok {
		k.Referentienummer = v
	}
	if v, ok := f.str("kanaal", 50, true); ok {
		k.Kanaal = v
	}
	if v, ok := f.str("onderwerp", 200, true); ok {
		k.Onderwerp = v
	}
	if v, ok := f.str("inhoud", 1000, false); ok {
		k.Inhoud = v
	}
	if v, ok := f.str("reactie", 4000, false); ok {
		k.Reactie = v
	}
	if v, ok := f.nullableBool("indicatieContactGelukt"); ok {
		k.IndicatieContactGelukt = v
	}
	if v, ok := f.str("hoofdOnderwerpType", 200, false); ok {
		if v != "" && !validURL(v) {
			f.fail("hoofdOnderwerpType", "invalid", msgURL)
		}
		k.HoofdOnderwerpType, k.HoofdOnderwerpZaaktype = v, data.NoRef
	}
	if v, ok := f.boolean("verdereActieOndernomen", false); ok {
		k.VerdereActieOndernomen = v
	}
	if v, ok := f.str("taal", 3, true); ok {
		k.Taal = v
	}
	if v, ok := f.boolean("vertrouwelijk", true); ok {
		k.Vertrouwelijk = v
	}
	if v, ok := f.dateTime("plaatsgevondenOp", false); ok {
		k.PlaatsgevondenOp = v
	}
	if raw, ok := f.field("metadata", false, false); ok {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(raw, &m); err != nil {
			f.fail("metadata", "invalid", fmt.Sprintf(msgObject, jsonKind(raw)))
		} else {
			mf := &form{m: m, prefix: f.name("metadata"), errs: f.errs}
			md := map[string]string{}
			for key := range m {
				if v, ok := mf.str(key, 255, false); ok {
					md[key] = v
				}
			}
			k.Metadata = md
		}
	}
	return func(ref data.Ref) {
		if kc := d.Klantcontacten.Get(ref); kc.Nummer == "" {
			kc.Nummer = nextNummer(d.Klantcontacten.Len(), func(i int) string { return d.Klantcontacten.Rows[i].Nummer })
		}
	}
}

// cascadeKlantcontact marks a klantcontact deleted with what belongs to
// it: betrokkenen (and the adressen they gave), onderwerpobjecten, interne
// taken, actor links and bijlagen; onderwerpobjecten that were about it
// lose that reference.
func (h *handler) cascadeKlantcontact(d *data.Data, kc data.Ref) {
	for _, b := range h.betrokkenenOfKC(d, kc) {
		for _, a := range h.adressenOfBetrokkene(d, b) {
			d.DigitaleAdressen.Get(a).Deleted = true
		}
		d.Betrokkenen.Get(b).Deleted = true
	}
	for _, o := range h.onderwerpobjectenOfKC(d, kc) {
		d.Onderwerpobjecten.Get(o).Deleted = true
	}
	for _, o := range h.onderwerpobjectenWasKC(d, kc) {
		d.Onderwerpobjecten.Get(o).WasKlantcontact = data.NoRef
	}
	for _, t := range h.takenOfKC(d, kc) {
		d.InterneTaken.Get(t).Deleted = true
	}
	for _, a := range h.actorKCsOfKC(d, kc) {
		d.ActorKlantcontacten.Get(a).Deleted = true
	}
	for _, b := range h.bijlagenOfKC(d, kc) {
		d.Bijlagen.Get(b).Deleted = true
	}
	d.Klantcontacten.Get(kc).Deleted = true
}

func (h *handler) deleteKlantcontact(w http.ResponseWriter, r *http.Request) {
	remove(h, w, r, kKC, h.cascadeKlantcontact)
}

// ---- betrokkenen ----

func (h *handler) writeBetrokkene(update, partial bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		write(h, w, r, kBetr, update, partial, h.freshBetrokkene,
			func(d *data.Data, f *form, b *data.Betrokkene, ref data.Ref) func(data.Ref) {
				h.applyBetrokkene(d, f, b, true)
				return nil
			},
			func(b *data.Betrokkene, u data.UUID) { b.UUID = u },
			func(d *data.Data, ref data.Ref) betrokkeneJSON { return h.renderBetrokkene(d, ref, nil) })
	}
}

func (h *handler) freshBetrokkene() data.Betrokkene {
	return data.Betrokkene{Inst: h.e.Inst, Partij: data.NoRef, Klantcontact: data.NoRef}
}

// applyBetrokkene reads a betrokkene; withKlantcontact is false inside
// maak-klantcontact, where the klantcontact is the one being made.
func (h *handler) applyBetrokkene(d *data.Data, f *form, b *data.Betrokkene, withKlantcontact bool) {
	if v, ok := refTo(h, d, f, "wasPartij", kPartij, false, true); ok {
		b.Partij = v
	}
	if withKlantcontact {
		if v, ok := refTo(h, d, f, "hadKlantcontact", kKC, true, false); ok {
			b.Klantcontact = v
		}
	}
	if a, ok := readAdresKI(f, "bezoekadres"); ok {
		b.Bezoekadres = a
	}
	if a, ok := readAdresKI(f, "correspondentieadres"); ok {
		b.Correspondentieadres = a
	}
	readContactnaam(f, "contactnaam", &b.Voorletters, &b.Voornaam, &b.VoorvoegselAchternaam, &b.Achternaam)
	if v, ok := f.choice("rol", rollen, true); ok {
		b.Rol = v
	}
	if v, ok := f.str("organisatienaam", 200, false); ok {
		b.Organisatienaam = v
	}
	if v, ok := f.boolean("initiator", true); ok {
		b.Initiator = v
	}
}

func (h *handler) deleteBetrokkene(w http.ResponseWriter, r *http.Request) {
	remove(h, w, r, kBetr, func(d *data.Data, ref data.Ref) {
		for _, a := range h.adressenOfBetrokkene(d, ref) {
			d.DigitaleAdressen.Get(a).Deleted = true
		}
		d.Betrokkenen.Get(ref).Deleted = true
	})
}

// ---- onderwerpobjecten ----

func (h *handler) writeOnderwerpobject(update, partial bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		write(h, w, r, kOnd, update, partial, h.freshOnderwerpobject,
			func(d *data.Data, f *form, o *data.Onderwerpobject, ref data.Ref) func(data.Ref) {
				h.applyOnderwerpobject(d, f, o, true)
				return nil
			},
			func(o *data.Onderwerpobject, u data.UUID) { o.UUID = u }, h.renderOnderwerpobject)
	}
}

func (h *handler) freshOnderwerpobject() data.Onderwerpobject {
	return data.Onderwerpobject{Inst: h.e.Inst, Klantcontact: data.NoRef, WasKlantcontact: data.NoRef}
}

func (h *handler) applyOnderwerpobject(d *data.Data, f *form, o *data.Onderwerpobject, withKlantcontact bool) {
	if withKlantcontact {
		if v, ok := refTo(h, d, f, "klantcontact", kKC, false, true); ok {
			o.Klantcontact = v
		}
	}
	if v, ok := refTo(h, d, f, "wasKlantcontact", kKC, false, true); ok {
		o.WasKlantcontact = v
	}
	readIdentificator(f, "onderwerpobjectidentificator", &o.Identificator)
	if o.Klantcontact != data.NoRef && o.Klantcontact == o.WasKlantcontact {
		f.fail("wasKlantcontact", "invalid", "Het klantcontact kan niet het onderwerp van zichzelf zijn.")
	}
}

// deleteOnderwerpobject serves DELETE, with cascade=true also deleting the
// klantcontacten it linked when no other onderwerpobject uses them; the
// answer then lists the klantcontacten kept.
func (h *handler) deleteOnderwerpobject(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeSchrijven) {
		return
	}
	q := newQuery(r)
	cascade, _ := q.boolean("cascade")
	if q.failed(w) {
		return
	}
	u, ok := pathUUID(r)
	found := false
	kept := []string{}
	if ok {
		h.e.Store.Write(func(d *data.Data) {
			ref, ok := kOnd.lookup(h, d, u)
			if !ok {
				return
			}
			found = true
			o := d.Onderwerpobjecten.Get(ref)
			linked := []data.Ref{o.Klantcontact, o.WasKlantcontact}
			var drop []data.Ref
			if cascade {
				for _, kc := range linked {
					if kc == data.NoRef || !kKC.live(h, d, kc) {
						continue
					}
					used := false
					for _, other := range append(h.onderwerpobjectenOfKC(d, kc), h.onderwerpobjectenWasKC(d, kc)...) {
						used = used || other != ref
					}
					if used {
						kept = append(kept, kKC.url(h, d, kc))
					} else {
						drop = append(drop, kc)
					}
				}
			}
			o.Deleted = true
			for _, kc := range drop {
				h.cascadeKlantcontact(d, kc)
			}
		})
	}
	if !found {
		provider.NotFound(w)
		return
	}
	if cascade {
		provider.WriteJSON(w, http.StatusOK, map[string][]string{"behouden": kept})
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// ---- interne taken ----

func (h *handler) writeTaak(update, partial bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		write(h, w, r, kTaak, update, partial,
			func() data.InterneTaak {
				return data.InterneTaak{Inst: h.e.Inst, Klantcontact: data.NoRef, ToegewezenOp: now()}
			},
			h.applyTaak, func(t *data.InterneTaak, u data.UUID) { t.UUID = u }, h.renderTaak)
	}
}

func (h *handler) applyTaak(d *data.Data, f *form, t *data.InterneTaak, ref data.Ref) func(data.Ref) {
	if v, ok := f.nullableStr("nummer", 10); ok {
		t.Nummer = v
	}
	if v, ok := f.nullableStr("referentienummer", 10); ok {
		t.Referentienummer = v
	}
	if v, ok := f.str("gevraagdeHandeling", 200, true); ok {
		t.GevraagdeHandeling = v
	}
	if v, ok := refTo(h, d, f, "aanleidinggevendKlantcontact", kKC, true, false); ok {
		t.Klantcontact = v
	}
	single, singleGiven := refTo(h, d, f, "toegewezenAanActor", kActor, false, false)
	actoren, actorenGiven := refList(h, d, f, "toegewezenAanActoren", kActor)
	switch {
	case actorenGiven:
		t.Actoren = actoren
	case singleGiven:
		t.Actoren = []data.Ref{single}
	}
	if len(t.Actoren) == 0 && (!f.partial || actorenGiven) && !f.failed() {
		f.fail("toegewezenAanActoren", "required", "Een interne taak moet aan ten minste één actor zijn toegewezen.")
	}
	if v, ok := f.str("toelichting", 1000, false); ok {
		t.Toelichting = v
	}
	oldStatus := t.Status
	if v, ok := f.choice("status", taakStatussen, true); ok {
		t.Status = v
	}
	afgehandeld, afgehandeldGiven := f.dateTime("afgehandeldOp", true)
	if afgehandeldGiven {
		t.AfgehandeldOp = afgehandeld
	}
	switch {
	case t.Status == data.TaakTeVerwerken:
		t.AfgehandeldOp = 0
	case t.Status == data.TaakVerwerkt && t.AfgehandeldOp == 0 && (oldStatus != data.TaakVerwerkt || !afgehandeldGiven):
		t.AfgehandeldOp = now()
	}
	return func(ref data.Ref) {
		if x := d.InterneTaken.Get(ref); x.Nummer == "" {
			x.Nummer = nextNummer(d.InterneTaken.Len(), func(i int) string { return d.InterneTaken.Rows[i].Nummer })
		}
	}
}

func (h *handler) deleteTaak(w http.ResponseWriter, r *http.Request) {
	remove(h, w, r, kTaak, func(d *data.Data, ref data.Ref) { d.InterneTaken.Get(ref).Deleted = true })
}

// ---- maak-klantcontact ----

type maakKlantcontactJSON struct {
	Klantcontact    klantcontactJSON     `json:"klantcontact"`
	Betrokkene      *betrokkeneJSON      `json:"betrokkene,omitempty"`
	Onderwerpobject *onderwerpobjectJSON `json:"onderwerpobject,omitempty"`
}

// maakKlantcontact creates a klantcontact with (optionally) its betrokkene
// and onderwerpobject in one request, all or nothing.
func (h *handler) maakKlantcontact(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeSchrijven) {
		return
	}
	f, ok := readForm(w, r, false)
	if !ok {
		return
	}
	kcRef, bRef, oRef := data.NoRef, data.NoRef, data.NoRef
	h.e.Store.Write(func(d *data.Data) {
		kf, ok := f.object("klantcontact", true, false)
		if !ok {
			return
		}
		kc := h.freshKlantcontact()
		commit := h.applyKlantcontact(d, kf, &kc, data.NoRef)
		var b data.Betrokkene
		bf, withB := f.object("betrokkene", false, true)
		withB = withB && bf != nil
		if withB {
			b = h.freshBetrokkene()
			h.applyBetrokkene(d, bf, &b, false)
		}
		var o data.Onderwerpobject
		of, withO := f.object("onderwerpobject", false, true)
		withO = withO && of != nil
		if withO {
			o = h.freshOnderwerpobject()
			h.applyOnderwerpobject(d, of, &o, false)
		}
		if f.failed() {
			return
		}
		kc.UUID = newUUID()
		kcRef = d.Klantcontacten.Add(kc.UUID, h.e.Inst, kc)
		commit(kcRef)
		if withB {
			b.UUID, b.Klantcontact = newUUID(), kcRef
			bRef = d.Betrokkenen.Add(b.UUID, h.e.Inst, b)
		}
		if withO {
			o.UUID, o.Klantcontact = newUUID(), kcRef
			oRef = d.Onderwerpobjecten.Add(o.UUID, h.e.Inst, o)
		}
	})
	if f.failed() {
		provider.WriteValidation(w, *f.errs...)
		return
	}
	var out maakKlantcontactJSON
	h.e.Store.Read(func(d *data.Data) {
		out.Klantcontact = h.renderKlantcontact(d, kcRef, nil)
		if bRef != data.NoRef {
			b := h.renderBetrokkene(d, bRef, nil)
			out.Betrokkene = &b
		}
		if oRef != data.NoRef {
			o := h.renderOnderwerpobject(d, oRef)
			out.Onderwerpobject = &o
		}
	})
	provider.WriteJSON(w, http.StatusCreated, out)
}
