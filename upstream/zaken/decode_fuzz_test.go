package zaken

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

// Run with: go test -run '^$' -fuzz '^Fuzz' -fuzztime 30s ./upstream/zaken

// FuzzZakenDecode hands the fuzzer's body to the typed Zaken client as the
// answer of each kind of read (a zaak with _expand, a page, a _zoek page, a
// rol, a status, a plain-array sub-resource): no panic, failures are
// *upstream.Error, and what decoded is stable through JSON.
func FuzzZakenDecode(f *testing.F) {
	base := "http://zaken.test/zaken/api/v1"
	zaak := `{"url":"` + base + `/zaken/1","uuid":"1","identificatie":"ZAAK-1","startdatum":"2025-09-30","einddatum":null,
		"zaakgeometrie":{"type":"Point","coordinates":[5.4,51.4]},"verlenging":null,"opschorting":{"indicatie":false,"reden":""},
		"rollen":["` + base + `/rollen/1"],"kenmerken":[{"kenmerk":"k","bron":"b"}],"relevanteAndereZaken":[{"url":"u","aardRelatie":"vervolg"}],
		"_expand":{"zaaktype":{"url":"z","omschrijving":"o"},"status":{"url":"s","_expand":{"statustype":{"url":"st","isEindstatus":true}}},
		"rollen":[{"url":"r","betrokkeneType":"natuurlijk_persoon","betrokkeneIdentificatie":{"inpBsn":"999990019"},"_expand":{"roltype":{"url":"rt"}}}],
		"hoofdzaak":{"url":"h","_expand":{"hoofdzaak":{"url":"hh"}}},"deelzaken":[{"url":"d"}]}}`
	for i, s := range []string{zaak, `{"count":1,"next":null,"previous":null,"results":[` + zaak + `]}`,
		`{"count":2,"next":"` + base + `/zaken?page=2","previous":null,"results":[{}]}`, `{"count":0,"results":null}`,
		`{"url":"r","betrokkeneIdentificatie":{"verblijfsadres":{"aoaHuisnummer":1}},"authenticatieContext":{"x":[1,2]}}`,
		`{"url":"s","datumStatusGezet":"2025-09-30T15:42:59Z","gezetdoor":null}`, `[{"url":"e","naam":"n","waarde":"w"}]`,
		`{"zaakgeometrie":null}`, `{"zaakgeometrie":1e400}`, `{"_expand":null}`, `{"_expand":{"rollen":{}}}`, `{"rollen":"x"}`,
		`{"url":"\ud800"}`, `null`, `[]`, `{`, ``} {
		f.Add([]byte(s), uint8(i))
	}
	f.Fuzz(func(t *testing.T, body []byte, what uint8) {
		c := New(fuzzClient(t, upstream.APIZaken, base, body))
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		var err error
		switch what % 7 {
		case 0:
			var z *Zaak
			if z, err = c.Get(ctx, base+"/zaken/1", []string{ExpandRollen, ExpandStatusStatustype}); err == nil {
				stable(t, z)
			}
		case 1:
			var p *upstream.Page[Zaak]
			if p, err = c.List(ctx, ZaakListOptions{}); err == nil {
				stable(t, p)
			}
		case 2:
			var p *upstream.Page[Zaak]
			if p, err = c.Search(ctx, ZaakZoekRequest{UUIDIn: []string{"1"}}, 1, 10); err == nil {
				stable(t, p)
			}
		case 3:
			var r *Rol
			if r, err = c.GetRol(ctx, base+"/rollen/1"); err == nil {
				stable(t, r)
			}
		case 4:
			var s *Status
			if s, err = c.GetStatus(ctx, base+"/statussen/1"); err == nil {
				stable(t, s)
			}
		case 5:
			var es []ZaakEigenschap
			if es, err = c.ListZaakEigenschappen(ctx, base+"/zaken/1"); err == nil {
				stable(t, &es)
			}
		case 6:
			_, err = c.SearchAll(ctx, ZaakZoekRequest{UUIDIn: []string{"1"}}, 10, 3)
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
