package main

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/klantgraaf/klantgraaf/config"
	"github.com/klantgraaf/klantgraaf/sim"
)

// The access tests run the gateway with the demo's policy (roles kcc and
// analist, see config.DemoAccess) behind an OpenID Connect provider played
// by the test: an RSA key made here, its JWKS served by an httptest server.

const (
	idpAudience     = "klantgraaf"
	analistBSNMask  = "*****0019"
	benchmarkBSN    = "999990019"
	vertrouwelijkID = "vertrouwelijk"
)

var (
	bsnPattern = regexp.MustCompile(`"[0-9]{9}"`)
	maskedBSN  = regexp.MustCompile(`^\*{5}[0-9]{4}$`)
)

var (
	idpKeyOnce sync.Once
	idpKey     *rsa.PrivateKey
	idpKeyErr  error
)

// idp is the test's OpenID Connect provider.
type idp struct {
	t      *testing.T
	issuer string
	jwks   *httptest.Server
}

func newIdP(t *testing.T) *idp {
	t.Helper()
	idpKeyOnce.Do(func() { idpKey, idpKeyErr = rsa.GenerateKey(rand.Reader, 2048) })
	if idpKeyErr != nil {
		t.Fatal(idpKeyErr)
	}
	enc := base64.RawURLEncoding
	body, _ := json.Marshal(map[string]any{"keys": []map[string]any{{
		"kty": "RSA", "kid": "idp-1", "use": "sig", "alg": "RS256",
		"n": enc.EncodeToString(idpKey.N.Bytes()), "e": enc.EncodeToString(big.NewInt(int64(idpKey.E)).Bytes()),
	}}})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(body)
	}))
	t.Cleanup(srv.Close)
	return &idp{t: t, issuer: "https://login.gemeente.example/realms/gemeente", jwks: srv}
}

// token signs a token for sub with the given realm roles; mod may change
// the claims or header.
func (p *idp) token(sub string, roles []string, mod func(jwt.MapClaims, *jwt.Token)) string {
	p.t.Helper()
	now := time.Now()
	claims := jwt.MapClaims{"iss": p.issuer, "aud": idpAudience, "sub": sub, "name": "Medewerker " + sub,
		"iat": now.Unix(), "exp": now.Add(5 * time.Minute).Unix(), "realm_access": map[string]any{"roles": roles}}
	tok := jwt.NewWithClaims(jwt.SigningMethodRS256, claims)
	tok.Header["kid"] = "idp-1"
	if mod != nil {
		mod(claims, tok)
	}
	s, err := tok.SignedString(idpKey)
	if err != nil {
		p.t.Fatal(err)
	}
	return s
}

func (p *idp) kcc() string     { return p.token("kcc-7", []string{"kcc-medewerker"}, nil) }
func (p *idp) analist() string { return p.token("analist-3", []string{"data-analist"}, nil) }

// withIdP makes the gateway accept the provider's tokens, with the claim
// values mapped to the demo's roles, and refuse anonymous callers.
func withIdP(t *testing.T, p *idp, more ...func(*config.Config)) func(*config.Config) {
	return func(c *config.Config) {
		c.Auth.OIDC = &config.OIDC{Issuer: p.issuer, Audience: idpAudience, JWKSURL: p.jwks.URL,
			RolesClaim: "realm_access.roles", RoleMapping: map[string]string{"kcc-medewerker": "kcc", "data-analist": "analist"}}
		c.Auth.Anonymous = config.Anonymous{}
		for _, m := range more {
			m(c)
		}
		if err := c.Validate(); err != nil {
			t.Fatal(err)
		}
	}
}

// withoutRoleCredentials makes every role read with the upstreams' own
// (full) credentials, so only the gateway's policy stands between the
// analist and confidential zaken.
func withoutRoleCredentials(c *config.Config) {
	for i := range c.UpstreamConfigs {
		c.UpstreamConfigs[i].Credentials = nil
	}
}

