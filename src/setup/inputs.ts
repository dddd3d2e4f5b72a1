// The one place where inputs are read and validated. Everything is checked here, before Docker is touched,
// and every problem becomes one sentence that names the input.
import path from 'node:path'
import { split as shellSplit } from 'shlex'
import { isHostHeader } from '../probes/host-header.js'
import { compileExpect, parseSocketIoSend } from '../probes/websocket.js'
import { parseHostInput, type HostInput } from '../hosts/host-choice.js'
import type { HostRun } from '../hosts/host-settings.js'
import { parseComparisonInputs, type CompareMode } from '../profile/profile-inputs.js'
import { parseContainerSettings, type ContainerSettings } from './container-inputs.js'
import type { RegressionLimits } from '../profile/figures.js'
import type { ComposeSettings } from '../compose/compose-discovery.js'
import {
  InputError,
  isDirectory,
  isFile,
  parseEnum,
  parseInteger,
  parseKeyValueLines,
  parseNumber,
  parseStatusMatcher,
  shown,
  type StatusMatcher
} from './input-values.js'

export { InputError, parseKeyValueLines, parseStatusMatcher, type StatusMatcher } from './input-values.js'

export type CommentMode = 'always' | 'on-failure' | 'never'
export type WebSocketProtocol = 'websocket' | 'socket.io'

export interface Settings extends ContainerSettings {
  /** Absolute path of the repository root (GITHUB_WORKSPACE or the CLI's directory). */
  workspace: string
  /** Absolute path of the build context. */
  context: string
  /** Absolute path of the Dockerfile (undefined when `image` is given). */
  dockerfile?: string
  buildArgs: Array<[string, string]>
  target?: string
  /** `cache-from` / `cache-to` specs, one per line: the build then goes through `docker buildx build --load`. */
  cacheFrom: string[]
  cacheTo: string[]
  image?: string
  command?: string[]
  port: number
  env: Array<[string, string]>
  healthPath: string
  healthStatus: StatusMatcher
  timeoutSec: number
  stabilityWindowSec: number
  websocketPath?: string
  websocketProtocol: WebSocketProtocol
  websocketSend?: string
  websocketExpect?: string
  comment: CommentMode
  commentKey?: string
  prNumber?: number
  githubToken?: string
  memory?: string
  cpus?: string
  network?: string
  loadRequests: number
  /** `base`: also build and boot the pull request's base commit and compare the boot profiles. */
  compare: CompareMode
  /** `regression-limit`: allowed growth over the base per figure (empty: off). */
  regressionLimits: RegressionLimits
  /** A Procfile `web:` command (from discovery), used when neither `command` nor the image gives one. */
  procfile?: { file: string; command: string }
  /** `faulthandler`: run the container with PYTHONFAULTHANDLER=1 (a crashing or stuck worker can print its stack). */
  faulthandler: boolean
  /** `host-header`: the Host header every probe sends (default: the published address). */
  hostHeader?: string
  /** `host`: as given (`auto` unless set); the host the run boots like is `host` (from discovery). */
  hostInput: HostInput
  /** The host the run boots like, with its contract's and its file's settings (set by discovery). */
  host?: HostRun
  /** The compose file's web service and its dependencies (from discovery). */
  compose?: ComposeSettings
  /** The name the container answers to on `network` (the compose service name, so the stack's URLs resolve). */
  networkAlias?: string
}

/** Reads one raw input by its action.yml name; '' when not given. */
export type InputReader = (name: string) => string

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
// registry/name:tag@digest, as `docker run` accepts it (lower-case repository path).
const IMAGE_REFERENCE = /^[a-z0-9][a-z0-9._\-/:]*(@sha256:[a-f0-9]{64})?$/i

const MEMORY = /^\d+(\.\d+)?[bkmg]?$/i

