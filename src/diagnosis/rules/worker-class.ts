// The worker class: Gunicorn could not load it (a package missing, too old, or a class this Gunicorn no longer has)
// or it broke while Gunicorn set it up. Which of these it is decides the remedy, so each has its own wording.
import type { Diagnosis } from '../../model.js'
import type { RuleContext, Traceback } from '../context.js'
import { WORKER_CLASS_PACKAGES } from '../packages.js'
import { commandLine, configSetting, firstLocation } from './locate.js'
import { code, present, type DiagnosisRule } from './rule.js'

const WORKER_CLASS_MODULES = Object.keys(WORKER_CLASS_PACKAGES)
const NO_MODULE = /^No module named '([^']+)'/
const ENTRY_POINT = /Entry point \('gunicorn\.workers', '([^']+)'\) not found/
const REQUIRES = /^(\w+) worker requires (\w+) ([\d.]+) or higher/
/** Worker classes Gunicorn itself removed, and since when. */
const REMOVED_WORKERS: Record<string, string> = { eventlet: '26.0' }
/** Worker classes only newer Gunicorn releases have, and the alternative for older ones. */
const ADDED_WORKERS: Record<string, { since: string; instead: string; pipName: string }> = {
  asgi: { since: '25', instead: 'uvicorn_worker.UvicornWorker', pipName: 'uvicorn-worker' }
}
/** Frames inside a worker class's own package, below Gunicorn's worker module. */
const WORKER_PACKAGE_FRAME = /\/(eventlet|gevent|greenlet|tornado|uvicorn|uvicorn_worker)\//

type Finding = Pick<Diagnosis, 'summary' | 'remedy'> & { evidence: string[] }

export const workerClassUnavailable: DiagnosisRule = {
  reason: 'worker-class-unavailable',
  explain(rc) {
    const finding = removedOrUnregistered(rc) ?? versionFloor(rc) ?? notInstalled(rc) ?? brokenInSetup(rc)
    if (!finding) return undefined
    const command = commandLine(rc)
    return {
      reason: 'worker-class-unavailable',
      ...finding,
      location: firstLocation(configSetting(rc, 'worker_class'), command && /(-k|--worker-class)/.test(command.text) && command)
    }
  }
}

function classError(rc: RuleContext) {
  return rc.ofKind('config-error').find((e) => /^class uri /.test(e.message))
}

function requirementsText(rc: RuleContext): string {
  const requirements = rc.requirementsFile()
  return requirements ? code(requirements) : 'the requirements installed by the Dockerfile'
}

/** `Entry point ('gunicorn.workers', 'eventlet') not found`: the class name is not one this Gunicorn registers. */
function removedOrUnregistered(rc: RuleContext): Finding | undefined {
  const tb = rc.tracebacks.find((t) => ENTRY_POINT.test(t.exception.message))
  if (!tb) return undefined
  const name = ENTRY_POINT.exec(tb.exception.message)![1]
  const evidence = present(classError(rc)?.lines[0].text, tb.exception.line)
  const removedIn = REMOVED_WORKERS[name]
  if (removedIn) {
    return {
      summary: `Gunicorn ${removedIn}+ has no ${code(name)} worker class any more (removed in ${removedIn}), so ${code(`-k ${name}`)} cannot load; installing ${code(name)} does not bring it back.`,
      evidence,
      remedy: `Switch to ${code('gevent')} (${code('--worker-class gevent')}, add ${code('gevent')} to ${requirementsText(rc)}), or pin ${code(`gunicorn<${removedIn.split('.')[0]}`)} to keep the ${name} worker.`
    }
  }
  const added = ADDED_WORKERS[name]
  if (added) {
    return {
      summary: `The ${code(name)} worker class is Gunicorn's own only from ${added.since}.0: the installed Gunicorn${rc.ctx.state.version ? ` ${rc.ctx.state.version}` : ''} is older and does not have it.`,
      evidence,
      remedy: `Require ${code(`gunicorn>=${added.since}`)} in ${requirementsText(rc)}, or keep this Gunicorn and use ${code(`-k ${added.instead}`)} (package ${code(added.pipName)}).`
    }
  }
  return {
    summary: `The installed Gunicorn does not register the ${code(name)} worker class (its entry point is missing).`,
    evidence,
    remedy: `Upgrade Gunicorn, or name the class by its import path (e.g. ${code('gunicorn.workers.gthread.ThreadWorker')} for ${code('gthread')}).`
  }
}

