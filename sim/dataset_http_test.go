package sim

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/gen"
)

// The tests in this file look at the generated dataset only through HTTP,
// as a gateway does: links resolve, mirrored relations agree, pages walk
// completely, the data is deterministic, the showcase holds and writes show
// up at once.

// answer is one raw HTTP exchange.
type answer struct {
	status int
	header http.Header
	body   []byte
}

// call performs an authenticated request and reads the whole answer. hdr
// holds header name/value pairs; an empty value removes the header.
func call(t *testing.T, c *caller, method, u, body string, hdr ...string) answer {
	t.Helper()
	req := c.request(method, u, body)
	for i := 0; i+1 < len(hdr); i += 2 {
		if hdr[i+1] == "" {
			req.Header.Del(hdr[i])
		} else {
			req.Header.Set(hdr[i], hdr[i+1])
		}
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, u, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: %v", method, u, err)
	}
	return answer{resp.StatusCode, resp.Header, b}
}

// mustJSON GETs u, requires a 200 and decodes the body into v.
func mustJSON(t *testing.T, c *caller, u string, v any) answer {
	t.Helper()
	a := call(t, c, "GET", u, "")
	if a.status != 200 {
		t.Fatalf("GET %s: %d %s", u, a.status, clip(a.body))
	}
	if v != nil {
		if err := json.Unmarshal(a.body, v); err != nil {
			t.Fatalf("GET %s: %v", u, err)
		}
	}
	return a
}

// walk follows a paginated list through next and returns every result. It
// checks every page reports the same count and that the results add up to
// it.
func walk(t *testing.T, c *caller, u string) []obj {
	t.Helper()
	var all []obj
	count, pages := -1, 0
	prev := ""
	for next := u; next != ""; {
		var p listPage
		mustJSON(t, c, next, &p)
		pages++
		if count >= 0 && p.Count != count {
			t.Errorf("%s: count changed from %d to %d while paging", next, count, p.Count)
		}
		count = p.Count
		if (pages == 1) != (p.Previous == nil) {
			t.Errorf("%s: page %d has previous %v", next, pages, p.Previous)
		}
		if pages > 1 && p.Previous != nil && !sameQuery(*p.Previous, prev) {
			t.Errorf("%s: previous %s, the page before was %s", next, *p.Previous, prev)
		}
		all = append(all, p.Results...)
		prev = next
		next = ""
		if p.Next != nil {
			next = *p.Next
		}
		if pages > 1000 {
			t.Fatalf("%s: more than 1000 pages", u)
		}
	}
	if len(all) != count {
		t.Errorf("%s: walked %d results over %d pages, count %d", u, len(all), pages, count)
	}
	return all
}

// sameQuery compares two list URLs, treating page=1 as no page parameter.
func sameQuery(a, b string) bool {
	norm := func(s string) string {
		s = strings.Replace(s, "page=1&", "", 1)
		s = strings.TrimSuffix(s, "?page=1")
		s = strings.TrimSuffix(s, "&page=1")
		return s
	}
	return norm(a) == norm(b)
}

