// The transport half of the WebSocket probe: open a connection (retrying while the port refuses),
// explain a refused upgrade, and read the open socket as a queue of events with deadlines.
// Protocol conversations (plain echo, Socket.IO) are written on top of OpenSocket in straight-line code.
import { STATUS_CODES, type IncomingMessage } from 'node:http'
import { excerpt as shortExcerpt } from '../core/text.js'
import WebSocket from 'ws'
import type { WebSocketResult } from '../core/model.js'
import { pause } from './probe.js'

export type WebSocketFailure = NonNullable<WebSocketResult['failure']>

/** What a conversation concluded; probeWebSocket adds protocol, path and duration. */
export interface Verdict {
  ok: boolean
  detail: string
  failure?: WebSocketFailure
  status?: number
  closeCode?: number
}

/** The probe's time budget: everything must finish before `deadline` (epoch ms, by `now`) unless `signal` aborts first. */
export interface ProbeClock {
  startedAt: number
  deadline: number
  signal?: AbortSignal
  now: () => number
}

export type SocketEvent =
  | { type: 'message'; text: string }
  | { type: 'close'; code: number; reason: string }
  | { type: 'error'; message: string }
  | { type: 'timeout' }
  | { type: 'aborted'; verdict: Verdict }

/** Transport errors that mean "not listening yet" or "restarting": worth another attempt before the deadline. */
const RETRYABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ECONNABORTED'])
const RETRY_DELAY_MS = 250
const BODY_LIMIT_BYTES = 4096
const BODY_WAIT_MS = 1000
const EXCERPT_CHARS = 100

/** Turns `expect` into a predicate: a RegExp or a string written `/pattern/flags` is a regex, any other string must be contained. */
export function compileExpect(expect: string | RegExp | undefined): ((text: string) => boolean) | undefined {
  if (expect === undefined) return undefined
  if (expect instanceof RegExp) {
    // Drop g/y so repeated test() calls do not depend on lastIndex.
    const regex = new RegExp(expect.source, expect.flags.replace(/[gy]/g, ''))
    return (text) => regex.test(text)
  }
  const literal = /^\/(.+)\/([dimsuv]*)$/s.exec(expect)
  if (literal) {
    let regex: RegExp
    try {
      regex = new RegExp(literal[1], literal[2])
    } catch (error) {
      throw new Error(`The WebSocket expect pattern ${expect} is not a valid regular expression (${(error as Error).message}).`, { cause: error })
    }
    return (text) => regex.test(text)
  }
  return (text) => text.includes(expect)
}

/** How `expect` reads in a detail line: `"pong"` or `/^pong$/`. */
export function describeExpect(expect: string | RegExp): string {
  return expect instanceof RegExp || /^\/.+\/[dimsuv]*$/s.test(expect) ? String(expect) : JSON.stringify(expect)
}

/** A short, single-line quotation of what the server said. */
export function excerpt(text: string, limit = EXCERPT_CHARS): string {
  return JSON.stringify(shortExcerpt(text, limit))
}

/** The human part of an error page: the first <p> of an HTML page (Werkzeug, Django), else its title, else the text. */
export function bodyText(body: string): string {
  const json = jsonMessage(body)
  if (json !== undefined) return json
  if (!/<html|<!doctype|<p>|<title>/i.test(body)) return body.trim()
  const strip = (html: string) =>
    html
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  const paragraph = /<p[^>]*>([\s\S]*?)<\/p>/i.exec(body)
  if (paragraph && strip(paragraph[1])) return strip(paragraph[1])
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(body)
  if (title && strip(title[1])) return strip(title[1])
  return strip(body)
}

/** The message of a JSON error body: a bare string (python-engineio) or a message/detail/error field (engine.io, FastAPI). */
function jsonMessage(body: string): string | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return undefined
  }
  if (typeof parsed === 'string') return parsed.trim()
  if (typeof parsed !== 'object' || parsed === null) return undefined
  const fields = parsed as Record<string, unknown>
  const message = [fields.message, fields.detail, fields.error].find((value) => typeof value === 'string')
  return typeof message === 'string' ? message.trim() : undefined
}

export interface RejectedUpgrade {
  status: number
  statusText: string
  location?: string
  body: string
}

