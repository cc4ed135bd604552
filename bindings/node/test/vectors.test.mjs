// Every case of tests/vectors/oauth1-signing.json and responses.json, through every
// entry point: `sign`, `Signer#sign`, `verify` and `Signer#verify` of what was signed,
// `percentEncode`, and `parseResponse` with a string, a Buffer and a Uint8Array body.
// The tests are the wasm build's and the checks the edge runtimes' (tests/js).
import paynet from '../main.js'
import { vectorTests } from '../../../tests/js/vector-tests.mjs'

vectorTests(paynet, [(text) => Buffer.from(text, 'utf8'), (text) => new TextEncoder().encode(text)])
