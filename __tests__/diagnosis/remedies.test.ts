// Remedies in the repository's own terms: the exec-form command rewritten in the shell form with its own module,
// the `${PORT}` fix with the `import os` a config file lacks, the worker class found in the script the CMD runs or
// in the Procfile, and the CLI's flags where the action's words name its inputs.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { cliReport, cliWording } from '../../src/render/cli-words.js'
import { importsOs, shellFormOf } from '../../src/diagnosis/rules/command-forms.js'
import type { LogLine, RunReport } from '../../src/core/model.js'
import { contextFor, diagnose, fromCapture } from './context-helper.js'
import { SUITES, captured, linesOf } from '../gunicorn/captured-logs.js'

describe('shellFormOf', () => {
  it('keeps the command, its options and its module; the shell then expands the variable', () => {
    expect(shellFormOf('CMD ["gunicorn", "--bind", "0.0.0.0:${PORT}", "--workers", "2", "myproject.wsgi:application"]')).toBe(
      'CMD exec gunicorn --bind 0.0.0.0:${PORT} --workers 2 myproject.wsgi:application'
    )
    expect(shellFormOf('ENTRYPOINT ["gunicorn", "-b", "0.0.0.0:$PORT", "app.main:create_app()"]')).toBe(
      `ENTRYPOINT exec gunicorn -b 0.0.0.0:$PORT 'app.main:create_app()'`
    )
  })

  it('quotes what the shell would split or expand, and keeps the variable expandable', () => {
    expect(shellFormOf(`CMD ["gunicorn", "--access-logformat", "%(h)s it's", "--bind", "0.0.0.0:$PORT x"]`)).toBe(
      `CMD exec gunicorn --access-logformat '%(h)s it'\\''s' --bind "0.0.0.0:$PORT x"`
    )
  })

  it('answers nothing for the shell form or a line that is not a JSON array', () => {
    expect(shellFormOf('CMD gunicorn --bind 0.0.0.0:$PORT app:app')).toBeUndefined()
    expect(shellFormOf('CMD ["gunicorn", "--bind", \\')).toBeUndefined()
  })
})

describe('importsOs', () => {
  it.each([
    ['import os\n', true],
    ['import multiprocessing, os\n', true],
    ['import os.path\n', true],
    ['import os as system\n', false],
    ['import multiprocessing\n', false],
    ['from os import environ\n', false],
    ['# import os\nimport sys\n', false],
    ['def f():\n    import os\n', false]
  ])('%j → %s', (source, expected) => {
    expect(importsOs(source)).toBe(expected)
  })
})

describe.each(SUITES)('the ${PORT} fix on the real %s failure', (suite) => {
  it('adds `import os` to a gunicorn.conf.py that lacks it (applied word for word, it would be a NameError)', () => {
    const d = diagnose(fromCapture(suite, 'config-error'))
    expect(d.reason).toBe('config-error')
    expect(d.remedy).toBe(
      'Instead of `${PORT}`, read the environment in `__fixtures__/apps/fail-config-error/gunicorn.conf.py`: add `import os` at its top ' +
        "(it does not import `os`), then `bind = f\"0.0.0.0:{os.environ.get('PORT', '8000')}\"`."
    )
  })
})

