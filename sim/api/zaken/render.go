package zaken

import (
	"encoding/json"
	"net/http"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/provider"
	"github.com/klantgraaf/klantgraaf/sim/render"
)

// Collections of the Zaken API and of the APIs its objects point into.
const (
	collZaken                  = "zaken"
	collRollen                 = "rollen"
	collStatussen              = "statussen"
	collResultaten             = "resultaten"
	collZaakInformatieObjecten = "zaakinformatieobjecten"
	collZaakContactMomenten    = "zaakcontactmomenten"
	collZaakVerzoeken          = "zaakverzoeken"
	collZaakObjecten           = "zaakobjecten"
	collKlanten                = "klanten"
	collContactMomenten        = "contactmomenten"
	collVerzoeken              = "verzoeken"
	collInformatieObjecten     = "enkelvoudiginformatieobjecten"
)

// aardRelatieHoortBij is the aardRelatieWeergave of every
// zaakinformatieobject (a document belongs to the zaak).
const aardRelatieHoortBij = "Hoort bij, omgekeerd: kent"

// rc is what rendering needs: the serving instance, the store with its
// data (read under the caller's lock) and the request (for the client's
// confidentiality ceiling).
type rc struct {
	e  *provider.Env
	st *data.Store
	d  *data.Data
	r  *http.Request
}

// zaakVisible reports whether zaak z exists for the request's client on this
// instance: owned by the instance and within the client's ceiling.
func (c *rc) zaakVisible(z data.Ref) bool {
	if z < 0 || int(z) >= c.d.Zaken.Len() {
		return false
	}
	return c.d.Zaken.InstOf(z) == c.e.Inst && provider.Visible(c.r, c.d.Zaken.Rows[z].Vertrouwelijkheid)
}

// zaakVisibleAnywhere is zaakVisible for zaken of any zaken instance (the
// hoofdzaak or a deelzaak may live in another zaaksysteem).
func (c *rc) zaakVisibleAnywhere(z data.Ref) bool {
	if z < 0 || int(z) >= c.d.Zaken.Len() {
		return false
	}
	return provider.Visible(c.r, c.d.Zaken.Rows[z].Vertrouwelijkheid)
}

func (c *rc) zaakURL(z data.Ref) string {
	return data.RefURL(c.st, &c.d.Zaken, collZaken, z)
}

// ---- Zaak ----

type geoPoint struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

type verlengingJSON struct {
	Reden string `json:"reden"`
	Duur  string `json:"duur"`
}

type opschortingJSON struct {
	Indicatie          bool   `json:"indicatie"`
	EerdereOpschorting bool   `json:"eerdereOpschorting"`
	Reden              string `json:"reden"`
}

type processobjectJSON struct {
	Datumkenmerk  string `json:"datumkenmerk"`
	Identificatie string `json:"identificatie"`
	Objecttype    string `json:"objecttype"`
	Registratie   string `json:"registratie"`
}

type kenmerkJSON struct {
	Kenmerk string `json:"kenmerk"`
	Bron    string `json:"bron"`
}

type relevanteZaakJSON struct {
	URL         string `json:"url"`
	AardRelatie string `json:"aardRelatie"`
}

type gerelateerdeZaakJSON struct {
	URL string `json:"url"`
}

