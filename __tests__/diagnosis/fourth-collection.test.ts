// The fourth collection's classes read by the messages' general meaning, each beyond the one log it came from: the
// corpus's own lines in other frames, and real output of the bases (a project module shadowing the standard
// library's, captured by scripts/capture-logs.sh as shadowed-module; Gunicorn's own usage error and a removed
// standard attribute printed by the trixie base).
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { toLogLines } from '../../src/gunicorn/log-parser.js'
import { SUITES } from '../gunicorn/captured-logs.js'
import { contextFor, diagnose, fromCapture } from './context-helper.js'
import type { DiagnosisContext } from '../../src/diagnosis/index.js'

/** A development-part log of the corpus, by its number. */
const corpusLog = (prefix: string): string => {
  const dir = path.join(process.cwd(), '__fixtures__/corpus/logs')
  return readFileSync(
    path.join(
      dir,
      readdirSync(dir).find((name) => name.startsWith(prefix))!
    ),
    'utf8'
  )
}

const NO_REPO = '/nonexistent-repo'
const read = (text: string, overrides: Partial<DiagnosisContext> = {}) =>
  diagnose(contextFor(toLogLines(text), { repoRoot: NO_REPO, outcome: 'container-exited', container: { running: false, exitCode: 3 }, ...overrides }))
/** Each line as compose v2 prints it, and as Azure's and Docker's timestamps do. */
const FRAMES: [string, (line: string) => string][] = [
  ['plain', (line) => line],
  ['compose v2', (line) => `web-1  | ${line}`],
  ['a timestamp', (line) => `2025-01-01T10:00:00.123456789Z ${line}`]
]
const framed = (text: string, frame: (line: string) => string) =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map(frame)
    .join('\n')

describe.each(SUITES)('a project module named like a standard one, captured on %s', (suite) => {
  it('is import-error naming the module, the project file that shadows it and the line that used it', () => {
    const diagnosis = diagnose(fromCapture(suite, 'shadowed-module'))
    expect(diagnosis.reason).toBe('import-error')
    expect(diagnosis.summary).toContain('a module or package named `secrets` in the project (`__fixtures__/apps/fail-shadowed-module/secrets.py`)')
    expect(diagnosis.location).toMatchObject({ file: '__fixtures__/apps/fail-shadowed-module/app.py', line: 4 })
  })

  it('without the repository (a replay), the app calling it is not taken for a shadowing: it may be a typo', () => {
    const ctx = fromCapture(suite, 'shadowed-module', { paths: { repoRoot: NO_REPO, contextDir: NO_REPO } })
    expect(diagnose(ctx).summary).not.toContain('shadows')
  })
})

describe("Gunicorn's own code missing a standard name", () => {
  // trixie, a project platform.py beside the app: Gunicorn's workertmp.py reads platform.system() (run by hand).
  const workertmp = [
    '  File "/usr/lib/python3/dist-packages/gunicorn/workers/workertmp.py", line 12, in <module>',
    '    PLATFORM = platform.system()',
    "AttributeError: module 'platform' has no attribute 'system'"
  ].join('\n')

  it.each(FRAMES)('names the shadowed module, framed %s', (_name, frame) => {
    const diagnosis = read(framed(`Traceback (most recent call last):\n${workertmp}`, frame))
    expect({ reason: diagnosis.reason, shadows: /`platform`.*shadows the real one/.test(diagnosis.summary) }).toEqual({
      reason: 'import-error',
      shadows: true
    })
  })

  it('a traceback that lost its line breaks (Python 2 names no module: the code does)', () => {
    expect(read(corpusLog('659-')).summary).toContain('named `platform` in the project')
  })

  it('a name Python removed from the module is the Python version, not a shadowing', () => {
    const removed = [
      'Traceback (most recent call last):',
      '  File "/usr/local/lib/python3.13/site-packages/oldlib/compat.py", line 3, in <module>',
      '    collections.Mapping',
      "AttributeError: module 'collections' has no attribute 'Mapping'"
    ].join('\n')
    expect(read(removed).summary).not.toContain('shadows')
  })
})

