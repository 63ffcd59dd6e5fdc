package klantinteracties

import (
	"net/http"
	"sort"
	"strings"
	"testing"
)

// TestConformanceReads requests every list and detail of the spec (with the
// expansions they document) and validates each answer against
// klantinteracties-0.9.0.yaml.
func TestConformanceReads(t *testing.T) {
	f := newFixture(t)
	seen := map[string]bool{}
	mark := func(method, tmpl string) { seen[method+" "+tmpl] = true }
	lists := []struct {
		coll   string
		expand string
		empty  bool
	}{
		{"partijen", "betrokkenen,betrokkenen.hadKlantcontact,categorieRelaties,digitaleAdressen", false},
		{"partij-identificatoren", "", false},
		{"digitaleadressen", "verstrektDoorBetrokkene.hadKlantcontact.leiddeTotInterneTaken", false},
		{"klantcontacten", "gingOverOnderwerpobjecten,hadBetrokkenen,hadBetrokkenen.digitaleAdressen,hadBetrokkenen.wasPartij,leiddeTotInterneTaken,omvatteBijlagen", false},
		{"betrokkenen", "digitaleAdressen", false},
		{"onderwerpobjecten", "", false},
		{"internetaken", "", false},
		{"actoren", "", false},
		{"actorklantcontacten", "", false},
		{"bijlagen", "", false},
		{"rekeningnummers", "", true},
		{"categorieen", "", true},
		{"categorie-relaties", "", true},
		{"vertegenwoordigingen", "", true},
	}
	for _, l := range lists {
		for _, q := range []string{"", "?pageSize=20&expand=" + l.expand} {
			if q != "" && l.expand == "" {
				continue
			}
			ex := f.do("GET", "/"+l.coll+q, nil)
			expectStatus(t, ex, 200)
			mark("GET", ex.Template)
			if ex.Header.Get("ETag") != "" {
				t.Errorf("%s: list carries an ETag", l.coll)
			}
			p := decode[page](t, ex)
			if l.empty {
				if p.Count != 0 || len(p.Results) != 0 {
					t.Errorf("%s: %d results, want none", l.coll, p.Count)
				}
				f.problem(404, "GET", "/"+l.coll+"/"+"5d1b9bd0-2e2e-4a8f-9b7e-1d0f3a9a1c11", nil)
				mark("GET", "/"+l.coll+"/{uuid}")
				continue
			}
			if p.Count == 0 || len(p.Results) == 0 {
				t.Fatalf("%s: empty", l.coll)
			}
			if q != "" {
				if _, ok := p.Results[0]["_expand"]; !ok {
					t.Errorf("%s%s: no _expand", l.coll, q)
				}
			} else if _, ok := p.Results[0]["_expand"]; ok {
				t.Errorf("%s: _expand without expand", l.coll)
			}
			u := str(p.Results[0], "url")
			if !strings.HasPrefix(u, f.base+"/"+l.coll+"/") || str(p.Results[0], "uuid") != u[strings.LastIndexByte(u, '/')+1:] {
				t.Errorf("%s: url %q / uuid %q", l.coll, u, str(p.Results[0], "uuid"))
			}
			dq := ""
			if l.expand != "" {
				dq = "?expand=" + l.expand
			}
			dex := f.do("GET", u+dq, nil)
			expectStatus(t, dex, 200)
			mark("GET", dex.Template)
			if dex.Header.Get("ETag") != "" {
				t.Errorf("%s: detail carries an ETag", l.coll)
			}
			if got := decode[map[string]any](t, dex); str(got, "uuid") != str(p.Results[0], "uuid") {
				t.Errorf("%s: detail %s differs", l.coll, str(got, "uuid"))
			}
		}
	}
	// Every read operation of the spec was exercised.
	var missing []string
	for path, item := range f.spec.Doc.Paths.Map() {
		if item.Get != nil && !seen["GET "+path] {
			missing = append(missing, path)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("GET operations not exercised: %v", missing)
	}
}

// TestErrors checks the error answers. The spec documents only 2xx
// answers, so their problem+json shape is checked by hand.
func TestErrors(t *testing.T) {
	f := newFixture(t)
	f.problem(404, "GET", "/klantcontacten/00000000-0000-4000-8000-000000000000", nil)
	f.problem(404, "GET", "/partijen/not-a-uuid", nil)
	f.problem(404, "GET", "/klantcontacten?page=999", nil)
	f.problem(405, "POST", "/actoren", `{}`)
	f.problem(415, "POST", "/partijen", `{}`, "Content-Type", "text/plain")
	p := f.problem(400, "POST", "/partijen", `{"soortPartij": `)
	if !p.hasParam("nonFieldErrors", "parse_error") {
		t.Errorf("bad JSON: %+v", p)
	}
	p = f.problem(400, "GET", "/klantcontacten?expand=hadBetrokkenen,nietBestaand", nil)
	if !p.hasParam("expand", "invalid_choice") {
		t.Errorf("bad expand: %+v", p)
	}
	p = f.problem(400, "GET", "/partijen?soortPartij=bedrijf&indicatieActief=misschien", nil)
	if !p.hasParam("soortPartij", "invalid_choice") || !p.hasParam("indicatieActief", "invalid_choice") {
		t.Errorf("bad choices: %+v", p)
	}
	p = f.problem(400, "GET", "/klantcontacten?hadBetrokkene__wasPartij__uuid=123", nil)
	if !p.hasParam("hadBetrokkene__wasPartij__uuid", "invalid") {
		t.Errorf("bad uuid: %+v", p)
	}
	p = f.problem(400, "GET", "/partijen?pageSize=nul", nil)
	if !p.hasParam("pageSize", "invalid") {
		t.Errorf("bad pageSize: %+v", p)
	}
	// The restricted credential may read, not write.
	if code, _, _ := f.raw("GET", "/partijen", nil, "X-Test-Scopes", scopeLezen); code != http.StatusOK {
		t.Errorf("restricted read: %d", code)
	}
	f.problem(403, "POST", "/klantcontacten", `{}`, "X-Test-Scopes", scopeLezen)
	f.problem(403, "GET", "/partijen", nil, "X-Test-Scopes", "zaken.lezen")
}
