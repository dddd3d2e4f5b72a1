// database-unreachable and out-of-memory on the logs of real failures: apps that connect to PostgreSQL
// (Flask-SQLAlchemy, plain psycopg2) and Redis while they load, run against the services of
// scripts/test-services.sh on both base images, and the memory-hungry app under `--memory 128m`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { DiagnosisContext } from '../../src/diagnosis/index.js'
import { readDatabaseError } from '../../src/diagnosis/rules/environment.js'
import type { LogLine } from '../../src/core/model.js'
import { contextFor as baseContextFor, diagnose } from './context-helper.js'
import { SUITES, captured, glog, linesOf, type Suite } from '../gunicorn/captured-logs.js'

const contextFor = (lines: LogLine[], overrides: Parameters<typeof baseContextFor>[1] = {}): DiagnosisContext =>
  baseContextFor(lines, { provided: ['PORT', 'DATABASE_URL'], ...overrides })

function fromCapture(suite: Suite, scenario: string, container: Partial<DiagnosisContext['container']> = {}): DiagnosisContext {
  const run = captured(suite, scenario)
  return contextFor(run.lines, {
    fixture: run.meta.fixture,
    outcome: run.meta.running ? 'gave-up' : 'container-exited',
    container: { running: run.meta.running, exitCode: run.meta.exitCode ?? undefined, oomKilled: run.meta.oomKilled, ...container }
  })
}

const factoryLine = { file: '__fixtures__/apps/db-postgres/notes/__init__.py', line: 24, containerPath: '/app/notes/__init__.py' }

describe.each(SUITES)('database failures produced for real on %s', (suite) => {
  it('a host name that only exists on another network: names it, suggests the network input and host.docker.internal', () => {
    const d = diagnose(fromCapture(suite, 'db-unresolvable'))
    expect(d.reason).toBe('database-unreachable')
    expect(d.summary).toBe(
      'The app connects to PostgreSQL at `db` while it loads (`__fixtures__/apps/db-postgres/notes/__init__.py:24`), and the name `db` does not resolve inside the container.'
    )
    // The SQLAlchemy traceback (chained after psycopg2's) is the one that reaches the app factory.
    expect(d.location).toEqual(factoryLine)
    expect(d.remedy).toContain('`network` input')
    expect(d.remedy).toContain('`${{ job.services.postgres.network }}`')
    expect(d.remedy).toContain('`host.docker.internal`')
    expect(d.evidence).toContain('    with db.engine.begin() as connection:')
    expect(
      d.evidence.some((line) => line.startsWith('sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) could not translate host name "db"'))
    ).toBe(true)
  })

  it('localhost inside the container: the container itself, so host.docker.internal or the network input', () => {
    const d = diagnose(fromCapture(suite, 'db-refused-localhost'))
    expect(d.reason).toBe('database-unreachable')
    expect(d.summary).toContain('PostgreSQL at `localhost` port 5432')
    expect(d.summary).toContain('inside the container `localhost` is the container itself')
    expect(d.location).toEqual(factoryLine)
    expect(d.remedy).toMatch(/^Point the URL at `host\.docker\.internal`/)
    expect(d.remedy).toContain('`network` input')
  })

  it('a wrong password: the user whose credentials were rejected, and where credentials come from', () => {
    const d = diagnose(fromCapture(suite, 'db-auth-failed'))
    expect(d.reason).toBe('database-unreachable')
    expect(d.summary).toContain('PostgreSQL at `host.docker.internal` port 5432')
    expect(d.summary).toContain('the server rejects the credentials of user `smoke`')
    expect(d.remedy).toContain('`POSTGRES_PASSWORD`')
    expect(d.remedy).not.toContain('host.docker.internal')
    expect(d.location).toEqual(factoryLine)
  })

  it('a database that does not exist: names it and how to create it', () => {
    const d = diagnose(fromCapture(suite, 'db-missing-database'))
    expect(d.reason).toBe('database-unreachable')
    expect(d.summary).toContain('the server has no database `archive`')
    expect(d.remedy).toContain('`POSTGRES_DB: archive`')
  })

  it('plain psycopg2 at import against 127.0.0.1: the line in db.py', () => {
    const d = diagnose(fromCapture(suite, 'db-psycopg2-refused'))
    expect(d.reason).toBe('database-unreachable')
    expect(d.summary).toContain('PostgreSQL at `127.0.0.1` port 5432')
    expect(d.location).toEqual({ file: '__fixtures__/apps/fail-database-unreachable/db.py', line: 8, containerPath: '/app/db.py' })
    expect(d.remedy).toContain('`host.docker.internal`')
  })

  it('redis-py on localhost (no IPv6 in the container: errno 99) and on 127.0.0.1 (errno 111)', () => {
    for (const [scenario, host] of [
      ['db-redis-localhost', 'localhost'],
      ['db-redis-refused', '127.0.0.1']
    ]) {
      const d = diagnose(fromCapture(suite, scenario))
      expect(d.reason).toBe('database-unreachable')
      expect(d.summary).toContain(`Redis at \`${host}\` port 6379`)
      expect(d.summary).toContain('is the container itself')
      expect(d.location).toEqual({ file: '__fixtures__/apps/db-redis/cache.py', line: 7, containerPath: '/app/cache.py' })
      expect(d.remedy).toContain('`host.docker.internal`')
      expect(d.evidence.some((line) => /^redis\.exceptions\.ConnectionError: Error (99|111) connecting to/.test(line))).toBe(true)
    }
  })

  it('redis-py with a host name that does not resolve', () => {
    const d = diagnose(fromCapture(suite, 'db-redis-unresolvable'))
    expect(d.reason).toBe('database-unreachable')
    expect(d.summary).toContain('Redis at `cache` port 6379')
    expect(d.summary).toContain('the name `cache` does not resolve inside the container')
    expect(d.remedy).toContain('`network` input')
  })

  it('out-of-memory under 128m: the limit, the worker count and the remedies', () => {
    const d = diagnose(fromCapture(suite, 'out-of-memory', { memoryLimit: '128m' }))
    expect(d.reason).toBe('out-of-memory')
    expect(d.summary).toMatch(
      /^Workers were killed with SIGKILL \d+ times without a timeout first: the container ran out of memory \(limit 128m\) with 3 workers\.$/
    )
    expect(d.remedy).toContain('fewer workers (3 now')
    expect(d.remedy).toContain('`preload_app = True`')
    expect(d.remedy).toContain('an instance with more than `128m`')
    expect(d.evidence[0]).toMatch(/signal 9|SIGKILL! Perhaps out of memory\?/)
  })
})

