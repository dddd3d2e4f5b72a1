// After healthy (and after the load, if any), the stability window: no worker may exit or time out for
// `stability-window` seconds.
import { StabilityProbe } from '../probes/stability.js'
import { formatSeconds } from '../core/text.js'
import type { CheckRow } from './checks.js'
import { runProbe } from './run-probe.js'
import { cancelled, type Findings, type Outcome, type Running, type SmokeRun } from './types.js'

export async function watchStability(run: SmokeRun, running: Running, findings: Findings): Promise<Outcome> {
  const { settings, now } = run
  run.deps.ui.progress(`Watching for ${settings.stabilityWindowSec} s that no worker exits`)
  // After a load, the window watches the aftermath of the load rather than overlapping it.
  const windowStart = findings.load ? now() : findings.healthyAt!
  const windowEnd = windowStart + settings.stabilityWindowSec * 1000
  const { decision } = await runProbe(run, running, new StabilityProbe(windowEnd))
  let outcome: Outcome = decision ?? 'healthy'
  // The health answers came from another process if Gunicorn is still retrying a bind that failed: wait for its
  // verdict (it gives up after a few retries) rather than pass.
  if (outcome === 'healthy' && running.watch.tracker.state().bindInUse && !cancelled(run)) {
    outcome = (await running.watch.decisionWhileBindFails(running.deadline)) ?? 'healthy'
  }
  findings.stabilityMs = now() - windowStart
  return outcome
}

export function stabilityCheck(run: SmokeRun, running: Running, findings: Findings): CheckRow {
  const { stabilityMs, outcome, healthyAt } = findings
  const trouble = running.watch.workerTrouble
  // The shutdown check runs after the window: a failure there says nothing about the window itself.
  const held = outcome === 'healthy' || outcome === 'shutdown-failed'
  const detail =
    stabilityMs === undefined
      ? ''
      : held
        ? `no worker exited in ${formatSeconds(run.settings.stabilityWindowSec * 1000)}`
        : `a worker ${trouble?.what === 'worker timeout' ? 'timed out' : 'exited'} ` +
          `${formatSeconds((trouble?.at ?? run.now()) - healthyAt!)} after the first healthy answer`
  return {
    id: 'stability',
    status: stabilityMs === undefined ? 'not-reached' : held ? 'pass' : 'fail',
    detail,
    durationMs: stabilityMs
  }
}
