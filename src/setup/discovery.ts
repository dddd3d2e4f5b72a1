// Zero configuration: read the repository the way the host does. A Render blueprint (render.yaml at the
// repository root) gives the build context, the Dockerfile, the health path, the start command and the plain
// environment; a Procfile `web:` line gives the start command when the image has none. An explicit input
// always wins, and every setting remembers where it came from.
import fs from 'node:fs'
import path from 'node:path'
import { parseDocument } from 'yaml'
import { InputError, type InputReader, type Settings } from './inputs.js'
import type { SettingSource } from '../core/model.js'
import { repoRelative } from '../core/paths.js'
import { chooseContext, findDockerfiles } from './dockerfile-search.js'
import { healthcheckPath } from '../hosts/dockerfile-healthcheck.js'
import { parseHostInput } from '../hosts/host-choice.js'
import { applyHost, type HostDiscovery, type HostRun } from '../hosts/host-settings.js'
import { discoverCompose, type ComposeSettings } from '../compose/compose-discovery.js'

export interface Discovery {
  /** Reads an input: the explicit value if given, else the discovered one, else ''. */
  read: InputReader
  sources: Record<string, SettingSource>
  /** Variables the host fills in (render.yaml `sync: false`, `fromDatabase`, `fromService`, `generateValue`). */
  hostFilledEnv: string[]
  /** The Procfile `web:` command, used by the pipeline when the image has no start command of its own. */
  procfile?: { file: string; command: string }
  /** One line per decision, for the job log. */
  notes: string[]
  /** The host the run boots like (the `host` input, or the one whose file the repository has). */
  host?: HostRun
  /** The compose file's web service and the dependencies to start, when the repository has one. */
  compose?: ComposeSettings
}

interface RenderEnvVar {
  key?: unknown
  value?: unknown
  sync?: unknown
  fromDatabase?: unknown
  fromService?: unknown
  generateValue?: unknown
  fromGroup?: unknown
}

interface RenderService {
  type?: unknown
  name?: unknown
  runtime?: unknown
  env?: unknown
  rootDir?: unknown
  dockerfilePath?: unknown
  dockerContext?: unknown
  dockerCommand?: unknown
  healthCheckPath?: unknown
  envVars?: unknown
}

/** Settings discovery can fill, by input name, with their built-in defaults (applied in inputs.ts). */
const DISCOVERABLE = ['context', 'dockerfile', 'health-path', 'command', 'port', 'memory', 'timeout'] as const

export function discover(workspace: string, read: InputReader): Discovery {
  const found: Record<string, string> = {}
  const sources: Record<string, SettingSource> = {}
  const notes: string[] = []
  let hostFilledEnv: string[] = []
  const envLines: string[] = []
  const compose = discoverCompose(workspace, read, { found, sources, notes, envLines })
  const blueprint = compose ? undefined : readRenderBlueprint(workspace, read('service').trim())
  if (blueprint) {
    const fromBlueprint = applyBlueprint(blueprint.service, blueprint.file, found)
    hostFilledEnv = fromBlueprint.hostFilled
    envLines.push(...fromBlueprint.envLines)
    notes.push(`${blueprint.file}: testing the web service '${String(blueprint.service.name)}'.`)
    for (const name of DISCOVERABLE) if (found[name] !== undefined) sources[name] = 'render.yaml'
    if (envLines.length > 0) sources.env = 'render.yaml'
  }
  const host = applyHostFiles(workspace, read, Boolean(blueprint), { found, sources, notes, envLines })
  const searched = searchDockerfile(workspace, read, found)
  if (searched) {
    found.dockerfile = path.posix.relative(searched.context, searched.dockerfile)
    found.context = searched.context
    sources.dockerfile = 'repository'
    sources.context = 'repository'
    notes.push(searched.note)
  }

  // The Procfile sits beside the code that is deployed: in the (possibly discovered) context, else at the root.
  const contextForProcfile = read('context').trim() || found.context || '.'
  const procfile = readProcfile(path.resolve(workspace, contextForProcfile)) ?? readProcfile(workspace)
  if (procfile)
    notes.push(`${repoRelative(workspace, procfile.file)}: web command \`${procfile.command}\` (used when the image has no start command).`)

  const explicitCommand = read('command').trim()
  const procfileForced = explicitCommand === 'procfile'
  if (procfileForced && !procfile) {
    throw new InputError(`The input 'command' is 'procfile', but no Procfile with a 'web:' line was found in the context or at the repository root.`)
  }

  const wrapped: InputReader = (name) => {
    const explicit = read(name)
    if (name === 'command' && procfileForced) {
      sources.command = 'Procfile'
      return shellCommand(procfile!.command)
    }
    if (name === 'env') {
      // Blueprint values first, so an explicit `env` line for the same name overrides it.
      if (explicit.trim()) sources.env = 'input'
      return [...envLines, explicit].filter((text) => text.trim()).join('\n')
    }
    if (explicit.trim()) {
      sources[name] = 'input'
      return explicit
    }
    return found[name] ?? ''
  }
  for (const name of DISCOVERABLE) if (read(name).trim()) sources[name] = 'input'
  if (procfileForced) sources.command = 'Procfile'
  hostFilledEnv.push(...(host?.hostFilledEnv ?? []))
  return { read: wrapped, sources, hostFilledEnv, procfile: procfileForced ? undefined : procfile, notes, host: host?.run, compose }
}

