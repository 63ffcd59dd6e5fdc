package provider

import (
	"context"
	"net/http"

	"github.com/klantgraaf/klantgraaf/sim/data"
)

// Client is a credential an instance accepts.
type Client struct {
	ID     string `json:"clientId"`
	Secret string `json:"secret"`
	// Scopes granted; "*" grants all.
	Scopes []string `json:"scopes"`
	// MaxVertrouwelijkheid is the ceiling above which zaken and documents are
	// invisible to this client.
	MaxVertrouwelijkheid     data.Vertrouwelijkheid `json:"-"`
	MaxVertrouwelijkheidName string                 `json:"maxVertrouwelijkheidaanduiding"`
}

// HasScope reports whether the client was granted scope.
func (c *Client) HasScope(scope string) bool {
	for _, s := range c.Scopes {
		if s == "*" || s == scope {
			return true
		}
	}
	return false
}

type ctxKey int

const clientKey ctxKey = 1

// WithClient stores the authenticated client in a context.
func WithClient(ctx context.Context, c *Client) context.Context {
	return context.WithValue(ctx, clientKey, c)
}

// ClientFrom returns the authenticated client of a request.
func ClientFrom(ctx context.Context) *Client {
	c, _ := ctx.Value(clientKey).(*Client)
	return c
}

// RequireScope writes a 403 and returns false when the request's client
// lacks scope.
func RequireScope(w http.ResponseWriter, r *http.Request, scope string) bool {
	c := ClientFrom(r.Context())
	if c != nil && c.HasScope(scope) {
		return true
	}
	WriteProblem(w, http.StatusForbidden, "permission_denied", "Je hebt geen toestemming om deze actie uit te voeren.",
		"Ontbrekende scope: "+scope)
	return false
}

// Visible reports whether the request's client may see an object with
// vertrouwelijkheidaanduiding v (the ZGW autorisatie ceiling).
func Visible(r *http.Request, v data.Vertrouwelijkheid) bool {
	c := ClientFrom(r.Context())
	return c != nil && v <= c.MaxVertrouwelijkheid
}
