'use strict'
// `signForm` for the user's own HTTP stack (issue 13): Node's own `fetch` sends the
// signed request to the mock gateway, which verifies the signature, and the answer is
// read with `parseResponse`; a local server checks the header with `verify`.
const test = require('node:test')
const assert = require('node:assert/strict')
const http = require('node:http')

const paynet = require('../main.js')
const { useMock, KEY, MERCHANT } = require('./support/mock.cjs')

const mock = useMock(test)

async function post(url, signed) {
  return fetch(url, {
    method: 'POST',
    headers: { authorization: signed.authorization, 'content-type': signed.contentType },
    body: signed.body,
  })
}

test('fetch with signForm: the mock gateway accepts it, a wrong key is refused', async () => {
  const url = `${mock().url}/get-balance/1`
  for (const body of ['balance-provider=Test', new URLSearchParams({ 'balance-provider': 'Test' }), Buffer.from('balance-provider=Test')]) {
    const signed = paynet.signForm({ method: 'POST', url, body, contentType: 'application/x-www-form-urlencoded', login: MERCHANT, controlKey: KEY })
    assert.equal(signed.contentType, 'application/x-www-form-urlencoded')
    assert.match(signed.authorization, /^OAuth realm="",oauth_version="1.0",oauth_consumer_key="balance_test_merchant14"/)
    assert.match(signed.body, /^balance-provider=Test&oauth_consumer_key=balance_test_merchant14&oauth_nonce=[A-Za-z0-9]{16}&/)
    const response = await post(url, signed)
    const text = await response.text()
    assert.equal(paynet.parseResponse('get-balance', response.status, text).balanceAmount, '29.99')
  }
  const wrong = paynet.signForm({ method: 'POST', url, body: 'balance-provider=Test', login: MERCHANT, controlKey: 'wrong' })
  const denied = await post(url, wrong)
  assert.equal(denied.status, 403)
  await denied.text()
})

test('signForm: what a server receives verifies, with the query signed; bad bodies are refused', async () => {
  let seen
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      seen = { header: req.headers.authorization, body, type: req.headers['content-type'] }
      res.end('ok')
    })
  })
  await new Promise((r) => server.listen(0, '127.0.0.1', r))
  try {
    const url = `http://127.0.0.1:${server.address().port}/p?q=1`
    const signed = paynet.signForm({ method: 'POST', url, body: 'b=2+x&a=%C3%A9', login: 'me', controlKey: 'key', timestamp: 1700000000, nonce: 'fixed' })
    await (await post(url, signed)).text()
    assert.equal(seen.type, 'application/x-www-form-urlencoded')
    assert.ok(seen.body.startsWith('a=%C3%A9&b=2%20x&oauth_consumer_key=me&oauth_nonce=fixed&'), seen.body)
    const verified = paynet.verify({ method: 'POST', url, body: seen.body, authorizationHeader: seen.header, consumerSecret: 'key', now: 1700000000 })
    assert.deepEqual(verified, { consumerKey: 'me', nonce: 'fixed', timestamp: 1700000000 })
  } finally {
    server.close()
  }
  const base = { method: 'POST', url: 'https://h/p', login: 'me', controlKey: 'k' }
  assert.throws(() => paynet.signForm({ ...base, body: '{}', contentType: 'application/json' }), { code: 'PAYNET_INVALID_INPUT' })
  assert.throws(() => paynet.signForm({ ...base, body: 'a=%FF' }), { code: 'PAYNET_INVALID_INPUT' })
  assert.throws(() => paynet.signForm({ ...base, body: 5 }), { code: 'PAYNET_INVALID_INPUT' })
  assert.throws(() => paynet.signForm({ ...base, login: '', body: '' }), { code: 'PAYNET_INVALID_INPUT' })
  assert.throws(() => paynet.signForm({ ...base, controlKey: undefined, body: '' }), (e) => e.code === 'PAYNET_INVALID_INPUT' && /controlKey/.test(e.message))
})

test('signForm reads a control key as the Client does: surrounding white space dropped, empty refused', () => {
  // A key read from a file keeps its newline; the Client signs with the key without it,
  // and so does signForm (it signed with the newline, and the gateway answered 403).
  const base = { method: 'POST', url: 'https://h/p', body: 'a=1', login: 'me', timestamp: 1700000000, nonce: 'fixed' }
  const plain = paynet.signForm({ ...base, controlKey: 'K' })
  for (const padded of [' K', 'K\n', '\tK\r\n']) {
    assert.equal(paynet.signForm({ ...base, controlKey: padded }).authorization, plain.authorization, JSON.stringify(padded))
  }
  assert.throws(() => paynet.signForm({ ...base, controlKey: ' \n' }), { code: 'PAYNET_INVALID_INPUT', message: 'the control key must not be empty' })
})
