// Gunicorn could not load the worker class (a package missing, too old, or a class this Gunicorn no longer has or
// does not have yet) or it broke while Gunicorn set it up. Which of these it is decides the remedy.
import { defineReason, type Finding, type Rule } from '../reason.js'
import type { RuleContext, Traceback } from '../context.js'
import { WORKER_CLASS_PACKAGES, pipPackageFor } from '../packages.js'
import { requirementsIn } from '../rules/imports.js'
import {
  ADDED_WORKERS,
  ENTRY_POINT,
  NO_MODULE,
  REMOVED_WORKERS,
  REQUIRES,
  brokenInSetup,
  brokenWords,
  classError,
  classLoadFailure,
  installedVersion,
  workerClassLocation,
  workerModuleFailure
} from '../rules/worker-class.js'
import { code, present } from '../words.js'
import { removalIn } from '../removals.js'

/** Where the image's requirements are, for the remedy. */
interface Requirements {
  requirements?: string
}

type Facts = Requirements &
  (
    | { kind: 'removed'; name: string; removedIn: string }
    | { kind: 'not-yet'; name: string; since: string; instead: string; pipName: string; version?: string }
    | { kind: 'unregistered'; name: string }
    | { kind: 'requires-missing'; worker: string; pkg: string; floor: string; pipName: string; workerRemovedIn?: string }
    | { kind: 'requires-older'; worker: string; pkg: string; floor: string; pipName: string; installed?: string; workerRemovedIn?: string }
    | {
        kind: 'not-installed' | 'not-importable'
        workerClass?: string
        module?: string
        package?: { pipName: string; note?: string }
        /** The class the module does not have. */
        className?: string
      }
    | { kind: 'broken-in-setup'; pkg: string; workerPkg?: string; at: string; exceptionLine?: string; pkgRemovedIn?: string }
    | { kind: 'removed-api'; api: string; removedBy: string; fix: string; exceptionLine: string }
    | { kind: 'worker-module-broken'; worker: string; at: string; imports?: string; exceptionType: string; exceptionLine: string }
  )

/** Every finding points at where the worker class is chosen. */
function found(rc: RuleContext, facts: Facts, evidence: string[]): Finding<Facts> {
  return { facts, evidence, location: workerClassLocation(rc) }
}

/** `Entry point ('gunicorn.workers', 'eventlet') not found`: the class name is not one this Gunicorn registers. */
const unregistered: Rule<Facts> = {
  stage: 'boot',
  name: 'the worker class name has no entry point in this Gunicorn (removed, not there yet, or unknown)',
  detect(rc) {
    const tb = rc.tracebacks.find((t) => ENTRY_POINT.test(t.exception.message))
    if (!tb) return undefined
    const name = ENTRY_POINT.exec(tb.exception.message)![1]
    const requirements = rc.requirementsFile()
    const removedIn = REMOVED_WORKERS[name]
    const added = ADDED_WORKERS[name]
    const facts: Facts = removedIn
      ? { kind: 'removed', name, removedIn, requirements }
      : added
        ? { kind: 'not-yet', name, ...added, version: rc.ctx.state.version, requirements }
        : { kind: 'unregistered', name }
    return found(rc, facts, present(classError(rc)?.lines[0].text, tb.exception.line))
  }
}

/** `gevent worker requires gevent 24.10.1 or higher`: printed for an old gevent and, from 24.0, for a missing one. */
const versionFloor: Rule<Facts> = {
  stage: 'boot',
  name: 'the worker requires a newer package (missing, or older than its floor)',
  detect(rc) {
    const tb = rc.tracebacks.find((t) => REQUIRES.test(t.exception.message))
    if (!tb) return undefined
    const [, worker, pkg, floor] = REQUIRES.exec(tb.exception.message)!
    const chain = rc.tracebackChains().find((c) => c.includes(tb)) ?? [tb]
    const missing = chain.some((t) => NO_MODULE.exec(t.exception.message)?.[1]?.split('.')[0] === pkg)
    const evidence = present(
      classError(rc)?.lines[0].text,
      missing ? chain.find((t) => NO_MODULE.test(t.exception.message))?.exception.line : undefined,
      tb.exception.line
    )
    const common = { worker, pkg, floor, pipName: WORKER_CLASS_PACKAGES[pkg]?.pipName ?? pkg, workerRemovedIn: REMOVED_WORKERS[worker] }
    const requirements = rc.requirementsFile()
    if (missing) return found(rc, { kind: 'requires-missing', ...common, requirements }, evidence)
    const installed = installedVersion(rc, pkg)
    return found(rc, { kind: 'requires-older', ...common, installed: installed?.version, requirements }, [...evidence, ...present(installed?.line)])
  }
}

