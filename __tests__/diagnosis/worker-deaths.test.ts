// How workers die outside a Python traceback, captured on the bases (scripts/capture-worker-deaths.sh): glibc's abort,
// a request aborted for its timeout whose WORKER TIMEOUT line is not in the paste, a port below 1024 refused to a user
// that is not root, `python -m gunicorn` without Gunicorn; and the shapes around them written as users post them.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { byHandLog, contextFor, diagnose } from './context-helper.js'
import { linesOf, SUITES } from '../gunicorn/captured-logs.js'

const exited = { container: { running: false, exitCode: 1 } }
const ts = '[2025-06-01 10:00:00 +0000]'
const gunicorn = (pid: number, level: string, message: string) => `${ts} [${pid}] [${level}] ${message}`
const booted = [
  gunicorn(1, 'INFO', 'Starting gunicorn 23.0.0'),
  gunicorn(1, 'INFO', 'Listening at: http://0.0.0.0:8000 (1)'),
  gunicorn(1, 'INFO', 'Using worker: sync'),
  gunicorn(7, 'INFO', 'Booting worker with pid: 7')
]

describe('a worker glibc aborted (captured on each base)', () => {
  it.each(SUITES)("%s: the allocator's words, and not a timeout", (suite) => {
    const diagnosis = diagnose(contextFor(byHandLog('native-abort', suite), exited))
    expect(diagnosis.reason).toBe('native-crash')
    expect(diagnosis.summary).toMatch(
      /^A worker aborted in native code: `free\(\): invalid (pointer|size)`, then Gunicorn reports its SIGABRT, \d+ times/
    )
  })

  it("Gunicorn's own SIGABRT after a WORKER TIMEOUT stays the timeout, whatever the log printed before", () => {
    const lines = linesOf([
      ...booted,
      'free(): invalid pointer',
      gunicorn(1, 'CRITICAL', 'WORKER TIMEOUT (pid:7)'),
      gunicorn(1, 'ERROR', 'Worker (pid:7) was sent SIGABRT!')
    ])
    expect(diagnose(contextFor(lines, exited)).reason).toBe('worker-timeout')
  })

  it('a SIGABRT with no native words is not called a native abort', () => {
    const lines = linesOf([...booted, gunicorn(1, 'ERROR', 'Worker (pid:7) was sent SIGABRT!')])
    expect(diagnose(contextFor(lines, exited)).summary).not.toContain('aborted in native code')
  })

  it("the C++ runtime's terminate, in a compose prefix", () => {
    const lines = linesOf(
      [
        ...booted,
        "terminate called after throwing an instance of 'std::runtime_error'",
        gunicorn(1, 'WARNING', 'Worker with pid 7 was terminated due to signal 6')
      ].map((line) => `web-1  | ${line}`)
    )
    const diagnosis = diagnose(contextFor(lines, exited))
    expect(diagnosis.reason).toBe('native-crash')
    expect(diagnosis.summary).toContain("`terminate called after throwing an instance of 'std::runtime_error'`")
  })
})

describe('native signals as shippers print them', () => {
  it("quotes Gunicorn's line without the shipper's prefix, and says what SIGILL (signal 4) usually is", () => {
    const lines = linesOf(
      [
        ...booted,
        gunicorn(1, 'WARNING', 'Worker with pid 7 was terminated due to signal 4'),
        gunicorn(8, 'INFO', 'Booting worker with pid: 8'),
        gunicorn(1, 'WARNING', 'Worker with pid 8 was terminated due to signal 4')
      ].map((line) => `web-1  | ${line}`)
    )
    const diagnosis = diagnose(contextFor(lines, exited))
    expect(diagnosis.reason).toBe('native-crash')
    expect(diagnosis.summary).toContain('(2 × `Worker with pid 7 was terminated due to signal 4`)')
    expect(diagnosis.summary).toContain('uses CPU instructions this processor lacks')
  })
})

describe('a request aborted for its timeout, the WORKER TIMEOUT line not in the paste (captured)', () => {
  it.each(['forky', 'trixie'] as const)("%s: worker-timeout, while serving, at the app's frame", (suite) => {
    const lines = byHandLog('request-aborted', suite).filter((line) => !line.text.includes('WORKER TIMEOUT'))
    const diagnosis = diagnose(contextFor(lines, { container: { running: true } }))
    expect(diagnosis.reason).toBe('worker-timeout')
    expect(diagnosis.summary).toContain('while serving requests')
    expect(diagnosis.summary).toContain('in `/app/slow.py:5` (`time.sleep(30)`) when it was stopped')
  })

  it('with the line, the same answer', () => {
    const diagnosis = diagnose(contextFor(byHandLog('request-aborted'), { container: { running: true } }))
    expect(diagnosis.reason).toBe('worker-timeout')
    expect(diagnosis.summary).toContain('in `/app/slow.py:5` (`time.sleep(30)`) when it was stopped')
  })
})

describe("a port below 1024 refused to a user that is not root (captured with the kernel's unprivileged-port floor)", () => {
  it.each(['forky', 'trixie'] as const)("%s: Gunicorn's own words, Errno 13", (suite) => {
    const diagnosis = diagnose(contextFor(byHandLog('bind-refused', suite), exited))
    expect(diagnosis.reason).toBe('port-in-use')
    expect(diagnosis.summary).toBe(
      "Gunicorn was refused `('0.0.0.0', 80)` (`[Errno 13] Permission denied`): port 80 is below 1024, which only root " +
        '(or CAP_NET_BIND_SERVICE) may bind, and the container runs as another user.'
    )
    expect(diagnosis.remedy).toContain('Bind a port of 1024 or above')
  })

  it('bookworm (20.1) only retries: read from the retries and the port', () => {
    const diagnosis = diagnose(contextFor(byHandLog('bind-refused', 'bookworm'), exited))
    expect(diagnosis.reason).toBe('port-in-use')
    expect(diagnosis.summary).toContain('kept retrying without reporting the address in use: port 80 is below 1024')
  })
})

