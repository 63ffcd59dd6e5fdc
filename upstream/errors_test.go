package upstream_test

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/klantgraaf/klantgraaf/upstream"
)

func asError(err error, target **upstream.Error) bool { return errors.As(err, target) }

func TestProblemJSONBecomesTypedError(t *testing.T) {
	f := newFixture(t, upstream.APIZaken, "/zaken/api/v1", nil)
	f.mux.HandleFunc("POST /zaken/api/v1/statussen", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/problem+json")
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(`{"type":"https://example/fouten/ValidationError/","code":"invalid","title":"Invalid input.","status":400,"detail":"","instance":"urn:uuid:1","invalidParams":[{"name":"statustype","code":"required","reason":"Dit veld is vereist."},{"name":"zaak","code":"bad-url","reason":"Ongeldige URL."}]}`))
	})
	var out map[string]any
	resp, err := f.client.Post(context.Background(), "statussen", map[string]string{"zaak": "x"}, &out)
	ue := wantKind(t, err, upstream.BadRequest)
	if ue.Status != 400 || ue.Code != "invalid" || ue.Title != "Invalid input." || ue.Instance != "urn:uuid:1" {
		t.Errorf("problem fields not parsed: %+v", ue)
	}
	if ue.Source != "test-zaken" || ue.Retryable {
		t.Errorf("source/retryable wrong: %+v", ue)
	}
	if len(ue.InvalidParams) != 2 || ue.InvalidParams[0].Name != "statustype" || ue.InvalidParams[1].Code != "bad-url" {
		t.Errorf("invalidParams = %+v", ue.InvalidParams)
	}
	if resp == nil || resp.StatusCode != 400 {
		t.Errorf("response should accompany the error, got %+v", resp)
	}
	if out != nil {
		t.Errorf("v must not be decoded on error, got %v", out)
	}
	if !strings.Contains(err.Error(), "statustype: Dit veld is vereist.") {
		t.Errorf("error text lacks invalid params: %v", err)
	}
}

func TestStatusKinds(t *testing.T) {
	cases := []struct {
		status    int
		kind      upstream.Kind
		retryable bool
	}{
		{500, upstream.Unavailable, true},
		{502, upstream.Unavailable, true},
		{503, upstream.Unavailable, true},
		{429, upstream.Unavailable, true},
		{404, upstream.NotFound, false},
		{410, upstream.NotFound, false},
		{401, upstream.Forbidden, false},
		{403, upstream.Forbidden, false},
		{400, upstream.BadRequest, false},
		{409, upstream.Other, false},
		{412, upstream.Other, false},
	}
	f := newFixture(t, upstream.APIKlanten, "/klanten/api/v1", nil)
	f.mux.HandleFunc("GET /klanten/api/v1/klanten/{status}", func(w http.ResponseWriter, r *http.Request) {
		st, _ := strconv.Atoi(r.PathValue("status"))
		writeJSON(w, st, `{"code":"x","title":"t","status":0,"detail":"d","instance":"i"}`)
	})
	for _, c := range cases {
		_, err := f.client.Get(context.Background(), "klanten/"+strconv.Itoa(c.status), nil)
		ue := wantKind(t, err, c.kind)
		if ue.Retryable != c.retryable || ue.Status != c.status {
			t.Errorf("status %d: retryable=%v status=%d, want %v", c.status, ue.Retryable, ue.Status, c.retryable)
		}
		if !upstream.IsKind(err, c.kind) || upstream.KindOf(err) != c.kind {
			t.Errorf("IsKind/KindOf disagree for %d", c.status)
		}
	}
}

func TestConnectionRefusedIsUnavailable(t *testing.T) {
	f := newFixture(t, upstream.APIKlanten, "/klanten/api/v1", nil)
	f.srv.Close()
	_, err := f.client.Get(context.Background(), "klanten", nil)
	ue := wantKind(t, err, upstream.Unavailable)
	if !ue.Retryable {
		t.Errorf("connection failure should be retryable")
	}
}

func TestDecodeErrors(t *testing.T) {
	f := newFixture(t, upstream.APIKlanten, "/klanten/api/v1", nil)
	f.mux.HandleFunc("GET /klanten/api/v1/malformed", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"url": "x",`)
	})
	f.mux.HandleFunc("GET /klanten/api/v1/html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(`{"url":"looks like json"}`))
	})
	f.mux.HandleFunc("GET /klanten/api/v1/shape", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `[1,2,3]`)
	})
	f.mux.HandleFunc("GET /klanten/api/v1/vendorjson", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/vnd.api+json; charset=utf-8")
		_, _ = w.Write([]byte(`{"url":"ok"}`))
	})
	var v struct {
		URL string `json:"url"`
	}
	for _, p := range []string{"malformed", "html", "shape"} {
		resp, err := f.client.Get(context.Background(), p, &v)
		wantKind(t, err, upstream.Decode)
		if resp == nil || len(resp.Body) == 0 {
			t.Errorf("%s: raw body should be kept on decode errors", p)
		}
	}
	if _, err := f.client.Get(context.Background(), "vendorjson", &v); err != nil || v.URL != "ok" {
		t.Errorf("+json content type should decode: %v %+v", err, v)
	}
}

func TestNoDecodeWithoutBody(t *testing.T) {
	f := newFixture(t, upstream.APIKlanten, "/klanten/api/v1", nil)
	f.mux.HandleFunc("DELETE /klanten/api/v1/klanten/1", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	resp, err := f.client.Delete(context.Background(), "klanten/1")
	if err != nil || resp.StatusCode != 204 {
		t.Fatalf("delete: %v %+v", err, resp)
	}
}
