package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/klantgraaf/klantgraaf/upstream"
)

// syncBuffer is a goroutine-safe log sink.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func testLogger() (*slog.Logger, *syncBuffer) {
	var buf syncBuffer
	return slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug})), &buf
}

func do(t *testing.T, h http.Handler, req *http.Request) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// wantGraphQLError checks a GraphQL-shaped error response.
func wantGraphQLError(t *testing.T, rec *httptest.ResponseRecorder, status int, code string) gqlError {
	t.Helper()
	if rec.Code != status {
		t.Fatalf("status = %d, want %d; body %s", rec.Code, status, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type = %q, want JSON", ct)
	}
	var body gqlErrorBody
	dec := json.NewDecoder(rec.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&body); err != nil {
		t.Fatalf("body is not a GraphQL error response: %v", err)
	}
	if len(body.Errors) != 1 || body.Errors[0].Extensions["code"] != code {
		t.Fatalf("errors = %+v, want one with code %s", body.Errors, code)
	}
	return body.Errors[0]
}

// echoEndUser is a GraphQL stand-in that reports the end user it sees.
var echoEndUser = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	u, ok := upstream.EndUserFrom(r.Context())
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{"ok": ok, "id": u.ID, "representation": u.Representation})
})

func TestHealthAndReady(t *testing.T) {
	var notReady error
	h := New(Options{GraphQL: echoEndUser, Ready: func(context.Context) error { return notReady }})
	for _, path := range []string{"/healthz", "/readyz"} {
		rec := do(t, h, httptest.NewRequest("GET", path, nil))
		if rec.Code != 200 {
			t.Errorf("GET %s = %d", path, rec.Code)
		}
	}
	notReady = io.ErrUnexpectedEOF
	rec := do(t, h, httptest.NewRequest("GET", "/readyz", nil))
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "unexpected EOF") {
		t.Errorf("GET /readyz when not ready = %d %q", rec.Code, rec.Body)
	}
	if rec := do(t, h, httptest.NewRequest("GET", "/healthz", nil)); rec.Code != 200 {
		t.Errorf("GET /healthz when not ready = %d, want 200", rec.Code)
	}
}

func TestNotFoundAndMethodNotAllowed(t *testing.T) {
	h := New(Options{GraphQL: echoEndUser}) // GraphiQL off
	wantGraphQLError(t, do(t, h, httptest.NewRequest("GET", "/", nil)), http.StatusNotFound, "NOT_FOUND")
	wantGraphQLError(t, do(t, h, httptest.NewRequest("GET", "/nope", nil)), http.StatusNotFound, "NOT_FOUND")
	wantGraphQLError(t, do(t, h, httptest.NewRequest("GET", "/assets/graphiql.min.js", nil)), http.StatusNotFound, "NOT_FOUND")
	wantGraphQLError(t, do(t, h, httptest.NewRequest("PUT", "/graphql", nil)), http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED")
	for _, m := range []string{"GET", "POST"} {
		if rec := do(t, h, httptest.NewRequest(m, "/graphql", nil)); rec.Code != 200 {
			t.Errorf("%s /graphql = %d", m, rec.Code)
		}
	}
}

func TestRequestID(t *testing.T) {
	var seen string
	h := New(Options{GraphQL: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen = RequestIDFrom(r.Context())
	})})

	req := httptest.NewRequest("POST", "/graphql", nil)
	req.Header.Set(RequestIDHeader, "abc-123")
	rec := do(t, h, req)
	if got := rec.Header().Get(RequestIDHeader); got != "abc-123" || seen != "abc-123" {
		t.Errorf("incoming id: response %q, context %q; want abc-123", got, seen)
	}

	for _, bad := range []string{"", "has space", "<script>", strings.Repeat("a", 129)} {
		req := httptest.NewRequest("POST", "/graphql", nil)
		if bad != "" {
			req.Header.Set(RequestIDHeader, bad)
		}
		rec := do(t, h, req)
		got := rec.Header().Get(RequestIDHeader)
		if got == bad || len(got) != 32 || seen != got {
			t.Errorf("incoming %q: response id %q, context %q; want a fresh 32-char id", bad, got, seen)
		}
	}
}

func TestRecovererTurnsPanicIntoJSON500(t *testing.T) {
	logger, logs := testLogger()
	h := New(Options{Logger: logger, GraphQL: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		panic("database password is hunter2")
	})})
	rec := do(t, h, httptest.NewRequest("POST", "/graphql", strings.NewReader(`{}`)))
	if got, want := rec.Body.String(), `{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL"}}]}`; got != want {
		t.Errorf("body = %s, want %s", got, want)
	}
	if rec.Code != 500 {
		t.Errorf("status = %d", rec.Code)
	}
	l := logs.String()
	if !strings.Contains(l, "hunter2") || !strings.Contains(l, "goroutine") || !strings.Contains(l, rec.Header().Get(RequestIDHeader)) {
		t.Errorf("panic not logged with value, stack and request id: %s", l)
	}
	if !strings.Contains(l, `"status":500`) {
		t.Errorf("access log lacks the 500: %s", l)
	}
}

func TestRecovererAfterWriteKeepsResponse(t *testing.T) {
	h := New(Options{GraphQL: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusAccepted)
		_, _ = w.Write([]byte("partial"))
		panic("late")
	})})
	rec := do(t, h, httptest.NewRequest("POST", "/graphql", nil))
	if rec.Code != http.StatusAccepted || rec.Body.String() != "partial" {
		t.Errorf("got %d %q, want the partial response untouched", rec.Code, rec.Body)
	}
}

