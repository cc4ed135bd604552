# Hostile gateways and clients (issue 12): response size cap, re-encoded replays, slow
# and idle connections, descriptor exhaustion, terminal escapes, smaller hostile inputs.
#
#   make test-hostile   the Rust hostile suites, then the CLI against an endless body
#                       measured with /usr/bin/time -v (exit 6, < 1 s, peak RSS < 100 MB)
#
# Other suites join with `test-hostile: test-hostile-NAME` in their own mk file.

HOSTILE_BUILD := $(ROOT)/build/hostile
HOSTILE_LOG := $(HOSTILE_BUILD)/test-hostile.log

.PHONY: test-hostile test-hostile-rust
test-hostile: test-hostile-rust

test-hostile-rust: ## Rust/CLI hostile suites and the CLI's peak RSS against an endless body
	@mkdir -p $(HOSTILE_BUILD); : >$(HOSTILE_LOG)
	@[ -x /usr/bin/time ] || { if [ "$$CI" = true ]; then \
	    apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq time >/dev/null 2>&1 \
	    || { echo "hostile: FAILED: /usr/bin/time (GNU time) is missing and cannot be installed"; exit 1; }; \
	  else apt-get install -y -qq time >/dev/null 2>&1 \
	    || { echo "hostile: FAILED: install GNU time (apt-get install time)"; exit 1; }; fi; }
	@command -v prlimit >/dev/null || { echo "hostile: FAILED: prlimit (util-linux) is missing"; exit 1; }
	@set -o pipefail; run() { $(CARGO) test $(CARGO_FLAGS) "$$@" >>$(HOSTILE_LOG) 2>&1 \
	    || { tail -60 $(HOSTILE_LOG); echo "hostile: FAILED: cargo test $$* (log: $(HOSTILE_LOG))"; exit 1; }; }; \
	  run -p paynet-oauth --test nonce_identity && \
	  run -p paynet-api --test hostile && \
	  run -p paynet-mock && \
	  run -p paynet-client --test hostile_gateway && \
	  run -p paynet-cli --test hostile_gateway --test slow_clients -- --test-threads 1 && \
	  $(CARGO) build $(CARGO_FLAGS) -p paynet-cli && \
	  cli=$$(tools/hostile/cli_endless_body.sh $(PAYNET) 2>>$(HOSTILE_LOG)) \
	    || { echo "$$cli"; echo "hostile: FAILED: the CLI against an endless body"; exit 1; }; \
	  passed=$$(grep -o 'test result: ok\. [0-9]* passed' $(HOSTILE_LOG) | awk '{ n += $$4 } END { print n + 0 }'); \
	  echo "hostile: $$passed Rust tests passed; CLI vs endless body: $$cli"

TEST_TARGETS += test-hostile
