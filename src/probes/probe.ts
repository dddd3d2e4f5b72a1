// The one contract every probe implements, in the spirit of testcontainers' wait strategies: whoever runs a
// probe gives it one clock and one cancellation, and reads its result once it stops.

export interface Probe<Result> {
  /** Runs the check until it has its answer or `context.signal` fires; resolves (never rejects) for a failing app. */
  start(context: ProbeContext): Promise<Result>
  /** What the probe found so far; before its first answer, undefined. */
  result(): Result | undefined
}

/** What a probe is given by whoever runs it. */
export interface ProbeContext {
  /** The run's clock (epoch ms): probes never read the wall clock themselves. */
  now: () => number
  /** Fires when the answer no longer matters (the log decided, the container stopped, the job was cancelled). */
  signal?: AbortSignal
  /** Waits up to `ms` between attempts, returning early when something worth a look happened (default: `pause`). */
  pause?: (ms: number) => Promise<void>
}

/** Waits up to `ms`, returning early when `signal` fires. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const timer = setTimeout(done, Math.max(0, ms))
    signal?.addEventListener('abort', done)
    function done(): void {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
  })
}

/** The context's pause, or a plain one that the signal ends. */
export function pauser(context: ProbeContext): (ms: number) => Promise<void> {
  return context.pause ?? ((ms) => pause(ms, context.signal))
}
