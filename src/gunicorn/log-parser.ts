// Typed events from Gunicorn's output (19.x – 26.x), as captured in __fixtures__/logs and posted in public threads
// (__fixtures__/corpus). Each line is read without the prefixes a log shipper or a paste added (line-reading.ts);
// events keep the line as it arrived. Unknown lines are kept as `raw`, never dropped: a run of them is one event
// (many lines), and a streaming reader that keeps no events only counts them (the log buffer keeps the lines).
// Every pattern that could scan a whole line is guarded by a cheap substring test: a worker that prints 40 MB of
// its own output must be read as fast as Docker delivers it, or the verdict is taken before its traceback arrives.

import type { LogLine } from '../core/model.js'
import {
  APP_LOAD_ERRORS,
  CONFIG_ERRORS,
  MESSAGE_STARTS,
  PREFIX,
  PREFIXED,
  type GunicornEvent,
  type GunicornLevel,
  type GunicornPrefix,
  type TracebackFrame,
  startKey
} from './log-events.js'
import { readableSegments } from './line-reading.js'
import { FaultDumpReader, segfaultReport } from './faulthandler.js'
import { embeddedGunicornMessage } from './embedded-messages.js'
import { BARE_EXCEPTION, EXCEPTION_LINE, looksLikeExceptionName } from './exception-lines.js'

export type * from './log-events.js'

