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
