// Every probe sends the `host-header` input as its Host header (health, load, WebSocket), against a real
// local server that records what it received; without the input, Node's default `127.0.0.1:PORT` goes out.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'
import { parseStatusMatcher } from '../../src/setup/inputs.js'
import { isHostHeader } from '../../src/probes/host-header.js'
import { HealthProbe } from '../../src/probes/health.js'
import { runLoad } from '../../src/probes/load.js'
import { probeWebSocket } from '../../src/probes/websocket.js'

const seen: string[] = []
let server: Server
let port: number
const wss = new WebSocketServer({ noServer: true })

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push(`GET ${request.headers.host}`)
    response.writeHead(request.headers.host === 'api.example.com' ? 200 : 400)
    response.end('ok')
  })
  server.on('upgrade', (request, socket, head) => {
    seen.push(`UPGRADE ${request.headers.host}`)
    wss.handleUpgrade(request, socket, head, (ws) => ws.on('message', (data) => ws.send(data)))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})

afterAll(async () => {
  wss.close()
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

beforeEach(() => {
  seen.length = 0
})

const healthProbe = (hostHeader?: string) =>
  new HealthProbe({
    host: '127.0.0.1',
    port,
    path: '/health',
    matcher: parseStatusMatcher('200'),
    startedAt: Date.now(),
    deadline: Date.now() + 2000,
    hostHeader
  })

describe('the host-header input on every probe', () => {
  it('health: sends it, and the app that accepts only that host answers 200', async () => {
    const probe = healthProbe('api.example.com')
    expect((await probe.attempt(Date.now)).kind).toBe('healthy')
    expect(seen).toEqual(['GET api.example.com'])
  })

  it('health: without it the published address goes out', async () => {
    expect((await healthProbe().attempt(Date.now)).kind).toBe('unexpected-status')
    expect(seen).toEqual([`GET 127.0.0.1:${port}`])
  })

  it('load: every request sends it', async () => {
    const result = await runLoad({ host: '127.0.0.1', port, path: '/health', requests: 5, hostHeader: 'api.example.com' }, { now: Date.now })
    expect(result.failures).toBe(0)
    expect(seen).toEqual(Array(5).fill('GET api.example.com'))
  })

  it('WebSocket: the upgrade request sends it', async () => {
    const outcome = await probeWebSocket(
      {
        host: '127.0.0.1',
        port,
        path: '/ws',
        protocol: 'websocket',
        send: 'hi',
        timeoutMs: 2000,
        hostHeader: 'api.example.com'
      },
      { now: Date.now }
    )
    expect(outcome.ok).toBe(true)
    expect(seen).toEqual(['UPGRADE api.example.com'])
  })

  it.each([
    ['api.example.com', true],
    ['shop.onrender.com:443', true],
    ['localhost', true],
    ['api.example.com:0', false],
    ['api.example.com/x', false],
    ['user@api.example.com', false],
    ['-bad.example.com', false],
    ['', false]
  ])('validates %p as a Host header: %p', (text, valid) => {
    expect(isHostHeader(text)).toBe(valid)
  })
})
