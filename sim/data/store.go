package data

import (
	"net/url"
	"strings"
	"sync"
)

// Table holds the rows of one resource kind with a UUID index.
type Table[T any] struct {
	Rows   []T
	byUUID map[UUID]Ref
	uuids  []UUID
	insts  []uint8
}

// Add appends a row owned by instance inst and returns its index.
func (t *Table[T]) Add(u UUID, inst uint8, row T) Ref {
	if t.byUUID == nil {
		t.byUUID = make(map[UUID]Ref)
	}
	r := Ref(len(t.Rows))
	t.Rows = append(t.Rows, row)
	t.uuids = append(t.uuids, u)
	t.insts = append(t.insts, inst)
	t.byUUID[u] = r
	return r
}

// Load replaces the table's contents in bulk: row i gets uuids[i] and is
// owned by insts[i]. The slices are taken over, not copied.
func (t *Table[T]) Load(rows []T, uuids []UUID, insts []uint8) {
	if len(uuids) != len(rows) || len(insts) != len(rows) {
		panic("data: Table.Load: rows, uuids and insts differ in length")
	}
	t.Rows, t.uuids, t.insts = rows, uuids, insts
	t.byUUID = make(map[UUID]Ref, len(uuids))
	for i, u := range uuids {
		t.byUUID[u] = Ref(i)
	}
}

// Lookup finds a row by UUID.
func (t *Table[T]) Lookup(u UUID) (Ref, bool) {
	r, ok := t.byUUID[u]
	return r, ok
}

// LookupIn finds a row by UUID that is owned by instance inst.
func (t *Table[T]) LookupIn(inst uint8, u UUID) (Ref, bool) {
	r, ok := t.byUUID[u]
	if !ok || t.insts[r] != inst {
		return NoRef, false
	}
	return r, true
}

// InstOf returns the instance owning row r.
func (t *Table[T]) InstOf(r Ref) uint8 { return t.insts[r] }

// Get returns a pointer to row r (valid until the next Add).
func (t *Table[T]) Get(r Ref) *T { return &t.Rows[r] }

// UUIDOf returns the UUID of row r.
func (t *Table[T]) UUIDOf(r Ref) UUID { return t.uuids[r] }

// Len is the number of rows.
func (t *Table[T]) Len() int { return len(t.Rows) }

// Data is the whole simulated world: every provider's resources.
type Data struct {
	Seed uint64

	Catalogussen          Table[Catalogus]
	ZaakTypen             Table[ZaakType]
	StatusTypen           Table[StatusType]
	ResultaatTypen        Table[ResultaatType]
	RolTypen              Table[RolType]
	Eigenschappen         Table[Eigenschap]
	InformatieObjectTypen Table[InformatieObjectType]

	Zaken                  Table[Zaak]
	Statussen              Table[Status]
	Resultaten             Table[Resultaat]
	Rollen                 Table[Rol]
	ZaakEigenschappen      Table[ZaakEigenschap]
	ZaakInformatieObjecten Table[ZaakInformatieObject]
	ZaakContactMomenten    Table[ZaakContactMoment]
	ZaakVerzoeken          Table[ZaakVerzoek]

	InformatieObjecten       Table[EnkelvoudigInformatieObject]
	ObjectInformatieObjecten Table[ObjectInformatieObject]

	Klanten Table[Klant]

	ContactMomenten       Table[ContactMoment]
	KlantContactMomenten  Table[KlantContactMoment]
	ObjectContactMomenten Table[ObjectContactMoment]

	Verzoeken                 Table[Verzoek]
	KlantVerzoeken            Table[KlantVerzoek]
	ObjectVerzoeken           Table[ObjectVerzoek]
	VerzoekContactMomenten    Table[VerzoekContactMoment]
	VerzoekInformatieObjecten Table[VerzoekInformatieObject]
	VerzoekProducten          Table[VerzoekProduct]

	// Klantinteracties (Open Klant 2.x).
	Partijen              Table[Partij]
	PartijIdentificatoren Table[PartijIdentificator]
	DigitaleAdressen      Table[DigitaalAdres]
	Klantcontacten        Table[Klantcontact]
	Betrokkenen           Table[Betrokkene]
	Onderwerpobjecten     Table[Onderwerpobject]
	Actoren               Table[Actor]
	ActorKlantcontacten   Table[ActorKlantcontact]
	InterneTaken          Table[InterneTaak]
	Bijlagen              Table[Bijlage]

	// Contactgegevens.
	ContactPersonen     Table[ContactPersoon]
	ContactOrganisaties Table[ContactOrganisatie]

	// Showcase lists the documented persons and companies of the dataset.
	Showcase []ShowcaseEntry
}

