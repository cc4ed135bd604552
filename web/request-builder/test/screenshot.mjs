// docs/request-builder.png: the page filled with the documented get-balance example
// and a pasted base string that differs in one character (make web-screenshot).
//
//   node screenshot.mjs OUT.png
import { pathToFileURL } from 'node:url'
import { join } from 'node:path'

import { browser, load, open, pageDir } from './support.mjs'

const out = process.argv[2]
const example = load('oauth1-signing.json').cases.find((c) => c.id === 'paynet-get-balance')
const chrome = await browser()
try {
  const { page } = await open(chrome.context, pathToFileURL(join(pageDir, 'index.html')).href)
  await page.setViewportSize({ width: 1000, height: 900 })
  await page.selectOption('#gateway', 'payneteasy-sandbox')
  await page.fill('#subject', decodeURIComponent(new URL(example.url).pathname.split('/').pop()))
  await page.fill('#name', Object.fromEntries(example.form)['balance-provider'])
  await page.fill('#login', example.consumer_key)
  await page.fill('#key', example.consumer_secret)
  await page.fill('#timestamp', example.timestamp)
  await page.fill('#nonce', example.nonce)
  await page.click('#sign')
  await page.fill('#theirs', example.expect.base_string.replace('Test', 'test'))
  await page.screenshot({ path: out, fullPage: true })
} finally {
  await chrome.close()
}
