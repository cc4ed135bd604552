# Miri: the core's tests under the interpreter that catches undefined behaviour (out of
# bounds, uninitialised reads, aliasing) that ordinary test runs cannot see.
#
#   make test-miri   cargo +nightly miri test -p paynet-oauth (installs the component);
#                    skipped, with the reason printed, when there is no nightly toolchain
#
# Isolation is off because the vector tests read tests/vectors/*.json; the property
# tests run PROPTEST_CASES (default 8) cases each, as miri is ~1000x slower.

MIRI_PROPTEST_CASES ?= 8
MIRI_LOG := $(ROOT)/build/miri.log

.PHONY: test-miri
test-miri: ## the core's tests under miri (nightly), skipped with a reason when unavailable
	@if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then \
	  echo "miri: skipped: no nightly toolchain (rustup toolchain install nightly --component miri)"; \
	else \
	  mkdir -p $(ROOT)/build; \
	  rustup +nightly component list --installed 2>/dev/null | grep -q '^miri' || \
	    rustup +nightly component add miri rust-src >/dev/null 2>&1; \
	  MIRIFLAGS="-Zmiri-disable-isolation" PROPTEST_CASES=$(MIRI_PROPTEST_CASES) \
	    $(CARGO) +nightly miri test $(CARGO_FLAGS) -p paynet-oauth >$(MIRI_LOG) 2>&1 || { cat $(MIRI_LOG); exit 1; }; \
	  echo "miri: paynet-oauth: $$(grep -h '^test result' $(MIRI_LOG) | awk '{s+=$$4} END {print s}') tests passed, no undefined behaviour"; \
	fi

TEST_TARGETS += test-miri
