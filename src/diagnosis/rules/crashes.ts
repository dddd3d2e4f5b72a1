// Workers that die in native code: a segfault (faulthandler's `Fatal Python error`, or Gunicorn's "was sent
// SIGSEGV" alone when faulthandler is off), and the binary-incompatibility warning of an extension built against
// another version of a package it links to (the gevent/greenlet mismatch). The native-crash reason words what
// these find; crash-reports.ts reads the segfaults reported outside Python.
import { crashedThread, type BinaryIncompatibilityEvent, type FatalErrorEvent, type FaultFrame } from '../../gunicorn/faulthandler.js'
import type { EventOf } from '../../gunicorn/log-parser.js'
import type { SourceLocation } from '../../core/model.js'
import type { RuleContext } from '../context.js'
import { stripLinePrefixes } from '../../gunicorn/line-prefix.js'
import { abortedTracebacks } from './resources.js'

// Some Gunicorn releases print the shell's form of a signal death, 128 + the signal: `was sent code 132!` is SIGILL.
const NATIVE_SIGNALS = /SIGSEGV|SIGBUS|SIGILL|SIGFPE|signal (11|7|4|8)\b|code 13[2569]\b/
const SHELL_FORM_SIGNALS: Record<string, string> = { '132': 'SIGILL', '135': 'SIGBUS', '136': 'SIGFPE', '139': 'SIGSEGV' }

/** `code 132` → `SIGILL`: the native signal a shell-form exit code stands for. */
export function shellFormSignal(text: string): string | undefined {
  const exitCode = /code (13\d)\b/.exec(text)?.[1]
  return exitCode ? SHELL_FORM_SIGNALS[exitCode] : undefined
}
const PACKAGE_PATH = /(?:site|dist)-packages\/([A-Za-z_][\w]*)/

/** A SIGILL, however it is written: mostly a wheel built for CPU instructions the processor lacks. */
export const isIllegalInstruction = (line: string): boolean => /SIGILL|signal 4\b|code 132\b/.test(line)

// What glibc, the C++ runtime or the stack protector print before they abort the process (SIGABRT): memory corrupted
// by native code. Gunicorn's own SIGABRT (a timed-out worker) prints none of these.
const NATIVE_ABORT =
  /^(?:free\(\): invalid (?:pointer|size|next size.*)|double free or corruption.*|malloc\(\): .+|munmap_chunk\(\): invalid pointer|corrupted (?:size vs\. prev_size|double-linked list).*|\*\*\* stack smashing detected \*\*\*.*|terminate called after throwing an instance of .+|Fatal glibc error: .+)$/

/** Workers that aborted in native code: glibc's (or the C++ runtime's) last words, then Gunicorn's SIGABRT line for a worker that did not time out. */
export function nativeAborts(rc: RuleContext): { message: string; messageLine: string; deaths: EventOf<'worker-signal'>[] } | undefined {
  const timedOut = new Set(rc.ofKind('worker-timeout').map((e) => e.pid))
  const deaths = rc.ofKind('worker-signal').filter((e) => /SIGABRT|signal 6\b/.test(e.signal) && !timedOut.has(e.pid))
  if (deaths.length === 0 || abortedTracebacks(rc).length > 0) return undefined
  const before = deaths[deaths.length - 1].lines[0].seq
  for (const line of rc.ctx.lines) {
    if (line.seq > before) break
    const text = stripLinePrefixes(line.text).trim()
    if (NATIVE_ABORT.test(text)) return { message: text, messageLine: line.text, deaths }
  }
  return undefined
}

/** Crash dumps and native-signal deaths, leaving out the stack the run asked a stuck worker for (the hang's). */
export function nativeCrashes(rc: RuleContext): { dumps: FatalErrorEvent[]; deaths: (EventOf<'worker-signal'> | EventOf<'worker-exit'>)[] } {
  const requested = rc.ctx.stackRequest
  // A worker whose exit code is the shell's form of a native signal (`exited with code 139`) died of it all the same.
  const exits = rc.ofKind('worker-exit').filter((e) => SHELL_FORM_SIGNALS[String(e.code)] !== undefined && e.pid !== requested?.pid)
  const signals = rc.ofKind('worker-signal').filter((e) => NATIVE_SIGNALS.test(e.signal) && e.pid !== requested?.pid)
  return {
    dumps: rc.ofKind('fatal-error').filter((dump) => !requested || dump.lines[0].seq <= requested.afterSeq),
    deaths: [...signals, ...exits].sort((a, b) => a.lines[0].seq - b.lines[0].seq)
  }
}

/**
 * The dump to explain, the most complete (most frames; the first of equals): workers crashing at once write their reports into the
 * same stream, and a report that lost lines to another's would name a frame further out than the crash.
 */
export function dumpWithFrames(dumps: readonly FatalErrorEvent[]): { dump: FatalErrorEvent; frames: FaultFrame[] } {
  let dump = dumps[0]
  let frames = crashedThread(dump)?.frames ?? []
  for (const candidate of dumps.slice(1)) {
    const candidateFrames = crashedThread(candidate)?.frames ?? []
    if (candidateFrames.length > frames.length) [dump, frames] = [candidate, candidateFrames]
  }
  return { dump, frames }
}

/** The package whose compiled module imported the type: the warning's file, else the traceback that followed. */
export function builtAgainst(rc: RuleContext, event: BinaryIncompatibilityEvent, linked: string): string | undefined {
  const fromWarning = event.importer ? PACKAGE_PATH.exec(event.importer)?.[1] : undefined
  if (fromWarning && fromWarning !== linked) return fromWarning
  for (const tb of rc.tracebacks.filter((t) => t.lines[0].seq > event.lines[0].seq)) {
    // Cython module init frames: `File "src/gevent/_hub_local.py", line 1, in init gevent._gevent_c_hub_local`.
    const init = tb.frames
      .find((f) => f.func?.startsWith('init '))
      ?.func?.slice(5)
      .split('.')[0]
    if (init && init !== linked) return init
    const library = tb.frames.map((f) => PACKAGE_PATH.exec(f.file)?.[1]).find((name) => name !== undefined && name !== linked && name !== 'gunicorn')
    if (library) return library
  }
  return undefined
}

/** The module whose import was running when the worker crashed: the innermost `<module>` frame. */
export function importedModule(rc: RuleContext, frames: readonly FaultFrame[]): string | undefined {
  const frame = frames.find((f) => f.func === '<module>' && !f.file.startsWith('<'))
  if (!frame) return undefined
  const library = /(?:site|dist)-packages\/(.+)\.py$/.exec(frame.file)?.[1]
  const relative =
    library ??
    rc
      .mapContainerPath(frame.file)
      ?.slice(rc.contextRel ? rc.contextRel.length + 1 : 0)
      .replace(/\.py$/, '')
  return relative?.replace(/\/__init__$/, '').replace(/\//g, '.')
}

/** The requirements line that names the package, when there is one. */
export function requirementLine(rc: RuleContext, name: string): SourceLocation | undefined {
  const file = rc.requirementsFile()
  const found = file ? rc.repo.findLine(file, new RegExp(`^\\s*${name}\\b`, 'i')) : undefined
  return file && found ? { file, line: found.line } : undefined
}

export function frameLine(frame: FaultFrame): string {
  return `  File "${frame.file}", line ${frame.line} in ${frame.func}`
}
