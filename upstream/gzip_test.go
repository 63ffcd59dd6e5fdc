package upstream

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"runtime"
	"strings"
	"testing"
)

func gzipBytes(t *testing.T, parts ...[]byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	for _, p := range parts {
		if _, err := zw.Write(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// bomb is a gzip stream of members, each 1 MiB of zeros inside a JSON
// string, together expanding to mib MiB from about a thousandth of that.
func bomb(t *testing.T, mib int) []byte {
	t.Helper()
	head := gzipBytes(t, []byte(`{"x":"`))
	zeros := gzipBytes(t, make([]byte, 1<<20))
	var b bytes.Buffer
	b.Write(head)
	for range mib {
		b.Write(zeros)
	}
	b.Write(gzipBytes(t, []byte(`"}`)))
	return b.Bytes()
}

func serveGzip(body []byte, contentType string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.Header().Set("Content-Encoding", "gzip")
		_, _ = w.Write(body)
	}
}

func TestGzipAskedForAndDecoded(t *testing.T) {
	body := []byte(`{"naam":"` + strings.Repeat("jansen ", 200) + `"}`)
	var asked string
	f := newResFixture(t, func(w http.ResponseWriter, r *http.Request) {
		asked = r.Header.Get("Accept-Encoding")
		serveGzip(gzipBytes(t, body), "application/json")(w, r)
	}, nil, false)
	var v struct{ Naam string }
	resp, err := f.c.Get(context.Background(), "zaken/1", &v)
	if err != nil {
		t.Fatal(err)
	}
	if asked != "gzip" {
		t.Errorf("Accept-Encoding %q, want gzip", asked)
	}
	if !bytes.Equal(resp.Body, body) || !strings.HasPrefix(v.Naam, "jansen jansen") {
		t.Errorf("decoded body %q", resp.Body)
	}
	if resp.Header.Get("Content-Encoding") != "" || resp.Header.Get("Content-Length") != "" {
		t.Errorf("headers still describe the compressed body: %v", resp.Header)
	}
}

func TestGzipErrorBodyIsReadToo(t *testing.T) {
	prob := []byte(`{"status":404,"code":"not_found","title":"Niet gevonden.","detail":"Zaak bestaat niet."}`)
	f := newResFixture(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/problem+json")
		w.Header().Set("Content-Encoding", "gzip")
		w.WriteHeader(404)
		_, _ = w.Write(gzipBytes(t, prob))
	}, nil, false)
	_, err := f.c.Get(context.Background(), "zaken/1", nil)
	if ue := mustUpstreamError(t, err); ue.Kind != NotFound || ue.Code != "not_found" || ue.Detail != "Zaak bestaat niet." {
		t.Errorf("gzipped problem: %+v", ue)
	}
}

func TestGzipDecompressedSizeLimit(t *testing.T) {
	// Text that compresses about 3 to 6 times: below the ratio cap, but
	// 1.5 MiB decompressed against a limit of 1 MiB.
	words := []string{"zaak", "klant", "status", "rol", "besluit", "document", "contactmoment", "verzoek"}
	rng := rand.New(rand.NewPCG(1, 2))
	var plain bytes.Buffer
	plain.WriteString(`{"x":"`)
	for plain.Len() < 3<<19 {
		fmt.Fprintf(&plain, "%s-%d ", words[rng.IntN(len(words))], rng.IntN(100000))
	}
	plain.WriteString(`"}`)
	z := gzipBytes(t, plain.Bytes())
	const limit = 1 << 20
	if len(z) >= limit || plain.Len() <= limit || plain.Len() > MaxCompressionRatio*len(z) {
		t.Fatalf("test body: %d bytes from %d compressed", plain.Len(), len(z))
	}
	f := newResFixture(t, serveGzip(z, "application/json"), func(u *Upstream) { u.MaxResponseBytes = limit }, false)
	_, err := f.c.Get(context.Background(), "zaken", nil)
	ue := mustUpstreamError(t, err)
	if ue.Kind != TooLarge || ue.Detail != fmt.Sprintf("response body exceeds %d bytes", limit) {
		t.Fatalf("want TooLarge for the decompressed size, got %+v", ue)
	}
	// The same body within the limit passes.
	g := newResFixture(t, serveGzip(z, "application/json"), func(u *Upstream) { u.MaxResponseBytes = 2 << 20 }, false)
	resp, err := g.c.Get(context.Background(), "zaken", nil)
	if err != nil || !bytes.Equal(resp.Body, plain.Bytes()) {
		t.Fatalf("within the limit: %v", err)
	}
	// TooLarge is not retried.
	if f.hits.Load() != 1 {
		t.Errorf("TooLarge repeated: %d requests", f.hits.Load())
	}
}

func TestGzipBomb(t *testing.T) {
	const mib = 1024 // 1 GiB decompressed
	b := bomb(t, mib)
	if len(b) > 2<<20 {
		t.Fatalf("bomb is %d bytes compressed", len(b))
	}
	for _, tc := range []struct {
		name   string
		limit  int64
		detail string
	}{
		// Default limit (16 MiB): the ratio cap stops it long before.
		{"ratio", 0, fmt.Sprintf("gzip body expands more than %d:1", MaxCompressionRatio)},
		// A limit far above the bomb: still only the ratio decides.
		{"huge-limit", 4 << 30, fmt.Sprintf("gzip body expands more than %d:1", MaxCompressionRatio)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newResFixture(t, serveGzip(b, "application/json"), func(u *Upstream) { u.MaxResponseBytes = tc.limit }, false)
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := f.c.Get(context.Background(), "zaken", nil)
			runtime.ReadMemStats(&after)
			ue := mustUpstreamError(t, err)
			if ue.Kind != TooLarge || !strings.HasPrefix(ue.Detail, tc.detail) {
				t.Fatalf("gzip bomb: %+v", ue)
			}
			// Everything allocated meanwhile, in every goroutine (the test
			// server included): far below the 1 GiB the bomb expands to.
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 32<<20 {
				t.Errorf("decoding the bomb allocated %d MiB", alloc>>20)
			}
		})
	}
}

