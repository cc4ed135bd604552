'use strict'
// The Client against the mock gateway (started here on an OS-picked port): the three
// commands, the error codes and their details, timeouts, and that the event loop
// keeps running while a request waits.
const test = require('node:test')
const assert = require('node:assert/strict')
const net = require('node:net')
const util = require('node:util')

const { Client } = require('../main.js')
const { startMock, KEY, MERCHANT, MANAGER } = require('./support/mock.cjs')

let mock
test.before(async () => {
  mock = await startMock()
})
test.after(async () => {
  await mock.stop()
})

const merchant = () => new Client({ gateway: mock.url, login: MERCHANT, controlKey: KEY })
const manager = () => new Client({ gateway: mock.url, login: MANAGER, controlKey: KEY })

async function rejectsWith(promise, code, check = () => {}) {
  await assert.rejects(promise, (err) => {
    assert.ok(err instanceof Error, 'an Error object')
    assert.equal(err.code, code, err.message)
    check(err)
    return true
  })
}

test('getBalance: the endpoint balance as a decimal string', async () => {
  const balance = await merchant().getBalance({ endpointId: '1', provider: 'Test' })
  assert.equal(balance.balanceAmount, '29.99')
  assert.equal(typeof balance.balanceAmount, 'string')
  const again = await merchant().getBalance({ endpointId: 1, provider: 'Test' })
  assert.equal(again.balanceAmount, '29.99')
})

test('getManagerBalances: all, and by name, with the digits the gateway sent', async () => {
  const client = manager()
  for (const args of [{ login: MANAGER }, { login: MANAGER, name: 'saa' }]) {
    const balances = await client.getManagerBalances(args)
    assert.equal(balances.length, 1)
    const [saa] = balances
    assert.equal(saa.name, 'saa')
    assert.equal(saa.amount, '219.500')
    assert.equal(saa.currency, 'USD')
    assert.equal(saa.merchantLogin, MERCHANT)
    assert.equal(saa.onlineBalanceLiveAmount, '219.500')
    assert.equal(saa.totalShortTermHoldAmount, '0.000')
    assert.equal(saa.externalMerchantIdentifier, null)
  }
})

test('getMerchantBalances', async () => {
  const balances = await merchant().getMerchantBalances({ login: MERCHANT })
  assert.equal(balances.length, 1)
  assert.equal(balances[0].name, 'saa')
  assert.equal(balances[0].amount, '219.500')
})

test('several requests at once on one client', async () => {
  const client = merchant()
  const all = await Promise.all(
    Array.from({ length: 20 }, () => client.getBalance({ endpointId: '1', provider: 'Test' })),
  )
  assert.deepEqual(new Set(all.map((b) => b.balanceAmount)), new Set(['29.99']))
})

test('wrong control key: PAYNET_ACCESS_DENIED with status and body', async () => {
  const client = new Client({ gateway: mock.url, login: MERCHANT, controlKey: 'wrong-key' })
  await rejectsWith(client.getBalance({ endpointId: '1', provider: 'Test' }), 'PAYNET_ACCESS_DENIED', (err) => {
    assert.equal(err.status, 403)
    assert.equal(typeof err.body, 'string')
    assert.ok(!util.inspect(err).includes('wrong-key'))
  })
})

test('unknown provider: PAYNET_GATEWAY_ERROR with the gateway message', async () => {
  await rejectsWith(merchant().getBalance({ endpointId: '1', provider: 'saa' }), 'PAYNET_GATEWAY_ERROR', (err) => {
    assert.match(err.gatewayMessage, /saa/)
    assert.match(err.message, /saa/)
  })
})

