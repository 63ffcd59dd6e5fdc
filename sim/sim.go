// Package sim simulates the municipal REST providers klantgraaf aggregates
// (Open Zaak's Zaken, Catalogi and Documenten; Open Klant 1.x's Klanten and
// Contactmomenten; Verzoeken), faithful to their OpenAPI specifications,
// with a deterministic dataset, per-instance latency, concurrency caps,
// injectable faults, statistics and an audit trail.
package sim

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net"
	"strings"
	"time"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/gen"
	"github.com/klantgraaf/klantgraaf/sim/provider"
)

// Config configures a simulator.
type Config struct {
	// Scale is small, medium or large.
	Scale string
	Seed  uint64
	// Host is the address instances listen on (default 127.0.0.1).
	Host string
	// Latency is added to every request; Jitter adds a uniform extra delay.
	Latency, Jitter time.Duration
	// Concurrency caps the requests an instance works on at once (default 8).
	Concurrency int
	// Topology lists the instances (default DefaultTopology()).
	Topology data.Topology
	// Ports optionally fixes the port per instance name (0 or absent = free port).
	Ports map[string]int
	// Control is the control endpoint's listen address; "" = no control server.
	Control string
	Logger  *slog.Logger
}

// Sim runs the provider instances over one shared dataset.
type Sim struct {
	cfg       Config
	topo      data.Topology
	store     *data.Store
	instances []*Instance
	stats     *statsRecorder
	log       *slog.Logger
	control   *controlServer
}

// Scales maps a scale name to the generator's sizes.
func scaleOK(s string) bool { return s == "small" || s == "medium" || s == "large" }

// New validates the configuration, binds every instance's listener (so base
// URLs are known) and generates the dataset. Call Start to serve.
func New(cfg Config) (*Sim, error) {
	if cfg.Scale == "" {
		cfg.Scale = "small"
	}
	if !scaleOK(cfg.Scale) {
		return nil, fmt.Errorf("sim: scale %q: want small, medium or large", cfg.Scale)
	}
	if cfg.Host == "" {
		cfg.Host = "127.0.0.1"
	}
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = 8
	}
	if cfg.Latency < 0 || cfg.Jitter < 0 {
		return nil, errors.New("sim: latency and jitter must not be negative")
	}
	if cfg.Topology == nil {
		cfg.Topology = data.DefaultTopology()
	}
	if err := cfg.Topology.Validate(); err != nil {
		return nil, err
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	s := &Sim{cfg: cfg, topo: cfg.Topology, stats: newStatsRecorder(), log: cfg.Logger}
	bases := make([]string, len(s.topo))
	var lns []net.Listener
	closeAll := func() {
		for _, ln := range lns {
			_ = ln.Close()
		}
	}
	for i, spec := range s.topo {
		port := cfg.Ports[spec.Name]
		ln, err := net.Listen("tcp", net.JoinHostPort(cfg.Host, fmt.Sprint(port)))
		if err != nil {
			closeAll()
			return nil, fmt.Errorf("sim: instance %s: %w", spec.Name, err)
		}
		lns = append(lns, ln)
		addr := ln.Addr().String()
		bases[i] = "http://" + addr + spec.BasePath()
		in := &Instance{Idx: uint8(i), Spec: spec, BaseURL: bases[i], Addr: addr, sim: s,
			clients: defaultClients(cfg.Seed, spec.Name, spec.API), latency: cfg.Latency, jitter: cfg.Jitter,
			sem: make(chan struct{}, cfg.Concurrency), rng: rand.New(rand.NewPCG(cfg.Seed, uint64(i)))}
		in.ln = ln
		s.instances = append(s.instances, in)
	}
	d, err := gen.Generate(gen.Config{Seed: cfg.Seed, Scale: cfg.Scale}, s.topo)
	if err != nil {
		closeAll()
		return nil, err
	}
	s.store = data.NewStore(d, s.topo, bases)
	for _, in := range s.instances {
		in.buildRoutes()
	}
	return s, nil
}

// Start serves every instance and, when configured, the control endpoint.
func (s *Sim) Start() error {
	for _, in := range s.instances {
		if err := in.serve(in.ln); err != nil {
			return err
		}
	}
	if s.cfg.Control != "" {
		cs, err := startControl(s, s.cfg.Control)
		if err != nil {
			_ = s.Close()
			return err
		}
		s.control = cs
	}
	return nil
}

// Close stops every instance and the control endpoint.
func (s *Sim) Close() error {
	// Connections a client opened but never used count as busy for a while;
	// drain briefly, then close what is left.
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	var errs []error
	for _, in := range s.instances {
		if err := in.shutdown(ctx); err != nil {
			errs = append(errs, err)
		}
	}
	if s.control != nil {
		errs = append(errs, s.control.close(ctx))
	}
	return errors.Join(errs...)
}

