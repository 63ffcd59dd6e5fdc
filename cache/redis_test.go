package cache

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// The Redis tests run against a real Redis at REDIS_URL (default
// redis://127.0.0.1:6379/0). Without one they skip, unless
// KLANTGRAAF_REQUIRE_REDIS=1, then they fail. Every test writes under its
// own random prefix and removes its keys when done.

func redisURL() string {
	if u := os.Getenv("REDIS_URL"); u != "" {
		return u
	}
	return "redis://127.0.0.1:6379/0"
}

// realRedis returns the options of the test Redis, or skips (or fails) the
// test when it does not answer.
func realRedis(t *testing.T) *redis.Options {
	t.Helper()
	o, err := redis.ParseURL(redisURL())
	if err != nil {
		t.Fatalf("REDIS_URL %q: %v", redisURL(), err)
	}
	probe := *o
	probe.MaxRetries, probe.DialerRetries = -1, 1
	c := redis.NewClient(&probe)
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := c.Ping(ctx).Err(); err != nil {
		msg := "no Redis at " + redisURL() + " (" + err.Error() + "): start one or set REDIS_URL"
		if os.Getenv("KLANTGRAAF_REQUIRE_REDIS") == "1" {
			t.Fatal(msg + "; KLANTGRAAF_REQUIRE_REDIS=1, so this fails instead of skipping")
		}
		t.Skip(msg + "; set KLANTGRAAF_REQUIRE_REDIS=1 to fail instead of skipping")
	}
	o.ContextTimeoutEnabled = true
	return o
}

func randomPrefix(t *testing.T) string {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return "klantgraaf:test:" + hex.EncodeToString(b) + ":"
}

// cleanupPrefix removes every key under prefix when the test ends.
func cleanupPrefix(t *testing.T, o *redis.Options, prefix string) {
	t.Cleanup(func() {
		c := redis.NewClient(o)
		defer c.Close()
		ctx := context.Background()
		var keys []string
		iter := c.Scan(ctx, 0, prefix+"*", 1000).Iterator()
		for iter.Next(ctx) {
			keys = append(keys, iter.Val())
		}
		if err := iter.Err(); err != nil {
			t.Errorf("cleanup scan: %v", err)
			return
		}
		if len(keys) > 0 {
			if err := c.Del(ctx, keys...).Err(); err != nil {
				t.Errorf("cleanup: %v", err)
			}
		}
	})
}

// cmdCounter is a go-redis hook that counts the cache's commands sent, by
// name, and the round trips (single commands and pipelines) that carry them.
type cmdCounter struct {
	mu         sync.Mutex
	cmds       map[string]int
	roundTrips int
	last       []redis.Cmder
}

func newCmdCounter() *cmdCounter { return &cmdCounter{cmds: map[string]int{}} }

func (h *cmdCounter) DialHook(next redis.DialHook) redis.DialHook { return next }

func (h *cmdCounter) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		h.record(cmd)
		return next(ctx, cmd)
	}
}

func (h *cmdCounter) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		h.record(cmds...)
		return next(ctx, cmds)
	}
}

// dataCommands are the commands the cache sends; the rest (HELLO, CLIENT
// SETINFO on connecting, cluster topology) are not counted.
var dataCommands = map[string]bool{"get": true, "mget": true, "set": true, "del": true}

func (h *cmdCounter) record(cmds ...redis.Cmder) {
	h.mu.Lock()
	defer h.mu.Unlock()
	var data []redis.Cmder
	for _, c := range cmds {
		if name := strings.ToLower(c.Name()); dataCommands[name] {
			h.cmds[name]++
			data = append(data, c)
		}
	}
	if len(data) > 0 {
		h.roundTrips++
		h.last = data
	}
}

func (h *cmdCounter) reset() (cmds map[string]int, roundTrips int, last []redis.Cmder) {
	h.mu.Lock()
	defer h.mu.Unlock()
	cmds, roundTrips, last = h.cmds, h.roundTrips, h.last
	h.cmds, h.roundTrips, h.last = map[string]int{}, 0, nil
	return cmds, roundTrips, last
}

