package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/klantgraaf/klantgraaf/graph"
	"github.com/klantgraaf/klantgraaf/loaders"
	"github.com/klantgraaf/klantgraaf/model"
	"github.com/klantgraaf/klantgraaf/resolvers"
	"github.com/klantgraaf/klantgraaf/upstream"
)

// FuzzGateway sends arbitrary HTTP requests (method, target, Content-Type,
// Accept, one more header, body) to the whole gateway — middleware, GraphQL
// transports, query limits, persisted queries, resolvers, loaders, upstream
// clients — wired like cmd/klantgraaf's NewGateway (without its access
// control, rate limit and response cache), over canned providers that the
// fuzzer may also make misbehave. Whatever arrives: no panic, no 5xx, a JSON body (the
// health probes aside), and every error carries a message and
// extensions.code. Run it with
//
//	go test -run '^$' -fuzz '^FuzzGateway$' -fuzztime 60s ./server
func FuzzGateway(f *testing.F) {
	for _, s := range gatewaySeeds() {
		f.Add(s.method, s.target, s.contentType, s.accept, s.header, []byte(s.body), s.mood)
	}
	f.Fuzz(func(t *testing.T, method, target, contentType, accept, header string, body []byte, mood uint8) {
		req, ok := fuzzRequest(method, target, contentType, accept, header, body)
		if !ok {
			return
		}
		h, up := newFuzzGateway(t)
		up.mood.Store(uint32(mood))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		checkGatewayResponse(t, req, rec)
	})
}

type gatewaySeed struct {
	method, target, contentType, accept, header, body string
	mood                                              uint8
}

const fuzzBSN = "999990019"

