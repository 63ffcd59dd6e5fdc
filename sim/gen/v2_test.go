package gen

import (
	"fmt"
	"net/mail"
	"reflect"
	"regexp"
	"slices"
	"testing"

	"github.com/klantgraaf/klantgraaf/sim/data"
)

var (
	phoneKIRE   = regexp.MustCompile(`^(0[1-9][0-9]{8}|\+[0-9]{9,15}|00[0-9]{7,13})$`)
	postcodeKI  = regexp.MustCompile(`^[1-9][0-9]{3} [A-Z]{2}$`)
	bagRE       = regexp.MustCompile(`^[0-9]{16}$`)
	nummerKIRE  = regexp.MustCompile(`^[0-9]{1,10}$`)
	referentieR = regexp.MustCompile(`^KC[0-9]{8}$`)
)

func checkAdresKI(c *checker, what string, a *data.AdresKI) {
	if a == nil {
		return
	}
	if !bagRE.MatchString(a.NummeraanduidingID) || !postcodeKI.MatchString(a.Postcode) || a.Land != "NL" ||
		a.Huisnummer < 1 || a.Huisnummer > 99999 || a.Straatnaam == "" || a.Stad == "" {
		c.errorf("%s: address %+v", what, *a)
	}
	c.maxLen(what+" huisnummertoevoeging", a.Huisnummertoevoeging, 20)
}

// zaakByUUID maps the zaken to their UUIDs.
func zaakByUUID(d *data.Data) map[string]data.Ref {
	m := make(map[string]data.Ref, d.Zaken.Len())
	for i := range d.Zaken.Rows {
		m[d.Zaken.UUIDOf(data.Ref(i)).String()] = data.Ref(i)
	}
	return m
}

