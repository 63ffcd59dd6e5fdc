package config

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/klantgraaf/klantgraaf/graph"
	"github.com/klantgraaf/klantgraaf/upstream"
)

const accessYAML = `
listen: 127.0.0.1:9090
upstreams:
  - name: zaken-a
    api: zaken
    version: "1.5.1"
    baseUrl: https://oz.example/zaken/api/v1
    auth: {type: zgw-jwt, clientId: kg, secret: s3cret}
    credentials:
      - roles: [analist]
        clientId: kg-beperkt
        secret: ${BEPERKT_SECRET}
  - name: klantinteracties
    api: klantinteracties
    version: "0.9.0"
    baseUrl: https://ok.example/klantinteracties/api/v1
    auth: {type: token, token: t0ken}
    credentials:
      - roles: [analist]
        token: beperkt-t0ken
auth:
  oidc:
    issuer: https://login.example/realms/gemeente
    audience: klantgraaf
    jwksUrl: https://login.example/realms/gemeente/protocol/openid-connect/certs
    algorithms: [RS256, ES256]
    leeway: 10s
    rolesClaim: realm_access.roles
    roleMapping:
      kcc-medewerker: kcc
      data-analist: analist
  apiKeys:
    - client: portaal
      sha256: ` + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" + `
      roles: [kcc]
  anonymous:
    allowed: false
policy:
  roles:
    kcc:
      rootFields: ["*"]
      types: ["*"]
    analist:
      rootFields: [klantbeeld, zaken, zaak]
      types: ["*"]
      fields:
        "*.bsn": mask
        Klant.adres: deny
      maxVertrouwelijkheid: zaakvertrouwelijk
