package klantinteracties_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/klantgraaf/klantgraaf/sim/spectest"
	"github.com/klantgraaf/klantgraaf/upstream"
	"github.com/klantgraaf/klantgraaf/upstream/internal/uptest"
	ki "github.com/klantgraaf/klantgraaf/upstream/klantinteracties"
)

const (
	specFile = "klantinteracties-0.9.0.yaml"
	basePath = "/klantinteracties/api/v1"
	token    = "k3y-0f-de-gemeente"

	// The samples' own base URL (the provider's, as it names its resources).
	sb = "http://ok2.example/klantinteracties/api/v1"

	kcUUID     = "3b7f6c1e-8d2a-4f5e-9c1b-0a1b2c3d4e01"
	betrUUID   = "3b7f6c1e-8d2a-4f5e-9c1b-0a1b2c3d4e02"
	partijUUID = "3b7f6c1e-8d2a-4f5e-9c1b-0a1b2c3d4e03"
	ondUUID    = "3b7f6c1e-8d2a-4f5e-9c1b-0a1b2c3d4e04"
	taakUUID   = "3b7f6c1e-8d2a-4f5e-9c1b-0a1b2c3d4e05"
	bijlUUID   = "3b7f6c1e-8d2a-4f5e-9c1b-0a1b2c3d4e06"
	actorUUID  = "3b7f6c1e-8d2a-4f5e-9c1b-0a1b2c3d4e07"
	daUUID     = "3b7f6c1e-8d2a-4f5e-9c1b-0a1b2c3d4e08"
	piUUID     = "3b7f6c1e-8d2a-4f5e-9c1b-0a1b2c3d4e09"
	orgUUID    = "3b7f6c1e-8d2a-4f5e-9c1b-0a1b2c3d4e0a"
	cpUUID     = "3b7f6c1e-8d2a-4f5e-9c1b-0a1b2c3d4e0b"
	zaakUUID   = "7b2b0d0e-0000-4000-8000-000000000001"

	kcURL     = sb + "/klantcontacten/" + kcUUID
	partijURL = sb + "/partijen/" + partijUUID
)

// setup starts a fake provider and a client that authenticates with a
// token, as the core does for an upstream of auth type token.
func setup(t *testing.T) (*uptest.Server, *ki.Client) {
	t.Helper()
	s := uptest.New(t, upstream.APIKlantinteracties, basePath)
	up, err := upstream.NewClient(upstream.Upstream{Name: "klantinteracties", Kind: upstream.APIKlantinteracties, BaseURL: s.Base,
		Auth: upstream.Auth{Type: upstream.AuthToken, Token: token}, Retry: upstream.RetryPolicy{MaxAttempts: 1}})
	if err != nil {
		t.Fatal(err)
	}
	s.Client = up
	return s, ki.New(up)
}

// conforms validates a sample answer against the spec when the specs are
// present.
func conforms(t *testing.T, method, target string, status int, body string) {
	t.Helper()
	if spectest.Dir() == "" {
		t.Log("specs not found: sample not validated")
		return
	}
	spec := spectest.Load(t, specFile)
	ex := &spectest.Exchange{Request: httptest.NewRequest(method, "http://ok2.example"+basePath+target, nil), Status: status,
		Header: http.Header{"Content-Type": {"application/json"}, "Api-Version": {"0.9.0"}}, Body: []byte(body)}
	if err := spec.Validate(ex); err != nil {
		t.Errorf("sample for %s %s does not conform to the spec: %v", method, target, err)
	}
}

// validRequest validates a request body against a schema of the spec, as a
// request (read-only fields must be absent).
func validRequest(t *testing.T, schema, body string) {
	t.Helper()
	if spectest.Dir() == "" {
		return
	}
	spec := spectest.Load(t, specFile)
	ref, ok := spec.Doc.Components.Schemas[schema]
	if !ok {
		t.Fatalf("no schema %s", schema)
	}
	var v any
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatal(err)
	}
	if err := ref.Value.VisitJSON(v, openapi3.VisitAsRequest(), openapi3.MultiErrors()); err != nil {
		t.Errorf("request body is no valid %s: %v\n%s", schema, err, body)
	}
}

const emptyPage = `{"count":0,"next":null,"previous":null,"results":[]}`

