package loaders

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"
)

// Fuzz targets for the cursors callers hand back to the gateway and for the
// merged search over several providers. Run one with
//
//	go test -run '^$' -fuzz '^FuzzOffsetCursor$' -fuzztime 30s ./loaders

// FuzzCursors feeds arbitrary strings to both kinds of cursor. The offset
// cursor of complete lists: no panic, no negative offset, an accepted
// cursor pages a list without leaving it, and every cursor the gateway
// makes reads back as the offset it was made from. The search cursor: no
// panic, no negative or absurd offsets, page sizes or counts, and an
// accepted state written back as a cursor reads as the same state.
func FuzzCursors(f *testing.F) {
	valid := searchState{Offsets: map[string]int{"zaken-a": 3, "zaken-b": 0}, PageSizes: map[string]int{"zaken-a": 100, "zaken-b": 100},
		Done: map[string]int{"zaken-b": 0}}
	for _, s := range []string{"", offsetCursor(0), offsetCursor(1), offsetCursor(99), offsetCursor(1 << 40),
		"bzE6LTE", "bzE6", "bzE6K0E", "bzE6OTIyMzM3MjAzNjg1NDc3NTgwNw", "bzE6OTIyMzM3MjAzNjg1NDc3NTgwOA",
		"bzE6MQ==", "bzE\n6MQ", "!!!",
		valid.cursor(), searchState{Offsets: map[string]int{"a": 1}}.cursor(),
		"czE6eyJvIjp7ImEiOi0xfX0", "czE6bnVsbA", "czE6eyJvIjpudWxsLCJwIjpudWxsfQ", "czE6W10", "czE6",
		"czE6eyJvIjp7ImEiOjkyMjMzNzIwMzY4NTQ3NzU4MDd9LCJwIjp7ImEiOjF9fQ",
		"czE6eyJvIjp7ImEiOjF9LCJwIjp7ImEiOjB9fQ", "czE6eyJvIjp7ImEiOjEuNX19", "czE6eyJvIjp7fSwiZCI6eyJhIjotNX19", "%%%"} {
		f.Add(s, uint8(20), 3)
	}
	f.Fuzz(func(t *testing.T, after string, first uint8, made int) {
		// Offset cursors.
		n, err := ParseOffsetCursor(&after)
		if err == nil && n < 0 {
			t.Fatalf("ParseOffsetCursor(%q) = %d, accepted a negative offset", after, n)
		}
		if err != nil && !isUserError(err) {
			t.Fatalf("ParseOffsetCursor(%q): %T %v, want a *UserError", after, err, err)
		}
		all := make([]int, 37)
		for i := range all {
			all[i] = i
		}
		if w, err := SliceWindow(all, int(first%(MaxPageSize+1)), &after); err == nil {
			checkWindow(t, all, w, int(first%(MaxPageSize+1)))
		}
		if made < 0 {
			made = -made
		}
		if made < 0 { // math.MinInt
			made = 0
		}
		c := offsetCursor(made)
		if got, err := ParseOffsetCursor(&c); err != nil || got != made {
			t.Fatalf("offsetCursor(%d) = %q reads back as %d, %v", made, c, got, err)
		}

		// Search cursors.
		st, err := parseSearchCursor(&after)
		if err != nil {
			if !isUserError(err) {
				t.Fatalf("parseSearchCursor(%q): %T %v, want a *UserError", after, err, err)
			}
			return
		}
		if st.Offsets == nil || st.PageSizes == nil || st.Done == nil {
			t.Fatalf("parseSearchCursor(%q) left a nil map: %+v", after, st)
		}
		for _, m := range []map[string]int{st.Offsets, st.PageSizes, st.Done} {
			for k, v := range m {
				if v < 0 || v > maxSearchOffset {
					t.Fatalf("parseSearchCursor(%q) accepted %d for %q: %+v", after, v, k, st)
				}
			}
		}
		sc := st.cursor()
		again, err := parseSearchCursor(&sc)
		if err != nil {
			t.Fatalf("state %+v of %q written back as %q is rejected: %v", st, after, sc, err)
		}
		if !reflect.DeepEqual(st, again) {
			t.Fatalf("state %+v of %q reads back as %+v", st, after, again)
		}
	})
}