describe('reading driver errors', () => {
  it.each([
    [
      'connection to server at "db" (172.18.0.2), port 5432 failed: FATAL:  password authentication failed for user "app"',
      { failure: 'auth', host: 'db', port: '5432', user: 'app' }
    ],
    ['could not connect to server: Connection refused', { failure: 'refused' }],
    ['connection to server at "10.0.0.5", port 5432 failed: timeout expired', { failure: 'timeout', host: '10.0.0.5', port: '5432' }],
    ['(2005, "Unknown MySQL server host \'mysql\' (-2)")', { failure: 'unresolved' }],
    ['(1049, "Unknown database \'shop\'")', { failure: 'missing-database', database: 'shop' }],
    ['Error 111 connecting to redis:6380. Connection refused.', { failure: 'refused', host: 'redis', port: '6380' }],
    ['redis.exceptions.AuthenticationError: invalid username-password pair or user is disabled.', { failure: 'auth' }]
  ])('%s', (message, expected) => {
    expect(readDatabaseError(message)).toMatchObject(expected)
  })
})

describe('drivers and frameworks without a fixture', () => {
  const workerFailure = (frames: string[], exception: string): string[] => [
    glog(1, 'INFO', 'Starting gunicorn 23.0.0'),
    glog(7, 'INFO', 'Booting worker with pid: 7'),
    glog(7, 'ERROR', 'Exception in worker process'),
    'Traceback (most recent call last):',
    '  File "/usr/lib/python3/dist-packages/gunicorn/arbiter.py", line 608, in spawn_worker',
    '    worker.init_process()',
    ...frames,
    exception,
    glog(7, 'INFO', 'Worker exiting (pid: 7)'),
    glog(1, 'ERROR', 'Worker (pid:7) exited with code 3'),
    glog(1, 'ERROR', 'Shutting down: Master'),
    glog(1, 'ERROR', 'Reason: Worker failed to boot.')
  ]

  it("Django's OperationalError from a system check at boot", () => {
    const lines = linesOf(
      workerFailure(
        [
          '  File "/app/shop/wsgi.py", line 9, in <module>',
          '    warm_cache()',
          '  File "/usr/local/lib/python3.12/site-packages/django/db/backends/base/base.py", line 256, in connect'
        ],
        'django.db.utils.OperationalError: connection to server at "postgres" (172.18.0.3), port 5432 failed: FATAL:  database "shop_test" does not exist'
      )
    )
    const d = diagnose(contextFor(lines))
    expect(d.reason).toBe('database-unreachable')
    expect(d.summary).toContain('PostgreSQL at `postgres` port 5432')
    expect(d.summary).toContain('no database `shop_test`')
  })

  it('a driver error at request time, after boot, is not a boot failure of this rule', () => {
    const lines = linesOf([glog(1, 'INFO', 'Starting gunicorn 23.0.0'), glog(7, 'INFO', 'Booting worker with pid: 7')])
    expect(diagnose(contextFor(lines, { outcome: 'health-failed', health: { ok: false, status: 500, attempts: 3 } })).reason).toBe(
      'health-check-failed'
    )
  })
})

