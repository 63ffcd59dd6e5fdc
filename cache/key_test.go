package cache

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

func TestKeyReadable(t *testing.T) {
	got := Key("openzaak", "https://zaken.example/api/v1/zaken?bsn=999993653&page=2", "cred-1", "")
	want := "openzaak|https://zaken.example/api/v1/zaken?bsn=999993653&page=2|cred-1||"
	if got != want {
		t.Errorf("Key = %q, want %q", got, want)
	}
	if got := Key("a|b", "50%", "#1"); got != "a%7Cb|50%25|%231|" {
		t.Errorf("escaped Key = %q", got)
	}
}

func TestKeyLongPartsHashed(t *testing.T) {
	long := "https://zaken.example/api/v1/zaken/_zoek?" + strings.Repeat("uuid__in=0b3b2a6c-7f1e-4b8a-9a3d-2f5c9e1d4b7a&", 40)
	sum := sha256.Sum256([]byte(long))
	want := "openzaak|#" + hex.EncodeToString(sum[:]) + "|cred-1|"
	if got := Key("openzaak", long, "cred-1"); got != want {
		t.Errorf("Key = %q, want %q", got, want)
	}
	// The limit applies to the escaped form.
	edge := strings.Repeat("a", MaxKeyPartLen)
	if got := Key(edge); got != edge+"|" {
		t.Errorf("part of MaxKeyPartLen bytes hashed: %q", got)
	}
	if got := Key(edge[1:] + "|"); !strings.HasPrefix(got, "#") {
		t.Errorf("part escaping beyond MaxKeyPartLen bytes kept: %q", got)
	}
	// However long the parts, every part takes at most 66 bytes.
	if got := Key(long, long+"x", strings.Repeat("|", 1000)); len(got) > 3*(MaxKeyPartLen+1) {
		t.Errorf("key of %d bytes", len(got))
	}
}

// TestKeyUnambiguous checks on every list of up to three parts over an
// alphabet of separator-like pieces that different lists give different
// keys.
func TestKeyUnambiguous(t *testing.T) {
	pieces := []string{"", "a", "|", "%", "#", "7C", "%7C", "a|", "|a", "#a"}
	var parts []string
	for _, p := range pieces {
		for _, q := range pieces {
			parts = append(parts, p+q)
		}
	}
	seen := map[string]string{}
	add := func(ps ...string) {
		k := Key(ps...)
		id := strings.Join(ps, "\x00") + "/" + string(rune('0'+len(ps)))
		if prev, ok := seen[k]; ok && prev != id {
			t.Fatalf("Key %q for both %q and %q", k, prev, id)
		}
		seen[k] = id
	}
	add()
	for _, a := range parts {
		add(a)
		for _, b := range parts {
			add(a, b)
			for _, c := range pieces {
				add(a, b, c)
			}
		}
	}
	// A hashed part never equals an escaped one.
	long := strings.Repeat("z", 200)
	sum := sha256.Sum256([]byte(long))
	if Key(long) == Key("#"+hex.EncodeToString(sum[:])) {
		t.Error("hashed part collides with its literal form")
	}
}
