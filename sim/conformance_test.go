package sim

import (
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/gen"
	"github.com/klantgraaf/klantgraaf/sim/spectest"
)

// specFiles maps an API kind to the specification its instances serve.
var specFiles = map[data.APIKind]string{
	data.APIZaken:           "zaken-1.5.1.yaml",
	data.APICatalogi:        "catalogi-1.3.1.yaml",
	data.APIDocumenten:      "documenten-1.4.2.yaml",
	data.APIKlanten:         "klanten-1.0.0.yaml",
	data.APIContactmomenten: "contactmomenten-1.0.0.yaml",
	data.APIVerzoeken:       "verzoeken-1.0.0-beta.yaml",
}

// gatewayOperations are the operations (method and the spec's path
// template) the gateway relies on, per specification. The conformance test
// fails when one of them was not exercised.
var gatewayOperations = map[string][]string{
	"zaken-1.5.1.yaml": {
		"GET /zaken", "POST /zaken", "POST /zaken/_zoek", "GET /zaken/{uuid}", "HEAD /zaken/{uuid}",
		"GET /zaken/{zaak_uuid}/zaakeigenschappen", "GET /zaken/{zaak_uuid}/zaakeigenschappen/{uuid}",
		"GET /rollen", "GET /rollen/{uuid}", "HEAD /rollen/{uuid}",
		"GET /statussen", "GET /statussen/{uuid}", "HEAD /statussen/{uuid}",
		"GET /resultaten", "GET /resultaten/{uuid}", "HEAD /resultaten/{uuid}",
		"GET /zaakinformatieobjecten", "GET /zaakinformatieobjecten/{uuid}",
		"GET /zaakcontactmomenten", "GET /zaakcontactmomenten/{uuid}",
		"GET /zaakverzoeken", "GET /zaakverzoeken/{uuid}",
		"GET /zaakobjecten",
	},
	"catalogi-1.3.1.yaml": {
		"GET /catalogussen", "GET /catalogussen/{uuid}", "HEAD /catalogussen/{uuid}",
		"GET /zaaktypen", "GET /zaaktypen/{uuid}", "HEAD /zaaktypen/{uuid}",
		"GET /statustypen", "GET /statustypen/{uuid}", "HEAD /statustypen/{uuid}",
		"GET /resultaattypen", "GET /resultaattypen/{uuid}", "HEAD /resultaattypen/{uuid}",
		"GET /roltypen", "GET /roltypen/{uuid}", "HEAD /roltypen/{uuid}",
		"GET /eigenschappen", "GET /eigenschappen/{uuid}", "HEAD /eigenschappen/{uuid}",
		"GET /informatieobjecttypen", "GET /informatieobjecttypen/{uuid}", "HEAD /informatieobjecttypen/{uuid}",
	},
	"documenten-1.4.2.yaml": {
		"GET /enkelvoudiginformatieobjecten", "POST /enkelvoudiginformatieobjecten/_zoek",
		"GET /enkelvoudiginformatieobjecten/{uuid}", "HEAD /enkelvoudiginformatieobjecten/{uuid}",
		"GET /enkelvoudiginformatieobjecten/{uuid}/download",
		"GET /objectinformatieobjecten", "GET /objectinformatieobjecten/{uuid}",
	},
	"klanten-1.0.0.yaml": {
		"GET /klanten", "POST /klanten", "GET /klanten/{uuid}",
	},
	"contactmomenten-1.0.0.yaml": {
		"GET /contactmomenten", "POST /contactmomenten", "GET /contactmomenten/{uuid}",
		"GET /klantcontactmomenten", "POST /klantcontactmomenten", "GET /klantcontactmomenten/{uuid}",
		"GET /objectcontactmomenten", "GET /objectcontactmomenten/{uuid}",
	},
	"verzoeken-1.0.0-beta.yaml": {
		"GET /verzoeken", "GET /verzoeken/{uuid}",
		"GET /klantverzoeken", "GET /klantverzoeken/{uuid}",
		"GET /objectverzoeken", "GET /objectverzoeken/{uuid}",
		"GET /verzoekcontactmomenten", "GET /verzoekcontactmomenten/{uuid}",
		"GET /verzoekinformatieobjecten", "GET /verzoekinformatieobjecten/{uuid}",
	},
}

// allZaakExpand is every ExpandZaak value of zaken-1.5.1.yaml.
var allZaakExpand = []string{"deelzaken", "deelzaken.resultaat", "deelzaken.resultaat.resultaattype", "deelzaken.rollen",
	"deelzaken.rollen.roltype", "deelzaken.status", "deelzaken.status.statustype", "deelzaken.zaakinformatieobjecten",
	"deelzaken.zaakobjecten", "deelzaken.zaaktype", "eigenschappen", "eigenschappen.eigenschap", "hoofdzaak",
	"hoofdzaak.resultaat", "hoofdzaak.resultaat.resultaattype", "hoofdzaak.rollen", "hoofdzaak.rollen.roltype",
	"hoofdzaak.status", "hoofdzaak.status.statustype", "hoofdzaak.zaakinformatieobjecten", "hoofdzaak.zaakobjecten",
	"hoofdzaak.zaaktype", "resultaat", "resultaat.resultaattype", "rollen", "rollen.roltype", "status",
	"status.statustype", "zaakinformatieobjecten", "zaakobjecten", "zaaktype"}

// unknownUUID names no object of the dataset.
const unknownUUID = "0b6e2f1c-8d3a-4c5e-9f70-1a2b3c4d5e6f"