func TestListQueries(t *testing.T) {
	s, c := setup(t)
	for _, p := range []string{"/partijen", "/klantcontacten", "/betrokkenen", "/onderwerpobjecten", "/digitaleadressen",
		"/internetaken", "/actoren", "/actorklantcontacten", "/bijlagen"} {
		s.JSON("GET "+p, 200, emptyPage)
	}
	s.JSON("GET /partijen/{uuid}", 200, `{"uuid":"`+partijUUID+`"}`)
	s.JSON("GET /klantcontacten/{uuid}", 200, `{"uuid":"`+kcUUID+`"}`)
	s.JSON("GET /betrokkenen/{uuid}", 200, `{"uuid":"`+betrUUID+`"}`)
	s.JSON("GET /digitaleadressen/{uuid}", 200, `{"uuid":"`+daUUID+`"}`)
	s.JSON("GET /onderwerpobjecten/{uuid}", 200, `{"uuid":"`+ondUUID+`"}`)
	s.JSON("GET /internetaken/{uuid}", 200, `{"uuid":"`+taakUUID+`"}`)
	s.JSON("GET /actoren/{uuid}", 200, `{"uuid":"`+actorUUID+`"}`)
	s.JSON("GET /actorklantcontacten/{uuid}", 200, `{"uuid":"x"}`)
	s.JSON("GET /bijlagen/{uuid}", 200, `{"uuid":"`+bijlUUID+`"}`)
	ctx := context.Background()
	eurl := func(u string) string { return strings.NewReplacer(":", "%3A", "/", "%2F").Replace(u) }
	tests := []struct {
		name      string
		call      func() error
		path, raw string
	}{
		{"partijen by bsn", func() error {
			_, err := c.ListPartijen(ctx, ki.PartijListOptions{PartijIdentificatorObjectID: "999990123", PartijIdentificatorCodeSoortObjectID: "bsn",
				PartijIdentificatorCodeRegister: "brp", SoortPartij: ki.SoortPartijPersoon, IndicatieActief: upstream.Bool(true),
				Expand: []string{ki.ExpandDigitaleAdressen, ki.ExpandBetrokkenenHadKlantcontact}, Page: 2, PageSize: 50})
			return err
		}, "/partijen", "expand=digitaleAdressen,betrokkenen.hadKlantcontact&indicatieActief=true&page=2&pageSize=50" +
			"&partijIdentificator__codeRegister=brp&partijIdentificator__codeSoortObjectId=bsn&partijIdentificator__objectId=999990123&soortPartij=persoon"},
		{"partijen of a vestiging", func() error {
			_, err := c.ListPartijen(ctx, ki.PartijListOptions{PartijIdentificatorObjectID: "000012345678", SubIdentificatorVanObjectID: "90418275",
				IndicatieGeheimhouding: upstream.Bool(false), BezoekadresLand: "NL"})
			return err
		}, "/partijen", "bezoekadresLand=NL&indicatieGeheimhouding=false&partijIdentificator__objectId=000012345678&subIdentificatorVan__objectId=90418275"},
		{"klantcontacten of a bsn", func() error {
			_, err := c.ListKlantcontacten(ctx, ki.KlantcontactListOptions{HadBetrokkeneWasPartijPartijIdentificatorObjectID: "999990123",
				HadBetrokkeneWasPartijPartijIdentificatorCodeSoortObjectID: "bsn", Kanaal: "e-mail",
				Expand: []string{ki.ExpandHadBetrokkenen, ki.ExpandHadBetrokkenenWasPartij, ki.ExpandGingOverOnderwerpobjecten,
					ki.ExpandLeiddeTotInterneTaken, ki.ExpandOmvatteBijlagen}, PageSize: 100})
			return err
		}, "/klantcontacten", "expand=hadBetrokkenen,hadBetrokkenen.wasPartij,gingOverOnderwerpobjecten,leiddeTotInterneTaken,omvatteBijlagen" +
			"&hadBetrokkene__wasPartij__partijIdentificator__codeSoortObjectId=bsn&hadBetrokkene__wasPartij__partijIdentificator__objectId=999990123" +
			"&kanaal=e-mail&pageSize=100"},
		{"klantcontacten of a partij", func() error {
			_, err := c.ListKlantcontacten(ctx, ki.KlantcontactListOptions{HadBetrokkeneWasPartijURL: partijURL, Page: 1})
			return err
		}, "/klantcontacten", "hadBetrokkene__wasPartij__url=" + eurl(partijURL) + "&page=1"},
		{"klantcontacten about a zaak", func() error {
			_, err := c.ListKlantcontacten(ctx, ki.KlantcontactListOptions{OnderwerpobjectIdentificatorObjectID: zaakUUID,
				OnderwerpobjectIdentificatorCodeObjecttype: "zaak", OnderwerpobjectIdentificatorCodeRegister: "open-zaak",
				OnderwerpobjectIdentificatorCodeSoortObjectID: "uuid", PlaatsgevondenOp: "2025-05-01T10:00:00+02:00",
				Vertrouwelijk: upstream.Bool(false), LeiddeTotInterneTaken: upstream.Bool(true)})
			return err
		}, "/klantcontacten", "leiddeTotInterneTaken=true&onderwerpobject__onderwerpobjectidentificatorCodeObjecttype=zaak" +
			"&onderwerpobject__onderwerpobjectidentificatorCodeRegister=open-zaak&onderwerpobject__onderwerpobjectidentificatorCodeSoortObjectId=uuid" +
			"&onderwerpobject__onderwerpobjectidentificatorObjectId=" + zaakUUID + "&plaatsgevondenOp=2025-05-01T10%3A00%3A00%2B02%3A00&vertrouwelijk=false"},
		{"betrokkenen", func() error {
			_, err := c.ListBetrokkenen(ctx, ki.BetrokkeneListOptions{HadKlantcontactUUID: kcUUID, WasPartijURL: partijURL,
				Expand: []string{ki.ExpandDigitaleAdressen}})
			return err
		}, "/betrokkenen", "expand=digitaleAdressen&hadKlantcontact__uuid=" + kcUUID + "&wasPartij__url=" + eurl(partijURL)},
		{"onderwerpobjecten", func() error {
			_, err := c.ListOnderwerpobjecten(ctx, ki.OnderwerpobjectListOptions{KlantcontactURL: kcURL,
				OnderwerpobjectidentificatorCodeRegister: "open-zaak", Page: 3})
			return err
		}, "/onderwerpobjecten", "klantcontact__url=" + eurl(kcURL) + "&onderwerpobjectidentificatorCodeRegister=open-zaak&page=3"},
		{"digitale adressen of a partij (uuid)", func() error {
			_, err := c.ListDigitaleAdressen(ctx, ki.DigitaalAdresListOptions{VerstrektDoorPartijUUID: partijUUID,
				SoortDigitaalAdres: ki.SoortDigitaalAdresEmail, IsStandaardAdres: upstream.Bool(true),
				Expand: []string{ki.ExpandVerstrektDoorBetrokkeneHadKlantcontactLeiddeTotInterneTaken}})
			return err
		}, "/digitaleadressen", "expand=verstrektDoorBetrokkene.hadKlantcontact.leiddeTotInterneTaken&isStandaardAdres=true" +
			"&soortDigitaalAdres=email&verstrektDoorPartij__uuid=" + partijUUID},
		{"digitale adressen of a partij (url)", func() error {
			_, err := c.ListDigitaleAdressen(ctx, ki.DigitaalAdresListOptions{VerstrektDoorPartijURL: partijURL, VerificatieDatumGte: "2025-01-01"})
			return err
		}, "/digitaleadressen", "verificatieDatum__gte=2025-01-01&verstrektDoorPartij__url=" + eurl(partijURL)},
		{"interne taken of a klantcontact", func() error {
			_, err := c.ListInterneTaken(ctx, ki.InterneTaakListOptions{AanleidinggevendKlantcontactUUID: kcUUID, Status: ki.StatusTeVerwerken})
			return err
		}, "/internetaken", "aanleidinggevendKlantcontact__uuid=" + kcUUID + "&status=te_verwerken"},
		{"interne taken by url and actor", func() error {
			_, err := c.ListInterneTaken(ctx, ki.InterneTaakListOptions{AanleidinggevendKlantcontactURL: kcURL, ToegewezenAanActorUUID: actorUUID, PageSize: 500})
			return err
		}, "/internetaken", "aanleidinggevendKlantcontact__url=" + eurl(kcURL) + "&pageSize=500&toegewezenAanActor__uuid=" + actorUUID},
		{"actoren", func() error {
			_, err := c.ListActoren(ctx, ki.ActorListOptions{Naam: "Fatima Amrani", SoortActor: ki.SoortActorMedewerker, IndicatieActief: upstream.Bool(false)})
			return err
		}, "/actoren", "indicatieActief=false&naam=Fatima+Amrani&soortActor=medewerker"},
		{"actorklantcontacten", func() error {
			_, err := c.ListActorKlantcontacten(ctx, ki.ActorKlantcontactListOptions{ActorUUID: actorUUID, KlantcontactUUID: kcUUID})
			return err
		}, "/actorklantcontacten", "actor__uuid=" + actorUUID + "&klantcontact__uuid=" + kcUUID},
		{"bijlagen", func() error {
			_, err := c.ListBijlagen(ctx, ki.BijlageListOptions{KlantcontactUUID: kcUUID, BijlageidentificatorObjectID: "doc-1"})
			return err
		}, "/bijlagen", "bijlageidentificatorObjectId=doc-1&klantcontact__uuid=" + kcUUID},
		{"partij by url with expand", func() error {
			_, err := c.GetPartij(ctx, s.Base+"/partijen/"+partijUUID, []string{ki.ExpandBetrokkenen, ki.ExpandCategorieRelaties})
			return err
		}, "/partijen/" + partijUUID, "expand=betrokkenen,categorieRelaties"},
		{"klantcontact by uuid", func() error {
			_, err := c.GetKlantcontact(ctx, kcUUID, nil)
			return err
		}, "/klantcontacten/" + kcUUID, ""},
		{"betrokkene with its adressen", func() error {
			_, err := c.GetBetrokkene(ctx, betrUUID, []string{ki.ExpandDigitaleAdressen})
			return err
		}, "/betrokkenen/" + betrUUID, "expand=digitaleAdressen"},
		{"digitaal adres with its betrokkene", func() error {
			_, err := c.GetDigitaalAdres(ctx, daUUID, []string{ki.ExpandVerstrektDoorBetrokkene})
			return err
		}, "/digitaleadressen/" + daUUID, "expand=verstrektDoorBetrokkene"},
		{"onderwerpobject", func() error { _, err := c.GetOnderwerpobject(ctx, ondUUID); return err }, "/onderwerpobjecten/" + ondUUID, ""},
		{"interne taak", func() error { _, err := c.GetInterneTaak(ctx, taakUUID); return err }, "/internetaken/" + taakUUID, ""},
		{"actor", func() error { _, err := c.GetActor(ctx, actorUUID); return err }, "/actoren/" + actorUUID, ""},
		{"actorklantcontact", func() error { _, err := c.GetActorKlantcontact(ctx, "x"); return err }, "/actorklantcontacten/x", ""},
		{"bijlage", func() error { _, err := c.GetBijlage(ctx, bijlUUID); return err }, "/bijlagen/" + bijlUUID, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.call(); err != nil {
				t.Fatal(err)
			}
			r := s.Last(t)
			if r.Method != http.MethodGet || r.Path != basePath+tc.path {
				t.Errorf("request %s %s, want GET %s", r.Method, r.Path, basePath+tc.path)
			}
			if r.RawQuery != tc.raw {
				t.Errorf("query\n got  %s\n want %s", r.RawQuery, tc.raw)
			}
			if got := r.Header.Get("Authorization"); got != "Token "+token {
				t.Errorf("Authorization %q, want the token", got)
			}
		})
	}
}