// post sends a GraphQL request and returns the status, the raw body and the
// decoded answer.
func (e *env) post(q string, vars map[string]any, headers ...string) (int, []byte, *gqlResponse) {
	e.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
	req, _ := http.NewRequest("POST", e.gateway.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out gqlResponse
	if err := json.Unmarshal(raw, &out); err != nil {
		e.t.Fatalf("gateway answered %d %s", resp.StatusCode, raw)
	}
	return resp.StatusCode, raw, &out
}

func bearer(tok string) []string { return []string{"Authorization", "Bearer " + tok} }

// errorAt finds the error with the given path.
func errorAt(r *gqlResponse, path ...any) *gqlErr {
	want := fmt.Sprint(append([]any(nil), path...))
	for i := range r.Errors {
		if fmt.Sprint(r.Errors[i].Path) == want {
			return &r.Errors[i]
		}
	}
	return nil
}

const klantbeeldZakenQuery = `query($bsn: String!) { klantbeeld(bsn: $bsn) { zaken(first: 50) { totalCount edges { node { id url vertrouwelijkheidaanduiding } } } } }`

type zakenAnswer struct {
	Klantbeeld struct {
		Zaken struct {
			TotalCount int
			Edges      []struct {
				Node struct {
					ID, URL                     string
					Vertrouwelijkheidaanduiding string
				}
			}
		}
	}
}

func (z zakenAnswer) levels() []string {
	var out []string
	for _, ed := range z.Klantbeeld.Zaken.Edges {
		out = append(out, ed.Node.Vertrouwelijkheidaanduiding)
	}
	return out
}

func TestAccessTokens(t *testing.T) {
	p := newIdP(t)
	e := newEnv(t, sim.Config{}, withIdP(t, p))
	q := `query($bsn: String!) { klantbeeld(bsn: $bsn) { klanten { naam } } }`
	vars := map[string]any{"bsn": benchmarkBSN}

	status, _, r := e.post(q, vars, bearer(p.kcc())...)
	if status != 200 || len(r.Errors) > 0 || !strings.Contains(string(r.Data), "naam") {
		t.Fatalf("valid token: %d %+v %s", status, r.Errors, r.Data)
	}

	pubDER, err := x509.MarshalPKIXPublicKey(&idpKey.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	pubPEM := pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pubDER})
	hsConfusion, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"iss": p.issuer, "aud": idpAudience, "sub": "mallory",
		"exp": time.Now().Add(time.Hour).Unix(), "realm_access": map[string]any{"roles": []string{"kcc-medewerker"}}}).SignedString(pubPEM)
	if err != nil {
		t.Fatal(err)
	}
	none, err := jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{"iss": p.issuer, "aud": idpAudience, "sub": "mallory",
		"exp": time.Now().Add(time.Hour).Unix(), "realm_access": map[string]any{"roles": []string{"kcc-medewerker"}}}).SignedString(jwt.UnsafeAllowNoneSignatureType)
	if err != nil {
		t.Fatal(err)
	}
	roles := []string{"kcc-medewerker"}
	e.sim.ResetStats()
	for _, c := range []struct{ name, token, reason string }{
		{"wrong issuer", p.token("u", roles, func(c jwt.MapClaims, _ *jwt.Token) { c["iss"] = "https://login.evil.example" }), "issuer not accepted"},
		{"wrong audience", p.token("u", roles, func(c jwt.MapClaims, _ *jwt.Token) { c["aud"] = "another-app" }), "audience not accepted"},
		{"expired", p.token("u", roles, func(c jwt.MapClaims, _ *jwt.Token) {
			c["exp"], c["iat"] = time.Now().Add(-time.Hour).Unix(), time.Now().Add(-2*time.Hour).Unix()
		}), "expired"},
		{"alg none", none, "algorithm none is not accepted"},
		{"HS256 signed with the public key", hsConfusion, "algorithm HS256 is not accepted"},
		{"unknown kid", p.token("u", roles, func(_ jwt.MapClaims, tok *jwt.Token) { tok.Header["kid"] = "idp-2" }), "signing key unknown"},
	} {
		t.Run(c.name, func(t *testing.T) {
			status, raw, r := e.post(q, vars, bearer(c.token)...)
			if status != http.StatusUnauthorized || len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "UNAUTHENTICATED" {
				t.Fatalf("%d %s, want 401 with code UNAUTHENTICATED", status, raw)
			}
			if !strings.Contains(r.Errors[0].Message, c.reason) {
				t.Errorf("message %q lacks %q", r.Errors[0].Message, c.reason)
			}
			if r.Data != nil {
				t.Errorf("a refused request carries data: %s", r.Data)
			}
		})
	}
	if n := e.upstreamRequests(); n != 0 {
		t.Errorf("refused requests made %d upstream requests", n)
	}
}

