package loaders

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/klantgraaf/klantgraaf/upstream"
	"github.com/klantgraaf/klantgraaf/upstream/zaken"
)

func benchFetcher(b *testing.B) *Fetcher {
	var ups []upstream.Upstream
	for _, sys := range []string{"a", "b"} {
		for _, api := range []struct {
			kind upstream.APIKind
			path string
		}{{upstream.APIZaken, "zaken"}, {upstream.APICatalogi, "catalogi"}} {
			ups = append(ups, upstream.Upstream{Name: api.path + "-" + sys, Kind: api.kind,
				BaseURL: fmt.Sprintf("https://openzaak-%s.gemeente.example/%s/api/v1", sys, api.path),
				Auth:    upstream.Auth{Type: upstream.AuthZGWJWT, ClientID: "klantgraaf", Secret: "s"}})
		}
	}
	reg, err := upstream.NewRegistry(ups)
	if err != nil {
		b.Fatal(err)
	}
	return NewFetcher(reg, Options{})
}

// BenchmarkBatchSplit: splitting a batch of 100 zaak URLs per upstream.
func BenchmarkBatchSplit(b *testing.B) {
	l := benchFetcher(b).NewLoaders()
	keys := make([]string, 100)
	for i := range keys {
		keys[i] = fmt.Sprintf("https://openzaak-%c.gemeente.example/zaken/api/v1/zaken/0b4c3f3e-5d0c-4b8e-9b5e-%012d", 'a'+i%2, i)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		groups := map[*upstream.Client][]int{}
		for j, k := range keys {
			c, err := l.route(k, "zaak", upstream.APIZaken)
			if err != nil {
				b.Fatal(err)
			}
			groups[c] = append(groups[c], j)
		}
		if len(groups) != 2 {
			b.Fatal(len(groups))
		}
	}
}

const expandedZaak = `{"url":"https://openzaak-a.gemeente.example/zaken/api/v1/zaken/0b4c3f3e-5d0c-4b8e-9b5e-2d1c1f0a9e01",
"uuid":"0b4c3f3e-5d0c-4b8e-9b5e-2d1c1f0a9e01","identificatie":"ZAAK-2025-0001234","bronorganisatie":"001589738",
"omschrijving":"Aanvraag parkeervergunning","zaaktype":"https://openzaak-a.gemeente.example/catalogi/api/v1/zaaktypen/1",
"registratiedatum":"2025-03-01","startdatum":"2025-03-01","einddatum":null,"vertrouwelijkheidaanduiding":"openbaar",
"status":"https://openzaak-a.gemeente.example/zaken/api/v1/statussen/1","resultaat":null,
"rollen":["https://openzaak-a.gemeente.example/zaken/api/v1/rollen/1","https://openzaak-a.gemeente.example/zaken/api/v1/rollen/2"],
"eigenschappen":[],"zaakinformatieobjecten":[],"zaakobjecten":[],"deelzaken":[],"kenmerken":[],
"_expand":{"zaaktype":{"url":"https://openzaak-a.gemeente.example/catalogi/api/v1/zaaktypen/1","identificatie":"PARK","omschrijving":"Parkeervergunning"},
"status":{"url":"https://openzaak-a.gemeente.example/zaken/api/v1/statussen/1","statustype":"https://openzaak-a.gemeente.example/catalogi/api/v1/statustypen/1","datumStatusGezet":"2025-03-02T09:00:00Z",
"_expand":{"statustype":{"url":"https://openzaak-a.gemeente.example/catalogi/api/v1/statustypen/1","omschrijving":"Ontvangen","volgnummer":1,"isEindstatus":false}}},
"rollen":[{"url":"https://openzaak-a.gemeente.example/zaken/api/v1/rollen/1","betrokkeneType":"natuurlijk_persoon","omschrijvingGeneriek":"initiator",
"betrokkeneIdentificatie":{"inpBsn":"999990019","geslachtsnaam":"Berg","voorvoegselGeslachtsnaam":"van den","voornamen":"Hans"}},
{"url":"https://openzaak-a.gemeente.example/zaken/api/v1/rollen/2","betrokkeneType":"medewerker","omschrijvingGeneriek":"behandelaar",
"betrokkeneIdentificatie":{"identificatie":"mw-17","achternaam":"Jansen","voorletters":"P."}}]}}`

// BenchmarkDecodeExpandedZaak: decoding a zaak with embedded objects and
// mapping it onto the model.
func BenchmarkDecodeExpandedZaak(b *testing.B) {
	l := benchFetcher(b).NewLoaders()
	c, _ := l.f.reg.ByName("zaken-a")
	raw := []byte(expandedZaak)
	b.ReportAllocs()
	b.SetBytes(int64(len(raw)))
	for i := 0; i < b.N; i++ {
		var z zaken.Zaak
		if err := json.Unmarshal(raw, &z); err != nil {
			b.Fatal(err)
		}
		if m := toZaak(c, &z); m.Identificatie == "" {
			b.Fatal("empty")
		}
	}
}
