// A Cloudflare worker (run by workerd in make test-edge): imports `paynet-oauth` by name,
// which the bundler resolves through the `workerd` condition to the wasm build, and
// answers with the result of the vectors and what the import held, or for
// `/client?gateway=URL` with the result of the balance Client against that gateway.
import * as paynet from 'paynet-oauth'
import { checkClient } from './check-client.mjs'
import { checkVectors } from './check-vectors.mjs'
import signing from './vectors/oauth1-signing.json'
import responses from './vectors/responses.json'

export default {
  async fetch(request) {
    const url = new URL(request.url)
    if (url.pathname === '/client') return Response.json(await checkClient(paynet, url.searchParams.get('gateway')))
    const { passed, failed } = checkVectors(paynet, signing, responses)
    const exports = Object.keys(paynet).sort()
    return Response.json({ runtime: navigator.userAgent, exports, passed, failed })
  },
}
