package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"
)

// AssetFiles are the files `make assets` copies into server/assets/dist
// and that GraphiQL needs.
var AssetFiles = []string{
	"graphiql.min.css",
	"graphiql.min.js",
	"react.production.min.js",
	"react-dom.production.min.js",
}

//go:embed ui/graphiql-init.js
var graphiqlInit []byte

const initAsset = "klantgraaf-graphiql.js"

// The page loads everything from this server: no CDN, no inline script.
const graphiqlCSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
	"base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

type asset struct {
	data, gz []byte
	ctype    string
	version  string // first hex digits of the content hash
}

type graphiql struct {
	assets map[string]*asset
	built  bool // the third-party assets are present
	page   http.HandlerFunc
}

// newGraphiQL prepares the GraphiQL page and its assets; dist holds the
// built third-party files (nil when the binary has none).
func newGraphiQL(examples []Example, dist fs.FS) *graphiql {
	g := &graphiql{assets: map[string]*asset{}}
	g.add(initAsset, graphiqlInit)
	g.built = dist != nil
	if dist != nil {
		for _, name := range AssetFiles {
			data, err := fs.ReadFile(dist, name)
			if err != nil || len(data) == 0 {
				g.built = false
				break
			}
			g.add(name, data)
		}
	}
	if !g.built {
		for _, name := range AssetFiles {
			delete(g.assets, name)
		}
		g.page = notBuiltPage
		return g
	}

	if examples == nil {
		examples = []Example{}
	}
	exJSON, _ := json.Marshal(examples)
	sum := sha256.Sum256(exJSON)
	data := pageData{
		Config: pageConfig{
			Endpoint:   "graphql",
			Examples:   examples,
			StorageKey: hex.EncodeToString(sum[:4]),
		},
		CSS:      g.url("graphiql.min.css"),
		React:    g.url("react.production.min.js"),
		ReactDOM: g.url("react-dom.production.min.js"),
		GraphiQL: g.url("graphiql.min.js"),
		Init:     g.url(initAsset),
	}
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, data); err != nil {
		panic("server: GraphiQL page template: " + err.Error())
	}
	html := buf.Bytes()
	g.page = func(w http.ResponseWriter, r *http.Request) {
		pageHeaders(w)
		w.Header().Set("Content-Security-Policy", graphiqlCSP)
		_, _ = w.Write(html)
	}
	return g
}

func (g *graphiql) add(name string, data []byte) {
	sum := sha256.Sum256(data)
	a := &asset{data: data, version: hex.EncodeToString(sum[:6])}
	a.ctype = mime.TypeByExtension(path.Ext(name))
	if a.ctype == "" {
		a.ctype = "application/octet-stream"
	}
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	_, _ = zw.Write(data)
	if zw.Close() == nil && gz.Len() < len(data) {
		a.gz = gz.Bytes()
	}
	g.assets[name] = a
}

// url is the page's (relative) link to an asset, versioned by content.
func (g *graphiql) url(name string) string {
	return "assets/" + name + "?v=" + g.assets[name].version
}

// asset serves /assets/{name}.
func (g *graphiql) asset(w http.ResponseWriter, r *http.Request) {
	name := chi.URLParam(r, "name")
	a, ok := g.assets[name]
	if !ok {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "not found")
		return
	}
	h := w.Header()
	h.Set("Content-Type", a.ctype)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Vary", "Accept-Encoding")
	if r.URL.Query().Get("v") == a.version {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	data, etag := a.data, `"`+a.version+`"`
	if a.gz != nil && r.Header.Get("Range") == "" && acceptsGzip(r) {
		data, etag = a.gz, `"`+a.version+`-gz"`
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("ETag", etag)
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, params, _ := strings.Cut(part, ";")
		if !strings.EqualFold(strings.TrimSpace(enc), "gzip") {
			continue
		}
		for _, p := range strings.Split(params, ";") {
			k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
			if q, err := strconv.ParseFloat(v, 64); strings.EqualFold(k, "q") && err == nil && q == 0 {
				return false
			}
		}
		return true
	}
	return false
}

func pageHeaders(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-cache")
}

type pageConfig struct {
	Endpoint   string    `json:"endpoint"`
	Examples   []Example `json:"examples"`
	StorageKey string    `json:"storageKey"`
}

type pageData struct {
	Config                               pageConfig
	CSS, React, ReactDOM, GraphiQL, Init string
}

// The config block is JSON data, not script: html/template escapes it for
// the script context and the CSP forbids inline scripts anyway.
var pageTemplate = template.Must(template.New("graphiql").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>klantgraaf · GraphiQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{{.CSS}}">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script id="klantgraaf-config" type="application/json">{{.Config}}</script>
<script src="{{.React}}"></script>
<script src="{{.ReactDOM}}"></script>
<script src="{{.GraphiQL}}"></script>
<script src="{{.Init}}"></script>
</body>
</html>
`))

const notBuiltHTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>klantgraaf · GraphiQL assets not built</title>
<style>body { font-family: system-ui, sans-serif; max-width: 44em; margin: 3em auto; line-height: 1.5; padding: 0 1em; }
code, pre { background: #f3f3f3; padding: 0.1em 0.3em; }</style>
</head>
<body>
<h1>GraphiQL assets are not built</h1>
<p>This klantgraaf binary was built without the GraphiQL assets, so the
IDE cannot be shown. The GraphQL endpoint works: send queries to
<a href="graphql"><code>/graphql</code></a>.</p>
<p>To get GraphiQL, build the assets (needs Node.js and npm) and build the
binary with the <code>builtinassets</code> tag:</p>
<pre>make assets
go build -tags builtinassets ./cmd/klantgraaf</pre>
<p>or run <code>make build</code>, which does both. <code>make demo</code>
starts the gateway with GraphiQL over the built-in simulator.</p>
</body>
</html>
`

func notBuiltPage(w http.ResponseWriter, r *http.Request) {
	pageHeaders(w)
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
	_, _ = w.Write([]byte(notBuiltHTML))
}
