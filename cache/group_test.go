package cache

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestGroupCollapses(t *testing.T) {
	var g Group[string]
	var calls atomic.Int32
	release := make(chan struct{})
	fn := func(ctx context.Context) (string, error) {
		calls.Add(1)
		<-release
		return "zaak-1", nil
	}
	const n = 10
	var wg sync.WaitGroup
	var sharedCount atomic.Int32
	started := make(chan struct{}, n)
	for range n {
		wg.Go(func() {
			started <- struct{}{}
			v, shared, err := g.Do(context.Background(), "k", fn)
			if err != nil || v != "zaak-1" {
				t.Errorf("Do = %q, %v", v, err)
			}
			if shared {
				sharedCount.Add(1)
			}
		})
	}
	for range n {
		<-started
	}
	waitFor(t, func() bool {
		g.mu.Lock()
		defer g.mu.Unlock()
		c := g.calls["k"]
		return c != nil && c.waiters == n
	})
	close(release)
	wg.Wait()
	if calls.Load() != 1 {
		t.Errorf("fn ran %d times, want 1", calls.Load())
	}
	if sharedCount.Load() != n {
		t.Errorf("%d callers saw shared, want %d", sharedCount.Load(), n)
	}
	// Done calls are forgotten: the next Do runs fn again.
	if _, shared, _ := g.Do(context.Background(), "k", func(context.Context) (string, error) { calls.Add(1); return "", nil }); shared || calls.Load() != 2 {
		t.Errorf("after completion: shared %v, calls %d", shared, calls.Load())
	}
}

type ctxKey struct{}

func TestGroupCallerLeavingDoesNotFailOthers(t *testing.T) {
	var g Group[int]
	release := make(chan struct{})
	var fnCtx context.Context
	fn := func(ctx context.Context) (int, error) {
		fnCtx = ctx
		select {
		case <-release:
			return 42, nil
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
	leaderCtx, cancelLeader := context.WithCancel(context.WithValue(context.Background(), ctxKey{}, "trace-1"))
	leaderDone := make(chan error, 1)
	go func() {
		_, _, err := g.Do(leaderCtx, "k", fn)
		leaderDone <- err
	}()
	waitFor(t, func() bool { g.mu.Lock(); defer g.mu.Unlock(); return g.calls["k"] != nil })
	followerDone := make(chan int, 1)
	go func() {
		v, _, err := g.Do(context.Background(), "k", fn)
		if err != nil {
			t.Errorf("follower: %v", err)
		}
		followerDone <- v
	}()
	waitFor(t, func() bool { g.mu.Lock(); defer g.mu.Unlock(); return g.calls["k"].waiters == 2 })

	cancelLeader()
	if err := <-leaderDone; !errors.Is(err, context.Canceled) {
		t.Errorf("leader: %v, want its own cancellation", err)
	}
	close(release)
	if v := <-followerDone; v != 42 {
		t.Errorf("follower got %d, want 42", v)
	}
	if fnCtx.Value(ctxKey{}) != "trace-1" {
		t.Error("fn's context lost the first caller's values")
	}
}

func TestGroupAllCallersLeavingCancelsFetch(t *testing.T) {
	var g Group[int]
	cancelled := make(chan struct{})
	fn := func(ctx context.Context) (int, error) {
		<-ctx.Done()
		close(cancelled)
		return 0, ctx.Err()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			if _, _, err := g.Do(ctx, "k", fn); !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("Do: %v", err)
			}
		})
	}
	wg.Wait()
	select {
	case <-cancelled:
	case <-time.After(time.Second):
		t.Fatal("fetch not cancelled after every caller left")
	}
	// A new caller starts a new fetch instead of joining the cancelled one.
	v, _, err := g.Do(context.Background(), "k", func(context.Context) (int, error) { return 7, nil })
	if v != 7 || err != nil {
		t.Errorf("new Do = %d, %v", v, err)
	}
	if _, _, err := g.Do(ctx, "k", fn); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Do with an ended context: %v", err)
	}
}

func TestGroupPanicIsError(t *testing.T) {
	var g Group[int]
	_, _, err := g.Do(context.Background(), "k", func(context.Context) (int, error) { panic("upstream decoder bug") })
	if err == nil || !strings.Contains(err.Error(), "upstream decoder bug") {
		t.Fatalf("err %v, want the panic as error", err)
	}
	if v, _, err := g.Do(context.Background(), "k", func(context.Context) (int, error) { return 1, nil }); v != 1 || err != nil {
		t.Errorf("after panic: %d, %v", v, err)
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not reached")
		}
		time.Sleep(time.Millisecond)
	}
}
