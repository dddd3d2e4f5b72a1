// The app reads an environment variable at import that the container does not have.
import { defineReason, type Finding, type Rule } from '../reason.js'
import type { RuleContext, Traceback } from '../context.js'
import { entrypointRefusal, variableRefusedInMessage, workerRefusal } from '../rules/entrypoint-refusal.js'
import { raisedWhileLoading } from '../rules/imports.js'
import { missingSettingsFields } from '../rules/settings-fields.js'
import { emptyValueRefused } from '../rules/empty-values.js'
import {
  emptySpecVariable,
  environImproperlyConfigured,
  environKeyError,
  environReadCut,
  noneFromEnvironment,
  variableName
} from '../rules/environment.js'
import { inHandler, whenRaised, type WhenRaised } from '../rules/request.js'
import { code, fileLine, frameAt, present } from '../words.js'
import type { SourceLocation } from '../../core/model.js'

type Facts =
  | ({
      kind: 'unset'
      name: string
      /** The user's line that reads it. */
      location?: SourceLocation
      /** The hosting blueprint leaves it for the host to fill (render.yaml `sync: false`). */
      hostFilled: boolean
      /** The action passed it to the container, yet the lookup failed. */
      provided: boolean
      /** The read returned None and the next operation failed on it: the read, its reader and the exception line. */
      none?: { read: string; reader: string; exceptionLine: string; inFunction?: string }
      /** Further variables the same error names as missing (a settings class lists every required field). */
      alsoMissing?: string[]
      /** Read by subscript and refused as empty: the variable is set, to nothing (a secret a fork's pull request lacks). */
      setEmpty?: true
    } & Partial<WhenRaised>)
  | { kind: 'empty-in-spec'; moduleName: string; variable: string; shown: string }
  | { kind: 'entrypoint-refused'; variable: string; line: string; by: 'entrypoint' | 'worker' }
  | { kind: 'empty-value'; exceptionLine: string; call?: string; at?: string; location?: SourceLocation }

type Unset = Extract<Facts, { kind: 'unset' }>

/** What the run says of a variable the app read: the host leaves it to be filled, or the action passed it. */
function unsetVariable(rc: RuleContext, name: string, location: SourceLocation | undefined): Unset {
  const { env } = rc.ctx
  return { kind: 'unset', name, location, hostFilled: Boolean(env.hostFilled?.includes(name)), provided: env.provided.includes(name) }
}

function unset(rc: RuleContext, tb: Traceback, name = variableName(tb.exception.message), none?: Unset['none']): Finding<Facts> {
  const frame = rc.userFrame(tb)
  return {
    facts: { ...unsetVariable(rc, name, frame?.location), ...(none ? { none } : {}), ...whenRaised(rc, tb) },
    evidence: rc.tracebackEvidence(tb, frame),
    location: frame?.location
  }
}

const environKey: Rule<Facts> = {
  stage: 'boot',
  name: 'a KeyError reading os.environ',
  detect(rc) {
    const tb = environKeyError(rc)
    return tb ? unset(rc, tb) : undefined
  }
}

/** The traceback ends (cut) in the mapping's lookup under the app's `os.environ["NAME"]`. */
const environReadCutShort: Rule<Facts> = {
  stage: 'boot',
  name: "a traceback cut inside os.environ's lookup",
  detect(rc) {
    const found = environReadCut(rc)
    if (!found) return undefined
    const frame = rc.userFrame(found)
    return { facts: { ...unsetVariable(rc, found.name, frame?.location), during: 'import' }, evidence: frame?.text ?? [], location: frame?.location }
  }
}

const improperlyConfigured: Rule<Facts> = {
  stage: 'boot',
  name: 'ImproperlyConfigured names an environment variable',
  detect(rc) {
    const tb = environImproperlyConfigured(rc)
    return tb ? unset(rc, tb) : undefined
  }
}

/** Any exception raised while the app loaded whose message names a variable and refuses it. */
const refusedInMessage: Rule<Facts> = {
  stage: 'boot',
  name: 'an exception raised at load names an environment variable and refuses it',
  detect(rc) {
    const named = (t: Traceback) => (raisedWhileLoading(t) ? variableRefusedInMessage(rc.exceptionMessage(t)) : undefined)
    const tb = rc.primaryTraceback((t) => named(t) !== undefined)
    return tb ? unset(rc, tb, named(tb)) : undefined
  }
}

