package klantinteracties

import (
	"context"

	"github.com/klantgraaf/klantgraaf/upstream"
)

// Expand values of GET /klantcontacten and /klantcontacten/{uuid}.
const (
	ExpandHadBetrokkenen                 = "hadBetrokkenen"
	ExpandHadBetrokkenenWasPartij        = "hadBetrokkenen.wasPartij"
	ExpandHadBetrokkenenDigitaleAdressen = "hadBetrokkenen.digitaleAdressen"
	ExpandGingOverOnderwerpobjecten      = "gingOverOnderwerpobjecten"
	ExpandLeiddeTotInterneTaken          = "leiddeTotInterneTaken"
	ExpandOmvatteBijlagen                = "omvatteBijlagen"
)

// Expand values of GET /partijen and /partijen/{uuid}; ExpandDigitaleAdressen
// is also the one expand of /betrokkenen and /betrokkenen/{uuid}.
const (
	ExpandBetrokkenen                = "betrokkenen"
	ExpandBetrokkenenHadKlantcontact = "betrokkenen.hadKlantcontact"
	ExpandCategorieRelaties          = "categorieRelaties"
	ExpandDigitaleAdressen           = "digitaleAdressen"
)

// Expand values of GET /digitaleadressen and /digitaleadressen/{uuid}.
const (
	ExpandVerstrektDoorBetrokkene                                     = "verstrektDoorBetrokkene"
	ExpandVerstrektDoorBetrokkeneHadKlantcontact                      = "verstrektDoorBetrokkene.hadKlantcontact"
	ExpandVerstrektDoorBetrokkeneHadKlantcontactLeiddeTotInterneTaken = "verstrektDoorBetrokkene.hadKlantcontact.leiddeTotInterneTaken"
)

// Client calls one Klantinteracties upstream. Every list is paginated
// (page, pageSize up to 500); there are no __in filters.
type Client struct{ up *upstream.Client }

// New wraps an upstream client of kind klantinteracties.
func New(up *upstream.Client) *Client { return &Client{up: up} }

// Upstream returns the underlying upstream client.
func (c *Client) Upstream() *upstream.Client { return c.up }

// PartijListOptions are the parameters of GET /partijen.
type PartijListOptions struct {
	PartijIdentificatorObjectID          string `q:"partijIdentificator__objectId"`
	PartijIdentificatorCodeObjecttype    string `q:"partijIdentificator__codeObjecttype"`
	PartijIdentificatorCodeRegister      string `q:"partijIdentificator__codeRegister"`
	PartijIdentificatorCodeSoortObjectID string `q:"partijIdentificator__codeSoortObjectId"`
	SubIdentificatorVanObjectID          string `q:"subIdentificatorVan__objectId"`
	SubIdentificatorVanCodeObjecttype    string `q:"subIdentificatorVan__codeObjecttype"`
	SubIdentificatorVanCodeRegister      string `q:"subIdentificatorVan__codeRegister"`
	SubIdentificatorVanCodeSoortObjectID string `q:"subIdentificatorVan__codeSoortObjectId"`
	// SoortPartij is persoon, organisatie or contactpersoon.
	SoortPartij                            string `q:"soortPartij"`
	Nummer                                 string `q:"nummer"`
	IndicatieActief                        *bool  `q:"indicatieActief"`
	IndicatieGeheimhouding                 *bool  `q:"indicatieGeheimhouding"`
	VertegenwoordigdePartijURL             string `q:"vertegenwoordigdePartij__url"`
	VertegenwoordigdePartijUUID            string `q:"vertegenwoordigdePartij__uuid"`
	CategorierelatieCategorieNaam          string `q:"categorierelatie__categorie__naam"`
	BezoekadresNummeraanduidingID          string `q:"bezoekadresNummeraanduidingId"`
	BezoekadresAdresregel1                 string `q:"bezoekadresAdresregel1"`
	BezoekadresAdresregel2                 string `q:"bezoekadresAdresregel2"`
	BezoekadresAdresregel3                 string `q:"bezoekadresAdresregel3"`
	BezoekadresLand                        string `q:"bezoekadresLand"`
	CorrespondentieadresNummeraanduidingID string `q:"correspondentieadresNummeraanduidingId"`
	CorrespondentieadresAdresregel1        string `q:"correspondentieadresAdresregel1"`
	CorrespondentieadresAdresregel2        string `q:"correspondentieadresAdresregel2"`
	CorrespondentieadresAdresregel3        string `q:"correspondentieadresAdresregel3"`
	CorrespondentieadresLand               string `q:"correspondentieadresLand"`
	// Expand: ExpandBetrokkenen, ExpandBetrokkenenHadKlantcontact,
	// ExpandCategorieRelaties, ExpandDigitaleAdressen.
	Expand   []string `q:"expand"`
	Page     int      `q:"page"`
	PageSize int      `q:"pageSize"`
}

