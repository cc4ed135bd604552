// A signing vector case as the arguments of `sign`, and the vectors' snake_case
// balance fields in camelCase: plain JavaScript (no `node:` module), so the Node addon's
// and the wasm build's tests, the page's tests in Chromium (through vectors.mjs) and the
// runtime probes under Deno and workerd (check-vectors.mjs, which pack-install.sh copies
// with this file beside bindings/wasm/test/runtimes/) share them.

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
