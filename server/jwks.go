package server

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"time"
)

// Limits of the key set.
const (
	maxJWKSBytes      = 1 << 20
	maxJWKSKeys       = 100
	minRSABits        = 2048
	jwksFetchTimeout  = 5 * time.Second
	defaultJWKSTTL    = time.Hour
	defaultJWKSMinGap = 30 * time.Second
)

// ErrUnknownKey is returned for a token whose key id is not in the key set
// (after a refresh), or whose key does not fit its algorithm.
var ErrUnknownKey = errors.New("signing key unknown")

// JWKSOptions configures a JWKS.
type JWKSOptions struct {
	// URL is where the keys are published; File a local file instead.
	// Exactly one is set.
	URL  string
	File string
	// CacheTTL is how long fetched keys are used before they are fetched
	// again (default 1h).
	CacheTTL time.Duration
	// MinRefresh is the least time between two fetches; a token with an
	// unknown key id causes a fetch only after it (default 30s).
	MinRefresh time.Duration
	// Client fetches URL (default: a client with a 5s timeout that follows
	// no redirect).
	Client *http.Client
	// Now replaces time.Now.
	Now func() time.Time
}

// JWKS is the set of public keys that signs bearer tokens: a JSON Web Key
// Set read from a URL or a file. Only RSA (at least 2048 bits) and EC
// (P-256, P-384, P-521) signature keys are kept; symmetric keys are
// ignored, so a token can never be verified with a shared secret. Keys are
// fetched when first needed, after CacheTTL, and when a token names an
// unknown key id (rotation), never more often than MinRefresh. When a
// fetch fails the keys fetched before stay in use.
type JWKS struct {
	o JWKSOptions

	fetchMu sync.Mutex // one fetch at a time

	mu        sync.Mutex
	keys      []jwk
	fetchedAt time.Time
	lastTry   time.Time
	lastErr   error
}

type jwk struct {
	kid string
	alg string // "" when the key does not restrict it
	key crypto.PublicKey
}

// NewJWKS returns a key set; nothing is fetched yet.
func NewJWKS(o JWKSOptions) *JWKS {
	if o.CacheTTL <= 0 {
		o.CacheTTL = defaultJWKSTTL
	}
	if o.MinRefresh <= 0 {
		o.MinRefresh = defaultJWKSMinGap
	}
	if o.Client == nil {
		// No redirects: the keys decide who gets in, so they come from
		// the configured address only.
		o.Client = &http.Client{Timeout: jwksFetchTimeout, CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		}}
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return &JWKS{o: o}
}

// Key returns the public key with the key id kid that verifies alg. A token
// without kid is accepted when exactly one key fits alg.
func (s *JWKS) Key(ctx context.Context, kid, alg string) (crypto.PublicKey, error) {
	now := s.o.Now()
	s.mu.Lock()
	keys, fetched, last := s.keys, s.fetchedAt, s.lastTry
	s.mu.Unlock()
	k, found := pick(keys, kid, alg)
	stale := fetched.IsZero() || now.Sub(fetched) >= s.o.CacheTTL
	if found && !stale {
		return k, nil
	}
	if last.IsZero() || now.Sub(last) >= s.o.MinRefresh {
		s.refresh(ctx, last)
		s.mu.Lock()
		keys = s.keys
		s.mu.Unlock()
		k, found = pick(keys, kid, alg)
	}
	if found {
		return k, nil
	}
	s.mu.Lock()
	err := s.lastErr
	s.mu.Unlock()
	if len(keys) == 0 && err != nil {
		return nil, fmt.Errorf("%w: the key set could not be read: %v", ErrUnknownKey, err)
	}
	return nil, ErrUnknownKey
}

// refresh fetches the keys unless another caller did so since seen.
func (s *JWKS) refresh(ctx context.Context, seen time.Time) {
	s.fetchMu.Lock()
	defer s.fetchMu.Unlock()
	s.mu.Lock()
	if !s.lastTry.Equal(seen) {
		s.mu.Unlock()
		return // fetched meanwhile
	}
	s.lastTry = s.o.Now()
	s.mu.Unlock()

	keys, err := s.load(ctx)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lastErr = err
	if err == nil {
		s.keys, s.fetchedAt = keys, s.o.Now()
	}
}

func (s *JWKS) load(ctx context.Context) ([]jwk, error) {
	var body []byte
	if s.o.File != "" {
		f, err := os.Open(s.o.File)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		body, err = io.ReadAll(io.LimitReader(f, maxJWKSBytes+1))
		if err != nil {
			return nil, err
		}
	} else {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), jwksFetchTimeout)
		defer cancel()
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.o.URL, nil)
		if err != nil {
			return nil, err
		}
		req.Header.Set("Accept", "application/json, application/jwk-set+json")
		resp, err := s.o.Client.Do(req)
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("GET %s: status %d", s.o.URL, resp.StatusCode)
		}
		body, err = io.ReadAll(io.LimitReader(resp.Body, maxJWKSBytes+1))
		if err != nil {
			return nil, err
		}
	}
	if len(body) > maxJWKSBytes {
		return nil, fmt.Errorf("key set larger than %d bytes", maxJWKSBytes)
	}
	return parseJWKS(body)
}

