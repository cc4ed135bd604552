'use strict'
// ns per `sign` call for the gateway's get-balance request, side by side in one run:
// paynet-oauth (Signer#sign and sign), oauth-1.0a with Node's crypto HMAC-SHA1, and
// a bare crypto.createHmac over the finished base string. Prints a markdown table
// (for BENCHMARKS.md); never asserts timings.
//
// Every variant uses the same fixed timestamp and nonce, and produces what is sent:
// the Authorization header (and the body for paynet-oauth). Rounds are interleaved and
// the median round is reported, which keeps the ratios stable on a busy machine.
const crypto = require('node:crypto')
const os = require('node:os')
const OAuth = require('oauth-1.0a')
const paynet = require('../main.js')

const KEY = 'F9F65098-1111-1111-1111-621611111111'
const URL = 'https://sandbox.payneteasy.com/paynet/api/v2/get-balance/ENDPOINTID'
const REQUEST = {
  method: 'POST',
  url: URL,
  params: { 'balance-provider': 'Test' },
  consumerKey: 'balance_test_merchant14',
  consumerSecret: KEY,
  timestamp: 1686923599,
  nonce: '2xGTFuAgetE',
}
const ROUNDS = Number(process.env.ROUNDS || 21)
const CALLS = Number(process.env.CALLS || 20000)

const signer = new paynet.Signer(KEY)
const oauth = OAuth({
  consumer: { key: REQUEST.consumerKey, secret: KEY },
  signature_method: 'HMAC-SHA1',
  hash_function: (base, key) => crypto.createHmac('sha1', key).update(base).digest('base64'),
})
oauth.getNonce = () => REQUEST.nonce
oauth.getTimeStamp = () => REQUEST.timestamp
const signed = paynet.sign(REQUEST)
const BASE = signed.baseString
const HMAC_KEY = `${KEY}&`

// Sanity: all produce the same signature.
const check = oauth.authorize({ url: URL, method: 'POST', data: { 'balance-provider': 'Test' } })
if (check.oauth_signature !== signed.signature) throw new Error('oauth-1.0a disagrees')
if (crypto.createHmac('sha1', HMAC_KEY).update(BASE).digest('base64') !== signed.signature) {
  throw new Error('HMAC disagrees')
}

let sink = 0
const variants = [
  {
    name: '`new Signer(key).sign(request)` reused signer → header + body',
    run: () => {
      const s = signer.sign(REQUEST)
      sink += s.authorizationHeader.length + s.body.length
    },
  },
  {
    name: '`sign(request)` (key set up per call) → header + body',
    run: () => {
      const s = paynet.sign(REQUEST)
      sink += s.authorizationHeader.length + s.body.length
    },
  },
  {
    name: '`sign(request)` → all five outputs (base string and normalized parameters too)',
    run: () => {
      const s = paynet.sign(REQUEST)
      sink += s.authorizationHeader.length + s.body.length + s.baseString.length + s.normalizedParameters.length
    },
  },
  {
    name: '`oauth-1.0a` `authorize` + `toHeader` (crypto HMAC-SHA1 as hash_function)',
    oauth: true,
    run: () => {
      const data = oauth.authorize({ url: URL, method: 'POST', data: { 'balance-provider': 'Test' } })
      sink += oauth.toHeader(data).Authorization.length
    },
  },
  {
    name: "`crypto.createHmac('sha1', key).update(base).digest('base64')` over the finished base string",
    hmac: true,
    run: () => {
      sink += crypto.createHmac('sha1', HMAC_KEY).update(BASE).digest('base64').length
    },
  },
]

function round(run) {
  const start = process.hrtime.bigint()
  for (let i = 0; i < CALLS; i++) run()
  return Number(process.hrtime.bigint() - start) / CALLS
}

for (const v of variants) {
  v.samples = []
  round(v.run) // warm-up
}
for (let r = 0; r < ROUNDS; r++) for (const v of variants) v.samples.push(round(v.run))
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
for (const v of variants) v.ns = median(v.samples)

const oauthNs = variants.find((v) => v.oauth).ns
const hmacNs = variants.find((v) => v.hmac).ns
const fmt = (x) => (x >= 10 ? x.toFixed(0) : x.toFixed(1))
const lines = []
lines.push('## Node (`bindings/node`, npm package `paynet-oauth`)')
lines.push('')
lines.push(
  `Command: \`make bench-node\` — the get-balance request, median of ${ROUNDS} interleaved rounds of ` +
    `${CALLS} calls, one run; ${os.cpus()[0].model.trim()}, Node ${process.version}, ` +
    `load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs.`,
)
lines.push('')
lines.push('| what | ns per call | oauth-1.0a ÷ this | this ÷ bare HMAC |')
lines.push('|---|---:|---:|---:|')
for (const v of variants) {
  lines.push(`| ${v.name} | ${v.ns.toFixed(0)} | ${fmt(oauthNs / v.ns)}x | ${(v.ns / hmacNs).toFixed(2)}x |`)
}
lines.push('')
const signNs = variants[1].ns
const met = (ok) => (ok ? 'met' : 'not met')
lines.push(
  `Targets (issue 14, \`sign(request)\` → header + body): ≥ 15x faster than oauth-1.0a: ${fmt(oauthNs / signNs)}x, ` +
    `${met(oauthNs / signNs >= 15)}; ≤ 0.5x the time of the bare HMAC call: ${(signNs / hmacNs).toFixed(2)}x, ${met(signNs / hmacNs <= 0.5)}. ` +
    'One native call per sign: the request is packed into one string, written UTF-8 into a reusable Buffer, read there ' +
    'in place as borrowed text; every output comes back behind it in the same buffer, read as one string and sliced. ' +
    'The base string and the normalized parameters are written on every call: a result object with its own lazy ' +
    'getters costs V8 more than writing them.',
)
process.stdout.write(lines.join('\n') + '\n')
if (sink === 0) process.stderr.write('(unused)\n')
