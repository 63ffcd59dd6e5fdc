package verzoeken_test

import (
	"context"
	"testing"

	"github.com/klantgraaf/klantgraaf/upstream"
	"github.com/klantgraaf/klantgraaf/upstream/internal/uptest"
	"github.com/klantgraaf/klantgraaf/upstream/verzoeken"
)

const empty = `{"count":0,"next":null,"previous":null,"results":[]}`

func TestQueries(t *testing.T) {
	s := uptest.New(t, upstream.APIVerzoeken, "/api/v1")
	c := verzoeken.New(s.Client)
	for _, p := range []string{"verzoeken", "klantverzoeken", "objectverzoeken", "verzoekcontactmomenten", "verzoekinformatieobjecten"} {
		s.JSON("GET /"+p, 200, empty)
	}
	ctx := context.Background()
	klant := "http://ok.example/klanten/api/v1/klanten/k1"
	cases := []struct {
		call func() error
		path string
		want string
	}{
		{func() error {
			_, err := c.List(ctx, verzoeken.VerzoekListOptions{Bronorganisatie: "002220647", Status: "ontvangen", RegistratiedatumGte: "2024-01-01", Page: 2})
			return err
		}, "/api/v1/verzoeken", "bronorganisatie=002220647&page=2&registratiedatum__gte=2024-01-01&status=ontvangen"},
		{func() error { _, err := c.ListKlantVerzoeken(ctx, klant, "", 0); return err },
			"/api/v1/klantverzoeken", "klant=http%3A%2F%2Fok.example%2Fklanten%2Fapi%2Fv1%2Fklanten%2Fk1"},
		{func() error { _, err := c.ListObjectVerzoeken(ctx, "z1", "v1", 4); return err },
			"/api/v1/objectverzoeken", "object=z1&page=4&verzoek=v1"},
		{func() error { _, err := c.ListVerzoekContactMomenten(ctx, "v1", "cm1", 0); return err },
			"/api/v1/verzoekcontactmomenten", "contactmoment=cm1&verzoek=v1"},
		{func() error { _, err := c.ListVerzoekInformatieObjecten(ctx, "v1", "", 0); return err },
			"/api/v1/verzoekinformatieobjecten", "verzoek=v1"},
	}
	for _, tc := range cases {
		if err := tc.call(); err != nil {
			t.Fatalf("%s: %v", tc.path, err)
		}
		if r := s.Last(t); r.Path != tc.path || r.RawQuery != tc.want {
			t.Errorf("got %s?%s\nwant %s?%s", r.Path, r.RawQuery, tc.path, tc.want)
		}
	}
}

func TestGetAndCreates(t *testing.T) {
	s := uptest.New(t, upstream.APIVerzoeken, "/api/v1")
	c := verzoeken.New(s.Client)
	s.JSON("GET /verzoeken/v1", 200, `{"url":"v1","status":"in_behandeling","inTeTrekkenVerzoek":null,"intrekkendeVerzoek":"v2"}`)
	for _, p := range []string{"verzoeken", "klantverzoeken", "objectverzoeken", "verzoekcontactmomenten", "verzoekinformatieobjecten"} {
		s.JSON("POST /"+p, 201, `{"url":"new-`+p+`"}`)
	}
	ctx := context.Background()
	v, err := c.Get(ctx, s.Base+"/verzoeken/v1")
	if err != nil || v.Status != "in_behandeling" || v.InTeTrekkenVerzoek != "" || v.IntrekkendeVerzoek != "v2" {
		t.Fatalf("%v %+v", err, v)
	}
	checks := []struct {
		call func() (string, error)
		body string
	}{
		{func() (string, error) {
			r, err := c.CreateVerzoek(ctx, &verzoeken.Verzoek{Bronorganisatie: "002220647", Status: "ontvangen", Tekst: "graag"})
			return url(r, err)
		}, `{"bronorganisatie":"002220647","tekst":"graag","status":"ontvangen"}`},
		{func() (string, error) {
			r, err := c.CreateKlantVerzoek(ctx, verzoeken.KlantVerzoek{Klant: "k1", Verzoek: "v1", Rol: "initiator"})
			return url(r, err)
		}, `{"klant":"k1","verzoek":"v1","rol":"initiator"}`},
		{func() (string, error) {
			r, err := c.CreateObjectVerzoek(ctx, verzoeken.ObjectVerzoek{Verzoek: "v1", Object: "z1", ObjectType: "zaak"})
			return url(r, err)
		}, `{"verzoek":"v1","object":"z1","objectType":"zaak"}`},
		{func() (string, error) {
			r, err := c.CreateVerzoekContactMoment(ctx, verzoeken.VerzoekContactMoment{Verzoek: "v1", Contactmoment: "cm1"})
			return url(r, err)
		}, `{"verzoek":"v1","contactmoment":"cm1"}`},
		{func() (string, error) {
			r, err := c.CreateVerzoekInformatieObject(ctx, verzoeken.VerzoekInformatieObject{Verzoek: "v1", Informatieobject: "d1"})
			return url(r, err)
		}, `{"verzoek":"v1","informatieobject":"d1"}`},
	}
	for _, ck := range checks {
		u, err := ck.call()
		if err != nil || u == "" {
			t.Fatalf("create: %v", err)
		}
		r := s.Last(t)
		if r.Method != "POST" || r.Body != ck.body || "new-"+r.Path[len("/api/v1/"):] != u {
			t.Errorf("create %s: body %s, url %s", r.Path, r.Body, u)
		}
	}
}

func url[T any](v *T, err error) (string, error) {
	if err != nil || v == nil {
		return "", err
	}
	switch x := any(v).(type) {
	case *verzoeken.Verzoek:
		return x.URL, nil
	case *verzoeken.KlantVerzoek:
		return x.URL, nil
	case *verzoeken.ObjectVerzoek:
		return x.URL, nil
	case *verzoeken.VerzoekContactMoment:
		return x.URL, nil
	case *verzoeken.VerzoekInformatieObject:
		return x.URL, nil
	}
	return "", nil
}