const noneRead: Rule<Facts> = {
  stage: 'boot',
  name: 'an error on None (or an empty string), on a line that reads an environment variable without a real default',
  detect(rc) {
    const found = noneFromEnvironment(rc)
    if (!found) return undefined
    const { tb, frame, name, read, reader } = found
    if (found.empty) {
      const finding = unset(rc, tb, name)
      // `os.environ["X"]` raises KeyError when X is unset: reaching the parse means it is set, and empty.
      return found.read.includes('[') ? { ...finding, facts: { ...finding.facts, setEmpty: true } as Facts } : finding
    }
    const func = frame?.frame.func
    return unset(rc, tb, name, { read, reader, exceptionLine: tb.exception.line, inFunction: func && func !== '<module>' ? func : undefined })
  }
}

const settingsFields: Rule<Facts> = {
  stage: 'boot',
  name: 'a settings class refuses to build without fields it reads from the environment',
  detect(rc) {
    const found = missingSettingsFields(rc)
    if (!found) return undefined
    const finding = unset(rc, found.tb, found.variables[0])
    const alsoMissing = found.variables.slice(1).filter((name) => !rc.ctx.env.provided.includes(name))
    return alsoMissing.length > 0 ? { ...finding, facts: { ...finding.facts, alsoMissing } as Facts } : finding
  }
}

const emptyInSpec: Rule<Facts> = {
  stage: 'boot',
  name: 'the app module is built from an empty variable',
  detect(rc) {
    const found = emptySpecVariable(rc)
    if (!found) return undefined
    const { tb, moduleName, assignment } = found
    return {
      facts: { kind: 'empty-in-spec', moduleName, variable: assignment[1], shown: assignment[0] },
      evidence: present(rc.ctx.lines.find((l) => l.text.includes(assignment[0]))?.text, tb.exception.line, rc.gunicornOutcomeLine())
    }
  }
}

const entrypointRefused: Rule<Facts> = {
  stage: 'boot',
  name: 'the entrypoint, or a worker loading the app, refused a variable',
  detect(rc) {
    const entrypoint = entrypointRefusal(rc)
    const found = entrypoint ?? workerRefusal(rc)
    const by = entrypoint ? 'entrypoint' : 'worker'
    return found && { facts: { kind: 'entrypoint-refused', variable: found.variable, line: found.line.text.trim(), by }, evidence: [found.line.text] }
  }
}

/** A library the app calls at import refused an empty value; the variable it reads is not named, the call is. */
const emptyValue: Rule<Facts> = {
  stage: 'boot',
  name: 'a call at import refused an empty value the environment should have given',
  detect(rc) {
    const found = emptyValueRefused(rc)
    if (!found) return undefined
    if (found.variable) return unset(rc, found.tb, found.variable)
    const { tb, frame } = found
    const at = frameAt(frame)
    return {
      facts: { kind: 'empty-value', exceptionLine: tb.exception.line, call: frame?.frame.code, at, location: frame?.location },
      evidence: rc.tracebackEvidence(tb, frame),
      location: frame?.location
    }
  }
}

function emptyValueWords(facts: Extract<Facts, { kind: 'empty-value' }>): { summary: string; remedy: string } {
  const calls = facts.call ? ` calls ${code(facts.call)}` : ''
  return {
    summary:
      `${facts.at ? code(facts.at) : 'The app'}${calls} while Gunicorn imports the app, and it refuses an empty value ` +
      `(${code(facts.exceptionLine.slice(0, 200))}): a setting it reads from the environment is not set in the container.`,
    remedy: `Pass the variable that call reads (its documentation names it) ${USE_ENV_INPUT}, or guard the call so the app ` + 'starts without it.'
  }
}

const USE_ENV_INPUT = "with the action's `env` input"

function unsetRemedy({ name, hostFilled, provided, setEmpty }: Extract<Facts, { kind: 'unset' }>): string {
  if (hostFilled) {
    return `The hosting blueprint leaves ${code(name)} for the host to fill (e.g. render.yaml \`sync: false\`), so pass a test value ${USE_ENV_INPUT}.`
  }
  if (provided) {
    return (
      `${code(name)} was passed to the container yet the lookup failed: check its spelling where it is read, ` +
      `or read it with ${code(`os.environ.get("${name}")`)} and handle the absence.`
    )
  }
  if (setEmpty)
    return (
      `Give ${code(name)} a value ${USE_ENV_INPUT}: a secret is empty in a pull request from a fork, so pass a harmless test ` +
      `value there (${code(`\${{ secrets.${name} || 'test' }}`)}), or treat an empty value as unset where it is read.`
    )
  return `Pass ${code(name)} ${USE_ENV_INPUT} (a secret or a harmless test value), or read it with ${code(`os.environ.get("${name}", default)`)}.`
}

