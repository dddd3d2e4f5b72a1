// Remedies that fit the repository, through the bundled action (and the CLI) on the real engine and the three
// bases: the fix uses the repository's own names (its module, whether its config imports `os`, the package apt
// names, the CLI's flags), points at the file and line to change, and, when it is code, applied word for word to
// a copy of the fixture at that file and line, makes the next run pass.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { jest } from '@jest/globals'
import { BASES, baseImage, leftovers } from './helpers/docker.js'
import { ROOT, runAction, type ActionRun } from './helpers/run-action.js'
import type { RunReport } from '../src/core/model.js'

jest.setTimeout(300_000)

const fixtureDir = (name: string): string => path.join(ROOT, '__fixtures__', 'apps', name)
const report = (run: ActionRun): RunReport => JSON.parse(fs.readFileSync(run.outputs['report-path'], 'utf8')) as RunReport
const workspaces: string[] = []

/** A copy of the fixture as a repository of its own, so that a remedy can be applied to it. */
function copyOf(fixture: string): string {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), `gsmoke-remedy-${fixture}-`))
  fs.cpSync(fixtureDir(fixture), workspace, { recursive: true })
  workspaces.push(workspace)
  return workspace
}

afterAll(() => {
  for (const workspace of workspaces) fs.rmSync(workspace, { recursive: true, force: true })
})

function expectNothingLeft(run: ActionRun): void {
  expect(leftovers(run.state.runKey.toLowerCase())).toEqual({ containers: [], images: [], volumes: [], networks: [] })
  expect(run.post?.exitCode).toBe(0)
}

const errorAnnotation = (run: ActionRun, file: string, line: number) =>
  run.stdout.split('\n').find((l) => l.startsWith('::error') && l.includes(`file=${file},line=${line}`))

