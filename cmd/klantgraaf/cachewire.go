package main

import (
	"context"
	"crypto/tls"
	"fmt"
	"log/slog"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/klantgraaf/klantgraaf/cache"
	"github.com/klantgraaf/klantgraaf/config"
	"github.com/klantgraaf/klantgraaf/upstream"
)

// responseCache adapts the two-tier cache to what the upstream clients use.
type responseCache struct{ c cache.Cache }

func (r responseCache) GetMulti(ctx context.Context, keys []string) map[string]upstream.CachedResponse {
	hits := r.c.GetMulti(ctx, keys)
	out := make(map[string]upstream.CachedResponse, len(hits))
	for k, h := range hits {
		out[k] = upstream.CachedResponse{Body: h.Entry.Body, ETag: h.Entry.ETag, FetchedAt: h.Entry.FetchedAt, Tier: string(h.Tier)}
	}
	return out
}

func (r responseCache) SetMulti(ctx context.Context, items []upstream.CacheItem) {
	out := make([]cache.Item, len(items))
	for i, it := range items {
		out[i] = cache.Item{Key: it.Key, TTL: it.TTL, Entry: cache.Entry{Body: it.Value.Body, ETag: it.Value.ETag, FetchedAt: it.Value.FetchedAt}}
	}
	r.c.SetMulti(ctx, out)
}

// buildCache makes the response cache from the configuration: an
// in-process L1, in front of Redis when redis.url is set. It returns nil
// when caching is disabled. A Redis that cannot be reached is not an error:
// its failures are misses, logged and counted.
func buildCache(cfg *config.Config, logger *slog.Logger) (*cache.Tiered, func() error, error) {
	if cfg.Cache != nil && cfg.Cache.Disabled {
		return nil, func() error { return nil }, nil
	}
	l1 := cache.NewL1(cache.L1Options{MaxBytes: cfg.Cache.L1Size()})
	var l2 *cache.Redis
	closer := func() error { return nil }
	if rc := cfg.Redis; rc != nil && (rc.URL != "" || len(rc.Addrs) > 0) {
		// go-redis's own connection errors go to our log, rate-limited.
		cache.InstallRedisLogger(logger, 0)
		opts := cache.RedisOptions{Prefix: rc.KeyPrefix, Logger: logger}
		if rc.URL != "" {
			r, err := cache.NewRedisFromURL(rc.URL, opts)
			if err != nil {
				return nil, nil, fmt.Errorf("redis.url: %w", err)
			}
			l2 = r
		} else {
			// A cluster (several addresses) or, with a master name, sentinels.
			uo := redis.UniversalOptions{Addrs: rc.Addrs, MasterName: rc.MasterName, Username: rc.Username, Password: rc.Password}
			if rc.TLS {
				uo.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
			}
			l2 = cache.NewRedisFromOptions(uo, opts)
		}
		closer = l2.Close
	}
	return cache.NewTiered(l1, l2), closer, nil
}

// cachePolicy is the caching policy of one upstream.
func cachePolicy(cfg *config.Config) func(upstream.Upstream) upstream.CachePolicy {
	return func(u upstream.Upstream) upstream.CachePolicy {
		kind := string(u.Kind)
		return upstream.CachePolicy{TTL: cfg.Cache.TTLFor(kind), StaleIfError: cfg.Cache.StaleBound(), PerUser: cfg.Cache.IsPerUser(kind)}
	}
}

// pingRedis checks a Redis URL answers.
func pingRedis(ctx context.Context, url string) error {
	r, err := cache.NewRedisFromURL(url, cache.RedisOptions{})
	if err != nil {
		return err
	}
	defer r.Close()
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	return r.Client().Ping(ctx).Err()
}
