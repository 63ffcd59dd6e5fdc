package loaders

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/graph-gophers/dataloader/v7"

	"github.com/klantgraaf/klantgraaf/upstream"
)

// fetched is what a fetch strategy found for one URL: its JSON, or an error.
type fetched struct {
	raw json.RawMessage
	err error
}

// fetchFunc fetches the objects at urls (all owned by c) with the best
// request the API offers. URLs missing from the answer were not found.
type fetchFunc func(ctx context.Context, l *Loaders, c *upstream.Client, urls []string) map[string]fetched

// newURLLoader builds a dataloader keyed by canonical resource URL for one
// API kind: a batch is split per upstream, each part fetched by fetch and
// decoded; the result has one entry per key, in key order.
func newURLLoader[M any](l *Loaders, kind upstream.APIKind, what string, fetch fetchFunc, decode func(ctx context.Context, c *upstream.Client, raw json.RawMessage) (M, error)) *dataloader.Loader[string, M] {
	return newURLLoaderKinds(l, []upstream.APIKind{kind}, what, fetch, decode)
}

// newURLLoaderKinds is newURLLoader for objects that more than one API kind
// serves (a klant: Klanten or Klantinteracties); fetch and decode see the
// client and dispatch on its kind.
func newURLLoaderKinds[M any](l *Loaders, kinds []upstream.APIKind, what string, fetch fetchFunc, decode func(ctx context.Context, c *upstream.Client, raw json.RawMessage) (M, error)) *dataloader.Loader[string, M] {
	batch := func(ctx context.Context, keys []string) []*dataloader.Result[M] {
		out := make([]*dataloader.Result[M], len(keys))
		groups := map[*upstream.Client][]int{}
		for i, k := range keys {
			c, err := l.route(k, what, kinds...)
			if err != nil {
				out[i] = &dataloader.Result[M]{Error: err}
				continue
			}
			groups[c] = append(groups[c], i)
		}
		var wg sync.WaitGroup
		for c, idx := range groups {
			wg.Add(1)
			go func(c *upstream.Client, idx []int) {
				defer wg.Done()
				urls := make([]string, len(idx))
				for j, i := range idx {
					urls[j] = keys[i]
				}
				got := fetch(ctx, l, c, urls)
				for _, i := range idx {
					r, ok := got[keys[i]]
					switch {
					case !ok:
						out[i] = &dataloader.Result[M]{Error: &NotFoundError{Source: c.Name(), URL: keys[i]}}
					case r.err != nil:
						out[i] = &dataloader.Result[M]{Error: r.err}
					default:
						v, err := decode(ctx, c, r.raw)
						out[i] = &dataloader.Result[M]{Data: v, Error: err}
					}
				}
			}(c, idx)
		}
		wg.Wait()
		return out
	}
	return dataloader.NewBatchedLoader(batch, dataloader.WithWait[string, M](l.f.opts.BatchWait), dataloader.WithBatchCapacity[string, M](500))
}

// route finds the upstream owning url and checks it serves the right API.
func (l *Loaders) route(url, what string, kinds ...upstream.APIKind) (*upstream.Client, error) {
	c, err := l.f.reg.Route(url)
	if err != nil {
		return nil, err
	}
	for _, k := range kinds {
		if c.Kind() == k {
			return c, nil
		}
	}
	return nil, &upstream.Error{Op: "route", Kind: upstream.UnknownSource, Source: c.Name(), URL: url,
		Detail: fmt.Sprintf("a %s URL was expected, but %s serves %s", what, c.Name(), c.Kind())}
}

// fetchEach fetches every URL with its own GET, in parallel (the client caps
// concurrency per upstream). A 404 means not found; other failures are
// errors for that URL only.
func fetchEach(ctx context.Context, l *Loaders, c *upstream.Client, urls []string) map[string]fetched {
	// One cache round trip for the whole batch.
	ctx = c.PrefetchGET(ctx, urls)
	out := make(map[string]fetched, len(urls))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Add(1)
		go func(u string) {
			defer wg.Done()
			var raw json.RawMessage
			_, err := c.Get(ctx, u, &raw)
			mu.Lock()
			defer mu.Unlock()
			if upstream.IsKind(err, upstream.NotFound) {
				return
			}
			out[u] = fetched{raw: raw, err: err}
		}(u)
	}
	wg.Wait()
	return out
}

