// Package policy decides what a caller may read through the gateway. A
// caller (Principal) holds roles; each role of the policy names the root
// fields of Query and the object types it may read, rules for single fields
// (allow, mask or deny, e.g. "Klant.bsn": mask) and the highest
// vertrouwelijkheidaanduiding of the zaken and documents it is cleared for.
// A caller with several roles may read what any one of them may read (a
// Grant), each role along the paths it may take itself.
//
// The policy is checked against the GraphQL schema when it is built, so a
// misspelt type or field is a startup error naming the configuration field.
// Enforcement happens per resolved field (see resolvers.Enforce), so masks
// and denials hold however a field is reached: aliases, fragments,
// node(id:) or variables.
package policy

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/klantgraaf/klantgraaf/model"
)

// Principal is the authenticated caller of one request.
type Principal struct {
	// Method is how the caller authenticated: MethodToken, MethodAPIKey or
	// MethodAnonymous.
	Method string
	// Subject identifies the caller: the token's user claim, the API key's
	// client name, or "" for an anonymous caller.
	Subject string
	// Name is a readable name (the token's name claim, the client name).
	Name string
	// Roles are the caller's roles in the policy.
	Roles []string
}

// Authentication methods.
const (
	MethodToken     = "token"
	MethodAPIKey    = "apikey"
	MethodAnonymous = "anonymous"
)

type principalKey struct{}
type grantKey struct{}

