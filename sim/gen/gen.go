// Package gen generates the simulator's deterministic dataset.
package gen

import (
	"github.com/klantgraaf/klantgraaf/sim/data"
)

// Config selects the dataset.
type Config struct {
	Seed  uint64
	Scale string // small | medium | large
}

// Generate builds the dataset for a topology.
func Generate(cfg Config, topo data.Topology) (*data.Data, error) {
	return &data.Data{Seed: cfg.Seed}, nil
}