/** The code spans of a remedy, as the user reads them. */
const codeSpans = (remedy: string): string[] => [...remedy.matchAll(/`([^`]+)`/g)].map((m) => m[1])

/** The named line replaced by the remedy's code span that starts like it (`bind =`, `CMD `). */
function applyLine(workspace: string, diagnosis: RunReport['diagnosis'], startsWith: string): string {
  const { file, line } = diagnosis!.location!
  const replacement = codeSpans(diagnosis!.remedy).find((span) => span.startsWith(startsWith))
  expect(replacement).toBeDefined()
  const lines = fs.readFileSync(path.join(workspace, file), 'utf8').split('\n')
  expect(lines[line - 1].trimStart().startsWith(startsWith)).toBe(true)
  lines[line - 1] = replacement!
  // A Python file also gets the imports the remedy names (`import os`); a Dockerfile does not.
  const imports = file.endsWith('.py') ? codeSpans(diagnosis!.remedy).filter((span) => /^import \w+$/.test(span)) : []
  fs.writeFileSync(path.join(workspace, file), [...imports, ...lines].join('\n'))
  return replacement!
}

/** The instruction at the named Dockerfile line (with its continuation lines), one package name for another. */
function applyPackage(workspace: string, diagnosis: RunReport['diagnosis']): string {
  const { file, line } = diagnosis!.location!
  const [installed, instead] = /Install `([^`]+)` instead of `([^`]+)`/.exec(diagnosis!.remedy)!.slice(1)
  const lines = fs.readFileSync(path.join(workspace, file), 'utf8').split('\n')
  let last = line - 1
  while (lines[last].trimEnd().endsWith('\\')) last++
  const word = new RegExp(`(?<=\\s)${instead}(?=\\s|$)`)
  const at = lines.findIndex((text, i) => i >= line - 1 && i <= last && word.test(text))
  expect(at).toBeGreaterThanOrEqual(0)
  lines[at] = lines[at].replace(word, installed)
  fs.writeFileSync(path.join(workspace, file), lines.join('\n'))
  return installed
}

function expectPassed(run: ActionRun): void {
  expect({ exitCode: run.exitCode, result: run.outputs.result, reason: run.outputs.reason ?? '' }).toEqual({
    exitCode: 0,
    result: 'pass',
    reason: ''
  })
}

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' }
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe.each(BASES)('on %s', (suite) => {
  const common = { 'build-args': `BASE_IMAGE=${baseImage(suite)}`, 'stability-window': '1', comment: 'never', timeout: '30' }

  it('config-error: the ${PORT} fix for a gunicorn.conf.py without `import os` adds it, and applied it passes', async () => {
    const workspace = copyOf('fail-config-error')
    const failed = await runAction(common, { workspace })
    expect(failed.outputs.reason).toBe('config-error')
    const diagnosis = report(failed).diagnosis
    expect(diagnosis?.location).toEqual({ file: 'gunicorn.conf.py', line: 4 })
    expect(errorAnnotation(failed, 'gunicorn.conf.py', 4)).toBeDefined()
    expect(diagnosis?.remedy).toContain(
      "read the environment in `gunicorn.conf.py`: add `import os` at its top (it does not import `os`), then `bind = f\"0.0.0.0:{os.environ.get('PORT', '8000')}\"`"
    )
    expectNothingLeft(failed)

    applyLine(workspace, diagnosis, 'bind =')
    const fixed = await runAction(common, { workspace })
    expectPassed(fixed)
    expect(report(fixed).log.some((line) => /NameError/.test(line.text))).toBe(false)
    expectNothingLeft(fixed)
  })

  it("config-error: the exec-form CMD fix is the repository's own command (myproject.wsgi:application), and applied it passes", async () => {
    const workspace = copyOf('fail-exec-form-port')
    const failed = await runAction(common, { workspace })
    expect(failed.outputs.reason).toBe('config-error')
    expect(failed.outputs.summary).toContain('exec-form `CMD` runs no shell')
    const diagnosis = report(failed).diagnosis
    expect(diagnosis?.location).toEqual({ file: 'Dockerfile', line: 8 })
    expect(errorAnnotation(failed, 'Dockerfile', 8)).toBeDefined()
    const shellForm = 'CMD exec gunicorn --bind 0.0.0.0:${PORT} --workers 2 --access-logfile - myproject.wsgi:application'
    expect(diagnosis?.remedy).toContain(`Use the shell form with \`exec\` (\`${shellForm}\`: `)
    expect(diagnosis?.remedy).not.toContain('app:app')
    expectNothingLeft(failed)

    expect(applyLine(workspace, diagnosis, 'CMD ')).toBe(shellForm)
    const fixed = await runAction(common, { workspace })
    expectPassed(fixed)
    expectNothingLeft(fixed)
  })

  it('apt-package-not-found: the package apt names for the virtual `netcat`, and applied it passes', async () => {
    const workspace = copyOf('fail-apt-virtual-package')
    const failed = await runAction(common, { workspace })
    expect(failed.outputs.reason).toBe('apt-package-not-found')
    expect(failed.outputs.summary).toContain(
      '`apt-get install` does not know the package `netcat`: apt says it is a virtual package provided by `netcat-openbsd` and `netcat-traditional`'
    )
    const diagnosis = report(failed).diagnosis
    expect(diagnosis?.location).toEqual({ file: 'Dockerfile', line: 5 })
    expect(errorAnnotation(failed, 'Dockerfile', 5)).toBeDefined()
    expect(diagnosis?.remedy).toContain('Install `netcat-openbsd` instead of `netcat`')
    expect(diagnosis?.evidence).toContain("E: Package 'netcat' has no installation candidate")
    expectNothingLeft(failed)

    expect(applyPackage(workspace, diagnosis)).toBe('netcat-openbsd')
    const fixed = await runAction(common, { workspace })
    expectPassed(fixed)
    expectNothingLeft(fixed)
  })

  it('worker-class-unavailable: the `-k eventlet` of the start script the CMD runs is the place (start.sh:7)', async () => {
    const run = await runAction({ ...common, context: path.relative(ROOT, fixtureDir('fail-worker-class-script')) })
    expect(run.outputs.reason).toBe('worker-class-unavailable')
    expect(run.outputs.summary).toContain('`eventlet`')
    const file = '__fixtures__/apps/fail-worker-class-script/start.sh'
    expect(report(run).diagnosis?.location).toEqual({ file, line: 7 })
    expect(errorAnnotation(run, file, 7)).toBeDefined()
    expect(report(run).diagnosis?.remedy).toMatch(suite === 'forky' ? /Switch to `gevent`/ : /Add `eventlet` to `.*requirements\.txt`/)
    expectNothingLeft(run)
  })

  it('the remedy names the `health-path` input in the action and `--health-path` in the CLI', async () => {
    const app = fixtureDir('ok-flask-4-workers')
    const inputs = { ...common, context: path.relative(ROOT, app), 'health-path': '/healthz', timeout: '15' }
    const run = await runAction(inputs)
    expect(run.outputs.reason).toBe('health-check-failed')
    expect(report(run).diagnosis?.remedy).toBe('The app has no route `/healthz`: add one or set the `health-path` input to an existing route.')
    expectNothingLeft(run)

    const result = cli([app, '--build-args', `BASE_IMAGE=${baseImage(suite)}`, '--health-path', '/healthz', '--timeout', '15', '--json'])
    expect(result.status).toBe(1)
    const json = JSON.parse(result.stdout) as RunReport
    expect(json.reason).toBe('health-check-failed')
    expect(json.diagnosis?.remedy).toBe('The app has no route `/healthz`: add one or set `--health-path` to an existing route.')
    const terminal = cli([app, '--build-args', `BASE_IMAGE=${baseImage(suite)}`, '--health-path', '/healthz', '--timeout', '15'])
    expect(terminal.stdout).toContain('Fix    The app has no route /healthz: add one or set --health-path to an existing route.')
  })
})
