package server

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/klantgraaf/klantgraaf/resolvers"
)

func pqExt(hash string) map[string]any {
	return map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hash}}
}

func TestAutomaticPersistedQueries(t *testing.T) {
	var mutations atomic.Int32
	h := New(Options{GraphQL: NewGraphQLHandler(rwSchema(&mutations), GraphQLOptions{APQ: true, APQCacheSize: 2})})
	const q = "query Hello { hello }"
	hash := queryHash(q)

	// The Apollo protocol: the hash alone first, PersistedQueryNotFound,
	// then hash and query, then the hash alone runs.
	r := serve(t, h, "POST", "/graphql", map[string]any{"extensions": pqExt(hash)})
	if r.status != 200 || r.code() != resolvers.CodePersistedQueryNotFound || r.Errors[0].Message != "PersistedQueryNotFound" || r.hasData() {
		t.Fatalf("unknown hash: %d %s", r.status, r.raw)
	}
	if r := serve(t, h, "POST", "/graphql", map[string]any{"extensions": pqExt(hash)}, "Accept", acceptGraphQLResponse); r.status != 400 {
		t.Errorf("unknown hash as graphql-response+json: %d, want 400", r.status)
	}
	if r := serve(t, h, "POST", "/graphql", map[string]any{"query": q, "extensions": pqExt(hash)}); r.status != 200 || !strings.Contains(r.raw, "world") {
		t.Fatalf("registration: %d %s", r.status, r.raw)
	}
	if r := serve(t, h, "POST", "/graphql", map[string]any{"extensions": pqExt(hash)}); r.status != 200 || !strings.Contains(r.raw, "world") {
		t.Fatalf("by hash: %d %s", r.status, r.raw)
	}
	ext, _ := json.Marshal(pqExt(hash))
	if r := serve(t, h, "GET", "/graphql?extensions="+url.QueryEscape(string(ext)), nil); r.status != 200 || !strings.Contains(r.raw, "world") {
		t.Fatalf("by hash over GET: %d %s", r.status, r.raw)
	}

	// A hash that is not the query's, and malformed extensions.
	for name, body := range map[string]map[string]any{
		"wrong hash":     {"query": "{ hello }", "extensions": pqExt(hash)},
		"short hash":     {"extensions": pqExt("abc")},
		"version 2":      {"extensions": map[string]any{"persistedQuery": map[string]any{"version": 2, "sha256Hash": hash}}},
		"not an object":  {"extensions": map[string]any{"persistedQuery": "x"}},
		"upper-case hex": {"extensions": pqExt(strings.ToUpper(hash))},
	} {
		r := serve(t, h, "POST", "/graphql", body)
		if name == "upper-case hex" {
			if r.code() != resolvers.CodePersistedQueryNotFound {
				t.Errorf("%s: %d %s", name, r.status, r.raw)
			}
			continue
		}
		if r.status != http.StatusBadRequest || r.code() != resolvers.CodeBadRequest {
			t.Errorf("%s: %d %s", name, r.status, r.raw)
		}
	}

	// The cache is an LRU: two more queries push the first one out.
	for _, other := range []string{"query A { hello }", "query B { hello }"} {
		if r := serve(t, h, "POST", "/graphql", map[string]any{"query": other, "extensions": pqExt(queryHash(other))}); r.status != 200 {
			t.Fatalf("registering %q: %s", other, r.raw)
		}
	}
	if r := serve(t, h, "POST", "/graphql", map[string]any{"extensions": pqExt(hash)}); r.code() != resolvers.CodePersistedQueryNotFound {
		t.Errorf("evicted hash: %s", r.raw)
	}
}

func TestPersistedQueriesOff(t *testing.T) {
	var mutations atomic.Int32
	h := New(Options{GraphQL: NewGraphQLHandler(rwSchema(&mutations), GraphQLOptions{})})
	const q = "{ hello }"
	r := serve(t, h, "POST", "/graphql", map[string]any{"extensions": pqExt(queryHash(q))})
	if r.code() != resolvers.CodePersistedQueryNotSupported || !strings.HasPrefix(r.Errors[0].Message, "PersistedQueryNotSupported") || r.hasData() {
		t.Errorf("hash without APQ: %d %s", r.status, r.raw)
	}
	// A query sent with its hash simply runs.
	if r := serve(t, h, "POST", "/graphql", map[string]any{"query": q, "extensions": pqExt(queryHash(q))}); r.status != 200 || !strings.Contains(r.raw, "world") {
		t.Errorf("query with hash without APQ: %d %s", r.status, r.raw)
	}
}

