package upstream_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/klantgraaf/klantgraaf/upstream"
)

func TestURLOwnershipRejectsWithoutSending(t *testing.T) {
	f := newFixture(t, upstream.APIZaken, "/zaken/api/v1", func(u *upstream.Upstream) {
		u.Auth = upstream.Auth{Type: upstream.AuthZGWJWT, ClientID: "c", Secret: "s"}
	})
	var hits atomic.Int64
	f.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		writeJSON(w, 200, `{}`)
	})
	hostport := strings.TrimPrefix(f.srv.URL, "http://")
	host, port, _ := strings.Cut(hostport, ":")
	rejected := []string{
		f.srv.URL + "/zaken/api/v10/zaken",                   // prefix but not on a segment boundary
		f.srv.URL + "/zaken/api/v1x",                         // idem
		f.srv.URL + "/zaken/api",                             // above the base
		f.srv.URL + "/catalogi/api/v1/zaaktypen/1",           // other API on the same host
		f.srv.URL + "/zaken/api/v1/../../admin",              // dot-dot traversal
		f.srv.URL + "/zaken/api/v1/zaken/./1",                // dot segment
		f.srv.URL + "/zaken/api/v1/%2e%2e/%2e%2e/admin",      // encoded dot-dot
		f.srv.URL + "/zaken/api/v1/%2E%2E%2Fadmin",           // encoded dot-dot and slash
		f.srv.URL + "/zaken/api/v1/zaken%2F..%2F..%2Fadmin",  // encoded slashes
		f.srv.URL + "/zaken/api/v1/zaken%5C..%5Cadmin",       // encoded backslashes
		f.srv.URL + "/zaken/api/v1/%252e%252e/admin",         // double encoding
		f.srv.URL + "/zaken/api/v1/..;/admin",                // path parameter trick
		f.srv.URL + "/zaken/api/v1\\..\\admin",               // backslashes
		"http://good@" + hostport + "/zaken/api/v1/zaken",    // userinfo on the right host
		"http://" + hostport + "@evil.example/zaken/api/v1/", // userinfo making evil the host
		"http://good@evil.example/zaken/api/v1/zaken",        // userinfo, wrong host
		"http://evil.example/zaken/api/v1/zaken",             // other host
		"http://" + host + ":1/zaken/api/v1/zaken",           // other port
		"https://" + hostport + "/zaken/api/v1/zaken",        // https instead of http
		"file:///zaken/api/v1/zaken",                         // other scheme
		"file:///etc/passwd",                                 // local file
		"http://169.254.169.254/latest/meta-data/",           // cloud metadata
		"http://169.254.169.254:" + port + "/zaken/api/v1/",  // metadata on the same port
		"//" + hostport + "/zaken/api/v1/zaken",              // scheme-relative
		"javascript:alert(1)",                                // not a URL to fetch
		"gopher://" + hostport + "/zaken/api/v1",             // other scheme, same host
		"../../admin",                                        // relative traversal
		"zaken/../../../admin",                               // relative traversal inside
		"%2e%2e/admin",                                       // encoded relative traversal
		"zaken/%2F%2Fevil",                                   // encoded slashes in relative
		"http://" + host + ":" + port + "\\@evil.example/zaken/api/v1/",
	}
	for _, raw := range rejected {
		if strings.HasPrefix(raw, "http") && f.client.Owns(raw) {
			t.Errorf("Owns(%q) = true", raw)
		}
		_, err := f.client.Get(context.Background(), raw, nil)
		ue := wantKind(t, err, upstream.UnknownSource)
		if ue.Source != "test-zaken" {
			t.Errorf("%q: source %q", raw, ue.Source)
		}
		if strings.Contains(ue.Error(), "good@") {
			t.Errorf("userinfo leaked into error text: %v", ue)
		}
	}
	if n := f.rt.n.Load(); n != 0 {
		t.Fatalf("%d requests were sent for rejected URLs: %v", n, f.rt.urls)
	}
	if hits.Load() != 0 {
		t.Fatalf("server was hit")
	}

	accepted := []string{
		f.srv.URL + "/zaken/api/v1/zaken/1",
		f.srv.URL + "/zaken/api/v1",
		"HTTP://" + strings.ToUpper(hostport) + "/zaken/api/v1/zaken?x=1",
		f.srv.URL + "/zaken/api/v1/zaken/a..b",
		"zaken/1",
		"/zaken/1",
	}
	for _, raw := range accepted {
		if _, err := f.client.Get(context.Background(), raw, nil); err != nil {
			t.Errorf("%q rejected: %v", raw, err)
		}
	}
	if hits.Load() != int64(len(accepted)) {
		t.Errorf("hits = %d, want %d", hits.Load(), len(accepted))
	}
}

