// Gunicorn imported the module but the `module:attribute` it was given names no application in it (exit code 4).
import { defineReason, type Finding, type Rule } from '../reason.js'
import type { RuleContext } from '../context.js'
import { applicationObjects, appSpec } from '../rules/configuration.js'
import { commandLine, firstLocation } from '../rules/locate.js'
import { code, present } from '../words.js'
import { APP_LOAD_ERRORS } from '../../gunicorn/log-events.js'
import { stripLinePrefixes } from '../../gunicorn/line-prefix.js'
import { appModuleMissing, appModuleMissingForUvicorn, appModuleWords, type AppModuleMissing } from '../rules/app-modules.js'

interface Facts {
  /** What Gunicorn said, e.g. `Failed to find attribute 'app' in 'main'.` */
  message: string
  /** The attribute and the module it was looked up in, when the message names them. */
  missing?: { attribute: string; module: string }
  /** Gunicorn's own `did you mean '…'`. */
  suggestion?: string
  /** The application objects the module's file assigns at module level. */
  defines: string[]
  /** The `module:attribute` the command gives. */
  spec?: string
  /** uvicorn loaded the app (its own message), not Gunicorn. */
  server?: 'uvicorn'
  /** The spec's module itself is not importable where the server runs. */
  moduleMissing?: AppModuleMissing
}

const LOAD_FAILED = 'App failed to load.'

/** A Gunicorn line that names the missing object (not the generic `Error while loading`). */
const loadErrorOf = (rc: RuleContext) => rc.ofKind('app-load-error').find((e) => !/Error while loading/.test(e.message))

/** Gunicorn before 19's words for an application given as a file path (`app.py`), not a module. */
const BY_FILENAME = /^Import by filename is not supported\.?$/

/** Gunicorn 19+ imports a file path as a module name: `No module named 'src/line/app'`, `'app.py'; 'app' is not a package`. */
const PATH_AS_MODULE = /^No module named '((?:[^'/]+\/)+[^'/]+|[^'/]+\.py)'/

const importTracebackOf = (rc: RuleContext) =>
  rc.primaryTraceback(
    (tb) =>
      /^Failed to find (application|attribute)/.test(tb.exception.message) ||
      tb.exception.type.endsWith('AppImportError') ||
      ((BY_FILENAME.test(tb.exception.message) || PATH_AS_MODULE.test(tb.exception.message)) &&
        tb.frames.some((f) => /gunicorn\/util\.py$/.test(f.file)))
  )

/** The finding for the message one of the rules read; both the load error and the traceback are evidence. */
function notFound(rc: RuleContext, message: string, messageLine = loadErrorOf(rc)?.lines[0].text): Finding<Facts> {
  const attr = /Failed to find (?:attribute|application object) '([^']+)' in '([^']+)'/.exec(message)
  const moduleFile = attr ? rc.moduleFile(attr[2]) : undefined
  const command = commandLine(rc)
  return {
    facts: {
      message,
      missing: attr ? { attribute: attr[1], module: attr[2] } : undefined,
      suggestion: /did you mean '([^']+)'/.exec(message)?.[1],
      defines: moduleFile ? applicationObjects(rc.repo.read(moduleFile) ?? '') : [],
      spec: appSpec(command?.text)
    },
    evidence: present(messageLine, importTracebackOf(rc)?.exception.line, command?.text, rc.gunicornOutcomeLine()),
    location: firstLocation(command)
  }
}

const loadError: Rule<Facts> = {
  stage: 'boot',
  name: 'Gunicorn logs the object it failed to find',
  detect(rc) {
    const error = loadErrorOf(rc)
    return error ? notFound(rc, error.message) : undefined
  }
}

const importTraceback: Rule<Facts> = {
  stage: 'boot',
  name: 'a traceback says the application was not found',
  detect(rc) {
    const tb = importTracebackOf(rc)
    return tb ? notFound(rc, tb.exception.message) : undefined
  }
}

/**
 * Gunicorn's own message read off an indented line (a Markdown code block, a log viewer's indentation): the parser
 * takes indented lines for traceback text, but these messages are printed at the start of a line.
 */
const indentedLoadError: Rule<Facts> = {
  stage: 'boot',
  name: 'Gunicorn logs the object it failed to find, indented',
  detect(rc) {
    for (const line of rc.ctx.lines) {
      if (!line.text.startsWith(' ') && !line.text.startsWith('\t')) continue
      const message = stripLinePrefixes(line.text).trim()
      if (!/Error while loading/.test(message) && APP_LOAD_ERRORS.some((pattern) => pattern.test(message))) return notFound(rc, message, line.text)
    }
    return undefined
  }
}

