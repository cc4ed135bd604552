#!/usr/bin/env bash
# Builds the Node addon for TRIPLE with cargo-zigbuild (glibc 2.17 for the gnu targets,
# a dynamically linked musl for the musl ones), strips it (recording the sizes), and
# packs the platform package bindings/node/npm/<platform> with it into OUT/npm/.
#
# Usage: node-platform.sh ROOT VENV TRIPLE OUT WORK
set -euo pipefail
root=$1 venv=$2 triple=$3 out=$4 work=$5
case $triple in
  x86_64-unknown-linux-gnu) plat=linux-x64-gnu zig_target=$triple.2.17 ;;
  aarch64-unknown-linux-gnu) plat=linux-arm64-gnu zig_target=$triple.2.17 ;;
  x86_64-unknown-linux-musl) plat=linux-x64-musl zig_target=$triple ;;
  aarch64-unknown-linux-musl) plat=linux-arm64-musl zig_target=$triple ;;
  *) echo "node-platform.sh: no npm platform for $triple" >&2; exit 1 ;;
esac
log=$work/node-$triple.log
export PATH=$venv/bin:$PATH
# A Node addon links libc dynamically, also on musl (Alpine's node loads it with dlopen).
flags_var=CARGO_TARGET_$(tr 'a-z-' 'A-Z_' <<<"$triple")_RUSTFLAGS
[[ $triple == *musl ]] && export "$flags_var=-C target-feature=-crt-static"
CARGO_TARGET_DIR=$work/target-node cargo zigbuild --quiet --release -p paynet-oauth-node --target "$zig_target" \
  --manifest-path "$root/Cargo.toml" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
built=$work/target-node/$triple/release/libpaynet_oauth_node.so
stage=$work/npm-$plat
rm -rf "$stage" && mkdir -p "$stage" "$out/npm"
cp "$root/bindings/node/npm/$plat/package.json" "$root/bindings/node/npm/$plat/README.md" \
  "$root/LICENSE-MIT" "$root/LICENSE-APACHE" "$stage/"
node=$stage/paynet-oauth.$plat.node
cp "$built" "$node"
"$(bash "$root/tools/dist/strip-for.sh" "$triple")" --strip-unneeded "$node"
bash "$root/tools/dist/sizes.sh" "$work/sizes.tsv" "paynet-oauth-$plat (paynet-oauth.$plat.node)" "$built" "$node"
rm -f "$out"/npm/paynet-oauth-"$plat"-*.tgz
(cd "$stage" && npm pack --silent --pack-destination "$out/npm" >>"$log" 2>&1) || { cat "$log" >&2; exit 1; }
echo "node: paynet-oauth-$plat: $(stat -c %s "$built") -> $(stat -c %s "$node") bytes (stripped)"