func TestOwnsNormalisesHostCaseAndDefaultPorts(t *testing.T) {
	c, err := upstream.NewClient(upstream.Upstream{Name: "oz", Kind: upstream.APIZaken, BaseURL: "https://Open-Zaak.example.nl/zaken/api/v1"})
	if err != nil {
		t.Fatal(err)
	}
	yes := []string{
		"https://open-zaak.example.nl/zaken/api/v1/zaken/1",
		"https://OPEN-ZAAK.EXAMPLE.NL:443/zaken/api/v1/zaken/1",
		"HTTPS://open-zaak.example.nl/zaken/api/v1/",
	}
	no := []string{
		"http://open-zaak.example.nl/zaken/api/v1/zaken/1",
		"https://open-zaak.example.nl:8443/zaken/api/v1/zaken/1",
		"https://open-zaak.example.nl.evil.example/zaken/api/v1/zaken/1",
		"https://evil.example/open-zaak.example.nl/zaken/api/v1/",
		"https://open-zaak.example.nl/Zaken/api/v1/zaken/1",
		"https://open-zaak.example.nl/zaken/api/v1/../v2/zaken",
		"https://user:pw@open-zaak.example.nl/zaken/api/v1/zaken/1",
	}
	for _, u := range yes {
		if !c.Owns(u) {
			t.Errorf("Owns(%q) = false", u)
		}
	}
	for _, u := range no {
		if c.Owns(u) {
			t.Errorf("Owns(%q) = true", u)
		}
	}
	h, err := upstream.NewClient(upstream.Upstream{Name: "h", Kind: upstream.APIZaken, BaseURL: "http://h.example:80/"})
	if err != nil {
		t.Fatal(err)
	}
	if !h.Owns("http://h.example/anything") || h.Owns("http://h.example:8080/anything") {
		t.Errorf("root base with explicit default port mis-normalised")
	}
}

func TestRedirectToOtherHostRefusedWithoutCredentials(t *testing.T) {
	var evilHits atomic.Int64
	var evilAuth atomic.Value
	evil := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		evilHits.Add(1)
		evilAuth.Store(r.Header.Get("Authorization"))
		writeJSON(w, 200, `{"stolen":true}`)
	}))
	defer evil.Close()

	f := newFixture(t, upstream.APIZaken, "/zaken/api/v1", func(u *upstream.Upstream) {
		u.Auth = upstream.Auth{Type: upstream.AuthZGWJWT, ClientID: "c", Secret: "s"}
	})
	var sameAuth string
	f.mux.HandleFunc("GET /zaken/api/v1/away", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, evil.URL+"/zaken/api/v1/zaken", http.StatusFound)
	})
	f.mux.HandleFunc("GET /zaken/api/v1/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/zaken/api/v1/here", http.StatusMovedPermanently)
	})
	f.mux.HandleFunc("GET /zaken/api/v1/here", func(w http.ResponseWriter, r *http.Request) {
		sameAuth = r.Header.Get("Authorization")
		writeJSON(w, 200, `{"here":true}`)
	})
	f.mux.HandleFunc("GET /zaken/api/v1/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/zaken/api/v1/loop", http.StatusFound)
	})

	var v map[string]bool
	_, err := f.client.Get(context.Background(), "away", &v)
	wantKind(t, err, upstream.UnknownSource)
	if evilHits.Load() != 0 || v["stolen"] {
		t.Fatalf("redirect to another host was followed (auth %q)", evilAuth.Load())
	}

	// Same-origin redirects are followed and keep the credentials.
	if _, err := f.client.Get(context.Background(), "moved", &v); err != nil || !v["here"] {
		t.Fatalf("same-origin redirect: %v", err)
	}
	if !strings.HasPrefix(sameAuth, "Bearer ") {
		t.Errorf("same-origin redirect lost credentials: %q", sameAuth)
	}
	_, err = f.client.Get(context.Background(), "loop", nil)
	wantKind(t, err, upstream.Other)
}

func TestDoRefusesForeignRequest(t *testing.T) {
	f := newFixture(t, upstream.APIKlanten, "/klanten/api/v1", func(u *upstream.Upstream) {
		u.Auth = upstream.Auth{Type: upstream.AuthToken, Token: "secret-token"}
	})
	req, _ := http.NewRequest(http.MethodGet, "http://evil.example/klanten/api/v1/klanten", nil)
	_, err := f.client.Do(req, nil)
	wantKind(t, err, upstream.UnknownSource)
	if req.Header.Get("Authorization") != "" || f.rt.n.Load() != 0 {
		t.Fatalf("foreign request got credentials or was sent")
	}
}

