package data

import (
	"encoding/hex"
	"errors"
	"math/bits"
)

// UUID is a 16-byte RFC 4122 identifier.
type UUID [16]byte

// String renders the canonical 8-4-4-4-12 form.
func (u UUID) String() string {
	var b [36]byte
	hex.Encode(b[0:8], u[0:4])
	b[8] = '-'
	hex.Encode(b[9:13], u[4:6])
	b[13] = '-'
	hex.Encode(b[14:18], u[6:8])
	b[18] = '-'
	hex.Encode(b[19:23], u[8:10])
	b[23] = '-'
	hex.Encode(b[24:], u[10:])
	return string(b[:])
}

// ParseUUID parses the canonical form (case-insensitive).
func ParseUUID(s string) (UUID, error) {
	var u UUID
	if len(s) != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
		return u, errors.New("invalid uuid")
	}
	src := s[0:8] + s[9:13] + s[14:18] + s[19:23] + s[24:]
	if _, err := hex.Decode(u[:], []byte(src)); err != nil {
		return u, errors.New("invalid uuid")
	}
	return u, nil
}

// MakeUUID derives a random-looking, version-4 shaped UUID deterministically
// from a seed, a kind salt and a sequence number.
func MakeUUID(seed uint64, kind string, n uint64) UUID {
	h := seed ^ 0x9e3779b97f4a7c15
	for i := 0; i < len(kind); i++ {
		h = mix64(h ^ uint64(kind[i]))
	}
	a := mix64(h ^ n)
	b := mix64(a ^ bits.RotateLeft64(n, 32) ^ 0xd1b54a32d192ed03)
	var u UUID
	for i := 0; i < 8; i++ {
		u[i] = byte(a >> (56 - 8*i))
		u[8+i] = byte(b >> (56 - 8*i))
	}
	u[6] = (u[6] & 0x0f) | 0x40 // version 4
	u[8] = (u[8] & 0x3f) | 0x80 // RFC 4122 variant
	return u
}

// mix64 is the splitmix64 finaliser.
func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}
