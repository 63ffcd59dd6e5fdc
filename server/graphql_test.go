package server

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/klantgraaf/klantgraaf/upstream"
)

// testSchema is a minimal executable schema: hello answers the end user's
// id, __schema reports whether introspection is allowed, boom panics.
func testSchema() graphql.ExecutableSchema {
	schema := gqlparser.MustLoadSchema(&ast.Source{Input: `type Query { hello: String boom: String }`})
	return &graphql.ExecutableSchemaMock{
		SchemaFunc:     func() *ast.Schema { return schema },
		ComplexityFunc: func(context.Context, string, string, int, map[string]any) (int, bool) { return 1, true },
		ExecFunc: func(ctx context.Context) graphql.ResponseHandler {
			oc := graphql.GetOperationContext(ctx)
			switch {
			case strings.Contains(oc.RawQuery, "boom"):
				panic("secret internals")
			case strings.Contains(oc.RawQuery, "__schema"):
				if oc.DisableIntrospection {
					return graphql.OneShot(graphql.ErrorResponse(ctx, "introspection disabled"))
				}
				return graphql.OneShot(&graphql.Response{Data: json.RawMessage(`{"__schema":{"queryType":{"name":"Query"}}}`)})
			}
			u, _ := upstream.EndUserFrom(ctx)
			data, _ := json.Marshal(map[string]string{"hello": u.ID})
			return graphql.OneShot(&graphql.Response{Data: data})
		},
	}
}

type gqlResponse struct {
	Data   map[string]any `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

func post(t *testing.T, h http.Handler, query string, header ...string) (int, gqlResponse) {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": query})
	req := httptest.NewRequest("POST", "/graphql", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := do(t, h, req)
	var r gqlResponse
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
		t.Fatalf("response %q: %v", rec.Body, err)
	}
	return rec.Code, r
}

func TestGraphQLHandlerServesPOSTAndGET(t *testing.T) {
	h := New(Options{
		GraphQL: NewGraphQLHandler(testSchema(), GraphQLOptions{}),
		EndUser: EndUserOptions{TrustHeaders: true, FallbackID: "demo"},
	})

	code, r := post(t, h, `query Hello { hello }`)
	if code != 200 || r.Data["hello"] != "demo" {
		t.Errorf("POST: %d %+v", code, r)
	}
	// The end user from a trusted header reaches the resolvers.
	_, r = post(t, h, `{ hello }`, "X-End-User-Id", "jan")
	if r.Data["hello"] != "jan" {
		t.Errorf("POST with end-user header: %+v", r)
	}

	rec := do(t, h, httptest.NewRequest("GET", "/graphql?query="+url.QueryEscape(`{ hello }`), nil))
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), `"hello":"demo"`) {
		t.Errorf("GET: %d %s", rec.Code, rec.Body)
	}

	// Parse errors come back as GraphQL errors (200 when answered as
	// application/json: GraphQL over HTTP, see graphqlhttp.go).
	code, r = post(t, h, `{ hello `)
	if code != 200 || len(r.Errors) == 0 {
		t.Errorf("syntax error: %d %+v", code, r)
	}
}

func TestGraphQLIntrospectionSwitch(t *testing.T) {
	const q = `{ __schema { queryType { name } } }`
	on := New(Options{GraphQL: NewGraphQLHandler(testSchema(), GraphQLOptions{Introspection: true})})
	_, r := post(t, on, q)
	if s, _ := r.Data["__schema"].(map[string]any); s == nil || len(r.Errors) > 0 {
		t.Errorf("introspection on: %+v", r)
	}
	off := New(Options{GraphQL: NewGraphQLHandler(testSchema(), GraphQLOptions{Introspection: false})})
	_, r = post(t, off, q)
	if len(r.Errors) == 0 || !strings.Contains(r.Errors[0].Message, "introspection") {
		t.Errorf("introspection off: %+v, want an introspection error", r)
	}
}

func TestGraphQLHandlerRecoversResolverPanic(t *testing.T) {
	logger, logs := testLogger()
	h := New(Options{GraphQL: NewGraphQLHandler(testSchema(), GraphQLOptions{Logger: logger})})
	code, r := post(t, h, `{ boom }`)
	if code != 500 || len(r.Errors) != 1 || r.Errors[0].Message != "internal error" || r.Errors[0].Extensions["code"] != "INTERNAL" {
		t.Errorf("got %d %+v, want 500 internal error", code, r)
	}
	if !strings.Contains(logs.String(), "secret internals") {
		t.Errorf("panic not logged: %s", logs)
	}
}
