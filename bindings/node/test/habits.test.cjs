'use strict'
// What fetch and Node users expect of the Client (issue 17): `{ signal }` aborts a call
// (rejected with the signal's reason, an AbortError, and the request dropped), and
// `util.inspect(client)` shows the gateway and the login, never the control key.
const test = require('node:test')
const assert = require('node:assert/strict')
const net = require('node:net')
const util = require('node:util')

const { Client } = require('../main.js')

const KEY = 'F9F65098-1111-1111-1111-621611111111'

// A server that accepts connections, never answers, and reports when one closes.
async function silentServer() {
  const events = []
  let notify = () => {}
  const server = net.createServer((socket) => {
    events.push('open')
    notify()
    socket.on('data', () => {})
    socket.on('close', () => {
      events.push('close')
      notify()
    })
  })
  await new Promise((r) => server.listen(0, '127.0.0.1', r))
  const until = (what) =>
    new Promise((resolve) => {
      const check = () => events.includes(what) && resolve()
      notify = check
      check()
    })
  return { url: `http://127.0.0.1:${server.address().port}/paynet/api/v2`, until, events, close: () => server.close() }
}

test('aborting a call rejects it with an AbortError and drops the connection', { timeout: 15000 }, async () => {
  const silent = await silentServer()
  try {
    const client = new Client({ gateway: silent.url, login: 'm', controlKey: KEY, timeoutMs: 20000, retries: 0 })
    for (const call of [
      (o) => client.getBalance({ endpointId: '1', provider: 'Test' }, o),
      (o) => client.getManagerBalances({ login: 'x' }, o),
      (o) => client.getMerchantBalances({ login: 'x' }, o),
    ]) {
      silent.events.length = 0
      const controller = new AbortController()
      const started = Date.now()
      const pending = call({ signal: controller.signal })
      await silent.until('open')
      controller.abort()
      await assert.rejects(pending, (err) => err.name === 'AbortError')
      // The request is dropped: its connection closes long before the 20 s timeout.
      await silent.until('close')
      assert.ok(Date.now() - started < 5000)
    }
  } finally {
    silent.close()
  }
})

test('an already aborted signal rejects at once without a request; a custom reason is kept', async () => {
  const silent = await silentServer()
  try {
    const client = new Client({ gateway: silent.url, login: 'm', controlKey: KEY })
    await assert.rejects(client.getBalance({ endpointId: 1, provider: 'Test' }, { signal: AbortSignal.abort() }), { name: 'AbortError' })
    const reason = new Error('user left')
    await assert.rejects(client.getMerchantBalances({ login: 'm' }, { signal: AbortSignal.abort(reason) }), (e) => e === reason)
    await new Promise((r) => setTimeout(r, 100))
    assert.deepEqual(silent.events, [])
    await assert.rejects(client.getBalance({ endpointId: 1, provider: 'Test' }, { signal: 'stop' }), { code: 'PAYNET_INVALID_INPUT' })
  } finally {
    silent.close()
  }
})

test('util.inspect(client) shows the gateway and the login, never the key', () => {
  const client = new Client({ gateway: 'payneteasy-sandbox', login: 'balance_test_merchant14', controlKey: KEY })
  const view = util.inspect(client)
  assert.match(view, /^Client \{/)
  assert.ok(view.includes("gateway: 'https://sandbox.payneteasy.com/paynet/api/v2'"), view)
  assert.ok(view.includes("login: 'balance_test_merchant14'"), view)
  assert.ok(!view.includes('F9F65098'), view)
  assert.equal(client.login, 'balance_test_merchant14')
})
