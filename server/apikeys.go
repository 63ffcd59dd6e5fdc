package server

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"strings"
)

// APIKey is the static key of one service client, known only by its
// SHA-256.
type APIKey struct {
	// Client names the client.
	Client string
	// SHA256 is the hex SHA-256 of the key.
	SHA256 string
	// Roles are the client's roles.
	Roles []string
}

// apiKeys matches presented keys against the configured hashes.
type apiKeys struct {
	keys   []APIKey
	hashes [][sha256.Size]byte
}

func newAPIKeys(keys []APIKey) (*apiKeys, error) {
	a := &apiKeys{keys: keys, hashes: make([][sha256.Size]byte, len(keys))}
	for i, k := range keys {
		b, err := hex.DecodeString(strings.ToLower(k.SHA256))
		if err != nil || len(b) != sha256.Size {
			return nil, fmt.Errorf("API key of client %q: sha256 must be %d hex digits", k.Client, 2*sha256.Size)
		}
		copy(a.hashes[i][:], b)
	}
	return a, nil
}

// match returns the client whose key was presented. Every configured hash
// is compared in constant time, so the time taken says nothing about
// which (or whether a) key came close.
func (a *apiKeys) match(key string) (APIKey, bool) {
	h := sha256.Sum256([]byte(key))
	found := -1
	for i := range a.hashes {
		if subtle.ConstantTimeCompare(h[:], a.hashes[i][:]) == 1 {
			found = i
		}
	}
	if found < 0 {
		return APIKey{}, false
	}
	return a.keys[found], true
}
