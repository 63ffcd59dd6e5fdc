package provider

import (
	"crypto/md5"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/klantgraaf/klantgraaf/sim/data"
)

// InvalidParam is one entry of a ValidatieFout.
type InvalidParam struct {
	Name   string `json:"name"`
	Code   string `json:"code"`
	Reason string `json:"reason"`
}

// problem is the Fout / ValidatieFout body.
type Problem struct {
	Type          string         `json:"type"`
	Code          string         `json:"code"`
	Title         string         `json:"title"`
	Status        int            `json:"status"`
	Detail        string         `json:"detail"`
	Instance      string         `json:"instance"`
	InvalidParams []InvalidParam `json:"invalidParams,omitempty"`
}

func URN() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = (b[6] & 0x0f) | 0x40
	b[8] = (b[8] & 0x3f) | 0x80
	return "urn:uuid:" + data.UUID(b).String()
}

// writeProblem answers with application/problem+json.
func WriteProblem(w http.ResponseWriter, status int, code, title, detail string) {
	WriteProblemBody(w, Problem{Code: code, Title: title, Status: status, Detail: detail})
}

func WriteProblemBody(w http.ResponseWriter, p Problem) {
	if p.Type == "" {
		p.Type = "https://zgw.example/ref/fouten/" + strings.ReplaceAll(http.StatusText(p.Status), " ", "") + "/"
	}
	p.Instance = URN()
	b, _ := json.Marshal(p)
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(p.Status)
	_, _ = w.Write(b)
}

// WriteValidation answers 400 with a ValidatieFout. The specs require a
// non-empty detail.
func WriteValidation(w http.ResponseWriter, params ...InvalidParam) {
	WriteProblemBody(w, Problem{Code: "invalid", Title: "Invalid input.", Status: http.StatusBadRequest,
		Detail: "Ongeldige invoer.", InvalidParams: params})
}

func NotFound(w http.ResponseWriter) {
	WriteProblem(w, http.StatusNotFound, "not_found", "Niet gevonden.", "Niet gevonden.")
}

func MethodNotAllowed(w http.ResponseWriter) {
	WriteProblem(w, http.StatusMethodNotAllowed, "method_not_allowed", "Methode niet toegestaan.", "Methode niet toegestaan.")
}

// WriteJSON writes a JSON body with a status.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		WriteProblem(w, 500, "error", "Er is een serverfout opgetreden.", err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// ETagOf computes the ETag of a JSON body the way the ZGW providers do: a
// hash of the rendered representation.
func ETagOf(body []byte) string {
	h := md5.Sum(body)
	return `"` + hex.EncodeToString(h[:]) + `"`
}

// ETagMatches implements If-None-Match (one or more ETags, or *).
func ETagMatches(header, etag string) bool {
	if header == "" {
		return false
	}
	for _, part := range strings.Split(header, ",") {
		p := strings.TrimSpace(part)
		p = strings.TrimPrefix(p, "W/")
		if p == "*" || p == etag {
			return true
		}
	}
	return false
}

// WriteDetail writes a detail resource with an ETag, answering If-None-Match
// with an empty 304 and HEAD with the headers only.
func WriteDetail(w http.ResponseWriter, r *http.Request, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		WriteProblem(w, 500, "error", "Er is een serverfout opgetreden.", err.Error())
		return
	}
	etag := ETagOf(b)
	w.Header().Set("ETag", etag)
	if ETagMatches(r.Header.Get("If-None-Match"), etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(b)
	}
}

// PageEnvelope is the paginated list shape of the ZGW APIs.
type PageEnvelope struct {
	Count    int     `json:"count"`
	Next     *string `json:"next"`
	Previous *string `json:"previous"`
	Results  any     `json:"results"`
}

// DefaultPageSize is the providers' default page size; MaxPageSize the cap.
const (
	DefaultPageSize = 100
	MaxPageSize     = 500
)

