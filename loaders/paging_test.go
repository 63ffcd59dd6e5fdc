package loaders

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/klantgraaf/klantgraaf/upstream"
	"github.com/klantgraaf/klantgraaf/upstream/klantinteracties"
)

// fakeSource serves items [0,n) of a sorted list in pages of size ps,
// counting fetches.
func fakeSource(name string, items []int, ps int, fetches *int) SearchSource[int] {
	return SearchSource[int]{Name: name, Fetch: func(_ context.Context, page, _ int) (SourcePage[int], error) {
		*fetches++
		start := (page - 1) * ps
		if start > len(items) {
			return SourcePage[int]{}, fmt.Errorf("page %d past the end", page)
		}
		end := min(start+ps, len(items))
		return SourcePage[int]{Items: items[start:end], Count: len(items), HasNext: end < len(items)}, nil
	}}
}

func desc(a, b int) bool { return a > b }

func TestSearchMergesAndWalks(t *testing.T) {
	a := []int{100, 90, 80, 70, 60, 50, 40, 30, 20, 10}
	b := []int{95, 85, 75, 65, 55, 45, 35, 25, 15, 5, 1}
	var fa, fb int
	sources := []SearchSource[int]{fakeSource("a", a, 3, &fa), fakeSource("b", b, 4, &fb)}
	var all []int
	var after *string
	for pages := 0; pages < 20; pages++ {
		res, err := Search(context.Background(), sources, desc, 4, after)
		if err != nil {
			t.Fatal(err)
		}
		if res.TotalCount != 21 {
			t.Fatalf("total %d", res.TotalCount)
		}
		if len(res.Items) != len(res.Cursors) {
			t.Fatalf("items and cursors differ")
		}
		all = append(all, res.Items...)
		if !res.HasNext {
			break
		}
		c := res.Cursors[len(res.Cursors)-1]
		after = &c
	}
	if len(all) != 21 {
		t.Fatalf("walked %d items, want 21: %v", len(all), all)
	}
	for i := 1; i < len(all); i++ {
		if all[i] >= all[i-1] {
			t.Fatalf("not merged in order at %d: %v", i, all)
		}
	}
	// Resuming from any edge cursor continues right after that edge.
	res, _ := Search(context.Background(), sources, desc, 5, nil)
	mid := res.Cursors[2]
	res2, err := Search(context.Background(), sources, desc, 2, &mid)
	if err != nil || len(res2.Items) != 2 || res2.Items[0] != res.Items[3] || res2.Items[1] != res.Items[4] {
		t.Fatalf("resume after edge 3: got %v want %v", res2.Items, res.Items[3:5])
	}
}

func TestSearchReportsFailedSource(t *testing.T) {
	var fa int
	bad := SearchSource[int]{Name: "down", Fetch: func(context.Context, int, int) (SourcePage[int], error) {
		return SourcePage[int]{}, errors.New("connection refused")
	}}
	res, err := Search(context.Background(), []SearchSource[int]{fakeSource("a", []int{3, 2, 1}, 10, &fa), bad}, desc, 10, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Items) != 3 || len(res.Errors) != 1 || res.TotalCount != 3 || res.HasNext {
		t.Fatalf("got %+v", res)
	}
}

func TestCursorsRejectGarbage(t *testing.T) {
	for _, c := range []string{"nonsense", "czE6eyJvIjp7ImEiOi0xfX0", "bzE6LTE", "!!!"} {
		c := c
		if _, err := ParseOffsetCursor(&c); err == nil {
			t.Errorf("offset cursor %q accepted", c)
		}
		if _, err := Search[int](context.Background(), nil, desc, 1, &c); err == nil {
			t.Errorf("search cursor %q accepted", c)
		}
	}
	w, err := SliceWindow([]int{1, 2, 3, 4, 5}, 2, nil)
	if err != nil || len(w.Items) != 2 || !w.HasNext || w.HasPrevious {
		t.Fatalf("first window %+v", w)
	}
	w2, _ := SliceWindow([]int{1, 2, 3, 4, 5}, 2, &w.Cursors[1])
	if w2.Items[0] != 3 || !w2.HasPrevious {
		t.Fatalf("second window %+v", w2)
	}
	if _, err := PageArgs(ptr(101), 20); err == nil {
		t.Fatal("first 101 accepted")
	}
	if _, err := PageArgs(ptr(-1), 20); err == nil {
		t.Fatal("first -1 accepted")
	}
}

func ptr(i int) *int { return &i }

func TestValidateIdent(t *testing.T) {
	good := []Ident{{BSN: "999990019"}, {KvK: "12345678"}, {Vestigingsnummer: "000012345678"}}
	for _, id := range good {
		if err := ValidateIdent(id); err != nil {
			t.Errorf("%+v: %v", id, err)
		}
	}
	bad := []Ident{{BSN: "999990018"}, {BSN: "12345"}, {BSN: "99999001a"}, {KvK: "1234567"}, {Vestigingsnummer: "12"}, {}}
	for _, id := range bad {
		if err := ValidateIdent(id); err == nil {
			t.Errorf("%+v accepted", id)
		}
	}
}

func TestKlantcontactActorBecomesMedewerker(t *testing.T) {
	var kc klantinteracties.Klantcontact
	raw := `{"url":"http://ki/klantcontacten/1","kanaal":"telefoon","inhoud":"x","hadBetrokkenActoren":[
		{"uuid":"a1","url":"http://ki/actoren/a1","naam":"P. Jansen","soortActor":"medewerker",
		 "actoridentificator":{"objectId":"mw-17","codeObjecttype":"mdw","codeRegister":"obj","codeSoortObjectId":"idf"}}]}`
	if err := json.Unmarshal([]byte(raw), &kc); err != nil {
		t.Fatal(err)
	}
	c, err := upstream.NewClient(upstream.Upstream{Name: "ki", Kind: upstream.APIKlantinteracties, BaseURL: "http://ki/klantinteracties/api/v1",
		Auth: upstream.Auth{Type: upstream.AuthToken, Token: "t"}})
	if err != nil {
		t.Fatal(err)
	}
	m := toContactmomentFromKlantcontact(c, &kc, func(*klantinteracties.Identificator) (string, string) { return "", "" })
	if m.Medewerker == nil || m.Medewerker.Identificatie != "mw-17" || m.Medewerker.Achternaam != "P. Jansen" || m.Tekst != "x" {
		t.Fatalf("%+v", m.Medewerker)
	}
}
