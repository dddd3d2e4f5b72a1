// The default comment key: stable across runs of the same smoke test, different between smoke tests.
import path from 'node:path'
import type { Settings } from '../setup/inputs.js'
import { repoRelative } from '../core/paths.js'
import { sanitizeCommentKey } from '../render/marker.js'

export interface CommentKeyParts {
  /** GITHUB_WORKFLOW */
  workflow?: string
  /** GITHUB_JOB (the job id: the same for every leg of a matrix). */
  job?: string
  /** Build context, relative to the repository root. */
  context?: string
  /** Dockerfile, relative to the repository root. */
  dockerfile?: string
  /** A prebuilt image the user named (never a tag generated per run). */
  image?: string
  /** A service name, when the smoke test targets one service of several. */
  service?: string
}

function normalize(repoPath: string): string {
  const clean = path.posix
    .normalize(repoPath.replace(/\\/g, '/'))
    .replace(/^\.\/+/, '')
    .replace(/\/+$/, '')
  return clean === '.' ? '' : clean
}

/**
 * `{workflow}/{job}/{target}` where the target is the service, else the Dockerfile path, else the context, else the
 * image. A matrix over two services (or two Dockerfiles, or two images) thus gets two comments; a matrix that only
 * varies build arguments shares one key and should set `comment-key` (e.g. to `${{ matrix.python }}`).
 */
export function defaultCommentKey(parts: CommentKeyParts): string {
  const dockerfile = parts.dockerfile ? normalize(parts.dockerfile) : ''
  const context = parts.context ? normalize(parts.context) : ''
  const target = parts.service?.trim() || dockerfile || context || parts.image?.trim() || ''
  const key = [parts.workflow?.trim() || 'workflow', parts.job?.trim() || 'job', target].filter((p) => p !== '').join('/')
  return sanitizeCommentKey(key)
}

/** The comment key in use: `comment-key`, else the default derived from workflow, job and Dockerfile/context/image. */
export function commentKeyFor(
  settings: Pick<Settings, 'commentKey' | 'workspace' | 'context' | 'dockerfile' | 'image'>,
  env: NodeJS.ProcessEnv
): string {
  return (
    settings.commentKey ||
    defaultCommentKey({
      workflow: env.GITHUB_WORKFLOW,
      job: env.GITHUB_JOB,
      context: repoRelative(settings.workspace, settings.context),
      dockerfile: settings.dockerfile ? repoRelative(settings.workspace, settings.dockerfile) : undefined,
      image: settings.image
    })
  )
}
