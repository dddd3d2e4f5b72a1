// The web service's environment as Compose gives it: `env_file` files first, then `environment` (a later value
// wins), with `${NAME}`, `${NAME:-default}` and `$$` interpolated from the `.env` file beside the compose file, as
// Compose does. Values of variables named like secrets are redacted like the `env` input's.
import fs from 'node:fs'
import path from 'node:path'
import { InputError } from '../setup/input-values.js'

/** The parts of a compose service the action reads. */
export interface ComposeService {
  image?: string
  build?: string | { context?: string; dockerfile?: string; args?: Record<string, unknown> | unknown[]; target?: string } | null
  command?: unknown
  entrypoint?: unknown
  environment?: Record<string, unknown> | unknown[] | null
  env_file?: unknown
  ports?: unknown[]
  expose?: unknown[]
  healthcheck?: { test?: unknown } | null
  mem_limit?: unknown
  deploy?: { resources?: { limits?: { memory?: unknown } } } | null
  depends_on?: unknown
  networks?: unknown
  network_mode?: string
  user?: unknown
  read_only?: unknown
  tmpfs?: unknown
  volumes?: unknown
  profiles?: unknown
}

const SECRET_NAME = /secret|token|passw|passphrase|api[_-]?key|[_-]key$|credential/i

export function composeEnvironment(
  dir: string,
  fileName: string,
  service: string,
  definition: ComposeService
): { lines: string[]; secrets: string[] } {
  const dotenv = readEnvFile(path.join(dir, '.env')) ?? new Map<string, string>()
  const values = new Map<string, string>()
  for (const entry of envFiles(definition.env_file)) {
    const file = path.resolve(dir, entry.path)
    const read = readEnvFile(file)
    if (!read && entry.required) {
      throw new InputError(`${fileName}: the env_file '${entry.path}' of the service '${service}' does not exist.`)
    }
    for (const [name, value] of read ?? []) values.set(name, value)
  }
  for (const [name, value] of environmentEntries(definition.environment)) {
    // `- NAME` with no value takes it from the shell Compose runs in: on a runner, nothing the app should rely on.
    if (value !== undefined) values.set(name, interpolate(value, dotenv))
  }
  const lines = [...values].map(([name, value]) => `${name}=${value}`)
  const secrets = [...values].filter(([name, value]) => SECRET_NAME.test(name) && value.length > 0).map(([, value]) => value)
  return { lines, secrets }
}

function envFiles(value: unknown): Array<{ path: string; required: boolean }> {
  const entries = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]
  return entries.map((entry) => {
    if (typeof entry === 'object' && entry !== null) {
      const { path: file, required } = entry as { path?: unknown; required?: unknown }
      return { path: String(file ?? ''), required: required !== false }
    }
    return { path: String(entry), required: true }
  })
}

function environmentEntries(value: ComposeService['environment']): Array<[string, string | undefined]> {
  if (Array.isArray(value)) {
    return value.map(String).map((line) => {
      const eq = line.indexOf('=')
      return eq < 0 ? [line, undefined] : [line.slice(0, eq), line.slice(eq + 1)]
    })
  }
  if (!value || typeof value !== 'object') return []
  return Object.entries(value).map(([name, v]) => [name, v === null || v === undefined ? undefined : String(v)])
}

/** `KEY=VALUE` lines of an env file (comments, `export`, single or double quotes); undefined when it is missing. */
export function readEnvFile(file: string): Map<string, string> | undefined {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
  const values = new Map<string, string>()
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim().replace(/^export\s+/, '')
    const match = line.match(/^([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/)
    if (!match || line.startsWith('#')) continue
    const value = match[2]
    const quoted = value.match(/^(["'])(.*)\1$/)
    values.set(match[1], quoted ? quoted[2] : value.replace(/\s+#.*$/, ''))
  }
  return values
}

/** Compose's interpolation of `$$`, `${NAME}`, `${NAME:-default}`, `${NAME-default}` and `$NAME`. */
export function interpolate(value: string, variables: Map<string, string>): string {
  return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced, op, fallback, bare) => {
    if (whole === '$$') return '$'
    const name = (braced ?? bare) as string
    const found = variables.get(name)
    if (op === ':-') return found ? found : (fallback as string)
    if (op === '-') return found ?? (fallback as string)
    return found ?? ''
  })
}
