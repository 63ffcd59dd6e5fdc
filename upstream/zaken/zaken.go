// Package zaken is a typed client for the Zaken API (zaken-1.5.1 as served
// by Open Zaak, base /zaken/api/v1).
//
// Paginated lists: /zaken (and POST /zaken/_zoek), /rollen, /statussen,
// /resultaten, /zaakobjecten. Plain arrays: /zaakinformatieobjecten,
// /zaakcontactmomenten, /zaakverzoeken, /zaken/{uuid}/zaakeigenschappen.
package zaken

import (
	"context"
	"strings"

	"github.com/klantgraaf/klantgraaf/upstream"
)

// Client calls one Zaken upstream.
type Client struct {
	up *upstream.Client
}

// New wraps an upstream client of kind zaken.
func New(up *upstream.Client) *Client { return &Client{up: up} }

// Upstream returns the underlying upstream client.
func (c *Client) Upstream() *upstream.Client { return c.up }

// Expand values accepted by GET /zaken, GET /zaken/{uuid} and _zoek.
const (
	ExpandZaaktype                = "zaaktype"
	ExpandStatus                  = "status"
	ExpandStatusStatustype        = "status.statustype"
	ExpandResultaat               = "resultaat"
	ExpandResultaatResultaattype  = "resultaat.resultaattype"
	ExpandRollen                  = "rollen"
	ExpandRollenRoltype           = "rollen.roltype"
	ExpandEigenschappen           = "eigenschappen"
	ExpandEigenschappenEigenschap = "eigenschappen.eigenschap"
	ExpandZaakinformatieobjecten  = "zaakinformatieobjecten"
	ExpandZaakobjecten            = "zaakobjecten"
	ExpandHoofdzaak               = "hoofdzaak"
	ExpandDeelzaken               = "deelzaken"
)

