// What every entry point of the JavaScript API answers when one argument or one field
// is of each type, as `{ label: outcome }` (`"ok"` or `"CODE: message"`). The Node
// addon and the WebAssembly build must answer alike, word for word: both packages'
// tests compare theirs with `outcomes.json` beside this file. After a deliberate change
// of a message, write the file again from the Node addon:
//   node tests/js/outcomes.mjs bindings/node/main.js > tests/js/outcomes.json
// and run both suites (`make test-node test-wasm`).

import { show, wrongTypeCalls } from './wrong-types.mjs'

const VALUES = [undefined, null, 5, 1.5, -1, NaN, Infinity, true, 'text', '', 'lone \ud800', [], [['a', 'b']], {}, { a: 'b' }, () => {}, Symbol('s'), 10n]

// Name/value pairs with one bad element.
const PAIRS = [{ a: 5 }, { a: null }, [['a']], [5], [['a', 5]], [[5, 'b']], [['a', 'b', 'c']], new Map([['a', 5]]), { a: '\udc00' }, { '\ud800': 'v' }, [['n', '\udfff']], [['\ud800', 'v']]]

const URL = 'https://gw.example.com/paynet/api/v2/get-balance/1'
const SIGN = { method: 'POST', url: URL, params: { 'balance-provider': 'Test' }, consumerKey: 'me', consumerSecret: 'key', timestamp: 1686923599, nonce: 'n1' }
const SIGNED_BODY = 'balance-provider=Test'
const FORM = { method: 'POST', url: URL, body: SIGNED_BODY, login: 'me', controlKey: 'key', timestamp: 1686923599, nonce: 'n1' }
const CLIENT = { gateway: 'http://127.0.0.1:9', login: 'me', controlKey: 'key' }

// For the client's calls only the values refused before any request is sent: a value
// of the right type would go to the (closed) port and fail the way the transport does.
const SENT = { endpointId: ['text', '', 5], provider: ['text', ''], login: ['text', ''], name: [undefined, null, 'text', ''] }
// Options objects without a signal would be sent too.
const NOT_OPTIONS = [5, true, 'text', Symbol('s'), 10n]
const NOT_SIGNALS = [5, true, 'text', [], {}, 10n]

/** The outcome of `call()`: "ok", or the error's code and message. */
async function outcome(call) {
  try {
    await call()
    return 'ok'
  } catch (e) {
    return `${e?.code}: ${e?.message}`
  }
}

// A client method returns a promise whatever its arguments: its failures reject it.
// One that throws instead is told apart (no row of outcomes.json says so).
const THROWN = 'thrown, not rejected: '

/** As `outcome`, for a call that must return a promise and never throw. */
async function promised(call) {
  let promise
  try {
    promise = call()
  } catch (e) {
    return `${THROWN}${e?.code}: ${e?.message}`
  }
  return outcome(() => promise)
}

