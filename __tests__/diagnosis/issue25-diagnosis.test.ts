// Issue 25, points 2-4, on the logs captured from their fixtures on each base (scripts/capture-logs.sh): a variable
// read as None (fail-env-none), an INSTALLED_APPS typo of a local app (fail-installed-app-typo), and names Python says
// are misspelled (fail-misspelled-name; bookworm's Python 3.11 prints no "Did you mean" in Gunicorn's log).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { captured, SUITES } from '../gunicorn/captured-logs.js'
import { RuleContext } from '../../src/diagnosis/context.js'
import { closestLocalModule } from '../../src/diagnosis/rules/local-modules.js'
import { contextFor, diagnose, fromCapture } from './context-helper.js'
import { environmentRead } from '../../src/diagnosis/rules/environment.js'
import { definedNames, missingName } from '../../src/diagnosis/rules/imports.js'

const APPS = '__fixtures__/apps'
const PYTHON_HINTS = { bookworm: false, trixie: true, forky: true } as const

describe.each(SUITES)('on %s', (suite) => {
  it('os.environ.get("DJANGO_ALLOWED_HOSTS").split(" ") unset: missing-env naming the variable and settings.py:6', () => {
    const d = diagnose(fromCapture(suite, 'env-none'))
    expect(d.reason).toBe('missing-env')
    expect(d.location).toMatchObject({ file: `${APPS}/fail-env-none/notes/settings.py`, line: 6 })
    expect(d.summary).toContain('The app needs the environment variable `DJANGO_ALLOWED_HOSTS`, which is not set in the container')
    expect(d.summary).toContain(
      '`__fixtures__/apps/fail-env-none/notes/settings.py:6` reads it at import with `os.environ.get("DJANGO_ALLOWED_HOSTS")`'
    )
    expect(d.summary).toContain("(`AttributeError: 'NoneType' object has no attribute 'split'`)")
    expect(d.remedy).toBe(
      'Pass `DJANGO_ALLOWED_HOSTS` with the action\'s `env` input, or give the read a default (`os.environ.get("DJANGO_ALLOWED_HOSTS", "…")`).'
    )
    expect(d.evidence).toContain("AttributeError: 'NoneType' object has no attribute 'split'")
  })

  it('the same log without its source lines: the line is read from the repository file at the frame', () => {
    const run = captured(suite, 'env-none')
    const lines = run.lines.filter((l) => !/os\.environ\.get\("DJANGO_ALLOWED_HOSTS"\)|^\s*[~^]+\s*$/.test(l.text))
    expect(lines.length).toBeLessThan(run.lines.length)
    const d = diagnose(contextFor(lines, { fixture: 'fail-env-none', outcome: 'container-exited', container: { running: false, exitCode: 3 } }))
    expect(d.reason).toBe('missing-env')
    expect(d.summary).toContain('`DJANGO_ALLOWED_HOSTS`')
    expect(d.location?.line).toBe(6)
  })

  it('"uploads" in INSTALLED_APPS for the local app upload: config-error on settings.py:8, never a requirement', () => {
    const d = diagnose(fromCapture(suite, 'installed-app-typo'))
    const settings = `${APPS}/fail-installed-app-typo/gallery/settings.py`
    expect(d.reason).toBe('config-error')
    expect(d.location).toEqual({ file: settings, line: 8 })
    expect(d.summary).toBe(
      `\`INSTALLED_APPS\` lists \`uploads\` (\`${settings}:8\`), which is neither a module of the repository nor an installed ` +
        `package: the repository's app is \`upload\` (\`${APPS}/fail-installed-app-typo/upload\`), one typo away.`
    )
    expect(d.remedy).toContain(`Correct the entry to \`upload\` in \`${settings}:8\``)
    expect(d.remedy).not.toMatch(/Add `uploads`/)
    expect(d.evidence[0]).toBe('"uploads",')
  })

  it('an INSTALLED_APPS entry of a known third-party app that is not installed stays missing-dependency', () => {
    const run = captured(suite, 'installed-app-typo')
    const lines = run.lines.map((l) => ({ ...l, text: l.text.replace("'uploads'", "'rest_framework'") }))
    const d = diagnose(contextFor(lines, { fixture: 'fail-installed-app-typo', outcome: 'container-exited' }))
    expect(d.reason).toBe('missing-dependency')
    expect(d.remedy).toContain('`djangorestframework`')
  })

  it('an import of `exporter` where the repository has exporters.py: import-error, not a requirement', () => {
    const d = diagnose(fromCapture(suite, 'misspelled-module'))
    expect(d.reason).toBe('import-error')
    expect(d.location).toMatchObject({ file: `${APPS}/fail-misspelled-name/export_app.py`, line: 3 })
    expect(d.summary).toContain('the repository has `exporters` (`__fixtures__/apps/fail-misspelled-name/exporters.py`), one typo away')
    expect(d.remedy).toContain('Correct the name to `exporters` where it is imported; do not add `exporter` to the requirements')
  })

  it("redis.StricRedis: misspelled, with Python's suggestion where it prints one", () => {
    const d = diagnose(fromCapture(suite, 'misspelled-attribute'))
    const at = `${APPS}/fail-misspelled-name/cache.py:6`
    expect(d.reason).toBe('import-error')
    expect(d.location).toMatchObject({ file: `${APPS}/fail-misspelled-name/cache.py`, line: 6 })
    if (PYTHON_HINTS[suite]) {
      expect(d.summary).toContain(
        `\`${at}\` uses \`StricRedis\`, which \`redis\` does not have: the name is misspelled (Python suggests \`StrictRedis\``
      )
      expect(d.remedy).toBe(`Write \`StrictRedis\` instead of \`StricRedis\` at \`${at}\`.`)
    } else {
      expect(d.summary).toContain('`StricRedis` is misspelled, or the installed `redis` is not the package the code expects')
      expect(d.remedy).toMatch(/^Check the spelling of `StricRedis` against `redis`'s documentation/)
    }
  })

  it('NameError PAGE_SIZ: misspelled, PAGE_SIZE suggested by Python or found in pages.py', () => {
    const d = diagnose(fromCapture(suite, 'misspelled-name'))
    const at = `${APPS}/fail-misspelled-name/pages.py:3`
    expect(d.reason).toBe('import-error')
    expect(d.summary).toContain(`\`${at}\` uses the name \`PAGE_SIZ\`, which is not defined: the name is misspelled`)
    expect(d.summary).toContain(PYTHON_HINTS[suite] ? 'Python suggests `PAGE_SIZE`' : 'the file defines `PAGE_SIZE`')
    expect(d.remedy).toBe(`Write \`PAGE_SIZE\` instead of \`PAGE_SIZ\` at \`${at}\`.`)
  })

  it('from redis import StricRedis: misspelled where Python suggests, else spelling first, then the version', () => {
    const d = diagnose(fromCapture(suite, 'misspelled-import'))
    const at = `${APPS}/fail-misspelled-name/queue_app.py:2`
    expect(d.reason).toBe('import-error')
    expect(d.location).toMatchObject({ file: `${APPS}/fail-misspelled-name/queue_app.py`, line: 2 })
    if (PYTHON_HINTS[suite]) {
      expect(d.summary).toContain(`\`${at}\` imports \`StricRedis\` from \`redis\`, which has no such name: the name is misspelled`)
      expect(d.remedy).toBe(`Write \`StrictRedis\` instead of \`StricRedis\` at \`${at}\` and on line 5 of the same file.`)
    } else {
      expect(d.remedy).toMatch(/^Check the spelling of `StricRedis`; else pin the version of `redis`/)
    }
  })
})

describe('reading a line for the variable it reads', () => {
  it.each([
    ['os.getenv("A", "x") + os.environ.get("B").strip()', "'NoneType' object has no attribute 'strip'", 'B', 'os.environ.get'],
    ['PORT = int(os.getenv("PORT"))', "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'", 'PORT', 'os.getenv'],
    ['URL = env.str("DATABASE_URL", default=None).lower()', "'NoneType' object has no attribute 'lower'", 'DATABASE_URL', 'env.str'],
    ['HOSTS = environ.get(\'HOSTS\').split(",")', "'NoneType' object has no attribute 'split'", 'HOSTS', 'environ.get']
  ])('%s', (source, message, name, reader) => {
    expect(environmentRead(source, message)).toMatchObject({ name, reader })
  })

  it('a read with a default never yields None', () => {
    expect(environmentRead('HOSTS = os.environ.get("HOSTS", "").split(" ")', "'NoneType' object has no attribute 'split'")).toBeUndefined()
  })
})

describe("Python's messages about missing names", () => {
  it('reads the owner, the name and the suggestion', () => {
    expect(missingName("module 'redis' has no attribute 'StricRedis'. Did you mean: 'StrictRedis'?")).toEqual({
      usage: 'attribute',
      name: 'StricRedis',
      owner: "module 'redis'",
      module: 'redis',
      suggestion: 'StrictRedis'
    })
    expect(missingName("'Flask' object has no attribute 'rout'. Did you mean: 'route'?")).toMatchObject({
      owner: "'Flask' object",
      suggestion: 'route'
    })
    expect(missingName("name 'PAGE_SIZ' is not defined")).toEqual({ usage: 'name', name: 'PAGE_SIZ', suggestion: undefined })
  })

  it('the names a module defines at its top level', () => {
    const names = definedNames('import os\nfrom a import (b, c as d)\nPAGE_SIZE: int = 20\ndef view():\n    local = 1\nclass Form:\n    pass\n')
    expect([...names].sort()).toEqual(['Form', 'PAGE_SIZE', 'b', 'd', 'os', 'view'])
  })
})

describe("the repository's module a missing one was meant to name", () => {
  let repo: string
  beforeAll(() => {
    repo = mkdtempSync(path.join(os.tmpdir(), 'gsmoke-local-'))
    for (const file of ['manage.py', 'upload/__init__.py', 'shop/__init__.py', 'shop/payments.py', 'notes/readme.txt', 'request.py']) {
      mkdirSync(path.dirname(path.join(repo, file)), { recursive: true })
      writeFileSync(path.join(repo, file), '')
    }
  })
  afterAll(() => rmSync(repo, { recursive: true, force: true }))
  const closest = (name: string) => closestLocalModule(new RuleContext(contextFor([], { repoRoot: repo })), name)

  it('one typo from a local package or module, next to where it was looked for', () => {
    expect(closest('uploads')).toEqual({ name: 'upload', path: 'upload' })
    expect(closest('uplaod')).toEqual({ name: 'upload', path: 'upload' })
    expect(closest('shop.payment')).toEqual({ name: 'shop.payments', path: 'shop/payments.py' })
  })

  it('never a script nobody imports, a folder without Python, a known package, or a name two typos away', () => {
    expect(closest('mangum')).toBeUndefined()
    expect(closest('note')).toBeUndefined()
    expect(closest('requests')).toBeUndefined()
    expect(closest('uplo')).toBeUndefined()
  })
})
