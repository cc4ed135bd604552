// make test-edge, Deno part of the client: imports `paynet-oauth` by name (the `deno`
// condition gives the wasm build) and runs check-client.mjs against the mock gateway.
//
//   deno run --allow-read=. --allow-net=127.0.0.1:PORT client-deno.mjs GATEWAY LABEL
import * as paynet from 'paynet-oauth'
import { checkClient } from './check-client.mjs'

const [gateway, label] = Deno.args
const { balance, failed } = await checkClient(paynet, gateway)
if (failed.length) throw new Error(`${label} client: ${failed.join('; ')}`)
console.log(`${label} client: getBalance ${balance} from the mock, a wrong key PAYNET_ACCESS_DENIED (403)`)
