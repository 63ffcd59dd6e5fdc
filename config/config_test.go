package config

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/klantgraaf/klantgraaf/upstream"
)

// env is a map-backed getenv.
func env(kv ...string) func(string) string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}

const validYAML = `
listen: 127.0.0.1:9090
upstreams:
  - name: zaken-a
    api: zaken
    version: "1.5.1"
    baseUrl: https://oz.example/zaken/api/v1
    auth:
      type: zgw-jwt
      clientId: kg
      secret: s3cret
  - name: klantinteracties
    api: klantinteracties
    version: "0.9.0"
    baseUrl: https://ok.example/klantinteracties/api/v1
    auth:
      type: token
      token: t0ken
    timeout: 3s
    maxConcurrency: 2
    maxResponseBytes: 1024
`

func TestParseValid(t *testing.T) {
	cfg, err := Parse(strings.NewReader(validYAML), nil)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if cfg.Listen != "127.0.0.1:9090" {
		t.Errorf("Listen = %q", cfg.Listen)
	}
	if cfg.Introspection || cfg.GraphiQL {
		t.Errorf("Introspection/GraphiQL defaults = %v/%v, want false/false", cfg.Introspection, cfg.GraphiQL)
	}
	if cfg.RequestTimeout.Std() != DefaultRequestTimeout || cfg.MaxBodyBytes != DefaultMaxBodyBytes {
		t.Errorf("defaults: requestTimeout %v maxBodyBytes %d", cfg.RequestTimeout, cfg.MaxBodyBytes)
	}
	if cfg.Log.Level != "info" || cfg.Log.Format != "text" {
		t.Errorf("log defaults = %+v", cfg.Log)
	}
	if cfg.EndUser.Header.ID != DefaultEndUserHeader || cfg.EndUser.Header.Representation != DefaultEndUserRepr {
		t.Errorf("end-user header defaults = %+v", cfg.EndUser.Header)
	}
	ups := cfg.Upstreams()
	if len(ups) != 2 {
		t.Fatalf("Upstreams() = %d entries", len(ups))
	}
	want0 := upstream.Upstream{
		Name: "zaken-a", Kind: upstream.APIZaken, Version: "1.5.1", BaseURL: "https://oz.example/zaken/api/v1",
		Auth:    upstream.Auth{Type: upstream.AuthZGWJWT, ClientID: "kg", Secret: "s3cret"},
		Timeout: upstream.DefaultTimeout, MaxConcurrency: upstream.DefaultMaxConcurrency, MaxResponseBytes: upstream.DefaultMaxResponseBytes,
	}
	if ups[0] != want0 {
		t.Errorf("Upstreams()[0] =\n %+v\nwant\n %+v", ups[0], want0)
	}
	want1 := upstream.Upstream{
		Name: "klantinteracties", Kind: upstream.APIKlantinteracties, Version: "0.9.0", BaseURL: "https://ok.example/klantinteracties/api/v1",
		Auth:    upstream.Auth{Type: upstream.AuthToken, Token: "t0ken"},
		Timeout: 3 * time.Second, MaxConcurrency: 2, MaxResponseBytes: 1024,
	}
	if ups[1] != want1 {
		t.Errorf("Upstreams()[1] =\n %+v\nwant\n %+v", ups[1], want1)
	}
	if _, err := upstream.NewRegistry(ups); err != nil {
		t.Errorf("NewRegistry on the converted upstreams: %v", err)
	}
}

func TestParseKeepsNestedDefaults(t *testing.T) {
	cfg, err := Parse(strings.NewReader(validYAML+`
endUser:
  fallbackId: demo
log:
  format: json
`), nil)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.EndUser.FallbackID != "demo" || cfg.EndUser.Header.ID != DefaultEndUserHeader {
		t.Errorf("endUser = %+v", cfg.EndUser)
	}
	if cfg.Log.Level != "info" || cfg.Log.Format != "json" {
		t.Errorf("log = %+v", cfg.Log)
	}
}

