// Python's faulthandler dump (PYTHONFAULTHANDLER=1), as a worker prints it when it crashes natively or is
// sent SIGSEGV while stuck: `Fatal Python error: Segmentation fault`, one block per thread
// (`Current thread 0x… [name] (most recent call first):`, `Thread 0x…`), frames as
// `  File "x", line N in func` (no comma before `in`), on 3.14 the C stack (`Binary file "…"`), and
// `Extension modules: a, b (total: N)`. Also the Cython warning of an extension built against another
// version of a package: `greenlet.greenlet size changed, may indicate binary incompatibility`.
import type { LogLine } from '../core/model.js'
import type { GunicornEvent } from './log-events.js'

export interface FaultFrame {
  file: string
  line: number
  func: string
}

export interface FaultThread {
  /** As printed, e.g. `0x00007f53eca53200`. */
  id: string
  /** The thread's name on 3.14 (`[gunicorn]`), without brackets. */
  name?: string
  current: boolean
  /** Most recent call first, as faulthandler prints them (the reverse of a traceback). */
  frames: FaultFrame[]
}

export interface FatalErrorEvent {
  kind: 'fatal-error'
  /** e.g. `Segmentation fault`, `Aborted`. */
  error: string
  threads: FaultThread[]
  extensionModules: string[]
  lines: LogLine[]
}

export interface BinaryIncompatibilityEvent {
  kind: 'binary-incompatibility'
  /** The type whose size changed, e.g. `greenlet.greenlet`. */
  type: string
  /** The file that imported it, when the warning names one (a path in the extension that was built against it). */
  importer?: string
  expected?: number
  got?: number
  lines: LogLine[]
}

export type FaultEvent = FatalErrorEvent | BinaryIncompatibilityEvent

/** Where finished events go (the log parser's event list). */
interface EventSink {
  push(event: FaultEvent): unknown
}

const FATAL = /^Fatal Python error: (.+)$/
const THREAD = /^(Current thread|Thread) (0x[0-9a-f]+)(?: \[(.+)\])? \(most recent call first\):$/
const FRAME = /^\s+File "(.+)", line (\d+) in (.+)$/
const EXTENSIONS = /^Extension modules: (.*?)(?: \(total: \d+\))?$/
/** Lines that belong to a dump without carrying anything the diagnosis reads. */
const FILLER = [
  /^$/,
  /^Current thread's C stack trace \(most recent call first\):$/,
  /^\s+Binary file ".*"/,
  /^\s+<no Python frame>$/,
  /^\s+<.*>$/,
  /^\s+\.\.\.$/,
  /^Python runtime state: .+$/
]
const INCOMPATIBLE =
  /(?:^(.+?):\d+: \w*Warning: |^\w*(?:Error|Warning): )?([\w.]+) size changed, may indicate binary incompatibility(?:\. Expected (\d+) from C header, got (\d+) from PyObject)?/
/**
 * Two workers crashing at once write their dumps into one stream, cut mid-line (`…line 88[2026-…] Booting
 * worker…` then ` in import_module`): such fragments still belong to a dump.
 */
const FRAGMENT = /^\s|File "|Binary file|0x[0-9a-f]+|^<truncated rest of calls>$/
/** A dump that has not ended after this many lines is closed (a runaway thread list). */
const MAX_DUMP_LINES = 2000
/** A fragment this many lines after the last dump ended is no longer taken for a piece of it. */
const FRAGMENT_REACH = 400

/** Reads faulthandler dumps out of a stream of unprefixed lines; the log parser asks it first. */
export class FaultDumpReader {
  private open?: FatalErrorEvent
  /** The dump that ended last: interleaved fragments that arrive after its end still belong to it. */
  private last?: FatalErrorEvent

