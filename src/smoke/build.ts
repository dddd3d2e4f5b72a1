// Phase 1, the image: build the Dockerfile (its output streamed and its tail kept for the diagnosis), or take
// the prebuilt `image` as it is.
import fs from 'node:fs'
import { buildArgs, pythonVersionArgs, usesBuildx } from '../docker/args.js'
import { DockerError } from '../docker/docker.js'
import { parseBuildFailure, stripAnsi, type BuildFailure } from '../docker/build-output.js'
import { pythonVersionUnstated } from '../diagnosis/pip-output.js'
import { explain } from '../diagnosis/explain.js'
import type { BuildContext } from '../diagnosis/stages.js'
import { reasonById } from '../diagnosis/registry.js'
import { unreadableProjectFiles } from '../diagnosis/rules/project-files.js'
import type { Diagnosis, RunReport, SourceLocation } from '../core/model.js'
import { repoRelative } from '../core/paths.js'
import { clip } from '../core/text.js'
import type { ReportFields } from './report.js'
import { CancelledError, type SmokeRun } from './types.js'

/** Builder output kept for the diagnosis of a failed build. */
const OUTPUT_TAIL = 400

export type BuildResult = { image: string } | { failed: ReportFields }

export async function buildImage(run: SmokeRun): Promise<BuildResult> {
  const { settings, deps, now } = run
  if (settings.image) {
    run.checks.set({ id: 'build', status: 'skipped', detail: `prebuilt \`${settings.image}\``, durationMs: 0 })
    return { image: settings.image }
  }
  if (usesBuildx(settings) && !(await deps.docker.buildxVersion())) {
    throw new DockerError(
      "The inputs 'cache-from' and 'cache-to' need Docker Buildx, which this runner does not have: add docker/setup-buildx-action before this step."
    )
  }
  const buildStart = now()
  const output: string[] = []
  const dockerfileRel = repoRelative(settings.workspace, settings.dockerfile!)
  const onLine = (line: string): void => {
    output.push(line)
    if (output.length > OUTPUT_TAIL) output.splice(0, output.length - OUTPUT_TAIL)
    deps.ui.buildOutput(line)
  }
  deps.ui.progress(`Building ${dockerfileRel}`)
  const exitCode = await deps.ui.group(`Build ${dockerfileRel}`, () =>
    deps.docker.build(buildArgs(settings, deps.identity), { onStdout: onLine, onStderr: onLine, signal: deps.signal })
  )
  const durationMs = now() - buildStart
  if (deps.signal?.aborted) throw new CancelledError()
  if (exitCode === 0) {
    run.checks.set({ id: 'build', status: 'pass', detail: `built \`${dockerfileRel}\``, durationMs })
    return { image: deps.identity.imageTag }
  }
  const input = await failedBuild(run, output)
  const { failure } = input
  // build-failed, the build's catch-all, recognises every failed build.
  const { diagnosis, pointers } = explain('build', input)!
  run.checks.set({
    id: 'build',
    status: 'fail',
    detail: failure.instruction ? `failed at \`${clip(failure.instruction, 80)}\`` : 'failed',
    durationMs
  })
  return {
    failed: {
      result: 'fail',
      reason: diagnosis.reason,
      summary: diagnosis.summary,
      diagnosis,
      dockerfile: dockerfileRel,
      annotations: buildAnnotations(diagnosis, pointers),
      // The legacy builder passes colour codes through: the report's log is plain text.
      log: output.map((text, seq) => ({ seq, stream: 'stdout', text: stripAnsi(text).replace(/\r$/, ''), at: buildStart })),
      logTotalLines: output.length
    }
  }
}

/** An error on each repository line the diagnosis points at: the Dockerfile step, the pins, the .dockerignore line. */
export function buildAnnotations(diagnosis: Diagnosis, pointers: SourceLocation[]): RunReport['annotations'] {
  const title = `Gunicorn smoke: ${reasonById(diagnosis.reason).title}`
  return pointers.map(({ file, line }) => ({ level: 'error', title, message: `${diagnosis.summary} ${diagnosis.remedy}`, file, line }))
}

/** What the diagnosis reads of a failed build. A pyproject.toml or Pipfile that is not valid TOML is often the
 * failure itself, and its lines cannot be pointed at: a warning says so. */
async function failedBuild(run: SmokeRun, output: string[]): Promise<BuildContext> {
  const { settings } = run
  const dockerfileText = readText(settings.dockerfile!)
  const failure = parseBuildFailure(output, dockerfileText)
  run.warnings.push(...unreadableProjectFiles(settings.context))
  return {
    failure,
    workspace: settings.workspace,
    contextDir: settings.context,
    dockerfile: settings.dockerfile!,
    dockerfileText,
    pythonVersion: await basePythonVersion(run, failure)
  }
}

/** When pip skipped releases for another Python without naming its own, ask the stage's base image. */
async function basePythonVersion(run: SmokeRun, failure: BuildFailure): Promise<string | undefined> {
  if (!failure.baseImage || !pythonVersionUnstated(failure.stepOutput)) return undefined
  const result = await run.deps.docker.runToCompletion(pythonVersionArgs(failure.baseImage, run.deps.identity))
  return result.exitCode === 0 ? result.stdout.trim().match(/^\d+\.\d+\.\d+$/)?.[0] : undefined
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}
