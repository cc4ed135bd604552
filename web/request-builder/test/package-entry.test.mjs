// The npm package's browser entry (index.js: fetch of the .wasm next to it and a
// top-level await) and its init entry, imported by a page in headless Chromium from a
// static server, sign the documented example as the vectors say.
import test from 'node:test'
import assert from 'node:assert/strict'

import { browser, load, pkgDir, requestOf, serve } from './support.mjs'

const example = load('oauth1-signing.json').cases.find((c) => c.id === 'paynet-get-balance')

test('index.js and init.js of the package work in Chromium', async () => {
  const server = await serve(pkgDir)
  const chrome = await browser()
  try {
    const page = await chrome.context.newPage()
    const requested = []
    page.on('request', (r) => requested.push(r.url()))
    await page.goto(`${server.origin}/package.json`)
    const got = await page.evaluate(async (request) => {
      const entry = await import('/index.js')
      const manual = await import('/init.js')
      await manual.default()
      return [entry.sign(request).signature, entry.default.sign(request).signature, manual.sign(request).signature]
    }, requestOf(example))
    assert.deepEqual(got, Array(3).fill(example.expect.signature))
    assert.ok(requested.some((u) => u.endsWith('/paynet_oauth_wasm_bg.wasm')), requested.join(' '))
    for (const u of requested) assert.ok(u.startsWith(`${server.origin}/`), u)
  } finally {
    await chrome.close()
    await server.close()
  }
})
