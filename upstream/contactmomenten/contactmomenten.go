// Package contactmomenten is a typed client for the Contactmomenten API
// (contactmomenten-1.0.0 as served by Open Klant 1.x, base
// /contactmomenten/api/v1). All lists are paginated (page only).
//
// Open Klant deviates from the standard: a contactmoment carries read-only
// klantcontactmomenten and objectcontactmomenten URL lists, GET
// /contactmomenten filters on klant and object (several values
// comma-separated), and expand=klantcontactmomenten,objectcontactmomenten
// embeds the related objects. The response shape of expand is not
// specified, so both forms are accepted: objects in place of the URLs, and
// an _expand object.
package contactmomenten

import (
	"bytes"
	"context"
	"encoding/json"

	"github.com/klantgraaf/klantgraaf/upstream"
)

// Expand values of GET /contactmomenten (Open Klant).
const (
	ExpandKlantcontactmomenten  = "klantcontactmomenten"
	ExpandObjectcontactmomenten = "objectcontactmomenten"
)

// ContactMoment is a contactmoment.
type ContactMoment struct {
	URL                     string      `json:"url,omitempty"`
	VorigContactmoment      string      `json:"vorigContactmoment,omitempty"`
	VolgendContactmoment    string      `json:"volgendContactmoment,omitempty"`
	Bronorganisatie         string      `json:"bronorganisatie,omitempty"`
	Registratiedatum        string      `json:"registratiedatum,omitempty"`
	Kanaal                  string      `json:"kanaal,omitempty"`
	Voorkeurskanaal         string      `json:"voorkeurskanaal,omitempty"`
	Voorkeurstaal           string      `json:"voorkeurstaal,omitempty"`
	Tekst                   string      `json:"tekst,omitempty"`
	OnderwerpLinks          []string    `json:"onderwerpLinks,omitempty"`
	Initiatiefnemer         string      `json:"initiatiefnemer,omitempty"`
	Medewerker              string      `json:"medewerker,omitempty"`
	MedewerkerIdentificatie *Medewerker `json:"medewerkerIdentificatie,omitempty"`

	// Open Klant: read-only relation lists (URLs, or objects when expanded).
	Klantcontactmomenten  Refs[KlantContactMoment]  `json:"klantcontactmomenten,omitempty"`
	Objectcontactmomenten Refs[ObjectContactMoment] `json:"objectcontactmomenten,omitempty"`

	Expand *ContactMomentExpand `json:"_expand,omitempty"`
}

// ContactMomentExpand is an _expand object, should a provider answer with
// one.
type ContactMomentExpand struct {
	Klantcontactmomenten  Refs[KlantContactMoment]  `json:"klantcontactmomenten,omitempty"`
	Objectcontactmomenten Refs[ObjectContactMoment] `json:"objectcontactmomenten,omitempty"`
}

// UnmarshalJSON decodes the known keys and ignores anything malformed.
func (e *ContactMomentExpand) UnmarshalJSON(b []byte) error {
	*e = ContactMomentExpand{}
	var m map[string]json.RawMessage
	if json.Unmarshal(bytes.TrimSpace(b), &m) != nil {
		return nil
	}
	if raw, ok := m["klantcontactmomenten"]; ok {
		_ = e.Klantcontactmomenten.UnmarshalJSON(raw)
	}
	if raw, ok := m["objectcontactmomenten"]; ok {
		_ = e.Objectcontactmomenten.UnmarshalJSON(raw)
	}
	return nil
}

// KlantContactMomentURLs returns the URLs of the linked
// klantcontactmomenten, from the list and from _expand, without duplicates.
func (cm *ContactMoment) KlantContactMomentURLs() []string {
	var extra Refs[KlantContactMoment]
	if cm.Expand != nil {
		extra = cm.Expand.Klantcontactmomenten
	}
	return dedupURLs(cm.Klantcontactmomenten.URLs(), extra.URLs())
}

// ObjectContactMomentURLs returns the URLs of the linked
// objectcontactmomenten, from the list and from _expand, without
// duplicates.
func (cm *ContactMoment) ObjectContactMomentURLs() []string {
	var extra Refs[ObjectContactMoment]
	if cm.Expand != nil {
		extra = cm.Expand.Objectcontactmomenten
	}
	return dedupURLs(cm.Objectcontactmomenten.URLs(), extra.URLs())
}

