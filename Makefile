# klantgraaf build targets. `make test` is what CI runs: keep it the single
# place that defines the full test suite.
#
#   make demo       GraphiQL + gateway over the in-process simulator
#   make build      bin/klantgraaf with the GraphiQL assets embedded
#   make test       go vet, a short run of every fuzz target, then every test
#                   (including the browser test)
#   make fuzz-smoke every fuzz target for FUZZTIME (default 3s) each
#   make assets     npm ci in web/ and copy the browser builds to server/assets/dist
#   make conformance-deps  npm ci in conformance/ (the GraphQL-over-HTTP audit)
#   make generate   regenerate graph/ from schema.graphqls
#   make fmt        gofmt every Go file

GO   ?= go
NPM  ?= npm

DIST       := server/assets/dist
NODE_STAMP := web/node_modules/.package-lock.json
AUDIT_STAMP := conformance/node_modules/.package-lock.json
BIN        := bin/klantgraaf

# Extra flags for `make demo`, e.g. make demo DEMO_FLAGS="--scale medium --sim-latency 20ms".
DEMO_FLAGS ?=

.PHONY: all demo assets conformance-deps build test vet fuzz-smoke generate fmt clean

all: build

# npm ci rewrites web/node_modules/.package-lock.json, so it reruns only
# when the pinned versions change.
$(NODE_STAMP): web/package.json web/package-lock.json
	cd web && $(NPM) ci --ignore-scripts --no-audit --no-fund
	@touch $@

# graphql-http for conformance/audit.mjs, run by the GraphQL-over-HTTP
# audit test (cmd/klantgraaf/graphqlhttp_test.go).
$(AUDIT_STAMP): conformance/package.json conformance/package-lock.json
	cd conformance && $(NPM) ci --ignore-scripts --no-audit --no-fund
	@touch $@

conformance-deps: $(AUDIT_STAMP)

assets: $(NODE_STAMP)
	mkdir -p $(DIST)/licenses
	cp web/node_modules/graphiql/graphiql.min.js web/node_modules/graphiql/graphiql.min.css $(DIST)/
	cp web/node_modules/react/umd/react.production.min.js $(DIST)/
	cp web/node_modules/react-dom/umd/react-dom.production.min.js $(DIST)/
	cp web/node_modules/graphiql/LICENSE $(DIST)/licenses/graphiql.txt
	cp web/node_modules/react/LICENSE $(DIST)/licenses/react.txt
	cp web/node_modules/react-dom/LICENSE $(DIST)/licenses/react-dom.txt

build: assets
	$(GO) build -tags builtinassets -o $(BIN) ./cmd/klantgraaf

demo: assets
	$(GO) run -tags builtinassets ./cmd/klantgraaf demo $(DEMO_FLAGS)

vet:
	$(GO) vet ./...
	$(GO) vet -tags builtinassets ./...

test: assets conformance-deps vet fuzz-smoke
	$(GO) test -tags builtinassets ./...

# How long fuzz-smoke runs each fuzz target; e.g. make fuzz-smoke FUZZTIME=1m
# for a longer look. A failure leaves its input in the package's
# testdata/fuzz/<FuzzName>/ (commit it: it is then a regression test).
FUZZTIME ?= 3s

# Every func FuzzX(f *testing.F) in the repository's tests, one `go test
# -fuzz` per target (it fuzzes one target per package and invocation).
fuzz-smoke:
	@set -e; \
	dirs=$$(grep -rlE --include='*_test.go' --exclude-dir=node_modules --exclude-dir=.git \
		'^func Fuzz[A-Za-z0-9_]*\(f \*testing\.F\)' . | xargs -n1 dirname | sort -u); \
	for dir in $$dirs; do \
		for name in $$(sed -nE 's/^func (Fuzz[A-Za-z0-9_]*)\(f \*testing\.F\).*/\1/p' $$dir/*_test.go); do \
			echo "fuzz-smoke: $$name $$dir"; \
			$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) $$dir; \
		done; \
	done

generate:
	$(GO) tool gqlgen generate

fmt:
	$(GO) fmt ./...

clean:
	rm -rf bin $(DIST) web/node_modules conformance/node_modules
