package upstream_test

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/klantgraaf/klantgraaf/upstream"
)

func TestNewRequestJoinsPathAndSetsHeaders(t *testing.T) {
	f := newFixture(t, upstream.APIZaken, "/zaken/api/v1/", nil)
	ctx := context.Background()

	req, err := f.client.NewRequest(ctx, http.MethodGet, "zaken?identificatie=Z1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := f.srv.URL + "/zaken/api/v1/zaken?identificatie=Z1"; req.URL.String() != want {
		t.Errorf("URL = %s, want %s", req.URL, want)
	}
	if req.Header.Get("Accept") != "application/json" || req.Header.Get("Accept-Crs") != "EPSG:4326" {
		t.Errorf("headers = %v", req.Header)
	}
	if req.Header.Get("Content-Type") != "" || req.Header.Get("Content-Crs") != "" {
		t.Errorf("no body, yet body headers set: %v", req.Header)
	}
	if req.Header.Get("Authorization") != "" {
		t.Errorf("NewRequest must not attach credentials")
	}
	if req.Header.Get("Accept-Encoding") != "" {
		t.Errorf("Accept-Encoding must be left to the transport")
	}

	req, err = f.client.NewRequest(ctx, http.MethodPost, "/zaken/_zoek", map[string]any{"uuid__in": []string{"a"}})
	if err != nil {
		t.Fatal(err)
	}
	if req.URL.Path != "/zaken/api/v1/zaken/_zoek" {
		t.Errorf("leading slash path joined to %s", req.URL.Path)
	}
	if req.Header.Get("Content-Type") != "application/json" || req.Header.Get("Content-Crs") != "EPSG:4326" {
		t.Errorf("body headers = %v", req.Header)
	}
	b, _ := io.ReadAll(req.Body)
	if string(b) != `{"uuid__in":["a"]}` {
		t.Errorf("body = %s", b)
	}

	k := newFixture(t, upstream.APIKlanten, "/klanten/api/v1", nil)
	req, err = k.client.NewRequest(ctx, http.MethodPost, "klanten", map[string]string{})
	if err != nil {
		t.Fatal(err)
	}
	if req.Header.Get("Accept-Crs") != "" || req.Header.Get("Content-Crs") != "" {
		t.Errorf("CRS headers only for zaken, got %v", req.Header)
	}
}

func TestZGWJWTFreshPerRequest(t *testing.T) {
	const secret = "geheim-van-de-gemeente"
	var mu sync.Mutex
	var tokens []string
	now := time.Unix(1_700_000_000, 0)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	f := newFixture(t, upstream.APIZaken, "/zaken/api/v1", func(u *upstream.Upstream) {
		u.Auth = upstream.Auth{Type: upstream.AuthZGWJWT, ClientID: "klantgraaf", Secret: secret}
	}, upstream.WithClock(clock))
	f.mux.HandleFunc("GET /zaken/api/v1/zaken", func(w http.ResponseWriter, r *http.Request) {
		tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			w.WriteHeader(401)
			return
		}
		mu.Lock()
		tokens = append(tokens, tok)
		mu.Unlock()
		writeJSON(w, 200, `{"count":0,"next":null,"previous":null,"results":[]}`)
	})
	ctx := upstream.WithEndUser(context.Background(), upstream.EndUser{ID: "mdw-42", Representation: "J. Jansen"})
	if _, err := f.client.Get(ctx, "zaken", nil); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	now = now.Add(90 * time.Second)
	mu.Unlock()
	if _, err := f.client.Get(ctx, "zaken", nil); err != nil {
		t.Fatal(err)
	}
	if len(tokens) != 2 || tokens[0] == tokens[1] {
		t.Fatalf("want two distinct tokens, got %v", tokens)
	}
	for i, tok := range tokens {
		claims := jwt.MapClaims{}
		parsed, err := jwt.ParseWithClaims(tok, claims, func(t *jwt.Token) (any, error) { return []byte(secret), nil },
			jwt.WithValidMethods([]string{"HS256"}), jwt.WithoutClaimsValidation())
		if err != nil || !parsed.Valid {
			t.Fatalf("token %d does not verify: %v", i, err)
		}
		wantIat := float64(1_700_000_000 + 90*i)
		if claims["iss"] != "klantgraaf" || claims["client_id"] != "klantgraaf" ||
			claims["user_id"] != "mdw-42" || claims["user_representation"] != "J. Jansen" || claims["iat"] != wantIat {
			t.Errorf("token %d claims = %v", i, claims)
		}
		if _, err := jwt.Parse(tok, func(t *jwt.Token) (any, error) { return []byte("wrong"), nil }); err == nil {
			t.Errorf("token %d verifies with the wrong secret", i)
		}
	}
}

