package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/klantgraaf/klantgraaf/model"
	"github.com/klantgraaf/klantgraaf/sim"
)

// TestUnknownSourceNeverFetched: URLs outside the configured upstreams are
// answered with UNKNOWN_SOURCE and never requested — not with the
// gateway's credentials, not at all.
func TestUnknownSourceNeverFetched(t *testing.T) {
	var hits atomic.Int64
	evil := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"url":"x"}`))
	}))
	defer evil.Close()
	e := newEnv(t, sim.Config{}, nil)
	zakenA := e.provs["zaken-a"].BaseURL
	host := strings.TrimPrefix(e.provs["zaken-a"].BaseURL, "http://")
	host = host[:strings.IndexByte(host, '/')]
	port := host[strings.LastIndexByte(host, ':')+1:]
	urls := []string{
		evil.URL + "/zaken/api/v1/zaken/0b4c3f3e-5d0c-4b8e-9b5e-2d1c1f0a9e01",
		"http://169.254.169.254/latest/meta-data/",
		"file:///etc/passwd",
		"http://user:pw@" + host + "/zaken/api/v1/zaken/0b4c3f3e-5d0c-4b8e-9b5e-2d1c1f0a9e01",
		"http://" + strings.Replace(host, "127.0.0.1", "127.0.0.2", 1) + "/zaken/api/v1/zaken/0b4c3f3e-5d0c-4b8e-9b5e-2d1c1f0a9e01",
		zakenA + "/../../klanten/api/v1/klanten/0b4c3f3e-5d0c-4b8e-9b5e-2d1c1f0a9e01",
		zakenA + "/%2e%2e/%2e%2e/x",
		"http://127.0.0.1:" + port + "0/zaken/api/v1/zaken/0b4c3f3e-5d0c-4b8e-9b5e-2d1c1f0a9e01",
		strings.Replace(evil.URL, "127.0.0.1", "localhost", 1) + "/zaken/api/v1/zaken/x",
	}
	before := e.sim.Stats(false).Total
	for _, u := range urls {
		var data struct{ Zaak *struct{ URL string } }
		resp := e.query(`query($u: String!) { zaak(url: $u) { url } }`, map[string]any{"u": u}, &data)
		if data.Zaak != nil {
			t.Errorf("%s: got data %+v", u, data.Zaak)
		}
		if len(resp.Errors) != 1 || resp.Errors[0].Extensions["code"] != "UNKNOWN_SOURCE" {
			t.Errorf("%s: want one UNKNOWN_SOURCE error, got %+v", u, resp.Errors)
		}
		// The same through a global id.
		resp = e.query(`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": model.NewID("Zaak", u)}, nil)
		if len(resp.Errors) != 1 || resp.Errors[0].Extensions["code"] != "UNKNOWN_SOURCE" {
			t.Errorf("node %s: want UNKNOWN_SOURCE, got %+v", u, resp.Errors)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Fatalf("the foreign server was contacted %d times", n)
	}
	e.sim.WaitIdle(2 * time.Second)
	if after := e.sim.Stats(false).Total; after != before {
		t.Fatalf("%d requests reached the providers for URLs outside them", after-before)
	}

	// A zaak URL given where a klant is expected is refused, not fetched as one.
	resp := e.query(`query($u: String!) { klant(url: $u) { url } }`, map[string]any{"u": zakenA + "/zaken/0b4c3f3e-5d0c-4b8e-9b5e-2d1c1f0a9e01"}, nil)
	if len(resp.Errors) != 1 || resp.Errors[0].Extensions["code"] != "UNKNOWN_SOURCE" {
		t.Errorf("klant(url: zaak URL): %+v", resp.Errors)
	}
}

