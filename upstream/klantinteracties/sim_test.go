package klantinteracties_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"testing"

	"github.com/klantgraaf/klantgraaf/sim"
	"github.com/klantgraaf/klantgraaf/sim/gen"
	"github.com/klantgraaf/klantgraaf/upstream"
	ki "github.com/klantgraaf/klantgraaf/upstream/klantinteracties"
)

// startSim serves the simulated providers and returns a client of the named
// one with the token it hands out.
func startSim(t *testing.T, name string) *upstream.Client {
	t.Helper()
	if testing.Short() {
		t.Skip("starts the simulator")
	}
	s, err := sim.New(sim.Config{Scale: "small", Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	for _, p := range s.Providers() {
		if p.Name == name {
			if p.Auth.Type != "token" {
				t.Fatalf("provider %s authenticates with %s", name, p.Auth.Type)
			}
			up, err := upstream.NewClient(upstream.Upstream{Name: name, Kind: upstream.APIKind(p.API), BaseURL: p.BaseURL,
				Auth: upstream.Auth{Type: upstream.AuthToken, Token: p.Auth.Token}})
			if err != nil {
				t.Fatal(err)
			}
			return up
		}
	}
	t.Fatalf("the simulator has no provider %s", name)
	return nil
}

// dropped lists the members of the provider's answer (raw) with a value
// that the decoded v does not write back: fields the types lack.
func dropped(t *testing.T, raw json.RawMessage, v any) []string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var have, got any
	if err := json.Unmarshal(raw, &have); err != nil {
		t.Fatal(err)
	}
	_ = json.Unmarshal(b, &got)
	var out []string
	var walk func(path string, have, got any)
	walk = func(path string, have, got any) {
		switch h := have.(type) {
		case map[string]any:
			g, _ := got.(map[string]any)
			for k, hv := range h {
				if empty(hv) {
					continue
				}
				gv, ok := g[k]
				if !ok {
					out = append(out, path+"."+k)
					continue
				}
				walk(path+"."+k, hv, gv)
			}
		case []any:
			g, _ := got.([]any)
			for i, hv := range h {
				if i >= len(g) {
					out = append(out, fmt.Sprintf("%s[%d]", path, i))
					continue
				}
				walk(fmt.Sprintf("%s[%d]", path, i), hv, g[i])
			}
		}
	}
	walk("", have, got)
	sort.Strings(out)
	return out
}

// empty reports whether omitempty may leave v out.
func empty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case []any:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	case float64:
		return x == 0
	}
	return false
}

// getBoth fetches url raw and typed, and fails the test on members the
// type drops.
func getBoth[T any](t *testing.T, up *upstream.Client, url string, typed func() (*T, error)) *T {
	t.Helper()
	raw, err := upstream.GetJSON[json.RawMessage](context.Background(), up, url)
	if err != nil {
		t.Fatal(err)
	}
	v, err := typed()
	if err != nil {
		t.Fatal(err)
	}
	if d := dropped(t, *raw, v); len(d) > 0 {
		t.Errorf("%T drops %v of %s", v, d, url)
	}
	return v
}

func uuids(fks []ki.ForeignKey) []string {
	var out []string
	for _, k := range fks {
		out = append(out, k.UUID)
	}
	sort.Strings(out)
	return out
}

