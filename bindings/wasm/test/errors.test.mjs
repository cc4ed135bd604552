// Errors carry the layer's `code` (the Node addon's PAYNET_… codes) and name the field;
// the defaults come from the JavaScript host (Date.now, crypto.getRandomValues).
import test from 'node:test'
import assert from 'node:assert/strict'

import { paynet } from './support.mjs'
import { readFileSync } from 'node:fs'
import { wrongTypeCalls } from '../../../tests/js/wrong-types.mjs'
import { outcomes, differences } from '../../../tests/js/outcomes.mjs'

const base = {
  method: 'POST',
  url: 'https://sandbox.payneteasy.com/paynet/api/v2/get-balance/1',
  params: { 'balance-provider': 'Test' },
  consumerKey: 'balance_test_merchant14',
  consumerSecret: 'key',
  timestamp: 1686923599,
  nonce: 'abc',
}

function throwsCode(fn, code, pattern) {
  assert.throws(fn, (err) => {
    assert.ok(err instanceof Error, String(err))
    assert.equal(err.code, code, err.message)
    if (pattern) assert.match(err.message, pattern)
    return true
  })
}

test('bad arguments are PAYNET_INVALID_INPUT naming the field', () => {
  throwsCode(() => paynet.sign(undefined), 'PAYNET_INVALID_INPUT', /request must be an object/)
  throwsCode(() => paynet.sign({ ...base, consumerSecret: undefined }), 'PAYNET_INVALID_INPUT', /request\.consumerSecret is required/)
  throwsCode(() => paynet.sign({ ...base, method: 5 }), 'PAYNET_INVALID_INPUT', /request\.method must be a string, not a number/)
  throwsCode(() => paynet.sign({ ...base, timestamp: -1 }), 'PAYNET_INVALID_INPUT', /request\.timestamp/)
  throwsCode(() => paynet.sign({ ...base, timestamp: 1.5 }), 'PAYNET_INVALID_INPUT', /request\.timestamp/)
  throwsCode(() => paynet.sign({ ...base, timestamp: '12a' }), 'PAYNET_INVALID_INPUT', /timestamp/)
  throwsCode(() => paynet.sign({ ...base, params: { a: 1 } }), 'PAYNET_INVALID_INPUT', /request\.params\["a"\] must be a string/)
  throwsCode(() => paynet.sign({ ...base, params: [['a']] }), 'PAYNET_INVALID_INPUT', /request\.params\[0\] must be a \[name, value\] pair/)
  throwsCode(() => paynet.sign({ ...base, params: 'a=1' }), 'PAYNET_INVALID_INPUT', /request\.params must be an object/)
  throwsCode(() => paynet.sign({ ...base, consumerKey: 'a\uD800' }), 'PAYNET_INVALID_INPUT', /lone UTF-16 surrogate/)
  throwsCode(() => paynet.percentEncode('\uDC00\uFFFD'), 'PAYNET_INVALID_INPUT', /text holds a lone UTF-16 surrogate/)
  // U+FFFD itself is a character like any other (only a lone surrogate is refused).
  assert.equal(paynet.percentEncode('a\uFFFD'), 'a%EF%BF%BD')
  assert.equal(paynet.sign({ ...base, consumerKey: '\uFFFD' }).nonce, 'abc')
  throwsCode(() => new paynet.Signer(42), 'PAYNET_INVALID_INPUT', /consumerSecret must be a string/)
  throwsCode(() => paynet.percentEncode(null), 'PAYNET_INVALID_INPUT', /text must be a string/)
  throwsCode(() => paynet.parseResponse('get-balances', 200, ''), 'PAYNET_INVALID_INPUT', /unknown command/)
  throwsCode(() => paynet.parseResponse('get-balance', 200.5, ''), 'PAYNET_INVALID_INPUT', /not an HTTP status/)
  throwsCode(() => paynet.parseResponse('get-balance', 99, ''), 'PAYNET_INVALID_INPUT', /not an HTTP status/)
  throwsCode(() => paynet.parseResponse('get-balance', 200, 42), 'PAYNET_INVALID_INPUT', /body must be a string/)
})

