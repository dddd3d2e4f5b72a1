// An import that finds the module but not the name (a version mismatch, a circular import, a typo in the app's own
// module), or module-level code raising NameError/AttributeError while Gunicorn imports the app.
import { defineReason, type Rule } from '../reason.js'
import type { RuleContext } from '../context.js'
import { pipPackageFor } from '../packages.js'
import { cannotImportName, raisedAtImport } from '../rules/imports.js'
import { exceptionIs } from '../rules/rule.js'
import { code, fileLine } from '../words.js'
import type { SourceLocation } from '../../model.js'

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
  | { kind: 'wrong-package'; exceptionLine: string; module: string; at?: string }
  | { kind: 'undefined-name'; exceptionLine: string; at?: string }

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
    const facts: Facts = /partially initialized module|circular import/.test(message)
      ? { ...base, kind: 'circular-import' }
      : file
        ? { ...base, kind: 'not-defined', ownFile: file, didYouMean: /Did you mean: '([^']+)'/.exec(message)?.[1] }
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
    const module = /^module '([^']+)' has no attribute '([^']+)'/.exec(tb.exception.message)?.[1]
    const facts: Facts = module
      ? { kind: 'wrong-package', exceptionLine: tb.exception.line, module, at }
      : { kind: 'undefined-name', exceptionLine: tb.exception.line, at }
    return { facts, evidence: rc.tracebackEvidence(tb, frame), location: frame?.location }
  }
}

function cannotImportWords(facts: Extract<Facts, CannotImport>): { summary: string; remedy: string } {
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
          `Pin the version of ${code(facts.pipName)} that still provides ${code(facts.name)} in the requirements, ` +
          'or update the import for the installed version.'
      }
  }
}

function raisedWords(facts: Exclude<Facts, CannotImport>): { summary: string; remedy: string } {
  const raises = `${facts.at ? code(facts.at) : 'The app'} raises ${code(facts.exceptionLine)} while Gunicorn imports the app`
  if (facts.kind === 'wrong-package') {
    return {
      summary:
        `${raises}: the installed ${code(facts.module)} is not the package the code expects ` +
        '(another version, or a different package of that name).',
      remedy:
        `Install the ${code(facts.module)} the code was written for (check its name and version in the requirements), ` +
        'or update the code for the installed one.'
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
    '`NameError`/`AttributeError` raised by module-level code while Gunicorn imports the app',
  fixtures: [{ path: '__fixtures__/apps/fail-import-error', test: '__tests__/diagnosis.itg.ts' }],
  rules: [cannotImport, nameMissingAtImport],
  words: (facts) => (facts.kind === 'wrong-package' || facts.kind === 'undefined-name' ? raisedWords(facts) : cannotImportWords(facts))
})
