package cache

import (
	"log/slog"
	"os"
	"testing"
	"time"
)

func TestMain(m *testing.M) {
	// The down-Redis tests make go-redis log every failed dial: keep one
	// line per few seconds of it.
	InstallRedisLogger(slog.New(slog.NewTextHandler(os.Stderr, nil)), 5*time.Second)
	os.Exit(m.Run())
}
