package upstream

import (
	"context"
	"slices"
)

// RoleCredential is a credential an upstream is called with on behalf of
// callers that hold one of Roles, instead of the upstream's own Auth. Its
// type is the upstream's (zgw-jwt: ClientID and Secret; token: Token).
type RoleCredential struct {
	Roles []string
	Auth  Auth
}

// RoleCredentials lists the role credentials per upstream name, in the order
// of the configuration.
type RoleCredentials map[string][]RoleCredential

type roleCredentialKey struct{}

// WithRoleCredentials returns a context in which requests to an upstream of
// rc use the credential of its first entry that names one of roles; an
// upstream without such an entry keeps its own credential. The cache key
// follows the credential actually used (see Client.principal), so callers
// whose roles select different credentials never share cache entries.
func WithRoleCredentials(ctx context.Context, rc RoleCredentials, roles []string) context.Context {
	if len(rc) == 0 || len(roles) == 0 {
		return ctx
	}
	picked := map[string]Auth{}
	for name, entries := range rc {
		for _, e := range entries {
			if slices.ContainsFunc(e.Roles, func(r string) bool { return slices.Contains(roles, r) }) {
				picked[name] = e.Auth
				break
			}
		}
	}
	if len(picked) == 0 {
		return ctx
	}
	return context.WithValue(ctx, roleCredentialKey{}, picked)
}

// credential is the credential a request in ctx is sent with: the one its
// caller's roles picked for this upstream, else the upstream's own.
func (c *Client) credential(ctx context.Context) Auth {
	if picked, ok := ctx.Value(roleCredentialKey{}).(map[string]Auth); ok {
		if a, ok := picked[c.cfg.Name]; ok && a.Type == c.cfg.Auth.Type {
			return a
		}
	}
	return c.cfg.Auth
}
