// Package loaders holds the per-request dataloaders: every resolver that
// follows a URL goes through one, so duplicate keys collapse and keys of one
// kind are fetched in batches with the best request each API offers.
package loaders

import (
	"context"
	"log/slog"
	"net/http"
	"sort"
	"sync"
	"time"

	"github.com/graph-gophers/dataloader/v7"

	"github.com/klantgraaf/klantgraaf/model"
	"github.com/klantgraaf/klantgraaf/upstream"
)

// Options tunes the fetcher.
type Options struct {
	Logger *slog.Logger
	// BatchWait is how long a loader collects keys before fetching
	// (default 100µs).
	BatchWait time.Duration
	// MaxListItems bounds the items collected for one person-scoped list
	// (default 1000).
	MaxListItems int
	// Budget is how many upstream requests one GraphQL request may make;
	// further calls fail with a *BudgetError (see budget.go). 0: no limit.
	Budget int
}

// Fetcher is shared by all requests: the upstream registry and the caches.
type Fetcher struct {
	reg  *upstream.Registry
	opts Options
}

// NewFetcher builds the shared fetch layer over the configured upstreams.
func NewFetcher(reg *upstream.Registry, opts Options) *Fetcher {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.BatchWait <= 0 {
		opts.BatchWait = 100 * time.Microsecond
	}
	if opts.MaxListItems <= 0 {
		opts.MaxListItems = 1000
	}
	return &Fetcher{reg: reg, opts: opts}
}

// Registry returns the upstream registry.
func (f *Fetcher) Registry() *upstream.Registry { return f.reg }

// Loaders are the dataloaders of one GraphQL request.
type Loaders struct {
	f     *Fetcher
	usage *usage
	memo  memo

	expandMu   sync.Mutex
	zaakExpand []string

	zaak          *dataloader.Loader[string, *model.Zaak]
	zaaktype      *dataloader.Loader[string, *model.Zaaktype]
	status        *dataloader.Loader[string, *model.Status]
	statustype    *dataloader.Loader[string, *model.Statustype]
	resultaat     *dataloader.Loader[string, *model.Resultaat]
	resultaattype *dataloader.Loader[string, *model.Resultaattype]
	rol           *dataloader.Loader[string, *model.Rol]
	roltype       *dataloader.Loader[string, *model.Roltype]
	eigenschap    *dataloader.Loader[string, *model.ZaakEigenschap]
	document      *dataloader.Loader[string, *model.Document]
	iotype        *dataloader.Loader[string, *model.Informatieobjecttype]
	klant         *dataloader.Loader[string, *model.Klant]
	contactmoment *dataloader.Loader[string, *model.Contactmoment]
	verzoek       *dataloader.Loader[string, *model.Verzoek]
	interneTaak   *dataloader.Loader[string, *model.InterneTaak]

	relationLoaders
}

type ctxKey struct{}

// NewLoaders makes the loaders for one request.
func (f *Fetcher) NewLoaders() *Loaders {
	l := &Loaders{f: f, usage: newUsage()}
	l.init()
	return l
}

// Middleware attaches fresh loaders to every request.
func (f *Fetcher) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(f.WithLoaders(r.Context())))
	})
}

// WithLoaders returns ctx with fresh loaders for one request.
func (f *Fetcher) WithLoaders(ctx context.Context) context.Context {
	l := f.NewLoaders()
	ctx, hook := f.withBudget(ctx, l.usage.record)
	ctx = upstream.WithRequestHook(ctx, hook)
	return context.WithValue(ctx, ctxKey{}, l)
}

// For returns the request's loaders.
func For(ctx context.Context) *Loaders {
	l, _ := ctx.Value(ctxKey{}).(*Loaders)
	return l
}

// SetZaakExpand records which related objects every zaak fetch of this
// request should embed.
func (l *Loaders) SetZaakExpand(expand []string) {
	sort.Strings(expand)
	l.expandMu.Lock()
	l.zaakExpand = expand
	l.expandMu.Unlock()
}

func (l *Loaders) zaakExpandSet() []string {
	l.expandMu.Lock()
	defer l.expandMu.Unlock()
	return l.zaakExpand
}

// Sources reports every configured upstream and whether it answers: each
// is asked for its API root (concurrently, within the request's deadline),
// so the answer does not depend on which other fields the query selects.
// A provider answers when it responds with a status below 500 other than
// 401/403; Requests counts this request's calls to it, the probe included.
func (l *Loaders) Sources(ctx context.Context) []*model.Source {
	clients := l.f.reg.Clients()
	out := make([]*model.Source, len(clients))
	var wg sync.WaitGroup
	for i, c := range clients {
		wg.Add(1)
		go func(i int, c *upstream.Client) {
			defer wg.Done()
			cfg := c.Config()
			s := &model.Source{Name: c.Name(), API: apiKind(c.Kind()), Version: cfg.Version, BaseURL: c.BaseURL(), Ok: true}
			_, err := c.Get(ctx, c.BaseURL()+"/", nil)
			if err != nil && !upstream.IsKind(err, upstream.NotFound) && !upstream.IsKind(err, upstream.BadRequest) &&
				!upstream.IsKind(err, upstream.Other) && !upstream.IsKind(err, upstream.Decode) {
				s.Ok = false
				e := err.Error()
				s.Error = &e
			}
			if u := l.usage.get(c.Name()); u != nil {
				s.Requests = u.Requests
			}
			out[i] = s
		}(i, c)
	}
	wg.Wait()
	return out
}

func apiKind(k upstream.APIKind) model.ApiKind { return model.ApiKind(model.FromAPI(string(k))) }
