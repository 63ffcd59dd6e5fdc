package sim

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// startSim runs a small simulator for a test.
func startSim(t testing.TB, cfg Config) *Sim {
	t.Helper()
	if cfg.Scale == "" {
		cfg.Scale = "small"
	}
	if cfg.Seed == 0 {
		cfg.Seed = 7
	}
	if cfg.Control == "" {
		cfg.Control = "127.0.0.1:0"
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// zgwToken signs a ZGW JWT for one of an instance's clients.
func zgwToken(t testing.TB, s *Sim, instance, clientID, userID, userRepr string) string {
	t.Helper()
	in := s.Instance(instance)
	if in == nil {
		t.Fatalf("no instance %s", instance)
	}
	for _, c := range in.Clients() {
		if c.ID == clientID {
			tok := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
				"iss": clientID, "iat": time.Now().Unix(), "client_id": clientID,
				"user_id": userID, "user_representation": userRepr,
			})
			s, err := tok.SignedString([]byte(c.Secret))
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
	}
	t.Fatalf("instance %s has no client %s", instance, clientID)
	return ""
}

// caller performs authenticated requests against the simulator.
type caller struct {
	t        testing.TB
	s        *Sim
	clientID string
	hc       *http.Client
}

func newCaller(t testing.TB, s *Sim, clientID string) *caller {
	return &caller{t: t, s: s, clientID: clientID, hc: &http.Client{Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// instanceOf finds the instance whose base URL a URL starts with.
func (c *caller) instanceOf(u string) string {
	for _, in := range c.s.Instances() {
		if strings.HasPrefix(u, in.BaseURL+"/") || u == in.BaseURL {
			return in.Spec.Name
		}
	}
	c.t.Fatalf("URL %s belongs to no instance", u)
	return ""
}

// request builds an authenticated request with the geo headers.
func (c *caller) request(method, u string, body string) *http.Request {
	c.t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, u, r)
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+zgwToken(c.t, c.s, c.instanceOf(u), c.clientID, "test-user", "Test Gebruiker"))
	req.Header.Set("Accept-Crs", "EPSG:4326")
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Content-Crs", "EPSG:4326")
	}
	return req
}

// getJSON GETs u and decodes a 200 answer.
func (c *caller) getJSON(u string, v any) int {
	c.t.Helper()
	resp, err := c.hc.Do(c.request("GET", u, ""))
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode == 200 && v != nil {
		if err := json.Unmarshal(b, v); err != nil {
			c.t.Fatalf("GET %s: %v: %s", u, err, b)
		}
	}
	return resp.StatusCode
}