func TestJWTWithoutEndUser(t *testing.T) {
	f := newFixture(t, upstream.APIZaken, "/zaken/api/v1", func(u *upstream.Upstream) {
		u.Auth = upstream.Auth{Type: upstream.AuthZGWJWT, ClientID: "cid", Secret: "s"}
	})
	var claims jwt.MapClaims
	f.mux.HandleFunc("GET /zaken/api/v1/zaken", func(w http.ResponseWriter, r *http.Request) {
		tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		claims = jwt.MapClaims{}
		if _, err := jwt.ParseWithClaims(tok, claims, func(*jwt.Token) (any, error) { return []byte("s"), nil }); err != nil {
			w.WriteHeader(401)
			return
		}
		writeJSON(w, 200, `{}`)
	})
	if _, err := f.client.Get(context.Background(), "zaken", nil); err != nil {
		t.Fatal(err)
	}
	if claims["user_id"] != "" || claims["user_representation"] != "" || claims["client_id"] != "cid" {
		t.Errorf("claims = %v", claims)
	}
	if iat, _ := claims["iat"].(float64); time.Since(time.Unix(int64(iat), 0)).Abs() > time.Minute {
		t.Errorf("iat %v not now", claims["iat"])
	}
}

func TestTokenAndNoAuth(t *testing.T) {
	for _, tc := range []struct {
		auth upstream.Auth
		want string
	}{
		{upstream.Auth{Type: upstream.AuthToken, Token: "abc123"}, "Token abc123"},
		{upstream.Auth{Type: upstream.AuthNone}, ""},
		{upstream.Auth{}, ""},
	} {
		f := newFixture(t, upstream.APIKlantinteracties, "/klantinteracties/api/v1", func(u *upstream.Upstream) { u.Auth = tc.auth })
		var got string
		f.mux.HandleFunc("GET /klantinteracties/api/v1/partijen", func(w http.ResponseWriter, r *http.Request) {
			got = r.Header.Get("Authorization")
			writeJSON(w, 200, `{}`)
		})
		if _, err := f.client.Get(context.Background(), "partijen", nil); err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("auth %q: Authorization = %q, want %q", tc.auth.Type, got, tc.want)
		}
	}
}

func TestConfigValidation(t *testing.T) {
	bad := []upstream.Upstream{
		{Kind: upstream.APIZaken, BaseURL: "http://x/zaken/api/v1"},
		{Name: "a", Kind: "bogus", BaseURL: "http://x/"},
		{Name: "a", Kind: upstream.APIZaken, BaseURL: "ftp://x/"},
		{Name: "a", Kind: upstream.APIZaken, BaseURL: "/zaken/api/v1"},
		{Name: "a", Kind: upstream.APIZaken, BaseURL: "http://u:p@x/"},
		{Name: "a", Kind: upstream.APIZaken, BaseURL: "http://x/a/../b"},
		{Name: "a", Kind: upstream.APIZaken, BaseURL: "http://x/", Auth: upstream.Auth{Type: upstream.AuthZGWJWT, ClientID: "c"}},
		{Name: "a", Kind: upstream.APIZaken, BaseURL: "http://x/", Auth: upstream.Auth{Type: upstream.AuthToken}},
		{Name: "a", Kind: upstream.APIZaken, BaseURL: "http://x/", Auth: upstream.Auth{Type: "basic"}},
	}
	for i, u := range bad {
		if _, err := upstream.NewClient(u); err == nil {
			t.Errorf("case %d: config %+v accepted", i, u)
		}
	}
	c, err := upstream.NewClient(upstream.Upstream{Name: "a", Kind: upstream.APIZaken, BaseURL: "HTTPS://Open-Zaak.Example:443/zaken/api/v1/"})
	if err != nil {
		t.Fatal(err)
	}
	if c.BaseURL() != "https://open-zaak.example/zaken/api/v1" {
		t.Errorf("BaseURL = %s", c.BaseURL())
	}
	cfg := c.Config()
	if cfg.Timeout != upstream.DefaultTimeout || cfg.MaxConcurrency != upstream.DefaultMaxConcurrency || cfg.MaxResponseBytes != upstream.DefaultMaxResponseBytes {
		t.Errorf("defaults not applied: %+v", cfg)
	}
}

