package server

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/klantgraaf/klantgraaf/resolvers"
)

// rwSchema has a query and a mutation; mutations counts the executed
// mutations. A query selecting "fail" answers data with a field error.
func rwSchema(mutations *atomic.Int32) graphql.ExecutableSchema {
	schema := gqlparser.MustLoadSchema(&ast.Source{Input: `type Query { hello: String fail: String } type Mutation { touch: String }`})
	return &graphql.ExecutableSchemaMock{
		SchemaFunc:     func() *ast.Schema { return schema },
		ComplexityFunc: func(context.Context, string, string, int, map[string]any) (int, bool) { return 1, true },
		ExecFunc: func(ctx context.Context) graphql.ResponseHandler {
			oc := graphql.GetOperationContext(ctx)
			switch {
			case oc.Operation.Operation == ast.Mutation:
				mutations.Add(1)
				return graphql.OneShot(&graphql.Response{Data: json.RawMessage(`{"touch":"done"}`)})
			case strings.Contains(oc.RawQuery, "fail"):
				return graphql.OneShot(&graphql.Response{Data: json.RawMessage(`{"fail":null}`),
					Errors: gqlerror.List{{Message: "it failed", Path: ast.Path{ast.PathName("fail")}, Extensions: map[string]any{"code": "UPSTREAM_UNAVAILABLE"}}}})
			}
			return graphql.OneShot(&graphql.Response{Data: json.RawMessage(`{"hello":"world"}`)})
		},
	}
}

// hResponse is an answer with its status and headers.
type hResponse struct {
	limResponse
	header http.Header
}

// serve sends one request to h; body is JSON-encoded unless it is a
// string.
func serve(t *testing.T, h http.Handler, method, target string, body any, header ...string) hResponse {
	t.Helper()
	var rd *bytes.Reader
	switch b := body.(type) {
	case nil:
		rd = bytes.NewReader(nil)
	case string:
		rd = bytes.NewReader([]byte(b))
	case []byte:
		rd = bytes.NewReader(b)
	default:
		raw, _ := json.Marshal(b)
		rd = bytes.NewReader(raw)
	}
	req := httptest.NewRequest(method, target, rd)
	if method == "POST" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := do(t, h, req)
	out := hResponse{header: rec.Header()}
	out.status = rec.Code
	out.raw = rec.Body.String()
	if err := json.Unmarshal(rec.Body.Bytes(), &out.limResponse); err != nil {
		t.Fatalf("%s %s: %d %q is not JSON: %v", method, target, rec.Code, out.raw, err)
	}
	return out
}

func (r hResponse) hasData() bool {
	var m map[string]json.RawMessage
	_ = json.Unmarshal([]byte(r.raw), &m)
	_, ok := m["data"]
	return ok
}

const acceptGraphQLResponse = "application/graphql-response+json"

