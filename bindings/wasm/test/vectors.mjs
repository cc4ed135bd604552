// The repository's vectors (tests/vectors) and the arguments of `sign` for a signing
// case (from runtimes/requests.mjs): shared by the wasm package's tests under Node and
// the page's tests in Chromium (and usable by the Node addon's tests: their CommonJS copy is
// bindings/node/test/support/vectors.cjs).
import { readFileSync } from 'node:fs'

const root = new URL('../../../', import.meta.url)

/** A vector file of tests/vectors, parsed. */
export function load(name) {
  return JSON.parse(readFileSync(new URL(`tests/vectors/${name}`, root), 'utf8'))
}

export { requestOf, camel } from './runtimes/requests.mjs'
