package sim

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/klantgraaf/klantgraaf/sim/api/catalogi"
	"github.com/klantgraaf/klantgraaf/sim/api/contactgegevens"
	"github.com/klantgraaf/klantgraaf/sim/api/contactmomenten"
	"github.com/klantgraaf/klantgraaf/sim/api/documenten"
	"github.com/klantgraaf/klantgraaf/sim/api/klanten"
	"github.com/klantgraaf/klantgraaf/sim/api/klantinteracties"
	"github.com/klantgraaf/klantgraaf/sim/api/verzoeken"
	"github.com/klantgraaf/klantgraaf/sim/api/zaken"
	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/provider"
)

// Instance is one simulated provider: its own listener (a separate "host"),
// credentials, latency, concurrency cap, faults and routes.
type Instance struct {
	Idx     uint8
	Spec    data.InstanceSpec
	BaseURL string
	Addr    string

	sim     *Sim
	clients []*provider.Client
	audit   auditLog
	handler http.Handler

	latency, jitter time.Duration
	sem             chan struct{}

	mu      sync.Mutex
	fault   *Fault
	srv     *http.Server
	ln      net.Listener
	rng     *rand.Rand
	stopped bool
}

// Clients returns the credentials the instance accepts.
func (in *Instance) Clients() []*provider.Client { return in.clients }

// Audit returns the recorded audit entries.
func (in *Instance) Audit() []AuditEntry { return in.audit.list() }

func (in *Instance) buildRoutes() {
	r := chi.NewRouter()
	r.NotFound(func(w http.ResponseWriter, r *http.Request) { provider.NotFound(w) })
	r.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) { provider.MethodNotAllowed(w) })
	e := &provider.Env{Inst: in.Idx, Spec: in.Spec, BaseURL: in.BaseURL, Store: in.sim.store}
	r.Route(in.Spec.BasePath(), func(r chi.Router) {
		switch in.Spec.API {
		case data.APIZaken:
			zaken.Routes(e, r)
		case data.APICatalogi:
			catalogi.Routes(e, r)
		case data.APIDocumenten:
			documenten.Routes(e, r)
		case data.APIKlanten:
			klanten.Routes(e, r)
		case data.APIContactmomenten:
			contactmomenten.Routes(e, r)
		case data.APIVerzoeken:
			verzoeken.Routes(e, r)
		case data.APIKlantinteracties:
			klantinteracties.Routes(e, r)
		case data.APIContactgegevens:
			contactgegevens.Routes(e, r)
		}
	})
	in.handler = r
}

// ServeHTTP runs the provider's middleware chain: stats, faults, the worker
// pool with latency, API-version, authentication, then the API's routes.
func (in *Instance) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := nowNanos()
	stats := in.sim.stats
	working := false
	rw := &statusWriter{ResponseWriter: w, status: 200}
	rctx := chi.NewRouteContext()
	r = r.WithContext(context.WithValue(r.Context(), chi.RouteCtxKey, rctx))
	defer func() {
		if p := recover(); p != nil {
			in.sim.log.Error("sim handler panic", "instance", in.Spec.Name, "path", r.URL.Path, "panic", p)
			if !rw.wrote {
				provider.WriteProblem(rw, 500, "error", "Er is een serverfout opgetreden.", fmt.Sprint(p))
			}
		}
		tmpl := rctx.RoutePattern()
		if tmpl == "" {
			tmpl = r.URL.Path
		}
		stats.end(LogEntry{Instance: in.Spec.Name, Method: r.Method, Path: r.URL.RequestURI(), Template: tmpl,
			Status: rw.status, Start: start, End: nowNanos()}, working)
	}()

	// Worker pool: excess requests wait, like a small gunicorn pool.
	select {
	case in.sem <- struct{}{}:
		// Concurrency counts the requests being worked on, not those waiting.
		stats.begin(in.Spec.Name)
		working = true
		// The request stops counting before its worker is handed to a
		// waiting one, so the peak never exceeds the cap.
		defer func() {
			stats.done(in.Spec.Name)
			working = false
			<-in.sem
		}()
	case <-r.Context().Done():
		rw.status = 499
		return
	}
	if d := in.delay(); d > 0 {
		t := time.NewTimer(d)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			rw.status = 499
			return
		}
	}
	if in.applyFault(rw, r) {
		return
	}
	rw.Header().Set("API-version", in.Spec.Version())
	r2, ok := in.authenticate(rw, r)
	if !ok {
		return
	}
	in.handler.ServeHTTP(rw, r2)
}

func (in *Instance) delay() time.Duration {
	in.mu.Lock()
	defer in.mu.Unlock()
	d := in.latency
	if in.jitter > 0 {
		d += time.Duration(in.rng.Int64N(int64(in.jitter)))
	}
	return d
}