// PageParams reads page (and pageSize when allowed) from the query.
// It returns ok=false after writing an error.
func PageParams(w http.ResponseWriter, q url.Values, allowPageSize bool) (page, size int, ok bool) {
	page, size = 1, DefaultPageSize
	if v := q.Get("page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			NotFoundPage(w)
			return 0, 0, false
		}
		page = n
	}
	if allowPageSize {
		if v := q.Get("pageSize"); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 {
				WriteValidation(w, InvalidParam{Name: "pageSize", Code: "invalid", Reason: "Een geldig getal is vereist."})
				return 0, 0, false
			}
			if n > MaxPageSize {
				n = MaxPageSize
			}
			size = n
		}
	}
	return page, size, true
}

func NotFoundPage(w http.ResponseWriter) {
	WriteProblem(w, http.StatusNotFound, "not_found", "Niet gevonden.", "Ongeldige pagina.")
}

// paginate slices refs for the requested page. It writes a 404 for a page
// past the end (as Django REST framework does) and returns ok=false.
// The envelope's Results must be filled by the caller.
func Paginate(w http.ResponseWriter, r *http.Request, base string, refs []data.Ref, allowPageSize bool) (pageRefs []data.Ref, env PageEnvelope, ok bool) {
	q := r.URL.Query()
	page, size, ok := PageParams(w, q, allowPageSize)
	if !ok {
		return nil, env, false
	}
	total := len(refs)
	start := (page - 1) * size
	if start > total || (start == total && page > 1) {
		NotFoundPage(w)
		return nil, env, false
	}
	end := start + size
	if end > total {
		end = total
	}
	env.Count = total
	link := func(p int) *string {
		q2 := cloneValues(q)
		if p == 1 {
			q2.Del("page")
		} else {
			q2.Set("page", strconv.Itoa(p))
		}
		s := AbsoluteURL(base, r.URL.Path, q2)
		return &s
	}
	if end < total {
		env.Next = link(page + 1)
	}
	if page > 1 {
		env.Previous = link(page - 1)
	}
	return refs[start:end], env, true
}

func cloneValues(q url.Values) url.Values {
	out := make(url.Values, len(q))
	for k, v := range q {
		out[k] = append([]string(nil), v...)
	}
	return out
}

// AbsoluteURL builds scheme://host from base and appends path and query.
func AbsoluteURL(base, path string, q url.Values) string {
	u, err := url.Parse(base)
	if err != nil {
		return path
	}
	s := u.Scheme + "://" + u.Host + path
	if enc := q.Encode(); enc != "" {
		s += "?" + enc
	}
	return s
}

// MaxRequestBody bounds request bodies.
const MaxRequestBody = 1 << 20

// DecodeBody reads a JSON request body into v. It writes 415 for a missing
// or wrong content type and 400 for malformed JSON.
func DecodeBody(w http.ResponseWriter, r *http.Request, v any) bool {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "application/json" {
		WriteProblem(w, http.StatusUnsupportedMediaType, "unsupported_media_type",
			"Media type niet ondersteund.", fmt.Sprintf("Ongeldige media type %q in aanvraag.", r.Header.Get("Content-Type")))
		return false
	}
	b, err := io.ReadAll(io.LimitReader(r.Body, MaxRequestBody+1))
	if err != nil || len(b) > MaxRequestBody {
		writeParseError(w, "Request body te groot of onleesbaar.")
		return false
	}
	if err := json.Unmarshal(b, v); err != nil {
		writeParseError(w, "JSON parse error - "+err.Error())
		return false
	}
	return true
}

// writeParseError answers an unreadable body with a 400 that carries
// invalidParams, as the specs' ValidatieFout requires for every 400.
func writeParseError(w http.ResponseWriter, detail string) {
	WriteProblemBody(w, Problem{Code: "parse_error", Title: "Malformed request.", Status: http.StatusBadRequest,
		Detail: detail, InvalidParams: []InvalidParam{{Name: "nonFieldErrors", Code: "parse_error", Reason: detail}}})
}
