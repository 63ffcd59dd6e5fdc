package klantinteracties

import (
	"strings"

	"github.com/klantgraaf/klantgraaf/sim/data"
)

// JSON shapes of klantinteracties-0.9.0.yaml, fields in the spec's order.

type fkJSON struct {
	UUID string `json:"uuid"`
	URL  string `json:"url"`
}

type adresJSON struct {
	NummeraanduidingID   string `json:"nummeraanduidingId,omitempty"`
	Straatnaam           string `json:"straatnaam"`
	Huisnummer           *int32 `json:"huisnummer"`
	Huisnummertoevoeging string `json:"huisnummertoevoeging"`
	Postcode             string `json:"postcode,omitempty"`
	Stad                 string `json:"stad"`
	Adresregel1          string `json:"adresregel1"`
	Adresregel2          string `json:"adresregel2"`
	Adresregel3          string `json:"adresregel3"`
	Land                 string `json:"land,omitempty"`
}

// Fields with a pattern (or a minimum length) are left out when empty, so
// a partly filled address stays valid against the schema.

func renderAdres(a *data.AdresKI) *adresJSON {
	if a == nil {
		return nil
	}
	out := &adresJSON{NummeraanduidingID: a.NummeraanduidingID, Straatnaam: a.Straatnaam, Huisnummertoevoeging: a.Huisnummertoevoeging,
		Postcode: a.Postcode, Stad: a.Stad, Adresregel1: a.Adresregel1, Adresregel2: a.Adresregel2, Adresregel3: a.Adresregel3, Land: a.Land}
	if a.Huisnummer > 0 {
		n := a.Huisnummer
		out.Huisnummer = &n
	}
	return out
}

type identJSON struct {
	ObjectID          string `json:"objectId"`
	CodeObjecttype    string `json:"codeObjecttype"`
	CodeRegister      string `json:"codeRegister"`
	CodeSoortObjectID string `json:"codeSoortObjectId"`
}

func renderIdent(i data.Identificator) *identJSON {
	return &identJSON{ObjectID: i.ObjectID, CodeObjecttype: i.CodeObjecttype, CodeRegister: i.CodeRegister, CodeSoortObjectID: i.CodeSoortObjectID}
}

type contactnaamJSON struct {
	Voorletters           string `json:"voorletters"`
	Voornaam              string `json:"voornaam"`
	VoorvoegselAchternaam string `json:"voorvoegselAchternaam"`
	Achternaam            string `json:"achternaam"`
}

// volledigeNaam joins the parts of a name as Open Klant does.
func volledigeNaam(voornaam, voorvoegsel, achternaam string) string {
	var parts []string
	for _, p := range []string{voornaam, voorvoegsel, achternaam} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " ")
}

func triBool(t data.TriState) *bool {
	v, known := t.Bool()
	if !known {
		return nil
	}
	return &v
}

func nullStr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// ---- partijen ----

type partijIdentGroupJSON struct {
	CodeObjecttype    string `json:"codeObjecttype"`
	CodeSoortObjectID string `json:"codeSoortObjectId"`
	ObjectID          string `json:"objectId"`
	CodeRegister      string `json:"codeRegister"`
}

type partijIdentificatorJSON struct {
	UUID                      string               `json:"uuid"`
	URL                       string               `json:"url"`
	IdentificeerdePartij      *fkJSON              `json:"identificeerdePartij"`
	AnderePartijIdentificator string               `json:"anderePartijIdentificator"`
	PartijIdentificator       partijIdentGroupJSON `json:"partijIdentificator"`
	SubIdentificatorVan       *fkJSON              `json:"subIdentificatorVan"`
}

func (h *handler) renderIdentificator(d *data.Data, r data.Ref) partijIdentificatorJSON {
	pi := d.PartijIdentificatoren.Get(r)
	u := d.PartijIdentificatoren.UUIDOf(r)
	return partijIdentificatorJSON{UUID: u.String(), URL: h.e.URL(kIdent.coll, u),
		IdentificeerdePartij: kPartij.fk(h, d, pi.Partij), AnderePartijIdentificator: pi.AnderePartijIdentificator,
		PartijIdentificator: partijIdentGroupJSON{CodeObjecttype: pi.CodeObjecttype, CodeSoortObjectID: pi.CodeSoortObjectID,
			ObjectID: pi.ObjectID, CodeRegister: pi.CodeRegister},
		SubIdentificatorVan: kIdent.fk(h, d, pi.SubIdentificatorVan)}
}

