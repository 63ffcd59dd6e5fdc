// GraphQL-over-HTTP conformance audit of a running klantgraaf endpoint.
//
//   node conformance/audit.mjs http://127.0.0.1:8080/graphql
//
// Runs every server audit of graphql-http (pinned in package-lock.json;
// `npm ci` in this folder installs it) against the URL, prints one line
// per audit and exits 0 only when every audit is ok: a failed MUST (error)
// fails the run, and so does a failed SHOULD or MAY (warn, notice).
// Exit status: 0 all ok, 1 some audit not ok, 2 usage or fatal error.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url || process.argv.length > 3) {
  console.error('usage: node audit.mjs URL   (the GraphQL endpoint, e.g. http://127.0.0.1:8080/graphql)');
  process.exit(2);
}
try {
  new URL(url);
} catch {
  console.error(`audit: ${JSON.stringify(url)} is not a URL`);
  process.exit(2);
}

// Every request of the audit ends within 10s, so a hanging server fails
// the run instead of stalling it.
const fetchFn = (input, init = {}) => fetch(input, { ...init, signal: AbortSignal.timeout(10_000) });

let results;
try {
  results = await auditServer({ url, fetchFn });
} catch (err) {
  console.error(`audit: fatal: ${err && err.stack ? err.stack : err}`);
  process.exit(2);
}

let ok = 0;
const failed = [];
for (const r of results) {
  if (r.status === 'ok') {
    ok++;
    console.log(`ok      ${r.id} ${r.name}`);
  } else {
    failed.push(r);
    console.log(`${r.status.padEnd(7)} ${r.id} ${r.name}\n        ${r.reason}`);
  }
}
console.log(`graphql-http audit of ${url}: ${ok} ok, ${failed.length} not ok (of ${results.length})`);
process.exit(failed.length === 0 ? 0 : 1);
