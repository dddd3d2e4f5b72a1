import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PWN_REQUEST_GUIDANCE, checkedOutCommit, untrustedCodeWarning, untrustedWorkspaceWarning } from '../src/setup/untrusted.js'

const HEAD_SHA = '6dcb09b5b57875f334f61aebed695e2e4193db5e'
const MERGE_SHA = 'e5bd3914e2e596debea16f433f57875b5b90bcd6'
const BASE_SHA = '9049f1265b7d61be4a8904a9a27120d2064dab3b'

/** Shaped like GitHub's pull_request_target payload (trimmed to what matters plus some noise). */
function pullRequestTarget(head: { owner: string; fork: boolean } | null): Record<string, unknown> {
  const base = { id: 1296269, full_name: 'octo-org/backend', fork: false, private: false, owner: { login: 'octo-org' } }
  return {
    action: 'synchronize',
    number: 42,
    pull_request: {
      number: 42,
      state: 'open',
      merge_commit_sha: MERGE_SHA,
      user: { login: head?.owner ?? 'ghost' },
      head: {
        label: `${head?.owner ?? 'ghost'}:patch-1`,
        ref: 'patch-1',
        sha: HEAD_SHA,
        repo: head ? { id: 99, full_name: `${head.owner}/backend`, fork: head.fork, owner: { login: head.owner } } : null
      },
      base: { label: 'octo-org:main', ref: 'main', sha: BASE_SHA, repo: base }
    },
    repository: base,
    sender: { login: head?.owner ?? 'ghost' }
  }
}

function workflowRun(headRepo: string, options: { fork?: boolean; event?: string } = {}): Record<string, unknown> {
  return {
    action: 'completed',
    workflow_run: {
      id: 30433642,
      name: 'CI',
      event: options.event ?? 'pull_request',
      head_branch: 'patch-1',
      head_sha: HEAD_SHA,
      conclusion: 'success',
      // GitHub leaves pull_requests empty when the pull request comes from a fork.
      pull_requests: headRepo === 'octo-org/backend' ? [{ number: 42 }] : [],
      repository: { full_name: 'octo-org/backend', fork: false },
      head_repository: { full_name: headRepo, fork: options.fork ?? headRepo !== 'octo-org/backend' }
    },
    repository: { full_name: 'octo-org/backend' }
  }
}

describe('untrustedCodeWarning', () => {
  it("warns when pull_request_target checks out a fork's head, with the guidance link", () => {
    const warning = untrustedCodeWarning('pull_request_target', pullRequestTarget({ owner: 'mallory', fork: true }), HEAD_SHA)
    expect(warning).toBe(
      "This `pull_request_target` run builds and starts untrusted code: the checked-out commit 6dcb09b5b578 is the pull request #42 from `mallory/backend`, and it runs with this job's secrets and write token. Check out the base commit, or run the smoke test on `pull_request` (no secrets for forks); see " +
        PWN_REQUEST_GUIDANCE
    )
  })

  it("warns for the merge commit of a fork's pull request too (refs/pull/N/merge)", () => {
    expect(untrustedCodeWarning('pull_request_target', pullRequestTarget({ owner: 'mallory', fork: true }), MERGE_SHA)).toContain('untrusted code')
  })

  it('stays quiet when pull_request_target checks out the base commit (the default, safe checkout)', () => {
    expect(untrustedCodeWarning('pull_request_target', pullRequestTarget({ owner: 'mallory', fork: true }), BASE_SHA)).toBeUndefined()
  })

  it('stays quiet for a pull request from a branch of the same repository', () => {
    expect(untrustedCodeWarning('pull_request_target', pullRequestTarget({ owner: 'octo-org', fork: false }), HEAD_SHA)).toBeUndefined()
  })

  it('treats a deleted fork (head.repo null) and a fork flag alone as untrusted', () => {
    expect(untrustedCodeWarning('pull_request_target', pullRequestTarget(null), HEAD_SHA)).toContain('from `ghost:patch-1`')
    const sameNameFork = pullRequestTarget({ owner: 'octo-org', fork: true })
    expect(untrustedCodeWarning('pull_request_target', sameNameFork, HEAD_SHA)).toContain('untrusted code')
  })

  it('stays quiet on pull_request and push, which get no secrets for forks or run trusted code', () => {
    expect(untrustedCodeWarning('pull_request', pullRequestTarget({ owner: 'mallory', fork: true }), HEAD_SHA)).toBeUndefined()
    expect(untrustedCodeWarning('push', { after: HEAD_SHA, repository: { full_name: 'octo-org/backend' } }, HEAD_SHA)).toBeUndefined()
  })

  it("warns when workflow_run checks out the fork's head sha, quiet for the same repository or another commit", () => {
    const warning = untrustedCodeWarning('workflow_run', workflowRun('mallory/backend'), HEAD_SHA)
    expect(warning).toContain('`workflow_run` run builds and starts untrusted code')
    expect(warning).toContain('pull request from `mallory/backend`')
    expect(warning).toContain(PWN_REQUEST_GUIDANCE)
    expect(untrustedCodeWarning('workflow_run', workflowRun('octo-org/backend'), HEAD_SHA)).toBeUndefined()
    expect(untrustedCodeWarning('workflow_run', workflowRun('mallory/backend'), BASE_SHA)).toBeUndefined()
  })

  it('cannot tell without the checked-out commit or a payload', () => {
    expect(untrustedCodeWarning('pull_request_target', pullRequestTarget({ owner: 'mallory', fork: true }), undefined)).toBeUndefined()
    expect(untrustedCodeWarning('pull_request_target', undefined, HEAD_SHA)).toBeUndefined()
    expect(untrustedCodeWarning('pull_request_target', {}, HEAD_SHA)).toBeUndefined()
  })
})

