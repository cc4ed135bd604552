#!/usr/bin/env bash
# Builds the npm package `paynet-oauth-wasm` into OUT (default ROOT/build/wasm/pkg):
# the release .wasm (opt-level "z", fat LTO, one codegen unit, panic=abort), the
# `--target web` glue from wasm-bindgen, `wasm-opt -Oz` (binaryen from npm, when installed),
# and the hand-written entries (index.js, node.js, init.js), types and package.json.
#
#   build.sh ROOT [OUT]
set -euo pipefail
root=$1 out=${2:-$1/build/wasm/pkg}
src=$root/bindings/wasm
crate=paynet_oauth_wasm

# The workspace's release profile is for the host; these settings are for the .wasm.
CARGO_PROFILE_RELEASE_OPT_LEVEL=z CARGO_PROFILE_RELEASE_LTO=fat \
CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 CARGO_PROFILE_RELEASE_PANIC=abort \
  cargo build --quiet --release --target wasm32-unknown-unknown -p paynet-oauth-wasm

rm -rf "$out"
mkdir -p "$out"
"$root/build/tools/bin/wasm-bindgen" --target web --no-typescript --remove-name-section \
  --remove-producers-section --out-dir "$out" \
  "$root/target/wasm32-unknown-unknown/release/$crate.wasm"
# binaryen's wasm-opt from npm (a devDependency: Debian's is too old to read the
# reference-types code Rust emits by default).
wasm_opt=$src/node_modules/.bin/wasm-opt
if [ -x "$wasm_opt" ]; then
  "$wasm_opt" -Oz --enable-bulk-memory --enable-reference-types --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-multivalue \
    "$out/${crate}_bg.wasm" -o "$out/${crate}_bg.wasm.opt"
  mv "$out/${crate}_bg.wasm.opt" "$out/${crate}_bg.wasm"
fi
cp "$src"/js/*.js "$src/index.d.ts" "$src/init.d.ts" "$src/package.json" "$src/README.md" "$out/"
