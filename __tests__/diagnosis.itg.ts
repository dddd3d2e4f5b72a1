// Boots every failure fixture for real on both base images, the way the action runs containers (detached,
// -e PORT=8000, published on 127.0.0.1), feeds `docker logs -f` into BootTracker, then checks the diagnosis.

import { execFile, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import path from 'node:path'
import { promisify } from 'node:util'
import { BootTracker } from '../src/gunicorn/boot-tracker.js'
import { expectedWorkerCount, parsePrintConfig } from '../src/gunicorn/print-config.js'
import { diagnose, type DiagnosisContext, type DiagnosisOutcome } from '../src/diagnosis/index.js'
import type { HealthOutcome, LogLine, ReasonId } from '../src/model.js'

const run = promisify(execFile)
const REPO = process.cwd()
const SUITES = ['bookworm', 'trixie'] as const
type Suite = (typeof SUITES)[number]
const PORT = 8000

type Mode =
  /** Stop when the tracker gives up or the container exits. */
  | { kind: 'fail-fast'; maxSeconds: number }
  /** Probe health until the deadline; nothing should answer. */
  | { kind: 'boot-timeout'; seconds: number }
  /** Probe health until it answers; it answers with the wrong status. */
  | { kind: 'health'; seconds: number }
  /** Health passes, then watch a stability window for worker deaths. */
  | { kind: 'stability'; windowSeconds: number }

interface Scenario {
  fixture: string
  expect: Record<Suite, ReasonId>
  /** Text the summary must contain: the culprit. */
  culprit: RegExp
  mode: Mode
  runArgs?: string[]
}

const both = (reason: ReasonId): Record<Suite, ReasonId> => ({ bookworm: reason, trixie: reason })

const SCENARIOS: Scenario[] = [
  { fixture: 'fail-config-error', expect: both('config-error'), culprit: /`\$\{PORT\}`/, mode: { kind: 'fail-fast', maxSeconds: 20 } },
  {
    fixture: 'fail-worker-class-unavailable',
    expect: both('worker-class-unavailable'),
    culprit: /`eventlet`/,
    mode: { kind: 'fail-fast', maxSeconds: 20 }
  },
  { fixture: 'fail-missing-dependency', expect: both('missing-dependency'), culprit: /`stripe`/, mode: { kind: 'fail-fast', maxSeconds: 20 } },
  { fixture: 'fail-import-error', expect: both('import-error'), culprit: /`get_settings`/, mode: { kind: 'fail-fast', maxSeconds: 20 } },
  { fixture: 'fail-syntax-error', expect: both('syntax-error'), culprit: /routes\.py:10/, mode: { kind: 'fail-fast', maxSeconds: 20 } },
  { fixture: 'fail-missing-env', expect: both('missing-env'), culprit: /`DATABASE_URL`/, mode: { kind: 'fail-fast', maxSeconds: 20 } },
  { fixture: 'fail-app-not-found', expect: both('app-not-found'), culprit: /no `app`/, mode: { kind: 'fail-fast', maxSeconds: 20 } },
  { fixture: 'fail-database-unreachable', expect: both('database-unreachable'), culprit: /`db`/, mode: { kind: 'fail-fast', maxSeconds: 25 } },
  {
    fixture: 'fail-worker-timeout',
    // Gunicorn 22+ does not apply `timeout` to a worker that is still importing: 23.0 just hangs.
    expect: { bookworm: 'worker-timeout', trixie: 'boot-timeout' },
    culprit: /`timeout` of 4 s|Booting worker with pid/,
    mode: { kind: 'fail-fast', maxSeconds: 12 }
  },
  {
    fixture: 'fail-out-of-memory',
    expect: both('out-of-memory'),
    culprit: /SIGKILL/,
    mode: { kind: 'fail-fast', maxSeconds: 20 },
    runArgs: ['--memory', '128m']
  },
  { fixture: 'fail-port-in-use', expect: both('port-in-use'), culprit: /Port 8000/, mode: { kind: 'fail-fast', maxSeconds: 20 } },
  { fixture: 'fail-boot-timeout', expect: both('boot-timeout'), culprit: /`127\.0\.0\.1:8000`/, mode: { kind: 'boot-timeout', seconds: 5 } },
  { fixture: 'fail-crash-loop', expect: both('crash-loop'), culprit: /price refresh failed/, mode: { kind: 'stability', windowSeconds: 6 } },
  { fixture: 'fail-health-check-failed', expect: both('health-check-failed'), culprit: /answered 503/, mode: { kind: 'health', seconds: 15 } }
]

const imageOf = (fixture: string, suite: Suite) => `gsmoke-test-diag-${fixture}:${suite}`
const containerOf = (fixture: string, suite: Suite) => `gsmoke-test-diag-${fixture}-${suite}`
const builtImages = new Set<string>()
const startedContainers = new Set<string>()

async function build(fixture: string, suite: Suite): Promise<string> {
  const image = imageOf(fixture, suite)
  await run(
    'docker',
    ['build', '-q', '-t', image, '--build-arg', `BASE_IMAGE=gunicorn-smoke-base:${suite}`, path.join(REPO, '__fixtures__/apps', fixture)],
    {
      maxBuffer: 16 * 1024 * 1024
    }
  )
  builtImages.add(image)
  return image
}

async function removeContainer(name: string): Promise<void> {
  await run('docker', ['rm', '-f', name]).catch(() => undefined)
  startedContainers.delete(name)
}

async function probeHealth(port: number, previous: HealthOutcome): Promise<HealthOutcome> {
  const attempts = previous.attempts + 1
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2000) })
    const body = (await response.text()).slice(0, 200)
    const ok = response.status === 200
    return { ok, status: response.status, bodyExcerpt: body, attempts, firstHealthyAt: previous.firstHealthyAt ?? (ok ? Date.now() : undefined) }
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    return { ...previous, ok: false, error: cause?.code ?? cause?.message ?? String(error), attempts }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

