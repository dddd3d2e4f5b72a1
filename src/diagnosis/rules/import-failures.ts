// Imports that fail for a reason outside the failing line: a project module that shadows the one meant, ssl imported
// before gevent patched it, a worker's traceback the log cut before its exception. Rules of the import-error reason;
// their words are here too, so the reason module only dispatches to them.
import { frameText, LIBRARY_PATH } from '../context.js'
import type { Rule } from '../reason.js'
import { importCutInWorker, moduleNotFound, raisedWhileGunicornLoads } from './imports.js'
import { ownPackageOnFrames } from './local-modules.js'
import { sslPatchedLate as sslPatchedLateIn } from './monkey-patch.js'
import { code, fileLine, frameAt } from './rule.js'
import { shadowedModule } from './shadowed-modules.js'

export type ImportFailureFacts =
  | { kind: 'cut-while-loading'; lastFrame: string; at?: string }
  | { kind: 'shadowed-module'; module: string; attribute: string; shadowedBy?: string; usedAt?: string; exceptionLine: string }
  | { kind: 'ssl-patched-late'; exceptionLine: string; at?: string; importedFirst: string[] }
  | { kind: 'raised-at-import'; exceptionLine: string; at?: string; code?: string }
  | { kind: 'own-module-missing'; moduleName: string; packageName: string; folder: string; at?: string }

type Words = { summary: string; remedy: string }

export const sslPatchedLate: Rule<ImportFailureFacts> = {
  stage: 'boot',
  name: 'ssl imported before the gevent worker patched it: a RecursionError in SSLContext',
  detect(rc) {
    const found = sslPatchedLateIn(rc)
    if (!found) return undefined
    const frame = rc.userFrame(found.tb)
    const at = frameAt(frame)
    return {
      facts: { kind: 'ssl-patched-late', exceptionLine: found.tb.exception.line, at, importedFirst: found.importedFirst },
      evidence: [...(found.warning ? [found.warning.slice(0, 300)] : []), ...rc.tracebackEvidence(found.tb, frame)],
      location: frame?.location
    }
  }
}

function sslWords(facts: Extract<ImportFailureFacts, { kind: 'ssl-patched-late' }>): Words {
  const first = facts.importedFirst.length > 0 ? ` (gevent names ${facts.importedFirst.map((m) => code(m)).join(', ')})` : ''
  return {
    summary:
      `${facts.at ? code(facts.at) : 'The app'} configures SSL while Gunicorn imports the app and recurses ` +
      `(${code(facts.exceptionLine)}): ssl was imported before the gevent worker monkey-patched it${first}.`,
    remedy:
      'Import nothing that imports ssl before the worker patches it: not in gunicorn.conf.py (its logging setup, server ' +
      `hooks), not with ${code('--preload')}; or patch first, with ${code('from gevent import monkey; monkey.patch_all()')} ` +
      'at the top of gunicorn.conf.py.'
  }
}

export const shadowed: Rule<ImportFailureFacts> = {
  stage: 'boot',
  name: 'a project module shadows the module the code meant (the standard library one)',
  detect(rc) {
    const found = shadowedModule(rc)
    if (!found) return undefined
    const { tb, module, attribute, shadowedBy, usedAt, frame } = found
    return {
      facts: { kind: 'shadowed-module', module, attribute, shadowedBy, usedAt, exceptionLine: tb.exception.line },
      evidence: rc.tracebackEvidence(tb, frame),
      location: frame?.location
    }
  }
}

function shadowedWords(facts: Extract<ImportFailureFacts, { kind: 'shadowed-module' }>): Words {
  const module = code(facts.module)
  const by = facts.shadowedBy ? ` (${code(facts.shadowedBy)})` : ''
  const used = facts.usedAt ? `${code(facts.usedAt)} uses ${code(`${facts.module}.${facts.attribute}`)}` : `The code uses ${code(facts.attribute)}`
  return {
    summary:
      `${used}, and the ${module} Python imported has no such name (${code(facts.exceptionLine)}): a module or package ` +
      `named ${module} in the project${by} is found first and shadows the real one.`,
    remedy:
      `Rename the project's ${module}${by} and the imports of it, so that ${code(`import ${facts.module}`)} finds the real ` +
      `module again; remove its stale ${code('.pyc')} files and ${code('__pycache__')} too.`
  }
}

/** The worker's traceback is cut before its exception: the frames show the app's import raised, not what. */
export const cutWhileLoading: Rule<ImportFailureFacts> = {
  stage: 'boot',
  name: "a worker's traceback cut inside Gunicorn's loading of the app",
  detect(rc) {
    const cut = importCutInWorker(rc)
    if (!cut) return undefined
    const last = cut.frames[cut.frames.length - 1]
    const user = rc.userFrame(cut)
    const at = user?.location ? fileLine(user.location) : user ? `${user.frame.file}:${user.frame.line}` : undefined
    const failedLine = rc.ofKind('worker-exception').find((e) => e.pid === cut.pid)?.lines[0].text
    return {
      facts: { kind: 'cut-while-loading', lastFrame: `${last.func ?? '?'} (${last.file.split('/').slice(-2).join('/')}:${last.line})`, at },
      evidence: [...(failedLine ? [failedLine] : []), ...frameText(last)],
      location: user?.location
    }
  }
}

