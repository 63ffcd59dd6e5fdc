package catalogi_test

import (
	"context"
	"testing"

	"github.com/klantgraaf/klantgraaf/upstream"
	"github.com/klantgraaf/klantgraaf/upstream/catalogi"
	"github.com/klantgraaf/klantgraaf/upstream/internal/uptest"
)

const empty = `{"count":0,"next":null,"previous":null,"results":[]}`

func TestListQueries(t *testing.T) {
	s := uptest.New(t, upstream.APICatalogi, "/catalogi/api/v1")
	c := catalogi.New(s.Client)
	for _, p := range []string{"zaaktypen", "statustypen", "resultaattypen", "roltypen", "eigenschappen", "informatieobjecttypen", "catalogussen"} {
		s.JSON("GET /"+p, 200, empty)
	}
	ctx := context.Background()
	zt := "http://oz.example/catalogi/api/v1/zaaktypen/zt1"
	cases := []struct {
		call func() error
		path string
		want string
	}{
		{func() error {
			_, err := c.ListZaakTypen(ctx, catalogi.ZaakTypeListOptions{Catalogus: "http://oz.example/catalogi/api/v1/catalogussen/c1",
				IdentificatieIcontains: "melding", Trefwoorden: []string{"afval", "straat"}, Status: "alles", Page: 2, PageSize: 500})
			return err
		}, "/catalogi/api/v1/zaaktypen",
			"catalogus=http%3A%2F%2Foz.example%2Fcatalogi%2Fapi%2Fv1%2Fcatalogussen%2Fc1&identificatie__icontains=melding&page=2&pageSize=500&status=alles&trefwoorden=afval,straat"},
		{func() error {
			_, err := c.ListStatusTypen(ctx, catalogi.ZaaktypeFilter{Zaaktype: zt})
			return err
		}, "/catalogi/api/v1/statustypen", "zaaktype=http%3A%2F%2Foz.example%2Fcatalogi%2Fapi%2Fv1%2Fzaaktypen%2Fzt1"},
		{func() error {
			_, err := c.ListResultaatTypen(ctx, catalogi.ZaaktypeFilter{ZaaktypeIdentificatie: "ZT-1", DatumGeldigheid: "2024-05-01"})
			return err
		}, "/catalogi/api/v1/resultaattypen", "datumGeldigheid=2024-05-01&zaaktypeIdentificatie=ZT-1"},
		{func() error {
			_, err := c.ListRolTypen(ctx, catalogi.RolTypeListOptions{ZaaktypeFilter: catalogi.ZaaktypeFilter{Zaaktype: "zt"}, OmschrijvingGeneriek: "initiator"})
			return err
		}, "/catalogi/api/v1/roltypen", "omschrijvingGeneriek=initiator&zaaktype=zt"},
		{func() error {
			_, err := c.ListEigenschappen(ctx, catalogi.ZaaktypeFilter{Zaaktype: "zt", Status: "definitief"})
			return err
		}, "/catalogi/api/v1/eigenschappen", "status=definitief&zaaktype=zt"},
		{func() error {
			_, err := c.ListInformatieObjectTypen(ctx, catalogi.InformatieObjectTypeListOptions{Zaaktype: "zt", OmschrijvingIcontains: "brief"})
			return err
		}, "/catalogi/api/v1/informatieobjecttypen", "omschrijving__icontains=brief&zaaktype=zt"},
		{func() error {
			_, err := c.ListCatalogussen(ctx, catalogi.CatalogusListOptions{RsinIn: []string{"002220647", "123456782"}})
			return err
		}, "/catalogi/api/v1/catalogussen", "rsin__in=002220647,123456782"},
	}
	for _, tc := range cases {
		if err := tc.call(); err != nil {
			t.Fatalf("%s: %v", tc.path, err)
		}
		r := s.Last(t)
		if r.Path != tc.path || r.RawQuery != tc.want {
			t.Errorf("got %s?%s\nwant %s?%s", r.Path, r.RawQuery, tc.path, tc.want)
		}
		if r.Header.Get("Accept-Crs") != "" {
			t.Errorf("catalogi request carries Accept-Crs")
		}
	}
}