// zaakJSON is the Zaak schema (ExpandZaak with _expand).
type zaakJSON struct {
	URL                          string                 `json:"url"`
	UUID                         string                 `json:"uuid"`
	Identificatie                string                 `json:"identificatie"`
	Bronorganisatie              string                 `json:"bronorganisatie"`
	Omschrijving                 string                 `json:"omschrijving"`
	Toelichting                  string                 `json:"toelichting"`
	Zaaktype                     string                 `json:"zaaktype"`
	Registratiedatum             string                 `json:"registratiedatum"`
	VerantwoordelijkeOrganisatie string                 `json:"verantwoordelijkeOrganisatie"`
	Startdatum                   string                 `json:"startdatum"`
	Einddatum                    *string                `json:"einddatum"`
	EinddatumGepland             *string                `json:"einddatumGepland"`
	UiterlijkeEinddatumAfdoening *string                `json:"uiterlijkeEinddatumAfdoening"`
	Publicatiedatum              *string                `json:"publicatiedatum"`
	LaatstGemuteerd              string                 `json:"laatstGemuteerd"`
	LaatstGeopend                *string                `json:"laatstGeopend"`
	Communicatiekanaal           string                 `json:"communicatiekanaal"`
	CommunicatiekanaalNaam       string                 `json:"communicatiekanaalNaam"`
	ProductenOfDiensten          []string               `json:"productenOfDiensten"`
	Vertrouwelijkheidaanduiding  string                 `json:"vertrouwelijkheidaanduiding"`
	Betalingsindicatie           string                 `json:"betalingsindicatie"`
	BetalingsindicatieWeergave   string                 `json:"betalingsindicatieWeergave"`
	LaatsteBetaaldatum           *string                `json:"laatsteBetaaldatum"`
	Zaakgeometrie                *geoPoint              `json:"zaakgeometrie"`
	Verlenging                   *verlengingJSON        `json:"verlenging"`
	Opschorting                  opschortingJSON        `json:"opschorting"`
	Selectielijstklasse          string                 `json:"selectielijstklasse"`
	Hoofdzaak                    *string                `json:"hoofdzaak"`
	Deelzaken                    []string               `json:"deelzaken"`
	RelevanteAndereZaken         []relevanteZaakJSON    `json:"relevanteAndereZaken"`
	GerelateerdeZaken            []gerelateerdeZaakJSON `json:"gerelateerdeZaken"`
	Eigenschappen                []string               `json:"eigenschappen"`
	Rollen                       []string               `json:"rollen"`
	Status                       *string                `json:"status"`
	Zaakinformatieobjecten       []string               `json:"zaakinformatieobjecten"`
	Zaakobjecten                 []string               `json:"zaakobjecten"`
	Kenmerken                    []kenmerkJSON          `json:"kenmerken"`
	Archiefnominatie             *string                `json:"archiefnominatie"`
	Archiefstatus                string                 `json:"archiefstatus"`
	Archiefactiedatum            *string                `json:"archiefactiedatum"`
	Resultaat                    *string                `json:"resultaat"`
	OpdrachtgevendeOrganisatie   string                 `json:"opdrachtgevendeOrganisatie"`
	Processobjectaard            string                 `json:"processobjectaard"`
	StartdatumBewaartermijn      *string                `json:"startdatumBewaartermijn"`
	Processobject                processobjectJSON      `json:"processobject"`
	Expand                       *zaakExpand            `json:"_expand,omitempty"`
}

// defaultArchiefstatus is the archiefstatus of a zaak that has not been
// archived.
const defaultArchiefstatus = "nog_te_archiveren"

func strp(s string) *string { return &s }