func checkWindow(t *testing.T, all []int, w Window[int], first int) {
	t.Helper()
	if len(w.Items) > first || len(w.Items) != len(w.Cursors) || w.TotalCount != len(all) {
		t.Fatalf("window of %d items, %d cursors, total %d (first %d)", len(w.Items), len(w.Cursors), w.TotalCount, first)
	}
	for i, v := range w.Items {
		if i > 0 && v != w.Items[i-1]+1 {
			t.Fatalf("window is not a contiguous slice: %v", w.Items)
		}
		// The cursor of an item continues right after it.
		next, err := SliceWindow(all, 1, &w.Cursors[i])
		if err != nil {
			t.Fatalf("cursor %q of item %d rejected: %v", w.Cursors[i], v, err)
		}
		if len(next.Items) > 0 && next.Items[0] != v+1 {
			t.Fatalf("cursor of item %d continues at %d", v, next.Items[0])
		}
	}
	if len(w.Items) > 0 && w.HasNext != (w.Items[len(w.Items)-1] < len(all)-1) {
		t.Fatalf("hasNext %v after item %d of %d", w.HasNext, w.Items[len(w.Items)-1], len(all))
	}
}

func isUserError(err error) bool {
	_, ok := err.(*UserError)
	return ok
}

// byteReader hands out the fuzzer's bytes, then zeros.
type byteReader struct {
	b []byte
	i int
}

func (r *byteReader) next() int {
	if r.i >= len(r.b) {
		return 0
	}
	r.i++
	return int(r.b[r.i-1])
}

// FuzzSearchWalk merges well-behaved providers (sorted lists served in pages
// of a fixed size) and walks the whole result with page sizes the fuzzer
// picks: every item must come exactly once, in merged order (ties to the
// earlier provider), the total must be the sum of the providers' counts, and
// no page outside a provider's list may be asked for.
func FuzzSearchWalk(f *testing.F) {
	f.Add([]byte{1, 10, 3, 11, 4, 4, 4})
	f.Add([]byte{2, 0, 5, 7, 2, 1, 1, 1, 100})
	f.Add([]byte{0, 39, 1, 1})
	f.Add([]byte{2, 12, 12, 12, 12, 12, 12, 20, 20, 20})
	f.Add([]byte{1, 5, 5, 5, 5, 9, 9, 9, 9, 9, 2, 2, 2, 2})
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &byteReader{b: data}
		nsrc := 1 + r.next()%3
		type src struct {
			name  string
			items []int
			ps    int
		}
		var srcs []src
		for i := 0; i < nsrc; i++ {
			n, ps := r.next()%40, 1+r.next()%12
			items := make([]int, n)
			v := 1000
			for j := range items {
				v -= r.next() % 3 // ties are allowed
				items[j] = v
			}
			srcs = append(srcs, src{name: fmt.Sprintf("p%d", i), items: items, ps: ps})
		}
		var want []int
		total := 0
		{
			pos := make([]int, nsrc)
			for {
				best := -1
				for i, s := range srcs {
					if pos[i] < len(s.items) && (best < 0 || s.items[pos[i]] > srcs[best].items[pos[best]]) {
						best = i
					}
				}
				if best < 0 {
					break
				}
				want = append(want, srcs[best].items[pos[best]])
				pos[best]++
			}
			for _, s := range srcs {
				total += len(s.items)
			}
		}
		var sources []SearchSource[int]
		for _, s := range srcs {
			s := s
			sources = append(sources, SearchSource[int]{Name: s.name, Fetch: func(_ context.Context, page, _ int) (SourcePage[int], error) {
				start := (page - 1) * s.ps
				if page < 1 || (start >= len(s.items) && !(page == 1 && len(s.items) == 0)) {
					t.Fatalf("%s: page %d asked for, the list has %d items in pages of %d", s.name, page, len(s.items), s.ps)
				}
				end := min(start+s.ps, len(s.items))
				return SourcePage[int]{Items: s.items[start:end], Count: len(s.items), HasNext: end < len(s.items)}, nil
			}})
		}
		var got []int
		var after *string
		for step := 0; ; step++ {
			if step > total+1 {
				t.Fatalf("the walk does not end: %d steps for %d items", step, total)
			}
			first := 1 + r.next()%7
			res, err := Search(context.Background(), sources, func(a, b int) bool { return a > b }, first, after)
			if err != nil {
				t.Fatalf("step %d: %v", step, err)
			}
			if len(res.Errors) > 0 {
				t.Fatalf("step %d: %v", step, res.Errors)
			}
			if res.TotalCount != total {
				t.Fatalf("step %d: totalCount %d, want %d", step, res.TotalCount, total)
			}
			if len(res.Items) > first || len(res.Items) != len(res.Cursors) {
				t.Fatalf("step %d: %d items, %d cursors for first %d", step, len(res.Items), len(res.Cursors), first)
			}
			if (after != nil) != res.HasPrevious && len(got) > 0 {
				t.Fatalf("step %d: hasPreviousPage %v after %d items", step, res.HasPrevious, len(got))
			}
			got = append(got, res.Items...)
			if !res.HasNext {
				break
			}
			if len(res.Items) == 0 {
				t.Fatalf("step %d: hasNextPage without items after %d of %d", step, len(got), total)
			}
			c := res.Cursors[len(res.Cursors)-1]
			after = &c
		}
		if !slices.Equal(got, want) {
			t.Fatalf("walked %v\nwant    %v", got, want)
		}
	})
}

