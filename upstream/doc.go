// Package upstream is the shared plumbing for talking to the municipal REST
// APIs (the VNG ZGW family: Zaken, Catalogi, Documenten, Klanten,
// Contactmomenten, Verzoeken, Klantinteracties and Contactgegevens).
//
// One Client talks to exactly one configured upstream. It owns URL
// validation (a URL is only fetched when it belongs to the upstream's base
// URL), authentication (a fresh ZGW JWT per request, or a static token),
// concurrency limiting, per-request deadlines, response size limits and the
// mapping of HTTP failures onto typed *Error values. A Registry holds the
// clients of all upstreams and routes an arbitrary resource URL to the
// client that owns it.
//
// The typed API clients live in the subpackages (upstream/zaken,
// upstream/catalogi, ...) and are thin layers over Client.
//
// # CRS headers
//
// The Zaken API takes Accept-Crs (and Content-Crs on bodies) on the /zaken
// endpoints; the 1.7 standard makes it required and answers 412 without it.
// A Client of kind zaken therefore sends "Accept-Crs: EPSG:4326" on every
// request, and "Content-Crs: EPSG:4326" on every request with a body: the
// providers ignore the headers on endpoints that do not declare them. Clients
// of the other kinds never send them.
package upstream