// TestDatasetLinksResolve starts from the showcase parties' klant URLs and
// BSNs and follows every URL in the answers that belongs to one of the
// instances (breadth first, bounded); each must answer 200. URLs of external
// registers (BRP, KvK, Selectielijst, medewerkers) are not followed, but no
// URL may point at the simulator's host without belonging to an instance.
func TestDatasetLinksResolve(t *testing.T) {
	s := startSim(t, Config{})
	c := newCaller(t, s, "klantgraaf")
	const limit = 3000

	var queue []string
	seen := map[string]bool{}
	push := func(u string) {
		if !seen[u] && len(seen) < limit {
			seen[u] = true
			queue = append(queue, u)
		}
	}
	for _, v := range s.Showcase() {
		for _, k := range v.KlantURLs {
			push(k)
			push(s.Instance("contactmomenten").BaseURL + "/klantcontactmomenten?klant=" + q(k))
			push(s.Instance("verzoeken").BaseURL + "/klantverzoeken?klant=" + q(k))
		}
		if v.BSN != "" {
			push(s.Instance("klanten").BaseURL + "/klanten?subjectNatuurlijkPersoon__inpBsn=" + v.BSN)
			for _, in := range instancesOf(s, data.APIZaken) {
				push(in.BaseURL + "/zaken?" + fBSN + "=" + v.BSN)
			}
		}
		if v.KvK != "" {
			for _, in := range instancesOf(s, data.APIZaken) {
				push(in.BaseURL + "/zaken?" + fKvK + "=" + v.KvK)
			}
		}
	}

	host := strings.Split(s.Instance("zaken-a").BaseURL, "/zaken/")[0]
	host = host[:strings.LastIndexByte(host, ':')]
	failures := map[data.APIKind][]string{}
	kinds := map[data.APIKind]int{}
	external := map[string]int{}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		in := s.Instance(c.instanceOf(u))
		kinds[in.Spec.API]++
		a := call(t, c, "GET", u, "")
		if a.status != 200 {
			failures[in.Spec.API] = append(failures[in.Spec.API], fmt.Sprintf("GET %s: %d %s", u, a.status, clip(a.body)))
			continue
		}
		if !strings.HasPrefix(a.header.Get("Content-Type"), "application/json") {
			continue // a document's content
		}
		var v any
		if err := json.Unmarshal(a.body, &v); err != nil {
			failures[in.Spec.API] = append(failures[in.Spec.API], fmt.Sprintf("GET %s: %v", u, err))
			continue
		}
		eachString(v, func(str string) {
			if !strings.HasPrefix(str, "http://") && !strings.HasPrefix(str, "https://") {
				return
			}
			if owner := ownerOf(s, str); owner != nil {
				push(str)
				return
			}
			if strings.HasPrefix(str, host+":") {
				failures[in.Spec.API] = append(failures[in.Spec.API],
					fmt.Sprintf("%s links to %s on the simulator's host but no instance serves it", u, str))
				return
			}
			h := strings.SplitN(strings.SplitN(str, "://", 2)[1], "/", 2)[0]
			external[h]++
		})
	}
	t.Logf("followed %d URLs %v; external hosts not followed: %v", len(seen), kinds, external)
	if len(seen) < 500 {
		t.Errorf("only %d URLs reachable from the showcase, want at least 500", len(seen))
	}
	for _, k := range []data.APIKind{data.APIZaken, data.APICatalogi, data.APIDocumenten, data.APIKlanten, data.APIContactmomenten, data.APIVerzoeken} {
		if kinds[k] == 0 {
			t.Errorf("no %s URL reachable from the showcase", k)
		}
	}
	if len(external) == 0 {
		t.Error("no link to an external register (BRP, Selectielijst, medewerkers …) seen")
	}
	// One subtest per API kind, so a broken provider is named.
	for _, k := range []data.APIKind{data.APIZaken, data.APICatalogi, data.APIDocumenten, data.APIKlanten, data.APIContactmomenten, data.APIVerzoeken} {
		t.Run("links/"+string(k), func(t *testing.T) {
			for _, f := range failures[k] {
				t.Error(f)
			}
		})
	}
}

// ownerOf returns the instance serving u, or nil.
func ownerOf(s *Sim, u string) *Instance {
	for _, in := range s.Instances() {
		if strings.HasPrefix(u, in.BaseURL+"/") {
			return in
		}
	}
	return nil
}

// eachString calls f for every string in a decoded JSON value.
func eachString(v any, f func(string)) {
	switch x := v.(type) {
	case string:
		f(x)
	case []any:
		for _, e := range x {
			eachString(e, f)
		}
	case map[string]any:
		for _, e := range x {
			eachString(e, f)
		}
	}
}

// personZaken returns a showcase person's zaken over every zaken
// instance: found by BSN and by rol__betrokkene = a klant URL.
func personZaken(t *testing.T, s *Sim, c *caller, bsn string, klanten []string) []string {
	t.Helper()
	set := map[string]bool{}
	for _, in := range instancesOf(s, data.APIZaken) {
		for _, z := range walk(t, c, in.BaseURL+"/zaken?"+fBSN+"="+bsn) {
			set[str(z, "url")] = true
		}
		for _, k := range klanten {
			for _, z := range walk(t, c, in.BaseURL+"/zaken?rol__betrokkene="+q(k)) {
				set[str(z, "url")] = true
			}
		}
	}
	out := make([]string, 0, len(set))
	for u := range set {
		out = append(out, u)
	}
	sort.Strings(out)
	return out
}

// pair is one link between two objects (a zaak or verzoek and the object
// it is linked to), as one of the two providers records it.
type pair struct{ from, to string }

func pairSet(t *testing.T, what string, pairs []pair) map[pair]bool {
	t.Helper()
	m := map[pair]bool{}
	for _, p := range pairs {
		if m[p] {
			t.Errorf("%s: %v listed twice", what, p)
		}
		m[p] = true
	}
	return m
}

func comparePairs(t *testing.T, name string, a, b map[pair]bool) {
	t.Helper()
	for p := range a {
		if !b[p] {
			t.Errorf("%s: %s ↔ %s is recorded on the first side only", name, p.from, p.to)
		}
	}
	for p := range b {
		if !a[p] {
			t.Errorf("%s: %s ↔ %s is recorded on the second side only", name, p.from, p.to)
		}
	}
	if len(a) == 0 {
		t.Errorf("%s: no relations to compare", name)
	}
}

