// The build's catch-all: the failing step as it is, its last lines, and what the builder's message says went wrong
// (no pip, no matching distribution, a file missing from the context, the base image, the Dockerfile's syntax).
import { defineReason, type Rule } from '../reason.js'
import { BUILD_CAUSES, dockerfileAt, pointers, type BuildCause, type CauseRule } from '../rules/build-causes.js'
import { code } from '../words.js'
import type { BuildFailure } from '../../docker/build-output.js'
import { clip } from '../../core/text.js'
import { installerLines } from '../installer-output.js'

interface Facts {
  instruction?: string
  /** `3/5`-style position of the failing step. */
  stepPosition?: string
  exitCode?: number
  cause: BuildCause
  /** The step's own last error line (`SomeError: …`, pip's `ERROR: …`, apt's `E: …`), when it printed one. */
  lastError?: string
}

/** An error line as programs print their last word: an exception, pip's `ERROR:`, apt's `E:`. */
const ERROR_LINE = /^(?:[A-Za-z_][\w.]*(?:Error|Exception)|ERROR|E): \S/
/** The error is the network's, not the project's: the step may pass as it is on another try. */
const NETWORK_ERROR =
  /Read timed out|ReadTimeout|ConnectTimeout|Connection (?:reset|refused|aborted)|Temporary failure in name resolution|Could not resolve host/

function lastErrorOf(failure: BuildFailure): string | undefined {
  const lines = installerLines(failure)
  for (let i = lines.length - 1; i >= 0; i--) {
    // The builder's own `ERROR: process "/bin/sh -c …" did not complete` line repeats the step, not its cause.
    if (ERROR_LINE.test(lines[i]) && !/did not complete successfully|failed to solve|executor failed/.test(lines[i])) return lines[i]
  }
  return undefined
}

/** The failing step, when `cause` recognises why: every failure is recognised by the last cause. */
function stepFailed(cause: CauseRule): Rule<Facts> {
  return {
    stage: 'build',
    name: `the failing step: ${cause.name}`,
    detect(ctx) {
      const found = cause.find(ctx.failure)
      if (!found) return undefined
      const { instruction, stepPosition, exitCode, outputTail, message } = ctx.failure
      const lastError = found.kind === 'run-step' ? lastErrorOf(ctx.failure) : undefined
      return {
        facts: { instruction, stepPosition, exitCode, cause: found, lastError },
        evidence: [...outputTail.slice(-8), message].filter((line, index, all) => all.indexOf(line) === index),
        pointers: pointers(dockerfileAt(ctx))
      }
    }
  }
}

function summary({ instruction, stepPosition, exitCode, lastError, cause }: Facts): string {
  const step = instruction ? code(clip(instruction, 100)) : 'a step'
  const position = stepPosition ? ` (step ${stepPosition})` : ''
  const exit = exitCode !== undefined ? ` with exit code ${exitCode}` : ''
  return `The Docker build failed at ${step}${position}${exit}${causeWords(cause) ?? (lastError ? `: ${code(clip(lastError, 200))}` : '')}.`
}

/** What the cause adds to the summary, when the builder's message says more than the step's last line. */
function causeWords(cause: BuildCause): string | undefined {
  switch (cause.kind) {
    case 'vcs-tool-missing':
      return `: pip needs ${code(cause.tool)} to fetch a requirement from its repository (${code(`${cause.tool}+https://…`)}), and the image has no ${code(cause.tool)}`
    case 'download-failed':
      return `: pip's download of ${code(cause.package)} failed on the network (${code(clip(cause.error, 160))})`
    case 'hash-mismatch':
      return cause.packages.length > 0
        ? `: pip refused ${cause.packages.map((name) => code(name)).join(', ')}, whose download does not have the sha256 the requirements pin`
        : ': pip refused downloads that do not have the sha256 the requirements pin'
    default:
      return undefined
  }
}

const NETWORK_REMEDY =
  "The step failed on the network, not on the project: run it again; for large downloads raise pip's " +
  `${code('--default-timeout')} and ${code('--retries')} (or use a closer index or a cache mount).`

/** One or two sentences on what to change, for the failures users hit most. */
function remedy(cause: BuildCause): string {
  switch (cause.kind) {
    case 'no-pip':
      return 'The base image has no pip: start from an official Python image (python:3.x-slim) or install pip before this step.'
    case 'vcs-tool-missing':
      return (
        `Install ${cause.tool} before this step (\`apt-get install -y --no-install-recommends ${cause.tool}\`), ` +
        'or require a released version of the package instead of its repository URL.'
      )
    case 'no-distribution':
      return (
        `pip could not find \`${cause.requirement}\`: check its name and version pin in the requirements file, ` +
        'and that it supports this Python version.'
      )
    case 'download-failed':
      return NETWORK_REMEDY
    case 'hash-mismatch':
      return (
        `pip checks every download against the ${code('--hash')} pins: if a version changed, generate the hashes again ` +
        `(${code('pip-compile --generate-hashes')}, ${code('uv pip compile --generate-hashes')}); if not, pip received another file than ` +
        'the one pinned (a wheel for this platform or Python whose hash is not listed, a mirror, a cut download): pin its hash too, or build without the cache.'
      )
    case 'not-in-context':
      return 'A file the Dockerfile copies is not in the build context: check the path, the `context` input and `.dockerignore`.'
    case 'base-image-not-pulled':
      return 'The base image could not be pulled: check its name and tag, and registry credentials for private images.'
    case 'dockerfile-unparsable':
      return 'The Dockerfile does not parse: fix the instruction on the line shown.'
    case 'run-step':
      return 'Fix the command of this `RUN` step; its last output lines are shown above.'
    case 'other-step':
      return 'Fix the Dockerfile step shown; the builder output is in the job log.'
  }
}

/** The remedy build-failed gives for this failure (the first cause that recognises it). */
export function buildRemedy(failure: BuildFailure): string {
  for (const cause of BUILD_CAUSES) {
    const found = cause.find(failure)
    if (found) return remedy(found)
  }
  return remedy({ kind: 'other-step' }) // unreachable: the last cause recognises every failure
}

export default defineReason({
  id: 'build-failed',
  title: 'Image build failed',
  headline: 'the image did not build',
  readme: '`docker build` failed (legacy builder or BuildKit): the failing step, its output and its Dockerfile line',
  fixtures: [
    { path: '__fixtures__/build/cases/apt-unknown-package', test: '__tests__/build-diagnosis.itg.ts', via: '__tests__/helpers/build-cases.ts' }
  ],
  rules: BUILD_CAUSES.map(stepFailed),
  words: (facts) => ({
    summary: summary(facts),
    remedy: facts.lastError && NETWORK_ERROR.test(facts.lastError) ? NETWORK_REMEDY : remedy(facts.cause)
  })
})