// uvicorn's words when it loads the app itself: the module imported, the attribute not in it.
const UVICORN_NO_ATTRIBUTE = /Error loading ASGI app\. Attribute "([^"]+)" not found in module "([^"]+)"/

const uvicornLoadError: Rule<Facts> = {
  stage: 'boot',
  name: 'uvicorn found no such attribute in the app module',
  detect(rc) {
    const line = rc.ctx.lines.find((l) => l.text.includes('Error loading ASGI app') && UVICORN_NO_ATTRIBUTE.test(l.text))
    const m = line && UVICORN_NO_ATTRIBUTE.exec(line.text)
    if (!line || !m) return undefined
    const found = notFound(rc, `Failed to find attribute '${m[1]}' in '${m[2]}'.`, line.text.trim())
    return { ...found, facts: { ...found.facts, server: 'uvicorn' } }
  }
}

const exitCode4: Rule<Facts> = {
  stage: 'boot',
  name: 'exit code 4 after App failed to load',
  detect(rc) {
    const exit4 = rc.ofKind('worker-exit').some((e) => e.code === 4) || rc.ctx.container.exitCode === 4
    return exit4 && rc.ofKind('shutdown').some((e) => e.reason === LOAD_FAILED) ? notFound(rc, LOAD_FAILED) : undefined
  }
}

/** Gunicorn 20+'s words for a spec that is neither a name nor a call (`app.server`, a nested attribute). */
const UNPARSED_SPEC = /^Failed to parse '(.+)' as an attribute name or function call\.$/

/** Gunicorn 20.0's words when the spec evaluated to None: `Failed to find application object: 'create_app()'`. */
const EVALUATED_TO_NONE = /^Failed to find application object: '(.+)'$/

function summary({ message, missing, defines, server }: Facts): string {
  const none = EVALUATED_TO_NONE.exec(message)?.[1]
  if (none) return `Gunicorn evaluated ${code(none)} and got None, so there is no application object to serve.`
  if (BY_FILENAME.test(message)) return 'Gunicorn was given a file path as the application: it imports a module (`module:variable`), not a file.'
  const path = PATH_AS_MODULE.exec(message)?.[1]
  if (path) return `Gunicorn was given a file path as the application's module (${code(path)}): it imports a module by its dotted name, not a file.`
  const unparsed = UNPARSED_SPEC.exec(message)?.[1]
  if (unparsed) {
    return (
      `Gunicorn could not parse ${code(unparsed)} as the application: from 20.0 it accepts only a variable name or a ` +
      'call after the colon, not a dotted attribute path.'
    )
  }
  if (!missing) return `Gunicorn could not find the application object: ${message}`
  const defined = defines.length ? ` (it defines ${defines.map(code).join(', ')})` : ''
  return `${server === 'uvicorn' ? 'uvicorn' : 'Gunicorn'} imported module ${code(missing.module)} but found no ${code(missing.attribute)} in it${defined}.`
}

function remedy({ message, missing, suggestion, defines, spec }: Facts): string {
  const none = EVALUATED_TO_NONE.exec(message)?.[1]
  if (none?.endsWith(')')) {
    return `Make ${code(none)} return the application on every path (an ${code('except')} branch that only logs returns None).`
  }
  if (none) return `Point Gunicorn at a variable that holds the application once the module is imported, not None.`
  if (BY_FILENAME.test(message))
    return `Name the module without ${code('.py')} and its application variable: ${code('app:app')} for ${code('app.py')}, run from its folder (or ${code('--chdir')}).`
  const path = PATH_AS_MODULE.exec(message)?.[1]
  if (path) {
    const dotted = path.replace(/\.py$/, '').replace(/\//g, '.')
    const dottedSpec = `${dotted}:${spec?.split(':')[1] ?? 'app'}`
    return `Name it with dots, as Python imports it: ${code(dottedSpec)}, run from the folder that holds ${code(dotted.split('.')[0])} (or ${code('--chdir')}).`
  }
  const unparsed = UNPARSED_SPEC.exec(message)?.[1]
  if (unparsed?.includes('.')) {
    const [owner, attribute] = [unparsed.slice(0, unparsed.lastIndexOf('.')), unparsed.slice(unparsed.lastIndexOf('.') + 1)]
    return (
      `Name the module that holds the object instead (${code(`<module>.${owner}:${attribute}`)} when ${code(owner)} is a ` +
      `submodule), or assign it to a module-level variable (${code(`${attribute} = ${unparsed}`)}) and point Gunicorn at that.`
    )
  }
  // Gunicorn's own suggestion first, else the first application object the module defines.
  const better = suggestion ?? (missing && defines[0] ? `${missing.module}:${defines[0]}` : undefined)
  if (!better) {
    return 'Point Gunicorn at `module:variable` where the variable is the WSGI/ASGI application ' + '(for a factory: `module:create_app()`).'
  }
  return `Point Gunicorn at the object that exists: ${code(better)}${spec ? ` instead of ${code(spec)}` : ''}.`
}

/** The spec's module is not importable at all (Gunicorn's import_app or uvicorn's loader says so). */
function moduleMissing(server: 'gunicorn' | 'uvicorn'): Rule<Facts> {
  return {
    stage: 'boot',
    name: `the app module ${server} was told to load is not importable (no app frame between)`,
    detect(rc) {
      const found = server === 'uvicorn' ? appModuleMissingForUvicorn(rc) : appModuleMissing(rc)
      return found && { ...found, facts: { message: '', defines: [], moduleMissing: found.facts } }
    }
  }
}

export default defineReason({
  id: 'app-not-found',
  title: 'Application object not found',
  headline: 'application not found',
  namesCulprit: true,
  readme:
    'exit 4: the `module:attribute` of the app is wrong (also uvicorn\'s `Attribute "app" not found in module`); exit 3: its module ' +
    "is not importable where the server runs (`No module named` raised by Gunicorn's own import of it), or its module " +
    "written as its file's path (with slashes, or `.py`): the dotted name to use",
  fixtures: [{ path: '__fixtures__/apps/fail-app-not-found', test: '__tests__/diagnosis.itg.ts' }],
  rules: [loadError, importTraceback, indentedLoadError, uvicornLoadError, moduleMissing('gunicorn'), moduleMissing('uvicorn'), exitCode4],
  words: (facts) => (facts.moduleMissing ? appModuleWords(facts.moduleMissing) : { summary: summary(facts), remedy: remedy(facts) })
})
