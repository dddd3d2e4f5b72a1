// The events read from Gunicorn's output and the tables of its messages (20.1 – 26.x, and the 19.x shapes of
// the public corpus). Gunicorn's own lines carry a `[time] [pid] [LEVEL]` prefix; tracebacks, print() output and a
// few fatal messages (`Error: …`, `Failed to find attribute …`) do not.

import type { LogLine } from '../core/model.js'
import type { FaultEvent } from './faulthandler.js'

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
    /** `Invalid address: ('backend', 8001)`: a bind host that does not resolve (retried like a busy port). */
    | { kind: 'invalid-address'; address: string }
    /** `Worker reloading: /app/app.py modified` (--reload) */
    | { kind: 'worker-reloading'; file: string }
    /** A SyntaxError logged as its str() (`invalid syntax (app.py, line 4)`), e.g. by 19.x–20.x's reloader. */
    | { kind: 'syntax-error-message'; message: string; file: string; line: number }
    | {
        kind: 'traceback'
        frames: TracebackFrame[]
        exception: TracebackException
        /** The worker whose `Exception in worker process` introduced it, if any. */
        pid?: number
        /** Printed after "During handling of the above exception" / "The above exception was the direct cause". */
        chained: boolean
        /** The log starts inside it (no `Traceback (most recent call last):` line), or it is a bare exception line. */
        headless?: true
      }
    /** A traceback the log ends inside: frames, no exception line (a paste cut short). */
    | { kind: 'cut-traceback'; frames: TracebackFrame[]; pid?: number }
    /** Unprefixed `Error: …`, `Failed to read config file`, `Invalid value for`, argparse `gunicorn: error:`. */
    | { kind: 'config-error'; message: string }
    /** Gunicorn's AppImportError messages printed raw (exit 4), e.g. `Failed to find attribute 'app' in 'app'.` */
    | { kind: 'app-load-error'; message: string }
    | { kind: 'raw'; text: string }
    /** A segfault reported outside Python: the shell's `Segmentation fault (core dumped)`, the kernel's `segfault at`. */
    | { kind: 'segfault-report'; reporter: 'shell' | 'kernel'; process?: string; library?: string }
    /** faulthandler dumps and binary-incompatibility warnings (./faulthandler.ts). */
    | FaultEvent
  )

export type GunicornEventKind = GunicornEvent['kind']
export type EventOf<K extends GunicornEventKind> = Extract<GunicornEvent, { kind: K }>

/** `[2026-11-27 03:48:21 +0000] [1] [INFO] …`; before 19.0 the time had no brackets and no zone. */
export const PREFIX =
  /^(?:\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4})\]|(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)) \[(\d+)\] \[(DEBUG|INFO|WARNING|ERROR|CRITICAL)\] (.*)$/

export type MessageMatcher = [RegExp, (m: RegExpMatchArray, prefix: GunicornPrefix) => DistributiveOmit<GunicornEvent, 'lines' | 'prefix'>]
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

const SIGNAL_NAMES: Record<number, string> = { 1: 'SIGHUP', 2: 'SIGINT', 6: 'SIGABRT', 9: 'SIGKILL', 11: 'SIGSEGV', 15: 'SIGTERM' }

/** Gunicorn's prefixed messages, most frequent first. */
export const PREFIXED: MessageMatcher[] = [
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
  // Also with another program's line run into it (two streams written to one file without a newline between).
  [/^WORKER TIMEOUT \(pid:(\d+)\)(?:$| )/, (m) => ({ kind: 'worker-timeout', pid: Number(m[1]) })],
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
  [/^Unhandled exception in main loop$/, () => ({ kind: 'main-loop-exception' })],
  [/^Invalid address: (.+)$/, (m) => ({ kind: 'invalid-address', address: m[1] })],
  [/^Worker reloading: (.+?) modified$/, (m) => ({ kind: 'worker-reloading', file: m[1] })],
  [/^(.+) \(([^(),]+\.py), line (\d+)\)$/, (m) => ({ kind: 'syntax-error-message', message: m[1], file: m[2], line: Number(m[3]) })]
]

export const CONFIG_ERRORS: RegExp[] = [/^Error: (.+)$/, /^(Failed to read config file: .+)$/, /^(Invalid value for .+)$/, /^gunicorn: error: (.+)$/]

export const APP_LOAD_ERRORS = [
  // 19.x: the spec could not be evaluated in the module
  /^Failed to find application: .+$/,
  /^Failed to find attribute '.*' in '.*'\.$/,
  /^Failed to find application object '.*' in '.*'$/,
  // 20.0.x: the object the spec evaluated to was None (a factory that returned nothing)
  /^Failed to find application object: .+$/,
  /^Application object must be callable\.$/,
  /^Failed to parse '.*' as an attribute name or function call\.$/,
  /^Function reference must be a simple name: .*$/,
  /^Function call arguments must be literals\.?$/,
  /^Error while loading the application:?$/
]

/** The first two characters of the unprefixed config and app-load messages (`Er`ror:, `Fa`iled to, `gu`nicorn: …). */
export const MESSAGE_STARTS = new Set(
  [...CONFIG_ERRORS, ...APP_LOAD_ERRORS].map((pattern) => {
    const literal = /^\^\(?([A-Za-z]{2})/.exec(pattern.source)
    if (!literal) throw new Error(`message pattern without a literal start: ${pattern.source}`)
    return startKey(literal[1])
  })
)

export function startKey(text: string): number {
  return text.charCodeAt(0) * 65536 + text.charCodeAt(1)
}
