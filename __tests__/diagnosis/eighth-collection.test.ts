// The eighth collection's classes, read by the messages' general meaning: libpq's message continued on indented
// lines after a chained exception, where a worker killed for its timeout was (an installed package's frame), a log
// that starts inside a cycle of timeouts, what an app logs without a traceback before its worker exits (a write it
// could not make, a variable it refuses), an exception message that starts on the next line, a system library a
// compiled module needs and the image lacks (captured for real in fail-missing-shared-library), libraries that name
// what is wrong in their own words (SQLAlchemy's dropped `postgres://`, Pydantic 2's moved BaseSettings, Django's
// backend without its driver: captured on forky), an empty variable turned into a number, a pip build cut before
// pip names the package, mysqlclient's own word for a missing pkg-config, and uv's reasoning pasted without its
// `No solution found` header.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseBuildFailure } from '../../src/docker/build-output.js'
import { explain } from '../../src/diagnosis/explain.js'
import { linesOf } from '../gunicorn/captured-logs.js'
import { toLogLines } from '../../src/gunicorn/log-parser.js'
import { contextFor, diagnose } from './context-helper.js'

const SITE = '/usr/local/lib/python3.11/site-packages'

describe("a driver's message continued on the lines after the exception", () => {
  const chained = (host: string) =>
    linesOf([
      'sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) could not connect to server: Connection refused',
      `\tIs the server running on host "${host}" (10.0.0.5) and accepting`,
      '\tTCP/IP connections on port 5432?',
      '',
      '[2021-02-15 14:36:07 +0000] [9] [INFO] Worker exiting (pid: 9)',
      '[2021-02-15 14:36:07 +0000] [1] [INFO] Shutting down: Master',
      '[2021-02-15 14:36:07 +0000] [1] [INFO] Reason: Worker failed to boot.'
    ])

  it('names the host libpq names there, beside the refused connection', () => {
    const diagnosis = diagnose(contextFor(chained('orders-db.internal')))
    expect(diagnosis.reason).toBe('database-unreachable')
    expect(diagnosis.summary).toContain('`orders-db.internal`')
  })

  it('a loopback host there is the container itself', () => {
    expect(diagnose(contextFor(chained('localhost'))).summary).toContain('inside the container `localhost` is the container itself')
  })
})

describe('where a worker killed for its timeout was', () => {
  const killed = (frames: string[]) =>
    linesOf([
      '[2023-01-05 13:17:16 +0000] [12] [WARNING] Worker graceful timeout (pid:12)',
      '[2023-01-05 13:18:16 +0000] [1] [CRITICAL] WORKER TIMEOUT (pid:12)',
      'Exception ignored in atexit callback: <bound method Client.close of <metrics.Client object at 0x7f4e6efece80>>',
      'Traceback (most recent call last):',
      ...frames,
      'KeyboardInterrupt'
    ])

  it("names the installed package's innermost frame of the traceback it printed after the kill", () => {
    const diagnosis = diagnose(
      contextFor(
        killed([
          `  File "${SITE}/metrics_agent/base.py", line 331, in close`,
          '    manager.stop_thread()',
          `  File "${SITE}/metrics_agent/transport.py", line 106, in queue`,
          '    self._event_queue.put(item, block=False)',
          '  File "/usr/local/lib/python3.11/threading.py", line 265, in __enter__',
          '    return self._lock.__enter__()'
        ])
      )
    )
    expect(diagnosis.reason).toBe('worker-timeout')
    expect(diagnosis.summary).toContain('in `metrics_agent/transport.py:106` when it was stopped')
  })

  it('says nothing of where when the traceback holds only the standard library', () => {
    const diagnosis = diagnose(contextFor(killed(['  File "/usr/local/lib/python3.11/threading.py", line 265, in __enter__', '    return 1'])))
    expect(diagnosis.reason).toBe('worker-timeout')
    expect(diagnosis.summary).not.toContain('when it was stopped')
  })
})

describe('a log that starts inside a cycle of timeouts', () => {
  const cycle = (after: string[]) =>
    linesOf([
      '[2023-04-28 20:15:00 +0000] [9] [WARNING] Worker with pid 118 was terminated due to signal 9',
      '[2023-04-28 20:15:00 +0000] [9] [WARNING] Worker with pid 117 was terminated due to signal 9',
      '[2023-04-28 20:15:30 +0000] [9] [CRITICAL] WORKER TIMEOUT (pid:221)',
      '[2023-04-28 20:15:30 +0000] [9] [CRITICAL] WORKER TIMEOUT (pid:222)',
      ...after
    ])

  it('the kills before the first timeout are of the same cycle when every later kill follows a timeout', () => {
    const lines = cycle([
      '[2023-04-28 20:15:32 +0000] [9] [WARNING] Worker with pid 221 was terminated due to signal 9',
      '[2023-04-28 20:15:32 +0000] [9] [WARNING] Worker with pid 222 was terminated due to signal 9'
    ])
    expect(diagnose(contextFor(lines, { container: { running: true } })).reason).toBe('worker-timeout')
  })

  it('a later kill without a timeout keeps the early ones unexplained: memory', () => {
    const lines = cycle([
      '[2023-04-28 20:15:32 +0000] [9] [WARNING] Worker with pid 221 was terminated due to signal 9',
      '[2023-04-28 20:15:40 +0000] [9] [WARNING] Worker with pid 305 was terminated due to signal 9'
    ])
    expect(diagnose(contextFor(lines, { container: { running: true } })).reason).toBe('out-of-memory')
  })
})

