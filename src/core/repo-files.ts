// The files a zero-input run looks through: a few folders deep, never into dependencies, virtualenvs, VCS data or
// test fixtures (their Dockerfiles and manifests are not the app's).
import fs from 'node:fs'
import path from 'node:path'

const SKIPPED_DIRS = ['node_modules', '.git', '.venv', 'venv', '__pycache__', '.tox', 'site-packages', '__fixtures__', 'tests', 'test']

export interface RepoFileSearch {
  /** Whether a file is wanted; depth 0 is the root. */
  include(name: string, depth: number): boolean
  /** Folder names skipped on top of the usual ones. */
  alsoSkip?: readonly string[]
  /** How many folders below the root are entered. */
  maxDepth?: number
}

/** Matching files, repository-relative POSIX paths, shallowest first, then by name. */
export function findRepoFiles(root: string, { include, alsoSkip = [], maxDepth = 3 }: RepoFileSearch): string[] {
  const skipped = new Set([...SKIPPED_DIRS, ...alsoSkip])
  const found: string[] = []
  const walk = (dir: string, depth: number): void => {
    let entries: fs.Dirent[]
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true })
    } catch {
      return
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory() && depth < maxDepth && !skipped.has(entry.name)) walk(full, depth + 1)
      else if (entry.isFile() && include(entry.name, depth)) found.push(path.relative(root, full).split(path.sep).join('/'))
    }
  }
  walk(root, 0)
  return found.sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b))
}
