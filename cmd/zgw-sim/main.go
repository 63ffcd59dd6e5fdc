// Command zgw-sim runs the simulated municipal providers (Zaken, Catalogi,
// Documenten, Klanten, Contactmomenten, Verzoeken) on free loopback ports,
// with a control endpoint for providers, showcase, stats, faults and reset.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/klantgraaf/klantgraaf/sim"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := &Main{Stdout: os.Stdout, Stderr: os.Stderr}
	if err := m.Run(ctx, os.Args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		fmt.Fprintln(os.Stderr, "zgw-sim:", err)
		os.Exit(2)
	}
	<-ctx.Done()
	if err := m.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "zgw-sim:", err)
		os.Exit(1)
	}
}

// Main is the program: Run parses flags and starts the simulator, Close
// stops it.
type Main struct {
	Stdout, Stderr io.Writer
	Sim            *sim.Sim
}

// Config is the parsed command line.
type Config struct {
	Control     string
	Scale       string
	Seed        uint64
	Latency     time.Duration
	Jitter      time.Duration
	Concurrency int
	Host        string
	Ports       map[string]int
	LogLevel    string
}

// ParseFlags reads the command line into a Config.
func ParseFlags(args []string, stderr io.Writer) (*Config, error) {
	cfg := &Config{}
	fs := flag.NewFlagSet("zgw-sim", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.Control, "control", "127.0.0.1:8700", "listen address of the control endpoint (GET /providers, /showcase, /stats, /audit, /faults; POST /faults, /latency, /reset)")
	fs.StringVar(&cfg.Scale, "scale", "small", "dataset size: small (≈500 klanten), medium (≈10k klanten, 100k contactmomenten, 30k zaken) or large (10× medium)")
	fs.Uint64Var(&cfg.Seed, "seed", 1, "seed of the deterministic dataset; the same seed gives the same data")
	fs.DurationVar(&cfg.Latency, "latency", 0, "fixed latency added to every provider request, e.g. 25ms")
	fs.DurationVar(&cfg.Jitter, "jitter", 0, "extra random latency per request, uniform in [0, jitter)")
	fs.IntVar(&cfg.Concurrency, "concurrency", 8, "requests each provider instance works on at once; excess requests wait")
	fs.StringVar(&cfg.Host, "host", "127.0.0.1", "address the provider instances listen on")
	ports := fs.String("ports", "", "fixed ports per instance, e.g. zaken-a=8701,klanten=8707 (others get free ports)")
	fs.StringVar(&cfg.LogLevel, "log-level", "info", "log level: debug, info, warn or error")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), `Usage: zgw-sim [flags]

Runs simulated ZGW providers as Open Zaak and Open Klant 1.x serve them:
zaken-a, catalogi-a, documenten-a (zaaksysteem A), zaken-b, catalogi-b,
documenten-b (zaaksysteem B), klanten, contactmomenten and verzoeken, each on
its own loopback port with its own credentials (ZGW JWT, HS256).

GET /providers on the control address lists every instance with its base URL
and credentials; GET /showcase lists the documented persons and companies.

Flags:
`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	p, err := parsePorts(*ports)
	if err != nil {
		return nil, err
	}
	cfg.Ports = p
	return cfg, nil
}

func parsePorts(s string) (map[string]int, error) {
	out := map[string]int{}
	if strings.TrimSpace(s) == "" {
		return out, nil
	}
	for _, part := range strings.Split(s, ",") {
		name, port, ok := strings.Cut(strings.TrimSpace(part), "=")
		n, err := strconv.Atoi(port)
		if !ok || name == "" || err != nil || n < 0 || n > 65535 {
			return nil, fmt.Errorf("-ports: %q is not NAME=PORT", part)
		}
		out[name] = n
	}
	return out, nil
}

func parseLevel(s string) (slog.Level, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(s)); err != nil {
		return l, fmt.Errorf("-log-level: %w", err)
	}
	return l, nil
}

// Run starts the simulator and prints where everything listens.
func (m *Main) Run(ctx context.Context, args []string) error {
	cfg, err := ParseFlags(args, m.Stderr)
	if err != nil {
		return err
	}
	level, err := parseLevel(cfg.LogLevel)
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(m.Stderr, &slog.HandlerOptions{Level: level}))
	start := time.Now()
	s, err := sim.New(sim.Config{Scale: cfg.Scale, Seed: cfg.Seed, Host: cfg.Host, Latency: cfg.Latency, Jitter: cfg.Jitter,
		Concurrency: cfg.Concurrency, Ports: cfg.Ports, Control: cfg.Control, Logger: logger})
	if err != nil {
		return err
	}
	if err := s.Start(); err != nil {
		return err
	}
	m.Sim = s
	fmt.Fprintf(m.Stdout, "zgw-sim: dataset %q seed %d ready in %s\n", cfg.Scale, cfg.Seed, time.Since(start).Round(time.Millisecond))
	fmt.Fprintf(m.Stdout, "control: %s\n", s.ControlURL())
	provs := s.Providers()
	sort.SliceStable(provs, func(i, j int) bool { return provs[i].Name < provs[j].Name })
	for _, p := range provs {
		fmt.Fprintf(m.Stdout, "  %-16s %-16s %-10s %s\n", p.Name, p.API, p.Version, p.BaseURL)
	}
	return nil
}

// Close stops the simulator.
func (m *Main) Close() error {
	if m.Sim == nil {
		return nil
	}
	return m.Sim.Close()
}