func TestAccessAPIKeys(t *testing.T) {
	e := newEnv(t, sim.Config{}, nil) // the demo: the key "demo-analist" acts as analist
	q := `query($bsn: String!) { klantbeeld(bsn: $bsn) { klanten { bsn } } }`
	vars := map[string]any{"bsn": benchmarkBSN}
	var data struct {
		Klantbeeld struct{ Klanten []struct{ Bsn string } }
	}
	status, _, r := e.post(q, vars, "X-API-Key", config.DemoAnalistKey)
	if status != 200 || len(r.Errors) > 0 {
		t.Fatalf("good key: %d %+v", status, r.Errors)
	}
	_ = json.Unmarshal(r.Data, &data)
	if len(data.Klantbeeld.Klanten) == 0 || data.Klantbeeld.Klanten[0].Bsn != analistBSNMask {
		t.Errorf("API key client acts as analist: klanten %+v, want the BSN masked", data.Klantbeeld.Klanten)
	}
	// The same through "Authorization: ApiKey".
	if status, _, _ := e.post(q, vars, "Authorization", "ApiKey "+config.DemoAnalistKey); status != 200 {
		t.Errorf("Authorization: ApiKey: %d", status)
	}
	for _, h := range [][]string{{"X-API-Key", "demo-analist-"}, {"Authorization", "ApiKey nope"}} {
		status, raw, r := e.post(q, vars, h...)
		if status != http.StatusUnauthorized || len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "UNAUTHENTICATED" {
			t.Errorf("bad key %v: %d %s", h, status, raw)
		}
	}
	// The demo lets anonymous callers in as kcc: the BSN is not masked.
	data.Klantbeeld.Klanten = nil
	e.query(q, vars, &data)
	if len(data.Klantbeeld.Klanten) == 0 || data.Klantbeeld.Klanten[0].Bsn != benchmarkBSN {
		t.Errorf("anonymous demo caller: klanten %+v, want the BSN", data.Klantbeeld.Klanten)
	}
}

