// The chosen host, applied to discovery: its file's values under the explicit inputs, then the contract's own
// (the PORT it sets, its instance memory, its boot deadline), each remembering where it came from. The result
// (HostRun) travels in the settings for the port reason and the graceful-shutdown check.
import type { SettingSource } from '../core/model.js'
import { HOST_CONTRACTS, hostPort, type HostContract, type HostId, type Sourced } from './contracts.js'
import { chooseHost, type HostInput } from './host-choice.js'
import { HOST_FILLED_INPUTS, memoryInput, type HostReading } from './host-reading.js'

/** What the rest of the run knows of the host. */
export interface HostRun {
  id: HostId
  name: string
  /** The host file the settings came from (repository-relative), if any. */
  file?: string
  /** The PORT value the host sets (the run sets the same), and whether the host picks its own. */
  port?: { value: number; assigned: boolean }
  /** The host's log line when nothing listens on its PORT. */
  portFailureWords?: string
  /** For the graceful-shutdown check: each value with where it comes from (a file, or the contract's page). */
  stopSignal: Sourced<string>
  graceSeconds?: Sourced<number>
  readOnlyRoot: Sourced<boolean>
  user?: Sourced<string>
  writablePaths: Sourced<string[]>
  /** The file's command replaces the image's ENTRYPOINT (a Kubernetes `command`): the run starts it with `--entrypoint`. */
  replacesEntrypoint?: boolean
}

export interface HostDiscovery {
  run: HostRun
  note: string
  env: Array<[string, string]>
  envSource?: SettingSource
  hostFilledEnv: string[]
}

/** The contract's boot deadline is applied only when it is no longer than the action's default (60 s). */
const DEFAULT_TIMEOUT_SECONDS = 60

const FILE_SOURCES: Record<string, SettingSource> = {
  'fly.toml': 'fly.toml',
  'railway.json': 'railway.json',
  'railway.toml': 'railway.toml',
  'app.json': 'app.json',
  'heroku.yml': 'heroku.yml'
}

function sourceOf(reading: HostReading, file: string): SettingSource {
  return FILE_SOURCES[file] ?? (reading.host === 'cloud-run' ? 'Cloud Run service' : 'Kubernetes manifest')
}

/**
 * Fills `found`/`sources` from the host (the explicit inputs are applied later and win). `readInput` tells which
 * inputs the user gave, so a contract default never shadows them in the sources.
 */
export function applyHost(
  workspace: string,
  input: HostInput,
  hasRenderBlueprint: boolean,
  found: Record<string, string>,
  sources: Record<string, SettingSource>
): HostDiscovery | undefined {
  const choice = chooseHost(workspace, input, hasRenderBlueprint)
  if (!choice) return undefined
  const contract = HOST_CONTRACTS[choice.host]
  const reading = choice.reading
  if (reading) {
    // A PORT the file sets (fly.toml [env], a manifest's env) is the port: the run sets PORT from it.
    const portVariable = reading.env.find(([name, value]) => name === 'PORT' && /^\d+$/.test(value))
    reading.env = reading.env.filter(([name]) => name !== 'PORT' || !portVariable)
    if (portVariable && reading.found.port === undefined) reading.found.port = portVariable[1]
    for (const name of HOST_FILLED_INPUTS) {
      const value = reading.found[name]
      if (value === undefined) continue
      found[name] = value
      sources[name] = sourceOf(reading, reading.foundIn?.[name] ?? reading.file)
    }
  }
  applyContract(contract, found, sources)
  return {
    run: hostRun(contract, reading, found),
    note: choice.note,
    env: reading?.env ?? [],
    // heroku.yml has no environment: Heroku's plain config vars are app.json's.
    envSource: reading?.env.length ? sourceOf(reading, reading.host === 'heroku' ? 'app.json' : reading.file) : undefined,
    hostFilledEnv: reading?.hostFilledEnv ?? []
  }
}

function applyContract(contract: HostContract, found: Record<string, string>, sources: Record<string, SettingSource>): void {
  const port = hostPort(contract)
  if (found.port === undefined && port !== undefined) {
    found.port = String(port)
    sources.port = 'host contract'
  }
  if (found.memory === undefined && contract.memoryMiB) {
    found.memory = memoryInput(contract.memoryMiB.value)
    sources.memory = 'host contract'
  }
  const deadline = contract.bootDeadlineSeconds?.value
  if (found.timeout === undefined && deadline !== undefined && deadline <= DEFAULT_TIMEOUT_SECONDS) {
    found.timeout = String(deadline)
    sources.timeout = 'host contract'
  }
}

function hostRun(contract: HostContract, reading: HostReading | undefined, found: Record<string, string>): HostRun {
  const fromFile = <T>(value: T | undefined, fallback: Sourced<T> | undefined): Sourced<T> | undefined =>
    value !== undefined && reading ? { value, source: reading.file } : fallback
  const shutdown = reading?.shutdown ?? {}
  const port = hostPort(contract)
  return {
    id: contract.id,
    name: contract.name,
    file: reading?.file,
    port: port !== undefined ? { value: Number(found.port ?? port), assigned: contract.port?.value === 'assigned' } : undefined,
    portFailureWords: contract.portFailureWords?.value,
    stopSignal: fromFile(shutdown.stopSignal, contract.stopSignal)!,
    graceSeconds: fromFile(shutdown.graceSeconds, contract.graceSeconds),
    readOnlyRoot: fromFile(shutdown.readOnlyRoot, contract.readOnlyRoot)!,
    user: fromFile(shutdown.user, contract.user),
    writablePaths: fromFile(shutdown.writablePaths, contract.writablePaths)!,
    ...(reading?.replacesEntrypoint ? { replacesEntrypoint: true } : {})
  }
}