test('the core refuses with its own codes', () => {
  throwsCode(() => paynet.sign({ ...base, url: 'not a url' }), 'PAYNET_MALFORMED_URL')
  throwsCode(() => paynet.sign({ ...base, method: 'PO ST' }), 'PAYNET_INVALID_METHOD')
  // An empty nonce: the core's kind, as in Python, C and the CLI, naming the nonce.
  throwsCode(() => paynet.sign({ ...base, nonce: '' }), 'PAYNET_INVALID_PARAMETER', /^the nonce must not be empty \(leave it out for a fresh one\)$/)
})

test('verify says what failed', () => {
  const signed = paynet.sign(base)
  const received = {
    method: 'POST',
    url: base.url,
    body: signed.body,
    authorizationHeader: signed.authorizationHeader,
    consumerSecret: 'key',
    now: base.timestamp,
  }
  assert.equal(paynet.verify(received).consumerKey, base.consumerKey)
  assert.equal(paynet.verify(received).token, undefined)
  throwsCode(() => paynet.verify({ ...received, consumerSecret: 'other' }), 'PAYNET_SIGNATURE_MISMATCH')
  throwsCode(() => paynet.verify({ ...received, now: base.timestamp + 301 }), 'PAYNET_TIMESTAMP_OUT_OF_WINDOW')
  assert.equal(paynet.verify({ ...received, now: base.timestamp + 301, window: 400 }).nonce, 'abc')
  throwsCode(() => paynet.verify({ ...received, authorizationHeader: 'Basic x' }), 'PAYNET_MALFORMED_HEADER')
  // Without `now`, the host's clock: a request signed in 2023 is out of the window.
  throwsCode(() => paynet.verify({ ...received, now: undefined }), 'PAYNET_TIMESTAMP_OUT_OF_WINDOW')
})

test('defaults: the time from Date.now(), nonces from crypto.getRandomValues', () => {
  const before = Math.floor(Date.now() / 1000)
  const { timestamp, nonce, ...rest } = base
  const a = paynet.sign(rest)
  const b = paynet.sign(rest)
  const after = Math.floor(Date.now() / 1000)
  assert.ok(Number(a.timestamp) >= before && Number(a.timestamp) <= after, a.timestamp)
  assert.match(a.nonce, /^[A-Za-z0-9]{16}$/)
  assert.notEqual(a.nonce, b.nonce)
  // And what was signed with the defaults verifies with the default clock.
  const v = paynet.verify({
    method: 'POST', url: base.url, body: a.body, authorizationHeader: a.authorizationHeader, consumerSecret: 'key',
  })
  assert.equal(v.nonce, a.nonce)
})

test('version null leaves oauth_version out; a Map of params is read like pairs', () => {
  const without = paynet.sign({ ...base, version: null })
  assert.ok(!without.normalizedParameters.includes('oauth_version'))
  assert.ok(paynet.sign(base).normalizedParameters.includes('oauth_version=1.0'))
  const fromMap = paynet.sign({ ...base, params: new Map([['balance-provider', 'Test']]) })
  assert.equal(fromMap.signature, paynet.sign(base).signature)
})

test('a gateway error keeps the gateway message; a 403 its status and body', () => {
  assert.throws(
    () => paynet.parseResponse('get-balance', 403, 'nope'),
    (err) => err.code === 'PAYNET_ACCESS_DENIED' && err.status === 403 && err.body === 'nope',
  )
})

