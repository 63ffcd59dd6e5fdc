package sim

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Fault modes an instance can be put in.
const (
	FaultNone         = "none"
	FaultDown         = "down"         // connection refused
	FaultSlow         = "slow"         // extra delay before answering
	FaultStatus       = "status"       // answer Status (500/502/503/...) with a problem body
	FaultRateLimit    = "ratelimit"    // 429 with Retry-After
	FaultMalformed    = "malformed"    // 200 with truncated JSON
	FaultWrongType    = "wrongtype"    // 200 with text/html
	FaultOversized    = "oversized"    // 200 with a huge JSON body
	FaultRedirect     = "redirect"     // 302 to RedirectTo (another host)
	FaultUnauthorized = "unauthorized" // 401
	FaultForbidden    = "forbidden"    // 403
)

// Duration is a time.Duration that reads and writes as a Go duration string.
type Duration time.Duration

// MarshalJSON writes e.g. "250ms".
func (d Duration) MarshalJSON() ([]byte, error) { return json.Marshal(time.Duration(d).String()) }

// UnmarshalJSON accepts "250ms" or a number of milliseconds.
func (d *Duration) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		v, err := time.ParseDuration(s)
		if err != nil {
			return err
		}
		*d = Duration(v)
		return nil
	}
	var ms float64
	if err := json.Unmarshal(b, &ms); err != nil {
		return fmt.Errorf("duration: want a string like \"250ms\" or milliseconds")
	}
	*d = Duration(time.Duration(ms * float64(time.Millisecond)))
	return nil
}

// Fault is a misbehaviour injected into one instance.
type Fault struct {
	Instance   string   `json:"instance"`
	Mode       string   `json:"mode"`
	Status     int      `json:"status,omitempty"`
	Delay      Duration `json:"delay,omitempty"`
	RetryAfter int      `json:"retryAfter,omitempty"` // seconds
	RedirectTo string   `json:"redirectTo,omitempty"`
	Size       int64    `json:"size,omitempty"` // bytes, for oversized
	// Count limits the fault to the next Count requests; 0 = until cleared.
	Count int `json:"count,omitempty"`
	// PathContains limits the fault to requests whose path contains it.
	PathContains string `json:"pathContains,omitempty"`
}

func (f *Fault) validate() error {
	switch f.Mode {
	case FaultNone, FaultDown, FaultMalformed, FaultWrongType, FaultUnauthorized, FaultForbidden:
	case FaultSlow:
		if f.Delay <= 0 {
			return fmt.Errorf("fault %q: delay must be positive", f.Mode)
		}
	case FaultStatus:
		if f.Status < 400 || f.Status > 599 {
			return fmt.Errorf("fault %q: status must be 400..599", f.Mode)
		}
	case FaultRateLimit:
		if f.RetryAfter < 0 {
			return fmt.Errorf("fault %q: retryAfter must be >= 0", f.Mode)
		}
	case FaultOversized:
		if f.Size <= 0 {
			f.Size = 64 << 20
		}
	case FaultRedirect:
		if !strings.HasPrefix(f.RedirectTo, "http://") && !strings.HasPrefix(f.RedirectTo, "https://") {
			return fmt.Errorf("fault %q: redirectTo must be an http(s) URL", f.Mode)
		}
	default:
		return fmt.Errorf("unknown fault mode %q (want none, down, slow, status, ratelimit, malformed, wrongtype, oversized, redirect, unauthorized, forbidden)", f.Mode)
	}
	if f.Count < 0 {
		return fmt.Errorf("fault %q: count must be >= 0", f.Mode)
	}
	return nil
}
