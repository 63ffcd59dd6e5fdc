package upstream

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// Fuzz targets for what providers answer: status, headers and body of any
// shape reach the shared client (body limit, gzip, problem+json, JSON
// decoding, retries, redirects, page walks). Run one with
//
//	go test -run '^$' -fuzz '^FuzzClientResponse$' -fuzztime 30s ./upstream

const fzBase = "http://upstream.test/zaken/api/v1"

// fzLimit is the response size limit of the fuzzed client: small, so that
// the fuzzer reaches it.
const fzLimit = 4096

// fzTransport answers every request with the same canned response.
type fzTransport struct {
	status   int
	header   http.Header
	body     []byte
	calls    atomic.Int64
	lastAuth atomic.Value // string
}

func (t *fzTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	t.calls.Add(1)
	t.lastAuth.Store(r.Header.Get("Authorization"))
	if r.Body != nil {
		_, _ = io.Copy(io.Discard, r.Body)
		_ = r.Body.Close()
	}
	return &http.Response{
		StatusCode:    t.status,
		Status:        http.StatusText(t.status),
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        t.header.Clone(),
		Body:          io.NopCloser(bytes.NewReader(t.body)),
		ContentLength: -1,
		Request:       r,
	}, nil
}

func fzGzip(b []byte) []byte {
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	_, _ = zw.Write(b)
	_ = zw.Close()
	return out.Bytes()
}

func fzClient(t *testing.T, rt http.RoundTripper) *Client {
	t.Helper()
	c, err := NewClient(Upstream{
		Name: "fz", Kind: APIZaken, BaseURL: fzBase,
		Auth:             Auth{Type: AuthZGWJWT, ClientID: "fz-client", Secret: "fz-secret-not-for-callers"},
		MaxResponseBytes: fzLimit,
		Timeout:          2 * time.Second,
		Retry:            RetryPolicy{MaxAttempts: 2},
		Breaker:          BreakerPolicy{Failures: MaxBreakerFailures},
	}, WithTransport(rt))
	if err != nil {
		t.Fatal(err)
	}
	c.sleep = func(ctx context.Context, _ time.Duration) error { return ctx.Err() }
	return c
}

