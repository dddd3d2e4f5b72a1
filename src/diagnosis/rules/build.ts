// The build family: why `docker build` failed, from the failing step's output (pip's or apt's own messages, or the
// builder's) and the build context on disk. Ordered like the boot rules: the specific causes first, `build-failed`
// (the failing step and its last lines) for the rest.
import path from 'node:path'
import { buildRemedy, findInstructionLine } from '../../docker/build-output.js'
import type { Diagnosis, ReasonId, SourceLocation } from '../../model.js'
import { repoRelative } from '../../paths.js'
import { clip } from '../../text.js'
import { closestExistingFile, dockerignoreLine, existsInContext } from '../build-context.js'
import { closestName, WELL_KNOWN_PACKAGES } from '../closest.js'
import { APT_FOR_MISSING, APT_FOR_PACKAGE, BINARY_ALTERNATIVE, debianNameFor } from '../native-deps.js'
import { parseConflict, parseNativeBuildFailure, parseNotFound } from '../pip-output.js'
import { normalizeName, pinsOf, readPins, requirementFilesOf, type Pin } from '../requirements.js'
import { code, fileLine, present, where } from './rule.js'
import type { BuildContext } from '../stages.js'

/** A diagnosis of the build, with every repository line worth an annotation (the first is `location`). */
export interface BuildDiagnosis extends Diagnosis {
  pointers: SourceLocation[]
}

interface BuildRule {
  reason: ReasonId
  explain(ctx: BuildContext): BuildDiagnosis | undefined
}

const rel = (ctx: BuildContext, file: string): string => repoRelative(ctx.workspace, file)
const dockerfileAt = (ctx: BuildContext): SourceLocation | undefined =>
  ctx.failure.dockerfileLine ? { file: rel(ctx, ctx.dockerfile), line: ctx.failure.dockerfileLine } : undefined
const pinLocation = (ctx: BuildContext, pin: Pin | undefined): SourceLocation | undefined =>
  pin ? { file: rel(ctx, pin.file), line: pin.line } : undefined
const withPointers = (diagnosis: Diagnosis, ...pointers: (SourceLocation | undefined)[]): BuildDiagnosis => {
  const present = pointers.filter((p): p is SourceLocation => Boolean(p))
  return { ...diagnosis, location: diagnosis.location ?? present[0], pointers: present }
}

function pinsFor(ctx: BuildContext): Pin[] {
  return requirementFilesOf(ctx.failure.instruction ?? '', ctx.contextDir).flatMap((file) => readPins(file))
}

export const dependencyConflict: BuildRule = {
  reason: 'dependency-conflict',
  explain(ctx) {
    const conflict = parseConflict(ctx.failure.stepOutput)
    if (!conflict) return undefined
    const pins = pinsFor(ctx)
    const requestedNames = new Set(conflict.requested.map((r) => normalizeName(r.name)))
    const clash = conflict.clashes.find((c) => requestedNames.has(normalizeName(c.target))) ?? conflict.clashes[0]
    const dependentPin = pinsOf(pins, clash.dependent)[0]
    const targetPin = pinsOf(pins, clash.target)[0]
    const targetRequested = conflict.requested.find((r) => normalizeName(r.name) === normalizeName(clash.target))?.requirement
    const dependentShown = dependentPin?.requirement ?? `${clash.dependent}==${clash.dependentVersion}`
    const targetShown = targetPin?.requirement ?? targetRequested ?? clash.target
    const dependentAt = pinLocation(ctx, dependentPin)
    const targetAt = pinLocation(ctx, targetPin)
    const lines = [dependentAt, targetAt].filter((l): l is SourceLocation => Boolean(l)).map((l) => code(fileLine(l)))
    return withPointers(
      {
        reason: 'dependency-conflict',
        summary:
          `${code(dependentShown)}${where(dependentAt)} cannot be installed together with ${code(targetShown)}${where(targetAt)}: ` +
          `${clash.dependent} ${clash.dependentVersion} requires ${code(clash.requirement)}.`,
        evidence: present(
          conflict.headline,
          'The conflict is caused by:',
          ...conflict.clashes.map((c) => `${c.dependent} ${c.dependentVersion} depends on ${c.requirement}`),
          ...conflict.requested.map((r) => `The user requested ${r.constraint ? '(constraint) ' : ''}${r.requirement}`)
        ),
        remedy:
          `Move the pins together: pin ${code(clash.target)} to a version that satisfies ${code(clash.requirement)}, or pin the ` +
          `${code(clash.dependent)} release that works with ${code(targetShown)}` +
          (lines.length > 0 ? `, changing ${lines.join(' and ')} in the same commit.` : ', in the same commit.')
      },
      dependentAt,
      targetAt
    )
  }
}

