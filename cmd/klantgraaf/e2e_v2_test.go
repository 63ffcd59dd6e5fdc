package main

import (
	"net/url"
	"strings"
	"testing"

	"github.com/klantgraaf/klantgraaf/sim"
)

// v2Truth extends the REST truth with the Klantinteracties register:
// partijen by BSN, their klantcontacten, and the zaken those are about.
func v2Truth(t *testing.T, e *env, bsn string, tr truth) truth {
	r := e.rest()
	for _, b := range r.ofKind("klantinteracties") {
		for _, p := range r.all(b + "/partijen?partijIdentificator__codeSoortObjectId=bsn&partijIdentificator__objectId=" + bsn) {
			pu := str(p["url"])
			tr.klanten[pu] = true
			for _, kc := range r.all(b + "/klantcontacten?expand=gingOverOnderwerpobjecten&hadBetrokkene__wasPartij__url=" + url.QueryEscape(pu)) {
				cu := str(kc["url"])
				tr.contactmomenten[cu] = true
				tr.cmZaken[cu] = map[string]bool{}
				exp, _ := kc["_expand"].(map[string]any)
				objs, _ := exp["gingOverOnderwerpobjecten"].([]any)
				for _, o := range objs {
					id, _ := o.(map[string]any)["onderwerpobjectidentificator"].(map[string]any)
					for _, p := range e.sim.Providers() {
						if string(p.API) == "zaken" && registerCode(p) == str(id["codeRegister"]) {
							tr.cmZaken[cu][p.BaseURL+"/zaken/"+str(id["objectId"])] = true
						}
					}
				}
			}
			for _, zb := range r.ofKind("zaken") {
				for _, z := range r.all(zb + "/zaken?rol__betrokkene=" + url.QueryEscape(pu)) {
					tr.zaken[str(z["url"])] = true
					tr.zaak[str(z["url"])] = z
				}
			}
		}
	}
	return tr
}

// TestKlantbeeldBothGenerations: for a person only in v1, only in v2 and in
// both, the same query text gives exactly what the providers' REST APIs
// hold, each object saying which generation it came from.
func TestKlantbeeldBothGenerations(t *testing.T) {
	e := newEnv(t, sim.Config{}, nil)
	if len(e.rest().ofKind("klantinteracties")) == 0 {
		t.Fatal("the simulator serves no Klantinteracties register")
	}
	q := readQuery(t, "klantbeeld.graphql")
	for _, tc := range []struct {
		key  string
		gens []string
	}{{"benchmark", []string{"V1"}}, {"v2-alleen", []string{"V2"}}, {"v1-en-v2", []string{"V1", "V2"}}} {
		t.Run(tc.key, func(t *testing.T) {
			sc, ok := e.sim.ShowcaseByKey(tc.key)
			if !ok {
				t.Fatalf("no showcase %s", tc.key)
			}
			var got struct {
				Klantbeeld struct {
					Klanten []struct {
						URL  string
						Bron struct{ Generatie string }
					}
					Contactmomenten struct {
						Edges []struct {
							Node struct {
								URL   string
								Zaken []struct{ URL string }
							}
						}
					}
					Zaken struct {
						Edges []struct{ Node struct{ URL string } }
					}
				}
			}
			resp := e.query(q, map[string]any{"bsn": sc.BSN}, &got)
			if len(resp.Errors) > 0 {
				t.Fatalf("errors: %+v", resp.Errors)
			}
			want := v2Truth(t, e, sc.BSN, computeTruth(t, e, sc.BSN))
			kb := got.Klantbeeld
			gens := map[string]bool{}
			gk := map[string]bool{}
			for _, k := range kb.Klanten {
				gk[k.URL] = true
				gens[k.Bron.Generatie] = true
			}
			if !sameSet(gk, want.klanten) {
				t.Errorf("klanten: got %v want %v", keys(gk), keys(want.klanten))
			}
			for _, g := range tc.gens {
				if !gens[g] {
					t.Errorf("no klant of generation %s: %v", g, gens)
				}
			}
			if len(gens) != len(tc.gens) {
				t.Errorf("generations %v, want %v", gens, tc.gens)
			}
			gc := map[string]bool{}
			for _, ed := range kb.Contactmomenten.Edges {
				gc[ed.Node.URL] = true
				zs := map[string]bool{}
				for _, z := range ed.Node.Zaken {
					zs[z.URL] = true
				}
				if !sameSet(zs, want.cmZaken[ed.Node.URL]) {
					t.Errorf("contactmoment %s zaken: got %v want %v", ed.Node.URL, keys(zs), keys(want.cmZaken[ed.Node.URL]))
				}
			}
			if !sameSet(gc, want.contactmomenten) || len(gc) == 0 {
				t.Errorf("contactmomenten: got %d want %d", len(gc), len(want.contactmomenten))
			}
			gz := map[string]bool{}
			for _, ed := range kb.Zaken.Edges {
				gz[ed.Node.URL] = true
			}
			if !sameSet(gz, want.zaken) || len(gz) == 0 {
				t.Errorf("zaken: got %v want %v", keys(gz), keys(want.zaken))
			}
		})
	}
}

// TestZaakListsContactmomentenOfBothGenerations: a zaak of the person in
// both registers lists his v1 contactmomenten and v2 klantcontacten.
func TestZaakListsContactmomentenOfBothGenerations(t *testing.T) {
	e := newEnv(t, sim.Config{}, nil)
	sc, ok := e.sim.ShowcaseByKey("v1-en-v2")
	if !ok {
		t.Fatal("no showcase v1-en-v2")
	}
	var got struct {
		Klantbeeld struct {
			Zaken struct {
				Edges []struct {
					Node struct {
						URL             string
						Contactmomenten []struct {
							URL  string
							Bron struct{ Generatie string }
						}
					}
				}
			}
		}
	}
	resp := e.query(`query($bsn: String!) { klantbeeld(bsn: $bsn) { zaken(first: 100) { edges { node { url
		contactmomenten { url bron { generatie } } } } } } }`, map[string]any{"bsn": sc.BSN}, &got)
	if len(resp.Errors) > 0 {
		t.Fatalf("errors: %+v", resp.Errors)
	}
	both := 0
	for _, ed := range got.Klantbeeld.Zaken.Edges {
		g := map[string]bool{}
		for _, c := range ed.Node.Contactmomenten {
			g[c.Bron.Generatie] = true
			if c.Bron.Generatie == "V2" && !strings.Contains(c.URL, "/klantcontacten/") {
				t.Errorf("v2 contactmoment %s is not a klantcontact", c.URL)
			}
		}
		if g["V1"] && g["V2"] {
			both++
		}
	}
	if both == 0 {
		t.Fatal("no zaak lists contactmomenten of both generations")
	}
}