interface Gathered {
  found: Record<string, string>
  sources: Record<string, SettingSource>
  notes: string[]
  envLines: string[]
}

/** The host's file and contract (src/hosts/), then the Dockerfile's HEALTHCHECK for a health path still unset. */
function applyHostFiles(workspace: string, read: InputReader, hasBlueprint: boolean, gathered: Gathered): HostDiscovery | undefined {
  const { found, sources, notes, envLines } = gathered
  const host = applyHost(workspace, parseHostInput(read('host')), hasBlueprint, found, sources)
  if (host) {
    // The `command` input replaces the image's CMD only: a manifest's ENTRYPOINT override goes with the manifest's command.
    if (read('command').trim()) delete host.run.replacesEntrypoint
    notes.push(host.note)
    envLines.push(...host.env.map(([name, value]) => `${name}=${value}`))
    if (host.envSource && !sources.env) sources.env = host.envSource
  }
  const healthcheck = dockerfileHealthcheck(workspace, read, found)
  if (healthcheck) {
    found['health-path'] = healthcheck.path
    sources['health-path'] = 'Dockerfile'
    notes.push(healthcheck.note)
  }
  return host
}

/** With no health path given or found, the one the Dockerfile's own HEALTHCHECK asks. */
function dockerfileHealthcheck(workspace: string, read: InputReader, found: Record<string, string>): { path: string; note: string } | undefined {
  if (read('health-path').trim() || found['health-path'] || read('image').trim()) return undefined
  const context = path.resolve(workspace, read('context').trim() || found.context || '.')
  const dockerfile = path.resolve(context, read('dockerfile').trim() || found.dockerfile || 'Dockerfile')
  let text: string
  try {
    text = fs.readFileSync(dockerfile, 'utf8')
  } catch {
    return undefined
  }
  const check = healthcheckPath(text)
  if (!check) return undefined
  return {
    path: check.path,
    note: `${repoRelative(workspace, dockerfile)} line ${check.line}: HEALTHCHECK asks ${check.path}, so the health path is ${check.path}.`
  }
}