describe('kills in the same pass as a WORKER TIMEOUT', () => {
  const log = corpusLog('601-')

  it.each(FRAMES)('are the timeout pass, not memory, framed %s', (_name, frame) => {
    expect(read(framed(log, frame), { outcome: 'unstable', container: { running: true } }).reason).toBe('worker-timeout')
  })

  it('a worker the log shows booting, killed in that second without its own timeout, is still memory', () => {
    const boot = '[2022-12-27 16:17:40 +0000] [17] [INFO] Booting worker with pid: 17'
    expect(read(`${boot}\n${log.replace(/^inventree-server {2}\| /gm, '')}`, { outcome: 'unstable', container: { running: true } }).reason).toBe(
      'out-of-memory'
    )
  })

  it('a kill in another second than any timeout kill is still memory', () => {
    const lines = log.split('\n').filter((line) => line.includes('terminated due to signal 9'))
    const alone = lines[0].replace('16:18:13', '16:17:40').replace('pid 17', 'pid 99')
    const text = `${alone}\n${log}`
    expect(read(text, { outcome: 'unstable', container: { running: true } }).reason).toBe('out-of-memory')
  })
})

describe("an argument parser's usage error", () => {
  it("calling Gunicorn's own options unrecognized is the app's parser: crash-loop", () => {
    for (const [, frame] of FRAMES)
      expect(read(framed(corpusLog('623-'), frame), { outcome: 'unstable', container: { running: true } }).reason).toBe('crash-loop')
  })

  it("Gunicorn's own (trixie: `gunicorn --bogus app:app`) stays config-error", () => {
    const own = 'usage: gunicorn [OPTIONS] [APP_MODULE]\ngunicorn: error: unrecognized arguments: --bogus'
    expect(read(own, { container: { running: false, exitCode: 2 } }).reason).toBe('config-error')
  })
})

describe('a worker traceback cut inside the loading of the app', () => {
  it.each(FRAMES)('is import-error at the frame it reached, framed %s', (_name, frame) => {
    const text = framed(corpusLog('617-').replace(/^ {3}\S+ \[APP\/PROC\/WEB\/0\] ERR /gm, ''), frame)
    const diagnosis = read(text, { outcome: 'unstable', container: { running: true } })
    expect({ reason: diagnosis.reason, at: diagnosis.summary.includes('`load_wsgi (workers/base.py:144)`') }).toEqual({
      reason: 'import-error',
      at: true
    })
  })

  it("the master's main loop cut at manage_workers is not the app's import", () => {
    expect(read(corpusLog('624-').replace(/^.*(?:kubectl|redash).*$/gm, '')).reason).not.toBe('import-error')
  })
})

