// `compare: base`: the same smoke test, with the same inputs, on the pull request's base commit, on the same
// runner right after the pull request's own run. The base is checked out into a temporary worktree (fetched by
// SHA when the shallow checkout lacks it) and everything it creates goes whatever happens: the worktree, its
// image and its containers, on success, failure and cancel alike.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { RunIdentity } from '../docker/args.js'
import type { Docker } from '../docker/docker.js'
import type { Settings } from '../setup/inputs.js'
import type { RunReport } from '../core/model.js'
import { Git } from './git.js'
import { regressionsBeyond } from './limits.js'
import type { BaseComparison, BootProfile, RegressionLimits } from './figures.js'

export interface CompareOptions {
  /** The pull request's settings; the base run gets the same ones with its paths moved into the worktree. */
  settings: Settings
  eventName: string
  payload: unknown
  identity: RunIdentity
  docker: Docker
  head: BootProfile
  limits: RegressionLimits
  /** The smoke test itself (runSmoke bound to the job's deps), run on the base tree. */
  smoke: (settings: Settings, identity: RunIdentity) => Promise<RunReport>
  git?: Git
  tempDir?: string
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target'])

/** The base commit of a pull_request event's payload. */
export function baseShaFrom(eventName: string, payload: unknown): string | undefined {
  if (!PULL_REQUEST_EVENTS.has(eventName)) return undefined
  const sha = (payload as { pull_request?: { base?: { sha?: unknown } } } | undefined)?.pull_request?.base?.sha
  return typeof sha === 'string' && /^[0-9a-f]{40}$/i.test(sha) ? sha : undefined
}

/** Names of what the base run creates: the run's own label (so the post step finds them), distinct names. */
export function baseIdentity(identity: RunIdentity): RunIdentity {
  return { runKey: identity.runKey, containerName: `${identity.containerName}-base`, imageTag: `${identity.imageTag}-base` }
}

/** The same settings with every repository path moved from the checkout into the base worktree. */
export function rebaseSettings(settings: Settings, tree: string): Settings {
  const move = (file: string): string => path.join(tree, path.relative(settings.workspace, file))
  return { ...settings, workspace: tree, context: move(settings.context), dockerfile: settings.dockerfile ? move(settings.dockerfile) : undefined }
}

export async function compareWithBase(options: CompareOptions): Promise<BaseComparison> {
  const { settings } = options
  const sha = baseShaFrom(options.eventName, options.payload)
  const only = "this commit's figures only."
  if (!sha) {
    const event = options.eventName || 'unknown'
    return { regressions: [], note: `\`compare: base\` needs a pull request event (this run is \`${event}\`): ${only}` }
  }
  const short = sha.slice(0, 7)
  const git = options.git ?? new Git(settings.workspace)
  try {
    if (!(await git.hasCommit(sha))) await git.fetchCommit(sha)
  } catch (error) {
    return { sha, regressions: [], note: `The base commit ${short} could not be fetched (${oneLine(error)}): ${only}` }
  }
  const tree = fs.mkdtempSync(path.join(options.tempDir ?? os.tmpdir(), 'gunicorn-smoke-base-'))
  const identity = baseIdentity(options.identity)
  try {
    await git.addWorktree(tree, sha)
    const base = rebaseSettings(settings, tree)
    const dockerfile = base.dockerfile ? path.relative(tree, base.dockerfile) : 'Dockerfile'
    if (!fs.existsSync(base.context) || !base.dockerfile || !fs.existsSync(base.dockerfile)) {
      return { sha, regressions: [], note: `The base commit ${short} has no \`${dockerfile}\` to build: ${only}` }
    }
    const report = await options.smoke(base, identity)
    if (report.result !== 'pass' || !report.profile) {
      const why = report.reason ? ` (\`${report.reason}\`)` : ''
      return { sha, regressions: [], note: `The base commit ${short} did not build and boot${why}: ${only}` }
    }
    return { sha, profile: report.profile, regressions: regressionsBeyond(options.head, report.profile, options.limits) }
  } catch (error) {
    if (error instanceof Error && error.name === 'CancelledError') throw error
    return { sha, regressions: [], note: `The base commit ${short} could not be checked (${oneLine(error)}): ${only}` }
  } finally {
    await options.docker.removeContainers([identity.containerName, `${identity.containerName}-config`]).catch(() => undefined)
    await options.docker.removeImage(identity.imageTag).catch(() => undefined)
    await git.removeWorktree(tree)
    fs.rmSync(tree, { recursive: true, force: true })
  }
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.split('\n')[0].replace(/\.$/, '')
}