// optionTypes maps the list endpoints to their option structs.
var optionTypes = map[string]any{
	"/partijen":            ki.PartijListOptions{},
	"/klantcontacten":      ki.KlantcontactListOptions{},
	"/betrokkenen":         ki.BetrokkeneListOptions{},
	"/onderwerpobjecten":   ki.OnderwerpobjectListOptions{},
	"/digitaleadressen":    ki.DigitaalAdresListOptions{},
	"/internetaken":        ki.InterneTaakListOptions{},
	"/actoren":             ki.ActorListOptions{},
	"/actorklantcontacten": ki.ActorKlantcontactListOptions{},
	"/bijlagen":            ki.BijlageListOptions{},
}

func qTags(v any) []string {
	var out []string
	rt := reflect.TypeOf(v)
	for i := range rt.NumField() {
		if q := rt.Field(i).Tag.Get("q"); q != "" {
			out = append(out, q)
		}
	}
	sort.Strings(out)
	return out
}

func queryParams(op *openapi3.Operation) (names []string, enums map[string][]string) {
	enums = map[string][]string{}
	for _, p := range op.Parameters {
		if p.Value.In != openapi3.ParameterInQuery {
			continue
		}
		names = append(names, p.Value.Name)
		if s := p.Value.Schema.Value; s.Items != nil {
			for _, e := range s.Items.Value.Enum {
				enums[p.Value.Name] = append(enums[p.Value.Name], e.(string))
			}
		}
	}
	sort.Strings(names)
	return names, enums
}

// TestOptionsAreTheSpecsParameters: every option is a query parameter of
// its endpoint, under its exact name, and every parameter has an option.
func TestOptionsAreTheSpecsParameters(t *testing.T) {
	spec := spectest.Load(t, specFile)
	for path, opts := range optionTypes {
		item := spec.Doc.Paths.Value(path)
		if item == nil || item.Get == nil {
			t.Errorf("spec has no GET %s", path)
			continue
		}
		params, _ := queryParams(item.Get)
		if tags := qTags(opts); !slices.Equal(tags, params) {
			t.Errorf("%T\n has  %v\n spec %v", opts, tags, params)
		}
	}
}

// TestExpandConstantsAreTheSpecs: the Expand constants are exactly the
// expand values each endpoint accepts.
func TestExpandConstantsAreTheSpecs(t *testing.T) {
	spec := spectest.Load(t, specFile)
	want := map[string][]string{
		"/klantcontacten": {ki.ExpandHadBetrokkenen, ki.ExpandHadBetrokkenenWasPartij, ki.ExpandHadBetrokkenenDigitaleAdressen,
			ki.ExpandGingOverOnderwerpobjecten, ki.ExpandLeiddeTotInterneTaken, ki.ExpandOmvatteBijlagen},
		"/partijen":    {ki.ExpandBetrokkenen, ki.ExpandBetrokkenenHadKlantcontact, ki.ExpandCategorieRelaties, ki.ExpandDigitaleAdressen},
		"/betrokkenen": {ki.ExpandDigitaleAdressen},
		"/digitaleadressen": {ki.ExpandVerstrektDoorBetrokkene, ki.ExpandVerstrektDoorBetrokkeneHadKlantcontact,
			ki.ExpandVerstrektDoorBetrokkeneHadKlantcontactLeiddeTotInterneTaken},
	}
	for path, w := range want {
		for _, p := range []string{path, path + "/{uuid}"} {
			_, enums := queryParams(spec.Doc.Paths.Value(p).Get)
			got := enums["expand"]
			sort.Strings(got)
			w = slices.Sorted(slices.Values(w))
			if !slices.Equal(got, w) {
				t.Errorf("GET %s expand: spec %v, constants %v", p, got, w)
			}
		}
	}
}

