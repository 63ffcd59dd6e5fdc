package loaders

import (
	"context"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/klantgraaf/klantgraaf/model"
	"github.com/klantgraaf/klantgraaf/upstream"
)

// SourceCost is what one GraphQL request cost at one upstream.
type SourceCost struct {
	// Requests reached the provider (a 304 revalidation included).
	Requests    int     `json:"requests"`
	Errors      int     `json:"errors"`
	TimeMs      float64 `json:"timeMs"`
	L1          int     `json:"l1"`
	L2          int     `json:"l2"`
	Revalidated int     `json:"revalidated"`
	Stale       int     `json:"stale"`
	Shared      int     `json:"shared"`
}

// Cost is the extensions.cost of a GraphQL response.
type Cost struct {
	UpstreamRequests int                    `json:"upstreamRequests"`
	UpstreamTimeMs   float64                `json:"upstreamTimeMs"`
	CacheHits        map[string]int         `json:"cacheHits"`
	Sources          map[string]*SourceCost `json:"sources"`
}

// StaleServed names an answer served from cache past its TTL because its
// provider failed.
type StaleServed struct {
	Source string `json:"source"`
	URL    string `json:"url"`
}

type sourceCounter struct {
	SourceCost
	time    time.Duration
	lastErr string
}

// usage counts upstream requests and cache hits per source for one GraphQL
// request.
type usage struct {
	mu    sync.Mutex
	per   map[string]*sourceCounter
	stale []StaleServed
	// freshUntil is the earliest moment an answer used by the request stops
	// being fresh; unreusable is set when an answer may not be reused.
	freshUntil time.Time
	unreusable bool
}

func newUsage() *usage { return &usage{per: map[string]*sourceCounter{}} }

func (u *usage) record(c upstream.Call) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if c.FreshUntil.IsZero() {
		u.unreusable = true
	} else if u.freshUntil.IsZero() || c.FreshUntil.Before(u.freshUntil) {
		u.freshUntil = c.FreshUntil
	}
	sc := u.per[c.Source]
	if sc == nil {
		sc = &sourceCounter{}
		u.per[c.Source] = sc
	}
	switch c.Cache {
	case "l1":
		sc.L1++
		return
	case "l2":
		sc.L2++
		return
	case "shared":
		// Answered by a concurrent identical request's upstream call.
		sc.Shared++
		return
	case "stale":
		// The failed request was counted already; its stale answer is served.
		sc.Stale++
		u.stale = append(u.stale, StaleServed{Source: c.Source, URL: c.URL})
		return
	case "revalidated":
		sc.Revalidated++
	}
	sc.Requests++
	sc.time += c.Duration
	if c.Err != nil {
		sc.Errors++
		sc.lastErr = c.Err.Error()
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

// Cost reports what the request has cost so far.
func (l *Loaders) Cost() Cost {
	u := l.usage
	u.mu.Lock()
	defer u.mu.Unlock()
	c := Cost{CacheHits: map[string]int{"l1": 0, "l2": 0}, Sources: map[string]*SourceCost{}}
	for name, sc := range u.per {
		s := sc.SourceCost
		s.TimeMs = float64(sc.time.Microseconds()) / 1000
		c.Sources[name] = &s
		c.UpstreamRequests += s.Requests
		c.UpstreamTimeMs += s.TimeMs
		c.CacheHits["l1"] += s.L1
		c.CacheHits["l2"] += s.L2
	}
	return c
}

// Stale lists the answers served past their TTL, in order.
func (l *Loaders) Stale() []StaleServed {
	l.usage.mu.Lock()
	defer l.usage.mu.Unlock()
	out := append([]StaleServed(nil), l.usage.stale...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].URL < out[j].URL })
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

// FreshUntil reports until when everything this request read from the
// providers stays fresh; ok is false when something it read may not be
// reused (an uncached or failed request, a stale answer).
func (l *Loaders) FreshUntil() (until time.Time, ok bool) {
	l.usage.mu.Lock()
	defer l.usage.mu.Unlock()
	return l.usage.freshUntil, !l.usage.unreusable && len(l.usage.stale) == 0
}
