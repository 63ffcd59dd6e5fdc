package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/klantgraaf/klantgraaf/cache"
	"github.com/klantgraaf/klantgraaf/config"
	"github.com/klantgraaf/klantgraaf/graph"
	"github.com/klantgraaf/klantgraaf/loaders"
	"github.com/klantgraaf/klantgraaf/resolvers"
	"github.com/klantgraaf/klantgraaf/server"
	"github.com/klantgraaf/klantgraaf/upstream"
)

// GatewayOptions are the parts of the gateway that do not come from the
// configuration file.
type GatewayOptions struct {
	Logger   *slog.Logger
	Examples []server.Example
	Ready    func(context.Context) error
	// Cache, when set, receives the response cache (for statistics).
	Cache **cache.Tiered
}

// NewGateway wires the layers: configuration → upstream registry → shared
// fetcher → resolvers → executable schema → GraphQL handler → HTTP server.
func NewGateway(cfg *config.Config, o GatewayOptions) (http.Handler, error) {
	logger := o.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	var regOpts []upstream.Option
	rc, closeCache, err := buildCache(cfg, logger)
	if err != nil {
		return nil, err
	}
	if rc != nil {
		regOpts = append(regOpts, upstream.WithCache(responseCache{rc}, cachePolicy(cfg)))
	}
	reg, err := upstream.NewRegistry(cfg.Upstreams(), regOpts...)
	if err != nil {
		_ = closeCache()
		return nil, fmt.Errorf("upstreams: %w", err)
	}
	if o.Cache != nil {
		*o.Cache = rc
	}
	fetcher := loaders.NewFetcher(reg, loaders.Options{Logger: logger, Budget: cfg.Limits.MaxUpstreamRequests})
	es := graph.NewExecutableSchema(graph.Config{Resolvers: resolvers.New(fetcher)})
	authn, err := buildAccess(cfg, es.Schema(), logger)
	if err != nil {
		_ = closeCache()
		return nil, err
	}
	gqlOpts := server.GraphQLOptions{
		Introspection: cfg.Introspection,
		Logger:        logger,
		Limits: server.Limits{MaxDepth: cfg.Limits.MaxDepth, MaxComplexity: cfg.Limits.MaxComplexity,
			MaxAliases: cfg.Limits.MaxAliases, MaxRootFields: cfg.Limits.MaxRootFields},
		APQ: cfg.PersistedQueries.APQ,
	}
	if path := cfg.PersistedQueries.TrustedDocuments; path != "" {
		docs, err := config.LoadTrustedDocuments(path)
		if err == nil {
			gqlOpts.TrustedDocuments, err = server.NewTrustedDocuments(docs, es.Schema())
		}
		if err != nil {
			_ = closeCache()
			return nil, fmt.Errorf("config: persistedQueries.trustedDocuments: %w", err)
		}
	}
	gql := server.NewGraphQLHandler(es, gqlOpts)
	gql.SetErrorPresenter(resolvers.PresentError)
	if rc != nil && cfg.Cache.ResponsesOn() {
		gql.AroundOperations((&resolvers.ResponseCache{Store: responseCache{rc}, Upstreams: reg}).Intercept)
	}
	gql.AroundOperations(resolvers.LookAhead)
	gql.AroundResponses(resolvers.CostExtension)
	gql.AroundFields(resolvers.Enforce)
	return server.New(server.Options{
		GraphQL:        authn(gql),
		Fetcher:        fetcher.Middleware,
		GraphiQL:       cfg.GraphiQL,
		Logger:         logger,
		MaxBodyBytes:   cfg.MaxBodyBytes,
		RequestTimeout: cfg.RequestTimeout.Std(),
		EndUser: server.EndUserOptions{
			TrustHeaders:           cfg.EndUser.TrustHeaders,
			IDHeader:               cfg.EndUser.Header.ID,
			RepresentationHeader:   cfg.EndUser.Header.Representation,
			FallbackID:             cfg.EndUser.FallbackID,
			FallbackRepresentation: cfg.EndUser.FallbackRepresentation,
		},
		Examples: o.Examples,
		Ready:    o.Ready,
		RateLimit: server.RateLimitOptions{RequestsPerSecond: cfg.Limits.RateLimit.RequestsPerSecond,
			Burst: cfg.Limits.RateLimit.BurstOr()},
	}), nil
}
