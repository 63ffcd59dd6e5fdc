package server

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
	"github.com/vektah/gqlparser/v2/validator"
	"github.com/vektah/gqlparser/v2/validator/rules"

	"github.com/klantgraaf/klantgraaf/resolvers"
)

// Persisted queries follow the Apollo protocol: a request carries
// extensions.persistedQuery = {"version": 1, "sha256Hash": "<hex sha256 of
// the query>"}, with or without the query.
//
//   - Automatic persisted queries (APQ): a hash the server does not know
//     is answered with PersistedQueryNotFound (code
//     PERSISTED_QUERY_NOT_FOUND); the client then sends hash and query
//     together, the server checks the hash and remembers the query (an LRU
//     of DefaultAPQCacheSize queries), and from then on the hash alone
//     runs it.
//   - Trusted documents: only the documents of a fixed list (sha256 →
//     query, read at start) run, by hash or by their exact text; any other
//     hash is PERSISTED_QUERY_NOT_FOUND and any other query FORBIDDEN_QUERY.
//     Nothing is registered at run time.
//   - Neither: a request with a hash and no query is answered with
//     PersistedQueryNotSupported (code PERSISTED_QUERY_NOT_SUPPORTED), so
//     an APQ client falls back to sending queries.

// DefaultAPQCacheSize is the number of queries APQ remembers.
const DefaultAPQCacheSize = 1000

// TrustedDocuments is the fixed list of the only documents a server in
// trusted-documents mode runs.
type TrustedDocuments struct {
	docs map[string]string
}

// NewTrustedDocuments checks a list of trusted documents (lower-case hex
// sha256 of the query → query): every hash must be the hash of its query,
// and every query must be valid against schema. Errors name the hash.
func NewTrustedDocuments(docs map[string]string, schema *ast.Schema) (*TrustedDocuments, error) {
	hashes := make([]string, 0, len(docs))
	for h := range docs {
		hashes = append(hashes, h)
	}
	sort.Strings(hashes)
	for _, h := range hashes {
		q := docs[h]
		if got := queryHash(q); got != h {
			return nil, fmt.Errorf("trusted document %s: the sha256 of its query is %s", h, got)
		}
		doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: q}, MaxQueryTokens)
		if err != nil {
			return nil, fmt.Errorf("trusted document %s: %v", h, err)
		}
		if schema != nil {
			if errs := validator.ValidateWithRules(schema, doc, rules.NewDefaultRules()); len(errs) > 0 {
				return nil, fmt.Errorf("trusted document %s: %v", h, errs[0])
			}
		}
	}
	return &TrustedDocuments{docs: docs}, nil
}

// Len is the number of trusted documents.
func (t *TrustedDocuments) Len() int { return len(t.docs) }

func queryHash(q string) string {
	b := sha256.Sum256([]byte(q))
	return hex.EncodeToString(b[:])
}

// persistedQueries is the gqlgen extension for the persisted-query modes
// above. It must be installed before the query guard, which checks the
// query it yields.
type persistedQueries struct {
	apq     *extension.AutomaticPersistedQuery
	trusted *TrustedDocuments
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = persistedQueries{}

func newPersistedQueries(apq bool, cacheSize int, trusted *TrustedDocuments) persistedQueries {
	p := persistedQueries{trusted: trusted}
	if apq && trusted == nil {
		if cacheSize <= 0 {
			cacheSize = DefaultAPQCacheSize
		}
		p.apq = &extension.AutomaticPersistedQuery{Cache: lru.New[string](cacheSize)}
	}
	return p
}

func (persistedQueries) ExtensionName() string { return "PersistedQueries" }

func (persistedQueries) Validate(graphql.ExecutableSchema) error { return nil }

func codedError(code, format string, args ...any) *gqlerror.Error {
	return &gqlerror.Error{Message: fmt.Sprintf(format, args...), Extensions: map[string]any{"code": code}}
}

// persistedQueryHash reads extensions.persistedQuery; ok is false when the
// request has none.
func persistedQueryHash(p *graphql.RawParams) (hash string, ok bool, err *gqlerror.Error) {
	raw, present := p.Extensions["persistedQuery"]
	if !present || raw == nil {
		return "", false, nil
	}
	m, isMap := raw.(map[string]any)
	if !isMap {
		return "", true, codedError(resolvers.CodeBadRequest, "extensions.persistedQuery must be an object with version and sha256Hash")
	}
	if v := fmt.Sprint(m["version"]); v != "1" {
		return "", true, codedError(resolvers.CodeBadRequest, "extensions.persistedQuery.version must be 1, got %s", v)
	}
	h, _ := m["sha256Hash"].(string)
	if len(h) != sha256.Size*2 {
		return "", true, codedError(resolvers.CodeBadRequest, "extensions.persistedQuery.sha256Hash must be the lower-case hex sha256 of the query")
	}
	if _, err := hex.DecodeString(h); err != nil {
		return "", true, codedError(resolvers.CodeBadRequest, "extensions.persistedQuery.sha256Hash must be the lower-case hex sha256 of the query")
	}
	return h, true, nil
}

func (pq persistedQueries) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	hash, ok, err := persistedQueryHash(p)
	if err != nil && (pq.apq != nil || pq.trusted != nil || p.Query == "") {
		return err
	}
	if ok && err == nil && p.Query != "" && queryHash(p.Query) != hash {
		return codedError(resolvers.CodeBadRequest, "extensions.persistedQuery.sha256Hash %s is not the sha256 of the query sent with it", hash)
	}
	switch {
	case pq.trusted != nil:
		if !ok {
			hash = queryHash(p.Query)
		}
		q, known := pq.trusted.docs[hash]
		switch {
		case known:
			p.Query = q
			return nil
		case ok:
			return codedError(resolvers.CodePersistedQueryNotFound,
				"PersistedQueryNotFound: %s is not one of the %d trusted documents of this server (persistedQueries.trustedDocuments)", hash, pq.trusted.Len())
		}
		return codedError(resolvers.CodeForbiddenQuery,
			"this server runs only its %d trusted documents (persistedQueries.trustedDocuments), and this query is not one of them", pq.trusted.Len())
	case pq.apq != nil:
		if !ok {
			return nil
		}
		if e := pq.apq.MutateOperationParameters(ctx, p); e != nil {
			if e.Extensions == nil {
				e.Extensions = map[string]any{}
			}
			if _, coded := e.Extensions["code"]; !coded {
				e.Extensions["code"] = resolvers.CodeBadRequest
			}
			return e
		}
		return nil
	}
	if ok && p.Query == "" {
		return codedError(resolvers.CodePersistedQueryNotSupported,
			"PersistedQueryNotSupported: this server does not keep persisted queries (persistedQueries.apq is off); send the query")
	}
	return nil
}
