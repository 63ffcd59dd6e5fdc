package policy_test

import (
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/klantgraaf/klantgraaf/graph"
	"github.com/klantgraaf/klantgraaf/model"
	"github.com/klantgraaf/klantgraaf/policy"
)

func schema(t *testing.T) *ast.Schema {
	t.Helper()
	return graph.NewExecutableSchema(graph.Config{}).Schema()
}

// demo is the policy of the demo, written out.
func demo() *policy.Spec {
	return &policy.Spec{Roles: map[string]policy.RoleSpec{
		"kcc": {RootFields: []string{"*"}, Types: []string{"*"}},
		"analist": {
			RootFields:           []string{"klantbeeld", "zaak", "node", "zaken"},
			Types:                []string{"*"},
			Fields:               map[string]string{"*.bsn": "mask", "Klantbeeld.bsn": "allow", "Klant.adres": "deny"},
			MaxVertrouwelijkheid: "zaakvertrouwelijk",
		},
		"zaken-only": {RootFields: []string{"*"}, Types: []string{"Zaak", "Zaaktype", "Status", "Statustype"}},
	}}
}

func mustNew(t *testing.T, spec *policy.Spec) *policy.Policy {
	t.Helper()
	p, err := policy.New(spec, schema(t))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestGrantDecisions(t *testing.T) {
	p := mustNew(t, demo())
	if g := p.Grant([]string{"kcc"}); g == nil || !g.Open() {
		t.Fatal("kcc (everything, no clearance limit) must be an open grant")
	}
	a := p.Grant([]string{"analist"})
	if a == nil || a.Open() {
		t.Fatal("analist must be a restricted grant")
	}
	for _, c := range []struct {
		typ, field string
		rule       policy.Rule
		level      bool
	}{
		{"Klant", "bsn", policy.Mask, false},
		{"BetrokkeneIdentificatie", "bsn", policy.Mask, false}, // through *.bsn
		{"Klantbeeld", "bsn", policy.Allow, false},             // Type.field wins over *.field
		{"Klant", "adres", policy.Deny, false},
		{"Query", "klanten", policy.Deny, false}, // not among the root fields
		{"Query", "sources", policy.Deny, false},
		{"Query", "zaak", policy.Allow, true},
		{"Query", "zaken", policy.Allow, true},      // ZaakConnection: clearance applies
		{"Klantbeeld", "zaken", policy.Allow, true}, // idem
		{"Zaak", "hoofdzaak", policy.Allow, true},
		{"Zaak", "documenten", policy.Allow, true},
		{"Query", "node", policy.Allow, true},
	} {
		d := a.Decide(c.typ, c.field)
		rule, level := policy.Allow, false
		if d != nil {
			rule, level = d.Rule, d.CheckLevel
		}
		if rule != c.rule || level != c.level {
			t.Errorf("analist %s.%s = %v (level check %v), want %v (%v)", c.typ, c.field, rule, level, c.rule, c.level)
		}
		if rule == policy.Deny && !strings.Contains(d.Reason, "role analist") {
			t.Errorf("reason %q does not name the role", d.Reason)
		}
	}
	if d := a.Decide("Zaak", "omschrijving"); d != nil {
		t.Errorf("Zaak.omschrijving has decision %+v, want none", d)
	}
	if d := a.Decide("Query", "node"); d == nil || !d.CheckType {
		t.Error("node(id:) returns an interface: the concrete type must be checked")
	}

	// Several roles: the most permissive wins.
	if g := p.Grant([]string{"analist", "kcc"}); !g.Open() {
		t.Error("analist + kcc must be open")
	}
	// Unknown roles grant nothing; known ones are kept.
	if p.Grant([]string{"nobody"}) != nil || p.Grant(nil) != nil {
		t.Error("a grant without a known role must be nil")
	}
	if g := p.Grant([]string{"nobody", "analist"}); g != a {
		t.Error("grants of the same role set must be shared")
	}
}

func TestTypeRestrictions(t *testing.T) {
	p := mustNew(t, demo())
	g := p.Grant([]string{"zaken-only"})
	for _, c := range []struct {
		typ, field string
		denied     bool
	}{
		{"Query", "klant", true},
		{"Query", "klanten", true},      // KlantConnection follows Klant
		{"Klantbeeld", "klanten", true}, // [Klant!]!
		{"Rol", "klant", true},
		{"Zaak", "documenten", true},
		{"Zaak", "zaaktype", false},
		{"Query", "zaken", false},
		{"Klant", "naam", true}, // a field of a denied type (reachable only through node)
	} {
		d := g.Decide(c.typ, c.field)
		if denied := d != nil && d.Rule == policy.Deny; denied != c.denied {
			t.Errorf("%s.%s denied = %v, want %v", c.typ, c.field, denied, c.denied)
		}
	}
	if g.TypeAllowed("Klant") || !g.TypeAllowed("Zaak") {
		t.Error("TypeAllowed disagrees with the types list")
	}
}

func TestCleared(t *testing.T) {
	p := mustNew(t, demo())
	g := p.Grant([]string{"analist"})
	lv := func(s string) *model.Vertrouwelijkheidaanduiding {
		v := model.Vertrouwelijkheidaanduiding(s)
		return &v
	}
	for level, want := range map[string]bool{"OPENBAAR": true, "ZAAKVERTROUWELIJK": true, "VERTROUWELIJK": false, "GEHEIM": false, "ZEER_GEHEIM": false, "ONZIN": false} {
		if got := g.Cleared(lv(level)); got != want {
			t.Errorf("Cleared(%s) = %v, want %v", level, got, want)
		}
	}
	if g.Cleared(nil) {
		t.Error("an object without vertrouwelijkheidaanduiding must count as the most confidential")
	}
	if r := g.LevelReason("zaak", lv("GEHEIM")); !strings.Contains(r, "GEHEIM") || !strings.Contains(r, "ZAAKVERTROUWELIJK") {
		t.Errorf("reason %q must name the level and the clearance", r)
	}
	if !p.Grant([]string{"kcc"}).Cleared(nil) {
		t.Error("an open grant sees everything")
	}
}

func TestOpenPolicy(t *testing.T) {
	p, err := policy.New(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if g := p.Grant(nil); g == nil || !g.Open() {
		t.Error("without a policy every caller may read everything")
	}
	if !p.Defined("anything") {
		t.Error("without a policy every role is defined")
	}
}

func TestCheckNamesTheField(t *testing.T) {
	spec := &policy.Spec{Roles: map[string]policy.RoleSpec{
		"r": {
			RootFields:           []string{"klantbeld", "*"},
			Types:                []string{"Adres", "Klnt"},
			Fields:               map[string]string{"Klant.bsnn": "mask", "Klant.adres": "mask", "Klant.naam": "deny", "Klant.bsn": "hide", "Klant": "deny", "*.nergens": "deny", "Nope.x": "deny"},
			MaxVertrouwelijkheid: "topgeheim",
		},
		"bad name!": {},
	}}
	probs := policy.Check(spec, schema(t))
	got := map[string]string{}
	for _, p := range probs {
		got[p.Field] += p.Msg + "|"
	}
	for field, want := range map[string]string{
		"policy.roles.r.rootFields[0]":        `Query has no field "klantbeld"`,
		"policy.roles.r.types[0]":             `"Adres" is not a type with a global id`,
		"policy.roles.r.types[1]":             `"Klnt" is not a type with a global id`,
		"policy.roles.r.fields.Klant.bsnn":    `Klant has no field "bsnn"`,
		"policy.roles.r.fields.Klant.adres":   "mask applies to String fields only",
		"policy.roles.r.fields.Klant.naam":    "non-null",
		"policy.roles.r.fields.Klant.bsn":     `rule must be allow, mask or deny, got "hide"`,
		"policy.roles.r.fields.Klant":         "key must be Type.field",
		"policy.roles.r.fields.*.nergens":     `no type has a field "nergens"`,
		"policy.roles.r.fields.Nope.x":        `no object type "Nope"`,
		"policy.roles.r.maxVertrouwelijkheid": "must be one of openbaar",
		"policy.roles.bad name!":              "role name",
	} {
		if !strings.Contains(got[field], want) {
			t.Errorf("%s: problems %q, want one containing %q", field, got[field], want)
		}
	}
	if len(probs) != 12 {
		t.Errorf("%d problems, want 12: %v", len(probs), probs)
	}
	if _, err := policy.New(spec, schema(t)); err == nil {
		t.Error("New accepted a policy with problems")
	}
	// Without the schema only the shape is checked.
	shape := policy.Check(spec, nil)
	if len(shape) != 4 { // the rule "hide", the key "Klant", the level and the role name
		t.Errorf("shape problems = %v, want 4", shape)
	}
	if probs := policy.Check(demo(), schema(t)); len(probs) != 0 {
		t.Errorf("demo policy: %v", probs)
	}
	if probs := policy.Check(&policy.Spec{}, nil); len(probs) != 1 || probs[0].Field != "policy.roles" {
		t.Errorf("empty policy: %v", probs)
	}
}

func TestMaskString(t *testing.T) {
	for in, want := range map[string]string{
		"999990019": "*****0019",
		"1234":      "****",
		"12345":     "*2345",
		"":          "",
		"éééééé":    "**éééé",
		"https://brp.example.nl/ingeschrevenpersonen/999990019": strings.Repeat("*", 49) + "0019",
	} {
		if got := policy.MaskString(in); got != want {
			t.Errorf("MaskString(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestRolesCombineAlongTheirOwnPaths: a role that cannot reach a type does
// not lift another role's rules on it, nor its clearance.
func TestRolesCombineAlongTheirOwnPaths(t *testing.T) {
	p := mustNew(t, &policy.Spec{Roles: map[string]policy.RoleSpec{
		"analist": {RootFields: []string{"*"}, Types: []string{"*"}, Fields: map[string]string{"*.bsn": "mask"}, MaxVertrouwelijkheid: "zaakvertrouwelijk"},
		// Sees zaken (and the rollen's identificatie) but never a Klant.
		"zaakbeheer": {RootFields: []string{"zaken"}, Types: []string{"Zaak", "Zaaktype", "Status", "Statustype", "Rol", "Roltype"}},
		// Sees only the sources.
		"beheer": {RootFields: []string{"sources"}, Types: []string{"*"}},
	}})
	g := p.Grant([]string{"analist", "zaakbeheer"})
	rule := func(typ, field string) policy.Rule {
		if d := g.Decide(typ, field); d != nil {
			return d.Rule
		}
		return policy.Allow
	}
	if rule("Klant", "bsn") != policy.Mask {
		t.Error("zaakbeheer cannot reach Klant, yet lifted the analist's mask on Klant.bsn")
	}
	if rule("BetrokkeneIdentificatie", "bsn") != policy.Allow {
		t.Error("zaakbeheer reads rol identificaties unmasked on its own; combined it must too")
	}
	if g.Clearance() != "ZEER_GEHEIM" {
		t.Errorf("zaakbeheer reaches zaken without limit; combined clearance = %s", g.Clearance())
	}
	if rule("Query", "klanten") != policy.Allow || !g.TypeAllowed("Klant") {
		t.Error("the analist's own rights must remain")
	}

	g = p.Grant([]string{"analist", "beheer"})
	if g.Clearance() != "ZAAKVERTROUWELIJK" {
		t.Errorf("beheer reaches no zaak, yet the clearance became %s", g.Clearance())
	}
	if rule("Klant", "bsn") != policy.Mask {
		t.Error("beheer (types *, but only sources) lifted the mask")
	}
	if d := p.Grant([]string{"beheer"}).Decide("Query", "node"); d == nil || d.Rule != policy.Deny || !strings.Contains(d.Reason, "role beheer may not use the root field node") {
		t.Errorf("beheer node: %+v", d)
	}
	if p.Grant([]string{"beheer"}).TypeAllowed("Zaak") {
		t.Error("beheer cannot reach a zaak, not even through node")
	}
}
