// Reading lines the way they reach the action from shippers and pastes: each prefix shape, collapsed lines,
// tracebacks cut at either end, and pastes out of reading order. Lines are real: copied from the public corpus
// (__fixtures__/corpus/logs, line numbers 1-based) or captured from the bases (__fixtures__/logs).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { LINE_PREFIXES, stripLinePrefixes } from '../../src/gunicorn/line-prefix.js'
import { readableSegments } from '../../src/gunicorn/line-reading.js'
import { parseGunicornLog, toLogLines, type EventOf, type GunicornEvent } from '../../src/gunicorn/log-parser.js'
import { readingOrder } from '../../src/gunicorn/paste-order.js'
import { captured } from './captured-logs.js'

const CORPUS_LOGS = path.join(process.cwd(), '__fixtures__/corpus/logs')
const corpusText = (file: string) => readFileSync(path.join(CORPUS_LOGS, file), 'utf8')
const corpusLine = (file: string, line: number) => corpusText(file).split('\n')[line - 1]
const corpusEvents = (file: string) => parseGunicornLog(toLogLines(corpusText(file)))
const ofKind = <K extends GunicornEvent['kind']>(events: GunicornEvent[], kind: K) => events.filter((e): e is EventOf<K> => e.kind === kind)

/** A line Gunicorn 26.2.2 printed on forky, for the shapes no corpus thread shows. */
const STARTING = captured('forky', 'missing-dependency').lines[0].text

describe('line prefixes', () => {
  it.each([
    [
      'docker compose v1',
      corpusLine('009-port-in-use-compose-supervisord.log', 11),
      '[2020-12-31 02:29:26 +0000] [30] [INFO] Starting gunicorn 20.0.4'
    ],
    [
      'docker compose v1, wide column',
      corpusLine('013-app-not-found-compose-19.log', 1),
      '[2018-12-24 17:27:33 +0000] [1] [INFO] Starting gunicorn 19.9.0'
    ],
    [
      'docker compose v2',
      corpusLine('023-database-lost-mysql-compose-v2.log', 5),
      "pymysql.err.OperationalError: (2013, 'Lost connection to MySQL server during query')"
    ],
    ['docker compose, container_name', corpusLine('058-superset-argparse-error-compose.log', 8), 'usage: gunicorn [OPTIONS] [APP_MODULE]'],
    [
      'systemd journal',
      corpusLine('002-worker-timeout-systemd-journal.log', 1),
      '[2024-07-05 09:13:44 +0200] [3129704] [CRITICAL] WORKER TIMEOUT (pid:3129714)'
    ],
    ['systemd journal, localized month', corpusLine('036-gunicorn-not-in-venv-systemd-cjk-dates.log', 4), 'Traceback (most recent call last):'],
    ['heroku', corpusLine('018-eventlet-incompatible-heroku-cut.log', 2), "Error: class uri 'eventlet' invalid or not found: "],
    ['papertrail', corpusLine('060-syntax-error-silent-papertrail.log', 1), '[2023-12-11 17:35:29 +0000] [963] [INFO] Starting gunicorn 20.1.0'],
    [
      'Azure / docker logs -t timestamp',
      corpusLine('031-asgi-quart-sync-azure-timestamps.log', 1),
      '[2023-08-08 23:01:46 +0000] [74] [ERROR] Error handling request /'
    ],
    [
      'log viewer: epoch column and timestamp',
      corpusLine('053-missing-wsgi-reversed-log-viewer.log', 5),
      "ModuleNotFoundError: No module named 'wsgi'"
    ],
    ['blockquote', corpusLine('011-app-not-found-blockquote.log', 5), "Failed to find attribute 'app' in 'run'."],
    ['inline code', corpusLine('008-port-in-use-backtick-lines.log', 1), '[2016-11-08 11:33:29 +0000] [5155] [INFO] Handling signal: term'],
    [
      'quoted paste',
      corpusLine('041-missing-django-quoted-frames-only.log', 1),
      'File "/usr/local/lib/python3.6/site-packages/gunicorn/arbiter.py", line 583, in spawn_worker'
    ],
    [
      'log table inside a blockquote',
      corpusLine('034-segfault-faulthandler-table-blockquote.log', 2),
      'File "/opt/conda/bin/gunicorn", line 8 in <module>'
    ],
    ['supervisord', corpusLine('007-port-in-use-supervisord-blank-lines.log', 5), 'exited: gunicorn (exit status 1; not expected)'],
    // From https://github.com/benoitc/gunicorn/issues/3111 (a k9s log view, padded to the panel's width)
    ['box-drawn panel', `│ Traceback (most recent call last):${' '.repeat(40)}│`, 'Traceback (most recent call last):'],
    ['GitHub Actions annotation (on a captured line)', `##[error]${STARTING}`, STARTING],
    ['GitHub Actions raw log time (on a captured line)', `2026-12-01T23:46:03.1234567Z ${STARTING}`, STARTING],
    ['Kubernetes CRI log file (on a captured line)', `2026-12-01T23:46:03.123456789Z stderr F ${STARTING}`, STARTING],
    ['honcho / foreman (on a captured line)', `23:46:03 web.1  | ${STARTING}`, STARTING],
    // A Heroku drain in Papertrail, and rsyslog's tag without a pid: Gunicorn's raw `Error:` line keeps no prefix of its own.
    [
      'Papertrail, a Heroku drain',
      "Jun 01 10:00:00 myapp app/web.1: Error: '${PORT}' is not a valid port number.",
      "Error: '${PORT}' is not a valid port number."
    ],
    ['syslog without a pid (on a captured line)', `Dec  1 23:46:03 web01 gunicorn: ${STARTING}`, STARTING]
  ])('%s', (_shape, line, expected) => {
    expect(stripLinePrefixes(line)).toBe(expected)
  })

  it('leaves Gunicorn, traceback and app lines alone', () => {
    const lines = captured('forky', 'missing-dependency').lines.map((l) => l.text)
    for (const line of lines) expect(stripLinePrefixes(line)).toBe(line)
  })

  it('names every shape once', () => {
    const names = LINE_PREFIXES.map((shape) => shape.name)
    expect(new Set(names).size).toBe(names.length)
  })
})

