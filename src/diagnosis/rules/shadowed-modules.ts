// A project file that takes the name of a module the app or Gunicorn imports: `platform.py` or a `platform/` package
// next to the app is found before the standard library's, and the first use of a name the real module has fails.
// Detection for the import-error reason.
import type { RuleContext, Traceback, UserFrame } from '../context.js'
import { isStdlibModule, removedFromStdlib } from '../stdlib-modules.js'
import { exceptionIs } from './rule.js'

export interface ShadowedModule {
  tb: Traceback
  module: string
  attribute: string
  /** The shadowing file as Python 3.13 names it, or the repository's own module of that name. */
  shadowedBy?: string
  /** The frame that used the name: Gunicorn's or a library's own code, or the app's. */
  frame?: UserFrame
  usedAt?: string
}

/** Python 3.13+: `(consider renaming '/app/platform.py' since it has the same name as the standard library module …)`. */
const RENAME_HINT = /\(consider renaming '([^']+)' (?:since|if) it has the same name as (?:the standard library module|a library)/
const MODULE_ATTRIBUTE = /^module '([\w.]+)' has no attribute '(\w+)'/
/** Python 2 names no module: `'module' object has no attribute 'system'`; the frame's code names it (`platform.system()`). */
const PY2_MODULE_ATTRIBUTE = /^'module' object has no attribute '(\w+)'/

function moduleAndAttribute(tb: Traceback): { module: string; attribute: string } | undefined {
  const { message } = tb.exception
  const named = MODULE_ATTRIBUTE.exec(message)
  if (named) return { module: named[1], attribute: named[2] }
  const attribute = PY2_MODULE_ATTRIBUTE.exec(message)?.[1]
  const code = tb.frames[tb.frames.length - 1]?.code ?? ''
  const module = attribute ? new RegExp(`\\b([A-Za-z_][\\w.]*)\\.${attribute}\\b`).exec(code)?.[1] : undefined
  return module && attribute ? { module, attribute } : undefined
}

/**
 * `module 'platform' has no attribute 'system'` where `platform` is another module than the one meant: Python 3.13
 * says so itself; else the repository holds a module of that name, or code that has always worked with the standard
 * module (Gunicorn's, a library's) misses a name Python never removed from it.
 */
export function shadowedModule(rc: RuleContext): ShadowedModule | undefined {
  for (const tb of rc.tracebacks) {
    if (!exceptionIs(tb, 'AttributeError') || /partially initialized/.test(tb.exception.message)) continue
    const found = moduleAndAttribute(tb)
    if (!found) continue
    const hint = RENAME_HINT.exec(tb.exception.message)?.[1]
    const local = rc.localModuleExists(found.module)
    const last = tb.frames[tb.frames.length - 1]
    const usedByLibrary = last !== undefined && rc.mapContainerPath(last.file) === undefined && /(site|dist)-packages\//.test(last.file)
    const stdlibName = isStdlibModule(found.module) && !removedFromStdlib(found.module.split('.')[0], found.attribute)
    if (!hint && !(local && stdlibName) && !(usedByLibrary && stdlibName)) continue
    const usedAt = last ? `${last.file.split('/').slice(-2).join('/')}:${last.line}` : undefined
    return { tb, ...found, shadowedBy: hint ?? local, frame: rc.userFrame(tb), usedAt }
  }
  return undefined
}
