'use strict'
// Worker threads (issue 12, finding 2): a Worker terminated while its Client request is
// pending must not abort the process when the request later completes or times out
// (run in a child process: an abort would otherwise end the test runner itself), and
// workers signing at the same time get exactly the main thread's results.
const test = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const { spawnSync } = require('node:child_process')
const { Worker } = require('node:worker_threads')

const paynet = require('../main.js')

const SCRIPT = path.join(__dirname, 'support', 'worker-teardown.cjs')

for (const [mode, workers] of [['complete', 1], ['timeout', 1], ['complete', 4], ['timeout', 4]]) {
  test(`a Worker terminated while getBalance waits: the process lives on (${mode}, ${workers} worker(s))`, () => {
    const out = spawnSync(process.execPath, [SCRIPT, mode, String(workers)], { encoding: 'utf8', timeout: 30000 })
    assert.equal(out.signal, null, `killed by ${out.signal}: ${out.stderr}`)
    assert.equal(out.status, 0, out.stderr)
    assert.match(out.stdout, /^alive after/)
  })
}

const KEY = 'F9F65098-1111-1111-1111-621611111111'

function request(i) {
  return {
    method: 'POST',
    url: `https://sandbox.example.com/paynet/api/v2/get-balance/${i}`,
    params: [['balance-provider', `Test-${i}`]],
    consumerKey: 'balance_test_merchant14',
    consumerSecret: KEY,
    timestamp: 1700000000 + i,
    nonce: `nonce-${i}-é`,
  }
}

test('workers signing concurrently get the main thread results; terminating some mid-run is harmless', async () => {
  const N = 2000
  const main = path.join(__dirname, '..', 'main.js')
  const code = `
    const { workerData, parentPort } = require('node:worker_threads')
    const paynet = require(workerData.main)
    const KEY = workerData.key
    const signer = new paynet.Signer(KEY)
    const out = []
    for (let i = 0; i < workerData.n; i++) {
      const r = ${request.toString()}(i)
      const a = paynet.sign(r)
      const { consumerSecret, ...rest } = r
      const b = signer.sign(rest)
      if (a.signature !== b.signature) throw new Error('sign and Signer#sign differ at ' + i)
      out.push(a.signature + ' ' + a.authorizationHeader)
    }
    parentPort.postMessage(out)
  `
  const expected = []
  for (let i = 0; i < N; i++) {
    const s = paynet.sign(request(i))
    expected.push(s.signature + ' ' + s.authorizationHeader)
  }
  const start = (n) => new Worker(code, { eval: true, workerData: { main, key: KEY, n } })
  const doomed = [start(N), start(N)]
  const results = Array.from({ length: 4 }, () => {
    const w = start(N)
    return new Promise((resolve, reject) => {
      w.once('message', resolve)
      w.once('error', reject)
    })
  })
  await new Promise((r) => setTimeout(r, 20))
  await Promise.all(doomed.map((w) => w.terminate()))
  for (const got of await Promise.all(results)) assert.deepEqual(got, expected)
})
