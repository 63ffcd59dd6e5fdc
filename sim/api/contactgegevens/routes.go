// Package contactgegevens simulates the Contactgegevens API 1.1.1 as Open
// Klant 2.x serves it (contactgegevens-1.1.1.yaml): /persoon and
// /organisatie, stand-alone records without references to other resources,
// listed newest first with page and pageSize (≤ 500). There is no ETag or
// HEAD; the instance's middleware authenticates `Authorization: Token <key>`.
package contactgegevens

import (
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/provider"
)

// scopeLezen is the scope the simulator's credentials need to read (the
// API itself has none: a token grants everything).
const scopeLezen = "contactgegevens.lezen"

// Routes registers the API's endpoints under the instance's base path.
func Routes(e *provider.Env, r chi.Router) {
	h := &handler{e: e}
	r.Get("/persoon", h.listPersonen)
	r.Get("/persoon/{uuid}", h.readPersoon)
	r.Get("/organisatie", h.listOrganisaties)
	r.Get("/organisatie/{uuid}", h.readOrganisatie)
}

type handler struct{ e *provider.Env }

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

func date(d data.Date) string { return time.Unix(int64(d)*86400, 0).UTC().Format("2006-01-02") }

func nullDate(d data.Date) *string {
	if d == 0 {
		return nil
	}
	s := date(d)
	return &s
}

type persoonJSON struct {
	UUID             string     `json:"uuid"`
	URL              string     `json:"url"`
	Geboortedatum    string     `json:"geboortedatum"`
	Overlijdensdatum *string    `json:"overlijdensdatum"`
	Geslachtsnaam    string     `json:"geslachtsnaam"`
	Geslacht         string     `json:"geslacht"`
	Voorvoegsel      string     `json:"voorvoegsel"`
	Voornamen        string     `json:"voornamen"`
	Adres            *adresJSON `json:"adres"`
}

func (h *handler) renderPersoon(d *data.Data, r data.Ref) persoonJSON {
	p := d.ContactPersonen.Get(r)
	u := d.ContactPersonen.UUIDOf(r)
	return persoonJSON{UUID: u.String(), URL: h.e.URL("persoon", u), Geboortedatum: date(p.Geboortedatum),
		Overlijdensdatum: nullDate(p.Overlijdensdatum), Geslachtsnaam: p.Geslachtsnaam, Geslacht: p.Geslacht,
		Voorvoegsel: p.Voorvoegsel, Voornamen: p.Voornamen, Adres: renderAdres(p.Adres)}
}

type organisatieJSON struct {
	UUID             string     `json:"uuid"`
	URL              string     `json:"url"`
	Handelsnaam      string     `json:"handelsnaam"`
	Oprichtingsdatum *string    `json:"oprichtingsdatum"`
	Opheffingsdatum  *string    `json:"opheffingsdatum"`
	Adres            *adresJSON `json:"adres"`
}

func (h *handler) renderOrganisatie(d *data.Data, r data.Ref) organisatieJSON {
	o := d.ContactOrganisaties.Get(r)
	u := d.ContactOrganisaties.UUIDOf(r)
	return organisatieJSON{UUID: u.String(), URL: h.e.URL("organisatie", u), Handelsnaam: o.Handelsnaam,
		Oprichtingsdatum: nullDate(o.Oprichtingsdatum), Opheffingsdatum: nullDate(o.Opheffingsdatum), Adres: renderAdres(o.Adres)}
}

// list serves a page of the live rows of table t owned by this instance,
// newest first.
func list[T any, J any](h *handler, w http.ResponseWriter, r *http.Request, t func(d *data.Data) *data.Table[T],
	dead func(*T) bool, render func(d *data.Data, ref data.Ref) J) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	var env provider.PageEnvelope
	var out []J
	ok := true
	h.e.Store.Read(func(d *data.Data) {
		tab := t(d)
		var refs []data.Ref
		for i := tab.Len() - 1; i >= 0; i-- {
			if ref := data.Ref(i); tab.InstOf(ref) == h.e.Inst && !dead(tab.Get(ref)) {
				refs = append(refs, ref)
			}
		}
		var page []data.Ref
		if page, env, ok = h.e.Paginate(w, r, refs, true); !ok {
			return
		}
		out = make([]J, 0, len(page))
		for _, ref := range page {
			out = append(out, render(d, ref))
		}
	})
	if !ok {
		return
	}
	env.Results = out
	provider.WriteJSON(w, http.StatusOK, env)
}

func detail[T any, J any](h *handler, w http.ResponseWriter, r *http.Request, t func(d *data.Data) *data.Table[T],
	dead func(*T) bool, render func(d *data.Data, ref data.Ref) J) {
	if !provider.RequireScope(w, r, scopeLezen) {
		return
	}
	u, err := data.ParseUUID(chi.URLParam(r, "uuid"))
	var out J
	found := false
	if err == nil {
		h.e.Store.Read(func(d *data.Data) {
			ref, ok := t(d).LookupIn(h.e.Inst, u)
			if ok && !dead(t(d).Get(ref)) {
				found = true
				out = render(d, ref)
			}
		})
	}
	if !found {
		provider.NotFound(w)
		return
	}
	provider.WriteJSON(w, http.StatusOK, out)
}

func personen(d *data.Data) *data.Table[data.ContactPersoon] { return &d.ContactPersonen }

func organisaties(d *data.Data) *data.Table[data.ContactOrganisatie] { return &d.ContactOrganisaties }

func persoonDead(p *data.ContactPersoon) bool { return p.Deleted }

func organisatieDead(o *data.ContactOrganisatie) bool { return o.Deleted }

func (h *handler) listPersonen(w http.ResponseWriter, r *http.Request) {
	list(h, w, r, personen, persoonDead, h.renderPersoon)
}

func (h *handler) readPersoon(w http.ResponseWriter, r *http.Request) {
	detail(h, w, r, personen, persoonDead, h.renderPersoon)
}

func (h *handler) listOrganisaties(w http.ResponseWriter, r *http.Request) {
	list(h, w, r, organisaties, organisatieDead, h.renderOrganisatie)
}

func (h *handler) readOrganisatie(w http.ResponseWriter, r *http.Request) {
	detail(h, w, r, organisaties, organisatieDead, h.renderOrganisatie)
}