func TestRegistryRoute(t *testing.T) {
	reg, err := upstream.NewRegistry([]upstream.Upstream{
		{Name: "oz-zaken", Kind: upstream.APIZaken, BaseURL: "https://oz.example.nl/zaken/api/v1"},
		{Name: "oz-catalogi", Kind: upstream.APICatalogi, BaseURL: "https://oz.example.nl/catalogi/api/v1/"},
		{Name: "ok-root", Kind: upstream.APIVerzoeken, BaseURL: "http://verzoeken.example.nl:8000/api/v1"},
		{Name: "ok-nested", Kind: upstream.APIKlanten, BaseURL: "http://verzoeken.example.nl:8000/api/v1/klanten-extra"},
		{Name: "oz-zaken-2", Kind: upstream.APIZaken, BaseURL: "https://oz2.example.nl/zaken/api/v1", MaxConcurrency: 20},
	})
	if err != nil {
		t.Fatal(err)
	}
	routes := map[string]string{
		"https://oz.example.nl/zaken/api/v1/zaken/1":                      "oz-zaken",
		"https://OZ.example.nl:443/zaken/api/v1/rollen?zaak=x":            "oz-zaken",
		"https://oz.example.nl/catalogi/api/v1/zaaktypen/1":               "oz-catalogi",
		"http://verzoeken.example.nl:8000/api/v1/verzoeken/1":             "ok-root",
		"http://verzoeken.example.nl:8000/api/v1/klanten-extra/klanten/1": "ok-nested",
		"http://verzoeken.example.nl:8000/api/v1/klanten-extraX/1":        "ok-root",
		"https://oz2.example.nl/zaken/api/v1/zaken/2":                     "oz-zaken-2",
	}
	for raw, want := range routes {
		c, err := reg.Route(raw)
		if err != nil || c.Name() != want {
			t.Errorf("Route(%q) = %v, %v; want %s", raw, c, err, want)
		}
	}
	for _, raw := range []string{
		"https://oz.example.nl/documenten/api/v1/enkelvoudiginformatieobjecten/1",
		"http://oz.example.nl/zaken/api/v1/zaken/1",
		"https://oz.example.nl/zaken/api/v1/../../catalogi/api/v1/zaaktypen",
		"http://verzoeken.example.nl/api/v1/verzoeken/1",
		"https://x@oz.example.nl/zaken/api/v1/zaken/1",
		"not a url",
		"",
	} {
		c, err := reg.Route(raw)
		if c != nil {
			t.Errorf("Route(%q) = %s", raw, c.Name())
		}
		wantKind(t, err, upstream.UnknownSource)
	}
	if cs := reg.ByKind(upstream.APIZaken); len(cs) != 2 || cs[0].Name() != "oz-zaken" || cs[1].Name() != "oz-zaken-2" {
		t.Errorf("ByKind(zaken) = %v", cs)
	}
	if cs := reg.ByKind(upstream.APIDocumenten); len(cs) != 0 {
		t.Errorf("ByKind(documenten) = %v", cs)
	}
	if c, ok := reg.ByName("oz-catalogi"); !ok || c.Kind() != upstream.APICatalogi {
		t.Errorf("ByName failed")
	}
	if _, ok := reg.ByName("nope"); ok {
		t.Errorf("ByName(nope) found something")
	}
	if len(reg.Clients()) != 5 {
		t.Errorf("Clients() = %d", len(reg.Clients()))
	}
}

func TestRegistryRejectsDuplicates(t *testing.T) {
	if _, err := upstream.NewRegistry([]upstream.Upstream{
		{Name: "a", Kind: upstream.APIZaken, BaseURL: "https://oz.example.nl/zaken/api/v1"},
		{Name: "a", Kind: upstream.APICatalogi, BaseURL: "https://oz.example.nl/catalogi/api/v1"},
	}); err == nil {
		t.Errorf("duplicate names accepted")
	}
	if _, err := upstream.NewRegistry([]upstream.Upstream{
		{Name: "a", Kind: upstream.APIZaken, BaseURL: "https://oz.example.nl/zaken/api/v1"},
		{Name: "b", Kind: upstream.APIZaken, BaseURL: "https://OZ.example.nl:443/zaken/api/v1/"},
	}); err == nil {
		t.Errorf("duplicate base URLs accepted")
	}
}