describe('checkedOutCommit', () => {
  const temp: string[] = []
  const tempDir = (): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-git-'))
    temp.push(dir)
    return dir
  }
  afterAll(() => temp.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })))

  const git = (cwd: string, ...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, encoding: 'utf8' }).trim()
  /** A new repository with one commit of one file. */
  const repoWithOneCommit = (file: string, text: string): string => {
    const repo = tempDir()
    git(repo, 'init', '-q')
    fs.writeFileSync(path.join(repo, file), text)
    git(repo, 'add', '.')
    git(repo, 'commit', '-qm', 'first')
    return repo
  }

  it('reads HEAD of a checkout, detached or on a branch', () => {
    const repo = repoWithOneCommit('app.py', 'app = None\n')
    const sha = git(repo, 'rev-parse', 'HEAD')
    expect(checkedOutCommit(repo)).toBe(sha)
    git(repo, 'checkout', '-q', '--detach')
    expect(checkedOutCommit(repo)).toBe(sha)
  })

  it('does not climb into a parent repository: a plain folder inside one has no commit of its own', () => {
    const repo = repoWithOneCommit('x', 'x')
    const inner = path.join(repo, 'downloaded-source')
    fs.mkdirSync(inner)
    expect(checkedOutCommit(inner)).toBeUndefined()
    expect(checkedOutCommit(tempDir())).toBeUndefined()
  })

  it('falls back to .git/HEAD, loose and packed refs, when git cannot be run', () => {
    const noGit = (() => {
      throw new Error('spawn git ENOENT')
    }) as unknown as typeof execFileSync
    const detached = tempDir()
    fs.mkdirSync(path.join(detached, '.git'))
    fs.writeFileSync(path.join(detached, '.git', 'HEAD'), `${HEAD_SHA}\n`)
    expect(checkedOutCommit(detached, noGit)).toBe(HEAD_SHA)

    const packed = tempDir()
    fs.mkdirSync(path.join(packed, '.git'))
    fs.writeFileSync(path.join(packed, '.git', 'HEAD'), 'ref: refs/heads/main\n')
    fs.writeFileSync(path.join(packed, '.git', 'packed-refs'), `# pack-refs with: peeled fully-peeled sorted\n${MERGE_SHA} refs/heads/main\n`)
    expect(checkedOutCommit(packed, noGit)).toBe(MERGE_SHA)

    fs.mkdirSync(path.join(packed, '.git', 'refs', 'heads'), { recursive: true })
    fs.writeFileSync(path.join(packed, '.git', 'refs', 'heads', 'main'), `${BASE_SHA}\n`)
    expect(checkedOutCommit(packed, noGit)).toBe(BASE_SHA)

    fs.writeFileSync(path.join(packed, '.git', 'HEAD'), 'ref: refs/../../etc/passwd\n')
    expect(checkedOutCommit(packed, noGit)).toBeUndefined()
  })
})

describe('untrustedWorkspaceWarning', () => {
  const dirs: string[] = []
  afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })))
  /** A checkout whose HEAD is the fork's commit, read from .git/HEAD (git itself is the runner's and may be absent). */
  const checkoutOf = (sha: string): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-git-'))
    dirs.push(dir)
    fs.mkdirSync(path.join(dir, '.git'))
    fs.writeFileSync(path.join(dir, '.git', 'HEAD'), `${sha}\n`)
    return dir
  }
  const noGit = (() => {
    throw new Error('spawn git ENOENT')
  }) as unknown as typeof execFileSync

  it("warns about the workspace's commit on the events that run with secrets", () => {
    const workspace = checkoutOf(HEAD_SHA)
    expect(untrustedWorkspaceWarning('pull_request_target', pullRequestTarget({ owner: 'mallory', fork: true }), workspace, noGit)).toContain(
      HEAD_SHA.slice(0, 12)
    )
    expect(untrustedWorkspaceWarning('workflow_run', workflowRun('mallory/backend'), workspace, noGit)).toContain('untrusted code')
  })

  it('does not read the checkout on any other event', () => {
    let asked = 0
    const countingGit = ((...args: Parameters<typeof execFileSync>) => {
      asked++
      return execFileSync(...args)
    }) as typeof execFileSync
    const workspace = checkoutOf(HEAD_SHA)
    for (const event of ['pull_request', 'push', 'workflow_dispatch', '']) {
      expect(untrustedWorkspaceWarning(event, pullRequestTarget({ owner: 'mallory', fork: true }), workspace, countingGit)).toBeUndefined()
    }
    expect(asked).toBe(0)
    untrustedWorkspaceWarning('pull_request_target', pullRequestTarget({ owner: 'mallory', fork: true }), workspace, countingGit)
    expect(asked).toBe(1)
  })
})