// FuzzSearchHostile runs the merged search with a cursor and providers the
// fuzzer makes up: pages of any size, empty pages that announce a next one,
// counts that disagree with the items, failures. Whatever they answer the
// search must not panic, must end after a bounded number of fetches, must
// never ask for a page below 1 and must keep its own invariants.
func FuzzSearchHostile(f *testing.F) {
	ok := searchState{Offsets: map[string]int{"p0": 2, "p1": 0}, PageSizes: map[string]int{"p0": 2, "p1": 3}}.cursor()
	f.Add([]byte{2, 3, 1, 2, 9, 2, 1, 5}, ok, uint8(5))
	f.Add([]byte{0, 0, 16, 2}, "", uint8(10))          // an empty page announcing more
	f.Add([]byte{0, 1, 16, 2, 16, 2}, ok, uint8(10))   // empty pages, resumed
	f.Add([]byte{1, 0, 255, 0, 0, 3, 2}, "", uint8(1)) // a failure
	f.Add([]byte{0, 2, 19, 2, 3, 0}, "", uint8(100))   // a count that lies
	f.Add([]byte{1, 4, 1}, searchState{Offsets: map[string]int{"p0": 1 << 30}, PageSizes: map[string]int{"p0": 1}}.cursor(), uint8(100))
	f.Add([]byte{1, 4, 1}, searchState{Offsets: map[string]int{"p0": 5}, PageSizes: map[string]int{"p0": 0}}.cursor(), uint8(100))
	f.Fuzz(func(t *testing.T, data []byte, after string, first uint8) {
		const maxFetches = 1000
		r := &byteReader{b: data}
		nsrc := 1 + r.next()%3
		var sources []SearchSource[int]
		for i := 0; i < nsrc; i++ {
			name := fmt.Sprintf("p%d", i)
			// Each page: items (0..15), whether a next page is announced,
			// and a byte that makes it fail (255) or lie about the count.
			type pg struct {
				items   []int
				next    bool
				fail    bool
				countDx int
			}
			var pages []pg
			for j, n := 0, 1+r.next()%6; j < n; j++ {
				k := r.next()
				p := pg{next: k&16 != 0, fail: k == 255, countDx: r.next()%5 - 2}
				for m := 0; m < k%16; m++ {
					p.items = append(p.items, 1000-10*j-m)
				}
				pages = append(pages, p)
			}
			fetches := 0
			sources = append(sources, SearchSource[int]{Name: name, Fetch: func(_ context.Context, page, _ int) (SourcePage[int], error) {
				fetches++
				if page < 1 {
					t.Fatalf("%s: page %d asked for", name, page)
				}
				if fetches > maxFetches {
					t.Fatalf("%s: more than %d fetches for one search", name, maxFetches)
				}
				p := pages[(page-1)%len(pages)]
				if p.fail {
					return SourcePage[int]{}, fmt.Errorf("%s: page %d failed", name, page)
				}
				return SourcePage[int]{Items: p.items, HasNext: p.next, Count: max(0, len(p.items)*len(pages)+p.countDx)}, nil
			}})
		}
		n := int(first % (MaxPageSize + 1))
		res, err := Search(context.Background(), sources, func(a, b int) bool { return a > b }, n, &after)
		if err != nil {
			if !isUserError(err) {
				t.Fatalf("Search: %T %v, want a *UserError", err, err)
			}
			return
		}
		if len(res.Items) > n || len(res.Items) != len(res.Cursors) {
			t.Fatalf("%d items, %d cursors for first %d", len(res.Items), len(res.Cursors), n)
		}
		for _, c := range res.Cursors {
			c := c
			if _, err := parseSearchCursor(&c); err != nil {
				t.Fatalf("the search made cursor %q it rejects: %v", c, err)
			}
		}
	})
}
