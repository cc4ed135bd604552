#!/usr/bin/env bash
# The tools the WebAssembly build needs, for tools/test/require.sh:
#
#   tools.sh check ROOT     succeeds when all are usable
#   tools.sh install ROOT   installs what is missing (quietly), then checks
#
# - the rustup target wasm32-unknown-unknown (`rustup target add`);
# - wasm-bindgen-cli of exactly the version of the `wasm-bindgen` crate in Cargo.lock,
#   installed once into ROOT/build/tools (`cargo install --locked`; if the registry no
#   longer has a locked dependency, without `--locked`);
# - Node.js 20+ and npm.
set -euo pipefail
mode=$1 root=$2

bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$root/Cargo.lock"
}
bindgen=$root/build/tools/bin/wasm-bindgen
want=$(bindgen_version)

check() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown || { echo "rustup target wasm32-unknown-unknown is not installed"; return 1; }
  [ -x "$bindgen" ] || { echo "$bindgen is missing"; return 1; }
  [ "$("$bindgen" --version)" = "wasm-bindgen $want" ] || { echo "$bindgen is not version $want"; return 1; }
  node -e 'process.exit(parseInt(process.versions.node) >= 20 ? 0 : 1)' || { echo "Node.js 20+ is needed"; return 1; }
  npm --version >/dev/null
}

case $mode in
  check) check ;;
  install)
    rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
    if ! { [ -x "$bindgen" ] && [ "$("$bindgen" --version)" = "wasm-bindgen $want" ]; }; then
      cargo install --quiet wasm-bindgen-cli --version "=$want" --locked --root "$root/build/tools" ||
        cargo install --quiet wasm-bindgen-cli --version "=$want" --root "$root/build/tools"
    fi
    check
    ;;
  *) echo "usage: tools.sh check|install ROOT" >&2; exit 2 ;;
esac
