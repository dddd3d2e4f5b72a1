// An import that finds the module but not the name (a version mismatch, a circular import, a typo in the app's own
// module), or module-level code raising NameError/AttributeError while Gunicorn imports the app; a library whose
// error names the release of itself the code needs (protobuf's `Downgrade the protobuf package to 3.20.x`).
import { defineReason, type Rule } from '../reason.js'
import { relativeImportWithoutPackage, relativeImportWords, type RelativeImportFacts } from '../rules/relative-imports.js'
import { versionAdvice, versionAdviceWords, type VersionAdviceFacts } from '../rules/version-advice.js'
import type { RuleContext, UserFrame } from '../context.js'
import { pipPackageFor } from '../packages.js'
import { closestName } from '../closest.js'
import { cannotImportName, definedNames, missingName, moduleNotFound, raisedAtImport, type MissingName } from '../rules/imports.js'
import { closestLocalModule, missingLocalSubmodule, type LocalNeighbour, type MissingSubmodule } from '../rules/local-modules.js'
import { exceptionIs } from '../rules/rule.js'
import {
  cutWhileLoading,
  importFailureWords,
  ownModuleMissing,
  raisedByModuleCode,
  shadowed,
  sslPatchedLate,
  type ImportFailureFacts
} from '../rules/import-failures.js'
import { code, fileLine, where } from '../words.js'
import type { SourceLocation } from '../../core/model.js'

/** `from <fromModule> import <name>` failed; importedAt is the user's line that imports it. */
interface CannotImport {
  name: string
  fromModule?: string
  importedAt?: SourceLocation
}

type Facts =
  | (CannotImport & { kind: 'circular-import' })
  | (CannotImport & { kind: 'not-defined'; ownFile: string; didYouMean?: string })
  | (CannotImport & { kind: 'not-provided'; pipName: string })
  | { kind: 'wrong-package'; exceptionLine: string; module: string; name: string; at?: string }
  | { kind: 'undefined-name'; exceptionLine: string; at?: string }
  | (Misspelled & { kind: 'misspelled' })
  | { kind: 'misspelled-module'; moduleName: string; local: LocalNeighbour; importedAt?: SourceLocation }
  | { kind: 'no-such-local-module'; moduleName: string; submodule: MissingSubmodule; importedAt?: SourceLocation }
  | VersionAdviceFacts
  | ImportFailureFacts
  | RelativeImportFacts

/** A name that does not exist where it is used, and the one Python (or the user's own file) says was meant. */
interface Misspelled {
  usage: MissingName['usage'] | 'import'
  name: string
  suggestion: string
  /** `module 'redis'`, `'Flask' object`, or the module an import reads from. */
  owner?: string
  /** Python printed the suggestion; else it is the closest name the user's file defines. */
  byPython: boolean
  at?: string
  exceptionLine: string
  /** Other lines of the same file that use the misspelled name: the fix is on each. */
  alsoOn: number[]
}

/** The facts of a misspelled name used at a frame, with the file's other lines that use it. */
function misspelled(rc: RuleContext, frame: UserFrame | undefined, found: Omit<Misspelled, 'at' | 'alsoOn'>): Facts {
  const location = frame?.location
  const word = new RegExp(`\\b${found.name}\\b`)
  const lines = location ? (rc.repo.read(location.file)?.split('\n') ?? []) : []
  const alsoOn = lines.flatMap((text, index) => (index + 1 !== location?.line && word.test(text) ? [index + 1] : []))
  const at = location ? fileLine(location) : frame ? `${frame.frame.file}:${frame.frame.line}` : undefined
  return { kind: 'misspelled', ...found, at, alsoOn }
}

/** The repository file Python read the module from (as the message shows it, else the module's own file). */
function ownFile(rc: RuleContext, fromModule: string | undefined, fromFile: string | undefined): string | undefined {
  if (fromFile) return rc.mapContainerPath(fromFile)
  return fromModule ? rc.moduleFile(fromModule) : undefined
}

const cannotImport: Rule<Facts> = {
  stage: 'boot',
  name: '`cannot import name`: the module does not have the name',
  detect(rc) {
    const tb = rc.primaryTraceback((t) => exceptionIs(t, 'ImportError') && /cannot import name/.test(t.exception.message))
    if (!tb) return undefined
    const { message } = tb.exception
    const { name, fromModule, fromFile } = cannotImportName(message)
    const frame = rc.userFrame(tb)
    const base: CannotImport = { name, fromModule, importedAt: frame?.location }
    const file = ownFile(rc, fromModule, fromFile)
    const didYouMean = /Did you mean: '([^']+)'/.exec(message)?.[1]
    const facts: Facts = /partially initialized module|circular import/.test(message)
      ? { ...base, kind: 'circular-import' }
      : file
        ? { ...base, kind: 'not-defined', ownFile: file, didYouMean }
        : didYouMean
          ? misspelled(rc, frame, {
              usage: 'import',
              name,
              suggestion: didYouMean,
              owner: fromModule,
              byPython: true,
              exceptionLine: tb.exception.line
            })
          : { ...base, kind: 'not-provided', pipName: pipPackageFor(fromModule ?? name).pipName }
    return { facts, evidence: rc.tracebackEvidence(tb, frame), location: frame?.location }
  }
}

