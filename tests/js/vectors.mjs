// The repository's vectors (tests/vectors) and the arguments of `sign` for a signing
// case (from requests.mjs): shared by the Node addon's and the wasm package's tests under
// Node and the page's tests in Chromium.
import { readFileSync } from 'node:fs'

const root = new URL('../../', import.meta.url)

/** A vector file of tests/vectors, parsed. */
export function load(name) {
  return JSON.parse(readFileSync(new URL(`tests/vectors/${name}`, root), 'utf8'))
}

export { requestOf, camel } from './requests.mjs'
