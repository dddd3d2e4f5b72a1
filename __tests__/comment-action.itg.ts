// The pull-request comment through the bundled action, against a local stand-in for the GitHub API that
// validates every request against GitHub's OpenAPI description.
import { jest } from '@jest/globals'
import { Parser } from 'commonmark'
import fs from 'node:fs'
import path from 'node:path'
import { BASES, baseImage } from './helpers/docker.js'
import { GitHubStandin } from './helpers/github-standin.js'
import { ROOT, runAction, type ActionRun } from './helpers/run-action.js'

jest.setTimeout(180_000)

const PASSWORD = 'S3cr3t-Pa55-9f2c'
const API_TOKEN = 'tok_live_7Hq2mN4pX9'
const HEAD_SHA = '0123456789abcdef0123456789abcdef01234567'
const PR = 7
const context = path.relative(ROOT, path.join(ROOT, '__fixtures__', 'apps', 'comment-leaky'))
const common = { context, 'build-args': `BASE_IMAGE=${baseImage(BASES[0])}`, 'stability-window': '1' }
const payload = {
  action: 'synchronize',
  number: PR,
  pull_request: {
    number: PR,
    head: { sha: HEAD_SHA, repo: { full_name: 'octo-org/app', fork: false } },
    base: { repo: { full_name: 'octo-org/app' } }
  },
  repository: { full_name: 'octo-org/app' }
}

/** The HTML nodes and the plain-text nodes (outside code) of a CommonMark document. */
function renderedParts(markdown: string): { html: string[]; text: string[] } {
  const walker = new Parser().parse(markdown).walker()
  const html: string[] = []
  const text: string[] = []
  for (let event = walker.next(); event; event = walker.next()) {
    const node = event.node
    if (!event.entering) continue
    if (node.type === 'html_block' || node.type === 'html_inline') html.push(node.literal ?? '')
    if (node.type === 'text') text.push(node.literal ?? '')
  }
  return { html, text }
}

let standin: GitHubStandin
beforeEach(async () => {
  standin = await GitHubStandin.start()
})
afterEach(async () => {
  expect(standin.violations).toEqual([])
  await standin.close()
})

const run = (inputs: Record<string, string>, eventName = 'pull_request', event: Record<string, unknown> = payload): Promise<ActionRun> =>
  runAction(
    { ...common, ...inputs },
    { eventName, payload: event, apiUrl: standin.url, extraEnv: { GITHUB_REPOSITORY: 'octo-org/app', GITHUB_SHA: HEAD_SHA } }
  )

/** Everything the action wrote that anyone can read, except the runner's own ::add-mask:: commands. */
function published(result: ActionRun): string {
  const report = fs.readFileSync(result.outputs['report-path'], 'utf8')
  const log = result.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'))
  return [
    standin
      .commentsOn(PR)
      .map((c) => c.body)
      .join('\n'),
    result.summary,
    JSON.stringify(result.outputs),
    report,
    log.join('\n')
  ].join('\n')
}

it('keeps one comment per key, updated in place from red to green, among 120 comments, secrets redacted', async () => {
  const marker = (key: string): string => `<!-- gunicorn-smoke:${key} -->`
  const humans = standin.seedComments(PR, [
    { body: `Quoting the bot: ${marker('smoke/smoke/__fixtures__/apps/comment-leaky/Dockerfile')} why did it fail?`, login: 'reviewer' },
    ...Array.from({ length: 119 }, (_, i) => ({ body: `review note ${i}`, login: i % 2 ? 'alice' : 'bob' }))
  ])

  const failing = await run({ env: `DATABASE_URL=mysql://admin:${PASSWORD}@db/app\nAPI_TOKEN=${API_TOKEN}` })
  expect(failing.exitCode).toBe(1)
  expect(failing.outputs.result).toBe('fail')
  const ours = () => standin.commentsOn(PR).filter((c) => c.user.type === 'Bot')
  expect(ours()).toHaveLength(1)
  const red = ours()[0]
  expect(red.body.startsWith('<!-- gunicorn-smoke:')).toBe(true)
  expect(red.body).toMatch(/❌/)
  expect(red.body).toContain('postgresql:// scheme')
  expect(failing.outputs['comment-url']).toMatch(/^https:\/\/github\.com\/octo-org\/app\/pull\/7#issuecomment-\d+$/)
  const leaked = published(failing)
  expect(leaked).not.toContain(PASSWORD)
  expect(leaked).not.toContain(API_TOKEN)
  expect(leaked).toContain('***')
  // The hostile banner stays inert: parsed as CommonMark, no HTML carries it and no text outside code mentions anyone.
  const { html, text } = renderedParts(red.body)
  expect(html.join('\n')).not.toMatch(/<img|onerror/)
  expect(text.join('\n')).not.toMatch(/@octocat\b/)
  fs.writeFileSync(path.join(failing.runnerTemp, 'comment.md'), red.body)

  const passing = await run({ env: `DATABASE_URL=postgresql://admin:${PASSWORD}@db/app\nAPI_TOKEN=${API_TOKEN}` })
  expect(passing.exitCode).toBe(0)
  expect(ours()).toHaveLength(1)
  expect(ours()[0].id).toBe(red.id)
  expect(ours()[0].body).toMatch(/✅/)
  expect(published(passing)).not.toContain(PASSWORD)
  // Humans' comments, including the one quoting the marker, are untouched.
  for (const human of humans) expect(standin.commentsOn(PR).find((c) => c.id === human.id)?.body).toBe(human.body)
  expect(standin.requestsFor('issues/list-comments').length).toBeGreaterThanOrEqual(4)

  const otherKey = await run({ env: `DATABASE_URL=postgresql://x:${PASSWORD}@db/app`, 'comment-key': 'smoke/admin' })
  expect(otherKey.exitCode).toBe(0)
  expect(ours()).toHaveLength(2)
})

it('on a read-only token (fork PR) warns, writes the summary and keeps the verdict as exit code', async () => {
  standin.forbidWrites = true
  const result = await run({ env: 'DATABASE_URL=mysql://nope@db/app' })
  expect(result.exitCode).toBe(1)
  expect(result.outputs.result).toBe('fail')
  expect(result.stdout).toMatch(/::warning::.*(read-only|Resource not accessible)/)
  expect(result.summary).toContain('postgresql:// scheme')
  expect(standin.commentsOn(PR)).toHaveLength(0)
})

it('on workflow_dispatch without a pull request posts nothing and writes the full summary', async () => {
  standin.setPullsForCommit(HEAD_SHA, [])
  const result = await run({ env: 'DATABASE_URL=postgresql://u@db/app' }, 'workflow_dispatch', { inputs: {}, ref: 'refs/heads/main' })
  expect(result.exitCode).toBe(0)
  expect(result.outputs['comment-url']).toBe('')
  expect(standin.requestsFor('issues/create-comment')).toEqual([])
  expect(result.summary).toMatch(/✅/)
  expect(result.summary).toMatch(/Health/)
})

it('on workflow_dispatch finds the open pull request of the commit', async () => {
  standin.setPullsForCommit(HEAD_SHA, [
    { number: 3, state: 'closed', headSha: HEAD_SHA },
    { number: PR, state: 'open', headSha: HEAD_SHA }
  ])
  const result = await run({ env: 'DATABASE_URL=postgresql://u@db/app' }, 'workflow_dispatch', { inputs: {}, ref: 'refs/heads/feature' })
  expect(result.exitCode).toBe(0)
  expect(standin.commentsOn(PR)).toHaveLength(1)
  expect(standin.commentsOn(3)).toHaveLength(0)
})