func gatewaySeeds() []gatewaySeed {
	zaakURL := fuzzBase["zaken"] + "/zaken/" + fuzzUUID(1)
	klantURL := fuzzBase["klanten"] + "/klanten/" + fuzzUUID(7)
	post := func(q string, vars map[string]any) string {
		b, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
		return string(b)
	}
	klantbeeld := `query K($bsn: String!) { klantbeeld(bsn: $bsn) {
  klanten { id naam emailadres bron { naam generatie } }
  contactmomenten(first: 10) { totalCount edges { cursor node { id registratiedatum kanaal tekst zaken { identificatie } } } pageInfo { hasNextPage endCursor } }
  zaken(first: 10) { totalCount edges { node { id identificatie startdatum zaaktype { omschrijving } status { datumStatusGezet statustype { omschrijving } }
    resultaat { resultaattype { omschrijving } } rollen { omschrijvingGeneriek identificatie { naam bsn } } documenten { titel } } } }
  verzoeken(first: 10) { edges { node { identificatie status } } } } }`
	zaak := `query Z($url: String!) { zaak(url: $url) { id identificatie vertrouwelijkheidaanduiding zaaktype { omschrijving }
  status { statustype { omschrijving } } rollen { betrokkeneType identificatie { naam } } documenten { titel informatieobjecttype { omschrijving } }
  contactmomenten { kanaal } verzoeken { identificatie } } }`
	search := `query S($after: String) { zaken(filter: {bsn: "999990019"}, first: 2, after: $after) { totalCount edges { cursor node { identificatie } } pageInfo { hasNextPage endCursor } }
  klanten(filter: {achternaam: "Jansen"}) { edges { node { naam } } }
  contactmomenten(filter: {vanaf: "2025-01-01T00:00:00Z", tot: "2025-12-31T00:00:00Z"}, first: 5) { edges { node { tekst } } } }`
	node := `query N($id: ID!) { node(id: $id) { id ... on Zaak { identificatie } ... on Klant { naam } } }`
	seeds := []gatewaySeed{
		{"POST", "/graphql", "application/json", "", "", post(klantbeeld, map[string]any{"bsn": fuzzBSN}), 0},
		{"POST", "/graphql", "application/json", "application/graphql-response+json", "", post(zaak, map[string]any{"url": zaakURL}), 0},
		{"POST", "/graphql", "application/json", "", "", post(search, nil), 0},
		{"POST", "/graphql", "application/json", "", "", post(search, map[string]any{"after": "czE6eyJvIjp7InphYWstYSI6MX19"}), 0},
		{"POST", "/graphql", "application/json", "", "", post(node, map[string]any{"id": model.NewID("Zaak", zaakURL)}), 0},
		{"POST", "/graphql", "application/json", "", "", post(node, map[string]any{"id": model.NewID("Klant", klantURL)}), 3},
		{"POST", "/graphql", "application/json", "", "", post(node, map[string]any{"id": "WmFhazpodHRwOi8vZWxzZXdoZXJlL3g"}), 0},
		{"POST", "/graphql", "application/json", "", "", post(`{ sources { name ok requests error } }`, nil), 1},
		{"POST", "/graphql", "application/json", "", "", post(`{ __schema { types { name } } }`, nil), 0},
		{"POST", "/graphql", "application/json", "", "", post(`{ klantbeeld(bsn: "123") { bsn } }`, nil), 0},
		{"POST", "/graphql", "application/json", "", "", post(`{ klantbeeld(bsn: "999990019", kvkNummer: "12345678") { bsn } }`, nil), 0},
		{"POST", "/graphql", "application/json", "", "", post(`{ zaken(filter: {}, first: 101) { totalCount } }`, nil), 0},
		{"POST", "/graphql", "application/json", "", "", post(`{ zaken(filter: {bsn: "999990019"}, first: 5) { edges { node { identificatie } } } }`, nil), 5},
		{"POST", "/graphql", "application/json", "", "", post(klantbeeld, map[string]any{"bsn": fuzzBSN}), 2},
		{"POST", "/graphql", "application/json", "", "", post(klantbeeld, map[string]any{"bsn": fuzzBSN}), 4},
		{"POST", "/graphql", "application/json", "", "", post(klantbeeld, map[string]any{"bsn": fuzzBSN}), 5},
		{"POST", "/graphql", "application/json", "", "", post(klantbeeld, map[string]any{"bsn": fuzzBSN}), 6},
		{"POST", "/graphql", "application/json", "", "", post(klantbeeld, map[string]any{"bsn": fuzzBSN}), 7},
		{"POST", "/graphql", "application/json", "", "", post(zaak, map[string]any{"url": zaakURL}), 8 + 7},
		{"POST", "/graphql", "application/json", "", "", post(zaak, map[string]any{"url": "http://elsewhere.test/zaken/1"}), 0},
		{"POST", "/graphql", "application/json", "", "", post(zaak, map[string]any{"url": 5}), 0},
		{"POST", "/graphql", "application/json", "", "", post(`{ zaak(url: "x") { ...F } } fragment F on Zaak { ...F }`, nil), 0},
		{"POST", "/graphql", "application/json", "", "", post(`query { a: sources { name } } query B { sources { name } }`, nil), 0},
		{"POST", "/graphql", "application/json", "", "", post(`mutation { x }`, nil), 0},
		{"POST", "/graphql", "application/json", "", "", post(`subscription { x }`, nil), 0},
		{"POST", "/graphql", "application/json", "", "", `{"query": "{ sources { name } }", "operationName": "Nope"}`, 0},
		{"POST", "/graphql", "application/json", "", "", `{"query": "{", "variables": []}`, 0},
		{"POST", "/graphql", "application/json", "", "", `{"query": 1}`, 0},
		{"POST", "/graphql", "application/json", "", "", `{"query": "{ sources { name } }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}`, 0},
		{"POST", "/graphql", "application/json", "", "", `not json`, 0},
		{"POST", "/graphql", "application/json", "", "", ``, 0},
		{"POST", "/graphql", "application/json", "", "", `[{"query": "{ sources { name } }"}]`, 0},
		{"POST", "/graphql", "application/json; charset=utf-8", "", "", post(`{ sources { name } }`, nil), 0},
		{"POST", "/graphql", "text/plain", "", "", post(`{ sources { name } }`, nil), 0},
		{"POST", "/graphql", "application/graphql", "", "", `{ sources { name } }`, 0},
		{"POST", "/graphql", "application/x-www-form-urlencoded", "", "", `query=%7B+sources+%7B+name+%7D+%7D`, 0},
		{"POST", "/graphql", "multipart/form-data; boundary=x", "", "", "--x\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n{}\r\n--x--\r\n", 0},
		{"POST", "/graphql", "", "", "", post(`{ sources { name } }`, nil), 0},
		{"POST", "/graphql", "application/json", "", "Upgrade: websocket", post(`{ sources { name } }`, nil), 0},
		{"POST", "/graphql", "application/json", "text/event-stream", "", post(`{ sources { name } }`, nil), 0},
		{"POST", "/graphql", "application/json", "", "X-End-User-Id: \x01", post(`{ sources { name } }`, nil), 0},
		{"POST", "/graphql", "application/json", "", "X-Request-Id: abc-123", post(`{ sources { name } }`, nil), 0},
		{"GET", "/graphql?query=%7B+sources+%7B+name+%7D+%7D", "", "", "", "", 0},
		{"GET", "/graphql?query=query+Z(%24url%3A+String!)+%7B+zaak(url%3A+%24url)+%7B+identificatie+%7D+%7D&variables=%7B%22url%22%3A%22" + url.QueryEscape(zaakURL) + "%22%7D", "", "", "", "", 0},
		{"GET", "/graphql?query=%7B&variables=%7Bbad", "", "", "", "", 0},
		{"GET", "/graphql?query=%7B+sources+%7B+name+%7D+%7D&extensions=%5B", "", "", "", "", 0},
		{"GET", "/graphql?query=%ZZ", "", "", "", "", 0},
		{"GET", "/graphql?query=mutation+%7B+x+%7D", "", "", "", "", 0},
		{"GET", "/graphql", "", "", "", "", 0},
		{"HEAD", "/graphql", "", "", "", "", 0},
		{"PUT", "/graphql", "application/json", "", "", `{}`, 0},
		{"OPTIONS", "/graphql", "", "", "", "", 0},
		{"GET", "/", "", "", "", "", 0},
		{"GET", "/healthz", "", "", "", "", 0},
		{"HEAD", "/readyz", "", "", "", "", 0},
		{"GET", "/assets/graphiql.min.js", "", "", "", "", 0},
		{"GET", "/nope/../graphql", "", "", "", "", 0},
		{"POST", "/graphql", "application/json", "", "", `{"query":"` + strings.Repeat("{", 2000) + `"}`, 0},
		{"POST", "/graphql", "application/json", "", "", `{"query":"{ sources { name } }","variables":` + strings.Repeat("[", 2000) + `}`, 0},
		{"POST", "/graphql", "application/json", "", "", strings.Repeat("x", 70<<10), 0},
	}
	return seeds
}