export function parseSettings(read: InputReader, workspace: string): Settings {
  const get = (name: string): string => read(name).trim()
  const workspaceAbs = path.resolve(workspace)
  const source = parseImageSource(get, read, workspaceAbs)
  const command = parseCommand(get('command'))
  const port = parseInteger('port', get('port') || '8000', 1, 65535)
  const env = parseKeyValueLines('env', read('env'))
  for (const [name] of env) {
    if (!ENV_NAME.test(name)) throw new InputError(`The input 'env' has a line whose name '${name}' is not a valid environment variable name.`)
  }

  const healthPath = get('health-path') || '/health'
  if (!healthPath.startsWith('/')) throw new InputError(`The input 'health-path' must start with '/', got '${healthPath}'.`)
  if (/\s/.test(healthPath)) throw new InputError(`The input 'health-path' must not contain spaces.`)

  const healthStatus = parseStatusMatcher(get('health-status') || '200')
  const timeoutSec = parseNumber('timeout', get('timeout') || '60', 1, 3600)
  const stabilityWindowSec = parseNumber('stability-window', get('stability-window') || '5', 0, 600)
  const websocket = parseWebsocketSettings(get, read)
  const comment = parseCommentSettings(get)
  const limits = parseContainerLimits(get)
  const loadRequests = parseInteger('load-requests', get('load-requests') || '0', 0, 10000)
  const { compare, regressionLimits } = parseComparisonInputs(get, source.image, (message) => new InputError(message))
  const faulthandler = parseEnum('faulthandler', get('faulthandler') || 'true', ['true', 'false'] as const) === 'true'
  const hostInput = parseHostInput(get('host'))
  const hostHeader = get('host-header') || undefined
  if (hostHeader && !isHostHeader(hostHeader)) {
    throw new InputError(`The input 'host-header' must be a host name with an optional port, such as 'api.example.com', got '${shown(hostHeader)}'.`)
  }

  return {
    workspace: workspaceAbs,
    ...source,
    command,
    port,
    env,
    healthPath,
    healthStatus,
    timeoutSec,
    stabilityWindowSec,
    ...websocket,
    ...comment,
    ...limits,
    loadRequests,
    compare,
    regressionLimits,
    faulthandler,
    hostHeader,
    hostInput,
    ...parseContainerSettings(get, healthPath)
  }
}

/** Where the image comes from: built from a context and Dockerfile, or prebuilt (then no build input applies). */
function parseImageSource(
  get: InputReader,
  read: InputReader,
  workspaceAbs: string
): Pick<Settings, 'context' | 'dockerfile' | 'buildArgs' | 'target' | 'image' | 'cacheFrom' | 'cacheTo'> {
  const inside = (p: string): boolean => p === workspaceAbs || p.startsWith(workspaceAbs + path.sep)
  const image = get('image') || undefined
  if (image && !IMAGE_REFERENCE.test(image)) {
    throw new InputError(`The input 'image' must be an image reference such as 'myapp:latest' or 'ghcr.io/org/app@sha256:…', got '${shown(image)}'.`)
  }
  const contextInput = get('context') || '.'
  const context = path.resolve(workspaceAbs, contextInput)
  const buildArgs = parseKeyValueLines('build-args', read('build-args'))
  const target = get('target') || undefined
  if (target && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(target)) {
    throw new InputError(`The input 'target' must be the name of a build stage, got '${shown(target)}'.`)
  }
  const cacheFrom = parseCacheSpecs('cache-from', read('cache-from'))
  const cacheTo = parseCacheSpecs('cache-to', read('cache-to'))
  if (image) {
    // A prebuilt image makes every build setting meaningless: say so rather than silently ignore it.
    for (const name of ['dockerfile', 'build-args', 'target', 'cache-from', 'cache-to']) {
      if (get(name)) throw new InputError(`The input '${name}' cannot be used together with 'image': a prebuilt image is not built.`)
    }
    return { context, dockerfile: undefined, buildArgs, target, image, cacheFrom, cacheTo }
  }
  if (!inside(context)) throw new InputError(`The input 'context' must be a directory inside the repository, got '${shown(contextInput)}'.`)
  if (!isDirectory(context)) {
    throw new InputError(`The input 'context' points to '${shown(contextInput)}', which is not a directory in the repository.`)
  }
  const dockerfileInput = get('dockerfile')
  // Like `docker build -f`, a relative Dockerfile path is read from the context.
  const dockerfile = dockerfileInput ? path.resolve(context, dockerfileInput) : path.join(context, 'Dockerfile')
  if (!inside(dockerfile)) throw new InputError(`The input 'dockerfile' must be a file inside the repository, got '${shown(dockerfileInput)}'.`)
  if (isDirectory(dockerfile)) {
    throw new InputError(`The input 'dockerfile' points to '${shown(dockerfileInput || 'Dockerfile')}', which is a directory, not a file.`)
  }
  if (!isFile(dockerfile) && !dockerfileInput) {
    const where = path.relative(workspaceAbs, context) ? `in the context '${shown(contextInput)}'` : 'in the repository'
    throw new InputError(`There is no Dockerfile ${where}: set the input 'dockerfile' (and 'context'), or 'image' to test a prebuilt image.`)
  }
  if (!isFile(dockerfile)) {
    throw new InputError(`The input 'dockerfile' points to '${dockerfileInput}', which does not exist (relative paths are read from the context).`)
  }
  return { context, dockerfile, buildArgs, target, image, cacheFrom, cacheTo }
}

