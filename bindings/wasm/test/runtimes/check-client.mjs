// The balance Client of one import of the package against the mock gateway (`paynet
// mock`, built-in fixtures) at `gateway`: one getBalance with the right key gives the
// fixture's balance, one with a wrong key PAYNET_ACCESS_DENIED with status 403. Nothing
// but the language and `fetch`, so the same file runs in Deno and workerd.
//
//   await checkClient(paynet, gateway) -> { balance, failed: [message...] }

const MERCHANT = 'balance_test_merchant14'
const KEY = 'F9F65098-1111-1111-1111-621611111111'
const ENDPOINT = { endpointId: '1', provider: 'Test' }

/** Runs both calls; each that throws or differs adds to `failed`. */
export async function checkClient(paynet, gateway) {
  const failed = []
  let balance
  try {
    const client = new paynet.Client({ gateway, login: MERCHANT, controlKey: KEY, timeoutMs: 10000 })
    balance = (await client.getBalance(ENDPOINT)).balanceAmount
    if (balance !== '29.99') failed.push(`getBalance gave ${balance}, expected 29.99`)
  } catch (error) {
    failed.push(`getBalance threw ${error?.code ?? ''} ${error?.message ?? error}`)
  }
  try {
    const wrong = new paynet.Client({ gateway, login: MERCHANT, controlKey: 'wrong-key', timeoutMs: 10000 })
    await wrong.getBalance(ENDPOINT)
    failed.push('a wrong key gave a balance')
  } catch (error) {
    if (error?.code !== 'PAYNET_ACCESS_DENIED' || error?.status !== 403) {
      failed.push(`a wrong key threw ${error?.code} (status ${error?.status}): ${error?.message ?? error}`)
    }
  }
  return { balance, failed }
}
