package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// maxFileBytes bounds the size of a configuration file.
const maxFileBytes = 1 << 20

// FieldError is one problem with one field of the configuration.
type FieldError struct {
	// Field is the path of the field, e.g. "upstreams[2].baseUrl".
	Field string
	// Line is the line of the configuration file the field (or its nearest
	// enclosing field) was read from; 0 when unknown.
	Line int
	Msg  string
}

func (e *FieldError) Error() string {
	s := e.Field + ": " + e.Msg
	if e.Line > 0 {
		s += fmt.Sprintf(" (line %d)", e.Line)
	}
	return s
}

// LoadError is the error of Load: the file name and the problems in it.
type LoadError struct {
	Path string
	Err  error
}

func (e *LoadError) Error() string {
	var b strings.Builder
	b.WriteString("config ")
	b.WriteString(e.Path)
	b.WriteString(":")
	for _, err := range Errors(e.Err) {
		b.WriteString("\n  ")
		b.WriteString(strings.ReplaceAll(err.Error(), "\n", "\n  "))
	}
	return b.String()
}

func (e *LoadError) Unwrap() error { return e.Err }

// Errors flattens err into the individual problems it joins (see
// errors.Join); a single error is returned as a list of one.
func Errors(err error) []error {
	if err == nil {
		return nil
	}
	if le, ok := err.(*LoadError); ok {
		return Errors(le.Err)
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, Errors(e)...)
		}
		return out
	}
	return []error{err}
}

// Load reads and validates the configuration file at path. getenv looks up
// environment variables for secret expansion and overrides (os.Getenv, or
// a map lookup in tests); nil means no environment.
func Load(path string, getenv func(string) string) (*Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cfg, err := Parse(f, getenv)
	if err != nil {
		return nil, &LoadError{Path: path, Err: err}
	}
	return cfg, nil
}

// Parse reads and validates a configuration. Every problem is reported: the
// error joins one *FieldError per problem, in the order of the file.
func Parse(r io.Reader, getenv func(string) string) (*Config, error) {
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	data, err := io.ReadAll(io.LimitReader(r, maxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxFileBytes {
		return nil, fmt.Errorf("configuration is larger than %d bytes", maxFileBytes)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("invalid YAML: %w", err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil, errors.New("invalid YAML: the file must hold exactly one document")
	}

	cfg := Default()
	cfg.lines = map[string]int{}
	if len(doc.Content) > 0 {
		root := doc.Content[0]
		w := walker{lines: cfg.lines}
		w.walk(root, reflect.TypeFor[Config](), "")
		if len(w.errs) > 0 {
			return nil, joinSorted(w.errs)
		}
		if err := root.Decode(cfg); err != nil {
			return nil, fmt.Errorf("invalid configuration: %w", err)
		}
	}

	var errs []*FieldError
	errs = append(errs, cfg.resolveSecrets(getenv)...)
	errs = append(errs, cfg.resolveAccessSecrets(getenv)...)
	cfg.applyUpstreamDefaults(func(path string) bool { _, ok := cfg.lines[path]; return ok })
	errs = append(errs, cfg.validate()...)
	if len(errs) > 0 {
		return nil, joinSorted(errs)
	}
	return cfg, nil
}

// joinSorted orders the errors by line (unknown lines last) and joins them.
func joinSorted(errs []*FieldError) error {
	sort.SliceStable(errs, func(i, j int) bool {
		li, lj := errs[i].Line, errs[j].Line
		if li == 0 || lj == 0 {
			return lj == 0 && li != 0
		}
		return li < lj
	})
	out := make([]error, len(errs))
	for i, e := range errs {
		out[i] = e
	}
	return errors.Join(out...)
}

// walker checks a YAML tree against the Go type it will be decoded into:
// unknown keys, wrong shapes and values that do not decode are reported
// with their path and line, and the line of every present field is
// recorded.
type walker struct {
	errs  []*FieldError
	lines map[string]int
}

var unmarshalerType = reflect.TypeFor[yaml.Unmarshaler]()

func (w *walker) fail(n *yaml.Node, path, format string, args ...any) {
	if path == "" {
		path = "config"
	}
	w.errs = append(w.errs, &FieldError{Field: path, Line: n.Line, Msg: fmt.Sprintf(format, args...)})
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func (w *walker) walk(n *yaml.Node, t reflect.Type, path string) {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return // an empty value leaves the default in place
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) {
		if err := n.Decode(reflect.New(t).Interface()); err != nil {
			w.fail(n, path, "%s", strings.TrimPrefix(err.Error(), "yaml: "))
		}
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		w.walk(n, t.Elem(), path)
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			w.fail(n, path, "want a mapping of fields")
			return
		}
		fields := map[string]reflect.Type{}
		var names []string
		for f := range t.Fields() {
			tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if tag == "" || tag == "-" || !f.IsExported() {
				continue
			}
			fields[tag] = f.Type
			names = append(names, tag)
		}
		seen := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Tag == "!!merge" {
				// "<<: *anchor" merges the fields of another mapping.
				for v.Kind == yaml.AliasNode && v.Alias != nil {
					v = v.Alias
				}
				if v.Kind == yaml.SequenceNode {
					for _, m := range v.Content {
						w.walk(m, t, path)
					}
				} else {
					w.walk(v, t, path)
				}
				continue
			}
			p := join(path, k.Value)
			if w.duplicate(seen, k, p) {
				continue
			}
			ft, ok := fields[k.Value]
			if !ok {
				w.fail(k, p, "unknown field; known fields here: %s", strings.Join(names, ", "))
				continue
			}
			w.lines[p] = k.Line
			w.walk(v, ft, p)
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			w.fail(n, path, "want a list")
			return
		}
		for i, item := range n.Content {
			p := fmt.Sprintf("%s[%d]", path, i)
			w.lines[p] = item.Line
			w.walk(item, t.Elem(), p)
		}
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			w.fail(n, path, "want a mapping")
			return
		}
		seen := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			p := join(path, k.Value)
			if w.duplicate(seen, k, p) {
				continue
			}
			w.lines[p] = k.Line
			w.walk(v, t.Elem(), p)
		}
	default:
		if n.Kind != yaml.ScalarNode {
			w.fail(n, path, "want %s", describe(t))
			return
		}
		if err := n.Decode(reflect.New(t).Interface()); err != nil {
			w.fail(n, path, "want %s, got %q", describe(t), n.Value)
		}
	}
}

