// Every case of tests/vectors/oauth1-signing.json and responses.json through the wasm
// package under Node (ESM): `sign`, `Signer#sign`, `verify` and `Signer#verify` of what
// was signed, the percent-encoding pairs, and `parseResponse` with a string and a
// Uint8Array body. The tests are the Node addon's and the checks the edge runtimes'
// (tests/js).
import { paynet } from './support.mjs'
import { vectorTests } from '../../../tests/js/vector-tests.mjs'

vectorTests(paynet)
