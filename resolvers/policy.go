package resolvers

import (
	"context"
	"reflect"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/klantgraaf/klantgraaf/model"
	"github.com/klantgraaf/klantgraaf/policy"
)

// Enforce is a gqlgen field middleware that applies the caller's grant
// (policy.GrantFrom, set by the authentication middleware) to every field
// resolved, so it holds however a field is reached — aliases, named and
// inline fragments, node(id:), variables:
//
//   - a root field or object type the caller's roles may not read, and a
//     field with the rule deny, is null with a FORBIDDEN error, and is not
//     resolved at all (no upstream request);
//   - a field with the rule mask is resolved and returned masked
//     ("*****0019");
//   - zaken and documents above the caller's clearance are left out of
//     lists and connections (totalCount is lowered by the number left out
//     of the page) and are null with a FORBIDDEN error when asked for
//     directly; the object behind node(id:) must be of an allowed type.
//
// A request without a grant may read nothing. Introspection is not
// affected (it has its own switch).
func Enforce(ctx context.Context, next graphql.Resolver) (any, error) {
	g := policy.GrantFrom(ctx)
	if g != nil && g.Open() {
		return next(ctx)
	}
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Field == nil || strings.HasPrefix(fc.Field.Name, "__") || strings.HasPrefix(fc.Object, "__") {
		return next(ctx)
	}
	if g == nil {
		return nil, forbidden("the request carries no authorization")
	}
	d := g.Decide(fc.Object, fc.Field.Name)
	if d == nil {
		return next(ctx)
	}
	if d.Rule == policy.Deny {
		return nil, forbidden(d.Reason)
	}
	if id, ok := fc.Args["id"].(string); ok && d.CheckType {
		// node(id:): the id names the type, so a refused one is not fetched.
		if typ, _, err := model.ParseID(id); err == nil && !g.TypeAllowed(typ) {
			return nil, forbidden(g.TypeReason(typ))
		}
	}
	res, err := next(ctx)
	if err != nil || isNil(res) {
		return res, err
	}
	if d.Rule == policy.Mask {
		res = maskValue(res)
	}
	if n, ok := res.(model.Node); ok && d.CheckType {
		typ, _, err := model.ParseID(n.ID())
		if err != nil || !g.TypeAllowed(typ) {
			return nil, forbidden(g.TypeReason(typ))
		}
	}
	if d.CheckLevel {
		return withhold(g, res)
	}
	return res, nil
}

// isNil reports whether v is nil or a nil pointer (a resolver may return a
// typed nil for an absent object).
func isNil(v any) bool {
	if v == nil {
		return true
	}
	rv := reflect.ValueOf(v)
	return rv.Kind() == reflect.Pointer && rv.IsNil()
}

func forbidden(msg string) error {
	return &gqlerror.Error{Message: "forbidden: " + msg, Extensions: map[string]any{"code": CodeForbidden}}
}

// maskValue masks a string result, keeping its Go type.
func maskValue(v any) any {
	switch s := v.(type) {
	case string:
		return policy.MaskString(s)
	case *string:
		if s == nil {
			return s
		}
		m := policy.MaskString(*s)
		return &m
	}
	return v
}

// withhold applies the clearance to a result: a single zaak or document
// the caller may not see becomes an error, lists and connections lose their
// hidden members.
func withhold(g *policy.Grant, v any) (any, error) {
	switch x := v.(type) {
	case *model.Zaak:
		if x != nil && !g.Cleared(x.Vertrouwelijkheidaanduiding) {
			return nil, forbidden(g.LevelReason("zaak", x.Vertrouwelijkheidaanduiding))
		}
	case *model.Document:
		if x != nil && !g.Cleared(x.Vertrouwelijkheidaanduiding) {
			return nil, forbidden(g.LevelReason("document", x.Vertrouwelijkheidaanduiding))
		}
	case []*model.Zaak:
		return keep(x, func(z *model.Zaak) bool { return g.Cleared(z.Vertrouwelijkheidaanduiding) }), nil
	case []*model.Document:
		return keep(x, func(d *model.Document) bool { return g.Cleared(d.Vertrouwelijkheidaanduiding) }), nil
	case *model.ZaakConnection:
		if x == nil {
			return x, nil
		}
		c := *x
		c.Edges = keep(x.Edges, func(e *model.ZaakEdge) bool { return e.Node == nil || g.Cleared(e.Node.Vertrouwelijkheidaanduiding) })
		c.TotalCount = max(0, x.TotalCount-(len(x.Edges)-len(c.Edges)))
		return &c, nil
	}
	return v, nil
}

// keep returns the members of items for which ok holds (nil members, left
// by failed loads, stay); items itself when nothing is left out.
func keep[T any](items []*T, ok func(*T) bool) []*T {
	for i, it := range items {
		if it != nil && !ok(it) {
			out := append([]*T(nil), items[:i]...)
			for _, rest := range items[i+1:] {
				if rest == nil || ok(rest) {
					out = append(out, rest)
				}
			}
			return out
		}
	}
	return items
}