// TestAnonymousRefusedInServeConfig: a configuration file without an auth
// section refuses every GraphQL request, before any upstream is asked.
func TestAnonymousRefusedInServeConfig(t *testing.T) {
	e := newEnv(t, sim.Config{}, nil)
	var b strings.Builder
	b.WriteString("listen: 127.0.0.1:0\nupstreams:\n")
	for _, p := range e.sim.Providers() {
		fmt.Fprintf(&b, "  - name: %s\n    api: %s\n    version: %q\n    baseUrl: %s\n", p.Name, p.API, p.Version, p.BaseURL)
		if p.Auth.Type == "token" {
			fmt.Fprintf(&b, "    auth: {type: token, token: %q}\n", p.Auth.Token)
		} else {
			fmt.Fprintf(&b, "    auth: {type: zgw-jwt, clientId: %q, secret: %q}\n", p.Auth.ClientID, p.Auth.Secret)
		}
	}
	cfg, err := config.Parse(strings.NewReader(b.String()), nil)
	if err != nil {
		t.Fatal(err)
	}
	h, err := NewGateway(cfg, GatewayOptions{})
	if err != nil {
		t.Fatal(err)
	}
	gw := httptest.NewServer(h)
	t.Cleanup(gw.Close)
	served := &env{t: t, sim: e.sim, cfg: cfg, gateway: gw, provs: e.provs}
	e.sim.ResetStats()
	status, raw, r := served.post(`query($bsn: String!) { klantbeeld(bsn: $bsn) { klanten { naam } } }`, map[string]any{"bsn": benchmarkBSN})
	if status != http.StatusUnauthorized || len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "UNAUTHENTICATED" ||
		!strings.Contains(r.Errors[0].Message, "authentication required") {
		t.Fatalf("anonymous request to serve: %d %s, want 401 UNAUTHENTICATED", status, raw)
	}
	if n := served.upstreamRequests(); n != 0 {
		t.Errorf("the refused request made %d upstream requests", n)
	}
	if code, _ := get(t, gw.URL+"/healthz"); code != 200 {
		t.Errorf("/healthz = %d; probes need no credential", code)
	}
}

// TestMaskedFieldsStayMasked: however the analist reaches a BSN — aliases,
// named and inline fragments, node(id:), variables — it is masked, and the
// address is refused; the full BSN appears nowhere in the answer. A KCC
// agent gets the same query unmasked.
func TestMaskedFieldsStayMasked(t *testing.T) {
	p := newIdP(t)
	e := newEnv(t, sim.Config{}, withIdP(t, p))
	q := `query Masked($bsn: String!) {
  klantbeeld(bsn: $bsn) {
    bsn
    klanten {
      id bsn alias: bsn subject
      adres { straatnaam }
      ...K
      ... on Klant { inline: bsn }
    }
    zaken(first: 50) { edges { node { rollen { identificatie { bsn viaRol: bsn } } } } }
  }
}
fragment K on Klant { viaFragment: bsn }`
	vars := map[string]any{"bsn": benchmarkBSN}
	type klant struct {
		ID, Bsn, Alias, Subject, Inline, ViaFragment string
		Adres                                        *struct{ Straatnaam string }
	}
	var data struct {
		Klantbeeld struct {
			Bsn     string
			Klanten []klant
			Zaken   struct {
				Edges []struct {
					Node struct {
						Rollen []struct {
							Identificatie *struct{ Bsn, ViaRol string }
						}
					}
				}
			}
		}
	}

	// The KCC agent sees everything: the control that the query reaches the BSN.
	status, raw, r := e.post(q, vars, bearer(p.kcc())...)
	if status != 200 || len(r.Errors) > 0 || !strings.Contains(string(raw), `"`+benchmarkBSN+`"`) {
		t.Fatalf("kcc: %d %s", status, raw)
	}

	bsns := bsnPattern.FindAllString(string(raw), -1) // the person's and those of others with a rol
	if len(bsns) < 2 {
		t.Fatalf("kcc answer shows %d BSNs", len(bsns))
	}

	status, raw, r = e.post(q, vars, bearer(p.analist())...)
	if status != 200 {
		t.Fatalf("analist: %d %s", status, raw)
	}
	for _, b := range bsns {
		if strings.Contains(string(raw), b[1:len(b)-1]) {
			t.Errorf("the analist's answer contains the BSN %s:\n%s", b, raw)
		}
	}
	if err := json.Unmarshal(r.Data, &data); err != nil {
		t.Fatal(err)
	}
	kb := data.Klantbeeld
	if kb.Bsn != analistBSNMask || len(kb.Klanten) == 0 {
		t.Fatalf("klantbeeld = %+v", kb)
	}
	masked := 0
	for i, k := range kb.Klanten {
		for name, v := range map[string]string{"bsn": k.Bsn, "alias": k.Alias, "inline": k.Inline, "viaFragment": k.ViaFragment} {
			if v != analistBSNMask {
				t.Errorf("klanten[%d].%s = %q, want %q", i, name, v, analistBSNMask)
			}
		}
		if k.Subject != "" && !strings.HasSuffix(k.Subject, "0019") || strings.Contains(k.Subject, "brp.example") {
			t.Errorf("klanten[%d].subject = %q, want masked", i, k.Subject)
		}
		if k.Adres != nil {
			t.Errorf("klanten[%d].adres = %+v, want null", i, k.Adres)
		}
		ae := errorAt(r, "klantbeeld", "klanten", float64(i), "adres")
		if ae == nil || ae.Extensions["code"] != "FORBIDDEN" || !strings.Contains(ae.Message, "role analist may not read Klant.adres") {
			t.Errorf("klanten[%d].adres: error %+v, want FORBIDDEN naming the role and the field", i, ae)
		}
	}
	for _, ed := range kb.Zaken.Edges {
		for _, rol := range ed.Node.Rollen {
			if id := rol.Identificatie; id != nil && id.Bsn != "" {
				masked++
				if !maskedBSN.MatchString(id.Bsn) || id.ViaRol != id.Bsn {
					t.Errorf("rol identificatie bsn = %q / %q", id.Bsn, id.ViaRol)
				}
			}
		}
	}
	if masked == 0 {
		t.Error("no rol with a BSN was seen; the test reaches nothing")
	}
	for _, er := range r.Errors {
		if er.Extensions["code"] != "FORBIDDEN" {
			t.Errorf("unexpected error %+v", er)
		}
	}

	// node(id:) with fragments, and klant(id:) with a variable.
	id := kb.Klanten[0].ID
	nq := `query($id: ID!) { node(id: $id) { id ... on Klant { bsn n: bsn } ...KN } klant(id: $id) { bsn adres { postcode } } }
fragment KN on Klant { f: bsn }`
	status, raw, r = e.post(nq, map[string]any{"id": id}, bearer(p.analist())...)
	if status != 200 || strings.Contains(string(raw), benchmarkBSN) || strings.Count(string(raw), `"`+analistBSNMask+`"`) != 4 {
		t.Errorf("node/klant by id: %d %s, want four masked BSNs and no full one", status, raw)
	}
	if ae := errorAt(r, "klant", "adres"); ae == nil || ae.Extensions["code"] != "FORBIDDEN" {
		t.Errorf("klant(id:).adres: %+v", r.Errors)
	}
}