/** What a Render web service gives: context, Dockerfile, health path, command and port into `found`; its env. */
function applyBlueprint(service: RenderService, file: string, found: Record<string, string>): { envLines: string[]; hostFilled: string[] } {
  const rootDir = typeof service.rootDir === 'string' ? service.rootDir : '.'
  // Render reads dockerContext and dockerfilePath relative to the service's rootDir.
  const context = typeof service.dockerContext === 'string' ? path.posix.join(rootDir, service.dockerContext) : rootDir
  found.context = path.posix.normalize(context)
  if (typeof service.dockerfilePath === 'string') {
    const dockerfile = path.posix.normalize(path.posix.join(rootDir, service.dockerfilePath))
    // The dockerfile input is read relative to the context; express the blueprint's path that way.
    found.dockerfile = path.posix.relative(found.context, dockerfile) || 'Dockerfile'
  }
  if (typeof service.healthCheckPath === 'string') found['health-path'] = service.healthCheckPath
  // Render runs dockerCommand through a shell, so `$PORT` in it is expanded as on the host.
  if (typeof service.dockerCommand === 'string' && service.dockerCommand.trim()) {
    found.command = shellCommand(service.dockerCommand)
  }
  const { plain, hostFilled } = renderEnv(service.envVars, file)
  const envLines: string[] = []
  for (const [key, value] of plain) {
    if (key === 'PORT' && /^\d+$/.test(value)) found.port = value
    else envLines.push(`${key}=${value}`)
  }
  return { envLines, hostFilled }
}

/**
 * With no Dockerfile where the build would look (no input, no blueprint, none at the root), the only Dockerfile
 * below the root, with the context its COPY lines fit. Several are a question for the user: they are listed.
 */
function searchDockerfile(
  workspace: string,
  read: InputReader,
  found: Record<string, string>
): { dockerfile: string; context: string; note: string } | undefined {
  if (['dockerfile', 'context', 'image'].some((name) => read(name).trim()) || found.dockerfile || found.context) return undefined
  if (fs.existsSync(path.join(workspace, 'Dockerfile'))) return undefined
  const candidates = findDockerfiles(workspace)
  if (candidates.length === 0) return undefined
  if (candidates.length > 1) {
    const listed = candidates.slice(0, 8).map((file) => `'${file}'`)
    throw new InputError(
      `No Dockerfile at the repository root, and ${candidates.length} elsewhere (${listed.join(', ')}): ` +
        `set the input 'dockerfile' to the one to test (and 'context' to the folder its COPY paths start from).`
    )
  }
  const dockerfile = candidates[0]
  const { context, why } = chooseContext(workspace, dockerfile, fs.readFileSync(path.join(workspace, dockerfile), 'utf8'))
  const note =
    `No Dockerfile at the repository root: testing ${dockerfile}, the only one in the repository, with the context ` +
    `'${context}' (${why}); set the inputs 'dockerfile' and 'context' to choose otherwise.`
  return { dockerfile, context, note }
}

