// Imports and dependencies: what Python could not import or compile while Gunicorn loaded the app or its worker class.
import type { SourceLocation } from '../../model.js'
import { frameText, type RuleContext } from '../context.js'
import { WORKER_CLASS_PACKAGES, pipPackageFor } from '../packages.js'
import { commandLine, configSetting, firstLocation } from './locate.js'
import { code, exceptionIs, fileLine, present, where, type DiagnosisRule } from './rule.js'

const WORKER_CLASS_MODULES = Object.keys(WORKER_CLASS_PACKAGES)
const NO_MODULE = /^No module named '([^']+)'/

export const workerClassUnavailable: DiagnosisRule = {
  reason: 'worker-class-unavailable',
  explain(rc) {
    const classError = rc.ofKind('config-error').find((e) => /^class uri /.test(e.message))
    const requires = rc.tracebacks.find((tb) => /^(\w+) worker requires /.test(tb.exception.message))
    const missing = rc.tracebacks.find((tb) => {
      const module = NO_MODULE.exec(tb.exception.message)?.[1]?.split('.')[0]
      return (
        module !== undefined &&
        WORKER_CLASS_MODULES.includes(module) &&
        (classError !== undefined ||
          requires !== undefined ||
          tb.frames.some((f) => /gunicorn\/workers\//.test(f.file)) ||
          isWorkerClassModule(rc, module))
      )
    })
    if (!classError && !requires && !missing) return undefined
    const workerClass = /^class uri '([^']+)'/.exec(classError?.message ?? '')?.[1] ?? rc.ctx.state.workerClass
    const module =
      NO_MODULE.exec(missing?.exception.message ?? '')?.[1]?.split('.')[0] ??
      /^(\w+) worker requires /.exec(requires?.exception.message ?? '')?.[1] ??
      (workerClass ? WORKER_CLASS_MODULES.find((m) => workerClass.toLowerCase().includes(m)) : undefined)
    const pkg = module ? WORKER_CLASS_PACKAGES[module] : undefined
    const requirements = rc.requirementsFile()
    const command = commandLine(rc)
    const className = workerClass ? `the ${code(workerClass)} worker class` : 'the configured worker class'
    return {
      reason: 'worker-class-unavailable',
      summary: `Gunicorn cannot load ${className}: ${pkg ? `the ${code(pkg.pipName)} package` : `module ${code(module ?? '?')}`} is not installed in the image.`,
      evidence: present(classError?.lines[0].text, missing?.exception.line, requires?.exception.line),
      location: firstLocation(configSetting(rc, 'worker_class'), command && /(-k|--worker-class)/.test(command.text) && command),
      remedy: pkg
        ? `Add ${code(pkg.pipName)} to ${requirements ? code(requirements) : 'the image (requirements file)'}${pkg.note ? ` (${pkg.note})` : ''}, or choose a worker class the image has.`
        : `Install the package that provides ${className}, or choose a worker class the image has (e.g. ${code('gthread')}).`
    }
  }
}

function isWorkerClassModule(rc: RuleContext, module: string): boolean {
  const workerClass = rc.ctx.state.workerClass?.toLowerCase() ?? ''
  return workerClass.includes(module)
}

export const syntaxError: DiagnosisRule = {
  reason: 'syntax-error',
  explain(rc) {
    const tb = rc.primaryTraceback((t) => exceptionIs(t, 'SyntaxError', 'IndentationError', 'TabError'))
    if (!tb) return undefined
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
    if (!tb) return undefined
    const moduleName = /^No module named '?([\w.]+)'?/.exec(tb.exception.message)![1]
    const frame = rc.userFrame(tb)
    const { pipName, differs } = pipPackageFor(moduleName)
    const local = rc.localModuleExists(moduleName)
    const requirements = rc.requirementsFile()
    const importedAt = where(frame?.location)
    if (local) {
      return {
        reason: 'missing-dependency',
        summary: `The app imports ${code(moduleName)}${importedAt}, which exists in the repository (${code(local)}) but is not importable in the container.`,
        evidence: rc.tracebackEvidence(tb, frame),
        location: frame?.location,
        remedy: `Check that the Dockerfile copies ${code(local)} and that Gunicorn runs from the right directory (${code('--chdir')}, ${code('WORKDIR')} or ${code('PYTHONPATH')}).`
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
    if (!tb) return undefined
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
