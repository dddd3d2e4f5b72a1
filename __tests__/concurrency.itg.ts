// Load on one engine: four runs of the bundled action at once (a matrix on one self-hosted runner), and the
// `load-requests` check, which sends concurrent requests to the health path once it answers and fails the run
// when requests fail or workers die under them.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { jest } from '@jest/globals'
import { BASES, baseImage, countAll, leftovers } from './helpers/docker.js'
import { runAction, type ActionRun } from './helpers/run-action.js'
import type { RunReport } from '../src/core/model.js'

jest.setTimeout(240_000)

const buildArgs = `BASE_IMAGE=${baseImage(BASES[0])}`

function report(run: ActionRun): RunReport {
  return JSON.parse(fs.readFileSync(run.outputs['report-path'], 'utf8')) as RunReport
}

function expectNothingLeft(run: ActionRun): void {
  expect(run.state.runKey).toBeTruthy()
  expect(leftovers(run.state.runKey.toLowerCase())).toEqual({ containers: [], images: [], volumes: [], networks: [] })
  expect(run.post?.exitCode).toBe(0)
}

/** Containers anyone created or removed on the engine between two moments (epoch ms). */
function containerChurn(sinceMs: number, untilMs: number): string[] {
  const args = ['events', '--since', (sinceMs / 1000).toFixed(3), '--until', (untilMs / 1000 + 0.5).toFixed(3), '--filter', 'type=container']
  args.push('--filter', 'event=create', '--filter', 'event=destroy', '--format', '{{.Action}} {{.Actor.Attributes.name}}')
  return execFileSync('docker', args, { encoding: 'utf8' }).split('\n').filter(Boolean)
}

describe('four runs at once on one engine', () => {
  it('all pass on their own container and port, and leave nothing behind', async () => {
    const since = Date.now()
    const before = countAll()
    const runs = await Promise.all(
      Array.from({ length: 4 }, () =>
        runAction({ context: 'examples/flask-gevent', 'build-args': buildArgs, 'stability-window': '2', comment: 'never' })
      )
    )
    for (const run of runs) {
      expect(run.stderr).toBe('')
      expect(run.exitCode).toBe(0)
      expect(run.outputs.result).toBe('pass')
      expect(run.outputs['health-status']).toBe('200')
      expect(run.outputs.workers).toBe('2/2')
      expectNothingLeft(run)
    }
    // Four run keys, four container names, four host ports: nothing shared, nothing clashed.
    const runKeys = runs.map((run) => run.state.runKey)
    expect(new Set(runKeys).size).toBe(4)
    const ports = runs.map((run) => run.stdout.match(/publishes 8000 on 127\.0\.0\.1:(\d+)/)?.[1])
    expect(ports.every(Boolean)).toBe(true)
    expect(new Set(ports).size).toBe(4)
    // Each report is about its own container: its own log, its own health answers.
    for (const run of runs) {
      const own = report(run)
      expect(own.result).toBe('pass')
      expect(own.gunicorn.workersBooted).toBe(2)
    }
    // The engine is shared with other jobs: compare the totals only when nobody else created or removed a container.
    const after = countAll()
    const others = containerChurn(since, Date.now()).filter((event) => !runKeys.some((key) => event.includes(key.toLowerCase())))
    if (others.length === 0) expect(after).toEqual(before)
  })
})

// These two need the `load` check wired into src/pipeline.ts (src/probes/load.ts → runLoad): see the report of
// issue 7. Until then the run passes without a `load` row and they fail.
describe('load-requests', () => {
  it('passes a healthy app under 100 concurrent health requests and reports requests/s and p95', async () => {
    const run = await runAction({
      context: 'examples/flask-gevent',
      'build-args': buildArgs,
      'stability-window': '1',
      'load-requests': '100',
      comment: 'never'
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.result).toBe('pass')
    const load = report(run).checks.find((check) => check.id === 'load')
    expect(load?.status).toBe('pass')
    expect(load?.detail).toMatch(/^200 × 100, \d+ req\/s, p95 \d+ ms$/)
    expectNothingLeft(run)
  })

  // One gevent worker whose /health makes a blocking (unpatched) database call of 300 ms, `--timeout 2`: probes one
  // at a time pass; 20 requests, 10 at a time, block the worker's heartbeat for 3 s and Gunicorn kills it.
  it('fails an app whose worker times out under concurrent health requests (WORKER TIMEOUT)', async () => {
    const run = await runAction({
      context: path.join('__fixtures__', 'apps', 'load-worker-timeout'),
      'build-args': buildArgs,
      'stability-window': '1',
      'load-requests': '20',
      timeout: '60',
      comment: 'never'
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('fail')
    // Health passed once (one probe at a time finds a free worker); the load is what broke it.
    expect(run.outputs['health-status']).toBe('200')
    expect(run.outputs.reason).toBe('worker-timeout')
    const own = report(run)
    const load = own.checks.find((check) => check.id === 'load')
    expect(load?.status).toBe('fail')
    expect(load?.detail).toMatch(/failed/)
    expect(own.log.some((line) => /WORKER TIMEOUT/.test(line.text))).toBe(true)
    // Decided when the workers timed out, not after the whole load or the 60 s timeout.
    expect(own.durationMs).toBeLessThan(40_000)
    expectNothingLeft(run)
  })
})
