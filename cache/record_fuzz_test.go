package cache

import (
	"bytes"
	"math"
	"testing"
	"time"
)

// FuzzRecord encodes an entry made of the fuzzer's fields (any body, any
// ETag, any moment) and checks that it decodes to the same entry; with
// FuzzDecodeRecord (arbitrary records decode to what encodes back to them)
// the record format is a bijection. Run it with
//
//	go test -run '^$' -fuzz '^FuzzRecord$' -fuzztime 30s ./cache
func FuzzRecord(f *testing.F) {
	at := time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC)
	f.Add([]byte(`{"url":"x"}`), `W/"1"`, at.UnixNano(), at.Add(time.Minute).UnixNano())
	f.Add([]byte(nil), "", int64(0), int64(0))
	f.Add([]byte{0, 0xff}, "\x00é", int64(math.MinInt64), int64(math.MaxInt64))
	f.Add(bytes.Repeat([]byte("zaak "), 1000), `"big"`, int64(-1), int64(1))
	f.Fuzz(func(t *testing.T, body []byte, etag string, fetched, expires int64) {
		// 0 stands for the zero time in a record: the epoch itself is
		// not a moment a response is fetched at.
		var ft, et time.Time
		if fetched != 0 {
			ft = time.Unix(0, fetched)
		}
		if expires != 0 {
			et = time.Unix(0, expires)
		}
		in := Entry{Body: body, ETag: etag, FetchedAt: ft}
		e, exp, err := decodeRecord(encodeRecord(in, et))
		if err != nil {
			t.Fatalf("an encoded entry does not decode: %v", err)
		}
		if !bytes.Equal(e.Body, in.Body) || e.ETag != in.ETag || !e.FetchedAt.Equal(in.FetchedAt) || !exp.Equal(et) {
			t.Fatalf("entry %+v (expires %v) decodes as %+v (expires %v)", in, et, e, exp)
		}
	})
}