// ShowcaseEntry describes one documented person or company with fixed
// identifiers, so tests, demos and benchmarks can find it.
type ShowcaseEntry struct {
	Key         string   `json:"key"`
	Description string   `json:"description"`
	BSN         string   `json:"bsn,omitempty"`
	KvK         string   `json:"kvkNummer,omitempty"`
	Vestigingen []string `json:"vestigingsnummers,omitempty"`
	Klanten     []Ref    `json:"-"`
	// Expected counts, for tests and benchmarks.
	Contactmomenten int `json:"contactmomenten"`
	Zaken           int `json:"zaken"`
	Verzoeken       int `json:"verzoeken"`
	// Generaties lists the klant registers holding the party: "v1" (Klanten,
	// Contactmomenten) and/or "v2" (Klantinteracties).
	Generaties []string `json:"generaties"`
	// Partijen are the party's partijen in Klantinteracties (for a company:
	// the organisatie first, then its vestigingen).
	Partijen []Ref `json:"-"`
	// Expected Klantinteracties counts: klantcontacten with the party as
	// betrokkene, those about one of its zaken (an onderwerpobject naming
	// the zaak) and interne taken they led to.
	Klantcontacten         int `json:"klantcontacten"`
	KlantcontactenOverZaak int `json:"klantcontactenOverZaak"`
	Internetaken           int `json:"internetaken"`
}

// Store guards the Data with a read/write lock and keeps lazily built
// secondary indexes that are dropped on every write.
type Store struct {
	mu   sync.RWMutex
	data *Data

	idxMu sync.Mutex
	idx   map[string]*lazyIndex

	topo Topology
	// base URL per instance index, set when the listeners are bound.
	bases []string
}

type lazyIndex struct {
	once sync.Once
	str  map[string][]Ref
	ref  map[Ref][]Ref
}

// NewStore wraps generated data.
func NewStore(d *Data, topo Topology, bases []string) *Store {
	return &Store{data: d, idx: map[string]*lazyIndex{}, topo: topo, bases: bases}
}

// Topology returns the instances the store's data is spread over.
func (s *Store) Topology() Topology { return s.topo }

// Read runs f with the data under a read lock.
func (s *Store) Read(f func(d *Data)) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	f(s.data)
}

// Write runs f with the data under the write lock and drops all indexes.
func (s *Store) Write(f func(d *Data)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f(s.data)
	s.idxMu.Lock()
	s.idx = map[string]*lazyIndex{}
	s.idxMu.Unlock()
}

// Replace swaps the whole dataset (used by reset).
func (s *Store) Replace(d *Data) {
	s.Write(func(old *Data) { s.data = d })
}

func (s *Store) index(name string) *lazyIndex {
	s.idxMu.Lock()
	defer s.idxMu.Unlock()
	li := s.idx[name]
	if li == nil {
		li = &lazyIndex{}
		s.idx[name] = li
	}
	return li
}

// IndexStr returns (building once, under the caller's read lock) a map from a
// string key to row indexes. build calls add for every (key, row) pair.
func (s *Store) IndexStr(name string, build func(add func(key string, r Ref))) map[string][]Ref {
	li := s.index(name)
	li.once.Do(func() {
		m := map[string][]Ref{}
		build(func(k string, r Ref) { m[k] = append(m[k], r) })
		li.str = m
	})
	return li.str
}

// IndexRef is IndexStr with Ref keys (e.g. "rollen by zaak").
func (s *Store) IndexRef(name string, build func(add func(key Ref, r Ref))) map[Ref][]Ref {
	li := s.index(name)
	li.once.Do(func() {
		m := map[Ref][]Ref{}
		build(func(k Ref, r Ref) { m[k] = append(m[k], r) })
		li.ref = m
	})
	return li.ref
}

// URL renders the absolute URL of a resource owned by instance inst.
func (s *Store) URL(inst uint8, collection string, u UUID) string {
	return s.bases[inst] + "/" + collection + "/" + u.String()
}

// Base returns the base URL of an instance.
func (s *Store) Base(inst uint8) string { return s.bases[inst] }

// Resolve maps an absolute URL to a row of table t, checking that the URL
// belongs to an instance of API kind api, names collection and that the row
// is owned by that instance. Call it under a read or write lock.
func Resolve[T any](s *Store, t *Table[T], raw string, api APIKind, collection string) (Ref, bool) {
	inst, coll, u, ok := s.ParseURL(raw)
	if !ok || s.topo[inst].API != api || coll != collection {
		return NoRef, false
	}
	return t.LookupIn(inst, u)
}

// RefURL renders the URL of row r of table t in collection.
func RefURL[T any](s *Store, t *Table[T], collection string, r Ref) string {
	return s.URL(t.InstOf(r), collection, t.UUIDOf(r))
}

// ParseURL splits an absolute URL of one of the instances into the instance
// index, the collection path (e.g. "zaken" or "zaken/<uuid>/zaakeigenschappen"
// prefix) and the trailing UUID. It matches scheme, host and port exactly and
// the base path on a segment boundary.
func (s *Store) ParseURL(raw string) (inst uint8, collection string, u UUID, ok bool) {
	pu, err := url.Parse(raw)
	if err != nil || pu.User != nil || pu.RawQuery != "" || pu.Fragment != "" {
		return 0, "", u, false
	}
	for i, b := range s.bases {
		if b == "" {
			continue
		}
		if !strings.HasPrefix(raw, b+"/") {
			continue
		}
		rest := raw[len(b)+1:]
		slash := strings.LastIndexByte(rest, '/')
		if slash <= 0 {
			return 0, "", u, false
		}
		id, err := ParseUUID(rest[slash+1:])
		if err != nil {
			return 0, "", u, false
		}
		return uint8(i), rest[:slash], id, true
	}
	return 0, "", u, false
}
