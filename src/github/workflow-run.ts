// The run that triggered a `workflow_run` workflow: the producing run whose report is being published. Its id
// comes from the event payload (written by GitHub, not by the fork) and its details from the API, so the head
// commit and repository the report is checked against are GitHub's word, never the file's.
import type { GitHubClient } from './client.js'
import type { EventPayload } from './event.js'

export interface TriggeringRun {
  id: number
  /** The commit the run tested: a pull request's head commit on `pull_request`. */
  headSha: string
  /** `owner/name` of the head commit's repository: the fork, for a fork's pull request. */
  headRepository: string
  headOwner: string
  headBranch?: string
  event: string
  htmlUrl?: string
}

export class TriggeringRunError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TriggeringRunError'
  }
}

function runIdFrom(payload: EventPayload): number {
  const run = payload.workflow_run as { id?: unknown } | undefined
  const id = run?.id
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) {
    throw new TriggeringRunError(
      `The input 'publish-report' works only in a workflow triggered by 'workflow_run', and this event's payload names no run.`
    )
  }
  return id
}

/** The triggering run as the API describes it; throws when the payload or the API answer does not make sense. */
export async function triggeringRun(octokit: GitHubClient, owner: string, repo: string, payload: EventPayload): Promise<TriggeringRun> {
  const runId = runIdFrom(payload)
  const { data } = await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: runId, exclude_pull_requests: true })
  const headRepository = data.head_repository?.full_name
  if (!/^[0-9a-f]{40}$/.test(data.head_sha) || !headRepository) {
    throw new TriggeringRunError(`GitHub's description of run ${runId} has no head commit or head repository to check the report against.`)
  }
  return {
    id: data.id,
    headSha: data.head_sha,
    headRepository,
    headOwner: data.head_repository?.owner?.login ?? headRepository.split('/')[0],
    headBranch: data.head_branch ?? undefined,
    event: data.event,
    htmlUrl: data.html_url
  }
}
