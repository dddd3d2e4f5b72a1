// Characterization of the whole smoke run without Docker: captured logs replayed through the fake engine, the
// app's answers from a local server. Verdict, reason, checks table and the order of the timings, per outcome.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { CheckResult, RunReport } from '../../src/core/model.js'
import { Docker } from '../../src/docker/docker.js'
import { parseSettings } from '../../src/setup/inputs.js'
import { CancelledError, runSmoke } from '../../src/smoke/index.js'
import { silentUi } from '../helpers/silent-ui.js'
import { CONTAINER_ID, FakeEngine, type FakeApp } from '../helpers/fake-engine.js'
import { IDENTITY, capturedLog, repository, smokeRun } from './smoke-run.js'

const BOOTING = capturedLog('bookworm', 'health-check-failed')
const OK = { status: 200, body: '{"status":"ok"}' }
const IMAGE = { image: 'shop-api:1.4' }

type Row = [CheckResult['id'], CheckResult['status'], string]
interface Case {
  app: FakeApp
  inputs: Record<string, string>
  result: RunReport['result']
  reason?: string
  summary: RegExp
  checks: Row[]
}

type Status = CheckResult['status']
/** The checks table of a run on a prebuilt image, by the status of each row after the build. */
const table = (start: Status, workers: Status, health: Status, stability: Status): Row[] => [
  ['build', 'skipped', 'Image build'],
  ['start', start, 'Gunicorn start'],
  ['workers', workers, 'Workers booted'],
  ['health', health, 'Health `/health`'],
  ['stability', stability, 'Stability']
]
const base = (stability: Status): Row[] => table('pass', 'pass', 'pass', stability)

const CASES: Record<string, Case> = {
  healthy: {
    app: { log: BOOTING, answer: OK, printedWorkers: 2 },
    inputs: { ...IMAGE, 'stability-window': '1' },
    result: 'pass',
    summary: /^Gunicorn answered \/health healthy in \d+\.\d s, 2\/2 workers\.$/,
    checks: base('pass')
  },
  'gave-up (missing dependency)': {
    app: { log: capturedLog('bookworm', 'missing-dependency'), exitCode: 1 },
    inputs: IMAGE,
    result: 'fail',
    reason: 'missing-dependency',
    summary: /`stripe`/,
    checks: table('pass', 'fail', 'not-reached', 'not-reached')
  },
  'container exited': {
    app: { log: capturedLog('bookworm', 'config-error'), exitCode: 1 },
    inputs: IMAGE,
    result: 'fail',
    reason: 'config-error',
    summary: /literal text `\$\{PORT\}`/,
    checks: table('fail', 'not-reached', 'not-reached', 'not-reached')
  },
  'container stopped before its port was looked up': {
    app: { log: capturedLog('forky', 'worker-class-unavailable'), exitCode: 1, stopsBeforePortLookup: true },
    inputs: IMAGE,
    result: 'fail',
    reason: 'worker-class-unavailable',
    summary: /`eventlet`/,
    checks: table('fail', 'not-reached', 'not-reached', 'not-reached')
  },
  'boot timeout': {
    app: { log: capturedLog('bookworm', 'boot-timeout') },
    inputs: { ...IMAGE, timeout: '1' },
    result: 'fail',
    reason: 'boot-timeout',
    summary: /`127\.0\.0\.1:8000`/,
    checks: [...base('not-reached').slice(0, 3), ['health', 'fail', 'Health `/health`'], ['stability', 'not-reached', 'Stability']]
  },
  'health answers 503 until the timeout': {
    app: { log: BOOTING, answer: { status: 503, body: '{"status":"unavailable"}' } },
    inputs: { ...IMAGE, timeout: '1' },
    result: 'fail',
    reason: 'health-check-failed',
    summary: /answered 503 instead of 200/,
    checks: [...base('not-reached').slice(0, 3), ['health', 'fail', 'Health `/health`'], ['stability', 'not-reached', 'Stability']]
  },
  'health answers 404 (settled long before the timeout)': {
    app: { log: BOOTING, answer: { status: 404, body: 'Not Found' } },
    inputs: { ...IMAGE, timeout: '60' },
    result: 'fail',
    reason: 'health-check-failed',
    summary: /answered 404/,
    checks: [...base('not-reached').slice(0, 3), ['health', 'fail', 'Health `/health`'], ['stability', 'not-reached', 'Stability']]
  },
  'crash loop in the stability window': {
    app: { log: capturedLog('bookworm', 'crash-loop'), answer: OK },
    inputs: { ...IMAGE, 'stability-window': '3' },
    result: 'fail',
    reason: 'crash-loop',
    summary: /price refresh failed/,
    checks: base('fail')
  },
  load: {
    // Listening only once both workers booted: the burst is over within the 40 ms between the two boot lines.
    app: { log: BOOTING, answer: OK, printedWorkers: 2, listensAfter: /Booting worker with pid: 8/ },
    inputs: { ...IMAGE, 'load-requests': '20', 'stability-window': '0' },
    result: 'pass',
    summary: /^Gunicorn answered \/health healthy in \d+\.\d s, 2\/2 workers\.$/,
    checks: [...base('pass').slice(0, 4), ['load', 'pass', 'Load']]
  },
  'port held by another process': {
    // Another process answers health on the port while Gunicorn retries its bind and gives up.
    app: { log: capturedLog('forky', 'port-in-use'), answer: OK, exitCode: 1, listensAfter: /Starting gunicorn/ },
    inputs: IMAGE,
    result: 'fail',
    reason: 'port-in-use',
    summary: /Port 8000 inside the container is already taken/,
    checks: table('pass', 'fail', 'not-reached', 'not-reached')
  },
  'websocket path failing': {
    app: { log: BOOTING, answer: OK, printedWorkers: 2 },
    inputs: { ...IMAGE, 'websocket-path': '/ws', 'stability-window': '0' },
    result: 'fail',
    reason: 'websocket-failed',
    summary: /`sync` worker class cannot hold a WebSocket/,
    checks: [...base('pass').slice(0, 4), ['websocket', 'fail', 'WebSocket `/ws`']]
  }
}

