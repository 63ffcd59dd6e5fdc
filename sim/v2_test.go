package sim

import (
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"testing"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/gen"
)

// tokenGet performs a GET with an Authorization header and decodes a 200.
func tokenGet(t *testing.T, u, auth string, v any) (int, http.Header, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", u, nil)
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode == 200 && v != nil {
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("GET %s: %v", u, err)
		}
	}
	return resp.StatusCode, resp.Header, b
}

// TestV2Providers: the simulator serves Klantinteracties and Contactgegevens
// with Token authentication, and their data links to the zaaksystemen.
func TestV2Providers(t *testing.T) {
	s := startSim(t, Config{})
	var provs []Provider
	controlGet(t, s, "/providers", &provs)
	byName := map[string]Provider{}
	for _, p := range provs {
		byName[p.Name] = p
	}
	for _, c := range []struct{ name, api, version, path string }{
		{"klantinteracties", "klantinteracties", "0.9.0", "/klantinteracties/api/v1"},
		{"contactgegevens", "contactgegevens", "1.1.1", "/contactgegevens/api/v1"},
	} {
		p, ok := byName[c.name]
		if !ok {
			t.Fatalf("no provider %s", c.name)
		}
		if string(p.API) != c.api || p.Version != c.version || p.System != "openklant2" || p.Auth.Type != "token" ||
			p.Auth.Token == "" || p.Auth.Secret != "" || p.BaseURL != s.Instance(c.name).BaseURL || p.BaseURL[len(p.BaseURL)-len(c.path):] != c.path {
			t.Errorf("provider %+v", p)
		}
	}
	ki := byName["klantinteracties"]
	tok := "Token " + ki.Auth.Token

	// Token authentication: 401 without it, with another token or a JWT.
	u := ki.BaseURL + "/partijen?partijIdentificator__objectId=" + gen.ShowcaseV2BenchmarkBSN
	for _, auth := range []string{"", "Token onjuist", "Bearer " + ki.Auth.Token, "Token " + byName["contactgegevens"].Auth.Token,
		"Bearer " + zgwToken(t, s, "zaken-a", "klantgraaf", "u", "U")} {
		code, h, b := tokenGet(t, u, auth, nil)
		if code != 401 || h.Get("Content-Type") != "application/problem+json" || h.Get("API-version") != "0.9.0" {
			t.Errorf("auth %q: %d %s %s", auth, code, h.Get("Content-Type"), b)
		}
	}
	var partijen struct {
		Count   int              `json:"count"`
		Results []map[string]any `json:"results"`
	}
	if code, h, b := tokenGet(t, u, tok, &partijen); code != 200 || partijen.Count != 1 || h.Get("API-version") != "0.9.0" || h.Get("ETag") != "" {
		t.Fatalf("partij by BSN: %d %s", code, b)
	}
	// The restricted credential reads but does not write.
	var restricted string
	for _, c := range ki.Clients {
		if c.ID == "klantgraaf-beperkt" {
			restricted = "Token " + c.Secret
		}
	}
	if code, _, _ := tokenGet(t, u, restricted, nil); code != 200 {
		t.Errorf("restricted read: %d", code)
	}
	req, _ := http.NewRequest("DELETE", ki.BaseURL+"/partijen/"+partijen.Results[0]["uuid"].(string), nil)
	req.Header.Set("Authorization", restricted)
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 403 {
		t.Errorf("restricted delete: %v %v", resp.StatusCode, err)
	}
	audit := s.Instance("klantinteracties").Audit()
	if len(audit) == 0 || audit[len(audit)-1].ClientID != "klantgraaf-beperkt" {
		t.Errorf("audit trail %v", audit)
	}

	// The v2 benchmark person's klantcontacten name her zaken, which the
	// zaaksysteem named by the register code serves.
	var kcs struct {
		Count   int              `json:"count"`
		Results []map[string]any `json:"results"`
	}
	tokenGet(t, ki.BaseURL+"/klantcontacten?pageSize=50&expand=gingOverOnderwerpobjecten&hadBetrokkene__wasPartij__partijIdentificator__objectId="+gen.ShowcaseV2BenchmarkBSN, tok, &kcs)
	if kcs.Count != 30 {
		t.Fatalf("klantcontacten of the v2 benchmark person: %d", kcs.Count)
	}
	c := newCaller(t, s, "klantgraaf")
	checked := map[string]bool{}
	for _, kc := range kcs.Results {
		exp, _ := kc["_expand"].(map[string]any)
		onds, _ := exp["gingOverOnderwerpobjecten"].([]any)
		for _, o := range onds {
			id := o.(map[string]any)["onderwerpobjectidentificator"].(map[string]any)
			register, zaak := id["codeRegister"].(string), id["objectId"].(string)
			inst := s.Topology().ByRegisterCode(register, data.APIZaken)
			if inst < 0 || id["codeObjecttype"] != "zaak" || id["codeSoortObjectId"] != "uuid" {
				t.Fatalf("identificator %v", id)
			}
			var z map[string]any
			if code := c.getJSON(s.Instances()[inst].BaseURL+"/zaken/"+zaak, &z); code != 200 {
				t.Fatalf("zaak %s in %s: %d", zaak, register, code)
			}
			checked[register] = true
		}
	}
	if !checked["open-zaak-a"] || !checked["open-zaak-b"] {
		t.Errorf("zaken checked in %v", checked)
	}

	// Contactgegevens.
	cg := byName["contactgegevens"]
	var personen struct {
		Count int `json:"count"`
	}
	sizes, _ := gen.ScaleSizesV2("small")
	if code, _, b := tokenGet(t, cg.BaseURL+"/persoon", "Token "+cg.Auth.Token, &personen); code != 200 || personen.Count != sizes.Personen {
		t.Errorf("personen: %d %s", code, b)
	}
	if code, _, _ := tokenGet(t, cg.BaseURL+"/organisatie", "", nil); code != 401 {
		t.Errorf("contactgegevens without token: %d", code)
	}

	// The showcase lists the v2 parties with their generations.
	var sc []ShowcaseView
	controlGet(t, s, "/showcase", &sc)
	gens := map[string][]string{}
	for _, v := range sc {
		gens[v.Key] = v.Generaties
		if v.Key == gen.ShowcaseV2Benchmark && (v.Klantcontacten != 30 || v.KlantcontactenOverZaak != 20 || v.Internetaken != 5 || v.Zaken != 15) {
			t.Errorf("v2-benchmark view %+v", v)
		}
	}
	for k, want := range map[string][]string{gen.ShowcaseBenchmark: {"v1"}, gen.ShowcaseV2Alleen: {"v2"}, gen.ShowcaseV1EnV2: {"v1", "v2"},
		gen.ShowcaseV2Benchmark: {"v2"}, gen.ShowcaseV2Bedrijf: {"v2"}, gen.ShowcaseAlleenZaken: {}} {
		if !slices.Equal(gens[k], want) {
			t.Errorf("%s: generaties %v, want %v", k, gens[k], want)
		}
	}
}