// TestDeniedRootField: a root field the role may not use is null with a
// FORBIDDEN error naming the role and the field, is never resolved (no
// upstream request), and leaves the rest of the answer intact.
func TestDeniedRootField(t *testing.T) {
	p := newIdP(t)
	e := newEnv(t, sim.Config{}, withIdP(t, p))
	q := `{ klanten(filter: {achternaam: "Jansen"}) { totalCount } }`
	e.sim.ResetStats()
	status, raw, r := e.post(q, nil, bearer(p.analist())...)
	if status != 200 || string(r.Data) != `{"klanten":null}` {
		t.Fatalf("analist: %d %s", status, raw)
	}
	er := errorAt(r, "klanten")
	if er == nil || er.Extensions["code"] != "FORBIDDEN" || !strings.Contains(er.Message, "role analist may not use the root field klanten") {
		t.Errorf("errors = %+v", r.Errors)
	}
	if n := e.upstreamRequests(); n != 0 {
		t.Errorf("the denied field made %d upstream requests", n)
	}
	// In one query with an allowed field, only the denied one is null.
	both := `query($bsn: String!) { klanten(filter: {achternaam: "Jansen"}) { totalCount } klantbeeld(bsn: $bsn) { bsn } }`
	_, raw, r = e.post(both, map[string]any{"bsn": benchmarkBSN}, bearer(p.analist())...)
	if !strings.Contains(string(r.Data), `"klantbeeld":{"bsn":"`+analistBSNMask+`"}`) || len(r.Errors) != 1 {
		t.Errorf("mixed query: %s", raw)
	}
	// The KCC agent may search klanten.
	if _, raw, r := e.post(q, nil, bearer(p.kcc())...); len(r.Errors) > 0 || !strings.Contains(string(r.Data), "totalCount") {
		t.Errorf("kcc: %s", raw)
	}
}

