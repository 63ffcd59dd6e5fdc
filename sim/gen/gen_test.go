package gen

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/klantgraaf/klantgraaf/sim/data"
)

func mustGenerate(t testing.TB, seed uint64, scale string, topo data.Topology) *data.Data {
	t.Helper()
	d, err := Generate(Config{Seed: seed, Scale: scale}, topo)
	if err != nil {
		t.Fatalf("Generate(seed %d, %s): %v", seed, scale, err)
	}
	return d
}

// checker collects failures and stops a test after too many.
type checker struct {
	t *testing.T
	n int
}

func (c *checker) errorf(format string, args ...any) {
	c.t.Helper()
	c.n++
	c.t.Errorf(format, args...)
	if c.n >= 25 {
		c.t.Fatalf("too many failures")
	}
}

func (c *checker) maxLen(what, s string, n int) {
	c.t.Helper()
	if utf8.RuneCountInString(s) > n {
		c.errorf("%s %q longer than %d", what, s, n)
	}
}

func valid(r data.Ref, n int) bool { return r >= 0 && int(r) < n }

// checkTable verifies the row UUIDs and their uniqueness, the owner bookkeeping and that every
// row lives in an instance of the right API kind.
func checkTable[T any](c *checker, name string, tb *data.Table[T], topo data.Topology, api data.APIKind, inst func(*T) uint8) {
	c.t.Helper()
	for i := range tb.Rows {
		r := data.Ref(i)
		if u := reflect.ValueOf(tb.Rows[i]).FieldByName("UUID").Interface().(data.UUID); u != tb.UUIDOf(r) || u == (data.UUID{}) {
			c.errorf("%s %d: row UUID %s, table UUID %s", name, i, u, tb.UUIDOf(r))
		}
		if got, ok := tb.Lookup(tb.UUIDOf(r)); !ok || got != r {
			c.errorf("%s %d: uuid %s does not look up to its row", name, i, tb.UUIDOf(r))
		}
		if in := inst(&tb.Rows[i]); in != tb.InstOf(r) {
			c.errorf("%s %d: row Inst %d, table owner %d", name, i, in, tb.InstOf(r))
		}
		if k := topo[tb.InstOf(r)].API; k != api {
			c.errorf("%s %d: owned by %s instance %q", name, i, k, topo[tb.InstOf(r)].Name)
		}
	}
}

type pair struct{ a, b data.Ref }

// sameMultiset reports whether two pair lists hold the same pairs.
func sameMultiset(x, y []pair) bool {
	cmp := func(p, q pair) int {
		if p.a != q.a {
			return int(p.a - q.a)
		}
		return int(p.b - q.b)
	}
	x, y = slices.Clone(x), slices.Clone(y)
	slices.SortFunc(x, cmp)
	slices.SortFunc(y, cmp)
	return slices.Equal(x, y)
}

func sameSet(x, y []data.Ref) bool {
	x, y = slices.Clone(x), slices.Clone(y)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}

var (
	postcodeRE = regexp.MustCompile(`^[1-9][0-9]{3}[A-Z]{2}$`)
	digitsRE   = regexp.MustCompile(`^[0-9]+$`)
	kvkRE      = regexp.MustCompile(`^[0-9]{8}$`)
	vestRE     = regexp.MustCompile(`^[0-9]{12}$`)
	durationRE = regexp.MustCompile(`^P([0-9]+[YMWD])+$`)
)

