package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/klantgraaf/klantgraaf/sim"
	"github.com/klantgraaf/klantgraaf/sim/data"
)

func TestParseDemoFlags(t *testing.T) {
	o, err := ParseDemoFlags(nil, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	want := DemoOptions{Scale: "small", Seed: 1, SimLatency: 0, SimConcurrency: 8,
		Listen: "127.0.0.1:8080", SimControl: "127.0.0.1:8700", User: "demo"}
	if *o != want {
		t.Errorf("defaults = %+v, want %+v", *o, want)
	}

	o, err = ParseDemoFlags([]string{"--scale", "medium", "--seed=42", "--sim-latency", "25ms", "--sim-concurrency", "3",
		"--listen", ":9000", "-sim-control", "127.0.0.1:0", "--redis-url", "redis://localhost:6379/0", "--user", "kcc-medewerker"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	want = DemoOptions{Scale: "medium", Seed: 42, SimLatency: 25 * time.Millisecond, SimConcurrency: 3,
		Listen: ":9000", SimControl: "127.0.0.1:0", RedisURL: "redis://localhost:6379/0", User: "kcc-medewerker"}
	if *o != want {
		t.Errorf("parsed = %+v, want %+v", *o, want)
	}

	for _, bad := range [][]string{
		{"--scale", "huge"},
		{"--sim-latency", "-1s"},
		{"--sim-latency", "soon"},
		{"--sim-concurrency", "0"},
		{"--listen", "8080"},
		{"--sim-control", "nohost"},
		{"--user", ""},
		{"--nope"},
		{"extra"},
	} {
		if _, err := ParseDemoFlags(bad, io.Discard); !errors.Is(err, errUsage) {
			t.Errorf("ParseDemoFlags(%q) = %v, want a usage error", bad, err)
		}
	}
	if _, err := ParseDemoFlags([]string{"-h"}, io.Discard); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("-h = %v, want flag.ErrHelp", err)
	}
}

func TestParseServeFlags(t *testing.T) {
	o, err := ParseServeFlags([]string{"--config", "x.yaml"}, io.Discard)
	if err != nil || o.ConfigPath != "x.yaml" {
		t.Errorf("= %+v, %v", o, err)
	}
	for _, bad := range [][]string{nil, {"--config"}, {"--config", "x.yaml", "more"}, {"--listen", ":1"}} {
		if _, err := ParseServeFlags(bad, io.Discard); !errors.Is(err, errUsage) {
			t.Errorf("ParseServeFlags(%q) = %v, want a usage error", bad, err)
		}
	}
}

func TestRunUsage(t *testing.T) {
	var out bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &out}
	if err := m.Run(context.Background(), nil); !errors.Is(err, errUsage) || !strings.Contains(out.String(), "klantgraaf serve --config FILE") {
		t.Errorf("no command: %v, output %q", err, out.String())
	}
	if err := m.Run(context.Background(), []string{"frobnicate"}); !errors.Is(err, errUsage) || !strings.Contains(err.Error(), "frobnicate") {
		t.Errorf("unknown command: %v", err)
	}
	if err := m.Run(context.Background(), []string{"help"}); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("help: %v", err)
	}
}

