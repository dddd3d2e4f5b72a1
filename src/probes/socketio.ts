// Socket.IO over the WebSocket transport, spoken the way a Socket.IO v4 client does it
// (Engine.IO protocol 4, Socket.IO protocol 5), with only the packets a smoke test needs.
//
//   client                                   server
//   GET <path>?EIO=4&transport=websocket ──► 101
//                                        ◄── 0{"sid":…,"pingInterval":…}   Engine.IO open
//   40                                   ──►                               connect to namespace "/"
//                                        ◄── 40{"sid":…}  or  44{"message":…} (connect_error)
//   421["event",data]                    ──►                               emit with ack id 1 (optional)
//                                        ◄── 42[…] events / 431[…] ack
//   Whenever the server pings (2), answer pong (3), or it drops the connection after pingTimeout.
import {
  bodyText,
  compileExpect,
  describeExpect,
  describeRejectedUpgrade,
  excerpt,
  type OpenSocket,
  type ProbeClock,
  type RejectedUpgrade,
  type SocketEvent,
  type Verdict
} from './websocket-session.js'

export const DEFAULT_SOCKET_IO_PATH = '/socket.io/'

const ENGINE_IO_TYPES = ['open', 'close', 'ping', 'pong', 'message', 'upgrade', 'noop'] as const
export type EngineIoPacketType = (typeof ENGINE_IO_TYPES)[number]

export interface EngineIoPacket {
  type: EngineIoPacketType
  /** Everything after the type digit: the handshake JSON, the ping payload, or a Socket.IO packet. */
  data: string
}

/** Parses one Engine.IO v4 text packet (`<type digit><data>`); undefined when it is not one. */
export function parseEngineIoPacket(text: string): EngineIoPacket | undefined {
  const type = ENGINE_IO_TYPES[Number(text[0])]
  if (!type || !/^[0-6]/.test(text)) return undefined
  return { type, data: text.slice(1) }
}

export interface EngineIoHandshake {
  sid: string
  pingInterval: number
  pingTimeout: number
  upgrades: string[]
  maxPayload?: number
}

/** Reads the JSON of an open packet; undefined unless it has at least a sid and a pingInterval. */
export function parseEngineIoHandshake(data: string): EngineIoHandshake | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(data)
  } catch {
    return undefined
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined
  const fields = parsed as Record<string, unknown>
  if (typeof fields.sid !== 'string' || typeof fields.pingInterval !== 'number') return undefined
  return {
    sid: fields.sid,
    pingInterval: fields.pingInterval,
    pingTimeout: typeof fields.pingTimeout === 'number' ? fields.pingTimeout : 0,
    upgrades: Array.isArray(fields.upgrades) ? fields.upgrades.map(String) : [],
    maxPayload: typeof fields.maxPayload === 'number' ? fields.maxPayload : undefined
  }
}

const SOCKET_IO_TYPES = ['connect', 'disconnect', 'event', 'ack', 'connect_error', 'binary_event', 'binary_ack'] as const
export type SocketIoPacketType = (typeof SOCKET_IO_TYPES)[number]

export interface SocketIoPacket {
  type: SocketIoPacketType
  namespace: string
  ackId?: number
  /** The JSON text exactly as the server sent it ('' when there is none). */
  payloadText: string
  payload?: unknown
}

/**
 * Parses a Socket.IO v5 packet (the data of an Engine.IO message):
 * `<type>[<attachments>-][<namespace>,][<ack id>][<JSON>]`, e.g. `40{"sid":"x"}`, `2/chat,["m",1]`, `31[]`.
 */
export function parseSocketIoPacket(text: string): SocketIoPacket | undefined {
  const type = SOCKET_IO_TYPES[Number(text[0])]
  if (!type || !/^[0-6]/.test(text)) return undefined
  let rest = text.slice(1)
  if (type === 'binary_event' || type === 'binary_ack') {
    const attachments = /^\d+-/.exec(rest)
    if (!attachments) return undefined
    rest = rest.slice(attachments[0].length)
  }
  let namespace = '/'
  if (rest.startsWith('/')) {
    const comma = rest.indexOf(',')
    namespace = comma === -1 ? rest : rest.slice(0, comma)
    rest = comma === -1 ? '' : rest.slice(comma + 1)
  }
  const ackDigits = /^\d+/.exec(rest)?.[0]
  if (ackDigits) rest = rest.slice(ackDigits.length)
  let payload: unknown
  if (rest) {
    try {
      payload = JSON.parse(rest)
    } catch {
      return undefined
    }
  }
  return { type, namespace, ackId: ackDigits ? Number(ackDigits) : undefined, payloadText: rest, payload }
}

export interface SocketIoEmit {
  event: string
  data?: unknown
}

/**
 * Reads the `send` option for Socket.IO: `event` emits `["event"]`; `event:<json>` emits `["event", <json>]`,
 * and text after the colon that is not JSON is sent as a string.
 */
