// An exception raised in code the Gunicorn config file runs: a module it imports, or a server hook it defines (in a
// worker or in the master). The diagnosis names the module's file and line and the config file as the way in, and
// annotates both. The logs are captured from the base images (`gunicorn -c gunicorn.conf.py app:app`; the hook fixture
// is __fixtures__/apps/fail-config-hook-module, the others are written to a temporary repository as captured).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { toLogLines } from '../../src/gunicorn/log-parser.js'
import { explainRun } from '../../src/diagnosis/index.js'
import { contextFor, REPO } from './context-helper.js'

// bookworm (Gunicorn 20.1): gunicorn.conf.py imports tuning.py, which raises at import.
const IMPORTED = [
  'Failed to read config file: gunicorn.conf.py',
  'Traceback (most recent call last):',
  '  File "/usr/lib/python3/dist-packages/gunicorn/app/base.py", line 111, in get_config_from_filename',
  '    spec.loader.exec_module(mod)',
  '  File "<frozen importlib._bootstrap_external>", line 940, in exec_module',
  '  File "<frozen importlib._bootstrap>", line 241, in _call_with_frames_removed',
  '  File "/app/gunicorn.conf.py", line 1, in <module>',
  '    from tuning import WORKERS',
  '  File "/app/tuning.py", line 4, in <module>',
  '    WORKERS = int(os.environ.get("WEB_CONCURRENCY", "auto"))',
  '              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
  "ValueError: invalid literal for int() with base 10: 'auto'"
].join('\n')

// trixie (Gunicorn 23.0): the on_starting hook calls warmup.py, which raises in the master.
const MASTER_HOOK = [
  '[2026-12-07 04:39:02 +0000] [1] [INFO] Starting gunicorn 23.0.0',
  'Traceback (most recent call last):',
  '  File "/usr/bin/gunicorn", line 8, in <module>',
  '    sys.exit(run())',
  '             ~~~^^',
  '  File "/usr/lib/python3/dist-packages/gunicorn/app/wsgiapp.py", line 66, in run',
  '    WSGIApplication("%(prog)s [OPTIONS] [APP_MODULE]", prog=prog).run()',
  '    ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~^^',
  '  File "/usr/lib/python3/dist-packages/gunicorn/app/base.py", line 235, in run',
  '    super().run()',
  '    ~~~~~~~~~~~^^',
  '  File "/usr/lib/python3/dist-packages/gunicorn/app/base.py", line 71, in run',
  '    Arbiter(self).run()',
  '    ~~~~~~~~~~~~~~~~~^^',
  '  File "/usr/lib/python3/dist-packages/gunicorn/arbiter.py", line 197, in run',
  '    self.start()',
  '    ~~~~~~~~~~^^',
  '  File "/usr/lib/python3/dist-packages/gunicorn/arbiter.py", line 137, in start',
  '    self.cfg.on_starting(self)',
  '    ~~~~~~~~~~~~~~~~~~~~^^^^^^',
  '  File "/app/gunicorn.conf.py", line 7, in on_starting',
  '    prime_cache()',
  '    ~~~~~~~~~~~^^',
  '  File "/app/warmup.py", line 2, in prime_cache',
  '    raise ConnectionRefusedError(111, "Connection refused")',
  'ConnectionRefusedError: [Errno 111] Connection refused'
].join('\n')

// forky (Gunicorn 26.2): the post_fork hook calls observability.py; the first worker's failure and the master's end.
const WORKER_HOOK = [
  '[2026-12-07 04:36:08 +0000] [1] [INFO] Starting gunicorn 26.2.2',
  '[2026-12-07 04:36:08 +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)',
  '[2026-12-07 04:36:08 +0000] [1] [INFO] Using worker: sync',
  '[2026-12-07 04:36:08 +0000] [6] [INFO] Booting worker with pid: 6',
  '[2026-12-07 04:36:08 +0000] [6] [ERROR] Exception in worker process',
  'Traceback (most recent call last):',
  '  File "/usr/lib/python3/dist-packages/gunicorn/arbiter.py", line 751, in spawn_worker',
  '    self.cfg.post_fork(self, worker)',
  '    ~~~~~~~~~~~~~~~~~~^^^^^^^^^^^^^^',
  '  File "/app/gunicorn.conf.py", line 11, in post_fork',
  '    start_tracing(service="catalog", worker_id=worker.pid)',
  '    ~~~~~~~~~~~~~^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
  '  File "/app/observability.py", line 10, in start_tracing',
  '    rate = sample_rate()',
  '  File "/app/observability.py", line 6, in sample_rate',
  '    return float(os.environ.get("TRACE_SAMPLE_RATE", "10%"))',
  "ValueError: could not convert string to float: '10%'",
  "could not convert string to float: '10%'",
  '[2026-12-07 04:36:08 +0000] [6] [INFO] Worker exiting (pid: 6)',
  '[2026-12-07 04:36:09 +0000] [1] [ERROR] Worker (pid:6) exited with code 3.',
  '[2026-12-07 04:36:09 +0000] [1] [ERROR] Shutting down: Master',
  '[2026-12-07 04:36:09 +0000] [1] [ERROR] Reason: Worker failed to boot.'
].join('\n')

