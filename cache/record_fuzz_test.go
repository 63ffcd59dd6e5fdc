package cache

import (
	"bytes"
	"testing"
	"time"
)

// FuzzRecord feeds arbitrary bytes to the decoder of the records Redis
// holds (another replica, another version or a corrupted value may have
// written them): no panic, and a record that decodes is exactly the record
// the encoder makes of what was decoded, so one entry has one encoding. It
// also encodes an entry made of the fuzzer's fields and checks that it
// decodes to the same entry. Run it with
//
//	go test -run '^$' -fuzz '^FuzzRecord$' -fuzztime 30s ./cache
func FuzzRecord(f *testing.F) {
	at := time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC)
	good := encodeRecord(Entry{Body: []byte(`{"url":"x"}`), ETag: `W/"1"`, FetchedAt: at}, at.Add(time.Minute))
	flipped := bytes.Clone(good)
	flipped[len(flipped)-1] ^= 1
	for _, b := range [][]byte{good, flipped, good[:len(good)-1], encodeRecord(Entry{}, time.Time{}),
		{recordVersion}, {2, 0, 0}, nil, append([]byte{recordVersion}, make([]byte, 30)...),
		// A length that points past the end.
		{recordVersion, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 0, 0, 0, 0},
		// A non-minimal length (0 written as two bytes).
		{recordVersion, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0x80, 0x00, 0x00, 0, 0, 0, 0},
	} {
		f.Add(b, []byte("body"), `"etag"`, at.UnixNano(), at.Add(time.Hour).UnixNano())
	}
	f.Fuzz(func(t *testing.T, rec, body []byte, etag string, fetched, expires int64) {
		if e, exp, err := decodeRecord(rec); err == nil {
			if again := encodeRecord(e, exp); !bytes.Equal(again, rec) {
				t.Fatalf("record %x decodes to %+v, %v, which encodes as %x", rec, e, exp, again)
			}
		}

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
