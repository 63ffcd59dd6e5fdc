package server

import (
	"context"
	"crypto"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/klantgraaf/klantgraaf/policy"
	"github.com/klantgraaf/klantgraaf/upstream"
)

// Codes of the errors the authentication middleware answers with.
const (
	CodeUnauthenticated = "UNAUTHENTICATED"
	CodeForbidden       = "FORBIDDEN"
)

// APIKeyHeader carries a service client's API key (alternatively
// "Authorization: ApiKey <key>").
const APIKeyHeader = "X-API-Key"

const maxCredentialLen = 16 << 10

// KeySource gives the public key that verifies a token: by key id and
// algorithm. *JWKS is one.
type KeySource interface {
	Key(ctx context.Context, kid, alg string) (crypto.PublicKey, error)
}

// OIDCOptions configures the verification of bearer tokens.
type OIDCOptions struct {
	// Issuer must equal the iss claim; Audience be one of the aud values.
	Issuer   string
	Audience string
	// Algorithms are the accepted asymmetric algorithms (default RS256);
	// HS* and none are refused whatever is configured.
	Algorithms []string
	// Leeway is the clock skew allowed on exp, nbf and iat.
	Leeway time.Duration
	// Keys verifies the signatures. Required.
	Keys KeySource
	// UserIDClaim (default "sub") and UserRepresentationClaim (default
	// "name") are the dot paths of the end user's id and readable name.
	UserIDClaim             string
	UserRepresentationClaim string
	// RolesClaim is the dot path of the roles or groups (default "roles").
	RolesClaim string
	// RoleMapping maps claim values to roles; without it, claim values that
	// are roles of the policy count as such.
	RoleMapping map[string]string
	// Now replaces time.Now.
	Now func() time.Time
}

// AuthOptions configures Authenticate.
type AuthOptions struct {
	// OIDC accepts bearer tokens; nil refuses them.
	OIDC *OIDCOptions
	// APIKeys are the service clients' keys.
	APIKeys []APIKey
	// AnonymousAllowed serves requests without a credential with
	// AnonymousRoles; otherwise they get 401.
	AnonymousAllowed bool
	AnonymousRoles   []string
	// EndUser is the end-user configuration (see EndUserIdentity): trusted
	// headers may name the end user of an API-key client.
	EndUser EndUserOptions
	// Policy decides what the caller's roles may read; nil lets every
	// caller read everything.
	Policy *policy.Policy
	// Credentials are the upstream credentials chosen by role.
	Credentials upstream.RoleCredentials
	// Logger receives refused requests (at info level).
	Logger *slog.Logger
}

// Authenticate returns the middleware that identifies the caller of every
// request it wraps: a bearer token verified against the key set (issuer,
// audience, expiry and not-before with leeway, pinned algorithms), an API
// key, or — when allowed — nobody. A request whose credential fails, or
// that has none when anonymous callers are not allowed, gets 401 with a
// GraphQL-shaped body (code UNAUTHENTICATED); a caller without any role of
// the policy gets 403 (code FORBIDDEN). A credential that fails never
// falls back to anonymous access.
//
// The request context then carries the caller (policy.PrincipalFrom), what
// it may read (policy.GrantFrom) and the upstream credentials of its roles
// (upstream.WithRoleCredentials). A token's user becomes the end user sent
// to the upstreams, whatever the end-user headers say; an API-key client is
// the end user unless trusted end-user headers name one; an anonymous
// caller keeps what EndUserIdentity found.
func Authenticate(o AuthOptions) (func(http.Handler) http.Handler, error) {
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Policy == nil {
		var err error
		if o.Policy, err = policy.New(nil, nil); err != nil {
			return nil, err
		}
	}
	if o.EndUser.IDHeader == "" {
		o.EndUser.IDHeader = DefaultEndUserIDHeader
	}
	keys, err := newAPIKeys(o.APIKeys)
	if err != nil {
		return nil, err
	}
	var tv *tokenVerifier
	if o.OIDC != nil {
		if tv, err = newTokenVerifier(*o.OIDC, o.Policy); err != nil {
			return nil, err
		}
	}
	a := &authenticator{o: o, keys: keys, tokens: tv}
	return a.middleware, nil
}