// KlantcontactListOptions are the parameters of GET /klantcontacten. The
// spec filters plaatsgevondenOp on an exact date-time only.
type KlantcontactListOptions struct {
	HadBetrokkeneWasPartijURL                                  string `q:"hadBetrokkene__wasPartij__url"`
	HadBetrokkeneWasPartijUUID                                 string `q:"hadBetrokkene__wasPartij__uuid"`
	HadBetrokkeneWasPartijPartijIdentificatorObjectID          string `q:"hadBetrokkene__wasPartij__partijIdentificator__objectId"`
	HadBetrokkeneWasPartijPartijIdentificatorCodeObjecttype    string `q:"hadBetrokkene__wasPartij__partijIdentificator__codeObjecttype"`
	HadBetrokkeneWasPartijPartijIdentificatorCodeRegister      string `q:"hadBetrokkene__wasPartij__partijIdentificator__codeRegister"`
	HadBetrokkeneWasPartijPartijIdentificatorCodeSoortObjectID string `q:"hadBetrokkene__wasPartij__partijIdentificator__codeSoortObjectId"`
	// HadBetrokkeneWasPartij: whether a betrokkene was a partij.
	HadBetrokkeneWasPartij                   *bool  `q:"hadBetrokkene__wasPartij"`
	HadBetrokkeneURL                         string `q:"hadBetrokkene__url"`
	HadBetrokkeneUUID                        string `q:"hadBetrokkene__uuid"`
	HadBetrokkeneDigitaaladresAdresIcontains string `q:"hadBetrokkene__digitaaladres__adres__icontains"`

	OnderwerpobjectIdentificatorObjectID          string `q:"onderwerpobject__onderwerpobjectidentificatorObjectId"`
	OnderwerpobjectIdentificatorCodeObjecttype    string `q:"onderwerpobject__onderwerpobjectidentificatorCodeObjecttype"`
	OnderwerpobjectIdentificatorCodeRegister      string `q:"onderwerpobject__onderwerpobjectidentificatorCodeRegister"`
	OnderwerpobjectIdentificatorCodeSoortObjectID string `q:"onderwerpobject__onderwerpobjectidentificatorCodeSoortObjectId"`
	OnderwerpobjectURL                            string `q:"onderwerpobject__url"`
	OnderwerpobjectUUID                           string `q:"onderwerpobject__uuid"`

	WasOnderwerpobjectIdentificatorObjectID          string `q:"wasOnderwerpobject__onderwerpobjectidentificatorObjectId"`
	WasOnderwerpobjectIdentificatorCodeObjecttype    string `q:"wasOnderwerpobject__onderwerpobjectidentificatorCodeObjecttype"`
	WasOnderwerpobjectIdentificatorCodeRegister      string `q:"wasOnderwerpobject__onderwerpobjectidentificatorCodeRegister"`
	WasOnderwerpobjectIdentificatorCodeSoortObjectID string `q:"wasOnderwerpobject__onderwerpobjectidentificatorCodeSoortObjectId"`
	WasOnderwerpobjectURL                            string `q:"wasOnderwerpobject__url"`
	WasOnderwerpobjectUUID                           string `q:"wasOnderwerpobject__uuid"`

	Kanaal                 string `q:"kanaal"`
	Onderwerp              string `q:"onderwerp"`
	Inhoud                 string `q:"inhoud"`
	Reactie                string `q:"reactie"`
	Nummer                 string `q:"nummer"`
	Referentienummer       string `q:"referentienummer"`
	PlaatsgevondenOp       string `q:"plaatsgevondenOp"`
	Vertrouwelijk          *bool  `q:"vertrouwelijk"`
	IndicatieContactGelukt *bool  `q:"indicatieContactGelukt"`
	// LeiddeTotInterneTaken: whether the klantcontact led to interne taken.
	LeiddeTotInterneTaken *bool `q:"leiddeTotInterneTaken"`
	// Expand: the ExpandHadBetrokkenen… constants.
	Expand   []string `q:"expand"`
	Page     int      `q:"page"`
	PageSize int      `q:"pageSize"`
}