// fuzzRequest builds the request, or reports false for one net/http would
// not have let through to a handler.
func fuzzRequest(method, target, contentType, accept, header string, body []byte) (*http.Request, bool) {
	if method == "" || !strings.HasPrefix(target, "/") || len(target) > 8<<10 {
		return nil, false
	}
	u, err := url.ParseRequestURI(target)
	if err != nil {
		return nil, false
	}
	req, err := http.NewRequest(method, "http://gateway.test"+u.RequestURI(), bytes.NewReader(body))
	if err != nil {
		return nil, false
	}
	req.URL, req.RequestURI = u, target
	req.Host = "gateway.test"
	if len(body) == 0 {
		req.Body = http.NoBody
	}
	for k, v := range map[string]string{"Content-Type": contentType, "Accept": accept} {
		if v != "" {
			req.Header.Set(k, v)
		}
	}
	if k, v, ok := strings.Cut(header, ":"); ok {
		req.Header.Set(strings.TrimSpace(k), strings.TrimSpace(v))
	}
	for k, vs := range req.Header {
		if !validHeaderField(k) {
			return nil, false
		}
		for _, v := range vs {
			if strings.ContainsAny(v, "\r\n\x00") {
				return nil, false
			}
		}
	}
	return req, true
}

func validHeaderField(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte("()<>@,;:\\\"/[]?={}", c) >= 0 {
			return false
		}
	}
	return true
}

