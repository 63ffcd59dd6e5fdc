package loaders

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"strconv"
	"strings"
	"sync"
)

// MaxPageSize bounds `first` on every connection.
const MaxPageSize = 100

// Window is one page of a connection: the items, where the page starts, and
// each item's cursor.
type Window[T any] struct {
	Items       []T
	Cursors     []string
	HasNext     bool
	HasPrevious bool
	TotalCount  int
}

// PageArgs validates first/after.
func PageArgs(first *int, def int) (int, error) {
	n := def
	if first != nil {
		n = *first
	}
	if n < 0 {
		return 0, &UserError{Message: "first must not be negative"}
	}
	if n > MaxPageSize {
		return 0, &UserError{Message: "first must be at most " + strconv.Itoa(MaxPageSize)}
	}
	return n, nil
}

// Offset cursors address a position in a complete, ordered list.

const offsetPrefix = "o1:"

func offsetCursor(i int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(offsetPrefix + strconv.Itoa(i)))
}

// ParseOffsetCursor decodes an offset cursor ("" = start).
func ParseOffsetCursor(after *string) (int, error) {
	if after == nil || *after == "" {
		return 0, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(*after)
	if err != nil || len(*after) > 64 || !strings.HasPrefix(string(b), offsetPrefix) {
		return 0, &UserError{Message: "after is not a cursor of this list"}
	}
	n, err := strconv.Atoi(string(b[len(offsetPrefix):]))
	if err != nil || n < 0 {
		return 0, &UserError{Message: "after is not a cursor of this list"}
	}
	return n, nil
}

// SliceWindow pages a complete list.
func SliceWindow[T any](all []T, first int, after *string) (Window[T], error) {
	start, err := ParseOffsetCursor(after)
	if err != nil {
		return Window[T]{}, err
	}
	if start > len(all) {
		start = len(all)
	}
	end := start + first
	if end > len(all) {
		end = len(all)
	}
	w := Window[T]{Items: all[start:end], HasNext: end < len(all), HasPrevious: start > 0, TotalCount: len(all)}
	for i := start; i < end; i++ {
		w.Cursors = append(w.Cursors, offsetCursor(i+1))
	}
	return w, nil
}

// Search cursors hold, per source, how many items were consumed and the
// source's page size, so a following page continues every source where it
// stopped, and for every source consumed to its end the count it reported,
// so a following page does not ask it for a page past its end.

const searchPrefix = "s1:"

// maxSearchOffset bounds the offsets, page sizes and counts a search cursor
// may hold, so that page arithmetic on a cursor made up by a caller cannot
// overflow.
const maxSearchOffset = 1<<31 - 1

type searchState struct {
	Offsets   map[string]int `json:"o"`
	PageSizes map[string]int `json:"p,omitempty"`
	Done      map[string]int `json:"d,omitempty"`
}

func (s searchState) cursor() string {
	b, _ := json.Marshal(s)
	return base64.RawURLEncoding.EncodeToString(append([]byte(searchPrefix), b...))
}

func parseSearchCursor(after *string) (searchState, error) {
	st := searchState{Offsets: map[string]int{}, PageSizes: map[string]int{}, Done: map[string]int{}}
	if after == nil || *after == "" {
		return st, nil
	}
	bad := &UserError{Message: "after is not a cursor of this list"}
	if len(*after) > 4096 {
		return st, bad
	}
	b, err := base64.RawURLEncoding.DecodeString(*after)
	if err != nil || !strings.HasPrefix(string(b), searchPrefix) {
		return st, bad
	}
	if err := json.Unmarshal(b[len(searchPrefix):], &st); err != nil {
		return st, bad
	}
	if st.Offsets == nil {
		st.Offsets = map[string]int{}
	}
	if st.PageSizes == nil {
		st.PageSizes = map[string]int{}
	}
	if st.Done == nil {
		st.Done = map[string]int{}
	}
	for _, m := range []map[string]int{st.Offsets, st.PageSizes, st.Done} {
		for _, v := range m {
			if v < 0 || v > maxSearchOffset {
				return st, bad
			}
		}
	}
	return st, nil
}

// SourcePage is one upstream page of a search source.
type SourcePage[T any] struct {
	Items   []T
	Count   int
	HasNext bool
}

// SearchSource is one provider's ordered result list, fetched by page
// number (1-based) with a requested page size (0 = the provider's default).
type SearchSource[T any] struct {
	Name  string
	Fetch func(ctx context.Context, page, pageSize int) (SourcePage[T], error)
	// PageSize is the page size the source is asked for (0 = provider default).
	PageSize int
}

// SearchResult is a merged page plus the sources that failed.
type SearchResult[T any] struct {
	Window[T]
	Errors []error
}

// Search merges the sources' ordered lists into one page: it fetches, from
// every source, the items following that source's offset in the cursor,
// merges them with before (a strict "comes first" order; ties go to the
// earlier source) and takes first. Failed sources are left out and reported.
func Search[T any](ctx context.Context, sources []SearchSource[T], before func(a, b T) bool, first int, after *string) (SearchResult[T], error) {
	st, err := parseSearchCursor(after)
	if err != nil {
		return SearchResult[T]{}, err
	}
	type got struct {
		items []T // items from offset on
		count int
		err   error
		psize int
		// end: the source has nothing after items.
		end bool
	}
	res := make([]got, len(sources))
	var wg sync.WaitGroup
	for i, s := range sources {
		wg.Add(1)
		go func(i int, s SearchSource[T]) {
			defer wg.Done()
			off := st.Offsets[s.Name]
			ps := st.PageSizes[s.Name]
			if n, ok := st.Done[s.Name]; ok {
				// Consumed to its end on an earlier page.
				res[i] = got{count: n, psize: ps, end: true}
				return
			}
			g := got{}
			page, skip := 0, 0
			if ps == 0 {
				// Learn the page size from the first page.
				p, err := s.Fetch(ctx, 1, s.PageSize)
				if err != nil {
					res[i] = got{err: err}
					return
				}
				ps = len(p.Items)
				g.count = p.Count
				if off < len(p.Items) {
					g.items = append(g.items, p.Items[off:]...)
				}
				if !p.HasNext || ps == 0 {
					// The whole list, or an empty first page that
					// announces more: nothing to page by offset.
					g.psize, g.end = max(ps, 1), true
					res[i] = g
					return
				}
				page, skip = off/ps+1, off%ps
				if off < ps {
					page, skip = 2, 0
				}
			} else {
				page, skip = off/ps+1, off%ps
			}
			g.psize = ps
			// Fetch the pages covering [off, off+first). A page that
			// brings nothing ends the walk: it cannot be paged by offset.
			for len(g.items) < first {
				p, err := s.Fetch(ctx, page, s.PageSize)
				if err != nil {
					res[i] = got{err: err}
					return
				}
				g.count = p.Count
				if skip < len(p.Items) {
					g.items = append(g.items, p.Items[skip:]...)
				}
				skip = 0
				if !p.HasNext || len(p.Items) == 0 {
					g.end = true
					break
				}
				page++
			}
			res[i] = g
		}(i, s)
	}
	wg.Wait()

	out := SearchResult[T]{}
	pos := make([]int, len(sources))
	next := searchState{Offsets: map[string]int{}, PageSizes: map[string]int{}}
	for i, s := range sources {
		next.Offsets[s.Name] = st.Offsets[s.Name]
		next.PageSizes[s.Name] = res[i].psize
		if res[i].err != nil {
			out.Errors = append(out.Errors, res[i].err)
			next.PageSizes[s.Name] = st.PageSizes[s.Name]
			continue
		}
		out.TotalCount += res[i].count
	}
	// exhausted reports whether source i has nothing after what was taken.
	exhausted := func(i int) bool { return res[i].err == nil && res[i].end && pos[i] >= len(res[i].items) }
	for len(out.Items) < first {
		best := -1
		for i := range sources {
			if res[i].err != nil || pos[i] >= len(res[i].items) {
				continue
			}
			if best < 0 || before(res[i].items[pos[i]], res[best].items[pos[best]]) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		out.Items = append(out.Items, res[best].items[pos[best]])
		pos[best]++
		next.Offsets[sources[best].Name]++
		next.Done = nil
		for i, s := range sources {
			if exhausted(i) {
				if next.Done == nil {
					next.Done = map[string]int{}
				}
				next.Done[s.Name] = res[i].count
			}
		}
		out.Cursors = append(out.Cursors, next.cursor())
	}
	for i := range sources {
		if res[i].err == nil && !exhausted(i) {
			out.HasNext = true
		}
	}
	for _, v := range st.Offsets {
		if v > 0 {
			out.HasPrevious = true
		}
	}
	return out, nil
}