// TestDatasetMirroredRelations checks, for the benchmark person, that every
// relation the Zaken API holds is mirrored by the other provider and vice
// versa, and that the klant's contactmomenten agree between the lists.
func TestDatasetMirroredRelations(t *testing.T) {
	s := startSim(t, Config{})
	c := newCaller(t, s, "klantgraaf")
	bm := showcase(t, s, gen.ShowcaseBenchmark)
	klant := bm.KlantURLs[0]
	cmBase := s.Instance("contactmomenten").BaseURL
	vzBase := s.Instance("verzoeken").BaseURL
	zaken := personZaken(t, s, c, bm.BSN, bm.KlantURLs)
	if len(zaken) != bm.Zaken {
		t.Fatalf("benchmark person has %d zaken over HTTP, showcase says %d", len(zaken), bm.Zaken)
	}

	var zcm, ocm, zv, ov, zio, oio []pair
	for _, z := range zaken {
		zbase := s.Instance(c.instanceOf(z)).BaseURL
		var arr []obj
		mustJSON(t, c, zbase+"/zaakcontactmomenten?zaak="+q(z), &arr)
		for _, r := range arr {
			zcm = append(zcm, pair{str(r, "zaak"), str(r, "contactmoment")})
		}
		for _, r := range walk(t, c, cmBase+"/objectcontactmomenten?object="+q(z)) {
			ocm = append(ocm, pair{str(r, "object"), str(r, "contactmoment")})
		}
		mustJSON(t, c, zbase+"/zaakverzoeken?zaak="+q(z), &arr)
		for _, r := range arr {
			zv = append(zv, pair{str(r, "zaak"), str(r, "verzoek")})
		}
		for _, r := range walk(t, c, vzBase+"/objectverzoeken?object="+q(z)) {
			ov = append(ov, pair{str(r, "object"), str(r, "verzoek")})
		}
		mustJSON(t, c, zbase+"/zaakinformatieobjecten?zaak="+q(z), &arr)
		for _, r := range arr {
			zio = append(zio, pair{str(r, "zaak"), str(r, "informatieobject")})
		}
		for _, din := range instancesOf(s, data.APIDocumenten) {
			mustJSON(t, c, din.BaseURL+"/objectinformatieobjecten?object="+q(z), &arr)
			for _, r := range arr {
				oio = append(oio, pair{str(r, "object"), str(r, "informatieobject")})
			}
		}
	}
	comparePairs(t, "zaakcontactmoment/objectcontactmoment", pairSet(t, "zaakcontactmomenten", zcm), pairSet(t, "objectcontactmomenten", ocm))
	comparePairs(t, "zaakverzoek/objectverzoek", pairSet(t, "zaakverzoeken", zv), pairSet(t, "objectverzoeken", ov))
	comparePairs(t, "zaakinformatieobject/objectinformatieobject", pairSet(t, "zaakinformatieobjecten", zio), pairSet(t, "objectinformatieobjecten", oio))

	// The klant's verzoeken: verzoekinformatieobject ↔ objectinformatieobject
	// (objectType verzoek) in the Documenten API.
	var vio, voio []pair
	kvs := walk(t, c, vzBase+"/klantverzoeken?klant="+q(klant))
	if len(kvs) != bm.Verzoeken {
		t.Errorf("klantverzoeken: %d, want %d", len(kvs), bm.Verzoeken)
	}
	for _, kv := range kvs {
		v := str(kv, "verzoek")
		for _, r := range walk(t, c, vzBase+"/verzoekinformatieobjecten?verzoek="+q(v)) {
			vio = append(vio, pair{str(r, "verzoek"), str(r, "informatieobject")})
		}
		for _, din := range instancesOf(s, data.APIDocumenten) {
			var arr []obj
			mustJSON(t, c, din.BaseURL+"/objectinformatieobjecten?object="+q(v), &arr)
			for _, r := range arr {
				if str(r, "objectType") != "verzoek" {
					t.Errorf("objectinformatieobject %s of verzoek %s has objectType %s", str(r, "url"), v, str(r, "objectType"))
				}
				voio = append(voio, pair{str(r, "object"), str(r, "informatieobject")})
			}
		}
	}
	comparePairs(t, "verzoekinformatieobject/objectinformatieobject", pairSet(t, "verzoekinformatieobjecten", vio), pairSet(t, "objectinformatieobjecten", voio))

	// From the contactmomenten side: every objectcontactmoment of the
	// klant's contactmomenten has its zaakcontactmoment.
	kcms := walk(t, c, cmBase+"/klantcontactmomenten?klant="+q(klant))
	cms := walk(t, c, cmBase+"/contactmomenten?klant="+q(klant))
	if len(kcms) != bm.Contactmomenten || len(cms) != bm.Contactmomenten {
		t.Errorf("klantcontactmomenten %d, contactmomenten?klant= %d, want %d", len(kcms), len(cms), bm.Contactmomenten)
	}
	fromKCM := map[string]bool{}
	for _, r := range kcms {
		fromKCM[str(r, "contactmoment")] = true
	}
	about := 0
	for _, cm := range cms {
		u := str(cm, "url")
		if !fromKCM[u] {
			t.Errorf("contactmoment %s listed for the klant has no klantcontactmoment of the klant", u)
		}
		found := false
		for _, k := range strs(cm, "klantcontactmomenten") {
			var kd obj
			mustJSON(t, c, k, &kd)
			if str(kd, "contactmoment") != u {
				t.Errorf("klantcontactmoment %s listed on %s points at %s", k, u, str(kd, "contactmoment"))
			}
			found = found || str(kd, "klant") == klant
		}
		if !found {
			t.Errorf("contactmoment %s does not list a klantcontactmoment of the klant", u)
		}
		for _, o := range strs(cm, "objectcontactmomenten") {
			var od obj
			mustJSON(t, c, o, &od)
			z := str(od, "object")
			zin := ownerOf(s, z)
			if zin == nil || zin.Spec.API != data.APIZaken {
				t.Errorf("objectcontactmoment %s: object %s is no zaak of the simulator", o, z)
				continue
			}
			about++
			var arr []obj
			mustJSON(t, c, zin.BaseURL+"/zaakcontactmomenten?contactmoment="+q(u), &arr)
			if len(arr) != 1 || str(arr[0], "zaak") != z {
				t.Errorf("zaakcontactmomenten?contactmoment=%s: %v, want one for zaak %s", u, arr, z)
			}
		}
	}
	if about != 20 {
		t.Errorf("%d of the benchmark person's contactmomenten are about a zaak, want 20", about)
	}
}