/** `gevent worker requires gevent 24.10.1 or higher`: printed for an old gevent and, from 24.0, for a missing one. */
function versionFloor(rc: RuleContext): Finding | undefined {
  const tb = rc.tracebacks.find((t) => REQUIRES.test(t.exception.message))
  if (!tb) return undefined
  const [, worker, pkg, floor] = REQUIRES.exec(tb.exception.message)!
  const chain = rc.tracebackChains().find((c) => c.includes(tb)) ?? [tb]
  const missing = chain.some((t) => NO_MODULE.exec(t.exception.message)?.[1]?.split('.')[0] === pkg)
  const installed = installedVersion(rc, pkg)
  const evidence = present(
    classError(rc)?.lines[0].text,
    missing ? chain.find((t) => NO_MODULE.test(t.exception.message))?.exception.line : undefined,
    tb.exception.line
  )
  const pipName = WORKER_CLASS_PACKAGES[pkg]?.pipName ?? pkg
  if (missing) {
    return {
      summary: `Gunicorn cannot load the ${code(worker)} worker class: the ${code(pipName)} package is not installed in the image (Gunicorn reports it as "requires ${pkg} ${floor} or higher").`,
      evidence,
      remedy: `Add ${code(pipName)} to ${requirementsText(rc)} (${floor} or later).${removedNote(worker)}`
    }
  }
  return {
    summary: installed
      ? `The image has ${code(`${pkg} ${installed.version}`)}, older than the ${pkg} ${floor} this Gunicorn's ${code(worker)} worker requires.`
      : `This Gunicorn's ${code(worker)} worker requires ${pkg} ${floor} or higher, and the ${pkg} in the image is older (or missing: Gunicorn 24+ prints the same line when it is not installed at all).`,
    evidence: [...evidence, ...present(installed?.line)],
    remedy: `Require ${code(`${pipName}>=${floor}`)} in ${requirementsText(rc)} (with the greenlet it needs), or pin Gunicorn to a release that accepts the ${pkg} you have.${removedNote(worker)}`
  }
}

/** An installed-version line in the log: `gevent==23.9.1`, `Successfully installed gevent-1.3.6`, `gevent 1.3.6`. */
function installedVersion(rc: RuleContext, pkg: string): { version: string; line: string } | undefined {
  const pattern = new RegExp(`(?:^|[\\s-])${pkg}(?:==|-| )(\\d+(?:\\.\\d+)+)\\b`)
  for (const line of rc.ctx.lines) {
    if (/requires .* or higher/.test(line.text)) continue
    const m = pattern.exec(line.text)
    if (m) return { version: m[1], line: line.text.trim() }
  }
  return undefined
}

function removedNote(worker: string): string {
  const removedIn = REMOVED_WORKERS[worker]
  return removedIn ? ` Gunicorn ${removedIn} removed the ${worker} worker: prefer ${code('gevent')}.` : ''
}