// Store exposes the dataset (tests and the benchmark read it directly).
func (s *Sim) Store() *data.Store { return s.store }

// Topology returns the instances' specs.
func (s *Sim) Topology() data.Topology { return s.topo }

// Instances returns the running instances.
func (s *Sim) Instances() []*Instance { return s.instances }

// Instance finds an instance by name.
func (s *Sim) Instance(name string) *Instance {
	for _, in := range s.instances {
		if in.Spec.Name == name {
			return in
		}
	}
	return nil
}

// ControlURL is the control endpoint's base URL ("" when not started).
func (s *Sim) ControlURL() string {
	if s.control == nil {
		return ""
	}
	return "http://" + s.control.addr
}

// Provider is one entry of GET /providers.
type Provider struct {
	Name    string       `json:"name"`
	API     data.APIKind `json:"api"`
	Version string       `json:"version"`
	BaseURL string       `json:"baseUrl"`
	System  string       `json:"system"`
	Auth    ProviderAuth `json:"auth"`
	// Clients lists every credential the instance accepts (Auth is the first).
	Clients []*provider.Client `json:"clients"`
}

// ProviderAuth is the credential a gateway should use for an instance.
type ProviderAuth struct {
	Type     string `json:"type"` // zgw-jwt | token
	ClientID string `json:"clientId,omitempty"`
	Secret   string `json:"secret,omitempty"`
	Token    string `json:"token,omitempty"`
}

// Providers lists the instances with their credentials.
func (s *Sim) Providers() []Provider {
	out := make([]Provider, 0, len(s.instances))
	for _, in := range s.instances {
		p := Provider{Name: in.Spec.Name, API: in.Spec.API, Version: in.Spec.Version(), BaseURL: in.BaseURL,
			System: in.Spec.System, Clients: in.clients}
		c := in.clients[0]
		if in.Spec.API == data.APIKlantinteracties || in.Spec.API == data.APIContactgegevens {
			p.Auth = ProviderAuth{Type: "token", Token: c.Secret}
		} else {
			p.Auth = ProviderAuth{Type: "zgw-jwt", ClientID: c.ID, Secret: c.Secret}
		}
		out = append(out, p)
	}
	return out
}

// ShowcaseView is one showcase entry with its klant URLs rendered.
type ShowcaseView struct {
	data.ShowcaseEntry
	KlantURLs []string `json:"klantUrls"`
}

// Showcase returns the documented persons and companies.
func (s *Sim) Showcase() []ShowcaseView {
	var out []ShowcaseView
	s.store.Read(func(d *data.Data) {
		for _, e := range d.Showcase {
			v := ShowcaseView{ShowcaseEntry: e, KlantURLs: []string{}}
			for _, k := range e.Klanten {
				v.KlantURLs = append(v.KlantURLs, s.store.URL(d.Klanten.Get(k).Inst, "klanten", d.Klanten.UUIDOf(k)))
			}
			out = append(out, v)
		}
	})
	return out
}

// ShowcaseByKey finds a showcase entry.
func (s *Sim) ShowcaseByKey(key string) (ShowcaseView, bool) {
	for _, v := range s.Showcase() {
		if strings.EqualFold(v.Key, key) {
			return v, true
		}
	}
	return ShowcaseView{}, false
}

// Stats reports request statistics since the last reset.
func (s *Sim) Stats(withLog bool) *StatsReport { return s.stats.report(withLog) }

// ResetStats clears statistics and audit trails.
func (s *Sim) ResetStats() {
	s.stats.reset()
	for _, in := range s.instances {
		in.audit.reset()
	}
}

// Reset clears statistics, audit trails and faults; with data it also
// regenerates the dataset, undoing every write.
func (s *Sim) Reset(data bool) error {
	for _, in := range s.instances {
		if err := in.SetFault(&Fault{Mode: FaultNone}); err != nil {
			return err
		}
	}
	if data {
		d, err := gen.Generate(gen.Config{Seed: s.cfg.Seed, Scale: s.cfg.Scale}, s.topo)
		if err != nil {
			return err
		}
		s.store.Replace(d)
	}
	s.ResetStats()
	return nil
}

// SetLatency changes latency and jitter of every instance at run time.
func (s *Sim) SetLatency(latency, jitter time.Duration) {
	for _, in := range s.instances {
		in.mu.Lock()
		in.latency, in.jitter = latency, jitter
		in.mu.Unlock()
	}
}

// WaitIdle waits (up to timeout) until no instance is working on a request,
// so that statistics include every answered request: a request is recorded
// just after its answer is sent.
func (s *Sim) WaitIdle(timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	for {
		busy := false
		for _, is := range s.stats.report(false).Instances {
			if is.InFlight > 0 {
				busy = true
			}
		}
		if !busy {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(2 * time.Millisecond)
	}
}