const nameMissingAtImport: Rule<Facts> = {
  stage: 'boot',
  name: 'module-level code raises NameError or AttributeError while Gunicorn imports the app',
  detect(rc) {
    const tb = raisedAtImport(rc)
    if (!tb) return undefined
    const frame = rc.userFrame(tb)
    const at = frame?.location ? fileLine(frame.location) : frame ? `${frame.frame.file}:${frame.frame.line}` : undefined
    const missing = missingName(tb.exception.message)
    const exceptionLine = tb.exception.line
    const suggestion = missing?.suggestion ?? (missing?.usage === 'name' ? closestDefined(rc, frame?.location?.file, missing.name) : undefined)
    const facts: Facts =
      missing && suggestion
        ? misspelled(rc, frame, {
            usage: missing.usage,
            name: missing.name,
            suggestion,
            owner: missing.module ?? missing.owner,
            byPython: Boolean(missing.suggestion),
            exceptionLine
          })
        : missing?.module
          ? { kind: 'wrong-package', exceptionLine, module: missing.module, name: missing.name, at }
          : { kind: 'undefined-name', exceptionLine, at }
    return { facts, evidence: rc.tracebackEvidence(tb, frame), location: frame?.location }
  }
}

/** The closest name the user's file defines to one it uses undefined (Python 3.11 logs print no suggestion). */
function closestDefined(rc: RuleContext, file: string | undefined, name: string): string | undefined {
  const source = file ? rc.repo.read(file) : undefined
  return source === undefined ? undefined : closestName(name, definedNames(source))
}

const misspelledModule: Rule<Facts> = {
  stage: 'boot',
  name: 'the missing module is one typo away from a module of the repository',
  detect(rc) {
    const found = moduleNotFound(rc)
    const absent = found && (!rc.localModuleExists(found.moduleName) || missingLocalSubmodule(rc, found.moduleName))
    const local = found && absent ? closestLocalModule(rc, found.moduleName) : undefined
    if (!found || !local) return undefined
    const frame = rc.userFrame(found.tb)
    return {
      facts: { kind: 'misspelled-module', moduleName: found.moduleName, local, importedAt: frame?.location },
      evidence: rc.tracebackEvidence(found.tb, frame),
      location: frame?.location
    }
  }
}

const noSuchLocalModule: Rule<Facts> = {
  stage: 'boot',
  name: "the missing module is in the repository's own package, which does not hold it",
  detect(rc) {
    const found = moduleNotFound(rc)
    const submodule = found && missingLocalSubmodule(rc, found.moduleName)
    if (!found || !submodule) return undefined
    const frame = rc.userFrame(found.tb)
    return {
      facts: { kind: 'no-such-local-module', moduleName: found.moduleName, submodule, importedAt: frame?.location },
      evidence: rc.tracebackEvidence(found.tb, frame),
      location: frame?.location
    }
  }
}

function noSuchLocalModuleWords({ moduleName, submodule, importedAt }: Extract<Facts, { kind: 'no-such-local-module' }>): {
  summary: string
  remedy: string
} {
  const holds = submodule.has.length > 0 ? ` (it holds ${submodule.has.map((name) => code(name)).join(', ')})` : ''
  return {
    summary:
      `The app imports ${code(moduleName)}${where(importedAt)}, but the repository's ${code(`${submodule.packagePath}/`)} ` +
      `has no module ${code(submodule.missing)}${holds}.`,
    remedy:
      `Correct the import to a module ${code(`${submodule.packagePath}/`)} holds, or add ${code(`${submodule.packagePath}/${submodule.missing}.py`)} ` +
      'to the repository; it is your own package, so no requirement installs it.'
  }
}

function cannotImportWords(facts: Extract<Facts, { kind: 'circular-import' | 'not-defined' | 'not-provided' }>): { summary: string; remedy: string } {
  const imports = `${facts.importedAt ? `${code(fileLine(facts.importedAt))} imports` : 'The app imports'} ${code(facts.name)}`
  const from = code(facts.fromModule ?? '?')
  switch (facts.kind) {
    case 'circular-import':
      return {
        summary: `${imports} from ${from} during a circular import (the module is only partially initialized).`,
        remedy: 'Break the cycle: move the shared code into its own module, or import inside the function that needs it.'
      }
    case 'not-defined':
      return {
        summary: `${imports} from ${from}, but ${code(facts.ownFile)} does not define it.`,
        remedy: facts.didYouMean
          ? `Import ${code(facts.didYouMean)}, which ${code(facts.ownFile)} defines, or define ${code(facts.name)} there.`
          : `Define ${code(facts.name)} in ${code(facts.ownFile)} or import the name it actually has.`
      }
    case 'not-provided':
      return {
        summary: `${imports} from ${from}, which the installed version of ${code((facts.fromModule ?? '?').split('.')[0])} does not provide.`,
        remedy:
          `Check the spelling of ${code(facts.name)}; else pin the version of ${code(facts.pipName)} that still provides it ` +
          'in the requirements, or update the import for the installed version.'
      }
  }
}