type persoonJSON struct {
	Contactnaam   *contactnaamJSON `json:"contactnaam"`
	VolledigeNaam string           `json:"volledigeNaam"`
}

type organisatieJSON struct {
	Naam string `json:"naam"`
}

type contactpersoonJSON struct {
	UUID             string           `json:"uuid"`
	WerkteVoorPartij *fkJSON          `json:"werkteVoorPartij"`
	Contactnaam      *contactnaamJSON `json:"contactnaam"`
	VolledigeNaam    string           `json:"volledigeNaam"`
}

type partijJSON struct {
	UUID                    string                    `json:"uuid"`
	URL                     string                    `json:"url"`
	Nummer                  *string                   `json:"nummer"`
	InterneNotitie          string                    `json:"interneNotitie"`
	Betrokkenen             []fkJSON                  `json:"betrokkenen"`
	CategorieRelaties       []fkJSON                  `json:"categorieRelaties"`
	DigitaleAdressen        []fkJSON                  `json:"digitaleAdressen"`
	VoorkeursDigitaalAdres  *fkJSON                   `json:"voorkeursDigitaalAdres"`
	Vertegenwoordigden      []fkJSON                  `json:"vertegenwoordigden"`
	Rekeningnummers         []fkJSON                  `json:"rekeningnummers"`
	VoorkeursRekeningnummer *fkJSON                   `json:"voorkeursRekeningnummer"`
	PartijIdentificatoren   []partijIdentificatorJSON `json:"partijIdentificatoren"`
	SoortPartij             string                    `json:"soortPartij"`
	IndicatieGeheimhouding  *bool                     `json:"indicatieGeheimhouding"`
	Voorkeurstaal           string                    `json:"voorkeurstaal"`
	IndicatieActief         bool                      `json:"indicatieActief"`
	Bezoekadres             *adresJSON                `json:"bezoekadres"`
	Correspondentieadres    *adresJSON                `json:"correspondentieadres"`
	PartijIdentificatie     any                       `json:"partijIdentificatie"`
	Expand                  map[string]any            `json:"_expand,omitempty"`
}

func (h *handler) renderPartij(d *data.Data, r data.Ref, exp expandSet) partijJSON {
	p := d.Partijen.Get(r)
	u := d.Partijen.UUIDOf(r)
	betr := h.betrokkenenOfPartij(d, r)
	adressen := h.adressenOfPartij(d, r)
	out := partijJSON{UUID: u.String(), URL: h.e.URL(kPartij.coll, u), Nummer: nullStr(p.Nummer), InterneNotitie: p.InterneNotitie,
		Betrokkenen: kBetr.fks(h, d, betr), CategorieRelaties: []fkJSON{}, DigitaleAdressen: kAdres.fks(h, d, adressen),
		VoorkeursDigitaalAdres: kAdres.fk(h, d, p.VoorkeursDigitaalAdres), Vertegenwoordigden: []fkJSON{}, Rekeningnummers: []fkJSON{},
		PartijIdentificatoren: []partijIdentificatorJSON{}, SoortPartij: p.SoortPartij,
		IndicatieGeheimhouding: triBool(p.IndicatieGeheimhouding), Voorkeurstaal: p.Voorkeurstaal, IndicatieActief: p.IndicatieActief,
		Bezoekadres: renderAdres(p.Bezoekadres), Correspondentieadres: renderAdres(p.Correspondentieadres)}
	for _, i := range h.identsOfPartij(d, r) {
		out.PartijIdentificatoren = append(out.PartijIdentificatoren, h.renderIdentificator(d, i))
	}
	naam := &contactnaamJSON{Voorletters: p.Voorletters, Voornaam: p.Voornaam, VoorvoegselAchternaam: p.VoorvoegselAchternaam, Achternaam: p.Achternaam}
	switch p.SoortPartij {
	case data.SoortPartijPersoon:
		out.PartijIdentificatie = persoonJSON{Contactnaam: naam, VolledigeNaam: volledigeNaam(p.Voornaam, p.VoorvoegselAchternaam, p.Achternaam)}
	case data.SoortPartijOrganisatie:
		out.PartijIdentificatie = organisatieJSON{Naam: p.Naam}
	case data.SoortPartijContactpersoon:
		out.PartijIdentificatie = contactpersoonJSON{UUID: u.String(), WerkteVoorPartij: kPartij.fk(h, d, p.WerkteVoorPartij),
			Contactnaam: naam, VolledigeNaam: volledigeNaam(p.Voornaam, p.VoorvoegselAchternaam, p.Achternaam)}
	}
	if len(exp) > 0 {
		m := map[string]any{}
		if exp.has("betrokkenen") {
			sub := exp.sub("betrokkenen")
			l := []betrokkeneJSON{}
			for _, b := range betr {
				l = append(l, h.renderBetrokkene(d, b, sub))
			}
			m["betrokkenen"] = l
		}
		if exp.has("digitaleAdressen") {
			l := []digitaalAdresJSON{}
			for _, a := range adressen {
				l = append(l, h.renderAdresDigitaal(d, a, nil))
			}
			m["digitaleAdressen"] = l
		}
		if exp.has("categorieRelaties") {
			m["categorieRelaties"] = []any{}
		}
		out.Expand = m
	}
	return out
}

