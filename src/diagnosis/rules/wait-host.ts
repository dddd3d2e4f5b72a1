// A start script that waits for a service by name (`until nc -z db 5432`, a driver's connect in a loop) before it
// starts Gunicorn: when the name does not resolve in the container, the same line repeats until the timeout.
import type { LogLine } from '../../core/model.js'
import type { RuleContext } from '../context.js'
import type { FoundLine } from './locate.js'
import { stripLinePrefixes } from '../../gunicorn/line-prefix.js'

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

/** A start script's wait for a service that gave up, or that kept waiting until the log ends. */
export interface WaitGaveUp {
  /** `wait-for-it`, `dockerize`, `pg_isready`, or `the start script` for a loop of its own words. */
  tool: string
  host?: string
  port?: string
  /** The seconds it waited, when it says. */
  seconds?: string
  /** What it waits for, when its own words name a kind of service (`Postgres`). */
  service?: string
  times: number
  line: LogLine
}

// The helpers' own last words: wait-for-it's and dockerize's timeouts, pg_isready's answer for a server that is not up.
const GAVE_UP: readonly [RegExp, (m: RegExpExecArray) => Omit<WaitGaveUp, 'times' | 'line'>][] = [
  [
    /\bwait-for-it(?:\.sh)?: timeout occurred after waiting (\d+) seconds for ([\w.-]+):(\d+)/,
    (m) => ({ tool: 'wait-for-it', seconds: m[1], host: m[2], port: m[3] })
  ],
  [
    /Timeout after (\d+)s waiting on dependencies to become available: \[(?:tcp|https?):\/\/([\w.-]+):(\d+)/,
    (m) => ({ tool: 'dockerize', seconds: m[1], host: m[2], port: m[3] })
  ]
]
const PG_ISREADY = /^([\w.-]+):(\d+) - (?:no response|rejecting connections)\s*$/
// A loop's own words: `Waiting for postgres...`, `Postgres is unavailable - sleeping`, `Database not ready, retrying`.
const WAITING =
  /\b(?:waiting for (?:the )?(postgres(?:ql)?|database|db|mysql|mariadb|redis|mongo(?:db)?|rabbitmq|elasticsearch)\b|(postgres(?:ql)?|database|db|mysql|mariadb|redis|mongo(?:db)?) (?:is )?(?:unavailable|not (?:ready|available|up)(?: yet)?)\b)/i

const mayBeWaiting = (text: string) =>
  text.includes('aiting') ||
  text.includes('Timeout after') ||
  text.includes(' - no response') ||
  text.includes(' - rejecting') ||
  text.includes('vailable') ||
  text.includes('not ready') ||
  text.includes('not up')

/** The wait a start script gave up (or never ended) before Gunicorn started: a helper's timeout, else a loop of 3+. */
export function waitGaveUp(lines: readonly LogLine[]): WaitGaveUp | undefined {
  const loops = new Map<string, WaitGaveUp>()
  for (const line of lines) {
    if (line.text.includes('Starting gunicorn')) break
    // Most lines of a big log hold none of these words: substring looks before the patterns.
    if (!mayBeWaiting(line.text)) continue
    for (const [pattern, read] of GAVE_UP) {
      const m = pattern.exec(line.text)
      if (m) return { ...read(m), times: 1, line }
    }
    const ready = PG_ISREADY.exec(stripLinePrefixes(line.text).trim())
    const waiting = ready ? undefined : WAITING.exec(line.text)
    if (!ready && !waiting) continue
    const key = ready ? `${ready[1]}:${ready[2]}` : (waiting![1] ?? waiting![2]).toLowerCase()
    const entry = loops.get(key) ?? {
      ...(ready ? { tool: 'pg_isready', host: ready[1], port: ready[2] } : { tool: 'the start script', service: waiting![1] ?? waiting![2] }),
      times: 0,
      line
    }
    entry.times++
    loops.set(key, entry)
  }
  return [...loops.values()].filter((entry) => entry.times >= WAIT_REPEATS).sort((a, b) => b.times - a.times)[0]
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
