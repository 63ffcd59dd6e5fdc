package main

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/klantgraaf/klantgraaf/sim"
)

type klantbeeldData struct {
	Klantbeeld struct {
		Klanten []struct {
			ID, URL, Naam, Bsn string
		}
		Contactmomenten struct {
			TotalCount int
			Edges      []struct {
				Node struct {
					URL, Registratiedatum, Kanaal string
					Zaken                         []struct{ URL, Identificatie string }
				}
			}
		}
		Zaken struct {
			TotalCount int
			Edges      []struct {
				Node struct {
					URL, Identificatie, Startdatum string
					Zaaktype                       *struct{ URL, Omschrijving string }
					Status                         *struct {
						URL        string
						Statustype *struct{ URL, Omschrijving string }
					}
					Resultaat *struct {
						URL           string
						Resultaattype *struct{ URL string }
					}
					Rollen []struct {
						URL, OmschrijvingGeneriek, Betrokkene string
						Identificatie                         *struct{ Bsn string }
					}
				}
			}
		}
		Verzoeken struct {
			TotalCount int
			Edges      []struct{ Node struct{ URL, Status string } }
		}
	}
}

// truth computes a person's klantbeeld straight from the providers' REST
// APIs, the way a careful client would.
type truth struct {
	klanten, contactmomenten, zaken, verzoeken map[string]bool
	cmZaken                                    map[string]map[string]bool // contactmoment → zaak URLs
	zaak                                       map[string]map[string]any
	statustype                                 map[string]string // status URL → statustype URL
	rollen                                     map[string]map[string]bool
	resultaattype                              map[string]string
}

func computeTruth(t *testing.T, e *env, bsn string) truth {
	r := e.rest()
	tr := truth{klanten: map[string]bool{}, contactmomenten: map[string]bool{}, zaken: map[string]bool{}, verzoeken: map[string]bool{},
		cmZaken: map[string]map[string]bool{}, zaak: map[string]map[string]any{}, statustype: map[string]string{},
		rollen: map[string]map[string]bool{}, resultaattype: map[string]string{}}
	for _, b := range r.ofKind("klanten") {
		for _, k := range r.all(b + "/klanten?subjectNatuurlijkPersoon__inpBsn=" + bsn) {
			tr.klanten[str(k["url"])] = true
		}
	}
	for k := range tr.klanten {
		for _, b := range r.ofKind("contactmomenten") {
			for _, kcm := range r.all(b + "/klantcontactmomenten?klant=" + k) {
				tr.contactmomenten[str(kcm["contactmoment"])] = true
			}
		}
		for _, b := range r.ofKind("verzoeken") {
			for _, kv := range r.all(b + "/klantverzoeken?klant=" + k) {
				tr.verzoeken[str(kv["verzoek"])] = true
			}
		}
	}
	for cm := range tr.contactmomenten {
		tr.cmZaken[cm] = map[string]bool{}
		for _, b := range r.ofKind("contactmomenten") {
			for _, o := range r.all(b + "/objectcontactmomenten?contactmoment=" + cm) {
				tr.cmZaken[cm][str(o["object"])] = true
			}
		}
	}
	for _, b := range r.ofKind("zaken") {
		queries := []string{b + "/zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=" + bsn}
		for k := range tr.klanten {
			queries = append(queries, b+"/zaken?rol__betrokkene="+k)
		}
		for _, q := range queries {
			for _, z := range r.all(q) {
				tr.zaken[str(z["url"])] = true
				tr.zaak[str(z["url"])] = z
			}
		}
	}
	for u, z := range tr.zaak {
		if s := str(z["status"]); s != "" {
			var st map[string]any
			r.get(s, &st)
			tr.statustype[s] = str(st["statustype"])
		}
		if s := str(z["resultaat"]); s != "" {
			var res map[string]any
			r.get(s, &res)
			tr.resultaattype[s] = str(res["resultaattype"])
		}
		tr.rollen[u] = map[string]bool{}
		for _, rol := range r.all(r.providerOf(u).BaseURL + "/rollen?zaak=" + u) {
			tr.rollen[u][str(rol["url"])] = true
		}
	}
	return tr
}

