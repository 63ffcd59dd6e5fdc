//go:build builtinassets

package server

import (
	"io/fs"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

// requireBrowserEnv names the variable that turns a missing browser or
// missing assets into a failure instead of a skip (CI sets it).
const requireBrowserEnv = "KLANTGRAAF_REQUIRE_BROWSER"

// skipOrFail skips the test, or fails it when the environment demands the
// browser test.
func skipOrFail(t *testing.T, msg string) {
	t.Helper()
	if os.Getenv(requireBrowserEnv) != "" {
		t.Fatalf("%s (%s is set: the browser tests must run)", msg, requireBrowserEnv)
	}
	t.Skip(msg)
}

// requireBuiltAssets skips the test when `make assets` has not run (fails
// it when KLANTGRAAF_REQUIRE_BROWSER is set).
func requireBuiltAssets(t *testing.T) fs.FS {
	t.Helper()
	dist := builtinAssets()
	if dist == nil {
		skipOrFail(t, "server/assets/dist is missing: run `make assets` before testing with -tags builtinassets")
	}
	for _, name := range AssetFiles {
		if _, err := fs.Stat(dist, name); err != nil {
			skipOrFail(t, "server/assets/dist/"+name+" is missing: run `make assets`")
		}
	}
	return dist
}

func TestBuiltinAssetsServeGraphiQL(t *testing.T) {
	requireBuiltAssets(t)
	h := New(Options{GraphQL: echoEndUser, GraphiQL: true})
	rec := do(t, h, httptest.NewRequest("GET", "/", nil))
	body := rec.Body.String()
	if rec.Code != 200 || !strings.Contains(body, `id="graphiql"`) || strings.Contains(body, "not built") {
		t.Fatalf("GET / = %d:\n%s", rec.Code, body)
	}
	for _, name := range AssetFiles {
		rec := do(t, h, httptest.NewRequest("GET", "/assets/"+name, nil))
		if rec.Code != 200 || rec.Body.Len() < 1000 {
			t.Errorf("GET /assets/%s = %d, %d bytes", name, rec.Code, rec.Body.Len())
		}
	}
	// The GraphiQL bundle is the UMD build that expects React globals.
	rec = do(t, h, httptest.NewRequest("GET", "/assets/graphiql.min.js", nil))
	if !strings.Contains(rec.Body.String(), "GraphiQL") {
		t.Error("graphiql.min.js does not define GraphiQL")
	}
}
