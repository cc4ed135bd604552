// What the tests share: the built package (PAYNET_WASM_PKG, default build/wasm/pkg)
// and the repository's vectors (tests/vectors) as the arguments of `sign`.
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

const root = new URL('../../../', import.meta.url)
const pkgDir = process.env.PAYNET_WASM_PKG
  ? pathToFileURL(process.env.PAYNET_WASM_PKG.replace(/\/?$/, '/'))
  : new URL('build/wasm/pkg/', root)

/** The package as Node imports it (its `node` entry). */
export const paynet = await import(new URL('node.js', pkgDir).href)

/** The package's directory, for the other entries. */
export const packageDir = pkgDir

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