/** Explains an upgrade that got an ordinary HTTP answer instead of 101 (plain WebSocket wording). */
export function describeRejectedUpgrade(answer: RejectedUpgrade): Verdict {
  const { status } = answer
  const head = `upgrade answered ${status} ${answer.statusText}`.trim()
  const said = bodyText(answer.body)
  const quote = said ? `: ${excerpt(said)}` : ''
  let detail: string
  if (status === 404) detail = `${head}: no such route`
  else if (status === 403) detail = `${head}: refused (ASGI servers answer 403 when no WebSocket route matches)${quote}`
  else if (status === 401) detail = `${head}: authentication required`
  else if (status >= 300 && status < 400) detail = `${head}: redirect to ${answer.location ?? 'an unnamed location'}`
  else if (status >= 500) detail = `${head}: the app failed handling the upgrade${quote}`
  else if (status === 400 || status === 426 || (status >= 200 && status < 300)) detail = `${head}: not upgraded (check the worker class)${quote}`
  else detail = `${head}${quote}`
  return { ok: false, failure: 'http-status', status, detail }
}

/** An open connection read as a queue: every frame, error and the close are kept in arrival order. */
export class OpenSocket {
  private readonly events: SocketEvent[] = []
  private closed?: SocketEvent
  private wake?: () => void
  /** Epoch ms of the 101 answer; set by openWebSocket. */
  openedAt = 0

  constructor(
    private readonly socket: WebSocket,
    private readonly clock: ProbeClock
  ) {
    socket.on('message', (data) => {
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data)
      this.push({ type: 'message', text: bytes.toString('utf8') })
    })
    socket.on('error', (error) => this.push({ type: 'error', message: error.message }))
    socket.on('close', (code, reason) => {
      this.closed = { type: 'close', code, reason: reason.toString('utf8') }
      this.push(this.closed)
    })
  }

  /** Sends a text frame; a failure shows up later as an error or close event. */
  send(text: string): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(text)
  }

  /** The next event, or `timeout` once `until` (epoch ms) passes, or `aborted` when the caller's signal fires. */
  async next(until: number): Promise<SocketEvent> {
    for (;;) {
      const queued = this.events.shift()
      if (queued) return queued
      if (this.closed) return this.closed
      const aborted = abortVerdict(this.clock.signal)
      if (aborted) return { type: 'aborted', verdict: aborted }
      const remaining = until - this.clock.now()
      if (remaining <= 0) return { type: 'timeout' }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, remaining)
        const signal = this.clock.signal
        signal?.addEventListener('abort', done)
        this.wake = done
        function done() {
          clearTimeout(timer)
          signal?.removeEventListener('abort', done)
          resolve()
        }
      })
      this.wake = undefined
    }
  }

  /** Closes politely, and forcibly if the server does not finish the closing handshake soon. */
  close(): void {
    if (this.socket.readyState === WebSocket.CLOSED) return
    this.socket.close(1000)
    setTimeout(() => this.socket.terminate(), 1000).unref()
  }

  private push(event: SocketEvent): void {
    this.events.push(event)
    this.wake?.()
  }
}

/** The verdict for a fired abort signal, or undefined while it has not fired. */
export function abortVerdict(signal: AbortSignal | undefined): Verdict | undefined {
  if (!signal?.aborted) return undefined
  const reason: unknown = signal.reason
  // Duck-typed: AbortSignal.timeout() gives a DOMException, which is not an Error in every realm.
  const error = typeof reason === 'object' && reason !== null ? (reason as { name?: unknown; message?: unknown }) : undefined
  const isTimeout = error?.name === 'TimeoutError'
  const why = typeof error?.message === 'string' ? error.message : typeof reason === 'string' ? reason : 'no reason given'
  return { ok: false, failure: isTimeout ? 'timeout' : 'network', detail: `probe aborted: ${why}` }
}

type AttemptResult = { open: OpenSocket } | { verdict: Verdict } | { retry: string }

/**
 * Opens `url`, retrying briefly while the connection is refused or reset (a worker may be restarting),
 * until the clock's deadline. Resolves with an open socket or the verdict that ended the attempt.
 */
