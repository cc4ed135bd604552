# Release artifacts: what a release uploads, built into dist/ (stripped, with SHA256SUMS),
# and `make install` / `make uninstall` of the C library.
#
#   make dist         Python abi3 wheels (manylinux2014 x86_64 + aarch64, musllinux_1_2
#                     x86_64) and the sdist; the npm main package and its four platform
#                     packages (linux x64/arm64, gnu/musl) in dist/npm/; the C archives
#                     dist/paynet-oauth-VERSION-TRIPLE.tar.gz (x86_64, aarch64); writes
#                     the sizes before and after stripping into BENCHMARKS.md
#   make test-dist    make dist, then check every artifact as a user would (auditwheel,
#                     pip install without Rust, npm install without Rust, the aarch64
#                     C archive under qemu-user); the first run builds 9 cross targets: 45 min
#                     (20 CPU-min) on the shared 2-core machine, so it is not in make test;
#                     a run with the targets built: 36 s
#   make install PREFIX=/usr/local [LIBDIR=$(PREFIX)/lib] [INCLUDEDIR=...] [DESTDIR=...]
#   make uninstall    the same variables; removes exactly what install put there
#
# In make test (cheap): test-publish (cargo publish --dry-run of every crate),
# test-npm-lock (npm ci kept the lock file and left nothing untracked), test-c-archive
# (the x86_64 archive with CMake and pkg-config consumers), test-install (LIBDIR,
# uninstall).
#
# The wheels (maturin's zig wrapper), the Node addons (cargo-zigbuild's) and the C
# archives (gcc) each have their own target directory (build/dist/target, target-node,
# target-c): a different linker for the same crates rebuilds them all, so shared
# directories would rebuild everything on every run. Each target is built once and reused; the tools (maturin, ziglang, cargo-zigbuild, auditwheel) live in
# their own venv build/dist/venv, the cross C toolchain and qemu-user come from apt.

DIST := $(ROOT)/dist
DIST_WORK := $(ROOT)/build/dist
DIST_VENV := $(DIST_WORK)/venv
DIST_LOG := $(DIST_WORK)/make.log
DIST_VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
C_SOVERSION := $(shell bash tools/dist/soversion.sh $(DIST_VERSION))
# Only the final link of the C library gets the SONAME (`cargo rustc ... -- ARGS`), so
# the tests that link target/debug/libpaynet_oauth.so by path keep working.
C_SONAME_ARGS := -C link-arg=-Wl,-soname,libpaynet_oauth.so.$(C_SOVERSION)
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
DIST_C_TRIPLES := x86_64-unknown-linux-gnu aarch64-unknown-linux-gnu
DIST_NODE_TRIPLES := x86_64-unknown-linux-gnu aarch64-unknown-linux-gnu x86_64-unknown-linux-musl aarch64-unknown-linux-musl
DIST_RUST_TARGETS := aarch64-unknown-linux-gnu x86_64-unknown-linux-musl aarch64-unknown-linux-musl
DIST_APT := gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user cmake
DIST_PY_TOOLS := 'maturin>=1.9.4,<2' ziglang cargo-zigbuild auditwheel wheel
# The aarch64 C library links with Debian's cross gcc.
DIST_CROSS_ENV := CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc \
  CC_aarch64_unknown_linux_gnu=aarch64-linux-gnu-gcc

# ---- make install / uninstall (the C library) -------------------------------------

.PHONY: install
install: ## PREFIX=/usr/local [LIBDIR=] [INCLUDEDIR=]: C library (.a, .so + SONAME), header, pkg-config, CMake package
	@$(CARGO) rustc $(CARGO_FLAGS) -p paynet-oauth-c $(if $(filter release,$(C_PROFILE)),--release) -- $(C_SONAME_ARGS)
	@bash tools/dist/install-c.sh $(ROOT) target/$(C_PROFILE_DIR) "$(DESTDIR)" $(PREFIX) $(LIBDIR) $(INCLUDEDIR) \
	  absolute "$(C_NATIVE_LIBS)"
	@echo "installed libpaynet_oauth (.a, .so.$(DIST_VERSION), SONAME .so.$(C_SOVERSION)) in $(DESTDIR)$(LIBDIR)," \
	  "paynet_oauth.h in $(DESTDIR)$(INCLUDEDIR), pkg-config and CMake files"

.PHONY: uninstall
uninstall: ## the same PREFIX/LIBDIR/INCLUDEDIR/DESTDIR as install: remove what it installed
	@bash tools/dist/uninstall-c.sh "$(DESTDIR)" $(LIBDIR) $(INCLUDEDIR)
	@echo "removed libpaynet_oauth, paynet_oauth.h, its pkg-config and CMake files from $(DESTDIR)$(PREFIX)"

