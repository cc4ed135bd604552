#!/usr/bin/env bash
# Builds the npm package `paynet-oauth-wasm` into OUT (default ROOT/build/wasm/pkg):
# the release .wasm (opt-level "z", fat LTO, one codegen unit, panic=abort), the
# `--target web` glue from wasm-bindgen, `wasm-opt -Oz` (binaryen from npm, when installed),
# and the hand-written entries (index.js, node.js, init.js), types and package.json.
#
#   [PAYNET_WASM_NIGHTLY=1] [PAYNET_WASM_NO_CLIENT=1] build.sh ROOT [OUT]
#
# PAYNET_WASM_NO_CLIENT=1 leaves out the crate's `client` feature (the balance Client
# over fetch): the Request Builder page's build (make web), in a target dir of its own
# so that the package's build is not relinked each time.
set -euo pipefail
root=$1 out=${2:-$1/build/wasm/pkg}
src=$root/bindings/wasm
crate=paynet_oauth_wasm
features=()
sub=
if [ "${PAYNET_WASM_NO_CLIENT:-}" = 1 ]; then features=(--no-default-features) sub=/wasm-page; fi

# The workspace's release profile is for the host; these settings are for the .wasm.
export CARGO_PROFILE_RELEASE_OPT_LEVEL=z CARGO_PROFILE_RELEASE_LTO=fat CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1
if [ "${PAYNET_WASM_NIGHTLY:-}" = 1 ]; then
  # Only for size (about 9 KB less gzipped), never the default: the pinned nightly
  # (tools/toolchain/nightly.sh) rebuilds std for wasm32 with panic=immediate-abort, so
  # no panic message, location or formatting of them is linked (a panic traps as with
  # panic=abort, without a message). Its own target dir: std is built once (minutes).
  nightly=$(bash "$root/tools/toolchain/nightly.sh")
  rustup component list --installed --toolchain "$nightly" | grep -q '^rust-src' ||
    rustup component add --toolchain "$nightly" rust-src
  target=$root/target/wasm-nightly$sub
  CARGO_TARGET_DIR=$target CARGO_PROFILE_RELEASE_PANIC=immediate-abort \
    cargo "+$nightly" build --quiet --release --target wasm32-unknown-unknown -p paynet-oauth-wasm \
    "${features[@]}" -Zbuild-std=std,panic_abort -Zpanic-immediate-abort
  build="$(rustc "+$nightly" --version), build-std, panic=immediate-abort"
else
  target=$root/target$sub
  CARGO_TARGET_DIR=$target CARGO_PROFILE_RELEASE_PANIC=abort \
    cargo build --quiet --release --target wasm32-unknown-unknown -p paynet-oauth-wasm "${features[@]}"
  build="$(rustc --version), panic=abort"
fi

rm -rf "$out"
mkdir -p "$out"
"$root/build/tools/bin/wasm-bindgen" --target web --no-typescript --remove-name-section \
  --remove-producers-section --out-dir "$out" \
  "$target/wasm32-unknown-unknown/release/$crate.wasm"
# Which compiler made it, for make bench-wasm's sizes (next to the package, not in it).
echo "$build, opt-level z, fat LTO, 1 codegen unit, wasm-opt -Oz" >"$out/../$(basename "$out")-build.txt"
# binaryen's wasm-opt from npm (a devDependency: Debian's is too old to read the
# reference-types code Rust emits by default).
wasm_opt=$src/node_modules/.bin/wasm-opt
if [ -x "$wasm_opt" ]; then
  "$wasm_opt" -Oz --converge --enable-bulk-memory --enable-reference-types --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-multivalue \
    "$out/${crate}_bg.wasm" -o "$out/${crate}_bg.wasm.opt"
  mv "$out/${crate}_bg.wasm.opt" "$out/${crate}_bg.wasm"
fi
cp "$src"/js/*.js "$src/index.d.ts" "$src/init.d.ts" "$src/package.json" "$src/README.md" "$out/"
