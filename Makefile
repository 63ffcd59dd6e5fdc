# klantgraaf build targets. `make test` is what CI runs: keep it the single
# place that defines the full test suite.
#
#   make demo       GraphiQL + gateway over the in-process simulator
#   make build      bin/klantgraaf with the GraphiQL assets embedded
#   make test       go vet, then every test (including the browser test)
#   make assets     npm ci in web/ and copy the browser builds to server/assets/dist
#   make generate   regenerate graph/ from schema.graphqls
#   make fmt        gofmt every Go file

GO   ?= go
NPM  ?= npm

DIST       := server/assets/dist
NODE_STAMP := web/node_modules/.package-lock.json
BIN        := bin/klantgraaf

# Extra flags for `make demo`, e.g. make demo DEMO_FLAGS="--scale medium --sim-latency 20ms".
DEMO_FLAGS ?=

.PHONY: all demo assets build test vet generate fmt clean

all: build

# npm ci rewrites web/node_modules/.package-lock.json, so it reruns only
# when the pinned versions change.
$(NODE_STAMP): web/package.json web/package-lock.json
	cd web && $(NPM) ci --ignore-scripts --no-audit --no-fund
	@touch $@

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

test: assets vet
	$(GO) test -tags builtinassets ./...

generate:
	$(GO) tool gqlgen generate

fmt:
	$(GO) fmt ./...

clean:
	rm -rf bin $(DIST) web/node_modules