// checkDataset verifies the referential integrity, mirrors, orderings and
// spec constraints of a whole dataset. strictBSN requires every BSN to be
// in the 9999xxxxx test range.
func checkDataset(t *testing.T, d *data.Data, topo data.Topology, strictBSN bool) {
	c := &checker{t: t}
	refTime := data.DateTime(ReferenceDate().Unix())
	refDate := data.Date(ReferenceDate().Unix() / 86400)
	sameSystem := func(a, b uint8) bool { return topo[a].System == topo[b].System }

	// ---- tables and owners ----
	checkTable(c, "catalogus", &d.Catalogussen, topo, data.APICatalogi, func(r *data.Catalogus) uint8 { return r.Inst })
	checkTable(c, "zaaktype", &d.ZaakTypen, topo, data.APICatalogi, func(r *data.ZaakType) uint8 { return r.Inst })
	checkTable(c, "statustype", &d.StatusTypen, topo, data.APICatalogi, func(r *data.StatusType) uint8 { return r.Inst })
	checkTable(c, "resultaattype", &d.ResultaatTypen, topo, data.APICatalogi, func(r *data.ResultaatType) uint8 { return r.Inst })
	checkTable(c, "roltype", &d.RolTypen, topo, data.APICatalogi, func(r *data.RolType) uint8 { return r.Inst })
	checkTable(c, "eigenschap", &d.Eigenschappen, topo, data.APICatalogi, func(r *data.Eigenschap) uint8 { return r.Inst })
	checkTable(c, "informatieobjecttype", &d.InformatieObjectTypen, topo, data.APICatalogi, func(r *data.InformatieObjectType) uint8 { return r.Inst })
	checkTable(c, "zaak", &d.Zaken, topo, data.APIZaken, func(r *data.Zaak) uint8 { return r.Inst })
	checkTable(c, "status", &d.Statussen, topo, data.APIZaken, func(r *data.Status) uint8 { return r.Inst })
	checkTable(c, "resultaat", &d.Resultaten, topo, data.APIZaken, func(r *data.Resultaat) uint8 { return r.Inst })
	checkTable(c, "rol", &d.Rollen, topo, data.APIZaken, func(r *data.Rol) uint8 { return r.Inst })
	checkTable(c, "zaakeigenschap", &d.ZaakEigenschappen, topo, data.APIZaken, func(r *data.ZaakEigenschap) uint8 { return r.Inst })
	checkTable(c, "zaakinformatieobject", &d.ZaakInformatieObjecten, topo, data.APIZaken, func(r *data.ZaakInformatieObject) uint8 { return r.Inst })
	checkTable(c, "zaakcontactmoment", &d.ZaakContactMomenten, topo, data.APIZaken, func(r *data.ZaakContactMoment) uint8 { return r.Inst })
	checkTable(c, "zaakverzoek", &d.ZaakVerzoeken, topo, data.APIZaken, func(r *data.ZaakVerzoek) uint8 { return r.Inst })
	checkTable(c, "informatieobject", &d.InformatieObjecten, topo, data.APIDocumenten, func(r *data.EnkelvoudigInformatieObject) uint8 { return r.Inst })
	checkTable(c, "objectinformatieobject", &d.ObjectInformatieObjecten, topo, data.APIDocumenten, func(r *data.ObjectInformatieObject) uint8 { return r.Inst })
	checkTable(c, "klant", &d.Klanten, topo, data.APIKlanten, func(r *data.Klant) uint8 { return r.Inst })
	checkTable(c, "contactmoment", &d.ContactMomenten, topo, data.APIContactmomenten, func(r *data.ContactMoment) uint8 { return r.Inst })
	checkTable(c, "klantcontactmoment", &d.KlantContactMomenten, topo, data.APIContactmomenten, func(r *data.KlantContactMoment) uint8 { return r.Inst })
	checkTable(c, "objectcontactmoment", &d.ObjectContactMomenten, topo, data.APIContactmomenten, func(r *data.ObjectContactMoment) uint8 { return r.Inst })
	checkTable(c, "verzoek", &d.Verzoeken, topo, data.APIVerzoeken, func(r *data.Verzoek) uint8 { return r.Inst })
	checkTable(c, "klantverzoek", &d.KlantVerzoeken, topo, data.APIVerzoeken, func(r *data.KlantVerzoek) uint8 { return r.Inst })
	checkTable(c, "objectverzoek", &d.ObjectVerzoeken, topo, data.APIVerzoeken, func(r *data.ObjectVerzoek) uint8 { return r.Inst })
	checkTable(c, "verzoekcontactmoment", &d.VerzoekContactMomenten, topo, data.APIVerzoeken, func(r *data.VerzoekContactMoment) uint8 { return r.Inst })
	checkTable(c, "verzoekinformatieobject", &d.VerzoekInformatieObjecten, topo, data.APIVerzoeken, func(r *data.VerzoekInformatieObject) uint8 { return r.Inst })

	// ---- catalogi ----
	for i, cat := range d.Catalogussen.Rows {
		c.maxLen("catalogus domein", cat.Domein, 5)
		c.maxLen("catalogus contactpersoonBeheerNaam", cat.ContactpersoonBeheerNaam, 40)
		if !Elfproef(cat.RSIN) {
			c.errorf("catalogus %d: rsin %q fails the 11-proef", i, cat.RSIN)
		}
	}
	ztSub := func(name string, zt data.Ref, list []data.Ref, owner func(data.Ref) data.Ref, n int) {
		for _, r := range list {
			if !valid(r, n) || owner(r) != zt {
				c.errorf("zaaktype %d: %s %d does not belong to it", zt, name, r)
			}
		}
	}
	for i := range d.ZaakTypen.Rows {
		zt := &d.ZaakTypen.Rows[i]
		r := data.Ref(i)
		if !valid(zt.Catalogus, d.Catalogussen.Len()) || d.Catalogussen.Rows[zt.Catalogus].Inst != zt.Inst {
			c.errorf("zaaktype %d: catalogus %d invalid", i, zt.Catalogus)
		}
		c.maxLen("zaaktype identificatie", zt.Identificatie, 50)
		c.maxLen("zaaktype omschrijving", zt.Omschrijving, 80)
		c.maxLen("zaaktype onderwerp", zt.Onderwerp, 80)
		c.maxLen("zaaktype handelingInitiator", zt.HandelingInitiator, 20)
		c.maxLen("zaaktype handelingBehandelaar", zt.HandelingBehandelaar, 20)
		if zt.Doel == "" || zt.Aanleiding == "" || !durationRE.MatchString(zt.Doorlooptijd) {
			c.errorf("zaaktype %d: doel/aanleiding/doorlooptijd missing or malformed", i)
		}
		if zt.IndicatieInternOfExtern != "intern" && zt.IndicatieInternOfExtern != "extern" {
			c.errorf("zaaktype %d: indicatieInternOfExtern %q", i, zt.IndicatieInternOfExtern)
		}
		if n := len(zt.Statustypen); n < 3 || n > 6 {
			c.errorf("zaaktype %d: %d statustypen", i, n)
		}
		if n := len(zt.Resultaattypen); n < 2 || n > 4 {
			c.errorf("zaaktype %d: %d resultaattypen", i, n)
		}
		if n := len(zt.Eigenschappen); n < 1 || n > 3 {
			c.errorf("zaaktype %d: %d eigenschappen", i, n)
		}
		ztSub("statustype", r, zt.Statustypen, func(x data.Ref) data.Ref { return d.StatusTypen.Rows[x].Zaaktype }, d.StatusTypen.Len())
		ztSub("resultaattype", r, zt.Resultaattypen, func(x data.Ref) data.Ref { return d.ResultaatTypen.Rows[x].Zaaktype }, d.ResultaatTypen.Len())
		ztSub("roltype", r, zt.Roltypen, func(x data.Ref) data.Ref { return d.RolTypen.Rows[x].Zaaktype }, d.RolTypen.Len())
		ztSub("eigenschap", r, zt.Eigenschappen, func(x data.Ref) data.Ref { return d.Eigenschappen.Rows[x].Zaaktype }, d.Eigenschappen.Len())
		for j, st := range zt.Statustypen {
			s := &d.StatusTypen.Rows[st]
			if int(s.Volgnummer) != j+1 || s.IsEindstatus != (j == len(zt.Statustypen)-1) {
				c.errorf("zaaktype %d: statustype %d has volgnummer %d, eindstatus %v", i, j, s.Volgnummer, s.IsEindstatus)
			}
		}
		gen := map[string]bool{}
		for _, rt := range zt.Roltypen {
			gen[d.RolTypen.Rows[rt].OmschrijvingGeneriek] = true
		}
		if !gen["initiator"] || !gen["behandelaar"] {
			c.errorf("zaaktype %d: no initiator or behandelaar roltype", i)
		}
		for _, io := range zt.Informatieobjecttypen {
			if !valid(io, d.InformatieObjectTypen.Len()) || !slices.Contains(d.InformatieObjectTypen.Rows[io].Zaaktypen, r) ||
				d.InformatieObjectTypen.Rows[io].Catalogus != zt.Catalogus {
				c.errorf("zaaktype %d: informatieobjecttype %d not mirrored", i, io)
			}
		}
	}
	for i, s := range d.StatusTypen.Rows {
		if !slices.Contains(d.ZaakTypen.Rows[s.Zaaktype].Statustypen, data.Ref(i)) {
			c.errorf("statustype %d missing from its zaaktype", i)
		}
		c.maxLen("statustype omschrijving", s.Omschrijving, 80)
	}
	for i, rt := range d.ResultaatTypen.Rows {
		if !slices.Contains(d.ZaakTypen.Rows[rt.Zaaktype].Resultaattypen, data.Ref(i)) {
			c.errorf("resultaattype %d missing from its zaaktype", i)
		}
		c.maxLen("resultaattype omschrijving", rt.Omschrijving, 30)
		if !strings.HasPrefix(rt.Selectielijstklasse, "https://selectielijst.openzaak.nl/api/v1/resultaten/") ||
			!strings.HasPrefix(rt.ResultaattypeOmschrijving, "https://selectielijst.openzaak.nl/api/v1/resultaattypeomschrijvingen/") {
			c.errorf("resultaattype %d: selectielijst URLs %q %q", i, rt.Selectielijstklasse, rt.ResultaattypeOmschrijving)
		}
		if rt.Archiefnominatie != "blijvend_bewaren" && rt.Archiefnominatie != "vernietigen" {
			c.errorf("resultaattype %d: archiefnominatie %q", i, rt.Archiefnominatie)
		}
	}
	rolGeneriek := []string{"adviseur", "behandelaar", "belanghebbende", "beslisser", "initiator", "klantcontacter", "zaakcoordinator", "mede_initiator"}
	for i, rt := range d.RolTypen.Rows {
		if !slices.Contains(d.ZaakTypen.Rows[rt.Zaaktype].Roltypen, data.Ref(i)) || !slices.Contains(rolGeneriek, rt.OmschrijvingGeneriek) {
			c.errorf("roltype %d: not in its zaaktype or generiek %q invalid", i, rt.OmschrijvingGeneriek)
		}
		c.maxLen("roltype omschrijving", rt.Omschrijving, 100)
	}
	for i, e := range d.Eigenschappen.Rows {
		if !slices.Contains(d.ZaakTypen.Rows[e.Zaaktype].Eigenschappen, data.Ref(i)) {
			c.errorf("eigenschap %d missing from its zaaktype", i)
		}
		c.maxLen("eigenschap naam", e.Naam, 20)
		c.maxLen("eigenschap definitie", e.Definitie, 255)
		c.maxLen("eigenschap lengte", e.Lengte, 14)
		c.maxLen("eigenschap kardinaliteit", e.Kardinaliteit, 3)
		if !slices.Contains([]string{"tekst", "getal", "datum", "datum_tijd"}, e.Formaat) {
			c.errorf("eigenschap %d: formaat %q", i, e.Formaat)
		}
	}
	for i, io := range d.InformatieObjectTypen.Rows {
		for _, zt := range io.Zaaktypen {
			if !valid(zt, d.ZaakTypen.Len()) || !slices.Contains(d.ZaakTypen.Rows[zt].Informatieobjecttypen, data.Ref(i)) {
				c.errorf("informatieobjecttype %d: zaaktype %d not mirrored", i, zt)
			}
		}
		c.maxLen("informatieobjecttype omschrijving", io.Omschrijving, 80)
	}

	// ---- klanten ----
	bsnPrefix := "9999"
	if !strictBSN {
		bsnPrefix = "99"
	}
	checkBSN := func(what, bsn string) {
		if !Elfproef(bsn) || !strings.HasPrefix(bsn, bsnPrefix) {
			c.errorf("%s: BSN %q not a valid test BSN", what, bsn)
		}
	}
	klantnummers, emails, bsns := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for i := range d.Klanten.Rows {
		k := &d.Klanten.Rows[i]
		if klantnummers[k.Klantnummer] {
			c.errorf("klant %d: klantnummer %q not unique", i, k.Klantnummer)
		}
		klantnummers[k.Klantnummer] = true
		c.maxLen("klantnummer", k.Klantnummer, 8)
		if k.Emailadres != "" {
			if emails[k.Emailadres] && k.SubjectType == data.SubjectNatuurlijkPersoon {
				c.errorf("klant %d: e-mail %q not unique", i, k.Emailadres)
			}
			emails[k.Emailadres] = true
			if !strings.Contains(k.Emailadres, "@") {
				c.errorf("klant %d: e-mail %q", i, k.Emailadres)
			}
		}
		c.maxLen("klant telefoonnummer", k.Telefoonnummer, 20)
		c.maxLen("klant voorvoegselAchternaam", k.VoorvoegselAchternaam, 10)
		c.maxLen("klant aanmaakkanaal", k.Aanmaakkanaal, 50)
		c.maxLen("klant adres huisnummertoevoeging", k.Adres.Huisnummertoevoeging, 4)
		if k.Bronorganisatie != MunicipalityRSIN || !Elfproef(k.Bronorganisatie) {
			c.errorf("klant %d: bronorganisatie %q", i, k.Bronorganisatie)
		}
		if !postcodeRE.MatchString(k.Adres.Postcode) || k.Adres.Straatnaam == "" || k.Adres.Woonplaats == "" || k.Adres.Huisnummer <= 0 {
			c.errorf("klant %d: adres %+v", i, k.Adres)
		}
		switch k.SubjectType {
		case data.SubjectNatuurlijkPersoon:
			checkBSN(fmt.Sprintf("klant %d", i), k.InpBsn)
			if bsns[k.InpBsn] {
				c.errorf("klant %d: two klanten for BSN %s", i, k.InpBsn)
			}
			bsns[k.InpBsn] = true
			if k.Subject != "" && k.Subject != brpURL+k.InpBsn {
				c.errorf("klant %d: subject %q", i, k.Subject)
			}
			if k.Achternaam == "" || k.Voornaam == "" || k.Geslachtsnaam != k.Achternaam {
				c.errorf("klant %d: names", i)
			}
			if _, err := time.Parse("2006-01-02", k.Geboortedatum); err != nil || (k.Geslachtsaanduiding != "m" && k.Geslachtsaanduiding != "v") {
				c.errorf("klant %d: geboortedatum %q / geslacht %q", i, k.Geboortedatum, k.Geslachtsaanduiding)
			}
		case data.SubjectNietNatuurlijkPersoon:
			if !Elfproef(k.InnNnpId) || !kvkRE.MatchString(k.KvkNummer) || k.Subject != kvkBasisURL+k.KvkNummer || k.Bedrijfsnaam == "" {
				c.errorf("klant %d: niet-natuurlijk persoon rsin %q kvk %q subject %q", i, k.InnNnpId, k.KvkNummer, k.Subject)
			}
		case data.SubjectVestiging:
			if !vestRE.MatchString(k.VestigingsNummer) || !kvkRE.MatchString(k.KvkNummer) || k.Subject != kvkVestURL+k.VestigingsNummer || len(k.Handelsnaam) != 1 {
				c.errorf("klant %d: vestiging %q kvk %q subject %q", i, k.VestigingsNummer, k.KvkNummer, k.Subject)
			}
		default:
			c.errorf("klant %d: subjectType %q", i, k.SubjectType)
		}
	}

	// ---- documents ----
	vertrouwelijkheidOK := func(v data.Vertrouwelijkheid) bool { return v <= data.ZeerGeheim }
	docIDs := map[string]bool{}
	docStatus := []string{"in_bewerking", "ter_vaststelling", "definitief", "gearchiveerd"}
	for i := range d.InformatieObjecten.Rows {
		doc := &d.InformatieObjecten.Rows[i]
		key := fmt.Sprint(doc.Inst, "/", doc.Identificatie)
		if docIDs[key] {
			c.errorf("document %d: identificatie %q not unique", i, doc.Identificatie)
		}
		docIDs[key] = true
		c.maxLen("document identificatie", doc.Identificatie, 40)
		c.maxLen("document titel", doc.Titel, 200)
		if !valid(doc.Informatieobjecttype, d.InformatieObjectTypen.Len()) ||
			!sameSystem(d.InformatieObjectTypen.Rows[doc.Informatieobjecttype].Inst, doc.Inst) {
			c.errorf("document %d: informatieobjecttype %d not of its system", i, doc.Informatieobjecttype)
		}
		if doc.Taal != "dut" || doc.Versie < 1 || doc.Bestandsomvang <= 0 || doc.Bestandsnaam == "" || doc.Formaat == "" || doc.Auteur == "" ||
			!slices.Contains(docStatus, doc.Status) || !vertrouwelijkheidOK(doc.Vertrouwelijkheid) || doc.Bronorganisatie != MunicipalityRSIN {
			c.errorf("document %d: fields %+v", i, *doc)
		}
		if doc.Creatiedatum >= refDate || doc.BeginRegistratie >= refTime {
			c.errorf("document %d: dated after the reference date", i)
		}
	}

	// ---- zaken ----
	nz := d.Zaken.Len()
	statussenOf := make([][]data.Ref, nz)
	for i, s := range d.Statussen.Rows {
		if !valid(s.Zaak, nz) || !valid(s.Statustype, d.StatusTypen.Len()) {
			c.errorf("status %d: invalid refs", i)
			continue
		}
		statussenOf[s.Zaak] = append(statussenOf[s.Zaak], data.Ref(i))
	}
	rollenOf := make([][]data.Ref, nz)
	for i, r := range d.Rollen.Rows {
		if !valid(r.Zaak, nz) || !valid(r.Roltype, d.RolTypen.Len()) {
			c.errorf("rol %d: invalid refs", i)
			continue
		}
		rollenOf[r.Zaak] = append(rollenOf[r.Zaak], data.Ref(i))
	}
	eigOf := make([][]data.Ref, nz)
	for i, e := range d.ZaakEigenschappen.Rows {
		if !valid(e.Zaak, nz) || !valid(e.Eigenschap, d.Eigenschappen.Len()) {
			c.errorf("zaakeigenschap %d: invalid refs", i)
			continue
		}
		eigOf[e.Zaak] = append(eigOf[e.Zaak], data.Ref(i))
	}
	zioOf := make([][]data.Ref, nz)
	var zioPairs, oioZaakPairs, oioVerzPairs, vioPairs []pair
	for i, z := range d.ZaakInformatieObjecten.Rows {
		if !valid(z.Zaak, nz) || !valid(z.Informatieobject, d.InformatieObjecten.Len()) {
			c.errorf("zaakinformatieobject %d: invalid refs", i)
			continue
		}
		zioOf[z.Zaak] = append(zioOf[z.Zaak], data.Ref(i))
		zioPairs = append(zioPairs, pair{z.Zaak, z.Informatieobject})
	}
	for i, o := range d.ObjectInformatieObjecten.Rows {
		if !valid(o.Informatieobject, d.InformatieObjecten.Len()) || o.Inst != d.InformatieObjecten.Rows[o.Informatieobject].Inst {
			c.errorf("objectinformatieobject %d: invalid document", i)
			continue
		}
		switch o.ObjectType {
		case "zaak":
			if !valid(o.Object, nz) {
				c.errorf("objectinformatieobject %d: invalid zaak", i)
			}
			oioZaakPairs = append(oioZaakPairs, pair{o.Object, o.Informatieobject})
		case "verzoek":
			if !valid(o.Object, d.Verzoeken.Len()) {
				c.errorf("objectinformatieobject %d: invalid verzoek", i)
			}
			oioVerzPairs = append(oioVerzPairs, pair{o.Object, o.Informatieobject})
		default:
			c.errorf("objectinformatieobject %d: objectType %q", i, o.ObjectType)
		}
	}
	if !sameMultiset(zioPairs, oioZaakPairs) {
		c.errorf("zaakinformatieobjecten and objectinformatieobjecten (zaak) differ")
	}
	zaakIDs := map[string]bool{}
	closed, aboveZV, veryHigh := 0, 0, 0
	for i := range d.Zaken.Rows {
		z := &d.Zaken.Rows[i]
		zr := data.Ref(i)
		if !valid(z.Zaaktype, d.ZaakTypen.Len()) || !sameSystem(d.ZaakTypen.Rows[z.Zaaktype].Inst, z.Inst) {
			c.errorf("zaak %d: zaaktype %d not of its system", i, z.Zaaktype)
			continue
		}
		zt := &d.ZaakTypen.Rows[z.Zaaktype]
		key := fmt.Sprint(z.Inst, "/", z.Identificatie)
		if zaakIDs[key] {
			c.errorf("zaak %d: identificatie %q not unique", i, z.Identificatie)
		}
		zaakIDs[key] = true
		c.maxLen("zaak identificatie", z.Identificatie, 40)
		c.maxLen("zaak omschrijving", z.Omschrijving, 80)
		c.maxLen("zaak toelichting", z.Toelichting, 1000)
		if z.Bronorganisatie != MunicipalityRSIN || z.VerantwoordelijkeOrganisatie != MunicipalityRSIN {
			c.errorf("zaak %d: bronorganisatie", i)
		}
		if z.Startdatum > z.Registratiedatum || z.Registratiedatum >= refDate || z.Startdatum < zt.BeginGeldigheid ||
			z.EinddatumGepland < z.Startdatum || z.UiterlijkeEinddatumAfdoening < z.EinddatumGepland ||
			(z.Einddatum != 0 && (z.Einddatum < z.Registratiedatum || z.Einddatum >= refDate)) {
			c.errorf("zaak %d: inconsistent dates start %d reg %d eind %d gepland %d", i, z.Startdatum, z.Registratiedatum, z.Einddatum, z.EinddatumGepland)
		}
		if z.Archiefstatus != "nog_te_archiveren" || (z.Einddatum == 0) != (z.Archiefnominatie == "") {
			c.errorf("zaak %d: archief %q %q", i, z.Archiefstatus, z.Archiefnominatie)
		}
		if !vertrouwelijkheidOK(z.Vertrouwelijkheid) {
			c.errorf("zaak %d: vertrouwelijkheid %d", i, z.Vertrouwelijkheid)
		}
		if z.Vertrouwelijkheid > data.Zaakvertrouwelijk {
			aboveZV++
		}
		if z.Vertrouwelijkheid >= data.Confidentieel {
			veryHigh++
		}
		if z.Geometrie != nil && (z.Geometrie.Lon < 3.3 || z.Geometrie.Lon > 7.3 || z.Geometrie.Lat < 50.7 || z.Geometrie.Lat > 53.6) {
			c.errorf("zaak %d: geometrie outside the Netherlands: %+v", i, *z.Geometrie)
		}
		for _, k := range z.Kenmerken {
			c.maxLen("kenmerk", k.Kenmerk, 40)
			c.maxLen("kenmerk bron", k.Bron, 40)
		}
		if z.Communicatiekanaal != "" && !strings.HasPrefix(z.Communicatiekanaal, "https://") {
			c.errorf("zaak %d: communicatiekanaal %q is no URL", i, z.Communicatiekanaal)
		}

		// Status history.
		sts := statussenOf[i]
		if len(sts) == 0 {
			c.errorf("zaak %d: no statussen", i)
			continue
		}
		for j, s := range sts {
			st := &d.Statussen.Rows[s]
			if st.Statustype != zt.Statustypen[j] {
				c.errorf("zaak %d: status %d has statustype %d, want the zaaktype's statustype %d", i, j, st.Statustype, j+1)
			}
			if j > 0 && st.DatumStatusGezet <= d.Statussen.Rows[sts[j-1]].DatumStatusGezet {
				c.errorf("zaak %d: statussen not in increasing time", i)
			}
			if st.DatumStatusGezet >= refTime || dayOf(st.DatumStatusGezet) < z.Registratiedatum {
				c.errorf("zaak %d: status %d at %d outside [registratie, reference)", i, j, st.DatumStatusGezet)
			}
		}
		lastSt := sts[len(sts)-1]
		if z.Status != lastSt {
			c.errorf("zaak %d: Status %d, latest status is %d", i, z.Status, lastSt)
		}
		eind := d.StatusTypen.Rows[d.Statussen.Rows[lastSt].Statustype].IsEindstatus
		if eind != (z.Einddatum != 0) || eind != (z.Resultaat != data.NoRef) {
			c.errorf("zaak %d: eindstatus %v, einddatum %d, resultaat %d", i, eind, z.Einddatum, z.Resultaat)
		}
		if eind {
			closed++
			if dayOf(d.Statussen.Rows[lastSt].DatumStatusGezet) != z.Einddatum {
				c.errorf("zaak %d: einddatum is not the day of the eindstatus", i)
			}
			res := &d.Resultaten.Rows[z.Resultaat]
			if res.Zaak != zr || !slices.Contains(zt.Resultaattypen, res.Resultaattype) {
				c.errorf("zaak %d: resultaat %d does not fit", i, z.Resultaat)
			}
		}
		if z.LaatstGemuteerd < d.Statussen.Rows[lastSt].DatumStatusGezet || z.LaatstGemuteerd >= refTime {
			c.errorf("zaak %d: laatstGemuteerd %d", i, z.LaatstGemuteerd)
		}

		// Rollen.
		if !sameSet(z.Rollen, rollenOf[i]) {
			c.errorf("zaak %d: Rollen %v, rollen table says %v", i, z.Rollen, rollenOf[i])
		}
		initiators, behandelaars := 0, 0
		for _, rr := range z.Rollen {
			r := &d.Rollen.Rows[rr]
			if !slices.Contains(zt.Roltypen, r.Roltype) {
				c.errorf("rol %d: roltype not of the zaak's zaaktype", rr)
			}
			switch d.RolTypen.Rows[r.Roltype].OmschrijvingGeneriek {
			case "initiator":
				initiators++
			case "behandelaar":
				behandelaars++
			}
			if r.Registratiedatum >= refTime {
				c.errorf("rol %d: registered after the reference date", rr)
			}
			checkRol(c, d, rr, checkBSN)
		}
		if initiators != 1 || behandelaars != 1 {
			c.errorf("zaak %d: %d initiators, %d behandelaars", i, initiators, behandelaars)
		}

		// Eigenschappen.
		if !sameSet(z.Eigenschappen, eigOf[i]) {
			c.errorf("zaak %d: Eigenschappen differ from the table", i)
		}
		for _, er := range z.Eigenschappen {
			ze := &d.ZaakEigenschappen.Rows[er]
			e := &d.Eigenschappen.Rows[ze.Eigenschap]
			if !slices.Contains(zt.Eigenschappen, ze.Eigenschap) {
				c.errorf("zaakeigenschap %d: eigenschap not of the zaaktype", er)
			}
			switch e.Formaat {
			case "getal":
				if !digitsRE.MatchString(ze.Waarde) {
					c.errorf("zaakeigenschap %d: getal %q", er, ze.Waarde)
				}
			case "datum":
				if _, err := time.Parse("20060102", ze.Waarde); err != nil {
					c.errorf("zaakeigenschap %d: datum %q", er, ze.Waarde)
				}
			default:
				if ze.Waarde == "" {
					c.errorf("zaakeigenschap %d: empty", er)
				}
			}
		}

		// Documents.
		if !sameSet(z.Zaakinformatieobjecten, zioOf[i]) {
			c.errorf("zaak %d: Zaakinformatieobjecten differ from the table", i)
		}
		for _, zi := range z.Zaakinformatieobjecten {
			doc := &d.InformatieObjecten.Rows[d.ZaakInformatieObjecten.Rows[zi].Informatieobject]
			if !sameSystem(doc.Inst, z.Inst) || doc.Vertrouwelijkheid > z.Vertrouwelijkheid ||
				!slices.Contains(zt.Informatieobjecttypen, doc.Informatieobjecttype) {
				c.errorf("zaak %d: document %q not in its system, above its vertrouwelijkheid or of a foreign type", i, doc.Identificatie)
			}
		}

		// Hoofdzaak and deelzaken.
		if z.Hoofdzaak != data.NoRef {
			if !valid(z.Hoofdzaak, nz) {
				c.errorf("zaak %d: invalid hoofdzaak", i)
			} else if h := &d.Zaken.Rows[z.Hoofdzaak]; !slices.Contains(h.Deelzaken, zr) || h.Hoofdzaak != data.NoRef || h.Inst != z.Inst {
				c.errorf("zaak %d: hoofdzaak %d does not list it as deelzaak", i, z.Hoofdzaak)
			}
		}
		for _, dz := range z.Deelzaken {
			if !valid(dz, nz) || d.Zaken.Rows[dz].Hoofdzaak != zr {
				c.errorf("zaak %d: deelzaak %d does not point back", i, dz)
			}
		}
	}
	if nz > 500 {
		if share := float64(closed) / float64(nz); share < 0.3 || share > 0.5 {
			c.errorf("closed share %.2f, want about 0.4", share)
		}
		if share := float64(aboveZV) / float64(nz); share > 0.15 || veryHigh == 0 {
			c.errorf("share above zaakvertrouwelijk %.2f (want a few, below 15 %%), confidentieel or higher: %d", share, veryHigh)
		}
	}

	// ---- contactmomenten ----
	ncm := d.ContactMomenten.Len()
	kcmOf := make([][]data.Ref, ncm)
	for i, k := range d.KlantContactMomenten.Rows {
		if !valid(k.Contactmoment, ncm) || !valid(k.Klant, d.Klanten.Len()) || (k.Rol != "gesprekspartner" && k.Rol != "belanghebbende") {
			c.errorf("klantcontactmoment %d: invalid", i)
			continue
		}
		kcmOf[k.Contactmoment] = append(kcmOf[k.Contactmoment], data.Ref(i))
	}
	ocmOf := make([][]data.Ref, ncm)
	var ocmPairs, zcmPairs []pair
	for i, o := range d.ObjectContactMomenten.Rows {
		if !valid(o.Contactmoment, ncm) || !valid(o.Object, nz) || o.ObjectType != "zaak" {
			c.errorf("objectcontactmoment %d: invalid", i)
			continue
		}
		ocmOf[o.Contactmoment] = append(ocmOf[o.Contactmoment], data.Ref(i))
		ocmPairs = append(ocmPairs, pair{o.Object, o.Contactmoment})
	}
	for i, z := range d.ZaakContactMomenten.Rows {
		if !valid(z.Zaak, nz) || !valid(z.Contactmoment, ncm) || z.Inst != d.Zaken.Rows[z.Zaak].Inst {
			c.errorf("zaakcontactmoment %d: invalid", i)
			continue
		}
		zcmPairs = append(zcmPairs, pair{z.Zaak, z.Contactmoment})
	}
	if !sameMultiset(ocmPairs, zcmPairs) {
		c.errorf("zaakcontactmomenten and objectcontactmomenten differ")
	}
	kanaalOK := map[string]bool{}
	for _, k := range kanalen {
		kanaalOK[k] = true
	}
	for i := range d.ContactMomenten.Rows {
		cm := &d.ContactMomenten.Rows[i]
		r := data.Ref(i)
		if len(kcmOf[i]) != 1 || !slices.Equal(cm.Klantcontactmomenten, kcmOf[i]) {
			c.errorf("contactmoment %d: klantcontactmomenten %v, table %v", i, cm.Klantcontactmomenten, kcmOf[i])
			continue
		}
		if !sameSet(cm.Objectcontactmomenten, ocmOf[i]) {
			c.errorf("contactmoment %d: objectcontactmomenten differ", i)
		}
		klant := d.KlantContactMomenten.Rows[cm.Klantcontactmomenten[0]].Klant
		for _, o := range cm.Objectcontactmomenten {
			if !zaakOfKlant(d, d.ObjectContactMomenten.Rows[o].Object, klant) {
				c.errorf("contactmoment %d: linked zaak %d was not initiated by its klant", i, d.ObjectContactMomenten.Rows[o].Object)
			}
		}
		if !kanaalOK[cm.Kanaal] || cm.Voorkeurstaal != "nld" || (cm.Initiatiefnemer != "klant" && cm.Initiatiefnemer != "gemeente") ||
			cm.Registratiedatum >= refTime || cm.Tekst == "" || cm.Bronorganisatie != MunicipalityRSIN {
			c.errorf("contactmoment %d: fields %+v", i, *cm)
		}
		c.maxLen("medewerker identificatie", cm.MedewerkerID, 24)
		c.maxLen("medewerker voorvoegselAchternaam", cm.MedewerkerVoorvoegsel, 10)
		if cm.Medewerker != "" && !strings.HasPrefix(cm.Medewerker, medewerkerURL+cm.MedewerkerID) {
			c.errorf("contactmoment %d: medewerker %q vs %q", i, cm.Medewerker, cm.MedewerkerID)
		}
		if v := cm.VolgendContactmoment; v != data.NoRef {
			if !valid(v, ncm) || d.ContactMomenten.Rows[v].VorigContactmoment != r || d.ContactMomenten.Rows[v].Registratiedatum < cm.Registratiedatum {
				c.errorf("contactmoment %d: volgend %d does not point back", i, v)
			}
		}
		if v := cm.VorigContactmoment; v != data.NoRef {
			if !valid(v, ncm) || d.ContactMomenten.Rows[v].VolgendContactmoment != r ||
				d.KlantContactMomenten.Rows[d.ContactMomenten.Rows[v].Klantcontactmomenten[0]].Klant != klant {
				c.errorf("contactmoment %d: vorig %d does not point back or is of another klant", i, v)
			}
		}
	}

	// ---- verzoeken ----
	nv := d.Verzoeken.Len()
	kvOf := make([][]data.Ref, nv)
	for i, k := range d.KlantVerzoeken.Rows {
		if !valid(k.Verzoek, nv) || !valid(k.Klant, d.Klanten.Len()) ||
			!slices.Contains([]string{"belanghebbende", "initiator", "mede_initiator"}, k.Rol) ||
			!slices.Contains([]string{"", "gemachtigde", "machtiginggever"}, k.IndicatieMachtiging) {
			c.errorf("klantverzoek %d: invalid %+v", i, k)
			continue
		}
		kvOf[k.Verzoek] = append(kvOf[k.Verzoek], data.Ref(i))
	}
	verzIDs := map[string]bool{}
	for i := range d.Verzoeken.Rows {
		v := &d.Verzoeken.Rows[i]
		if len(kvOf[i]) != 1 {
			c.errorf("verzoek %d: %d klantverzoeken", i, len(kvOf[i]))
		}
		if verzIDs[v.Identificatie] {
			c.errorf("verzoek %d: identificatie %q not unique", i, v.Identificatie)
		}
		verzIDs[v.Identificatie] = true
		c.maxLen("verzoek identificatie", v.Identificatie, 40)
		c.maxLen("verzoek externeIdentificatie", v.ExterneIdentificatie, 40)
		if !slices.Contains(verzoekStatussen, v.Status) || v.Registratiedatum >= refTime || v.Tekst == "" {
			c.errorf("verzoek %d: fields %+v", i, *v)
		}
		for _, x := range []data.Ref{v.InTeTrekkenVerzoek, v.AangevuldeVerzoek} {
			if x != data.NoRef && !valid(x, nv) {
				c.errorf("verzoek %d: invalid verzoek reference %d", i, x)
			}
		}
	}
	var ovPairs, zvPairs []pair
	for i, o := range d.ObjectVerzoeken.Rows {
		if !valid(o.Verzoek, nv) || !valid(o.Object, nz) || o.ObjectType != "zaak" {
			c.errorf("objectverzoek %d: invalid", i)
			continue
		}
		if len(kvOf[o.Verzoek]) == 1 && !zaakOfKlant(d, o.Object, d.KlantVerzoeken.Rows[kvOf[o.Verzoek][0]].Klant) {
			c.errorf("objectverzoek %d: zaak not of the verzoek's klant", i)
		}
		ovPairs = append(ovPairs, pair{o.Object, o.Verzoek})
	}
	for i, z := range d.ZaakVerzoeken.Rows {
		if !valid(z.Zaak, nz) || !valid(z.Verzoek, nv) || z.Inst != d.Zaken.Rows[z.Zaak].Inst {
			c.errorf("zaakverzoek %d: invalid", i)
			continue
		}
		zvPairs = append(zvPairs, pair{z.Zaak, z.Verzoek})
	}
	if !sameMultiset(ovPairs, zvPairs) {
		c.errorf("zaakverzoeken and objectverzoeken differ")
	}
	for i, v := range d.VerzoekContactMomenten.Rows {
		if !valid(v.Verzoek, nv) || !valid(v.Contactmoment, ncm) {
			c.errorf("verzoekcontactmoment %d: invalid", i)
			continue
		}
		vk := d.KlantVerzoeken.Rows[kvOf[v.Verzoek][0]].Klant
		ck := d.KlantContactMomenten.Rows[d.ContactMomenten.Rows[v.Contactmoment].Klantcontactmomenten[0]].Klant
		if vk != ck {
			c.errorf("verzoekcontactmoment %d: contactmoment of klant %d, verzoek of klant %d", i, ck, vk)
		}
	}
	for i, v := range d.VerzoekInformatieObjecten.Rows {
		if !valid(v.Verzoek, nv) || !valid(v.Informatieobject, d.InformatieObjecten.Len()) {
			c.errorf("verzoekinformatieobject %d: invalid", i)
			continue
		}
		vioPairs = append(vioPairs, pair{v.Verzoek, v.Informatieobject})
	}
	if !sameMultiset(vioPairs, oioVerzPairs) {
		c.errorf("verzoekinformatieobjecten and objectinformatieobjecten (verzoek) differ")
	}

	// ---- showcase refs ----
	for _, e := range d.Showcase {
		for _, k := range e.Klanten {
			if !valid(k, d.Klanten.Len()) {
				c.errorf("showcase %s: invalid klant %d", e.Key, k)
			}
		}
	}
}

