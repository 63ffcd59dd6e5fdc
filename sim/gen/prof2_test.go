package gen

import (
	"testing"

	"github.com/klantgraaf/klantgraaf/sim/data"
)

func BenchmarkProf(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Generate(Config{Seed: 1, Scale: "large"}, data.DefaultTopology())
	}
}
