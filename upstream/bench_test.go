package upstream

import (
	"context"
	"fmt"
	"testing"
)

func benchRegistry(b *testing.B) *Registry {
	var ups []Upstream
	for _, sys := range []string{"a", "b", "c"} {
		for _, api := range []struct {
			kind APIKind
			path string
		}{{APIZaken, "zaken"}, {APICatalogi, "catalogi"}, {APIDocumenten, "documenten"}} {
			ups = append(ups, Upstream{Name: api.path + "-" + sys, Kind: api.kind,
				BaseURL: fmt.Sprintf("https://openzaak-%s.gemeente.example/%s/api/v1", sys, api.path),
				Auth:    Auth{Type: AuthZGWJWT, ClientID: "klantgraaf", Secret: "s"}})
		}
	}
	r, err := NewRegistry(ups)
	if err != nil {
		b.Fatal(err)
	}
	return r
}

// BenchmarkRoute: finding the upstream of a URL (every loader key does this).
func BenchmarkRoute(b *testing.B) {
	r := benchRegistry(b)
	u := "https://openzaak-b.gemeente.example/zaken/api/v1/zaken/0b4c3f3e-5d0c-4b8e-9b5e-2d1c1f0a9e01"
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := r.Route(u); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCacheKey: the cache key of one request.
func BenchmarkCacheKey(b *testing.B) {
	c, _ := benchRegistry(b).ByName("zaken-a")
	ctx := WithEndUser(context.Background(), EndUser{ID: "kcc-17"})
	u := "https://openzaak-a.gemeente.example/zaken/api/v1/zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=999990019&expand=rollen,status.statustype"
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_ = c.cacheKey(ctx, "GET", u, nil)
	}
}