// ZaakFilter holds the zaak filters shared by GET /zaken (as query
// parameters; lists comma-joined) and POST /zaken/_zoek (as body fields;
// lists as arrays). Field names follow the spec's parameter names.
type ZaakFilter struct {
	Identificatie                       string   `q:"identificatie" json:"identificatie,omitempty"`
	IdentificatieIcontains              string   `q:"identificatie__icontains" json:"identificatie__icontains,omitempty"`
	Bronorganisatie                     string   `q:"bronorganisatie" json:"bronorganisatie,omitempty"`
	BronorganisatieIn                   []string `q:"bronorganisatie__in" json:"bronorganisatie__in,omitempty"`
	Zaaktype                            string   `q:"zaaktype" json:"zaaktype,omitempty"`
	ZaaktypeOmschrijving                string   `q:"zaaktype__omschrijving" json:"zaaktype__omschrijving,omitempty"`
	Omschrijving                        string   `q:"omschrijving" json:"omschrijving,omitempty"`
	Archiefnominatie                    string   `q:"archiefnominatie" json:"archiefnominatie,omitempty"`
	ArchiefnominatieIn                  []string `q:"archiefnominatie__in" json:"archiefnominatie__in,omitempty"`
	Archiefstatus                       string   `q:"archiefstatus" json:"archiefstatus,omitempty"`
	ArchiefstatusIn                     []string `q:"archiefstatus__in" json:"archiefstatus__in,omitempty"`
	Archiefactiedatum                   string   `q:"archiefactiedatum" json:"archiefactiedatum,omitempty"`
	ArchiefactiedatumLt                 string   `q:"archiefactiedatum__lt" json:"archiefactiedatum__lt,omitempty"`
	ArchiefactiedatumGt                 string   `q:"archiefactiedatum__gt" json:"archiefactiedatum__gt,omitempty"`
	ArchiefactiedatumIsnull             *bool    `q:"archiefactiedatum__isnull" json:"archiefactiedatum__isnull,omitempty"`
	Startdatum                          string   `q:"startdatum" json:"startdatum,omitempty"`
	StartdatumGt                        string   `q:"startdatum__gt" json:"startdatum__gt,omitempty"`
	StartdatumGte                       string   `q:"startdatum__gte" json:"startdatum__gte,omitempty"`
	StartdatumLt                        string   `q:"startdatum__lt" json:"startdatum__lt,omitempty"`
	StartdatumLte                       string   `q:"startdatum__lte" json:"startdatum__lte,omitempty"`
	Registratiedatum                    string   `q:"registratiedatum" json:"registratiedatum,omitempty"`
	RegistratiedatumGt                  string   `q:"registratiedatum__gt" json:"registratiedatum__gt,omitempty"`
	RegistratiedatumLt                  string   `q:"registratiedatum__lt" json:"registratiedatum__lt,omitempty"`
	Einddatum                           string   `q:"einddatum" json:"einddatum,omitempty"`
	EinddatumGt                         string   `q:"einddatum__gt" json:"einddatum__gt,omitempty"`
	EinddatumLt                         string   `q:"einddatum__lt" json:"einddatum__lt,omitempty"`
	EinddatumIsnull                     *bool    `q:"einddatum__isnull" json:"einddatum__isnull,omitempty"`
	EinddatumGepland                    string   `q:"einddatumGepland" json:"einddatumGepland,omitempty"`
	EinddatumGeplandGt                  string   `q:"einddatumGepland__gt" json:"einddatumGepland__gt,omitempty"`
	EinddatumGeplandLt                  string   `q:"einddatumGepland__lt" json:"einddatumGepland__lt,omitempty"`
	UiterlijkeEinddatumAfdoening        string   `q:"uiterlijkeEinddatumAfdoening" json:"uiterlijkeEinddatumAfdoening,omitempty"`
	UiterlijkeEinddatumAfdoeningGt      string   `q:"uiterlijkeEinddatumAfdoening__gt" json:"uiterlijkeEinddatumAfdoening__gt,omitempty"`
	UiterlijkeEinddatumAfdoeningLt      string   `q:"uiterlijkeEinddatumAfdoening__lt" json:"uiterlijkeEinddatumAfdoening__lt,omitempty"`
	MaximaleVertrouwelijkheidaanduiding string   `q:"maximaleVertrouwelijkheidaanduiding" json:"maximaleVertrouwelijkheidaanduiding,omitempty"`
	RolBetrokkene                       string   `q:"rol__betrokkene" json:"rol__betrokkene,omitempty"`
	RolBetrokkeneType                   string   `q:"rol__betrokkeneType" json:"rol__betrokkeneType,omitempty"`
	RolOmschrijvingGeneriek             string   `q:"rol__omschrijvingGeneriek" json:"rol__omschrijvingGeneriek,omitempty"`
	RolMachtiging                       string   `q:"rol__machtiging" json:"rol__machtiging,omitempty"`
	RolMachtigingLoa                    string   `q:"rol__machtiging__loa" json:"rol__machtiging__loa,omitempty"`
	// BSN: rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn.
	BSN              string `q:"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn" json:"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn,omitempty"`
	AnpIdentificatie string `q:"rol__betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie" json:"rol__betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie,omitempty"`
	InpANummer       string `q:"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer" json:"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer,omitempty"`
	InnNnpId         string `q:"rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId" json:"rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId,omitempty"`
	AnnIdentificatie string `q:"rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie" json:"rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie,omitempty"`
	// KvK: rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer.
	KvK string `q:"rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer" json:"rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer,omitempty"`
	// NnpVestigingsnummer: …__nietNatuurlijkPersoon__vestigingsNummer.
	NnpVestigingsnummer string `q:"rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__vestigingsNummer" json:"rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__vestigingsNummer,omitempty"`
	// Vestigingsnummer: rol__betrokkeneIdentificatie__vestiging__vestigingsNummer.
	Vestigingsnummer                     string `q:"rol__betrokkeneIdentificatie__vestiging__vestigingsNummer" json:"rol__betrokkeneIdentificatie__vestiging__vestigingsNummer,omitempty"`
	VestigingKvK                         string `q:"rol__betrokkeneIdentificatie__vestiging__kvkNummer" json:"rol__betrokkeneIdentificatie__vestiging__kvkNummer,omitempty"`
	MedewerkerIdentificatie              string `q:"rol__betrokkeneIdentificatie__medewerker__identificatie" json:"rol__betrokkeneIdentificatie__medewerker__identificatie,omitempty"`
	OrganisatorischeEenheidIdentificatie string `q:"rol__betrokkeneIdentificatie__organisatorischeEenheid__identificatie" json:"rol__betrokkeneIdentificatie__organisatorischeEenheid__identificatie,omitempty"`
	StatusStatustype                     string `q:"status__statustype" json:"status__statustype,omitempty"`
	ResultaatResultaattype               string `q:"resultaat__resultaattype" json:"resultaat__resultaattype,omitempty"`
	Kenmerk                              string `q:"kenmerk" json:"kenmerk,omitempty"`
	KenmerkBron                          string `q:"kenmerk__bron" json:"kenmerk__bron,omitempty"`
	// Ordering: e.g. "-startdatum"; comma-joined on GET.
	Ordering []string `q:"ordering" json:"ordering,omitempty"`
	// Expand: see the Expand* constants.
	Expand []string `q:"expand" json:"expand,omitempty"`
}

