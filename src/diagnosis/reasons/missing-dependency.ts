// A module the app (or Gunicorn itself) imports is not installed in the image, or not importable where Gunicorn runs.
import { defineReason, type Finding, type Rule } from '../reason.js'
import { frameText, type RuleContext, type Traceback } from '../context.js'
import { pipPackageFor } from '../packages.js'
import { crlfScript, importCutShort, moduleNotFound, requirementsIn } from '../rules/imports.js'
import { closestLocalModule, missingLocalSubmodule, ownPackageOnFrames } from '../rules/local-modules.js'
import { gunicornNotFoundByShell, gunicornNotInstalled, startWords, type StartFacts } from '../rules/start-failures.js'
import { code, present, where } from '../words.js'
import { removalIn } from '../removals.js'
import { sharedLibraryWords, missingSharedLibrary, type MissingSharedLibrary } from '../rules/shared-libraries.js'
import { packageHint } from '../rules/package-hints.js'
import type { SourceLocation } from '../../core/model.js'

type BootFacts =
  | { kind: 'gunicorn-missing'; exceptionLine: string }
  | { kind: 'gunicorn-broken'; exceptionLine: string; raisedAt: string }
  | { kind: 'local-not-importable'; moduleName: string; local: string; importedAt?: SourceLocation }
  | { kind: 'crlf-script'; moduleName: string; script: string; scriptLine: string }
  | {
      kind: 'not-installed'
      moduleName: string
      pipName: string
      differs: boolean
      requirements?: string
      importedAt?: SourceLocation
      /** A library's own sentence naming the package it needs (`Couldn't import Django`). */
      said?: string
    }
  | { kind: 'import-cut-short'; module: string; what: string; instead: string; requirements?: string }
  | { kind: 'removed'; moduleName: string; removedBy: string; fix: string; importedAt?: SourceLocation }
  | ({ kind: 'shared-library'; importedAt?: SourceLocation } & Omit<MissingSharedLibrary, 'line'>)

type Facts = StartFacts | BootFacts

const gunicornItself: Rule<Facts> = {
  stage: 'boot',
  name: "`No module named 'gunicorn'`: the gunicorn script runs under a Python that lacks Gunicorn",
  detect(rc) {
    const found = moduleNotFound(rc)
    if (!found || found.moduleName.split('.')[0] !== 'gunicorn' || rc.localModuleExists(found.moduleName)) return undefined
    return { facts: { kind: 'gunicorn-missing', exceptionLine: found.tb.exception.line }, evidence: rc.tracebackEvidence(found.tb) }
  }
}

const localNotImportable: Rule<Facts> = {
  stage: 'boot',
  name: 'the missing module is in the repository but not importable in the container',
  detect(rc) {
    const found = moduleNotFound(rc)
    const local = found && rc.localModuleExists(found.moduleName)
    // A package of the repository that lacks the module is a wrong name (import-error), not an import path to fix.
    if (!found || !local || missingLocalSubmodule(rc, found.moduleName)) return undefined
    const frame = rc.userFrame(found.tb)
    return {
      facts: { kind: 'local-not-importable', moduleName: found.moduleName, local, importedAt: frame?.location },
      evidence: rc.tracebackEvidence(found.tb, frame),
      location: frame?.location
    }
  }
}

// Tried after the rules above: a CRLF script explains a missing module only when nothing closer does.
const crlfEntrypoint: Rule<Facts> = {
  stage: 'boot',
  name: 'a CRLF shell script failed its commands before Gunicorn started',
  detect(rc) {
    const found = moduleNotFound(rc)
    const crlf = found && crlfScript(rc)
    if (!found || !crlf) return undefined
    const frame = rc.userFrame(found.tb)
    return {
      facts: { kind: 'crlf-script', moduleName: found.moduleName, script: crlf.script, scriptLine: crlf.line },
      evidence: [crlf.line, ...rc.tracebackEvidence(found.tb, frame)],
      location: frame?.location
    }
  }
}

/** A module the ecosystem removed (pkg_resources, distutils, imp, cgi, …): not a requirement to add (removals.ts). */
const removedModule: Rule<Facts> = {
  stage: 'boot',
  name: 'the imported module was removed from Python or its package',
  detect(rc) {
    const found = moduleNotFound(rc)
    const removal = found ? removalIn(found.tb.exception.line) : undefined
    if (!found || !removal) return undefined
    const frame = rc.userFrame(found.tb)
    return {
      facts: { kind: 'removed', moduleName: found.moduleName, removedBy: removal.removedBy, fix: removal.fix, importedAt: frame?.location },
      evidence: rc.tracebackEvidence(found.tb, frame),
      location: frame?.location
    }
  }
}