// rawJWK is one JSON Web Key (RFC 7517/7518).
type rawJWK struct {
	Kty    string   `json:"kty"`
	Kid    string   `json:"kid"`
	Use    string   `json:"use"`
	KeyOps []string `json:"key_ops"`
	Alg    string   `json:"alg"`
	N      string   `json:"n"`
	E      string   `json:"e"`
	Crv    string   `json:"crv"`
	X      string   `json:"x"`
	Y      string   `json:"y"`
}

// parseJWKS reads a key set, keeping the usable signature keys. A set
// without any is an error.
func parseJWKS(body []byte) ([]jwk, error) {
	var set struct {
		Keys []rawJWK `json:"keys"`
	}
	if err := json.Unmarshal(body, &set); err != nil {
		return nil, fmt.Errorf("not a JSON Web Key Set: %v", err)
	}
	var out []jwk
	for _, r := range set.Keys {
		if len(out) == maxJWKSKeys {
			break
		}
		if r.Use != "" && r.Use != "sig" {
			continue
		}
		if len(r.KeyOps) > 0 && !slices.Contains(r.KeyOps, "verify") {
			continue
		}
		k, err := r.publicKey()
		if err != nil {
			continue
		}
		if r.Alg != "" && !keyFits(k, r.Alg) {
			continue
		}
		out = append(out, jwk{kid: r.Kid, alg: r.Alg, key: k})
	}
	if len(out) == 0 {
		return nil, errors.New("the key set holds no usable signature key (RSA or EC)")
	}
	return out, nil
}

func (r rawJWK) publicKey() (crypto.PublicKey, error) {
	switch r.Kty {
	case "RSA":
		n, err := b64uint(r.N)
		if err != nil {
			return nil, err
		}
		e, err := b64uint(r.E)
		if err != nil {
			return nil, err
		}
		if n.BitLen() < minRSABits {
			return nil, fmt.Errorf("RSA key of %d bits, want at least %d", n.BitLen(), minRSABits)
		}
		if !e.IsInt64() || e.Int64() < 3 || e.Int64() > 1<<31-1 || e.Bit(0) == 0 {
			return nil, errors.New("bad RSA exponent")
		}
		return &rsa.PublicKey{N: n, E: int(e.Int64())}, nil
	case "EC":
		var curve elliptic.Curve
		switch r.Crv {
		case "P-256":
			curve = elliptic.P256()
		case "P-384":
			curve = elliptic.P384()
		case "P-521":
			curve = elliptic.P521()
		default:
			return nil, fmt.Errorf("unsupported curve %q", r.Crv)
		}
		x, err1 := base64.RawURLEncoding.DecodeString(r.X)
		y, err2 := base64.RawURLEncoding.DecodeString(r.Y)
		size := (curve.Params().BitSize + 7) / 8
		if err1 != nil || err2 != nil || len(x) != size || len(y) != size {
			return nil, errors.New("bad EC coordinates")
		}
		point := append(append([]byte{4}, x...), y...)
		return ecdsa.ParseUncompressedPublicKey(curve, point)
	}
	return nil, fmt.Errorf("unsupported key type %q", r.Kty)
}

func b64uint(s string) (*big.Int, error) {
	b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "="))
	if err != nil || len(b) == 0 {
		return nil, errors.New("bad base64url integer")
	}
	return new(big.Int).SetBytes(b), nil
}

// keyFits reports whether key can verify signatures of alg.
func keyFits(key crypto.PublicKey, alg string) bool {
	switch k := key.(type) {
	case *rsa.PublicKey:
		return strings.HasPrefix(alg, "RS") || strings.HasPrefix(alg, "PS")
	case *ecdsa.PublicKey:
		switch alg {
		case "ES256":
			return k.Curve == elliptic.P256()
		case "ES384":
			return k.Curve == elliptic.P384()
		case "ES512":
			return k.Curve == elliptic.P521()
		}
	}
	return false
}

// pick finds the key for kid and alg; without kid, the only key fitting
// alg.
func pick(keys []jwk, kid, alg string) (crypto.PublicKey, bool) {
	var match []jwk
	for _, k := range keys {
		if kid != "" && k.kid != kid {
			continue
		}
		if (k.alg != "" && k.alg != alg) || !keyFits(k.key, alg) {
			continue
		}
		match = append(match, k)
	}
	if len(match) != 1 {
		return nil, false
	}
	return match[0].key, true
}
