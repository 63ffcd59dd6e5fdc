// Package documenten is a typed client for the Documenten API
// (documenten-1.4.2 as served by Open Zaak, base /documenten/api/v1).
//
// /enkelvoudiginformatieobjecten and its POST _zoek are paginated;
// /objectinformatieobjecten is a plain array.
package documenten

import (
	"context"

	"github.com/klantgraaf/klantgraaf/upstream"
	"github.com/klantgraaf/klantgraaf/upstream/catalogi"
)

// EnkelvoudigInformatieObject is a document (ExpandEnkelvoudigInformatieObject).
type EnkelvoudigInformatieObject struct {
	URL                         string `json:"url,omitempty"`
	Identificatie               string `json:"identificatie,omitempty"`
	Bronorganisatie             string `json:"bronorganisatie,omitempty"`
	Creatiedatum                string `json:"creatiedatum,omitempty"`
	Titel                       string `json:"titel,omitempty"`
	Vertrouwelijkheidaanduiding string `json:"vertrouwelijkheidaanduiding,omitempty"`
	Auteur                      string `json:"auteur,omitempty"`
	Status                      string `json:"status,omitempty"`
	Formaat                     string `json:"formaat,omitempty"`
	Taal                        string `json:"taal,omitempty"`
	Versie                      int    `json:"versie,omitempty"`
	BeginRegistratie            string `json:"beginRegistratie,omitempty"`
	Bestandsnaam                string `json:"bestandsnaam,omitempty"`
	// Inhoud is the download URL of the content.
	Inhoud                 string         `json:"inhoud,omitempty"`
	Bestandsomvang         *int64         `json:"bestandsomvang,omitempty"`
	Link                   string         `json:"link,omitempty"`
	Beschrijving           string         `json:"beschrijving,omitempty"`
	Ontvangstdatum         string         `json:"ontvangstdatum,omitempty"`
	Verzenddatum           string         `json:"verzenddatum,omitempty"`
	IndicatieGebruiksrecht *bool          `json:"indicatieGebruiksrecht,omitempty"`
	Verschijningsvorm      string         `json:"verschijningsvorm,omitempty"`
	Ondertekening          *Ondertekening `json:"ondertekening,omitempty"`
	Integriteit            *Integriteit   `json:"integriteit,omitempty"`
	Informatieobjecttype   string         `json:"informatieobjecttype,omitempty"`
	Locked                 bool           `json:"locked"`
	Bestandsdelen          []BestandsDeel `json:"bestandsdelen,omitempty"`
	Trefwoorden            []string       `json:"trefwoorden,omitempty"`

	Expand *EnkelvoudigInformatieObjectExpand `json:"_expand,omitempty"`
}

// EnkelvoudigInformatieObjectExpand is the _expand object of a document
// (expand=informatieobjecttype).
type EnkelvoudigInformatieObjectExpand struct {
	Informatieobjecttype *catalogi.InformatieObjectType `json:"informatieobjecttype,omitempty"`
}

// Ondertekening is the signature of a document.
type Ondertekening struct {
	Soort string `json:"soort"`
	Datum string `json:"datum"`
}

// Integriteit is the checksum of a document.
type Integriteit struct {
	Algoritme string `json:"algoritme"`
	Waarde    string `json:"waarde"`
	Datum     string `json:"datum"`
}

// BestandsDeel is one part of a document upload.
type BestandsDeel struct {
	URL        string `json:"url"`
	Volgnummer int    `json:"volgnummer"`
	Omvang     int64  `json:"omvang"`
	Voltooid   bool   `json:"voltooid"`
	Lock       string `json:"lock,omitempty"`
}

// ObjectInformatieObject links a document to an object (zaak, besluit or
// verzoek).
type ObjectInformatieObject struct {
	URL              string `json:"url,omitempty"`
	Informatieobject string `json:"informatieobject"`
	Object           string `json:"object"`
	ObjectType       string `json:"objectType"`
}

// ExpandInformatieobjecttype is the expand value of the documents.
const ExpandInformatieobjecttype = "informatieobjecttype"

// Client calls one Documenten upstream.
type Client struct {
	up *upstream.Client
}

// New wraps an upstream client of kind documenten.
func New(up *upstream.Client) *Client { return &Client{up: up} }

// Upstream returns the underlying upstream client.
func (c *Client) Upstream() *upstream.Client { return c.up }

