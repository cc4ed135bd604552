// make test-edge, workerd part: bundles worker.mjs as wrangler would (esbuild, the
// `workerd` and `worker` conditions, the .wasm left as a module of its own), checks
// the bundle took `paynet-oauth/wasm/workerd.js`, starts workerd on 127.0.0.1 with a
// port it picks (reported on --control-fd), asks the worker for the vectors, then for
// the balance Client against the mock gateway at GATEWAY (the worker's fetch goes out
// through a network service that allows only loopback addresses: workerd's default
// outbound refuses private and local ones), stops workerd.
//
//   node run-workerd.mjs WORKERD ESBUILD GATEWAY     (in the installed project)
import { execFileSync, spawn } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createInterface } from 'node:readline'

const [workerd, esbuild, gateway] = process.argv.slice(2)
mkdirSync('worker', { recursive: true })
execFileSync(esbuild, ['worker.mjs', '--bundle', '--format=esm', '--platform=neutral', '--conditions=workerd,worker',
  '--external:*.wasm', '--metafile=worker/meta.json', '--outfile=worker/worker.js', '--log-level=warning'])
const inputs = Object.keys(JSON.parse(readFileSync('worker/meta.json', 'utf8')).inputs)
const entry = inputs.filter((f) => f.startsWith('node_modules/paynet-oauth/'))
if (!entry.includes('node_modules/paynet-oauth/wasm/workerd.js') || entry.some((f) => !f.includes('/wasm/'))) {
  throw new Error(`the bundle took ${entry.join(', ')}, expected the wasm build's workerd.js`)
}
copyFileSync('node_modules/paynet-oauth/wasm/paynet_oauth_wasm_bg.wasm', 'worker/paynet_oauth_wasm_bg.wasm')
writeFileSync('worker/config.capnp', `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "loopback", network = (allow = ["local"])),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:0", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "worker.js"),
    (name = "paynet_oauth_wasm_bg.wasm", wasm = embed "paynet_oauth_wasm_bg.wasm"),
  ],
  compatibilityDate = "2025-01-01",
  globalOutbound = "loopback",
);
`)

const child = spawn(workerd, ['serve', 'config.capnp', '--control-fd=3'], {
  cwd: 'worker',
  stdio: ['ignore', 'inherit', 'inherit', 'pipe'],
})
const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)))
const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
try {
  const port = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdio[3] }).on('line', (line) => {
      const message = JSON.parse(line)
      if (message.event === 'listen' && message.socket === 'http') resolve(message.port)
    })
    exited.then((how) => reject(new Error(`workerd exited (${how}) before listening`)))
  })
  const answer = await (await fetch(`http://127.0.0.1:${port}/`)).json()
  if (!answer.runtime.startsWith('Cloudflare-Workers')) throw new Error(`runtime ${answer.runtime}`)
  if (!answer.exports.includes('commandRequest') || !answer.exports.includes('Client')) {
    throw new Error(`the worker's import is not the wasm build: ${answer.exports.join(', ')}`)
  }
  if (answer.failed.length) throw new Error(`workerd: ${answer.failed.length} vector failures:\n${answer.failed.slice(0, 20).join('\n')}`)
  const client = await (await fetch(`http://127.0.0.1:${port}/client?gateway=${encodeURIComponent(gateway)}`)).json()
  if (client.failed.length) throw new Error(`workerd client: ${client.failed.join('; ')}`)
  console.log(`workerd ${execFileSync(workerd, ['--version']).toString().trim().replace(/^workerd /, '')}:` +
    ` import 'paynet-oauth' -> paynet-oauth/wasm/workerd.js (wasm, esbuild --conditions=workerd); ${answer.passed} vectors passed on 127.0.0.1:${port}` +
    `; client: getBalance ${client.balance} from the mock, a wrong key PAYNET_ACCESS_DENIED (403)`)
} finally {
  clearTimeout(timer)
  child.kill('SIGTERM')
  await exited
}
