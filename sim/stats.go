package sim

import (
	"sort"
	"strconv"
	"sync"
	"time"
)

// maxLog bounds the request log kept for round-trip analysis.
const maxLog = 200_000

// LogEntry is one served request.
type LogEntry struct {
	Instance string `json:"instance"`
	Method   string `json:"method"`
	Path     string `json:"path"`
	Template string `json:"template"`
	Status   int    `json:"status"`
	Start    int64  `json:"start"` // Unix nanoseconds
	End      int64  `json:"end"`
}

// RouteStats counts requests of one method and path template.
type RouteStats struct {
	Method   string         `json:"method"`
	Template string         `json:"template"`
	Count    int            `json:"count"`
	Statuses map[string]int `json:"statuses"`
}

// InstanceStats is the /stats view of one instance.
type InstanceStats struct {
	Requests int `json:"requests"`
	// InFlight and PeakConcurrency count requests being worked on (holding
	// one of the instance's workers), not those waiting for one.
	InFlight        int           `json:"inFlight"`
	PeakConcurrency int           `json:"peakConcurrency"`
	Routes          []*RouteStats `json:"routes"`
}

// StatsReport is the /stats answer.
type StatsReport struct {
	Total int `json:"total"`
	// Rounds is the number of sequential round trips in the log: the longest
	// chain of requests each of which started after the previous one ended.
	Rounds    int                       `json:"rounds"`
	Instances map[string]*InstanceStats `json:"instances"`
	Log       []LogEntry                `json:"log,omitempty"`
}

// statsRecorder collects statistics for all instances.
type statsRecorder struct {
	mu      sync.Mutex
	inst    map[string]*instCounters
	log     []LogEntry
	dropped int
}

type instCounters struct {
	requests int
	inFlight int
	peak     int
	routes   map[string]*RouteStats
}

func newStatsRecorder() *statsRecorder {
	return &statsRecorder{inst: map[string]*instCounters{}}
}

func (s *statsRecorder) counters(name string) *instCounters {
	c := s.inst[name]
	if c == nil {
		c = &instCounters{routes: map[string]*RouteStats{}}
		s.inst[name] = c
	}
	return c
}

func (s *statsRecorder) begin(name string) {
	s.mu.Lock()
	c := s.counters(name)
	c.inFlight++
	if c.inFlight > c.peak {
		c.peak = c.inFlight
	}
	s.mu.Unlock()
}

// done ends the work on a request of an instance (before end records it).
func (s *statsRecorder) done(name string) {
	s.mu.Lock()
	s.counters(name).inFlight--
	s.mu.Unlock()
}

func (s *statsRecorder) end(e LogEntry, working bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.counters(e.Instance)
	if working {
		c.inFlight--
	}
	c.requests++
	key := e.Method + " " + e.Template
	rs := c.routes[key]
	if rs == nil {
		rs = &RouteStats{Method: e.Method, Template: e.Template, Statuses: map[string]int{}}
		c.routes[key] = rs
	}
	rs.Count++
	rs.Statuses[strconv.Itoa(e.Status)]++
	if len(s.log) < maxLog {
		s.log = append(s.log, e)
	} else {
		s.dropped++
	}
}

func (s *statsRecorder) reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for name, c := range s.inst {
		s.inst[name] = &instCounters{routes: map[string]*RouteStats{}, inFlight: c.inFlight}
	}
	s.log = nil
	s.dropped = 0
}

func (s *statsRecorder) report(withLog bool) *StatsReport {
	s.mu.Lock()
	defer s.mu.Unlock()
	rep := &StatsReport{Instances: map[string]*InstanceStats{}}
	for name, c := range s.inst {
		is := &InstanceStats{Requests: c.requests, InFlight: c.inFlight, PeakConcurrency: c.peak}
		for _, rs := range c.routes {
			cp := *rs
			cp.Statuses = map[string]int{}
			for k, v := range rs.Statuses {
				cp.Statuses[k] = v
			}
			is.Routes = append(is.Routes, &cp)
		}
		sort.Slice(is.Routes, func(i, j int) bool {
			if is.Routes[i].Template != is.Routes[j].Template {
				return is.Routes[i].Template < is.Routes[j].Template
			}
			return is.Routes[i].Method < is.Routes[j].Method
		})
		rep.Instances[name] = is
		rep.Total += c.requests
	}
	rep.Rounds = Rounds(s.log)
	if withLog {
		rep.Log = append([]LogEntry(nil), s.log...)
	}
	return rep
}

// Rounds computes the number of sequential round trips in a request log: the
// depth of the longest chain r1, r2, … where each request started at or after
// the end of the one before it.
func Rounds(log []LogEntry) int {
	n := len(log)
	if n == 0 {
		return 0
	}
	byStart := make([]int, n)
	byEnd := make([]int, n)
	for i := range log {
		byStart[i], byEnd[i] = i, i
	}
	sort.Slice(byStart, func(a, b int) bool { return log[byStart[a]].Start < log[byStart[b]].Start })
	sort.Slice(byEnd, func(a, b int) bool { return log[byEnd[a]].End < log[byEnd[b]].End })
	depth := make([]int, n)
	maxEnded, best, j := 0, 0, 0
	for _, i := range byStart {
		for j < n && log[byEnd[j]].End <= log[i].Start {
			if d := depth[byEnd[j]]; d > maxEnded {
				maxEnded = d
			}
			j++
		}
		depth[i] = maxEnded + 1
		if depth[i] > best {
			best = depth[i]
		}
	}
	return best
}

func nowNanos() int64 { return time.Now().UnixNano() }
