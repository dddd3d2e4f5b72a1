// The health probe: one HTTP GET per attempt against the published port on 127.0.0.1 (never `localhost`,
// which Node 17+ may resolve to ::1 while Docker publishes on IPv4 only).
import http from 'node:http'
import type { StatusMatcher } from '../inputs.js'
import type { HealthOutcome } from '../model.js'

export interface HttpAnswer {
  status: number
  body: string
}

const BODY_LIMIT = 4096

/** One GET; rejects on transport errors (refused, reset, timeout) with a short message. */
export function httpGet(host: string, port: number, path: string, timeoutMs: number): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host, port, path, method: 'GET', agent: false, timeout: timeoutMs, headers: { 'User-Agent': 'gunicorn-smoke', Connection: 'close' } },
      (response) => {
        const chunks: Buffer[] = []
        let size = 0
        response.on('data', (chunk: Buffer) => {
          if (size < BODY_LIMIT) chunks.push(chunk)
          size += chunk.length
        })
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8').slice(0, BODY_LIMIT) }))
        response.on('error', reject)
      }
    )
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)))
    request.on('error', (error) => reject(new Error(describeError(error))))
    request.end()
  })
}

function describeError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'connection refused'
    case 'ECONNRESET':
      return 'connection reset'
    case 'EPIPE':
      return 'connection closed'
    default:
      return error.message === 'socket hang up' ? 'connection closed before an answer' : error.message
  }
}

export type AttemptResult =
  { kind: 'healthy'; answer: HttpAnswer } | { kind: 'unexpected-status'; answer: HttpAnswer } | { kind: 'no-answer'; error: string }

/** Polls one URL, remembering what it saw, so the verdict can quote the last status and body. */
export class HealthProbe {
  private attempts = 0
  private lastStatus?: number
  private lastBody?: string
  private lastError?: string
  private firstHealthyAt?: number
  private consecutiveSameStatus = 0

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly path: string,
    private readonly matcher: StatusMatcher,
    private readonly attemptTimeoutMs = 2000,
    private readonly now: () => number = Date.now
  ) {}

  async attempt(): Promise<AttemptResult> {
    this.attempts++
    try {
      const answer = await httpGet(this.host, this.port, this.path, this.attemptTimeoutMs)
      this.consecutiveSameStatus = answer.status === this.lastStatus ? this.consecutiveSameStatus + 1 : 1
      this.lastStatus = answer.status
      this.lastBody = answer.body
      this.lastError = undefined
      if (this.matcher.matches(answer.status)) {
        this.firstHealthyAt ??= this.now()
        return { kind: 'healthy', answer }
      }
      return { kind: 'unexpected-status', answer }
    } catch (error) {
      this.lastError = error instanceof Error ? error.message : String(error)
      return { kind: 'no-answer', error: this.lastError }
    }
  }

  /**
   * A client error that repeats (404 on a missing route, 401 behind auth) will not heal by waiting; 5xx, 408,
   * 425 and 429 may (an app warming up), so those are polled until the timeout.
   */
  get settledOnWrongStatus(): boolean {
    const status = this.lastStatus
    if (status === undefined || this.lastError || this.matcher.matches(status)) return false
    const permanent = status >= 400 && status < 500 && ![408, 425, 429].includes(status)
    return permanent && this.consecutiveSameStatus >= 3
  }

  outcome(): HealthOutcome {
    const ok = this.firstHealthyAt !== undefined && this.lastStatus !== undefined && this.matcher.matches(this.lastStatus) && !this.lastError
    return {
      ok,
      status: this.lastStatus,
      bodyExcerpt: this.lastBody === undefined ? undefined : excerpt(this.lastBody),
      error: this.lastError,
      attempts: this.attempts,
      firstHealthyAt: this.firstHealthyAt
    }
  }
}

export function excerpt(body: string, max = 200): string {
  const flat = body.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max)}…` : flat
}
