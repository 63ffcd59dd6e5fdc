package documenten

import (
	"bytes"
	"image"
	_ "image/jpeg"
	_ "image/png"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/klantgraaf/klantgraaf/sim/data"
)

func TestListVisibilityAndOrder(t *testing.T) {
	f := newFixture(t)
	p, its := f.list("/enkelvoudiginformatieobjecten")
	// The geheim document is above the ceiling, documenten-b's is elsewhere.
	if p.Count != 3+fillers || len(its) != 100 {
		t.Fatalf("count %d, %d items", p.Count, len(its))
	}
	if got := field(its[:3], "identificatie"); !slices.Equal(got, []string{"DOC-2024-0001", "DOC-2024-0002", "DOC-2024-0003"}) {
		t.Errorf("registration order: %v", got)
	}
	p, _ = f.list("/enkelvoudiginformatieobjecten", "X-Test-Max", "zeer_geheim")
	if p.Count != 4+fillers {
		t.Errorf("with ceiling zeer_geheim: count %d", p.Count)
	}
	p, _ = f.list("/enkelvoudiginformatieobjecten", "X-Test-Max", "openbaar")
	if p.Count != 1+fillers {
		t.Errorf("with ceiling openbaar: count %d", p.Count)
	}
	expectStatus(t, f.do("GET", "/enkelvoudiginformatieobjecten", nil, "X-Test-Scopes", "zaken.lezen"), 403)
}