// checkRol verifies a rol's betrokkeneIdentificatie and its klant link.
func checkRol(c *checker, d *data.Data, rr data.Ref, checkBSN func(string, string)) {
	r := &d.Rollen.Rows[rr]
	what := fmt.Sprintf("rol %d", rr)
	var k *data.Klant
	if r.BetrokkeneKlant != data.NoRef {
		if !valid(r.BetrokkeneKlant, d.Klanten.Len()) {
			c.errorf("%s: invalid betrokkeneKlant", what)
			return
		}
		k = &d.Klanten.Rows[r.BetrokkeneKlant]
	}
	switch r.BetrokkeneType {
	case data.BetrokkeneNatuurlijkPersoon:
		checkBSN(what, r.InpBsn)
		if r.Geslachtsnaam == "" || r.Voornamen == "" {
			c.errorf("%s: names missing", what)
		}
		if k != nil && (k.SubjectType != data.SubjectNatuurlijkPersoon || k.InpBsn != r.InpBsn) {
			c.errorf("%s: klant %d is not the person %s", what, r.BetrokkeneKlant, r.InpBsn)
		}
	case data.BetrokkeneNietNatuurlijkPersoon:
		if !kvkRE.MatchString(r.KvkNummer) || !Elfproef(r.InnNnpId) || r.StatutaireNaam == "" {
			c.errorf("%s: niet-natuurlijk persoon kvk %q rsin %q", what, r.KvkNummer, r.InnNnpId)
		}
		if k != nil && (k.SubjectType != data.SubjectNietNatuurlijkPersoon || k.KvkNummer != r.KvkNummer) {
			c.errorf("%s: klant %d is not the company %s", what, r.BetrokkeneKlant, r.KvkNummer)
		}
	case data.BetrokkeneVestiging:
		if !vestRE.MatchString(r.VestigingsNummer) || !kvkRE.MatchString(r.KvkNummer) {
			c.errorf("%s: vestiging %q kvk %q", what, r.VestigingsNummer, r.KvkNummer)
		}
		if k != nil && (k.SubjectType != data.SubjectVestiging || k.VestigingsNummer != r.VestigingsNummer) {
			c.errorf("%s: klant %d is not the vestiging %s", what, r.BetrokkeneKlant, r.VestigingsNummer)
		}
	case data.BetrokkeneMedewerker:
		c.maxLen("medewerker identificatie", r.MedewerkerID, 24)
		if r.MedewerkerID == "" || r.Achternaam == "" || k != nil {
			c.errorf("%s: medewerker incomplete", what)
		}
		if r.Betrokkene != "" && r.Betrokkene != medewerkerURL+r.MedewerkerID {
			c.errorf("%s: medewerker URL %q", what, r.Betrokkene)
		}
	default:
		c.errorf("%s: betrokkeneType %q", what, r.BetrokkeneType)
	}
}

