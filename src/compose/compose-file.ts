// Zero configuration for compose repositories: the compose file (compose.yaml, compose.yml, docker-compose.yml,
// docker-compose.yaml at the root or in the context, or the `compose-file` input) and its web service (the
// `service` input, else the one service that runs Gunicorn, else the one publishing the probed port). The service
// gives the build, the command, the environment, the port, the health path and the limits; its `depends_on`
// closure are the dependencies started for real (src/compose/dependencies.ts).
import fs from 'node:fs'
import path from 'node:path'
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml'
import { InputError } from '../setup/input-values.js'
import { isContainerUser } from '../setup/container-inputs.js'
import { composeEnvironment, interpolate, readEnvFile, type ComposeService } from './compose-env.js'

export const COMPOSE_FILE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'] as const

export interface ComposeStack {
  /** Absolute path of the compose file, and its name as the report's setting source. */
  file: string
  fileName: string
  /** The web service the run builds and boots. */
  service: string
  /** Line of the web service's key in the file. */
  serviceLine: number
  /** The services the web service depends on, transitively, in start order (dependencies first). */
  dependencies: string[]
  /** The compose network the web container joins (its `networks` entry, else `default`). */
  network: string
  /** Line of each service's key, for annotations. */
  lines: Record<string, number>
  /** Each service's healthcheck command as the file writes it (before Compose interpolates it). */
  healthchecks: Record<string, string>
  /** Dependencies awaited with `condition: service_completed_successfully` (a `migrate` job): exiting 0 is their success. */
  completions: string[]
}

export interface ComposeDiscovery {
  stack: ComposeStack
  /** Settings by input name (`context`, `dockerfile`, `command`, `port`, …), as input text. */
  found: Record<string, string>
  /** `KEY=VALUE` lines: env_file first, then `environment` (the later wins, as in Compose). */
  envLines: string[]
  /** Values of variables whose names say they are secrets: redacted like `env` values. */
  secretValues: string[]
  notes: string[]
}

/** The compose file to read: the input's, else the first of the standard names at the root, else in the context. */
export function findComposeFile(workspace: string, fileInput: string, contextInput: string): string | undefined {
  if (fileInput) {
    const file = path.resolve(workspace, fileInput)
    if (!file.startsWith(path.resolve(workspace) + path.sep) || !fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
      throw new InputError(`The input 'compose-file' points to '${fileInput}', which is not a file in the repository.`)
    }
    return file
  }
  for (const dir of [workspace, path.resolve(workspace, contextInput || '.')]) {
    for (const name of COMPOSE_FILE_NAMES) {
      const file = path.join(dir, name)
      if (fs.statSync(file, { throwIfNoEntry: false })?.isFile()) return file
    }
  }
  return undefined
}

/** Reads the compose file and its web service; undefined when no service can be the web one without asking. */
export function readComposeStack(file: string, serviceInput: string, port: string): ComposeDiscovery | undefined {
  const fileName = path.basename(file)
  const lineCounter = new LineCounter()
  const document = parseDocument(fs.readFileSync(file, 'utf8'), { lineCounter })
  if (document.errors.length > 0) {
    const line = document.errors[0].linePos?.[0]?.line
    throw new InputError(`${fileName}${line ? ` line ${line}` : ''} is not valid YAML: ${document.errors[0].message.split('\n')[0]}.`)
  }
  const root = document.toJS() as { services?: Record<string, ComposeService | null>; networks?: Record<string, { name?: string } | null> } | null
  const services = root?.services && typeof root.services === 'object' ? root.services : {}
  const lines = serviceLines(document, lineCounter)
  const service = chooseService(fileName, services, serviceInput, port)
  if (!service) return undefined
  const definition = services[service] ?? {}
  const dependencies = dependencyClosure(fileName, services, service)
  const network = webNetwork(definition)
  const healthchecks = Object.fromEntries(Object.entries(services).map(([name, s]) => [name, healthcheckText(s?.healthcheck?.test)]))
  const completions = dependencies.filter((name) =>
    [service, ...dependencies].some((s) => dependsOnCondition(services[s], name) === 'service_completed_successfully')
  )
  const stack: ComposeStack = { file, fileName, service, serviceLine: lines[service] ?? 1, dependencies, network, lines, healthchecks, completions }
  const settings = serviceSettings(fileName, service, definition)
  const container = containerSettings(file, service, definition)
  const environment = composeEnvironment(path.dirname(file), fileName, service, definition)
  const notes = [`${fileName}: testing the service '${service}'${dependencies.length ? ` with ${dependencies.join(', ')}` : ''}.`]
  const found = { ...settings.found, ...container.found }
  return { stack, found, envLines: environment.lines, secretValues: environment.secrets, notes: [...notes, ...settings.notes, ...container.notes] }
}

