package cache

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// MaxKeyPartLen is the longest part Key keeps readable; longer parts are
// replaced by their SHA-256.
const MaxKeyPartLen = 128

// Key builds a cache key from its parts: see the package documentation for
// what the parts must be (upstream name, canonical URL with query or search
// body, authorization context).
//
// Every part is escaped ('%' as "%25", '|' as "%7C", '#' as "%23") and
// followed by '|', so different lists of parts always give different keys,
// whatever the parts contain. A part whose escaped form is longer than
// MaxKeyPartLen bytes is written as '#' and the hex SHA-256 of the part
// instead (65 bytes; '#' never starts an escaped part), which bounds every
// part and keeps short keys readable in redis-cli.
func Key(parts ...string) string {
	n := 0
	for _, p := range parts {
		n += min(escapedLen(p), 1+sha256.Size*2) + 1
	}
	var b strings.Builder
	b.Grow(n)
	for _, p := range parts {
		if escapedLen(p) > MaxKeyPartLen {
			sum := sha256.Sum256([]byte(p))
			var h [sha256.Size * 2]byte
			hex.Encode(h[:], sum[:])
			b.WriteByte('#')
			b.Write(h[:])
		} else {
			writeEscaped(&b, p)
		}
		b.WriteByte('|')
	}
	return b.String()
}

func escapedLen(s string) int {
	n := len(s)
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '%', '|', '#':
			n += 2
		}
	}
	return n
}

func writeEscaped(b *strings.Builder, s string) {
	start := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '%':
			esc = "%25"
		case '|':
			esc = "%7C"
		case '#':
			esc = "%23"
		default:
			continue
		}
		b.WriteString(s[start:i])
		b.WriteString(esc)
		start = i + 1
	}
	b.WriteString(s[start:])
}
