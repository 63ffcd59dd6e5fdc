package config

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"maps"
	"net"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/klantgraaf/klantgraaf/policy"
	"github.com/klantgraaf/klantgraaf/upstream"
)

// InboundAuth configures how callers of the gateway authenticate (YAML key
// "auth"): OIDC/JWT bearer tokens, static API keys for service clients, and
// whether anonymous callers are let in. Without the section (klantgraaf
// serve) every request needs a credential and none is configured, so every
// GraphQL request is refused with 401.
type InboundAuth struct {
	// OIDC accepts "Authorization: Bearer <jwt>" tokens of an OpenID
	// Connect provider, verified against its JWKS.
	OIDC *OIDC `yaml:"oidc"`
	// APIKeys are static keys of service clients, sent as "X-API-Key: <key>"
	// or "Authorization: ApiKey <key>".
	APIKeys []APIKey `yaml:"apiKeys"`
	// Anonymous says whether requests without a credential are served, and
	// with which roles.
	Anonymous Anonymous `yaml:"anonymous"`
}

// OIDC configures the verification of bearer tokens.
type OIDC struct {
	// Issuer must equal the token's iss claim.
	Issuer string `yaml:"issuer"`
	// Audience must be one of the token's aud values.
	Audience string `yaml:"audience"`
	// JWKSURL is where the provider publishes its signing keys (https; http
	// only for a loopback host). Keys are cached (JWKSCacheTTL) and fetched
	// again when a token names an unknown key id (at most every
	// JWKSMinRefresh).
	JWKSURL string `yaml:"jwksUrl"`
	// JWKSFile is a local JWKS file instead of JWKSURL.
	JWKSFile string `yaml:"jwksFile"`
	// Algorithms are the accepted signature algorithms (default [RS256]):
	// RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512.
	// Symmetric (HS*) and unsigned (none) tokens are never accepted.
	Algorithms []string `yaml:"algorithms"`
	// Leeway is the clock skew allowed on exp, nbf and iat (default 30s,
	// at most 5m).
	Leeway *Duration `yaml:"leeway"`
	// JWKSCacheTTL is how long fetched keys are used before they are fetched
	// again (default 1h).
	JWKSCacheTTL *Duration `yaml:"jwksCacheTtl"`
	// JWKSMinRefresh is the least time between two fetches caused by unknown
	// key ids (default 30s).
	JWKSMinRefresh *Duration `yaml:"jwksMinRefresh"`
	// UserIDClaim is the claim (a dot path) that identifies the end user to
	// the upstreams: user_id in their audit trails (default "sub").
	UserIDClaim string `yaml:"userIdClaim"`
	// UserRepresentationClaim is the claim with the end user's readable
	// name: user_representation (default "name").
	UserRepresentationClaim string `yaml:"userRepresentationClaim"`
	// RolesClaim is the dot path of the claim holding the caller's roles or
	// groups, a list of strings or one string (default "roles"; Keycloak:
	// "realm_access.roles"; Entra ID and others: "groups").
	RolesClaim string `yaml:"rolesClaim"`
	// RoleMapping maps claim values to roles of the policy. Values without
	// a mapping grant nothing. Without a mapping, claim values that name a
	// role of the policy are that role.
	RoleMapping map[string]string `yaml:"roleMapping"`
}

// Defaults of the oidc section.
const (
	DefaultOIDCLeeway         = 30 * time.Second
	MaxOIDCLeeway             = 5 * time.Minute
	DefaultJWKSCacheTTL       = time.Hour
	DefaultJWKSMinRefresh     = 30 * time.Second
	DefaultUserIDClaim        = "sub"
	DefaultUserReprClaim      = "name"
	DefaultRolesClaim         = "roles"
	DefaultOIDCAlgorithm      = "RS256"
	apiKeyHashHexLen          = 2 * sha256.Size
	maxClaimPathLen           = 256
	maxAPIKeys                = 1000
	maxRoleMappings           = 1000
	maxPolicyRoles            = 100
	maxCredentialsPerUpstream = 100
)

// OIDCAlgorithms are the accepted values of auth.oidc.algorithms.
var OIDCAlgorithms = []string{"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"}

// LeewayOr is the configured leeway or its default.
func (o *OIDC) LeewayOr() time.Duration { return durOr(o.Leeway, DefaultOIDCLeeway) }

// JWKSCacheTTLOr is the configured key cache lifetime or its default.
func (o *OIDC) JWKSCacheTTLOr() time.Duration { return durOr(o.JWKSCacheTTL, DefaultJWKSCacheTTL) }

