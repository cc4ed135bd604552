// The wasm build's `Client` on Node's global fetch, against the real mock gateway
// (`paynet mock`, started here on a port it picks) and small local servers for what
// the mock cannot do: the three commands, the error codes and their details, the
// timeouts, the size cap (the read cancelled), redirects refused, plain http refused,
// retries of failures before any response (each signed anew), the caller's signal,
// concurrent calls.
import test from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import util from 'node:util'

import { paynet } from './support.mjs'
import { eventually, gatewayOf, httpServer, tcpServer } from './servers.mjs'

const { startMock, KEY, MERCHANT, MANAGER } = createRequire(import.meta.url)('../../node/test/support/mock.cjs')
const { Client } = paynet

let mock
let endless
test.before(async () => {
  ;[mock, endless] = await Promise.all([startMock(), startMock(['--endless-body'])])
})
test.after(() => Promise.all([mock.stop(), endless.stop()]))

const merchant = (more) => new Client({ gateway: mock.url, login: MERCHANT, controlKey: KEY, ...more })
const endpoint = { endpointId: '1', provider: 'Test' }

async function rejectsWith(promise, code, check = () => {}) {
  await assert.rejects(promise, (err) => {
    assert.ok(err instanceof Error, `an Error object: ${err}`)
    assert.equal(err.code, code, err.message)
    check(err)
    return true
  })
}

test('getBalance: the endpoint balance as a decimal string, by string or number id', async () => {
  const client = merchant()
  assert.deepEqual(await client.getBalance(endpoint), { balanceAmount: '29.99', extra: {} })
  assert.equal((await client.getBalance({ endpointId: 1, provider: 'Test' })).balanceAmount, '29.99')
  assert.equal(client.gateway, mock.url)
  assert.equal(client.login, MERCHANT)
})

test('getManagerBalances and getMerchantBalances: the mock balances, all and by name', async () => {
  const saa = {
    name: 'saa', amount: '219.500', currency: 'USD', merchantLogin: MERCHANT, onlineBalanceLiveAmount: '219.500',
    totalShortTermHoldAmount: '0.000', externalMerchantIdentifier: null,
  }
  const manager = new Client({ gateway: mock.url, login: MANAGER, controlKey: KEY })
  for (const got of [
    await manager.getManagerBalances({ login: MANAGER }),
    await manager.getManagerBalances({ login: MANAGER, name: 'saa' }),
  ]) {
    assert.equal(got.length, 1)
    for (const [field, value] of Object.entries(saa)) assert.equal(got[0][field], value, field)
  }
  const balances = await merchant().getMerchantBalances({ login: MERCHANT })
  assert.deepEqual(balances.map((b) => [b.name, b.amount, b.currency]), [['saa', '219.500', 'USD']])
})

test('concurrent calls on one client', async () => {
  const client = merchant()
  const all = await Promise.all(Array.from({ length: 20 }, (_, i) =>
    i % 2 ? client.getBalance(endpoint) : client.getMerchantBalances({ login: MERCHANT })))
  all.forEach((answer, i) => assert.equal(i % 2 ? answer.balanceAmount : answer[0].amount, i % 2 ? '29.99' : '219.500'))
})

test('wrong control key: PAYNET_ACCESS_DENIED with status and body, the key never shown', async () => {
  const client = merchant({ controlKey: 'wrong-key' })
  await rejectsWith(client.getBalance(endpoint), 'PAYNET_ACCESS_DENIED', (err) => {
    assert.equal(err.status, 403)
    assert.equal(typeof err.body, 'string')
    assert.ok(!util.inspect(err).includes('wrong-key'))
  })
  for (const view of [util.inspect(client, { showHidden: true, depth: null }), JSON.stringify(client), String(client)]) {
    assert.ok(!view.includes('wrong-key'), view)
  }
  const shown = util.inspect(merchant()).replace(/\s+/g, ' ')
  assert.equal(shown, `Client { gateway: '${mock.url}', login: '${MERCHANT}' }`)
})

test('unknown provider: PAYNET_GATEWAY_ERROR with the gateway message', async () => {
  await rejectsWith(merchant().getBalance({ endpointId: '1', provider: 'saa' }), 'PAYNET_GATEWAY_ERROR', (err) => {
    assert.match(err.gatewayMessage, /saa/)
    assert.match(err.message, /saa/)
  })
})

