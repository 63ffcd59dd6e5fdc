package config

import (
	"strings"
	"testing"
	"time"

	"github.com/klantgraaf/klantgraaf/upstream"
)

func TestRetriesAndBreakerParsed(t *testing.T) {
	y := mutate(t, "    maxResponseBytes: 1024\n", `    maxResponseBytes: 1024
    retries:
      maxAttempts: 4
      baseDelay: 20ms
      maxDelay: 500ms
    breaker:
      failures: 7
      openTimeout: 30s
      halfOpenProbes: 2
`)
	cfg, err := Parse(strings.NewReader(y), nil)
	if err != nil {
		t.Fatal(err)
	}
	ups := cfg.Upstreams()
	if got, want := ups[1].Retry, (upstream.RetryPolicy{MaxAttempts: 4, BaseDelay: 20 * time.Millisecond, MaxDelay: 500 * time.Millisecond}); got != want {
		t.Errorf("retry = %+v, want %+v", got, want)
	}
	if got, want := ups[1].Breaker, (upstream.BreakerPolicy{Failures: 7, OpenTimeout: 30 * time.Second, HalfOpenProbes: 2}); got != want {
		t.Errorf("breaker = %+v, want %+v", got, want)
	}
	// Absent: the upstream package's defaults.
	c, err := upstream.NewClient(ups[0])
	if err != nil {
		t.Fatal(err)
	}
	r, b := c.Config().Retry, c.Config().Breaker
	if r.MaxAttempts != upstream.DefaultMaxAttempts || r.BaseDelay != upstream.DefaultRetryBaseDelay || r.MaxDelay != upstream.DefaultRetryMaxDelay ||
		b.Failures != upstream.DefaultBreakerFailures || b.OpenTimeout != upstream.DefaultBreakerOpenTimeout || b.HalfOpenProbes != 1 {
		t.Errorf("defaults: retry %+v breaker %+v", r, b)
	}
	c1, err := upstream.NewClient(ups[1])
	if err != nil {
		t.Fatal(err)
	}
	if c1.Config().Retry.MaxAttempts != 4 || c1.Config().Breaker.Failures != 7 {
		t.Errorf("configured values lost: %+v", c1.Config())
	}
}

func TestRetriesAndBreakerValidation(t *testing.T) {
	for _, tc := range []struct {
		name, add string
		want      []string
	}{
		{"zero attempts", "retries:\n      maxAttempts: 0", []string{"upstreams[1].retries.maxAttempts: must be from 1 to 10 (1 turns retrying off), got 0"}},
		{"too many attempts", "retries:\n      maxAttempts: 11", []string{"upstreams[1].retries.maxAttempts: must be from 1 to 10"}},
		{"zero base delay", "retries:\n      baseDelay: 0s", []string{"upstreams[1].retries.baseDelay: must be greater than 0"}},
		{"negative max delay", "retries:\n      maxDelay: -1s", []string{"upstreams[1].retries.maxDelay: must be greater than 0"}},
		{"max below base", "retries:\n      baseDelay: 1s\n      maxDelay: 100ms", []string{"upstreams[1].retries.maxDelay: must be at least upstreams[1].retries.baseDelay (1s), got 100ms"}},
		{"max below default base", "retries:\n      maxDelay: 10ms", []string{"upstreams[1].retries.maxDelay: must be at least upstreams[1].retries.baseDelay (50ms)"}},
		{"bad duration", "retries:\n      baseDelay: soon", []string{`upstreams[1].retries.baseDelay: want a duration such as 10s or 1m30s, got "soon"`}},
		{"unknown field", "retries:\n      attempts: 3", []string{"upstreams[1].retries.attempts: unknown field; known fields here: maxAttempts, baseDelay, maxDelay"}},
		{"zero failures", "breaker:\n      failures: 0", []string{"upstreams[1].breaker.failures: must be from 1 to 1000, got 0"}},
		{"negative failures", "breaker:\n      failures: -2", []string{"upstreams[1].breaker.failures: must be from 1 to 1000, got -2"}},
		{"zero open timeout", "breaker:\n      openTimeout: 0s", []string{"upstreams[1].breaker.openTimeout: must be greater than 0"}},
		{"zero probes", "breaker:\n      halfOpenProbes: 0", []string{"upstreams[1].breaker.halfOpenProbes: must be from 1 to 1000, got 0"}},
		{"all at once", "retries:\n      maxAttempts: 0\n    breaker:\n      failures: 0",
			[]string{"upstreams[1].retries.maxAttempts:", "upstreams[1].breaker.failures:"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			y := mutate(t, "    maxResponseBytes: 1024\n", "    maxResponseBytes: 1024\n    "+tc.add+"\n")
			_, err := Parse(strings.NewReader(y), nil)
			if err == nil {
				t.Fatal("accepted")
			}
			errs := Errors(err)
			for _, w := range tc.want {
				found := false
				for _, e := range errs {
					if strings.Contains(e.Error(), w) && strings.Contains(e.Error(), "(line ") {
						found = true
					}
				}
				if !found {
					t.Errorf("no error containing %q (with its line) in:\n%v", w, err)
				}
			}
			if len(errs) != len(tc.want) {
				t.Errorf("%d errors, want %d:\n%v", len(errs), len(tc.want), err)
			}
		})
	}
}

func TestRetriesAndBreakerInCode(t *testing.T) {
	// Built in code, zero means default; negative is refused.
	cfg := Default()
	cfg.UpstreamConfigs = []Upstream{{Name: "z", API: "zaken", BaseURL: "http://127.0.0.1:1/zaken/api/v1", Auth: Auth{Type: "none"}}}
	cfg.ApplyDefaults()
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	cfg.UpstreamConfigs[0].Retries.MaxAttempts = -1
	cfg.UpstreamConfigs[0].Breaker.OpenTimeout = Duration(-time.Second)
	err := cfg.Validate()
	if err == nil || !strings.Contains(err.Error(), "upstreams[0].retries.maxAttempts") || !strings.Contains(err.Error(), "upstreams[0].breaker.openTimeout") {
		t.Fatalf("negative values: %v", err)
	}
}
