// Delivery policy: whether to comment, where, and what to say when GitHub refuses. Never throws: the step's
// result is the smoke test's verdict, never the comment's.
import { resolvePullRequestNumber } from './pull-request.js'
import type { GitHubClient } from './client.js'
import { resolveCommenter, updateStickyComment, upsertStickyComment, type UpsertResult } from './sticky-comment.js'

export type CommentPolicy = 'always' | 'on-failure' | 'never'

export interface DeliverCommentOptions {
  policy: CommentPolicy
  result: 'pass' | 'fail'
  /** The rendered comment (renderComment); its first line is the marker for `key`. */
  body: string
  key: string
  octokit: GitHubClient
  owner: string
  repo: string
  eventName: string
  payload: Record<string, unknown>
  prNumberInput?: number | string
  /** Commit to look the pull request up by on push / workflow_dispatch (GITHUB_SHA). */
  sha?: string
  /** The token, only to tell installation tokens (GITHUB_TOKEN) from personal ones; see sticky-comment.ts. */
  token?: string
  /** Login whose comments are ours, when known; overrides the token-based choice. */
  commenterLogin?: string
}

export interface DeliveryResult {
  url?: string
  /** One or two sentences for core.warning: why no comment was written and how to fix it. */
  warning?: string
  /** For core.info: why nothing was done although commenting was allowed (no pull request, on-failure pass). */
  notice?: string
  action?: UpsertResult['action']
  pullRequest?: number
}

/** Applies the policy. on-failure: a failure creates or updates; a pass only turns an existing comment green. */
export async function deliverComment(options: DeliverCommentOptions): Promise<DeliveryResult> {
  if (options.policy === 'never') return {}
  let pullRequest: number | undefined
  try {
    pullRequest = await resolvePullRequestNumber(options)
  } catch (error) {
    return { warning: `No pull-request comment: ${describeFailure(error, 'find the pull request of this run')}` }
  }
  if (pullRequest === undefined) {
    return {
      notice:
        `No pull request is associated with this ${options.eventName} run, so the report is only in the job summary; ` +
        `set 'pr-number' to comment anyway.`
    }
  }
  try {
    const { octokit, token, commenterLogin } = options
    const commenter = await resolveCommenter({ octokit, token, login: commenterLogin })
    const target = { ...options, issueNumber: pullRequest, commenter }
    if (options.policy === 'on-failure' && options.result === 'pass') {
      const updated = await updateStickyComment(target)
      if (!updated) {
        const notice = `The smoke test passed and 'comment' is on-failure, so no comment was posted on pull request #${pullRequest}.`
        return { pullRequest, notice }
      }
      return { pullRequest, url: updated.url, action: updated.action }
    }
    const written = await upsertStickyComment(target)
    return { pullRequest, url: written.url, action: written.action }
  } catch (error) {
    const warning = `No comment on pull request #${pullRequest}: ${describeFailure(error, 'write the comment')}`
    return { pullRequest, warning }
  }
}

interface RequestErrorLike {
  status?: number
  message?: string
  response?: { data?: unknown }
}

function apiMessage(error: RequestErrorLike): string {
  const data = error.response?.data
  if (data && typeof data === 'object' && typeof (data as { message?: unknown }).message === 'string') {
    return (data as { message: string }).message
  }
  return error.message ?? String(error)
}

const UNAFFECTED = 'The smoke test result is unaffected.'

/** What went wrong and what to do, in plain words. */
export function describeFailure(error: unknown, doing: string): string {
  const e = (error ?? {}) as RequestErrorLike
  const message = apiMessage(e).replace(/\s+/g, ' ').trim()
  if (e.status === 403 && /not accessible by integration/i.test(message)) {
    return (
      `GitHub refused to let the token ${doing} (403 Resource not accessible by integration). ` +
      `On pull requests from forks GITHUB_TOKEN is read-only; for same-repository pull requests add ` +
      `'permissions: pull-requests: write' to the job; for forks, upload the 'report-path' file as an artifact and ` +
      `publish it from a 'workflow_run' workflow with 'publish-report' (docs/workflows.md), or set 'comment: never'. ${UNAFFECTED}`
    )
  }
  if (e.status === 401) {
    return `GitHub rejected the token while trying to ${doing} (401 ${message}); check the 'github-token' input. ${UNAFFECTED}`
  }
  if (e.status === 403) {
    return `GitHub refused to ${doing} (403 ${message}); the token needs 'pull-requests: write', or a rate limit was hit. ` + UNAFFECTED
  }
  if (e.status === 404) {
    return (
      `GitHub answered 404 while trying to ${doing}: the pull request or repository does not exist or the token ` +
      `cannot see it; check 'pr-number' and 'github-token'. ${UNAFFECTED}`
    )
  }
  if (e.status !== undefined) {
    return `GitHub answered ${e.status} while trying to ${doing} (${message}). ${UNAFFECTED}`
  }
  return `could not ${doing}: ${message.replace(/\.$/, '')}. ${UNAFFECTED}`
}