func TestListFilters(t *testing.T) {
	f := newFixture(t)
	esc := url.QueryEscape
	zaak0 := f.otherURL("zaken-a", "zaken", "zaak", 0)
	zaak1 := f.otherURL("zaken-a", "zaken", "zaak", 1)
	verzoek0 := f.otherURL("verzoeken", "verzoeken", "verzoek", 0)
	verzoekWeg := f.otherURL("verzoeken", "verzoeken", "verzoek", 1)
	iotBesluit := f.otherURL("catalogi-a", "informatieobjecttypen", "iot", 1)
	cases := []struct {
		query string
		want  []string // identificaties (only checked when count is small)
		count int
	}{
		{"?bronorganisatie=002220647", []string{"DOC-2024-0001", "DOC-2024-0002"}, 2},
		{"?identificatie=DOC-2024-0003", []string{"DOC-2024-0003"}, 1},
		{"?identificatie=DOC-2024-0004", nil, 0}, // invisible
		{"?identificatie=DOC-B-0001", nil, 0},    // other instance
		{"?informatieobjecttype=" + esc(iotBesluit), []string{"DOC-2024-0002"}, 1},
		{"?informatieobjecttype=" + esc(strings.Replace(iotBesluit, "catalogi-a", "catalogi-b", 1)), nil, 0},
		{"?objectinformatieobjecten__object=" + esc(zaak0), []string{"DOC-2024-0001", "DOC-2024-0002"}, 2},
		{"?objectinformatieobjecten__object=" + esc(zaak1), nil, 0}, // its link is deleted
		{"?objectinformatieobjecten__object=" + esc(verzoek0), []string{"DOC-2024-0003"}, 1},
		{"?objectinformatieobjecten__object=" + esc(verzoekWeg), nil, 0},
		{"?objectinformatieobjecten__object=geen-url", nil, 0},
		{"?objectinformatieobjecten__object=" + esc(zaak0) + "&titel=besluit", []string{"DOC-2024-0002"}, 1},
		{"?objectinformatieobjecten__objectType=verzoek", []string{"DOC-2024-0003"}, 1},
		{"?objectinformatieobjecten__objectType=besluit", nil, 0},
		{"?vertrouwelijkheidaanduiding=zaakvertrouwelijk", []string{"DOC-2024-0002"}, 1},
		{"?vertrouwelijkheidaanduiding=geheim", nil, 0},
		{"?creatiedatum__gte=2024-02-01&creatiedatum__lte=2024-03-05", []string{"DOC-2024-0002", "DOC-2024-0003"}, 2},
		{"?creatiedatum__lte=2023-06-02", []string{"DOC-F0000", "DOC-F0001"}, 2},
		{"?titel=PARKEERVERGUNNING", []string{"DOC-2024-0001", "DOC-2024-0002"}, 2},
		{"?auteur=de%20vries", []string{"DOC-2024-0003"}, 1},
		{"?beschrijving=bijlagen", []string{"DOC-2024-0001"}, 1},
		{"?trefwoorden=parkeren,besluit", []string{"DOC-2024-0002"}, 1},
		{"?trefwoorden__overlap=aanvraag,besluit", []string{"DOC-2024-0001", "DOC-2024-0002"}, 2},
		{"?locked=true", nil, 0},
		{"?locked=false&bronorganisatie=002220647", []string{"DOC-2024-0001", "DOC-2024-0002"}, 2},
		{"?onbekend=x&identificatie=DOC-2024-0001", []string{"DOC-2024-0001"}, 1},
		{"?titel=Bijlage", nil, fillers},
	}
	for _, c := range cases {
		p, its := f.list("/enkelvoudiginformatieobjecten" + c.query)
		if p.Count != c.count {
			t.Errorf("%s: count %d, want %d", c.query, p.Count, c.count)
			continue
		}
		if c.count <= 5 {
			if got := field(its, "identificatie"); !slices.Equal(got, c.want) {
				t.Errorf("%s: got %v, want %v", c.query, got, c.want)
			}
		}
	}

	bad := []struct{ query, name, code string }{
		{"?vertrouwelijkheidaanduiding=topgeheim", "vertrouwelijkheidaanduiding", "invalid_choice"},
		{"?objectinformatieobjecten__objectType=klant", "objectinformatieobjecten__objectType", "invalid_choice"},
		{"?creatiedatum__gte=10-01-2024", "creatiedatum__gte", "invalid"},
		{"?ordering=identificatie", "ordering", "invalid_choice"},
		{"?expand=zaak", "expand", "invalid_choice"},
	}
	for _, c := range bad {
		ex := f.do("GET", "/enkelvoudiginformatieobjecten"+c.query, nil)
		expectStatus(t, ex, 400)
		if pr := problem(t, ex); len(pr.InvalidParams) != 1 || pr.InvalidParams[0].Name != c.name || pr.InvalidParams[0].Code != c.code {
			t.Errorf("%s: %s", c.query, ex.Body)
		}
	}
}

func TestOrdering(t *testing.T) {
	f := newFixture(t)
	base := "/enkelvoudiginformatieobjecten?bronorganisatie=002220647"
	for q, want := range map[string][]string{
		"&ordering=-creatiedatum":                      {"DOC-2024-0002", "DOC-2024-0001"},
		"&ordering=titel":                              {"DOC-2024-0001", "DOC-2024-0002"},
		"&ordering=-titel":                             {"DOC-2024-0002", "DOC-2024-0001"},
		"&ordering=-bestandsomvang":                    {"DOC-2024-0001", "DOC-2024-0002"},
		"&ordering=status,-auteur":                     {"DOC-2024-0001", "DOC-2024-0002"},
		"&ordering=vertrouwelijkheidaanduiding":        {"DOC-2024-0001", "DOC-2024-0002"},
		"&ordering=-vertrouwelijkheidaanduiding,titel": {"DOC-2024-0002", "DOC-2024-0001"},
	} {
		_, its := f.list(base + q)
		if got := field(its, "identificatie"); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", q, got, want)
		}
	}
	// Over the fillers: newest creatiedatum first.
	_, its := f.list("/enkelvoudiginformatieobjecten?titel=Bijlage&ordering=-creatiedatum&pageSize=2")
	if got := field(its, "identificatie"); !slices.Equal(got, []string{"DOC-F0119", "DOC-F0118"}) {
		t.Errorf("fillers by -creatiedatum: %v", got)
	}
}

