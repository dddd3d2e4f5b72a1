// The one HTTP client of the probes (health and load): one GET on a fresh connection, with a wall-clock limit.
import http from 'node:http'
import { hostHeaders } from './host-header.js'

export interface HttpAnswer {
  status: number
  /** Up to BODY_LIMIT bytes of the body, as text. */
  body: string
  /** The `Server` header: Gunicorn's own workers send `gunicorn` (or `gunicorn/VERSION`). */
  server?: string
}

export interface HttpTarget {
  host: string
  port: number
  path: string
  userAgent: string
  /** The `host-header` input: the host name the platform's proxy would send. */
  hostHeader?: string
  timeoutMs: number
  signal?: AbortSignal
}

const BODY_LIMIT = 4096

/**
 * One GET with `Connection: close` (Gunicorn's sync workers close after each answer anyway, and reusing a socket
 * the server just closed would count a client-side race as an app failure); rejects on transport errors
 * (refused, reset, timeout) with a short message.
 */
export function httpGet(target: HttpTarget): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    let settled = false
    const finish = (error?: Error, answer?: HttpAnswer): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      if (error) reject(error)
      else resolve(answer!)
    }
    const request = http.request(
      {
        host: target.host,
        port: target.port,
        path: target.path,
        method: 'GET',
        agent: false,
        signal: target.signal,
        // Gunicorn 26 ends the headers of its own error pages (the 500 of an app that raised) with a bare LF,
        // which Node's strict parser rejects: the probe must still see the 500.
        insecureHTTPParser: true,
        headers: { 'User-Agent': target.userAgent, Connection: 'close', ...hostHeaders(target.hostHeader) }
      },
      (response) => {
        const chunks: Buffer[] = []
        let size = 0
        response.on('data', (chunk: Buffer) => {
          if (size < BODY_LIMIT) chunks.push(chunk)
          size += chunk.length
        })
        response.on('end', () =>
          finish(undefined, {
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8').slice(0, BODY_LIMIT),
            server: headerText(response.headers.server)
          })
        )
        response.on('error', (error) => finish(new Error(describeError(error))))
        response.on('aborted', () => finish(new Error('connection closed mid-answer')))
      }
    )
    // A wall-clock limit (a socket timeout alone would let a trickling answer run forever).
    const timer = setTimeout(() => {
      request.destroy()
      finish(new Error(`no answer within ${target.timeoutMs} ms`))
    }, target.timeoutMs)
    request.on('error', (error) => finish(new Error(describeError(error))))
    request.end()
  })
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value
}

function describeError(error: NodeJS.ErrnoException): string {
  if (error.name === 'AbortError') return 'stopped'
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'connection refused'
    case 'ECONNRESET':
      return error.message === 'socket hang up' ? 'connection closed before an answer' : 'connection reset'
    case 'EPIPE':
      return 'connection closed'
    default:
      return error.message === 'socket hang up' ? 'connection closed before an answer' : error.message
  }
}
