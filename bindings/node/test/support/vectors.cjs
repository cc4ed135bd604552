'use strict'
// The shared vectors of the repository (tests/vectors), read by a relative path.
const fs = require('node:fs')
const path = require('node:path')

const dir = path.join(__dirname, '..', '..', '..', '..', 'tests', 'vectors')

function load(name) {
  return JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'))
}

// A signing vector case as the arguments of `sign`.
function requestOf(c) {
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

module.exports = { load, requestOf }
