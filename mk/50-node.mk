# Node: the `paynet-oauth` npm package (bindings/node, napi-rs v3).
#
#   make test-node    npm install (only when node_modules is missing or stale), npm run build,
#                     fail when the generated index.js / index.d.ts drift, npm test
#                     (vectors, oauth-1.0a differential, client against the mock,
#                     errors, ESM, signForm with fetch, AbortSignal), tsc --noEmit --strict
#                     over test/types, tsc --module node16 over an .mts (ESM types), npm pack,
#                     install the tarball elsewhere, require + import + the example
#   make bench-node   ns per sign call vs oauth-1.0a vs a bare crypto HMAC -> BENCHMARKS.md

NODE_SRC := $(ROOT)/bindings/node
NODE_BUILD := $(ROOT)/build/node
NODE_LOG := $(NODE_BUILD)/make.log
NODE_GENERATED := index.js index.d.ts
NPM_QUIET := --no-audit --no-fund --loglevel=error

.PHONY: node-tools
node-tools:
	@tools/test/require.sh node "Node.js 20+ and npm" "$(NODE_CHECK)" "apt nodejs" || exit 1

# Reinstalled when package.json or the lock file is newer than the last install;
# `npm ci` installs exactly the lock file and never rewrites it, and must not warn
# EBADENGINE (package.json's `overrides` keep the build tools' dependencies on Node 20).
$(NODE_SRC)/node_modules/.paynet-installed: $(NODE_SRC)/package.json $(wildcard $(NODE_SRC)/package-lock.json) | node-tools
	@mkdir -p $(NODE_BUILD)
	@cd $(NODE_SRC) && npm ci --no-audit --no-fund --loglevel=warn >$(NODE_LOG) 2>&1 || { cat $(NODE_LOG); exit 1; }
	@! grep -A4 EBADENGINE $(NODE_LOG) || { echo "node: npm ci warned EBADENGINE: engines and the dev tools disagree with this Node"; exit 1; }
	@touch $@

.PHONY: node-build
node-build: $(NODE_SRC)/node_modules/.paynet-installed
	@mkdir -p $(NODE_BUILD)/generated
	@cd $(NODE_SRC) && for f in $(NODE_GENERATED); do \
	  if [ -f $$f ]; then cp $$f $(NODE_BUILD)/generated/$$f; else rm -f $(NODE_BUILD)/generated/$$f; fi; done
	@cd $(NODE_SRC) && npm run build $(NPM_QUIET) >$(NODE_LOG) 2>&1 || { cat $(NODE_LOG); exit 1; }
	@cd $(NODE_SRC) && for f in $(NODE_GENERATED); do \
	  if git ls-files --error-unmatch $$f >/dev/null 2>&1; then \
	    git diff --exit-code --stat -- $$f || { echo "node: $$f changed after the build: commit the regenerated file"; exit 1; }; \
	  elif [ -f $(NODE_BUILD)/generated/$$f ]; then \
	    cmp -s $$f $(NODE_BUILD)/generated/$$f || { echo "node: $$f changed after the build:"; \
	      diff -u $(NODE_BUILD)/generated/$$f $$f | head -40; exit 1; }; \
	  fi; done

.PHONY: test-node
test-node: ## Node package: build, drift check, node --test, tsc --strict, npm pack + install + example
	@$(call with-tool,node,Node.js 20+ and npm,$(NODE_CHECK),apt nodejs,node-run)

.PHONY: node-run
node-run: node-build
	@$(CARGO) build $(CARGO_FLAGS) -p paynet-cli
	@cd $(NODE_SRC) && PAYNET=$(PAYNET) npm test $(NPM_QUIET) >$(NODE_LOG) 2>&1 || { cat $(NODE_LOG); exit 1; }
	@echo "node: $$(grep -E '^# (pass|fail) ' $(NODE_LOG) | tr -d '#' | paste -sd, | sed 's/  */ /g') ($$(grep -o 'seed [0-9]*' $(NODE_LOG) | head -1) of the oauth-1.0a differential)"
	@cd $(NODE_SRC) && npx tsc -p test/types/tsconfig.json --noEmit --strict >$(NODE_LOG) 2>&1 || { cat $(NODE_LOG); exit 1; }
	@echo "node: tsc --noEmit --strict over index.d.ts: ok"
	@cd $(NODE_SRC) && npx tsc -p test/types/tsconfig.esm.json --traceResolution >$(NODE_LOG) 2>&1 || { grep 'error TS' $(NODE_LOG) | head -40; exit 1; }
	@grep -q "'paynet-oauth' was successfully resolved to '.*/index.d.mts'" $(NODE_LOG) || { echo "node: an ES module importing paynet-oauth does not get index.d.mts"; exit 1; }
	@echo "node: tsc --module node16 over an .mts file: ESM types (index.d.mts): ok"
	@bash $(NODE_SRC)/scripts/check-pack.sh $(ROOT) $(PAYNET) $(NODE_BUILD)

.PHONY: bench-node
bench-node: node-build ## Node: ns per sign call vs oauth-1.0a vs crypto HMAC -> BENCHMARKS.md
	@cd $(NODE_SRC) && node bench/sign.cjs | tee /dev/stderr | python3 $(ROOT)/tools/bench/update_section.py node $(ROOT)/BENCHMARKS.md

TEST_TARGETS += test-node
BENCH_TARGETS += bench-node