// newTestRedis returns a Redis tier on the test Redis under a fresh prefix,
// with a command counter on its client.
func newTestRedis(t *testing.T, opts RedisOptions) (*Redis, *cmdCounter, *redis.Options) {
	t.Helper()
	o := realRedis(t)
	client := redis.NewClient(o)
	t.Cleanup(func() { client.Close() })
	counter := newCmdCounter()
	client.AddHook(counter)
	opts.Prefix = randomPrefix(t)
	cleanupPrefix(t, o, opts.Prefix)
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	return NewRedis(client, opts), counter, o
}

func TestRedisRoundTrip(t *testing.T) {
	r, _, o := newTestRedis(t, RedisOptions{})
	ctx := context.Background()
	fetched := time.Now().Add(-time.Second).Round(0)
	items := []Item{
		{Key: Key("openzaak", "https://zaken.example/zaken/1", "cred-1"), Entry: Entry{Body: []byte(`{"identificatie":"ZAAK-1"}`), ETag: `"1"`, FetchedAt: fetched}, TTL: time.Minute},
		{Key: "plain", Entry: Entry{Body: []byte("[]")}, TTL: time.Minute},
		{Key: "binary", Entry: Entry{Body: []byte{0, 0xff, '\r', '\n'}}, TTL: time.Minute},
		{Key: "no-ttl", Entry: Entry{Body: []byte("x")}},
	}
	before := time.Now()
	r.SetMulti(ctx, items)
	hits := r.GetMulti(ctx, []string{items[0].Key, "plain", "binary", "no-ttl", "absent", "plain"})
	if len(hits) != 3 {
		t.Fatalf("hits %v, want the three items with a TTL", keysOf(hits))
	}
	for _, it := range items[:3] {
		h := hits[it.Key]
		if !bytes.Equal(h.Entry.Body, it.Entry.Body) || h.Entry.ETag != it.Entry.ETag || !h.Entry.FetchedAt.Equal(it.Entry.FetchedAt) {
			t.Errorf("%s: got %+v, want %+v", it.Key, h.Entry, it.Entry)
		}
		if h.Tier != TierL2 {
			t.Errorf("%s: tier %q", it.Key, h.Tier)
		}
		if h.ExpiresAt.Before(before.Add(time.Minute)) || h.ExpiresAt.After(time.Now().Add(time.Minute)) {
			t.Errorf("%s: ExpiresAt %v, want about a minute from now", it.Key, h.ExpiresAt)
		}
	}
	// The value sits under prefix+key.
	raw := redis.NewClient(o)
	defer raw.Close()
	if n, err := raw.Exists(ctx, r.prefix+"plain").Result(); err != nil || n != 1 {
		t.Errorf("EXISTS %splain = %d, %v", r.prefix, n, err)
	}
	if s := r.Stats(); s.Hits != 3 || s.Misses != 2 || s.Errors != 0 || s.Timeouts != 0 {
		t.Errorf("stats %+v", s)
	}

	r.Delete(ctx, "plain", "binary", "absent")
	if hits := r.GetMulti(ctx, []string{items[0].Key, "plain", "binary"}); len(hits) != 1 {
		t.Errorf("after Delete: hits %v", keysOf(hits))
	}
}

