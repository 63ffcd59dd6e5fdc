package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/klantgraaf/klantgraaf/graph"
	"github.com/klantgraaf/klantgraaf/resolvers"
)

func klantgraafSchema() *ast.Schema {
	return graph.NewExecutableSchema(graph.Config{}).Schema()
}

// limitsHandler serves the klantgraaf schema without resolvers: a query
// that passes the limits fails later with INTERNAL (no resolver), one that
// does not is refused with the limit's code.
func limitsHandler(l Limits, introspection bool) *httptest.Server {
	gql := NewGraphQLHandler(graph.NewExecutableSchema(graph.Config{}), GraphQLOptions{Introspection: introspection, Limits: l})
	gql.SetErrorPresenter(resolvers.PresentError)
	srv := httptest.NewServer(New(Options{GraphQL: gql}))
	return srv
}

type limResponse struct {
	status int
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
	raw string
}

func (r limResponse) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

func limPost(t *testing.T, url string, body map[string]any, header ...string) limResponse {
	t.Helper()
	b, _ := json.Marshal(body)
	req := httptest.NewRequest("POST", url, bytes.NewReader(b))
	req.RequestURI = ""
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := httpClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out limResponse
	var buf bytes.Buffer
	_, _ = buf.ReadFrom(resp.Body)
	out.raw = buf.String()
	out.status = resp.StatusCode
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatalf("%d %q: %v", resp.StatusCode, out.raw, err)
	}
	return out
}

var httpClient = &http.Client{Timeout: 30 * time.Second}

var defaultTestLimits = Limits{MaxDepth: 15, MaxComplexity: 100000, MaxAliases: 30, MaxRootFields: 10}

func TestComplexityModel(t *testing.T) {
	schema := klantgraafSchema()
	for _, c := range []struct {
		name, query string
		vars        map[string]any
		want        int
	}{
		// The examples of Complexity's documentation.
		{"relation list", `query($u: String) { zaak(url: $u) { identificatie rollen { omschrijving } } }`, nil, 13},
		{"connection", `query($f: ZaakFilter!) { zaken(filter: $f, first: 20) { edges { node { identificatie } } } }`, nil, 61},
		{"first from a variable", `query($f: ZaakFilter!, $n: Int) { zaken(filter: $f, first: $n) { edges { node { identificatie } } } }`,
			map[string]any{"n": json.Number("5")}, 16},
		{"first from the variable's default", `query($f: ZaakFilter!, $n: Int = 7) { zaken(filter: $f, first: $n) { edges { node { identificatie } } } }`, nil, 22},
		{"first from the schema's default (20)", `query($f: ZaakFilter!) { zaken(filter: $f) { edges { node { identificatie } } } }`, nil, 61},
		{"first: null takes the schema's default", `query($f: ZaakFilter!, $n: Int) { zaken(filter: $f, first: $n) { edges { node { identificatie } } } }`,
			map[string]any{"n": nil}, 61},
		{"first: 0 still counts its selection once", `query($f: ZaakFilter!) { zaken(filter: $f, first: 0) { edges { node { identificatie } } } }`, nil, 4},
		{"fragments count where they are spread", `query($u: String) { a: zaak(url: $u) { ...Z } b: zaak(url: $u) { ...Z } } fragment Z on Zaak { url rollen { url } }`, nil, 2 * (1 + 1 + 1 + 10)},
		{"a list of value objects counts like a relation", `query($u: String) { zaak(url: $u) { kenmerken { kenmerk } } }`, nil, 1 + 1 + 10},
		{"introspection lists count once", `{ __schema { types { name fields { name } } } }`, nil, 1 + 1 + 1 + 1 + 1},
	} {
		got, err := Complexity(schema, c.query, "", c.vars)
		if err != nil || got != c.want {
			t.Errorf("%s: complexity %d (%v), want %d", c.name, got, err, c.want)
		}
	}
}

