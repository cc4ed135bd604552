'use strict'
// Starts `paynet mock --listen 127.0.0.1:0` (PAYNET, default target/debug/paynet of
// the repository) with the options `extra` (e.g. `--endless-body`) and reads its first
// line for the gateway URL. (The wasm build's client tests use it too.)
const { spawn } = require('node:child_process')
const path = require('node:path')
const readline = require('node:readline')

const PAYNET = process.env.PAYNET || path.join(__dirname, '..', '..', '..', '..', 'target', 'debug', 'paynet')

const KEY = 'F9F65098-1111-1111-1111-621611111111'
const MERCHANT = 'balance_test_merchant14'
const MANAGER = 'BalanceTestManager'

function startMock(extra = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(PAYNET, ['mock', '--listen', '127.0.0.1:0', ...extra], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    child.once('error', reject)
    const lines = readline.createInterface({ input: child.stdout })
    const timer = setTimeout(() => {
      child.kill('SIGTERM')
      reject(new Error('paynet mock did not start in 20 s'))
    }, 20000)
    lines.once('line', (line) => {
      clearTimeout(timer)
      const match = /listening on (\S+)/.exec(line)
      if (!match) {
        child.kill('SIGTERM')
        reject(new Error(`unexpected first line from paynet mock: ${line}`))
        return
      }
      child.stdout.resume()
      resolve({
        url: match[1],
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done()
            child.once('exit', () => done())
            child.kill('SIGTERM')
          }),
      })
    })
  })
}

// Starts the mock before the tests of a file and stops it after them; returns a
// function giving the running mock.
function useMock(test) {
  let mock
  test.before(async () => {
    mock = await startMock()
  })
  test.after(() => mock.stop())
  return () => mock
}

module.exports = { startMock, useMock, KEY, MERCHANT, MANAGER, PAYNET }
