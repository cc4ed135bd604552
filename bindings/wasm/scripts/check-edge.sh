#!/usr/bin/env bash
# make test-edge: the packed and installed `paynet-oauth` (scripts/pack-install.sh) in
# real edge runtimes: Deno imports it by name (its `deno` condition) and runs every
# vector (test/runtimes/probe.mjs); workerd serves a worker bundled through the
# `workerd` condition that runs every vector (test/runtimes/run-workerd.mjs).
#
#   check-edge.sh ROOT PKG OUT
set -euo pipefail
root=$1 pkg=$2 out=$3
mkdir -p "$out" && out=$(cd "$out" && pwd)
tools=$root/bindings/wasm/scripts/edge-tools.sh
bash "$root/bindings/wasm/scripts/pack-install.sh" "$root" "$pkg" "$out" >/dev/null
cd "$out/project"
mkdir -p vectors && cp "$root"/tests/vectors/*.json vectors/

deno=$(bash "$tools" bin "$root" deno)
DENO_DIR=$root/build/tools/edge/deno-dir DENO_NO_UPDATE_CHECK=1 NO_COLOR=1 \
  "$deno" run --no-prompt --allow-read=. probe.mjs wasm vectors "deno $("$deno" --version | head -n 1 | cut -d' ' -f2)" | tee deno.out
node run-workerd.mjs "$(bash "$tools" bin "$root" workerd)" "$(bash "$tools" bin "$root" esbuild)" | tee workerd.out
summary() { sed -E 's/^([^:]*): .* -> ([^ ]*) .*; ([0-9]+) vectors passed.*/\1: \3 vectors passed through \2/' "$1"; }
echo "edge: $(summary deno.out) (deno condition); $(summary workerd.out) (workerd condition, served on 127.0.0.1)"
