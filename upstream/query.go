package upstream

import (
	"fmt"
	"net/url"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// Query builds a ZGW query string. Keys appear sorted; list values are
// joined with a literal comma (the specs' "style: form, explode: false"),
// each item escaped on its own so commas inside an item stay distinct.
// Empty values are left out.
type Query struct {
	kv map[string]string // key -> escaped value
}

func (q *Query) set(key, escaped string) {
	if q.kv == nil {
		q.kv = make(map[string]string)
	}
	q.kv[key] = escaped
}

// Set sets key to value, unless value is empty.
func (q *Query) Set(key, value string) {
	if value != "" {
		q.set(key, url.QueryEscape(value))
	}
}

// SetList sets key to the comma-joined values, skipping empty items.
func (q *Query) SetList(key string, values []string) {
	parts := make([]string, 0, len(values))
	for _, v := range values {
		if v != "" {
			parts = append(parts, url.QueryEscape(v))
		}
	}
	if len(parts) > 0 {
		q.set(key, strings.Join(parts, ","))
	}
}

// SetInt sets key to v, unless v is zero.
func (q *Query) SetInt(key string, v int) {
	if v != 0 {
		q.set(key, strconv.Itoa(v))
	}
}

// SetBool sets key to "true" or "false", unless v is nil.
func (q *Query) SetBool(key string, v *bool) {
	if v != nil {
		q.set(key, strconv.FormatBool(*v))
	}
}

// Encode renders the query without the leading "?".
func (q Query) Encode() string {
	keys := make([]string, 0, len(q.kv))
	for k := range q.kv {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(url.QueryEscape(k))
		b.WriteByte('=')
		b.WriteString(q.kv[k])
	}
	return b.String()
}

// AddStruct adds the fields of an options struct tagged `q:"name"`:
// string (left out when empty), []string (comma-joined), int (left out when
// zero) and *bool (left out when nil). Embedded structs are walked. Fields
// without a q tag are ignored.
func (q *Query) AddStruct(opts any) {
	v := reflect.ValueOf(opts)
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		panic(fmt.Sprintf("upstream: AddStruct needs a struct, got %s", v.Kind()))
	}
	q.addStruct(v)
}

func (q *Query) addStruct(v reflect.Value) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fv := v.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			q.addStruct(fv)
			continue
		}
		name := f.Tag.Get("q")
		if name == "" || name == "-" || !f.IsExported() {
			continue
		}
		switch fv.Kind() {
		case reflect.String:
			q.Set(name, fv.String())
		case reflect.Int, reflect.Int64, reflect.Int32:
			q.SetInt(name, int(fv.Int()))
		case reflect.Slice:
			if fv.Type().Elem().Kind() == reflect.String {
				q.SetList(name, fv.Interface().([]string))
			}
		case reflect.Pointer:
			if !fv.IsNil() && fv.Elem().Kind() == reflect.Bool {
				b := fv.Elem().Bool()
				q.SetBool(name, &b)
			}
		default:
			panic(fmt.Sprintf("upstream: unsupported query field %s of kind %s", f.Name, fv.Kind()))
		}
	}
}

// EncodeQuery renders an options struct (see AddStruct) as a query string.
func EncodeQuery(opts any) string {
	var q Query
	q.AddStruct(opts)
	return q.Encode()
}

// WithQuery appends the encoded options to path.
func WithQuery(path string, opts any) string {
	var q Query
	q.AddStruct(opts)
	return q.AppendTo(path)
}

// Bool returns a pointer to b, for *bool option fields.
func Bool(b bool) *bool { return &b }

// AppendTo appends the encoded query to path (with "?" or "&").
func (q Query) AppendTo(path string) string {
	enc := q.Encode()
	switch {
	case enc == "":
		return path
	case strings.Contains(path, "?"):
		return path + "&" + enc
	default:
		return path + "?" + enc
	}
}
