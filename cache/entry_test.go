package cache

import (
	"bytes"
	"errors"
	"testing"
	"time"
)

func TestRecordRoundTrip(t *testing.T) {
	fetched := time.Date(2026, 2, 28, 13, 14, 15, 123456789, time.UTC)
	expires := fetched.Add(5 * time.Minute)
	cases := []struct {
		name    string
		e       Entry
		expires time.Time
	}{
		{"full", Entry{Body: []byte(`{"url":"https://zaken.example/zaken/1"}`), ETag: `W/"abc"`, FetchedAt: fetched}, expires},
		{"empty", Entry{}, time.Time{}},
		{"no etag", Entry{Body: []byte("[]"), FetchedAt: fetched}, expires},
		{"binary body", Entry{Body: []byte{0, 1, 2, 0xff, '|', 0}, ETag: "é\x00"}, expires},
		{"large body", Entry{Body: bytes.Repeat([]byte("zaak "), 100_000), ETag: `"big"`}, expires},
		{"far future", Entry{Body: []byte("x"), FetchedAt: fetched}, time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rec := encodeRecord(tc.e, tc.expires)
			if rec[0] != recordVersion {
				t.Fatalf("version byte %d", rec[0])
			}
			got, exp, err := decodeRecord(rec)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Body, tc.e.Body) || got.ETag != tc.e.ETag || !got.FetchedAt.Equal(tc.e.FetchedAt) || !exp.Equal(tc.expires) {
				t.Errorf("decoded %q %q %v %v, want %q %q %v %v",
					trunc(got.Body), got.ETag, got.FetchedAt, exp, trunc(tc.e.Body), tc.e.ETag, tc.e.FetchedAt, tc.expires)
			}
			if got.FetchedAt.IsZero() != tc.e.FetchedAt.IsZero() || exp.IsZero() != tc.expires.IsZero() {
				t.Error("zero times must stay zero")
			}
			if len(rec) > len(tc.e.Body)+len(tc.e.ETag)+recordFixed+8 {
				t.Errorf("record of %d bytes for %d bytes of body and ETag: not compact", len(rec), len(tc.e.Body)+len(tc.e.ETag))
			}
		})
	}
}

func trunc(b []byte) []byte { return b[:min(len(b), 40)] }

func TestRecordCorrupt(t *testing.T) {
	rec := encodeRecord(Entry{Body: []byte(`{"naam":"Jansen"}`), ETag: `"7"`, FetchedAt: time.Now()}, time.Now().Add(time.Minute))

	// Every truncation and every extension is rejected.
	for n := range len(rec) {
		if _, _, err := decodeRecord(rec[:n]); err == nil {
			t.Errorf("truncated to %d bytes: decoded", n)
		}
	}
	if _, _, err := decodeRecord(append(bytes.Clone(rec), 0)); err == nil {
		t.Error("trailing byte: decoded")
	}
	// Every single-bit flip is rejected.
	for i := range rec {
		for bit := range 8 {
			b := bytes.Clone(rec)
			b[i] ^= 1 << bit
			if _, _, err := decodeRecord(b); err == nil {
				t.Fatalf("bit %d of byte %d flipped: decoded", bit, i)
			}
		}
	}
	// Another version is rejected as such, even with a valid checksum.
	other := bytes.Clone(rec)
	other[0] = recordVersion + 1
	if _, _, err := decodeRecord(other); !errors.Is(err, errRecordVersion) {
		t.Errorf("version %d: err %v, want errRecordVersion", other[0], err)
	}
	for _, junk := range []string{"", "{}", `{"body":"x"}`, "\x01", "\x01garbage-garbage-garbage"} {
		if _, _, err := decodeRecord([]byte(junk)); err == nil {
			t.Errorf("%q decoded", junk)
		}
	}
}

func FuzzDecodeRecord(f *testing.F) {
	f.Add(encodeRecord(Entry{Body: []byte("b"), ETag: "e"}, time.Unix(1, 0)))
	f.Add([]byte{recordVersion})
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		e, exp, err := decodeRecord(b)
		if err != nil {
			return
		}
		// What decodes re-encodes to the same bytes.
		if again := encodeRecord(e, exp); !bytes.Equal(again, b) {
			t.Errorf("re-encoded %x, want %x", again, b)
		}
	})
}