// duplicate reports (and records as an error) a key given twice in one
// mapping.
func (w *walker) duplicate(seen map[string]int, k *yaml.Node, path string) bool {
	if first, dup := seen[k.Value]; dup {
		w.fail(k, path, "given twice, first at line %d", first)
		return true
	}
	seen[k.Value] = k.Line
	return false
}

func describe(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.String:
		return "a string"
	}
	return "a " + t.Kind().String()
}

// lineOf returns the line of the field at path, or of its nearest
// enclosing field.
func (c *Config) lineOf(path string) int {
	for path != "" {
		if l, ok := c.lines[path]; ok {
			return l
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return 0
}

// EnvPrefix returns the prefix of the environment variables that override
// the credentials of the named upstream, e.g. "KLANTGRAAF_UPSTREAM_ZAKEN_A_"
// for "zaken-a".
func EnvPrefix(name string) string {
	var b strings.Builder
	b.WriteString("KLANTGRAAF_UPSTREAM_")
	for _, r := range strings.ToUpper(name) {
		if (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	b.WriteByte('_')
	return b.String()
}

// resolveSecrets expands ${VAR} references and applies the environment
// overrides.
func (c *Config) resolveSecrets(getenv func(string) string) []*FieldError {
	var errs []*FieldError
	expand := func(path string, s *string) {
		v, err := expandVars(*s, getenv)
		if err != nil {
			errs = append(errs, &FieldError{Field: path, Line: c.lineOf(path), Msg: err.Error()})
			return
		}
		*s = v
	}
	for i := range c.UpstreamConfigs {
		u := &c.UpstreamConfigs[i]
		p := fmt.Sprintf("upstreams[%d].auth.", i)
		expand(p+"clientId", &u.Auth.ClientID)
		expand(p+"secret", &u.Auth.Secret)
		expand(p+"token", &u.Auth.Token)
		if u.Name == "" {
			continue
		}
		prefix := EnvPrefix(u.Name)
		for _, o := range []struct {
			suffix string
			dst    *string
		}{{"CLIENT_ID", &u.Auth.ClientID}, {"SECRET", &u.Auth.Secret}, {"TOKEN", &u.Auth.Token}} {
			if v := getenv(prefix + o.suffix); v != "" {
				*o.dst = v
			}
		}
	}
	if c.Redis != nil {
		expand("redis.url", &c.Redis.URL)
		expand("redis.password", &c.Redis.Password)
	}
	return errs
}

// expandVars replaces ${NAME} by the value of the environment variable
// NAME; "$${" is a literal "${" and any other "$" stays as it is.
func expandVars(s string, getenv func(string) string) (string, error) {
	if !strings.Contains(s, "${") {
		return s, nil
	}
	var b strings.Builder
	var missing []string
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "$${"):
			b.WriteString("${")
			i += 3
		case strings.HasPrefix(s[i:], "${"):
			end := strings.IndexByte(s[i+2:], '}')
			if end < 0 {
				return "", errors.New(`unterminated "${" (write "$${" for a literal "${")`)
			}
			name := s[i+2 : i+2+end]
			if !validEnvName(name) {
				return "", fmt.Errorf("invalid environment variable name %q in ${...}", name)
			}
			v := getenv(name)
			if v == "" && !slices.Contains(missing, name) {
				missing = append(missing, name)
			}
			b.WriteString(v)
			i += 2 + end + 1
		default:
			b.WriteByte(s[i])
			i++
		}
	}
	if len(missing) > 0 {
		return "", fmt.Errorf("environment variable %s is not set or empty", strings.Join(missing, ", "))
	}
	return b.String(), nil
}

func validEnvName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_', r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z':
		case r >= '0' && r <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}
