# C: the `paynet_oauth` static and shared library (bindings/c) and its header.
#
#   make header        regenerate include/paynet_oauth.h with cbindgen
#   make test-c        header drift check, the header alone as C89, C99, C11, C2x, C++11
#                      and C++17 (-pedantic -Wundef), the result codes and fields against the std
#                      layer's tables (a Rust test), the C99 tests under ASan+UBSan, once more
#                      under valgrind (no errors, no leaks), the C++ test, the library
#                      without the client (test-c-signing-lib), the no_std
#                      firmware build, and examples/c against a fresh mock through an
#                      install found by pkg-config
#   make install PREFIX=/usr/local   release libraries, header, paynet_oauth.pc (mk/70-dist.mk)

C_SRC := $(ROOT)/bindings/c
C_BUILD := $(ROOT)/build/c
C_LOG := $(C_BUILD)/make.log
HEADER := include/paynet_oauth.h
CBINDGEN_VERSION := 0.29.4
CBINDGEN := $(shell command -v cbindgen 2>/dev/null || echo $(HOME)/.cargo/bin/cbindgen)
PREFIX ?= /usr/local
# The profile `make install` builds (the tests install a debug build to save a compile).
C_PROFILE ?= release
C_PROFILE_DIR := $(if $(filter dev debug,$(C_PROFILE)),debug,release)
# What a Rust static library needs from the system on Linux
# (`cargo rustc -p paynet-oauth-c --crate-type staticlib -- --print native-static-libs`).
C_NATIVE_LIBS := -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc
C_WARN := -std=c99 -Wall -Wextra -Wpedantic -Werror
C_SAN := -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
C_TESTS := test_vectors test_errors test_gateway test_form test_client
# The tests that talk to a fresh `paynet mock` (tools/demo/run_with_mock.sh).
C_MOCK_TESTS := test_client
# In a test loop over $$t: the command prefix that runs it (with a mock if it needs one).
C_RUNNER := run=; case " $(C_MOCK_TESTS) " in *" $$t "*) run="tools/demo/run_with_mock.sh $(PAYNET)";; esac;
C_NOSTD_TARGET := thumbv7em-none-eabihf

.PHONY: cbindgen-tool
cbindgen-tool:
	@$(CBINDGEN) --version 2>/dev/null | grep -qx 'cbindgen $(CBINDGEN_VERSION)' || { \
	  echo "installing cbindgen $(CBINDGEN_VERSION) (once, a few minutes)"; \
	  $(CARGO) install --quiet --locked cbindgen --version $(CBINDGEN_VERSION); }

# $(call gen-header,OUT): cbindgen's header, made C89-clean by bindings/c/c89.sed.
define gen-header
	cd $(C_SRC) && $(CBINDGEN) --quiet --config cbindgen.toml --crate paynet-oauth-c \
	  | sed -f c89.sed >$(1).tmp && mv $(1).tmp $(1)
endef

.PHONY: header
header: cbindgen-tool ## regenerate include/paynet_oauth.h from bindings/c
	@$(call gen-header,$(ROOT)/$(HEADER))
	@echo "wrote $(HEADER)"

.PHONY: test-header
test-header: cbindgen-tool
	@mkdir -p $(C_BUILD)
	@$(call gen-header,$(C_BUILD)/paynet_oauth.h)
	@diff -u $(HEADER) $(C_BUILD)/paynet_oauth.h || { \
	  echo "c: $(HEADER) is out of date: run 'make header' and commit it"; exit 1; }
	@grep -q '#define PAYNET_OAUTH_VERSION "$(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)"' $(HEADER) || { \
	  echo "c: PAYNET_OAUTH_VERSION in $(HEADER) differs from Cargo.toml"; exit 1; }
	@echo "c: $(HEADER) matches a fresh cbindgen run"

# The header alone as C89 (given stdint.h and stdbool.h, which strict C89 lacks and GCC
# provides in C89 mode too), C99, C11, C2x, C++11 and C++17, for the full library, the one without
# the client and the no_std one: no warning under -pedantic -Wundef.
HEADER_STDS := c89 c99 c11 c2x c++11 c++17

