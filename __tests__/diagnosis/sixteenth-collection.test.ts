// The sixteenth collection's classes, read by the messages' general meaning. The build: a build system's time of day
// before every line, Poetry's own installer giving up, pip's hash check refusing a download (the packages named), a
// download the network cut (the package named), pip 1's `Running setup.py egg_info for package`. The run: a library
// asking for a package by name (`requires "python-multipart" to be installed`), an exception whose words are only on
// its raise line (captured on the bases), a variable refused in any exception's message, a module of the app's own
// package that the image lacks (captured), and the app spec's folder named while the server runs inside it (captured).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { SUITES } from '../gunicorn/captured-logs.js'
import { byHandLog, contextFor, diagnose, exited, explainBuildLines, loadingTraceback } from './context-helper.js'

let repo: string
beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'sixteenth-build-'))
})
afterAll(() => rmSync(repo, { recursive: true, force: true }))

const explainBuild = (lines: string[]) => explainBuildLines(lines, repo)

describe('build output in frames and words not read before', () => {
  it("a build system's time of day before every line: the legacy builder's step is read, and pip's refusal under it", () => {
    const got = explainBuild([
      '22:30:19 Step 6/10 : RUN pip3 install .',
      '22:30:19  ---> Running in d0fc155390e4',
      '22:30:26 error: externally-managed-environment',
      '22:30:26 ',
      '22:30:26 × This environment is externally managed',
      '22:30:26 ╰─> ',
      '22:30:26     The system-wide python installation should be maintained using the system',
      '22:30:26     package manager (apk) only.'
    ])
    expect(got.reason).toBe('installer-missing')
    expect(got.summary).toMatch(/^`RUN pip3 install \.` was refused the image's own Python/)
  })

  it("Poetry's own installer giving up leaves the stage without poetry, with the release it tried", () => {
    const got = explainBuild(['Installing Poetry (2.3.2): An error occurred. Removing partial environment.', 'Poetry installation failed.'])
    expect(got.reason).toBe('installer-missing')
    expect(got.summary).toContain('The official Poetry installer gave up in the failing step (installing Poetry 2.3.2), so `poetry` is not installed')
    expect(got.remedy).toContain('`poetry-installer-error-*.log`')
  })

  it("pip's hash check refusing a download names the package and says how the hashes are regenerated", () => {
    const got = explainBuild([
      '#12 26.43 ERROR: THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE. If you have updated the package versions, please update the hashes. Otherwise, examine the package contents carefully; someone may have tampered with them.',
      '#12 26.43     tensorflow==2.5.1 from https://files.pythonhosted.org/packages/63/b2/tensorflow-2.5.1-cp37-cp37m-manylinux2010_x86_64.whl (from calamari_ocr->-r ./requirements.txt (line 2)):',
      '#12 26.43         Expected sha256 5cebb9a548adfd5fdc6081df72db93488afbe02a60c4f7c60b94930d6b3fbfa6',
      '#12 26.43              Got        a0b27dae3ef99392814cb831e0115ac94947783f3513511201b092f072d79a28',
      '#12 ERROR: executor failed running [/bin/sh -c pip install -r requirements.txt]: exit code: 1'
    ])
    expect(got.reason).toBe('build-failed')
    expect(got.summary).toContain('pip refused `tensorflow`, whose download does not have the sha256 the requirements pin')
    expect(got.remedy).toContain('`pip-compile --generate-hashes`')
  })

  it('a download the network cut names the package pip was downloading, not the requirements', () => {
    const got = explainBuild([
      '#14 12.01 Collecting torch==2.3.1 (from -r requirements.txt (line 9))',
      '#14 12.30   Downloading torch-2.3.1-cp311-cp311-manylinux1_x86_64.whl (779.1 MB)',
      '#14 334.7 ERROR: Exception:',
      '#14 334.7 Traceback (most recent call last):',
      '#14 334.7     raise ReadTimeoutError(self._pool, None, "Read timed out.")',
      "#14 334.7 pip._vendor.urllib3.exceptions.ReadTimeoutError: HTTPSConnectionPool(host='files.pythonhosted.org', port=443): Read timed out.",
      '#14 ERROR: process "/bin/sh -c pip install --no-cache-dir -r requirements.txt" did not complete successfully: exit code: 2'
    ])
    expect(got.reason).toBe('build-failed')
    expect(got.summary).toContain("pip's download of `torch` failed on the network (`pip._vendor.urllib3.exceptions.ReadTimeoutError:")
    expect(got.remedy).toContain('`--default-timeout`')
  })

  it("a retry pip printed and got past is not the network's failure: the step's own last error is quoted", () => {
    const got = explainBuild([
      '#9 3.10 Collecting flask==3.0.2',
      "#9 9.20 WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'ReadTimeoutError(\"HTTPSConnectionPool(host='pypi.org', port=443): Read timed out. (read timeout=15)\")': /simple/flask/",
      '#9 12.40 Collecting werkzeug>=3.0.0',
      '#9 20.01 RuntimeError: the setup script refused this platform',
      '#9 ERROR: process "/bin/sh -c pip install -r requirements.txt" did not complete successfully: exit code: 1'
    ])
    expect(got.reason).toBe('build-failed')
    expect(got.summary).not.toContain('failed on the network')
    expect(got.summary).toContain('`RuntimeError: the setup script refused this platform`')
  })

  it("pip 1's metadata step names the package whose build lacks pg_config", () => {
    const got = explainBuild([
      '  Running setup.py egg_info for package psycopg2',
      '    Error: pg_config executable not found.',
      '----------------------------------------',
      'Command python setup.py egg_info failed with error code 1'
    ])
    expect(got.reason).toBe('native-build-failed')
    expect(got.summary).toBe('`psycopg2` had to be compiled from source and its build failed: `pg_config` is missing from the image.')
  })
})

describe.each(SUITES)('output captured on %s', (suite) => {
  it('an exception whose words are only on its raise line is read by them: the variable it refuses (missing-env)', () => {
    const diagnosis = diagnose(contextFor(byHandLog('message-in-raise-only', suite), exited(3)))
    expect(diagnosis.reason).toBe('missing-env')
    expect(diagnosis.summary).toContain('the environment variable `TOKEN`')
  })

  it("a module of the app's own package that the image lacks is import-error, never a package to install", () => {
    // Read without a repository at hand (this project's own src/ would be taken for the app's).
    const diagnosis = diagnose(contextFor(byHandLog('own-module-missing', suite), { ...exited(3), repoRoot: repo }))
    expect(diagnosis.reason).toBe('import-error')
    expect(diagnosis.summary).toBe(
      "`main.py:1` imports `src.routes.holidays`, a module of the app's own package `src` (its code runs from `/app/proj/src/`), and the image has no such module."
    )
    expect(diagnosis.remedy).toContain('add `src/routes/holidays.py` to the repository')
  })

  it('the app spec naming the folder the server already runs in (its name hyphenated) is app-not-found, quoted whole', () => {
    const diagnosis = diagnose(contextFor(byHandLog('spec-names-its-own-folder', suite), exited(3)))
    expect(diagnosis.reason).toBe('app-not-found')
    expect(diagnosis.summary).toContain('cannot import the app module `Line-Balances` it was told to load')
  })
})

describe('shapes only public logs show', () => {
  it('a library asking for a package by name at import is missing-dependency naming that package', () => {
    const diagnosis = diagnose(
      contextFor(
        loadingTraceback(
          '  File "/srv/pdf2md/pdf2md.py", line 348, in <module>',
          '    async def convert_file_to_markdown(file: UploadFile = File(...)):',
          '  File "/opt/venv/lib/python3.9/site-packages/fastapi/dependencies/utils.py", line 115, in ensure_multipart_is_installed',
          '    raise RuntimeError(multipart_not_installed_error) from None',
          'RuntimeError: Form data requires "python-multipart" to be installed. '
        ),
        exited(3)
      )
    )
    expect(diagnosis.reason).toBe('missing-dependency')
    expect(diagnosis.summary).toMatch(/^The app needs `python-multipart`/)
  })

  it.each([
    ['a sentence', 'RuntimeError: Please set the SECRET_KEY environment variable', 'SECRET_KEY'],
    ['env before a quoted name', "app.errors.StartupError: env 'API_TOKEN' not found", 'API_TOKEN']
  ])('a variable refused in any exception raised at import (%s) is missing-env naming it', (_how, exceptionLine, name) => {
    const diagnosis = diagnose(
      contextFor(loadingTraceback('  File "/app/settings.py", line 12, in <module>', '    check_environment()', exceptionLine), exited(3))
    )
    expect(diagnosis.reason).toBe('missing-env')
    expect(diagnosis.summary).toContain(`the environment variable \`${name}\``)
  })

  it('a variable that is set to a value the app refuses is its configuration, not a variable to pass', () => {
    const diagnosis = diagnose(
      contextFor(
        loadingTraceback(
          '  File "/app/settings.py", line 12, in <module>',
          '    check_environment()',
          'ValueError: the DATABASE_URL environment variable must be a valid URL'
        ),
        exited(3)
      )
    )
    expect(diagnosis.reason).toBe('config-error')
  })

  it("an exception that only names its class: Gunicorn's next line is not taken for its message", () => {
    const diagnosis = diagnose(
      contextFor(loadingTraceback('  File "/app/jobs.py", line 40, in <module>', '    raise SchedulerError()', 'jobs.SchedulerError'), exited(3))
    )
    expect(diagnosis.reason).toBe('unknown')
    expect(diagnosis.summary).toContain('`jobs.SchedulerError`')
    expect(diagnosis.summary).not.toContain('Worker exiting')
  })

  it('a known package missing under a folder of the same name is still missing-dependency', () => {
    const diagnosis = diagnose(
      contextFor(
        loadingTraceback(
          '  File "/srv/requests/app.py", line 3, in <module>',
          '    from requests.packages.urllib3.util.retry import Retry',
          "ModuleNotFoundError: No module named 'requests.packages'"
        ),
        exited(3)
      )
    )
    expect(diagnosis.reason).toBe('missing-dependency')
  })
})