// ---- digitale adressen ----

type digitaalAdresJSON struct {
	UUID                    string         `json:"uuid"`
	URL                     string         `json:"url"`
	VerstrektDoorBetrokkene *fkJSON        `json:"verstrektDoorBetrokkene"`
	VerstrektDoorPartij     *fkJSON        `json:"verstrektDoorPartij"`
	Adres                   string         `json:"adres"`
	SoortDigitaalAdres      string         `json:"soortDigitaalAdres"`
	IsStandaardAdres        bool           `json:"isStandaardAdres"`
	Omschrijving            string         `json:"omschrijving"`
	Referentie              string         `json:"referentie,omitempty"`
	VerificatieDatum        *string        `json:"verificatieDatum"`
	Expand                  map[string]any `json:"_expand,omitempty"`
}

// renderAdresDigitaal renders a digitaal adres; an empty referentie is left
// out (the schema's pattern does not admit the empty string).
func (h *handler) renderAdresDigitaal(d *data.Data, r data.Ref, exp expandSet) digitaalAdresJSON {
	a := d.DigitaleAdressen.Get(r)
	u := d.DigitaleAdressen.UUIDOf(r)
	out := digitaalAdresJSON{UUID: u.String(), URL: h.e.URL(kAdres.coll, u), VerstrektDoorBetrokkene: kBetr.fk(h, d, a.Betrokkene),
		VerstrektDoorPartij: kPartij.fk(h, d, a.Partij), Adres: a.Adres, SoortDigitaalAdres: a.SoortDigitaalAdres,
		IsStandaardAdres: a.IsStandaardAdres, Omschrijving: a.Omschrijving, Referentie: a.Referentie}
	if a.VerificatieDatum != 0 {
		s := formatDate(a.VerificatieDatum)
		out.VerificatieDatum = &s
	}
	if len(exp) > 0 {
		m := map[string]any{}
		if exp.has("verstrektDoorBetrokkene") {
			if a.Betrokkene != data.NoRef && kBetr.live(h, d, a.Betrokkene) {
				m["verstrektDoorBetrokkene"] = h.renderBetrokkene(d, a.Betrokkene, exp.sub("verstrektDoorBetrokkene"))
			} else {
				m["verstrektDoorBetrokkene"] = nil
			}
		}
		out.Expand = m
	}
	return out
}

// ---- klantcontacten ----

type klantcontactJSON struct {
	UUID                      string            `json:"uuid"`
	URL                       string            `json:"url"`
	GingOverOnderwerpobjecten []fkJSON          `json:"gingOverOnderwerpobjecten"`
	HadBetrokkenActoren       []actorJSON       `json:"hadBetrokkenActoren"`
	OmvatteBijlagen           []fkJSON          `json:"omvatteBijlagen"`
	HadBetrokkenen            []fkJSON          `json:"hadBetrokkenen"`
	LeiddeTotInterneTaken     []fkJSON          `json:"leiddeTotInterneTaken"`
	Nummer                    *string           `json:"nummer"`
	Referentienummer          *string           `json:"referentienummer"`
	Kanaal                    string            `json:"kanaal"`
	Onderwerp                 string            `json:"onderwerp"`
	Inhoud                    string            `json:"inhoud"`
	Reactie                   string            `json:"reactie"`
	IndicatieContactGelukt    *bool             `json:"indicatieContactGelukt"`
	HoofdOnderwerpType        string            `json:"hoofdOnderwerpType"`
	VerdereActieOndernomen    bool              `json:"verdereActieOndernomen"`
	Taal                      string            `json:"taal"`
	Vertrouwelijk             bool              `json:"vertrouwelijk"`
	PlaatsgevondenOp          string            `json:"plaatsgevondenOp"`
	Metadata                  map[string]string `json:"metadata"`
	Expand                    map[string]any    `json:"_expand,omitempty"`
}

