package gen

import (
	"fmt"
	"math/rand/v2"
)

// Elfproef reports whether s is a 9-digit number passing the 11-proef used
// for BSN and RSIN: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11).
func Elfproef(s string) bool {
	if len(s) != 9 {
		return false
	}
	sum := 0
	for i := 0; i < 9; i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return false
		}
		w := 9 - i
		if i == 8 {
			w = -1
		}
		sum += w * int(c-'0')
	}
	return sum%11 == 0
}

// checkDigit returns the last digit that makes the 8 leading digits of n
// (n < 10^8) pass the 11-proef, or -1 when no digit does.
func checkDigit(n int) int {
	sum := 0
	for w := 2; w <= 9; w++ {
		sum += w * (n % 10)
		n /= 10
	}
	d := sum % 11
	if d == 10 {
		return -1
	}
	return d
}

// bsnLevels are the ranges BSNs are drawn from, in order: the test range
// 9999xxxxx first; only datasets with more persons than it holds (about
// 9 000) continue in 999xxxxxx and then 99xxxxxxx.
var bsnLevels = []struct{ prefix, free int }{{9999, 5}, {999, 6}, {99, 7}}

// bsnPool hands out unique valid BSNs in a seed-dependent order.
type bsnPool struct {
	rng     *rand.Rand
	level   int
	list    []int32
	pos     int
	exclude map[int]bool
}

func newBSNPool(rng *rand.Rand, exclude []string) *bsnPool {
	p := &bsnPool{rng: rng, level: -1, exclude: map[int]bool{}}
	for _, s := range exclude {
		n := 0
		fmt.Sscan(s, &n)
		p.exclude[n] = true
	}
	return p
}

func (p *bsnPool) fill() bool {
	p.level++
	if p.level >= len(bsnLevels) {
		return false
	}
	lv := bsnLevels[p.level]
	span := 1
	for i := 0; i < lv.free; i++ {
		span *= 10
	}
	base := lv.prefix * span
	p.list = p.list[:0]
	for n8 := base / 10; n8 < (base+span)/10; n8++ {
		d := checkDigit(n8)
		if d < 0 {
			continue
		}
		n := n8*10 + d
		if p.level > 0 {
			// skip the numbers of the previous (narrower) level
			prev := bsnLevels[p.level-1]
			ps := 1
			for i := 0; i < prev.free; i++ {
				ps *= 10
			}
			if n/ps == prev.prefix {
				continue
			}
		}
		if p.exclude[n] {
			continue
		}
		p.list = append(p.list, int32(n))
	}
	p.rng.Shuffle(len(p.list), func(i, j int) { p.list[i], p.list[j] = p.list[j], p.list[i] })
	p.pos = 0
	return true
}

func (p *bsnPool) next() (string, error) {
	for p.pos >= len(p.list) {
		if !p.fill() {
			return "", fmt.Errorf("gen: out of BSNs")
		}
	}
	n := int(p.list[p.pos])
	p.pos++
	return padNum(n, 9), nil
}

// newRSIN draws an unused RSIN for a company (8xxxxxxxx, 11-proef).
func (g *generator) newRSIN() string {
	for {
		n8 := 80_000_000 + g.rng.IntN(10_000_000)
		d := checkDigit(n8)
		if d < 0 {
			continue
		}
		s := padNum(n8*10+d, 9)
		if !g.usedRSIN[s] {
			g.usedRSIN[s] = true
			return s
		}
	}
}

// newKvK draws an unused 8-digit KvK-nummer.
func (g *generator) newKvK() string {
	for {
		s := padNum(10_000_000+g.rng.IntN(90_000_000), 8)
		if !g.usedKvK[s] {
			g.usedKvK[s] = true
			return s
		}
	}
}

// newVestigingsnummer draws an unused 12-digit vestigingsnummer.
func (g *generator) newVestigingsnummer() string {
	for {
		s := padNum(10_000_000+g.rng.IntN(90_000_000), 12)
		if !g.usedVest[s] {
			g.usedVest[s] = true
			return s
		}
	}
}