func TestGets(t *testing.T) {
	s := uptest.New(t, upstream.APICatalogi, "/catalogi/api/v1")
	c := catalogi.New(s.Client)
	s.JSON("GET /zaaktypen/zt1", 200, `{"url":"zt1","identificatie":"ZT-1","omschrijving":"Melding","concept":false,"verlengingMogelijk":true,
	  "referentieproces":{"naam":"melding"},"gerelateerdeZaaktypen":[{"zaaktype":"zt2","aardRelatie":"vervolg"}],"eindeGeldigheid":null}`)
	s.JSON("GET /statustypen/st1", 200, `{"url":"st1","omschrijving":"Afgerond","volgnummer":3,"isEindstatus":true,"toelichting":null}`)
	s.JSON("GET /resultaattypen/rt1", 200, `{"url":"rt1","omschrijving":"Toegekend","indicatieSpecifiek":null,"brondatumArchiefprocedure":{"afleidingswijze":"afgehandeld","einddatumBekend":false,"procestermijn":null}}`)
	s.JSON("GET /roltypen/ro1", 200, `{"url":"ro1","omschrijvingGeneriek":"behandelaar"}`)
	s.JSON("GET /eigenschappen/e1", 200, `{"url":"e1","naam":"kenteken","specificatie":{"formaat":"tekst","lengte":"8","kardinaliteit":"1"}}`)
	s.JSON("GET /informatieobjecttypen/i1", 200, `{"url":"i1","omschrijving":"Brief","vertrouwelijkheidaanduiding":"openbaar"}`)
	s.JSON("GET /catalogussen/c1", 200, `{"url":"c1","domein":"ABC","rsin":"002220647"}`)
	ctx := context.Background()
	zt, err := c.GetZaakType(ctx, s.Base+"/zaaktypen/zt1")
	if err != nil || zt.Identificatie != "ZT-1" || !zt.VerlengingMogelijk || zt.Referentieproces.Naam != "melding" || zt.GerelateerdeZaaktypen[0].AardRelatie != "vervolg" {
		t.Errorf("zaaktype %v %+v", err, zt)
	}
	if st, err := c.GetStatusType(ctx, "st1"); err != nil || !st.IsEindstatus || st.Volgnummer != 3 {
		t.Errorf("statustype %v %+v", err, st)
	}
	if rt, err := c.GetResultaatType(ctx, "rt1"); err != nil || rt.IndicatieSpecifiek != nil || rt.BrondatumArchiefprocedure.Afleidingswijze != "afgehandeld" {
		t.Errorf("resultaattype %v %+v", err, rt)
	}
	if ro, err := c.GetRolType(ctx, "ro1"); err != nil || ro.OmschrijvingGeneriek != "behandelaar" {
		t.Errorf("roltype %v %+v", err, ro)
	}
	if e, err := c.GetEigenschap(ctx, "e1"); err != nil || e.Specificatie.Lengte != "8" {
		t.Errorf("eigenschap %v %+v", err, e)
	}
	if i, err := c.GetInformatieObjectType(ctx, "i1"); err != nil || i.Omschrijving != "Brief" {
		t.Errorf("iotype %v %+v", err, i)
	}
	if cat, err := c.GetCatalogus(ctx, "c1"); err != nil || cat.Rsin != "002220647" {
		t.Errorf("catalogus %v %+v", err, cat)
	}
	if _, err := c.GetZaakType(ctx, "http://elders.example/catalogi/api/v1/zaaktypen/zt1"); !upstream.IsKind(err, upstream.UnknownSource) {
		t.Errorf("foreign URL: %v", err)
	}
}