/** One Buildx cache spec a line (`type=gha,mode=max,scope=api`); specs have no spaces. */
function parseCacheSpecs(name: string, text: string): string[] {
  const specs = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
  const bad = specs.find((spec) => !/^[A-Za-z0-9][^\s]*$/.test(spec))
  if (bad) throw new InputError(`The input '${name}' takes one cache spec a line such as 'type=gha,scope=api', got '${shown(bad)}'.`)
  return specs
}

function parseCommand(commandText: string): string[] | undefined {
  if (!commandText) return undefined
  let command: string[]
  try {
    command = shellSplit(commandText)
  } catch {
    throw new InputError(`The input 'command' is not a valid shell-style command line (check its quotes).`)
  }
  return command.length === 0 ? undefined : command
}

function parseWebsocketSettings(
  get: InputReader,
  read: InputReader
): Pick<Settings, 'websocketPath' | 'websocketProtocol' | 'websocketSend' | 'websocketExpect'> {
  const websocketPath = get('websocket-path') || undefined
  if (websocketPath !== undefined && !websocketPath.startsWith('/')) {
    throw new InputError(`The input 'websocket-path' must start with '/', got '${websocketPath}'.`)
  }
  const websocketProtocol = parseEnum('websocket-protocol', get('websocket-protocol') || 'websocket', ['websocket', 'socket.io'] as const)
  const websocketSend = read('websocket-send') || undefined
  const websocketExpect = read('websocket-expect') || undefined
  if (!websocketPath && (websocketSend || websocketExpect)) {
    const name = websocketSend ? 'websocket-send' : 'websocket-expect'
    throw new InputError(`The input '${name}' needs 'websocket-path' to be set.`)
  }
  if (websocketExpect) {
    try {
      compileExpect(websocketExpect)
    } catch {
      throw new InputError(`The input 'websocket-expect' looks like a /regular expression/ but does not compile.`)
    }
  }
  if (websocketSend && websocketProtocol === 'socket.io') {
    try {
      parseSocketIoSend(websocketSend)
    } catch {
      throw new InputError(`The input 'websocket-send' needs an event name for socket.io, e.g. 'echo:{"text":"hi"}'.`)
    }
  }
  return { websocketPath, websocketProtocol, websocketSend, websocketExpect }
}

function parseCommentSettings(get: InputReader): Pick<Settings, 'comment' | 'commentKey' | 'prNumber' | 'githubToken'> {
  const comment = parseEnum('comment', get('comment') || 'always', ['always', 'on-failure', 'never'] as const)
  const commentKey = get('comment-key') || undefined
  if (commentKey && /-->|[\r\n]/.test(commentKey)) {
    throw new InputError(`The input 'comment-key' must be a single line without '-->'.`)
  }
  const prText = get('pr-number')
  const prNumber = prText ? parseInteger('pr-number', prText, 1, Number.MAX_SAFE_INTEGER) : undefined
  return { comment, commentKey, prNumber, githubToken: get('github-token') || undefined }
}

function parseContainerLimits(get: InputReader): Pick<Settings, 'memory' | 'cpus' | 'network'> {
  const memory = get('memory') || undefined
  if (memory && !MEMORY.test(memory)) {
    throw new InputError(`The input 'memory' must be a size such as '512m' or '1g', got '${memory}'.`)
  }
  const cpus = get('cpus') || undefined
  if (cpus && !(Number(cpus) > 0)) throw new InputError(`The input 'cpus' must be a positive number such as '0.5', got '${cpus}'.`)
  const network = get('network') || undefined
  if (network && !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(network)) {
    throw new InputError(`The input 'network' must be a Docker network name or id, got '${network}'.`)
  }
  return { memory, cpus, network }
}
