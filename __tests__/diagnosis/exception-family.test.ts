// The exception family is evidence whatever frames it: a final `SomeError: message` line read plain, as a JSON
// logger's field, after a shipper's or a host's prefix (the shapes of the development part of the corpus: compose
// v1/v2, Azure's and Heroku's timestamps, the journal, a CloudWatch export, fly.io), inside a key=value logger's
// quoted field, or after a prefix no table knows — with or without Gunicorn's `Starting gunicorn`. Where the
// family says the cause, its reason comes out with its culprit; `unknown` still names the exception and the frame.
import path from 'node:path'
import { toLogLines } from '../../src/gunicorn/log-parser.js'
import { contextFor, diagnose, REPO } from './context-helper.js'

const FRAMINGS: [string, (line: string) => string][] = [
  ['plain', (line) => line],
  ['a JSON logger (message field)', (line) => JSON.stringify({ severity: 'ERROR', message: line })],
  ['a key=value logger (quoted field)', (line) => `2024-01-01T10:00:00Z [error] worker failed exception="${line.replace(/"/g, '\\"')}"`],
  ['compose v2', (line) => `web-1  | ${line}`],
  ['compose v1', (line) => `web_1     | ${line}`],
  ['Azure', (line) => `2024-07-17T23:17:06.604620962Z ${line}`],
  ['Heroku', (line) => `2025-08-10T22:01:07.302061+00:00 app[web.1]: ${line}`],
  ['the journal', (line) => `Jul 13 10:50:59 vps gunicorn[2548]: ${line}`],
  ['a CloudWatch export', (line) => `1759859767296\t2025-10-07T17:56:07.296Z\t${line}`],
  ['fly.io', (line) => `2024-03-05T10:00:00Z app[148e272b] iad [info]${line}`],
  ['an unknown prefix', (line) => `api-5d4c | pod/api-5d4c-x | ${line}`],
  [
    'after Starting gunicorn',
    (line) =>
      '[2024-01-01 10:00:00 +0000] [1] [INFO] Starting gunicorn 23.0.0\n[2024-01-01 10:00:00 +0000] [7] [INFO] Booting worker with pid: 7\n' +
      `${line}\n[2024-01-01 10:00:01 +0000] [1] [ERROR] Reason: Worker failed to boot.`
  ]
]

/** Final exception lines as Python and the drivers print them, the reason their family gives, and the culprit. */
const FAMILIES: [string, string, string][] = [
  ["ModuleNotFoundError: No module named 'stripe'", 'missing-dependency', '`stripe`'],
  ["ImportError: cannot import name 'get_settings' from 'config' (/app/config.py)", 'import-error', '`get_settings`'],
  ["OSError: [Errno 30] Read-only file system: '/app/static'", 'read-only-filesystem', '`/app/static`'],
  ['psycopg2.OperationalError: could not translate host name "db" to address: Name or service not known', 'database-unreachable', '`db`'],
  [
    'sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "postgres" (172.18.0.2), port 5432 failed: Connection refused',
    'database-unreachable',
    'postgres'
  ],
  ['redis.exceptions.ConnectionError: Error -2 connecting to redis:6379. Name or service not known.', 'database-unreachable', '`redis`'],
  ['django.db.utils.OperationalError: (2005, "Unknown MySQL server host \'mysql\' (-2)")', 'database-unreachable', '`mysql`'],
  ["KeyError: 'DATABASE_URL'", 'missing-env', '`DATABASE_URL`'],
  ['django.core.exceptions.ImproperlyConfigured: Set the SECRET_KEY environment variable', 'missing-env', '`SECRET_KEY`'],
  ['IndentationError: unexpected indent (routes.py, line 12)', 'syntax-error', 'routes.py'],
  ['RuntimeError: search index missing', 'unknown', '`RuntimeError: search index missing`']
]

const diagnosed = (text: string) => diagnose(contextFor(toLogLines(text), { outcome: 'boot-timeout', container: { running: false, exitCode: 1 } }))

describe.each(FAMILIES)('%s', (line, reason, culprit) => {
  it.each(FRAMINGS)('framed by %s', (_name, frame) => {
    const d = diagnosed(frame(line))
    expect({ reason: d.reason, named: d.summary.includes(culprit) }).toEqual({ reason, named: true })
  })
})

describe('what the family does not claim', () => {
  it('takes no prose for an exception (a lower-case "error:" is not a type)', () => {
    expect(diagnosed('web-1  | retrying: connection error: will try again in 5s').reason).toBe('boot-timeout')
  })

  it("leaves Gunicorn's own control-socket warning to config-error (a read-only home, 25.1+)", () => {
    const d = diagnosed("web-1  | OSError: [Errno 30] Read-only file system: '/root/.gunicorn'")
    expect(d.reason).not.toBe('read-only-filesystem')
  })

  it('unknown names the innermost user frame of a prefixed traceback', () => {
    const traceback = [
      '[2024-01-01 10:00:00 +0000] [7] [ERROR] Exception in worker process',
      'Traceback (most recent call last):',
      '  File "/usr/local/lib/python3.12/site-packages/gunicorn/arbiter.py", line 608, in spawn_worker',
      '    worker.init_process()',
      '  File "/app/app.py", line 14, in <module>',
      '    load_index()',
      '  File "/app/app.py", line 10, in load_index',
      '    raise RuntimeError("search index missing: run `manage.py build_index` before starting")',
      'RuntimeError: search index missing: run `manage.py build_index` before starting'
    ]
    const fixture = path.join(REPO, '__fixtures__/apps/fail-unknown')
    const d = diagnose(
      contextFor(toLogLines(traceback.map((l) => `web-1  | ${l}`).join('\n')), {
        outcome: 'container-exited',
        paths: { repoRoot: fixture, contextDir: fixture, workdir: '/app' }
      })
    )
    expect(d.reason).toBe('unknown')
    expect(d.summary).toContain('`app.py:10`')
  })
})
