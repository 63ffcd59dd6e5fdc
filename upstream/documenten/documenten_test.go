package documenten_test

import (
	"context"
	"testing"

	"github.com/klantgraaf/klantgraaf/upstream"
	"github.com/klantgraaf/klantgraaf/upstream/documenten"
	"github.com/klantgraaf/klantgraaf/upstream/internal/uptest"
)

func setup(t *testing.T) (*uptest.Server, *documenten.Client) {
	s := uptest.New(t, upstream.APIDocumenten, "/documenten/api/v1")
	return s, documenten.New(s.Client)
}

func TestSearchBodyAndPaginatedAnswer(t *testing.T) {
	s, c := setup(t)
	s.JSON("POST /enkelvoudiginformatieobjecten/_zoek", 200, `{"count":2,"next":null,"previous":null,"results":[
	  {"url":"d1","titel":"Brief","locked":false,"bestandsomvang":1234,"indicatieGebruiksrecht":null,"inhoud":"http://x/d1/download",
	   "_expand":{"informatieobjecttype":{"url":"iot1","omschrijving":"Brief"}}},
	  {"url":"d2","titel":"Foto","locked":true,"bestandsomvang":null}]}`)
	p, err := c.SearchEnkelvoudigInformatieObjecten(context.Background(), []string{"u1", "u2"}, []string{documenten.ExpandInformatieobjecttype}, 0)
	if err != nil {
		t.Fatal(err)
	}
	r := s.Last(t)
	if r.Method != "POST" || r.Path != "/documenten/api/v1/enkelvoudiginformatieobjecten/_zoek" || r.RawQuery != "" {
		t.Errorf("request %s %s?%s", r.Method, r.Path, r.RawQuery)
	}
	if r.Body != `{"uuid__in":["u1","u2"],"expand":["informatieobjecttype"]}` {
		t.Errorf("body %s", r.Body)
	}
	if p.Count != 2 || *p.Results[0].Bestandsomvang != 1234 || p.Results[0].IndicatieGebruiksrecht != nil ||
		p.Results[0].Expand.Informatieobjecttype.Omschrijving != "Brief" || !p.Results[1].Locked || p.Results[1].Bestandsomvang != nil {
		t.Errorf("results %+v", p.Results)
	}
	if _, err := c.SearchEnkelvoudigInformatieObjecten(context.Background(), nil, nil, 2); err != nil {
		t.Fatal(err)
	}
	if r := s.Last(t); r.Body != `{"uuid__in":[]}` || r.RawQuery != "page=2" {
		t.Errorf("empty search %s?%s %s", r.Path, r.RawQuery, r.Body)
	}
}

func TestListAndRelations(t *testing.T) {
	s, c := setup(t)
	s.JSON("GET /enkelvoudiginformatieobjecten", 200, `{"count":0,"next":null,"previous":null,"results":[]}`)
	s.JSON("GET /objectinformatieobjecten", 200, `[{"url":"oio1","informatieobject":"d1","object":"z1","objectType":"zaak"}]`)
	s.JSON("GET /enkelvoudiginformatieobjecten/d1", 200, `{"url":"d1","titel":"Brief"}`)
	s.JSON("GET /objectinformatieobjecten/oio1", 200, `{"url":"oio1","objectType":"besluit"}`)
	ctx := context.Background()
	zaak := "http://oz.example/zaken/api/v1/zaken/z1"
	if _, err := c.List(ctx, documenten.ListOptions{ObjectinformatieobjectenObject: zaak, Vertrouwelijkheidaanduiding: "openbaar",
		Locked: upstream.Bool(false), Expand: []string{"informatieobjecttype"}, PageSize: 20}); err != nil {
		t.Fatal(err)
	}
	want := "expand=informatieobjecttype&locked=false&objectinformatieobjecten__object=http%3A%2F%2Foz.example%2Fzaken%2Fapi%2Fv1%2Fzaken%2Fz1&pageSize=20&vertrouwelijkheidaanduiding=openbaar"
	if got := s.Last(t).RawQuery; got != want {
		t.Errorf("list query\n got  %s\n want %s", got, want)
	}
	oio, err := c.ListObjectInformatieObjecten(ctx, zaak, "")
	if err != nil || len(oio) != 1 || oio[0].ObjectType != "zaak" {
		t.Fatalf("%v %+v", err, oio)
	}
	if got := s.Last(t).RawQuery; got != "object=http%3A%2F%2Foz.example%2Fzaken%2Fapi%2Fv1%2Fzaken%2Fz1" {
		t.Errorf("oio query %s", got)
	}
	d, err := c.GetEnkelvoudigInformatieObject(ctx, s.Base+"/enkelvoudiginformatieobjecten/d1", []string{"informatieobjecttype"})
	if err != nil || d.Titel != "Brief" || s.Last(t).RawQuery != "expand=informatieobjecttype" {
		t.Errorf("get %v %+v %s", err, d, s.Last(t).RawQuery)
	}
	if o, err := c.GetObjectInformatieObject(ctx, "oio1"); err != nil || o.ObjectType != "besluit" {
		t.Errorf("get oio %v %+v", err, o)
	}
}