/** `os.environ.get("X")` returned None and the line went on to use it. */
function noneWords(facts: Unset, none: NonNullable<Unset['none']>): { summary: string; remedy: string } {
  const when = none.inFunction ? `in ${code(none.inFunction)}` : 'at import'
  const at = facts.location ? `${code(fileLine(facts.location))} reads it ${when}` : `The app reads it ${when}`
  const withDefault = code(`${none.reader}("${facts.name}", "…")`)
  return {
    summary:
      `The app needs the environment variable ${code(facts.name)}, which is not set in the container: ${at} with ` +
      `${code(none.read)}, which returns ${code('None')}, and the same line fails on it (${code(none.exceptionLine)}).`,
    remedy:
      facts.provided || facts.hostFilled
        ? unsetRemedy(facts)
        : `Pass ${code(facts.name)} ${USE_ENV_INPUT}, or give the read a default (${withDefault}).`
  }
}

/** "`A`, `B` and `C`". */
const listed = (names: string[]) =>
  names
    .map((name) => code(name))
    .join(', ')
    .replace(/, ([^,]+)$/, ' and $1')

/** A settings class that lists several required fields: every variable, and the line that builds it. */
function severalWords(facts: Unset, alsoMissing: string[]): { summary: string; remedy: string } {
  const names = listed([facts.name, ...alsoMissing])
  const reads = facts.location ? `: ${code(fileLine(facts.location))} reads them at import` : ''
  return {
    summary: `The app needs the environment variables ${names}, which are not set in the container${reads}.`,
    remedy: `Pass ${names} ${USE_ENV_INPUT} (secrets or harmless test values), or give those settings defaults.`
  }
}

/** Read while handling a request: the app boots, and every request that reaches the read fails. */
function readInRequest(facts: Extract<Facts, { kind: 'unset' }>): string {
  return `: it is read ${inHandler(facts, facts.location)}, so every request to it fails`
}

function words(facts: Facts): { summary: string; remedy: string } {
  if (facts.kind === 'entrypoint-refused') {
    return {
      summary:
        (facts.by === 'worker'
          ? `The workers exit while loading the app over the environment variable ${code(facts.variable)}: `
          : `The image's entrypoint refused to start Gunicorn over the environment variable ${code(facts.variable)}: `) +
        `${code(facts.line.slice(0, 150).replace(/\.$/, ''))}.`,
      remedy: `Pass ${code(facts.variable)} ${USE_ENV_INPUT} with a value the ${facts.by === 'worker' ? 'app' : 'entrypoint'} accepts (its message says what it expects).`
    }
  }
  if (facts.kind === 'empty-value') return emptyValueWords(facts)
  if (facts.kind === 'empty-in-spec') {
    return {
      summary:
        `Gunicorn was asked to import ${code(facts.moduleName)}, a module name with an empty part: the environment variable ` +
        `${code(facts.variable)} it is built from is empty (the log shows ${code(facts.shown)}).`,
      remedy: `Pass ${code(facts.variable)} ${USE_ENV_INPUT} (the value the image expects), or give it a default where the command is built.`
    }
  }
  if (facts.none) return noneWords(facts, facts.none)
  if (facts.alsoMissing?.length) return severalWords(facts, facts.alsoMissing)
  const reads = facts.during === 'request' ? readInRequest(facts) : facts.location ? `: ${code(fileLine(facts.location))} reads it at import` : ''
  return {
    summary: `The app needs the environment variable ${code(facts.name)}, which is ${facts.setEmpty ? 'empty' : 'not set'} in the container${reads}.`,
    remedy: unsetRemedy(facts)
  }
}

export default defineReason({
  id: 'missing-env',
  title: 'Missing environment variable',
  headline: 'missing environment variable',
  namesCulprit: true,
  readme:
    "`KeyError: 'DATABASE_URL'` and friends: the variable the app needs; an SDK called at import that refuses an " +
    "empty key (`Instrumentation key cannot be none or empty`), named at the call; a settings class's required fields " +
    "(pydantic-settings' `Field required`) and a cloud SDK's missing credentials (`NoCredentialsError`), named as variables",
  fixtures: [
    { path: '__fixtures__/apps/fail-missing-env', test: '__tests__/diagnosis.itg.ts' },
    { path: '__fixtures__/apps/fail-env-none', test: '__tests__/issue25-diagnosis.itg.ts' }
  ],
  rules: [
    environKey,
    environReadCutShort,
    improperlyConfigured,
    noneRead,
    settingsFields,
    emptyInSpec,
    entrypointRefused,
    emptyValue,
    refusedInMessage
  ],
  words
})