/** `{ label: outcome }` for every call of the API `paynet` (the package's exports). */
export async function outcomes(paynet) {
  const out = {}
  for await (const { label, error, thrown } of wrongTypeCalls(paynet)) {
    const how = thrown && label.startsWith('Client#') ? THROWN : ''
    out[label] = error === undefined ? 'ok' : `${how}${error.code}: ${error.message}`
  }
  const signer = new paynet.Signer('key')
  const signed = paynet.sign(SIGN)
  const VERIFY = { method: 'POST', url: URL, body: SIGNED_BODY, authorizationHeader: signed.authorizationHeader, consumerSecret: 'key', now: 1686923599, window: 300 }
  const client = new paynet.Client(CLIENT)
  const fields = {
    sign: [SIGN, (r) => paynet.sign(r)],
    'Signer#sign': [SIGN, (r) => signer.sign(r)],
    verify: [VERIFY, (r) => paynet.verify(r)],
    'Signer#verify': [VERIFY, (r) => signer.verify(r)],
    signForm: [FORM, (r) => paynet.signForm(r)],
    Client: [{ ...CLIENT, timeoutMs: 1000, connectTimeoutMs: 1000, retries: 0, allowHttp: false, maxResponseBytes: 1000 }, (o) => new paynet.Client(o)],
  }
  const extra = {
    sign: ['tokenSecret', 'token', 'version', 'realm', 'oauthExtra'],
    verify: ['tokenSecret'],
    signForm: ['contentType'],
  }
  for (const [name, [base, call]] of Object.entries(fields)) {
    const names = [...Object.keys(base), ...(extra[name] ?? [])].filter((f) => !(name.startsWith('Signer#') && /Secret$/.test(f)))
    for (const field of names) {
      for (const v of field === 'params' || field === 'oauthExtra' ? [...VALUES, ...PAIRS] : VALUES) {
        out[`${name}(${field}: ${show(v)})`] = await outcome(() => call({ ...base, [field]: v }))
      }
    }
  }
  // A mistyped preset (its name said once), and keys that are not options: refused,
  // with the option they resemble, as Python refuses an unknown keyword.
  out['Client(gateway: "payneteasy-sandbx")'] = await outcome(() => new paynet.Client({ ...CLIENT, gateway: 'payneteasy-sandbx' }))
  for (const key of ['timeout', 'timeout_ms', 'connectTimeout', 'allowHTTP', 'maxResponseSize', 'proxy', 'signal']) {
    for (const v of [5, undefined]) {
      out[`Client(other key ${key}: ${show(v)})`] = await outcome(() => new paynet.Client({ ...CLIENT, [key]: v }))
    }
  }
  out['Client(other key timeout, gateway: 5)'] = await outcome(() => new paynet.Client({ ...CLIENT, gateway: 5, timeout: 5 }))
  for (const v of VALUES) out[`Signer(tokenSecret: ${show(v)})`] = await outcome(() => new paynet.Signer('key', v))
  for (const v of [1.5, -1, 99, 600, 65536, NaN, Infinity]) {
    out[`parseResponse(status: ${v})`] = await outcome(() => paynet.parseResponse('get-balance', v, ''))
  }
  const calls = {
    getBalance: [{ endpointId: '1', provider: 'Test' }, (a, o) => client.getBalance(a, o)],
    getManagerBalances: [{ login: 'm' }, (a, o) => client.getManagerBalances(a, o)],
  }
  for (const [name, [base, call]] of Object.entries(calls)) {
    for (const field of Object.keys(base).concat(name === 'getManagerBalances' ? ['name'] : [])) {
      for (const v of VALUES.filter((v) => !(SENT[field] ?? []).includes(v))) {
        out[`Client#${name}(${field}: ${show(v)})`] = await promised(() => call({ ...base, [field]: v }))
      }
    }
    for (const v of NOT_OPTIONS) out[`Client#${name}(options: ${show(v)})`] = await promised(() => call(base, v))
    for (const v of NOT_SIGNALS) out[`Client#${name}(options.signal: ${show(v)})`] = await promised(() => call(base, { signal: v }))
  }
  return out
}

/** The differences between two outcome tables, one line each. */
export function differences(expected, actual) {
  const lines = []
  for (const label of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    if (expected[label] !== actual[label]) {
      lines.push(`${label}\n    expected: ${expected[label]}\n    got:      ${actual[label]}`)
    }
  }
  return lines
}

// As a script: print the outcome table of the module given as the argument.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { resolve } = await import('node:path')
  const { pathToFileURL } = await import('node:url')
  const { createRequire } = await import('node:module')
  const path = resolve(process.argv[2])
  const paynet = path.endsWith('.cjs') || path.endsWith('main.js')
    ? createRequire(import.meta.url)(path)
    : await import(pathToFileURL(path).href)
  process.stdout.write(JSON.stringify(await outcomes(paynet), null, 1) + '\n')
}
