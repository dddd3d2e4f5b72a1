// The pull request of a workflow_run's head commit. `workflow_run.pull_requests` is empty for pull requests from
// forks, so the pull request is looked up by the head commit (GET /repos/{o}/{r}/commits/{sha}/pulls), else by the
// head branch (GET /repos/{o}/{r}/pulls?head=owner:branch), and accepted only when GitHub says its head is exactly
// that commit of that repository and its base is this repository.
import type { GitHubClient } from './client.js'
import type { TriggeringRun } from './workflow-run.js'

interface PullLike {
  number: number
  state: string
  head: { sha: string; repo: { full_name: string } | null }
  base: { repo: { full_name: string } }
}

const matches = (pull: PullLike, run: TriggeringRun, base: string): boolean =>
  pull.state === 'open' &&
  pull.head.sha === run.headSha &&
  pull.head.repo?.full_name.toLowerCase() === run.headRepository.toLowerCase() &&
  pull.base.repo.full_name.toLowerCase() === base.toLowerCase()

/** The open pull request whose head is the run's head commit and repository; undefined when there is none. */
export async function pullRequestOfRun(octokit: GitHubClient, owner: string, repo: string, run: TriggeringRun): Promise<number | undefined> {
  const base = `${owner}/${repo}`
  const { data: byCommit } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: run.headSha, per_page: 100 })
  let verified = (byCommit as PullLike[]).filter((pull) => matches(pull, run, base))
  if (verified.length === 0 && run.headBranch) {
    const { data: byBranch } = await octokit.rest.pulls.list({
      owner,
      repo,
      state: 'open',
      head: `${run.headOwner}:${run.headBranch}`,
      per_page: 100
    })
    verified = (byBranch as PullLike[]).filter((pull) => matches(pull, run, base))
  }
  // Two open pull requests from one branch are possible; the newest is the one a reviewer is looking at.
  return verified.sort((a, b) => b.number - a.number)[0]?.number
}
