package cache

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"
)

// Defaults of RedisOptions.
const (
	DefaultRedisPrefix      = "klantgraaf:v1:"
	DefaultRedisTimeout     = 50 * time.Millisecond
	DefaultRedisLogInterval = 10 * time.Second
	DefaultBreakerThreshold = 5
	DefaultBreakerCooldown  = time.Second
	DefaultMaxValueBytes    = 4 << 20
)

// RedisOptions configures the Redis tier.
type RedisOptions struct {
	// Prefix is put before every key (default DefaultRedisPrefix). Change
	// its version when the meaning of cached bodies changes.
	Prefix string
	// Timeout bounds every Redis operation (one GetMulti, SetMulti or
	// Delete), connecting included (default DefaultRedisTimeout).
	Timeout time.Duration
	// Logger receives the failures (default slog.Default()), at most one
	// line per LogInterval (default DefaultRedisLogInterval); the line
	// says how many failures it stands for.
	Logger      *slog.Logger
	LogInterval time.Duration
	// After BreakerThreshold consecutive failed operations (default
	// DefaultBreakerThreshold; negative: never) Redis is not asked for
	// BreakerCooldown (default DefaultBreakerCooldown): operations are
	// misses at once, counted as Skipped. After the cooldown operations
	// go through again; the first failure reopens the breaker.
	BreakerThreshold int
	BreakerCooldown  time.Duration
	// MaxValueBytes is the largest encoded entry written to Redis (default
	// DefaultMaxValueBytes); larger ones are not written (Rejected).
	MaxValueBytes int
	// Now is the clock used for the expiry stored with each entry (default
	// time.Now).
	Now func() time.Time
}

// RedisStats are the Redis tier's counters since it was created.
type RedisStats struct {
	Hits     uint64 // GetMulti keys found
	Misses   uint64 // GetMulti keys not found, including every key of a failed or skipped call
	Errors   uint64 // failed operations other than timeouts
	Timeouts uint64 // operations that ran out of time
	Corrupt  uint64 // values that did not decode (unknown version, damaged): misses
	Skipped  uint64 // operations not attempted while the breaker was open
	Rejected uint64 // entries not written: larger than MaxValueBytes
}

// Redis is the shared tier, on any go-redis UniversalClient: a single
// server, Sentinel or Cluster.
//
// On a single server or through Sentinel (a *redis.Client), GetMulti is one
// MGET and Delete one DEL. On Cluster (or any other client), where keys of
// one MGET must share a hash slot, GetMulti is a pipeline of GETs and Delete
// a pipeline of DELs instead: go-redis sends each node its commands in one
// round trip, to all nodes at once. SetMulti is always a pipeline of
// "SET key value PX ttl".
//
// Failures never reach the caller: see the package documentation.
type Redis struct {
	client    redis.UniversalClient
	ownClient bool
	useMGet   bool

	prefix        string
	timeout       time.Duration
	log           *slog.Logger
	threshold     int
	cooldown      time.Duration
	maxValueBytes int
	now           func() time.Time

	hits, misses, errs, timeouts, corrupt, skipped, rejected atomic.Uint64

	failures  atomic.Int64 // consecutive failed operations
	openUntil atomic.Int64 // Unix nanoseconds; breaker open before then
	logLimit  logLimiter
}

var _ Cache = (*Redis)(nil)