// ZaakListOptions are the parameters of GET /zaken.
type ZaakListOptions struct {
	ZaakFilter
	Page     int `q:"page"`
	PageSize int `q:"pageSize"`
}

// ZaakZoekRequest is the body of POST /zaken/_zoek.
type ZaakZoekRequest struct {
	UUIDIn        []string   `json:"uuid__in,omitempty"`
	ZaaktypeIn    []string   `json:"zaaktype__in,omitempty"`
	ZaaktypeNotIn []string   `json:"zaaktype__not_in,omitempty"`
	Zaakgeometrie *GeoWithin `json:"zaakgeometrie,omitempty"`
	ZaakFilter
}

// GeoWithin is the zaakgeometrie filter of _zoek: zaken whose geometry lies
// within the given GeoJSON geometry.
type GeoWithin struct {
	Within any `json:"within"`
}

// RolListOptions are the parameters of GET /rollen.
type RolListOptions struct {
	Zaak                 string `q:"zaak"`
	Betrokkene           string `q:"betrokkene"`
	BetrokkeneType       string `q:"betrokkeneType"`
	Roltype              string `q:"roltype"`
	Omschrijving         string `q:"omschrijving"`
	OmschrijvingGeneriek string `q:"omschrijvingGeneriek"`
	Machtiging           string `q:"machtiging"`
	MachtigingLoa        string `q:"machtiging__loa"`
	// BSN: betrokkeneIdentificatie__natuurlijkPersoon__inpBsn.
	BSN                                  string `q:"betrokkeneIdentificatie__natuurlijkPersoon__inpBsn"`
	AnpIdentificatie                     string `q:"betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie"`
	InpANummer                           string `q:"betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer"`
	InnNnpId                             string `q:"betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId"`
	AnnIdentificatie                     string `q:"betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie"`
	KvK                                  string `q:"betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer"`
	NnpVestigingsnummer                  string `q:"betrokkeneIdentificatie__nietNatuurlijkPersoon__vestigingsNummer"`
	Vestigingsnummer                     string `q:"betrokkeneIdentificatie__vestiging__vestigingsNummer"`
	VestigingKvK                         string `q:"betrokkeneIdentificatie__vestiging__kvkNummer"`
	MedewerkerIdentificatie              string `q:"betrokkeneIdentificatie__medewerker__identificatie"`
	OrganisatorischeEenheidIdentificatie string `q:"betrokkeneIdentificatie__organisatorischeEenheid__identificatie"`
	Page                                 int    `q:"page"`
	PageSize                             int    `q:"pageSize"`
}

// StatusListOptions are the parameters of GET /statussen.
type StatusListOptions struct {
	Zaak                         string `q:"zaak"`
	Statustype                   string `q:"statustype"`
	IndicatieLaatstGezetteStatus *bool  `q:"indicatieLaatstGezetteStatus"`
	Page                         int    `q:"page"`
	PageSize                     int    `q:"pageSize"`
}

// ResultaatListOptions are the parameters of GET /resultaten.
type ResultaatListOptions struct {
	Zaak          string `q:"zaak"`
	Resultaattype string `q:"resultaattype"`
	Page          int    `q:"page"`
	PageSize      int    `q:"pageSize"`
}

// ZaakObjectListOptions are the parameters of GET /zaakobjecten.
type ZaakObjectListOptions struct {
	Zaak       string `q:"zaak"`
	Object     string `q:"object"`
	ObjectType string `q:"objectType"`
	Page       int    `q:"page"`
	PageSize   int    `q:"pageSize"`
}

