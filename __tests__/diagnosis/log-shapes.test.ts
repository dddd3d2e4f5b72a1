// Messages read by their general meaning rather than one log's wording: a config file without `.py`, Gunicorn's
// app-spec messages however indented, bind retries that name no errno, SIGKILLs of workers the log saw boot, a
// journal's program tag, a log that starts after `Starting gunicorn`. The captured lines are real output of the base
// images (`gunicorn-smoke-base:bookworm`, Gunicorn 20.1); the others follow the corpus's shapes.
import { toLogLines } from '../../src/gunicorn/log-parser.js'
import { contextFor, diagnose } from './context-helper.js'

const failed = (text: string, container: object = { running: false, exitCode: 1 }) =>
  diagnose(contextFor(toLogLines(text), { outcome: 'container-exited', container: { running: false, ...container } }))

describe('a config file without a .py name', () => {
  // `gunicorn -c gunicorn.conf app:app` with an INI-style file, captured on bookworm (trixie and forky print the same).
  const captured = [
    '!!!',
    '!!! WARNING: configuration file should have a valid Python extension.',
    '!!!',
    '',
    'Failed to read config file: gunicorn.conf',
    'Traceback (most recent call last):',
    '  File "/usr/lib/python3/dist-packages/gunicorn/app/base.py", line 111, in get_config_from_filename',
    '    spec.loader.exec_module(mod)',
    '  File "<frozen importlib._bootstrap_external>", line 936, in exec_module',
    '  File "<frozen importlib._bootstrap_external>", line 1074, in get_code',
    '  File "<frozen importlib._bootstrap_external>", line 1004, in source_to_code',
    '  File "<frozen importlib._bootstrap>", line 241, in _call_with_frames_removed',
    '  File "gunicorn.conf", line 2',
    '    bind = 0.0.0.0:8000',
    '              ^^',
    'SyntaxError: invalid syntax'
  ].join('\n')

  it('names the file and says Gunicorn loads it as Python, with the rename as the fix', () => {
    const d = failed(captured)
    expect(d.reason).toBe('config-error')
    expect(d.summary).toContain('`gunicorn.conf`')
    expect(d.summary).toContain('does not end in `.py`')
    expect(d.remedy).toContain('gunicorn.conf.py')
  })

  it('keeps the plain advice for a .py config that raised', () => {
    const d = failed(captured.replace(/gunicorn\.conf\b/g, 'gunicorn.conf.py'))
    expect(d.reason).toBe('config-error')
    expect(d.summary).not.toContain('does not end in')
  })

  it("reads Gunicorn 20.0's loader error behind a journal program tag", () => {
    const d = failed(
      [
        'web[812]: Failed to read config file: /srv/app/settings.ini',
        'web[812]: Traceback (most recent call last):',
        'web[812]:   File "/srv/venv/lib/python3.8/site-packages/gunicorn/app/base.py", line 100, in get_config_from_filename',
        'web[812]:     mod = importlib.util.module_from_spec(spec)',
        "web[812]: AttributeError: 'NoneType' object has no attribute 'loader'"
      ].join('\n')
    )
    expect(d.reason).toBe('config-error')
    expect(d.summary).toContain('settings.ini')
  })
})

describe("Gunicorn's app-spec messages", () => {
  it('reads them indented (a Markdown code block, a log viewer), naming the object', () => {
    const d = failed("    Failed to find attribute 'application' in 'wsgi'.", { exitCode: 4 })
    expect(d.reason).toBe('app-not-found')
    expect(d.summary).toContain('`application`')
  })

  it('says why a dotted attribute path is refused, and how to point at it', () => {
    const d = failed(
      ['[2024-03-01 10:00:00 +0000] [1] [INFO] Starting gunicorn 21.2.0', "Failed to parse 'app.server' as an attribute name or function call."].join(
        '\n'
      ),
      { exitCode: 4 }
    )
    expect(d.reason).toBe('app-not-found')
    expect(d.summary).toContain('`app.server`')
    expect(d.remedy).toContain('server = app.server')
  })
})

