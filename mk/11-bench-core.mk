# Core benchmarks (criterion) and the Cortex-M0 code size of the signing path.

.PHONY: bench-core
bench-core: rustup-targets ## criterion: full signing vs prekeyed vs bare HMAC; .text size on thumbv6m (size-first and default builds)
	$(CARGO) bench $(CARGO_FLAGS) -p paynet-oauth --bench signing -- --noplot 2>&1 | grep -E '^[a-z_/]+ +time:|time:' || true
	@# The default build's size (template writer, RustCrypto SHA-1), then the size-first
	@# build's (the probe's own dependency: paynet-oauth without default features).
	@probe=tools/size-probe/target/thumbv6m-none-eabi/release/libpaynet_size_probe.a; \
	(cd tools/size-probe && $(CARGO) build $(CARGO_FLAGS) --release --target thumbv6m-none-eabi \
	  --features paynet-oauth/template-writer,paynet-oauth/rustcrypto-sha1) && \
	default=$$(python3 tools/size-probe/text_size.py $$probe) && \
	(cd tools/size-probe && $(CARGO) build $(CARGO_FLAGS) --release --target thumbv6m-none-eabi) && \
	size=$$(python3 tools/size-probe/text_size.py $$probe) && \
	python3 tools/bench/core_table.py target "$$size" "make bench-core" "$$default" \
	  | tee /dev/stderr | python3 tools/bench/update_section.py core BENCHMARKS.md

BENCH_TARGETS += bench-core