.PHONY: test-install
test-install: ## install with LIBDIR=lib64 into a DESTDIR, build against it, uninstall leaves nothing
	@rm -rf $(DIST_WORK)/install && mkdir -p $(DIST_WORK)
	@$(MAKE) --no-print-directory install DESTDIR=$(DIST_WORK)/install PREFIX=/opt/paynet LIBDIR=/opt/paynet/lib64 \
	  C_PROFILE=debug >$(DIST_LOG) 2>&1 || { cat $(DIST_LOG); exit 1; }
	@root=$(DIST_WORK)/install/opt/paynet; \
	  test -f $$root/lib64/libpaynet_oauth.so.$(DIST_VERSION) -a -f $$root/lib64/pkgconfig/paynet_oauth.pc \
	    -a -f $$root/lib64/cmake/paynet_oauth/paynet_oauthConfig.cmake -a -f $$root/include/paynet_oauth.h \
	    || { echo "install: files missing under $$root"; find $$root; exit 1; }; \
	  grep -qx 'libdir=/opt/paynet/lib64' $$root/lib64/pkgconfig/paynet_oauth.pc || { echo "install: libdir wrong"; exit 1; }; \
	  cc -std=c99 -I$$root/include tools/dist/consumer/sign_vector.c $$root/lib64/libpaynet_oauth.so \
	    -Wl,-rpath,$$root/lib64 -o $(DIST_WORK)/install/sign && \
	  readelf -d $(DIST_WORK)/install/sign | grep -q 'NEEDED.*\[libpaynet_oauth.so.$(C_SOVERSION)\]' && \
	  $(DIST_WORK)/install/sign >/dev/null || { echo "install: a program linked against the install failed"; exit 1; }
	@$(MAKE) --no-print-directory uninstall DESTDIR=$(DIST_WORK)/install PREFIX=/opt/paynet LIBDIR=/opt/paynet/lib64 >/dev/null
	@left=$$(find $(DIST_WORK)/install/opt/paynet -type f -o -type l); \
	  [ -z "$$left" ] || { echo "uninstall left: $$left"; exit 1; }
	@echo "install: LIBDIR=lib64 install links with SONAME libpaynet_oauth.so.$(C_SOVERSION); uninstall left no file"

TEST_TARGETS += test-install

# ---- tools -------------------------------------------------------------------------

.PHONY: dist-apt
dist-apt:
	@command -v cmake >/dev/null && command -v aarch64-linux-gnu-gcc >/dev/null && command -v qemu-aarch64 >/dev/null || { \
	  echo "installing $(DIST_APT) (apt, once)"; \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(DIST_APT); } \
	    >/dev/null 2>&1 || { echo "dist: cannot install $(DIST_APT) with apt-get"; exit 1; }; }

.PHONY: cmake-tool
cmake-tool:
	@command -v cmake >/dev/null || { apt-get update -qq >/dev/null && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq cmake >/dev/null 2>&1; } || { \
	  echo "dist: cannot install cmake with apt-get"; exit 1; }

$(DIST_VENV)/.ready: mk/70-dist.mk
	@mkdir -p $(DIST_WORK)
	@python3 -m venv $(DIST_VENV)
	@$(DIST_VENV)/bin/pip install --quiet --disable-pip-version-check $(DIST_PY_TOOLS) >$(DIST_LOG) 2>&1 || { \
	  cat $(DIST_LOG); echo "dist: cannot install $(DIST_PY_TOOLS) from PyPI"; exit 1; }
	@touch $@

.PHONY: dist-tools
dist-tools: $(DIST_VENV)/.ready dist-apt
	@installed="$$(rustup target list --installed)"; \
	for t in $(DIST_RUST_TARGETS); do \
	  grep -qx "$$t" <<<"$$installed" || rustup target add "$$t" >/dev/null 2>&1 || { \
	    echo "dist: rustup target add $$t failed"; exit 1; }; \
	done

# ---- C archives --------------------------------------------------------------------

# $(call dist-c,TRIPLE): build the C library for TRIPLE with a SONAME, pack the archive.
define dist-c
	@$(DIST_CROSS_ENV) CARGO_TARGET_DIR=$(DIST_WORK)/target-c $(CARGO) rustc $(CARGO_FLAGS) -p paynet-oauth-c \
	  --release --target $(1) -- $(C_SONAME_ARGS)
	@bash tools/dist/c-archive.sh $(ROOT) $(1) $(DIST_WORK)/target-c/$(1)/release $(DIST) $(DIST_WORK) "$(C_NATIVE_LIBS)"
endef

.PHONY: dist-c-x86_64
dist-c-x86_64:
	$(call dist-c,x86_64-unknown-linux-gnu)

.PHONY: dist-c-aarch64
dist-c-aarch64: dist-tools
	$(call dist-c,aarch64-unknown-linux-gnu)

.PHONY: dist-c
dist-c: dist-c-x86_64 dist-c-aarch64 ## the C release archives (x86_64, aarch64 Linux)

.PHONY: test-c-archive
test-c-archive: cmake-tool dist-c-x86_64 ## the x86_64 C archive: SONAME, CMake + pkg-config consumers, static + shared
	@bash tools/dist/check-c-archive.sh $(ROOT) $(DIST)/paynet-oauth-$(DIST_VERSION)-x86_64-unknown-linux-gnu.tar.gz \
	  x86_64-unknown-linux-gnu $(DIST_WORK)

