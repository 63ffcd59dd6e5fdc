// Package klanten is a typed client for the Klanten API (klanten-1.0.0 as
// served by Open Klant 1.x, base /klanten/api/v1). /klanten is paginated
// (page only).
package klanten

import (
	"context"

	"github.com/klantgraaf/klantgraaf/upstream"
)

// Subject types of a Klant.
const (
	SubjectNatuurlijkPersoon     = "natuurlijk_persoon"
	SubjectNietNatuurlijkPersoon = "niet_natuurlijk_persoon"
	SubjectVestiging             = "vestiging"
)

// Klant is a klant. Aanmaakkanaal and Geverifieerd are Open Klant
// additions.
type Klant struct {
	URL                   string      `json:"url,omitempty"`
	Bronorganisatie       string      `json:"bronorganisatie,omitempty"`
	Klantnummer           string      `json:"klantnummer,omitempty"`
	Bedrijfsnaam          string      `json:"bedrijfsnaam,omitempty"`
	Functie               string      `json:"functie,omitempty"`
	WebsiteURL            string      `json:"websiteUrl,omitempty"`
	Voornaam              string      `json:"voornaam,omitempty"`
	VoorvoegselAchternaam string      `json:"voorvoegselAchternaam,omitempty"`
	Achternaam            string      `json:"achternaam,omitempty"`
	Telefoonnummer        string      `json:"telefoonnummer,omitempty"`
	Emailadres            string      `json:"emailadres,omitempty"`
	Adres                 *KlantAdres `json:"adres,omitempty"`
	// Subject is the URL of the person or organisation in its register.
	Subject     string `json:"subject,omitempty"`
	SubjectType string `json:"subjectType,omitempty"`
	// SubjectIdentificatie is the inline identification; which fields
	// apply depends on SubjectType.
	SubjectIdentificatie *SubjectIdentificatie `json:"subjectIdentificatie,omitempty"`
	Aanmaakkanaal        string                `json:"aanmaakkanaal,omitempty"`
	Geverifieerd         *bool                 `json:"geverifieerd,omitempty"`
}

// KlantAdres is the address of a klant.
type KlantAdres struct {
	Straatnaam           string `json:"straatnaam,omitempty"`
	Huisnummer           *int   `json:"huisnummer,omitempty"`
	Huisletter           string `json:"huisletter,omitempty"`
	Huisnummertoevoeging string `json:"huisnummertoevoeging,omitempty"`
	Postcode             string `json:"postcode,omitempty"`
	Woonplaatsnaam       string `json:"woonplaatsnaam,omitempty"`
	Landcode             string `json:"landcode,omitempty"`
}

// SubjectIdentificatie is the union of the three identification shapes of
// a klant; SubjectType tells which fields are meaningful:
//
//   - natuurlijk_persoon: InpBsn, AnpIdentificatie, InpANummer,
//     Geslachtsnaam, VoorvoegselGeslachtsnaam, Voorletters, Voornamen,
//     Geslachtsaanduiding, Geboortedatum, Verblijfsadres,
//     SubVerblijfBuitenland
//   - niet_natuurlijk_persoon: InnNnpId, AnnIdentificatie, StatutaireNaam,
//     InnRechtsvorm, Bezoekadres, SubVerblijfBuitenland
//   - vestiging: VestigingsNummer, Handelsnaam, Verblijfsadres,
//     SubVerblijfBuitenland
type SubjectIdentificatie struct {
	InpBsn                   string   `json:"inpBsn,omitempty"`
	AnpIdentificatie         string   `json:"anpIdentificatie,omitempty"`
	InpANummer               string   `json:"inpANummer,omitempty"`
	Geslachtsnaam            string   `json:"geslachtsnaam,omitempty"`
	VoorvoegselGeslachtsnaam string   `json:"voorvoegselGeslachtsnaam,omitempty"`
	Voorletters              string   `json:"voorletters,omitempty"`
	Voornamen                string   `json:"voornamen,omitempty"`
	Geslachtsaanduiding      string   `json:"geslachtsaanduiding,omitempty"`
	Geboortedatum            string   `json:"geboortedatum,omitempty"`
	InnNnpId                 string   `json:"innNnpId,omitempty"`
	AnnIdentificatie         string   `json:"annIdentificatie,omitempty"`
	StatutaireNaam           string   `json:"statutaireNaam,omitempty"`
	InnRechtsvorm            string   `json:"innRechtsvorm,omitempty"`
	Bezoekadres              string   `json:"bezoekadres,omitempty"`
	VestigingsNummer         string   `json:"vestigingsNummer,omitempty"`
	Handelsnaam              []string `json:"handelsnaam,omitempty"`

	Verblijfsadres        *VerblijfsAdres        `json:"verblijfsadres,omitempty"`
	SubVerblijfBuitenland *SubVerblijfBuitenland `json:"subVerblijfBuitenland,omitempty"`
}

// VerblijfsAdres is a BAG address.
type VerblijfsAdres struct {
	AoaIdentificatie        string `json:"aoaIdentificatie"`
	WplWoonplaatsNaam       string `json:"wplWoonplaatsNaam,omitempty"`
	GorOpenbareRuimteNaam   string `json:"gorOpenbareRuimteNaam"`
	AoaPostcode             string `json:"aoaPostcode,omitempty"`
	AoaHuisnummer           *int   `json:"aoaHuisnummer,omitempty"`
	AoaHuisletter           string `json:"aoaHuisletter,omitempty"`
	AoaHuisnummertoevoeging string `json:"aoaHuisnummertoevoeging,omitempty"`
	InpLocatiebeschrijving  string `json:"inpLocatiebeschrijving,omitempty"`
}

