package klanten

import (
	"regexp"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/form"
)

// klantJSON is the Klant schema; subjectIdentificatie follows subjectType
// (the spec's discriminator) and is absent when subjectType is null.
type klantJSON struct {
	URL                   string     `json:"url"`
	Bronorganisatie       string     `json:"bronorganisatie"`
	Klantnummer           string     `json:"klantnummer"`
	Bedrijfsnaam          string     `json:"bedrijfsnaam"`
	Functie               string     `json:"functie"`
	WebsiteURL            string     `json:"websiteUrl"`
	Voornaam              string     `json:"voornaam"`
	VoorvoegselAchternaam string     `json:"voorvoegselAchternaam"`
	Achternaam            string     `json:"achternaam"`
	Telefoonnummer        string     `json:"telefoonnummer"`
	Emailadres            string     `json:"emailadres"`
	Adres                 *adresJSON `json:"adres"`
	Subject               string     `json:"subject"`
	SubjectType           *string    `json:"subjectType"`
	SubjectIdentificatie  any        `json:"subjectIdentificatie,omitempty"`
	Aanmaakkanaal         string     `json:"aanmaakkanaal"`
	Geverifieerd          bool       `json:"geverifieerd"`
}

type adresJSON struct {
	Straatnaam           string `json:"straatnaam"`
	Huisnummer           *int32 `json:"huisnummer"`
	Huisletter           string `json:"huisletter"`
	Huisnummertoevoeging string `json:"huisnummertoevoeging"`
	Postcode             string `json:"postcode"`
	Woonplaatsnaam       string `json:"woonplaatsnaam"`
	Landcode             string `json:"landcode"`
}

// Enum fields are left out when empty: the schema's enums have no blank.
type natuurlijkPersoonJSON struct {
	InpBsn                   string                     `json:"inpBsn"`
	AnpIdentificatie         string                     `json:"anpIdentificatie"`
	InpANummer               string                     `json:"inpANummer,omitempty"`
	Geslachtsnaam            string                     `json:"geslachtsnaam"`
	VoorvoegselGeslachtsnaam string                     `json:"voorvoegselGeslachtsnaam"`
	Voorletters              string                     `json:"voorletters"`
	Voornamen                string                     `json:"voornamen"`
	Geslachtsaanduiding      string                     `json:"geslachtsaanduiding,omitempty"`
	Geboortedatum            string                     `json:"geboortedatum"`
	Verblijfsadres           *verblijfsAdresJSON        `json:"verblijfsadres"`
	SubVerblijfBuitenland    *subVerblijfBuitenlandJSON `json:"subVerblijfBuitenland"`
}

type nietNatuurlijkPersoonJSON struct {
	InnNnpId              string                     `json:"innNnpId"`
	AnnIdentificatie      string                     `json:"annIdentificatie"`
	StatutaireNaam        string                     `json:"statutaireNaam"`
	InnRechtsvorm         string                     `json:"innRechtsvorm,omitempty"`
	Bezoekadres           string                     `json:"bezoekadres"`
	SubVerblijfBuitenland *subVerblijfBuitenlandJSON `json:"subVerblijfBuitenland"`
}

type vestigingJSON struct {
	VestigingsNummer      string                     `json:"vestigingsNummer"`
	Handelsnaam           []string                   `json:"handelsnaam"`
	Verblijfsadres        *verblijfsAdresJSON        `json:"verblijfsadres"`
	SubVerblijfBuitenland *subVerblijfBuitenlandJSON `json:"subVerblijfBuitenland"`
}

type verblijfsAdresJSON struct {
	AoaIdentificatie        string `json:"aoaIdentificatie"`
	WplWoonplaatsNaam       string `json:"wplWoonplaatsNaam"`
	GorOpenbareRuimteNaam   string `json:"gorOpenbareRuimteNaam"`
	AoaPostcode             string `json:"aoaPostcode"`
	AoaHuisnummer           *int32 `json:"aoaHuisnummer"`
	AoaHuisletter           string `json:"aoaHuisletter"`
	AoaHuisnummertoevoeging string `json:"aoaHuisnummertoevoeging"`
	InpLocatiebeschrijving  string `json:"inpLocatiebeschrijving"`
}

type subVerblijfBuitenlandJSON struct {
	LndLandcode         string `json:"lndLandcode"`
	LndLandnaam         string `json:"lndLandnaam"`
	SubAdresBuitenland1 string `json:"subAdresBuitenland1"`
	SubAdresBuitenland2 string `json:"subAdresBuitenland2"`
	SubAdresBuitenland3 string `json:"subAdresBuitenland3"`
}

