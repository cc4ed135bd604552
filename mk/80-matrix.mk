# The README's feature matrix against what each package really exports (issue 13):
# every binding offers every feature under the names the table gives. Builds what it
# checks (the Python wheel into the venv, the Node addon, the wasm package), each
# incrementally, so after test-python/test-node/test-wasm it only reads.

MATRIX_LOG := $(ROOT)/build/matrix.log

.PHONY: test-matrix
test-matrix: ## README feature matrix: each named item exists in Rust, C, Python, Node and WebAssembly
	@$(call with-tool,matrix,Python 3.11+ with venv and Node.js 20+,$(PYTHON_CHECK) && $(NODE_CHECK),apt python3 python3-venv nodejs,matrix-run)

.PHONY: matrix-run
matrix-run: $(VENV)/.ready node-build wasm
	@mkdir -p $(dir $(MATRIX_LOG))
	@$(call py-install,dev)
	@$(PY) tools/test/feature_matrix.py README.md $(ROOT) $(PY) node $(WASM_PKG)/node.js

TEST_TARGETS += test-matrix
