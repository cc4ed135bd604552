#!/usr/bin/env bash
# Builds the npm package `paynet-oauth-wasm` into OUT (default ROOT/build/wasm/pkg) and
# the Request Builder page's module into PAGE (default ROOT/build/wasm/page): each a
# release .wasm (opt-level "z", fat LTO, one codegen unit, panic=abort), its
# `--target web` glue from wasm-bindgen and `wasm-opt -Oz` (binaryen from npm, when
# installed). The package also gets the hand-written entries (index.js, node.js,
# init.js), types and package.json. The page's build leaves out the cargo feature
# `package` (verify, parseResponse, signForm, errorKinds): the page only signs.
#
#   [PAYNET_WASM_NIGHTLY=1] build.sh ROOT [OUT [PAGE]]
set -euo pipefail
root=$1 out=${2:-$1/build/wasm/pkg}
page=${3:-$(dirname "$out")/page}
src=$root/bindings/wasm
crate=paynet_oauth_wasm

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
  target=$root/target/wasm-nightly
  cargo_build() {
    CARGO_TARGET_DIR=$target CARGO_PROFILE_RELEASE_PANIC=immediate-abort \
      cargo "+$nightly" build --quiet --release --target wasm32-unknown-unknown -p paynet-oauth-wasm \
      -Zbuild-std=std,panic_abort -Zpanic-immediate-abort "$@"
  }
  build="$(rustc "+$nightly" --version), build-std, panic=immediate-abort"
else
  target=$root/target
  cargo_build() {
    CARGO_PROFILE_RELEASE_PANIC=abort cargo build --quiet --release --target wasm32-unknown-unknown \
      -p paynet-oauth-wasm "$@"
  }
  build="$(rustc --version), panic=abort"
fi

# binaryen's wasm-opt from npm (a devDependency: Debian's is too old to read the
# reference-types code Rust emits by default).
wasm_opt=$src/node_modules/.bin/wasm-opt

# The .wasm just built by cargo_build → DEST: wasm-bindgen's glue, then wasm-opt.
bindgen_into() {
  local dest=$1
  rm -rf "$dest"
  mkdir -p "$dest"
  "$root/build/tools/bin/wasm-bindgen" --target web --no-typescript --remove-name-section \
    --remove-producers-section --out-dir "$dest" \
    "$target/wasm32-unknown-unknown/release/$crate.wasm"
  if [ -x "$wasm_opt" ]; then
    "$wasm_opt" -Oz --converge --enable-bulk-memory --enable-reference-types --enable-nontrapping-float-to-int \
      --enable-sign-ext --enable-mutable-globals --enable-multivalue \
      "$dest/${crate}_bg.wasm" -o "$dest/${crate}_bg.wasm.opt"
    mv "$dest/${crate}_bg.wasm.opt" "$dest/${crate}_bg.wasm"
  fi
}

# The page's build first: the package's build is then the one cargo's output file
# holds, as tools (make wasm-sizes) expect.
cargo_build --no-default-features
bindgen_into "$page"
cargo_build
bindgen_into "$out"
# Which compiler made it, for make bench-wasm's sizes (next to the package, not in it).
echo "$build, opt-level z, fat LTO, 1 codegen unit, wasm-opt -Oz" >"$out/../pkg-build.txt"
cp "$src"/js/*.js "$src/index.d.ts" "$src/init.d.ts" "$src/package.json" "$src/README.md" "$out/"