// WithPrincipal returns ctx carrying the caller.
func WithPrincipal(ctx context.Context, p *Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// PrincipalFrom returns the caller carried by ctx, or nil.
func PrincipalFrom(ctx context.Context) *Principal {
	p, _ := ctx.Value(principalKey{}).(*Principal)
	return p
}

// WithGrant returns ctx carrying what the caller may read.
func WithGrant(ctx context.Context, g *Grant) context.Context {
	return context.WithValue(ctx, grantKey{}, g)
}

// GrantFrom returns the grant carried by ctx, or nil (nothing is allowed).
func GrantFrom(ctx context.Context) *Grant {
	g, _ := ctx.Value(grantKey{}).(*Grant)
	return g
}

// Rule is what happens to one field.
type Rule uint8

// The field rules, from most to least permissive.
const (
	// Allow returns the field as it is.
	Allow Rule = iota
	// Mask returns a string field with all but its last four characters
	// replaced by "*" (see MaskString).
	Mask
	// Deny returns null with a FORBIDDEN error.
	Deny
)

// RuleNames are the accepted spellings of the rules.
var RuleNames = map[string]Rule{"allow": Allow, "mask": Mask, "deny": Deny}

func (r Rule) String() string {
	switch r {
	case Mask:
		return "mask"
	case Deny:
		return "deny"
	}
	return "allow"
}

// Spec is the policy as configured.
type Spec struct {
	// Roles maps a role name to what it may read.
	Roles map[string]RoleSpec
}

// RoleSpec is what one role may read.
type RoleSpec struct {
	// RootFields are the fields of Query the role may use; "*" is all.
	RootFields []string
	// Types are the object types with a global id (Klant, Zaak, …) the role
	// may read; "*" is all. Other types (connections, addresses, …) follow
	// the object that holds them; a connection follows its node type.
	Types []string
	// Fields maps "Type.field" (or "*.field": that field on every type) to
	// "allow", "mask" or "deny". "Type.field" wins over "*.field".
	Fields map[string]string
	// MaxVertrouwelijkheid is the highest vertrouwelijkheidaanduiding of
	// the zaken and documents the role may see (e.g. "zaakvertrouwelijk");
	// "" is no limit.
	MaxVertrouwelijkheid string
}

// Levels are the vertrouwelijkheidaanduidingen from least to most
// confidential, as written in the configuration.
var Levels = func() []string {
	out := make([]string, len(model.VertrouwelijkheidLevels))
	for i, l := range model.VertrouwelijkheidLevels {
		out[i] = strings.ToLower(l)
	}
	return out
}()

// LevelIndex is the position of a level in Levels (case-insensitive), or -1.
func LevelIndex(s string) int {
	return slices.Index(Levels, strings.ToLower(s))
}

// topLevel is the index of the most confidential level: no limit.
var topLevel = len(model.VertrouwelijkheidLevels) - 1

// Policy is a compiled policy.
type Policy struct {
	// open: no policy configured; every caller may read everything.
	open   bool
	roles  map[string]*role
	schema *ast.Schema
	// conn maps a connection or edge type to its node type.
	conn   map[string]string
	grants sync.Map // sorted role list joined by "\x00" → *Grant
}

type role struct {
	name      string
	rootAll   bool
	root      map[string]bool
	typesAll  bool
	types     map[string]bool
	fields    map[fieldKey]Rule
	clearance int
}

func (r *role) open() bool {
	if !r.rootAll || !r.typesAll || r.clearance != topLevel {
		return false
	}
	for _, rule := range r.fields {
		if rule != Allow {
			return false
		}
	}
	return true
}

type fieldKey struct{ typ, field string }

// New compiles spec against the schema. A nil spec is the open policy:
// every caller may read everything. The error joins every problem Check
// finds.
func New(spec *Spec, schema *ast.Schema) (*Policy, error) {
	if spec == nil {
		return &Policy{open: true}, nil
	}
	if probs := Check(spec, schema); len(probs) > 0 {
		errs := make([]string, len(probs))
		for i, p := range probs {
			errs[i] = p.Error()
		}
		return nil, fmt.Errorf("policy: %s", strings.Join(errs, "; "))
	}
	p := &Policy{roles: map[string]*role{}, schema: schema, conn: connectionTypes(schema)}
	for name, rs := range spec.Roles {
		p.roles[name] = compileRole(name, rs, schema)
	}
	return p, nil
}

func compileRole(name string, rs RoleSpec, schema *ast.Schema) *role {
	r := &role{name: name, root: map[string]bool{}, types: map[string]bool{}, fields: map[fieldKey]Rule{}, clearance: topLevel}
	for _, f := range rs.RootFields {
		if f == "*" {
			r.rootAll = true
		}
		r.root[f] = true
	}
	for _, t := range rs.Types {
		if t == "*" {
			r.typesAll = true
		}
		r.types[t] = true
	}
	// Wildcards first, so that "Type.field" overrides "*.field".
	for _, key := range slices.Sorted(maps.Keys(rs.Fields)) {
		typ, field, _ := strings.Cut(key, ".")
		if typ != "*" {
			continue
		}
		for _, def := range objectTypes(schema) {
			if def.Fields.ForName(field) != nil {
				r.fields[fieldKey{def.Name, field}] = RuleNames[strings.ToLower(rs.Fields[key])]
			}
		}
	}
	for key, v := range rs.Fields {
		typ, field, _ := strings.Cut(key, ".")
		if typ != "*" {
			r.fields[fieldKey{typ, field}] = RuleNames[strings.ToLower(v)]
		}
	}
	if rs.MaxVertrouwelijkheid != "" {
		r.clearance = LevelIndex(rs.MaxVertrouwelijkheid)
	}
	return r
}

// Open reports whether the policy lets every caller read everything (no
// policy configured).
func (p *Policy) Open() bool { return p.open }

// Defined reports whether the policy has the role (always true for the
// open policy).
func (p *Policy) Defined(name string) bool {
	if p.open {
		return true
	}
	_, ok := p.roles[name]
	return ok
}

// Grant returns what a caller with roles may read: the most permissive
// combination of the roles the policy defines. It is nil when none of the
// roles is defined: such a caller may read nothing.
func (p *Policy) Grant(roles []string) *Grant {
	known := make([]string, 0, len(roles))
	for _, r := range roles {
		if p.Defined(r) && !slices.Contains(known, r) {
			known = append(known, r)
		}
	}
	if len(known) == 0 {
		if p.open {
			return openGrant
		}
		return nil
	}
	slices.Sort(known)
	key := strings.Join(known, "\x00")
	if g, ok := p.grants.Load(key); ok {
		return g.(*Grant)
	}
	g := p.build(known)
	actual, _ := p.grants.LoadOrStore(key, g)
	return actual.(*Grant)
}

var openGrant = &Grant{open: true}

// build combines roles. A caller with several roles may read what any one
// of them may read, along the paths that role may take: a field rule is
// combined only over the roles that can reach the field's type, so a role
// that cannot see klanten at all does not lift another role's mask on
// Klant.bsn. Likewise the clearance is the highest among the roles that
// can reach zaken or documents.
func (p *Policy) build(names []string) *Grant {
	g := &Grant{roles: names, clearance: -1}
	if p.open {
		g.open = true
		return g
	}
	rs := make([]*role, len(names))
	for i, n := range names {
		rs[i] = p.roles[n]
		if rs[i].open() {
			g.open = true
			return g
		}
	}
	reach := make([]map[string]bool, len(rs))
	for i, r := range rs {
		reach[i] = p.reachable(r)
		if reach[i]["Zaak"] || reach[i]["Document"] {
			g.clearance = max(g.clearance, r.clearance)
		}
	}
	if g.clearance < 0 {
		for _, r := range rs {
			g.clearance = max(g.clearance, r.clearance)
		}
	}
	confidential := g.clearance < topLevel
	g.decisions = map[fieldKey]*Decision{}
	for _, def := range objectTypes(p.schema) {
		for _, f := range def.Fields {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			k := fieldKey{def.Name, f.Name}
			// The most permissive of the roles that reach the type.
			d := &Decision{Rule: Deny}
			why := "may not read " + def.Name + " objects" // reached by none
			for i, r := range rs {
				if !reach[i][def.Name] {
					continue
				}
				rule, reason := p.permits(r, def, f)
				if rule == Deny && d.Rule == Deny {
					why = reason
				}
				d.Rule = min(d.Rule, rule)
			}
			if d.Rule == Deny {
				d.Reason = g.who() + " " + why
			} else {
				target, td := p.target(f)
				if td != nil && td.Kind == ast.Interface {
					d.CheckType = true
				}
				if confidential && (target == "Zaak" || target == "Document" || (td != nil && td.Kind == ast.Interface)) {
					d.CheckLevel = true
				}
			}
			if d.Rule != Allow || d.CheckType || d.CheckLevel {
				g.decisions[k] = d
			}
		}
	}
	g.typeAllowed = map[string]bool{}
	for _, t := range model.NodeTypes {
		g.typeAllowed[t] = slices.ContainsFunc(reach, func(m map[string]bool) bool { return m[t] })
	}
	return g
}

// target is the type a field leads to, a connection or edge standing for
// its node type.
func (p *Policy) target(f *ast.FieldDefinition) (string, *ast.Definition) {
	t := f.Type.Name()
	if n, ok := p.conn[t]; ok {
		t = n
	}
	return t, p.schema.Types[t]
}

// permits is role r's own rule for field f of def (Deny with the reason,
// without the role's name, when it may not read it).
func (p *Policy) permits(r *role, def *ast.Definition, f *ast.FieldDefinition) (Rule, string) {
	typeOK := func(t string) bool { return r.typesAll || r.types[t] }
	target, td := p.target(f)
	switch {
	case def.Name == p.queryName() && !r.rootAll && !r.root[f.Name]:
		return Deny, "may not use the root field " + f.Name
	case isNodeType(def) && !typeOK(def.Name):
		return Deny, "may not read " + def.Name + " objects"
	case td != nil && isNodeType(td) && !typeOK(target):
		return Deny, "may not read " + target + " objects"
	}
	rule := r.fields[fieldKey{def.Name, f.Name}]
	if rule == Deny {
		return Deny, "may not read " + def.Name + "." + f.Name
	}
	return rule, ""
}

// reachable lists the object types role r can reach from Query through
// the fields it may read (an interface leads to its types r may read).
func (p *Policy) reachable(r *role) map[string]bool {
	q := p.queryName()
	seen := map[string]bool{q: true}
	queue := []string{q}
	for len(queue) > 0 {
		def := p.schema.Types[queue[0]]
		queue = queue[1:]
		if def == nil || def.Kind != ast.Object {
			continue
		}
		for _, f := range def.Fields {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			if rule, _ := p.permits(r, def, f); rule == Deny {
				continue
			}
			nt := p.schema.Types[f.Type.Name()]
			if nt == nil {
				continue
			}
			next := []*ast.Definition{nt}
			if nt.Kind == ast.Interface || nt.Kind == ast.Union {
				next = nil
				for _, pt := range p.schema.GetPossibleTypes(nt) {
					if r.typesAll || r.types[pt.Name] {
						next = append(next, pt)
					}
				}
			}
			for _, n := range next {
				if n.Kind == ast.Object && !seen[n.Name] {
					seen[n.Name] = true
					queue = append(queue, n.Name)
				}
			}
		}
	}
	return seen
}

func (p *Policy) queryName() string {
	if p.schema.Query != nil {
		return p.schema.Query.Name
	}
	return "Query"
}

// objectTypes lists the schema's object types (introspection types
// excluded), sorted by name.
func objectTypes(schema *ast.Schema) []*ast.Definition {
	var out []*ast.Definition
	for _, name := range slices.Sorted(maps.Keys(schema.Types)) {
		def := schema.Types[name]
		if def.Kind == ast.Object && !strings.HasPrefix(name, "__") {
			out = append(out, def)
		}
	}
	return out
}

// isNodeType reports whether def is an object type with a global id.
func isNodeType(def *ast.Definition) bool {
	return def.Kind == ast.Object && slices.Contains(def.Interfaces, "Node")
}

// connectionTypes maps every connection type (a type whose edges have a
// node) and its edge type to the node type.
func connectionTypes(schema *ast.Schema) map[string]string {
	out := map[string]string{}
	for _, def := range objectTypes(schema) {
		edges := def.Fields.ForName("edges")
		if edges == nil {
			continue
		}
		edge := schema.Types[edges.Type.Name()]
		if edge == nil {
			continue
		}
		if node := edge.Fields.ForName("node"); node != nil {
			out[def.Name] = node.Type.Name()
			out[edge.Name] = node.Type.Name()
		}
	}
	return out
}
