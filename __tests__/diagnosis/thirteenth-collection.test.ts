// The thirteenth collection's classes, read by the messages' general meaning: a file the app reads at import that its
// user may not read (a settings module, a secret; captured on the bases), pymongo's server selection timing out, a
// pydantic setting whose value is not the JSON its type needs, the shell's `Segmentation fault: 11` (macOS), a socket
// option the kernel refuses, a `List[X] | None` annotation on Python 3.9 pasted from its code line, and apk's older
// `unsatisfiable constraints` wording.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseBuildFailure } from '../../src/docker/build-output.js'
import { explain } from '../../src/diagnosis/explain.js'
import { SUITES, linesOf } from '../gunicorn/captured-logs.js'
import { byHandLog, contextFor, diagnose } from './context-helper.js'

const exited = (code: number) => ({ outcome: 'container-exited' as const, container: { running: false, exitCode: code } })

describe.each(SUITES)('a file the app reads at import and its user may not, captured on %s', (suite) => {
  it.each([
    ['module-unreadable', '/app/local_settings.py'],
    ['secret-unreadable', '/app/.secret']
  ])('%s is read-only-filesystem naming the file the user may not open', (name, file) => {
    const diagnosis = diagnose(contextFor(byHandLog(name, suite), exited(3)))
    expect(diagnosis.reason).toBe('read-only-filesystem')
    expect(diagnosis.summary).toContain(`The app may not open \`${file}\` while it loads`)
  })
})

it("pymongo's server selection timing out is database-unreachable naming the host and port", () => {
  const site = '/usr/local/lib/python3.6/site-packages/pymongo'
  const lines = linesOf([
    '[2023-07-17 08:29:57 +0000] [11] [ERROR] Exception in worker process',
    'Traceback (most recent call last):',
    '  File "/workspace/app/__init__.py", line 12, in <module>',
    '    db.command("ping")',
    `  File "${site}/topology.py", line 199, in _select_servers_loop`,
    '    self._error_message(selector))',
    'pymongo.errors.ServerSelectionTimeoutError: database:27017: timed out',
    '[2023-07-17 08:29:58 +0000] [7] [INFO] Reason: Worker failed to boot.'
  ])
  const diagnosis = diagnose(contextFor(lines, exited(3)))
  expect(diagnosis.reason).toBe('database-unreachable')
  expect(diagnosis.summary).toBe(
    'The app connects to MongoDB at `database` port 27017 while it loads (`__init__.py:12`), and the connection times out.'
  )
})

it("a pydantic setting whose value is not JSON is config-error naming the variable, and Docker's kept quotes in the remedy", () => {
  const lines = linesOf([
    '  File "pydantic/env_settings.py", line 131, in pydantic.env_settings.Config.parse_env_var',
    'json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)',
    '',
    'The above exception was the direct cause of the following exception:',
    '',
    'Traceback (most recent call last):',
    '  File "pydantic/env_settings.py", line 200, in pydantic.env_settings.EnvSettingsSource.__call__',
    'pydantic.env_settings.SettingsError: error parsing env var "takahe_error_emails"',
    '[2022-11-29 01:50:43 +0000] [10] [INFO] Worker exiting (pid: 10)'
  ])
  const diagnosis = diagnose(contextFor(lines, exited(3)))
  expect(diagnosis.reason).toBe('config-error')
  expect(diagnosis.summary).toContain('could not parse the environment variable `takahe_error_emails`')
  expect(diagnosis.summary).toContain('the value is not valid JSON')
  expect(diagnosis.remedy).toContain('`docker --env-file`')
})

it("the shell's `Segmentation fault: 11` (macOS, the signal's number) is native-crash", () => {
  const lines = linesOf([
    '2016-07-05 21:32:02 [10449] [INFO] Starting gunicorn 17.5',
    './digits-server: line 7: 10449 Segmentation fault: 11  $(command -v python) $(command -v gunicorn) --config gunicorn_config.py digits.webapp:app $@'
  ])
  expect(diagnose(contextFor(lines, exited(139))).reason).toBe('native-crash')
})

it('a socket option the kernel refuses is port-in-use naming the option, with the Gunicorn release that stopped setting it', () => {
  const lines = linesOf([
    '[2025-01-16 10:16:05 +0000] [240] [INFO] Starting gunicorn 19.7.1',
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.9/dist-packages/gunicorn/sock.py", line 44, in set_options',
    '    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)',
    'OSError: [Errno 95] Operation not supported'
  ])
  const diagnosis = diagnose(contextFor(lines, exited(1)))
  expect(diagnosis.reason).toBe('port-in-use')
  expect(diagnosis.summary).toContain('the kernel refused the socket option `SO_REUSEPORT` (`OSError: [Errno 95] Operation not supported`)')
  expect(diagnosis.remedy).toContain('19.8 and later set `SO_REUSEPORT` only with `--reuse-port`')
})

it('a `List[X] | None` annotation pasted from its code line, on Python 3.9, is syntax-error naming the Python', () => {
  const venv = '/home/user/.cache/pypoetry/virtualenvs/app-py3.9/lib/python3.9/site-packages'
  const lines = linesOf([
    '    parts: List[TranslatedPart] | None,',
    "TypeError: unsupported operand type(s) for |: '_GenericAlias' and 'NoneType'",
    '[2023-03-07 14:53:19 +0300] [7608] [INFO] Worker exiting (pid: 7608)',
    'Traceback (most recent call last):',
    `  File "${venv}/gunicorn/arbiter.py", line 525, in reap_workers`,
    '    raise HaltServer(reason, self.WORKER_BOOT_ERROR)',
    "gunicorn.errors.HaltServer: <HaltServer 'Worker failed to boot.' 3>"
  ])
  const diagnosis = diagnose(contextFor(lines, exited(3)))
  expect(diagnosis.reason).toBe('syntax-error')
  expect(diagnosis.summary).toContain('`parts: List[TranslatedPart] | None,`), which need Python 3.10 or later')
  expect(diagnosis.summary).toContain('the image runs Python 3.9')
})

it("apk's older `unsatisfiable constraints` wording is apt-package-not-found naming the package", () => {
  const repo = mkdtempSync(path.join(tmpdir(), 'thirteenth-'))
  try {
    const failure = parseBuildFailure(['', ' ERROR: unsatisfiable constraints:', '   python (missing):', '     required by: world[python]', '     '])
    const diagnosis = explain('build', { failure, workspace: repo, contextDir: repo, dockerfile: path.join(repo, 'Dockerfile') })!.diagnosis
    expect(diagnosis.reason).toBe('apt-package-not-found')
    expect(diagnosis.summary).toBe('`apk add` does not know the package `python`.')
  } finally {
    rmSync(repo, { recursive: true, force: true })
  }
})
