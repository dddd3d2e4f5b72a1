// Boots every failure fixture for real on every base image through the real pipeline (runSmoke with the real
// Docker engine: build, start, watch, probes, teardown, verdict), then checks the reason and the culprit.

import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import crypto from 'node:crypto'
import path from 'node:path'
import { promisify } from 'node:util'
import { Docker } from '../src/docker/docker.js'
import { expectedWorkerCount, parsePrintConfig } from '../src/gunicorn/print-config.js'
import type { ReasonId, RunReport } from '../src/core/model.js'
import { prepare, removeBuiltImage } from '../src/setup/prepare.js'
import { runSmoke } from '../src/smoke/index.js'
import { BASES, leftovers } from './helpers/docker.js'
import { silentUi } from './helpers/silent-ui.js'

const run = promisify(execFile)
const REPO = process.cwd()
type Suite = string

interface Scenario {
  fixture: string
  expect: ReasonId | Record<Suite, ReasonId>
  /** Text the summary must contain: the culprit. */
  culprit: RegExp
  /** The action's inputs beside the base image. */
  inputs: Record<string, string>
  /** Every `file:line` an error annotation must point at (relative to the fixture). */
  annotated?: string[]
}

const FAST = { timeout: '20', 'stability-window': '0' }
const SCENARIOS: Scenario[] = [
  { fixture: 'fail-config-error', expect: 'config-error', culprit: /`\$\{PORT\}`/, inputs: FAST },
  { fixture: 'fail-worker-class-unavailable', expect: 'worker-class-unavailable', culprit: /`eventlet`/, inputs: FAST },
  { fixture: 'fail-missing-dependency', expect: 'missing-dependency', culprit: /`stripe`/, inputs: FAST },
  // Gunicorn's own lines and the worker's traceback as JSON records (a logconfig_dict formatter): read all the same.
  { fixture: 'fail-json-logs', expect: 'missing-dependency', culprit: /`sentry_sdk` \(`orders\/monitoring\.py:3`\)/, inputs: FAST },
  { fixture: 'fail-import-error', expect: 'import-error', culprit: /`get_settings`/, inputs: FAST },
  { fixture: 'fail-syntax-error', expect: 'syntax-error', culprit: /routes\.py:10/, inputs: FAST },
  // A project secrets.py beside the app shadows the standard library's: the module, the project file, app.py's line.
  { fixture: 'fail-shadowed-module', expect: 'import-error', culprit: /`secrets` in the project \(`secrets\.py`\)/, inputs: FAST },
  { fixture: 'fail-missing-env', expect: 'missing-env', culprit: /`DATABASE_URL`/, inputs: FAST },
  // loglevel warning: no `Starting gunicorn`, no boots; the workers' refusal (and 23+'s exit lines) is all there is.
  { fixture: 'fail-quiet-log-level', expect: 'missing-env', culprit: /`DEPLOY_REGION`/, inputs: { ...FAST, timeout: '12' } },
  // The dynamic loader's ImportError: the library sqlite3's compiled module is linked against is not in the image.
  {
    fixture: 'fail-missing-shared-library',
    expect: 'missing-dependency',
    culprit: /system library `libsqlite3\.so\.0`.*\(`app\.py:1`\)/,
    inputs: FAST
  },
  { fixture: 'fail-app-not-found', expect: 'app-not-found', culprit: /no `app`/, inputs: FAST },
  { fixture: 'fail-database-unreachable', expect: 'database-unreachable', culprit: /`db`/, inputs: { ...FAST, timeout: '25' } },
  {
    fixture: 'fail-worker-timeout',
    // A slow import: 20.1 times the worker out (WORKER TIMEOUT), 22+ wait on it; either way the stack the action
    // asks for names the line it is stuck on.
    expect: 'worker-hang',
    culprit: /`search_index\.py:14`/,
    inputs: { ...FAST, timeout: '12' }
  },
  { fixture: 'fail-out-of-memory', expect: 'out-of-memory', culprit: /SIGKILL/, inputs: { ...FAST, memory: '128m' } },
  { fixture: 'fail-port-in-use', expect: 'port-in-use', culprit: /Port 8000/, inputs: FAST },
  { fixture: 'fail-boot-timeout', expect: 'boot-timeout', culprit: /`127\.0\.0\.1:8000`/, inputs: { timeout: '5', 'stability-window': '0' } },
  { fixture: 'fail-crash-loop', expect: 'crash-loop', culprit: /price refresh failed/, inputs: { timeout: '20', 'stability-window': '6' } },
  { fixture: 'fail-health-check-failed', expect: 'health-check-failed', culprit: /answered 503/, inputs: { timeout: '15', 'stability-window': '0' } },
  {
    fixture: 'fail-no-start-command',
    expect: 'no-start-command',
    culprit: /ENTRYPOINT `\/app\/docker-entrypoint\.sh` ran without arguments and exited with code 0.*`docker-compose\.prod\.yml:4`/,
    inputs: FAST
  },
  // A start script committed with Windows line endings: runc's one line, and the file's first line named.
  {
    fixture: 'fail-start-script-crlf',
    expect: 'start-script-unrunnable',
    culprit: /`\.\/docker-entrypoint\.sh` \(`docker-entrypoint\.sh:1`\) has Windows \(CRLF\) line endings/,
    inputs: FAST,
    annotated: ['docker-entrypoint.sh:1', 'Dockerfile:10']
  },
  { fixture: 'fail-unknown', expect: 'unknown', culprit: /RuntimeError: search index missing.*`app\.py:10`/, inputs: FAST },
  {
    // Raised in a module the config file's post_fork hook calls: the module's line, and the hook's line as the caller.
    fixture: 'fail-config-hook-module',
    expect: 'unknown',
    culprit:
      /ValueError: could not convert string to float: '10%'`, raised in `observability\.py:6`, called by the `post_fork` hook `gunicorn\.conf\.py`/,
    inputs: FAST,
    annotated: ['observability.py:6', 'gunicorn.conf.py:11']
  }
]

/** One smoke run of a fixture on a base, as the CLI runs it (same preparation, same pipeline, real engine). */
async function smoke(fixture: string, suite: Suite, inputs: Record<string, string>): Promise<{ report: RunReport; runKey: string }> {
  const workspace = path.join(REPO, '__fixtures__/apps', fixture)
  const given: Record<string, string> = { ...inputs, 'build-args': `BASE_IMAGE=gunicorn-smoke-base:${suite}` }
  const runKey = `test-diag-${crypto.randomBytes(4).toString('hex')}`
  const preparation = prepare({
    workspace,
    readInput: (name) => given[name] ?? '',
    runKey,
    log: () => undefined
  })
  const docker = new Docker()
  try {
    return { report: await runSmoke(preparation.settings, { docker, ui: silentUi, identity: preparation.identity, metadata: {} }), runKey }
  } finally {
    await removeBuiltImage(docker, preparation).catch(() => undefined)
    preparation.release()
  }
}

const expected = (scenario: Scenario, suite: Suite): ReasonId => (typeof scenario.expect === 'string' ? scenario.expect : scenario.expect[suite])

describe(`diagnosing real boot failures through the pipeline on ${BASES.join(', ')}`, () => {
  it.each(SCENARIOS.map((scenario) => [scenario.fixture, scenario] as const))(
    '%s',
    async (fixture, scenario) => {
      // Every base at once: the 2 cores are mostly idle while a container boots.
      const runs = await Promise.all(BASES.map((suite) => smoke(fixture, suite, scenario.inputs)))
      BASES.forEach((suite, index) => {
        const { report, runKey } = runs[index]
        expect(leftovers(runKey)).toEqual({ containers: [], images: [], volumes: [], networks: [] })
        expect(`${suite}: ${report.result} ${report.reason} — ${report.summary}`).toBe(
          `${suite}: fail ${expected(scenario, suite)} — ${report.summary}`
        )
        expect({ suite, summary: report.summary }).toEqual({ suite, summary: expect.stringMatching(scenario.culprit) })
        const location = report.diagnosis?.location
        if (location) expect(existsSync(path.join(REPO, '__fixtures__/apps', fixture, location.file))).toBe(true)
        const annotated = report.annotations.filter((a) => a.level === 'error' && a.file).map((a) => `${a.file}:${a.line}`)
        for (const at of scenario.annotated ?? []) expect({ suite, annotated }).toEqual({ suite, annotated: expect.arrayContaining([at]) })
      })
    },
    120_000
  )

  it('reads the worker count from --print-config in the image', async () => {
    const context = path.join(REPO, '__fixtures__/apps/fail-crash-loop')
    const counts = await Promise.all(
      BASES.map(async (suite) => {
        const image = `gsmoke-test-diag-print-config:${suite}`
        await run('docker', ['build', '-q', '-t', image, '--build-arg', `BASE_IMAGE=gunicorn-smoke-base:${suite}`, context], {
          maxBuffer: 16 * 2 ** 20
        })
        try {
          const { stdout } = await run('docker', ['run', '--rm', '-e', 'WEB_CONCURRENCY=5', image, 'gunicorn', '--print-config', 'app:app'])
          const settings = parsePrintConfig(stdout)
          return [expectedWorkerCount(settings), settings.worker_class]
        } finally {
          await run('docker', ['rmi', '-f', image]).catch(() => undefined)
        }
      })
    )
    // gunicorn.conf.py sets workers = 2, which wins over WEB_CONCURRENCY.
    expect(counts).toEqual(BASES.map(() => [2, 'sync']))
  }, 90_000)
})