// ListOptions are the parameters of GET /enkelvoudiginformatieobjecten.
type ListOptions struct {
	Bronorganisatie                string   `q:"bronorganisatie"`
	Identificatie                  string   `q:"identificatie"`
	Informatieobjecttype           string   `q:"informatieobjecttype"`
	ObjectinformatieobjectenObject string   `q:"objectinformatieobjecten__object"`
	ObjectinformatieobjectenType   string   `q:"objectinformatieobjecten__objectType"`
	Trefwoorden                    []string `q:"trefwoorden"`
	TrefwoordenOverlap             []string `q:"trefwoorden__overlap"`
	CreatiedatumGte                string   `q:"creatiedatum__gte"`
	CreatiedatumLte                string   `q:"creatiedatum__lte"`
	Titel                          string   `q:"titel"`
	Auteur                         string   `q:"auteur"`
	Beschrijving                   string   `q:"beschrijving"`
	Locked                         *bool    `q:"locked"`
	Vertrouwelijkheidaanduiding    string   `q:"vertrouwelijkheidaanduiding"`
	Ordering                       []string `q:"ordering"`
	Expand                         []string `q:"expand"`
	Page                           int      `q:"page"`
	PageSize                       int      `q:"pageSize"`
}

// ZoekRequest is the body of POST /enkelvoudiginformatieobjecten/_zoek.
type ZoekRequest struct {
	UUIDIn          []string `json:"uuid__in"`
	Bronorganisatie string   `json:"bronorganisatie,omitempty"`
	Identificatie   string   `json:"identificatie,omitempty"`
	Expand          []string `json:"expand,omitempty"`
}

// GetEnkelvoudigInformatieObject fetches a document by URL (or UUID), with
// the given expansions.
func (c *Client) GetEnkelvoudigInformatieObject(ctx context.Context, url string, expand []string) (*EnkelvoudigInformatieObject, error) {
	var q upstream.Query
	q.SetList("expand", expand)
	v, err := upstream.GetJSON[EnkelvoudigInformatieObject](ctx, c.up, q.AppendTo(c.up.ResourceURL("enkelvoudiginformatieobjecten", url)))
	return v, upstream.WithOp("documenten.GetEnkelvoudigInformatieObject", err)
}

// SearchEnkelvoudigInformatieObjecten fetches documents by UUID in one call
// (POST /enkelvoudiginformatieobjecten/_zoek, a paginated answer; page 0
// leaves the page parameter out). Following pages need the same body: call
// again with page+1.
func (c *Client) SearchEnkelvoudigInformatieObjecten(ctx context.Context, uuids, expand []string, page int) (*upstream.Page[EnkelvoudigInformatieObject], error) {
	var q upstream.Query
	q.SetInt("page", page)
	path := q.AppendTo("enkelvoudiginformatieobjecten/_zoek")
	if uuids == nil {
		uuids = []string{}
	}
	p, err := upstream.PostPage[EnkelvoudigInformatieObject](ctx, c.up, path, ZoekRequest{UUIDIn: uuids, Expand: expand})
	return p, upstream.WithOp("documenten.SearchEnkelvoudigInformatieObjecten", err)
}

// List lists documents (GET /enkelvoudiginformatieobjecten).
func (c *Client) List(ctx context.Context, opts ListOptions) (*upstream.Page[EnkelvoudigInformatieObject], error) {
	p, err := upstream.GetPage[EnkelvoudigInformatieObject](ctx, c.up, upstream.WithQuery("enkelvoudiginformatieobjecten", opts))
	return p, upstream.WithOp("documenten.List", err)
}

// ListObjectInformatieObjecten lists objectinformatieobjecten (plain array),
// filtered on object and/or informatieobject URL.
func (c *Client) ListObjectInformatieObjecten(ctx context.Context, object, informatieobject string) ([]ObjectInformatieObject, error) {
	var q upstream.Query
	q.Set("object", object)
	q.Set("informatieobject", informatieobject)
	v, err := upstream.GetArray[ObjectInformatieObject](ctx, c.up, q.AppendTo("objectinformatieobjecten"))
	return v, upstream.WithOp("documenten.ListObjectInformatieObjecten", err)
}

// GetObjectInformatieObject fetches an objectinformatieobject by URL (or
// UUID).
func (c *Client) GetObjectInformatieObject(ctx context.Context, url string) (*ObjectInformatieObject, error) {
	v, err := upstream.GetJSON[ObjectInformatieObject](ctx, c.up, c.up.ResourceURL("objectinformatieobjecten", url))
	return v, upstream.WithOp("documenten.GetObjectInformatieObject", err)
}
