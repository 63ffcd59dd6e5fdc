package upstream

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Where an answer came from, as reported in Call.Cache and the CacheHeader.
const (
	CacheL1          = "l1"
	CacheL2          = "l2"
	CacheRevalidated = "revalidated"
	CacheStale       = "stale"
	CacheShared      = "shared"
)

// CachedResponse is a stored upstream answer.
type CachedResponse struct {
	Body      []byte
	ETag      string
	FetchedAt time.Time
	// Tier is where a lookup found it ("l1", "l2").
	Tier string
}

// CacheItem is one entry to store.
type CacheItem struct {
	Key   string
	Value CachedResponse
	TTL   time.Duration
}

// ResponseCache stores upstream answers. It is best effort: a lookup returns
// only what it found, a store may silently drop entries.
type ResponseCache interface {
	GetMulti(ctx context.Context, keys []string) map[string]CachedResponse
	SetMulti(ctx context.Context, items []CacheItem)
}

// CachePolicy is how one upstream's answers are cached.
type CachePolicy struct {
	// TTL is how long an answer is served without asking the provider;
	// zero disables caching for the upstream. After it, a GET is
	// revalidated with If-None-Match when the answer had an ETag.
	TTL time.Duration
	// StaleIfError is how long past TTL an answer may still be served when
	// the provider is unavailable; such answers are reported as stale.
	StaleIfError time.Duration
	// PerUser: the provider decides per end user what it returns, so the
	// end user is part of the cache key.
	PerUser bool
	// MaxBody bounds the size of a cached body (default 1 MiB).
	MaxBody int
}

// WithCache makes clients cache GET answers and _zoek searches in rc, with
// a policy per upstream. Keys include the upstream, the credential used
// (and the end user when the policy says so), the method, the URL and the
// request body, so callers with different rights never share entries.
func WithCache(rc ResponseCache, policy func(Upstream) CachePolicy) Option {
	return func(o *options) { o.cache, o.policy = rc, policy }
}

type noCacheKey struct{}

// WithoutCache marks a context whose requests must reach the provider.
func WithoutCache(ctx context.Context) context.Context {
	return context.WithValue(ctx, noCacheKey{}, true)
}

// cacheable: reads only — GET, and the POST …/_zoek searches — unless the
// context asks for the provider.
func cacheable(req *http.Request) bool {
	return req.Context().Value(noCacheKey{}) == nil && isRead(req)
}

// isRead: GET, and the POST …/_zoek searches. A read's answer may be reused
// for the upstream's TTL (a search not cached itself has its members
// cached one by one).
func isRead(req *http.Request) bool {
	return req.Method == http.MethodGet || (req.Method == http.MethodPost && strings.HasSuffix(req.URL.Path, "/_zoek"))
}

// principal names the authorization context that decides what the provider
// returns: the credential, and the end user when the provider authorizes
// per user. Secrets themselves never enter a key.
func (c *Client) principal(ctx context.Context) string {
	var p string
	switch a := c.credential(ctx); a.Type {
	case AuthZGWJWT:
		p = "jwt:" + a.ClientID
	case AuthToken:
		h := sha256.Sum256([]byte(a.Token))
		p = "token:" + hex.EncodeToString(h[:8])
	default:
		p = "none"
	}
	if c.policy.PerUser {
		u, _ := EndUserFrom(ctx)
		p += "|user:" + u.ID
	}
	return p
}

// cacheKey is the key of a request: upstream, principal, method, URL, body.
func (c *Client) cacheKey(ctx context.Context, method, url string, body []byte) string {
	h := sha256.New()
	for _, part := range []string{c.principal(ctx), method, url} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	h.Write(body)
	return c.cfg.Name + ":" + hex.EncodeToString(h.Sum(nil))
}

type prefetchKey struct{}

type prefetched struct {
	mu sync.Mutex
	m  map[string]CachedResponse
}