// zaak renders zaak z (without _expand).
func (c *rc) zaak(z data.Ref) *zaakJSON {
	d, st := c.d, c.st
	zr := d.Zaken.Get(z)
	out := &zaakJSON{
		URL:                          c.zaakURL(z),
		UUID:                         d.Zaken.UUIDOf(z).String(),
		Identificatie:                zr.Identificatie,
		Bronorganisatie:              zr.Bronorganisatie,
		Omschrijving:                 zr.Omschrijving,
		Toelichting:                  zr.Toelichting,
		Registratiedatum:             render.Date(zr.Registratiedatum),
		VerantwoordelijkeOrganisatie: zr.VerantwoordelijkeOrganisatie,
		Startdatum:                   render.Date(zr.Startdatum),
		Einddatum:                    render.NullDate(zr.Einddatum),
		EinddatumGepland:             render.NullDate(zr.EinddatumGepland),
		UiterlijkeEinddatumAfdoening: render.NullDate(zr.UiterlijkeEinddatumAfdoening),
		Publicatiedatum:              render.NullDate(zr.Publicatiedatum),
		LaatstGemuteerd:              render.DateTime(zr.LaatstGemuteerd),
		Communicatiekanaal:           zr.Communicatiekanaal,
		ProductenOfDiensten:          []string{},
		Vertrouwelijkheidaanduiding:  zr.Vertrouwelijkheid.String(),
		Opschorting:                  opschortingJSON{},
		Deelzaken:                    []string{},
		RelevanteAndereZaken:         []relevanteZaakJSON{},
		GerelateerdeZaken:            []gerelateerdeZaakJSON{},
		Eigenschappen:                make([]string, 0, len(zr.Eigenschappen)),
		Rollen:                       make([]string, 0, len(zr.Rollen)),
		Zaakinformatieobjecten:       make([]string, 0, len(zr.Zaakinformatieobjecten)),
		Zaakobjecten:                 []string{},
		Kenmerken:                    make([]kenmerkJSON, 0, len(zr.Kenmerken)),
		Archiefstatus:                zr.Archiefstatus,
	}
	if out.VerantwoordelijkeOrganisatie == "" {
		out.VerantwoordelijkeOrganisatie = zr.Bronorganisatie
	}
	// The dataset does not distinguish the opdrachtgevende organisatie: it is
	// the verantwoordelijke organisatie (the schema forbids "").
	out.OpdrachtgevendeOrganisatie = out.VerantwoordelijkeOrganisatie
	if zr.LaatstGemuteerd == 0 {
		out.LaatstGemuteerd = render.DateTime(data.DateTime(int64(zr.Registratiedatum) * 86400))
	}
	if zr.Zaaktype != data.NoRef {
		out.Zaaktype = data.RefURL(st, &d.ZaakTypen, render.CollZaakTypen, zr.Zaaktype)
	}
	if g := zr.Geometrie; g != nil {
		out.Zaakgeometrie = &geoPoint{Type: "Point", Coordinates: [2]float64{g.Lon, g.Lat}}
	}
	if zr.Hoofdzaak != data.NoRef {
		out.Hoofdzaak = strp(c.zaakURL(zr.Hoofdzaak))
	}
	for _, dz := range zr.Deelzaken {
		if c.zaakVisibleAnywhere(dz) {
			out.Deelzaken = append(out.Deelzaken, c.zaakURL(dz))
		}
	}
	zaakUUID := out.UUID
	for _, ze := range zr.Eigenschappen {
		out.Eigenschappen = append(out.Eigenschappen, c.zaakEigenschapURL(zaakUUID, ze))
	}
	for _, rol := range zr.Rollen {
		out.Rollen = append(out.Rollen, data.RefURL(st, &d.Rollen, collRollen, rol))
	}
	if zr.Status != data.NoRef {
		out.Status = strp(data.RefURL(st, &d.Statussen, collStatussen, zr.Status))
	}
	for _, zio := range zr.Zaakinformatieobjecten {
		out.Zaakinformatieobjecten = append(out.Zaakinformatieobjecten, data.RefURL(st, &d.ZaakInformatieObjecten, collZaakInformatieObjecten, zio))
	}
	for _, k := range zr.Kenmerken {
		out.Kenmerken = append(out.Kenmerken, kenmerkJSON(k))
	}
	if zr.Archiefnominatie != "" {
		out.Archiefnominatie = strp(zr.Archiefnominatie)
	}
	if out.Archiefstatus == "" {
		out.Archiefstatus = defaultArchiefstatus
	}
	if zr.Resultaat != data.NoRef {
		out.Resultaat = strp(data.RefURL(st, &d.Resultaten, collResultaten, zr.Resultaat))
		// The selectielijstklasse of a zaak with a resultaat is derived
		// from its resultaattype, as the provider does.
		if rt := d.Resultaten.Get(zr.Resultaat).Resultaattype; rt != data.NoRef {
			out.Selectielijstklasse = d.ResultaatTypen.Get(rt).Selectielijstklasse
		}
	}
	return out
}

// ---- Status ----

