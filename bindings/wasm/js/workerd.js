// The entry under Cloudflare's workerd (the `workerd` condition): workers cannot fetch
// their own files, so the `.wasm` is imported as a module, which wrangler (and esbuild
// or workerd's own module list) turns into a compiled `WebAssembly.Module`; it is
// instantiated synchronously on import.
import module from './paynet_oauth_wasm_bg.wasm'
import { initSync } from './paynet_oauth_wasm.js'
import * as wasm from './paynet_oauth_wasm.js'
import { Client } from './client.js'

initSync({ module })

export const { sign, Signer, verify, percentEncode, parseResponse, signForm, errorKinds, commandRequest, signCommand } = wasm
export { Client }
export default { sign, Signer, verify, percentEncode, parseResponse, signForm, errorKinds, commandRequest, signCommand, Client }
