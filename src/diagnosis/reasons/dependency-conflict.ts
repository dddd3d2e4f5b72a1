// pip's ResolutionImpossible, uv's and Poetry's failed version solving: two pins that cannot be installed together,
// each located in the requirements files (pip) or at the failing step (uv, Poetry: the pins are in pyproject.toml).
import { atStart } from '../install-at-start.js'
import { defineReason, type Rule } from '../reason.js'
import { installerLines, parseSolverVerdict } from '../installer-output.js'
import { parseConflict, type DependencyConflict, type RequirementClash } from '../pip-output.js'
import { normalizeName, pinsOf } from '../requirements.js'
import { pinLocation, pinsFor, pointers, stepLocation } from '../rules/build-causes.js'
import { dependencyLines } from '../rules/project-files.js'
import type { BuildContext } from '../stages.js'
import { code, fileLine, present, where } from '../words.js'
import type { SourceLocation } from '../../core/model.js'

interface Facts {
  /** The clash that explains the conflict: `dependent dependentVersion` requires `requirement` of `target`. */
  clash: RequirementClash
  /** The dependent's pin as the requirements file writes it, else as pip resolved it. */
  dependentShown: string
  /** The target's pin as the requirements file writes it, else as the user requested it, else its name. */
  targetShown: string
  dependentAt?: SourceLocation
  targetAt?: SourceLocation
  /** The resolver, when it was not pip: the remedy ends with its lock command. */
  tool?: 'uv' | 'poetry'
  stepAt?: SourceLocation
}

/** The clash on a package the user requested, else pip's first. */
function chosenClash(conflict: DependencyConflict): RequirementClash {
  const requestedNames = new Set(conflict.requested.map((r) => normalizeName(r.name)))
  return conflict.clashes.find((c) => requestedNames.has(normalizeName(c.target))) ?? conflict.clashes[0]
}

/** pip's own account of the conflict, as it printed it. */
function conflictEvidence(conflict: DependencyConflict): string[] {
  return present(
    conflict.headline,
    'The conflict is caused by:',
    ...conflict.clashes.map((c) => `${c.dependent} ${c.dependentVersion} depends on ${c.requirement}`),
    ...conflict.requested.map((r) => `The user requested ${r.constraint ? '(constraint) ' : ''}${r.requirement}`)
  )
}

const resolutionImpossible: Rule<Facts> = {
  stage: 'build',
  name: "pip's resolver found pins that cannot be installed together",
  detect(ctx) {
    const conflict = parseConflict(ctx.failure.stepOutput)
    if (!conflict) return undefined
    const pins = pinsFor(ctx)
    const clash = chosenClash(conflict)
    const dependentPin = pinsOf(pins, clash.dependent)[0]
    const targetPin = pinsOf(pins, clash.target)[0]
    const targetRequested = conflict.requested.find((r) => normalizeName(r.name) === normalizeName(clash.target))?.requirement
    const dependentAt = pinLocation(ctx, dependentPin)
    const targetAt = pinLocation(ctx, targetPin)
    return {
      facts: {
        clash,
        dependentShown: dependentPin?.requirement ?? `${clash.dependent}==${clash.dependentVersion}`,
        targetShown: targetPin?.requirement ?? targetRequested ?? clash.target,
        dependentAt,
        targetAt
      },
      evidence: conflictEvidence(conflict),
      pointers: pointers(dependentAt, targetAt)
    }
  }
}

const solverConflict: Rule<Facts> = {
  stage: 'build',
  name: "uv's or Poetry's resolver found requirements that cannot be installed together",
  detect(ctx) {
    const verdict = parseSolverVerdict(installerLines(ctx.failure))
    if (verdict?.kind !== 'conflict') return undefined
    const { dependent, dependentVersion, requirement, target, targetShown, tool } = verdict
    const stepAt = stepLocation(ctx)
    const dependentShown = tool === 'uv' ? `${dependent}==${dependentVersion}` : `${dependent} (${dependentVersion})`
    const dependentAt = declaredAt(ctx, dependent)
    const targetAt = declaredAt(ctx, target)
    return {
      facts: {
        clash: { dependent, dependentVersion, requirement, target },
        dependentShown,
        targetShown: targetShown ?? target,
        dependentAt,
        targetAt,
        tool,
        stepAt
      },
      evidence: verdict.evidence,
      pointers: pointers(dependentAt, targetAt, stepAt)
    }
  }
}

/** Where the project asks for a package: a requirements file the step installs (`uv pip install -r`), else its entry
 * in pyproject.toml or the Pipfile. A dependency of a dependency is declared nowhere. */
function declaredAt(ctx: BuildContext, name: string): SourceLocation | undefined {
  return pinLocation(ctx, pinsOf(pinsFor(ctx), name)[0]) ?? dependencyLines(ctx, name)[0]
}

const RELOCK = { uv: 'uv lock', poetry: 'poetry lock' }

function summary({ clash, dependentShown, targetShown, dependentAt, targetAt }: Facts): string {
  return (
    `${code(dependentShown)}${where(dependentAt)} cannot be installed together with ${code(targetShown)}${where(targetAt)}: ` +
    `${clash.dependent} ${clash.dependentVersion} requires ${code(clash.requirement)}.`
  )
}

function remedy({ clash, targetShown, dependentAt, targetAt, tool }: Facts): string {
  const lines = pointers(dependentAt, targetAt).map((l) => code(fileLine(l)))
  const declared = lines.length > 0 ? lines.join(' and ') : code('pyproject.toml')
  if (tool)
    return (
      `Move the constraints together in ${declared}: allow a ${code(clash.target)} that satisfies ${code(clash.requirement)}, ` +
      `or a ${code(clash.dependent)} release that works with ${code(targetShown)}; then run ${code(RELOCK[tool])} and commit the lock file.`
    )
  return (
    `Move the pins together: pin ${code(clash.target)} to a version that satisfies ${code(clash.requirement)}, or pin the ` +
    `${code(clash.dependent)} release that works with ${code(targetShown)}` +
    (lines.length > 0 ? `, changing ${lines.join(' and ')} in the same commit.` : ', in the same commit.')
  )
}

export default defineReason({
  id: 'dependency-conflict',
  title: 'Conflicting dependency pins',
  headline: 'conflicting dependency pins',
  readme:
    "pip's `ResolutionImpossible`, uv's `No solution found` and Poetry's `SolverProblemError`: both packages, their pins and " +
    "the requirement that clashes, each pin's line in the requirements files (following `-r` and `-c`) or its entry in `pyproject.toml` " +
    '(`[project]` dependencies, `[tool.poetry.dependencies]`, dependency groups) or the `Pipfile`, annotated: move the pins together; ' +
    'the same when pip runs in the entrypoint as the container starts',
  fixtures: [
    { path: '__fixtures__/build/cases/dependency-conflict', test: '__tests__/build-diagnosis.itg.ts', via: '__tests__/helpers/build-cases.ts' },
    { path: '__fixtures__/build/framings/entrypoint', test: '__tests__/build-framings.itg.ts' },
    {
      path: '__fixtures__/build/cases/dependency-conflict-constraint',
      test: '__tests__/build-diagnosis.itg.ts',
      via: '__tests__/helpers/build-cases.ts'
    }
  ],
  rules: [resolutionImpossible, solverConflict, atStart(resolutionImpossible)],
  words: (facts) => ({ summary: summary(facts), remedy: remedy(facts) })
})
