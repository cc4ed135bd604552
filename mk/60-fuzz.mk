# Fuzzing: the cargo-fuzz crate in fuzz/ (its own workspace; libFuzzer needs nightly).
# FUZZING.md says what each target checks and records the long runs.
#
#   make fuzz        every target FUZZ_SECONDS (default 60) from its seeds; the corpus
#                    grows in build/fuzz/corpus/<target>, crashes land in
#                    build/fuzz/artifacts/<target>/ (the repository stays clean)
#   make test-fuzz   (in make test) replay fuzz/regressions/ strictly, then the seeds
#                    plus FUZZ_RUNS mutations per target with a fixed libFuzzer seed
#
# FUZZ_TARGETS=verify picks targets; FUZZ_SECONDS, FUZZ_RUNS tune the run lengths.

FUZZ_DIR := $(ROOT)/fuzz
FUZZ_BUILD := $(ROOT)/build/fuzz
FUZZ_TARGETS ?= percent_decode header_parse verify response_parse sign_verify_roundtrip
FUZZ_SECONDS ?= 60
FUZZ_RUNS ?= 20000
# The pinned nightly (tools/toolchain/nightly.sh), looked up when a fuzz recipe runs.
FUZZ_TOOLCHAIN ?= +$(shell tools/toolchain/nightly.sh)
# No AddressSanitizer (both crates forbid unsafe code; ASan halves the speed); debug
# assertions and overflow checks stay on (cargo-fuzz's default).
FUZZ_CARGO := $(CARGO) $(FUZZ_TOOLCHAIN) fuzz
FUZZ_BUILD_FLAGS := --fuzz-dir $(FUZZ_DIR) -s none
# The runs start in $(FUZZ_BUILD)/run: with -jobs, libFuzzer writes fuzz-<job>.log into
# the working directory (and copies it to its output when the job ends).
# libFuzzer's summary of a log: executions, exec/s, coverage, corpus.
FUZZ_SUMMARY = awk '/stat::number_of_executed_units/ {n=$$2} /stat::average_exec_per_sec/ {e=$$2} \
	/cov: .*corp:/ {for (i=1; i<=NF; i++) {if ($$i=="cov:") c=$$(i+1); if ($$i=="corp:") p=$$(i+1)}} \
	END {printf "%s executions, %s exec/s, cov %s, corpus %s", n, e, c, p}'

FUZZ_CHECK := tools/toolchain/nightly.sh && cargo fuzz --version
FUZZ_INSTALL := cargo install --locked cargo-fuzz --quiet

.PHONY: fuzz-tools
fuzz-tools:
	@tools/test/require.sh fuzz "the pinned nightly and cargo-fuzz" "$(FUZZ_CHECK)" "$(FUZZ_INSTALL)" || exit 1

.PHONY: fuzz-build
fuzz-build: fuzz-tools
	@mkdir -p $(FUZZ_BUILD)
	@$(FUZZ_CARGO) build $(FUZZ_BUILD_FLAGS) >$(FUZZ_BUILD)/build.log 2>&1 || { cat $(FUZZ_BUILD)/build.log; exit 1; }

.PHONY: fuzz
fuzz: fuzz-build ## run every fuzz target FUZZ_SECONDS (default 60) from its seeds
	@mkdir -p $(FUZZ_BUILD)/run && cd $(FUZZ_BUILD)/run; \
	for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$t $(FUZZ_BUILD)/artifacts/$$t; \
	  cp -n $(FUZZ_DIR)/seeds/$$t/* $(FUZZ_BUILD)/corpus/$$t/ 2>/dev/null || true; \
	  log=$(FUZZ_BUILD)/$$t.log; \
	  if $(FUZZ_CARGO) run $(FUZZ_BUILD_FLAGS) $$t $(FUZZ_BUILD)/corpus/$$t -- \
	      -max_total_time=$(FUZZ_SECONDS) -jobs=1 -workers=1 -print_final_stats=1 \
	      -artifact_prefix=$(FUZZ_BUILD)/artifacts/$$t/ >$$log 2>&1; then \
	    echo "fuzz $$t ($(FUZZ_SECONDS) s): $$($(FUZZ_SUMMARY) $$log)"; \
	  else \
	    tail -60 $$log; echo "fuzz $$t: crash, input in $(FUZZ_BUILD)/artifacts/$$t/"; exit 1; \
	  fi; \
	done

.PHONY: test-fuzz
test-fuzz: ## fuzz targets: replay fuzz/regressions/, then seeds + FUZZ_RUNS mutations each
	@$(call with-tool,fuzz,the pinned nightly and cargo-fuzz,$(FUZZ_CHECK),$(FUZZ_INSTALL),fuzz-test-run)

.PHONY: fuzz-test-run
fuzz-test-run:
	@$(MAKE) --no-print-directory fuzz-build; \
	mkdir -p $(FUZZ_BUILD)/run && cd $(FUZZ_BUILD)/run; \
	for t in $(FUZZ_TARGETS); do \
	  log=$(FUZZ_BUILD)/$$t.test.log; \
	  regressions=$$(ls $(FUZZ_DIR)/regressions/$$t/* 2>/dev/null || true); \
	  if [ -n "$$regressions" ]; then \
	    $(FUZZ_CARGO) run $(FUZZ_BUILD_FLAGS) $$t $$regressions >$$log 2>&1 || { \
	      grep -B2 -A8 'panicked' $$log | grep -v '^ \{2,\}[0-9a-z]' | head -40; \
	      echo "test-fuzz $$t: a reproducer in fuzz/regressions/$$t/ still fails (see FUZZING.md)"; exit 1; }; \
	  fi; \
	  rm -rf $(FUZZ_BUILD)/test-corpus/$$t && mkdir -p $(FUZZ_BUILD)/test-corpus/$$t $(FUZZ_BUILD)/artifacts/$$t; \
	  cp $(FUZZ_DIR)/seeds/$$t/* $(FUZZ_BUILD)/test-corpus/$$t/; \
	  $(FUZZ_CARGO) run $(FUZZ_BUILD_FLAGS) $$t $(FUZZ_BUILD)/test-corpus/$$t -- \
	      -runs=$(FUZZ_RUNS) -max_total_time=30 -seed=1 -jobs=1 -workers=1 -print_final_stats=1 \
	      -artifact_prefix=$(FUZZ_BUILD)/artifacts/$$t/ >$$log 2>&1 || { \
	    tail -60 $$log; echo "test-fuzz $$t: crash, input in $(FUZZ_BUILD)/artifacts/$$t/"; exit 1; }; \
	  echo "test-fuzz $$t: $$(ls $(FUZZ_DIR)/seeds/$$t | wc -l) seeds, $$(echo $$regressions | wc -w) regressions, $$($(FUZZ_SUMMARY) $$log)"; \
	done

TEST_TARGETS += test-fuzz
