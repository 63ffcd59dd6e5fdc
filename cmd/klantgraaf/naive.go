package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/klantgraaf/klantgraaf/sim"
)

// naiveClient is what a KCC front end does today without klantgraaf: one
// REST call after another, following every URL by hand.
type naiveClient struct {
	provs    []sim.Provider
	hc       *http.Client
	requests int
}

func newNaiveClient(provs []sim.Provider) *naiveClient {
	return &naiveClient{provs: provs, hc: &http.Client{Timeout: 30 * time.Second}}
}

func (n *naiveClient) provider(u string) (sim.Provider, error) {
	for _, p := range n.provs {
		if strings.HasPrefix(u, p.BaseURL+"/") || strings.HasPrefix(u, p.BaseURL+"?") {
			return p, nil
		}
	}
	return sim.Provider{}, fmt.Errorf("no provider for %s", u)
}

func (n *naiveClient) get(ctx context.Context, u string, v any) error {
	p, err := n.provider(u)
	if err != nil {
		return err
	}
	tok, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"iss": p.Auth.ClientID, "client_id": p.Auth.ClientID,
		"iat": time.Now().Unix(), "user_id": "kcc", "user_representation": "KCC"}).SignedString([]byte(p.Auth.Secret))
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+tok)
	req.Header.Set("Accept-Crs", "EPSG:4326")
	n.requests++
	resp, err := n.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %d", u, resp.StatusCode)
	}
	return json.Unmarshal(b, v)
}

type obj = map[string]any

func (n *naiveClient) list(ctx context.Context, u string) ([]obj, error) {
	var out []obj
	for u != "" {
		var page struct {
			Next    *string `json:"next"`
			Results []obj   `json:"results"`
		}
		if err := n.get(ctx, u, &page); err != nil {
			return nil, err
		}
		out = append(out, page.Results...)
		u = ""
		if page.Next != nil {
			u = *page.Next
		}
	}
	return out, nil
}

func (n *naiveClient) baseOf(api string) []string {
	var out []string
	for _, p := range n.provs {
		if string(p.API) == api {
			out = append(out, p.BaseURL)
		}
	}
	return out
}

func s(v any) string { x, _ := v.(string); return x }

// klantbeeld fetches what the klantbeeld query shows, the way it is done
// today: the klant; its contactmomenten one by one with, for each, the zaken
// it is about (zaak, zaaktype, status, statustype); per zaaksysteem the
// person's zaken with 1+4N calls (zaaktype, status, statustype, rollen,
// and resultaat with resultaattype when closed); its verzoeken one by one.
func (n *naiveClient) klantbeeld(ctx context.Context, bsn string) error {
	var klanten []obj
	for _, b := range n.baseOf("klanten") {
		ks, err := n.list(ctx, b+"/klanten?subjectNatuurlijkPersoon__inpBsn="+bsn)
		if err != nil {
			return err
		}
		klanten = append(klanten, ks...)
	}
	zaak := func(u string) error {
		var z, zt, st, stt obj
		if err := n.get(ctx, u, &z); err != nil {
			return err
		}
		if err := n.get(ctx, s(z["zaaktype"]), &zt); err != nil {
			return err
		}
		if s(z["status"]) != "" {
			if err := n.get(ctx, s(z["status"]), &st); err != nil {
				return err
			}
			if err := n.get(ctx, s(st["statustype"]), &stt); err != nil {
				return err
			}
		}
		return nil
	}
	for _, k := range klanten {
		ku := url.QueryEscape(s(k["url"]))
		for _, b := range n.baseOf("contactmomenten") {
			kcms, err := n.list(ctx, b+"/klantcontactmomenten?klant="+ku)
			if err != nil {
				return err
			}
			for _, kcm := range kcms {
				var cm obj
				if err := n.get(ctx, s(kcm["contactmoment"]), &cm); err != nil {
					return err
				}
				ocms, err := n.list(ctx, b+"/objectcontactmomenten?contactmoment="+url.QueryEscape(s(cm["url"])))
				if err != nil {
					return err
				}
				for _, o := range ocms {
					if err := zaak(s(o["object"])); err != nil {
						return err
					}
				}
			}
		}
		for _, b := range n.baseOf("verzoeken") {
			kvs, err := n.list(ctx, b+"/klantverzoeken?klant="+ku)
			if err != nil {
				return err
			}
			for _, kv := range kvs {
				var v obj
				if err := n.get(ctx, s(kv["verzoek"]), &v); err != nil {
					return err
				}
			}
		}
	}
	for _, b := range n.baseOf("zaken") {
		zs, err := n.list(ctx, b+"/zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn="+bsn)
		if err != nil {
			return err
		}
		for _, z := range zs {
			var zt, st, stt, res, rt obj
			if err := n.get(ctx, s(z["zaaktype"]), &zt); err != nil {
				return err
			}
			if s(z["status"]) != "" {
				if err := n.get(ctx, s(z["status"]), &st); err != nil {
					return err
				}
				if err := n.get(ctx, s(st["statustype"]), &stt); err != nil {
					return err
				}
			}
			if _, err := n.list(ctx, b+"/rollen?zaak="+url.QueryEscape(s(z["url"]))); err != nil {
				return err
			}
			if s(z["resultaat"]) != "" {
				if err := n.get(ctx, s(z["resultaat"]), &res); err != nil {
					return err
				}
				if err := n.get(ctx, s(res["resultaattype"]), &rt); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
