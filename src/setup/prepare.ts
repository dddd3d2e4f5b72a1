// The preparation the action and the CLI share, in order: discovery → settings → Procfile → secrets → identity →
// signals. Everything here happens before Docker is touched; an invalid input throws an InputError (one sentence).
import { runIdentity, type RunIdentity } from '../docker/args.js'
import type { Docker } from '../docker/docker.js'
import { applyHostContainer } from '../hosts/host-container.js'
import { describeSources, discover, type Discovery } from './discovery.js'
import { parseKeyValueLines, parseSettings, type InputReader, type Settings } from './inputs.js'
import { Redactor } from '../render/redact.js'

export interface PrepareHost {
  /** The repository root; relative inputs (context, dockerfile) resolve against it. */
  workspace: string
  /** The inputs as given (action inputs or CLI options, by action.yml name), before discovery fills gaps. */
  readInput: InputReader
  /** Unique per run: names and labels everything the run creates. */
  runKey: string
  /** Where discovery's notes go (the job log, the terminal). */
  log(message: string): void
  /** Hides a secret in the host's own log (the runner's add-mask); the CLI has no log to mask. */
  mask?(secret: string): void
  /** Told of SIGINT/SIGTERM before the run is aborted. */
  onSignal?(signal: NodeJS.Signals): void
}

export interface Preparation {
  settings: Settings
  discovery: Discovery
  identity: RunIdentity
  /** Knows every secret of the run; apply it to the report before anything is written. */
  redactor: Redactor
  /** Aborted on SIGINT/SIGTERM: the smoke run stops waiting and cleans up. */
  signal: AbortSignal
  /** Removes the signal handlers. */
  release(): void
}

export function prepare(host: PrepareHost): Preparation {
  const discovery = discover(host.workspace, host.readInput)
  const parsed: Settings = {
    ...parseSettings(discovery.read, host.workspace),
    procfile: discovery.procfile,
    host: discovery.host,
    compose: discovery.compose
  }
  const settings = applyHostContainer(parsed, discovery.host, discovery.read, discovery.sources)
  for (const note of discovery.notes) host.log(note)
  host.log(describeSources(settings, discovery.sources))

  const secrets = runSecrets(host.readInput, settings)
  for (const secret of secrets) if (secret.trim()) host.mask?.(secret)
  const redactor = new Redactor(secrets)

  const identity = runIdentity(host.runKey)

  const cancel = new AbortController()
  const onSignal = (signal: NodeJS.Signals): void => {
    host.onSignal?.(signal)
    cancel.abort()
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  const release = (): void => {
    process.removeListener('SIGINT', onSignal)
    process.removeListener('SIGTERM', onSignal)
  }
  return { settings, discovery, identity, redactor, signal: cancel.signal, release }
}

/**
 * Every `env` value is a secret: masked in the job log and redacted from everything the run writes. Values a
 * blueprint commits to the repository (render.yaml `value:`) are not secrets, hence the inputs as given; of a compose
 * file's environment, the values of variables named like secrets (`POSTGRES_PASSWORD`, `SECRET_KEY`) are.
 */
function runSecrets(readInput: InputReader, settings: Settings): string[] {
  return [
    ...parseKeyValueLines('env', readInput('env')).map(([, value]) => value),
    ...(settings.compose?.secretValues ?? []),
    ...(settings.githubToken ? [settings.githubToken] : [])
  ]
}

/** Removes the image the run built (an `image` input is the user's and stays); throws when Docker refuses. */
export async function removeBuiltImage(docker: Docker, preparation: Pick<Preparation, 'settings' | 'identity'>): Promise<void> {
  if (!preparation.settings.image) await docker.removeImage(preparation.identity.imageTag)
}
