package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"time"

	"github.com/klantgraaf/klantgraaf/config"
	"github.com/klantgraaf/klantgraaf/server"
	"github.com/klantgraaf/klantgraaf/sim"
	"github.com/klantgraaf/klantgraaf/sim/data"
)

// DemoOptions are the flags of demo.
type DemoOptions struct {
	Scale          string
	Seed           uint64
	SimLatency     time.Duration
	SimConcurrency int
	Listen         string
	SimControl     string
	RedisURL       string
	User           string
}

// ParseDemoFlags parses the arguments of demo.
func ParseDemoFlags(args []string, stderr io.Writer) (*DemoOptions, error) {
	o := &DemoOptions{}
	fs := flag.NewFlagSet("klantgraaf demo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.Scale, "scale", "small", "dataset size: small, medium or large")
	fs.Uint64Var(&o.Seed, "seed", 1, "seed of the deterministic dataset")
	fs.DurationVar(&o.SimLatency, "sim-latency", 0, "latency the simulated providers add to every request, e.g. 20ms")
	fs.IntVar(&o.SimConcurrency, "sim-concurrency", 8, "requests each simulated provider works on at once (the gateway uses the same cap per upstream)")
	fs.StringVar(&o.Listen, "listen", "127.0.0.1:8080", "address the gateway listens on")
	fs.StringVar(&o.SimControl, "sim-control", "127.0.0.1:8700", "address of the simulator's control endpoint (providers, showcase, stats, faults)")
	fs.StringVar(&o.RedisURL, "redis-url", "", "optional redis:// URL for the shared cache")
	fs.StringVar(&o.User, "user", "demo", "end-user id sent to the providers when a request names none")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: klantgraaf demo [flags]

Starts the simulated providers (two zaaksystemen with Zaken, Catalogi and
Documenten; Open Klant 1.x with Klanten and Contactmomenten; Verzoeken) and
the gateway over them, with GraphiQL and example queries about the
documented showcase persons and companies.

Flags:
`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return nil, wrapFlagErr(err)
	}
	if fs.NArg() > 0 {
		return nil, usagef("demo: unexpected argument %q", fs.Arg(0))
	}
	switch o.Scale {
	case "small", "medium", "large":
	default:
		return nil, usagef("demo: --scale %q: want small, medium or large", o.Scale)
	}
	if o.SimLatency < 0 {
		return nil, usagef("demo: --sim-latency must not be negative")
	}
	if o.SimConcurrency < 1 || o.SimConcurrency > config.MaxUpstreamConcurrency {
		return nil, usagef("demo: --sim-concurrency must be from 1 to %d", config.MaxUpstreamConcurrency)
	}
	if o.User == "" {
		return nil, usagef("demo: --user must not be empty")
	}
	for name, addr := range map[string]string{"--listen": o.Listen, "--sim-control": o.SimControl} {
		if _, _, err := net.SplitHostPort(addr); err != nil {
			return nil, usagef("demo: %s %q: want HOST:PORT", name, addr)
		}
	}
	return o, nil
}

// DemoConfig is the gateway configuration for the simulated providers.
func DemoConfig(o *DemoOptions, providers []sim.Provider) (*config.Config, error) {
	cfg := config.Default()
	cfg.Listen = o.Listen
	cfg.GraphiQL = true
	cfg.Introspection = true
	cfg.EndUser.FallbackID = o.User
	cfg.EndUser.FallbackRepresentation = o.User
	// The demo listens on loopback by default; letting GraphiQL users set
	// X-End-User-Id shows how the identity reaches the audit trails.
	cfg.EndUser.TrustHeaders = true
	if o.RedisURL != "" {
		cfg.Redis = &config.Redis{URL: o.RedisURL}
	}
	for _, p := range providers {
		cfg.UpstreamConfigs = append(cfg.UpstreamConfigs, config.Upstream{
			Name:    p.Name,
			API:     string(p.API),
			Version: p.Version,
			BaseURL: p.BaseURL,
			Auth: config.Auth{
				Type:     p.Auth.Type,
				ClientID: p.Auth.ClientID,
				Secret:   p.Auth.Secret,
				Token:    p.Auth.Token,
			},
			MaxConcurrency: o.SimConcurrency,
			RegisterCode:   registerCode(p),
			Credentials:    demoCredentials(p),
		})
	}
	// Callers without a credential act as KCC agents; the API key
	// "demo-analist" as an analist (see config.DemoAccess).
	cfg.Auth, cfg.Policy = config.DemoAccess()
	cfg.ApplyDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("demo configuration: %w", err)
	}
	return cfg, nil
}

func (m *Main) runDemo(ctx context.Context, o *DemoOptions) error {
	logger := newLogger(config.Log{Level: "info", Format: "text"}, m.Stderr)
	start := time.Now()
	s, err := sim.New(sim.Config{
		Scale:       o.Scale,
		Seed:        o.Seed,
		Latency:     o.SimLatency,
		Concurrency: o.SimConcurrency,
		Control:     o.SimControl,
		Logger:      logger.With("component", "sim"),
	})
	if err != nil {
		return err
	}
	m.Sim = s
	if err := s.Start(); err != nil {
		return err
	}
	cfg, err := DemoConfig(o, s.Providers())
	if err != nil {
		return err
	}
	ids := demoIdentifiers(s)
	if err := m.start(ctx, cfg, logger, DemoExamples(ids)); err != nil {
		return err
	}

	base := m.baseURL()
	w := m.Stdout
	fmt.Fprintf(w, "klantgraaf demo: dataset %q, seed %d, ready in %s\n", o.Scale, o.Seed, time.Since(start).Round(time.Millisecond))
	fmt.Fprintf(w, "  GraphQL:    %s/graphql\n", base)
	fmt.Fprintf(w, "  GraphiQL:   %s/\n", base)
	fmt.Fprintf(w, "  simulator:  %s (GET /providers, /showcase, /stats, /audit)\n", s.ControlURL())
	fmt.Fprintf(w, "  end user:   %q (set the X-End-User-Id header to act as someone else)\n", o.User)
	fmt.Fprintf(w, "  roles:      kcc without a credential; analist with the header X-API-Key: %s\n", config.DemoAnalistKey)
	if ids.BSN != "" {
		fmt.Fprintf(w, "  showcase:   person BSN %s", ids.BSN)
		if ids.KvK != "" {
			fmt.Fprintf(w, ", company KvK %s", ids.KvK)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, "Press Ctrl-C to stop.")
	return nil
}

// DemoIDs are the identifiers the example queries use.
type DemoIDs struct {
	BSN, KvK string
	// ZaakURL is a zaak with documents.
	ZaakURL string
	// WeekFrom and WeekTo bound the last week with contactmomenten.
	WeekFrom, WeekTo time.Time
}

// demoIdentifiers picks real identifiers from the simulator's dataset.
func demoIdentifiers(s *sim.Sim) DemoIDs {
	var ids DemoIDs
	if v, ok := s.ShowcaseByKey("benchmark"); ok {
		ids.BSN = v.BSN
	}
	if v, ok := s.ShowcaseByKey("bedrijf"); ok {
		ids.KvK = v.KvK
	}
	st := s.Store()
	st.Read(func(d *data.Data) {
		// The zaak with the most documents (the first of equals).
		counts := map[data.Ref]int{}
		best, most := data.Ref(-1), 0
		for _, zio := range d.ZaakInformatieObjecten.Rows {
			counts[zio.Zaak]++
			if n := counts[zio.Zaak]; n > most || (n == most && zio.Zaak < best) {
				best, most = zio.Zaak, n
			}
		}
		if best >= 0 && int(best) < d.Zaken.Len() {
			ids.ZaakURL = data.RefURL(st, &d.Zaken, "zaken", best)
		}
		// The week before the latest contactmoment.
		var latest data.DateTime
		for _, cm := range d.ContactMomenten.Rows {
			latest = max(latest, cm.Registratiedatum)
		}
		if latest > 0 {
			end := time.Unix(int64(latest), 0).UTC().Truncate(24 * time.Hour).Add(24 * time.Hour)
			ids.WeekFrom, ids.WeekTo = end.AddDate(0, 0, -7), end
		}
	})
	if ids.WeekTo.IsZero() {
		end := time.Now().UTC().Truncate(24 * time.Hour).Add(24 * time.Hour)
		ids.WeekFrom, ids.WeekTo = end.AddDate(0, 0, -7), end
	}
	return ids
}

func variables(v map[string]any) string {
	b, _ := json.MarshalIndent(v, "", "  ")
	return string(b)
}

// DemoExamples are the GraphiQL tabs of the demo.
func DemoExamples(ids DemoIDs) []server.Example {
	orPlaceholder := func(s, placeholder string) string {
		if s == "" {
			return placeholder
		}
		return s
	}
	return []server.Example{
		{
			Name: "Klantbeeld",
			Query: `# Everything known of one person, over every provider.
query Klantbeeld($bsn: String!) {
  klantbeeld(bsn: $bsn) {
    bsn
    klanten {
      naam
      emailadres
      telefoonnummer
      bron { naam api versie }
    }
    contactmomenten(first: 10) {
      totalCount
      edges { node { registratiedatum kanaal tekst medewerker { achternaam } } }
    }
    verzoeken(first: 10) {
      totalCount
      edges { node { identificatie status registratiedatum } }
    }
    zaken(first: 10) {
      totalCount
      edges {
        node {
          identificatie
          omschrijving
          startdatum
          open
          status { statustype { omschrijving } }
          bron { naam }
        }
      }
    }
  }
  sources { name ok requests error }
}
`,
			Variables: variables(map[string]any{"bsn": orPlaceholder(ids.BSN, "000000000")}),
		},
		{
			Name: "ZaakMetDocumenten",
			Query: `# A zaak with its type, status, rollen and documents.
query ZaakMetDocumenten($url: String!) {
  zaak(url: $url) {
    identificatie
    omschrijving
    startdatum
    einddatum
    vertrouwelijkheidaanduiding
    zaaktype { omschrijving }
    status { datumStatusGezet statustype { omschrijving } }
    rollen { betrokkeneType omschrijvingGeneriek identificatie { naam bsn kvkNummer } }
    documenten {
      titel
      creatiedatum
      formaat
      bestandsomvang
      informatieobjecttype { omschrijving }
    }
    contactmomenten { registratiedatum kanaal }
  }
}
`,
			Variables: variables(map[string]any{"url": orPlaceholder(ids.ZaakURL, "https://zaken.example/zaken/api/v1/zaken/00000000-0000-0000-0000-000000000000")}),
		},
		{
			Name: "ContactmomentenVorigeWeek",
			Query: `# The contactmomenten of one week, newest first, over every provider.
query ContactmomentenVorigeWeek($vanaf: DateTime!, $tot: DateTime!) {
  contactmomenten(filter: {vanaf: $vanaf, tot: $tot}, first: 20) {
    totalCount
    edges {
      node {
        registratiedatum
        kanaal
        tekst
        initiatiefnemer
        medewerker { achternaam }
        klanten { rol klant { naam } }
        bron { naam }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`,
			Variables: variables(map[string]any{
				"vanaf": ids.WeekFrom.Format(time.RFC3339),
				"tot":   ids.WeekTo.Format(time.RFC3339),
			}),
		},
		{
			Name: "KlantbeeldBedrijf",
			Query: `# The same view for a company, by KvK number.
query KlantbeeldBedrijf($kvk: String!) {
  klantbeeld(kvkNummer: $kvk) {
    kvkNummer
    klanten { naam bedrijfsnaam vestigingsnummer bron { naam } }
    zaken(first: 10) { totalCount edges { node { identificatie omschrijving startdatum } } }
    contactmomenten(first: 10) { totalCount edges { node { registratiedatum kanaal tekst } } }
  }
}
`,
			Variables: variables(map[string]any{"kvk": orPlaceholder(ids.KvK, "00000000")}),
		},
	}
}

// registerCode is the code the simulated Klantinteracties register uses for
// a simulated zaaksysteem: "open-zaak-" and the system's letter.
func registerCode(p sim.Provider) string {
	if p.API != "zaken" {
		return ""
	}
	return "open-zaak-" + p.System
}
