// Package gen generates the simulator's deterministic dataset.
//
// Generate builds a complete, internally consistent municipal world for a
// topology: per zaaksysteem a catalogue with realistic zaaktypen, zaken with
// status histories, rollen, eigenschappen and documents, and in the Open Klant
// instances klanten (persons, companies and their vestigingen),
// contactmomenten and verzoeken linked to those zaken, and in an Open Klant
// 2.x (Klantinteracties, Contactgegevens) the part of the population already
// migrated or new there, with klantcontacten about their zaken (v2.go). The
// same seed and scale always give identical data; every date is relative to
// the fixed ReferenceDate, never to the clock.
//
// Besides the random population the dataset holds documented showcase
// parties with fixed identifiers and exact counts (see the Showcase*
// constants and data.Data.Showcase).
package gen

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"sync"
	"time"

	"github.com/klantgraaf/klantgraaf/sim/data"
)

// Config selects the dataset.
type Config struct {
	Seed  uint64
	Scale string // small | medium | large ("" = small)
}

// Sizes are the row counts of a scale, showcase parties included.
type Sizes struct {
	Klanten         int `json:"klanten"`
	Contactmomenten int `json:"contactmomenten"`
	Zaken           int `json:"zaken"`
	Verzoeken       int `json:"verzoeken"`
}

var scaleSizes = map[string]Sizes{
	"small":  {Klanten: 500, Contactmomenten: 5_000, Zaken: 1_500, Verzoeken: 300},
	"medium": {Klanten: 10_000, Contactmomenten: 100_000, Zaken: 30_000, Verzoeken: 3_000},
	"large":  {Klanten: 100_000, Contactmomenten: 1_000_000, Zaken: 300_000, Verzoeken: 30_000},
}

// ScaleSizes returns the exact number of klanten, contactmomenten, zaken and
// verzoeken Generate produces for a scale ("" = small).
func ScaleSizes(scale string) (Sizes, bool) {
	if scale == "" {
		scale = "small"
	}
	s, ok := scaleSizes[scale]
	return s, ok
}

// referenceUnix is 2025-10-01T00:00:00Z, the dataset's "today".
const referenceUnix = 1_759_276_800

// ReferenceDate is "today" for the dataset (2025-10-01, UTC): every
// registration happened before it; open zaken may be planned to end after it.
func ReferenceDate() time.Time { return time.Unix(referenceUnix, 0).UTC() }

const (
	// lastDay is the last day with activity.
	lastDay = data.Date(referenceUnix/86400 - 1)
	// lastMoment is the latest moment any registration may carry.
	lastMoment = data.DateTime(referenceUnix - 1)
	// historyDays is the span of the generated history.
	historyDays = 730
)

// Generate builds the dataset for a topology. The topology needs at least
// one zaken instance, each with a catalogi and a documenten instance in the
// same system, and one klanten, contactmomenten and verzoeken instance; the
// Klantinteracties and Contactgegevens data is generated when the topology
// has those instances.
func Generate(cfg Config, topo data.Topology) (*data.Data, error) {
	sz, ok := ScaleSizes(cfg.Scale)
	if !ok {
		return nil, fmt.Errorf("gen: unknown scale %q (want small, medium or large)", cfg.Scale)
	}
	g, err := newGenerator(cfg, topo, sz)
	if err != nil {
		return nil, err
	}
	if err := g.run(); err != nil {
		return nil, err
	}
	return g.d, nil
}

// Party kinds.
const (
	pkPerson uint8 = iota
	pkCompany
	pkVestiging
)

// party is a person, company or vestiging that can initiate zaken.
type party struct {
	kind uint8
	idx  int32
}

type person struct {
	bsn           string
	voornaam      string
	voornamen     string
	voorletters   string
	voorvoegsel   string
	achternaam    string
	geslacht      string
	geboortedatum string
	klant         data.Ref
	zaken         []data.Ref
}

type company struct {
	kvk, rsin, naam, slug string
	klant                 data.Ref
	zaken                 []data.Ref
}

type vestiging struct {
	nummer  string
	company int32
	naam    string
	klant   data.Ref
	zaken   []data.Ref
}

type medewerker struct {
	id, achternaam, voorletters, voorvoegsel, url, display string
}

// system is one zaaksysteem: a zaken, catalogi and documenten instance.
type system struct {
	idx                         int
	zaken, catalogi, documenten uint8
	tmpl                        *catalogTemplate
	catalogus                   data.Ref
	zaaktypen                   []ztInfo
	ztWeights                   []int
	iots                        []data.Ref
	zaakPrefix, docPrefix       string
	zaakSeq, docSeq             map[int]int // per year
}