func TestRedisOneMGETPerGetMulti(t *testing.T) {
	r, counter, _ := newTestRedis(t, RedisOptions{})
	ctx := context.Background()
	var items []Item
	var keys []string
	for i := range 25 {
		k := "zaak-" + strconv.Itoa(i)
		keys = append(keys, k)
		if i%2 == 0 {
			items = append(items, Item{Key: k, Entry: Entry{Body: []byte(k)}, TTL: 1500 * time.Millisecond})
		}
	}
	counter.reset()
	r.SetMulti(ctx, items)
	cmds, trips, last := counter.reset()
	if trips != 1 || cmds["set"] != len(items) || len(cmds) != 1 {
		t.Errorf("SetMulti sent %v in %d round trips, want %d SETs in one pipeline", cmds, trips, len(items))
	}
	args := last[0].Args()
	if len(args) != 5 || strings.ToLower(args[3].(string)) != "px" || args[4] != "1500" {
		t.Errorf("SET args %v, want SET key value PX 1500", args)
	}

	hits := r.GetMulti(ctx, keys)
	cmds, trips, last = counter.reset()
	if trips != 1 || cmds["mget"] != 1 || len(cmds) != 1 {
		t.Errorf("GetMulti sent %v in %d round trips, want one MGET", cmds, trips)
	}
	if n := len(last[0].Args()); n != 1+len(keys) {
		t.Errorf("MGET with %d keys, want %d", n-1, len(keys))
	}
	if len(hits) != len(items) {
		t.Errorf("%d hits, want %d", len(hits), len(items))
	}

	r.Delete(ctx, keys...)
	if cmds, trips, _ := counter.reset(); trips != 1 || cmds["del"] != 1 {
		t.Errorf("Delete sent %v in %d round trips, want one DEL", cmds, trips)
	}
	// Nothing to do, nothing sent.
	r.GetMulti(ctx, nil)
	r.SetMulti(ctx, []Item{{Key: "k", TTL: 0}})
	r.Delete(ctx)
	if _, trips, _ := counter.reset(); trips != 0 {
		t.Errorf("%d round trips for empty operations", trips)
	}
}

func TestRedisTTL(t *testing.T) {
	r, _, o := newTestRedis(t, RedisOptions{})
	ctx := context.Background()
	raw := redis.NewClient(o)
	defer raw.Close()
	r.SetMulti(ctx, []Item{
		{Key: "short", Entry: Entry{Body: []byte("s")}, TTL: 200 * time.Millisecond},
		{Key: "ms", Entry: Entry{Body: []byte("m")}, TTL: 1500 * time.Millisecond},
		{Key: "sub-ms", Entry: Entry{Body: []byte("u")}, TTL: 300 * time.Microsecond},
	})
	// PX keeps milliseconds: 1.5 s is not rounded to whole seconds.
	if pttl, err := raw.PTTL(ctx, r.prefix+"ms").Result(); err != nil || pttl <= time.Second || pttl > 1500*time.Millisecond {
		t.Errorf("PTTL ms = %v, %v; want in (1s, 1.5s]", pttl, err)
	}
	if pttl, err := raw.PTTL(ctx, r.prefix+"short").Result(); err != nil || pttl <= 0 || pttl > 200*time.Millisecond {
		t.Errorf("PTTL short = %v, %v", pttl, err)
	}
	if hits := r.GetMulti(ctx, []string{"short", "ms"}); len(hits) != 2 {
		t.Fatalf("hits %v before expiry", keysOf(hits))
	}
	time.Sleep(300 * time.Millisecond)
	hits := r.GetMulti(ctx, []string{"short", "ms", "sub-ms"})
	if _, ok := hits["short"]; ok || len(hits) != 1 {
		t.Errorf("after 300ms: hits %v, want only ms", keysOf(hits))
	}
}

func TestRedisCorruptValuesAreMisses(t *testing.T) {
	r, _, o := newTestRedis(t, RedisOptions{})
	ctx := context.Background()
	raw := redis.NewClient(o)
	defer raw.Close()
	good := encodeRecord(Entry{Body: []byte("ok")}, time.Now().Add(time.Minute))
	future := bytes.Clone(good)
	future[0] = recordVersion + 1
	damaged := bytes.Clone(good)
	damaged[len(damaged)/2] ^= 0x10
	for k, v := range map[string][]byte{"good": good, "future": future, "damaged": damaged, "text": []byte(`{"body":"ok"}`), "empty": nil} {
		if err := raw.Set(ctx, r.prefix+k, v, time.Minute).Err(); err != nil {
			t.Fatal(err)
		}
	}
	hits := r.GetMulti(ctx, []string{"good", "future", "damaged", "text", "empty"})
	if len(hits) != 1 || string(hits["good"].Entry.Body) != "ok" {
		t.Errorf("hits %v, want only good", keysOf(hits))
	}
	if s := r.Stats(); s.Corrupt != 4 || s.Misses != 4 || s.Errors != 0 {
		t.Errorf("stats %+v", s)
	}
}

