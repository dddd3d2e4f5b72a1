// The twelfth collection's classes, read by the messages' general meaning: Kubernetes' service-link value in the bind
// (captured on the bases), a pid file the filesystem will not let Gunicorn rename over (a bind-mounted file, captured),
// an option glued to a blank by a line-continuation backslash, a console's bare column before each line, Gunicorn's
// own module raising while Gunicorn is imported, a log cut inside pymongo's server selection, and pip 9's words for a
// failed source build.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseBuildFailure } from '../../src/docker/build-output.js'
import { explain } from '../../src/diagnosis/explain.js'
import { SUITES, linesOf } from '../gunicorn/captured-logs.js'
import { byHandLog, contextFor, diagnose } from './context-helper.js'

let repo: string
beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'twelfth-'))
})
afterAll(() => rmSync(repo, { recursive: true, force: true }))

const exited = (code: number) => ({ outcome: 'container-exited' as const, container: { running: false, exitCode: code } })

describe.each(SUITES)("Kubernetes' service-link value as the port, captured on %s", (suite) => {
  it("names the value, and the app's port variable the config file reads", () => {
    writeFileSync(path.join(repo, 'gunicorn.conf.py'), "import os\n\nbind = f\"[::]:{os.environ.get('PAPERLESS_PORT', '8000')}\"\n")
    writeFileSync(path.join(repo, 'Dockerfile'), 'FROM python:3.12-slim\nCMD ["gunicorn", "-c", "gunicorn.conf.py", "hello:app"]\n')
    const diagnosis = diagnose(contextFor(byHandLog('service-link-port', suite), { ...exited(1), repoRoot: repo }))
    expect(diagnosis.reason).toBe('config-error')
    expect(diagnosis.summary).toContain('`tcp://10.43.223.199:8000`, the value Kubernetes sets `<SERVICE>_PORT` to')
    expect(diagnosis.summary).toContain('`PAPERLESS_PORT`')
    expect(diagnosis.remedy).toContain('`PAPERLESS_PORT=8000`')
    expect(diagnosis.remedy).toContain('`enableServiceLinks: false`')
  })
})

describe.each(SUITES)('a pid file the filesystem will not let Gunicorn rename over (a bind-mounted file), captured on %s', (suite) => {
  it('is read-only-filesystem naming the pid file and the errno', () => {
    const diagnosis = diagnose(contextFor(byHandLog('pidfile-rename-busy', suite), exited(1)))
    expect(diagnosis.reason).toBe('read-only-filesystem')
    expect(diagnosis.summary).toContain('its pid file `/app/busy.pid`')
    expect(diagnosis.summary).toContain('`[Errno 16] Device or resource busy`')
    expect(diagnosis.remedy).toContain('`/tmp/gunicorn.pid`')
  })
})

describe("argparse's rejection of an option glued to a blank", () => {
  it("is Gunicorn's own: config-error, the backslash named; an app's parser rejecting Gunicorn's options stays crash-loop", () => {
    // A public log's line (a compose `command:` that kept a line-continuation backslash).
    const glued = diagnose(contextFor(linesOf(['`gunicorn: error: unrecognized arguments:  --workers 4`']), exited(2)))
    expect(glued.reason).toBe('config-error')
    expect(glued.summary).toContain('the first begins with a blank, so `--workers` was not read as an option')
    expect(glued.remedy).toContain('without backslashes at the ends of its lines')
    const byApp = diagnose(
      contextFor(
        linesOf([
          '[2024-03-01 10:00:00 +0000] [1] [INFO] Starting gunicorn 21.2.0',
          '[2024-03-01 10:00:00 +0000] [7] [INFO] Booting worker with pid: 7',
          'usage: gunicorn [-h] [--debug]',
          'gunicorn: error: unrecognized arguments: --workers 4 app:app',
          '[2024-03-01 10:00:01 +0000] [7] [INFO] Worker exiting (pid: 7)'
        ]),
        { outcome: 'unstable', container: { running: true } }
      )
    )
    expect(byApp.reason).toBe('crash-loop')
  })
})