// TestDatasetPagination walks complete lists through next: every item once,
// the count matches, and a page past the end is a 404.
func TestDatasetPagination(t *testing.T) {
	s := startSim(t, Config{})
	c := newCaller(t, s, "klantgraaf")
	check := func(u string, min int) {
		items := walk(t, c, u)
		seen := map[string]bool{}
		for _, it := range items {
			id := str(it, "url")
			if seen[id] {
				t.Errorf("%s: %s listed twice", u, id)
			}
			seen[id] = true
		}
		if len(items) < min {
			t.Errorf("%s: %d items, want at least %d (more than one page)", u, len(items), min)
		}
		sep := "?"
		if strings.Contains(u, "?") {
			sep = "&"
		}
		past := fmt.Sprintf("%s%spage=%d", u, sep, len(items)/100+2)
		if a := call(t, c, "GET", past, ""); a.status != 404 {
			t.Errorf("GET %s: %d, want 404", past, a.status)
		}
	}
	kl := s.Instance("klanten").BaseURL + "/klanten"
	check(kl, 300)
	bm := showcase(t, s, gen.ShowcaseBenchmark)
	cmBase := s.Instance("contactmomenten").BaseURL
	var first listPage
	mustJSON(t, c, cmBase+"/contactmomenten?klant="+q(bm.KlantURLs[0]), &first)
	kanaal := str(first.Results[0], "kanaal")
	if kanaal == "" {
		t.Fatal("contactmoment without kanaal")
	}
	check(cmBase+"/contactmomenten?kanaal="+q(kanaal), 101)
	// The largest showcase person: 1000 contactmomenten over ten pages.
	g := showcase(t, s, gen.ShowcaseGroei1000)
	check(cmBase+"/contactmomenten?klant="+q(g.KlantURLs[0]), 1000)
	check(cmBase+"/klantcontactmomenten?klant="+q(g.KlantURLs[0]), 1000)
}