// initiatorOf returns a zaak's initiator rol.
func initiatorOf(d *data.Data, z data.Ref) *data.Rol {
	for _, rr := range d.Zaken.Rows[z].Rollen {
		r := &d.Rollen.Rows[rr]
		if d.RolTypen.Rows[r.Roltype].OmschrijvingGeneriek == "initiator" {
			return r
		}
	}
	return nil
}

// zaakOfKlant reports whether a zaak was initiated by the subject of a klant.
func zaakOfKlant(d *data.Data, z, klant data.Ref) bool {
	r := initiatorOf(d, z)
	k := &d.Klanten.Rows[klant]
	if r == nil {
		return false
	}
	switch k.SubjectType {
	case data.SubjectNatuurlijkPersoon:
		return r.BetrokkeneType == data.BetrokkeneNatuurlijkPersoon && r.InpBsn == k.InpBsn
	case data.SubjectNietNatuurlijkPersoon:
		return r.BetrokkeneType == data.BetrokkeneNietNatuurlijkPersoon && r.KvkNummer == k.KvkNummer
	default:
		return r.BetrokkeneType == data.BetrokkeneVestiging && r.VestigingsNummer == k.VestigingsNummer
	}
}

func TestSmallDatasetIsConsistent(t *testing.T) {
	topo := data.DefaultTopology()
	for _, seed := range []uint64{1, 7} {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			checkDataset(t, mustGenerate(t, seed, "small", topo), topo, true)
		})
	}
}

