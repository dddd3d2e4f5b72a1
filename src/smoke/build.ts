// Phase 1, the image: build the Dockerfile (its output streamed and its tail kept for the diagnosis), or take
// the prebuilt `image` as it is.
import fs from 'node:fs'
import { buildArgs } from '../docker/args.js'
import { buildRemedy, parseBuildFailure, type BuildFailure } from '../docker/build-output.js'
import type { Diagnosis, RunReport } from '../model.js'
import { repoRelative } from '../paths.js'
import { clip } from '../text.js'
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
  const failure = parseBuildFailure(output, readText(settings.dockerfile!))
  const diagnosis = buildDiagnosis(failure, dockerfileRel)
  run.checks.set({
    id: 'build',
    status: 'fail',
    detail: failure.instruction ? `failed at \`${clip(failure.instruction, 80)}\`` : 'failed',
    durationMs
  })
  return {
    failed: {
      result: 'fail',
      reason: 'build-failed',
      summary: diagnosis.summary,
      diagnosis,
      dockerfile: dockerfileRel,
      annotations: buildAnnotations(diagnosis),
      log: output.map((text, seq) => ({ seq, stream: 'stdout', text, at: buildStart })),
      logTotalLines: output.length
    }
  }
}

function buildDiagnosis(failure: BuildFailure, dockerfileRel: string): Diagnosis {
  const step = failure.instruction ? `\`${clip(failure.instruction, 100)}\`` : 'a step'
  const code = failure.exitCode !== undefined ? ` with exit code ${failure.exitCode}` : ''
  return {
    reason: 'build-failed',
    summary: `The Docker build failed at ${step}${failure.stepPosition ? ` (step ${failure.stepPosition})` : ''}${code}.`,
    evidence: [...failure.outputTail.slice(-8), failure.message].filter((line, index, all) => all.indexOf(line) === index),
    location: failure.dockerfileLine ? { file: dockerfileRel, line: failure.dockerfileLine } : undefined,
    remedy: buildRemedy(failure)
  }
}

function buildAnnotations(diagnosis: Diagnosis): RunReport['annotations'] {
  if (!diagnosis.location) return []
  const { file, line } = diagnosis.location
  return [{ level: 'error', title: 'Docker build failed', message: `${diagnosis.summary} ${diagnosis.remedy}`, file, line }]
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}
