// The smoke test itself, shared by the action and the CLI, phase by phase: build → start → watch the log while
// probing (wait for health, then WebSocket, load, stability) → teardown → verdict. It never decides by waiting
// out a timeout when the log or the container already told the answer.
import type { Settings } from '../setup/inputs.js'
import type { RunReport } from '../core/model.js'
import { afterHealthy } from './after-healthy.js'
import { buildImage } from './build.js'
import { Checks } from './checks.js'
import { compareWithBaseCommit } from './compare.js'
import { LogWatch } from './log-watch.js'
import { hostEnvWarnings, reportOf } from './report.js'
import { requestStack } from './stack-request.js'
import { chooseStartCommand, startContainer } from './start.js'
import { tearDown } from './teardown.js'
import { CancelledError, cancelled, type PipelineDeps, type Running, type SmokeRun } from './types.js'
import { verdict } from './verdict.js'
import { startDependencies, stopDependencies } from '../compose/dependencies.js'
import type { Docker, ImageInfo } from '../docker/docker.js'
import { waitHealthy } from './wait-healthy.js'
import { WorkerCount } from './worker-count.js'

export async function runSmoke(settings: Settings, deps: PipelineDeps): Promise<RunReport> {
  const now = deps.now ?? Date.now
  const run: SmokeRun = {
    settings,
    deps,
    now,
    startedAt: now(),
    checks: new Checks(),
    warnings: hostEnvWarnings(settings, deps.hostFilledEnv),
    settingSources: { ...deps.settingSources }
  }
  const prebuiltInfo = settings.image ? await inspectPrebuilt(deps.docker, settings.image) : await deps.docker.serverVersion().then(() => undefined)

  const built = await buildImage(run)
  if ('failed' in built) return reportOf(run, built.failed)
  const stack = await startDependencies(run, built.image)
  // Started once the app's container is gone (it sits on the project's network), so `down` overlaps the verdict.
  let stopping: Promise<void> | undefined
  // After the app's container is removed: `down` cannot remove a network a container still uses.
  run.releaseDependencies = () =>
    (stopping ??= (run.appRemoval ?? Promise.resolve()).then(() =>
      stopDependencies(run, stack.cli, deps.deferCleanup !== undefined && settings.compare !== 'base')
    ))
  let report: RunReport
  try {
    if ('failed' in stack) return reportOf(run, stack.failed)
    if (cancelled(run)) throw new CancelledError()
    report = await bootAndProbe(run, built.image, prebuiltInfo)
  } finally {
    // The verdict does not wait for `down` when the entry point awaits it after delivering the report; the base
    // commit's run (`compare: base`) reuses the project's name, so it waits.
    if (deps.deferCleanup && settings.compare !== 'base') deps.deferCleanup(run.releaseDependencies())
    else await run.releaseDependencies()
  }
  return compareWithBaseCommit(run, report, runSmoke)
}

/**
 * A prebuilt image's inspection also tells that Docker answers: `docker version` is asked only when it fails, for
 * its one sentence (no CLI, no daemon); with an image the engine lacks, the run goes on as before.
 */
async function inspectPrebuilt(docker: Docker, image: string): Promise<ImageInfo | undefined> {
  const info = await docker.imageInfo(image).catch(() => undefined)
  if (info === undefined) await docker.serverVersion()
  return info
}

/** Start → watch and probe → teardown → verdict, for a built image (its dependencies, if any, already up). */
async function bootAndProbe(run: SmokeRun, image: string, prebuiltInfo: ImageInfo | undefined): Promise<RunReport> {
  const { deps, settings, now } = run
  const imageInfo = prebuiltInfo ?? (await deps.docker.imageInfo(image))
  chooseStartCommand(run, imageInfo)

  const started = await startContainer(run, image)
  if ('failed' in started) return reportOf(run, started.failed)
  const watch = new LogWatch(now, deps.signal, { probedPort: settings.port })
  const running: Running = {
    image,
    imageInfo,
    containerId: started.containerId,
    hostPort: started.hostPort,
    containerStartedAt: started.startedAt,
    deadline: started.startedAt + run.settings.timeoutSec * 1000,
    watch
  }
  const logsDone = watch.follow(deps.docker, started.containerId)

  const { findings, probe } = await waitHealthy(run, running)
  if (findings.outcome !== 'healthy' && !cancelled(run)) findings.stackRequest = await requestStack(run, running, findings)
  const workerCount = new WorkerCount()
  if (findings.outcome === 'healthy' && !cancelled(run)) await afterHealthy(run, running, findings, workerCount, probe.result().status)
  watch.dispose()
  const wasCancelled = cancelled(run)
  const evidence = await tearDown(run, running, findings, workerCount, logsDone)
  run.appRemoval = evidence.removal
  void run.releaseDependencies?.()
  if (wasCancelled) throw new CancelledError()
  return verdict(run, running, findings, probe.result(), evidence)
}
