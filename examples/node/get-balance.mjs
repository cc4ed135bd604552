#!/usr/bin/env node
// Get balances from a PaynetEasy-style gateway with the `paynet-oauth` npm package.
//
// Usage: node get-balance.mjs [ENDPOINT_ID [PROVIDER]]     (default: 1 Test)
//
// It imports the installed package: copy it into a project that ran
// `npm install paynet-oauth` (or the packed tarball, README "Install"). From this
// repository, after `make node-build`: `NODE_PATH` does not reach ES modules, so link
// the package once: `mkdir -p node_modules && ln -s ../bindings/node node_modules/paynet-oauth`
// at the repository's root, then `node examples/node/get-balance.mjs`.
//
// Configuration, as the `paynet` command line tool reads it:
//   PAYNET_GATEWAY      a base URL or a preset name (default: payneteasy-sandbox)
//   PAYNET_LOGIN        the merchant login (default: balance_test_merchant14)
//   PAYNET_CONTROL_KEY  the merchant's control key (required)
//
// Prints the endpoint's balance, then the merchant's balances. Exit codes: 0 success,
// 2 configuration, 3 gateway error, 4 access denied, 5 network or timeout, 6 any other
// HTTP error or unexpected response.
import { Client } from 'paynet-oauth'

const EXIT_CODES = {
  PAYNET_INVALID_INPUT: 2,
  PAYNET_GATEWAY_ERROR: 3,
  PAYNET_ACCESS_DENIED: 4,
  PAYNET_TIMEOUT: 5,
  PAYNET_TRANSPORT: 5,
}

const [endpointId = '1', provider = 'Test'] = process.argv.slice(2)
const gateway = process.env.PAYNET_GATEWAY || 'payneteasy-sandbox'
const login = process.env.PAYNET_LOGIN || 'balance_test_merchant14'
const controlKey = process.env.PAYNET_CONTROL_KEY

if (!controlKey) {
  console.error("set PAYNET_CONTROL_KEY to the merchant's control key")
  process.exit(2)
}

try {
  const client = new Client({ gateway, login, controlKey, timeoutMs: 30_000 })
  // The requests run on the addon's own threads; both are in flight at once.
  const [balance, balances] = await Promise.all([
    client.getBalance({ endpointId, provider }),
    client.getMerchantBalances({ login }),
  ])
  // Amounts are decimal strings, exactly as the gateway sent them.
  console.log(`endpoint ${endpointId} (${provider}): ${balance.balanceAmount}`)
  for (const b of balances) {
    console.log(`merchant ${login} balance ${b.name}: ${b.amount} ${b.currency}`)
  }
} catch (err) {
  if (err.code === 'PAYNET_GATEWAY_ERROR') console.error(`the gateway says: ${err.gatewayMessage}`)
  else console.error(`${err.code ?? 'error'}: ${err.message}`)
  process.exit(EXIT_CODES[err.code] ?? 6)
}