// TestConfidentialZaakHidden: the showcase "vertrouwelijk" has three zaken,
// one geheim. With the upstreams' full credentials for every role, only the
// gateway's policy keeps the geheime zaak from the analist (cleared up to
// zaakvertrouwelijk): left out of lists, refused when asked for directly.
func TestConfidentialZaakHidden(t *testing.T) {
	p := newIdP(t)
	e := newEnv(t, sim.Config{}, withIdP(t, p, withoutRoleCredentials))
	sc, ok := e.sim.ShowcaseByKey(vertrouwelijkID)
	if !ok {
		t.Fatal("no showcase vertrouwelijk")
	}
	vars := map[string]any{"bsn": sc.BSN}

	var kcc zakenAnswer
	if r := e.query(klantbeeldZakenQuery, vars, &kcc, bearer(p.kcc())...); len(r.Errors) > 0 {
		t.Fatalf("kcc: %+v", r.Errors)
	}
	i := slices.Index(kcc.levels(), "GEHEIM")
	if kcc.Klantbeeld.Zaken.TotalCount != 3 || i < 0 {
		t.Fatalf("kcc sees %d zaken %v, want 3 with a geheime", kcc.Klantbeeld.Zaken.TotalCount, kcc.levels())
	}
	geheim := kcc.Klantbeeld.Zaken.Edges[i].Node

	var an zakenAnswer
	if r := e.query(klantbeeldZakenQuery, vars, &an, bearer(p.analist())...); len(r.Errors) > 0 {
		t.Fatalf("analist: %+v", r.Errors)
	}
	if an.Klantbeeld.Zaken.TotalCount != 2 || len(an.Klantbeeld.Zaken.Edges) != 2 || slices.Contains(an.levels(), "GEHEIM") {
		t.Errorf("analist sees %d zaken %v, want 2 without the geheime", an.Klantbeeld.Zaken.TotalCount, an.levels())
	}

	// Asked for directly: by url, by id, through node(id:), in a search.
	for _, c := range []struct {
		q    string
		vars map[string]any
		path string
	}{
		{`query($u: String!) { zaak(url: $u) { identificatie omschrijving } }`, map[string]any{"u": geheim.URL}, "zaak"},
		{`query($id: ID!) { zaak(id: $id) { identificatie } }`, map[string]any{"id": geheim.ID}, "zaak"},
		{`query($id: ID!) { node(id: $id) { id ... on Zaak { omschrijving } } }`, map[string]any{"id": geheim.ID}, "node"},
	} {
		status, raw, r := e.post(c.q, c.vars, bearer(p.analist())...)
		er := errorAt(r, c.path)
		if status != 200 || string(r.Data) != `{"`+c.path+`":null}` || er == nil || er.Extensions["code"] != "FORBIDDEN" ||
			!strings.Contains(er.Message, "zaak is GEHEIM; role analist is cleared up to ZAAKVERTROUWELIJK") {
			t.Errorf("%s: %d %s", c.q, status, raw)
		}
	}
	search := `query($bsn: String!) { zaken(filter: {bsn: $bsn}) { edges { node { vertrouwelijkheidaanduiding } } } }`
	if _, raw, _ := e.post(search, vars, bearer(p.analist())...); strings.Contains(string(raw), "GEHEIM") || !strings.Contains(string(raw), "OPENBAAR") {
		t.Errorf("search: %s", raw)
	}
	// The KCC agent may open it.
	if _, raw, r := e.post(`query($u: String!) { zaak(url: $u) { vertrouwelijkheidaanduiding } }`, map[string]any{"u": geheim.URL}, bearer(p.kcc())...); len(r.Errors) > 0 || !strings.Contains(string(raw), "GEHEIM") {
		t.Errorf("kcc direct: %s", raw)
	}
}