// checkV2Dataset verifies the Klantinteracties and Contactgegevens data:
// owners, references, identificators, formats the schemas demand, and that
// every onderwerpobject names a zaak that exists in the zaaksysteem its
// codeRegister names.
func checkV2Dataset(t *testing.T, d *data.Data, topo data.Topology) {
	c := &checker{t: t}
	ki := data.APIKlantinteracties
	checkTable(c, "partij", &d.Partijen, topo, ki, func(r *data.Partij) uint8 { return r.Inst })
	checkTable(c, "partijidentificator", &d.PartijIdentificatoren, topo, ki, func(r *data.PartijIdentificator) uint8 { return r.Inst })
	checkTable(c, "digitaaladres", &d.DigitaleAdressen, topo, ki, func(r *data.DigitaalAdres) uint8 { return r.Inst })
	checkTable(c, "klantcontact", &d.Klantcontacten, topo, ki, func(r *data.Klantcontact) uint8 { return r.Inst })
	checkTable(c, "betrokkene", &d.Betrokkenen, topo, ki, func(r *data.Betrokkene) uint8 { return r.Inst })
	checkTable(c, "onderwerpobject", &d.Onderwerpobjecten, topo, ki, func(r *data.Onderwerpobject) uint8 { return r.Inst })
	checkTable(c, "actor", &d.Actoren, topo, ki, func(r *data.Actor) uint8 { return r.Inst })
	checkTable(c, "actorklantcontact", &d.ActorKlantcontacten, topo, ki, func(r *data.ActorKlantcontact) uint8 { return r.Inst })
	checkTable(c, "internetaak", &d.InterneTaken, topo, ki, func(r *data.InterneTaak) uint8 { return r.Inst })
	checkTable(c, "bijlage", &d.Bijlagen, topo, ki, func(r *data.Bijlage) uint8 { return r.Inst })
	checkTable(c, "contactpersoon", &d.ContactPersonen, topo, data.APIContactgegevens, func(r *data.ContactPersoon) uint8 { return r.Inst })
	checkTable(c, "contactorganisatie", &d.ContactOrganisaties, topo, data.APIContactgegevens, func(r *data.ContactOrganisatie) uint8 { return r.Inst })

	np, nk, nb := d.Partijen.Len(), d.Klantcontacten.Len(), d.Betrokkenen.Len()
	refTime := data.DateTime(ReferenceDate().Unix())
	start := data.DateTime(int64(goLive) * 86400)

	// partijen and their identificatoren
	identsOf := map[data.Ref][]data.Ref{}
	global := map[string]bool{}
	for i := range d.PartijIdentificatoren.Rows {
		pi := &d.PartijIdentificatoren.Rows[i]
		if !valid(pi.Partij, np) {
			c.errorf("identificator %d: partij %d", i, pi.Partij)
			continue
		}
		identsOf[pi.Partij] = append(identsOf[pi.Partij], data.Ref(i))
		key := fmt.Sprint(pi.CodeObjecttype, pi.CodeSoortObjectID, pi.ObjectID, pi.CodeRegister, pi.SubIdentificatorVan)
		if global[key] {
			c.errorf("identificator %d: %s not unique", i, key)
		}
		global[key] = true
		switch pi.CodeSoortObjectID {
		case data.CodeSoortObjectIDBSN:
			if !Elfproef(pi.ObjectID) || pi.CodeObjecttype != data.CodeObjecttypeNatuurlijkPersoon || pi.CodeRegister != data.CodeRegisterBRP {
				c.errorf("identificator %d: BSN %+v", i, *pi)
			}
		case data.CodeSoortObjectIDRSIN:
			if !Elfproef(pi.ObjectID) || pi.CodeObjecttype != data.CodeObjecttypeNietNatuurlijkPersoon || pi.CodeRegister != data.CodeRegisterHR {
				c.errorf("identificator %d: RSIN %+v", i, *pi)
			}
		case data.CodeSoortObjectIDKvKNummer:
			if !kvkRE.MatchString(pi.ObjectID) || pi.CodeObjecttype != data.CodeObjecttypeNietNatuurlijkPersoon || pi.CodeRegister != data.CodeRegisterHR {
				c.errorf("identificator %d: KvK %+v", i, *pi)
			}
		case data.CodeSoortObjectIDVestigingsnummer:
			if !vestRE.MatchString(pi.ObjectID) || pi.CodeObjecttype != data.CodeObjecttypeVestiging || pi.CodeRegister != data.CodeRegisterHR ||
				!valid(pi.SubIdentificatorVan, d.PartijIdentificatoren.Len()) ||
				d.PartijIdentificatoren.Rows[pi.SubIdentificatorVan].CodeSoortObjectID != data.CodeSoortObjectIDKvKNummer {
				c.errorf("identificator %d: vestigingsnummer %+v", i, *pi)
			}
		default:
			c.errorf("identificator %d: soort %q", i, pi.CodeSoortObjectID)
		}
		if pi.CodeSoortObjectID != data.CodeSoortObjectIDVestigingsnummer && pi.SubIdentificatorVan != data.NoRef {
			c.errorf("identificator %d: sub-identificator of a %s", i, pi.CodeSoortObjectID)
		}
	}
	adressenOf := map[data.Ref][]data.Ref{}
	for i := range d.DigitaleAdressen.Rows {
		a := &d.DigitaleAdressen.Rows[i]
		if (a.Partij == data.NoRef) == (a.Betrokkene == data.NoRef) || (a.Partij != data.NoRef && !valid(a.Partij, np)) ||
			(a.Betrokkene != data.NoRef && !valid(a.Betrokkene, nb)) {
			c.errorf("digitaal adres %d: partij %d betrokkene %d", i, a.Partij, a.Betrokkene)
		}
		c.maxLen("adres", a.Adres, 80)
		c.maxLen("omschrijving", a.Omschrijving, 40)
		switch a.SoortDigitaalAdres {
		case data.SoortDigitaalAdresEmail:
			if m, err := mail.ParseAddress(a.Adres); err != nil || m.Address != a.Adres {
				c.errorf("digitaal adres %d: e-mail %q", i, a.Adres)
			}
		case data.SoortDigitaalAdresTelefoonnummer:
			if !phoneKIRE.MatchString(a.Adres) {
				c.errorf("digitaal adres %d: telefoonnummer %q", i, a.Adres)
			}
		default:
			c.errorf("digitaal adres %d: soort %q", i, a.SoortDigitaalAdres)
		}
		if a.Partij != data.NoRef {
			adressenOf[a.Partij] = append(adressenOf[a.Partij], data.Ref(i))
		}
	}
	for i := range d.Partijen.Rows {
		p := &d.Partijen.Rows[i]
		r := data.Ref(i)
		if !nummerKIRE.MatchString(p.Nummer) || p.Voorkeurstaal != "nld" {
			c.errorf("partij %d: nummer %q taal %q", i, p.Nummer, p.Voorkeurstaal)
		}
		checkAdresKI(c, fmt.Sprintf("partij %d bezoekadres", i), p.Bezoekadres)
		checkAdresKI(c, fmt.Sprintf("partij %d correspondentieadres", i), p.Correspondentieadres)
		if p.VoorkeursDigitaalAdres != data.NoRef && !slices.Contains(adressenOf[r], p.VoorkeursDigitaalAdres) {
			c.errorf("partij %d: voorkeursDigitaalAdres %d is not its own", i, p.VoorkeursDigitaalAdres)
		}
		soorten := map[string]bool{}
		for _, id := range identsOf[r] {
			s := d.PartijIdentificatoren.Rows[id].CodeSoortObjectID
			if soorten[s] {
				c.errorf("partij %d: two %s identificatoren", i, s)
			}
			soorten[s] = true
		}
		switch p.SoortPartij {
		case data.SoortPartijPersoon:
			if !soorten[data.CodeSoortObjectIDBSN] || len(soorten) != 1 || p.Voornaam == "" || p.Achternaam == "" {
				c.errorf("partij %d: persoon with %v", i, soorten)
			}
			c.maxLen("voorletters", p.Voorletters, 10)
			c.maxLen("voorvoegsel", p.VoorvoegselAchternaam, 10)
		case data.SoortPartijOrganisatie:
			company := soorten[data.CodeSoortObjectIDKvKNummer] && soorten[data.CodeSoortObjectIDRSIN] && len(soorten) == 2
			vestiging := soorten[data.CodeSoortObjectIDVestigingsnummer] && len(soorten) == 1
			if !company && !vestiging || p.Naam == "" || p.Bezoekadres == nil {
				c.errorf("partij %d: organisatie with %v", i, soorten)
			}
		case data.SoortPartijContactpersoon:
			if len(soorten) != 0 || !valid(p.WerkteVoorPartij, np) || d.Partijen.Rows[p.WerkteVoorPartij].SoortPartij != data.SoortPartijOrganisatie {
				c.errorf("partij %d: contactpersoon for %d", i, p.WerkteVoorPartij)
			}
		default:
			c.errorf("partij %d: soort %q", i, p.SoortPartij)
		}
		if p.SoortPartij != data.SoortPartijContactpersoon && p.WerkteVoorPartij != data.NoRef {
			c.errorf("partij %d: werkteVoorPartij set on a %s", i, p.SoortPartij)
		}
	}

	// klantcontacten
	zaken := zaakByUUID(d)
	betrOf := make([]int, nk)
	for i := range d.Betrokkenen.Rows {
		b := &d.Betrokkenen.Rows[i]
		if !valid(b.Klantcontact, nk) || (b.Partij != data.NoRef && !valid(b.Partij, np)) ||
			(b.Rol != data.RolKlant && b.Rol != data.RolVertegenwoordiger) || b.Achternaam == "" {
			c.errorf("betrokkene %d: %+v", i, *b)
			continue
		}
		betrOf[b.Klantcontact]++
	}
	last := ""
	for i := range d.Klantcontacten.Rows {
		k := &d.Klantcontacten.Rows[i]
		if k.PlaatsgevondenOp < start || k.PlaatsgevondenOp >= refTime {
			c.errorf("klantcontact %d: plaatsgevondenOp %d outside [goLive, reference)", i, k.PlaatsgevondenOp)
		}
		if k.Nummer <= last || !referentieR.MatchString(k.Referentienummer) || k.Taal != "nld" || k.Kanaal == "" || k.Onderwerp == "" {
			c.errorf("klantcontact %d: %q %q %q %q", i, k.Nummer, k.Referentienummer, k.Kanaal, k.Onderwerp)
		}
		last = k.Nummer
		c.maxLen("onderwerp", k.Onderwerp, 200)
		c.maxLen("inhoud", k.Inhoud, 1000)
		if k.HoofdOnderwerpZaaktype != data.NoRef && !valid(k.HoofdOnderwerpZaaktype, d.ZaakTypen.Len()) {
			c.errorf("klantcontact %d: zaaktype %d", i, k.HoofdOnderwerpZaaktype)
		}
		if betrOf[i] != 1 {
			c.errorf("klantcontact %d has %d betrokkenen", i, betrOf[i])
		}
	}
	for i := range d.Onderwerpobjecten.Rows {
		o := &d.Onderwerpobjecten.Rows[i]
		if !valid(o.Klantcontact, nk) || (o.WasKlantcontact != data.NoRef && !valid(o.WasKlantcontact, nk)) || o.WasKlantcontact == o.Klantcontact {
			c.errorf("onderwerpobject %d: %d / %d", i, o.Klantcontact, o.WasKlantcontact)
			continue
		}
		if o.WasKlantcontact != data.NoRef {
			if !o.Identificator.IsZero() || d.Klantcontacten.Rows[o.WasKlantcontact].PlaatsgevondenOp > d.Klantcontacten.Rows[o.Klantcontact].PlaatsgevondenOp {
				c.errorf("onderwerpobject %d: follow-up of a later klantcontact", i)
			}
			continue
		}
		id := o.Identificator
		z, ok := zaken[id.ObjectID]
		zi := topo.ByRegisterCode(id.CodeRegister, data.APIZaken)
		if !ok || id.CodeObjecttype != "zaak" || id.CodeSoortObjectID != "uuid" || zi < 0 || d.Zaken.Rows[z].Inst != uint8(zi) {
			c.errorf("onderwerpobject %d: %+v does not name a zaak in its zaaksysteem", i, id)
			continue
		}
		// The contact falls within the zaak's life (plus two weeks).
		kc := d.Klantcontacten.Rows[o.Klantcontact].PlaatsgevondenOp
		zr := &d.Zaken.Rows[z]
		if dayOf(kc) < zr.Registratiedatum {
			c.errorf("onderwerpobject %d: contact before the zaak was registered", i)
		}
	}
	for i := range d.Bijlagen.Rows {
		b := &d.Bijlagen.Rows[i]
		u, err := data.ParseUUID(b.Identificator.ObjectID)
		doc, ok := d.InformatieObjecten.Lookup(u)
		di := topo.ByRegisterCode(b.Identificator.CodeRegister, data.APIDocumenten)
		if err != nil || !ok || !valid(b.Klantcontact, nk) || b.Identificator.CodeObjecttype != "informatieobject" || di < 0 ||
			d.InformatieObjecten.Rows[doc].Inst != uint8(di) {
			c.errorf("bijlage %d: %+v", i, b.Identificator)
		}
	}
	for i := range d.ActorKlantcontacten.Rows {
		a := &d.ActorKlantcontacten.Rows[i]
		if !valid(a.Actor, d.Actoren.Len()) || !valid(a.Klantcontact, nk) {
			c.errorf("actorklantcontact %d", i)
		}
	}
	for i := range d.Actoren.Rows {
		a := &d.Actoren.Rows[i]
		if a.Naam == "" || a.Identificator.IsZero() {
			c.errorf("actor %d: %+v", i, *a)
		}
		switch a.SoortActor {
		case data.SoortActorMedewerker, data.SoortActorOrganisatorischeEenheid:
			if !phoneKIRE.MatchString(a.Telefoonnummer) || a.Emailadres == "" {
				c.errorf("actor %d: contact details %+v", i, *a)
			}
		case data.SoortActorGeautomatiseerdeActor:
			if a.Functie == "" {
				c.errorf("actor %d: functie", i)
			}
		}
		c.maxLen("functie", a.Functie, 40)
	}
	for i := range d.InterneTaken.Rows {
		tk := &d.InterneTaken.Rows[i]
		if !valid(tk.Klantcontact, nk) || len(tk.Actoren) == 0 || tk.GevraagdeHandeling == "" {
			c.errorf("interne taak %d: %+v", i, *tk)
			continue
		}
		for _, a := range tk.Actoren {
			if !valid(a, d.Actoren.Len()) {
				c.errorf("interne taak %d: actor %d", i, a)
			}
		}
		kc := d.Klantcontacten.Rows[tk.Klantcontact].PlaatsgevondenOp
		switch tk.Status {
		case data.TaakTeVerwerken:
			if tk.AfgehandeldOp != 0 {
				c.errorf("interne taak %d: open but afgehandeld", i)
			}
		case data.TaakVerwerkt:
			if tk.AfgehandeldOp < tk.ToegewezenOp || tk.AfgehandeldOp >= refTime {
				c.errorf("interne taak %d: afgehandeldOp %d", i, tk.AfgehandeldOp)
			}
		default:
			c.errorf("interne taak %d: status %q", i, tk.Status)
		}
		if tk.ToegewezenOp < kc || tk.ToegewezenOp >= refTime {
			c.errorf("interne taak %d: toegewezenOp before its klantcontact", i)
		}
	}
	for i := range d.ContactPersonen.Rows {
		p := &d.ContactPersonen.Rows[i]
		if p.Geslachtsnaam == "" || p.Voornamen == "" || p.Geboortedatum > lastDay-18*365 || !slices.Contains([]string{"m", "v", "o"}, p.Geslacht) {
			c.errorf("contactpersoon %d: %+v", i, *p)
		}
		checkAdresKI(c, "contactpersoon", p.Adres)
	}
	for i := range d.ContactOrganisaties.Rows {
		o := &d.ContactOrganisaties.Rows[i]
		if o.Handelsnaam == "" || o.Adres == nil {
			c.errorf("contactorganisatie %d: %+v", i, *o)
		}
		checkAdresKI(c, "contactorganisatie", o.Adres)
	}
}

