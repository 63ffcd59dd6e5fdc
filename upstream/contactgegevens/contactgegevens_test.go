package contactgegevens_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"

	"github.com/klantgraaf/klantgraaf/sim"
	"github.com/klantgraaf/klantgraaf/sim/spectest"
	"github.com/klantgraaf/klantgraaf/upstream"
	"github.com/klantgraaf/klantgraaf/upstream/contactgegevens"
	"github.com/klantgraaf/klantgraaf/upstream/internal/uptest"
)

const (
	specFile = "contactgegevens-1.1.1.yaml"
	basePath = "/contactgegevens/api/v1"
	token    = "c0ntact-t0ken"
	sb       = "http://ok2.example/contactgegevens/api/v1"

	persoonUUID = "5d0c8a41-0000-4000-8000-000000000001"
	orgUUID     = "5d0c8a41-0000-4000-8000-000000000002"

	persoon = `{"uuid": "` + persoonUUID + `", "url": "` + sb + `/persoon/` + persoonUUID + `", "geboortedatum": "1984-03-07",
  "overlijdensdatum": null, "geslachtsnaam": "Vries", "geslacht": "v", "voorvoegsel": "de", "voornamen": "Anna Maria",
  "adres": {"nummeraanduidingId": "0772200000012345", "straatnaam": "Kerkstraat", "huisnummer": 12, "huisnummertoevoeging": "A",
    "postcode": "5611 AB", "stad": "Eindhoven", "adresregel1": "", "adresregel2": "", "adresregel3": "", "land": "NL"}}`
	organisatie = `{"uuid": "` + orgUUID + `", "url": "` + sb + `/organisatie/` + orgUUID + `", "handelsnaam": "Bakkerij De Korenschoof",
  "oprichtingsdatum": "1998-09-01", "opheffingsdatum": null, "adres": null}`
)

func setup(t *testing.T) (*uptest.Server, *contactgegevens.Client) {
	t.Helper()
	s := uptest.New(t, upstream.APIContactgegevens, basePath)
	up, err := upstream.NewClient(upstream.Upstream{Name: "contactgegevens", Kind: upstream.APIContactgegevens, BaseURL: s.Base,
		Auth: upstream.Auth{Type: upstream.AuthToken, Token: token}, Retry: upstream.RetryPolicy{MaxAttempts: 1}})
	if err != nil {
		t.Fatal(err)
	}
	s.Client = up
	return s, contactgegevens.New(up)
}

func conforms(t *testing.T, target, body string) {
	t.Helper()
	if spectest.Dir() == "" {
		t.Log("specs not found: sample not validated")
		return
	}
	ex := &spectest.Exchange{Request: httptest.NewRequest("GET", "http://ok2.example"+basePath+target, nil), Status: 200,
		Header: http.Header{"Content-Type": {"application/json"}, "Api-Version": {"1.1.1"}}, Body: []byte(body)}
	if err := spectest.Load(t, specFile).Validate(ex); err != nil {
		t.Errorf("sample for %s does not conform to the spec: %v", target, err)
	}
}

func TestReads(t *testing.T) {
	s, c := setup(t)
	personen := `{"count": 3, "next": "` + sb + `/persoon?page=3&pageSize=1", "previous": "` + sb + `/persoon?pageSize=1", "results": [` + persoon + `]}`
	organisaties := `{"count": 1, "next": null, "previous": null, "results": [` + organisatie + `]}`
	conforms(t, "/persoon?page=2&pageSize=1", personen)
	conforms(t, "/organisatie", organisaties)
	conforms(t, "/persoon/"+persoonUUID, persoon)
	conforms(t, "/organisatie/"+orgUUID, organisatie)
	s.JSON("GET /persoon", 200, personen)
	s.JSON("GET /organisatie", 200, organisaties)
	s.JSON("GET /persoon/{uuid}", 200, persoon)
	s.JSON("GET /organisatie/{uuid}", 200, organisatie)
	ctx := context.Background()
	req := func(path, query string) {
		t.Helper()
		r := s.Last(t)
		if r.Method != "GET" || r.Path != basePath+path || r.RawQuery != query || r.Header.Get("Authorization") != "Token "+token {
			t.Errorf("request %s %s?%s %q, want GET %s?%s with the token", r.Method, r.Path, r.RawQuery, r.Header.Get("Authorization"), basePath+path, query)
		}
	}

	pp, err := c.ListPersonen(ctx, contactgegevens.ListOptions{Page: 2, PageSize: 1})
	if err != nil {
		t.Fatal(err)
	}
	req("/persoon", "page=2&pageSize=1")
	want := contactgegevens.Persoon{UUID: persoonUUID, URL: sb + "/persoon/" + persoonUUID, Geboortedatum: "1984-03-07", Geslachtsnaam: "Vries",
		Geslacht: contactgegevens.GeslachtVrouw, Voorvoegsel: "de", Voornamen: "Anna Maria",
		Adres: &contactgegevens.Adres{NummeraanduidingID: "0772200000012345", Straatnaam: "Kerkstraat", Huisnummer: new(12), Huisnummertoevoeging: "A",
			Postcode: "5611 AB", Stad: "Eindhoven", Land: "NL"}}
	if pp.Count != 3 || !pp.HasNext() || len(pp.Results) != 1 || !reflect.DeepEqual(pp.Results[0], want) {
		t.Errorf("personen %+v", pp)
	}
	p, err := c.GetPersoon(ctx, persoonUUID)
	if err != nil || !reflect.DeepEqual(*p, want) {
		t.Errorf("persoon %v %+v", err, p)
	}
	req("/persoon/"+persoonUUID, "")

	op, err := c.ListOrganisaties(ctx, contactgegevens.ListOptions{})
	if err != nil || op.Count != 1 || op.Results[0].Handelsnaam != "Bakkerij De Korenschoof" || op.Results[0].Opheffingsdatum != "" || op.Results[0].Adres != nil {
		t.Errorf("organisaties %v %+v", err, op)
	}
	req("/organisatie", "")
	o, err := c.GetOrganisatie(ctx, s.Base+"/organisatie/"+orgUUID)
	if err != nil || o.Oprichtingsdatum != "1998-09-01" || o.UUID != orgUUID {
		t.Errorf("organisatie %v %+v", err, o)
	}
	req("/organisatie/"+orgUUID, "")
}

