// The fourteenth collection's classes, read by the messages' general meaning and, where one can be made, on output
// captured on the three bases: a configuration file the app opens at import that is not there, a value that kept
// its inline comment, module-level code raising while Gunicorn imports the app, Gunicorn's usage errors under another
// program name, a launcher before Gunicorn that the image lacks, a start script with Windows line endings run by sh,
// Railway's stream tags, a flattened traceback's code lines, a bind host no host can be spelled with, a worker class
// its module does not have, a virtualenv a start script names relative to itself; and in the build, pip's native
// builds as they are cut and wrapped, Poetry's package not copied, a VCS requirement without git, no pip at all, and
// Pipenv without the Pipfile's Python.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { SUITES, linesOf } from '../gunicorn/captured-logs.js'
import { byHandLog, contextFor, diagnose, exited, explainBuildLines } from './context-helper.js'

describe.each(SUITES)('output captured on %s', (suite) => {
  it('a configuration file opened at import by a relative path is config-error naming the file and the relative path', () => {
    const diagnosis = diagnose(contextFor(byHandLog('config-file-missing', suite), exited(3)))
    expect(diagnosis.reason).toBe('config-error')
    expect(diagnosis.summary).toContain('opens its configuration file `config/app.json` at import (`config_app.py:3`), a path relative to')
    expect(diagnosis.remedy).toContain('`--chdir`')
  })

  it("an env file's value that kept its comment is config-error naming the value and what it is without the comment", () => {
    const diagnosis = diagnose(contextFor(byHandLog('inline-comment', suite), exited(3)))
    expect(diagnosis.reason).toBe('config-error')
    expect(diagnosis.summary).toContain("A setting's value is `18000 # in seconds`: its inline comment became part of it")
    expect(diagnosis.remedy).toContain('the value is `18000` only without it')
  })

  it('module-level code raising a TypeError at import is import-error naming its line and its code', () => {
    const diagnosis = diagnose(contextFor(byHandLog('module-code-raises', suite), exited(3)))
    expect(diagnosis.reason).toBe('import-error')
    expect(diagnosis.summary).toContain("`static_app.py:4` raises `TypeError: unsupported operand type(s) for +: 'PosixPath' and 'str'`")
    expect(diagnosis.summary).toContain('at `STATIC_ROOT = BASE_DIR + "/static"`')
  })

  it("Gunicorn's usage error under another program name is config-error with the option it rejected", () => {
    const diagnosis = diagnose(contextFor(byHandLog('renamed-gunicorn-usage', suite), exited(2)))
    expect(diagnosis.reason).toBe('config-error')
    expect(diagnosis.summary).toContain("argument -m/--umask: invalid auto_int value: 'uvicorn'")
  })

  it("a launcher the image lacks (dash's `exec: newrelic-admin: not found`) is missing-dependency naming the package that brings it", () => {
    const diagnosis = diagnose(contextFor(byHandLog('launcher-missing', suite), exited(127)))
    expect(diagnosis.reason).toBe('missing-dependency')
    expect(diagnosis.summary).toBe('The container could not start: `newrelic-admin` is not installed in the image.')
    expect(diagnosis.remedy).toContain('Add `newrelic` (which brings `newrelic-admin`)')
  })

  it("the app's module written as its file's path is app-not-found with the dotted name to use", () => {
    const diagnosis = diagnose(contextFor(byHandLog('module-as-path', suite), exited(3)))
    expect(diagnosis.reason).toBe('app-not-found')
    expect(diagnosis.summary).toContain("file path as the application's module (`src/line/app`)")
    expect(diagnosis.remedy).toContain('`src.line.app:app`')
  })

  it('a start script with Windows line endings run by sh is start-script-unrunnable naming the script', () => {
    const diagnosis = diagnose(contextFor(byHandLog('crlf-sourced', suite), exited(2)))
    expect(diagnosis.reason).toBe('start-script-unrunnable')
    expect(diagnosis.summary).toContain('The start script `/app/prestart.sh` has Windows (CRLF) line endings: the shell reads each command')
  })
})

