#!/usr/bin/env bash
# make test-edge: the packed and installed `paynet-oauth` (scripts/pack-install.sh) in
# real edge runtimes: Deno imports it by name (its `deno` condition) and runs every
# vector (test/runtimes/probe.mjs); workerd serves a worker bundled through the
# `workerd` condition that runs every vector (test/runtimes/run-workerd.mjs). In each,
# the balance Client on the runtime's fetch against the mock gateway (`paynet mock`,
# PAYNET or ROOT/target/debug/paynet, on 127.0.0.1 and a port it picks, stopped after):
# one getBalance gives the fixture's balance, one with a wrong key PAYNET_ACCESS_DENIED
# (test/runtimes/check-client.mjs).
#
#   check-edge.sh ROOT PKG OUT
set -euo pipefail
root=$1 pkg=$2 out=$3
mkdir -p "$out" && out=$(cd "$out" && pwd)
tools=$root/bindings/wasm/scripts/edge-tools.sh
bash "$root/bindings/wasm/scripts/pack-install.sh" "$root" "$pkg" "$out" >/dev/null
cd "$out/project"
mkdir -p vectors && cp "$root"/tests/vectors/*.json vectors/

paynet=${PAYNET:-$root/target/debug/paynet}
"$paynet" mock --listen 127.0.0.1:0 >"$out/mock.out" 2>"$out/mock.err" &
mock=$!
trap 'kill "$mock" 2>/dev/null; wait "$mock" 2>/dev/null || true' EXIT
for _ in $(seq 200); do grep -q 'listening on' "$out/mock.out" && break; sleep 0.1; done
gateway=$(grep -o 'listening on [^ ]*' "$out/mock.out" | cut -d' ' -f3 || true)
[ -n "$gateway" ] || { echo "paynet mock did not start:"; cat "$out/mock.err"; exit 1; }
hostport=${gateway#http://}
hostport=${hostport%%/*}

deno=$(bash "$tools" bin "$root" deno)
DENO_DIR=$root/build/tools/edge/deno-dir DENO_NO_UPDATE_CHECK=1 NO_COLOR=1 \
  "$deno" run --no-prompt --allow-read=. probe.mjs wasm vectors "deno $("$deno" --version | head -n 1 | cut -d' ' -f2)" | tee deno.out
DENO_DIR=$root/build/tools/edge/deno-dir DENO_NO_UPDATE_CHECK=1 NO_COLOR=1 \
  "$deno" run --no-prompt --allow-read=. --allow-net="$hostport" client-deno.mjs "$gateway" deno | tee deno-client.out
node run-workerd.mjs "$(bash "$tools" bin "$root" workerd)" "$(bash "$tools" bin "$root" esbuild)" "$gateway" | tee workerd.out
summary() { sed -E 's/^([^:]*): .* -> ([^ ]*) .*; ([0-9]+) vectors passed.*/\1: \3 vectors passed through \2/' "$1"; }
balance() { grep -oE 'client: getBalance [^ ]+' "$1" | cut -d' ' -f3; }
echo "edge: $(summary deno.out) (deno condition); $(summary workerd.out) (workerd condition, served on 127.0.0.1);" \
  "Client on fetch against paynet mock: getBalance $(balance deno-client.out) in deno, $(balance workerd.out) in workerd," \
  "a wrong key PAYNET_ACCESS_DENIED in both"
