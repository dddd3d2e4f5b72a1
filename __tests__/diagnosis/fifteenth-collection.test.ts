// The fifteenth collection's classes, read by the messages' general meaning. The build: what Python 3.12 and Cython 3
// removed from under old releases' builds (distutils, pkgutil.ImpImporter, PyYAML's cython_sources), uv's older
// `Failed to fetch wheel` naming the package, a local path package uv's lock names and the image lacks, and hatchling's
// missing readme, which is no failed compile. The run: a library raising under the app's module-level code (captured
// on the bases), the app spec's own module not importable (app-not-found, captured), RHEL's /usr/lib64 standard
// library, supervisord's refusal of a program, the pip package of an import name in the summary, the line a timed-out
// worker was importing.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { SUITES, linesOf } from '../gunicorn/captured-logs.js'
import { byHandLog, contextFor, diagnose, exited, explainBuildLines } from './context-helper.js'

let repo: string
beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'fifteenth-build-'))
})
afterAll(() => rmSync(repo, { recursive: true, force: true }))

const explainBuild = (lines: string[]) => explainBuildLines(lines, repo)

describe('a build that today removed from under an old release', () => {
  it("uv's build of numpy 1.24 on Python 3.12 (distutils) names the package, the removal and the way out", () => {
    const got = explainBuild([
      'error: Failed to prepare distributions',
      '  Caused by: Failed to fetch wheel: numpy==1.24.4',
      '  Caused by: Build backend failed to determine requirements with `build_wheel()` (exit status: 1)',
      '    import distutils.core',
      "ModuleNotFoundError: No module named 'distutils'"
    ])
    expect(got).toEqual({
      reason: 'native-build-failed',
      summary: '`numpy` had to be compiled from source and its build failed: its build imports `distutils`, which Python 3.12 removed.',
      remedy: 'Require a release with a wheel for this Python (its build no longer needs distutils), or build FROM a Python 3.11 image.'
    })
  })

  it("pip's isolated build with an old pkg_resources on 3.12 (`pkgutil.ImpImporter`), the package unnamed", () => {
    const got = explainBuild([
      '#0 21.50           register_finder(pkgutil.ImpImporter, find_on_path)',
      "#0 21.50       AttributeError: module 'pkgutil' has no attribute 'ImpImporter'. Did you mean: 'zipimporter'?",
      '#0 21.50 error: subprocess-exited-with-error',
      '#0 21.50 × Getting requirements to build wheel did not run successfully.',
      '#0 21.50 ╰─> See above for output.'
    ])
    expect(got.reason).toBe('native-build-failed')
    expect(got.summary).toBe(
      'A package had to be compiled from source and its build failed: its build runs a setuptools (pkg_resources) older than Python 3.12, which removed `pkgutil.ImpImporter`.'
    )
  })

  it.each([
    ['with its Collecting line, as pip spelled it', ['INFO - Collecting pyyaml==6.0', 'INFO -       AttributeError: cython_sources'], '`pyyaml`'],
    [
      'alone, the package its error belongs to',
      ['#12 22.63           raise AttributeError(attr)', '#12 22.63       AttributeError: cython_sources'],
      '`PyYAML`'
    ]
  ])("PyYAML's setup under Cython 3 (`cython_sources`) %s", (_how, lines, named) => {
    const got = explainBuild(lines)
    expect(got.reason).toBe('native-build-failed')
    expect(got.summary).toContain(`${named} had to be compiled from source and its build failed: the isolated build installed Cython 3`)
    expect(got.summary).toContain('(`cython_sources`)')
    expect(got.remedy).toContain('`PyYAML>=6.0.1`')
  })

  it("a RUN step's own distutils import, with no word of pip's or uv's about a build, is not read as one", () => {
    const got = explainBuild([
      'Traceback (most recent call last):',
      '  File "/app/app.py", line 1, in <module>',
      "ModuleNotFoundError: No module named 'distutils'"
    ])
    expect(got.reason).not.toBe('native-build-failed')
  })
})

