package config

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"slices"
)

// Limits bounds what one GraphQL request may ask for and how often a
// client may ask. Every limit is refused with a GraphQL error whose
// extensions.code names it (QUERY_TOO_DEEP, QUERY_TOO_COMPLEX,
// TOO_MANY_ALIASES, TOO_MANY_ROOT_FIELDS, UPSTREAM_BUDGET_EXCEEDED,
// RATE_LIMITED) and whose message gives the limit.
type Limits struct {
	// MaxDepth bounds the nesting of fields, fragments expanded
	// ({ a { b } } is 2 deep); default 15.
	MaxDepth int `yaml:"maxDepth"`
	// MaxComplexity bounds the cost of a query: every field costs 1, a
	// connection first × its selection, a list of related objects 10 × its
	// selection (see server.Complexity); default 100000.
	MaxComplexity int `yaml:"maxComplexity"`
	// MaxAliases bounds the aliased fields, fragments expanded; default 30.
	MaxAliases int `yaml:"maxAliases"`
	// MaxRootFields bounds the distinct root fields of an operation;
	// default 10.
	MaxRootFields int `yaml:"maxRootFields"`
	// MaxUpstreamRequests bounds the requests one GraphQL request makes to
	// the providers (cache hits are free); once spent, further upstream
	// calls of that request fail with UPSTREAM_BUDGET_EXCEEDED. Default 250.
	MaxUpstreamRequests int `yaml:"maxUpstreamRequests"`
	// RateLimit is a token bucket per client; off unless requestsPerSecond
	// is set.
	RateLimit RateLimit `yaml:"rateLimit"`
}

// RateLimit is a token bucket per client: the end user named by the
// trusted end-user header (endUser.trustHeaders), else the remote address.
// A request over the limit is answered 429 with code RATE_LIMITED and
// Retry-After.
type RateLimit struct {
	// RequestsPerSecond is the sustained rate; 0 (the default) turns rate
	// limiting off.
	RequestsPerSecond float64 `yaml:"requestsPerSecond"`
	// Burst is how many requests a client may make at once (default: the
	// rate rounded up, at least 1).
	Burst int `yaml:"burst"`
}

// BurstOr is the burst with its default applied.
func (r RateLimit) BurstOr() int {
	if r.Burst > 0 {
		return r.Burst
	}
	return max(1, int(math.Ceil(r.RequestsPerSecond)))
}

// PersistedQueries configures persisted queries (the Apollo protocol:
// extensions.persistedQuery.sha256Hash).
type PersistedQueries struct {
	// APQ turns on automatic persisted queries: a client registers a query
	// by sending it with its hash once, then sends the hash alone.
	APQ bool `yaml:"apq"`
	// TrustedDocuments is a JSON file mapping the lower-case hex sha256 of
	// a query to the query. When set, only these documents run (by hash,
	// or by their exact text); any other query is refused with
	// FORBIDDEN_QUERY and an unknown hash with PERSISTED_QUERY_NOT_FOUND.
	TrustedDocuments string `yaml:"trustedDocuments"`
}

// Limit defaults.
const (
	DefaultMaxDepth            = 15
	DefaultMaxComplexity       = 100000
	DefaultMaxAliases          = 30
	DefaultMaxRootFields       = 10
	DefaultMaxUpstreamRequests = 250
	// MaxLimit bounds every configured limit, so that a typo cannot turn
	// one off by accident.
	MaxLimit = 100_000_000
	// maxTrustedDocumentsBytes bounds the trusted-documents file.
	maxTrustedDocumentsBytes = 64 << 20
)

// DefaultLimits are the limits when the configuration names none.
func DefaultLimits() Limits {
	return Limits{
		MaxDepth:            DefaultMaxDepth,
		MaxComplexity:       DefaultMaxComplexity,
		MaxAliases:          DefaultMaxAliases,
		MaxRootFields:       DefaultMaxRootFields,
		MaxUpstreamRequests: DefaultMaxUpstreamRequests,
	}
}

func (k *checker) limits() {
	l := k.c.Limits
	for _, f := range []struct {
		name string
		v    int
	}{
		{"maxDepth", l.MaxDepth},
		{"maxComplexity", l.MaxComplexity},
		{"maxAliases", l.MaxAliases},
		{"maxRootFields", l.MaxRootFields},
		{"maxUpstreamRequests", l.MaxUpstreamRequests},
	} {
		if f.v < 1 || f.v > MaxLimit {
			k.add("limits."+f.name, "must be from 1 to %d, got %d", MaxLimit, f.v)
		}
	}
	rl := l.RateLimit
	switch {
	case math.IsNaN(rl.RequestsPerSecond) || rl.RequestsPerSecond < 0 || rl.RequestsPerSecond > 1e6:
		k.add("limits.rateLimit.requestsPerSecond", "must be from 0 (off) to 1000000, got %v", rl.RequestsPerSecond)
	case rl.Burst < 0 || rl.Burst > 1e6:
		k.add("limits.rateLimit.burst", "must be from 1 to 1000000, got %d", rl.Burst)
	case rl.Burst > 0 && rl.RequestsPerSecond == 0:
		k.add("limits.rateLimit.burst", "needs limits.rateLimit.requestsPerSecond (rate limiting is off without it)")
	}
	pq := k.c.PersistedQueries
	if pq.TrustedDocuments != "" {
		if pq.APQ {
			k.add("persistedQueries.apq", "cannot be combined with persistedQueries.trustedDocuments: with trusted documents no query can be registered")
		}
		if _, err := LoadTrustedDocuments(pq.TrustedDocuments); err != nil {
			k.add("persistedQueries.trustedDocuments", "%v", err)
		}
	}
}

// LoadTrustedDocuments reads a trusted-documents file: a JSON object
// mapping the lower-case hex sha256 of each query to the query. Every hash
// must be the sha256 of its query.
func LoadTrustedDocuments(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxTrustedDocumentsBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxTrustedDocumentsBytes {
		return nil, fmt.Errorf("%s is larger than %d bytes", path, maxTrustedDocumentsBytes)
	}
	var docs map[string]string
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&docs); err != nil {
		return nil, fmt.Errorf("%s: want a JSON object mapping sha256 hashes to queries: %v", path, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%s: want one JSON object", path)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("%s holds no documents", path)
	}
	for _, h := range slices.Sorted(maps.Keys(docs)) {
		sum := sha256.Sum256([]byte(docs[h]))
		if want := hex.EncodeToString(sum[:]); h != want {
			return nil, fmt.Errorf("%s: key %q is not the sha256 of its query (%s)", path, h, want)
		}
	}
	return docs, nil
}
