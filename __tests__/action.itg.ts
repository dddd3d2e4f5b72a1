// The bundled action, run exactly as the runner runs it, against the real Docker engine and real Gunicorn
// on both base images (Gunicorn 20.1 on bookworm, 23.0 on trixie).
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import { jest } from '@jest/globals'
import path from 'node:path'
import { BASES, GUNICORN_VERSION, baseImage, createdSince, leftovers, snapshot } from './helpers/docker.js'
import { ROOT, runAction, type ActionRun, expectFailedWith } from './helpers/run-action.js'

jest.setTimeout(240_000)

const fixture = (name: string): string => path.relative(ROOT, path.join(ROOT, '__fixtures__', 'apps', name))

function expectNothingLeft(run: ActionRun): void {
  expect(run.state.runKey).toBeTruthy()
  expect(leftovers(run.state.runKey.toLowerCase())).toEqual({ containers: [], images: [], volumes: [], networks: [] })
  expect(run.post?.exitCode).toBe(0)
}

function report(run: ActionRun): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(run.outputs['report-path'], 'utf8'))
}

describe.each(BASES)('on %s', (base) => {
  const buildArgs = `BASE_IMAGE=${baseImage(base)}`

  it('passes a healthy Flask app on gevent workers and leaves nothing behind', async () => {
    const before = snapshot()
    const run = await runAction({ context: 'examples/flask-gevent', 'build-args': buildArgs, 'stability-window': '2', comment: 'never' })
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    expect(run.outputs.result).toBe('pass')
    expect(run.outputs.reason).toBe('')
    expect(Number(run.outputs['boot-time-ms'])).toBeGreaterThan(0)
    expect(Number(run.outputs['boot-time-ms'])).toBeLessThan(20_000)
    expect(run.outputs['health-status']).toBe('200')
    expect(run.outputs['gunicorn-version']).toBe(GUNICORN_VERSION[base])
    expect(run.outputs.workers).toBe('2/2')
    expect(run.outputs.websocket).toBe('skipped')
    expect(run.summary).toContain('passed')
    expectNothingLeft(run)
    expect(createdSince(before)).toEqual({ containers: [], volumes: [], networks: [] })
  })

  it('reports 4/4 workers for an app configured with four', async () => {
    const run = await runAction({ context: fixture('ok-flask-4-workers'), 'build-args': buildArgs, 'stability-window': '1', comment: 'never' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.workers).toBe('4/4')
    expectNothingLeft(run)
  })

  it('passes an app at loglevel warning: Gunicorn started, its boots and stop signal unlogged rather than failed', async () => {
    const run = await runAction({
      context: fixture('fail-quiet-log-level'),
      'build-args': buildArgs,
      env: 'DEPLOY_REGION=eu-west-1',
      'stability-window': '1',
      comment: 'never'
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.workers).toBe('?/2')
    expect(run.outputs.summary).toContain('2 workers (boots not logged at `loglevel` warning)')
    const checks = report(run).checks as { id: string; status: string; detail: string }[]
    expect(checks.find((c) => c.id === 'start')).toMatchObject({
      status: 'pass',
      detail: 'started (its `loglevel` `warning` hides the `Starting gunicorn` line)'
    })
    expect(checks.find((c) => c.id === 'workers')).toMatchObject({ status: 'pass', detail: '2 expected (boots not logged at `loglevel` warning)' })
    expect(checks.find((c) => c.id === 'shutdown')?.detail).toMatch(
      /^SIGTERM sent \(`loglevel` warning hides Gunicorn's `Handling signal` line\), .*exited 0/
    )
    expectNothingLeft(run)
  })

  it('fails at once when every worker fails to boot, whatever the timeout', async () => {
    const run = await runAction({ context: fixture('fail-missing-dependency'), 'build-args': buildArgs, timeout: '300', comment: 'never' })
    expectFailedWith(run, 'missing-dependency')
    expect(run.outputs.summary).toMatch(/stripe/)
    // Decided by the log, not by the 300 s timeout (the benchmark measures the actual lag).
    expect((report(run).durationMs as number) < 60_000).toBe(true)
    expect(run.stdout).toMatch(/::error /)
    expectNothingLeft(run)
  })

  it('annotates the bind line of gunicorn.conf.py for a ${PORT} placeholder (the bundled failing example)', async () => {
    const run = await runAction({ context: 'examples/broken-port', 'build-args': buildArgs, comment: 'never' })
    expectFailedWith(run, 'config-error')
    expect(run.outputs.summary).toContain('${PORT}')
    expect(run.stdout).toMatch(/^::error title=[^,]*,file=examples\/broken-port\/gunicorn\.conf\.py,line=5::/m)
    expectNothingLeft(run)
  })

  it('annotates the line of a syntax error in the app', async () => {
    const run = await runAction({ context: fixture('fail-syntax-error'), 'build-args': buildArgs, comment: 'never' })
    expectFailedWith(run, 'syntax-error')
    expect(run.stdout).toMatch(/^::error title=[^,]*,file=__fixtures__\/apps\/fail-syntax-error\/routes\.py,line=10::/m)
    expectNothingLeft(run)
  })

  it('fails a health endpoint that answers 503 with health-check-failed', async () => {
    const run = await runAction({ context: fixture('fail-health-check-failed'), 'build-args': buildArgs, timeout: '6', comment: 'never' })
    expectFailedWith(run, 'health-check-failed')
    expect(run.outputs['health-status']).toBe('503')
    expectNothingLeft(run)
  })

  it('passes an app whose import takes 6 s, with a boot time that shows it', async () => {
    const run = await runAction({ context: fixture('ok-slow-boot'), 'build-args': buildArgs, 'stability-window': '1', comment: 'never' })
    expect(run.exitCode).toBe(0)
    const bootMs = Number(run.outputs['boot-time-ms'])
    expect(bootMs).toBeGreaterThanOrEqual(6000)
    expect(bootMs).toBeLessThanOrEqual(9000)
    expectNothingLeft(run)
  })

  it('fails workers that exit a few seconds after boot although health answers (crash-loop)', async () => {
    const run = await runAction({ context: fixture('fail-crash-loop'), 'build-args': buildArgs, 'stability-window': '8', comment: 'never' })
    expectFailedWith(run, 'crash-loop')
    expect(run.outputs['health-status']).toBe('200')
    expectNothingLeft(run)
  })
})

describe('cancellation and broken environments', () => {
  const buildArgs = `BASE_IMAGE=${baseImage(BASES[0])}`

  it('a run killed with SIGTERM while waiting for health leaves nothing once post has run', async () => {
    const run = await runAction(
      { context: fixture('ok-slow-boot'), 'build-args': buildArgs, comment: 'never' },
      { cancel: { signal: 'SIGTERM', whenStdoutMatches: /Waiting for \/health/ } }
    )
    expect(run.exitCode).not.toBe(0)
    expect(run.outputs.result).toBe('fail')
    expectNothingLeft(run)
  })

  it('a run killed with SIGKILL (no chance to clean up) is cleaned by the post step', async () => {
    const run = await runAction(
      { context: fixture('ok-slow-boot'), 'build-args': buildArgs, comment: 'never' },
      { cancel: { signal: 'SIGKILL', whenStdoutMatches: /Waiting for \/health/ } }
    )
    expect(run.signal).toBe('SIGKILL')
    expect(run.post?.stdout).toMatch(/Removing 1 container/)
    expectNothingLeft(run)
  })

  it('a start command that is not in the image fails clearly and leaves no created container', async () => {
    const run = await runAction({
      context: 'examples/flask-gevent',
      'build-args': buildArgs,
      command: 'uwsgi --http :8000 --module backend.wsgi:app',
      comment: 'never'
    })
    expectFailedWith(run, 'config-error')
    expect(run.outputs.summary).toBe('The container could not start: `uwsgi` is not installed in the image.')
    expectNothingLeft(run)
  })

  it("warns that a fork's code runs with the job's secrets on pull_request_target", async () => {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim()
    const run = await runAction(
      { context: 'examples/flask-gevent', 'build-args': buildArgs, 'stability-window': '0', comment: 'never' },
      {
        eventName: 'pull_request_target',
        payload: {
          pull_request: {
            number: 7,
            head: { sha: head, repo: { full_name: 'mallory/backend', fork: true } },
            base: { repo: { full_name: 'octo-org/backend' } }
          }
        }
      }
    )
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(/^::warning title=Untrusted code runs with this job's secrets::.*securitylab\.github\.com/m)
    expect(run.summary).toContain('securitylab.github.com')
  })

  it('removes every container before its main step ends when nothing follows the first healthy answer', async () => {
    // No stability window and no shutdown check: --print-config, started at the first healthy answer, is still
    // running when the verdict comes, and its container is removed while the report goes out. No post step here.
    const run = await runAction(
      { context: 'examples/flask-gevent', 'build-args': buildArgs, 'stability-window': '0', 'shutdown-check': 'false', comment: 'never' },
      { runPost: false }
    )
    expect(run.exitCode).toBe(0)
    expect(run.outputs.result).toBe('pass')
    expect(run.state.runKey).toBeTruthy()
    expect(leftovers(run.state.runKey.toLowerCase())).toEqual({ containers: [], images: [], volumes: [], networks: [] })
  })

  // With a prebuilt image, the inspection of the image stands in for `docker version` until it fails.
  it.each([
    ['context', 'examples/flask-gevent'],
    ['image', 'gunicorn-smoke-base:bookworm']
  ])('says in one sentence that the Docker daemon is unreachable (%s)', async (input, value) => {
    const run = await runAction({ [input]: value, comment: 'never' }, { extraEnv: { DOCKER_HOST: 'unix:///nonexistent/docker.sock' } })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error::The Docker daemon is not reachable \(.*\)\./)
    expect(run.stdout).not.toMatch(/at .*\.js:\d+/)
  })

  it.each([
    ['context', 'examples/flask-gevent'],
    ['image', 'gunicorn-smoke-base:bookworm']
  ])('says in one sentence that Docker is not installed (%s)', async (input, value) => {
    const emptyBin = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-no-docker-'))
    const run = await runAction({ [input]: value, comment: 'never' }, { extraEnv: { PATH: emptyBin } })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('::error::Docker is not installed: the docker command was not found on PATH.')
  })

  it.each([
    [{ timeout: '-1' }, "The input 'timeout' must be a number of seconds, got '-1'."],
    [{ 'health-path': 'health' }, "The input 'health-path' must start with '/', got 'health'."],
    [{ context: 'no/such/dir' }, "The input 'context' points to 'no/such/dir', which is not a directory in the repository."],
    [{ env: 'JUST_A_NAME' }, "The input 'env' has a line without KEY=VALUE form (line 1)."],
    [
      { 'health-status': 'healthy' },
      "The input 'health-status' must be status codes, classes or ranges such as '200', '200,204', '2xx' or '200-299', got 'healthy'."
    ]
  ])('rejects %j before touching Docker', async (inputs, message) => {
    const before = snapshot()
    const run = await runAction({ context: 'examples/flask-gevent', comment: 'never', ...inputs })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(`::error::${message}`)
    expect(run.outputs.result).toBe('fail')
    expect(createdSince(before)).toEqual({ containers: [], volumes: [], networks: [] })
  })
})
