// Package provider holds what every simulated API shares: the environment a
// handler runs in, problem+json errors, pagination, ETags, request bodies,
// authorization checks and geo headers.
package provider

import (
	"net/http"
	"strings"

	"github.com/klantgraaf/klantgraaf/sim/data"
)

// Env is what an API's handlers work with: the serving instance and the
// shared store.
type Env struct {
	Inst    uint8
	Spec    data.InstanceSpec
	BaseURL string
	Store   *data.Store
}

// URL renders the URL of a resource owned by this instance.
func (e *Env) URL(collection string, u data.UUID) string {
	return e.Store.URL(e.Inst, collection, u)
}

// Paginate pages refs for the request (see the package function).
func (e *Env) Paginate(w http.ResponseWriter, r *http.Request, refs []data.Ref, allowPageSize bool) ([]data.Ref, PageEnvelope, bool) {
	return Paginate(w, r, e.BaseURL, refs, allowPageSize)
}

// RequireCrs enforces Accept-Crs (and Content-Crs on bodies) on the geo
// endpoints as Open Zaak does: a missing or unsupported header is 412/406.
// On success the response carries Content-Crs.
func RequireCrs(w http.ResponseWriter, r *http.Request, body bool) bool {
	ac := r.Header.Get("Accept-Crs")
	if ac == "" {
		WriteProblem(w, http.StatusPreconditionFailed, "precondition_failed", "Precondition failed",
			"'Accept-Crs' header ontbreekt")
		return false
	}
	if !strings.EqualFold(strings.TrimSpace(ac), "EPSG:4326") {
		WriteProblem(w, http.StatusNotAcceptable, "not_acceptable", "Not acceptable",
			"CRS '"+ac+"' is niet ondersteund")
		return false
	}
	if body {
		cc := r.Header.Get("Content-Crs")
		if cc == "" {
			WriteProblem(w, http.StatusPreconditionFailed, "precondition_failed", "Precondition failed",
				"'Content-Crs' header ontbreekt")
			return false
		}
		if !strings.EqualFold(strings.TrimSpace(cc), "EPSG:4326") {
			WriteProblem(w, http.StatusUnsupportedMediaType, "unsupported_media_type", "Unsupported media type",
				"CRS '"+cc+"' is niet ondersteund")
			return false
		}
	}
	w.Header().Set("Content-Crs", "EPSG:4326")
	return true
}