func TestKlantbeeldEqualsREST(t *testing.T) {
	e := newEnv(t, sim.Config{}, nil)
	for _, key := range []string{"benchmark", "vertrouwelijk", "alleen-zaken"} {
		t.Run(key, func(t *testing.T) {
			sc, ok := e.sim.ShowcaseByKey(key)
			if !ok {
				t.Fatalf("no showcase %s", key)
			}
			var got klantbeeldData
			resp := e.query(readQuery(t, "klantbeeld.graphql"), map[string]any{"bsn": sc.BSN}, &got)
			if len(resp.Errors) > 0 {
				t.Fatalf("errors: %+v", resp.Errors)
			}
			want := computeTruth(t, e, sc.BSN)
			kb := got.Klantbeeld

			gotKlanten := map[string]bool{}
			for _, k := range kb.Klanten {
				gotKlanten[k.URL] = true
				if k.Bsn != sc.BSN {
					t.Errorf("klant %s has bsn %q", k.URL, k.Bsn)
				}
			}
			if !sameSet(gotKlanten, want.klanten) {
				t.Errorf("klanten: got %v want %v", gotKlanten, want.klanten)
			}

			gotCM := map[string]bool{}
			prev := "9999"
			for _, edge := range kb.Contactmomenten.Edges {
				n := edge.Node
				gotCM[n.URL] = true
				if n.Registratiedatum > prev {
					t.Errorf("contactmomenten not newest first: %s after %s", n.Registratiedatum, prev)
				}
				prev = n.Registratiedatum
				zs := map[string]bool{}
				for _, z := range n.Zaken {
					zs[z.URL] = true
				}
				if !sameSet(zs, want.cmZaken[n.URL]) {
					t.Errorf("contactmoment %s zaken: got %v want %v", n.URL, zs, want.cmZaken[n.URL])
				}
			}
			if !sameSet(gotCM, want.contactmomenten) || kb.Contactmomenten.TotalCount != len(want.contactmomenten) {
				t.Errorf("contactmomenten: got %d (total %d) want %d", len(gotCM), kb.Contactmomenten.TotalCount, len(want.contactmomenten))
			}
			if key == "benchmark" && len(gotCM) != 30 {
				t.Errorf("benchmark person has %d contactmomenten, want 30", len(gotCM))
			}

			gotZ := map[string]bool{}
			systems := map[string]bool{}
			prevStart := "9999-99-99"
			for _, edge := range kb.Zaken.Edges {
				n := edge.Node
				gotZ[n.URL] = true
				systems[e.rest().providerOf(n.URL).Name] = true
				if n.Startdatum > prevStart {
					t.Errorf("zaken not newest first")
				}
				prevStart = n.Startdatum
				w := want.zaak[n.URL]
				if w == nil {
					continue
				}
				if n.Identificatie != str(w["identificatie"]) || n.Zaaktype == nil || n.Zaaktype.URL != str(w["zaaktype"]) {
					t.Errorf("zaak %s: identificatie/zaaktype differ from REST", n.URL)
				}
				if st := str(w["status"]); st != "" {
					if n.Status == nil || n.Status.URL != st || n.Status.Statustype == nil || n.Status.Statustype.URL != want.statustype[st] {
						t.Errorf("zaak %s: status/statustype differ from REST", n.URL)
					}
				} else if n.Status != nil {
					t.Errorf("zaak %s: status where REST has none", n.URL)
				}
				if rs := str(w["resultaat"]); rs != "" {
					if n.Resultaat == nil || n.Resultaat.Resultaattype == nil || n.Resultaat.Resultaattype.URL != want.resultaattype[rs] {
						t.Errorf("zaak %s: resultaat differs from REST", n.URL)
					}
				} else if n.Resultaat != nil {
					t.Errorf("zaak %s: resultaat where REST has none", n.URL)
				}
				rs := map[string]bool{}
				for _, rol := range n.Rollen {
					rs[rol.URL] = true
				}
				if !sameSet(rs, want.rollen[n.URL]) {
					t.Errorf("zaak %s rollen: got %d want %d", n.URL, len(rs), len(want.rollen[n.URL]))
				}
			}
			if !sameSet(gotZ, want.zaken) || kb.Zaken.TotalCount != len(want.zaken) {
				t.Errorf("zaken: got %v (total %d) want %v", keys(gotZ), kb.Zaken.TotalCount, keys(want.zaken))
			}
			if key != "vertrouwelijk" && len(systems) != 2 {
				t.Errorf("zaken come from %v, want both zaaksystemen", systems)
			}
			if key == "benchmark" && len(gotZ) != 15 {
				t.Errorf("benchmark person has %d zaken, want 15", len(gotZ))
			}

			gotV := map[string]bool{}
			for _, edge := range kb.Verzoeken.Edges {
				gotV[edge.Node.URL] = true
			}
			if !sameSet(gotV, want.verzoeken) {
				t.Errorf("verzoeken: got %v want %v", gotV, want.verzoeken)
			}
		})
	}
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestPaginationReturnsEveryItemOnce walks a klantbeeld connection and a
// search connection page by page.
func TestPaginationReturnsEveryItemOnce(t *testing.T) {
	e := newEnv(t, sim.Config{}, nil)
	sc, _ := e.sim.ShowcaseByKey("benchmark")
	walk := func(field string, args string) (seen map[string]int, total int) {
		seen = map[string]int{}
		after := ""
		for pages := 0; pages < 100; pages++ {
			q := fmt.Sprintf(`query($bsn: String!, $after: String) { klantbeeld(bsn: $bsn) { %s(first: 4, after: $after%s) {
				totalCount pageInfo { hasNextPage endCursor } edges { cursor node { url } } } } }`, field, args)
			var data struct {
				Klantbeeld map[string]struct {
					TotalCount int
					PageInfo   struct {
						HasNextPage bool
						EndCursor   string
					}
					Edges []struct{ Node struct{ URL string } }
				}
			}
			vars := map[string]any{"bsn": sc.BSN}
			if after != "" {
				vars["after"] = after
			}
			resp := e.query(q, vars, &data)
			if len(resp.Errors) > 0 {
				t.Fatalf("%s: %+v", field, resp.Errors)
			}
			c := data.Klantbeeld[field]
			total = c.TotalCount
			for _, ed := range c.Edges {
				seen[ed.Node.URL]++
			}
			if !c.PageInfo.HasNextPage {
				return seen, total
			}
			after = c.PageInfo.EndCursor
		}
		t.Fatalf("%s: pagination did not end", field)
		return nil, 0
	}
	for _, f := range []string{"zaken", "contactmomenten", "verzoeken"} {
		seen, total := walk(f, "")
		if len(seen) != total || total == 0 {
			t.Errorf("%s: saw %d distinct of %d", f, len(seen), total)
		}
		for u, n := range seen {
			if n != 1 {
				t.Errorf("%s: %s returned %d times", f, u, n)
			}
		}
	}

	// A search over both zaaksystemen: every zaak of a zaaktype once.
	var first struct {
		Zaken struct {
			Edges []struct {
				Node struct{ Zaaktype struct{ URL string } }
			}
		}
	}
	e.query(`{ zaken(filter: {bsn: "`+sc.BSN+`"}, first: 1) { edges { node { zaaktype { url } } } } }`, nil, &first)
	if len(first.Zaken.Edges) == 0 {
		t.Fatal("no zaak found")
	}
	zt := first.Zaken.Edges[0].Node.Zaaktype.URL
	seen := map[string]int{}
	total := -1
	after := ""
	for pages := 0; pages < 200; pages++ {
		var data struct {
			Zaken struct {
				TotalCount int
				PageInfo   struct {
					HasNextPage bool
					EndCursor   string
				}
				Edges []struct {
					Node struct{ URL, Startdatum string }
				}
			}
		}
		vars := map[string]any{"zt": zt}
		if after != "" {
			vars["after"] = after
		}
		resp := e.query(`query($zt: String!, $after: String) { zaken(filter: {zaaktype: $zt}, first: 7, after: $after) {
			totalCount pageInfo { hasNextPage endCursor } edges { node { url startdatum } } } }`, vars, &data)
		if len(resp.Errors) > 0 {
			t.Fatalf("search: %+v", resp.Errors)
		}
		total = data.Zaken.TotalCount
		for _, ed := range data.Zaken.Edges {
			seen[ed.Node.URL]++
		}
		if !data.Zaken.PageInfo.HasNextPage {
			break
		}
		after = data.Zaken.PageInfo.EndCursor
	}
	if len(seen) != total || total < 8 {
		t.Fatalf("search walk saw %d distinct of %d", len(seen), total)
	}
	for u, n := range seen {
		if n != 1 {
			t.Errorf("search: %s returned %d times", u, n)
		}
	}
}

// TestProviderDownGivesPartialData: with one zaaksysteem down the other's
// zaken still come, with a typed error naming the failed source.
func TestProviderDownGivesPartialData(t *testing.T) {
	e := newEnv(t, sim.Config{}, nil)
	sc, _ := e.sim.ShowcaseByKey("benchmark")
	if err := e.sim.Instance("zaken-b").SetFault(&sim.Fault{Mode: sim.FaultDown}); err != nil {
		t.Fatal(err)
	}
	var got klantbeeldData
	start := time.Now()
	resp := e.query(readQuery(t, "klantbeeld.graphql"), map[string]any{"bsn": sc.BSN}, &got)
	if time.Since(start) > 5*time.Second {
		t.Fatalf("answer took %s", time.Since(start))
	}
	if len(got.Klantbeeld.Klanten) != 1 || len(got.Klantbeeld.Contactmomenten.Edges) != 30 {
		t.Fatalf("healthy providers' data missing: %d klanten, %d contactmomenten", len(got.Klantbeeld.Klanten), len(got.Klantbeeld.Contactmomenten.Edges))
	}
	na := 0
	for _, ed := range got.Klantbeeld.Zaken.Edges {
		if !strings.HasPrefix(ed.Node.URL, e.provs["zaken-a"].BaseURL) {
			t.Errorf("zaak %s not from zaken-a", ed.Node.URL)
		}
		na++
	}
	if na != 8 {
		t.Errorf("got %d zaken from zaken-a, want 8", na)
	}
	found := false
	for _, er := range resp.Errors {
		if er.Extensions["code"] == "UPSTREAM_UNAVAILABLE" && er.Extensions["source"] == "zaken-b" {
			found = true
			if len(er.Path) == 0 {
				t.Errorf("error without path: %+v", er)
			}
		}
		if strings.Contains(er.Message, e.provs["zaken-b"].Auth.Secret) {
			t.Errorf("error leaks a secret: %s", er.Message)
		}
	}
	if !found {
		t.Fatalf("no UPSTREAM_UNAVAILABLE error for zaken-b: %+v", resp.Errors)
	}
	var src struct {
		Sources []struct {
			Name string
			Ok   bool
		}
	}
	e.query(`{ klantbeeld(bsn: "`+sc.BSN+`") { zaken { totalCount } } sources { name ok } }`, nil, &src)
	for _, s := range src.Sources {
		if (s.Name == "zaken-b") == s.Ok {
			t.Errorf("source %s ok=%v", s.Name, s.Ok)
		}
	}
}
