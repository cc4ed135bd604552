// Every function, constructor and client method of the JavaScript API (the Node addon
// and the WebAssembly build have the same names), called with arguments of every wrong
// type: what each call threw or rejected with. Used by both packages' error tests, which
// check that it is an error of the package's table (a `PAYNET_*` code), never the
// binding tool's own (napi's `StringExpected`) or nothing.

const WRONG = [undefined, null, 5, true, 'text', [], {}, () => {}, Symbol('s'), 10n]

// Where a string is a right argument, not a wrong one.
const TEXT_IS_FINE = new Set(['percentEncode', 'parseResponse(command)', 'parseResponse(body)', 'Signer()'])

/** A value as the labels of calls show it. */
export function show(v) {
  if (v instanceof Map) return `Map ${JSON.stringify([...v])}`
  if (typeof v === 'symbol') return 'Symbol'
  if (typeof v === 'bigint') return `${v}n`
  if (typeof v === 'function') return 'a function'
  if (v === undefined) return 'undefined'
  if (typeof v === 'number') return String(v)
  return JSON.stringify(v)
}

/**
 * Yields `{ label, error, thrown }`: `error` undefined when the call neither threw nor
 * rejected, `thrown` true when it threw rather than returning a rejected promise.
 */
export async function* wrongTypeCalls(paynet) {
  const signer = new paynet.Signer('key')
  const client = new paynet.Client({ gateway: 'http://127.0.0.1:9', login: 'l', controlKey: 'k' })
  const calls = {
    sign: (v) => paynet.sign(v),
    'Signer()': (v) => new paynet.Signer(v),
    'Signer#sign': (v) => signer.sign(v),
    'Signer#verify': (v) => signer.verify(v),
    verify: (v) => paynet.verify(v),
    percentEncode: (v) => paynet.percentEncode(v),
    'parseResponse(command)': (v) => paynet.parseResponse(v, 200, ''),
    'parseResponse(status)': (v) => paynet.parseResponse('get-balance', v, ''),
    'parseResponse(body)': (v) => paynet.parseResponse('get-balance', 200, v),
    signForm: (v) => paynet.signForm(v),
    'Client()': (v) => new paynet.Client(v),
    'Client#getBalance': (v) => client.getBalance(v),
    'Client#getManagerBalances': (v) => client.getManagerBalances(v),
  }
  for (const [name, call] of Object.entries(calls)) {
    for (const v of WRONG) {
      if (typeof v === 'string' && TEXT_IS_FINE.has(name)) continue
      let error
      let thrown = false
      try {
        let result
        try {
          result = call(v)
        } catch (e) {
          thrown = true
          throw e
        }
        await result
      } catch (e) {
        error = e
      }
      yield { label: `${name}(${show(v)})`, error, thrown }
    }
  }
}
