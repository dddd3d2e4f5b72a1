// The build family's shared detection: where the failing step and the pins are in the repository, the pins the
// failing step installs, and what the builder's own message says went wrong (the causes `build-failed` tells
// apart). The reasons themselves (dependency-conflict … build-failed) are in src/diagnosis/reasons/.
import { findInstructionLine, type BuildFailure } from '../../docker/build-output.js'
import type { SourceLocation } from '../../core/model.js'
import { repoRelative } from '../../core/paths.js'
import { readPins, requirementFilesOf, type Pin } from '../requirements.js'
import type { BuildContext } from '../stages.js'

/** A path of the build, relative to the repository. */
export const rel = (ctx: BuildContext, file: string): string => repoRelative(ctx.workspace, file)

/** The failing step's Dockerfile line, as the builder printed it. */
export const dockerfileAt = (ctx: BuildContext): SourceLocation | undefined =>
  ctx.failure.dockerfileLine ? { file: rel(ctx, ctx.dockerfile), line: ctx.failure.dockerfileLine } : undefined

/** The failing step's Dockerfile line: the builder's, else the line whose instruction is the failing step's. */
export function stepLocation(ctx: BuildContext): SourceLocation | undefined {
  return dockerfileAt(ctx) ?? instructionLine(ctx)
}

function instructionLine(ctx: BuildContext): SourceLocation | undefined {
  const line = ctx.dockerfileText && ctx.failure.instruction ? findInstructionLine(ctx.dockerfileText, ctx.failure.instruction) : undefined
  return line ? { file: rel(ctx, ctx.dockerfile), line } : undefined
}

export const pinLocation = (ctx: BuildContext, pin: Pin | undefined): SourceLocation | undefined =>
  pin ? { file: rel(ctx, pin.file), line: pin.line } : undefined

/**
 * The pins of the requirements files the failing step installs (following `-r` and `-c`); without the step's
 * command (a log cut at its start, pip run by an entrypoint), the files pip itself names (`-r requirements.txt (line 3)`).
 */
export function pinsFor(ctx: BuildContext): Pin[] {
  const named = ctx.failure.instruction ?? [...new Set(ctx.failure.output.flatMap((line) => line.match(PIP_NAMES_FILE) ?? []))].join(' ')
  return requirementFilesOf(named, ctx.contextDir).flatMap((file) => readPins(file))
}

const PIP_NAMES_FILE = /(?:-r|-c) [^\s()]+(?= \(line \d+\))/g

/** The locations found, in order: a build finding's pointers (the first is its location). */
export function pointers(...locations: (SourceLocation | undefined)[]): SourceLocation[] {
  return locations.filter((location): location is SourceLocation => Boolean(location))
}

/** What the builder's message and the step's last lines say, when no specific build rule recognised the failure. */
export type BuildCause =
  | { kind: 'no-pip' }
  /** pip was asked for a VCS requirement (`git+https://…`) and the image has no such tool to fetch it. */
  | { kind: 'vcs-tool-missing'; tool: string }
  | { kind: 'no-distribution'; requirement: string }
  /** pip's download of a package failed on the network (a read timeout, a connection reset). */
  | { kind: 'download-failed'; package: string; error: string }
  /** pip refused downloads whose sha256 is not the one the requirements pin (`--require-hashes`). */
  | { kind: 'hash-mismatch'; packages: string[] }
  | { kind: 'not-in-context' }
  | { kind: 'base-image-not-pulled' }
  | { kind: 'dockerfile-unparsable' }
  | { kind: 'run-step' }
  | { kind: 'other-step' }

export interface CauseRule {
  name: string
  find(failure: BuildFailure): BuildCause | undefined
}

const failureText = (failure: BuildFailure): string => [failure.message, ...failure.outputTail].join('\n')
const when = (re: RegExp, cause: BuildCause) => (failure: BuildFailure) => (re.test(failureText(failure)) ? cause : undefined)

