'use strict'
// Run by worker.test.cjs in a child process (an abort must not take the test runner
// down): a Worker asks a slow local server for a balance and is terminated while the
// request waits. The request later completes (`complete`: the server answers after
// 300 ms) or times out (`timeout`: the server never answers, timeoutMs 300); this
// process must live on, print `alive` and exit 0.
const http = require('node:http')
const path = require('node:path')
const { Worker } = require('node:worker_threads')

const mode = process.argv[2]
const workers = Number(process.argv[3] || 1)

const server = http.createServer((req, res) => {
  req.resume()
  server.emit('request-seen')
  if (mode === 'complete') {
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'text/plain' })
      res.end('balance-amount=29.99')
    }, 300)
  }
  // `timeout`: never answered.
})

server.listen(0, '127.0.0.1', async () => {
  const url = `http://127.0.0.1:${server.address().port}/paynet/api/v2`
  const main = path.join(__dirname, '..', '..', 'main.js')
  const code = `
    const { workerData, parentPort } = require('node:worker_threads')
    const { Client } = require(workerData.main)
    const client = new Client({ gateway: workerData.url, login: 'm', controlKey: 'k', timeoutMs: 300, retries: 0 })
    client.getBalance({ endpointId: '1', provider: 'Test' }).then(
      () => parentPort.postMessage('settled'),
      () => parentPort.postMessage('settled'),
    )
    parentPort.postMessage('asked')
  `
  let seen = 0
  const allSeen = new Promise((resolve) => {
    server.on('request-seen', () => {
      if (++seen === workers) resolve()
    })
  })
  const running = []
  for (let i = 0; i < workers; i++) {
    running.push(new Worker(code, { eval: true, workerData: { main, url } }))
  }
  // Terminate once every request reached the server (it is in flight in Rust).
  await allSeen
  await Promise.all(running.map((w) => w.terminate()))
  // Past the answer (300 ms) and the timeout (300 ms), with margin.
  setTimeout(() => {
    console.log(`alive after ${workers} terminated worker(s) (${mode})`)
    server.closeAllConnections?.()
    server.close()
  }, 1500)
})