export const packageNotFound: BuildRule = {
  reason: 'package-not-found',
  explain(ctx) {
    const notFound = parseNotFound(ctx.failure.stepOutput)
    if (!notFound) return undefined
    const pin = pinsOf(pinsFor(ctx), notFound.name)[0]
    const at = pinLocation(ctx, pin)
    const shown = code(pin?.requirement ?? notFound.requirement)
    let summary: string
    let remedy: string
    if (notFound.otherPython) {
      const version = notFound.otherPython.pythonVersion ?? ctx.pythonVersion
      const python = version ? `this image's Python ${version}` : "this image's Python"
      summary = `${shown}${where(at)} exists only for other Pythons: it requires Python ${code(notFound.otherPython.requiresPython)}, not ${python}.`
      remedy = `Pin a ${code(notFound.name)} release that supports ${python}, or build FROM a Python that satisfies ${code(notFound.otherPython.requiresPython)}.`
    } else if (notFound.versions.length > 0) {
      const listed = notFound.versions.slice(-8).join(', ')
      summary = `${shown}${where(at)}: that version of ${code(notFound.name)} does not exist (pip found ${listed}).`
      remedy = `Pin one of the versions pip found, e.g. ${code(`${notFound.name}==${notFound.versions[notFound.versions.length - 1]}`)}.`
    } else {
      const guess = closestName(
        notFound.name,
        [...WELL_KNOWN_PACKAGES, ...pinsFor(ctx).map((p) => p.name)].filter((n) => normalizeName(n) !== normalizeName(notFound.name))
      )
      summary = `${shown}${where(at)}: pip found no package named ${code(notFound.name)}${guess ? ` — did you mean ${code(guess)}?` : '.'}`
      remedy = guess
        ? `Correct the name to ${code(guess)} (the version pin stays as it is if that release exists).`
        : `Check the package name on PyPI (or in the index the build uses) and correct it.`
    }
    return withPointers({ reason: 'package-not-found', summary, evidence: notFound.evidence, remedy }, at ?? dockerfileAt(ctx))
  }
}

export const nativeBuildFailed: BuildRule = {
  reason: 'native-build-failed',
  explain(ctx) {
    const native = parseNativeBuildFailure(ctx.failure.stepOutput)
    if (!native) return undefined
    const name = normalizeName(native.packageName)
    const apt = [
      ...new Set([
        ...(APT_FOR_MISSING.find((entry) => native.missing && entry.match.test(native.missing))?.apt ?? ['build-essential']),
        ...(APT_FOR_PACKAGE[name] ?? [])
      ])
    ]
    // The compiler line shows where Python's headers are looked for: /usr/include is Debian's Python (python3-dev).
    if (!apt.includes('python3-dev') && ctx.failure.stepOutput.some((line) => /-I\/usr\/include\/python3/.test(line))) apt.push('python3-dev')
    const dockerfile = dockerfileAt(ctx)
    const binary = BINARY_ALTERNATIVE[name]
    const install = `RUN apt-get update && apt-get install -y --no-install-recommends ${apt.join(' ')}`
    const before = dockerfile ? ` before ${code(fileLine(dockerfile))}` : ''
    const pin = pinLocation(ctx, pinsOf(pinsFor(ctx), native.packageName)[0])
    return withPointers(
      {
        reason: 'native-build-failed',
        summary:
          `${code(native.packageName)} had to be compiled from source and its build failed` +
          (native.missing ? `: ${code(native.missing)} is missing from the image.` : '.'),
        evidence: present(...native.evidence),
        remedy:
          `Add ${code(install)} to the Dockerfile${before}` +
          (binary
            ? `, or install ${code(binary)} instead of ${code(native.packageName)} (a prebuilt wheel, no compiler needed).`
            : ', or pin a release that ships a wheel for this Python.')
      },
      dockerfile,
      pin
    )
  }
}