// mutate returns validYAML with old replaced by new (old must occur).
func mutate(t *testing.T, old, new string) string {
	t.Helper()
	if !strings.Contains(validYAML, old) {
		t.Fatalf("validYAML lacks %q", old)
	}
	return strings.Replace(validYAML, old, new, 1)
}

func TestValidationRules(t *testing.T) {
	type tc struct {
		name string
		yaml string
		env  func(string) string
		// want lists substrings that must each appear in one error line.
		want []string
	}
	cases := []tc{
		{"unknown top-level field", validYAML + "listn: :1\n", nil,
			[]string{"listn: unknown field", "(line 22)"}},
		{"unknown nested field", mutate(t, "      secret: s3cret", "      secret: s3cret\n      scret: x"), nil,
			[]string{"upstreams[0].auth.scret: unknown field", "known fields here: type, clientId, secret, token", "(line 12)"}},
		{"wrong type int", mutate(t, "maxConcurrency: 2", "maxConcurrency: many"), nil,
			[]string{`upstreams[1].maxConcurrency: want an integer, got "many"`}},
		{"wrong type bool", validYAML + "graphiql: sure\n", nil,
			[]string{`graphiql: want true or false, got "sure"`}},
		{"wrong shape", validYAML + "log: [a]\n", nil,
			[]string{"log: want a mapping of fields"}},
		{"upstreams not a list", "upstreams: {name: x}\n", nil,
			[]string{"upstreams: want a list"}},
		{"bad duration", mutate(t, "timeout: 3s", "timeout: 3 seconds"), nil,
			[]string{`upstreams[1].timeout: want a duration such as 10s or 1m30s, got "3 seconds"`}},
		{"no upstreams", "listen: :8080\n", nil,
			[]string{"upstreams: at least one upstream is required"}},
		{"listen invalid", mutate(t, "listen: 127.0.0.1:9090", "listen: localhost"), nil,
			[]string{`listen: must be HOST:PORT or :PORT, got "localhost"`}},
		{"listen port", mutate(t, "listen: 127.0.0.1:9090", "listen: :99999"), nil,
			[]string{"listen: port must be a number from 0 to 65535"}},
		{"name required", mutate(t, "name: zaken-a", "name: \"\""), nil,
			[]string{"upstreams[0].name: required"}},
		{"name charset", mutate(t, "name: zaken-a", "name: zaken a"), nil,
			[]string{`upstreams[0].name: must be 1 to 64 letters`}},
		{"duplicate name", mutate(t, "name: klantinteracties", "name: zaken-a"), nil,
			[]string{`upstreams[1].name: duplicate name "zaken-a", also used by upstreams[0]`}},
		{"env prefix collision", mutate(t, "name: klantinteracties", "name: zaken_a"), nil,
			[]string{`upstreams[1].name: "zaken_a" and upstreams[0].name "zaken-a" share the environment variables KLANTGRAAF_UPSTREAM_ZAKEN_A_*`}},
		{"api required", mutate(t, "    api: zaken\n", ""), nil,
			[]string{"upstreams[0].api: required, one of zaken, catalogi"}},
		{"api unknown", mutate(t, "api: zaken", "api: besluiten"), nil,
			[]string{`upstreams[0].api: unknown api kind "besluiten", want one of zaken, catalogi, documenten, klanten, contactmomenten, verzoeken, klantinteracties, contactgegevens`}},
		{"baseUrl required", mutate(t, "    baseUrl: https://oz.example/zaken/api/v1\n", ""), nil,
			[]string{"upstreams[0].baseUrl: required"}},
		{"baseUrl relative", mutate(t, "baseUrl: https://oz.example/zaken/api/v1", "baseUrl: /zaken/api/v1"), nil,
			[]string{"upstreams[0].baseUrl: must be an absolute http(s) URL without query or userinfo"}},
		{"baseUrl scheme", mutate(t, "baseUrl: https://oz.example/zaken/api/v1", "baseUrl: ftp://oz.example/zaken"), nil,
			[]string{"upstreams[0].baseUrl: must be an absolute http(s) URL without query or userinfo"}},
		{"baseUrl query", mutate(t, "baseUrl: https://ok.example/klantinteracties/api/v1", "baseUrl: https://ok.example/api?x=1"), nil,
			[]string{"upstreams[1].baseUrl: must be an absolute http(s) URL without query or userinfo (line 15)"}},
		{"baseUrl userinfo", mutate(t, "baseUrl: https://oz.example/zaken/api/v1", "baseUrl: https://u:p@oz.example/zaken/api/v1"), nil,
			[]string{"upstreams[0].baseUrl: must be an absolute http(s) URL without query or userinfo"}},
		{"baseUrl fragment", mutate(t, "baseUrl: https://oz.example/zaken/api/v1", "baseUrl: https://oz.example/zaken/api/v1#x"), nil,
			[]string{"upstreams[0].baseUrl: must not have a fragment"}},
		{"baseUrl dot segment", mutate(t, "baseUrl: https://oz.example/zaken/api/v1", "baseUrl: https://oz.example/zaken/../api/v1"), nil,
			[]string{`upstreams[0].baseUrl: path must not contain "." or ".." segments`}},
		{"baseUrl encoded slash", mutate(t, "baseUrl: https://oz.example/zaken/api/v1", "baseUrl: https://oz.example/zaken%2Fapi/v1"), nil,
			[]string{"upstreams[0].baseUrl: path must not contain encoded slashes"}},
		{"baseUrl identical", mutate(t, "baseUrl: https://ok.example/klantinteracties/api/v1", "baseUrl: HTTPS://OZ.example:443/zaken/api/v1/"), nil,
			[]string{"upstreams[1].baseUrl: same base URL as upstreams[0] (zaken-a)"}},
		{"auth type required", mutate(t, "      type: zgw-jwt\n", ""), nil,
			[]string{"upstreams[0].auth.type: required: zgw-jwt, token or none"}},
		{"auth type unknown", mutate(t, "type: zgw-jwt", "type: basic"), nil,
			[]string{`upstreams[0].auth.type: unknown type "basic", want zgw-jwt, token or none`}},
		{"zgw-jwt secret required", mutate(t, "      secret: s3cret\n", ""), nil,
			[]string{"upstreams[0].auth.secret: required for type zgw-jwt"}},
		{"zgw-jwt clientId required", mutate(t, "      clientId: kg\n", ""), nil,
			[]string{"upstreams[0].auth.clientId: required for type zgw-jwt"}},
		{"zgw-jwt with token", mutate(t, "      secret: s3cret\n", "      secret: s3cret\n      token: x\n"), nil,
			[]string{"upstreams[0].auth.token: not used with type zgw-jwt"}},
		{"token required", mutate(t, "      token: t0ken\n", ""), nil,
			[]string{"upstreams[1].auth.token: required for type token"}},
		{"token with secret", mutate(t, "      token: t0ken\n", "      token: t0ken\n      secret: x\n"), nil,
			[]string{"upstreams[1].auth.secret: not used with type token"}},
		{"none with secret", mutate(t, "      type: token\n      token: t0ken\n", "      type: none\n      secret: x\n"), nil,
			[]string{"upstreams[1].auth.secret: not used with type none"}},
		{"timeout zero", mutate(t, "timeout: 3s", "timeout: 0s"), nil,
			[]string{"upstreams[1].timeout: must be greater than 0"}},
		{"timeout negative", mutate(t, "timeout: 3s", "timeout: -1s"), nil,
			[]string{"upstreams[1].timeout: must be greater than 0"}},
		{"maxConcurrency zero", mutate(t, "maxConcurrency: 2", "maxConcurrency: 0"), nil,
			[]string{"upstreams[1].maxConcurrency: must be from 1 to 1000, got 0"}},
		{"maxConcurrency too large", mutate(t, "maxConcurrency: 2", "maxConcurrency: 1001"), nil,
			[]string{"upstreams[1].maxConcurrency: must be from 1 to 1000, got 1001"}},
		{"maxResponseBytes zero", mutate(t, "maxResponseBytes: 1024", "maxResponseBytes: 0"), nil,
			[]string{"upstreams[1].maxResponseBytes: must be greater than 0"}},
		{"maxBodyBytes", validYAML + "maxBodyBytes: 0\n", nil,
			[]string{"maxBodyBytes: must be greater than 0"}},
		{"requestTimeout", validYAML + "requestTimeout: 0s\n", nil,
			[]string{"requestTimeout: must be greater than 0"}},
		{"log level", validYAML + "log: {level: verbose}\n", nil,
			[]string{`log.level: must be debug, info, warn or error, got "verbose"`}},
		{"log format", validYAML + "log: {format: xml}\n", nil,
			[]string{`log.format: must be text or json, got "xml"`}},
		{"end-user header name", validYAML + "endUser: {header: {id: \"X End User\"}}\n", nil,
			[]string{`endUser.header.id: not a valid HTTP header name: "X End User"`}},
		{"end-user trust without header", validYAML + "endUser: {trustHeaders: true, header: {id: \"\"}}\n", nil,
			[]string{"endUser.header.id: required when endUser.trustHeaders is true"}},
		{"end-user representation without id", validYAML + "endUser: {fallbackRepresentation: Demo}\n", nil,
			[]string{"endUser.fallbackRepresentation: set without endUser.fallbackId"}},
		{"redis url required", validYAML + "redis: {keyPrefix: kg}\n", nil,
			[]string{"redis.url: required when the redis section is present"}},
		{"redis url scheme", validYAML + "redis: {url: \"http://localhost:6379\"}\n", nil,
			[]string{"redis.url: must be a redis:// or rediss:// URL with a host"}},
		{"redis url db", validYAML + "redis: {url: \"redis://localhost:6379/x\"}\n", nil,
			[]string{"redis.url: path must be a database number"}},
		{"cache kind", validYAML + "cache: {ttl: {besluiten: 1h}}\n", nil,
			[]string{`cache.ttl.besluiten: unknown api kind "besluiten"`}},
		{"cache negative", validYAML + "cache: {ttl: {catalogi: -1h}}\n", nil,
			[]string{"cache.ttl.catalogi: must not be negative"}},
		{"cache duration", validYAML + "cache: {ttl: {catalogi: forever}}\n", nil,
			[]string{`cache.ttl.catalogi: want a duration such as 10s or 1m30s, got "forever"`}},
		{"secret env missing", mutate(t, "secret: s3cret", "secret: ${OZ_SECRET}"), nil,
			[]string{"upstreams[0].auth.secret: environment variable OZ_SECRET is not set or empty (line 11)"}},
		{"secret env unterminated", mutate(t, "secret: s3cret", "secret: ${OZ_SECRET"), nil,
			[]string{`upstreams[0].auth.secret: unterminated "${"`}},
		{"secret env bad name", mutate(t, "secret: s3cret", "secret: ${1X}"), nil,
			[]string{`upstreams[0].auth.secret: invalid environment variable name "1X"`}},
		{"redis env missing", validYAML + "redis: {url: \"redis://:${REDIS_PW}@r:6379/0\"}\n", nil,
			[]string{"redis.url: environment variable REDIS_PW is not set or empty"}},
		{"invalid yaml", "upstreams: [\n", nil,
			[]string{"invalid YAML"}},
		{"duplicate key", validYAML + "listen: :1\n", nil,
			[]string{"listen: given twice, first at line 2 (line 22)"}},
		{"two documents", validYAML + "---\nlisten: :1\n", nil,
			[]string{"exactly one document"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(c.yaml), c.env)
			if err == nil {
				t.Fatalf("Parse succeeded, want error containing %q", c.want)
			}
			var lines []string
			for _, e := range Errors(err) {
				lines = append(lines, e.Error())
			}
			for _, w := range c.want {
				found := false
				for _, l := range lines {
					if strings.Contains(l, w) {
						found = true
					}
				}
				if !found {
					t.Errorf("no error contains %q; got:\n  %s", w, strings.Join(lines, "\n  "))
				}
			}
		})
	}
}

