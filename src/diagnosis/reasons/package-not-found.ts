// pip found no distribution for a requirement: the release exists only for other Pythons, the version does not
// exist, or no package has that name.
import { defineReason, type Finding, type Rule } from '../reason.js'
import { closestName, WELL_KNOWN_PACKAGES } from '../closest.js'
import { parseNotFound, type NotFound } from '../pip-output.js'
import { normalizeName, pinsOf } from '../requirements.js'
import { dockerfileAt, pinLocation, pinsFor, pointers } from '../rules/build-causes.js'
import type { BuildContext } from '../stages.js'
import { code, where } from '../words.js'
import type { SourceLocation } from '../../core/model.js'

interface Requested {
  name: string
  /** The requirement as the requirements file writes it, else as pip printed it. */
  requirement: string
  /** Its line in the requirements files. */
  at?: SourceLocation
}

/** What pip's answer says about the requirement. */
type Detail =
  | { kind: 'other-python'; requiresPython: string; pythonVersion?: string }
  | { kind: 'no-such-version'; versions: string[] }
  | { kind: 'no-such-name'; guess?: string }

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
      const at = pinLocation(ctx, pin)
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

const noSuchName = notFoundRule('no package has that name', (notFound, ctx) => {
  if (notFound.otherPython || notFound.versions.length > 0) return undefined
  const others = [...WELL_KNOWN_PACKAGES, ...pinsFor(ctx).map((p) => p.name)].filter((n) => normalizeName(n) !== normalizeName(notFound.name))
  return { kind: 'no-such-name', guess: closestName(notFound.name, others) }
})

const python = (version: string | undefined) => (version ? `this image's Python ${version}` : "this image's Python")

function words(facts: Facts): { summary: string; remedy: string } {
  const shown = `${code(facts.requirement)}${where(facts.at)}`
  switch (facts.kind) {
    case 'other-python':
      return {
        summary: `${shown} exists only for other Pythons: it requires Python ${code(facts.requiresPython)}, ` + `not ${python(facts.pythonVersion)}.`,
        remedy:
          `Pin a ${code(facts.name)} release that supports ${python(facts.pythonVersion)}, ` +
          `or build FROM a Python that satisfies ${code(facts.requiresPython)}.`
      }
    case 'no-such-version':
      return {
        summary: `${shown}: that version of ${code(facts.name)} does not exist (pip found ${facts.versions.slice(-8).join(', ')}).`,
        remedy: `Pin one of the versions pip found, e.g. ${code(`${facts.name}==${facts.versions[facts.versions.length - 1]}`)}.`
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

export default defineReason({
  id: 'package-not-found',
  title: 'Package version not found',
  headline: 'pip could not find a package',
  readme:
    'pip found no such version: it does not exist (the versions pip saw), it exists only for other ' +
    "Pythons (`Requires-Python`, the image's Python), or the name is misspelled (the closest known name)",
  fixtures: [
    { path: '__fixtures__/build/cases/version-not-found', test: '__tests__/build-diagnosis.itg.ts', via: '__tests__/helpers/build-cases.ts' },
    { path: '__fixtures__/build/cases/version-for-other-python', test: '__tests__/build-diagnosis.itg.ts', via: '__tests__/helpers/build-cases.ts' },
    { path: '__fixtures__/build/cases/misspelled-package', test: '__tests__/build-diagnosis.itg.ts', via: '__tests__/helpers/build-cases.ts' }
  ],
  rules: [otherPythonsOnly, noSuchVersion, noSuchName],
  words
})
