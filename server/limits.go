package server

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/klantgraaf/klantgraaf/resolvers"
)

// Limits bounds what one GraphQL operation may ask for. They are checked
// before the query is validated or executed, on the parsed document with
// every fragment expanded; a query over a limit is refused as a whole with
// a request error whose extensions.code names the limit (QUERY_TOO_DEEP,
// QUERY_TOO_COMPLEX, TOO_MANY_ALIASES, TOO_MANY_ROOT_FIELDS) and whose
// message gives the query's value and the limit. A zero field means no
// limit.
type Limits struct {
	// MaxDepth bounds the nesting of fields: { a { b } } is 2 deep.
	MaxDepth int
	// MaxComplexity bounds the cost of the operation (see Complexity).
	MaxComplexity int
	// MaxAliases bounds the aliased fields, counted once per place a
	// fragment is spread.
	MaxAliases int
	// MaxRootFields bounds the distinct root fields (by response name).
	MaxRootFields int
}

// Bounds that always hold, whatever the configured Limits: they keep the
// parser and the validator's work small for any body that fits the body
// limit.
const (
	// MaxQueryTokens bounds the tokens of a query document
	// (QUERY_TOO_LARGE).
	MaxQueryTokens = 10000
	// MaxFieldRepeats bounds how often one response name may be selected in
	// one selection set, fragments expanded (QUERY_TOO_COMPLEX): checking
	// that the repeats can be merged costs the validator the square of it.
	MaxFieldRepeats = 30
)

// The cost model of MaxComplexity, defined here and nowhere else.
const (
	// RelationListFactor is the number of objects a list of related
	// objects (Zaak.rollen, Contactmoment.zaken, Klantbeeld.klanten, …) is
	// assumed to hold.
	RelationListFactor = 10
)

// Complexity is the cost of a selection, the quantity MaxComplexity
// bounds:
//
//   - every field costs 1, plus the cost of its selection times a
//     multiplier that is 1 except for
//   - a field with a `first` argument (a connection, e.g. klantbeeld.zaken
//     or the zaken search): `first` (the argument, a variable, or the
//     schema's default; at least 1), its edges then count once, and
//   - a list of related objects (a list field whose items are objects,
//     outside a connection): RelationListFactor.
//
// Fragments count once for every place they are spread. Introspection lists
// (__Type and the like) count their items once. The cost is never less than
// the number of fields the query selects with fragments expanded, so the
// limit also bounds that.
//
// For example { zaak(url: $u) { identificatie rollen { omschrijving } } }
// costs 1 + (1 + (1 + 10 × 1)) = 13, and
// { zaken(filter: $f, first: 20) { edges { node { identificatie } } } }
// costs 1 + 20 × (1 + (1 + 1)) = 61.
func Complexity(schema *ast.Schema, query, operationName string, variables map[string]any) (int, error) {
	doc, err := parser.ParseQuery(&ast.Source{Input: query})
	if err != nil {
		return 0, err
	}
	op := doc.Operations.ForName(operationName)
	if op == nil {
		return 0, fmt.Errorf("operation %q not found", operationName)
	}
	w := newQueryWalker(schema, doc, op, variables)
	return w.operation(op).cost, nil
}

// queryGuard is the gqlgen extension that enforces Limits, the token and
// repeat bounds, and the introspection switch. It runs as an operation
// parameter mutator, after the persisted-query lookup and before gqlgen
// parses and validates the query (whose validation would otherwise be the
// first thing a hostile document keeps busy).
type queryGuard struct {
	limits        Limits
	schema        *ast.Schema
	introspection bool
	// verdicts remembers, by the sha256 of the query, the outcome for
	// queries whose outcome does not depend on their variables.
	verdicts *lru.LRU[*gqlerror.Error]
}

// guardVerdicts is the number of outcomes the guard remembers.
const guardVerdicts = 1000