describe("the project's own files a sync needs", () => {
  it("uv's lock naming a local path package the image does not have yet is build-file-missing naming the path", () => {
    const got = explainBuild([
      '=> ERROR [stage-0 13/18] RUN --mount=type=cache,target=/root/.cache/uv     uv sync --group test --no-dev --frozen',
      '0.238 error: Failed to determine installation plan',
      '0.238   Caused by: Distribution not found at: file:///app/package'
    ])
    expect(got.reason).toBe('build-file-missing')
    expect(got.summary).toContain('installs the local package `/app/package` that the lock file names by its path')
    expect(got.remedy).toContain('`uv sync --frozen --no-install-workspace`')
  })

  it("hatchling's missing readme under uv's `Failed to build` is build-file-missing, not a failed compile", () => {
    const got = explainBuild([
      '#15 6.826   × Failed to build `horizon @ file:///app`',
      '#15 6.826   ├─> The build backend returned an error',
      '#15 6.826       OSError: Readme file does not exist: README.md'
    ])
    expect(got.reason).toBe('build-file-missing')
    expect(got.summary).toContain('which needs its readme `README.md`')
  })
})

describe.each(SUITES)('output captured on %s', (suite) => {
  it("a library raising under the app's module-level code is import-error naming the app's line", () => {
    const diagnosis = diagnose(contextFor(byHandLog('library-raises-at-import', suite), exited(3)))
    expect(diagnosis.reason).toBe('import-error')
    expect(diagnosis.summary).toContain('`flags_app.py:6` raises `json.decoder.JSONDecodeError: Expecting property name enclosed in double quotes')
    expect(diagnosis.summary).toContain('at `return json.loads(os.environ.get("FEATURE_FLAGS", "{enabled: true}"))`')
  })

  it("the app spec's own module not importable is app-not-found: the spec and the directory are what to fix", () => {
    const diagnosis = diagnose(contextFor(byHandLog('app-module-missing', suite), exited(3)))
    expect(diagnosis.reason).toBe('app-not-found')
    expect(diagnosis.summary).toContain('cannot import the app module `nosuchmodule` it was told to load')
    expect(diagnosis.remedy).toContain('`--chdir`')
  })
})

describe('shapes only public logs show', () => {
  const eb = (text: string) => `May 11 16:32:12 ip-172-31-28-216 web: ${text}`

  it("RHEL's standard library in /usr/lib64 is not taken for the app's code (Elastic Beanstalk)", () => {
    const lines = linesOf(
      [
        'Traceback (most recent call last):',
        'File "/var/app/venv/staging-LQM1lest/lib/python3.8/site-packages/gunicorn/util.py", line 359, in import_app',
        'mod = importlib.import_module(module)',
        'File "/usr/lib64/python3.8/importlib/__init__.py", line 127, in import_module',
        'return _bootstrap._gcd_import(name[level:], package, level)',
        'File "<frozen importlib._bootstrap>", line 973, in _find_and_load_unlocked',
        "ModuleNotFoundError: No module named 'application'"
      ].map(eb)
    )
    const diagnosis = diagnose(contextFor(lines, exited(3)))
    expect(diagnosis.reason).toBe('app-not-found')
    expect(diagnosis.summary).toContain('the app module `application`')
  })

  it("supervisord's refusal to exec a program (EACCES) is start-script-unrunnable naming it", () => {
    const lines = linesOf([
      "supervisor: couldn't exec /home/user/back/venv/bin/gunicorn_configuration: EACCES",
      'supervisor: child process was not spawned'
    ])
    const diagnosis = diagnose(contextFor(lines, exited(1)))
    expect(diagnosis.reason).toBe('start-script-unrunnable')
    expect(diagnosis.summary).toContain('`/home/user/back/venv/bin/gunicorn_configuration` is not executable')
  })

  it('an import name that is not its pip package names the package in the summary', () => {
    const lines = linesOf([
      '[2024-05-17 17:14:33 +0000] [12145] [ERROR] Exception in worker process',
      'Traceback (most recent call last):',
      '  File "/app/shop/settings.py", line 3, in <module>',
      '    import MySQLdb',
      "ModuleNotFoundError: No module named 'MySQLdb'"
    ])
    expect(diagnose(contextFor(lines, exited(3))).summary).toContain('`MySQLdb` (pip package `mysqlclient`)')
  })

  it("the system's own errors at import (a terminal gone: EIO) are not read as the app's line to fix", () => {
    const lines = linesOf([
      '[2026-01-19 10:00:00 +0000] [10] [ERROR] Exception in worker process',
      'Traceback (most recent call last):',
      '  File "/usr/lib/python3/dist-packages/gunicorn/util.py", line 359, in import_app',
      '    mod = importlib.import_module(module)',
      '  File "/app/main_model.py", line 540, in <module>',
      '    print("Initializing")',
      'OSError: [Errno 5] Input/output error'
    ])
    expect(diagnose(contextFor(lines, exited(3))).reason).not.toBe('import-error')
  })
})