func TestV2DatasetIsConsistent(t *testing.T) {
	topo := data.DefaultTopology()
	for _, c := range []struct {
		seed  uint64
		scale string
	}{{1, "small"}, {7, "small"}, {3, "medium"}} {
		t.Run(fmt.Sprint(c.scale, c.seed), func(t *testing.T) {
			checkV2Dataset(t, mustGenerate(t, c.seed, c.scale, topo), topo)
		})
	}
}

func TestV2Sizes(t *testing.T) {
	for _, scale := range []string{"small", "medium", ""} {
		d := mustGenerate(t, 11, scale, data.DefaultTopology())
		want, ok := ScaleSizesV2(scale)
		if !ok {
			t.Fatalf("no v2 sizes for %q", scale)
		}
		got := SizesV2{Partijen: d.Partijen.Len(), Klantcontacten: d.Klantcontacten.Len(), Internetaken: d.InterneTaken.Len(),
			Personen: d.ContactPersonen.Len(), Organisaties: d.ContactOrganisaties.Len()}
		if got != want {
			t.Errorf("scale %q: got %+v, want %+v", scale, got, want)
		}
	}
	if l, m := scaleSizesV2["large"], scaleSizesV2["medium"]; l.Partijen != 10*m.Partijen || l.Klantcontacten != 10*m.Klantcontacten {
		t.Errorf("large %+v is not 10 × medium %+v", l, m)
	}
	if len(generalOnderwerpen) != len(generalTexts) {
		t.Errorf("%d onderwerpen for %d texts", len(generalOnderwerpen), len(generalTexts))
	}
}

