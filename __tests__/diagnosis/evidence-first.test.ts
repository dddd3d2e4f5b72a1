// Evidence first: the line that names a cause is read whatever the log's format, and wins over what the log lacks
// (no `Starting gunicorn`, a log that starts mid-way). The host and kernel lines are verbatim from the public logs
// their source notes name; the format cases put Gunicorn's own messages in the formats users configure.
import { toLogLines } from '../../src/gunicorn/log-parser.js'
import { PLATFORM_MESSAGES } from '../../src/diagnosis/platform-messages.js'
import { contextFor, diagnose } from './context-helper.js'

const neverReady = (text: string, container = {}) =>
  diagnose(contextFor(toLogLines(text), { outcome: 'boot-timeout', container: { running: false, exitCode: 1, ...container } }))

describe('Gunicorn messages in other formats', () => {
  it('reads WORKER TIMEOUT in a logging.Formatter format, and keeps it over the SIGKILL that follows', () => {
    const d = neverReady(
      [
        '2026-01-01 10:00:00,123 INFO gunicorn.error Booting worker with pid: 12',
        '2026-01-01 10:00:31,123 CRITICAL gunicorn.error WORKER TIMEOUT (pid:12)',
        '2026-01-01 10:00:31,200 ERROR gunicorn.error Worker (pid:12) was sent SIGKILL! Perhaps out of memory?'
      ].join('\n')
    )
    expect(d.reason).toBe('worker-timeout')
  })

  it('reads Connection in use from a JSON formatter', () => {
    const d = neverReady(
      [
        `{"timestamp": "2026-01-01T10:00:00", "level": "ERROR", "logger": "gunicorn.error", "message": "Connection in use: ('0.0.0.0', 8000)"}`,
        '{"timestamp": "2026-01-01T10:00:01", "level": "ERROR", "logger": "gunicorn.error", "message": "Retrying in 1 second."}'
      ].join('\n')
    )
    expect(d.reason).toBe('port-in-use')
    expect(d.summary).toContain('8000')
  })

  it("reads a traceback from a JSON logger's exc_info field and names the variable", () => {
    const record = {
      level: 'error',
      message: 'Exception in worker process',
      exc_info:
        'Traceback (most recent call last):\n  File "/app/settings.py", line 12, in <module>\n    SECRET = os.environ["SECRET_KEY"]\n' +
        '  File "/usr/local/lib/python3.11/os.py", line 679, in __getitem__\n    raise KeyError(key) from None\nKeyError: \'SECRET_KEY\''
    }
    const d = neverReady(JSON.stringify(record))
    expect(d.reason).toBe('missing-env')
    expect(d.summary).toContain('SECRET_KEY')
  })

  it('does not take a Gunicorn-like phrase in an app line for a Gunicorn event', () => {
    const d = neverReady('INFO app Reason: the cache is cold\nINFO app Listening at: the queue')
    expect(d.reason).toBe('boot-timeout')
  })
})

describe('evidence wins over structure', () => {
  it('names the database host of a JSON-logged driver message, not "Gunicorn never started"', () => {
    const d = neverReady(
      '{"level": "error", "message": "could not connect to server: Connection refused\\n\\tIs the server running on host \\"localhost\\" ' +
        '(127.0.0.1) and accepting\\n\\tTCP/IP connections on port 5432?"}'
    )
    expect(d.reason).toBe('database-unreachable')
    expect(d.summary).toContain('`localhost`')
  })

  it('names the host a pre-start script could not resolve', () => {
    const d = neverReady('Waiting for the database…\ncould not translate host name "db" to address: Name or service not known\nRetrying in 5 s')
    expect(d.reason).toBe('database-unreachable')
    expect(d.summary).toContain('`db`')
  })

  it("reads an exception of the app's own class in a log that starts mid-way", () => {
    const d = neverReady('    raise ConfigurationMissing("STRIPE_KEY")\nsomepkg.errors.ConfigurationMissing: STRIPE_KEY is not set')
    expect(d.reason).not.toBe('boot-timeout')
    expect(d.summary).toContain('STRIPE_KEY is not set')
  })

  it('keeps boot-timeout for a log with no evidence at all', () => {
    expect(neverReady('Collecting static files…\n120 static files copied.').reason).toBe('boot-timeout')
  })
})

