// Imports and dependencies: what Python could not import or compile while Gunicorn loaded the app or its worker class.
import type { Diagnosis, SourceLocation } from '../../model.js'
import { frameText, type RuleContext, type Traceback } from '../context.js'
import { commandLine, firstLocation } from './locate.js'
import { pipPackageFor } from '../packages.js'
import { code, exceptionIs, fileLine, present, where, type DiagnosisRule } from './rule.js'

export const syntaxError: DiagnosisRule = {
  reason: 'syntax-error',
  explain(rc) {
    const tb = rc.primaryTraceback((t) => exceptionIs(t, 'SyntaxError', 'IndentationError', 'TabError'))
    if (!tb) return syntaxErrorMessage(rc)
    // The last frame of a SyntaxError traceback is the broken file itself (no `, in func`).
    const last = tb.frames[tb.frames.length - 1]
    const file = last ? rc.mapContainerPath(last.file) : undefined
    const location: SourceLocation | undefined = file && last ? { file, line: last.line, containerPath: last.file } : rc.userFrame(tb)?.location
    const shown = location ? fileLine(location) : last ? `${last.file}:${last.line}` : 'the application'
    return {
      reason: 'syntax-error',
      summary: `${code(shown)} has a ${tb.exception.type.split('.').pop()}: ${tb.exception.message}.`,
      evidence: [...(last ? frameText(last) : []), tb.exception.line, ...present(rc.gunicornOutcomeLine())],
      location,
      remedy: `Fix the syntax at ${code(shown)}; ${code(`python -m py_compile ${location?.file ?? 'file.py'}`)} reproduces it without Docker.`
    }
  }
}

export const missingDependency: DiagnosisRule = {
  reason: 'missing-dependency',
  explain(rc) {
    const tb = rc.primaryTraceback(
      (t) => /^No module named '?([\w.]+)'?/.test(t.exception.message) && exceptionIs(t, 'ModuleNotFoundError', 'ImportError')
    )
    if (!tb) return importCutShort(rc)
    const moduleName = /^No module named '?([\w.]+)'?/.exec(tb.exception.message)![1]
    const frame = rc.userFrame(tb)
    const { pipName, differs } = pipPackageFor(moduleName)
    const local = rc.localModuleExists(moduleName)
    const requirements = rc.requirementsFile()
    const importedAt = where(frame?.location)
    const special = gunicornItself(rc, tb, moduleName) ?? appModule(rc, tb, moduleName, frame !== undefined)
    if (special && !local) return special
    if (local) {
      return {
        reason: 'missing-dependency',
        summary: `The app imports ${code(moduleName)}${importedAt}, which exists in the repository (${code(local)}) but is not importable in the container.`,
        evidence: rc.tracebackEvidence(tb, frame),
        location: frame?.location,
        remedy: `Check that the Dockerfile copies ${code(local)} and that Gunicorn runs from the right directory (${code('--chdir')}, ${code('WORKDIR')} or ${code('PYTHONPATH')}).`
      }
    }
    const crlf = crlfScript(rc)
    if (crlf) {
      return {
        reason: 'missing-dependency',
        summary: `The app module ${code(moduleName)} is not importable because ${code(crlf.script)} has Windows (CRLF) line endings: its commands (a ${code('cd')}, an ${code('export')}) failed before Gunicorn started (${code(crlf.line.trim())}).`,
        evidence: [crlf.line, ...rc.tracebackEvidence(tb, frame)],
        location: frame?.location,
        remedy: `Convert ${code(crlf.script)} to LF line endings (${code('dos2unix')}, or ${code('*.sh text eol=lf')} in .gitattributes) and rebuild.`
      }
    }
    return {
      reason: 'missing-dependency',
      summary: `The app imports ${code(moduleName)}${importedAt}, which is not installed in the image.`,
      evidence: rc.tracebackEvidence(tb, frame),
      location: frame?.location,
      remedy: `Add ${code(pipName)} to ${requirements ? code(requirements) : 'the requirements installed by the Dockerfile'}${differs ? ` (the import name ${code(moduleName.split('.')[0])} differs from the package name)` : ''}.`
    }
  }
}

