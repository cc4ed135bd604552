// Small local servers for the client tests, each on 127.0.0.1 and a port the OS picks:
// what the mock gateway cannot do (stall before the headers, cut connections, redirect,
// announce a huge body), with the connections they saw counted.
import http from 'node:http'
import net from 'node:net'

/** The gateway URL of a server listening on `port`. */
export const gatewayOf = (port) => `http://127.0.0.1:${port}/paynet/api/v2`

function listening(server, extra) {
  const sockets = new Set()
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: gatewayOf(server.address().port),
        close: () => {
          for (const s of sockets) s.destroy()
          return new Promise((done) => server.close(done))
        },
        ...extra,
      })
    })
  })
}

/**
 * A TCP server that calls `onSocket(socket, n)` for its n-th connection (from 1);
 * `connections()` counts them, `closed(n)` says whether the n-th is closed. (Node's
 * fetch may open a spare connection after one is dropped: count the first one only.)
 */
export function tcpServer(onSocket) {
  let n = 0
  const closed = new Set()
  const server = net.createServer((socket) => {
    const number = (n += 1)
    socket.resume() // reads (and drops) the request, so that its close is seen
    socket.on('close', () => closed.add(number))
    onSocket(socket, number)
  })
  return listening(server, { connections: () => n, closed: (number) => closed.has(number) })
}

/**
 * An HTTP server whose `handle(request, response, body, n)` answers its n-th request
 * (from 1), after the request's body has arrived; `requests` holds each request's
 * `{headers, body}`.
 */
export function httpServer(handle) {
  const requests = []
  const server = http.createServer((request, response) => {
    const chunks = []
    request.on('data', (c) => chunks.push(c))
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString()
      requests.push({ headers: request.headers, body })
      handle(request, response, body, requests.length)
    })
  })
  return listening(server, { requests })
}

/** Resolves once `check()` is true (polled), or rejects after `ms`. */
export async function eventually(check, ms, what) {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error(`not within ${ms} ms: ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}
