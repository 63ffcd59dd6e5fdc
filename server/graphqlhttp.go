package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/klantgraaf/klantgraaf/resolvers"
)

// GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/):
// overHTTP wraps the GET and POST transports so that the endpoint answers
// as the specification asks, which gqlgen's transports alone do not:
//
//   - A request error (the query does not parse or validate, a limit is
//     exceeded, variables do not coerce, a persisted query is unknown) has
//     no data entry. Its status is 400 when the client accepts
//     application/graphql-response+json and 200 when it is answered as
//     application/json — except a request without a query (400), a
//     mutation or subscription over GET (405, Allow: POST) and a query
//     refused in trusted-documents mode (403).
//   - A batch (a JSON array of operations) is refused with 400: one
//     operation per request.
//   - A body or query string that is not UTF-8, or a charset other than
//     utf-8, is refused (400, 415).
//
// The response's Content-Type follows Accept as gqlgen negotiates it:
// application/graphql-response+json when the client lists it before
// application/json, application/json otherwise (and for */* or no Accept).
type overHTTP struct {
	graphql.Transport
	get bool
}

const (
	mediaJSON            = "application/json"
	mediaGraphQLResponse = "application/graphql-response+json"
)

// negotiate picks the response media type as gqlgen's transports do.
func negotiate(r *http.Request) string {
	accept := r.Header.Get("Accept")
	if accept == "" {
		return mediaJSON
	}
	for part := range strings.SplitSeq(accept, ",") {
		mt, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		switch mt {
		case "*/*", "application/*", mediaJSON:
			return mediaJSON
		case mediaGraphQLResponse:
			return mediaGraphQLResponse
		}
	}
	return mediaGraphQLResponse
}

func (t overHTTP) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	media := negotiate(r)
	if t.get {
		if msg := checkGETQuery(r); msg != "" {
			writeError(w, http.StatusBadRequest, resolvers.CodeBadRequest, msg)
			return
		}
		if kind := getOperationKind(r); kind != "" {
			w.Header().Set("Allow", "POST")
			writeError(w, http.StatusMethodNotAllowed, resolvers.CodeMethodNotAllowed,
				"a "+kind+" cannot be sent with GET: use POST")
			return
		}
	} else if ok := checkPOSTBody(w, r); !ok {
		return
	}
	rec := &execRecorder{GraphExecutor: exec, get: t.get}
	cw := &requestErrorWriter{ResponseWriter: w, rec: rec}
	t.Transport.Do(cw, r, rec)
	if !rec.failed() {
		return
	}
	resp := rec.resp
	if resp == nil {
		resp = exec.DispatchError(graphql.WithOperationContext(r.Context(), &graphql.OperationContext{}), rec.errs)
	}
	writeRequestError(w, media, resp)
}

// checkGETQuery refuses a query string whose values are not UTF-8.
func checkGETQuery(r *http.Request) string {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return "" // checkedGET answers it
	}
	for _, name := range []string{"query", "operationName", "variables", "extensions"} {
		if !utf8.ValidString(q.Get(name)) {
			return "the " + name + " parameter is not valid UTF-8"
		}
	}
	return ""
}

// getOperationKind reports "mutation" or "subscription" when the query of
// a GET selects one (the operationName one, or the only one); "" for a
// query or a document it cannot tell from (gqlgen reports those).
func getOperationKind(r *http.Request) string {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil || q.Get("query") == "" {
		return ""
	}
	doc, perr := parser.ParseQueryWithTokenLimit(&ast.Source{Input: q.Get("query")}, MaxQueryTokens)
	if perr != nil {
		return ""
	}
	op := doc.Operations.ForName(q.Get("operationName"))
	if op == nil || op.Operation == ast.Query || op.Operation == "" {
		return ""
	}
	return string(op.Operation)
}