describe('the shapes only public logs show', () => {
  it("dash's carriage-return refusal as a terminal showed it (`: not found2: /app/prestart.sh:`) names the script", () => {
    const lines = linesOf(['Checking for script in /app/prestart.sh', 'Running script /app/prestart.sh', ': not found2: /app/prestart.sh:'])
    const diagnosis = diagnose(contextFor(lines, exited(1)))
    expect([diagnosis.reason, diagnosis.summary]).toEqual([
      expect.stringMatching(/^start-script-unrunnable$/),
      expect.stringContaining('`/app/prestart.sh`')
    ])
  })

  it("Railway's `[err]` tag is stripped like the other hosts' prefixes, and of a traceback delivered twice the copy that ends in the file is read", () => {
    const railway = (text: string) => `2025-12-30T18:59:29.775Z [err]  ${text}`
    const lines = linesOf(
      [
        '  File "/app/src/services/__init__.py", line 3, in <module>',
        '    from src.services.verification import verify_claim_logic',
        '  File "/app/src/services/verification.py", line 40',
        '    token_tracker.reset()',
        'IndentationError: unexpected indent',
        'Traceback (most recent call last):',
        '  File "/app/src/__init__.py", line 2, in <module>',
        '    from src.app import app',
        'IndentationError: unexpected indent'
      ].map(railway)
    )
    const diagnosis = diagnose(contextFor(lines, exited(3)))
    expect(diagnosis.reason).toBe('syntax-error')
    expect(diagnosis.summary).toBe('`/app/src/services/verification.py:40` has an IndentationError: unexpected indent.')
  })

  it("a traceback whose lines lost their indentation (a syslog drain) keeps each frame's code line", () => {
    const web = (text: string) => `Jul  9 03:21:00 ip-172-31-17-178 web: ${text}`
    const lines = linesOf(
      [
        'Traceback (most recent call last):',
        'File "/var/app/venv/staging/lib/python3.7/site-packages/gunicorn/util.py", line 359, in import_app',
        'mod = importlib.import_module(module)',
        'File "/var/app/current/manga_api/settings.py", line 124, in <module>',
        "STATIC_ROOT= os.path.join(BASE_DIR+'static/')",
        "TypeError: unsupported operand type(s) for +: 'PosixPath' and 'str'"
      ].map(web)
    )
    const diagnosis = diagnose(contextFor(lines, exited(3)))
    expect(diagnosis.reason).toBe('import-error')
    expect(diagnosis.summary).toContain("at `STATIC_ROOT= os.path.join(BASE_DIR+'static/')`")
  })

  it('a bind host with a character no host has (`-bind=…` read as `-b ind=…`) is config-error, not another process on the port', () => {
    const lines = linesOf([
      '[2018-12-17 11:38:03 +0000] [7121] [INFO] Starting gunicorn 19.9.0',
      '[2018-12-17 11:38:03 +0000] [7121] [ERROR] Retrying in 1 second.',
      "[2018-12-17 11:38:08 +0000] [7121] [ERROR] Can't connect to ('ind=0.0.0.0', 80)"
    ])
    const diagnosis = diagnose(contextFor(lines, exited(1)))
    expect(diagnosis.reason).toBe('config-error')
    expect(diagnosis.summary).toContain('the host `ind=0.0.0.0` in the bind address is no host name or address')
    expect(diagnosis.remedy).toContain('`--bind 0.0.0.0:80`')
    // A host name that may simply not resolve yet stays the retry's own reading.
    const named = linesOf([lines[0].text, lines[1].text, "[2018-12-17 11:38:08 +0000] [7121] [ERROR] Can't connect to ('db', 80)"])
    expect(diagnose(contextFor(named, exited(1))).reason).not.toBe('config-error')
  })

  it('a worker class whose module has no such class names the module and the class', () => {
    const lines = linesOf([
      "Error: class uri 'egg:meinheld#gunicorn_worker' invalid or not found: ",
      '',
      '[Traceback (most recent call last):',
      '  File "/usr/local/lib/python3.3/site-packages/gunicorn/util.py", line 112, in load_class',
      '    return pkg_resources.load_entry_point(dist, section, name)',
      "ImportError: <module 'meinheld.gmeinheld' from '/usr/local/lib/python3.3/site-packages/meinheld/gmeinheld.py'> has no 'MeinheldWorker' attribute",
      ']'
    ])
    const diagnosis = diagnose(contextFor(lines, exited(1)))
    expect(diagnosis.reason).toBe('worker-class-unavailable')
    expect(diagnosis.summary).toContain('module `meinheld.gmeinheld` imports, and has no `MeinheldWorker` in it')
  })

  it("a start script's virtualenv named relative to it is venv-unusable naming Gunicorn's program over the python looked for first", () => {
    const lines = linesOf([
      './scripts/entrypoint.sh: line 24: ./venv/bin/python: No such file or directory',
      './scripts/entrypoint.sh: line 37: ./venv/bin/gunicorn: No such file or directory'
    ])
    const diagnosis = diagnose(contextFor(lines, exited(1)))
    expect(diagnosis.reason).toBe('venv-unusable')
    expect(diagnosis.summary).toContain('The start command runs `./venv/bin/gunicorn`')
  })
})