// BetrokkeneListOptions are the parameters of GET /betrokkenen.
type BetrokkeneListOptions struct {
	HadKlantcontactURL                            string `q:"hadKlantcontact__url"`
	HadKlantcontactUUID                           string `q:"hadKlantcontact__uuid"`
	HadKlantcontactNummer                         string `q:"hadKlantcontact__nummer"`
	HadKlantcontactReferentienummer               string `q:"hadKlantcontact__referentienummer"`
	WasPartijURL                                  string `q:"wasPartij__url"`
	WasPartijUUID                                 string `q:"wasPartij__uuid"`
	WasPartijNummer                               string `q:"wasPartij__nummer"`
	WasPartijPartijIdentificatorObjectID          string `q:"wasPartij__partijIdentificator__objectId"`
	WasPartijPartijIdentificatorCodeObjecttype    string `q:"wasPartij__partijIdentificator__codeObjecttype"`
	WasPartijPartijIdentificatorCodeRegister      string `q:"wasPartij__partijIdentificator__codeRegister"`
	WasPartijPartijIdentificatorCodeSoortObjectID string `q:"wasPartij__partijIdentificator__codeSoortObjectId"`
	VerstrektedigitaalAdresAdres                  string `q:"verstrektedigitaalAdres__adres"`
	VerstrektedigitaalAdresURL                    string `q:"verstrektedigitaalAdres__url"`
	VerstrektedigitaalAdresUUID                   string `q:"verstrektedigitaalAdres__uuid"`
	ContactnaamVoorletters                        string `q:"contactnaamVoorletters"`
	ContactnaamVoornaam                           string `q:"contactnaamVoornaam"`
	ContactnaamVoorvoegselAchternaam              string `q:"contactnaamVoorvoegselAchternaam"`
	ContactnaamAchternaam                         string `q:"contactnaamAchternaam"`
	Organisatienaam                               string `q:"organisatienaam"`
	// Expand: ExpandDigitaleAdressen.
	Expand   []string `q:"expand"`
	Page     int      `q:"page"`
	PageSize int      `q:"pageSize"`
}

// OnderwerpobjectListOptions are the parameters of GET /onderwerpobjecten.
type OnderwerpobjectListOptions struct {
	KlantcontactURL                               string `q:"klantcontact__url"`
	KlantcontactUUID                              string `q:"klantcontact__uuid"`
	WasKlantcontactURL                            string `q:"wasKlantcontact__url"`
	WasKlantcontactUUID                           string `q:"wasKlantcontact__uuid"`
	OnderwerpobjectidentificatorObjectID          string `q:"onderwerpobjectidentificatorObjectId"`
	OnderwerpobjectidentificatorCodeObjecttype    string `q:"onderwerpobjectidentificatorCodeObjecttype"`
	OnderwerpobjectidentificatorCodeRegister      string `q:"onderwerpobjectidentificatorCodeRegister"`
	OnderwerpobjectidentificatorCodeSoortObjectID string `q:"onderwerpobjectidentificatorCodeSoortObjectId"`
	Page                                          int    `q:"page"`
	PageSize                                      int    `q:"pageSize"`
}

// DigitaalAdresListOptions are the parameters of GET /digitaleadressen.
type DigitaalAdresListOptions struct {
	VerstrektDoorPartijURL                                  string `q:"verstrektDoorPartij__url"`
	VerstrektDoorPartijUUID                                 string `q:"verstrektDoorPartij__uuid"`
	VerstrektDoorPartijSoortPartij                          string `q:"verstrektDoorPartij__soortPartij"`
	VerstrektDoorPartijPartijIdentificatorObjectID          string `q:"verstrektDoorPartij__partijIdentificator__objectId"`
	VerstrektDoorPartijPartijIdentificatorCodeObjecttype    string `q:"verstrektDoorPartij__partijIdentificator__codeObjecttype"`
	VerstrektDoorPartijPartijIdentificatorCodeRegister      string `q:"verstrektDoorPartij__partijIdentificator__codeRegister"`
	VerstrektDoorPartijPartijIdentificatorCodeSoortObjectID string `q:"verstrektDoorPartij__partijIdentificator__codeSoortObjectId"`
	VerstrektDoorBetrokkeneURL                              string `q:"verstrektDoorBetrokkene__url"`
	VerstrektDoorBetrokkeneUUID                             string `q:"verstrektDoorBetrokkene__uuid"`
	VerstrektDoorBetrokkeneRol                              string `q:"verstrektDoorBetrokkene__rol"`
	Adres                                                   string `q:"adres"`
	AdresIcontains                                          string `q:"adres__icontains"`
	// SoortDigitaalAdres is email, telefoonnummer or overig.
	SoortDigitaalAdres  string `q:"soortDigitaalAdres"`
	IsStandaardAdres    *bool  `q:"isStandaardAdres"`
	IsGeverifieerd      *bool  `q:"isGeverifieerd"`
	Omschrijving        string `q:"omschrijving"`
	Referentie          string `q:"referentie"`
	VerificatieDatum    string `q:"verificatieDatum"`
	VerificatieDatumGt  string `q:"verificatieDatum__gt"`
	VerificatieDatumGte string `q:"verificatieDatum__gte"`
	VerificatieDatumLt  string `q:"verificatieDatum__lt"`
	VerificatieDatumLte string `q:"verificatieDatum__lte"`
	// Expand: the ExpandVerstrektDoorBetrokkene… constants.
	Expand   []string `q:"expand"`
	Page     int      `q:"page"`
	PageSize int      `q:"pageSize"`
}

