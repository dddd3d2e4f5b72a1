// The value parsers behind the inputs: each turns one raw input into a typed value or throws an InputError
// whose one sentence names the input.
import fs from 'node:fs'

export class InputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InputError'
  }
}

/** A predicate over HTTP status codes built from `health-status` (e.g. `200`, `200,204`, `2xx`, `200-299`). */
export interface StatusMatcher {
  text: string
  matches(status: number): boolean
}

/** A value quoted in an error message stays on one line. */
export function shown(value: string): string {
  return value.replace(/\r?\n/g, '\\n')
}

/** `KEY=VALUE` per line; blank lines and `#` comments are skipped; the value may contain '='. */
export function parseKeyValueLines(input: string, text: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = []
  const lines = text.split(/\r?\n/)
  lines.forEach((raw, index) => {
    // Trailing blanks (often invisible in YAML) are dropped; leading ones after '=' belong to the value.
    const line = raw.replace(/^\s+/, '').replace(/\s+$/, '')
    if (!line || line.startsWith('#')) return
    const eq = line.indexOf('=')
    if (eq <= 0) {
      throw new InputError(`The input '${input}' has a line without KEY=VALUE form (line ${index + 1}).`)
    }
    pairs.push([line.slice(0, eq).trim(), line.slice(eq + 1)])
  })
  return pairs
}

export function parseStatusMatcher(text: string): StatusMatcher {
  const parts = text.split(',').map((part) => part.trim().toLowerCase())
  const tests: Array<(status: number) => boolean> = []
  for (const part of parts) {
    let match: RegExpMatchArray | null
    if ((match = part.match(/^([1-5])xx$/))) {
      const hundred = Number(match[1]) * 100
      tests.push((status) => status >= hundred && status < hundred + 100)
    } else if ((match = part.match(/^(\d{3})-(\d{3})$/))) {
      const low = Number(match[1])
      const high = Number(match[2])
      if (low > high || low < 100 || high > 599) throw badStatus(text)
      tests.push((status) => status >= low && status <= high)
    } else if (/^\d{3}$/.test(part)) {
      const code = Number(part)
      if (code < 100 || code > 599) throw badStatus(text)
      tests.push((status) => status === code)
    } else {
      throw badStatus(text)
    }
  }
  return { text: parts.join(','), matches: (status) => tests.some((test) => test(status)) }
}

function badStatus(text: string): InputError {
  return new InputError(
    `The input 'health-status' must be status codes, classes or ranges such as '200', '200,204', '2xx' or '200-299', got '${shown(text)}'.`
  )
}

export function parseNumber(input: string, text: string, min: number, max: number): number {
  const value = Number(text)
  if (!/^\d+(\.\d+)?$/.test(text) || !Number.isFinite(value)) {
    throw new InputError(`The input '${input}' must be a number of seconds, got '${shown(text)}'.`)
  }
  if (value < min || value > max) throw new InputError(`The input '${input}' must be between ${min} and ${max}, got '${shown(text)}'.`)
  return value
}

export function parseInteger(input: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text)) throw new InputError(`The input '${input}' must be a whole number, got '${shown(text)}'.`)
  const value = Number(text)
  if (value < min || value > max) throw new InputError(`The input '${input}' must be between ${min} and ${max}, got '${shown(text)}'.`)
  return value
}

export function parseEnum<T extends string>(input: string, text: string, allowed: readonly T[]): T {
  const value = text.toLowerCase() as T
  if (!allowed.includes(value)) {
    throw new InputError(`The input '${input}' must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got '${shown(text)}'.`)
  }
  return value
}

export function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory()
  } catch {
    return false
  }
}

export function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile()
  } catch {
    return false
  }
}