func TestRequestErrorsAsGraphQLOverHTTPAsks(t *testing.T) {
	var mutations atomic.Int32
	gql := NewGraphQLHandler(rwSchema(&mutations), GraphQLOptions{})
	gql.SetErrorPresenter(resolvers.PresentError)
	h := New(Options{GraphQL: gql})

	for _, c := range []struct {
		name               string
		body               any
		jsonStatus, status int // as application/json, as graphql-response+json
		code               string
	}{
		{"syntax error", map[string]any{"query": "{ hello"}, 200, 400, "GRAPHQL_PARSE_FAILED"},
		{"validation error", map[string]any{"query": "{ nope }"}, 200, 400, "GRAPHQL_VALIDATION_FAILED"},
		{"variables that do not coerce", map[string]any{"query": "query($n: Int!) { hello }", "variables": map[string]any{"n": nil}}, 200, 400, "GRAPHQL_VALIDATION_FAILED"},
		{"unknown operationName", map[string]any{"query": "query A { hello }", "operationName": "B"}, 200, 400, "GRAPHQL_VALIDATION_FAILED"},
		{"no query", map[string]any{"variables": map[string]any{}}, 400, 400, resolvers.CodeBadRequest},
		{"a batch", `[{"query": "{ hello }"}, {"query": "{ hello }"}]`, 400, 400, resolvers.CodeBadRequest},
		{"invalid UTF-8", []byte("{\"query\": \"{ hello \xff }\"}"), 400, 400, resolvers.CodeBadRequest},
	} {
		for _, accept := range []string{"", "application/json", acceptGraphQLResponse, acceptGraphQLResponse + ", application/json;q=0.9"} {
			r := serve(t, h, "POST", "/graphql", c.body, "Accept", accept)
			want, media := c.jsonStatus, "application/json"
			if strings.HasPrefix(accept, acceptGraphQLResponse) {
				want, media = c.status, acceptGraphQLResponse
			}
			if r.status != want || r.code() != c.code || r.hasData() {
				t.Errorf("%s (Accept %q): %d %s, want %d with code %s and no data entry", c.name, accept, r.status, r.raw, want, c.code)
			}
			if c.code != resolvers.CodeBadRequest && !strings.HasPrefix(r.header.Get("Content-Type"), media) {
				t.Errorf("%s (Accept %q): Content-Type %q, want %s", c.name, accept, r.header.Get("Content-Type"), media)
			}
		}
	}

	// A field error keeps its data entry and 200, whatever the client
	// accepts.
	for _, accept := range []string{"application/json", acceptGraphQLResponse} {
		r := serve(t, h, "POST", "/graphql", map[string]any{"query": "{ fail }"}, "Accept", accept)
		if r.status != 200 || !r.hasData() || r.code() != "UPSTREAM_UNAVAILABLE" {
			t.Errorf("field error (Accept %s): %d %s", accept, r.status, r.raw)
		}
	}

	// A charset other than UTF-8.
	req := httptest.NewRequest("POST", "/graphql", strings.NewReader(`{"query":"{ hello }"}`))
	req.Header.Set("Content-Type", "application/json; charset=iso-8859-1")
	if rec := do(t, h, req); rec.Code != http.StatusUnsupportedMediaType || !strings.Contains(rec.Body.String(), "UTF-8") {
		t.Errorf("latin-1 body: %d %s", rec.Code, rec.Body)
	}
	// A query string that is not UTF-8.
	if r := serve(t, h, "GET", "/graphql?query=%7B+hello+%FF%7D", nil); r.status != 400 || r.code() != resolvers.CodeBadRequest {
		t.Errorf("GET with invalid UTF-8: %d %s", r.status, r.raw)
	}
	if mutations.Load() != 0 {
		t.Fatalf("%d mutations ran", mutations.Load())
	}
}

func TestMutationsOnlyOverPOST(t *testing.T) {
	var mutations atomic.Int32
	gql := NewGraphQLHandler(rwSchema(&mutations), GraphQLOptions{APQ: true})
	h := New(Options{GraphQL: gql})
	const m = "mutation Touch { touch }"

	for _, target := range []string{
		"/graphql?query=" + url.QueryEscape(m),
		"/graphql?query=" + url.QueryEscape("query Q { hello } "+m) + "&operationName=Touch",
	} {
		for _, accept := range []string{"", acceptGraphQLResponse} {
			r := serve(t, h, "GET", target, nil, "Accept", accept)
			if r.status != http.StatusMethodNotAllowed || r.header.Get("Allow") != "POST" || r.code() != resolvers.CodeMethodNotAllowed ||
				!strings.Contains(r.Errors[0].Message, "use POST") {
				t.Errorf("GET %s (Accept %q): %d %v %s", target, accept, r.status, r.header, r.raw)
			}
		}
	}
	// The query of the same document runs over GET.
	if r := serve(t, h, "GET", "/graphql?query="+url.QueryEscape("query Q { hello } "+m)+"&operationName=Q", nil); r.status != 200 || !strings.Contains(r.raw, "world") {
		t.Errorf("query over GET: %d %s", r.status, r.raw)
	}
	if mutations.Load() != 0 {
		t.Fatalf("a mutation ran over GET")
	}

	// Registered as a persisted query over POST (which runs it), then
	// asked for by hash over GET: still refused.
	ext := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": queryHash(m)}}
	if r := serve(t, h, "POST", "/graphql", map[string]any{"query": m, "extensions": ext}); r.status != 200 || !strings.Contains(r.raw, "done") {
		t.Fatalf("mutation over POST: %d %s", r.status, r.raw)
	}
	extJSON, _ := json.Marshal(ext)
	r := serve(t, h, "GET", "/graphql?extensions="+url.QueryEscape(string(extJSON)), nil)
	if r.status != http.StatusMethodNotAllowed || r.code() != resolvers.CodeMethodNotAllowed || r.hasData() {
		t.Errorf("persisted mutation over GET: %d %s", r.status, r.raw)
	}
	if mutations.Load() != 1 {
		t.Fatalf("%d mutations ran, want the one over POST", mutations.Load())
	}
}