const TRACEBACK_HEADER = /^\s*\[?Traceback \(most recent call last\):\s*$/
/** Indented as Python prints it, or flush left when a paste lost the indentation. */
const FRAME = /^\s*File "(.+)", line (\d+)(?:, in ?(.*?))?\s*$/
const CARETS = /^\s*[~^]+[\s~^]*$/
const CHAIN_MARKER =
  /^\s*(During handling of the above exception, another exception occurred:|The above exception was the direct cause of the following exception:)\s*$/
const HALT_SERVER = /^<HaltServer '(.*)' (\d+)>$/
/** An open traceback that has seen this many lines without finishing is given up (its lines become raw). */
const MAX_TRACEBACK_LINES = 400
/** One raw event holds at most this many lines of a run of unrecognised ones; a longer run goes on in a new event. */
const MAX_RAW_RUN_LINES = 10_000

interface OpenTraceback {
  lines: LogLine[]
  frames: TracebackFrame[]
  pid?: number
  chained: boolean
  headless?: true
  /** The header's own indentation: a paste that indented the whole log (a Markdown code block) shifts every line by it. */
  indent: number
  firstFrameIndent?: number // a headless traceback's first `File` line's, until its code line says if Python's two blanks are in it
}

type TracebackEvent = Extract<GunicornEvent, { kind: 'traceback' }>
type RawEvent = Extract<GunicornEvent, { kind: 'raw' }>

export interface ParserOptions {
  /**
   * Keep every event in `events` (default true). The boot tracker turns this off to stay cheap on huge logs:
   * then lines nothing recognises become no event at all, only `unrecognisedLines` counts them.
   */
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
  /** An exception line that ended with `: ` (Django's messages start with a newline): the next line is its message. */
  private awaitingMessage?: TracebackEvent
  /** The raw event the last segment went to (a run of unrecognised lines grows it), and the one before this segment. */
  private rawRun?: RawEvent
  private continuing?: RawEvent
  /** The texts of the current run (its event's `text` joins them when asked: most runs are never read). */
  private runTexts: string[] = []
  private unrecognised = 0

  constructor(options: ParserOptions = {}) {
    this.keepEvents = options.keepEvents ?? true
  }

  get events(): readonly GunicornEvent[] {
    return this.kept
  }

  /** Segments no pattern recognised (without a Gunicorn prefix, outside any traceback or dump), kept or not. */
  get unrecognisedLines(): number {
    return this.unrecognised
  }

  push(line: LogLine): GunicornEvent[] {
    const out: GunicornEvent[] = []
    for (const text of readableSegments(line.text)) this.read(line, text, out)
    if (this.keepEvents) for (const event of out) this.kept.push(event)
    return out
  }

  /** Ends the stream: a traceback the log ends inside becomes a cut-traceback, other open lines raw. */
  flush(): GunicornEvent[] {
    const out: GunicornEvent[] = []
    this.faults.flush(out)
    for (const traceback of this.open) {
      if (traceback.frames.length > 0) out.push({ kind: 'cut-traceback', frames: traceback.frames, pid: traceback.pid, lines: traceback.lines })
      else this.rawLines(traceback.lines, out)
    }
    this.open = []
    this.pendingExceptionPids = []
    this.awaitingMessage = undefined
    this.rawRun = undefined
    if (this.keepEvents) for (const event of out) this.kept.push(event)
    return out
  }

  private read(line: LogLine, text: string, out: GunicornEvent[]): void {
    // A segment that is not itself raw ends the run of raw ones.
    this.continuing = this.rawRun
    this.rawRun = undefined
    const first = text.charCodeAt(0)
    const prefixed = first === 91 /* [ */ || (first >= 48 && first <= 57) /* 0-9 */ ? PREFIX.exec(text) : null
    if (prefixed) {
      this.awaitingMessage = undefined
      const prefix: GunicornPrefix = { timestamp: prefixed[1] ?? prefixed[2], pid: Number(prefixed[3]), level: prefixed[4] as GunicornLevel }
      const event = this.prefixedEvent(line, prefixed[5], prefix)
      if (event) out.push(event)
    } else {
      this.unprefixed(line, text, out)
    }
    this.continuing = undefined
  }

  /** Undefined for a prefixed line no pattern knows when no events are kept (it is only counted). */
  private prefixedEvent(line: LogLine, message: string, prefix: GunicornPrefix): GunicornEvent | undefined {
    for (const [pattern, build] of PREFIXED) {
      const m = pattern.exec(message)
      if (!m) continue
      const event = { ...build(m, prefix), lines: [line], prefix } as GunicornEvent
      if (event.kind === 'worker-exception') this.pendingExceptionPids.push(event.pid)
      return event
    }
    this.unrecognised++
    return this.keepEvents ? { kind: 'raw', text: message, lines: [line], prefix } : undefined
  }

  private unprefixed(line: LogLine, text: string, out: GunicornEvent[]): void {
    if (this.faults.consume(line, text, out)) return
    // The first character decides which patterns can match at all (each is anchored at the line's start).
    // What `^\s*` would skip: most lines start with their first character, and the search stops there.
    const lead = text.charCodeAt(text.search(/\S/))
    if ((lead === 84 /* T */ || lead === 91) /* [ */ && TRACEBACK_HEADER.test(text)) {
      this.awaitingMessage = undefined
      const indent = text.search(/\S/)
      this.open.push({ lines: [line], frames: [], pid: this.pendingExceptionPids.shift(), chained: this.nextIsChained, indent })
      this.nextIsChained = false
      return
    }
    if (this.awaitingMessage && this.continuesMessage(line, text)) return
    if (this.open.length > 0 && this.consumeTracebackLine(line, text, out)) return
    if (lead === 70 /* F */ && FRAME.test(text)) {
      // The log starts inside a traceback (cut, or a paste of its end): read it all the same. Python indents a frame by
      // two: more than that is the paste's own indentation (unless the frame's code line says the frame lost its two).
      const [at, pid] = [text.search(/\S/), this.pendingExceptionPids.shift()]
      this.open.push({ lines: [], frames: [], pid, chained: this.nextIsChained, headless: true, indent: Math.max(0, at - 2), firstFrameIndent: at })
      this.nextIsChained = false
      this.consumeTracebackLine(line, text, out)
      return
    }
    if ((lead === 68 /* D */ || lead === 84) /* T */ && CHAIN_MARKER.test(text)) {
      this.nextIsChained = true
      this.noise(line, text, out)
      return
    }
    // Outside a traceback, leading blanks are the paste's (an indented code block), not Python's.
    if (text.charCodeAt(0) === 32 || text.charCodeAt(0) === 9) {
      this.messageLine(line, text.trimStart(), out)
      return
    }
    this.messageLine(line, text, out)
  }

  /** A line that may be Gunicorn's own message, an exception line on its own, or anything else. */
  private messageLine(line: LogLine, text: string, out: GunicornEvent[]): void {
    if (MESSAGE_STARTS.has(startKey(text))) {
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
    }
    // The exception's name holds no blank: the line's first blank follows its `: `.
    const blank = text.indexOf(' ')
    const bare = blank > 1 && text.charCodeAt(blank - 1) === 58 /* : */ ? BARE_EXCEPTION.exec(text) : null
    if (bare) {
      const event: TracebackEvent = {
        kind: 'traceback',
        frames: [],
        exception: { type: bare[1], message: bare[2], line: text },
        chained: this.nextIsChained,
        headless: true,
        lines: [line]
      }
      this.nextIsChained = false
      out.push(event)
      return
    }
    this.otherLine(line, text, out)
  }

  /** A line outside Gunicorn's format and outside any traceback: Gunicorn's message in another format, a segfault, noise. */
  private otherLine(line: LogLine, text: string, out: GunicornEvent[]): void {
    // A custom formatter, structlog, a JSON logger's message: Gunicorn's event all the same.
    const embedded = embeddedGunicornMessage(text)
    if (embedded) {
      const event = this.prefixedEvent(line, embedded.message, embedded.prefix)
      if (event) out.push(event)
      return
    }
    const segfault = segfaultReport(line, text)
    if (segfault) out.push(segfault)
    else this.noise(line, text, out)
  }

  /** A segment nothing recognises: counted, and added to the current run of raw lines when events are kept. */
  private noise(line: LogLine, text: string, out: GunicornEvent[]): void {
    this.unrecognised++
    if (!this.keepEvents) return
    const run = this.continuing
    if (run && run.lines.length < MAX_RAW_RUN_LINES) {
      this.runTexts.push(text)
      if (run.lines[run.lines.length - 1] !== line) run.lines.push(line)
      this.rawRun = run
      return
    }
    const texts = [text]
    const event = { kind: 'raw', lines: [line] } as unknown as RawEvent
    // An own, enumerable property like any other (equality, spreading and JSON see it), built only when read.
    Object.defineProperty(event, 'text', { enumerable: true, get: () => (texts.length === 1 ? texts[0] : texts.join('\n')) })
    this.rawRun = event
    this.runTexts = texts
    out.push(event)
  }

  /** Lines of a traceback that was given up or never got a frame: one raw event (or only counted). */
  private rawLines(lines: LogLine[], out: GunicornEvent[]): void {
    this.unrecognised += lines.length
    if (this.keepEvents && lines.length > 0) out.push({ kind: 'raw', text: lines.map((line) => line.text).join('\n'), lines })
  }

  private continuesMessage(line: LogLine, text: string): boolean {
    const event = this.awaitingMessage!
    if (text.trim() === '') return false
    this.awaitingMessage = undefined
    if (FRAME.test(text) || CHAIN_MARKER.test(text)) return false
    event.exception.message = text.trim()
    event.lines.push(line)
    return true
  }

  /** Returns false when the line does not belong to any open traceback. */
  private consumeTracebackLine(line: LogLine, indentedText: string, out: GunicornEvent[]): boolean {
    const frame = FRAME.exec(indentedText)
    const shift = this.open[this.open.length - 1].indent
    const text = shift > 0 && indentedText.search(/\S/) >= shift ? indentedText.slice(shift) : indentedText
    if (frame) {
      // Identical tracebacks interleaved line by line: give the frame to the one that has the fewest so far.
      const target = this.open.reduce((best, tb) => (tb.frames.length < best.frames.length ? tb : best))
      // `, in ` with nothing after it: a paste that took `<module>` for an HTML tag.
      target.frames.push({ file: frame[1], line: Number(frame[2]), func: frame[3] || undefined })
      target.lines.push(line)
      return this.checkLength(target, out)
    }
    const indented = text.length > 0 && (text.charCodeAt(0) === 32 || text.charCodeAt(0) === 9)
    if (indented) {
      const waitingForCode = this.open.find((tb) => tb.frames.length > 0 && tb.frames[tb.frames.length - 1].code === undefined)
      const target = waitingForCode ?? this.open[this.open.length - 1]
      // Python indents code four past its `File` line's two: four past the first `File` line, that line lost its two.
      if (indentedText.search(/\S/) - (target.firstFrameIndent ?? NaN) === 4) target.indent = target.firstFrameIndent!
      target.firstFrameIndent = undefined
      if (waitingForCode && !CARETS.test(text)) waitingForCode.frames[waitingForCode.frames.length - 1].code = text.trim()
      target.lines.push(line)
      return this.checkLength(target, out)
    }
    const exception = EXCEPTION_LINE.exec(text)
    if (exception && looksLikeExceptionName(exception[1])) {
      this.closeTraceback(line, text, exception[1], exception[2] ?? '', out)
      return true
    }
    // A log that lost every line's indentation (a journal, a host's stream): the line right after a frame is its code.
    const framed = this.open.find(
      (tb) => tb.frames.length > 0 && tb.frames[tb.frames.length - 1].code === undefined && tb.lines[tb.lines.length - 1]?.seq === line.seq - 1
    )
    if (!framed || text.charCodeAt(0) === 91 /* [ */ || CARETS.test(text) || TRACEBACK_HEADER.test(text)) return false
    framed.frames[framed.frames.length - 1].code = text.trim()
    framed.lines.push(line)
    return this.checkLength(framed, out)
  }

  private closeTraceback(line: LogLine, text: string, name: string, message: string, out: GunicornEvent[]): void {
    const index = this.open.findIndex((tb) => tb.frames.length > 0)
    const [traceback] = this.open.splice(index === -1 ? 0 : index, 1)
    traceback.lines.push(line)
    const event: TracebackEvent = {
      kind: 'traceback',
      frames: traceback.frames,
      exception: { type: name, message, line: text },
      pid: traceback.pid,
      chained: traceback.chained,
      lines: traceback.lines
    }
    if (traceback.headless) event.headless = true
    out.push(event)
    if (/:\s*$/.test(text) && message.trim() === '') this.awaitingMessage = event
    const halt = name.endsWith('HaltServer') ? HALT_SERVER.exec(message) : null
    if (halt) out.push({ kind: 'halt-server', reason: halt[1], code: Number(halt[2]), lines: [line] })
  }

  private checkLength(traceback: OpenTraceback, out: GunicornEvent[]): true {
    if (traceback.lines.length >= MAX_TRACEBACK_LINES) {
      this.open.splice(this.open.indexOf(traceback), 1)
      this.rawLines(traceback.lines, out)
    }
    return true
  }
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