func newQueryGuard(l Limits, introspection bool) *queryGuard {
	return &queryGuard{limits: l, introspection: introspection, verdicts: lru.New[*gqlerror.Error](guardVerdicts)}
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = (*queryGuard)(nil)

func (*queryGuard) ExtensionName() string { return "QueryLimits" }

func (g *queryGuard) Validate(es graphql.ExecutableSchema) error {
	g.schema = es.Schema()
	return nil
}

// limitError is a request error naming a limit.
func limitError(code string, limit int, format string, args ...any) *gqlerror.Error {
	return &gqlerror.Error{
		Message:    fmt.Sprintf(format, args...),
		Extensions: map[string]any{"code": code, "limit": limit},
	}
}

func (g *queryGuard) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	if p.Query == "" {
		return nil
	}
	sum := sha256.Sum256([]byte(p.Query))
	key := string(sum[:])
	if v, ok := g.verdicts.Get(ctx, key); ok {
		return copyError(v)
	}
	verdict, usedVars := g.verdict(p)
	if !usedVars {
		g.verdicts.Add(ctx, key, verdict)
	}
	return copyError(verdict)
}

// copyError returns a copy of e (nil for nil): a remembered verdict is
// handed out afresh to every request.
func copyError(e *gqlerror.Error) *gqlerror.Error {
	if e == nil {
		return nil
	}
	c := *e
	c.Extensions = maps.Clone(e.Extensions)
	return &c
}

// verdict checks a query; usedVars reports whether the outcome depended on
// the variables.
func (g *queryGuard) verdict(p *graphql.RawParams) (_ *gqlerror.Error, usedVars bool) {
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: p.Query}, MaxQueryTokens)
	if err != nil {
		msg := err.Error()
		switch {
		case strings.Contains(msg, "exceeded token limit"):
			return limitError(resolvers.CodeQueryTooLarge, MaxQueryTokens,
				"the query has more than %d tokens, the limit of this server", MaxQueryTokens), false
		case strings.Contains(msg, "exceeded maximum nesting depth"):
			limit := g.limits.MaxDepth
			if limit <= 0 {
				limit = parser.MaxNestingDepth
			}
			return limitError(resolvers.CodeQueryTooDeep, limit,
				"the query nests more than %d levels deep; the limit is %d (limits.maxDepth)", parser.MaxNestingDepth, limit), false
		}
		return nil, false // gqlgen reports the syntax error itself
	}
	for _, op := range doc.Operations {
		w := newQueryWalker(g.schema, doc, op, p.Variables)
		s := w.operation(op)
		usedVars = usedVars || w.usedVars
		if err := g.check(op, s); err != nil {
			return err, usedVars
		}
		if w.repeats > MaxFieldRepeats {
			return limitError(resolvers.CodeQueryTooComplex, MaxFieldRepeats,
				"the field %q is selected %d times in one selection set (fragments expanded); the limit is %d",
				w.repeatedKey, w.repeats, MaxFieldRepeats), usedVars
		}
	}
	// Fragments no operation uses are refused by validation, which still
	// has to read them first.
	w := newQueryWalker(g.schema, doc, nil, p.Variables)
	for _, f := range doc.Fragments {
		w.fragment(f.Name)
		if w.repeats > MaxFieldRepeats {
			return limitError(resolvers.CodeQueryTooComplex, MaxFieldRepeats,
				"the field %q is selected %d times in one selection set (fragments expanded); the limit is %d",
				w.repeatedKey, w.repeats, MaxFieldRepeats), usedVars
		}
	}
	return nil, usedVars
}

func (g *queryGuard) check(op *ast.OperationDefinition, s *selectionSummary) *gqlerror.Error {
	l := g.limits
	if !g.introspection && s.introspects {
		return &gqlerror.Error{
			Message:    "introspection is disabled on this server (introspection: false): __schema and __type cannot be queried",
			Extensions: map[string]any{"code": resolvers.CodeIntrospectionDisabled},
		}
	}
	if l.MaxDepth > 0 && s.depth > l.MaxDepth {
		return limitError(resolvers.CodeQueryTooDeep, l.MaxDepth,
			"the query is %d levels deep; the limit is %d (limits.maxDepth)", s.depth, l.MaxDepth)
	}
	if l.MaxRootFields > 0 && len(s.keys) > l.MaxRootFields {
		return limitError(resolvers.CodeTooManyRootFields, l.MaxRootFields,
			"the %s selects %d root fields; the limit is %d (limits.maxRootFields)", opKind(op), len(s.keys), l.MaxRootFields)
	}
	if l.MaxAliases > 0 && s.aliases > l.MaxAliases {
		return limitError(resolvers.CodeTooManyAliases, l.MaxAliases,
			"the query uses %s aliases (fragments expanded); the limit is %d (limits.maxAliases)", count(s.aliases), l.MaxAliases)
	}
	if l.MaxComplexity > 0 && s.cost > l.MaxComplexity {
		return limitError(resolvers.CodeQueryTooComplex, l.MaxComplexity,
			"the query's complexity is %s; the limit is %d (limits.maxComplexity). A connection costs first × its selection, a list of related objects %d × its selection, every other field 1: ask for fewer items or relations",
			count(s.cost), l.MaxComplexity, RelationListFactor)
	}
	return nil
}