// TestAgainstSimulator reads and writes the simulated Open Klant 2.x for the
// showcase person with 30 klantcontacten (20 about a zaak, 5 with an
// interne taak) and checks that nothing the provider sends is lost.
func TestAgainstSimulator(t *testing.T) {
	up := startSim(t, "klantinteracties")
	c := ki.New(up)
	ctx := context.Background()
	all := []string{ki.ExpandHadBetrokkenen, ki.ExpandHadBetrokkenenWasPartij, ki.ExpandHadBetrokkenenDigitaleAdressen,
		ki.ExpandGingOverOnderwerpobjecten, ki.ExpandLeiddeTotInterneTaken, ki.ExpandOmvatteBijlagen}

	// The partij by BSN, with its adressen and betrokkenen.
	pp, err := c.ListPartijen(ctx, ki.PartijListOptions{PartijIdentificatorObjectID: gen.ShowcaseV2BenchmarkBSN,
		PartijIdentificatorCodeSoortObjectID: "bsn", Expand: []string{ki.ExpandDigitaleAdressen, ki.ExpandBetrokkenenHadKlantcontact}})
	if err != nil {
		t.Fatal(err)
	}
	if pp.Count != 1 || len(pp.Results) != 1 {
		t.Fatalf("partijen by bsn: %+v", pp)
	}
	p := &pp.Results[0]
	if p.SoortPartij != ki.SoortPartijPersoon || p.PartijIdentificatie == nil || p.PartijIdentificatie.VolledigeNaam == "" ||
		p.Identificator("bsn") == nil || p.Identificator("bsn").CodeRegister != "brp" || p.Expand == nil {
		t.Fatalf("partij %+v", p)
	}
	var expanded []ki.ForeignKey
	for _, da := range p.Expand.DigitaleAdressen {
		expanded = append(expanded, ki.ForeignKey{UUID: da.UUID, URL: da.URL})
		if da.VerstrektDoorPartij == nil || da.VerstrektDoorPartij.URL != p.URL {
			t.Errorf("adres %s not given by the partij", da.URL)
		}
	}
	if got := uuids(expanded); len(got) == 0 || !slices.Equal(got, uuids(p.DigitaleAdressen)) {
		t.Errorf("expanded adressen %v, references %v", got, uuids(p.DigitaleAdressen))
	}
	if len(p.Expand.Betrokkenen) != len(p.Betrokkenen) || len(p.Betrokkenen) < 30 {
		t.Errorf("betrokkenen: %d expanded of %d", len(p.Expand.Betrokkenen), len(p.Betrokkenen))
	}
	for _, b := range p.Expand.Betrokkenen {
		if b.Expand == nil || b.Expand.HadKlantcontact == nil || b.Expand.HadKlantcontact.UUID != b.HadKlantcontact.UUID {
			t.Fatalf("betrokkene without its klantcontact: %+v", b)
		}
	}
	getBoth(t, up, p.URL+"?expand=digitaleAdressen,betrokkenen.hadKlantcontact", func() (*ki.Partij, error) {
		return c.GetPartij(ctx, p.URL, []string{ki.ExpandDigitaleAdressen, ki.ExpandBetrokkenenHadKlantcontact})
	})

	// Its klantcontacten, every expansion, walked in pages of 7.
	first, err := c.ListKlantcontacten(ctx, ki.KlantcontactListOptions{HadBetrokkeneWasPartijURL: p.URL, Expand: all, PageSize: 7})
	if err != nil {
		t.Fatal(err)
	}
	kcs, err := upstream.All(ctx, up, first, 0)
	if err != nil {
		t.Fatal(err)
	}
	var aboutZaak, withTaak []*ki.Klantcontact
	seen := map[string]bool{}
	for i := range kcs {
		kc := &kcs[i]
		if seen[kc.URL] {
			t.Errorf("klantcontact %s twice", kc.URL)
		}
		seen[kc.URL] = true
		e := kc.Expand
		if e == nil || len(e.HadBetrokkenen) != len(kc.HadBetrokkenen) || len(e.GingOverOnderwerpobjecten) != len(kc.GingOverOnderwerpobjecten) ||
			len(e.LeiddeTotInterneTaken) != len(kc.LeiddeTotInterneTaken) || len(e.OmvatteBijlagen) != len(kc.OmvatteBijlagen) {
			t.Fatalf("klantcontact %s: _expand does not match its references: %+v", kc.URL, kc)
		}
		var ours bool
		for _, b := range e.HadBetrokkenen {
			if b.WasPartij != nil && b.WasPartij.URL == p.URL {
				ours = b.Expand != nil && b.Expand.WasPartij != nil && b.Expand.WasPartij.URL == p.URL &&
					b.Expand.WasPartij.PartijIdentificatie.VolledigeNaam == p.PartijIdentificatie.VolledigeNaam
			}
		}
		if !ours {
			t.Errorf("klantcontact %s: no betrokkene with the partij expanded", kc.URL)
		}
		for _, o := range e.GingOverOnderwerpobjecten {
			if o.Onderwerpobjectidentificator != nil && o.Onderwerpobjectidentificator.CodeObjecttype == "zaak" {
				aboutZaak = append(aboutZaak, kc)
				break
			}
		}
		if len(e.LeiddeTotInterneTaken) > 0 {
			withTaak = append(withTaak, kc)
		}
	}
	if first.Count != 30 || len(kcs) != 30 || len(aboutZaak) != 20 || len(withTaak) != 5 {
		t.Fatalf("klantcontacten: count %d, walked %d, about a zaak %d, with a taak %d", first.Count, len(kcs), len(aboutZaak), len(withTaak))
	}
	getBoth(t, up, kcs[0].URL+"?expand=hadBetrokkenen,hadBetrokkenen.wasPartij,hadBetrokkenen.digitaleAdressen,gingOverOnderwerpobjecten,"+
		"leiddeTotInterneTaken,omvatteBijlagen", func() (*ki.Klantcontact, error) { return c.GetKlantcontact(ctx, kcs[0].URL, all) })

	// The same klantcontacten by BSN.
	byBSN, err := c.ListKlantcontacten(ctx, ki.KlantcontactListOptions{HadBetrokkeneWasPartijPartijIdentificatorObjectID: gen.ShowcaseV2BenchmarkBSN,
		HadBetrokkeneWasPartijPartijIdentificatorCodeSoortObjectID: "bsn", PageSize: 100})
	if err != nil || byBSN.Count != 30 {
		t.Errorf("klantcontacten by bsn: %v %+v", err, byBSN)
	}

	// The klantcontacten about a zaak, by its identificator.
	zid := *aboutZaak[0].Expand.GingOverOnderwerpobjecten[0].Onderwerpobjectidentificator
	byZaak, err := c.ListKlantcontacten(ctx, ki.KlantcontactListOptions{OnderwerpobjectIdentificatorObjectID: zid.ObjectID,
		OnderwerpobjectIdentificatorCodeRegister: zid.CodeRegister, OnderwerpobjectIdentificatorCodeObjecttype: zid.CodeObjecttype})
	if err != nil || !slices.ContainsFunc(byZaak.Results, func(k ki.Klantcontact) bool { return k.URL == aboutZaak[0].URL }) {
		t.Errorf("klantcontacten about zaak %s: %v %+v", zid.ObjectID, err, byZaak)
	}
	onds, err := c.ListOnderwerpobjecten(ctx, ki.OnderwerpobjectListOptions{KlantcontactUUID: aboutZaak[0].UUID})
	if err != nil || !slices.Equal(uuids(aboutZaak[0].GingOverOnderwerpobjecten), onderwerpUUIDs(onds.Results)) {
		t.Errorf("onderwerpobjecten: %v %+v", err, onds)
	}
	getBoth(t, up, onds.Results[0].URL, func() (*ki.Onderwerpobject, error) { return c.GetOnderwerpobject(ctx, onds.Results[0].URL) })

	// The interne taken and their actoren.
	kc := withTaak[0]
	taken, err := c.ListInterneTaken(ctx, ki.InterneTaakListOptions{AanleidinggevendKlantcontactUUID: kc.UUID})
	if err != nil || len(taken.Results) != len(kc.Expand.LeiddeTotInterneTaken) || taken.Results[0].UUID != kc.Expand.LeiddeTotInterneTaken[0].UUID {
		t.Fatalf("interne taken of %s: %v %+v", kc.URL, err, taken)
	}
	taak := getBoth(t, up, taken.Results[0].URL, func() (*ki.InterneTaak, error) { return c.GetInterneTaak(ctx, taken.Results[0].URL) })
	if taak.Status != ki.StatusTeVerwerken && taak.Status != ki.StatusVerwerkt || len(taak.Actoren()) == 0 || taak.AanleidinggevendKlantcontact.URL != kc.URL {
		t.Fatalf("interne taak %+v", taak)
	}
	actor := getBoth(t, up, taak.Actoren()[0].URL, func() (*ki.Actor, error) { return c.GetActor(ctx, taak.Actoren()[0].URL) })
	if actor.Naam == "" || actor.SoortActor == "" || actor.ActorIdentificatie == nil {
		t.Errorf("actor %+v", actor)
	}
	actoren, err := c.ListActoren(ctx, ki.ActorListOptions{SoortActor: actor.SoortActor, PageSize: 500})
	if err != nil || !slices.ContainsFunc(actoren.Results, func(a ki.Actor) bool { return a.URL == actor.URL }) {
		t.Errorf("actoren of soort %s: %v", actor.SoortActor, err)
	}
	for _, k := range kcs {
		if len(k.HadBetrokkenActoren) == 0 {
			continue
		}
		akc, err := c.ListActorKlantcontacten(ctx, ki.ActorKlantcontactListOptions{KlantcontactUUID: k.UUID})
		if err != nil || len(akc.Results) != len(k.HadBetrokkenActoren) || akc.Results[0].Actor.UUID != k.HadBetrokkenActoren[0].UUID {
			t.Errorf("actorklantcontacten of %s: %v %+v", k.URL, err, akc)
		}
		getBoth(t, up, akc.Results[0].URL, func() (*ki.ActorKlantcontact, error) { return c.GetActorKlantcontact(ctx, akc.Results[0].URL) })
		break
	}

	// Betrokkenen and digitale adressen of the partij.
	betr, err := c.ListBetrokkenen(ctx, ki.BetrokkeneListOptions{WasPartijURL: p.URL, Expand: []string{ki.ExpandDigitaleAdressen}, PageSize: 500})
	if err != nil || betr.Count != len(p.Betrokkenen) {
		t.Errorf("betrokkenen of the partij: %v %d of %d", err, betr.Count, len(p.Betrokkenen))
	}
	getBoth(t, up, betr.Results[0].URL+"?expand=digitaleAdressen", func() (*ki.Betrokkene, error) {
		return c.GetBetrokkene(ctx, betr.Results[0].URL, []string{ki.ExpandDigitaleAdressen})
	})
	das, err := c.ListDigitaleAdressen(ctx, ki.DigitaalAdresListOptions{VerstrektDoorPartijUUID: p.UUID})
	if err != nil || das.Count != len(p.DigitaleAdressen) {
		t.Errorf("digitale adressen of the partij: %v %+v", err, das)
	}
	// An adres a betrokkene gave, down to the interne taken of its klantcontact.
	deep := []string{ki.ExpandVerstrektDoorBetrokkeneHadKlantcontactLeiddeTotInterneTaken}
	given, err := c.ListDigitaleAdressen(ctx, ki.DigitaalAdresListOptions{VerstrektDoorBetrokkeneRol: ki.RolKlant, Expand: deep, PageSize: 5})
	if err != nil || len(given.Results) == 0 {
		t.Fatalf("adressen given by betrokkenen: %v %+v", err, given)
	}
	da := given.Results[0]
	if da.Expand == nil || da.Expand.VerstrektDoorBetrokkene == nil || da.Expand.VerstrektDoorBetrokkene.Expand == nil ||
		da.Expand.VerstrektDoorBetrokkene.Expand.HadKlantcontact == nil || da.Expand.VerstrektDoorBetrokkene.Expand.HadKlantcontact.Expand == nil {
		t.Errorf("nested expand of %s: %+v", da.URL, da.Expand)
	}
	getBoth(t, up, da.URL+"?expand="+deep[0], func() (*ki.DigitaalAdres, error) { return c.GetDigitaalAdres(ctx, da.URL, deep) })

	// Organisaties and contactpersonen.
	for _, soort := range []string{ki.SoortPartijOrganisatie, ki.SoortPartijContactpersoon} {
		ps, err := c.ListPartijen(ctx, ki.PartijListOptions{SoortPartij: soort, PageSize: 3})
		if err != nil || len(ps.Results) == 0 {
			t.Fatalf("partijen of soort %s: %v", soort, err)
		}
		q := &ps.Results[0]
		if pi := q.PartijIdentificatie; pi == nil || soort == ki.SoortPartijOrganisatie && pi.Naam == "" ||
			soort == ki.SoortPartijContactpersoon && (pi.VolledigeNaam == "" || pi.UUID == "") {
			t.Errorf("%s %+v", soort, q.PartijIdentificatie)
		}
		getBoth(t, up, q.URL, func() (*ki.Partij, error) { return c.GetPartij(ctx, q.URL, nil) })
	}

	// Bijlagen, where the dataset has them.
	bl, err := c.ListBijlagen(ctx, ki.BijlageListOptions{PageSize: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(bl.Results) > 0 {
		getBoth(t, up, bl.Results[0].URL, func() (*ki.Bijlage, error) { return c.GetBijlage(ctx, bl.Results[0].URL) })
	}

	// Writes: one klantcontact in a single request, one in three.
	zaak := &ki.Identificator{ObjectID: zid.ObjectID, CodeObjecttype: "zaak", CodeRegister: zid.CodeRegister, CodeSoortObjectID: zid.CodeSoortObjectID}
	made, err := c.MaakKlantcontact(ctx, &ki.MaakKlantcontact{
		Klantcontact: ki.Klantcontact{Kanaal: "telefoon", Onderwerp: "Vraag over de aanvraag", Inhoud: "Teruggebeld.", Taal: "nld",
			Vertrouwelijk: upstream.Bool(false), IndicatieContactGelukt: upstream.Bool(true)},
		Betrokkene:      &ki.Betrokkene{WasPartij: ki.RefTo(p.URL), Rol: ki.RolKlant, Initiator: upstream.Bool(true)},
		Onderwerpobject: &ki.Onderwerpobject{Onderwerpobjectidentificator: zaak},
	})
	if err != nil {
		t.Fatal(err)
	}
	if made.Klantcontact.UUID == "" || made.Betrokkene == nil || made.Betrokkene.HadKlantcontact.UUID != made.Klantcontact.UUID ||
		made.Betrokkene.WasPartij.URL != p.URL || made.Onderwerpobject == nil || made.Onderwerpobject.Klantcontact.UUID != made.Klantcontact.UUID {
		t.Fatalf("maak-klantcontact %+v", made)
	}
	kc2, err := c.CreateKlantcontact(ctx, &ki.Klantcontact{Kanaal: "e-mail", Onderwerp: "Bevestiging", Taal: "nld", Vertrouwelijk: upstream.Bool(true),
		Metadata: map[string]string{"kenmerk": "X-1"}})
	if err != nil {
		t.Fatal(err)
	}
	b2, err := c.CreateBetrokkene(ctx, &ki.Betrokkene{HadKlantcontact: ki.RefTo(kc2.URL), WasPartij: ki.RefTo(p.UUID), Rol: ki.RolKlant,
		Initiator: upstream.Bool(false), Contactnaam: &ki.Contactnaam{Achternaam: "Tester"}})
	if err != nil {
		t.Fatal(err)
	}
	o2, err := c.CreateOnderwerpobject(ctx, &ki.Onderwerpobject{Klantcontact: ki.RefTo(kc2.URL), WasKlantcontact: ki.RefTo(made.Klantcontact.URL)})
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.GetKlantcontact(ctx, kc2.URL, all)
	if err != nil {
		t.Fatal(err)
	}
	if kc2.Metadata["kenmerk"] != "X-1" || len(got.Expand.HadBetrokkenen) != 1 || got.Expand.HadBetrokkenen[0].UUID != b2.UUID ||
		got.Expand.HadBetrokkenen[0].Expand.WasPartij.URL != p.URL || len(got.Expand.GingOverOnderwerpobjecten) != 1 ||
		got.Expand.GingOverOnderwerpobjecten[0].UUID != o2.UUID || got.Expand.GingOverOnderwerpobjecten[0].WasKlantcontact.URL != made.Klantcontact.URL {
		t.Errorf("written klantcontact reads back as %+v", got)
	}
	after, err := c.ListKlantcontacten(ctx, ki.KlantcontactListOptions{HadBetrokkeneWasPartijUUID: p.UUID, PageSize: 1})
	if err != nil || after.Count != 32 {
		t.Errorf("klantcontacten after the writes: %v %+v", err, after)
	}

	// A provider's validation error is a typed error.
	_, err = c.CreateBetrokkene(ctx, &ki.Betrokkene{HadKlantcontact: ki.RefTo(kc2.URL), Rol: "buurman", Initiator: upstream.Bool(false)})
	var ue *upstream.Error
	if !upstream.IsKind(err, upstream.BadRequest) || !errors.As(err, &ue) || len(ue.InvalidParams) == 0 || ue.InvalidParams[0].Name != "rol" {
		t.Errorf("invalid rol: %v", err)
	}
	_, err = c.GetPartij(ctx, "00000000-0000-4000-8000-000000000000", nil)
	if !upstream.IsKind(err, upstream.NotFound) {
		t.Errorf("unknown partij: %v", err)
	}
}

func onderwerpUUIDs(os []ki.Onderwerpobject) []string {
	var out []string
	for _, o := range os {
		out = append(out, o.UUID)
	}
	sort.Strings(out)
	return out
}
