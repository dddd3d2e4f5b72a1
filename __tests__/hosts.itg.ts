// Issue 22 (the host's contract): booted like Cloud Run, an app whose gunicorn.conf.py fixes the port fails with
// the host's own reason on every base; repositories with a fly.toml, a railway.json or a Kubernetes manifest are
// booted like that host with zero inputs, and the job log and the report say where each setting came from.
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { jest } from '@jest/globals'
import { BASES, baseImage, leftovers } from './helpers/docker.js'
import { ROOT, runAction, type ActionRun } from './helpers/run-action.js'
import type { RunReport } from '../src/core/model.js'

jest.setTimeout(180_000)

const report = (run: ActionRun): RunReport => JSON.parse(fs.readFileSync(run.outputs['report-path'], 'utf8')) as RunReport
const errorAnnotation = (run: ActionRun, file: string, line: number) =>
  run.stdout.split('\n').find((l) => l.startsWith('::error') && l.includes(`file=${file},line=${line}`))
const nothingLeft = (run: ActionRun): void =>
  expect(leftovers(run.state.runKey.toLowerCase())).toEqual({ containers: [], images: [], volumes: [], networks: [] })

describe.each(BASES)('booted like Cloud Run on %s', (suite) => {
  it('a bind fixed in gunicorn.conf.py is the host-port-ignored reason, on its line, with the host words and the fix', async () => {
    const context = path.join('__fixtures__', 'apps', 'fail-host-port')
    const run = await runAction({
      context,
      host: 'cloud-run',
      'build-args': `BASE_IMAGE=${baseImage(suite)}`,
      'stability-window': '0',
      comment: 'never'
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.reason).toBe('host-port-ignored')
    expect(run.stdout).toContain('port: 8080 [host contract]')
    expect(run.outputs.summary).toBe(
      'Gunicorn listens on `0.0.0.0:8000` (set in `' +
        `${context}/gunicorn.conf.py:3\`) but Cloud Run sends requests to the port in \`PORT\` (8080): there the deploy fails with ` +
        '“Container failed to start. Failed to start and then listen on the port defined by the PORT environment variable”.'
    )
    const json = report(run)
    expect(json.diagnosis?.remedy).toContain(`bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"`)
    expect(json.diagnosis?.evidence).toContain('bind = "0.0.0.0:8000"')
    expect(json.settings?.host).toMatchObject({ id: 'cloud-run', port: 8080, stopSignal: 'SIGTERM', graceSeconds: 10, readOnlyRoot: false })
    expect(json.settingSources).toMatchObject({ port: 'host contract', memory: 'host contract' })
    expect(errorAnnotation(run, `${context}/gunicorn.conf.py`, 3)).toBeDefined()
    // Decided from `Listening at`, not at the 60 s timeout.
    expect(json.durationMs).toBeLessThan(30_000)
    nothingLeft(run)
  })
})

// The bind is read the same way on every Gunicorn version: one base, one image shared by both cases.
describe('the bind set elsewhere than gunicorn.conf.py, on forky', () => {
  const context = path.join('__fixtures__', 'apps', 'fail-host-port-cmd')
  const image = 'gsmoke-test-fail-host-port-cmd:forky'
  const runs: Record<string, ActionRun> = {}

  beforeAll(async () => {
    const build = ['build', '--quiet', '--label', 'io.github.gunicorn-smoke.test=hosts', '--build-arg', `BASE_IMAGE=${baseImage('forky')}`]
    await promisify(execFile)('docker', [...build, '--tag', image, path.join(ROOT, context)])
    const common = { image, context, 'stability-window': '0', comment: 'never', timeout: '30' }
    // Independent runs with their own containers: at the same time.
    const [cmd, procfile] = await Promise.all([
      runAction({ ...common, host: 'heroku' }),
      runAction({ ...common, host: 'render', command: 'procfile' })
    ])
    Object.assign(runs, { cmd, procfile })
  }, 120_000)

  afterAll(async () => {
    await promisify(execFile)('docker', ['rmi', '--force', image]).catch(() => undefined)
  })

  it("a port fixed on the Dockerfile's CMD line, on a host that picks the port: the CMD line named and annotated", () => {
    const run = runs.cmd
    expect(run.exitCode).toBe(1)
    expect(run.outputs.reason).toBe('host-port-ignored')
    expect(run.stdout).toContain('port: 27510 [host contract]')
    expect(run.outputs.summary).toBe(
      `Gunicorn listens on \`0.0.0.0:8000\` (set in \`${context}/Dockerfile:8\`) but Heroku picks the port itself and passes it in \`PORT\` (here 27510): ` +
        'there the deploy fails with “Error R10 (Boot timeout) -> Web process failed to bind to $PORT within 60 seconds of launch”.'
    )
    expect(report(run).diagnosis?.remedy).toMatch(/^Drop the bind from `[^`]*Dockerfile` line 8 \(Gunicorn binds `0\.0\.0\.0:\$PORT` by itself/)
    expect(errorAnnotation(run, `${context}/Dockerfile`, 8)).toBeDefined()
    expect(report(run).durationMs).toBeLessThan(30_000)
    nothingLeft(run)
  })

  it('a loopback bind on the Procfile web line (command: procfile), booted like Render: the Procfile line named', () => {
    const run = runs.procfile
    expect(run.exitCode).toBe(1)
    expect(run.outputs.reason).toBe('host-port-ignored')
    expect(run.outputs.summary).toBe(
      `Gunicorn listens on \`127.0.0.1:10000\` (set in \`${context}/Procfile:1\`), inside the container only, ` +
        'but Render sends requests to the port in `PORT` (10000): there the deploy fails with “No open ports detected”.'
    )
    expect(report(run).diagnosis?.remedy).toBe(
      `In \`${context}/Procfile\`, bind to \`0.0.0.0:$PORT\` (the host runs the line through a shell, which expands it).`
    )
    expect(errorAnnotation(run, `${context}/Procfile`, 1)).toBeDefined()
    nothingLeft(run)
  })
})

