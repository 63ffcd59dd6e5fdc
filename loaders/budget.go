package loaders

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"

	"github.com/klantgraaf/klantgraaf/upstream"
)

// BudgetError is the cause of the calls refused once a GraphQL request has
// made as many upstream requests as Options.Budget allows.
type BudgetError struct {
	// Limit is the number of upstream requests one GraphQL request may make.
	Limit int
}

func (e *BudgetError) Error() string {
	return fmt.Sprintf("upstream request budget exhausted: a query may make at most %d upstream requests (limits.maxUpstreamRequests); ask for fewer objects or relations", e.Limit)
}

// budget counts the upstream requests of one GraphQL request. When the
// count reaches the limit it cancels the request's context with a
// *BudgetError as the cause, so every further upstream call fails at once
// without being sent (calls in flight at that moment are cut off). Answers
// from the cache cost nothing.
type budget struct {
	limit  int64
	used   atomic.Int64
	cancel context.CancelCauseFunc
	err    *BudgetError
}

// withBudget returns the context and request hook of one GraphQL request:
// record, wrapped so that it also counts against Options.Budget (when set).
// A call refused because the budget is spent is not passed on to record:
// it never reached the provider.
func (f *Fetcher) withBudget(ctx context.Context, record upstream.RequestHook) (context.Context, upstream.RequestHook) {
	if f.opts.Budget <= 0 {
		return ctx, record
	}
	b := &budget{limit: int64(f.opts.Budget), err: &BudgetError{Limit: f.opts.Budget}}
	ctx, b.cancel = context.WithCancelCause(ctx)
	return ctx, func(c upstream.Call) {
		if c.Err != nil && ctx.Err() != nil && context.Cause(ctx) == error(b.err) && refusedByBudget(c.Err) {
			return
		}
		record(c)
		if !sentUpstream(c) {
			return
		}
		if b.used.Add(1) == b.limit {
			b.cancel(b.err)
		}
	}
}

// sentUpstream reports whether a call reached the provider (a 304
// revalidation included) rather than being answered from the cache.
func sentUpstream(c upstream.Call) bool {
	switch c.Cache {
	case "", upstream.CacheRevalidated:
		return true
	}
	return false
}

// refusedByBudget reports whether err is a call cut off by the budget's
// cancellation.
func refusedByBudget(err error) bool {
	var be *BudgetError
	return errors.As(err, &be) || errors.Is(err, context.Canceled)
}

// BudgetExceeded reports the *BudgetError behind err when err is a call
// that failed because the GraphQL request of ctx spent its upstream budget.
func BudgetExceeded(ctx context.Context, err error) (*BudgetError, bool) {
	var be *BudgetError
	if !errors.As(context.Cause(ctx), &be) {
		return nil, false
	}
	if errors.As(err, new(*BudgetError)) || errors.Is(err, context.Canceled) {
		return be, true
	}
	return nil, false
}
