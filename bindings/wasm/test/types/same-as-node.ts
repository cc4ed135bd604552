// `tsc --strict --noEmit` (make test-wasm): every export the wasm package shares with
// the Node addon has the same type. Each wasm export is assigned to the Node
// declaration's type and each Node export to the wasm one, so neither can drift.
import * as wasm from '../../index'
import type * as node from '../../../node/index'

declare const n: {
  signForm: typeof node.signForm
  errorKinds: typeof node.errorKinds
  percentEncode: typeof node.percentEncode
  sign: typeof node.sign
  verify: typeof node.verify
  parseResponse: typeof node.parseResponse
  Signer: typeof node.Signer
  signer: node.Signer
  Client: typeof node.Client
  client: node.Client
}

// wasm -> Node.
export const sign: typeof node.sign = wasm.sign
export const verify: typeof node.verify = wasm.verify
export const parseResponse: typeof node.parseResponse = wasm.parseResponse
export const SignerClass: typeof node.Signer = wasm.Signer
export const signer: node.Signer = new wasm.Signer('key')

export const signForm: typeof node.signForm = wasm.signForm
export const errorKinds: typeof node.errorKinds = wasm.errorKinds
export const percentEncode: typeof node.percentEncode = wasm.percentEncode
export const ClientClass: typeof node.Client = wasm.Client
export const client: node.Client = new wasm.Client({ gateway: 'payneteasy-sandbox', login: 'l', controlKey: 'k' })

// Node -> wasm.
export const signForm2: typeof wasm.signForm = n.signForm
export const errorKinds2: typeof wasm.errorKinds = n.errorKinds
export const percentEncode2: typeof wasm.percentEncode = n.percentEncode
export const sign2: typeof wasm.sign = n.sign
export const verify2: typeof wasm.verify = n.verify
export const ClientClass2: typeof wasm.Client = n.Client
export const client2: wasm.Client = n.client
// The one intended difference: wasm takes any Uint8Array body (browsers have no
// Buffer), the addon a Buffer. Pinned, so that a change on either side is seen.
// @ts-expect-error the addon's body is a Buffer, wasm's any Uint8Array
export const parseResponse2: typeof wasm.parseResponse = n.parseResponse
export const parseResponse3: (command: string, status: number, body: string | Buffer) => ReturnType<typeof wasm.parseResponse> = n.parseResponse
// wasm's Signer adds `free()` (WebAssembly memory), otherwise the same.
export const SignerClass2: new (...args: ConstructorParameters<typeof wasm.Signer>) => Omit<wasm.Signer, 'free'> = n.Signer
export const signer2: Omit<wasm.Signer, 'free'> = n.signer

// The shared data types, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const same = <T extends true>(): T | undefined => undefined
same<Same<wasm.SignRequest, node.SignRequest>>()
same<Same<wasm.SignerRequest, node.SignerRequest>>()
same<Same<wasm.SignedRequest, node.SignedRequest>>()
same<Same<wasm.VerifyRequest, node.VerifyRequest>>()
same<Same<wasm.SignerVerifyRequest, node.SignerVerifyRequest>>()
same<Same<wasm.Verified, node.Verified>>()
same<Same<wasm.EndpointBalance, node.EndpointBalance>>()
same<Same<wasm.Balance, node.Balance>>()
same<Same<wasm.FormRequest, node.FormRequest>>()
same<Same<wasm.SignedForm, node.SignedForm>>()
same<Same<wasm.ErrorKindInfo, node.ErrorKindInfo>>()
same<Same<wasm.PaynetErrorCode, node.PaynetErrorCode>>()
same<Same<wasm.ClientOptions, node.ClientOptions>>()
same<Same<wasm.CallOptions, node.CallOptions>>()
same<Same<wasm.GetBalanceArgs, node.GetBalanceArgs>>()
same<Same<wasm.BalancesArgs, node.BalancesArgs>>()
same<Same<wasm.Client, node.Client>>()
same<Same<ConstructorParameters<typeof wasm.Client>, ConstructorParameters<typeof node.Client>>>()