type authenticator struct {
	o      AuthOptions
	keys   *apiKeys
	tokens *tokenVerifier
}

// authError is a refused request.
type authError struct {
	status int
	code   string
	msg    string
	// bearerError is the RFC 6750 error of a refused token.
	bearerError string
}

func unauthenticated(format string, args ...any) *authError {
	return &authError{status: http.StatusUnauthorized, code: CodeUnauthenticated, msg: fmt.Sprintf(format, args...)}
}

func (a *authenticator) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, aerr := a.authenticate(r)
		if aerr != nil {
			a.o.Logger.InfoContext(r.Context(), "request refused", slog.Int("status", aerr.status),
				slog.String("reason", aerr.msg), slog.String("request_id", RequestIDFrom(r.Context())))
			if aerr.status == http.StatusUnauthorized {
				w.Header().Set("WWW-Authenticate", a.challenge(aerr))
			}
			writeError(w, aerr.status, aerr.code, aerr.msg)
			return
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func (a *authenticator) challenge(e *authError) string {
	if a.tokens == nil {
		return `ApiKey realm="klantgraaf"`
	}
	if e.bearerError != "" {
		return fmt.Sprintf(`Bearer realm="klantgraaf", error=%q, error_description=%q`, e.bearerError, e.msg)
	}
	return `Bearer realm="klantgraaf"`
}

func (a *authenticator) authenticate(r *http.Request) (context.Context, *authError) {
	ctx := r.Context()
	authz, keyHdr := r.Header.Values("Authorization"), r.Header.Values(APIKeyHeader)
	if len(authz) > 1 || len(keyHdr) > 1 || (len(authz) == 1 && len(keyHdr) == 1) {
		return nil, unauthenticated("more than one credential: send one Authorization or %s header", APIKeyHeader)
	}
	var p *policy.Principal
	var endUser *upstream.EndUser
	switch {
	case len(authz) == 1:
		scheme, cred, _ := strings.Cut(strings.TrimSpace(authz[0]), " ")
		cred = strings.TrimSpace(cred)
		if len(cred) > maxCredentialLen {
			return nil, unauthenticated("credential longer than %d bytes", maxCredentialLen)
		}
		switch strings.ToLower(scheme) {
		case "bearer":
			if a.tokens == nil {
				return nil, unauthenticated("bearer tokens are not accepted: no token issuer is configured")
			}
			var aerr *authError
			p, endUser, aerr = a.tokens.verify(ctx, cred)
			if aerr != nil {
				return nil, aerr
			}
		case "apikey":
			var aerr *authError
			if p, aerr = a.apiKey(cred); aerr != nil {
				return nil, aerr
			}
		default:
			return nil, unauthenticated("unsupported Authorization scheme %q: use Bearer <token> or ApiKey <key>", scheme)
		}
	case len(keyHdr) == 1:
		if len(keyHdr[0]) > maxCredentialLen {
			return nil, unauthenticated("credential longer than %d bytes", maxCredentialLen)
		}
		var aerr *authError
		if p, aerr = a.apiKey(strings.TrimSpace(keyHdr[0])); aerr != nil {
			return nil, aerr
		}
	default:
		if !a.o.AnonymousAllowed {
			return nil, unauthenticated("authentication required: send a bearer token (Authorization: Bearer …) or an API key (%s)", APIKeyHeader)
		}
		p = &policy.Principal{Method: policy.MethodAnonymous, Roles: a.known(a.o.AnonymousRoles)}
	}

	g := a.o.Policy.Grant(p.Roles)
	if g == nil {
		who := p.Subject
		if who == "" {
			who = "anonymous caller"
		}
		return nil, &authError{status: http.StatusForbidden, code: CodeForbidden,
			msg: fmt.Sprintf("%s is authenticated but holds no role of the policy", who)}
	}
	ctx = policy.WithPrincipal(ctx, p)
	ctx = policy.WithGrant(ctx, g)
	ctx = upstream.WithRoleCredentials(ctx, a.o.Credentials, p.Roles)
	switch {
	case endUser != nil:
		ctx = upstream.WithEndUser(ctx, *endUser)
	case p.Method == policy.MethodAPIKey:
		if !a.o.EndUser.TrustHeaders || r.Header.Get(a.o.EndUser.IDHeader) == "" {
			ctx = upstream.WithEndUser(ctx, upstream.EndUser{ID: p.Subject, Representation: p.Name})
		}
	}
	return ctx, nil
}

func (a *authenticator) apiKey(key string) (*policy.Principal, *authError) {
	if len(a.keys.keys) == 0 {
		return nil, unauthenticated("API keys are not accepted: none is configured")
	}
	if key == "" {
		return nil, unauthenticated("empty API key")
	}
	k, ok := a.keys.match(key)
	if !ok {
		return nil, unauthenticated("unknown API key")
	}
	return &policy.Principal{Method: policy.MethodAPIKey, Subject: k.Client, Name: k.Client, Roles: a.known(k.Roles)}, nil
}

// known keeps the roles the policy defines.
func (a *authenticator) known(roles []string) []string {
	out := make([]string, 0, len(roles))
	for _, r := range roles {
		if a.o.Policy.Defined(r) && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// tokenVerifier checks bearer tokens.
type tokenVerifier struct {
	o      OIDCOptions
	pol    *policy.Policy
	parser *jwt.Parser
}

// refusedAlgorithm reports algorithms that are never accepted.
func refusedAlgorithm(alg string) bool {
	a := strings.ToUpper(alg)
	return strings.HasPrefix(a, "HS") || a == "NONE" || a == ""
}

func newTokenVerifier(o OIDCOptions, pol *policy.Policy) (*tokenVerifier, error) {
	if o.Keys == nil {
		return nil, errors.New("oidc: no key source")
	}
	if o.Issuer == "" || o.Audience == "" {
		return nil, errors.New("oidc: issuer and audience are required")
	}
	if len(o.Algorithms) == 0 {
		o.Algorithms = []string{"RS256"}
	}
	for _, alg := range o.Algorithms {
		if refusedAlgorithm(alg) || jwt.GetSigningMethod(alg) == nil {
			return nil, fmt.Errorf("oidc: algorithm %q is not accepted", alg)
		}
	}
	if o.UserIDClaim == "" {
		o.UserIDClaim = "sub"
	}
	if o.UserRepresentationClaim == "" {
		o.UserRepresentationClaim = "name"
	}
	if o.RolesClaim == "" {
		o.RolesClaim = "roles"
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	parser := jwt.NewParser(
		jwt.WithValidMethods(o.Algorithms),
		jwt.WithIssuer(o.Issuer),
		jwt.WithAudience(o.Audience),
		jwt.WithLeeway(o.Leeway),
		jwt.WithExpirationRequired(),
		jwt.WithIssuedAt(),
		jwt.WithTimeFunc(o.Now),
		jwt.WithJSONNumber(),
	)
	return &tokenVerifier{o: o, pol: pol, parser: parser}, nil
}

func invalidToken(format string, args ...any) *authError {
	e := unauthenticated("invalid bearer token: "+format, args...)
	e.bearerError = "invalid_token"
	return e
}

// verify checks a token and returns the caller and the end user it names.
func (v *tokenVerifier) verify(ctx context.Context, raw string) (*policy.Principal, *upstream.EndUser, *authError) {
	if raw == "" {
		return nil, nil, invalidToken("empty")
	}
	claims := jwt.MapClaims{}
	var keyErr error
	_, err := v.parser.ParseWithClaims(raw, claims, func(t *jwt.Token) (any, error) {
		if _, crit := t.Header["crit"]; crit {
			keyErr = errors.New("critical header extensions are not supported")
			return nil, keyErr
		}
		kid, _ := t.Header["kid"].(string)
		alg := t.Method.Alg()
		if refusedAlgorithm(alg) {
			keyErr = fmt.Errorf("algorithm %s is not accepted", alg)
			return nil, keyErr
		}
		k, err := v.o.Keys.Key(ctx, kid, alg)
		if err != nil {
			keyErr = err
			return nil, err
		}
		return k, nil
	})
	if err != nil {
		return nil, nil, v.explain(raw, err, keyErr)
	}
	sub, ok := claimString(claims, v.o.UserIDClaim)
	if !ok || sub == "" {
		return nil, nil, invalidToken("no %s claim to identify the user", v.o.UserIDClaim)
	}
	if !validEndUserValue(sub) {
		return nil, nil, invalidToken("claim %s is longer than %d bytes or not printable", v.o.UserIDClaim, maxEndUserLen)
	}
	name, _ := claimString(claims, v.o.UserRepresentationClaim)
	if !validEndUserValue(name) {
		name = ""
	}
	p := &policy.Principal{Method: policy.MethodToken, Subject: sub, Name: name, Roles: v.roles(claims)}
	return p, &upstream.EndUser{ID: sub, Representation: name}, nil
}

// explain turns a parse error into the reason given to the caller.
func (v *tokenVerifier) explain(raw string, err, keyErr error) *authError {
	switch {
	case errors.Is(err, jwt.ErrTokenMalformed):
		return invalidToken("malformed")
	case keyErr != nil:
		return invalidToken("%v", keyErr)
	case errors.Is(err, jwt.ErrTokenSignatureInvalid):
		if tok, _, perr := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{}); perr == nil && !slices.Contains(v.o.Algorithms, tok.Method.Alg()) {
			return invalidToken("algorithm %s is not accepted (accepted: %s)", tok.Method.Alg(), strings.Join(v.o.Algorithms, ", "))
		}
		return invalidToken("signature does not verify")
	case errors.Is(err, jwt.ErrTokenRequiredClaimMissing):
		return invalidToken("no exp claim: tokens must expire")
	case errors.Is(err, jwt.ErrTokenExpired):
		return invalidToken("expired (leeway %s)", v.o.Leeway)
	case errors.Is(err, jwt.ErrTokenNotValidYet):
		return invalidToken("not valid yet (nbf; leeway %s)", v.o.Leeway)
	case errors.Is(err, jwt.ErrTokenUsedBeforeIssued):
		return invalidToken("issued in the future (iat; leeway %s)", v.o.Leeway)
	case errors.Is(err, jwt.ErrTokenInvalidIssuer):
		return invalidToken("issuer not accepted (want %s)", v.o.Issuer)
	case errors.Is(err, jwt.ErrTokenInvalidAudience):
		return invalidToken("audience not accepted (want %s)", v.o.Audience)
	case errors.Is(err, jwt.ErrTokenUnverifiable):
		return invalidToken("cannot be verified")
	}
	return invalidToken("claims do not validate")
}

// roles maps the roles claim to the policy's roles.
func (v *tokenVerifier) roles(claims jwt.MapClaims) []string {
	var values []string
	switch x := claimAt(claims, v.o.RolesClaim).(type) {
	case string:
		values = []string{x}
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok {
				values = append(values, s)
			}
		}
	}
	out := []string{}
	for _, val := range values {
		role := val
		if len(v.o.RoleMapping) > 0 {
			mapped, ok := v.o.RoleMapping[val]
			if !ok {
				continue
			}
			role = mapped
		}
		if v.pol.Defined(role) && !slices.Contains(out, role) {
			out = append(out, role)
		}
	}
	return out
}

// claimAt follows a dot path through nested claim objects.
func claimAt(claims map[string]any, path string) any {
	var cur any = claims
	for _, seg := range strings.Split(path, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = m[seg]
	}
	return cur
}

// claimString returns a string (or number) claim as a string.
func claimString(claims map[string]any, path string) (string, bool) {
	switch x := claimAt(claims, path).(type) {
	case string:
		return x, true
	case json.Number:
		return x.String(), true
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	}
	return "", false
}
