// The stability window as a probe: the run's log does the watching (a worker that exits or times out fires the
// context's signal), so the probe only waits out the window, or stops when the signal fires.
import { pause, type Probe, type ProbeContext } from './probe.js'

export class StabilityProbe implements Probe<number> {
  private watchedMs?: number

  /** `until`: the end of the window (epoch ms, by the context's clock). */
  constructor(private readonly until: number) {}

  /** Resolves with how long it watched. */
  async start({ now, signal }: ProbeContext): Promise<number> {
    const startedAt = now()
    await pause(this.until - startedAt, signal)
    this.watchedMs = now() - startedAt
    return this.watchedMs
  }

  result(): number | undefined {
    return this.watchedMs
  }
}
