// Rules from the tenth collection's development logs, each on a log written the way those logs show it (a virtualenv's
// gunicorn script under another Python after a copy across stages, a WORKER TIMEOUT quoted without its pid, what a
// worker killed for its timeout printed last, pip's conflict between two requirers), and everyday failures found by
// writing them as users see them (a database without its tables, SQLite's file, an HTTP service at import, code for a
// newer Python, an empty variable read by subscript), captured on forky where the packages exist.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { byHandLog, contextFor, diagnose } from './context-helper.js'
import { linesOf } from '../gunicorn/captured-logs.js'

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

describe('the database at boot, beyond the connection (captured on forky)', () => {
  it('a table no migration made: the table, and the migrations to run', () => {
    const diagnosis = diagnose(contextFor(byHandLog('sqlite-not-migrated'), exited))
    expect(diagnosis.reason).toBe('database-unreachable')
    expect(diagnosis.summary).toBe(
      'The app queries SQLite while it loads (`site_app.py:5`), and the database has no table `site_settings`: its migrations have not run.'
    )
    expect(diagnosis.remedy).toContain('`python manage.py migrate`')
  })

  it("SQLite's file in a directory the image lacks", () => {
    const diagnosis = diagnose(contextFor(byHandLog('sqlite-unopenable'), exited))
    expect(diagnosis.reason).toBe('database-unreachable')
    expect(diagnosis.summary).toContain('its database file cannot be opened')
  })

  it('Django on PostgreSQL and MySQL word it their own way', () => {
    const raised = (exception: string) =>
      linesOf([
        '[2025-06-01 10:00:00 +0000] [7] [ERROR] Exception in worker process',
        'Traceback (most recent call last):',
        '  File "/app/shop/apps.py", line 12, in ready',
        '    SiteSetting.objects.first()',
        exception,
        '[2025-06-01 10:00:00 +0000] [7] [INFO] Worker exiting (pid: 7)'
      ])
    expect(diagnose(contextFor(raised('django.db.utils.ProgrammingError: relation "core_sitesetting" does not exist'), exited)).summary).toContain(
      'no table `core_sitesetting`'
    )
    expect(
      diagnose(contextFor(raised("django.db.utils.ProgrammingError: (1146, \"Table 'shop.core_sitesetting' doesn't exist\")"), exited)).summary
    ).toContain('no table `shop.core_sitesetting`')
    // A ProgrammingError that is not about a missing table is not the database's.
    expect(diagnose(contextFor(raised('django.db.utils.ProgrammingError: syntax error at or near "FROM"'), exited)).reason).not.toBe(
      'database-unreachable'
    )
  })

  it("an HTTP service the app calls at import: urllib3's host and port", () => {
    const lines = linesOf([
      'Traceback (most recent call last):',
      '  File "/app/secrets.py", line 7, in <module>',
      '    SECRETS = client.secrets.kv.read_secret_version(path="app")',
      "requests.exceptions.ConnectionError: HTTPConnectionPool(host='vault', port=8200): Max retries exceeded with url: /v1/secret/data/app " +
        '(Caused by NameResolutionError("<urllib3.connection.HTTPConnection object at 0x7f3>: Failed to resolve \'vault\' ([Errno -2] Name or service not known)"))'
    ])
    expect(diagnose(contextFor(lines, exited)).summary).toBe(
      'The app connects to the service at `vault` port 8200 while it loads (`secrets.py:7`), and the name `vault` does not resolve inside the container.'
    )
  })
})