// ztInfo is a generated zaaktype with its sub-types.
type ztInfo struct {
	tmpl           *ztTemplate
	ref            data.Ref
	global         int // index over all systems' zaaktypen (text cache key)
	statustypen    []data.Ref
	resultaattypen []data.Ref
	rtWeights      []int
	initiator      data.Ref
	behandelaar    data.Ref
	belanghebbend  data.Ref // NoRef when the zaaktype has none
	eigenschappen  []data.Ref
	iots           []int  // indexes into system.iots
	link           string // onderwerpLink of contactmomenten about it
}

type generator struct {
	cfg   Config
	seed  uint64
	sizes Sizes
	topo  data.Topology
	d     *data.Data
	rng   *rand.Rand

	systems                       []*system
	sysOf                         map[uint8]*system // by zaken instance
	klantenInst, cmInst, verzInst uint8

	meds        []medewerker
	persons     []person
	companies   []company
	vestigingen []vestiging
	klantParty  []party // by klant ref

	// general pools (showcase parties excluded)
	genPersons []int32 // indexes into persons
	genComps   []int32
	genVests   []int32
	genKlanten []data.Ref
	klantAlias alias // weighted sampler over genKlanten

	bsns     *bsnPool
	usedKvK  map[string]bool
	usedVest map[string]bool
	usedRSIN map[string]bool

	streets    []streetEntry
	stCum      []int
	comKanaal  []string
	dateStr    map[data.Date]string
	compactStr map[data.Date]string
	textCache  map[int]string
	docTitles  map[int]docName

	arena refArena
	st    stages

	// contactmomenten per klant, in time order (CSR layout)
	cmOff  []int32
	cmRefs []data.Ref
	// zaken: contact window per zaak, zaken per klant (CSR layout)
	zwin  [][2]data.Date
	kzOff []int32
	kz    []data.Ref

	verzSeq map[int]int
	planSeq int32 // tie-breaker keeping plan order stable when sorting
}

func newGenerator(cfg Config, topo data.Topology, sz Sizes) (*generator, error) {
	g := &generator{
		cfg: cfg, seed: cfg.Seed, sizes: sz, topo: topo,
		d:          &data.Data{Seed: cfg.Seed},
		rng:        rand.New(rand.NewPCG(cfg.Seed, 0x6b6c616e74677261)),
		usedKvK:    map[string]bool{},
		usedVest:   map[string]bool{},
		usedRSIN:   map[string]bool{MunicipalityRSIN: true},
		dateStr:    map[data.Date]string{},
		compactStr: map[data.Date]string{},
		textCache:  map[int]string{},
		docTitles:  map[int]docName{},
		verzSeq:    map[int]int{},
		sysOf:      map[uint8]*system{},
		st:         newStages(),
	}
	one := func(k data.APIKind) (uint8, error) {
		l := topo.OfKind(k)
		if len(l) == 0 {
			return 0, fmt.Errorf("gen: topology has no %s instance", k)
		}
		return l[0], nil
	}
	var err error
	if g.klantenInst, err = one(data.APIKlanten); err != nil {
		return nil, err
	}
	if g.cmInst, err = one(data.APIContactmomenten); err != nil {
		return nil, err
	}
	if g.verzInst, err = one(data.APIVerzoeken); err != nil {
		return nil, err
	}
	zs := topo.OfKind(data.APIZaken)
	if len(zs) == 0 {
		return nil, fmt.Errorf("gen: topology has no zaken instance")
	}
	for i, z := range zs {
		c, dc := topo.InSystem(z, data.APICatalogi), topo.InSystem(z, data.APIDocumenten)
		if c < 0 || dc < 0 {
			return nil, fmt.Errorf("gen: zaken instance %q has no catalogi and documenten instance in system %q", topo[z].Name, topo[z].System)
		}
		s := &system{idx: i, zaken: z, catalogi: uint8(c), documenten: uint8(dc),
			tmpl: catalogTemplates[i%len(catalogTemplates)], zaakSeq: map[int]int{}, docSeq: map[int]int{}}
		s.zaakPrefix, s.docPrefix = s.tmpl.zaakPrefix, s.tmpl.docPrefix
		if i >= len(catalogTemplates) {
			// Further systems reuse a template under their own prefixes.
			suffix := strconv.Itoa(i/len(catalogTemplates) + 1)
			s.zaakPrefix += suffix
			s.docPrefix += suffix
		}
		g.systems = append(g.systems, s)
		g.sysOf[z] = s
	}
	for i := range communicatiekanaalNamen {
		g.comKanaal = append(g.comKanaal, "https://referentielijsten-api.vng.cloud/api/v1/communicatiekanalen/"+data.MakeUUID(fixedSeed, "communicatiekanaal", uint64(i)).String())
	}
	g.bsns = newBSNPool(g.rng, showcaseBSNs())
	for _, k := range showcaseKvKs() {
		g.usedKvK[k] = true
	}
	for _, v := range showcaseVestigingen() {
		g.usedVest[v] = true
	}
	g.usedRSIN[ShowcaseBedrijfRSIN] = true
	g.v2Reserve()
	return g, nil
}

