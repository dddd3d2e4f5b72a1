// Imports and dependencies: what Python could not import or compile while Gunicorn loaded the app. The shared
// detection helpers of the missing-dependency, import-error and syntax-error reasons; their rules and words are in
// src/diagnosis/reasons/.
import type { RuleContext, Traceback } from '../context.js'
import { code, exceptionIs } from './rule.js'
import type { EventOf, TracebackFrame } from '../../gunicorn/log-parser.js'

const NO_MODULE_NAMED = /^No module named '?([\w.]+)'?/

/** The traceback of a module Python could not find (`No module named 'x'`), with that module's name. */
export function moduleNotFound(rc: RuleContext): { tb: Traceback; moduleName: string } | undefined {
  const tb = rc.primaryTraceback((t) => NO_MODULE_NAMED.test(t.exception.message) && exceptionIs(t, 'ModuleNotFoundError', 'ImportError'))
  return tb ? { tb, moduleName: NO_MODULE_NAMED.exec(tb.exception.message)![1] } : undefined
}

/** Gunicorn's import_app raised it: the module is the one Gunicorn was told to load (`module:app`). */
export function raisedByImportApp(tb: Traceback): boolean {
  return tb.frames.some((f) => /gunicorn\/util\.py$/.test(f.file) && f.func === 'import_app')
}

const LOADS_APP = (f: TracebackFrame) => /gunicorn\/(util|app\/wsgiapp)\.py$/.test(f.file) && /^(import_app|load_wsgiapp)$/.test(f.func ?? '')

/** Gunicorn's loading of the app (the worker's, or the master's with preload) is on the traceback. */
export const raisedWhileGunicornLoads = (tb: Traceback): boolean => tb.frames.some(LOADS_APP)

/** Raised while Gunicorn imported the app, or by module-level code: the app's start-up, not a request. */
export const raisedWhileLoading = (tb: Traceback): boolean => tb.frames.some((f) => f.func === '<module>' || LOADS_APP(f))

/** `entrypoint.sh: line 2: $'\r': command not found`: a shell script saved with CRLF line endings. */
export function crlfScript(rc: RuleContext): { script: string; line: string } | undefined {
  for (const line of rc.ctx.lines) {
    // The pattern backtracks over every word of a line: a substring look first (most lines of a big log lack it).
    if (!line.text.includes("\\r'")) continue
    const m = /([\w./-]+\.sh): line \d+: .*\$'[^']*\\r'/.exec(line.text)
    if (m) return { script: m[1].split('/').pop()!, line: line.text }
  }
  return undefined
}

/** Frames that import one known optional module: where a log cut inside the import still names it. */
export interface ImportSite {
  file: RegExp
  func: string
  module: string
  /** What the module is for, in words. */
  what: string
  /** The alternative to installing it, in words. */
  instead: string
}

const IMPORT_SITES: ImportSite[] = [
  {
    file: /\/uvicorn\/config\.py$/,
    func: 'setup_event_loop',
    module: 'uvloop',
    what: "the uvicorn worker's event loop (its Gunicorn worker asks for uvloop)",
    instead: 'or run the worker with the asyncio loop (a `UvicornWorker` subclass with `CONFIG_KWARGS = {"loop": "asyncio"}`)'
  }
]

/** A traceback the log ends inside, in the middle of importing a module that a known frame names. */
export function importCutShort(rc: RuleContext): { site: ImportSite; frame: TracebackFrame } | undefined {
  for (const cut of rc.ofKind('cut-traceback')) {
    const inImport = cut.frames.slice(-1)[0]?.file.startsWith('<frozen importlib')
    const site = inImport ? IMPORT_SITES.find((s) => cut.frames.some((f) => s.file.test(f.file) && f.func === s.func)) : undefined
    if (site) return { site, frame: cut.frames.find((f) => site.file.test(f.file) && f.func === site.func)! }
  }
  return undefined
}

