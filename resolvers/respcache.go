package resolvers

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/klantgraaf/klantgraaf/loaders"
	"github.com/klantgraaf/klantgraaf/policy"
	"github.com/klantgraaf/klantgraaf/upstream"
)

// ResponseCache keeps whole answers to queries, so a repeated question is
// answered without executing it. An answer is kept only when it has no
// errors and everything it was built from came from fresh cache entries or
// cacheable requests; it is kept exactly as long as the least fresh of
// those, so it is never older than the cached upstream answers it contains.
// The key holds the operation, its variables, the caller (how they
// authenticated, who they are, their roles, the end user) and the
// credentials the providers would see for that caller, so no caller is ever
// served another's answer — not even by another gateway configured with
// other credentials that shares the same Redis.
type ResponseCache struct {
	Store upstream.ResponseCache
	// Upstreams decides, with the caller, which credentials the providers
	// see: it is part of the key.
	Upstreams *upstream.Registry
	// MinTTL is the shortest lifetime worth storing (default 100ms).
	MinTTL time.Duration
	now    func() time.Time
}

type cachedAnswer struct {
	Data json.RawMessage `json:"data"`
}

func (rc *ResponseCache) clock() time.Time {
	if rc.now != nil {
		return rc.now()
	}
	return time.Now()
}

// key identifies an operation for a caller; ok is false for operations
// that are not cached (mutations, subscriptions).
func (rc *ResponseCache) key(ctx context.Context, oc *graphql.OperationContext) (string, bool) {
	if oc == nil || oc.Operation == nil || oc.Operation.Operation != ast.Query {
		return "", false
	}
	vars, err := json.Marshal(oc.Variables)
	if err != nil {
		return "", false
	}
	h := sha256.New()
	write := func(s string) { h.Write([]byte(s)); h.Write([]byte{0}) }
	write(oc.RawQuery)
	write(oc.OperationName)
	write(string(vars))
	if p := policy.PrincipalFrom(ctx); p != nil {
		roles := slices.Clone(p.Roles)
		slices.Sort(roles)
		write(p.Method)
		write(p.Subject)
		write(strings.Join(roles, ","))
	} else {
		write("-")
	}
	u, _ := upstream.EndUserFrom(ctx)
	write(u.ID)
	write(u.Representation)
	if rc.Upstreams != nil {
		write(rc.Upstreams.Fingerprint(ctx))
	}
	return "response:" + hex.EncodeToString(h.Sum(nil)), true
}

// Intercept is a gqlgen operation interceptor (AroundOperations).
func (rc *ResponseCache) Intercept(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	key, ok := rc.key(ctx, oc)
	l := loaders.For(ctx)
	if !ok || rc.Store == nil || l == nil {
		return next(ctx)
	}
	if hit, found := rc.Store.GetMulti(ctx, []string{key})[key]; found {
		var ans cachedAnswer
		if json.Unmarshal(hit.Body, &ans) == nil && rc.clock().Before(hit.FetchedAt) {
			served := false
			return func(ctx context.Context) *graphql.Response {
				if served {
					return nil
				}
				served = true
				cost := loaders.Cost{CacheHits: map[string]int{"l1": 0, "l2": 0, "response": 1}, Sources: map[string]*loaders.SourceCost{}}
				return &graphql.Response{Data: ans.Data, Extensions: map[string]any{"cost": cost}}
			}
		}
	}
	rh := next(ctx)
	first := true
	return func(ctx context.Context) *graphql.Response {
		resp := rh(ctx)
		if !first || resp == nil {
			return resp
		}
		first = false
		if len(resp.Errors) > 0 || len(resp.Data) == 0 {
			return resp
		}
		until, reusable := l.FreshUntil()
		min := rc.MinTTL
		if min <= 0 {
			min = 100 * time.Millisecond
		}
		ttl := until.Sub(rc.clock())
		if !reusable || until.IsZero() || ttl < min {
			return resp
		}
		if b, err := json.Marshal(cachedAnswer{Data: resp.Data}); err == nil {
			// FetchedAt carries the expiry of the answer.
			rc.Store.SetMulti(ctx, []upstream.CacheItem{{Key: key, TTL: ttl, Value: upstream.CachedResponse{Body: b, FetchedAt: until}}})
		}
		return resp
	}
}
