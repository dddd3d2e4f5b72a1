// probeWebSocket against the WebSocket fixture apps, built and run by the real Docker engine on both base images
// (bookworm: Gunicorn 20.1, gevent-websocket 0.10, python-socketio 5.7, uvicorn 0.17, websockets 10;
//  trixie:   Gunicorn 23.0, gevent-websocket 0.10, python-socketio 5.12, uvicorn 0.32, websockets 15).
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { probeWebSocket, type WebSocketProbeOptions } from '../src/probes/websocket.js'
import { jest } from '@jest/globals'
import { BASES, baseImage } from './helpers/docker.js'

jest.setTimeout(180_000)

const run = promisify(execFile)
const FIXTURES = path.resolve('__fixtures__', 'apps')
const APPS = ['ws-geventwebsocket', 'ws-socketio', 'ws-fastapi', 'ws-wrong-worker'] as const
type App = (typeof APPS)[number]

async function docker(args: string[]): Promise<string> {
  const { stdout } = await run('docker', args, { maxBuffer: 16 * 1024 * 1024 })
  return stdout.trim()
}

/** Polls /health until it answers 200, or fails with the container log. */
async function waitForHealth(container: string, port: number): Promise<void> {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2000) })
      if (response.status === 200) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  const log = await docker(['logs', '--tail', '40', container]).catch((error: Error) => error.message)
  throw new Error(`${container} did not answer /health within 60 s:\n${log}`)
}

