// The two-workflow pattern for pull requests from forks, end to end through the bundled action: the fork's
// pull_request run (read-only token) smoke-tests and writes its report file but cannot comment; the base
// repository's workflow_run run publishes that file (no checkout, no Docker) as the sticky comment and a check run
// whose annotations point at the right lines.
import { jest } from '@jest/globals'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { readReportFile } from '../src/report-file/read.js'
import { BASES, baseImage } from './helpers/docker.js'
import { GitHubStandin } from './helpers/github-standin.js'
import { ROOT, runAction } from './helpers/run-action.js'

jest.setTimeout(240_000)

const BASE_REPO = 'octo-org/app'
const FORK_REPO = 'contributor/app'
const HEAD_SHA = '89abcdef0123456789abcdef0123456789abcdef'
const MERGE_SHA = 'fedcba9876543210fedcba9876543210fedcba98'
const RUN_ID = 5550001
const PR = 31
const context = '__fixtures__/apps/fail-missing-dependency'

// A fork's pull_request event as GitHub sends it (trimmed to what the action reads).
const pullRequestPayload = {
  action: 'synchronize',
  number: PR,
  pull_request: {
    number: PR,
    head: { sha: HEAD_SHA, ref: 'add-billing', repo: { full_name: FORK_REPO, fork: true } },
    base: { ref: 'main', repo: { full_name: BASE_REPO } }
  },
  repository: { full_name: BASE_REPO }
}
// The workflow_run event that follows it: GitHub leaves pull_requests empty for a fork.
const workflowRunPayload = {
  action: 'completed',
  workflow_run: { id: RUN_ID, head_sha: HEAD_SHA, head_branch: 'add-billing', event: 'pull_request', pull_requests: [] },
  repository: { full_name: BASE_REPO }
}

let standin: GitHubStandin
beforeEach(async () => {
  standin = await GitHubStandin.start()
})
afterEach(async () => {
  expect(standin.violations).toEqual([])
  await standin.close()
})

it('a fork pull request: the pull_request run writes the report, the workflow_run run posts the comment and the check run', async () => {
  // 1. The fork's run: the smoke test fails, the read-only token cannot comment, the report file is written.
  standin.forbidWrites = true
  const producing = await runAction(
    { context, 'build-args': `BASE_IMAGE=${baseImage(BASES[0])}`, 'stability-window': '1' },
    {
      eventName: 'pull_request',
      payload: pullRequestPayload,
      apiUrl: standin.url,
      extraEnv: { GITHUB_REPOSITORY: BASE_REPO, GITHUB_SHA: MERGE_SHA, GITHUB_RUN_ID: String(RUN_ID), GITHUB_REF: `refs/pull/${PR}/merge` }
    }
  )
  expect(producing.exitCode).toBe(1)
  expect(producing.outputs.reason).toBe('missing-dependency')
  expect(standin.commentsOn(PR, BASE_REPO)).toHaveLength(0)
  expect(producing.stdout).toMatch(/::warning::No comment on pull request #31: .*'publish-report'/)
  const report = readReportFile(producing.outputs['report-path'])
  expect(report).toMatchObject({ format: 'gunicorn-smoke-report', version: 1, headSha: HEAD_SHA, headRepository: FORK_REPO, result: 'fail' })
  expect(report.metadata.runId).toBe(String(RUN_ID))
  const located = report.annotations.filter((a) => a.file !== undefined)
  expect(located.length).toBeGreaterThan(0)

  // 2. actions/upload-artifact, then actions/download-artifact in the base repository's run: a fresh folder, no checkout.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-workflow-run-'))
  fs.mkdirSync(path.join(workspace, 'smoke-report'))
  const reportPath = producing.outputs['report-path']
  fs.copyFileSync(reportPath, path.join(workspace, 'smoke-report', path.basename(reportPath)))

  // 3. The workflow_run run: a write token, the run and the pull request as GitHub describes them.
  standin.forbidWrites = false
  standin.addWorkflowRun({ id: RUN_ID, headSha: HEAD_SHA, headRepo: FORK_REPO, headBranch: 'add-billing', event: 'pull_request' }, BASE_REPO)
  standin.addPull({ number: PR, state: 'open', headSha: HEAD_SHA, headRepo: FORK_REPO, headRef: 'add-billing' }, BASE_REPO)
  const publishing = await runAction(
    { 'publish-report': 'smoke-report' },
    {
      workspace,
      eventName: 'workflow_run',
      payload: workflowRunPayload,
      apiUrl: standin.url,
      extraEnv: { GITHUB_REPOSITORY: BASE_REPO, GITHUB_WORKFLOW: 'publish' }
    }
  )
  expect(publishing.exitCode).toBe(0)
  expect(publishing.state).toEqual({ isPost: 'true' })
  const comments = standin.commentsOn(PR, BASE_REPO)
  expect(comments).toHaveLength(1)
  expect(comments[0].body.startsWith(`<!-- gunicorn-smoke:${report.commentKey} -->\n### ❌ Gunicorn smoke test failed`)).toBe(true)
  expect(comments[0].body).toContain(`https://github.com/${BASE_REPO}/actions/runs/${RUN_ID}`)

  expect(standin.checkRuns).toHaveLength(1)
  const check = standin.checkRuns[0]
  expect(check).toMatchObject({ headSha: HEAD_SHA, name: report.commentKey, conclusion: 'failure' })
  expect(check.annotations.map((a) => `${a.path}:${a.start_line}`)).toEqual(located.map((a) => `${a.file}:${a.line ?? 1}`))
  // The right lines: each annotation points at the line of the repository's file the traceback named.
  for (const annotation of check.annotations) {
    const line = fs.readFileSync(path.join(ROOT, annotation.path), 'utf8').split('\n')[annotation.start_line - 1]
    expect(line).toMatch(/import/)
  }
})