// InterneTaakListOptions are the parameters of GET /internetaken.
type InterneTaakListOptions struct {
	AanleidinggevendKlantcontactURL  string `q:"aanleidinggevendKlantcontact__url"`
	AanleidinggevendKlantcontactUUID string `q:"aanleidinggevendKlantcontact__uuid"`
	KlantcontactUUID                 string `q:"klantcontact__uuid"`
	KlantcontactNummer               string `q:"klantcontact__nummer"`
	KlantcontactReferentienummer     string `q:"klantcontact__referentienummer"`
	ToegewezenAanActorURL            string `q:"toegewezenAanActor__url"`
	ToegewezenAanActorUUID           string `q:"toegewezenAanActor__uuid"`
	ActorenNaam                      string `q:"actoren__naam"`
	// Status is te_verwerken or verwerkt.
	Status           string `q:"status"`
	Nummer           string `q:"nummer"`
	Referentienummer string `q:"referentienummer"`
	ToegewezenOp     string `q:"toegewezenOp"`
	Page             int    `q:"page"`
	PageSize         int    `q:"pageSize"`
}

// ActorListOptions are the parameters of GET /actoren.
type ActorListOptions struct {
	Naam string `q:"naam"`
	// SoortActor is medewerker, geautomatiseerde_actor or
	// organisatorische_eenheid.
	SoortActor                          string `q:"soortActor"`
	IndicatieActief                     *bool  `q:"indicatieActief"`
	ActoridentificatorObjectID          string `q:"actoridentificatorObjectId"`
	ActoridentificatorCodeObjecttype    string `q:"actoridentificatorCodeObjecttype"`
	ActoridentificatorCodeRegister      string `q:"actoridentificatorCodeRegister"`
	ActoridentificatorCodeSoortObjectID string `q:"actoridentificatorCodeSoortObjectId"`
	Page                                int    `q:"page"`
	PageSize                            int    `q:"pageSize"`
}

// ActorKlantcontactListOptions are the parameters of GET
// /actorklantcontacten.
type ActorKlantcontactListOptions struct {
	ActorURL         string `q:"actor__url"`
	ActorUUID        string `q:"actor__uuid"`
	KlantcontactURL  string `q:"klantcontact__url"`
	KlantcontactUUID string `q:"klantcontact__uuid"`
	Page             int    `q:"page"`
	PageSize         int    `q:"pageSize"`
}

// BijlageListOptions are the parameters of GET /bijlagen.
type BijlageListOptions struct {
	KlantcontactUUID                      string `q:"klantcontact__uuid"`
	BijlageidentificatorObjectID          string `q:"bijlageidentificatorObjectId"`
	BijlageidentificatorCodeObjecttype    string `q:"bijlageidentificatorCodeObjecttype"`
	BijlageidentificatorCodeRegister      string `q:"bijlageidentificatorCodeRegister"`
	BijlageidentificatorCodeSoortObjectID string `q:"bijlageidentificatorCodeSoortObjectId"`
	Page                                  int    `q:"page"`
	PageSize                              int    `q:"pageSize"`
}