// statusWriter remembers the status written.
type statusWriter struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (s *statusWriter) WriteHeader(code int) {
	if !s.wrote {
		s.status, s.wrote = code, true
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusWriter) Write(b []byte) (int, error) {
	if !s.wrote {
		s.status, s.wrote = 200, true
	}
	return s.ResponseWriter.Write(b)
}

func (s *statusWriter) Flush() {
	if f, ok := s.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// currentFault returns the active fault for a request, consuming one use of
// a counted fault.
func (in *Instance) currentFault(r *http.Request) *Fault {
	in.mu.Lock()
	defer in.mu.Unlock()
	f := in.fault
	if f == nil || f.Mode == FaultDown {
		return nil
	}
	if f.PathContains != "" && !strings.Contains(r.URL.Path, f.PathContains) {
		return nil
	}
	cp := *f
	if f.Count > 0 {
		f.Count--
		if f.Count == 0 {
			in.fault = nil
		}
	}
	return &cp
}

// applyFault answers the request according to an injected fault. It returns
// true when the request has been answered.
func (in *Instance) applyFault(w http.ResponseWriter, r *http.Request) bool {
	f := in.currentFault(r)
	if f == nil {
		return false
	}
	switch f.Mode {
	case FaultSlow:
		t := time.NewTimer(time.Duration(f.Delay))
		defer t.Stop()
		select {
		case <-t.C:
		case <-r.Context().Done():
			return true
		}
		return false
	case FaultStatus:
		provider.WriteProblem(w, f.Status, "error", http.StatusText(f.Status), "Gesimuleerde storing.")
	case FaultRateLimit:
		w.Header().Set("Retry-After", strconv.Itoa(f.RetryAfter))
		provider.WriteProblem(w, http.StatusTooManyRequests, "throttled", "Verzoek is beperkt.", "Te veel verzoeken.")
	case FaultMalformed:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(200)
		_, _ = w.Write([]byte(`{"count": 3, "next": null, "previous": null, "results": [{"url": "`))
	case FaultWrongType:
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(200)
		_, _ = w.Write([]byte("<!DOCTYPE html><html><body><h1>Onderhoud</h1><p>Deze dienst is tijdelijk niet beschikbaar.</p></body></html>"))
	case FaultOversized:
		w.Header().Set("Content-Type", "application/json")
		writeOversized(w, f.Size)
	case FaultRedirect:
		http.Redirect(w, r, strings.TrimRight(f.RedirectTo, "/")+r.URL.RequestURI(), http.StatusFound)
	case FaultUnauthorized:
		provider.WriteProblem(w, http.StatusUnauthorized, "not_authenticated", "Ongeldige authenticatiegegevens.", "Gesimuleerde weigering.")
	case FaultForbidden:
		provider.WriteProblem(w, http.StatusForbidden, "permission_denied", "Je hebt geen toestemming om deze actie uit te voeren.", "Gesimuleerde weigering.")
	default:
		return false
	}
	return true
}

// writeOversized writes a valid JSON document of about size bytes, with
// its Content-Length announced as a real provider would.
func writeOversized(w http.ResponseWriter, size int64) {
	chunk := []byte(`"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",`)
	head := []byte(`{"count": 0, "next": null, "previous": null, "results": [], "padding": [`)
	tail := []byte(`""]}`)
	n := (size + int64(len(chunk)) - 1) / int64(len(chunk))
	w.Header().Set("Content-Length", strconv.FormatInt(int64(len(head))+n*int64(len(chunk))+int64(len(tail)), 10))
	w.WriteHeader(200)
	_, _ = w.Write(head)
	for i := int64(0); i < n; i++ {
		if _, err := w.Write(chunk); err != nil {
			return
		}
	}
	_, _ = w.Write(tail)
}

// SetFault installs (or with mode none clears) a fault. Mode down closes the
// listener so connections are refused; leaving down listens again on the
// same address.
func (in *Instance) SetFault(f *Fault) error {
	if err := f.validate(); err != nil {
		return err
	}
	in.mu.Lock()
	wasDown := in.fault != nil && in.fault.Mode == FaultDown
	if f.Mode == FaultNone {
		in.fault = nil
	} else {
		cp := *f
		in.fault = &cp
	}
	in.mu.Unlock()
	switch {
	case f.Mode == FaultDown && !wasDown:
		in.stopServing()
	case f.Mode != FaultDown && wasDown:
		return in.serve(nil)
	}
	return nil
}

// Fault returns the active fault, or nil.
func (in *Instance) Fault() *Fault {
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.fault == nil {
		return nil
	}
	cp := *in.fault
	return &cp
}

// serve starts serving on ln, or (ln nil) listens again on the instance's address.
func (in *Instance) serve(ln net.Listener) error {
	if ln == nil {
		var err error
		for i := 0; i < 50; i++ {
			ln, err = net.Listen("tcp", in.Addr)
			if err == nil {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		if err != nil {
			return fmt.Errorf("instance %s: listen again on %s: %w", in.Spec.Name, in.Addr, err)
		}
	}
	srv := &http.Server{Handler: in, ReadHeaderTimeout: 10 * time.Second, ErrorLog: slog.NewLogLogger(in.sim.log.Handler(), slog.LevelDebug)}
	in.mu.Lock()
	in.srv, in.ln = srv, ln
	in.mu.Unlock()
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			in.sim.log.Error("sim instance stopped", "instance", in.Spec.Name, "err", err)
		}
	}()
	return nil
}

func (in *Instance) stopServing() {
	in.mu.Lock()
	srv := in.srv
	in.srv = nil
	in.mu.Unlock()
	if srv != nil {
		_ = srv.Close()
	}
}

func (in *Instance) shutdown(ctx context.Context) error {
	in.mu.Lock()
	srv := in.srv
	in.srv = nil
	in.mu.Unlock()
	if srv == nil {
		return nil
	}
	if err := srv.Shutdown(ctx); err != nil {
		return srv.Close()
	}
	return nil
}
