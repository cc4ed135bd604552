# WebAssembly: the npm package `paynet-oauth-wasm` (bindings/wasm, wasm-bindgen) and
# the offline Request Builder page (web/request-builder).
#
#   make wasm        the package into build/wasm/pkg (release .wasm, opt-level z, LTO,
#                    wasm-opt -Oz from the npm binaryen devDependency), and the page's
#                    smaller build (without the features `package` and `client`: it
#                    only signs) into build/wasm/page
#   make web         the page into build/web/request-builder (one self-contained index.html)
#   make test-wasm   every signing and response vector through the package under Node
#                    (ESM), errors and entries, the balance Client on Node's fetch
#                    against `paynet mock` and local servers (timeouts, cap, redirects,
#                    retries, abort), then tsc --strict: the package's types
#                    are the Node addon's (assigned both ways), then npm pack, install
#                    the tarball in a fresh project and import it by name
#   make test-web    headless Chromium (Playwright): the vectors through the page's
#                    module, the form filled as a person would, no request off the
#                    page's origin, the page from file://
#   make bench-wasm  time per sign in Chromium vs crypto.subtle HMAC-SHA1, and the
#                    sizes of what the page loads -> BENCHMARKS.md
#   make wasm-sizes  what the .wasm is made of: code bytes per crate, largest functions
#   PAYNET_WASM_NIGHTLY=1 make wasm|web|bench-wasm   the same with the pinned nightly,
#                    build-std and panic=immediate-abort (smaller; only for size, not
#                    the default; std is built once into target/wasm-nightly)
#   make test-npm-runtimes  ONE npm package for every runtime: npm pack of paynet-oauth
#                    (bindings/node; its prepack copies the wasm build into wasm/),
#                    installed into a fresh project: plain node imports the native
#                    addon, --conditions=browser / =worker and paynet-oauth/wasm the wasm
#                    build, every vector through each
#   make test-edge   the same packed package in real edge runtimes: Deno imports it by
#                    name (the `deno` condition), workerd serves a worker bundled through
#                    the `workerd` condition; every vector in each, and the balance
#                    Client on each runtime's fetch against `paynet mock` (deno, workerd and
#                    esbuild from npm, pinned, installed once into build/tools/edge)
#
# make dist's main npm package carries the wasm build too (tools/dist/node-main.sh), so
# dist-node needs make wasm first.

WASM_SRC := $(ROOT)/bindings/wasm
WASM_BUILD := $(ROOT)/build/wasm
WASM_PKG := $(WASM_BUILD)/pkg
WASM_PAGE := $(WASM_BUILD)/page
WASM_LOG := $(WASM_BUILD)/make.log
WEB_SRC := $(ROOT)/web/request-builder
WEB_OUT := $(ROOT)/build/web/request-builder
WEB_LOG := $(ROOT)/build/web/make.log
WASM_TOOLS := $(WASM_SRC)/scripts/tools.sh
WASM_WHAT := the wasm32-unknown-unknown target, wasm-bindgen-cli (the Cargo.lock version) and Node.js 20+
WEB_CHECK := test -x /usr/bin/chromium && /usr/bin/chromium --version 2>/dev/null
WASM_NPM := --no-audit --no-fund --loglevel=error

$(WASM_SRC)/node_modules/.paynet-installed: $(WASM_SRC)/package.json $(WASM_SRC)/package-lock.json
	@mkdir -p $(WASM_BUILD)
	@cd $(WASM_SRC) && npm ci $(WASM_NPM) >$(WASM_LOG) 2>&1 || { cat $(WASM_LOG); exit 1; }
	@touch $@

$(WEB_SRC)/test/node_modules/.paynet-installed: $(WEB_SRC)/test/package.json $(WEB_SRC)/test/package-lock.json
	@mkdir -p $(ROOT)/build/web
	@cd $(WEB_SRC)/test && npm ci $(WASM_NPM) >$(WEB_LOG) 2>&1 || { cat $(WEB_LOG); exit 1; }
	@touch $@