// Collection paths, relative to the base URL.
const (
	pathPartijen            = "partijen"
	pathKlantcontacten      = "klantcontacten"
	pathBetrokkenen         = "betrokkenen"
	pathOnderwerpobjecten   = "onderwerpobjecten"
	pathDigitaleAdressen    = "digitaleadressen"
	pathInterneTaken        = "internetaken"
	pathActoren             = "actoren"
	pathActorKlantcontacten = "actorklantcontacten"
	pathBijlagen            = "bijlagen"
	pathMaakKlantcontact    = "maak-klantcontact"
)

func getOne[T any](ctx context.Context, c *Client, op, collection, urlOrUUID string, expand []string) (*T, error) {
	var q upstream.Query
	q.SetList("expand", expand)
	v, err := upstream.GetJSON[T](ctx, c.up, q.AppendTo(c.up.ResourceURL(collection, urlOrUUID)))
	return v, upstream.WithOp(op, err)
}

func getPage[T any](ctx context.Context, c *Client, op, collection string, opts any) (*upstream.Page[T], error) {
	p, err := upstream.GetPage[T](ctx, c.up, upstream.WithQuery(collection, opts))
	return p, upstream.WithOp(op, err)
}

func create[T any](ctx context.Context, c *Client, op, collection string, body *T) (*T, error) {
	v, err := upstream.PostJSON[T](ctx, c.up, collection, body)
	return v, upstream.WithOp(op, err)
}

// GetPartij fetches a partij by URL (or UUID), with the given expansions
// (ExpandBetrokkenen, ExpandBetrokkenenHadKlantcontact,
// ExpandCategorieRelaties, ExpandDigitaleAdressen).
func (c *Client) GetPartij(ctx context.Context, url string, expand []string) (*Partij, error) {
	return getOne[Partij](ctx, c, "klantinteracties.GetPartij", pathPartijen, url, expand)
}

// ListPartijen lists partijen (GET /partijen).
func (c *Client) ListPartijen(ctx context.Context, opts PartijListOptions) (*upstream.Page[Partij], error) {
	return getPage[Partij](ctx, c, "klantinteracties.ListPartijen", pathPartijen, opts)
}

// GetKlantcontact fetches a klantcontact by URL (or UUID), with the given
// expansions (the ExpandHadBetrokkenen… constants).
func (c *Client) GetKlantcontact(ctx context.Context, url string, expand []string) (*Klantcontact, error) {
	return getOne[Klantcontact](ctx, c, "klantinteracties.GetKlantcontact", pathKlantcontacten, url, expand)
}

// ListKlantcontacten lists klantcontacten (GET /klantcontacten).
func (c *Client) ListKlantcontacten(ctx context.Context, opts KlantcontactListOptions) (*upstream.Page[Klantcontact], error) {
	return getPage[Klantcontact](ctx, c, "klantinteracties.ListKlantcontacten", pathKlantcontacten, opts)
}

// GetBetrokkene fetches a betrokkene by URL (or UUID), with the given
// expansions (ExpandDigitaleAdressen).
func (c *Client) GetBetrokkene(ctx context.Context, url string, expand []string) (*Betrokkene, error) {
	return getOne[Betrokkene](ctx, c, "klantinteracties.GetBetrokkene", pathBetrokkenen, url, expand)
}

// ListBetrokkenen lists betrokkenen (GET /betrokkenen).
func (c *Client) ListBetrokkenen(ctx context.Context, opts BetrokkeneListOptions) (*upstream.Page[Betrokkene], error) {
	return getPage[Betrokkene](ctx, c, "klantinteracties.ListBetrokkenen", pathBetrokkenen, opts)
}

// GetOnderwerpobject fetches an onderwerpobject by URL (or UUID).
func (c *Client) GetOnderwerpobject(ctx context.Context, url string) (*Onderwerpobject, error) {
	return getOne[Onderwerpobject](ctx, c, "klantinteracties.GetOnderwerpobject", pathOnderwerpobjecten, url, nil)
}

// ListOnderwerpobjecten lists onderwerpobjecten (GET /onderwerpobjecten).
func (c *Client) ListOnderwerpobjecten(ctx context.Context, opts OnderwerpobjectListOptions) (*upstream.Page[Onderwerpobject], error) {
	return getPage[Onderwerpobject](ctx, c, "klantinteracties.ListOnderwerpobjecten", pathOnderwerpobjecten, opts)
}

// GetDigitaalAdres fetches a digitaal adres by URL (or UUID), with the given
// expansions (the ExpandVerstrektDoorBetrokkene… constants).
func (c *Client) GetDigitaalAdres(ctx context.Context, url string, expand []string) (*DigitaalAdres, error) {
	return getOne[DigitaalAdres](ctx, c, "klantinteracties.GetDigitaalAdres", pathDigitaleAdressen, url, expand)
}