// checkGatewayResponse holds the invariants of every answer.
func checkGatewayResponse(t *testing.T, req *http.Request, rec *httptest.ResponseRecorder) {
	t.Helper()
	desc := fmt.Sprintf("%s %s (Content-Type %q)", req.Method, req.RequestURI, req.Header.Get("Content-Type"))
	if rec.Code >= 500 {
		t.Fatalf("%s: status %d: %s", desc, rec.Code, rec.Body)
	}
	if req.URL.Path == "/healthz" || req.URL.Path == "/readyz" {
		if rec.Code == http.StatusOK {
			return
		}
	}
	ct := rec.Header().Get("Content-Type")
	mt, _, _ := mime.ParseMediaType(ct)
	if mt != "application/json" && mt != "application/graphql-response+json" {
		t.Fatalf("%s: status %d with Content-Type %q: %.300s", desc, rec.Code, ct, rec.Body)
	}
	var resp struct {
		Data   json.RawMessage `json:"data"`
		Errors []struct {
			Message    *string        `json:"message"`
			Extensions map[string]any `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
		t.Fatalf("%s: status %d, the body is not a GraphQL response (%v): %.300s", desc, rec.Code, err, rec.Body)
	}
	if len(resp.Errors) == 0 && (resp.Data == nil || string(resp.Data) == "null") {
		t.Fatalf("%s: status %d, neither data nor errors: %.300s", desc, rec.Code, rec.Body)
	}
	if rec.Code >= 400 && len(resp.Errors) == 0 {
		t.Fatalf("%s: status %d without errors: %.300s", desc, rec.Code, rec.Body)
	}
	for _, e := range resp.Errors {
		code, _ := e.Extensions["code"].(string)
		if e.Message == nil || *e.Message == "" || code == "" {
			t.Fatalf("%s: status %d, an error without message or extensions.code: %.500s", desc, rec.Code, rec.Body)
		}
		if code == resolvers.CodeInternal {
			t.Fatalf("%s: status %d, an internal error: %.500s", desc, rec.Code, rec.Body)
		}
	}
}

// The canned providers.

var fuzzBase = map[string]string{
	"zaken":           "http://providers.test/zaken/api/v1",
	"catalogi":        "http://providers.test/catalogi/api/v1",
	"documenten":      "http://providers.test/documenten/api/v1",
	"klanten":         "http://providers.test/klanten/api/v1",
	"contactmomenten": "http://providers.test/contactmomenten/api/v1",
	"verzoeken":       "http://providers.test/verzoeken/api/v1",
}

// fuzzKinds orders the kinds for the mood byte.
var fuzzKinds = []string{"zaken", "catalogi", "documenten", "klanten", "contactmomenten", "verzoeken"}

func fuzzUUID(n int) string { return fmt.Sprintf("00000000-0000-4000-8000-%012d", n) }

// fuzzObjects are the canned objects by collection: one small, consistent
// world around one person.
func fuzzObjects() map[string][]string {
	z, c, d, k, cm, v := fuzzBase["zaken"], fuzzBase["catalogi"], fuzzBase["documenten"], fuzzBase["klanten"], fuzzBase["contactmomenten"], fuzzBase["verzoeken"]
	u := fuzzUUID
	return map[string][]string{
		"zaken": {fmt.Sprintf(`{"url":"%[1]s/zaken/%[2]s","uuid":"%[2]s","identificatie":"ZAAK-2025-0000001","bronorganisatie":"001589738",
			"omschrijving":"Evenementenvergunning","zaaktype":"%[3]s/zaaktypen/%[4]s","registratiedatum":"2025-09-30","startdatum":"2025-09-30",
			"einddatum":null,"vertrouwelijkheidaanduiding":"openbaar","status":"%[1]s/statussen/%[5]s","resultaat":null,
			"rollen":["%[1]s/rollen/%[6]s"],"zaakinformatieobjecten":["%[1]s/zaakinformatieobjecten/%[8]s"],"eigenschappen":[],
			"kenmerken":[{"kenmerk":"k","bron":"b"}],"deelzaken":[],"hoofdzaak":null,"laatstGemuteerd":"2025-09-30T16:06:27Z",
			"zaakgeometrie":{"type":"Point","coordinates":[5.4,51.4]}}`, z, u(1), c, u(2), u(3), u(4), "", u(9))},
		"rollen": {fmt.Sprintf(`{"url":"%[1]s/rollen/%[2]s","uuid":"%[2]s","zaak":"%[1]s/zaken/%[3]s","betrokkene":"%[4]s/klanten/%[5]s",
			"betrokkeneType":"natuurlijk_persoon","roltype":"%[6]s/roltypen/%[7]s","omschrijving":"Aanvrager","omschrijvingGeneriek":"initiator",
			"roltoelichting":"","registratiedatum":"2025-09-30T10:05:24Z","indicatieMachtiging":"",
			"betrokkeneIdentificatie":{"inpBsn":"999990019","geslachtsnaam":"Jansen","voorvoegselGeslachtsnaam":"","voornamen":"Jan"}}`,
			z, u(4), u(1), k, u(7), c, u(5))},
		"statussen": {fmt.Sprintf(`{"url":"%[1]s/statussen/%[2]s","uuid":"%[2]s","zaak":"%[1]s/zaken/%[3]s","statustype":"%[4]s/statustypen/%[5]s",
			"datumStatusGezet":"2025-09-30T15:42:59Z","statustoelichting":"","indicatieLaatstGezetteStatus":true}`, z, u(3), u(1), c, u(6))},
		"resultaten": {},
		"zaakinformatieobjecten": {fmt.Sprintf(`{"url":"%[1]s/zaakinformatieobjecten/%[2]s","uuid":"%[2]s","zaak":"%[1]s/zaken/%[3]s",
			"informatieobject":"%[4]s/enkelvoudiginformatieobjecten/%[5]s","titel":"Aanvraag","registratiedatum":"2025-09-30T10:00:00Z"}`, z, u(9), u(1), d, u(10))},
		"zaakcontactmomenten": {fmt.Sprintf(`{"url":"%[1]s/zaakcontactmomenten/%[2]s","uuid":"%[2]s","zaak":"%[1]s/zaken/%[3]s","contactmoment":"%[4]s/contactmomenten/%[5]s"}`,
			z, u(20), u(1), cm, u(11))},
		"zaakverzoeken": {fmt.Sprintf(`{"url":"%[1]s/zaakverzoeken/%[2]s","uuid":"%[2]s","zaak":"%[1]s/zaken/%[3]s","verzoek":"%[4]s/verzoeken/%[5]s"}`,
			z, u(21), u(1), v, u(14))},
		"zaakeigenschappen": {},
		"zaaktypen": {fmt.Sprintf(`{"url":"%[1]s/zaaktypen/%[2]s","identificatie":"ZT-1","omschrijving":"Evenementenvergunning","doel":"d","aanleiding":"a",
			"onderwerp":"o","handelingInitiator":"aanvragen","handelingBehandelaar":"behandelen","doorlooptijd":"P8W","vertrouwelijkheidaanduiding":"openbaar",
			"statustypen":["%[1]s/statustypen/%[3]s"],"resultaattypen":[],"roltypen":["%[1]s/roltypen/%[4]s"],"informatieobjecttypen":["%[1]s/informatieobjecttypen/%[5]s"]}`,
			c, u(2), u(6), u(5), u(8))},
		"statustypen": {fmt.Sprintf(`{"url":"%[1]s/statustypen/%[2]s","zaaktype":"%[1]s/zaaktypen/%[3]s","omschrijving":"Ontvangen","omschrijvingGeneriek":"ontvangen",
			"statustekst":"","volgnummer":1,"isEindstatus":false}`, c, u(6), u(2))},
		"roltypen": {fmt.Sprintf(`{"url":"%[1]s/roltypen/%[2]s","zaaktype":"%[1]s/zaaktypen/%[3]s","omschrijving":"Aanvrager","omschrijvingGeneriek":"initiator"}`,
			c, u(5), u(2))},
		"resultaattypen":        {},
		"informatieobjecttypen": {fmt.Sprintf(`{"url":"%[1]s/informatieobjecttypen/%[2]s","omschrijving":"Aanvraag","vertrouwelijkheidaanduiding":"openbaar"}`, c, u(8))},
		"enkelvoudiginformatieobjecten": {fmt.Sprintf(`{"url":"%[1]s/enkelvoudiginformatieobjecten/%[2]s","identificatie":"DOC-1","bronorganisatie":"001589738",
			"creatiedatum":"2025-09-30","titel":"Aanvraag","vertrouwelijkheidaanduiding":"openbaar","auteur":"Jan","status":"definitief","formaat":"application/pdf",
			"taal":"nld","versie":1,"bestandsnaam":"aanvraag.pdf","bestandsomvang":1024,"inhoud":"%[1]s/enkelvoudiginformatieobjecten/%[2]s/download",
			"informatieobjecttype":"%[3]s/informatieobjecttypen/%[4]s"}`, d, u(10), c, u(8))},
		"klanten": {fmt.Sprintf(`{"url":"%[1]s/klanten/%[2]s","bronorganisatie":"001589738","klantnummer":"10000001","voornaam":"Jan","achternaam":"Jansen",
			"emailadres":"jan@example.nl","telefoonnummer":"06-12345678","subjectType":"natuurlijk_persoon",
			"subjectIdentificatie":{"inpBsn":"999990019","geslachtsnaam":"Jansen","voornamen":"Jan"},"adres":{"postcode":"5611AA","huisnummer":1}}`, k, u(7))},
		"contactmomenten": {fmt.Sprintf(`{"url":"%[1]s/contactmomenten/%[2]s","bronorganisatie":"001589738","registratiedatum":"2025-09-30T21:13:23Z",
			"kanaal":"telefoon","tekst":"Vraag over de vergunning.","initiatiefnemer":"klant","onderwerpLinks":[],
			"medewerkerIdentificatie":{"identificatie":"kdekker","achternaam":"Dekker","voorletters":"K."},
			"klantcontactmomenten":["%[1]s/klantcontactmomenten/%[3]s"],"objectcontactmomenten":["%[1]s/objectcontactmomenten/%[4]s"]}`,
			cm, u(11), u(12), u(13))},
		"klantcontactmomenten": {fmt.Sprintf(`{"url":"%[1]s/klantcontactmomenten/%[2]s","contactmoment":"%[1]s/contactmomenten/%[3]s","klant":"%[4]s/klanten/%[5]s",
			"rol":"gesprekspartner","gelezen":true}`, cm, u(12), u(11), k, u(7))},
		"objectcontactmomenten": {fmt.Sprintf(`{"url":"%[1]s/objectcontactmomenten/%[2]s","contactmoment":"%[1]s/contactmomenten/%[3]s","object":"%[4]s/zaken/%[5]s",
			"objectType":"zaak"}`, cm, u(13), u(11), z, u(1))},
		"verzoeken": {fmt.Sprintf(`{"url":"%[1]s/verzoeken/%[2]s","identificatie":"VERZ-1","bronorganisatie":"001589738","registratiedatum":"2025-09-29T08:00:00Z",
			"status":"ontvangen","tekst":"Aanvraag"}`, v, u(14))},
		"klantverzoeken": {fmt.Sprintf(`{"url":"%[1]s/klantverzoeken/%[2]s","klant":"%[3]s/klanten/%[4]s","verzoek":"%[1]s/verzoeken/%[5]s","rol":"initiator"}`,
			v, u(15), k, u(7), u(14))},
		"objectverzoeken": {fmt.Sprintf(`{"url":"%[1]s/objectverzoeken/%[2]s","verzoek":"%[1]s/verzoeken/%[3]s","object":"%[4]s/zaken/%[5]s","objectType":"zaak"}`,
			v, u(16), u(14), z, u(1))},
		"verzoekcontactmomenten":    {},
		"verzoekinformatieobjecten": {},
	}
}

// fuzzUpstream answers the gateway's upstream requests from fuzzObjects.
// The mood byte picks a misbehaviour (mood%8) and which kind shows it
// ((mood/8)%7, 6 = every kind): 0 none, 1 503 problem, 2 truncated JSON,
// 3 HTML, 4 404 problem, 5 empty first pages that announce a next page,
// 6 401, 7 objects of the wrong JSON shape.
type fuzzUpstream struct {
	objects map[string][]string
	mood    atomic.Uint32
}

func (u *fuzzUpstream) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		_, _ = io.Copy(io.Discard, r.Body)
		_ = r.Body.Close()
	}
	kind, rest := "", ""
	for _, k := range fuzzKinds {
		base, _ := url.Parse(fuzzBase[k])
		if p, ok := strings.CutPrefix(r.URL.Path, base.Path); ok && (p == "" || p[0] == '/') {
			kind, rest = k, strings.Trim(p, "/")
		}
	}
	mood := u.mood.Load()
	misbehave, who := mood%8, int(mood/8)%7
	if who < len(fuzzKinds) && fuzzKinds[who] != kind {
		misbehave = 0
	}
	answer := func(status int, ct, body string) (*http.Response, error) {
		h := http.Header{}
		if ct != "" {
			h.Set("Content-Type", ct)
		}
		return &http.Response{StatusCode: status, Status: http.StatusText(status), Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
			Header: h, Body: io.NopCloser(strings.NewReader(body)), ContentLength: int64(len(body)), Request: r}, nil
	}
	problem := func(status int) (*http.Response, error) {
		return answer(status, "application/problem+json", fmt.Sprintf(`{"type":"about:blank","code":"x","title":"%s","status":%d,"detail":"canned"}`, http.StatusText(status), status))
	}
	switch misbehave {
	case 1:
		return problem(http.StatusServiceUnavailable)
	case 3:
		return answer(http.StatusOK, "text/html", "<html>maintenance</html>")
	case 4:
		return problem(http.StatusNotFound)
	case 6:
		return problem(http.StatusUnauthorized)
	}
	if kind == "" {
		return problem(http.StatusNotFound)
	}
	seg := strings.Split(rest, "/")
	var body string
	switch {
	case rest == "":
		body = `{}`
	case len(seg) == 1 || (len(seg) == 2 && seg[1] == "_zoek"):
		objs, ok := u.objects[seg[0]]
		if !ok {
			return problem(http.StatusNotFound)
		}
		if misbehave == 5 {
			body = fmt.Sprintf(`{"count":1,"next":"%s/%s?page=2","previous":null,"results":[]}`, fuzzBase[kind], seg[0])
			break
		}
		body = fmt.Sprintf(`{"count":%d,"next":null,"previous":null,"results":[%s]}`, len(objs), strings.Join(objs, ","))
	case len(seg) == 2:
		body = ""
		for _, o := range u.objects[seg[0]] {
			if strings.Contains(o, `/`+seg[0]+`/`+seg[1]+`"`) {
				body = o
			}
		}
		if body == "" {
			return problem(http.StatusNotFound)
		}
	case len(seg) == 3 && seg[0] == "zaken":
		body = "[" + strings.Join(u.objects[seg[2]], ",") + "]"
	default:
		return problem(http.StatusNotFound)
	}
	switch misbehave {
	case 2:
		body = body[:len(body)/2]
	case 7:
		body = strings.NewReplacer(`"url":"`, `"url":["`, `",`, `"],`).Replace(body)
	}
	return answer(http.StatusOK, "application/json", body)
}