func TestV2Deterministic(t *testing.T) {
	topo := data.DefaultTopology()
	a, b := mustGenerate(t, 42, "small", topo), mustGenerate(t, 42, "small", topo)
	if !reflect.DeepEqual(a.Klantcontacten, b.Klantcontacten) || !reflect.DeepEqual(a.Partijen, b.Partijen) ||
		!reflect.DeepEqual(a.Onderwerpobjecten, b.Onderwerpobjecten) || !reflect.DeepEqual(a.ContactPersonen, b.ContactPersonen) {
		t.Fatal("same seed gave different v2 data")
	}
	if want := data.MakeUUID(42, "klantcontact", 0); a.Klantcontacten.UUIDOf(0) != want {
		t.Errorf("klantcontact 0 has UUID %s, want %s", a.Klantcontacten.UUIDOf(0), want)
	}
	c := mustGenerate(t, 43, "small", topo)
	if reflect.DeepEqual(a.Klantcontacten.Rows, c.Klantcontacten.Rows) {
		t.Error("another seed gave the same klantcontacten")
	}
}

// TestV2Split checks the migration: persons only in v1, only in v2 and in
// both (same BSN, partij nummer = klantnummer, contact details copied),
// about 40 % of the persons in v2, and v2 klantcontacten about zaken of the
// person in both zaaksystemen.
func TestV2Split(t *testing.T) {
	topo := data.Topology(data.DefaultTopology())
	d := mustGenerate(t, 9, "medium", topo)
	klantByBSN := map[string]*data.Klant{}
	for i := range d.Klanten.Rows {
		if k := &d.Klanten.Rows[i]; k.InpBsn != "" {
			klantByBSN[k.InpBsn] = k
		}
	}
	persons := map[string]bool{}
	for i := range d.Rollen.Rows {
		if r := &d.Rollen.Rows[i]; r.InpBsn != "" {
			persons[r.InpBsn] = true
		}
	}
	for b := range klantByBSN {
		persons[b] = true
	}
	var both, onlyV2, withZaken int
	v2 := map[string]bool{}
	for i := range d.PartijIdentificatoren.Rows {
		pi := &d.PartijIdentificatoren.Rows[i]
		if pi.CodeSoortObjectID != data.CodeSoortObjectIDBSN {
			continue
		}
		persons[pi.ObjectID] = true
		v2[pi.ObjectID] = true
		p := &d.Partijen.Rows[pi.Partij]
		if k, ok := klantByBSN[pi.ObjectID]; ok {
			both++
			if p.Nummer != k.Klantnummer || p.Achternaam != k.Achternaam || *p.Bezoekadres != *adresKI(&k.Adres) {
				t.Fatalf("migrated partij %+v does not match klant %s", *p, k.Klantnummer)
			}
			for i := range d.DigitaleAdressen.Rows {
				if a := &d.DigitaleAdressen.Rows[i]; a.Partij == pi.Partij && a.SoortDigitaalAdres == "email" && a.Adres != k.Emailadres {
					t.Fatalf("migrated e-mail %q, klant has %q", a.Adres, k.Emailadres)
				}
			}
		} else {
			onlyV2++
		}
	}
	onlyV1 := 0
	for b := range klantByBSN {
		if !v2[b] {
			onlyV1++
		}
	}
	for b := range v2 {
		if _, ok := klantByBSN[b]; !ok {
			for i := range d.Rollen.Rows {
				if d.Rollen.Rows[i].InpBsn == b {
					withZaken++
					break
				}
			}
		}
	}
	share := float64(len(v2)) / float64(len(persons))
	t.Logf("persons %d: v2 %d (%.0f %%): both %d, only v2 %d (%d with zaken); only v1 %d", len(persons), len(v2), share*100, both, onlyV2, withZaken, onlyV1)
	if both == 0 || onlyV2 == 0 || onlyV1 == 0 || withZaken == 0 || share < 0.3 || share > 0.5 {
		t.Errorf("split: both %d, only v2 %d (%d with zaken), only v1 %d, share %.2f", both, onlyV2, withZaken, onlyV1, share)
	}
	// Klantcontacten are about zaken in both zaaksystemen.
	regs := map[string]int{}
	for i := range d.Onderwerpobjecten.Rows {
		if id := d.Onderwerpobjecten.Rows[i].Identificator; id.CodeObjecttype == "zaak" {
			regs[id.CodeRegister]++
		}
	}
	if regs["open-zaak-a"] == 0 || regs["open-zaak-b"] == 0 || len(regs) != 2 {
		t.Errorf("onderwerpobjecten per register %v", regs)
	}
}