func TestValidationCollectsAllErrors(t *testing.T) {
	y := `
listen: nope
upstreams:
  - name: a
    api: zaakjes
    baseUrl: https://x.example/api?q
    auth: {type: zgw-jwt}
    maxConcurrency: 5000
  - name: a
    api: klanten
    baseUrl: https://y.example/api
    auth: {type: token}
requestTimeout: 0s
`
	_, err := Parse(strings.NewReader(y), nil)
	errs := Errors(err)
	want := []string{
		"listen:",
		"upstreams[0].api:",
		"upstreams[0].baseUrl:",
		"upstreams[0].auth.clientId:",
		"upstreams[0].auth.secret:",
		"upstreams[0].maxConcurrency:",
		"upstreams[1].name: duplicate",
		"upstreams[1].auth.token:",
		"requestTimeout:",
	}
	if len(errs) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%v", len(errs), len(want), err)
	}
	// The errors come in the order of the file.
	for i, w := range want {
		if !strings.HasPrefix(errs[i].Error(), w) {
			t.Errorf("error %d = %q, want prefix %q", i, errs[i], w)
		}
		var fe *FieldError
		if !errors.As(errs[i], &fe) || fe.Line == 0 {
			t.Errorf("error %d (%v) is not a *FieldError with a line", i, errs[i])
		}
	}
}

