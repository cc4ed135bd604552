// The types of `paynet-oauth-wasm/init`: the functions of the package, usable once
// `init` (async) or `initSync` has loaded the WebAssembly module.
export { sign, Signer, verify, percentEncode, parseResponse, signForm, errorKinds, commandRequest, signCommand } from './index.js'

/** What the module can be loaded from. */
export type WasmSource = BufferSource | WebAssembly.Module | URL | Request | Response | string

/** Loads and instantiates the module (fetches it when given a URL or nothing). */
export declare function init(source?: { module_or_path?: WasmSource | Promise<WasmSource> }): Promise<unknown>
export default init

/** Instantiates the module synchronously from its bytes or a compiled module. */
export declare function initSync(source: { module: BufferSource | WebAssembly.Module }): unknown