describe('code written for a newer Python than the image runs', () => {
  const raised = (code: string, exception: string) =>
    linesOf([
      '[2025-06-01 10:00:00 +0000] [7] [ERROR] Exception in worker process',
      'Traceback (most recent call last):',
      '  File "/usr/local/lib/python3.9/site-packages/gunicorn/util.py", line 359, in import_app',
      '    mod = importlib.import_module(module)',
      '  File "/app/users/service.py", line 8, in <module>',
      `    ${code}`,
      exception,
      '[2025-06-01 10:00:00 +0000] [7] [INFO] Worker exiting (pid: 7)'
    ])

  it('`X | None` before 3.10, with the Python the traceback shows', () => {
    const diagnosis = diagnose(
      contextFor(raised('def get_user(user_id: int) -> User | None:', "TypeError: unsupported operand type(s) for |: 'type' and 'NoneType'"), exited)
    )
    expect(diagnosis.reason).toBe('syntax-error')
    expect(diagnosis.summary).toBe(
      '`service.py:8` uses `X | Y` unions in annotations (`def get_user(user_id: int) -> User | None:`), which need Python 3.10 or later ' +
        "(`TypeError: unsupported operand type(s) for |: 'type' and 'NoneType'`): the image runs Python 3.9."
    )
  })

  it('`list[int]` before 3.9; and a `|` between values is no annotation', () => {
    expect(diagnose(contextFor(raised('def ids(self) -> list[int]:', "TypeError: 'type' object is not subscriptable"), exited)).summary).toContain(
      'which need Python 3.9 or later'
    )
    expect(
      diagnose(
        contextFor(raised('FLAGS = read_flags() | extra_flags', "TypeError: unsupported operand type(s) for |: 'dict' and 'NoneType'"), exited)
      ).reason
    ).not.toBe('syntax-error')
  })
})

describe('a variable set but empty, read by subscript', () => {
  it("json.loads of an empty value is the variable's (a secret a fork's pull request does not get)", () => {
    const lines = linesOf([
      'Traceback (most recent call last):',
      '  File "/app/config.py", line 6, in <module>',
      "    ALLOWED = json.loads(os.environ['ALLOWED_ORIGINS'])",
      'json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)'
    ])
    const diagnosis = diagnose(contextFor(lines, exited))
    expect(diagnosis.reason).toBe('missing-env')
    expect(diagnosis.summary).toBe('The app needs the environment variable `ALLOWED_ORIGINS`, which is empty in the container.')
    expect(diagnosis.remedy).toContain("`${{ secrets.ALLOWED_ORIGINS || 'test' }}`")
    // The same error on a file's text is the file's, not the environment's.
    const fromFile = linesOf([
      'Traceback (most recent call last):',
      '  File "/app/config.py", line 6, in <module>',
      "    ALLOWED = json.loads(open('origins.json').read())",
      'json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)'
    ])
    expect(diagnose(contextFor(fromFile, exited)).reason).not.toBe('missing-env')
  })
})

describe('words of everyday failures', () => {
  const worker = (frames: string[], exception: string[]) =>
    linesOf([
      '[2025-06-01 10:00:00 +0000] [7] [ERROR] Exception in worker process',
      'Traceback (most recent call last):',
      '  File "/usr/local/lib/python3.12/site-packages/gunicorn/util.py", line 370, in import_app',
      '    mod = importlib.import_module(module)',
      ...frames,
      ...exception,
      '[2025-06-01 10:00:00 +0000] [7] [INFO] Worker exiting (pid: 7)'
    ])

  it('a circular import names the partially initialized module, not `?`', () => {
    const lines = worker(
      ['  File "/app/app/models.py", line 2, in <module>', '    from app import create_app'],
      [
        "ImportError: cannot import name 'create_app' from partially initialized module 'app' (most likely due to a circular import) (/app/app/__init__.py)"
      ]
    )
    expect(diagnose(contextFor(lines, exited)).summary).toContain('imports `create_app` from `app` during a circular import')
  })

  it('a system library loaded by the app’s own import names that import, not Gunicorn', () => {
    const lines = worker(
      ['  File "/app/model.py", line 2, in <module>', '    import lightgbm'],
      ['OSError: libgomp.so.1: cannot open shared object file: No such file or directory']
    )
    expect(diagnose(contextFor(lines, exited)).summary).toContain('`libgomp.so.1`, which `lightgbm` loads')
  })

  it('an exception whose message starts below a rule of stars (NLTK) is quoted with its first words', () => {
    const lines = worker(
      ['  File "/app/nlp.py", line 5, in <module>', "    STOP = stopwords.words('english')"],
      ['LookupError: ', '**********************************************************************', '  Resource stopwords not found.']
    )
    expect(diagnose(contextFor(lines, exited)).summary).toContain('`LookupError: Resource stopwords not found.`')
  })

  it('a message broker refusing the app at import is named as one', () => {
    const lines = worker(
      ['  File "/app/tasks.py", line 5, in <module>', '    app.control.ping(timeout=1)'],
      ['kombu.exceptions.OperationalError: [Errno 111] Connection refused']
    )
    expect(diagnose(contextFor(lines, exited)).summary).toBe(
      'The app connects to the message broker while it loads (`tasks.py:5`), and the connection is refused.'
    )
  })
})
