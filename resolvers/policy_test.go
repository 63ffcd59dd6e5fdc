package resolvers

import (
	"context"
	"errors"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/klantgraaf/klantgraaf/graph"
	"github.com/klantgraaf/klantgraaf/model"
	"github.com/klantgraaf/klantgraaf/policy"
)

func analistCtx(t *testing.T) context.Context {
	t.Helper()
	p, err := policy.New(&policy.Spec{Roles: map[string]policy.RoleSpec{
		"analist": {RootFields: []string{"*"}, Types: []string{"*"}, Fields: map[string]string{"Klant.telefoonnummer": "mask"}, MaxVertrouwelijkheid: "intern"},
	}}, graph.NewExecutableSchema(graph.Config{}).Schema())
	if err != nil {
		t.Fatal(err)
	}
	return policy.WithGrant(context.Background(), p.Grant([]string{"analist"}))
}

func field(ctx context.Context, object, name string) context.Context {
	return graphql.WithFieldContext(ctx, &graphql.FieldContext{Object: object, Field: graphql.CollectedField{Field: &ast.Field{Name: name}}, Args: map[string]any{}})
}

func zaak(url, level string) *model.Zaak {
	v := model.Vertrouwelijkheidaanduiding(level)
	return &model.Zaak{URL: url, Vertrouwelijkheidaanduiding: &v}
}

func TestEnforceFiltersListsAndConnections(t *testing.T) {
	ctx := analistCtx(t)
	list := []*model.Zaak{zaak("a", "OPENBAAR"), nil, zaak("b", "GEHEIM"), zaak("c", "INTERN"), {URL: "d"}}
	res, err := Enforce(field(ctx, "Contactmoment", "zaken"), func(context.Context) (any, error) { return list, nil })
	if err != nil {
		t.Fatal(err)
	}
	got := res.([]*model.Zaak)
	if len(got) != 3 || got[0].URL != "a" || got[1] != nil || got[2].URL != "c" {
		t.Errorf("filtered list = %v, want a, nil (a failed load), c", got)
	}
	if len(list) != 5 || list[2].URL != "b" {
		t.Error("the resolver's slice was changed in place")
	}

	conn := &model.ZaakConnection{TotalCount: 7, PageInfo: &model.PageInfo{HasNextPage: true},
		Edges: []*model.ZaakEdge{{Cursor: "1", Node: zaak("a", "OPENBAAR")}, {Cursor: "2", Node: zaak("b", "VERTROUWELIJK")}}}
	res, err = Enforce(field(ctx, "Klantbeeld", "zaken"), func(context.Context) (any, error) { return conn, nil })
	if err != nil {
		t.Fatal(err)
	}
	c := res.(*model.ZaakConnection)
	if len(c.Edges) != 1 || c.TotalCount != 6 || !c.PageInfo.HasNextPage || conn.TotalCount != 7 {
		t.Errorf("connection = %d edges, totalCount %d", len(c.Edges), c.TotalCount)
	}

	_, err = Enforce(field(ctx, "Zaak", "hoofdzaak"), func(context.Context) (any, error) { return zaak("h", "CONFIDENTIEEL"), nil })
	var gerr *gqlerror.Error
	if !errors.As(err, &gerr) || gerr.Extensions["code"] != CodeForbidden || gerr.Message != "forbidden: zaak is CONFIDENTIEEL; role analist is cleared up to INTERN" {
		t.Errorf("single zaak above clearance: %v", err)
	}
	doc := func(level string) *model.Document {
		v := model.Vertrouwelijkheidaanduiding(level)
		return &model.Document{URL: "x", Vertrouwelijkheidaanduiding: &v}
	}
	res, _ = Enforce(field(ctx, "Zaak", "documenten"), func(context.Context) (any, error) {
		return []*model.Document{doc("GEHEIM"), doc("OPENBAAR")}, nil
	})
	if d := res.([]*model.Document); len(d) != 1 {
		t.Errorf("documents = %d, want 1", len(d))
	}
	// A typed nil passes untouched.
	if res, err := Enforce(field(ctx, "Zaak", "hoofdzaak"), func(context.Context) (any, error) { return (*model.Zaak)(nil), nil }); err != nil || !isNil(res) {
		t.Errorf("typed nil: %v %v", res, err)
	}
}

func TestEnforceMasksAndFailsClosed(t *testing.T) {
	ctx := analistCtx(t)
	res, _ := Enforce(field(ctx, "Klant", "telefoonnummer"), func(context.Context) (any, error) { return "0612345678", nil })
	if res != "******5678" {
		t.Errorf("masked = %v", res)
	}
	s := "0612345678"
	res, _ = Enforce(field(ctx, "Klant", "telefoonnummer"), func(context.Context) (any, error) { return &s, nil })
	if p, ok := res.(*string); !ok || *p != "******5678" || s != "0612345678" {
		t.Errorf("masked pointer = %v", res)
	}
	// No grant: nothing is resolved.
	called := false
	_, err := Enforce(field(context.Background(), "Query", "zaak"), func(context.Context) (any, error) { called = true; return nil, nil })
	if err == nil || called {
		t.Error("a request without a grant was resolved")
	}
}