func TestErrors(t *testing.T) {
	s, c := setup(t)
	s.Mux.HandleFunc("GET "+basePath+"/persoon/{uuid}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/problem+json")
		w.WriteHeader(404)
		_, _ = w.Write([]byte(`{"type":"x","code":"not_found","title":"Niet gevonden.","status":404,"detail":"Niet gevonden.","instance":"urn:uuid:1"}`))
	})
	s.Mux.HandleFunc("GET "+basePath+"/organisatie", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(403)
	})
	ctx := context.Background()
	_, err := c.GetPersoon(ctx, persoonUUID)
	var ue *upstream.Error
	if !errors.As(err, &ue) || ue.Kind != upstream.NotFound || ue.Op != "contactgegevens.GetPersoon" || ue.Code != "not_found" {
		t.Errorf("404: %v", err)
	}
	_, err = c.ListOrganisaties(ctx, contactgegevens.ListOptions{})
	if !errors.As(err, &ue) || ue.Kind != upstream.Forbidden || ue.Op != "contactgegevens.ListOrganisaties" {
		t.Errorf("403: %v", err)
	}
}

// TestAgainstSimulator reads every persoon and organisatie of the simulated
// Open Klant 2.x, page by page, and checks that the types keep everything it
// sends.
func TestAgainstSimulator(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the simulator")
	}
	s, err := sim.New(sim.Config{Scale: "small", Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	var up *upstream.Client
	for _, p := range s.Providers() {
		if p.Name == "contactgegevens" {
			up, err = upstream.NewClient(upstream.Upstream{Name: p.Name, Kind: upstream.APIContactgegevens, BaseURL: p.BaseURL,
				Auth: upstream.Auth{Type: upstream.AuthToken, Token: p.Auth.Token}})
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	if up == nil {
		t.Fatal("the simulator has no contactgegevens provider")
	}
	c := contactgegevens.New(up)
	ctx := context.Background()

	first, err := c.ListPersonen(ctx, contactgegevens.ListOptions{PageSize: 10})
	if err != nil {
		t.Fatal(err)
	}
	personen, err := upstream.All(ctx, up, first, 0)
	if err != nil || len(personen) != first.Count || first.Count == 0 {
		t.Fatalf("personen: %v, %d of %d", err, len(personen), first.Count)
	}
	for _, p := range personen {
		if p.UUID == "" || p.Geslachtsnaam == "" || p.Geboortedatum == "" {
			t.Errorf("persoon %+v", p)
		}
	}
	firstOrg, err := c.ListOrganisaties(ctx, contactgegevens.ListOptions{PageSize: 500})
	if err != nil || firstOrg.Count == 0 || len(firstOrg.Results) != firstOrg.Count || firstOrg.Results[0].Handelsnaam == "" {
		t.Fatalf("organisaties: %v %+v", err, firstOrg)
	}
	same(t, up, personen[0].URL, func() (any, error) { return c.GetPersoon(ctx, personen[0].URL) })
	same(t, up, firstOrg.Results[0].URL, func() (any, error) { return c.GetOrganisatie(ctx, firstOrg.Results[0].URL) })
	for _, p := range personen {
		if p.Adres != nil {
			same(t, up, p.URL, func() (any, error) { return c.GetPersoon(ctx, p.URL) })
			break
		}
	}
}

// same fails the test when the typed value does not write back every
// non-empty member of the provider's answer.
func same(t *testing.T, up *upstream.Client, url string, typed func() (any, error)) {
	t.Helper()
	raw, err := upstream.GetJSON[map[string]any](context.Background(), up, url)
	if err != nil {
		t.Fatal(err)
	}
	v, err := typed()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(v)
	var got map[string]any
	_ = json.Unmarshal(b, &got)
	for k, want := range *raw {
		if want == nil || want == "" {
			continue
		}
		if !reflect.DeepEqual(normal(want), normal(got[k])) {
			t.Errorf("%s: %s is %v, typed %v", url, k, want, got[k])
		}
	}
}

// normal drops empty members of nested objects (omitempty leaves them out).
func normal(v any) any {
	m, ok := v.(map[string]any)
	if !ok {
		return v
	}
	out := map[string]any{}
	for k, x := range m {
		if x != nil && x != "" {
			out[k] = normal(x)
		}
	}
	return out
}