describe('what an app logs, without a traceback, before its worker exits', () => {
  const worker = (said: string[]) =>
    linesOf([
      '[2023-05-15 07:32:17 +0000] [1] [INFO] Starting gunicorn 20.1.0',
      '[2023-05-15 07:32:17 +0000] [366] [INFO] Booting worker with pid: 366',
      ...said,
      '[2023-05-15 07:32:20 +0000] [366] [INFO] Worker exiting (pid: 366)',
      '[2023-05-15 07:32:20 +0000] [1] [ERROR] Worker (pid:366) exited with code 1'
    ])

  it('a directory it could not create, the errno on the next line: the path, as a write the user may not make', () => {
    const said = [
      'ERROR  : Failed to create the directory /var/lib/app/sessions:',
      "           [Errno 13] Permission denied: '/var/lib/app/sessions'"
    ]
    const diagnosis = diagnose(contextFor(worker(said)))
    expect(diagnosis.reason).toBe('read-only-filesystem')
    expect(diagnosis.summary).toBe("The app writes `/var/lib/app/sessions` while it loads, and the image's user may not write there.")
  })

  it('the same words on a read-only root: Errno 30', () => {
    const diagnosis = diagnose(contextFor(worker(["Could not write /srv/cache/index.db: [Errno 30] Read-only file system: '/srv/cache/index.db'"])))
    expect(diagnosis.reason).toBe('read-only-filesystem')
    expect(diagnosis.summary).toContain('the root filesystem is read-only')
  })

  it('a variable it refuses: the variable, in the worker’s words', () => {
    const diagnosis = diagnose(contextFor(worker(['ERROR:root:APP_URL not set or wrong format. See docs for more info.'])))
    expect(diagnosis.reason).toBe('missing-env')
    expect(diagnosis.summary).toBe(
      'The workers exit while loading the app over the environment variable `APP_URL`: `ERROR:root:APP_URL not set or wrong format. See docs for more info`.'
    )
  })

  it('a warning that a default is used is not a refusal', () => {
    expect(diagnose(contextFor(worker(['WARNING: SECRET_KEY not set, using a default for development.']))).reason).not.toBe('missing-env')
  })
})

describe("an exception whose message starts on the line after its type (Python 2's RuntimeError in gthread)", () => {
  it('names the package the message asks for', () => {
    const lines = linesOf([
      "Error: class uri 'gunicorn.workers.gthread.ThreadWorker' invalid or not found: ",
      '',
      '[Traceback (most recent call last):',
      '  File "/usr/local/lib/python2.7/site-packages/gunicorn/util.py", line 142, in load_class',
      "    mod = import_module('.'.join(components))",
      '  File "/usr/local/lib/python2.7/site-packages/gunicorn/workers/gthread.py", line 37, in <module>',
      '    """)',
      'RuntimeError: ',
      "    You need to install the 'futures' package to use this worker with this",
      '    Python version.',
      ']'
    ])
    const diagnosis = diagnose(contextFor(lines))
    expect(diagnosis.reason).toBe('worker-class-unavailable')
    expect(diagnosis.summary).toContain('module `futures` is not installed')
  })
})

