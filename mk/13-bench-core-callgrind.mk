# Core signing cost in instructions (callgrind): stable on a loaded, shared machine where
# criterion's timings drift. Needs valgrind.

.PHONY: bench-core-callgrind
bench-core-callgrind: ## callgrind instructions per signing call (full, prekeyed, endpoint, bare HMAC)
	$(CARGO) build $(CARGO_FLAGS) --release -p paynet-oauth --example sign_cost
	python3 tools/bench/core_callgrind.py target/release/examples/sign_cost "make bench-core-callgrind" \
	  | tee /dev/stderr | python3 tools/bench/update_section.py core-callgrind BENCHMARKS.md

BENCH_TARGETS += bench-core-callgrind
