package upstream

import (
	"context"
	"time"
)

// RequestHook is told about every request sent on behalf of a context, so a
// caller can account what one inbound request cost upstream.
type RequestHook func(source, method, url string, status int, dur time.Duration, err error)

type hookKey struct{}

// WithRequestHook returns a context whose upstream requests are reported to h.
func WithRequestHook(ctx context.Context, h RequestHook) context.Context {
	return context.WithValue(ctx, hookKey{}, h)
}

func hookFrom(ctx context.Context) RequestHook {
	h, _ := ctx.Value(hookKey{}).(RequestHook)
	return h
}