// TestDatasetDeterminism compares the answers of two simulators with the
// same seed (identical once base URLs are normalised) and of one with
// another seed (different).
func TestDatasetDeterminism(t *testing.T) {
	requests := []func(s *Sim) string{
		func(s *Sim) string { return s.Instance("zaken-a").BaseURL + "/zaken?page=2" },
		func(s *Sim) string {
			bm, _ := s.ShowcaseByKey(gen.ShowcaseBenchmark)
			return s.Instance("zaken-b").BaseURL + "/zaken?" + fBSN + "=" + bm.BSN + "&expand=rollen,status.statustype,zaaktype"
		},
		func(s *Sim) string { return s.Instance("klanten").BaseURL + "/klanten?page=3" },
		func(s *Sim) string {
			bm, _ := s.ShowcaseByKey(gen.ShowcaseBenchmark)
			return bm.KlantURLs[0]
		},
		func(s *Sim) string {
			bm, _ := s.ShowcaseByKey(gen.ShowcaseBenchmark)
			return s.Instance("contactmomenten").BaseURL + "/contactmomenten?klant=" + q(bm.KlantURLs[0])
		},
		func(s *Sim) string { return s.Instance("verzoeken").BaseURL + "/verzoeken" },
		func(s *Sim) string { return s.Instance("catalogi-a").BaseURL + "/zaaktypen" },
		func(s *Sim) string { return s.Instance("documenten-b").BaseURL + "/enkelvoudiginformatieobjecten" },
	}
	bodies := func(s *Sim) []string {
		c := newCaller(t, s, "klantgraaf")
		out := make([]string, len(requests))
		for i, r := range requests {
			a := mustJSON(t, c, r(s), nil)
			b := string(a.body)
			for _, in := range s.Instances() {
				b = strings.ReplaceAll(b, in.BaseURL, "{"+in.Spec.Name+"}")
			}
			out[i] = b
		}
		return out
	}
	one := bodies(startSim(t, Config{Seed: 11}))
	two := bodies(startSim(t, Config{Seed: 11}))
	other := bodies(startSim(t, Config{Seed: 12}))
	differ := 0
	for i := range requests {
		if one[i] != two[i] {
			t.Errorf("request %d: same seed, different answers:\n%s\n%s", i, clip([]byte(one[i])), clip([]byte(two[i])))
		}
		if strings.Contains(one[i], "127.0.0.1") {
			t.Errorf("request %d: a URL of the simulator was not normalised: %s", i, clip([]byte(one[i])))
		}
		if one[i] != other[i] {
			differ++
		}
	}
	if one[2] == other[2] || one[0] == other[0] || differ < len(requests)-1 {
		t.Errorf("another seed changed only %d of %d answers (klanten page 3 differs: %v, zaken page 2 differs: %v)",
			differ, len(requests), one[2] != other[2], one[0] != other[0])
	}
}

