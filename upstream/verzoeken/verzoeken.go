// Package verzoeken is a typed client for the Verzoeken API
// (verzoeken-1.0.0-beta, base /api/v1). All lists are paginated (page
// only).
package verzoeken

import (
	"context"

	"github.com/klantgraaf/klantgraaf/upstream"
)

// Verzoek is a verzoek (request of a klant).
type Verzoek struct {
	URL                  string `json:"url,omitempty"`
	Identificatie        string `json:"identificatie,omitempty"`
	Bronorganisatie      string `json:"bronorganisatie,omitempty"`
	ExterneIdentificatie string `json:"externeIdentificatie,omitempty"`
	Registratiedatum     string `json:"registratiedatum,omitempty"`
	Voorkeurskanaal      string `json:"voorkeurskanaal,omitempty"`
	Tekst                string `json:"tekst,omitempty"`
	// Status is ontvangen, in_behandeling, afgehandeld, afgewezen or
	// ingetrokken.
	Status             string `json:"status,omitempty"`
	InTeTrekkenVerzoek string `json:"inTeTrekkenVerzoek,omitempty"`
	IntrekkendeVerzoek string `json:"intrekkendeVerzoek,omitempty"`
	AangevuldeVerzoek  string `json:"aangevuldeVerzoek,omitempty"`
	AanvullendeVerzoek string `json:"aanvullendeVerzoek,omitempty"`
}

// KlantVerzoek links a klant to a verzoek.
type KlantVerzoek struct {
	URL     string `json:"url,omitempty"`
	Klant   string `json:"klant"`
	Verzoek string `json:"verzoek"`
	// Rol is belanghebbende, initiator or mede_initiator.
	Rol string `json:"rol,omitempty"`
	// IndicatieMachtiging is gemachtigde or machtiginggever.
	IndicatieMachtiging string `json:"indicatieMachtiging,omitempty"`
}

// ObjectVerzoek links an object (a zaak) to a verzoek.
type ObjectVerzoek struct {
	URL        string `json:"url,omitempty"`
	Verzoek    string `json:"verzoek"`
	Object     string `json:"object"`
	ObjectType string `json:"objectType"`
}

// VerzoekContactMoment links a contactmoment to a verzoek.
type VerzoekContactMoment struct {
	URL           string `json:"url,omitempty"`
	Verzoek       string `json:"verzoek"`
	Contactmoment string `json:"contactmoment"`
}

// VerzoekInformatieObject links a document to a verzoek.
type VerzoekInformatieObject struct {
	URL              string `json:"url,omitempty"`
	Verzoek          string `json:"verzoek"`
	Informatieobject string `json:"informatieobject"`
}

// VerzoekListOptions are the parameters of GET /verzoeken.
type VerzoekListOptions struct {
	Identificatie        string `q:"identificatie"`
	Bronorganisatie      string `q:"bronorganisatie"`
	ExterneIdentificatie string `q:"externeIdentificatie"`
	Registratiedatum     string `q:"registratiedatum"`
	RegistratiedatumGt   string `q:"registratiedatum__gt"`
	RegistratiedatumGte  string `q:"registratiedatum__gte"`
	RegistratiedatumLt   string `q:"registratiedatum__lt"`
	RegistratiedatumLte  string `q:"registratiedatum__lte"`
	Voorkeurskanaal      string `q:"voorkeurskanaal"`
	Tekst                string `q:"tekst"`
	Status               string `q:"status"`
	InTeTrekkenVerzoek   string `q:"inTeTrekkenVerzoek"`
	IntrekkendeVerzoek   string `q:"intrekkendeVerzoek"`
	AangevuldeVerzoek    string `q:"aangevuldeVerzoek"`
	AanvullendeVerzoek   string `q:"aanvullendeVerzoek"`
	Page                 int    `q:"page"`
}

// Client calls one Verzoeken upstream.
type Client struct {
	up *upstream.Client
}

// New wraps an upstream client of kind verzoeken.
func New(up *upstream.Client) *Client { return &Client{up: up} }

// Upstream returns the underlying upstream client.
func (c *Client) Upstream() *upstream.Client { return c.up }

func relPage[T any](ctx context.Context, c *Client, op, collection string, filters [][2]string, page int) (*upstream.Page[T], error) {
	var q upstream.Query
	for _, f := range filters {
		q.Set(f[0], f[1])
	}
	q.SetInt("page", page)
	p, err := upstream.GetPage[T](ctx, c.up, q.AppendTo(collection))
	return p, upstream.WithOp(op, err)
}

