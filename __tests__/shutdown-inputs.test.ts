// The host-like container inputs (read-only, user, writable-paths, stop-signal, stop-grace, shutdown-check): their
// parsing before Docker is touched, the `docker run` arguments they become, PID 1 read from a real `docker top`,
// and the shutdown row and warnings worded from results the integration runs measured.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { runArgs, runIdentity, stopSignalArgs } from '../src/docker/args.js'
import { staticGracefulTimeout, staticLogLevel } from '../src/setup/effective-config.js'
import { hidesInfoLines } from '../src/gunicorn/log-level.js'
import { InputError, parseSettings } from '../src/setup/inputs.js'
import { pid1PassesSignals, rootOf } from '../src/smoke/pid1.js'
import { shutdownCheck, shutdownWarnings } from '../src/smoke/shutdown-words.js'
import { writeWarnings } from '../src/smoke/write-warnings.js'
import type { ShutdownResult } from '../src/core/model.js'
import { linesOf } from './gunicorn/captured-logs.js'

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-shutdown-'))
fs.writeFileSync(path.join(workspace, 'Dockerfile'), 'FROM python:3.12-slim\n')
const parse = (inputs: Record<string, string>) => parseSettings((name) => inputs[name] ?? '', workspace)

describe('the container inputs', () => {
  it('default to the image as it is: writable root, its user, no tmpfs, SIGTERM unless STOPSIGNAL, 30 s, the check on the health path', () => {
    const settings = parse({ 'health-path': '/healthz' })
    expect(settings).toMatchObject({ readOnly: false, writablePaths: [], stopGraceSec: 30, shutdownCheck: { path: '/healthz' } })
    expect(settings.user).toBeUndefined()
    expect(settings.stopSignal).toBeUndefined()
  })

  it('reads each one', () => {
    const settings = parse({
      'read-only': 'true',
      user: '10001:10001',
      'writable-paths': '/tmp\n/var/cache/app, /tmp',
      'stop-signal': 'int',
      'stop-grace': '10',
      'shutdown-check': '/slow'
    })
    expect(settings).toMatchObject({
      readOnly: true,
      user: '10001:10001',
      writablePaths: ['/tmp', '/var/cache/app'],
      stopSignal: 'SIGINT',
      stopGraceSec: 10,
      shutdownCheck: { path: '/slow' }
    })
    expect(parse({ 'shutdown-check': 'false' }).shutdownCheck).toBe(false)
    expect(parse({ user: 'app' }).user).toBe('app')
  })

  it.each([
    ['read-only', { 'read-only': 'yes' }, /^The input 'read-only' must be one of 'true', 'false', got 'yes'\.$/],
    ['user', { user: '10001 --privileged' }, /^The input 'user' must be a uid, uid:gid or user name/],
    [
      'writable-paths',
      { 'writable-paths': 'tmp' },
      /^The input 'writable-paths' takes absolute paths in the container such as '\/tmp', got 'tmp'\.$/
    ],
    ['writable-paths', { 'writable-paths': '/tmp/../etc' }, /^The input 'writable-paths' takes absolute paths/],
    ['writable-paths', { 'writable-paths': '/tmp:exec' }, /^The input 'writable-paths' takes absolute paths/],
    ['stop-signal', { 'stop-signal': 'SIGSTOPP' }, /^The input 'stop-signal' must be a signal name such as 'SIGTERM' or 'SIGINT', got 'SIGSTOPP'\.$/],
    ['stop-grace', { 'stop-grace': '0' }, /^The input 'stop-grace' must be between 1 and 3600/],
    ['shutdown-check', { 'shutdown-check': 'slow' }, /^The input 'shutdown-check' must be 'true', 'false' or a path such as '\/slow', got 'slow'\.$/]
  ])('rejects a bad %s with one sentence naming it', (_name, inputs, message) => {
    expect(() => parse(inputs)).toThrow(InputError)
    expect(() => parse(inputs)).toThrow(message)
  })

  it('become --read-only, one --tmpfs each and --user, before the image', () => {
    const args = runArgs(parse({ 'read-only': 'true', user: '10001', 'writable-paths': '/tmp,/run' }), runIdentity('t1'), 'img')
    const image = args.indexOf('img')
    expect(args.slice(image - 7, image)).toEqual(['--read-only', '--tmpfs', '/tmp', '--tmpfs', '/run', '--user', '10001'])
    expect(runArgs(parse({}), runIdentity('t1'), 'img').join(' ')).not.toMatch(/--read-only|--tmpfs|--user/)
    expect(stopSignalArgs('c1', 'SIGINT')).toEqual(['kill', '--signal', 'SIGINT', 'c1'])
  })
})