// Tried after the rules above, which explain the same traceback better. A module one typo away from one of the
// repository's is a typo (import-error), never a package to install.
const notInstalled: Rule<Facts> = {
  stage: 'boot',
  name: 'the imported module is not installed in the image',
  detect(rc) {
    const found = moduleNotFound(rc)
    if (!found || closestLocalModule(rc, found.moduleName) || missingLocalSubmodule(rc, found.moduleName)) return undefined
    if (ownPackageOnFrames(found.tb, found.moduleName)) return undefined
    // The library's own sentence at the end of the chain, when it names this module (`Error loading psycopg2 or psycopg module`).
    const said = packageHint(rc)?.said
    const names = said !== undefined && new RegExp(`\\b${found.moduleName.replace(/\./g, '\\.')}\\b`).test(said)
    return notInstalledFinding(rc, found.tb, found.moduleName, pipPackageFor(found.moduleName), names ? said : undefined)
  }
}

/** The package to add, where the app (or the library that said so) imports it. */
function notInstalledFinding(
  rc: RuleContext,
  tb: Traceback,
  moduleName: string,
  { pipName, differs }: { pipName: string; differs: boolean },
  said?: string
): Finding<Facts> {
  const frame = rc.userFrame(tb)
  return {
    facts: { kind: 'not-installed', moduleName, pipName, differs, requirements: rc.requirementsFile(), importedAt: frame?.location, said },
    evidence: rc.tracebackEvidence(tb, frame),
    location: frame?.location
  }
}

const sharedLibrary: Rule<Facts> = {
  stage: 'boot',
  name: 'a system library a compiled module needs is not in the image',
  detect(rc) {
    const found = missingSharedLibrary(rc)
    if (!found) return undefined
    const { line, ...facts } = found
    const frame = rc.userFrame(rc.primaryTraceback())
    return {
      facts: { kind: 'shared-library', ...facts, importedAt: frame?.location },
      evidence: present(...(frame?.text ?? []), line.text.trim(), rc.gunicornOutcomeLine()),
      location: frame?.location
    }
  }
}

const namedByLibrary: Rule<Facts> = {
  stage: 'boot',
  name: 'a library names the package it needs',
  detect(rc) {
    const found = packageHint(rc)
    if (!found) return undefined
    const pip = found.pipName ? { pipName: found.pipName, differs: false } : pipPackageFor(found.moduleName)
    return notInstalledFinding(rc, found.tb, found.moduleName, pip, found.said)
  }
}

const cutShort: Rule<Facts> = {
  stage: 'boot',
  name: 'the log ends inside the import of a known optional module',
  detect(rc) {
    const cut = importCutShort(rc)
    if (!cut) return undefined
    const { module, what, instead } = cut.site
    return {
      facts: { kind: 'import-cut-short', module, what, instead, requirements: rc.requirementsFile() },
      evidence: [...frameText(cut.frame), ...present(rc.gunicornOutcomeLine())]
    }
  }
}

/** ` (pip package `mysqlclient`)` where the import name (`MySQLdb`) is not the package's. */
const pipNameIfOther = (facts: { differs: boolean; pipName: string }) => (facts.differs ? ` (pip package ${code(facts.pipName)})` : '')

const RUN_DIRECTORY = `(${code('--chdir')}, ${code('WORKDIR')} or ${code('PYTHONPATH')})`

/** Gunicorn's console script importing Gunicorn's own modules, each at module level: no app or setting is read yet. */
const importingGunicorn = (tb: Traceback): boolean =>
  /\/bin\/gunicorn$/.test(tb.frames[0]?.file ?? '') &&
  tb.frames.length > 1 &&
  tb.frames.every((f) => f.func === '<module>' && (f === tb.frames[0] || /\/gunicorn\/[\w/]+\.py$/.test(f.file)))

/** Gunicorn's own module raised while Gunicorn was imported (20.0.0's `OSError: libc not found` on Alpine). */
const gunicornBroken: Rule<Facts> = {
  stage: 'boot',
  name: "Gunicorn's own module raised while Gunicorn was imported",
  detect(rc) {
    const tb = rc.primaryTraceback((t) => importingGunicorn(t) && !/^(?:ModuleNotFound|Import)Error$/.test(t.exception.type))
    const inner = tb?.frames[tb.frames.length - 1]
    if (!tb || !inner) return undefined
    const raisedAt = `${inner.file.replace(/^.*\/(?=gunicorn\/)/, '')}:${inner.line}`
    return { facts: { kind: 'gunicorn-broken', exceptionLine: tb.exception.line, raisedAt }, evidence: rc.tracebackEvidence(tb) }
  }
}