export const importError: DiagnosisRule = {
  reason: 'import-error',
  explain(rc) {
    const tb = rc.primaryTraceback((t) => exceptionIs(t, 'ImportError') && /cannot import name/.test(t.exception.message))
    if (!tb) return raisedAtImport(rc)
    const m = /cannot import name '([^']+)' from '([^']+)'(?: \(([^)]+)\))?/.exec(tb.exception.message)
    const name = m?.[1] ?? /cannot import name '?([\w.]+)'?/.exec(tb.exception.message)?.[1] ?? '?'
    const fromModule = m?.[2]
    const didYouMean = /Did you mean: '([^']+)'/.exec(tb.exception.message)?.[1]
    const circular = /partially initialized module|circular import/.test(tb.exception.message)
    const ownFile = m?.[3] ? rc.mapContainerPath(m[3]) : fromModule ? rc.moduleFile(fromModule) : undefined
    const frame = rc.userFrame(tb)
    const at = frame?.location ? `${code(fileLine(frame.location))} imports` : 'The app imports'
    const summary = circular
      ? `${at} ${code(name)} from ${code(fromModule ?? '?')} during a circular import (the module is only partially initialized).`
      : ownFile
        ? `${at} ${code(name)} from ${code(fromModule ?? '?')}, but ${code(ownFile)} does not define it.`
        : `${at} ${code(name)} from ${code(fromModule ?? '?')}, which the installed version of ${code((fromModule ?? '?').split('.')[0])} does not provide.`
    return {
      reason: 'import-error',
      summary,
      evidence: rc.tracebackEvidence(tb, frame),
      location: frame?.location,
      remedy: circular
        ? 'Break the cycle: move the shared code into its own module, or import inside the function that needs it.'
        : ownFile
          ? didYouMean
            ? `Import ${code(didYouMean)}, which ${code(ownFile)} defines, or define ${code(name)} there.`
            : `Define ${code(name)} in ${code(ownFile)} or import the name it actually has.`
          : `Pin the version of ${code(pipPackageFor(fromModule ?? name).pipName)} that still provides ${code(name)} in the requirements, or update the import for the installed version.`
    }
  }
}

