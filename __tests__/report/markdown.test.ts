import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { Parser, type Node } from 'commonmark'
import type { LogLine, RunReport } from '../../src/core/model.js'
import { COMMENT_LIMIT, SUMMARY_LIMIT_BYTES, commentMarker, renderComment, renderSummary } from '../../src/render/markdown.js'
import { ZWJ } from '../../src/render/markdown-safe.js'
import { Redactor, redactReport } from '../../src/render/redact.js'

const SHA = 'a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0'
const metadata = { repository: 'octo-org/app', serverUrl: 'https://github.com', runId: '987654', runNumber: '128', sha: SHA }

function lines(texts: string[], start = 1): LogLine[] {
  return texts.map((text, i) => ({ seq: start + i, stream: 'stderr', text, at: 1_700_000_000_000 + i }))
}

const TRACEBACK = [
  '[2026-11-27 10:14:03 +0000] [9] [ERROR] Exception in worker process',
  'Traceback (most recent call last):',
  '  File "/usr/local/lib/python3.12/site-packages/gunicorn/arbiter.py", line 609, in spawn_worker',
  '    worker.init_process()',
  '  File "/app/app/__init__.py", line 3, in <module>',
  '    from geventwebsocket.handler import WebSocketHandler',
  "ModuleNotFoundError: No module named 'geventwebsocket'",
  '[2026-11-27 10:14:03 +0000] [9] [INFO] Worker exiting (pid: 9)',
  '[2026-11-27 10:14:03 +0000] [1] [ERROR] Worker (pid:9) exited with code 3',
  '[2026-11-27 10:14:03 +0000] [1] [ERROR] Reason: Worker failed to boot.'
]

function failingReport(log: LogLine[], overrides: Partial<RunReport> = {}): RunReport {
  return {
    result: 'fail',
    reason: 'missing-dependency',
    summary: 'Every worker died importing `geventwebsocket`.',
    diagnosis: {
      reason: 'missing-dependency',
      summary: 'Every worker died importing `geventwebsocket`, which is not installed in the image.',
      evidence: [
        '  File "/app/app/__init__.py", line 3, in <module>',
        "ModuleNotFoundError: No module named 'geventwebsocket'",
        '[2026-11-27 10:14:03 +0000] [1] [ERROR] Reason: Worker failed to boot.'
      ],
      location: { file: 'backend/app/__init__.py', line: 3, containerPath: '/app/app/__init__.py' },
      remedy: 'Add `gevent-websocket` to `backend/requirements.txt` (the import name `geventwebsocket` differs from the package name).'
    },
    checks: [
      { id: 'build', label: 'Image build', status: 'pass', detail: 'built `backend/Dockerfile`', durationMs: 41_200 },
      { id: 'start', label: 'Gunicorn start', status: 'pass', detail: '', durationMs: 400 },
      { id: 'workers', label: 'Workers booted', status: 'fail', detail: '', durationMs: 1100 },
      { id: 'health', label: 'Health `/health`', status: 'not-reached', detail: '' },
      { id: 'websocket', label: 'WebSocket `/socket.io/`', status: 'not-reached', detail: '' }
    ],
    gunicorn: {
      version: '21.2.0',
      workerClass: 'geventwebsocket.gunicorn.workers.GeventWebSocketWorker',
      binds: ['0.0.0.0:8000'],
      workersExpected: 4,
      workersBooted: 0,
      workersDied: 4
    },
    websocket: 'failed',
    containerExitCode: 3,
    advisories: ['Gunicorn 21.2.0 is affected by a request-smuggling advisory fixed in 22.0.0.'],
    warnings: [],
    annotations: [],
    log,
    logTotalLines: log.length,
    settingSources: { bind: 'Dockerfile' },
    startedAt: '2026-11-27T10:13:20Z',
    durationMs: 45_100,
    metadata,
    ...overrides
  }
}

