package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"net/http"
	"strings"
	"testing"
)

func TestRunServesProvidersOnTheControlAddress(t *testing.T) {
	var out bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &bytes.Buffer{}}
	if err := m.Run(context.Background(), []string{"--control", "127.0.0.1:0", "--scale", "small", "--seed", "3"}); err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	resp, err := http.Get(m.Sim.ControlURL() + "/providers")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var provs []struct {
		Name, API, Version, BaseURL string
		Auth                        struct{ Type string }
	}
	if err := json.NewDecoder(resp.Body).Decode(&provs); err != nil {
		t.Fatal(err)
	}
	if len(provs) < 9 {
		t.Fatalf("got %d providers", len(provs))
	}
	for _, p := range provs {
		if !strings.Contains(out.String(), p.BaseURL) {
			t.Errorf("the printed summary lacks %s", p.BaseURL)
		}
	}
}

func TestFlags(t *testing.T) {
	var errOut bytes.Buffer
	if _, err := ParseFlags([]string{"--help"}, &errOut); !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("--help: %v", err)
	}
	for _, f := range []string{"-control", "-scale", "-seed", "-latency", "-jitter", "-concurrency", "-ports"} {
		if !strings.Contains(errOut.String(), f) {
			t.Errorf("--help does not document %s", f)
		}
	}
	cfg, err := ParseFlags([]string{"--ports", "zaken-a=8701,klanten=0", "--latency", "25ms"}, &errOut)
	if err != nil || cfg.Ports["zaken-a"] != 8701 || cfg.Latency.String() != "25ms" {
		t.Fatalf("%+v %v", cfg, err)
	}
	for _, bad := range [][]string{{"--ports", "zaken-a"}, {"--ports", "x=99999"}, {"extra"}} {
		if _, err := ParseFlags(bad, &errOut); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
}
