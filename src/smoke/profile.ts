// The boot profile of a healthy run, after the stability window (and the load): the master's and workers'
// memory, the container's total, the image size and the boot timings, with the fit check under `memory`.
import { measureProfile, sampleLargestWorker } from '../profile/measure.js'
import { withFit } from '../profile/in-report.js'
import type { Findings, Outcome, Running, SmokeRun } from './types.js'

/**
 * At the first healthy answer: one `docker top` for the preload heuristic, not awaited here. Without a
 * stability window or a load, the profile follows at once: its own sample is the one at boot.
 */
export function sampleAtBoot(run: SmokeRun, running: Running, findings: Findings): void {
  if (!profileWaitsAfterBoot(run)) return
  findings.workerRssAtBoot = sampleLargestWorker(run.deps.docker, running.containerId).catch(() => undefined)
}

function profileWaitsAfterBoot(run: SmokeRun): boolean {
  return run.settings.stabilityWindowSec > 0 || run.settings.loadRequests > 0 || Boolean(run.settings.websocketPath)
}

export async function profileBoot(run: SmokeRun, running: Running, findings: Findings): Promise<Outcome> {
  const firstBoot = running.watch.buffer.lines().find((line) => line.text.includes('Booting worker with pid'))
  const timings = {
    firstWorkerMs: firstBoot ? firstBoot.at - running.containerStartedAt : undefined,
    healthyMs: findings.healthyAt !== undefined ? findings.healthyAt - running.containerStartedAt : undefined
  }
  const atBoot = await findings.workerRssAtBoot
  const measured = await measureProfile(
    run.deps.docker,
    { containerId: running.containerId, image: running.image, imageSizeBytes: running.imageInfo?.sizeBytes },
    timings,
    atBoot
  )
  const profile = profileWaitsAfterBoot(run) ? measured : { ...measured, workerRssAtBootBytes: measured.largestWorkerRssBytes }
  findings.profile = withFit(profile, run.settings.memory)
  run.deps.ui.debug(`boot profile measured in ${profile.measuredInMs} ms`)
  return (await running.watch.decided()) ?? findings.outcome
}
