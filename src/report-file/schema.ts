// The JSON schema of the report file (`report-path`): a RunReport, already redacted, plus who produced it.
// The publishing mode (`publish-report`) reads such a file from an untrusted run, so the schema is strict: every
// object closed, every string and array bounded, every enum spelled out. `npm run docs` writes it to
// schema/report-v1.schema.json, which `npm run check-docs` keeps in step with this file.
import { REASON_IDS } from '../diagnosis/registry.js'
import { HOST_IDS } from '../hosts/contracts.js'

export const REPORT_FORMAT = 'gunicorn-smoke-report'
export const REPORT_VERSION = 1
/** A file larger than this is refused before it is parsed (a real one is a few hundred kilobytes at most). */
export const MAX_REPORT_BYTES = 8 * 1024 * 1024

/** Caps the producer applies so that its own file always passes (the log is the only part that grows with the app). */
export const LIMITS = {
  sentence: 10_000,
  line: 2_000,
  logLines: 4_400,
  evidence: 200,
  notes: 50,
  annotations: 50,
  checks: 20
} as const

type Schema = Record<string, unknown>

const str = (maxLength: number, extra: Schema = {}): Schema => ({ type: 'string', maxLength, ...extra })
const int = (minimum = 0, maximum = Number.MAX_SAFE_INTEGER): Schema => ({ type: 'integer', minimum, maximum })
const num = (minimum = 0): Schema => ({ type: 'number', minimum, maximum: 1e15 })
const arr = (items: Schema, maxItems: number): Schema => ({ type: 'array', items, maxItems })
const oneOf = (...values: Array<string | number>): Schema => ({ enum: values })
/** A closed object: properties not listed here are refused. */
const obj = (properties: Record<string, Schema>, required: string[] = []): Schema => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false
})

const SHA = str(64, { pattern: '^[0-9a-f]{40}([0-9a-f]{24})?$' })
const REPOSITORY = str(200, { pattern: '^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$' })
/** A path inside the repository: relative, POSIX separators, no `..` segment. */
const REPO_PATH = str(1000, { pattern: '^(?!/)(?!.*(^|/)\\.\\.?(/|$))[^\\u0000-\\u001f\\\\]+$' })

const diagnosis = obj(
  {
    reason: oneOf(...REASON_IDS),
    summary: str(LIMITS.sentence),
    evidence: arr(str(LIMITS.line), LIMITS.evidence),
    location: obj({ file: REPO_PATH, line: int(1), containerPath: str(1000) }, ['file', 'line']),
    remedy: str(LIMITS.sentence)
  },
  ['reason', 'summary', 'evidence', 'remedy']
)

const check = obj(
  {
    id: oneOf('build', 'services', 'start', 'workers', 'health', 'websocket', 'stability', 'load', 'shutdown'),
    label: str(300),
    status: oneOf('pass', 'fail', 'skipped', 'not-reached'),
    detail: str(LIMITS.line),
    durationMs: num()
  },
  ['id', 'label', 'status', 'detail']
)

const gunicorn = obj(
  {
    version: str(100),
    workerClass: str(300),
    binds: arr(str(300), 20),
    workersExpected: int(),
    workersBooted: int(),
    workersDied: int()
  },
  ['binds', 'workersBooted', 'workersDied']
)

const health = obj(
  {
    ok: { type: 'boolean' },
    status: int(100, 599),
    bodyExcerpt: str(LIMITS.line),
    server: str(300),
    error: str(LIMITS.line),
    attempts: int(),
    firstHealthyAt: num()
  },
  ['ok', 'attempts']
)

const websocketOutcome = obj(
  {
    ok: { type: 'boolean' },
    protocol: oneOf('websocket', 'socket.io'),
    path: str(1000),
    detail: str(LIMITS.line),
    status: int(100, 599),
    closeCode: int(0, 65535),
    failure: oneOf('http-status', 'closed', 'timeout', 'protocol', 'expect-mismatch', 'network'),
    durationMs: num()
  },
  ['ok', 'protocol', 'path', 'detail', 'durationMs']
)

const annotation = obj(
  {
    level: oneOf('error', 'warning', 'notice'),
    title: str(300),
    message: str(LIMITS.sentence),
    file: REPO_PATH,
    line: int(1)
  },
  ['level', 'title', 'message']
)

const hostReport = obj(
  {
    id: oneOf(...HOST_IDS),
    file: str(1000),
    port: int(1, 65535),
    stopSignal: str(20),
    stopSignalSource: str(1000),
    graceSeconds: num(),
    graceSecondsSource: str(1000),
    readOnlyRoot: { type: 'boolean' },
    user: str(100),
    writablePaths: arr(str(1000), 20)
  },
  ['id', 'stopSignal', 'stopSignalSource', 'readOnlyRoot', 'writablePaths']
)
const logLine = obj({ seq: int(), stream: oneOf('stdout', 'stderr'), text: str(LIMITS.line), at: num() }, ['seq', 'stream', 'text', 'at'])

const preload = obj({ helps: { type: 'boolean' }, importBytes: num(), workersFitWithPreload: int(), reason: str(LIMITS.line) }, ['helps', 'reason'])