// fixedSeed derives identifiers that must not depend on the dataset's seed,
// such as Selectielijst and Referentielijsten URLs.
const fixedSeed = 0x5e1ec7117

func (g *generator) run() error {
	sc := showcaseTotals()
	gen := Sizes{
		Klanten:         g.sizes.Klanten - sc.Klanten,
		Contactmomenten: g.sizes.Contactmomenten - sc.Contactmomenten,
		Zaken:           g.sizes.Zaken - sc.Zaken,
		Verzoeken:       g.sizes.Verzoeken - sc.Verzoeken,
	}
	g.reserve()
	g.buildAddresses()
	g.buildCatalogi()
	g.buildMedewerkers()
	if err := g.buildParties(gen.Klanten); err != nil {
		return err
	}
	sp, err := g.buildShowcaseParties()
	if err != nil {
		return err
	}
	g.buildV2ShowcaseCompany()
	plans := g.planZaken(gen.Zaken)
	plans = append(plans, g.showcaseZaakPlans(sp)...)
	g.materializeZaken(plans)
	g.indexZaken()
	// Finished tables are indexed while the next ones are generated.
	var wg sync.WaitGroup
	d, st := g.d, &g.st
	flushTo(&wg, g.seed, &st.klanten, &d.Klanten, func(r *data.Klant, u data.UUID) { r.UUID = u })
	flushTo(&wg, g.seed, &st.zaken, &d.Zaken, func(r *data.Zaak, u data.UUID) { r.UUID = u })
	flushTo(&wg, g.seed, &st.statussen, &d.Statussen, func(r *data.Status, u data.UUID) { r.UUID = u })
	flushTo(&wg, g.seed, &st.resultaten, &d.Resultaten, func(r *data.Resultaat, u data.UUID) { r.UUID = u })
	flushTo(&wg, g.seed, &st.rollen, &d.Rollen, func(r *data.Rol, u data.UUID) { r.UUID = u })
	flushTo(&wg, g.seed, &st.zaakEig, &d.ZaakEigenschappen, func(r *data.ZaakEigenschap, u data.UUID) { r.UUID = u })
	flushTo(&wg, g.seed, &st.zio, &d.ZaakInformatieObjecten, func(r *data.ZaakInformatieObject, u data.UUID) { r.UUID = u })
	cms := g.planContactmomenten(gen.Contactmomenten)
	cms = append(cms, g.showcaseCMPlans(sp)...)
	g.materializeContactmomenten(cms)
	flushTo(&wg, g.seed, &st.cm, &d.ContactMomenten, func(r *data.ContactMoment, u data.UUID) { r.UUID = u })
	flushTo(&wg, g.seed, &st.kcm, &d.KlantContactMomenten, func(r *data.KlantContactMoment, u data.UUID) { r.UUID = u })
	flushTo(&wg, g.seed, &st.ocm, &d.ObjectContactMomenten, func(r *data.ObjectContactMoment, u data.UUID) { r.UUID = u })
	flushTo(&wg, g.seed, &st.zcm, &d.ZaakContactMomenten, func(r *data.ZaakContactMoment, u data.UUID) { r.UUID = u })
	vs := g.planVerzoeken(gen.Verzoeken)
	vs = append(vs, g.showcaseVerzoekPlans(sp)...)
	g.materializeVerzoeken(vs)
	g.finishShowcase(sp)
	flushTo(&wg, g.seed, &st.zv, &d.ZaakVerzoeken, func(r *data.ZaakVerzoek, u data.UUID) { r.UUID = u })
	flushTo(&wg, g.seed, &st.docs, &d.InformatieObjecten, func(r *data.EnkelvoudigInformatieObject, u data.UUID) { r.UUID = u })
	flushTo(&wg, g.seed, &st.oio, &d.ObjectInformatieObjecten, func(r *data.ObjectInformatieObject, u data.UUID) { r.UUID = u })
	flushTo(&wg, g.seed, &st.verz, &d.Verzoeken, func(r *data.Verzoek, u data.UUID) { r.UUID = u })
	flushTo(&wg, g.seed, &st.kv, &d.KlantVerzoeken, func(r *data.KlantVerzoek, u data.UUID) { r.UUID = u })
	flushTo(&wg, g.seed, &st.ov, &d.ObjectVerzoeken, func(r *data.ObjectVerzoek, u data.UUID) { r.UUID = u })
	flushTo(&wg, g.seed, &st.vcm, &d.VerzoekContactMomenten, func(r *data.VerzoekContactMoment, u data.UUID) { r.UUID = u })
	flushTo(&wg, g.seed, &st.vio, &d.VerzoekInformatieObjecten, func(r *data.VerzoekInformatieObject, u data.UUID) { r.UUID = u })
	// Klantinteracties and Contactgegevens are generated last, from the
	// finished v1 world, so they do not change it.
	if err := g.runV2(&wg, sp); err != nil {
		wg.Wait()
		return err
	}
	g.finishGeneraties()
	wg.Wait()
	return nil
}