func TestMergeKeys(t *testing.T) {
	y := `
upstreams:
  - &oz
    name: zaken
    api: zaken
    baseUrl: https://oz.example/zaken/api/v1
    auth: {type: zgw-jwt, clientId: kg, secret: s}
  - <<: *oz
    name: catalogi
    api: catalogi
    baseUrl: https://oz.example/catalogi/api/v1
  - <<: *oz
    name: documenten
    api: documenten
    baseUrl: https://oz.example/documenten/api/v1
    timout: 1s
`
	_, err := Parse(strings.NewReader(y), nil)
	if err == nil || !strings.Contains(err.Error(), "upstreams[2].timout: unknown field") || len(Errors(err)) != 1 {
		t.Fatalf("Parse = %v, want only the unknown field upstreams[2].timout", err)
	}
	cfg, err := Parse(strings.NewReader(strings.Replace(y, "    timout: 1s\n", "", 1)), nil)
	if err != nil {
		t.Fatal(err)
	}
	if a := cfg.UpstreamConfigs[2].Auth; a.ClientID != "kg" || cfg.UpstreamConfigs[2].API != "documenten" {
		t.Errorf("merged upstream = %+v", cfg.UpstreamConfigs[2])
	}
}

func TestNestedBaseURLsAreAllowed(t *testing.T) {
	y := mutate(t, "baseUrl: https://ok.example/klantinteracties/api/v1", "baseUrl: https://oz.example/zaken/api/v1/sub")
	if _, err := Parse(strings.NewReader(y), nil); err != nil {
		t.Fatalf("nested base URLs: %v", err)
	}
}

