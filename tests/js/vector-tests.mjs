// The vector tests of a JavaScript package under Node's test runner: one test per case of
// tests/vectors/oauth1-signing.json and responses.json, each asserting that the checks
// of check-vectors.mjs (the same ones the edge runtimes run) find nothing. Registered
// by the Node addon's and the wasm build's test files for their own package.
import test from 'node:test'
import assert from 'node:assert/strict'

import { load } from './vectors.mjs'
import { encodingFailures, responseFailures, signingFailures } from './check-vectors.mjs'

/**
 * Registers the tests for `paynet`; `bytes` makes the byte bodies `parseResponse` is
 * given besides the string (default: a `Uint8Array`).
 */
export function vectorTests(paynet, bytes = undefined) {
  const signing = load('oauth1-signing.json')
  const responses = load('responses.json')

  test('the vector files are not empty', () => {
    assert.ok(signing.cases.length >= 15)
    assert.ok(signing.encode.length >= 10)
    assert.ok(responses.cases.length >= 10)
  })

  for (const c of signing.cases) {
    test(`signing vector ${c.id}`, () => assert.deepEqual(signingFailures(paynet, c), []))
  }

  test('percent-encoding vectors (percentEncode and the normalized parameters)', () => {
    for (const [raw, encoded] of signing.encode) assert.deepEqual(encodingFailures(paynet, raw, encoded), [])
  })

  for (const c of responses.cases) {
    test(`response vector ${c.id}`, () => assert.deepEqual(responseFailures(paynet, c, bytes), []))
  }
}