func TestMediumDatasetIsConsistent(t *testing.T) {
	topo := data.DefaultTopology()
	checkDataset(t, mustGenerate(t, 3, "medium", topo), topo, true)
}

func TestSizesPerScale(t *testing.T) {
	for _, scale := range []string{"small", "medium", ""} {
		d := mustGenerate(t, 11, scale, data.DefaultTopology())
		want, ok := ScaleSizes(scale)
		if !ok {
			t.Fatalf("no sizes for %q", scale)
		}
		got := Sizes{Klanten: d.Klanten.Len(), Contactmomenten: d.ContactMomenten.Len(), Zaken: d.Zaken.Len(), Verzoeken: d.Verzoeken.Len()}
		if got != want {
			t.Errorf("scale %q: got %+v, want %+v", scale, got, want)
		}
	}
	if want := (Sizes{500, 5_000, 1_500, 300}); scaleSizes["small"] != want {
		t.Errorf("small sizes %+v, want %+v", scaleSizes["small"], want)
	}
	if l, m := scaleSizes["large"], scaleSizes["medium"]; l.Zaken != 10*m.Zaken || l.Contactmomenten != 10*m.Contactmomenten ||
		l.Klanten != 10*m.Klanten || l.Verzoeken != 10*m.Verzoeken {
		t.Errorf("large %+v is not 10 × medium %+v", l, m)
	}
	if _, err := Generate(Config{Seed: 1, Scale: "huge"}, data.DefaultTopology()); err == nil {
		t.Error("unknown scale accepted")
	}
}

