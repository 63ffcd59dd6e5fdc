package model

import "fmt"

// InputError is a value from the caller that a scalar or enum of the schema
// does not accept (a date that is not YYYY-MM-DD, an unknown enum value).
// It reaches the caller as a BAD_USER_INPUT error.
type InputError struct{ Message string }

func (e *InputError) Error() string { return e.Message }

func inputErrorf(format string, args ...any) error {
	return &InputError{Message: fmt.Sprintf(format, args...)}
}
