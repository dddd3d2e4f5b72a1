// Zero configuration and the CLI twin, against the real engine.
import { jest } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { BASES, baseImage, leftovers } from './helpers/docker.js'
import { ROOT, runAction } from './helpers/run-action.js'

jest.setTimeout(180_000)

const base = baseImage(BASES[BASES.length - 1])
const repoDir = (name: string): string => path.join(ROOT, '__fixtures__', 'repos', name)

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' }
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('zero configuration', () => {
  it('tests the render.yaml service in a subfolder with no inputs but the offline base image', async () => {
    const run = await runAction(
      { 'build-args': `BASE_IMAGE=${base}`, 'stability-window': '1', comment: 'never' },
      { workspace: repoDir('render-blueprint') }
    )
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain("render.yaml: testing the web service 'notes-api'.")
    expect(run.stdout).toContain('health-path: /healthz [render.yaml]')
    // WEB_CONCURRENCY=3 comes from the blueprint's envVars and Gunicorn honours it.
    expect(run.outputs.workers).toBe('3/3')
    const report = JSON.parse(fs.readFileSync(run.outputs['report-path'], 'utf8'))
    expect(report.settingSources['health-path']).toBe('render.yaml')
    expect(report.settingSources.context).toBe('render.yaml')
    expect(report.warnings.join('\n')).toMatch(/`SECRET_KEY`, `DATABASE_URL` for the host to fill/)
    expect(run.summary).toContain('SECRET_KEY')
    expect(leftovers(run.state.runKey.toLowerCase()).containers).toEqual([])
  })

  it("starts an image without CMD with the Procfile's web command, $PORT expanded by the shell", async () => {
    const run = await runAction(
      { 'build-args': `BASE_IMAGE=${base}`, 'stability-window': '1', comment: 'never', port: '5000' },
      { workspace: repoDir('procfile-only') }
    )
    expect(run.exitCode).toBe(0)
    expect(run.outputs.workers).toBe('2/2')
    const report = JSON.parse(fs.readFileSync(run.outputs['report-path'], 'utf8'))
    expect(report.settingSources.command).toBe('Procfile')
    expect(report.gunicorn.binds).toEqual(['0.0.0.0:5000'])
  })
})

describe('no Dockerfile at the root', () => {
  it.each(BASES)(
    'finds app/Dockerfile with no inputs, builds it with app/ as the context and says where each setting came from (%s)',
    async (suite) => {
      const run = await runAction(
        { 'build-args': `BASE_IMAGE=${baseImage(suite)}`, 'stability-window': '1', comment: 'never' },
        { workspace: repoDir('dockerfile-in-app') }
      )
      expect(run.exitCode).toBe(0)
      expect(run.stdout).toContain(
        "No Dockerfile at the repository root: testing app/Dockerfile, the only one in the repository, with the context 'app'"
      )
      const report = JSON.parse(fs.readFileSync(run.outputs['report-path'], 'utf8'))
      expect(report.settingSources).toMatchObject({ dockerfile: 'repository', context: 'repository' })
      expect(report.dockerfile).toBe('app/Dockerfile')
      expect(leftovers(run.state.runKey.toLowerCase()).containers).toEqual([])
    }
  )

  it('the CLI answers a repository without any Dockerfile with one sentence, and JSON with --format json', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-empty-'))
    fs.writeFileSync(path.join(empty, 'app.py'), '')
    const result = cli([empty, '--format', 'json'])
    const sentence = "There is no Dockerfile in the repository: set the input 'dockerfile' (and 'context'), or 'image' to test a prebuilt image."
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(sentence)
    expect(JSON.parse(result.stdout)).toEqual({ result: 'error', error: sentence })
  })
})

describe('the gunicorn-smoke CLI', () => {
  it('passes the bundled example with a terminal report and exit code 0', () => {
    const result = cli([path.join(ROOT, 'examples', 'flask-gevent'), '--build-args', `BASE_IMAGE=${base}`, '--stability-window', '1'])
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/gunicorn-smoke PASS/)
    expect(result.stdout).toMatch(/✔ Health \/health\s+200/)
    expect(result.stderr).toMatch(/› Waiting for \/health/)
  })

  it('gives the same verdict and reason as the action on a failing app, exit code 1', async () => {
    const app = path.join(ROOT, '__fixtures__', 'apps', 'fail-missing-env')
    const result = cli([app, '--build-args', `BASE_IMAGE=${base}`, '--json'])
    expect(result.status).toBe(1)
    const report = JSON.parse(result.stdout)
    const run = await runAction({ context: path.relative(ROOT, app), 'build-args': `BASE_IMAGE=${base}`, comment: 'never' })
    expect(run.exitCode).toBe(1)
    expect(report.result).toBe('fail')
    expect(report.reason).toBe(run.outputs.reason)
    expect(report.reason).toBe('missing-env')
    expect(report.summary).toMatch(/DATABASE_URL/)
  })

  it('rejects a bad option in one sentence', () => {
    const result = cli([path.join(ROOT, 'examples', 'flask-gevent'), '--timeout', 'soon'])
    expect(result.status).toBe(1)
    expect(result.stderr.trim()).toBe("error The input 'timeout' must be a number of seconds, got 'soon'.")
  })
})
