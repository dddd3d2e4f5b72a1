// A start script that waits for a service by name (`until nc -z db 5432`, a driver's connect in a loop) before it
// starts Gunicorn: when the name does not resolve in the container, the same line repeats until the timeout.
import type { LogLine } from '../../core/model.js'
import type { RuleContext } from '../context.js'
import type { FoundLine } from './locate.js'

const UNRESOLVED: readonly RegExp[] = [
  /could not translate host name "([^"]+)"/,
  /getaddrinfo for host "([^"]+)" port \d+/,
  /\b(?:nc|ncat|netcat|ping): ([\w.-]+): (?:Name or service not known|Temporary failure in name resolution|No address associated)/,
  /\b([\w.-]+): forward host lookup failed/
]

/** The host name a line says does not resolve. */
export function unresolvedHost(text: string): string | undefined {
  for (const pattern of UNRESOLVED) {
    const host = pattern.exec(text)?.[1]
    if (host) return host
  }
  return undefined
}

/** How often the same host must fail to resolve, before Gunicorn starts, to say the start script waits on it. */
export const WAIT_REPEATS = 3

/** The host a start script keeps failing to resolve before `Starting gunicorn`, with the first such line. */
export function waitedForHost(lines: readonly LogLine[]): { host: string; line: LogLine; times: number } | undefined {
  const seen = new Map<string, { line: LogLine; times: number }>()
  for (const line of lines) {
    if (/Starting gunicorn/.test(line.text)) break
    const host = unresolvedHost(line.text)
    if (!host) continue
    const entry = seen.get(host) ?? { line, times: 0 }
    entry.times++
    seen.set(host, entry)
  }
  const [host, entry] = [...seen.entries()].sort((a, b) => b[1].times - a[1].times)[0] ?? []
  return host && entry && entry.times >= WAIT_REPEATS ? { host, ...entry } : undefined
}

/** The repository line that gives a variable the value `host` (Dockerfile ENV, a compose file, an .env file). */
export function hostVariable(rc: RuleContext, host: string): (FoundLine & { variable: string }) | undefined {
  const escaped = host.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const setting = new RegExp(`\\b([A-Z][A-Z0-9_]*)\\s*[=:]\\s*["']?(?:[\\w+]+://[^@\\s]*@)?${escaped}(?=["'\\s:/]|$)`)
  const files = [rc.dockerfile(), ...['docker-compose.yml', 'docker-compose.yaml', 'compose.yml', 'compose.yaml', '.env'].map((f) => rc.inContext(f))]
  for (const file of files) {
    if (!file || !rc.repo.isFile(file)) continue
    const found = rc.repo.findLine(file, setting)
    const variable = found && setting.exec(found.text)?.[1]
    if (found && variable) return { file, ...found, variable }
  }
  return undefined
}
