// The effective worker count (`gunicorn --print-config`, which imports the app): it starts once the app is
// healthy, so it never competes with the boot for the CPU or delays a verdict.
import { effectiveWorkerCount } from '../setup/effective-config.js'
import type { Running, SmokeRun } from './types.js'

export class WorkerCount {
  running = false
  /** Every effective setting `--print-config` printed (graceful_timeout for the shutdown check). */
  printed?: Record<string, string>
  private count: Promise<number | undefined> = Promise.resolve(undefined)

  start(run: SmokeRun, running: Running): void {
    this.running = true
    this.count = effectiveWorkerCount(run.deps.docker, run.settings, run.deps.identity, running.image, running.imageInfo, (config) => {
      this.printed = config
    })
      .catch(() => undefined)
      .finally(() => (this.running = false))
  }

  /** The count if it arrives within `ms`. */
  within(ms: number): Promise<number | undefined> {
    return Promise.race([this.count, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms).unref())])
  }
}
