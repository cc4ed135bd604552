# Miri: the core's tests under the interpreter that catches undefined behaviour (out of
# bounds, uninitialised reads, aliasing) that ordinary test runs cannot see.
#
#   make test-miri   cargo +NIGHTLY miri test -p paynet-oauth on the pinned nightly
#                    (tools/toolchain/nightly.sh installs it and the miri component when
#                    missing); under CI=true a nightly that cannot be had fails the suite
#
# Isolation is off because the vector tests read tests/vectors/*.json; the property
# tests run PROPTEST_CASES (default 8) cases each, as miri is ~1000x slower.

MIRI_PROPTEST_CASES ?= 8
MIRI_LOG := $(ROOT)/build/miri.log

.PHONY: test-miri
test-miri: ## the core's tests under miri on the pinned nightly
	@$(call with-tool,miri,the pinned nightly with miri,tools/toolchain/nightly.sh miri,,miri-run)

.PHONY: miri-run
miri-run:
	@mkdir -p $(ROOT)/build
	@nightly=$$(tools/toolchain/nightly.sh miri) && \
	MIRIFLAGS="-Zmiri-disable-isolation" PROPTEST_CASES=$(MIRI_PROPTEST_CASES) \
	  $(CARGO) +$$nightly miri test $(CARGO_FLAGS) -p paynet-oauth >$(MIRI_LOG) 2>&1 || { cat $(MIRI_LOG); exit 1; }; \
	echo "miri ($$nightly): paynet-oauth: $$(grep -h '^test result' $(MIRI_LOG) | awk '{s+=$$4} END {print s}') tests passed, no undefined behaviour"

TEST_TARGETS += test-miri
