package upstream_test

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/klantgraaf/klantgraaf/upstream"
)

// countingTransport counts every request that leaves the client, to any
// host, and forwards it to a real transport.
type countingTransport struct {
	n    atomic.Int64
	mu   sync.Mutex
	urls []string
	rt   http.RoundTripper
}

func (t *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	t.n.Add(1)
	t.mu.Lock()
	t.urls = append(t.urls, r.URL.String())
	t.mu.Unlock()
	return t.rt.RoundTrip(r)
}

type fixture struct {
	srv    *httptest.Server
	mux    *http.ServeMux
	client *upstream.Client
	rt     *countingTransport
	base   string
}

// newFixture starts a server with a mux and a client whose base URL is the
// server URL plus basePath. mod may adjust the configuration.
func newFixture(t *testing.T, kind upstream.APIKind, basePath string, mod func(*upstream.Upstream), opts ...upstream.Option) *fixture {
	t.Helper()
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	cfg := upstream.Upstream{
		Name:    "test-" + string(kind),
		Kind:    kind,
		BaseURL: srv.URL + basePath,
	}
	if mod != nil {
		mod(&cfg)
	}
	rt := &countingTransport{rt: upstream.NewTransport(4, 4)}
	c, err := upstream.NewClient(cfg, append([]upstream.Option{upstream.WithTransport(rt)}, opts...)...)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return &fixture{srv: srv, mux: mux, client: c, rt: rt, base: srv.URL + basePath}
}

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}

func wantKind(t *testing.T, err error, k upstream.Kind) *upstream.Error {
	t.Helper()
	if err == nil {
		t.Fatalf("want error of kind %v, got nil", k)
	}
	var ue *upstream.Error
	if !asError(err, &ue) {
		t.Fatalf("want *upstream.Error, got %T: %v", err, err)
	}
	if ue.Kind != k {
		t.Fatalf("want kind %v, got %v (%v)", k, ue.Kind, err)
	}
	return ue
}
