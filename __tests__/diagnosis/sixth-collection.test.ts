// The fifth and sixth collections' classes, read by the messages' general meaning: a third-party worker class
// (uvicorn's, uvicorn-worker's, aiohttp's) broken while Gunicorn sets it up, Gunicorn's own message in a JSON field
// cut mid-record, a host's port verdict that names the address it expected (Fly.io), uv's "no interpreter" and
// "failed to build", and a build's message that names the project while pip collected a variant of it.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseBuildFailure } from '../../src/docker/build-output.js'
import { explain } from '../../src/diagnosis/explain.js'
import { embeddedGunicornMessage } from '../../src/gunicorn/embedded-messages.js'
import { platformEvidence } from '../../src/diagnosis/platform-messages.js'
import { linesOf } from '../gunicorn/captured-logs.js'
import { contextFor, diagnose } from './context-helper.js'

const SITE = '/usr/local/lib/python3.13/site-packages'

describe('a third-party worker class that breaks while Gunicorn sets it up', () => {
  it("names the package whose code raised and the worker class's package that called it (uvicorn under uvicorn_worker)", () => {
    const lines = linesOf([
      '[2025-09-30 08:44:34 -0400] [40] [ERROR] Exception in worker process',
      'Traceback (most recent call last):',
      `  File "${SITE}/gunicorn/arbiter.py", line 608, in spawn_worker`,
      '    worker.init_process()',
      `  File "${SITE}/uvicorn_worker/_workers.py", line 96, in init_process`,
      '    self.config.setup_event_loop()',
      `  File "${SITE}/uvicorn/config.py", line 479, in setup_event_loop`,
      '    raise AttributeError(',
      'AttributeError: The `setup_event_loop` method was replaced by `get_loop_factory` in uvicorn 0.36.0.',
      '[2025-09-30 08:44:34 -0400] [40] [INFO] Worker exiting (pid: 40)'
    ])
    const diagnosis = diagnose(contextFor(lines))
    expect(diagnosis.reason).toBe('worker-class-unavailable')
    expect(diagnosis.summary).toMatch(/^The `uvicorn_worker` worker class fails while Gunicorn sets it up \(in `uvicorn\/config\.py:479`/)
    expect(diagnosis.summary).toContain('the installed `uvicorn` does not work with the installed `uvicorn_worker`')
    expect(diagnosis.remedy).toMatch(/^Pin the `uvicorn` release the installed `uvicorn_worker` supports/)
  })

  it("reads aiohttp's worker module the same way: the convention is a package's worker(s).py, not a list of names", () => {
    const lines = linesOf([
      '[2024-02-01 10:00:00 +0000] [9] [ERROR] Exception in worker process',
      'Traceback (most recent call last):',
      `  File "${SITE}/gunicorn/arbiter.py", line 609, in spawn_worker`,
      '    worker.init_process()',
      `  File "${SITE}/aiohttp/worker.py", line 52, in init_process`,
      '    self.loop = asyncio.new_event_loop()',
      "AttributeError: module 'asyncio' has no attribute 'new_event_loop'"
    ])
    const diagnosis = diagnose(contextFor(lines))
    expect(diagnosis.reason).toBe('worker-class-unavailable')
    expect(diagnosis.summary).toMatch(/^The `aiohttp` worker fails while Gunicorn sets it up \(in `aiohttp\/worker\.py:52`/)
  })

  it('an exception raised while the worker loads the app is the app’s, not the worker class’s', () => {
    const lines = linesOf([
      '[2025-09-30 08:44:34 -0400] [40] [ERROR] Exception in worker process',
      'Traceback (most recent call last):',
      `  File "${SITE}/gunicorn/arbiter.py", line 608, in spawn_worker`,
      '    worker.init_process()',
      `  File "${SITE}/uvicorn_worker/_workers.py", line 101, in init_process`,
      '    super().init_process()',
      `  File "${SITE}/gunicorn/workers/base.py", line 135, in init_process`,
      '    self.load_wsgi()',
      `  File "${SITE}/gunicorn/workers/base.py", line 147, in load_wsgi`,
      '    self.wsgi = self.app.wsgi()',
      '  File "/app/main.py", line 3, in <module>',
      '    from fastapi import FastAPI',
      "ModuleNotFoundError: No module named 'fastapi'"
    ])
    const diagnosis = diagnose(contextFor(lines))
    expect(diagnosis.reason).toBe('missing-dependency')
    expect(diagnosis.summary).toContain('fastapi')
  })
})

describe('a worker module reached by the app’s own import', () => {
  it('is not the worker class: the traceback passes through the app', () => {
    const lines = linesOf([
      '[2024-02-01 10:00:00 +0000] [9] [ERROR] Exception in worker process',
      'Traceback (most recent call last):',
      `  File "${SITE}/gunicorn/arbiter.py", line 609, in spawn_worker`,
      '    worker.init_process()',
      `  File "${SITE}/gunicorn/workers/base.py", line 134, in init_process`,
      '    self.load_wsgi()',
      '  File "/app/tasks.py", line 2, in <module>',
      '    from rq.worker import Worker',
      `  File "${SITE}/rq/worker.py", line 28, in <module>`,
      '    from redis import WatchError',
      "ImportError: cannot import name 'WatchError' from 'redis'"
    ])
    expect(diagnose(contextFor(lines)).reason).toBe('import-error')
  })
})

describe("Gunicorn's message in a JSON field", () => {
  it('ends at the field’s closing quote, whatever follows it (the next fields, or the comma of a record cut there)', () => {
    const record = JSON.stringify({ level: 'CRITICAL', event: 'WORKER TIMEOUT (pid:46)', logger: 'gunicorn.error' })
    const cut = record.slice(record.indexOf('level') + 5, record.indexOf('"logger"'))
    expect(cut).toBe('":"CRITICAL","event":"WORKER TIMEOUT (pid:46)",')
    for (const text of [record, cut]) {
      expect(embeddedGunicornMessage(text)).toMatchObject({ message: 'WORKER TIMEOUT (pid:46)', prefix: { level: 'CRITICAL' } })
    }
  })

  it("a single-quoted field (Python's repr) may hold quotes: it runs to the line's end", () => {
    expect(embeddedGunicornMessage("level='ERROR' msg='Connection in use: ('0.0.0.0', 8000)'")?.message).toBe("Connection in use: ('0.0.0.0', 8000)")
  })

  it('a WORKER TIMEOUT in a structlog fragment is the worker-timeout reason, not "Gunicorn never started"', () => {
    const lines = linesOf([
      '"INFO", "event": "Autorestarting worker after current request.",',
      '"level": "INFO", "event": "Worker exiting (pid: 46)",',
      'level": "CRITICAL", "event": "WORKER TIMEOUT (pid:46)",'
    ])
    const diagnosis = diagnose(contextFor(lines, { outcome: 'boot-timeout', container: { running: true } }))
    expect(diagnosis.reason).toBe('worker-timeout')
  })
})

describe("the host's port verdict that names the address it expected", () => {
  const fly = [
    'WARNING The app is not listening on the expected address and will not be reachable by fly-proxy.',
    'You can fix this by configuring your app to listen on the following addresses:',
    '  - 0.0.0.0:7842'
  ]

  it.each([
    ['as flyctl prints it', fly],
    ['under a console timestamp', fly.map((text) => `2026-01-10T09:12:44Z ${text}`)],
    ['in a Markdown quote', fly.map((text) => `> ${text}`)]
  ])('Fly.io, %s: boot-timeout naming the address', (_frame, texts) => {
    const found = platformEvidence(linesOf(texts), 'port')
    expect(found).toMatchObject({ message: { source: 'Fly.io' }, expected: '0.0.0.0:7842' })
    const diagnosis = diagnose(contextFor(linesOf(texts), { outcome: 'boot-timeout', container: { running: true } }))
    expect(diagnosis.reason).toBe('boot-timeout')
    expect(diagnosis.summary).toContain('`0.0.0.0:7842`, the address it expects')
    expect(diagnosis.remedy).toMatch(/^Bind Gunicorn to `0\.0\.0\.0:7842`/)
  })

  it('an IPv6 wildcard is an address too; prose after the message is not', () => {
    expect(platformEvidence(linesOf([fly[0], fly[1], '  - [::]:8080']), 'port')?.expected).toBe('[::]:8080')
    expect(platformEvidence(linesOf([fly[0], 'see - the docs at fly.io']), 'port')?.expected).toBeUndefined()
  })
})

describe('build output', () => {
  let repo: string
  beforeAll(() => {
    repo = mkdtempSync(path.join(tmpdir(), 'sixth-collection-'))
  })
  afterAll(() => rmSync(repo, { recursive: true, force: true }))

  const explainBuild = (texts: string[]) => {
    const failure = parseBuildFailure(texts)
    return explain('build', { failure, workspace: repo, contextDir: repo, dockerfile: path.join(repo, 'Dockerfile') })!.diagnosis
  }

  it.each([
    ['>=3.13.7', 'error: No interpreter found for Python >=3.13.7 in search path'],
    ['>=3.10, <3.13', 'error: No interpreter found for Python >=3.10, <3.13 in virtual environments, managed installations, or search path'],
    ['3.12', '  × No interpreter found for Python 3.12 in managed installations or search path']
  ])("uv found no interpreter for %s: the project's Python range is the culprit", (range, message) => {
    const diagnosis = explainBuild([' > [base 4/4] RUN uv sync --no-dev:', `0.242 ${message}`])
    expect(diagnosis.reason).toBe('package-not-found')
    expect(diagnosis.summary).toBe(
      `The project requires Python \`${range}\` (\`requires-python\`), and this image's Python is outside it: uv stops before installing anything.`
    )
    expect(diagnosis.remedy).toContain('`uv python install`')
  })

  it('uv looking for an interpreter by path or name is not a Python range', () => {
    const diagnosis = explainBuild(['#9 0.31 error: No interpreter found for executable name `myproject` in managed installations or search path'])
    expect(diagnosis.reason).not.toBe('package-not-found')
  })

  it("uv's failed source build names the package, with or without pip's words around it", () => {
    const diagnosis = explainBuild([
      '#8 5.924   × Failed to build `psycopg2-binary==2.9.10`',
      '#8 5.924   ├─▶ The build backend returned an error',
      '#8 5.924   ╰─▶ Call to `setuptools.build_meta:__legacy__.build_wheel` failed (exit status: 1)'
    ])
    expect(diagnosis.reason).toBe('native-build-failed')
    expect(diagnosis.summary).toBe('`psycopg2-binary` had to be compiled from source and its build failed.')
    expect(diagnosis.remedy).toContain('libpq-dev')
  })

  it("the build's message names the project, pip's Collecting line the variant asked for: the variant is named", () => {
    const pgConfig = [
      '[builder]       Error: pg_config executable not found.',
      '[builder]       pg_config is required to build psycopg2 from source.'
    ]
    const variant = explainBuild(['Collecting psycopg2-binary==2.9.2', ...pgConfig])
    expect(variant.summary).toMatch(/^`psycopg2-binary` had to be compiled from source/)
    // Another package collected last is not taken for it: only a variant of the project's own name is.
    const other = explainBuild(['Collecting psycopg2==2.9.2', 'Collecting pytz==2024.1', ...pgConfig])
    expect(other.summary).toMatch(/^`psycopg2` had to be compiled from source/)
  })
})
