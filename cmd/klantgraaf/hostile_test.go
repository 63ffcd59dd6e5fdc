package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/klantgraaf/klantgraaf/config"
	"github.com/klantgraaf/klantgraaf/resolvers"
	"github.com/klantgraaf/klantgraaf/server"
	"github.com/klantgraaf/klantgraaf/sim"
)

// hostileClient gives up on a hanging gateway instead of hanging the test.
var hostileClient = &http.Client{Timeout: 30 * time.Second}

// hAnswer is a raw answer of the gateway.
type hAnswer struct {
	status int
	header http.Header
	body   []byte
	resp   gqlResponse
}

func (a hAnswer) code() string {
	if len(a.resp.Errors) == 0 {
		return ""
	}
	c, _ := a.resp.Errors[0].Extensions["code"].(string)
	return c
}

// hPost sends a raw body to the gateway.
func hPost(t *testing.T, url string, body []byte, header ...string) hAnswer {
	t.Helper()
	req, _ := http.NewRequest("POST", url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := hostileClient.Do(req)
	if err != nil {
		t.Fatalf("POST: %v", err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	a := hAnswer{status: resp.StatusCode, header: resp.Header, body: b}
	if err := json.Unmarshal(b, &a.resp); err != nil {
		t.Fatalf("answer %d is not a GraphQL response: %.300s", resp.StatusCode, b)
	}
	return a
}

func hBody(query string, vars any, extra ...any) []byte {
	m := map[string]any{"query": query}
	if vars != nil {
		m["variables"] = vars
	}
	for i := 0; i+1 < len(extra); i += 2 {
		m[extra[i].(string)] = extra[i+1]
	}
	b, _ := json.Marshal(m)
	return b
}

// TestHostileQueriesAreRefused sends what an attacker would to the
// gateway (default limits of `serve`, the simulator behind it): each is
// answered with a clear error and code, before any provider is asked, and
// handling it allocates a bounded amount of memory.
func TestHostileQueriesAreRefused(t *testing.T) {
	e := newEnv(t, sim.Config{}, func(c *config.Config) {
		c.Limits = config.DefaultLimits()
		c.Introspection = false
	})
	sc, _ := e.sim.ShowcaseByKey("benchmark")
	limits := config.DefaultLimits()

	nested := func(levels int) string {
		return `query($bsn: String!) { klantbeeld(bsn: $bsn) { zaken(first: 1) { edges { node {` +
			strings.Repeat(" deelzaken {", levels) + " url" + strings.Repeat(" }", levels) + " } } } } }"
	}
	aliases := func(n int) string {
		var b strings.Builder
		b.WriteString(`query($bsn: String!) { klantbeeld(bsn: $bsn) {`)
		for i := range n {
			fmt.Fprintf(&b, " a%d: bsn", i)
		}
		b.WriteString(" } }")
		return b.String()
	}
	// Every fragment spreads the one below it twice: 2^40 selections.
	var spreadBomb strings.Builder
	spreadBomb.WriteString("query { ...F40 }\nfragment F0 on Query { sources { name } }\n")
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&spreadBomb, "fragment F%d on Query { ...F%d ...F%d }\n", i, i-1, i-1)
	}
	// Every fragment asks for the one below it under two aliases, a level
	// deeper: 2^10 klanten at depth 53.
	var aliasBomb strings.Builder
	aliasBomb.WriteString("query($bsn: String!) { klantbeeld(bsn: $bsn) { klanten { ...K10 } } }\nfragment K0 on Klant { naam }\n")
	for i := 1; i <= 10; i++ {
		fmt.Fprintf(&aliasBomb, "fragment K%[1]d on Klant { a: zaken(first: 1) { edges { node { rollen { klant { ...K%[2]d } } } } } b: zaken(first: 1) { edges { node { rollen { klant { ...K%[2]d } } } } } }\n", i, i-1)
	}
	// Every fragment adds three aliases to the one below it: 37.
	var flatAliasBomb strings.Builder
	flatAliasBomb.WriteString("query { sources { ...B12 } }\nfragment B0 on Source { a0: name }\n")
	for i := 1; i <= 12; i++ {
		fmt.Fprintf(&flatAliasBomb, "fragment B%[1]d on Source { ...B%[2]d x%[1]d: name y%[1]d: name z%[1]d: name }\n", i, i-1)
	}
	batch := make([]map[string]any, 1000)
	for i := range batch {
		batch[i] = map[string]any{"query": "{ sources { name } }"}
	}
	batchBody, _ := json.Marshal(batch)
	vars := map[string]any{"bsn": sc.BSN}

	for _, c := range []struct {
		name   string
		body   []byte
		status int
		code   string
		inMsg  string
	}{
		{"deep nesting", hBody(nested(40), vars), 200, resolvers.CodeQueryTooDeep,
			fmt.Sprintf("45 levels deep; the limit is %d", limits.MaxDepth)},
		{"nesting past the parser's bound", hBody(nested(1500), vars), 200, resolvers.CodeQueryTooDeep, "more than 1000 levels deep"},
		{"an alias bomb", hBody(aliases(1500), vars), 200, resolvers.CodeTooManyAliases,
			fmt.Sprintf("1500 aliases (fragments expanded); the limit is %d", limits.MaxAliases)},
		{"an alias bomb past the token bound", hBody(aliases(20000), vars), 200, resolvers.CodeQueryTooLarge,
			fmt.Sprintf("more than %d tokens", server.MaxQueryTokens)},
		{"a fragment bomb (spreads that multiply)", hBody(spreadBomb.String(), nil), 200, resolvers.CodeQueryTooComplex, "complexity is more than"},
		{"a fragment bomb (aliases that multiply)", hBody(aliasBomb.String(), vars), 200, resolvers.CodeQueryTooDeep, "the limit is 15"},
		{"a fragment bomb (aliases that add up)", hBody(flatAliasBomb.String(), nil), 200, resolvers.CodeTooManyAliases, "37 aliases (fragments expanded); the limit is 30"},
		{"a repeated field", hBody(`{`+strings.Repeat(" sources { name }", 2000)+` }`, nil), 200, resolvers.CodeQueryTooComplex,
			fmt.Sprintf(`"sources" is selected 2000 times in one selection set (fragments expanded); the limit is %d`, server.MaxFieldRepeats)},
		{"a huge list", hBody(`{ zaken(filter: {bsn: "999990019"}, first: 100000) { edges { node { url } } } }`, nil), 200,
			resolvers.CodeQueryTooComplex, fmt.Sprintf("complexity is 300001; the limit is %d (limits.maxComplexity)", limits.MaxComplexity)},
		{"a huge list by variable", hBody(`query($n: Int) { zaken(filter: {bsn: "999990019"}, first: $n) { totalCount } }`, map[string]any{"n": 1 << 40}), 200,
			resolvers.CodeQueryTooComplex, "the limit is"},
		{"many root fields", hBody(`{ a: sources { name } b: sources { name } c: sources { name } d: sources { name } e: sources { name } f: sources { name }
			g: sources { name } h: sources { name } i: sources { name } j: sources { name } k: sources { name } }`, nil), 200,
			resolvers.CodeTooManyRootFields, fmt.Sprintf("11 root fields; the limit is %d", limits.MaxRootFields)},
		{"introspection when it is off", hBody(`{ __schema { types { name } } }`, nil), 200, resolvers.CodeIntrospectionDisabled, "introspection: false"},
		{"huge variables", hBody(`query($bsn: String!) { klantbeeld(bsn: $bsn) { bsn } }`, map[string]any{"bsn": sc.BSN, "pad": strings.Repeat("x", 2<<20)}),
			http.StatusRequestEntityTooLarge, "REQUEST_TOO_LARGE", "larger than 1048576 bytes"},
		{"deeply nested variables", []byte(`{"query":"{ sources { name } }","variables":{"v":` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + `}}`),
			http.StatusBadRequest, resolvers.CodeBadRequest, "not a GraphQL request"},
		{"a variable of the wrong shape", hBody(`query($bsn: String!) { klantbeeld(bsn: $bsn) { bsn } }`, map[string]any{"bsn": map[string]any{"x": strings.Repeat("y", 500<<10)}}),
			200, "GRAPHQL_VALIDATION_FAILED", "cannot use map as String"},
		{"invalid UTF-8", []byte("{\"query\": \"{ sources { name \xc3\x28 } }\"}"), http.StatusBadRequest, resolvers.CodeBadRequest, "not valid UTF-8"},
		{"1000 batched operations", batchBody, http.StatusBadRequest, resolvers.CodeBadRequest, "batched operations (a JSON array) are not supported"},
		{"an unknown operationName", hBody(`query A { sources { name } }`, nil, "operationName", "Nope"), 200, "GRAPHQL_VALIDATION_FAILED", "operation Nope not found"},
	} {
		t.Run(c.name, func(t *testing.T) {
			e.sim.ResetStats()
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			a := hPost(t, e.gateway.URL+"/graphql", c.body)
			runtime.ReadMemStats(&after)
			if a.status != c.status || a.code() != c.code || !strings.Contains(a.resp.Errors[0].Message, c.inMsg) {
				t.Fatalf("got %d %.600s\nwant %d, code %s, %q in the message", a.status, a.body, c.status, c.code, c.inMsg)
			}
			if len(a.resp.Errors) != 1 || a.resp.Data != nil {
				t.Errorf("want one error and no data: %.600s", a.body)
			}
			if n := e.sim.Stats(false).Total; n != 0 {
				t.Errorf("%d upstream requests for a refused query", n)
			}
			// A sanity bound, not a measurement: the whole process (client,
			// gateway, simulator) allocated a small multiple of the body.
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20+16*uint64(len(c.body)) {
				t.Errorf("handling it allocated %d MiB", alloc>>20)
			}
		})
	}

	// Refused as graphql-response+json: 400 (a request error).
	a := hPost(t, e.gateway.URL+"/graphql", hBody(nested(40), vars), "Accept", "application/graphql-response+json")
	if a.status != http.StatusBadRequest || a.code() != resolvers.CodeQueryTooDeep || !strings.HasPrefix(a.header.Get("Content-Type"), "application/graphql-response+json") {
		t.Errorf("as graphql-response+json: %d %s %s", a.status, a.header.Get("Content-Type"), a.body)
	}
	// And a query within every limit still runs.
	var data struct {
		Klantbeeld struct{ Bsn string }
	}
	if r := e.query(readQuery(t, "klantbeeld.graphql"), vars, &data); len(r.Errors) > 0 || data.Klantbeeld.Bsn != sc.BSN {
		t.Fatalf("the benchmark klantbeeld: %+v", r.Errors)
	}
}

// TestUpstreamBudget: a query that needs more upstream requests than
// limits.maxUpstreamRequests gets UPSTREAM_BUDGET_EXCEEDED on the fields
// past the budget, the rest of its answer, and the providers see no more
// than the budget and the calls already in flight; cache hits are free.
func TestUpstreamBudget(t *testing.T) {
	// A budget of one: once the first answer is in, nothing more is sent,
	// so the providers see only the first round trip.
	e := newEnv(t, sim.Config{}, func(c *config.Config) { c.Limits.MaxUpstreamRequests = 1 })
	sc, _ := e.sim.ShowcaseByKey("benchmark")
	q := readQuery(t, "klantbeeld.graphql")
	vars := map[string]any{"bsn": sc.BSN}

	e.sim.ResetStats()
	r := e.query(q, vars, nil)
	e.sim.WaitIdle(2 * time.Second)
	var budget *gqlErr
	for i, er := range r.Errors {
		if er.Extensions["code"] == resolvers.CodeUpstreamBudgetExceeded {
			budget = &r.Errors[i]
		}
	}
	if budget == nil {
		t.Fatalf("no UPSTREAM_BUDGET_EXCEEDED error: %+v", r.Errors)
	}
	if !strings.Contains(budget.Message, "at most 1 upstream requests (limits.maxUpstreamRequests)") || budget.Extensions["limit"] != float64(1) || len(budget.Path) == 0 {
		t.Errorf("budget error: %+v", *budget)
	}
	seen := e.sim.Stats(false).Total
	cost := costOf(t, r)
	t.Logf("budget 1: %d upstream requests counted, %d seen by the providers, %d errors", cost.UpstreamRequests, seen, len(r.Errors))
	if cost.UpstreamRequests < 1 || cost.UpstreamRequests > seen || seen >= 12 {
		t.Errorf("%d upstream requests counted, %d seen by the providers; want at least the budget (1) and fewer than the 12 the query needs", cost.UpstreamRequests, seen)
	}

	// With room for the whole query it runs without errors; run again, it
	// comes from the cache and costs nothing, whatever the budget.
	roomy := newEnv(t, sim.Config{}, func(c *config.Config) { c.Limits.MaxUpstreamRequests = 20 })
	if r := roomy.query(q, vars, nil); len(r.Errors) > 0 {
		t.Fatalf("budget 20: %+v", r.Errors)
	}
	for range 3 {
		if r := roomy.query(q, vars, nil); len(r.Errors) > 0 || costOf(t, r).UpstreamRequests != 0 {
			t.Fatalf("warm: %+v", r.Errors)
		}
	}
}

// TestRateLimitOverHTTP: over its burst a client gets 429 with
// Retry-After and a GraphQL error RATE_LIMITED; other clients (end users
// named by the trusted header) are not affected.
func TestRateLimitOverHTTP(t *testing.T) {
	e := newEnv(t, sim.Config{}, func(c *config.Config) {
		c.Limits.RateLimit = config.RateLimit{RequestsPerSecond: 0.2, Burst: 3}
	})
	body := hBody(`{ __typename }`, nil)
	for i := range 3 {
		if a := hPost(t, e.gateway.URL+"/graphql", body, "X-End-User-Id", "anna"); a.status != 200 {
			t.Fatalf("request %d: %d %s", i+1, a.status, a.body)
		}
	}
	a := hPost(t, e.gateway.URL+"/graphql", body, "X-End-User-Id", "anna")
	if a.status != http.StatusTooManyRequests || a.code() != resolvers.CodeRateLimited || a.header.Get("Retry-After") == "" ||
		!strings.Contains(a.resp.Errors[0].Message, "at most 0.2 requests per second per client (burst 3)") {
		t.Errorf("over the burst: %d Retry-After %q %s", a.status, a.header.Get("Retry-After"), a.body)
	}
	if a := hPost(t, e.gateway.URL+"/graphql", body, "X-End-User-Id", "bert"); a.status != 200 {
		t.Errorf("another end user: %d %s", a.status, a.body)
	}
	if resp, err := hostileClient.Get(e.gateway.URL + "/healthz"); err != nil || resp.StatusCode != 200 {
		t.Errorf("/healthz: %v", err)
	} else {
		resp.Body.Close()
	}
}

// TestIntrospectionAndGraphiQLSwitches: off in `serve` unless configured,
// on in the demo.
func TestIntrospectionAndGraphiQLSwitches(t *testing.T) {
	def := config.Default()
	if def.Introspection || def.GraphiQL {
		t.Fatalf("serve defaults: introspection %v, graphiql %v", def.Introspection, def.GraphiQL)
	}
	off := newEnv(t, sim.Config{}, func(c *config.Config) { c.Introspection, c.GraphiQL = def.Introspection, def.GraphiQL })
	a := hPost(t, off.gateway.URL+"/graphql", hBody(`{ __type(name: "Zaak") { name } }`, nil))
	if a.code() != resolvers.CodeIntrospectionDisabled || a.resp.Data != nil {
		t.Errorf("introspection off: %d %s", a.status, a.body)
	}
	if resp, err := hostileClient.Get(off.gateway.URL + "/"); err != nil || resp.StatusCode != http.StatusNotFound {
		t.Errorf("GraphiQL off: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
	// __typename is not introspection.
	if a := hPost(t, off.gateway.URL+"/graphql", hBody(`{ __typename }`, nil)); a.status != 200 || len(a.resp.Errors) > 0 {
		t.Errorf("__typename: %d %s", a.status, a.body)
	}

	on := newEnv(t, sim.Config{}, nil) // DemoConfig
	if !on.cfg.Introspection || !on.cfg.GraphiQL {
		t.Fatalf("demo: introspection %v, graphiql %v", on.cfg.Introspection, on.cfg.GraphiQL)
	}
	intro, err := os.ReadFile(filepath.Join("..", "..", "server", "testdata", "introspection.graphql"))
	if err != nil {
		t.Fatal(err)
	}
	// GraphiQL's introspection query and the demo's example tabs fit the
	// default limits.
	if a := hPost(t, on.gateway.URL+"/graphql", hBody(string(intro), nil)); a.status != 200 || len(a.resp.Errors) > 0 || !bytes.Contains(a.body, []byte(`"Klantbeeld"`)) {
		t.Errorf("introspection in the demo: %d %.300s", a.status, a.body)
	}
	for _, ex := range DemoExamples(demoIdentifiers(on.sim)) {
		var vars map[string]any
		_ = json.Unmarshal([]byte(ex.Variables), &vars)
		a := hPost(t, on.gateway.URL+"/graphql", hBody(ex.Query, vars))
		for _, er := range a.resp.Errors {
			code, _ := er.Extensions["code"].(string)
			if strings.HasPrefix(code, "QUERY_") || strings.HasPrefix(code, "TOO_") || code == resolvers.CodeUpstreamBudgetExceeded {
				t.Errorf("demo example %s: %s", ex.Name, er.Message)
			}
		}
	}
}

// TestPersistedQueriesOverHTTP: APQ registers and runs by hash; trusted
// documents from a file run and nothing else does.
func TestPersistedQueriesOverHTTP(t *testing.T) {
	const q = `query Sources { sources { name } }`
	sum := sha256.Sum256([]byte(q))
	hash := hex.EncodeToString(sum[:])
	ext := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hash}}

	apq := newEnv(t, sim.Config{}, func(c *config.Config) { c.PersistedQueries.APQ = true })
	hashOnly, _ := json.Marshal(map[string]any{"extensions": ext})
	if a := hPost(t, apq.gateway.URL+"/graphql", hashOnly); a.code() != resolvers.CodePersistedQueryNotFound || a.resp.Errors[0].Message != "PersistedQueryNotFound" {
		t.Fatalf("unknown hash: %d %s", a.status, a.body)
	}
	if a := hPost(t, apq.gateway.URL+"/graphql", hBody(q, nil, "extensions", ext)); a.status != 200 || len(a.resp.Errors) > 0 {
		t.Fatalf("registration: %d %s", a.status, a.body)
	}
	if a := hPost(t, apq.gateway.URL+"/graphql", hashOnly); a.status != 200 || len(a.resp.Errors) > 0 || !bytes.Contains(a.body, []byte("zaken-a")) {
		t.Fatalf("by hash: %d %s", a.status, a.body)
	}

	docs, _ := json.Marshal(map[string]string{hash: q})
	file := filepath.Join(t.TempDir(), "trusted.json")
	if err := os.WriteFile(file, docs, 0o600); err != nil {
		t.Fatal(err)
	}
	trusted := newEnv(t, sim.Config{}, func(c *config.Config) { c.PersistedQueries.TrustedDocuments = file })
	if a := hPost(t, trusted.gateway.URL+"/graphql", hashOnly); a.status != 200 || len(a.resp.Errors) > 0 {
		t.Errorf("trusted by hash: %d %s", a.status, a.body)
	}
	if a := hPost(t, trusted.gateway.URL+"/graphql", hBody(`{ sources { name } }`, nil)); a.status != http.StatusForbidden || a.code() != resolvers.CodeForbiddenQuery {
		t.Errorf("untrusted: %d %s", a.status, a.body)
	}

	// A trusted document that is not valid against the schema stops the
	// gateway from starting, naming the setting.
	bad := `{ nope }`
	sum = sha256.Sum256([]byte(bad))
	docs, _ = json.Marshal(map[string]string{hex.EncodeToString(sum[:]): bad})
	if err := os.WriteFile(file, docs, 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := trusted.cfg
	if _, err := NewGateway(cfg, GatewayOptions{}); err == nil || !strings.Contains(err.Error(), "persistedQueries.trustedDocuments") ||
		!strings.Contains(err.Error(), `Cannot query field "nope"`) {
		t.Errorf("invalid trusted document: %v", err)
	}
}
