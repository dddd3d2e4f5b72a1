// Typed events from Gunicorn's output (20.1 – 26.x), as captured in __fixtures__/logs.
// Gunicorn's own lines carry a `[time] [pid] [LEVEL]` prefix; tracebacks, print() output and a few fatal
// messages (`Error: …`, `Failed to find attribute …`) do not. Unknown lines are kept as `raw`, never dropped.

import type { LogLine } from '../model.js'
import { FaultDumpReader, type FaultEvent } from './faulthandler.js'

export type GunicornLevel = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR' | 'CRITICAL'

export interface GunicornPrefix {
  /** As printed, e.g. `2026-11-27 03:48:21 +0000`. */
  timestamp: string
  /** The process that logged the line (master or worker). */
  pid: number
  level: GunicornLevel
}

export interface TracebackFrame {
  file: string
  line: number
  /** Absent in the SyntaxError frame, which has no `, in func`. */
  func?: string
  code?: string
}

export interface TracebackException {
  /** e.g. `ModuleNotFoundError`, `psycopg2.OperationalError`. */
  type: string
  message: string
  /** The exception line as printed. */
  line: string
}

interface EventBase {
  /** The log lines the event was read from, in arrival order. */
  lines: LogLine[]
  /** Present when the line carried Gunicorn's prefix. */
  prefix?: GunicornPrefix
}

export type GunicornEvent = EventBase &
  (
    | { kind: 'master-start'; version: string }
    | { kind: 'listening'; addresses: string[]; masterPid?: number }
    | { kind: 'worker-class'; workerClass: string }
    | { kind: 'worker-boot'; pid: number }
    | { kind: 'worker-exception'; pid: number }
    | { kind: 'worker-exiting'; pid: number }
    | { kind: 'worker-exit'; pid: number; code: number }
    | { kind: 'worker-signal'; pid: number; signal: string; perhapsOom: boolean }
    | { kind: 'worker-timeout'; pid: number }
    /** `Reason: X` carries the reason; `Shutting down: Master` carries only `what`. */
    | { kind: 'shutdown'; reason?: string; what?: string }
    | { kind: 'halt-server'; reason: string; code: number }
    | { kind: 'connection-in-use'; address: string; error?: string }
    | { kind: 'cant-connect'; address: string }
    | { kind: 'handling-signal'; signal: string }
    /** `Unhandled signal: cld` is the 24.0.0 hang after a failed boot. */
    | { kind: 'unhandled-signal'; signal: string }
    | { kind: 'main-loop-exception' }
    | {
        kind: 'traceback'
        frames: TracebackFrame[]
        exception: TracebackException
        /** The worker whose `Exception in worker process` introduced it, if any. */
        pid?: number
        /** Printed after "During handling of the above exception" / "The above exception was the direct cause". */
        chained: boolean
      }
    /** Unprefixed `Error: …`, `Failed to read config file`, `Invalid value for`, argparse `gunicorn: error:`. */
    | { kind: 'config-error'; message: string }
    /** Gunicorn's AppImportError messages printed raw (exit 4), e.g. `Failed to find attribute 'app' in 'app'.` */
    | { kind: 'app-load-error'; message: string }
    | { kind: 'raw'; text: string }
    /** faulthandler dumps and binary-incompatibility warnings (./faulthandler.ts). */
    | FaultEvent
  )

export type GunicornEventKind = GunicornEvent['kind']
export type EventOf<K extends GunicornEventKind> = Extract<GunicornEvent, { kind: K }>

const PREFIX = /^\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4})\] \[(\d+)\] \[(DEBUG|INFO|WARNING|ERROR|CRITICAL)\] (.*)$/

type MessageMatcher = [RegExp, (m: RegExpMatchArray, prefix: GunicornPrefix) => DistributiveOmit<GunicornEvent, 'lines' | 'prefix'>]
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

