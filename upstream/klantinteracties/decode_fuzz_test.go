package klantinteracties_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/klantgraaf/klantgraaf/upstream"
	ki "github.com/klantgraaf/klantgraaf/upstream/klantinteracties"
)

// Run with: go test -run '^$' -fuzz '^FuzzDecode' -fuzztime 30s ./upstream/klantinteracties

// FuzzDecode hands the fuzzer's body to the typed client as the answer of
// each kind of read and of maak-klantcontact: no panic, failures are
// *upstream.Error, and what decoded is stable through JSON.
func FuzzDecode(f *testing.F) {
	for i, s := range []string{expandedKlantcontact(), strings.ReplaceAll(persoonPartij, "%B", sb),
		`{"count":1,"next":null,"previous":null,"results":[` + strings.ReplaceAll(persoonPartij, "%B", sb) + `]}`,
		strings.ReplaceAll(digitaalAdres, "%B", sb), `{"_expand":{"verstrektDoorBetrokkene":{"_expand":{"hadKlantcontact":{"_expand":{}}}}}}`,
		`{"soortActor":"medewerker","actorIdentificatie":{"functie":1}}`, `{"klantcontact":{"uuid":"k"},"betrokkene":null}`,
		`{"partijIdentificatie":[]}`, `{"hadBetrokkenen":[1,"u",{"url":2}]}`, `{"_expand":null}`, `null`, `[]`, `{`, ``} {
		f.Add([]byte(s), uint8(i))
	}
	f.Fuzz(func(t *testing.T, body []byte, what uint8) {
		up, err := upstream.NewClient(upstream.Upstream{Name: "fuzz", Kind: upstream.APIKlantinteracties, BaseURL: sb,
			Auth: upstream.Auth{Type: upstream.AuthToken, Token: "t"}, Retry: upstream.RetryPolicy{MaxAttempts: 1}, MaxResponseBytes: 1 << 20},
			upstream.WithTransport(fuzzTransport{body: body}))
		if err != nil {
			t.Fatal(err)
		}
		c := ki.New(up)
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		switch what % 6 {
		case 0:
			var v *ki.Klantcontact
			if v, err = c.GetKlantcontact(ctx, kcUUID, []string{ki.ExpandHadBetrokkenenWasPartij}); err == nil {
				stable(t, v)
			}
		case 1:
			var v *ki.Partij
			if v, err = c.GetPartij(ctx, partijUUID, nil); err == nil {
				stable(t, v)
			}
		case 2:
			var v *upstream.Page[ki.Partij]
			if v, err = c.ListPartijen(ctx, ki.PartijListOptions{}); err == nil {
				stable(t, v)
			}
		case 3:
			var v *ki.DigitaalAdres
			if v, err = c.GetDigitaalAdres(ctx, daUUID, nil); err == nil {
				stable(t, v)
			}
		case 4:
			var v *ki.Actor
			if v, err = c.GetActor(ctx, actorUUID); err == nil {
				stable(t, v)
			}
		case 5:
			var v *ki.MaakKlantcontact
			if v, err = c.MaakKlantcontact(ctx, &ki.MaakKlantcontact{}); err == nil {
				stable(t, v)
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

// stable checks that v writes as JSON that decodes to the same value.
func stable[T any](t *testing.T, v *T) {
	t.Helper()
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("a decoded %T does not encode: %v", v, err)
	}
	// One round may turn an absent list into an empty one; after that the
	// value must not change.
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