describe('collapsed and pasted lines', () => {
  it.each([
    ['a journal collapsed into one line', '040-netbox-configuration-collapsed-journal.log', 1, 'django.core.exceptions.ImproperlyConfigured:'],
    ['a JSON array of lines', '015-oom-fork-collapsed-json.log', 1, 'OSError: [Errno 12] Cannot allocate memory']
  ])('%s is split at Gunicorn, traceback and journal boundaries', (_case, file, line, lastOfException) => {
    const segments = readableSegments(corpusLine(file, line))
    expect(segments.length).toBeGreaterThan(5)
    expect(segments.map((s) => s.trim())).toContain(lastOfException)
    expect(segments.filter((s) => /^\s*File "/.test(s)).every((s) => s.startsWith(' '))).toBe(true)
  })

  it.each([
    [
      'kernel records (dmesg) collapsed into one line',
      '035-segfault-dmesg-collapsed.log',
      4,
      { reporter: 'kernel', process: 'gunicorn', library: 'ld-2.24.so' }
    ],
    ["the shell's report in a blockquoted log table", '034-segfault-faulthandler-table-blockquote.log', 1, { reporter: 'shell' }]
  ])('a segfault reported outside Python: %s', (_case, file, count, report) => {
    const reports = ofKind(corpusEvents(file), 'segfault-report')
    expect(reports).toHaveLength(count)
    for (const event of reports) expect(event).toMatchObject(report)
  })

  it('smart quotes are read as ASCII quotes', () => {
    const [tb] = ofKind(corpusEvents('042-mlflow-auth-keyerror-smart-quotes.log'), 'traceback')
    expect(tb.exception).toMatchObject({ type: 'KeyError', message: "'mlflow'" })
    expect(tb.frames.slice(-1)[0].file).toBe('/usr/local/lib/python3.10/configparser.py')
  })

  it('an exception whose message starts on the next line gets that message', () => {
    const tb = ofKind(corpusEvents('040-netbox-configuration-collapsed-journal.log'), 'traceback').find((t) =>
      t.exception.type.endsWith('ImproperlyConfigured')
    )
    expect(tb?.exception.message).toContain('Specified configuration module (netbox.configuration) not found')
  })
})

describe('tracebacks cut at either end', () => {
  it.each([
    ['starts inside a traceback', '027-nameerror-module-level.log', 'NameError', '/app/soap_server/gu_server.py'],
    ['starts inside a journal traceback', '037-missing-module-systemctl-status.log', 'ModuleNotFoundError', '<frozen importlib._bootstrap>'],
    ['lost all indentation', '041-missing-django-quoted-frames-only.log', 'ModuleNotFoundError', '/opt/netbox-2.6.4/netbox/netbox/wsgi.py'],
    [
      'a flush-left first frame',
      '020-gthread-entry-point-not-found.log',
      'ImportError',
      '/usr/local/lib/python3.4/site-packages/pkg_resources/__init__.py'
    ]
  ])('a traceback that %s is read with its frames', (_case, file, type, lastFrameFile) => {
    const [tb] = ofKind(corpusEvents(file), 'traceback')
    expect(tb.exception.type).toBe(type)
    expect(tb.headless).toBe(true)
    expect(tb.frames.slice(-1)[0].file).toBe(lastFrameFile)
  })

  it.each([
    ['021-eventlet-hub-cut-before-exception.log', 'use_hub'],
    ['049-uvicorn-uvloop-missing-cut.log', '_load_unlocked'],
    ['022-database-backtick-cut.log', 'connect']
  ])('%s ends inside a traceback: a cut-traceback with its frames', (file, innermost) => {
    const [cut] = ofKind(corpusEvents(file), 'cut-traceback')
    expect(cut.frames.slice(-1)[0].func).toBe(innermost)
  })

  it('an exception line without any frame is still an exception', () => {
    const events = corpusEvents('055-missing-wsgi-crlf-entrypoint.log')
    expect(events[0]).toMatchObject({
      kind: 'traceback',
      frames: [],
      headless: true,
      exception: { type: 'ModuleNotFoundError', message: "No module named 'wsgi'" }
    })
  })

  it('reads the time format of Gunicorn before 19.0', () => {
    const timeouts = ofKind(corpusEvents('005-worker-timeout-old-format.log'), 'worker-timeout')
    expect(timeouts.map((e) => [e.pid, e.prefix?.timestamp])).toEqual([
      [17033, '2015-11-12 17:23:50'],
      [17035, '2015-11-12 17:23:51'],
      [17030, '2015-11-12 17:24:41']
    ])
  })
})

describe('pastes out of reading order', () => {
  it('a newest-first log viewer export is read oldest first', () => {
    const lines = readingOrder(toLogLines(corpusText('053-missing-wsgi-reversed-log-viewer.log')))
    expect(lines?.slice(-1)[0].text).toContain('Reason: Worker failed to boot.')
    const [tb] = ofKind(parseGunicornLog(lines!), 'traceback')
    expect(tb).toMatchObject({ exception: { type: 'ModuleNotFoundError', message: "No module named 'wsgi'" } })
    expect(tb.frames.map((f) => f.line)).toEqual([1387, 1360, 1324])
  })

  it('a log hard-wrapped at 80 columns is joined back', () => {
    const lines = readingOrder(toLogLines(corpusText('024-missing-module-heroku-wrapped-80col.log')))
    expect(lines?.map((l) => stripLinePrefixes(l.text))).toContain("ModuleNotFoundError: No module named 'HealTech'")
  })

  it.each(['001-worker-timeout-signal6.log', '008-port-in-use-backtick-lines.log', '016-missing-env-secret-key-chained.log'])(
    '%s is already in reading order',
    (file) => {
      expect(readingOrder(toLogLines(corpusText(file)))).toBeUndefined()
    }
  )

  it('a captured log is already in reading order', () => {
    expect(readingOrder(captured('forky', 'missing-dependency').lines)).toBeUndefined()
  })
})
