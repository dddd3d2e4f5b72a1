// Faults around a run, through the bundled action on the real engine: the container killed from outside, a
// build that fails, and the job cancelled (SIGTERM / SIGINT) while building, waiting for health, and watching
// the stability window. Each ends with a clear verdict or error, and nothing of the run is left once post ran.
// (Docker missing and the daemon unreachable are covered in action.itg.ts.)
import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { jest } from '@jest/globals'
import { BASES, baseImage, leftovers } from './helpers/docker.js'
import { runAction, type ActionRun, expectFailedWith } from './helpers/run-action.js'

jest.setTimeout(120_000)

const BASE = baseImage(BASES[0])
const buildArgs = `BASE_IMAGE=${BASE}`
const fixture = (name: string): string => path.join('__fixtures__', 'apps', name)
const docker = (...args: string[]): string => execFileSync('docker', args, { encoding: 'utf8' }).trim()

function expectNothingLeft(run: ActionRun): void {
  expect(run.state.runKey).toBeTruthy()
  expect(leftovers(run.state.runKey.toLowerCase())).toEqual({ containers: [], images: [], volumes: [], networks: [] })
  expect(run.post?.exitCode).toBe(0)
}

function expectOneCleanError(run: ActionRun, pattern: RegExp): void {
  const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error'))
  expect(errors.length).toBeGreaterThanOrEqual(1)
  expect(errors.some((line) => pattern.test(line))).toBe(true)
  expect(run.stdout).not.toMatch(/\n\s+at .+\.js:\d+:\d+/)
  expect(run.stdout).not.toMatch(/unexpectedly/)
}

/** Containers (any state) whose command line contains a marker: the legacy builder's intermediate containers. */
function containersRunning(marker: string): string[] {
  return docker('ps', '--all', '--no-trunc', '--format', '{{.ID}} {{.Command}}')
    .split('\n')
    .filter((line) => line.includes(marker))
}

/** A throwaway repository with one Dockerfile, as the workspace of a run. */
function workspaceWith(dockerfile: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-test-ws-'))
  fs.writeFileSync(path.join(dir, 'Dockerfile'), dockerfile)
  return dir
}

const workspaces: string[] = []
afterAll(() => {
  for (const dir of workspaces) fs.rmSync(dir, { recursive: true, force: true })
})

describe('the container killed from outside while the action polls', () => {
  it('fails with a verdict that says the container stopped, soon, and leaves nothing', async () => {
    const runId = `gsmokekill${crypto.randomBytes(3).toString('hex')}`
    const namePrefix = `gunicorn-smoke-${runId}-`
    let killedAt: number | undefined
    // ok-slow-boot imports for 6 s: kill its container 2 s after it started, while /health cannot answer yet.
    const killer = (async () => {
      const deadline = Date.now() + 90_000
      while (Date.now() < deadline && killedAt === undefined) {
        const found = docker('ps', '--filter', `name=${namePrefix}`, '--filter', 'status=running', '--format', '{{.Names}}')
          .split('\n')
          .filter((name) => name && !name.endsWith('-config'))
        if (found.length) {
          await new Promise((resolve) => setTimeout(resolve, 2000))
          docker('kill', found[0])
          killedAt = Date.now()
        } else {
          await new Promise((resolve) => setTimeout(resolve, 100))
        }
      }
    })()
    const run = await runAction(
      { context: fixture('ok-slow-boot'), 'build-args': buildArgs, timeout: '120', comment: 'never' },
      { extraEnv: { GITHUB_RUN_ID: runId } }
    )
    await killer
    expect(killedAt).toBeDefined()
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('fail')
    expect(run.outputs.reason).not.toBe('')
    // SIGKILL from outside: exit code 137, and the verdict says the container stopped (not a 120 s timeout).
    const report = JSON.parse(fs.readFileSync(run.outputs['report-path'], 'utf8')) as {
      containerExitCode?: number
      startedAt: string
      durationMs: number
    }
    expect(report.containerExitCode).toBe(137)
    expect(Date.parse(report.startedAt) + report.durationMs - killedAt!).toBeLessThan(5000)
    expect(run.outputs.summary).toMatch(/exit|stopp|kill|137/i)
    expectOneCleanError(run, /::error::/)
    expectNothingLeft(run)
  })
})

