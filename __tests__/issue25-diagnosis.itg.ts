// Issue 25, points 2-4, through the bundled action on the real engine and the three bases: a settings variable read
// as None, an INSTALLED_APPS typo of a local app, and names Python says are misspelled (bookworm's Python 3.11 does
// not print its "Did you mean" in Gunicorn's log, so there the answer says what the log allows). Each run checks the
// reason, the culprit, the file:line annotation, the remedy, and that nothing is left behind.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { jest } from '@jest/globals'
import { BASES, baseImage, leftovers } from './helpers/docker.js'
import { ROOT, runAction, type ActionRun } from './helpers/run-action.js'
import type { RunReport } from '../src/core/model.js'

jest.setTimeout(180_000)

const fixture = (name: string): string => path.join('__fixtures__', 'apps', name)
const report = (run: ActionRun): RunReport => JSON.parse(fs.readFileSync(run.outputs['report-path'], 'utf8')) as RunReport
const PYTHON_HINTS: Record<string, boolean> = { bookworm: false, trixie: true, forky: true }

function expectNothingLeft(run: ActionRun): void {
  expect(leftovers(run.state.runKey.toLowerCase())).toEqual({ containers: [], images: [], volumes: [], networks: [] })
  expect(run.post?.exitCode).toBe(0)
}

const errorAnnotation = (run: ActionRun, file: string, line: number) =>
  run.stdout.split('\n').find((l) => l.startsWith('::error') && l.includes(`file=${file},line=${line}`))

function expectFailure(run: ActionRun, reason: string, file: string, line: number): void {
  expect(run.exitCode).toBe(1)
  expect(run.outputs.reason).toBe(reason)
  expect(errorAnnotation(run, file, line)).toBeDefined()
  expect(report(run).diagnosis?.location).toMatchObject({ file, line })
}

/**
 * Applies a remedy literally to a copy of the fixture: on the line the diagnosis points at, `from` becomes `to`
 * and on the other lines it names (the words the remedy gives); then runs the copy, which must pass.
 */
async function applyRemedy(
  run: ActionRun,
  name: string,
  from: string,
  to: string,
  inputs: Record<string, string>,
  alsoOn: number[] = []
): Promise<void> {
  const location = report(run).diagnosis?.location
  expect(location).toBeDefined()
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-remedy-'))
  try {
    fs.cpSync(path.join(ROOT, fixture(name)), copy, { recursive: true })
    const file = path.join(copy, path.relative(fixture(name), location!.file))
    const lines = fs.readFileSync(file, 'utf8').split('\n')
    for (const line of [location!.line, ...alsoOn]) {
      expect(lines[line - 1]).toContain(from)
      lines[line - 1] = lines[line - 1].replace(from, to)
    }
    fs.writeFileSync(file, lines.join('\n'))
    const fixed = await runAction({ ...inputs, context: '.' }, { workspace: copy })
    expect(fixed.outputs.result).toBe('pass')
    expectNothingLeft(fixed)
  } finally {
    fs.rmSync(copy, { recursive: true, force: true })
  }
}