func TestRedisMaxValueBytes(t *testing.T) {
	r, _, _ := newTestRedis(t, RedisOptions{MaxValueBytes: 1000})
	ctx := context.Background()
	r.SetMulti(ctx, []Item{
		{Key: "small", Entry: Entry{Body: body(100)}, TTL: time.Minute},
		{Key: "big", Entry: Entry{Body: body(1000)}, TTL: time.Minute},
	})
	if hits := r.GetMulti(ctx, []string{"small", "big"}); len(hits) != 1 {
		t.Errorf("hits %v, want only small", keysOf(hits))
	}
	if s := r.Stats(); s.Rejected != 1 {
		t.Errorf("stats %+v", s)
	}
}

// logCounter is a slog handler that counts records.
type logCounter struct {
	mu    sync.Mutex
	lines []string
}

func (h *logCounter) Enabled(context.Context, slog.Level) bool { return true }
func (h *logCounter) Handle(_ context.Context, r slog.Record) error {
	var b strings.Builder
	b.WriteString(r.Message)
	r.Attrs(func(a slog.Attr) bool { b.WriteString(" " + a.String()); return true })
	h.mu.Lock()
	defer h.mu.Unlock()
	h.lines = append(h.lines, b.String())
	return nil
}
func (h *logCounter) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h *logCounter) WithGroup(string) slog.Handler      { return h }
func (h *logCounter) Lines() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.lines...)
}

