import { GunicornLogParser, parseGunicornLog, type EventOf, type GunicornEvent } from '../../src/gunicorn/log-parser.js'
import { readableSegments } from '../../src/gunicorn/line-reading.js'
import { GUNICORN_VERSION, SUITES, captured, glog, linesOf, scenarios } from './captured-logs.js'

const ofKind = <K extends GunicornEvent['kind']>(events: GunicornEvent[], kind: K) => events.filter((e): e is EventOf<K> => e.kind === kind)

describe.each(SUITES)('parsing the real %s logs', (suite) => {
  const version = GUNICORN_VERSION[suite]

  it('keeps every line: each line belongs to one event per segment it holds', () => {
    for (const scenario of scenarios(suite)) {
      const { lines } = captured(suite, scenario)
      const events = parseGunicornLog(lines)
      // A HaltServer line is shared by its traceback and the halt-server event derived from it.
      const covered = events.filter((e) => e.kind !== 'halt-server').flatMap((e) => e.lines.map((l) => l.seq))
      // Two processes writing at once can leave two messages on one physical line (a worker's dump and the
      // master's next line): each part is read, and belongs to its own event.
      const expected = lines.flatMap((l) => readableSegments(l.text).map(() => l.seq))
      expect(covered.sort((a, b) => a - b)).toEqual(expected)
    }
  })

  it('reads the master start, bind, worker class and boots with their prefix', () => {
    const events = parseGunicornLog(captured(suite, 'missing-dependency').lines)
    expect(ofKind(events, 'master-start')[0]).toMatchObject({ version, prefix: { pid: 1, level: 'INFO' } })
    expect(ofKind(events, 'listening')[0]).toMatchObject({ addresses: ['http://0.0.0.0:8000'], masterPid: 1 })
    expect(ofKind(events, 'worker-class')[0].workerClass).toBe('sync')
    expect(ofKind(events, 'worker-boot').map((e) => e.pid)).toHaveLength(4)
    expect(ofKind(events, 'master-start')[0].prefix?.timestamp).toMatch(/^2026-\d\d-\d\d \d\d:\d\d:\d\d \+0000$/)
  })

  it('turns each worker traceback into one event with the user frames and the exception', () => {
    const events = parseGunicornLog(captured(suite, 'missing-dependency').lines)
    const workerTracebacks = ofKind(events, 'traceback').filter((tb) => tb.pid !== undefined)
    const exceptionPids = ofKind(events, 'worker-exception').map((e) => e.pid)
    expect(workerTracebacks.map((tb) => tb.pid)).toEqual(exceptionPids)
    for (const tb of workerTracebacks) {
      expect(tb.exception).toEqual({
        type: 'ModuleNotFoundError',
        message: "No module named 'stripe'",
        line: "ModuleNotFoundError: No module named 'stripe'"
      })
      const last = tb.frames[tb.frames.length - 1]
      expect(last).toEqual({ file: '/app/billing/payments.py', line: 3, func: '<module>', code: 'import stripe' })
      expect(tb.frames[0].file).toMatch(/gunicorn\/arbiter\.py$/)
      // Python 3.11+ caret lines are not mistaken for code.
      expect(tb.frames.every((f) => !/^\^+$/.test(f.code ?? ''))).toBe(true)
    }
  })

  it('reads the SyntaxError frame, which has no function name', () => {
    const tb = ofKind(parseGunicornLog(captured(suite, 'syntax-error').lines), 'traceback')[0]
    expect(tb.exception).toMatchObject({ type: 'SyntaxError', message: "'(' was never closed" })
    expect(tb.frames[tb.frames.length - 1]).toEqual({
      file: '/app/routes.py',
      line: 10,
      func: undefined,
      code: 'return jsonify(list(PRODUCTS.values())[:limit]'
    })
  })

  it('reads the config error printed without a prefix before the master starts', () => {
    const events = parseGunicornLog(captured(suite, 'config-error').lines)
    expect(ofKind(events, 'config-error').map((e) => e.message)).toEqual(["'${PORT}' is not a valid port number."])
    expect(ofKind(events, 'master-start')).toHaveLength(0)
  })

  it('reads the worker class error and the bracketed traceback after it', () => {
    const events = parseGunicornLog(captured(suite, 'worker-class-unavailable').lines)
    expect(ofKind(events, 'config-error')[0].message).toBe("class uri 'eventlet' invalid or not found:")
    const tracebacks = ofKind(events, 'traceback')
    if (suite === 'forky') {
      // Gunicorn 26 removed the eventlet worker: its entry point is gone, whatever is installed.
      expect(tracebacks.map((tb) => tb.exception.line)).toEqual(["ImportError: Entry point ('gunicorn.workers', 'eventlet') not found"])
    } else {
      expect(tracebacks.map((tb) => tb.exception.type)).toEqual(['ModuleNotFoundError', 'RuntimeError'])
      expect(tracebacks.map((tb) => tb.chained)).toEqual([false, true])
    }
  })

  it('reads the AppImportError message printed raw', () => {
    const events = parseGunicornLog(captured(suite, 'app-not-found').lines)
    expect(ofKind(events, 'app-load-error')[0].message).toBe("Failed to find attribute 'app' in 'app'.")
    expect(ofKind(events, 'shutdown').map((e) => e.reason ?? e.what)).toEqual(['Master', 'App failed to load.'])
  })

  it('reads the port conflict', () => {
    const events = parseGunicornLog(captured(suite, 'port-in-use').lines)
    expect(ofKind(events, 'connection-in-use')[0].address).toBe("('0.0.0.0', 8000)")
    expect(ofKind(events, 'cant-connect')).toEqual([expect.objectContaining({ address: "('0.0.0.0', 8000)" })])
  })

  it('reads killed workers in the format of its version', () => {
    const signals = ofKind(parseGunicornLog(captured(suite, 'out-of-memory').lines), 'worker-signal')
    expect(signals.length).toBeGreaterThan(3)
    expect(signals.every((s) => s.signal === 'SIGKILL')).toBe(true)
    // Only 21+ says "Perhaps out of memory?"; 20.1 prints the signal number.
    expect(signals.every((s) => s.perhapsOom)).toBe(suite !== 'bookworm')
  })

  it('keeps app output as raw lines', () => {
    const raw = ofKind(parseGunicornLog(captured(suite, 'crash-loop').lines), 'raw')
    expect(raw.map((e) => e.text)).toContain('price refresh failed: <urlopen error [Errno 111] Connection refused>; restarting worker')
  })
})