func TestPaginationWalk(t *testing.T) {
	f := newFixture(t)
	next := f.url("/enkelvoudiginformatieobjecten?pageSize=25&bronorganisatie=001005650")
	seen := map[string]bool{}
	pages := 0
	for next != "" {
		p, its := f.list(next)
		pages++
		if pages > 1 && p.Previous == nil {
			t.Errorf("page %d without previous", pages)
		}
		for _, it := range its {
			u := it["url"].(string)
			if seen[u] {
				t.Fatalf("duplicate %s", u)
			}
			seen[u] = true
		}
		next = ""
		if p.Next != nil {
			next = *p.Next
			if !strings.Contains(next, "bronorganisatie=001005650") || !strings.Contains(next, "pageSize=25") {
				t.Errorf("next drops the filters: %s", next)
			}
		}
	}
	if want := 1 + fillers; len(seen) != want || pages != (want+24)/25 {
		t.Errorf("walked %d pages, %d documents", pages, len(seen))
	}
	p, _ := f.list("/enkelvoudiginformatieobjecten?page=2")
	if p.Next != nil || p.Previous == nil || len(p.Results) != 3+fillers-100 {
		t.Errorf("page 2: %d results, next %v", len(p.Results), p.Next)
	}
}

func TestDetail(t *testing.T) {
	f := newFixture(t)
	u := f.eioURL(0)
	ex := f.do("GET", u, nil)
	expectStatus(t, ex, 200)
	doc := decode[map[string]any](t, ex)
	want := map[string]any{
		"url": u, "identificatie": "DOC-2024-0001", "bronorganisatie": "002220647", "creatiedatum": "2024-01-10",
		"titel": "Aanvraag parkeervergunning Café (Noord)", "vertrouwelijkheidaanduiding": "openbaar", "auteur": "J. Jansen",
		"status": "definitief", "formaat": "application/pdf", "taal": "dut", "versie": float64(1),
		"beginRegistratie": "2024-01-10T10:00:00Z", "bestandsnaam": "aanvraag.pdf", "inhoud": u + "/download?versie=1",
		"bestandsomvang": float64(5000), "informatieobjecttype": f.otherURL("catalogi-a", "informatieobjecttypen", "iot", 0),
		"locked": false, "ondertekening": nil, "integriteit": nil, "indicatieGebruiksrecht": nil, "link": "",
	}
	for k, v := range want {
		if doc[k] != v {
			t.Errorf("%s = %v, want %v", k, doc[k], v)
		}
	}
	if _, ok := doc["_expand"]; ok {
		t.Error("_expand without expand")
	}
	etag := ex.Header.Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	ex = f.do("GET", u, nil, "If-None-Match", etag)
	expectStatus(t, ex, 304)
	if len(ex.Body) != 0 {
		t.Error("304 with a body")
	}
	ex = f.do("HEAD", u, nil)
	expectStatus(t, ex, 200)
	if ex.Header.Get("ETag") != etag || len(ex.Body) != 0 {
		t.Errorf("HEAD: %q %q", ex.Header.Get("ETag"), ex.Body)
	}
	expectStatus(t, f.do("GET", u+"?versie=1", nil), 200)
	expectStatus(t, f.do("GET", u+"?registratieOp=2024-02-01T00:00:00Z", nil), 200)

	// The second document defaults its taal and beginRegistratie; its stored
	// size is below that of its file, so the file's size is shown.
	d1 := decode[map[string]any](t, f.do("GET", f.eioURL(1), nil))
	if d1["taal"] != "dut" || d1["beginRegistratie"] != "2024-02-01T00:00:00Z" || d1["versie"] != float64(2) ||
		d1["inhoud"] != f.eioURL(1)+"/download?versie=2" || d1["bestandsomvang"].(float64) <= 10 {
		t.Errorf("document 1: %v", d1)
	}

	for _, c := range []struct {
		target string
		hdr    []string
		status int
	}{
		{f.eioURL(3), nil, 404},                                                          // geheim, above the ceiling
		{f.eioURL(3), []string{"X-Test-Max", "geheim"}, 200},                             // within it
		{f.eioURL(1), []string{"X-Test-Max", "intern"}, 404},                             // zaakvertrouwelijk
		{f.url("/enkelvoudiginformatieobjecten/" + uuidOf("eio", 4).String()), nil, 404}, // documenten-b's
		{f.url("/enkelvoudiginformatieobjecten/" + uuidOf("eio", 999).String()), nil, 404},
		{f.url("/enkelvoudiginformatieobjecten/nope"), nil, 404},
		{u + "?versie=2", nil, 404},
		{u + "?registratieOp=2024-01-01T00:00:00Z", nil, 404},
		{u, []string{"X-Test-Scopes", "catalogi.lezen"}, 403},
	} {
		expectStatus(t, f.do("GET", c.target, nil, c.hdr...), c.status)
	}
}