// klantExt is stored in data.Klant.Ext: subjectIdentificatie details that
// only clients write.
type klantExt struct {
	InpANummer               string
	Voorletters              string
	VoorvoegselGeslachtsnaam string
	AnnIdentificatie         string
	InnRechtsvorm            string
	Bezoekadres              string
	Verblijfsadres           *verblijfsAdresJSON
	SubVerblijfBuitenland    *subVerblijfBuitenlandJSON
}

var noExt klantExt

func extOf(k *data.Klant) *klantExt {
	if x, ok := k.Ext.(*klantExt); ok && x != nil {
		return x
	}
	return &noExt
}

func (h *handler) render(d *data.Data, ref data.Ref) klantJSON {
	k := d.Klanten.Get(ref)
	out := klantJSON{
		URL:                   data.RefURL(h.e.Store, &d.Klanten, collection, ref),
		Bronorganisatie:       k.Bronorganisatie,
		Klantnummer:           k.Klantnummer,
		Bedrijfsnaam:          k.Bedrijfsnaam,
		Functie:               k.Functie,
		WebsiteURL:            k.WebsiteURL,
		Voornaam:              k.Voornaam,
		VoorvoegselAchternaam: k.VoorvoegselAchternaam,
		Achternaam:            k.Achternaam,
		Telefoonnummer:        k.Telefoonnummer,
		Emailadres:            k.Emailadres,
		Subject:               k.Subject,
		Aanmaakkanaal:         k.Aanmaakkanaal,
		Geverifieerd:          k.Geverifieerd,
	}
	if a := k.Adres; a != (data.Adres{}) {
		aj := &adresJSON{Straatnaam: a.Straatnaam, Huisletter: a.Huisletter, Huisnummertoevoeging: a.Huisnummertoevoeging,
			Postcode: a.Postcode, Woonplaatsnaam: a.Woonplaats, Landcode: a.Landcode}
		if a.Huisnummer > 0 {
			n := a.Huisnummer
			aj.Huisnummer = &n
		}
		out.Adres = aj
	}
	x := extOf(k)
	switch k.SubjectType {
	case data.SubjectNatuurlijkPersoon:
		vl := x.Voorletters
		if vl == "" {
			vl = voorletters(k.Voornamen)
		}
		vv := x.VoorvoegselGeslachtsnaam
		if vv == "" && x == &noExt {
			vv = k.VoorvoegselAchternaam
		}
		out.SubjectIdentificatie = natuurlijkPersoonJSON{InpBsn: k.InpBsn, AnpIdentificatie: k.AnpIdentificatie,
			InpANummer: x.InpANummer, Geslachtsnaam: k.Geslachtsnaam, VoorvoegselGeslachtsnaam: vv,
			Voorletters: vl, Voornamen: k.Voornamen, Geslachtsaanduiding: k.Geslachtsaanduiding,
			Geboortedatum: k.Geboortedatum, Verblijfsadres: x.Verblijfsadres, SubVerblijfBuitenland: x.SubVerblijfBuitenland}
	case data.SubjectNietNatuurlijkPersoon:
		out.SubjectIdentificatie = nietNatuurlijkPersoonJSON{InnNnpId: k.InnNnpId, AnnIdentificatie: x.AnnIdentificatie,
			StatutaireNaam: k.StatutaireNaam, InnRechtsvorm: x.InnRechtsvorm, Bezoekadres: x.Bezoekadres,
			SubVerblijfBuitenland: x.SubVerblijfBuitenland}
	case data.SubjectVestiging:
		hn := k.Handelsnaam
		if hn == nil {
			hn = []string{}
		}
		out.SubjectIdentificatie = vestigingJSON{VestigingsNummer: k.VestigingsNummer, Handelsnaam: hn,
			Verblijfsadres: x.Verblijfsadres, SubVerblijfBuitenland: x.SubVerblijfBuitenland}
	}
	if k.SubjectType != "" {
		st := k.SubjectType
		out.SubjectType = &st
	}
	return out
}

var (
	geslachtsaanduidingen = []string{"m", "v", "o"}
	rechtsvormen          = []string{"besloten_vennootschap", "cooperatie_europees_economische_samenwerking",
		"europese_cooperatieve_venootschap", "europese_naamloze_vennootschap", "kerkelijke_organisatie",
		"naamloze_vennootschap", "onderlinge_waarborg_maatschappij", "overig_privaatrechtelijke_rechtspersoon",
		"stichting", "vereniging", "vereniging_van_eigenaars", "publiekrechtelijke_rechtspersoon",
		"vennootschap_onder_firma", "maatschap", "rederij", "commanditaire_vennootschap",
		"kapitaalvennootschap_binnen_eer", "overige_buitenlandse_rechtspersoon_vennootschap",
		"kapitaalvennootschap_buiten_eer"}
	aNummerRe = regexp.MustCompile(`^[1-9][0-9]{9}$`)
)

