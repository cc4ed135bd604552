// The ESM entry: the same objects as `require('paynet-oauth')`.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const paynet = require('./main.js')

export const {
  sign,
  Signer,
  verify,
  percentEncode,
  parseResponse,
  signForm,
  Client,
  errorKinds,
  isPaynetError,
  __napiBindingTarget,
} = paynet
export default paynet
