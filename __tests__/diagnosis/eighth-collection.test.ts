// The eighth collection's classes, read by the messages' general meaning: libpq's message continued on indented
// lines after a chained exception, where a worker killed for its timeout was (an installed package's frame), a log
// that starts inside a cycle of timeouts, what an app logs without a traceback before its worker exits (a write it
// could not make, a variable it refuses), an exception message that starts on the next line, a system library a
// compiled module needs and the image lacks (captured for real in fail-missing-shared-library), Azure's and ECS's own
// words, a worker exit code that is a native signal's shell form, a pip build cut before
// pip names the package, mysqlclient's own word for a missing pkg-config, and uv's reasoning pasted without its
// `No solution found` header.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseBuildFailure } from '../../src/docker/build-output.js'
import { explain } from '../../src/diagnosis/explain.js'
import { linesOf } from '../gunicorn/captured-logs.js'
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

  it('the cycle seen once (kills, their replacements booted, the replacements time out where the log ends): worker-timeout', () => {
    const lines = linesOf([
      '[2022-07-06 10:16:01 +0000] [1] [WARNING] Worker with pid 5099 was terminated due to signal 9',
      '[2022-07-06 10:16:01 +0000] [1] [WARNING] Worker with pid 5101 was terminated due to signal 9',
      '[2022-07-06 10:16:01 +0000] [5294] [INFO] Booting worker with pid: 5294',
      '[2022-07-06 10:16:01 +0000] [5295] [INFO] Booting worker with pid: 5295',
      '[2022-07-06 10:16:31 +0000] [1] [CRITICAL] WORKER TIMEOUT (pid:5294)',
      '[2022-07-06 10:16:31 +0000] [1] [CRITICAL] WORKER TIMEOUT (pid:5295)'
    ])
    expect(diagnose(contextFor(lines, { container: { running: true } })).reason).toBe('worker-timeout')
  })

  it('a worker that timed out but was not one of the replacements leaves the kills unexplained: memory', () => {
    const lines = linesOf([
      '[2022-07-06 10:16:01 +0000] [1] [WARNING] Worker with pid 5099 was terminated due to signal 9',
      '[2022-07-06 10:16:01 +0000] [1] [WARNING] Worker with pid 5101 was terminated due to signal 9',
      '[2022-07-06 10:16:01 +0000] [5294] [INFO] Booting worker with pid: 5294',
      '[2022-07-06 10:16:31 +0000] [1] [CRITICAL] WORKER TIMEOUT (pid:4000)'
    ])
    expect(diagnose(contextFor(lines, { container: { running: true } })).reason).toBe('out-of-memory')
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

  it('a note that the app goes on without it is not a refusal', () => {
    expect(diagnose(contextFor(worker(['INFO: REDIS_URL not set, caching disabled']))).reason).not.toBe('missing-env')
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

describe("hosts' and Gunicorn's own words for a boot that did not hold", () => {
  const G = (pid: number, level: string, message: string) => `[2024-05-01 10:00:05 +0000] [${pid}] [${level}] ${message}`
  const booted = [
    G(1, 'INFO', 'Starting gunicorn 22.0.0'),
    G(1, 'INFO', 'Listening at: http://0.0.0.0:8000 (1)'),
    G(8, 'INFO', 'Booting worker with pid: 8')
  ]

  it("Azure App Service's HTTP pings on the port: the host's port verdict", () => {
    const lines = linesOf([
      '2024-05-01T10:05:00.123Z ERROR - Container web_0_abc for site web did not start within expected time limit. Elapsed time = 230.5 sec',
      "2024-05-01T10:05:00.200Z ERROR - Container web_0_abc didn't respond to HTTP pings on port: 8000, failing site start. See container logs for debugging."
    ])
    const diagnosis = diagnose(contextFor(lines, { container: { running: false, exitCode: 1 } }))
    expect(diagnosis.reason).toBe('boot-timeout')
    expect(diagnosis.summary).toMatch(/^Azure App Service \(HTTP pings\) found nothing listening/)
  })

  it("Amazon ECS's stopped reason for memory: out-of-memory, said by the host, not an exception the app raised", () => {
    const lines = linesOf(['Stopped reason OutOfMemoryError: Container killed due to memory usage', 'Exit Code 137'])
    const diagnosis = diagnose(contextFor(lines, { container: { running: false, exitCode: 137 } }))
    expect(diagnosis.reason).toBe('out-of-memory')
    expect(diagnosis.summary).toBe('Amazon ECS (stopped reason) stopped the app for using too much memory.')
  })

  it('workers that exit with the shell form of SIGSEGV (139) died of it: native-crash', () => {
    const lines = linesOf([
      ...booted,
      G(1, 'ERROR', 'Worker (pid:8) exited with code 139'),
      G(9, 'INFO', 'Booting worker with pid: 9'),
      G(1, 'ERROR', 'Worker (pid:9) exited with code 139')
    ])
    const diagnosis = diagnose(contextFor(lines, { container: { running: true }, outcome: 'unstable' }))
    expect(diagnosis.reason).toBe('native-crash')
    expect(diagnosis.summary).toContain('2 × `Worker (pid:8) exited with code 139`, i.e. 128 + SIGSEGV')
  })

  it('an ordinary exit code is not a signal', () => {
    const lines = linesOf([
      ...booted,
      G(1, 'ERROR', 'Worker (pid:8) exited with code 1'),
      G(9, 'INFO', 'Booting worker with pid: 9'),
      G(1, 'ERROR', 'Worker (pid:9) exited with code 1')
    ])
    expect(diagnose(contextFor(lines, { container: { running: true }, outcome: 'unstable' })).reason).not.toBe('native-crash')
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

  it('cut so that only the step start and a line of the output are left, without a tool named: the source build that failed, no tool claimed', () => {
    const diagnosis = explainBuild(cutBuild('running egg_info'))
    expect(diagnosis.reason).toBe('native-build-failed')
    expect(diagnosis.summary).toBe('`mysqlclient` had to be compiled from source and its build failed.')
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
