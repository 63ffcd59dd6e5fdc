package config

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// FuzzParse feeds arbitrary YAML to the configuration parser, with an
// environment that answers every variable: no panic, a refusal is a list of
// problems that each have text, and an accepted configuration is one that
// validates. Run it with
//
//	go test -run '^$' -fuzz '^FuzzParse$' -fuzztime 30s ./config
func FuzzParse(f *testing.F) {
	if b, err := os.ReadFile("example.yaml"); err == nil {
		f.Add(string(b))
	}
	for _, s := range []string{
		"",
		"listen: \":8080\"\nupstreams:\n  - name: zaken\n    api: zaken\n    baseUrl: https://zaken.example/zaken/api/v1\n    auth: {type: zgw-jwt, clientId: a, secret: b}\n",
		"upstreams:\n  - &u {name: a, api: zaken, baseUrl: 'https://x/zaken/api/v1', auth: {type: token, token: t}}\n  - <<: *u\n    name: b\n",
		"upstreams: [{name: a, api: klanten, baseUrl: 'https://x/k', auth: {type: zgw-jwt, clientId: '${ID}', secret: '${SECRET}'}}]\n",
		"requestTimeout: -1s\nmaxBodyBytes: -5\nlisten: 99999\n",
		"requestTimeout: 9999999999999h\n",
		"cache: {ttl: {zaken: 1h, onbekend: 2s}, l1Bytes: 1e99}\n",
		"log: {level: shout}\nlog: {level: info}\n",
		"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nupstreams: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
		"upstreams: &x [*x]\n",
		"<<: {listen: ':1'}\n",
		"---\nlisten: a\n---\nlisten: b\n",
		"!!binary aGVsbG8=\n",
		"upstreams:\n  - name: \"\\x00\"\n    baseUrl: \"http://u:p@h/\"\n",
		"[1, 2, 3]\n",
		"listen: {a: b}\nendUser: [1]\nredis: x\n",
		"\t- bad indentation\n",
		strings.Repeat("[", 5000),
	} {
		f.Add(s)
	}
	getenv := func(name string) string { return "env-" + strings.ToLower(name) }
	f.Fuzz(func(t *testing.T, yml string) {
		cfg, err := Parse(strings.NewReader(yml), getenv)
		if err != nil {
			if cfg != nil {
				t.Fatalf("both a configuration and an error: %v", err)
			}
			problems := Errors(err)
			if len(problems) == 0 {
				t.Fatalf("an error without problems: %v", err)
			}
			for _, p := range problems {
				if p == nil || p.Error() == "" {
					t.Fatalf("an empty problem in %v", err)
				}
				var fe *FieldError
				if errors.As(p, &fe) && fe.Field == "" {
					t.Fatalf("a field error without a field: %v", p)
				}
			}
			return
		}
		if cfg == nil {
			t.Fatal("neither a configuration nor an error")
		}
		if err := cfg.Validate(); err != nil {
			t.Fatalf("Parse accepted a configuration that does not validate: %v", err)
		}
		_ = cfg.Upstreams()
	})
}