/** `cannot import name 'x' from 'm' (/app/m.py)`: the name, the module and the file Python read it from, if shown. */
export function cannotImportName(message: string): { name: string; fromModule?: string; fromFile?: string } {
  // A circular import: `from partially initialized module 'app' (most likely due to a circular import) (/app/app/__init__.py)`.
  const m =
    /cannot import name '([^']+)' from (?:partially initialized module )?'([^']+)'(?: \((?:most likely due to a circular import\) \()?([^)]+)\))?/.exec(
      message
    )
  if (m) return { name: m[1], fromModule: m[2], fromFile: m[3] }
  // Older Pythons name only the name, sometimes unquoted.
  return { name: /cannot import name '?([\w.]+)'?/.exec(message)?.[1] ?? '?' }
}

/** NameError and AttributeError raised by module-level code (or inside Gunicorn's import_app) while importing. */
export function raisedAtImport(rc: RuleContext): Traceback | undefined {
  return rc.primaryTraceback(
    (t) => exceptionIs(t, 'NameError', 'AttributeError') && t.frames.some((f) => f.func === '<module>' || /gunicorn\/util\.py$/.test(f.file))
  )
}

/** Where to add a package: the requirements file of the build context, else in words. */
export function requirementsIn(requirements: string | undefined): string {
  return requirements ? code(requirements) : 'the requirements installed by the Dockerfile'
}

/** What a NameError or AttributeError says was missing, and Python's own suggestion (3.10+ prints it; 3.11 logs do not). */
export interface MissingName {
  usage: 'attribute' | 'name'
  name: string
  /** `module 'redis'` or `'Flask' object`, for an attribute. */
  owner?: string
  /** The module, when the owner is one. */
  module?: string
  /** `Did you mean: 'StrictRedis'?` */
  suggestion?: string
}

const DID_YOU_MEAN = /\. Did you mean: '([^']+)'\?$/

/** Reads `module 'm' has no attribute 'x'`, `'T' object has no attribute 'x'` and `name 'x' is not defined`. */
export function missingName(message: string): MissingName | undefined {
  const suggestion = DID_YOU_MEAN.exec(message)?.[1]
  const attribute = /^(module '([^']+)'|.+?) has no attribute '([^']+)'/.exec(message)
  if (attribute) return { usage: 'attribute', name: attribute[3], owner: attribute[1], module: attribute[2], suggestion }
  const name = /^name '([^']+)' is not defined/.exec(message)
  return name ? { usage: 'name', name: name[1], suggestion } : undefined
}

const DEFINITIONS = [/^\s*(?:async\s+)?(?:def|class)\s+([A-Za-z_]\w*)/, /^([A-Za-z_]\w*)\s*(?::[^=]+)?=(?!=)/, /^\s*import\s+([A-Za-z_]\w*)/]

/** The names a module defines at its top level (assignments, functions, classes, imports): what a NameError missed. */
export function definedNames(source: string): Set<string> {
  const names = new Set<string>()
  for (const line of source.split('\n')) {
    for (const pattern of DEFINITIONS) {
      const name = pattern.exec(line)?.[1]
      if (name) names.add(name)
    }
    const imported = /^\s*from\s+\S+\s+import\s+\(?([^)#]+)/.exec(line)?.[1]
    for (const part of imported?.split(',') ?? []) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()
      if (name && /^[A-Za-z_]\w*$/.test(name)) names.add(name)
    }
  }
  return names
}

/** Gunicorn's frames that load the app in a worker: a traceback through them was raised by the app's import. */
const LOADING_FRAME = /^(load_wsgi|load_wsgiapp|import_app|load)$/

/**
 * A worker said `Exception in worker process` and the log ends inside its traceback, past Gunicorn's loading of the
 * app but before the exception line: the import raised, and only the frames say where it had got to.
 */
export function importCutInWorker(rc: RuleContext): EventOf<'cut-traceback'> | undefined {
  if (rc.primaryTraceback()) return undefined
  const failed = new Set(rc.ofKind('worker-exception').map((e) => e.pid))
  return rc
    .ofKind('cut-traceback')
    .find(
      (cut) => cut.pid !== undefined && failed.has(cut.pid) && cut.frames.some((f) => /gunicorn\//.test(f.file) && LOADING_FRAME.test(f.func ?? ''))
    )
}
