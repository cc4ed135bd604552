#!/usr/bin/env bash
# Prints the `strip` program for a Rust target triple (binutils: the host's for x86_64,
# Debian's cross binutils for aarch64).
#
# Usage: strip-for.sh TRIPLE
set -euo pipefail
case $1 in
  x86_64-*) echo strip ;;
  aarch64-*) echo aarch64-linux-gnu-strip ;;
  *) echo "strip-for.sh: no strip known for $1" >&2; exit 1 ;;
esac
