package zaken

import (
	"strings"

	"github.com/klantgraaf/klantgraaf/sim/data"
	"github.com/klantgraaf/klantgraaf/sim/provider"
	"github.com/klantgraaf/klantgraaf/sim/render"
)

// expandChoices are the expand values of GET /zaken, GET /zaken/{uuid} and
// POST /zaken/_zoek (the enum in zaken-1.5.1.yaml).
var expandChoices = map[string]bool{}

func init() {
	base := []string{"resultaat", "resultaat.resultaattype", "rollen", "rollen.roltype", "status", "status.statustype",
		"zaakinformatieobjecten", "zaakobjecten", "zaaktype"}
	for _, b := range base {
		expandChoices[b] = true
		expandChoices["hoofdzaak."+b] = true
		expandChoices["deelzaken."+b] = true
	}
	for _, s := range []string{"deelzaken", "hoofdzaak", "eigenschappen", "eigenschappen.eigenschap"} {
		expandChoices[s] = true
	}
}

// expandSet is a parsed expand: every requested path and all its prefixes
// ("status.statustype" implies "status").
type expandSet map[string]bool

// parseExpand reads comma separated expand values (from any number of
// parameters). An unknown value is a validation error on "expand".
func parseExpand(values []string) (expandSet, *provider.InvalidParam) {
	var set expandSet
	for _, v := range values {
		for _, p := range strings.Split(v, ",") {
			p = strings.TrimSpace(p)
			if p == "" {
				continue
			}
			if !expandChoices[p] {
				return nil, &provider.InvalidParam{Name: "expand", Code: "invalid_choice",
					Reason: "Selecteer een geldige keuze. " + p + " is geen beschikbare keuze."}
			}
			if set == nil {
				set = expandSet{}
			}
			for i := 0; i < len(p); i++ {
				if p[i] == '.' {
					set[p[:i]] = true
				}
			}
			set[p] = true
		}
	}
	return set, nil
}

// sub returns the paths below prefix (hoofdzaak.status → status).
func (s expandSet) sub(prefix string) expandSet {
	var out expandSet
	for p := range s {
		if rest, ok := strings.CutPrefix(p, prefix+"."); ok {
			if out == nil {
				out = expandSet{}
			}
			out[rest] = true
		}
	}
	return out
}

// zaakExpand is the ExpandZaak _expand object. Relations that are absent
// (no status, no rollen, an invisible hoofdzaak) are left out, as the
// provider does.
type zaakExpand struct {
	Zaaktype               *render.ZaakTypeJSON  `json:"zaaktype,omitempty"`
	Hoofdzaak              *zaakJSON             `json:"hoofdzaak,omitempty"`
	Deelzaken              []*zaakJSON           `json:"deelzaken,omitempty"`
	Eigenschappen          []*zaakEigenschapJSON `json:"eigenschappen,omitempty"`
	Status                 *statusJSON           `json:"status,omitempty"`
	Resultaat              *resultaatJSON        `json:"resultaat,omitempty"`
	Rollen                 []*rolJSON            `json:"rollen,omitempty"`
	Zaakinformatieobjecten []*zioJSON            `json:"zaakinformatieobjecten,omitempty"`
}

func (x *zaakExpand) empty() bool {
	return x.Zaaktype == nil && x.Hoofdzaak == nil && len(x.Deelzaken) == 0 && len(x.Eigenschappen) == 0 &&
		x.Status == nil && x.Resultaat == nil && len(x.Rollen) == 0 && len(x.Zaakinformatieobjecten) == 0
}

// expandedZaak renders zaak z with the requested expansions. always makes
// _expand present even when nothing was embedded (list responses); a detail
// response carries _expand only when it has content.
func (c *rc) expandedZaak(z data.Ref, set expandSet, always bool) *zaakJSON {
	out := c.zaak(z)
	if len(set) == 0 {
		if always {
			out.Expand = &zaakExpand{}
		}
		return out
	}
	x := c.expand(z, set)
	if always || !x.empty() {
		out.Expand = x
	}
	return out
}

func (c *rc) expand(z data.Ref, set expandSet) *zaakExpand {
	d := c.d
	zr := d.Zaken.Get(z)
	x := &zaakExpand{}
	if set["zaaktype"] && zr.Zaaktype != data.NoRef {
		x.Zaaktype = render.ZaakType(c.st, d, zr.Zaaktype)
	}
	if set["hoofdzaak"] && zr.Hoofdzaak != data.NoRef && c.zaakVisibleAnywhere(zr.Hoofdzaak) {
		x.Hoofdzaak = c.expandedZaak(zr.Hoofdzaak, set.sub("hoofdzaak"), false)
	}
	if set["deelzaken"] {
		sub := set.sub("deelzaken")
		for _, dz := range zr.Deelzaken {
			if c.zaakVisibleAnywhere(dz) {
				x.Deelzaken = append(x.Deelzaken, c.expandedZaak(dz, sub, false))
			}
		}
	}
	if set["eigenschappen"] {
		for _, ze := range zr.Eigenschappen {
			e := c.zaakEigenschap(ze)
			if set["eigenschappen.eigenschap"] {
				if ref := d.ZaakEigenschappen.Get(ze).Eigenschap; ref != data.NoRef {
					e.Expand = &zaakEigenschapExpand{Eigenschap: render.Eigenschap(c.st, d, ref)}
				}
			}
			x.Eigenschappen = append(x.Eigenschappen, e)
		}
	}
	if set["status"] && zr.Status != data.NoRef {
		x.Status = c.status(zr.Status)
		if set["status.statustype"] {
			if ref := d.Statussen.Get(zr.Status).Statustype; ref != data.NoRef {
				x.Status.Expand = &statusExpand{Statustype: render.StatusType(c.st, d, ref)}
			}
		}
	}
	if set["resultaat"] && zr.Resultaat != data.NoRef {
		x.Resultaat = c.resultaat(zr.Resultaat)
		if set["resultaat.resultaattype"] {
			if ref := d.Resultaten.Get(zr.Resultaat).Resultaattype; ref != data.NoRef {
				x.Resultaat.Expand = &resultaatExpand{Resultaattype: render.ResultaatType(c.st, d, ref)}
			}
		}
	}
	if set["rollen"] {
		for _, r := range zr.Rollen {
			rj := c.rol(r)
			if set["rollen.roltype"] {
				if ref := d.Rollen.Get(r).Roltype; ref != data.NoRef {
					rj.Expand = &rolExpand{Roltype: render.RolType(c.st, d, ref)}
				}
			}
			x.Rollen = append(x.Rollen, rj)
		}
	}
	if set["zaakinformatieobjecten"] {
		for _, r := range zr.Zaakinformatieobjecten {
			x.Zaakinformatieobjecten = append(x.Zaakinformatieobjecten, c.zio(r))
		}
	}
	// zaakobjecten: the dataset holds none, so nothing is embedded.
	return x
}
