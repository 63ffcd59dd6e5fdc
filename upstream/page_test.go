package upstream_test

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"testing"

	"github.com/klantgraaf/klantgraaf/upstream"
)

type item struct {
	N int `json:"n"`
}

func pagedFixture(t *testing.T, pages int, nextFor func(base string, page int) string) *fixture {
	f := newFixture(t, upstream.APIZaken, "/zaken/api/v1", nil)
	f.mux.HandleFunc("GET /zaken/api/v1/rollen", func(w http.ResponseWriter, r *http.Request) {
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		if page == 0 {
			page = 1
		}
		next := "null"
		if page < pages {
			next = strconv.Quote(nextFor(f.base, page))
		}
		writeJSON(w, 200, fmt.Sprintf(`{"count":%d,"next":%s,"previous":null,"results":[{"n":%d},{"n":%d}]}`,
			2*pages, next, 2*page-1, 2*page))
	})
	return f
}

func TestWalkAllPages(t *testing.T) {
	f := pagedFixture(t, 3, func(base string, page int) string {
		return fmt.Sprintf("%s/rollen?page=%d&zaak=x", base, page+1)
	})
	ctx := context.Background()
	first, err := upstream.GetPage[item](ctx, f.client, "rollen?zaak=x")
	if err != nil || first.Count != 6 || !first.HasNext() {
		t.Fatalf("first page: %v %+v", err, first)
	}
	all, err := upstream.All(ctx, f.client, first, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 6 || all[0].N != 1 || all[5].N != 6 {
		t.Errorf("all = %v", all)
	}
	if f.rt.n.Load() != 3 {
		t.Errorf("requests = %d, want 3", f.rt.n.Load())
	}

	// The bound stops the walk with TooLarge and keeps what was read.
	part, err := upstream.GetAll[item](ctx, f.client, "rollen", 2)
	wantKind(t, err, upstream.TooLarge)
	if len(part) != 4 {
		t.Errorf("partial = %v", part)
	}

	second, err := upstream.NextPage(ctx, f.client, first)
	if err != nil || second.Results[0].N != 3 {
		t.Fatalf("NextPage: %v %+v", err, second)
	}
	last := &upstream.Page[item]{}
	if p, err := upstream.NextPage(ctx, f.client, last); p != nil || err != nil {
		t.Errorf("NextPage without next = %v, %v", p, err)
	}
}

func TestWalkStopsAtForeignNext(t *testing.T) {
	f := pagedFixture(t, 3, func(base string, page int) string {
		return "http://evil.example/zaken/api/v1/rollen?page=2"
	})
	before := f.rt.n.Load()
	all, err := upstream.GetAll[item](context.Background(), f.client, "rollen", 10)
	wantKind(t, err, upstream.UnknownSource)
	if len(all) != 2 || f.rt.n.Load()-before != 1 {
		t.Errorf("got %v after %d requests", all, f.rt.n.Load()-before)
	}
}

func TestWalkDetectsLoop(t *testing.T) {
	f := pagedFixture(t, 3, func(base string, page int) string {
		return base + "/rollen?page=2"
	})
	_, err := upstream.GetAll[item](context.Background(), f.client, "rollen", 10)
	wantKind(t, err, upstream.Other)
}

func TestWalkCallbackError(t *testing.T) {
	f := pagedFixture(t, 3, func(base string, page int) string {
		return fmt.Sprintf("%s/rollen?page=%d", base, page+1)
	})
	first, _ := upstream.GetPage[item](context.Background(), f.client, "rollen")
	stop := fmt.Errorf("enough")
	n := 0
	err := upstream.Walk(context.Background(), f.client, first, 0, func(p *upstream.Page[item]) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	})
	if err != stop || n != 2 {
		t.Errorf("walk err %v after %d pages", err, n)
	}
}
