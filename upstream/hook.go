package upstream

import (
	"context"
	"time"
)

// Call describes one request made on behalf of a context.
type Call struct {
	Source   string
	Method   string
	URL      string
	Status   int
	Duration time.Duration
	Err      error
	// Cache says where the answer came from when a caching transport served
	// it: "l1", "l2", "revalidated" (a 304 refreshed a cached body) or
	// "stale" (served past its TTL because the provider failed); "" when
	// the provider answered.
	Cache string
	// FreshUntil is how long the answer may be reused (zero: not at all —
	// the request is not cached, or failed).
	FreshUntil time.Time
}

// RequestHook is told about every request sent on behalf of a context, so a
// caller can account what one inbound request cost upstream.
type RequestHook func(Call)

type hookKey struct{}

// WithRequestHook returns a context whose upstream requests are reported to h.
func WithRequestHook(ctx context.Context, h RequestHook) context.Context {
	return context.WithValue(ctx, hookKey{}, h)
}

func hookFrom(ctx context.Context) RequestHook {
	h, _ := ctx.Value(hookKey{}).(RequestHook)
	return h
}

// CacheHeader is the response header a caching transport sets to tell
// where an answer came from (see Call.Cache).
const CacheHeader = "X-Klantgraaf-Cache"