export async function openWebSocket(
  url: string,
  clock: ProbeClock,
  describeRejection: (answer: RejectedUpgrade) => Verdict = describeRejectedUpgrade,
  /** Extra request headers (the `host-header` input's Host). */
  headers: Record<string, string> = {}
): Promise<{ open: OpenSocket } | { verdict: Verdict }> {
  let attempts = 0
  for (;;) {
    attempts += 1
    const result = await attemptOpen(url, clock, describeRejection, headers)
    if (!('retry' in result)) return result
    const aborted = abortVerdict(clock.signal)
    if (aborted) return { verdict: aborted }
    if (clock.now() + RETRY_DELAY_MS >= clock.deadline) {
      const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`
      return {
        verdict: { ok: false, failure: 'network', detail: `${networkPhrase(result.retry)}, ${tries} in ${clock.deadline - clock.startedAt} ms` }
      }
    }
    await pause(RETRY_DELAY_MS, clock.signal)
  }
}

function networkPhrase(code: string): string {
  if (code === 'ECONNREFUSED') return 'connection refused (ECONNREFUSED)'
  if (code === 'ECONNRESET') return 'connection reset before the upgrade was answered (ECONNRESET)'
  return `connection failed (${code})`
}

/** A connection that failed before the upgrade: retried while the server may still be starting, else the verdict. */
function attemptFailed(error: NodeJS.ErrnoException): AttemptResult {
  const code = error.code ?? ''
  if (RETRYABLE_CODES.has(code)) return { retry: code }
  if (code) return { verdict: { ok: false, failure: 'network', detail: networkPhrase(code) } }
  return { verdict: { ok: false, failure: 'protocol', detail: `handshake failed: ${error.message}` } }
}

function attemptOpen(
  url: string,
  clock: ProbeClock,
  describeRejection: (answer: RejectedUpgrade) => Verdict,
  headers: Record<string, string>
): Promise<AttemptResult> {
  return new Promise((resolve) => {
    // No compression and no redirects: the probe should see exactly what the server answers.
    // insecureHTTPParser: Gunicorn 26's own error pages end their headers with a bare LF (see http-client.ts).
    const socket = new WebSocket(url, { perMessageDeflate: false, followRedirects: false, insecureHTTPParser: true, headers })
    // Listeners are attached before the handshake so no frame sent right after the 101 is missed.
    const open = new OpenSocket(socket, clock)
    let settled = false
    const timer = setTimeout(
      () => {
        finish({ verdict: { ok: false, failure: 'timeout', detail: `no answer to the upgrade within ${clock.deadline - clock.startedAt} ms` } })
        socket.terminate()
      },
      Math.max(0, clock.deadline - clock.now())
    )
    const onAbort = () => {
      finish({ verdict: abortVerdict(clock.signal) ?? { ok: false, failure: 'network', detail: 'probe aborted' } })
      socket.terminate()
    }
    clock.signal?.addEventListener('abort', onAbort)
    if (clock.signal?.aborted) onAbort()

    function finish(result: AttemptResult) {
      if (settled) return
      settled = true
      clearTimeout(timer)
      clock.signal?.removeEventListener('abort', onAbort)
      resolve(result)
    }

    socket.on('open', () => {
      open.openedAt = clock.now()
      finish({ open })
    })
    socket.on('unexpected-response', (request, response: IncomingMessage) => {
      void readBody(response).then((body) => {
        request.destroy()
        finish({
          verdict: describeRejection({
            status: response.statusCode ?? 0,
            statusText: STATUS_CODES[response.statusCode ?? 0] ?? response.statusMessage ?? '',
            location: response.headers.location,
            body
          })
        })
      })
    })
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (!settled) finish(attemptFailed(error))
    })
  })
}

/** Reads at most a few KB of an error answer, giving up quickly on a body that never ends. */
function readBody(response: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    const done = () => {
      clearTimeout(timer)
      resolve(Buffer.concat(chunks).toString('utf8'))
    }
    const timer = setTimeout(done, BODY_WAIT_MS)
    response.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      size += chunk.length
      if (size >= BODY_LIMIT_BYTES) done()
    })
    response.on('end', done)
    response.on('error', done)
  })
}
