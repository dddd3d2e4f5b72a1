// The action's main step: one preparation (src/setup/prepare.ts) → smoke test → the report on GitHub
// (src/github/deliver-report.ts). run() is what src/index.ts and GitHub's local-action call; it sets the exit code.
import crypto from 'node:crypto'
import * as core from '@actions/core'
import { failWithoutReport, deliverReport } from './github/deliver-report.js'
import { Docker, DockerError } from './docker/docker.js'
import { readEventPayload, runMetadata } from './github/event.js'
import { InputError } from './setup/inputs.js'
import type { RunReport } from './core/model.js'
import { CancelledError, runSmoke, type Ui } from './smoke/index.js'
import { prepare, removeBuiltImage, type Preparation } from './setup/prepare.js'
import { redactReport } from './render/redact.js'
import { saveBuiltImage, saveCleaned, saveMainRan, saveRunKey } from './setup/action-state.js'
import { untrustedWorkspaceWarning } from './setup/untrusted.js'

export async function run(docker = new Docker(), env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    if (core.getInput('publish-report')) {
      saveMainRan()
      // Loaded on demand: a smoke test never needs the report reader (and its schema validator).
      const { publishReport } = await import('./github/publish-mode.js')
      process.exitCode = await publishReport(env)
      return
    }
    process.exitCode = await smokeTest(docker, env)
  } catch (error) {
    core.setFailed(`gunicorn-smoke failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  }
}

async function smokeTest(docker: Docker, env: NodeJS.ProcessEnv): Promise<number> {
  const runKey = `${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-${crypto.randomBytes(4).toString('hex')}`
  saveRunKey(runKey)
  let preparation: Preparation
  try {
    preparation = prepare({
      workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
      readInput: (name) => core.getInput(name),
      runKey,
      log: (message) => core.info(message),
      mask: (secret) => core.setSecret(secret),
      onSignal: (signal) => core.warning(`Received ${signal}: stopping the smoke test and removing its container.`)
    })
  } catch (error) {
    return failWithoutReport(error, isKnown(error))
  }
  const { settings, identity, discovery } = preparation
  const payload = readEventPayload(env.GITHUB_EVENT_PATH)
  const untrusted = untrustedWorkspaceWarning(env.GITHUB_EVENT_NAME ?? '', payload, settings.workspace)
  if (untrusted) core.warning(untrusted, { title: "Untrusted code runs with this job's secrets" })

  if (!settings.image) saveBuiltImage(identity.imageTag)
  let report: RunReport
  const deferred: Array<Promise<void>> = []
  try {
    report = await runSmoke(settings, {
      docker,
      ui: actionsUi,
      identity,
      metadata: runMetadata(env, payload),
      settingSources: discovery.sources,
      hostFilledEnv: discovery.hostFilledEnv,
      signal: preparation.signal,
      event: { name: env.GITHUB_EVENT_NAME ?? '', payload, tempDir: env.RUNNER_TEMP || undefined },
      deferCleanup: (task) => deferred.push(task)
    })
  } catch (error) {
    await Promise.allSettled(deferred)
    await cleanUp(docker, preparation)
    return failWithoutReport(error, isKnown(error))
  }
  if (untrusted) report.warnings.push(untrusted)
  // The report goes out first; the container's removal, the compose project's `down` (deferred) and then the
  // image's removal (no container may still use it) follow while it is delivered.
  const cleaned = Promise.allSettled(deferred).then(() => cleanUp(docker, preparation))
  const [exitCode] = await Promise.all([deliverReport(redactReport(report, preparation.redactor), settings, env, payload, identity.runKey), cleaned])
  return exitCode
}

/** Post only double-checks once the image is gone; if Docker refuses now, post tries again. */
async function cleanUp(docker: Docker, preparation: Preparation): Promise<void> {
  try {
    await removeBuiltImage(docker, preparation)
    saveCleaned()
  } catch (error) {
    core.debug(`image cleanup deferred to the post step: ${String(error)}`)
  }
}

/** Errors whose message is a sentence for the user (an input, Docker itself, a cancelled job). */
const isKnown = (error: unknown): boolean => error instanceof InputError || error instanceof DockerError || error instanceof CancelledError

const actionsUi: Ui = {
  group: (title, body) => core.group(title, body),
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  debug: (message) => core.debug(message),
  buildOutput: (line) => core.info(line),
  progress: (message) => core.info(message)
}
