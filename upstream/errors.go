package upstream

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/http"
	"strings"
)

// Kind classifies an upstream failure.
type Kind uint8

// The kinds of upstream failure.
const (
	// Other is a failure that fits no other kind (e.g. 409, 412, 415).
	Other Kind = iota
	// Unavailable: connection error, timeout, 5xx or 429.
	Unavailable
	// Forbidden: 401 or 403.
	Forbidden
	// NotFound: 404 or 410.
	NotFound
	// BadRequest: 400, typically with invalidParams.
	BadRequest
	// UnknownSource: the URL does not belong to a configured upstream (or a
	// redirect tried to leave it). No request was sent.
	UnknownSource
	// TooLarge: the response body exceeded MaxResponseBytes, or a page walk
	// exceeded its page bound.
	TooLarge
	// Decode: the body was not JSON, or not of the expected shape.
	Decode
)

var kindNames = [...]string{
	Other:         "other",
	Unavailable:   "unavailable",
	Forbidden:     "forbidden",
	NotFound:      "not found",
	BadRequest:    "bad request",
	UnknownSource: "unknown source",
	TooLarge:      "too large",
	Decode:        "decode",
}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", uint8(k))
}

// InvalidParam is one entry of a ValidatieFout's invalidParams.
type InvalidParam struct {
	Name   string `json:"name"`
	Code   string `json:"code"`
	Reason string `json:"reason"`
}

// Problem is the application/problem+json body (Fout / ValidatieFout).
type Problem struct {
	Type          string         `json:"type,omitempty"`
	Code          string         `json:"code,omitempty"`
	Title         string         `json:"title,omitempty"`
	Status        int            `json:"status,omitempty"`
	Detail        string         `json:"detail,omitempty"`
	Instance      string         `json:"instance,omitempty"`
	InvalidParams []InvalidParam `json:"invalidParams,omitempty"`
}

// Error is the error returned for every failed upstream interaction.
type Error struct {
	Op     string // operation, e.g. "zaken.Get" or "GET"
	Kind   Kind
	Source string // upstream name
	Method string
	URL    string
	Status int // HTTP status, 0 when no response was received

	// Fields of the problem+json body, when there was one.
	Type          string
	Code          string
	Title         string
	Detail        string
	Instance      string
	InvalidParams []InvalidParam

	// Retryable reports whether repeating the same request may succeed.
	Retryable bool
	// Err is the underlying error, if any.
	Err error
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.Op != "" {
		b.WriteString(e.Op)
		b.WriteString(": ")
	}
	if e.Source != "" {
		b.WriteString(e.Source)
		b.WriteString(": ")
	}
	b.WriteString(e.Kind.String())
	if e.Status != 0 {
		fmt.Fprintf(&b, " (HTTP %d", e.Status)
		if e.Code != "" {
			b.WriteString(" " + e.Code)
		}
		b.WriteString(")")
	}
	if e.URL != "" {
		b.WriteString(" " + e.URL)
	}
	if msg := firstNonEmpty(e.Detail, e.Title); msg != "" {
		b.WriteString(": " + msg)
	}
	for _, p := range e.InvalidParams {
		fmt.Fprintf(&b, "; %s: %s", p.Name, p.Reason)
	}
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// KindOf returns the Kind of err if it is (or wraps) an *Error, else Other.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return Other
}

// IsKind reports whether err is (or wraps) an *Error of kind k.
func IsKind(err error, k Kind) bool {
	var e *Error
	return errors.As(err, &e) && e.Kind == k
}

// WithOp sets the operation name of err when it is an *Error without one
// (or with the generic one set by Do) and returns err.
func WithOp(op string, err error) error {
	var e *Error
	if errors.As(err, &e) {
		e.Op = op
	}
	return err
}

// KindForStatus maps a non-2xx, non-304 HTTP status to a Kind, and whether
// the request may be retried.
func KindForStatus(status int) (Kind, bool) {
	switch {
	case status == http.StatusTooManyRequests:
		return Unavailable, true
	case status >= 500:
		return Unavailable, true
	case status == http.StatusBadRequest:
		return BadRequest, false
	case status == http.StatusUnauthorized, status == http.StatusForbidden:
		return Forbidden, false
	case status == http.StatusNotFound, status == http.StatusGone:
		return NotFound, false
	}
	return Other, false
}

// CheckResponse returns nil for a 2xx or 304 response and an *Error for
// anything else, filled from an application/problem+json body when present.
func CheckResponse(r *Response) error {
	if r.StatusCode >= 200 && r.StatusCode < 300 || r.StatusCode == http.StatusNotModified {
		return nil
	}
	kind, retry := KindForStatus(r.StatusCode)
	e := &Error{
		Op:        r.Method,
		Kind:      kind,
		Source:    r.Source,
		Method:    r.Method,
		URL:       r.URL,
		Status:    r.StatusCode,
		Retryable: retry,
	}
	if p, ok := parseProblem(r.Header.Get("Content-Type"), r.Body); ok {
		e.Type, e.Code, e.Title, e.Detail, e.Instance = p.Type, p.Code, p.Title, p.Detail, p.Instance
		e.InvalidParams = p.InvalidParams
	} else {
		e.Title = http.StatusText(r.StatusCode)
	}
	return e
}

// parseProblem decodes a Fout/ValidatieFout body. It accepts
// application/problem+json and application/json, and the "invalid-params"
// spelling used by the webhook spec.
func parseProblem(contentType string, body []byte) (Problem, bool) {
	if len(body) == 0 || !isJSONContentType(contentType) {
		return Problem{}, false
	}
	var p struct {
		Problem
		InvalidParamsAlt []InvalidParam `json:"invalid-params"`
	}
	if err := json.Unmarshal(body, &p); err != nil {
		return Problem{}, false
	}
	if len(p.InvalidParams) == 0 {
		p.InvalidParams = p.InvalidParamsAlt
	}
	return p.Problem, true
}

// isJSONContentType accepts application/json and any application/*+json.
func isJSONContentType(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return false
	}
	return mt == "application/json" || (strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json"))
}

// transportError classifies a failure of the HTTP round trip itself.
func (c *Client) transportError(req *http.Request, parent context.Context, err error) *Error {
	e := &Error{Op: req.Method, Source: c.cfg.Name, Method: req.Method, URL: req.URL.String(), Err: err}
	switch {
	case errors.Is(err, errRedirectRefused):
		e.Kind = UnknownSource
		e.Detail = "redirect to a location outside the upstream refused"
	case errors.Is(err, errTooManyRedirects):
		e.Kind = Other
		e.Detail = "too many redirects"
	case parent.Err() != nil:
		// The caller's own context ended; repeating the same call under it
		// cannot help.
		e.Kind = Unavailable
		e.Detail = "caller context ended: " + parent.Err().Error()
	default:
		e.Kind = Unavailable
		e.Retryable = true
		var ne net.Error
		if errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout() {
			e.Detail = "timeout"
		} else {
			e.Detail = "connection failed"
		}
	}
	return e
}
