package loaders

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/99designs/gqlgen/graphql"

	"github.com/klantgraaf/klantgraaf/upstream"
	"github.com/klantgraaf/klantgraaf/upstream/catalogi"
	"github.com/klantgraaf/klantgraaf/upstream/contactmomenten"
	"github.com/klantgraaf/klantgraaf/upstream/documenten"
	"github.com/klantgraaf/klantgraaf/upstream/klanten"
	"github.com/klantgraaf/klantgraaf/upstream/verzoeken"
	"github.com/klantgraaf/klantgraaf/upstream/zaken"
)

// FuzzConvert decodes the fuzzer's JSON as each kind of provider object and
// maps it onto the model: no panic, and every enum the model then holds is
// a value of its GraphQL enum, whatever the provider wrote (a value outside
// the enum would reach callers as an answer the schema does not allow). Run
// it with
//
//	go test -run '^$' -fuzz '^FuzzConvert$' -fuzztime 30s ./loaders
func FuzzConvert(f *testing.F) {
	for _, s := range []struct {
		kind uint8
		body string
	}{
		{0, `{"url":"u","vertrouwelijkheidaanduiding":"beperkt_openbaar","startdatum":"2025-09-30","laatstGemuteerd":"2025-09-30T16:06:27Z","kenmerken":[{"kenmerk":"k"}]}`},
		{0, `{"url":"u","vertrouwelijkheidaanduiding":"zeer geheim"}`},
		{0, `{"startdatum":"2025-02-30","laatstGemuteerd":"gisteren"}`},
		{1, `{"url":"r","betrokkeneType":"natuurlijk_persoon","omschrijvingGeneriek":"initiator","betrokkeneIdentificatie":{"inpBsn":"999990019","voornamen":"Jan","geslachtsnaam":"Jansen"}}`},
		{1, `{"url":"r","betrokkeneType":"vestiging","betrokkeneIdentificatie":{"handelsnaam":["A","B"]}}`},
		{1, `{"url":"r","betrokkeneType":"robot","omschrijvingGeneriek":"Initiator "}`},
		{2, `{"url":"s","datumStatusGezet":"2025-09-30T15:42:59Z"}`},
		{3, `{"url":"t","vertrouwelijkheidaanduiding":"geheim","statustypen":["st"]}`},
		{4, `{"url":"t","omschrijvingGeneriek":"behandelaar"}`},
		{5, `{"url":"t","volgnummer":1,"isEindstatus":true}`},
		{6, `{"url":"d","vertrouwelijkheidaanduiding":"zaakvertrouwelijk","bestandsomvang":1024,"versie":2,"creatiedatum":"2025-09-30"}`},
		{6, `{"url":"d","bestandsomvang":-1}`},
		{7, `{"url":"t","vertrouwelijkheidaanduiding":"openbaar"}`},
		{8, `{"url":"k","subjectType":"natuurlijk_persoon","subjectIdentificatie":{"inpBsn":"999990019"}}`},
		{8, `{"url":"k","subjectType":"persoon"}`},
		{9, `{"url":"c","initiatiefnemer":"gemeente","registratiedatum":"2025-09-30T21:13:23Z","klantcontactmomenten":[{"url":"kcm","rol":"belanghebbende","klant":"k"}]}`},
		{9, `{"url":"c","initiatiefnemer":"ß"}`},
		{10, `{"url":"kcm","rol":"gesprekspartner","gelezen":true}`},
		{11, `{"url":"v","status":"in_behandeling","registratiedatum":"2025-09-29"}`},
	} {
		f.Add([]byte(s.body), s.kind)
	}
	c, err := upstream.NewClient(upstream.Upstream{Name: "fuzz", Kind: upstream.APIZaken, Version: "1.5.1", BaseURL: "http://zaken.test/zaken/api/v1"})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body []byte, what uint8) {
		var m any
		switch what % 12 {
		case 0:
			m = convertAs(body, func(v *zaken.Zaak) any { return toZaak(c, v) })
		case 1:
			m = convertAs(body, func(v *zaken.Rol) any { return toRol(v) })
		case 2:
			m = convertAs(body, func(v *zaken.Status) any { return toStatus(v) })
		case 3:
			m = convertAs(body, func(v *catalogi.ZaakType) any { return toZaaktype(v) })
		case 4:
			m = convertAs(body, func(v *catalogi.RolType) any { return toRoltype(v) })
		case 5:
			m = convertAs(body, func(v *catalogi.StatusType) any { return toStatustype(v) })
		case 6:
			m = convertAs(body, func(v *documenten.EnkelvoudigInformatieObject) any { return toDocument(v) })
		case 7:
			m = convertAs(body, func(v *catalogi.InformatieObjectType) any { return toInformatieobjecttype(v) })
		case 8:
			m = convertAs(body, func(v *klanten.Klant) any { return toKlant(c, v) })
		case 9:
			m = convertAs(body, func(v *contactmomenten.ContactMoment) any { return toContactmoment(c, v) })
		case 10:
			m = convertAs(body, func(v *contactmomenten.KlantContactMoment) any { return toContactmomentKlant(v) })
		case 11:
			m = convertAs(body, func(v *verzoeken.Verzoek) any { return toVerzoek(c, v) })
		}
		if m != nil {
			checkEnums(t, reflect.ValueOf(m), "", 0)
		}
	})
}

func convertAs[T any](body []byte, conv func(*T) any) any {
	var v T
	if json.Unmarshal(body, &v) != nil {
		return nil
	}
	return conv(&v)
}

var unmarshalerType = reflect.TypeFor[graphql.Unmarshaler]()

// checkEnums walks a model value and checks that every string-kinded field
// whose type reads GraphQL input (the enums) holds a value it accepts.
func checkEnums(t *testing.T, v reflect.Value, path string, depth int) {
	t.Helper()
	if depth > 8 {
		return
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			checkEnums(t, v.Elem(), path, depth+1)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				checkEnums(t, v.Field(i), path+"."+v.Type().Field(i).Name, depth+1)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			checkEnums(t, v.Index(i), path, depth+1)
		}
	case reflect.String:
		if v.Len() == 0 || !reflect.PointerTo(v.Type()).Implements(unmarshalerType) {
			return
		}
		probe := reflect.New(v.Type())
		if err := probe.Interface().(graphql.Unmarshaler).UnmarshalGQL(v.String()); err != nil {
			t.Fatalf("%s = %q, not a value of enum %s: %v", path, v.String(), v.Type().Name(), err)
		}
	}
}
