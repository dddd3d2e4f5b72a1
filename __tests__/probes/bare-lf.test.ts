// Gunicorn 26.2.2's error page, byte for byte as it answered FastAPI under the sync worker on forky: its headers
// end with `\r\n\n`. Node's strict parser rejects that; the probes must read the 500 as curl does.
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { httpGet } from '../../src/probes/http-client.js'
import { runLoad } from '../../src/probes/load.js'

const BODY =
  '<html>\n  <head>\n    <title>Internal Server Error</title>\n  </head>\n  <body>\n    <h1><p>Internal Server Error</p></h1>\n    \n  </body>\n</html>\n'
const ANSWER = `HTTP/1.1 500 Internal Server Error\r\nConnection: close\r\nContent-Type: text/html\r\nContent-Length: ${BODY.length}\r\n\n${BODY}`

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
    const result = await runLoad({ host: '127.0.0.1', port, path: '/health', requests: 3 })
    expect(result.statusCounts).toEqual({ '500': 3 })
  })
})