// PrefetchGET looks up the cached answers of GET requests for urls in one
// cache round trip (one MGET at Redis) and returns a context carrying them,
// so the following requests of a batch need no lookup of their own.
func (c *Client) PrefetchGET(ctx context.Context, urls []string) context.Context {
	if c.cache == nil || c.policy.TTL <= 0 || len(urls) == 0 {
		return ctx
	}
	keys := make([]string, 0, len(urls))
	for _, u := range urls {
		ru, err := c.resolve(u)
		if err != nil {
			continue
		}
		keys = append(keys, c.cacheKey(ctx, http.MethodGet, ru.String(), nil))
	}
	hits := c.cache.GetMulti(ctx, keys)
	pf, _ := ctx.Value(prefetchKey{}).(*prefetched)
	if pf == nil {
		pf = &prefetched{m: map[string]CachedResponse{}}
		ctx = context.WithValue(ctx, prefetchKey{}, pf)
	}
	pf.mu.Lock()
	for k, v := range hits {
		pf.m[k] = v
	}
	pf.mu.Unlock()
	return ctx
}

func lookupPrefetched(ctx context.Context, key string) (CachedResponse, bool) {
	pf, _ := ctx.Value(prefetchKey{}).(*prefetched)
	if pf == nil {
		return CachedResponse{}, false
	}
	pf.mu.Lock()
	defer pf.mu.Unlock()
	v, ok := pf.m[key]
	return v, ok
}

// Do sends req and decodes a JSON answer into v (see exchange). With a
// cache, reads are answered from it while fresh; after the TTL a GET with
// an ETag is revalidated (a 304 refreshes the entry without a body);
// concurrent identical requests share one upstream request; and when the
// provider is unavailable an entry within StaleIfError is served and
// reported as stale.
func (c *Client) Do(req *http.Request, v any) (*Response, error) {
	if c.cache == nil || c.policy.TTL <= 0 || !cacheable(req) || !c.ownsRequestURL(req.URL) {
		return c.exchange(req, v)
	}
	ctx := req.Context()
	var body []byte
	if req.GetBody != nil {
		rc, err := req.GetBody()
		if err == nil {
			body, _ = io.ReadAll(rc)
			rc.Close()
		}
	}
	key := c.cacheKey(ctx, req.Method, req.URL.String(), body)
	hit, found := lookupPrefetched(ctx, key)
	if !found {
		got := c.cache.GetMulti(ctx, []string{key})
		hit, found = got[key]
	}
	now := c.now()
	if found && now.Sub(hit.FetchedAt) < c.policy.TTL {
		resp := c.fromCache(req, hit, hit.Tier)
		if c.decoded.reuse(key, hit.FetchedAt, v) {
			c.reportHit(req, hit)
			return resp, nil
		}
		if err := c.decodeInto(req, resp, v); err == nil {
			c.decoded.remember(key, hit.FetchedAt, v)
			c.reportHit(req, hit)
			return resp, nil
		}
		found = false // an entry that does not decode is a miss
	}

	type result struct {
		resp *Response
		err  error
	}
	res, shared := c.flight.do(key, func() any {
		r2 := req.Clone(ctx)
		if body != nil {
			r2.Body = io.NopCloser(bytes.NewReader(body))
		}
		if found && hit.ETag != "" && req.Method == http.MethodGet {
			r2.Header.Set("If-None-Match", hit.ETag)
		}
		resp, err := c.exchange(r2, nil)
		switch {
		case err == nil && resp.NotModified:
			hit.FetchedAt = c.now()
			if e := resp.ETag; e != "" {
				hit.ETag = e
			}
			c.store(ctx, key, hit)
			return result{resp: c.fromCache(req, hit, CacheRevalidated)}
		case err == nil && resp.StatusCode >= 200 && resp.StatusCode < 300 && isJSONContentType(resp.Header.Get("Content-Type")):
			c.store(ctx, key, CachedResponse{Body: resp.Body, ETag: resp.ETag, FetchedAt: c.now()})
			c.storeListObjects(ctx, req, body, resp.Body)
		case err != nil && found && IsKind(err, Unavailable) && c.now().Sub(hit.FetchedAt) < c.policy.TTL+c.policy.StaleIfError:
			c.report(req, CacheStale)
			return result{resp: c.fromCache(req, hit, CacheStale)}
		}
		return result{resp: resp, err: err}
	})
	r := res.(result)
	if shared {
		c.report(req, CacheShared)
	}
	if r.err != nil {
		return r.resp, r.err
	}
	if err := c.decodeInto(req, r.resp, v); err != nil {
		return r.resp, err
	}
	return r.resp, nil
}