describe('a system library a compiled module needs, not in the image', () => {
  const failed = (frames: string[], exception: string) =>
    linesOf([
      '[2023-02-15 01:06:37 +0000] [81] [ERROR] Exception in worker process',
      'Traceback (most recent call last):',
      `  File "${SITE}/gunicorn/util.py", line 359, in import_app`,
      '    mod = importlib.import_module(module)',
      ...frames,
      exception,
      '[2023-02-15 01:06:37 +0000] [81] [INFO] Worker exiting (pid: 81)'
    ])

  it("OpenCV's libGL: the Debian package, or the headless build that needs no display libraries", () => {
    const lines = failed(
      [
        '  File "/app/app.py", line 8, in <module>',
        '    import cv2',
        `  File "${SITE}/cv2/__init__.py", line 5, in <module>`,
        '    from .cv2 import *'
      ],
      'ImportError: libGL.so.1: cannot open shared object file: No such file or directory'
    )
    const diagnosis = diagnose(contextFor(lines))
    expect(diagnosis.reason).toBe('missing-dependency')
    expect(diagnosis.summary).toBe(
      'The system library `libGL.so.1`, which `cv2` loads, is not in the image: a compiled module cannot load without it.'
    )
    expect(diagnosis.remedy).toContain('Install `libgl1` in the Dockerfile')
    expect(diagnosis.remedy).toContain('or install `opencv-python-headless` instead')
  })

  it('through ctypes (an OSError), a library Debian packages: its package, no headless advice', () => {
    const lines = failed(
      [`  File "${SITE}/lightgbm/basic.py", line 95, in _load_lib`, '    lib = ctypes.cdll.LoadLibrary(lib_path[0])'],
      'OSError: libgomp.so.1: cannot open shared object file: No such file or directory'
    )
    const diagnosis = diagnose(contextFor(lines))
    expect(diagnosis.summary).toContain('`libgomp.so.1`, which `lightgbm` loads')
    expect(diagnosis.remedy).toMatch(/^Install `libgomp1` in the Dockerfile .*; slim base images leave out libraries a wheel may need\.$/)
  })

  it("CUDA's runtime: a GPU base image, not an apt package", () => {
    const lines = failed(
      [`  File "${SITE}/torch/__init__.py", line 237, in <module>`],
      'OSError: libcudart.so.12: cannot open shared object file: No such file or directory'
    )
    expect(diagnose(contextFor(lines)).remedy).toMatch(/^`libcudart\.so\.12` comes with NVIDIA's CUDA runtime/)
  })

  it('a paste that lost its case and its traceback shape still names the library', () => {
    const lines = linesOf([
      '    file "/tmp/8d96/antenv/lib/python3.7/site-packages/cv2/__init__.py" line 5 in <module>',
      '  importerror: libgl.so.1: cannot open shared object file: no such file or directory',
      '  [2023-02-15 01:06:37 +0000] [81] [info] worker exiting (pid: 81)'
    ])
    const diagnosis = diagnose(contextFor(lines))
    expect(diagnosis.reason).toBe('missing-dependency')
    expect(diagnosis.summary).toContain('`libgl.so.1`, which `cv2` loads')
  })
})

describe('libraries that name what is wrong in their own words (captured on forky: scripts/capture-library-errors.sh)', () => {
  const exited = { container: { running: false, exitCode: 3 } }
  const capturedLog = (name: string) => toLogLines(readFileSync(path.join(process.cwd(), '__fixtures__/logs/by-hand', `${name}-forky.log`), 'utf8'))

  it("SQLAlchemy's `postgres://` a host handed out: config-error, the scheme it wants", () => {
    const diagnosis = diagnose(contextFor(capturedLog('database-url-scheme'), exited))
    expect(diagnosis.reason).toBe('config-error')
    expect(diagnosis.summary).toBe(
      'The database URL starts with `postgres://`, a scheme SQLAlchemy 1.4+ no longer accepts: it wants `postgresql://`.'
    )
    expect(diagnosis.remedy).toContain('`url.replace("postgres://", "postgresql://", 1)`')
  })

  it("Pydantic 2's BaseSettings moved to pydantic-settings: the package to add, as the message names it", () => {
    const diagnosis = diagnose(contextFor(capturedLog('pydantic-settings-moved'), exited))
    expect(diagnosis.reason).toBe('missing-dependency')
    expect(diagnosis.summary).toMatch(
      /^The app needs `pydantic-settings`, which is not installed in the image: `pydantic\.errors\.PydanticImportError: /
    )
    expect(diagnosis.remedy).toMatch(/^Add `pydantic-settings` to .*, and import from it what the message says moved there\.$/)
  })

  it("Django's backend without its driver: the driver, not Django's settings", () => {
    const diagnosis = diagnose(contextFor(capturedLog('django-backend-missing'), exited))
    expect(diagnosis.reason).toBe('missing-dependency')
    expect(diagnosis.summary).toContain('`psycopg`')
  })

  it("Django's message alone (the chain cut off): the driver its backend names", () => {
    const alone = capturedLog('django-backend-missing').filter((line) => !/No module named|During handling/.test(line.text))
    const diagnosis = diagnose(contextFor(alone, exited))
    expect(diagnosis.reason).toBe('missing-dependency')
    expect(diagnosis.summary).toMatch(
      /^The app needs `psycopg2-binary`, which is not installed in the image: `django\.core\.exceptions\.ImproperlyConfigured: Error loading psycopg2/
    )
  })

  it("manage.py's `Couldn't import Django`: Django itself", () => {
    const lines = linesOf([
      'Traceback (most recent call last):',
      '  File "/app/manage.py", line 11, in main',
      '    from django.core.management import execute_from_command_line',
      "ImportError: Couldn't import Django. Are you sure it's installed and available on your PYTHONPATH environment variable? Did you forget to activate a virtual environment?"
    ])
    expect(diagnose(contextFor(lines, { container: { running: false, exitCode: 1 } })).summary).toMatch(
      /^The app needs `Django`, which is not installed/
    )
  })

  it('int() of an environment variable read with an empty default: the variable', () => {
    const lines = linesOf([
      '[2024-05-01 10:00:01 +0000] [8] [ERROR] Exception in worker process',
      'Traceback (most recent call last):',
      '  File "/app/settings.py", line 9, in <module>',
      '    WORKERS = int(os.environ.get("WEB_CONCURRENCY", ""))',
      "ValueError: invalid literal for int() with base 10: ''"
    ])
    const diagnosis = diagnose(contextFor(lines, exited))
    expect(diagnosis.reason).toBe('missing-env')
    expect(diagnosis.summary).toContain('`WEB_CONCURRENCY`')
  })

  it('the same error from a value that is not empty is not a missing variable', () => {
    const lines = linesOf([
      '  File "/app/settings.py", line 9, in <module>',
      '    WORKERS = int(os.environ.get("WEB_CONCURRENCY", ""))',
      "ValueError: invalid literal for int() with base 10: 'auto'"
    ])
    expect(diagnose(contextFor(lines, exited)).reason).not.toBe('missing-env')
  })

  it("Python's own library missing is not a system package to add (a virtualenv from another image)", () => {
    const lines = linesOf([
      '/app/.venv/bin/python: error while loading shared libraries: libpython3.11.so.1.0: cannot open shared object file: No such file or directory'
    ])
    expect(diagnose(contextFor(lines, { container: { running: false, exitCode: 127 } })).reason).not.toBe('missing-dependency')
  })
})

describe('build output', () => {
  let repo: string
  beforeAll(() => {
    repo = mkdtempSync(path.join(tmpdir(), 'eighth-collection-'))
  })
  afterAll(() => rmSync(repo, { recursive: true, force: true }))

  const explainBuild = (texts: string[]) => {
    const failure = parseBuildFailure(texts)
    return explain('build', { failure, workspace: repo, contextDir: repo, dockerfile: path.join(repo, 'Dockerfile') })!.diagnosis
  }

  const cutBuild = (missing: string) => [
    '#12 [5/7] RUN pip install -r requirements.txt',
    '#12 41.20 Collecting mysqlclient<3.0,>=1.4 (from memsql==3.2.0)',
    '#12 41.22   Downloading mysqlclient-2.2.4.tar.gz (90 kB)',
    "#12 43.87   Getting requirements to build wheel: finished with status 'error'",
    '#12 43.88   error: subprocess-exited-with-error',
    '#12 43.88   × Getting requirements to build wheel did not run successfully.',
    '#12 43.88   ╰─> [24 lines of output]',
    `#12 43.88       ${missing}`
  ]

  it('a build cut before pip names the package: the source archive it fetched last, and the tool it missed', () => {
    const diagnosis = explainBuild(cutBuild('/bin/sh: 1: pkg-config: not found'))
    expect(diagnosis.reason).toBe('native-build-failed')
    expect(diagnosis.summary).toBe('`mysqlclient` had to be compiled from source and its build failed: `pkg-config` is missing from the image.')
  })

  it('cut so that only the step start and a line of the output are left, without a tool named: not a native build', () => {
    expect(explainBuild(cutBuild('running egg_info')).reason).not.toBe('native-build-failed')
  })

  it("mysqlclient's own message, alone (an Ansible task's one line): pkg-config, and the package from the flags it asks for", () => {
    const diagnosis = explainBuild([
      "Exception: Can not find valid pkg-config name.', '  Specify MYSQLCLIENT_CFLAGS and MYSQLCLIENT_LDFLAGS env vars manually"
    ])
    expect(diagnosis.reason).toBe('native-build-failed')
    expect(diagnosis.summary).toContain('`mysqlclient`')
    expect(diagnosis.summary).toContain('`pkg-config` is missing')
  })

  it("uv's reasoning pasted without its header: the requirement no index has", () => {
    const diagnosis = explainBuild([
      'Because there is no version of torch==2.11.0+cu130 and',
      'surogate==1.4.1+cu130 depends on torch==2.11.0+cu130, we can conclude',
      'that surogate==1.4.1+cu130 cannot be used.'
    ])
    expect(diagnosis.reason).toBe('package-not-found')
    expect(diagnosis.summary).toContain('`torch==2.11.0+cu130`')
  })

  it('a sentence that only sounds like it is not a solver verdict', () => {
    expect(explainBuild(['Because the cache was cold we can conclude nothing yet.']).reason).toBe('build-failed')
  })
})
