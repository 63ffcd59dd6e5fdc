package cache

import (
	"context"
	"fmt"
	"runtime/debug"
	"sync"
)

// Group collapses concurrent calls with the same key into one: while a fetch
// for a key runs, later callers wait for its result instead of fetching
// again. Use the cache key (Key) as the key, so only identical requests
// under the same authorization context are shared.
//
// Unlike golang.org/x/sync/singleflight, one caller going away does not fail
// the others: the fetch runs on its own goroutine with a context that keeps
// the first caller's values but is cancelled only when every caller waiting
// for it has gone. Each caller returns when the fetch is done or its own
// context ends, whichever is first.
//
// The zero Group is ready to use.
type Group[T any] struct {
	mu    sync.Mutex
	calls map[string]*groupCall[T]
}

type groupCall[T any] struct {
	done    chan struct{}
	val     T
	err     error
	waiters int
	cancel  context.CancelFunc
}

// Do returns the result of fn for key, running fn only if no call for key is
// already running. shared reports whether the result went to more than one
// caller (or, when this caller gave up, whether others were waiting too). If
// ctx ends first, Do returns ctx's error. A panic in fn becomes an error for
// every caller.
func (g *Group[T]) Do(ctx context.Context, key string, fn func(ctx context.Context) (T, error)) (v T, shared bool, err error) {
	if err := ctx.Err(); err != nil {
		return v, false, err
	}
	g.mu.Lock()
	if g.calls == nil {
		g.calls = make(map[string]*groupCall[T])
	}
	c := g.calls[key]
	if c != nil {
		c.waiters++
	} else {
		fctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
		c = &groupCall[T]{done: make(chan struct{}), waiters: 1, cancel: cancel}
		g.calls[key] = c
		go g.run(fctx, key, c, fn)
	}
	g.mu.Unlock()

	select {
	case <-c.done:
		g.mu.Lock()
		shared = c.waiters > 1
		g.mu.Unlock()
		return c.val, shared, c.err
	case <-ctx.Done():
		g.mu.Lock()
		shared = c.waiters > 1
		c.waiters--
		if c.waiters == 0 {
			c.cancel()
			if g.calls[key] == c {
				delete(g.calls, key)
			}
		}
		g.mu.Unlock()
		return v, shared, ctx.Err()
	}
}

func (g *Group[T]) run(ctx context.Context, key string, c *groupCall[T], fn func(context.Context) (T, error)) {
	defer func() {
		if p := recover(); p != nil {
			var zero T
			c.val, c.err = zero, fmt.Errorf("cache: fetch for %q panicked: %v\n%s", key, p, debug.Stack())
		}
		g.mu.Lock()
		if g.calls[key] == c {
			delete(g.calls, key)
		}
		g.mu.Unlock()
		c.cancel()
		close(c.done)
	}()
	c.val, c.err = fn(ctx)
}