func get[T any](ctx context.Context, c *Client, op, collection, urlOrUUID string) (*T, error) {
	v, err := upstream.GetJSON[T](ctx, c.up, c.up.ResourceURL(collection, urlOrUUID))
	return v, upstream.WithOp(op, err)
}

func page[T any](ctx context.Context, c *Client, op, collection string, opts any) (*upstream.Page[T], error) {
	p, err := upstream.GetPage[T](ctx, c.up, upstream.WithQuery(collection, opts))
	return p, upstream.WithOp(op, err)
}

func array[T any](ctx context.Context, c *Client, op, path string) ([]T, error) {
	v, err := upstream.GetArray[T](ctx, c.up, path)
	return v, upstream.WithOp(op, err)
}

func create[T any](ctx context.Context, c *Client, op, collection string, body any) (*T, error) {
	v, err := upstream.PostJSON[T](ctx, c.up, collection, body)
	return v, upstream.WithOp(op, err)
}

type relQuery struct {
	Zaak             string `q:"zaak"`
	Informatieobject string `q:"informatieobject"`
	Contactmoment    string `q:"contactmoment"`
	Verzoek          string `q:"verzoek"`
}

// Get fetches a zaak by URL (or UUID), with the given expansions (see the
// Expand* constants) embedded under Zaak.Expand.
func (c *Client) Get(ctx context.Context, url string, expand []string) (*Zaak, error) {
	var q upstream.Query
	q.SetList("expand", expand)
	return get[Zaak](ctx, c, "zaken.Get", "zaken", q.AppendTo(c.up.ResourceURL("zaken", url)))
}

// List lists zaken (GET /zaken).
func (c *Client) List(ctx context.Context, opts ZaakListOptions) (*upstream.Page[Zaak], error) {
	return page[Zaak](ctx, c, "zaken.List", "zaken", opts)
}

// Search runs POST /zaken/_zoek with the filters (and expand) in the body
// and page/pageSize in the query (0 leaves them out). Its next links need
// the same body: fetch following pages by calling Search with page+1.
func (c *Client) Search(ctx context.Context, req ZaakZoekRequest, page, pageSize int) (*upstream.Page[Zaak], error) {
	var q upstream.Query
	q.SetInt("page", page)
	q.SetInt("pageSize", pageSize)
	p, err := upstream.PostPage[Zaak](ctx, c.up, q.AppendTo("zaken/_zoek"), req)
	return p, upstream.WithOp("zaken.Search", err)
}

// SearchAll runs Search page by page until no next page is announced, for
// at most maxPages pages (upstream.DefaultMaxPages when <= 0); more pages
// than that is an *upstream.Error of kind TooLarge, returned with the
// zaken read so far.
func (c *Client) SearchAll(ctx context.Context, req ZaakZoekRequest, pageSize, maxPages int) ([]Zaak, error) {
	if maxPages <= 0 {
		maxPages = upstream.DefaultMaxPages
	}
	var out []Zaak
	for n := 1; ; n++ {
		p, err := c.Search(ctx, req, n, pageSize)
		if err != nil {
			return out, err
		}
		out = append(out, p.Results...)
		if !p.HasNext() || len(p.Results) == 0 {
			return out, nil
		}
		if n >= maxPages {
			return out, &upstream.Error{Op: "zaken.SearchAll", Kind: upstream.TooLarge, Source: c.up.Name(),
				Detail: "more than the allowed number of pages"}
		}
	}
}

// ListRollen lists rollen (GET /rollen).
func (c *Client) ListRollen(ctx context.Context, opts RolListOptions) (*upstream.Page[Rol], error) {
	return page[Rol](ctx, c, "zaken.ListRollen", "rollen", opts)
}

// GetRol fetches a rol by URL (or UUID).
func (c *Client) GetRol(ctx context.Context, url string) (*Rol, error) {
	return get[Rol](ctx, c, "zaken.GetRol", "rollen", url)
}

// ListStatussen lists statussen (GET /statussen).
func (c *Client) ListStatussen(ctx context.Context, opts StatusListOptions) (*upstream.Page[Status], error) {
	return page[Status](ctx, c, "zaken.ListStatussen", "statussen", opts)
}