// FuzzClientResponse sends one read through the client to a provider that
// answers with the fuzzer's status, Content-Type, Content-Encoding,
// Retry-After, Location and body (gzipped by the provider or not). Whatever
// it answers: no panic, every failure is an *Error of the kind its status
// calls for (or a body/transport kind), a success is a 2xx or 304 whose body
// decoded, nothing larger than the limit is kept, the number of requests is
// bounded, and no error message carries the credential.
func FuzzClientResponse(f *testing.F) {
	page := []byte(`{"count":1,"next":null,"previous":null,"results":[{"url":"` + fzBase + `/zaken/1","identificatie":"ZAAK-1"}]}`)
	loop := []byte(`{"count":2,"next":"` + fzBase + `/zaken?page=2","previous":null,"results":[{}]}`)
	away := []byte(`{"count":2,"next":"http://elders.test/zaken?page=2","previous":null,"results":[]}`)
	problem := []byte(`{"type":"https://ref/ValidatieFout","code":"invalid","title":"Ongeldig","status":400,"detail":"d","invalidParams":[{"name":"bsn","code":"invalid","reason":"11-proef"}]}`)
	alt := []byte(`{"title":"x","invalid-params":[{"name":"a","code":"b","reason":"c"}]}`)
	for _, s := range []struct {
		status          uint16
		ct, enc, ra, lo string
		body            []byte
		gz              bool
		mode            uint8
	}{
		{200, "application/json", "", "", "", page, false, 0},
		{200, "application/json; charset=utf-8", "", "", "", page, true, 0},
		{200, "application/json", "", "", "", loop, false, 2},
		{200, "application/json", "", "", "", away, false, 2},
		{200, "application/json", "", "", "", []byte(`[{"a":1},{"b":2}]`), false, 1},
		{200, "application/json", "", "", "", page, false, 1},
		{200, "application/json", "", "", "", []byte(`{"count":1,"results":[`), false, 0},
		{200, "text/html", "", "", "", []byte(`<html>`), false, 0},
		{200, "application/json", "br", "", "", page, false, 0},
		{200, "application/json", "gzip", "", "", []byte("\x1f\x8b\x08\x00garbage"), false, 0},
		{200, "application/json", "", "", "", bytes.Repeat([]byte(" "), fzLimit+1), false, 0},
		{200, "application/json", "", "", "", append(append([]byte(`{"x":"`), bytes.Repeat([]byte("0"), 64<<10)...), '"', '}'), true, 0},
		{204, "", "", "", "", nil, false, 0},
		{304, "", "", "", "", nil, false, 0},
		{400, "application/problem+json", "", "", "", problem, false, 0},
		{400, "application/problem+json", "", "", "", alt, false, 3},
		{401, "application/problem+json", "", "", "", []byte(`{"detail":"bad token"}`), false, 0},
		{404, "application/json", "", "", "", []byte(`{"detail":"Niet gevonden."}`), false, 0},
		{429, "application/problem+json", "", "120", "", []byte(`{}`), false, 0},
		{429, "", "", "Wed, 21 Oct 2015 07:28:00 GMT", "", nil, false, 0},
		{503, "application/problem+json", "", "0", "", []byte(`{"status":503}`), true, 3},
		{502, "text/plain", "", "-1", "", []byte(`Bad Gateway`), false, 0},
		{302, "", "", "", "http://elders.test/steal", nil, false, 0},
		{307, "", "", "", fzBase + "/zaken/2", nil, false, 0},
		{301, "", "", "", "/zaken/api/v1/zaken/3", nil, false, 2},
		{599, "application/json", "", "", "", []byte(`null`), false, 0},
	} {
		f.Add(s.status, s.ct, s.enc, s.ra, s.lo, s.body, s.gz, s.mode)
	}
	f.Fuzz(func(t *testing.T, status uint16, ct, enc, retryAfter, location string, body []byte, gz bool, mode uint8) {
		st := 200 + int(status)%400
		h := http.Header{}
		for k, v := range map[string]string{"Content-Type": ct, "Content-Encoding": enc, "Retry-After": retryAfter, "Location": location} {
			if v != "" {
				h.Set(k, v)
			}
		}
		if gz {
			body = fzGzip(body)
			h.Set("Content-Encoding", "gzip")
		}
		rt := &fzTransport{status: st, header: h, body: body}
		c := fzClient(t, rt)
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()

		var err error
		var kept int
		switch mode % 4 {
		case 0:
			var r *Response
			var p Page[json.RawMessage]
			r, err = c.Get(ctx, "zaken", &p)
			if r != nil {
				kept = len(r.Body)
			}
		case 1:
			_, err = GetArray[json.RawMessage](ctx, c, "zaken/1/zaakeigenschappen")
		case 2:
			_, err = GetAll[json.RawMessage](ctx, c, "zaken", 5)
		case 3:
			_, err = PostPage[json.RawMessage](ctx, c, "zaken/_zoek", map[string]any{"uuid__in": []string{"1"}})
		}
		if kept > fzLimit {
			t.Fatalf("kept a body of %d bytes, limit %d", kept, fzLimit)
		}
		// Attempts × (1 + redirects) × pages, generously.
		if n := rt.calls.Load(); n > 2*(1+maxRedirects)*5 {
			t.Fatalf("%d requests for one read", n)
		}
		if err == nil {
			if (st < 200 || st > 299) && st != http.StatusNotModified {
				t.Fatalf("status %d answered without error", st)
			}
			return
		}
		var ue *Error
		if !errors.As(err, &ue) {
			t.Fatalf("status %d: %T %v, want an *upstream.Error", st, err, err)
		}
		msg := ue.Error()
		if auth, _ := rt.lastAuth.Load().(string); len(auth) > len("Bearer ") && strings.Contains(msg, strings.TrimPrefix(auth, "Bearer ")) {
			t.Fatalf("error message carries the credential: %s", msg)
		}
		if strings.Contains(msg, "fz-secret-not-for-callers") {
			t.Fatalf("error message carries the secret: %s", msg)
		}
		redirect := st >= 300 && st < 400 && location != ""
		switch ue.Kind {
		case TooLarge, Decode:
			// The body, whatever the status.
		case UnknownSource, Other:
			// A refused or endless redirect, a page walk leaving the
			// upstream or looping; or a status of kind Other.
		default:
			if redirect {
				// net/http follows it first; a Location it cannot
				// parse fails like the connection.
				break
			}
			want, _ := KindForStatus(st)
			if st >= 200 && st < 300 || st == http.StatusNotModified {
				t.Fatalf("status %d: error of kind %v: %v", st, ue.Kind, err)
			}
			if ue.Kind != want || ue.Status != st {
				t.Fatalf("status %d: kind %v, want %v: %v", st, ue.Kind, want, err)
			}
		}
		if ue.Retryable && ue.Kind != Unavailable {
			t.Fatalf("status %d: retryable error of kind %v", st, ue.Kind)
		}
	})
}