func expandedKlantcontact() string {
	return strings.ReplaceAll(`{
  "uuid": "`+kcUUID+`", "url": "%B/klantcontacten/`+kcUUID+`",
  "gingOverOnderwerpobjecten": [{"uuid": "`+ondUUID+`", "url": "%B/onderwerpobjecten/`+ondUUID+`"}],
  "hadBetrokkenActoren": [{"uuid": "`+actorUUID+`", "url": "%B/actoren/`+actorUUID+`", "naam": "Fatima Amrani", "soortActor": "medewerker",
    "indicatieActief": true, "actoridentificator": {"objectId": "famrani", "codeObjecttype": "mdw", "codeRegister": "ad", "codeSoortObjectId": "gebruikersnaam"},
    "actorIdentificatie": {"functie": "KCC-medewerker", "emailadres": "f.amrani@gemeente.example", "telefoonnummer": "0401234567"}}],
  "omvatteBijlagen": [{"uuid": "`+bijlUUID+`", "url": "%B/bijlagen/`+bijlUUID+`"}],
  "hadBetrokkenen": [{"uuid": "`+betrUUID+`", "url": "%B/betrokkenen/`+betrUUID+`"}],
  "leiddeTotInterneTaken": [{"uuid": "`+taakUUID+`", "url": "%B/internetaken/`+taakUUID+`"}],
  "nummer": "0000000042", "referentienummer": "KC-42", "kanaal": "telefoon", "onderwerp": "Vraag over de WOZ-beschikking",
  "inhoud": "Burger belt over de hoogte van de WOZ-waarde.", "reactie": "Uitgelegd; bezwaar mogelijk.", "indicatieContactGelukt": true,
  "hoofdOnderwerpType": "http://oz.example/catalogi/api/v1/zaaktypen/0d2b0d0e-0000-4000-8000-000000000009", "verdereActieOndernomen": true,
  "taal": "nld", "vertrouwelijk": false, "plaatsgevondenOp": "2025-05-01T10:00:00+02:00", "metadata": {"bron": "kcc"},
  "_expand": {
    "hadBetrokkenen": [{
      "uuid": "`+betrUUID+`", "url": "%B/betrokkenen/`+betrUUID+`",
      "wasPartij": {"uuid": "`+partijUUID+`", "url": "%B/partijen/`+partijUUID+`"},
      "hadKlantcontact": {"uuid": "`+kcUUID+`", "url": "%B/klantcontacten/`+kcUUID+`"},
      "digitaleAdressen": [{"uuid": "`+daUUID+`", "url": "%B/digitaleadressen/`+daUUID+`"}],
      "bezoekadres": null,
      "correspondentieadres": {"straatnaam": "Kerkstraat", "huisnummer": 12, "huisnummertoevoeging": "A", "postcode": "5611 AB", "stad": "Eindhoven",
        "adresregel1": "", "adresregel2": "", "adresregel3": "", "land": "NL"},
      "contactnaam": {"voorletters": "J.", "voornaam": "Jan", "voorvoegselAchternaam": "de", "achternaam": "Vries"},
      "volledigeNaam": "Jan de Vries", "rol": "klant", "organisatienaam": "", "initiator": true,
      "_expand": {
        "wasPartij": `+persoonPartij+`,
        "digitaleAdressen": [`+digitaalAdres+`]
      }
    }],
    "gingOverOnderwerpobjecten": [{"uuid": "`+ondUUID+`", "url": "%B/onderwerpobjecten/`+ondUUID+`",
      "klantcontact": {"uuid": "`+kcUUID+`", "url": "%B/klantcontacten/`+kcUUID+`"}, "wasKlantcontact": null,
      "onderwerpobjectidentificator": {"objectId": "`+zaakUUID+`", "codeObjecttype": "zaak", "codeRegister": "open-zaak", "codeSoortObjectId": "uuid"}}],
    "leiddeTotInterneTaken": [{"uuid": "`+taakUUID+`", "url": "%B/internetaken/`+taakUUID+`", "nummer": "0000000007", "referentienummer": null,
      "gevraagdeHandeling": "Terugbellen over bezwaar", "aanleidinggevendKlantcontact": {"uuid": "`+kcUUID+`", "url": "%B/klantcontacten/`+kcUUID+`"},
      "toegewezenAanActor": {"uuid": "`+actorUUID+`", "url": "%B/actoren/`+actorUUID+`"},
      "toegewezenAanActoren": [{"uuid": "`+actorUUID+`", "url": "%B/actoren/`+actorUUID+`"}],
      "toelichting": "Graag voor vrijdag", "status": "te_verwerken", "toegewezenOp": "2025-05-01T10:05:00+02:00", "afgehandeldOp": null}],
    "omvatteBijlagen": [{"uuid": "`+bijlUUID+`", "url": "%B/bijlagen/`+bijlUUID+`",
      "wasBijlageVanKlantcontact": {"uuid": "`+kcUUID+`", "url": "%B/klantcontacten/`+kcUUID+`"},
      "bijlageidentificator": {"objectId": "a1b2c3d4-0000-4000-8000-00000000000d", "codeObjecttype": "enkelvoudiginformatieobject",
        "codeRegister": "open-zaak", "codeSoortObjectId": "uuid"}}]
  }
}`, "%B", sb)
}

const persoonPartij = `{
  "uuid": "` + partijUUID + `", "url": "%B/partijen/` + partijUUID + `", "nummer": "0000000123", "interneNotitie": "",
  "betrokkenen": [{"uuid": "` + betrUUID + `", "url": "%B/betrokkenen/` + betrUUID + `"}], "categorieRelaties": [],
  "digitaleAdressen": [{"uuid": "` + daUUID + `", "url": "%B/digitaleadressen/` + daUUID + `"}],
  "voorkeursDigitaalAdres": {"uuid": "` + daUUID + `", "url": "%B/digitaleadressen/` + daUUID + `"},
  "vertegenwoordigden": [], "rekeningnummers": [], "voorkeursRekeningnummer": null,
  "partijIdentificatoren": [{"uuid": "` + piUUID + `", "url": "%B/partij-identificatoren/` + piUUID + `",
    "identificeerdePartij": {"uuid": "` + partijUUID + `", "url": "%B/partijen/` + partijUUID + `"}, "anderePartijIdentificator": "",
    "partijIdentificator": {"codeObjecttype": "natuurlijk_persoon", "codeSoortObjectId": "bsn", "objectId": "999990123", "codeRegister": "brp"},
    "subIdentificatorVan": null}],
  "soortPartij": "persoon", "indicatieGeheimhouding": false, "voorkeurstaal": "nld", "indicatieActief": true,
  "bezoekadres": null, "correspondentieadres": null,
  "partijIdentificatie": {"contactnaam": {"voorletters": "J.", "voornaam": "Jan", "voorvoegselAchternaam": "de", "achternaam": "Vries"},
    "volledigeNaam": "Jan de Vries"}
}`

const digitaalAdres = `{"uuid": "` + daUUID + `", "url": "%B/digitaleadressen/` + daUUID + `", "verstrektDoorBetrokkene": null,
  "verstrektDoorPartij": {"uuid": "` + partijUUID + `", "url": "%B/partijen/` + partijUUID + `"}, "adres": "jan.devries@example.nl",
  "soortDigitaalAdres": "email", "isStandaardAdres": true, "omschrijving": "privé", "referentie": "portaal", "verificatieDatum": "2025-02-03"}`

