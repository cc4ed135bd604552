// Type-checked with `tsc --noEmit --strict` against index.d.ts (make test-node):
// the documented API must be expressible, and misuse must not type-check.
import {
  sign,
  verify,
  parseResponse,
  Signer,
  Client,
  type SignRequest,
  type SignedRequest,
  type Verified,
  type EndpointBalance,
  type Balance,
} from '../../index'

const request: SignRequest = {
  method: 'POST',
  url: 'https://sandbox.payneteasy.com/paynet/api/v2/get-balance/1',
  params: { 'balance-provider': 'Test' },
  consumerKey: 'balance_test_merchant14',
  consumerSecret: 'F9F65098-1111-1111-1111-621611111111',
}
const signed: SignedRequest = sign(request)
const header: string = signed.authorizationHeader
const body: string = signed.body
sign({ ...request, params: [['a', '1'], ['a', '2']], timestamp: 1686923599, nonce: 'abc', version: null })
sign({ ...request, timestamp: '1686923599', token: 't', tokenSecret: 's', realm: 'r' })

const signer = new Signer('secret')
const again: SignedRequest = signer.sign({ method: 'GET', url: 'https://x/y', consumerKey: 'k' })
const verified: Verified = verify({
  method: 'POST',
  url: request.url,
  body,
  authorizationHeader: header,
  consumerSecret: 'F9F65098-1111-1111-1111-621611111111',
  window: 300,
})
const seconds: number = verified.timestamp
signer.verify({ method: 'POST', url: request.url, body, authorizationHeader: header, now: seconds })

const parsed: EndpointBalance | Balance[] = parseResponse('get-balance', 200, 'balance-amount=29.99')
parseResponse('get-balance/manager', 200, Buffer.from('[]'))

async function balances(): Promise<string> {
  const client = new Client({ gateway: 'payneteasy-sandbox', login: 'l', controlKey: 'k', timeoutMs: 5000, retries: 1 })
  const endpoint: EndpointBalance = await client.getBalance({ endpointId: '1', provider: 'Test' })
  const list: Balance[] = await client.getManagerBalances({ login: 'BalanceTestManager', name: 'saa' })
  const merchant: Balance[] = await client.getMerchantBalances({ login: 'm' })
  const hold: string | null = list[0].totalShortTermHoldAmount
  return endpoint.balanceAmount + merchant.length + (hold ?? '') + list[0].amount
}

// Amounts are strings, never numbers.
async function amountsAreStrings(client: Client): Promise<void> {
  const endpoint = await client.getBalance({ endpointId: 1, provider: 'Test' })
  // @ts-expect-error balanceAmount is a decimal string
  const n: number = endpoint.balanceAmount
  void n
}

// @ts-expect-error consumerSecret is required
sign({ method: 'POST', url: 'https://x/y', consumerKey: 'k' })
// @ts-expect-error params values are strings
sign({ ...request, params: { a: 1 } })
// @ts-expect-error the control key is required
new Client({ gateway: 'payneteasy-sandbox', login: 'l' })

void [again, parsed, balances, amountsAreStrings]

// Typed errors (issue 17): isPaynetError narrows `unknown` to PaynetError, whose `code`
// is the PaynetErrorCode union; no `(e as any).code`.
import { isPaynetError, errorKinds, percentEncode, signForm, type PaynetError, type PaynetErrorCode, type CallOptions } from '../../index'

function codeOf(e: unknown): PaynetErrorCode | undefined {
  if (isPaynetError(e)) {
    const err: PaynetError = e
    const status: number | undefined = err.status
    void status
    // @ts-expect-error not a code of this package
    if (err.code === 'PAYNET_NO_SUCH_CODE') return undefined
    return err.code
  }
  return undefined
}
const codes: PaynetErrorCode[] = errorKinds().map((k) => k.code)

// AbortSignal on every client call.
async function abortable(client: Client): Promise<void> {
  const controller = new AbortController()
  const options: CallOptions = { signal: controller.signal }
  await client.getBalance({ endpointId: 1, provider: 'Test' }, options)
  await client.getManagerBalances({ login: 'm' }, { signal: AbortSignal.timeout(1000) })
  await client.getMerchantBalances({ login: 'm' })
  // @ts-expect-error signal is an AbortSignal
  await client.getMerchantBalances({ login: 'm' }, { signal: 'stop' })
  const shown: string = client.gateway + client.login
  void shown
}

// The helper for one's own HTTP stack.
const form = signForm({ method: 'POST', url: 'https://x/y', body: new URLSearchParams({ a: '1' }), login: 'l', controlKey: 'k' })
const init = { method: 'POST', headers: { authorization: form.authorization, 'content-type': form.contentType }, body: form.body }
const encoded: string = percentEncode('a b')

void [codeOf, codes, abortable, init, encoded]
