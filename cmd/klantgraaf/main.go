// Command klantgraaf is the GraphQL gateway over the municipal customer and
// case APIs.
//
//	klantgraaf serve --config klantgraaf.yaml
//	klantgraaf demo [--scale small] [--listen 127.0.0.1:8080] ...
//
// serve runs the gateway from a configuration file (see config/example.yaml);
// demo starts the simulated providers in-process and the gateway over them,
// with GraphiQL and example queries. Both stop gracefully on SIGINT or
// SIGTERM: in-flight requests are drained for up to 15 seconds.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/klantgraaf/klantgraaf/config"
	"github.com/klantgraaf/klantgraaf/server"
	"github.com/klantgraaf/klantgraaf/sim"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	m := NewMain()
	if err := m.Run(ctx, os.Args[1:]); err != nil {
		_ = m.Close()
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		fmt.Fprintln(m.Stderr, "klantgraaf:", err)
		if errors.Is(err, errUsage) {
			os.Exit(2)
		}
		os.Exit(1)
	}

	if m.oneShot {
		_ = m.Close()
		return
	}
	var failed error
	select {
	case <-ctx.Done():
	case failed = <-m.Failed():
		fmt.Fprintln(m.Stderr, "klantgraaf:", failed)
	}
	stop() // a second signal ends the process at once
	fmt.Fprintln(m.Stderr, "klantgraaf: shutting down")
	if err := m.Close(); err != nil {
		fmt.Fprintln(m.Stderr, "klantgraaf:", err)
		os.Exit(1)
	}
	if failed != nil {
		os.Exit(1)
	}
}

// errUsage marks command-line mistakes.
var errUsage = errors.New("usage")

type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }
func (e *usageError) Is(target error) bool {
	return target == errUsage
}

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// DefaultShutdownTimeout bounds the draining of in-flight requests.
const DefaultShutdownTimeout = 15 * time.Second

// Main is the program: Run parses the command line and starts the gateway
// (and, for demo, the simulator); Close stops them.
type Main struct {
	Stdout, Stderr io.Writer
	// Getenv reads the environment (os.Getenv in production).
	Getenv func(string) string
	// ShutdownTimeout bounds draining in Close.
	ShutdownTimeout time.Duration

	// Sim is the in-process simulator of demo, nil for serve.
	Sim *sim.Sim
	// HTTPServer serves the gateway once Run returned.
	HTTPServer *http.Server

	ln       net.Listener
	failed   chan error
	draining atomic.Bool
	// oneShot: the command has finished when Run returns (bench).
	oneShot bool
}

// NewMain returns a Main wired to the process's standard streams and
// environment.
func NewMain() *Main {
	return &Main{
		Stdout:          os.Stdout,
		Stderr:          os.Stderr,
		Getenv:          os.Getenv,
		ShutdownTimeout: DefaultShutdownTimeout,
		failed:          make(chan error, 1),
	}
}

const usage = `Usage:
  klantgraaf serve --config FILE   run the gateway from a configuration file
  klantgraaf demo [flags]          run the gateway over the built-in simulator
  klantgraaf bench [flags]         measure the klantbeeld: naive REST, cold, warm, load
  klantgraaf soak [flags]          run a query mix for minutes while providers fail
  klantgraaf help                  show this help

Run "klantgraaf serve -h" or "klantgraaf demo -h" for the flags.
`

// Run executes the command in args. It returns once the gateway listens;
// the server runs until Close.
func (m *Main) Run(ctx context.Context, args []string) error {
	if m.failed == nil {
		m.failed = make(chan error, 1)
	}
	if m.Getenv == nil {
		m.Getenv = func(string) string { return "" }
	}
	if len(args) == 0 {
		fmt.Fprint(m.Stderr, usage)
		return usagef("no command given")
	}
	switch args[0] {
	case "serve":
		opts, err := ParseServeFlags(args[1:], m.Stderr)
		if err != nil {
			return err
		}
		return m.runServe(ctx, opts)
	case "demo":
		opts, err := ParseDemoFlags(args[1:], m.Stderr)
		if err != nil {
			return err
		}
		return m.runDemo(ctx, opts)
	case "bench":
		opts, err := ParseBenchFlags(args[1:], m.Stderr, m.Getenv)
		if err != nil {
			return err
		}
		m.oneShot = true
		return m.runBench(ctx, opts)
	case "soak":
		opts, err := ParseSoakFlags(args[1:], m.Stderr)
		if err != nil {
			return err
		}
		m.oneShot = true
		return m.runSoak(ctx, opts)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(m.Stdout, usage)
		return flag.ErrHelp
	default:
		fmt.Fprint(m.Stderr, usage)
		return usagef("unknown command %q", args[0])
	}
}

