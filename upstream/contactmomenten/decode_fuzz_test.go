package contactmomenten

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/klantgraaf/klantgraaf/upstream"
)

// Run with: go test -run '^$' -fuzz '^Fuzz' -fuzztime 30s ./upstream/contactmomenten

// FuzzContactmomentenDecode hands the fuzzer's body to the typed
// Contactmomenten client as a contactmoment and as a page, in every shape
// Open Klant's expand may take (URLs, embedded objects, an _expand object,
// anything else): no panic, the tolerant relation lists never fail a
// decode, the link accessors agree with the lists, and what decoded is
// stable through JSON.
func FuzzContactmomentenDecode(f *testing.F) {
	base := "http://cm.test/contactmomenten/api/v1"
	kcm := `{"url":"` + base + `/klantcontactmomenten/1","contactmoment":"` + base + `/contactmomenten/1","klant":"k","rol":"gesprekspartner","gelezen":true}`
	ocm := `{"url":"` + base + `/objectcontactmomenten/1","contactmoment":"` + base + `/contactmomenten/1","object":"z","objectType":"zaak"}`
	cm := `{"url":"` + base + `/contactmomenten/1","registratiedatum":"2025-09-30T21:13:23Z","kanaal":"telefoon","tekst":"t",
		"medewerkerIdentificatie":{"identificatie":"kdekker","achternaam":"Dekker"},"klantcontactmomenten":["` + base + `/klantcontactmomenten/1"],
		"objectcontactmomenten":[` + ocm + `]}`
	for i, s := range []string{cm, `{"count":1,"next":null,"previous":null,"results":[` + cm + `]}`,
		`{"url":"c","klantcontactmomenten":[` + kcm + `,"` + base + `/klantcontactmomenten/1",{"url":5},null,7,[],{}]}`,
		`{"url":"c","_expand":{"klantcontactmomenten":[` + kcm + `],"objectcontactmomenten":"x"}}`,
		`{"url":"c","_expand":[]}`, `{"url":"c","_expand":null,"klantcontactmomenten":null}`, `{"klantcontactmomenten":{"url":"x"}}`,
		`{"klantcontactmomenten":[{"url":"a","gelezen":"ja"},{"URL":"b"},{"url":"a","url":"c"}]}`, `{"klantcontactmomenten":["\ud800"]}`,
		`{"klantcontactmomenten":[` + "\"a\"" + `]} trailing`, `{"medewerkerIdentificatie":[]}`, `null`, `[` + cm + `]`} {
		f.Add([]byte(s), uint8(i))
	}
	f.Fuzz(func(t *testing.T, body []byte, what uint8) {
		var refs Refs[KlantContactMoment]
		if err := refs.UnmarshalJSON(body); err != nil {
			t.Fatalf("Refs.UnmarshalJSON failed: %v", err)
		}
		for _, r := range refs {
			if r.URL == "" && r.Object == nil {
				t.Fatalf("an empty entry was kept: %+v", refs)
			}
			if r.Object != nil && r.Object.URL != r.URL {
				t.Fatalf("entry URL %q, object URL %q", r.URL, r.Object.URL)
			}
		}
		stable(t, &refs)

		c := New(fuzzClient(t, upstream.APIContactmomenten, base, body))
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		var err error
		var cms []ContactMoment
		if what%2 == 0 {
			var m *ContactMoment
			if m, err = c.Get(ctx, base+"/contactmomenten/1", []string{ExpandKlantcontactmomenten}); err == nil {
				cms = append(cms, *m)
			}
		} else {
			var p *upstream.Page[ContactMoment]
			if p, err = c.List(ctx, ContactMomentListOptions{Klant: []string{"k"}}); err == nil {
				cms = p.Results
				stable(t, p)
			}
		}
		var ue *upstream.Error
		if err != nil && !errors.As(err, &ue) {
			t.Fatalf("%T %v, want an *upstream.Error", err, err)
		}
		for i := range cms {
			m := &cms[i]
			stable(t, m)
			urls := m.KlantContactMomentURLs()
			seen := map[string]bool{}
			for _, u := range urls {
				if u == "" || seen[u] {
					t.Fatalf("KlantContactMomentURLs() = %q: empty or repeated", urls)
				}
				seen[u] = true
			}
			for _, r := range m.Klantcontactmomenten {
				if r.URL != "" && !seen[r.URL] {
					t.Fatalf("KlantContactMomentURLs() = %q lacks %q", urls, r.URL)
				}
			}
			for _, k := range m.ExpandedKlantContactMomenten() {
				if k.URL != "" && !seen[k.URL] {
					t.Fatalf("embedded klantcontactmoment %q is not among the URLs %q", k.URL, urls)
				}
			}
			_ = m.ObjectContactMomentURLs()
			_ = m.ExpandedObjectContactMomenten()
		}
	})
}

// fuzzTransport answers every request with the fuzzer's body as JSON.
type fuzzTransport struct{ body []byte }

func (t fuzzTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		_ = r.Body.Close()
	}
	return &http.Response{StatusCode: http.StatusOK, Status: "200 OK", Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: http.Header{"Content-Type": {"application/json"}}, Body: io.NopCloser(bytes.NewReader(t.body)),
		ContentLength: int64(len(t.body)), Request: r}, nil
}

func fuzzClient(t *testing.T, kind upstream.APIKind, base string, body []byte) *upstream.Client {
	t.Helper()
	c, err := upstream.NewClient(upstream.Upstream{Name: "fuzz", Kind: kind, BaseURL: base,
		Retry: upstream.RetryPolicy{MaxAttempts: 1}, MaxResponseBytes: 1 << 20},
		upstream.WithTransport(fuzzTransport{body: body}))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// stable checks that v, decoded from a provider's answer, writes as JSON
// that decodes to the same value: what the gateway caches and passes on is
// what it read.
func stable[T any](t *testing.T, v *T) {
	t.Helper()
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("a decoded %T does not encode: %v", v, err)
	}
	// One round may turn an absent list into an empty one; after that
	// the value must not change.
	for range 2 {
		var again T
		if err := json.Unmarshal(out, &again); err != nil {
			t.Fatalf("%T encodes as %s, which does not decode: %v", v, out, err)
		}
		out2, err := json.Marshal(&again)
		if err != nil {
			t.Fatalf("a decoded %T does not encode: %v", v, err)
		}
		if bytes.Equal(out, out2) {
			return
		}
		out = out2
	}
	t.Fatalf("%T is not stable through JSON: %s", v, out)
}
