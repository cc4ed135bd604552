// The entry for browsers, Deno and workers (the `browser`, `deno`, `worker` and
// `default` conditions): loads `paynet_oauth_wasm_bg.wasm` next to this file with
// `fetch` (a top-level await), then exports the functions. Where `fetch` of the
// module's own URL is not possible (a bundler without asset support, a page opened
// from file://), import `paynet-oauth-wasm/init` and call `initSync({ module: bytes })`.
import init, * as wasm from './paynet_oauth_wasm.js'

await init({ module_or_path: new URL('./paynet_oauth_wasm_bg.wasm', import.meta.url) })

export const { sign, Signer, verify, percentEncode, parseResponse, signForm, errorKinds, commandRequest } = wasm
export default { sign, Signer, verify, percentEncode, parseResponse, signForm, errorKinds, commandRequest }