.PHONY: test-header-standards
test-header-standards:
	@for std in $(HEADER_STDS); do \
	  case $$std in c++*) compile="c++ -x c++" ;; *) compile="cc -x c" ;; esac; \
	  for define in "" -DPAYNET_OAUTH_NO_CLIENT -DPAYNET_OAUTH_NO_STD; do \
	    $$compile -std=$$std -pedantic -Wall -Wextra -Wundef -Werror -fsyntax-only $$define $(HEADER) || { \
	      echo "c: $(HEADER) is not warning-free as $$std $$define"; exit 1; }; done; done
	@echo "c: $(HEADER) compiles warning-free as $(HEADER_STDS) (-pedantic -Wundef)"

.PHONY: c-lib
c-lib:
	@$(CARGO) build $(CARGO_FLAGS) -p paynet-oauth-c -p paynet-cli

$(C_BUILD)/vectors.h: tests/c/gen_vectors.py tests/vectors/oauth1-signing.json tests/vectors/responses.json
	@mkdir -p $(C_BUILD)
	@python3 tests/c/gen_vectors.py tests/vectors $@

# The C names checked against the std layer's tables (error kinds, core errors, fields).
.PHONY: test-c-tables
test-c-tables:
	@$(CARGO) test $(CARGO_FLAGS) -p paynet-oauth-c >$(C_LOG) 2>&1 || { cat $(C_LOG); exit 1; }
	@echo "c: paynet_result and paynet_field match paynet-bind's ERROR_KINDS and BalanceField"

.PHONY: test-c-sanitizers
test-c-sanitizers: c-lib $(C_BUILD)/vectors.h
	@for t in $(C_TESTS); do \
	  cc $(C_WARN) $(C_SAN) -I include -I $(C_BUILD) -I tests/c tests/c/$$t.c \
	    target/debug/libpaynet_oauth.a $(C_NATIVE_LIBS) -o $(C_BUILD)/$$t-san && \
	  { $(C_RUNNER) $$run $(C_BUILD)/$$t-san; } || exit 1; done
	@c++ -std=c++17 -Wall -Wextra -Werror $(C_SAN) -I include tests/c/test_cpp.cpp \
	  target/debug/libpaynet_oauth.a $(C_NATIVE_LIBS) -o $(C_BUILD)/test_cpp
	@$(C_BUILD)/test_cpp
	@echo "c: C99 and C++ tests pass under AddressSanitizer and UndefinedBehaviorSanitizer"

.PHONY: test-c-valgrind
test-c-valgrind:
	@$(call with-tool,c,valgrind,command -v valgrind,apt valgrind,c-valgrind-run)

.PHONY: c-valgrind-run
c-valgrind-run: c-lib $(C_BUILD)/vectors.h
	@for t in $(C_TESTS); do \
	  cc $(C_WARN) -g -I include -I $(C_BUILD) -I tests/c tests/c/$$t.c \
	    -L target/debug -Wl,-rpath,$(ROOT)/target/debug -lpaynet_oauth -o $(C_BUILD)/$$t && \
	  { $(C_RUNNER) $$run valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
	    --show-leak-kinds=definite,indirect $(C_BUILD)/$$t; } >$(C_LOG) 2>&1 || { cat $(C_LOG); exit 1; }; done
	@echo "c: valgrind (shared library): no errors, no leaks in $(C_TESTS)"

.PHONY: test-c-nostd
test-c-nostd: rustup-targets
	@$(CARGO) rustc $(CARGO_FLAGS) -p paynet-oauth-c --release --no-default-features \
	  --target $(C_NOSTD_TARGET) --crate-type staticlib
	@lib=target/$(C_NOSTD_TARGET)/release/libpaynet_oauth.a; \
	  syms=$$(nm -g --defined-only $$lib 2>/dev/null | awk '$$2 == "T" {print $$3}' | grep '^paynet_' | sort -u); \
	  for want in paynet_sign paynet_verify paynet_percent_encode paynet_result_message; do \
	    grep -qx $$want <<<"$$syms" || { echo "c: $$lib lacks $$want"; exit 1; }; done; \
	  ! grep -q 'paynet_build_request\|paynet_parse_response\|paynet_client_\|paynet_sign_form' <<<"$$syms" || { echo "c: the no_std library has std functions"; exit 1; }; \
	  echo "c: no_std static library for $(C_NOSTD_TARGET): $$(wc -c <$$lib) bytes, exports $$(echo $$syms | wc -w) functions"

