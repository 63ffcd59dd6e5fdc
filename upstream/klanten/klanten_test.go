package klanten_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/klantgraaf/klantgraaf/upstream"
	"github.com/klantgraaf/klantgraaf/upstream/internal/uptest"
	"github.com/klantgraaf/klantgraaf/upstream/klanten"
)

func setup(t *testing.T) (*uptest.Server, *klanten.Client) {
	s := uptest.New(t, upstream.APIKlanten, "/klanten/api/v1")
	return s, klanten.New(s.Client)
}

func TestListQueryAndDecode(t *testing.T) {
	s, c := setup(t)
	s.JSON("GET /klanten", 200, `{"count":2,"next":null,"previous":null,"results":[
	  {"url":"k1","klantnummer":"1","subjectType":"natuurlijk_persoon","adres":{"straatnaam":"Dam","huisnummer":1,"postcode":"1012JS"},
	   "subjectIdentificatie":{"inpBsn":"999993653","inpANummer":"1234567890","geslachtsnaam":"Jansen","verblijfsadres":{"aoaIdentificatie":"x","gorOpenbareRuimteNaam":"Dam","aoaHuisnummer":null},
	   "subVerblijfBuitenland":{"lndLandcode":"6030","lndLandnaam":"Nederland","subAdresBuitenland1":"a"}},"geverifieerd":true},
	  {"url":"k2","subjectType":"vestiging","adres":null,"subjectIdentificatie":{"vestigingsNummer":"000012345678","handelsnaam":["Bakker"]}}]}`)
	p, err := c.List(context.Background(), klanten.KlantListOptions{
		SubjectNatuurlijkPersoonInpBsn:       "999993653",
		SubjectVestigingVestigingsNummer:     "000012345678",
		SubjectNietNatuurlijkPersoonInnNnpId: "123456782",
		Achternaam:                           "Jansen",
		Emailadres:                           "j@example.nl",
		Telefoonnummer:                       "+31 20 1234567",
		AdresPostcode:                        "1012JS",
		Subject:                              "http://brp.example/ingeschrevenpersonen/999993653",
		SubjectType:                          klanten.SubjectNatuurlijkPersoon,
		Klantnummer:                          "1",
		Page:                                 2,
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "achternaam=Jansen&adres__postcode=1012JS&emailadres=j%40example.nl&klantnummer=1&page=2" +
		"&subject=http%3A%2F%2Fbrp.example%2Fingeschrevenpersonen%2F999993653" +
		"&subjectNatuurlijkPersoon__inpBsn=999993653&subjectNietNatuurlijkPersoon__innNnpId=123456782" +
		"&subjectType=natuurlijk_persoon&subjectVestiging__vestigingsNummer=000012345678&telefoonnummer=%2B31+20+1234567"
	if got := s.Last(t).RawQuery; got != want {
		t.Errorf("query\n got  %s\n want %s", got, want)
	}
	k := p.Results[0]
	if k.SubjectIdentificatie.InpBsn != "999993653" || k.SubjectIdentificatie.InpANummer != "1234567890" || *k.Adres.Huisnummer != 1 ||
		k.SubjectIdentificatie.SubVerblijfBuitenland.SubAdresBuitenland1 != "a" || !*k.Geverifieerd || k.SubjectIdentificatie.Verblijfsadres.AoaHuisnummer != nil {
		t.Errorf("klant 1: %+v %+v", k, k.SubjectIdentificatie)
	}
	if v := p.Results[1]; v.Adres != nil || v.SubjectIdentificatie.VestigingsNummer != "000012345678" {
		t.Errorf("klant 2: %+v", v)
	}
}

func TestCRUD(t *testing.T) {
	s, c := setup(t)
	s.JSON("POST /klanten", 201, `{"url":"k-new","klantnummer":"9"}`)
	s.JSON("GET /klanten/k1", 200, `{"url":"k1"}`)
	s.JSON("PUT /klanten/k1", 200, `{"url":"k1","achternaam":"Smit"}`)
	s.JSON("PATCH /klanten/k1", 200, `{"url":"k1","emailadres":"n@example.nl"}`)
	s.Mux.HandleFunc("DELETE /klanten/api/v1/klanten/k1", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(204) })
	ctx := context.Background()

	k, err := c.Create(ctx, &klanten.Klant{Bronorganisatie: "002220647", Klantnummer: "9", SubjectType: klanten.SubjectNatuurlijkPersoon,
		SubjectIdentificatie: &klanten.SubjectIdentificatie{InpBsn: "999993653"}})
	if err != nil || k.URL != "k-new" {
		t.Fatalf("%v %+v", err, k)
	}
	r := s.Last(t)
	if r.Method != "POST" || r.Body != `{"bronorganisatie":"002220647","klantnummer":"9","subjectType":"natuurlijk_persoon","subjectIdentificatie":{"inpBsn":"999993653"}}` {
		t.Errorf("create %s %s", r.Method, r.Body)
	}
	if k, err := c.Get(ctx, s.Base+"/klanten/k1"); err != nil || k.URL != "k1" {
		t.Errorf("get %v", err)
	}
	if k, err := c.Update(ctx, "k1", &klanten.Klant{Achternaam: "Smit"}); err != nil || k.Achternaam != "Smit" || s.Last(t).Method != "PUT" {
		t.Errorf("update %v", err)
	}
	if k, err := c.Patch(ctx, s.Base+"/klanten/k1", map[string]string{"emailadres": "n@example.nl"}); err != nil || k.Emailadres != "n@example.nl" ||
		s.Last(t).Body != `{"emailadres":"n@example.nl"}` || s.Last(t).Method != "PATCH" {
		t.Errorf("patch %v", err)
	}
	if err := c.Delete(ctx, "k1"); err != nil || s.Last(t).Method != "DELETE" || s.Last(t).Path != "/klanten/api/v1/klanten/k1" {
		t.Errorf("delete %v", err)
	}
	if err := c.Delete(ctx, "missing"); !upstream.IsKind(err, upstream.NotFound) {
		t.Errorf("delete missing: %v", err)
	}
}
