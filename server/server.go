// Package server is the HTTP front of the gateway: the middleware chain
// (request id, access log, panic recovery, rate limit, body size limit,
// request deadline, end-user identity, per-request loaders), the GraphQL
// endpoint with its query limits and persisted queries,
// health and readiness probes and the optional GraphiQL IDE.
//
// The GraphiQL assets (GraphiQL, React and ReactDOM builds pinned in
// web/package-lock.json) are embedded only when the binary is built with
// -tags builtinassets after `make assets`; without them "/" explains how to
// build them and the rest of the server works as usual.
package server

import (
	"context"
	"io/fs"
	"log/slog"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
)

// Options configures the handler built by New.
type Options struct {
	// GraphQL serves /graphql (see NewGraphQLHandler). Required.
	GraphQL http.Handler
	// Fetcher attaches the per-request dataloaders; it runs after the
	// end-user middleware so the loaders see the end user. Optional.
	Fetcher func(http.Handler) http.Handler
	// GraphiQL serves the GraphiQL IDE at "/".
	GraphiQL bool
	// Logger receives the access log and panics (default: discard).
	Logger *slog.Logger
	// MaxBodyBytes caps a request body (default 1 MiB).
	MaxBodyBytes int64
	// RequestTimeout is the deadline of one request (default 10s).
	RequestTimeout time.Duration
	// EndUser says where the identity of the end user comes from.
	EndUser EndUserOptions
	// Examples are opened as tabs in GraphiQL.
	Examples []Example
	// Ready reports whether the gateway can take traffic; /readyz answers
	// 503 with its error. Nil means always ready.
	Ready func(ctx context.Context) error
	// RateLimit limits the GraphQL requests per client (see
	// ratelimit.go); off when RequestsPerSecond is 0.
	RateLimit RateLimitOptions
}

// Example is a query GraphiQL opens in a tab of its own.
type Example struct {
	// Name is a short label (GraphiQL titles the tab by the operation
	// name, so give the query one).
	Name string `json:"name"`
	// Query is the GraphQL document.
	Query string `json:"query"`
	// Variables is a JSON object with the variables, or "".
	Variables string `json:"variables,omitempty"`
}

// Defaults for zero Options values.
const (
	DefaultMaxBodyBytes   = 1 << 20
	DefaultRequestTimeout = 10 * time.Second
)

// New builds the gateway's HTTP handler.
func New(opts Options) http.Handler {
	return newHandler(opts, builtinAssets())
}

// newHandler is New with the GraphiQL assets given.
func newHandler(opts Options, dist fs.FS) http.Handler {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if opts.RequestTimeout <= 0 {
		opts.RequestTimeout = DefaultRequestTimeout
	}
	if opts.GraphQL == nil {
		opts.GraphQL = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			writeError(w, http.StatusServiceUnavailable, "UNAVAILABLE", "no GraphQL schema configured")
		})
	}

	r := chi.NewRouter()
	r.Use(
		RequestID,
		AccessLog(opts.Logger),
		Recoverer(opts.Logger),
		rateLimitGraphQL(opts.RateLimit, opts.EndUser),
		LimitBody(opts.MaxBodyBytes),
		Deadline(opts.RequestTimeout),
		EndUserIdentity(opts.EndUser),
	)
	if opts.Fetcher != nil {
		r.Use(opts.Fetcher)
	}
	r.NotFound(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "not found")
	})
	r.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED", "method not allowed")
	})

	r.Method(http.MethodGet, "/graphql", opts.GraphQL)
	r.Method(http.MethodPost, "/graphql", opts.GraphQL)

	health := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		_, _ = w.Write([]byte("ok\n"))
	}
	r.Get("/healthz", health)
	r.Head("/healthz", health)
	ready := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		if opts.Ready != nil {
			if err := opts.Ready(r.Context()); err != nil {
				w.WriteHeader(http.StatusServiceUnavailable)
				_, _ = w.Write([]byte("not ready: " + err.Error() + "\n"))
				return
			}
		}
		_, _ = w.Write([]byte("ready\n"))
	}
	r.Get("/readyz", ready)
	r.Head("/readyz", ready)

	if opts.GraphiQL {
		ui := newGraphiQL(opts.Examples, dist)
		r.Get("/", ui.page)
		r.Get("/assets/{name}", ui.asset)
	}
	return r
}