// FuzzCheckResponse feeds a status, Content-Type, Retry-After and body to
// the reading of a failed answer: no panic, the kind follows the status, the
// problem+json fields are carried, the message never grows without bound,
// and the wait asked for is never negative nor beyond the bound.
func FuzzCheckResponse(f *testing.F) {
	for _, s := range []struct {
		status uint16
		ct, ra string
		body   string
	}{
		{400, "application/problem+json", "", `{"type":"t","code":"invalid","title":"Ongeldig","status":400,"detail":"d","instance":"i","invalidParams":[{"name":"bsn","code":"c","reason":"r"}]}`},
		{400, "application/json", "", `{"invalid-params":[{"name":"a"}],"invalidParams":[]}`},
		{500, "application/problem+json; charset=utf-8", "", `{"status":"500"}`},
		{403, "application/vnd.x+json", "", `[]`},
		{404, "text/html", "", `<h1>`},
		{429, "application/problem+json", "120", `{"detail":null,"invalidParams":null}`},
		{429, "", "Fri, 14 Mar 2025 09:31:00 GMT", ``},
		{503, "", "Thu, 01 Jan 1970 00:00:00 GMT", ``},
		{503, "", "Fri, 31 Dec 9999 23:59:59 GMT", ``},
		{503, "", "99999999999999999999", ``},
		{503, "", "-1", ``},
		{503, "", " 5 ", ``},
		{503, "", "1.5", ``},
		{200, "application/json", "", `{}`},
		{304, "", "", ``},
		{410, "application/problem+json;", "soon", `{"title":"\u0000\ud800"}`},
	} {
		f.Add(s.status, s.ct, s.ra, []byte(s.body))
	}
	now := time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, status uint16, ct, retryAfter string, body []byte) {
		if d, ok := parseRetryAfter(retryAfter, now); d < 0 || d > maxRetryAfter || (!ok && d != 0) {
			t.Fatalf("parseRetryAfter(%q) = %v, %v", retryAfter, d, ok)
		}
		st := int(status) % 1000
		r := &Response{Source: "fz", Method: "GET", URL: fzBase + "/zaken", StatusCode: st,
			Header: http.Header{"Content-Type": {ct}, "Retry-After": {retryAfter}}, Body: body}
		err := CheckResponse(r)
		if st >= 200 && st < 300 || st == http.StatusNotModified {
			if err != nil {
				t.Fatalf("status %d: %v", st, err)
			}
			return
		}
		var ue *Error
		if !errors.As(err, &ue) {
			t.Fatalf("status %d: %T %v", st, err, err)
		}
		want, retry := KindForStatus(st)
		if ue.Kind != want || ue.Retryable != retry || ue.Status != st {
			t.Fatalf("status %d: kind %v retryable %v status %d, want %v %v", st, ue.Kind, ue.Retryable, ue.Status, want, retry)
		}
		if len(ue.Error()) > 200+2*len(body)+len(r.URL) {
			t.Fatalf("message of %d bytes from a body of %d", len(ue.Error()), len(body))
		}
		if p, ok := parseProblem(ct, body); ok {
			if ue.Detail != p.Detail || ue.Title != p.Title || len(ue.InvalidParams) != len(p.InvalidParams) {
				t.Fatalf("problem %+v not carried into %+v", p, ue)
			}
		}
		if d, ok := retryableOutcome(r, err, now); ok != (ue.Retryable && ue.Kind == Unavailable && (st == 429 || st == 502 || st == 503 || st == 504)) || d < 0 || d > maxRetryAfter {
			t.Fatalf("status %d, Retry-After %q: retry after %v, %v", st, retryAfter, d, ok)
		}
	})
}
