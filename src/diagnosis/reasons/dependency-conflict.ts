// pip's ResolutionImpossible, uv's and Poetry's failed version solving: two pins that cannot be installed together,
// each located in the requirements files (pip) or at the failing step (uv, Poetry: the pins are in pyproject.toml).
import fs from 'node:fs'
import path from 'node:path'
import { atStart } from '../install-at-start.js'
import { defineReason, type Finding, type Rule } from '../reason.js'
import { installerLines, parseSolverVerdict } from '../installer-output.js'
import { parseConflict, type DependencyConflict, type RequirementClash } from '../pip-output.js'
import { normalizeName, pinsOf } from '../requirements.js'
import { pinLocation, pinsFor, pointers, rel, stepLocation } from '../rules/build-causes.js'
import { dependencyLines } from '../rules/project-files.js'
import type { BuildContext } from '../stages.js'
import { code, fileLine, present, where } from '../words.js'
import type { SourceLocation } from '../../core/model.js'

interface Clash {
  kind: 'clash'
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
  /** Other packages pip names as requiring the same target, when nothing the user asked for pins it: the other side. */
  rivals?: RequirementClash[]
}

/** The user asks for one package twice, with pins no release satisfies together (a requirement and a constraint too). */
interface PinnedTwice {
  kind: 'pinned-twice'
  name: string
  /** As pip printed them, `(constraint)` marked. */
  requested: string[]
  at: SourceLocation[]
}

/** Only pip's first line is in the log: what it names, and the package among them (not a `-r file (line n)`). */
interface HeadlineOnly {
  kind: 'headline-only'
  named: string[]
  packageShown?: string
  at: SourceLocation[]
}

type Facts = Clash | PinnedTwice | HeadlineOnly

/** The clash on a package the user requested, else pip's first. */
function chosenClash(conflict: DependencyConflict): RequirementClash {
  const requestedNames = new Set(conflict.requested.map((r) => normalizeName(r.name)))
  return conflict.clashes.find((c) => requestedNames.has(normalizeName(c.target))) ?? conflict.clashes[0]
}

/** pip's own account of the conflict, as it printed it. */
function conflictEvidence(conflict: DependencyConflict): string[] {
  return present(
    conflict.headline,
    conflict.clashes.length + conflict.requested.length > 0 ? 'The conflict is caused by:' : undefined,
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
    if (conflict.clashes.length === 0) return withoutClash(ctx, conflict)
    const pins = pinsFor(ctx)
    const clash = chosenClash(conflict)
    const dependentPin = pinsOf(pins, clash.dependent)[0]
    const targetPin = pinsOf(pins, clash.target)[0]
    const targetRequested = conflict.requested.find((r) => normalizeName(r.name) === normalizeName(clash.target))?.requirement
    // Two dependencies that each require the target: the conflict is between them, not with the target.
    const rivals = conflict.clashes.filter(
      (c) => c !== clash && normalizeName(c.target) === normalizeName(clash.target) && normalizeName(c.dependent) !== normalizeName(clash.dependent)
    )
    const dependentAt = pinLocation(ctx, dependentPin)
    const targetAt = pinLocation(ctx, targetPin)
    return {
      facts: {
        kind: 'clash',
        clash,
        dependentShown: dependentPin?.requirement ?? `${clash.dependent}==${clash.dependentVersion}`,
        targetShown: targetPin?.requirement ?? targetRequested ?? clash.target,
        dependentAt,
        targetAt,
        ...(rivals.length > 0 && !targetPin && !targetRequested ? { rivals } : {})
      },
      evidence: conflictEvidence(conflict),
      pointers: pointers(dependentAt, targetAt)
    }
  }
}

/**
 * No dependency in the way: the user's own pins exclude each other (the same package twice), or the log kept only
 * pip's headline. Each is located in the requirements files when they are there.
 */
function withoutClash(ctx: BuildContext, conflict: DependencyConflict): Finding<Facts> | undefined {
  const pins = pinsFor(ctx)
  const names = new Set(conflict.requested.map((r) => normalizeName(r.name)))
  if (conflict.requested.length > 1 && names.size === 1) {
    const name = conflict.requested[0].name
    const at = pinsOf(pins, name).map((pin) => pinLocation(ctx, pin))
    const requested = conflict.requested.map((r) => (r.constraint ? `${r.requirement} (constraint)` : r.requirement))
    return { facts: { kind: 'pinned-twice', name, requested, at: pointers(...at) }, evidence: conflictEvidence(conflict), pointers: pointers(...at) }
  }
  const named = conflict.named.length > 0 ? conflict.named : conflict.requested.map((r) => r.requirement)
  if (named.length === 0) return undefined
  const packageShown = named.find((item) => !/^-[rc] /.test(item))
  const at = named.map((item) => fileLineNamed(ctx, item) ?? pinLocation(ctx, pinsOf(pins, item.match(/^[\w.-]+/)?.[0] ?? item)[0]))
  return {
    facts: { kind: 'headline-only', named, packageShown, at: pointers(...at) },
    evidence: conflictEvidence(conflict),
    pointers: pointers(...at)
  }
}

/** pip's `-r requirements.txt (line 10)`: that line, when the file is in the build context. */
function fileLineNamed(ctx: BuildContext, item: string): SourceLocation | undefined {
  const named = item.match(/^-[rc] (\S+) \(line (\d+)\)/)
  if (!named) return undefined
  const file = path.resolve(ctx.contextDir, named[1])
  return fs.existsSync(file) ? { file: rel(ctx, file), line: Number(named[2]) } : undefined
}

