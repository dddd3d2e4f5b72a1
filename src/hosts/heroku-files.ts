// heroku.yml and app.json: the Dockerfile and web command of a container app, the plain config vars, the ones
// Heroku asks for at deploy time, and the dyno size of the web process.
import { emptyReading, isRecord, memoryInput, parseYamlFile, readIfPresent, shellCommand, stringOf, type HostReading } from './host-reading.js'

export const HEROKU_FILES = ['heroku.yml', 'app.json'] as const

/** Dyno sizes and their memory limit in MiB: Heroku's help article (standard, performance) and pricing page (eco, basic). */
const DYNO_MEMORY_MIB: Record<string, number> = {
  eco: 512,
  basic: 512,
  'standard-1x': 512,
  'standard-2x': 1024,
  'performance-m': 2560,
  'performance-l': 14336
}

export function readHerokuFiles(workspace: string): HostReading | undefined {
  const manifest = readIfPresent(workspace, 'heroku.yml')
  const appJson = readIfPresent(workspace, 'app.json')
  if (manifest === undefined && appJson === undefined) return undefined
  const reading = emptyReading('heroku', manifest !== undefined ? 'heroku.yml' : 'app.json')
  if (manifest !== undefined) applyManifest(reading, parseYamlFile('heroku.yml', manifest))
  if (appJson !== undefined) applyAppJson(reading, parseYamlFile('app.json', appJson))
  return reading
}

function applyManifest(reading: HostReading, manifest: unknown): void {
  if (!isRecord(manifest)) return
  const docker = isRecord(manifest.build) && isRecord(manifest.build.docker) ? manifest.build.docker : {}
  const dockerfile = stringOf(docker.web) ?? (isRecord(docker.web) ? stringOf(docker.web.dockerfile) : undefined)
  if (dockerfile) reading.found.dockerfile = dockerfile
  const run = isRecord(manifest.run) ? manifest.run : {}
  const web = isRecord(run.web) ? stringOf(run.web.command) : stringOf(run.web)
  // Heroku runs a container's command through /bin/sh -c, so `$PORT` expands as on the dyno.
  if (web) reading.found.command = shellCommand(web)
}

function applyAppJson(reading: HostReading, app: unknown): void {
  if (!isRecord(app)) return
  if (isRecord(app.env)) {
    for (const [name, spec] of Object.entries(app.env)) {
      if (typeof spec === 'string') reading.env.push([name, spec])
      else if (isRecord(spec) && spec.value !== undefined && typeof spec.value !== 'object') reading.env.push([name, String(spec.value)])
      else if (isRecord(spec) && (spec.required !== false || spec.generator)) reading.hostFilledEnv.push(name)
    }
  }
  const web = isRecord(app.formation) && isRecord(app.formation.web) ? app.formation.web : {}
  const size = stringOf(web.size)?.toLowerCase()
  if (size && DYNO_MEMORY_MIB[size]) {
    reading.found.memory = memoryInput(DYNO_MEMORY_MIB[size])
    if (reading.file !== 'app.json') reading.foundIn = { ...reading.foundIn, memory: 'app.json' }
  }
}