// TestCredentialsAndEndUserReachOnlyTheirProvider: every provider sees only
// its own credential (a foreign one would fail its signature check) and the
// end user of the GraphQL request in its audit trail.
func TestCredentialsAndEndUserReachOnlyTheirProvider(t *testing.T) {
	e := newEnv(t, sim.Config{}, nil)
	sc, _ := e.sim.ShowcaseByKey("benchmark")
	e.sim.ResetStats()
	resp := e.query(readQuery(t, "klantbeeld.graphql"), map[string]any{"bsn": sc.BSN}, nil,
		"X-End-User-Id", "kcc-medewerker-17", "X-End-User-Representation", "J. de Vries (KCC)")
	if len(resp.Errors) > 0 {
		t.Fatalf("errors: %+v", resp.Errors)
	}
	e.sim.WaitIdle(2 * time.Second)
	rep := e.sim.Stats(false)
	for name, is := range rep.Instances {
		for _, r := range is.Routes {
			if r.Statuses["401"] > 0 || r.Statuses["403"] > 0 {
				t.Errorf("%s %s %s: refused credentials %v", name, r.Method, r.Template, r.Statuses)
			}
		}
	}
	audited := 0
	for _, in := range e.sim.Instances() {
		for _, a := range in.Audit() {
			audited++
			if a.ClientID != "klantgraaf" {
				t.Errorf("%s: client %q", in.Spec.Name, a.ClientID)
			}
			if e.provs[in.Spec.Name].Auth.Type == "token" {
				// Token authentication (Klantinteracties) carries no end user.
				continue
			}
			if a.UserID != "kcc-medewerker-17" || a.UserRepresentation != "J. de Vries (KCC)" {
				t.Errorf("%s: audit has user %q (%q), want the GraphQL caller", in.Spec.Name, a.UserID, a.UserRepresentation)
			}
		}
	}
	if audited == 0 || audited != rep.Total {
		t.Fatalf("audited %d of %d requests", audited, rep.Total)
	}

	// Without the headers the configured fallback identity is used.
	e.sim.ResetStats()
	e.query(`query($bsn: String!) { klantbeeld(bsn: $bsn) { klanten { url } } }`, map[string]any{"bsn": sc.BSN}, nil)
	for _, a := range e.sim.Instance("klanten").Audit() {
		if a.UserID != "e2e-user" {
			t.Errorf("fallback identity: got %q", a.UserID)
		}
	}
}

// TestRelationsAgreeBothWays: a contactmoment's zaken list the contactmoment
// back, a zaak's contactmomenten list the zaak back, and the same for
// verzoeken.
func TestRelationsAgreeBothWays(t *testing.T) {
	e := newEnv(t, sim.Config{}, nil)
	sc, _ := e.sim.ShowcaseByKey("benchmark")
	var data struct {
		Klantbeeld struct {
			Contactmomenten struct {
				Edges []struct {
					Node struct {
						URL   string
						Zaken []struct {
							URL             string
							Contactmomenten []struct{ URL string }
						}
						Klanten []struct{ KlantURL string }
					}
				}
			}
			Zaken struct {
				Edges []struct {
					Node struct {
						URL             string
						Contactmomenten []struct {
							URL   string
							Zaken []struct{ URL string }
						}
						Verzoeken []struct {
							URL   string
							Zaken []struct{ URL string }
						}
					}
				}
			}
			Verzoeken struct {
				Edges []struct {
					Node struct {
						URL   string
						Zaken []struct {
							URL       string
							Verzoeken []struct{ URL string }
						}
					}
				}
			}
			Klanten []struct{ URL string }
		}
	}
	resp := e.query(`query($bsn: String!) { klantbeeld(bsn: $bsn) {
		klanten { url }
		contactmomenten(first: 100) { edges { node { url klanten { klantUrl } zaken { url contactmomenten { url } } } } }
		zaken(first: 100) { edges { node { url contactmomenten { url zaken { url } } verzoeken { url zaken { url } } } } }
		verzoeken(first: 100) { edges { node { url zaken { url verzoeken { url } } } } }
	} }`, map[string]any{"bsn": sc.BSN}, &data)
	if len(resp.Errors) > 0 {
		t.Fatalf("errors: %+v", resp.Errors)
	}
	kb := data.Klantbeeld
	links := 0
	for _, ce := range kb.Contactmomenten.Edges {
		cm := ce.Node
		hasKlant := false
		for _, k := range cm.Klanten {
			if k.KlantURL == kb.Klanten[0].URL {
				hasKlant = true
			}
		}
		if !hasKlant {
			t.Errorf("contactmoment %s does not list its klant", cm.URL)
		}
		for _, z := range cm.Zaken {
			links++
			if !containsURL(z.Contactmomenten, cm.URL) {
				t.Errorf("zaak %s does not list contactmoment %s back", z.URL, cm.URL)
			}
		}
	}
	for _, ze := range kb.Zaken.Edges {
		z := ze.Node
		for _, cm := range z.Contactmomenten {
			if !containsURL(cm.Zaken, z.URL) {
				t.Errorf("contactmoment %s does not list zaak %s back", cm.URL, z.URL)
			}
		}
		for _, v := range z.Verzoeken {
			if !containsURL(v.Zaken, z.URL) {
				t.Errorf("verzoek %s does not list zaak %s back", v.URL, z.URL)
			}
		}
	}
	for _, ve := range kb.Verzoeken.Edges {
		for _, z := range ve.Node.Zaken {
			links++
			if !containsURL(z.Verzoeken, ve.Node.URL) {
				t.Errorf("zaak %s does not list verzoek %s back", z.URL, ve.Node.URL)
			}
		}
	}
	if links < 10 {
		t.Fatalf("only %d cross links checked; the dataset should have more", links)
	}
}

func containsURL[T interface{ ~struct{ URL string } }](items []T, u string) bool {
	for _, it := range items {
		if struct{ URL string }(it).URL == u {
			return true
		}
	}
	return false
}