// ExpandedKlantContactMomenten returns the embedded klantcontactmomenten
// (present only when expand was used), without duplicates.
func (cm *ContactMoment) ExpandedKlantContactMomenten() []KlantContactMoment {
	all := cm.Klantcontactmomenten.Objects()
	if cm.Expand != nil {
		all = append(all, cm.Expand.Klantcontactmomenten.Objects()...)
	}
	return dedupBy(all, func(k KlantContactMoment) string { return k.URL })
}

// ExpandedObjectContactMomenten returns the embedded objectcontactmomenten
// (present only when expand was used), without duplicates.
func (cm *ContactMoment) ExpandedObjectContactMomenten() []ObjectContactMoment {
	all := cm.Objectcontactmomenten.Objects()
	if cm.Expand != nil {
		all = append(all, cm.Expand.Objectcontactmomenten.Objects()...)
	}
	return dedupBy(all, func(o ObjectContactMoment) string { return o.URL })
}

func dedupURLs(lists ...[]string) []string {
	var out []string
	seen := make(map[string]bool)
	for _, l := range lists {
		for _, u := range l {
			if !seen[u] {
				seen[u] = true
				out = append(out, u)
			}
		}
	}
	return out
}

func dedupBy[T any](in []T, key func(T) string) []T {
	var out []T
	seen := make(map[string]bool)
	for _, v := range in {
		k := key(v)
		if k != "" && seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, v)
	}
	return out
}

// Medewerker identifies the employee who handled a contactmoment.
type Medewerker struct {
	Identificatie         string `json:"identificatie,omitempty"`
	Achternaam            string `json:"achternaam,omitempty"`
	Voorletters           string `json:"voorletters,omitempty"`
	VoorvoegselAchternaam string `json:"voorvoegselAchternaam,omitempty"`
}

// KlantContactMoment links a klant to a contactmoment. Gelezen is an Open
// Klant addition.
type KlantContactMoment struct {
	URL           string `json:"url,omitempty"`
	Contactmoment string `json:"contactmoment"`
	Klant         string `json:"klant"`
	// Rol is belanghebbende or gesprekspartner.
	Rol     string `json:"rol"`
	Gelezen *bool  `json:"gelezen,omitempty"`
}

// ObjectContactMoment links an object (a zaak) to a contactmoment.
type ObjectContactMoment struct {
	URL           string `json:"url,omitempty"`
	Contactmoment string `json:"contactmoment"`
	Object        string `json:"object"`
	ObjectType    string `json:"objectType"`
}

// ContactMomentListOptions are the parameters of GET /contactmomenten.
type ContactMomentListOptions struct {
	VorigContactmoment   string `q:"vorigContactmoment"`
	VolgendContactmoment string `q:"volgendContactmoment"`
	Bronorganisatie      string `q:"bronorganisatie"`
	Registratiedatum     string `q:"registratiedatum"`
	RegistratiedatumGt   string `q:"registratiedatum__gt"`
	RegistratiedatumGte  string `q:"registratiedatum__gte"`
	RegistratiedatumLt   string `q:"registratiedatum__lt"`
	RegistratiedatumLte  string `q:"registratiedatum__lte"`
	Kanaal               string `q:"kanaal"`
	Voorkeurskanaal      string `q:"voorkeurskanaal"`
	Voorkeurstaal        string `q:"voorkeurstaal"`
	Initiatiefnemer      string `q:"initiatiefnemer"`
	Medewerker           string `q:"medewerker"`
	// Open Klant only.
	MedewerkerIdentificatie                      string `q:"medewerkerIdentificatie__identificatie"`
	MedewerkerIdentificatieAchternaam            string `q:"medewerkerIdentificatie__achternaam"`
	MedewerkerIdentificatieVoorletters           string `q:"medewerkerIdentificatie__voorletters"`
	MedewerkerIdentificatieVoorvoegselAchternaam string `q:"medewerkerIdentificatie__voorvoegselAchternaam"`
	// Klant: klant URLs, comma-joined (Open Klant only).
	Klant []string `q:"klant"`
	// Object: object (zaak) URLs, comma-joined (Open Klant only).
	Object []string `q:"object"`
	// Expand: see the Expand* constants (Open Klant only).
	Expand   []string `q:"expand"`
	Ordering string   `q:"ordering"`
	Page     int      `q:"page"`
}

// Client calls one Contactmomenten upstream.
type Client struct {
	up *upstream.Client
}

// New wraps an upstream client of kind contactmomenten.
func New(up *upstream.Client) *Client { return &Client{up: up} }