function passingReport(): RunReport {
  return {
    result: 'pass',
    summary: 'Gunicorn answered /health healthy in 2.3 s, 4/4 workers, WebSocket OK.',
    checks: [
      { id: 'build', label: 'Image build', status: 'pass', detail: '', durationMs: 12_800 },
      { id: 'start', label: 'Gunicorn start', status: 'pass', detail: '23.0.0, `gevent`, `0.0.0.0:8000`', durationMs: 300 },
      { id: 'workers', label: 'Workers booted', status: 'pass', detail: '4/4', durationMs: 1200 },
      { id: 'health', label: 'Health `/health`', status: 'pass', detail: '200 `{"status":"ok"}`', durationMs: 2300 },
      { id: 'websocket', label: 'WebSocket `/ws`', status: 'pass', detail: '101, echo matched', durationMs: 18 },
      { id: 'stability', label: 'Stability', status: 'pass', detail: 'no worker exited in 5 s', durationMs: 5000 }
    ],
    gunicorn: { version: '23.0.0', workerClass: 'gevent', binds: ['0.0.0.0:8000'], workersExpected: 4, workersBooted: 4, workersDied: 0 },
    health: { ok: true, status: 200, bodyExcerpt: '{"status":"ok"}', attempts: 5, firstHealthyAt: 1 },
    websocket: 'ok',
    bootTimeMs: 2300,
    advisories: [],
    warnings: [],
    annotations: [],
    log: lines(['[2026-11-27 10:14:02 +0000] [1] [INFO] Starting gunicorn 23.0.0', 'GET /health 200']),
    logTotalLines: 2,
    settingSources: {},
    startedAt: '2026-11-27T10:13:20Z',
    durationMs: 25_000,
    metadata: { ...metadata, runNumber: '129' }
  }
}

/** Every node of a CommonMark document with whether it sits inside code. */
function nodes(markdown: string): Node[] {
  const all: Node[] = []
  const walker = new Parser().parse(markdown).walker()
  for (let event = walker.next(); event; event = walker.next()) if (event.entering) all.push(event.node)
  return all
}

/** The raw HTML a renderer would pass through: only our own tags may appear. */
const ALLOWED_HTML = [
  /^<!-- gunicorn-smoke:[A-Za-z0-9._/:+=-]+ -->\n?$/,
  /^<details( open)?><summary>[^<>]*<\/summary>\n?$/,
  /^<\/details>\n?$/,
  /^<\/?sub>$/
]