const NO_MATCHING_DISTRIBUTION = /No matching distribution found for ([^\s]+)/
const NOT_IN_CONTEXT = /COPY failed|failed to compute cache key|not found in build context|"\/[^"]+": not found/
const PULL_FAILED =
  /pull access denied|manifest unknown|not found: manifest|failed to resolve source metadata|registry-1\.docker\.io|dial tcp|no such host/

const HASH_MISMATCH = /THESE PACKAGES DO NOT MATCH THE HASHES/
// pip's list under it: `    tensorflow==2.5.1 from https://…/tensorflow-2.5.1-….whl (from -r … (line 2)):`.
const MISMATCHED = /^\s+([A-Za-z0-9][\w.-]*)(?:==\S+)? from (?:https?|file):\/\//
const NETWORK_FAILED = /ReadTimeoutError|Read timed out|ConnectTimeoutError|Connection (?:reset by peer|aborted)|IncompleteRead|ProtocolError/
// The words pip stopped on: an exception's own line or pip's `ERROR:` (its `WARNING: Retrying … after connection
// broken by 'ReadTimeoutError(…)'` lines are retries that may have worked).
const STOPPED_ON = /^\s*(?:[\w.]*(?:Error|Exception|IncompleteRead): |ERROR: )/
const DOWNLOADING = /^\s*(?:Downloading|Collecting) (?:https?:\/\/\S*\/)?([A-Za-z0-9][\w.]*?)(?:-\d[\w.!+-]*\.(?:whl|tar\.gz|zip)\b|[=<>!~ ]|$)/

/** The package pip was downloading when the network failed it: the last `Downloading`/`Collecting` line before the error. */
function downloadFailed(failure: BuildFailure): BuildCause | undefined {
  const lines = failure.output
  const at = lines.findLastIndex((line) => STOPPED_ON.test(line) && NETWORK_FAILED.test(line))
  if (at === -1) return undefined
  const name = lines
    .slice(0, at)
    .map((line) => DOWNLOADING.exec(line)?.[1])
    .filter((found): found is string => found !== undefined)
    .pop()
  return name === undefined ? undefined : { kind: 'download-failed', package: name.replace(/_/g, '-'), error: lines[at].trim() }
}

/** Ordered: the first that finds something is the cause; the last finds every failure. */
export const BUILD_CAUSES: readonly CauseRule[] = [
  { name: 'the base image has no pip', find: when(/pip: not found|No module named pip/, { kind: 'no-pip' }) },
  {
    name: 'pip cannot fetch a VCS requirement without its tool',
    find(failure) {
      const tool = /Cannot find command '(git|hg|svn|bzr)'/.exec(failureText(failure))?.[1]
      return tool === undefined ? undefined : { kind: 'vcs-tool-missing', tool }
    }
  },
  {
    name: 'pip found no matching distribution',
    find(failure) {
      const requirement = failureText(failure).match(NO_MATCHING_DISTRIBUTION)?.[1]
      return requirement === undefined ? undefined : { kind: 'no-distribution', requirement }
    }
  },
  {
    name: "pip's downloads do not match the pinned hashes",
    find(failure) {
      const at = failure.output.findIndex((line) => HASH_MISMATCH.test(line))
      if (at === -1) return undefined
      const packages = failure.output.slice(at + 1).flatMap((line) => MISMATCHED.exec(line)?.[1] ?? [])
      return { kind: 'hash-mismatch', packages: [...new Set(packages)] }
    }
  },
  { name: "pip's download failed on the network", find: downloadFailed },
  { name: 'a copied file is not in the build context', find: when(NOT_IN_CONTEXT, { kind: 'not-in-context' }) },
  {
    name: 'the base image could not be pulled',
    find: (failure) =>
      PULL_FAILED.test(failureText(failure)) || failure.instruction?.startsWith('FROM') ? { kind: 'base-image-not-pulled' } : undefined
  },
  {
    name: 'the Dockerfile does not parse',
    find: when(/unknown instruction|dockerfile parse error|failed to parse/i, { kind: 'dockerfile-unparsable' })
  },
  { name: 'a RUN step failed', find: (failure) => (failure.instruction?.startsWith('RUN') ? { kind: 'run-step' } : undefined) },
  { name: 'another step failed', find: () => ({ kind: 'other-step' }) }
]
