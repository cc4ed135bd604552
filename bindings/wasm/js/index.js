// The entry for browsers, Deno and workers (the `browser`, `deno`, `worker` and
// `default` conditions): loads `paynet_oauth_wasm_bg.wasm` next to this file (a
// top-level await), then exports the functions. From a `file:` URL in a runtime with
// Node's built-in modules (Node itself under `--conditions=browser`, Deno) the bytes
// are read with `fs`, since Node's `fetch` refuses `file:`; otherwise with `fetch`.
// Where neither is possible (a bundler without asset support, a page opened from
// file://), import `paynet-oauth-wasm/init` and call `initSync({ module: bytes })`.
import init, * as wasm from './paynet_oauth_wasm.js'
import { Client } from './client.js'

const url = new URL('./paynet_oauth_wasm_bg.wasm', import.meta.url)
const fs = url.protocol === 'file:' ? globalThis.process?.getBuiltinModule?.('node:fs') : undefined
await init({ module_or_path: fs ? fs.readFileSync(url) : url })

export const { sign, Signer, verify, percentEncode, parseResponse, signForm, errorKinds, commandRequest, signCommand } = wasm
export { Client }
export default { sign, Signer, verify, percentEncode, parseResponse, signForm, errorKinds, commandRequest, signCommand, Client }
