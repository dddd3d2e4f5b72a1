// Issue 22, part 2, through the bundled action on the real engine and the three bases: the graceful-shutdown check
// (a clean SIGTERM with a slow request in flight, a shell-form CMD and a start script without `exec` that keep the
// signal, SIGINT's quick shutdown), and Gunicorn under a read-only root or a non-root user (no writable /tmp, a pid
// file, the app's own write, no home; on 26.2 the control socket's errors as warnings). Each fixture image is built
// once per base and shared by its cases (`image` input, the fixture as the context for the annotations).
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { jest } from '@jest/globals'
import { BASES, baseImage, leftovers } from './helpers/docker.js'
import { ROOT, expectFailedWith, runAction, type ActionRun } from './helpers/run-action.js'
import type { RunReport } from '../src/core/model.js'

jest.setTimeout(120_000)

const exec = promisify(execFile)
const FIXTURES = ['ok-graceful-shutdown', 'fail-shell-form-cmd', 'fail-script-without-exec'] as const
type Fixture = (typeof FIXTURES)[number]
const fixture = (name: Fixture): string => path.join('__fixtures__', 'apps', name)
const report = (run: ActionRun): RunReport => JSON.parse(fs.readFileSync(run.outputs['report-path'], 'utf8')) as RunReport
const shutdownRow = (run: ActionRun) => report(run).checks.find((check) => check.id === 'shutdown')

function expectNothingLeft(run: ActionRun): void {
  expect(leftovers(run.state.runKey.toLowerCase())).toEqual({ containers: [], images: [], volumes: [], networks: [] })
  expect(run.post?.exitCode).toBe(0)
}

const errorAnnotation = (run: ActionRun, file: string, line: number) =>
  run.stdout.split('\n').find((l) => l.startsWith('::error') && l.includes(`file=${file},line=${line}`))

