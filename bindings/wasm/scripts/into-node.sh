#!/usr/bin/env bash
# Copies the WebAssembly build into the `paynet-oauth` npm package's `wasm/` directory
# (the files its `exports` name under the deno, workerd, worker, edge-light, browser and
# default conditions and the `paynet-oauth/wasm` subpath), with a package.json that
# makes them ES modules. Run at pack time: `npm pack` in bindings/node (its `prepack`)
# and tools/dist/node-main.sh. The directory is ignored by git.
#
#   into-node.sh [--optional] PKG DEST
#
# PKG is the built package (make wasm: build/wasm/pkg). Without it the script fails;
# with --optional (the `prepack` of a developer's `npm pack`, e.g. make test-node's pack
# check, which does not build the wasm) it removes DEST and says on stderr that the
# tarball has no wasm/ (its Node entries are unaffected).
set -euo pipefail
optional=false
if [ "${1:-}" = --optional ]; then optional=true; shift; fi
pkg=$1 dest=$2
files=(paynet_oauth_wasm.js paynet_oauth_wasm_bg.wasm index.js init.js workerd.js client.js index.d.ts init.d.ts)
rm -rf "$dest"
for f in "${files[@]}"; do
  [ -f "$pkg/$f" ] && continue
  if $optional; then
    echo "paynet-oauth: packing WITHOUT the WebAssembly build (no $pkg/$f): run 'make wasm' first" >&2
    exit 0
  fi
  echo "into-node: $pkg/$f is missing: run 'make wasm' first" >&2
  exit 1
done
mkdir -p "$dest"
for f in "${files[@]}"; do cp "$pkg/$f" "$dest/$f"; done
printf '{ "type": "module", "sideEffects": ["./index.js", "./workerd.js"] }\n' >"$dest/package.json"
