package cache

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeClock is a clock tests move by hand.
type fakeClock struct{ ns atomic.Int64 }

func newFakeClock() *fakeClock {
	c := &fakeClock{}
	c.ns.Store(time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC).UnixNano())
	return c
}

func (c *fakeClock) Now() time.Time          { return time.Unix(0, c.ns.Load()) }
func (c *fakeClock) Advance(d time.Duration) { c.ns.Add(int64(d)) }

func body(n int) []byte { return []byte(strings.Repeat("x", n)) }

// sizeOf is what L1 charges for an entry.
func sizeOf(key string, e Entry) int64 {
	return int64(len(key)+len(e.Body)+len(e.ETag)) + entryOverhead
}

func keysOf(hits map[string]Hit) []string {
	var ks []string
	for k := range hits {
		ks = append(ks, k)
	}
	return ks
}

func TestL1SetGet(t *testing.T) {
	clock := newFakeClock()
	c := NewL1(L1Options{Now: clock.Now})
	ctx := context.Background()
	fetched := clock.Now().Add(-time.Second)
	c.SetMulti(ctx, []Item{
		{Key: "a", Entry: Entry{Body: []byte(`{"a":1}`), ETag: `"v1"`, FetchedAt: fetched}, TTL: time.Minute},
		{Key: "b", Entry: Entry{Body: []byte(`{"b":2}`)}, TTL: time.Minute},
	})
	hits := c.GetMulti(ctx, []string{"a", "b", "c", "a"})
	if len(hits) != 2 {
		t.Fatalf("hits %v, want a and b", keysOf(hits))
	}
	a := hits["a"]
	if string(a.Entry.Body) != `{"a":1}` || a.Entry.ETag != `"v1"` || !a.Entry.FetchedAt.Equal(fetched) {
		t.Errorf("a = %+v", a)
	}
	if a.Tier != TierL1 {
		t.Errorf("tier %q, want l1", a.Tier)
	}
	if want := clock.Now().Add(time.Minute); !a.ExpiresAt.Equal(want) {
		t.Errorf("ExpiresAt %v, want %v", a.ExpiresAt, want)
	}
	if h, ok := c.Get(ctx, "b"); !ok || string(h.Entry.Body) != `{"b":2}` {
		t.Errorf("Get(b) = %+v, %v", h, ok)
	}
	s := c.Stats()
	// GetMulti: a, b hit; c miss; the repeated a is not looked up again. Get: b hit.
	if s.Hits != 3 || s.Misses != 1 || s.Entries != 2 {
		t.Errorf("stats %+v", s)
	}
	if c.GetMulti(ctx, nil) != nil || c.GetMulti(ctx, []string{"zz"}) != nil {
		t.Error("no hits must give a nil map")
	}

	c.Delete(ctx, "a", "nope")
	if _, ok := c.Get(ctx, "a"); ok {
		t.Error("a still there after Delete")
	}
	if s := c.Stats(); s.Entries != 1 || s.Bytes != sizeOf("b", Entry{Body: []byte(`{"b":2}`)}) {
		t.Errorf("after delete: %+v", s)
	}
}

func TestL1TTL(t *testing.T) {
	clock := newFakeClock()
	c := NewL1(L1Options{Now: clock.Now})
	ctx := context.Background()
	c.SetMulti(ctx, []Item{
		{Key: "short", Entry: Entry{Body: body(10)}, TTL: 10 * time.Second},
		{Key: "long", Entry: Entry{Body: body(10)}, TTL: time.Hour},
		{Key: "zero", Entry: Entry{Body: body(10)}, TTL: 0},
		{Key: "negative", Entry: Entry{Body: body(10)}, TTL: -time.Second},
	})
	if s := c.Stats(); s.Entries != 2 {
		t.Fatalf("entries %d, want 2 (TTL <= 0 is not stored)", s.Entries)
	}
	clock.Advance(10*time.Second - time.Nanosecond)
	if hits := c.GetMulti(ctx, []string{"short", "long"}); len(hits) != 2 {
		t.Fatalf("just before expiry: hits %v", keysOf(hits))
	}
	clock.Advance(time.Nanosecond)
	hits := c.GetMulti(ctx, []string{"short", "long"})
	if _, ok := hits["short"]; ok || len(hits) != 1 {
		t.Fatalf("at expiry: hits %v, want only long", keysOf(hits))
	}
	s := c.Stats()
	if s.Expired != 1 || s.Entries != 1 || s.Bytes != sizeOf("long", Entry{Body: body(10)}) {
		t.Errorf("stats %+v: the expired entry must be removed", s)
	}

	// Setting again renews the TTL; TTL 0 removes the entry.
	c.SetMulti(ctx, []Item{{Key: "long", Entry: Entry{Body: body(3)}, TTL: time.Minute}})
	clock.Advance(59 * time.Second)
	if _, ok := c.Get(ctx, "long"); !ok {
		t.Error("renewed entry gone early")
	}
	c.SetMulti(ctx, []Item{{Key: "long", Entry: Entry{Body: body(3)}}})
	if _, ok := c.Get(ctx, "long"); ok {
		t.Error("TTL 0 must remove the entry")
	}
}

