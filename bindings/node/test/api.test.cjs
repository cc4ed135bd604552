'use strict'
// sign / Signer / verify: defaults, both input shapes, errors with stable codes, and
// no secret in anything util.inspect can reach.
const test = require('node:test')
const assert = require('node:assert/strict')
const util = require('node:util')

const paynet = require('../main.js')
const native = require('../index.js')
const { oracleSign } = require('./support/oracle.cjs')

// `sign` through a Signer made for the request (the second entry point of the one path).
function signerSign(r) {
  const signer = typeof r === 'object' && r !== null ? new paynet.Signer(r.consumerSecret, r.tokenSecret) : new paynet.Signer('k')
  return signer.sign(r)
}

const KEY = 'F9F65098-1111-1111-1111-621611111111'
const GET_BALANCE = {
  method: 'POST',
  url: 'https://sandbox.payneteasy.com/paynet/api/v2/get-balance/ENDPOINTID',
  params: { 'balance-provider': 'Test' },
  consumerKey: 'balance_test_merchant14',
  consumerSecret: KEY,
  timestamp: 1686923599,
  nonce: '2xGTFuAgetE',
}
const SIGNATURE = 'CROVVmkEAaZtIzV8pkEZKiHgHps='

function throwsCode(fn, code) {
  assert.throws(fn, (err) => {
    assert.ok(err instanceof Error)
    assert.equal(err.code, code, err.message)
    return true
  })
}

test('the docs example: object params, array params, string timestamp', () => {
  assert.equal(paynet.sign(GET_BALANCE).signature, SIGNATURE)
  assert.equal(paynet.sign({ ...GET_BALANCE, params: [['balance-provider', 'Test']] }).signature, SIGNATURE)
  assert.equal(paynet.sign({ ...GET_BALANCE, timestamp: '1686923599' }).signature, SIGNATURE)
  assert.equal(new paynet.Signer(KEY).sign(GET_BALANCE).signature, SIGNATURE)
  assert.equal(new paynet.Signer(KEY, '').sign(GET_BALANCE).signature, SIGNATURE)
})

test('sign agrees with the paynet CLI (the oracle), outputs are plain strings', () => {
  const fast = paynet.sign(GET_BALANCE)
  const careful = oracleSign(GET_BALANCE)
  assert.deepEqual({ ...fast }, careful)
  assert.deepEqual(JSON.parse(JSON.stringify(fast)), careful)
  for (const v of Object.values(fast)) assert.equal(typeof v, 'string')
})

test('defaults: timestamp now, a fresh 16-character nonce, version 1.0', () => {
  const { timestamp, nonce, ...request } = GET_BALANCE
  const before = Math.floor(Date.now() / 1000)
  const nonces = new Set()
  const reused = new paynet.Signer(KEY)
  for (const sign of [paynet.sign, (r) => reused.sign(r), (r) => new paynet.Signer(KEY).sign(r)]) {
    for (let i = 0; i < 50; i++) {
      const signed = sign(request)
      assert.match(signed.nonce, /^[A-Za-z0-9]{16}$/)
      nonces.add(signed.nonce)
      const ts = Number(signed.timestamp)
      assert.ok(ts >= before && ts <= before + 5, signed.timestamp)
      assert.ok(signed.authorizationHeader.includes(`oauth_nonce="${signed.nonce}"`))
      assert.ok(signed.baseString.includes(`oauth_nonce%3D${signed.nonce}`))
      assert.ok(signed.normalizedParameters.includes('oauth_version=1.0'))
      // What was signed with generated values verifies.
      paynet.verify({
        method: request.method,
        url: request.url,
        body: signed.body,
        authorizationHeader: signed.authorizationHeader,
        consumerSecret: KEY,
      })
    }
  }
  assert.equal(nonces.size, 150)
})

test('version: null leaves oauth_version out; realm goes into the header only', () => {
  for (const sign of [paynet.sign, signerSign]) {
    const signed = sign({ ...GET_BALANCE, version: null, realm: 'Photos' })
    assert.ok(!signed.normalizedParameters.includes('oauth_version'))
    assert.ok(!signed.authorizationHeader.includes('oauth_version'))
    assert.ok(signed.authorizationHeader.startsWith('OAuth realm="Photos"'))
    assert.notEqual(signed.signature, SIGNATURE)
    assert.equal(signed.signature, paynet.sign({ ...GET_BALANCE, version: null }).signature)
  }
})

test('bad input: PAYNET_INVALID_INPUT naming the field, for both paths', () => {
  const cases = [
    [undefined, /request/],
    [null, /request/],
    ['POST', /request/],
    [{ ...GET_BALANCE, method: undefined }, /method/],
    [{ ...GET_BALANCE, url: 5 }, /url/],
    [{ ...GET_BALANCE, consumerSecret: undefined }, /consumerSecret/],
    [{ ...GET_BALANCE, params: 'a=b' }, /params/],
    [{ ...GET_BALANCE, params: { a: 1 } }, /params/],
    [{ ...GET_BALANCE, params: [['a']] }, /params/],
    [{ ...GET_BALANCE, params: [['a', null]] }, /params/],
    [{ ...GET_BALANCE, timestamp: -1 }, /timestamp/],
    [{ ...GET_BALANCE, timestamp: 1.5 }, /timestamp/],
    [{ ...GET_BALANCE, timestamp: 'yesterday' }, /timestamp/],
    [{ ...GET_BALANCE, timestamp: {} }, /timestamp/],
    [{ ...GET_BALANCE, nonce: 7 }, /nonce/],
    [{ ...GET_BALANCE, version: 1 }, /version/],
    [{ ...GET_BALANCE, tokenSecret: 3 }, /tokenSecret/],
    [{ ...GET_BALANCE, url: 'https://x/\ud800' }, /surrogate|url/],
  ]
  for (const [request, field] of cases) {
    for (const sign of [paynet.sign, signerSign]) {
      assert.throws(
        () => sign(request),
        (err) => err instanceof Error && err.code === 'PAYNET_INVALID_INPUT' && field.test(err.message),
        util.inspect(request),
      )
    }
  }
})

