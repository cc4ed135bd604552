// The Request Builder in headless Chromium: (a) every signing vector through the page's
// module (sign, Signer) and, through the npm package's full build in the same browser,
// verify of what the page signed and every response vector (the page's build leaves out
// verify and parseResponse: the page never calls them), (b) the form filled as a person would with the documented
// get-balance example, every output checked, (c) no request beyond the page's origin,
// (d) the page from file://.
import test from 'node:test'
import assert from 'node:assert/strict'
import { pathToFileURL } from 'node:url'
import { join } from 'node:path'

import { browser, camel, load, open, openPackage, pageDir, pkgDir, requestOf, serve } from './support.mjs'

const signing = load('oauth1-signing.json')
const responses = load('responses.json')
const example = signing.cases.find((c) => c.id === 'paynet-get-balance')

let server
let pkgServer
let chrome
test.before(async () => {
  server = await serve(pageDir)
  pkgServer = await serve(pkgDir)
  chrome = await browser()
})
test.after(async () => {
  await chrome?.close()
  await server?.close()
  await pkgServer?.close()
})

/** Every request of `requested` stays on `origin` (the page's own file for file://). */
function onlyOwn(requested, origin) {
  assert.ok(requested.length >= 1, 'the page itself was requested')
  for (const url of requested) {
    assert.ok(url.startsWith(`${origin}/`) || url === origin, `a request off the page's origin: ${url}`)
  }
}

test('(a) every signing vector through the page module (sign, Signer), verified by the package', async () => {
  const { page, requested } = await open(chrome.context, `${server.origin}/`)
  const results = await page.evaluate((cases) => cases.map(({ c, request }) => {
    const { paynet } = globalThis
    const signed = paynet.sign(request)
    const { consumerSecret, tokenSecret, ...rest } = request
    const again = new paynet.Signer(consumerSecret, tokenSecret).sign(rest)
    return { id: c.id, signed, again: again.signature }
  }), signing.cases.map((c) => ({ c, request: requestOf(c) })))
  assert.equal(Object.keys(await page.evaluate(() => globalThis.paynet)).sort().join(' '),
    'Signer commandRequest percentEncode sign signCommand', 'the page build exports what the page calls')
  const full = await openPackage(chrome.context, pkgServer)
  const verified = await full.evaluate((cases) => cases.map(({ c, signed, request }) => globalThis.paynet.verify({
    method: c.method, url: c.url, body: signed.body, authorizationHeader: signed.authorizationHeader,
    consumerSecret: request.consumerSecret, tokenSecret: request.tokenSecret, now: Number(c.timestamp),
  })), signing.cases.map((c, i) => ({ c, signed: results[i].signed, request: requestOf(c) })))
  assert.equal(results.length, signing.cases.length)
  for (const [i, c] of signing.cases.entries()) {
    const r = results[i]
    assert.equal(r.signed.normalizedParameters, c.expect.normalized_parameters, c.id)
    assert.equal(r.signed.baseString, c.expect.base_string, c.id)
    assert.equal(r.signed.signature, c.expect.signature, c.id)
    assert.equal(r.again, c.expect.signature, c.id)
    assert.equal(verified[i].consumerKey, c.consumer_key, c.id)
    assert.equal(verified[i].nonce, c.nonce, c.id)
  }
  onlyOwn(requested, server.origin)
  await page.close()
  await full.close()
})

test('(a) every response vector through the package in Chromium: parseResponse', async () => {
  const page = await openPackage(chrome.context, pkgServer)
  const results = await page.evaluate((cases) => cases.map((c) => {
    try {
      return { ok: globalThis.paynet.parseResponse(c.endpoint, c.status, c.body) }
    } catch (e) {
      return { code: e.code, gatewayMessage: e.gatewayMessage, status: e.status }
    }
  }), responses.cases)
  const CODES = {
    gateway_error: 'PAYNET_GATEWAY_ERROR', access_denied: 'PAYNET_ACCESS_DENIED',
    http_error: 'PAYNET_HTTP_ERROR', unexpected_response: 'PAYNET_UNEXPECTED_RESPONSE',
  }
  for (const [i, c] of responses.cases.entries()) {
    const r = results[i]
    const e = c.expect
    if (e.kind === 'endpoint_balance') assert.equal(r.ok.balanceAmount, e.balance_amount, c.id)
    else if (e.kind === 'balances') {
      assert.equal(r.ok.length, e.balances.length, c.id)
      r.ok.forEach((got, j) => {
        for (const [k, v] of Object.entries(camel(e.balances[j]))) assert.deepEqual(got[k], v, `${c.id}[${j}].${k}`)
      })
    } else {
      assert.equal(r.code, CODES[e.kind], c.id)
      if (e.message !== undefined) assert.equal(r.gatewayMessage, e.message, c.id)
      if (e.status !== undefined) assert.equal(r.status, e.status, c.id)
    }
  }
  await page.close()
})

