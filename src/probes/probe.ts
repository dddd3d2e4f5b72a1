// The one contract every probe implements, in the spirit of testcontainers' wait strategies: the pipeline
// starts a probe, reads its result, and cancels it when the log or the job decides first.

export interface Probe<Result> {
  /** Runs the check until it has its answer; resolves (never rejects) for a failing app. */
  start(): Promise<Result>
  /** What the probe found so far; before its first answer, undefined. */
  result(): Result | undefined
  /** Stops the check early; the promise of start() then resolves with what the probe has. */
  cancel(): void
}

/** How a polling probe waits between attempts and learns that someone else already decided. */
export interface Pacing {
  /** Waits up to `ms`, returning early when something worth a look happened. */
  pause(ms: number): Promise<void>
  /** True when the run is decided elsewhere (the log, a cancelled job): the probe stops polling. */
  interrupted(): Promise<boolean>
}
