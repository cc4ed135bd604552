// `make web`: the Request Builder as ONE self-contained index.html: the page, its style
// and one module script (the wasm-bindgen glue of the page's build of paynet-oauth-wasm,
// which leaves out what the page never calls: verify, parseResponse, signForm; the .wasm
// gzipped as base64, app.js), under a Content-Security-Policy that allows exactly that script and
// that style (by their SHA-256) and no connection at all.
//
//   node build.mjs PAGE_BUILD_DIR OUT_DIR   (build/wasm/page, made by bindings/wasm/scripts/build.sh)
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'

const [pkg, out] = process.argv.slice(2)
if (!pkg || !out) throw new Error('usage: node build.mjs PAGE_BUILD_DIR OUT_DIR')
const here = (name) => readFileSync(new URL(name, import.meta.url), 'utf8')

const glue = readFileSync(join(pkg, 'paynet_oauth_wasm.js'), 'utf8')
const wasm = readFileSync(join(pkg, 'paynet_oauth_wasm_bg.wasm'))
const packed = gzipSync(wasm, { level: 9 }).toString('base64')
const script = `${glue}\nconst WASM_GZIP_BASE64 = '${packed}'\n${here('app.js')}`
const style = here('style.css')
for (const [name, text] of [['script', script], ['style', style]]) {
  if (/<\/(script|style)/i.test(text)) throw new Error(`the ${name} would end its element early`)
}

const sha = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`
const csp = [
  "default-src 'none'",
  `script-src ${sha(script)} 'wasm-unsafe-eval'`,
  `style-src ${sha(style)}`,
  'img-src data:',
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

const page = here('index.html')
  .replace('{{CSP}}', () => csp)
  .replace('{{STYLE}}', () => style)
  .replace('{{SCRIPT}}', () => script)
mkdirSync(out, { recursive: true })
writeFileSync(join(out, 'index.html'), page)
const sizes = {
  'index.html': { raw: Buffer.byteLength(page), gzip: gzipSync(page, { level: 9 }).length },
  '.wasm (inside it)': { raw: wasm.length, gzip: gzipSync(wasm, { level: 9 }).length },
}
writeFileSync(join(out, 'sizes.json'), JSON.stringify(sizes, null, 2) + '\n')
console.log(`request builder: ${join(out, 'index.html')} ${sizes['index.html'].raw} B, ${sizes['index.html'].gzip} B gzipped`)
