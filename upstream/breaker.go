package upstream

import (
	"errors"
	"net/http"

	"github.com/sony/gobreaker/v2"
)

// Breaker states as reported by (*Client).BreakerState.
const (
	BreakerClosed   = "closed"
	BreakerOpen     = "open"
	BreakerHalfOpen = "half-open"
)

// callerGaveUp marks the outcome of a request whose caller's context ended
// before the upstream answered: it says nothing about the upstream and
// counts neither way.
type callerGaveUp struct{ err error }

func (e *callerGaveUp) Error() string { return e.err.Error() }
func (e *callerGaveUp) Unwrap() error { return e.err }

func newBreaker(u Upstream) *gobreaker.CircuitBreaker[*Response] {
	failures := uint32(u.Breaker.Failures)
	return gobreaker.NewCircuitBreaker[*Response](gobreaker.Settings{
		Name:        u.Name,
		MaxRequests: uint32(u.Breaker.HalfOpenProbes),
		Timeout:     u.Breaker.OpenTimeout,
		ReadyToTrip: func(c gobreaker.Counts) bool { return c.ConsecutiveFailures >= failures },
		// Only an unavailable upstream is a failure; a 404, 400, 401 or an
		// answer that does not decode shows it is there.
		IsSuccessful: func(err error) bool { return err == nil || KindOf(err) != Unavailable },
		IsExcluded: func(err error) bool {
			var g *callerGaveUp
			return errors.As(err, &g)
		},
	})
}

// BreakerState returns the state of the upstream's circuit breaker:
// "closed" (requests flow), "open" (requests fail fast without being sent)
// or "half-open" (a probe decides).
func (c *Client) BreakerState() string {
	switch c.breaker.State() {
	case gobreaker.StateOpen:
		return BreakerOpen
	case gobreaker.StateHalfOpen:
		return BreakerHalfOpen
	}
	return BreakerClosed
}

// guarded runs the attempts of req through the circuit breaker. While the
// breaker is open (or half open with its probes taken) it fails fast with
// an *Error of kind Unavailable, retryable, Detail "circuit open".
func (c *Client) guarded(req *http.Request, v any) (*Response, error) {
	r, err := c.breaker.Execute(func() (*Response, error) {
		r, err := c.attempts(req, v)
		if err != nil && req.Context().Err() != nil {
			return r, &callerGaveUp{err}
		}
		return r, err
	})
	var g *callerGaveUp
	if errors.As(err, &g) {
		err = g.err
	}
	if errors.Is(err, gobreaker.ErrOpenState) || errors.Is(err, gobreaker.ErrTooManyRequests) {
		return nil, &Error{Op: req.Method, Kind: Unavailable, Source: c.cfg.Name, Method: req.Method, URL: req.URL.String(),
			Retryable: true, Detail: "circuit open"}
	}
	return r, err
}