test('commandRequest builds what the Request Builder signs', () => {
  const r = paynet.commandRequest({ gateway: 'payneteasy-sandbox', command: 'get-balance', subject: '1', name: 'Test' })
  assert.deepEqual(r, {
    method: 'POST',
    url: 'https://sandbox.payneteasy.com/paynet/api/v2/get-balance/1',
    params: [['balance-provider', 'Test']],
  })
  const m = paynet.commandRequest({ gateway: 'https://gw.example/paynet/api/v2', command: 'get-balance/manager', subject: 'a b' })
  assert.deepEqual(m, { method: 'POST', url: 'https://gw.example/paynet/api/v2/get-balance/manager/a%20b', params: [] })
  throwsCode(() => paynet.commandRequest({ gateway: 'nowhere', command: 'get-balance', subject: '1', name: 'T' }), 'PAYNET_INVALID_INPUT')
  throwsCode(() => paynet.commandRequest({ gateway: 'payneteasy-sandbox', command: 'get-balance', subject: '1' }), 'PAYNET_INVALID_INPUT', /balance provider/)
})

test('signCommand signs a command as the clients do: the control key trimmed, an empty key or login refused', () => {
  const args = {
    gateway: 'payneteasy-sandbox', command: 'get-balance', subject: '1', name: 'Test',
    login: 'balance_test_merchant14', controlKey: 'KEY', timestamp: '1686923599', nonce: '2xGTFuAgetE',
  }
  const signed = paynet.signCommand(args)
  const request = paynet.commandRequest(args)
  const plain = paynet.sign({ ...request, consumerKey: args.login, consumerSecret: 'KEY', timestamp: args.timestamp, nonce: args.nonce })
  assert.deepEqual(signed, { ...plain, method: 'POST', url: request.url })
  assert.equal(paynet.signCommand({ ...args, controlKey: ' KEY\n' }).signature, plain.signature)
  throwsCode(() => paynet.signCommand({ ...args, controlKey: ' \n' }), 'PAYNET_INVALID_INPUT', /^the control key must not be empty$/)
  throwsCode(() => paynet.signCommand({ ...args, login: '' }), 'PAYNET_INVALID_INPUT', /^login must not be empty$/)
  throwsCode(() => paynet.signCommand({ ...args, login: 'l'.repeat(257) }), 'PAYNET_INVALID_INPUT', /longer than 256/)
})

test('errorKinds is the layer table: every PaynetErrorCode of index.d.ts, in number order', async () => {
  const { readFile } = await import('node:fs/promises')
  const types = await readFile(new URL('../index.d.ts', import.meta.url), 'utf8')
  const union = types.slice(types.indexOf('export type PaynetErrorCode'))
  const declared = [...union.slice(0, union.indexOf('\n\n')).matchAll(/'(PAYNET_[A-Z0-9_]+)'/g)].map((m) => m[1])
  const kinds = paynet.errorKinds()
  assert.deepEqual(kinds.map((k) => k.code), declared)
  assert.ok(kinds.every((k, i) => i === 0 || kinds[i - 1].number < k.number))
  assert.equal(kinds.find((k) => k.code === 'PAYNET_ACCESS_DENIED').number, 201)
})

test('signForm reads a control key as the Client does: surrounding white space dropped, empty refused', () => {
  const base = { method: 'POST', url: 'https://h/p', body: 'a=1', login: 'me', timestamp: 1700000000, nonce: 'fixed' }
  const plain = paynet.signForm({ ...base, controlKey: 'K' })
  for (const padded of [' K', 'K\n', '\tK\r\n']) {
    assert.equal(paynet.signForm({ ...base, controlKey: padded }).authorization, plain.authorization, JSON.stringify(padded))
  }
  throwsCode(() => paynet.signForm({ ...base, controlKey: ' \n' }), 'PAYNET_INVALID_INPUT', /^the control key must not be empty$/)
})

