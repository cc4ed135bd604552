// What the browser tests share: a static server for the built page on 127.0.0.1 (a
// port it picks), headless Debian chromium through playwright-core with a fresh
// profile, and the repository's vectors (tests/js/vectors.mjs).
import { createServer } from 'node:http'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join, normalize, sep } from 'node:path'
import { chromium } from 'playwright-core'

/** The built page's directory (make web). */
export const pageDir = process.env.WEB_OUT ?? new URL('../../../build/web/request-builder', import.meta.url).pathname

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' }

/** Serves `dir` read-only; resolves to `{ origin, requests, close }`. */
export function serve(dir) {
  const requests = []
  const server = createServer((req, res) => {
    requests.push(req.url)
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname)
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path))
    if (!file.startsWith(dir.replace(/\/?$/, sep))) {
      res.writeHead(403).end()
      return
    }
    try {
      const body = readFileSync(file)
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body)
    } catch {
      res.writeHead(404).end()
    }
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      resolve({
        origin: `http://127.0.0.1:${port}`,
        requests,
        close: () => new Promise((done) => server.close(done)),
      })
    })
  })
}

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
]

/** Chromium with a fresh profile; `close()` removes it. */
export async function browser() {
  const profile = mkdtempSync(join(tmpdir(), 'paynet-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ARGS,
  })
  return {
    context,
    close: async () => {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** A page of `context` that records every request it makes, loaded from `url`. */
export async function open(context, url) {
  const page = await context.newPage()
  const requested = []
  page.on('request', (r) => requested.push(r.url()))
  const errors = []
  page.on('pageerror', (e) => errors.push(String(e)))
  await page.goto(url)
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 15000 })
    .catch((e) => { throw new Error(`the page did not start: ${errors.join('; ') || e}`) })
  return { page, requested, errors }
}

/** The npm package's directory (make wasm): its full build, with verify and parseResponse. */
export const pkgDir = process.env.WASM_PKG ?? new URL('../../../build/wasm/pkg', import.meta.url).pathname

/**
 * A page of `context` on `server` (serving pkgDir) with the npm package's browser entry
 * imported as `globalThis.paynet`: what the page's own build leaves out runs here.
 */
export async function openPackage(context, server) {
  const page = await context.newPage()
  await page.goto(`${server.origin}/package.json`)
  await page.evaluate(async () => { globalThis.paynet = await import('/index.js') })
  return page
}

export { load, requestOf, camel } from '../../../tests/js/vectors.mjs'
