// Which pull request a run belongs to, if any.
import type { GitHubClient } from './client.js'

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment'])

export interface ResolvePullRequestOptions {
  eventName: string
  /** The event payload (GITHUB_EVENT_PATH's JSON, or @actions/github's context.payload). */
  payload: Record<string, unknown>
  /** The `pr-number` input, when given (already validated, or a string to validate). */
  prNumberInput?: number | string
  /** The commit whose open pull request to look up on push / workflow_dispatch. */
  sha?: string
  octokit: GitHubClient
  owner: string
  repo: string
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined
}

/**
 * pull_request(_target), reviews: the payload's number. issue_comment on a pull request: the issue number.
 * Anything else (push, workflow_dispatch, schedule…): the `pr-number` input if given, else the open pull request
 * whose head is `sha` (GET /repos/{owner}/{repo}/commits/{sha}/pulls), else undefined: no comment, summary only.
 * API errors are thrown; deliverComment turns them into a warning.
 */
export async function resolvePullRequestNumber(options: ResolvePullRequestOptions): Promise<number | undefined> {
  const { eventName, payload } = options
  if (PULL_REQUEST_EVENTS.has(eventName)) {
    const fromPayload = positiveInteger(record(payload.pull_request)?.number) ?? positiveInteger(payload.number)
    if (fromPayload !== undefined) return fromPayload
  }
  if (eventName === 'issue_comment') {
    const issue = record(payload.issue)
    if (issue?.pull_request) {
      const number = positiveInteger(issue.number)
      if (number !== undefined) return number
    }
  }

  if (options.prNumberInput !== undefined && options.prNumberInput !== '') {
    const text = String(options.prNumberInput).trim()
    const number = /^\d+$/.test(text) ? Number(text) : NaN
    if (!Number.isSafeInteger(number) || number <= 0) {
      throw new Error(`The input 'pr-number' must be a pull request number such as 42, not '${text}'.`)
    }
    return number
  }

  if (!options.sha) return undefined
  const { data: pulls } = await options.octokit.rest.repos.listPullRequestsAssociatedWithCommit({
    owner: options.owner,
    repo: options.repo,
    commit_sha: options.sha,
    per_page: 100
  })
  const open = pulls.filter((pull) => pull.state === 'open')
  // Several open PRs can contain the commit; the one whose head it is is the one being tested.
  const headedHere = open.find((pull) => pull.head.sha === options.sha)
  return (headedHere ?? open[0])?.number
}
