// The host's stop signal, grace period, user and filesystem fill the container inputs the user left empty
// (`stop-signal`, `stop-grace`, `user`, `read-only`, `writable-paths`), each remembering its source, so the
// graceful-shutdown check and the read-only boot follow the host the repository deploys to.
import path from 'node:path'
import type { SettingSource } from '../core/model.js'
import type { ContainerSettings } from '../setup/container-inputs.js'
import type { Sourced } from './contracts.js'
import type { HostRun } from './host-settings.js'

const FILE_SOURCES: Record<string, SettingSource> = {
  'fly.toml': 'fly.toml',
  'railway.json': 'railway.json',
  'railway.toml': 'railway.toml',
  'app.json': 'app.json',
  'heroku.yml': 'heroku.yml'
}

/** A contract value cites the host's page; a file value names the host file. */
function sourceOf(host: HostRun, fact: Sourced<unknown>): SettingSource {
  if (/^https?:\/\//.test(fact.source)) return 'host contract'
  return FILE_SOURCES[path.basename(fact.source)] ?? (host.id === 'cloud-run' ? 'Cloud Run service' : 'Kubernetes manifest')
}

export function applyHostContainer<T extends ContainerSettings>(
  settings: T,
  host: HostRun | undefined,
  read: (name: string) => string,
  sources: Record<string, SettingSource>
): T {
  if (!host) return settings
  const result = { ...settings }
  const take = <V>(input: string, fact: Sourced<V> | undefined, apply: (value: V) => void): void => {
    if (!fact || read(input).trim()) return
    apply(fact.value)
    sources[input] = sourceOf(host, fact)
  }
  take('stop-signal', host.stopSignal, (value) => (result.stopSignal = value))
  take('stop-grace', host.graceSeconds, (value) => (result.stopGraceSec = value))
  take('user', host.user, (value) => (result.user = value))
  take('read-only', host.readOnlyRoot, (value) => (result.readOnly = value))
  // Writable paths matter only on a read-only root: elsewhere a tmpfs would change what the app sees for nothing.
  if (result.readOnly) take('writable-paths', host.writablePaths, (value) => (result.writablePaths = value))
  return result
}