/** A SyntaxError logged as its str(), `invalid syntax (app.py, line 4)` (19.x–20.x reloader), without a traceback. */
function syntaxErrorMessage(rc: RuleContext): Diagnosis | undefined {
  const logged = rc.ofKind('syntax-error-message')[0]
  if (!logged) return undefined
  const reloaded = rc.ofKind('worker-reloading').find((r) => r.file.endsWith(`/${logged.file}`) || r.file === logged.file)
  const file = reloaded ? rc.mapContainerPath(reloaded.file) : rc.moduleFile(logged.file.replace(/\.py$/, '').replace(/\//g, '.'))
  const location: SourceLocation | undefined = file ? { file, line: logged.line, containerPath: reloaded?.file } : undefined
  const shown = `${location?.file ?? logged.file}:${logged.line}`
  return {
    reason: 'syntax-error',
    summary: `${code(shown)} has a SyntaxError: ${logged.message}${reloaded ? ' (saved while Gunicorn ran with --reload; the reloaded worker could not import it)' : ''}.`,
    evidence: present(reloaded?.lines[0].text, logged.lines[0].text, rc.gunicornOutcomeLine()),
    location,
    remedy: `Fix the syntax at ${code(shown)}; ${code(`python -m py_compile ${location?.file ?? logged.file}`)} reproduces it without Docker.`
  }
}

/** A name or attribute that does not exist, raised by module-level code while Gunicorn imports the app. */
function raisedAtImport(rc: RuleContext): Diagnosis | undefined {
  const tb = rc.primaryTraceback(
    (t) => exceptionIs(t, 'NameError', 'AttributeError') && t.frames.some((f) => f.func === '<module>' || /gunicorn\/util\.py$/.test(f.file))
  )
  if (!tb) return undefined
  const frame = rc.userFrame(tb)
  const at = frame?.location ? fileLine(frame.location) : frame ? `${frame.frame.file}:${frame.frame.line}` : undefined
  const moduleAttr = /^module '([^']+)' has no attribute '([^']+)'/.exec(tb.exception.message)
  return {
    reason: 'import-error',
    summary: `${at ? code(at) : 'The app'} raises ${code(tb.exception.line)} while Gunicorn imports the app${moduleAttr ? `: the installed ${code(moduleAttr[1])} is not the package the code expects (another version, or a different package of that name)` : ''}.`,
    evidence: rc.tracebackEvidence(tb, frame),
    location: frame?.location,
    remedy: moduleAttr
      ? `Install the ${code(moduleAttr[1])} the code was written for (check its name and version in the requirements), or update the code for the installed one.`
      : `Define the name before it is used at ${code(at ?? 'module level')} (a typo, a missing import, or code that only runs in development).`
  }
}

/** Frames that import one known optional module: where a log cut inside the import still names it. */
const IMPORT_SITES: { file: RegExp; func: string; module: string; what: string; instead: string }[] = [
  {
    file: /\/uvicorn\/config\.py$/,
    func: 'setup_event_loop',
    module: 'uvloop',
    what: "the uvicorn worker's event loop (its Gunicorn worker asks for uvloop)",
    instead: 'or run the worker with the asyncio loop (a `UvicornWorker` subclass with `CONFIG_KWARGS = {"loop": "asyncio"}`)'
  }
]

/** A traceback the log ends inside, in the middle of importing a module that a known frame names. */
function importCutShort(rc: RuleContext): Diagnosis | undefined {
  for (const cut of rc.ofKind('cut-traceback')) {
    const inImport = cut.frames.slice(-1)[0]?.file.startsWith('<frozen importlib')
    const site = inImport ? IMPORT_SITES.find((s) => cut.frames.some((f) => s.file.test(f.file) && f.func === s.func)) : undefined
    if (!site) continue
    const frame = cut.frames.find((f) => site.file.test(f.file) && f.func === site.func)!
    return {
      reason: 'missing-dependency',
      summary: `A worker failed importing ${site.what}: ${code(site.module)} is not installed in the image (the log ends inside that import).`,
      evidence: [...frameText(frame), ...present(rc.gunicornOutcomeLine())],
      remedy: `Add ${code(site.module)} to ${rc.requirementsFile() ? code(rc.requirementsFile()!) : 'the requirements installed by the Dockerfile'}, ${site.instead}.`
    }
  }
  return undefined
}

/** `No module named 'gunicorn'`: the `gunicorn` script runs under a Python (a virtualenv) that lacks Gunicorn. */
function gunicornItself(rc: RuleContext, tb: Traceback, moduleName: string): Diagnosis | undefined {
  if (moduleName.split('.')[0] !== 'gunicorn') return undefined
  return {
    reason: 'missing-dependency',
    summary: `Gunicorn itself is not installed for the Python that runs the ${code('gunicorn')} command (${code(tb.exception.line)}).`,
    evidence: rc.tracebackEvidence(tb),
    remedy: `Install ${code('gunicorn')} in the same environment as the app (its requirements, the same virtualenv), or start it with ${code('python -m gunicorn')} from that Python.`
  }
}

/** The module Gunicorn was told to load (`module:app`) is the one missing: straight from import_app, no app frame between. */
function appModule(rc: RuleContext, tb: Traceback, moduleName: string, hasUserFrame: boolean): Diagnosis | undefined {
  if (hasUserFrame || !tb.frames.some((f) => /gunicorn\/util\.py$/.test(f.file) && f.func === 'import_app')) return undefined
  return {
    reason: 'missing-dependency',
    summary: `Gunicorn cannot import the app module ${code(moduleName)} it was told to load: it is not importable where Gunicorn runs (not copied into the image, another working directory, or installed for another Python).`,
    evidence: rc.tracebackEvidence(tb),
    location: firstLocation(commandLine(rc)),
    remedy: `Check that the image contains ${code(moduleName.replace(/\./g, '/'))} and that Gunicorn starts in its directory (${code('--chdir')}, ${code('WORKDIR')} or ${code('PYTHONPATH')}); an entrypoint script that fails its ${code('cd')} (e.g. CRLF line endings) has the same effect.`
  }
}

/** `entrypoint.sh: line 2: $'\r': command not found`: a shell script saved with CRLF line endings. */
function crlfScript(rc: RuleContext): { script: string; line: string } | undefined {
  for (const line of rc.ctx.lines) {
    const m = /([\w./-]+\.sh): line \d+: .*\$'[^']*\\r'/.exec(line.text)
    if (m) return { script: m[1].split('/').pop()!, line: line.text }
  }
  return undefined
}