func TestExpand(t *testing.T) {
	f := newFixture(t)
	iot := f.otherURL("catalogi-a", "informatieobjecttypen", "iot", 1)
	check := func(doc map[string]any) {
		t.Helper()
		x, _ := doc["_expand"].(map[string]any)
		it, _ := x["informatieobjecttype"].(map[string]any)
		if it["url"] != iot || it["omschrijving"] != "Besluit" || it["vertrouwelijkheidaanduiding"] != "zaakvertrouwelijk" ||
			it["catalogus"] != f.otherURL("catalogi-a", "catalogussen", "catalogus", 0) {
			t.Errorf("_expand: %v", doc["_expand"])
		}
	}
	_, its := f.list("/enkelvoudiginformatieobjecten?identificatie=DOC-2024-0002&expand=informatieobjecttype")
	if len(its) != 1 {
		t.Fatalf("%d items", len(its))
	}
	check(its[0])
	ex := f.do("GET", f.eioURL(1)+"?expand=informatieobjecttype", nil)
	expectStatus(t, ex, 200)
	check(decode[map[string]any](t, ex))
	// The expanded and the plain representation have different ETags.
	if plain := f.do("GET", f.eioURL(1), nil); plain.Header.Get("ETag") == ex.Header.Get("ETag") {
		t.Error("same ETag with and without expand")
	}
}