// A server that accepts connections and never answers.
function silentServer() {
  const sockets = new Set()
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}/paynet/api/v2`,
        close: () => {
          for (const s of sockets) s.destroy()
          return new Promise((done) => server.close(done))
        },
      })
    })
  })
}

test('a gateway that never answers: PAYNET_TIMEOUT, and the event loop keeps running', async () => {
  const silent = await silentServer()
  try {
    const client = new Client({ gateway: silent.url, login: MERCHANT, controlKey: KEY, timeoutMs: 500, retries: 0 })
    let ticks = 0
    const interval = setInterval(() => ticks++, 20)
    const started = Date.now()
    await rejectsWith(client.getBalance({ endpointId: '1', provider: 'Test' }), 'PAYNET_TIMEOUT')
    clearInterval(interval)
    const elapsed = Date.now() - started
    assert.ok(elapsed >= 400 && elapsed < 10000, `timed out after ${elapsed} ms`)
    assert.ok(ticks >= 5, `the event loop ran ${ticks} timer ticks while waiting`)
  } finally {
    await silent.close()
  }
})

test('nothing listening: PAYNET_TRANSPORT', async () => {
  const server = net.createServer()
  await new Promise((r) => server.listen(0, '127.0.0.1', r))
  const port = server.address().port
  await new Promise((r) => server.close(r))
  const client = new Client({ gateway: `http://127.0.0.1:${port}/paynet/api/v2`, login: MERCHANT, controlKey: KEY, retries: 1 })
  await rejectsWith(client.getBalance({ endpointId: '1', provider: 'Test' }), 'PAYNET_TRANSPORT')
})

test('bad options and arguments: PAYNET_INVALID_INPUT', async () => {
  const bad = [
    {},
    { gateway: 'not a gateway', login: 'x', controlKey: 'k' },
    { gateway: 'http://example.com/paynet/api/v2', login: 'x', controlKey: 'k' },
    { gateway: 'payneteasy-sandbox', login: '', controlKey: 'k' },
    { gateway: 'payneteasy-sandbox', login: 'x', controlKey: 42 },
    { gateway: 'payneteasy-sandbox', login: 'x', controlKey: 'k', timeoutMs: -1 },
  ]
  for (const options of bad) {
    assert.throws(() => new Client(options), (err) => err.code === 'PAYNET_INVALID_INPUT', JSON.stringify(options))
  }
  assert.throws(() => new Client(), (err) => err.code === 'PAYNET_INVALID_INPUT')
  // A mistyped preset: the option and the value said once each, with the preset meant.
  assert.throws(() => new Client({ gateway: 'payneteasy-sandbx', login: 'x', controlKey: 'k' }), {
    code: 'PAYNET_INVALID_INPUT',
    message: /^options\.gateway: gateway "payneteasy-sandbx" is not a preset; did you mean "payneteasy-sandbox"\? \(presets: /,
  })
  // A key that is not an option is refused (it was ignored: the default timeout held).
  assert.throws(() => new Client({ gateway: 'payneteasy-sandbox', login: 'x', controlKey: 'k', timeout: 5 }), {
    code: 'PAYNET_INVALID_INPUT',
    message: 'options.timeout is not a Client option (did you mean timeoutMs?)',
  })
  // Plain http off loopback is refused unless allowed.
  new Client({ gateway: 'http://example.com/paynet/api/v2', login: 'x', controlKey: 'k', allowHttp: true })
  const client = merchant()
  await rejectsWith(client.getBalance({ endpointId: '1' }), 'PAYNET_INVALID_INPUT')
  await rejectsWith(client.getBalance(null), 'PAYNET_INVALID_INPUT')
  await rejectsWith(client.getBalance({ endpointId: '', provider: 'Test' }), 'PAYNET_INVALID_INPUT')
  await rejectsWith(client.getManagerBalances({ name: 'x' }), 'PAYNET_INVALID_INPUT')
})

// The three methods return a promise whatever their arguments: a bad one rejects it,
// never throws (tests/js/bad-calls.mjs, shared with the wasm build's test). Before, a
// wrong type, a missing field or a bad signal threw synchronously, so a `.catch()`
// never saw it, while an empty endpoint id rejected.
test('bad arguments reject the promise, never throw', async () => {
  const { assertEveryBadCallRejects } = await import('../../../tests/js/bad-calls.mjs')
  await assertEveryBadCallRejects(new Client({ gateway: 'http://127.0.0.1:9/paynet/api/v2', login: MERCHANT, controlKey: KEY, allowHttp: true }))
})

test('the control key never shows in util.inspect', () => {
  const options = { gateway: 'payneteasy-sandbox', login: MERCHANT, controlKey: KEY }
  const client = new Client(options)
  for (const view of [util.inspect(client, { showHidden: true, depth: null }), JSON.stringify(client), String(client)]) {
    assert.ok(!view.includes(KEY), view)
    assert.ok(!view.includes('F9F65098'), view)
  }
})