func TestEnvOverridesAndExpansion(t *testing.T) {
	y := mutate(t, "secret: s3cret", "secret: pre-${OZ_SECRET}-$${LITERAL}-$5")
	cfg, err := Parse(strings.NewReader(y), env("OZ_SECRET", "from-env"))
	if err != nil {
		t.Fatal(err)
	}
	if got := cfg.UpstreamConfigs[0].Auth.Secret; got != "pre-from-env-${LITERAL}-$5" {
		t.Errorf("expanded secret = %q", got)
	}

	cfg, err = Parse(strings.NewReader(y), env(
		"OZ_SECRET", "ignored-because-overridden",
		"KLANTGRAAF_UPSTREAM_ZAKEN_A_SECRET", "override",
		"KLANTGRAAF_UPSTREAM_ZAKEN_A_CLIENT_ID", "other-client",
		"KLANTGRAAF_UPSTREAM_KLANTINTERACTIES_TOKEN", "tok2",
	))
	if err != nil {
		t.Fatal(err)
	}
	a0, a1 := cfg.UpstreamConfigs[0].Auth, cfg.UpstreamConfigs[1].Auth
	if a0.Secret != "override" || a0.ClientID != "other-client" || a1.Token != "tok2" {
		t.Errorf("overrides not applied: %+v %+v", a0, a1)
	}

	// An override supplies a secret the file leaves out.
	y = mutate(t, "      secret: s3cret\n", "")
	if _, err := Parse(strings.NewReader(y), nil); err == nil {
		t.Fatal("missing secret accepted without override")
	}
	cfg, err = Parse(strings.NewReader(y), env("KLANTGRAAF_UPSTREAM_ZAKEN_A_SECRET", "x"))
	if err != nil {
		t.Fatalf("override did not satisfy the missing secret: %v", err)
	}
	if cfg.UpstreamConfigs[0].Auth.Secret != "x" {
		t.Errorf("secret = %q", cfg.UpstreamConfigs[0].Auth.Secret)
	}
}

