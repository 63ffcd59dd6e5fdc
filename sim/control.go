package sim

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
)

// controlServer serves the simulator's control endpoint on its own address.
type controlServer struct {
	srv  *http.Server
	addr string
}

func startControl(s *Sim, addr string) (*controlServer, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	cs := &controlServer{addr: ln.Addr().String(), srv: &http.Server{Handler: s.ControlHandler(), ReadHeaderTimeout: 10 * time.Second}}
	go func() {
		if err := cs.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.log.Error("sim control stopped", "err", err)
		}
	}()
	return cs, nil
}

func (c *controlServer) close(ctx context.Context) error { return c.srv.Shutdown(ctx) }

func controlJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

func controlError(w http.ResponseWriter, status int, msg string) {
	controlJSON(w, status, map[string]string{"error": msg})
}

// readJSON decodes a small control request body; an empty body leaves v as is.
func readJSON(r *http.Request, v any) error {
	b, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		return err
	}
	if len(b) == 0 {
		return nil
	}
	return json.Unmarshal(b, v)
}

// ControlHandler is the control API:
//
//	GET  /providers  instances with API kind, version, base URL and credentials
//	GET  /showcase   the documented persons and companies
//	GET  /stats      requests per instance and path template (?log=1 adds the request log)
//	GET  /audit      audit trail per instance (?instance=NAME)
//	GET  /faults     active faults
//	POST /faults     install faults: one object or an array of {instance, mode, ...}; mode none clears
//	POST /latency    {"latency":"25ms","jitter":"5ms"}
//	POST /reset      clear statistics, audit trails and faults; {"data":true} also regenerates the data
func (s *Sim) ControlHandler() http.Handler {
	r := chi.NewRouter()
	r.Get("/providers", func(w http.ResponseWriter, r *http.Request) { controlJSON(w, 200, s.Providers()) })
	r.Get("/showcase", func(w http.ResponseWriter, r *http.Request) { controlJSON(w, 200, s.Showcase()) })
	r.Get("/stats", func(w http.ResponseWriter, r *http.Request) {
		controlJSON(w, 200, s.Stats(r.URL.Query().Get("log") != ""))
	})
	r.Get("/audit", func(w http.ResponseWriter, r *http.Request) {
		name := r.URL.Query().Get("instance")
		out := map[string][]AuditEntry{}
		for _, in := range s.instances {
			if name == "" || name == in.Spec.Name {
				out[in.Spec.Name] = in.Audit()
			}
		}
		if name != "" && len(out) == 0 {
			controlError(w, 404, "unknown instance "+name)
			return
		}
		controlJSON(w, 200, out)
	})
	r.Get("/faults", func(w http.ResponseWriter, r *http.Request) {
		out := []*Fault{}
		for _, in := range s.instances {
			if f := in.Fault(); f != nil {
				f.Instance = in.Spec.Name
				out = append(out, f)
			}
		}
		controlJSON(w, 200, out)
	})
	r.Post("/faults", func(w http.ResponseWriter, r *http.Request) {
		b, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err != nil {
			controlError(w, 400, err.Error())
			return
		}
		var faults []*Fault
		if err := json.Unmarshal(b, &faults); err != nil {
			var one Fault
			if err2 := json.Unmarshal(b, &one); err2 != nil {
				controlError(w, 400, "body must be a fault object or an array of them: "+err2.Error())
				return
			}
			faults = []*Fault{&one}
		}
		for _, f := range faults {
			if err := f.validate(); err != nil {
				controlError(w, 400, err.Error())
				return
			}
			if s.Instance(f.Instance) == nil {
				controlError(w, 400, "unknown instance "+f.Instance)
				return
			}
		}
		for _, f := range faults {
			if err := s.Instance(f.Instance).SetFault(f); err != nil {
				controlError(w, 500, err.Error())
				return
			}
		}
		controlJSON(w, 200, faults)
	})
	r.Post("/latency", func(w http.ResponseWriter, r *http.Request) {
		var body struct{ Latency, Jitter Duration }
		if err := readJSON(r, &body); err != nil {
			controlError(w, 400, err.Error())
			return
		}
		if body.Latency < 0 || body.Jitter < 0 {
			controlError(w, 400, "latency and jitter must not be negative")
			return
		}
		s.SetLatency(time.Duration(body.Latency), time.Duration(body.Jitter))
		controlJSON(w, 200, body)
	})
	r.Post("/reset", func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Data bool `json:"data"`
		}
		if err := readJSON(r, &body); err != nil {
			controlError(w, 400, err.Error())
			return
		}
		if err := s.Reset(body.Data); err != nil {
			controlError(w, 500, err.Error())
			return
		}
		controlJSON(w, 200, map[string]bool{"reset": true, "data": body.Data})
	})
	return r
}
