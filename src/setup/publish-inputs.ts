// The inputs of the publishing mode (`publish-report`), validated before anything is read or requested. The mode
// only publishes: an input that would build or run something is refused rather than silently ignored.
import path from 'node:path'
import { InputError, parseEnum, shown } from './input-values.js'
import type { CommentMode, InputReader } from './inputs.js'

export interface PublishInputs {
  /** Absolute path of the downloaded report file. */
  reportFile: string
  /** The path as the workflow wrote it, for messages. */
  reportLabel: string
  comment: CommentMode
  commentKey?: string
  githubToken?: string
}

/** Inputs that configure a smoke test (or choose the pull request) and mean nothing when only publishing. */
const SMOKE_INPUTS = [
  'context',
  'dockerfile',
  'build-args',
  'target',
  'cache-from',
  'cache-to',
  'service',
  'image',
  'command',
  'env',
  'websocket-path',
  'pr-number',
  'memory',
  'cpus',
  'network',
  'host-header',
  'regression-limit',
  'compose-file'
]

export function parsePublishInputs(read: InputReader, workspace: string): PublishInputs {
  const get = (name: string): string => read(name).trim()
  const reportLabel = get('publish-report')
  if (/[\r\n\0]/.test(reportLabel)) throw new InputError(`The input 'publish-report' must be one path on one line.`)
  for (const name of SMOKE_INPUTS) {
    if (get(name)) {
      throw new InputError(`The input '${name}' cannot be used together with 'publish-report': publishing never builds, runs or checks out anything.`)
    }
  }
  const comment = parseEnum('comment', get('comment') || 'always', ['always', 'on-failure', 'never'] as const)
  const commentKey = get('comment-key') || undefined
  if (commentKey && /-->|[\r\n]/.test(commentKey)) throw new InputError(`The input 'comment-key' must be a single line without '-->'.`)
  const githubToken = get('github-token') || undefined
  if (!githubToken) throw new InputError(`The input 'github-token' is empty: publishing a report needs a token with 'pull-requests: write'.`)
  return { reportFile: path.resolve(workspace, reportLabel), reportLabel: shown(reportLabel), comment, commentKey, githubToken }
}
