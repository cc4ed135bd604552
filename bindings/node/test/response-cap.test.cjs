'use strict'
// The response size cap from Node (issue 12, finding 3): against a gateway that streams
// an endless body (`paynet mock --endless-body`), getBalance rejects with
// PAYNET_RESPONSE_TOO_LARGE within a second, and the process's peak RSS stays under
// 100 MB. Each case runs in a fresh node process so that the peak is its own.
const test = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const readline = require('node:readline')
const { spawn, spawnSync } = require('node:child_process')

const { PAYNET, KEY, MERCHANT } = require('./support/mock.cjs')

function startEndless() {
  return new Promise((resolve, reject) => {
    const child = spawn(PAYNET, ['mock', '--listen', '127.0.0.1:0', '--endless-body'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    child.once('error', reject)
    readline.createInterface({ input: child.stdout }).once('line', (line) => {
      const match = /listening on (\S+)/.exec(line)
      if (!match) return reject(new Error(`unexpected first line: ${line}`))
      child.stdout.resume()
      resolve({ url: match[1], stop: () => child.kill('SIGTERM') })
    })
  })
}

const CLIENT = `
  const { Client } = require(process.argv[1])
  const [url, login, key, cap] = process.argv.slice(2)
  const options = { gateway: url, login, controlKey: key, timeoutMs: 10000, retries: 0 }
  if (cap !== 'default') options.maxResponseBytes = Number(cap)
  const start = process.hrtime.bigint()
  new Client(options).getBalance({ endpointId: '1', provider: 'Test' }).then(
    () => report(null),
    (err) => report(err),
  )
  function report(err) {
    const seconds = Number(process.hrtime.bigint() - start) / 1e9
    const peakRssMb = process.resourceUsage().maxRSS / 1024
    console.log(JSON.stringify({ code: err && err.code, message: err && err.message, seconds, peakRssMb }))
  }
`

let endless
test.before(async () => {
  endless = await startEndless()
})
test.after(() => endless.stop())

for (const [cap, limit] of [['default', 1048576], ['4096', 4096]]) {
  test(`an endless body stops at the cap (${cap})`, () => {
    const main = path.join(__dirname, '..', 'main.js')
    const out = spawnSync(process.execPath, ['-e', CLIENT, main, endless.url, MERCHANT, KEY, cap], {
      encoding: 'utf8',
      timeout: 60000,
    })
    assert.equal(out.status, 0, out.stderr)
    const result = JSON.parse(out.stdout)
    console.log(`# response cap ${cap}: ${JSON.stringify(result)}`)
    assert.equal(result.code, 'PAYNET_RESPONSE_TOO_LARGE', result.message)
    assert.match(result.message, new RegExp(`${limit}`))
    assert.ok(result.seconds < 1, `${result.seconds} s`)
    assert.ok(result.peakRssMb < 100, `${result.peakRssMb} MB`)
  })
}

test('maxResponseBytes must be a whole number of at least 1', () => {
  const { Client } = require('../main.js')
  for (const bad of [0, -1, 1.5, 'big']) {
    assert.throws(
      () => new Client({ gateway: 'http://127.0.0.1:9/paynet/api/v2', login: 'm', controlKey: 'k', maxResponseBytes: bad }),
      { code: 'PAYNET_INVALID_INPUT' },
      String(bad),
    )
  }
})
