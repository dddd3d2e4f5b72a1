// The app's own module, the one the app spec names, is not importable where the server runs: Gunicorn's import_app
// (or uvicorn's loader) raises `No module named 'main'` with no frame of the app between. The spec is what to fix,
// not a requirement to add: rules of the app-not-found reason, with their words.
import type { RuleContext } from '../context.js'
import type { Finding } from '../reason.js'
import { moduleNotFound, raisedByImportApp } from './imports.js'
import { commandLine, dumpedSetting, firstLocation } from './locate.js'
import { code, present } from './rule.js'

export interface AppModuleMissing {
  moduleName: string
  /** The app spec as Gunicorn's debug dump of its configuration shows it (`default_proc_name: app.wsgi:application`). */
  spec?: string
  server?: 'uvicorn'
}

/** Straight from Gunicorn's import_app, no app frame between, and no such module in the repository. */
export function appModuleMissing(rc: RuleContext): Finding<AppModuleMissing> | undefined {
  const found = moduleNotFound(rc)
  if (!found || rc.userFrame(found.tb) || !raisedByImportApp(found.tb) || rc.localModuleExists(found.moduleName)) return undefined
  // Quoted in full, a folder's name with hyphens too (`Linea-De-Balances`, the folder the server already runs in).
  const moduleName = /^No module named '([^']+)'/.exec(found.tb.exception.message)?.[1] ?? found.moduleName
  // The app spec as Gunicorn's debug dump of its configuration shows it (`default_proc_name: app.wsgi:application`).
  const dumped = dumpedSetting(rc, 'default_proc_name')
  const facts = dumped && dumped.value !== moduleName ? { moduleName, spec: dumped.value } : { moduleName }
  return { facts, evidence: present(dumped?.line, ...rc.tracebackEvidence(found.tb)), location: firstLocation(commandLine(rc)) }
}

// uvicorn's own words when it loads the app itself (`uvicorn main:app`, or its worker's import string).
const UVICORN_NO_MODULE = /Error loading ASGI app\. Could not import module "([^"]+)"/

export function appModuleMissingForUvicorn(rc: RuleContext): Finding<AppModuleMissing> | undefined {
  const line = rc.ctx.lines.find((l) => l.text.includes('Error loading ASGI app') && UVICORN_NO_MODULE.test(l.text))
  const moduleName = line && UVICORN_NO_MODULE.exec(line.text)![1]
  if (!line || !moduleName) return undefined
  return { facts: { moduleName, server: 'uvicorn' }, evidence: [line.text.trim()], location: firstLocation(commandLine(rc)) }
}

const RUN_DIRECTORY = `(${code('--chdir')}, ${code('WORKDIR')} or ${code('PYTHONPATH')})`

export function appModuleWords({ moduleName, spec, server }: AppModuleMissing): { summary: string; remedy: string } {
  return {
    summary:
      `${server === 'uvicorn' ? 'uvicorn' : 'Gunicorn'} cannot import the app module ${code(moduleName)}${spec ? ` of ${code(spec)}` : ''} it was told to load: ` +
      'it is not importable where the server runs (not copied into the image, another working directory, or installed for another Python).',
    remedy:
      `Check that the image contains ${code(moduleName.replace(/\./g, '/'))} and that the server starts in its ` +
      `directory ${RUN_DIRECTORY}; an entrypoint script that fails its ${code('cd')} (e.g. CRLF line endings) has the same effect.`
  }
}