func TestDeterministic(t *testing.T) {
	topo := data.DefaultTopology()
	a := mustGenerate(t, 42, "small", topo)
	b := mustGenerate(t, 42, "small", topo)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same seed gave different datasets")
	}
	c := mustGenerate(t, 43, "small", topo)
	if reflect.DeepEqual(a, c) {
		t.Fatal("different seeds gave equal datasets")
	}
	if a.Zaken.UUIDOf(0) == c.Zaken.UUIDOf(0) {
		t.Error("different seeds gave the same zaak UUID")
	}
	same := 0
	for i := range a.Klanten.Rows {
		if a.Klanten.Rows[i].InpBsn != "" && a.Klanten.Rows[i].InpBsn == c.Klanten.Rows[i].InpBsn {
			same++
		}
	}
	if same > a.Klanten.Len()/10 {
		t.Errorf("%d klanten have the same BSN under different seeds", same)
	}
	// UUIDs are salted per kind: row 0 of different kinds differ.
	if u := a.Zaken.UUIDOf(0); u == a.Statussen.UUIDOf(0) || u == a.Klanten.UUIDOf(0) || u == a.ContactMomenten.UUIDOf(0) || u == a.ZaakTypen.UUIDOf(0) {
		t.Error("UUIDs of different kinds coincide")
	}
	if want := data.MakeUUID(42, "zaak", 0); a.Zaken.UUIDOf(0) != want {
		t.Errorf("zaak 0 has UUID %s, want MakeUUID(seed, \"zaak\", 0) = %s", a.Zaken.UUIDOf(0), want)
	}
	if a.Seed != 42 || c.Seed != 43 {
		t.Errorf("Seed recorded as %d and %d", a.Seed, c.Seed)
	}
}

func TestReferenceDate(t *testing.T) {
	if got := ReferenceDate(); !got.Equal(time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("ReferenceDate() = %v", got)
	}
	if dayTime(lastDay).Format("2006-01-02") != "2025-09-30" {
		t.Errorf("lastDay is %v", dayTime(lastDay))
	}
}