func TestResponseSizeLimit(t *testing.T) {
	f := newFixture(t, upstream.APIKlanten, "/klanten/api/v1", func(u *upstream.Upstream) { u.MaxResponseBytes = 100 })
	body := func(n int) string { return `{"x":"` + strings.Repeat("a", n-8) + `"}` }
	f.mux.HandleFunc("GET /klanten/api/v1/exact", func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, body(100)) })
	f.mux.HandleFunc("GET /klanten/api/v1/over", func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, body(101)) })
	f.mux.HandleFunc("GET /klanten/api/v1/chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fl := w.(http.Flusher)
		_, _ = w.Write([]byte(`{"x":"`))
		fl.Flush() // no Content-Length: the limit must hold while streaming
		for range 100 {
			_, _ = w.Write([]byte("aaaaaaaaaa"))
			fl.Flush()
		}
		_, _ = w.Write([]byte(`"}`))
	})
	var v map[string]string
	if _, err := f.client.Get(context.Background(), "exact", &v); err != nil || len(v["x"]) != 92 {
		t.Fatalf("body of exactly the limit must pass: %v", err)
	}
	_, err := f.client.Get(context.Background(), "over", &v)
	wantKind(t, err, upstream.TooLarge)
	_, err = f.client.Get(context.Background(), "chunked", &v)
	wantKind(t, err, upstream.TooLarge)
}