// JWKSMinRefreshOr is the configured least refetch interval or its default.
func (o *OIDC) JWKSMinRefreshOr() time.Duration {
	return durOr(o.JWKSMinRefresh, DefaultJWKSMinRefresh)
}

// AlgorithmsOr is the configured algorithms or the default.
func (o *OIDC) AlgorithmsOr() []string {
	if len(o.Algorithms) == 0 {
		return []string{DefaultOIDCAlgorithm}
	}
	return o.Algorithms
}

// ClaimsOr returns the user id, representation and roles claim paths with
// their defaults.
func (o *OIDC) ClaimsOr() (userID, representation, roles string) {
	return strOr(o.UserIDClaim, DefaultUserIDClaim), strOr(o.UserRepresentationClaim, DefaultUserReprClaim), strOr(o.RolesClaim, DefaultRolesClaim)
}

func durOr(d *Duration, def time.Duration) time.Duration {
	if d == nil {
		return def
	}
	return d.Std()
}

func strOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// APIKey is the static key of one service client. Only the key's SHA-256
// is configured: `printf %s "$KEY" | sha256sum`.
type APIKey struct {
	// Client names the client in logs and, unless trusted end-user headers
	// name someone, as the end user sent to the upstreams.
	Client string `yaml:"client"`
	// SHA256 is the hex SHA-256 of the key.
	SHA256 string `yaml:"sha256"`
	// Roles are the client's roles in the policy.
	Roles []string `yaml:"roles"`
}

// LogValue keeps the key hash out of structured logs.
func (k APIKey) LogValue() slog.Value {
	return slog.GroupValue(slog.String("client", k.Client), slog.Any("roles", k.Roles))
}

// Anonymous configures requests without a credential.
type Anonymous struct {
	// Allowed serves them (default false: 401).
	Allowed bool `yaml:"allowed"`
	// Roles are their roles in the policy.
	Roles []string `yaml:"roles"`
}

// Policy is what each role may read (YAML key "policy"). Without it every
// authenticated caller may read everything.
type Policy struct {
	// Roles maps a role name to its rights.
	Roles map[string]PolicyRole `yaml:"roles"`
}

// PolicyRole is what one role may read.
type PolicyRole struct {
	// RootFields are the fields of Query it may use ("*": all).
	RootFields []string `yaml:"rootFields"`
	// Types are the object types with a global id it may read ("*": all),
	// e.g. [Zaak, Zaaktype, Status, Statustype]. Connections, addresses and
	// other value types follow the object that holds them.
	Types []string `yaml:"types"`
	// Fields maps "Type.field" or "*.field" to allow, mask (String fields:
	// all but the last four characters hidden) or deny (null with a
	// FORBIDDEN error).
	Fields map[string]string `yaml:"fields"`
	// MaxVertrouwelijkheid is the highest vertrouwelijkheidaanduiding of the
	// zaken and documents it may see; others are left out of lists and
	// refused (FORBIDDEN) when asked for directly. Default: no limit.
	MaxVertrouwelijkheid string `yaml:"maxVertrouwelijkheid"`
}

// RoleCredential is a credential an upstream is called with for callers
// holding one of its roles (YAML: upstreams[].credentials[]). Its type is
// the upstream's auth.type. The first entry naming one of the caller's
// roles is used; callers matching none use the upstream's auth.
type RoleCredential struct {
	Roles    []string `yaml:"roles"`
	ClientID string   `yaml:"clientId"`
	Secret   string   `yaml:"secret"`
	Token    string   `yaml:"token"`
}

// LogValue keeps the secrets out of structured logs.
func (r RoleCredential) LogValue() slog.Value {
	return slog.GroupValue(
		slog.Any("roles", r.Roles),
		slog.String("clientId", r.ClientID),
		slog.Bool("secret", r.Secret != ""),
		slog.Bool("token", r.Token != ""),
	)
}

// String keeps the secrets out of formatted output.
func (r RoleCredential) String() string {
	return fmt.Sprintf("{roles=%v clientId=%s secret=%s token=%s}", r.Roles, r.ClientID, redacted(r.Secret), redacted(r.Token))
}

