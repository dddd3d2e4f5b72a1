// The load check against real local HTTP servers: healthy, failing some requests, resetting connections,
// hanging, and being stopped from outside.
import http from 'node:http'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { describeLoad, percentile, runLoad } from '../../src/probes/load.js'

const WALL_CLOCK = { now: Date.now }

type Handler = (request: http.IncomingMessage, response: http.ServerResponse, index: number) => void

interface TestServer {
  port: number
  /** Most requests being handled at the same moment. */
  peakInFlight: number
  received: number
  close(): Promise<void>
}

async function serve(handler: Handler): Promise<TestServer> {
  let inFlight = 0
  const stats = { peakInFlight: 0, received: 0 }
  const server = http.createServer((request, response) => {
    const index = stats.received++
    inFlight++
    stats.peakInFlight = Math.max(stats.peakInFlight, inFlight)
    const done = (): void => void inFlight--
    response.on('close', done)
    handler(request, response, index)
  })
  const sockets = new Set<net.Socket>()
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    get peakInFlight() {
      return stats.peakInFlight
    },
    get received() {
      return stats.received
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}

const ok: Handler = (_request, response) => response.end('{"status":"ok"}')
const afterMs =
  (ms: number, handler: Handler): Handler =>
  (request, response, index) =>
    // unref: a server still "working" when a test has moved on must not keep Jest alive.
    void setTimeout(() => {
      if (!response.destroyed) handler(request, response, index)
    }, ms).unref()

let servers: TestServer[] = []
const start = async (handler: Handler): Promise<TestServer> => {
  const server = await serve(handler)
  servers.push(server)
  return server
}
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()))
  servers = []
})

