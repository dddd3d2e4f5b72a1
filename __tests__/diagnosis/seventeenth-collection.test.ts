// The seventeenth collection's classes, read by the messages' general meaning. The run: `*` for every interface in a
// bind (captured on the bases, with Gunicorn's debug dump of the bind as written), the app spec from that dump, the
// app's line where SQLite could not be opened, the workers' heartbeat file on a disk that failed, and a library's
// sentence at the end of a chain of missing imports. The build: pdm-backend's missing readme under uv, and a release's
// own setup refusing the running Python.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { SUITES, linesOf } from '../gunicorn/captured-logs.js'
import { byHandLog, contextFor, diagnose, exited, explainBuildLines, loadingTraceback } from './context-helper.js'

let repo: string
beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'seventeenth-build-'))
})
afterAll(() => rmSync(repo, { recursive: true, force: true }))

describe.each(SUITES)('output captured on %s', (suite) => {
  it('`*` for every interface is a bind Gunicorn cannot resolve: named as written, with the address to use', () => {
    const diagnosis = diagnose(contextFor(byHandLog('bind-star-debug', suite), exited(1)))
    expect(diagnosis.reason).toBe('config-error')
    expect(diagnosis.summary).toBe(
      "Gunicorn cannot bind `*:8000` (`('*', 8000)`): the host `*` in the bind address is no host name or address, so it never resolves."
    )
    expect(diagnosis.remedy).toBe('Write `0.0.0.0:8000` for every IPv4 interface (or `[::]:8000` for IPv6): Gunicorn takes no `*`.')
  })
})

describe('shapes only public logs show', () => {
  it("the app spec from Gunicorn's debug dump beside the module Python could not find", () => {
    const lines = linesOf([
      '[2022-12-27 14:40:05 +0000] [1] [DEBUG] Current configuration:',
      '  chdir: /code',
      '  default_proc_name: app.wsgi:application',
      '[2022-12-27 14:40:05 +0000] [1] [INFO] Starting gunicorn 20.1.0',
      ...loadingTraceback(
        '  File "<frozen importlib._bootstrap>", line 984, in _find_and_load_unlocked',
        "ModuleNotFoundError: No module named 'app'"
      ).map((line) => line.text)
    ])
    const diagnosis = diagnose(contextFor(lines, { ...exited(3), repoRoot: repo }))
    expect(diagnosis.reason).toBe('app-not-found')
    expect(diagnosis.summary).toContain('cannot import the app module `app` of `app.wsgi:application` it was told to load')
    expect(diagnosis.evidence).toContain('default_proc_name: app.wsgi:application')
  })

  it("SQLite's file that cannot be opened names the app's line, without the repository at hand", () => {
    const diagnosis = diagnose(
      contextFor(
        loadingTraceback(
          '  File "/srv/fccre/app.py", line 34, in <module>',
          '    db.create_all()',
          '  File "/srv/venv/lib/python3.11/site-packages/sqlalchemy/engine/default.py", line 622, in connect',
          '    return self.loaded_dbapi.connect(*cargs, **cparams)',
          'sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) unable to open database file'
        ),
        { ...exited(3), repoRoot: repo }
      )
    )
    expect(diagnosis.reason).toBe('database-unreachable')
    expect(diagnosis.summary).toMatch(/^The app opens SQLite while it loads \(`app\.py:34`\), and its database file cannot be opened/)
  })

  it("the workers' heartbeat file on a disk that failed is the temporary directory, not the app", () => {
    const lines = linesOf([
      '[2017-12-13 11:29:36 -0800] [10262] [ERROR] Exception in worker process',
      'Traceback (most recent call last):',
      '  File "/home/bot/env/lib/python3.6/site-packages/gunicorn/workers/base.py", line 68, in notify',
      '    self.tmp.notify()',
      '  File "/home/bot/env/lib/python3.6/site-packages/gunicorn/workers/workertmp.py", line 43, in notify',
      '    os.fchmod(self._tmp.fileno(), self.spinner)',
      'OSError: [Errno 5] Input/output error'
    ])
    const diagnosis = diagnose(contextFor(lines, exited(1)))
    expect(diagnosis.reason).toBe('read-only-filesystem')
    expect(diagnosis.summary).toBe(
      "Gunicorn's workers touch a heartbeat file in `/tmp` and the disk under it failed (`[Errno 5] Input/output error`): every worker dies on it, then the master."
    )
    expect(diagnosis.remedy).toContain('`--worker-tmp-dir /dev/shm`')
  })

  it("captured: Django's sentence at the end of the chain is quoted beside the driver it tried first", () => {
    const diagnosis = diagnose(contextFor(byHandLog('django-backend-missing'), exited(3)))
    expect(diagnosis.reason).toBe('missing-dependency')
    expect(diagnosis.summary).toMatch(
      /^The app needs `psycopg`, which is not installed in the image: `.*Error loading psycopg2 or psycopg module`\.$/
    )
  })
})

describe('build output', () => {
  const explainBuild = (lines: string[]) => explainBuildLines(lines, repo)

  it("pdm-backend's missing readme under uv is a file the image lacks, not a failed compile", () => {
    const got = explainBuild([
      'failed to solve: process "/bin/sh -c uv sync" did not complete successfully: exit code: 1',
      "raise ValidationError(e.args[0], e.key) from epdm.backend.exceptions.ValidationError: project.readme.file: Readme file not found ('README.md')"
    ])
    expect(got.reason).toBe('build-file-missing')
    expect(got.summary).toContain('which needs its readme `README.md`')
  })

  it("a release's own setup refusing the running Python is that release's, not a compile to fix", () => {
    const got = explainBuild([
      'Collecting uvloop==0.15.1',
      '  Using cached uvloop-0.15.1.tar.gz (2.1 MB)',
      '    ERROR: Command errored out with exit status 1:',
      "        raise RuntimeError('uvloop requires Python 3.7 or greater')",
      '    RuntimeError: uvloop requires Python 3.7 or greater'
    ])
    expect(got.reason).toBe('package-not-found')
    expect(got.summary).toContain('`uvloop` exists only for other Pythons: it requires Python `>=3.7`')
  })
})
