#!/usr/bin/env bash
# What the .wasm of the last `make wasm` is made of: the cargo output (which keeps its
# name section) through wasm-bindgen and `wasm-opt -Oz --debuginfo` as build.sh does,
# then scripts/wasm-sizes.py: sections, code bytes per crate, the largest functions.
#
#   [PAYNET_WASM_NIGHTLY=1] sizes.sh ROOT [TOP]
set -euo pipefail
root=$1 top=${2:-40}
target=$root/target
[ "${PAYNET_WASM_NIGHTLY:-}" = 1 ] && target=$root/target/wasm-nightly
named=$root/build/wasm/named
rm -rf "$named"
"$root/build/tools/bin/wasm-bindgen" --target web --no-typescript --out-dir "$named" \
  "$target/wasm32-unknown-unknown/release/paynet_oauth_wasm.wasm"
"$root/bindings/wasm/node_modules/.bin/wasm-opt" -Oz --converge --debuginfo --enable-bulk-memory \
  --enable-reference-types --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  --enable-multivalue "$named/paynet_oauth_wasm_bg.wasm" -o "$named/named.wasm"
python3 "$root/bindings/wasm/scripts/wasm-sizes.py" "$named/named.wasm" "$top" | grep -v '^  section custom name'
