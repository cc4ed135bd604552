// The other entries: `init` (manual loading from bytes, as a worker or a page opened
// from file:// does) gives the same results as the `node` entry.
import test from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'

import { paynet, packageDir, load, requestOf } from './support.mjs'

test('init entry: initSync from the bytes, then sign like the node entry', async () => {
  const manual = await import(new URL('init.js', packageDir).href)
  assert.equal(manual.default, manual.init)
  manual.initSync({ module: readFileSync(new URL('paynet_oauth_wasm_bg.wasm', packageDir)) })
  const c = load('oauth1-signing.json').cases.find((x) => x.id === 'paynet-get-balance')
  assert.ok(c)
  assert.equal(manual.sign(requestOf(c)).signature, c.expect.signature)
  assert.equal(paynet.sign(requestOf(c)).signature, c.expect.signature)
})

test('the default export holds the same functions', () => {
  for (const name of ['sign', 'Signer', 'verify', 'percentEncode', 'parseResponse', 'commandRequest', 'signCommand']) {
    assert.equal(typeof paynet[name], 'function', name)
    assert.equal(paynet.default[name], paynet[name], name)
  }
})