describe('runSmoke on replayed logs', () => {
  it.each(Object.entries(CASES))(
    '%s',
    async (_name, scenario) => {
      const { report, engine } = await smokeRun(scenario.app, scenario.inputs)
      expect({ result: report.result, reason: report.reason }).toEqual({ result: scenario.result, reason: scenario.reason })
      expect(report.summary).toMatch(scenario.summary)
      expect(report.checks.map((check) => [check.id, check.status, check.label])).toEqual(scenario.checks)
      // Timings: the start comes first, health after it, and the run's duration covers every phase.
      const timing = Object.fromEntries(report.checks.map((check) => [check.id, check.durationMs]))
      if (timing.start !== undefined && timing.health !== undefined) expect(timing.start).toBeLessThanOrEqual(timing.health)
      if (timing.start !== undefined && timing.workers !== undefined) expect(timing.start).toBeLessThanOrEqual(timing.workers)
      for (const ms of Object.values(timing)) if (ms !== undefined) expect(ms).toBeLessThanOrEqual(report.durationMs)
      expect(report.bootTimeMs === undefined).toBe(scenario.checks.find(([id]) => id === 'health')?.[1] !== 'pass')
      // Every run removes its container and the print-config one.
      expect(engine.commands('rm').flat()).toEqual(expect.arrayContaining([IDENTITY.containerName + '-config']))
    },
    30_000
  )

  it("reads a stopped container's log to its end before the verdict: a traceback after a flood of output is named", async () => {
    // The container exits while `docker logs` is still delivering what its workers printed before it: 40,000
    // lines of SQL echo, then the tracebacks. The verdict waits for them (no timer cuts the reading).
    const captured = capturedLog('bookworm', 'missing-dependency').replace(/\n$/, '').split('\n')
    const firstFailure = captured.findIndex((line) => line.includes('Exception in worker process'))
    const noise = Array.from(
      { length: 40_000 },
      (_, row) => `INFO sqlalchemy.engine.Engine SELECT products.id FROM products WHERE products.id = ${row}`
    )
    const app = { log: captured.slice(0, firstFailure).join('\n'), unreadAtExit: [...noise, ...captured.slice(firstFailure)].join('\n'), exitCode: 1 }
    const { report, engine } = await smokeRun(app, IMAGE)
    expect({ result: report.result, reason: report.reason }).toEqual({ result: 'fail', reason: 'missing-dependency' })
    expect(report.summary).toMatch(/`stripe`/)
    expect(report.logTotalLines).toBe(captured.length + noise.length)
    // The container was removed only after its log had been read.
    expect(engine.commands('rm').flat()).toContain(CONTAINER_ID)
    expect(report.warnings.join(' ')).not.toMatch(/still unread/)
  }, 30_000)

  it('removes a running container whose published port cannot be found, then fails with one sentence', async () => {
    const engine = new FakeEngine({ log: BOOTING, answer: OK, printedWorkers: 2, publishesNoPort: true })
    await expect(smokeRun(engine.app, IMAGE, { engine })).rejects.toThrow(/^Could not find the host port published for container port 8000: /)
    expect(engine.commands('rm').flat()).toContain(CONTAINER_ID)
  })

  it('stops and cleans up when the job is cancelled', async () => {
    const cancel = new AbortController()
    const app = { log: BOOTING, answer: OK, printedWorkers: 2 }
    const engine = new FakeEngine(app)
    const running = smokeRun(app, { ...IMAGE, 'stability-window': '30' }, { signal: cancel.signal, engine })
    setTimeout(() => cancel.abort(), 400)
    const started = Date.now()
    await expect(running).rejects.toBeInstanceOf(CancelledError)
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(engine.commands('rm').flat()).toEqual(expect.arrayContaining([expect.stringMatching(/^f00dcafe/), `${IDENTITY.containerName}-config`]))
  }, 30_000)

  it('reports a failed build at the failing Dockerfile step', async () => {
    const dockerfile = readFileSync(path.resolve('__fixtures__/build/Dockerfile.pip'), 'utf8')
    const output = readFileSync(path.resolve('__fixtures__/build/legacy-run-failed.txt'), 'utf8').split('\n')
    const { report, engine } = await smokeRun({ log: '', build: { output, exitCode: 1 } }, {}, { workspace: repository({ Dockerfile: dockerfile }) })
    // The image has no pip at all: the installer is missing from the stage, not a step's own failure.
    expect({ result: report.result, reason: report.reason }).toEqual({ result: 'fail', reason: 'installer-missing' })
    expect(report.checks.map((check) => [check.id, check.status])).toEqual([
      ['build', 'fail'],
      ['start', 'not-reached'],
      ['workers', 'not-reached'],
      ['health', 'not-reached'],
      ['stability', 'not-reached']
    ])
    expect(report.diagnosis?.location).toEqual({ file: 'Dockerfile', line: 5 })
    expect(engine.commands('run')).toEqual([])
  })
})