describe('runLoad', () => {
  it('sends every request, never more at once than the concurrency, and reports speed and percentiles', async () => {
    const server = await start(afterMs(5, ok))
    const result = await runLoad({ host: '127.0.0.1', port: server.port, path: '/health', requests: 60, concurrency: 6 }, WALL_CLOCK)
    expect(server.received).toBe(60)
    expect(server.peakInFlight).toBeLessThanOrEqual(6)
    expect(server.peakInFlight).toBeGreaterThan(1)
    expect(result.requests).toBe(60)
    expect(result.failures).toBe(0)
    expect(result.statusCounts).toEqual({ '200': 60 })
    expect(result.errors).toEqual([])
    expect(result.stoppedEarly).toBeUndefined()
    expect(result.p50Ms).toBeGreaterThanOrEqual(4)
    expect(result.p95Ms).toBeGreaterThanOrEqual(result.p50Ms)
    expect(result.requestsPerSecond).toBeGreaterThan(0)
    expect(describeLoad(result)).toMatch(/^200 × 60, \d+ req\/s, p95 \d+ ms$/)
  })

  it('counts wrong statuses and reset connections as failures, grouped by cause', async () => {
    // Every 5th request answers 500, every 7th (not also a 5th) has its connection destroyed unanswered.
    const server = await start((request, response, index) => {
      if (index % 5 === 0) {
        response.statusCode = 500
        response.end('Internal Server Error')
      } else if (index % 7 === 0) {
        request.socket.destroy()
      } else {
        ok(request, response, index)
      }
    })
    const result = await runLoad({ host: '127.0.0.1', port: server.port, path: '/health', requests: 70, concurrency: 5 }, WALL_CLOCK)
    const fiveHundreds = Array.from({ length: 70 }, (_, i) => i).filter((i) => i % 5 === 0).length
    const resets = Array.from({ length: 70 }, (_, i) => i).filter((i) => i % 5 !== 0 && i % 7 === 0).length
    expect(result.failures).toBe(fiveHundreds + resets)
    expect(result.statusCounts['500']).toBe(fiveHundreds)
    expect(result.statusCounts.error).toBe(resets)
    expect(result.statusCounts['200']).toBe(70 - fiveHundreds - resets)
    expect(result.errors).toContain(`HTTP 500 × ${fiveHundreds}`)
    expect(result.errors.some((e) => /^connection (closed before an answer|reset) × \d+$/.test(e))).toBe(true)
    expect(describeLoad(result)).toMatch(new RegExp(`^${fiveHundreds + resets}/70 failed \\(HTTP 500 × ${fiveHundreds}; connection`))
  })

  it('gives up on a request that hangs after its own timeout, without waiting for the others', async () => {
    const hanging: http.ServerResponse[] = []
    const server = await start((request, response, index) => {
      if (index < 2) hanging.push(response)
      else ok(request, response, index)
    })
    const began = Date.now()
    const result = await runLoad(
      { host: '127.0.0.1', port: server.port, path: '/health', requests: 20, concurrency: 4, requestTimeoutMs: 300 },
      WALL_CLOCK
    )
    expect(Date.now() - began).toBeLessThan(2000)
    expect(result.failures).toBe(2)
    expect(result.errors).toEqual(['no answer within 300 ms × 2'])
    expect(result.statusCounts).toEqual({ '200': 18, error: 2 })
  })

  it('stops sending at the total time limit and counts what was never sent', async () => {
    const server = await start(afterMs(100, ok))
    const began = Date.now()
    const result = await runLoad(
      { host: '127.0.0.1', port: server.port, path: '/health', requests: 100, concurrency: 2, totalTimeoutMs: 400 },
      WALL_CLOCK
    )
    expect(Date.now() - began).toBeLessThan(1500)
    expect(result.stoppedEarly).toBe('time-limit')
    const notSent = result.statusCounts['not-sent']
    expect(notSent).toBeGreaterThan(80)
    expect(result.failures).toBe(notSent)
    expect(result.statusCounts['200'] + notSent).toBe(100)
    expect(result.errors).toEqual([`not sent within 0.4 s × ${notSent}`])
  })

  it('stops at once when aborted, cutting the requests in flight', async () => {
    const server = await start(afterMs(10_000, ok))
    const abort = new AbortController()
    setTimeout(() => abort.abort(), 150)
    const began = Date.now()
    const result = await runLoad(
      { host: '127.0.0.1', port: server.port, path: '/health', requests: 50, concurrency: 5 },
      { now: Date.now, signal: abort.signal }
    )
    expect(Date.now() - began).toBeLessThan(1500)
    expect(result.stoppedEarly).toBe('aborted')
    expect(result.failures).toBe(50)
    expect(result.errors).toEqual(['not sent: stopped × 45', 'stopped × 5'])
  })

  it('reports refused connections when nothing listens', async () => {
    const server = await start(ok)
    const port = server.port
    await server.close()
    servers = []
    const result = await runLoad({ host: '127.0.0.1', port, path: '/health', requests: 8, concurrency: 4 }, WALL_CLOCK)
    expect(result.failures).toBe(8)
    expect(result.errors).toEqual(['connection refused × 8'])
    expect(result.p95Ms).toBe(0)
  })

  it('uses the health-status matcher to decide what a success is', async () => {
    const server = await start((_request, response) => {
      response.statusCode = 204
      response.end()
    })
    const accept204 = { matches: (status: number) => status === 204 }
    const passing = await runLoad({ host: '127.0.0.1', port: server.port, path: '/health', requests: 10, matcher: accept204 }, WALL_CLOCK)
    expect(passing.failures).toBe(0)
    const defaultMatcher = await runLoad(
      {
        host: '127.0.0.1',
        port: server.port,
        path: '/health',
        requests: 10,
        matcher: { matches: (status) => status === 200 }
      },
      WALL_CLOCK
    )
    expect(defaultMatcher.failures).toBe(10)
    expect(defaultMatcher.errors).toEqual(['HTTP 204 × 10'])
  })

  it('sends the configured path', async () => {
    const paths: string[] = []
    const server = await start((request, response, index) => {
      paths.push(request.url ?? '')
      ok(request, response, index)
    })
    await runLoad({ host: '127.0.0.1', port: server.port, path: '/healthz?deep=1', requests: 3 }, WALL_CLOCK)
    expect(paths).toEqual(['/healthz?deep=1', '/healthz?deep=1', '/healthz?deep=1'])
  })
})

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1)
    expect(percentile(values, 50)).toBe(50)
    expect(percentile(values, 95)).toBe(95)
    expect(percentile([7], 95)).toBe(7)
    expect(percentile([], 95)).toBe(0)
    expect(percentile([1, 2, 3, 40], 95)).toBe(40)
  })
})