// v2Counts recomputes a showcase entry's Klantinteracties counts: the
// klantcontacten with one of its partijen as betrokkene, those with an
// onderwerpobject naming a zaak, the interne taken, and the zaken named
// (with their zaken instance).
func v2Counts(d *data.Data, e data.ShowcaseEntry) (kcs, about, taken int, zaken map[data.Ref]uint8) {
	byUUID := zaakByUUID(d)
	mine := map[data.Ref]bool{}
	for i := range d.Betrokkenen.Rows {
		if slices.Contains(e.Partijen, d.Betrokkenen.Rows[i].Partij) {
			mine[d.Betrokkenen.Rows[i].Klantcontact] = true
		}
	}
	kcs = len(mine)
	zaken = map[data.Ref]uint8{}
	seen := map[data.Ref]bool{}
	for i := range d.Onderwerpobjecten.Rows {
		o := &d.Onderwerpobjecten.Rows[i]
		if mine[o.Klantcontact] && o.Identificator.CodeObjecttype == "zaak" {
			z := byUUID[o.Identificator.ObjectID]
			zaken[z] = d.Zaken.Rows[z].Inst
			if !seen[o.Klantcontact] {
				seen[o.Klantcontact] = true
				about++
			}
		}
	}
	for i := range d.InterneTaken.Rows {
		if mine[d.InterneTaken.Rows[i].Klantcontact] {
			taken++
		}
	}
	return kcs, about, taken, zaken
}

