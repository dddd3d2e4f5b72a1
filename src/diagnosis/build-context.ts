// Where a file the Dockerfile copies went: excluded by a `.dockerignore` line, or renamed (the closest name that
// does exist), read from the build context on disk.
import fs from 'node:fs'
import path from 'node:path'
import { closestName } from './closest.js'

/** The `.dockerignore` line (1-based) that excludes `relPath`, following Docker's last-match-wins and `!` rules. */
export function dockerignoreLine(contextDir: string, relPath: string): { line: number; pattern: string } | undefined {
  let text: string
  try {
    text = fs.readFileSync(path.join(contextDir, '.dockerignore'), 'utf8')
  } catch {
    return undefined
  }
  let excludedBy: { line: number; pattern: string } | undefined
  text.split(/\r?\n/).forEach((raw, index) => {
    const pattern = raw.trim()
    if (!pattern || pattern.startsWith('#')) return
    const negated = pattern.startsWith('!')
    if (!matchesPathOrParent(negated ? pattern.slice(1) : pattern, relPath)) return
    excludedBy = negated ? undefined : { line: index + 1, pattern }
  })
  return excludedBy
}

function matchesPathOrParent(pattern: string, relPath: string): boolean {
  const cleaned = path.posix.normalize(pattern.replace(/^\/+/, '').replace(/\/+$/, ''))
  const source = cleaned
    .split('**')
    .map((part) =>
      part
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]')
    )
    .join('.*')
  const regex = new RegExp(`^${source}$`)
  const parts = relPath.split('/')
  return parts.some((_, i) => regex.test(parts.slice(0, i + 1).join('/')))
}

/** The existing file nearest in name to a missing one, in the same directory of the context (or its root). */
export function closestExistingFile(contextDir: string, relPath: string): string | undefined {
  const dir = path.posix.dirname(relPath)
  const names = (sub: string): string[] => {
    try {
      return fs.readdirSync(path.join(contextDir, sub))
    } catch {
      return []
    }
  }
  const nearby = closestName(path.posix.basename(relPath), names(dir))
  if (nearby) return dir === '.' ? nearby : `${dir}/${nearby}`
  return dir === '.' ? undefined : closestName(path.posix.basename(relPath), names('.'))
}

export function existsInContext(contextDir: string, relPath: string): boolean {
  return fs.existsSync(path.join(contextDir, relPath))
}