// TestRoleCredentials: the demo reads for the analist role with the
// providers' restricted client "klantgraaf-beperkt": the providers' audit
// trails show that client id (and only it) with the token's user, and the
// two roles never share a cache entry: the analist's first query after the KCC agent's costs exactly
// what it costs on a fresh gateway, and each role's second query is served
// from its own entries.
func TestRoleCredentials(t *testing.T) {
	p := newIdP(t)
	e := newEnv(t, sim.Config{}, withIdP(t, p))
	sc, _ := e.sim.ShowcaseByKey(vertrouwelijkID)
	vars := map[string]any{"bsn": sc.BSN}
	zaakInstances := []string{}
	for _, pr := range e.sim.Providers() {
		if pr.API == "zaken" {
			zaakInstances = append(zaakInstances, pr.Name)
		}
	}
	audit := func() (clients, users map[string]bool) {
		e.sim.WaitIdle(2 * time.Second)
		clients, users = map[string]bool{}, map[string]bool{}
		for _, name := range zaakInstances {
			for _, a := range e.sim.Instance(name).Audit() {
				clients[a.ClientID], users[a.UserID+"|"+a.UserRepresentation] = true, true
			}
		}
		return clients, users
	}

	e.sim.ResetStats()
	var kcc zakenAnswer
	rk := e.query(klantbeeldZakenQuery, vars, &kcc, bearer(p.kcc())...)
	if kcc.Klantbeeld.Zaken.TotalCount != 3 || len(rk.Errors) > 0 {
		t.Fatalf("kcc: %d zaken, errors %+v", kcc.Klantbeeld.Zaken.TotalCount, rk.Errors)
	}
	if clients, users := audit(); !sameSet(clients, set("klantgraaf")) || !sameSet(users, set("kcc-7|Medewerker kcc-7")) {
		t.Errorf("kcc: audit clients %v users %v", clients, users)
	}

	e.sim.ResetStats()
	var an zakenAnswer
	ra := e.query(klantbeeldZakenQuery, vars, &an, bearer(p.analist())...)
	if len(ra.Errors) > 0 || an.Klantbeeld.Zaken.TotalCount != 2 || slices.Contains(an.levels(), "GEHEIM") {
		t.Fatalf("analist: %d zaken %v, errors %+v", an.Klantbeeld.Zaken.TotalCount, an.levels(), ra.Errors)
	}
	afterKCC := e.upstreamRequests()
	if clients, users := audit(); !sameSet(clients, set("klantgraaf-beperkt")) || !sameSet(users, set("analist-3|Medewerker analist-3")) {
		t.Errorf("analist: audit clients %v users %v, want only klantgraaf-beperkt for the analist", clients, users)
	}

	// The same query on a fresh gateway costs the same: nothing came from
	// the KCC agent's entries.
	fresh := newEnv(t, sim.Config{}, withIdP(t, p))
	fresh.sim.ResetStats()
	fresh.query(klantbeeldZakenQuery, vars, nil, bearer(p.analist())...)
	if cold := fresh.upstreamRequests(); afterKCC != cold || cold == 0 {
		t.Errorf("analist after kcc made %d upstream requests, on a fresh gateway %d", afterKCC, cold)
	}

	// Warm: each role is served from its own entries, with its own answer.
	for _, c := range []struct {
		tok  string
		want int
	}{{p.analist(), 2}, {p.kcc(), 3}} {
		e.sim.ResetStats()
		var z zakenAnswer
		e.query(klantbeeldZakenQuery, vars, &z, bearer(c.tok)...)
		if n := e.upstreamRequests(); n != 0 || z.Klantbeeld.Zaken.TotalCount != c.want {
			t.Errorf("warm: %d upstream requests, %d zaken; want 0 and %d", n, z.Klantbeeld.Zaken.TotalCount, c.want)
		}
	}
}

