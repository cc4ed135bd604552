// What the tests share: the built package (PAYNET_WASM_PKG, default build/wasm/pkg),
// and the vectors (tests/js/vectors.mjs).
import { pathToFileURL } from 'node:url'

const root = new URL('../../../', import.meta.url)
const pkgDir = process.env.PAYNET_WASM_PKG
  ? pathToFileURL(process.env.PAYNET_WASM_PKG.replace(/\/?$/, '/'))
  : new URL('build/wasm/pkg/', root)

/** The package as Node imports it (its `node` entry). */
export const paynet = await import(new URL('node.js', pkgDir).href)

/** The package's directory, for the other entries. */
export const packageDir = pkgDir

export { load, requestOf } from '../../../tests/js/vectors.mjs'
