// The hang, native-crash and wrong-answer diagnoses on the logs captured from real boots on the three bases.
import type { DiagnosisContext } from '../../src/diagnosis/index.js'
import { SUITES, captured, type Suite } from '../gunicorn/captured-logs.js'
import { diagnose, fromCapture as fromCaptureRun } from './context-helper.js'
import { Redactor, redactReport } from '../../src/render/redact.js'
import type { RunReport } from '../../src/core/model.js'

const fixtureFile = (fixture: string, file: string) => `__fixtures__/apps/${fixture}/${file}`

const fromCapture = (suite: Suite, scenario: string, overrides: Partial<DiagnosisContext> = {}): DiagnosisContext =>
  fromCaptureRun(suite, scenario, overrides, 'unstable')

/** As the run records it: the stuck worker is the last one booted before the dump, asked after `stuckForMs`. */
function withStackRequest(suite: Suite, scenario: string): DiagnosisContext {
  const { lines } = captured(suite, scenario)
  const dumpAt = lines.findIndex((l) => l.text.startsWith('Fatal Python error'))
  const boot = lines
    .slice(0, dumpAt)
    .reverse()
    .find((l) => /Booting worker with pid: \d+/.test(l.text))!
  const pid = Number(/pid: (\d+)/.exec(boot.text)![1])
  return fromCapture(suite, scenario, {
    outcome: 'boot-timeout',
    stackRequest: { pid, afterSeq: dumpAt - 1, stuckForMs: 25_000, via: 'docker exec sh -c kill' }
  })
}