describe('PID 1', () => {
  // `docker top CONTAINER -eo pid,ppid,rss,args` of the shell-form fixture on bookworm (host PIDs).
  const shellForm = [
    'PID                 PPID                RSS                 COMMAND',
    '3362                3342                1564                /bin/sh -c gunicorn -b 0.0.0.0:8000 app:app',
    '3423                3362                25012               /usr/bin/python3 /usr/bin/gunicorn -b 0.0.0.0:8000 app:app',
    '3546                3423                30120               /usr/bin/python3 /usr/bin/gunicorn -b 0.0.0.0:8000 app:app'
  ].join('\n')

  it('is the process whose parent is outside the container', () => {
    expect(rootOf(shellForm)).toBe('/bin/sh -c gunicorn -b 0.0.0.0:8000 app:app')
    expect(rootOf('PID PPID RSS COMMAND\n')).toBeUndefined()
  })

  it('passes the signal on when it is Gunicorn itself or an init, not a shell', () => {
    expect(pid1PassesSignals('/bin/sh -c gunicorn -b 0.0.0.0:8000 app:app')).toBe(false)
    expect(pid1PassesSignals('/bin/sh ./start.sh')).toBe(false)
    expect(pid1PassesSignals('bash /docker-entrypoint.sh gunicorn app:app')).toBe(false)
    expect(pid1PassesSignals('/usr/bin/python3 /usr/bin/gunicorn -c gunicorn.conf.py app:app')).toBe(true)
    expect(pid1PassesSignals('python -m gunicorn app:app')).toBe(true)
    expect(pid1PassesSignals('/sbin/docker-init -- /bin/sh -c gunicorn app:app')).toBe(true)
    expect(pid1PassesSignals('/usr/bin/tini -- ./start.sh')).toBe(true)
  })
})

describe('the shutdown row and its warnings', () => {
  // Measured on forky: SIGTERM with /slow (1.5 s) in flight, then SIGINT, the quick shutdown (26.2 answers 500).
  const clean: ShutdownResult = {
    signal: 'SIGTERM',
    graceSec: 30,
    path: '/slow',
    handled: { line: '[2026-12-07 01:15:05 +0000] [1] [INFO] Handling signal: term', afterMs: 38 },
    request: { status: 200, durationMs: 1534 },
    exited: { afterMs: 2735, code: 0 },
    durationMs: 2735
  }
  const quick: ShutdownResult = {
    ...clean,
    signal: 'SIGINT',
    handled: { line: '[2026-12-07 01:17:43 +0000] [1] [INFO] Handling signal: int', afterMs: 196 },
    request: { status: 500, durationMs: 474 },
    exited: { afterMs: 3600, code: 0 }
  }

  it('a clean SIGTERM: a pass with the timings and no warning', () => {
    expect(shutdownCheck(clean, false)).toEqual({
      id: 'shutdown',
      status: 'pass',
      detail: 'SIGTERM handled after 38 ms, in-flight `/slow` answered 200, exited 0 after 2.7 s',
      durationMs: 2735
    })
    expect(shutdownWarnings(clean, { graceful_timeout: '30' })).toEqual([])
  })

  it('at a loglevel above info the missing `Handling signal` line is said to be unlogged, not unhandled', () => {
    // Measured on bookworm with `loglevel = "warning"`: the container exited 0 half a second after SIGTERM.
    const quiet: ShutdownResult = {
      ...clean,
      path: '/health',
      handled: undefined,
      request: { status: 200, durationMs: 20 },
      exited: { afterMs: 500, code: 0 }
    }
    expect(shutdownCheck(quiet, false, 'warning').detail).toBe(
      "SIGTERM sent (`loglevel` warning hides Gunicorn's `Handling signal` line), in-flight `/health` answered 200, exited 0 after 0.5 s"
    )
    expect(shutdownCheck(quiet, false, 'info').detail).toMatch(/^SIGTERM not handled by Gunicorn, /)
    expect(shutdownCheck(quiet, false).detail).toMatch(/^SIGTERM not handled by Gunicorn, /)
  })

  it("SIGINT's quick shutdown cutting the request: a warning naming both times and the fix", () => {
    const [warning] = shutdownWarnings(quick, undefined)
    expect(warning).toMatch(
      /^SIGINT is a quick shutdown for Gunicorn: the request to `\/slow` in flight was cut short \(answered 500\) 0\.5 s after it/
    )
    expect(warning).toContain('the container exited 3.6 s after the signal')
    expect(warning).toContain('kill_signal = "SIGTERM"')
  })

  it('a graceful_timeout longer than the grace: a warning naming both numbers', () => {
    const warnings = shutdownWarnings({ ...clean, graceSec: 10 }, { graceful_timeout: '30' })
    expect(warnings).toEqual([expect.stringMatching(/^Gunicorn's `graceful_timeout` is 30 s, longer than the host's 10 s grace/)])
  })

  it('a container still running at the end of the grace: a warning', () => {
    const { exited: _exited, ...running } = clean
    expect(shutdownWarnings({ ...running, graceSec: 1, durationMs: 1000 }, undefined)[0]).toMatch(
      /^The container was still running 1 s after SIGTERM/
    )
    expect(shutdownCheck(undefined, false)).toEqual({ id: 'shutdown', status: 'not-reached', detail: '' })
  })
})

