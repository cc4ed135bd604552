# Core benchmarks (criterion) and the Cortex-M0 code size of the signing path.

.PHONY: bench-core
bench-core: rustup-targets ## criterion: full signing vs prekeyed vs bare HMAC; .text size on thumbv6m
	$(CARGO) bench $(CARGO_FLAGS) -p paynet-oauth --bench signing -- --noplot 2>&1 | grep -E '^[a-z_/]+ +time:|time:' || true
	cd tools/size-probe && $(CARGO) build $(CARGO_FLAGS) --release --target thumbv6m-none-eabi
	@size=$$(python3 tools/size-probe/text_size.py tools/size-probe/target/thumbv6m-none-eabi/release/libpaynet_size_probe.a); \
	python3 tools/bench/core_table.py target "$$size" "make bench-core" \
	  | tee /dev/stderr | python3 tools/bench/update_section.py core BENCHMARKS.md

BENCH_TARGETS += bench-core
