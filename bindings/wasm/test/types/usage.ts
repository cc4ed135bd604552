// The documented API of the wasm package type-checks, and misuse does not.
import { sign, verify, percentEncode, parseResponse, commandRequest, signCommand, Signer, Client, type SignedRequest } from '../../index'
import initDefault, { init, initSync } from '../../init'

const request = commandRequest({ gateway: 'payneteasy-sandbox', command: 'get-balance', subject: '1', name: 'Test' })
const signed: SignedRequest = sign({ ...request, consumerKey: 'balance_test_merchant14', consumerSecret: 'key' })
const header: string = signed.authorizationHeader
const token: string | undefined = verify({
  method: 'POST', url: request.url, body: signed.body, authorizationHeader: header, consumerSecret: 'key',
}).token
const encoded: string = percentEncode('a b')
parseResponse('get-balance', 200, new TextEncoder().encode('balance-amount=1'))
const s = new Signer('key', null)
s.sign({ method: 'POST', url: request.url, consumerKey: 'k' })
s.free()
initSync({ module: new Uint8Array() })
const loading: Promise<unknown> = init() ?? initDefault()

// @ts-expect-error consumerSecret is required
sign({ method: 'POST', url: 'https://x/y', consumerKey: 'k' })
// @ts-expect-error percentEncode takes a string
percentEncode(1)
// @ts-expect-error subject is required
commandRequest({ gateway: 'payneteasy-sandbox', command: 'get-balance' })
const command = signCommand({ gateway: 'payneteasy-sandbox', command: 'get-balance', subject: '1', name: 'Test', login: 'l', controlKey: 'k' })
const commandUrl: string = command.url
const commandSignature: string = command.signature
// @ts-expect-error controlKey is required
signCommand({ gateway: 'payneteasy-sandbox', command: 'get-balance', subject: '1', name: 'Test', login: 'l' })

void [token, encoded, loading, commandUrl, commandSignature]

const client = new Client({ gateway: 'payneteasy-sandbox', login: 'l', controlKey: 'k', connectTimeoutMs: 500 })
const amount: Promise<string> = client.getBalance({ endpointId: 1, provider: 'Test' }, { signal: AbortSignal.timeout(1000) }).then((b) => b.balanceAmount)
client.getManagerBalances({ login: 'm', name: 'saa' }).then((list) => list.map((b) => b.amount))
// @ts-expect-error the provider is required
client.getBalance({ endpointId: 1 })
// @ts-expect-error the control key is required
new Client({ gateway: 'payneteasy-sandbox', login: 'l' })
