// Package cache is the gateway's two-tier cache for upstream response bodies.
//
// Tier one ([L1]) lives in the process: bounded by bytes, least recently used
// entries evicted first, every entry with its own TTL. Tier two ([Redis]) is
// shared by all gateway instances. [Tiered] puts them together: reads try L1
// and then Redis, Redis hits are copied into L1 for the time they have left,
// writes go to both. Without Redis, Tiered is L1 alone.
//
// The cache is best effort. Nothing in it returns an error to the caller:
// Redis failures and timeouts (every Redis operation is bounded, 50 ms by
// default) are counted, logged at a limited rate and answered as misses, so a
// slow or absent Redis costs at most the timeout and never fails a request.
//
// # Keys
//
// Build keys with [Key]. The key must contain everything that can make two
// upstream answers differ, or one user would be served another's response:
//
//   - the upstream (provider) name;
//   - the canonical request URL, including the query string for lists and,
//     for _zoek and other POST searches, the canonical request body;
//   - the authorization context: the credential id the gateway used and,
//     where the provider filters by end user (or audits per end user), the
//     end user's identity.
//
// For example:
//
//	k := cache.Key(provider.Name, canonicalURL, credentialID, endUser)
//
// # Sharing
//
// Entries are shared, not copied: the Body of an [Entry] given to SetMulti
// and the Body of a [Hit] must not be modified.
//
// [Group] collapses concurrent identical fetches into one upstream request.
package cache
