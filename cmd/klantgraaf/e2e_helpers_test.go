package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/klantgraaf/klantgraaf/config"
	"github.com/klantgraaf/klantgraaf/sim"
)

// env is a simulator plus a gateway in front of it, both in-process.
type env struct {
	t       testing.TB
	sim     *sim.Sim
	cfg     *config.Config
	gateway *httptest.Server
	provs   map[string]sim.Provider
}

func newEnv(t testing.TB, simCfg sim.Config, mutate func(*config.Config)) *env {
	t.Helper()
	if simCfg.Scale == "" {
		simCfg.Scale = "small"
	}
	if simCfg.Seed == 0 {
		simCfg.Seed = 1
	}
	s, err := sim.New(simCfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	cfg, err := DemoConfig(&DemoOptions{Scale: simCfg.Scale, SimConcurrency: 8, User: "e2e-user", Listen: "127.0.0.1:0"}, s.Providers())
	if err != nil {
		t.Fatal(err)
	}
	if mutate != nil {
		mutate(cfg)
	}
	h, err := NewGateway(cfg, GatewayOptions{})
	if err != nil {
		t.Fatal(err)
	}
	gw := httptest.NewServer(h)
	t.Cleanup(gw.Close)
	e := &env{t: t, sim: s, cfg: cfg, gateway: gw, provs: map[string]sim.Provider{}}
	for _, p := range s.Providers() {
		e.provs[p.Name] = p
	}
	return e
}

// gqlResponse is a GraphQL answer.
type gqlResponse struct {
	Data       json.RawMessage `json:"data"`
	Errors     []gqlErr        `json:"errors"`
	Extensions map[string]any  `json:"extensions"`
}

type gqlErr struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// query posts a GraphQL request and decodes the answer into data.
func (e *env) query(q string, vars map[string]any, data any, headers ...string) *gqlResponse {
	e.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
	req, _ := http.NewRequest("POST", e.gateway.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out gqlResponse
	if err := json.Unmarshal(raw, &out); err != nil {
		e.t.Fatalf("gateway answered %d %s", resp.StatusCode, raw)
	}
	if data != nil && out.Data != nil && string(out.Data) != "null" {
		if err := json.Unmarshal(out.Data, data); err != nil {
			e.t.Fatalf("decode data: %v: %s", err, out.Data)
		}
	}
	return &out
}

// readQuery reads a query kept in testdata/queries.
func readQuery(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "queries", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// rest is an independent REST client for the simulator, used to compute the
// expected answers straight from the providers.
type rest struct {
	t  testing.TB
	e  *env
	hc *http.Client
}

func (e *env) rest() *rest { return &rest{t: e.t, e: e, hc: &http.Client{Timeout: 10 * time.Second}} }

func (r *rest) providerOf(u string) sim.Provider {
	for _, p := range r.e.provs {
		if strings.HasPrefix(u, p.BaseURL+"/") || strings.HasPrefix(u, p.BaseURL+"?") {
			return p
		}
	}
	r.t.Fatalf("no provider for %s", u)
	return sim.Provider{}
}

// get fetches u with the provider's own credential and decodes JSON.
func (r *rest) get(u string, v any) {
	r.t.Helper()
	p := r.providerOf(u)
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"iss": p.Auth.ClientID, "client_id": p.Auth.ClientID,
		"iat": time.Now().Unix(), "user_id": "e2e-truth", "user_representation": "e2e"})
	signed, err := tok.SignedString([]byte(p.Auth.Secret))
	if err != nil {
		r.t.Fatal(err)
	}
	req, _ := http.NewRequest("GET", u, nil)
	req.Header.Set("Authorization", "Bearer "+signed)
	if p.Auth.Type == "token" {
		req.Header.Set("Authorization", "Token "+p.Auth.Token)
	}
	req.Header.Set("Accept-Crs", "EPSG:4326")
	resp, err := r.hc.Do(req)
	if err != nil {
		r.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		r.t.Fatalf("GET %s: %d %s", u, resp.StatusCode, b)
	}
	if err := json.Unmarshal(b, v); err != nil {
		r.t.Fatalf("GET %s: %v", u, err)
	}
}

// all walks a paginated list and returns every result's raw JSON.
func (r *rest) all(u string) []map[string]any {
	r.t.Helper()
	var out []map[string]any
	for u != "" {
		var page struct {
			Next    *string          `json:"next"`
			Results []map[string]any `json:"results"`
		}
		r.get(u, &page)
		out = append(out, page.Results...)
		u = ""
		if page.Next != nil {
			u = *page.Next
		}
	}
	return out
}

func (r *rest) base(name string) string { return r.e.provs[name].BaseURL }

// ofKind lists the provider base URLs of an API kind.
func (r *rest) ofKind(api string) []string {
	var out []string
	for _, p := range r.e.sim.Providers() {
		if string(p.API) == api {
			out = append(out, p.BaseURL)
		}
	}
	return out
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func set(items ...string) map[string]bool {
	m := map[string]bool{}
	for _, s := range items {
		m[s] = true
	}
	return m
}

func sameSet(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}
