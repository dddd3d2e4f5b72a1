// Issue 25, through the bundled action on the real engine and all three bases: a bind the probe cannot reach is
// decided from `Listening at` (not at the timeout) on the line that sets it, and no report holds a crash the
// action caused (a stack request only for a worker that has not finished booting).
import fs from 'node:fs'
import path from 'node:path'
import { jest } from '@jest/globals'
import { BASES, baseImage, leftovers } from './helpers/docker.js'
import { runAction, type ActionRun } from './helpers/run-action.js'
import type { RunReport } from '../src/core/model.js'

jest.setTimeout(240_000)

const fixture = (name: string): string => path.join('__fixtures__', 'apps', name)
const report = (run: ActionRun): RunReport => JSON.parse(fs.readFileSync(run.outputs['report-path'], 'utf8')) as RunReport
const errorAnnotation = (run: ActionRun, file: string, line: number) =>
  run.stdout.split('\n').find((l) => l.startsWith('::error') && l.includes(`file=${file},line=${line}`))

/** Log lines of a crash our SIGSEGV stack request would cause (faulthandler's dump, the master's notice). */
function causedCrash(json: RunReport): string[] {
  return json.log.map((line) => line.text).filter((text) => /Segmentation fault|SIGSEGV|Fatal Python error/.test(text))
}

function expectNothingLeft(run: ActionRun): void {
  expect(leftovers(run.state.runKey.toLowerCase())).toEqual({ containers: [], images: [], volumes: [], networks: [] })
  expect(run.post?.exitCode).toBe(0)
}

