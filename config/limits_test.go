package config

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLimitDefaults(t *testing.T) {
	cfg, err := Parse(strings.NewReader(validYAML), nil)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Limits != DefaultLimits() || cfg.Limits.RateLimit.RequestsPerSecond != 0 {
		t.Errorf("limits = %+v, want the defaults with rate limiting off", cfg.Limits)
	}
	if cfg.PersistedQueries.APQ || cfg.PersistedQueries.TrustedDocuments != "" {
		t.Errorf("persistedQueries = %+v, want off", cfg.PersistedQueries)
	}
	// serve: no introspection, no GraphiQL unless asked for.
	if d := Default(); d.Introspection || d.GraphiQL {
		t.Errorf("Default(): introspection %v, graphiql %v", d.Introspection, d.GraphiQL)
	}
}

func TestLimitsParsed(t *testing.T) {
	cfg, err := Parse(strings.NewReader(validYAML+`
introspection: true
limits:
  maxDepth: 8
  maxAliases: 5
  rateLimit:
    requestsPerSecond: 2.5
persistedQueries:
  apq: true
`), nil)
	if err != nil {
		t.Fatal(err)
	}
	l := cfg.Limits
	if l.MaxDepth != 8 || l.MaxAliases != 5 || l.MaxComplexity != DefaultMaxComplexity || l.MaxRootFields != DefaultMaxRootFields ||
		l.MaxUpstreamRequests != DefaultMaxUpstreamRequests || l.RateLimit.RequestsPerSecond != 2.5 || l.RateLimit.BurstOr() != 3 {
		t.Errorf("limits = %+v (burst %d)", l, l.RateLimit.BurstOr())
	}
	if !cfg.PersistedQueries.APQ || !cfg.Introspection {
		t.Errorf("persistedQueries %+v, introspection %v", cfg.PersistedQueries, cfg.Introspection)
	}
}

func writeTrusted(t *testing.T, docs map[string]string) string {
	t.Helper()
	b, _ := json.Marshal(docs)
	p := filepath.Join(t.TempDir(), "trusted.json")
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func hashOf(q string) string {
	s := sha256.Sum256([]byte(q))
	return hex.EncodeToString(s[:])
}

func TestLimitsValidationNamesTheField(t *testing.T) {
	good := writeTrusted(t, map[string]string{hashOf("{ sources { name } }"): "{ sources { name } }"})
	bad := writeTrusted(t, map[string]string{hashOf("{ a }"): "{ b }"})
	empty := writeTrusted(t, map[string]string{})
	for _, c := range []struct {
		name, yaml string
		want       []string
	}{
		{"zero depth", "limits:\n  maxDepth: 0", []string{"limits.maxDepth: must be from 1 to 100000000, got 0 (line "}},
		{"negative complexity", "limits:\n  maxComplexity: -1", []string{"limits.maxComplexity: must be from 1"}},
		{"zero aliases and root fields", "limits:\n  maxAliases: 0\n  maxRootFields: 0", []string{"limits.maxAliases:", "limits.maxRootFields:"}},
		{"zero upstream requests", "limits:\n  maxUpstreamRequests: 0", []string{"limits.maxUpstreamRequests: must be from 1"}},
		{"not a number", "limits:\n  maxDepth: deep", []string{`limits.maxDepth: want an integer, got "deep"`}},
		{"negative rate", "limits:\n  rateLimit:\n    requestsPerSecond: -1", []string{"limits.rateLimit.requestsPerSecond: must be from 0 (off) to 1000000, got -1"}},
		{"rate not a number", "limits:\n  rateLimit:\n    requestsPerSecond: fast", []string{`limits.rateLimit.requestsPerSecond: want a number, got "fast"`}},
		{"burst without rate", "limits:\n  rateLimit:\n    burst: 5", []string{"limits.rateLimit.burst: needs limits.rateLimit.requestsPerSecond"}},
		{"negative burst", "limits:\n  rateLimit:\n    requestsPerSecond: 1\n    burst: -5", []string{"limits.rateLimit.burst: must be from 1"}},
		{"unknown field", "limits:\n  maxDepht: 5", []string{"limits.maxDepht: unknown field; known fields here: maxDepth, maxComplexity, maxAliases, maxRootFields, maxUpstreamRequests, rateLimit"}},
		{"apq with trusted documents", "persistedQueries:\n  apq: true\n  trustedDocuments: " + good, []string{"persistedQueries.apq: cannot be combined with persistedQueries.trustedDocuments"}},
		{"missing trusted documents", "persistedQueries:\n  trustedDocuments: /nonexistent/trusted.json", []string{"persistedQueries.trustedDocuments: open /nonexistent/trusted.json"}},
		{"a wrong hash", "persistedQueries:\n  trustedDocuments: " + bad, []string{"persistedQueries.trustedDocuments: " + bad + `: key "` + hashOf("{ a }") + `" is not the sha256 of its query (` + hashOf("{ b }") + ")"}},
		{"no documents", "persistedQueries:\n  trustedDocuments: " + empty, []string{"holds no documents"}},
	} {
		_, err := Parse(strings.NewReader(validYAML+c.yaml+"\n"), nil)
		errs := Errors(err)
		if len(errs) != len(c.want) {
			t.Errorf("%s: %d errors, want %d:\n%v", c.name, len(errs), len(c.want), err)
			continue
		}
		for i, w := range c.want {
			if !strings.Contains(errs[i].Error(), w) {
				t.Errorf("%s: error %q lacks %q", c.name, errs[i], w)
			}
		}
	}

	cfg, err := Parse(strings.NewReader(validYAML+"persistedQueries:\n  trustedDocuments: "+good+"\n"), nil)
	if err != nil {
		t.Fatalf("valid trusted documents: %v", err)
	}
	docs, err := LoadTrustedDocuments(cfg.PersistedQueries.TrustedDocuments)
	if err != nil || docs[hashOf("{ sources { name } }")] != "{ sources { name } }" {
		t.Errorf("LoadTrustedDocuments: %v %v", docs, err)
	}
}