func TestElfproef(t *testing.T) {
	for _, s := range []string{"999990019", "111222333", "123456782", MunicipalityRSIN, ShowcaseBedrijfRSIN} {
		if !Elfproef(s) {
			t.Errorf("%s should pass the 11-proef", s)
		}
	}
	for _, s := range []string{"999990018", "123456789", "12345678", "1234567890", "99999001a", ""} {
		if Elfproef(s) {
			t.Errorf("%s should fail the 11-proef", s)
		}
	}
	for n8 := 99_990_000; n8 < 99_990_200; n8++ {
		if d := checkDigit(n8); d >= 0 && !Elfproef(padNum(n8*10+d, 9)) {
			t.Fatalf("checkDigit(%d) = %d does not pass", n8, d)
		}
	}
}

// showcaseCounts recomputes an entry's counts from the data.
func showcaseCounts(d *data.Data, e data.ShowcaseEntry) (zaken []data.Ref, cms, verz int) {
	for i := range d.Zaken.Rows {
		r := initiatorOf(d, data.Ref(i))
		if (e.BSN != "" && r.InpBsn == e.BSN) || (e.KvK != "" && r.KvkNummer == e.KvK) {
			zaken = append(zaken, data.Ref(i))
		}
	}
	for _, k := range d.KlantContactMomenten.Rows {
		if slices.Contains(e.Klanten, k.Klant) {
			cms++
		}
	}
	for _, k := range d.KlantVerzoeken.Rows {
		if slices.Contains(e.Klanten, k.Klant) {
			verz++
		}
	}
	return zaken, cms, verz
}

func TestShowcase(t *testing.T) {
	topo := data.Topology(data.DefaultTopology())
	d := mustGenerate(t, 5, "small", topo)
	byKey := map[string]data.ShowcaseEntry{}
	for _, e := range d.Showcase {
		byKey[e.Key] = e
		zaken, cms, verz := showcaseCounts(d, e)
		if len(zaken) != e.Zaken || cms != e.Contactmomenten || verz != e.Verzoeken {
			t.Errorf("%s: data has %d zaken, %d contactmomenten, %d verzoeken; entry says %d, %d, %d",
				e.Key, len(zaken), cms, verz, e.Zaken, e.Contactmomenten, e.Verzoeken)
		}
		if e.Description == "" {
			t.Errorf("%s: no description", e.Key)
		}
		if e.BSN != "" {
			// The person takes part in no other zaken than his own.
			n := 0
			for _, r := range d.Rollen.Rows {
				if r.InpBsn == e.BSN {
					n++
				}
			}
			if n != e.Zaken {
				t.Errorf("%s: BSN appears in %d rollen, want %d", e.Key, n, e.Zaken)
			}
			for _, k := range e.Klanten {
				if d.Klanten.Rows[k].InpBsn != e.BSN {
					t.Errorf("%s: klant %d has BSN %s", e.Key, k, d.Klanten.Rows[k].InpBsn)
				}
			}
		}
	}
	want := map[string][3]int{
		ShowcaseBenchmark: {30, 15, 5}, ShowcaseBedrijf: {12, 10, 3}, ShowcaseAlleenZaken: {0, 4, 0}, ShowcaseVertrouwelijk: {2, 3, 0},
		ShowcaseGroei10: {10, 5, 2}, ShowcaseGroei100: {100, 20, 5}, ShowcaseGroei1000: {1000, 100, 20},
		ShowcaseV2Alleen: {0, 4, 0}, ShowcaseV1EnV2: {6, 4, 0}, ShowcaseV2Benchmark: {0, 15, 0}, ShowcaseV2Bedrijf: {0, 3, 0},
	}
	if len(byKey) != len(want) {
		t.Fatalf("showcase keys %v", slices.Collect(func(yield func(string) bool) {
			for k := range byKey {
				if !yield(k) {
					return
				}
			}
		}))
	}
	for k, w := range want {
		e := byKey[k]
		if got := [3]int{e.Contactmomenten, e.Zaken, e.Verzoeken}; got != w {
			t.Errorf("%s: counts %v, want %v", k, got, w)
		}
	}

	// benchmark
	b := byKey[ShowcaseBenchmark]
	if b.BSN != ShowcaseBenchmarkBSN || len(b.Klanten) != 1 {
		t.Fatalf("benchmark entry %+v", b)
	}
	zaken, _, _ := showcaseCounts(d, b)
	perInst := map[uint8]int{}
	linked, open, closedZ, withDocs := 0, 0, 0, 0
	for _, z := range zaken {
		zr := &d.Zaken.Rows[z]
		perInst[zr.Inst]++
		if initiatorOf(d, z).BetrokkeneKlant == b.Klanten[0] {
			linked++
		}
		if zr.Vertrouwelijkheid > data.Zaakvertrouwelijk {
			t.Errorf("benchmark zaak %s is %s", zr.Identificatie, zr.Vertrouwelijkheid)
		}
		if zr.Einddatum == 0 {
			open++
		} else {
			closedZ++
		}
		if len(zr.Zaakinformatieobjecten) > 0 {
			withDocs++
		}
		if len(zr.Rollen) < 2 || zr.Status == data.NoRef {
			t.Errorf("benchmark zaak %s lacks rollen or status", zr.Identificatie)
		}
	}
	zakenA, zakenB := uint8(topo.Index("zaken-a")), uint8(topo.Index("zaken-b"))
	if perInst[zakenA] != 8 || perInst[zakenB] != 7 {
		t.Errorf("benchmark zaken per instance %v, want 8 in zaken-a and 7 in zaken-b", perInst)
	}
	if linked*2 < len(zaken) || linked == len(zaken) {
		t.Errorf("benchmark: %d of %d zaken linked to the klant, want at least half but not all", linked, len(zaken))
	}
	if open == 0 || closedZ == 0 || withDocs < 5 {
		t.Errorf("benchmark: %d open, %d closed, %d with documents", open, closedZ, withDocs)
	}
	aboutZaak := 0
	for _, k := range d.KlantContactMomenten.Rows {
		if k.Klant == b.Klanten[0] {
			aboutZaak += len(d.ContactMomenten.Rows[k.Contactmoment].Objectcontactmomenten)
		}
	}
	if aboutZaak != 20 {
		t.Errorf("benchmark: %d contactmomenten about zaken, want 20", aboutZaak)
	}
	verzLinks := map[string]int{}
	benchVerz := map[data.Ref]bool{}
	for _, k := range d.KlantVerzoeken.Rows {
		if k.Klant == b.Klanten[0] {
			benchVerz[k.Verzoek] = true
		}
	}
	for _, o := range d.ObjectVerzoeken.Rows {
		if benchVerz[o.Verzoek] {
			verzLinks["zaak"]++
		}
	}
	for _, o := range d.VerzoekContactMomenten.Rows {
		if benchVerz[o.Verzoek] {
			verzLinks["cm"]++
		}
	}
	for _, o := range d.VerzoekInformatieObjecten.Rows {
		if benchVerz[o.Verzoek] {
			verzLinks["doc"]++
		}
	}
	if verzLinks["zaak"] != 2 || verzLinks["cm"] != 2 || verzLinks["doc"] != 2 {
		t.Errorf("benchmark verzoek links %v", verzLinks)
	}

	// bedrijf
	bd := byKey[ShowcaseBedrijf]
	if bd.KvK != ShowcaseBedrijfKvK || len(bd.Klanten) != 4 || !slices.Equal(bd.Vestigingen, []string{ShowcaseBedrijfVestiging1, ShowcaseBedrijfVestiging2, ShowcaseBedrijfVestiging3}) {
		t.Fatalf("bedrijf entry %+v", bd)
	}
	if k := d.Klanten.Rows[bd.Klanten[0]]; k.SubjectType != data.SubjectNietNatuurlijkPersoon || k.KvkNummer != ShowcaseBedrijfKvK || k.InnNnpId != ShowcaseBedrijfRSIN {
		t.Errorf("bedrijf klant %+v", k)
	}
	for i, v := range bd.Vestigingen {
		if k := d.Klanten.Rows[bd.Klanten[i+1]]; k.SubjectType != data.SubjectVestiging || k.VestigingsNummer != v || k.KvkNummer != ShowcaseBedrijfKvK {
			t.Errorf("bedrijf vestiging klant %+v", k)
		}
	}
	bz, _, _ := showcaseCounts(d, bd)
	kinds := map[string]int{}
	for _, z := range bz {
		kinds[initiatorOf(d, z).BetrokkeneType]++
	}
	if kinds[data.BetrokkeneNietNatuurlijkPersoon] != 4 || kinds[data.BetrokkeneVestiging] != 6 {
		t.Errorf("bedrijf initiators %v", kinds)
	}

	// alleen-zaken
	az := byKey[ShowcaseAlleenZaken]
	for _, k := range d.Klanten.Rows {
		if k.InpBsn == ShowcaseAlleenZakenBSN {
			t.Error("alleen-zaken person has a klant record")
		}
	}
	azZaken, _, _ := showcaseCounts(d, az)
	insts := map[uint8]bool{}
	for _, z := range azZaken {
		insts[d.Zaken.Rows[z].Inst] = true
		if initiatorOf(d, z).BetrokkeneKlant != data.NoRef {
			t.Error("alleen-zaken zaak linked to a klant")
		}
	}
	if len(insts) != 2 || len(az.Klanten) != 0 {
		t.Errorf("alleen-zaken: zaken in %d instances, %d klanten", len(insts), len(az.Klanten))
	}

	// vertrouwelijk
	vz, _, _ := showcaseCounts(d, byKey[ShowcaseVertrouwelijk])
	levels := map[data.Vertrouwelijkheid]int{}
	for _, z := range vz {
		levels[d.Zaken.Rows[z].Vertrouwelijkheid]++
	}
	if levels[data.Geheim] != 1 || levels[data.Openbaar] != 2 {
		t.Errorf("vertrouwelijk levels %v", levels)
	}
}

