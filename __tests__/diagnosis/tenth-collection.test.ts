// Rules from the tenth collection's development logs, each on a log written the way those logs show it: a virtualenv's
// gunicorn script under another Python (a copy across stages), a WORKER TIMEOUT quoted without its pid, what a worker
// killed for its timeout printed last (a model it was downloading), and pip's conflict between two requirers.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { contextFor, diagnose } from './context-helper.js'
import type { LogLine } from '../../src/core/model.js'

const linesOf = (texts: string[]): LogLine[] => texts.map((text, index) => ({ seq: index + 1, stream: 'stderr', text, at: index * 10 }))
const exited = { container: { running: false, exitCode: 1 } }

describe("a virtualenv's gunicorn script that finds no Gunicorn", () => {
  const traceback = (script: string) =>
    linesOf([
      'Traceback (most recent call last):',
      `  File "${script}", line 5, in <module>`,
      '    from gunicorn.app.wsgiapp import run',
      "ModuleNotFoundError: No module named 'gunicorn'"
    ])
  const DOCKERFILE = [
    'FROM python:3.12 AS builder',
    'RUN python -m venv /opt/venv && /opt/venv/bin/pip install -r requirements.txt',
    'FROM python:3.13-slim',
    'COPY --from=builder /opt/venv /opt/venv',
    'CMD ["/opt/venv/bin/gunicorn", "app:app"]',
    ''
  ].join('\n')

  it('is the virtualenv made by another Python when the Dockerfile copies it from another stage', () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'venv-script-'))
    fs.writeFileSync(path.join(repo, 'Dockerfile'), DOCKERFILE)
    const diagnosis = diagnose(contextFor(traceback('/opt/venv/bin/gunicorn'), { ...exited, repoRoot: repo }))
    expect(diagnosis.reason).toBe('venv-unusable')
    expect(diagnosis.summary).toMatch(
      /^The virtualenv `\/opt\/venv`, copied from the stage `builder` at `COPY --from=builder \/opt\/venv \/opt\/venv` \(`Dockerfile:4`\) has a `gunicorn` script/
    )
    expect(diagnosis.location).toEqual({ file: 'Dockerfile', line: 5 })
  })

  it('from the log alone (a paste without the Dockerfile, or one that makes it in place): Gunicorn missing from it', () => {
    // The same lines come from a virtualenv Gunicorn was never installed in.
    expect(diagnose(contextFor(traceback('/srv/app/.venv/bin/gunicorn'), exited)).reason).toBe('missing-dependency')
    expect(diagnose(contextFor(traceback('/usr/local/bin/gunicorn'), exited)).reason).toBe('missing-dependency')
  })
})

describe('worker timeouts', () => {
  it('a WORKER TIMEOUT quoted without its pid or timestamp is still a worker timeout', () => {
    const diagnosis = diagnose(contextFor(linesOf(['[CRITICAL] WORKER TIMEOUT']), { container: { running: true } }))
    expect(diagnosis.reason).toBe('worker-timeout')
    // Words that merely mention it are not the line.
    expect(diagnose(contextFor(linesOf(['Set GUNICORN_WORKER_TIMEOUTS=1 to debug']), exited)).reason).not.toBe('worker-timeout')
  })

  it('names what the killed worker printed last, and the progress bar the kill cut, when no frame says where it was', () => {
    const lines = linesOf([
      '[2024-03-01 10:00:00 +0000] [7] [INFO] Starting gunicorn 21.2.0',
      '[2024-03-01 10:00:00 +0000] [7] [INFO] Listening at: http://0.0.0.0:8000 (7)',
      '[2024-03-01 10:00:00 +0000] [7] [INFO] Using worker: sync',
      '[2024-03-01 10:00:00 +0000] [8] [INFO] Booting worker with pid: 8',
      'INFO:app.models:Fetching embedding model sentence-transformers/all-MiniLM-L6-v2',
      'model.safetensors:  41%|████      | 37.7M/90.9M [00:29<00:41, 1.28MB/s]',
      '[2024-03-01 10:00:31 +0000] [7] [CRITICAL] WORKER TIMEOUT (pid:8)',
      '[2024-03-01 10:00:31 +0000] [8] [INFO] Worker exiting (pid: 8)',
      '[2024-03-01 10:00:32 +0000] [12] [INFO] Booting worker with pid: 12'
    ])
    const diagnosis = diagnose(contextFor(lines, { container: { running: true } }))
    expect(diagnosis.reason).toBe('worker-timeout')
    expect(diagnosis.summary).toContain(
      "the worker's last line before the kill: `INFO:app.models:Fetching embedding model sentence-transformers/all-MiniLM-L6-v2`, then progress (`model.safetensors: 41%|████ | 37.7M/90.9M"
    )
    expect(diagnosis.evidence[0]).toBe('INFO:app.models:Fetching embedding model sentence-transformers/all-MiniLM-L6-v2')
  })

  it('says nothing of the kind for a worker that printed nothing of its own', () => {
    const lines = linesOf([
      '[2024-03-01 10:00:00 +0000] [7] [INFO] Starting gunicorn 21.2.0',
      '[2024-03-01 10:00:00 +0000] [8] [INFO] Booting worker with pid: 8',
      '[2024-03-01 10:00:31 +0000] [7] [CRITICAL] WORKER TIMEOUT (pid:8)'
    ])
    expect(diagnose(contextFor(lines, { container: { running: true } })).summary).not.toContain('last line')
  })
})

describe("pip's conflict between two packages that each require a third", () => {
  it('names both requirers, not the third package alone', async () => {
    const { parseBuildFailure } = await import('../../src/docker/build-output.js')
    const { explain } = await import('../../src/diagnosis/explain.js')
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'rivals-'))
    const output = [
      'Step 5/9 : RUN pip install -r requirements.txt',
      ' ---> Running in 0c1d2e3f4a5b',
      'ERROR: Cannot install -r requirements.txt (line 3) and -r requirements.txt (line 9) because these package versions have conflicting dependencies.',
      '',
      'The conflict is caused by:',
      '    celery 5.3.6 depends on kombu<6.0,>=5.3.4',
      '    flower-legacy 0.9.1 depends on kombu<5',
      '',
      'ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/en/latest/topics/dependency-resolution/#dealing-with-dependency-conflicts',
      "The command '/bin/sh -c pip install -r requirements.txt' returned a non-zero code: 1"
    ]
    const found = explain('build', {
      failure: parseBuildFailure(output),
      workspace: repo,
      contextDir: repo,
      dockerfile: path.join(repo, 'Dockerfile')
    })!
    expect(found.diagnosis.reason).toBe('dependency-conflict')
    expect(found.diagnosis.summary).toBe(
      '`celery==5.3.6` and `flower-legacy` cannot be installed together: both need `kombu`, and pip finds no version for all of them ' +
        '(celery 5.3.6 requires `kombu<6.0,>=5.3.4`, `flower-legacy 0.9.1` requires `kombu<5`).'
    )
    expect(found.diagnosis.remedy).toMatch(/^Pin releases of `celery` and `flower-legacy` whose `kombu` requirements overlap/)
  })
})