describe('writes that did not stop the app', () => {
  it("26.2's control server error under a read-only root, and for a user without a home: a warning with the fix", () => {
    const readOnly = linesOf(["[2026-12-07 01:04:53 +0000] [1] [ERROR] Control server error: [Errno 30] Read-only file system: '/.gunicorn'"])
    const [warning] = writeWarnings(readOnly, { readOnly: true, user: '10001' })
    expect(warning).toContain('the root filesystem is read-only')
    expect(warning).toContain('`--no-control-socket` (`control_socket_disable = True`)')
    const noHome = linesOf(["[2026-12-07 01:04:37 +0000] [8] [ERROR] Control server error: [Errno 13] Permission denied: '/.gunicorn'"])
    expect(writeWarnings(noHome, { readOnly: false, user: '10001' })[0]).toContain('user 10001 may not write its home directory')
    expect(
      writeWarnings(linesOf(['[2026-12-07 01:15:03 +0000] [1] [INFO] Control socket listening at /root/.gunicorn/gunicorn.ctl']), { readOnly: false })
    ).toEqual([])
  })
})

describe('graceful_timeout without --print-config', () => {
  const config = (text: string) => fs.writeFileSync(path.join(workspace, 'gunicorn.conf.py'), text)
  const imageInfo = { cmd: ['gunicorn', '-c', 'gunicorn.conf.py', 'app:app'], exposedPorts: [] }

  it("reads the command line, GUNICORN_CMD_ARGS and a literal in the config file, else Gunicorn's 30 s", () => {
    config('workers = 2\n')
    expect(staticGracefulTimeout(parse({}), imageInfo)).toBe(30)
    expect(staticGracefulTimeout(parse({ command: 'gunicorn --graceful-timeout 5 app:app' }), imageInfo)).toBe(5)
    expect(staticGracefulTimeout(parse({ env: 'GUNICORN_CMD_ARGS=--graceful-timeout=12' }), imageInfo)).toBe(12)
    config('graceful_timeout = 60  # long uploads\n')
    expect(staticGracefulTimeout(parse({}), imageInfo)).toBe(60)
    config('graceful_timeout = int(os.environ["GRACE"])\n')
    expect(staticGracefulTimeout(parse({}), imageInfo)).toBeUndefined()
  })
})

describe('loglevel without --print-config', () => {
  const config = (text: string) => fs.writeFileSync(path.join(workspace, 'gunicorn.conf.py'), text)
  const imageInfo = { cmd: ['gunicorn', '-c', 'gunicorn.conf.py', 'app:app'], exposedPorts: [] }

  it('reads the command line first, then GUNICORN_CMD_ARGS, then a literal in the config file; none set is undefined', () => {
    config('loglevel = "warning"  # production\n')
    expect(staticLogLevel(parse({}), imageInfo)).toBe('warning')
    expect(staticLogLevel(parse({ command: 'gunicorn -c gunicorn.conf.py --log-level error app:app' }), imageInfo)).toBe('error')
    expect(staticLogLevel(parse({ env: 'GUNICORN_CMD_ARGS=--log-level=critical' }), imageInfo)).toBe('critical')
    config("loglevel = os.environ.get('LOG_LEVEL', 'info')\n")
    expect(staticLogLevel(parse({}), imageInfo)).toBeUndefined()
    config('workers = 2\n')
    expect(staticLogLevel(parse({}), imageInfo)).toBeUndefined()
  })

  it("warning, error and critical hide Gunicorn's INFO lines; info and debug do not", () => {
    expect(['warning', 'ERROR', 'critical'].map(hidesInfoLines)).toEqual([true, true, true])
    expect(['info', 'debug', undefined].map(hidesInfoLines)).toEqual([false, false, false])
  })
})
