// A relative import in the module Gunicorn loads as a top-level one: `from .routes import router` in `main.py`, served
// as `main:app` from inside the package's directory, has no parent package. The module path is what to change.
import type { Rule, Words } from '../reason.js'
import type { SourceLocation } from '../../core/model.js'
import { appSpec } from './configuration.js'
import { commandLine } from './locate.js'
import { code, where } from '../words.js'

export interface RelativeImportFacts {
  kind: 'relative-import'
  /** The import line, as the traceback shows it. */
  statement?: string
  /** The `module:app` the command serves, when the Dockerfile says. */
  spec?: string
  location?: SourceLocation
}

const NO_PARENT = /attempted relative import with no known parent package|attempted relative import beyond top-level package/

export const relativeImportWithoutPackage: Rule<RelativeImportFacts> = {
  stage: 'boot',
  name: 'a relative import in a module loaded without its package',
  detect(rc) {
    const tb = rc.primaryTraceback((t) => t.exception.type.endsWith('ImportError') && NO_PARENT.test(t.exception.message))
    if (!tb) return undefined
    const frame = rc.userFrame(tb)
    const statement = frame?.frame.code?.trim()
    return {
      facts: { kind: 'relative-import', statement, spec: appSpec(commandLine(rc)?.text), location: frame?.location },
      evidence: rc.tracebackEvidence(tb, frame),
      location: frame?.location
    }
  }
}

export function relativeImportWords({ statement, spec, location }: RelativeImportFacts): Words {
  const served = spec ? ` (${code(spec)})` : ''
  const line = statement ? `${code(statement)}${where(location)}` : `a relative import${where(location)}`
  return {
    summary:
      `${line} is a relative import, and Gunicorn loads its module${served} as a top-level module, which has no ` +
      'parent package (`attempted relative import with no known parent package`).',
    remedy:
      `Serve the module by its package path from the directory above the package (e.g. ${code('gunicorn app.main:app')}, ` +
      `or ${code('--chdir')} to that directory), or make the import absolute.`
  }
}