func TestTimeoutIsUnavailable(t *testing.T) {
	f := newFixture(t, upstream.APIKlanten, "/klanten/api/v1", func(u *upstream.Upstream) { u.Timeout = 150 * time.Millisecond })
	f.mux.HandleFunc("GET /klanten/api/v1/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
		writeJSON(w, 200, `{}`)
	})
	f.mux.HandleFunc("GET /klanten/api/v1/slowbody", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"a":`))
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
		_, _ = w.Write([]byte(`1}`))
	})
	for _, p := range []string{"slow", "slowbody"} {
		start := time.Now()
		_, err := f.client.Get(context.Background(), p, nil)
		el := time.Since(start)
		ue := wantKind(t, err, upstream.Unavailable)
		if !ue.Retryable {
			t.Errorf("%s: timeout should be retryable", p)
		}
		if el > time.Second {
			t.Errorf("%s: took %v, timeout was 150ms", p, el)
		}
	}

	// A context deadline sooner than Timeout wins, and is not retryable.
	f2 := newFixture(t, upstream.APIKlanten, "/klanten/api/v1", func(u *upstream.Upstream) { u.Timeout = 10 * time.Second })
	f2.mux.HandleFunc("GET /klanten/api/v1/slow", func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := f2.client.Get(ctx, "slow", nil)
	ue := wantKind(t, err, upstream.Unavailable)
	if time.Since(start) > time.Second || ue.Retryable {
		t.Errorf("ctx deadline: took %v, retryable %v", time.Since(start), ue.Retryable)
	}
}

func TestConcurrencyCap(t *testing.T) {
	const limit = 3
	f := newFixture(t, upstream.APIKlanten, "/klanten/api/v1", func(u *upstream.Upstream) { u.MaxConcurrency = limit })
	var inflight, peak atomic.Int64
	f.mux.HandleFunc("GET /klanten/api/v1/klanten", func(w http.ResponseWriter, r *http.Request) {
		n := inflight.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(40 * time.Millisecond)
		inflight.Add(-1)
		writeJSON(w, 200, `{}`)
	})
	var wg sync.WaitGroup
	errs := make(chan error, 12)
	for range 12 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := f.client.Get(context.Background(), "klanten", nil)
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if p := peak.Load(); p > limit || p < 2 {
		t.Errorf("peak in-flight = %d, want 2..%d", p, limit)
	}
}

func TestSlotWaitRespectsContext(t *testing.T) {
	f := newFixture(t, upstream.APIKlanten, "/klanten/api/v1", func(u *upstream.Upstream) { u.MaxConcurrency = 1 })
	release := make(chan struct{})
	var hits atomic.Int64
	f.mux.HandleFunc("GET /klanten/api/v1/block", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		<-release
		writeJSON(w, 200, `{}`)
	})
	done := make(chan error)
	go func() {
		_, err := f.client.Get(context.Background(), "block", nil)
		done <- err
	}()
	for hits.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := f.client.Get(ctx, "block", nil)
	wantKind(t, err, upstream.Unavailable)
	if time.Since(start) > time.Second {
		t.Errorf("slot wait ignored the context")
	}
	if hits.Load() != 1 {
		t.Errorf("second request reached the server while the slot was taken")
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func TestConditionalGet(t *testing.T) {
	f := newFixture(t, upstream.APIZaken, "/zaken/api/v1", nil)
	var lastINM string
	f.mux.HandleFunc("GET /zaken/api/v1/zaken/1", func(w http.ResponseWriter, r *http.Request) {
		lastINM = r.Header.Get("If-None-Match")
		w.Header().Set("ETag", `"v1"`)
		if lastINM == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		writeJSON(w, 200, `{"url":"u1"}`)
	})
	var v struct {
		URL string `json:"url"`
	}
	resp, err := f.client.GetConditional(context.Background(), "zaken/1", "", &v)
	if err != nil || resp.NotModified || resp.StatusCode != 200 || resp.ETag != `"v1"` || v.URL != "u1" {
		t.Fatalf("plain GET: %v %+v %+v", err, resp, v)
	}
	if string(resp.Body) != `{"url":"u1"}` || lastINM != "" {
		t.Errorf("raw body %q, If-None-Match %q", resp.Body, lastINM)
	}
	v.URL = "untouched"
	resp, err = f.client.GetConditional(context.Background(), f.base+"/zaken/1", `"v1"`, &v)
	if err != nil || !resp.NotModified || resp.StatusCode != 304 || v.URL != "untouched" || len(resp.Body) != 0 {
		t.Fatalf("conditional GET: %v %+v %+v", err, resp, v)
	}
	// An unquoted etag is quoted.
	resp, err = f.client.GetConditional(context.Background(), "zaken/1", "v1", &v)
	if err != nil || !resp.NotModified || lastINM != `"v1"` {
		t.Fatalf("unquoted etag: %v %+v %q", err, resp, lastINM)
	}
	// A stale etag gets the full body.
	resp, err = f.client.GetConditional(context.Background(), "zaken/1", `"v0"`, &v)
	if err != nil || resp.NotModified || v.URL != "u1" {
		t.Fatalf("stale etag: %v %+v", err, resp)
	}
}

func TestGzipHandledByTransport(t *testing.T) {
	f := newFixture(t, upstream.APIKlanten, "/klanten/api/v1", nil)
	f.mux.HandleFunc("GET /klanten/api/v1/klanten/1", func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			writeJSON(w, 200, `{"plain":true}`)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Encoding", "gzip")
		gz := gzip.NewWriter(w)
		_, _ = gz.Write([]byte(`{"gzipped":true}`))
		_ = gz.Close()
	})
	var v map[string]bool
	resp, err := f.client.Get(context.Background(), "klanten/1", &v)
	if err != nil || !v["gzipped"] || string(resp.Body) != `{"gzipped":true}` {
		t.Fatalf("gzip: %v %v %q", err, v, resp.Body)
	}
}

type recObserver struct {
	mu    sync.Mutex
	calls []string
}

func (o *recObserver) OnRequest(source, method, url string, status int, dur time.Duration, err error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.calls = append(o.calls, fmt.Sprintf("%s %s %s %d %v", source, method, url, status, err != nil))
}

func TestObserver(t *testing.T) {
	obs := &recObserver{}
	f := newFixture(t, upstream.APIKlanten, "/klanten/api/v1", nil, upstream.WithObserver(obs))
	f.mux.HandleFunc("GET /klanten/api/v1/ok", func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, `{}`) })
	_, _ = f.client.Get(context.Background(), "ok", nil)
	_, _ = f.client.Get(context.Background(), "missing", nil)
	_, _ = f.client.Get(context.Background(), "http://elsewhere.example/klanten/api/v1/ok", nil)
	want := []string{
		"test-klanten GET " + f.base + "/ok 200 false",
		"test-klanten GET " + f.base + "/missing 404 true",
	}
	if strings.Join(obs.calls, "\n") != strings.Join(want, "\n") {
		t.Errorf("observer calls:\n%s\nwant:\n%s", strings.Join(obs.calls, "\n"), strings.Join(want, "\n"))
	}
	// A nil observer is fine (the default).
	g := newFixture(t, upstream.APIKlanten, "/klanten/api/v1", nil)
	g.mux.HandleFunc("GET /klanten/api/v1/ok", func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, `{}`) })
	if _, err := g.client.Get(context.Background(), "ok", nil); err != nil {
		t.Fatal(err)
	}
}

func TestRequestBodyIsJSON(t *testing.T) {
	f := newFixture(t, upstream.APIKlanten, "/klanten/api/v1", nil)
	var got map[string]any
	f.mux.HandleFunc("PATCH /klanten/api/v1/klanten/1", func(w http.ResponseWriter, r *http.Request) {
		_ = json.NewDecoder(r.Body).Decode(&got)
		writeJSON(w, 200, `{"ok":true}`)
	})
	var v map[string]bool
	if _, err := f.client.Patch(context.Background(), "klanten/1", map[string]string{"emailadres": "a@b.nl"}, &v); err != nil || !v["ok"] {
		t.Fatal(err)
	}
	if got["emailadres"] != "a@b.nl" {
		t.Errorf("server got %v", got)
	}
}

func TestDefaultTransportSettings(t *testing.T) {
	tr := upstream.NewTransport(16, 40)
	// Compression is off in the transport: the client asks for gzip itself
	// and bounds the decompressed size (see gzip.go).
	if tr.MaxIdleConnsPerHost != 16 || tr.MaxIdleConns != 40 || tr.DisableKeepAlives || !tr.DisableCompression {
		t.Errorf("transport = %+v", tr)
	}
}