func TestGzipBombWithinRatioHitsSizeLimit(t *testing.T) {
	// A stream at a ratio just below the cap is bounded by the size limit.
	rng := rand.New(rand.NewPCG(3, 4))
	chunk := make([]byte, 1<<20)
	for i := range chunk {
		if rng.IntN(60) == 0 {
			chunk[i] = byte('a' + rng.IntN(26))
		} else {
			chunk[i] = 'a'
		}
	}
	zc := gzipBytes(t, chunk)
	z := gzipBytes(t, []byte(`{"x":"`))
	for range 8 {
		z = append(z, zc...)
	}
	z = append(z, gzipBytes(t, []byte(`"}`))...)
	if ratio := (8 << 20) / len(z); ratio >= MaxCompressionRatio || ratio < 4 {
		t.Fatalf("test stream ratio %d", ratio)
	}
	f := newResFixture(t, serveGzip(z, "application/json"), func(u *Upstream) { u.MaxResponseBytes = 2 << 20 }, false)
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := f.c.Get(context.Background(), "zaken", nil)
	runtime.ReadMemStats(&after)
	if ue := mustUpstreamError(t, err); ue.Kind != TooLarge || ue.Detail != "response body exceeds 2097152 bytes" {
		t.Fatalf("%+v", ue)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 24<<20 {
		t.Errorf("allocated %d MiB for a 2 MiB limit", alloc>>20)
	}
}

func TestGzipBadBodies(t *testing.T) {
	good := gzipBytes(t, []byte(`{"a":1}`))
	for _, tc := range []struct {
		name string
		h    http.HandlerFunc
		kind Kind
	}{
		{"corrupt", serveGzip([]byte("not gzip at all"), "application/json"), Decode},
		{"truncated", serveGzip(good[:len(good)-6], "application/json"), Decode},
		{"checksum", serveGzip(append(append([]byte{}, good[:len(good)-8]...), 0, 0, 0, 0, 7, 0, 0, 0), "application/json"), Decode},
		{"brotli", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Content-Encoding", "br")
			_, _ = w.Write([]byte{0x0b, 0x02, 0x80})
		}, Decode},
		{"compressed-over-limit", serveGzip(bytes.Repeat(good, 200), "application/json"), TooLarge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newResFixture(t, tc.h, func(u *Upstream) { u.MaxResponseBytes = 1000 }, false)
			_, err := f.c.Get(context.Background(), "zaken", nil)
			if ue := mustUpstreamError(t, err); ue.Kind != tc.kind {
				t.Errorf("want %v, got %+v", tc.kind, ue)
			}
		})
	}
}

func TestGzipEmptyBodies(t *testing.T) {
	f := newResFixture(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("ETag", `"v1"`)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		if r.Method == http.MethodHead {
			return
		}
		_, _ = w.Write(gzipBytes(t, []byte(`{}`)))
	}, nil, false)
	resp, err := f.c.GetConditional(context.Background(), "zaken/1", `"v1"`, nil)
	if err != nil || !resp.NotModified {
		t.Fatalf("304 with gzip encoding: %v %+v", err, resp)
	}
	req, _ := f.c.NewRequest(context.Background(), http.MethodHead, "zaken/1", nil)
	if resp, err := f.c.Do(req, nil); err != nil || resp.StatusCode != 200 {
		t.Fatalf("HEAD with gzip encoding: %v", err)
	}
}
