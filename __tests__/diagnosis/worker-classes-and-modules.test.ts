// Worker classes, app modules and options on real output: Gunicorn 26's removed eventlet worker (forky), the native
// asgi worker asked of a Gunicorn that predates it, an app module that does not exist and an option without its value
// (__fixtures__/logs/by-hand), and the gevent version floor, missing or old, from public threads (__fixtures__/corpus).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { toLogLines } from '../../src/gunicorn/log-parser.js'
import { captured } from '../gunicorn/captured-logs.js'
import { contextFor, diagnose } from './context-helper.js'

const read = (relative: string) => toLogLines(readFileSync(path.join(process.cwd(), '__fixtures__', relative), 'utf8'))
const exited = { container: { running: false, exitCode: 1 }, outcome: 'container-exited' as const }

describe('worker classes Gunicorn does not have', () => {
  it('eventlet on Gunicorn 26: switch to gevent or pin gunicorn<26, never "install eventlet"', () => {
    const d = diagnose(contextFor(captured('forky', 'worker-class-unavailable').lines, exited))
    expect(d.reason).toBe('worker-class-unavailable')
    expect(d.summary).toContain('removed in 26.0')
    expect(d.summary).toContain('installing `eventlet` does not bring it back')
    expect(d.remedy).toMatch(/^Switch to `gevent`.*or pin `gunicorn<26`/)
    expect(d.evidence).toContain("ImportError: Entry point ('gunicorn.workers', 'eventlet') not found")
  })

  it.each(['bookworm', 'trixie'])('the native asgi worker on an older Gunicorn (%s): upgrade, or uvicorn-worker', (suite) => {
    const d = diagnose(contextFor(read(`logs/by-hand/asgi-${suite}.log`), exited))
    expect(d.reason).toBe('worker-class-unavailable')
    expect(d.summary).toContain('`asgi` worker class is Gunicorn')
    expect(d.remedy).toContain('`gunicorn>=25`')
    expect(d.remedy).toContain('`-k uvicorn_worker.UvicornWorker` (package `uvicorn-worker`)')
  })

  it('an entry point an old release forgot (gthread): upgrade or name the class by path', () => {
    const d = diagnose(contextFor(read('corpus/logs/020-gthread-entry-point-not-found.log'), exited))
    expect(d.summary).toContain('does not register the `gthread` worker class')
    expect(d.remedy).toContain('gunicorn.workers.gthread.ThreadWorker')
  })
})

describe('the gevent version floor', () => {
  it.each([
    ['044-gevent-too-old-24-10-1.log', '24.10.1'],
    ['046-gevent-too-old-1-4.log', '1.4']
  ])('%s: the floor is named, and missing-or-old is said when the log cannot tell', (file, floor) => {
    const d = diagnose(contextFor(read(`corpus/logs/${file}`), exited))
    expect(d.reason).toBe('worker-class-unavailable')
    expect(d.summary).toContain(`requires gevent ${floor} or higher`)
    expect(d.summary).toContain('older (or missing')
    expect(d.remedy).toContain(`\`gevent>=${floor}\``)
  })

  it.each([
    ['bookworm', '1.4'],
    ['trixie', '1.4'],
    ['forky', '24.10.1']
  ])('gevent removed from the %s base: "requires gevent %s or higher" read as not installed', (suite, floor) => {
    const d = diagnose(contextFor(read(`logs/by-hand/gevent-removed-${suite}.log`), exited))
    expect(d.reason).toBe('worker-class-unavailable')
    expect(d.summary).toContain(`the \`gevent\` package is not installed in the image (Gunicorn reports it as "requires gevent ${floor} or higher")`)
    expect(d.remedy).toContain(`(${floor} or later)`)
  })

  it('a chained ModuleNotFoundError for gevent says it is not installed', () => {
    const d = diagnose(contextFor(read('corpus/logs/045-gevent-missing-flattened-indent.log'), exited))
    expect(d.summary).toContain('the `gevent` package is not installed')
    expect(d.evidence).toContain("ModuleNotFoundError: No module named 'gevent'")
  })

  it('an installed-version line tells an old gevent from a missing one', () => {
    const lines = [...toLogLines('Successfully installed gevent-1.3.6 greenlet-0.4.15'), ...read('corpus/logs/046-gevent-too-old-1-4.log')]
    const d = diagnose(
      contextFor(
        lines.map((line, seq) => ({ ...line, seq })),
        exited
      )
    )
    expect(d.summary).toContain('The image has `gevent 1.3.6`, older than the gevent 1.4')
  })
})

describe('a worker package that breaks while Gunicorn sets it up', () => {
  it('eventlet failing in its hub, the log cut before the exception', () => {
    const d = diagnose(contextFor(read('corpus/logs/021-eventlet-hub-cut-before-exception.log'), exited))
    expect(d.reason).toBe('worker-class-unavailable')
    expect(d.summary).toContain('`eventlet/hubs/__init__.py:70`')
    expect(d.summary).toContain('where the log ends')
    expect(d.remedy).toContain('Gunicorn 26.0 removed the eventlet worker')
  })
})

describe('the app module itself missing (captured on every base with `gunicorn nosuchmodule:app`)', () => {
  it.each(['bookworm', 'trixie', 'forky'])('%s: the module Gunicorn was told to load, not a package to add', (suite) => {
    const d = diagnose(contextFor(read(`logs/by-hand/app-module-missing-${suite}.log`), { ...exited, container: { running: false, exitCode: 3 } }))
    expect(d.reason).toBe('app-not-found')
    expect(d.summary).toContain('cannot import the app module `nosuchmodule` it was told to load')
    expect(d.remedy).toContain('`--chdir`')
    expect(d.remedy).not.toMatch(/^Add /)
  })
})

describe('an option left without its value (captured on forky with `gunicorn app:app -w`)', () => {
  it('names the long form of the option and the empty variable behind it', () => {
    const d = diagnose(contextFor(read('logs/by-hand/option-without-value-forky.log'), { ...exited, container: { running: false, exitCode: 2 } }))
    expect(d.reason).toBe('config-error')
    expect(d.summary).toContain("Gunicorn's `--workers` option was given without a value")
    expect(d.evidence).toEqual(['gunicorn: error: argument -w/--workers: expected one argument'])
  })
})
