package klantinteracties

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/klantgraaf/klantgraaf/upstream"
)

func TestListKlantcontactenQueryAndExpand(t *testing.T) {
	var gotQuery, gotAuth string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotQuery, gotAuth = r.URL.RawQuery, r.Header.Get("Authorization")
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"count":1,"next":null,"previous":null,"results":[{
			"uuid":"k1","url":"` + "http://" + r.Host + `/klantinteracties/api/v1/klantcontacten/k1",
			"kanaal":"telefoon","onderwerp":"Vraag over WOZ","inhoud":"Gebeld","plaatsgevondenOp":"2025-05-01T10:00:00Z",
			"hadBetrokkenen":[{"uuid":"b1","url":"x/b1"}],
			"_expand":{"hadBetrokkenen":[{"uuid":"b1","url":"x/b1","rol":"klant","initiator":true,"wasPartij":{"uuid":"p1","url":"x/p1"}}],
			"gingOverOnderwerpobjecten":[{"uuid":"o1","url":"x/o1","onderwerpobjectidentificator":{"objectId":"z1","codeObjecttype":"zaak","codeRegister":"open-zaak-a","codeSoortObjectId":"uuid"}}],
			"leiddeTotInterneTaken":[{"uuid":"t1","url":"x/t1","gevraagdeHandeling":"Terugbellen","status":"te_verwerken"}]}}]}`))
	}))
	defer srv.Close()
	up, err := upstream.NewClient(upstream.Upstream{Name: "ki", Kind: upstream.APIKlantinteracties, BaseURL: srv.URL + "/klantinteracties/api/v1",
		Auth: upstream.Auth{Type: upstream.AuthToken, Token: "tok"}})
	if err != nil {
		t.Fatal(err)
	}
	p, err := New(up).ListKlantcontacten(context.Background(), KlantcontactListOptions{
		HadBetrokkeneWasPartijURL: "https://ok.example/partijen/p1",
		Expand:                    []string{ExpandHadBetrokkenen, ExpandGingOverOnderwerpobjecten}, Page: 2})
	if err != nil {
		t.Fatal(err)
	}
	want := "expand=hadBetrokkenen,gingOverOnderwerpobjecten&hadBetrokkene__wasPartij__url=https%3A%2F%2Fok.example%2Fpartijen%2Fp1&page=2"
	if gotQuery != want {
		t.Errorf("query\n got %s\nwant %s", gotQuery, want)
	}
	if gotAuth != "Token tok" {
		t.Errorf("auth %q", gotAuth)
	}
	kc := p.Results[0]
	if kc.Onderwerp != "Vraag over WOZ" || kc.Expand == nil || len(kc.Expand.HadBetrokkenen) != 1 ||
		kc.Expand.HadBetrokkenen[0].WasPartij.URL != "x/p1" || *kc.Expand.HadBetrokkenen[0].Initiator != true ||
		kc.Expand.GingOverOnderwerpobjecten[0].Onderwerpobjectidentificator.CodeRegister != "open-zaak-a" ||
		kc.Expand.LeiddeTotInterneTaken[0].GevraagdeHandeling != "Terugbellen" {
		t.Fatalf("decoded %+v", kc)
	}
}

func TestExpandToleratesOddShapes(t *testing.T) {
	var e KlantcontactExpand
	if err := e.UnmarshalJSON([]byte(`{"hadBetrokkenen":"x","gingOverOnderwerpobjecten":[{"uuid":"o"}]}`)); err != nil {
		t.Fatal(err)
	}
	if len(e.HadBetrokkenen) != 0 || len(e.GingOverOnderwerpobjecten) != 1 {
		t.Fatalf("%+v", e)
	}
}
