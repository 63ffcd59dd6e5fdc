// Package klanten simulates the klanten API.
package klanten

import (
	"github.com/go-chi/chi/v5"

	"github.com/klantgraaf/klantgraaf/sim/provider"
)

// Routes registers the API's endpoints under the instance's base path.
func Routes(e *provider.Env, r chi.Router) {}
