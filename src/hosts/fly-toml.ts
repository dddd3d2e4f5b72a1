// fly.toml: the port Fly's proxy connects to, its health checks, the process that serves HTTP, the plain
// environment, how Fly stops the Machine and the VM's memory.
import {
  emptyReading,
  durationSeconds,
  isRecord,
  memoryInput,
  numberOf,
  parseTomlFile,
  readIfPresent,
  stringOf,
  type HostReading
} from './host-reading.js'

const FILE = 'fly.toml'

export function readFlyToml(workspace: string): HostReading | undefined {
  const text = readIfPresent(workspace, FILE)
  if (text === undefined) return undefined
  const config = parseTomlFile(FILE, text)
  const reading = emptyReading('fly', FILE)
  const service = httpService(config)
  const port = numberOf(service?.internal_port)
  if (port !== undefined) reading.found.port = String(port)
  const check = httpCheck(config, service)
  if (check?.path) reading.found['health-path'] = check.path
  if (check?.graceSeconds !== undefined) reading.found.timeout = String(Math.max(1, Math.ceil(check.graceSeconds)))
  const command = processCommand(config, service)
  if (command) reading.found.command = command
  const build = isRecord(config.build) ? config.build : {}
  const dockerfile = stringOf(build.dockerfile)
  if (dockerfile) reading.found.dockerfile = dockerfile
  const memory = vmMemoryMiB(config)
  if (memory !== undefined) reading.found.memory = memoryInput(memory)
  if (isRecord(config.env)) {
    for (const [name, value] of Object.entries(config.env)) if (typeof value !== 'object') reading.env.push([name, String(value)])
  }
  const signal = stringOf(config.kill_signal)
  if (signal) reading.shutdown.stopSignal = signal.toUpperCase()
  const grace = durationSeconds(config.kill_timeout)
  if (grace !== undefined) reading.shutdown.graceSeconds = grace
  return reading
}

/** `[http_service]`, else the first `[[services]]` entry. */
function httpService(config: Record<string, unknown>): Record<string, unknown> | undefined {
  if (isRecord(config.http_service)) return config.http_service
  const services = Array.isArray(config.services) ? config.services.filter(isRecord) : []
  return services[0]
}

/** The first HTTP check: `[[http_service.checks]]`, `[[services.http_checks]]`, else a top-level `[checks.*]` of type http. */
function httpCheck(
  config: Record<string, unknown>,
  service: Record<string, unknown> | undefined
): { path?: string; graceSeconds?: number } | undefined {
  const fromService = [service?.checks, service?.http_checks].flatMap((list) => (Array.isArray(list) ? list.filter(isRecord) : []))
  const topLevel = isRecord(config.checks)
    ? Object.values(config.checks)
        .filter(isRecord)
        .filter((c) => c.type === 'http')
    : []
  const check = [...fromService, ...topLevel].find((c) => stringOf(c.path)) ?? fromService[0] ?? topLevel[0]
  if (!check) return undefined
  return { path: stringOf(check.path), graceSeconds: durationSeconds(check.grace_period) }
}

/** The command of the process group that serves HTTP (`processes = ["app"]` on the service, else `app`, else the only one). */
function processCommand(config: Record<string, unknown>, service: Record<string, unknown> | undefined): string | undefined {
  if (!isRecord(config.processes)) return undefined
  const groups = config.processes
  const named = Array.isArray(service?.processes) ? stringOf(service.processes[0]) : undefined
  const name = named ?? ('app' in groups ? 'app' : Object.keys(groups).length === 1 ? Object.keys(groups)[0] : undefined)
  return name ? stringOf(groups[name]) : undefined
}

/** `[[vm]] memory = "1gb"` / `memory_mb = 1024`, else the preset `size` (shared-cpu-Nx: 256 MiB per CPU). */
function vmMemoryMiB(config: Record<string, unknown>): number | undefined {
  const vms = Array.isArray(config.vm) ? config.vm.filter(isRecord) : isRecord(config.vm) ? [config.vm] : []
  const vm = vms[0]
  if (!vm) return undefined
  const mb = numberOf(vm.memory_mb) ?? numberOf(vm.memory)
  if (mb !== undefined) return mb
  const text = stringOf(vm.memory)?.toLowerCase()
  const sized = text?.match(/^(\d+(?:\.\d+)?)\s*(mb|gb|m|g)$/)
  if (sized) return Number(sized[1]) * (sized[2].startsWith('g') ? 1024 : 1)
  const preset = stringOf(vm.size)?.match(/^shared-cpu-(\d+)x$/)
  return preset ? Number(preset[1]) * 256 : undefined
}