/** A module Gunicorn's worker file itself imports is missing (`packaging` in ggevent.py): it is the culprit, not the worker's package. */
const workerImportMissing: Rule<Facts> = {
  stage: 'boot',
  name: 'a module the worker file itself imports is missing',
  detect(rc) {
    const tb = rc.tracebacks.find((t) => /gunicorn\/workers\/\w+\.py$/.test(t.frames[t.frames.length - 1]?.file ?? ''))
    const module = /^No module named '([\w.]+)'/.exec(tb?.exception.message ?? '')?.[1]?.split('.')[0]
    if (!tb || module === undefined || WORKER_CLASS_PACKAGES[module]) return undefined
    const workerClass = /^class uri '([^']+)'/.exec(rc.ofKind('config-error')[0]?.message ?? '')?.[1] ?? rc.ctx.state.workerClass
    const last = tb.frames[tb.frames.length - 1]
    const pipName = pipPackageFor(module).pipName
    const facts: Facts = { kind: 'not-installed', workerClass, module, package: { pipName }, requirements: rc.requirementsFile() }
    return found(rc, facts, present(`  File "${last.file}", line ${last.line}, in ${last.func ?? '<module>'}`, last.code, tb.exception.line))
  }
}

/** `No module named 'gevent'` (or `You need eventlet installed`) while loading the worker class. */
const notInstalled: Rule<Facts> = {
  stage: 'boot',
  name: 'the worker class needs a module the image lacks',
  detect(rc) {
    const failure = classLoadFailure(rc)
    return failure?.known ? classLoadFinding(rc, 'not-installed') : undefined
  }
}

/** Gunicorn's own worker module raised while it was imported: its package or this Python does not fit it. */
const workerModuleBroken: Rule<Facts> = {
  stage: 'boot',
  name: "Gunicorn's worker module fails to import (a name gone from its package, a Python it predates)",
  detect(rc) {
    const failure = workerModuleFailure(rc)
    if (!failure) return undefined
    const { worker, at, imports, exception, code: line } = failure
    const facts: Facts = {
      kind: 'worker-module-broken',
      worker,
      at,
      imports,
      exceptionType: exception.type.slice(exception.type.lastIndexOf('.') + 1),
      exceptionLine: exception.line,
      requirements: rc.requirementsFile()
    }
    return found(rc, facts, present(classError(rc)?.lines[0].text, line?.trim(), exception.line))
  }
}

/** The worker's own package failed while Gunicorn set the worker up (init_process, patching, the hub). */
const brokenWhileSetUp: Rule<Facts> = {
  stage: 'boot',
  name: "the worker's own package fails while Gunicorn sets it up",
  detect(rc) {
    const broken = brokenInSetup(rc)
    if (!broken) return undefined
    const { pkg, workerPkg, frame, exception } = broken
    const at = `${frame.file.replace(/^.*\/(?:site|dist)-packages\//, '')}:${frame.line}`
    const facts: Facts = {
      kind: 'broken-in-setup',
      pkg,
      workerPkg,
      at,
      exceptionLine: exception ? exception.line : undefined,
      pkgRemovedIn: REMOVED_WORKERS[pkg],
      requirements: rc.requirementsFile()
    }
    return found(rc, facts, present(`  File "${frame.file}", line ${frame.line}${frame.func ? `, in ${frame.func}` : ''}`, exception?.line))
  }
}

/** Gunicorn's worker module imports what its package removed (eventlet's ALREADY_HANDLED, `__version__`): the table names it. */
const removedApi: Rule<Facts> = {
  stage: 'boot',
  name: 'the worker module imports what its package removed (removals.ts)',
  detect(rc) {
    for (const tb of rc.tracebacks) {
      // In Gunicorn's worker module, or a bare exception line whose frames the paste lost.
      const inWorker = tb.frames.length === 0 || tb.frames.some((f) => /gunicorn\/workers\/\w+\.py$/.test(f.file))
      const removal = inWorker ? removalIn(tb.exception.line) : undefined
      if (!removal) continue
      const { name: api, removedBy, fix } = removal
      const facts: Facts = { kind: 'removed-api', api, removedBy, fix, exceptionLine: tb.exception.line }
      const last = tb.frames[tb.frames.length - 1] as Traceback['frames'][number] | undefined
      const frame = last && `  File "${last.file}", line ${last.line}${last.func ? `, in ${last.func}` : ''}`
      return found(rc, facts, present(frame, last?.code, tb.exception.line))
    }
    return undefined
  }
}

