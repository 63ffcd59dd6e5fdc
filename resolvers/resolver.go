// Package resolvers implements the GraphQL schema: each resolver is a few
// lines that hand the work to the request's loaders.
package resolvers

import "github.com/klantgraaf/klantgraaf/loaders"

// Resolver is the root resolver.
type Resolver struct {
	fetcher *loaders.Fetcher
}

// New returns the root resolver over a fetcher.
func New(f *loaders.Fetcher) *Resolver { return &Resolver{fetcher: f} }