.PHONY: wasm
wasm: ## WebAssembly package into build/wasm/pkg (wasm-bindgen --target web + Node entry)
	@$(call with-tool,wasm,$(WASM_WHAT),$(WASM_TOOLS) check $(ROOT),$(WASM_TOOLS) install $(ROOT),wasm-build)

.PHONY: wasm-build
wasm-build: $(WASM_SRC)/node_modules/.paynet-installed
	@mkdir -p $(WASM_BUILD)
	@$(WASM_SRC)/scripts/build.sh $(ROOT) $(WASM_PKG) $(WASM_PAGE) >$(WASM_LOG) 2>&1 || { cat $(WASM_LOG); exit 1; }
	@! grep -qE 'ClientCore|parseResponse' $(WASM_PAGE)/paynet_oauth_wasm.js || { echo "wasm-build: the page's build has the Client or parseResponse"; exit 1; }

.PHONY: web
web: ## the offline Request Builder page into build/web/request-builder
	@$(call with-tool,web,$(WASM_WHAT),$(WASM_TOOLS) check $(ROOT),$(WASM_TOOLS) install $(ROOT),web-build web-where)

.PHONY: web-where
web-where:
	@tail -n 1 $(WEB_LOG)

.PHONY: web-build
web-build: wasm-build
	@mkdir -p $(WEB_OUT)
	@node $(WEB_SRC)/build.mjs $(WASM_PAGE) $(WEB_OUT) >$(WEB_LOG) 2>&1 || { cat $(WEB_LOG); exit 1; }

.PHONY: test-wasm
test-wasm: ## wasm package: vectors and errors under Node (ESM), tsc --strict against the Node types
	@$(call with-tool,wasm,$(WASM_WHAT),$(WASM_TOOLS) check $(ROOT),$(WASM_TOOLS) install $(ROOT),wasm-run)

.PHONY: wasm-run
wasm-run: wasm-build $(WASM_SRC)/node_modules/.paynet-installed
	@$(CARGO) build $(CARGO_FLAGS) -p paynet-cli
	@cd $(WASM_SRC) && PAYNET=$(PAYNET) PAYNET_WASM_PKG=$(WASM_PKG) node --test test/*.test.mjs >$(WASM_LOG) 2>&1 || { cat $(WASM_LOG); exit 1; }
	@cd $(WASM_SRC) && npx tsc -p test/types/tsconfig.json >>$(WASM_LOG) 2>&1 || { cat $(WASM_LOG); exit 1; }
	@bash $(WASM_SRC)/scripts/check-pack.sh $(ROOT) $(WASM_PKG) $(WASM_BUILD)/pack >>$(WASM_LOG) 2>&1 || { cat $(WASM_LOG); exit 1; }
	@raw=$$(stat -c %s $(WASM_PKG)/paynet_oauth_wasm_bg.wasm); gz=$$(gzip -9c $(WASM_PKG)/paynet_oauth_wasm_bg.wasm | wc -c); \
	echo "wasm: $$(grep -E '^# (pass|fail) ' $(WASM_LOG) | tr -d '#' | paste -sd, | sed 's/  */ /g; s/^ //') (node --test, ESM); tsc --strict vs the Node types: ok; npm pack + install + import by name: ok; .wasm $$raw B, $$gz B gzipped"

.PHONY: test-web
test-web: ## Request Builder in headless Chromium: vectors, the form, no outside requests, file://
	@$(call with-tool,web,Chromium (/usr/bin/chromium),$(WEB_CHECK),apt chromium,test-web-tools)

.PHONY: test-web-tools
test-web-tools:
	@$(call with-tool,web,$(WASM_WHAT),$(WASM_TOOLS) check $(ROOT),$(WASM_TOOLS) install $(ROOT),web-run)