// closedPort returns a local address nothing listens on.
func closedPort(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

const timingMargin = 150 * time.Millisecond

// checkFast runs op and fails the test if it takes longer than limit.
func checkFast(t *testing.T, what string, limit time.Duration, op func()) {
	t.Helper()
	start := time.Now()
	op()
	if d := time.Since(start); d > limit {
		t.Errorf("%s took %v, want at most %v", what, d, limit)
	}
}

// exercise runs every operation n times against r and checks each returns
// quickly with misses only.
func exercise(t *testing.T, r *Redis, n int) {
	t.Helper()
	ctx := context.Background()
	limit := r.timeout + timingMargin
	for i := range n {
		checkFast(t, "GetMulti", limit, func() {
			if hits := r.GetMulti(ctx, []string{"a", "b", "c-" + strconv.Itoa(i)}); hits != nil {
				t.Errorf("hits %v from a Redis that is down", keysOf(hits))
			}
		})
		checkFast(t, "SetMulti", limit, func() {
			r.SetMulti(ctx, []Item{{Key: "a", Entry: Entry{Body: []byte("x")}, TTL: time.Minute}})
		})
		checkFast(t, "Delete", limit, func() { r.Delete(ctx, "a") })
	}
}

func TestRedisDown(t *testing.T) {
	logs := &logCounter{}
	r, err := NewRedisFromURL("redis://"+closedPort(t)+"/0", RedisOptions{
		Timeout:          50 * time.Millisecond,
		Logger:           slog.New(logs),
		BreakerThreshold: -1,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	start := time.Now()
	exercise(t, r, 10)
	s := r.Stats()
	t.Logf("30 operations in %v: %+v", time.Since(start), s)
	if s.Errors+s.Timeouts != 30 || s.Misses != 30 || s.Hits != 0 || s.Skipped != 0 {
		t.Errorf("stats %+v, want 30 failed operations and 30 misses", s)
	}
	// 30 failures, one log line: the rest are counted into the next line.
	if lines := logs.Lines(); len(lines) != 1 || !strings.Contains(lines[0], "cache: redis failed") || !strings.Contains(lines[0], "op=get") {
		t.Errorf("log lines %q, want one", lines)
	}
}

func TestRedisDownBreaker(t *testing.T) {
	r, err := NewRedisFromURL("redis://"+closedPort(t)+"/0", RedisOptions{
		Logger:          slog.New(slog.DiscardHandler),
		BreakerCooldown: 200 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	exercise(t, r, 4) // 12 operations: 5 fail, the breaker opens, 7 are skipped
	s := r.Stats()
	if s.Errors+s.Timeouts != DefaultBreakerThreshold || s.Skipped != 12-DefaultBreakerThreshold || s.Misses != 12 {
		t.Errorf("stats %+v", s)
	}
	// After the cooldown Redis is tried again, and one failure reopens it.
	time.Sleep(250 * time.Millisecond)
	exercise(t, r, 1)
	if s := r.Stats(); s.Errors+s.Timeouts != DefaultBreakerThreshold+1 || s.Skipped != 12-DefaultBreakerThreshold+2 {
		t.Errorf("after cooldown: stats %+v", s)
	}
}

// TestRedisSlow points the tier at a server that accepts connections and
// reads commands but never answers: every operation must give up after the
// timeout.
func TestRedisSlow(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var conns sync.WaitGroup
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			conns.Go(func() { io.Copy(io.Discard, c); c.Close() })
		}
	}()
	r, err := NewRedisFromURL("redis://"+l.Addr().String()+"/0", RedisOptions{
		Timeout:          50 * time.Millisecond,
		Logger:           slog.New(slog.DiscardHandler),
		BreakerThreshold: -1,
	})
	if err != nil {
		t.Fatal(err)
	}
	exercise(t, r, 3)
	if s := r.Stats(); s.Timeouts != 9 || s.Errors != 0 || s.Misses != 9 {
		t.Errorf("stats %+v, want 9 timeouts", s)
	}
	r.Close()
	l.Close()
	conns.Wait()
}

// proxy forwards TCP connections to a Redis until it is killed, which
// closes the listener and every connection, as a Redis that dies does.
type proxy struct {
	l      net.Listener
	target string
	mu     sync.Mutex
	conns  []net.Conn
	wg     sync.WaitGroup
}

func startProxy(t *testing.T, addr, target string) *proxy {
	t.Helper()
	l, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{l: l, target: target}
	p.wg.Go(func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			up, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, up)
			p.mu.Unlock()
			p.wg.Go(func() { io.Copy(up, c); up.Close() })
			p.wg.Go(func() { io.Copy(c, up); c.Close() })
		}
	})
	t.Cleanup(p.kill)
	return p
}

func (p *proxy) kill() {
	p.l.Close()
	p.mu.Lock()
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
	p.mu.Unlock()
	p.wg.Wait()
}

