// Every case of tests/vectors/oauth1-signing.json and responses.json through the wasm
// package under Node (ESM): `sign`, `Signer#sign`, `verify` of what was signed, the
// percent-encoding pairs, and `parseResponse` with a string and a Uint8Array body.
import test from 'node:test'
import assert from 'node:assert/strict'

import { paynet, load, requestOf, camel } from './support.mjs'

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
    const signed = paynet.sign(request)
    expectOutputs(c, signed)

    const { consumerSecret, tokenSecret, ...rest } = request
    const signer = new paynet.Signer(consumerSecret, tokenSecret)
    const again = signer.sign(rest)
    expectOutputs(c, again)
    assert.equal(again.authorizationHeader, signed.authorizationHeader)
    assert.equal(again.body, signed.body)

    const received = {
      method: c.method,
      url: c.url,
      body: signed.body,
      authorizationHeader: signed.authorizationHeader,
      now: Number(c.timestamp),
    }
    for (const verified of [
      paynet.verify({ ...received, consumerSecret, tokenSecret }),
      signer.verify(received),
    ]) {
      assert.equal(verified.consumerKey, c.consumer_key)
      assert.equal(verified.nonce, c.nonce)
      assert.equal(verified.timestamp, Number(c.timestamp))
      assert.equal(verified.token, c.token)
    }
    signer.free()
  })
}

test('percent-encoding vectors (percentEncode and the normalized parameters)', () => {
  for (const [raw, encoded] of signing.encode) {
    assert.equal(paynet.percentEncode(raw), encoded, JSON.stringify(raw))
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

const CODES = {
  gateway_error: 'PAYNET_GATEWAY_ERROR',
  access_denied: 'PAYNET_ACCESS_DENIED',
  http_error: 'PAYNET_HTTP_ERROR',
  unexpected_response: 'PAYNET_UNEXPECTED_RESPONSE',
}

for (const c of responses.cases) {
  test(`response vector ${c.id}`, () => {
    const e = c.expect
    for (const body of [c.body, new TextEncoder().encode(c.body)]) {
      if (e.kind === 'endpoint_balance') {
        const result = paynet.parseResponse(c.endpoint, c.status, body)
        assert.equal(result.balanceAmount, e.balance_amount)
        assert.equal(typeof result.balanceAmount, 'string')
      } else if (e.kind === 'balances') {
        const result = paynet.parseResponse(c.endpoint, c.status, body)
        assert.ok(Array.isArray(result))
        assert.equal(result.length, e.balances.length)
        result.forEach((got, i) => {
          for (const [k, v] of Object.entries(camel(e.balances[i]))) {
            assert.deepEqual(got[k], v, `${c.id}[${i}].${k}`)
          }
        })
      } else {
        assert.ok(CODES[e.kind], `unknown kind ${e.kind}`)
        assert.throws(
          () => paynet.parseResponse(c.endpoint, c.status, body),
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
