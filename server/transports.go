package server

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
)

// gqlgen's transports answer a request they cannot read — a body that is
// not a GraphQL request, a malformed query string, a Content-Type no
// transport takes — with an error that has no extensions.code (and, for the
// last, no Content-Type). The transports here check what gqlgen's would
// refuse first and answer it like every other error of this server; what
// passes goes to gqlgen's transport unchanged.

// checkedPOST is transport.POST that refuses a body gqlgen could not decode
// with 400 BAD_REQUEST (without echoing the body back).
type checkedPOST struct{ transport.POST }

func (t checkedPOST) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeError(w, http.StatusBadRequest, "BAD_REQUEST", "could not read the request body")
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	// Decoded as gqlgen decodes it: the first JSON value, numbers kept.
	var p graphql.RawParams
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&p); err != nil {
		msg := "the body is not a GraphQL request (a JSON object with query, operationName, variables and extensions)"
		if len(bytes.TrimSpace(body)) == 0 {
			msg = "the request body is empty; send a JSON object with the query"
		} else if te, ok := err.(*json.UnmarshalTypeError); ok && te.Field != "" {
			msg = "the body is not a GraphQL request: " + te.Field + " must be " + wantJSON(te.Field)
		}
		writeError(w, http.StatusBadRequest, "BAD_REQUEST", msg)
		return
	}
	t.POST.Do(w, r, exec)
}

// checkedGET is transport.GET that refuses a malformed query string or
// variables or extensions that are not JSON objects with 400 BAD_REQUEST.
type checkedGET struct{ transport.GET }

func (t checkedGET) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		writeError(w, http.StatusBadRequest, "BAD_REQUEST", "the query string is malformed")
		return
	}
	for _, name := range []string{"variables", "extensions"} {
		v := q.Get(name)
		if v == "" {
			continue
		}
		var m map[string]any
		dec := json.NewDecoder(strings.NewReader(v))
		dec.UseNumber()
		if err := dec.Decode(&m); err != nil {
			writeError(w, http.StatusBadRequest, "BAD_REQUEST", name+" must be a JSON object")
			return
		}
	}
	t.GET.Do(w, r, exec)
}

// unsupportedTransport takes what no other transport took: a POST that is
// not application/json, or an upgrade (subscriptions are not served).
type unsupportedTransport struct{}

func (unsupportedTransport) Supports(*http.Request) bool { return true }

func (unsupportedTransport) Do(w http.ResponseWriter, r *http.Request, _ graphql.GraphExecutor) {
	if r.Header.Get("Upgrade") != "" {
		writeError(w, http.StatusBadRequest, "BAD_REQUEST", "protocol upgrades are not supported at this endpoint")
		return
	}
	ct := r.Header.Get("Content-Type")
	if mt, _, err := mime.ParseMediaType(ct); err == nil && mt == "application/json" {
		// POST supports every application/json request but upgrades.
		writeError(w, http.StatusBadRequest, "BAD_REQUEST", "unsupported request")
		return
	}
	writeError(w, http.StatusUnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
		"a POST to this endpoint must have Content-Type application/json")
}

// wantJSON names the JSON type a GraphQL request field must have.
func wantJSON(field string) string {
	switch field {
	case "query", "operationName":
		return "a string"
	case "variables", "extensions":
		return "an object"
	}
	if strings.HasPrefix(field, "variables.") || strings.HasPrefix(field, "extensions.") {
		return "valid JSON"
	}
	return "of another type"
}
