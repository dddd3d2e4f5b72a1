// Modules that exist and still do not load, captured on the bases: a source file saved as UTF-16 (null bytes; a
// ValueError on bookworm's 3.11, a SyntaxError on forky's 3.14), and a relative import in the module Gunicorn loads as
// a top-level one.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { byHandLog, contextFor, diagnose } from './context-helper.js'

const exited = { container: { running: false, exitCode: 3 } }

describe('a source file that is not UTF-8 text', () => {
  it.each(['bookworm', 'forky'] as const)('%s: syntax-error, with the encoding to fix', (suite) => {
    const diagnosis = diagnose(contextFor(byHandLog('null-bytes', suite), exited))
    expect(diagnosis.reason).toBe('syntax-error')
    expect(diagnosis.summary).toMatch(
      /^A Python file the app imports is not UTF-8 text \(`(Value|Syntax)Error: source code string cannot contain null bytes`\)/
    )
    expect(diagnosis.remedy).toContain('`iconv -f UTF-16 -t UTF-8 in.py > out.py`')
  })

  it("names the app module Gunicorn was loading, from the Dockerfile's command", () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'null-bytes-'))
    fs.writeFileSync(path.join(repo, 'Dockerfile'), 'FROM python:3.12-slim\nCOPY . /app\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "hello:app"]\n')
    const diagnosis = diagnose(contextFor(byHandLog('null-bytes'), { ...exited, repoRoot: repo }))
    expect(diagnosis.summary).toMatch(/^The module `hello` is not UTF-8 text/)
  })
})

describe('a relative import in a module loaded without its package (captured on forky)', () => {
  it('import-error with the package path to serve instead', () => {
    const diagnosis = diagnose(contextFor(byHandLog('relative-import'), exited))
    expect(diagnosis.reason).toBe('import-error')
    expect(diagnosis.summary).toBe(
      '`from .routes import router` is a relative import, and Gunicorn loads its module as a top-level module, which has no ' +
        'parent package (`attempted relative import with no known parent package`).'
    )
    expect(diagnosis.remedy).toContain('`gunicorn app.main:app`')
  })
})