func TestEnvPrefix(t *testing.T) {
	for in, want := range map[string]string{
		"zaken-a":          "KLANTGRAAF_UPSTREAM_ZAKEN_A_",
		"openklant.v1":     "KLANTGRAAF_UPSTREAM_OPENKLANT_V1_",
		"Klant_Interactie": "KLANTGRAAF_UPSTREAM_KLANT_INTERACTIE_",
	} {
		if got := EnvPrefix(in); got != want {
			t.Errorf("EnvPrefix(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestExampleParses(t *testing.T) {
	getenv := env("OPENZAAK_SECRET", "oz", "ODREGIO_SECRET", "od", "OPENKLANT_SECRET", "ok", "REDIS_PASSWORD", "pw", "OPENZAAK_ANALIST_SECRET", "oza")
	cfg, err := Load("example.yaml", getenv)
	if err != nil {
		t.Fatalf("example.yaml: %v", err)
	}
	kinds := map[upstream.APIKind]int{}
	for _, u := range cfg.Upstreams() {
		kinds[u.Kind]++
	}
	want := map[upstream.APIKind]int{
		upstream.APIZaken: 2, upstream.APICatalogi: 2, upstream.APIDocumenten: 2,
		upstream.APIKlanten: 1, upstream.APIContactmomenten: 1,
	}
	if fmt.Sprint(kinds) != fmt.Sprint(want) {
		t.Errorf("example kinds = %v, want %v", kinds, want)
	}
	if cfg.UpstreamConfigs[0].BaseURL != "https://openzaak.gemeente.example/zaken/api/v1" || cfg.UpstreamConfigs[0].Auth.Secret != "oz" {
		t.Errorf("first upstream = %+v", cfg.UpstreamConfigs[0])
	}
	if _, err := upstream.NewRegistry(cfg.Upstreams()); err != nil {
		t.Errorf("NewRegistry(example): %v", err)
	}

	// Without the environment every placeholder is reported at once.
	_, err = Load("example.yaml", nil)
	var le *LoadError
	if !errors.As(err, &le) || le.Path != "example.yaml" {
		t.Fatalf("Load without env: %v, want *LoadError", err)
	}
	if n := len(Errors(err)); n != 11 {
		t.Errorf("Load without env: %d errors, want 11 (one per upstream secret, one for the role credential, two for the Redis URL):\n%v", n, err)
	}
	if !strings.HasPrefix(err.Error(), "config example.yaml:\n  upstreams[0].auth.secret: environment variable OPENZAAK_SECRET") {
		t.Errorf("LoadError text = %q", err)
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "nope.yaml"), nil)
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Load(missing) = %v, want ErrNotExist", err)
	}
}

func TestSecretsStayOutOfLogs(t *testing.T) {
	cfg, err := Parse(strings.NewReader(validYAML), nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	slog.New(slog.NewTextHandler(&buf, nil)).Info("cfg", "auth", cfg.UpstreamConfigs[0].Auth, "auth2", cfg.UpstreamConfigs[1].Auth)
	s := buf.String() + fmt.Sprint(cfg.UpstreamConfigs[0].Auth) + fmt.Sprintf("%v", cfg.UpstreamConfigs[1].Auth)
	if strings.Contains(s, "s3cret") || strings.Contains(s, "t0ken") {
		t.Errorf("secret leaked: %s", s)
	}
	if !strings.Contains(s, "clientId=kg") {
		t.Errorf("client id missing: %s", s)
	}
}

func TestDefaultPlusApplyDefaultsValidates(t *testing.T) {
	cfg := Default()
	if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), "upstreams: at least one upstream is required") {
		t.Fatalf("Validate(Default()) = %v", err)
	}
	cfg.UpstreamConfigs = []Upstream{{Name: "z", API: "zaken", BaseURL: "http://127.0.0.1:1/zaken/api/v1",
		Auth: Auth{Type: "zgw-jwt", ClientID: "c", Secret: "s"}}}
	if err := cfg.Validate(); err == nil {
		t.Fatal("zero limits accepted before ApplyDefaults")
	}
	cfg.ApplyDefaults()
	if err := cfg.Validate(); err != nil {
		t.Fatalf("Validate after ApplyDefaults: %v", err)
	}
}

