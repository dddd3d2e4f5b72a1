// The worker class: Gunicorn could not load it (a package missing, too old, or a class this Gunicorn no longer has)
// or it broke while Gunicorn set it up. The detection helpers of the worker-class-unavailable reason; its rules and
// words are in src/diagnosis/reasons/worker-class-unavailable.ts.
import type { SourceLocation } from '../../core/model.js'
import type { EventOf } from '../../gunicorn/log-parser.js'
import { LIBRARY_PATH, type RuleContext, type Traceback } from '../context.js'
import { WORKER_CLASS_PACKAGES } from '../packages.js'
import { requirementsIn } from './imports.js'
import { code } from '../words.js'
import { commandLine, configSetting, firstLocation, procfileLine, startScriptLine } from './locate.js'

const WORKER_CLASS_MODULES = Object.keys(WORKER_CLASS_PACKAGES)
export const NO_MODULE = /^No module named '([^']+)'/
export const ENTRY_POINT = /Entry point \('gunicorn\.workers', '([^']+)'\) not found/
export const REQUIRES = /^(\w+) worker requires (\w+) ([\d.]+) or higher/
const NEED_INSTALLED = /You need (\w+) installed|You need to install the '(\w+)' package/
/** Worker classes Gunicorn itself removed, and since when. */
export const REMOVED_WORKERS: Record<string, string> = { eventlet: '26.0' }
/** Worker classes only newer Gunicorn releases have, and the alternative for older ones. */
export const ADDED_WORKERS: Record<string, { since: string; instead: string; pipName: string }> = {
  asgi: { since: '25', instead: 'uvicorn_worker.UvicornWorker', pipName: 'uvicorn-worker' }
}
/** Frames inside a worker class's own package, below Gunicorn's worker module. */
const WORKER_PACKAGE_FRAME = /\/(eventlet|gevent|greenlet|tornado|uvicorn|uvicorn_worker)\//

