// The publishing mode (`publish-report`), for a `workflow_run` workflow in the base repository: it reads the report
// a fork's pull_request run uploaded, checks it (schema, size, the triggering run's head commit), then posts the
// sticky comment and a check run with the annotations. It never builds, runs or checks out anything, and it renders
// the file's strings with the same escaping renderer as any report: no Markdown or HTML is taken from the file.
import * as core from '@actions/core'
import { createOctokit, type GitHubClient } from './client.js'
import { upsertCheckRun } from './check-run.js'
import { deliverComment, describeFailure } from './comment-policy.js'
import { readEventPayload } from './event.js'
import { pullRequestOfRun } from './head-pull-request.js'
import { triggeringRun, TriggeringRunError, type TriggeringRun } from './workflow-run.js'
import { InputError } from '../setup/input-values.js'
import type { RunReport } from '../core/model.js'
import { parsePublishInputs, type PublishInputs } from '../setup/publish-inputs.js'
import { readReportFile, ReportFileError } from '../report-file/read.js'
import { publishableReport, refusal } from '../report-file/verify.js'
import { renderComment, renderSummary } from '../render/markdown.js'
import { sanitizeCommentKey } from '../render/marker.js'

/** Returns the exit code: 0 once published (the verdict is the check run's), 1 when the report is refused. */
export async function publishReport(env: NodeJS.ProcessEnv, octokit?: GitHubClient): Promise<number> {
  let inputs: PublishInputs
  try {
    inputs = parsePublishInputs((name) => core.getInput(name), env.GITHUB_WORKSPACE ?? process.cwd())
    if (env.GITHUB_EVENT_NAME !== 'workflow_run') {
      throw new InputError(`The input 'publish-report' works only in a workflow triggered by 'workflow_run', not '${env.GITHUB_EVENT_NAME ?? ''}'.`)
    }
  } catch (error) {
    return refuse(error)
  }
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const client = octokit ?? createOctokit(inputs.githubToken!, { baseUrl: env.GITHUB_API_URL, log: (message) => core.info(message) })
  let report: RunReport
  let run: TriggeringRun
  let key: string
  try {
    const file = readReportFile(inputs.reportFile, inputs.reportLabel)
    run = await triggeringRun(client, owner, repo, readEventPayload(env.GITHUB_EVENT_PATH))
    const refused = refusal(file, run, `${owner}/${repo}`, inputs.reportLabel)
    if (refused) throw new ReportFileError(refused)
    report = publishableReport(file, run, env)
    key = sanitizeCommentKey(inputs.commentKey ?? file.commentKey)
  } catch (error) {
    if (error instanceof ReportFileError || error instanceof TriggeringRunError) return refuse(error)
    return refuse(new Error(runUnreadable(error)))
  }

  // Only schema-bound enums become outputs: the file's free text stays out of `${{ }}` expressions in later steps.
  core.setOutput('result', report.result)
  core.setOutput('reason', report.reason ?? '')
  const body = renderComment(report, { key })
  await publishComment(client, inputs, report, run, key, body, owner, repo)
  await publishCheckRun(client, report, run, key, body, owner, repo)
  try {
    await core.summary.addRaw(renderSummary(report)).write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`)
  }
  core.info(`Published the report of run ${run.id} (${report.result}) for commit ${run.headSha}.`)
  return 0
}

async function publishComment(
  octokit: GitHubClient,
  inputs: PublishInputs,
  report: RunReport,
  run: TriggeringRun,
  key: string,
  body: string,
  owner: string,
  repo: string
): Promise<void> {
  core.setOutput('comment-url', '')
  if (inputs.comment === 'never') return
  let pullRequest: number | undefined
  try {
    pullRequest = await pullRequestOfRun(octokit, owner, repo, run)
  } catch (error) {
    core.warning(`No pull-request comment: ${describeFailure(error, 'find the pull request of the triggering run')}`)
    return
  }
  if (pullRequest === undefined) {
    core.info(`No open pull request of ${owner}/${repo} has ${run.headRepository}@${run.headSha} as its head, so no comment was posted.`)
    return
  }
  const delivered = await deliverComment({
    policy: inputs.comment,
    result: report.result,
    body,
    key,
    octokit,
    owner,
    repo,
    eventName: 'workflow_run',
    payload: {},
    prNumberInput: pullRequest,
    token: inputs.githubToken
  })
  core.setOutput('comment-url', delivered.url ?? '')
  if (delivered.warning) core.warning(delivered.warning)
  if (delivered.notice) core.info(delivered.notice)
  if (delivered.action) core.info(`Comment ${delivered.action} on pull request #${pullRequest}: ${delivered.url ?? ''}`)
}

async function publishCheckRun(
  octokit: GitHubClient,
  report: RunReport,
  run: TriggeringRun,
  key: string,
  summary: string,
  owner: string,
  repo: string
): Promise<void> {
  core.setOutput('check-run-url', '')
  try {
    const check = await upsertCheckRun(report, { octokit, owner, repo, headSha: run.headSha, key, summary, detailsUrl: run.htmlUrl })
    core.setOutput('check-run-url', check.url)
    core.info(`Check run '${key}' ${check.action} on ${run.headSha}: ${check.url}`)
  } catch (error) {
    const status = (error as { status?: number }).status
    core.warning(
      status === 403
        ? "No check run: the token may not write checks; add 'checks: write' to the job's permissions for the " +
            "annotations on the pull request's diff. The comment is unaffected."
        : `No check run: ${describeFailure(error, 'create the check run')}`
    )
  }
}

/** The API would not describe the triggering run: most often the job lacks `actions: read`. */
function runUnreadable(error: unknown): string {
  const status = (error as { status?: number }).status
  if (status === 403 || status === 404) {
    return `GitHub answered ${status} to reading the triggering run: give the job 'actions: read' (and check 'github-token'); nothing was published.`
  }
  return `The triggering run could not be read, so nothing was published: ${describeFailure(error, 'read the triggering run')}`
}

function refuse(error: unknown): number {
  const message = error instanceof Error ? error.message : String(error)
  core.setOutput('result', '')
  core.setOutput('reason', '')
  core.setOutput('summary', message)
  core.setFailed(message)
  return 1
}
