package server

import (
	"net/http"
	"unicode"
	"unicode/utf8"

	"github.com/klantgraaf/klantgraaf/upstream"
)

// EndUserOptions says where the identity of the end user comes from.
type EndUserOptions struct {
	// TrustHeaders takes the identity from IDHeader and
	// RepresentationHeader. Enable it only behind an authenticating proxy
	// that sets these headers and drops them from client requests.
	TrustHeaders bool
	// IDHeader carries the end user's id (default X-End-User-Id).
	IDHeader string
	// RepresentationHeader carries a readable name (default
	// X-End-User-Representation).
	RepresentationHeader string
	// FallbackID and FallbackRepresentation are used when the request
	// carries no identity (or headers are not trusted). An empty
	// FallbackID leaves such requests without an end user.
	FallbackID             string
	FallbackRepresentation string
}

// Default end-user header names.
const (
	DefaultEndUserIDHeader             = "X-End-User-Id"
	DefaultEndUserRepresentationHeader = "X-End-User-Representation"
)

const maxEndUserLen = 256

// EndUserIdentity puts the end user into the request context (see
// upstream.WithEndUser), from the trusted headers when configured and
// present, else from the fallback. A header value that is too long or not
// printable UTF-8 is rejected with a GraphQL-shaped 400.
func EndUserIdentity(opts EndUserOptions) func(http.Handler) http.Handler {
	if opts.IDHeader == "" {
		opts.IDHeader = DefaultEndUserIDHeader
	}
	if opts.RepresentationHeader == "" {
		opts.RepresentationHeader = DefaultEndUserRepresentationHeader
	}
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			u := upstream.EndUser{ID: opts.FallbackID, Representation: opts.FallbackRepresentation}
			if opts.TrustHeaders {
				if id := r.Header.Get(opts.IDHeader); id != "" {
					rep := r.Header.Get(opts.RepresentationHeader)
					if !validEndUserValue(id) {
						writeError(w, http.StatusBadRequest, "BAD_REQUEST", "invalid "+opts.IDHeader+" header")
						return
					}
					if !validEndUserValue(rep) {
						writeError(w, http.StatusBadRequest, "BAD_REQUEST", "invalid "+opts.RepresentationHeader+" header")
						return
					}
					u = upstream.EndUser{ID: id, Representation: rep}
				}
			}
			if u.ID == "" {
				next.ServeHTTP(w, r)
				return
			}
			next.ServeHTTP(w, r.WithContext(upstream.WithEndUser(r.Context(), u)))
		})
	}
}

func validEndUserValue(s string) bool {
	if len(s) > maxEndUserLen || !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if !unicode.IsPrint(r) {
			return false
		}
	}
	return true
}
