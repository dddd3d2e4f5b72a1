// How every phase runs its probe: with the run's clock and the log's cancellation, so a probe stops as soon as the
// log (or the container, or the job) has decided, and the phase reads the probe's result with the log's decision.
import type { Probe } from '../probes/probe.js'
import type { LogDecision } from './log-watch.js'
import type { Running, SmokeRun } from './types.js'

export interface Probed<Result> {
  result: Result
  /** What the log decided while (or just after) the probe ran; undefined when it decided nothing. */
  decision?: LogDecision
  /** The probe was stopped by the log, the container or the job before it finished by itself. */
  cutShort: boolean
}

export async function runProbe<Result>(run: SmokeRun, running: Running, probe: Probe<Result>): Promise<Probed<Result>> {
  const { watch } = running
  const signal = watch.cancellation
  const result = await probe.start({ now: run.now, signal, pause: watch.pacer() })
  const cutShort = signal.aborted
  return { result, decision: await watch.decided(), cutShort }
}
