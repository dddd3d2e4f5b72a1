// The WebSocket route check: does the upgrade answer 101, does the connection stay open,
// and (optionally) does the route answer a message. Plain WebSocket or Socket.IO.
import type { WebSocketResult } from '../core/model.js'
import { hostHeaders } from './host-header.js'
import type { Probe, ProbeContext } from './probe.js'
import { engineIoPath, describeRejectedSocketIoUpgrade, parseSocketIoSend, socketIoRequestPath, talkSocketIo } from './socketio.js'
import {
  compileExpect,
  describeExpect,
  excerpt,
  openWebSocket,
  type OpenSocket,
  type ProbeClock,
  type RejectedUpgrade,
  type Verdict
} from './websocket-session.js'

export { compileExpect, parseSocketIoSend }
export { parseEngineIoPacket, parseSocketIoPacket, parseEngineIoHandshake } from './socketio.js'

export interface WebSocketProbeOptions {
  /** Always '127.0.0.1' in the action (localhost may resolve to ::1). */
  host: string
  port: number
  /** The route; for Socket.IO the Engine.IO path (default `/socket.io/`, a missing trailing slash is added). */
  path: string
  protocol: 'websocket' | 'socket.io'
  /**
   * WebSocket: a text frame sent once the connection is open.
   * Socket.IO: an event to emit after connecting, `event` or `event:<json>` (e.g. `echo:{"text":"hi"}`).
   */
  send?: string
  /**
   * Text the reply must contain, or a regex (a RegExp, or a string written `/pattern/flags`).
   * Without `send`, a message the server sends on its own (a greeting) must match.
   * Without either, any reply to `send` passes.
   */
  expect?: string | RegExp
  timeoutMs: number
  /** The `host-header` input: the upgrade request's Host. */
  hostHeader?: string
}

/** How long a connection without `send` must stay open to pass: servers that reject after the 101 close within a few ms. */
const OPEN_GRACE_MS = 500

/** The WebSocket (or Socket.IO) check behind the probe contract. */
export class WebSocketProbe implements Probe<WebSocketResult> {
  private answer?: WebSocketResult

  constructor(private readonly options: WebSocketProbeOptions) {}

  async start(context: ProbeContext): Promise<WebSocketResult> {
    this.answer = await probeWebSocket(this.options, context)
    return this.answer
  }

  result(): WebSocketResult | undefined {
    return this.answer
  }
}

/**
 * Probes a WebSocket (or Socket.IO) route once, retrying only while the connection is refused or reset, and
 * stopping when the context's signal fires. Every probe failure resolves with `ok: false`, a failure kind and a
 * short detail; the promise rejects only for invalid options (an unparsable `/regex/`, a Socket.IO `send`
 * without an event name).
 */
export async function probeWebSocket(options: WebSocketProbeOptions, context: ProbeContext): Promise<WebSocketResult> {
  // Validate before connecting so a bad option is reported as such, not as a failed route.
  compileExpect(options.expect)
  if (options.protocol === 'socket.io' && options.send !== undefined) parseSocketIoSend(options.send)

  const { now, signal } = context
  const startedAt = now()
  const clock: ProbeClock = { startedAt, deadline: startedAt + options.timeoutMs, signal, now }
  const isSocketIo = options.protocol === 'socket.io'
  const path = isSocketIo ? engineIoPath(options.path) : rooted(options.path)
  const requestPath = isSocketIo ? socketIoRequestPath(options.path) : path
  const url = `ws://${options.host.includes(':') ? `[${options.host}]` : options.host}:${options.port}${requestPath}`

  const describeRejection = isSocketIo ? (answer: RejectedUpgrade) => describeRejectedSocketIoUpgrade(answer, options.path) : undefined
  const connection = await openWebSocket(url, clock, describeRejection, hostHeaders(options.hostHeader))
  let verdict: Verdict
  if ('verdict' in connection) {
    verdict = connection.verdict
  } else {
    try {
      verdict = isSocketIo
        ? await talkSocketIo(connection.open, { path: options.path, send: options.send, expect: options.expect }, clock)
        : await talkPlain(connection.open, options, clock)
    } finally {
      connection.open.close()
    }
  }
  return { protocol: options.protocol, path, ...verdict, durationMs: now() - startedAt }
}

function rooted(path: string): string {
  return path.startsWith('/') ? path : `/${path}`
}

/** The plain WebSocket conversation: stay open, or send one frame and wait for a (matching) reply. */
export async function talkPlain(socket: OpenSocket, options: Pick<WebSocketProbeOptions, 'send' | 'expect'>, clock: ProbeClock): Promise<Verdict> {
  const matches = compileExpect(options.expect)
  const budget = clock.deadline - clock.startedAt
  const openMs = socket.openedAt - clock.startedAt
  const closedAtOnce = (code: number, reason: string): Verdict => ({
    ok: false,
    failure: 'closed',
    closeCode: code,
    detail: `closed right after opening (${code}${reason ? `: ${excerpt(reason)}` : ''})`
  })

  if (options.send === undefined && !matches) {
    const event = await socket.next(Math.min(clock.deadline, clock.now() + OPEN_GRACE_MS))
    if (event.type === 'aborted') return event.verdict
    if (event.type === 'close') return closedAtOnce(event.code, event.reason)
    if (event.type === 'error') return { ok: false, failure: 'protocol', detail: `WebSocket error right after opening: ${event.message}` }
    return { ok: true, detail: `101, connection open in ${openMs} ms` }
  }

  if (options.send !== undefined) socket.send(options.send)
  const sentAt = clock.now()
  const awaited = options.send === undefined ? 'no message from the server' : `no reply to ${excerpt(options.send)}`
  let lastReply: string | undefined
  for (;;) {
    const event = await socket.next(clock.deadline)
    if (event.type === 'aborted') return event.verdict
    if (event.type === 'error') return { ok: false, failure: 'protocol', detail: `WebSocket error: ${event.message}` }
    if (event.type === 'close') {
      if (lastReply === undefined && clock.now() - socket.openedAt < OPEN_GRACE_MS) return closedAtOnce(event.code, event.reason)
      const reason = event.reason ? `: ${excerpt(event.reason)}` : ''
      const before = lastReply === undefined ? 'replying' : 'a matching reply'
      return { ok: false, failure: 'closed', closeCode: event.code, detail: `closed before ${before} (${event.code}${reason})` }
    }
    if (event.type === 'timeout') {
      if (matches && lastReply !== undefined)
        return {
          ok: false,
          failure: 'expect-mismatch',
          detail: `no reply matched ${describeExpect(options.expect!)} within ${budget} ms; last: ${excerpt(lastReply)}`
        }
      return { ok: false, failure: 'timeout', detail: `101, but ${awaited} within ${budget} ms` }
    }
    if (!matches || matches(event.text)) {
      const elapsed = clock.now() - sentAt
      if (options.send !== undefined && event.text === options.send) return { ok: true, detail: `101, echo matched in ${elapsed} ms` }
      if (!matches) return { ok: true, detail: `101, reply received in ${elapsed} ms` }
      const what = options.send === undefined ? 'server message' : 'reply'
      return { ok: true, detail: `101, ${what} matched ${describeExpect(options.expect!)} in ${elapsed} ms` }
    }
    lastReply = event.text
  }
}
