// Where a package is pinned: requirements files read the way pip reads them, following `-r` includes and
// `-c` constraints files, so a pin pip names can be shown (and annotated) on its own line.
import fs from 'node:fs'
import path from 'node:path'

export interface Pin {
  /** The package as written, e.g. `gevent`. */
  name: string
  /** The requirement line without comment, e.g. `gevent==23.9.1`. */
  requirement: string
  /** Absolute path of the file the pin is in. */
  file: string
  line: number
  /** Read through `-c`: a constraint, not a requirement. */
  constraint: boolean
}

const INCLUDE = /^(-r|--requirement|-c|--constraint)(?:\s+|=)(\S+)/
const NAME = /^([A-Za-z0-9][A-Za-z0-9._-]*)/

/** PEP 503 normalised name: `Flask_SQLAlchemy` and `flask-sqlalchemy` are one package. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-')
}

/** Every pin in the file and the files it includes, in pip's reading order; unreadable files are skipped. */
export function readPins(file: string, constraint = false, seen = new Set<string>()): Pin[] {
  if (seen.has(file)) return []
  seen.add(file)
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    return []
  }
  const pins: Pin[] = []
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim()
    const include = line.match(INCLUDE)
    if (include) {
      const isConstraint = constraint || include[1] === '-c' || include[1] === '--constraint'
      pins.push(...readPins(path.resolve(path.dirname(file), include[2]), isConstraint, seen))
      return
    }
    const name = line.startsWith('-') ? undefined : line.match(NAME)?.[1]
    if (name) pins.push({ name, requirement: line, file, line: index + 1, constraint })
  })
  return pins
}

/** The pins of one package, requirements before constraints. */
export function pinsOf(pins: Pin[], name: string): Pin[] {
  const wanted = normalizeName(name)
  return pins.filter((pin) => normalizeName(pin.name) === wanted).sort((a, b) => Number(a.constraint) - Number(b.constraint))
}

/**
 * The requirements files a `RUN pip install …` reads (`-r FILE`, `-c FILE`), found in the build context: at the
 * path as written, else by its file name at the context root (a `COPY requirements/prod.txt .` flattens it).
 */
export function requirementFilesOf(instruction: string, contextDir: string): string[] {
  const files: string[] = []
  for (const match of instruction.matchAll(/(?:^|\s)(?:-r|--requirement|-c|--constraint)(?:\s+|=)(\S+)/g)) {
    const written = match[1].replace(/^['"]|['"]$/g, '')
    const candidates = [path.resolve(contextDir, written.replace(/^\/+/, '')), path.resolve(contextDir, path.basename(written))]
    const found = candidates.find((candidate) => fs.existsSync(candidate))
    if (found && !files.includes(found)) files.push(found)
  }
  return files
}
