'use strict'
// Every case of tests/vectors/oauth1-signing.json and responses.json, through every
// entry point: `sign`, `Signer#sign`, and `verify` of what was signed.
const test = require('node:test')
const assert = require('node:assert/strict')

const paynet = require('../main.js')
const { load, requestOf } = require('./support/vectors.cjs')

const signing = load('oauth1-signing.json')
const responses = load('responses.json')

test('the vector files are not empty', () => {
  assert.ok(signing.cases.length >= 15)
  assert.ok(signing.encode.length >= 10)
  assert.ok(responses.cases.length >= 10)
})

function expectOutputs(c, signed) {
  assert.equal(signed.normalizedParameters, c.expect.normalized_parameters)
  assert.equal(signed.baseString, c.expect.base_string)
  assert.equal(signed.signature, c.expect.signature)
  assert.ok(
    signed.authorizationHeader.includes(`oauth_signature="${encodeURIComponent(c.expect.signature)}"`),
    signed.authorizationHeader,
  )
  assert.equal(signed.timestamp, c.timestamp)
  assert.equal(signed.nonce, c.nonce)
}

for (const c of signing.cases) {
  test(`signing vector ${c.id}`, () => {
    const request = requestOf(c)
    const fast = paynet.sign(request)
    expectOutputs(c, fast)
    const { consumerSecret, tokenSecret, ...rest } = request
    const signer = new paynet.Signer(consumerSecret, tokenSecret)
    const careful = signer.sign(rest)
    expectOutputs(c, careful)
    assert.equal(fast.authorizationHeader, careful.authorizationHeader)
    assert.equal(fast.body, careful.body)

    // What was signed verifies, with the query in the URL and the body as sent.
    const verified = paynet.verify({
      method: c.method,
      url: c.url,
      body: fast.body,
      authorizationHeader: fast.authorizationHeader,
      consumerSecret,
      tokenSecret,
      now: Number(c.timestamp),
    })
    assert.equal(verified.consumerKey, c.consumer_key)
    assert.equal(verified.nonce, c.nonce)
    assert.equal(verified.timestamp, Number(c.timestamp))
  })
}

test('percent-encoding vectors (through the normalized parameters)', () => {
  for (const [raw, encoded] of signing.encode) {
    const signed = paynet.sign({
      method: 'POST',
      url: 'https://example.com/x',
      params: [['v', raw]],
      consumerKey: 'k',
      consumerSecret: 's',
      timestamp: 1,
      nonce: 'n',
      version: null,
    })
    assert.equal(
      signed.normalizedParameters,
      `oauth_consumer_key=k&oauth_nonce=n&oauth_signature_method=HMAC-SHA1&oauth_timestamp=1&v=${encoded}`,
      JSON.stringify(raw),
    )
  }
})

const COMMANDS = {
  'get-balance': 'get-balance',
  'get-balance/manager': 'get-balance/manager',
  'get-balance/merchant': 'get-balance/merchant',
}

const CODES = {
  gateway_error: 'PAYNET_GATEWAY_ERROR',
  access_denied: 'PAYNET_ACCESS_DENIED',
  http_error: 'PAYNET_HTTP_ERROR',
  unexpected_response: 'PAYNET_UNEXPECTED_RESPONSE',
}

// The vectors' snake_case balance fields, in the package's camelCase.
function camel(balance) {
  const out = {}
  for (const [k, v] of Object.entries(balance)) {
    out[k.replace(/_([a-z])/g, (_, ch) => ch.toUpperCase())] = v
  }
  return out
}

for (const c of responses.cases) {
  test(`response vector ${c.id}`, () => {
    const command = COMMANDS[c.endpoint]
    assert.ok(command, `unknown endpoint ${c.endpoint}`)
    const e = c.expect
    for (const body of [c.body, Buffer.from(c.body, 'utf8')]) {
      if (e.kind === 'endpoint_balance') {
        const result = paynet.parseResponse(command, c.status, body)
        assert.equal(result.balanceAmount, e.balance_amount)
        assert.equal(typeof result.balanceAmount, 'string')
      } else if (e.kind === 'balances') {
        const result = paynet.parseResponse(command, c.status, body)
        assert.ok(Array.isArray(result))
        assert.equal(result.length, e.balances.length)
        result.forEach((got, i) => {
          const want = camel(e.balances[i])
          for (const [k, v] of Object.entries(want)) {
            assert.deepEqual(got[k], v, `${c.id}[${i}].${k}`)
          }
        })
      } else {
        assert.throws(
          () => paynet.parseResponse(command, c.status, body),
          (err) => {
            assert.ok(err instanceof Error)
            assert.equal(err.code, CODES[e.kind], `${c.id}: ${err.message}`)
            if (e.message !== undefined) assert.equal(err.gatewayMessage, e.message)
            if (e.status !== undefined) assert.equal(err.status, e.status)
            if (e.kind !== 'gateway_error') assert.equal(err.body, c.body)
            return true
          },
        )
      }
    }
  })
}