func (h *handler) renderKlantcontact(d *data.Data, r data.Ref, exp expandSet) klantcontactJSON {
	k := d.Klantcontacten.Get(r)
	u := d.Klantcontacten.UUIDOf(r)
	onds, betr, taken, bijl := h.onderwerpobjectenOfKC(d, r), h.betrokkenenOfKC(d, r), h.takenOfKC(d, r), h.bijlagenOfKC(d, r)
	out := klantcontactJSON{UUID: u.String(), URL: h.e.URL(kKC.coll, u), GingOverOnderwerpobjecten: kOnd.fks(h, d, onds),
		HadBetrokkenActoren: []actorJSON{}, OmvatteBijlagen: kBijlage.fks(h, d, bijl), HadBetrokkenen: kBetr.fks(h, d, betr),
		LeiddeTotInterneTaken: kTaak.fks(h, d, taken), Nummer: nullStr(k.Nummer), Referentienummer: nullStr(k.Referentienummer),
		Kanaal: k.Kanaal, Onderwerp: k.Onderwerp, Inhoud: k.Inhoud, Reactie: k.Reactie,
		IndicatieContactGelukt: triBool(k.IndicatieContactGelukt), HoofdOnderwerpType: k.HoofdOnderwerpType,
		VerdereActieOndernomen: k.VerdereActieOndernomen, Taal: k.Taal, Vertrouwelijk: k.Vertrouwelijk,
		PlaatsgevondenOp: formatDateTime(k.PlaatsgevondenOp), Metadata: k.Metadata}
	if k.HoofdOnderwerpZaaktype != data.NoRef && int(k.HoofdOnderwerpZaaktype) < d.ZaakTypen.Len() {
		out.HoofdOnderwerpType = data.RefURL(h.e.Store, &d.ZaakTypen, "zaaktypen", k.HoofdOnderwerpZaaktype)
	}
	if out.Metadata == nil {
		out.Metadata = map[string]string{}
	}
	for _, a := range h.actorKCsOfKC(d, r) {
		if ar := d.ActorKlantcontacten.Get(a).Actor; kActor.live(h, d, ar) {
			out.HadBetrokkenActoren = append(out.HadBetrokkenActoren, h.renderActor(d, ar))
		}
	}
	if len(exp) > 0 {
		m := map[string]any{}
		if exp.has("hadBetrokkenen") {
			sub := exp.sub("hadBetrokkenen")
			l := []betrokkeneJSON{}
			for _, b := range betr {
				l = append(l, h.renderBetrokkene(d, b, sub))
			}
			m["hadBetrokkenen"] = l
		}
		if exp.has("gingOverOnderwerpobjecten") {
			l := []onderwerpobjectJSON{}
			for _, o := range onds {
				l = append(l, h.renderOnderwerpobject(d, o))
			}
			m["gingOverOnderwerpobjecten"] = l
		}
		if exp.has("leiddeTotInterneTaken") {
			l := []interneTaakJSON{}
			for _, t := range taken {
				l = append(l, h.renderTaak(d, t))
			}
			m["leiddeTotInterneTaken"] = l
		}
		if exp.has("omvatteBijlagen") {
			l := []bijlageJSON{}
			for _, b := range bijl {
				l = append(l, h.renderBijlage(d, b))
			}
			m["omvatteBijlagen"] = l
		}
		out.Expand = m
	}
	return out
}

// ---- betrokkenen ----

type betrokkeneJSON struct {
	UUID                 string           `json:"uuid"`
	URL                  string           `json:"url"`
	WasPartij            *fkJSON          `json:"wasPartij"`
	HadKlantcontact      *fkJSON          `json:"hadKlantcontact"`
	DigitaleAdressen     []fkJSON         `json:"digitaleAdressen"`
	Bezoekadres          *adresJSON       `json:"bezoekadres"`
	Correspondentieadres *adresJSON       `json:"correspondentieadres"`
	Contactnaam          *contactnaamJSON `json:"contactnaam"`
	VolledigeNaam        string           `json:"volledigeNaam"`
	Rol                  string           `json:"rol"`
	Organisatienaam      string           `json:"organisatienaam"`
	Initiator            bool             `json:"initiator"`
	Expand               map[string]any   `json:"_expand,omitempty"`
}