func TestRedisKilledMidRun(t *testing.T) {
	o := realRedis(t)
	prefix := randomPrefix(t)
	cleanupPrefix(t, o, prefix)
	p := startProxy(t, "127.0.0.1:0", o.Addr)
	addr := p.l.Addr().String()
	if o.TLSConfig != nil {
		t.Skip("the proxy test needs a Redis without TLS")
	}
	u := url.URL{Scheme: "redis", Host: addr, Path: "/" + strconv.Itoa(o.DB)}
	if o.Password != "" {
		u.User = url.UserPassword(o.Username, o.Password)
	}
	r, err := NewRedisFromURL(u.String(), RedisOptions{
		Prefix:          prefix,
		Logger:          slog.New(slog.DiscardHandler),
		BreakerCooldown: 100 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	ctx := context.Background()
	r.SetMulti(ctx, []Item{{Key: "k", Entry: Entry{Body: []byte("v")}, TTL: time.Minute}})
	if hits := r.GetMulti(ctx, []string{"k"}); len(hits) != 1 {
		t.Fatalf("through the proxy: hits %v", keysOf(hits))
	}

	// Requests keep coming while Redis goes away with connections open in
	// the pool: none of them waits longer than the timeout.
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				checkFast(t, "GetMulti", r.timeout+timingMargin, func() { r.GetMulti(ctx, []string{"k", "other"}) })
				checkFast(t, "SetMulti", r.timeout+timingMargin, func() {
					r.SetMulti(ctx, []Item{{Key: "other", Entry: Entry{Body: []byte("o")}, TTL: time.Minute}})
				})
			}
		})
	}
	time.Sleep(50 * time.Millisecond)
	p.kill()
	time.Sleep(100 * time.Millisecond)
	close(stop)
	wg.Wait()
	before := r.Stats()
	if before.Errors+before.Timeouts == 0 {
		t.Errorf("after the kill: stats %+v, want failures counted", before)
	}

	exercise(t, r, 5)
	s := r.Stats()
	if s.Misses-before.Misses != 15 || s.Hits != before.Hits {
		t.Errorf("Redis down: stats %+v, before %+v", s, before)
	}

	// Redis comes back on the same address: after the cooldown, hits again.
	startProxy(t, addr, o.Addr)
	time.Sleep(150 * time.Millisecond)
	waitFor(t, func() bool { return len(r.GetMulti(ctx, []string{"k"})) == 1 })
}

func TestNewRedisFromURL(t *testing.T) {
	for _, u := range []string{"redis://127.0.0.1:6379/0", "rediss://user:secret@cache.example:6380/2", "redis://localhost"} {
		r, err := NewRedisFromURL(u, RedisOptions{})
		if err != nil {
			t.Errorf("%s: %v", u, err)
			continue
		}
		c := r.Client().(*redis.Client)
		if !c.Options().ContextTimeoutEnabled {
			t.Errorf("%s: ContextTimeoutEnabled not set", u)
		}
		if strings.HasPrefix(u, "rediss:") && c.Options().TLSConfig == nil {
			t.Errorf("%s: no TLS", u)
		}
		if r.prefix != DefaultRedisPrefix || r.timeout != DefaultRedisTimeout || !r.useMGet {
			t.Errorf("%s: defaults %q %v %v", u, r.prefix, r.timeout, r.useMGet)
		}
		r.Close()
	}
	for _, u := range []string{"http://x", "unix:///tmp/redis.sock", "redis://h/notadb", "::"} {
		if _, err := NewRedisFromURL(u, RedisOptions{}); err == nil {
			t.Errorf("%s: no error", u)
		}
	}
	r := NewRedisFromOptions(redis.UniversalOptions{Addrs: []string{"a:1", "b:2"}}, RedisOptions{})
	if _, ok := r.Client().(*redis.ClusterClient); !ok || r.useMGet {
		t.Errorf("two addresses: client %T, useMGet %v; want cluster with pipelined GETs", r.Client(), r.useMGet)
	}
	r.Close()
	r = NewRedisFromOptions(redis.UniversalOptions{Addrs: []string{"a:1"}, MasterName: "mymaster"}, RedisOptions{})
	if _, ok := r.Client().(*redis.Client); !ok || !r.useMGet {
		t.Errorf("sentinel: client %T, useMGet %v; want MGET", r.Client(), r.useMGet)
	}
	r.Close()
}

