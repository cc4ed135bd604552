'use strict'
// The packed signing path (main.js + src/signing.rs) with non-ASCII text in every field
// (issue 12, finding 6): the packed lengths count UTF-16 units on both sides, so its
// outputs equal the oracle's (`paynet sign --input -`, Rust without packing), field by
// field, for BMP and astral characters alike.
const test = require('node:test')
const assert = require('node:assert/strict')

const paynet = require('../main.js')
const { oracleSign } = require('./support/oracle.cjs')

const KEY = 'F9F65098-1111-1111-1111-621611111111'
const BASE = {
  method: 'POST',
  url: 'https://sandbox.example.com/paynet/api/v2/get-balance/1',
  params: [['balance-provider', 'Test']],
  consumerKey: 'balance_test_merchant14',
  consumerSecret: KEY,
  timestamp: 1700000000,
  nonce: 'n0nce',
}

const TEXTS = ['é', 'ключ', '日本語', '😀', 'a😀é€b', '\u{10FFFF}x']

// Each variant puts one non-ASCII text in one field.
function variants(text) {
  return {
    nonce: { ...BASE, nonce: text },
    url: { ...BASE, url: `https://sandbox.example.com/paynet/api/v2/${encodeURIComponent(text)}/${text}?q=${text}` },
    consumerKey: { ...BASE, consumerKey: `merchant-${text}` },
    token: { ...BASE, token: `tok-${text}`, tokenSecret: `sec-${text}` },
    realm: { ...BASE, realm: `Réalm ${text}` },
    paramName: { ...BASE, params: [[`name-${text}`, 'v']] },
    paramValue: { ...BASE, params: [['balance-provider', `Test ${text}`]] },
    paramObject: { ...BASE, params: { [`k${text}`]: `v${text}`, plain: 'x' } },
    oauthExtra: { ...BASE, oauthExtra: [['oauth_callback', `https://cb.example/${text}`]] },
    secret: { ...BASE, consumerSecret: `secret-${text}` },
    everything: {
      ...BASE,
      url: `https://sandbox.example.com/${text}`,
      consumerKey: text,
      nonce: text,
      token: text,
      realm: text,
      params: [[text, text], ['b', text]],
      oauthExtra: [['oauth_callback', text]],
    },
  }
}

function outcome(f) {
  try {
    return { ok: { ...f() } }
  } catch (e) {
    return { failed: true }
  }
}

for (const text of TEXTS) {
  test(`sign = the oracle with ${JSON.stringify(text)} in each field`, () => {
    for (const [field, request] of Object.entries(variants(text))) {
      const fast = outcome(() => paynet.sign(request))
      const oracle = oracleSign(request)
      const careful = oracle.failed ? oracle : { ok: oracle }
      assert.deepEqual(fast, careful, `${field}: ${JSON.stringify(text)}`)
      if (fast.ok) {
        // The outputs are whole: the body is the form, not the tail of a packed reply.
        assert.ok(fast.ok.authorizationHeader.startsWith('OAuth '), field)
        assert.ok(fast.ok.authorizationHeader.endsWith('"'), field)
        assert.ok(!fast.ok.body.includes(':') || field === 'url', field)
        assert.equal(fast.ok.nonce, request.nonce, field)
      }
    }
  })

  test(`Signer#sign = sign with ${JSON.stringify(text)} in each field`, () => {
    for (const [field, request] of Object.entries(variants(text))) {
      const { consumerSecret, tokenSecret, ...rest } = request
      const signer = new paynet.Signer(consumerSecret, tokenSecret)
      const fast = outcome(() => signer.sign(rest))
      const careful = outcome(() => paynet.sign(request))
      assert.deepEqual(fast, careful, `${field}: ${JSON.stringify(text)}`)
    }
  })
}

test('a non-ASCII nonce signs and verifies through the packed path', () => {
  const request = { ...BASE, nonce: 'é' }
  const signed = paynet.sign(request)
  assert.equal(signed.nonce, 'é')
  assert.ok(signed.body.startsWith('balance-provider=Test&'), signed.body)
  assert.ok(signed.body.includes('oauth_nonce=%C3%A9'), signed.body)
  assert.ok(signed.authorizationHeader.includes('oauth_nonce="%C3%A9"'), signed.authorizationHeader)
  const verified = paynet.verify({
    method: request.method,
    url: request.url,
    body: signed.body,
    authorizationHeader: signed.authorizationHeader,
    consumerSecret: KEY,
    now: 1700000000,
  })
  assert.equal(verified.consumerKey, BASE.consumerKey)
})