func TestDownload(t *testing.T) {
	f := newFixture(t)
	get := func(n uint64) (*http.Response, []byte) {
		t.Helper()
		doc := decode[map[string]any](t, f.do("GET", f.eioURL(n), nil))
		ex := f.do("GET", doc["inhoud"].(string), nil)
		expectStatus(t, ex, 200)
		if ex.Header.Get("Content-Type") != "application/octet-stream" {
			t.Errorf("content type %q", ex.Header.Get("Content-Type"))
		}
		if size := int(doc["bestandsomvang"].(float64)); size != len(ex.Body) || ex.Header.Get("Content-Length") != strconv.Itoa(size) {
			t.Errorf("document %d: bestandsomvang %d, served %d bytes (Content-Length %s)", n, size, len(ex.Body), ex.Header.Get("Content-Length"))
		}
		return &http.Response{Header: ex.Header}, ex.Body
	}

	resp, pdf := get(0)
	if len(pdf) != 5000 {
		t.Errorf("padded PDF has %d bytes, want the stored 5000", len(pdf))
	}
	if cd := resp.Header.Get("Content-Disposition"); cd != `attachment; filename=aanvraag.pdf` {
		t.Errorf("Content-Disposition %q", cd)
	}
	checkPDF(t, pdf)
	if !bytes.Contains(pdf, []byte(`(Aanvraag parkeervergunning Caf\351 \(Noord\)) Tj`)) {
		t.Errorf("title not on the page")
	}
	_, again := get(0)
	if !bytes.Equal(pdf, again) {
		t.Error("download not deterministic")
	}

	_, small := get(1) // natural size: the stored 10 bytes is too small
	checkPDF(t, small)

	_, txt := get(2)
	if len(txt) != 2048 || !bytes.HasPrefix(txt, []byte("Gespreksnotitie intake\n\nIdentificatie: DOC-2024-0003\n")) ||
		!bytes.Contains(txt, []byte("Vertrouwelijkheidaanduiding: vertrouwelijk")) {
		t.Errorf("text file: %q", txt[:200])
	}

	// Pictures decode and are padded to their stored size.
	_, pngFile := get(100)
	checkPicture(t, pngFile, 30000, "png")
	if !bytes.Contains(pngFile, []byte("tEXtTitle\x00DOC-F0000 - Bijlage 000")) {
		t.Error("png without its title chunk")
	}
	_, jpgFile := get(101)
	checkPicture(t, jpgFile, 200000, "jpeg")

	expectStatus(t, f.do("GET", f.eioURL(0)+"/download", nil, "X-Test-Scopes", "zaken.lezen"), 403)

	// The specification documents no 404 for the download; the provider
	// answers one, as for the detail, for a document the client cannot see
	// or a version it does not have. These answers are checked directly.
	for _, target := range []string{f.eioURL(3) + "/download", f.eioURL(0) + "/download?versie=3",
		f.url("/enkelvoudiginformatieobjecten/" + uuidOf("eio", 999).String() + "/download")} {
		resp, err := f.srv.Client().Do(f.request("GET", target, nil))
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 404 || resp.Header.Get("Content-Type") != "application/problem+json" {
			t.Errorf("%s: %d %s", target, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
	}
}

// checkPDF verifies the structure a PDF reader relies on: header, trailer,
// startxref pointing at the xref table, and every xref entry pointing at
// its object.
func checkPDF(t *testing.T, pdf []byte) {
	t.Helper()
	if !bytes.HasPrefix(pdf, []byte("%PDF-1.4\n")) || !bytes.HasSuffix(pdf, []byte("%%EOF\n")) {
		t.Fatalf("not a PDF: %q … %q", pdf[:min(20, len(pdf))], pdf[max(0, len(pdf)-20):])
	}
	m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`).FindSubmatch(pdf)
	if m == nil {
		t.Fatal("no startxref")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if !bytes.HasPrefix(pdf[xref:], []byte("xref\n0 9\n")) {
		t.Fatalf("startxref %d does not point at the xref table", xref)
	}
	entries := strings.Split(string(pdf[xref+len("xref\n0 9\n"):]), "\n")
	for i := 1; i <= 8; i++ {
		e := entries[i]
		if len(e) != 19 || !strings.HasSuffix(e, " 00000 n ") {
			t.Fatalf("xref entry %d: %q", i, e)
		}
		off, _ := strconv.Atoi(e[:10])
		if want := strconv.Itoa(i) + " 0 obj\n"; !bytes.HasPrefix(pdf[off:], []byte(want)) {
			t.Errorf("object %d not at offset %d", i, off)
		}
	}
	// Every stream's /Length matches its data.
	for _, sm := range regexp.MustCompile(`/Length (\d+) >>\nstream\n`).FindAllSubmatchIndex(pdf, -1) {
		n, _ := strconv.Atoi(string(pdf[sm[2]:sm[3]]))
		if !bytes.HasPrefix(pdf[sm[1]+n:], []byte("\nendstream\n")) {
			t.Errorf("stream at %d: /Length %d does not end at endstream", sm[1], n)
		}
	}
}

// checkPicture decodes a generated picture (the PNG decoder verifies every
// chunk's CRC) and checks its size.
func checkPicture(t *testing.T, b []byte, size int, format string) {
	t.Helper()
	if len(b) != size {
		t.Errorf("%s: %d bytes, want %d", format, len(b), size)
	}
	img, got, err := image.Decode(bytes.NewReader(b))
	if err != nil || got != format || img.Bounds().Dx() != 320 || img.Bounds().Dy() != 240 {
		t.Errorf("%s does not decode: %v (%s)", format, err, got)
	}
}

// Generated files hit the stored size exactly where the format's padding
// allows and keep their natural size otherwise.
func TestContentSizes(t *testing.T) {
	for _, formaat := range []string{"application/pdf", "image/jpeg", "image/png", "text/plain", "application/vnd.ms-outlook"} {
		m := docMeta{identificatie: "DOC-1", titel: "Foto van de situatie ĳ €", formaat: formaat, versie: 1, creatiedatum: day("2024-01-01")}
		natural := contentOf(m).size()
		for _, target := range []int64{0, natural - 1, natural, natural + 1, natural + 3, natural + 4, natural + 19, natural + 20,
			natural + 65537, natural + 65538, natural + 65540, natural + 131075, 3_000_000, maxContent + 1} {
			m.target = target
			c := contentOf(m)
			var buf bytes.Buffer
			if n, err := c.WriteTo(&buf); err != nil || n != c.size() || int64(buf.Len()) != c.size() {
				t.Fatalf("%s/%d: wrote %d (%v), size %d", formaat, target, n, err, c.size())
			}
			if c.size() != target && c.size() != natural {
				t.Errorf("%s/%d: size %d, want the target or the natural %d", formaat, target, c.size(), natural)
			}
			if target >= natural+20 && target <= maxContent && c.size() != target {
				t.Errorf("%s/%d: not padded (size %d)", formaat, target, c.size())
			}
			switch formaat {
			case "image/jpeg", "image/png":
				if _, _, err := image.Decode(bytes.NewReader(buf.Bytes())); err != nil {
					t.Errorf("%s/%d: %v", formaat, target, err)
				}
			case "application/pdf":
				checkPDF(t, buf.Bytes())
			}
		}
	}
}

func TestZoek(t *testing.T) {
	f := newFixture(t)
	uuids := []string{uuidOf("eio", 2).String(), uuidOf("eio", 0).String(), uuidOf("eio", 3).String(),
		uuidOf("eio", 4).String(), uuidOf("eio", 999).String(), uuidOf("eio", 100).String()}
	zoek := func(query string, body any, hdr ...string) (page, []map[string]any) {
		t.Helper()
		ex := f.do("POST", "/enkelvoudiginformatieobjecten/_zoek"+query, body, hdr...)
		expectStatus(t, ex, 200)
		p := decode[page](t, ex)
		return p, items(t, p)
	}
	p, its := zoek("", map[string]any{"uuid__in": uuids})
	if got := field(its, "identificatie"); p.Count != 3 || !slices.Equal(got, []string{"DOC-2024-0001", "DOC-2024-0003", "DOC-F0000"}) {
		t.Errorf("uuid__in: %v (count %d)", got, p.Count)
	}
	p, _ = zoek("", map[string]any{"uuid__in": uuids}, "X-Test-Max", "zeer_geheim")
	if p.Count != 4 {
		t.Errorf("uuid__in with ceiling zeer_geheim: %d", p.Count)
	}
	_, its = zoek("", map[string]any{"uuid__in": uuids, "bronorganisatie": "001005650", "identificatie": "DOC-2024-0003"})
	if got := field(its, "identificatie"); !slices.Equal(got, []string{"DOC-2024-0003"}) {
		t.Errorf("with bronorganisatie and identificatie: %v", got)
	}
	_, its = zoek("?titel=notitie", map[string]any{"uuid__in": uuids})
	if got := field(its, "identificatie"); !slices.Equal(got, []string{"DOC-2024-0003"}) {
		t.Errorf("with a query filter: %v", got)
	}
	p, _ = zoek("", map[string]any{"uuid__in": []string{}})
	if p.Count != 0 {
		t.Errorf("empty uuid__in: %d", p.Count)
	}
	_, its = zoek("", map[string]any{"uuid__in": uuids[1:2], "expand": []string{"informatieobjecttype"}})
	if x, _ := its[0]["_expand"].(map[string]any); x == nil || x["informatieobjecttype"].(map[string]any)["omschrijving"] != "Aanvraag" {
		t.Errorf("expand in body: %v", its[0]["_expand"])
	}
	_, its = zoek("?expand=informatieobjecttype", map[string]any{"uuid__in": uuids[1:2]})
	if its[0]["_expand"] == nil {
		t.Error("expand in query ignored")
	}
	p, _ = zoek("?pageSize=2", map[string]any{"uuid__in": uuids})
	if p.Count != 3 || len(p.Results) != 2 || p.Next == nil || !strings.Contains(*p.Next, "page=2") {
		t.Errorf("paginated search: %+v", p)
	}
	p, _ = zoek("?pageSize=2&page=2", map[string]any{"uuid__in": uuids})
	if len(p.Results) != 1 || p.Previous == nil {
		t.Errorf("second page: %+v", p)
	}

	bad := []struct {
		body       any
		name, code string
	}{
		{map[string]any{}, "nonFieldErrors", "empty_search_body"},
		{map[string]any{"bronorganisatie": "002220647"}, "uuid__in", "required"},
		{map[string]any{"uuid__in": []string{"geen-uuid"}}, "uuid__in", "invalid"},
		{map[string]any{"uuid__in": "abc"}, "uuid__in", "not_a_list"},
		{map[string]any{"uuid__in": uuids, "expand": []string{"zaak"}}, "expand", "invalid_choice"},
		{map[string]any{"uuid__in": uuids, "identificatie": 12}, "identificatie", "invalid"},
		{`{"uuid__in": [`, "nonFieldErrors", "parse_error"},
	}
	for i, c := range bad {
		ex := f.do("POST", "/enkelvoudiginformatieobjecten/_zoek", c.body)
		expectStatus(t, ex, 400)
		if pr := problem(t, ex); len(pr.InvalidParams) != 1 || pr.InvalidParams[0].Name != c.name || pr.InvalidParams[0].Code != c.code {
			t.Errorf("case %d: %s", i, ex.Body)
		}
	}
	req := f.request("POST", "/enkelvoudiginformatieobjecten/_zoek", nil)
	req.Body = io.NopCloser(strings.NewReader("uuid__in=x"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	expectStatus(t, f.spec.Do(t, f.srv.Client(), req), 415)
	expectStatus(t, f.do("POST", "/enkelvoudiginformatieobjecten/_zoek", map[string]any{"uuid__in": uuids}, "X-Test-Scopes", "zaken.lezen"), 403)
}

func TestObjectInformatieObjecten(t *testing.T) {
	f := newFixture(t)
	list := func(query string, hdr ...string) []map[string]any {
		t.Helper()
		ex := f.do("GET", "/objectinformatieobjecten"+query, nil, hdr...)
		expectStatus(t, ex, 200)
		return decode[[]map[string]any](t, ex)
	}
	all := list("")
	if got := field(all, "url"); !slices.Equal(got, []string{f.oioURL(0), f.oioURL(1), f.oioURL(2)}) {
		t.Errorf("list: %v", got)
	}
	zaak0 := f.otherURL("zaken-a", "zaken", "zaak", 0)
	verzoek0 := f.otherURL("verzoeken", "verzoeken", "verzoek", 0)
	if all[0]["object"] != zaak0 || all[0]["objectType"] != "zaak" || all[0]["informatieobject"] != f.eioURL(0) ||
		all[2]["object"] != verzoek0 || all[2]["objectType"] != "verzoek" {
		t.Errorf("links: %v", all)
	}
	if n := len(list("", "X-Test-Max", "zeer_geheim")); n != 4 {
		t.Errorf("with ceiling zeer_geheim: %d links", n)
	}
	esc := url.QueryEscape
	for q, want := range map[string][]string{
		"?object=" + esc(zaak0):                                              {f.oioURL(0), f.oioURL(1)},
		"?object=" + esc(verzoek0):                                           {f.oioURL(2)},
		"?object=" + esc(f.otherURL("zaken-a", "zaken", "zaak", 1)):          nil, // deleted link
		"?object=" + esc(f.otherURL("verzoeken", "verzoeken", "verzoek", 1)): nil,
		"?object=" + esc(f.otherURL("zaken-b", "zaken", "zaak", 2)):          nil, // documenten-b's link
		"?object=onzin":                                                      nil,
		"?informatieobject=" + esc(f.eioURL(0)):                              {f.oioURL(0)},
		"?informatieobject=" + esc(f.eioURL(3)):                              nil, // invisible document
		"?informatieobject=" + esc(f.eioURL(1)) + "&object=" + esc(zaak0):    {f.oioURL(1)},
		"?informatieobject=" + esc(f.eioURL(1)) + "&object=" + esc(verzoek0): nil,
	} {
		if got := field(list(q), "url"); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", q, got, want)
		}
	}

	ex := f.do("GET", f.oioURL(2), nil)
	expectStatus(t, ex, 200)
	if o := decode[map[string]any](t, ex); o["url"] != f.oioURL(2) || o["object"] != verzoek0 || o["informatieobject"] != f.eioURL(2) {
		t.Errorf("detail: %s", ex.Body)
	}
	expectStatus(t, f.do("GET", f.oioURL(2), nil, "If-None-Match", ex.Header.Get("ETag")), 304)
	if h := f.do("HEAD", f.oioURL(2), nil); h.Status != 200 || h.Header.Get("ETag") != ex.Header.Get("ETag") {
		t.Errorf("HEAD: %d %q", h.Status, h.Header.Get("ETag"))
	}
	for n, status := range map[uint64]int{3: 404, 4: 404, 5: 404, 6: 404, 999: 404} {
		expectStatus(t, f.do("GET", f.oioURL(n), nil), status)
	}
	expectStatus(t, f.do("GET", f.oioURL(3), nil, "X-Test-Max", "zeer_geheim"), 200)
	expectStatus(t, f.do("GET", "/objectinformatieobjecten", nil, "X-Test-Scopes", "zaken.lezen"), 403)
	expectStatus(t, f.do("GET", f.oioURL(0), nil, "X-Test-Scopes", "zaken.lezen"), 403)
}

// Writes to the store (e.g. the Zaken API registering a document with a
// zaak) drop the lazily built indexes; lists follow.
func TestIndexesFollowWrites(t *testing.T) {
	f := newFixture(t)
	zaak1 := f.otherURL("zaken-a", "zaken", "zaak", 1)
	p, _ := f.list("/enkelvoudiginformatieobjecten?objectinformatieobjecten__object=" + url.QueryEscape(zaak1))
	if p.Count != 0 {
		t.Fatalf("before: %d", p.Count)
	}
	f.store.Write(func(d *data.Data) {
		u := uuidOf("oio", 50)
		zr, _ := d.Zaken.Lookup(uuidOf("zaak", 1))
		er, _ := d.InformatieObjecten.Lookup(uuidOf("eio", 2))
		d.ObjectInformatieObjecten.Add(u, f.inst, data.ObjectInformatieObject{UUID: u, Inst: f.inst, Informatieobject: er, ObjectType: "zaak", Object: zr})
	})
	_, its := f.list("/enkelvoudiginformatieobjecten?objectinformatieobjecten__object=" + url.QueryEscape(zaak1))
	if got := field(its, "identificatie"); !slices.Equal(got, []string{"DOC-2024-0003"}) {
		t.Errorf("after: %v", got)
	}
}
