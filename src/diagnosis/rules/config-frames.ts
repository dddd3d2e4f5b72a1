// An exception raised in code the Gunicorn config file runs: a module it imports (at load, before any worker), or a
// server hook it defines (`post_fork` in each worker, `on_starting`/`when_ready` in the master). The innermost user
// frame is where it was raised; the config file's frame is how Gunicorn got there, named beside it.
import path from 'node:path'
import type { SourceLocation } from '../../core/model.js'
import type { TracebackFrame } from '../../gunicorn/log-parser.js'
import type { RuleContext, Traceback, UserFrame } from '../context.js'
import { code, fileLine } from './rule.js'

/** Gunicorn's server hooks (the settings a config file defines as functions). */
const HOOKS = new Set([
  'on_starting',
  'on_reload',
  'when_ready',
  'pre_fork',
  'post_fork',
  'post_worker_init',
  'worker_int',
  'worker_abort',
  'pre_exec',
  'pre_request',
  'post_request',
  'child_exit',
  'worker_exit',
  'nworkers_changed',
  'on_exit',
  'ssl_context'
])
/** The hooks the master calls; the others run in a worker. */
const MASTER_HOOKS = new Set(['on_starting', 'on_reload', 'when_ready', 'pre_fork', 'pre_exec', 'child_exit', 'nworkers_changed', 'on_exit'])

/** The config file's frame and the code below it that raised. */
export interface ConfigCaller {
  /** The config file's line that imports the module or calls into it (repository path when it maps, else as printed). */
  config: { file: string; line: number; location?: SourceLocation }
  /** The hook the config file defines, when the frame is one (`post_fork`); undefined at import (`<module>`). */
  hook?: string
  inMaster: boolean
  /** Where it was raised: the innermost frame of the user's code, in another file than the config. */
  raisedIn: UserFrame
}

/** A frame of the config file: the one the command names, a `gunicorn*.py` name, or a hook Gunicorn called. */
function isConfigFrame(rc: RuleContext, frame: TracebackFrame, configFile: string | undefined): boolean {
  const mapped = rc.mapContainerPath(frame.file)
  if (configFile && mapped === configFile) return true
  return /^gunicorn[\w.-]*\.py$/.test(path.posix.basename(frame.file)) || (frame.func !== undefined && HOOKS.has(frame.func))
}

export function configCaller(rc: RuleContext, tb: Traceback | undefined): ConfigCaller | undefined {
  const raisedIn = rc.userFrame(tb)
  if (!tb || !raisedIn) return undefined
  const configFile = rc.gunicornConfigFile()
  const frame = tb.frames.find((f) => isConfigFrame(rc, f, configFile))
  if (!frame || frame === raisedIn.frame || frame.file === raisedIn.frame.file) return undefined
  if (tb.frames.indexOf(frame) > tb.frames.indexOf(raisedIn.frame)) return undefined
  const mapped = rc.mapContainerPath(frame.file)
  const hook = frame.func !== undefined && HOOKS.has(frame.func) ? frame.func : undefined
  return {
    config: {
      file: mapped ?? path.posix.basename(frame.file),
      line: frame.line,
      location: mapped ? { file: mapped, line: frame.line, containerPath: frame.file } : undefined
    },
    hook,
    inMaster: hook !== undefined && MASTER_HOOKS.has(hook),
    raisedIn
  }
}

/** `tuning.py:4`, or the file as the traceback printed it when it is not in the repository. */
export const raisedAt = ({ raisedIn }: ConfigCaller): string =>
  raisedIn.location ? fileLine(raisedIn.location) : `${path.posix.basename(raisedIn.frame.file)}:${raisedIn.frame.line}`

/** `, raised in `tuning.py:4`, which `gunicorn.conf.py` imports (line 1)` / `…in the `post_fork` hook of …`. */
export function callerWords(caller: ConfigCaller): string {
  const config = code(caller.config.file)
  const via = caller.hook
    ? `called by the ${code(caller.hook)} hook ${config} defines (line ${caller.config.line})`
    : `which ${config} imports (line ${caller.config.line})`
  return `raised in ${code(raisedAt(caller))}, ${via}`
}

/** How to reproduce it: a hook runs only under Gunicorn, an import of the config's module runs with Python alone. */
export function callerRemedy(caller: ConfigCaller): string {
  const where = code(raisedAt(caller))
  if (!caller.hook) {
    const module = path.posix.basename(caller.raisedIn.frame.file).replace(/\.py$/, '')
    return `Fix ${where}: ${code(caller.config.file)} imports it when Gunicorn reads its config, so ${code(`python -c "import ${module}"`)} in the image reproduces it.`
  }
  const runs = caller.inMaster ? 'in the master' : 'in each worker after it forks'
  return (
    `Fix ${where}: Gunicorn calls the ${code(caller.hook)} hook ${runs}, not when the app is imported, so only ` +
    `starting Gunicorn with ${code(`-c ${caller.config.file}`)} in the image reproduces it.`
  )
}

/** The config caller of the frame a finding points at, when that frame is in a module the config file runs. */
export function callerAt(rc: RuleContext, location: SourceLocation | undefined): ConfigCaller | undefined {
  if (!location) return undefined
  for (const tb of rc.tracebacks) {
    const caller = configCaller(rc, tb)
    const raised = caller?.raisedIn.location
    if (caller && raised && raised.file === location.file && raised.line === location.line) return caller
  }
  return undefined
}

/** For a summary that names the module's line but not how Gunicorn got there: `` `warmup.py` is called by … ``. */
export function importerWords(caller: ConfigCaller): string {
  const module = code(path.posix.basename(caller.raisedIn.frame.file))
  const config = code(caller.config.file)
  return caller.hook
    ? `${module} is called by the ${code(caller.hook)} hook ${config} defines (line ${caller.config.line})`
    : `${module} is imported by ${config} (line ${caller.config.line})`
}