// TestRedisCluster runs against a Redis Cluster when
// KLANTGRAAF_REDIS_CLUSTER lists its nodes (comma-separated host:port):
// keys of many slots in one GetMulti.
func TestRedisCluster(t *testing.T) {
	addrs := os.Getenv("KLANTGRAAF_REDIS_CLUSTER")
	if addrs == "" {
		t.Skip("set KLANTGRAAF_REDIS_CLUSTER=host:port,… to test against a Redis Cluster")
	}
	prefix := randomPrefix(t)
	r := NewRedisFromOptions(redis.UniversalOptions{Addrs: strings.Split(addrs, ","), IsClusterMode: true}, RedisOptions{
		Prefix:  prefix,
		Timeout: time.Second, // the first call loads the slot map
	})
	defer r.Close()
	counter := newCmdCounter()
	r.Client().AddHook(counter)
	ctx := context.Background()
	var items []Item
	var keys []string
	for i := range 100 {
		k := "zaak-" + strconv.Itoa(i)
		keys = append(keys, k)
		items = append(items, Item{Key: k, Entry: Entry{Body: []byte(k)}, TTL: time.Minute})
	}
	r.SetMulti(ctx, items)
	hits := r.GetMulti(ctx, keys)
	if len(hits) != len(keys) {
		t.Errorf("%d hits, want %d", len(hits), len(keys))
	}
	var mu sync.Mutex
	nodes := 0
	err := r.Client().(*redis.ClusterClient).ForEachMaster(ctx, func(ctx context.Context, c *redis.Client) error {
		found, _, err := c.Scan(ctx, 0, prefix+"*", 10_000).Result()
		n := len(found)
		if err == nil && n > 0 {
			mu.Lock()
			nodes++
			mu.Unlock()
		}
		return nil
	})
	if err != nil || nodes < 2 {
		t.Errorf("keys on %d nodes (%v), want them spread", nodes, err)
	}
	r.Delete(ctx, keys...)
	if hits := r.GetMulti(ctx, keys); len(hits) != 0 {
		t.Errorf("after Delete: %d hits", len(hits))
	}
	cmds, _, _ := counter.reset()
	if s := r.Stats(); s.Errors+s.Timeouts != 0 || cmds["mget"] != 0 {
		t.Errorf("stats %+v, commands %v", s, cmds)
	}
	t.Logf("commands %v", cmds)
}

func TestRedisCallerCancelled(t *testing.T) {
	r, counter, _ := newTestRedis(t, RedisOptions{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	counter.reset()
	if hits := r.GetMulti(ctx, []string{"a"}); hits != nil {
		t.Error("hits for a cancelled caller")
	}
	if _, trips, _ := counter.reset(); trips != 0 {
		t.Error("Redis asked for a caller that is gone")
	}
	// Writes are not cut short by the caller going away.
	r.SetMulti(ctx, []Item{{Key: "a", Entry: Entry{Body: []byte("x")}, TTL: time.Minute}})
	if hits := r.GetMulti(context.Background(), []string{"a"}); len(hits) != 1 {
		t.Error("SetMulti with a cancelled context did not write")
	}
	if s := r.Stats(); s.Errors+s.Timeouts != 0 {
		t.Errorf("stats %+v: a caller leaving is not a Redis failure", s)
	}
}

func TestIsTimeout(t *testing.T) {
	if !isTimeout(context.DeadlineExceeded) || !isTimeout(&net.OpError{Op: "read", Err: os.ErrDeadlineExceeded}) {
		t.Error("timeouts not recognised")
	}
	if isTimeout(errors.New("ERR wrong")) || isTimeout(redis.ErrClosed) {
		t.Error("errors taken for timeouts")
	}
}

func TestInstallRedisLogger(t *testing.T) {
	logs := &logCounter{}
	InstallRedisLogger(slog.New(logs), time.Minute)
	defer InstallRedisLogger(slog.New(slog.NewTextHandler(os.Stderr, nil)), 5*time.Second)
	r, err := NewRedisFromURL("redis://"+closedPort(t)+"/0", RedisOptions{Logger: slog.New(slog.DiscardHandler), BreakerThreshold: -1})
	if err != nil {
		t.Fatal(err)
	}
	exercise(t, r, 5)
	r.Close()
	time.Sleep(500 * time.Millisecond) // go-redis keeps dialing in the background
	lines := logs.Lines()
	if len(lines) != 1 || !strings.Contains(lines[0], "cache: go-redis: ") {
		t.Errorf("go-redis log lines %q, want one", lines)
	}
}