// reserve sizes the staged tables up front so they do not grow by copying.
func (g *generator) reserve() {
	s, st := g.sizes, &g.st
	st.klanten.grow(s.Klanten)
	st.zaken.grow(s.Zaken)
	st.statussen.grow(s.Zaken * 31 / 10)
	st.rollen.grow(s.Zaken * 22 / 10)
	st.zaakEig.grow(s.Zaken * 16 / 10)
	st.resultaten.grow(s.Zaken * 43 / 100)
	st.docs.grow(s.Zaken*16/10 + s.Verzoeken/3)
	st.zio.grow(s.Zaken * 16 / 10)
	st.oio.grow(s.Zaken*16/10 + s.Verzoeken/3)
	st.cm.grow(s.Contactmomenten)
	st.kcm.grow(s.Contactmomenten)
	st.ocm.grow(s.Contactmomenten * 44 / 100)
	st.zcm.grow(s.Contactmomenten * 44 / 100)
	st.verz.grow(s.Verzoeken)
	st.kv.grow(s.Verzoeken)
}

// ---- small helpers ----

// refArena hands out small []Ref slices carved from shared blocks. Each
// slice has its capacity capped at its length, so appending to it later
// copies instead of overwriting a neighbour.
type refArena struct{ buf []data.Ref }

func (a *refArena) take(n int) []data.Ref {
	if n == 0 {
		return nil
	}
	if len(a.buf)+n > cap(a.buf) {
		a.buf = make([]data.Ref, 0, max(1<<14, n))
	}
	l := len(a.buf)
	a.buf = a.buf[:l+n]
	return a.buf[l : l+n : l+n]
}

// pick returns an index chosen with the given integer weights.
func (g *generator) pick(w []int) int {
	t := 0
	for _, x := range w {
		t += x
	}
	r := g.rng.IntN(t)
	for i, x := range w {
		if r < x {
			return i
		}
		r -= x
	}
	return len(w) - 1
}

func (g *generator) chance(p float64) bool { return g.rng.Float64() < p }

func (g *generator) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + g.rng.IntN(hi-lo+1)
}

func oneOf[T any](g *generator, l []T) T { return l[g.rng.IntN(len(l))] }

// dateOf converts a calendar date.
func dateOf(y int, m time.Month, d int) data.Date {
	return data.Date(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func dayTime(d data.Date) time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

func yearOf(d data.Date) int { return dayTime(d).Year() }

func weekday(d data.Date) time.Weekday { return time.Weekday((int64(d) + 4) % 7) }

// at is the moment sec seconds into day d.
func at(d data.Date, sec int) data.DateTime { return data.DateTime(int64(d)*86400 + int64(sec)) }

func dayOf(t data.DateTime) data.Date { return data.Date(int64(t) / 86400) }

// officeTime is a random moment during office hours (UTC, 07:00–16:00).
func (g *generator) officeTime(d data.Date) data.DateTime {
	return at(d, 7*3600+g.rng.IntN(9*3600))
}

// workday moves d to a weekday within [lo, hi] when possible.
func workday(d, lo, hi data.Date) data.Date {
	switch weekday(d) {
	case time.Saturday:
		if d+2 <= hi {
			return d + 2
		}
		if d-1 >= lo {
			return d - 1
		}
	case time.Sunday:
		if d+1 <= hi {
			return d + 1
		}
		if d-2 >= lo {
			return d - 2
		}
	}
	return d
}

// isoDate renders a date as YYYY-MM-DD, sharing equal strings.
func (g *generator) isoDate(d data.Date) string {
	if s, ok := g.dateStr[d]; ok {
		return s
	}
	s := dayTime(d).Format("2006-01-02")
	g.dateStr[d] = s
	return s
}

// padNum renders n with at least width digits.
func padNum(n, width int) string {
	var b [24]byte
	i := len(b)
	for n > 0 || len(b)-i < width {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