test('signForm signs what fetch will send: the body fields and the query, verified by verify', () => {
  const url = 'https://gw.example/paynet/api/v2/get-balance/1?x=1'
  for (const body of ['balance-provider=Test', new URLSearchParams({ 'balance-provider': 'Test' }), new TextEncoder().encode('balance-provider=Test')]) {
    const s = paynet.signForm({ method: 'POST', url, body, login: 'me', controlKey: 'key', timestamp: 1686923599, nonce: 'n1' })
    assert.equal(s.contentType, 'application/x-www-form-urlencoded')
    assert.match(s.body, /^balance-provider=Test&oauth_consumer_key=me&/)
    const v = paynet.verify({ method: 'POST', url, body: s.body, authorizationHeader: s.authorization, consumerSecret: 'key', now: 1686923599 })
    assert.equal(v.consumerKey, 'me')
    const direct = paynet.sign({ method: 'POST', url, params: { 'balance-provider': 'Test' }, consumerKey: 'me', consumerSecret: 'key', timestamp: 1686923599, nonce: 'n1' })
    assert.equal(s.authorization, direct.authorizationHeader)
  }
  throwsCode(() => paynet.signForm({ method: 'POST', url, body: '{}', contentType: 'application/json', login: 'me', controlKey: 'k' }), 'PAYNET_INVALID_INPUT', /form-urlencoded/)
  throwsCode(() => paynet.signForm({ method: 'POST', url, body: {}, login: 'me', controlKey: 'k' }), 'PAYNET_INVALID_INPUT', /request\.body/)
  const fresh = paynet.signForm({ method: 'POST', url, body: '', login: 'me', controlKey: 'k' })
  assert.match(fresh.authorization, /oauth_nonce="[A-Za-z0-9]{16}"/)
})

test('an exception from a getter or the host is described by its message, not a debug dump', () => {
  const throwing = (what) => Object.defineProperty({ ...base }, 'method', {
    get() {
      throw what
    },
  })
  throwsCode(() => paynet.sign(throwing(new TypeError('boom'))), 'PAYNET_INVALID_INPUT', /^cannot read request\.method: boom$/)
  throwsCode(() => paynet.sign(throwing('plain text')), 'PAYNET_INVALID_INPUT', /^cannot read request\.method: plain text$/)
  throwsCode(() => paynet.sign(throwing(42)), 'PAYNET_INVALID_INPUT', /^cannot read request\.method: number$/)
})

// Every function and constructor, given arguments of every wrong type
// (tests/js/wrong-types.mjs, shared with the Node addon's test), throws or rejects with
// an error whose `code` is in the error-kind table, and words the type as the addon does.
test('wrong argument types give PAYNET_INVALID_INPUT from every entry point', async () => {
  const codes = new Set(paynet.errorKinds().map((k) => k.code))
  for await (const { label, error } of wrongTypeCalls(paynet)) {
    assert.ok(error, `${label} did not throw`)
    assert.ok(codes.has(error.code), `${label} threw ${error.code} ${error.message}`)
  }
  for (const [v, words] of [[5, 'a number'], [[], 'an array'], [{}, 'an object'], [true, 'a boolean']]) {
    throwsCode(() => paynet.sign({ ...base, token: v }), 'PAYNET_INVALID_INPUT',
      new RegExp(`request\\.token must be a string, not ${words}$`))
  }
})

// Every entry point, with each argument and each field of every type, answers as
// tests/js/outcomes.json says, word for word: the Node addon's test checks the same
// file, so the two packages cannot drift apart. (Before it, 49 of the calls above were
// worded differently, `signForm` took a missing body as empty, `parseResponse` showed
// `inf` for Infinity in Node, and a call's options of the wrong type were ignored.)
test('every argument of every type gives the outcome both JavaScript packages give', async () => {
  const expected = JSON.parse(readFileSync(new URL('../../../tests/js/outcomes.json', import.meta.url), 'utf8'))
  const diff = differences(expected, await outcomes(paynet))
  assert.equal(diff.length, 0, `${diff.length} outcomes differ from tests/js/outcomes.json:\n${diff.slice(0, 20).join('\n')}`)
})
