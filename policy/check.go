package policy

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// Problem is one mistake in a policy, with the path of the configuration
// field it is in (e.g. "policy.roles.analist.fields.Klant.bsnn").
type Problem struct {
	Field string
	Msg   string
}

func (p Problem) Error() string { return p.Field + ": " + p.Msg }

const maxRoleNameLen = 64

// ValidRoleName reports whether s can name a role: 1 to 64 letters, digits,
// ".", "_" or "-", starting with a letter or digit.
func ValidRoleName(s string) bool {
	if s == "" || len(s) > maxRoleNameLen {
		return false
	}
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		case (r == '-' || r == '_' || r == '.') && i > 0:
		default:
			return false
		}
	}
	return true
}

func validIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case r >= '0' && r <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// Check returns every problem in spec. With a nil schema only the shape is
// checked (names, rule values, levels); with the schema also that every root
// field, type and field exists, that types have a global id, that masks are
// on String fields and that denied fields are nullable.
func Check(spec *Spec, schema *ast.Schema) []Problem {
	if spec == nil {
		return nil
	}
	var out []Problem
	add := func(field, format string, args ...any) {
		out = append(out, Problem{Field: field, Msg: fmt.Sprintf(format, args...)})
	}
	if len(spec.Roles) == 0 {
		add("policy.roles", "at least one role is required when the policy section is present")
	}
	var query *ast.Definition
	if schema != nil {
		query = schema.Query
	}
	for _, name := range slices.Sorted(maps.Keys(spec.Roles)) {
		rs := spec.Roles[name]
		p := "policy.roles." + name
		if !ValidRoleName(name) {
			add(p, "role name must be 1 to %d letters, digits, \".\", \"_\" or \"-\", starting with a letter or digit", maxRoleNameLen)
		}
		for i, f := range rs.RootFields {
			fp := fmt.Sprintf("%s.rootFields[%d]", p, i)
			switch {
			case f == "*":
			case !validIdent(f):
				add(fp, "not a field name: %q (or \"*\" for every root field)", f)
			case query != nil && query.Fields.ForName(f) == nil:
				add(fp, "Query has no field %q; it has %s", f, strings.Join(fieldNames(query), ", "))
			}
		}
		for i, t := range rs.Types {
			tp := fmt.Sprintf("%s.types[%d]", p, i)
			switch {
			case t == "*":
			case !validIdent(t):
				add(tp, "not a type name: %q (or \"*\" for every type)", t)
			case schema != nil:
				def := schema.Types[t]
				if def == nil || !isNodeType(def) {
					add(tp, "%q is not a type with a global id; want one of %s (other types follow the object that holds them)", t, strings.Join(nodeTypeNames(schema), ", "))
				}
			}
		}
		for _, key := range slices.Sorted(maps.Keys(rs.Fields)) {
			fp := p + ".fields." + key
			rule, ok := RuleNames[strings.ToLower(rs.Fields[key])]
			if !ok {
				add(fp, "rule must be allow, mask or deny, got %q", rs.Fields[key])
			}
			typ, field, found := strings.Cut(key, ".")
			if !found || (typ != "*" && !validIdent(typ)) || !validIdent(field) {
				add(fp, "key must be Type.field or *.field, e.g. Klant.bsn")
				continue
			}
			if schema == nil || !ok {
				continue
			}
			var defs []*ast.FieldDefinition
			var owners []string
			if typ == "*" {
				for _, def := range objectTypes(schema) {
					if fd := def.Fields.ForName(field); fd != nil {
						defs, owners = append(defs, fd), append(owners, def.Name)
					}
				}
				if len(defs) == 0 {
					add(fp, "no type has a field %q", field)
					continue
				}
			} else {
				def := schema.Types[typ]
				if def == nil || def.Kind != ast.Object || strings.HasPrefix(typ, "__") {
					add(fp, "no object type %q in the schema", typ)
					continue
				}
				fd := def.Fields.ForName(field)
				if fd == nil {
					add(fp, "%s has no field %q; it has %s", typ, field, strings.Join(fieldNames(def), ", "))
					continue
				}
				defs, owners = append(defs, fd), append(owners, typ)
			}
			for i, fd := range defs {
				switch {
				case rule == Mask && fd.Type.Name() != "String":
					add(fp, "mask applies to String fields only; %s.%s is %s", owners[i], field, fd.Type.String())
				case rule == Deny && fd.Type.NonNull:
					add(fp, "%s.%s is non-null (%s): denying it would null the whole %s; deny the field that holds the %s, or mask", owners[i], field, fd.Type.String(), owners[i], owners[i])
				}
			}
		}
		if rs.MaxVertrouwelijkheid != "" && LevelIndex(rs.MaxVertrouwelijkheid) < 0 {
			add(p+".maxVertrouwelijkheid", "must be one of %s, got %q", strings.Join(Levels, ", "), rs.MaxVertrouwelijkheid)
		}
	}
	return out
}

func fieldNames(def *ast.Definition) []string {
	var out []string
	for _, f := range def.Fields {
		if !strings.HasPrefix(f.Name, "__") {
			out = append(out, f.Name)
		}
	}
	return out
}

func nodeTypeNames(schema *ast.Schema) []string {
	var out []string
	for _, def := range objectTypes(schema) {
		if isNodeType(def) {
			out = append(out, def.Name)
		}
	}
	return out
}