// PolicySpec converts the policy section for the policy package; nil
// without one.
func (c *Config) PolicySpec() *policy.Spec {
	if c.Policy == nil {
		return nil
	}
	spec := &policy.Spec{Roles: map[string]policy.RoleSpec{}}
	for name, r := range c.Policy.Roles {
		spec.Roles[name] = policy.RoleSpec{RootFields: r.RootFields, Types: r.Types, Fields: r.Fields, MaxVertrouwelijkheid: r.MaxVertrouwelijkheid}
	}
	return spec
}

// RoleCredentials converts the upstreams' role credentials.
func (c *Config) RoleCredentials() upstream.RoleCredentials {
	out := upstream.RoleCredentials{}
	for _, u := range c.UpstreamConfigs {
		for _, rc := range u.Credentials {
			out[u.Name] = append(out[u.Name], upstream.RoleCredential{
				Roles: slices.Clone(rc.Roles),
				Auth:  upstream.Auth{Type: upstream.AuthType(u.Auth.Type), ClientID: rc.ClientID, Secret: rc.Secret, Token: rc.Token},
			})
		}
	}
	return out
}

// CheckPolicy checks the policy against the GraphQL schema: every root
// field, type and field it names must exist, masks must be on String
// fields and denied fields nullable. Each error names its field.
func (c *Config) CheckPolicy(schema *ast.Schema) error {
	var errs []*FieldError
	for _, p := range policy.Check(c.PolicySpec(), schema) {
		errs = append(errs, &FieldError{Field: p.Field, Line: c.lineOf(p.Field), Msg: p.Msg})
	}
	if len(errs) == 0 {
		return nil
	}
	return joinSorted(errs)
}

// HashAPIKey is the hex SHA-256 of an API key, as auth.apiKeys[].sha256
// wants it.
func HashAPIKey(key string) string {
	h := sha256.Sum256([]byte(key))
	return hex.EncodeToString(h[:])
}

// The access configuration of `klantgraaf demo`.
const (
	// DemoAnalistKey is the demo's API key for the analist role.
	DemoAnalistKey = "demo-analist"
	// DemoAnonymousRole is the role of callers without a credential in the
	// demo.
	DemoAnonymousRole = "kcc"
	// DemoRestrictedRole is the role that reads with restricted upstream
	// credentials in the demo.
	DemoRestrictedRole = "analist"
)

// DemoAccess returns the demo's auth and policy sections: anonymous callers
// are KCC agents who may read everything; the API key DemoAnalistKey acts
// as an analist, who sees BSNs (and BRP subject URLs) masked, no addresses,
// cannot search klanten and sees zaken and documents only up to
// zaakvertrouwelijk.
func DemoAccess() (*InboundAuth, *Policy) {
	auth := &InboundAuth{
		Anonymous: Anonymous{Allowed: true, Roles: []string{DemoAnonymousRole}},
		APIKeys:   []APIKey{{Client: "demo-analist", SHA256: HashAPIKey(DemoAnalistKey), Roles: []string{DemoRestrictedRole}}},
	}
	pol := &Policy{Roles: map[string]PolicyRole{
		"kcc": {RootFields: []string{"*"}, Types: []string{"*"}},
		"analist": {
			RootFields: []string{"node", "klant", "contactmoment", "verzoek", "zaak", "zaaktype", "document",
				"klantbeeld", "zaken", "contactmomenten", "sources"},
			Types:                []string{"*"},
			Fields:               map[string]string{"*.bsn": "mask", "Klant.subject": "mask", "Klant.adres": "deny"},
			MaxVertrouwelijkheid: "zaakvertrouwelijk",
		},
	}}
	return auth, pol
}

// resolveAccessSecrets expands ${VAR} in the role credentials and API key
// hashes.
func (c *Config) resolveAccessSecrets(getenv func(string) string) []*FieldError {
	var errs []*FieldError
	expand := func(path string, s *string) {
		v, err := expandVars(*s, getenv)
		if err != nil {
			errs = append(errs, &FieldError{Field: path, Line: c.lineOf(path), Msg: err.Error()})
			return
		}
		*s = v
	}
	for i := range c.UpstreamConfigs {
		for j := range c.UpstreamConfigs[i].Credentials {
			rc := &c.UpstreamConfigs[i].Credentials[j]
			p := fmt.Sprintf("upstreams[%d].credentials[%d].", i, j)
			expand(p+"clientId", &rc.ClientID)
			expand(p+"secret", &rc.Secret)
			expand(p+"token", &rc.Token)
		}
	}
	if c.Auth != nil {
		for i := range c.Auth.APIKeys {
			expand(fmt.Sprintf("auth.apiKeys[%d].sha256", i), &c.Auth.APIKeys[i].SHA256)
		}
	}
	return errs
}