test('core errors: one code each', () => {
  for (const sign of [paynet.sign, signerSign]) {
    throwsCode(() => sign({ ...GET_BALANCE, url: 'no-scheme' }), 'PAYNET_MALFORMED_URL')
    throwsCode(() => sign({ ...GET_BALANCE, method: 'PO ST' }), 'PAYNET_INVALID_METHOD')
    throwsCode(() => sign({ ...GET_BALANCE, url: 'https://x/p?a=%zz' }), 'PAYNET_INVALID_PERCENT_ENCODING')
    throwsCode(() => sign({ ...GET_BALANCE, params: [['oauth_signature', 'x']] }), 'PAYNET_INVALID_PARAMETER')
    // An empty nonce: the core's kind, as in Python, C and the CLI, naming the nonce.
    assert.throws(() => sign({ ...GET_BALANCE, nonce: '' }), {
      code: 'PAYNET_INVALID_PARAMETER',
      message: 'the nonce must not be empty (leave it out for a fresh one)',
    })
    const many = Array.from({ length: 100 }, (_, i) => [`p${i}`, 'v'])
    throwsCode(() => sign({ ...GET_BALANCE, params: many }), 'PAYNET_TOO_MANY_PARAMETERS')
  }
})

test('verify: accepts what was signed, refuses changes with the right code', () => {
  const signed = paynet.sign(GET_BALANCE)
  const incoming = {
    method: 'POST',
    url: GET_BALANCE.url,
    body: signed.body,
    authorizationHeader: signed.authorizationHeader,
    consumerSecret: KEY,
    now: GET_BALANCE.timestamp + 10,
  }
  assert.deepEqual(paynet.verify(incoming), {
    consumerKey: 'balance_test_merchant14',
    nonce: '2xGTFuAgetE',
    timestamp: 1686923599,
  })
  const signer = new paynet.Signer(KEY)
  const { consumerSecret, ...withoutSecret } = incoming
  assert.equal(signer.verify(withoutSecret).nonce, '2xGTFuAgetE')
  throwsCode(() => paynet.verify({ ...incoming, consumerSecret: 'other' }), 'PAYNET_SIGNATURE_MISMATCH')
  throwsCode(() => paynet.verify({ ...incoming, body: signed.body.replace('Test', 'Tesu') }), 'PAYNET_SIGNATURE_MISMATCH')
  throwsCode(() => paynet.verify({ ...incoming, now: GET_BALANCE.timestamp + 1000 }), 'PAYNET_TIMESTAMP_OUT_OF_WINDOW')
  assert.ok(paynet.verify({ ...incoming, now: GET_BALANCE.timestamp + 1000, window: 2000 }))
  throwsCode(() => paynet.verify({ ...incoming, authorizationHeader: 'Basic abc' }), 'PAYNET_MALFORMED_HEADER')
  throwsCode(
    () => paynet.verify({ ...incoming, authorizationHeader: signed.authorizationHeader.replace(/,oauth_nonce="[^"]*"/, '') }),
    'PAYNET_MISSING_OAUTH_PARAMETER',
  )
  throwsCode(
    () => paynet.verify({ ...incoming, authorizationHeader: signed.authorizationHeader.replace('HMAC-SHA1', 'RSA-SHA1') }),
    'PAYNET_UNSUPPORTED_SIGNATURE_METHOD',
  )
  throwsCode(() => paynet.verify({ ...incoming, body: undefined }), 'PAYNET_INVALID_INPUT')
  throwsCode(() => signer.verify({ ...withoutSecret, now: -5 }), 'PAYNET_INVALID_INPUT')
})

test('secrets never show in util.inspect or JSON', () => {
  const signer = new paynet.Signer(KEY, 'token-secret-xyz')
  const signed = signer.sign(GET_BALANCE)
  const signedFn = paynet.sign({ ...GET_BALANCE, tokenSecret: 'token-secret-xyz' })
  let error
  try {
    signer.sign({ ...GET_BALANCE, url: 'bad' })
  } catch (e) {
    error = e
  }
  for (const value of [signer, signed, signedFn, error, native.Signer, paynet]) {
    for (const view of [util.inspect(value, { showHidden: true, depth: null, getters: true }), JSON.stringify(value) ?? '']) {
      assert.ok(!view.includes('F9F65098'), view)
      assert.ok(!view.includes('token-secret-xyz'), view)
    }
  }
})

test('the Signer is reusable and instances are independent', () => {
  const a = new paynet.Signer(KEY)
  const b = new paynet.Signer('other')
  assert.ok(a instanceof paynet.Signer)
  for (let i = 0; i < 3; i++) {
    assert.equal(a.sign(GET_BALANCE).signature, SIGNATURE)
    assert.notEqual(b.sign(GET_BALANCE).signature, SIGNATURE)
  }
  throwsCode(() => new paynet.Signer(), 'PAYNET_INVALID_INPUT')
  throwsCode(() => new paynet.Signer('k', 5), 'PAYNET_INVALID_INPUT')
})