export const buildFileMissing: BuildRule = {
  reason: 'build-file-missing',
  explain(ctx) {
    const text = [ctx.failure.message, ...ctx.failure.stepOutput].join('\n')
    const match = text.match(/stat ([^:\n]+): file does not exist/) ?? text.match(/"\/?([^"\n]+)"(?::)? not found/)
    if (!match || !/^(COPY|ADD)\b/i.test(ctx.failure.instruction ?? '')) return undefined
    const file = path.posix.normalize(match[1].replace(/^\/+/, ''))
    const dockerfile = dockerfileAt(ctx) ?? lineOf(ctx)
    const contextRel = rel(ctx, ctx.contextDir)
    const inContext = contextRel === '.' ? 'the build context' : `the build context ${code(contextRel)}`
    const ignored = existsInContext(ctx.contextDir, file) ? dockerignoreLine(ctx.contextDir, file) : undefined
    const ignoreAt = ignored ? { file: rel(ctx, path.join(ctx.contextDir, '.dockerignore')), line: ignored.line } : undefined
    const renamed = ignored ? undefined : closestExistingFile(ctx.contextDir, file)
    const step = code(clip(ctx.failure.instruction ?? 'COPY', 80))
    const summary = ignoreAt
      ? `${step} copies ${code(file)}, which ${code('.dockerignore')} excludes (${code(ignored!.pattern)}, ${code(fileLine(ignoreAt))}).`
      : `${step} copies ${code(file)}, which is not in ${inContext}${renamed ? ` — the closest name there is ${code(renamed)}` : ''}.`
    const remedy = ignoreAt
      ? `Remove or narrow the ${code(ignored!.pattern)} line of ${code('.dockerignore')} (or add ${code(`!${file}`)} after it) so the file reaches the build.`
      : renamed
        ? `Copy ${code(renamed)} (or rename it back to ${code(file)}).`
        : `Commit ${code(file)}, or fix the path in the Dockerfile; paths are relative to ${inContext}.`
    return withPointers({ reason: 'build-file-missing', summary, evidence: present(match[0], ctx.failure.message), remedy }, dockerfile, ignoreAt)
  }
}

export const aptPackageNotFound: BuildRule = {
  reason: 'apt-package-not-found',
  explain(ctx) {
    const hit = ctx.failure.stepOutput
      .map((line) => line.match(/E: (?:Unable to locate package (\S+)|Package '?([^' ]+)'? has no installation candidate)/))
      .find(Boolean)
    if (!hit) return undefined
    const name = hit[1] ?? hit[2]
    const debian = debianNameFor(name)
    const noUpdate = !/apt-get update|apt update/.test(ctx.failure.instruction ?? '')
    const remedy = debian
      ? `Debian calls it ${code(debian)}: install that instead of ${code(name)}.`
      : noUpdate
        ? `Run ${code('apt-get update')} in the same \`RUN\` as the install (the image ships without package lists), and check the name with ${code(`apt-cache search ${name}`)}.`
        : `Check the name for this Debian release (${code(`apt-cache search ${name}`)}); package names differ between distributions and releases.`
    return withPointers(
      {
        reason: 'apt-package-not-found',
        summary: `${code('apt-get install')} does not know the package ${code(name)}${debian ? ` — on Debian it is ${code(debian)}` : ''}.`,
        evidence: [hit.input!.trim()],
        remedy
      },
      dockerfileAt(ctx) ?? lineOf(ctx)
    )
  }
}

export const buildFailed: BuildRule = {
  reason: 'build-failed',
  explain(ctx) {
    const { failure } = ctx
    const step = failure.instruction ? code(clip(failure.instruction, 100)) : 'a step'
    const exit = failure.exitCode !== undefined ? ` with exit code ${failure.exitCode}` : ''
    return withPointers(
      {
        reason: 'build-failed',
        summary: `The Docker build failed at ${step}${failure.stepPosition ? ` (step ${failure.stepPosition})` : ''}${exit}.`,
        evidence: [...failure.outputTail.slice(-8), failure.message].filter((line, index, all) => all.indexOf(line) === index),
        remedy: buildRemedy(failure)
      },
      dockerfileAt(ctx)
    )
  }
}

function lineOf(ctx: BuildContext): SourceLocation | undefined {
  const line = ctx.dockerfileText && ctx.failure.instruction ? findInstructionLine(ctx.dockerfileText, ctx.failure.instruction) : undefined
  return line ? { file: rel(ctx, ctx.dockerfile), line } : undefined
}

/** Ordered: pip's and apt's own causes, then a missing file, then the failing step as it is. */
export const BUILD_RULES: readonly BuildRule[] = [
  dependencyConflict,
  packageNotFound,
  nativeBuildFailed,
  aptPackageNotFound,
  buildFileMissing,
  buildFailed
]

export function diagnoseBuild(ctx: BuildContext): BuildDiagnosis {
  for (const rule of BUILD_RULES) {
    const diagnosis = rule.explain(ctx)
    if (diagnosis) return diagnosis
  }
  return buildFailed.explain(ctx)!
}
