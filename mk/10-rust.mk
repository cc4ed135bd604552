# Rust: workspace tests, the no_std builds of the core, lint gates, the oauthlib
# differential test and the core benchmarks.

NOSTD_TARGETS := thumbv6m-none-eabi thumbv7em-none-eabihf
# The size-first build (no default features) of sign + header + body, thumbv6m, opt-level z.
NOSTD_TEXT_LIMIT := 8192
N ?= 2000

.PHONY: rustup-targets
rustup-targets:
	@installed="$$(rustup target list --installed)"; \
	for t in $(NOSTD_TARGETS); do \
	  grep -qx "$$t" <<<"$$installed" || rustup target add "$$t" >/dev/null 2>&1; \
	done

.PHONY: test-rust
test-rust: ## Rust unit, vector, property and integration tests
	$(CARGO) test $(CARGO_FLAGS) --workspace
	$(CARGO) test $(CARGO_FLAGS) -p paynet-bind --no-default-features --lib
	$(CARGO) test $(CARGO_FLAGS) -p paynet-oauth --no-default-features

.PHONY: test-nostd
test-nostd: rustup-targets ## build the core for bare-metal ARM (no std, no alloc, no template writer)
	@for t in $(NOSTD_TARGETS); do \
	  $(CARGO) build $(CARGO_FLAGS) -p paynet-oauth --no-default-features --target $$t --release; \
	done
	@# The size-first build's signing path must stay within issue 14's 8 KiB on a Cortex-M0.
	@cd tools/size-probe && $(CARGO) build $(CARGO_FLAGS) --release --target thumbv6m-none-eabi
	@size=$$(python3 tools/size-probe/text_size.py tools/size-probe/target/thumbv6m-none-eabi/release/libpaynet_size_probe.a); \
	[ "$$size" -le $(NOSTD_TEXT_LIMIT) ] || { \
	  echo "test-nostd: the thumbv6m signing path is $$size bytes of .text, over $(NOSTD_TEXT_LIMIT) (tools/size-probe)"; exit 1; }; \
	echo "no_std builds: ok ($(NOSTD_TARGETS)); thumbv6m signing path $$size bytes of .text (limit $(NOSTD_TEXT_LIMIT))"

.PHONY: lint
lint: ## clippy -D warnings, rustfmt --check, rustdoc -D warnings
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy $(CARGO_FLAGS) --workspace --all-targets -- -D warnings
	$(CARGO) clippy $(CARGO_FLAGS) -p paynet-bind --no-default-features --all-targets -- -D warnings
	$(CARGO) clippy $(CARGO_FLAGS) -p paynet-oauth --no-default-features --all-targets -- -D warnings
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc $(CARGO_FLAGS) --no-deps --workspace
	@echo "lint: rustfmt, clippy -D warnings and rustdoc -D warnings clean"

.PHONY: test-diff
test-diff: ## oauthlib differential test on N random requests (default 2000)
	@$(call with-tool,diff,Python 3.11+ with venv,$(PYTHON_CHECK),apt python3 python3-venv,diff-run)

.PHONY: diff-run
diff-run: $(VENV)/.ready
	@$(CARGO) build $(CARGO_FLAGS) -p paynet-cli
	@cd tests/diff && $(PY) oauthlib_diff.py $(PAYNET) --n $(N) $(if $(SEED),--seed $(SEED))

.PHONY: diff-test
diff-test: test-diff ## alias: make diff-test N=100000 [SEED=...]

TEST_TARGETS += lint test-rust test-nostd test-diff
