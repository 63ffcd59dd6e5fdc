package cache

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

func TestTieredWithoutRedis(t *testing.T) {
	ctx := context.Background()
	clock := newFakeClock()
	c := NewTiered(NewL1(L1Options{Now: clock.Now}), nil)
	c.SetMulti(ctx, []Item{{Key: "a", Entry: Entry{Body: []byte("A")}, TTL: time.Minute}})
	hits := c.GetMulti(ctx, []string{"a", "b"})
	if len(hits) != 1 || hits["a"].Tier != TierL1 {
		t.Fatalf("hits %+v", hits)
	}
	c.Delete(ctx, "a")
	if hits := c.GetMulti(ctx, []string{"a"}); hits != nil {
		t.Errorf("after Delete: %+v", hits)
	}
	if s := c.Stats(); s.L1.Hits != 1 || s.L1.Misses != 2 || s.L2 != (RedisStats{}) || c.L2() != nil {
		t.Errorf("stats %+v", s)
	}
}

func TestTieredPromotion(t *testing.T) {
	r, counter, _ := newTestRedis(t, RedisOptions{})
	ctx := context.Background()

	// Instance A writes; instance B, with its own L1 and clock, reads.
	a := NewTiered(NewL1(L1Options{}), r)
	clockB := newFakeClock()
	clockB.ns.Store(time.Now().UnixNano())
	b := NewTiered(NewL1(L1Options{Now: clockB.Now}), r)

	fetched := time.Now().Round(0)
	a.SetMulti(ctx, []Item{
		{Key: "zaak-1", Entry: Entry{Body: []byte(`{"id":1}`), ETag: `"1"`, FetchedAt: fetched}, TTL: 10 * time.Minute},
		{Key: "zaak-2", Entry: Entry{Body: []byte(`{"id":2}`)}, TTL: 10 * time.Minute},
	})
	if hits := a.GetMulti(ctx, []string{"zaak-1", "zaak-2"}); hits["zaak-1"].Tier != TierL1 || hits["zaak-2"].Tier != TierL1 {
		t.Errorf("writer's own read: %+v, want L1 hits", hits)
	}

	counter.reset()
	first := b.GetMulti(ctx, []string{"zaak-1", "zaak-2", "zaak-3"})
	if len(first) != 2 || first["zaak-1"].Tier != TierL2 || string(first["zaak-1"].Entry.Body) != `{"id":1}` {
		t.Fatalf("first read on B: %+v, want two L2 hits", first)
	}
	if cmds, trips, last := counter.reset(); trips != 1 || cmds["mget"] != 1 || len(last[0].Args()) != 4 {
		t.Errorf("first read on B sent %v in %d round trips", cmds, trips)
	}

	second := b.GetMulti(ctx, []string{"zaak-1", "zaak-2", "zaak-3"})
	if len(second) != 2 || second["zaak-1"].Tier != TierL1 || second["zaak-2"].Tier != TierL1 {
		t.Fatalf("second read on B: %+v, want two L1 hits", second)
	}
	h := second["zaak-1"]
	if h.Entry.ETag != `"1"` || !h.Entry.FetchedAt.Equal(fetched) || !h.ExpiresAt.Equal(first["zaak-1"].ExpiresAt) {
		t.Errorf("promoted entry %+v, want the Redis entry with its expiry %v", h, first["zaak-1"].ExpiresAt)
	}
	// Only the L1 miss (zaak-3) went to Redis.
	if cmds, _, last := counter.reset(); cmds["mget"] != 1 || len(last[0].Args()) != 2 {
		t.Errorf("second read on B sent %v", cmds)
	}

	// The promoted entries live in L1 only for the TTL they had left.
	clockB.Advance(time.Until(h.ExpiresAt) - time.Second)
	if hits := b.L1().GetMulti(ctx, []string{"zaak-1"}); len(hits) != 1 {
		t.Error("promoted entry expired early in L1")
	}
	clockB.Advance(2 * time.Second)
	if hits := b.L1().GetMulti(ctx, []string{"zaak-1"}); len(hits) != 0 {
		t.Error("promoted entry outlived its Redis TTL in L1")
	}

	// Delete reaches Redis and this instance's L1.
	b.Delete(ctx, "zaak-2")
	if hits := b.GetMulti(ctx, []string{"zaak-2"}); hits != nil {
		t.Errorf("after Delete: %+v", hits)
	}
	s := b.Stats()
	if s.L2.Hits < 2 || s.L1.Hits < 2 {
		t.Errorf("stats %+v", s)
	}
}

func TestTieredPromotionNotWhenExpired(t *testing.T) {
	r, _, o := newTestRedis(t, RedisOptions{})
	ctx := context.Background()
	raw := redis.NewClient(o)
	defer raw.Close()
	// A record whose own expiry has passed (another instance's clock ahead,
	// say) while Redis still holds it: a hit, but not kept in L1.
	rec := encodeRecord(Entry{Body: []byte("old")}, time.Now().Add(-time.Second))
	if err := raw.Set(ctx, r.prefix+"k", rec, time.Minute).Err(); err != nil {
		t.Fatal(err)
	}
	c := NewTiered(NewL1(L1Options{}), r)
	if hits := c.GetMulti(ctx, []string{"k"}); hits["k"].Tier != TierL2 {
		t.Fatalf("hits %+v", hits)
	}
	if s := c.L1().Stats(); s.Entries != 0 {
		t.Errorf("expired record promoted: %+v", s)
	}
}

func TestTieredRedisDown(t *testing.T) {
	r, err := NewRedisFromURL("redis://"+closedPort(t)+"/0", RedisOptions{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	ctx := context.Background()
	c := NewTiered(NewL1(L1Options{}), r)
	checkFast(t, "SetMulti", r.timeout+timingMargin, func() {
		c.SetMulti(ctx, []Item{{Key: "a", Entry: Entry{Body: []byte("A")}, TTL: time.Minute}})
	})
	checkFast(t, "GetMulti", r.timeout+timingMargin, func() {
		hits := c.GetMulti(ctx, []string{"a", "b"})
		if len(hits) != 1 || hits["a"].Tier != TierL1 {
			t.Errorf("hits %+v, want a from L1", hits)
		}
	})
	if s := c.Stats(); s.L2.Errors+s.L2.Timeouts != 2 || s.L2.Misses != 1 {
		t.Errorf("stats %+v", s)
	}
}
