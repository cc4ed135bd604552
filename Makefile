# paynet-oauth: thin, documented targets. CI runs `make test` exactly as it is.
#
#   make demo     the main job: balances from the built-in mock gateway
#   make test     everything: Rust, C, Python, Node, no_std builds, header drift, lints
#   make bench    benchmarks (criterion + cross-language); writes BENCHMARKS.md tables
#   make install  PREFIX=/usr/local: C library, header, pkg-config file
#   make header   regenerate include/paynet_oauth.h
#   make fuzz     run the fuzz targets (FUZZ_SECONDS each)
#   make diff-test N=100000   a larger oauthlib differential run
#
# Each language's targets live in mk/*.mk; they add themselves to TEST_TARGETS.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

ROOT := $(CURDIR)
CARGO ?= cargo
CARGO_FLAGS ?= --quiet
VENV := $(ROOT)/.venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PAYNET := $(ROOT)/target/debug/paynet
TEST_TARGETS :=
BENCH_TARGETS :=

.PHONY: help
help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | sort

# The project's Python environment: maturin, pytest, the oracles (oauthlib,
# requests-oauthlib) and the optional HTTP stacks the auth classes support.
$(VENV)/.ready: tests/requirements-dev.txt
	@python3 -m venv $(VENV)
	@$(PIP) install --quiet --disable-pip-version-check -r tests/requirements-dev.txt
	@touch $@

.PHONY: venv
venv: $(VENV)/.ready ## create the Python venv the tests use

.PHONY: build
build: ## build the Rust workspace (debug)
	$(CARGO) build $(CARGO_FLAGS) --workspace --bins

include $(sort $(wildcard mk/*.mk))

# $(call with-tool,SUITE,WHAT,CHECK,INSTALL,TARGET): make TARGET when the tool WHAT is
# usable (CHECK succeeds, perhaps after INSTALL); otherwise fail under CI=true, or skip
# with a loud SKIPPED line on a developer's machine (tools/test/require.sh).
define with-tool
rc=0; $(ROOT)/tools/test/require.sh "$(1)" "$(2)" "$(3)" "$(4)" || rc=$$?; \
case $$rc in 0) $(MAKE) --no-print-directory $(5) ;; 2) ;; *) exit 1 ;; esac
endef

# The checks that every suite needs a working Python (the venv) and Node.
PYTHON_CHECK := python3 -c 'import sys, venv, ensurepip; sys.exit(sys.hexversion < 0x030b0000)'
NODE_CHECK := node -e 'process.exit(parseInt(process.versions.node) >= 20 ? 0 : 1)' && npm --version

.PHONY: test
test: ## run every test suite and lint gate: one line per suite, then a table
	@MAKE="$(MAKE)" tools/test/run-suites.sh $(TEST_TARGETS)

.PHONY: bench
bench: $(BENCH_TARGETS) ## run every benchmark and update BENCHMARKS.md
