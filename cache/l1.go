package cache

import (
	"context"
	"sync"
	"time"
)

// DefaultL1MaxBytes is the default L1 capacity.
const DefaultL1MaxBytes = 64 << 20

// entryOverhead approximates the memory an L1 entry takes besides its key,
// body and ETag (node, map slot, headers).
const entryOverhead = 160

// L1Options configures an L1.
type L1Options struct {
	// MaxBytes bounds the total size of the entries (default
	// DefaultL1MaxBytes). An entry's size is its key, body and ETag plus a
	// fixed overhead.
	MaxBytes int64
	// MaxEntryBytes is the largest entry stored (default MaxBytes/8): a
	// larger entry is not stored, so one big response cannot flush the cache.
	MaxEntryBytes int64
	// Now is the clock (default time.Now); tests inject their own.
	Now func() time.Time
}

// L1Stats are an L1's counters since it was created, and its current size.
type L1Stats struct {
	Hits      uint64 // GetMulti keys found
	Misses    uint64 // GetMulti keys not found or expired
	Evictions uint64 // entries removed to make room
	Expired   uint64 // entries found expired and removed
	Rejected  uint64 // entries not stored: larger than MaxEntryBytes
	Bytes     int64  // current size of all entries
	Entries   int    // current number of entries
}

// L1 is the in-process tier: a least-recently-used cache bounded by bytes,
// with a TTL per entry. Every operation is O(1) per key under one mutex; it
// is safe for concurrent use.
type L1 struct {
	maxBytes      int64
	maxEntryBytes int64
	now           func() time.Time

	mu    sync.Mutex
	items map[string]*l1Node
	root  l1Node // sentinel: root.next is the most recently used entry
	bytes int64
	stats L1Stats
}

type l1Node struct {
	key        string
	entry      Entry
	expires    int64 // Unix nanoseconds
	size       int64
	prev, next *l1Node
}

// NewL1 returns an empty L1.
func NewL1(opts L1Options) *L1 {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultL1MaxBytes
	}
	if opts.MaxEntryBytes <= 0 {
		opts.MaxEntryBytes = opts.MaxBytes / 8
	}
	opts.MaxEntryBytes = min(opts.MaxEntryBytes, opts.MaxBytes)
	if opts.Now == nil {
		opts.Now = time.Now
	}
	c := &L1{
		maxBytes:      opts.MaxBytes,
		maxEntryBytes: opts.MaxEntryBytes,
		now:           opts.Now,
		items:         make(map[string]*l1Node),
	}
	c.root.next, c.root.prev = &c.root, &c.root
	return c
}

var _ Cache = (*L1)(nil)

// Get returns the entry under key, if present and not expired.
func (c *L1) Get(_ context.Context, key string) (Hit, bool) {
	now := c.now().UnixNano()
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.get(key, now)
}

// GetMulti returns the entries under keys that are present and not expired.
func (c *L1) GetMulti(_ context.Context, keys []string) map[string]Hit {
	if len(keys) == 0 {
		return nil
	}
	now := c.now().UnixNano()
	var hits map[string]Hit
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, k := range keys {
		if _, dup := hits[k]; dup {
			continue
		}
		if h, ok := c.get(k, now); ok {
			if hits == nil {
				hits = make(map[string]Hit, len(keys))
			}
			hits[k] = h
		}
	}
	return hits
}

func (c *L1) get(key string, now int64) (Hit, bool) {
	n := c.items[key]
	if n == nil {
		c.stats.Misses++
		return Hit{}, false
	}
	if now >= n.expires {
		c.remove(n)
		c.stats.Expired++
		c.stats.Misses++
		return Hit{}, false
	}
	c.moveToFront(n)
	c.stats.Hits++
	return Hit{Entry: n.entry, Tier: TierL1, ExpiresAt: time.Unix(0, n.expires)}, true
}

// SetMulti stores the items, each for its TTL. Items with TTL <= 0 or larger
// than MaxEntryBytes are not stored (and remove what was stored under their
// key). Least recently used entries are evicted to make room.
func (c *L1) SetMulti(_ context.Context, items []Item) {
	now := c.now()
	c.mu.Lock()
	defer c.mu.Unlock()
	for i := range items {
		it := &items[i]
		if it.TTL <= 0 {
			c.deleteKey(it.Key)
			continue
		}
		c.set(it.Key, it.Entry, unixNanos(now.Add(it.TTL)))
	}
}

// setUntil stores e under key until expiresAt.
func (c *L1) setUntil(key string, e Entry, expiresAt time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.set(key, e, unixNanos(expiresAt))
}

func (c *L1) set(key string, e Entry, expires int64) {
	size := int64(len(key)+len(e.Body)+len(e.ETag)) + entryOverhead
	if size > c.maxEntryBytes {
		c.deleteKey(key)
		c.stats.Rejected++
		return
	}
	if n := c.items[key]; n != nil {
		c.bytes += size - n.size
		n.entry, n.expires, n.size = e, expires, size
		c.moveToFront(n)
	} else {
		n = &l1Node{key: key, entry: e, expires: expires, size: size}
		c.items[key] = n
		c.pushFront(n)
		c.bytes += size
	}
	for c.bytes > c.maxBytes {
		c.remove(c.root.prev)
		c.stats.Evictions++
	}
}

// Delete removes the keys.
func (c *L1) Delete(_ context.Context, keys ...string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, k := range keys {
		c.deleteKey(k)
	}
}

func (c *L1) deleteKey(key string) {
	if n := c.items[key]; n != nil {
		c.remove(n)
	}
}

// Stats returns the counters and current size.
func (c *L1) Stats() L1Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.stats
	s.Bytes = c.bytes
	s.Entries = len(c.items)
	return s
}

func (c *L1) remove(n *l1Node) {
	n.prev.next, n.next.prev = n.next, n.prev
	n.prev, n.next = nil, nil
	delete(c.items, n.key)
	c.bytes -= n.size
}

func (c *L1) pushFront(n *l1Node) {
	n.prev, n.next = &c.root, c.root.next
	c.root.next.prev = n
	c.root.next = n
}

func (c *L1) moveToFront(n *l1Node) {
	if c.root.next == n {
		return
	}
	n.prev.next, n.next.prev = n.next, n.prev
	c.pushFront(n)
}
