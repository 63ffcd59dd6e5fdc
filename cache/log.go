package cache

import (
	"context"
	"fmt"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"
)

// logLimiter lets through at most one log line per interval and counts the
// events in between.
type logLimiter struct {
	interval time.Duration
	last     atomic.Int64 // Unix nanoseconds of the last line let through
	events   atomic.Int64 // events since then
}

// allow records an event and reports whether to log it; if so, n is the
// number of events the line stands for (this one and those not logged
// since the last line).
func (l *logLimiter) allow(now time.Time) (n int64, ok bool) {
	l.events.Add(1)
	t := now.UnixNano()
	last := l.last.Load()
	if last != 0 && t-last < int64(l.interval) {
		return 0, false
	}
	if !l.last.CompareAndSwap(last, t) {
		return 0, false
	}
	return l.events.Swap(0), true
}

// InstallRedisLogger sends go-redis's own log lines (failed dials, pool and
// cluster messages, which it otherwise prints to stderr for every attempt)
// to logger at level Warn, at most one line per interval (default
// DefaultRedisLogInterval); each line counts the lines it stands for.
// go-redis has one logger per process: call this once, at startup.
func InstallRedisLogger(logger *slog.Logger, interval time.Duration) {
	if interval <= 0 {
		interval = DefaultRedisLogInterval
	}
	redis.SetLogger(&redisLibLogger{log: logger, limit: logLimiter{interval: interval}})
}

type redisLibLogger struct {
	log   *slog.Logger
	limit logLimiter
}

func (l *redisLibLogger) Printf(ctx context.Context, format string, v ...any) {
	n, ok := l.limit.allow(time.Now())
	if !ok {
		return
	}
	l.log.LogAttrs(ctx, slog.LevelWarn, "cache: go-redis: "+fmt.Sprintf(format, v...),
		slog.Int64("lines", n),
		slog.Duration("interval", l.limit.interval),
	)
}
