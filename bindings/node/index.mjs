// The ESM entry: the same objects as `require('paynet-oauth')`. Node reads the named
// exports from main.js's `module.exports = { ... }` (its CommonJS lexer), so the list
// is written once, there; test/esm.test.mjs checks that every one arrives.
export * from './main.js'
export { default } from './main.js'