describe('build output', () => {
  let repo: string
  beforeAll(() => {
    repo = mkdtempSync(path.join(tmpdir(), 'fourteenth-build-'))
  })
  afterAll(() => rmSync(repo, { recursive: true, force: true }))
  const explainBuild = (lines: string[]) => explainBuildLines(lines, repo)

  it.each([
    [
      "Cargo's own message, under a source archive's name spelled with `_`",
      [
        '#6 4.061   Downloading rpds_py-0.7.1.tar.gz (15 kB)',
        '#6 5.761   error: subprocess-exited-with-error',
        '#6 5.761       Cargo, the Rust package manager, is not installed or is not on PATH.'
      ],
      '`rpds-py` had to be compiled from source and its build failed: `Cargo` is missing from the image.'
    ],
    [
      "a bundled configure script's missing compiler",
      [
        '#13 22.41       Running \'(cd  "/tmp/pip-install-p_8vi_v7/gevent_50e2e051de3041f6bdfd81b6ce1f0caf/deps/libev"  && sh ./configure -C > configure-output.txt )\'',
        '#13 22.41       configure: error: C compiler cannot create executables'
      ],
      '`gevent` had to be compiled from source and its build failed: `gcc` is missing from the image.'
    ],
    [
      "Pillow's own words for a library it did not find",
      [
        "Running setup.py bdist_wheel for pillow: finished with status 'error'",
        'The headers or library files could not be found for jpeg,',
        'a required dependency when compiling Pillow from source.'
      ],
      '`pillow` had to be compiled from source and its build failed: `jpeg` is missing from the image.'
    ],
    [
      "lxml's config script, under pip 9's frame",
      [
        "  Running setup.py bdist_wheel for lxml: finished with status 'error'",
        '  Complete output from command /usr/local/bin/python -u -c "import setuptools, tokenize;__file__=\'/tmp/pip-install-xee8tnqv/lxml/setup.py\'"',
        "  ERROR: b'/bin/sh: xslt-config: not found\\n'"
      ],
      '`lxml` had to be compiled from source and its build failed: `xslt-config` is missing from the image.'
    ],
    [
      "pip's frame wrapped by the paste, pkg-config missing",
      ['#28 5.503   × Getting requirements to build wheel did not run', '    successfully.', '#28 5.503       /bin/sh: 1: pkg-config: not found'],
      'A package had to be compiled from source and its build failed: `pkg-config` is missing from the image.'
    ],
    [
      "pip's summary lines alone",
      ['Failed to build cryptography', '#11 145.6 ERROR: Could not build wheels for cryptography which use PEP 517 and cannot be installed directly'],
      '`cryptography` had to be compiled from source and its build failed.'
    ],
    [
      'a metadata step that failed right after a source download, its message cut',
      [
        '#24 221.9 Collecting pydantic-core==2.20.1 (from pydantic==2.8.2->-r requirements.txt (line 19))',
        '#24 221.9   Downloading pydantic_core-2.20.1.tar.gz (388 kB)',
        "#24 231.2   Preparing metadata (pyproject.toml): finished with status 'error'",
        '#24 231.2   error: subprocess-exited-with-error'
      ],
      '`pydantic-core` had to be compiled from source and its build failed.'
    ]
  ])('native-build-failed from %s', (_what, lines, summary) => {
    expect(explainBuild(lines)).toMatchObject({ reason: 'native-build-failed', summary })
  })

  it('pip asked only to point back (`See above for output.`) is not taken for a package name', () => {
    const got = explainBuild([
      '#21 22.58       Cargo, the Rust package manager, is not installed or is not on PATH.',
      '#21 22.58   note: This error originates from a subprocess, and is likely not a problem with pip.',
      '#21 22.59 × Encountered error while generating package metadata.',
      '#21 22.59 ╰─> See above for output.'
    ])
    expect(got.summary).toBe('A package had to be compiled from source and its build failed: `Cargo` is missing from the image.')
  })

  it("Poetry's package directory not yet copied when it installs the project is build-file-missing naming it", () => {
    const got = explainBuild([
      '29.10 Installing the current project: ai-vocabulary-builder (1.4.1)',
      '29.11 /app/voc_builder does not contain any element',
      'ERROR: failed to solve: process "/bin/sh -c poetry install --no-interaction --no-ansi" did not complete successfully: exit code: 1'
    ])
    expect(got.reason).toBe('build-file-missing')
    expect(got.summary).toContain('installs the project itself, which needs its package `voc_builder`')
    expect(got.remedy).toContain('`poetry install --no-root`')
  })

  it('a VCS requirement without git in the image is build-failed naming git, with the install line', () => {
    const got = explainBuild([
      'remote:   Error [Errno 2] No such file or directory while executing command git clone -q https://github.com/mitsuhiko/flask.git /src/flask',
      "remote: Cannot find command 'git'"
    ])
    expect(got.reason).toBe('build-failed')
    expect(got.summary).toContain('pip needs `git` to fetch a requirement from its repository')
    expect(got.remedy).toContain('apt-get install -y --no-install-recommends git')
  })

  it.each([
    ['/bin/sh: pip: not found', 'Step 6 : RUN pip install --no-cache-dir -r /usr/src/app/requirements.txt'],
    ['/usr/bin/python3: No module named pip', 'Step 4/6 : RUN python3 -m pip install -r requirements.txt']
  ])('no pip in the image (%s) is installer-missing with the image that has it', (said, step) => {
    const got = explainBuild([step, said, "The command '/bin/sh -c pip install' returned a non-zero code: 127"])
    expect(got.reason).toBe('installer-missing')
    expect(got.summary).toContain('`pip` is not installed in the failing stage')
    expect(got.remedy).toContain('`python:3.x-slim`')
  })

  it("Pipenv without the Pipfile's Python is package-not-found naming the version and its setting", () => {
    const got = explainBuild([
      '#11 1.618 Warning: Python 3.9 was not found on your system...',
      "#11 1.620 Neither 'pyenv' nor 'asdf' could be found to install Python."
    ])
    expect(got.reason).toBe('package-not-found')
    expect(got.summary).toContain('The project requires Python `3.9` (`python_version`)')
    expect(got.summary).toContain('pipenv stops before installing anything')
  })
})