describe('platform and kernel messages', () => {
  it.each([
    // https://github.com/spdx/spdx-online-tools/issues/435 (the kernel's line, joined where the thread wrapped it)
    [
      'Feb 16 20:07:06 ip-172-31-6-122 kernel: [272585.754914] Out of memory: Killed process 11438 (gunicorn) total-vm:3812556kB, ' +
        'anon-rss:1220624kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:2912kB oom_score_adj:0',
      'gunicorn'
    ],
    // A container's limit: the same line with the cgroup's words (mm/oom_kill.c prints "Memory cgroup out of memory").
    ['[ 5123.120011] Memory cgroup out of memory: Killed process 4242 (gunicorn) total-vm:812345kB, anon-rss:501234kB', 'gunicorn'],
    // Kernels before 5.x: the kill on its own line after `Out of memory: Kill process … or sacrifice child`, pasted alone.
    ['[12345.678901] Killed process 4242 (gunicorn) total-vm:812345kB, anon-rss:501234kB, file-rss:0kB, shmem-rss:0kB', 'gunicorn'],
    // https://github.com/topcoderinc/dsp-frontend/issues/15
    ['Error R14 (Memory quota exceeded)', 'Heroku'],
    // https://tappass-docs-internal.pages.dev/runbooks/oom-crashloop/ (Cloud Run's platform log line)
    ['Memory limit of 3072 MiB exceeded with 3211 MiB used.', 'Cloud Run'],
    ['2025-06-01T10:00:40.000000+00:00 heroku[web.1]: Error R15 (Memory quota vastly exceeded)', 'Heroku (R15)'],
    // Render's event, as public repositories' notes quote it
    ['Instance failed: ntn6c — Ran out of memory (used over 512MB) while running your code.', 'Render (out of memory)'],
    // `kubectl describe pod`, as Kubernetes' documentation shows it
    ['    Last State:     Terminated\n      Reason:       OOMKilled\n      Exit Code:    137', 'Kubernetes (OOMKilled)'],
    ['web-7d9f8b6c5-x2k4p   0/1     OOMKilled   3 (41s ago)   2m', 'Kubernetes (OOMKilled)']
  ])('names out of memory from %j', (line, named) => {
    const d = neverReady(line)
    expect(d.reason).toBe('out-of-memory')
    expect(d.summary).toContain(named)
  })

  it.each([
    // https://pastebin.com/48T4dhMr
    [
      '2020-06-06T11:16:07.009396+00:00 heroku[web.1]: Error R10 (Boot timeout) -> Web process failed to bind to $PORT within 60 seconds of launch\n' +
        '2020-06-06T11:16:07.030764+00:00 heroku[web.1]: Stopping process with SIGKILL\n' +
        '2020-06-06T11:16:07.108460+00:00 heroku[web.1]: Process exited with status 137',
      'Heroku (R10)'
    ],
    // https://github.com/chainguard-dev/edu/actions/runs/4883190203
    [
      'ERROR: (gcloud.run.deploy) The user-provided container failed to start and listen on the port defined provided by the PORT=8080 ' +
        'environment variable. Logs for this revision might contain more information.',
      'Cloud Run'
    ],
    // https://github.com/openclaw/openclaw/issues/3754
    ['==> No open ports detected, continuing to scan...\n==> Docs on specifying a port: https://render.com/docs/web-services#port-binding', 'Render']
  ])('names the port the host probed from %j', (text, named) => {
    const d = neverReady(text)
    expect(d.reason).toBe('boot-timeout')
    expect(d.summary).toContain(named)
    expect(d.summary).not.toMatch(/already taken|another process/)
  })

  it('lets a traceback that explains the boot win over the host port message it caused', () => {
    const d = neverReady(
      'Traceback (most recent call last):\n  File "/app/app.py", line 1, in <module>\n    import flask_cors\nModuleNotFoundError: No module named \'flask_cors\'\n' +
        'Error R10 (Boot timeout) -> Web process failed to bind to $PORT within 60 seconds of launch'
    )
    expect(d.reason).toBe('missing-dependency')
  })

  it('gives every entry a reference', () => {
    for (const message of PLATFORM_MESSAGES) expect(message.reference).toMatch(/^https:\/\//)
  })
})

describe('the boot seen through another format', () => {
  it('knows Gunicorn started from its line in a custom format', () => {
    const ctx = contextFor(toLogLines('2026-01-01 10:00:00,001 [7] INFO gunicorn.error: Starting gunicorn 23.0.0'))
    expect(ctx.state.started).toBe(true)
    expect(ctx.state.version).toBe('23.0.0')
  })
})

describe('a bind that fails for another reason than a busy port', () => {
  it('does not say "already taken" when the log never says in use', () => {
    // https://github.com/benoitc/gunicorn/issues/1480 (19.7.0: SO_REUSEPORT refused, Errno 92, shown at debug level only)
    const text = [
      '[2017-03-10 18:50:46 +0000] [9242] [INFO] Starting gunicorn 19.7.0',
      ...Array.from({ length: 5 }, (_, i) => `[2017-03-10 18:50:4${6 + i} +0000] [9242] [ERROR] Retrying in 1 second.`),
      "[2017-03-10 18:50:51 +0000] [9242] [ERROR] Can't connect to ('127.0.0.1', 8000)"
    ].join('\n')
    const d = neverReady(text)
    expect(d.reason).not.toBe('port-in-use')
    expect(d.summary).not.toMatch(/already taken/)
  })

  it('names IPv6 for Errno 97 on an IPv6 bind (23+ logs the errno at ERROR)', () => {
    // The shape Gunicorn 23+ prints (host-limits.itg.ts captures the Errno 99 one); Errno 97 is what a kernel
    // without IPv6 answers: https://github.com/pyload/pyload/issues/3849 shows it for ('::', 7000, 0, 0).
    const text = [
      '[2026-12-07 01:33:04 +0000] [1] [INFO] Starting gunicorn 23.0.0',
      "[2026-12-07 01:33:04 +0000] [1] [ERROR] connection to ('::', 8000) failed: [Errno 97] Address family not supported by protocol",
      '[2026-12-07 01:33:04 +0000] [1] [ERROR] Retrying in 1 second.',
      "[2026-12-07 01:33:08 +0000] [1] [ERROR] Can't connect to ('::', 8000)"
    ].join('\n')
    const d = neverReady(text)
    expect(`${d.reason}: ${d.summary}`).toMatch(/^config-error: Gunicorn cannot bind the IPv6 address .*the kernel runs without it/)
  })
})