type statusJSON struct {
	URL                          string        `json:"url"`
	UUID                         string        `json:"uuid"`
	Zaak                         string        `json:"zaak"`
	Statustype                   string        `json:"statustype"`
	DatumStatusGezet             string        `json:"datumStatusGezet"`
	Statustoelichting            string        `json:"statustoelichting"`
	IndicatieLaatstGezetteStatus bool          `json:"indicatieLaatstGezetteStatus"`
	Gezetdoor                    *string       `json:"gezetdoor"`
	Zaakinformatieobjecten       []string      `json:"zaakinformatieobjecten"`
	Expand                       *statusExpand `json:"_expand,omitempty"`
}

type statusExpand struct {
	Statustype *render.StatusTypeJSON `json:"statustype,omitempty"`
}

func (c *rc) status(s data.Ref) *statusJSON {
	d := c.d
	sr := d.Statussen.Get(s)
	out := &statusJSON{
		URL:                    data.RefURL(c.st, &d.Statussen, collStatussen, s),
		UUID:                   d.Statussen.UUIDOf(s).String(),
		DatumStatusGezet:       render.DateTime(sr.DatumStatusGezet),
		Statustoelichting:      sr.Statustoelichting,
		Zaakinformatieobjecten: []string{},
	}
	if sr.Zaak != data.NoRef {
		out.Zaak = c.zaakURL(sr.Zaak)
		out.IndicatieLaatstGezetteStatus = d.Zaken.Get(sr.Zaak).Status == s
	}
	if sr.Statustype != data.NoRef {
		out.Statustype = data.RefURL(c.st, &d.StatusTypen, render.CollStatusTypen, sr.Statustype)
	}
	return out
}

// ---- Resultaat ----

type resultaatJSON struct {
	URL           string           `json:"url"`
	UUID          string           `json:"uuid"`
	Zaak          string           `json:"zaak"`
	Resultaattype string           `json:"resultaattype"`
	Toelichting   string           `json:"toelichting"`
	Expand        *resultaatExpand `json:"_expand,omitempty"`
}

type resultaatExpand struct {
	Resultaattype *render.ResultaatTypeJSON `json:"resultaattype,omitempty"`
}

func (c *rc) resultaat(r data.Ref) *resultaatJSON {
	d := c.d
	rr := d.Resultaten.Get(r)
	out := &resultaatJSON{
		URL:         data.RefURL(c.st, &d.Resultaten, collResultaten, r),
		UUID:        d.Resultaten.UUIDOf(r).String(),
		Toelichting: rr.Toelichting,
	}
	if rr.Zaak != data.NoRef {
		out.Zaak = c.zaakURL(rr.Zaak)
	}
	if rr.Resultaattype != data.NoRef {
		out.Resultaattype = data.RefURL(c.st, &d.ResultaatTypen, render.CollResultaatTypen, rr.Resultaattype)
	}
	return out
}

// ---- Rol ----

type natuurlijkPersoonJSON struct {
	InpBsn                   string          `json:"inpBsn"`
	AnpIdentificatie         string          `json:"anpIdentificatie"`
	InpANummer               string          `json:"inpA_nummer,omitempty"` // the pattern forbids ""
	Geslachtsnaam            string          `json:"geslachtsnaam"`
	VoorvoegselGeslachtsnaam string          `json:"voorvoegselGeslachtsnaam"`
	Voorletters              string          `json:"voorletters"`
	Voornamen                string          `json:"voornamen"`
	Geslachtsaanduiding      string          `json:"geslachtsaanduiding"`
	Geboortedatum            string          `json:"geboortedatum"`
	Verblijfsadres           json.RawMessage `json:"verblijfsadres"`
	SubVerblijfBuitenland    json.RawMessage `json:"subVerblijfBuitenland"`
}

type nietNatuurlijkPersoonJSON struct {
	InnNnpId              string          `json:"innNnpId"`
	AnnIdentificatie      string          `json:"annIdentificatie"`
	KvkNummer             string          `json:"kvkNummer"`
	VestigingsNummer      string          `json:"vestigingsNummer"`
	StatutaireNaam        string          `json:"statutaireNaam"`
	InnRechtsvorm         string          `json:"innRechtsvorm"`
	Bezoekadres           string          `json:"bezoekadres"`
	Verblijfsadres        json.RawMessage `json:"verblijfsadres"`
	SubVerblijfBuitenland json.RawMessage `json:"subVerblijfBuitenland"`
}

