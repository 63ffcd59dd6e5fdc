package gen

import (
	"testing"
	"time"

	"github.com/klantgraaf/klantgraaf/sim/data"
)

func TestProfLarge(t *testing.T) {
	for i := 0; i < 2; i++ {
		st := time.Now()
		d, _ := Generate(Config{Seed: 1, Scale: "large"}, data.DefaultTopology())
		t.Log(time.Since(st), d.Zaken.Len())
	}
}