  /** Consumes the line if it starts, continues or ends a dump; pushes finished events to `out`. */
  consume(line: LogLine, text: string, out: EventSink): boolean {
    const fatal = text.startsWith('Fatal Python error: ') ? FATAL.exec(text) : null
    if (fatal) {
      this.close(out)
      this.open = { kind: 'fatal-error', error: fatal[1].trim(), threads: [], extensionModules: [], lines: [line] }
      return true
    }
    const dump = this.open
    if (dump) {
      if (this.continueDump(dump, line, text)) {
        if (dump.lines.length >= MAX_DUMP_LINES) this.close(out)
        return true
      }
      const extensions = EXTENSIONS.exec(text)
      if (extensions) {
        dump.extensionModules = extensions[1].split(/,\s*/).filter(Boolean)
        dump.lines.push(line)
        this.close(out)
        return true
      }
      this.close(out)
    } else if (this.isLateFragment(line, text)) {
      this.last!.lines.push(line)
      return true
    }
    // The pattern is not anchored: a long line without its words would cost a scan from every position.
    // (`ze changed`: a needle whose first letter is rare finds nothing fastest.)
    const incompatible = text.includes('ze changed, may') ? INCOMPATIBLE.exec(text) : null
    if (incompatible) {
      out.push({
        kind: 'binary-incompatibility',
        type: incompatible[2],
        importer: incompatible[1],
        expected: incompatible[3] ? Number(incompatible[3]) : undefined,
        got: incompatible[4] ? Number(incompatible[4]) : undefined,
        lines: [line]
      })
      return true
    }
    return false
  }

  /** Ends the stream: an open dump is finished as it stands. */
  flush(out: EventSink): void {
    this.close(out)
  }

  private continueDump(dump: FatalErrorEvent, line: LogLine, text: string): boolean {
    const thread = THREAD.exec(text)
    if (thread) {
      dump.threads.push({ id: thread[2], name: thread[3], current: thread[1] === 'Current thread', frames: [] })
    } else {
      const frame = FRAME.exec(text)
      const current = dump.threads[dump.threads.length - 1]
      if (frame && current) current.frames.push({ file: frame[1], line: Number(frame[2]), func: frame[3] })
      else if (!FILLER.some((pattern) => pattern.test(text)) && !FRAGMENT.test(text)) return false
    }
    dump.lines.push(line)
    return true
  }

  private isLateFragment(line: LogLine, text: string): boolean {
    const last = this.last?.lines[this.last.lines.length - 1]
    return last !== undefined && line.seq - last.seq <= FRAGMENT_REACH && text !== '' && (FRAME.test(text) || FRAGMENT.test(text))
  }

  private close(out: EventSink): void {
    if (this.open) out.push(this.open)
    this.last = this.open ?? this.last
    this.open = undefined
  }
}

/** The thread a crash or a stack request is about: the current one, else the first printed. */
export function crashedThread(event: FatalErrorEvent): FaultThread | undefined {
  return event.threads.find((thread) => thread.current) ?? event.threads[0]
}

/**
 * The shell's report of a process killed by SIGSEGV (`…: line 5:  7 Segmentation fault (core dumped) gunicorn …`; on
 * macOS with the signal's number, `Segmentation fault: 11`).
 */
const SHELL_SEGFAULT = /^(?!Fatal Python error)(?:.*\s)?Segmentation fault(?::\s*11)?(?:\s+\(core dumped\))?(?:\s.*)?$/
/** The kernel's (dmesg): `[ 6379.465022] gunicorn[28100]: segfault at b0 ip … error 4 in ld-2.24.so[7f06…]`. */
const KERNEL_SEGFAULT = /^\[\s*\d+\.\d+\] ([^\s[]+)\[\d+\]: segfault at \S+ ip \S+ sp \S+ error \d+(?: in ([^\s[]+))?/

export function segfaultReport(line: LogLine, text: string): GunicornEvent | undefined {
  const kernel = text.charCodeAt(0) === 91 /* [ */ && text.includes(' segfault at ') ? KERNEL_SEGFAULT.exec(text) : null
  if (kernel) return { kind: 'segfault-report', reporter: 'kernel', process: kernel[1], library: kernel[2], lines: [line] }
  return text.includes('Segmentation fault') && SHELL_SEGFAULT.test(text) ? { kind: 'segfault-report', reporter: 'shell', lines: [line] } : undefined
}
