import { BootTracker, type BootSignal } from '../../src/gunicorn/boot-tracker.js'
import type { LogLine } from '../../src/core/model.js'
import { GUNICORN_VERSION, SUITES, captured, glog, linesOf } from './captured-logs.js'

/** Feeds lines until the tracker gives up; returns the signal that gave up and everything seen. */
function run(lines: LogLine[], tracker = new BootTracker()) {
  const signals: BootSignal[] = []
  let gaveUpAt: BootSignal['gaveUp']
  for (const line of lines) {
    const signal = tracker.push(line)
    signals.push(signal)
    if (signal.gaveUp) gaveUpAt ??= signal.gaveUp
  }
  return { tracker, signals, gaveUpAt }
}

describe.each(SUITES)('tracking the real %s boots', (suite) => {
  it.each(['missing-dependency', 'missing-dependency-w1', 'import-error', 'syntax-error', 'missing-env', 'database-unreachable'])(
    'gives up on %s as soon as every booted worker has died with an exception',
    (scenario) => {
      const { lines } = captured(suite, scenario)
      const { tracker, gaveUpAt } = run(lines)
      expect(gaveUpAt?.why).toMatch(/^every worker failed to boot/)
      // Before the master's own verdict (Reason:/HaltServer) arrives: fail fast.
      const verdict = lines.findIndex((l) => / Reason: |HaltServer/.test(l.text))
      expect(gaveUpAt!.line.seq).toBeLessThanOrEqual(verdict)
      const state = tracker.state()
      expect(state.alivePids).toEqual([])
      expect(state.failedBootPids.length).toBeGreaterThan(0)
      expect(state.bootedPids.sort()).toEqual(state.deadPids.sort())
    }
  )

  it('gives up on JSON-logged boots (a logging formatter) before the master says why it stops', () => {
    const { lines } = captured(suite, 'json-logs')
    const { tracker, gaveUpAt } = run(lines)
    expect(gaveUpAt?.why).toMatch(/^every worker failed to boot/)
    const verdict = lines.findIndex((l) => /"Reason: |HaltServer/.test(l.text))
    expect(verdict).toBeGreaterThan(0)
    expect(gaveUpAt!.line.seq).toBeLessThanOrEqual(verdict)
    expect(tracker.state().failedBootPids.length).toBeGreaterThan(0)
  })

  it('gives up on the config error line, before any master start', () => {
    const { tracker, gaveUpAt } = run(captured(suite, 'config-error').lines)
    expect(gaveUpAt).toMatchObject({ why: "Gunicorn rejected its configuration: '${PORT}' is not a valid port number." })
    expect(tracker.state()).toMatchObject({ started: false, bootedPids: [] })
  })

  it('gives up on an app that cannot be found (exit 4)', () => {
    const { gaveUpAt } = run(captured(suite, 'app-not-found').lines)
    expect(gaveUpAt?.line.text).toBe("Failed to find attribute 'app' in 'app'.")
  })

  it("gives up on Can't connect after the port retries", () => {
    const { gaveUpAt } = run(captured(suite, 'port-in-use').lines)
    expect(gaveUpAt?.why).toBe("Gunicorn could not bind ('0.0.0.0', 8000)")
  })

  it('gives up when workers keep being killed for memory, naming the deaths', () => {
    const { tracker, gaveUpAt, signals } = run(captured(suite, 'out-of-memory').lines)
    expect(gaveUpAt?.why).toMatch(/^workers keep dying \(6 /)
    const died = signals.filter((s) => s.workerDied).map((s) => s.workerDied!)
    expect(died[0]).toMatchObject({ signal: 'SIGKILL', afterBoot: true, bootException: false })
    expect(tracker.facts()).toMatchObject({
      version: GUNICORN_VERSION[suite],
      workerClass: 'sync',
      binds: ['0.0.0.0:8000'],
      workersExpected: 3
    })
  })

  it('does not give up on a server that booted and stays quiet (boot-timeout, health 503)', () => {
    for (const scenario of ['boot-timeout', 'health-check-failed']) {
      const { tracker, gaveUpAt, signals } = run(captured(suite, scenario).lines)
      expect(gaveUpAt).toBeUndefined()
      expect(signals.filter((s) => s.workerBooted).map((s) => s.workerBooted)).toEqual(tracker.state().alivePids)
      expect(tracker.state().alivePids).toHaveLength(2)
    }
    expect(run(captured(suite, 'boot-timeout').lines).tracker.state().binds).toEqual(['127.0.0.1:8000'])
  })

  it('reports worker deaths after boot in a crash loop, even when 20.1 logs none of them', () => {
    const { signals, tracker } = run(captured(suite, 'crash-loop').lines)
    const died = signals.filter((s) => s.workerDied).map((s) => s.workerDied!)
    expect(died.length).toBeGreaterThanOrEqual(4)
    expect(died.every((d) => d.afterBoot && !d.bootException)).toBe(true)
    if (suite === 'bookworm') expect(died.every((d) => d.presumed)).toBe(true)
    else expect(died.every((d) => d.code === 1 && !d.presumed)).toBe(true)
    expect(tracker.state().alivePids).toHaveLength(2)
  })
})

describe('tracking boot timeouts', () => {
  it('signals each WORKER TIMEOUT and gives up on the second (20.1)', () => {
    const { signals, gaveUpAt } = run(captured('bookworm', 'worker-timeout').lines)
    expect(signals.filter((s) => s.workerTimeout).map((s) => s.workerTimeout)).toEqual([6, 7, 8])
    expect(gaveUpAt?.why).toMatch(/^workers keep timing out/)
  })

  it('sees a 23.0 worker that hangs while importing as alive (Gunicorn 22+ never times it out)', () => {
    const { tracker, gaveUpAt } = run(captured('trixie', 'worker-timeout').lines)
    expect(gaveUpAt).toBeUndefined()
    expect(tracker.state()).toMatchObject({ alivePids: [8], timeouts: 0 })
  })
})

describe('versions that cannot run here', () => {
  it('gives up on the 24.0.0 hang: every worker died, no Reason line, the master never exits', () => {
    const { gaveUpAt, tracker } = run(
      linesOf([
        glog(1, 'INFO', 'Starting gunicorn 24.0.0'),
        glog(1, 'INFO', 'Listening at: http://0.0.0.0:8000 (1)'),
        glog(1, 'INFO', 'Using worker: sync'),
        glog(7, 'INFO', 'Booting worker with pid: 7'),
        glog(7, 'ERROR', 'Exception in worker process'),
        'Traceback (most recent call last):',
        '  File "/app/app.py", line 1, in <module>',
        '    import stripe',
        "ModuleNotFoundError: No module named 'stripe'",
        "No module named 'stripe'",
        glog(7, 'INFO', 'Worker exiting (pid: 7)'),
        glog(1, 'ERROR', 'Unhandled signal: cld')
      ])
    )
    expect(gaveUpAt).toMatchObject({ why: expect.stringMatching(/^every worker failed to boot/), line: { seq: 10 } })
    expect(tracker.facts()).toMatchObject({ version: '24.0.0', workersBooted: 1, workersDied: 1 })
  })

  it('gives up on HaltServer when several workers race and no Reason line comes (24.1+)', () => {
    const { gaveUpAt } = run(
      linesOf([
        glog(1, 'INFO', 'Starting gunicorn 25.3.0'),
        glog(7, 'INFO', 'Booting worker with pid: 7'),
        glog(8, 'INFO', 'Booting worker with pid: 8'),
        glog(1, 'ERROR', 'Worker (pid:7) exited with code 3.'),
        'Traceback (most recent call last):',
        '  File "/usr/lib/python3/dist-packages/gunicorn/arbiter.py", line 525, in reap_workers',
        "gunicorn.errors.HaltServer: <HaltServer 'Worker failed to boot.' 3>"
      ])
    )
    expect(gaveUpAt?.why).toBe('Gunicorn halted: Worker failed to boot. (exit code 3)')
  })

  it('merges the two exit lines 21–23 print for code 1, and ignores orphans reaped by PID 1', () => {
    const { signals, tracker } = run(
      linesOf([
        glog(7, 'INFO', 'Booting worker with pid: 7'),
        glog(8, 'INFO', 'Booting worker with pid: 8'),
        glog(1, 'ERROR', 'Worker (pid:42) exited with code 1'),
        glog(1, 'ERROR', 'Worker (pid:7) exited with code 1'),
        glog(1, 'ERROR', 'Worker (pid:7) exited with code 1.')
      ])
    )
    expect(signals.filter((s) => s.workerDied).map((s) => s.workerDied!.pid)).toEqual([7])
    expect(tracker.state()).toMatchObject({ deadPids: [7], alivePids: [8] })
  })

  it('counts the exits of a log that shows no boot at all (loglevel warning), and gives up on them', () => {
    // Gunicorn 26.2 on forky with `loglevel = "warning"`: each worker's refusal, then the master's exit line only.
    const refusal = 'ERROR:root:DEPLOY_REGION not set: the app cannot choose its data centre'
    const exits = [17, 19, 21, 23, 25, 27].flatMap((pid) => [refusal, glog(1, 'ERROR', `Worker (pid:${pid}) exited with code 1.`)])
    const { tracker, gaveUpAt } = run(linesOf(exits))
    expect(gaveUpAt?.why).toBe('workers keep dying (6 exited or were killed)')
    expect(tracker.state().deaths[0]).toMatchObject({ pid: 17, code: 1, afterBoot: false })
    // Once a boot or the master's start is in the log, an exit of a pid never seen booting is still an orphan's.
    const started = run(linesOf([glog(1, 'INFO', 'Starting gunicorn 23.0.0'), glog(1, 'ERROR', 'Worker (pid:42) exited with code 1')]))
    expect(started.tracker.state().deaths).toEqual([])
  })

  it('uses the expected worker count to notice silent exits, and ignores exits after a shutdown signal', () => {
    const { signals, tracker } = run(
      linesOf([
        glog(7, 'INFO', 'Booting worker with pid: 7'),
        glog(9, 'INFO', 'Booting worker with pid: 9'),
        glog(1, 'INFO', 'Handling signal: term'),
        glog(7, 'INFO', 'Worker exiting (pid: 7)'),
        glog(9, 'INFO', 'Worker exiting (pid: 9)')
      ]),
      new BootTracker({ expectedWorkers: 1 })
    )
    expect(signals[1].workerDied).toMatchObject({ pid: 7, presumed: true })
    expect(signals.some((s) => s.gaveUp)).toBe(false)
    expect(tracker.facts().workersExpected).toBe(1)
  })

  it('gives up on a preload_app traceback printed before the master started', () => {
    const { gaveUpAt } = run(
      linesOf([
        'Traceback (most recent call last):',
        '  File "/app/app.py", line 4, in <module>',
        '    import stripe',
        "ModuleNotFoundError: No module named 'stripe'"
      ])
    )
    expect(gaveUpAt?.why).toBe("Gunicorn crashed before starting: ModuleNotFoundError: No module named 'stripe'")
  })

  // Its speed is measured by bench/parser-throughput.mjs (the live path), not asserted here.
  it('streams 40 MB of log keeping its state, not an event per line', () => {
    const tracker = new BootTracker()
    const access = '172.17.0.1 - - [27/Nov/2026:10:14:03 +0000] "GET /health HTTP/1.1" 200 15 "-" "gunicorn-smoke/1.0 (health probe)"'
    const lines = [glog(1, 'INFO', 'Starting gunicorn 23.0.0'), glog(7, 'INFO', 'Booting worker with pid: 7')]
    let seq = 0
    let bytes = 0
    for (const text of lines) tracker.push({ seq: seq++, stream: 'stderr', text, at: seq })
    while (bytes < 40 * 1024 * 1024) {
      const text = seq % 100 === 0 ? glog(1, 'INFO', 'Autorestarting worker after current request.') : access
      tracker.push({ seq: seq++, stream: 'stdout', text, at: seq })
      bytes += text.length + 1
    }
    expect(tracker.events.length).toBeLessThan(10)
    expect(tracker.state().alivePids).toEqual([7])
  })
})