describe.each(BASES)('on %s', (suite) => {
  const image = (name: Fixture): string => `gsmoke-test-${name}:${suite}`
  const run = (name: Fixture, inputs: Record<string, string> = {}): Promise<ActionRun> =>
    runAction({ image: image(name), context: fixture(name), 'stability-window': '0', comment: 'never', timeout: '60', ...inputs })
  // The cases are independent runs with their own containers: they run at the same time, each test reads its own.
  const CASES: Record<string, () => Promise<ActionRun>> = {
    clean: () => run('ok-graceful-shutdown', { 'shutdown-check': '/slow', 'stop-grace': '20' }),
    shellForm: () => run('fail-shell-form-cmd', { 'stability-window': '1' }),
    script: () => run('fail-script-without-exec', { 'stop-signal': 'TERM' }),
    noTmp: () => run('ok-graceful-shutdown', { 'read-only': 'true', user: '10001' }),
    pidFile: () =>
      run('ok-graceful-shutdown', {
        'read-only': 'true',
        'writable-paths': '/tmp',
        command: 'gunicorn -c gunicorn.conf.py --pid /srv/app/gunicorn.pid app:app'
      }),
    appWrite: () => run('ok-graceful-shutdown', { 'read-only': 'true', 'writable-paths': '/tmp', env: 'CACHE_FILE=/srv/app/cache.txt' }),
    noHome: () => run('ok-graceful-shutdown', { user: '10001', 'stop-signal': 'SIGINT', 'shutdown-check': '/slow' }),
    // The control socket is Gunicorn 25.1+.
    ...(suite === 'forky'
      ? { controlSocket: () => run('ok-graceful-shutdown', { 'read-only': 'true', user: '10001', 'writable-paths': '/tmp' }) }
      : {})
  }
  const runs = new Map<string, ActionRun>()
  const result = (key: string): ActionRun => runs.get(key)!

  beforeAll(async () => {
    await Promise.all(
      FIXTURES.map((name) =>
        exec('docker', [
          'build',
          '--quiet',
          '--label',
          'io.github.gunicorn-smoke.test=shutdown',
          '--build-arg',
          `BASE_IMAGE=${baseImage(suite)}`,
          '--tag',
          image(name),
          path.join(ROOT, fixture(name))
        ])
      )
    )
    await Promise.all(Object.entries(CASES).map(async ([key, start]) => runs.set(key, await start())))
  }, 300_000)

  afterAll(async () => {
    await exec('docker', ['rmi', '--force', ...FIXTURES.map(image)]).catch(() => undefined)
  })

  it('exec-form CMD, SIGTERM with /slow in flight: handled, the request answers 200, the container exits 0 by itself', () => {
    const passed = result('clean')
    expect(passed.outputs.result).toBe('pass')
    const { shutdown, warnings } = report(passed)
    expect(shutdown).toMatchObject({ signal: 'SIGTERM', graceSec: 20, path: '/slow', request: { status: 200 }, exited: { code: 0 } })
    expect(shutdown!.handled!.line).toMatch(/Handling signal: term$/)
    // The request started before the signal and took its 1.5 s: it was in flight, and Gunicorn waited for it.
    expect(shutdown!.request.durationMs).toBeGreaterThanOrEqual(1400)
    expect(shutdown!.exited!.afterMs).toBeGreaterThan(shutdown!.request.durationMs - 200)
    expect(shutdownRow(passed)).toMatchObject({ status: 'pass', label: 'Graceful shutdown', durationMs: shutdown!.durationMs })
    expect(shutdownRow(passed)!.detail).toMatch(/^SIGTERM handled after \d+ ms, in-flight `\/slow` answered 200, exited 0 after /)
    expect(report(passed).settingSources['stop-signal']).toBe('default')
    // Gunicorn's default graceful_timeout (30 s, from --print-config) against the 20 s grace: both numbers named.
    expect(warnings).toEqual([expect.stringMatching(/^Gunicorn's `graceful_timeout` is 30 s, longer than the host's 20 s grace \(`stop-grace`\)/)])
    expect(passed.summary).toContain('Graceful shutdown')
    expectNothingLeft(passed)
  })

  it('shell-form CMD: /bin/sh is PID 1 and keeps SIGTERM, signal-not-forwarded on Dockerfile:8 with the exec form', () => {
    const failed = result('shellForm')
    expectFailedWith(failed, 'signal-not-forwarded')
    const dockerfile = `${fixture('fail-shell-form-cmd')}/Dockerfile`
    expect(errorAnnotation(failed, dockerfile, 8)).toBeDefined()
    expect(failed.outputs.summary).toContain('SIGTERM never reached Gunicorn: PID 1 is `/bin/sh -c gunicorn -c gunicorn.conf.py app:app`')
    expect(report(failed).diagnosis?.remedy).toMatch(/^Use the exec form of the command, e\.g\. `CMD \["gunicorn"/)
    const { shutdown } = report(failed)
    expect(shutdown?.handled).toBeUndefined()
    expect(shutdown?.exited).toBeUndefined()
    // Decided when Gunicorn had not answered the signal and PID 1 was a shell, without waiting out the grace.
    expect(shutdown!.durationMs).toBeLessThan(shutdown!.graceSec * 1000)
    expect(shutdownRow(failed)).toMatchObject({ status: 'fail' })
    expect(
      report(failed)
        .checks.filter((check) => check.status === 'fail')
        .map((check) => check.id)
    ).toEqual(['shutdown'])
    expectNothingLeft(failed)
  })

  it('start script without exec: signal-not-forwarded on start.sh:5, the remedy is its own line with exec', () => {
    const failed = result('script')
    expectFailedWith(failed, 'signal-not-forwarded')
    expect(errorAnnotation(failed, `${fixture('fail-script-without-exec')}/start.sh`, 5)).toBeDefined()
    expect(failed.outputs.summary).toContain('PID 1 is `/bin/sh ./start.sh`, a start script that runs Gunicorn without `exec`')
    expect(report(failed).diagnosis?.remedy).toContain('`exec gunicorn -c gunicorn.conf.py app:app`')
    expect(report(failed).settingSources['stop-signal']).toBe('input')
    expectNothingLeft(failed)
  })

  it('read-only root as user 10001 without a writable /tmp: read-only-filesystem, the worker tmp dir and its fix', () => {
    const failed = result('noTmp')
    expectFailedWith(failed, 'read-only-filesystem')
    expect(failed.outputs.summary).toContain(
      "Gunicorn's workers need a writable temporary directory and none of `['/tmp', '/var/tmp', '/usr/tmp', '/srv/app']`"
    )
    expect(failed.outputs.summary).toContain('the root filesystem is read-only')
    expect(report(failed).diagnosis?.remedy).toMatch(/^Start Gunicorn with `--worker-tmp-dir \/dev\/shm`/)
    expect(shutdownRow(failed)?.status).toBe('not-reached')
    expectNothingLeft(failed)
  })

  it('read-only root with /tmp writable: a pid file in the app directory fails, naming the directory and the setting', () => {
    const failed = result('pidFile')
    expectFailedWith(failed, 'read-only-filesystem')
    expect(failed.outputs.summary).toBe('Gunicorn cannot write its pid file in `/srv/app`: the root filesystem is read-only.')
    expect(report(failed).diagnosis?.remedy).toContain('Point `pidfile` (`--pid`) at a writable path such as `/tmp/gunicorn.pid`')
    expectNothingLeft(failed)
  })

  it('read-only root with /tmp writable, the app writing its cache in /srv/app: the app line annotated', () => {
    const failed = result('appWrite')
    expectFailedWith(failed, 'read-only-filesystem')
    expect(errorAnnotation(failed, `${fixture('ok-graceful-shutdown')}/app.py`, 9)).toBeDefined()
    expect(report(failed).diagnosis?.remedy).toContain('at `/srv/app`')
    expectNothingLeft(failed)
  })

  it('user 10001 without a home, SIGINT (Fly) with /slow in flight: the quick shutdown cuts the request; 25.1+ warns of its control socket', () => {
    const passed = result('noHome')
    expect(passed.outputs.result).toBe('pass')
    const { warnings, shutdown } = report(passed)
    const controlSocket = warnings.find((w) => w.includes('Control server error'))
    // Before 25.1 there is no control socket, so no home is needed at all.
    if (suite === 'forky') expect(controlSocket).toContain("[Errno 13] Permission denied: '/.gunicorn'")
    else expect(controlSocket).toBeUndefined()
    expect(shutdown!.handled!.line).toMatch(/Handling signal: int$/)
    expect(shutdown!.request.durationMs).toBeLessThan(1400)
    const quick = warnings.find((w) => w.startsWith('SIGINT is a quick shutdown'))
    expect(quick).toMatch(
      /in flight was cut short \((answered 500|connection closed before an answer)\) \d\.\d s after it started, and the container exited \d+\.\d s after/
    )
    expectNothingLeft(passed)
  })

  if (suite === 'forky') {
    it('26.2, read-only root with /tmp writable, user 10001: serves, the control socket Errno 30 is a warning with its fix', () => {
      const passed = result('controlSocket')
      expect(passed.outputs.result).toBe('pass')
      const warning = report(passed).warnings.find((w) => w.includes('Control server error'))
      expect(warning).toContain("[Errno 30] Read-only file system: '/.gunicorn'")
      expect(warning).toContain('`--no-control-socket`')
      expect(passed.stdout).toMatch(/^::warning.*Control server error/m)
      expect(report(passed).settingSources).toMatchObject({ 'read-only': 'input', user: 'input', 'writable-paths': 'input' })
      expectNothingLeft(passed)
    })
  }
})