// Filter names used more than once.
const (
	fBSN        = "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn"
	fKvK        = "rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer"
	fVestiging  = "rol__betrokkeneIdentificatie__vestiging__vestigingsNummer"
	fMedewerker = "rol__betrokkeneIdentificatie__medewerker__identificatie"
)

// conformance performs spec-validated requests against a running Sim and
// records which operations were exercised.
type conformance struct {
	s    *Sim
	mu   sync.Mutex
	seen map[string]map[string]bool // spec file → "METHOD /template"
}

func newConformance(s *Sim) *conformance {
	return &conformance{s: s, seen: map[string]map[string]bool{}}
}

// do sends an authenticated request (JWT of c's client, Accept-Crs) and
// validates the answer against the instance's specification. hdr holds
// header name/value pairs to set; an empty value removes the header.
func (cf *conformance) do(t *testing.T, c *caller, method, u, body string, hdr ...string) *spectest.Exchange {
	t.Helper()
	req := c.request(method, u, body)
	for i := 0; i+1 < len(hdr); i += 2 {
		if hdr[i+1] == "" {
			req.Header.Del(hdr[i])
		} else {
			req.Header.Set(hdr[i], hdr[i+1])
		}
	}
	file := specFiles[cf.s.Instance(c.instanceOf(u)).Spec.API]
	ex := spectest.Load(t, file).Do(t, c.hc, req)
	if ex.Template != "" {
		cf.mu.Lock()
		if cf.seen[file] == nil {
			cf.seen[file] = map[string]bool{}
		}
		cf.seen[file][method+" "+ex.Template] = true
		cf.mu.Unlock()
	}
	return ex
}

// get is do for a GET expecting 200, decoding the body into v (if not nil).
func (cf *conformance) get(t *testing.T, c *caller, u string, v any) *spectest.Exchange {
	t.Helper()
	ex := cf.do(t, c, "GET", u, "")
	if expectStatus(t, ex, 200) && v != nil {
		decodeInto(t, ex, v)
	}
	return ex
}

func expectStatus(t *testing.T, ex *spectest.Exchange, want int) bool {
	t.Helper()
	if ex.Status != want {
		t.Errorf("%s %s: status %d, want %d: %s", ex.Request.Method, ex.Request.URL, ex.Status, want, clip(ex.Body))
		return false
	}
	return true
}

func decodeInto(t *testing.T, ex *spectest.Exchange, v any) {
	t.Helper()
	if err := json.Unmarshal(ex.Body, v); err != nil {
		t.Fatalf("%s %s: %v: %s", ex.Request.Method, ex.Request.URL, err, clip(ex.Body))
	}
}

func clip(b []byte) string {
	if len(b) > 600 {
		return string(b[:600]) + "…"
	}
	return string(b)
}

// obj is a decoded JSON object.
type obj = map[string]any

// listPage is a paginated list answer.
type listPage struct {
	Count    int     `json:"count"`
	Next     *string `json:"next"`
	Previous *string `json:"previous"`
	Results  []obj   `json:"results"`
}

func str(o obj, key string) string {
	s, _ := o[key].(string)
	return s
}