/** `sh -c '<command>'` in the input's shell-style syntax, so a shell expands `$PORT` as the host does. */
function shellCommand(command: string): string {
  return `sh -c '${command.replace(/'/g, `'\\''`)}'`
}

function readRenderBlueprint(workspace: string, serviceName: string): { service: RenderService; file: string } | undefined {
  const file = 'render.yaml'
  const full = path.join(workspace, file)
  if (!fs.existsSync(full)) {
    if (serviceName)
      throw new InputError(`The input 'service' is '${serviceName}', but there is no render.yaml at the repository root and no compose file.`)
    return undefined
  }
  const document = parseDocument(fs.readFileSync(full, 'utf8'))
  if (document.errors.length > 0) {
    const error = document.errors[0]
    const line = error.linePos?.[0]?.line
    const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
    throw new InputError(`${file}${line ? ` line ${line}` : ''} is not valid YAML: ${message}.`)
  }
  const root = document.toJS() as { services?: unknown } | null
  const services = Array.isArray(root?.services) ? (root.services as RenderService[]) : []
  const dockerWeb = services.filter((s) => s && s.type === 'web' && (s.runtime === 'docker' || s.env === 'docker'))
  if (serviceName) {
    const chosen = dockerWeb.find((s) => s.name === serviceName)
    if (!chosen) {
      const names = dockerWeb.map((s) => `'${String(s.name)}'`).join(', ') || 'none'
      throw new InputError(`The input 'service' names '${serviceName}', which is not a Docker web service in ${file} (found: ${names}).`)
    }
    return { service: chosen, file }
  }
  if (dockerWeb.length === 0) return undefined
  if (dockerWeb.length > 1) {
    throw new InputError(
      `${file} has ${dockerWeb.length} Docker web services (${dockerWeb.map((s) => `'${String(s.name)}'`).join(', ')}): choose one with the input 'service'.`
    )
  }
  return { service: dockerWeb[0], file }
}

function renderEnv(envVars: unknown, file: string): { plain: Array<[string, string]>; hostFilled: string[] } {
  const plain: Array<[string, string]> = []
  const hostFilled: string[] = []
  if (!Array.isArray(envVars)) return { plain, hostFilled }
  for (const entry of envVars as RenderEnvVar[]) {
    if (!entry || typeof entry.key !== 'string') continue
    if (entry.value !== undefined && entry.value !== null && typeof entry.value !== 'object') {
      plain.push([entry.key, String(entry.value)])
    } else if (entry.sync === false || entry.fromDatabase || entry.fromService || entry.generateValue) {
      hostFilled.push(entry.key)
    } else if (entry.value === undefined) {
      throw new InputError(`${file}: the environment variable '${entry.key}' has neither a value nor a source.`)
    }
  }
  return { plain, hostFilled }
}

/** The `web:` process of a Procfile (Heroku, Render, Dokku and others run it through a shell). */
export function readProcfile(dir: string): { file: string; command: string; line: number } | undefined {
  const file = path.join(dir, 'Procfile')
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
  const lines = text.split(/\r?\n/)
  const index = lines.findIndex((l) => /^web\s*:/.test(l))
  const command = index < 0 ? undefined : lines[index].replace(/^web\s*:\s*/, '').trim()
  return command ? { file, command, line: index + 1 } : undefined
}

/**
 * Whether an image brings its own start command. Official Python images end in `CMD ["python3"]`, which a
 * backend image inherits when its Dockerfile sets none: that is no start command for a web service.
 */
export function imageHasStartCommand(cmd: string[] | undefined, entrypoint: string[] | undefined): boolean {
  if (entrypoint && entrypoint.length > 0) return true
  if (!cmd || cmd.length === 0) return false
  return !(cmd.length === 1 && /^(\/usr\/(local\/)?bin\/)?python3?(\.\d+)?$/.test(cmd[0]))
}

/** One line for the job log: every effective setting and where it came from. */
export function describeSources(settings: Settings, sources: Record<string, SettingSource>): string {
  const rel = (file: string): string => repoRelative(settings.workspace, file)
  const rows: Array<[string, string]> = [
    ['context', settings.image ? '(prebuilt image)' : rel(settings.context)],
    ['dockerfile', settings.dockerfile ? rel(settings.dockerfile) : '(prebuilt image)'],
    ['health-path', settings.healthPath],
    ['port', String(settings.port)],
    ['command', settings.command ? settings.command.join(' ') : settings.procfile ? '(image, else Procfile)' : '(image)'],
    ['env', settings.env.length > 0 ? settings.env.map(([name]) => name).join(', ') : '(none)'],
    ['memory', settings.memory ?? '(no limit)'],
    ['timeout', `${settings.timeoutSec} s`],
    ['read-only', String(settings.readOnly)],
    ['user', settings.user ?? '(image)'],
    ['writable-paths', settings.writablePaths.join(', ') || '(none)'],
    ['stop-signal', settings.stopSignal ?? "(image's STOPSIGNAL, else SIGTERM)"],
    ['stop-grace', `${settings.stopGraceSec} s`],
    ['shutdown-check', settings.shutdownCheck ? `in-flight request to ${settings.shutdownCheck.path}` : 'off']
  ]
  const lines = rows.map(([name, value]) => `  ${name}: ${value} [${sources[name] ?? 'default'}]`)
  const host = settings.host
  if (host) {
    const grace = host.graceSeconds ? `, then ${host.graceSeconds.value} s [${host.graceSeconds.source}]` : ''
    lines.unshift(`  host: ${host.id}${host.file ? ` [${host.file}]` : ' [input]'}`)
    lines.push(`  stop: ${host.stopSignal.value} [${host.stopSignal.source}]${grace}`)
  }
  return ['Settings:', ...lines].join('\n')
}