// applyKlant validates the body into k (a copy of the stored row on
// updates). It returns false when there are validation errors.
func applyKlant(f *form.Form, k *data.Klant, update bool) bool {
	setStr := func(key string, max int, required bool, dst *string, check func(string) (string, string)) {
		if v, ok := f.Str(key, max, required); ok {
			if check != nil && v != "" {
				if code, reason := check(v); code != "" {
					f.Fail(key, code, reason)
					return
				}
			}
			*dst = v
		}
	}
	urlCheck := func(v string) (string, string) {
		if !form.ValidURL(v) {
			return "invalid", form.MsgURL
		}
		return "", ""
	}
	setStr("bronorganisatie", 9, true, &k.Bronorganisatie, form.ValidRSIN)
	setStr("klantnummer", 8, true, &k.Klantnummer, nil)
	setStr("bedrijfsnaam", 200, false, &k.Bedrijfsnaam, nil)
	setStr("functie", 200, false, &k.Functie, nil)
	setStr("websiteUrl", 1000, false, &k.WebsiteURL, urlCheck)
	setStr("voornaam", 200, false, &k.Voornaam, nil)
	setStr("voorvoegselAchternaam", 10, false, &k.VoorvoegselAchternaam, nil)
	setStr("achternaam", 200, false, &k.Achternaam, nil)
	setStr("telefoonnummer", 20, false, &k.Telefoonnummer, nil)
	setStr("emailadres", 254, false, &k.Emailadres, func(v string) (string, string) {
		if !form.ValidEmail(v) {
			return "invalid", form.MsgEmail
		}
		return "", ""
	})
	setStr("subject", 1000, false, &k.Subject, urlCheck)
	setStr("aanmaakkanaal", 50, false, &k.Aanmaakkanaal, nil)
	if b, ok := f.Boolean("geverifieerd"); ok {
		k.Geverifieerd = b
	}
	if a, given := f.Object("adres"); given {
		if a == nil {
			k.Adres = data.Adres{}
		} else {
			applyAdres(a, &k.Adres)
		}
	}

	// subjectType is immutable once set; subjectIdentificatie is read with
	// the serializer of the (new or stored) subjectType.
	st := k.SubjectType
	if raw, ok := f.Raw("subjectType"); ok {
		if form.IsNull(raw) {
			st = ""
		} else if v, ok := f.ChoiceValue("subjectType", raw, subjectTypes, false); ok {
			st = v
		} else {
			st = k.SubjectType
		}
		if update && st != k.SubjectType && k.SubjectType != "" {
			f.Fail("subjectType", "wijzigen-niet-toegelaten", form.MsgImmutable)
			st = k.SubjectType
		}
	}
	hadIdent := update && k.SubjectType != ""
	k.SubjectType = st
	identGiven := false
	if st != "" {
		if si, given := f.Object("subjectIdentificatie"); given && si != nil {
			identGiven = true
			applySubject(si, k, st)
		}
	}
	if !f.Failed() && k.Subject == "" && !identGiven && !hadIdent {
		f.Fail(form.NonFieldError, "invalid-subject", "subject or subjectIdentificatie must be provided")
	}
	return !f.Failed()
}

func applyAdres(a *form.Form, dst *data.Adres) {
	set := func(key string, max int, p *string) {
		if v, ok := a.Str(key, max, false); ok {
			*p = v
		}
	}
	set("straatnaam", 100, &dst.Straatnaam)
	set("huisletter", 1, &dst.Huisletter)
	set("huisnummertoevoeging", 4, &dst.Huisnummertoevoeging)
	set("postcode", 7, &dst.Postcode)
	set("woonplaatsnaam", 80, &dst.Woonplaats)
	set("landcode", 4, &dst.Landcode)
	if n, null, ok := a.Integer("huisnummer", 0, 99999); ok {
		if null {
			dst.Huisnummer = 0
		} else {
			dst.Huisnummer = int32(n)
		}
	}
}

