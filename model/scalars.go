// Package model holds klantgraaf's provider-neutral domain types: what the
// GraphQL schema returns, whichever provider or provider generation the data
// came from. Fields holding URLs of related objects are not in the schema;
// resolvers follow them through the loaders.
package model

import (
	"io"
	"strconv"
	"time"
)

// Date is a calendar date, YYYY-MM-DD.
type Date string

// MarshalGQL writes the date as a string.
func (d Date) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(d))) }

// UnmarshalGQL accepts a YYYY-MM-DD string.
func (d *Date) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok {
		return inputErrorf("Date must be a string YYYY-MM-DD")
	}
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return inputErrorf("Date %q is not YYYY-MM-DD", s)
	}
	*d = Date(s)
	return nil
}

// DateTime is a moment in time.
type DateTime time.Time

// MarshalGQL writes RFC 3339 in UTC.
func (t DateTime) MarshalGQL(w io.Writer) {
	_, _ = io.WriteString(w, strconv.Quote(time.Time(t).UTC().Format(time.RFC3339)))
}

// UnmarshalGQL accepts RFC 3339.
func (t *DateTime) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok {
		return inputErrorf("DateTime must be an RFC 3339 string")
	}
	p, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return inputErrorf("DateTime %q is not RFC 3339 (e.g. 2025-03-14T09:30:00Z)", s)
	}
	*t = DateTime(p)
	return nil
}

// ParseDateTime reads the date-time formats the providers send (RFC 3339
// with or without fraction or zone); ok is false for empty or bad input.
func ParseDateTime(s string) (*DateTime, bool) {
	if s == "" {
		return nil, false
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999", "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			dt := DateTime(t)
			return &dt, true
		}
	}
	return nil, false
}

// ParseDate keeps the date part of a provider date or date-time.
func ParseDate(s string) *Date {
	if len(s) < 10 {
		return nil
	}
	if _, err := time.Parse("2006-01-02", s[:10]); err != nil {
		return nil
	}
	d := Date(s[:10])
	return &d
}