/** Fills the form with the documented get-balance example, as a person would. */
async function fillExample(page) {
  const url = new URL(example.url)
  assert.equal(url.origin + url.pathname.replace(/\/get-balance\/[^/]+$/, ''), 'https://sandbox.payneteasy.com/paynet/api/v2')
  await page.selectOption('#gateway', 'payneteasy-sandbox')
  await page.selectOption('#command', 'get-balance')
  await page.click('#subject')
  await page.keyboard.type(decodeURIComponent(url.pathname.split('/').pop()))
  await page.click('#name')
  await page.keyboard.type(Object.fromEntries(example.form)['balance-provider'])
  await page.click('#login')
  await page.keyboard.type(example.consumer_key)
  await page.click('#key')
  await page.keyboard.type(example.consumer_secret)
  await page.click('#timestamp')
  await page.keyboard.type(example.timestamp)
  await page.click('#nonce')
  await page.keyboard.type(example.nonce)
  await page.click('#sign')
}

const text = (page, id) => page.locator(`#${id}`).textContent()

test('(b) the form with the documented get-balance example gives every output of the vector', async () => {
  const { page, requested } = await open(chrome.context, `${server.origin}/`)
  await fillExample(page)
  // A preset hides the base-URL field; "Other" shows it.
  assert.equal(await page.locator('#gateway-url').isVisible(), false)
  assert.equal(await page.locator('#error').isHidden(), true, await text(page, 'error'))
  assert.equal(await text(page, 'out-normalized'), example.expect.normalized_parameters)
  assert.equal(await text(page, 'out-base'), example.expect.base_string)
  assert.equal(await text(page, 'out-signature'), example.expect.signature)
  const sig = encodeURIComponent(example.expect.signature)
  const header = await text(page, 'out-header')
  assert.equal(
    header,
    `OAuth realm="",oauth_version="1.0",oauth_consumer_key="${example.consumer_key}",` +
      `oauth_timestamp="${example.timestamp}",oauth_nonce="${example.nonce}",` +
      `oauth_signature_method="HMAC-SHA1",oauth_signature="${sig}"`,
  )
  const body = await text(page, 'out-body')
  // The gateway's body: the form and the oauth_* values (the signature is in the header).
  assert.equal(body, example.expect.normalized_parameters)
  assert.equal(
    await text(page, 'out-curl'),
    `curl -X POST '${example.url}' \\\n  -H 'Authorization: ${header}' \\\n` +
      `  -H 'Content-Type: application/x-www-form-urlencoded' \\\n  --data-raw '${body}'`,
  )
  // The pasted signature is recognised; a base string with one changed character is
  // shown with the first difference marked.
  await page.fill('#theirs', example.expect.signature)
  assert.match(await text(page, 'verdict'), /^Identical to this page's signature/)
  const at = example.expect.base_string.indexOf('Test')
  const theirs = example.expect.base_string.slice(0, at) + 'test' + example.expect.base_string.slice(at + 4)
  await page.fill('#theirs', theirs)
  assert.equal(await text(page, 'verdict'), `Differs from this page's base string at position ${at + 1} (of ${theirs.length} here, ${theirs.length} pasted).`)
  assert.equal(await page.locator('#diff-theirs mark.at').textContent(), 't')
  assert.equal(await page.locator('#diff-ours mark.at').textContent(), 'T')
  // What users paste from elsewhere: the header with its name (as `paynet sign` prints
  // it), the signature as the header carries it (percent-encoded), and another
  // library's header with the same values in another order and spacing: all the same.
  await page.fill('#theirs', `Authorization: ${header}`)
  assert.match(await text(page, 'verdict'), /^Identical to this page's Authorization header/)
  await page.fill('#theirs', sig)
  assert.match(await text(page, 'verdict'), /^Identical to this page's signature/)
  const reordered =
    `OAuth oauth_nonce="${example.nonce}", oauth_timestamp="${example.timestamp}", oauth_version="1.0", ` +
    `oauth_signature_method="HMAC-SHA1", oauth_consumer_key="${example.consumer_key}", oauth_signature="${sig}"`
  await page.fill('#theirs', reordered)
  assert.match(await text(page, 'verdict'), /^Same values and signature as this page's Authorization header/)
  await page.fill('#theirs', reordered.replace(`oauth_timestamp="${example.timestamp}"`, 'oauth_timestamp="1"'))
  assert.match(await text(page, 'verdict'), /^The Authorization header differs from this page's in oauth_timestamp \(pasted "1", here "\d+"\)/)
  // The key is never stored: no storage, no cookie, not in the URL.
  const kept = await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie, location.href])
  assert.deepEqual(kept, [0, 0, '', `${server.origin}/`])
  assert.equal(await page.locator('#key').getAttribute('type'), 'password')
  onlyOwn(requested, server.origin)
  await page.close()
})

test('(b) each Copy button puts its output on the clipboard', async () => {
  await chrome.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin })
  const { page } = await open(chrome.context, `${server.origin}/`)
  await fillExample(page)
  for (const id of ['out-normalized', 'out-base', 'out-signature', 'out-header', 'out-body', 'out-curl']) {
    await page.click(`button[data-copy="${id}"]`)
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await text(page, id), id)
  }
  assert.equal(await page.locator('button[data-copy="out-curl"]').textContent(), 'Copied')
  await page.close()
})

