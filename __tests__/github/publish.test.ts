import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { defaultCommentKey } from '../../src/github/key.js'
import { commentKeyFor, publishComment, type PublishSettings } from '../../src/github/publish.js'
import type { LogLine, RunReport } from '../../src/core/model.js'
import { GitHubStandin } from '../helpers/github-standin.js'

describe('defaultCommentKey', () => {
  it('gives each service of a matrix its own stable key', () => {
    const api = defaultCommentKey({ workflow: 'CI', job: 'smoke', service: 'api', dockerfile: 'Dockerfile' })
    const worker = defaultCommentKey({ workflow: 'CI', job: 'smoke', service: 'worker', dockerfile: 'Dockerfile' })
    expect(api).toBe('CI/smoke/api')
    expect(worker).toBe('CI/smoke/worker')
    expect(defaultCommentKey({ workflow: 'CI', job: 'smoke', service: 'api', dockerfile: 'Dockerfile' })).toBe(api)
  })

  it('falls back to the Dockerfile path, then the context, then the image', () => {
    expect(defaultCommentKey({ workflow: 'CI', job: 'smoke', dockerfile: './backend/Dockerfile', context: 'backend' })).toBe(
      'CI/smoke/backend/Dockerfile'
    )
    expect(defaultCommentKey({ workflow: 'CI', job: 'smoke', dockerfile: 'backend/Dockerfile' })).toBe('CI/smoke/backend/Dockerfile')
    expect(defaultCommentKey({ workflow: 'CI', job: 'smoke', context: './frontend/' })).toBe('CI/smoke/frontend')
    expect(defaultCommentKey({ workflow: 'CI', job: 'smoke', context: '.', image: 'ghcr.io/o/app:pr-1' })).toBe('CI/smoke/ghcr.io/o/app:pr-1')
    expect(defaultCommentKey({})).toBe('workflow/job')
  })

  it('keeps keys safe inside an HTML comment', () => {
    expect(defaultCommentKey({ workflow: 'Smoke tests --> <b>', job: 'run', service: 'a b' })).toBe('Smoke-tests-b/run/a-b')
    const long = defaultCommentKey({ workflow: 'w'.repeat(300), job: 'j', service: 'one' })
    const other = defaultCommentKey({ workflow: 'w'.repeat(300), job: 'j', service: 'two' })
    expect(long.length).toBeLessThanOrEqual(120)
    expect(long).not.toBe(other)
  })
})

const TOKEN = 'ghs_standinInstallationToken000000000000'

function report(result: 'pass' | 'fail', log: LogLine[] = []): RunReport {
  return {
    result,
    reason: result === 'fail' ? 'missing-env' : undefined,
    summary: result === 'fail' ? 'The app reads `DATABASE_URL` at import time.' : 'Healthy.',
    diagnosis:
      result === 'fail'
        ? {
            reason: 'missing-env',
            summary: 'The app reads `DATABASE_URL` at import time and it is not set.',
            evidence: ["KeyError: 'DATABASE_URL'"],
            location: { file: 'app/settings.py', line: 12 },
            remedy: "Pass it with the `env` input, or use `os.environ.get('DATABASE_URL')` with a default."
          }
        : undefined,
    checks: [{ id: 'health', label: 'Health `/health`', status: result, detail: result === 'pass' ? '200' : '', durationMs: 900 }],
    gunicorn: {
      version: '23.0.0',
      workerClass: 'sync',
      binds: ['0.0.0.0:8000'],
      workersExpected: 2,
      workersBooted: result === 'pass' ? 2 : 0,
      workersDied: 0
    },
    websocket: 'skipped',
    bootTimeMs: result === 'pass' ? 900 : undefined,
    advisories: [],
    warnings: [],
    annotations: [],
    log,
    logTotalLines: log.length,
    settingSources: {},
    startedAt: '2026-11-27T10:00:00Z',
    durationMs: 12_000,
    metadata: { repository: 'octo-org/app', serverUrl: 'https://github.com', runId: '55', runNumber: '7', sha: 'abcdef1234567' }
  }
}

