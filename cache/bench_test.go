package cache

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"
)

func benchL1(b *testing.B, n int) (*L1, []string) {
	c := NewL1(L1Options{MaxBytes: 64 << 20})
	keys := make([]string, n)
	items := make([]Item, n)
	for i := range keys {
		keys[i] = Key("openzaak", "https://zaken.example/zaken/api/v1/zaken/"+strconv.Itoa(i), "cred-1")
		items[i] = Item{Key: keys[i], Entry: Entry{Body: make([]byte, 2048), ETag: `"abc"`}, TTL: time.Hour}
	}
	c.SetMulti(context.Background(), items)
	return c, keys
}

func BenchmarkL1Get(b *testing.B) {
	c, keys := benchL1(b, 10_000)
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, ok := c.Get(ctx, keys[i%len(keys)]); !ok {
			b.Fatal("miss")
		}
		i++
	}
}

func BenchmarkL1GetParallel(b *testing.B) {
	c, keys := benchL1(b, 10_000)
	ctx := context.Background()
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			c.Get(ctx, keys[i%len(keys)])
			i++
		}
	})
}

func BenchmarkL1GetMulti10(b *testing.B) {
	c, keys := benchL1(b, 10_000)
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		j := (i * 10) % (len(keys) - 10)
		if hits := c.GetMulti(ctx, keys[j:j+10]); len(hits) != 10 {
			b.Fatal("miss")
		}
		i++
	}
}

func BenchmarkL1Set(b *testing.B) {
	// 2 KiB entries in 8 MiB: most sets evict.
	c := NewL1(L1Options{MaxBytes: 8 << 20})
	ctx := context.Background()
	keys := make([]string, 100_000)
	for i := range keys {
		keys[i] = "k" + strconv.Itoa(i)
	}
	e := Entry{Body: make([]byte, 2048), ETag: `"abc"`}
	items := make([]Item, 1)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		items[0] = Item{Key: keys[i%len(keys)], Entry: e, TTL: time.Hour}
		c.SetMulti(ctx, items)
		i++
	}
}

func BenchmarkKey(b *testing.B) {
	b.Run("short", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Key("openzaak", "https://zaken.example/zaken/api/v1/zaken/0b3b2a6c-7f1e-4b8a-9a3d-2f5c9e1d4b7a", "cred-1", "")
		}
	})
	b.Run("long", func(b *testing.B) {
		long := "https://zaken.example/zaken/api/v1/zaken/_zoek?" + strings.Repeat("uuid__in=0b3b2a6c-7f1e-4b8a-9a3d-2f5c9e1d4b7a&", 20)
		b.ReportAllocs()
		for b.Loop() {
			Key("openzaak", long, "cred-1", "")
		}
	})
}

func BenchmarkRecord(b *testing.B) {
	e := Entry{Body: make([]byte, 2048), ETag: `"abc"`, FetchedAt: time.Now()}
	exp := time.Now().Add(time.Minute)
	b.Run("encode", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			encodeRecord(e, exp)
		}
	})
	rec := encodeRecord(e, exp)
	b.Run("decode", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, _, err := decodeRecord(rec); err != nil {
				b.Fatal(err)
			}
		}
	})
}
