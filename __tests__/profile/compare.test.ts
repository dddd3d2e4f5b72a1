// compareWithBase with real git on the two-commit fixture repository (scripts/make-profile-repo.sh) and the
// real engine for its cleanup; the smoke test itself is the injected function (run for real in the
// integration tests), so these check the git side: fetch by SHA, the worktree, the notes, the cleanup.
import { execFileSync } from 'node:child_process'
import { jest } from '@jest/globals'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { runIdentity } from '../../src/docker/args.js'
import { Docker } from '../../src/docker/docker.js'
import { parseSettings, type Settings } from '../../src/setup/inputs.js'
import type { RunReport } from '../../src/core/model.js'
import { baseShaFrom, compareWithBase, rebaseSettings } from '../../src/profile/comparison.js'
import { ROOT } from '../helpers/run-action.js'
import { capturedProfile } from './captured.js'

jest.setTimeout(60_000)

const made: string[] = []
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })))

function makeRepo(...flags: string[]): { work: string; base: string; head: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-profile-repo-'))
  made.push(dir)
  const out = execFileSync('bash', [path.join(ROOT, 'scripts', 'make-profile-repo.sh'), dir, ...flags], { encoding: 'utf8' })
  const sha = (name: string): string => out.match(new RegExp(`^${name}=([0-9a-f]{40})$`, 'm'))![1]
  return { work: path.join(dir, 'work'), base: sha('base'), head: sha('head') }
}

const worktrees = (repo: string): string[] =>
  execFileSync('git', ['worktree', 'list', '--porcelain'], { cwd: repo, encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.startsWith('worktree '))

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-profile-temp-'))
made.push(tempDir)
const settingsFor = (work: string): Settings =>
  parseSettings((name) => ({ compare: 'base', 'regression-limit': 'worker-memory=25%' })[name] ?? '', work)
const pullRequest = (base: string) => ({ eventName: 'pull_request', payload: { pull_request: { base: { sha: base } } } })

async function compare(work: string, base: string, smoke: (settings: Settings) => Promise<RunReport>) {
  const settings = settingsFor(work)
  const head = await capturedProfile('head')
  return compareWithBase({
    settings,
    ...pullRequest(base),
    identity: runIdentity('profile-unit'),
    docker: new Docker(),
    head,
    limits: settings.regressionLimits,
    smoke,
    tempDir
  })
}

const passing = async (): Promise<RunReport> => ({ result: 'pass', profile: await capturedProfile('base') }) as RunReport

describe('compareWithBase', () => {
  it('fetches the base commit the shallow checkout lacks, runs the smoke test in a worktree of it, then removes it', async () => {
    const repo = makeRepo()
    const seen: Settings[] = []
    const comparison = await compare(repo.work, repo.base, async (settings) => {
      seen.push(settings)
      expect(execFileSync('git', ['rev-parse', 'HEAD'], { cwd: settings.workspace, encoding: 'utf8' }).trim()).toBe(repo.base)
      expect(fs.readFileSync(path.join(settings.context, 'app.py'), 'utf8')).not.toContain('POSTCODE_SHAPES')
      return passing()
    })
    expect(seen).toHaveLength(1)
    expect(seen[0].dockerfile).toBe(path.join(seen[0].workspace, 'Dockerfile'))
    expect(comparison.sha).toBe(repo.base)
    expect(comparison.note).toBeUndefined()
    expect(comparison.regressions.map((regression) => regression.metric)).toEqual(['worker-memory'])
    expect(fs.existsSync(seen[0].workspace)).toBe(false)
    expect(worktrees(repo.work)).toEqual([`worktree ${repo.work}`])
  })

  it('gives one line and does not build when the base commit has no Dockerfile', async () => {
    const repo = makeRepo('--base-without-dockerfile')
    let called = false
    const comparison = await compare(repo.work, repo.base, async () => ((called = true), passing()))
    expect(called).toBe(false)
    expect(comparison).toEqual({
      sha: repo.base,
      regressions: [],
      note: `The base commit ${repo.base.slice(0, 7)} has no \`Dockerfile\` to build: this commit's figures only.`
    })
    expect(worktrees(repo.work)).toHaveLength(1)
  })

  it('gives one line when the base does not boot', async () => {
    const repo = makeRepo()
    const comparison = await compare(repo.work, repo.base, async () => ({ result: 'fail', reason: 'import-error' }) as RunReport)
    expect(comparison.note).toBe(`The base commit ${repo.base.slice(0, 7)} did not build and boot (\`import-error\`): this commit's figures only.`)
  })

  it('removes the worktree and passes a cancellation on', async () => {
    const repo = makeRepo()
    const cancelled = Object.assign(new Error('The run was cancelled.'), { name: 'CancelledError' })
    let tree = ''
    await expect(
      compare(repo.work, repo.base, async (settings) => {
        tree = settings.workspace
        throw cancelled
      })
    ).rejects.toBe(cancelled)
    expect(fs.existsSync(tree)).toBe(false)
    expect(worktrees(repo.work)).toHaveLength(1)
  })

  it('gives one line when the base commit cannot be fetched', async () => {
    const repo = makeRepo()
    const missing = 'f'.repeat(40)
    const comparison = await compare(repo.work, missing, passing)
    expect(comparison.note).toMatch(/^The base commit fffffff could not be fetched \(.+\): this commit's figures only\.$/)
  })
})

describe('baseShaFrom and rebaseSettings', () => {
  it.each([
    ['pull_request', { pull_request: { base: { sha: 'a'.repeat(40) } } }, 'a'.repeat(40)],
    ['pull_request_target', { pull_request: { base: { sha: 'b'.repeat(40) } } }, 'b'.repeat(40)],
    ['push', { pull_request: { base: { sha: 'a'.repeat(40) } } }, undefined],
    ['pull_request', {}, undefined],
    ['pull_request', { pull_request: { base: { sha: 'main' } } }, undefined]
  ])('%s %j → %s', (eventName, payload, sha) => {
    expect(baseShaFrom(eventName, payload)).toBe(sha)
  })

  it('moves the context and the Dockerfile into the worktree', () => {
    const settings = { workspace: '/repo', context: '/repo/backend', dockerfile: '/repo/backend/Dockerfile.prod' } as Settings
    expect(rebaseSettings(settings, '/tmp/base')).toMatchObject({
      workspace: '/tmp/base',
      context: '/tmp/base/backend',
      dockerfile: '/tmp/base/backend/Dockerfile.prod'
    })
  })

  it('says in one line that a push has no base to compare with', async () => {
    const comparison = await compareWithBase({
      settings: settingsFor(path.join(ROOT, '__fixtures__', 'apps', 'ok-flask-4-workers')),
      eventName: 'push',
      payload: {},
      identity: runIdentity('profile-unit'),
      docker: new Docker(),
      head: await capturedProfile('head'),
      limits: {},
      smoke: passing
    })
    expect(comparison).toEqual({
      regressions: [],
      note: "`compare: base` needs a pull request event (this run is `push`): this commit's figures only."
    })
  })
})