func strs(o obj, key string) []string {
	l, _ := o[key].([]any)
	out := make([]string, 0, len(l))
	for _, v := range l {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func urlsOf(l []obj) []string {
	out := make([]string, len(l))
	for i, o := range l {
		out[i] = str(o, "url")
	}
	return out
}

func q(v string) string { return url.QueryEscape(v) }

// lastSegment is the UUID at the end of a resource URL.
func lastSegment(u string) string { return u[strings.LastIndexByte(u, '/')+1:] }

// instancesOf lists the running instances of one API kind.
func instancesOf(s *Sim, k data.APIKind) []*Instance {
	var out []*Instance
	for _, in := range s.Instances() {
		if in.Spec.API == k {
			out = append(out, in)
		}
	}
	return out
}

// showcase returns a showcase entry or fails the test.
func showcase(t *testing.T, s *Sim, key string) ShowcaseView {
	t.Helper()
	v, ok := s.ShowcaseByKey(key)
	if !ok {
		t.Fatalf("no showcase entry %q", key)
	}
	return v
}

// TestConformance exercises every endpoint the gateway uses against a
// simulator with the generated dataset and validates each answer (status,
// headers, body) against the official OpenAPI specification.
func TestConformance(t *testing.T) {
	spectest.RequireDir(t)
	s := startSim(t, Config{})
	cf := newConformance(s)

	t.Run("zaken", func(t *testing.T) { conformZaken(t, cf) })
	t.Run("catalogi", func(t *testing.T) { conformCatalogi(t, cf) })
	t.Run("documenten", func(t *testing.T) { conformDocumenten(t, cf) })
	t.Run("klanten", func(t *testing.T) { conformKlanten(t, cf) })
	t.Run("contactmomenten", func(t *testing.T) { conformContactmomenten(t, cf) })
	t.Run("verzoeken", func(t *testing.T) { conformVerzoeken(t, cf) })

	t.Run("coverage", func(t *testing.T) {
		files := make([]string, 0, len(gatewayOperations))
		for f := range gatewayOperations {
			files = append(files, f)
		}
		sort.Strings(files)
		for _, f := range files {
			var exercised []string
			for op := range cf.seen[f] {
				exercised = append(exercised, op)
			}
			sort.Strings(exercised)
			t.Logf("%s: %d operations exercised: %s", f, len(exercised), strings.Join(exercised, ", "))
			for _, op := range gatewayOperations[f] {
				if !cf.seen[f][op] {
					t.Errorf("%s: operation %q the gateway relies on was not exercised", f, op)
				}
			}
		}
	})
}

func conformZaken(t *testing.T, cf *conformance) {
	s := cf.s
	c := newCaller(t, s, "klantgraaf")
	za := s.Instance("zaken-a").BaseURL
	bm := showcase(t, s, gen.ShowcaseBenchmark)
	bedrijf := showcase(t, s, gen.ShowcaseBedrijf)
	if len(bm.KlantURLs) != 1 {
		t.Fatalf("benchmark person has %d klant URLs", len(bm.KlantURLs))
	}
	klant := bm.KlantURLs[0]

	// List, page 1.
	var p listPage
	cf.get(t, c, za+"/zaken", &p)
	if p.Count <= 100 || len(p.Results) != 100 || p.Next == nil || p.Previous != nil {
		t.Errorf("GET /zaken page 1: count %d, %d results, next %v, previous %v", p.Count, len(p.Results), p.Next, p.Previous)
	}

	// Reverse look-ups with the showcase's identifiers, on both systems.
	byBSN := map[string][]string{}
	total := 0
	for _, in := range instancesOf(s, data.APIZaken) {
		cf.get(t, c, in.BaseURL+"/zaken?"+fBSN+"="+bm.BSN, &p)
		byBSN[in.Spec.Name] = urlsOf(p.Results)
		total += p.Count
		if p.Count != len(p.Results) {
			t.Errorf("%s: BSN count %d but %d results", in.Spec.Name, p.Count, len(p.Results))
		}
	}
	if total != bm.Zaken || len(byBSN["zaken-a"]) != 8 || len(byBSN["zaken-b"]) != 7 {
		t.Errorf("zaken by BSN %s: %d in zaken-a, %d in zaken-b, want 8 + 7 = %d", bm.BSN, len(byBSN["zaken-a"]), len(byBSN["zaken-b"]), bm.Zaken)
	}
	if len(byBSN["zaken-a"]) == 0 {
		t.Fatal("no zaken of the benchmark person in zaken-a")
	}
	cf.get(t, c, za+"/zaken?rol__betrokkene="+q(klant), &p)
	if p.Count == 0 {
		t.Errorf("no zaken with rol__betrokkene = the benchmark klant")
	}
	for _, z := range urlsOf(p.Results) {
		if !slices.Contains(byBSN["zaken-a"], z) {
			t.Errorf("zaak %s found by rol__betrokkene but not by BSN", z)
		}
	}
	cf.get(t, c, za+"/zaken?"+fKvK+"="+bedrijf.KvK, &p)
	if p.Count != 4 {
		t.Errorf("zaken by KvK %s: %d, want 4", bedrijf.KvK, p.Count)
	}
	for _, v := range bedrijf.Vestigingen {
		cf.get(t, c, za+"/zaken?"+fVestiging+"="+v, &p)
		if p.Count != 2 {
			t.Errorf("zaken by vestigingsnummer %s: %d, want 2", v, p.Count)
		}
	}
	zaak := byBSN["zaken-a"][0]

	// Rollen of the zaak; a medewerker among them gives the medewerker filter.
	cf.get(t, c, za+"/rollen?zaak="+q(zaak), &p)
	if p.Count == 0 {
		t.Fatalf("zaak %s has no rollen", zaak)
	}
	medewerker := ""
	for _, z := range byBSN["zaken-a"] {
		var rp listPage
		cf.get(t, c, za+"/rollen?zaak="+q(z)+"&betrokkeneType=medewerker", &rp)
		for _, r := range rp.Results {
			if bi, _ := r["betrokkeneIdentificatie"].(obj); bi != nil && str(bi, "identificatie") != "" {
				medewerker = str(bi, "identificatie")
			}
		}
		if medewerker != "" {
			break
		}
	}
	if medewerker == "" {
		t.Error("no medewerker rol on the benchmark person's zaken")
	} else {
		cf.get(t, c, za+"/zaken?"+fMedewerker+"="+q(medewerker), &p)
		if p.Count == 0 {
			t.Errorf("no zaken by medewerker %s", medewerker)
		}
	}
	var rp listPage
	cf.get(t, c, za+"/rollen?betrokkene="+q(klant), &rp)
	if rp.Count == 0 {
		t.Error("no rollen with betrokkene = the benchmark klant")
	}
	for _, r := range rp.Results {
		if str(r, "betrokkene") != klant {
			t.Errorf("rol %s has betrokkene %s", str(r, "url"), str(r, "betrokkene"))
		}
	}

	// Detail, HEAD, If-None-Match.
	var z obj
	ex := cf.get(t, c, zaak, &z)
	etag := ex.Header.Get("ETag")
	if str(z, "url") != zaak || etag == "" || ex.Header.Get("Content-Crs") != "EPSG:4326" {
		t.Errorf("zaak detail: url %s, ETag %q, Content-Crs %q", str(z, "url"), etag, ex.Header.Get("Content-Crs"))
	}
	head := cf.do(t, c, "HEAD", zaak, "")
	if expectStatus(t, head, 200) && (head.Header.Get("ETag") != etag || len(head.Body) != 0) {
		t.Errorf("HEAD zaak: ETag %q (GET %q), %d body bytes", head.Header.Get("ETag"), etag, len(head.Body))
	}
	nm := cf.do(t, c, "GET", zaak, "", "If-None-Match", etag)
	if expectStatus(t, nm, 304) && len(nm.Body) != 0 {
		t.Errorf("304 with a body of %d bytes", len(nm.Body))
	}
	expectStatus(t, cf.do(t, c, "GET", zaak, "", "If-None-Match", `"0000"`), 200)

	// Expand: every ExpandZaak value on the list and the detail.
	expand := strings.Join(allZaakExpand, ",")
	cf.get(t, c, za+"/zaken?"+fBSN+"="+bm.BSN+"&expand="+expand, &p)
	for _, r := range p.Results {
		x, _ := r["_expand"].(obj)
		if x == nil || x["zaaktype"] == nil || x["rollen"] == nil {
			t.Errorf("expanded list zaak %s lacks _expand.zaaktype/rollen: %v", str(r, "url"), x)
		}
	}
	closed := ""
	for _, u := range byBSN["zaken-a"] {
		var zd obj
		cf.get(t, c, u+"?expand="+expand, &zd)
		x, _ := zd["_expand"].(obj)
		if x == nil {
			t.Errorf("detail %s?expand=…: no _expand", u)
			continue
		}
		if st, _ := x["status"].(obj); st == nil || str(st, "url") != str(zd, "status") {
			t.Errorf("detail %s: _expand.status %v does not match status %s", u, x["status"], str(zd, "status"))
		} else if e, _ := st["_expand"].(obj); e == nil || e["statustype"] == nil {
			t.Errorf("detail %s: status.statustype not expanded", u)
		}
		if len(x["rollen"].([]any)) != len(strs(zd, "rollen")) {
			t.Errorf("detail %s: %d expanded rollen, %d rollen", u, len(x["rollen"].([]any)), len(strs(zd, "rollen")))
		}
		if zd["resultaat"] != nil && closed == "" {
			closed = u
			if x["resultaat"] == nil {
				t.Errorf("detail %s: resultaat not expanded", u)
			}
		}
	}
	if closed == "" {
		t.Fatal("no closed zaak with a resultaat among the benchmark person's zaken in zaken-a")
	}

	// A deelzaak and its hoofdzaak, expanded both ways.
	deelzaak := ""
	for pg := 1; pg <= 5 && deelzaak == ""; pg++ {
		var lp listPage
		cf.get(t, c, fmt.Sprintf("%s/zaken?page=%d", za, pg), &lp)
		for _, r := range lp.Results {
			if r["hoofdzaak"] != nil {
				deelzaak = str(r, "url")
				break
			}
		}
	}
	if deelzaak == "" {
		t.Error("no deelzaak on the first five pages of zaken-a")
	} else {
		var dz, hz obj
		cf.get(t, c, deelzaak+"?expand="+expand, &dz)
		hoofdzaak := str(dz, "hoofdzaak")
		if x, _ := dz["_expand"].(obj); x == nil || x["hoofdzaak"] == nil || str(x["hoofdzaak"].(obj), "url") != hoofdzaak {
			t.Errorf("deelzaak %s: _expand.hoofdzaak does not embed %s", deelzaak, hoofdzaak)
		}
		cf.get(t, c, hoofdzaak+"?expand="+expand, &hz)
		if !slices.Contains(strs(hz, "deelzaken"), deelzaak) {
			t.Errorf("hoofdzaak %s does not list deelzaak %s: %v", hoofdzaak, deelzaak, hz["deelzaken"])
		}
		x, _ := hz["_expand"].(obj)
		embedded, _ := x["deelzaken"].([]any)
		var urls []string
		for _, e := range embedded {
			if o, ok := e.(obj); ok {
				urls = append(urls, str(o, "url"))
			}
		}
		if !slices.Equal(urls, strs(hz, "deelzaken")) {
			t.Errorf("hoofdzaak %s: _expand.deelzaken %v, deelzaken %v", hoofdzaak, urls, strs(hz, "deelzaken"))
		}
	}

	// POST /zaken/_zoek with uuid__in and expand.
	uuids := []string{lastSegment(byBSN["zaken-a"][0]), lastSegment(byBSN["zaken-a"][1])}
	body, _ := json.Marshal(obj{"uuid__in": uuids, "expand": []string{"rollen", "status.statustype", "zaaktype"}})
	ex = cf.do(t, c, "POST", za+"/zaken/_zoek", string(body))
	if expectStatus(t, ex, 200) {
		decodeInto(t, ex, &p)
		got := urlsOf(p.Results)
		sort.Strings(got)
		want := []string{byBSN["zaken-a"][0], byBSN["zaken-a"][1]}
		sort.Strings(want)
		if !slices.Equal(got, want) || p.Count != 2 {
			t.Errorf("_zoek uuid__in: %v, want %v", got, want)
		}
		for _, r := range p.Results {
			if x, _ := r["_expand"].(obj); x == nil || x["rollen"] == nil || x["zaaktype"] == nil {
				t.Errorf("_zoek result %s not expanded", str(r, "url"))
			}
		}
	}

	// Sub-resources of the zaken, with a detail (and HEAD where the spec has it) of each.
	detailOnce := map[string]bool{}
	checkDetail := func(u string, hasHead bool) {
		if u == "" || detailOnce[u] {
			return
		}
		detailOnce[u] = true
		var d obj
		ex := cf.get(t, c, u, &d)
		if str(d, "url") != u {
			t.Errorf("GET %s: url %s", u, str(d, "url"))
		}
		if hasHead {
			h := cf.do(t, c, "HEAD", u, "")
			if expectStatus(t, h, 200) && h.Header.Get("ETag") != ex.Header.Get("ETag") {
				t.Errorf("HEAD %s: ETag %q, GET %q", u, h.Header.Get("ETag"), ex.Header.Get("ETag"))
			}
		}
	}
	for _, r := range rp.Results {
		checkDetail(str(r, "url"), true)
	}
	counts := map[string]int{}
	for _, u := range byBSN["zaken-a"] {
		var zd obj
		cf.get(t, c, u, &zd)
		var sp listPage
		cf.get(t, c, za+"/statussen?zaak="+q(u), &sp)
		if sp.Count == 0 || str(sp.Results[0], "url") != str(zd, "status") {
			t.Errorf("statussen of %s: %d, newest %v, zaak.status %s", u, sp.Count, urlsOf(sp.Results), str(zd, "status"))
		}
		for _, st := range sp.Results {
			checkDetail(str(st, "url"), true)
		}
		cf.get(t, c, za+"/resultaten?zaak="+q(u), &sp)
		if (sp.Count == 1) != (zd["resultaat"] != nil) || (sp.Count == 1 && str(sp.Results[0], "url") != str(zd, "resultaat")) {
			t.Errorf("resultaten of %s: %v, zaak.resultaat %v", u, urlsOf(sp.Results), zd["resultaat"])
		}
		for _, r := range sp.Results {
			checkDetail(str(r, "url"), true)
		}
		var arr []obj
		cf.get(t, c, u+"/zaakeigenschappen", &arr)
		if len(arr) != len(strs(zd, "eigenschappen")) {
			t.Errorf("zaakeigenschappen of %s: %d, zaak.eigenschappen %d", u, len(arr), len(strs(zd, "eigenschappen")))
		}
		for _, e := range arr {
			checkDetail(str(e, "url"), true)
		}
		counts["eigenschappen"] += len(arr)
		cf.get(t, c, za+"/zaakinformatieobjecten?zaak="+q(u), &arr)
		if len(arr) != len(strs(zd, "zaakinformatieobjecten")) {
			t.Errorf("zaakinformatieobjecten of %s: %d, zaak lists %d", u, len(arr), len(strs(zd, "zaakinformatieobjecten")))
		}
		for _, e := range arr {
			checkDetail(str(e, "url"), true)
		}
		counts["zaakinformatieobjecten"] += len(arr)
		cf.get(t, c, za+"/zaakcontactmomenten?zaak="+q(u), &arr)
		for _, e := range arr {
			checkDetail(str(e, "url"), false)
		}
		counts["zaakcontactmomenten"] += len(arr)
		cf.get(t, c, za+"/zaakverzoeken?zaak="+q(u), &arr)
		for _, e := range arr {
			checkDetail(str(e, "url"), false)
		}
		counts["zaakverzoeken"] += len(arr)
		cf.get(t, c, za+"/zaakobjecten?zaak="+q(u), &sp)
		if sp.Count != len(strs(zd, "zaakobjecten")) {
			t.Errorf("zaakobjecten of %s: %d, zaak lists %d", u, sp.Count, len(strs(zd, "zaakobjecten")))
		}
	}
	for _, k := range []string{"eigenschappen", "zaakinformatieobjecten", "zaakcontactmomenten", "zaakverzoeken"} {
		if counts[k] == 0 {
			t.Errorf("the benchmark person's zaken in zaken-a have no %s: nothing to validate", k)
		}
	}

	// Errors.
	expectStatus(t, cf.do(t, c, "GET", za+"/zaken/"+unknownUUID, ""), 404)
	restricted := newCaller(t, s, "klantgraaf-beperkt")
	zt := str(z, "zaaktype")
	write, _ := json.Marshal(obj{"bronorganisatie": "002220647", "verantwoordelijkeOrganisatie": "002220647",
		"zaaktype": zt, "startdatum": "2025-09-01"})
	expectStatus(t, cf.do(t, restricted, "POST", za+"/zaken", string(write)), 403)
	expectStatus(t, cf.do(t, c, "GET", za+"/zaken", "", "Accept-Crs", ""), 412)
	ex = cf.do(t, c, "GET", za+"/zaken?archiefnominatie=misschien", "")
	if expectStatus(t, ex, 400) && !strings.Contains(string(ex.Body), `"archiefnominatie"`) {
		t.Errorf("400 does not name the bad filter: %s", ex.Body)
	}
}

func conformCatalogi(t *testing.T, cf *conformance) {
	s := cf.s
	c := newCaller(t, s, "klantgraaf")
	for _, in := range instancesOf(s, data.APICatalogi) {
		for _, coll := range []string{"catalogussen", "zaaktypen", "statustypen", "resultaattypen", "roltypen", "eigenschappen", "informatieobjecttypen"} {
			var p listPage
			cf.get(t, c, in.BaseURL+"/"+coll, &p)
			if p.Count == 0 || len(p.Results) == 0 {
				t.Errorf("%s /%s: empty list", in.Spec.Name, coll)
				continue
			}
			u := str(p.Results[0], "url")
			if !strings.HasPrefix(u, in.BaseURL+"/"+coll+"/") {
				t.Errorf("%s /%s: first url %s", in.Spec.Name, coll, u)
				continue
			}
			var d obj
			ex := cf.get(t, c, u, &d)
			etag := ex.Header.Get("ETag")
			if str(d, "url") != u || etag == "" {
				t.Errorf("%s: url %s, ETag %q", u, str(d, "url"), etag)
			}
			h := cf.do(t, c, "HEAD", u, "")
			if expectStatus(t, h, 200) && (h.Header.Get("ETag") != etag || len(h.Body) != 0) {
				t.Errorf("HEAD %s: ETag %q (GET %q), %d body bytes", u, h.Header.Get("ETag"), etag, len(h.Body))
			}
			expectStatus(t, cf.do(t, c, "GET", u, "", "If-None-Match", etag), 304)
			if coll == "zaaktypen" {
				// The sub-types of a zaaktype, found by the zaaktype filter.
				for _, sub := range []string{"statustypen", "resultaattypen", "roltypen", "eigenschappen"} {
					var sp listPage
					cf.get(t, c, in.BaseURL+"/"+sub+"?zaaktype="+q(u), &sp)
					got := urlsOf(sp.Results)
					want := strs(d, sub)
					sort.Strings(got)
					sort.Strings(want)
					if !slices.Equal(got, want) {
						t.Errorf("%s?zaaktype=%s: %v, zaaktype lists %v", sub, u, got, want)
					}
				}
			}
		}
	}
}

func conformDocumenten(t *testing.T, cf *conformance) {
	s := cf.s
	c := newCaller(t, s, "klantgraaf")
	bm := showcase(t, s, gen.ShowcaseBenchmark)
	// The benchmark person's zaken with documents, over both systems.
	found := 0
	for _, zin := range instancesOf(s, data.APIZaken) {
		var p listPage
		cf.get(t, c, zin.BaseURL+"/zaken?"+fBSN+"="+bm.BSN, &p)
		for _, z := range p.Results {
			zaak := str(z, "url")
			var zios []obj
			cf.get(t, c, zin.BaseURL+"/zaakinformatieobjecten?zaak="+q(zaak), &zios)
			if len(zios) == 0 {
				continue
			}
			found++
			eio := str(zios[0], "informatieobject")
			din := s.Instance(c.instanceOf(eio))
			if din.Spec.API != data.APIDocumenten || din.Spec.System != zin.Spec.System {
				t.Errorf("document %s of %s is served by %s", eio, zaak, din.Spec.Name)
				continue
			}
			base := din.BaseURL
			var dp listPage
			cf.get(t, c, base+"/enkelvoudiginformatieobjecten?objectinformatieobjecten__object="+q(zaak), &dp)
			got := urlsOf(dp.Results)
			want := make([]string, 0, len(zios))
			for _, zio := range zios {
				want = append(want, str(zio, "informatieobject"))
			}
			sort.Strings(got)
			sort.Strings(want)
			if !slices.Equal(got, want) {
				t.Errorf("documents of %s: %v, zaakinformatieobjecten name %v", zaak, got, want)
			}
			var oios []obj
			cf.get(t, c, base+"/objectinformatieobjecten?object="+q(zaak), &oios)
			var oioDocs []string
			for _, o := range oios {
				oioDocs = append(oioDocs, str(o, "informatieobject"))
				if str(o, "object") != zaak || str(o, "objectType") != "zaak" {
					t.Errorf("objectinformatieobject %s: object %s type %s", str(o, "url"), str(o, "object"), str(o, "objectType"))
				}
			}
			sort.Strings(oioDocs)
			if !slices.Equal(oioDocs, want) {
				t.Errorf("objectinformatieobjecten of %s: %v, want %v", zaak, oioDocs, want)
			}
			if found > 1 {
				continue
			}
			if len(oios) > 0 {
				oio := str(oios[0], "url")
				var od obj
				cf.get(t, c, oio, &od)
				if str(od, "url") != oio {
					t.Errorf("GET %s: url %s", oio, str(od, "url"))
				}
			}
			var d obj
			ex := cf.get(t, c, eio, &d)
			etag := ex.Header.Get("ETag")
			if str(d, "url") != eio || etag == "" {
				t.Errorf("document %s: url %s, ETag %q", eio, str(d, "url"), etag)
			}
			h := cf.do(t, c, "HEAD", eio, "")
			if expectStatus(t, h, 200) && h.Header.Get("ETag") != etag {
				t.Errorf("HEAD %s: ETag %q, GET %q", eio, h.Header.Get("ETag"), etag)
			}
			expectStatus(t, cf.do(t, c, "GET", eio, "", "If-None-Match", etag), 304)
			zb, _ := json.Marshal(obj{"uuid__in": []string{lastSegment(eio)}, "expand": []string{"informatieobjecttype"}})
			zx := cf.do(t, c, "POST", base+"/enkelvoudiginformatieobjecten/_zoek", string(zb))
			if expectStatus(t, zx, 200) {
				var zp listPage
				decodeInto(t, zx, &zp)
				if zp.Count != 1 || len(zp.Results) != 1 || str(zp.Results[0], "url") != eio {
					t.Errorf("_zoek uuid__in [%s]: %v", lastSegment(eio), urlsOf(zp.Results))
				}
			}
			// Open Zaak renders inhoud as the download URL with the version.
			inhoud := str(d, "inhoud")
			if !strings.HasPrefix(inhoud, eio+"/download") {
				t.Errorf("document %s: inhoud %q", eio, inhoud)
				inhoud = eio + "/download"
			}
			dl := cf.do(t, c, "GET", inhoud, "")
			if expectStatus(t, dl, 200) {
				size, _ := d["bestandsomvang"].(float64)
				if len(dl.Body) == 0 || (size > 0 && int(size) != len(dl.Body)) {
					t.Errorf("download %s: %d bytes, bestandsomvang %v", eio, len(dl.Body), d["bestandsomvang"])
				}
			}
		}
	}
	if found == 0 {
		t.Fatal("no zaak of the benchmark person has documents")
	}
}

func conformKlanten(t *testing.T, cf *conformance) {
	s := cf.s
	c := newCaller(t, s, "klantgraaf")
	base := s.Instance("klanten").BaseURL
	bm := showcase(t, s, gen.ShowcaseBenchmark)
	bedrijf := showcase(t, s, gen.ShowcaseBedrijf)
	klant := bm.KlantURLs[0]

	var p listPage
	cf.get(t, c, base+"/klanten?subjectNatuurlijkPersoon__inpBsn="+bm.BSN, &p)
	if p.Count != 1 || len(p.Results) != 1 || str(p.Results[0], "url") != klant {
		t.Errorf("klanten by BSN %s: %v, want [%s]", bm.BSN, urlsOf(p.Results), klant)
	}
	for i, v := range bedrijf.Vestigingen {
		cf.get(t, c, base+"/klanten?subjectVestiging__vestigingsNummer="+v, &p)
		if p.Count != 1 || len(p.Results) != 1 || str(p.Results[0], "url") != bedrijf.KlantURLs[i+1] {
			t.Errorf("klanten by vestigingsnummer %s: %v, want [%s]", v, urlsOf(p.Results), bedrijf.KlantURLs[i+1])
		}
	}
	var k obj
	ex := cf.get(t, c, klant, &k)
	etag := ex.Header.Get("ETag")
	if str(k, "url") != klant || etag == "" || str(k, "subject") == "" {
		t.Errorf("klant %s: url %s, ETag %q, subject %q", klant, str(k, "url"), etag, str(k, "subject"))
	}
	cf.get(t, c, base+"/klanten?subject="+q(str(k, "subject")), &p)
	if !slices.Contains(urlsOf(p.Results), klant) {
		t.Errorf("klanten by subject %s: %v lacks %s", str(k, "subject"), urlsOf(p.Results), klant)
	}
	expectStatus(t, cf.do(t, c, "GET", klant, "", "If-None-Match", etag), 304)
	expectStatus(t, cf.do(t, c, "GET", base+"/klanten/"+unknownUUID, ""), 404)

	good, _ := json.Marshal(obj{"bronorganisatie": "002220647", "klantnummer": "C0001", "achternaam": "Bakker",
		"emailadres": "e.bakker@example.nl", "subjectType": "natuurlijk_persoon",
		"subjectIdentificatie": obj{"inpBsn": "999991772", "geslachtsnaam": "Bakker", "voornamen": "Els"}})
	ex = cf.do(t, c, "POST", base+"/klanten", string(good))
	if expectStatus(t, ex, 201) {
		var created obj
		decodeInto(t, ex, &created)
		if ex.Header.Get("Location") != str(created, "url") {
			t.Errorf("Location %q, url %q", ex.Header.Get("Location"), str(created, "url"))
		}
		cf.get(t, c, base+"/klanten?subjectNatuurlijkPersoon__inpBsn=999991772", &p)
		if p.Count != 1 {
			t.Errorf("created klant found %d times by BSN", p.Count)
		}
	}
	bad, _ := json.Marshal(obj{"klantnummer": "C0002", "emailadres": "geen-adres"})
	ex = cf.do(t, c, "POST", base+"/klanten", string(bad))
	if expectStatus(t, ex, 400) {
		for _, name := range []string{`"bronorganisatie"`, `"emailadres"`} {
			if !strings.Contains(string(ex.Body), name) {
				t.Errorf("400 does not name %s: %s", name, ex.Body)
			}
		}
	}
	expectStatus(t, cf.do(t, newCaller(t, s, "klantgraaf-beperkt"), "POST", base+"/klanten", string(good)), 403)
}

func conformContactmomenten(t *testing.T, cf *conformance) {
	s := cf.s
	c := newCaller(t, s, "klantgraaf")
	base := s.Instance("contactmomenten").BaseURL
	bm := showcase(t, s, gen.ShowcaseBenchmark)
	vt := showcase(t, s, gen.ShowcaseVertrouwelijk)
	klant := bm.KlantURLs[0]

	var p listPage
	cf.get(t, c, base+"/contactmomenten?klant="+q(klant+","+vt.KlantURLs[0]), &p)
	if want := bm.Contactmomenten + vt.Contactmomenten; p.Count != want {
		t.Errorf("contactmomenten of two klanten: %d, want %d", p.Count, want)
	}
	var kp listPage
	cf.get(t, c, base+"/klantcontactmomenten?klant="+q(klant), &kp)
	if kp.Count != bm.Contactmomenten {
		t.Errorf("klantcontactmomenten of the benchmark klant: %d, want %d", kp.Count, bm.Contactmomenten)
	}
	for _, r := range kp.Results {
		if str(r, "klant") != klant {
			t.Errorf("klantcontactmoment %s: klant %s", str(r, "url"), str(r, "klant"))
		}
	}
	if len(kp.Results) > 0 {
		kcm := str(kp.Results[0], "url")
		var d obj
		cf.get(t, c, kcm, &d)
		if str(d, "url") != kcm {
			t.Errorf("GET %s: url %s", kcm, str(d, "url"))
		}
	}

	// A zaak of the benchmark person with contactmomenten.
	za := s.Instance("zaken-a").BaseURL
	cf.get(t, c, za+"/zaken?"+fBSN+"="+bm.BSN, &p)
	zaak := ""
	var zcms []obj
	for _, z := range p.Results {
		cf.get(t, c, za+"/zaakcontactmomenten?zaak="+q(str(z, "url")), &zcms)
		if len(zcms) > 0 {
			zaak = str(z, "url")
			break
		}
	}
	if zaak == "" {
		t.Fatal("no zaak of the benchmark person in zaken-a has contactmomenten")
	}
	cf.get(t, c, base+"/contactmomenten?object="+q(zaak)+"&expand=klantcontactmomenten,objectcontactmomenten", &p)
	if p.Count != len(zcms) {
		t.Errorf("contactmomenten?object=%s: %d, zaakcontactmomenten %d", zaak, p.Count, len(zcms))
	}
	for _, cm := range p.Results {
		x, _ := cm["_expand"].(obj)
		if x == nil {
			t.Errorf("contactmoment %s: no _expand", str(cm, "url"))
			continue
		}
		ocms, _ := x["objectcontactmomenten"].([]any)
		if len(ocms) != len(strs(cm, "objectcontactmomenten")) || len(ocms) == 0 {
			t.Errorf("contactmoment %s: %d expanded objectcontactmomenten, %d listed", str(cm, "url"), len(ocms), len(strs(cm, "objectcontactmomenten")))
		}
	}
	var op listPage
	cf.get(t, c, base+"/objectcontactmomenten?object="+q(zaak), &op)
	if op.Count != len(zcms) {
		t.Errorf("objectcontactmomenten?object=%s: %d, zaakcontactmomenten %d", zaak, op.Count, len(zcms))
	}
	if len(op.Results) > 0 {
		ocm := str(op.Results[0], "url")
		var d obj
		cf.get(t, c, ocm, &d)
		if str(d, "object") != zaak || str(d, "objectType") != "zaak" {
			t.Errorf("objectcontactmoment %s: object %s type %s", ocm, str(d, "object"), str(d, "objectType"))
		}
	}

	cm := str(zcms[0], "contactmoment")
	var d obj
	ex := cf.get(t, c, cm+"?expand=klantcontactmomenten", &d)
	if x, _ := d["_expand"].(obj); x == nil || x["klantcontactmomenten"] == nil {
		t.Errorf("contactmoment %s?expand=klantcontactmomenten: no _expand: %s", cm, clip(ex.Body))
	}
	ex = cf.get(t, c, cm, nil)
	etag := ex.Header.Get("ETag")
	if etag == "" {
		t.Errorf("contactmoment %s: no ETag", cm)
	}
	expectStatus(t, cf.do(t, c, "GET", cm, "", "If-None-Match", etag), 304)

	// Writes: a contactmoment and its klantcontactmoment.
	body, _ := json.Marshal(obj{"bronorganisatie": "002220647", "kanaal": "telefoon", "tekst": "Vraag over de aanvraag",
		"initiatiefnemer": "klant", "medewerkerIdentificatie": obj{"identificatie": "mw-101", "achternaam": "Smit"}})
	ex = cf.do(t, c, "POST", base+"/contactmomenten", string(body))
	if expectStatus(t, ex, 201) {
		var created obj
		decodeInto(t, ex, &created)
		kb, _ := json.Marshal(obj{"contactmoment": str(created, "url"), "klant": klant, "rol": "gesprekspartner"})
		expectStatus(t, cf.do(t, c, "POST", base+"/klantcontactmomenten", string(kb)), 201)
		cf.get(t, c, base+"/klantcontactmomenten?klant="+q(klant), &kp)
		if kp.Count != bm.Contactmomenten+1 {
			t.Errorf("after the write the klant has %d klantcontactmomenten, want %d", kp.Count, bm.Contactmomenten+1)
		}
	}
	expectStatus(t, cf.do(t, c, "POST", base+"/contactmomenten", `{"kanaal":"telefoon"}`), 400)
}

func conformVerzoeken(t *testing.T, cf *conformance) {
	s := cf.s
	c := newCaller(t, s, "klantgraaf")
	base := s.Instance("verzoeken").BaseURL
	bm := showcase(t, s, gen.ShowcaseBenchmark)
	klant := bm.KlantURLs[0]

	var p listPage
	cf.get(t, c, base+"/verzoeken", &p)
	if p.Count == 0 {
		t.Fatal("no verzoeken")
	}
	var kp listPage
	cf.get(t, c, base+"/klantverzoeken?klant="+q(klant), &kp)
	if kp.Count != bm.Verzoeken {
		t.Errorf("klantverzoeken of the benchmark klant: %d, want %d", kp.Count, bm.Verzoeken)
	}
	counts := map[string]int{}
	seenDetail := map[string]bool{}
	detail := func(u string) {
		if seenDetail[u] {
			return
		}
		seenDetail[u] = true
		var d obj
		ex := cf.get(t, c, u, &d)
		if str(d, "url") != u {
			t.Errorf("GET %s: url %s", u, str(d, "url"))
		}
		if strings.HasSuffix(strings.TrimSuffix(u, "/"+lastSegment(u)), "/verzoeken") {
			etag := ex.Header.Get("ETag")
			if etag == "" {
				t.Errorf("verzoek %s: no ETag", u)
			} else {
				expectStatus(t, cf.do(t, c, "GET", u, "", "If-None-Match", etag), 304)
			}
		}
	}
	for _, kv := range kp.Results {
		detail(str(kv, "url"))
		v := str(kv, "verzoek")
		detail(v)
		for _, rel := range []string{"verzoekcontactmomenten", "verzoekinformatieobjecten", "objectverzoeken"} {
			var rp listPage
			cf.get(t, c, base+"/"+rel+"?verzoek="+q(v), &rp)
			counts[rel] += rp.Count
			for _, r := range rp.Results {
				if str(r, "verzoek") != v {
					t.Errorf("%s?verzoek=%s lists %s of verzoek %s", rel, v, str(r, "url"), str(r, "verzoek"))
				}
				detail(str(r, "url"))
				if rel == "objectverzoeken" {
					zaak := str(r, "object")
					var op listPage
					cf.get(t, c, base+"/objectverzoeken?object="+q(zaak), &op)
					if !slices.Contains(urlsOf(op.Results), str(r, "url")) {
						t.Errorf("objectverzoeken?object=%s lacks %s", zaak, str(r, "url"))
					}
				}
			}
		}
	}
	for _, rel := range []string{"verzoekcontactmomenten", "verzoekinformatieobjecten", "objectverzoeken"} {
		if counts[rel] == 0 {
			t.Errorf("the benchmark person's verzoeken have no %s: nothing to validate", rel)
		}
	}
}