describe('publishComment', () => {
  let standin: GitHubStandin
  let dir: string
  let env: NodeJS.ProcessEnv
  const settings: PublishSettings = {
    comment: 'always',
    githubToken: TOKEN,
    workspace: '/work/repo',
    context: '/work/repo/backend',
    dockerfile: '/work/repo/backend/Dockerfile'
  }

  beforeEach(async () => {
    standin = await GitHubStandin.start()
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-test-event-'))
    const eventPath = path.join(dir, 'event.json')
    fs.writeFileSync(eventPath, JSON.stringify({ number: 42, pull_request: { number: 42, head: { sha: 'abcdef1234567' } } }))
    env = {
      GITHUB_REPOSITORY: 'octo-org/app',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_API_URL: standin.url,
      GITHUB_WORKFLOW: 'CI',
      GITHUB_JOB: 'smoke',
      GITHUB_SHA: 'fedcba7654321'
    }
  })

  afterEach(async () => {
    await standin.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('renders the report and keeps one comment per key on the pull request, failure then pass', async () => {
    expect(commentKeyFor(settings, env)).toBe('CI/smoke/backend/Dockerfile')
    const failed = await publishComment(report('fail'), settings, env)
    expect(failed.warning).toBeUndefined()
    expect(failed.action).toBe('created')
    const [comment] = standin.commentsOn(42)
    expect(comment.body.split('\n').slice(0, 2)).toEqual([
      '<!-- gunicorn-smoke:CI/smoke/backend/Dockerfile -->',
      '### ❌ Gunicorn smoke test failed — missing environment variable `DATABASE_URL`'
    ])
    expect(failed.url).toBe(`https://github.com/octo-org/app/pull/42#issuecomment-${comment.id}`)

    const passed = await publishComment(report('pass'), settings, env)
    expect(passed.action).toBe('updated')
    expect(standin.commentsOn(42)).toHaveLength(1)
    expect(standin.commentsOn(42)[0].body).toContain('### ✅ Gunicorn smoke test passed — healthy in 900 ms, 2/2 workers')
    expect(standin.violations).toEqual([])
  })

  it('a huge log still makes a comment GitHub accepts', async () => {
    const log: LogLine[] = Array.from({ length: 50_000 }, (_, i) => ({
      seq: i,
      stream: 'stderr',
      text: `line ${i} ${'`'.repeat(i % 12)} ${'z'.repeat(200)}`,
      at: i
    }))
    log.push({ seq: 50_000, stream: 'stderr', text: "KeyError: 'DATABASE_URL'", at: 50_000 })
    const result = await publishComment(report('fail', log), settings, env)
    expect(result.action).toBe('created')
    expect(standin.commentsOn(42)[0].body.length).toBeLessThanOrEqual(65_536)
    expect(standin.violations).toEqual([])
  })

  it('does nothing outside GitHub Actions or with comment: never', async () => {
    expect(await publishComment(report('fail'), settings, { ...env, GITHUB_REPOSITORY: undefined })).toEqual({})
    expect(await publishComment(report('fail'), { ...settings, comment: 'never' }, env)).toEqual({})
    expect(standin.requests).toEqual([])
  })

  it('warns instead of failing when the token is missing', async () => {
    const result = await publishComment(report('fail'), { ...settings, githubToken: undefined }, env)
    expect(result.warning).toBe("No pull-request comment: the 'github-token' input is empty; the report is in the job summary.")
    expect(standin.requests).toEqual([])
  })

  it('uses comment-key and pr-number when given', async () => {
    const result = await publishComment(
      report('fail'),
      { ...settings, commentKey: 'python-3.12', prNumber: 77 },
      { ...env, GITHUB_EVENT_NAME: 'workflow_dispatch' }
    )
    expect(result.pullRequest).toBe(77)
    expect(standin.commentsOn(77)[0].body.startsWith('<!-- gunicorn-smoke:python-3.12 -->\n')).toBe(true)
    expect(standin.violations).toEqual([])
  })
})