const solverConflict: Rule<Facts> = {
  stage: 'build',
  name: "uv's or Poetry's resolver found requirements that cannot be installed together",
  detect(ctx) {
    const verdict = parseSolverVerdict(installerLines(ctx.failure))
    if (verdict?.kind === 'pinned-twice') {
      const at = pointers(...pinsOf(pinsFor(ctx), verdict.name).map((pin) => pinLocation(ctx, pin)))
      const facts: PinnedTwice = { kind: 'pinned-twice', name: verdict.name, requested: verdict.requested, at }
      return { facts, evidence: verdict.evidence, pointers: pointers(...at, stepLocation(ctx)) }
    }
    if (verdict?.kind !== 'conflict') return undefined
    const { dependent, dependentVersion, requirement, target, targetShown, tool } = verdict
    const stepAt = stepLocation(ctx)
    const dependentShown = tool === 'uv' ? `${dependent}==${dependentVersion}` : `${dependent} (${dependentVersion})`
    const dependentAt = declaredAt(ctx, dependent)
    const targetAt = declaredAt(ctx, target)
    return {
      facts: {
        kind: 'clash',
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

function summary({ clash, dependentShown, targetShown, dependentAt, targetAt, rivals }: Clash): string {
  if (rivals) {
    const others = rivals.map((r) => `${code(`${r.dependent} ${r.dependentVersion}`)} requires ${code(r.requirement)}`).join(', ')
    return (
      `${code(dependentShown)}${where(dependentAt)} and ${rivals.map((r) => code(r.dependent)).join(', ')} cannot be installed together: ` +
      `both need ${code(clash.target)}, and pip finds no version for all of them (${clash.dependent} ${clash.dependentVersion} requires ` +
      `${code(clash.requirement)}, ${others}).`
    )
  }
  return (
    `${code(dependentShown)}${where(dependentAt)} cannot be installed together with ${code(targetShown)}${where(targetAt)}: ` +
    `${clash.dependent} ${clash.dependentVersion} requires ${code(clash.requirement)}.`
  )
}

function remedy({ clash, targetShown, dependentAt, targetAt, tool, rivals }: Clash): string {
  const lines = pointers(dependentAt, targetAt).map((l) => code(fileLine(l)))
  if (rivals)
    return (
      `Pin releases of ${[clash.dependent, ...rivals.map((r) => r.dependent)].map((name) => code(name)).join(' and ')} whose ` +
      `${code(clash.target)} requirements overlap${lines.length > 0 ? ` (${lines.join(', ')})` : ''}, or drop the one the app does not need.`
    )
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

const located = (at: SourceLocation[]): string => at.map((l) => code(fileLine(l))).join(' and ')

function words(facts: Facts): { summary: string; remedy: string } {
  switch (facts.kind) {
    case 'clash':
      return { summary: summary(facts), remedy: remedy(facts) }
    case 'pinned-twice':
      return {
        summary:
          `${code(facts.name)} is pinned twice, to versions no release satisfies together: ` +
          `${facts.requested.map(code).join(' and ')}${facts.at.length > 0 ? ` (${located(facts.at)})` : ''}.`,
        remedy: `Keep one pin of ${code(facts.name)}${facts.at.length > 0 ? ` (${located(facts.at)})` : ''} and delete the other.`
      }
    case 'headline-only':
      return {
        summary:
          `pip cannot install ${facts.named.map(code).join(' together with ')}: their dependencies conflict ` +
          `(the log keeps only pip's first line, not the requirements that clash).`,
        remedy:
          `Run the same ${code('pip install')} locally to see pip's "The conflict is caused by" lines, then move the pins together` +
          (facts.packageShown ? `: loosen ${code(facts.packageShown)} or the requirement it clashes with` : '') +
          (facts.at.length > 0 ? ` (${located(facts.at)}).` : '.')
      }
  }
}

export default defineReason({
  id: 'dependency-conflict',
  title: 'Conflicting dependency pins',
  headline: 'conflicting dependency pins',
  readme:
    "pip's `ResolutionImpossible`, uv's `No solution found` and Poetry's `SolverProblemError`: both packages, their pins and " +
    "the requirement that clashes, each pin's line in the requirements files (following `-r` and `-c`) or its entry in `pyproject.toml` " +
    '(`[project]` dependencies, `[tool.poetry.dependencies]`, dependency groups) or the `Pipfile`, annotated: move the pins together; ' +
    "the same when pip runs in the entrypoint as the container starts; one package pinned twice (pip's or uv's words); a log that keeps only pip's headline",
  fixtures: [
    { path: '__fixtures__/build/cases/dependency-conflict', test: '__tests__/build-diagnosis.itg.ts', via: '__tests__/helpers/build-cases.ts' },
    { path: '__fixtures__/build/framings/entrypoint', test: '__tests__/build-framings.itg.ts' },
    {
      path: '__fixtures__/build/cases/dependency-conflict-constraint',
      test: '__tests__/build-diagnosis.itg.ts',
      via: '__tests__/helpers/build-cases.ts'
    },
    { path: '__fixtures__/build/cases/pinned-twice', test: '__tests__/build-diagnosis.itg.ts', via: '__tests__/helpers/build-cases.ts' },
    { path: '__fixtures__/build/installers/uv-replay', test: '__tests__/installers.itg.ts', via: '__tests__/helpers/installer-cases.ts' }
  ],
  rules: [resolutionImpossible, solverConflict, atStart(resolutionImpossible)],
  words
})
