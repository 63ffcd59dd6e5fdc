package resolvers

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/klantgraaf/klantgraaf/loaders"
	"github.com/klantgraaf/klantgraaf/model"
)

// addErrors reports the failures behind a partial result on the current
// field; the data that could be read is still returned.
func addErrors(ctx context.Context, errs []error) {
	for _, err := range errs {
		if err != nil {
			graphql.AddError(ctx, err)
		}
	}
}

// compact drops the nil entries that failed loads leave behind.
func compact[T any](items []*T) []*T {
	out := make([]*T, 0, len(items))
	for _, it := range items {
		if it != nil {
			out = append(out, it)
		}
	}
	return out
}

func pageInfo[T any](w loaders.Window[T]) *model.PageInfo {
	pi := &model.PageInfo{HasNextPage: w.HasNext, HasPreviousPage: w.HasPrevious}
	if n := len(w.Cursors); n > 0 {
		pi.StartCursor, pi.EndCursor = &w.Cursors[0], &w.Cursors[n-1]
	}
	return pi
}

func zaakConnection(w loaders.Window[*model.Zaak]) *model.ZaakConnection {
	c := &model.ZaakConnection{PageInfo: pageInfo(w), TotalCount: w.TotalCount, Edges: make([]*model.ZaakEdge, len(w.Items))}
	for i, it := range w.Items {
		c.Edges[i] = &model.ZaakEdge{Cursor: w.Cursors[i], Node: it}
	}
	return c
}

func contactmomentConnection(w loaders.Window[*model.Contactmoment]) *model.ContactmomentConnection {
	c := &model.ContactmomentConnection{PageInfo: pageInfo(w), TotalCount: w.TotalCount, Edges: make([]*model.ContactmomentEdge, len(w.Items))}
	for i, it := range w.Items {
		c.Edges[i] = &model.ContactmomentEdge{Cursor: w.Cursors[i], Node: it}
	}
	return c
}

func verzoekConnection(w loaders.Window[*model.Verzoek]) *model.VerzoekConnection {
	c := &model.VerzoekConnection{PageInfo: pageInfo(w), TotalCount: w.TotalCount, Edges: make([]*model.VerzoekEdge, len(w.Items))}
	for i, it := range w.Items {
		c.Edges[i] = &model.VerzoekEdge{Cursor: w.Cursors[i], Node: it}
	}
	return c
}

func klantConnection(w loaders.Window[*model.Klant]) *model.KlantConnection {
	c := &model.KlantConnection{PageInfo: pageInfo(w), TotalCount: w.TotalCount, Edges: make([]*model.KlantEdge, len(w.Items))}
	for i, it := range w.Items {
		c.Edges[i] = &model.KlantEdge{Cursor: w.Cursors[i], Node: it}
	}
	return c
}

// window pages a complete list after reporting the failures behind it.
func window[T any](ctx context.Context, items []T, errs []error, first *int, after *string, def int) (loaders.Window[T], error) {
	n, err := loaders.PageArgs(first, def)
	if err != nil {
		return loaders.Window[T]{}, err
	}
	addErrors(ctx, errs)
	return loaders.SliceWindow(items, n, after)
}

// urlOrID resolves the (url, id) arguments of a root field for type typ.
func urlOrID(typ string, url, id *string) (string, error) {
	switch {
	case url != nil && id != nil:
		return "", badInput("give either url or id, not both")
	case url != nil:
		if *url == "" {
			return "", badInput("url must not be empty")
		}
		return *url, nil
	case id != nil:
		t, u, err := model.ParseID(*id)
		if err != nil {
			return "", badInput("id %q is not a klantgraaf id", *id)
		}
		if t != typ {
			return "", badInput("id is the id of a %s, not of a %s", t, typ)
		}
		return u, nil
	}
	return "", badInput("give url or id")
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func identOf(k *model.Klantbeeld) loaders.Ident {
	return loaders.Ident{BSN: str(k.Bsn), KvK: str(k.KvkNummer), Vestigingsnummer: str(k.Vestigingsnummer)}
}

func klantURLs(ks []*model.Klant) []string {
	out := make([]string, 0, len(ks))
	for _, k := range ks {
		out = append(out, k.URL)
	}
	return out
}

func nonEmpty(p *string) *string {
	if p == nil || *p == "" {
		return nil
	}
	return p
}

func dateStr(d *model.Date) string {
	if d == nil {
		return ""
	}
	return string(*d)
}
