package upstream

import (
	"context"
	"errors"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// idempotentRead reports whether req only reads and may therefore be
// repeated: GET, HEAD and the POST …/_zoek searches.
func idempotentRead(req *http.Request) bool {
	switch req.Method {
	case http.MethodGet, http.MethodHead:
		return true
	case http.MethodPost:
		return strings.HasSuffix(req.URL.Path, "/_zoek")
	}
	return false
}

// maxAttempts is how often req may be sent: once, unless it is an
// idempotent read whose body (if any) can be produced again.
func (c *Client) maxAttempts(req *http.Request) int {
	if !idempotentRead(req) {
		return 1
	}
	if req.Body != nil && req.Body != http.NoBody && req.GetBody == nil {
		return 1
	}
	return c.cfg.Retry.MaxAttempts
}

// attempts sends req up to maxAttempts times. A further attempt follows only
// a connection error (not a timeout: the upstream had its Timeout) or a 502,
// 503, 504 or 429, after a jittered exponential backoff or the Retry-After
// the upstream asked for, whichever is longer. When that wait exceeds
// Retry.MaxDelay or would end past the request's deadline, the last
// (retryable) error is returned at once.
func (c *Client) attempts(req *http.Request, v any) (*Response, error) {
	parent := req.Context()
	limit := c.maxAttempts(req)
	for n := 1; ; n++ {
		r, err := c.attempt(req, v, n)
		if err == nil || n >= limit {
			return r, err
		}
		after, ok := retryableOutcome(r, err, c.now())
		if !ok {
			return r, err
		}
		if after > c.cfg.Retry.MaxDelay {
			return r, err
		}
		wait := max(c.backoff(n), after)
		if dl, ok := parent.Deadline(); ok && time.Until(dl) <= wait {
			return r, err
		}
		if c.sleep(parent, wait) != nil {
			return r, err
		}
	}
}

// backoff is the jittered wait before retry n (n = 1 for the first retry):
// BaseDelay·2^(n-1), capped at MaxDelay, of which a random half is taken
// off.
func (c *Client) backoff(n int) time.Duration {
	d := c.cfg.Retry.BaseDelay
	for i := 1; i < n && d < c.cfg.Retry.MaxDelay; i++ {
		d *= 2
	}
	d = min(d, c.cfg.Retry.MaxDelay)
	half := d / 2
	return half + rand.N(d-half+1)
}

// retryableOutcome reports whether a failed attempt may be repeated, and
// how long the upstream asked to wait first (Retry-After, 0 if absent).
func retryableOutcome(r *Response, err error, now time.Time) (time.Duration, bool) {
	var ue *Error
	if !errors.As(err, &ue) || ue.Kind != Unavailable || !ue.Retryable {
		return 0, false
	}
	if ue.Status != 0 {
		switch ue.Status {
		case http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		default:
			return 0, false
		}
		if r != nil {
			if d, ok := parseRetryAfter(r.Header.Get("Retry-After"), now); ok {
				return d, true
			}
		}
		return 0, true
	}
	if isTimeout(ue.Err) {
		return 0, false
	}
	return 0, true
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout()
}

// maxRetryAfter bounds a parsed Retry-After so that it cannot overflow.
const maxRetryAfter = 24 * time.Hour

// parseRetryAfter reads a Retry-After header: delay-seconds or an
// HTTP-date (relative to now).
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		if secs > int64(maxRetryAfter/time.Second) {
			return maxRetryAfter, true
		}
		return time.Duration(secs) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return min(max(t.Sub(now), 0), maxRetryAfter), true
}

// sleepCtx waits d or until ctx ends, whichever comes first.
func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
