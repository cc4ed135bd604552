// Imports `paynet-oauth` BY NAME from an installed tarball, says which build the
// runtime's conditions chose (the native addon or the wasm build, from the resolved
// file and the exports) and runs every vector through that import. Runs under Node
// (with any `--conditions`) and Deno (its `deno` condition, its Node compatibility for
// `process` and `node:fs`).
//
//   node [--conditions=C] probe.mjs EXPECT(native|wasm) VECTORS_DIR LABEL [SPECIFIER]
//   deno run --allow-read probe.mjs wasm VECTORS_DIR deno
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import process from 'node:process'
import { checkVectors } from './check-vectors.mjs'

const [expect, vectors, label, specifier = 'paynet-oauth'] = process.argv.slice(2)
const paynet = await import(specifier)
const file = import.meta.resolve(specifier).replace(/^.*\/node_modules\//, '')
const native = typeof paynet.Client === 'function' && paynet.__napiBindingTarget !== undefined
const got = native ? 'native' : 'wasm'
const wantFile = { native: /^paynet-oauth\/index\.mjs$/, wasm: /^paynet-oauth\/wasm\/index\.js$/ }[expect]
if (got !== expect || !wantFile?.test(file)) {
  throw new Error(`${label}: import '${specifier}' gave ${got} (${file}), expected ${expect}`)
}
if (expect === 'native' && createRequire(import.meta.url)(specifier).Client !== paynet.Client) {
  throw new Error(`${label}: require('${specifier}') is not the native addon import gave`)
}
const load = (name) => JSON.parse(readFileSync(`${vectors}/${name}`, 'utf8'))
const { passed, failed } = checkVectors(paynet, load('oauth1-signing.json'), load('responses.json'))
if (failed.length) throw new Error(`${label}: ${failed.length} vector failures:\n${failed.slice(0, 20).join('\n')}`)
console.log(`${label}: import '${specifier}' -> ${file} (${got}); ${passed} vectors passed`)