describe('out-of-memory without the worker log', () => {
  let repo: string
  beforeAll(() => {
    repo = mkdtempSync(path.join(tmpdir(), 'gsmoke-oom-'))
    writeFileSync(path.join(repo, 'Dockerfile'), 'FROM python:3.12-slim\nCMD ["gunicorn", "--preload", "-w", "4", "-b", "0.0.0.0:8000", "app:app"]\n')
  })
  afterAll(() => rmSync(repo, { recursive: true, force: true }))

  it('the master killed while preloading the app: OOMKilled and exit 137, no log line at all', () => {
    const d = diagnose(
      contextFor([], {
        repoRoot: repo,
        outcome: 'container-exited',
        container: { running: false, exitCode: 137, oomKilled: true, memoryLimit: '128m' }
      })
    )
    expect(d.reason).toBe('out-of-memory')
    expect(d.summary).toBe(
      'The container was killed for using too much memory under its `128m` memory limit before any worker booted: the master process itself ran out.'
    )
    expect(d.remedy).toContain('with `preload_app` the master imports the app')
    expect(d.evidence).toEqual(['container OOMKilled (memory limit 128m)'])
  })

  it("Docker's OOM events alone (a worker killed before Gunicorn logged it)", () => {
    const lines = linesOf([glog(1, 'INFO', 'Starting gunicorn 23.0.0'), glog(7, 'INFO', 'Booting worker with pid: 7')])
    const d = diagnose(
      contextFor(lines, { repoRoot: repo, outcome: 'boot-timeout', container: { running: true, oomEvents: 4, memoryLimit: '256m' } })
    )
    expect(d.reason).toBe('out-of-memory')
    expect(d.summary).toContain('(4 OOM events)')
    expect(d.evidence).toEqual(['Docker reported 4 OOM events for the container (memory limit 256m)'])
  })

  it('the worker count comes from the image command when the log cannot tell', () => {
    const lines = linesOf([glog(1, 'INFO', 'Starting gunicorn 23.0.0'), glog(1, 'ERROR', 'Worker (pid:7) was sent SIGKILL! Perhaps out of memory?')])
    const d = diagnose(contextFor(lines, { repoRoot: repo, container: { running: true, memoryLimit: '512m' } }))
    expect(d.reason).toBe('out-of-memory')
    expect(d.summary).toContain('with 4 workers')
    expect(d.remedy).toContain('fewer workers (4 now')
  })

  it('SIGKILLs that only follow WORKER TIMEOUTs are not memory, even under a limit', () => {
    const lines = linesOf([
      glog(1, 'INFO', 'Starting gunicorn 20.1.0'),
      glog(1, 'CRITICAL', 'WORKER TIMEOUT (pid:7)'),
      glog(1, 'WARNING', 'Worker with pid 7 was terminated due to signal 9')
    ])
    expect(diagnose(contextFor(lines, { repoRoot: repo, container: { running: true, memoryLimit: '512m' } })).reason).toBe('worker-timeout')
  })
})
