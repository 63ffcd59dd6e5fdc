package upstream_test

import (
	"testing"

	"github.com/klantgraaf/klantgraaf/upstream"
)

func TestQueryEncoding(t *testing.T) {
	type inner struct {
		Zaak string `q:"zaak"`
	}
	type opts struct {
		inner
		Klant    []string `q:"klant"`
		Page     int      `q:"page"`
		Flag     *bool    `q:"indicatieLaatstGezetteStatus"`
		Empty    string   `q:"empty"`
		NoTag    string
		EmptyLst []string `q:"lst"`
	}
	got := upstream.EncodeQuery(opts{
		inner: inner{Zaak: "https://oz.example/zaken/api/v1/zaken/1"},
		Klant: []string{"https://ok.example/k/1", "", "https://ok.example/k/2,3"},
		Page:  2,
		Flag:  upstream.Bool(false),
		NoTag: "x",
	})
	want := "indicatieLaatstGezetteStatus=false&klant=https%3A%2F%2Fok.example%2Fk%2F1,https%3A%2F%2Fok.example%2Fk%2F2%2C3&page=2&zaak=https%3A%2F%2Foz.example%2Fzaken%2Fapi%2Fv1%2Fzaken%2F1"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if upstream.WithQuery("rollen", opts{}) != "rollen" {
		t.Errorf("empty options must add nothing")
	}
	if upstream.WithQuery("rollen?a=1", opts{Page: 3}) != "rollen?a=1&page=3" {
		t.Errorf("WithQuery with existing query wrong")
	}
}
