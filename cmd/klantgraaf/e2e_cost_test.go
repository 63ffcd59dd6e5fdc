package main

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/klantgraaf/klantgraaf/config"
	"github.com/klantgraaf/klantgraaf/sim"
)

type costExt struct {
	UpstreamRequests int
	CacheHits        map[string]int
	Sources          map[string]struct{ Requests, L1, L2, Revalidated int }
}

func costOf(t *testing.T, r *gqlResponse) costExt {
	t.Helper()
	var c costExt
	b, _ := json.Marshal(r.Extensions["cost"])
	if err := json.Unmarshal(b, &c); err != nil || r.Extensions["cost"] == nil {
		t.Fatalf("no extensions.cost: %v %s", err, b)
	}
	return c
}

// TestKlantbeeldRequestBudget: the benchmark person's klantbeeld costs at
// most 12 upstream requests in at most 4 sequential round trips, and
// extensions.cost reports exactly what the providers saw.
//
// The budget holds for a municipality on the v1 registers (Open Klant 1.x);
// with a Klantinteracties register configured beside them the klantbeeld
// also looks the person up there: one request more.
func TestKlantbeeldRequestBudget(t *testing.T) {
	t.Run("v1", func(t *testing.T) { testRequestBudget(t, 12, true) })
	t.Run("v1 and v2", func(t *testing.T) { testRequestBudget(t, 13, false) })
}

func testRequestBudget(t *testing.T, budget int, v1Only bool) {
	e := newEnv(t, sim.Config{Latency: 5 * time.Millisecond}, func(c *config.Config) {
		if !v1Only {
			return
		}
		var ups []config.Upstream
		for _, u := range c.UpstreamConfigs {
			if u.API != "klantinteracties" && u.API != "contactgegevens" {
				ups = append(ups, u)
			}
		}
		c.UpstreamConfigs = ups
	})
	sc, _ := e.sim.ShowcaseByKey("benchmark")
	e.sim.ResetStats()
	resp := e.query(readQuery(t, "klantbeeld.graphql"), map[string]any{"bsn": sc.BSN}, nil)
	if len(resp.Errors) > 0 {
		t.Fatalf("errors: %+v", resp.Errors)
	}
	e.sim.WaitIdle(2 * time.Second)
	st := e.sim.Stats(true)
	cost := costOf(t, resp)
	if cost.UpstreamRequests != st.Total {
		t.Errorf("extensions.cost says %d upstream requests, the providers saw %d", cost.UpstreamRequests, st.Total)
	}
	for name, is := range st.Instances {
		if cost.Sources[name].Requests != is.Requests {
			t.Errorf("%s: cost %d, provider saw %d", name, cost.Sources[name].Requests, is.Requests)
		}
	}
	t.Logf("klantbeeld: %d upstream requests in %d rounds", st.Total, st.Rounds)
	for _, l := range st.Log {
		t.Logf("  %s %s %s", l.Instance, l.Method, l.Path)
	}
	if st.Total > budget {
		t.Errorf("klantbeeld made %d upstream requests, budget %d", st.Total, budget)
	}
	if st.Rounds > 4 {
		t.Errorf("klantbeeld took %d sequential round trips, budget 4", st.Rounds)
	}
}
