// The publishing mode through the bundled action (dist/index.js, as the runner runs it) on a workflow_run event,
// against the GitHub stand-in: a fork's pull request gets one comment and one check run, edited on the next run; a
// hostile report is refused or rendered inert, never posted raw.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { Parser } from 'commonmark'
import type { ReportFile } from '../../src/report-file/file.js'
import { GitHubStandin } from '../helpers/github-standin.js'
import { BASE_REPO, FORK_REPO, HEAD_SHA, RUN_ID, hostile, sampleFile, writeReport } from '../helpers/report-files.js'
import { runAction, type ActionRun } from '../helpers/run-action.js'

jest.setTimeout(60_000)

const PR = 12
const workflowRunPayload = {
  action: 'completed',
  // What GitHub sends for a fork's pull_request run: pull_requests is empty.
  workflow_run: { id: RUN_ID, head_sha: HEAD_SHA, head_branch: 'fix-deps', event: 'pull_request', pull_requests: [] },
  repository: { full_name: BASE_REPO }
}

let standin: GitHubStandin
let workspace: string
beforeEach(async () => {
  standin = await GitHubStandin.start()
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-publish-'))
  standin.addWorkflowRun({ id: RUN_ID, headSha: HEAD_SHA, headRepo: FORK_REPO, headBranch: 'fix-deps', event: 'pull_request' }, BASE_REPO)
  standin.addPull({ number: PR, state: 'open', headSha: HEAD_SHA, headRepo: FORK_REPO, headRef: 'fix-deps' }, BASE_REPO)
})
afterEach(async () => {
  expect(standin.violations).toEqual([])
  await standin.close()
})

function publish(content: unknown, inputs: Record<string, string> = {}, eventName = 'workflow_run'): Promise<ActionRun> {
  return runAction(
    { 'publish-report': writeReport(workspace, content), ...inputs },
    {
      workspace,
      eventName,
      payload: workflowRunPayload,
      apiUrl: standin.url,
      extraEnv: { GITHUB_REPOSITORY: BASE_REPO, GITHUB_WORKFLOW: 'publish', GITHUB_JOB: 'publish' }
    }
  )
}

const writes = (): string[] => standin.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)

/** The HTML and link nodes a Markdown body would really produce, and its plain text outside code. */
function parts(markdown: string): { html: string[]; links: string[]; images: number; text: string } {
  const walker = new Parser().parse(markdown).walker()
  const html: string[] = []
  const links: string[] = []
  let images = 0
  const text: string[] = []
  for (let event = walker.next(); event; event = walker.next()) {
    if (!event.entering) continue
    const node = event.node
    if (node.type === 'html_block' || node.type === 'html_inline') html.push((node.literal ?? '').trim())
    if (node.type === 'link') links.push(node.destination ?? '')
    if (node.type === 'image') images++
    if (node.type === 'text') text.push(node.literal ?? '')
  }
  return { html, links, images, text: text.join('\n') }
}

