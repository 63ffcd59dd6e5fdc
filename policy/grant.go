package policy

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/klantgraaf/klantgraaf/model"
)

// Grant is what a caller with a particular set of roles may read. It is
// immutable and shared by every request with the same roles.
type Grant struct {
	open      bool
	roles     []string
	clearance int
	// decisions holds every field that is not simply allowed.
	decisions   map[fieldKey]*Decision
	typeAllowed map[string]bool
}

// Decision is what happens to one field of one type.
type Decision struct {
	Rule Rule
	// Reason explains a Deny; it names the roles and the limit.
	Reason string
	// CheckType: the field returns an interface; the object's concrete
	// type must be allowed too.
	CheckType bool
	// CheckLevel: the field returns zaken or documents, which the caller
	// may see only up to its clearance.
	CheckLevel bool
}

// Open reports whether the grant allows everything, so that enforcement
// can be skipped.
func (g *Grant) Open() bool { return g.open }

// Roles lists the grant's roles, sorted.
func (g *Grant) Roles() []string { return g.roles }

// Decide returns the decision for field of the object type typ; nil means
// the field is allowed as it is.
func (g *Grant) Decide(typ, field string) *Decision {
	if g.open {
		return nil
	}
	return g.decisions[fieldKey{typ, field}]
}

// TypeAllowed reports whether the caller may read objects of the type (a
// type with a global id).
func (g *Grant) TypeAllowed(typ string) bool {
	if g.open {
		return true
	}
	return g.typeAllowed[typ]
}

// Clearance is the most confidential vertrouwelijkheidaanduiding the caller
// may see, as in the schema (e.g. "ZAAKVERTROUWELIJK").
func (g *Grant) Clearance() string {
	if g.open || g.clearance < 0 {
		return model.VertrouwelijkheidLevels[topLevel]
	}
	return model.VertrouwelijkheidLevels[g.clearance]
}

// Cleared reports whether the caller may see an object with the given
// vertrouwelijkheidaanduiding. An object without one (or with an unknown
// one) is treated as the most confidential.
func (g *Grant) Cleared(level *model.Vertrouwelijkheidaanduiding) bool {
	if g.open || g.clearance >= topLevel {
		return true
	}
	if level == nil {
		return false
	}
	i := LevelIndex(string(*level))
	return i >= 0 && i <= g.clearance
}

// LevelReason explains why an object of kind ("zaak", "document") with level
// is withheld.
func (g *Grant) LevelReason(kind string, level *model.Vertrouwelijkheidaanduiding) string {
	l := "without vertrouwelijkheidaanduiding"
	if level != nil {
		l = string(*level)
	}
	return fmt.Sprintf("%s is %s; %s is cleared up to %s", kind, l, g.who(), g.Clearance())
}

// TypeReason explains why objects of typ are withheld.
func (g *Grant) TypeReason(typ string) string {
	return fmt.Sprintf("%s may not read %s objects", g.who(), typ)
}

func (g *Grant) who() string {
	if len(g.roles) == 1 {
		return "role " + g.roles[0]
	}
	return "roles " + strings.Join(g.roles, ", ")
}

// MaskString hides all but the last four characters of s behind "*"; a
// value of four characters or fewer is hidden entirely.
// "999990019" becomes "*****0019".
func MaskString(s string) string {
	n := utf8.RuneCountInString(s)
	if n == 0 {
		return s
	}
	keep := 4
	if n <= keep {
		keep = 0
	}
	var b strings.Builder
	i := 0
	for _, r := range s {
		if i < n-keep {
			b.WriteByte('*')
		} else {
			b.WriteRune(r)
		}
		i++
	}
	return b.String()
}