func TestLimitsRefuseWithTheirCode(t *testing.T) {
	srv := limitsHandler(Limits{MaxDepth: 5, MaxComplexity: 2000, MaxAliases: 3, MaxRootFields: 2}, false)
	defer srv.Close()
	deep := func(n int) string {
		return `{ zaak(url: "u") {` + strings.Repeat(" deelzaken {", n-2) + " url" + strings.Repeat(" }", n-2) + " } }"
	}
	aliases := func(n int) string {
		var b strings.Builder
		b.WriteString(`{ zaak(url: "u") {`)
		for i := range n {
			fmt.Fprintf(&b, " a%d: url", i)
		}
		b.WriteString(" } }")
		return b.String()
	}
	for _, c := range []struct {
		name, query, code, inMsg string
	}{
		{"depth at the limit", deep(5), "", ""},
		{"depth over the limit", deep(6), resolvers.CodeQueryTooDeep, "6 levels deep; the limit is 5 (limits.maxDepth)"},
		{"depth through fragments", `{ zaak(url: "u") { ...A } } fragment A on Zaak { deelzaken { ...B } } fragment B on Zaak { deelzaken { deelzaken { deelzaken { url } } } }`,
			resolvers.CodeQueryTooDeep, "6 levels deep"},
		{"depth beyond the parser's nesting bound", deep(1200), resolvers.CodeQueryTooDeep, "the limit is 5"},
		{"aliases at the limit", aliases(3), "", ""},
		{"aliases over the limit", aliases(4), resolvers.CodeTooManyAliases, "4 aliases (fragments expanded); the limit is 3 (limits.maxAliases)"},
		{"aliases multiplied by spreads", `{ zaak(url: "u") { ...F ... on Zaak { ...F } } } fragment F on Zaak { a: url b: url }`, resolvers.CodeTooManyAliases, "4 aliases"},
		{"root fields at the limit", `{ a: zaak(url: "u") { url } b: zaak(url: "v") { url } }`, "", ""},
		{"root fields over the limit", `{ sources { name } zaak(url: "u") { url } zaaktype(url: "x") { url } }`, resolvers.CodeTooManyRootFields, "3 root fields; the limit is 2 (limits.maxRootFields)"},
		{"complexity over the limit", `{ zaken(filter: {bsn: "1"}, first: 100) { edges { node { url rollen { url omschrijving } } } } }`,
			resolvers.CodeQueryTooComplex, "complexity is 2401; the limit is 2000 (limits.maxComplexity)"},
		{"huge first", `{ zaken(filter: {bsn: "1"}, first: 100000) { totalCount } }`, resolvers.CodeQueryTooComplex, "complexity is 100001"},
		{"first beyond int64", `{ zaken(filter: {bsn: "1"}, first: 99999999999999999999) { totalCount } }`, resolvers.CodeQueryTooComplex, "the limit is 2000"},
		{"introspection is off", `{ __schema { queryType { name } } }`, resolvers.CodeIntrospectionDisabled, "introspection: false"},
		{"also through a fragment and an alias", `{ ...I } fragment I on Query { t: __type(name: "Zaak") { name } }`, resolvers.CodeIntrospectionDisabled, "introspection"},
		{"a repeated field", `{ zaak(url: "u") {` + strings.Repeat(" url", MaxFieldRepeats+1) + ` } }`, resolvers.CodeQueryTooComplex, fmt.Sprintf(`"url" is selected %d times`, MaxFieldRepeats+1)},
		{"a fragment spread in a loop is left to validation", `{ zaak(url: "u") { ...F } } fragment F on Zaak { deelzaken { ...F } }`, "GRAPHQL_VALIDATION_FAILED", "Cannot spread fragment"},
		{"an unused hostile fragment", `{ sources { name } } fragment F on Query { ...G ...G } fragment G on Query { ...H ...H } fragment H on Query { ...I ...I } fragment I on Query { ...J ...J } fragment J on Query { ...K ...K } fragment K on Query { sources { name } }`,
			resolvers.CodeQueryTooComplex, `"sources" is selected 32 times`},
		{"too many tokens", `{` + strings.Repeat(" __typename", MaxQueryTokens) + ` }`, resolvers.CodeQueryTooLarge, fmt.Sprintf("more than %d tokens", MaxQueryTokens)},
	} {
		r := limPost(t, srv.URL+"/graphql", map[string]any{"query": c.query})
		if c.code == "" {
			if code := r.code(); strings.HasPrefix(code, "QUERY_") || strings.HasPrefix(code, "TOO_") || code == "GRAPHQL_VALIDATION_FAILED" {
				t.Errorf("%s: refused: %s", c.name, r.raw)
			}
			continue
		}
		if r.code() != c.code || !strings.Contains(r.Errors[0].Message, c.inMsg) {
			t.Errorf("%s: got %d %.400s, want code %s and %q in the message", c.name, r.status, r.raw, c.code, c.inMsg)
		}
		if r.Data != nil {
			t.Errorf("%s: a refused request has a data entry: %s", c.name, r.raw)
		}
	}
}

