// Package uptest provides a recording fake upstream for the tests of the
// typed API clients.
package uptest

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/klantgraaf/klantgraaf/upstream"
)

// Request is what the fake upstream received.
type Request struct {
	Method   string
	Path     string
	RawQuery string
	Body     string
	Header   http.Header
}

// Server is a fake upstream with a mux and a client pointed at it.
type Server struct {
	Srv    *httptest.Server
	Mux    *http.ServeMux
	Base   string // base URL of the API on the fake
	Client *upstream.Client

	mu   sync.Mutex
	reqs []Request
}

// New starts a fake upstream of the given kind under basePath.
func New(t testing.TB, kind upstream.APIKind, basePath string) *Server {
	t.Helper()
	s := &Server{Mux: http.NewServeMux()}
	s.Srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.reqs = append(s.reqs, Request{Method: r.Method, Path: r.URL.Path, RawQuery: r.URL.RawQuery, Body: string(b), Header: r.Header.Clone()})
		s.mu.Unlock()
		s.Mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Srv.Close)
	s.Base = s.Srv.URL + basePath
	c, err := upstream.NewClient(upstream.Upstream{
		Name:    "fake-" + string(kind),
		Kind:    kind,
		BaseURL: s.Base,
		Auth:    upstream.Auth{Type: upstream.AuthZGWJWT, ClientID: "test", Secret: "secret"},
	})
	if err != nil {
		t.Fatalf("uptest: %v", err)
	}
	s.Client = c
	return s
}

// JSON makes pattern (a ServeMux pattern relative to the API base, e.g.
// "GET /zaken") answer with status and a JSON body.
func (s *Server) JSON(pattern string, status int, body string) {
	method, path := "", pattern
	for i := 0; i < len(pattern); i++ {
		if pattern[i] == ' ' {
			method, path = pattern[:i+1], pattern[i+1:]
			break
		}
	}
	s.Mux.HandleFunc(method+basePath(s)+path, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	})
}

func basePath(s *Server) string { return s.Base[len(s.Srv.URL):] }

// Requests returns everything received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.reqs...)
}

// Last returns the last request received; it fails the test if there was
// none.
func (s *Server) Last(t testing.TB) Request {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.reqs) == 0 {
		t.Fatalf("uptest: no request received")
	}
	return s.reqs[len(s.reqs)-1]
}