it("a console's bare column before each line (OpenShift's log view) is read through", () => {
  const lines = linesOf(['usage: gunicorn [OPTIONS] [APP_MODULE]', '--', '  | gunicorn: error: argument -w/--workers: expected one argument'])
  const diagnosis = diagnose(contextFor(lines, exited(2)))
  expect(diagnosis.reason).toBe('config-error')
  expect(diagnosis.summary).toContain("Gunicorn's `--workers` option was given without a value")
})

it("Gunicorn's own module raising while Gunicorn is imported is missing-dependency: the release does not run on the image", () => {
  // A public log: Gunicorn 20.0.0 on Alpine, where ctypes finds no C library.
  const site = '/usr/local/lib/python3.7/site-packages/gunicorn'
  const lines = linesOf([
    'Traceback (most recent call last):',
    '  File "/usr/local/bin/gunicorn", line 5, in <module>',
    '    from gunicorn.app.wsgiapp import run',
    `  File "${site}/app/wsgiapp.py", line 9, in <module>`,
    '    from gunicorn.app.base import Application',
    `  File "${site}/arbiter.py", line 16, in <module>`,
    '    from gunicorn import sock, systemd, util',
    `  File "${site}/socketfromfd.py", line 26, in <module>`,
    "    raise OSError('libc not found')",
    'OSError: libc not found'
  ])
  const diagnosis = diagnose(contextFor(lines, exited(1)))
  expect(diagnosis.reason).toBe('missing-dependency')
  expect(diagnosis.summary).toBe(
    'Gunicorn itself fails to import in this image: its own `gunicorn/socketfromfd.py:26` raised `OSError: libc not found` before it read ' +
      'any configuration, so the installed Gunicorn release does not run here.'
  )
  // The app's own import at module level is not Gunicorn's.
  const appRaised = linesOf([
    ...lines.slice(0, 3).map((l) => l.text),
    '  File "/app/app.py", line 3, in <module>',
    "    raise OSError('no config')",
    'OSError: no config'
  ])
  expect(diagnose(contextFor(appRaised, exited(1))).summary).not.toContain('Gunicorn itself fails to import')
})

it("a log cut inside pymongo's server selection is database-unreachable for MongoDB", () => {
  const site = '/usr/local/lib/python3.9/site-packages/pymongo'
  const lines = linesOf([
    '2024-07-12 10:54:38   File "Helpers.pyx", line 3234, in Helpers.DBHelper.__init__',
    `2024-07-12 10:54:38   File "${site}/database.py", line 1468, in authenticate`,
    '2024-07-12 10:54:38     self.client._cache_credentials(',
    `2024-07-12 10:54:38   File "${site}/mongo_client.py", line 749, in _cache_credentials`,
    '2024-07-12 10:54:38     server = self._get_topology().select_server(',
    `2024-07-12 10:54:38   File "${site}/topology.py", line 233, in select_server`,
    '2024-07-12 10:54:38     return random.choice(self.select_servers(selector,'
  ])
  const diagnosis = diagnose(contextFor(lines, exited(1)))
  expect(diagnosis.reason).toBe('database-unreachable')
  expect(diagnosis.summary).toContain('MongoDB')
  expect(diagnosis.summary).toContain('`select_server` in `pymongo/topology.py`')
})

it('pip 9\'s failed source build (`Command "python setup.py egg_info" failed`) is native-build-failed naming what it missed', () => {
  const failure = parseBuildFailure([
    'Collecting mysqlclient (from -r requirements.txt (line 3))',
    '  Downloading mysqlclient-1.3.12.tar.gz (89kB)',
    '    Complete output from command python setup.py egg_info:',
    '    /bin/sh: mysql_config: not found',
    '    OSError: mysql_config not found',
    '    ----------------------------------------',
    'Command "python setup.py egg_info" failed with error code 1 in /tmp/pip-build-d8t1b9s4/mysqlclient/'
  ])
  const diagnosis = explain('build', { failure, workspace: repo, contextDir: repo, dockerfile: path.join(repo, 'Dockerfile') })!.diagnosis
  expect(diagnosis.reason).toBe('native-build-failed')
  expect(diagnosis.summary).toBe('`mysqlclient` had to be compiled from source and its build failed: `mysql_config` is missing from the image.')
})
