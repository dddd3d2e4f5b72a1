// The installer cannot run in the failing stage: uv, Poetry or Pipenv is not installed there (often installed in
// another stage only: each FROM starts over), the uv there is not the version pyproject.toml requires, or
// `uv pip install` has no environment to install into.
import { defineReason, type Rule } from '../reason.js'
import { installerLines, parseInstallerProblem, type InstallerProblem, type WithoutEvidence } from '../installer-output.js'
import { pointers, stepLocation } from '../rules/build-causes.js'
import { failingStage, installLines, locationOf } from '../rules/installers.js'
import { uvSettingLine } from '../rules/project-files.js'
import { code, where } from '../words.js'
import { clip } from '../../core/text.js'
import type { SourceLocation } from '../../core/model.js'

type Facts = WithoutEvidence<InstallerProblem> & {
  instruction?: string
  stepAt?: SourceLocation
  stage?: string
  /** Where the Dockerfile installs the tool, and in which stage. */
  installedIn?: { stage: string; at: SourceLocation }
  /** `required-version` under `[tool.uv]`, when that is what the running uv does not meet. */
  settingAt?: SourceLocation
}

const installerCannotRun: Rule<Facts> = {
  stage: 'build',
  name: 'the installer cannot run in the failing stage',
  detect(ctx) {
    const problem = parseInstallerProblem(installerLines(ctx.failure))
    if (!problem) return undefined
    const { evidence, ...rest } = problem
    const stepAt = stepLocation(ctx)
    const stage = failingStage(ctx, stepAt?.line)
    const installs = problem.tool === 'pip' ? [] : installLines(ctx, problem.tool)
    // The install line that matters: in another stage when the tool is missing, else the one this stage uses.
    const install = installs.find((line) => (problem.kind === 'not-found' ? line.stage !== stage : true)) ?? installs[0]
    const installedIn = install ? { stage: install.stage, at: locationOf(ctx, install)! } : undefined
    const settingAt = problem.kind === 'wrong-version' ? uvSettingLine(ctx, 'required-version') : undefined
    return {
      facts: { ...rest, instruction: ctx.failure.instruction, stepAt, stage, installedIn, settingAt },
      evidence,
      pointers: pointers(stepAt, installedIn?.at, settingAt)
    }
  }
}

const inStage = (stage: string | undefined) => (stage ? `the stage ${code(stage)}` : 'the failing stage')

function summary(facts: Facts): string {
  const step = facts.instruction ? `${code(clip(facts.instruction, 80))}${where(facts.stepAt)}` : 'the failing step'
  switch (facts.kind) {
    case 'not-found': {
      const elsewhere =
        facts.installedIn && facts.installedIn.stage !== facts.stage
          ? ` (it is installed in the stage ${code(facts.installedIn.stage)}${where(facts.installedIn.at)}, and each FROM starts over)`
          : ''
      const what = facts.path ? `${code(facts.path)} does not exist` : `${code(facts.tool)} is not installed`
      return `${what} in ${inStage(facts.stage)} that runs ${step}${elsewhere}.`
    }
    case 'wrong-version':
      return (
        `${code('pyproject.toml')}${where(facts.settingAt)} requires uv ${code(facts.required)} and the image runs uv ${code(facts.running)}` +
        `${facts.installedIn ? `, installed${where(facts.installedIn.at)}` : ''}: ${step} stops before installing anything.`
      )
    case 'no-environment':
      return (
        `${facts.instruction ? step : 'The failing step'} found no virtual environment to install into: ` +
        `${code('uv pip')} installs into the system Python only when told to.`
      )
    case 'installer-failed':
      return (
        `The official Poetry installer gave up in ${step}${facts.version ? ` (installing Poetry ${facts.version})` : ''}, so ` +
        `${code('poetry')} is not installed in ${inStage(facts.stage)}: the installer removed what it had installed.`
      )
    case 'system-managed':
      return (
        `${facts.instruction ? step : 'The failing step'} was refused the image's own Python (${code('externally-managed-environment')}, ` +
        "PEP 668): the base image's `python3` belongs to the distribution's packages, and pip will not install into it."
      )
  }
}

const COPY_UV = 'COPY --from=ghcr.io/astral-sh/uv:<version> /uv /uvx /bin/'
const INSTALL: Record<Facts['tool'], string> = {
  pip:
    `build it FROM an official ${code('python:3.x-slim')} image, which has pip, ` +
    `or add ${code('apt-get install -y python3-pip')} (Alpine: ${code('apk add py3-pip')})`,
  uv: `add ${code(COPY_UV)} after its FROM`,
  poetry: `install it there (${code('pip install poetry==<version>')}) or put its bin directory on PATH (${code('ENV PATH="$POETRY_HOME/bin:$PATH"')})`,
  pipenv: `install it there (${code('pip install pipenv')})`
}

function remedy(facts: Facts): string {
  switch (facts.kind) {
    case 'not-found':
      return (
        `Install ${code(facts.tool)} in ${inStage(facts.stage)}: ${INSTALL[facts.tool]}, or build that stage FROM the stage that has it` +
        (facts.path && facts.tool !== 'pip'
          ? `; or call the installer the base image does have (its own ${code('pip')}) instead of ${code(facts.path)}.`
          : '.')
      )
    case 'wrong-version':
      return (
        `Install a uv that satisfies ${code(facts.required)}: pin it (${code(COPY_UV)}) instead of taking whatever ` +
        `the base image or ${code('pip install uv')} brings, or change ${code('required-version')} under ${code('[tool.uv]')}.`
      )
    case 'no-environment':
      return (
        `Pass ${code('--system')} to ${code('uv pip install')} (or set ${code('UV_SYSTEM_PYTHON=1')}); for a virtual environment, ` +
        `create it and set ${code('ENV VIRTUAL_ENV=/app/.venv PATH="/app/.venv/bin:$PATH"')}: ` +
        `${code('RUN source .venv/bin/activate')} does not carry over to the next step.`
      )
    case 'installer-failed':
      return (
        `The installer's own log (${code('poetry-installer-error-*.log')}, named in the output) says why: it needs a Python that ` +
        `this Poetry release supports, with ${code('venv')} (Debian: ${code('python3-venv')}); or install a pinned Poetry with pip ` +
        `(${code('pip install poetry==<version>')}).`
      )
    case 'system-managed':
      return (
        `Build FROM an official ${code('python:3.x-slim')} image, or make a virtual environment first (${code('RUN python3 -m venv /opt/venv')} ` +
        `and ${code('ENV PATH="/opt/venv/bin:$PATH"')}); ${code('pip install --break-system-packages')} forces it, at the cost of the distribution's own packages.`
      )
  }
}

export default defineReason({
  id: 'installer-missing',
  title: 'Installer missing in the stage',
  headline: 'the installer cannot run in the stage',
  readme:
    "`uv`, `poetry`, `pipenv` or `pip` not found in the stage that runs it (and the stage that does install it), uv's " +
    "`required-version` not met (its `[tool.uv]` line), `uv pip` without `--system` or a venv, pip refused a distribution's own " +
    "Python (`externally-managed-environment`, PEP 668), Poetry's own installer gave up: the Dockerfile lines, annotated",
  fixtures: [
    { path: '__fixtures__/build/installers/poetry-not-in-stage', test: '__tests__/installers.itg.ts', via: '__tests__/helpers/installer-cases.ts' }
  ],
  rules: [installerCannotRun],
  words: (facts) => ({ summary: summary(facts), remedy: remedy(facts) })
})