describe('a build that fails', () => {
  it('reports build-failed with the failing step and leaves no image or intermediate container', async () => {
    const marker = `gsmoke-build-fail-${crypto.randomBytes(4).toString('hex')}`
    const workspace = workspaceWith(
      [
        'ARG BASE_IMAGE=python:3.12-slim',
        'FROM ${BASE_IMAGE}',
        'WORKDIR /app',
        `RUN echo ${marker} && python3 -c "import stripe_sdk_that_is_not_installed"`,
        'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]',
        ''
      ].join('\n')
    )
    workspaces.push(workspace)
    const run = await runAction({ 'build-args': buildArgs, comment: 'never' }, { workspace })
    expectFailedWith(run, 'build-failed')
    expect(run.outputs.summary).toContain('stripe_sdk_that_is_not_installed')
    // ARG, FROM, WORKDIR, RUN, CMD and the builder's own LABEL step for the run label: the RUN is step 4 of 6.
    expect(run.outputs.summary).toMatch(/\(step 4\/6\)/)
    // The annotation points at the failing line of the Dockerfile.
    expect(run.stdout).toMatch(/::error title=Gunicorn smoke%3A Image build failed,file=Dockerfile,line=4::/)
    expectNothingLeft(run)
    expect(containersRunning(marker)).toEqual([])
  })
})

describe('cancelled jobs', () => {
  const slowBuild = (marker: string): string =>
    ['ARG BASE_IMAGE=python:3.12-slim', 'FROM ${BASE_IMAGE}', `RUN echo ${marker} && sleep 60`, 'CMD ["gunicorn", "app:app"]', ''].join('\n')

  it.each(['SIGTERM', 'SIGINT'] as const)('%s during the build stops the build and leaves no container, image or volume', async (signal) => {
    const marker = `gsmoke-cancel-build-${crypto.randomBytes(4).toString('hex')}`
    const workspace = workspaceWith(slowBuild(marker))
    workspaces.push(workspace)
    const started = Date.now()
    const run = await runAction(
      { 'build-args': buildArgs, comment: 'never' },
      { workspace, cancel: { signal, whenStdoutMatches: new RegExp(`Running in [0-9a-f]+`) } }
    )
    // Stopped well before the 60 s RUN step would have finished.
    expect(Date.now() - started).toBeLessThan(45_000)
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('fail')
    expectOneCleanError(run, /::error::The run was cancelled\./)
    expectNothingLeft(run)
    // The legacy builder removes the RUN step's container once the client is gone; give it a moment.
    let intermediates = containersRunning(marker)
    for (let i = 0; i < 50 && intermediates.length; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      intermediates = containersRunning(marker)
    }
    expect(intermediates).toEqual([])
  })

  it.each(['SIGTERM', 'SIGINT'] as const)('%s during the boot wait removes the container before exiting', async (signal) => {
    const run = await runAction(
      { context: fixture('ok-slow-boot'), 'build-args': buildArgs, comment: 'never' },
      { cancel: { signal, whenStdoutMatches: /Waiting for \/health/ } }
    )
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('fail')
    expectOneCleanError(run, /::error::The run was cancelled\./)
    expectNothingLeft(run)
  })

  it('a cancelled main step removes every container of the run itself (the post step is only a safety net)', async () => {
    // ok-slow-boot: the `--print-config` helper container is still running when the job is cancelled.
    const run = await runAction(
      { context: fixture('ok-slow-boot'), 'build-args': buildArgs, comment: 'never' },
      { cancel: { signal: 'SIGTERM', whenStdoutMatches: /Waiting for \/health/ } }
    )
    expect(run.exitCode).toBe(1)
    expect(run.stdout).not.toMatch(/image cleanup deferred to the post step/)
    expect(run.post?.stdout).not.toMatch(/Removing \d+ container/)
    expectNothingLeft(run)
  })

  it.each(['SIGTERM', 'SIGINT'] as const)('%s during the stability window stops watching and cleans up', async (signal) => {
    const run = await runAction(
      { context: 'examples/flask-gevent', 'build-args': buildArgs, 'stability-window': '60', comment: 'never' },
      { cancel: { signal, whenStdoutMatches: /Watching for 60 s/ } }
    )
    // Cancelled long before the 60 s window would have ended.
    expect(run.durationMs).toBeLessThan(45_000)
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('fail')
    expectOneCleanError(run, /::error::The run was cancelled\./)
    expect(run.post?.stdout).not.toMatch(/Removing \d+ container/)
    expectNothingLeft(run)
  })
})