func create[T any](ctx context.Context, c *Client, op, collection string, body any) (*T, error) {
	v, err := upstream.PostJSON[T](ctx, c.up, collection, body)
	return v, upstream.WithOp(op, err)
}

// Get fetches a verzoek by URL (or UUID).
func (c *Client) Get(ctx context.Context, url string) (*Verzoek, error) {
	v, err := upstream.GetJSON[Verzoek](ctx, c.up, c.up.ResourceURL("verzoeken", url))
	return v, upstream.WithOp("verzoeken.Get", err)
}

// List lists verzoeken (GET /verzoeken).
func (c *Client) List(ctx context.Context, opts VerzoekListOptions) (*upstream.Page[Verzoek], error) {
	p, err := upstream.GetPage[Verzoek](ctx, c.up, upstream.WithQuery("verzoeken", opts))
	return p, upstream.WithOp("verzoeken.List", err)
}

// ListKlantVerzoeken lists klantverzoeken filtered on klant and verzoek.
func (c *Client) ListKlantVerzoeken(ctx context.Context, klant, verzoek string, page int) (*upstream.Page[KlantVerzoek], error) {
	return relPage[KlantVerzoek](ctx, c, "verzoeken.ListKlantVerzoeken", "klantverzoeken",
		[][2]string{{"klant", klant}, {"verzoek", verzoek}}, page)
}

// ListObjectVerzoeken lists objectverzoeken filtered on object and verzoek.
func (c *Client) ListObjectVerzoeken(ctx context.Context, object, verzoek string, page int) (*upstream.Page[ObjectVerzoek], error) {
	return relPage[ObjectVerzoek](ctx, c, "verzoeken.ListObjectVerzoeken", "objectverzoeken",
		[][2]string{{"object", object}, {"verzoek", verzoek}}, page)
}

// ListVerzoekContactMomenten lists verzoekcontactmomenten filtered on
// verzoek and contactmoment.
func (c *Client) ListVerzoekContactMomenten(ctx context.Context, verzoek, contactmoment string, page int) (*upstream.Page[VerzoekContactMoment], error) {
	return relPage[VerzoekContactMoment](ctx, c, "verzoeken.ListVerzoekContactMomenten", "verzoekcontactmomenten",
		[][2]string{{"verzoek", verzoek}, {"contactmoment", contactmoment}}, page)
}

// ListVerzoekInformatieObjecten lists verzoekinformatieobjecten filtered on
// verzoek and informatieobject.
func (c *Client) ListVerzoekInformatieObjecten(ctx context.Context, verzoek, informatieobject string, page int) (*upstream.Page[VerzoekInformatieObject], error) {
	return relPage[VerzoekInformatieObject](ctx, c, "verzoeken.ListVerzoekInformatieObjecten", "verzoekinformatieobjecten",
		[][2]string{{"verzoek", verzoek}, {"informatieobject", informatieobject}}, page)
}

// CreateVerzoek creates a verzoek (POST /verzoeken).
func (c *Client) CreateVerzoek(ctx context.Context, v *Verzoek) (*Verzoek, error) {
	return create[Verzoek](ctx, c, "verzoeken.CreateVerzoek", "verzoeken", v)
}

// CreateKlantVerzoek links a klant to a verzoek.
func (c *Client) CreateKlantVerzoek(ctx context.Context, kv KlantVerzoek) (*KlantVerzoek, error) {
	return create[KlantVerzoek](ctx, c, "verzoeken.CreateKlantVerzoek", "klantverzoeken", kv)
}

// CreateObjectVerzoek links an object to a verzoek.
func (c *Client) CreateObjectVerzoek(ctx context.Context, ov ObjectVerzoek) (*ObjectVerzoek, error) {
	return create[ObjectVerzoek](ctx, c, "verzoeken.CreateObjectVerzoek", "objectverzoeken", ov)
}

// CreateVerzoekContactMoment links a contactmoment to a verzoek.
func (c *Client) CreateVerzoekContactMoment(ctx context.Context, vcm VerzoekContactMoment) (*VerzoekContactMoment, error) {
	return create[VerzoekContactMoment](ctx, c, "verzoeken.CreateVerzoekContactMoment", "verzoekcontactmomenten", vcm)
}

// CreateVerzoekInformatieObject links a document to a verzoek.
func (c *Client) CreateVerzoekInformatieObject(ctx context.Context, vio VerzoekInformatieObject) (*VerzoekInformatieObject, error) {
	return create[VerzoekInformatieObject](ctx, c, "verzoeken.CreateVerzoekInformatieObject", "verzoekinformatieobjecten", vio)
}
