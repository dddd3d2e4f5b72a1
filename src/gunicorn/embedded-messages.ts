// Gunicorn's own messages inside a line of another format: a custom `logconfig_dict` or `access_log_format`-style
// formatter (`2026-01-01 10:00:00,123 CRITICAL gunicorn.error WORKER TIMEOUT (pid:12)`), structlog's console
// renderer, a shipper's line that kept only the message. The message is read from its known start to the line's
// end (a closing quote left by a `message="…"` field is dropped); the level and pid are read from what precedes it.
import type { GunicornLevel, GunicornPrefix } from './log-events.js'

/** The starts of the messages worth reading anywhere in a line: they only ever come from Gunicorn. */
const STARTS = [
  'Booting worker with pid: ',
  'Worker exiting (pid: ',
  'Worker (pid:',
  'Worker with pid ',
  'WORKER TIMEOUT (pid:',
  'Exception in worker process',
  'Starting gunicorn ',
  'Listening at: ',
  'Using worker: ',
  'Shutting down: Master',
  'Reason: Worker failed to boot',
  'Reason: App failed to load',
  'Connection in use: ',
  "Can't connect to ",
  'Invalid address: (',
  'Handling signal: '
]
const EMBEDDED = new RegExp(STARTS.map((start) => start.replace(/[()]/g, '\\$&')).join('|'))
const LEVEL = /\b(DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL|FATAL)\b/i
const PID = /\[(\d+)\]|\bpid[=:]\s?(\d+)|\bprocess[=:]\s?(\d+)/
const CLOSING = /["'}\]]+\s*$/

export interface EmbeddedMessage {
  message: string
  prefix: GunicornPrefix
}

/** The Gunicorn message a line of another format carries, if any (the line is not in Gunicorn's own format). */
export function embeddedGunicornMessage(text: string): EmbeddedMessage | undefined {
  // One alternation of literals: V8 skips through the line by its lookahead table, faster than any pre-filter of
  // substring searches on every shape of noise measured (SQL echo, JSON, access log, prose).
  const found = EMBEDDED.exec(text)
  if (!found) return undefined
  const before = text.slice(0, found.index)
  const quote = /(["'])\s*$/.exec(before)?.[1]
  const message = quote ? quotedMessage(text.slice(found.index), quote) : text.slice(found.index).trimEnd()
  const pid = PID.exec(before)
  const level = LEVEL.exec(before)?.[1].toUpperCase()
  return {
    message,
    prefix: {
      timestamp: '',
      pid: pid ? Number(pid[1] ?? pid[2] ?? pid[3]) : 0,
      level: toLevel(level)
    }
  }
}

/**
 * A double-quoted field's message ends at its closing quote, not at the line's end: a JSON record's field is followed
 * by `",` and the next fields (`"event": "WORKER TIMEOUT (pid:46)", "logger": …`), or a fragment cut after the comma.
 * JSON escapes every quote inside; a single-quoted field (Python's repr) may hold quotes (`('0.0.0.0', 8000)`), so
 * it runs to the line's end.
 */
function quotedMessage(rest: string, quote: string): string {
  const closing = quote === '"' ? /(?<!\\)"/.exec(rest) : null
  return closing ? rest.slice(0, closing.index) : rest.replace(CLOSING, '')
}

function toLevel(level: string | undefined): GunicornLevel {
  if (level === 'WARN') return 'WARNING'
  if (level === 'FATAL') return 'CRITICAL'
  return (level as GunicornLevel | undefined) ?? 'INFO'
}