func opKind(op *ast.OperationDefinition) string {
	if op.Operation == "" {
		return "query"
	}
	return string(op.Operation)
}

// count prints a saturated counter as "more than …".
func count(n int) string {
	if n >= satMax {
		return fmt.Sprintf("more than %d", satMax)
	}
	return strconv.Itoa(n)
}

// selectionSummary is what the limits need to know of a selection set,
// fragments expanded.
type selectionSummary struct {
	depth   int
	aliases int
	cost    int
	// keys counts the response names selected at this level.
	keys map[string]int
	// introspects: __schema or __type is selected at this level.
	introspects bool
}

// satMax caps every counter, so that a fragment that doubles at every
// level cannot overflow them.
const satMax = 1 << 40

func satAdd(a, b int) int { return min(a+b, satMax) }

func satMul(a, b int) int {
	if a == 0 || b == 0 {
		return 0
	}
	if a > satMax/b {
		return satMax
	}
	return min(a*b, satMax)
}

// queryWalker computes selection summaries over a parsed (not yet
// validated) document. Each fragment is summarised once per operation, so
// the work is linear in the size of the document however often fragments
// are spread; a fragment that spreads itself contributes nothing (the
// validator refuses it).
type queryWalker struct {
	schema *ast.Schema
	doc    *ast.QueryDocument
	op     *ast.OperationDefinition
	vars   map[string]any

	frags   map[string]*selectionSummary
	active  map[string]bool
	repeats int
	// repeatedKey is the response name selected repeats times.
	repeatedKey string
	// usedVars: a variable's value went into a summary.
	usedVars bool
}

func newQueryWalker(schema *ast.Schema, doc *ast.QueryDocument, op *ast.OperationDefinition, vars map[string]any) *queryWalker {
	return &queryWalker{schema: schema, doc: doc, op: op, vars: vars,
		frags: map[string]*selectionSummary{}, active: map[string]bool{}}
}

func (w *queryWalker) operation(op *ast.OperationDefinition) *selectionSummary {
	var root *ast.Definition
	if w.schema != nil {
		switch op.Operation {
		case ast.Mutation:
			root = w.schema.Mutation
		case ast.Subscription:
			root = w.schema.Subscription
		default:
			root = w.schema.Query
		}
	}
	return w.selection(op.SelectionSet, root)
}

func (w *queryWalker) fragment(name string) *selectionSummary {
	if s, ok := w.frags[name]; ok {
		return s
	}
	if w.active[name] {
		return &selectionSummary{}
	}
	def := w.doc.Fragments.ForName(name)
	if def == nil {
		return &selectionSummary{}
	}
	w.active[name] = true
	s := w.selection(def.SelectionSet, w.typeNamed(def.TypeCondition))
	delete(w.active, name)
	w.frags[name] = s
	return s
}

func (w *queryWalker) typeNamed(name string) *ast.Definition {
	if w.schema == nil || name == "" {
		return nil
	}
	return w.schema.Types[name]
}

