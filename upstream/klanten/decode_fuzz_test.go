package klanten

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

// Run with: go test -run '^$' -fuzz '^Fuzz' -fuzztime 30s ./upstream/klanten

// FuzzKlantenDecode hands the fuzzer's body to the typed Klanten client as
// a klant and as a page of klanten: no panic, failures are
// *upstream.Error, and what decoded is stable through JSON.
func FuzzKlantenDecode(f *testing.F) {
	base := "http://klanten.test/klanten/api/v1"
	klant := `{"url":"` + base + `/klanten/1","bronorganisatie":"001589738","klantnummer":"1","voornaam":"Jan","achternaam":"Jansen",
		"emailadres":"jan@example.nl","subjectType":"natuurlijk_persoon","subjectIdentificatie":{"inpBsn":"999990019","verblijfsadres":null,
		"subVerblijfBuitenland":{"lndLandcode":"6030"}},"adres":{"huisnummer":150,"postcode":"5646LR"}}`
	vestiging := `{"url":"v","subjectType":"vestiging","subjectIdentificatie":{"handelsnaam":["A","B"],"vestigingsNummer":"000041234583"}}`
	for i, s := range []string{klant, vestiging, `{"count":2,"next":null,"previous":null,"results":[` + klant + `,` + vestiging + `]}`,
		`{"subjectIdentificatie":{"handelsnaam":"A"}}`, `{"adres":{"huisnummer":"150"}}`, `{"adres":{"huisnummer":1.5}}`,
		`{"subjectIdentificatie":null,"adres":null}`, `{"url":"\u0000"}`, `null`, `{"results":{}}`, `[`} {
		f.Add([]byte(s), uint8(i))
	}
	f.Fuzz(func(t *testing.T, body []byte, what uint8) {
		c := New(fuzzClient(t, upstream.APIKlanten, base, body))
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		var err error
		if what%2 == 0 {
			var k *Klant
			if k, err = c.Get(ctx, base+"/klanten/1"); err == nil {
				stable(t, k)
			}
		} else {
			var p *upstream.Page[Klant]
			if p, err = c.List(ctx, KlantListOptions{SubjectNatuurlijkPersoonInpBsn: "999990019"}); err == nil {
				stable(t, p)
			}
		}
		var ue *upstream.Error
		if err != nil && !errors.As(err, &ue) {
			t.Fatalf("%T %v, want an *upstream.Error", err, err)
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
