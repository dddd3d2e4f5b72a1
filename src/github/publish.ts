// Wiring for the action: settings + environment → rendered comment → delivery. Never throws.
import type { Settings } from '../setup/inputs.js'
import type { RunReport } from '../core/model.js'
import { renderComment } from '../render/markdown.js'
import type { GitHubClient } from './client.js'
import { deliverComment, describeFailure, type DeliveryResult } from './comment-policy.js'
import { readEventPayload, type EventPayload } from './event.js'
import { commentKeyFor } from './key.js'

export { commentKeyFor } from './key.js'

export type PublishSettings = Pick<Settings, 'comment' | 'commentKey' | 'prNumber' | 'githubToken' | 'workspace' | 'context' | 'dockerfile' | 'image'>

export interface PublishDeps {
  /** A ready client (tests); default createOctokit(githubToken, { baseUrl: GITHUB_API_URL }). */
  octokit?: GitHubClient
  /** Retry and rate-limit notices (core.info). */
  log?: (message: string) => void
  /** The event payload the caller already read; default: the file GITHUB_EVENT_PATH names. */
  payload?: EventPayload
}

/**
 * Renders the (already redacted) report as the sticky comment and delivers it per the `comment` policy.
 * Outside GitHub Actions (no GITHUB_REPOSITORY) it does nothing.
 */
export async function publishComment(
  report: RunReport,
  settings: PublishSettings,
  env: NodeJS.ProcessEnv,
  deps: PublishDeps = {}
): Promise<DeliveryResult> {
  if (settings.comment === 'never') return {}
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!owner || !repo) return {}
  if (!settings.githubToken && !deps.octokit) {
    return { warning: `No pull-request comment: the 'github-token' input is empty; the report is in the job summary.` }
  }
  try {
    const key = commentKeyFor(settings, env)
    // Loaded only when a comment is to be delivered: the GitHub client is most of the bundle.
    const octokit = deps.octokit ?? (await import('./client.js')).createOctokit(settings.githubToken!, { baseUrl: env.GITHUB_API_URL, log: deps.log })
    return await deliverComment({
      policy: settings.comment,
      result: report.result,
      body: renderComment(report, { key }),
      key,
      octokit,
      owner,
      repo,
      eventName: env.GITHUB_EVENT_NAME ?? '',
      payload: deps.payload ?? readEventPayload(env.GITHUB_EVENT_PATH),
      prNumberInput: settings.prNumber,
      sha: env.GITHUB_SHA,
      token: settings.githubToken
    })
  } catch (error) {
    return { warning: `No pull-request comment: ${describeFailure(error, 'comment')}` }
  }
}
