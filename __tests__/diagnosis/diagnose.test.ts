import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { annotationsFor } from '../../src/diagnosis/index.js'
import { contextFor, diagnose, fromCapture } from './context-helper.js'
import { SUITES, glog, linesOf } from '../gunicorn/captured-logs.js'

const fixtureFile = (fixture: string, file: string) => `__fixtures__/apps/${fixture}/${file}`

it('diagnose always answers: unknown when nothing is recognisable', () => {
  expect(diagnose(contextFor([]))).toMatchObject({ reason: 'unknown' })
})

describe.each(SUITES)('diagnosing the real %s failures', (suite) => {
  it('config-error: the ${PORT} placeholder in gunicorn.conf.py, pointed at the bind line', () => {
    const d = diagnose(fromCapture(suite, 'config-error'))
    expect(d.reason).toBe('config-error')
    expect(d.summary).toContain('`${PORT}`')
    expect(d.location).toEqual({ file: fixtureFile('fail-config-error', 'gunicorn.conf.py'), line: 4 })
    expect(d.remedy).toContain("os.environ.get('PORT', '8000')")
    expect(d.evidence).toEqual(["Error: '${PORT}' is not a valid port number.", 'bind = "0.0.0.0:${PORT}"'])
  })

  it('worker-class-unavailable: names eventlet and what to do (install it before 26.0, switch to gevent from 26.0)', () => {
    const d = diagnose(fromCapture(suite, 'worker-class-unavailable'))
    expect(d.reason).toBe('worker-class-unavailable')
    expect(d.summary).toContain('`eventlet` worker class')
    if (suite === 'forky') {
      // Gunicorn 26 removed the worker: installing eventlet cannot help.
      expect(d.remedy).toContain('Switch to `gevent`')
      expect(d.remedy).toContain('`gunicorn<26`')
      expect(d.remedy).not.toMatch(/Add `eventlet`/)
    } else {
      expect(d.remedy).toContain(`\`eventlet\` to \`${fixtureFile('fail-worker-class-unavailable', 'requirements.txt')}\``)
    }
    expect(d.location).toEqual({ file: fixtureFile('fail-worker-class-unavailable', 'Dockerfile'), line: 7 })
  })

  it.each(['missing-dependency', 'missing-dependency-w1'])(
    'missing-dependency (%s): the module, the importing line, the requirements file',
    (scenario) => {
      const d = diagnose(fromCapture(suite, scenario))
      expect(d.reason).toBe('missing-dependency')
      expect(d.summary).toContain('`stripe`')
      expect(d.location).toEqual({
        file: fixtureFile('fail-missing-dependency', 'billing/payments.py'),
        line: 3,
        containerPath: '/app/billing/payments.py'
      })
      expect(d.remedy).toBe(`Add \`stripe\` to \`${fixtureFile('fail-missing-dependency', 'requirements.txt')}\`.`)
      expect(d.evidence.slice(0, 3)).toEqual([
        '  File "/app/billing/payments.py", line 3, in <module>',
        '    import stripe',
        "ModuleNotFoundError: No module named 'stripe'"
      ])
      expect(d.evidence[3]).toMatch(/Reason: Worker failed to boot\.|HaltServer/)
    }
  )

  it('missing-dependency in JSON records (a logconfig_dict formatter): the module and its importing line', () => {
    const d = diagnose(fromCapture(suite, 'json-logs'))
    expect(d.reason).toBe('missing-dependency')
    expect(d.summary).toContain('`sentry_sdk`')
    expect(d.location).toEqual({ file: fixtureFile('fail-json-logs', 'orders/monitoring.py'), line: 3, containerPath: '/app/orders/monitoring.py' })
    expect(d.evidence).toContain("ModuleNotFoundError: No module named 'sentry_sdk'")
  })

  it('import-error: a name missing from the project module', () => {
    const d = diagnose(fromCapture(suite, 'import-error'))
    expect(d.reason).toBe('import-error')
    expect(d.summary).toContain('`get_settings` from `settings`')
    expect(d.summary).toContain(fixtureFile('fail-import-error', 'settings.py'))
    expect(d.location).toMatchObject({ file: fixtureFile('fail-import-error', 'main.py'), line: 3 })
    // Python 3.13 adds "Did you mean"; the remedy uses it.
    if (suite === 'trixie') expect(d.remedy).toContain('`load_settings`')
  })

  it('syntax-error: the broken file and line, not the importer', () => {
    const d = diagnose(fromCapture(suite, 'syntax-error'))
    expect(d.reason).toBe('syntax-error')
    expect(d.location).toMatchObject({ file: fixtureFile('fail-syntax-error', 'routes.py'), line: 10 })
    expect(d.summary).toContain("'(' was never closed")
  })

  it('missing-env: the variable and where it is read; host-filled variables get the env-input advice', () => {
    const plain = diagnose(fromCapture(suite, 'missing-env'))
    expect(plain.reason).toBe('missing-env')
    expect(plain.summary).toContain('`DATABASE_URL`')
    expect(plain.location).toMatchObject({ file: fixtureFile('fail-missing-env', 'config.py'), line: 3 })
    expect(plain.remedy).toContain('`env` input')
    const hostFilled = diagnose(fromCapture(suite, 'missing-env', { env: { provided: ['PORT'], hostFilled: ['DATABASE_URL'] } }))
    expect(hostFilled.remedy).toContain('host to fill')
  })

  it('app-not-found: module without the attribute, suggesting the object it defines', () => {
    const d = diagnose(fromCapture(suite, 'app-not-found'))
    expect(d.reason).toBe('app-not-found')
    expect(d.summary).toContain('no `app`')
    expect(d.remedy).toContain('`app:application` instead of `app:app`')
    expect(d.location).toEqual({ file: fixtureFile('fail-app-not-found', 'Dockerfile'), line: 7 })
  })

  it('database-unreachable: the host that does not resolve', () => {
    const d = diagnose(fromCapture(suite, 'database-unreachable'))
    expect(d.reason).toBe('database-unreachable')
    expect(d.summary).toContain('`db`')
    expect(d.location).toMatchObject({ file: fixtureFile('fail-database-unreachable', 'db.py'), line: 8 })
    expect(d.remedy).toContain('`network` input')
  })

  it('out-of-memory: workers SIGKILLed while importing', () => {
    const d = diagnose(fromCapture(suite, 'out-of-memory', { container: { running: true, memoryLimit: '128m' } }))
    expect(d.reason).toBe('out-of-memory')
    expect(d.summary).toContain('limit 128m')
    expect(d.remedy).toContain('fewer workers (3 now')
  })

  it('port-in-use: the port, and the background process of the entrypoint that takes it', () => {
    const d = diagnose(fromCapture(suite, 'port-in-use'))
    expect(d.reason).toBe('port-in-use')
    expect(d.summary).toContain('Port 8000')
    expect(d.location).toEqual({ file: fixtureFile('fail-port-in-use', 'start.sh'), line: 4 })
  })

  it('boot-timeout: Gunicorn bound to 127.0.0.1 inside the container', () => {
    const d = diagnose(fromCapture(suite, 'boot-timeout', { outcome: 'boot-timeout' }))
    expect(d.reason).toBe('boot-timeout')
    expect(d.summary).toContain('`127.0.0.1:8000`')
    expect(d.remedy).toContain('0.0.0.0')
    expect(d.location).toEqual({ file: fixtureFile('fail-boot-timeout', 'Dockerfile'), line: 7 })
  })

  it('crash-loop: workers exit after boot while health passes', () => {
    const d = diagnose(fromCapture(suite, 'crash-loop', { outcome: 'unstable', health: { ok: true, status: 200, attempts: 1 } }))
    expect(d.reason).toBe('crash-loop')
    expect(d.summary).toContain('price refresh failed')
    expect(d.summary).toContain('health check passed')
  })

  it('health-check-failed: the status and the body', () => {
    const d = diagnose(fromCapture(suite, 'health-check-failed', { outcome: 'health-failed' }))
    expect(d.reason).toBe('health-check-failed')
    expect(d.summary).toMatch(/^`\/health` answered 503 instead of 200: `\{"redis":"Error 111 connecting to 127\.0\.0\.1:6379/)
  })

  it('annotations: an error on the repository file and line, at most 10', () => {
    const ctx = fromCapture(suite, 'missing-dependency')
    const annotations = annotationsFor(diagnose(ctx), ctx)
    expect(annotations[0]).toMatchObject({ level: 'error', file: fixtureFile('fail-missing-dependency', 'billing/payments.py'), line: 3 })
    expect(annotations.length).toBeLessThanOrEqual(10)
    expect(new Set(annotations.map((a) => `${a.file}:${a.line}`)).size).toBe(annotations.length)
  })
})

describe('worker timeouts on both versions', () => {
  it('20.1 kills the slow import with WORKER TIMEOUT and names the --timeout in the Dockerfile', () => {
    const d = diagnose(fromCapture('bookworm', 'worker-timeout', { outcome: 'gave-up' }))
    expect(d.reason).toBe('worker-timeout')
    expect(d.summary).toContain('`timeout` of 4 s')
    expect(d.location).toEqual({ file: fixtureFile('fail-worker-timeout', 'Dockerfile'), line: 7 })
  })

  it('23.0 never times the import out: a boot-timeout that says the log stops at the worker boot', () => {
    const d = diagnose(fromCapture('trixie', 'worker-timeout', { outcome: 'boot-timeout' }))
    expect(d.reason).toBe('boot-timeout')
    expect(d.summary).toContain('Booting worker with pid: 8')
    expect(d.remedy).toContain('Gunicorn 22+')
  })

  it('a SIGKILL right after a WORKER TIMEOUT is a timeout, not memory', () => {
    const lines = linesOf([
      glog(1, 'INFO', 'Starting gunicorn 25.3.0'),
      glog(7, 'INFO', 'Booting worker with pid: 7'),
      glog(1, 'CRITICAL', 'WORKER TIMEOUT (pid:7)'),
      glog(1, 'ERROR', 'Worker (pid:7) was sent SIGKILL! Perhaps out of memory?')
    ])
    expect(diagnose(contextFor(lines)).reason).toBe('worker-timeout')
  })
})

describe('synthetic variants', () => {
  let repo: string
  beforeEach(() => {
    repo = mkdtempSync(path.join(tmpdir(), 'gsmoke-diag-'))
  })
  afterEach(() => rmSync(repo, { recursive: true, force: true }))

  function write(file: string, text: string) {
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true })
    writeFileSync(path.join(repo, file), text)
  }
  const workerFailure = (frames: string[], exception: string, pid = 7) => [
    glog(1, 'INFO', 'Starting gunicorn 24.1.0'),
    glog(pid, 'INFO', `Booting worker with pid: ${pid}`),
    glog(pid, 'ERROR', 'Exception in worker process'),
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/site-packages/gunicorn/arbiter.py", line 608, in spawn_worker',
    '    worker.init_process()',
    ...frames,
    exception,
    exception.replace(/^[\w.]+: /, ''),
    glog(pid, 'INFO', `Worker exiting (pid: ${pid})`),
    glog(1, 'ERROR', `Worker (pid:${pid}) exited with code 3.`)
  ]

  it('config-error from an exec-form CMD with $PORT points at the Dockerfile and suggests the shell form', () => {
    write('backend/Dockerfile', 'FROM python:3.12-slim\nWORKDIR /srv\nCOPY . .\nCMD ["gunicorn", "--bind", "0.0.0.0:$PORT", "app:app"]\n')
    const ctx = contextFor(linesOf(['', "Error: '$PORT' is not a valid port number.", '']), {
      repoRoot: repo,
      paths: { repoRoot: repo, contextDir: path.join(repo, 'backend') }
    })
    const d = diagnose(ctx)
    expect(d).toMatchObject({ reason: 'config-error', location: { file: 'backend/Dockerfile', line: 4 } })
    expect(d.summary).toContain('exec-form `CMD`')
    expect(d.remedy).toContain('shell form')
  })

  it('config-error from the exec-form CMD of the Dockerfile the run built (paths.dockerfile), not from gunicorn.conf.py', () => {
    write('Dockerfile', 'FROM python:3.12-slim\nCMD gunicorn -c gunicorn.conf.py app:app\n')
    write('Dockerfile.prod', 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nENV PORT=8000\nCMD ["gunicorn", "--bind", "0.0.0.0:$PORT", "app:app"]\n')
    write('gunicorn.conf.py', 'import os\n\nbind = "0.0.0.0:8000"\nworkers = 2\n')
    const lines = linesOf(["Error: '$PORT' is not a valid port number."])
    const paths = { repoRoot: repo, contextDir: repo }
    const d = diagnose(contextFor(lines, { repoRoot: repo, paths: { ...paths, dockerfile: path.join(repo, 'Dockerfile.prod') } }))
    expect(d).toMatchObject({ reason: 'config-error', location: { file: 'Dockerfile.prod', line: 5 } })
    expect(d.evidence).toContain('CMD ["gunicorn", "--bind", "0.0.0.0:$PORT", "app:app"]')
    expect(d.summary).toContain('exec-form `CMD`')
    // Without the field the rules read ./Dockerfile, whose CMD has no $PORT: the config's bind line is all they have.
    expect(diagnose(contextFor(lines, { repoRoot: repo, paths })).location).toEqual({ file: 'gunicorn.conf.py', line: 3 })
  })

  it('config-error: an empty port and an unrecognized argument', () => {
    expect(diagnose(contextFor(linesOf(["Error: '' is not a valid port number."]))).summary).toContain('empty port')
    const d = diagnose(
      contextFor(linesOf(['usage: gunicorn [OPTIONS] [APP_MODULE]', 'gunicorn: error: unrecognized arguments: --worker-conections 100']))
    )
    expect(d).toMatchObject({ reason: 'config-error' })
    expect(d.summary).toContain('`--worker-conections 100`')
  })

  it('missing-dependency maps the import name to its pip package and finds the file with an unknown WORKDIR', () => {
    write('svc/requirements.txt', 'flask\n')
    write('svc/src/api/settings.py', 'import yaml\n')
    const lines = linesOf(
      workerFailure(
        ['  File "/opt/service/src/api/settings.py", line 1, in <module>', '    import yaml'],
        "ModuleNotFoundError: No module named 'yaml'"
      )
    )
    const d = diagnose(contextFor(lines, { paths: { repoRoot: repo, contextDir: path.join(repo, 'svc') } }))
    expect(d.reason).toBe('missing-dependency')
    expect(d.location).toEqual({ file: 'svc/src/api/settings.py', line: 1, containerPath: '/opt/service/src/api/settings.py' })
    expect(d.remedy).toBe('Add `PyYAML` to `svc/requirements.txt` (the import name `yaml` differs from the package name).')
  })

  it('missing-dependency of a gevent-websocket worker class is a worker-class problem', () => {
    const lines = linesOf([
      glog(1, 'INFO', 'Starting gunicorn 24.1.0'),
      glog(1, 'INFO', 'Using worker: geventwebsocket.gunicorn.workers.GeventWebSocketWorker'),
      glog(7, 'INFO', 'Booting worker with pid: 7'),
      glog(7, 'ERROR', 'Exception in worker process'),
      'Traceback (most recent call last):',
      '  File "/usr/local/lib/python3.12/site-packages/gunicorn/workers/ggevent.py", line 16, in <module>',
      '    import gevent',
      "ModuleNotFoundError: No module named 'gevent'"
    ])
    const d = diagnose(contextFor(lines))
    expect(d.reason).toBe('worker-class-unavailable')
    expect(d.summary).toContain('`gevent` package')
  })

  it('missing-env from a KeyError in os.environ on 24.1+ (with the bare repeat line)', () => {
    write('config.py', 'import os\nSECRET = os.environ["STRIPE_SECRET_KEY"]\n')
    const lines = linesOf(
      workerFailure(
        [
          '  File "/app/config.py", line 2, in <module>',
          '    SECRET = os.environ["STRIPE_SECRET_KEY"]',
          '  File "<frozen os>", line 714, in __getitem__'
        ],
        "KeyError: 'STRIPE_SECRET_KEY'"
      )
    )
    const d = diagnose(contextFor(lines, { repoRoot: repo }))
    expect(d).toMatchObject({ reason: 'missing-env', location: { file: 'config.py', line: 2 } })
    expect(d.summary).toContain('`STRIPE_SECRET_KEY`')
  })

  it('database-unreachable on localhost says the container is not the host', () => {
    const lines = linesOf(
      workerFailure(
        ['  File "/app/cache.py", line 5, in <module>', '    client.ping()'],
        'redis.exceptions.ConnectionError: Error 111 connecting to localhost:6379. Connection refused.'
      )
    )
    const d = diagnose(contextFor(lines))
    expect(d.reason).toBe('database-unreachable')
    expect(d.summary).toContain('Redis at `localhost`')
    expect(d.remedy).toContain('host.docker.internal')
  })

  it('import-error from a library version mismatch and from a circular import', () => {
    const mismatch = diagnose(
      contextFor(
        linesOf(
          workerFailure(
            ['  File "/app/app.py", line 2, in <module>', '    from werkzeug.urls import url_quote'],
            "ImportError: cannot import name 'url_quote' from 'werkzeug.urls' (/usr/local/lib/python3.12/site-packages/werkzeug/urls.py)"
          )
        )
      )
    )
    expect(mismatch.reason).toBe('import-error')
    expect(mismatch.summary).toContain('installed version of `werkzeug`')
    const circular = diagnose(
      contextFor(
        linesOf(
          workerFailure(
            ['  File "/app/models.py", line 1, in <module>', '    from app import db'],
            "ImportError: cannot import name 'db' from partially initialized module 'app' (most likely due to a circular import) (/app/app.py)"
          )
        )
      )
    )
    expect(circular.summary).toContain('circular import')
  })

  it('app-not-found from the ImportError that suggests another spec', () => {
    const lines = linesOf(
      workerFailure(
        ['  File "/usr/local/lib/python3.12/site-packages/gunicorn/util.py", line 371, in import_app'],
        "ImportError: Failed to find application, did you mean 'main:application'?"
      )
    )
    expect(diagnose(contextFor(lines))).toMatchObject({ reason: 'app-not-found', remedy: expect.stringContaining('`main:application`') })
  })

  it('out-of-memory from the container state alone', () => {
    const d = diagnose(
      contextFor(linesOf([glog(1, 'INFO', 'Starting gunicorn 23.0.0')]), {
        container: { running: false, exitCode: 137, oomKilled: true, memoryLimit: '256m' }
      })
    )
    expect(d).toMatchObject({ reason: 'out-of-memory' })
    expect(d.evidence).toContain('container OOMKilled (memory limit 256m)')
  })

  it('boot-timeout: no Gunicorn start at all, and a port other than the probed one', () => {
    const none = diagnose(contextFor(linesOf(['waiting for postgres...']), { outcome: 'boot-timeout', container: { running: true } }))
    expect(none.summary).toContain('no `Starting gunicorn` line')
    const otherPort = diagnose(
      contextFor(linesOf([glog(1, 'INFO', 'Starting gunicorn 23.0.0'), glog(1, 'INFO', 'Listening at: http://0.0.0.0:5000 (1)')]), {
        outcome: 'boot-timeout'
      })
    )
    expect(otherPort.summary).toBe('Gunicorn listens on port 5000 but the smoke test probes port 8000.')
  })

  it('health-check-failed on a connection error', () => {
    const d = diagnose(contextFor(linesOf([]), { outcome: 'health-failed', health: { ok: false, error: 'ECONNRESET', attempts: 12 } }))
    expect(d.summary).toBe('`/health` never answered after 12 attempts: ECONNRESET.')
  })

  describe('websocket-failed', () => {
    const booted = (workerClass: string, workers: number) =>
      linesOf([
        glog(1, 'INFO', 'Starting gunicorn 23.0.0'),
        glog(1, 'INFO', `Using worker: ${workerClass}`),
        ...Array.from({ length: workers }, (_, i) => glog(7 + i, 'INFO', `Booting worker with pid: ${7 + i}`))
      ])
    const outcome = (over: object) => ({
      ok: false,
      protocol: 'websocket' as const,
      path: '/ws',
      detail: 'upgrade answered 400',
      durationMs: 12,
      ...over
    })

    it('404: no such route', () => {
      const d = diagnose(
        contextFor(booted('gevent', 1), {
          outcome: 'websocket-failed',
          websocket: outcome({ status: 404, detail: 'upgrade answered 404', failure: 'http-status' })
        })
      )
      expect(d.summary).toContain('no WebSocket route at `/ws`')
    })

    it('a sync worker class cannot upgrade: names the worker classes that can', () => {
      const d = diagnose(contextFor(booted('sync', 2), { outcome: 'websocket-failed', websocket: outcome({ status: 400, failure: 'http-status' }) }))
      expect(d.summary).toContain('The `sync` worker class cannot hold a WebSocket')
      expect(d.remedy).toContain('geventwebsocket.gunicorn.workers.GeventWebSocketWorker')
      // uvicorn.workers is deprecated (uvicorn 0.30+); eventlet's worker is gone in Gunicorn 26.
      expect(d.remedy).toContain('uvicorn_worker.UvicornWorker')
      expect(d.remedy).not.toContain('eventlet')
    })

    it('Socket.IO with several workers needs sticky sessions or -w 1', () => {
      const d = diagnose(
        contextFor(booted('geventwebsocket.gunicorn.workers.GeventWebSocketWorker', 3), {
          outcome: 'websocket-failed',
          websocket: outcome({ protocol: 'socket.io', path: '/socket.io/', status: 400, detail: 'Session ID unknown', failure: 'http-status' })
        })
      )
      expect(d.summary).toContain('3 workers')
      expect(d.remedy).toContain('`-w 1`')
    })
  })

  it('unknown: an unrecognised exception still points at the user frame', () => {
    write('app.py', 'import index\n')
    write('index.py', 'raise RuntimeError("search index missing")\n')
    const lines = linesOf(
      workerFailure(
        [
          '  File "/app/app.py", line 1, in <module>',
          '    import index',
          '  File "/app/index.py", line 1, in <module>',
          '    raise RuntimeError("search index missing")'
        ],
        'RuntimeError: search index missing'
      )
    )
    const ctx = contextFor(lines, { repoRoot: repo })
    const d = diagnose(ctx)
    expect(d).toMatchObject({ reason: 'unknown', location: { file: 'index.py', line: 1 } })
    expect(d.summary).toContain('RuntimeError: search index missing')
    expect(annotationsFor(d, ctx)).toEqual([expect.objectContaining({ level: 'error', file: 'index.py', line: 1 })])
  })

  it('unknown without anything recognisable keeps the most relevant lines and annotates without a file', () => {
    const ctx = contextFor(linesOf(['starting', 'fatal: config missing', 'bye']), { container: { running: false, exitCode: 2 } })
    const d = diagnose(ctx)
    expect(d.summary).toBe('The container exited with code 2 without a recognisable Gunicorn error.')
    expect(d.evidence).toEqual(['fatal: config missing'])
    const annotations = annotationsFor(d, ctx)
    expect(annotations).toHaveLength(1)
    expect(annotations[0]).toMatchObject({ level: 'error', title: 'Gunicorn smoke: Unrecognised failure' })
    expect(annotations[0].file).toBeUndefined()
  })
})
