# The main job, end to end: `paynet` against the built-in mock gateway.

.PHONY: demo
demo: ## get balances from the built-in mock gateway (nothing else to start)
	@$(CARGO) build $(CARGO_FLAGS) -p paynet-cli
	@tools/demo/demo.sh $(PAYNET)

.PHONY: test-demo
test-demo: ## make demo must succeed and print the three balances
	@out=$$($(MAKE) --no-print-directory demo) && \
	  grep -q '29.99' <<<"$$out" && grep -q '219.500' <<<"$$out" && \
	  echo "demo: ok (balances 29.99 and 219.500 received)"

TEST_TARGETS += test-demo