// Failed delivers an error when the HTTP server stops by itself.
func (m *Main) Failed() <-chan error { return m.failed }

// Addr is the address the gateway listens on, once Run returned.
func (m *Main) Addr() net.Addr {
	if m.ln == nil {
		return nil
	}
	return m.ln.Addr()
}

// Close stops the gateway, letting in-flight requests finish within
// ShutdownTimeout, then the simulator.
func (m *Main) Close() error {
	var errs []error
	if m.HTTPServer != nil {
		m.draining.Store(true)
		timeout := m.ShutdownTimeout
		if timeout <= 0 {
			timeout = DefaultShutdownTimeout
		}
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		if err := m.HTTPServer.Shutdown(ctx); err != nil {
			errs = append(errs, fmt.Errorf("draining requests: %w", err))
			_ = m.HTTPServer.Close()
		}
		cancel()
		m.HTTPServer = nil
	}
	if m.Sim != nil {
		if err := m.Sim.Close(); err != nil {
			errs = append(errs, fmt.Errorf("stopping the simulator: %w", err))
		}
		m.Sim = nil
	}
	return errors.Join(errs...)
}

// ready backs /readyz: not ready once shutdown began.
func (m *Main) ready(context.Context) error {
	if m.draining.Load() {
		return errors.New("shutting down")
	}
	return nil
}

// ServeOptions are the flags of serve.
type ServeOptions struct {
	ConfigPath string
}

// ParseServeFlags parses the arguments of serve.
func ParseServeFlags(args []string, stderr io.Writer) (*ServeOptions, error) {
	o := &ServeOptions{}
	fs := flag.NewFlagSet("klantgraaf serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.ConfigPath, "config", "", "the configuration file (YAML; see config/example.yaml)")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: klantgraaf serve --config FILE\n\nRuns the gateway. Secrets can come from the environment: ${VAR} in\nauth.clientId/secret/token and KLANTGRAAF_UPSTREAM_<NAME>_{CLIENT_ID,SECRET,TOKEN}.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return nil, wrapFlagErr(err)
	}
	if fs.NArg() > 0 {
		return nil, usagef("serve: unexpected argument %q", fs.Arg(0))
	}
	if o.ConfigPath == "" {
		return nil, usagef("serve: --config FILE is required")
	}
	return o, nil
}

// wrapFlagErr marks flag errors as usage errors, keeping -h as ErrHelp.
func wrapFlagErr(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return err
	}
	return &usageError{msg: err.Error()}
}

func (m *Main) runServe(ctx context.Context, o *ServeOptions) error {
	cfg, err := config.Load(o.ConfigPath, m.Getenv)
	if err != nil {
		return err
	}
	logger := newLogger(cfg.Log, m.Stderr)
	if err := m.start(ctx, cfg, logger, nil); err != nil {
		return err
	}
	logger.Info("klantgraaf listening", "graphql", m.baseURL()+"/graphql", "upstreams", len(cfg.UpstreamConfigs),
		"graphiql", cfg.GraphiQL, "introspection", cfg.Introspection)
	fmt.Fprintf(m.Stdout, "klantgraaf: GraphQL at %s/graphql\n", m.baseURL())
	if cfg.GraphiQL {
		fmt.Fprintf(m.Stdout, "klantgraaf: GraphiQL at %s/\n", m.baseURL())
	}
	return nil
}

// newLogger builds the gateway's logger from the log section.
func newLogger(l config.Log, w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: l.SlogLevel()}
	if l.Format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// start builds the gateway from cfg, listens and serves in the background.
func (m *Main) start(ctx context.Context, cfg *config.Config, logger *slog.Logger, examples []server.Example) error {
	h, err := NewGateway(cfg, GatewayOptions{Logger: logger, Examples: examples, Ready: m.ready})
	if err != nil {
		return err
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", cfg.Listen)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	m.ln = ln
	rt := cfg.RequestTimeout.Std()
	m.HTTPServer = &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       rt + 10*time.Second,
		WriteTimeout:      rt + 10*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    1 << 20,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	srv := m.HTTPServer
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			select {
			case m.failed <- fmt.Errorf("http server: %w", err):
			default:
			}
		}
	}()
	return nil
}

// baseURL is the URL to reach the gateway, with an unspecified listen host
// shown as localhost.
func (m *Main) baseURL() string {
	addr := m.Addr()
	if addr == nil {
		return ""
	}
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return "http://" + addr.String()
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port)
}
