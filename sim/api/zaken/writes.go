package zaken

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/provider"
	"github.com/klantgraaf/klantgraaf/sim/render"
)

// bodyZaak reads the required "zaak" URL of a request body: a zaak of this
// instance that the client may see.
func (c *rc) bodyZaak(b *body) data.Ref {
	raw, ok := b.required("zaak", 1000)
	if !ok {
		return data.NoRef
	}
	z := resolveRef(c.st, &c.d.Zaken, raw, data.APIZaken, collZaken)
	if z == data.NoRef || !c.zaakVisible(z) {
		b.fail("zaak", "bad-url", reasonBadURL)
		return data.NoRef
	}
	return z
}

func noContent(w http.ResponseWriter) func() {
	return func() { w.WriteHeader(http.StatusNoContent) }
}

// ---- POST /statussen ----

// createStatus adds a status to a zaak. The zaak's current status becomes
// the status with the latest datumStatusGezet; an eindstatus closes the zaak
// (einddatum = the date of the status), any other status (re)opens it.
// With only zaken.aanmaken a client may set the first status only, and
// reopening a closed zaak needs zaken.heropenen.
func (a *api) createStatus(w http.ResponseWriter, r *http.Request) {
	if !requireAnyScope(w, r, scopeAanmaken, scopeStatussenToevoegen, scopeHeropenen) {
		return
	}
	b, ok := decodeObject(w, r)
	if !ok {
		return
	}
	now := data.DateTime(time.Now().Unix())
	a.write(func(d *data.Data) func() {
		c := a.rc(d, r)
		z := c.bodyZaak(b)
		stt := data.NoRef
		if raw, ok := b.required("statustype", 1000); ok {
			stt = ref(b, c.st, &d.StatusTypen, "statustype", raw, data.APICatalogi, render.CollStatusTypen)
		}
		var gezet data.DateTime
		if raw, ok := b.required("datumStatusGezet", 0); ok {
			if gezet, ok = render.ParseDateTime(raw); !ok {
				b.fail("datumStatusGezet", "invalid", reasonDateTime)
			}
		}
		toelichting, _ := b.str("statustoelichting", 1000)
		if raw, ok := b.str("gezetdoor", 1000); ok {
			rol := resolveRef(c.st, &d.Rollen, raw, data.APIZaken, collRollen)
			if rol == data.NoRef || d.Rollen.InstOf(rol) != a.e.Inst || (z != data.NoRef && d.Rollen.Get(rol).Zaak != z) {
				b.fail("gezetdoor", "bad-url", reasonBadURL)
			}
		}
		if len(b.bad) == 0 && d.StatusTypen.Get(stt).Zaaktype != d.Zaken.Get(z).Zaaktype {
			b.fail("nonFieldErrors", "zaaktype-mismatch", "De referentie hoort niet bij het zaaktype van de zaak.")
		}
		if len(b.bad) > 0 {
			return validation(w, b.bad)
		}
		zr := d.Zaken.Get(z)
		if !hasScope(r, scopeStatussenToevoegen) && !hasScope(r, scopeHeropenen) && zr.Status != data.NoRef {
			return forbidden(w, "Met de '"+scopeAanmaken+"' scope mag je slechts 1 status zetten")
		}
		if zr.Einddatum != 0 && !hasScope(r, scopeHeropenen) {
			return forbidden(w, "Reopening a closed case with current scope is forbidden")
		}
		s := d.Statussen.Add(newUUID(), a.e.Inst, data.Status{Zaak: z, Statustype: stt, DatumStatusGezet: gezet,
			Statustoelichting: toelichting})
		if zr.Status == data.NoRef || gezet >= d.Statussen.Get(zr.Status).DatumStatusGezet {
			zr.Status = s
		}
		if d.StatusTypen.Get(stt).IsEindstatus {
			zr.Einddatum = render.DateOf(time.Unix(int64(gezet), 0))
		} else {
			zr.Einddatum = 0
		}
		zr.LaatstGemuteerd = now
		out := c.status(s)
		return created(w, out.URL, out)
	})
}

// ---- /zaakcontactmomenten ----

