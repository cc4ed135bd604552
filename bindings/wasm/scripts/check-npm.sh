#!/usr/bin/env bash
# ONE npm package for every runtime, under Node: the packed and installed `paynet-oauth`
# (scripts/pack-install.sh) imported by name: plain `node` must get the native addon
# (import and require), `node --conditions=browser` and `--conditions=worker` the wasm
# build, and `paynet-oauth/wasm` the wasm build too; every signing and response vector
# passes through each import (test/runtimes/probe.mjs).
#
#   check-npm.sh ROOT PKG OUT     PKG: make wasm's build/wasm/pkg; OUT: scratch directory
set -euo pipefail
root=$1 pkg=$2 out=$3
mkdir -p "$out" && out=$(cd "$out" && pwd)
tarball=$(bash "$root/bindings/wasm/scripts/pack-install.sh" "$root" "$pkg" "$out")
cd "$out/project"
vectors=$root/tests/vectors
node probe.mjs native "$vectors" node
node --conditions=browser probe.mjs wasm "$vectors" 'node --conditions=browser'
node --conditions=worker probe.mjs wasm "$vectors" 'node --conditions=worker'
node probe.mjs wasm "$vectors" node paynet-oauth/wasm
echo "npm: $tarball ($(du -k "$out/$tarball" | cut -f1) KiB) installed: node -> native addon;" \
  "node --conditions=browser, =worker and paynet-oauth/wasm -> wasm build; every vector passed through each"
