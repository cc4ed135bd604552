'use strict'
// An independent oracle for `sign`: the `paynet sign --input -` command (Rust, no
// JavaScript packing), run once per request. Returns what `sign` returns, or
// `{ failed: true }` when the command refuses the request.
const { spawnSync } = require('node:child_process')
const { PAYNET } = require('./mock.cjs')

function pairs(value) {
  if (value === undefined || value === null) return []
  return Array.isArray(value) ? value : Object.entries(value)
}

function oracleSign(request) {
  const input = {
    method: request.method,
    url: request.url,
    form: pairs(request.params),
    consumer_key: request.consumerKey,
    consumer_secret: request.consumerSecret,
    timestamp: String(request.timestamp),
    nonce: request.nonce,
    oauth_extra: pairs(request.oauthExtra),
    realm: request.realm ?? '',
  }
  if (request.token !== undefined) input.token = request.token
  if (request.tokenSecret !== undefined) input.token_secret = request.tokenSecret
  if (request.version !== undefined) input.version = request.version
  const out = spawnSync(PAYNET, ['sign', '--input', '-'], { input: JSON.stringify(input), encoding: 'utf8' })
  if (out.status !== 0) return { failed: true }
  const o = JSON.parse(out.stdout)
  return {
    normalizedParameters: o.normalized_parameters,
    baseString: o.base_string,
    signature: o.signature,
    authorizationHeader: o.authorization_header,
    body: o.body,
    timestamp: input.timestamp,
    nonce: input.nonce,
  }
}

module.exports = { oracleSign }
