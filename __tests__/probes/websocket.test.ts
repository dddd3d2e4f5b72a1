// probeWebSocket against real local servers: a Node `ws` server for plain WebSocket routes,
// a small fake Engine.IO/Socket.IO server speaking the v4 wire format, and sockets that refuse or reset.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import { probeWebSocket, type WebSocketProbeOptions } from '../../src/probes/websocket.js'

type UpgradeHandler = (request: IncomingMessage, socket: Socket, head: Buffer) => void

interface TestServer {
  port: number
  close(): Promise<void>
}

const wss = new WebSocketServer({ noServer: true })
const serversToClose: TestServer[] = []

afterAll(async () => {
  await Promise.all(serversToClose.map((server) => server.close()))
  wss.close()
})

async function listen(server: Server | ReturnType<typeof createTcpServer>, port = 0): Promise<TestServer> {
  const sockets = new Set<Socket>()
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const testServer: TestServer = {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
  serversToClose.push(testServer)
  return testServer
}

function rawAnswer(socket: Socket, status: string, body: string, headers: Record<string, string> = {}): void {
  const lines = [`HTTP/1.1 ${status}`, 'Content-Type: text/html; charset=utf-8', `Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close']
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`)
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`)
}

function accept(request: IncomingMessage, socket: Socket, head: Buffer, onOpen: (ws: WebSocket) => void): void {
  wss.handleUpgrade(request, socket, head, onOpen)
}

async function startWebSocketServer(routes: Record<string, UpgradeHandler>): Promise<TestServer> {
  const server = createServer((_request, response) => response.writeHead(200).end('plain HTTP'))
  server.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://test')
    const route = routes[url.pathname]
    if (route) route(request, socket, head)
    else rawAnswer(socket, '404 NOT FOUND', '<p>The requested URL was not found on the server.</p>')
  })
  return listen(server)
}

const flaskBadRequest =
  '<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n<h1>Bad Request</h1>\n<p>Expected a WebSocket upgrade request.</p>\n'

let plain: TestServer

beforeAll(async () => {
  plain = await startWebSocketServer({
    '/echo': (request, socket, head) => accept(request, socket, head, (ws) => ws.on('message', (data) => ws.send(String(data)))),
    '/upper': (request, socket, head) => accept(request, socket, head, (ws) => ws.on('message', (data) => ws.send(String(data).toUpperCase()))),
    '/greet': (request, socket, head) => accept(request, socket, head, (ws) => ws.send('{"type":"welcome","v":2}')),
    '/silent': (request, socket, head) => accept(request, socket, head, () => undefined),
    '/close-at-once': (request, socket, head) => accept(request, socket, head, (ws) => ws.close(1008, 'token required')),
    '/drop-at-once': (request, socket, head) => accept(request, socket, head, (ws) => ws.terminate()),
    '/close-after-message': (request, socket, head) =>
      accept(request, socket, head, (ws) => ws.on('message', () => setTimeout(() => ws.close(1011, 'handler crashed'), 600))),
    '/bad-request': (_request, socket) => rawAnswer(socket, '400 BAD REQUEST', flaskBadRequest),
    '/upgrade-required': (_request, socket) => rawAnswer(socket, '426 Upgrade Required', 'Upgrade Required'),
    '/plain-page': (_request, socket) => rawAnswer(socket, '200 OK', '<html><title>Dashboard</title></html>'),
    '/moved': (_request, socket) => rawAnswer(socket, '308 Permanent Redirect', '', { Location: '/moved/' }),
    '/no-answer': () => undefined
  })
})

const probe = ({ signal, ...options }: Partial<WebSocketProbeOptions> & { port: number; path: string; signal?: AbortSignal }) =>
  probeWebSocket({ host: '127.0.0.1', protocol: 'websocket', timeoutMs: 800, ...options }, { now: Date.now, signal })

describe('plain WebSocket', () => {
  it('passes when the reply echoes what was sent', async () => {
    const outcome = await probe({ port: plain.port, path: '/echo', send: 'hello', expect: 'hello' })
    expect(outcome).toMatchObject({ ok: true, protocol: 'websocket', path: '/echo' })
    expect(outcome.detail).toMatch(/^101, echo matched in \d+ ms$/)
    expect(outcome.failure).toBeUndefined()
  })

  it('passes a reply that matches a /regex/ and names the pattern', async () => {
    const outcome = await probe({ port: plain.port, path: '/upper', send: 'ping', expect: '/^PI.G$/' })
    expect(outcome.ok).toBe(true)
    expect(outcome.detail).toMatch(/^101, reply matched \/\^PI\.G\$\/ in \d+ ms$/)
  })

  it('passes any reply when there is no expectation', async () => {
    const outcome = await probe({ port: plain.port, path: '/upper', send: 'ping' })
    expect(outcome.ok).toBe(true)
    expect(outcome.detail).toMatch(/^101, reply received in \d+ ms$/)
  })

  it('passes a connection that stays open when nothing is sent', async () => {
    const outcome = await probe({ port: plain.port, path: '/silent' })
    expect(outcome.ok).toBe(true)
    expect(outcome.detail).toMatch(/^101, connection open in \d+ ms$/)
  })

  it('matches a greeting the server sends on its own when only expect is given', async () => {
    const outcome = await probe({ port: plain.port, path: '/greet', expect: 'welcome' })
    expect(outcome.ok).toBe(true)
    expect(outcome.detail).toMatch(/^101, server message matched "welcome" in \d+ ms$/)
  })

  it('reports a reply that never matches, quoting the last one', async () => {
    const outcome = await probe({ port: plain.port, path: '/upper', send: 'ping', expect: 'pong' })
    expect(outcome).toMatchObject({
      ok: false,
      failure: 'expect-mismatch',
      detail: 'no reply matched "pong" within 800 ms; last: "PING"'
    })
    expect(outcome.durationMs).toBeGreaterThanOrEqual(790)
  })

  it('reports a route that never answers the message', async () => {
    const outcome = await probe({ port: plain.port, path: '/silent', send: 'hello' })
    expect(outcome).toMatchObject({ ok: false, failure: 'timeout', detail: '101, but no reply to "hello" within 800 ms' })
  })

  it('reports an upgrade answered 404 as a missing route', async () => {
    const outcome = await probe({ port: plain.port, path: '/nowhere', send: 'hello' })
    expect(outcome).toMatchObject({
      ok: false,
      failure: 'http-status',
      status: 404,
      detail: 'upgrade answered 404 Not Found: no such route'
    })
  })

  it('reports a 400 as not upgraded, quoting the error page', async () => {
    const outcome = await probe({ port: plain.port, path: '/bad-request' })
    expect(outcome).toMatchObject({
      ok: false,
      failure: 'http-status',
      status: 400,
      detail: 'upgrade answered 400 Bad Request: not upgraded (check the worker class): "Expected a WebSocket upgrade request."'
    })
  })

  it('reports 426 and 200 answers as not upgraded', async () => {
    const required = await probe({ port: plain.port, path: '/upgrade-required' })
    expect(required).toMatchObject({ failure: 'http-status', status: 426 })
    expect(required.detail).toBe('upgrade answered 426 Upgrade Required: not upgraded (check the worker class): "Upgrade Required"')
    const page = await probe({ port: plain.port, path: '/plain-page' })
    expect(page).toMatchObject({ failure: 'http-status', status: 200 })
    expect(page.detail).toBe('upgrade answered 200 OK: not upgraded (check the worker class): "Dashboard"')
  })

  it('does not follow a redirect, and says where it pointed', async () => {
    const outcome = await probe({ port: plain.port, path: '/moved' })
    expect(outcome).toMatchObject({ failure: 'http-status', status: 308, detail: 'upgrade answered 308 Permanent Redirect: redirect to /moved/' })
  })

  it('reports a close right after opening with its code and reason', async () => {
    const outcome = await probe({ port: plain.port, path: '/close-at-once', send: 'hello' })
    expect(outcome).toMatchObject({
      ok: false,
      failure: 'closed',
      closeCode: 1008,
      detail: 'closed right after opening (1008: "token required")'
    })
  })

  it('reports a dropped connection as 1006 even without sending', async () => {
    const outcome = await probe({ port: plain.port, path: '/drop-at-once' })
    expect(outcome).toMatchObject({ ok: false, failure: 'closed', closeCode: 1006, detail: 'closed right after opening (1006)' })
  })

  it('tells a later close apart from a close right after opening', async () => {
    const outcome = await probe({ port: plain.port, path: '/close-after-message', send: 'hello', timeoutMs: 2000 })
    expect(outcome).toMatchObject({
      ok: false,
      failure: 'closed',
      closeCode: 1011,
      detail: 'closed before replying (1011: "handler crashed")'
    })
  })

  it('times out an upgrade that gets no answer at all', async () => {
    const outcome = await probe({ port: plain.port, path: '/no-answer', timeoutMs: 500 })
    expect(outcome).toMatchObject({ ok: false, failure: 'timeout', detail: 'no answer to the upgrade within 500 ms' })
    expect(outcome.durationMs).toBeGreaterThanOrEqual(490)
    expect(outcome.durationMs).toBeLessThan(1500)
  })

  it('stops waiting when the caller aborts', async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort('container exited'), 150)
    const outcome = await probe({ port: plain.port, path: '/silent', send: 'hello', timeoutMs: 5000, signal: controller.signal })
    expect(outcome).toMatchObject({ ok: false, failure: 'network', detail: 'probe aborted: container exited' })
    expect(outcome.durationMs).toBeLessThan(1000)
  })

  it('reports an AbortSignal.timeout as a timeout', async () => {
    const outcome = await probe({ port: plain.port, path: '/no-answer', timeoutMs: 5000, signal: AbortSignal.timeout(100) })
    expect(outcome).toMatchObject({ ok: false, failure: 'timeout' })
    expect(outcome.detail).toMatch(/^probe aborted: /)
  })

  it('rejects an invalid expect pattern before connecting', async () => {
    await expect(probe({ port: plain.port, path: '/echo', send: 'x', expect: '/[/' })).rejects.toThrow(
      /^The WebSocket expect pattern \/\[\/ is not a valid regular expression/
    )
  })
})

describe('connection errors', () => {
  async function closedPort(): Promise<number> {
    const server = await listen(createTcpServer())
    await server.close()
    return server.port
  }

  it('retries a refused connection until the timeout, then reports it', async () => {
    const outcome = await probe({ port: await closedPort(), path: '/ws', timeoutMs: 700 })
    expect(outcome.ok).toBe(false)
    expect(outcome.failure).toBe('network')
    expect(outcome.detail).toMatch(/^connection refused \(ECONNREFUSED\), [2-9] attempts in 700 ms$/)
  })

  it('stops retrying a refused connection when the signal fires (the container stopped)', async () => {
    const stopped = new AbortController()
    setTimeout(() => stopped.abort(new Error('the container stopped (exit code 0)')), 300)
    const outcome = await probe({ port: await closedPort(), path: '/ws', timeoutMs: 60_000, signal: stopped.signal })
    expect(outcome).toMatchObject({ ok: false, failure: 'network', detail: 'probe aborted: the container stopped (exit code 0)' })
  })

  it("times its retries by the context's clock, not the wall clock", async () => {
    // The clock jumps 10 s while the first attempt is refused: the 5 s budget is spent, no retry follows.
    const readings = [0, 0]
    const now = (): number => readings.shift() ?? 10_000
    const outcome = await probeWebSocket(
      { host: '127.0.0.1', port: await closedPort(), path: '/ws', protocol: 'websocket', timeoutMs: 5000 },
      { now }
    )
    expect(outcome.detail).toBe('connection refused (ECONNREFUSED), 1 attempt in 5000 ms')
    expect(outcome.durationMs).toBe(10_000)
  })

  it('connects once the server starts listening within the timeout', async () => {
    const port = await closedPort()
    const late = new Promise<TestServer>((resolve) => {
      setTimeout(() => {
        const server = createServer()
        server.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) =>
          accept(request, socket, head, (ws) => ws.on('message', (data) => ws.send(String(data))))
        )
        resolve(listen(server, port))
      }, 400)
    })
    const outcome = await probe({ port, path: '/ws', send: 'hi', expect: 'hi', timeoutMs: 3000 })
    await late
    expect(outcome.ok).toBe(true)
    expect(outcome.detail).toMatch(/^101, echo matched in \d+ ms$/)
    expect(outcome.durationMs).toBeGreaterThanOrEqual(390)
  })

  it('reads the 500 page Gunicorn 26 answers an upgrade with, a bare LF after its headers (captured bytes)', async () => {
    const captured = readFileSync(path.resolve('__fixtures__/answers/gunicorn-26.2-upgrade-500.http'))
    const server = await listen(createTcpServer((socket) => socket.once('data', () => socket.end(captured))))
    const websocket = await probe({ port: server.port, path: '/socket.io/', timeoutMs: 600 })
    expect(websocket).toMatchObject({ ok: false, failure: 'http-status', status: 500 })
    expect(websocket.detail).toMatch(/^upgrade answered 500 Internal Server Error/)
  })

  it('reports a server that resets every connection', async () => {
    const resetting = createTcpServer((socket) => socket.resetAndDestroy())
    const server = await listen(resetting)
    const outcome = await probe({ port: server.port, path: '/ws', timeoutMs: 600 })
    expect(outcome.failure).toBe('network')
    expect(outcome.detail).toMatch(/^connection reset before the upgrade was answered \(ECONNRESET\), \d+ attempts in 600 ms$/)
  })
})

// A fake Engine.IO v4 / Socket.IO v5 server. Each Engine.IO path plays one server behaviour.
type Behaviour = 'normal' | 'ping-first' | 'connect-error' | 'socketio-v2' | 'silent' | 'close-at-once' | 'ignore-emit'

interface EngineIoLog {
  urls: string[]
  received: string[]
}

async function startEngineIoServer(log: EngineIoLog): Promise<TestServer> {
  const behaviours: Record<string, Behaviour> = {
    '/socket.io/': 'normal',
    '/pinging/': 'ping-first',
    '/auth/': 'connect-error',
    '/legacy/': 'socketio-v2',
    '/mute/': 'silent',
    '/closing/': 'close-at-once',
    '/deaf/': 'ignore-emit'
  }
  const server = createServer()
  server.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    log.urls.push(request.url ?? '')
    const url = new URL(request.url ?? '/', 'http://test')
    if (url.pathname === '/other-version/') {
      // The answer (and body) python-engineio gives a client whose EIO version it does not speak.
      rawAnswer(socket, '400 BAD REQUEST', '"The client is using an unsupported version of the Socket.IO or Engine.IO protocols"')
      return
    }
    const behaviour = behaviours[url.pathname]
    if (!behaviour) return rawAnswer(socket, '404 NOT FOUND', 'Not Found')
    accept(request, socket, head, (ws) => {
      if (behaviour === 'silent') return
      if (behaviour === 'close-at-once') return ws.close(1000)
      ws.send('0{"sid":"eio-1","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}')
      // A heartbeat can fall between the open packet and the namespace answer; without a pong the server hangs up.
      if (behaviour === 'ping-first') ws.send('2')
      if (behaviour === 'socketio-v2') ws.send('40')
      let awaitingPong = behaviour === 'ping-first'
      let connectRequested = false
      const answerConnect = () => {
        if (behaviour === 'connect-error') return ws.send('44{"message":"Not authorized"}')
        ws.send('42["welcome",{"motd":"hello"}]')
        ws.send('40{"sid":"sio-1"}')
      }
      ws.on('message', (data) => {
        const text = String(data)
        log.received.push(text)
        if (text === '3' && awaitingPong) {
          awaitingPong = false
          if (connectRequested) answerConnect()
        }
        if (text === '40') {
          connectRequested = true
          // This server holds the namespace answer until its ping is answered.
          if (!awaitingPong) answerConnect()
        }
        const emit = /^42(\d+)(\[.*\])$/.exec(text)
        if (emit && behaviour !== 'ignore-emit') {
          const [event, payload] = JSON.parse(emit[2]) as [string, unknown]
          ws.send(`42${JSON.stringify([event, payload])}`)
          ws.send(`43${emit[1]}[]`)
        }
      })
    })
  })
  return listen(server)
}

describe('Socket.IO', () => {
  const log: EngineIoLog = { urls: [], received: [] }
  let engine: TestServer
  beforeAll(async () => {
    engine = await startEngineIoServer(log)
  })
  beforeEach(() => {
    log.urls.length = 0
    log.received.length = 0
  })

  const probeIo = (options: Partial<WebSocketProbeOptions> & { path: string }) =>
    probeWebSocket({ host: '127.0.0.1', port: engine.port, protocol: 'socket.io', timeoutMs: 800, ...options }, { now: Date.now })

  it('connects like a v4 client: EIO=4 websocket URL, then namespace connect', async () => {
    const outcome = await probeIo({ path: '/socket.io' })
    expect(outcome).toMatchObject({ ok: true, protocol: 'socket.io', path: '/socket.io/' })
    expect(outcome.detail).toMatch(/^101, Socket\.IO connected in \d+ ms$/)
    expect(log.urls).toEqual(['/socket.io/?EIO=4&transport=websocket'])
    expect(log.received[0]).toBe('40')
  })

  it('emits the send event with an ack id and matches the reply', async () => {
    const outcome = await probeIo({ path: '/socket.io/', send: 'echo:{"text":"hi"}', expect: '"text":"hi"' })
    expect(outcome.ok).toBe(true)
    expect(outcome.detail).toMatch(/^101, Socket\.IO "echo" reply matched in \d+ ms$/)
    expect(log.received).toContain('421["echo",{"text":"hi"}]')
  })

  it('accepts any event or ack when there is no expectation', async () => {
    const outcome = await probeIo({ path: '/socket.io/', send: 'echo' })
    expect(outcome.ok).toBe(true)
    expect(outcome.detail).toMatch(/^101, Socket\.IO "echo" reply received in \d+ ms$/)
  })

  it('matches an event the server emitted while connecting when only expect is given', async () => {
    const outcome = await probeIo({ path: '/socket.io/', expect: 'motd' })
    expect(outcome).toMatchObject({ ok: true, detail: '101, Socket.IO connected, server event matched "motd"' })
  })

  it('quotes the last event when no reply matches', async () => {
    const outcome = await probeIo({ path: '/socket.io/', send: 'echo:"hi"', expect: 'bye' })
    expect(outcome).toMatchObject({
      ok: false,
      failure: 'expect-mismatch',
      detail: 'no reply to "echo" matched "bye" within 800 ms; last: "[\\"echo\\",\\"hi\\"]"'
    })
  })

  it('times out an emit nobody answers', async () => {
    const outcome = await probeIo({ path: '/deaf/', send: 'echo' })
    expect(outcome).toMatchObject({ ok: false, failure: 'timeout', detail: 'Socket.IO connected, but no reply to "echo" within 800 ms' })
  })

  it('answers server pings while connecting', async () => {
    const outcome = await probeIo({ path: '/pinging/' })
    expect(outcome.detail).toMatch(/^101, Socket\.IO connected in \d+ ms$/)
    expect(log.received.slice(0, 2).sort()).toEqual(['3', '40'])
  })

  it('reports connect_error with its message', async () => {
    const outcome = await probeIo({ path: '/auth/' })
    expect(outcome).toMatchObject({ ok: false, failure: 'protocol', detail: 'connect_error: Not authorized' })
  })

  it('recognises a Socket.IO v2 server by its bare 40', async () => {
    const outcome = await probeIo({ path: '/legacy/' })
    expect(outcome).toMatchObject({
      ok: false,
      failure: 'protocol',
      detail: 'Engine.IO version mismatch: the server answered like Socket.IO v2 (EIO=3, bare 40 without sid)'
    })
  })

  it('recognises a 400 "unsupported version" refusal', async () => {
    const outcome = await probeIo({ path: '/other-version/' })
    expect(outcome).toMatchObject({
      ok: false,
      failure: 'http-status',
      status: 400,
      detail:
        'Engine.IO version mismatch: the server refused EIO=4 (400 "The client is using an unsupported version of the Socket.IO or Engine.IO protocols")'
    })
  })

  it('names the Engine.IO path when it answers 404', async () => {
    const outcome = await probeIo({ path: '/nope' })
    expect(outcome).toMatchObject({ failure: 'http-status', status: 404, detail: 'upgrade answered 404 Not Found: no Socket.IO server at /nope/' })
  })

  it('reports a server that never sends the open packet', async () => {
    const outcome = await probeIo({ path: '/mute/' })
    expect(outcome).toMatchObject({ ok: false, failure: 'timeout', detail: '101, but the Engine.IO open packet did not arrive within 800 ms' })
  })

  it('reports a close before the open packet with its code', async () => {
    const outcome = await probeIo({ path: '/closing/' })
    expect(outcome).toMatchObject({
      ok: false,
      failure: 'closed',
      closeCode: 1000,
      detail: 'closed before the Engine.IO open packet (1000); no Socket.IO server at /closing/, or it refused EIO=4'
    })
  })

  it('rejects a send value without an event name', async () => {
    await expect(probeIo({ path: '/socket.io/', send: ':{}' })).rejects.toThrow(/needs an event name before the colon/)
  })
})
