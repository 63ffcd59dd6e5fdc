// Package contactgegevens is a typed client for the Contactgegevens API
// 1.1.1 (Open Klant 2.x, base /contactgegevens/api/v1): stand-alone
// contact details of personen and organisaties, without references to
// other resources or registers. Both lists are paginated (page, pageSize)
// and have no other filters. Authentication is an API key
// ("Authorization: Token <key>"), added by the upstream client.
package contactgegevens

import (
	"context"

	"github.com/klantgraaf/klantgraaf/upstream"
)

// Values of Persoon.Geslacht ("" when unknown to the provider).
const (
	GeslachtMan    = "m"
	GeslachtVrouw  = "v"
	GeslachtOverig = "o"
)

// Adres is the address of a persoon or organisatie.
type Adres struct {
	NummeraanduidingID   string `json:"nummeraanduidingId,omitempty"`
	Straatnaam           string `json:"straatnaam,omitempty"`
	Huisnummer           *int   `json:"huisnummer,omitempty"`
	Huisnummertoevoeging string `json:"huisnummertoevoeging,omitempty"`
	Postcode             string `json:"postcode,omitempty"`
	Stad                 string `json:"stad,omitempty"`
	Adresregel1          string `json:"adresregel1,omitempty"`
	Adresregel2          string `json:"adresregel2,omitempty"`
	Adresregel3          string `json:"adresregel3,omitempty"`
	Land                 string `json:"land,omitempty"`
}

// Persoon is a person's contact details (GET /persoon).
type Persoon struct {
	UUID             string `json:"uuid,omitempty"`
	URL              string `json:"url,omitempty"`
	Geboortedatum    string `json:"geboortedatum,omitempty"`
	Overlijdensdatum string `json:"overlijdensdatum,omitempty"`
	Geslachtsnaam    string `json:"geslachtsnaam,omitempty"`
	// Geslacht is m, v, o or "".
	Geslacht    string `json:"geslacht,omitempty"`
	Voorvoegsel string `json:"voorvoegsel,omitempty"`
	Voornamen   string `json:"voornamen,omitempty"`
	Adres       *Adres `json:"adres,omitempty"`
}

// Organisatie is an organisation's contact details (GET /organisatie).
type Organisatie struct {
	UUID             string `json:"uuid,omitempty"`
	URL              string `json:"url,omitempty"`
	Handelsnaam      string `json:"handelsnaam,omitempty"`
	Oprichtingsdatum string `json:"oprichtingsdatum,omitempty"`
	Opheffingsdatum  string `json:"opheffingsdatum,omitempty"`
	Adres            *Adres `json:"adres,omitempty"`
}

// ListOptions are the parameters of GET /persoon and GET /organisatie.
type ListOptions struct {
	Page     int `q:"page"`
	PageSize int `q:"pageSize"`
}

// Client calls one Contactgegevens upstream.
type Client struct{ up *upstream.Client }

// New wraps an upstream client of kind contactgegevens.
func New(up *upstream.Client) *Client { return &Client{up: up} }

// Upstream returns the underlying upstream client.
func (c *Client) Upstream() *upstream.Client { return c.up }

// Collection paths (singular in the spec), relative to the base URL.
const (
	pathPersoon     = "persoon"
	pathOrganisatie = "organisatie"
)

// GetPersoon fetches a persoon by URL (or UUID).
func (c *Client) GetPersoon(ctx context.Context, url string) (*Persoon, error) {
	v, err := upstream.GetJSON[Persoon](ctx, c.up, c.up.ResourceURL(pathPersoon, url))
	return v, upstream.WithOp("contactgegevens.GetPersoon", err)
}

// ListPersonen lists personen (GET /persoon).
func (c *Client) ListPersonen(ctx context.Context, opts ListOptions) (*upstream.Page[Persoon], error) {
	p, err := upstream.GetPage[Persoon](ctx, c.up, upstream.WithQuery(pathPersoon, opts))
	return p, upstream.WithOp("contactgegevens.ListPersonen", err)
}

// GetOrganisatie fetches an organisatie by URL (or UUID).
func (c *Client) GetOrganisatie(ctx context.Context, url string) (*Organisatie, error) {
	v, err := upstream.GetJSON[Organisatie](ctx, c.up, c.up.ResourceURL(pathOrganisatie, url))
	return v, upstream.WithOp("contactgegevens.GetOrganisatie", err)
}

// ListOrganisaties lists organisaties (GET /organisatie).
func (c *Client) ListOrganisaties(ctx context.Context, opts ListOptions) (*upstream.Page[Organisatie], error) {
	p, err := upstream.GetPage[Organisatie](ctx, c.up, upstream.WithQuery(pathOrganisatie, opts))
	return p, upstream.WithOp("contactgegevens.ListOrganisaties", err)
}
