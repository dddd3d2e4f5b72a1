// Gunicorn 26.2.2's error page, byte for byte as captured on forky (the same page answers FastAPI under the sync
// worker and a failed WebSocket upgrade): its headers end with `\r\n\n`. Node's strict parser rejects that; the
// probes must read the 500 as curl does.
import { readFileSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { httpGet } from '../../src/probes/http-client.js'
import { runLoad } from '../../src/probes/load.js'

const ANSWER = readFileSync(path.resolve('__fixtures__/answers/gunicorn-26.2-upgrade-500.http'))

let server: net.Server
let port: number

beforeAll(async () => {
  server = net.createServer((socket) => socket.once('data', () => socket.end(ANSWER)))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

describe("Gunicorn 26.2's bare-LF error answer", () => {
  it('the health probe reads it as a 500 with its body', async () => {
    const answer = await httpGet({ host: '127.0.0.1', port, path: '/health', userAgent: 'test', timeoutMs: 2000 })
    expect(answer.status).toBe(500)
    expect(answer.body).toContain('<title>Internal Server Error</title>')
  })

  it('the load probe counts it as a 500, not a transport error', async () => {
    const result = await runLoad({ host: '127.0.0.1', port, path: '/health', requests: 3 }, { now: Date.now })
    expect(result.statusCounts).toEqual({ '500': 3 })
  })
})