// Tried after the setup rule: a class that did not load without the log saying why may have broken in setup.
const notImportable: Rule<Facts> = {
  stage: 'boot',
  name: 'the worker class did not load and the log does not show the exception',
  detect(rc) {
    const failure = classLoadFailure(rc)
    return failure && !failure.known ? classLoadFinding(rc, 'not-importable') : undefined
  }
}

function classLoadFinding(rc: RuleContext, kind: 'not-installed' | 'not-importable'): Finding<Facts> {
  const { error, missing, needInstalled, workerClass, module, classMissing } = classLoadFailure(rc)!
  const pkg = module && !classMissing ? WORKER_CLASS_PACKAGES[module] : undefined
  const facts: Facts = { kind, workerClass, module, package: pkg, className: classMissing?.name, requirements: rc.requirementsFile() }
  return found(rc, facts, present(error?.lines[0].text, missing?.exception.line, needInstalled?.exception.line, classMissing?.line))
}

const removedNote = (worker: string, removedIn: string | undefined) =>
  removedIn ? ` Gunicorn ${removedIn} removed the ${worker} worker: prefer ${code('gevent')}.` : ''

function entryPointWords(facts: Extract<Facts, { name: string }>): { summary: string; remedy: string } {
  const requirements = requirementsIn(facts.requirements)
  switch (facts.kind) {
    case 'removed':
      return {
        summary:
          `Gunicorn ${facts.removedIn}+ has no ${code(facts.name)} worker class any more (removed in ${facts.removedIn}), ` +
          `so ${code(`-k ${facts.name}`)} cannot load; installing ${code(facts.name)} does not bring it back.`,
        remedy:
          `Switch to ${code('gevent')} (${code('--worker-class gevent')}, add ${code('gevent')} to ${requirements}), ` +
          `or pin ${code(`gunicorn<${facts.removedIn.split('.')[0]}`)} to keep the ${facts.name} worker.`
      }
    case 'not-yet':
      return {
        summary:
          `The ${code(facts.name)} worker class is Gunicorn's own only from ${facts.since}.0: ` +
          `the installed Gunicorn${facts.version ? ` ${facts.version}` : ''} is older and does not have it.`,
        remedy:
          `Require ${code(`gunicorn>=${facts.since}`)} in ${requirements}, or keep this Gunicorn and use ` +
          `${code(`-k ${facts.instead}`)} (package ${code(facts.pipName)}).`
      }
    case 'unregistered':
      return {
        summary: `The installed Gunicorn does not register the ${code(facts.name)} worker class (its entry point is missing).`,
        remedy:
          'Upgrade Gunicorn, or name the class by its import path ' +
          `(e.g. ${code('gunicorn.workers.gthread.ThreadWorker')} for ${code('gthread')}).`
      }
  }
}

function versionWords(facts: Extract<Facts, { floor: string }>): { summary: string; remedy: string } {
  const { worker, pkg, floor, pipName } = facts
  const requirements = requirementsIn(facts.requirements)
  const note = removedNote(worker, facts.workerRemovedIn)
  if (facts.kind === 'requires-missing') {
    return {
      summary:
        `Gunicorn cannot load the ${code(worker)} worker class: the ${code(pipName)} package is not installed in the image ` +
        `(Gunicorn reports it as "requires ${pkg} ${floor} or higher").`,
      remedy: `Add ${code(pipName)} to ${requirements} (${floor} or later).${note}`
    }
  }
  return {
    summary: facts.installed
      ? `The image has ${code(`${pkg} ${facts.installed}`)}, older than the ${pkg} ${floor} this Gunicorn's ${code(worker)} worker requires.`
      : `This Gunicorn's ${code(worker)} worker requires ${pkg} ${floor} or higher, and the ${pkg} in the image is older ` +
        '(or missing: Gunicorn 24+ prints the same line when it is not installed at all).',
    remedy:
      `Require ${code(`${pipName}>=${floor}`)} in ${requirements} (with the greenlet it needs), ` +
      `or pin Gunicorn to a release that accepts the ${pkg} you have.${note}`
  }
}