describe.each(BASES)('WebSocket fixtures on %s', (base) => {
  const image = (app: App) => `gsmoke-test-${app}:${base}`
  const containers: string[] = []
  const ports = new Map<string, number>()

  /** Starts an image detached on an ephemeral local port, optionally overriding its command, and waits for /health. */
  async function start(name: string, app: App, command: string[] = []): Promise<void> {
    const container = `gsmoke-test-${name}-${base}-${process.pid}`
    containers.push(container)
    await docker(['run', '--detach', '--name', container, '-e', 'PORT=8000', '-p', '127.0.0.1::8000', image(app), ...command])
    const mapping = await docker(['port', container, '8000/tcp'])
    const port = Number(/:(\d+)\s*$/m.exec(mapping)?.[1])
    ports.set(name, port)
    await waitForHealth(container, port)
  }

  beforeAll(async () => {
    for (const app of APPS) {
      await docker(['build', '--quiet', '--build-arg', `BASE_IMAGE=${baseImage(base)}`, '--tag', image(app), path.join(FIXTURES, app)])
    }
    await Promise.all([
      ...APPS.map((app) => start(app, app)),
      // Flask-SocketIO (async_mode gevent) served by plain gevent workers instead of GeventWebSocketWorker.
      start('socketio-on-gevent', 'ws-socketio', ['gunicorn', '--worker-class', 'gevent', '-w', '1', '--bind', '0.0.0.0:8000', 'app:app'])
    ])
  })

  afterAll(async () => {
    await Promise.allSettled(containers.map((container) => docker(['rm', '--force', container])))
    await Promise.allSettled(APPS.map((app) => docker(['rmi', '--force', image(app)])))
  })

  const probe = (name: string, options: Omit<WebSocketProbeOptions, 'host' | 'port' | 'timeoutMs'>) =>
    probeWebSocket({ host: '127.0.0.1', port: ports.get(name)!, timeoutMs: 5000, ...options }, { now: Date.now })

  it('gevent-websocket: /ws echoes the message', async () => {
    const outcome = await probe('ws-geventwebsocket', { path: '/ws', protocol: 'websocket', send: 'ping 42', expect: 'ping 42' })
    expect(outcome).toMatchObject({ ok: true, protocol: 'websocket', path: '/ws' })
    expect(outcome.detail).toMatch(/^101, echo matched in \d+ ms$/)
  })

  it('gevent-websocket: /ws stays open when nothing is sent', async () => {
    const outcome = await probe('ws-geventwebsocket', { path: '/ws', protocol: 'websocket' })
    expect(outcome.ok).toBe(true)
    expect(outcome.detail).toMatch(/^101, connection open in \d+ ms$/)
  })

  it('gevent-websocket: a missing route is upgraded first, then closed at once (1005)', async () => {
    // The handler upgrades before Flask routes, so the 404 never reaches the client.
    const outcome = await probe('ws-geventwebsocket', { path: '/missing', protocol: 'websocket', send: 'x' })
    expect(outcome).toMatchObject({ ok: false, failure: 'closed', closeCode: 1005, detail: 'closed right after opening (1005)' })
  })

  it('Flask-SocketIO on GeventWebSocketWorker: connects over the websocket transport', async () => {
    const outcome = await probe('ws-socketio', { path: '/socket.io', protocol: 'socket.io' })
    expect(outcome).toMatchObject({ ok: true, protocol: 'socket.io', path: '/socket.io/' })
    expect(outcome.detail).toMatch(/^101, Socket\.IO connected in \d+ ms$/)
  })

  it('Flask-SocketIO: the echo event comes back', async () => {
    const outcome = await probe('ws-socketio', { path: '/socket.io/', protocol: 'socket.io', send: 'echo:{"text":"hi"}', expect: '"text":"hi"' })
    expect(outcome.ok).toBe(true)
    expect(outcome.detail).toMatch(/^101, Socket\.IO "echo" reply matched in \d+ ms$/)
  })

  it('Flask-SocketIO: the welcome event emitted on connect matches expect without send', async () => {
    const outcome = await probe('ws-socketio', { path: '/socket.io/', protocol: 'socket.io', expect: 'motd' })
    expect(outcome).toMatchObject({ ok: true, detail: '101, Socket.IO connected, server event matched "motd"' })
  })

  it('Flask-SocketIO: a wrong Engine.IO path is closed before the open packet', async () => {
    const outcome = await probe('ws-socketio', { path: '/realtime/', protocol: 'socket.io' })
    expect(outcome).toMatchObject({
      ok: false,
      failure: 'closed',
      closeCode: 1005,
      detail: 'closed before the Engine.IO open packet (1005); no Socket.IO server at /realtime/, or it refused EIO=4'
    })
  })

  it('FastAPI on UvicornWorker: /ws echoes the message', async () => {
    const outcome = await probe('ws-fastapi', { path: '/ws', protocol: 'websocket', send: 'hello', expect: '/^hello$/' })
    expect(outcome.ok).toBe(true)
    expect(outcome.detail).toMatch(/^101, echo matched in \d+ ms$/)
  })

  it.each([
    [
      'Flask-SocketIO on plain gevent workers: the upgrade fails with 500',
      'socketio-on-gevent',
      { path: '/socket.io/', protocol: 'socket.io' },
      500,
      'upgrade answered 500 Internal Server Error: the app failed handling the upgrade: "Internal Server Error"'
    ],
    [
      'FastAPI: a missing WebSocket route is refused with 403',
      'ws-fastapi',
      { path: '/missing', protocol: 'websocket' },
      403,
      'upgrade answered 403 Forbidden: refused (ASGI servers answer 403 when no WebSocket route matches)'
    ],
    [
      'wrong worker class (plain gevent): the route answers 400 instead of upgrading',
      'ws-wrong-worker',
      { path: '/ws', protocol: 'websocket', send: 'hello', expect: 'hello' },
      400,
      'upgrade answered 400 Bad Request: not upgraded (check the worker class): "Expected a WebSocket upgrade request."'
    ],
    [
      'wrong worker class: a missing route answers 404',
      'ws-wrong-worker',
      { path: '/missing', protocol: 'websocket' },
      404,
      'upgrade answered 404 Not Found: no such route'
    ]
  ] as const)('%s', async (_name, container, conversation, status, detail) => {
    const outcome = await probe(container, conversation)
    expect(outcome).toMatchObject({ ok: false, failure: 'http-status', status, detail })
  })
})
