// The ESM entry exports the same objects as the CommonJS one.
import test from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'

import paynet, { sign, Signer, verify, parseResponse, Client } from '../index.mjs'

const require = createRequire(import.meta.url)

test('import and require give the same package', () => {
  const cjs = require('../main.js')
  assert.equal(sign, cjs.sign)
  assert.equal(Signer, cjs.Signer)
  assert.equal(verify, cjs.verify)
  assert.equal(parseResponse, cjs.parseResponse)
  assert.equal(Client, cjs.Client)
  assert.equal(paynet, cjs)
  const signed = sign({
    method: 'POST',
    url: 'https://sandbox.payneteasy.com/paynet/api/v2/get-balance/ENDPOINTID',
    params: { 'balance-provider': 'Test' },
    consumerKey: 'balance_test_merchant14',
    consumerSecret: 'F9F65098-1111-1111-1111-621611111111',
    timestamp: 1686923599,
    nonce: '2xGTFuAgetE',
  })
  assert.equal(signed.signature, 'CROVVmkEAaZtIzV8pkEZKiHgHps=')
})

test('every name that require gives, import gives as the same object', async () => {
  const cjs = require('../main.js')
  const esm = await import('../index.mjs')
  assert.deepEqual(Object.keys(esm).filter((k) => k !== 'default').sort(), Object.keys(cjs).sort())
  for (const name of Object.keys(cjs)) assert.equal(esm[name], cjs[name], name)
})
