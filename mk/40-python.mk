# Python: the `paynet-oauth` wheel (bindings/python, pyo3 + maturin).
#
#   make test-python    build the wheel (debug), install it into $(VENV), run pytest
#                       (vectors, oauthlib differential, clients and auth classes against
#                       the mock, the example), mypy --strict (stubs + examples) and
#                       stubtest (the stubs against the built module)
#   make bench-python   build the release wheel, time signing against oauthlib and the
#                       stdlib HMAC, write the table into BENCHMARKS.md
#
# maturin builds in its own target dir: it compiles pyo3 with other features and
# environment than `cargo test`, and sharing target/ would rebuild both every time.

PY_SRC := $(ROOT)/bindings/python
PY_BUILD := $(ROOT)/target/python
PY_WHEELS := $(ROOT)/target/wheels
PY_LOG := $(PY_BUILD)/make.log
PAYNET_DIFF_N ?= 2000

# $(call py-install,PROFILE): build the wheel with PROFILE (dev|release), install it.
define py-install
	mkdir -p $(PY_BUILD) $(PY_WHEELS)
	rm -f $(PY_WHEELS)/paynet_oauth-*.whl
	cd $(PY_SRC) && CARGO_TARGET_DIR=$(PY_BUILD) $(VENV)/bin/maturin build --quiet --profile $(1) \
	  --out $(PY_WHEELS) >$(PY_LOG) 2>&1 || { cat $(PY_LOG); exit 1; }
	$(PIP) install --quiet --disable-pip-version-check --force-reinstall --no-deps $(PY_WHEELS)/paynet_oauth-*.whl \
	  >>$(PY_LOG) 2>&1 || { cat $(PY_LOG); exit 1; }
endef

.PHONY: test-python
test-python: ## Python wheel: pytest (vectors, oauthlib diff, clients, auth, example) + mypy --strict
	@$(call with-tool,python,Python 3.11+ with venv,$(PYTHON_CHECK),apt python3 python3-venv,python-run)

.PHONY: python-run
python-run: $(VENV)/.ready
	@$(CARGO) build $(CARGO_FLAGS) -p paynet-cli
	@$(call py-install,dev)
	@cd $(PY_SRC)/tests && PAYNET=$(PAYNET) PAYNET_DIFF_N=$(PAYNET_DIFF_N) \
	  $(PY) -m pytest -q -p no:cacheprovider -rs >$(PY_LOG) 2>&1 || { cat $(PY_LOG); exit 1; }
	@echo "python: $$(tail -n 1 $(PY_LOG) | tr -d '=')"
	@cd $(ROOT) && $(VENV)/bin/mypy --strict --cache-dir $(PY_BUILD)/mypy \
	  $(PY_SRC)/python/paynet_oauth examples/python/get_balance.py examples/python/async_balances.py >$(PY_LOG) 2>&1 \
	  || { cat $(PY_LOG); exit 1; }
	@echo "python: mypy --strict: $$(tail -n 1 $(PY_LOG))"
	@cd $(PY_BUILD) && $(VENV)/bin/stubtest --mypy-config-file /dev/null paynet_oauth._native >$(PY_LOG) 2>&1 \
	  || { cat $(PY_LOG); exit 1; }
	@echo "python: stubtest: the stubs match the extension module"

.PHONY: bench-python
bench-python: $(VENV)/.ready ## Python: ns per paynet_oauth.sign vs oauthlib vs stdlib HMAC -> BENCHMARKS.md
	@$(call py-install,release)
	@$(PY) $(PY_SRC)/bench/bench_sign.py | tee /dev/stderr | $(PY) tools/bench/update_section.py python BENCHMARKS.md

TEST_TARGETS += test-python
BENCH_TARGETS += bench-python
