package server

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// GraphQLOptions configures the GraphQL handler.
type GraphQLOptions struct {
	// Introspection allows __schema and __type queries.
	Introspection bool
	// Logger receives resolver panics (default: discard).
	Logger *slog.Logger
	// QueryCacheSize is the number of parsed queries kept (default 1000).
	QueryCacheSize int
	// Limits bounds depth, complexity, aliases and root fields of an
	// operation (see limits.go); zero fields mean no limit.
	Limits Limits
	// APQ turns on automatic persisted queries (see apq.go).
	APQ bool
	// APQCacheSize is the number of queries APQ remembers (default
	// DefaultAPQCacheSize).
	APQCacheSize int
	// TrustedDocuments, when set, is the only documents the server runs
	// (see apq.go); APQ is then off.
	TrustedDocuments *TrustedDocuments
}

// NewGraphQLHandler serves an executable schema over GET and POST (JSON),
// refusing what those cannot read with a coded error (see transports.go)
// and answering as GraphQL over HTTP asks (see graphqlhttp.go), with a
// parsed-query cache, optional introspection, persisted queries (apq.go),
// query limits (limits.go) and resolver panics turned into a logged
// "internal error" with code INTERNAL.
func NewGraphQLHandler(es graphql.ExecutableSchema, opts GraphQLOptions) *handler.Server {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.QueryCacheSize <= 0 {
		opts.QueryCacheSize = 1000
	}
	srv := handler.New(es)
	srv.AddTransport(overHTTP{Transport: checkedGET{transport.GET{}}, get: true})
	srv.AddTransport(overHTTP{Transport: checkedPOST{transport.POST{}}})
	srv.AddTransport(unsupportedTransport{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](opts.QueryCacheSize))
	srv.SetParserTokenLimit(MaxQueryTokens)
	if opts.Introspection {
		srv.Use(extension.Introspection{})
	}
	// Persisted queries first: the guard checks the query they yield.
	srv.Use(newPersistedQueries(opts.APQ, opts.APQCacheSize, opts.TrustedDocuments))
	srv.Use(newQueryGuard(opts.Limits, opts.Introspection))
	logger := opts.Logger
	srv.SetRecoverFunc(func(ctx context.Context, rec any) error {
		logger.ErrorContext(ctx, "panic in resolver",
			slog.String("panic", fmt.Sprint(rec)),
			slog.String("request_id", RequestIDFrom(ctx)),
			slog.String("stack", string(debug.Stack())),
		)
		return &gqlerror.Error{Message: "internal error", Extensions: map[string]any{"code": "INTERNAL"}}
	})
	return srv
}