function cutWords({ lastFrame, at }: Extract<ImportFailureFacts, { kind: 'cut-while-loading' }>): Words {
  const reached = at ? `the app's own ${code(at)}` : `Gunicorn's ${code(lastFrame)}`
  return {
    summary:
      `A worker failed while Gunicorn imported the app (${code('Exception in worker process')}), but the log ends inside ` +
      `its traceback at ${reached}, before the exception line that names the cause.`,
    remedy:
      "Read the worker's whole traceback (its last line names the exception): run the import in the image " +
      `(${code('python -c "import <module>"')} with the module of the app spec) or keep the full log of the failed start.`
  }
}

// Exceptions other reasons read (a module, the syntax, the process's end), and Python's own for a missing name; and
// the system's and the network's (a file, a socket, a terminal gone, a server's answer): there the line is not the cause.
const READ_ELSEWHERE = new RegExp(
  String.raw`(?:^|\.)(?:ImportError|ModuleNotFoundError|SyntaxError|IndentationError|TabError|SystemExit|KeyboardInterrupt|MemoryError|NameError|` +
    String.raw`AttributeError|(?:OS|IO|Environment|Connection\w*|Timeout|BrokenPipe|Permission|FileNotFound|HTTP|URL|SSL|Socket)Error|gaierror|herror)$`
)

/**
 * Module-level code of the app raised while Gunicorn imported it (`settings.py:124`, `TypeError: unsupported operand
 * …`), itself or in a library it called there (Flask's `Working outside of application context`): whatever the
 * exception, the app's own line is where it fails, and no other reason read the message.
 */
export const raisedByModuleCode: Rule<ImportFailureFacts> = {
  stage: 'boot',
  name: "the app's module-level code raised while Gunicorn imported it",
  detect(rc) {
    const tb = rc.primaryTraceback(
      (t) =>
        !READ_ELSEWHERE.test(t.exception.type) &&
        raisedWhileGunicornLoads(t) &&
        rc.userFrame(t) !== undefined &&
        t.frames.some((f) => f.func === '<module>' && !LIBRARY_PATH.test(f.file))
    )
    const frame = tb && rc.userFrame(tb)!
    // The app's own `raise` is its verdict on its surroundings (`search index missing: run …`), not a line to fix.
    if (!tb || !frame || (frame.frame === tb.frames[tb.frames.length - 1] && /^raise\b/.test(frame.frame.code?.trim() ?? ''))) return undefined
    // A message printed on the lines below (NLTK's, under a rule of stars) is the exception's all the same.
    const below = () =>
      rc
        .exceptionText(tb)
        .replace(/\*{3,}/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
    const message = /\w/.test(tb.exception.message) ? tb.exception.message : below()
    const exceptionLine = `${tb.exception.type}: ${message}`
    return {
      facts: { kind: 'raised-at-import', exceptionLine, at: frameAt(frame), code: frame.frame.code?.trim() },
      evidence: rc.tracebackEvidence(tb, frame),
      location: frame.location
    }
  }
}

function raisedWords({ exceptionLine, at, code: line }: Extract<ImportFailureFacts, { kind: 'raised-at-import' }>): Words {
  const where = at ? code(at) : "The app's module-level code"
  return {
    summary:
      `${where} raises ${code(exceptionLine.slice(0, 200))} while Gunicorn imports the app` +
      `${line ? `, at ${code(line.slice(0, 120))}` : ''}: the module fails before the app exists, so no worker boots.`,
    remedy:
      `Fix the line at ${where}; ${code('python -c "import <module>"')} in the image (the module of the app spec) ` +
      'reproduces it without Gunicorn.'
  }
}

/** `No module named 'src.routes.vacaciones'` where `src` is the folder the app's own frames run from. */
export const ownModuleMissing: Rule<ImportFailureFacts> = {
  stage: 'boot',
  name: "the missing module is in the app's own package, as its frames show",
  detect(rc) {
    const found = moduleNotFound(rc)
    const own = found && ownPackageOnFrames(found.tb, found.moduleName)
    if (!found || !own) return undefined
    const frame = rc.userFrame(found.tb)
    return {
      facts: { kind: 'own-module-missing', moduleName: found.moduleName, ...own, at: frameAt(frame) },
      evidence: rc.tracebackEvidence(found.tb, frame),
      location: frame?.location
    }
  }
}

function ownModuleWords({ moduleName, packageName, folder, at }: Extract<ImportFailureFacts, { kind: 'own-module-missing' }>): Words {
  const file = `${moduleName.replace(/\./g, '/')}.py`
  return {
    summary:
      `${at ? code(at) : 'The app'} imports ${code(moduleName)}, a module of the app's own package ${code(packageName)} ` +
      `(its code runs from ${code(folder)}), and the image has no such module.`,
    remedy:
      `Correct the import to a module ${code(packageName)} holds, or add ${code(file)} to the repository and check that the image ` +
      `copies it (a ${code('.dockerignore')} entry or a ${code('COPY')} that leaves it out); it is your own package, so no requirement installs it.`
  }
}

export function importFailureWords(facts: ImportFailureFacts): Words {
  switch (facts.kind) {
    case 'own-module-missing':
      return ownModuleWords(facts)
    case 'raised-at-import':
      return raisedWords(facts)
    case 'cut-while-loading':
      return cutWords(facts)
    case 'shadowed-module':
      return shadowedWords(facts)
    case 'ssl-patched-late':
      return sslWords(facts)
  }
}
