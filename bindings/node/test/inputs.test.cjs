'use strict'
// Inputs that were misread (issue 12, finding 8): parseResponse's status is a whole
// number from 100 to 599 (it used to wrap modulo 2^32: 4294967496 read as 200), and a
// Map of params (or oauthExtra) is read like an array of pairs (it used to be dropped).
const test = require('node:test')
const assert = require('node:assert/strict')

const paynet = require('../main.js')

test('parseResponse: a status that is not an HTTP status is PAYNET_INVALID_INPUT', () => {
  for (const status of [4294967496, 4294967296 + 403, 2 ** 53, 65536, 600, 99, 0, -1, -4294967096, 200.5, NaN, Infinity, -Infinity]) {
    assert.throws(
      () => paynet.parseResponse('get-balance', status, 'balance-amount=29.99'),
      (err) => err.code === 'PAYNET_INVALID_INPUT' && /status/.test(err.message),
      String(status),
    )
  }
  assert.equal(paynet.parseResponse('get-balance', 200, 'balance-amount=29.99').balanceAmount, '29.99')
  assert.throws(() => paynet.parseResponse('get-balance', 500, 'oops'), { code: 'PAYNET_HTTP_ERROR' })
  assert.throws(() => paynet.parseResponse('get-balance', 403, 'no'), { code: 'PAYNET_ACCESS_DENIED' })
})

const REQUEST = {
  method: 'POST',
  url: 'https://sandbox.example.com/paynet/api/v2/get-balance/1',
  consumerKey: 'balance_test_merchant14',
  consumerSecret: 'secret',
  timestamp: 1700000000,
  nonce: 'abc',
}

test('sign: a Map of params is read like an array of pairs, sign and Signer#sign', () => {
  const pairs = [['balance-provider', 'Test'], ['z', '1'], ['a', 'é']]
  const extra = [['oauth_callback', 'oob']]
  const expected = paynet.sign({ ...REQUEST, params: pairs, oauthExtra: extra })
  assert.ok(expected.normalizedParameters.includes('balance-provider=Test'))
  const withMap = paynet.sign({ ...REQUEST, params: new Map(pairs), oauthExtra: new Map(extra) })
  assert.deepEqual({ ...withMap }, { ...expected })
  const signer = new paynet.Signer('secret')
  const { consumerSecret, ...rest } = REQUEST
  assert.deepEqual({ ...signer.sign({ ...rest, params: new Map(pairs), oauthExtra: new Map(extra) }) }, { ...expected })
  // A Map with a non-string value is refused, like the same array.
  assert.throws(() => paynet.sign({ ...REQUEST, params: new Map([['a', 1]]) }), { code: 'PAYNET_INVALID_INPUT' })
})
