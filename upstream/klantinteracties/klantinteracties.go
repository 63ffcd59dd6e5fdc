package klantinteracties

import (
	"context"

	"github.com/klantgraaf/klantgraaf/upstream"
)

// Expand values of the Klantinteracties API.
const (
	ExpandHadBetrokkenen            = "hadBetrokkenen"
	ExpandHadBetrokkenenWasPartij   = "hadBetrokkenen.wasPartij"
	ExpandGingOverOnderwerpobjecten = "gingOverOnderwerpobjecten"
	ExpandLeiddeTotInterneTaken     = "leiddeTotInterneTaken"
	ExpandDigitaleAdressen          = "digitaleAdressen"
	ExpandBetrokkenen               = "betrokkenen"
)

// Client reads one Klantinteracties provider.
type Client struct{ up *upstream.Client }

// New wraps an upstream client of kind klantinteracties.
func New(up *upstream.Client) *Client { return &Client{up: up} }

// Upstream returns the underlying upstream client.
func (c *Client) Upstream() *upstream.Client { return c.up }

// PartijListOptions are the parameters of GET /partijen.
type PartijListOptions struct {
	PartijIdentificatorObjectID          string   `q:"partijIdentificator__objectId"`
	PartijIdentificatorCodeObjecttype    string   `q:"partijIdentificator__codeObjecttype"`
	PartijIdentificatorCodeRegister      string   `q:"partijIdentificator__codeRegister"`
	PartijIdentificatorCodeSoortObjectID string   `q:"partijIdentificator__codeSoortObjectId"`
	SoortPartij                          string   `q:"soortPartij"`
	IndicatieActief                      *bool    `q:"indicatieActief"`
	Expand                               []string `q:"expand"`
	Page                                 int      `q:"page"`
	PageSize                             int      `q:"pageSize"`
}

// KlantcontactListOptions are the parameters of GET /klantcontacten.
type KlantcontactListOptions struct {
	HadBetrokkeneWasPartijURL                                  string   `q:"hadBetrokkene__wasPartij__url"`
	HadBetrokkeneWasPartijUUID                                 string   `q:"hadBetrokkene__wasPartij__uuid"`
	HadBetrokkeneWasPartijPartijIdentificatorObjectID          string   `q:"hadBetrokkene__wasPartij__partijIdentificator__objectId"`
	HadBetrokkeneWasPartijPartijIdentificatorCodeSoortObjectID string   `q:"hadBetrokkene__wasPartij__partijIdentificator__codeSoortObjectId"`
	OnderwerpobjectIdentificatorObjectID                       string   `q:"onderwerpobject__onderwerpobjectidentificatorObjectId"`
	OnderwerpobjectIdentificatorCodeObjecttype                 string   `q:"onderwerpobject__onderwerpobjectidentificatorCodeObjecttype"`
	OnderwerpobjectIdentificatorCodeRegister                   string   `q:"onderwerpobject__onderwerpobjectidentificatorCodeRegister"`
	OnderwerpobjectIdentificatorCodeSoortObjectID              string   `q:"onderwerpobject__onderwerpobjectidentificatorCodeSoortObjectId"`
	Kanaal                                                     string   `q:"kanaal"`
	Onderwerp                                                  string   `q:"onderwerp"`
	Expand                                                     []string `q:"expand"`
	Page                                                       int      `q:"page"`
	PageSize                                                   int      `q:"pageSize"`
}

// InterneTaakListOptions are the parameters of GET /internetaken.
type InterneTaakListOptions struct {
	AanleidinggevendKlantcontactURL string `q:"aanleidinggevendKlantcontact__url"`
	Status                          string `q:"status"`
	Page                            int    `q:"page"`
	PageSize                        int    `q:"pageSize"`
}

func get[T any](ctx context.Context, c *Client, op, collection, urlOrUUID string, expand []string) (*T, error) {
	path := c.up.ResourceURL(collection, urlOrUUID)
	if len(expand) > 0 {
		var q upstream.Query
		q.SetList("expand", expand)
		path = q.AppendTo(path)
	}
	v, err := upstream.GetJSON[T](ctx, c.up, path)
	return v, upstream.WithOp(op, err)
}

func list[T any](ctx context.Context, c *Client, op, collection string, opts any) (*upstream.Page[T], error) {
	p, err := upstream.GetPage[T](ctx, c.up, upstream.WithQuery(collection, opts))
	return p, upstream.WithOp(op, err)
}

// GetPartij fetches a partij by URL (or UUID).
func (c *Client) GetPartij(ctx context.Context, url string, expand []string) (*Partij, error) {
	return get[Partij](ctx, c, "klantinteracties.GetPartij", "partijen", url, expand)
}

// ListPartijen lists partijen (GET /partijen).
func (c *Client) ListPartijen(ctx context.Context, opts PartijListOptions) (*upstream.Page[Partij], error) {
	return list[Partij](ctx, c, "klantinteracties.ListPartijen", "partijen", opts)
}

// GetKlantcontact fetches a klantcontact by URL (or UUID).
func (c *Client) GetKlantcontact(ctx context.Context, url string, expand []string) (*Klantcontact, error) {
	return get[Klantcontact](ctx, c, "klantinteracties.GetKlantcontact", "klantcontacten", url, expand)
}

// ListKlantcontacten lists klantcontacten (GET /klantcontacten).
func (c *Client) ListKlantcontacten(ctx context.Context, opts KlantcontactListOptions) (*upstream.Page[Klantcontact], error) {
	return list[Klantcontact](ctx, c, "klantinteracties.ListKlantcontacten", "klantcontacten", opts)
}

// GetInterneTaak fetches an interne taak by URL (or UUID).
func (c *Client) GetInterneTaak(ctx context.Context, url string) (*InterneTaak, error) {
	return get[InterneTaak](ctx, c, "klantinteracties.GetInterneTaak", "internetaken", url, nil)
}

// ListInterneTaken lists interne taken (GET /internetaken).
func (c *Client) ListInterneTaken(ctx context.Context, opts InterneTaakListOptions) (*upstream.Page[InterneTaak], error) {
	return list[InterneTaak](ctx, c, "klantinteracties.ListInterneTaken", "internetaken", opts)
}
