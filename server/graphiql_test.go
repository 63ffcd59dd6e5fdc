package server

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// fakeDist stands in for server/assets/dist.
func fakeDist() fstest.MapFS {
	m := fstest.MapFS{}
	for _, name := range AssetFiles {
		m[name] = &fstest.MapFile{Data: []byte(strings.Repeat("/* "+name+" */\n", 200))}
	}
	return m
}

func TestGraphiQLWithoutAssetsExplainsHowToBuildThem(t *testing.T) {
	for name, dist := range map[string]fs.FS{
		"no dist":      nil,
		"missing file": func() fstest.MapFS { d := fakeDist(); delete(d, "graphiql.min.js"); return d }(),
	} {
		t.Run(name, func(t *testing.T) {
			g := newGraphiQL(nil, dist)
			rec := do(t, newHandler(Options{GraphQL: echoEndUser, GraphiQL: true}, dist), httptest.NewRequest("GET", "/", nil))
			body := rec.Body.String()
			if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
				t.Errorf("status %d, Content-Type %q", rec.Code, rec.Header().Get("Content-Type"))
			}
			for _, want := range []string{"not built", "make assets", "-tags builtinassets"} {
				if !strings.Contains(body, want) {
					t.Errorf("page lacks %q:\n%s", want, body)
				}
			}
			if strings.Contains(body, "<script") {
				t.Errorf("page without assets loads scripts:\n%s", body)
			}
			if _, ok := g.assets["react.production.min.js"]; ok {
				t.Error("third-party assets registered although not all are present")
			}
		})
	}
}

func TestGraphiQLPage(t *testing.T) {
	examples := []Example{
		{Name: "Klantbeeld", Query: `query Klantbeeld($bsn: String!) { klantbeeld(bsn: $bsn) { bsn } }`, Variables: `{"bsn":"999990019"}`},
		{Name: "Tricky", Query: `query Tricky { __typename } # </script><script>alert(1)</script>`},
	}
	rec := do(t, newHandler(Options{GraphQL: echoEndUser, GraphiQL: true, Examples: examples}, fakeDist()), httptest.NewRequest("GET", "/", nil))
	body := rec.Body.String()
	if rec.Code != 200 {
		t.Fatalf("status %d", rec.Code)
	}
	csp := rec.Header().Get("Content-Security-Policy")
	if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-eval") || !strings.Contains(csp, "connect-src 'self'") {
		t.Errorf("CSP = %q", csp)
	}
	// Every script and stylesheet comes from this server's assets.
	srcs := regexp.MustCompile(`(?:src|href)="([^d][^"]*)"`).FindAllStringSubmatch(body, -1)
	if len(srcs) != 5 {
		t.Errorf("found %d asset links, want 5: %s", len(srcs), body)
	}
	for _, m := range srcs {
		if !strings.HasPrefix(m[1], "assets/") || strings.Contains(m[1], "//") {
			t.Errorf("link %q is not a local asset", m[1])
		}
	}
	if n := strings.Count(body, "<script"); n != 5 { // config block + 4 scripts
		t.Errorf("%d script elements", n)
	}
	if strings.Count(body, "</script>") != 5 {
		t.Errorf("example text broke out of the config block:\n%s", body)
	}
	// The config block holds the endpoint and the examples.
	m := regexp.MustCompile(`(?s)<script id="klantgraaf-config" type="application/json">(.*?)</script>`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no config block:\n%s", body)
	}
	var cfg pageConfig
	if err := json.Unmarshal([]byte(m[1]), &cfg); err != nil {
		t.Fatalf("config block %q: %v", m[1], err)
	}
	if cfg.Endpoint != "graphql" || len(cfg.Examples) != 2 || cfg.Examples[1].Query != examples[1].Query ||
		cfg.Examples[0].Variables != examples[0].Variables || cfg.StorageKey == "" {
		t.Errorf("config = %+v", cfg)
	}
	// Another example set gets another storage key.
	rec2 := do(t, newHandler(Options{GraphQL: echoEndUser, GraphiQL: true, Examples: examples[:1]}, fakeDist()), httptest.NewRequest("GET", "/", nil))
	if strings.Contains(rec2.Body.String(), `"storageKey":"`+cfg.StorageKey+`"`) {
		t.Error("storage key does not depend on the examples")
	}
}

func TestGraphiQLAssets(t *testing.T) {
	g := newGraphiQL(nil, fakeDist())
	r := newHandler(Options{GraphQL: echoEndUser, GraphiQL: true}, fakeDist())

	for _, name := range append([]string{initAsset}, AssetFiles...) {
		a := g.assets[name]
		rec := do(t, r, httptest.NewRequest("GET", "/assets/"+name+"?v="+a.version, nil))
		if rec.Code != 200 || !bytes.Equal(rec.Body.Bytes(), a.data) {
			t.Errorf("%s: %d, %d bytes", name, rec.Code, rec.Body.Len())
		}
		wantType := "text/javascript"
		if strings.HasSuffix(name, ".css") {
			wantType = "text/css"
		}
		if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, wantType) {
			t.Errorf("%s: Content-Type %q", name, ct)
		}
		if cc := rec.Header().Get("Cache-Control"); !strings.Contains(cc, "immutable") {
			t.Errorf("%s with current version: Cache-Control %q", name, cc)
		}
	}

	name := "graphiql.min.js"
	a := g.assets[name]
	// Without the version: revalidate; with a matching ETag: 304.
	rec := do(t, r, httptest.NewRequest("GET", "/assets/"+name, nil))
	if cc := rec.Header().Get("Cache-Control"); cc != "no-cache" {
		t.Errorf("unversioned Cache-Control %q", cc)
	}
	req := httptest.NewRequest("GET", "/assets/"+name, nil)
	req.Header.Set("If-None-Match", rec.Header().Get("ETag"))
	if rec := do(t, r, req); rec.Code != http.StatusNotModified {
		t.Errorf("conditional GET: %d, want 304", rec.Code)
	}

	// gzip when accepted.
	req = httptest.NewRequest("GET", "/assets/"+name, nil)
	req.Header.Set("Accept-Encoding", "br, gzip")
	rec = do(t, r, req)
	if rec.Header().Get("Content-Encoding") != "gzip" {
		t.Fatalf("no gzip: %v", rec.Header())
	}
	zr, err := gzip.NewReader(rec.Body)
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := io.ReadAll(zr)
	if !bytes.Equal(plain, a.data) {
		t.Error("gzip body differs from the asset")
	}
	req = httptest.NewRequest("GET", "/assets/"+name, nil)
	req.Header.Set("Accept-Encoding", "gzip;q=0")
	if rec := do(t, r, req); rec.Header().Get("Content-Encoding") != "" {
		t.Error("gzip sent although refused with q=0")
	}

	wantGraphQLError(t, do(t, r, httptest.NewRequest("GET", "/assets/nope.js", nil)), http.StatusNotFound, "NOT_FOUND")
	wantGraphQLError(t, do(t, r, httptest.NewRequest("GET", "/assets/licenses", nil)), http.StatusNotFound, "NOT_FOUND")
}