interface Observed {
  diagnosisContext: DiagnosisContext
}

async function observe(scenario: Scenario, suite: Suite): Promise<Observed> {
  const image = await build(scenario.fixture, suite)
  const name = containerOf(scenario.fixture, suite)
  await removeContainer(name)
  await run('docker', ['run', '-d', '--name', name, '-e', `PORT=${PORT}`, '-p', `127.0.0.1::${PORT}`, ...(scenario.runArgs ?? []), image])
  startedContainers.add(name)
  const hostPort = Number((await run('docker', ['port', name, `${PORT}/tcp`])).stdout.trim().split('\n')[0].split(':').pop())

  const tracker = new BootTracker()
  const lines: LogLine[] = []
  let gaveUp = false
  let seq = 0
  const follower = spawn('docker', ['logs', '-f', name])
  const ended = new Promise<void>((resolve) => follower.on('close', () => resolve()))
  for (const [stream, source] of [
    ['stdout', follower.stdout],
    ['stderr', follower.stderr]
  ] as const) {
    createInterface({ input: source }).on('line', (text) => {
      const line: LogLine = { seq: seq++, stream, text, at: Date.now() }
      lines.push(line)
      if (tracker.push(line).gaveUp) gaveUp = true
    })
  }
  let logsEnded = false
  void ended.then(() => (logsEnded = true))

  let outcome: DiagnosisOutcome
  let health: HealthOutcome | undefined
  const mode = scenario.mode
  const started = Date.now()
  const elapsed = () => (Date.now() - started) / 1000
  if (mode.kind === 'fail-fast') {
    while (!gaveUp && !logsEnded && elapsed() < mode.maxSeconds) await sleep(100)
    outcome = gaveUp ? 'gave-up' : logsEnded ? 'container-exited' : 'boot-timeout'
  } else {
    health = { ok: false, attempts: 0 }
    const limit = mode.kind === 'stability' ? 20 : mode.seconds
    while (!gaveUp && !logsEnded && elapsed() < limit) {
      health = await probeHealth(hostPort, health)
      if (health.status !== undefined) break
      await sleep(500)
    }
    if (mode.kind === 'stability' && health.ok) {
      const deathsBefore = tracker.state().deaths.length
      const windowEnd = Date.now() + mode.windowSeconds * 1000
      while (Date.now() < windowEnd && tracker.state().deaths.length === deathsBefore) await sleep(100)
      outcome = tracker.state().deaths.length > deathsBefore ? 'unstable' : 'health-failed'
      // Let the loop show itself a little longer: a single exit is weaker evidence than a few.
      await sleep(3000)
    } else if (gaveUp) outcome = 'gave-up'
    else if (logsEnded) outcome = 'container-exited'
    else outcome = health.status === undefined ? 'boot-timeout' : 'health-failed'
  }

  const inspected = JSON.parse((await run('docker', ['inspect', name])).stdout)[0].State
  await removeContainer(name)
  await ended
  tracker.flush()
  return {
    diagnosisContext: {
      outcome,
      lines,
      events: [...tracker.events],
      state: tracker.state(),
      container: {
        running: inspected.Running,
        exitCode: inspected.Running ? undefined : inspected.ExitCode,
        oomKilled: inspected.OOMKilled,
        memoryLimit: scenario.runArgs?.includes('--memory') ? scenario.runArgs[scenario.runArgs.indexOf('--memory') + 1] : undefined
      },
      health,
      settings: { port: PORT, timeoutSec: mode.kind === 'boot-timeout' ? mode.seconds : 60, healthPath: '/health', healthStatus: '200' },
      paths: { repoRoot: REPO, contextDir: path.join(REPO, '__fixtures__/apps', scenario.fixture), workdir: '/app' },
      env: { provided: ['PORT'] }
    }
  }
}

afterAll(async () => {
  for (const name of [...startedContainers]) await removeContainer(name)
  if (builtImages.size) await run('docker', ['rmi', '-f', ...builtImages]).catch(() => undefined)
}, 60_000)

describe('diagnosing real boot failures on both base images', () => {
  it.each(SCENARIOS.map((scenario) => [scenario.fixture, scenario] as const))(
    '%s',
    async (_fixture, scenario) => {
      // Both images at once: the 2 cores are mostly idle while a container boots.
      const observed = await Promise.all(SUITES.map((suite) => observe(scenario, suite)))
      SUITES.forEach((suite, index) => {
        const diagnosis = diagnose(observed[index].diagnosisContext)
        const label = `${suite}: ${diagnosis.reason} — ${diagnosis.summary}`
        expect(label).toBe(`${suite}: ${scenario.expect[suite]} — ${diagnosis.summary}`)
        expect(diagnosis.summary).toMatch(scenario.culprit)
        if (diagnosis.location) expect(diagnosis.location.file.startsWith(`__fixtures__/apps/${scenario.fixture}/`)).toBe(true)
      })
    },
    90_000
  )

  it('reads the worker count from --print-config in the image', async () => {
    const counts = await Promise.all(
      SUITES.map(async (suite) => {
        const image = await build('fail-crash-loop', suite)
        const { stdout } = await run('docker', ['run', '--rm', '-e', 'WEB_CONCURRENCY=5', image, 'gunicorn', '--print-config', 'app:app'])
        const settings = parsePrintConfig(stdout)
        return [expectedWorkerCount(settings), settings.worker_class]
      })
    )
    // gunicorn.conf.py sets workers = 2, which wins over WEB_CONCURRENCY.
    expect(counts).toEqual([
      [2, 'sync'],
      [2, 'sync']
    ])
  }, 60_000)
})