func TestV2Showcase(t *testing.T) {
	topo := data.Topology(data.DefaultTopology())
	zakenA, zakenB := uint8(topo.Index("zaken-a")), uint8(topo.Index("zaken-b"))
	for _, scale := range []string{"small", "medium"} {
		d := mustGenerate(t, 13, scale, topo)
		byKey := map[string]data.ShowcaseEntry{}
		for _, e := range d.Showcase {
			byKey[e.Key] = e
			kcs, about, taken, zaken := v2Counts(d, e)
			if kcs != e.Klantcontacten || about != e.KlantcontactenOverZaak || taken != e.Internetaken {
				t.Errorf("%s %s: data has %d klantcontacten (%d about zaken), %d taken; entry says %d (%d), %d",
					scale, e.Key, kcs, about, taken, e.Klantcontacten, e.KlantcontactenOverZaak, e.Internetaken)
			}
			// Every zaak named is one of the party's own.
			own, _, _ := showcaseCounts(d, e)
			for z := range zaken {
				if !slices.Contains(own, z) {
					t.Errorf("%s: klantcontact about zaak %d of someone else", e.Key, z)
				}
			}
			wantGen := []string{}
			if len(e.Klanten) > 0 {
				wantGen = append(wantGen, "v1")
			}
			if len(e.Partijen) > 0 {
				wantGen = append(wantGen, "v2")
			}
			if !slices.Equal(e.Generaties, wantGen) {
				t.Errorf("%s: generaties %v", e.Key, e.Generaties)
			}
		}
		// v1-only parties have no partij; the v2 parties the documented ones.
		for _, k := range []string{ShowcaseBenchmark, ShowcaseBedrijf, ShowcaseAlleenZaken, ShowcaseVertrouwelijk, ShowcaseGroei10, ShowcaseGroei100, ShowcaseGroei1000} {
			if e := byKey[k]; len(e.Partijen) != 0 || e.Klantcontacten != 0 {
				t.Errorf("%s is in Klantinteracties", k)
			}
		}
		for _, b := range []string{ShowcaseBenchmarkBSN, ShowcaseAlleenZakenBSN, ShowcaseVertrouwelijkBSN, ShowcaseGroei1000BSN} {
			for i := range d.PartijIdentificatoren.Rows {
				if d.PartijIdentificatoren.Rows[i].ObjectID == b {
					t.Errorf("v1 showcase BSN %s has a partij", b)
				}
			}
		}
		if bm := byKey[ShowcaseBenchmark]; bm.Contactmomenten != 30 || bm.Zaken != 15 || bm.Verzoeken != 5 {
			t.Errorf("benchmark changed: %+v", bm)
		}
		want := map[string][4]int{ // klantcontacten, about zaak, taken, zaken named
			ShowcaseV2Alleen: {10, 6, 2, 4}, ShowcaseV1EnV2: {5, 3, 1, 3}, ShowcaseV2Benchmark: {30, 20, 5, 15}, ShowcaseV2Bedrijf: {7, 3, 1, 3},
		}
		for k, w := range want {
			e := byKey[k]
			_, _, _, zaken := v2Counts(d, e)
			perInst := map[uint8]int{}
			for _, in := range zaken {
				perInst[in]++
			}
			if got := [4]int{e.Klantcontacten, e.KlantcontactenOverZaak, e.Internetaken, len(zaken)}; got != w {
				t.Errorf("%s %s: %v, want %v", scale, k, got, w)
			}
			if perInst[zakenA] == 0 || perInst[zakenB] == 0 {
				t.Errorf("%s: zaken named per instance %v, want both zaaksystemen", k, perInst)
			}
		}
		// v2-alleen and v2-benchmark have no klant record; v1-en-v2 has one
		// with contactmomenten, and a zaak with contact in both generations
		// in each zaaksysteem.
		for _, k := range []string{ShowcaseV2Alleen, ShowcaseV2Benchmark} {
			if e := byKey[k]; len(e.Klanten) != 0 || len(e.Partijen) != 1 {
				t.Errorf("%s: %d klanten, %d partijen", k, len(e.Klanten), len(e.Partijen))
			}
			for i := range d.Klanten.Rows {
				if d.Klanten.Rows[i].InpBsn == byKey[k].BSN {
					t.Errorf("%s has a klant record", k)
				}
			}
		}
		both := byKey[ShowcaseV1EnV2]
		if len(both.Klanten) != 1 || len(both.Partijen) != 1 || both.Contactmomenten != 6 ||
			d.Partijen.Rows[both.Partijen[0]].Nummer != d.Klanten.Rows[both.Klanten[0]].Klantnummer {
			t.Fatalf("v1-en-v2 entry %+v", both)
		}
		_, _, _, v2zaken := v2Counts(d, both)
		v1zaken := map[data.Ref]bool{}
		for _, k := range d.KlantContactMomenten.Rows {
			if k.Klant == both.Klanten[0] {
				for _, o := range d.ContactMomenten.Rows[k.Contactmoment].Objectcontactmomenten {
					v1zaken[d.ObjectContactMomenten.Rows[o].Object] = true
				}
			}
		}
		inBoth := map[uint8]int{}
		for z, in := range v2zaken {
			if v1zaken[z] {
				inBoth[in]++
			}
		}
		if inBoth[zakenA] != 1 || inBoth[zakenB] != 1 {
			t.Errorf("v1-en-v2: zaken with contact in both generations per instance %v", inBoth)
		}
		// v2-benchmark: 15 zaken (8 + 7), every one named by a klantcontact.
		bz, _, _ := showcaseCounts(d, byKey[ShowcaseV2Benchmark])
		_, _, _, named := v2Counts(d, byKey[ShowcaseV2Benchmark])
		per := map[uint8]int{}
		for _, z := range bz {
			per[d.Zaken.Rows[z].Inst]++
			if _, ok := named[z]; !ok {
				t.Errorf("v2-benchmark zaak %s has no klantcontact", d.Zaken.Rows[z].Identificatie)
			}
		}
		if per[zakenA] != 8 || per[zakenB] != 7 {
			t.Errorf("v2-benchmark zaken per instance %v", per)
		}
		// v2-bedrijf: organisatie + two vestigingen, sub-identificatoren of the KvK one.
		bd := byKey[ShowcaseV2Bedrijf]
		if len(bd.Partijen) != 3 || bd.KvK != ShowcaseV2BedrijfKvK || len(bd.Klanten) != 0 {
			t.Fatalf("v2-bedrijf entry %+v", bd)
		}
		var kvkIdent data.Ref = data.NoRef
		vest := map[string]bool{}
		for i := range d.PartijIdentificatoren.Rows {
			pi := &d.PartijIdentificatoren.Rows[i]
			switch {
			case pi.Partij == bd.Partijen[0] && pi.CodeSoortObjectID == data.CodeSoortObjectIDKvKNummer && pi.ObjectID == ShowcaseV2BedrijfKvK:
				kvkIdent = data.Ref(i)
			case slices.Contains(bd.Partijen[1:], pi.Partij):
				vest[pi.ObjectID] = true
			}
		}
		for i := range d.PartijIdentificatoren.Rows {
			pi := &d.PartijIdentificatoren.Rows[i]
			if slices.Contains(bd.Partijen[1:], pi.Partij) && pi.SubIdentificatorVan != kvkIdent {
				t.Errorf("vestiging identificator %+v not under the KvK one", *pi)
			}
		}
		if kvkIdent == data.NoRef || !vest[ShowcaseV2BedrijfVestiging1] || !vest[ShowcaseV2BedrijfVestiging2] {
			t.Errorf("v2-bedrijf identificatoren: kvk %d, vestigingen %v", kvkIdent, vest)
		}
	}
}

// TestV2WithoutKlantinteracties: a topology without the v2 instances gets
// no v2 data, and its showcase says so.
func TestV2WithoutKlantinteracties(t *testing.T) {
	var topo data.Topology
	for _, s := range data.DefaultTopology() {
		if s.API != data.APIKlantinteracties && s.API != data.APIContactgegevens {
			topo = append(topo, s)
		}
	}
	d := mustGenerate(t, 1, "small", topo)
	if d.Partijen.Len() != 0 || d.Klantcontacten.Len() != 0 || d.ContactPersonen.Len() != 0 {
		t.Errorf("v2 data without v2 instances: %d partijen", d.Partijen.Len())
	}
	for _, e := range d.Showcase {
		if len(e.Partijen) != 0 || e.Klantcontacten != 0 || slices.Contains(e.Generaties, "v2") {
			t.Errorf("%s: %+v", e.Key, e)
		}
	}
	checkDataset(t, d, topo, true)
}