test('bad options and arguments: PAYNET_INVALID_INPUT, thrown by the constructor, rejected by the calls', async () => {
  const bad = [
    {},
    { gateway: 'not a gateway', login: 'x', controlKey: 'k' },
    { gateway: 'payneteasy-sandbx', login: 'x', controlKey: 'k' },
    { gateway: 'payneteasy-sandbox', login: '', controlKey: 'k' },
    { gateway: 'payneteasy-sandbox', login: 'x', controlKey: ' ' },
    { gateway: 'payneteasy-sandbox', login: 'x', controlKey: 42 },
    { gateway: 'payneteasy-sandbox', login: 'x', controlKey: 'k', timeoutMs: -1 },
    { gateway: 'payneteasy-sandbox', login: 'x', controlKey: 'k', connectTimeoutMs: '5' },
    { gateway: 'payneteasy-sandbox', login: 'x', controlKey: 'k', retries: 1.5 },
    { gateway: 'payneteasy-sandbox', login: 'x', controlKey: 'k', maxResponseBytes: 0 },
    { gateway: 'payneteasy-sandbox', login: 'x', controlKey: 'k', allowHttp: 'yes' },
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
  const client = merchant()
  await rejectsWith(client.getBalance({ endpointId: '1' }), 'PAYNET_INVALID_INPUT')
  await rejectsWith(client.getBalance(null), 'PAYNET_INVALID_INPUT')
  await rejectsWith(client.getBalance({ endpointId: 1.5, provider: 'Test' }), 'PAYNET_INVALID_INPUT')
  await rejectsWith(client.getManagerBalances({ name: 'x' }), 'PAYNET_INVALID_INPUT')
  await assert.rejects(client.getBalance(endpoint, { signal: 'soon' }), /options.signal must be an AbortSignal/)
  await rejectsWith(client.getBalance({ endpointId: '', provider: 'Test' }), 'PAYNET_INVALID_INPUT')
  await rejectsWith(client.getMerchantBalances({ login: MERCHANT, name: '' }), 'PAYNET_INVALID_INPUT')
})

// The three methods return a promise whatever their arguments: a bad one rejects it,
// never throws (tests/js/bad-calls.mjs, shared with the Node addon's test). Before, a
// wrong type, a missing field or a bad signal threw synchronously, so a `.catch()`
// never saw it, while an empty endpoint id rejected.
test('bad arguments reject the promise, never throw', async () => {
  const { assertEveryBadCallRejects } = await import('../../../tests/js/bad-calls.mjs')
  await assertEveryBadCallRejects(new Client({ gateway: 'http://127.0.0.1:9/paynet/api/v2', login: MERCHANT, controlKey: KEY, allowHttp: true }))
})

test('plain http off the loopback interface: refused before any request, unless allowed', async () => {
  const realFetch = globalThis.fetch
  let fetched = 0
  globalThis.fetch = (...args) => {
    fetched += 1
    return realFetch(...args)
  }
  try {
    const options = { gateway: 'http://example.com/paynet/api/v2', login: 'x', controlKey: 'k' }
    assert.throws(() => new Client(options), (err) => err.code === 'PAYNET_INVALID_INPUT' && /plain http/.test(err.message))
    assert.equal(new Client({ ...options, allowHttp: true }).gateway, options.gateway)
    new Client({ ...options, gateway: 'http://localhost:9/paynet/api/v2' })
    assert.equal(fetched, 0)
  } finally {
    globalThis.fetch = realFetch
  }
})

test('a gateway that never answers: PAYNET_TIMEOUT after timeoutMs', async () => {
  const silent = await tcpServer(() => {})
  try {
    const client = new Client({ gateway: silent.url, login: MERCHANT, controlKey: KEY, timeoutMs: 500, retries: 0 })
    const started = Date.now()
    await rejectsWith(client.getBalance(endpoint), 'PAYNET_TIMEOUT', (err) => {
      assert.equal(err.message, 'the gateway did not answer in time')
    })
    const elapsed = Date.now() - started
    assert.ok(elapsed >= 450 && elapsed < 5000, `timed out after ${elapsed} ms`)
    await eventually(() => silent.closed(1), 2000, 'the connection closed after the timeout')
    await new Promise((r) => setTimeout(r, 200))
    assert.ok(silent.connections() <= 2, 'a timeout is not retried (at most a spare connection of the pool)')
  } finally {
    await silent.close()
  }
})

test('connectTimeoutMs bounds the wait for the headers; timeoutMs the whole attempt', async () => {
  const silent = await tcpServer(() => {})
  // Headers at once, the body 600 ms later.
  const slowBody = await httpServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' })
    response.write('balance-amount=')
    setTimeout(() => response.end('29.99\n'), 600)
  })
  try {
    const base = { login: MERCHANT, controlKey: KEY, retries: 0 }
    const headersLate = new Client({ ...base, gateway: silent.url, timeoutMs: 20000, connectTimeoutMs: 300 })
    const started = Date.now()
    await rejectsWith(headersLate.getBalance(endpoint), 'PAYNET_TIMEOUT')
    const elapsed = Date.now() - started
    assert.ok(elapsed >= 250 && elapsed < 5000, `timed out after ${elapsed} ms, not near connectTimeoutMs`)
    const bodyLate = new Client({ ...base, gateway: slowBody.url, timeoutMs: 20000, connectTimeoutMs: 300 })
    assert.equal((await bodyLate.getBalance(endpoint)).balanceAmount, '29.99')
    const wholeAttempt = new Client({ ...base, gateway: slowBody.url, timeoutMs: 300 })
    await rejectsWith(wholeAttempt.getBalance(endpoint), 'PAYNET_TIMEOUT')
  } finally {
    await Promise.all([silent.close(), slowBody.close()])
  }
})