// uuidOf is the last path segment of a resource URL.
func uuidOf(url string) string {
	url = strings.TrimRight(url, "/")
	if i := strings.LastIndexByte(url, '/'); i >= 0 {
		return url[i+1:]
	}
	return url
}

// zoekChunk bounds the uuids in one _zoek request.
const zoekChunk = 100

// zoekPage is a paginated _zoek answer with raw results.
type zoekPage struct {
	Count   int               `json:"count"`
	Next    *string           `json:"next"`
	Results []json.RawMessage `json:"results"`
}

// fetchZoek fetches objects by uuid with POST {path}/_zoek {"uuid__in": …}
// in chunks, the batched read the Zaken and Documenten APIs offer. Extra
// body fields (e.g. expand) come from extra. Objects are cached one by one
// (keyed by URL and the extra fields), so a later batch with other members
// still finds them: cached objects are looked up first, in one round trip,
// and only the others are searched for.
func fetchZoek(path string, extra func(l *Loaders) map[string]any) fetchFunc {
	return func(ctx context.Context, l *Loaders, c *upstream.Client, urls []string) map[string]fetched {
		out := make(map[string]fetched, len(urls))
		var ext map[string]any
		if extra != nil {
			ext = extra(l)
		}
		variant := objectVariant(ext)
		missing := urls
		if c.CachesObjects() {
			keys := make([]string, len(urls))
			for i, u := range urls {
				keys[i] = c.ObjectKey(ctx, u, variant)
			}
			hits := c.GetObjects(ctx, keys)
			missing = missing[:0:0]
			for i, u := range urls {
				if b, ok := hits[keys[i]]; ok {
					out[u] = fetched{raw: b}
				} else {
					missing = append(missing, u)
				}
			}
		}
		var mu sync.Mutex
		var wg sync.WaitGroup
		fresh := map[string][]byte{}
		for start := 0; start < len(missing); start += zoekChunk {
			chunk := missing[start:min(start+zoekChunk, len(missing))]
			wg.Add(1)
			go func(chunk []string) {
				defer wg.Done()
				uuids := make([]string, len(chunk))
				for i, u := range chunk {
					uuids[i] = uuidOf(u)
				}
				body := map[string]any{"uuid__in": uuids}
				for k, v := range ext {
					body[k] = v
				}
				var page zoekPage
				target := fmt.Sprintf("%s/_zoek?pageSize=%d", path, zoekChunk)
				// The search itself is not cached: its members are.
				_, err := c.Post(upstream.WithoutCache(ctx), target, body, &page)
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					for _, u := range chunk {
						out[u] = fetched{err: err}
					}
					return
				}
				for _, raw := range page.Results {
					var head struct {
						URL string `json:"url"`
					}
					if json.Unmarshal(raw, &head) == nil && head.URL != "" {
						out[head.URL] = fetched{raw: raw}
						fresh[c.ObjectKey(ctx, head.URL, variant)] = raw
					}
				}
			}(chunk)
		}
		wg.Wait()
		c.PutObjects(ctx, fresh)
		// Keys whose URL form differs from the provider's (e.g. a trailing
		// slash) are matched by uuid.
		byUUID := map[string]fetched{}
		for u, f := range out {
			byUUID[uuidOf(u)] = f
		}
		for _, u := range urls {
			if _, ok := out[u]; !ok {
				if f, ok := byUUID[uuidOf(u)]; ok {
					out[u] = f
				}
			}
		}
		return out
	}
}

// objectVariant names how an object was fetched — its comma-separated
// expand set — as part of its cache key (see upstream.Client.ObjectKey).
func objectVariant(ext map[string]any) string {
	e, _ := ext["expand"].([]string)
	return strings.Join(e, ",")
}