// access validates the auth and policy sections and the upstreams' role
// credentials.
func (k *checker) access() {
	c := k.c
	pol := c.PolicySpec()
	for _, p := range policy.Check(pol, nil) {
		k.add(p.Field, "%s", p.Msg)
	}
	if c.Policy != nil && len(c.Policy.Roles) > maxPolicyRoles {
		k.add("policy.roles", "at most %d roles", maxPolicyRoles)
	}
	// roles checks a list of role names given at path.
	roles := func(path string, rs []string, required bool, why string) {
		if len(rs) == 0 && required {
			k.add(path, "required: %s", why)
		}
		for i, r := range rs {
			p := fmt.Sprintf("%s[%d]", path, i)
			switch {
			case !policy.ValidRoleName(r):
				k.add(p, "not a role name: %q", r)
			case pol != nil && !hasRole(pol, r):
				k.add(p, "unknown role %q; policy.roles defines %s", r, strings.Join(slices.Sorted(maps.Keys(pol.Roles)), ", "))
			}
		}
	}
	if a := c.Auth; a != nil {
		if a.OIDC != nil {
			k.oidc(a.OIDC, pol)
		}
		if len(a.APIKeys) > maxAPIKeys {
			k.add("auth.apiKeys", "at most %d keys", maxAPIKeys)
		}
		clients, hashes := map[string]int{}, map[string]int{}
		for i, key := range a.APIKeys {
			p := fmt.Sprintf("auth.apiKeys[%d].", i)
			switch {
			case key.Client == "":
				k.add(p+"client", "required: the name of the service client")
			case !validName(key.Client):
				k.add(p+"client", "must be 1 to %d letters, digits, \".\", \"_\" or \"-\", starting with a letter or digit, got %q", maxNameLen, key.Client)
			default:
				if j, dup := clients[key.Client]; dup {
					k.add(p+"client", "duplicate client %q, also auth.apiKeys[%d]", key.Client, j)
				}
				clients[key.Client] = i
			}
			h := strings.ToLower(key.SHA256)
			switch {
			case h == "":
				k.add(p+"sha256", "required: the hex SHA-256 of the key (printf %%s \"$KEY\" | sha256sum)")
			case len(h) != apiKeyHashHexLen || !isHex(h):
				k.add(p+"sha256", "must be %d hex digits (the SHA-256 of the key, not the key itself)", apiKeyHashHexLen)
			default:
				if j, dup := hashes[h]; dup {
					k.add(p+"sha256", "same key as auth.apiKeys[%d]", j)
				}
				hashes[h] = i
			}
			roles(p+"roles", key.Roles, pol != nil, "the roles the client acts in")
		}
		an := a.Anonymous
		if !an.Allowed && len(an.Roles) > 0 {
			k.add("auth.anonymous.roles", "set without auth.anonymous.allowed: true")
		}
		if an.Allowed {
			roles("auth.anonymous.roles", an.Roles, pol != nil, "the roles of callers without a credential")
		}
	}
	for i, u := range c.UpstreamConfigs {
		if len(u.Credentials) == 0 {
			continue
		}
		p := fmt.Sprintf("upstreams[%d].credentials", i)
		if len(u.Credentials) > maxCredentialsPerUpstream {
			k.add(p, "at most %d credentials", maxCredentialsPerUpstream)
		}
		typ := upstream.AuthType(u.Auth.Type)
		if typ != upstream.AuthZGWJWT && typ != upstream.AuthToken {
			k.add(p, "role credentials need upstreams[%d].auth.type zgw-jwt or token, not %q", i, u.Auth.Type)
			continue
		}
		seen := map[string]int{}
		for j, rc := range u.Credentials {
			cp := fmt.Sprintf("%s[%d].", p, j)
			roles(cp+"roles", rc.Roles, true, "the roles this credential is used for")
			for _, r := range rc.Roles {
				if prev, dup := seen[r]; dup && prev != j {
					k.add(cp+"roles", "role %q already has %s[%d]", r, p, prev)
				}
				seen[r] = j
			}
			notUsed := func(field string) {
				k.add(cp+field, "not used with auth type %s; remove it", u.Auth.Type)
			}
			switch typ {
			case upstream.AuthZGWJWT:
				if rc.ClientID == "" {
					k.add(cp+"clientId", "required for auth type zgw-jwt")
				}
				if rc.Secret == "" {
					k.add(cp+"secret", "required for auth type zgw-jwt")
				}
				if rc.Token != "" {
					notUsed("token")
				}
			case upstream.AuthToken:
				if rc.Token == "" {
					k.add(cp+"token", "required for auth type token")
				}
				if rc.ClientID != "" {
					notUsed("clientId")
				}
				if rc.Secret != "" {
					notUsed("secret")
				}
			}
		}
	}
}