describe('formats of versions that cannot run here (24.x – 26.x, from the reference)', () => {
  it('reads exit lines with and without the trailing period, and signals by name', () => {
    const events = parseGunicornLog(
      linesOf([
        glog(1, 'ERROR', 'Worker (pid:7) exited with code 3.'),
        glog(1, 'ERROR', 'Worker (pid:8) exited with code 1'),
        glog(1, 'ERROR', 'Worker (pid:9) was sent SIGKILL! Perhaps out of memory?'),
        glog(1, 'INFO', 'Worker (pid:10) was sent SIGTERM!'),
        glog(1, 'WARNING', 'Worker (pid:11) was sent code 139!'),
        glog(1, 'CRITICAL', 'WORKER TIMEOUT (pid:12)'),
        glog(1, 'INFO', 'Control socket listening at /run/gunicorn.ctl'),
        glog(1, 'ERROR', 'Unhandled signal: cld')
      ])
    )
    expect(events.map((e) => e.kind)).toEqual([
      'worker-exit',
      'worker-exit',
      'worker-signal',
      'worker-signal',
      'worker-signal',
      'worker-timeout',
      'raw',
      'unhandled-signal'
    ])
    expect(ofKind(events, 'worker-exit').map((e) => [e.pid, e.code])).toEqual([
      [7, 3],
      [8, 1]
    ])
    expect(ofKind(events, 'worker-signal').map((e) => [e.pid, e.signal, e.perhapsOom])).toEqual([
      [9, 'SIGKILL', true],
      [10, 'SIGTERM', false],
      [11, 'code 139', false]
    ])
  })

  it('keeps the bare str(e) that 24.1+ prints after the traceback as a raw line', () => {
    const events = parseGunicornLog(
      linesOf([
        glog(7, 'ERROR', 'Exception in worker process'),
        'Traceback (most recent call last):',
        '  File "/app/config.py", line 3, in <module>',
        '    DATABASE_URL = os.environ["DATABASE_URL"]',
        '  File "<frozen os>", line 714, in __getitem__',
        "KeyError: 'DATABASE_URL'",
        "'DATABASE_URL'",
        glog(7, 'INFO', 'Worker exiting (pid: 7)')
      ])
    )
    expect(events.map((e) => e.kind)).toEqual(['worker-exception', 'traceback', 'raw', 'worker-exiting'])
    expect(ofKind(events, 'traceback')[0]).toMatchObject({ pid: 7, exception: { type: 'KeyError', message: "'DATABASE_URL'" } })
  })

  it('separates two identical tracebacks written line by line at the same time', () => {
    const tracebackOf = (file: string) => [
      'Traceback (most recent call last):',
      '  File "/usr/lib/python3/dist-packages/gunicorn/arbiter.py", line 589, in spawn_worker',
      '    worker.init_process()',
      `  File "${file}", line 3, in <module>`,
      '    import stripe',
      "ModuleNotFoundError: No module named 'stripe'"
    ]
    const a = tracebackOf('/app/billing/payments.py')
    const b = tracebackOf('/app/billing/payments.py')
    const interleaved = [glog(7, 'ERROR', 'Exception in worker process'), glog(8, 'ERROR', 'Exception in worker process')]
    for (let i = 0; i < a.length; i++) interleaved.push(a[i], b[i])
    interleaved.push(glog(9, 'INFO', 'Booting worker with pid: 9'))
    const events = parseGunicornLog(linesOf(interleaved))
    const tracebacks = ofKind(events, 'traceback')
    expect(tracebacks.map((tb) => tb.pid)).toEqual([7, 8])
    for (const tb of tracebacks) {
      expect(tb.frames.map((f) => [f.file, f.code])).toEqual([
        ['/usr/lib/python3/dist-packages/gunicorn/arbiter.py', 'worker.init_process()'],
        ['/app/billing/payments.py', 'import stripe']
      ])
      expect(tb.exception.type).toBe('ModuleNotFoundError')
    }
    expect(ofKind(events, 'worker-boot')).toHaveLength(1)
  })

  it('keeps a prefixed Gunicorn line arriving in the middle of a traceback as its own event', () => {
    const events = parseGunicornLog(
      linesOf([
        glog(7, 'ERROR', 'Exception in worker process'),
        'Traceback (most recent call last):',
        '  File "/app/app.py", line 1, in <module>',
        glog(8, 'INFO', 'Booting worker with pid: 8'),
        '    import yaml',
        "ModuleNotFoundError: No module named 'yaml'"
      ])
    )
    expect(events.map((e) => e.kind)).toEqual(['worker-exception', 'worker-boot', 'traceback'])
    expect(ofKind(events, 'traceback')[0].frames[0].code).toBe('import yaml')
  })

  it('emits a traceback the log ends inside as a cut-traceback on flush, with its frames and lines', () => {
    const parser = new GunicornLogParser()
    const lines = linesOf(['Traceback (most recent call last):', '  File "/app/app.py", line 9, in <module>', '    connect()'])
    for (const line of lines) expect(parser.push(line)).toEqual([])
    const [cut] = parser.flush()
    expect(cut).toMatchObject({ kind: 'cut-traceback', frames: [{ file: '/app/app.py', line: 9, func: '<module>', code: 'connect()' }] })
    expect(cut.lines).toEqual(lines)
    expect(parser.events).toHaveLength(1)
  })

  it("reads a headless traceback's end whether its `File` line kept Python's two blanks, lost them, or sits in an indented paste", () => {
    const frame = 'File "/usr/lib/python3/dist-packages/gunicorn/workers/base.py", line 203, in handle_abort'
    for (const [file, code, exception] of [
      [`  ${frame}`, '    sys.exit(1)', 'SystemExit: 1'],
      [frame, '    sys.exit(1)', 'SystemExit: 1'],
      [`      ${frame}`, '        sys.exit(1)', '    SystemExit: 1'],
      [`    ${frame}`, '        sys.exit(1)', '    SystemExit: 1']
    ]) {
      const events = parseGunicornLog(linesOf([file, code, exception]))
      expect(events).toMatchObject([
        { kind: 'traceback', headless: true, frames: [{ func: 'handle_abort', code: 'sys.exit(1)' }], exception: { type: 'SystemExit' } }
      ])
    }
  })

  it('emits an open traceback header without any frame as raw on flush', () => {
    const parser = new GunicornLogParser()
    parser.push(linesOf(['Traceback (most recent call last):'])[0])
    expect(parser.flush().map((e) => e.kind)).toEqual(['raw'])
  })

  it('does not take print() output for an exception line', () => {
    const events = parseGunicornLog(
      linesOf([
        'Traceback (most recent call last):',
        '  File "/app/app.py", line 9, in <module>',
        '    load()',
        'Loaded: 3 models',
        'psycopg2.OperationalError: connection to server at "db" (10.0.0.5), port 5432 failed: Connection refused',
        '\tIs the server running on that host and accepting TCP/IP connections?'
      ])
    )
    expect(events.map((e) => e.kind)).toEqual(['raw', 'traceback', 'raw'])
    expect(ofKind(events, 'traceback')[0].exception.type).toBe('psycopg2.OperationalError')
  })

  it('reads argparse and invalid-value errors, and a preload traceback without any prefix', () => {
    const events = parseGunicornLog(
      linesOf([
        'usage: gunicorn [OPTIONS] [APP_MODULE]',
        'gunicorn: error: unrecognized arguments: --worker-conections 100',
        'Invalid value for workers: abc',
        '',
        "Error: 'abc' is not a valid integer.",
        'Failed to read config file: gunicorn.conf.py'
      ])
    )
    expect(ofKind(events, 'config-error').map((e) => e.message)).toEqual([
      'unrecognized arguments: --worker-conections 100',
      'Invalid value for workers: abc',
      "'abc' is not a valid integer.",
      'Failed to read config file: gunicorn.conf.py'
    ])
  })

  it('reads HaltServer as both a traceback and a halt-server event', () => {
    const events = parseGunicornLog(
      linesOf([
        'Traceback (most recent call last):',
        '  File "/usr/lib/python3/dist-packages/gunicorn/arbiter.py", line 525, in reap_workers',
        '    raise HaltServer(reason, self.WORKER_BOOT_ERROR)',
        "gunicorn.errors.HaltServer: <HaltServer 'Worker failed to boot.' 3>"
      ])
    )
    expect(ofKind(events, 'halt-server')).toEqual([expect.objectContaining({ reason: 'Worker failed to boot.', code: 3 })])
  })

  it('tolerates CRLF endings and a JSON log format (its message read, nothing lost)', () => {
    const events = parseGunicornLog(linesOf([glog(1, 'INFO', 'Starting gunicorn 25.3.0\r'), '{"level": "info", "msg": "Booting worker"}']))
    expect(ofKind(events, 'master-start')[0].version).toBe('25.3.0')
    // A JSON line is read by its message field (structured-lines.ts); the event keeps the line as it arrived.
    expect(events[1]).toMatchObject({ kind: 'raw', text: 'Booting worker' })
    expect(events[1].lines[0].text).toBe('{"level": "info", "msg": "Booting worker"}')
  })

  it('does not keep events when asked not to (the tracker streams huge logs)', () => {
    const parser = new GunicornLogParser({ keepEvents: false })
    expect(parser.push(linesOf([glog(1, 'INFO', 'Starting gunicorn 23.0.0')])[0]).map((e) => e.kind)).toEqual(['master-start'])
    expect(parser.events).toHaveLength(0)
  })
})

