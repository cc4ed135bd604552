// make bench-wasm: time per `sign` of the wasm build in headless Chromium, next to
// crypto.subtle HMAC-SHA1 over the same base string in the same page, and the sizes
// of what the page loads; prints the BENCHMARKS.md section.
//
//   node bench.mjs WEB_OUT PKG_DIR
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

import { browser, load, open, requestOf, serve } from './support.mjs'

const [webOut, pkg] = process.argv.slice(2)
const example = load('oauth1-signing.json').cases.find((c) => c.id === 'paynet-get-balance')
const ROUNDS = 15
const CALLS = 4000

const server = await serve(webOut)
const chrome = await browser()
let result
try {
  const { page } = await open(chrome.context, `${server.origin}/`)
  result = await page.evaluate(async ({ request, rounds, calls }) => {
    const { paynet } = globalThis
    const { consumerSecret, ...rest } = request
    const signer = new paynet.Signer(consumerSecret)
    const base = paynet.sign(request).baseString
    const encoder = new TextEncoder()
    const key = await crypto.subtle.importKey(
      'raw', encoder.encode(`${paynet.percentEncode(consumerSecret)}&`), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign'],
    )
    const runs = {
      sign: () => { for (let i = 0; i < calls; i++) paynet.sign(request) },
      signer: () => { for (let i = 0; i < calls; i++) signer.sign(rest) },
      subtle: async () => { for (let i = 0; i < calls; i++) await crypto.subtle.sign('HMAC', key, encoder.encode(base)) },
    }
    const times = { sign: [], signer: [], subtle: [] }
    for (const run of Object.values(runs)) await run() // warm up
    for (let r = 0; r < rounds; r++) {
      for (const [name, run] of Object.entries(runs)) {
        const t0 = performance.now()
        await run()
        times[name].push(((performance.now() - t0) * 1e6) / calls)
      }
    }
    const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]
    // The signature crypto.subtle computes is the one `sign` gives (same work).
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(base)))
    const same = btoa(String.fromCharCode(...mac)) === paynet.sign(request).signature
    return { sign: median(times.sign), signer: median(times.signer), subtle: median(times.subtle), same }
  }, { request: requestOf(example), rounds: ROUNDS, calls: CALLS })
} finally {
  await chrome.close()
  await server.close()
}
if (!result.same) throw new Error('crypto.subtle and sign disagree on the signature: not the same work')

const size = (file) => {
  const bytes = readFileSync(file)
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
}
const kib = (n) => (n / 1024).toFixed(1)
const rows = [
  ['the Request Builder page, `index.html` (everything it loads: HTML, CSS, glue, .wasm gzipped+base64)', size(join(webOut, 'index.html'))],
  ['inside it: the page\'s `.wasm` (sign, Signer, percentEncode, commandRequest, signCommand)', size(join(pkg, '..', 'page', 'paynet_oauth_wasm_bg.wasm'))],
  ['npm package: `paynet_oauth_wasm_bg.wasm` (everything: verify, parseResponse, signForm, errorKinds and the Client too)', size(join(pkg, 'paynet_oauth_wasm_bg.wasm'))],
  ['npm package: `paynet_oauth_wasm.js` (wasm-bindgen glue)', size(join(pkg, 'paynet_oauth_wasm.js'))],
]
const chromium = execFileSync('/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] })
  .toString().match(/[\d.]+/)?.[0] ?? '?'
const ns = (x) => Math.round(x)
const ratio = (x) => `${(x / result.subtle).toFixed(2)}x`
console.log(`## WebAssembly (\`bindings/wasm\`, the Request Builder page)

Command: \`make bench-wasm\` — the documented get-balance request in headless Chromium ${chromium} (Debian), median of ${ROUNDS} interleaved rounds of ${CALLS} calls in one page, one run; ${cpus()[0]?.model.trim()}, load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs.

| what | ns per call | this ÷ crypto.subtle |
|---|---:|---:|
| wasm \`sign(request)\` → all seven outputs (key set up per call) | ${ns(result.sign)} | ${ratio(result.sign)} |
| wasm \`new Signer(key).sign(request)\`, reused signer | ${ns(result.signer)} | ${ratio(result.signer)} |
| \`await crypto.subtle.sign('HMAC' SHA-1)\` over the finished base string (key imported once) | ${ns(result.subtle)} | 1.00x |

crypto.subtle is asynchronous (each call a promise); it computes only the HMAC of a base string built elsewhere, while \`sign\` parses the URL, sorts and encodes the parameters, builds the base string and all outputs, and signs.

| file | raw | gzipped (-9) |
|---|---:|---:|
${rows.map(([what, s]) => `| ${what} | ${s.raw} B (${kib(s.raw)} KiB) | ${s.gzip} B (${kib(s.gzip)} KiB) |`).join('\n')}

Build: ${readFileSync(join(pkg, '..', 'pkg-build.txt'), 'utf8').trim()}.

Goal: ≤ 64 KiB gzipped for everything the page loads: ${rows[0][1].gzip <= 64 * 1024 ? 'met' : `not met`} (${kib(rows[0][1].gzip)} KiB; its .wasm alone is ${kib(rows[1][1].gzip)} KiB gzipped). The page loads a build of the binding without its cargo features \`package\`, \`client\` and \`fast-signing\`: it signs and never verifies, parses an answer or sends, so it leaves out \`verify\`, \`parseResponse\`, \`signForm\`, \`errorKinds\` and the \`Client\` (the response vectors and \`verify\` run through the npm package's full build in the same Chromium, \`make test-web\`), and it signs with the core's size-first build (its own small SHA-1, one writer per output; the npm package has the speed-first one). \`make test-web\` fails when the page passes 64 KiB.`)
