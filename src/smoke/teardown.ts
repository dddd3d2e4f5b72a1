// Teardown: evidence from the container before it goes (exit code, OOM), then remove it, the print-config
// container with it, and drain the log.
import type { ContainerState } from '../docker/docker.js'
import { LOG_DRAIN_CAP } from './log-watch.js'
import type { WorkerCount } from './worker-count.js'
import { staticLogLevel } from '../setup/effective-config.js'
import { cancelled, type Findings, type Running, type SmokeRun } from './types.js'

export interface Evidence {
  state?: ContainerState
  oomEvents?: number
  /** The exit code is evidence only if the container stopped by itself; removing it kills it (137). */
  exitedOnItsOwn?: { code?: number; at: number }
  workersExpected?: number
  /** Gunicorn's loglevel, as `--print-config` printed it or the command and config file set it. */
  logLevel?: string
  /** The container's removal, when the verdict does not wait for it (see tearDown); it never rejects. */
  removal?: Promise<void>
}

export async function tearDown(
  run: SmokeRun,
  running: Running,
  findings: Findings,
  workerCount: WorkerCount,
  logsDone: Promise<unknown>
): Promise<Evidence> {
  const { docker, identity } = run.deps
  const healthy = findings.outcome === 'healthy' && !cancelled(run)
  if (healthy) return tearDownHealthy(run, running, workerCount, logsDone)
  const state = await docker.containerState(running.containerId)
  // Only worth a look when the verdict is already a failure: it is one more Docker call.
  const oomEvents =
    findings.outcome !== 'healthy' && run.settings.memory
      ? await docker.oomEvents(running.containerId, running.containerStartedAt).catch(() => undefined)
      : undefined
  const exitedOnItsOwn = running.watch.exited
  // A container that stopped has all its log on disk: read it to the end (bounded by LOG_DRAIN_CAP) before the
  // verdict and before removing it (removal would end the stream wherever it is). A worker that printed 40 MB
  // before its traceback is then still diagnosed. A running container's log ends when it is removed.
  const stopped = state ? !state.running : exitedOnItsOwn !== undefined
  if (stopped && !(await running.watch.readToEnd(logsDone))) {
    run.warnings.push(
      `More than ${LOG_DRAIN_CAP / 1024 / 1024} MiB of the container's log was still unread when it stopped: ` +
        "the run read that much and no more, so the diagnosis may miss the log's end."
    )
  }
  // A failed run's verdict does not wait for --print-config (started if the app answered healthy first).
  const workersExpected = await workerCount.within(0)
  const configContainer = `${identity.containerName}-config`
  const removing = docker.removeContainers([running.containerId, configContainer])
  // A container that stopped by itself has given all its evidence: when the entry point awaits cleanup after the
  // report (deferCleanup), the verdict does not wait for `docker rm` (hundreds of ms on a loaded machine).
  // A running container's log ends only once it is removed, so that removal stays on the path.
  const deferRemoval = stopped && !workerCount.running && run.deps.deferCleanup !== undefined
  const removal = deferRemoval ? warnIfFails(run, removing) : undefined
  if (!deferRemoval) await removing
  if (workerCount.running) {
    // Its `docker run` may have been still creating the container when it was removed (a cancelled run): once
    // that command has returned, remove whatever it left, so the run never leaves a container behind.
    await workerCount.within(10_000)
    await docker.removeContainers([configContainer])
  }
  if (!stopped) await Promise.race([logsDone, delay(3000)])
  return { state, oomEvents, exitedOnItsOwn, workersExpected, logLevel: logLevelOf(run, running, workerCount), ...(removal ? { removal } : {}) }
}

/**
 * A healthy run has measured all it needs from the app's container (the profile and any shutdown check came first):
 * its removal starts while --print-config gets its last 300 ms, and the verdict waits for the container to stop
 * (its log then ends), not for its filesystem to be deleted. When the entry point awaits cleanup after the report
 * (deferCleanup), the rest of the removal and that of a print-config container still running happen meanwhile.
 */
async function tearDownHealthy(run: SmokeRun, running: Running, workerCount: WorkerCount, logsDone: Promise<unknown>): Promise<Evidence> {
  const { docker, identity, deferCleanup } = run.deps
  const configContainer = `${identity.containerName}-config`
  const configDone = !workerCount.running
  const removingApp = docker.removeContainers(configDone ? [running.containerId, configContainer] : [running.containerId])
  // Handled here so that a failed removal is awaited below rather than reported as unhandled meanwhile.
  removingApp.catch(() => undefined)
  // --print-config started at the first healthy answer and normally finished during the stability window; the
  // verdict does not wait long for it (the tracker's count of the first burst of boots is the fallback).
  const workersExpected = await workerCount.within(300)
  const removingConfig = configDone ? Promise.resolve() : removeConfigContainer(run, workerCount, configContainer)
  const removing = Promise.all([removingApp, removingConfig])
  const removal = deferCleanup ? warnIfFails(run, removing) : undefined
  if (removal) {
    // The log ends when the container stops. A removal that fails before that fails the run, as when the verdict
    // awaited it; a log that does not end with the container is given up on 3 s after the removal.
    await Promise.race([logsDone, removingApp.then(() => delay(3000))])
  } else {
    await removing
    await Promise.race([logsDone, delay(3000)])
  }
  return { exitedOnItsOwn: running.watch.exited, workersExpected, logLevel: logLevelOf(run, running, workerCount), ...(removal ? { removal } : {}) }
}

const logLevelOf = (run: SmokeRun, running: Running, workerCount: WorkerCount): string | undefined =>
  workerCount.printed?.loglevel ?? staticLogLevel(run.settings, running.imageInfo)

/**
 * Removes the print-config container. Not found while its `docker run` had not returned, it may still have been
 * being created: once that command has returned, whatever it left is removed.
 */
async function removeConfigContainer(run: SmokeRun, workerCount: WorkerCount, name: string): Promise<void> {
  const wasRunning = workerCount.running
  const notFound = await run.deps.docker.removeContainers([name])
  if (!wasRunning || notFound === 0) return
  await workerCount.within(10_000)
  await run.deps.docker.removeContainers([name])
}

/** A removal the verdict does not wait for: it never rejects, a failure is a warning. */
function warnIfFails(run: SmokeRun, removal: Promise<unknown>): Promise<void> {
  return removal.then(
    () => undefined,
    (error: unknown) => run.deps.ui.warning(error instanceof Error ? error.message : String(error))
  )
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref())
}
