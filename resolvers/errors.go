package resolvers

import (
	"context"
	"errors"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/klantgraaf/klantgraaf/loaders"
	"github.com/klantgraaf/klantgraaf/model"
	"github.com/klantgraaf/klantgraaf/upstream"
)

// Error codes in extensions.code.
const (
	CodeUpstreamUnavailable = "UPSTREAM_UNAVAILABLE"
	CodeUpstreamForbidden   = "UPSTREAM_FORBIDDEN"
	CodeUpstreamInvalid     = "UPSTREAM_INVALID_RESPONSE"
	CodeUpstreamRejected    = "UPSTREAM_REJECTED"
	CodeNotFound            = "NOT_FOUND"
	CodeUnknownSource       = "UNKNOWN_SOURCE"
	CodeBadUserInput        = "BAD_USER_INPUT"
	CodeInternal            = "INTERNAL"
	// CodeForbidden: the caller's roles may not read this field or object
	// (see Enforce).
	CodeForbidden = "FORBIDDEN"

	// Limits on a request (server/limits.go, server/apq.go,
	// server/ratelimit.go, loaders/budget.go); each message names the limit.
	CodeQueryTooDeep               = "QUERY_TOO_DEEP"
	CodeQueryTooComplex            = "QUERY_TOO_COMPLEX"
	CodeQueryTooLarge              = "QUERY_TOO_LARGE"
	CodeTooManyAliases             = "TOO_MANY_ALIASES"
	CodeTooManyRootFields          = "TOO_MANY_ROOT_FIELDS"
	CodeIntrospectionDisabled      = "INTROSPECTION_DISABLED"
	CodeRateLimited                = "RATE_LIMITED"
	CodeUpstreamBudgetExceeded     = "UPSTREAM_BUDGET_EXCEEDED"
	CodePersistedQueryNotFound     = "PERSISTED_QUERY_NOT_FOUND"
	CodePersistedQueryNotSupported = "PERSISTED_QUERY_NOT_SUPPORTED"
	CodeForbiddenQuery             = "FORBIDDEN_QUERY"
	CodeBadRequest                 = "BAD_REQUEST"
	CodeMethodNotAllowed           = "METHOD_NOT_ALLOWED"
)

// badInput is a user error with a clear message.
func badInput(format string, args ...any) error {
	return &loaders.UserError{Message: fmt.Sprintf(format, args...)}
}

// PresentError turns every error a resolver returns into a GraphQL error
// with extensions.code, and for upstream failures extensions.source,
// extensions.status and extensions.retryable. Messages never carry
// credentials; unexpected errors are reported without their internals.
func PresentError(ctx context.Context, err error) *gqlerror.Error {
	gerr := graphql.DefaultErrorPresenter(ctx, err)
	if gerr.Extensions == nil {
		gerr.Extensions = map[string]any{}
	}
	var ue *upstream.Error
	var user *loaders.UserError
	var nf *loaders.NotFoundError
	var input *model.InputError
	if be, ok := loaders.BudgetExceeded(ctx, err); ok {
		gerr.Message = be.Error()
		gerr.Extensions["code"] = CodeUpstreamBudgetExceeded
		gerr.Extensions["limit"] = be.Limit
		return gerr
	}
	switch {
	case errors.As(err, &ue):
		gerr.Message = ue.Error()
		gerr.Extensions["code"] = upstreamCode(ue)
		if ue.Source != "" {
			gerr.Extensions["source"] = ue.Source
		}
		if ue.Status != 0 {
			gerr.Extensions["status"] = ue.Status
		}
		gerr.Extensions["retryable"] = ue.Retryable
		if ue.Kind == upstream.UnknownSource && ue.URL != "" {
			gerr.Extensions["url"] = ue.URL
		}
	case errors.As(err, &nf):
		gerr.Message = nf.Error()
		gerr.Extensions["code"] = CodeNotFound
		if nf.Source != "" {
			gerr.Extensions["source"] = nf.Source
		}
	case errors.As(err, &user):
		gerr.Message = user.Message
		gerr.Extensions["code"] = CodeBadUserInput
	case errors.As(err, &input):
		// A scalar or enum refused an argument (see model.InputError).
		gerr.Extensions["code"] = CodeBadUserInput
	default:
		if _, ok := gerr.Extensions["code"]; !ok {
			var perr *gqlerror.Error
			if !errors.As(err, &perr) {
				// Not a GraphQL validation or parse error: an internal failure.
				gerr.Message = "internal error"
				gerr.Extensions["code"] = CodeInternal
			}
		}
	}
	return gerr
}

func upstreamCode(e *upstream.Error) string {
	switch e.Kind {
	case upstream.Unavailable:
		return CodeUpstreamUnavailable
	case upstream.Forbidden:
		return CodeUpstreamForbidden
	case upstream.NotFound:
		return CodeNotFound
	case upstream.UnknownSource:
		return CodeUnknownSource
	case upstream.TooLarge, upstream.Decode:
		return CodeUpstreamInvalid
	case upstream.BadRequest:
		return CodeUpstreamRejected
	}
	return CodeUpstreamRejected
}