describe('the diagnosis reads the Dockerfile the run built', () => {
  it('blames the exec-form CMD of Dockerfile.prod for a literal $PORT', async () => {
    const workspace = repository({
      'Dockerfile.prod': ['FROM python:3.12-slim', 'WORKDIR /app', 'COPY . .', 'CMD ["gunicorn", "--bind", "0.0.0.0:$PORT", "app:app"]', ''].join(
        '\n'
      ),
      'gunicorn.conf.py': 'workers = 2\n'
    })
    const log = "Error: '$PORT' is not a valid port number.\n"
    const { report } = await smokeRun({ log, exitCode: 1 }, { dockerfile: 'Dockerfile.prod' }, { workspace })
    expect(report.reason).toBe('config-error')
    expect(report.summary).toMatch(/exec-form `CMD` runs no shell/)
    expect(report.diagnosis?.location).toEqual({ file: 'Dockerfile.prod', line: 4 })
  })
})

describe('Gunicorn stopping during the WebSocket check', () => {
  // What Gunicorn 20.1 printed on bookworm when the route's handler sent SIGINT to its master (timestamps moved
  // onto this log's): the workers exit and the master stops.
  const SHUTDOWN = [
    '[2026-11-27 04:49:53 +0000] [1] [INFO] Handling signal: int',
    '[2026-11-27 04:49:53 +0000] [7] [INFO] Worker exiting (pid: 7)',
    '[2026-11-27 04:49:53 +0000] [8] [INFO] Worker exiting (pid: 8)',
    '[2026-11-27 04:49:54 +0000] [1] [INFO] Shutting down: Master'
  ]

  it('is decided by the log within 1 s of the exit, and the verdict names the exit', async () => {
    const engine = new FakeEngine({
      log: BOOTING,
      answer: OK,
      printedWorkers: 2,
      listensAfter: /Booting worker with pid: 8/,
      upgradeBreaks: { log: SHUTDOWN, exitCode: 0 }
    })
    const { report } = await smokeRun(engine.app, { ...IMAGE, 'websocket-path': '/ws', 'stability-window': '0', timeout: '10' }, { engine })
    expect(engine.exitedAt).toBeDefined()
    expect(Date.now() - engine.exitedAt!).toBeLessThan(1000)
    expect({ result: report.result, reason: report.reason }).toEqual({ result: 'fail', reason: 'websocket-failed' })
    expect(report.summary).toMatch(/^Gunicorn stopped during the WebSocket check of `\/ws`/)
    expect(report.summary).toMatch(/`Worker exiting \(pid: 7\)`.*`Shutting down: Master`/)
    expect(report.summary).not.toMatch(/ECONNREFUSED|within \d+ ms/)
    const websocket = report.checks.find((check) => check.id === 'websocket')
    expect(websocket?.status).toBe('fail')
    expect(websocket?.detail).not.toMatch(/ECONNREFUSED/)
  }, 30_000)

  it('ends the check at a worker that exits (Gunicorn replaces it), naming the exit', async () => {
    const engine = new FakeEngine({
      log: BOOTING,
      answer: OK,
      printedWorkers: 2,
      listensAfter: /Booting worker with pid: 8/,
      upgradeBreaks: { log: ['[2026-11-27 04:49:53 +0000] [8] [INFO] Worker exiting (pid: 8)'] }
    })
    const { report } = await smokeRun(engine.app, { ...IMAGE, 'websocket-path': '/ws', 'stability-window': '0', timeout: '10' }, { engine })
    expect({ result: report.result, reason: report.reason }).toEqual({ result: 'fail', reason: 'websocket-failed' })
    expect(report.summary).toBe('A worker exited during the WebSocket check of `/ws` (`Worker exiting (pid: 8)`), so the check could not finish.')
    // Ended by the log, not retried until the 10 s timeout.
    expect(report.checks.find((check) => check.id === 'websocket')?.detail).toBe('probe aborted: a worker exited')
  }, 30_000)

  it('names the stop signal when the run ends before the master logs its shutdown (as on bookworm)', async () => {
    const engine = new FakeEngine({
      log: BOOTING,
      answer: OK,
      printedWorkers: 2,
      listensAfter: /Booting worker with pid: 8/,
      upgradeBreaks: { log: SHUTDOWN.slice(0, 3) }
    })
    const { report } = await smokeRun(engine.app, { ...IMAGE, 'websocket-path': '/ws', 'stability-window': '0', timeout: '10' }, { engine })
    expect({ result: report.result, reason: report.reason }).toEqual({ result: 'fail', reason: 'websocket-failed' })
    expect(report.summary).toBe(
      'Gunicorn stopped during the WebSocket check of `/ws`: the master was told to stop (`Handling signal: int`) and the workers exited (`Worker exiting (pid: 7)`).'
    )
  }, 30_000)
})