const SIGNAL_NAMES: Record<number, string> = { 1: 'SIGHUP', 2: 'SIGINT', 6: 'SIGABRT', 9: 'SIGKILL', 11: 'SIGSEGV', 15: 'SIGTERM' }

/** Gunicorn's prefixed messages, most frequent first. */
const PREFIXED: MessageMatcher[] = [
  [/^Booting worker with pid: (\d+)$/, (m) => ({ kind: 'worker-boot', pid: Number(m[1]) })],
  [/^Worker exiting \(pid: (\d+)\)$/, (m) => ({ kind: 'worker-exiting', pid: Number(m[1]) })],
  [/^Worker \(pid:(\d+)\) exited with code:? (\d+)\.?$/, (m) => ({ kind: 'worker-exit', pid: Number(m[1]), code: Number(m[2]) })],
  [
    /^Worker \(pid:(\d+)\) was sent (.+?)!( Perhaps out of memory\?)?$/,
    (m) => ({ kind: 'worker-signal', pid: Number(m[1]), signal: m[2], perhapsOom: Boolean(m[3]) })
  ],
  [
    /^Worker with pid (\d+) was terminated due to signal (\d+)$/,
    (m) => ({
      kind: 'worker-signal',
      pid: Number(m[1]),
      signal: SIGNAL_NAMES[Number(m[2])] ?? `signal ${m[2]}`,
      perhapsOom: false
    })
  ],
  [/^WORKER TIMEOUT \(pid:(\d+)\)$/, (m) => ({ kind: 'worker-timeout', pid: Number(m[1]) })],
  [/^Exception in worker process$/, (_m, prefix) => ({ kind: 'worker-exception', pid: prefix.pid })],
  [/^Starting gunicorn (\S+)$/, (m) => ({ kind: 'master-start', version: m[1] })],
  [/^Listening at: (.+?)(?: \((\d+)\))?$/, (m) => ({ kind: 'listening', addresses: m[1].split(/,\s*/), masterPid: m[2] ? Number(m[2]) : undefined })],
  [/^Using worker: (.+)$/, (m) => ({ kind: 'worker-class', workerClass: m[1].trim() })],
  [/^Shutting down: (.+)$/, (m) => ({ kind: 'shutdown', what: m[1] })],
  [/^Reason: (.+)$/, (m) => ({ kind: 'shutdown', reason: m[1] })],
  [/^Connection in use: (.+)$/, (m) => ({ kind: 'connection-in-use', address: m[1] })],
  [/^connection to (.+?) failed: (.+)$/, (m) => ({ kind: 'connection-in-use', address: m[1], error: m[2] })],
  [/^Can't connect to (.+)$/, (m) => ({ kind: 'cant-connect', address: m[1] })],
  [/^Handling signal: (\S+)$/, (m) => ({ kind: 'handling-signal', signal: m[1] })],
  [/^Unhandled signal: (\S+)$/, (m) => ({ kind: 'unhandled-signal', signal: m[1] })],
  [/^Unhandled exception in main loop$/, () => ({ kind: 'main-loop-exception' })]
]

const CONFIG_ERRORS: RegExp[] = [/^Error: (.+)$/, /^(Failed to read config file: .+)$/, /^(Invalid value for .+)$/, /^gunicorn: error: (.+)$/]

const APP_LOAD_ERRORS = [
  /^Failed to find attribute '.*' in '.*'\.$/,
  /^Failed to find application object '.*' in '.*'$/,
  /^Application object must be callable\.$/,
  /^Failed to parse '.*' as an attribute name or function call\.$/,
  /^Function reference must be a simple name: .*$/,
  /^Function call arguments must be literals\.?$/,
  /^Error while loading the application:?$/
]

const TRACEBACK_HEADER = /^\[?Traceback \(most recent call last\):$/
const FRAME = /^\s+File "(.+)", line (\d+)(?:, in (.+))?$/
const CARETS = /^\s*[~^]+[\s~^]*$/
const CHAIN_MARKER =
  /^(During handling of the above exception, another exception occurred:|The above exception was the direct cause of the following exception:)$/
const EXCEPTION_LINE = /^([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)(?:: ?(.*))?$/
const EXCEPTION_NAME = /(Error|Exception|Exit|Interrupt|Iteration|Warning|Timeout|Fault|Failure|HaltServer)$/
const HALT_SERVER = /^<HaltServer '(.*)' (\d+)>$/
/** An open traceback that has seen this many lines without finishing is given up (its lines become raw). */
const MAX_TRACEBACK_LINES = 400

interface OpenTraceback {
  lines: LogLine[]
  frames: TracebackFrame[]
  pid?: number
  chained: boolean
}

export interface ParserOptions {
  /** Keep every event in `events` (default true). The boot tracker turns this off to stay cheap on huge logs. */
  keepEvents?: boolean
}

export class GunicornLogParser {
  private readonly kept: GunicornEvent[] = []
  private readonly keepEvents: boolean
  /** Open tracebacks, oldest first: several workers may write theirs at the same time. */
  private open: OpenTraceback[] = []
  /** Workers that logged `Exception in worker process` whose traceback has not started yet. */
  private pendingExceptionPids: number[] = []
  private nextIsChained = false
  private readonly faults = new FaultDumpReader()

  constructor(options: ParserOptions = {}) {
    this.keepEvents = options.keepEvents ?? true
  }

  get events(): readonly GunicornEvent[] {
    return this.kept
  }

  push(line: LogLine): GunicornEvent[] {
    const out: GunicornEvent[] = []
    const text = line.text.endsWith('\r') ? line.text.slice(0, -1) : line.text
    const prefixed = text.charCodeAt(0) === 91 /* [ */ ? PREFIX.exec(text) : null
    if (prefixed) {
      const prefix: GunicornPrefix = { timestamp: prefixed[1], pid: Number(prefixed[2]), level: prefixed[3] as GunicornLevel }
      out.push(this.prefixedEvent(line, prefixed[4], prefix))
    } else {
      this.unprefixed(line, text, out)
    }
    if (this.keepEvents) for (const event of out) this.kept.push(event)
    return out
  }

  /** Ends the stream: unfinished tracebacks become raw lines. */
  flush(): GunicornEvent[] {
    const out: GunicornEvent[] = []
    this.faults.flush(out)
    for (const traceback of this.open) for (const line of traceback.lines) out.push({ kind: 'raw', text: line.text, lines: [line] })
    this.open = []
    this.pendingExceptionPids = []
    if (this.keepEvents) for (const event of out) this.kept.push(event)
    return out
  }

  private prefixedEvent(line: LogLine, message: string, prefix: GunicornPrefix): GunicornEvent {
    for (const [pattern, build] of PREFIXED) {
      const m = pattern.exec(message)
      if (!m) continue
      const event = { ...build(m, prefix), lines: [line], prefix } as GunicornEvent
      if (event.kind === 'worker-exception') this.pendingExceptionPids.push(event.pid)
      return event
    }
    return { kind: 'raw', text: message, lines: [line], prefix }
  }

  private unprefixed(line: LogLine, text: string, out: GunicornEvent[]): void {
    if (this.faults.consume(line, text, out)) return
    if (TRACEBACK_HEADER.test(text)) {
      this.open.push({ lines: [line], frames: [], pid: this.pendingExceptionPids.shift(), chained: this.nextIsChained })
      this.nextIsChained = false
      return
    }
    if (this.open.length > 0 && this.consumeTracebackLine(line, text, out)) return
    if (CHAIN_MARKER.test(text)) {
      this.nextIsChained = true
      out.push({ kind: 'raw', text, lines: [line] })
      return
    }
    for (const pattern of CONFIG_ERRORS) {
      const m = pattern.exec(text)
      if (m) {
        out.push({ kind: 'config-error', message: m[1].trim(), lines: [line] })
        return
      }
    }
    if (APP_LOAD_ERRORS.some((pattern) => pattern.test(text))) {
      out.push({ kind: 'app-load-error', message: text, lines: [line] })
      return
    }
    out.push({ kind: 'raw', text, lines: [line] })
  }

  /** Returns false when the line does not belong to any open traceback. */
  private consumeTracebackLine(line: LogLine, text: string, out: GunicornEvent[]): boolean {
    const frame = FRAME.exec(text)
    if (frame) {
      // Identical tracebacks interleaved line by line: give the frame to the one that has the fewest so far.
      const target = this.open.reduce((best, tb) => (tb.frames.length < best.frames.length ? tb : best))
      target.frames.push({ file: frame[1], line: Number(frame[2]), func: frame[3] })
      target.lines.push(line)
      return this.checkLength(target, out)
    }
    const indented = text.length > 0 && (text.charCodeAt(0) === 32 || text.charCodeAt(0) === 9)
    if (indented) {
      const waitingForCode = this.open.find((tb) => tb.frames.length > 0 && tb.frames[tb.frames.length - 1].code === undefined)
      const target = waitingForCode ?? this.open[this.open.length - 1]
      if (waitingForCode && !CARETS.test(text)) waitingForCode.frames[waitingForCode.frames.length - 1].code = text.trim()
      target.lines.push(line)
      return this.checkLength(target, out)
    }
    const exception = EXCEPTION_LINE.exec(text)
    if (exception && looksLikeExceptionName(exception[1])) {
      const name = exception[1]
      const lastSegment = name.slice(name.lastIndexOf('.') + 1)
      const index = this.open.findIndex((tb) => tb.frames.length > 0)
      const [traceback] = this.open.splice(index === -1 ? 0 : index, 1)
      traceback.lines.push(line)
      const message = exception[2] ?? ''
      out.push({
        kind: 'traceback',
        frames: traceback.frames,
        exception: { type: name, message, line: text },
        pid: traceback.pid,
        chained: traceback.chained,
        lines: traceback.lines
      })
      const halt = lastSegment === 'HaltServer' ? HALT_SERVER.exec(message) : null
      if (halt) out.push({ kind: 'halt-server', reason: halt[1], code: Number(halt[2]), lines: [line] })
      return true
    }
    return false
  }

  private checkLength(traceback: OpenTraceback, out: GunicornEvent[]): true {
    if (traceback.lines.length >= MAX_TRACEBACK_LINES) {
      this.open.splice(this.open.indexOf(traceback), 1)
      for (const line of traceback.lines) out.push({ kind: 'raw', text: line.text, lines: [line] })
    }
    return true
  }
}

/** `KeyError`, `psycopg2.OperationalError`, `django.core.exceptions.ImproperlyConfigured`; not `Loaded: 3 models`. */
function looksLikeExceptionName(name: string): boolean {
  // The socket module's exceptions are lower-case (`socket.gaierror: [Errno -2] Name or service not known`).
  if (/^socket\.(gaierror|herror|timeout)$/.test(name)) return true
  const lastSegment = name.slice(name.lastIndexOf('.') + 1)
  if (EXCEPTION_NAME.test(lastSegment)) return true
  return name.includes('.') && /^[A-Z]/.test(lastSegment)
}

export function parseGunicornLog(lines: readonly LogLine[]): GunicornEvent[] {
  const parser = new GunicornLogParser()
  for (const line of lines) parser.push(line)
  parser.flush()
  return [...parser.events]
}

/** Turns raw text (e.g. a captured log file) into LogLines; every line is tagged with the given stream. */
export function toLogLines(text: string, stream: LogLine['stream'] = 'stderr', startAt = 0): LogLine[] {
  const parts = text.split('\n')
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop()
  return parts.map((part, index) => ({ seq: index, stream, text: part, at: startAt + index }))
}
