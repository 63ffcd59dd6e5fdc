package cache

import (
	"context"
	"time"
)

// Tiered is L1 in front of Redis. Without Redis it is L1 alone.
//
// GetMulti asks L1, then Redis for the keys L1 did not have; Redis hits are
// stored in L1 until they expire in Redis. SetMulti and Delete go to both
// tiers. Delete reaches only this process's L1: other gateway instances keep
// their L1 copies until they expire, so L1 TTLs bound how stale an instance
// can be.
type Tiered struct {
	l1  *L1
	l2  *Redis
	now func() time.Time
}

var _ Cache = (*Tiered)(nil)

// NewTiered returns l1 in front of l2; l2 may be nil. l1 must not be nil.
func NewTiered(l1 *L1, l2 *Redis) *Tiered {
	if l1 == nil {
		panic("cache: NewTiered without L1")
	}
	return &Tiered{l1: l1, l2: l2, now: l1.now}
}

// L1 returns the in-process tier.
func (t *Tiered) L1() *L1 { return t.l1 }

// L2 returns the Redis tier, nil if there is none.
func (t *Tiered) L2() *Redis { return t.l2 }

// TieredStats are both tiers' stats; L2 is zero without Redis.
type TieredStats struct {
	L1 L1Stats
	L2 RedisStats
}

// Stats returns both tiers' stats.
func (t *Tiered) Stats() TieredStats {
	s := TieredStats{L1: t.l1.Stats()}
	if t.l2 != nil {
		s.L2 = t.l2.Stats()
	}
	return s
}

// GetMulti returns the hits of both tiers; Hit.Tier says which tier
// answered.
func (t *Tiered) GetMulti(ctx context.Context, keys []string) map[string]Hit {
	hits := t.l1.GetMulti(ctx, keys)
	if t.l2 == nil || len(hits) >= len(keys) {
		return hits
	}
	var missing []string
	if len(hits) == 0 {
		missing = keys
	} else {
		missing = make([]string, 0, len(keys)-len(hits))
		for _, k := range keys {
			if _, ok := hits[k]; !ok {
				missing = append(missing, k)
			}
		}
	}
	l2 := t.l2.GetMulti(ctx, missing)
	if len(l2) == 0 {
		return hits
	}
	if hits == nil {
		hits = make(map[string]Hit, len(l2))
	}
	now := t.now()
	for k, h := range l2 {
		hits[k] = h
		if h.ExpiresAt.After(now) {
			t.l1.setUntil(k, h.Entry, h.ExpiresAt)
		}
	}
	return hits
}

// SetMulti stores the items in L1 and Redis.
func (t *Tiered) SetMulti(ctx context.Context, items []Item) {
	t.l1.SetMulti(ctx, items)
	if t.l2 != nil {
		t.l2.SetMulti(ctx, items)
	}
}

// Delete removes the keys from L1 and Redis.
func (t *Tiered) Delete(ctx context.Context, keys ...string) {
	t.l1.Delete(ctx, keys...)
	if t.l2 != nil {
		t.l2.Delete(ctx, keys...)
	}
}