// GetStatus fetches a status by URL (or UUID).
func (c *Client) GetStatus(ctx context.Context, url string) (*Status, error) {
	return get[Status](ctx, c, "zaken.GetStatus", "statussen", url)
}

// CreateStatus sets a new status on a zaak (POST /statussen).
func (c *Client) CreateStatus(ctx context.Context, req StatusRequest) (*Status, error) {
	return create[Status](ctx, c, "zaken.CreateStatus", "statussen", req)
}

// ListResultaten lists resultaten (GET /resultaten).
func (c *Client) ListResultaten(ctx context.Context, opts ResultaatListOptions) (*upstream.Page[Resultaat], error) {
	return page[Resultaat](ctx, c, "zaken.ListResultaten", "resultaten", opts)
}

// GetResultaat fetches a resultaat by URL (or UUID).
func (c *Client) GetResultaat(ctx context.Context, url string) (*Resultaat, error) {
	return get[Resultaat](ctx, c, "zaken.GetResultaat", "resultaten", url)
}

// ListZaakEigenschappen lists the eigenschappen of a zaak (GET
// /zaken/{uuid}/zaakeigenschappen, a plain array). zaak is the zaak URL (or
// UUID).
func (c *Client) ListZaakEigenschappen(ctx context.Context, zaak string) ([]ZaakEigenschap, error) {
	path := strings.TrimRight(c.up.ResourceURL("zaken", zaak), "/") + "/zaakeigenschappen"
	return array[ZaakEigenschap](ctx, c, "zaken.ListZaakEigenschappen", path)
}

// ListZaakInformatieObjecten lists zaakinformatieobjecten (plain array),
// filtered on zaak and/or informatieobject URL.
func (c *Client) ListZaakInformatieObjecten(ctx context.Context, zaak, informatieobject string) ([]ZaakInformatieObject, error) {
	return array[ZaakInformatieObject](ctx, c, "zaken.ListZaakInformatieObjecten",
		upstream.WithQuery("zaakinformatieobjecten", relQuery{Zaak: zaak, Informatieobject: informatieobject}))
}

// ListZaakContactMomenten lists zaakcontactmomenten (plain array), filtered
// on zaak and/or contactmoment URL.
func (c *Client) ListZaakContactMomenten(ctx context.Context, zaak, contactmoment string) ([]ZaakContactMoment, error) {
	return array[ZaakContactMoment](ctx, c, "zaken.ListZaakContactMomenten",
		upstream.WithQuery("zaakcontactmomenten", relQuery{Zaak: zaak, Contactmoment: contactmoment}))
}

// ListZaakVerzoeken lists zaakverzoeken (plain array), filtered on zaak
// and/or verzoek URL.
func (c *Client) ListZaakVerzoeken(ctx context.Context, zaak, verzoek string) ([]ZaakVerzoek, error) {
	return array[ZaakVerzoek](ctx, c, "zaken.ListZaakVerzoeken",
		upstream.WithQuery("zaakverzoeken", relQuery{Zaak: zaak, Verzoek: verzoek}))
}

// ListZaakObjecten lists zaakobjecten (GET /zaakobjecten).
func (c *Client) ListZaakObjecten(ctx context.Context, opts ZaakObjectListOptions) (*upstream.Page[ZaakObject], error) {
	return page[ZaakObject](ctx, c, "zaken.ListZaakObjecten", "zaakobjecten", opts)
}

// CreateZaakContactMoment links a contactmoment to a zaak (POST
// /zaakcontactmomenten).
func (c *Client) CreateZaakContactMoment(ctx context.Context, zaak, contactmoment string) (*ZaakContactMoment, error) {
	return create[ZaakContactMoment](ctx, c, "zaken.CreateZaakContactMoment", "zaakcontactmomenten",
		ZaakContactMoment{Zaak: zaak, Contactmoment: contactmoment})
}

// CreateZaakVerzoek links a verzoek to a zaak (POST /zaakverzoeken).
func (c *Client) CreateZaakVerzoek(ctx context.Context, zaak, verzoek string) (*ZaakVerzoek, error) {
	return create[ZaakVerzoek](ctx, c, "zaken.CreateZaakVerzoek", "zaakverzoeken",
		ZaakVerzoek{Zaak: zaak, Verzoek: verzoek})
}