export function parseSocketIoSend(send: string): SocketIoEmit {
  const colon = send.indexOf(':')
  const event = (colon === -1 ? send : send.slice(0, colon)).trim()
  if (!event) throw new Error(`The Socket.IO send value ${JSON.stringify(send)} needs an event name before the colon, e.g. echo:{"text":"hi"}.`)
  if (colon === -1) return { event }
  const raw = send.slice(colon + 1)
  try {
    return { event, data: JSON.parse(raw) }
  } catch {
    return { event, data: raw }
  }
}

/** The Socket.IO EVENT packet for an emit, asking for an acknowledgement with id `ackId`. */
export function encodeSocketIoEmit(emit: SocketIoEmit, ackId = 1): string {
  return `42${ackId}${JSON.stringify(emit.data === undefined ? [emit.event] : [emit.event, emit.data])}`
}

/** The Engine.IO path with a trailing slash: `/socket.io` → `/socket.io/`, '' → the default. Query strings are dropped. */
export function engineIoPath(path: string): string {
  const bare = path.split('?')[0].trim()
  if (!bare || bare === '/') return DEFAULT_SOCKET_IO_PATH
  const rooted = bare.startsWith('/') ? bare : `/${bare}`
  return rooted.endsWith('/') ? rooted : `${rooted}/`
}

/** The URL path and query a v4 client opens for the WebSocket transport; other query parameters are kept. */
export function socketIoRequestPath(path: string): string {
  const query = new URLSearchParams(path.includes('?') ? path.slice(path.indexOf('?') + 1) : '')
  query.set('EIO', '4')
  query.set('transport', 'websocket')
  return `${engineIoPath(path)}?${query.toString()}`
}

/** Socket.IO wording for an upgrade refused with an HTTP status, recognising Engine.IO's version refusal. */
export function describeRejectedSocketIoUpgrade(answer: RejectedUpgrade, path: string): Verdict {
  const generic = describeRejectedUpgrade(answer)
  if (answer.status === 400 && /unsupported (protocol )?version/i.test(answer.body)) {
    return {
      ...generic,
      detail: `Engine.IO version mismatch: the server refused EIO=4 (400 ${excerpt(bodyText(answer.body))})`
    }
  }
  if (answer.status === 404) return { ...generic, detail: `upgrade answered 404 Not Found: no Socket.IO server at ${engineIoPath(path)}` }
  return generic
}

export interface SocketIoConversation {
  path: string
  send?: string
  expect?: string | RegExp
}

type Stage = 'handshake' | 'connect' | 'reply'

const STAGE_WAITING_FOR: Record<Stage, string> = {
  handshake: 'the Engine.IO open packet',
  connect: 'the namespace connect answer (40)',
  reply: 'a reply'
}

function failed(failure: Verdict['failure'], detail: string, extra: Partial<Verdict> = {}): Verdict {
  return { ok: false, failure, detail, ...extra }
}

/** Runs the Socket.IO handshake (and the optional emit) on an open WebSocket. */
export async function talkSocketIo(socket: OpenSocket, conversation: SocketIoConversation, clock: ProbeClock): Promise<Verdict> {
  const talk = new SocketIoTalk(socket, conversation, clock)
  for (;;) {
    const event = await socket.next(clock.deadline)
    if (event.type !== 'message') return talk.ended(event)
    const verdict = talk.onPacket(event.text)
    if (verdict) return verdict
  }
}

/** One Socket.IO conversation: the stage it is at, and what each packet means there. */
class SocketIoTalk {
  private readonly matches: ReturnType<typeof compileExpect>
  private readonly emit: ReturnType<typeof parseSocketIoSend> | undefined
  private stage: Stage = 'handshake'
  private emittedAt = 0
  private lastReply: string | undefined
  /** Events the server emitted before we emitted anything (a welcome message): `expect` without `send` checks these. */
  private readonly unsolicited: string[] = []

  constructor(
    private readonly socket: OpenSocket,
    private readonly conversation: SocketIoConversation,
    private readonly clock: ProbeClock
  ) {
    this.matches = compileExpect(conversation.expect)
    this.emit = conversation.send === undefined ? undefined : parseSocketIoSend(conversation.send)
  }

  ended(event: Exclude<SocketEvent, { type: 'message' }>): Verdict {
    return endedWithoutMessage(event, {
      stage: this.stage,
      path: this.conversation.path,
      budget: this.clock.deadline - this.clock.startedAt,
      what: this.emit ? `to ${JSON.stringify(this.emit.event)}` : 'from the server',
      expect: this.matches ? this.conversation.expect : undefined,
      lastReply: this.lastReply
    })
  }