describe('the teardown of a healthy run', () => {
  it('gives --print-config 300 ms after the profile, then removes its container while the report goes out', async () => {
    const engine = new FakeEngine({ log: BOOTING, answer: OK, printedWorkers: 3, printConfigMs: 20_000 })
    await engine.reservePort()
    const settings = parseSettings((name) => ({ ...IMAGE, 'stability-window': '0', 'shutdown-check': 'false' })[name] ?? '', repository())
    const deferred: Array<Promise<void>> = []
    const started = Date.now()
    const report = await runSmoke(settings, {
      docker: new Docker(engine),
      ui: silentUi,
      identity: IDENTITY,
      metadata: {},
      deferCleanup: (task) => deferred.push(task)
    })
    expect(report.result).toBe('pass')
    // Not the 3 workers --print-config would have printed: it had not answered (the boots' count stands in).
    expect(report.gunicorn.workersExpected).not.toBe(3)
    expect(Date.now() - started).toBeLessThan(10_000)
    // The app's container went before the verdict; the print-config container's removal is the deferred task.
    expect(engine.commands('rm')[0]).toContain(CONTAINER_ID)
    expect(engine.commands('rm')[0]).not.toContain(`${IDENTITY.containerName}-config`)
    expect(deferred).toHaveLength(1)
    await Promise.all(deferred)
    expect(engine.commands('rm').flat()).toContain(`${IDENTITY.containerName}-config`)
  }, 30_000)
})