// renderBetrokkene renders a betrokkene; its expansions are wasPartij,
// digitaleAdressen and hadKlantcontact (reached from the klantcontacten,
// betrokkenen, partijen and digitaleadressen endpoints).
func (h *handler) renderBetrokkene(d *data.Data, r data.Ref, exp expandSet) betrokkeneJSON {
	b := d.Betrokkenen.Get(r)
	u := d.Betrokkenen.UUIDOf(r)
	adressen := h.adressenOfBetrokkene(d, r)
	out := betrokkeneJSON{UUID: u.String(), URL: h.e.URL(kBetr.coll, u), WasPartij: kPartij.fk(h, d, b.Partij),
		HadKlantcontact: kKC.fk(h, d, b.Klantcontact), DigitaleAdressen: kAdres.fks(h, d, adressen),
		Bezoekadres: renderAdres(b.Bezoekadres), Correspondentieadres: renderAdres(b.Correspondentieadres),
		Contactnaam:   &contactnaamJSON{Voorletters: b.Voorletters, Voornaam: b.Voornaam, VoorvoegselAchternaam: b.VoorvoegselAchternaam, Achternaam: b.Achternaam},
		VolledigeNaam: volledigeNaam(b.Voornaam, b.VoorvoegselAchternaam, b.Achternaam), Rol: b.Rol, Organisatienaam: b.Organisatienaam,
		Initiator: b.Initiator}
	if len(exp) > 0 {
		m := map[string]any{}
		if exp.has("wasPartij") {
			if b.Partij != data.NoRef && kPartij.live(h, d, b.Partij) {
				m["wasPartij"] = h.renderPartij(d, b.Partij, exp.sub("wasPartij"))
			} else {
				m["wasPartij"] = nil
			}
		}
		if exp.has("digitaleAdressen") {
			l := []digitaalAdresJSON{}
			for _, a := range adressen {
				l = append(l, h.renderAdresDigitaal(d, a, nil))
			}
			m["digitaleAdressen"] = l
		}
		if exp.has("hadKlantcontact") {
			if kKC.live(h, d, b.Klantcontact) {
				m["hadKlantcontact"] = h.renderKlantcontact(d, b.Klantcontact, exp.sub("hadKlantcontact"))
			} else {
				m["hadKlantcontact"] = nil
			}
		}
		out.Expand = m
	}
	return out
}

// ---- onderwerpobjecten, bijlagen ----

type onderwerpobjectJSON struct {
	UUID                         string     `json:"uuid"`
	URL                          string     `json:"url"`
	Klantcontact                 *fkJSON    `json:"klantcontact"`
	WasKlantcontact              *fkJSON    `json:"wasKlantcontact"`
	Onderwerpobjectidentificator *identJSON `json:"onderwerpobjectidentificator"`
}

func (h *handler) renderOnderwerpobject(d *data.Data, r data.Ref) onderwerpobjectJSON {
	o := d.Onderwerpobjecten.Get(r)
	u := d.Onderwerpobjecten.UUIDOf(r)
	return onderwerpobjectJSON{UUID: u.String(), URL: h.e.URL(kOnd.coll, u), Klantcontact: kKC.fk(h, d, o.Klantcontact),
		WasKlantcontact: kKC.fk(h, d, o.WasKlantcontact), Onderwerpobjectidentificator: renderIdent(o.Identificator)}
}

type bijlageJSON struct {
	UUID                      string     `json:"uuid"`
	URL                       string     `json:"url"`
	WasBijlageVanKlantcontact *fkJSON    `json:"wasBijlageVanKlantcontact"`
	Bijlageidentificator      *identJSON `json:"bijlageidentificator"`
}

func (h *handler) renderBijlage(d *data.Data, r data.Ref) bijlageJSON {
	b := d.Bijlagen.Get(r)
	u := d.Bijlagen.UUIDOf(r)
	return bijlageJSON{UUID: u.String(), URL: h.e.URL(kBijlage.coll, u), WasBijlageVanKlantcontact: kKC.fk(h, d, b.Klantcontact),
		Bijlageidentificator: renderIdent(b.Identificator)}
}

// ---- internetaken ----

