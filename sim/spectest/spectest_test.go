package spectest

import (
	"net/http/httptest"
	"testing"
)

func TestLoadAndValidate(t *testing.T) {
	for _, f := range []string{"zaken-1.5.1.yaml", "catalogi-1.3.1.yaml", "documenten-1.4.2.yaml", "klanten-1.0.0.yaml",
		"contactmomenten-1.0.0.yaml", "verzoeken-1.0.0-beta.yaml", "klantinteracties-0.9.0.yaml", "contactgegevens-1.1.1.yaml"} {
		s := Load(t, f)
		if s.BasePath == "" && f != "klantinteracties-0.9.0.yaml" {
			t.Errorf("%s: no base path", f)
		}
	}
	s := Load(t, "klanten-1.0.0.yaml")
	req := httptest.NewRequest("GET", "http://127.0.0.1:1/klanten/api/v1/klanten", nil)
	good := &Exchange{Request: req, Status: 200, Header: map[string][]string{"Content-Type": {"application/json"}},
		Body: []byte(`{"count":0,"next":null,"previous":null,"results":[]}`)}
	if err := s.Validate(good); err != nil {
		t.Fatalf("valid page rejected: %v", err)
	}
	bad := &Exchange{Request: req, Status: 200, Header: map[string][]string{"Content-Type": {"application/json"}},
		Body: []byte(`{"count":"zero","results":{}}`)}
	if err := s.Validate(bad); err == nil {
		t.Fatal("invalid page accepted")
	}
	undocumented := &Exchange{Request: req, Status: 418, Header: map[string][]string{"Content-Type": {"application/json"}}, Body: []byte(`{}`)}
	if err := s.Validate(undocumented); err == nil {
		t.Fatal("undocumented status accepted")
	}
}
