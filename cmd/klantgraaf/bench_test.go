package main

import (
	"testing"

	"github.com/klantgraaf/klantgraaf/sim"
)

// BenchmarkWarmKlantbeeld measures the klantbeeld of the benchmark person
// served from L1 through the whole HTTP stack:
//
//	go test -run '^$' -bench WarmKlantbeeld -benchmem ./cmd/klantgraaf
func BenchmarkWarmKlantbeeld(b *testing.B) {
	e := newEnv(b, sim.Config{}, nil)
	sc, _ := e.sim.ShowcaseByKey("benchmark")
	q := readQuery(b, "klantbeeld.graphql")
	vars := map[string]any{"bsn": sc.BSN}
	e.query(q, vars, nil)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if r := e.query(q, vars, nil); len(r.Errors) > 0 {
			b.Fatal(r.Errors)
		}
	}
}
