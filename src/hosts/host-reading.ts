// What one host file says about the run, in the action's own terms: values for the inputs it can fill, the
// plain environment it sets, and the shutdown facts the graceful-shutdown check consumes. Each reader returns
// one; discovery merges it under the explicit inputs.
import fs from 'node:fs'
import path from 'node:path'
import { parse as parseToml } from 'smol-toml'
import { parseDocument } from 'yaml'
import { InputError } from '../setup/input-values.js'
import type { HostId } from './contracts.js'

/** Inputs a host file can fill. */
export const HOST_FILLED_INPUTS = ['dockerfile', 'health-path', 'command', 'port', 'memory', 'timeout'] as const
export type HostFilledInput = (typeof HOST_FILLED_INPUTS)[number]

export interface ShutdownFacts {
  stopSignal?: string
  graceSeconds?: number
  readOnlyRoot?: boolean
  user?: string
  writablePaths?: string[]
}

export interface HostReading {
  host: HostId
  /** Repository-relative, POSIX. */
  file: string
  found: Partial<Record<HostFilledInput, string>>
  /** A value read from another file than `file` (app.json beside heroku.yml). */
  foundIn?: Partial<Record<HostFilledInput, string>>
  env: Array<[string, string]>
  /** Variables the host fills from its own store (secrets, references): the app may need them at boot. */
  hostFilledEnv: string[]
  shutdown: ShutdownFacts
  /** The command replaces the image's ENTRYPOINT too (a Kubernetes container's `command`), not only its CMD. */
  replacesEntrypoint?: boolean
}

export function emptyReading(host: HostId, file: string): HostReading {
  return { host, file, found: {}, env: [], hostFilledEnv: [], shutdown: {} }
}

/** The file's text, or undefined when the repository has none. */
export function readIfPresent(workspace: string, file: string): string | undefined {
  try {
    return fs.readFileSync(path.join(workspace, file), 'utf8')
  } catch {
    return undefined
  }
}

/** A TOML file as an object; a syntax error is one sentence naming the file and line. */
export function parseTomlFile(file: string, text: string): Record<string, unknown> {
  try {
    return parseToml(text)
  } catch (error) {
    const line = (error as { line?: number }).line
    const message = String((error as Error).message).split('\n')[0]
    throw new InputError(`${file}${line ? ` line ${line}` : ''} is not valid TOML: ${message.replace(/\.$/, '')}.`)
  }
}

/** A JSON or YAML file as a value; a syntax error is one sentence naming the file and line. */
export function parseYamlFile(file: string, text: string): unknown {
  const document = parseDocument(text)
  if (document.errors.length > 0) {
    const error = document.errors[0]
    const line = error.linePos?.[0]?.line
    const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
    throw new InputError(`${file}${line ? ` line ${line}` : ''} is not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${message}.`)
  }
  return document.toJS()
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined
}

export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim())) return Number(value)
  return undefined
}

/** A duration as hosts write it (`10s`, `1m30s`, `500ms`, or a bare number of seconds), in seconds. */
export function durationSeconds(value: unknown): number | undefined {
  const bare = numberOf(value)
  if (bare !== undefined) return bare
  if (typeof value !== 'string') return undefined
  const parts = [...value.trim().matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)]
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== value.trim()) return undefined
  const unit = { ms: 0.001, s: 1, m: 60, h: 3600 } as const
  return parts.reduce((sum, [, amount, u]) => sum + Number(amount) * unit[u as keyof typeof unit], 0)
}

/** MiB as the `memory` input writes them (`512m`, `1g` for whole GiB). */
export function memoryInput(mib: number): string {
  return mib % 1024 === 0 ? `${mib / 1024}g` : `${Math.round(mib)}m`
}

/** `sh -c '<command>'` in the input's shell-style syntax: the host runs the command through a shell. */
export function shellCommand(command: string): string {
  return `sh -c '${command.replace(/'/g, `'\\''`)}'`
}
