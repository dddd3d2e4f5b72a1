// Workers that die in native code: a segfault (faulthandler's `Fatal Python error`, or Gunicorn's "was sent
// SIGSEGV" alone when faulthandler is off), and the binary-incompatibility warning of an extension built
// against another version of a package it links to (the gevent/greenlet mismatch).
import { crashedThread, type BinaryIncompatibilityEvent, type FatalErrorEvent, type FaultFrame } from '../../gunicorn/faulthandler.js'
import type { EventOf } from '../../gunicorn/log-parser.js'
import type { Diagnosis, SourceLocation } from '../../model.js'
import type { RuleContext } from '../context.js'
import { segfaultReported } from './crash-reports.js'
import { faultUserFrame } from './locate.js'
import { code, fileLine, present, type DiagnosisRule } from './rule.js'

const NATIVE_SIGNALS = /SIGSEGV|SIGBUS|SIGILL|SIGFPE|signal (11|7|4|8)\b/
const PACKAGE_PATH = /(?:site|dist)-packages\/([A-Za-z_][\w]*)/
const MAX_EXTENSIONS_NAMED = 8

export const nativeCrash: DiagnosisRule = {
  reason: 'native-crash',
  explain(rc) {
    const incompatible = rc.ofKind('binary-incompatibility')[0]
    if (incompatible) return binaryIncompatibility(rc, incompatible)
    const requested = rc.ctx.stackRequest
    // A dump the run asked for (a stuck worker) is the hang rule's, not a crash.
    const dumps = rc.ofKind('fatal-error').filter((dump) => !requested || dump.lines[0].seq <= requested.afterSeq)
    const deaths = rc.ofKind('worker-signal').filter((e) => NATIVE_SIGNALS.test(e.signal) && e.pid !== requested?.pid)
    if (dumps.length === 0 && deaths.length === 0) return segfaultReported(rc)
    return dumps.length > 0 ? fromDump(rc, dumps, deaths.length) : fromSignalsOnly(rc, deaths)
  }
}

function fromDump(rc: RuleContext, dumps: FatalErrorEvent[], deaths: number): Diagnosis {
  const dump = dumps.find((d) => crashedThread(d)?.frames.length) ?? dumps[0]
  const frames = crashedThread(dump)?.frames ?? []
  const user = faultUserFrame(rc, frames)
  const module = importedModule(rc, frames)
  const extensions = dump.extensionModules
  const named = extensions.slice(0, MAX_EXTENSIONS_NAMED).map(code).join(', ')
  const more = extensions.length > MAX_EXTENSIONS_NAMED ? ` and ${extensions.length - MAX_EXTENSIONS_NAMED} more` : ''
  const count = Math.max(dumps.length, deaths)
  const innermost = frames[0]
  return {
    reason: 'native-crash',
    summary:
      `A worker crashed in native code (${code(`Fatal Python error: ${dump.error}`)})` +
      (module ? ` while importing ${code(module)}` : '') +
      (user ? ` at ${code(fileLine(user.location))}${user.code ? ` (${code(user.code)})` : ''}` : '') +
      (count > 1 ? `, ${count} times: Gunicorn keeps replacing it` : '') +
      '.' +
      (extensions.length ? ` Extension modules loaded: ${named}${more}.` : ''),
    evidence: present(
      dump.lines[0].text,
      innermost && frameLine(innermost),
      user && user.frame !== innermost ? frameLine(user.frame) : undefined,
      dump.lines.find((l) => l.text.startsWith('Extension modules:'))?.text,
      rc.ofKind('worker-signal')[0]?.lines[0].text
    ),
    location: user?.location,
    remedy:
      `A C extension crashes when ${module ? code(module) : 'the app'} is imported: usually one built for another Python or against another version of a library it links to. ` +
      'Reinstall the extensions in the image from scratch for its Python (`pip install --no-cache-dir --force-reinstall`, no cached or copied wheels), with matching versions of packages that are built against each other.'
  }
}

function fromSignalsOnly(rc: RuleContext, deaths: EventOf<'worker-signal'>[]): Diagnosis {
  const first = deaths[0]
  return {
    reason: 'native-crash',
    summary: `Workers die of a signal in native code (${deaths.length} × ${code(first.lines[0].text.replace(/^\[[^\]]+\] \[\d+\] \[\w+\] /, ''))}) and Gunicorn keeps replacing them; faulthandler was off, so no Python stack was printed.`,
    evidence: present(first.lines[0].text, rc.ofKind('worker-boot').slice(-1)[0]?.lines[0].text),
    remedy:
      "Run once with the `faulthandler` input left on (the default) to see the crashing module; then reinstall its C extension for the image's Python without cached wheels."
  }
}

function binaryIncompatibility(rc: RuleContext, event: BinaryIncompatibilityEvent): Diagnosis {
  const linked = event.type.split('.')[0]
  const builder = builtAgainst(rc, event, linked)
  const both = builder ? `${code(builder)} and ${code(linked)}` : code(linked)
  const tb = rc.primaryTraceback((t) => t.lines[0].seq > event.lines[0].seq)
  return {
    reason: 'native-crash',
    summary: `${builder ? code(builder) : 'A compiled extension'} was built against another version of ${code(linked)}: Python warned ${code(`${event.type} size changed, may indicate binary incompatibility`)}${event.expected !== undefined ? ` (expected ${event.expected} bytes, got ${event.got})` : ''}.`,
    evidence: present(event.lines[0].text, tb?.exception.line, rc.gunicornOutcomeLine()),
    location: requirementLine(rc, builder ?? linked),
    remedy: `Reinstall ${both} together with versions that match (pin both in the requirements), e.g. \`pip install --no-cache-dir --force-reinstall ${builder ?? '<extension>'} ${linked}\`: no cached or prebuilt wheel built against another ${code(linked)}, and no second copy of ${code(linked)} earlier on the path.`
  }
}

/** The package whose compiled module imported the type: the warning's file, else the traceback that followed. */
function builtAgainst(rc: RuleContext, event: BinaryIncompatibilityEvent, linked: string): string | undefined {
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
function importedModule(rc: RuleContext, frames: readonly FaultFrame[]): string | undefined {
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
function requirementLine(rc: RuleContext, name: string): SourceLocation | undefined {
  const file = rc.requirementsFile()
  const found = file ? rc.repo.findLine(file, new RegExp(`^\\s*${name}\\b`, 'i')) : undefined
  return file && found ? { file, line: found.line } : undefined
}

function frameLine(frame: FaultFrame): string {
  return `  File "${frame.file}", line ${frame.line} in ${frame.func}`
}