  /** The verdict a packet settles, or undefined to read on. */
  onPacket(text: string): Verdict | undefined {
    const packet = parseEngineIoPacket(text)
    if (!packet) return failed('protocol', `not an Engine.IO packet: ${excerpt(text)}`)
    if (this.stage === 'handshake') {
      if (packet.type !== 'open') return failed('protocol', `expected the Engine.IO open packet, got ${excerpt(text)}`)
      if (!parseEngineIoHandshake(packet.data)) return failed('protocol', `Engine.IO open packet without sid/pingInterval: ${excerpt(text)}`)
      this.socket.send('40')
      this.stage = 'connect'
      return undefined
    }
    if (packet.type === 'ping') {
      this.socket.send(`3${packet.data}`)
      return undefined
    }
    if (packet.type === 'close')
      return failed('closed', `the server sent an Engine.IO close packet while waiting for ${STAGE_WAITING_FOR[this.stage]}`)
    if (packet.type !== 'message') return undefined
    const message = parseSocketIoPacket(packet.data)
    if (!message) return failed('protocol', `not a Socket.IO packet: ${excerpt(text)}`)
    if (message.namespace !== '/') return undefined
    if (message.type === 'connect_error') return failed('protocol', `connect_error: ${connectErrorMessage(message)}`)
    if (message.type === 'disconnect') {
      return failed('closed', `the server disconnected the namespace (41) while waiting for ${STAGE_WAITING_FOR[this.stage]}`)
    }
    return this.stage === 'connect' ? this.onConnectStage(message) : this.onReply(message)
  }

  private onConnectStage(message: NonNullable<ReturnType<typeof parseSocketIoPacket>>): Verdict | undefined {
    if (message.type === 'event') this.unsolicited.push(message.payloadText)
    if (message.type !== 'connect') return undefined
    // Socket.IO v2 (Engine.IO 3) servers connect "/" on their own and send a bare 40; v3+ answer 40{"sid":…}.
    if (!message.payloadText)
      return failed('protocol', 'Engine.IO version mismatch: the server answered like Socket.IO v2 (EIO=3, bare 40 without sid)')
    return this.connected()
  }

  private connected(): Verdict | undefined {
    const { clock } = this
    if (this.emit) {
      this.socket.send(encodeSocketIoEmit(this.emit))
      this.emittedAt = clock.now()
      this.stage = 'reply'
      return undefined
    }
    if (!this.matches) return { ok: true, detail: `101, Socket.IO connected in ${clock.now() - clock.startedAt} ms` }
    if (this.unsolicited.find(this.matches)) {
      return { ok: true, detail: `101, Socket.IO connected, server event matched ${describeExpect(this.conversation.expect!)}` }
    }
    this.stage = 'reply'
    this.emittedAt = clock.now()
    return undefined
  }

  private onReply(message: NonNullable<ReturnType<typeof parseSocketIoPacket>>): Verdict | undefined {
    if (message.type !== 'event' && message.type !== 'ack') return undefined
    if (!this.emit && message.type === 'ack') return undefined
    const elapsed = this.clock.now() - this.emittedAt
    const subject = this.emit ? JSON.stringify(this.emit.event) : 'server event'
    if (!this.matches) return { ok: true, detail: `101, Socket.IO ${subject} ${message.type === 'ack' ? 'ack' : 'reply'} received in ${elapsed} ms` }
    if (this.matches(message.payloadText)) return { ok: true, detail: `101, Socket.IO ${subject} reply matched in ${elapsed} ms` }
    // An empty ack (the handler returned nothing) says less than the last event, so it does not replace one.
    if (message.type === 'event' || this.lastReply === undefined) this.lastReply = message.payloadText
    return undefined
  }
}

/** The verdict when the socket ends, fails or times out at a stage instead of delivering the next message. */
function endedWithoutMessage(
  event: Exclude<SocketEvent, { type: 'message' }>,
  at: { stage: Stage; path: string; budget: number; what: string; expect?: string | RegExp; lastReply?: string }
): Verdict {
  const waitingFor = STAGE_WAITING_FOR[at.stage]
  switch (event.type) {
    case 'aborted':
      return event.verdict
    case 'error':
      return failed('protocol', `WebSocket error while waiting for ${waitingFor}: ${event.message}`)
    case 'close': {
      const reason = event.reason ? `: ${excerpt(event.reason)}` : ''
      const hint = at.stage === 'handshake' ? `; no Socket.IO server at ${engineIoPath(at.path)}, or it refused EIO=4` : ''
      return failed('closed', `closed before ${waitingFor} (${event.code}${reason})${hint}`, { closeCode: event.code })
    }
    case 'timeout':
      if (at.stage !== 'reply') return failed('timeout', `101, but ${waitingFor} did not arrive within ${at.budget} ms`)
      if (at.expect !== undefined && at.lastReply !== undefined)
        return failed(
          'expect-mismatch',
          `no reply ${at.what} matched ${describeExpect(at.expect)} within ${at.budget} ms; last: ${excerpt(at.lastReply)}`
        )
      return failed('timeout', `Socket.IO connected, but no reply ${at.what} within ${at.budget} ms`)
  }
}

function connectErrorMessage(packet: SocketIoPacket): string {
  const payload = packet.payload
  if (typeof payload === 'string') return payload
  if (typeof payload === 'object' && payload !== null && typeof (payload as { message?: unknown }).message === 'string')
    return (payload as { message: string }).message
  return packet.payloadText || 'no message'
}