// selection summarises a selection set on the type parent (nil when
// unknown: the validator will say so).
func (w *queryWalker) selection(set ast.SelectionSet, parent *ast.Definition) *selectionSummary {
	s := &selectionSummary{keys: map[string]int{}}
	merge := func(o *selectionSummary) {
		s.depth = max(s.depth, o.depth)
		s.aliases = satAdd(s.aliases, o.aliases)
		s.cost = satAdd(s.cost, o.cost)
		s.introspects = s.introspects || o.introspects
		for k, n := range o.keys {
			s.keys[k] = satAdd(s.keys[k], n)
		}
	}
	for _, sel := range set {
		switch sel := sel.(type) {
		case *ast.Field:
			key := sel.Alias
			if key == "" {
				key = sel.Name
			}
			s.keys[key] = satAdd(s.keys[key], 1)
			if sel.Alias != "" && sel.Alias != sel.Name {
				s.aliases = satAdd(s.aliases, 1)
			}
			if sel.Name == "__schema" || sel.Name == "__type" {
				s.introspects = true
			}
			def, child := w.field(parent, sel.Name)
			sub := w.selection(sel.SelectionSet, child)
			s.depth = max(s.depth, 1+sub.depth)
			s.aliases = satAdd(s.aliases, sub.aliases)
			s.cost = satAdd(s.cost, satAdd(1, satMul(w.multiplier(parent, def, sel), sub.cost)))
		case *ast.InlineFragment:
			t := parent
			if sel.TypeCondition != "" {
				t = w.typeNamed(sel.TypeCondition)
			}
			merge(w.selection(sel.SelectionSet, t))
		case *ast.FragmentSpread:
			merge(w.fragment(sel.Name))
		}
	}
	for k, n := range s.keys {
		if n > w.repeats {
			w.repeats, w.repeatedKey = n, k
		}
	}
	return s
}

// field looks up a field of parent and the type it selects from.
func (w *queryWalker) field(parent *ast.Definition, name string) (*ast.FieldDefinition, *ast.Definition) {
	if parent == nil || w.schema == nil {
		return nil, nil
	}
	var def *ast.FieldDefinition
	switch name {
	case "__schema":
		def = &ast.FieldDefinition{Name: name, Type: ast.NonNullNamedType("__Schema", nil)}
	case "__type":
		def = &ast.FieldDefinition{Name: name, Type: ast.NamedType("__Type", nil)}
	case "__typename":
		return nil, nil
	default:
		def = parent.Fields.ForName(name)
	}
	if def == nil {
		return nil, nil
	}
	return def, w.typeNamed(def.Type.Name())
}

// multiplier is how often a field's selection counts (see Complexity).
func (w *queryWalker) multiplier(parent *ast.Definition, def *ast.FieldDefinition, f *ast.Field) int {
	if def == nil {
		return 1
	}
	if a := def.Arguments.ForName("first"); a != nil {
		return max(w.intArg(f, a), 1)
	}
	if def.Type.Elem == nil {
		return 1
	}
	item := w.typeNamed(def.Type.Name())
	if item == nil || strings.HasPrefix(item.Name, "__") || parent == nil || strings.HasSuffix(parent.Name, "Connection") {
		return 1
	}
	switch item.Kind {
	case ast.Object, ast.Interface, ast.Union:
		return RelationListFactor
	}
	return 1
}

// intArg is the value of an Int argument: given literally, by a variable
// (or the variable's default) or by the schema's default.
func (w *queryWalker) intArg(f *ast.Field, def *ast.ArgumentDefinition) int {
	if a := f.Arguments.ForName(def.Name); a != nil && a.Value != nil {
		switch a.Value.Kind {
		case ast.IntValue:
			return parseCount(a.Value.Raw)
		case ast.Variable:
			w.usedVars = true
			if v, ok := w.vars[a.Value.Raw]; ok {
				if v != nil {
					return anyCount(v)
				}
			} else if w.op != nil {
				if vd := w.op.VariableDefinitions.ForName(a.Value.Raw); vd != nil && vd.DefaultValue != nil && vd.DefaultValue.Kind == ast.IntValue {
					return parseCount(vd.DefaultValue.Raw)
				}
			}
		case ast.NullValue:
		default:
			return 1
		}
	}
	if def.DefaultValue != nil && def.DefaultValue.Kind == ast.IntValue {
		return parseCount(def.DefaultValue.Raw)
	}
	return 1
}

func parseCount(s string) int {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		if strings.HasPrefix(s, "-") {
			return 0
		}
		return satMax // too large for an int64: over any limit
	}
	return int(min(max(n, 0), satMax))
}

func anyCount(v any) int {
	switch v := v.(type) {
	case json.Number:
		return parseCount(v.String())
	case float64:
		if v <= 0 || math.IsNaN(v) {
			return 0
		}
		return int(min(v, satMax))
	case int:
		return min(max(v, 0), satMax)
	case int64:
		return int(min(max(v, 0), satMax))
	}
	return 1
}
