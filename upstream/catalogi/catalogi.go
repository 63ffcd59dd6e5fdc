// Package catalogi is a typed client for the Catalogi API (catalogi-1.3.1,
// base /catalogi/api/v1). All lists are paginated.
package catalogi

import (
	"context"

	"github.com/klantgraaf/klantgraaf/upstream"
)

// Client calls one Catalogi upstream.
type Client struct {
	up *upstream.Client
}

// New wraps an upstream client of kind catalogi.
func New(up *upstream.Client) *Client { return &Client{up: up} }

// Upstream returns the underlying upstream client.
func (c *Client) Upstream() *upstream.Client { return c.up }

// ZaakTypeListOptions are the filters of GET /zaaktypen.
type ZaakTypeListOptions struct {
	Catalogus              string   `q:"catalogus"`
	Identificatie          string   `q:"identificatie"`
	IdentificatieIcontains string   `q:"identificatie__icontains"`
	OmschrijvingIcontains  string   `q:"omschrijving__icontains"`
	Trefwoorden            []string `q:"trefwoorden"`
	DatumGeldigheid        string   `q:"datumGeldigheid"`
	// Status is alles, concept or definitief (the provider's default).
	Status   string `q:"status"`
	Page     int    `q:"page"`
	PageSize int    `q:"pageSize"`
}

// ZaaktypeFilter are the filters shared by /statustypen, /resultaattypen,
// /eigenschappen and /roltypen.
type ZaaktypeFilter struct {
	Zaaktype              string `q:"zaaktype"`
	ZaaktypeIdentificatie string `q:"zaaktypeIdentificatie"`
	Status                string `q:"status"`
	DatumGeldigheid       string `q:"datumGeldigheid"`
	Page                  int    `q:"page"`
	PageSize              int    `q:"pageSize"`
}

// RolTypeListOptions are the filters of GET /roltypen.
type RolTypeListOptions struct {
	ZaaktypeFilter
	Omschrijving         string `q:"omschrijving"`
	OmschrijvingGeneriek string `q:"omschrijvingGeneriek"`
}

// InformatieObjectTypeListOptions are the filters of GET
// /informatieobjecttypen.
type InformatieObjectTypeListOptions struct {
	Catalogus             string `q:"catalogus"`
	Zaaktype              string `q:"zaaktype"`
	Omschrijving          string `q:"omschrijving"`
	OmschrijvingIcontains string `q:"omschrijving__icontains"`
	Status                string `q:"status"`
	DatumGeldigheid       string `q:"datumGeldigheid"`
	Page                  int    `q:"page"`
	PageSize              int    `q:"pageSize"`
}

// CatalogusListOptions are the filters of GET /catalogussen.
type CatalogusListOptions struct {
	Domein   string   `q:"domein"`
	DomeinIn []string `q:"domein__in"`
	Rsin     string   `q:"rsin"`
	RsinIn   []string `q:"rsin__in"`
	Page     int      `q:"page"`
	PageSize int      `q:"pageSize"`
}

func get[T any](ctx context.Context, c *Client, op, collection, urlOrUUID string) (*T, error) {
	v, err := upstream.GetJSON[T](ctx, c.up, c.up.ResourceURL(collection, urlOrUUID))
	return v, upstream.WithOp(op, err)
}

func list[T any](ctx context.Context, c *Client, op, collection string, opts any) (*upstream.Page[T], error) {
	p, err := upstream.GetPage[T](ctx, c.up, upstream.WithQuery(collection, opts))
	return p, upstream.WithOp(op, err)
}

// GetZaakType fetches a zaaktype by URL (or UUID).
func (c *Client) GetZaakType(ctx context.Context, url string) (*ZaakType, error) {
	return get[ZaakType](ctx, c, "catalogi.GetZaakType", "zaaktypen", url)
}