function chooseService(fileName: string, services: Record<string, ComposeService | null>, serviceInput: string, port: string): string | undefined {
  const names = Object.keys(services)
  if (serviceInput) {
    if (!names.includes(serviceInput)) {
      throw new InputError(
        `The input 'service' names '${serviceInput}', which is not a service in ${fileName} (found: ${names.map((n) => `'${n}'`).join(', ')}).`
      )
    }
    return serviceInput
  }
  const runsGunicorn = names.filter((name) =>
    /\bgunicorn\b/.test(`${commandText(services[name]?.command)} ${commandText(services[name]?.entrypoint)}`)
  )
  if (runsGunicorn.length === 1) return runsGunicorn[0]
  if (runsGunicorn.length > 1) {
    throw new InputError(
      `${fileName} has ${runsGunicorn.length} services that run Gunicorn (${runsGunicorn.map((n) => `'${n}'`).join(', ')}): choose one with the input 'service'.`
    )
  }
  const publishing = names.filter((name) => containerPorts(services[name]).includes(Number(port || '8000')) && services[name]?.build !== undefined)
  return publishing.length === 1 ? publishing[0] : undefined
}

/** The web service's `depends_on`, followed transitively; each dependency after its own dependencies. */
function dependencyClosure(fileName: string, services: Record<string, ComposeService | null>, web: string): string[] {
  const ordered: string[] = []
  const visit = (name: string, trail: string[]): void => {
    for (const dependency of dependsOn(services[name])) {
      if (!(dependency in services))
        throw new InputError(`${fileName}: the service '${name}' depends on '${dependency}', which is not a service in the file.`)
      if (dependency === web || trail.includes(dependency)) continue
      visit(dependency, [...trail, dependency])
      if (!ordered.includes(dependency)) ordered.push(dependency)
    }
  }
  visit(web, [web])
  return ordered
}

export function dependsOn(service: ComposeService | null | undefined): string[] {
  const value = service?.depends_on
  if (Array.isArray(value)) return value.map(String)
  return value && typeof value === 'object' ? Object.keys(value) : []
}

/** The `condition` under which `service` waits for `dependency` (`service_started` for the list form). */
function dependsOnCondition(service: ComposeService | null | undefined, dependency: string): string | undefined {
  const value = service?.depends_on
  if (Array.isArray(value)) return value.map(String).includes(dependency) ? 'service_started' : undefined
  if (!value || typeof value !== 'object' || !(dependency in value)) return undefined
  const entry = (value as Record<string, { condition?: unknown } | null>)[dependency]
  return typeof entry?.condition === 'string' ? entry.condition : 'service_started'
}

function webNetwork(service: ComposeService): string {
  const networks = service.networks
  if (Array.isArray(networks) && networks.length > 0) return String(networks[0])
  if (networks && typeof networks === 'object' && Object.keys(networks).length > 0) return Object.keys(networks)[0]
  return 'default'
}

/** The service's build, command, port, health path and memory limit as input text, and what cannot be honoured. */
function serviceSettings(fileName: string, name: string, service: ComposeService): { found: Record<string, string>; notes: string[] } {
  const found: Record<string, string> = {}
  const notes: string[] = []
  const build = typeof service.build === 'string' ? { context: service.build } : (service.build ?? undefined)
  if (build) {
    found.context = path.posix.normalize(build.context ?? '.')
    if (build.dockerfile) found.dockerfile = build.dockerfile
    if (build.target) found.target = build.target
    const args = Array.isArray(build.args) ? build.args.map(String) : Object.entries(build.args ?? {}).map(([k, v]) => `${k}=${v ?? ''}`)
    if (args.length > 0) found['build-args'] = args.join('\n')
  } else if (service.image) {
    notes.push(`${fileName}: the service '${name}' has no build section; the image is built from the Dockerfile the other settings name.`)
  }
  // Without an entrypoint, the command runs after the image's ENTRYPOINT, as `docker run image command` does.
  const command = [service.entrypoint, service.command].map(commandText).filter(Boolean).join(' ')
  if (command) found.command = command
  const ports = containerPorts(service)
  if (ports.length > 0) found.port = String(ports[0])
  const healthPath = healthcheckPath(service.healthcheck?.test)
  if (healthPath) found['health-path'] = healthPath
  const memory = service.deploy?.resources?.limits?.memory ?? service.mem_limit
  if (memory !== undefined) found.memory = String(memory).replace(/([kmg])b$/i, '$1')
  if (service.network_mode === 'host') {
    notes.push(
      `${fileName}: 'network_mode: host' of '${name}' cannot be honoured: the container runs on the project's network with its port published.`
    )
  }
  return { found, notes }
}

