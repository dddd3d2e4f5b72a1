// The action's delivery of a (redacted) report: the JSON file, step outputs, annotations, the job summary and the
// pull-request comment, then the verdict. Returns the exit code.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as core from '@actions/core'
import type { EventPayload } from './event.js'
import { commentKeyFor } from './key.js'
import type { Settings } from '../setup/inputs.js'
import type { RunReport } from '../core/model.js'
import { profileOutputs } from '../profile/render.js'
import { serializeReportFile, toReportFile } from '../report-file/file.js'
import { renderSummary } from '../render/markdown.js'
import { workersFigure } from '../gunicorn/log-level.js'

/** At most this many annotations: the runner shows only the first few per step anyway. */
const MAX_ANNOTATIONS = 10

export async function deliverReport(
  safe: RunReport,
  settings: Settings,
  env: NodeJS.ProcessEnv,
  payload: EventPayload,
  runKey: string
): Promise<number> {
  const reportPath = path.join(env.RUNNER_TEMP || os.tmpdir(), `gunicorn-smoke-${runKey}.json`)
  // Versioned and schema-bound (schema/report-v1.schema.json), so a workflow_run workflow can publish it.
  const file = toReportFile(safe, {
    commentKey: commentKeyFor(settings, env),
    headSha: safe.metadata.sha,
    headRepository: headRepository(payload, env)
  })
  fs.writeFileSync(reportPath, serializeReportFile(file))
  setOutputs(safe, reportPath)
  annotate(safe)
  try {
    await core.summary.addRaw(renderSummary(safe)).write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`)
  }

  // Loaded on demand: the GitHub client is most of the bundle and most runs need it only here, at the end.
  const { publishComment } = await import('./publish.js')
  const comment = await publishComment(safe, settings, env, { log: (message) => core.info(message), payload })
  core.setOutput('comment-url', comment.url ?? '')
  if (comment.warning) core.warning(comment.warning)
  if (comment.notice) core.info(comment.notice)

  if (safe.result === 'pass') {
    core.info(`✅ ${safe.summary}`)
    return 0
  }
  core.setFailed(safe.diagnosis ? `${safe.summary} ${safe.diagnosis.remedy}` : safe.summary)
  return 1
}

/** The repository of the commit under test: the fork's on a fork's pull request. */
function headRepository(payload: EventPayload, env: NodeJS.ProcessEnv): string | undefined {
  const head = (payload.pull_request as { head?: { repo?: { full_name?: unknown } } } | undefined)?.head
  return typeof head?.repo?.full_name === 'string' ? head.repo.full_name : env.GITHUB_REPOSITORY
}

function setOutputs(safe: RunReport, reportPath: string): void {
  core.setOutput('result', safe.result)
  core.setOutput('reason', safe.reason ?? '')
  core.setOutput('summary', safe.summary)
  core.setOutput('boot-time-ms', safe.bootTimeMs === undefined ? '' : String(safe.bootTimeMs))
  core.setOutput('health-status', safe.health?.status === undefined ? '' : String(safe.health.status))
  core.setOutput('gunicorn-version', safe.gunicorn.version ?? '')
  core.setOutput('workers', workersFigure(safe.gunicorn))
  core.setOutput('websocket', safe.websocket)
  for (const [name, value] of Object.entries(profileOutputs(safe.profile))) core.setOutput(name, value)
  core.setOutput('report-path', reportPath)
}

function annotate(safe: RunReport): void {
  for (const annotation of safe.annotations.slice(0, MAX_ANNOTATIONS)) {
    const properties = { title: annotation.title, file: annotation.file, startLine: annotation.line }
    if (annotation.level === 'error') core.error(annotation.message, properties)
    else if (annotation.level === 'warning') core.warning(annotation.message, properties)
    else core.notice(annotation.message, properties)
  }
  for (const advisory of safe.advisories) core.warning(advisory, { title: 'Gunicorn advisory' })
}

/**
 * No report (inputs, Docker availability, cancellation): one sentence, no stack trace, outputs still set.
 * `known` errors are the user's to fix and are shown as they are; anything else is flagged as unexpected.
 */
export function failWithoutReport(error: unknown, known: boolean): number {
  const message = error instanceof Error ? error.message : String(error)
  core.setOutput('result', 'fail')
  core.setOutput('reason', '')
  core.setOutput('summary', message)
  core.setFailed(known ? message : `gunicorn-smoke failed unexpectedly: ${message}`)
  return 1
}
