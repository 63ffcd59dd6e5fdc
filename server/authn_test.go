package server

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/klantgraaf/klantgraaf/graph"
	"github.com/klantgraaf/klantgraaf/policy"
	"github.com/klantgraaf/klantgraaf/upstream"
)

const (
	testIssuer   = "https://login.example/realms/gemeente"
	testAudience = "klantgraaf"
)

var (
	keysOnce         sync.Once
	rsaKey, rsaKey2  *rsa.PrivateKey
	ecKey            *ecdsa.PrivateKey
	errKeyGeneration error
)

func testKeys(t *testing.T) {
	t.Helper()
	keysOnce.Do(func() {
		if rsaKey, errKeyGeneration = rsa.GenerateKey(rand.Reader, 2048); errKeyGeneration != nil {
			return
		}
		if rsaKey2, errKeyGeneration = rsa.GenerateKey(rand.Reader, 2048); errKeyGeneration != nil {
			return
		}
		ecKey, errKeyGeneration = ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	})
	if errKeyGeneration != nil {
		t.Fatal(errKeyGeneration)
	}
}

func b64(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

// jwkOf renders a public key as a JWK.
func jwkOf(kid string, pub crypto.PublicKey) map[string]any {
	switch k := pub.(type) {
	case *rsa.PublicKey:
		return map[string]any{"kty": "RSA", "kid": kid, "use": "sig", "alg": "RS256", "n": b64(k.N.Bytes()), "e": b64(big.NewInt(int64(k.E)).Bytes())}
	case *ecdsa.PublicKey:
		b, _ := k.Bytes() // 0x04 || X || Y
		n := (len(b) - 1) / 2
		return map[string]any{"kty": "EC", "kid": kid, "use": "sig", "crv": "P-256", "x": b64(b[1 : 1+n]), "y": b64(b[1+n:])}
	}
	panic("unsupported key")
}

func jwksBody(keys ...map[string]any) string {
	b, _ := json.Marshal(map[string]any{"keys": keys})
	return string(b)
}

// jwksServer serves a key set that tests can replace, counting fetches.
type jwksServer struct {
	srv     *httptest.Server
	body    atomic.Value
	fetches atomic.Int64
}

func newJWKSServer(t *testing.T, body string) *jwksServer {
	s := &jwksServer{}
	s.body.Store(body)
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.fetches.Add(1)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(s.body.Load().(string)))
	}))
	t.Cleanup(s.srv.Close)
	return s
}