const WORKER_CLASS_OPTION = /(?:^|[\s"'])(?:-k|--worker-class)(?:[\s="']|$)/

/** Where the worker class is chosen: gunicorn.conf.py, the Dockerfile's command, the script it runs, the Procfile. */
export function workerClassLocation(rc: RuleContext): SourceLocation | undefined {
  const command = commandLine(rc)
  return firstLocation(
    configSetting(rc, 'worker_class'),
    command && WORKER_CLASS_OPTION.test(command.text) && command,
    startScriptLine(rc, WORKER_CLASS_OPTION),
    procfileLine(rc, WORKER_CLASS_OPTION)
  )
}

/** Gunicorn's `class uri '…' invalid or not found` config error. */
export function classError(rc: RuleContext): EventOf<'config-error'> | undefined {
  return rc.ofKind('config-error').find((e) => /^class uri /.test(e.message))
}

/** An installed-version line in the log: `gevent==23.9.1`, `Successfully installed gevent-1.3.6`, `gevent 1.3.6`. */
export function installedVersion(rc: RuleContext, pkg: string): { version: string; line: string } | undefined {
  const pattern = new RegExp(`(?:^|[\\s-])${pkg}(?:==|-| )(\\d+(?:\\.\\d+)+)\\b`)
  for (const line of rc.ctx.lines) {
    if (/requires .* or higher/.test(line.text)) continue
    const m = pattern.exec(line.text)
    if (m) return { version: m[1], line: line.text.trim() }
  }
  return undefined
}

/** What the log shows of a worker class that could not be loaded: the error, the missing module and its package. */
export interface ClassLoadFailure {
  error?: EventOf<'config-error'>
  /** `No module named 'gevent'` while loading the worker class. */
  missing?: Traceback
  /** `You need eventlet installed`. */
  needInstalled?: Traceback
  workerClass?: string
  module?: string
  /** The module imported and has no such class (`<module 'meinheld.gmeinheld'> has no 'MeinheldWorker' attribute`). */
  classMissing?: { module?: string; name: string; line: string }
  /** Whether the log shows the missing module; else it only shows that the class did not load. */
  known: boolean
}

// Python 3's and 2's words (and pkg_resources') for a module without the attribute asked for.
const NO_ATTRIBUTE =
  /^<module '([\w.]+)'.*> has no '(\w+)' attribute|^module '([\w.]+)' has no attribute '(\w+)'|^'module' object has no attribute '(\w+)'/

/** The worker class's module imported, and the class is not in it: the most specific of the tracebacks' messages. */
function classNotInModule(rc: RuleContext): ClassLoadFailure['classMissing'] {
  const found = rc.tracebacks
    .filter((tb) => tb.frames.some((f) => /load_class|load_entry_point|^load$/.test(f.func ?? '')))
    .map((tb) => ({ m: NO_ATTRIBUTE.exec(tb.exception.message), line: tb.exception.line }))
    .filter((hit): hit is { m: RegExpExecArray; line: string } => hit.m !== null)
  const named = found.find((hit) => hit.m[1] ?? hit.m[3]) ?? found[0]
  return named && { module: named.m[1] ?? named.m[3], name: named.m[2] ?? named.m[4] ?? named.m[5], line: named.line }
}

export function classLoadFailure(rc: RuleContext): ClassLoadFailure | undefined {
  const error = classError(rc)
  const missing =
    rc.tracebacks.find((tb) => {
      const module = NO_MODULE.exec(tb.exception.message)?.[1]?.split('.')[0]
      return (
        module !== undefined &&
        WORKER_CLASS_MODULES.includes(module) &&
        (error !== undefined || tb.frames.some((f) => /gunicorn\/workers\//.test(f.file)) || isWorkerClassModule(rc, module))
      )
    }) ?? rc.tracebacks.find((tb) => ANY_NO_MODULE.test(tb.exception.message) && inLoadClass(tb))
  const needInstalled = rc.tracebacks.find((tb) => NEED_INSTALLED.test(rc.exceptionText(tb)))
  if (!error && !missing && !needInstalled) return undefined
  // The class the error names, else the one the boot announced.
  const workerClass = /^class uri '([^']+)'/.exec(error?.message ?? '')?.[1] ?? classUriLine(rc) ?? rc.ctx.state.workerClass
  const module = missingModule(rc, missing, needInstalled, workerClass)
  const classModuleMissing =
    module !== undefined && !WORKER_CLASS_PACKAGES[module] && rc.tracebacks.some((tb) => NO_MODULE.exec(tb.exception.message)?.[1] === module)
  const classMissing = error && !missing ? classNotInModule(rc) : undefined
  return {
    error,
    missing,
    needInstalled,
    workerClass,
    module: classMissing?.module ?? module,
    classMissing,
    known: missing !== undefined || needInstalled !== undefined || classModuleMissing
  }
}

/**
 * The module the class needs, from the most to the least direct evidence: the one Python could not find, the one
 * the worker asks for, the one the class name contains, else (a class from another package,
 * `quart.worker.GunicornUVLoopWorker`) the missing module the class lives in.
 */
function missingModule(rc: RuleContext, missing?: Traceback, needInstalled?: Traceback, workerClass?: string): string | undefined {
  const notFound = ANY_NO_MODULE.exec(missing?.exception.message ?? '')?.[1]
  if (notFound !== undefined) return WORKER_CLASS_MODULES.includes(notFound.split('.')[0]) ? notFound.split('.')[0] : notFound
  const asked = NEED_INSTALLED.exec(needInstalled ? rc.exceptionText(needInstalled) : '')
    ?.slice(1)
    .find(Boolean)
  if (asked !== undefined) return asked
  const named = workerClass ? WORKER_CLASS_MODULES.find((m) => workerClass.toLowerCase().includes(m)) : undefined
  if (named !== undefined) return named
  return rc.tracebacks.map((tb) => NO_MODULE.exec(tb.exception.message)?.[1]).find((m) => m !== undefined && workerClass?.startsWith(`${m}.`))
}

/** Python 2 printed the name unquoted: `No module named socketio.sgunicorn`. */
const ANY_NO_MODULE = /^No module named '?([\w.]+)'?/

/** Raised while Gunicorn's load_class imported the worker class's module (a class of another package). */
const inLoadClass = (tb: Traceback): boolean => tb.frames.some((f) => /gunicorn\/util\.py$/.test(f.file) && f.func === 'load_class')

/** The class of a `class uri '…' invalid or not found` line printed without Gunicorn's `Error: ` prefix. */
function classUriLine(rc: RuleContext): string | undefined {
  for (const line of rc.ctx.lines) {
    const m = /class uri '([^']+)' invalid or not found/.exec(line.text)
    if (m) return m[1]
  }
  return undefined
}

