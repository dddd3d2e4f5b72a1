// Exception lines inside other text, read when the parser found no traceback: the exception family is evidence
// whatever frames the line (a prefix no table knows, a logger's field, a traceback that lost its line breaks).
import type { LogLine } from '../core/model.js'
import type { EventOf, TracebackFrame } from '../gunicorn/log-parser.js'

type Traceback = EventOf<'traceback'>

/**
 * `SomeError: message` inside a line whatever comes before it (a platform's or shipper's prefix the parser does not
 * know, a key=value logger's `exception="…"` field): the exception family is evidence even when no traceback was
 * read. The type ends in Error or Exception (or is Django's ImproperlyConfigured), so prose does not match.
 */
const EMBEDDED_EXCEPTION = /(^|[\s"'=|>[\]()*])((?:[a-z_]\w*\.)*(?:[A-Z]\w*(?:Error|Exception)|ImproperlyConfigured))(?:\*\*)?: (\S.*?)\s*$/
/** Read at most this many (the last ones): a log that repeats an exception says it as well with a few. */
const MAX_EMBEDDED = 20

export function embeddedExceptions(lines: readonly LogLine[]): Traceback[] {
  const found: Traceback[] = []
  for (let i = lines.length - 1; i >= 0 && found.length < MAX_EMBEDDED; i--) {
    const text = lines[i].text
    // `**` after the name: a paste that set the exception in Markdown bold (`**FileNotFoundError**: …`).
    if (!text.includes('Error: ') && !text.includes('Exception: ') && !text.includes('Configured: ') && !text.includes('**: ')) continue
    const m = EMBEDDED_EXCEPTION.exec(text)
    if (!m) continue
    const [, opening, type] = m
    // Inside a quoted field (`exception="…"`): the field's closing quote goes, its escaped quotes are plain again.
    const quoted = opening === '"' || opening === "'"
    const message = quoted ? m[3].replace(new RegExp(`${opening}$`), '').replace(/\\(["'])/g, '$1') : m[3]
    const line = `${type}: ${message}`
    const frames = collapsedFrame(text.slice(0, m.index))
    found.unshift({ kind: 'traceback', frames, exception: { type, message, line }, chained: false, headless: true, lines: [lines[i]] })
  }
  return found
}

/** A traceback that lost its line breaks: its last frame and that frame's code run on before the exception. */
const COLLAPSED_FRAME = /File "([^"]+)", line (\d+)(?:, in (\S+))?\s*(.*?)\s*$/

function collapsedFrame(before: string): TracebackFrame[] {
  const m = before.includes('File "') ? COLLAPSED_FRAME.exec(before) : null
  return m ? [{ file: m[1], line: Number(m[2]), func: m[3], code: m[4] || undefined }] : []
}
