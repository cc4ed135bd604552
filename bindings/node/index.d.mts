// The ESM entry's types (`import ... from 'paynet-oauth'`): the same API as index.d.ts,
// which types the CommonJS entry, with the package object as the default export.
import * as paynet from './index.js'

export * from './index.js'
export default paynet