// TestTypeRestriction: a role limited to the zaak types cannot read a klant
// by any route — node(id:) (refused before anything is fetched), a rol's
// klant, the klantbeeld's klanten — while its zaken still answer.
func TestTypeRestriction(t *testing.T) {
	p := newIdP(t)
	e := newEnv(t, sim.Config{}, withIdP(t, p, func(c *config.Config) {
		c.Policy.Roles["archief"] = config.PolicyRole{RootFields: []string{"*"},
			Types: []string{"Zaak", "Zaaktype", "Status", "Statustype", "Resultaat", "Resultaattype", "Rol", "Roltype"}}
		c.Auth.OIDC.RoleMapping["archivaris"] = "archief"
	}))
	archief := p.token("archivaris-1", []string{"archivaris"}, nil)
	vars := map[string]any{"bsn": benchmarkBSN}
	var ids struct {
		Klantbeeld struct {
			Klanten []struct{ ID string }
			Zaken   struct {
				Edges []struct{ Node struct{ ID, URL string } }
			}
		}
	}
	e.query(`query($bsn: String!) { klantbeeld(bsn: $bsn) { klanten { id } zaken(first: 50) { edges { node { id url } } } } }`, vars, &ids, bearer(p.kcc())...)
	if len(ids.Klantbeeld.Klanten) == 0 || len(ids.Klantbeeld.Zaken.Edges) == 0 {
		t.Fatalf("kcc: %+v", ids)
	}

	e.sim.ResetStats()
	_, raw, r := e.post(`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": ids.Klantbeeld.Klanten[0].ID}, bearer(archief)...)
	if er := errorAt(r, "node"); string(r.Data) != `{"node":null}` || er == nil || er.Extensions["code"] != "FORBIDDEN" ||
		!strings.Contains(er.Message, "role archief may not read Klant objects") {
		t.Errorf("node(klant id): %s", raw)
	}
	if n := e.upstreamRequests(); n != 0 {
		t.Errorf("a refused node(id:) made %d upstream requests", n)
	}
	_, raw, r = e.post(`query($id: ID!) { node(id: $id) { id ... on Zaak { identificatie } } }`, map[string]any{"id": ids.Klantbeeld.Zaken.Edges[0].Node.ID}, bearer(archief)...)
	if len(r.Errors) > 0 || !strings.Contains(string(raw), "identificatie") {
		t.Errorf("node(zaak id): %s", raw)
	}

	_, raw, r = e.post(`query($bsn: String!) { klantbeeld(bsn: $bsn) { zaken(first: 50) { totalCount edges { node { rollen { omschrijving klant { naam } } } } } } }`, vars, bearer(archief)...)
	if !strings.Contains(string(raw), `"totalCount":15`) || strings.Contains(string(raw), `"naam"`) {
		t.Errorf("klantbeeld zaken: %s", raw)
	}
	for _, er := range r.Errors {
		if er.Extensions["code"] != "FORBIDDEN" || er.Path[len(er.Path)-1] != "klant" {
			t.Errorf("unexpected error %+v", er)
		}
	}
	if len(r.Errors) == 0 {
		t.Error("no rol.klant was refused; the test reaches nothing")
	}

	_, raw, r = e.post(`query($bsn: String!) { klantbeeld(bsn: $bsn) { klanten { naam } } }`, vars, bearer(archief)...)
	if er := errorAt(r, "klantbeeld", "klanten"); er == nil || er.Extensions["code"] != "FORBIDDEN" || strings.Contains(string(raw), `"naam"`) {
		t.Errorf("klantbeeld klanten: %s", raw)
	}
}
