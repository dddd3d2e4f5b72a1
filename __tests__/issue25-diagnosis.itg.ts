// Issue 25, points 2-4, through the bundled action on the real engine and the three bases: a settings variable read
// as None, an INSTALLED_APPS typo of a local app, and names Python says are misspelled (bookworm's Python 3.11 does
// not print its "Did you mean" in Gunicorn's log, so there the answer says what the log allows). Each run checks the
// reason, the culprit, the file:line annotation, the remedy, and that nothing is left behind.
import fs from 'node:fs'
import path from 'node:path'
import { jest } from '@jest/globals'
import { BASES, baseImage, leftovers } from './helpers/docker.js'
import { runAction, type ActionRun } from './helpers/run-action.js'
import type { RunReport } from '../src/model.js'

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

describe.each(BASES)('on %s', (suite) => {
  const common = { 'build-args': `BASE_IMAGE=${baseImage(suite)}`, 'stability-window': '1', comment: 'never', timeout: '60' }
  const misspelled = fixture('fail-misspelled-name')

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
  })

  it('redis.StricRedis: the name is misspelled (StrictRedis where Python says so), on cache.py:6', async () => {
    const run = await runAction({ ...common, context: misspelled })
    expectFailure(run, 'import-error', `${misspelled}/cache.py`, 6)
    const remedy = report(run).diagnosis?.remedy
    if (PYTHON_HINTS[suite]) {
      expect(run.outputs.summary).toContain('uses `StricRedis`, which `redis` does not have: the name is misspelled (Python suggests `StrictRedis`')
      expect(remedy).toBe(`Write \`StrictRedis\` instead of \`StricRedis\` at \`${misspelled}/cache.py:6\`.`)
    } else {
      expect(run.outputs.summary).toContain('`StricRedis` is misspelled, or the installed `redis` is not the package the code expects')
      expect(remedy).toMatch(/^Check the spelling of `StricRedis`/)
    }
    expectNothingLeft(run)
  })

  it('NameError PAGE_SIZ: misspelled, PAGE_SIZE suggested, on pages.py:3', async () => {
    const run = await runAction({ ...common, context: misspelled, command: 'gunicorn -w 2 -b 0.0.0.0:8000 listing:app' })
    expectFailure(run, 'import-error', `${misspelled}/pages.py`, 3)
    expect(run.outputs.summary).toContain('uses the name `PAGE_SIZ`, which is not defined: the name is misspelled')
    expect(report(run).diagnosis?.remedy).toBe(`Write \`PAGE_SIZE\` instead of \`PAGE_SIZ\` at \`${misspelled}/pages.py:3\`.`)
    expectNothingLeft(run)
  })

  it('from redis import StricRedis: misspelled where Python suggests, spelling first where it does not, on queue_app.py:2', async () => {
    const run = await runAction({ ...common, context: misspelled, command: 'gunicorn -w 2 -b 0.0.0.0:8000 queue_app:app' })
    expectFailure(run, 'import-error', `${misspelled}/queue_app.py`, 2)
    const remedy = report(run).diagnosis?.remedy
    if (PYTHON_HINTS[suite]) expect(remedy).toBe(`Write \`StrictRedis\` instead of \`StricRedis\` at \`${misspelled}/queue_app.py:2\`.`)
    else expect(remedy).toMatch(/^Check the spelling of `StricRedis`; else pin/)
    expectNothingLeft(run)
  })

  it('import of exporter where exporters.py exists: import-error on export_app.py:3, never a requirement', async () => {
    const run = await runAction({ ...common, context: misspelled, command: 'gunicorn -w 2 -b 0.0.0.0:8000 export_app:app' })
    expectFailure(run, 'import-error', `${misspelled}/export_app.py`, 3)
    expect(run.outputs.summary).toContain('the repository has `exporters`')
    expect(report(run).diagnosis?.remedy).toContain('do not add `exporter` to the requirements')
    expectNothingLeft(run)
  })
})
