package server

import (
	"encoding/json"
	"net/http"
)

// gqlErrorBody is a GraphQL response carrying only errors, the shape every
// error of this server has so that GraphQL clients can show it.
type gqlErrorBody struct {
	Errors []gqlError `json:"errors"`
}

type gqlError struct {
	Message    string         `json:"message"`
	Extensions map[string]any `json:"extensions,omitempty"`
}

// writeError writes a GraphQL-shaped error response.
func writeError(w http.ResponseWriter, status int, code, msg string) {
	body, _ := json.Marshal(gqlErrorBody{Errors: []gqlError{{Message: msg, Extensions: map[string]any{"code": code}}}})
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