// TestDatasetShowcaseOverHTTP checks the documented counts of the showcase
// parties as a gateway sees them.
func TestDatasetShowcaseOverHTTP(t *testing.T) {
	s := startSim(t, Config{})
	c := newCaller(t, s, "klantgraaf")
	kl := s.Instance("klanten").BaseURL
	cmBase := s.Instance("contactmomenten").BaseURL
	vzBase := s.Instance("verzoeken").BaseURL
	zakenBy := func(filter, value string) (total int, per map[string]int) {
		per = map[string]int{}
		for _, in := range instancesOf(s, data.APIZaken) {
			var p listPage
			mustJSON(t, c, in.BaseURL+"/zaken?"+filter+"="+q(value), &p)
			per[in.Spec.Name] = p.Count
			total += p.Count
		}
		return total, per
	}
	count := func(u string) int {
		var p listPage
		mustJSON(t, c, u, &p)
		return p.Count
	}

	t.Run("benchmark", func(t *testing.T) {
		bm := showcase(t, s, gen.ShowcaseBenchmark)
		k := bm.KlantURLs[0]
		if n := count(cmBase + "/klantcontactmomenten?klant=" + q(k)); n != 30 || bm.Contactmomenten != 30 {
			t.Errorf("klantcontactmomenten: %d (showcase %d), want 30", n, bm.Contactmomenten)
		}
		if z := personZaken(t, s, c, bm.BSN, bm.KlantURLs); len(z) != 15 || bm.Zaken != 15 {
			t.Errorf("zaken by BSN ∪ betrokkene: %d (showcase %d), want 15", len(z), bm.Zaken)
		}
		byKlant, _ := zakenBy("rol__betrokkene", k)
		if byKlant != 8 {
			t.Errorf("zaken with rol.betrokkene = the klant: %d, want 8", byKlant)
		}
		if n := count(vzBase + "/klantverzoeken?klant=" + q(k)); n != 5 || bm.Verzoeken != 5 {
			t.Errorf("klantverzoeken: %d (showcase %d), want 5", n, bm.Verzoeken)
		}
		var p listPage
		mustJSON(t, c, kl+"/klanten?subjectNatuurlijkPersoon__inpBsn="+bm.BSN, &p)
		if p.Count != 1 || str(p.Results[0], "url") != k {
			t.Errorf("klant by BSN: %v", urlsOf(p.Results))
		}
	})
	for _, key := range []string{gen.ShowcaseGroei10, gen.ShowcaseGroei100, gen.ShowcaseGroei1000} {
		t.Run(key, func(t *testing.T) {
			g := showcase(t, s, key)
			want := map[string][3]int{gen.ShowcaseGroei10: {10, 5, 2}, gen.ShowcaseGroei100: {100, 20, 5},
				gen.ShowcaseGroei1000: {1000, 100, 20}}[key]
			if len(g.KlantURLs) != 1 || g.Contactmomenten != want[0] || g.Zaken != want[1] || g.Verzoeken != want[2] {
				t.Fatalf("showcase %s: %+v, want counts %v", key, g, want)
			}
			k := g.KlantURLs[0]
			if n := count(cmBase + "/klantcontactmomenten?klant=" + q(k)); n != want[0] {
				t.Errorf("klantcontactmomenten: %d, want %d", n, want[0])
			}
			if z := personZaken(t, s, c, g.BSN, g.KlantURLs); len(z) != want[1] {
				t.Errorf("zaken by BSN ∪ betrokkene: %d, want %d", len(z), want[1])
			}
			if n := count(vzBase + "/klantverzoeken?klant=" + q(k)); n != want[2] {
				t.Errorf("klantverzoeken: %d, want %d", n, want[2])
			}
		})
	}
	t.Run("bedrijf", func(t *testing.T) {
		b := showcase(t, s, gen.ShowcaseBedrijf)
		if b.KvK != gen.ShowcaseBedrijfKvK || len(b.Vestigingen) != 3 || len(b.KlantURLs) != 4 {
			t.Fatalf("bedrijf showcase: %+v", b)
		}
		if n, _ := zakenBy(fKvK, b.KvK); n != 4 {
			t.Errorf("zaken by KvK: %d, want 4", n)
		}
		var p listPage
		mustJSON(t, c, kl+"/klanten?subjectNietNatuurlijkPersoon__innNnpId="+gen.ShowcaseBedrijfRSIN, &p)
		if p.Count != 1 || str(p.Results[0], "url") != b.KlantURLs[0] {
			t.Errorf("company klant by RSIN: %v, want [%s]", urlsOf(p.Results), b.KlantURLs[0])
		}
		for i, v := range b.Vestigingen {
			mustJSON(t, c, kl+"/klanten?subjectVestiging__vestigingsNummer="+v, &p)
			if p.Count != 1 || str(p.Results[0], "url") != b.KlantURLs[i+1] {
				t.Errorf("vestiging klant %s: %v, want [%s]", v, urlsOf(p.Results), b.KlantURLs[i+1])
			}
			if n, _ := zakenBy(fVestiging, v); n != 2 {
				t.Errorf("zaken by vestigingsnummer %s: %d, want 2", v, n)
			}
		}
		all := strings.Join(b.KlantURLs, ",")
		if n := count(cmBase + "/contactmomenten?klant=" + q(all)); n != b.Contactmomenten || n != 12 {
			t.Errorf("contactmomenten of the company's klanten: %d (showcase %d), want 12", n, b.Contactmomenten)
		}
		verz := 0
		for _, k := range b.KlantURLs {
			verz += count(vzBase + "/klantverzoeken?klant=" + q(k))
		}
		if verz != 3 {
			t.Errorf("verzoeken of the company's klanten: %d, want 3", verz)
		}
	})
	t.Run("alleen-zaken", func(t *testing.T) {
		a := showcase(t, s, gen.ShowcaseAlleenZaken)
		if n := count(kl + "/klanten?subjectNatuurlijkPersoon__inpBsn=" + a.BSN); n != 0 || len(a.KlantURLs) != 0 {
			t.Errorf("klanten of %s: %d (showcase lists %d), want none", a.BSN, n, len(a.KlantURLs))
		}
		n, per := zakenBy(fBSN, a.BSN)
		if n != 4 || per["zaken-a"] != 2 || per["zaken-b"] != 2 {
			t.Errorf("zaken by BSN: %v, want 2 per zaaksysteem", per)
		}
	})
	t.Run("vertrouwelijk", func(t *testing.T) {
		v := showcase(t, s, gen.ShowcaseVertrouwelijk)
		restricted := newCaller(t, s, "klantgraaf-beperkt")
		var full, limited []string
		for _, in := range instancesOf(s, data.APIZaken) {
			u := in.BaseURL + "/zaken?" + fBSN + "=" + v.BSN
			var p listPage
			mustJSON(t, c, u, &p)
			full = append(full, urlsOf(p.Results)...)
			mustJSON(t, restricted, u, &p)
			limited = append(limited, urlsOf(p.Results)...)
		}
		if len(full) != 3 || len(limited) != 2 {
			t.Fatalf("zaken: full client %d, restricted %d, want 3 and 2", len(full), len(limited))
		}
		for _, z := range full {
			var zd obj
			mustJSON(t, c, z, &zd)
			a := call(t, restricted, "GET", z, "")
			hidden := !slices.Contains(limited, z)
			if hidden != (str(zd, "vertrouwelijkheidaanduiding") == "geheim") {
				t.Errorf("zaak %s (%s) hidden from the restricted client: %v", z, str(zd, "vertrouwelijkheidaanduiding"), hidden)
			}
			if want := map[bool]int{true: 404, false: 200}[hidden]; a.status != want {
				t.Errorf("restricted GET %s: %d, want %d", z, a.status, want)
			}
		}
		if n := count(cmBase + "/klantcontactmomenten?klant=" + q(v.KlantURLs[0])); n != 2 {
			t.Errorf("contactmomenten: %d, want 2", n)
		}
	})
}