// sign makes a token; claims are added to valid defaults (nil deletes one).
func sign(t *testing.T, method jwt.SigningMethod, key any, kid string, extra map[string]any) string {
	t.Helper()
	now := time.Now()
	claims := jwt.MapClaims{"iss": testIssuer, "aud": []string{testAudience, "account"}, "sub": "u-123", "name": "Jan de Vries",
		"iat": now.Unix(), "exp": now.Add(5 * time.Minute).Unix(),
		"realm_access": map[string]any{"roles": []string{"kcc-medewerker", "offline_access"}}}
	for k, v := range extra {
		if v == nil {
			delete(claims, k)
		} else {
			claims[k] = v
		}
	}
	tok := jwt.NewWithClaims(method, claims)
	if kid != "" {
		tok.Header["kid"] = kid
	}
	s, err := tok.SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func testPolicy(t *testing.T) *policy.Policy {
	t.Helper()
	p, err := policy.New(&policy.Spec{Roles: map[string]policy.RoleSpec{
		"kcc":     {RootFields: []string{"*"}, Types: []string{"*"}},
		"analist": {RootFields: []string{"*"}, Types: []string{"*"}, Fields: map[string]string{"*.bsn": "mask"}},
	}}, graph.NewExecutableSchema(graph.Config{}).Schema())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// echoCaller reports the caller, its grant and the end user.
var echoCaller = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	p := policy.PrincipalFrom(r.Context())
	g := policy.GrantFrom(r.Context())
	u, _ := upstream.EndUserFrom(r.Context())
	out := map[string]any{"grant": g != nil, "user": u.ID, "repr": u.Representation}
	if p != nil {
		out["method"], out["subject"], out["roles"] = p.Method, p.Subject, strings.Join(p.Roles, ",")
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(out)
})

type authFixture struct {
	h    http.Handler
	jwks *jwksServer
}

func newAuthFixture(t *testing.T, mod func(*AuthOptions)) *authFixture {
	t.Helper()
	testKeys(t)
	js := newJWKSServer(t, jwksBody(jwkOf("k1", &rsaKey.PublicKey)))
	o := AuthOptions{
		OIDC: &OIDCOptions{
			Issuer: testIssuer, Audience: testAudience, Algorithms: []string{"RS256"}, Leeway: 30 * time.Second,
			Keys:        NewJWKS(JWKSOptions{URL: js.srv.URL, MinRefresh: time.Hour}),
			RolesClaim:  "realm_access.roles",
			RoleMapping: map[string]string{"kcc-medewerker": "kcc", "data-analist": "analist"},
		},
		APIKeys: []APIKey{{Client: "portaal", SHA256: sha256Hex("portaal-sleutel"), Roles: []string{"analist"}}},
		EndUser: EndUserOptions{TrustHeaders: true},
		Policy:  testPolicy(t),
	}
	if mod != nil {
		mod(&o)
	}
	mw, err := Authenticate(o)
	if err != nil {
		t.Fatal(err)
	}
	// The identity headers go through EndUserIdentity first, as in New.
	return &authFixture{h: EndUserIdentity(o.EndUser)(mw(echoCaller)), jwks: js}
}

func sha256Hex(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

func (f *authFixture) call(t *testing.T, headers ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest("POST", "/graphql", strings.NewReader(`{"query":"{__typename}"}`))
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Add(headers[i], headers[i+1])
	}
	return do(t, f.h, req)
}

func decodeEcho(t *testing.T, rec *httptest.ResponseRecorder) map[string]any {
	t.Helper()
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var m map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestValidTokenAuthenticates(t *testing.T) {
	f := newAuthFixture(t, nil)
	tok := sign(t, jwt.SigningMethodRS256, rsaKey, "k1", nil)
	// The token's user wins over end-user headers, even trusted ones.
	m := decodeEcho(t, f.call(t, "Authorization", "Bearer "+tok, "X-End-User-Id", "someone-else"))
	if m["method"] != policy.MethodToken || m["subject"] != "u-123" || m["roles"] != "kcc" || m["grant"] != true {
		t.Errorf("caller = %v", m)
	}
	if m["user"] != "u-123" || m["repr"] != "Jan de Vries" {
		t.Errorf("end user = %v / %v, want the token's sub and name", m["user"], m["repr"])
	}
	// Keys are cached: a second token costs no fetch.
	f.call(t, "Authorization", "bearer "+sign(t, jwt.SigningMethodRS256, rsaKey, "k1", map[string]any{"sub": "u-2"}))
	if n := f.jwks.fetches.Load(); n != 1 {
		t.Errorf("JWKS fetched %d times, want 1", n)
	}
	// Within the leeway an expired token still passes.
	decodeEcho(t, f.call(t, "Authorization", "Bearer "+sign(t, jwt.SigningMethodRS256, rsaKey, "k1", map[string]any{"exp": time.Now().Add(-10 * time.Second).Unix()})))
}

func TestBadTokensAreRefused(t *testing.T) {
	f := newAuthFixture(t, nil)
	pubPEM := pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: must(x509.MarshalPKIXPublicKey(&rsaKey.PublicKey))})
	past := time.Now().Add(-time.Hour)
	noneTok := func() string {
		s, err := jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{"iss": testIssuer, "aud": testAudience, "sub": "x", "exp": time.Now().Add(time.Hour).Unix()}).
			SignedString(jwt.UnsafeAllowNoneSignatureType)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	tampered := func() string {
		s := sign(t, jwt.SigningMethodRS256, rsaKey, "k1", nil)
		parts := strings.Split(s, ".")
		claims, _ := base64.RawURLEncoding.DecodeString(parts[1])
		claims = []byte(strings.Replace(string(claims), "u-123", "u-999", 1))
		parts[1] = base64.RawURLEncoding.EncodeToString(claims)
		return strings.Join(parts, ".")
	}
	for _, c := range []struct {
		name, token, reason string
	}{
		{"wrong issuer", sign(t, jwt.SigningMethodRS256, rsaKey, "k1", map[string]any{"iss": "https://evil.example"}), "issuer not accepted"},
		{"wrong audience", sign(t, jwt.SigningMethodRS256, rsaKey, "k1", map[string]any{"aud": "other-app"}), "audience not accepted"},
		{"expired", sign(t, jwt.SigningMethodRS256, rsaKey, "k1", map[string]any{"exp": past.Unix(), "iat": past.Add(-time.Minute).Unix()}), "expired"},
		{"not yet valid", sign(t, jwt.SigningMethodRS256, rsaKey, "k1", map[string]any{"nbf": time.Now().Add(time.Hour).Unix()}), "not valid yet"},
		{"issued in the future", sign(t, jwt.SigningMethodRS256, rsaKey, "k1", map[string]any{"iat": time.Now().Add(time.Hour).Unix()}), "issued in the future"},
		{"no exp", sign(t, jwt.SigningMethodRS256, rsaKey, "k1", map[string]any{"exp": nil}), "no exp claim"},
		{"alg none", noneTok(), "algorithm none is not accepted"},
		{"HS256 with the public key as secret", sign(t, jwt.SigningMethodHS256, pubPEM, "k1", nil), "algorithm HS256 is not accepted"},
		{"RS256 by another key", sign(t, jwt.SigningMethodRS256, rsaKey2, "k1", nil), "signature does not verify"},
		{"tampered claims", tampered(), "signature does not verify"},
		{"unknown kid", sign(t, jwt.SigningMethodRS256, rsaKey2, "k-unknown", nil), "signing key unknown"},
		{"ES256 not configured", sign(t, jwt.SigningMethodES256, ecKey, "k1", nil), "algorithm ES256 is not accepted"},
		{"no sub", sign(t, jwt.SigningMethodRS256, rsaKey, "k1", map[string]any{"sub": nil}), "no sub claim"},
		{"malformed", "not.a.token", "malformed"},
		{"crit header", func() string {
			tok := jwt.NewWithClaims(jwt.SigningMethodRS256, jwt.MapClaims{"iss": testIssuer, "aud": testAudience, "sub": "x", "exp": time.Now().Add(time.Hour).Unix()})
			tok.Header["kid"], tok.Header["crit"] = "k1", []string{"exp"}
			s, _ := tok.SignedString(rsaKey)
			return s
		}(), "critical header"},
	} {
		t.Run(c.name, func(t *testing.T) {
			rec := f.call(t, "Authorization", "Bearer "+c.token)
			if ch := rec.Header().Get("WWW-Authenticate"); !strings.HasPrefix(ch, `Bearer realm="klantgraaf", error="invalid_token"`) {
				t.Errorf("WWW-Authenticate = %q", ch)
			}
			e := wantGraphQLError(t, rec, http.StatusUnauthorized, CodeUnauthenticated)
			if !strings.Contains(e.Message, c.reason) {
				t.Errorf("message %q lacks %q", e.Message, c.reason)
			}
		})
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestKeyRotationRefetchesOnce(t *testing.T) {
	f := newAuthFixture(t, nil)
	decodeEcho(t, f.call(t, "Authorization", "Bearer "+sign(t, jwt.SigningMethodRS256, rsaKey, "k1", nil)))
	// The provider rotates: k2 appears. Within MinRefresh (an hour here)
	// a token with k2 does not make the gateway fetch again.
	f.jwks.body.Store(jwksBody(jwkOf("k1", &rsaKey.PublicKey), jwkOf("k2", &rsaKey2.PublicKey)))
	tok2 := sign(t, jwt.SigningMethodRS256, rsaKey2, "k2", nil)
	wantGraphQLError(t, f.call(t, "Authorization", "Bearer "+tok2), http.StatusUnauthorized, CodeUnauthenticated)
	if n := f.jwks.fetches.Load(); n != 1 {
		t.Errorf("within MinRefresh an unknown kid caused %d fetches, want 1 in total", n)
	}

	now := time.Unix(1_800_000_000, 0)
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	js := newJWKSServer(t, jwksBody(jwkOf("k1", &rsaKey.PublicKey)))
	ks := NewJWKS(JWKSOptions{URL: js.srv.URL, MinRefresh: time.Minute, Now: clock})
	ctx := context.Background()
	if _, err := ks.Key(ctx, "k1", "RS256"); err != nil {
		t.Fatal(err)
	}
	js.body.Store(jwksBody(jwkOf("k1", &rsaKey.PublicKey), jwkOf("k2", &rsaKey2.PublicKey)))
	for range 3 {
		if _, err := ks.Key(ctx, "k2", "RS256"); err == nil {
			t.Fatal("k2 found before MinRefresh passed")
		}
	}
	if n := js.fetches.Load(); n != 1 {
		t.Errorf("%d fetches before MinRefresh passed, want 1", n)
	}
	mu.Lock()
	now = now.Add(2 * time.Minute)
	mu.Unlock()
	if _, err := ks.Key(ctx, "k2", "RS256"); err != nil {
		t.Errorf("rotated key not found after refresh: %v", err)
	}
	if n := js.fetches.Load(); n != 2 {
		t.Errorf("%d fetches, want 2", n)
	}
	// The provider fails: the keys fetched before stay in use.
	js.body.Store("not json")
	mu.Lock()
	now = now.Add(2 * time.Hour)
	mu.Unlock()
	if _, err := ks.Key(ctx, "k2", "RS256"); err != nil {
		t.Errorf("a failed refresh dropped the known keys: %v", err)
	}
}

func TestES256AndJWKSFile(t *testing.T) {
	testKeys(t)
	path := filepath.Join(t.TempDir(), "jwks.json")
	if err := os.WriteFile(path, []byte(jwksBody(jwkOf("ec1", &ecKey.PublicKey))), 0o600); err != nil {
		t.Fatal(err)
	}
	f := newAuthFixture(t, func(o *AuthOptions) {
		o.OIDC.Algorithms = []string{"ES256"}
		o.OIDC.Keys = NewJWKS(JWKSOptions{File: path})
	})
	m := decodeEcho(t, f.call(t, "Authorization", "Bearer "+sign(t, jwt.SigningMethodES256, ecKey, "ec1", nil)))
	if m["subject"] != "u-123" {
		t.Errorf("caller = %v", m)
	}
	// An RSA token is refused when only ES256 is configured.
	wantGraphQLError(t, f.call(t, "Authorization", "Bearer "+sign(t, jwt.SigningMethodRS256, rsaKey, "ec1", nil)), http.StatusUnauthorized, CodeUnauthenticated)
}

func TestParseJWKSKeepsOnlySignatureKeys(t *testing.T) {
	testKeys(t)
	small, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	body := jwksBody(
		map[string]any{"kty": "oct", "kid": "sym", "k": b64([]byte("shared secret"))},
		jwkOf("small", &small.PublicKey),
		func() map[string]any { k := jwkOf("enc", &rsaKey.PublicKey); k["use"] = "enc"; return k }(),
		jwkOf("good", &rsaKey.PublicKey),
		map[string]any{"kty": "EC", "kid": "offcurve", "crv": "P-256", "x": b64(make([]byte, 32)), "y": b64(make([]byte, 32))},
	)
	keys, err := parseJWKS([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) != 1 || keys[0].kid != "good" {
		t.Errorf("kept %d keys (%v), want only the good RSA key", len(keys), keys)
	}
	if _, err := parseJWKS([]byte(jwksBody(map[string]any{"kty": "oct", "k": "c2VjcmV0"}))); err == nil {
		t.Error("a key set of only symmetric keys must be refused")
	}
	// A token without kid is accepted when exactly one key fits.
	if _, ok := pick(keys, "", "RS256"); !ok {
		t.Error("no kid, one fitting key: not picked")
	}
	if _, ok := pick(keys, "", "ES256"); ok {
		t.Error("an RSA key was picked for ES256")
	}
}

func TestAPIKeys(t *testing.T) {
	f := newAuthFixture(t, nil)
	m := decodeEcho(t, f.call(t, "X-API-Key", "portaal-sleutel"))
	if m["method"] != policy.MethodAPIKey || m["subject"] != "portaal" || m["roles"] != "analist" || m["user"] != "portaal" {
		t.Errorf("caller = %v", m)
	}
	m = decodeEcho(t, f.call(t, "Authorization", "ApiKey portaal-sleutel", "X-End-User-Id", "burger-42"))
	if m["subject"] != "portaal" || m["user"] != "burger-42" {
		t.Errorf("with a trusted end-user header: caller = %v, want end user burger-42", m)
	}
	for _, h := range [][]string{
		{"X-API-Key", "verkeerd"},
		{"Authorization", "ApiKey verkeerd"},
		{"X-API-Key", ""},
		{"X-API-Key", "portaal-sleutel", "Authorization", "Bearer x"},
		{"X-API-Key", "portaal-sleutel", "X-API-Key", "portaal-sleutel"},
		{"Authorization", "Basic cG9ydGFhbDpzbGV1dGVs"},
	} {
		rec := f.call(t, h...)
		wantGraphQLError(t, rec, http.StatusUnauthorized, CodeUnauthenticated)
	}

	// Without trusted headers the client itself is the end user.
	f = newAuthFixture(t, func(o *AuthOptions) { o.EndUser.TrustHeaders = false })
	if m := decodeEcho(t, f.call(t, "X-API-Key", "portaal-sleutel", "X-End-User-Id", "burger-42")); m["user"] != "portaal" {
		t.Errorf("untrusted header: end user %v, want portaal", m["user"])
	}
}

func TestAnonymous(t *testing.T) {
	f := newAuthFixture(t, nil)
	rec := f.call(t)
	if ch := rec.Header().Get("WWW-Authenticate"); ch != `Bearer realm="klantgraaf"` {
		t.Errorf("WWW-Authenticate = %q", ch)
	}
	e := wantGraphQLError(t, rec, http.StatusUnauthorized, CodeUnauthenticated)
	if !strings.Contains(e.Message, "authentication required") {
		t.Errorf("message = %q", e.Message)
	}
	f = newAuthFixture(t, func(o *AuthOptions) { o.AnonymousAllowed, o.AnonymousRoles = true, []string{"kcc"} })
	if m := decodeEcho(t, f.call(t)); m["method"] != policy.MethodAnonymous || m["roles"] != "kcc" {
		t.Errorf("anonymous caller = %v", m)
	}
	// A credential that fails never falls back to anonymous access.
	wantGraphQLError(t, f.call(t, "X-API-Key", "verkeerd"), http.StatusUnauthorized, CodeUnauthenticated)
	wantGraphQLError(t, f.call(t, "Authorization", "Bearer broken"), http.StatusUnauthorized, CodeUnauthenticated)
}

func TestNoRoleIsForbidden(t *testing.T) {
	f := newAuthFixture(t, nil)
	tok := sign(t, jwt.SigningMethodRS256, rsaKey, "k1", map[string]any{"realm_access": map[string]any{"roles": []string{"offline_access"}}})
	e := wantGraphQLError(t, f.call(t, "Authorization", "Bearer "+tok), http.StatusForbidden, CodeForbidden)
	if !strings.Contains(e.Message, "u-123") || !strings.Contains(e.Message, "no role") {
		t.Errorf("message = %q", e.Message)
	}
	// Without a mapping, claim values that are roles count as such; a
	// single string claim is one value.
	f = newAuthFixture(t, func(o *AuthOptions) { o.OIDC.RoleMapping, o.OIDC.RolesClaim = nil, "groups" })
	tok = sign(t, jwt.SigningMethodRS256, rsaKey, "k1", map[string]any{"groups": "analist"})
	if m := decodeEcho(t, f.call(t, "Authorization", "Bearer "+tok)); m["roles"] != "analist" {
		t.Errorf("roles = %v", m["roles"])
	}
}

func TestAuthenticateRefusesSymmetricAlgorithms(t *testing.T) {
	for _, alg := range []string{"HS256", "none", "XX1"} {
		_, err := Authenticate(AuthOptions{OIDC: &OIDCOptions{Issuer: "i", Audience: "a", Algorithms: []string{alg}, Keys: NewJWKS(JWKSOptions{File: "x"})}})
		if err == nil {
			t.Errorf("algorithm %s accepted", alg)
		}
	}
}

func TestJWKSFollowsNoRedirect(t *testing.T) {
	testKeys(t)
	good := newJWKSServer(t, jwksBody(jwkOf("k1", &rsaKey.PublicKey)))
	redirect := httptest.NewServer(http.RedirectHandler(good.srv.URL, http.StatusFound))
	t.Cleanup(redirect.Close)
	ks := NewJWKS(JWKSOptions{URL: redirect.URL})
	if _, err := ks.Key(context.Background(), "k1", "RS256"); err == nil {
		t.Error("keys were taken from where a redirect pointed")
	}
	if good.fetches.Load() != 0 {
		t.Error("the redirect was followed")
	}
}
