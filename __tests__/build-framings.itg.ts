// pip run by the image's entrypoint when the container starts (not in the build), through the bundled action on the
// real engine: the container's log carries pip's refusal, which is named as in a build (both pins and their lines
// in requirements.txt), not as a container that exited. One base: the framing, not the Python, is under test.
import fs from 'node:fs'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import { leftovers } from './helpers/docker.js'
import { ROOT, runAction } from './helpers/run-action.js'
import type { RunReport } from '../src/core/model.js'

const PIP_BASE = 'gunicorn-smoke-pip:bookworm'

beforeAll(() => {
  try {
    execFileSync('docker', ['image', 'inspect', PIP_BASE], { stdio: 'ignore' })
  } catch {
    execFileSync(
      'docker',
      ['build', '--quiet', '--build-arg', 'SUITE=bookworm', '--tag', PIP_BASE, path.join(ROOT, '__fixtures__', 'build', 'pip')],
      {
        stdio: 'ignore'
      }
    )
  }
}, 300_000)

it('names the conflicting pins that pip refused in the entrypoint', async () => {
  const run = await runAction({
    context: path.join('__fixtures__', 'build', 'framings', 'entrypoint'),
    'build-args': `BASE_IMAGE=${PIP_BASE}`,
    timeout: '30',
    comment: 'never'
  })
  const report = JSON.parse(fs.readFileSync(run.outputs['report-path'], 'utf8')) as RunReport
  expect(run.exitCode).toBe(1)
  expect(run.outputs.reason).toBe('dependency-conflict')
  expect(run.outputs.summary).toMatch(
    /`gevent==23\.9\.1` \(`[\w/_]*entrypoint\/requirements\.txt:1`\) cannot be installed together with `greenlet==2\.0\.2` \(`[\w/_]*entrypoint\/requirements\.txt:2`\)/
  )
  expect(report.annotations.map((a) => `${a.file}:${a.line}`)).toEqual([
    '__fixtures__/build/framings/entrypoint/requirements.txt:1',
    '__fixtures__/build/framings/entrypoint/requirements.txt:2'
  ])
  expect(leftovers(run.state.runKey.toLowerCase())).toEqual({ containers: [], images: [], volumes: [], networks: [] })
  expect(run.post?.exitCode).toBe(0)
}, 120_000)
