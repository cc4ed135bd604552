# The main job, end to end: `paynet` against the built-in mock gateway.

.PHONY: demo
demo: ## get balances from the built-in mock gateway (nothing else to start)
	@$(CARGO) build $(CARGO_FLAGS) -p paynet-cli
	@env -u PAYNET_GATEWAY tools/demo/demo.sh $(PAYNET)

.PHONY: test-demo
test-demo: ## make demo must succeed and print the three balances
	@out=$$($(MAKE) --no-print-directory demo) && \
	  grep -q '29.99' <<<"$$out" && grep -q '219.500' <<<"$$out" && \
	  echo "demo: ok (balances 29.99 and 219.500 received)"

TEST_TARGETS += test-demo

.PHONY: bench-transport
bench-transport: $(VENV)/.ready ## Rust client vs Python requests+requests-oauthlib against the mock
	@$(CARGO) build $(CARGO_FLAGS) --release -p paynet-cli
	@$(CARGO) build $(CARGO_FLAGS) --release -p paynet-client --example load
	@$(PY) tools/transport-bench/bench.py target/release/paynet target/release/examples/load $(or $(SECONDS),10) \
	  | tee /dev/stderr | python3 tools/bench/update_section.py transport BENCHMARKS.md

BENCH_TARGETS += bench-transport

.PHONY: test-example-rust
test-example-rust: ## run examples/rust against a fresh mock
	@$(CARGO) build $(CARGO_FLAGS) -p paynet-cli -p paynet-example-rust
	@out=$$(tools/demo/run_with_mock.sh $(PAYNET) target/debug/get-balance) && \
	  grep -q 'endpoint 1, provider Test: 29.99' <<<"$$out" && grep -q 'saa: 219.500 USD' <<<"$$out" && \
	  grep -q 'gateway said: Unknown balance provider no-such-provider' <<<"$$out"
	@out=$$(env -u PAYNET_GATEWAY -u PAYNET_CONTROL_KEY target/debug/get-balance 2>&1) && exit 1; \
	  grep -q 'PAYNET_GATEWAY is not set: a preset name' <<<"$$out" || { echo "example rust without its environment: $$out"; exit 1; }
	@echo "example rust: ok (and without its environment it says what to set)"

TEST_TARGETS += test-example-rust