describe.each(BASES)('on %s', (suite) => {
  const common = { 'build-args': `BASE_IMAGE=${baseImage(suite)}`, 'stability-window': '1', comment: 'never' }

  it('port mismatch: decided from `Listening at`, on the bind line of gunicorn.conf.py, with no stack request', async () => {
    const run = await runAction({ ...common, context: fixture('fail-port-mismatch'), timeout: '60' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.reason).toBe('boot-timeout')
    expect(run.outputs.summary).toBe('Gunicorn listens on port 8088 but the smoke test probes port 8000.')
    const json = report(run)
    expect(json.diagnosis?.remedy).toContain("set the action's `port` input to 8088")
    expect(json.diagnosis?.evidence).toContain('bind = "0.0.0.0:8088"')
    expect(errorAnnotation(run, `${fixture('fail-port-mismatch')}/gunicorn.conf.py`, 3)).toBeDefined()
    expect(errorAnnotation(run, `${fixture('fail-port-mismatch')}/Dockerfile`, 7)).toBeUndefined()
    // Decided from the log, not by waiting out the 60 s timeout.
    expect(json.durationMs).toBeLessThan(60_000)
    expect(causedCrash(json)).toEqual([])
    expectNothingLeft(run)
  })

  it('a booted worker behind a slow health route is never sent SIGSEGV: the boot timeout shows no crash', async () => {
    const run = await runAction({ ...common, context: fixture('fail-slow-health'), timeout: '8' })
    expect(run.outputs.reason).toBe('boot-timeout')
    expect(run.outputs.summary).toContain('Gunicorn booted 2 workers but nothing answered within 8 s')
    const json = report(run)
    expect(json.settings?.PYTHONFAULTHANDLER).toBe('1')
    // The stack request looked, and let the worker be: its heartbeat showed it serving.
    expect(run.stdout).toMatch(/::debug::worker \d+ has finished booting \(its heartbeat file was touched\)/)
    expect(causedCrash(json)).toEqual([])
    expectNothingLeft(run)
  })

  it('a variable read in the view: missing-env at the second identical 500, "in the view `index` (`app.py:11`)"', async () => {
    const app = `${fixture('fail-env-in-view')}/app.py`
    const run = await runAction({ ...common, context: fixture('fail-env-in-view'), 'health-path': '/', timeout: '60' })
    expect(run.outputs.reason).toBe('missing-env')
    expect(run.outputs['health-status']).toBe('500')
    expect(run.outputs.summary).toBe(
      `The app needs the environment variable \`DEPLOY_REGION\`, which is not set in the container: it is read in the view \`index\` (\`${app}:11\`), so every request to it fails.`
    )
    expect(report(run).diagnosis?.remedy).toContain("Pass `DEPLOY_REGION` with the action's `env` input")
    expect(errorAnnotation(run, app, 11)).toBeDefined()
    expect(report(run).durationMs).toBeLessThan(60_000)
    expectNothingLeft(run)
  })

  it('a database connected per request: database-unreachable "while handling a request", decided early', async () => {
    const file = `${fixture('fail-db-in-view')}/wsgi.py`
    const run = await runAction({ ...common, context: fixture('fail-db-in-view'), 'health-path': '/', timeout: '60' })
    expect(run.outputs.reason).toBe('database-unreachable')
    expect(run.outputs.summary).toBe(
      `The app connects to PostgreSQL at \`db\` while handling a request, in the view \`application\` (\`${file}:11\`), and the name \`db\` does not resolve inside the container.`
    )
    const json = report(run)
    expect(json.diagnosis?.remedy).not.toContain('connect on first request')
    expect(errorAnnotation(run, file, 11)).toBeDefined()
    expect(json.durationMs).toBeLessThan(60_000)
    expectNothingLeft(run)
  })

  it('any exception in a handler: health-check-failed names it and the innermost user frame, decided early', async () => {
    const file = `${fixture('fail-raises-in-view')}/stats.py`
    const run = await runAction({ ...common, context: fixture('fail-raises-in-view'), timeout: '60' })
    expect(run.outputs.reason).toBe('health-check-failed')
    expect(run.outputs.summary).toBe(
      `\`/health\` answered 500: each request raised \`ZeroDivisionError: division by zero\` in \`hit_ratio\` (\`${file}:7\`), called from the view \`health\`.`
    )
    const json = report(run)
    expect(json.diagnosis?.evidence).toContain('    return HITS / LOOKUPS')
    expect(errorAnnotation(run, file, 7)).toBeDefined()
    expect(json.durationMs).toBeLessThan(60_000)
    expectNothingLeft(run)
  })

  it('a start script waiting for an unresolvable `db`: decided early, naming the host and `DB_HOST`; Health not reached', async () => {
    const dockerfile = `${fixture('fail-wait-for-db')}/Dockerfile`
    const run = await runAction({ ...common, context: fixture('fail-wait-for-db'), timeout: '60' })
    expect(run.outputs.reason).toBe('database-unreachable')
    expect(run.outputs.summary).toContain(
      `Gunicorn never started: the start script waits for \`db\`, the value of \`DB_HOST\` (\`${dockerfile}:7\`), a host name that does not resolve inside the container`
    )
    const json = report(run)
    expect(json.diagnosis?.remedy).toContain('Pass `DB_HOST` with the `env` input.')
    expect(json.checks.find((check) => check.id === 'health')?.status).toBe('not-reached')
    expect(errorAnnotation(run, dockerfile, 7)).toBeDefined()
    expect(json.durationMs).toBeLessThan(60_000)
    expectNothingLeft(run)
  })

  it('a 404 on /health says that `/` answers 200', async () => {
    const run = await runAction({ ...common, context: fixture('fail-health-404'), timeout: '60' })
    expect(run.outputs.reason).toBe('health-check-failed')
    const json = report(run)
    expect(json.diagnosis?.evidence).toContain('GET / → 200')
    expect(json.diagnosis?.remedy).toBe(
      'The app has no route `/health`, but `/` answers 200: set the `health-path` input to `/`, or add a `/health` route.'
    )
    expectNothingLeft(run)
  })

  it("the legacy builder's colour codes do not reach the report's log", async () => {
    const run = await runAction({ ...common, context: fixture('fail-build-colour') })
    expect(run.outputs.result).toBe('fail')
    const log = report(run).log.map((line) => line.text)
    expect(log.some((text) => text.includes('error: settings check failed: SECRET_KEY is the default'))).toBe(true)
    expect(log.filter((text) => text.includes('\x1b'))).toEqual([])
  })

  it('a worker count the config computes is reported as a number, not "?"', async () => {
    const run = await runAction({ ...common, context: fixture('ok-computed-workers'), 'stability-window': '0' })
    expect(run.outputs.result).toBe('pass')
    // The config computes min(3, 2 × CPUs); with no stability window the last worker may still be booting when
    // /health answers, so the booted count may be one short of it under load.
    const counted = /, (\d+)\/(\d+) workers/.exec(run.outputs.summary ?? '')
    expect(counted).not.toBeNull()
    const [booted, computed] = [Number(counted![1]), Number(counted![2])]
    expect([2, 3]).toContain(computed)
    expect(booted).toBeGreaterThanOrEqual(1)
    expect(booted).toBeLessThanOrEqual(computed)
    expect(report(run).checks.find((check) => check.id === 'workers')?.detail).not.toContain('?')
    expectNothingLeft(run)
  })

  it.each(['ok-flask-4-workers', 'ok-slow-boot', 'ok-computed-workers'])('healthy %s: passes, and its report holds no crash', async (name) => {
    const run = await runAction({ ...common, context: fixture(name) })
    expect(run.outputs.result).toBe('pass')
    expect(causedCrash(report(run))).toEqual([])
    expectNothingLeft(run)
  })
})