test('(b) another gateway: the base-URL field appears and is signed', async () => {
  const { page } = await open(chrome.context, `${server.origin}/`)
  await fillExample(page)
  await page.selectOption('#gateway', 'custom')
  assert.equal(await page.locator('#gateway-url').isVisible(), true)
  await page.fill('#gateway-url', 'https://gw.example/paynet/api/v2')
  await page.click('#sign')
  assert.match(await text(page, 'out-base'), /^POST&https%3A%2F%2Fgw\.example%2Fpaynet%2Fapi%2Fv2%2Fget-balance%2FENDPOINTID&/)
  await page.close()
})

test('(b) a bad timestamp is shown as the error code, and the outputs are cleared', async () => {
  const { page } = await open(chrome.context, `${server.origin}/`)
  await fillExample(page)
  await page.fill('#timestamp', '12a')
  await page.click('#sign')
  assert.match(await text(page, 'error'), /^PAYNET_INVALID_INPUT: /)
  assert.equal(await text(page, 'out-signature'), '')
  await page.close()
})

test('(b) the control key is read as the clients read it: white space around it dropped, an empty key or login refused', async () => {
  const { page } = await open(chrome.context, `${server.origin}/`)
  await fillExample(page)
  // A pasted key with a space and a newline around it signs as the key itself (before,
  // the page signed with them and showed a signature the SDK never sends).
  await page.fill('#key', ` ${example.consumer_secret}\n`)
  await page.click('#sign')
  assert.equal(await page.locator('#error').isHidden(), true, await text(page, 'error'))
  assert.equal(await text(page, 'out-signature'), example.expect.signature)
  // A blank key and an empty login are refused as the clients refuse them (before,
  // the page signed silently with them).
  for (const [id, value, message] of [
    ['key', '  ', 'the control key must not be empty'],
    ['key', '', 'the control key must not be empty'],
    ['login', '', 'login must not be empty'],
  ]) {
    await page.fill('#key', example.consumer_secret)
    await page.fill(`#${id}`, value)
    await page.click('#sign')
    assert.equal(await page.locator('#error').isHidden(), false, `${id} ${JSON.stringify(value)}`)
    assert.equal(await text(page, 'error'), `PAYNET_INVALID_INPUT: ${message}`)
    assert.equal(await text(page, 'out-signature'), '')
  }
  await page.close()
})

test('(c) the server saw only the page itself, and the CSP forbids connections', async () => {
  assert.ok(server.requests.length >= 1)
  for (const path of server.requests) assert.equal(path, '/')
  const { page } = await open(chrome.context, `${server.origin}/`)
  const blocked = await page.evaluate(async () => {
    try {
      await fetch('/x')
      return false
    } catch {
      return true
    }
  })
  assert.equal(blocked, true, 'fetch must be refused by connect-src none')
  await page.close()
})

test('(d) from file://: loads, signs the example, requests nothing else', async () => {
  const file = pathToFileURL(join(pageDir, 'index.html')).href
  const { page, requested } = await open(chrome.context, file)
  await fillExample(page)
  assert.equal(await text(page, 'out-signature'), example.expect.signature)
  assert.deepEqual(requested, [file])
  await page.close()
})
