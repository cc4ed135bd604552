'use strict'
// The reusable buffer of the signing path (main.js + src/signing.rs): the request is
// written into it and the outputs come back behind it. Outputs larger than the room
// made for them (percent-encoding makes a non-ASCII text up to 15 times longer in the
// base string) make it grow and the call repeat; a smaller request after a large one
// reads only its own outputs.
const test = require('node:test')
const assert = require('node:assert/strict')

const paynet = require('../main.js')
const { oracleSign } = require('./support/oracle.cjs')

const BASE = {
  method: 'POST',
  url: 'https://sandbox.example.com/paynet/api/v2/get-balance/1',
  params: [['balance-provider', 'Test']],
  consumerKey: 'balance_test_merchant14',
  consumerSecret: 'F9F65098-1111-1111-1111-621611111111',
  timestamp: 1700000000,
  nonce: 'n0nce',
}

test('outputs larger than the buffer: it grows, the outputs equal the oracle', () => {
  for (const size of [1000, 3000, 20000]) {
    const request = { ...BASE, params: [['big', '€'.repeat(size)], ['b', 'x'.repeat(size)]], realm: '日'.repeat(size) }
    const fast = paynet.sign(request)
    assert.deepEqual({ ...fast }, oracleSign(request), `size ${size}`)
    const { consumerSecret, ...rest } = request
    assert.deepEqual({ ...new paynet.Signer(consumerSecret).sign(rest) }, { ...fast }, `Signer, size ${size}`)
    // A small request after a large one: only its own outputs.
    assert.deepEqual({ ...paynet.sign(BASE) }, oracleSign(BASE))
  }
})