/** `user`, `read_only` and the tmpfs mounts (`tmpfs:` and `type: tmpfs` volumes) as the inputs `user`, `read-only`, `writable-paths`. */
function containerSettings(file: string, name: string, service: ComposeService): { found: Record<string, string>; notes: string[] } {
  const found: Record<string, string> = {}
  const notes: string[] = []
  // `user: "${UID:-1000}:${GID:-1000}"` is interpolated like the environment, from the `.env` beside the file.
  const user = service.user === undefined || service.user === null ? '' : interpolate(String(service.user), dotenvOf(file)).trim()
  if (user && isContainerUser(user)) found.user = user
  else if (user) {
    notes.push(
      `${path.basename(file)}: the user '${String(service.user)}' of '${name}' gives '${user}', no uid, uid:gid or user name; the image's user is kept.`
    )
  }
  if (service.read_only === true || String(service.read_only) === 'true') found['read-only'] = 'true'
  const tmpfs = Array.isArray(service.tmpfs) ? service.tmpfs : service.tmpfs ? [service.tmpfs] : []
  // `/run:size=64m,mode=1777`: the path is what the app writes to; the mount options are the engine's business.
  const paths = tmpfs.map((entry) => String(entry).split(':')[0].trim())
  for (const volume of Array.isArray(service.volumes) ? service.volumes : []) {
    const { type, target } = (typeof volume === 'object' && volume !== null ? volume : {}) as { type?: unknown; target?: unknown }
    if (type === 'tmpfs' && typeof target === 'string') paths.push(target)
  }
  if (paths.filter(Boolean).length > 0) found['writable-paths'] = [...new Set(paths.filter(Boolean))].join('\n')
  return { found, notes }
}

function dotenvOf(file: string): Map<string, string> {
  return readEnvFile(path.join(path.dirname(file), '.env')) ?? new Map<string, string>()
}

/** The `command` input's shell-style text: list words quoted, the string form kept (Compose splits it the same way). */
function commandText(value: unknown): string {
  return Array.isArray(value) ? value.map(String).map(shellQuote).join(' ') : typeof value === 'string' ? value.trim() : ''
}

function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=,@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`
}

/** Container ports of `ports` (short `8000`, `8000:8000`, `127.0.0.1:80:8000/tcp`, long `target:`) and `expose`. */
export function containerPorts(service: ComposeService | null | undefined): number[] {
  const ports: number[] = []
  for (const entry of [...(service?.ports ?? []), ...(service?.expose ?? [])]) {
    const text = typeof entry === 'object' && entry !== null ? String((entry as { target?: unknown }).target ?? '') : String(entry)
    const port = Number(
      text
        .replace(/\/(tcp|udp)$/, '')
        .split(':')
        .pop()
        ?.split('-')[0]
    )
    if (Number.isInteger(port) && port > 0 && !ports.includes(port)) ports.push(port)
  }
  return ports
}

/** `["CMD-SHELL", "pg_isready -U app"]` as `pg_isready -U app`. */
function healthcheckText(test: unknown): string {
  const words = Array.isArray(test) ? test.map(String) : typeof test === 'string' ? [test] : []
  return (['CMD', 'CMD-SHELL'].includes(words[0]) ? words.slice(1) : words).join(' ')
}

/** The path a healthcheck's test asks for: `curl -f http://localhost:8000/health` gives `/health`. */
function healthcheckPath(test: unknown): string | undefined {
  const text = Array.isArray(test) ? test.join(' ') : typeof test === 'string' ? test : ''
  return text.match(/https?:\/\/[^/\s'"]+(\/[^\s'"]*)/)?.[1]
}

function serviceLines(document: Document, lineCounter: LineCounter): Record<string, number> {
  const lines: Record<string, number> = {}
  const services = document.get('services', true)
  if (!isMap(services)) return lines
  for (const item of services.items) {
    if (isScalar(item.key) && item.key.range) lines[String(item.key.value)] = lineCounter.linePos(item.key.range[0]).line
  }
  return lines
}
