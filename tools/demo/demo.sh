#!/usr/bin/env bash
# `make demo`: start the built-in mock gateway on a free loopback port, get the three
# kinds of balance from it with the `paynet` tool, stop the mock. Nothing else to start.
set -euo pipefail
paynet=${1:?usage: demo.sh PATH_TO_PAYNET}
out=$(mktemp)
"$paynet" mock --listen 127.0.0.1:0 >"$out" 2>&1 &
mock_pid=$!
cleanup() { kill "$mock_pid" 2>/dev/null || true; wait "$mock_pid" 2>/dev/null || true; rm -f "$out"; }
trap cleanup EXIT
for _ in $(seq 1 100); do
  grep -q 'listening on' "$out" 2>/dev/null && break
  kill -0 "$mock_pid" 2>/dev/null || { cat "$out" >&2; exit 1; }
  sleep 0.05
done
url=$(grep -m1 'listening on' "$out" | awk '{print $NF}')
[ -n "$url" ] || { echo "the mock gateway did not start" >&2; cat "$out" >&2; exit 1; }
echo "Mock gateway: $url (built-in fixtures from the API docs)"
export PAYNET_GATEWAY="$url" PAYNET_CONTROL_KEY=F9F65098-1111-1111-1111-621611111111
run() { echo; echo "\$ paynet $*"; "$paynet" "$@"; }
run balance --endpoint 1 --provider Test --login balance_test_merchant14
run balances --manager BalanceTestManager
run balances --merchant balance_test_merchant14 --name saa --json
echo; echo "Done: three signed requests verified and answered by the mock gateway."