// NewRedis returns the Redis tier over client. The client stays the
// caller's (Close does not close it) and must have ContextTimeoutEnabled
// set, or the Timeout does not bound socket reads and writes; see
// NewRedisFromOptions for the retry settings that suit a cache.
func NewRedis(client redis.UniversalClient, opts RedisOptions) *Redis {
	if opts.Prefix == "" {
		opts.Prefix = DefaultRedisPrefix
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultRedisTimeout
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.LogInterval <= 0 {
		opts.LogInterval = DefaultRedisLogInterval
	}
	if opts.BreakerThreshold == 0 {
		opts.BreakerThreshold = DefaultBreakerThreshold
	}
	if opts.BreakerCooldown <= 0 {
		opts.BreakerCooldown = DefaultBreakerCooldown
	}
	if opts.MaxValueBytes <= 0 {
		opts.MaxValueBytes = DefaultMaxValueBytes
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	_, single := client.(*redis.Client)
	return &Redis{
		client:        client,
		useMGet:       single,
		prefix:        opts.Prefix,
		timeout:       opts.Timeout,
		log:           opts.Logger,
		logLimit:      logLimiter{interval: opts.LogInterval},
		threshold:     opts.BreakerThreshold,
		cooldown:      opts.BreakerCooldown,
		maxValueBytes: opts.MaxValueBytes,
		now:           opts.Now,
	}
}

// NewRedisFromOptions connects with go-redis's NewUniversalClient: one
// address is a single server, several a Cluster, MasterName Sentinel.
// Connecting is lazy: an unreachable Redis is not an error here, only
// misses later.
//
// It sets ContextTimeoutEnabled, so the Timeout bounds socket I/O, and,
// unless they are set, turns off go-redis's retries (MaxRetries -1,
// DialerRetries 1): with them, a Redis that is down costs every operation
// the whole Timeout in backoff instead of failing at once. The next
// operation is the retry.
func NewRedisFromOptions(uo redis.UniversalOptions, opts RedisOptions) *Redis {
	uo.ContextTimeoutEnabled = true
	if uo.DialerRetries == 0 {
		uo.DialerRetries = 1
	}
	if uo.MaxRetries == 0 {
		uo.MaxRetries = -1
	}
	r := NewRedis(redis.NewUniversalClient(&uo), opts)
	r.ownClient = true
	return r
}

// NewRedisFromURL connects to the single server at a redis:// or rediss://
// (TLS) URL, as go-redis's ParseURL reads it:
// redis://[user:password@]host[:port][/db][?dial_timeout=…&…]. It adjusts
// the options as NewRedisFromOptions does. For Sentinel or Cluster use
// NewRedisFromOptions.
func NewRedisFromURL(url string, opts RedisOptions) (*Redis, error) {
	o, err := redis.ParseURL(url)
	if err != nil {
		return nil, fmt.Errorf("cache: redis url: %w", err)
	}
	if o.Network == "unix" {
		return nil, errors.New("cache: redis url: scheme must be redis or rediss")
	}
	o.ContextTimeoutEnabled = true
	if o.DialerRetries == 0 {
		o.DialerRetries = 1
	}
	if o.MaxRetries == 0 {
		o.MaxRetries = -1
	}
	r := NewRedis(redis.NewClient(o), opts)
	r.ownClient = true
	return r, nil
}

// Client returns the go-redis client.
func (r *Redis) Client() redis.UniversalClient { return r.client }

// Close closes the client if NewRedisFromOptions or NewRedisFromURL made
// it.
func (r *Redis) Close() error {
	if r.ownClient {
		return r.client.Close()
	}
	return nil
}

// Stats returns the counters.
func (r *Redis) Stats() RedisStats {
	return RedisStats{
		Hits:     r.hits.Load(),
		Misses:   r.misses.Load(),
		Errors:   r.errs.Load(),
		Timeouts: r.timeouts.Load(),
		Corrupt:  r.corrupt.Load(),
		Skipped:  r.skipped.Load(),
		Rejected: r.rejected.Load(),
	}
}

// GetMulti returns the entries under keys that Redis holds. Any failure
// makes all keys misses.
func (r *Redis) GetMulti(ctx context.Context, keys []string) map[string]Hit {
	keys = unique(keys)
	if len(keys) == 0 {
		return nil
	}
	if ctx.Err() != nil || !r.allow() {
		r.misses.Add(uint64(len(keys)))
		return nil
	}
	octx, cancel := context.WithTimeout(ctx, r.timeout)
	defer cancel()

	full := make([]string, len(keys))
	for i, k := range keys {
		full[i] = r.prefix + k
	}
	values := make([]string, len(keys))
	found := make([]bool, len(keys))
	var err error
	if r.useMGet {
		err = r.mget(octx, full, values, found)
	} else {
		err = r.pipelinedGet(octx, full, values, found)
	}
	if err != nil {
		r.misses.Add(uint64(len(keys)))
		if ctx.Err() == nil { // else the caller went away: not Redis's failure
			r.failed(ctx, "get", len(keys), err)
		}
		return nil
	}
	r.succeeded()

	var hits map[string]Hit
	for i, k := range keys {
		if !found[i] {
			r.misses.Add(1)
			continue
		}
		e, exp, err := decodeRecord([]byte(values[i]))
		if err != nil {
			r.corrupt.Add(1)
			r.misses.Add(1)
			continue
		}
		if hits == nil {
			hits = make(map[string]Hit, len(keys)-i)
		}
		hits[k] = Hit{Entry: e, Tier: TierL2, ExpiresAt: exp}
		r.hits.Add(1)
	}
	return hits
}

func (r *Redis) mget(ctx context.Context, keys, values []string, found []bool) error {
	res, err := r.client.MGet(ctx, keys...).Result()
	if err != nil {
		return err
	}
	if len(res) != len(keys) {
		return fmt.Errorf("cache: MGET returned %d values for %d keys", len(res), len(keys))
	}
	for i, v := range res {
		if s, ok := v.(string); ok {
			values[i], found[i] = s, true
		}
	}
	return nil
}

func (r *Redis) pipelinedGet(ctx context.Context, keys, values []string, found []bool) error {
	pipe := r.client.Pipeline()
	cmds := make([]*redis.StringCmd, len(keys))
	for i, k := range keys {
		cmds[i] = pipe.Get(ctx, k)
	}
	if _, err := pipe.Exec(ctx); err != nil && !errors.Is(err, redis.Nil) {
		return err
	}
	for i, c := range cmds {
		switch v, err := c.Result(); {
		case err == nil:
			values[i], found[i] = v, true
		case !errors.Is(err, redis.Nil):
			return err
		}
	}
	return nil
}

// SetMulti writes the items with "SET key value PX ttl" in one pipeline.
// It is not cut short when ctx is cancelled (a response fetched is worth
// keeping), only by the Timeout. Items with TTL <= 0 are skipped; TTLs are
// rounded up to whole milliseconds.
func (r *Redis) SetMulti(ctx context.Context, items []Item) {
	if len(items) == 0 || !r.allow() {
		return
	}
	now := r.now()
	octx, cancel := context.WithTimeout(context.WithoutCancel(ctx), r.timeout)
	defer cancel()
	pipe := r.client.Pipeline()
	n := 0
	for i := range items {
		it := &items[i]
		if it.TTL <= 0 {
			continue
		}
		v := encodeRecord(it.Entry, now.Add(it.TTL))
		if len(v) > r.maxValueBytes {
			r.rejected.Add(1)
			continue
		}
		ms := (it.TTL + time.Millisecond - 1) / time.Millisecond
		pipe.Do(octx, "set", r.prefix+it.Key, v, "px", strconv.FormatInt(int64(ms), 10))
		n++
	}
	if n == 0 {
		return
	}
	if _, err := pipe.Exec(octx); err != nil {
		r.failed(ctx, "set", n, err)
		return
	}
	r.succeeded()
}

// Delete removes the keys. Like SetMulti it is bounded by the Timeout, not
// by ctx. Being best effort too, a Delete that fails (or is skipped while
// the breaker is open) leaves the entries to expire with their TTL.
func (r *Redis) Delete(ctx context.Context, keys ...string) {
	if len(keys) == 0 || !r.allow() {
		return
	}
	octx, cancel := context.WithTimeout(context.WithoutCancel(ctx), r.timeout)
	defer cancel()
	full := make([]string, len(keys))
	for i, k := range keys {
		full[i] = r.prefix + k
	}
	var err error
	if r.useMGet {
		err = r.client.Del(octx, full...).Err()
	} else {
		pipe := r.client.Pipeline()
		for _, k := range full {
			pipe.Del(octx, k)
		}
		_, err = pipe.Exec(octx)
	}
	if err != nil {
		r.failed(ctx, "delete", len(keys), err)
		return
	}
	r.succeeded()
}

// allow reports whether the breaker lets an operation through; if not it
// counts the operation as skipped.
func (r *Redis) allow() bool {
	if r.threshold < 0 {
		return true
	}
	if until := r.openUntil.Load(); until != 0 && time.Now().UnixNano() < until {
		r.skipped.Add(1)
		return false
	}
	return true
}

func (r *Redis) succeeded() {
	if r.failures.Load() != 0 {
		r.failures.Store(0)
	}
}

// failed counts and logs a failed operation, and opens the breaker after
// too many in a row.
func (r *Redis) failed(ctx context.Context, op string, keys int, err error) {
	timeout := isTimeout(err)
	if timeout {
		r.timeouts.Add(1)
	} else {
		r.errs.Add(1)
	}
	now := time.Now()
	if n := r.failures.Add(1); r.threshold > 0 && n >= int64(r.threshold) {
		r.openUntil.Store(now.Add(r.cooldown).UnixNano())
	}
	n, ok := r.logLimit.allow(now)
	if !ok {
		return
	}
	r.log.LogAttrs(ctx, slog.LevelWarn, "cache: redis failed, serving misses",
		slog.String("op", op),
		slog.Int("keys", keys),
		slog.Bool("timeout", timeout),
		slog.String("error", err.Error()),
		slog.Int64("failures", n),
		slog.Duration("interval", r.logLimit.interval),
	)
}

func isTimeout(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// unique returns keys without repetitions, in their first order; it returns
// keys itself when there are none.
func unique(keys []string) []string {
	if len(keys) < 2 {
		return keys
	}
	if len(keys) <= 8 {
		dup := false
		for i := 1; i < len(keys) && !dup; i++ {
			for j := 0; j < i; j++ {
				if keys[i] == keys[j] {
					dup = true
					break
				}
			}
		}
		if !dup {
			return keys
		}
	}
	seen := make(map[string]struct{}, len(keys))
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		if _, ok := seen[k]; !ok {
			seen[k] = struct{}{}
			out = append(out, k)
		}
	}
	return out
}