// Upstream returns the underlying upstream client.
func (c *Client) Upstream() *upstream.Client { return c.up }

// Get fetches a contactmoment by URL (or UUID), with the given expansions.
func (c *Client) Get(ctx context.Context, url string, expand []string) (*ContactMoment, error) {
	var q upstream.Query
	q.SetList("expand", expand)
	v, err := upstream.GetJSON[ContactMoment](ctx, c.up, q.AppendTo(c.up.ResourceURL("contactmomenten", url)))
	return v, upstream.WithOp("contactmomenten.Get", err)
}

// List lists contactmomenten (GET /contactmomenten).
func (c *Client) List(ctx context.Context, opts ContactMomentListOptions) (*upstream.Page[ContactMoment], error) {
	p, err := upstream.GetPage[ContactMoment](ctx, c.up, upstream.WithQuery("contactmomenten", opts))
	return p, upstream.WithOp("contactmomenten.List", err)
}

// ListKlantContactMomenten lists klantcontactmomenten filtered on
// contactmoment, klant and rol (empty filters are left out).
func (c *Client) ListKlantContactMomenten(ctx context.Context, contactmoment, klant, rol string, page int) (*upstream.Page[KlantContactMoment], error) {
	var q upstream.Query
	q.Set("contactmoment", contactmoment)
	q.Set("klant", klant)
	q.Set("rol", rol)
	q.SetInt("page", page)
	p, err := upstream.GetPage[KlantContactMoment](ctx, c.up, q.AppendTo("klantcontactmomenten"))
	return p, upstream.WithOp("contactmomenten.ListKlantContactMomenten", err)
}

// ListObjectContactMomenten lists objectcontactmomenten filtered on object
// and contactmoment.
func (c *Client) ListObjectContactMomenten(ctx context.Context, object, contactmoment string, page int) (*upstream.Page[ObjectContactMoment], error) {
	var q upstream.Query
	q.Set("object", object)
	q.Set("contactmoment", contactmoment)
	q.SetInt("page", page)
	p, err := upstream.GetPage[ObjectContactMoment](ctx, c.up, q.AppendTo("objectcontactmomenten"))
	return p, upstream.WithOp("contactmomenten.ListObjectContactMomenten", err)
}

// GetKlantContactMoment fetches a klantcontactmoment by URL (or UUID).
func (c *Client) GetKlantContactMoment(ctx context.Context, url string) (*KlantContactMoment, error) {
	v, err := upstream.GetJSON[KlantContactMoment](ctx, c.up, c.up.ResourceURL("klantcontactmomenten", url))
	return v, upstream.WithOp("contactmomenten.GetKlantContactMoment", err)
}

// GetObjectContactMoment fetches an objectcontactmoment by URL (or UUID).
func (c *Client) GetObjectContactMoment(ctx context.Context, url string) (*ObjectContactMoment, error) {
	v, err := upstream.GetJSON[ObjectContactMoment](ctx, c.up, c.up.ResourceURL("objectcontactmomenten", url))
	return v, upstream.WithOp("contactmomenten.GetObjectContactMoment", err)
}

// CreateContactMoment creates a contactmoment (POST /contactmomenten).
func (c *Client) CreateContactMoment(ctx context.Context, cm *ContactMoment) (*ContactMoment, error) {
	v, err := upstream.PostJSON[ContactMoment](ctx, c.up, "contactmomenten", cm)
	return v, upstream.WithOp("contactmomenten.CreateContactMoment", err)
}

// CreateKlantContactMoment links a klant to a contactmoment.
func (c *Client) CreateKlantContactMoment(ctx context.Context, kcm KlantContactMoment) (*KlantContactMoment, error) {
	v, err := upstream.PostJSON[KlantContactMoment](ctx, c.up, "klantcontactmomenten", kcm)
	return v, upstream.WithOp("contactmomenten.CreateKlantContactMoment", err)
}

// CreateObjectContactMoment links an object to a contactmoment. The spec
// notes the Zaken API maintains these itself when a zaakcontactmoment is
// created.
func (c *Client) CreateObjectContactMoment(ctx context.Context, ocm ObjectContactMoment) (*ObjectContactMoment, error) {
	v, err := upstream.PostJSON[ObjectContactMoment](ctx, c.up, "objectcontactmomenten", ocm)
	return v, upstream.WithOp("contactmomenten.CreateObjectContactMoment", err)
}
