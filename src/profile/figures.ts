// What the boot profile measured in one run, and how it compares with the pull request's base commit.
// Sizes are bytes; renderers show them in MB (10^6 bytes, the unit `docker image ls` uses).

/** One row of `docker top <container> -eo pid,ppid,rss,args` (host PIDs, RSS in bytes). */
export interface ProcessSample {
  pid: number
  ppid: number
  rssBytes: number
  args: string
}

/** Where the container's total came from: its memory cgroup read from the host, or `docker stats`. */
export type MemorySource = 'cgroup-v1' | 'cgroup-v2' | 'docker-stats'

export interface BootProfile {
  /** Resident memory of the Gunicorn master. */
  masterRssBytes?: number
  /** Resident memory of each worker (direct children of the master), in PID order. */
  workerRssBytes: number[]
  /** The largest worker (the `worker-memory-mb` output). */
  largestWorkerRssBytes?: number
  /** The largest worker's RSS sampled at the first healthy answer, right after boot (preload heuristic). */
  workerRssAtBootBytes?: number
  /** The container's memory as Docker counts it (usage minus inactive page cache): the `memory-mb` output. */
  containerMemoryBytes?: number
  containerMemorySource?: MemorySource
  imageSizeBytes?: number
  /** From the container start to the first `Booting worker` line. */
  firstWorkerMs?: number
  /** From the container start to the first healthy answer. */
  healthyMs?: number
  /** Wall time the measurement itself took (the profile's own cost). */
  measuredInMs: number
  fit?: FitCheck
}

/** Whether `workers` × the largest worker + the master fits the `memory` limit. */
export interface FitCheck {
  limitBytes: number
  /** The `memory` input as written (e.g. `512m`). */
  limitText: string
  workers: number
  projectedBytes: number
  /** `rss`: master + workers × largest worker. `container`: the cgroup total plus every worker growing to
   * the largest, used when the master holds most of a worker's memory (shared pages RSS would count N+1 times). */
  basis: 'rss' | 'container'
  /** projected / limit. */
  share: number
  /** Above 80% of the limit. */
  warn: boolean
  /** How many workers fit within 80% of the limit. */
  workersFit: number
  preload: PreloadAdvice
}

export interface PreloadAdvice {
  helps: boolean
  /** The app's memory allocated at import: the worker's RSS right after boot minus the master's. */
  importBytes?: number
  /** With `preload_app = True`, how many workers would fit within 80% of the limit (an upper bound). */
  workersFitWithPreload?: number
  /** One sentence: why it would or would not help. */
  reason: string
}

export type RegressionMetric = 'worker-memory' | 'memory' | 'image-size' | 'boot-time'

/** Allowed growth per figure, as a fraction (0.25 for `25%`). */
export type RegressionLimits = Partial<Record<RegressionMetric, number>>

export interface Regression {
  metric: RegressionMetric
  head: number
  base: number
  /** (head - base) / base. */
  change: number
  limit: number
}

/** The base commit's side of `compare: base`. */
export interface BaseComparison {
  sha?: string
  /** The base commit's figures, when it built and booted. */
  profile?: BootProfile
  /** One line, when there is nothing to compare with (not a pull request, no Dockerfile, the base failed…). */
  note?: string
  /** Figures beyond the `regression-limit`. */
  regressions: Regression[]
}
