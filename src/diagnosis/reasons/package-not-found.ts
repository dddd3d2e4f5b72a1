// pip found no distribution for a requirement: the release exists only for other Pythons, the version does not
// exist, or no package has that name.
import { atStart } from '../install-at-start.js'
import { defineReason, type Finding, type Rule } from '../reason.js'
import { closestName, WELL_KNOWN_PACKAGES } from '../closest.js'
import { parseNotFound, type NotFound } from '../pip-output.js'
import { installerLines, parseSolverVerdict } from '../installer-output.js'
import { normalizeName, pinsOf } from '../requirements.js'
import { dockerfileAt, pinLocation, pinsFor, pointers, stepLocation } from '../rules/build-causes.js'
import { dependencyLines, lockedPackageLine, projectName, pythonRequirementLine } from '../rules/project-files.js'
import type { BuildContext } from '../stages.js'
import { code, where } from '../words.js'
import type { SourceLocation } from '../../core/model.js'

interface Requested {
  name: string
  /** The requirement as the requirements file writes it, else as pip printed it. */
  requirement: string
  /** Its line in the requirements files. */
  at?: SourceLocation
  /** The resolver that said so, when it was not pip. */
  tool?: 'uv' | 'poetry' | 'pipenv'
  /** The project's own Python requirement (`requires-python`, Poetry's `python`, the Pipfile's `[requires]`). */
  pythonAt?: SourceLocation
  /** The requirement is the project's own `requires-python`, which the image's Python does not meet. */
  isProject?: boolean
}

/** What the resolver's answer says about the requirement. */
type Detail =
  /** `requested`: the Python range the project declares (uv's "requested Python version"), not the image's. */
  | { kind: 'other-python'; requiresPython: string; pythonVersion?: string; requested?: boolean }
  | { kind: 'no-such-version'; versions: string[] }
  | { kind: 'no-such-name'; guess?: string }
  | { kind: 'index-unreachable'; said: string; host?: string }

type Facts = Requested & Detail

/** The requirement pip could not find, located at its pin (else the failing step) with what `detail` makes of it. */
function notFoundRule(name: string, detail: (notFound: NotFound, ctx: BuildContext) => Detail | undefined): Rule<Facts> {
  return {
    stage: 'build',
    name,
    detect(ctx): Finding<Facts> | undefined {
      const notFound = parseNotFound(ctx.failure.stepOutput)
      const found = notFound && detail(notFound, ctx)
      if (!notFound || !found) return undefined
      const pin = pinsOf(pinsFor(ctx), notFound.name)[0]
      // Not in a requirements file: the project's own entry (pip installing a pyproject.toml project, Pipenv's pip).
      const at = pinLocation(ctx, pin) ?? dependencyLines(ctx, notFound.name)[0]
      const requested = { name: notFound.name, requirement: pin?.requirement ?? notFound.requirement, at }
      return { facts: { ...requested, ...found }, evidence: notFound.evidence, pointers: pointers(at ?? dockerfileAt(ctx)) }
    }
  }
}

const otherPythonsOnly = notFoundRule('the release exists only for other Pythons', ({ otherPython }, ctx) =>
  otherPython
    ? { kind: 'other-python', requiresPython: otherPython.requiresPython, pythonVersion: otherPython.pythonVersion ?? ctx.pythonVersion }
    : undefined
)

const noSuchVersion = notFoundRule('pip lists the versions that exist', ({ otherPython, versions }) =>
  !otherPython && versions.length > 0 ? { kind: 'no-such-version', versions } : undefined
)

// pip's retries when the index cannot be reached: DNS, a proxy, TLS, no route. `(from versions: none)` follows them.
const UNREACHABLE =
  /Temporary failure in name resolution|Name or service not known|Failed to establish a new connection|ProxyError|SSLError|CERTIFICATE_VERIFY_FAILED|Network is unreachable|Read timed out|ConnectTimeoutError/