// ListDigitaleAdressen lists digitale adressen (GET /digitaleadressen).
func (c *Client) ListDigitaleAdressen(ctx context.Context, opts DigitaalAdresListOptions) (*upstream.Page[DigitaalAdres], error) {
	return getPage[DigitaalAdres](ctx, c, "klantinteracties.ListDigitaleAdressen", pathDigitaleAdressen, opts)
}

// GetInterneTaak fetches an interne taak by URL (or UUID).
func (c *Client) GetInterneTaak(ctx context.Context, url string) (*InterneTaak, error) {
	return getOne[InterneTaak](ctx, c, "klantinteracties.GetInterneTaak", pathInterneTaken, url, nil)
}

// ListInterneTaken lists interne taken (GET /internetaken).
func (c *Client) ListInterneTaken(ctx context.Context, opts InterneTaakListOptions) (*upstream.Page[InterneTaak], error) {
	return getPage[InterneTaak](ctx, c, "klantinteracties.ListInterneTaken", pathInterneTaken, opts)
}

// GetActor fetches an actor by URL (or UUID).
func (c *Client) GetActor(ctx context.Context, url string) (*Actor, error) {
	return getOne[Actor](ctx, c, "klantinteracties.GetActor", pathActoren, url, nil)
}

// ListActoren lists actoren (GET /actoren).
func (c *Client) ListActoren(ctx context.Context, opts ActorListOptions) (*upstream.Page[Actor], error) {
	return getPage[Actor](ctx, c, "klantinteracties.ListActoren", pathActoren, opts)
}

// GetActorKlantcontact fetches an actorklantcontact by URL (or UUID).
func (c *Client) GetActorKlantcontact(ctx context.Context, url string) (*ActorKlantcontact, error) {
	return getOne[ActorKlantcontact](ctx, c, "klantinteracties.GetActorKlantcontact", pathActorKlantcontacten, url, nil)
}

// ListActorKlantcontacten lists actorklantcontacten (GET
// /actorklantcontacten).
func (c *Client) ListActorKlantcontacten(ctx context.Context, opts ActorKlantcontactListOptions) (*upstream.Page[ActorKlantcontact], error) {
	return getPage[ActorKlantcontact](ctx, c, "klantinteracties.ListActorKlantcontacten", pathActorKlantcontacten, opts)
}

// GetBijlage fetches a bijlage by URL (or UUID).
func (c *Client) GetBijlage(ctx context.Context, url string) (*Bijlage, error) {
	return getOne[Bijlage](ctx, c, "klantinteracties.GetBijlage", pathBijlagen, url, nil)
}

// ListBijlagen lists bijlagen (GET /bijlagen).
func (c *Client) ListBijlagen(ctx context.Context, opts BijlageListOptions) (*upstream.Page[Bijlage], error) {
	return getPage[Bijlage](ctx, c, "klantinteracties.ListBijlagen", pathBijlagen, opts)
}

// CreateKlantcontact creates a klantcontact (POST /klantcontacten); kanaal,
// onderwerp, taal and vertrouwelijk are required.
func (c *Client) CreateKlantcontact(ctx context.Context, kc *Klantcontact) (*Klantcontact, error) {
	return create(ctx, c, "klantinteracties.CreateKlantcontact", pathKlantcontacten, kc)
}

// CreateBetrokkene creates a betrokkene (POST /betrokkenen); hadKlantcontact,
// rol and initiator are required.
func (c *Client) CreateBetrokkene(ctx context.Context, b *Betrokkene) (*Betrokkene, error) {
	return create(ctx, c, "klantinteracties.CreateBetrokkene", pathBetrokkenen, b)
}

// CreateOnderwerpobject creates an onderwerpobject (POST /onderwerpobjecten).
func (c *Client) CreateOnderwerpobject(ctx context.Context, o *Onderwerpobject) (*Onderwerpobject, error) {
	return create(ctx, c, "klantinteracties.CreateOnderwerpobject", pathOnderwerpobjecten, o)
}

// MaakKlantcontact creates a klantcontact with its betrokkene and
// onderwerpobject in one request (POST /maak-klantcontact) and returns the
// three as created.
func (c *Client) MaakKlantcontact(ctx context.Context, m *MaakKlantcontact) (*MaakKlantcontact, error) {
	return create(ctx, c, "klantinteracties.MaakKlantcontact", pathMaakKlantcontact, m)
}