func TestTrustedDocuments(t *testing.T) {
	var mutations atomic.Int32
	es := rwSchema(&mutations)
	const trusted = "query Hello { hello }"
	docs, err := NewTrustedDocuments(map[string]string{queryHash(trusted): trusted}, es.Schema())
	if err != nil {
		t.Fatal(err)
	}
	// APQ is off in this mode: nothing can be registered.
	h := New(Options{GraphQL: NewGraphQLHandler(es, GraphQLOptions{TrustedDocuments: docs, APQ: true})})

	if r := serve(t, h, "POST", "/graphql", map[string]any{"extensions": pqExt(queryHash(trusted))}); r.status != 200 || !strings.Contains(r.raw, "world") {
		t.Errorf("trusted by hash: %d %s", r.status, r.raw)
	}
	if r := serve(t, h, "POST", "/graphql", map[string]any{"query": trusted}); r.status != 200 || !strings.Contains(r.raw, "world") {
		t.Errorf("trusted by its text: %d %s", r.status, r.raw)
	}
	const other = "{ hello }"
	for _, accept := range []string{"application/json", acceptGraphQLResponse} {
		r := serve(t, h, "POST", "/graphql", map[string]any{"query": other}, "Accept", accept)
		if r.status != http.StatusForbidden || r.code() != resolvers.CodeForbiddenQuery || !strings.Contains(r.Errors[0].Message, "1 trusted documents") {
			t.Errorf("untrusted query (%s): %d %s", accept, r.status, r.raw)
		}
	}
	r := serve(t, h, "POST", "/graphql", map[string]any{"query": other, "extensions": pqExt(queryHash(other))})
	if r.status != 200 || r.code() != resolvers.CodePersistedQueryNotFound || !strings.Contains(r.Errors[0].Message, "not one of the 1 trusted documents") {
		t.Errorf("untrusted query with its hash: %d %s", r.status, r.raw)
	}
	// And it was not registered.
	if r := serve(t, h, "POST", "/graphql", map[string]any{"extensions": pqExt(queryHash(other))}); r.code() != resolvers.CodePersistedQueryNotFound {
		t.Errorf("untrusted hash: %d %s", r.status, r.raw)
	}
	if r := serve(t, h, "POST", "/graphql", map[string]any{"query": other, "extensions": pqExt(queryHash(trusted))}); r.code() != resolvers.CodeBadRequest {
		t.Errorf("another query under a trusted hash: %d %s", r.status, r.raw)
	}
	ext, _ := json.Marshal(pqExt(queryHash(trusted)))
	if r := serve(t, h, "GET", "/graphql?extensions="+url.QueryEscape(string(ext)), nil); r.status != 200 || !strings.Contains(r.raw, "world") {
		t.Errorf("trusted by hash over GET: %d %s", r.status, r.raw)
	}
}

func TestNewTrustedDocumentsChecksEveryDocument(t *testing.T) {
	var mutations atomic.Int32
	schema := rwSchema(&mutations).Schema()
	good := "{ hello }"
	for name, c := range map[string]struct {
		docs   map[string]string
		errHas string
	}{
		"hash of another query": {map[string]string{queryHash("{ fail }"): good}, "the sha256 of its query is " + queryHash(good)},
		"not valid":             {map[string]string{queryHash("{ nope }"): "{ nope }"}, `Cannot query field "nope"`},
		"not GraphQL":           {map[string]string{queryHash("{"): "{"}, "Expected Name"},
	} {
		_, err := NewTrustedDocuments(c.docs, schema)
		if err == nil || !strings.Contains(err.Error(), c.errHas) {
			t.Errorf("%s: %v, want an error with %q", name, err, c.errHas)
		}
	}
	if d, err := NewTrustedDocuments(map[string]string{queryHash(good): good}, schema); err != nil || d.Len() != 1 {
		t.Errorf("valid list: %v", err)
	}
}