describe('synthetic repositories', () => {
  let repo: string
  beforeEach(() => {
    repo = mkdtempSync(path.join(tmpdir(), 'gsmoke-remedies-'))
  })
  afterEach(() => rmSync(repo, { recursive: true, force: true }))
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true })
    writeFileSync(path.join(repo, file), text)
  }
  const at = (lines: string[] | LogLine[], overrides: Parameters<typeof contextFor>[1] = {}) =>
    diagnose(
      contextFor(typeof lines[0] === 'string' ? linesOf(lines as string[]) : (lines as LogLine[]), {
        repoRoot: repo,
        paths: { repoRoot: repo, contextDir: repo },
        ...overrides
      })
    )

  it('the exec-form fix is the Dockerfile line itself in the shell form, with the repository module', () => {
    write('Dockerfile', 'FROM python:3.12-slim\nCOPY . .\nCMD ["gunicorn", "--bind", "0.0.0.0:${PORT}", "myproject.wsgi:application"]\n')
    const d = at(["Error: '${PORT}' is not a valid port number."])
    expect(d).toMatchObject({ reason: 'config-error', location: { file: 'Dockerfile', line: 3 } })
    expect(d.remedy).toBe(
      'Use the shell form with `exec` (`CMD exec gunicorn --bind 0.0.0.0:${PORT} myproject.wsgi:application`: the shell expands ' +
        'the variable, then `exec` leaves Gunicorn as PID 1 to receive the stop signal), or drop the bind from the command ' +
        "and read the environment in a gunicorn.conf.py beside it: `import os`, then `bind = f\"0.0.0.0:{os.environ.get('PORT', '8000')}\"`."
    )
  })

  it('a config file that imports os gets the bind line alone', () => {
    write('gunicorn.conf.py', 'import multiprocessing, os\n\nbind = "0.0.0.0:${PORT}"\n')
    const d = at(["Error: '${PORT}' is not a valid port number."])
    expect(d.location).toEqual({ file: 'gunicorn.conf.py', line: 3 })
    expect(d.remedy).toBe("Instead of `${PORT}`, read the environment in `gunicorn.conf.py`: `bind = f\"0.0.0.0:{os.environ.get('PORT', '8000')}\"`.")
  })

  // Gunicorn 23's own answer (trixie) to `-k eventlet` without eventlet.
  const eventletMissing = () => captured('trixie', 'worker-class-unavailable').lines

  it('the worker class set in the shell script the CMD runs is found on its line', () => {
    write('Dockerfile', 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["./start.sh"]\n')
    write('start.sh', '#!/bin/sh\n# -k gevent was too slow\nexec gunicorn \\\n  --bind 0.0.0.0:8000 \\\n  -k eventlet \\\n  wsgi:app\n')
    const d = at(eventletMissing())
    expect(d.reason).toBe('worker-class-unavailable')
    expect(d.location).toEqual({ file: 'start.sh', line: 5 })
  })

  it('an ENTRYPOINT script named by its container path, and the Procfile when there is no script', () => {
    write('Dockerfile', 'FROM python:3.12-slim\nWORKDIR /srv\nCOPY . .\nENTRYPOINT ["/srv/bin/entrypoint.sh"]\n')
    write('bin/entrypoint.sh', '#!/bin/sh\nexec gunicorn --worker-class=eventlet wsgi:app\n')
    const withScript = at(eventletMissing(), { image: { entrypoint: ['/srv/bin/entrypoint.sh'], commandGiven: false } })
    expect(withScript.location).toEqual({ file: 'bin/entrypoint.sh', line: 2 })
    rmSync(path.join(repo, 'bin'), { recursive: true })
    write('Procfile', 'release: python manage.py migrate\nweb: gunicorn --worker-class eventlet wsgi:app\n')
    expect(at(eventletMissing()).location).toEqual({ file: 'Procfile', line: 2 })
  })

  it("a manifest's command that replaced the ENTRYPOINT: the script it started, not the image's", () => {
    write('Dockerfile', 'FROM python:3.12-slim\nWORKDIR /srv\nCOPY . .\nENTRYPOINT ["/srv/bin/entrypoint.sh"]\n')
    write('bin/entrypoint.sh', '#!/bin/sh\nexec gunicorn --worker-class=eventlet wsgi:app\n')
    write('bin/web.sh', '#!/bin/sh\nset -e\npython manage.py check\nexec gunicorn -k eventlet -b 0.0.0.0:8080 wsgi:app\n')
    const image = { entrypoint: ['/srv/bin/entrypoint.sh'], commandGiven: true }
    const started = at(eventletMissing(), { image: { ...image, started: ['/bin/sh', '-c', 'cd /srv && ./bin/web.sh'] } })
    expect(started.location).toEqual({ file: 'bin/web.sh', line: 4 })
    // Without knowing what ran, the image's own ENTRYPOINT script is the best guess.
    expect(at(eventletMissing(), { image }).location).toEqual({ file: 'bin/entrypoint.sh', line: 2 })
  })
})

describe('the CLI names its flags where the action names its inputs', () => {
  const options = new Set(['health-path', 'health-status', 'env', 'network', 'memory', 'cpus', 'host-header', 'faulthandler', 'port'])

  it.each([
    ['set the `health-path` input to an existing route', 'set `--health-path` to an existing route'],
    ["or set the action's `port` input to 8088", 'or set `--port` to 8088'],
    ['Pass it with the `env` input, or use a default', 'Pass it with `--env`, or use a default'],
    ['check the `memory`, `cpus` and `network` inputs.', 'check `--memory`, `--cpus` and `--network`.'],
    ['Check the expected messages (`websocket-*` inputs)', 'Check the expected messages (`--websocket-*` options)'],
    ['the `github-token` input is empty', 'the `github-token` input is empty']
  ])('%j', (action, cli) => {
    expect(cliWording(action, options)).toBe(cli)
  })

  it('rewords the summary, the remedy, the checks, advisories, warnings and annotations, and keeps the evidence', () => {
    const remedy = 'The app has no route `/healthz`: add one or set the `health-path` input to an existing route.'
    const report = {
      summary: 'x (the `faulthandler` input)',
      diagnosis: { reason: 'health-check-failed', summary: 'the `host-header` input', evidence: ['the `env` input'], remedy },
      checks: [{ id: 'health', label: 'Health', status: 'fail', detail: 'set the `health-status` input' }],
      advisories: ['the `memory` input'],
      warnings: ['the `env` input'],
      annotations: [{ level: 'error', title: 't', message: remedy }]
    } as unknown as RunReport
    const reworded = cliReport(report, options)
    expect(reworded.summary).toBe('x (`--faulthandler`)')
    expect(reworded.diagnosis).toEqual({
      reason: 'health-check-failed',
      summary: '`--host-header`',
      evidence: ['the `env` input'],
      remedy: 'The app has no route `/healthz`: add one or set `--health-path` to an existing route.'
    })
    expect(reworded.checks[0].detail).toBe('set `--health-status`')
    expect([...reworded.advisories, ...reworded.warnings]).toEqual(['`--memory`', '`--env`'])
    expect(reworded.annotations[0].message).toBe(reworded.diagnosis?.remedy)
  })

  it('every input named by a remedy of a captured failure is a CLI flag after rewording', () => {
    const names = new Set(['env', 'network', 'health-path', 'health-status', 'faulthandler', 'memory', 'cpus', 'port', 'command', 'host-header'])
    for (const scenario of ['missing-env', 'database-unreachable', 'health-check-failed', 'disallowed-host']) {
      const d = diagnose(fromCapture('bookworm', scenario))
      expect(d.remedy).toMatch(/`[\w-]+` input\b/)
      expect(cliWording(d.remedy, names)).not.toMatch(/`[\w-]+` inputs?\b/)
    }
  })
})