// SubVerblijfBuitenland is an address abroad.
type SubVerblijfBuitenland struct {
	LndLandcode         string `json:"lndLandcode"`
	LndLandnaam         string `json:"lndLandnaam"`
	SubAdresBuitenland1 string `json:"subAdresBuitenland1,omitempty"`
	SubAdresBuitenland2 string `json:"subAdresBuitenland2,omitempty"`
	SubAdresBuitenland3 string `json:"subAdresBuitenland3,omitempty"`
}

// KlantListOptions are the parameters of GET /klanten.
type KlantListOptions struct {
	Bronorganisatie                              string `q:"bronorganisatie"`
	Klantnummer                                  string `q:"klantnummer"`
	Bedrijfsnaam                                 string `q:"bedrijfsnaam"`
	Functie                                      string `q:"functie"`
	Achternaam                                   string `q:"achternaam"`
	Telefoonnummer                               string `q:"telefoonnummer"`
	Emailadres                                   string `q:"emailadres"`
	AdresStraatnaam                              string `q:"adres__straatnaam"`
	AdresPostcode                                string `q:"adres__postcode"`
	AdresWoonplaatsNaam                          string `q:"adres__woonplaatsNaam"`
	AdresLandcode                                string `q:"adres__landcode"`
	Subject                                      string `q:"subject"`
	SubjectType                                  string `q:"subjectType"`
	SubjectNatuurlijkPersoonInpBsn               string `q:"subjectNatuurlijkPersoon__inpBsn"`
	SubjectNatuurlijkPersoonAnpIdentificatie     string `q:"subjectNatuurlijkPersoon__anpIdentificatie"`
	SubjectNatuurlijkPersoonInpANummer           string `q:"subjectNatuurlijkPersoon__inpA_nummer"`
	SubjectNatuurlijkPersoonGeboortedatum        string `q:"subjectNatuurlijkPersoon__geboortedatum"`
	SubjectNatuurlijkPersoonGeboortedatumGt      string `q:"subjectNatuurlijkPersoon__geboortedatum__gt"`
	SubjectNatuurlijkPersoonGeboortedatumGte     string `q:"subjectNatuurlijkPersoon__geboortedatum__gte"`
	SubjectNatuurlijkPersoonGeboortedatumLt      string `q:"subjectNatuurlijkPersoon__geboortedatum__lt"`
	SubjectNatuurlijkPersoonGeboortedatumLte     string `q:"subjectNatuurlijkPersoon__geboortedatum__lte"`
	SubjectNietNatuurlijkPersoonInnNnpId         string `q:"subjectNietNatuurlijkPersoon__innNnpId"`
	SubjectNietNatuurlijkPersoonAnnIdentificatie string `q:"subjectNietNatuurlijkPersoon__annIdentificatie"`
	SubjectVestigingVestigingsNummer             string `q:"subjectVestiging__vestigingsNummer"`
	Page                                         int    `q:"page"`
}

// Client calls one Klanten upstream.
type Client struct {
	up *upstream.Client
}

// New wraps an upstream client of kind klanten.
func New(up *upstream.Client) *Client { return &Client{up: up} }

// Upstream returns the underlying upstream client.
func (c *Client) Upstream() *upstream.Client { return c.up }

// Get fetches a klant by URL (or UUID).
func (c *Client) Get(ctx context.Context, url string) (*Klant, error) {
	v, err := upstream.GetJSON[Klant](ctx, c.up, c.up.ResourceURL("klanten", url))
	return v, upstream.WithOp("klanten.Get", err)
}

// List lists klanten (GET /klanten).
func (c *Client) List(ctx context.Context, opts KlantListOptions) (*upstream.Page[Klant], error) {
	p, err := upstream.GetPage[Klant](ctx, c.up, upstream.WithQuery("klanten", opts))
	return p, upstream.WithOp("klanten.List", err)
}

// Create creates a klant (POST /klanten).
func (c *Client) Create(ctx context.Context, k *Klant) (*Klant, error) {
	v, err := upstream.PostJSON[Klant](ctx, c.up, "klanten", k)
	return v, upstream.WithOp("klanten.Create", err)
}

// Update replaces a klant (PUT).
func (c *Client) Update(ctx context.Context, url string, k *Klant) (*Klant, error) {
	v, err := upstream.PutJSON[Klant](ctx, c.up, c.up.ResourceURL("klanten", url), k)
	return v, upstream.WithOp("klanten.Update", err)
}

// Patch partially updates a klant (PATCH); fields is sent as the JSON body,
// e.g. map[string]any{"emailadres": "..."}.
func (c *Client) Patch(ctx context.Context, url string, fields any) (*Klant, error) {
	v, err := upstream.PatchJSON[Klant](ctx, c.up, c.up.ResourceURL("klanten", url), fields)
	return v, upstream.WithOp("klanten.Patch", err)
}

// Delete deletes a klant.
func (c *Client) Delete(ctx context.Context, url string) error {
	_, err := c.up.Delete(ctx, c.up.ResourceURL("klanten", url))
	return upstream.WithOp("klanten.Delete", err)
}
