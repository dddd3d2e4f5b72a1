// A virtualenv made in a builder stage and run from the final stage, through the bundled action on the real engine:
// it boots when both stages share a Python (`.venv/bin/python -m gunicorn`, the worker count asked through the venv's
// Python), and `docker run` failing is explained as venv-unusable when the final stage never copies it or runs on
// another Python (the builder on forky makes it with python3.14, the final stage is bookworm: its `python` symlink
// points at a /usr/bin/python3.14 that is not there), with the Dockerfile lines of both stages annotated.
import fs from 'node:fs'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import { jest } from '@jest/globals'
import { baseImage, leftovers } from './helpers/docker.js'
import { installers, FIXTURES as INSTALLER_FIXTURES } from './helpers/installer-cases.js'
import { runAction, type ActionRun } from './helpers/run-action.js'
import type { RunReport } from '../src/core/model.js'

jest.setTimeout(240_000)

const context = path.join('__fixtures__', 'apps', 'venv-stages')
const report = (run: ActionRun): RunReport => JSON.parse(fs.readFileSync(run.outputs['report-path'], 'utf8')) as RunReport
const annotated = (run: ActionRun) => report(run).annotations.map((a) => `${a.file}:${a.line}`)
// The builder stage: forky's Python 3.14 with the installer base's /hashed wheels (the app's own dependency).
const builder = { BUILDER_IMAGE: installers('forky'), PYTHON: '3.14' }
const buildArgs = (args: Record<string, string>) =>
  Object.entries(args)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n')

function expectNothingLeft(run: ActionRun): void {
  expect(leftovers(run.state.runKey.toLowerCase())).toEqual({ containers: [], images: [], volumes: [], networks: [] })
  expect(run.post?.exitCode).toBe(0)
}

// The installer base builds FROM the pip base, which another test file may not have built yet (the files run in any order).
beforeAll(() => {
  for (const [image, dir] of [
    ['gunicorn-smoke-pip:forky', path.join(INSTALLER_FIXTURES, '..', 'pip')],
    [installers('forky'), path.join(INSTALLER_FIXTURES, 'base')]
  ]) {
    try {
      execFileSync('docker', ['image', 'inspect', image], { stdio: 'ignore' })
    } catch {
      execFileSync('docker', ['build', '--quiet', '--build-arg', 'SUITE=forky', '--tag', image, dir], { stdio: 'ignore' })
    }
  }
}, 900_000)

describe('a virtualenv built in one stage and run from another', () => {
  it('boots with `/app/.venv/bin/python -m gunicorn` when both stages share the Python: 2/2 workers', async () => {
    const run = await runAction({
      context,
      'build-args': buildArgs({ ...builder, BASE_IMAGE: baseImage('forky') }),
      'stability-window': '1',
      comment: 'never'
    })
    expect(run.outputs.result).toBe('pass')
    expect(run.outputs.workers).toBe('2/2')
    expect(run.outputs['health-status']).toBe('200')
    expectNothingLeft(run)
  })

  it('built by another Python: the COPY --from, both FROM lines and the CMD, annotated', async () => {
    const run = await runAction({ context, 'build-args': buildArgs({ ...builder, BASE_IMAGE: baseImage('bookworm') }), comment: 'never' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.reason).toBe('venv-unusable')
    expect(run.outputs.summary).toContain(
      'runs `/app/.venv/bin/python` (`__fixtures__/apps/venv-stages/Dockerfile:18`) from the virtualenv `/app/.venv`, copied from the stage `builder`'
    )
    expect(run.outputs.summary).toContain('which the final stage (`__fixtures__/apps/venv-stages/Dockerfile:14`) does not have')
    expect(report(run).diagnosis?.remedy).toContain('Build both stages FROM the same Python')
    expect(annotated(run)).toEqual([18, 16, 7, 14].map((line) => `${context}/Dockerfile:${line}`))
    expectNothingLeft(run)
  })

  it('never copied: the line that makes it in the builder stage and the CMD, with the COPY to add', async () => {
    const run = await runAction({
      context,
      dockerfile: 'Dockerfile.not-copied',
      'build-args': buildArgs({ ...builder, BASE_IMAGE: baseImage('forky') }),
      comment: 'never'
    })
    expect(run.outputs.reason).toBe('venv-unusable')
    expect(run.outputs.summary).toContain('which the stage `builder` makes at `RUN python${PYTHON} -m venv --system-site-packages /app/.venv`')
    expect(report(run).diagnosis?.remedy).toContain(
      '`COPY --from=builder /app/.venv /app/.venv` above `__fixtures__/apps/venv-stages/Dockerfile.not-copied:16`'
    )
    expect(annotated(run)).toEqual([16, 9].map((line) => `${context}/Dockerfile.not-copied:${line}`))
    expectNothingLeft(run)
  })

  it("copied into another Python's image: the virtualenv's gunicorn script finds no Gunicorn, the COPY --from named", async () => {
    const run = await runAction({
      context,
      dockerfile: 'Dockerfile.other-version',
      'build-args': buildArgs({ BUILDER_IMAGE: baseImage('forky'), BASE_IMAGE: baseImage('trixie') }),
      comment: 'never'
    })
    expect(run.outputs.reason).toBe('venv-unusable')
    expect(run.outputs.summary).toContain(
      'The virtualenv `/opt/venv`, copied from the stage `builder` at `COPY --from=builder /opt/venv /opt/venv` ' +
        '(`__fixtures__/apps/venv-stages/Dockerfile.other-version:18`) has a `gunicorn` script, yet the Python it runs finds no Gunicorn'
    )
    expect(report(run).diagnosis?.remedy).toContain('Build both stages FROM the same Python')
    expectNothingLeft(run)
  })

  it("a shell command that runs it (a Procfile, `sh -c`): decided from the shell's `not found`, the same lines annotated", async () => {
    const run = await runAction({
      context,
      command: "sh -c '/app/.venv/bin/python -m gunicorn -c gunicorn.conf.py app:app'",
      'build-args': buildArgs({ ...builder, BASE_IMAGE: baseImage('bookworm') }),
      comment: 'never'
    })
    expect(run.outputs.reason).toBe('venv-unusable')
    expect(report(run).diagnosis?.evidence[0]).toBe('sh: 1: /app/.venv/bin/python: not found')
    // The command input replaced the CMD: the copy and both FROM lines.
    expect(annotated(run)).toEqual([16, 7, 14].map((line) => `${context}/Dockerfile:${line}`))
    expectNothingLeft(run)
  })
})