// TestDatasetWritesAndReset shows writes change what every later read sees
// (new ETag, new list entries, mirrored relations), and that the control
// endpoint's data reset restores the generated dataset.
func TestDatasetWritesAndReset(t *testing.T) {
	s := startSim(t, Config{})
	c := newCaller(t, s, "klantgraaf")
	bm := showcase(t, s, gen.ShowcaseBenchmark)
	klant := bm.KlantURLs[0]
	cmBase := s.Instance("contactmomenten").BaseURL

	var before obj
	a0 := mustJSON(t, c, klant, &before)
	etag0 := a0.header.Get("ETag")
	a := call(t, c, "PATCH", klant, `{"telefoonnummer":"0612399999"}`)
	if a.status != 200 {
		t.Fatalf("PATCH %s: %d %s", klant, a.status, a.body)
	}
	var after obj
	a1 := mustJSON(t, c, klant, &after)
	if str(after, "telefoonnummer") != "0612399999" || a1.header.Get("ETag") == etag0 || a1.header.Get("ETag") == "" {
		t.Errorf("after PATCH: telefoonnummer %q, ETag %q (was %q)", str(after, "telefoonnummer"), a1.header.Get("ETag"), etag0)
	}
	if nm := call(t, c, "GET", klant, "", "If-None-Match", etag0); nm.status != 200 {
		t.Errorf("the old ETag still matches: %d", nm.status)
	}

	// A new contactmoment for the klant, linked to one of his zaken.
	a = call(t, c, "POST", cmBase+"/contactmomenten", `{"bronorganisatie":"002220647","kanaal":"e-mail","tekst":"Nieuwe vraag",`+
		`"initiatiefnemer":"klant","medewerkerIdentificatie":{"identificatie":"mw-7","achternaam":"Visser"}}`)
	if a.status != 201 {
		t.Fatalf("POST contactmoment: %d %s", a.status, a.body)
	}
	var cm obj
	if err := json.Unmarshal(a.body, &cm); err != nil {
		t.Fatal(err)
	}
	cmURL := str(cm, "url")
	kb, _ := json.Marshal(obj{"contactmoment": cmURL, "klant": klant, "rol": "belanghebbende"})
	if a = call(t, c, "POST", cmBase+"/klantcontactmomenten", string(kb)); a.status != 201 {
		t.Fatalf("POST klantcontactmoment: %d %s", a.status, a.body)
	}
	var zp listPage
	zaBase := s.Instance("zaken-a").BaseURL
	mustJSON(t, c, zaBase+"/zaken?"+fBSN+"="+bm.BSN, &zp)
	zaak := str(zp.Results[0], "url")
	zb, _ := json.Marshal(obj{"zaak": zaak, "contactmoment": cmURL})
	if a = call(t, c, "POST", zaBase+"/zaakcontactmomenten", string(zb)); a.status != 201 {
		t.Fatalf("POST zaakcontactmoment: %d %s", a.status, a.body)
	}
	kcms := walk(t, c, cmBase+"/klantcontactmomenten?klant="+q(klant))
	cms := walk(t, c, cmBase+"/contactmomenten?klant="+q(klant))
	if len(kcms) != 31 || !slices.Contains(urlsOf(cms), cmURL) {
		t.Errorf("after the write: %d klantcontactmomenten, contactmomenten?klant= contains the new one: %v",
			len(kcms), slices.Contains(urlsOf(cms), cmURL))
	}
	var ocms listPage
	mustJSON(t, c, cmBase+"/objectcontactmomenten?object="+q(zaak)+"&contactmoment="+q(cmURL), &ocms)
	if ocms.Count != 1 {
		t.Errorf("the zaakcontactmoment is not mirrored by an objectcontactmoment: %d", ocms.Count)
	}
	var cmd obj
	mustJSON(t, c, cmURL, &cmd)
	if len(strs(cmd, "klantcontactmomenten")) != 1 || len(strs(cmd, "objectcontactmomenten")) != 1 {
		t.Errorf("new contactmoment lists %v and %v", cmd["klantcontactmomenten"], cmd["objectcontactmomenten"])
	}

	// Reset the data through the control endpoint.
	resp, err := http.Post(s.ControlURL()+"/reset", "application/json", bytes.NewReader([]byte(`{"data":true}`)))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("POST /reset: %d", resp.StatusCode)
	}
	var restored obj
	a2 := mustJSON(t, c, klant, &restored)
	if str(restored, "telefoonnummer") != str(before, "telefoonnummer") || a2.header.Get("ETag") != etag0 {
		t.Errorf("after reset: telefoonnummer %q (was %q), ETag %q (was %q)", str(restored, "telefoonnummer"),
			str(before, "telefoonnummer"), a2.header.Get("ETag"), etag0)
	}
	if n := len(walk(t, c, cmBase+"/klantcontactmomenten?klant="+q(klant))); n != 30 {
		t.Errorf("after reset: %d klantcontactmomenten, want 30", n)
	}
	if a = call(t, c, "GET", cmURL, ""); a.status != 404 {
		t.Errorf("after reset the new contactmoment answers %d, want 404", a.status)
	}
	mustJSON(t, c, cmBase+"/objectcontactmomenten?object="+q(zaak), &ocms)
	for _, o := range ocms.Results {
		if str(o, "contactmoment") == cmURL {
			t.Errorf("after reset the objectcontactmoment of the new contactmoment remains")
		}
	}
}