function isWorkerClassModule(rc: RuleContext, module: string): boolean {
  return (rc.ctx.state.workerClass?.toLowerCase() ?? '').includes(module)
}

type Frame = Traceback['frames'][number]
export interface BrokenInSetup {
  pkg: string
  /** The worker class's own package, when the package that broke is another one it calls. */
  workerPkg?: string
  frame: Frame
  exception?: Traceback['exception']
}

/** The first frame inside the worker's own package below Gunicorn's worker module, in a traceback or one cut short. */
export function brokenInSetup(rc: RuleContext): BrokenInSetup | undefined {
  const candidates = [...rc.tracebacks, ...rc.ofKind('cut-traceback')]
  for (const tb of candidates) {
    const workerFrame = tb.frames.findIndex((f) => /gunicorn\/workers\/\w+\.py$/.test(f.file))
    if (workerFrame === -1) continue
    const inside = tb.frames.slice(workerFrame + 1).find((f) => WORKER_PACKAGE_FRAME.test(f.file))
    if (inside) return { pkg: WORKER_PACKAGE_FRAME.exec(inside.file)![1], frame: inside, exception: exceptionOf(rc, tb) }
  }
  for (const tb of candidates) {
    const broken = brokenInOutsideWorker(tb.frames)
    if (broken) return { ...broken, exception: exceptionOf(rc, tb) }
  }
  return undefined
}

/**
 * A worker class that lives outside Gunicorn is, by convention, a package's `workers.py` (`uvicorn/workers.py`,
 * `uvicorn_worker/_workers.py`, `aiohttp/worker.py`).
 */
const OUTSIDE_WORKER_MODULE = /(?:site|dist)-packages\/(?!gunicorn\/)\w+\/_?workers?\.py$/
/** The app being loaded (Gunicorn's load_wsgi, import_app): an exception under it is the app's, not the worker's. */
const APP_LOADING = new Set(['load_wsgi', 'wsgi', 'load', 'load_wsgiapp', 'import_app', 'load_asgiapp'])
const PACKAGE_OF = /(?:site|dist)-packages\/(\w+)\//
// Installed packages and the standard library, but not the interpreter's frozen import frames: a traceback that went
// through an import is a dependency's to name (missing-dependency), not the worker class's.
const LIBRARY_FRAME = (file: string) => LIBRARY_PATH.test(file) && !file.startsWith('<')

/**
 * An exception raised in or below a third-party worker class's module, in a traceback of library code only and not
 * while it loads the app: the worker's package (or one it calls, e.g. uvicorn under uvicorn_worker) broke while Gunicorn set it up.
 */
