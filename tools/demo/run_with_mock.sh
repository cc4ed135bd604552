#!/usr/bin/env bash
# Runs a command with PAYNET_GATEWAY and PAYNET_CONTROL_KEY pointing at a fresh
# `paynet mock` on a free loopback port; stops the mock afterwards.
# Usage: run_with_mock.sh PATH_TO_PAYNET COMMAND [ARGS...]
set -euo pipefail
paynet=$1; shift
out=$(mktemp)
"$paynet" mock --listen 127.0.0.1:0 >"$out" 2>&1 &
mock_pid=$!
trap 'kill "$mock_pid" 2>/dev/null || true; wait "$mock_pid" 2>/dev/null || true; rm -f "$out"' EXIT
for _ in $(seq 1 100); do
  grep -q 'listening on' "$out" 2>/dev/null && break
  kill -0 "$mock_pid" 2>/dev/null || { cat "$out" >&2; exit 1; }
  sleep 0.05
done
PAYNET_GATEWAY=$(grep -m1 'listening on' "$out" | awk '{print $NF}')
export PAYNET_GATEWAY PAYNET_CONTROL_KEY=F9F65098-1111-1111-1111-621611111111
"$@"