let repo: string
beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'config-frames-'))
  writeFileSync(path.join(repo, 'gunicorn.conf.py'), 'from tuning import WORKERS\nfrom warmup import prime_cache\n')
  writeFileSync(
    path.join(repo, 'tuning.py'),
    'import os\n\n# Workers per CPU unless the platform says otherwise.\nWORKERS = int(os.environ.get("WEB_CONCURRENCY", "auto"))\n'
  )
  writeFileSync(path.join(repo, 'warmup.py'), 'def prime_cache():\n    raise ConnectionRefusedError(111, "Connection refused")\n')
})
afterAll(() => rmSync(repo, { recursive: true, force: true }))

const explained = (text: string, repoRoot: string) =>
  explainRun(
    contextFor(toLogLines(text), {
      outcome: 'container-exited',
      container: { running: false, exitCode: 1 },
      paths: { repoRoot, contextDir: repoRoot, workdir: '/app' }
    })
  )

describe('an exception raised in code the config file runs', () => {
  it('at import: names the module line and the config file that imports it, and annotates both', () => {
    const { diagnosis, pointers } = explained(IMPORTED, repo)
    expect(diagnosis.reason).toBe('config-error')
    expect(diagnosis.summary).toContain(
      "`ValueError: invalid literal for int() with base 10: 'auto'`, raised in `tuning.py:4`, which `gunicorn.conf.py` imports (line 1)"
    )
    expect(diagnosis.remedy).toContain('`python -c "import tuning"`')
    expect(diagnosis.location).toMatchObject({ file: 'tuning.py', line: 4 })
    expect(pointers).toEqual(expect.arrayContaining([expect.objectContaining({ file: 'gunicorn.conf.py', line: 1 })]))
  })

  it('in a worker hook: names the hook, says only Gunicorn reproduces it', () => {
    const fixture = path.join(REPO, '__fixtures__/apps/fail-config-hook-module')
    const { diagnosis, pointers } = explained(WORKER_HOOK, fixture)
    expect(diagnosis.reason).toBe('unknown')
    expect(diagnosis.summary).toBe(
      "Workers failed with `ValueError: could not convert string to float: '10%'`, raised in `observability.py:6`, " +
        'called by the `post_fork` hook `gunicorn.conf.py` defines (line 11).'
    )
    expect(diagnosis.remedy).toContain('in each worker after it forks')
    expect(pointers.map((p) => `${p.file}:${p.line}`)).toEqual(['observability.py:6', 'gunicorn.conf.py:11'])
  })

  it("in a master hook, under another reason's words: the config file is named as the way in", () => {
    const { diagnosis, pointers } = explained(MASTER_HOOK, repo)
    expect(diagnosis.reason).toBe('database-unreachable')
    expect(diagnosis.summary).toContain('`warmup.py:2`')
    expect(diagnosis.summary).toContain('`warmup.py` is called by the `on_starting` hook `gunicorn.conf.py` defines (line 7)')
    expect(pointers).toEqual(expect.arrayContaining([expect.objectContaining({ file: 'gunicorn.conf.py', line: 7 })]))
  })

  it('in the config file itself: no caller to name', () => {
    const own = IMPORTED.replace(/ {2}File "\/app\/tuning\.py"[^\n]*\n[^\n]*\n[^\n]*\n/, '')
    const { diagnosis } = explained(own, repo)
    expect(diagnosis.reason).toBe('config-error')
    expect(diagnosis.summary).not.toContain('raised in')
  })
  // A paste that starts at the traceback: Gunicorn's `Failed to read config file` line is not in it.
  it('without the "Failed to read config file" line: the loader frame says it is the config file', () => {
    const pasted = IMPORTED.split('\n').slice(1).join('\n')
    const { diagnosis } = explained(pasted, repo)
    expect(diagnosis.reason).toBe('config-error')
    expect(diagnosis.summary).toContain('Gunicorn could not read its config file `/app/gunicorn.conf.py`')
    expect(diagnosis.summary).toContain('raised in `tuning.py:4`, which `gunicorn.conf.py` imports (line 1)')
  })

  it('without that line, a config file the process may not read: the file comes from the exception', () => {
    const denied = [
      'Traceback (most recent call last):',
      '  File "/usr/local/lib/python3.12/site-packages/gunicorn/app/base.py", line 111, in get_config_from_filename',
      '    spec.loader.exec_module(mod)',
      '  File "<frozen importlib._bootstrap_external>", line 995, in exec_module',
      '  File "<frozen importlib._bootstrap_external>", line 1132, in get_code',
      '  File "<frozen importlib._bootstrap_external>", line 1190, in get_data',
      "PermissionError: [Errno 13] Permission denied: '/etc/app/gunicorn.conf.py'"
    ].join('\n')
    const { diagnosis } = explained(denied, repo)
    expect(diagnosis.reason).toBe('config-error')
    expect(diagnosis.summary).toBe(
      "Gunicorn could not read its config file `/etc/app/gunicorn.conf.py`: `PermissionError: [Errno 13] Permission denied: '/etc/app/gunicorn.conf.py'`."
    )
  })

  it('without that line, a module the config file imports is missing: still the missing module', () => {
    const missing = IMPORTED.split('\n').slice(1, -1).concat("ModuleNotFoundError: No module named 'tuning_extra'").join('\n')
    expect(explained(missing, repo).diagnosis.reason).toBe('missing-dependency')
  })
})