// reportHit tells the request hook about an answer served from the cache.
func (c *Client) reportHit(req *http.Request, hit CachedResponse) {
	if c.observer != nil {
		c.observer.OnRequest(c.cfg.Name, req.Method, req.URL.String(), http.StatusOK, 0, nil)
	}
	if h := hookFrom(req.Context()); h != nil {
		h(Call{Source: c.cfg.Name, Method: req.Method, URL: req.URL.String(), Status: http.StatusOK, Cache: hit.Tier,
			FreshUntil: hit.FetchedAt.Add(c.policy.TTL)})
	}
}

func (c *Client) report(req *http.Request, tier string) {
	if h := hookFrom(req.Context()); h != nil {
		call := Call{Source: c.cfg.Name, Method: req.Method, URL: req.URL.String(), Status: http.StatusOK, Cache: tier}
		if tier == CacheShared {
			call.FreshUntil = c.now().Add(c.policy.TTL)
		}
		h(call)
	}
}

func (c *Client) store(ctx context.Context, key string, e CachedResponse) {
	max := c.policy.MaxBody
	if max <= 0 {
		max = 1 << 20
	}
	if len(e.Body) > max {
		return
	}
	e.Tier = ""
	keep := c.policy.TTL + max64(c.policy.StaleIfError, c.policy.TTL)
	c.cache.SetMulti(ctx, []CacheItem{{Key: key, Value: e, TTL: keep}})
}

func max64(a, b time.Duration) time.Duration {
	if a > b {
		return a
	}
	return b
}

// fromCache builds the Response for a cached body.
func (c *Client) fromCache(req *http.Request, e CachedResponse, tier string) *Response {
	h := http.Header{}
	h.Set("Content-Type", "application/json")
	h.Set(CacheHeader, tier)
	if e.ETag != "" {
		h.Set("ETag", e.ETag)
	}
	return &Response{Source: c.cfg.Name, Method: req.Method, URL: req.URL.String(), StatusCode: http.StatusOK,
		Header: h, ETag: e.ETag, Body: e.Body}
}

func (c *Client) decodeInto(req *http.Request, r *Response, v any) error {
	if v == nil || len(r.Body) == 0 || r.StatusCode == http.StatusNoContent {
		return nil
	}
	return c.decode(req, r, v)
}

// flightGroup lets concurrent identical requests share one upstream call.
type flightGroup struct {
	mu sync.Mutex
	m  map[string]*flightCall
}

type flightCall struct {
	done chan struct{}
	val  any
}

func (g *flightGroup) do(key string, fn func() any) (v any, shared bool) {
	g.mu.Lock()
	if g.m == nil {
		g.m = map[string]*flightCall{}
	}
	if fc, ok := g.m[key]; ok {
		g.mu.Unlock()
		<-fc.done
		return fc.val, true
	}
	fc := &flightCall{done: make(chan struct{})}
	g.m[key] = fc
	g.mu.Unlock()
	defer func() {
		g.mu.Lock()
		delete(g.m, key)
		g.mu.Unlock()
		close(fc.done)
	}()
	fc.val = fn()
	return fc.val, false
}

// Objects of a batch are cached one by one, so a later batch with other
// members (or a list that contained them) still finds them.

// ObjectKey is the cache key of one object as fetched in variant: the
// comma-separated expand set it was asked with ("" for none).
func (c *Client) ObjectKey(ctx context.Context, url, variant string) string {
	return c.cacheKey(ctx, "OBJECT", url, []byte(variant))
}

// CachesObjects reports whether the client caches objects at all.
func (c *Client) CachesObjects() bool { return c.cache != nil && c.policy.TTL > 0 }

