package main

import (
	"log/slog"
	"net/http"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/klantgraaf/klantgraaf/config"
	"github.com/klantgraaf/klantgraaf/policy"
	"github.com/klantgraaf/klantgraaf/server"
	"github.com/klantgraaf/klantgraaf/sim"
)

// buildAccess makes the authentication middleware of the GraphQL endpoint
// from the auth and policy sections: the policy is checked against the
// schema (errors name the configuration field), bearer tokens are verified
// against the configured key set, and every request carries its caller,
// grant and role credentials.
func buildAccess(cfg *config.Config, schema *ast.Schema, logger *slog.Logger) (func(http.Handler) http.Handler, error) {
	if err := cfg.CheckPolicy(schema); err != nil {
		return nil, err
	}
	pol, err := policy.New(cfg.PolicySpec(), schema)
	if err != nil {
		return nil, err
	}
	o := server.AuthOptions{
		EndUser: server.EndUserOptions{
			TrustHeaders: cfg.EndUser.TrustHeaders,
			IDHeader:     cfg.EndUser.Header.ID,
		},
		Policy:      pol,
		Credentials: cfg.RoleCredentials(),
		Logger:      logger,
	}
	if a := cfg.Auth; a != nil {
		o.AnonymousAllowed, o.AnonymousRoles = a.Anonymous.Allowed, a.Anonymous.Roles
		for _, k := range a.APIKeys {
			o.APIKeys = append(o.APIKeys, server.APIKey{Client: k.Client, SHA256: k.SHA256, Roles: k.Roles})
		}
		if oc := a.OIDC; oc != nil {
			userID, repr, roles := oc.ClaimsOr()
			o.OIDC = &server.OIDCOptions{
				Issuer:     oc.Issuer,
				Audience:   oc.Audience,
				Algorithms: oc.AlgorithmsOr(),
				Leeway:     oc.LeewayOr(),
				Keys: server.NewJWKS(server.JWKSOptions{
					URL:        oc.JWKSURL,
					File:       oc.JWKSFile,
					CacheTTL:   oc.JWKSCacheTTLOr(),
					MinRefresh: oc.JWKSMinRefreshOr(),
				}),
				UserIDClaim:             userID,
				UserRepresentationClaim: repr,
				RolesClaim:              roles,
				RoleMapping:             oc.RoleMapping,
			}
		}
	}
	return server.Authenticate(o)
}

// simRestrictedClient is the client every simulated provider accepts with
// read scopes and the confidentiality ceiling zaakvertrouwelijk.
const simRestrictedClient = "klantgraaf-beperkt"

// demoCredentials makes the demo's restricted role read with the
// provider's restricted client (read-only, confidentiality ceiling
// zaakvertrouwelijk), when the provider has one.
func demoCredentials(p sim.Provider) []config.RoleCredential {
	for _, c := range p.Clients {
		if c.ID != simRestrictedClient {
			continue
		}
		rc := config.RoleCredential{Roles: []string{config.DemoRestrictedRole}}
		if p.Auth.Type == "token" {
			rc.Token = c.Secret
		} else {
			rc.ClientID, rc.Secret = c.ID, c.Secret
		}
		return []config.RoleCredential{rc}
	}
	return nil
}
