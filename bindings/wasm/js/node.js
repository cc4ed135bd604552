// The entry under Node (the `node` condition, ESM): the .wasm is read from the
// package directory and compiled synchronously, so importing it is enough.
import { readFileSync } from 'node:fs'
import { initSync } from './paynet_oauth_wasm.js'
import * as wasm from './paynet_oauth_wasm.js'
import { Client } from './client.js'

initSync({ module: readFileSync(new URL('./paynet_oauth_wasm_bg.wasm', import.meta.url)) })

export const { sign, Signer, verify, percentEncode, parseResponse, signForm, errorKinds, commandRequest, signCommand } = wasm
export { Client }
export default { sign, Signer, verify, percentEncode, parseResponse, signForm, errorKinds, commandRequest, signCommand, Client }
