package contactmomenten_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/klantgraaf/klantgraaf/upstream"
	"github.com/klantgraaf/klantgraaf/upstream/contactmomenten"
	"github.com/klantgraaf/klantgraaf/upstream/internal/uptest"
)

func setup(t *testing.T) (*uptest.Server, *contactmomenten.Client) {
	s := uptest.New(t, upstream.APIContactmomenten, "/contactmomenten/api/v1")
	return s, contactmomenten.New(s.Client)
}

func TestListKlantFilterIsCommaJoined(t *testing.T) {
	s, c := setup(t)
	s.JSON("GET /contactmomenten", 200, `{"count":1,"next":null,"previous":null,"results":[
	  {"url":"cm1","kanaal":"telefoon","klantcontactmomenten":["kcm1","kcm2"],"objectcontactmomenten":[],"medewerkerIdentificatie":null}]}`)
	p, err := c.List(context.Background(), contactmomenten.ContactMomentListOptions{
		Klant:               []string{"http://ok.example/klanten/api/v1/klanten/k1", "http://ok.example/klanten/api/v1/klanten/k2"},
		Object:              []string{"http://oz.example/zaken/api/v1/zaken/z1"},
		Kanaal:              "telefoon",
		RegistratiedatumGte: "2024-01-01T00:00:00Z",
		RegistratiedatumLt:  "2024-02-01",
		Medewerker:          "http://mw.example/m/1",
		Ordering:            "-registratiedatum",
		Expand:              []string{contactmomenten.ExpandKlantcontactmomenten, contactmomenten.ExpandObjectcontactmomenten},
		Page:                2,
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "expand=klantcontactmomenten,objectcontactmomenten&kanaal=telefoon" +
		"&klant=http%3A%2F%2Fok.example%2Fklanten%2Fapi%2Fv1%2Fklanten%2Fk1,http%3A%2F%2Fok.example%2Fklanten%2Fapi%2Fv1%2Fklanten%2Fk2" +
		"&medewerker=http%3A%2F%2Fmw.example%2Fm%2F1" +
		"&object=http%3A%2F%2Foz.example%2Fzaken%2Fapi%2Fv1%2Fzaken%2Fz1" +
		"&ordering=-registratiedatum&page=2" +
		"&registratiedatum__gte=2024-01-01T00%3A00%3A00Z&registratiedatum__lt=2024-02-01"
	if got := s.Last(t).RawQuery; got != want {
		t.Errorf("query\n got  %s\n want %s", got, want)
	}
	cm := p.Results[0]
	if u := cm.KlantContactMomentURLs(); len(u) != 2 || u[1] != "kcm2" || len(cm.ExpandedKlantContactMomenten()) != 0 || cm.MedewerkerIdentificatie != nil {
		t.Errorf("refs %+v", cm)
	}
}

func TestGetExpandedInPlace(t *testing.T) {
	s, c := setup(t)
	s.JSON("GET /contactmomenten/cm1", 200, `{"url":"cm1","tekst":"vraag over afval",
	  "klantcontactmomenten":[{"url":"kcm1","contactmoment":"cm1","klant":"k1","rol":"gesprekspartner","gelezen":false},"kcm2"],
	  "objectcontactmomenten":[{"url":"ocm1","contactmoment":"cm1","object":"z1","objectType":"zaak"}]}`)
	cm, err := c.Get(context.Background(), s.Base+"/contactmomenten/cm1", []string{"klantcontactmomenten", "objectcontactmomenten"})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Last(t).RawQuery; got != "expand=klantcontactmomenten,objectcontactmomenten" {
		t.Errorf("query %s", got)
	}
	kcms := cm.ExpandedKlantContactMomenten()
	if len(kcms) != 1 || kcms[0].Klant != "k1" || kcms[0].Rol != "gesprekspartner" || *kcms[0].Gelezen {
		t.Errorf("expanded kcm %+v", kcms)
	}
	if u := cm.KlantContactMomentURLs(); len(u) != 2 || u[0] != "kcm1" || u[1] != "kcm2" {
		t.Errorf("kcm urls %v", u)
	}
	if o := cm.ExpandedObjectContactMomenten(); len(o) != 1 || o[0].Object != "z1" {
		t.Errorf("ocm %+v", o)
	}
	// Re-encoding keeps objects as objects and URLs as strings.
	b, _ := json.Marshal(cm.Klantcontactmomenten)
	if string(b) != `[{"url":"kcm1","contactmoment":"cm1","klant":"k1","rol":"gesprekspartner","gelezen":false},"kcm2"]` {
		t.Errorf("re-encoded %s", b)
	}
}

func TestGetExpandedUnderExpandAndMalformed(t *testing.T) {
	s, c := setup(t)
	s.JSON("GET /contactmomenten/cm2", 200, `{"url":"cm2","klantcontactmomenten":["kcm1"],
	  "_expand":{"klantcontactmomenten":[{"url":"kcm1","klant":"k9","rol":"belanghebbende"}],"objectcontactmomenten":"nonsense","other":1}}`)
	s.JSON("GET /contactmomenten/cm3", 200, `{"url":"cm3","klantcontactmomenten":{"unexpected":true},"objectcontactmomenten":[42,null,"ocm1"],"_expand":[1,2]}`)
	cm, err := c.Get(context.Background(), "cm2", []string{"klantcontactmomenten"})
	if err != nil {
		t.Fatal(err)
	}
	if k := cm.ExpandedKlantContactMomenten(); len(k) != 1 || k[0].Klant != "k9" {
		t.Errorf("from _expand: %+v", k)
	}
	if u := cm.KlantContactMomentURLs(); len(u) != 1 || u[0] != "kcm1" {
		t.Errorf("deduplicated urls %v", u)
	}
	if len(cm.ExpandedObjectContactMomenten()) != 0 {
		t.Errorf("nonsense decoded to objects")
	}
	cm3, err := c.Get(context.Background(), "cm3", nil)
	if err != nil {
		t.Fatalf("malformed relation lists must not fail decoding: %v", err)
	}
	if len(cm3.Klantcontactmomenten) != 0 || len(cm3.ObjectContactMomentURLs()) != 1 || cm3.ObjectContactMomentURLs()[0] != "ocm1" {
		t.Errorf("tolerant decode %+v", cm3)
	}
}

func TestRelationListsAndCreates(t *testing.T) {
	s, c := setup(t)
	s.JSON("GET /klantcontactmomenten", 200, `{"count":1,"next":null,"previous":null,"results":[{"url":"kcm1","contactmoment":"cm1","klant":"k1","rol":"belanghebbende"}]}`)
	s.JSON("GET /objectcontactmomenten", 200, `{"count":1,"next":null,"previous":null,"results":[{"url":"ocm1","contactmoment":"cm1","object":"z1","objectType":"zaak"}]}`)
	s.JSON("POST /contactmomenten", 201, `{"url":"cm-new","kanaal":"email"}`)
	s.JSON("POST /klantcontactmomenten", 201, `{"url":"kcm-new"}`)
	s.JSON("POST /objectcontactmomenten", 201, `{"url":"ocm-new"}`)
	s.JSON("GET /klantcontactmomenten/kcm1", 200, `{"url":"kcm1","rol":"gesprekspartner"}`)
	s.JSON("GET /objectcontactmomenten/ocm1", 200, `{"url":"ocm1","objectType":"zaak"}`)
	ctx := context.Background()
	klant := "http://ok.example/klanten/api/v1/klanten/k1"

	p, err := c.ListKlantContactMomenten(ctx, "", klant, "belanghebbende", 3)
	if err != nil || p.Results[0].Klant != "k1" {
		t.Fatalf("%v %+v", err, p)
	}
	if got := s.Last(t).RawQuery; got != "klant=http%3A%2F%2Fok.example%2Fklanten%2Fapi%2Fv1%2Fklanten%2Fk1&page=3&rol=belanghebbende" {
		t.Errorf("kcm query %s", got)
	}
	if _, err := c.ListObjectContactMomenten(ctx, "http://oz.example/zaken/api/v1/zaken/z1", "cm1", 0); err != nil {
		t.Fatal(err)
	}
	if got := s.Last(t).RawQuery; got != "contactmoment=cm1&object=http%3A%2F%2Foz.example%2Fzaken%2Fapi%2Fv1%2Fzaken%2Fz1" {
		t.Errorf("ocm query %s", got)
	}
	cm, err := c.CreateContactMoment(ctx, &contactmomenten.ContactMoment{Bronorganisatie: "002220647", Kanaal: "email", Tekst: "vraag",
		MedewerkerIdentificatie: &contactmomenten.Medewerker{Identificatie: "mw1"}})
	if err != nil || cm.URL != "cm-new" {
		t.Fatalf("%v %+v", err, cm)
	}
	if b := s.Last(t).Body; b != `{"bronorganisatie":"002220647","kanaal":"email","tekst":"vraag","medewerkerIdentificatie":{"identificatie":"mw1"}}` {
		t.Errorf("cm body %s", b)
	}
	if _, err := c.CreateKlantContactMoment(ctx, contactmomenten.KlantContactMoment{Contactmoment: "cm1", Klant: klant, Rol: "gesprekspartner"}); err != nil {
		t.Fatal(err)
	}
	if b := s.Last(t).Body; b != `{"contactmoment":"cm1","klant":"`+klant+`","rol":"gesprekspartner"}` {
		t.Errorf("kcm body %s", b)
	}
	if _, err := c.CreateObjectContactMoment(ctx, contactmomenten.ObjectContactMoment{Contactmoment: "cm1", Object: "z1", ObjectType: "zaak"}); err != nil {
		t.Fatal(err)
	}
	if b := s.Last(t).Body; b != `{"contactmoment":"cm1","object":"z1","objectType":"zaak"}` {
		t.Errorf("ocm body %s", b)
	}
	if k, err := c.GetKlantContactMoment(ctx, "kcm1"); err != nil || k.Rol != "gesprekspartner" {
		t.Errorf("get kcm %v", err)
	}
	if o, err := c.GetObjectContactMoment(ctx, s.Base+"/objectcontactmomenten/ocm1"); err != nil || o.ObjectType != "zaak" {
		t.Errorf("get ocm %v", err)
	}
}