TEST_TARGETS += test-c-archive

# ---- Python ------------------------------------------------------------------------

.PHONY: dist-python
dist-python: dist-tools ## Python: abi3 wheels (manylinux2014 x86_64/aarch64, musllinux_1_2 x86_64) + sdist
	@rm -f $(DIST)/paynet_oauth-*.whl $(DIST)/paynet_oauth-*.tar.gz
	@bash tools/dist/wheel.sh $(ROOT) $(DIST_VENV) x86_64-unknown-linux-gnu manylinux2014 $(DIST) $(DIST_WORK)
	@bash tools/dist/wheel.sh $(ROOT) $(DIST_VENV) aarch64-unknown-linux-gnu manylinux2014 $(DIST) $(DIST_WORK)
	@bash tools/dist/wheel.sh $(ROOT) $(DIST_VENV) x86_64-unknown-linux-musl musllinux_1_2 $(DIST) $(DIST_WORK)
	@cd bindings/python && $(DIST_VENV)/bin/maturin sdist --out $(DIST) >$(DIST_LOG) 2>&1 || { cat $(DIST_LOG); exit 1; }
	@echo "python: $$(cd $(DIST) && ls paynet_oauth-*.tar.gz)"

# ---- Node --------------------------------------------------------------------------

.PHONY: dist-node
dist-node: dist-tools node-tools ## npm: four platform packages (linux x64/arm64, gnu/musl) + the main package
	@for t in $(DIST_NODE_TRIPLES); do \
	  bash tools/dist/node-platform.sh $(ROOT) $(DIST_VENV) $$t $(DIST) $(DIST_WORK) || exit 1; done
	@bash tools/dist/node-main.sh $(ROOT) $(DIST) $(DIST_WORK)

# ---- everything ----------------------------------------------------------------------

.PHONY: dist
dist: dist-python dist-node dist-c ## every release artifact into dist/ (stripped), SHA256SUMS, sizes into BENCHMARKS.md
	@cd $(DIST) && sha256sum *.whl *.tar.gz npm/*.tgz >SHA256SUMS
	@python3 tools/dist/sizes_table.py $(DIST_WORK)/sizes.tsv $(DIST) | python3 tools/bench/update_section.py dist-sizes BENCHMARKS.md
	@echo "dist: $$(wc -l <$(DIST)/SHA256SUMS) artifacts in dist/ (SHA256SUMS), sizes in BENCHMARKS.md"

.PHONY: test-dist
test-dist: dist ## make dist, then check each artifact as a user would (slow: cross builds)
	@cd $(DIST) && sha256sum --quiet -c SHA256SUMS
	@bash tools/dist/check-wheels.sh $(ROOT) $(DIST_VENV) $(DIST) $(DIST_WORK)
	@bash tools/dist/check-npm.sh $(ROOT) $(DIST) $(DIST_WORK)
	@for t in $(DIST_C_TRIPLES); do \
	  bash tools/dist/check-c-archive.sh $(ROOT) $(DIST)/paynet-oauth-$(DIST_VERSION)-$$t.tar.gz $$t $(DIST_WORK) || exit 1; done

# ---- Rust crates and the npm lock file (cheap: in make test) -------------------------

.PHONY: test-publish
test-publish: ## cargo publish --dry-run of every publishable crate (packaged and built from the .crate files)
	@mkdir -p $(DIST_WORK)
	@packages=$$(bash tools/dist/check-license-copies.sh $(ROOT)) && \
	  bash tools/dist/forget-packaged-copies.sh >/dev/null && \
	  $(CARGO) publish --dry-run --workspace --locked >$(DIST_WORK)/publish.log 2>&1 || { cat $(DIST_WORK)/publish.log; exit 1; }; \
	  echo "publish: cargo publish --dry-run: $$(grep -c '^ *Packaging ' $(DIST_WORK)/publish.log) crates packaged and verified" \
	  "($$(sed -n 's/^ *Packaging \([^ ]*\) .*/\1/p' $(DIST_WORK)/publish.log | paste -sd' ')); LICENSE-MIT/-APACHE in $$packages packages"

TEST_TARGETS += test-publish

.PHONY: test-npm-lock
test-npm-lock: node-build ## npm ci left package-lock.json as committed and no untracked file in bindings/node
	@git diff --quiet HEAD -- bindings/node/package-lock.json || { \
	  echo "node: package-lock.json changed by the install:"; git diff --stat HEAD -- bindings/node/package-lock.json; exit 1; }
	@untracked=$$(git status --porcelain --untracked-files=all -- bindings/node | grep '^??' || true); \
	  [ -z "$$untracked" ] || { echo "node: untracked files after the build: $$untracked"; exit 1; }
	@echo "node: npm ci kept package-lock.json unchanged; bindings/node has no untracked file"

TEST_TARGETS += test-npm-lock
