#!/usr/bin/env bash
# Packs the real `paynet-oauth` npm package (bindings/node; its `prepack` copies the
# wasm build PKG into wasm/), checks the tarball lists the native addon and every wasm
# file, and installs it (offline) into a fresh project OUT/project with the runtime
# probes of test/runtimes copied next to it. Prints the tarball's name.
#
#   pack-install.sh ROOT PKG OUT
set -euo pipefail
root=$1 pkg=$(cd "$2" && pwd)
rm -rf "$3" && mkdir -p "$3/project"
out=$(cd "$3" && pwd)

tarball=$(cd "$root/bindings/node" && PAYNET_WASM_PKG=$pkg npm pack --silent --pack-destination "$out" | tail -n 1)
listing=$(tar tzf "$out/$tarball")
for f in wasm/package.json wasm/index.js wasm/workerd.js wasm/init.js wasm/client.js wasm/index.d.ts wasm/init.d.ts \
  wasm/paynet_oauth_wasm.js wasm/paynet_oauth_wasm_bg.wasm index.mjs main.js; do
  grep -qx "package/$f" <<<"$listing" || { echo "npm: $tarball lacks $f" >&2; exit 1; }
done
grep -q '^package/.*\.node$' <<<"$listing" || { echo "npm: $tarball has no native addon (.node)" >&2; exit 1; }

cd "$out/project"
echo '{ "name": "consumer", "private": true, "type": "module" }' >package.json
npm install --silent --no-audit --no-fund --offline "$out/$tarball" >/dev/null
cp "$root"/bindings/wasm/test/runtimes/*.mjs .
cp "$root"/tests/js/check-vectors.mjs "$root"/tests/js/requests.mjs .
echo "$tarball"