function gunicornBrokenWords({ raisedAt, exceptionLine }: Extract<BootFacts, { kind: 'gunicorn-broken' }>): { summary: string; remedy: string } {
  return {
    summary:
      `Gunicorn itself fails to import in this image: its own ${code(raisedAt)} raised ${code(exceptionLine)} ` +
      'before it read any configuration, so the installed Gunicorn release does not run here.',
    remedy:
      `Upgrade Gunicorn (import-time bugs are fixed in point releases) or pin the release that last worked, in ${code('requirements.txt')} ` +
      "or the project's lock file."
  }
}

function bootWords(facts: BootFacts): { summary: string; remedy: string } {
  switch (facts.kind) {
    case 'gunicorn-missing':
      return {
        summary: `Gunicorn itself is not installed for the Python that runs the ${code('gunicorn')} command (${code(facts.exceptionLine)}).`,
        remedy:
          `Install ${code('gunicorn')} in the same environment as the app (its requirements, the same virtualenv), ` +
          `or start it with ${code('python -m gunicorn')} from that Python.`
      }
    case 'gunicorn-broken':
      return gunicornBrokenWords(facts)
    case 'local-not-importable':
      return {
        summary:
          `The app imports ${code(facts.moduleName)}${where(facts.importedAt)}, which exists in the repository ` +
          `(${code(facts.local)}) but is not importable in the container.`,
        remedy: `Check that the Dockerfile copies ${code(facts.local)} and that Gunicorn runs from the right directory ${RUN_DIRECTORY}.`
      }
    case 'crlf-script':
      return {
        summary:
          `The app module ${code(facts.moduleName)} is not importable because ${code(facts.script)} has Windows (CRLF) line ` +
          `endings: its commands (a ${code('cd')}, an ${code('export')}) failed before Gunicorn started (${code(facts.scriptLine.trim())}).`,
        remedy: `Convert ${code(facts.script)} to LF line endings (${code('dos2unix')}, or ${code('*.sh text eol=lf')} in .gitattributes) and rebuild.`
      }
    case 'not-installed': {
      const differs = facts.differs ? ` (the import name ${code(facts.moduleName.split('.')[0])} differs from the package name)` : ''
      return {
        summary: facts.said
          ? `The app needs ${code(facts.pipName)}${where(facts.importedAt)}, which is not installed in the image: ${code(facts.said.slice(0, 200))}.`
          : `The app imports ${code(facts.moduleName)}${where(facts.importedAt)}${pipNameIfOther(facts)}, which is not installed in the image.`,
        remedy:
          `Add ${code(facts.pipName)} to ${requirementsIn(facts.requirements)}${differs}` +
          (facts.said && /\bmoved\b/.test(facts.said) ? ', and import from it what the message says moved there.' : '.')
      }
    }
    case 'removed':
      return {
        summary: `The app imports ${code(facts.moduleName)}${where(facts.importedAt)}, which ${facts.removedBy}.`,
        remedy: facts.fix
      }
    case 'shared-library':
      return sharedLibraryWords(facts)
    case 'import-cut-short':
      return {
        summary:
          `A worker failed importing ${facts.what}: ${code(facts.module)} is not installed in the image ` + '(the log ends inside that import).',
        remedy: `Add ${code(facts.module)} to ${requirementsIn(facts.requirements)}, ${facts.instead}.`
      }
  }
}

export default defineReason({
  id: 'missing-dependency',
  title: 'Missing dependency',
  headline: 'missing dependency',
  namesCulprit: true,
  readme:
    '`ModuleNotFoundError`, with the pip package name where it differs from the import name; Gunicorn itself failing to import in the image; ' +
    'a module the ecosystem removed ' +
    '(`pkg_resources` in setuptools 82, `distutils`/`imp` in Python 3.12, `cgi`/`telnetlib` in 3.13, `uvicorn.workers`) named with its fix; ' +
    'a system library a compiled module needs (`libGL.so.1: cannot open shared object file`): the Debian package that provides it ' +
    "(Alpine's for musl's `Error loading shared library`), or a glibc older than a wheel was built for (`GLIBC_2.34' not found`)",
  fixtures: [
    { path: '__fixtures__/apps/fail-missing-dependency', test: '__tests__/diagnosis.itg.ts' },
    { path: '__fixtures__/apps/fail-json-logs', test: '__tests__/diagnosis.itg.ts' },
    { path: '__fixtures__/apps/fail-missing-shared-library', test: '__tests__/diagnosis.itg.ts' }
  ],
  // The start rule first: `docker run` failing on a missing gunicorn executable.
  rules: [
    gunicornNotInstalled,
    gunicornNotFoundByShell,
    gunicornItself,
    gunicornBroken,
    localNotImportable,
    crlfEntrypoint,
    removedModule,
    notInstalled,
    namedByLibrary,
    sharedLibrary,
    cutShort
  ],
  words: (facts: Facts) => {
    switch (facts.kind) {
      case 'executable-missing':
      case 'network-missing':
      case 'start-failed':
        return startWords(facts)
      default:
        return bootWords(facts)
    }
  }
})
