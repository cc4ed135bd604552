#!/usr/bin/env bash
# Packs the main npm package (no binary of its own) into OUT/npm/ from a copy of
# bindings/node whose package.json gains `optionalDependencies` on every platform
# package in bindings/node/npm/ (the committed package.json has none, so that `npm ci`
# works before they are published), and the WebAssembly build in wasm/ (make wasm's
# build/wasm/pkg, copied by bindings/wasm/scripts/into-node.sh), which the `exports`
# give to Deno, workerd, workers, browsers and every other non-Node runtime.
#
# Usage: node-main.sh ROOT OUT WORK
set -euo pipefail
root=$1 out=$2 work=$3
src=$root/bindings/node
stage=$work/npm-main
rm -rf "$stage" && mkdir -p "$stage" "$out/npm"
cp "$src"/index.js "$src"/index.d.ts "$src"/index.mjs "$src"/index.d.mts "$src"/main.js "$src"/README.md \
  "$root/LICENSE-MIT" "$root/LICENSE-APACHE" "$stage/"
bash "$root/bindings/wasm/scripts/into-node.sh" "$root/build/wasm/pkg" "$stage/wasm"
node - "$src" "$stage" <<'JS'
const fs = require('fs')
const path = require('path')
const [src, stage] = process.argv.slice(2)
const pkg = JSON.parse(fs.readFileSync(path.join(src, 'package.json'), 'utf8'))
const optional = {}
for (const dir of fs.readdirSync(path.join(src, 'npm')).sort()) {
  const platform = JSON.parse(fs.readFileSync(path.join(src, 'npm', dir, 'package.json'), 'utf8'))
  if (platform.version !== pkg.version) throw new Error(`${platform.name} ${platform.version} != ${pkg.version}`)
  optional[platform.name] = pkg.version
}
pkg.optionalDependencies = optional
delete pkg.devDependencies
delete pkg.scripts
fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify(pkg, null, 2) + '\n')
JS
rm -f "$out"/npm/paynet-oauth-[0-9]*.tgz
(cd "$stage" && npm pack --silent --pack-destination "$out/npm" >/dev/null)
echo "node: paynet-oauth (main package, optionalDependencies on $(ls "$src/npm" | wc -l) platform packages, the wasm build in wasm/)"