// createZCM links a contactmoment to a zaak and, as the provider does,
// registers the mirrored objectcontactmoment in the contactmomenten
// provider.
func (a *api) createZCM(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeBijwerken) {
		return
	}
	b, ok := decodeObject(w, r)
	if !ok {
		return
	}
	a.write(func(d *data.Data) func() {
		c := a.rc(d, r)
		z := c.bodyZaak(b)
		cm := data.NoRef
		if raw, ok := b.required("contactmoment", 1000); ok {
			cm = ref(b, c.st, &d.ContactMomenten, "contactmoment", raw, data.APIContactmomenten, collContactMomenten)
			if cm != data.NoRef && d.ContactMomenten.Get(cm).Deleted {
				cm = data.NoRef
				b.fail("contactmoment", "bad-url", reasonBadURL)
			}
		}
		if len(b.bad) == 0 {
			for _, o := range zcmsByZaak(c.st, d)[z] {
				if zr := d.ZaakContactMomenten.Get(o); !zr.Deleted && zr.Contactmoment == cm {
					b.fail("nonFieldErrors", "unique", "De velden zaak, contactmoment moeten een unieke set zijn.")
					break
				}
			}
		}
		if len(b.bad) > 0 {
			return validation(w, b.bad)
		}
		ref := d.ZaakContactMomenten.Add(newUUID(), a.e.Inst, data.ZaakContactMoment{Zaak: z, Contactmoment: cm})
		ocm := d.ObjectContactMomenten.Add(newUUID(), d.ContactMomenten.InstOf(cm),
			data.ObjectContactMoment{Contactmoment: cm, Object: z, ObjectType: "zaak"})
		cmr := d.ContactMomenten.Get(cm)
		cmr.Objectcontactmomenten = append(slices.Clone(cmr.Objectcontactmomenten), ocm)
		out := c.zcm(ref)
		return created(w, out.URL, out)
	})
}

// deleteZCM removes the link and its mirrored objectcontactmoment.
func (a *api) deleteZCM(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeBijwerken) {
		return
	}
	u, ok := pathUUID(w, r, "uuid")
	if !ok {
		return
	}
	a.write(func(d *data.Data) func() {
		c := a.rc(d, r)
		ref, ok := d.ZaakContactMomenten.LookupIn(a.e.Inst, u)
		if !ok {
			return notFound(w)
		}
		zr := d.ZaakContactMomenten.Get(ref)
		if zr.Deleted || !c.zaakVisible(zr.Zaak) {
			return notFound(w)
		}
		zr.Deleted = true
		for i := range d.ObjectContactMomenten.Rows {
			o := &d.ObjectContactMomenten.Rows[i]
			if o.Deleted || o.Contactmoment != zr.Contactmoment || o.Object != zr.Zaak || o.ObjectType != "zaak" {
				continue
			}
			o.Deleted = true
			cmr := d.ContactMomenten.Get(o.Contactmoment)
			cmr.Objectcontactmomenten = slices.DeleteFunc(slices.Clone(cmr.Objectcontactmomenten),
				func(x data.Ref) bool { return x == data.Ref(i) })
		}
		return noContent(w)
	})
}

// ---- /zaakverzoeken ----

// createZaakVerzoek links a verzoek to a zaak and registers the mirrored
// objectverzoek in the verzoeken provider.
func (a *api) createZaakVerzoek(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeBijwerken) {
		return
	}
	b, ok := decodeObject(w, r)
	if !ok {
		return
	}
	a.write(func(d *data.Data) func() {
		c := a.rc(d, r)
		z := c.bodyZaak(b)
		vz := data.NoRef
		if raw, ok := b.required("verzoek", 1000); ok {
			vz = ref(b, c.st, &d.Verzoeken, "verzoek", raw, data.APIVerzoeken, collVerzoeken)
			if vz != data.NoRef && d.Verzoeken.Get(vz).Deleted {
				vz = data.NoRef
				b.fail("verzoek", "bad-url", reasonBadURL)
			}
		}
		if len(b.bad) == 0 {
			for _, o := range zaakVerzoekenByZaak(c.st, d)[z] {
				if zr := d.ZaakVerzoeken.Get(o); !zr.Deleted && zr.Verzoek == vz {
					b.fail("nonFieldErrors", "unique", "De velden zaak, verzoek moeten een unieke set zijn.")
					break
				}
			}
		}
		if len(b.bad) > 0 {
			return validation(w, b.bad)
		}
		ref := d.ZaakVerzoeken.Add(newUUID(), a.e.Inst, data.ZaakVerzoek{Zaak: z, Verzoek: vz})
		d.ObjectVerzoeken.Add(newUUID(), d.Verzoeken.InstOf(vz), data.ObjectVerzoek{Verzoek: vz, Object: z, ObjectType: "zaak"})
		out := c.zaakVerzoek(ref)
		return created(w, out.URL, out)
	})
}