const fit = obj(
  {
    limitBytes: num(),
    limitText: str(40),
    workers: int(),
    projectedBytes: num(),
    basis: oneOf('rss', 'container'),
    share: num(),
    warn: { type: 'boolean' },
    workersFit: int(),
    preload
  },
  ['limitBytes', 'limitText', 'workers', 'projectedBytes', 'basis', 'share', 'warn', 'workersFit', 'preload']
)

const profile = obj(
  {
    masterRssBytes: num(),
    workerRssBytes: arr(num(), 1000),
    largestWorkerRssBytes: num(),
    workerRssAtBootBytes: num(),
    containerMemoryBytes: num(),
    containerMemorySource: oneOf('cgroup-v1', 'cgroup-v2', 'docker-stats'),
    imageSizeBytes: num(),
    firstWorkerMs: num(),
    healthyMs: num(),
    measuredInMs: num(),
    fit
  },
  ['workerRssBytes', 'measuredInMs']
)

const METRIC = oneOf('worker-memory', 'memory', 'image-size', 'boot-time')

/** A compose dependency: its start-up time, and its log tail when it failed (capped by src/compose/dependencies.ts). */
const dependency = obj(
  {
    service: str(200),
    status: oneOf('healthy', 'running', 'completed', 'failed', 'not-started'),
    startMs: num(),
    log: arr(str(LIMITS.line), 200)
  },
  ['service', 'status']
)

const comparison = obj(
  {
    sha: SHA,
    profile,
    note: str(LIMITS.line),
    regressions: arr(
      obj({ metric: METRIC, head: num(), base: num(), change: num(-1e15), limit: num() }, ['metric', 'head', 'base', 'change', 'limit']),
      4
    )
  },
  ['regressions']
)

const shutdown = obj(
  {
    signal: str(20, { pattern: '^[A-Z0-9]+$' }),
    graceSec: num(),
    path: str(1000),
    handled: obj({ line: str(LIMITS.line), afterMs: num() }, ['line', 'afterMs']),
    request: obj({ status: int(100, 599), error: str(LIMITS.line), durationMs: num() }, ['durationMs']),
    exited: obj({ afterMs: num(), code: int(-1024, 1024) }, ['afterMs']),
    pid1: str(LIMITS.line),
    durationMs: num()
  },
  ['signal', 'graceSec', 'path', 'request', 'durationMs']
)

const metadata = obj({
  repository: REPOSITORY,
  serverUrl: str(300, { pattern: '^https?://[^\\s]+$' }),
  runId: str(20, { pattern: '^\\d+$' }),
  runNumber: str(20, { pattern: '^\\d+$' }),
  runAttempt: str(20, { pattern: '^\\d+$' }),
  sha: SHA,
  workflow: str(300),
  job: str(300),
  eventName: str(100, { pattern: '^[a-z_]+$' })
})

export const reportSchema: Schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'gunicorn-smoke report, version 1',
  description: 'What one smoke test found, already redacted: written by every run (output report-path), read by publish-report.',
  ...obj(
    {
      format: { const: REPORT_FORMAT },
      version: { const: REPORT_VERSION },
      commentKey: str(120, { pattern: '^[A-Za-z0-9._/:+=-]{1,120}$' }),
      headSha: SHA,
      headRepository: REPOSITORY,
      result: oneOf('pass', 'fail'),
      reason: oneOf(...REASON_IDS),
      summary: str(LIMITS.sentence),
      diagnosis,
      checks: arr(check, LIMITS.checks),
      gunicorn,
      health,
      websocket: oneOf('ok', 'failed', 'skipped'),
      websocketOutcome,
      bootTimeMs: num(),
      image: str(1000),
      dockerfile: str(1000),
      containerExitCode: int(-1024, 1024),
      advisories: arr(str(LIMITS.sentence), LIMITS.notes),
      warnings: arr(str(LIMITS.sentence), LIMITS.notes),
      annotations: arr(annotation, LIMITS.annotations),
      log: arr(logLine, LIMITS.logLines),
      logTotalLines: int(),
      settingSources: {
        type: 'object',
        maxProperties: 100,
        propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9_.-]{0,63}$' },
        additionalProperties: oneOf(
          'input',
          'render.yaml',
          'Procfile',
          'Dockerfile',
          'repository',
          'default',
          'fly.toml',
          'railway.json',
          'railway.toml',
          'app.json',
          'heroku.yml',
          'Kubernetes manifest',
          'Cloud Run service',
          'host contract',
          'compose.yaml',
          'compose.yml',
          'docker-compose.yml',
          'docker-compose.yaml'
        )
      },
      settings: obj({ PYTHONFAULTHANDLER: oneOf('1', 'unset', 'from env'), hostHeader: str(300), host: hostReport }, ['PYTHONFAULTHANDLER']),
      startedAt: str(40),
      durationMs: num(),
      metadata,
      profile,
      comparison,
      dependencies: arr(dependency, 50),
      shutdown
    },
    [
      'format',
      'version',
      'commentKey',
      'result',
      'summary',
      'checks',
      'gunicorn',
      'websocket',
      'advisories',
      'warnings',
      'annotations',
      'log',
      'logTotalLines',
      'settingSources',
      'startedAt',
      'durationMs',
      'metadata'
    ]
  )
}
