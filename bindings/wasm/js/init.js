// Manual loading: `await init(source)` (also the default export) or
// `initSync({ module })` with the .wasm's bytes, a `WebAssembly.Module` (Cloudflare
// Workers: `import wasm from '…_bg.wasm'`) or a URL; then the functions are usable.
// No top-level await, no fetch until called. `Client` works once the module is loaded.
export {
  default,
  default as init,
  initSync,
  sign,
  Signer,
  verify,
  percentEncode,
  parseResponse,
  signForm,
  errorKinds,
  commandRequest,
  signCommand,
} from './paynet_oauth_wasm.js'
export { Client } from './client.js'