// GetStatusType fetches a statustype by URL (or UUID).
func (c *Client) GetStatusType(ctx context.Context, url string) (*StatusType, error) {
	return get[StatusType](ctx, c, "catalogi.GetStatusType", "statustypen", url)
}

// GetResultaatType fetches a resultaattype by URL (or UUID).
func (c *Client) GetResultaatType(ctx context.Context, url string) (*ResultaatType, error) {
	return get[ResultaatType](ctx, c, "catalogi.GetResultaatType", "resultaattypen", url)
}

// GetRolType fetches a roltype by URL (or UUID).
func (c *Client) GetRolType(ctx context.Context, url string) (*RolType, error) {
	return get[RolType](ctx, c, "catalogi.GetRolType", "roltypen", url)
}

// GetEigenschap fetches an eigenschap by URL (or UUID).
func (c *Client) GetEigenschap(ctx context.Context, url string) (*Eigenschap, error) {
	return get[Eigenschap](ctx, c, "catalogi.GetEigenschap", "eigenschappen", url)
}

// GetInformatieObjectType fetches an informatieobjecttype by URL (or UUID).
func (c *Client) GetInformatieObjectType(ctx context.Context, url string) (*InformatieObjectType, error) {
	return get[InformatieObjectType](ctx, c, "catalogi.GetInformatieObjectType", "informatieobjecttypen", url)
}

// GetCatalogus fetches a catalogus by URL (or UUID).
func (c *Client) GetCatalogus(ctx context.Context, url string) (*Catalogus, error) {
	return get[Catalogus](ctx, c, "catalogi.GetCatalogus", "catalogussen", url)
}

// ListZaakTypen lists zaaktypen (GET /zaaktypen).
func (c *Client) ListZaakTypen(ctx context.Context, opts ZaakTypeListOptions) (*upstream.Page[ZaakType], error) {
	return list[ZaakType](ctx, c, "catalogi.ListZaakTypen", "zaaktypen", opts)
}

// ListStatusTypen lists statustypen (GET /statustypen), typically of one
// zaaktype.
func (c *Client) ListStatusTypen(ctx context.Context, opts ZaaktypeFilter) (*upstream.Page[StatusType], error) {
	return list[StatusType](ctx, c, "catalogi.ListStatusTypen", "statustypen", opts)
}

// ListResultaatTypen lists resultaattypen (GET /resultaattypen).
func (c *Client) ListResultaatTypen(ctx context.Context, opts ZaaktypeFilter) (*upstream.Page[ResultaatType], error) {
	return list[ResultaatType](ctx, c, "catalogi.ListResultaatTypen", "resultaattypen", opts)
}

// ListRolTypen lists roltypen (GET /roltypen).
func (c *Client) ListRolTypen(ctx context.Context, opts RolTypeListOptions) (*upstream.Page[RolType], error) {
	return list[RolType](ctx, c, "catalogi.ListRolTypen", "roltypen", opts)
}

// ListEigenschappen lists eigenschappen (GET /eigenschappen).
func (c *Client) ListEigenschappen(ctx context.Context, opts ZaaktypeFilter) (*upstream.Page[Eigenschap], error) {
	return list[Eigenschap](ctx, c, "catalogi.ListEigenschappen", "eigenschappen", opts)
}

// ListInformatieObjectTypen lists informatieobjecttypen (GET
// /informatieobjecttypen).
func (c *Client) ListInformatieObjectTypen(ctx context.Context, opts InformatieObjectTypeListOptions) (*upstream.Page[InformatieObjectType], error) {
	return list[InformatieObjectType](ctx, c, "catalogi.ListInformatieObjectTypen", "informatieobjecttypen", opts)
}

// ListCatalogussen lists catalogussen (GET /catalogussen).
func (c *Client) ListCatalogussen(ctx context.Context, opts CatalogusListOptions) (*upstream.Page[Catalogus], error) {
	return list[Catalogus](ctx, c, "catalogi.ListCatalogussen", "catalogussen", opts)
}