describe('lines nothing recognises', () => {
  const noise = (n: number, from = 0): string[] => Array.from({ length: n }, (_, i) => `INFO sqlalchemy.engine.Engine SELECT 1 -- row ${from + i}`)

  it('are one raw event per run, holding every line of it, in order with the other events', () => {
    const events = parseGunicornLog(
      linesOf([
        ...noise(3),
        glog(7, 'INFO', 'Booting worker with pid: 7'),
        ...noise(2, 3),
        'Traceback (most recent call last):',
        '  File "/app/app.py", line 1, in <module>',
        "ModuleNotFoundError: No module named 'stripe'",
        ...noise(1, 5)
      ])
    )
    expect(events.map((e) => e.kind)).toEqual(['raw', 'worker-boot', 'raw', 'traceback', 'raw'])
    const raw = ofKind(events, 'raw')
    expect(raw.map((e) => e.lines.length)).toEqual([3, 2, 1])
    expect(raw[0].text.split('\n')).toEqual(noise(3))
    expect(raw[0].lines.map((line) => line.text)).toEqual(noise(3))
  })

  it('give a run its text so far when the events are read while it goes on', () => {
    const parser = new GunicornLogParser()
    const [first, second] = linesOf(noise(2))
    parser.push(first)
    expect(ofKind([...parser.events], 'raw').map((e) => e.text)).toEqual([first.text])
    parser.push(second)
    parser.flush()
    expect(ofKind([...parser.events], 'raw').map((e) => e.text)).toEqual([`${first.text}\n${second.text}`])
  })

  it('split a very long run into events of at most 10,000 lines', () => {
    const raw = ofKind(parseGunicornLog(linesOf(noise(25_000))), 'raw')
    expect(raw.map((e) => e.lines.length)).toEqual([10_000, 10_000, 5_000])
  })

  it('are only counted by a parser that keeps no events (the live log), while the events around them are read', () => {
    const parser = new GunicornLogParser({ keepEvents: false })
    const kinds: string[] = []
    const lines = linesOf([
      ...noise(1000),
      glog(1, 'INFO', 'Prefixed app output'),
      'Traceback (most recent call last):',
      '  File "/app/app.py", line 1, in <module>',
      "ModuleNotFoundError: No module named 'stripe'"
    ])
    for (const line of lines) kinds.push(...parser.push(line).map((e) => e.kind))
    kinds.push(...parser.flush().map((e) => e.kind))
    expect(kinds).toEqual(['traceback'])
    expect(parser.unrecognisedLines).toBe(1001)
  })

  it('do not hide a traceback printed after long lines without blanks (the patterns that search a whole line are guarded)', () => {
    const blob = (i: number): string => `${'x'.repeat(220)}${String(i).padStart(10, '0')}`
    const parser = new GunicornLogParser({ keepEvents: false })
    for (let i = 0; i < 2000; i++) parser.push({ seq: i, stream: 'stderr', text: blob(i), at: i })
    const tail = linesOf([
      'Traceback (most recent call last):',
      '  File "/app/app.py", line 1, in <module>',
      "ModuleNotFoundError: No module named 'stripe'"
    ])
    const [traceback] = tail.flatMap((line) => parser.push(line))
    expect(traceback).toMatchObject({ kind: 'traceback', exception: { type: 'ModuleNotFoundError' } })
  })
})
