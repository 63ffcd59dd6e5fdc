// Package render turns dataset rows into the JSON representations the
// simulated providers serve. It holds the renderings that more than one API
// needs: the Catalogi objects (a zaaktype is served by the Catalogi API and
// embedded by the Zaken API's expand) and the date formats.
package render

import (
	"time"

	"github.com/klantgraaf/klantgraaf/sim/data"
)

const (
	dateLayout     = "2006-01-02"
	dateTimeLayout = "2006-01-02T15:04:05Z"
	secondsPerDay  = 86400
)

// Date renders a calendar date as YYYY-MM-DD.
func Date(d data.Date) string {
	return time.Unix(int64(d)*secondsPerDay, 0).UTC().Format(dateLayout)
}

// NullDate renders a date, or nil (JSON null) for the unset value 0.
func NullDate(d data.Date) *string {
	if d == 0 {
		return nil
	}
	s := Date(d)
	return &s
}

// DateTime renders a moment as an RFC 3339 UTC timestamp.
func DateTime(t data.DateTime) string {
	return time.Unix(int64(t), 0).UTC().Format(dateTimeLayout)
}

// NullDateTime renders a moment, or nil for the unset value 0.
func NullDateTime(t data.DateTime) *string {
	if t == 0 {
		return nil
	}
	s := DateTime(t)
	return &s
}

// ParseDate parses YYYY-MM-DD.
func ParseDate(s string) (data.Date, bool) {
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return 0, false
	}
	return DateOf(t), true
}

// DateOf is the calendar date (UTC) of a time.
func DateOf(t time.Time) data.Date {
	u := t.UTC()
	return data.Date(time.Date(u.Year(), u.Month(), u.Day(), 0, 0, 0, 0, time.UTC).Unix() / secondsPerDay)
}

// ParseDateTime parses an RFC 3339 timestamp (with or without fractional
// seconds or zone; a missing zone is read as UTC, as the providers do).
func ParseDateTime(s string) (data.DateTime, bool) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return data.DateTime(t.Unix()), true
		}
	}
	return 0, false
}

// strs returns s, or an empty (non-nil) slice so it renders as [].
func strs(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
