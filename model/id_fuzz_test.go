package model

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// Fuzz targets for what callers send as global ids and scalar values. Run
// one with
//
//	go test -run '^$' -fuzz '^FuzzParseID$' -fuzztime 30s ./model

// FuzzParseID feeds arbitrary strings to node(id:): no panic, an accepted
// id names a known type and a URL, and it is exactly the id the gateway
// makes for that type and URL (Relay: node(id: X) answers an object whose
// id is X, so one object must not be reachable by several ids). It also
// checks that every id the gateway makes, for any URL, reads back as the
// type and URL it was made from.
func FuzzParseID(f *testing.F) {
	for _, s := range []string{
		NewID("Zaak", "https://zaken.example.nl/zaken/api/v1/zaken/2816d646-6a2f-4b3f-9d51-5ded9d402afe"),
		NewID("Klant", "http://127.0.0.1:8001/klanten/api/v1/klanten/15f9470d-d692-4473-9337-8f8e26c6cab2"),
		NewID("InterneTaak", "x"),
		NewID("Onbekend", "https://example.nl/x"),
		NewID("Zaak", ""),
		"", "=", "WmFhazo", "WmFhazpodHRwczovL3g=", "WmFhazpodHRwczovL3g\n", "WmFhazpodHRwczovL3h",
		"WmFhazpodHRwczovL3i", "Wm Fhaz", strings.Repeat("A", 4097), "Zaak:https://x", "\xff\xfe",
	} {
		f.Add(s, "https://zaken.example.nl/zaken/api/v1/zaken/1")
	}
	f.Add("", "http://127.0.0.1:1/a:b:c")
	f.Add("", "\x00\xff")
	f.Fuzz(func(t *testing.T, id, url string) {
		typ, u, err := ParseID(id)
		if err != nil {
			if err != ErrBadID || typ != "" || u != "" {
				t.Fatalf("ParseID(%q) = %q, %q, %v; want ErrBadID and nothing else", id, typ, u, err)
			}
		} else {
			known := false
			for _, n := range NodeTypes {
				known = known || n == typ
			}
			if !known || u == "" {
				t.Fatalf("ParseID(%q) accepted type %q, url %q", id, typ, u)
			}
			if again := NewID(typ, u); again != id {
				t.Fatalf("ParseID(%q) = %s %q, whose id is %q: one object, two ids", id, typ, u, again)
			}
		}

		if url == "" || len(url) > 3000 {
			return
		}
		for _, typ := range NodeTypes {
			made := NewID(typ, url)
			gt, gu, err := ParseID(made)
			if err != nil || gt != typ || gu != url {
				t.Fatalf("NewID(%q, %q) = %q reads back as %q, %q, %v", typ, url, made, gt, gu, err)
			}
		}
	})
}

// FuzzScalars feeds arbitrary strings to the Date and DateTime scalars and
// to the parsers of provider dates: no panic, accepted values write back as
// what they read, and ParseDate keeps only a valid date.
func FuzzScalars(f *testing.F) {
	for _, s := range []string{"2025-03-14", "2025-03-14T09:30:00Z", "2025-03-14T09:30:00.123456+02:00",
		"2025-02-30", "0000-01-01", "9999-12-31T23:59:59Z", "2025-03-14T09:30:00", "-0001-01-01", "", "\xff", "2025-03-14 ",
		"+10000-01-01T00:00:00Z", "2025-03-14T24:00:00Z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var d Date
		if err := d.UnmarshalGQL(s); err == nil {
			var b strings.Builder
			d.MarshalGQL(&b)
			if string(d) != s || b.Len() < len(s)+2 {
				t.Fatalf("Date %q reads as %q, writes %s", s, d, b.String())
			}
		}
		var dt DateTime
		if err := dt.UnmarshalGQL(s); err == nil {
			var b strings.Builder
			dt.MarshalGQL(&b)
			out := strings.Trim(b.String(), `"`)
			back, err := time.Parse(time.RFC3339, out)
			if err != nil {
				t.Fatalf("DateTime %q writes %s, which is not RFC 3339: %v", s, b.String(), err)
			}
			if !back.Equal(time.Time(dt).Truncate(time.Second)) {
				t.Fatalf("DateTime %q writes %s, a different moment", s, b.String())
			}
		}
		if p, ok := ParseDateTime(s); ok != (p != nil) {
			t.Fatalf("ParseDateTime(%q) = %v, %v", s, p, ok)
		}
		if p := ParseDate(s); p != nil {
			if len(*p) != 10 || !strings.HasPrefix(s, string(*p)) || !utf8.ValidString(string(*p)) {
				t.Fatalf("ParseDate(%q) = %q", s, *p)
			}
			var again Date
			if err := again.UnmarshalGQL(string(*p)); err != nil {
				t.Fatalf("ParseDate(%q) = %q, which the Date scalar refuses: %v", s, *p, err)
			}
		}
	})
}
