// Report files for the publishing mode's tests: a realistic one (every part of the schema present), and the same
// with every free-text string replaced by something that would format, mention, link or inject HTML if it were
// taken as Markdown.
import fs from 'node:fs'
import path from 'node:path'
import type { RunReport } from '../../src/core/model.js'
import { toReportFile, type ReportFile } from '../../src/report-file/file.js'
import { reportSchema } from '../../src/report-file/schema.js'

export const BASE_REPO = 'octo-org/app'
export const FORK_REPO = 'contributor/app'
export const HEAD_SHA = '0123456789abcdef0123456789abcdef01234567'
export const RUN_ID = 424242

export function sampleReport(overrides: Partial<RunReport> = {}): RunReport {
  return {
    result: 'fail',
    reason: 'missing-dependency',
    summary: 'Every worker died importing `stripe`.',
    diagnosis: {
      reason: 'missing-dependency',
      summary: 'Every worker died importing `stripe`, which is not installed in the image.',
      evidence: ['  File "/app/app.py", line 4, in <module>', "ModuleNotFoundError: No module named 'stripe'"],
      location: { file: 'backend/app.py', line: 4, containerPath: '/app/app.py' },
      remedy: 'Add `stripe` to `backend/requirements.txt`.'
    },
    checks: [
      { id: 'build', label: 'Image build', status: 'pass', detail: 'built `backend/Dockerfile`', durationMs: 4100 },
      { id: 'workers', label: 'Workers booted', status: 'fail', detail: '', durationMs: 900 },
      { id: 'health', label: 'Health `/health`', status: 'not-reached', detail: '' }
    ],
    gunicorn: { version: '23.0.0', workerClass: 'sync', binds: ['0.0.0.0:8000'], workersExpected: 2, workersBooted: 0, workersDied: 2 },
    health: { ok: false, error: 'connection refused', attempts: 3, bodyExcerpt: 'no body', server: 'gunicorn' },
    websocket: 'skipped',
    websocketOutcome: { ok: false, protocol: 'websocket', path: '/ws', detail: 'not reached', durationMs: 0, failure: 'network' },
    bootTimeMs: 1200,
    image: 'gsmoke-built:abc',
    dockerfile: 'backend/Dockerfile',
    containerExitCode: 3,
    advisories: ['Gunicorn 23.0.0 is current.'],
    warnings: ['A warning about the run.'],
    annotations: [
      { level: 'notice', title: 'Note', message: 'A notice without a place.' },
      { level: 'warning', title: 'Workers', message: 'Two workers for 512m.', file: 'backend/gunicorn.conf.py', line: 2 },
      { level: 'error', title: 'Missing dependency', message: "No module named 'stripe'", file: 'backend/app.py', line: 4 }
    ],
    log: [
      { seq: 1, stream: 'stderr', text: '[1] [INFO] Starting gunicorn 23.0.0', at: 1 },
      { seq: 2, stream: 'stderr', text: 'Traceback (most recent call last):', at: 2 },
      { seq: 3, stream: 'stderr', text: '  File "/app/app.py", line 4, in <module>', at: 3 },
      { seq: 4, stream: 'stderr', text: "ModuleNotFoundError: No module named 'stripe'", at: 4 }
    ],
    logTotalLines: 4,
    settingSources: { bind: 'Dockerfile', workers: 'input' },
    settings: { PYTHONFAULTHANDLER: '1', hostHeader: 'api.example.com' },
    startedAt: '2026-12-06T10:00:00.000Z',
    durationMs: 9000,
    metadata: {
      repository: BASE_REPO,
      serverUrl: 'https://github.com',
      runId: String(RUN_ID),
      runNumber: '17',
      runAttempt: '1',
      sha: HEAD_SHA,
      workflow: 'smoke',
      job: 'smoke',
      eventName: 'pull_request'
    },
    profile: {
      workerRssBytes: [40e6, 42e6],
      largestWorkerRssBytes: 42e6,
      masterRssBytes: 30e6,
      measuredInMs: 50,
      fit: {
        limitBytes: 512e6,
        limitText: '512m',
        workers: 2,
        projectedBytes: 114e6,
        basis: 'rss',
        share: 0.22,
        warn: false,
        workersFit: 9,
        preload: { helps: false, reason: 'The app allocates little at import.' }
      }
    },
    comparison: { sha: 'fedcba9876543210fedcba9876543210fedcba98', note: 'The base commit booted.', regressions: [] },
    ...overrides
  }
}

export function sampleFile(overrides: Partial<RunReport> = {}): ReportFile {
  return toReportFile(sampleReport(overrides), { commentKey: 'smoke/smoke/backend/Dockerfile', headSha: HEAD_SHA, headRepository: FORK_REPO })
}

const SHORT_HOSTILE = '@octocat <img src=x onerror=alert(1)>'
const LONG_HOSTILE =
  '@octocat @org/team #1 GH-2 <img src=x onerror=alert(1)> <script>x</script> **bold** _it_ [click](https://evil.example/x) ' +
  '![pic](https://evil.example/p.png) https://evil.example `code` ``` --> <!-- gunicorn-smoke:other --> </details><details open>' +
  '\n# heading\n- list\n| a | b |\n$x$ \u202Eevil \u001b[31mred'

type Schema = { type?: string; properties?: Record<string, Schema>; items?: Schema; pattern?: string; maxLength?: number; enum?: unknown[] }

/** Every string the schema leaves free (no pattern, no enum) replaced by hostile text that fits its length limit. */
export function hostile<T>(value: T, schema: Schema = reportSchema): T {
  if (typeof value === 'string') {
    if (schema.type !== 'string' || schema.pattern || schema.enum) return value
    const text = (schema.maxLength ?? 0) >= LONG_HOSTILE.length ? LONG_HOSTILE : SHORT_HOSTILE
    return text.slice(0, schema.maxLength) as T
  }
  if (Array.isArray(value)) return value.map((item: unknown) => hostile(item, schema.items ?? {})) as T
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hostile(v, schema.properties?.[k] ?? {})])) as T
  }
  return value
}

/** Writes the file into a fresh folder of the runner's workspace and returns its path relative to it. */
export function writeReport(workspace: string, content: unknown, name = 'report.json'): string {
  const dir = fs.mkdtempSync(path.join(workspace, 'artifact-'))
  const file = path.join(dir, name)
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content))
  return path.relative(workspace, file)
}
