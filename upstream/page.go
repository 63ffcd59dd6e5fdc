package upstream

import (
	"context"
	"fmt"
)

// DefaultMaxPages bounds a page walk when the caller passes no bound.
const DefaultMaxPages = 100

// Page is one page of a paginated ZGW list: {count, next, previous,
// results}. Next and Previous are absolute URLs or nil.
type Page[T any] struct {
	Count    int     `json:"count"`
	Next     *string `json:"next"`
	Previous *string `json:"previous"`
	Results  []T     `json:"results"`
}

// HasNext reports whether a next page is announced.
func (p *Page[T]) HasNext() bool { return p != nil && p.Next != nil && *p.Next != "" }

// GetPage fetches one page from urlOrPath.
func GetPage[T any](ctx context.Context, c *Client, urlOrPath string) (*Page[T], error) {
	var p Page[T]
	if _, err := c.Get(ctx, urlOrPath, &p); err != nil {
		return nil, err
	}
	return &p, nil
}

// NextPage fetches the page after p, or returns nil, nil when there is
// none. The next URL must belong to c's upstream; otherwise the result is
// an *Error of kind UnknownSource and nothing is requested.
func NextPage[T any](ctx context.Context, c *Client, p *Page[T]) (*Page[T], error) {
	if !p.HasNext() {
		return nil, nil
	}
	return GetPage[T](ctx, c, *p.Next)
}

// Walk calls fn for first and for every following page, up to maxPages pages
// in all (DefaultMaxPages when maxPages <= 0). It stops with an *Error of
// kind TooLarge when more pages remain after the bound, of kind
// UnknownSource when a next URL leaves the upstream, and of kind Other when
// a next URL repeats. An error from fn stops the walk and is returned.
func Walk[T any](ctx context.Context, c *Client, first *Page[T], maxPages int, fn func(*Page[T]) error) error {
	if maxPages <= 0 {
		maxPages = DefaultMaxPages
	}
	seen := make(map[string]bool)
	p := first
	for n := 1; ; n++ {
		if err := fn(p); err != nil {
			return err
		}
		if !p.HasNext() {
			return nil
		}
		next := *p.Next
		if n >= maxPages {
			return &Error{Op: "walk", Kind: TooLarge, Source: c.cfg.Name, URL: next,
				Detail: fmt.Sprintf("more than %d pages", maxPages)}
		}
		if seen[next] {
			return &Error{Op: "walk", Kind: Other, Source: c.cfg.Name, URL: next, Detail: "pagination loops"}
		}
		seen[next] = true
		var err error
		if p, err = GetPage[T](ctx, c, next); err != nil {
			return WithOp("walk", err)
		}
	}
}

// All collects the results of first and all following pages (see Walk for
// the bounds). On error the results collected so far are returned with it.
func All[T any](ctx context.Context, c *Client, first *Page[T], maxPages int) ([]T, error) {
	var out []T
	err := Walk(ctx, c, first, maxPages, func(p *Page[T]) error {
		out = append(out, p.Results...)
		return nil
	})
	return out, err
}

// GetAll fetches the list at urlOrPath and all its following pages.
func GetAll[T any](ctx context.Context, c *Client, urlOrPath string, maxPages int) ([]T, error) {
	first, err := GetPage[T](ctx, c, urlOrPath)
	if err != nil {
		return nil, err
	}
	return All(ctx, c, first, maxPages)
}
