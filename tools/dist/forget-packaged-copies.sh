#!/usr/bin/env bash
# `cargo publish --dry-run --workspace` verifies each crate against the others through a
# local registry whose unpacked sources land in $CARGO_HOME/registry/src/-HASH/NAME-VERSION,
# HASH depending only on the workspace path. Cargo never unpacks a version again once it is
# there, so a second dry run from the same path (a CI checkout) would build against the
# first run's sources: a stale paynet-api without a function paynet-client now calls.
# This removes our own crates' unpacked copies from those local registries (never anything
# from crates.io, whose directories are named after the index host) before the dry run.
#
# Usage: forget-packaged-copies.sh
set -euo pipefail
home=${CARGO_HOME:-$HOME/.cargo}
n=0
for dir in "$home"/registry/src/-*/paynet-* "$home"/registry/cache/-*/paynet-*; do
  [ -e "$dir" ] || continue
  rm -rf -- "$dir"
  n=$((n + 1))
done
echo "$n"
