// The third collection's classes over real output: a write refused to a non-root image's user and the reverse
// ASGI/WSGI mismatch, captured on the three bases (scripts/capture-logs.sh: user-app-write, the graceful-shutdown
// fixture run as user 10001 writing into the root-owned /srv/app; wsgi-under-asgi, its Flask app under Uvicorn's
// worker); an entrypoint's refusal as dash and bash print it.
import { execFileSync } from 'node:child_process'
import { SUITES, linesOf } from '../gunicorn/captured-logs.js'
import { contextFor, diagnose, fromCapture } from './context-helper.js'
import asgiUnderWsgi from '../../src/diagnosis/reasons/asgi-under-wsgi.js'

describe.each(SUITES)('a write refused to the image user on %s (no user input: the image sets USER)', (suite) => {
  it('names the file, the user and the fix, at the line of app.py that writes it', () => {
    const diagnosis = diagnose(fromCapture(suite, 'user-app-write'))
    expect(diagnosis.reason).toBe('read-only-filesystem')
    expect(diagnosis.summary).toBe(
      "The app writes `/srv/app/cache.txt` (`__fixtures__/apps/ok-graceful-shutdown/app.py:9`) while it loads, and the image's user may not write there."
    )
    expect(diagnosis.remedy).toMatch(/^Give `\/srv\/app\/cache.txt` to the user the app runs as \(`chown` it/)
    expect(diagnosis.location).toMatchObject({ file: '__fixtures__/apps/ok-graceful-shutdown/app.py', line: 9 })
  })

  it('the same refusal on a read (open() without a write mode) is a file the user may not open, not a write', () => {
    const lines = fromCapture(suite, 'user-app-write').lines.map((line) => ({
      ...line,
      text: line.text.replace('open(CACHE_FILE, "w")', 'open(CACHE_FILE)')
    }))
    expect(lines.some((line) => line.text.includes('open(CACHE_FILE)'))).toBe(true)
    const diagnosis = diagnose(contextFor(lines, { fixture: 'ok-graceful-shutdown', outcome: 'container-exited' }))
    expect(diagnosis.reason).toBe('read-only-filesystem')
    expect(diagnosis.summary).toMatch(/^The app may not open `\/srv\/app\/cache\.txt` while it loads: it belongs to another user/)
  })
})

describe.each(SUITES)('a WSGI app under the uvicorn worker on %s', (suite) => {
  it('is the reverse mismatch, naming the app, the worker and the exception', () => {
    const ctx = fromCapture(suite, 'wsgi-under-asgi', {}, 'health-failed')
    const diagnosis = diagnose(ctx)
    expect(diagnosis.reason).toBe('asgi-under-wsgi')
    expect(diagnosis.summary).toMatch(
      /^`Flask` is a WSGI app but Gunicorn runs it with the ASGI worker `uvicorn\.workers\.UvicornWorker`: every request fails with `TypeError: Flask\.__call__\(\) missing 1 required positional argument: 'start_response'` and answers 500/
    )
    expect(diagnosis.remedy).toContain('asgi:application')
    // Decided at the second 500 that raised it, as for the forward mismatch.
    expect(asgiUnderWsgi.wrongAnswer?.recognises({ status: 500, body: 'Internal Server Error' }, ctx.events)).toBe(true)
    expect(asgiUnderWsgi.wrongAnswer?.recognises({ status: 500, body: 'Internal Server Error' }, ctx.events.slice(0, 1))).toBe(false)
  })
})

describe('an entrypoint that refuses a variable before Gunicorn starts', () => {
  // What the shells print for `${NAME:?}` and `set -u`, run here.
  const shells: [string, string[]][] = [
    ['dash, ${DATABASE_URL:?}', ['sh', '-c', 'echo ${DATABASE_URL:?}']],
    ['bash, ${DATABASE_URL:?}', ['bash', '-c', 'echo ${DATABASE_URL:?}']],
    ['bash, set -u', ['bash', '-c', 'set -u; echo $DATABASE_URL']]
  ]
  it.each(shells)('%s: missing-env naming the variable', (_name, [shell, ...args]) => {
    let printed = ''
    try {
      execFileSync(shell, args, { env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'ignore', 'pipe'] })
    } catch (error) {
      printed = String((error as { stderr: Buffer }).stderr).trim()
    }
    expect(printed).toContain('DATABASE_URL')
    const diagnosis = diagnose(contextFor(linesOf([printed]), { outcome: 'container-exited', container: { running: false, exitCode: 2 } }))
    expect(diagnosis.reason).toBe('missing-env')
    expect(diagnosis.summary).toContain("The image's entrypoint refused to start Gunicorn over the environment variable `DATABASE_URL`")
  })

  it('a warning that a default is used is not a refusal', () => {
    const lines = linesOf(['WARNING: the CACHE_URL environment variable is not set, using the default', 'Traceback (most recent call last):'])
    expect(diagnose(contextFor(lines, { outcome: 'container-exited', container: { running: false, exitCode: 1 } })).reason).not.toBe('missing-env')
  })
})
