# Load and faults: the client against the mock while it injects failures.

.PHONY: soak
soak: ## 5-minute soak under injected faults (SOAK_SECONDS=300); writes BENCHMARKS.md
	@$(CARGO) build $(CARGO_FLAGS) --release -p paynet-client --example soak
	@target/release/examples/soak $(or $(SOAK_SECONDS),300) 64 | tee /dev/stderr | python3 tools/bench/update_section.py soak BENCHMARKS.md

.PHONY: test-soak-short
test-soak-short: ## a 3-second soak under faults: no wrong balance, no unclassified error
	@$(CARGO) build $(CARGO_FLAGS) -p paynet-client --example soak
	@target/debug/examples/soak 3 16 >/dev/null && echo "soak (3 s under faults): ok"

TEST_TARGETS += test-soak-short
