// Every signing and response vector (tests/vectors) through one import of a package,
// with nothing but the language: no `node:` module, no `assert`, so the same checks run
// in the Node addon's and the wasm build's tests under Node (which assert that each
// case's list of failures is empty) and in the runtime probes under Deno and workerd
// (bindings/wasm/test/runtimes/probe.mjs and worker.mjs, beside which pack-install.sh
// copies this file and requests.mjs). The caller reads the two vector files however its
// runtime can and passes them parsed.
//
//   signingFailures(paynet, c) / encodingFailures(paynet, raw, encoded) /
//   responseFailures(paynet, c, bytes) -> [message...]
//   checkVectors(paynet, signing, responses) -> { passed, failed: [message...] }

import { camel, requestOf } from './requests.mjs'

const CODES = {
  gateway_error: 'PAYNET_GATEWAY_ERROR',
  access_denied: 'PAYNET_ACCESS_DENIED',
  http_error: 'PAYNET_HTTP_ERROR',
  unexpected_response: 'PAYNET_UNEXPECTED_RESPONSE',
}

function same(failed, what, got, want) {
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    failed.push(`${what}: got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`)
  }
}

/**
 * A signing case through `sign` and `Signer#sign` (every output, the same header and
 * body from both), and what was signed through `verify` and `Signer#verify`.
 */
export function signingFailures(paynet, c) {
  const failed = []
  const request = requestOf(c)
  const signed = paynet.sign(request)
  const { consumerSecret, tokenSecret, ...rest } = request
  const signer = new paynet.Signer(consumerSecret, tokenSecret)
  const again = signer.sign(rest)
  for (const [how, got] of [['sign', signed], ['Signer#sign', again]]) {
    same(failed, `${c.id} ${how} normalizedParameters`, got.normalizedParameters, c.expect.normalized_parameters)
    same(failed, `${c.id} ${how} baseString`, got.baseString, c.expect.base_string)
    same(failed, `${c.id} ${how} signature`, got.signature, c.expect.signature)
    same(failed, `${c.id} ${how} timestamp`, got.timestamp, c.timestamp)
    same(failed, `${c.id} ${how} nonce`, got.nonce, c.nonce)
    const quoted = `oauth_signature="${encodeURIComponent(c.expect.signature)}"`
    if (!got.authorizationHeader.includes(quoted)) failed.push(`${c.id} ${how}: header lacks ${quoted}`)
  }
  same(failed, `${c.id} Signer#sign authorizationHeader`, again.authorizationHeader, signed.authorizationHeader)
  same(failed, `${c.id} Signer#sign body`, again.body, signed.body)
  // What was signed verifies, with the query in the URL and the body as sent.
  const received = {
    method: c.method,
    url: c.url,
    body: signed.body,
    authorizationHeader: signed.authorizationHeader,
    now: Number(c.timestamp),
  }
  for (const [how, verified] of [
    ['verify', paynet.verify({ ...received, consumerSecret, tokenSecret })],
    ['Signer#verify', signer.verify(received)],
  ]) {
    same(failed, `${c.id} ${how} consumerKey`, verified.consumerKey, c.consumer_key)
    same(failed, `${c.id} ${how} nonce`, verified.nonce, c.nonce)
    same(failed, `${c.id} ${how} timestamp`, verified.timestamp, Number(c.timestamp))
    same(failed, `${c.id} ${how} token`, verified.token, c.token)
  }
  signer.free?.()
  return failed
}

/** A percent-encoding pair through `percentEncode` and a signed request's parameters. */
export function encodingFailures(paynet, raw, encoded) {
  const failed = []
  same(failed, `percentEncode ${JSON.stringify(raw)}`, paynet.percentEncode(raw), encoded)
  const signed = paynet.sign({
    method: 'POST',
    url: 'https://example.com/x',
    params: [['v', raw]],
    consumerKey: 'k',
    consumerSecret: 's',
    timestamp: 1,
    nonce: 'n',
    version: null,
  })
  same(
    failed,
    `normalizedParameters of ${JSON.stringify(raw)}`,
    signed.normalizedParameters,
    `oauth_consumer_key=k&oauth_nonce=n&oauth_signature_method=HMAC-SHA1&oauth_timestamp=1&v=${encoded}`,
  )
  return failed
}

/**
 * A response case through `parseResponse`, with the body as a string and as each of
 * `bytes(text)` (default: a `Uint8Array`): the balances, or the error's code, gateway
 * message, status and body.
 */
export function responseFailures(paynet, c, bytes = [(text) => new TextEncoder().encode(text)]) {
  const failed = []
  const e = c.expect
  for (const body of [c.body, ...bytes.map((b) => b(c.body))]) {
    const what = `${c.id} (${typeof body === 'string' ? 'string' : body.constructor.name})`
    if (e.kind === 'endpoint_balance') {
      const got = paynet.parseResponse(c.endpoint, c.status, body).balanceAmount
      same(failed, `${what} balanceAmount`, got, e.balance_amount)
      if (typeof got !== 'string') failed.push(`${what}: balanceAmount is not a string`)
    } else if (e.kind === 'balances') {
      const got = paynet.parseResponse(c.endpoint, c.status, body)
      if (!Array.isArray(got)) failed.push(`${what}: not an array`)
      same(failed, `${what} count`, got.length, e.balances.length)
      e.balances.forEach((balance, i) => {
        for (const [k, v] of Object.entries(camel(balance))) same(failed, `${what}[${i}].${k}`, got[i]?.[k], v)
      })
    } else {
      let error
      try {
        paynet.parseResponse(c.endpoint, c.status, body)
      } catch (caught) {
        error = caught
      }
      if (!(error instanceof Error)) {
        failed.push(`${what}: no Error, expected ${CODES[e.kind]}`)
        continue
      }
      same(failed, `${what} code (${error.message})`, error.code, CODES[e.kind] ?? `unknown kind ${e.kind}`)
      if (e.message !== undefined) same(failed, `${what} gatewayMessage`, error.gatewayMessage, e.message)
      if (e.status !== undefined) same(failed, `${what} status`, error.status, e.status)
      if (e.kind !== 'gateway_error') same(failed, `${what} body`, error.body, c.body)
    }
  }
  return failed
}

/** Runs every case; each case that throws or differs adds to `failed`. */
export function checkVectors(paynet, signing, responses) {
  const failed = []
  let passed = 0
  const cases = [
    ...signing.cases.map((c) => () => signingFailures(paynet, c)),
    ...signing.encode.map(([raw, encoded]) => () => encodingFailures(paynet, raw, encoded)),
    ...responses.cases.map((c) => () => responseFailures(paynet, c)),
  ]
  for (const run of cases) {
    try {
      const found = run()
      if (found.length === 0) passed += 1
      failed.push(...found)
    } catch (error) {
      failed.push(`threw ${error?.code ?? ''} ${error?.message ?? error}`)
    }
  }
  if (signing.cases.length < 15 || responses.cases.length < 10) failed.push('the vector files look truncated')
  return { passed, failed }
}
