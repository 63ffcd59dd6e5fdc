package data

import "fmt"

// APIKind names one of the simulated APIs.
type APIKind string

// The API kinds served by the simulator.
const (
	APIZaken            APIKind = "zaken"
	APICatalogi         APIKind = "catalogi"
	APIDocumenten       APIKind = "documenten"
	APIKlanten          APIKind = "klanten"
	APIContactmomenten  APIKind = "contactmomenten"
	APIVerzoeken        APIKind = "verzoeken"
	APIKlantinteracties APIKind = "klantinteracties"
	APIContactgegevens  APIKind = "contactgegevens"
)

// apiInfo is what the specs fix per API kind: the version served and the
// base path of its server.
var apiInfo = map[APIKind]struct{ Version, BasePath string }{
	APIZaken:            {"1.5.1", "/zaken/api/v1"},
	APICatalogi:         {"1.3.1", "/catalogi/api/v1"},
	APIDocumenten:       {"1.4.2", "/documenten/api/v1"},
	APIKlanten:          {"1.0.0", "/klanten/api/v1"},
	APIContactmomenten:  {"1.0.0", "/contactmomenten/api/v1"},
	APIVerzoeken:        {"1.0.0-beta", "/api/v1"},
	APIKlantinteracties: {"0.9.0", "/klantinteracties/api/v1"},
	APIContactgegevens:  {"1.1.1", "/contactgegevens/api/v1"},
}

// InstanceSpec describes one provider instance: a separate "host" serving one
// API. Instances with the same System belong together (e.g. the zaken,
// catalogi and documenten of one Open Zaak).
type InstanceSpec struct {
	Name   string
	API    APIKind
	System string
}

// Version is the API version the instance serves.
func (s InstanceSpec) Version() string { return apiInfo[s.API].Version }

// BasePath is the path prefix of the instance's API.
func (s InstanceSpec) BasePath() string { return apiInfo[s.API].BasePath }

// DefaultTopology is a municipality with two zaaksystemen (each an Open Zaak
// with its own catalogi and documenten), an Open Klant 1.x with klanten,
// contactmomenten and verzoeken, and an Open Klant 2.x with klantinteracties
// and contactgegevens (the register the municipality is migrating to).
func DefaultTopology() []InstanceSpec {
	return []InstanceSpec{
		{"zaken-a", APIZaken, "a"},
		{"catalogi-a", APICatalogi, "a"},
		{"documenten-a", APIDocumenten, "a"},
		{"zaken-b", APIZaken, "b"},
		{"catalogi-b", APICatalogi, "b"},
		{"documenten-b", APIDocumenten, "b"},
		{"klanten", APIKlanten, "openklant"},
		{"contactmomenten", APIContactmomenten, "openklant"},
		{"verzoeken", APIVerzoeken, "openklant"},
		{"klantinteracties", APIKlantinteracties, "openklant2"},
		{"contactgegevens", APIContactgegevens, "openklant2"},
	}
}

// Topology is an ordered list of instances; an instance's index in it is the
// Inst value stored on every resource it owns.
type Topology []InstanceSpec

// Index returns the index of the named instance, or -1.
func (t Topology) Index(name string) int {
	for i, s := range t {
		if s.Name == name {
			return i
		}
	}
	return -1
}

// OfKind lists the indexes of all instances of one API kind.
func (t Topology) OfKind(k APIKind) []uint8 {
	var out []uint8
	for i, s := range t {
		if s.API == k {
			out = append(out, uint8(i))
		}
	}
	return out
}

// InSystem returns the index of the instance of kind k in the same system as
// instance i, or -1.
func (t Topology) InSystem(i uint8, k APIKind) int {
	for j, s := range t {
		if s.API == k && s.System == t[i].System {
			return j
		}
	}
	return -1
}

// Validate checks names are unique and kinds are known.
func (t Topology) Validate() error {
	seen := map[string]bool{}
	if len(t) > 250 {
		return fmt.Errorf("topology: too many instances (%d)", len(t))
	}
	for _, s := range t {
		if s.Name == "" || seen[s.Name] {
			return fmt.Errorf("topology: instance name %q empty or duplicate", s.Name)
		}
		seen[s.Name] = true
		if _, ok := apiInfo[s.API]; !ok {
			return fmt.Errorf("topology: instance %q has unknown api %q", s.Name, s.API)
		}
	}
	return nil
}