describe('bind retries', () => {
  const retries = (bind: string) =>
    [
      // Gunicorn's debug dump: one record, its settings on the lines after it.
      '[2024-05-02 09:37:03 +0200] [7] [DEBUG] Current configuration:',
      `  bind: ['${bind}']`,
      '[2024-05-02 09:37:03 +0200] [7] [INFO] Starting gunicorn 21.2.0',
      ...Array.from({ length: 3 }, () => '[2024-05-02 09:37:04 +0200] [7] [ERROR] Retrying in 1 second.')
    ].join('\n')

  it('without "Connection in use" or "Invalid address", for an unprivileged port: the address family, not another process', () => {
    const d = failed(retries('[::]:8000'))
    expect(d.reason).toBe('config-error')
    expect(d.summary).toContain('`[::]:8000`')
    expect(d.remedy).toContain('0.0.0.0:8000')
  })

  it('for a port below 1024 stay the privileged-port answer', () => {
    expect(failed(retries('0.0.0.0:80')).reason).toBe('port-in-use')
  })

  it('to an IPv6 address below 1024: the address family first, the privileged port once the run is known to be non-root', () => {
    const ipv6 = failed(retries('[::]:80'))
    expect(ipv6.reason).toBe('config-error')
    expect(ipv6.summary).toMatch(/IPv6 is disabled \(or, for a user that is not root, port 80: only root may bind below 1024\)\.$/)
    const lines = toLogLines(retries('[::]:80'))
    const settings = { port: 8000, timeoutSec: 60, healthPath: '/health', healthStatus: '200', user: '10001' }
    const asUser = diagnose(contextFor(lines, { outcome: 'container-exited', container: { running: false, exitCode: 1 }, settings }))
    expect(asUser.reason).toBe('port-in-use')
    const asRoot = diagnose(
      contextFor(lines, { outcome: 'container-exited', container: { running: false, exitCode: 1 }, settings: { ...settings, user: 'root' } })
    )
    expect(asRoot.reason).toBe('config-error')
  })

  it('with "Connection in use" stay port-in-use', () => {
    const d = failed(`${retries('0.0.0.0:8000')}\n[2024-05-02 09:37:04 +0200] [7] [ERROR] Connection in use: ('0.0.0.0', 8000)`)
    expect(d.reason).toBe('port-in-use')
  })
})

describe('SIGKILLs and timeouts', () => {
  const at = (s: number) => `[2022-07-06 10:16:${String(s).padStart(2, '0')} +0000]`

  it('keeps kills of workers the log saw boot, with no timeout of their own, as memory', () => {
    const d = failed(
      [
        `${at(1)} [7] [INFO] Booting worker with pid: 8`,
        `${at(1)} [7] [INFO] Booting worker with pid: 9`,
        `${at(2)} [7] [WARNING] Worker with pid 8 was terminated due to signal 9`,
        `${at(2)} [10] [INFO] Booting worker with pid: 10`,
        `${at(31)} [7] [CRITICAL] WORKER TIMEOUT (pid:9)`
      ].join('\n'),
      { running: true }
    )
    expect(d.reason).toBe('out-of-memory')
  })
})

describe('a log that starts after Starting gunicorn', () => {
  it('is not "Gunicorn never started" when the master logged in its own format', () => {
    const d = diagnose(
      contextFor(toLogLines('[ERROR] Worker (pid:30740) exited with code 23'), { outcome: 'boot-timeout', container: { running: true } })
    )
    expect(d.summary).not.toContain('never started')
  })

  it('still is when nothing of Gunicorn ran', () => {
    const d = diagnose(contextFor(toLogLines('waiting for the database…'), { outcome: 'boot-timeout', container: { running: true } }))
    expect(d.summary).toContain('never started')
  })
})
