package resolvers

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/klantgraaf/klantgraaf/loaders"
)

// CostExtension adds extensions.cost to every response: upstream requests
// and time per source and cache hits per tier, so a caller sees what a
// query cost. Answers served from cache past their TTL because a provider
// failed are listed in extensions.stale.
func CostExtension(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	l := loaders.For(ctx)
	if resp == nil || l == nil {
		return resp
	}
	if resp.Extensions == nil {
		resp.Extensions = map[string]any{}
	}
	resp.Extensions["cost"] = l.Cost()
	if st := l.Stale(); len(st) > 0 {
		resp.Extensions["stale"] = st
	}
	return resp
}
