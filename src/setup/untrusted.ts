// The action builds and runs whatever is checked out. On `pull_request_target` and `workflow_run` the job has
// the base repository's secrets and a write token, so checking out a fork's pull request there runs a
// stranger's code with them (a "pwn request"). This says so; it cannot stop it.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export const PWN_REQUEST_GUIDANCE = 'https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/'

interface RepoRef {
  full_name?: string
  fork?: boolean
}

interface PullRequestPayload {
  number?: number
  head?: { sha?: string; repo?: RepoRef | null; label?: string }
  base?: { repo?: RepoRef | null }
  merge_commit_sha?: string | null
}

interface WorkflowRunPayload {
  event?: string
  head_sha?: string
  head_repository?: RepoRef | null
  repository?: RepoRef | null
  pull_requests?: Array<{ number?: number }>
}

/**
 * A warning sentence when the event runs with this repository's secrets and the checked-out commit is a fork's
 * pull request (its head, or the merge commit GitHub made of it); undefined otherwise, or when it cannot be told.
 */
export function untrustedCodeWarning(eventName: string, payload: unknown, checkedOutSha?: string): string | undefined {
  if (!checkedOutSha || typeof payload !== 'object' || payload === null) return undefined
  const sha = checkedOutSha.trim().toLowerCase()
  const event = payload as { pull_request?: PullRequestPayload; workflow_run?: WorkflowRunPayload }

  if (eventName === 'pull_request_target') {
    const pr = event.pull_request
    if (!pr?.head) return undefined
    if (!fromFork(pr.head.repo, pr.base?.repo)) return undefined
    const prCommits = [pr.head.sha, pr.merge_commit_sha].filter((s): s is string => typeof s === 'string').map((s) => s.toLowerCase())
    if (!prCommits.includes(sha)) return undefined
    const from = pr.head.repo?.full_name ?? pr.head.label ?? 'a fork'
    return sentence('pull_request_target', `pull request${pr.number ? ` #${pr.number}` : ''} from \`${from}\``, sha)
  }

  if (eventName === 'workflow_run') {
    const run = event.workflow_run
    if (!run?.head_sha || run.head_sha.toLowerCase() !== sha) return undefined
    if (!fromFork(run.head_repository, run.repository)) return undefined
    const number = run.pull_requests?.[0]?.number
    const what =
      run.event === 'pull_request' || run.event === 'pull_request_target' || number ? `pull request${number ? ` #${number}` : ''}` : 'commit'
    return sentence('workflow_run', `${what} from \`${run.head_repository?.full_name ?? 'a fork'}\``, sha)
  }
  return undefined
}

/** The events that run with this repository's secrets and a write token, whatever the pull request's origin. */
const EVENTS_WITH_SECRETS = new Set(['pull_request_target', 'workflow_run'])

/**
 * untrustedCodeWarning for the commit checked out in the workspace. Only the events that run with secrets can
 * warn, so on any other event the checkout is not read (a `git` process, synchronous, before the container starts).
 */
export function untrustedWorkspaceWarning(
  eventName: string,
  payload: unknown,
  workspace: string,
  run: typeof execFileSync = execFileSync
): string | undefined {
  if (!EVENTS_WITH_SECRETS.has(eventName)) return undefined
  return untrustedCodeWarning(eventName, payload, checkedOutCommit(workspace, run))
}

/** A deleted fork shows up as a null head repository: still not the base repository. */
function fromFork(head: RepoRef | null | undefined, base: RepoRef | null | undefined): boolean {
  if (!head) return true
  if (head.fork === true) return true
  return Boolean(head.full_name && base?.full_name && head.full_name.toLowerCase() !== base.full_name.toLowerCase())
}

function sentence(event: string, what: string, sha: string): string {
  return (
    `This \`${event}\` run builds and starts untrusted code: the checked-out commit ${sha.slice(0, 12)} is the ${what}, ` +
    `and it runs with this job's secrets and write token. Check out the base commit, or run the smoke test on \`pull_request\` ` +
    `(no secrets for forks); see ${PWN_REQUEST_GUIDANCE}`
  )
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/

/**
 * The commit checked out in the workspace, or undefined when it is not a Git work tree. Runs `git rev-parse`
 * without a shell, with a timeout, confined to the workspace (no walking up into a parent repository), and
 * falls back to reading .git/HEAD when git is missing or refuses the directory (e.g. "dubious ownership").
 */
export function checkedOutCommit(workspace: string, run: typeof execFileSync = execFileSync): string | undefined {
  const root = path.resolve(workspace)
  try {
    const out = run('git', ['-c', `safe.directory=${root}`, 'rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 5000,
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, GIT_CEILING_DIRECTORIES: path.dirname(root), GIT_TERMINAL_PROMPT: '0' }
    })
    const sha = String(out).trim().toLowerCase()
    if (SHA.test(sha)) return sha
  } catch {
    // Fall through to the files.
  }
  return headFromFiles(path.join(root, '.git'))
}

function headFromFiles(gitDir: string): string | undefined {
  const read = (file: string): string | undefined => {
    try {
      return fs.readFileSync(path.join(gitDir, file), 'utf8')
    } catch {
      return undefined
    }
  }
  const head = read('HEAD')?.trim()
  if (!head) return undefined
  if (SHA.test(head.toLowerCase())) return head.toLowerCase()
  const ref = /^ref: (refs\/[\w./-]+)$/.exec(head)?.[1]
  if (!ref || ref.includes('..')) return undefined
  const loose = read(ref)?.trim().toLowerCase()
  if (loose && SHA.test(loose)) return loose
  const packed = read('packed-refs')
    ?.split('\n')
    .map((line) => line.trim().split(' '))
    .find(([sha, name]) => name === ref && SHA.test(sha?.toLowerCase() ?? ''))
  return packed?.[0].toLowerCase()
}
