package zaken

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
)

// benchFixture is the fixture with a few thousand zaken, each with an
// initiator (500 distinct BSNs) and a status. Requests go straight to the
// router (no network).
func benchFixture(b *testing.B) *fixture {
	b.Helper()
	return newFixtureN(b, 3000, true)
}

func benchGet(b *testing.B, f *fixture, path string) {
	b.Helper()
	req := httptest.NewRequest("GET", f.url(path), nil)
	req.Header.Set("Accept-Crs", "EPSG:4326")
	// Warm the lazy indexes and check the request works.
	rec := httptest.NewRecorder()
	f.router.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		b.Fatalf("%s: %d %s", path, rec.Code, rec.Body.String())
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rec := httptest.NewRecorder()
		f.router.ServeHTTP(rec, req)
	}
}

func BenchmarkZaakDetail(b *testing.B) {
	f := benchFixture(b)
	benchGet(b, f, "/zaken/"+f.zaakUUID(f.fillers[1234]))
}

func BenchmarkZaakDetailExpand(b *testing.B) {
	f := benchFixture(b)
	benchGet(b, f, "/zaken/"+f.zaakUUID(f.z1)+"?expand=zaaktype,status.statustype,rollen.roltype,eigenschappen,deelzaken")
}

// BenchmarkZakenByBSN is the gateway's main reverse look-up: the zaken of a
// person, answered from the rol identification index.
func BenchmarkZakenByBSN(b *testing.B) {
	f := benchFixture(b)
	benchGet(b, f, "/zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=100000042&expand=status")
}

// BenchmarkZakenFilteredList scans the instance's zaken with date and
// zaaktype conditions and an ordering.
func BenchmarkZakenFilteredList(b *testing.B) {
	f := benchFixture(b)
	benchGet(b, f, "/zaken?zaaktype="+url.QueryEscape(f.zaaktypeURL(f.zt2))+
		"&startdatum__gte=2023-03-01&startdatum__lt=2023-09-01&ordering=-startdatum&pageSize=50")
}