type vestigingJSON struct {
	VestigingsNummer      string          `json:"vestigingsNummer"`
	Handelsnaam           []string        `json:"handelsnaam"`
	Verblijfsadres        json.RawMessage `json:"verblijfsadres"`
	SubVerblijfBuitenland json.RawMessage `json:"subVerblijfBuitenland"`
	KvkNummer             string          `json:"kvkNummer"`
}

type organisatorischeEenheidJSON struct {
	Identificatie  string `json:"identificatie"`
	Naam           string `json:"naam"`
	IsGehuisvestIn string `json:"isGehuisvestIn"`
}

type medewerkerJSON struct {
	Identificatie         string `json:"identificatie"`
	Achternaam            string `json:"achternaam"`
	Voorletters           string `json:"voorletters"`
	VoorvoegselAchternaam string `json:"voorvoegselAchternaam"`
}

var jsonNull = json.RawMessage("null")

// rolJSON is the Rol schema (one of the per-betrokkeneType variants).
type rolJSON struct {
	URL                      string           `json:"url"`
	UUID                     string           `json:"uuid"`
	Zaak                     string           `json:"zaak"`
	Betrokkene               string           `json:"betrokkene"`
	BetrokkeneType           string           `json:"betrokkeneType"`
	AfwijkendeNaamBetrokkene string           `json:"afwijkendeNaamBetrokkene"`
	Roltype                  string           `json:"roltype"`
	Omschrijving             string           `json:"omschrijving"`
	OmschrijvingGeneriek     string           `json:"omschrijvingGeneriek"`
	Roltoelichting           string           `json:"roltoelichting"`
	Registratiedatum         string           `json:"registratiedatum"`
	IndicatieMachtiging      string           `json:"indicatieMachtiging"`
	ContactpersoonRol        json.RawMessage  `json:"contactpersoonRol"`
	Statussen                []string         `json:"statussen"`
	BeginGeldigheid          *string          `json:"beginGeldigheid"`
	EindeGeldigheid          *string          `json:"eindeGeldigheid"`
	BetrokkeneIdentificatie  any              `json:"betrokkeneIdentificatie"`
	AuthenticatieContext     *json.RawMessage `json:"authenticatieContext,omitempty"`
	Expand                   *rolExpand       `json:"_expand,omitempty"`
}

type rolExpand struct {
	Roltype *render.RolTypeJSON `json:"roltype,omitempty"`
}

// rolBetrokkene is the betrokkene URL of a rol: the klant in the klanten
// provider when the rol links one, else the stored URL (or "").
func rolBetrokkene(st *data.Store, d *data.Data, rr *data.Rol) string {
	if rr.BetrokkeneKlant != data.NoRef {
		return data.RefURL(st, &d.Klanten, collKlanten, rr.BetrokkeneKlant)
	}
	return rr.Betrokkene
}

// voorletters derives initials ("J.P.") from voornamen.
func voorletters(voornamen string) string {
	out := make([]byte, 0, 8)
	start := true
	for i := 0; i < len(voornamen); i++ {
		ch := voornamen[i]
		if ch == ' ' {
			start = true
			continue
		}
		if start {
			out = append(out, ch, '.')
			start = false
		}
	}
	return string(out)
}

