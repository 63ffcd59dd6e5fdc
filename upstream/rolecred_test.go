package upstream

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// TestRoleCredentialPickedAndKeyed: a caller whose role has a credential of
// its own is sent with that credential (the JWT names its client id and is
// signed with its secret), others with the upstream's own; and the two
// never share a cache entry.
func TestRoleCredentialPickedAndKeyed(t *testing.T) {
	secrets := map[string]string{"klantgraaf": "s3cret", "klantgraaf-beperkt": "beperkt-geheim"}
	var mu sync.Mutex
	var seen []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		var claims jwt.MapClaims
		_, err := jwt.ParseWithClaims(raw, &claims, func(t *jwt.Token) (any, error) {
			id, _ := claims["client_id"].(string)
			return []byte(secrets[id]), nil
		}, jwt.WithValidMethods([]string{"HS256"}))
		if err != nil {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		mu.Lock()
		seen = append(seen, claims["client_id"].(string))
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"url":"x"}`))
	}))
	t.Cleanup(srv.Close)

	rc := newMemCache()
	clk := &clock{t: time.Unix(1_700_000_000, 0)}
	c := newCachedClient(t, srv.URL, rc, clk, "klantgraaf", CachePolicy{TTL: time.Minute})
	creds := RoleCredentials{
		"zaken-a": {{Roles: []string{"analist"}, Auth: Auth{Type: AuthZGWJWT, ClientID: "klantgraaf-beperkt", Secret: "beperkt-geheim"}}},
		"other":   {{Roles: []string{"kcc"}, Auth: Auth{Type: AuthZGWJWT, ClientID: "nope", Secret: "nope"}}},
	}
	kcc := WithRoleCredentials(context.Background(), creds, []string{"kcc"})
	analist := WithRoleCredentials(context.Background(), creds, []string{"analist"})

	var v map[string]any
	for _, ctx := range []context.Context{kcc, analist, kcc, analist} {
		if _, err := c.Get(ctx, "klanten/1", &v); err != nil {
			t.Fatal(err)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if strings.Join(seen, ",") != "klantgraaf,klantgraaf-beperkt" {
		t.Errorf("credentials sent = %v, want the own one for kcc and the role's for analist, each once (then cached)", seen)
	}
	if k1, k2 := c.cacheKey(kcc, "GET", "u", nil), c.cacheKey(analist, "GET", "u", nil); k1 == k2 {
		t.Error("two roles with different credentials share a cache key")
	}
	if p := c.principal(analist); p != "jwt:klantgraaf-beperkt" {
		t.Errorf("principal = %q", p)
	}
}

// TestRoleCredentialOfAnotherTypeIgnored: a credential whose type differs
// from the upstream's is never used (the configuration rejects it too).
func TestRoleCredentialOfAnotherTypeIgnored(t *testing.T) {
	c, err := NewClient(Upstream{Name: "zaken-a", Kind: APIZaken, BaseURL: "http://127.0.0.1:1/api/v1",
		Auth: Auth{Type: AuthZGWJWT, ClientID: "own", Secret: "s"}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := WithRoleCredentials(context.Background(), RoleCredentials{
		"zaken-a": {{Roles: []string{"r"}, Auth: Auth{Type: AuthToken, Token: "t"}}},
	}, []string{"r"})
	if a := c.credential(ctx); a.ClientID != "own" {
		t.Errorf("credential = %+v, want the upstream's own", a)
	}
	if a := c.credential(context.Background()); a.ClientID != "own" {
		t.Errorf("no roles: credential = %+v", a)
	}
}
