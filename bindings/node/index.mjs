// The ESM entry: the same objects as `require('paynet-oauth')`.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const paynet = require('./main.js')

export const { sign, Signer, verify, parseResponse, Client } = paynet
export default paynet