const indexUnreachable = notFoundRule('pip could not reach the package index', (notFound, ctx) => {
  if (notFound.otherPython || notFound.versions.length > 0) return undefined
  const line = ctx.failure.stepOutput.find((text) => UNREACHABLE.test(text))
  return line ? { kind: 'index-unreachable', said: UNREACHABLE.exec(line)![0], host: /host='([^']+)'/.exec(line)?.[1] } : undefined
})

const noSuchName = notFoundRule('no package has that name', (notFound, ctx) => {
  if (notFound.otherPython || notFound.versions.length > 0) return undefined
  const others = [...WELL_KNOWN_PACKAGES, ...pinsFor(ctx).map((p) => p.name)].filter((n) => normalizeName(n) !== normalizeName(notFound.name))
  return { kind: 'no-such-name', guess: closestName(notFound.name, others) }
})

/** uv's and Poetry's verdicts on a requirement (the Python it needs, a version the index does not have). */
const solverNotFound: Rule<Facts> = {
  stage: 'build',
  name: "uv's or Poetry's resolver found no usable version",
  detect(ctx) {
    const verdict = parseSolverVerdict(installerLines(ctx.failure))
    if (!verdict || verdict.kind === 'conflict' || verdict.kind === 'pinned-twice') return undefined
    const stepAt = stepLocation(ctx)
    // The project itself (uv names it like a package) is declared by its `requires-python`, not by an entry.
    const isProject = verdict.name === ''
    const name = isProject ? (projectName(ctx) ?? 'the project') : verdict.name
    const at = isProject ? undefined : dependencyLines(ctx, verdict.name)[0]
    const pythonAt = verdict.kind === 'other-python' ? pythonRequirementLine(ctx) : undefined
    const requested = { name, requirement: isProject ? name : verdict.requirement, tool: verdict.tool, at, pythonAt, isProject }
    const detail: Detail =
      verdict.kind === 'other-python'
        ? {
            kind: 'other-python',
            requiresPython: verdict.requiresPython,
            pythonVersion: verdict.pythonVersion ?? ctx.pythonVersion,
            requested: verdict.requested
          }
        : { kind: 'no-such-version', versions: [] }
    const culprits = verdict.kind === 'other-python' && (verdict.requested || isProject) ? [pythonAt, at] : [at, pythonAt]
    // A version the index does not have, read from the lock file: its entry there too.
    const lockAt = verdict.kind === 'no-version' ? lockedPackageLine(ctx, verdict.tool === 'uv' ? 'uv.lock' : 'poetry.lock', verdict.name) : undefined
    return { facts: { ...requested, ...detail }, evidence: verdict.evidence, pointers: pointers(...culprits, stepAt, lockAt) }
  }
}

const python = (version: string | undefined, requested?: boolean) =>
  requested ? `the project's Python range ${code(version ?? '')}` : version ? `this image's Python ${version}` : "this image's Python"

function words(facts: Facts): { summary: string; remedy: string } {
  const shown = `${code(facts.requirement)}${where(facts.at)}`
  if (facts.kind === 'other-python' && facts.isProject) return projectPythonWords(facts)
  switch (facts.kind) {
    case 'other-python':
      return {
        summary:
          `${shown} exists only for other Pythons: it requires Python ${code(facts.requiresPython)}, ` +
          `not ${python(facts.pythonVersion, facts.requested)}.`,
        remedy: facts.requested
          ? `Narrow ${code('requires-python')} in ${code('pyproject.toml')}${where(facts.pythonAt)} to what ${code(facts.name)} supports ` +
            `(${code(facts.requiresPython)}), or require a ${code(facts.name)} release that supports the wider range.`
          : `Pin a ${code(facts.name)} release that supports ${python(facts.pythonVersion)}, ` +
            `or build FROM a Python that satisfies ${code(facts.requiresPython)}.`
      }
    case 'no-such-version':
      return facts.versions.length === 0
        ? {
            summary: `${shown}: ${facts.tool ?? 'pip'} found no version of ${code(facts.name)} that matches, in the index the build uses.`,
            remedy:
              `Check that version of ${code(facts.name)} exists in the index the build uses (a private index needs its URL and ` +
              `credentials in the build); if the lock file names it, re-lock (${code(facts.tool === 'poetry' ? 'poetry lock' : 'uv lock')}).`
          }
        : {
            summary: `${shown}: that version of ${code(facts.name)} does not exist (pip found ${facts.versions.slice(-8).join(', ')}).`,
            remedy: `Pin one of the versions pip found, e.g. ${code(`${facts.name}==${facts.versions[facts.versions.length - 1]}`)}.`
          }
    case 'index-unreachable':
      return {
        summary:
          `${shown}: pip could not reach the package index${facts.host ? ` ${code(facts.host)}` : ''} (${code(facts.said)}), ` +
          `so it found no version of ${code(facts.name)}.`,
        remedy:
          "Give the build a route to the index: check the builder's network and DNS, pass a proxy as build arguments " +
          `(${code('--build-arg HTTPS_PROXY=…')}), or a private index's URL and credentials (${code('PIP_INDEX_URL')} as a build secret).`
      }
    case 'no-such-name':
      return {
        summary: `${shown}: pip found no package named ${code(facts.name)}${facts.guess ? ` — did you mean ${code(facts.guess)}?` : '.'}`,
        remedy: facts.guess
          ? `Correct the name to ${code(facts.guess)} (the version pin stays as it is if that release exists).`
          : `Check the package name on PyPI (or in the index the build uses) and correct it.`
      }
  }
}

