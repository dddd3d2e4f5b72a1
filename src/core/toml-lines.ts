// Where a key sits in a TOML file. smol-toml parses the file (and so decides whether it is valid TOML) but keeps no
// positions, so a small scanner walks the text the way TOML reads it: table and array-of-tables headers, dotted and
// quoted keys, strings (multi-line ones too), and arrays that span lines, whose string items keep their own lines.
import { parse } from 'smol-toml'

/** One `key = value` of the file: its full key path (table headers included) and the line the key is on. */
export interface TomlEntry {
  path: string[]
  line: number
  /** The value when it is a string (`name = "flask"`). */
  value?: string
  /** The string items of an array value, each with its line (a `dependencies = [` list written one per line). */
  items: { value: string; line: number }[]
}

export type TomlRead = { entries: TomlEntry[]; data: Record<string, unknown> } | { error: string }

/** The file's entries, or one sentence naming the file when it is not valid TOML. */
export function readTomlLines(text: string, name: string): TomlRead {
  let data: Record<string, unknown>
  try {
    data = parse(text)
  } catch (error) {
    const where = (error as { line?: number }).line
    return { error: `${name} is not valid TOML${where ? ` (line ${where})` : ''}, so its lines are not annotated.` }
  }
  return { entries: new TomlScanner(text).entries(), data }
}

/** The entry whose full key path is `path` (bare names, compared as written). */
export function entryAt(entries: TomlEntry[], path: readonly string[]): TomlEntry | undefined {
  return entries.find((entry) => entry.path.length === path.length && entry.path.every((part, i) => part === path[i]))
}

const BARE_KEY = /[A-Za-z0-9_-]/

class TomlScanner {
  private pos = 0
  private readonly lineStarts: number[] = [0]

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1)
  }

  entries(): TomlEntry[] {
    const found: TomlEntry[] = []
    let table: string[] = []
    while (this.pos < this.text.length) {
      this.skipBlank()
      const char = this.text[this.pos]
      if (char === undefined) break
      if (char === '#') this.skipToLineEnd()
      else if (char === '[') table = this.header()
      else {
        const line = this.lineAt(this.pos)
        const key = this.key()
        if (this.text[this.pos] !== '=') {
          this.skipToLineEnd()
          continue
        }
        this.pos++
        const items: TomlEntry['items'] = []
        const value = this.value(items, 0)
        found.push({ path: [...table, ...key], line, items, ...(value === undefined ? {} : { value }) })
      }
    }
    return found
  }

  private lineAt(pos: number): number {
    let low = 0
    let high = this.lineStarts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (this.lineStarts[mid] <= pos) low = mid
      else high = mid - 1
    }
    return low + 1
  }

  private skipBlank(newlines = true): void {
    while (this.pos < this.text.length) {
      const char = this.text[this.pos]
      if (char === ' ' || char === '\t' || char === '\r' || (newlines && char === '\n')) this.pos++
      else if (newlines && char === '#') this.skipToLineEnd()
      else break
    }
  }

  private skipToLineEnd(): void {
    const end = this.text.indexOf('\n', this.pos)
    this.pos = end < 0 ? this.text.length : end + 1
  }

  /** `[a."b.c"]` or `[[a.b]]`: the table's key path. */
  private header(): string[] {
    const double = this.text.startsWith('[[', this.pos)
    this.pos += double ? 2 : 1
    const path = this.key()
    this.pos += double ? 2 : 1
    this.skipToLineEnd()
    return path
  }

  /** A dotted key (`a."b.c".d`), leaving the position on what follows it (`=`, `]`). */
  private key(): string[] {
    const parts: string[] = []
    for (;;) {
      this.skipBlank(false)
      const char = this.text[this.pos]
      if (char === '"' || char === "'") parts.push(this.string())
      else {
        const start = this.pos
        while (this.pos < this.text.length && BARE_KEY.test(this.text[this.pos])) this.pos++
        if (this.pos === start) return parts
        parts.push(this.text.slice(start, this.pos))
      }
      this.skipBlank(false)
      if (this.text[this.pos] !== '.') return parts
      this.pos++
    }
  }

  /** A basic or literal string, single- or multi-line; returns its text (escapes kept as written but `\"`). */
  private string(): string {
    const quote = this.text[this.pos]
    const multi = this.text.startsWith(quote.repeat(3), this.pos)
    const close = multi ? quote.repeat(3) : quote
    this.pos += close.length
    const start = this.pos
    while (this.pos < this.text.length && !this.text.startsWith(close, this.pos)) {
      this.pos += quote === '"' && this.text[this.pos] === '\\' ? 2 : 1
    }
    const body = this.text.slice(start, this.pos)
    this.pos += close.length
    // A multi-line string may end with up to two more quotes that belong to it (`""""a""""`).
    while (multi && this.text[this.pos] === quote) this.pos++
    return quote === '"' ? body.replace(/\\"/g, '"') : body
  }

  /** Skips one value, returning it when it is a string; the string items of a top-level array are collected. */
  private value(items: TomlEntry['items'], depth: number): string | undefined {
    this.skipBlank(depth > 0)
    const char = this.text[this.pos]
    if (char === '"' || char === "'") {
      const line = this.lineAt(this.pos)
      const value = this.string()
      if (depth === 1) items.push({ value, line })
      return value
    } else if (char === '[' || char === '{') {
      this.container(char === '[' ? ']' : '}', items, depth)
    } else {
      while (this.pos < this.text.length && !/[,\]}\n#]/.test(this.text[this.pos])) this.pos++
    }
    return undefined
  }

  /** An array (`]`) or inline table (`}`): its values, separated by commas, until `end`. */
  private container(end: ']' | '}', items: TomlEntry['items'], depth: number): void {
    this.pos++
    for (;;) {
      this.skipBlank(true)
      const char = this.text[this.pos]
      if (char === undefined) return
      if (char === end) {
        this.pos++
        return
      }
      if (char === ',') {
        this.pos++
        continue
      }
      const before = this.pos
      if (end === '}') {
        this.key()
        if (this.text[this.pos] === '=') this.pos++
        this.value([], depth + 1)
      } else {
        this.value(items, depth + 1)
      }
      // Never stuck on a character no value starts with.
      if (this.pos === before) this.pos++
    }
  }
}
