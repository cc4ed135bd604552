# Licenses and bans, offline (the equivalent of `cargo deny check licenses bans`):
# tools/licenses/policy.toml says what is allowed and why.

.PHONY: test-licenses
test-licenses: ## every dependency's license allowed, no banned crate (OpenSSL)
	@mkdir -p build
	@cd tools/licenses && python3 -m unittest test_check >$(ROOT)/build/licenses.log 2>&1 || { cat $(ROOT)/build/licenses.log; exit 1; }
	@python3 tools/licenses/check.py --manifest-path Cargo.toml

TEST_TARGETS += test-licenses