.PHONY: web-run
web-run: web-build wasm-build $(WEB_SRC)/test/node_modules/.paynet-installed
	@cd $(WEB_SRC)/test && WEB_OUT=$(WEB_OUT) WASM_PKG=$(WASM_PKG) node --test *.test.mjs >$(WEB_LOG) 2>&1 || { cat $(WEB_LOG); exit 1; }
	@echo "web: $$(grep -E '^# (pass|fail) ' $(WEB_LOG) | tr -d '#' | paste -sd, | sed 's/  */ /g; s/^ //') (headless Chromium $$(/usr/bin/chromium --version 2>/dev/null | grep -oE '[0-9]+\.[0-9.]+'))"

.PHONY: bench-wasm
bench-wasm: ## Chromium: ns per wasm sign vs crypto.subtle HMAC-SHA1, page sizes -> BENCHMARKS.md
	@$(call with-tool,web,Chromium (/usr/bin/chromium),$(WEB_CHECK),apt chromium,bench-wasm-tools)

.PHONY: bench-wasm-tools
bench-wasm-tools:
	@$(call with-tool,web,$(WASM_WHAT),$(WASM_TOOLS) check $(ROOT),$(WASM_TOOLS) install $(ROOT),bench-wasm-run)

.PHONY: bench-wasm-run
bench-wasm-run: web-build wasm-build $(WEB_SRC)/test/node_modules/.paynet-installed
	@cd $(WEB_SRC)/test && node bench.mjs $(WEB_OUT) $(WASM_PKG) | tee /dev/stderr | python3 $(ROOT)/tools/bench/update_section.py wasm $(ROOT)/BENCHMARKS.md

.PHONY: wasm-sizes
wasm-sizes: wasm ## what the .wasm is made of: code bytes per crate and the largest functions
	@bash $(WASM_SRC)/scripts/sizes.sh $(ROOT)

.PHONY: test-npm-runtimes
test-npm-runtimes: ## paynet-oauth packed: native addon under node, wasm under browser/worker conditions, vectors through each
	@$(call with-tool,wasm,$(WASM_WHAT),$(WASM_TOOLS) check $(ROOT),$(WASM_TOOLS) install $(ROOT),npm-runtimes-run)

.PHONY: npm-runtimes-run
npm-runtimes-run: wasm-build node-build
	@bash $(WASM_SRC)/scripts/check-npm.sh $(ROOT) $(WASM_PKG) $(WASM_BUILD)/npm >$(WASM_BUILD)/npm.log 2>&1 || { \
	  cat $(WASM_BUILD)/npm.log; exit 1; }
	@tail -n 1 $(WASM_BUILD)/npm.log

EDGE_TOOLS := $(WASM_SRC)/scripts/edge-tools.sh

.PHONY: test-edge
test-edge: ## paynet-oauth packed, in Deno (deno condition) and workerd (workerd condition): every vector
	@$(call with-tool,edge,deno + workerd + esbuild (npm; build/tools/edge),bash $(EDGE_TOOLS) check $(ROOT),bash $(EDGE_TOOLS) install $(ROOT),test-edge-tools)

.PHONY: test-edge-tools
test-edge-tools:
	@$(call with-tool,edge,$(WASM_WHAT),$(WASM_TOOLS) check $(ROOT),$(WASM_TOOLS) install $(ROOT),edge-run)

.PHONY: edge-run
edge-run: wasm-build node-build
	@$(CARGO) build $(CARGO_FLAGS) -p paynet-cli
	@PAYNET=$(PAYNET) bash $(WASM_SRC)/scripts/check-edge.sh $(ROOT) $(WASM_PKG) $(WASM_BUILD)/edge >$(WASM_BUILD)/edge.log 2>&1 || { \
	  cat $(WASM_BUILD)/edge.log; exit 1; }
	@tail -n 1 $(WASM_BUILD)/edge.log

dist-node: wasm

TEST_TARGETS += test-wasm test-web test-npm-runtimes test-edge
BENCH_TARGETS += bench-wasm

.PHONY: web-screenshot
web-screenshot: web-build $(WEB_SRC)/test/node_modules/.paynet-installed ## docs/request-builder.png: the page filled with the documented example
	@cd $(WEB_SRC)/test && WEB_OUT=$(WEB_OUT) node screenshot.mjs $(ROOT)/docs/request-builder.png