function brokenInOutsideWorker(frames: readonly Frame[]): Omit<BrokenInSetup, 'exception'> | undefined {
  const anchor = frames.findIndex((f) => OUTSIDE_WORKER_MODULE.test(f.file))
  if (anchor === -1) return undefined
  // Anywhere in the traceback: a worker module the app's own import reached (rq/worker.py) is not the worker class.
  if (frames.some((f) => (f.func !== undefined && APP_LOADING.has(f.func)) || !LIBRARY_FRAME(f.file))) return undefined
  const below = frames.slice(anchor)
  const innermost = [...below].reverse().find((f) => PACKAGE_OF.test(f.file))!
  const pkg = PACKAGE_OF.exec(innermost.file)![1]
  const workerPkg = PACKAGE_OF.exec(frames[anchor].file)![1]
  return { pkg, workerPkg: workerPkg === pkg ? undefined : workerPkg, frame: innermost }
}

/** A traceback's exception; for one cut short, the exception line the log still has among its lines (read apart). */
function exceptionOf(rc: RuleContext, tb: { exception?: Traceback['exception']; lines: { seq: number }[] }): Traceback['exception'] | undefined {
  if (tb.exception) return tb.exception
  const seqs = new Set(tb.lines.map((line) => line.seq))
  return rc.tracebacks.find((t) => t.headless && t.lines.some((line) => seqs.has(line.seq)))?.exception
}

/** Gunicorn's worker modules and the worker class each one is. */
const WORKER_MODULE_CLASSES: Record<string, string> = { geventlet: 'eventlet', ggevent: 'gevent', gtornado: 'tornado', gthread: 'gthread' }
const WORKER_MODULE = /gunicorn\/workers\/(\w+)\.py$/
const IMPORTED = /^\s*(?:from\s+([\w.]+)\s+import|import\s+([\w.]+))/
const EXCEPTION_AT_END = /^([A-Za-z_][\w.]*(?:Error|Exception)): ?(.*)$/

/** What failed at one line of Gunicorn's own worker module while it was imported. */
export interface WorkerModuleFailure {
  /** The worker class the module is, e.g. `eventlet` for geventlet.py. */
  worker: string
  /** `gunicorn/workers/geventlet.py:20`. */
  at: string
  code?: string
  /** The top-level package that line imports. */
  imports?: string
  exception: { type: string; message: string; line: string }
}

/** The exception a traceback ends with; for one the parser left open (an indented paste), its last line. */
function endingException(tb: { exception?: Traceback['exception']; lines: { text: string }[] }): WorkerModuleFailure['exception'] | undefined {
  if (tb.exception) return tb.exception
  const last = tb.lines[tb.lines.length - 1]?.text.trim() ?? ''
  const m = EXCEPTION_AT_END.exec(last)
  return m ? { type: m[1], message: m[2], line: last } : undefined
}

/**
 * The innermost frame is Gunicorn's own worker module and it raised while importing: a name the worker imports is
 * gone from its package (`cannot import name 'ALREADY_HANDLED'`), the module does not compile on this Python
 * (`async` became a keyword in 3.7), or a module it imports beside its package is missing. The worker package
 * itself missing is the not-installed case, left to that rule.
 */
export function workerModuleFailure(rc: RuleContext): WorkerModuleFailure | undefined {
  for (const tb of [...rc.tracebacks, ...rc.ofKind('cut-traceback')]) {
    const frame = tb.frames[tb.frames.length - 1]
    const module = frame && WORKER_MODULE.exec(frame.file)?.[1]
    const worker = module && WORKER_MODULE_CLASSES[module]
    const exception = worker ? (endingException(tb) ?? cutAtImport(tb, frame)) : undefined
    if (!worker || !exception || !/(ImportError|SyntaxError|AttributeError|NameError)$/.test(exception.type)) continue
    const imported = IMPORTED.exec(frame.code ?? '')
    const imports = (imported?.[1] ?? imported?.[2])?.split('.')[0]
    const missing = NO_MODULE.exec(exception.message)?.[1]?.split('.')[0] ?? /^No module named (\w+)/.exec(exception.message)?.[1]
    if (missing !== undefined && WORKER_CLASS_PACKAGES[missing]) continue
    const at = `gunicorn/workers/${module}.py:${frame.line}`
    return { worker, at, code: frame.code, imports: imports === 'gunicorn' ? undefined : imports, exception }
  }
  return quotedWorkerImport(rc)
}