func TestL1ByteBoundAndLRUOrder(t *testing.T) {
	ctx := context.Background()
	e := Entry{Body: body(100), ETag: `"e"`}
	size := sizeOf("k0", e)
	c := NewL1(L1Options{MaxBytes: 3 * size, MaxEntryBytes: 3 * size})
	set := func(k string) { c.SetMulti(ctx, []Item{{Key: k, Entry: e, TTL: time.Hour}}) }
	has := func(k string) bool { _, ok := c.items[k]; return ok } // no LRU touch

	set("k0")
	set("k1")
	set("k2")
	if s := c.Stats(); s.Bytes != 3*size || s.Evictions != 0 {
		t.Fatalf("full cache: %+v", s)
	}
	// Touch k0: k1 is now the least recently used.
	if _, ok := c.Get(ctx, "k0"); !ok {
		t.Fatal("k0 missing")
	}
	set("k3")
	if has("k1") || !has("k0") || !has("k2") || !has("k3") {
		t.Fatalf("after k3: want k1 evicted, have %v", c.lruOrder())
	}
	// Overwriting refreshes recency too: k2 becomes newest, k0 oldest.
	set("k2")
	set("k4")
	if has("k0") {
		t.Fatalf("after k4: want k0 evicted, have %v", c.lruOrder())
	}
	if got, want := c.lruOrder(), []string{"k4", "k2", "k3"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("LRU order %v, want %v", got, want)
	}
	// A bigger entry evicts as many as it needs.
	big := Entry{Body: body(int(2*size) - entryOverhead - len("big"))} // exactly two slots
	c.SetMulti(ctx, []Item{{Key: "big", Entry: big, TTL: time.Hour}})
	if got, want := c.lruOrder(), []string{"big", "k4"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("after big: LRU order %v, want %v", got, want)
	}
	s := c.Stats()
	if s.Evictions != 4 || s.Bytes > 3*size || s.Bytes != sizeOf("big", big)+size {
		t.Errorf("stats %+v", s)
	}
	c.checkInvariants(t)
}

func TestL1Oversize(t *testing.T) {
	ctx := context.Background()
	c := NewL1(L1Options{MaxBytes: 10_000})
	if c.maxEntryBytes != 1250 {
		t.Fatalf("default MaxEntryBytes %d, want MaxBytes/8", c.maxEntryBytes)
	}
	small := Entry{Body: body(100)}
	c.SetMulti(ctx, []Item{{Key: "k", Entry: small, TTL: time.Hour}, {Key: "other", Entry: small, TTL: time.Hour}})
	huge := Entry{Body: body(1250)}
	c.SetMulti(ctx, []Item{{Key: "k", Entry: huge, TTL: time.Hour}, {Key: "new", Entry: huge, TTL: time.Hour}})
	// The oversize value is not stored, and the old value under k, now
	// stale, is gone; nothing else is evicted for it.
	hits := c.GetMulti(ctx, []string{"k", "new", "other"})
	if len(hits) != 1 || hits["other"].Entry.Body == nil {
		t.Errorf("hits %v, want only other", keysOf(hits))
	}
	if s := c.Stats(); s.Rejected != 2 || s.Evictions != 0 || s.Entries != 1 {
		t.Errorf("stats %+v", s)
	}
	// Just at the limit is stored.
	limit := Entry{Body: body(1250 - entryOverhead - 1)}
	c.SetMulti(ctx, []Item{{Key: "L", Entry: limit, TTL: time.Hour}})
	if _, ok := c.Get(ctx, "L"); !ok {
		t.Error("entry of exactly MaxEntryBytes not stored")
	}
	// MaxEntryBytes larger than MaxBytes is capped.
	if c := NewL1(L1Options{MaxBytes: 100, MaxEntryBytes: 1000}); c.maxEntryBytes != 100 {
		t.Errorf("MaxEntryBytes %d, want capped at 100", c.maxEntryBytes)
	}
}

func TestL1Concurrent(t *testing.T) {
	ctx := context.Background()
	clock := newFakeClock()
	c := NewL1(L1Options{MaxBytes: 64 << 10, Now: clock.Now})
	var wg sync.WaitGroup
	for g := range 16 {
		wg.Go(func() {
			r := rand.New(rand.NewPCG(uint64(g), 1))
			for range 5000 {
				k := fmt.Sprintf("k%d", r.IntN(300))
				switch op := r.IntN(10); {
				case op < 5:
					for _, h := range c.GetMulti(ctx, []string{k, "k1", "k2"}) {
						_ = h.Entry.Body[0]
					}
				case op < 8:
					c.SetMulti(ctx, []Item{{Key: k, Entry: Entry{Body: body(1 + r.IntN(2000))}, TTL: time.Duration(1+r.IntN(10)) * time.Second}})
				case op < 9:
					c.Delete(ctx, k)
				default:
					clock.Advance(100 * time.Millisecond)
					_ = c.Stats()
				}
			}
		})
	}
	wg.Wait()
	s := c.Stats()
	if s.Bytes > 64<<10 || s.Hits == 0 || s.Evictions == 0 {
		t.Errorf("stats %+v", s)
	}
	c.checkInvariants(t)
}

// lruOrder lists the keys from most to least recently used.
func (c *L1) lruOrder() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var ks []string
	for n := c.root.next; n != &c.root; n = n.next {
		ks = append(ks, n.key)
	}
	return ks
}

func (c *L1) checkInvariants(t *testing.T) {
	t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	var bytes int64
	n := 0
	for e := c.root.next; e != &c.root; e = e.next {
		if e.next.prev != e {
			t.Fatal("broken list links")
		}
		if c.items[e.key] != e {
			t.Fatalf("list node %q not in the map", e.key)
		}
		if e.size != sizeOf(e.key, e.entry) {
			t.Fatalf("node %q size %d, want %d", e.key, e.size, sizeOf(e.key, e.entry))
		}
		bytes += e.size
		n++
	}
	if n != len(c.items) || bytes != c.bytes || c.bytes > c.maxBytes {
		t.Fatalf("list %d nodes / %d bytes, map %d, counted %d bytes (max %d)", n, bytes, len(c.items), c.bytes, c.maxBytes)
	}
}