/** The project itself requires a Python the image does not run (Poetry checks before it installs anything). */
function projectPythonWords(facts: Facts & { kind: 'other-python' }): { summary: string; remedy: string } {
  const setting = facts.tool === 'pipenv' ? 'python_version' : 'requires-python'
  const range = `${code(setting)}${where(facts.pythonAt)}`
  const project = facts.name === 'the project' ? 'The project' : `The project ${code(facts.name)}`
  // uv may also fetch a Python of its own, unless the image or its settings keep it to the system's.
  const uvPython =
    facts.tool === 'uv' ? `, or let uv install one (${code('uv python install')}; not with ${code('UV_PYTHON_PREFERENCE=only-system')})` : ''
  return {
    summary:
      `${project} requires Python ${code(facts.requiresPython)} (${range}), ` +
      `and ${python(facts.pythonVersion)} is outside it: ${facts.tool ?? 'the installer'} stops before installing anything.`,
    remedy:
      `Build FROM a Python that satisfies ${code(facts.requiresPython)}${uvPython}, or widen ${range} if the project runs on ` +
      `${facts.pythonVersion ?? "the image's Python"} (then re-lock).`
  }
}

export default defineReason({
  id: 'package-not-found',
  title: 'Package version not found',
  headline: 'pip could not find a package',
  readme:
    'pip, uv or Poetry found no such version: it does not exist (the versions pip saw), it exists only for other ' +
    "Pythons (`Requires-Python`, the image's Python or the project's `requires-python`), or the name is misspelled (the closest known name); " +
    "or the project's own `requires-python` excludes the image's Python (Poetry; uv finding no interpreter for it); " +
    "annotated on the requirement's line, its `pyproject.toml` or `Pipfile` entry, the `requires-python` line and its lock-file entry",
  fixtures: [
    { path: '__fixtures__/build/cases/version-not-found', test: '__tests__/build-diagnosis.itg.ts', via: '__tests__/helpers/build-cases.ts' },
    { path: '__fixtures__/build/cases/version-for-other-python', test: '__tests__/build-diagnosis.itg.ts', via: '__tests__/helpers/build-cases.ts' },
    { path: '__fixtures__/build/cases/misspelled-package', test: '__tests__/build-diagnosis.itg.ts', via: '__tests__/helpers/build-cases.ts' },
    {
      path: '__fixtures__/build/installers/poetry-python-mismatch',
      test: '__tests__/installers.itg.ts',
      via: '__tests__/helpers/installer-cases.ts'
    }
  ],
  rules: [
    otherPythonsOnly,
    noSuchVersion,
    indexUnreachable,
    noSuchName,
    solverNotFound,
    ...[otherPythonsOnly, noSuchVersion, indexUnreachable, noSuchName].map(atStart)
  ],
  words
})
