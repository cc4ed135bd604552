'use strict'
// The error-kind table from Node (issue 13; issue 17): `errorKinds()` is the layer's
// table, the `PaynetErrorCode` union in index.d.ts lists exactly its codes (so they
// cannot drift), and `isPaynetError` narrows errors of this package.
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')

const paynet = require('../main.js')

// The string literals of `export type PaynetErrorCode = | '...' | '...'` in index.d.ts.
function unionInDts() {
  const dts = fs.readFileSync(path.join(__dirname, '..', 'index.d.ts'), 'utf8')
  const match = /export type PaynetErrorCode =([^;]*?)\n\n/.exec(dts)
  assert.ok(match, 'index.d.ts declares PaynetErrorCode')
  return [...match[1].matchAll(/'([A-Z_0-9]+)'/g)].map((m) => m[1])
}

test('the PaynetErrorCode union in index.d.ts is the native table, in order', () => {
  const kinds = paynet.errorKinds()
  assert.ok(kinds.length >= 29)
  assert.deepEqual(unionInDts(), kinds.map((k) => k.code))
  for (const k of kinds) {
    assert.match(k.code, /^PAYNET_[A-Z_0-9]+$/)
    assert.equal(typeof k.number, 'number')
    assert.ok(k.summary.length > 0)
  }
  assert.equal(kinds.find((k) => k.code === 'PAYNET_SIGNATURE_MISMATCH').number, 14)
})

test('every code an error carries is in the table; isPaynetError tells them apart', () => {
  const codes = new Set(paynet.errorKinds().map((k) => k.code))
  const errors = []
  for (const bad of [() => paynet.sign({}), () => paynet.sign({ method: 'POST', url: 'x', consumerKey: 'k', consumerSecret: 's' }),
    () => paynet.parseResponse('get-balance', 403, 'no'), () => paynet.parseResponse('nope', 200, '')]) {
    try {
      bad()
    } catch (e) {
      errors.push(e)
    }
  }
  assert.equal(errors.length, 4)
  for (const e of errors) {
    assert.ok(codes.has(e.code), e.code)
    assert.ok(paynet.isPaynetError(e))
  }
  assert.deepEqual(errors.map((e) => e.code), ['PAYNET_INVALID_INPUT', 'PAYNET_MALFORMED_URL', 'PAYNET_ACCESS_DENIED', 'PAYNET_INVALID_INPUT'])
  const plain = new Error('x')
  assert.equal(paynet.isPaynetError(plain), false)
  assert.equal(paynet.isPaynetError(Object.assign(new Error('x'), { code: 'ENOENT' })), false)
  assert.equal(paynet.isPaynetError({ code: 'PAYNET_INTERNAL' }), false)
  assert.equal(paynet.isPaynetError(undefined), false)
})

test('percentEncode, command spellings, verify returns the token', () => {
  assert.equal(paynet.percentEncode('a b+~é😀'), 'a%20b%2B~%C3%A9%F0%9F%98%80')
  for (const command of ['get-balance', 'endpoint_balance', 'getBalance']) {
    assert.equal(paynet.parseResponse(command, 200, 'balance-amount=1.50').balanceAmount, '1.50')
  }
  assert.deepEqual(paynet.parseResponse('getManagerBalances', 200, '[]'), [])
  const request = { method: 'POST', url: 'https://h/p', consumerKey: 'k', consumerSecret: 's', token: 'tok én', tokenSecret: 't', timestamp: 1000, nonce: 'n' }
  const signed = paynet.sign(request)
  const verified = paynet.verify({ method: 'POST', url: 'https://h/p', body: signed.body, authorizationHeader: signed.authorizationHeader, consumerSecret: 's', tokenSecret: 't', now: 1000 })
  assert.deepEqual(verified, { consumerKey: 'k', token: 'tok én', nonce: 'n', timestamp: 1000 })
})

test('__napiBindingTarget, declared in index.d.ts, is defined at run time', async () => {
  assert.equal(paynet.__napiBindingTarget, 'native')
  const esm = await import('../index.mjs')
  assert.equal(esm.__napiBindingTarget, 'native')
})

// The field names of `export interface NAME { ... }` in index.d.ts.
function interfaceFields(name) {
  const dts = fs.readFileSync(path.join(__dirname, '..', 'index.d.ts'), 'utf8')
  const match = new RegExp(`export interface ${name} \\{([\\s\\S]*?)\\n\\}`).exec(dts)
  assert.ok(match, `index.d.ts declares ${name}`)
  return [...match[1].matchAll(/^ {2}([A-Za-z]+)\??:/gm)].map((m) => m[1])
}

test('Balance and EndpointBalance in index.d.ts have the keys the native objects have', () => {
  const [balance] = paynet.parseResponse('get-balance/manager', 200, '[{"name":"saa","amount":1.5,"currency":"USD"}]')
  assert.deepEqual(interfaceFields('Balance'), Object.keys(balance))
  assert.equal(balance.merchantLogin, null)
  const endpoint = paynet.parseResponse('get-balance', 200, 'balance-amount=1&x=y')
  assert.deepEqual(interfaceFields('EndpointBalance'), Object.keys(endpoint))
  assert.deepEqual(endpoint.extra, { x: 'y' })
})

// Every function and constructor of the package, given arguments of every wrong type
// (tests/js/wrong-types.mjs, shared with the wasm build's test), throws or rejects with
// an error of this package: a `PAYNET_*` code, never napi's own `StringExpected` /
// `InvalidArg` (percentEncode(5) did, before it checked its argument in main.js).
test('wrong argument types give PAYNET_INVALID_INPUT from every entry point', async () => {
  const { wrongTypeCalls } = await import('../../../tests/js/wrong-types.mjs')
  for await (const { label, error } of wrongTypeCalls(paynet)) {
    assert.ok(error, `${label} did not throw`)
    assert.ok(paynet.isPaynetError(error), `${label} threw ${error.code} ${error.message}`)
  }
  assert.throws(() => paynet.percentEncode(5), { code: 'PAYNET_INVALID_INPUT', message: 'percentEncode: text must be a string, not a number' })
})

// Every entry point, with each argument and each field of every type, answers as
// tests/js/outcomes.json says, word for word: the WebAssembly build's test checks the
// same file, so the two packages cannot drift apart. (Before it, `verify` with
// `now: null`, `signForm` with `nonce: null` and `Client` with `timeoutMs: null`
// threw napi's own NumberExpected/StringExpected, not a PAYNET_* error.)
test('every argument of every type gives the outcome both JavaScript packages give', async () => {
  const { outcomes, differences } = await import('../../../tests/js/outcomes.mjs')
  const expected = require('../../../tests/js/outcomes.json')
  const diff = differences(expected, await outcomes(paynet))
  assert.equal(diff.length, 0, `${diff.length} outcomes differ from tests/js/outcomes.json:\n${diff.slice(0, 20).join('\n')}`)
})