func hasRole(pol *policy.Spec, r string) bool {
	_, ok := pol.Roles[r]
	return ok
}

func (k *checker) oidc(o *OIDC, pol *policy.Spec) {
	const p = "auth.oidc."
	if o.Issuer == "" {
		k.add(p+"issuer", "required: the iss every token must carry")
	}
	if o.Audience == "" {
		k.add(p+"audience", "required: the aud every token must carry (the gateway's client id at the provider)")
	}
	switch {
	case o.JWKSURL != "" && o.JWKSFile != "":
		k.add(p+"jwksUrl", "give jwksUrl or jwksFile, not both")
	case o.JWKSURL == "" && o.JWKSFile == "":
		k.add(p+"jwksUrl", "required (or jwksFile): where the provider's signing keys are")
	case o.JWKSURL != "":
		if msg := checkJWKSURL(o.JWKSURL); msg != "" {
			k.add(p+"jwksUrl", "%s", msg)
		}
	}
	for i, alg := range o.Algorithms {
		ap := fmt.Sprintf("%salgorithms[%d]", p, i)
		switch {
		case slices.Contains(OIDCAlgorithms, alg):
		case strings.HasPrefix(strings.ToUpper(alg), "HS") || strings.EqualFold(alg, "none"):
			k.add(ap, "%q is never accepted: symmetric and unsigned tokens could be made by anyone who knows the key; want one of %s", alg, strings.Join(OIDCAlgorithms, ", "))
		default:
			k.add(ap, "unknown algorithm %q, want one of %s", alg, strings.Join(OIDCAlgorithms, ", "))
		}
	}
	if o.Leeway != nil && (*o.Leeway < 0 || o.Leeway.Std() > MaxOIDCLeeway) {
		k.add(p+"leeway", "must be from 0s to %s, got %s", MaxOIDCLeeway, o.Leeway)
	}
	if o.JWKSCacheTTL != nil && *o.JWKSCacheTTL <= 0 {
		k.add(p+"jwksCacheTtl", "must be greater than 0")
	}
	if o.JWKSMinRefresh != nil && *o.JWKSMinRefresh <= 0 {
		k.add(p+"jwksMinRefresh", "must be greater than 0")
	}
	for field, v := range map[string]string{"userIdClaim": o.UserIDClaim, "userRepresentationClaim": o.UserRepresentationClaim, "rolesClaim": o.RolesClaim} {
		if v != "" && !validClaimPath(v) {
			k.add(p+field, "must be a claim name or a dot path such as realm_access.roles, got %q", v)
		}
	}
	if len(o.RoleMapping) > maxRoleMappings {
		k.add(p+"roleMapping", "at most %d entries", maxRoleMappings)
	}
	for _, from := range slices.Sorted(maps.Keys(o.RoleMapping)) {
		to := o.RoleMapping[from]
		mp := p + "roleMapping." + from
		switch {
		case from == "":
			k.add(mp, "the claim value must not be empty")
		case !policy.ValidRoleName(to):
			k.add(mp, "not a role name: %q", to)
		case pol != nil && !hasRole(pol, to):
			k.add(mp, "unknown role %q; policy.roles defines %s", to, strings.Join(slices.Sorted(maps.Keys(pol.Roles)), ", "))
		}
	}
}

// checkJWKSURL returns what is wrong with a JWKS URL, or "".
func checkJWKSURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.User != nil || u.Fragment != "" {
		return "must be an absolute https URL without userinfo or fragment"
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
		return ""
	case "http":
		h := strings.ToLower(u.Hostname())
		if ip := net.ParseIP(h); h == "localhost" || (ip != nil && ip.IsLoopback()) {
			return ""
		}
		return "must be https (http only for a loopback host): the keys decide who gets in"
	}
	return "must be an absolute https URL"
}

func validClaimPath(s string) bool {
	if len(s) > maxClaimPathLen {
		return false
	}
	for _, seg := range strings.Split(s, ".") {
		if seg == "" || strings.TrimSpace(seg) != seg {
			return false
		}
	}
	return true
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}