/** Our own tags and the marker are the only HTML; links only to this repository; no mention, no image. */
function expectInert(markdown: string, marker = true): void {
  const { html, links, images, text } = parts(markdown)
  const ours = /^(<!-- gunicorn-smoke:[A-Za-z0-9._/:+=-]+ -->|<details( open)?>|<\/details>|<summary>[^<]*<\/summary>|<sub>|<\/sub>)/
  expect(html.filter((tag) => !ours.test(tag))).toEqual([])
  // Quoted markers stay text or code; only the first line's is a real HTML comment.
  expect(html.filter((tag) => tag.startsWith('<!--'))).toHaveLength(marker ? 1 : 0)
  expect(markdown.startsWith('<!-- gunicorn-smoke:')).toBe(marker)
  expect(links.filter((url) => !url.startsWith(`https://github.com/${BASE_REPO}/`))).toEqual([])
  expect(images).toBe(0)
  expect(text).not.toMatch(/@octocat|@org\/team|#1\b|https?:\/\/evil/)
  expect(text).not.toContain('<img')
}

describe('publish-report on a fork pull request', () => {
  it('posts one comment and one check run with the annotations, and a second run edits both', async () => {
    const first = await publish(sampleFile())
    expect(first.exitCode).toBe(0)
    expect(first.outputs).toMatchObject({ result: 'fail', reason: 'missing-dependency' })
    const comments = standin.commentsOn(PR, BASE_REPO)
    expect(comments).toHaveLength(1)
    expect(comments[0].body).toMatch(/^<!-- gunicorn-smoke:smoke\/smoke\/backend\/Dockerfile -->\n### ❌ Gunicorn smoke test failed/)
    expect(comments[0].body).toContain(`https://github.com/${BASE_REPO}/actions/runs/${RUN_ID}`)
    expect(comments[0].body).toContain(`https://github.com/${BASE_REPO}/blob/${HEAD_SHA}/backend/app.py#L4`)
    expect(first.outputs['comment-url']).toMatch(new RegExp(`/pull/${PR}#issuecomment-\\d+$`))

    expect(standin.checkRuns).toHaveLength(1)
    const check = standin.checkRuns[0]
    expect(check).toMatchObject({ headSha: HEAD_SHA, name: 'smoke/smoke/backend/Dockerfile', status: 'completed', conclusion: 'failure' })
    expect(check.summary).toBe(comments[0].body)
    // Only annotations with a place in the repository, the error first.
    expect(check.annotations.map((a) => [a.path, a.start_line, a.annotation_level])).toEqual([
      ['backend/app.py', 4, 'failure'],
      ['backend/gunicorn.conf.py', 2, 'warning']
    ])
    expect(first.outputs['check-run-url']).toBe(`https://github.com/${BASE_REPO}/runs/${check.id}`)

    // The contributor re-runs the job and it passes: same run, second attempt.
    const passing = sampleFile({ result: 'pass', reason: undefined, diagnosis: undefined, summary: 'Healthy.', annotations: [] })
    const second = await publish({ ...passing, metadata: { ...passing.metadata, runAttempt: '2' } })
    expect(second.exitCode).toBe(0)
    expect(standin.commentsOn(PR, BASE_REPO)).toHaveLength(1)
    expect(standin.commentsOn(PR, BASE_REPO)[0]).toMatchObject({ id: comments[0].id })
    expect(standin.commentsOn(PR, BASE_REPO)[0].body).toMatch(/✅ Gunicorn smoke test passed/)
    expect(standin.checkRuns).toHaveLength(1)
    expect(standin.checkRuns[0]).toMatchObject({ id: check.id, conclusion: 'success' })
    expect(standin.requestsFor('issues/update-comment')).toHaveLength(1)
    expect(standin.requestsFor('checks/update')).toHaveLength(1)
    // Never builds or runs anything: no run key or image saved for the post step, which has nothing to do.
    expect(second.state).toEqual({ isPost: 'true' })
    expect(second.post?.exitCode).toBe(0)
  })

  it('finds the pull request by head branch when the commit lookup does not list forks', async () => {
    standin.commitLookupFindsForks = false
    const result = await publish(sampleFile())
    expect(result.exitCode).toBe(0)
    expect(standin.requestsFor('pulls/list')[0].query).toMatchObject({ head: 'contributor:fix-deps', state: 'open' })
    expect(standin.commentsOn(PR, BASE_REPO)).toHaveLength(1)
  })

  it('does not comment on a pull request whose head is another repository, even with the same commit', async () => {
    await standin.close()
    standin = await GitHubStandin.start()
    standin.addWorkflowRun({ id: RUN_ID, headSha: HEAD_SHA, headRepo: FORK_REPO, headBranch: 'fix-deps', event: 'pull_request' }, BASE_REPO)
    standin.addPull({ number: 99, state: 'open', headSha: HEAD_SHA, headRepo: 'mallory/app', headRef: 'fix-deps' }, BASE_REPO)
    const result = await publish(sampleFile())
    expect(result.exitCode).toBe(0)
    expect(standin.commentsOn(99, BASE_REPO)).toHaveLength(0)
    expect(result.stdout).toContain(`No open pull request of ${BASE_REPO} has ${FORK_REPO}@${HEAD_SHA} as its head`)
    // The check run belongs to the commit, not the pull request: it is still there.
    expect(standin.checkRuns).toHaveLength(1)
  })

  it("without 'checks: write' still comments, and the warning names the permission", async () => {
    standin.forbidChecks = true
    const result = await publish(sampleFile())
    expect(result.exitCode).toBe(0)
    expect(standin.commentsOn(PR, BASE_REPO)).toHaveLength(1)
    expect(result.stdout).toMatch(/::warning::No check run: .*'checks: write'/)
  })

  it('renders a report with hostile text in every free string inert, in the comment and the check run', async () => {
    const file = hostile(sampleFile())
    expect(file.summary).toContain('<img')
    expect(file.diagnosis?.remedy).toContain('@octocat')
    const result = await publish(file)
    expect(result.exitCode).toBe(0)
    const [comment] = standin.commentsOn(PR, BASE_REPO)
    expectInert(comment.body)
    expectInert(standin.checkRuns[0].summary ?? '')
    expectInert(result.summary, false)
    // Annotations are plain text to GitHub; control characters and bidi overrides are gone all the same.
    for (const annotation of standin.checkRuns[0].annotations) {
      expect([...annotation.message].filter((c) => c.charCodeAt(0) < 0x20 || c === '\u202E')).toEqual([])
    }
  })
})

describe('publish-report refuses', () => {
  const refusedWithoutWrites = (result: ActionRun, message: RegExp): void => {
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(message)
    expect(writes()).toEqual([])
    expect(standin.commentsOn(PR, BASE_REPO)).toHaveLength(0)
  }

  it('a report for another head commit than the triggering run tested', async () => {
    const result = await publish({ ...sampleFile(), headSha: 'f'.repeat(40) })
    refusedWithoutWrites(
      result,
      new RegExp(`::error::The report file '.*report\\.json' is for commit f{40}, but the triggering run ${RUN_ID} tested ${HEAD_SHA}: refused\\.`)
    )
  })

  it('a report from another run', async () => {
    const file = sampleFile()
    const result = await publish({ ...file, metadata: { ...file.metadata, runId: '7' } })
    refusedWithoutWrites(result, /::error::The report file .* comes from run 7, not from the triggering run/)
  })

  it('an oversized file, without reading it', async () => {
    const result = await publish('[' + '1,'.repeat(4_300_000) + '1]')
    refusedWithoutWrites(result, /::error::The report file .* is \d+ bytes, over the 8388608-byte limit: refused\./)
    expect(standin.requests).toEqual([])
  })

  const good: ReportFile = sampleFile()
  it.each([
    ['wrong types', { ...good, checks: { build: 'pass' } }, /\/checks must be array/],
    ['Markdown smuggled in a field of its own', { ...good, markdown: '<img src=x onerror=alert(1)>' }, /must NOT have additional properties/],
    ['not JSON', '<html>', /is not valid JSON/]
  ])('%s', async (_name, content, message) => {
    refusedWithoutWrites(await publish(content), message)
  })

  it('a triggering run the API does not know (or the token may not read), naming the permission', async () => {
    const result = await runAction(
      { 'publish-report': writeReport(workspace, sampleFile()) },
      {
        workspace,
        eventName: 'workflow_run',
        payload: { ...workflowRunPayload, workflow_run: { ...workflowRunPayload.workflow_run, id: 1 } },
        apiUrl: standin.url,
        extraEnv: { GITHUB_REPOSITORY: BASE_REPO }
      }
    )
    refusedWithoutWrites(result, /::error::GitHub answered 404 to reading the triggering run: give the job 'actions: read'/)
  })

  it('an event other than workflow_run, naming the input', async () => {
    const result = await publish(sampleFile(), {}, 'pull_request')
    refusedWithoutWrites(result, /::error::The input 'publish-report' works only in a workflow triggered by 'workflow_run', not 'pull_request'\./)
    expect(standin.requests).toEqual([])
  })

  it('smoke-test inputs next to it, naming the input', async () => {
    const result = await publish(sampleFile(), { image: 'myapp:latest' })
    refusedWithoutWrites(result, /::error::The input 'image' cannot be used together with 'publish-report'/)
    expect(standin.requests).toEqual([])
  })
})