function classLoadWords(facts: Extract<Facts, { kind: 'not-installed' | 'not-importable' }>): { summary: string; remedy: string } {
  const className = facts.workerClass ? `the ${code(facts.workerClass)} worker class` : 'the configured worker class'
  const pkg = facts.package
  const what = pkg ? `the ${code(pkg.pipName)} package` : `module ${code(facts.module ?? '?')}`
  if (facts.className)
    return {
      summary:
        `Gunicorn cannot load ${className}: ${facts.module ? `module ${code(facts.module)}` : 'its module'} imports, and has no ` +
        `${code(facts.className)} in it (the installed release is not the one the class name comes from, or not for this Python).`,
      remedy: `Install the release of the package that provides ${code(facts.className)} for this Python, or choose a worker class the image has (e.g. ${code('gthread')}).`
    }
  return {
    summary:
      facts.kind === 'not-installed'
        ? `Gunicorn cannot load ${className}: ${what} is not installed in the image.`
        : `Gunicorn cannot load ${className}: ${what} is missing or does not import with this Gunicorn (the log does not show the exception).`,
    remedy: pkg
      ? `Add ${code(pkg.pipName)} to ${requirementsIn(facts.requirements)}${pkg.note ? ` (${pkg.note})` : ''}, or choose a worker class the image has.`
      : `Install the package that provides ${className}, or choose a worker class the image has (e.g. ${code('gthread')}).`
  }
}

function workerModuleWords(facts: Extract<Facts, { kind: 'worker-module-broken' }>): { summary: string; remedy: string } {
  const { worker, at, imports, exceptionType, exceptionLine } = facts
  const requirements = requirementsIn(facts.requirements)
  const failed = `Gunicorn's own ${code(worker)} worker module fails to import (${code(at)}: ${code(exceptionLine)})`
  if (exceptionType === 'SyntaxError') {
    return {
      summary: `${failed}: this Gunicorn release predates the image's Python, whose syntax its ${code(worker)} worker breaks.`,
      remedy: `Upgrade Gunicorn in ${requirements} to a release that supports this Python, or build on the Python it supports.`
    }
  }
  if (/No module named/.test(exceptionLine) && imports) {
    return {
      summary: `${failed}: it imports ${code(imports)}, which is not installed in the image.`,
      remedy: `Add ${code(imports)} to ${requirements}.`
    }
  }
  const pkg = imports ?? worker
  return {
    summary: `${failed}: the installed ${code(pkg)} no longer has what this Gunicorn's ${code(worker)} worker imports from it.`,
    remedy:
      `Pin the ${code(pkg)} release this Gunicorn supports, or upgrade Gunicorn to one that supports the installed ${code(pkg)}, ` +
      `in ${requirements}.${removedNote(worker, REMOVED_WORKERS[worker])}`
  }
}

export default defineReason({
  id: 'worker-class-unavailable',
  title: 'Worker class not installed',
  headline: 'worker class unavailable',
  namesCulprit: true,
  readme:
    'the worker class (gevent, gevent-websocket, uvicorn, eventlet) cannot be imported, is too old for ' +
    'this Gunicorn (`gevent worker requires gevent 24.10.1 or higher`: missing or old, from the ' +
    'evidence), is gone (eventlet in Gunicorn 26: switch to gevent or pin `gunicorn<26`) or not there ' +
    'yet (the native `asgi` worker before 25), or breaks while Gunicorn sets it up',
  fixtures: [
    { path: '__fixtures__/apps/fail-worker-class-unavailable', test: '__tests__/diagnosis.itg.ts' },
    { path: '__fixtures__/apps/fail-worker-class-script', test: '__tests__/remedies.itg.ts' }
  ],
  rules: [unregistered, removedApi, versionFloor, workerImportMissing, workerModuleBroken, notInstalled, brokenWhileSetUp, notImportable],
  words: (facts) => {
    switch (facts.kind) {
      case 'removed':
      case 'not-yet':
      case 'unregistered':
        return entryPointWords(facts)
      case 'requires-missing':
      case 'requires-older':
        return versionWords(facts)
      case 'not-installed':
      case 'not-importable':
        return classLoadWords(facts)
      case 'broken-in-setup':
        return brokenWords(facts)
      case 'removed-api':
        return {
          summary: `Gunicorn's worker cannot load: it uses ${code(facts.api)}, which ${facts.removedBy} (${code(facts.exceptionLine.slice(0, 160))}).`,
          remedy: facts.fix
        }
      case 'worker-module-broken':
        return workerModuleWords(facts)
    }
  }
})
