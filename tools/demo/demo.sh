#!/usr/bin/env bash
# `make demo`: get the three kinds of balance from a fresh built-in mock gateway with the
# `paynet` tool (run_with_mock.sh starts the mock on a free loopback port and stops it).
set -euo pipefail
paynet=${1:?usage: demo.sh PATH_TO_PAYNET}
if [ -z "${PAYNET_GATEWAY:-}" ]; then
  exec "$(dirname "$0")/run_with_mock.sh" "$paynet" "$0" "$paynet"
fi
echo "Mock gateway: $PAYNET_GATEWAY (built-in fixtures from the API docs)"
run() { echo; echo "\$ paynet $*"; "$paynet" "$@"; }
run balance --endpoint 1 --provider Test --login balance_test_merchant14
run balances --manager BalanceTestManager
run balances --merchant balance_test_merchant14 --name saa --json
echo; echo "Done: three signed requests verified and answered by the mock gateway."
