package loaders

import "fmt"

// UserError is a problem with the caller's input.
type UserError struct{ Message string }

func (e *UserError) Error() string { return e.Message }

// NotFoundError says an object does not exist at its provider (or is not
// visible to the gateway's credential there).
type NotFoundError struct {
	Source string
	URL    string
}

func (e *NotFoundError) Error() string {
	return fmt.Sprintf("%s: not found: %s", e.Source, e.URL)
}