test('an endless body: PAYNET_RESPONSE_TOO_LARGE with the limit, promptly, the read cancelled', async () => {
  const client = new Client({ gateway: endless.url, login: MERCHANT, controlKey: KEY, maxResponseBytes: 65536 })
  const started = Date.now()
  await rejectsWith(client.getBalance(endpoint), 'PAYNET_RESPONSE_TOO_LARGE', (err) => {
    assert.equal(err.limit, 65536)
    assert.match(err.message, /larger than the limit of 65536 bytes/)
  })
  assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`)
  // The default cap (1 MiB) against the same endless body.
  await rejectsWith(merchant({ gateway: endless.url }).getBalance(endpoint), 'PAYNET_RESPONSE_TOO_LARGE', (err) => {
    assert.equal(err.limit, 1048576)
  })
})

test('the read stops at the cap: the server sees the connection closed', async () => {
  let written = 0
  let closedAt
  const firehose = await httpServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' })
    const chunk = Buffer.alloc(16384, 'x')
    const pump = () => {
      while (!response.destroyed && response.write(chunk)) written += chunk.length
    }
    response.on('drain', pump)
    response.on('close', () => {
      closedAt = Date.now()
    })
    pump()
  })
  try {
    const client = new Client({ gateway: firehose.url, login: MERCHANT, controlKey: KEY, maxResponseBytes: 100000 })
    await rejectsWith(client.getBalance(endpoint), 'PAYNET_RESPONSE_TOO_LARGE')
    const rejectedAt = Date.now()
    await eventually(() => closedAt !== undefined, 3000, 'the server saw the response closed')
    assert.ok(closedAt - rejectedAt < 3000)
    assert.ok(written < 64 * 1024 * 1024, `the server wrote ${written} bytes`)
  } finally {
    await firehose.close()
  }
})

test('an announced Content-Length over the cap is refused before reading', async () => {
  const huge = await httpServer((request, response) => {
    response.writeHead(200, { 'content-length': String(10 * 1024 * 1024) })
    response.write('balance-amount=1')
  })
  try {
    const client = new Client({ gateway: huge.url, login: MERCHANT, controlKey: KEY, maxResponseBytes: 1000 })
    await rejectsWith(client.getBalance(endpoint), 'PAYNET_RESPONSE_TOO_LARGE', (err) => assert.equal(err.limit, 1000))
  } finally {
    await huge.close()
  }
})

test('a redirect is not followed: PAYNET_HTTP_ERROR with its status, as the Rust client', async () => {
  const redirect = await httpServer((request, response) => {
    response.writeHead(302, { location: `${mock.url}/get-balance/1` })
    response.end('moved')
  })
  try {
    await rejectsWith(merchant({ gateway: redirect.url }).getBalance(endpoint), 'PAYNET_HTTP_ERROR', (err) => {
      assert.equal(err.status, 302)
      assert.equal(err.body, 'moved')
    })
    assert.equal(redirect.requests.length, 1)
  } finally {
    await redirect.close()
  }
})

test('failures before any response are retried, each attempt signed anew, then PAYNET_TRANSPORT', async () => {
  // Closes the first two connections once the request has arrived, then answers.
  const flaky = await httpServer((request, response, body, n) => {
    if (n <= 2) request.socket.destroy()
    else response.end('balance-amount=29.99\n')
  })
  const dead = await tcpServer((socket) => socket.destroy())
  try {
    const answer = await merchant({ gateway: flaky.url, retries: 2 }).getBalance(endpoint)
    assert.equal(answer.balanceAmount, '29.99')
    const nonces = flaky.requests.map((r) => /oauth_nonce="([^"]+)"/.exec(r.headers.authorization)[1])
    assert.equal(nonces.length, 3)
    assert.equal(new Set(nonces).size, 3, 'a fresh nonce per attempt')
    await rejectsWith(merchant({ gateway: dead.url, retries: 3 }).getBalance(endpoint), 'PAYNET_TRANSPORT', (err) => {
      assert.match(err.message, /^cannot reach the gateway: /)
    })
    assert.equal(dead.connections(), 4, 'one attempt and three retries')
  } finally {
    await Promise.all([flaky.close(), dead.close()])
  }
  const port = dead.url.match(/:(\d+)\//)[1]
  await rejectsWith(merchant({ gateway: gatewayOf(port), retries: 1 }).getBalance(endpoint), 'PAYNET_TRANSPORT')
})

test('an answer that is not HTTP did come: PAYNET_TRANSPORT "could not be read", not sent again', async () => {
  const head = 'HTTP/1.1 200 OK\r\nX-Padding: ' + 'a'.repeat(2 << 20)
  for (const answer of ['HELLO THERE\r\n\r\n', head]) {
    const garbled = await tcpServer((socket) => {
      socket.once('data', () => socket.end(answer))
      socket.on('error', () => {})
    })
    try {
      await rejectsWith(merchant({ gateway: garbled.url, retries: 2 }).getBalance(endpoint), 'PAYNET_TRANSPORT', (err) => {
        assert.match(err.message, /^the gateway's response could not be read: /)
      })
      assert.equal(garbled.connections(), 1, 'not sent again')
    } finally {
      await garbled.close()
    }
  }
})

test("the caller's AbortSignal rejects with its reason and drops the connection", async () => {
  const silent = await tcpServer(() => {})
  try {
    const client = new Client({ gateway: silent.url, login: MERCHANT, controlKey: KEY, timeoutMs: 20000 })
    const controller = new AbortController()
    const pending = client.getBalance(endpoint, { signal: controller.signal })
    await eventually(() => silent.connections() === 1, 2000, 'the request connected')
    controller.abort()
    await assert.rejects(pending, (err) => err.name === 'AbortError')
    await eventually(() => silent.closed(1), 2000, 'the server saw the connection close')
    const before = silent.connections()
    const realFetch = globalThis.fetch
    let fetched = 0
    globalThis.fetch = (...args) => ((fetched += 1), realFetch(...args))
    try {
      await assert.rejects(client.getBalance(endpoint, { signal: AbortSignal.abort() }), (err) => err.name === 'AbortError')
    } finally {
      globalThis.fetch = realFetch
    }
    assert.equal(fetched, 0, 'an aborted signal sends nothing')
    assert.equal(silent.connections(), before)
    // A signal that never fires changes nothing.
    assert.equal((await merchant().getBalance(endpoint, { signal: new AbortController().signal })).balanceAmount, '29.99')
  } finally {
    await silent.close()
  }
})
