// Type-checked with `tsc --module node16` (make test-node): an ES module importing the
// package by name gets the ESM types (index.d.mts, the `import` condition), with the
// package object as the default export.
import paynet, { sign, isPaynetError, type PaynetError, type SignedRequest } from 'paynet-oauth'

const signed: SignedRequest = sign({ method: 'POST', url: 'https://x/y', consumerKey: 'k', consumerSecret: 's' })
const again: SignedRequest = paynet.sign({ method: 'POST', url: 'https://x/y', consumerKey: 'k', consumerSecret: 's' })

try {
  new paynet.Client({ gateway: 'payneteasy-sandbox', login: 'l', controlKey: 'k' })
} catch (e) {
  if (isPaynetError(e)) {
    const err: PaynetError = e
    console.log(err.code)
  }
}

export { signed, again }