// deleteZaakVerzoek removes the link and its mirrored objectverzoek.
func (a *api) deleteZaakVerzoek(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeBijwerken) {
		return
	}
	u, ok := pathUUID(w, r, "uuid")
	if !ok {
		return
	}
	a.write(func(d *data.Data) func() {
		c := a.rc(d, r)
		ref, ok := d.ZaakVerzoeken.LookupIn(a.e.Inst, u)
		if !ok {
			return notFound(w)
		}
		zr := d.ZaakVerzoeken.Get(ref)
		if zr.Deleted || !c.zaakVisible(zr.Zaak) {
			return notFound(w)
		}
		zr.Deleted = true
		for i := range d.ObjectVerzoeken.Rows {
			o := &d.ObjectVerzoeken.Rows[i]
			if !o.Deleted && o.Verzoek == zr.Verzoek && o.Object == zr.Zaak && o.ObjectType == "zaak" {
				o.Deleted = true
			}
		}
		return noContent(w)
	})
}

// ---- POST /zaken ----

var archiefnominatieOrBlank = append([]string{""}, archiefnominaties...)

// createZaak registers a zaak (ZaakRequest). Without identificatie one is
// generated (ZAAK-<year>-<number>); an identificatie must be unique within
// the bronorganisatie. The vertrouwelijkheidaanduiding defaults to the
// zaaktype's; a client cannot create a zaak above its own ceiling.
func (a *api) createZaak(w http.ResponseWriter, r *http.Request) {
	if !provider.RequireScope(w, r, scopeAanmaken) || !provider.RequireCrs(w, r, true) {
		return
	}
	b, ok := decodeObject(w, r)
	if !ok {
		return
	}
	now := time.Now()
	a.write(func(d *data.Data) func() {
		c := a.rc(d, r)
		st := c.st
		z := data.Zaak{Zaaktype: data.NoRef, Hoofdzaak: data.NoRef, Status: data.NoRef, Resultaat: data.NoRef,
			LaatstGemuteerd: data.DateTime(now.Unix()), Registratiedatum: render.DateOf(now)}
		rsin := func(name string) string {
			v, ok := b.required(name, 9)
			if ok && len(v) != 9 {
				b.fail(name, "min_length", "Zorg ervoor dat dit veld minimaal 9 karakters bevat.")
			}
			return v
		}
		z.Identificatie, _ = b.str("identificatie", 40)
		z.Bronorganisatie = rsin("bronorganisatie")
		z.VerantwoordelijkeOrganisatie = rsin("verantwoordelijkeOrganisatie")
		z.Omschrijving, _ = b.str("omschrijving", 80)
		z.Toelichting, _ = b.str("toelichting", 1000)
		z.Communicatiekanaal, _ = b.str("communicatiekanaal", 1000)
		if raw, ok := b.required("zaaktype", 1000); ok {
			z.Zaaktype = ref(b, st, &d.ZaakTypen, "zaaktype", raw, data.APICatalogi, render.CollZaakTypen)
		}
		if _, ok := b.required("startdatum", 0); ok {
			z.Startdatum, _ = b.date("startdatum")
		}
		if v, ok := b.date("registratiedatum"); ok {
			z.Registratiedatum = v
		}
		z.EinddatumGepland, _ = b.date("einddatumGepland")
		z.UiterlijkeEinddatumAfdoening, _ = b.date("uiterlijkeEinddatumAfdoening")
		z.Publicatiedatum, _ = b.date("publicatiedatum")
		vertrouwelijkheid, hasVertrouwelijkheid := data.Vertrouwelijkheid(0), false
		if v, ok := b.str("vertrouwelijkheidaanduiding", 0); ok {
			if vertrouwelijkheid, hasVertrouwelijkheid = data.ParseVertrouwelijkheid(v); !hasVertrouwelijkheid {
				b.fail("vertrouwelijkheidaanduiding", "invalid_choice", "\""+v+"\" is een ongeldige keuze.")
			}
		}
		if v, ok := b.str("archiefnominatie", 0); ok {
			if !slices.Contains(archiefnominatieOrBlank, v) {
				b.fail("archiefnominatie", "invalid_choice", "\""+v+"\" is een ongeldige keuze.")
			}
			z.Archiefnominatie = v
		}
		if v, ok := b.str("archiefstatus", 0); ok {
			if !slices.Contains(archiefstatussen, v) {
				b.fail("archiefstatus", "invalid_choice", "\""+v+"\" is een ongeldige keuze.")
			}
			z.Archiefstatus = v
		}
		if raw, ok := b.str("hoofdzaak", 1000); ok && raw != "" {
			h := resolveRef(st, &d.Zaken, raw, data.APIZaken, collZaken)
			switch {
			case h == data.NoRef || !c.zaakVisible(h):
				b.fail("hoofdzaak", "bad-url", reasonBadURL)
			case d.Zaken.Get(h).Hoofdzaak != data.NoRef:
				b.fail("hoofdzaak", "deelzaak-als-hoofdzaak", "Een deelzaak kan niet als hoofdzaak gebruikt worden.")
			default:
				z.Hoofdzaak = h
			}
		}
		if raw, ok := b.m["kenmerken"]; ok && string(raw) != "null" {
			var ks []map[string]string
			if err := json.Unmarshal(raw, &ks); err != nil {
				b.fail("kenmerken", "not_a_list", "Verwachtte een lijst met items.")
			}
			for i, k := range ks {
				for _, f := range []string{"kenmerk", "bron"} {
					if k[f] == "" {
						b.fail(fmt.Sprintf("kenmerken.%d.%s", i, f), "required", reasonRequired)
					} else if len(k[f]) > 40 {
						b.fail(fmt.Sprintf("kenmerken.%d.%s", i, f), "max_length", "Zorg ervoor dat dit veld niet meer dan 40 karakters bevat.")
					}
				}
				z.Kenmerken = append(z.Kenmerken, data.Kenmerk{Kenmerk: k["kenmerk"], Bron: k["bron"]})
			}
		}
		if raw, ok := b.m["zaakgeometrie"]; ok && string(raw) != "null" {
			var g struct {
				Type        string    `json:"type"`
				Coordinates []float64 `json:"coordinates"`
			}
			if err := json.Unmarshal(raw, &g); err != nil || g.Type != "Point" || len(g.Coordinates) != 2 {
				b.fail("zaakgeometrie", "invalid", "Ongeldige geometrie: alleen een GeoJSON Point wordt ondersteund.")
			} else {
				z.Geometrie = &data.Point{Lon: g.Coordinates[0], Lat: g.Coordinates[1]}
			}
		}
		if len(b.bad) == 0 {
			z.Vertrouwelijkheid = d.ZaakTypen.Get(z.Zaaktype).Vertrouwelijkheid
			if hasVertrouwelijkheid {
				z.Vertrouwelijkheid = vertrouwelijkheid
			}
			if z.Identificatie == "" {
				z.Identificatie = a.generateIdentificatie(st, d, z.Bronorganisatie, now.Year())
			} else if a.identificatieTaken(st, d, z.Bronorganisatie, z.Identificatie) {
				b.fail("identificatie", "identificatie-niet-uniek", "Deze identificatie bestaat al voor deze bronorganisatie")
			}
		}
		if len(b.bad) > 0 {
			return validation(w, b.bad)
		}
		if !provider.Visible(r, z.Vertrouwelijkheid) {
			return forbidden(w, "Je hebt geen toestemming voor zaken met vertrouwelijkheidaanduiding "+z.Vertrouwelijkheid.String()+".")
		}
		zref := d.Zaken.Add(newUUID(), a.e.Inst, z)
		if z.Hoofdzaak != data.NoRef {
			h := d.Zaken.Get(z.Hoofdzaak)
			h.Deelzaken = append(slices.Clone(h.Deelzaken), zref)
		}
		out := c.zaak(zref)
		return created(w, out.URL, out)
	})
}

func (a *api) identificatieTaken(st *data.Store, d *data.Data, bron, id string) bool {
	for _, z := range zakenByIdentificatie(st, d)[id] {
		if d.Zaken.InstOf(z) == a.e.Inst && d.Zaken.Get(z).Bronorganisatie == bron {
			return true
		}
	}
	return false
}

// generateIdentificatie numbers a new zaak as the provider does:
// ZAAK-<year>-<ten digit sequence number>, the first free one.
func (a *api) generateIdentificatie(st *data.Store, d *data.Data, bron string, year int) string {
	n := len(ownedZaken(st, d, a.e.Inst)) + 1
	for {
		id := fmt.Sprintf("ZAAK-%d-%010d", year, n)
		if !a.identificatieTaken(st, d, bron, id) {
			return id
		}
		n++
	}
}