func TestDecodeExpandedKlantcontact(t *testing.T) {
	s, c := setup(t)
	body := expandedKlantcontact()
	conforms(t, "GET", "/klantcontacten/"+kcUUID+"?expand=hadBetrokkenen.wasPartij,hadBetrokkenen.digitaleAdressen", 200, body)
	// The spec leaves a betrokkene's own _expand open; its parts on their own:
	conforms(t, "GET", "/partijen/"+partijUUID, 200, strings.ReplaceAll(persoonPartij, "%B", sb))
	conforms(t, "GET", "/digitaleadressen/"+daUUID, 200, strings.ReplaceAll(digitaalAdres, "%B", sb))
	s.JSON("GET /klantcontacten/{uuid}", 200, body)
	kc, err := c.GetKlantcontact(context.Background(), kcUUID, []string{ki.ExpandHadBetrokkenenWasPartij, ki.ExpandHadBetrokkenenDigitaleAdressen,
		ki.ExpandGingOverOnderwerpobjecten, ki.ExpandLeiddeTotInterneTaken, ki.ExpandOmvatteBijlagen})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Last(t).RawQuery; got != "expand=hadBetrokkenen.wasPartij,hadBetrokkenen.digitaleAdressen,gingOverOnderwerpobjecten,leiddeTotInterneTaken,omvatteBijlagen" {
		t.Errorf("query %s", got)
	}
	if kc.URL != kcURL || kc.Kanaal != "telefoon" || kc.Referentienummer != "KC-42" || kc.Reactie == "" || !*kc.IndicatieContactGelukt ||
		*kc.Vertrouwelijk || !*kc.VerdereActieOndernomen || kc.Metadata["bron"] != "kcc" || !strings.Contains(kc.HoofdOnderwerpType, "/zaaktypen/") {
		t.Errorf("klantcontact %+v", kc)
	}
	if len(kc.HadBetrokkenen) != 1 || kc.HadBetrokkenen[0].UUID != betrUUID || kc.GingOverOnderwerpobjecten[0].URL != sb+"/onderwerpobjecten/"+ondUUID ||
		kc.LeiddeTotInterneTaken[0].UUID != taakUUID || kc.OmvatteBijlagen[0].UUID != bijlUUID {
		t.Errorf("foreign keys %+v", kc)
	}
	if a := kc.HadBetrokkenActoren; len(a) != 1 || a[0].Naam != "Fatima Amrani" || a[0].SoortActor != ki.SoortActorMedewerker ||
		a[0].ActorIdentificatie == nil || a[0].ActorIdentificatie.Functie != "KCC-medewerker" || a[0].Actoridentificator.ObjectID != "famrani" {
		t.Errorf("actoren %+v", a)
	}
	e := kc.Expand
	if e == nil || len(e.HadBetrokkenen) != 1 || len(e.GingOverOnderwerpobjecten) != 1 || len(e.LeiddeTotInterneTaken) != 1 || len(e.OmvatteBijlagen) != 1 {
		t.Fatalf("_expand %+v", e)
	}
	b := e.HadBetrokkenen[0]
	if b.WasPartij.UUID != partijUUID || b.HadKlantcontact.URL != kcURL || b.Rol != ki.RolKlant || !*b.Initiator || b.VolledigeNaam != "Jan de Vries" ||
		b.Contactnaam.VoorvoegselAchternaam != "de" || b.Bezoekadres != nil || b.Correspondentieadres.Postcode != "5611 AB" || *b.Correspondentieadres.Huisnummer != 12 {
		t.Errorf("betrokkene %+v", b)
	}
	if b.Expand == nil || b.Expand.WasPartij == nil || len(b.Expand.DigitaleAdressen) != 1 {
		t.Fatalf("betrokkene _expand %+v", b.Expand)
	}
	p := b.Expand.WasPartij
	if p.SoortPartij != ki.SoortPartijPersoon || p.PartijIdentificatie.VolledigeNaam != "Jan de Vries" || p.PartijIdentificatie.Contactnaam.Achternaam != "Vries" ||
		p.Identificator("bsn").ObjectID != "999990123" || p.Identificator("kvk_nummer") != nil || p.VoorkeursDigitaalAdres.UUID != daUUID || p.Nummer != "0000000123" {
		t.Errorf("partij %+v", p)
	}
	if da := b.Expand.DigitaleAdressen[0]; da.Adres != "jan.devries@example.nl" || da.SoortDigitaalAdres != ki.SoortDigitaalAdresEmail ||
		!*da.IsStandaardAdres || da.VerstrektDoorBetrokkene != nil || da.VerstrektDoorPartij.UUID != partijUUID || da.VerificatieDatum != "2025-02-03" {
		t.Errorf("digitaal adres %+v", da)
	}
	if o := e.GingOverOnderwerpobjecten[0]; o.Klantcontact.UUID != kcUUID || o.WasKlantcontact != nil ||
		*o.Onderwerpobjectidentificator != (ki.Identificator{ObjectID: zaakUUID, CodeObjecttype: "zaak", CodeRegister: "open-zaak", CodeSoortObjectID: "uuid"}) {
		t.Errorf("onderwerpobject %+v", o)
	}
	if tk := e.LeiddeTotInterneTaken[0]; tk.Status != ki.StatusTeVerwerken || tk.Referentienummer != "" || tk.AfgehandeldOp != "" ||
		tk.AanleidinggevendKlantcontact.UUID != kcUUID || len(tk.Actoren()) != 1 || tk.Actoren()[0].UUID != actorUUID {
		t.Errorf("interne taak %+v", tk)
	}
	if bl := e.OmvatteBijlagen[0]; bl.WasBijlageVanKlantcontact.UUID != kcUUID || bl.Bijlageidentificator.CodeObjecttype != "enkelvoudiginformatieobject" {
		t.Errorf("bijlage %+v", bl)
	}
}

