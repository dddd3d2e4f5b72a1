// One comment per key per pull request, edited in place run after run.
//
// Which comment is ours: its body STARTS with the exact marker `<!-- gunicorn-smoke:{key} -->` (a quote of it, a
// reply, a log excerpt containing it never starts with it) AND its author is the token's identity:
// - an injected login (CommenterMatch `{ login }`) is compared exactly;
// - installation tokens (GITHUB_TOKEN and GitHub App tokens, `ghs_…`) cannot call GET /user, and GITHUB_TOKEN
//   comments as `github-actions[bot]` while an App comments as `{slug}[bot]`: any author of type `Bot` matches.
//   Humans are type `User`, so a person's comment is never edited even if it starts with the marker;
// - personal tokens (`ghp_`, `github_pat_`, `gho_`…): GET /user gives the login.
// Duplicates of ours (a race between two runs, an older version of the action) are resolved by updating the newest
// and deleting the older ones, best effort: a stale red comment must not outlive a green run.
import { commentMarker } from '../render/marker.js'
import type { GitHubClient } from './client.js'

export type CommenterMatch = { login: string } | { anyBot: true }

/** The fields of an issue comment this module reads. */
export interface IssueCommentLike {
  id: number
  body?: string
  html_url: string
  created_at: string
  user: { login: string; type?: string } | null
}

interface StickyTarget {
  octokit: GitHubClient
  owner: string
  repo: string
  issueNumber: number
  key: string
  /** Whose comments count as ours; default `{ anyBot: true }` (right for GITHUB_TOKEN). */
  commenter?: CommenterMatch
}

export interface UpsertOptions extends StickyTarget {
  body: string
}

export interface UpsertResult {
  url: string
  action: 'created' | 'updated' | 'unchanged'
}

/** Works out whose comments are ours from the token, without failing: see the module comment. */
export async function resolveCommenter(options: { octokit: GitHubClient; token?: string; login?: string }): Promise<CommenterMatch> {
  if (options.login) return { login: options.login }
  if (!options.token || options.token.startsWith('ghs_')) return { anyBot: true }
  try {
    const { data } = await options.octokit.rest.users.getAuthenticated()
    return { login: data.login }
  } catch {
    return { anyBot: true }
  }
}

function isOurs(comment: IssueCommentLike, marker: string, commenter: CommenterMatch): boolean {
  if (!comment.body?.startsWith(marker) || !comment.user) return false
  if ('login' in commenter) return comment.user.login.toLowerCase() === commenter.login.toLowerCase()
  return comment.user.type === 'Bot'
}

/** Our comments for the key, newest first. Reads every page (100 per page). */
export async function findStickyComments(target: StickyTarget): Promise<IssueCommentLike[]> {
  const marker = commentMarker(target.key)
  const commenter = target.commenter ?? { anyBot: true }
  const comments: IssueCommentLike[] = await target.octokit.paginate(target.octokit.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100
  })
  return comments
    .filter((comment) => isOurs(comment, marker, commenter))
    .sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id)
}

/** The body with the marker as its first line, which is what makes the comment findable next time. */
function withMarker(body: string, key: string): string {
  const marker = commentMarker(key)
  return body.startsWith(marker) ? body : `${marker}\n${body}`
}

async function updateNewest(target: StickyTarget, ours: IssueCommentLike[], body: string): Promise<UpsertResult> {
  const [newest, ...older] = ours
  let result: UpsertResult
  if (newest.body === body) {
    result = { url: newest.html_url, action: 'unchanged' }
  } else {
    const { data } = await target.octokit.rest.issues.updateComment({
      owner: target.owner,
      repo: target.repo,
      comment_id: newest.id,
      body
    })
    result = { url: data.html_url, action: 'updated' }
  }
  for (const duplicate of older) {
    try {
      await target.octokit.rest.issues.deleteComment({ owner: target.owner, repo: target.repo, comment_id: duplicate.id })
    } catch {
      // Best effort: a leftover duplicate is untidy, not wrong, and the next run tries again.
    }
  }
  return result
}

/** Updates our comment for the key in place, or creates it. */
export async function upsertStickyComment(options: UpsertOptions): Promise<UpsertResult> {
  const body = withMarker(options.body, options.key)
  const ours = await findStickyComments(options)
  if (ours.length > 0) return updateNewest(options, ours, body)
  const { data } = await options.octokit.rest.issues.createComment({
    owner: options.owner,
    repo: options.repo,
    issue_number: options.issueNumber,
    body
  })
  return { url: data.html_url, action: 'created' }
}

/** Updates our comment for the key if there is one; never creates. Undefined when there was none. */
export async function updateStickyComment(options: UpsertOptions): Promise<UpsertResult | undefined> {
  const ours = await findStickyComments(options)
  if (ours.length === 0) return undefined
  return updateNewest(options, ours, withMarker(options.body, options.key))
}
