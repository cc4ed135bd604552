// The calls of the three `Client` methods that a bad argument fails before any request
// is sent: each argument and field of every wrong type, a missing or empty field, an
// endpoint id that is not a whole number, a lone surrogate, options and a signal of
// the wrong type. Shared by the Node addon's and the WebAssembly build's tests: each
// call must return a promise that rejects with a `PAYNET_INVALID_INPUT` error, and
// never throw (as Node's promise APIs and fetch do).

import { show } from './wrong-types.mjs'

const VALUES = [undefined, null, 5, 1.5, -1, NaN, Infinity, true, 'text', '', 'lone \ud800', [], [['a', 'b']], {}, { a: 'b' }, () => {}, Symbol('s'), 10n]

// The values of each field that are right (sent to the gateway), not bad.
const RIGHT = { endpointId: ['text', 5], provider: ['text'], login: ['text'], name: [undefined, null, 'text'] }
const NOT_OPTIONS = [5, true, 'text', Symbol('s'), 10n]
const NOT_SIGNALS = [5, true, 'text', [], {}, 10n]

/** `{ label, call }` for every bad-argument call of `client`'s three methods. */
export function badClientCalls(client) {
  const methods = {
    getBalance: { endpointId: '1', provider: 'Test' },
    getManagerBalances: { login: 'm' },
    getMerchantBalances: { login: 'm' },
  }
  const calls = []
  for (const [name, base] of Object.entries(methods)) {
    const method = (args, options) => client[name](args, options)
    for (const v of VALUES) calls.push({ label: `${name}(${show(v)})`, call: () => method(v) })
    const fields = [...Object.keys(base), ...(name === 'getBalance' ? [] : ['name'])]
    for (const field of fields) {
      for (const v of VALUES.filter((v) => !RIGHT[field].includes(v))) {
        calls.push({ label: `${name}(${field}: ${show(v)})`, call: () => method({ ...base, [field]: v }) })
      }
    }
    for (const v of NOT_OPTIONS) calls.push({ label: `${name}(options: ${show(v)})`, call: () => method(base, v) })
    for (const v of NOT_SIGNALS) {
      calls.push({ label: `${name}(options.signal: ${show(v)})`, call: () => method(base, { signal: v }) })
    }
  }
  return calls
}

/**
 * What `call()` did: `{ thrown }` when it threw, `{ value }` when it returned no
 * promise, else `{ rejected }` or `{ resolved }`.
 */
export async function settle(call) {
  let promise
  try {
    promise = call()
  } catch (thrown) {
    return { thrown }
  }
  if (!(promise instanceof Promise)) return { value: promise }
  try {
    return { resolved: await promise }
  } catch (rejected) {
    return { rejected }
  }
}

// Checks that every one of `badClientCalls(client)` returns a promise that rejects with
// an `Error` of code PAYNET_INVALID_INPUT and never throws (both packages' tests).
export async function assertEveryBadCallRejects(client) {
  const assert = (await import('node:assert/strict')).default
  const { inspect } = await import('node:util')
  const calls = badClientCalls(client)
  assert.ok(calls.length > 100, `${calls.length} calls`)
  for (const { label, call } of calls) {
    const got = await settle(call)
    assert.ok(!('thrown' in got), `${label} threw ${got.thrown?.code}: ${got.thrown?.message}`)
    assert.ok('rejected' in got, `${label} did not reject: ${inspect(got)}`)
    assert.ok(got.rejected instanceof Error, label)
    assert.equal(got.rejected.code, 'PAYNET_INVALID_INPUT', `${label}: ${got.rejected.message}`)
  }
}
