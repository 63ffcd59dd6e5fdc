package resolvers

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/klantgraaf/klantgraaf/loaders"
)

// zaakExpansions maps a selection on Zaak (and its sub-selection) to the
// Zaken API expand values that embed those objects in the zaak itself.
var zaakExpansions = map[string]struct {
	expand string
	nested map[string]string
}{
	"zaaktype":      {"zaaktype", nil},
	"status":        {"status", map[string]string{"statustype": "status.statustype"}},
	"resultaat":     {"resultaat", map[string]string{"resultaattype": "resultaat.resultaattype"}},
	"rollen":        {"rollen", map[string]string{"roltype": "rollen.roltype"}},
	"eigenschappen": {"eigenschappen", nil},
	"hoofdzaak":     {"hoofdzaak", nil},
}

// LookAhead is a gqlgen operation interceptor: before the operation runs it
// reads the whole selection (fragments included) and tells the request's
// loaders which related objects of zaken will be asked for, so every zaak
// fetch asks the Zaken API to embed them (expand) and they cost no extra
// request.
func LookAhead(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	if l := loaders.For(ctx); l != nil && oc != nil && oc.Operation != nil {
		set := map[string]bool{}
		visited := map[string]bool{}
		collectZaakExpand(oc.Operation.SelectionSet, set, visited)
		if len(set) > 0 {
			exp := make([]string, 0, len(set))
			for k := range set {
				exp = append(exp, k)
			}
			l.SetZaakExpand(exp)
		}
	}
	return next(ctx)
}

func collectZaakExpand(sel ast.SelectionSet, set map[string]bool, visited map[string]bool) {
	for _, s := range sel {
		switch s := s.(type) {
		case *ast.Field:
			if s.ObjectDefinition != nil && s.ObjectDefinition.Name == "Zaak" {
				if e, ok := zaakExpansions[s.Name]; ok {
					set[e.expand] = true
					for _, sub := range fieldNames(s.SelectionSet, map[string]bool{}) {
						if n, ok := e.nested[sub]; ok {
							set[n] = true
						}
					}
				}
			}
			collectZaakExpand(s.SelectionSet, set, visited)
		case *ast.InlineFragment:
			collectZaakExpand(s.SelectionSet, set, visited)
		case *ast.FragmentSpread:
			if s.Definition != nil && !visited[s.Name] {
				visited[s.Name] = true
				collectZaakExpand(s.Definition.SelectionSet, set, visited)
			}
		}
	}
}

// fieldNames lists the field names selected directly (through fragments).
func fieldNames(sel ast.SelectionSet, visited map[string]bool) []string {
	var out []string
	for _, s := range sel {
		switch s := s.(type) {
		case *ast.Field:
			out = append(out, s.Name)
		case *ast.InlineFragment:
			out = append(out, fieldNames(s.SelectionSet, visited)...)
		case *ast.FragmentSpread:
			if s.Definition != nil && !visited[s.Name] {
				visited[s.Name] = true
				out = append(out, fieldNames(s.Definition.SelectionSet, visited)...)
			}
		}
	}
	return out
}
