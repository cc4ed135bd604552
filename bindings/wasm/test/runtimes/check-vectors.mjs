// Every signing and response vector (tests/vectors) through one import of the package,
// with nothing but the language: no `node:` module, no `assert`, so the same file runs
// under Node (any `--conditions`), Deno and workerd. The caller reads the two vector
// files however its runtime can and passes them parsed.
//
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

function signingCase(paynet, c, failed) {
  const request = requestOf(c)
  const signed = paynet.sign(request)
  const { consumerSecret, tokenSecret, ...rest } = request
  const signer = new paynet.Signer(consumerSecret, tokenSecret)
  for (const [how, got] of [['sign', signed], ['Signer#sign', signer.sign(rest)]]) {
    same(failed, `${c.id} ${how} normalizedParameters`, got.normalizedParameters, c.expect.normalized_parameters)
    same(failed, `${c.id} ${how} baseString`, got.baseString, c.expect.base_string)
    same(failed, `${c.id} ${how} signature`, got.signature, c.expect.signature)
    const quoted = `oauth_signature="${encodeURIComponent(c.expect.signature)}"`
    if (!got.authorizationHeader.includes(quoted)) failed.push(`${c.id} ${how}: header lacks ${quoted}`)
  }
  const verified = paynet.verify({
    method: c.method,
    url: c.url,
    body: signed.body,
    authorizationHeader: signed.authorizationHeader,
    now: Number(c.timestamp),
    consumerSecret,
    tokenSecret,
  })
  same(failed, `${c.id} verify consumerKey`, verified.consumerKey, c.consumer_key)
  same(failed, `${c.id} verify nonce`, verified.nonce, c.nonce)
  signer.free?.()
}

function responseCase(paynet, c, failed) {
  const e = c.expect
  for (const body of [c.body, new TextEncoder().encode(c.body)]) {
    const what = `${c.id} (${typeof body === 'string' ? 'string' : 'bytes'})`
    if (e.kind === 'endpoint_balance') {
      same(failed, `${what} balanceAmount`, paynet.parseResponse(c.endpoint, c.status, body).balanceAmount, e.balance_amount)
    } else if (e.kind === 'balances') {
      const got = paynet.parseResponse(c.endpoint, c.status, body)
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
      if (!error) failed.push(`${what}: no error, expected ${CODES[e.kind]}`)
      else same(failed, `${what} code`, error.code, CODES[e.kind] ?? `unknown kind ${e.kind}`)
      if (error && e.message !== undefined) same(failed, `${what} gatewayMessage`, error.gatewayMessage, e.message)
    }
  }
}

/** Runs every case; each case that throws or differs adds to `failed`. */
export function checkVectors(paynet, signing, responses) {
  const failed = []
  let passed = 0
  const cases = [
    ...signing.cases.map((c) => () => signingCase(paynet, c, failed)),
    ...signing.encode.map(([raw, encoded]) => () => same(failed, `percentEncode ${JSON.stringify(raw)}`, paynet.percentEncode(raw), encoded)),
    ...responses.cases.map((c) => () => responseCase(paynet, c, failed)),
  ]
  for (const run of cases) {
    const before = failed.length
    try {
      run()
    } catch (error) {
      failed.push(`threw ${error?.code ?? ''} ${error?.message ?? error}`)
    }
    if (failed.length === before) passed += 1
  }
  if (signing.cases.length < 15 || responses.cases.length < 10) failed.push('the vector files look truncated')
  return { passed, failed }
}