func TestRecovererPassesAbortHandler(t *testing.T) {
	h := Recoverer(slog.New(slog.DiscardHandler))(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		panic(http.ErrAbortHandler)
	}))
	defer func() {
		if rec := recover(); rec != http.ErrAbortHandler {
			t.Errorf("recovered %v, want http.ErrAbortHandler passed on", rec)
		}
	}()
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
}

func TestBodyLimit(t *testing.T) {
	var got []byte
	h := New(Options{MaxBodyBytes: 10, GraphQL: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got, _ = io.ReadAll(r.Body)
	})})

	// Declared too large.
	e := wantGraphQLError(t, do(t, h, httptest.NewRequest("POST", "/graphql", strings.NewReader("01234567890"))),
		http.StatusRequestEntityTooLarge, "REQUEST_TOO_LARGE")
	if !strings.Contains(e.Message, "10 bytes") {
		t.Errorf("message %q does not name the limit", e.Message)
	}

	// Chunked (no length) and too large.
	req := httptest.NewRequest("POST", "/graphql", io.MultiReader(strings.NewReader("012345"), strings.NewReader("67890")))
	req.ContentLength = -1
	wantGraphQLError(t, do(t, h, req), http.StatusRequestEntityTooLarge, "REQUEST_TOO_LARGE")

	// Exactly at the limit, chunked: passed on intact.
	req = httptest.NewRequest("POST", "/graphql", io.MultiReader(strings.NewReader("01234"), strings.NewReader("56789")))
	req.ContentLength = -1
	if rec := do(t, h, req); rec.Code != 200 || string(got) != "0123456789" {
		t.Errorf("at the limit: %d, handler read %q", rec.Code, got)
	}
}

func TestDeadline(t *testing.T) {
	var left time.Duration
	h := New(Options{RequestTimeout: 300 * time.Millisecond, GraphQL: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		d, ok := r.Context().Deadline()
		if ok {
			left = time.Until(d)
		}
	})})
	do(t, h, httptest.NewRequest("POST", "/graphql", nil))
	if left <= 0 || left > 300*time.Millisecond {
		t.Errorf("deadline in %v, want within 300ms", left)
	}
}

func TestEndUserIdentity(t *testing.T) {
	type result struct {
		OK             bool   `json:"ok"`
		ID             string `json:"id"`
		Representation string `json:"representation"`
	}
	trusted := EndUserOptions{TrustHeaders: true, FallbackID: "fb", FallbackRepresentation: "Fallback"}
	cases := []struct {
		name    string
		opts    EndUserOptions
		headers map[string]string
		want    result
		status  int
	}{
		{"trusted headers", trusted,
			map[string]string{"X-End-User-Id": "jan", "X-End-User-Representation": "Jan de Vries"},
			result{true, "jan", "Jan de Vries"}, 200},
		{"trusted custom header names",
			EndUserOptions{TrustHeaders: true, IDHeader: "X-Remote-User", RepresentationHeader: "X-Remote-Name"},
			map[string]string{"X-Remote-User": "piet", "X-Remote-Name": "Piet", "X-End-User-Id": "ignored"},
			result{true, "piet", "Piet"}, 200},
		{"trusted but absent uses fallback", trusted, nil, result{true, "fb", "Fallback"}, 200},
		{"untrusted headers are ignored", EndUserOptions{FallbackID: "fb"},
			map[string]string{"X-End-User-Id": "mallory"}, result{true, "fb", ""}, 200},
		{"no identity at all", EndUserOptions{}, map[string]string{"X-End-User-Id": "mallory"}, result{}, 200},
		{"too long", trusted, map[string]string{"X-End-User-Id": strings.Repeat("x", 257)}, result{}, 400},
		{"not UTF-8", trusted, map[string]string{"X-End-User-Id": "a", "X-End-User-Representation": "\xff"}, result{}, 400},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := New(Options{EndUser: c.opts, GraphQL: echoEndUser})
			req := httptest.NewRequest("POST", "/graphql", nil)
			for k, v := range c.headers {
				req.Header.Set(k, v)
			}
			rec := do(t, h, req)
			if c.status != 200 {
				wantGraphQLError(t, rec, c.status, "BAD_REQUEST")
				return
			}
			var got result
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Errorf("end user = %+v, want %+v", got, c.want)
			}
		})
	}
}

func TestFetcherRunsAfterEndUser(t *testing.T) {
	var sawUser string
	fetcher := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			u, _ := upstream.EndUserFrom(r.Context())
			sawUser = u.ID
			w.Header().Set("X-Fetcher", "yes")
			next.ServeHTTP(w, r)
		})
	}
	h := New(Options{Fetcher: fetcher, EndUser: EndUserOptions{FallbackID: "demo"}, GraphQL: echoEndUser})
	rec := do(t, h, httptest.NewRequest("POST", "/graphql", nil))
	if rec.Header().Get("X-Fetcher") != "yes" || sawUser != "demo" {
		t.Errorf("fetcher ran: %q, saw end user %q", rec.Header().Get("X-Fetcher"), sawUser)
	}
}

func TestAccessLogOmitsQueryString(t *testing.T) {
	logger, logs := testLogger()
	h := New(Options{Logger: logger, GraphQL: echoEndUser})
	req := httptest.NewRequest("GET", `/graphql?query={klantbeeld(bsn:"999990019"){bsn}}`, nil)
	req.Header.Set(RequestIDHeader, "rid-1")
	do(t, h, req)
	var entry map[string]any
	if err := json.Unmarshal([]byte(logs.String()), &entry); err != nil {
		t.Fatalf("log line: %v: %s", err, logs)
	}
	if entry["path"] != "/graphql" || entry["method"] != "GET" || entry["status"] != float64(200) || entry["request_id"] != "rid-1" {
		t.Errorf("access log entry = %v", entry)
	}
	if strings.Contains(logs.String(), "999990019") {
		t.Errorf("query string logged: %s", logs)
	}
}