func (c *rc) rol(r data.Ref) *rolJSON {
	d := c.d
	rr := d.Rollen.Get(r)
	out := &rolJSON{
		URL:                 data.RefURL(c.st, &d.Rollen, collRollen, r),
		UUID:                d.Rollen.UUIDOf(r).String(),
		Betrokkene:          rolBetrokkene(c.st, d, rr),
		BetrokkeneType:      rr.BetrokkeneType,
		Roltoelichting:      rr.Roltoelichting,
		Registratiedatum:    render.DateTime(rr.Registratiedatum),
		IndicatieMachtiging: rr.IndicatieMachtiging,
		ContactpersoonRol:   jsonNull,
		Statussen:           []string{},
	}
	if rr.Zaak != data.NoRef {
		out.Zaak = c.zaakURL(rr.Zaak)
	}
	if rr.Roltype != data.NoRef {
		rt := d.RolTypen.Get(rr.Roltype)
		out.Roltype = data.RefURL(c.st, &d.RolTypen, render.CollRolTypen, rr.Roltype)
		out.Omschrijving = rt.Omschrijving
		out.OmschrijvingGeneriek = rt.OmschrijvingGeneriek
	}
	null := jsonNull
	switch rr.BetrokkeneType {
	case data.BetrokkeneNatuurlijkPersoon:
		vl := rr.Voorletters
		if vl == "" {
			vl = voorletters(rr.Voornamen)
		}
		out.BetrokkeneIdentificatie = &natuurlijkPersoonJSON{
			InpBsn: rr.InpBsn, Geslachtsnaam: rr.Geslachtsnaam, VoorvoegselGeslachtsnaam: rr.Voorvoegsel,
			Voorletters: vl, Voornamen: rr.Voornamen, Geslachtsaanduiding: rr.Geslachtsaanduiding,
			Geboortedatum: rr.Geboortedatum, Verblijfsadres: jsonNull, SubVerblijfBuitenland: jsonNull,
		}
		out.AuthenticatieContext = &null
	case data.BetrokkeneNietNatuurlijkPersoon:
		out.BetrokkeneIdentificatie = &nietNatuurlijkPersoonJSON{
			InnNnpId: rr.InnNnpId, KvkNummer: rr.KvkNummer, VestigingsNummer: rr.VestigingsNummer,
			StatutaireNaam: rr.StatutaireNaam, Verblijfsadres: jsonNull, SubVerblijfBuitenland: jsonNull,
		}
		out.AuthenticatieContext = &null
	case data.BetrokkeneVestiging:
		hn := []string{}
		if rr.StatutaireNaam != "" {
			hn = append(hn, rr.StatutaireNaam)
		}
		out.BetrokkeneIdentificatie = &vestigingJSON{
			VestigingsNummer: rr.VestigingsNummer, Handelsnaam: hn, KvkNummer: rr.KvkNummer,
			Verblijfsadres: jsonNull, SubVerblijfBuitenland: jsonNull,
		}
		out.AuthenticatieContext = &null
	case data.BetrokkeneOrganisatorischeEenheid:
		out.BetrokkeneIdentificatie = &organisatorischeEenheidJSON{Identificatie: rr.OrgEenheidID, Naam: rr.OrgEenheidNaam}
	case data.BetrokkeneMedewerker:
		out.BetrokkeneIdentificatie = &medewerkerJSON{Identificatie: rr.MedewerkerID, Achternaam: rr.Achternaam,
			Voorletters: rr.Voorletters, VoorvoegselAchternaam: rr.Voorvoegsel}
	default:
		out.BetrokkeneIdentificatie = nil
	}
	return out
}

// ---- ZaakEigenschap ----

type zaakEigenschapJSON struct {
	URL        string                `json:"url"`
	UUID       string                `json:"uuid"`
	Zaak       string                `json:"zaak"`
	Eigenschap string                `json:"eigenschap"`
	Naam       string                `json:"naam"`
	Waarde     string                `json:"waarde"`
	Expand     *zaakEigenschapExpand `json:"_expand,omitempty"`
}

type zaakEigenschapExpand struct {
	Eigenschap *render.EigenschapJSON `json:"eigenschap,omitempty"`
}

func (c *rc) zaakEigenschapURL(zaakUUID string, ze data.Ref) string {
	return c.st.URL(c.d.ZaakEigenschappen.InstOf(ze), collZaken+"/"+zaakUUID+"/zaakeigenschappen", c.d.ZaakEigenschappen.UUIDOf(ze))
}