type interneTaakJSON struct {
	UUID                         string   `json:"uuid"`
	URL                          string   `json:"url"`
	Nummer                       *string  `json:"nummer"`
	Referentienummer             *string  `json:"referentienummer"`
	GevraagdeHandeling           string   `json:"gevraagdeHandeling"`
	AanleidinggevendKlantcontact *fkJSON  `json:"aanleidinggevendKlantcontact"`
	ToegewezenAanActor           *fkJSON  `json:"toegewezenAanActor,omitempty"`
	ToegewezenAanActoren         []fkJSON `json:"toegewezenAanActoren"`
	Toelichting                  string   `json:"toelichting"`
	Status                       string   `json:"status"`
	ToegewezenOp                 string   `json:"toegewezenOp"`
	AfgehandeldOp                *string  `json:"afgehandeldOp"`
}

func (h *handler) renderTaak(d *data.Data, r data.Ref) interneTaakJSON {
	t := d.InterneTaken.Get(r)
	u := d.InterneTaken.UUIDOf(r)
	out := interneTaakJSON{UUID: u.String(), URL: h.e.URL(kTaak.coll, u), Nummer: nullStr(t.Nummer), Referentienummer: nullStr(t.Referentienummer),
		GevraagdeHandeling: t.GevraagdeHandeling, AanleidinggevendKlantcontact: kKC.fk(h, d, t.Klantcontact),
		ToegewezenAanActoren: kActor.fks(h, d, t.Actoren), Toelichting: t.Toelichting, Status: t.Status,
		ToegewezenOp: formatDateTime(t.ToegewezenOp)}
	if len(out.ToegewezenAanActoren) > 0 {
		out.ToegewezenAanActor = &out.ToegewezenAanActoren[0]
	}
	if t.AfgehandeldOp != 0 {
		s := formatDateTime(t.AfgehandeldOp)
		out.AfgehandeldOp = &s
	}
	return out
}

// ---- actoren ----

type actorJSON struct {
	UUID               string     `json:"uuid"`
	URL                string     `json:"url"`
	Naam               string     `json:"naam"`
	SoortActor         string     `json:"soortActor"`
	IndicatieActief    bool       `json:"indicatieActief"`
	Actoridentificator *identJSON `json:"actoridentificator"`
	ActorIdentificatie any        `json:"actorIdentificatie"`
}

type medewerkerJSON struct {
	Functie        string `json:"functie"`
	Emailadres     string `json:"emailadres"`
	Telefoonnummer string `json:"telefoonnummer"`
}

type geautomatiseerdeActorJSON struct {
	Functie      string `json:"functie"`
	Omschrijving string `json:"omschrijving"`
}

type organisatorischeEenheidJSON struct {
	Omschrijving   string `json:"omschrijving"`
	Emailadres     string `json:"emailadres"`
	Faxnummer      string `json:"faxnummer"`
	Telefoonnummer string `json:"telefoonnummer"`
}

func (h *handler) renderActor(d *data.Data, r data.Ref) actorJSON {
	a := d.Actoren.Get(r)
	u := d.Actoren.UUIDOf(r)
	out := actorJSON{UUID: u.String(), URL: h.e.URL(kActor.coll, u), Naam: a.Naam, SoortActor: a.SoortActor,
		IndicatieActief: a.IndicatieActief, Actoridentificator: renderIdent(a.Identificator)}
	switch a.SoortActor {
	case data.SoortActorMedewerker:
		out.ActorIdentificatie = medewerkerJSON{Functie: a.Functie, Emailadres: a.Emailadres, Telefoonnummer: a.Telefoonnummer}
	case data.SoortActorGeautomatiseerdeActor:
		out.ActorIdentificatie = geautomatiseerdeActorJSON{Functie: a.Functie, Omschrijving: a.Omschrijving}
	case data.SoortActorOrganisatorischeEenheid:
		out.ActorIdentificatie = organisatorischeEenheidJSON{Omschrijving: a.Omschrijving, Emailadres: a.Emailadres,
			Faxnummer: a.Faxnummer, Telefoonnummer: a.Telefoonnummer}
	}
	return out
}

type actorKlantcontactJSON struct {
	UUID         string  `json:"uuid"`
	URL          string  `json:"url"`
	Actor        *fkJSON `json:"actor"`
	Klantcontact *fkJSON `json:"klantcontact"`
}

func (h *handler) renderActorKC(d *data.Data, r data.Ref) actorKlantcontactJSON {
	a := d.ActorKlantcontacten.Get(r)
	u := d.ActorKlantcontacten.UUIDOf(r)
	return actorKlantcontactJSON{UUID: u.String(), URL: h.e.URL(kAKC.coll, u), Actor: kActor.fk(h, d, a.Actor), Klantcontact: kKC.fk(h, d, a.Klantcontact)}
}