// The introspection query GraphiQL sends fits the default limits.
func TestIntrospectionQueryFitsTheLimits(t *testing.T) {
	q, err := os.ReadFile("testdata/introspection.graphql")
	if err != nil {
		t.Fatal(err)
	}
	srv := limitsHandler(defaultTestLimits, true)
	defer srv.Close()
	r := limPost(t, srv.URL+"/graphql", map[string]any{"query": string(q)})
	if len(r.Errors) > 0 || !strings.Contains(r.raw, `"queryType":{"name":"Query"`) {
		t.Fatalf("introspection: %d %.500s", r.status, r.raw)
	}
}

// A fragment that doubles at every level is summarised in linear time and
// refused, whichever limit it hits first.
func TestFragmentBombsAreRefused(t *testing.T) {
	srv := limitsHandler(defaultTestLimits, false)
	defer srv.Close()
	var b strings.Builder
	b.WriteString("query { zaak(url: \"u\") { ...F40 } }\nfragment F0 on Zaak { url }\n")
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&b, "fragment F%d on Zaak { a: deelzaken { ...F%d } b: deelzaken { ...F%d } }\n", i, i-1, i-1)
	}
	r := limPost(t, srv.URL+"/graphql", map[string]any{"query": b.String()})
	if c := r.code(); c != resolvers.CodeQueryTooDeep && c != resolvers.CodeTooManyAliases && c != resolvers.CodeQueryTooComplex {
		t.Errorf("aliased fragment bomb: %.400s", r.raw)
	}
	b.Reset()
	b.WriteString("query { ...F40 }\nfragment F0 on Query { sources { name } }\n")
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&b, "fragment F%d on Query { ...F%d ...F%d }\n", i, i-1, i-1)
	}
	r = limPost(t, srv.URL+"/graphql", map[string]any{"query": b.String()})
	if r.code() != resolvers.CodeQueryTooComplex || !strings.Contains(r.Errors[0].Message, "more than") {
		t.Errorf("spread bomb: %.400s", r.raw)
	}
}

// The guard remembers outcomes by query only when the variables played no
// part in them.
func TestLimitsWithVariablesAreCheckedEveryTime(t *testing.T) {
	srv := limitsHandler(defaultTestLimits, false)
	defer srv.Close()
	q := `query($n: Int) { zaken(filter: {bsn: "1"}, first: $n) { totalCount } }`
	for i, c := range []struct {
		n    int
		code string
	}{{5, ""}, {1000000, resolvers.CodeQueryTooComplex}, {5, ""}, {1000000, resolvers.CodeQueryTooComplex}} {
		r := limPost(t, srv.URL+"/graphql", map[string]any{"query": q, "variables": map[string]any{"n": c.n}})
		got := r.code()
		ok := got == c.code
		if c.code == "" {
			ok = got != resolvers.CodeQueryTooComplex // it runs (and fails without resolvers)
		}
		if !ok {
			t.Errorf("request %d (first %d): %s", i+1, c.n, r.raw)
		}
	}
	// A remembered refusal is the same every time.
	deep := `{ zaak(url: "u") {` + strings.Repeat(" deelzaken {", 20) + " url" + strings.Repeat(" }", 20) + " } }"
	for range 3 {
		if r := limPost(t, srv.URL+"/graphql", map[string]any{"query": deep}); r.code() != resolvers.CodeQueryTooDeep || r.Errors[0].Extensions["limit"] != float64(15) {
			t.Fatalf("deep: %s", r.raw)
		}
	}
}