// GetObjects returns the fresh cached objects among keys (one cache round
// trip), reporting each hit like a cached request.
func (c *Client) GetObjects(ctx context.Context, keys []string) map[string][]byte {
	if !c.CachesObjects() || len(keys) == 0 {
		return nil
	}
	now := c.now()
	hits := c.cache.GetMulti(ctx, keys)
	out := make(map[string][]byte, len(hits))
	h := hookFrom(ctx)
	for k, v := range hits {
		if now.Sub(v.FetchedAt) >= c.policy.TTL {
			continue
		}
		out[k] = v.Body
		if h != nil {
			h(Call{Source: c.cfg.Name, Method: http.MethodGet, Status: http.StatusOK, Cache: v.Tier, FreshUntil: v.FetchedAt.Add(c.policy.TTL)})
		}
	}
	return out
}

// PutObjects stores objects (raw JSON) under their keys.
func (c *Client) PutObjects(ctx context.Context, objs map[string][]byte) {
	if !c.CachesObjects() || len(objs) == 0 {
		return
	}
	now := c.now()
	keep := c.policy.TTL + max64(c.policy.StaleIfError, c.policy.TTL)
	items := make([]CacheItem, 0, len(objs))
	for k, b := range objs {
		items = append(items, CacheItem{Key: k, Value: CachedResponse{Body: b, FetchedAt: now}, TTL: keep})
	}
	c.cache.SetMulti(ctx, items)
}

// storeListObjects stores the members of a Zaken or Documenten list or
// search answer as objects too (see ObjectKey), so a batch loading them by
// URL later finds them without a request.
func (c *Client) storeListObjects(ctx context.Context, req *http.Request, reqBody, body []byte) {
	if c.cfg.Kind != APIZaken && c.cfg.Kind != APIDocumenten {
		return
	}
	var page struct {
		Results []json.RawMessage `json:"results"`
	}
	if json.Unmarshal(body, &page) != nil || len(page.Results) == 0 {
		return
	}
	variant := req.URL.Query().Get("expand")
	if req.Method == http.MethodPost {
		var zoek struct {
			Expand []string `json:"expand"`
		}
		_ = json.Unmarshal(reqBody, &zoek)
		variant = strings.Join(zoek.Expand, ",")
	}
	objs := make(map[string][]byte, len(page.Results))
	for _, raw := range page.Results {
		var head struct {
			URL string `json:"url"`
		}
		if json.Unmarshal(raw, &head) == nil && head.URL != "" {
			objs[c.ObjectKey(ctx, head.URL, variant)] = raw
		}
	}
	c.PutObjects(ctx, objs)
}

// decodedMemo keeps the decoded form of recently served cache entries, so a
// hot entry is not decoded again for every request. Values handed out are
// shared between callers, who treat them as read-only.
type decodedMemo struct {
	mu sync.Mutex
	m  map[string]reflect.Value
}

const maxDecoded = 2048

func decodedKey(key string, at time.Time, v any) string {
	return key + "|" + strconv.FormatInt(at.UnixNano(), 36) + "|" + reflect.TypeOf(v).String()
}

func (d *decodedMemo) reuse(key string, at time.Time, v any) bool {
	rv := reflect.ValueOf(v)
	if v == nil || rv.Kind() != reflect.Pointer || rv.IsNil() {
		return false
	}
	d.mu.Lock()
	got, ok := d.m[decodedKey(key, at, v)]
	d.mu.Unlock()
	if ok {
		rv.Elem().Set(got)
	}
	return ok
}

func (d *decodedMemo) remember(key string, at time.Time, v any) {
	rv := reflect.ValueOf(v)
	if v == nil || rv.Kind() != reflect.Pointer || rv.IsNil() {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.m == nil || len(d.m) >= maxDecoded {
		d.m = make(map[string]reflect.Value, 64) // bounded: start over
	}
	d.m[decodedKey(key, at, v)] = rv.Elem()
}

// Fingerprint names the authorization context the registry's upstreams
// would use for ctx: every upstream's name, base URL and cache principal
// (the credential chosen for the caller, and the end user where the
// policy says so). Two requests with equal fingerprints get the same
// answers from the providers.
func (r *Registry) Fingerprint(ctx context.Context) string {
	h := sha256.New()
	for _, c := range r.clients {
		h.Write([]byte(c.cfg.Name))
		h.Write([]byte{0})
		h.Write([]byte(c.base.String()))
		h.Write([]byte{0})
		h.Write([]byte(c.principal(ctx)))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}
