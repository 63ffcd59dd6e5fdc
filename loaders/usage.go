package loaders

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/klantgraaf/klantgraaf/model"
)

// SourceUsage is what one request cost at one upstream.
type SourceUsage struct {
	Requests int           `json:"requests"`
	Errors   int           `json:"errors"`
	Time     time.Duration `json:"-"`
	TimeMs   float64       `json:"timeMs"`
}

type sourceCounter struct {
	requests int
	errors   int
	time     time.Duration
	lastErr  string
}

// usage counts upstream requests per source for one GraphQL request.
type usage struct {
	mu  sync.Mutex
	per map[string]*sourceCounter
}

func newUsage() *usage { return &usage{per: map[string]*sourceCounter{}} }

func (u *usage) record(source string, d time.Duration, err error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	c := u.per[source]
	if c == nil {
		c = &sourceCounter{}
		u.per[source] = c
	}
	c.requests++
	c.time += d
	if err != nil {
		c.errors++
		c.lastErr = err.Error()
	}
}

func (u *usage) get(source string) *sourceCounter {
	u.mu.Lock()
	defer u.mu.Unlock()
	if c := u.per[source]; c != nil {
		cp := *c
		return &cp
	}
	return nil
}

func (u *usage) snapshot() map[string]SourceUsage {
	u.mu.Lock()
	defer u.mu.Unlock()
	out := make(map[string]SourceUsage, len(u.per))
	for k, c := range u.per {
		out[k] = SourceUsage{Requests: c.requests, Errors: c.errors, Time: c.time, TimeMs: float64(c.time.Microseconds()) / 1000}
	}
	return out
}

// memo runs a computation once per key per request; concurrent callers of
// the same key wait for the first one's result.
type memo struct {
	m sync.Map // key → *memoEntry
}

type memoEntry struct {
	done  chan struct{}
	val   any
	errs  []error
	ready atomic.Bool
}

func (m *memo) do(ctx context.Context, key string, f func() (any, []error)) (any, []error) {
	e := &memoEntry{done: make(chan struct{})}
	if actual, loaded := m.m.LoadOrStore(key, e); loaded {
		e = actual.(*memoEntry)
		select {
		case <-e.done:
			return e.val, e.errs
		case <-ctx.Done():
			return nil, []error{ctx.Err()}
		}
	}
	e.val, e.errs = f()
	e.ready.Store(true)
	close(e.done)
	return e.val, e.errs
}

func timeUnix(t model.DateTime) int64 { return time.Time(t).Unix() }
