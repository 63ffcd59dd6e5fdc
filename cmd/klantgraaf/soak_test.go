package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestParseSoakFlags(t *testing.T) {
	o, err := ParseSoakFlags(nil, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if o.Duration != 10*time.Minute || o.Clients != 32 || o.Latency != 25*time.Millisecond || o.Every != time.Minute || o.InProcess {
		t.Errorf("defaults = %+v", o)
	}
	for _, bad := range [][]string{{"--duration", "0s"}, {"--clients", "0"}, {"--every", "-1s"}, {"--fault-cycle", "1s"}, {"extra"}} {
		if _, err := ParseSoakFlags(bad, io.Discard); err == nil {
			t.Errorf("ParseSoakFlags(%q) accepted", bad)
		}
	}
}

func TestSoakScheduleFitsTheCycle(t *testing.T) {
	cycle := 5 * time.Minute
	for _, f := range soakSchedule(cycle) {
		if f.At < 0 || f.For <= 0 || f.At+f.For > cycle || f.Repeat < 0 {
			t.Errorf("%s: from %s for %s does not fit a cycle of %s", f.Label, f.At, f.For, cycle)
		}
		if f.Fault.Instance == "" || f.Fault.Mode == "" {
			t.Errorf("%s: no instance or mode", f.Label)
		}
	}
}

// TestSoakShort runs the soak for a few seconds with the gateway in
// process: it reports intervals and a summary, the first fault of the
// schedule shows, and no answer lacks a code or reports an internal error.
func TestSoakShort(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the simulator and runs for seconds")
	}
	out := filepath.Join(t.TempDir(), "soak.md")
	var stdout bytes.Buffer
	m := &Main{Stdout: &stdout, Stderr: io.Discard}
	err := m.Run(context.Background(), []string{"soak", "--duration", "4s", "--every", "2s", "--clients", "4",
		"--fault-cycle", "10s", "--latency", "1ms", "--in-process", "--out", out})
	if err != nil {
		t.Fatalf("soak: %v\n%s", err, stdout.String())
	}
	rep := stdout.String()
	rows := regexp.MustCompile(`(?m)^\| \d+s \| (\d+) \|`).FindAllStringSubmatch(rep, -1)
	if len(rows) < 2 {
		t.Fatalf("want a row per interval, got %d:\n%s", len(rows), rep)
	}
	if !strings.Contains(rep, "## Summary") || !strings.Contains(rep, "zaken-b down") {
		t.Errorf("no summary or no fault in the report:\n%s", rep)
	}
	if regexp.MustCompile(`(?m)^\| \d+s \| 0 \|`).MatchString(rep) {
		t.Errorf("an interval without requests:\n%s", rep)
	}
	for _, bad := range []string{"NO_CODE", "INTERNAL", "INVALID_ANSWER", "HTTP_4", "HTTP_5", "TRANSPORT "} {
		if strings.Contains(rep, bad) {
			t.Errorf("the report counts %s:\n%s", bad, rep)
		}
	}
	if b, err := os.ReadFile(out); err != nil || !bytes.Equal(b, stdout.Bytes()) {
		t.Errorf("--out file differs from the report (%v)", err)
	}
}
