// The few git commands `compare: base` needs, with pure argument builders. actions/checkout persists its
// credentials in the repository's config, so `git fetch origin SHA` works in a job without further setup.
import { getExecOutput } from '@actions/exec'

export interface GitResult {
  exitCode: number
  stdout: string
  stderr: string
}

export type GitRunner = (args: string[], cwd: string) => Promise<GitResult>

export const gitCommandRunner: GitRunner = async (args, cwd) => {
  const result = await getExecOutput('git', args, { cwd, ignoreReturnCode: true, silent: true })
  return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr }
}

export const hasCommitArgs = (sha: string): string[] => ['cat-file', '-e', `${sha}^{commit}`]
export const fetchCommitArgs = (sha: string): string[] => ['fetch', '--no-tags', '--depth=1', 'origin', sha]
export const addWorktreeArgs = (dir: string, sha: string): string[] => ['worktree', 'add', '--detach', dir, sha]
export const removeWorktreeArgs = (dir: string): string[] => ['worktree', 'remove', '--force', dir]
export const pruneWorktreesArgs = (): string[] => ['worktree', 'prune']

export class Git {
  constructor(
    private readonly repo: string,
    private readonly runner: GitRunner = gitCommandRunner
  ) {}

  async hasCommit(sha: string): Promise<boolean> {
    return (await this.runner(hasCommitArgs(sha), this.repo)).exitCode === 0
  }

  /** Fetches one commit by SHA; the error is git's first line of complaint. */
  async fetchCommit(sha: string): Promise<void> {
    await this.must(fetchCommitArgs(sha))
  }

  async addWorktree(dir: string, sha: string): Promise<void> {
    await this.must(addWorktreeArgs(dir, sha))
  }

  /** Best effort: the directory is removed by the caller anyway, and prune forgets a worktree already gone. */
  async removeWorktree(dir: string): Promise<void> {
    await this.runner(removeWorktreeArgs(dir), this.repo).catch(() => undefined)
    await this.runner(pruneWorktreesArgs(), this.repo).catch(() => undefined)
  }

  private async must(args: string[]): Promise<void> {
    const result = await this.runner(args, this.repo)
    if (result.exitCode !== 0) {
      const why = result.stderr
        .split('\n')
        .map((line) => line.replace(/^(fatal|error): /, '').trim())
        .find(Boolean)
      throw new Error(why ?? `git ${args[0]} exited with ${result.exitCode}`)
    }
  }
}
