//go:build builtinassets

package server

import (
	"context"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/klantgraaf/klantgraaf/graph"
	"github.com/klantgraaf/klantgraaf/loaders"
	"github.com/klantgraaf/klantgraaf/resolvers"
	"github.com/klantgraaf/klantgraaf/upstream"
)

// chromiumPath finds a Chromium or Chrome binary, or returns "".
func chromiumPath() string {
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestGraphiQLInBrowser opens the GraphiQL page in headless Chromium, waits
// for it to render with the example tabs, runs the first example through
// the UI and checks that the page logged no errors and fetched nothing
// from anywhere but this server.
func TestGraphiQLInBrowser(t *testing.T) {
	requireBuiltAssets(t)
	exe := chromiumPath()
	if exe == "" {
		skipOrFail(t, "Chromium not found (looked for /usr/bin/chromium and chromium, google-chrome on PATH); install it, e.g. apt-get install chromium")
	}

	// The real schema over an empty registry: introspection and __typename
	// need no upstream.
	reg, err := upstream.NewRegistry(nil)
	if err != nil {
		t.Fatal(err)
	}
	fetcher := loaders.NewFetcher(reg, loaders.Options{})
	es := graph.NewExecutableSchema(graph.Config{Resolvers: resolvers.New(fetcher)})
	examples := []Example{
		{Name: "Hello", Query: "query Hello {\n  __typename\n}\n"},
		{Name: "Schema", Query: "query Schema {\n  __schema { queryType { name } }\n}\n"},
	}
	srv := httptest.NewServer(New(Options{
		GraphQL:  NewGraphQLHandler(es, GraphQLOptions{Introspection: true}),
		Fetcher:  fetcher.Middleware,
		GraphiQL: true,
		Examples: examples,
		EndUser:  EndUserOptions{FallbackID: "browser-test"},
	}))
	defer srv.Close()
	self, _ := url.Parse(srv.URL)

	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	// Start the browser with no deadline; each step below gets its own.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}

	// Record console messages and requests from here on.
	var (
		mu       sync.Mutex
		problems []string
		requests []string
		wg       sync.WaitGroup
	)
	lctx, stopListening := context.WithCancel(ctx)
	console := chromedp.Console(lctx)
	reqs := chromedp.Events(lctx, network.RequestWillBeSent)
	wg.Add(2)
	go func() {
		defer wg.Done()
		for m, err := range console {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				mu.Lock()
				problems = append(problems, m.String()+" at "+m.URL)
				mu.Unlock()
			}
		}
	}()
	go func() {
		defer wg.Done()
		for ev, err := range reqs {
			if err != nil {
				return
			}
			mu.Lock()
			requests = append(requests, ev.Request.URL)
			mu.Unlock()
		}
	}()

	step := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if err := chromedp.Do(sctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	step("open GraphiQL",
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(".graphiql-container")),
		chromedp.WaitVisible(chromedp.CSS(".graphiql-execute-button")),
	)

	pctx, cancelPoll := context.WithTimeout(ctx, 30*time.Second)
	tabs, err := chromedp.Run(pctx, chromedp.Poll[int](
		`document.querySelectorAll('.graphiql-tab').length >= 2 && document.querySelectorAll('.graphiql-tab').length`))
	cancelPoll()
	if err != nil || tabs != len(examples) {
		t.Fatalf("example tabs: %d (%v), want %d", tabs, err, len(examples))
	}

	step("run the first example", chromedp.Click(chromedp.CSS(".graphiql-execute-button")))
	pctx, cancelPoll = context.WithTimeout(ctx, 30*time.Second)
	result, err := chromedp.Run(pctx, chromedp.Poll[string](
		`(function () {
			var r = document.querySelector('.result-window');
			var s = r ? r.innerText : '';
			return s.indexOf('__typename') >= 0 ? s : '';
		})()`))
	cancelPoll()
	if err != nil {
		t.Fatalf("waiting for the result: %v", err)
	}
	if !strings.Contains(result, `"Query"`) {
		t.Errorf("result window shows %q, want __typename Query", result)
	}

	// Give late messages a moment, then stop listening.
	time.Sleep(300 * time.Millisecond)
	stopListening()
	wg.Wait()

	if len(problems) > 0 {
		t.Errorf("the page logged errors:\n  %s", strings.Join(problems, "\n  "))
	}
	t.Logf("checked %d requests", len(requests))
	sawGraphQL := false
	for _, raw := range requests {
		u, err := url.Parse(raw)
		if err != nil {
			t.Errorf("request to unparsable URL %q", raw)
			continue
		}
		switch u.Scheme {
		case "data", "blob":
			continue
		}
		if u.Host != self.Host {
			t.Errorf("request to another host: %s", raw)
		}
		if u.Path == "/graphql" {
			sawGraphQL = true
		}
	}
	if !sawGraphQL {
		t.Errorf("no request to /graphql among %v", requests)
	}
}