func writeConfig(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "klantgraaf.yaml")
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestServeRefusesBadConfig(t *testing.T) {
	path := writeConfig(t, `
listen: 127.0.0.1:0
upstreams:
  - name: zaken
    api: zaken
    baseUrl: https://openzaak.gemeente.example/zaken/api/v1?x=1
    auth: {type: zgw-jwt, clientId: kg}
  - name: klanten
    api: klanten
    baseUrl: https://openklant.gemeente.example/klanten/api/v1
    auth: {type: zgw-jwt, clientId: kg, secret: "${OPENKLANT_SECRET}"}
    maxConcurency: 4
`)
	m := NewMain()
	m.Stdout, m.Stderr, m.Getenv = io.Discard, io.Discard, func(string) string { return "" }
	err := m.Run(context.Background(), []string{"serve", "--config", path})
	defer m.Close()
	if err == nil {
		t.Fatal("serve accepted a bad configuration")
	}
	if m.HTTPServer != nil {
		t.Error("serve started a server despite the bad configuration")
	}
	msg := err.Error()
	// Unknown fields are reported first (they stop decoding).
	if !strings.Contains(msg, path) || !strings.Contains(msg, "upstreams[1].maxConcurency: unknown field") {
		t.Errorf("error does not name the file and the field:\n%s", msg)
	}

	// With the typo fixed every remaining problem is named at once.
	path = writeConfig(t, strings.Replace(mustRead(t, path), "    maxConcurency: 4\n", "", 1))
	err = m.Run(context.Background(), []string{"serve", "--config", path})
	if err == nil {
		t.Fatal("serve accepted a bad configuration")
	}
	for _, want := range []string{
		"upstreams[0].baseUrl: must be an absolute http(s) URL without query or userinfo",
		"upstreams[0].auth.secret: required for type zgw-jwt",
		"upstreams[1].auth.secret: environment variable OPENKLANT_SECRET is not set",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%s", want, err)
		}
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestServeMissingConfigFile(t *testing.T) {
	m := NewMain()
	m.Stdout, m.Stderr = io.Discard, io.Discard
	err := m.Run(context.Background(), []string{"serve", "--config", filepath.Join(t.TempDir(), "nope.yaml")})
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("= %v, want ErrNotExist", err)
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func postQuery(t *testing.T, url, query string) (int, string) {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": query})
	resp, err := http.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestServeRunsAndShutsDown(t *testing.T) {
	path := writeConfig(t, `
listen: 127.0.0.1:0
introspection: false
auth:
  anonymous: {allowed: true}
upstreams:
  - name: zaken
    api: zaken
    version: "1.5.1"
    baseUrl: http://127.0.0.1:1/zaken/api/v1
    auth: {type: zgw-jwt, clientId: kg, secret: "${ZAKEN_SECRET}"}
`)
	var out, logs bytes.Buffer
	m := NewMain()
	m.Stdout, m.Stderr = &out, &logs
	m.Getenv = func(k string) string { return map[string]string{"ZAKEN_SECRET": "s"}[k] }
	if err := m.Run(context.Background(), []string{"serve", "--config", path}); err != nil {
		t.Fatal(err)
	}
	base := m.baseURL()
	if !strings.Contains(out.String(), base+"/graphql") {
		t.Errorf("output %q does not show the GraphQL URL", out.String())
	}
	if code, _ := get(t, base+"/healthz"); code != 200 {
		t.Errorf("/healthz = %d", code)
	}
	if code, _ := get(t, base+"/readyz"); code != 200 {
		t.Errorf("/readyz = %d", code)
	}
	if code, body := postQuery(t, base+"/graphql", `{ __typename }`); code != 200 || !strings.Contains(body, `"Query"`) {
		t.Errorf("/graphql = %d %s", code, body)
	}
	if _, body := postQuery(t, base+"/graphql", `{ __schema { queryType { name } } }`); !strings.Contains(body, "errors") {
		t.Errorf("introspection is off in the config but answered: %s", body)
	}
	if code, _ := get(t, base+"/"); code != 404 {
		t.Errorf("GraphiQL is off but / = %d", code)
	}

	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Error("server still answers after Close")
	}
	if err := m.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

func TestDemoConfig(t *testing.T) {
	o, _ := ParseDemoFlags([]string{"--user", "anna", "--redis-url", "redis://localhost:6379/1", "--sim-concurrency", "5"}, io.Discard)
	providers := []sim.Provider{
		{Name: "zaken-a", API: data.APIZaken, Version: "1.5.1", BaseURL: "http://127.0.0.1:40001/zaken/api/v1",
			Auth: sim.ProviderAuth{Type: "zgw-jwt", ClientID: "c", Secret: "s"}},
		{Name: "klantinteracties", API: data.APIKlantinteracties, Version: "0.9.0", BaseURL: "http://127.0.0.1:40002/klantinteracties/api/v1",
			Auth: sim.ProviderAuth{Type: "token", Token: "t"}},
	}
	cfg, err := DemoConfig(o, providers)
	if err != nil {
		t.Fatal(err)
	}
	if !cfg.GraphiQL || !cfg.Introspection || cfg.EndUser.FallbackID != "anna" || cfg.Listen != "127.0.0.1:8080" {
		t.Errorf("cfg = %+v", cfg)
	}
	if cfg.Redis == nil || cfg.Redis.URL != "redis://localhost:6379/1" {
		t.Errorf("redis = %+v", cfg.Redis)
	}
	ups := cfg.Upstreams()
	if len(ups) != 2 || ups[0].Auth.Secret != "s" || ups[1].Auth.Token != "t" || ups[1].MaxConcurrency != 5 || ups[0].Timeout <= 0 {
		t.Errorf("upstreams = %+v", ups)
	}

	// A broken provider list is reported, not served.
	providers[1].BaseURL = providers[0].BaseURL
	if _, err := DemoConfig(o, providers); err == nil || !strings.Contains(err.Error(), "upstreams[1].baseUrl") {
		t.Errorf("duplicate base URL: %v", err)
	}
}

func TestDemoExamples(t *testing.T) {
	from := time.Date(2025, 9, 24, 0, 0, 0, 0, time.UTC)
	ex := DemoExamples(DemoIDs{BSN: "111222333", KvK: "12345678", ZaakURL: "http://z/zaken/api/v1/zaken/u", WeekFrom: from, WeekTo: from.AddDate(0, 0, 7)})
	if len(ex) < 3 {
		t.Fatalf("%d examples", len(ex))
	}
	joined := ""
	for _, e := range ex {
		if !strings.Contains(e.Query, "query "+e.Name) {
			t.Errorf("example %s: the operation is not named after it", e.Name)
		}
		var v map[string]any
		if err := json.Unmarshal([]byte(e.Variables), &v); err != nil {
			t.Errorf("example %s: variables %q: %v", e.Name, e.Variables, err)
		}
		joined += e.Variables
	}
	for _, want := range []string{"111222333", "12345678", "http://z/zaken/api/v1/zaken/u", "2025-09-24T00:00:00Z", "2025-10-01T00:00:00Z"} {
		if !strings.Contains(joined, want) {
			t.Errorf("examples do not pass %q", want)
		}
	}
}

func TestDemoRunsAndShutsDown(t *testing.T) {
	var out bytes.Buffer
	m := NewMain()
	m.Stdout, m.Stderr = &out, io.Discard
	err := m.Run(context.Background(), []string{"demo", "--listen", "127.0.0.1:0", "--sim-control", "127.0.0.1:0", "--user", "tester"})
	if err != nil {
		m.Close()
		t.Fatal(err)
	}
	defer m.Close()
	base := m.baseURL()
	for _, want := range []string{base + "/graphql", base + "/", m.Sim.ControlURL(), `"tester"`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("demo output lacks %q:\n%s", want, out.String())
		}
	}
	if code, body := postQuery(t, base+"/graphql", `{ __schema { queryType { name } } }`); code != 200 || !strings.Contains(body, `"Query"`) {
		t.Errorf("introspection in the demo: %d %s", code, body)
	}
	if code, body := get(t, base+"/"); code != 200 || !strings.Contains(body, "GraphiQL") {
		t.Errorf("GraphiQL page: %d", code)
	}
	if code, body := get(t, m.Sim.ControlURL()+"/providers"); code != 200 || !strings.Contains(body, "zaken") {
		t.Errorf("simulator control: %d %s", code, body)
	}
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	if m.Sim != nil || m.HTTPServer != nil {
		t.Error("Close left the simulator or the server behind")
	}
}