func TestDecodePartijenOfEverySoort(t *testing.T) {
	s, c := setup(t)
	organisatie := `{"uuid": "` + orgUUID + `", "url": "%B/partijen/` + orgUUID + `", "nummer": null, "interneNotitie": "", "betrokkenen": [],
  "categorieRelaties": [{"uuid": "c1b2c3d4-0000-4000-8000-00000000000e", "url": "%B/categorie-relaties/c1b2c3d4-0000-4000-8000-00000000000e",
    "categorieNaam": "Ondernemer", "beginDatum": "2024-01-01", "eindDatum": null}],
  "digitaleAdressen": [], "voorkeursDigitaalAdres": null, "vertegenwoordigden": [], "rekeningnummers": [], "voorkeursRekeningnummer": null,
  "partijIdentificatoren": [{"uuid": "` + piUUID + `", "url": "%B/partij-identificatoren/` + piUUID + `",
    "identificeerdePartij": {"uuid": "` + orgUUID + `", "url": "%B/partijen/` + orgUUID + `"}, "anderePartijIdentificator": "",
    "partijIdentificator": {"codeObjecttype": "niet_natuurlijk_persoon", "codeSoortObjectId": "kvk_nummer", "objectId": "90418275", "codeRegister": "hr"},
    "subIdentificatorVan": null}],
  "soortPartij": "organisatie", "indicatieGeheimhouding": null, "voorkeurstaal": "nld", "indicatieActief": true,
  "bezoekadres": {"nummeraanduidingId": "0772200000012345", "straatnaam": "", "huisnummer": null, "huisnummertoevoeging": "", "stad": "",
    "adresregel1": "Industrieweg 4", "adresregel2": "5555 AA Valkenswaard", "adresregel3": "", "land": "NL"},
  "correspondentieadres": null,
  "partijIdentificatie": {"naam": "Kempenhof Bouw en Onderhoud B.V."}}`
	contactpersoon := `{"uuid": "` + cpUUID + `", "url": "%B/partijen/` + cpUUID + `", "nummer": "0000000200", "interneNotitie": "", "betrokkenen": [],
  "categorieRelaties": [], "digitaleAdressen": [], "voorkeursDigitaalAdres": null, "vertegenwoordigden": [], "rekeningnummers": [],
  "voorkeursRekeningnummer": null, "partijIdentificatoren": [], "soortPartij": "contactpersoon", "indicatieGeheimhouding": false,
  "voorkeurstaal": "nld", "indicatieActief": true, "bezoekadres": null, "correspondentieadres": null,
  "partijIdentificatie": {"uuid": "` + cpUUID + `", "werkteVoorPartij": {"uuid": "` + orgUUID + `", "url": "%B/partijen/` + orgUUID + `"},
    "contactnaam": {"voorletters": "P.", "voornaam": "Petra", "voorvoegselAchternaam": "", "achternaam": "Smits"}, "volledigeNaam": "Petra Smits"}}`
	page := strings.ReplaceAll(`{"count": 3, "next": null, "previous": null, "results": [`+persoonPartij+`, `+organisatie+`, `+contactpersoon+`]}`, "%B", sb)
	conforms(t, "GET", "/partijen?soortPartij=persoon", 200, page)
	s.JSON("GET /partijen", 200, page)
	p, err := c.ListPartijen(context.Background(), ki.PartijListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Count != 3 || p.HasNext() || len(p.Results) != 3 {
		t.Fatalf("page %+v", p)
	}
	per, org, cp := p.Results[0], p.Results[1], p.Results[2]
	if pi := per.PartijIdentificatie; pi.VolledigeNaam != "Jan de Vries" || pi.Contactnaam.Voornaam != "Jan" || pi.Naam != "" || pi.WerkteVoorPartij != nil {
		t.Errorf("persoon %+v", pi)
	}
	if pi := org.PartijIdentificatie; pi.Naam != "Kempenhof Bouw en Onderhoud B.V." || pi.Contactnaam != nil || pi.VolledigeNaam != "" ||
		org.Nummer != "" || org.IndicatieGeheimhouding != nil || org.Identificator("kvk_nummer").CodeRegister != "hr" ||
		org.Bezoekadres.Adresregel1 != "Industrieweg 4" || org.Bezoekadres.Huisnummer != nil ||
		len(org.CategorieRelaties) != 1 || org.CategorieRelaties[0].CategorieNaam != "Ondernemer" || org.CategorieRelaties[0].EindDatum != "" {
		t.Errorf("organisatie %+v %+v", org, pi)
	}
	if pi := cp.PartijIdentificatie; pi.UUID != cpUUID || pi.WerkteVoorPartij.UUID != orgUUID || pi.Contactnaam.Achternaam != "Smits" || pi.VolledigeNaam != "Petra Smits" {
		t.Errorf("contactpersoon %+v", pi)
	}
}

// TestLenientDecoding: parts that vary between providers never fail a
// resource; the rest of it still decodes.
func TestLenientDecoding(t *testing.T) {
	cases := []struct {
		name, body string
		check      func(t *testing.T, kc *ki.Klantcontact)
	}{
		{"references as URL strings", `{"uuid":"k","hadBetrokkenen":["` + sb + `/betrokkenen/b1"],"_expand":{"leiddeTotInterneTaken":[
			{"uuid":"t","aanleidinggevendKlantcontact":"` + kcURL + `","toegewezenAanActoren":[{"uuid":"a"},"` + sb + `/actoren/a2", 7]}]}}`,
			func(t *testing.T, kc *ki.Klantcontact) {
				tk := kc.Expand.LeiddeTotInterneTaken[0]
				if kc.HadBetrokkenen[0].URL != sb+"/betrokkenen/b1" || tk.AanleidinggevendKlantcontact.URL != kcURL ||
					len(tk.ToegewezenAanActoren) != 3 || tk.ToegewezenAanActoren[1].URL != sb+"/actoren/a2" || tk.ToegewezenAanActoren[2] != (ki.ForeignKey{}) {
					t.Errorf("%+v %+v", kc, tk)
				}
			}},
		{"expand parts of another shape", `{"uuid":"k","kanaal":"balie","_expand":{"hadBetrokkenen":"x","gingOverOnderwerpobjecten":[{"uuid":"o"},12,null,
			{"uuid":5}],"leiddeTotInterneTaken":{"uuid":"t"},"omvatteBijlagen":null,"onbekend":[1]}}`,
			func(t *testing.T, kc *ki.Klantcontact) {
				e := kc.Expand
				if kc.Kanaal != "balie" || e == nil || e.HadBetrokkenen != nil || len(e.GingOverOnderwerpobjecten) != 1 ||
					e.GingOverOnderwerpobjecten[0].UUID != "o" || e.LeiddeTotInterneTaken != nil || e.OmvatteBijlagen != nil {
					t.Errorf("%+v", e)
				}
			}},
		{"_expand not an object", `{"uuid":"k","_expand":[1,2]}`, func(t *testing.T, kc *ki.Klantcontact) {
			if kc.UUID != "k" || kc.Expand == nil || kc.Expand.HadBetrokkenen != nil {
				t.Errorf("%+v", kc)
			}
		}},
		{"nested expand of odd shapes", `{"_expand":{"hadBetrokkenen":[{"uuid":"b","_expand":{"wasPartij":"p","digitaleAdressen":{"a":1},
			"hadKlantcontact":{"uuid":"k2","_expand":{"leiddeTotInterneTaken":[{"status":"verwerkt"}]}}}},
			{"uuid":"b2","_expand":{"wasPartij":{"soortPartij":"persoon","partijIdentificatie":"Jan"}}},
			{"uuid":"b3","_expand":{"wasPartij":{"soortPartij":"organisatie","partijIdentificatie":{"naam":["x"],"contactnaam":"y","volledigeNaam":"Z"}}}}]}}`,
			func(t *testing.T, kc *ki.Klantcontact) {
				bs := kc.Expand.HadBetrokkenen
				if len(bs) != 3 || bs[0].Expand.WasPartij != nil || bs[0].Expand.DigitaleAdressen != nil ||
					bs[0].Expand.HadKlantcontact.Expand.LeiddeTotInterneTaken[0].Status != ki.StatusVerwerkt {
					t.Fatalf("%+v", bs)
				}
				if p := bs[1].Expand.WasPartij; p == nil || p.SoortPartij != "persoon" || p.PartijIdentificatie == nil || *p.PartijIdentificatie != (ki.PartijIdentificatie{}) {
					t.Errorf("string identificatie %+v", p)
				}
				if pi := bs[2].Expand.WasPartij.PartijIdentificatie; pi.Naam != "" || pi.Contactnaam != nil || pi.VolledigeNaam != "Z" {
					t.Errorf("odd identificatie %+v", pi)
				}
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var kc ki.Klantcontact
			if err := json.Unmarshal([]byte(tc.body), &kc); err != nil {
				t.Fatalf("decoding failed: %v", err)
			}
			tc.check(t, &kc)
			// What decoded re-encodes to what decodes the same.
			out, _ := json.Marshal(&kc)
			var again ki.Klantcontact
			if err := json.Unmarshal(out, &again); err != nil || !reflect.DeepEqual(normal(t, &kc), normal(t, &again)) {
				t.Errorf("not stable through JSON: %v\n%s", err, out)
			}
		})
	}
	// Scalar fields stay strict: a wrong type is a decode error.
	var kc ki.Klantcontact
	if err := json.Unmarshal([]byte(`{"kanaal":5}`), &kc); err == nil {
		t.Error("a number as kanaal decoded")
	}
}

func normal(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	_ = json.Unmarshal(b, &out)
	return out
}

func TestRefTo(t *testing.T) {
	for in, want := range map[string]string{
		kcURL: kcUUID, kcURL + "/": kcUUID, kcURL + "?expand=x": kcUUID, kcUUID: kcUUID, "": "",
	} {
		if got := ki.RefTo(in); *got != (ki.ForeignKey{UUID: want}) {
			t.Errorf("RefTo(%q) = %+v, want uuid %s", in, got, want)
		}
	}
}

func TestPagination(t *testing.T) {
	s, c := setup(t)
	s.Mux.HandleFunc("GET "+basePath+"/klantcontacten", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Query().Get("page") == "2" {
			_, _ = w.Write([]byte(`{"count":3,"next":null,"previous":"` + s.Base + `/klantcontacten?page=1","results":[{"uuid":"k3"}]}`))
			return
		}
		_, _ = w.Write([]byte(`{"count":3,"next":"` + s.Base + `/klantcontacten?hadBetrokkene__wasPartij__uuid=` + partijUUID +
			`&page=2","previous":null,"results":[{"uuid":"k1"},{"uuid":"k2"}]}`))
	})
	ctx := context.Background()
	first, err := c.ListKlantcontacten(ctx, ki.KlantcontactListOptions{HadBetrokkeneWasPartijUUID: partijUUID})
	if err != nil {
		t.Fatal(err)
	}
	if !first.HasNext() || first.Count != 3 || len(first.Results) != 2 {
		t.Fatalf("first page %+v", first)
	}
	all, err := upstream.All(ctx, c.Upstream(), first, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 3 || all[2].UUID != "k3" {
		t.Errorf("all %+v", all)
	}
	reqs := s.Requests()
	if len(reqs) != 2 || reqs[1].RawQuery != "hadBetrokkene__wasPartij__uuid="+partijUUID+"&page=2" || reqs[1].Header.Get("Authorization") != "Token "+token {
		t.Errorf("requests %+v", reqs)
	}
}

func TestErrors(t *testing.T) {
	s, c := setup(t)
	problem := func(status int, code, extra string) string {
		return `{"type":"https://ok2.example/ref/fouten/` + code + `/","code":"` + code + `","title":"Fout.","status":` +
			strconv.Itoa(status) + `,"detail":"` + code + `","instance":"urn:uuid:0"` + extra + `}`
	}
	respond := func(pattern string, status int, body string) {
		s.Mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/problem+json")
			w.WriteHeader(status)
			_, _ = w.Write([]byte(body))
		})
	}
	respond("GET "+basePath+"/partijen/{uuid}", 404, problem(404, "not_found", ""))
	respond("GET "+basePath+"/klantcontacten", 401, problem(401, "not_authenticated", ""))
	respond("GET "+basePath+"/actoren", 503, problem(503, "unavailable", ""))
	respond("POST "+basePath+"/klantcontacten", 400, problem(400, "invalid",
		`,"invalidParams":[{"name":"kanaal","code":"required","reason":"Dit veld is vereist."}]`))
	s.JSON("GET /bijlagen", 200, `{"count":1,"next":null,"previous":null,"results":"geen lijst"}`)
	ctx := context.Background()
	check := func(err error, op string, kind upstream.Kind, status int) *upstream.Error {
		t.Helper()
		var ue *upstream.Error
		if !errors.As(err, &ue) {
			t.Fatalf("%s: %T %v, want an *upstream.Error", op, err, err)
		}
		if ue.Op != op || ue.Kind != kind || ue.Status != status || ue.Source != "klantinteracties" {
			t.Errorf("%s: got op %q kind %v status %d source %q", op, ue.Op, ue.Kind, ue.Status, ue.Source)
		}
		return ue
	}
	_, err := c.GetPartij(ctx, partijUUID, nil)
	if ue := check(err, "klantinteracties.GetPartij", upstream.NotFound, 404); ue.Code != "not_found" {
		t.Errorf("code %q", ue.Code)
	}
	_, err = c.ListKlantcontacten(ctx, ki.KlantcontactListOptions{})
	check(err, "klantinteracties.ListKlantcontacten", upstream.Forbidden, 401)
	_, err = c.ListActoren(ctx, ki.ActorListOptions{})
	check(err, "klantinteracties.ListActoren", upstream.Unavailable, 503)
	_, err = c.CreateKlantcontact(ctx, &ki.Klantcontact{Onderwerp: "x"})
	if ue := check(err, "klantinteracties.CreateKlantcontact", upstream.BadRequest, 400); len(ue.InvalidParams) != 1 || ue.InvalidParams[0].Name != "kanaal" {
		t.Errorf("invalid params %+v", ue.InvalidParams)
	}
	_, err = c.ListBijlagen(ctx, ki.BijlageListOptions{})
	check(err, "klantinteracties.ListBijlagen", upstream.Decode, 200)
}