const repo = (name: string): string => path.join(ROOT, '__fixtures__', 'repos', name)
const base = baseImage(BASES[BASES.length - 1])

describe('zero inputs, booted like the host whose file the repository has', () => {
  const common = { 'build-args': `BASE_IMAGE=${base}`, 'stability-window': '1', comment: 'never' }

  it('fly.toml: internal_port, the http_service check, the app process, [env], [[vm]] memory and kill_signal', async () => {
    const run = await runAction(common, { workspace: repo('fly-app') })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('Host: Fly.io, from fly.toml.')
    for (const line of ['port: 8080 [fly.toml]', 'health-path: /healthz [fly.toml]', 'memory: 512m [fly.toml]', 'timeout: 20 s [fly.toml]']) {
      expect(run.stdout).toContain(line)
    }
    expect(run.stdout).toContain('command: gunicorn --config gunicorn.conf.py app:app [fly.toml]')
    expect(run.stdout).toContain('stop: SIGINT [fly.toml], then 5 s [fly.toml]')
    const json = report(run)
    expect(json.gunicorn.binds).toEqual(['0.0.0.0:8080'])
    expect(run.outputs.workers).toBe('2/2') // WEB_CONCURRENCY from [env]
    expect(json.settingSources).toMatchObject({ port: 'fly.toml', 'health-path': 'fly.toml', env: 'fly.toml', memory: 'fly.toml' })
    expect(json.settings?.host).toMatchObject({ id: 'fly', file: 'fly.toml', stopSignal: 'SIGINT', graceSeconds: 5 })
    nothingLeft(run)
  })

  it("railway.json: startCommand, healthcheckPath and healthcheckTimeout; PORT is a port of the action's choosing", async () => {
    const run = await runAction(common, { workspace: repo('railway-app') })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('Host: Railway, from railway.json.')
    expect(run.stdout).toContain('health-path: /ready [railway.json]')
    expect(run.stdout).toContain('timeout: 30 s [railway.json]')
    expect(run.stdout).toContain('port: 27510 [host contract]')
    const json = report(run)
    expect(json.gunicorn.binds).toEqual(['0.0.0.0:27510'])
    expect(run.outputs.workers).toBe('2/2') // --workers 2 in startCommand
    expect(json.settingSources).toMatchObject({ command: 'railway.json', port: 'host contract' })
    expect(json.settings?.host).toMatchObject({ id: 'railway', graceSeconds: 10, graceSecondsSource: 'railway.json' })
    nothingLeft(run)
  })

  it('a Kubernetes Deployment: command and args, containerPort, readinessProbe path, memory limit, env and terminationGracePeriodSeconds', async () => {
    const run = await runAction(common, { workspace: repo('k8s-app') })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('Host: Kubernetes, from deploy/k8s/deployment.yaml.')
    for (const line of ['port: 8000 [Kubernetes manifest]', 'health-path: /livez [Kubernetes manifest]', 'memory: 256m [Kubernetes manifest]']) {
      expect(run.stdout).toContain(line)
    }
    // The container's command replaces the image's ENTRYPOINT ["gunicorn"] (else Gunicorn would get `gunicorn` as
    // an argument), and $(PORT) is the manifest's env value.
    expect(run.stdout).toContain('command: gunicorn --config gunicorn.conf.py --bind 0.0.0.0:8000 --access-logfile - app:app [Kubernetes manifest]')
    const json = report(run)
    expect(run.outputs.workers).toBe('3/3') // WEB_CONCURRENCY from the manifest's env
    expect(json.settings?.host).toMatchObject({ id: 'kubernetes', file: 'deploy/k8s/deployment.yaml', graceSeconds: 20 })
    nothingLeft(run)
  })
})
