// The repository's vectors (tests/vectors) and the arguments of `sign` for a signing
// case: shared by the wasm package's tests under Node and the page's tests in Chromium
// (and usable by the Node addon's tests: their CommonJS copy is
// bindings/node/test/support/vectors.cjs).
import { readFileSync } from 'node:fs'

const root = new URL('../../../', import.meta.url)

/** A vector file of tests/vectors, parsed. */
export function load(name) {
  return JSON.parse(readFileSync(new URL(`tests/vectors/${name}`, root), 'utf8'))
}

/** A signing vector case as the arguments of `sign`. */
export function requestOf(c) {
  const request = {
    method: c.method,
    url: c.url,
    params: c.form,
    consumerKey: c.consumer_key,
    consumerSecret: c.consumer_secret,
    timestamp: c.timestamp,
    nonce: c.nonce,
  }
  if (c.token !== undefined) request.token = c.token
  if (c.token_secret !== undefined) request.tokenSecret = c.token_secret
  if ('version' in c) request.version = c.version
  if (c.oauth_extra !== undefined) request.oauthExtra = c.oauth_extra
  return request
}

/** The vectors' snake_case balance fields in the package's camelCase. */
export function camel(balance) {
  const out = {}
  for (const [k, v] of Object.entries(balance)) {
    out[k.replace(/_([a-z])/g, (_, ch) => ch.toUpperCase())] = v
  }
  return out
}