// applySubject reads subjectIdentificatie of subject type st into k.
func applySubject(si *form.Form, k *data.Klant, st string) {
	x := *extOf(k) // copy: stored rows are never changed in place
	set := func(key string, max int, p *string) {
		if v, ok := si.Str(key, max, false); ok {
			*p = v
		}
	}
	switch st {
	case data.SubjectNatuurlijkPersoon:
		if v, ok := si.Str("inpBsn", 9, false); ok {
			if v != "" && (len(v) != 9 || !allDigits(v) || !form.ElfProef(v)) {
				si.Fail("inpBsn", "invalid", "Onjuist BSN nummer.")
			} else {
				k.InpBsn = v
			}
		}
		set("anpIdentificatie", 17, &k.AnpIdentificatie)
		if v, ok := si.Str("inpANummer", 10, false); ok {
			if v != "" && !aNummerRe.MatchString(v) {
				si.Fail("inpANummer", "invalid", "Voer een geldige waarde in.")
			} else {
				x.InpANummer = v
			}
		}
		set("geslachtsnaam", 200, &k.Geslachtsnaam)
		set("voorvoegselGeslachtsnaam", 80, &x.VoorvoegselGeslachtsnaam)
		set("voorletters", 20, &x.Voorletters)
		set("voornamen", 200, &k.Voornamen)
		if v, ok := si.Choice("geslachtsaanduiding", geslachtsaanduidingen, false); ok {
			k.Geslachtsaanduiding = v
		}
		set("geboortedatum", 18, &k.Geboortedatum)
		applyVerblijfsadres(si, &x)
		applyBuitenland(si, &x)
	case data.SubjectNietNatuurlijkPersoon:
		set("innNnpId", 9, &k.InnNnpId)
		set("annIdentificatie", 17, &x.AnnIdentificatie)
		set("statutaireNaam", 500, &k.StatutaireNaam)
		if v, ok := si.Choice("innRechtsvorm", rechtsvormen, false); ok {
			x.InnRechtsvorm = v
		}
		set("bezoekadres", 1000, &x.Bezoekadres)
		applyBuitenland(si, &x)
	case data.SubjectVestiging:
		set("vestigingsNummer", 24, &k.VestigingsNummer)
		if l, ok := si.StrList("handelsnaam", 625, 0); ok {
			k.Handelsnaam = l
		}
		applyVerblijfsadres(si, &x)
		applyBuitenland(si, &x)
	}
	if x != noExt {
		k.Ext = &x
	} else {
		k.Ext = nil
	}
}

func applyVerblijfsadres(si *form.Form, x *klantExt) {
	va, given := si.Object("verblijfsadres")
	if !given {
		return
	}
	if va == nil {
		x.Verblijfsadres = nil
		return
	}
	v := verblijfsAdresJSON{}
	if x.Verblijfsadres != nil {
		v = *x.Verblijfsadres
	}
	before := len(si.Errs())
	set := func(key string, max int, required bool, p *string) {
		if s, ok := va.Str(key, max, required); ok {
			*p = s
		}
	}
	set("aoaIdentificatie", 100, true, &v.AoaIdentificatie)
	set("wplWoonplaatsNaam", 80, false, &v.WplWoonplaatsNaam)
	set("gorOpenbareRuimteNaam", 80, true, &v.GorOpenbareRuimteNaam)
	set("aoaPostcode", 7, false, &v.AoaPostcode)
	set("aoaHuisletter", 1, false, &v.AoaHuisletter)
	set("aoaHuisnummertoevoeging", 4, false, &v.AoaHuisnummertoevoeging)
	set("inpLocatiebeschrijving", 1000, false, &v.InpLocatiebeschrijving)
	if n, null, ok := va.Integer("aoaHuisnummer", 0, 99999); ok {
		if null {
			v.AoaHuisnummer = nil
		} else {
			n32 := int32(n)
			v.AoaHuisnummer = &n32
		}
	}
	if len(si.Errs()) == before {
		x.Verblijfsadres = &v
	}
}

func applyBuitenland(si *form.Form, x *klantExt) {
	sb, given := si.Object("subVerblijfBuitenland")
	if !given {
		return
	}
	if sb == nil {
		x.SubVerblijfBuitenland = nil
		return
	}
	v := subVerblijfBuitenlandJSON{}
	if x.SubVerblijfBuitenland != nil {
		v = *x.SubVerblijfBuitenland
	}
	before := len(si.Errs())
	set := func(key string, max int, required bool, p *string) {
		if s, ok := sb.Str(key, max, required); ok {
			*p = s
		}
	}
	set("lndLandcode", 4, true, &v.LndLandcode)
	set("lndLandnaam", 40, true, &v.LndLandnaam)
	set("subAdresBuitenland1", 35, false, &v.SubAdresBuitenland1)
	set("subAdresBuitenland2", 35, false, &v.SubAdresBuitenland2)
	set("subAdresBuitenland3", 35, false, &v.SubAdresBuitenland3)
	if len(si.Errs()) == before {
		x.SubVerblijfBuitenland = &v
	}
}

func allDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