func (c *rc) zaakEigenschap(ze data.Ref) *zaakEigenschapJSON {
	d := c.d
	zr := d.ZaakEigenschappen.Get(ze)
	out := &zaakEigenschapJSON{UUID: d.ZaakEigenschappen.UUIDOf(ze).String(), Waarde: zr.Waarde}
	if zr.Zaak != data.NoRef {
		out.Zaak = c.zaakURL(zr.Zaak)
		out.URL = c.zaakEigenschapURL(d.Zaken.UUIDOf(zr.Zaak).String(), ze)
	}
	if zr.Eigenschap != data.NoRef {
		out.Eigenschap = data.RefURL(c.st, &d.Eigenschappen, render.CollEigenschappen, zr.Eigenschap)
		out.Naam = d.Eigenschappen.Get(zr.Eigenschap).Naam
	}
	return out
}

// ---- ZaakInformatieObject ----

type zioJSON struct {
	URL                 string  `json:"url"`
	UUID                string  `json:"uuid"`
	Informatieobject    string  `json:"informatieobject"`
	Zaak                string  `json:"zaak"`
	AardRelatieWeergave string  `json:"aardRelatieWeergave"`
	Titel               string  `json:"titel"`
	Beschrijving        string  `json:"beschrijving"`
	Registratiedatum    string  `json:"registratiedatum"`
	Vernietigingsdatum  *string `json:"vernietigingsdatum"`
	Status              *string `json:"status"`
}

func (c *rc) zio(r data.Ref) *zioJSON {
	d := c.d
	zr := d.ZaakInformatieObjecten.Get(r)
	out := &zioJSON{
		URL:                 data.RefURL(c.st, &d.ZaakInformatieObjecten, collZaakInformatieObjecten, r),
		UUID:                d.ZaakInformatieObjecten.UUIDOf(r).String(),
		AardRelatieWeergave: aardRelatieHoortBij,
		Titel:               zr.Titel,
		Beschrijving:        zr.Beschrijving,
		Registratiedatum:    render.DateTime(zr.Registratiedatum),
	}
	if zr.Informatieobject != data.NoRef {
		out.Informatieobject = data.RefURL(c.st, &d.InformatieObjecten, collInformatieObjecten, zr.Informatieobject)
	}
	if zr.Zaak != data.NoRef {
		out.Zaak = c.zaakURL(zr.Zaak)
	}
	return out
}

// ---- ZaakContactMoment / ZaakVerzoek ----

type zcmJSON struct {
	URL           string `json:"url"`
	UUID          string `json:"uuid"`
	Zaak          string `json:"zaak"`
	Contactmoment string `json:"contactmoment"`
}

func (c *rc) zcm(r data.Ref) *zcmJSON {
	d := c.d
	zr := d.ZaakContactMomenten.Get(r)
	out := &zcmJSON{
		URL:  data.RefURL(c.st, &d.ZaakContactMomenten, collZaakContactMomenten, r),
		UUID: d.ZaakContactMomenten.UUIDOf(r).String(),
	}
	if zr.Zaak != data.NoRef {
		out.Zaak = c.zaakURL(zr.Zaak)
	}
	if zr.Contactmoment != data.NoRef {
		out.Contactmoment = data.RefURL(c.st, &d.ContactMomenten, collContactMomenten, zr.Contactmoment)
	}
	return out
}

type zaakVerzoekJSON struct {
	URL     string `json:"url"`
	UUID    string `json:"uuid"`
	Zaak    string `json:"zaak"`
	Verzoek string `json:"verzoek"`
}

func (c *rc) zaakVerzoek(r data.Ref) *zaakVerzoekJSON {
	d := c.d
	zr := d.ZaakVerzoeken.Get(r)
	out := &zaakVerzoekJSON{
		URL:  data.RefURL(c.st, &d.ZaakVerzoeken, collZaakVerzoeken, r),
		UUID: d.ZaakVerzoeken.UUIDOf(r).String(),
	}
	if zr.Zaak != data.NoRef {
		out.Zaak = c.zaakURL(zr.Zaak)
	}
	if zr.Verzoek != data.NoRef {
		out.Verzoek = data.RefURL(c.st, &d.Verzoeken, collVerzoeken, zr.Verzoek)
	}
	return out
}
