# Python fork safety under load (issue 12, finding 1): gunicorn-style preload-then-fork.
#
#   make test-fork   the parent builds one Client and one AsyncClient and uses both, forks
#                    FORK_WORKERS workers that make FORK_CALLS calls in all (half blocking,
#                    half asyncio), each for its own endpoint of the mock (a distinct
#                    balance), while the parent keeps calling for its own; fails on any
#                    wrong balance, error or hang (per-call timeouts, FORK_DEADLINE for
#                    the whole run). A smaller run is part of `make test-python`.

FORK_WORKERS ?= 4
FORK_CALLS ?= 10000
FORK_DEADLINE ?= 120
FORK_LOG := $(ROOT)/build/fork/fork.log

.PHONY: test-fork
test-fork: ## Python: preload-then-fork, 4 workers, 10,000 calls: 0 wrong balances, 0 hangs
	@$(call with-tool,fork,Python 3.11+ with venv,$(PYTHON_CHECK),apt python3 python3-venv,fork-run)

.PHONY: fork-run
fork-run: $(VENV)/.ready
	@mkdir -p $(dir $(FORK_LOG))
	@$(CARGO) build $(CARGO_FLAGS) -p paynet-cli
	@$(call py-install,dev)
	@PAYNET=$(PAYNET) $(PY) $(PY_SRC)/tests/fork_load.py --workers $(FORK_WORKERS) --calls $(FORK_CALLS) \
	  --deadline $(FORK_DEADLINE) >$(FORK_LOG) 2>&1 || { cat $(FORK_LOG); exit 1; }
	@$(PY) $(PY_SRC)/tests/fork_load.py --summarize $(FORK_LOG)

TEST_TARGETS += test-fork
