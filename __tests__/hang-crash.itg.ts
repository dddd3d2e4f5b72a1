// Workers that hang or crash while booting, and apps that boot but answer wrongly, through the bundled action on
// the real engine and all three bases: the reason, the line it names, the annotation, and nothing left behind.
import fs from 'node:fs'
import path from 'node:path'
import { jest } from '@jest/globals'
import { baseImage, leftovers } from './helpers/docker.js'
import { ROOT, runAction, type ActionRun } from './helpers/run-action.js'
import type { RunReport } from '../src/core/model.js'

jest.setTimeout(180_000)

const SUITES = ['bookworm', 'trixie', 'forky'] as const
const fixture = (name: string): string => path.join('__fixtures__', 'apps', name)
const report = (run: ActionRun): RunReport => JSON.parse(fs.readFileSync(run.outputs['report-path'], 'utf8')) as RunReport

function expectNothingLeft(run: ActionRun): void {
  expect(leftovers(run.state.runKey.toLowerCase())).toEqual({ containers: [], images: [], volumes: [], networks: [] })
  expect(run.post?.exitCode).toBe(0)
}

const errorAnnotation = (run: ActionRun, file: string, line: number) =>
  run.stdout.split('\n').find((l) => l.startsWith('::error') && l.includes(`file=${file},line=${line}`))

describe.each(SUITES)('on %s', (suite) => {
  const common = { 'build-args': `BASE_IMAGE=${baseImage(suite)}`, 'stability-window': '1', comment: 'never' }

  it('worker-hang: the stuck worker is asked for its stack, which names app.py:4 and its sleep', async () => {
    const run = await runAction({ ...common, context: fixture('fail-worker-hang'), timeout: '10' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.reason).toBe('worker-hang')
    const app = `${fixture('fail-worker-hang')}/app.py`
    expect(run.outputs.summary).toContain(`stuck importing \`${app}:4\` (\`time.sleep(3600)\`) after`)
    expect(errorAnnotation(run, app, 4)).toBeDefined()
    const json = report(run)
    expect(json.settings?.PYTHONFAULTHANDLER).toBe('1')
    expect(json.diagnosis?.evidence).toContain('  File "/app/app.py", line 4 in <module>')
    expectNothingLeft(run)
  })

  it('worker-hang: a connect that never completes names broker.py:10 and a missing service', async () => {
    const run = await runAction({ ...common, context: fixture('fail-connect-hang'), timeout: '8' })
    expect(run.outputs.reason).toBe('worker-hang')
    expect(run.outputs.summary).toContain(`\`${fixture('fail-connect-hang')}/broker.py:10\``)
    expect(run.outputs.summary).toContain('waiting on a network connection')
    expect(report(run).diagnosis?.remedy).toContain('a service the CI run lacks')
    expectNothingLeft(run)
  })

  it('native-crash: the segfaulting import is named with its module and line', async () => {
    const run = await runAction({ ...common, context: fixture('fail-native-crash'), timeout: '20' })
    expect(run.outputs.reason).toBe('native-crash')
    const file = `${fixture('fail-native-crash')}/fastjson.py`
    expect(run.outputs.summary).toContain(`while importing \`fastjson\` at \`${file}:8\``)
    expect(errorAnnotation(run, file, 8)).toBeDefined()
    expectNothingLeft(run)
  })

  it('asgi-under-wsgi: FastAPI under the sync worker gets its own diagnosis, not a timeout', async () => {
    const run = await runAction({ ...common, context: fixture('fail-asgi-under-wsgi'), timeout: '60' })
    expect(run.outputs.reason).toBe('asgi-under-wsgi')
    expect(run.outputs['health-status']).toBe('500')
    expect(report(run).diagnosis?.remedy).toContain('uvicorn-worker')
    expectNothingLeft(run)
  })

  it('disallowed-host: fails on the Django 400 without host-header and passes with it, with no stack dump', async () => {
    const failed = await runAction({ ...common, context: fixture('fail-disallowed-host'), timeout: '60' })
    expect(failed.outputs.reason).toBe('disallowed-host')
    expect(failed.outputs.summary).toContain(`\`${fixture('fail-disallowed-host')}/shop/settings.py:4\``)
    expectNothingLeft(failed)
    const passed = await runAction({ ...common, context: fixture('fail-disallowed-host'), 'host-header': 'api.example.com' })
    expect(passed.exitCode).toBe(0)
    expect(passed.outputs.result).toBe('pass')
    const json = report(passed)
    expect(json.settings).toEqual({ PYTHONFAULTHANDLER: '1', hostHeader: 'api.example.com' })
    expect(json.log.some((line) => line.text.startsWith('Fatal Python error'))).toBe(false)
    expectNothingLeft(passed)
  })
})

// Gunicorn 20.1 applies its `timeout` (30 s) while a worker imports: WORKER TIMEOUT, then a replacement that hangs
// on the same line; that replacement is asked for its stack.
it('bookworm (Gunicorn 20.1): after WORKER TIMEOUT the replacement worker names app.py:4', async () => {
  const run = await runAction({
    'build-args': `BASE_IMAGE=${baseImage('bookworm')}`,
    'stability-window': '1',
    comment: 'never',
    context: fixture('fail-worker-hang'),
    timeout: '50'
  })
  expect(run.outputs.reason).toBe('worker-hang')
  expect(run.outputs.summary).toContain(`stuck importing \`${fixture('fail-worker-hang')}/app.py:4\` (\`time.sleep(3600)\`)`)
  expect(report(run).log.some((line) => /WORKER TIMEOUT/.test(line.text))).toBe(true)
  expectNothingLeft(run)
})

it('the fixtures are read from the repository root', () => {
  expect(fs.existsSync(path.join(ROOT, fixture('fail-worker-hang'), 'app.py'))).toBe(true)
})