/**
 * A paste cut right after the worker module's import line, under Gunicorn's load_class: the import is what failed,
 * so the line itself stands for the exception the log lost (its type unknown, read as an import failure).
 */
function cutAtImport(
  tb: { frames: Traceback['frames']; exception?: unknown },
  frame: Traceback['frames'][number]
): WorkerModuleFailure['exception'] | undefined {
  const underLoadClass = tb.frames.some((f) => /gunicorn\/util\.py$/.test(f.file) && f.func === 'load_class')
  if (tb.exception !== undefined || !underLoadClass || !IMPORTED.test(frame.code ?? '')) return undefined
  return { type: 'ImportError', message: '', line: frame.code!.trim() }
}

const WORKER_MODULE_IMPORT = /^\s*(?:from\s+gunicorn\.workers\.(\w+)\s+import|import\s+gunicorn\.workers\.(\w+))/

/**
 * A SyntaxError whose quoted source line imports one of Gunicorn's worker modules (`from gunicorn.workers.async
 * import AsyncWorker`, `async` a keyword since Python 3.7): Gunicorn's own code does not compile on this Python,
 * even when the paste kept only the quoted line, the caret and the exception.
 */
function quotedWorkerImport(rc: RuleContext): WorkerModuleFailure | undefined {
  for (const tb of rc.tracebacks) {
    if (!/SyntaxError$/.test(tb.exception.type) || tb.frames.length > 0) continue
    const at = rc.ctx.lines.findIndex((line) => line.seq === tb.lines[0].seq)
    const quoted = rc.ctx.lines.slice(Math.max(0, at - 3), Math.max(0, at)).find((line) => WORKER_MODULE_IMPORT.test(line.text))
    const m = quoted && WORKER_MODULE_IMPORT.exec(quoted.text)
    if (!m) continue
    const module = m[1] ?? m[2]
    return { worker: WORKER_MODULE_CLASSES[module] ?? module, at: `gunicorn.workers.${module}`, code: quoted.text, exception: tb.exception }
  }
  return undefined
}

/** The words for a worker class that broke while Gunicorn set it up. */
export function brokenWords(facts: {
  pkg: string
  workerPkg?: string
  at: string
  exceptionLine?: string
  pkgRemovedIn?: string
  requirements?: string
}): { summary: string; remedy: string } {
  const { pkg, at, exceptionLine } = facts
  const where = exceptionLine !== undefined ? `: ${code(exceptionLine)}` : ', where the log ends'
  if (facts.workerPkg) {
    // The worker class's package calls into another (uvicorn_worker into uvicorn) whose release it does not fit.
    return {
      summary:
        `The ${code(facts.workerPkg)} worker class fails while Gunicorn sets it up (in ${code(at)}${where}): ` +
        `the installed ${code(pkg)} does not work with the installed ${code(facts.workerPkg)}.`,
      remedy:
        `Pin the ${code(pkg)} release the installed ${code(facts.workerPkg)} supports, or upgrade ${code(facts.workerPkg)} ` +
        `to a release that supports yours, in ${requirementsIn(facts.requirements)}.`
    }
  }
  return {
    summary:
      `The ${code(pkg)} worker fails while Gunicorn sets it up (in ${code(at)}${where}): ` +
      `the installed ${code(pkg)} does not work with this Gunicorn.`,
    remedy:
      `Pin the ${code(pkg)} release this Gunicorn supports (or upgrade Gunicorn to one that supports yours) ` +
      `in ${requirementsIn(facts.requirements)}.${facts.pkgRemovedIn ? ` Gunicorn ${facts.pkgRemovedIn} removed the ${pkg} worker: prefer ${code('gevent')}.` : ''}`
  }
}
