// Shared vocabulary of the pipeline: what a run observed and what it concluded.
// Everything that renders (comment, summary, CLI) reads a RunReport; nothing renders from raw state.
import type { BaseComparison, BootProfile } from '../profile/figures.js'

export type { ReasonId } from '../diagnosis/registry.js'
import type { ReasonId } from '../diagnosis/registry.js'

/**
 * How the probing phases ended: `healthy`, or the failure the diagnosis explains (Gunicorn gave up, the container
 * exited, nothing answered in time, health or the WebSocket check failed, workers exited after boot).
 */
export type Outcome =
  'healthy' | 'gave-up' | 'container-exited' | 'boot-timeout' | 'health-failed' | 'websocket-failed' | 'unstable' | 'shutdown-failed'
export type FailedOutcome = Exclude<Outcome, 'healthy'>

/** One line of container output, in arrival order. `at` is epoch milliseconds. */
export interface LogLine {
  seq: number
  stream: 'stdout' | 'stderr'
  text: string
  at: number
}

/** Where a failure points in the repository (paths relative to the repository root, POSIX separators). */
export interface SourceLocation {
  file: string
  line: number
  /** The path as the traceback showed it inside the container. */
  containerPath?: string
}

export interface Diagnosis {
  reason: ReasonId
  /** One sentence naming the culprit (module, variable, placeholder, attribute…). */
  summary: string
  /** The log lines that prove it: the exception line, the frame in the user's code, the Gunicorn line. */
  evidence: string[]
  location?: SourceLocation
  /** One or two sentences: what to change. */
  remedy: string
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  title: string
  message: string
  file?: string
  line?: number
}

export type CheckId = 'build' | 'services' | 'start' | 'workers' | 'health' | 'websocket' | 'stability' | 'load' | 'shutdown'
export type CheckStatus = 'pass' | 'fail' | 'skipped' | 'not-reached'

export interface CheckResult {
  id: CheckId
  label: string
  status: CheckStatus
  detail: string
  durationMs?: number
}

/** What the Gunicorn log (and the effective configuration) told us about the server. */
export interface GunicornFacts {
  version?: string
  workerClass?: string
  binds: string[]
  workersExpected?: number
  workersBooted: number
  workersDied: number
  /** Gunicorn's `loglevel`, when known and above `info`: its INFO lines (start, boots, signals) are not in the log. */
  logLevel?: string
}

export interface HealthResult {
  ok: boolean
  /** Last HTTP status seen, if any answer came. */
  status?: number
  bodyExcerpt?: string
  /** The last answer's `Server` header. */
  server?: string
  /** Last transport error (connection refused, reset, timeout). */
  error?: string
  attempts: number
  /** Epoch ms of the first healthy answer. */
  firstHealthyAt?: number
  /** After a 404 on the health path: what `/` answered to one request (another route that is up). */
  rootStatus?: number
}

export interface WebSocketResult {
  ok: boolean
  protocol: 'websocket' | 'socket.io'
  path: string
  /** e.g. "101, echo matched" or "upgrade answered 404". */
  detail: string
  /** HTTP status of a refused upgrade. */
  status?: number
  closeCode?: number
  /** `interrupted`: cut short when the log decided the run (a worker exited, Gunicorn stopped). */
  failure?: 'http-status' | 'closed' | 'timeout' | 'protocol' | 'expect-mismatch' | 'network' | 'interrupted'
  durationMs: number
}

/** The graceful-shutdown check: the stop signal sent while one request was in flight, and what followed. */
export interface ShutdownResult {
  /** e.g. `SIGTERM`. */
  signal: string
  graceSec: number
  /** The route of the in-flight request. */
  path: string
  /** Gunicorn's `Handling signal: term` line, and how long after the signal it came. */
  handled?: { line: string; afterMs: number }
  /** The in-flight request: its status, or the transport error that ended it, and its duration. */
  request: { status?: number; error?: string; durationMs: number }
  /** The container stopped by itself after the signal: when, and with which code. */
  exited?: { afterMs: number; code?: number }
  /** PID 1's command line, when the signal went unhandled. */
  pid1?: string
  /** Milliseconds from the signal to the end of the check. */
  durationMs: number
}

/** Where each effective setting came from, for the report. */
/** `repository`: found by looking through the repository (the only Dockerfile below the root). */
/** A host file (fly.toml …), a manifest, or `host contract`: the documented behaviour of the host (src/hosts/contracts.ts). */
export type SettingSource =
  | 'input'
  | 'render.yaml'
  | 'Procfile'
  | 'Dockerfile'
  | 'repository'
  | 'default'
  | 'fly.toml'
  | 'railway.json'
  | 'railway.toml'
  | 'app.json'
  | 'heroku.yml'
  | 'Kubernetes manifest'
  | 'Cloud Run service'
  | 'host contract'
  | 'compose.yaml'
  | 'compose.yml'
  | 'docker-compose.yml'
  | 'docker-compose.yaml'

/** The host the run booted like, and the shutdown facts with where each comes from (a file, or the host's page). */
export interface HostReport {
  id: string
  file?: string
  port?: number
  stopSignal: string
  stopSignalSource: string
  graceSeconds?: number
  graceSecondsSource?: string
  readOnlyRoot: boolean
  user?: string
  writablePaths: string[]
}

/** A compose dependency of the web service: how it started, and its log when it failed. */
export interface DependencyResult {
  service: string
  status: 'healthy' | 'running' | 'completed' | 'failed' | 'not-started'
  /** Milliseconds from `docker compose up` to this service healthy (or running, without a healthcheck). */
  startMs?: number
  /** The tail of its log, kept when it failed. */
  log?: string[]
}

export interface RunMetadata {
  repository?: string
  serverUrl?: string
  runId?: string
  runNumber?: string
  runAttempt?: string
  sha?: string
  workflow?: string
  job?: string
  eventName?: string
}

export interface RunReport {
  result: 'pass' | 'fail'
  reason?: ReasonId
  summary: string
  diagnosis?: Diagnosis
  checks: CheckResult[]
  gunicorn: GunicornFacts
  health?: HealthResult
  websocket: 'ok' | 'failed' | 'skipped'
  websocketOutcome?: WebSocketResult
  bootTimeMs?: number
  image?: string
  dockerfile?: string
  containerExitCode?: number
  advisories: string[]
  warnings: string[]
  annotations: Annotation[]
  /** The tail of the container log kept in memory, and how many lines there were in all. */
  log: LogLine[]
  logTotalLines: number
  settingSources: Record<string, SettingSource>
  /** Settings that change what the container and the app see: `PYTHONFAULTHANDLER` given, the probes' Host header. */
  settings?: { PYTHONFAULTHANDLER: '1' | 'unset' | 'from env'; hostHeader?: string; host?: HostReport }
  startedAt: string
  durationMs: number
  metadata: RunMetadata
  /** Memory, boot time and image size of a healthy run. */
  profile?: BootProfile
  /** `compare: base`: the base commit's figures, or why there are none. */
  comparison?: BaseComparison
  /** The compose dependencies started before the app (their start-up is not part of `bootTimeMs`). */
  dependencies?: DependencyResult[]
  /** The graceful-shutdown check, when it ran. */
  shutdown?: ShutdownResult
}