function expectInert(markdown: string): void {
  for (const node of nodes(markdown)) {
    if (node.type === 'html_block' || node.type === 'html_inline') {
      expect(ALLOWED_HTML.some((re) => re.test(node.literal ?? ''))).toBe(true)
    }
    if (node.type === 'text') expect(node.literal).not.toMatch(/@[A-Za-z0-9]/)
    if (node.type === 'link') expect(node.destination).toMatch(/^https:\/\/github\.com\/octo-org\/app\//)
    if (node.type === 'image') throw new Error(`an image made it into the Markdown: ${node.destination}`)
  }
  // Only the first line carries a marker that a "contains" search would find.
  expect(markdown.split('<!-- gunicorn-smoke:').length - 1).toBeLessThanOrEqual(1)
  // Every table row keeps exactly its three cells (GFM splits on unescaped pipes, even inside code spans).
  const all = markdown.split('\n')
  for (const header of ['| Check | Result | Time |', '| | |']) {
    const start = all.indexOf(header)
    if (start === -1) continue
    const cells = header === '| | |' ? 3 : 4
    for (let i = start; i < all.length && all[i].startsWith('|'); i++) {
      expect(all[i].replace(/\\\|/g, '').split('|').length - 1).toBe(cells)
    }
  }
}

function codeBlocks(markdown: string): string[] {
  return nodes(markdown)
    .filter((n) => n.type === 'code_block')
    .map((n) => n.literal ?? '')
}

const HOSTILE_LOG = [
  '```',
  '``````````',
  '````text',
  '~~~',
  '</details>',
  '</summary></details><details open><summary>pwned',
  '<img src=x onerror=alert(1)>',
  '<script>alert(document.cookie)</script>',
  '@someone please look, cc @octo-org/security',
  '<!-- gunicorn-smoke:other -->',
  '| a | b | c |',
  '[click](javascript:alert(1)) ![x](https://evil.example/x.png)',
  '    indented code',
  '# heading?',
  'closes #12 and octo-org/other#34',
  '\u001b[31mred text\u001b[0m and a bell \u0007 and a bidi \u202eoverride'
]

describe('renderComment: hostile logs stay inert', () => {
  const hostileSummary =
    'Worker died: ``` `x` </details> <img src=x onerror=alert(1)> @someone #12 https://evil.example [a](javascript:x) | pipe $x$ <!-- gunicorn-smoke:other -->'
  const report = failingReport(lines([...HOSTILE_LOG, ...TRACEBACK.slice(0, 7), ...HOSTILE_LOG, ...TRACEBACK.slice(7)]), {
    diagnosis: {
      reason: 'import-error',
      summary: hostileSummary,
      evidence: [...HOSTILE_LOG.slice(0, 3), "ModuleNotFoundError: No module named 'geventwebsocket'"],
      location: { file: 'app/we ird(1).py', line: 7 },
      remedy: 'Ask @maintainer in #12 to `pip install x` </details> <b>now</b>'
    },
    checks: [{ id: 'health', label: 'Health `/health`', status: 'fail', detail: '500 `a|b` <img src=x> @someone | x', durationMs: 5 }],
    warnings: ['Warning from app: @someone <script>x</script> ``` done'],
    advisories: ['see https://evil.example and @everyone']
  })
  const comment = renderComment(report, { key: 'ci/smoke' })

  it('produces only our own HTML, no live mention, link, image or broken table row', () => {
    expectInert(comment)
    expectInert(renderSummary(report))
  })

  it('keeps the log inside its code block, every hostile line verbatim', () => {
    const blocks = codeBlocks(comment)
    const tail = blocks[blocks.length - 1]
    expect(tail).toContain('``````````\n````text\n~~~\n</details>\n')
    expect(tail).toContain('<img src=x onerror=alert(1)>\n<script>alert(document.cookie)</script>\n@someone please look')
    expect(tail).toContain('<!-- gunicorn-smoke\u200D:other -->')
    expect(tail).toContain('red text and a bell  and a bidi override')
    expect(tail.trimEnd().split('\n')).toHaveLength(report.log.length)
    // The fence is longer than the longest backtick run (10).
    expect(comment).toContain('\n```````````text\n')
  })

  it('escapes the sentences that come from the app and neutralises mentions and references', () => {
    const cause = nodes(comment).find((n) => n.type === 'paragraph' && n.firstChild?.literal?.startsWith('Worker died'))
    expect(cause).toBeDefined()
    const text = (cause?.firstChild?.literal ?? '') + ''
    expect(text).toBe('Worker died: ')
    expect(comment).toContain(`@${ZWJ}someone`)
    expect(comment).toContain(`\\#${ZWJ}12`)
    expect(comment).toContain(`https:${ZWJ}//evil.example`)
    expect(comment).toContain('**Fix:** Ask @\u200Dmaintainer in \\#\u200D12 to `pip install x` \\</details\\> \\<b\\>now\\</b\\>')
  })

  it('links the source file only through a safely encoded URL', () => {
    expect(comment).toContain(`(https://github.com/octo-org/app/blob/${SHA}/app/we%20ird%281%29.py#L7)`)
  })
})

describe('renderComment: content', () => {
  it('a failure reads verdict, cause, fix, checks, evidence, traceback, log, footer', () => {
    const log = lines([...Array.from({ length: 40 }, (_, i) => `noise ${i}`), ...TRACEBACK])
    const comment = renderComment(failingReport(log, { logTotalLines: 212 }), { key: 'smoke/backend' })
    const [first, second] = comment.split('\n')
    expect(first).toBe('<!-- gunicorn-smoke:smoke/backend -->')
    expect(second).toBe('### ❌ Gunicorn smoke test failed — missing dependency `geventwebsocket`')
    const fileLink = `[\`backend/app/__init__.py:3\`](https://github.com/octo-org/app/blob/${SHA}/backend/app/__init__.py#L3)`
    expect(comment).toContain(
      `Every worker died importing \`geventwebsocket\`, which is not installed in the image. (${fileLink}) The container exited with code 3 (Worker failed to boot).`
    )
    expect(comment).toContain(
      '**Fix:** Add `gevent-websocket` to `backend/requirements.txt` (the import name `geventwebsocket` differs from the package name).'
    )
    expect(comment).toContain('| Gunicorn start | ✅ 21.2.0, `geventwebsocket.gunicorn.workers.GeventWebSocketWorker`, `0.0.0.0:8000` | 400 ms |')
    expect(comment).toContain('| Workers booted | ❌ 0/4, 4 exited | 1.1 s |')
    expect(comment).toContain('| Health `/health` | ⏭️ not reached |  |')
    expect(comment).toContain(`**Evidence** — ${fileLink}\n\`\`\`text\n  File "/app/app/__init__.py", line 3, in <module>\n`)
    // log lines 213-52+1 = 173 … : 40 noise lines precede the traceback in a 50-line tail of 212.
    expect(comment).toContain('<details open><summary>Traceback (log lines 203–209 of 212)</summary>')
    expect(codeBlocks(comment)[1]).toBe(TRACEBACK.slice(0, 7).join('\n') + '\n')
    expect(comment).toContain('<details><summary>Container log (last 50 of 212 lines, 162 left out)</summary>')
    expect(comment).toContain('- 🛡️ Gunicorn 21.2.0 is affected by a request-smuggling advisory fixed in 22.0.0.')
    expect(comment.trimEnd().split('\n').pop()).toBe(
      `<sub>gunicorn-smoke · [run #128](https://github.com/octo-org/app/actions/runs/987654) · commit [\`a1b2c3d\`](https://github.com/octo-org/app/commit/${SHA}) · 45.1 s in all</sub>`
    )
    // Five-second order: headline, cause, fix come before the table, the table before the evidence.
    const order = ['### ❌', 'Every worker died', '**Fix:**', '| Check |', '**Evidence**', 'Traceback (', 'Container log (', '<sub>']
    const positions = order.map((s) => comment.indexOf(s))
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
    expectInert(comment)
  })

  it('a pass is compact: headline with the facts, the table, the footer, no log', () => {
    const comment = renderComment(passingReport(), { key: 'smoke/backend' })
    expect(comment.split('\n').slice(0, 2)).toEqual([
      '<!-- gunicorn-smoke:smoke/backend -->',
      '### ✅ Gunicorn smoke test passed — healthy in 2.3 s, 4/4 workers, WebSocket OK'
    ])
    expect(comment).toContain('| Image build | ✅ | 12.8 s |')
    expect(comment).toContain('| Gunicorn start | ✅ 23.0.0, `gevent`, `0.0.0.0:8000` | 300 ms |')
    expect(comment).toContain('| Health `/health` | ✅ 200 `{"status":"ok"}` | 2.3 s |')
    expect(comment).toContain('| WebSocket `/ws` | ✅ 101, echo matched | 18 ms |')
    expect(comment).toContain('| Stability | ✅ no worker exited in 5 s | 5.0 s |')
    expect(comment).not.toContain('<details')
    expect(comment).not.toContain('**Fix:**')
    expect(comment.length).toBeLessThan(1200)
    expectInert(comment)
  })

  it('a failure without metadata still renders, without links', () => {
    const report = failingReport(lines(TRACEBACK), { metadata: {} })
    const comment = renderComment(report, { key: 'k' })
    expect(comment).toContain('(`backend/app/__init__.py:3`) The container exited')
    expect(comment.trimEnd().split('\n').pop()).toBe('<sub>gunicorn-smoke · 45.1 s in all</sub>')
  })

  it('uses the exact marker of the key on the first line', () => {
    expect(commentMarker('CI / smoke (api)')).toBe('<!-- gunicorn-smoke:CI/smoke-api -->')
    expect(commentMarker('a-->b')).toBe('<!-- gunicorn-smoke:a-b -->')
    expect(renderComment(passingReport(), { key: 'a-->b' }).startsWith('<!-- gunicorn-smoke:a-b -->\n')).toBe(true)
  })
})

describe('secrets', () => {
  it('a secret printed in a traceback appears nowhere in the comment, the summary or the redacted report', () => {
    const secret = 'sup3r-s3cret-db-pa55'
    const log = lines([
      'Traceback (most recent call last):',
      '  File "/app/app/db.py", line 4, in <module>',
      `    engine = create_engine("postgresql://app:${secret}@db/app")`,
      `psycopg2.OperationalError: connection to server at "db" failed: password ${secret} rejected`,
      `[2026-11-27 10:14:03 +0000] [1] [ERROR] Reason: Worker failed to boot.`
    ])
    const report = failingReport(log, {
      reason: 'database-unreachable',
      summary: `Database refused password ${secret}.`,
      diagnosis: {
        reason: 'database-unreachable',
        summary: `The app connects to the database at import time with \`${secret}\`.`,
        evidence: [log[3].text],
        location: { file: 'app/db.py', line: 4 },
        remedy: `Move the connection out of import time; do not print ${secret}.`
      },
      warnings: [`env ${secret}`]
    })
    const safe = redactReport(report, new Redactor([secret, 'x']))
    for (const text of [renderComment(safe, { key: 'k' }), renderSummary(safe), JSON.stringify(safe)]) {
      expect(text).not.toContain(secret)
      expect(text).not.toContain('s3cret')
    }
    expect(renderComment(safe, { key: 'k' })).toContain('psycopg2.OperationalError: connection to server at "db" failed: password *** rejected')
  })
})

describe('size limits', () => {
  function hugeLog(bytes: number): LogLine[] {
    const filler = 'x'.repeat(90)
    const count = Math.ceil(bytes / 100)
    const texts = new Array<string>(count)
    for (let i = 0; i < count; i++) texts[i] = `[${String(i).padStart(7, '0')}] ${filler}`
    // The cause sits in the middle, far from the kept tail; backticks and </details> sprinkled throughout.
    const middle = Math.floor(count / 2)
    TRACEBACK.forEach((t, j) => (texts[middle + j] = t))
    for (let i = 5; i < count; i += 997) texts[i] = '`'.repeat(1 + (i % 9)) + ' </details> @someone'
    return lines(texts)
  }

  it('40 MB of log: a comment under 65,536 characters that names the cause, a summary under 1 MiB', () => {
    const log = hugeLog(40 * 1024 * 1024)
    const report = failingReport(log, { logTotalLines: log.length + 5000 })
    const safe = redactReport(report, new Redactor(['some-secret-value', 'another-secret']))
    const comment = renderComment(safe, { key: 'ci/smoke' })
    const summary = renderSummary(safe)

    expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(comment).toContain('### ❌ Gunicorn smoke test failed — missing dependency `geventwebsocket`')
    expect(comment).toContain('**Fix:** Add `gevent-websocket`')
    expect(comment).toContain("ModuleNotFoundError: No module named 'geventwebsocket'")
    expect(comment).toMatch(/<details><summary>Container log \(last 200 of [\d,]+ lines, [\d,]+ left out\)<\/summary>/)
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThan(SUMMARY_LIMIT_BYTES)
    expect(summary).toMatch(/Container log \(last 1,000 of [\d,]+ lines/)
    expectInert(comment)
  }, 60_000)

  it('very long lines: the log tail shrinks first, then the traceback, never the headline, cause or fix', () => {
    const long = (c: string): string => c.repeat(400_000)
    const log = lines([...Array.from({ length: 300 }, (_, i) => `${i} ${long('y')}`), ...TRACEBACK.slice(0, 6), long('z'), ...TRACEBACK.slice(6)])
    const report = failingReport(log)
    const comment = renderComment(report, { key: 'k' })
    expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(comment).toContain('### ❌ Gunicorn smoke test failed')
    expect(comment).toContain('**Fix:** Add `gevent-websocket`')
    expect(comment).toMatch(/ … \[\d+ more characters\]/)
    expect(comment).toMatch(/Container log \(last \d+ of 311 lines, \d+ left out\)/)
    expectInert(comment)
  })

  it('hostile sizes everywhere (summary, remedy, warnings, checks) still fit, headline intact', () => {
    const huge = 'A `code` @someone '.repeat(50_000)
    const report = failingReport(lines(TRACEBACK), {
      reason: 'unknown',
      diagnosis: { reason: 'unknown', summary: huge, evidence: Array.from({ length: 500 }, () => huge), remedy: huge },
      warnings: Array.from({ length: 1000 }, () => huge),
      advisories: Array.from({ length: 1000 }, () => huge),
      checks: Array.from({ length: 100 }, () => ({ id: 'health' as const, label: huge, status: 'fail' as const, detail: huge }))
    })
    const comment = renderComment(report, { key: 'k' })
    const summary = renderSummary(report)
    expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(Buffer.byteLength(summary)).toBeLessThan(SUMMARY_LIMIT_BYTES)
    expect(comment.split('\n')[1]).toBe('### ❌ Gunicorn smoke test failed — cause not recognised')
    expect(comment).toContain('**Fix:** A `code` @\u200Dsomeone')
    expectInert(comment)
  })
})

describe('headline of an exception no rule knows', () => {
  it('names the exception type instead of "cause not recognised"', () => {
    const report: RunReport = {
      result: 'fail',
      reason: 'unknown',
      summary: 'Workers failed with `ValueError: bad scheme` (`settings.py:12`).',
      diagnosis: {
        reason: 'unknown',
        summary: 'Workers failed with `ValueError: bad scheme` (`settings.py:12`).',
        evidence: ['ValueError: bad scheme'],
        location: { file: 'settings.py', line: 12 },
        remedy: 'Fix the exception above.'
      },
      checks: [],
      gunicorn: { binds: [], workersBooted: 2, workersDied: 2 },
      websocket: 'skipped',
      advisories: [],
      warnings: [],
      annotations: [],
      log: [],
      logTotalLines: 0,
      settingSources: {},
      startedAt: new Date(0).toISOString(),
      durationMs: 1,
      metadata: {}
    }
    const body = renderComment(report, { key: 'k' })
    expect(body.split('\n')[1]).toBe('### ❌ Gunicorn smoke test failed — `ValueError` while loading the app')
    // The location is already in the sentence: not repeated after it.
    expect(body).toContain('Workers failed with `ValueError: bad scheme` (`settings.py:12`).\n')
  })
})

describe('a log written as JSON records (a logging formatter), captured on forky', () => {
  const captured = readFileSync(path.join(process.cwd(), '__fixtures__/logs/forky/json-logs.log'), 'utf8').trimEnd().split('\n')
  const evidence = ['  File "/app/orders/monitoring.py", line 3, in <module>', "ModuleNotFoundError: No module named 'sentry_sdk'"]
  const report = failingReport(lines(captured), {
    diagnosis: { reason: 'missing-dependency', summary: 'The app imports `sentry_sdk`.', evidence, remedy: 'Add `sentry-sdk`.' }
  })
  const body = renderComment(report, { key: 'k' })
  const blocks = body.split('<details').slice(1)

  it("shows the worker's traceback as lines, not as the record's escaped string", () => {
    const traceback = blocks.find((block) => block.includes('Traceback ('))!
    expect(traceback).toContain('\nTraceback (most recent call last):\n')
    expect(traceback).toContain('\n  File "/app/orders/monitoring.py", line 3, in <module>\n    import sentry_sdk\n')
    expect(traceback).toContain("\nModuleNotFoundError: No module named 'sentry_sdk'\n")
    expect(traceback).not.toContain('"exc_info"')
  })

  it('counts the container log in log lines, each record shown as the lines it carries', () => {
    const tail = blocks.find((block) => block.includes('Container log'))!
    expect(tail).toContain(`Container log (${captured.length} lines)`)
    expect(tail).toContain('\nReason: Worker failed to boot.\n')
    expect(tail).toContain('\nException in worker process\nTraceback (most recent call last):\n')
  })

  it("reads a record after a shipper's prefix as the rules do (kubectl --timestamps)", () => {
    const prefixed = captured.map((line, i) => `2026-12-07T04:39:0${i % 10}.123456789Z ${line}`)
    const shipped = renderComment(failingReport(lines(prefixed), { diagnosis: report.diagnosis }), { key: 'k' })
    const traceback = shipped.split('<details').find((block) => block.includes('Traceback ('))!
    expect(traceback).toContain("\nModuleNotFoundError: No module named 'sentry_sdk'\n")
    expect(traceback).not.toContain('"exc_info"')
  })
})