func TestWrites(t *testing.T) {
	s, c := setup(t)
	ctx := context.Background()
	kcAnswer := strings.ReplaceAll(`{"uuid":"`+kcUUID+`","url":"%B/klantcontacten/`+kcUUID+`","gingOverOnderwerpobjecten":[],"hadBetrokkenActoren":[],
		"omvatteBijlagen":[],"hadBetrokkenen":[],"leiddeTotInterneTaken":[],"nummer":"0000000043","referentienummer":null,"kanaal":"telefoon",
		"onderwerp":"Afvalpas kwijt","inhoud":"Nieuwe pas aangevraagd.","reactie":"","indicatieContactGelukt":true,"hoofdOnderwerpType":"",
		"verdereActieOndernomen":false,"taal":"nld","vertrouwelijk":false,"plaatsgevondenOp":"2025-05-01T10:00:00Z","metadata":{}}`, "%B", sb)
	s.JSON("POST /klantcontacten", 201, kcAnswer)

	in := &ki.Klantcontact{Kanaal: "telefoon", Onderwerp: "Afvalpas kwijt", Inhoud: "Nieuwe pas aangevraagd.", IndicatieContactGelukt: upstream.Bool(true),
		Taal: "nld", Vertrouwelijk: upstream.Bool(false), PlaatsgevondenOp: "2025-05-01T10:00:00Z"}
	kc, err := c.CreateKlantcontact(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	r := s.Last(t)
	wantBody := `{"kanaal":"telefoon","onderwerp":"Afvalpas kwijt","inhoud":"Nieuwe pas aangevraagd.","indicatieContactGelukt":true,"taal":"nld",` +
		`"vertrouwelijk":false,"plaatsgevondenOp":"2025-05-01T10:00:00Z"}`
	if r.Method != "POST" || r.Path != basePath+"/klantcontacten" || r.Body != wantBody || r.Header.Get("Content-Type") != "application/json" ||
		r.Header.Get("Authorization") != "Token "+token {
		t.Errorf("request %s %s %s %v", r.Method, r.Path, r.Body, r.Header)
	}
	validRequest(t, "Klantcontact", r.Body)
	conforms(t, "POST", "/klantcontacten", 201, kcAnswer)
	if kc.UUID != kcUUID || kc.Nummer != "0000000043" || kc.Referentienummer != "" {
		t.Errorf("answer %+v", kc)
	}

	s.JSON("POST /betrokkenen", 201, `{"uuid":"`+betrUUID+`"}`)
	_, err = c.CreateBetrokkene(ctx, &ki.Betrokkene{HadKlantcontact: ki.RefTo(kc.URL), WasPartij: ki.RefTo(partijURL), Rol: ki.RolKlant,
		Initiator: upstream.Bool(false), Contactnaam: &ki.Contactnaam{Voornaam: "Jan", Achternaam: "Vries", VoorvoegselAchternaam: "de"}})
	if err != nil {
		t.Fatal(err)
	}
	wantBody = `{"wasPartij":{"uuid":"` + partijUUID + `"},"hadKlantcontact":{"uuid":"` + kcUUID + `"},` +
		`"contactnaam":{"voornaam":"Jan","voorvoegselAchternaam":"de","achternaam":"Vries"},"rol":"klant","initiator":false}`
	if r := s.Last(t); r.Path != basePath+"/betrokkenen" || r.Body != wantBody {
		t.Errorf("betrokkene %s\n got  %s\n want %s", r.Path, r.Body, wantBody)
	}
	validRequest(t, "Betrokkene", s.Last(t).Body)

	s.JSON("POST /onderwerpobjecten", 201, `{"uuid":"`+ondUUID+`"}`)
	zaak := &ki.Identificator{ObjectID: zaakUUID, CodeObjecttype: "zaak", CodeRegister: "open-zaak", CodeSoortObjectID: "uuid"}
	if _, err := c.CreateOnderwerpobject(ctx, &ki.Onderwerpobject{Klantcontact: ki.RefTo(kcUUID), Onderwerpobjectidentificator: zaak}); err != nil {
		t.Fatal(err)
	}
	wantBody = `{"klantcontact":{"uuid":"` + kcUUID + `"},"onderwerpobjectidentificator":{"codeObjecttype":"zaak","codeSoortObjectId":"uuid",` +
		`"objectId":"` + zaakUUID + `","codeRegister":"open-zaak"}}`
	if r := s.Last(t); r.Path != basePath+"/onderwerpobjecten" || r.Body != wantBody {
		t.Errorf("onderwerpobject %s\n got  %s\n want %s", r.Path, r.Body, wantBody)
	}
	validRequest(t, "Onderwerpobject", s.Last(t).Body)
}

func TestMaakKlantcontact(t *testing.T) {
	s, c := setup(t)
	answer := strings.ReplaceAll(`{
	  "klantcontact": {"uuid":"`+kcUUID+`","url":"%B/klantcontacten/`+kcUUID+`","gingOverOnderwerpobjecten":[{"uuid":"`+ondUUID+`","url":"%B/onderwerpobjecten/`+ondUUID+`"}],
	    "hadBetrokkenActoren":[],"omvatteBijlagen":[],"hadBetrokkenen":[{"uuid":"`+betrUUID+`","url":"%B/betrokkenen/`+betrUUID+`"}],"leiddeTotInterneTaken":[],
	    "nummer":"0000000044","referentienummer":null,"kanaal":"e-mail","onderwerp":"Parkeervergunning","inhoud":"","reactie":"",
	    "indicatieContactGelukt":null,"hoofdOnderwerpType":"","verdereActieOndernomen":false,"taal":"nld","vertrouwelijk":true,
	    "plaatsgevondenOp":"2025-06-02T08:30:00Z","metadata":{}},
	  "betrokkene": {"uuid":"`+betrUUID+`","url":"%B/betrokkenen/`+betrUUID+`","wasPartij":{"uuid":"`+partijUUID+`","url":"%B/partijen/`+partijUUID+`"},
	    "hadKlantcontact":{"uuid":"`+kcUUID+`","url":"%B/klantcontacten/`+kcUUID+`"},"digitaleAdressen":[],"bezoekadres":null,"correspondentieadres":null,
	    "contactnaam":{"voorletters":"","voornaam":"","voorvoegselAchternaam":"","achternaam":""},"volledigeNaam":"","rol":"klant","organisatienaam":"","initiator":true},
	  "onderwerpobject": {"uuid":"`+ondUUID+`","url":"%B/onderwerpobjecten/`+ondUUID+`","klantcontact":{"uuid":"`+kcUUID+`","url":"%B/klantcontacten/`+kcUUID+`"},
	    "wasKlantcontact":null,"onderwerpobjectidentificator":{"objectId":"`+zaakUUID+`","codeObjecttype":"zaak","codeRegister":"open-zaak","codeSoortObjectId":"uuid"}}
	}`, "%B", sb)
	conforms(t, "POST", "/maak-klantcontact", 201, answer)
	s.JSON("POST /maak-klantcontact", 201, answer)
	out, err := c.MaakKlantcontact(context.Background(), &ki.MaakKlantcontact{
		Klantcontact: ki.Klantcontact{Kanaal: "e-mail", Onderwerp: "Parkeervergunning", Taal: "nld", Vertrouwelijk: upstream.Bool(true),
			PlaatsgevondenOp: "2025-06-02T08:30:00Z"},
		Betrokkene: &ki.Betrokkene{WasPartij: ki.RefTo(partijURL), Rol: ki.RolKlant, Initiator: upstream.Bool(true)},
		Onderwerpobject: &ki.Onderwerpobject{Onderwerpobjectidentificator: &ki.Identificator{ObjectID: zaakUUID, CodeObjecttype: "zaak",
			CodeRegister: "open-zaak", CodeSoortObjectID: "uuid"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	r := s.Last(t)
	want := `{"klantcontact":{"kanaal":"e-mail","onderwerp":"Parkeervergunning","taal":"nld","vertrouwelijk":true,"plaatsgevondenOp":"2025-06-02T08:30:00Z"},` +
		`"betrokkene":{"wasPartij":{"uuid":"` + partijUUID + `"},"rol":"klant","initiator":true},` +
		`"onderwerpobject":{"onderwerpobjectidentificator":{"codeObjecttype":"zaak","codeSoortObjectId":"uuid","objectId":"` + zaakUUID + `","codeRegister":"open-zaak"}}}`
	if r.Method != "POST" || r.Path != basePath+"/maak-klantcontact" || r.Body != want {
		t.Errorf("request %s %s\n got  %s\n want %s", r.Method, r.Path, r.Body, want)
	}
	validRequest(t, "MaakKlantcontact", r.Body)
	if out.Klantcontact.UUID != kcUUID || out.Klantcontact.IndicatieContactGelukt != nil || out.Betrokkene == nil ||
		out.Betrokkene.HadKlantcontact.UUID != kcUUID || out.Onderwerpobject == nil || out.Onderwerpobject.Klantcontact.UUID != kcUUID ||
		out.Onderwerpobject.Onderwerpobjectidentificator.ObjectID != zaakUUID {
		t.Errorf("answer %+v", out)
	}
}
