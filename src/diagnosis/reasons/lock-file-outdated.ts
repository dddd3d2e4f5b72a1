// A lock file the installer refuses: uv.lock, poetry.lock or Pipfile.lock no longer matches the project file (the
// project was edited without re-locking), or was written by a newer Poetry than the image runs.
import { defineReason, type Rule } from '../reason.js'
import { installerLines, parseLockProblem, type LockProblem, type WithoutEvidence } from '../installer-output.js'
import { pointers, stepLocation } from '../rules/build-causes.js'
import { lockFileAt, poetryThatLocked } from '../rules/installers.js'
import { code, where } from '../words.js'
import { clip } from '../../core/text.js'
import type { SourceLocation } from '../../core/model.js'

type Facts = WithoutEvidence<LockProblem> & {
  instruction?: string
  stepAt?: SourceLocation
  lockAt?: SourceLocation
  /** poetry.lock's header: the Poetry that wrote it. */
  lockedBy?: string
}

// The line of each lock worth an annotation: Pipfile.lock's hash of the Pipfile, poetry.lock's header.
const LOCK_LINE: Record<LockProblem['tool'], RegExp> = { uv: /./, poetry: /./, pipenv: /"sha256"/ }

const lockRefused: Rule<Facts> = {
  stage: 'build',
  name: 'the installer refuses the lock file',
  detect(ctx) {
    const problem = parseLockProblem(installerLines(ctx.failure))
    if (!problem) return undefined
    const { evidence, ...rest } = problem
    const stepAt = stepLocation(ctx)
    const lockAt = lockFileAt(ctx, problem.lockFile, LOCK_LINE[problem.tool])
    const lockedBy = problem.tool === 'poetry' ? poetryThatLocked(ctx) : undefined
    return {
      facts: { ...rest, instruction: ctx.failure.instruction, stepAt, lockAt, lockedBy },
      evidence,
      pointers: pointers(stepAt, lockAt)
    }
  }
}

const PROJECT_FILE: Record<LockProblem['tool'], string> = { uv: 'pyproject.toml', poetry: 'pyproject.toml', pipenv: 'Pipfile' }
const REFUSAL: Record<LockProblem['tool'], string> = {
  uv: '`--locked` refuses to install it',
  poetry: 'Poetry refuses to install from it',
  pipenv: '`pipenv install --deploy` refuses to install it'
}

function summary(facts: Facts): string {
  const lock = `${code(facts.lockFile)}${where(facts.lockAt)}`
  const step = facts.instruction ? ` at ${code(clip(facts.instruction, 80))}${where(facts.stepAt)}` : ''
  if (facts.kind === 'unreadable') {
    const writer = facts.lockedBy ? ` (written by Poetry ${facts.lockedBy})` : ''
    return facts.tool === 'poetry'
      ? `${lock}${writer} is in a newer format than the Poetry this image runs can read${step}.`
      : `${lock} cannot be read by the uv this image runs${step}.`
  }
  // Pipenv prints the whole sha256 (older releases its first 6 digits): 12 tell them apart.
  const hashes = facts.hashes ? ` (its hash ${code(facts.hashes.found.slice(0, 12))}, the Pipfile's ${code(facts.hashes.expected.slice(0, 12))})` : ''
  return `${lock} is out of date with ${code(PROJECT_FILE[facts.tool])}${hashes}: ${REFUSAL[facts.tool]}${step}.`
}

function remedy(facts: Facts): string {
  const lock = code(facts.lockFile)
  if (facts.kind === 'unreadable') {
    return facts.tool === 'poetry'
      ? `Install the Poetry that wrote ${lock} in the image (${code(`pip install poetry==${facts.lockedBy ?? '<version>'}`)}), ` +
          `or regenerate it with the image's Poetry (${code('poetry lock')}) and commit it.`
      : `Install a uv at least as new as the one that wrote ${lock} (${code('COPY --from=ghcr.io/astral-sh/uv:<version> /uv /uvx /bin/')}).`
  }
  switch (facts.tool) {
    case 'uv':
      return `Run ${code('uv lock')} and commit ${lock} (CI can check it with ${code('uv lock --check')}).`
    case 'poetry':
      return `Run ${code('poetry lock')} (Poetry 1.x: ${code('poetry lock --no-update')}) and commit ${lock} with ${code('pyproject.toml')}.`
    case 'pipenv':
      return `Run ${code('pipenv lock')} and commit ${lock} with the ${code('Pipfile')}.`
  }
}

export default defineReason({
  id: 'lock-file-outdated',
  title: 'Lock file out of date',
  headline: 'the lock file is out of date',
  readme:
    '`uv sync --locked`, `poetry install` or `pipenv install --deploy` refuses the lock file: the project file changed ' +
    'since it was locked, or a newer Poetry wrote it; the lock file and the Dockerfile step, annotated: `uv lock`, `poetry lock`, `pipenv lock`',
  fixtures: [
    { path: '__fixtures__/build/installers/poetry-lock-outdated', test: '__tests__/installers.itg.ts', via: '__tests__/helpers/installer-cases.ts' }
  ],
  rules: [lockRefused],
  words: (facts) => ({ summary: summary(facts), remedy: remedy(facts) })
})