// newFuzzGateway wires the gateway like cmd/klantgraaf's NewGateway, without
// access control, rate limit and response cache, over canned providers;
// fresh for every input so that breakers and caches carry nothing from one
// input to the next.
func newFuzzGateway(t *testing.T) (http.Handler, *fuzzUpstream) {
	t.Helper()
	up := &fuzzUpstream{objects: fuzzObjects()}
	var ups []upstream.Upstream
	for _, k := range fuzzKinds {
		ups = append(ups, upstream.Upstream{
			Name: k + "-fuzz", Kind: upstream.APIKind(k), Version: "1.0.0", BaseURL: fuzzBase[k],
			Auth:    upstream.Auth{Type: upstream.AuthZGWJWT, ClientID: "fuzz", Secret: "fuzz-secret"},
			Timeout: time.Second, Retry: upstream.RetryPolicy{MaxAttempts: 1},
			Breaker: upstream.BreakerPolicy{Failures: upstream.MaxBreakerFailures},
		})
	}
	reg, err := upstream.NewRegistry(ups, upstream.WithTransport(up))
	if err != nil {
		t.Fatal(err)
	}
	fetcher := loaders.NewFetcher(reg, loaders.Options{})
	es := graph.NewExecutableSchema(graph.Config{Resolvers: resolvers.New(fetcher)})
	gql := NewGraphQLHandler(es, GraphQLOptions{Introspection: true, APQ: true,
		Limits: Limits{MaxDepth: 12, MaxComplexity: 2000, MaxAliases: 30, MaxRootFields: 10}})
	gql.SetErrorPresenter(resolvers.PresentError)
	gql.AroundOperations(resolvers.LookAhead)
	gql.AroundResponses(resolvers.CostExtension)
	return New(Options{
		GraphQL:        gql,
		Fetcher:        fetcher.Middleware,
		MaxBodyBytes:   64 << 10,
		RequestTimeout: 5 * time.Second,
		EndUser:        EndUserOptions{TrustHeaders: true, FallbackID: "fuzz", FallbackRepresentation: "Fuzz"},
	}), up
}