func TestShowcaseIndependentOfSeedAndScale(t *testing.T) {
	strip := func(d *data.Data) []data.ShowcaseEntry {
		out := slices.Clone(d.Showcase)
		for i := range out {
			out[i].Klanten, out[i].Partijen = nil, nil
		}
		return out
	}
	topo := data.DefaultTopology()
	a := strip(mustGenerate(t, 1, "small", topo))
	b := strip(mustGenerate(t, 99, "small", topo))
	c := strip(mustGenerate(t, 1, "medium", topo))
	if !reflect.DeepEqual(a, b) || !reflect.DeepEqual(a, c) {
		t.Errorf("showcase entries differ between seeds or scales:\n%+v\n%+v\n%+v", a, b, c)
	}
	if len(a) != 11 || a[0].Key != ShowcaseBenchmark || a[1].Key != ShowcaseBedrijf || a[10].Key != ShowcaseV2Bedrijf {
		t.Errorf("showcase order %+v", a)
	}
}

func TestTopologies(t *testing.T) {
	openKlant := []data.InstanceSpec{
		{Name: "klanten", API: data.APIKlanten, System: "ok"},
		{Name: "contactmomenten", API: data.APIContactmomenten, System: "ok"},
		{Name: "verzoeken", API: data.APIVerzoeken, System: "ok"},
	}
	t.Run("one zaaksysteem", func(t *testing.T) {
		topo := append(data.Topology{
			{Name: "openklant-first", API: data.APIKlanten, System: "x"}, // a second klanten instance is ignored
			{Name: "zaken", API: data.APIZaken, System: "oz"},
			{Name: "catalogi", API: data.APICatalogi, System: "oz"},
			{Name: "documenten", API: data.APIDocumenten, System: "oz"},
		}, openKlant...)
		topo = topo[1:]
		d := mustGenerate(t, 2, "small", topo)
		checkDataset(t, d, topo, true)
		for _, e := range d.Showcase {
			zaken, cms, verz := showcaseCounts(d, e)
			if len(zaken) != e.Zaken || cms != e.Contactmomenten || verz != e.Verzoeken {
				t.Errorf("%s: counts differ", e.Key)
			}
		}
	})
	t.Run("three zaaksystemen", func(t *testing.T) {
		var topo data.Topology
		for _, s := range []string{"a", "b", "c"} {
			topo = append(topo,
				data.InstanceSpec{Name: "zaken-" + s, API: data.APIZaken, System: s},
				data.InstanceSpec{Name: "catalogi-" + s, API: data.APICatalogi, System: s},
				data.InstanceSpec{Name: "documenten-" + s, API: data.APIDocumenten, System: s})
		}
		topo = append(topo, openKlant...)
		d := mustGenerate(t, 2, "small", topo)
		checkDataset(t, d, topo, true)
		prefixes := map[string]uint8{}
		for _, z := range d.Zaken.Rows {
			p := z.Identificatie[:strings.IndexByte(z.Identificatie, '-')]
			if in, ok := prefixes[p]; ok && in != z.Inst {
				t.Errorf("prefix %s used by two zaaksystemen", p)
			}
			prefixes[p] = z.Inst
		}
		if len(prefixes) != 3 || d.Catalogussen.Len() != 3 {
			t.Errorf("prefixes %v, %d catalogussen", prefixes, d.Catalogussen.Len())
		}
	})
	t.Run("default has different catalogues", func(t *testing.T) {
		d := mustGenerate(t, 2, "small", data.DefaultTopology())
		names := map[uint8][]string{}
		for _, zt := range d.ZaakTypen.Rows {
			names[zt.Inst] = append(names[zt.Inst], zt.Omschrijving)
		}
		if len(names) != 2 {
			t.Fatalf("zaaktypen in %d catalogi", len(names))
		}
		var lists [][]string
		for _, l := range names {
			if len(l) < 10 || len(l) > 12 {
				t.Errorf("catalogus with %d zaaktypen", len(l))
			}
			lists = append(lists, l)
		}
		for _, n := range lists[0] {
			if slices.Contains(lists[1], n) {
				t.Errorf("zaaktype %q in both catalogi", n)
			}
		}
	})
	t.Run("invalid", func(t *testing.T) {
		noKlanten := data.Topology{
			{Name: "zaken", API: data.APIZaken, System: "a"}, {Name: "catalogi", API: data.APICatalogi, System: "a"},
			{Name: "documenten", API: data.APIDocumenten, System: "a"},
			{Name: "contactmomenten", API: data.APIContactmomenten, System: "ok"}, {Name: "verzoeken", API: data.APIVerzoeken, System: "ok"},
		}
		if _, err := Generate(Config{Seed: 1}, noKlanten); err == nil {
			t.Error("topology without klanten accepted")
		}
		noDocs := append(data.Topology{{Name: "zaken", API: data.APIZaken, System: "a"}, {Name: "catalogi", API: data.APICatalogi, System: "a"}}, openKlant...)
		if _, err := Generate(Config{Seed: 1}, noDocs); err == nil {
			t.Error("zaaksysteem without documenten accepted")
		}
		if _, err := Generate(Config{Seed: 1}, openKlant); err == nil {
			t.Error("topology without zaken accepted")
		}
	})
}

func TestGenerationTime(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	st := time.Now()
	mustGenerate(t, 1, "small", data.DefaultTopology())
	if el := time.Since(st); el > time.Second {
		t.Errorf("small took %v, want well under 1 s", el)
	}
}

func TestLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("large dataset skipped in -short mode")
	}
	st := time.Now()
	d := mustGenerate(t, 1, "large", data.DefaultTopology())
	t.Logf("large generated in %v", time.Since(st))
	want, _ := ScaleSizes("large")
	got := Sizes{Klanten: d.Klanten.Len(), Contactmomenten: d.ContactMomenten.Len(), Zaken: d.Zaken.Len(), Verzoeken: d.Verzoeken.Len()}
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	wantV2, _ := ScaleSizesV2("large")
	if gotV2 := (SizesV2{Partijen: d.Partijen.Len(), Klantcontacten: d.Klantcontacten.Len(), Internetaken: d.InterneTaken.Len(),
		Personen: d.ContactPersonen.Len(), Organisaties: d.ContactOrganisaties.Len()}); gotV2 != wantV2 {
		t.Errorf("v2: got %+v, want %+v", gotV2, wantV2)
	}
	seen := make(map[string]bool, d.Klanten.Len())
	for i := range d.Klanten.Rows {
		k := &d.Klanten.Rows[i]
		if k.SubjectType != data.SubjectNatuurlijkPersoon {
			continue
		}
		if !Elfproef(k.InpBsn) || !strings.HasPrefix(k.InpBsn, "999") || seen[k.InpBsn] {
			t.Fatalf("klant %d: BSN %q invalid or repeated", i, k.InpBsn)
		}
		seen[k.InpBsn] = true
	}
	for _, e := range d.Showcase {
		if e.Key == ShowcaseGroei1000 {
			if _, cms, _ := showcaseCounts(d, e); cms != 1000 {
				t.Errorf("groei-1000 has %d contactmomenten", cms)
			}
		}
	}
}

func BenchmarkGenerateMedium(b *testing.B) {
	topo := data.DefaultTopology()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Generate(Config{Seed: 1, Scale: "medium"}, topo); err != nil {
			b.Fatal(err)
		}
	}
}
