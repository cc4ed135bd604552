#!/usr/bin/env bash
# The npm package as a user gets it: `npm pack` of PKG, installed into a fresh project
# under OUT, imported BY NAME from Node ESM (the `node` condition) and through the
# `init` subpath, each signing the documented get-balance example.
#
#   check-pack.sh ROOT PKG OUT
set -euo pipefail
root=$1 pkg=$2
rm -rf "$3" && mkdir -p "$3/project"
out=$(cd "$3" && pwd)
tarball=$(cd "$pkg" && npm pack --silent --pack-destination "$out")
cd "$out/project"
echo '{ "name": "consumer", "private": true, "type": "module" }' >package.json
npm install --silent --no-audit --no-fund --offline "$out/$tarball" >/dev/null
cat >check.mjs <<'JS'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { sign } from 'paynet-oauth-wasm'
import { initSync, sign as signInit } from 'paynet-oauth-wasm/init'

const vectors = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const c = vectors.cases.find((x) => x.id === 'paynet-get-balance')
const request = {
  method: c.method, url: c.url, params: c.form, consumerKey: c.consumer_key,
  consumerSecret: c.consumer_secret, timestamp: c.timestamp, nonce: c.nonce,
}
const wasmPath = createRequire(import.meta.url).resolve('paynet-oauth-wasm/paynet_oauth_wasm_bg.wasm')
initSync({ module: readFileSync(wasmPath) })
for (const got of [sign(request).signature, signInit(request).signature]) {
  if (got !== c.expect.signature) throw new Error(`signature ${got}, expected ${c.expect.signature}`)
}
console.log(`pack: ${process.argv[3]} installed, imported by name (node condition and /init): signs as the vector says`)
JS
node check.mjs "$root/tests/vectors/oauth1-signing.json" "$tarball"