describe('ssl imported before the gevent worker patched it', () => {
  it.each(FRAMES)('names the app line and the modules gevent lists, framed %s', (_name, frame) => {
    const diagnosis = read(framed(corpusLog('672-'), frame))
    expect(diagnosis.reason).toBe('import-error')
    expect(diagnosis.summary).toMatch(/^`hello\.py:12` configures SSL .* \(gevent names `urllib3\.util\.ssl_`, `urllib3\.util`\)\.$/)
  })

  it('a RecursionError outside ssl.py and without the warning is not this', () => {
    const other = corpusLog('672-')
      .split('\n')
      .filter((line) => !/MonkeyPatch|monkey\.patch_all|ssl\.py|super\(SSLContext/.test(line))
      .join('\n')
    expect(read(other).summary).not.toContain('monkey-patched')
  })
})

describe("the app's own settings", () => {
  it.each(FRAMES)('a check that refuses settings it names is config-error naming them, framed %s', (_name, frame) => {
    const diagnosis = read(framed(corpusLog('673-').replace(/^\S+Z /gm, ''), frame))
    expect({ reason: diagnosis.reason, named: diagnosis.summary.includes('`PACER_AUTH_BASE_URL`, `PCL_BASE_URL`') }).toEqual({
      reason: 'config-error',
      named: true
    })
  })

  it("an import's error that names upper-case things (a glibc symbol version) is not a settings check", () => {
    const glibc = [
      'Traceback (most recent call last):',
      '  File "/app/app.py", line 2, in <module>',
      '    import orjson',
      "ImportError: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.34' not found (required by /usr/local/lib/python3.11/site-packages/orjson/orjson.so)"
    ].join('\n')
    expect(read(glibc).reason).not.toBe('config-error')
  })

  it.each(FRAMES)('a setting logged as unset before Gunicorn finds no application, framed %s', (_name, frame) => {
    const diagnosis = read(framed(corpusLog('668-'), frame), { container: { running: false, exitCode: 4 } })
    expect(diagnosis.reason).toBe('config-error')
    expect(diagnosis.summary).toContain('could not read its configuration file `/etc/pbnh.yaml`')
  })
})

describe('an SDK called at import that refuses an empty value', () => {
  it.each(FRAMES)('is missing-env at the call, framed %s', (_name, frame) => {
    const text = corpusLog('661-')
      .split('\n')
      .map((line) => (line.startsWith('{') ? (JSON.parse(line) as { Log: string }).Log.replace(/^F /, '') : line))
      .join('\n')
    const diagnosis = read(framed(text, frame))
    expect(diagnosis.reason).toBe('missing-env')
    expect(diagnosis.summary).toMatch(/^`app\.py:21` calls `configure_azure_monitor\(\)` while Gunicorn imports the app/)
  })

  it('names the variable when the message does (openai-python: "… by setting the OPENAI_API_KEY environment variable")', () => {
    const text = [
      'Traceback (most recent call last):',
      '  File "/app/app.py", line 6, in <module>',
      '    client = OpenAI()',
      '  File "/usr/local/lib/python3.12/site-packages/openai/_client.py", line 105, in __init__',
      '    raise OpenAIError(',
      'openai.OpenAIError: The api_key client option must be set either by passing api_key to the client or by setting the OPENAI_API_KEY environment variable'
    ].join('\n')
    const diagnosis = read(text)
    expect({ reason: diagnosis.reason, named: diagnosis.summary.includes('`OPENAI_API_KEY`') }).toEqual({ reason: 'missing-env', named: true })
  })
})

describe('other shapes of the fourth collection', () => {
  it("macOS's fork-safety words name the framework, also the Objective-C runtime's", () => {
    expect(read(corpusLog('657-'), { outcome: 'unstable', container: { running: true } }).summary).toContain("macOS's CoreFoundation")
    const objc = corpusLog('657-').replace(
      /^The process has forked.*$/m,
      'objc[75987]: +[__NSCFConstantString initialize] may have been in progress in another thread when fork() was called.'
    )
    expect(read(objc, { outcome: 'unstable', container: { running: true } }).summary).toContain("macOS's Objective-C runtime")
  })

  it('a __future__ feature this Python lacks names the package, from its path or the import that reached it', () => {
    expect(read(corpusLog('654-')).summary).toMatch(/^`urllib3` does not compile on this Python: .*needs Python 3\.7 or later/)
    const full = [
      'Traceback (most recent call last):',
      '  File "/app/app.py", line 3, in <module>',
      '    import requests',
      '  File "/usr/local/lib/python3.6/site-packages/urllib3/__init__.py", line 5',
      '    from __future__ import annotations',
      '    ^',
      'SyntaxError: future feature annotations is not defined'
    ].join('\n')
    expect(read(full).summary).toMatch(/^`urllib3` does not compile/)
  })

  it('an exception name set in Markdown bold is still the exception', () => {
    expect(read(corpusLog('671-')).summary).toContain("No such file or directory: 'model.pkl'")
  })
})