`

func TestAccessParses(t *testing.T) {
	cfg, err := Parse(strings.NewReader(accessYAML), env("BEPERKT_SECRET", "b-s3cret"))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	o := cfg.Auth.OIDC
	if o.LeewayOr() != 10*time.Second || o.JWKSCacheTTLOr() != DefaultJWKSCacheTTL || o.JWKSMinRefreshOr() != DefaultJWKSMinRefresh {
		t.Errorf("oidc durations: %v %v %v", o.LeewayOr(), o.JWKSCacheTTLOr(), o.JWKSMinRefreshOr())
	}
	if id, repr, roles := o.ClaimsOr(); id != "sub" || repr != "name" || roles != "realm_access.roles" {
		t.Errorf("claims = %s %s %s", id, repr, roles)
	}
	rc := cfg.RoleCredentials()
	if a := rc["zaken-a"][0].Auth; a.Type != upstream.AuthZGWJWT || a.ClientID != "kg-beperkt" || a.Secret != "b-s3cret" {
		t.Errorf("zaken-a role credential = %+v", a)
	}
	if a := rc["klantinteracties"][0].Auth; a.Type != upstream.AuthToken || a.Token != "beperkt-t0ken" {
		t.Errorf("klantinteracties role credential = %+v", a)
	}
	spec := cfg.PolicySpec()
	if spec.Roles["analist"].Fields["*.bsn"] != "mask" || spec.Roles["analist"].MaxVertrouwelijkheid != "zaakvertrouwelijk" {
		t.Errorf("policy = %+v", spec)
	}
	if err := cfg.CheckPolicy(graph.NewExecutableSchema(graph.Config{}).Schema()); err != nil {
		t.Errorf("CheckPolicy: %v", err)
	}
	// Role credentials stay out of logs.
	var buf bytes.Buffer
	slog.New(slog.NewTextHandler(&buf, nil)).Info("c", "cred", cfg.UpstreamConfigs[0].Credentials[0])
	s := buf.String() + fmt.Sprint(cfg.UpstreamConfigs[0].Credentials[0], cfg.UpstreamConfigs[1].Credentials[0])
	if strings.Contains(s, "b-s3cret") || strings.Contains(s, "beperkt-t0ken") || !strings.Contains(s, "kg-beperkt") {
		t.Errorf("credential formatting: %s", s)
	}
}

func TestAccessValidationNamesTheField(t *testing.T) {
	replace := func(pairs ...string) string {
		y := accessYAML
		for i := 0; i+1 < len(pairs); i += 2 {
			if !strings.Contains(y, pairs[i]) {
				t.Fatalf("accessYAML lacks %q", pairs[i])
			}
			y = strings.Replace(y, pairs[i], pairs[i+1], 1)
		}
		return y
	}
	for _, c := range []struct {
		name string
		yaml string
		want []string
	}{
		{"hs algorithm", replace("[RS256, ES256]", "[RS256, HS256, none]"), []string{
			`auth.oidc.algorithms[1]: "HS256" is never accepted`, `auth.oidc.algorithms[2]: "none" is never accepted`}},
		{"unknown algorithm", replace("[RS256, ES256]", "[RS1]"), []string{`auth.oidc.algorithms[0]: unknown algorithm "RS1"`}},
		{"issuer and audience", replace("    issuer: https://login.example/realms/gemeente\n", "", "    audience: klantgraaf\n", ""), []string{
			"auth.oidc.issuer: required", "auth.oidc.audience: required"}},
		{"jwks http", replace("jwksUrl: https://login.example", "jwksUrl: http://login.example"), []string{
			"auth.oidc.jwksUrl: must be https (http only for a loopback host)"}},
		{"jwks both", replace("    leeway: 10s\n", "    leeway: 10s\n    jwksFile: /etc/jwks.json\n"), []string{"auth.oidc.jwksUrl: give jwksUrl or jwksFile, not both"}},
		{"leeway", replace("leeway: 10s", "leeway: 1h"), []string{"auth.oidc.leeway: must be from 0s to 5m0s, got 1h0m0s"}},
		{"claim path", replace("rolesClaim: realm_access.roles", "rolesClaim: realm_access..roles"), []string{"auth.oidc.rolesClaim: must be a claim name or a dot path"}},
		{"mapping to unknown role", replace("data-analist: analist", "data-analist: analyst"), []string{
			`auth.oidc.roleMapping.data-analist: unknown role "analyst"; policy.roles defines analist, kcc`}},
		{"api key plain", replace("sha256: 9f86", "sha256: geheim9f86"), []string{"auth.apiKeys[0].sha256: must be 64 hex digits"}},
		{"api key roles", replace("      roles: [kcc]\n  anonymous", "  anonymous"), []string{"auth.apiKeys[0].roles: required"}},
		{"api key unknown role", replace("roles: [kcc]\n  anonymous", "roles: [root]\n  anonymous"), []string{`auth.apiKeys[0].roles[0]: unknown role "root"`}},
		{"anonymous without roles", replace("allowed: false", "allowed: true"), []string{"auth.anonymous.roles: required"}},
		{"anonymous roles unused", replace("allowed: false", "allowed: false\n    roles: [kcc]"), []string{"auth.anonymous.roles: set without auth.anonymous.allowed: true"}},
		{"policy level", replace("maxVertrouwelijkheid: zaakvertrouwelijk", "maxVertrouwelijkheid: streng"), []string{
			`policy.roles.analist.maxVertrouwelijkheid: must be one of openbaar, beperkt_openbaar`}},
		{"policy rule", replace("Klant.adres: deny", "Klant.adres: verbergen"), []string{
			`policy.roles.analist.fields.Klant.adres: rule must be allow, mask or deny, got "verbergen"`}},
		{"credential secret", replace("        secret: ${BEPERKT_SECRET}\n", ""), []string{"upstreams[0].credentials[0].secret: required for auth type zgw-jwt"}},
		{"credential token on jwt", replace("        secret: ${BEPERKT_SECRET}\n", "        secret: x\n        token: y\n"), []string{"upstreams[0].credentials[0].token: not used with auth type zgw-jwt"}},
		{"credential roles", replace("      - roles: [analist]\n        clientId", "      - roles: []\n        clientId"), []string{"upstreams[0].credentials[0].roles: required"}},
		{"credential unknown role", replace("      - roles: [analist]\n        token", "      - roles: [analyst]\n        token"), []string{`upstreams[1].credentials[0].roles[0]: unknown role "analyst"`}},
		{"credential env", replace("${BEPERKT_SECRET}", "${NIET_GEZET}"), []string{"upstreams[0].credentials[0].secret: environment variable NIET_GEZET is not set"}},
		{"unknown field", replace("rootFields: [klantbeeld, zaken, zaak]", "rootfields: [klantbeeld]"), []string{"policy.roles.analist.rootfields: unknown field"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(c.yaml), env("BEPERKT_SECRET", "b"))
			if err == nil {
				t.Fatal("accepted")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error\n%v\nlacks %q", err, w)
				}
			}
		})
	}
}

func TestCheckPolicyAgainstSchema(t *testing.T) {
	y := strings.Replace(accessYAML, "Klant.adres: deny", "Klant.adress: deny", 1)
	cfg, err := Parse(strings.NewReader(y), env("BEPERKT_SECRET", "b"))
	if err != nil {
		t.Fatal(err) // the shape is fine; only the schema knows
	}
	err = cfg.CheckPolicy(graph.NewExecutableSchema(graph.Config{}).Schema())
	if err == nil || !strings.Contains(err.Error(), `policy.roles.analist.fields.Klant.adress: Klant has no field "adress"`) || !strings.Contains(err.Error(), "(line ") {
		t.Errorf("CheckPolicy = %v, want the field, the reason and the line", err)
	}
}

func TestDemoAccessValidates(t *testing.T) {
	cfg := Default()
	cfg.UpstreamConfigs = []Upstream{{Name: "z", API: "zaken", BaseURL: "https://z.example/api", Auth: Auth{Type: "zgw-jwt", ClientID: "a", Secret: "b"},
		Credentials: []RoleCredential{{Roles: []string{DemoRestrictedRole}, ClientID: "c", Secret: "d"}}}}
	cfg.Auth, cfg.Policy = DemoAccess()
	cfg.ApplyDefaults()
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	if err := cfg.CheckPolicy(graph.NewExecutableSchema(graph.Config{}).Schema()); err != nil {
		t.Fatal(err)
	}
	if cfg.Auth.APIKeys[0].SHA256 != HashAPIKey(DemoAnalistKey) || len(HashAPIKey("x")) != 64 {
		t.Error("demo API key hash")
	}
}

func TestExamplePolicyMatchesSchema(t *testing.T) {
	cfg, err := Load("example.yaml", env("OPENZAAK_SECRET", "oz", "ODREGIO_SECRET", "od", "OPENKLANT_SECRET", "ok", "REDIS_PASSWORD", "pw", "OPENZAAK_ANALIST_SECRET", "oza"))
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.CheckPolicy(graph.NewExecutableSchema(graph.Config{}).Schema()); err != nil {
		t.Error(err)
	}
	if cfg.Auth == nil || cfg.Auth.OIDC == nil || cfg.Auth.Anonymous.Allowed || len(cfg.RoleCredentials()["openzaak-zaken"]) != 1 {
		t.Errorf("example access sections: %+v", cfg.Auth)
	}
}