/** `No module named 'gevent'` (or `You need eventlet installed`) while loading the worker class. */
function notInstalled(rc: RuleContext): Finding | undefined {
  const error = classError(rc)
  const missing = rc.tracebacks.find((tb) => {
    const module = NO_MODULE.exec(tb.exception.message)?.[1]?.split('.')[0]
    return (
      module !== undefined &&
      WORKER_CLASS_MODULES.includes(module) &&
      (error !== undefined || tb.frames.some((f) => /gunicorn\/workers\//.test(f.file)) || isWorkerClassModule(rc, module))
    )
  })
  const needInstalled = rc.tracebacks.find((tb) => /You need (\w+) installed/.test(tb.exception.message))
  if (!error && !missing && !needInstalled) return undefined
  const workerClass = /^class uri '([^']+)'/.exec(error?.message ?? '')?.[1] ?? rc.ctx.state.workerClass
  const module =
    NO_MODULE.exec(missing?.exception.message ?? '')?.[1]?.split('.')[0] ??
    /You need (\w+) installed/.exec(needInstalled?.exception.message ?? '')?.[1] ??
    (workerClass ? WORKER_CLASS_MODULES.find((m) => workerClass.toLowerCase().includes(m)) : undefined) ??
    // A class from another package (`quart.worker.GunicornUVLoopWorker`): the module the traceback could not find.
    rc.tracebacks.map((tb) => NO_MODULE.exec(tb.exception.message)?.[1]).find((m) => m !== undefined && workerClass?.startsWith(`${m}.`))
  const pkg = module ? WORKER_CLASS_PACKAGES[module] : undefined
  const className = workerClass ? `the ${code(workerClass)} worker class` : 'the configured worker class'
  const classModuleMissing = module !== undefined && !pkg && rc.tracebacks.some((tb) => NO_MODULE.exec(tb.exception.message)?.[1] === module)
  const known = missing !== undefined || needInstalled !== undefined || classModuleMissing
  const broken = !known && brokenInSetup(rc)
  if (broken) return broken
  const what = pkg ? `the ${code(pkg.pipName)} package` : `module ${code(module ?? '?')}`
  return {
    summary: known
      ? `Gunicorn cannot load ${className}: ${what} is not installed in the image.`
      : `Gunicorn cannot load ${className}: ${what} is missing or does not import with this Gunicorn (the log does not show the exception).`,
    evidence: present(error?.lines[0].text, missing?.exception.line, needInstalled?.exception.line),
    remedy: pkg
      ? `Add ${code(pkg.pipName)} to ${requirementsText(rc)}${pkg.note ? ` (${pkg.note})` : ''}, or choose a worker class the image has.`
      : `Install the package that provides ${className}, or choose a worker class the image has (e.g. ${code('gthread')}).`
  }
}

function isWorkerClassModule(rc: RuleContext, module: string): boolean {
  return (rc.ctx.state.workerClass?.toLowerCase() ?? '').includes(module)
}

/** The worker's own package failed while Gunicorn set the worker up (init_process, patching, the hub). */
function brokenInSetup(rc: RuleContext): Finding | undefined {
  const candidates: { frames: Traceback['frames']; exception?: Traceback['exception'] }[] = [...rc.tracebacks, ...rc.ofKind('cut-traceback')]
  for (const tb of candidates) {
    const workerFrame = tb.frames.findIndex((f) => /gunicorn\/workers\/\w+\.py$/.test(f.file))
    if (workerFrame === -1) continue
    const inside = tb.frames.slice(workerFrame + 1).find((f) => WORKER_PACKAGE_FRAME.test(f.file))
    if (!inside) continue
    const pkg = WORKER_PACKAGE_FRAME.exec(inside.file)![1]
    const at = `${inside.file.replace(/^.*\/(?:site|dist)-packages\//, '')}:${inside.line}`
    return {
      summary: `The ${code(pkg)} worker fails while Gunicorn sets it up (in ${code(at)}${tb.exception ? `: ${code(tb.exception.line)}` : ', where the log ends'}): the installed ${code(pkg)} does not work with this Gunicorn.`,
      evidence: present(`  File "${inside.file}", line ${inside.line}${inside.func ? `, in ${inside.func}` : ''}`, tb.exception?.line),
      remedy: `Pin the ${code(pkg)} release this Gunicorn supports (or upgrade Gunicorn to one that supports yours) in ${requirementsText(rc)}.${removedNote(pkg)}`
    }
  }
  return undefined
}
