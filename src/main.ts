// The action's main step: inputs → smoke test → outputs, annotations, job summary, pull-request comment.
// Returns the process exit code; every path decides it explicitly.
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as core from '@actions/core'
import { runIdentity } from './docker/args.js'
import { Docker, DockerError } from './docker/docker.js'
import { describeSources, discover, type Discovery } from './discovery.js'
import { InputError, parseKeyValueLines, parseSettings, type Settings } from './inputs.js'
import type { RunMetadata, RunReport } from './model.js'
import { CancelledError, runSmoke, type Ui } from './smoke/index.js'
import { Redactor, redactReport } from './report/redact.js'
import { renderSummary } from './report/summary.js'
import { saveBuiltImage, saveCleaned, saveRunKey } from './state.js'
import { checkedOutCommit, untrustedCodeWarning } from './untrusted.js'

export async function runMain(docker = new Docker(), env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const runKey = `${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-${crypto.randomBytes(4).toString('hex')}`
  saveRunKey(runKey)
  const identity = runIdentity(runKey)

  let settings: Settings
  let discovery: Discovery
  try {
    const workspace = env.GITHUB_WORKSPACE ?? process.cwd()
    discovery = discover(workspace, (name) => core.getInput(name))
    settings = { ...parseSettings(discovery.read, workspace), procfile: discovery.procfile }
  } catch (error) {
    return failWithoutReport(error)
  }
  for (const note of discovery.notes) core.info(note)
  core.info(describeSources(settings, discovery.sources))
  const untrusted = untrustedCodeWarning(env.GITHUB_EVENT_NAME ?? '', readEventPayload(env), checkedOutCommit(settings.workspace))
  if (untrusted) core.warning(untrusted, { title: "Untrusted code runs with this job's secrets" })
  // Every env value is a secret: masked in the job log and redacted from everything the action writes.
  // Values the blueprint commits to the repository (render.yaml `value:`) are not secrets.
  const secrets = [
    ...parseKeyValueLines('env', core.getInput('env')).map(([, value]) => value),
    ...(settings.githubToken ? [settings.githubToken] : [])
  ]
  for (const secret of secrets) if (secret.trim()) core.setSecret(secret)
  const redactor = new Redactor(secrets)

  const cancel = new AbortController()
  const onSignal = (signal: NodeJS.Signals): void => {
    core.warning(`Received ${signal}: stopping the smoke test and removing its container.`)
    cancel.abort()
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  if (!settings.image) saveBuiltImage(identity.imageTag)
  let report: RunReport
  try {
    report = await runSmoke(settings, {
      docker,
      ui: actionsUi,
      identity,
      metadata: metadataFrom(env),
      settingSources: discovery.sources,
      hostFilledEnv: discovery.hostFilledEnv,
      signal: cancel.signal
    })
  } catch (error) {
    await cleanUp(docker, identity.imageTag, settings)
    if (error instanceof CancelledError) return failWithoutReport(error)
    return failWithoutReport(error)
  }
  await cleanUp(docker, identity.imageTag, settings)

  if (untrusted) report.warnings.push(untrusted)
  const safe = redactReport(report, redactor)
  const reportPath = path.join(env.RUNNER_TEMP || os.tmpdir(), `gunicorn-smoke-${identity.runKey}.json`)
  fs.writeFileSync(reportPath, JSON.stringify(safe, null, 2))

  core.setOutput('result', safe.result)
  core.setOutput('reason', safe.reason ?? '')
  core.setOutput('summary', safe.summary)
  core.setOutput('boot-time-ms', safe.bootTimeMs === undefined ? '' : String(safe.bootTimeMs))
  core.setOutput('health-status', safe.health?.status === undefined ? '' : String(safe.health.status))
  core.setOutput('gunicorn-version', safe.gunicorn.version ?? '')
  core.setOutput('workers', `${safe.gunicorn.workersBooted}/${safe.gunicorn.workersExpected ?? '?'}`)
  core.setOutput('websocket', safe.websocket)
  core.setOutput('report-path', reportPath)

  for (const annotation of safe.annotations.slice(0, 10)) {
    const properties = { title: annotation.title, file: annotation.file, startLine: annotation.line }
    if (annotation.level === 'error') core.error(annotation.message, properties)
    else if (annotation.level === 'warning') core.warning(annotation.message, properties)
    else core.notice(annotation.message, properties)
  }
  for (const advisory of safe.advisories) core.warning(advisory, { title: 'Gunicorn advisory' })

  try {
    await core.summary.addRaw(renderSummary(safe)).write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`)
  }

  // Loaded on demand: the GitHub client is most of the bundle and most runs need it only here, at the end.
  const { publishComment } = await import('./github/publish.js')
  const comment = await publishComment(safe, settings, env, { log: (message) => core.info(message) })
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

async function cleanUp(docker: Docker, imageTag: string, settings: Settings): Promise<void> {
  if (settings.image) {
    saveCleaned()
    return
  }
  try {
    await docker.removeImage(imageTag)
    saveCleaned()
  } catch (error) {
    core.debug(`image cleanup deferred to the post step: ${String(error)}`)
  }
}

/** Inputs, Docker availability, cancellation: one sentence, no stack trace, outputs still set. */
function failWithoutReport(error: unknown): number {
  const known = error instanceof InputError || error instanceof DockerError || error instanceof CancelledError
  const message = error instanceof Error ? error.message : String(error)
  core.setOutput('result', 'fail')
  core.setOutput('reason', '')
  core.setOutput('summary', message)
  core.setFailed(known ? message : `gunicorn-smoke failed unexpectedly: ${message}`)
  return 1
}

function readEventPayload(env: NodeJS.ProcessEnv): { pull_request?: { head?: { sha?: string } } } | undefined {
  try {
    return env.GITHUB_EVENT_PATH ? JSON.parse(fs.readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) : undefined
  } catch {
    return undefined
  }
}

export function metadataFrom(env: NodeJS.ProcessEnv): RunMetadata {
  const headSha = readEventPayload(env)?.pull_request?.head?.sha
  return {
    repository: env.GITHUB_REPOSITORY,
    serverUrl: env.GITHUB_SERVER_URL,
    runId: env.GITHUB_RUN_ID,
    runNumber: env.GITHUB_RUN_NUMBER,
    runAttempt: env.GITHUB_RUN_ATTEMPT,
    // On pull_request events GITHUB_SHA is the merge commit; links should point at the PR's head.
    sha: headSha ?? env.GITHUB_SHA,
    workflow: env.GITHUB_WORKFLOW,
    job: env.GITHUB_JOB,
    eventName: env.GITHUB_EVENT_NAME
  }
}

const actionsUi: Ui = {
  group: (title, body) => core.group(title, body),
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  debug: (message) => core.debug(message),
  buildOutput: (line) => core.info(line),
  progress: (message) => core.info(message)
}