describe.each(SUITES)('hangs and native crashes on %s', (suite) => {
  it('worker-hang: names app.py:4 and its sleep, with the stack as evidence and a sleep remedy', () => {
    const d = diagnose(withStackRequest(suite, 'worker-hang-stack'))
    expect(d.reason).toBe('worker-hang')
    expect(d.summary).toContain('stuck importing `__fixtures__/apps/fail-worker-hang/app.py:4` (`time.sleep(3600)`) after 25 s')
    expect(d.location).toEqual({ file: fixtureFile('fail-worker-hang', 'app.py'), line: 4, containerPath: '/app/app.py' })
    expect(d.evidence).toContain('  File "/app/app.py", line 4 in <module>')
    expect(d.evidence[0]).toMatch(/Booting worker with pid: \d+$/)
    expect(d.remedy).toMatch(/^The app sleeps at import/)
  })

  it('worker-hang: a blocked connect names broker.py:10 and a service the CI run lacks', () => {
    const d = diagnose(withStackRequest(suite, 'connect-hang-stack'))
    expect(d.reason).toBe('worker-hang')
    expect(d.summary).toContain('`__fixtures__/apps/fail-connect-hang/broker.py:10` (`return socket.create_connection((BROKER_HOST, BROKER_PORT))`)')
    expect(d.summary).toContain('waiting on a network connection (`create_connection`)')
    expect(d.location).toMatchObject({ file: fixtureFile('fail-connect-hang', 'broker.py'), line: 10 })
    expect(d.evidence).toEqual(
      expect.arrayContaining([expect.stringMatching(/socket\.py", line \d+ in create_connection$/), '  File "/app/broker.py", line 10 in connect'])
    )
    expect(d.remedy).toContain('a service the CI run lacks')
    expect(d.remedy).toContain('timeout')
  })

  it('worker-hang: without a dump (faulthandler off) it still says the worker never finished booting', () => {
    const ctx = fromCapture(suite, 'worker-hang', {
      outcome: 'boot-timeout',
      stackRequest: { pid: 7, afterSeq: 3, stuckForMs: 25_000, via: 'docker exec sh -c kill' }
    })
    const d = diagnose(ctx)
    expect(d.reason).toBe('worker-hang')
    expect(d.summary).toMatch(/never finished booting \(stuck for 25 s\) and printed no stack/)
  })

  it('native-crash: names the module whose import crashed, the frame and the extension modules', () => {
    const d = diagnose(fromCapture(suite, 'native-crash'))
    expect(d.reason).toBe('native-crash')
    expect(d.summary).toMatch(
      /^A worker crashed in native code \(`Fatal Python error: Segmentation fault`\) while importing `fastjson` at `__fixtures__\/apps\/fail-native-crash\/fastjson.py:8` \(`return ctypes.string_at\(0\)`\), \d+ times/
    )
    expect(d.summary).toContain('Extension modules loaded: `markupsafe._speedups`.')
    expect(d.location).toMatchObject({ file: fixtureFile('fail-native-crash', 'fastjson.py'), line: 8 })
    expect(d.evidence[0]).toBe('Fatal Python error: Segmentation fault')
    expect(d.evidence).toContain('  File "/app/fastjson.py", line 8 in _load')
    expect(d.remedy).toContain('--no-cache-dir --force-reinstall')
  })

  it('native-crash: a binary-incompatible greenlet names gevent and greenlet and says to reinstall both', () => {
    const d = diagnose(fromCapture(suite, 'binary-incompatible'))
    expect(d.reason).toBe('native-crash')
    expect(d.summary).toMatch(
      /^`gevent` was built against another version of `greenlet`: Python warned `greenlet.greenlet size changed, may indicate binary incompatibility` \(expected \d+ bytes, got \d+\)\.$/
    )
    expect(d.remedy).toContain('Reinstall `gevent` and `greenlet` together with versions that match')
    expect(d.remedy).toContain('no cached or prebuilt wheel')
    expect(d.location).toEqual({ file: fixtureFile('fail-binary-incompatible', 'requirements.txt'), line: 2 })
    expect(d.evidence[0]).toMatch(/RuntimeWarning: greenlet.greenlet size changed/)
  })

  it('the stack dump and what is read from it go through the redaction like every other string', () => {
    const ctx = withStackRequest(suite, 'worker-hang-stack')
    const diagnosis = diagnose(ctx)
    const secret = 'time.sleep(3600)'
    const report = { summary: diagnosis.summary, diagnosis, log: ctx.lines, annotations: [] } as unknown as RunReport
    const safe = redactReport(report, new Redactor([secret, '/app/app.py']))
    expect(JSON.stringify(safe)).not.toContain(secret)
    expect(JSON.stringify(safe)).not.toContain('/app/app.py')
    expect(safe.log.find((l) => l.text.includes('line 4 in <module>'))?.text).toBe('  File "***", line 4 in <module>')
  })

  it('a stack the run asked for is not taken for a native crash', () => {
    const d = diagnose(withStackRequest(suite, 'worker-hang-stack'))
    expect(d.reason).not.toBe('native-crash')
  })
})

describe.each(SUITES)('apps that boot but answer wrongly on %s', (suite) => {
  it.each(['asgi-under-wsgi', 'asgi-under-gevent'])('asgi-under-wsgi (%s): FastAPI, the worker class, uvicorn-worker and -k asgi', (scenario) => {
    const d = diagnose(fromCapture(suite, scenario, { outcome: 'health-failed' }))
    expect(d.reason).toBe('asgi-under-wsgi')
    const worker = scenario === 'asgi-under-gevent' ? 'gevent' : 'sync'
    expect(d.summary).toContain(`\`FastAPI\` is an ASGI app but Gunicorn runs it with the WSGI worker \`${worker}\``)
    expect(d.summary).toContain("`TypeError: FastAPI.__call__() missing 1 required positional argument: 'send'` and answers 500")
    expect(d.remedy).toContain('`-k uvicorn_worker.UvicornWorker` (add the package `uvicorn-worker`')
    expect(d.remedy).toContain('`-k asgi`')
    expect(d.evidence[0]).toMatch(/\[ERROR\] Error handling request \/?(GET )?\/health$/)
  })

  it('disallowed-host: Django 400 with nothing logged, the ALLOWED_HOSTS line, and host-header api.example.com', () => {
    const d = diagnose(fromCapture(suite, 'disallowed-host', { outcome: 'health-failed' }))
    expect(d.reason).toBe('disallowed-host')
    expect(d.summary).toContain(
      '`ALLOWED_HOSTS` in `__fixtures__/apps/fail-disallowed-host/shop/settings.py:4` (with DEBUG off, Django logs nothing about it)'
    )
    expect(d.location).toEqual({ file: fixtureFile('fail-disallowed-host', 'shop/settings.py'), line: 4 })
    expect(d.remedy).toContain('set the `host-header` input to `api.example.com`')
    expect(d.evidence).toContain('ALLOWED_HOSTS = ["api.example.com"]')
  })

  it('with host-header set, the same app answers 200 (the capture sent Host: api.example.com)', () => {
    expect(captured(suite, 'disallowed-host-with-host').meta.health).toEqual({ status: 200, body: '{"status": "ok"}' })
  })
})