# `make install` / `make uninstall` are in mk/70-dist.mk (with the release archives).

.PHONY: test-example-c
test-example-c:
	@$(call with-tool,c,libcurl (for examples/c),pkg-config --exists libcurl,apt libcurl4-openssl-dev pkg-config,c-example-run)

.PHONY: c-example-run
c-example-run:
	@$(CARGO) build $(CARGO_FLAGS) -p paynet-cli
	@rm -rf $(C_BUILD)/prefix
	@$(MAKE) --no-print-directory install PREFIX=$(C_BUILD)/prefix C_PROFILE=debug >/dev/null
	@export PKG_CONFIG_PATH=$(C_BUILD)/prefix/lib/pkgconfig; \
	  cc $(C_WARN) examples/c/get_balance.c $$(pkg-config --cflags --libs paynet_oauth libcurl) \
	    -Wl,-rpath,$(C_BUILD)/prefix/lib -o $(C_BUILD)/get_balance
	@out=$$(tools/demo/run_with_mock.sh $(PAYNET) $(C_BUILD)/get_balance) && \
	  grep -q 'endpoint 1, provider Test: 29.99' <<<"$$out" && grep -q 'saa: 219.500 USD' <<<"$$out" && \
	  grep -q 'gateway said: Unknown balance provider no-such-provider' <<<"$$out" || { echo "$$out"; exit 1; }
	@echo "c: examples/c/get_balance (libcurl, pkg-config install) got the balances from the mock"

# The library without the `client` feature (no reqwest, rustls or tokio inside): for a
# caller that sends requests with its own HTTP stack. Its own target dir, so the full
# library in target/debug is not rebuilt with other features.
C_SIGNING_DIR := target/c-signing/debug
C_SIGNING_TESTS := test_vectors test_errors test_gateway test_form

.PHONY: test-c-signing-lib
test-c-signing-lib: c-lib $(C_BUILD)/vectors.h
	@CARGO_TARGET_DIR=target/c-signing $(CARGO) build $(CARGO_FLAGS) -p paynet-oauth-c --no-default-features --features std >$(C_LOG) 2>&1 || { cat $(C_LOG); exit 1; }
	@lib=$(C_SIGNING_DIR)/libpaynet_oauth.a; syms=$$(nm -g --defined-only $$lib 2>/dev/null); \
	  ! grep -q ' T paynet_client_' <<<"$$syms" || { echo "c: $$lib exports paynet_client_* without the client feature"; exit 1; }; \
	  ! grep -qi 'reqwest\|tokio\|rustls' <<<"$$syms" || { echo "c: $$lib links reqwest/tokio/rustls without the client feature"; exit 1; }
	@for t in $(C_SIGNING_TESTS); do \
	  cc $(C_WARN) $(C_SAN) -DPAYNET_OAUTH_NO_CLIENT -I include -I $(C_BUILD) -I tests/c tests/c/$$t.c \
	    $(C_SIGNING_DIR)/libpaynet_oauth.a $(C_NATIVE_LIBS) -o $(C_BUILD)/$$t-signing && \
	  $(C_BUILD)/$$t-signing >$(C_LOG) 2>&1 || { cat $(C_LOG); exit 1; }; done
	@! cc $(C_WARN) -DPAYNET_OAUTH_NO_CLIENT -I include -I $(C_BUILD) -I tests/c -c tests/c/test_client.c \
	  -o $(C_BUILD)/test_client-signing.o 2>/dev/null || { \
	  echo "c: with PAYNET_OAUTH_NO_CLIENT the header still declares paynet_client_*"; exit 1; }
	@echo "c: the library without the client ($$(du -k $(C_SIGNING_DIR)/libpaynet_oauth.a | cut -f1) KiB .a in debug vs" \
	  "$$(du -k target/debug/libpaynet_oauth.a | cut -f1) KiB with it) passes $(C_SIGNING_TESTS) under ASan+UBSan; no paynet_client_*, reqwest, tokio or rustls inside"

.PHONY: test-c
test-c: test-header test-header-standards test-c-tables test-c-sanitizers test-c-valgrind test-c-signing-lib test-c-nostd test-example-c ## C library: header drift, the header as C89 to C2x and C++, C99/C++ tests under sanitizers and valgrind, the library without the client, no_std build, example

TEST_TARGETS += test-c