// checkPOSTBody refuses a body that is not UTF-8, a charset other than
// utf-8 and a batch. It reports whether the request may go on.
func checkPOSTBody(w http.ResponseWriter, r *http.Request) bool {
	if _, params, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err == nil {
		if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") && !strings.EqualFold(cs, "utf8") {
			writeError(w, http.StatusUnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
				"the request body must be UTF-8 (Content-Type charset="+strings.ToLower(cs)+" is not supported)")
			return false
		}
	}
	if r.Body == nil {
		return true
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeError(w, http.StatusBadRequest, resolvers.CodeBadRequest, "could not read the request body")
		return false
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	if !utf8.Valid(body) {
		writeError(w, http.StatusBadRequest, resolvers.CodeBadRequest, "the request body is not valid UTF-8")
		return false
	}
	if trimmed := bytes.TrimLeft(body, " \t\r\n"); len(trimmed) > 0 && trimmed[0] == '[' {
		writeError(w, http.StatusBadRequest, resolvers.CodeBadRequest,
			"batched operations (a JSON array) are not supported: send one operation per request")
		return false
	}
	return true
}

// execRecorder sees what the transport asks of the executor: it refuses a
// request without a query and a mutation over GET (given as a persisted
// query), and remembers a request error and its presented response.
type execRecorder struct {
	graphql.GraphExecutor
	get  bool
	errs gqlerror.List
	resp *graphql.Response
}

func (e *execRecorder) CreateOperationContext(ctx context.Context, p *graphql.RawParams) (*graphql.OperationContext, gqlerror.List) {
	if p.Query == "" && p.Extensions["persistedQuery"] == nil {
		e.errs = gqlerror.List{codedError(resolvers.CodeBadRequest, "the request has no query: send the GraphQL document as query")}
		return &graphql.OperationContext{}, e.errs
	}
	oc, errs := e.GraphExecutor.CreateOperationContext(ctx, p)
	if len(errs) == 0 && e.get && oc.Operation != nil && oc.Operation.Operation != ast.Query {
		errs = gqlerror.List{codedError(resolvers.CodeMethodNotAllowed, "a %s cannot be sent with GET: use POST", oc.Operation.Operation)}
	}
	if len(errs) > 0 {
		e.errs = errs
	}
	return oc, errs
}

func (e *execRecorder) DispatchError(ctx context.Context, list gqlerror.List) *graphql.Response {
	if len(e.errs) == 0 {
		e.errs = list
	}
	e.resp = e.GraphExecutor.DispatchError(ctx, list)
	return e.resp
}

func (e *execRecorder) failed() bool { return len(e.errs) > 0 }

// requestErrorWriter passes the transport's response through, unless it is
// a request error, which overHTTP writes itself.
type requestErrorWriter struct {
	http.ResponseWriter
	rec *execRecorder
}

func (w *requestErrorWriter) WriteHeader(code int) {
	if w.rec.failed() {
		return
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *requestErrorWriter) Write(p []byte) (int, error) {
	if w.rec.failed() {
		return len(p), nil
	}
	return w.ResponseWriter.Write(p)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *requestErrorWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// requestErrorStatus is the status of a request error answered as media.
func requestErrorStatus(media string, errs gqlerror.List) int {
	for _, e := range errs {
		switch code, _ := e.Extensions["code"].(string); code {
		case resolvers.CodeBadRequest:
			return http.StatusBadRequest
		case resolvers.CodeMethodNotAllowed:
			return http.StatusMethodNotAllowed
		case resolvers.CodeForbiddenQuery:
			return http.StatusForbidden
		}
	}
	if media == mediaGraphQLResponse {
		return http.StatusBadRequest
	}
	return http.StatusOK
}

// writeRequestError writes a response without a data entry.
func writeRequestError(w http.ResponseWriter, media string, resp *graphql.Response) {
	status := requestErrorStatus(media, resp.Errors)
	body, err := json.Marshal(struct {
		Errors     gqlerror.List  `json:"errors"`
		Extensions map[string]any `json:"extensions,omitempty"`
	}{resp.Errors, resp.Extensions})
	if err != nil {
		writeError(w, http.StatusInternalServerError, resolvers.CodeInternal, "internal error")
		return
	}
	h := w.Header()
	h.Set("Content-Type", media)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	if status == http.StatusMethodNotAllowed {
		h.Set("Allow", "POST")
	}
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