// TestDatasetConcurrentReadsAndWrites reads while writes happen, as a
// gateway does against a live provider: every read succeeds and sees a
// consistent list (the klant's contactmomenten only grow, each listed once).
func TestDatasetConcurrentReadsAndWrites(t *testing.T) {
	s := startSim(t, Config{Concurrency: 64})
	bm := showcase(t, s, gen.ShowcaseBenchmark)
	klant := bm.KlantURLs[0]
	cmBase := s.Instance("contactmomenten").BaseURL
	zaBase := s.Instance("zaken-a").BaseURL
	var zp listPage
	mustJSON(t, newCaller(t, s, "klantgraaf"), zaBase+"/zaken?"+fBSN+"="+bm.BSN, &zp)
	zaak := str(zp.Results[0], "url")
	const writes = 20

	errs := make(chan string, 1000)
	done := make(chan struct{})
	var readers sync.WaitGroup
	for i := 0; i < 4; i++ {
		readers.Add(1)
		c := newCaller(t, s, "klantgraaf")
		go func() {
			defer readers.Done()
			last := 0
			for {
				select {
				case <-done:
					return
				default:
				}
				for _, u := range []string{cmBase + "/contactmomenten?klant=" + q(klant), zaak + "?expand=rollen,status",
					cmBase + "/objectcontactmomenten?object=" + q(zaak), klant} {
					req := c.request("GET", u, "")
					resp, err := c.hc.Do(req)
					if err != nil {
						errs <- err.Error()
						return
					}
					b, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 200 {
						errs <- fmt.Sprintf("GET %s: %d %s", u, resp.StatusCode, clip(b))
						continue
					}
					if strings.Contains(u, "contactmomenten?klant=") {
						var p listPage
						if err := json.Unmarshal(b, &p); err != nil {
							errs <- err.Error()
							continue
						}
						urls := urlsOf(p.Results)
						slices.Sort(urls)
						if p.Count < last || len(slices.Compact(urls)) != len(p.Results) {
							errs <- fmt.Sprintf("contactmomenten of the klant: count %d after %d, %d distinct of %d", p.Count, last, len(urls), len(p.Results))
						}
						last = p.Count
					}
				}
			}
		}()
	}
	w := newCaller(t, s, "klantgraaf")
	for i := 0; i < writes; i++ {
		a := call(t, w, "POST", cmBase+"/contactmomenten", fmt.Sprintf(`{"bronorganisatie":"002220647","kanaal":"telefoon",`+
			`"tekst":"Vraag %d","medewerkerIdentificatie":{"identificatie":"mw-%d"}}`, i, i))
		if a.status != 201 {
			t.Fatalf("POST contactmoment: %d %s", a.status, a.body)
		}
		var cm obj
		_ = json.Unmarshal(a.body, &cm)
		kb, _ := json.Marshal(obj{"contactmoment": str(cm, "url"), "klant": klant, "rol": "gesprekspartner"})
		if a = call(t, w, "POST", cmBase+"/klantcontactmomenten", string(kb)); a.status != 201 {
			t.Fatalf("POST klantcontactmoment: %d %s", a.status, a.body)
		}
		zb, _ := json.Marshal(obj{"zaak": zaak, "contactmoment": str(cm, "url")})
		if a = call(t, w, "POST", zaBase+"/zaakcontactmomenten", string(zb)); a.status != 201 {
			t.Fatalf("POST zaakcontactmoment: %d %s", a.status, a.body)
		}
		if a = call(t, w, "PATCH", klant, fmt.Sprintf(`{"telefoonnummer":"06123400%02d"}`, i)); a.status != 200 {
			t.Fatalf("PATCH klant: %d %s", a.status, a.body)
		}
	}
	close(done)
	readers.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	var p listPage
	mustJSON(t, w, cmBase+"/contactmomenten?klant="+q(klant), &p)
	if p.Count != bm.Contactmomenten+writes {
		t.Errorf("after %d writes the klant has %d contactmomenten, want %d", writes, p.Count, bm.Contactmomenten+writes)
	}
}