describe.each(BASES)('on %s', (suite) => {
  const common = { 'build-args': `BASE_IMAGE=${baseImage(suite)}`, 'stability-window': '1', comment: 'never', timeout: '60' }
  const misspelled = fixture('fail-misspelled-name')
  const listing = 'gunicorn -w 2 -b 0.0.0.0:8000 listing:app'
  const importing = 'gunicorn -w 2 -b 0.0.0.0:8000 queue_app:app'
  const exporting = 'gunicorn -w 2 -b 0.0.0.0:8000 export_app:app'

  it('os.environ.get("DJANGO_ALLOWED_HOSTS").split(" ") unset: missing-env on settings.py:6; with the variable passed it passes', async () => {
    const settings = `${fixture('fail-env-none')}/notes/settings.py`
    const failed = await runAction({ ...common, context: fixture('fail-env-none') })
    expectFailure(failed, 'missing-env', settings, 6)
    expect(failed.outputs.summary).toContain('The app needs the environment variable `DJANGO_ALLOWED_HOSTS`, which is not set in the container')
    expect(failed.outputs.summary).toContain(`\`${settings}:6\` reads it at import with \`os.environ.get("DJANGO_ALLOWED_HOSTS")\``)
    expect(report(failed).diagnosis?.remedy).toMatch(/^Pass `DJANGO_ALLOWED_HOSTS` with the action's `env` input, or give the read a default/)
    expectNothingLeft(failed)
    // The remedy, applied: the variable passed with the `env` input (the probes' Host is 127.0.0.1).
    const passed = await runAction({ ...common, context: fixture('fail-env-none'), env: 'DJANGO_ALLOWED_HOSTS=127.0.0.1 localhost' })
    expect(passed.outputs.result).toBe('pass')
    expectNothingLeft(passed)
  })

  it('"uploads" in INSTALLED_APPS for the local app upload: config-error on settings.py:8 naming upload, no requirement', async () => {
    const settings = `${fixture('fail-installed-app-typo')}/gallery/settings.py`
    const run = await runAction({ ...common, context: fixture('fail-installed-app-typo') })
    expectFailure(run, 'config-error', settings, 8)
    expect(run.outputs.summary).toContain(`\`INSTALLED_APPS\` lists \`uploads\` (\`${settings}:8\`)`)
    expect(run.outputs.summary).toContain("the repository's app is `upload`")
    const remedy = report(run).diagnosis?.remedy ?? ''
    expect(remedy).toContain(`Correct the entry to \`upload\` in \`${settings}:8\``)
    expect(remedy).not.toContain('Add `uploads`')
    expectNothingLeft(run)
    await applyRemedy(run, 'fail-installed-app-typo', '"uploads"', '"upload"', common)
  })

  it('redis.StricRedis: the name is misspelled (StrictRedis where Python says so), on cache.py:6', async () => {
    const run = await runAction({ ...common, context: misspelled })
    expectFailure(run, 'import-error', `${misspelled}/cache.py`, 6)
    const remedy = report(run).diagnosis?.remedy
    if (PYTHON_HINTS[suite]) {
      expect(run.outputs.summary).toContain('uses `StricRedis`, which `redis` does not have: the name is misspelled (Python suggests `StrictRedis`')
      expect(remedy).toBe(`Write \`StrictRedis\` instead of \`StricRedis\` at \`${misspelled}/cache.py:6\`.`)
      await applyRemedy(run, 'fail-misspelled-name', 'StricRedis', 'StrictRedis', common)
    } else {
      expect(run.outputs.summary).toContain('`StricRedis` is misspelled, or the installed `redis` is not the package the code expects')
      expect(remedy).toMatch(/^Check the spelling of `StricRedis`/)
    }
    expectNothingLeft(run)
  })

  it('NameError PAGE_SIZ: misspelled, PAGE_SIZE suggested, on pages.py:3', async () => {
    const run = await runAction({ ...common, context: misspelled, command: listing })
    expectFailure(run, 'import-error', `${misspelled}/pages.py`, 3)
    expect(run.outputs.summary).toContain('uses the name `PAGE_SIZ`, which is not defined: the name is misspelled')
    expect(report(run).diagnosis?.remedy).toBe(`Write \`PAGE_SIZE\` instead of \`PAGE_SIZ\` at \`${misspelled}/pages.py:3\`.`)
    expectNothingLeft(run)
    await applyRemedy(run, 'fail-misspelled-name', 'PAGE_SIZ ', 'PAGE_SIZE ', { ...common, command: listing })
  })

  it('from redis import StricRedis: misspelled where Python suggests, spelling first where it does not, on queue_app.py:2', async () => {
    const run = await runAction({ ...common, context: misspelled, command: importing })
    expectFailure(run, 'import-error', `${misspelled}/queue_app.py`, 2)
    const remedy = report(run).diagnosis?.remedy
    expectNothingLeft(run)
    if (PYTHON_HINTS[suite]) {
      expect(remedy).toBe(`Write \`StrictRedis\` instead of \`StricRedis\` at \`${misspelled}/queue_app.py:2\` and on line 5 of the same file.`)
      await applyRemedy(run, 'fail-misspelled-name', 'StricRedis', 'StrictRedis', { ...common, command: importing }, [5])
    } else {
      expect(remedy).toMatch(/^Check the spelling of `StricRedis`; else pin/)
    }
  })

  it('import of exporter where exporters.py exists: import-error on export_app.py:3, never a requirement', async () => {
    const run = await runAction({ ...common, context: misspelled, command: exporting })
    expectFailure(run, 'import-error', `${misspelled}/export_app.py`, 3)
    expect(run.outputs.summary).toContain('the repository has `exporters`')
    expect(report(run).diagnosis?.remedy).toContain('Correct the name to `exporters` where it is imported')
    expect(report(run).diagnosis?.remedy).toContain('do not add `exporter` to the requirements')
    expectNothingLeft(run)
    await applyRemedy(run, 'fail-misspelled-name', 'from exporter ', 'from exporters ', { ...common, command: exporting })
  })
})