describe("the app's own development server started while Gunicorn imports it", () => {
  const log = [
    ...booted,
    " * Serving Flask app 'app'",
    ' * Debug mode: off',
    'Address already in use',
    'Port 8000 is in use by another program. Either identify and stop that program, or start the server with a different port.',
    gunicorn(7, 'INFO', 'Worker exiting (pid: 7)'),
    gunicorn(1, 'ERROR', 'Worker (pid:7) exited with code 1')
  ]

  it("names the app's run call from the module the command serves", () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'run-at-import-'))
    fs.writeFileSync(path.join(repo, 'Dockerfile'), 'FROM python:3.12-slim\nCOPY . /app\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n')
    fs.writeFileSync(path.join(repo, 'app.py'), 'from flask import Flask\n\napp = Flask(__name__)\n\napp.run(host="0.0.0.0", port=8000)\n')
    const diagnosis = diagnose(contextFor(linesOf(log), { ...exited, repoRoot: repo }))
    expect(diagnosis.reason).toBe('port-in-use')
    expect(diagnosis.summary).toBe(
      'The app starts its own development server while Gunicorn imports it (`app.py:5`: `app.run(host="0.0.0.0", port=8000)`): ' +
        'the server finds port 8000 taken (by Gunicorn itself, or a server it started in another worker) and the worker exits.'
    )
    expect(diagnosis.location).toEqual({ file: 'app.py', line: 5 })
    expect(diagnosis.remedy).toContain('`if __name__ == "__main__":`')
  })

  it("Flask-SocketIO's run in a worker's traceback, at the app's frame", () => {
    const lines = linesOf([
      gunicorn(1, 'INFO', 'Starting gunicorn 20.1.0'),
      gunicorn(7, 'INFO', 'Booting worker with pid: 7'),
      gunicorn(7, 'ERROR', 'Exception in worker process'),
      'Traceback (most recent call last):',
      '  File "/app/app.py", line 40, in <module>',
      '    socketio.run(app, host="0.0.0.0", port=5000)',
      '  File "/usr/local/lib/python3.9/site-packages/flask_socketio/__init__.py", line 619, in run',
      '    run_with_reloader(run_server, extra_files=extra_files)',
      '  File "/usr/local/lib/python3.9/site-packages/eventlet/convenience.py", line 78, in listen',
      '    sock.bind(addr)',
      'OSError: [Errno 98] Address already in use'
    ])
    const diagnosis = diagnose(contextFor(lines, exited))
    expect(diagnosis.reason).toBe('port-in-use')
    expect(diagnosis.summary).toMatch(/^The app starts its own development server while Gunicorn imports it \(`\/app\/app\.py:40`\)/)
  })

  it("Python's own Errno 98 without an address is worded with the bind, not the message", () => {
    const lines = linesOf([
      'Traceback (most recent call last):',
      '  File "/app/server.py", line 9, in <module>',
      '    sock.bind(ADDRESS)',
      'OSError: [Errno 98] Address already in use'
    ])
    const diagnosis = diagnose(contextFor(lines, exited))
    expect(diagnosis.reason).toBe('port-in-use')
    expect(diagnosis.summary).not.toContain('Errno')
  })

  it('without Gunicorn in the log, werkzeug alone is not read as Gunicorn holding the port', () => {
    const diagnosis = diagnose(contextFor(linesOf(log.slice(4, 8)), exited))
    expect(diagnosis.summary).not.toContain('development server')
  })
})

describe('Gunicorn missing from the interpreter or the install', () => {
  it('`python -m gunicorn` in a virtualenv without it (captured)', () => {
    const diagnosis = diagnose(contextFor(byHandLog('python-m-gunicorn-missing'), exited))
    expect(diagnosis.reason).toBe('missing-dependency')
    expect(diagnosis.summary).toBe('The container could not start: `gunicorn` is not installed in the image.')
  })

  it("setuptools' console script asking for a pinned distribution that is not installed", () => {
    const lines = linesOf([
      'Traceback (most recent call last):',
      '  File "/usr/local/bin/gunicorn", line 6, in <module>',
      '    from pkg_resources import load_entry_point',
      "pkg_resources.DistributionNotFound: The 'gunicorn==19.9.0' distribution was not found and is required by the application"
    ])
    const diagnosis = diagnose(contextFor(lines, exited))
    expect(diagnosis.reason).toBe('missing-dependency')
    expect(diagnosis.summary).toMatch(/^The app needs `gunicorn`/)
  })
})

describe("a timed-out worker's last words leave out the host's router", () => {
  it("Heroku's H12 line is the router's, not the worker's", () => {
    const lines = linesOf([
      '2025-06-01T10:00:20.000000+00:00 app[web.1]: Loading embeddings from /app/data',
      '2025-06-01T10:00:30.000000+00:00 heroku[router]: at=error code=H12 desc="Request timeout" method=GET path="/" status=503',
      '2025-06-01T10:00:31.000000+00:00 app[web.1]: [2025-06-01 10:00:31 +0000] [4] [CRITICAL] WORKER TIMEOUT (pid:9)'
    ])
    const diagnosis = diagnose(contextFor(lines, { container: { running: true } }))
    expect(diagnosis.reason).toBe('worker-timeout')
    expect(diagnosis.summary).toContain("the worker's last line before the kill: `Loading embeddings from /app/data`")
  })
})
