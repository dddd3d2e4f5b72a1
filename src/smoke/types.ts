// What every phase of the smoke run shares: how it talks to whoever runs it, its dependencies, and the state
// the phases hand on to the next one.
import type { RunIdentity } from '../docker/args.js'
import type { CommandRunner, Docker, ImageInfo } from '../docker/docker.js'
import type { Settings } from '../setup/inputs.js'
import type { DependencyResult, Outcome, RunMetadata, SettingSource, ShutdownResult, WebSocketResult } from '../core/model.js'
import type { LoadResult } from '../probes/load.js'
import type { BootProfile } from '../profile/figures.js'
import type { StackRequest } from '../diagnosis/context.js'
import type { Checks } from './checks.js'
import type { LogWatch } from './log-watch.js'

/** How the pipeline talks to whoever runs it (the Actions log or a terminal). */
export interface Ui {
  group<T>(title: string, body: () => Promise<T>): Promise<T>
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
  /** A line of builder output, shown as it arrives. */
  buildOutput(line: string): void
  /** A short progress note (phase changes); the CLI shows them, the action logs them. */
  progress(message: string): void
}

export interface PipelineDeps {
  docker: Docker
  ui: Ui
  identity: RunIdentity
  metadata: RunMetadata
  /** Where each setting came from, for the report. */
  settingSources?: Record<string, SettingSource>
  /** Variables a host blueprint fills in that the run did not get (render.yaml `sync: false` …). */
  hostFilledEnv?: string[]
  /** Aborted when the job is cancelled: the pipeline stops waiting and cleans up. */
  signal?: AbortSignal
  now?: () => number
  /** For `compare: base`: the event that started the job (its payload names the base commit) and where the
   * base worktree may go (RUNNER_TEMP). */
  event?: { name: string; payload: unknown; tempDir?: string }
  /** Runs `docker compose` (default: the Docker CLI on PATH). */
  composeRunner?: CommandRunner
  /** Takes cleanup the verdict need not wait for (the compose project's `down`); the entry point awaits it after delivering. */
  deferCleanup?: (task: Promise<void>) => void
}

export type { Outcome } from '../core/model.js'

export class CancelledError extends Error {
  constructor() {
    super('The run was cancelled.')
    this.name = 'CancelledError'
  }
}

/** The published address the probes use: never `localhost`, which may resolve to ::1. */
export const PROBE_HOST = '127.0.0.1'

/** The run as a whole, from the first phase to the report. */
export interface SmokeRun {
  settings: Settings
  deps: PipelineDeps
  now: () => number
  startedAt: number
  checks: Checks
  warnings: string[]
  settingSources: Record<string, SettingSource>
  /** The compose dependencies started before the app, once they were. */
  dependencies?: DependencyResult[]
  /** Starts taking the compose project down (once; the same promise after), after the app's removal. */
  releaseDependencies?: () => Promise<void>
  /** The app container's removal when the verdict did not wait for it (teardown.ts). */
  appRemoval?: Promise<void>
}

/** A started container being watched and probed. */
export interface Running {
  image: string
  imageInfo?: ImageInfo
  containerId: string
  /** Undefined when the container stopped before its published port could be looked up. */
  hostPort?: number
  containerStartedAt: number
  /** The `timeout` input counts from the container start. */
  deadline: number
  watch: LogWatch
}

/** What the probing phases found, filled in as they run. */
export interface Findings {
  outcome: Outcome
  healthyAt?: number
  websocket?: WebSocketResult
  load?: LoadResult
  stabilityMs?: number
  /** The largest worker's RSS, sampled at the first healthy answer (runs alongside the next phases). */
  workerRssAtBoot?: Promise<number | undefined>
  profile?: BootProfile
  /** A worker that never finished booting was asked for its stack (src/smoke/stack-request.ts). */
  stackRequest?: StackRequest
  /** The graceful-shutdown check, once it ran (the container is then stopping or stopped). */
  shutdown?: ShutdownResult
  /** What the shutdown check found that a host would pay for (a quick shutdown, a grace too short). */
  shutdownWarnings?: string[]
}

export const cancelled = (run: SmokeRun): boolean => run.deps.signal?.aborted ?? false
