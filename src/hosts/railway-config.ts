// railway.json / railway.toml (config as code): the start command, the health check path and how long Railway
// waits for it, the Dockerfile, and the draining time between SIGTERM and SIGKILL.
import { emptyReading, isRecord, numberOf, parseTomlFile, parseYamlFile, readIfPresent, stringOf, type HostReading } from './host-reading.js'

export const RAILWAY_FILES = ['railway.json', 'railway.toml'] as const

export function readRailwayConfig(workspace: string): HostReading | undefined {
  for (const file of RAILWAY_FILES) {
    const text = readIfPresent(workspace, file)
    if (text === undefined) continue
    const config = file.endsWith('.toml') ? parseTomlFile(file, text) : parseYamlFile(file, text)
    return fromConfig(file, isRecord(config) ? config : {})
  }
  return undefined
}

function fromConfig(file: string, config: Record<string, unknown>): HostReading {
  const reading = emptyReading('railway', file)
  const build = isRecord(config.build) ? config.build : {}
  const deploy = isRecord(config.deploy) ? config.deploy : {}
  const dockerfile = stringOf(build.dockerfilePath)
  if (dockerfile) reading.found.dockerfile = dockerfile
  // Railway runs a Dockerfile service's start command in exec form: no shell expands `$PORT` in it.
  const command = stringOf(deploy.startCommand)
  if (command) reading.found.command = command
  const healthPath = stringOf(deploy.healthcheckPath)
  if (healthPath) reading.found['health-path'] = healthPath
  const timeout = numberOf(deploy.healthcheckTimeout)
  if (timeout !== undefined) reading.found.timeout = String(timeout)
  const draining = numberOf(deploy.drainingSeconds)
  if (draining !== undefined) reading.shutdown.graceSeconds = draining
  return reading
}