func TestRegisterCodeValidation(t *testing.T) {
	cfg := Default()
	cfg.UpstreamConfigs = []Upstream{
		{Name: "zaken-a", API: "zaken", BaseURL: "https://oz.example/zaken/api/v1", Auth: Auth{Type: "zgw-jwt", ClientID: "c", Secret: "s"}, RegisterCode: "oz"},
		{Name: "zaken-b", API: "zaken", BaseURL: "https://oz2.example/zaken/api/v1", Auth: Auth{Type: "zgw-jwt", ClientID: "c", Secret: "s"}, RegisterCode: "oz"},
		{Name: "klanten", API: "klanten", BaseURL: "https://ok.example/klanten/api/v1", Auth: Auth{Type: "zgw-jwt", ClientID: "c", Secret: "s"}, RegisterCode: "x"},
	}
	cfg.ApplyDefaults()
	err := cfg.Validate()
	if err == nil || !strings.Contains(err.Error(), "upstreams[1].registerCode") || !strings.Contains(err.Error(), "upstreams[2].registerCode") {
		t.Fatalf("got %v", err)
	}
}

func TestRedisModesValidation(t *testing.T) {
	base := func() *Config {
		c := Default()
		c.UpstreamConfigs = []Upstream{{Name: "zaken-a", API: "zaken", BaseURL: "https://oz.example/zaken/api/v1", Auth: Auth{Type: "zgw-jwt", ClientID: "c", Secret: "s"}}}
		c.ApplyDefaults()
		return c
	}
	ok := []*Redis{{URL: "redis://r:6379/0"}, {Addrs: []string{"a:7000", "b:7001"}}, {Addrs: []string{"s1:26379"}, MasterName: "mymaster"}}
	for _, r := range ok {
		c := base()
		c.Redis = r
		if err := c.Validate(); err != nil {
			t.Errorf("%+v: %v", r, err)
		}
	}
	bad := map[string]*Redis{
		"redis.addrs":      {URL: "redis://r:6379/0", Addrs: []string{"a:1"}},
		"redis.addrs[0]":   {Addrs: []string{"no-port"}},
		"redis.masterName": {URL: "redis://r:6379/0", MasterName: "m"},
		"redis.url":        {},
	}
	for field, r := range bad {
		c := base()
		c.Redis = r
		err := c.Validate()
		if err == nil || !strings.Contains(err.Error(), field) {
			t.Errorf("%+v: got %v, want an error naming %s", r, err, field)
		}
	}
}