const alsoOn = (lines: number[]) =>
  lines.length === 0 ? '' : ` and on ${lines.length === 1 ? 'line' : 'lines'} ${lines.join(', ')} of the same file`

function misspelledWords(facts: Extract<Facts, { kind: 'misspelled' }>): { summary: string; remedy: string } {
  const subject = facts.at ? code(facts.at) : 'The app'
  const what =
    facts.usage === 'import'
      ? `imports ${code(facts.name)} from ${code(facts.owner ?? '?')}, which has no such name`
      : facts.usage === 'attribute'
        ? `uses ${code(facts.name)}, which ${facts.owner ? code(facts.owner) : 'the object'} does not have`
        : `uses the name ${code(facts.name)}, which is not defined`
  const hint = facts.byPython ? `Python suggests ${code(facts.suggestion)}` : `the file defines ${code(facts.suggestion)}`
  return {
    summary: `${subject} ${what}: the name is misspelled (${hint}; ${code(facts.exceptionLine)}).`,
    remedy: `Write ${code(facts.suggestion)} instead of ${code(facts.name)}${facts.at ? ` at ${code(facts.at)}` : ''}${alsoOn(facts.alsoOn)}.`
  }
}

function moduleTypoWords(facts: Extract<Facts, { kind: 'misspelled-module' }>): { summary: string; remedy: string } {
  return {
    summary:
      `The app imports ${code(facts.moduleName)}${where(facts.importedAt)}, which does not exist; the repository has ` +
      `${code(facts.local.name)} (${code(facts.local.path)}), one typo away.`,
    remedy:
      `Correct the name to ${code(facts.local.name)} where it is imported; do not add ${code(facts.moduleName)} to the ` +
      'requirements (a package of that name on PyPI would not be your code).'
  }
}

function raisedWords(facts: Extract<Facts, { kind: 'wrong-package' | 'undefined-name' }>): { summary: string; remedy: string } {
  const raises = `${facts.at ? code(facts.at) : 'The app'} raises ${code(facts.exceptionLine)} while Gunicorn imports the app`
  if (facts.kind === 'wrong-package') {
    return {
      summary:
        `${raises}: ${code(facts.name)} is misspelled, or the installed ${code(facts.module)} is not the package the code ` +
        'expects (another version, or a different package of that name).',
      remedy:
        `Check the spelling of ${code(facts.name)} against ${code(facts.module)}'s documentation; else install the ` +
        `${code(facts.module)} the code was written for (its name and version in the requirements), or update the code for it.`
    }
  }
  return {
    summary: `${raises}.`,
    remedy: `Define the name before it is used at ${code(facts.at ?? 'module level')} (a typo, a missing import, or code that only runs in development).`
  }
}

export default defineReason({
  id: 'import-error',
  title: 'Import error',
  headline: 'import error',
  namesCulprit: true,
  readme:
    '`ImportError: cannot import name …` (version mismatch, circular import), or a ' +
    '`NameError`/`AttributeError` (or any exception no other reason reads) raised by module-level code while Gunicorn imports the app, ' +
    'named with its line; a project module that ' +
    "shadows the standard library's (`platform.py`), ssl imported before gevent patched it (`RecursionError`), " +
    "a worker's traceback cut inside the app's import; a library whose error names the release the code needs (protobuf's " +
    '`Descriptors cannot be created directly`: the pin it gives)',
  fixtures: [
    { path: '__fixtures__/apps/fail-import-error', test: '__tests__/diagnosis.itg.ts' },
    { path: '__fixtures__/apps/fail-misspelled-name', test: '__tests__/issue25-diagnosis.itg.ts' },
    { path: '__fixtures__/apps/fail-shadowed-module', test: '__tests__/diagnosis.itg.ts' }
  ],
  rules: [
    misspelledModule,
    noSuchLocalModule,
    ownModuleMissing,
    cannotImport,
    relativeImportWithoutPackage,
    versionAdvice,
    shadowed,
    sslPatchedLate,
    nameMissingAtImport,
    raisedByModuleCode,
    cutWhileLoading
  ],
  words: (facts) => {
    switch (facts.kind) {
      case 'misspelled':
        return misspelledWords(facts)
      case 'misspelled-module':
        return moduleTypoWords(facts)
      case 'no-such-local-module':
        return noSuchLocalModuleWords(facts)
      case 'version-advice':
        return versionAdviceWords(facts)
      case 'relative-import':
        return relativeImportWords(facts)
      case 'wrong-package':
      case 'undefined-name':
        return raisedWords(facts)
      case 'cut-while-loading':
      case 'shadowed-module':
      case 'ssl-patched-late':
      case 'raised-at-import':
      case 'own-module-missing':
        return importFailureWords(facts)
      default:
        return cannotImportWords(facts)
    }
  }
})
