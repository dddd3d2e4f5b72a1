// A shell variable Gunicorn received as literal text for a setting other than the bind, captured on forky and bookworm:
// `--workers "$WEB_CONCURRENCY"` as an exec-form CMD passes it, and `timeout = "${TIMEOUT}"` in gunicorn.conf.py.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { byHandLog, contextFor, diagnose } from './context-helper.js'

const exited = (exitCode: number) => ({ container: { running: false, exitCode } })

function repoWith(files: Record<string, string>): string {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'unexpanded-'))
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(repo, name), text)
  return repo
}

describe('a variable an exec-form CMD passes unexpanded', () => {
  const dockerfile = 'FROM python:3.12-slim\nCOPY . /app\nCMD ["gunicorn", "--workers", "$WEB_CONCURRENCY", "-b", "0.0.0.0:8000", "app:app"]\n'

  it.each(['forky', 'bookworm'] as const)("%s: named at the CMD, with the repository's command in the shell form", (suite) => {
    const diagnosis = diagnose(
      contextFor(byHandLog('workers-literal-variable', suite), { ...exited(2), repoRoot: repoWith({ Dockerfile: dockerfile }) })
    )
    expect(diagnosis.reason).toBe('config-error')
    expect(diagnosis.summary).toBe(
      'Gunicorn received the literal text `$WEB_CONCURRENCY` for `-w/--workers` (`Dockerfile:3`): the command runs without a shell ' +
        '(an exec-form `CMD`), so the variable is never expanded.'
    )
    expect(diagnosis.remedy).toContain('(`CMD exec gunicorn --workers $WEB_CONCURRENCY -b 0.0.0.0:8000 app:app`)')
    expect(diagnosis.remedy).toContain('(`${WEB_CONCURRENCY:-1}`)')
    expect(diagnosis.location).toEqual({ file: 'Dockerfile', line: 3 })
  })

  it('without the repository, still the command line (argparse reads only that)', () => {
    const diagnosis = diagnose(contextFor(byHandLog('workers-literal-variable'), exited(2)))
    expect(diagnosis.summary).toContain('the command runs without a shell')
  })
})

describe('a variable written into gunicorn.conf.py', () => {
  it.each(['forky', 'bookworm'] as const)('%s: named at the setting, read with os.environ instead', (suite) => {
    const repo = repoWith({
      Dockerfile: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["gunicorn", "app:app"]\n',
      'gunicorn.conf.py': 'bind = "0.0.0.0:8000"\ntimeout = "${TIMEOUT}"\n'
    })
    const diagnosis = diagnose(contextFor(byHandLog('timeout-literal-variable', suite), { ...exited(1), repoRoot: repo }))
    expect(diagnosis.reason).toBe('config-error')
    expect(diagnosis.summary).toBe(
      'Gunicorn received the literal text `${TIMEOUT}` for `timeout` (`gunicorn.conf.py:2`): gunicorn.conf.py is plain Python and does not expand shell variables.'
    )
    expect(diagnosis.remedy).toContain('`timeout = int(os.environ.get("TIMEOUT", "30"))`')
  })
})
