package cache

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"math/bits"
	"time"
)

// Entry is one cached upstream response.
type Entry struct {
	// Body is the response body as the upstream sent it. It is shared, not
	// copied: do not modify it after SetMulti or after a hit.
	Body []byte
	// ETag is the upstream's ETag header, if any, for revalidation.
	ETag string
	// FetchedAt is when the gateway received the response from the upstream.
	FetchedAt time.Time
}

// Item is one entry to store under Key for TTL. Items with TTL <= 0 are not
// stored.
type Item struct {
	Key   string
	Entry Entry
	TTL   time.Duration
}

// Tier names the cache tier that answered.
type Tier string

// The tiers.
const (
	TierL1 Tier = "l1" // in-process
	TierL2 Tier = "l2" // Redis
)

// Hit is one entry found in the cache.
type Hit struct {
	Entry Entry
	// Tier is the tier the entry was found in: a Redis hit that Tiered
	// promotes into L1 still reports TierL2.
	Tier Tier
	// ExpiresAt is when the entry expires (the time it was stored plus its
	// TTL).
	ExpiresAt time.Time
}

// Cache is a best-effort multi-key cache. It never returns errors: whatever
// goes wrong is a miss.
type Cache interface {
	// GetMulti returns the hits among keys, by key. Keys that are absent
	// are misses. The map may be nil when nothing was found.
	GetMulti(ctx context.Context, keys []string) map[string]Hit
	// SetMulti stores the items.
	SetMulti(ctx context.Context, items []Item)
	// Delete removes the keys.
	Delete(ctx context.Context, keys ...string)
}

// The stored record (what Redis holds under a key):
//
//	version     1 byte, recordVersion
//	fetchedAt   8 bytes, big-endian Unix nanoseconds (0: zero time)
//	expiresAt   8 bytes, big-endian Unix nanoseconds (0: zero time)
//	len(etag)   uvarint
//	etag
//	len(body)   uvarint
//	body
//	crc         4 bytes, big-endian CRC-32C of everything before it
//
// A record with another version, a length that does not add up or a wrong
// checksum is not decoded: the read is a miss.
const recordVersion = 1

const recordFixed = 1 + 8 + 8 + 4

var (
	errRecordVersion = errors.New("cache: unknown record version")
	errRecordCorrupt = errors.New("cache: corrupt record")
	castagnoli       = crc32.MakeTable(crc32.Castagnoli)
)

func encodeRecord(e Entry, expiresAt time.Time) []byte {
	n := recordFixed + 2*binary.MaxVarintLen64 + len(e.ETag) + len(e.Body)
	b := make([]byte, 0, n)
	b = append(b, recordVersion)
	b = binary.BigEndian.AppendUint64(b, uint64(unixNanos(e.FetchedAt)))
	b = binary.BigEndian.AppendUint64(b, uint64(unixNanos(expiresAt)))
	b = binary.AppendUvarint(b, uint64(len(e.ETag)))
	b = append(b, e.ETag...)
	b = binary.AppendUvarint(b, uint64(len(e.Body)))
	b = append(b, e.Body...)
	return binary.BigEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
}

// decodeRecord decodes a record. The entry's Body aliases b, which must not
// be modified afterwards.
func decodeRecord(b []byte) (Entry, time.Time, error) {
	if len(b) == 0 {
		return Entry{}, time.Time{}, errRecordCorrupt
	}
	if b[0] != recordVersion {
		return Entry{}, time.Time{}, fmt.Errorf("%w %d", errRecordVersion, b[0])
	}
	if len(b) < recordFixed+2 {
		return Entry{}, time.Time{}, errRecordCorrupt
	}
	payload, sum := b[:len(b)-4], binary.BigEndian.Uint32(b[len(b)-4:])
	if crc32.Checksum(payload, castagnoli) != sum {
		return Entry{}, time.Time{}, errRecordCorrupt
	}
	fetched := fromUnixNanos(int64(binary.BigEndian.Uint64(payload[1:9])))
	expires := fromUnixNanos(int64(binary.BigEndian.Uint64(payload[9:17])))
	rest := payload[17:]

	etag, rest, ok := readChunk(rest)
	if !ok {
		return Entry{}, time.Time{}, errRecordCorrupt
	}
	body, rest, ok := readChunk(rest)
	if !ok || len(rest) != 0 {
		return Entry{}, time.Time{}, errRecordCorrupt
	}
	e := Entry{ETag: string(etag), FetchedAt: fetched}
	if len(body) > 0 {
		e.Body = body[:len(body):len(body)]
	}
	return e, expires, nil
}

func readChunk(b []byte) (chunk, rest []byte, ok bool) {
	n, w := binary.Uvarint(b)
	// w must be the minimal length for n: one encoding per record.
	if w <= 0 || w != 1+(bits.Len64(n|1)-1)/7 || n > uint64(len(b)-w) {
		return nil, nil, false
	}
	end := w + int(n)
	return b[w:end], b[end:], true
}

// unixNanos is t in Unix nanoseconds, 0 for the zero time; times outside
// what int64 nanoseconds can hold are clamped.
func unixNanos(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	switch {
	case t.Before(minTime):
		return minTime.UnixNano()
	case t.After(maxTime):
		return maxTime.UnixNano()
	}
	return t.UnixNano()
}

func fromUnixNanos(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n)
}

var (
	minTime = time.Unix(0, math.MinInt64)
	maxTime = time.Unix(0, math.MaxInt64)
)
