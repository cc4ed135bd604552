#!/usr/bin/env bash
# Makes sure a tool that a suite needs is there, installing it quietly when it is not.
#
#   tools/test/require.sh SUITE WHAT CHECK [INSTALL]
#
# CHECK is a shell command that succeeds when WHAT is usable; INSTALL a shell command
# that installs it (`apt PKG...` is short for a quiet apt-get install). Exit codes:
#   0  usable (perhaps after installing)
#   1  not usable under CI=true: the suite fails, with the reason printed
#   2  not usable on a developer's machine: the caller skips the suite, loudly
set -uo pipefail

suite=$1 what=$2 check=$3 install=${4:-}
checklog=$(mktemp)
trap 'rm -f "$checklog"' EXIT
usable() { bash -c "$check" >"$checklog" 2>&1; }
usable && exit 0

reason="'$check' failed: $(grep -v '^\s*$' "$checklog" | tail -n 3 | tr '\n' ' ')"
if [ -n "$install" ]; then
  if [[ $install == apt\ * ]]; then
    install="apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${install#apt }"
  fi
  log=$(mktemp)
  if bash -c "$install" >"$log" 2>&1 && usable; then
    rm -f "$log"
    exit 0
  fi
  reason="not found, and '$install' did not make it usable: $(grep -v '^\s*$' "$log" | tail -n 3 | tr '\n' ' ')"
  rm -f "$log"
fi

if [ "${CI:-}" = true ]; then
  echo "FAILED: suite $suite needs $what: $reason" >&2
  exit 1
fi
echo "SKIPPED: suite $suite needs $what: $reason (under CI=true this fails)" >&2
exit 2
