import fs from 'node:fs'
import path from 'node:path'
import { findInstructionLine, parseBuildFailure, stripAnsi } from '../src/docker/build-output.js'
import { buildRemedy } from '../src/diagnosis/reasons/build-failed.js'
import { ROOT } from './helpers/run-action.js'

const fixture = (name: string): string => fs.readFileSync(path.join(ROOT, '__fixtures__', 'build', name), 'utf8')
const lines = (name: string): string[] => fixture(name).split('\n')

describe('parseBuildFailure on the legacy builder (captured from dockerd 20.10)', () => {
  it('names the failing RUN step, its exit code, its output and its Dockerfile line', () => {
    const failure = parseBuildFailure(lines('legacy-run-failed.txt'), fixture('Dockerfile.pip'))
    expect(failure.format).toBe('legacy')
    expect(failure.instruction).toBe('RUN pip install --no-cache-dir -r requirements.txt')
    expect(failure.stepPosition).toBe('5/7')
    expect(failure.exitCode).toBe(127)
    expect(failure.dockerfileLine).toBe(5)
    expect(failure.outputTail).toContain('/bin/sh: 1: pip: not found')
    expect(failure.outputTail.join('\n')).not.toMatch(/\x1b|DEPRECATED|Running in/)
    expect(buildRemedy(failure)).toMatch(/no pip/)
  })

  it('explains a COPY of a file that is not in the context', () => {
    const failure = parseBuildFailure(lines('legacy-copy-failed.txt'), fixture('Dockerfile.copy'))
    expect(failure.instruction).toBe('COPY missing.txt .')
    expect(failure.dockerfileLine).toBe(2)
    expect(failure.message).toMatch(/^COPY failed: file not found in build context/)
    expect(buildRemedy(failure)).toMatch(/not in the build context.*\.dockerignore/)
  })
})

describe('parseBuildFailure on BuildKit / buildx output (captured: buildx 0.13 against dockerd 20.10)', () => {
  const captured = (builder: string, name: string): string[] =>
    fs.readFileSync(path.join(ROOT, '__fixtures__', 'build', 'logs', 'bookworm', builder, `${name}.log`), 'utf8').split('\n')
  const dockerfileOf = (name: string): string => fs.readFileSync(path.join(ROOT, '__fixtures__', 'build', 'cases', name, 'Dockerfile'), 'utf8')

  it('reads the step, the Dockerfile line and the step output from the error summary', () => {
    const failure = parseBuildFailure(captured('buildkit', 'version-not-found'), dockerfileOf('version-not-found'))
    expect(failure.format).toBe('buildkit')
    expect(failure.instruction).toBe('RUN /venv/bin/pip install --no-index --find-links /wheels -r requirements.txt')
    expect(failure.stepPosition).toBe('5/5')
    expect(failure.exitCode).toBe(1)
    expect(failure.dockerfileLine).toBe(6)
    expect(failure.outputTail[failure.outputTail.length - 1]).toBe('ERROR: No matching distribution found for greenlet==3.0.4')
    expect(buildRemedy(failure)).toMatch(/`greenlet==3\.0\.4`/)
  })

  it('keeps the whole output of the failing step, which the summary block cuts short', () => {
    const failure = parseBuildFailure(captured('buildkit', 'dependency-conflict'), dockerfileOf('dependency-conflict'))
    expect(failure.outputTail).not.toContain('Processing /wheels/gevent-23.9.1-py3-none-any.whl')
    expect(failure.stepOutput).toContain('Processing /wheels/gevent-23.9.1-py3-none-any.whl')
    expect(failure.stepOutput).toContain('    gevent 23.9.1 depends on greenlet>=3.0.0')
  })

  it('names the image the failing stage starts from, on both builders', () => {
    expect(parseBuildFailure(captured('buildkit', 'version-not-found')).baseImage).toBe('docker.io/library/gunicorn-smoke-pip:bookworm')
    expect(parseBuildFailure(captured('legacy', 'version-not-found')).baseImage).toMatch(/^[0-9a-f]{12}$/)
  })

  it('explains a missing COPY source', () => {
    const failure = parseBuildFailure(captured('buildkit', 'copy-renamed'), dockerfileOf('copy-renamed'))
    expect(failure.instruction).toBe('COPY requirement.txt ./')
    expect(failure.dockerfileLine).toBe(4)
    expect(buildRemedy(failure)).toMatch(/not in the build context/)
  })

  it("never takes the legacy builder's deprecation notice for output (DOCKER_BUILDKIT=0 wording)", () => {
    const failure = parseBuildFailure(captured('legacy', 'copy-renamed'), dockerfileOf('copy-renamed'))
    expect([failure.message, ...failure.stepOutput].join('\n')).not.toMatch(/DEPRECATED|BuildKit is currently disabled|environment-variable/)
    expect(failure.message).toMatch(/^COPY failed: file not found in build context/)
  })

  it('falls back to the step that reported ERROR when there is no summary block', () => {
    const text = [
      '#7 [3/4] RUN python -m compileall .',
      '#7 0.51 *** Error compiling',
      '#7 ERROR: process "/bin/sh -c python -m compileall ." did not complete successfully: exit code: 1',
      'ERROR: failed to solve: process "/bin/sh -c python -m compileall ." did not complete successfully: exit code: 1'
    ]
    const failure = parseBuildFailure(text, 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN python -m compileall .\n')
    expect(failure.instruction).toBe('RUN python -m compileall .')
    expect(failure.stepPosition).toBe('3/4')
    expect(failure.outputTail).toEqual(['*** Error compiling'])
    expect(failure.dockerfileLine).toBe(4)
  })
})

describe('findInstructionLine', () => {
  it('joins continuation lines the way the builder prints them', () => {
    const dockerfile = 'FROM python:3.12\nRUN apt-get update \\\n    && apt-get install -y libpq5\nCMD ["gunicorn"]\n'
    expect(findInstructionLine(dockerfile, 'RUN apt-get update && apt-get install -y libpq5')).toBe(2)
  })
  it('strips ANSI colours', () => {
    expect(stripAnsi('\x1b[91mboom\x1b[0m')).toBe('boom')
  })
})
