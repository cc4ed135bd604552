// The balance `Client` of the Node addon, over the runtime's global `fetch` (Deno,
// workerd, browsers, Node 20+). Everything but the I/O is in Rust (ClientCore and
// ClientCall, src/client.rs, over paynet-bind's Exchange): the options, the signed
// request of each attempt, the retry rule, the size cap and the answer or the error.
// Here: `fetch` with `redirect: 'manual'`, the timers and the caller's `AbortSignal`,
// and the body read as a stream, cancelled as soon as it passes the cap.
//
// Timeouts: `timeoutMs` bounds each attempt from sending to the body's last byte.
// fetch cannot tell when the connection is made, so `connectTimeoutMs` bounds the wait
// for the response's status and headers (connecting, TLS, sending, the gateway's first
// answer); left out, only `timeoutMs` applies.
import { ClientCore } from './paynet_oauth_wasm.js'

const INSPECT = Symbol.for('nodejs.util.inspect.custom')

// What a failed fetch said, with its causes (undici puts "connect ECONNREFUSED …" there).
function describe(error) {
  let text = String(error?.message ?? error)
  for (let cause = error?.cause; cause != null; cause = cause.cause) {
    const more = String(cause.message ?? cause)
    if (!text.includes(more)) text += `: ${more}`
  }
  return text
}

// The timers and signals of one attempt, combined into the one signal fetch takes.
class Attempt {
  constructor(core, signal) {
    this.controller = new AbortController()
    this.signal = this.controller.signal
    this.timedOut = false
    const expire = () => {
      this.timedOut = true
      this.controller.abort(new Error('timed out'))
    }
    this.timer = setTimeout(expire, core.timeoutMs)
    const headers = core.headersTimeoutMs
    this.headersTimer = headers === undefined ? undefined : setTimeout(expire, headers)
    this.caller = signal
    this.onAbort = () => this.controller.abort(signal.reason)
    signal?.addEventListener('abort', this.onAbort, { once: true })
  }

  // The status and headers arrived: only `timeoutMs` still applies.
  answered() {
    clearTimeout(this.headersTimer)
  }

  // Stops the timers and drops the connection if it is still open.
  end() {
    clearTimeout(this.timer)
    clearTimeout(this.headersTimer)
    this.caller?.removeEventListener('abort', this.onAbort)
    this.controller.abort()
  }
}

// Reads the body chunk by chunk into the call; stops and cancels the stream at the cap.
async function readBody(call, response) {
  if (response.body === null) return
  const reader = response.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return
    try {
      call.chunk(value)
    } catch (error) {
      reader.cancel().catch(() => {})
      throw error
    }
  }
}

// Whether fetch failed on a response it could not parse: the gateway answered (not
// HTTP, a head too large), so the failure is not "cannot reach" and is not retried.
// Node's fetch (undici) says so in the cause's code; a browser's says nothing.
function unreadable(error) {
  const code = error?.cause?.code
  return typeof code === 'string' && (code.startsWith('HPE_') || code === 'UND_ERR_HEADERS_OVERFLOW')
}

// One call: attempts until an answer, a failure, or the caller's abort.
async function send(core, call, signal) {
  for (;;) {
    const request = call.request()
    const attempt = new Attempt(core, signal)
    try {
      let response
      try {
        response = await fetch(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body,
          redirect: 'manual',
          signal: attempt.signal,
        })
      } catch (error) {
        if (signal?.aborted) throw signal.reason
        call.failed(attempt.timedOut ? 'timeout' : unreadable(error) ? 'after' : 'before', describe(error))
        continue
      }
      attempt.answered()
      try {
        const opaque = response.type === 'opaqueredirect'
        call.respond(opaque ? 0 : response.status, response.headers.get('content-length'))
      } catch (error) {
        response.body?.cancel().catch(() => {})
        throw error
      }
      try {
        await readBody(call, response)
      } catch (error) {
        if (signal?.aborted) throw signal.reason
        if (typeof error?.code === 'string' && error.code.startsWith('PAYNET_')) throw error
        call.failed(attempt.timedOut ? 'timeout' : 'after', describe(error))
        throw error
      }
      return call.finish()
    } finally {
      attempt.end()
    }
  }
}

// The promise of one call, rejected with the signal's reason when the signal aborts.
// `async`: every failure, a bad argument included, rejects it (as fetch does); none
// throws.
async function run(core, command, args, options) {
  const call = core.start(command, args, options) // checks the types, `options.signal` too
  const signal = options?.signal ?? undefined
  if (signal?.aborted) {
    call.free()
    return Promise.reject(signal.reason)
  }
  return send(core, call, signal).finally(() => call.free())
}

/**
 * A client for one gateway and one set of credentials; its methods return promises
 * and take `{ signal }`. The control key stays in WebAssembly memory.
 */
export class Client {
  #core

  constructor(options) {
    this.#core = new ClientCore(options)
  }

  get gateway() {
    return this.#core.gateway
  }

  get login() {
    return this.#core.login
  }

  getBalance(args, options) {
    return run(this.#core, 'getBalance', args, options)
  }

  getManagerBalances(args, options) {
    return run(this.#core, 'getManagerBalances', args, options)
  }

  getMerchantBalances(args, options) {
    return run(this.#core, 'getMerchantBalances', args, options)
  }

  [INSPECT](depth, options, inspect) {
    return `Client ${inspect({ gateway: this.gateway, login: this.login }, options)}`
  }
}
