// venv-unusable on the messages `docker run` printed for __fixtures__/apps/venv-stages (engine 20.10, runc), read
// with the fixture's own Dockerfiles, and on the other ways a final stage reaches its virtualenv (a bare name through
// ENV PATH, a COPY of the whole project directory, a relative path under WORKDIR, a `target` stage).
import fs from 'node:fs'
import path from 'node:path'
import { explain } from '../../src/diagnosis/explain.js'
import { annotationsFor, explainRun } from '../../src/diagnosis/index.js'
import { ROOT } from '../helpers/run-action.js'
import { contextFor, diagnose } from './context-helper.js'

const DIR = path.join(ROOT, '__fixtures__', 'apps', 'venv-stages')
// Captured: the final stage on bookworm with the venv python3.14 made on forky, and the final stage without the COPY.
const STAT_FAILED =
  'docker: Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed: unable to start ' +
  'container process: exec: "/app/.venv/bin/python": stat /app/.venv/bin/python: no such file or directory: unknown.'
const NOT_IN_PATH =
  'docker: Error response from daemon: OCI runtime create failed: container_linux.go:380: starting container process caused: ' +
  'exec: "gunicorn": executable file not found in $PATH: unknown.'

const start = (message: string, text: string, target?: string) => explain('start', { message, dockerfile: { file: 'Dockerfile', text, target } })
const fixture = (name: string) => fs.readFileSync(path.join(DIR, name), 'utf8')

describe('venv-unusable', () => {
  it('names the COPY --from, both FROM lines and the CMD when the copied virtualenv was made by another Python', () => {
    const found = start(STAT_FAILED, fixture('Dockerfile'))!
    expect(found.diagnosis.reason).toBe('venv-unusable')
    expect(found.diagnosis.summary).toMatch(
      /copied from the stage `builder` at `COPY --from=builder \/app\/\.venv \/app\/\.venv` \(`Dockerfile:16`\)/
    )
    expect(found.pointers.map((p) => p.line)).toEqual([18, 16, 7, 14])
    expect(found.diagnosis.evidence[0]).toBe(STAT_FAILED)
  })

  it('names the line that makes it and the COPY to add when the final stage never copies it', () => {
    const found = start(STAT_FAILED, fixture('Dockerfile.not-copied'))!
    expect(found.diagnosis.reason).toBe('venv-unusable')
    expect(found.diagnosis.remedy).toContain('`COPY --from=builder /app/.venv /app/.venv` above `Dockerfile:16`')
    expect(found.pointers.map((p) => p.line)).toEqual([16, 9])
  })

  it('follows a bare name through the final stage’s ENV PATH, and a COPY of the whole project directory', () => {
    const uv = [
      'FROM python:3.12 AS build',
      'COPY --from=ghcr.io/astral-sh/uv:0.9.5 /uv /bin/',
      'WORKDIR /app',
      'RUN uv sync --locked --no-dev',
      'FROM python:3.11-slim',
      'WORKDIR /app',
      'COPY --from=build /app /app',
      'ENV PATH="/app/.venv/bin:$PATH"',
      'CMD ["gunicorn", "app:app"]'
    ].join('\n')
    const found = start(NOT_IN_PATH, uv)!
    expect(found.diagnosis.reason).toBe('venv-unusable')
    expect(found.diagnosis.summary).toContain('from the virtualenv `/app/.venv`, copied from the stage `build` at `COPY --from=build /app /app`')
    expect(found.pointers.map((p) => p.line)).toEqual([9, 7, 1, 5])
    // Without the COPY, the same image never had it.
    const found2 = start(NOT_IN_PATH, uv.replace('COPY --from=build /app /app', 'COPY . .'))!
    expect(found2.diagnosis.summary).toContain('which the stage `build` makes at `RUN uv sync --locked --no-dev` (`Dockerfile:4`)')
  })

  it('resolves a relative venv path under WORKDIR and reads the `target` stage as the final one', () => {
    const text = [
      'FROM python:3.12 AS deps',
      'WORKDIR /srv',
      'RUN python -m venv .venv',
      'FROM python:3.12-slim AS web',
      'WORKDIR /srv',
      'CMD [".venv/bin/gunicorn", "app:app"]',
      'FROM web AS debug'
    ].join('\n')
    const message = STAT_FAILED.replace(/\/app\/\.venv\/bin\/python/g, '.venv/bin/gunicorn')
    const found = start(message, text, 'web')!
    expect(found.diagnosis.reason).toBe('venv-unusable')
    expect(found.diagnosis.summary).toContain('from the virtualenv `/srv/.venv`')
  })

  it('leaves other start failures to their reasons: no stage makes a virtualenv, or the image was not built here', () => {
    expect(start(NOT_IN_PATH, 'FROM python:3.12-slim\nCMD ["gunicorn", "app:app"]')!.diagnosis.reason).toBe('missing-dependency')
    expect(explain('start', { message: STAT_FAILED })!.diagnosis.reason).toBe('config-error')
  })

  it('reads the shell that could not run it (a shell command, a Procfile): the same lines, annotated at boot', () => {
    // Captured: `command: sh -c '/app/.venv/bin/python -m gunicorn …'` on the image whose venv python3.14 dangles.
    const lines = [{ seq: 0, stream: 'stderr' as const, text: 'sh: 1: /app/.venv/bin/python: not found', at: 0 }]
    const ctx = contextFor(lines, { fixture: 'venv-stages', outcome: 'container-exited', container: { running: false, exitCode: 127 } })
    expect(diagnose(ctx).reason).toBe('venv-unusable')
    const { diagnosis, pointers } = explainRun(ctx)
    expect(diagnosis.evidence[0]).toBe('sh: 1: /app/.venv/bin/python: not found')
    const annotations = annotationsFor(diagnosis, ctx, pointers).map((a) => `${a.file}:${a.line}`)
    expect(annotations).toEqual([18, 16, 7, 14].map((line) => `__fixtures__/apps/venv-stages/Dockerfile:${line}`))
    // bash's words for a script whose interpreter is gone, and runc's.
    for (const text of [
      '/bin/bash: line 1: /app/.venv/bin/gunicorn: cannot execute: required file not found',
      'exec /app/.venv/bin/gunicorn: no such file or directory'
    ]) {
      expect(diagnose(contextFor([{ ...lines[0], text }], { fixture: 'venv-stages', container: { running: false, exitCode: 127 } })).reason).toBe(
        'venv-unusable'
      )
    }
  })
})
