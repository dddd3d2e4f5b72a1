// read-only-filesystem over the logs captured on the three bases (scripts/capture-logs.sh, read-only-* scenarios:
// the ok-graceful-shutdown fixture under `--read-only`, `--user 10001`, `--tmpfs /tmp`), and signal-not-forwarded
// from the shutdown check's measurements of the shell-form and script fixtures.
import { SUITES } from '../gunicorn/captured-logs.js'
import { contextFor, diagnose, fromCapture } from './context-helper.js'
import type { ShutdownResult } from '../../src/core/model.js'

const readOnly = { port: 8000, timeoutSec: 60, healthPath: '/health', healthStatus: '200', readOnly: true }

describe.each(SUITES)('read-only-filesystem on %s', (suite) => {
  it('no writable /tmp: the workers’ temporary file, the master stops, --worker-tmp-dir /dev/shm', () => {
    const diagnosis = diagnose(fromCapture(suite, 'read-only-no-tmp', { settings: { ...readOnly, user: '10001' } }))
    expect(diagnosis.reason).toBe('read-only-filesystem')
    expect(diagnosis.summary).toBe(
      "Gunicorn's workers need a writable temporary directory and none of `['/tmp', '/var/tmp', '/usr/tmp', '/srv/app']` is writable " +
        '(the root filesystem is read-only): the master stops at the first worker.'
    )
    expect(diagnosis.remedy).toMatch(/^Start Gunicorn with `--worker-tmp-dir \/dev\/shm`/)
    expect(diagnosis.evidence.some((line) => line.includes('No usable temporary directory found'))).toBe(true)
  })

  it('a pid file in /srv/app: names the directory and pidfile', () => {
    const diagnosis = diagnose(fromCapture(suite, 'read-only-pidfile', { settings: readOnly }))
    expect(diagnosis.reason).toBe('read-only-filesystem')
    expect(diagnosis.summary).toBe('Gunicorn cannot write its pid file in `/srv/app`: the root filesystem is read-only.')
    expect(diagnosis.remedy).toContain('Point `pidfile` (`--pid`) at a writable path')
  })

  it("the app's own cache file: its line in app.py", () => {
    const diagnosis = diagnose(fromCapture(suite, 'read-only-app-write', { settings: readOnly }))
    expect(diagnosis.reason).toBe('read-only-filesystem')
    expect(diagnosis.location).toMatchObject({ file: '__fixtures__/apps/ok-graceful-shutdown/app.py', line: 9 })
    expect(diagnosis.summary).toContain('The app writes `/srv/app/cache.txt`')
  })

  it('the same Errno 13 on a read, without a user or read-only root, is a file the user may not open, not a write', () => {
    // A frame that writes (open(…, "w")) makes Errno 13 a refused write even without them: third-collection.test.ts.
    const lines = fromCapture(suite, 'read-only-app-write').lines.map((line) => ({
      ...line,
      text: line.text.replace('[Errno 30] Read-only file system', '[Errno 13] Permission denied').replace('open(CACHE_FILE, "w")', 'open(CACHE_FILE)')
    }))
    const diagnosis = diagnose(contextFor(lines, { fixture: 'ok-graceful-shutdown', outcome: 'container-exited' }))
    expect(diagnosis.reason).toBe('read-only-filesystem')
    expect(diagnosis.summary).toMatch(/^The app may not open `[^`]+` while it loads/)
  })
})

describe('the control socket (Gunicorn 26.2, read-only root, user 10001)', () => {
  // The capture served: the run passes with a warning. When a run fails and nothing else in the log explains it
  // (the threads of users who hit this), the control socket is named as the configuration to change.
  it('is config-error naming the socket and --no-control-socket when nothing answered', () => {
    const diagnosis = diagnose(fromCapture('forky', 'read-only-control-socket', { settings: { ...readOnly, user: '10001' } }, 'boot-timeout'))
    expect(diagnosis.reason).toBe('config-error')
    expect(diagnosis.summary).toMatch(
      /^Gunicorn \(25\.1\+\) could not create its control socket in `\/[^`]*\.gunicorn`: `\[Errno 30\] Read-only file system/
    )
    expect(diagnosis.remedy).toContain('--no-control-socket')
    expect(diagnosis.evidence[0]).toContain('Control server error')
  })
})

describe('signal-not-forwarded', () => {
  // What the check measured on bookworm: no "Handling signal" line, the container still running 3 s later.
  const kept = (pid1: string): ShutdownResult => ({
    signal: 'SIGTERM',
    graceSec: 30,
    path: '/health',
    request: { status: 200, durationMs: 34 },
    pid1,
    durationMs: 3213
  })

  it('the shell form of CMD: Dockerfile:8, the exec form as the fix', () => {
    const ctx = contextFor([], {
      fixture: 'fail-shell-form-cmd',
      outcome: 'shutdown-failed',
      shutdown: kept('/bin/sh -c gunicorn -c gunicorn.conf.py app:app')
    })
    const diagnosis = diagnose({ ...ctx, image: { cmd: ['/bin/sh', '-c', 'gunicorn -c gunicorn.conf.py app:app'], commandGiven: false } })
    expect(diagnosis.reason).toBe('signal-not-forwarded')
    expect(diagnosis.location).toMatchObject({ file: '__fixtures__/apps/fail-shell-form-cmd/Dockerfile', line: 8 })
    expect(diagnosis.remedy).toMatch(/^Use the exec form of the command/)
  })

  it('a start script without exec: its Gunicorn line, with exec', () => {
    const ctx = contextFor([], { fixture: 'fail-script-without-exec', outcome: 'shutdown-failed', shutdown: kept('/bin/sh ./start.sh') })
    const diagnosis = diagnose({ ...ctx, image: { cmd: ['./start.sh'], commandGiven: false } })
    expect(diagnosis.reason).toBe('signal-not-forwarded')
    expect(diagnosis.location).toMatchObject({ file: '__fixtures__/apps/fail-script-without-exec/start.sh', line: 5 })
    expect(diagnosis.remedy).toContain('`exec gunicorn -c gunicorn.conf.py app:app`')
  })

  it('never without the shutdown check having failed', () => {
    const ctx = contextFor([], { fixture: 'fail-shell-form-cmd', outcome: 'boot-timeout', shutdown: kept('/bin/sh -c gunicorn app:app') })
    expect(diagnose(ctx).reason).not.toBe('signal-not-forwarded')
  })
})
